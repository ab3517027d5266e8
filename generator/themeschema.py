"""The theme's schema (theme.yaml): every key typed, with one docstring each, as model.py is for content.

Values are the default theme's unless a theme names them; the default theme (templates/default/theme.yaml)
holds every key. Colours are hex RGB, text sizes points, page measures millimetres and deck measures
inches unless a field says otherwise.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from . import fonts as _fonts

Size = Annotated[float, Field(gt=0)]          # a text size, a height, a width: more than 0
Length = Annotated[float, Field(ge=0)]        # a gap, a pad, a rule: 0 or more
Share = Annotated[float, Field(gt=0, lt=1)]   # a fraction of something, between 0 and 1
Times = Annotated[float, Field(ge=1, le=3)]   # a line pitch or a width allowance, times the text size
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]
Inset = tuple[Length, Length, Length, Length]   # inside a box: left, top, right, bottom
Anchor = Literal["top", "middle", "bottom"]   # where text sits in a box, top to bottom


def _known_font(name: str) -> str:
    if name not in _fonts.REGISTRY and not name.lower().endswith((".ttf", ".otf", ".ttc")):
        raise ValueError(f"{name!r} is not a font the kit knows; use one of {', '.join(_fonts.REGISTRY)}, "
                         "or a font file in the theme folder (fonts/My-Regular.ttf, or {regular: ..., bold: ...})")
    return name


FontName = Annotated[str, AfterValidator(_known_font)]


# Field docstrings document the theme; reading them at every start costs pydantic more than building the
# models, and a build never prints them: a copy of this module loaded with _DOCS set reads them.
_DOCS = globals().get("_DOCS", False)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=_DOCS, frozen=True)


class FontFiles(_Model):
    """A family of static font files inside the theme folder."""

    regular: str
    """The upright file, such as fonts/MySans-Regular.ttf (.ttf or .otf)."""
    bold: str | None = None
    """The bold file."""
    italic: str | None = None
    """The italic file."""
    bolditalic: str | None = None
    """The bold italic file."""
    name: str | None = None
    """The family's name as documents name it (default: the regular file's name)."""


Font = Annotated[FontName | FontFiles, Field(union_mode="left_to_right")]


class Fonts(_Model):
    """The fonts text is set in: chosen from the kit's registry, or files inside the theme folder."""

    text: Font
    """The main family (Latin, Greek, Cyrillic, Hebrew): a registry name such as arimo, or files."""
    fallbacks: list[Font] = []
    """Families for other scripts, tried in this order."""


class Colors(_Model):
    """The palette, each as #RRGGBB."""

    primary: Color
    """Header band and headings."""
    secondary: Color
    """Table headers, links, bullets, accents on white."""
    accent: Color
    """Thin rules on the band, the date."""
    text: Color
    """Body text."""
    muted: Color
    """Footers, small print."""
    light: Color
    """Table banding, the event box, option boxes."""
    rule: Color
    """Hairlines, and the border of a picture on a slide."""
    on_primary: Color
    """Text on the primary colour."""
    correct: Color
    """The correct option on a reveal slide and a scoring overlay."""
    on_correct: Color
    """Text on the correct colour."""
    badge: Color
    """The card behind a logo or a QR code, so any logo stays visible."""
    background: Color
    """The paper and the built-in design's content slides; table rows alternate it with light."""


class FactsheetTight(_Model):
    """How far the fact sheet may tighten to save a page."""

    leading: Times
    """Distance between lines, times the text size."""
    leading_rtl: Times
    """The same for right-to-left text."""
    paragraph_space: Length
    """Points after a paragraph."""
    lead_size: Size
    """The summary under the header."""
    heading_space: Length
    """Points before a heading."""


