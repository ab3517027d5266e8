"""event.ics: the event as an RFC 5545 calendar file, for "Add to calendar".

The content's time is free text ("10:00-16:00", "10 h – 16 h", "من 10:00 إلى 16:00", "2 pm"), so the
first two times of day found in it become the start and the end, in the place's own local time
(RFC 5545 "floating" time: a calendar shows 10:00 wherever the reader is, as the poster does).
Without a time the event is a whole day. The file names no clock reading: its UID comes from
the event itself and its DTSTAMP is fixed, so a rebuild gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from ...text import plain

# hours with minutes (10:00, 10.00, 10h00, 10 h 30), or hours with an hour mark or am/pm (10 h, 4 pm)
_TIME = re.compile(r"(?<!\d)(\d{1,2})\s*(?:[:.hH]\s*(\d{2})(?!\d)|\s*(?:[hH](?![a-zA-Z])))?\s*"
                   r"(a\.?\s?m\.?|p\.?\s?m\.?)?(?![\w])", re.I)
STAMP = "20000101T000000Z"   # fixed, as the PDFs' dates are: the same content gives the same bytes


def _ascii_digits(text: str) -> str:
    """Arabic-Indic and other decimal digits as 0-9, so any script's times are read."""
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() and unicodedata.digit(ch, None) is not None
                   else ch for ch in text)


def times(text: str | None) -> list[dt.time]:
    """The times of day written in a free-text time, in order (at most two: start and end)."""
    found: list[dt.time] = []
    for match in _TIME.finditer(_ascii_digits(text or "")):
        hour, minute, half = int(match.group(1)), int(match.group(2) or 0), (match.group(3) or "").lower()
        whole = match.group(0)
        if not (match.group(2) or half or "h" in whole.lower()):
            continue   # a bare number ("Hall 2") is not a time
        if half.startswith("p") and hour < 12:
            hour += 12
        elif half.startswith("a") and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            found.append(dt.time(hour, minute))
        if len(found) == 2:
            break
    return found


def _escape(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """A content line folded at 75 octets, never inside a UTF-8 character (RFC 5545 3.1)."""
    out, current = [], b""
    limit = 75
    for ch in line:
        encoded = ch.encode("utf-8")
        if len(current) + len(encoded) > limit:
            out.append(current.decode("utf-8"))
            current, limit = b"", 74   # continuation lines start with a space
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def ics(kit) -> str | None:
    """The calendar file of the kit's event, or None when there is no dated event."""
    event = kit.content.event
    if not event or not event.date:
        return None
    context = kit.event_context()
    org = kit.content.organization
    day = event.date
    found = times(event.time)
    if found:
        start = dt.datetime.combine(day, found[0])
        end = dt.datetime.combine(day, found[1]) if len(found) > 1 else None
        if end is not None and end <= start:
            end = None
        when = [f"DTSTART:{start:%Y%m%dT%H%M%S}"] + ([f"DTEND:{end:%Y%m%dT%H%M%S}"] if end else [])
    else:
        when = [f"DTSTART;VALUE=DATE:{day:%Y%m%d}", f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}"]
    name = context["name"]
    identity = "\n".join([kit.language, day.isoformat(), name, plain(org.name) if org else ""])
    uid = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:32]
    description = [plain(kit.content.title, kit.language)]
    if event.time and not found:
        description.append(context["time"])
    if org and org.website:
        description.append(org.website)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//idpc-kit//web edition//EN", "CALSCALE:GREGORIAN",
             "BEGIN:VEVENT", f"UID:{uid}@idpc-kit", f"DTSTAMP:{STAMP}", *when,
             f"SUMMARY;LANGUAGE={kit.language}:{_escape(name)}"]
    if context.get("place"):
        lines.append(f"LOCATION;LANGUAGE={kit.language}:{_escape(context['place'])}")
    lines.append(f"DESCRIPTION;LANGUAGE={kit.language}:{_escape(chr(10).join(description))}")
    if org and org.website:
        lines.append(f"URL:{org.website}")
    organizer = _organizer(org) if org else None
    if organizer:
        lines.append(f"ORGANIZER;CN={_param(plain(org.name))}:{organizer}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(_fold(line) + "\r\n" for line in lines)


def _param(value: str) -> str:
    """A parameter value (RFC 5545 3.2): quoted, without the characters a quoted value cannot hold."""
    return '"' + re.sub(r'["\x00-\x1f]', "", value) + '"'


def _organizer(org) -> str | None:
    """mailto: address of the organisation's contact, when the contact line holds one."""
    match = re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", org.contact or "")
    return f"mailto:{match.group(0)}" if match else None
