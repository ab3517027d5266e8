"""Bidirectional text: embedding levels of a paragraph (UAX #9, via python-bidi) and the visual order of a line."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_STRONG_RTL = ("R", "AL", "AN")
_ISOLATES = {"\u2066": "\u202a", "\u2067": "\u202b", "\u2068": "\u202a", "\u2069": "\u202c"}


def has_rtl(text: str) -> bool:
    """True when text holds a right-to-left character (Arabic, Hebrew ...)."""
    return any(unicodedata.bidirectional(ch) in _STRONG_RTL for ch in text)


@lru_cache(maxsize=4096)
def levels(text: str, rtl: bool) -> tuple[int, ...]:
    """Resolved embedding level of every character of a paragraph (rules P to I of UAX #9)."""
    if not rtl and not has_rtl(text):
        return (0,) * len(text)
    from bidi import algorithm as uba

    # characters this Python's Unicode data has no bidi class for are taken as left-to-right letters;
    # the isolates (LRI, RLI, FSI, PDI), which this algorithm predates and fails on, act as embeddings
    text = "".join(_ISOLATES.get(ch, ch) if unicodedata.bidirectional(ch) else "a" for ch in text)
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
    _bracket_pairs(text, out, storage["base_level"])
    _web_addresses(text, out)
    return tuple(out)


_OPENING = {"(": ")", "[": "]", "{": "}"}
WEB_ADDRESS = re.compile(r"(?:https?://|mailto:|www\.)[^\s<>\"«»]+", re.I)   # as text shows one


def _direction(level: int) -> int:
    return level % 2


def _bracket_pairs(text: str, out: list[int], base: int) -> None:
    """Rule N0 (paired brackets), which python-bidi's levels leave out: a pair takes the direction of
    the strong text inside it when that matches the paragraph, or when the text before the pair runs
    the same way; so "(2022)" after a left-to-right reference stays whole in an Arabic sentence."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for i, ch in enumerate(text):
        if ch in _OPENING:
            stack.append((_OPENING[ch], i))
        elif stack and ch == stack[-1][0]:
            pairs.append((stack.pop()[1], i))
    if not pairs:
        return
    strong = [unicodedata.bidirectional(ch) in ("L", "R", "AL", "EN", "AN") for ch in text]
    embedding = _direction(base)
    for start, end in sorted(pairs):
        inside = {_direction(out[k]) for k in range(start + 1, end) if strong[k]}
        if not inside:
            continue
        if embedding in inside:
            way = embedding
        else:
            before = next((_direction(out[k]) for k in range(start - 1, -1, -1) if strong[k]), embedding)
            way = 1 - embedding if before != embedding else embedding
        level = base if _direction(base) == way else base + 1
        if out[start] != level or out[end] != level:
            out[start] = out[end] = level
            for k in (start, end):   # rule N1 again for the neutrals beside a bracket that turned
                _neutrals_beside(text, out, base, k, -1)
                _neutrals_beside(text, out, base, k, 1)


_NEUTRAL = {"WS", "ON", "CS", "ES", "ET", "S"}


def _strong_way(text: str, out: list[int], k: int) -> int:
    """The direction a character at k lends its neighbours under rule N1 (numbers count as R unless a
    left-to-right letter before them made them L)."""
    kind = unicodedata.bidirectional(text[k])
    if kind == "L":
        return 0
    if kind in ("R", "AL", "AN"):
        return 1
    if kind == "EN":
        for j in range(k - 1, -1, -1):
            before = unicodedata.bidirectional(text[j])
            if before in ("L", "R", "AL"):
                return 0 if before == "L" else 1
        return 1
    return _direction(out[k])     # a bracket: the direction rule N0 gave it


def _neutrals_beside(text: str, out: list[int], base: int, k: int, step: int) -> None:
    j = k + step
    run = []
    while 0 <= j < len(text) and unicodedata.bidirectional(text[j]) in _NEUTRAL and text[j] not in "()[]{}":
        run.append(j)
        j += step
    if not run:
        return
    near = _strong_way(text, out, k)
    far = _strong_way(text, out, j) if 0 <= j < len(text) else _direction(base)
    way = near if near == far else _direction(base)
    level = base if _direction(base) == way else base + 1
    for i in run:
        out[i] = level


def web_addresses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each web address in text, without the punctuation that ends its sentence."""
    spans = []
    for match in WEB_ADDRESS.finditer(text):
        end = match.end()
        while end > match.start() + 1 and text[end - 1] in ".,;:!?)]»؟،؛":
            end -= 1
        spans.append((match.start(), end))
    return spans


def _web_addresses(text: str, out: list[int]) -> None:
    """A web address reads left to right to its last character ("https://www.incb.org/" keeps its
    final slash at its right end inside an Arabic sentence; the full stop after it stays outside)."""
    for start, end in web_addresses(text):
        level = out[start]
        if level % 2 == 0:
            for k in range(start, end):
                out[k] = level


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
