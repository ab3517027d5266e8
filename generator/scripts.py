"""Writing systems: which script a character belongs to, what a reader calls it, and how a user gets a
font for it (a bundled font package, a system font, or a file named in build.fonts)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

CJK_FIX = ("install Noto Sans CJK (`apt install fonts-noto-cjk`; on Windows and macOS a system font is "
           "found), or name a font in build.fonts")


@dataclass(frozen=True)
class Script:
    """A writing system as the kit deals with it."""

    key: str
    name: str            # what a reader calls it, in a message
    bundled: str = ""    # the registry font that covers it ("" when none is bundled)
    system: bool = False  # looked for among the computer's fonts (no font package exists)


SCRIPTS = {s.key: s for s in (
    Script("latin", "Latin letters", "arimo"), Script("greek", "Greek letters", "arimo"),
    Script("cyrillic", "Cyrillic letters", "arimo"), Script("hebrew", "Hebrew letters", "arimo"),
    Script("arabic", "Arabic letters", "ibm-plex-sans-arabic"),
    Script("devanagari", "Devanagari letters", "noto-sans-devanagari"),
    Script("tamil", "Tamil letters", "noto-sans-tamil"), Script("telugu", "Telugu letters", "noto-sans-telugu"),
    Script("thai", "Thai letters", "noto-sans-thai"), Script("khmer", "Khmer letters", "noto-sans-khmer"),
    Script("han", "Chinese characters (Han)", system=True), Script("kana", "Japanese kana", system=True),
    Script("hangul", "Korean Hangul", system=True), Script("cjk", "East Asian punctuation", system=True),
    Script("bengali", "Bengali letters", system=True), Script("gurmukhi", "Gurmukhi letters", system=True),
    Script("gujarati", "Gujarati letters", system=True), Script("oriya", "Odia letters", system=True),
    Script("kannada", "Kannada letters", system=True), Script("malayalam", "Malayalam letters", system=True),
    Script("sinhala", "Sinhala letters", system=True), Script("lao", "Lao letters", system=True),
    Script("tibetan", "Tibetan letters", system=True), Script("myanmar", "Myanmar letters", system=True),
    Script("georgian", "Georgian letters", system=True), Script("armenian", "Armenian letters", system=True),
    Script("ethiopic", "Ethiopic letters", system=True), Script("symbols", "symbols and emoji"),
)}

# (first, last, script) for the blocks that matter; anything else is "symbols"
_RANGES = sorted([
    (0x0000, 0x024F, "latin"), (0x0250, 0x02FF, "latin"), (0x0300, 0x036F, "latin"), (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"), (0x0530, 0x058F, "armenian"), (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"), (0x0750, 0x077F, "arabic"), (0x08A0, 0x08FF, "arabic"),
    (0x0900, 0x097F, "devanagari"), (0x0980, 0x09FF, "bengali"), (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"), (0x0B00, 0x0B7F, "oriya"), (0x0B80, 0x0BFF, "tamil"), (0x0C00, 0x0C7F, "telugu"),
    (0x0C80, 0x0CFF, "kannada"), (0x0D00, 0x0D7F, "malayalam"), (0x0D80, 0x0DFF, "sinhala"),
    (0x0E00, 0x0E7F, "thai"), (0x0E80, 0x0EFF, "lao"), (0x0F00, 0x0FFF, "tibetan"), (0x1000, 0x109F, "myanmar"),
    (0x10A0, 0x10FF, "georgian"), (0x1100, 0x11FF, "hangul"), (0x1200, 0x139F, "ethiopic"),
    (0x1780, 0x17FF, "khmer"), (0x19E0, 0x19FF, "khmer"), (0x1C80, 0x1C8F, "cyrillic"),
    (0x1E00, 0x1EFF, "latin"), (0x1F00, 0x1FFF, "greek"), (0x2000, 0x206F, "latin"),
    (0x2C60, 0x2C7F, "latin"), (0x2DE0, 0x2DFF, "cyrillic"), (0x2E80, 0x2FDF, "han"), (0x3000, 0x303F, "cjk"),
    (0x3040, 0x30FF, "kana"), (0x3100, 0x312F, "han"), (0x3130, 0x318F, "hangul"), (0x31A0, 0x31BF, "han"),
    (0x31C0, 0x31EF, "han"), (0x31F0, 0x31FF, "kana"), (0x3200, 0x33FF, "cjk"), (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"), (0xA640, 0xA69F, "cyrillic"), (0xA720, 0xA7FF, "latin"),
    (0xA8E0, 0xA8FF, "devanagari"), (0xA960, 0xA97F, "hangul"), (0xAB00, 0xAB2F, "ethiopic"),
    (0xAB30, 0xAB6F, "latin"), (0xAC00, 0xD7FF, "hangul"), (0xF900, 0xFAFF, "han"), (0xFB00, 0xFB06, "latin"),
    (0xFB1D, 0xFB4F, "hebrew"), (0xFB50, 0xFDFF, "arabic"), (0xFE10, 0xFE1F, "cjk"), (0xFE30, 0xFE4F, "cjk"),
    (0xFE70, 0xFEFF, "arabic"), (0xFF00, 0xFF65, "cjk"), (0xFF66, 0xFF9F, "kana"), (0xFFA0, 0xFFDC, "hangul"),
    (0xFFE0, 0xFFEF, "cjk"), (0x1B000, 0x1B16F, "kana"), (0x20000, 0x3FFFF, "han"),
])
_STARTS = [r[0] for r in _RANGES]
# the letters of East Asian writing (what a CJK font is looked for)
EAST_ASIAN = frozenset({"han", "kana", "hangul", "cjk"})


@lru_cache(maxsize=65_536)
def script_of(ch: str) -> str:
    """The script key of a character ("symbols" for anything outside the listed blocks)."""
    code = ord(ch)
    k = bisect.bisect_right(_STARTS, code) - 1
    if k >= 0 and _RANGES[k][0] <= code <= _RANGES[k][1]:
        return _RANGES[k][2]
    return "symbols"


def is_east_asian(ch: str) -> bool:
    """True for Han, kana, Hangul and the fullwidth punctuation written with them."""
    return script_of(ch) in EAST_ASIAN


def fix_for(script: str) -> str:
    """What a user does to print a script no installed font covers."""
    if script in EAST_ASIAN:
        return CJK_FIX
    if script == "symbols":
        return "remove them, or name a font that has them in build.fonts"
    name = SCRIPTS[script].name.split()[0] if script in SCRIPTS else script.title()
    return (f"install a font for it (such as Noto Sans {name}, from your system's packages or "
            f"fonts.google.com/noto), or name its font file in build.fonts")


def cjk_region(language: str) -> str:
    """Which regional glyph forms a language's Han characters take: SC, TC, HK, JP or KR."""
    parts = [p.lower() for p in language.replace("_", "-").split("-")]
    base = parts[0]
    if base == "ja":
        return "JP"
    if base == "ko":
        return "KR"
    if base in ("zh", "yue"):
        if "hk" in parts or "mo" in parts or base == "yue":
            return "HK"
        if "hant" in parts or "tw" in parts:
            return "TC"
        return "SC"
    return "SC"
