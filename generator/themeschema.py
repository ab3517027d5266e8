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
Factor = Annotated[float, Field(ge=0, le=5)]  # a space as a multiple of another (times the paragraph space)
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
    smaller: list[Share]
    """The last resort before a sheet over its budget: its column text set at these shares of its size, in turn."""
    header_pad: Length
    """Band above and below the header's text: clear of a printer's unprintable edge."""
    ink_leading: Times
    """A header line's pitch at least, times the height of its ink (Arabic's marks reach far)."""
    title_leading: Times
    """The title's line pitch, times its size."""
    title_min_share: Share
    """A long title gives up size, down to this share of title_size, to stay on two lines."""
    title_step: Size
    """Points it gives up at a time."""
    subtitle_leading: Times
    """The subtitle's line pitch."""
    date_leading: Times
    """The date's line pitch."""
    logo_pad: Length
    """Inside the logo card in the band."""
    logo_max_width: Size
    """The widest a logo is set in the band."""
    logo_gap: Length
    """Between the logo card and the header's text."""
    card_radius: Length
    """Points: the corner radius of the logo card."""
    event_kicker_share: Share
    """The line above the event's name ("Join us"), as a share of event_size."""
    event_kicker_leading: Times
    """Its line pitch."""
    event_title_leading: Times
    """The event's name's line pitch."""
    event_leading: Times
    """The line pitch of date, time, place and organisation in the event box."""
    qr_margin: Length
    """Beside the QR code on each side, where its caption may run wider than the code."""
    qr_card_pad: Length
    """Points: the white card around the QR code, beyond its own quiet zone."""
    qr_caption_gap: Length
    """Between the QR code and its caption."""
    qr_caption_leading: Times
    """The caption's line pitch."""
    lead_characters: Annotated[int, Field(ge=30)]
    """The most characters on a line of the lead: its measure narrows until no line is longer."""
    lead_leading: Times
    """The lead's line pitch."""
    heading_leading: Times
    """A heading's line pitch."""
    heading_after: Factor
    """Space after a heading, times paragraph_space."""
    point_after: Factor
    """Space after a bullet point, times paragraph_space."""
    question_before: Factor
    """Space before an FAQ question, times paragraph_space."""
    question_after: Factor
    """Space after an FAQ question, times paragraph_space."""
    source_after: Length
    """Points after each source."""
    sources_heading_step: Length
    """Points: the Sources heading is set this much larger than small_size."""
    source_leading: Times
    """A source's line pitch."""
    image_before: Length
    """Points before a section's picture."""
    image_after: Length
    """Points after it."""
    image_frame: Length
    """Points: the hairline around a picture."""
    bullet_inset: Length
    """Points from the column's edge to a bullet."""
    table_before: Length
    """Points before a table."""
    table_after: Length
    """Points after a table."""
    caption_after: Length
    """Points between a table's caption and its header."""
    cell_leading: Times
    """A table cell's line pitch."""
    cell_pad_y: Factor
    """Above and below a cell's text, times cell_pad."""
    table_rule: Length
    """Points: the rule under a table."""
    column_rule: Length
    """Points: the rule between the columns."""
    footer_leading: Times
    """The footer's line pitch, times small_size."""
    footer_gap: Length
    """Between the columns and the footer's text (its rule lies in this gap)."""
    footer_rule: Length
    """Points: the rule above the footer."""
    footer_rule_gap: Length
    """Between the footer's rule and its text."""
    page_number_room: Length
    """Kept free beside the footer's text for the page number."""
    page_number_gap: Length
    """At least between the footer's text and the page number."""
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
    key_gap: Length
    """Between the questions of an answer key."""


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
    title_leading: Times
    """The title's line pitch."""
    subtitle_leading: Times
    """The line under the title (Answer key, Master key)."""
    subtitle_step: Length
    """Points: that line is set this much larger than body_size."""
    title_after: Length
    """Between the title and what follows."""
    badge_width: Size
    """The version badge beside the title."""
    badge_height: Size
    """Its height."""
    badge_gap: Length
    """Between the title and the badge."""
    badge_radius: Length
    """Points: the badge's corners."""
    field_shares: tuple[Share, Share, Share]
    """The shares of the line given to Name, Date and Score."""
    field_baseline: Size
    """From the top of the fields to the line written on."""
    field_gap: Length
    """Between one field's line and the next field's label."""
    field_label_gap: Length
    """Between a field's label and its line."""
    score_gap: Length
    """Between the score's line and "of 10"."""
    field_rule: Length
    """Points: the line to write on."""
    fields_after: Length
    """Below the line to write on."""
    hint_before: Length
    """Points above "Select all that apply"."""
    first_option_gap: Length
    """Points above a question's first option."""
    bubble_rule: Length
    """Points: the circles' line."""
    bubble_inset: Length
    """Points from the column's edge to a circle."""
    bubble_rise: Share
    """A circle's centre above the baseline, times the first line's ascent."""
    letter_gap: Length
    """Between a circle and its option's letter."""
    letter_min_share: Share
    """The letters' column at least, times option_size (so options line up)."""
    option_indent_gap: Length
    """Between the letter and the option's text."""
    footer_leading: Times
    """The footer's line pitch, times small_size."""
    footer_gap: Length
    """Between the questions and the footer's text (its rule lies in this gap)."""
    footer_rule: Length
    """Points: the rule above the footer."""
    footer_rule_gap: Length
    """Between the footer's rule and its text."""
    key_after_title: Length
    """Between an answer key's title and its first question."""
    key_number_width: Size
    """An answer key's column of question numbers."""
    key_answer_width: Size
    """Its column of answer letters."""
    key_note_step: Length
    """Points: explanations and references are set this much smaller than key_size."""
    key_answer_step: Length
    """Points: the answer's letters are set this much larger than key_size."""
    key_note_before: Length
    """Points above an explanation."""
    key_gap: Length
    """Between the questions of an answer key."""
    key_rule_gap: Length
    """Between a key's question and the rule under it."""
    key_rule: Length
    """Points: the rule under each question of a key."""
    intro_after: Length
    """Below the master key's introduction."""
    version_width: Size
    """A master key's column per version, at most."""
    versions_share: Share
    """At most this share of the master key's width goes to the versions' columns."""
    version_number_step: Length
    """Points: a question's number in each version, this much smaller than key_size."""
    cell_pad: Length
    """Points, beside the text of the master key's cells."""
    cell_pad_y: Length
    """Points, above and below it."""
    table_rule: Length
    """Points: the rule under the master key's table."""
    sheet_fields_after: Length
    """Below the answer sheet's fields."""
    sheet_bubble_gap: Length
    """Between the circles of a row of the answer sheet."""
    sheet_row_gap: Length
    """Between its rows."""
    sheet_letter_share: Share
    """A circle's letter, times the circle's size."""
    sheet_bubble_inset: Length
    """Points: a circle's line drawn this far inside its size."""
    sheet_number_width: Size
    """The question number's column on the answer sheet."""
    sheet_bubbles_at: Size
    """From the start of a column to its first circle."""
    sheet_version_at: Size
    """From the margin to the first circle of the version row."""
    sheet_version_after: Length
    """Below the version row."""
    sheet_column_rows: Annotated[int, Field(ge=5)]
    """Up to this many questions in one column of circles; more take two."""
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
    key_size: Size
    """The key sentence (poster.line, or the summary's first sentence), at most."""
    key_min_size: Size
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
    band_pad: Length
    """Above the band's text (below the margin)."""
    band_pad_bottom: Length
    """Below the band's text."""
    accent_rule: Length
    """The accent rule under the band."""
    foot_rule: Length
    """The accent band along the foot of the page."""
    date_leading: Times
    """The date's line pitch."""
    date_after: Length
    """Between the date and the title."""
    title_fit_size: Size
    """A title on more than two lines gives up size down to this."""
    title_min_size: Size
    """A title on more than three lines, or when the key sentence needs room, down to this."""
    size_step: Size
    """Points the title and the key sentence give up at a time."""
    subtitle_leading: Times
    """The subtitle's line pitch."""
    subtitle_before: Length
    """Between the title and the subtitle."""
    clear: Length
    """Kept clear between the band or the bottom part and the middle."""
    clear_squeezed: Length
    """The same when the key sentence needs the room."""
    join_share: Share
    """The "Join us" line above the event's name, as a share of event_size."""
    join_leading: Times
    """Its line pitch."""
    join_after: Length
    """Between it and the event's name."""
    event_title_leading: Times
    """The event's name's line pitch."""
    event_title_after: Length
    """Between the event's name and its date."""
    event_leading: Times
    """The line pitch of the event's date, time and place."""
    event_after: Length
    """Between the event and the key sentence."""
    event_after_squeezed: Length
    """The same when the key sentence needs the room."""
    event_squeeze: Share
    """The event's name and lines set at this share when the key sentence needs still more room."""
    key_leading: Times
    """The key sentence's line pitch."""
    key_leading_squeezed: Times
    """The same when it needs the room."""
    middle_above: Share
    """The share of the middle's spare room left above it (a little above the centre, as the eye expects)."""
    qr_min_size: Size
    """The QR code at least, however few its modules."""
    qr_room: Length
    """Added to the QR code's size for the height of the bottom part."""
    logo_room: Length
    """Added to the logo's height for the height of the bottom part."""
    qr_card_pad: Length
    """The white card around the QR code, beyond its quiet zone."""
    qr_caption_gap: Length
    """Between the QR code's dark modules and its caption."""
    qr_caption_leading: Times
    """The caption's line pitch."""
    qr_margin: Length
    """Beside the QR code on each side, where its caption may run wider than the code."""
    org_gap: Length
    """Between the organisation and the QR code."""
    org_top: Length
    """Between the top of the bottom part and the logo or the organisation's name."""
    logo_max_share: Share
    """The widest a logo is set, as a share of the organisation's width."""
    logo_pad: Length
    """Inside the logo card."""
    logo_rule: Length
    """Points: the line around the logo card."""
    card_radius: Length
    """Points: the logo card's corners."""
    logo_after: Length
    """Between the logo and the organisation's name."""
    org_leading: Times
    """The organisation's name's line pitch."""
    web_leading: Times
    """The web address's line pitch."""
    web_gap: Length
    """Between the organisation's name and its web address."""


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
