"""The deck's slides of each kind (theme.yaml `deck:` title_slide, section, closing, agenda, text, quiz)."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .base import Inset, Length, Share, Size, _Model


class DeckTitleSlide(_Model):
    """The title slide: its boxes in the built-in design (inches), its text in any design (points)."""

    title_top: Length
    """Built-in design: top of the title box."""
    title_height: Size
    """Built-in design: height of the title box."""
    title_size: Size
    """Built-in design: the title's size."""
    least_title_size: Size
    """The title is tried from the larger of this and the layout's own title size down."""
    title_lines: Annotated[int, Field(ge=1)]
    """The most lines the title takes."""
    body_top: Size
    """Built-in design: top of the details (subtitle, date, event, organisation)."""
    body_gap: Length
    """Built-in design: between the details and the footer strip."""
    logo_top: Length
    """Built-in design: top of the logo's box."""
    logo_width: Size
    """Built-in design: width of the logo's box, at the end of the title's line."""
    rule_gap: Length
    """The accent rule under the title sits this far above the details."""
    detail_size: Size
    """The subtitle and the date, at most."""
    min_detail_size: Size
    """The subtitle and the date, at least; less important details give way first."""
    minor_share: Share
    """The event line and the organisation, times the subtitle's size ..."""
    min_minor_size: Size
    """... but not below this."""
    detail_space: Length
    """Before each detail but the first, times its size."""


class DeckSection(_Model):
    """Section dividers and the quiz's opening slide."""

    indent: Length
    """Built-in design: the title and body start this far in from the margin, clear of the side band."""
    title_top: Length
    """Built-in design: top of the title box."""
    title_height: Size
    """Built-in design: height of the title box."""
    title_size: Size
    """Built-in design: the title's size."""
    least_title_size: Size
    """The title is tried from the larger of this and the layout's own title size down."""
    title_lines: Annotated[int, Field(ge=1)]
    """The most lines a divider's title takes."""
    body_top: Size
    """Built-in design: top of the body."""
    body_gap: Length
    """Built-in design: between the body and the footer strip."""
    kicker_size: Size
    """"Part 2 of 8" over a divider's title (scaled with a smaller slide)."""
    kicker_gap: Length
    """Room kept under the kicker in the title box, besides its line."""
    title_space: Length
    """Points between the kicker and the title."""
    rule_gap: Length
    """The accent rule under the title sits this far above the body."""


class DeckClosing(_Model):
    """The closing slide: the website with its QR code, the event, the contact."""

    title_top: Length
    """Built-in design: top of the title box."""
    title_height: Size
    """Built-in design: height of the title box."""
    title_size: Size
    """Built-in design: the title's size."""
    title_lines: Annotated[int, Field(ge=1)]
    """The most lines the title takes."""
    body_top: Size
    """Built-in design: top of the body."""
    body_gap: Length
    """Built-in design: between the body and the footer strip."""
    rule_gap: Length
    """The accent rule under the title sits this far above the body."""
    qr_margin: Length
    """The QR code is at least this much shorter than the body ..."""
    qr_share: Share
    """... and at most this share of its width."""
    text_gap: Length
    """Room the text leaves beside the QR code besides the code itself: the code's card margin at the
    body's edge, and the space between the text and the code."""
    more_size: Size
    """"Find out more"."""
    more_gap: Length
    """Below it."""
    link_size: Size
    """The web address on its card, at most ..."""
    min_link_size: Size
    """... and at least (it stays on one line)."""
    link_inset: Inset
    """Inside the web address's card."""
    link_room: Length
    """The address is fitted to the text's width less this."""
    link_slack: Length
    """Added to the address's measured width in its card."""
    link_gap: Length
    """Below the web address's card."""
    name_size: Size
    """The event's name."""
    detail_size: Size
    """The event's date, time and place, and the contact line."""
    detail_space: Length
    """Points before the event's date and its place."""
    contact_space: Length
    """Points before the contact line."""
    shrink: list[Annotated[float, Field(gt=0, le=1)]]
    """The text is set at these scales, largest first, until it fits beside the QR code."""


