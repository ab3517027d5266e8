"""The poster's look (theme.yaml `poster:`)."""
from __future__ import annotations

from .base import Length, Share, Size, Times, _Model


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
