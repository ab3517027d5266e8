"""Where a line may break. Text with Chinese, Japanese or Korean in it follows UAX #14 (uniseg), whose
classes carry the East Asian rules (kinsoku): no line begins with closing punctuation such as 、。」
or small kana, none ends with opening punctuation, and numbers and Latin words stay whole. Other text
breaks after spaces and inside hyphenated words, as before (faster, and the same for Latin scripts).

On top of either, what a reader takes as one thing never breaks: a time range ("10:00–16:00",
"10 h – 16 h"), a phone number, a date ("7 September 2027"), a number with its unit ("30 mm"), a code
("COVID-19", "ISO 27001", "Version B"); a line never begins with the separator "·"; and a web address
breaks only in its path. Groups between " · " separators are kept whole where they fit (soft_groups).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .bidi import WEB_ADDRESS

_SCHEME = re.compile(r"^(?:https?://|mailto:)?(?:www\.)?", re.I)
_URL_BREAK_AFTER = set("/.-?&=_#")
HYPHENS = set("-\u2010\u2013\u2014")
BREAK_SPACES = set(" \t\u3000\u2009\u2002\u2003")
SEPARATOR = " \u00b7 "
_EAST_ASIAN = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef"
                         "\U00020000-\U0003ffff]")

_TIME = r"\d{1,2}(?:[:.h]\d{2}|\s?h(?:\s?\d{2})?)?(?:\s?[ap]\.?\s?m\.?)?"
_UNITS = (r"%|‰|°[CF]?|€|\$|£|¥|₹|km/h|km²|m²|km|cm|mm|m|kg|mg|g|GB|MB|kB|TB|pt|px|h|min|ms|sec|"
          r"ha|ml|kWh|kW|MW|Hz|MHz|GHz|mph|mi|ft|lb|oz|dB|Mbps|kbps|%")
_MONTHS_FALLBACK = ("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec")


_HEADER = b"idpc-kit month names, one per line, v1"   # a file in another format is made again
_MONTH_LOCALES = ("en", "fr", "es", "pt", "de", "it", "nl", "ru", "uk", "pl", "tr", "id", "sw", "hi", "ar")


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    """Month names, wide and abbreviated, in lower case without a final full stop, of the languages the
    kit has wording for (CLDR, via babel). Reading them from CLDR costs a tenth of a second (fifteen
    locales merged with their parents), so they are kept in the user's cache, keyed by babel's data."""
    from .. import usercache

    stamp = _cldr_stamp()
    kept = usercache.folder("cldr") / f"months-{stamp}.txt" if stamp else None
    cached = usercache.read(kept) if kept else None
    if cached and cached.startswith(_HEADER + b"\n"):
        return frozenset(cached.decode("utf-8").split("\n")[1:])
    names = set(_MONTHS_FALLBACK.split())
    try:
        from babel.dates import get_month_names

        for locale in _MONTH_LOCALES:
            for width in ("wide", "abbreviated"):
                for context in ("format", "stand-alone"):
                    names |= {n.lower().rstrip(".") for n in get_month_names(width, context, locale).values()}
    except Exception:  # noqa: BLE001 - without CLDR data, English months still hold
        return frozenset(n for n in names if len(n) >= 3)
    found = frozenset(n for n in names if len(n) >= 3)
    if kept:
        usercache.keep(kept, "\n".join([_HEADER.decode(), *sorted(found)]).encode("utf-8"))
    return found


def _cldr_stamp() -> str | None:
    """Which CLDR data babel has (its data file's place, size and time, and the locales asked for),
    found without importing babel; None without babel."""
    import hashlib

    from .. import usercache

    data = usercache.installed("babel", "global.dat")
    return hashlib.sha256(f"{data}|{','.join(_MONTH_LOCALES)}".encode()).hexdigest()[:16] if data else None


_DAY = r"\d{1,2}(?:\.|er|st|nd|rd|th|º)?"
_YEAR = r"\d{4}(?:\s?(?:г\.|year|年))?"
# a word that may be a month (checked against the names: an alternation of 270 names costs 30 ms to
# compile at every start); Devanagari's vowel signs are not \w, so the word runs to a space or a stop
_WORD = r"[^\W\d_][^\s\d.,;:!?()/]*"
_KEPT_WHOLE = re.compile("|".join(f"(?:{p})" for p in [
    rf"{_TIME}\s?[–—-]\s?{_TIME}",                                    # 10:00–16:00, 10 h – 16 h
    r"(?<![\w+])\+\d[\d\s\u00a0().-]{5,}\d|\(?\b0\d[\d\s\u00a0().-]{6,}\d",  # +44 20 7946 0000, 0800 555 0199
    rf"\d[\d.,]*\s(?:{_UNITS})(?![\w])",                               # 30 mm, 10 %, 5 km/h
    r"(?:\d+年)?(?:\d+月)?\d+[年月日时時点點分秒个個名位人次号號岁歳元円万億亿千百件回년월일시분초명개원%％]",
    r"(?:[€$£¥₹№§]|\b(?:No|Nr|Art|p|pp|Vol|Ch)\.)\s?\d",               # € 5, No. 7, § 3
    r"\d+\s(?:гг?|тыс|млн|млрд|руб|коп|км|ч|мин)\.?(?!\w)",              # 1923 г., 5 млн
]), re.I)
_DATES = re.compile(
    rf"\b{_DAY}\s(?:de\s)?(?P<after>{_WORD})\.?(?:,?\s(?:de\s)?{_YEAR})?"    # 7 September 2027, 7 de setembro de 2027
    rf"|\b(?P<before>{_WORD})\.?\s{_DAY},?(?:\s{_YEAR})?", re.I)              # September 7, 2027


def _kept_whole(text: str):
    """(start, end) of every stretch of text that a line never breaks inside."""
    for match in _KEPT_WHOLE.finditer(text):
        yield match.start(), match.end()
    pos = 0
    while (match := _DATES.search(text, pos)) is not None:
        if (match.group("after") or match.group("before")).lower() in _months():
            yield match.start(), match.end()
            pos = match.end()
        else:   # not a month ("Friday 7"): a date may still start inside it ("7 September")
            pos = match.start() + 1
    for match in _CODES.finditer(text):
        yield match.start(), match.end()


# codes, where capitals matter: ISO 27001, COVID 19, Version B, Annex A
_CODES = re.compile(r"\b[A-Z][A-Z0-9]{1,9}\s\d[\d./:-]*|\b[^\W\d_]+\s[A-Z](?![\w'’])")


def _east_asian_points(text: str) -> set[int]:
    from uniseg.linebreak import line_break_boundaries

    return {p for p in line_break_boundaries(text) if 0 < p < len(text)}


def _latin_points(text: str) -> set[int]:
    out: set[int] = set()
    for i, ch in enumerate(text[:-1]):
        nxt = text[i + 1]
        if ch in BREAK_SPACES and nxt not in BREAK_SPACES:
            out.add(i + 1)
        elif ch in HYPHENS and i > 0 and text[i - 1].isalpha() and nxt.isalpha():
            out.add(i + 1)      # inside a hyphenated word, never in a code such as COVID-19 or 2027-09
    return out


@lru_cache(maxsize=20_000)
def break_points(text: str, web: bool = True) -> tuple[int, ...]:
    """Positions where a line may start. web=False leaves out the breaks inside web addresses, as
    PowerPoint and LibreOffice do (the deck is measured the way they will wrap it)."""
    out = _east_asian_points(text) if _EAST_ASIAN.search(text) else _latin_points(text)
    for start, end in _kept_whole(text):
        out.difference_update(range(start + 1, end))
    for i in range(1, len(text)):
        if text[i] == "\u00b7" and text[i - 1] in BREAK_SPACES:
            out.discard(i)       # a line never begins with the separator
    if not web:     # office programs break a web address where they break words, no more
        return tuple(sorted(out))
    for match in WEB_ADDRESS.finditer(text):
        start = match.start() + len(_SCHEME.match(match.group()).group())
        slash = text.find("/", start, match.end())
        path = slash if slash >= 0 else match.end()     # the host name stays whole: "press.un.org"
        out.difference_update(range(match.start() + 1, match.end()))
        out.update(i + 1 for i in range(max(start, path), match.end() - 1) if text[i] in _URL_BREAK_AFTER)
    return tuple(sorted(out))


@lru_cache(maxsize=4096)
def soft_groups(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the parts between " · " separators, each kept on one line where it fits."""
    if SEPARATOR not in text:
        return ()
    out, start = [], 0
    for match in re.finditer(re.escape(SEPARATOR), text):
        out.append((start, match.start() + 2))     # the separator ends the part before it
        start = match.end()
    out.append((start, len(text)))
    return tuple(out)


def unbreakable(text: str) -> list[str]:
    """The pieces of text that a line can never break inside (words, and parts of web addresses)."""
    points = [0] + [p for p in break_points(text) if 0 < p < len(text)] + [len(text)]
    return [piece for a, b in zip(points, points[1:]) if (piece := text[a:b].strip())]
