"""The fact sheet's look (theme.yaml `factsheet:`)."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .base import Factor, Length, Share, Size, Times, _Model


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
