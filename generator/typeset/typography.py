"""Each language's typographic conventions, applied to text as it is set (never to addresses):
French narrow no-break spaces before : ; ! ? and inside « », quotation marks as the language writes
them, and typographic apostrophes where the author typed '."""
from __future__ import annotations

import re
from functools import lru_cache

NNBSP = "\u202f"   # narrow no-break space: French puts it before ; ! ? : and inside « »
NBSP = "\u00a0"

# Opening and closing double quotes, by language (the first part of a BCP 47 tag).
QUOTES = {"en": ("\u201c", "\u201d"), "fr": ("«" + NNBSP, NNBSP + "»"), "es": ("«", "»"),
          "ar": ("«", "»"), "pt": ("\u201c", "\u201d"), "de": ("\u201e", "\u201c"), "it": ("«", "»"),
          "ru": ("«", "»"), "uk": ("«", "»"), "zh": ("\u201c", "\u201d"), "ja": ("\u300c", "\u300d"),
          "hi": ("\u201c", "\u201d")}
# each part starts only where its run of characters starts, and never gives back what it took, so a
# 10,000-character word is read once, not once from each of its characters
_ADDRESS = re.compile(r"(?:(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*+:/?/?|www\.)[^\s]+|(?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.]+"
                      r"|(?<!\d)\d++:\d+", re.I)
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_FR_BEFORE = re.compile(r"[ \u00a0\u202f]*([;:!?])(?=\s|$|[»\"')\]])")
_FR_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_FR_CLOSE = re.compile(r"[ \u00a0\u202f]*»")


def _straight_quotes(text: str, opening: str, closing: str) -> str:
    """Pairs of " become the language's quotation marks (an odd one out is left as typed)."""
    if text.count('"') % 2:
        return text
    out, open_next = [], True
    for part in re.split(r'(")', text):
        if part == '"':
            out.append(opening if open_next else closing)
            open_next = not open_next
        else:
            out.append(part)
    return "".join(out)


def _french(text: str) -> str:
    text = _FR_OPEN.sub("«" + NNBSP, text)
    text = _FR_CLOSE.sub(NNBSP + "»", text)
    return _FR_BEFORE.sub(lambda m: NNBSP + m.group(1), text)


def _plain(piece: str, base: str) -> str:
    piece = _APOSTROPHE.sub("\u2019", piece)
    if '"' in piece and base in QUOTES:
        piece = _straight_quotes(piece, *QUOTES[base])
    if base == "fr":
        piece = _french(piece)
    return piece


@lru_cache(maxsize=20_000)
def typography(text: str, language: str) -> str:
    """text as the language sets it; web and e-mail addresses and times are left exactly as typed."""
    base = language.split("-")[0].lower()
    out, last = [], 0
    for match in _ADDRESS.finditer(text):
        out.append(_plain(text[last:match.start()], base))
        out.append(match.group())
        last = match.end()
    out.append(_plain(text[last:], base))
    return "".join(out)
