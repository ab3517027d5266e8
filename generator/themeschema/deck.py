"""The deck's look (theme.yaml `deck:`): the built-in design, and how the deck sits on an organisation's template."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Anchor, Inset, Length, Share, Size, Times, _Model
from .deck_slides import DeckAgenda, DeckClosing, DeckQuiz, DeckSection, DeckText, DeckTitleSlide


class DeckTemplate(_Model):
    """How the deck sits on an organisation's template (inches), and the text palette made from its colours."""

    margin: Length
    """Text stays this far inside the slide's edges where the template's own boxes leave room free."""
    title_gap: Length
    """Between the title and a body placed in the free room above or below it."""
    shape_gap: Length
    """Between such a body and a shape of the master along its top or foot, or a footer."""
    side_gap: Length
    """Between such a body and a band of the master down the side."""
    end_gap: Length
    """Between a title and a small shape of the master at its end (a corner mark, a logo)."""
    min_body: tuple[Size, Size]
    """The least width and height of a body; a layout with less takes the free room beside its title."""
    logo: tuple[Size, Size]
    """Width and height of the content's logo on a template without one of its own, in the top corner ..."""
    foot_logo: tuple[Size, Size]
    """... or, where the top corner is taken, at the foot ..."""
    foot_logo_rise: Size
    """... its top this far above the bottom margin."""
    stand_in_slack: Times
    """A template font without Arial's widths is measured this much wider again."""
    title_size: Size
    """A title's size where the template's layout, master and theme name none (the Office theme's)."""
    light: Share
    """Option boxes and table bands: the template's first accent this share of the way to its background ..."""
    light_contrast: Times
    """... unless that stands out from the background more than this (or text on it reads badly) ..."""
    light_text: Share
    """... then its text colour this share of the way to the background."""
    muted: Share
    """Small print: the text colour this share of the way to the background."""
    rule: Share
    """Hairlines and borders: the first accent this share of the way to the background."""
    fill_contrast: Annotated[float, Field(ge=1, le=21)]
    """The least contrast of the correct answer's fill with the slide and the white (WCAG's for shapes)."""