class DeckAgenda(_Model):
    """The agenda."""

    column_width: Size
    """Two columns only where each would be at least this wide."""
    column_gain: Length
    """Two columns only when they set the items more than this many points larger than one."""
    larger: Length
    """Points: the items may be set this much larger than body text."""
    number_indent: Length
    """The numbers hang in this, times the text size."""
    space: Length
    """Before each item, times the text size."""
    numbering: Literal["arabicPeriod", "arabicParenR", "arabicPlain", "romanUcPeriod", "romanLcPeriod",
                       "alphaUcPeriod", "alphaLcPeriod"]
    """How the items are numbered (PowerPoint's schemes: arabicPeriod is 1. 2. 3.)."""


class DeckText(_Model):
    """Body text of text, picture and FAQ slides (points unless a field says otherwise)."""

    talk_drop: Share
    """Talk style: the text sits this share of the free height down the body (the rest below it)."""
    min_height: Size
    """Inches: the least height of a text box."""
    balance: Share
    """Text split over slides: the smallest part at least this share of the largest (in blocks and height)."""
    bullet_indent: Length
    """Bullets hang in this, times the body size."""
    talk_point_space: Length
    """Talk style: before each point."""
    talk_lead_space: Length
    """Talk style: before a section's lead sentence."""
    paragraph_space: Length
    """Full style: before each paragraph."""
    point_space: Length
    """Full style: before each point."""
    talk_question_space: Length
    """Talk style: before each FAQ question."""
    question_space: Length
    """Full style: before each FAQ question."""
    answer_space: Length
    """Full style: before each paragraph of an answer."""
    answer_point_space: Length
    """Full style: before each point of an answer."""


class DeckQuiz(_Model):
    """The quiz's slides: its opening slide (on the section layout), its question and reveal slides."""

    intro_title_lines: Annotated[int, Field(ge=1)]
    """The most lines the opening slide's title takes."""
    intro_size: Size
    """The opening slide's text, at most ..."""
    min_intro_size: Size
    """... and at least."""
    intro_note_drop: Length
    """Points: its "select all that apply" note is set this much smaller."""
    intro_note_space: Length
    """Points before that note."""
    intro_count_space: Length
    """Points before the number of questions."""
    gap: Length
    """Between option boxes, and between the question, the options and the explanation."""
    option_inset: Inset
    """Inside an option's box."""
    letter_gap: Length
    """After an option's letter, times the option size."""
    last_option_size: Size
    """Options below the theme's smallest size, down to this, before they go over two slides."""
    min_question_size: Size
    """The question's text, at least (or the smallest option size, if smaller)."""
    column_lines: Annotated[int, Field(ge=1)]
    """Options go in two columns when none takes more lines than this ..."""
    small_column_lines: Annotated[int, Field(ge=1)]
    """... or than this at the small option size or below, where lines are short."""
    small_option_size: Size
    """That small option size."""
    hint_drop: Length
    """Points: "select all that apply" is set this much smaller than the options ..."""
    min_hint_size: Size
    """... and not below this."""
    hint_space: Length
    """Points before it."""
    explain_inset: Inset
    """Inside the explanation's box on a reveal."""
    tight_inset: Inset
    """Inside the explanation's box when it takes the question's place."""
    tight_gap: Length
    """Between that box and the options below it."""
    explain_size: Size
    """The explanation, at most ..."""
    explain_drop: Length
    """... and this many points smaller than the options ..."""
    min_explain_size: Size
    """... and at least (scaled with a smaller slide)."""
    alone_explain_size: Size
    """A question laid out alone tries its explanation from at least this size."""
    see_space: Length
    """Before "see the section ...", times its size."""
    split_question_size: Size
    """The question's text on a question whose options go over two slides."""