class Factsheet(_Model):
    """The fact sheet (millimetres and points)."""

    max_pages: Annotated[int, Field(ge=1)]
    """The page budget: one sheet printed on both sides is 2; FAQ questions give way first."""
    margin: Length
    """Page margin."""
    band_height: Size
    """The coloured header band."""
    accent_rule: Length
    """The rule under the band."""
    title_size: Size
    """The title."""
    subtitle_size: Size
    """The subtitle."""
    date_size: Size
    """The date in the band."""
    logo_height: Size
    """Height of the logo card in the band."""
    event_title_size: Size
    """The event's name in the event box."""
    event_size: Size
    """Date, time, place and organisation in the event box (10 pt or more)."""
    event_pad: Length
    """Inside the event box."""
    event_bar: Length
    """The accent bar along the event box's edge."""
    qr_size: Size
    """The QR code to the website, in the event box."""
    lead_size: Size
    """The summary under the header."""
    heading_size: Size
    """Section headings."""
    body_size: Size
    """Body text."""
    small_size: Size
    """Sources and footer."""
    leading: Times
    """Distance between lines, times the text size."""
    leading_rtl: Times
    """Arabic needs room above and below for its marks."""
    paragraph_space: Length
    """Points after a paragraph."""
    heading_space: Length
    """Points before a heading."""
    bullet_indent: Length
    """Points; bullets hang in it."""
    column_gap: Length
    """Between the two columns."""
    block_gap: Length
    """Between the header, the event box, the lead and the columns."""
    image_max_height: Size
    """The tallest a section's picture is set."""
    cell_pad: Length
    """Points, inside table cells."""
    last_page_min: Share
    """A last page less full than this makes the sheet tighten to drop it."""
    tight: FactsheetTight
    """How far the sheet may tighten to save a page."""


class QuizTight(_Model):
    """How far a handout may tighten to save a page."""

    leading: Times
    """Distance between lines, times the text size."""
    question_gap: Length
    """Between questions."""
    option_gap: Length
    """Points between options."""


class Quiz(_Model):
    """The quiz handouts, keys and answer sheets (millimetres and points)."""

    margin: Length
    """Page margin."""
    title_size: Size
    """The handout's title."""
    body_size: Size
    """Questions and "Select all that apply"."""
    option_size: Size
    """Options."""
    small_size: Size
    """Footers and notes."""
    key_size: Size
    """The answer key."""
    leading: Times
    """Distance between lines, times the text size."""
    leading_rtl: Times
    """The same for right-to-left text."""
    bubble: Size
    """Diameter of the circles to fill in."""
    question_gap: Length
    """Between questions."""
    option_gap: Length
    """Points between options."""
    column_gap: Length
    """Between the two columns."""
    number_width: Size
    """The question number's column."""
    sheet_bubble: Size
    """Circles of the answer sheet and scoring overlays."""
    tight: QuizTight
    """How far a handout may tighten to save a page."""


class Poster(_Model):
    """The poster (millimetres on A3, scaled on Tabloid; points)."""

    margin: Length
    """Page margin."""
    band_height: Size
    """The coloured top part."""
    title_size: Size
    """Readable across a room (60 pt or more)."""
    date_size: Size
    """The date."""
    event_title_size: Size
    """The event's name."""
    event_size: Size
    """The event's date, time and place."""
    lead_size: Size
    """The subtitle in the band."""
    key_size: Size = 44
    """The key sentence (poster.line, or the summary's first sentence), at most."""
    key_min_size: Size = 28
    """The key sentence at least: read from two metres; below it the sentence is left out, with a warning."""
    small_size: Size
    """The caption under the QR code."""
    org_size: Size
    """The organisation's name, at the foot."""
    web_size: Size
    """Its web address, readable from a step away."""
    leading: Times
    """Distance between lines, times the text size."""
    leading_rtl: Times
    """The same for right-to-left text."""
    qr_module: Size
    """Width of one QR module: 3 mm and more scan from 2 m away."""
    logo_height: Size
    """The logo's height."""


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


class Theme(_Model):
    """A theme: the look of every output, as data."""

    name: str = ""
    """The theme's name (for people; the folder's name is what --theme takes)."""
    fonts: Fonts
    """The fonts."""
    colors: Colors
    """The palette."""
    factsheet: Factsheet
    """The fact sheet."""
    quiz: Quiz
    """The quiz handouts and keys."""
    poster: Poster
    """The poster."""
    deck: Deck
    """The built-in deck design."""