class Deck(_Model):
    """The built-in deck design, in inches on a 13.333 x 7.5 slide; text sizes in points."""

    margin_x: Length
    """Left and right margin."""
    title_top: Length
    """Top of the title box in the band."""
    title_height: Size
    """Height of the title box in the band."""
    band_height: Size
    """The primary band behind slide titles."""
    band_rule: Length
    """The accent rule under the band."""
    body_top: Size
    """Where the body starts."""
    footer_height: Size
    """The footer strip at the foot of each slide."""
    footer_inset: Length
    """Above and below the footer text, inside its box."""
    number_inset: Length
    """Around the slide number, inside its box."""
    number_align: Literal["start", "center", "end"]
    """The slide number in its box: end is the right (the left in a right-to-left deck)."""
    side_band: Length
    """The band along the left of divider and quiz slides."""
    end_rule: Length
    """The accent rule along the foot of the title and closing slides."""
    accent_rule: tuple[Size, Size]
    """Width and height of the short rule under titles on title, divider, quiz and closing slides."""
    title_size: Size
    """Slide titles."""
    min_title_size: Size
    """The smallest a long title is set."""
    body_size: Size
    """Talk style: one point in few words, read from the back of a hall."""
    min_body_size: Size
    """Talk style: the smallest body text."""
    full_body_size: Size
    """Full style (a reading deck): body text."""
    full_min_body_size: Size
    """Full style: the smallest body text."""
    question_size: Size
    """Quiz questions."""
    option_size: Size
    """Quiz options."""
    min_option_size: Size
    """Talk style: long options continue on a second slide rather than shrink below this."""
    full_min_option_size: Size
    """Full style: the smallest options."""
    table_size: Size
    """Full style: table text."""
    talk_table_size: Size
    """Talk style: table text."""
    min_table_size: Size
    """Never below this: long tables split instead."""
    table_cell_inset: Inset
    """Inside each table cell, left, top, right and bottom."""
    table_header_bold: bool
    """The header row in bold."""
    table_header_anchor: Anchor
    """The header row's text: top, middle or bottom of its cell."""
    table_anchor: Anchor
    """The other rows' text in their cells."""
    line_height: Times
    """Exact line pitch (times the size), so any substitute font measures the same."""
    line_height_rtl: Times
    """Arabic's tall letters and marks need more room."""
    width_slack: Times
    """Text is measured this much wider than Arimo, so it fits in Arial, Liberation Sans and DejaVu Sans."""
    rtl_width_slack: Times
    """Arabic is measured wider still: the viewer's Arabic font is not ours."""
    bold_width_slack: Times
    """And bold this much wider again."""
    rtl_bold_width_slack: Times
    """Bold Arabic varies most from font to font."""
    image_share: Share
    """Share of the body width given to a section picture beside the text."""
    gap: Length
    """Between columns, and between text and picture."""
    talk_words: Annotated[int, Field(ge=10)]
    """Talk style: the most words a slide should carry; a section over it says less on the slide."""
    lead_words: Annotated[int, Field(ge=2)]
    """Talk style: a point longer than this shows its lead phrase."""
    logo_height: Size
    """The logo on the title and closing slides."""
    qr_size: Size
    """The QR code on the closing slide."""
    card_pad: Length
    """Around a logo or QR code on its card."""
    picture_border: Length
    """Points: the rule around a picture that has no card."""
    box_rule: Length
    """Points: the rule around a box that has one (the quiz options)."""
    corner: Annotated[float, Field(ge=0, le=0.5)]
    """The corner radius of rounded boxes and cards, as a share of the shorter side (0: square)."""
    contrast: Annotated[float, Field(ge=1, le=21)]
    """The least WCAG contrast of text on what lies behind it."""
    slide: tuple[Size, Size]
    """Width and height of the built-in design's slide; the text sizes are set for it (and scale down
    on a smaller template slide)."""
    text_inset: Inset
    """Inside every text box that names none of its own, left, top, right and bottom."""
    body_gap: Length
    """Between the body of content slides and the footer strip."""
    footer_rule: Length
    """The hairline over the footer strip."""
    footer_top: Length
    """The footer text's box starts this far below that hairline ..."""
    footer_bottom: Length
    """... and ends this far above the slide's foot."""
    number_width: Size
    """The slide number's box, at the end of the footer strip."""
    number_gap: Length
    """Between the footer text's box and the slide number's."""
    footer_size: Size
    """The footer text and the slide number, at most ..."""
    min_footer_size: Size
    """... and at least (the footer stays on one line)."""
    least_size: Size
    """The smallest any title or text is set when nothing from its own smallest size fits."""
    title_step: Times
    """Content titles come in one size or two; the larger at most this times the smaller."""
    link_underline: bool
    """Web addresses underlined, as well as in the link colour."""
    script_words: Annotated[int, Field(ge=10)]
    """Talk style: the most words of one slide's speaker notes (about a minute and a half aloud)."""
    faq_per_slide: Annotated[int, Field(ge=1)]
    """Talk style: FAQ questions on one slide ..."""
    faq_short_per_slide: Annotated[int, Field(ge=1)]
    """... and where their answers are short (a quarter of script_words or less)."""
    table_row_pad: Length
    """Added to each table row's height, below its cell margins."""
    table_intro_gap: Length
    """Between a table's lead-in text and the table."""
    table_word_width: Size
    """A column is kept wide enough for its longest word, up to this ..."""
    table_word_slack: Times
    """... measured this much wider, so that no viewer's font breaks it."""

    title_slide: DeckTitleSlide
    """The title slide."""
    section: DeckSection
    """Section dividers and the quiz's opening slide."""
    closing: DeckClosing
    """The closing slide."""
    agenda: DeckAgenda
    """The agenda."""
    text: DeckText
    """Body text of text, picture and FAQ slides."""
    quiz: DeckQuiz
    """The quiz's slides."""
    template: DeckTemplate
    """How the deck sits on an organisation's template."""
