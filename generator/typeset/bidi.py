"""Bidirectional text: embedding levels of a paragraph (UAX #9, via python-bidi) and the visual order of a line."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

_STRONG_RTL = ("R", "AL", "AN")


def has_rtl(text: str) -> bool:
    """True when text holds a right-to-left character (Arabic, Hebrew ...)."""
    return any(unicodedata.bidirectional(ch) in _STRONG_RTL for ch in text)


@lru_cache(maxsize=4096)
def levels(text: str, rtl: bool) -> tuple[int, ...]:
    """Resolved embedding level of every character of a paragraph (rules P to I of UAX #9)."""
    if not rtl and not has_rtl(text):
        return (0,) * len(text)
    from bidi import algorithm as uba

    # characters this Python's Unicode data has no bidi class for are taken as left-to-right letters
    text = "".join(ch if unicodedata.bidirectional(ch) else "a" for ch in text)
    storage = uba.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    uba.get_embedding_levels(text, storage)
    for index, ch in enumerate(storage["chars"]):
        ch["index"] = index
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    out = [storage["base_level"]] * len(text)
    for ch in storage["chars"]:  # characters removed by rule X9 keep the base level
        out[ch["index"]] = ch["level"]
    return tuple(out)


def line_levels(text: str, levels_: list[int] | tuple[int, ...], base: int) -> list[int]:
    """Rule L1: whitespace at the end of a line, and before tabs, goes back to the paragraph level."""
    out = list(levels_)
    reset = True
    for i in range(len(text) - 1, -1, -1):
        kind = unicodedata.bidirectional(text[i])
        if kind in ("S", "B"):
            out[i], reset = base, True
        elif reset and kind in ("WS", "BN"):
            out[i] = base
        else:
            reset = False
    return out


def visual_order(levels_: list[int]) -> list[int]:
    """Rule L2: indices of a line's characters in the order they are shown, left to right."""
    order = list(range(len(levels_)))
    if not levels_:
        return order
    highest = max(levels_)
    odd = [lv for lv in levels_ if lv % 2]
    if not odd:
        return order
    for level in range(highest, min(odd) - 1, -1):
        i = 0
        while i < len(order):
            if levels_[order[i]] >= level:
                j = i
                while j < len(order) and levels_[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order
