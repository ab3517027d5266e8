"""Measuring and fitting deck text: how many lines PowerPoint will wrap a paragraph into (the fonts the
deck names, or their metric twins, set by the kit's own typesetter and measured a little wider),
box heights, the largest size that fits, and splitting blocks over the fewest, evenest slides.

Every split is greedy with a balancing search, so it takes time in proportion to what it splits
(the number of rows or paragraphs times the logarithm of the room), never more.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Sequence

from ...fonts import Family, FontSet
from ...text import Run
from ...typeset.lines import Span, Style, Typesetter
from .model import PT, Para

EPS = 1e-6              # inches or points: what measuring may be off by without a text's not fitting
TIE = 1e-9              # below this, two heights or sizes are the same
NO_ROOM = 10 ** 6       # the lines text "takes" in a box with no width: more than any box holds
BALANCE_STEPS = 30      # the balancing search halves its range at most this often ...
BALANCE_PRECISION = 0.5  # ... and stops when it is narrower than this (inches): finer changes no split
HUNDREDTHS = 100        # a share of a count is rounded to hundredths first (0.4 x 5 is 2 items, not 3)


@dataclass(frozen=True)
class Face:
    """A font the deck names, the family it is measured with, and its line pitch."""

    name: str                        # what the deck writes (Arial, a template's font)
    family: Family                   # what it is measured with (Arimo, a metric twin, a wider stand-in)
    measured: str = ""
    stand_in: bool = False
    pitch: float = 1.0               # line pitch, times the size (each design sets its own)
    slack: float = 1.0               # measured this much wider again (a stand-in for a font not bundled)


class Measure:
    """Measures deck paragraphs set in a design's faces."""

    def __init__(self, body: Face, heading: Face, fallbacks: list[Family], rtl: bool, language: str,
                 slack: float, bold_slack: float, inset: tuple[float, float, float, float]):
        self.faces = {"body": body, "heading": heading}
        self.inset = inset               # a text box's, where it names none of its own
        self.setters = {kind: Typesetter(FontSet([face.family] + fallbacks), rtl, language, web_breaks=False)
                        for kind, face in self.faces.items()}
        self.slack, self.bold_slack = slack, bold_slack
        self._lines: dict = {}
        self._widths: dict = {}

    def _spans(self, runs: Sequence[Run], size: float, bold: bool, italic: bool, caps: bool) -> tuple[Span, ...]:
        return tuple(Span(r.text.upper() if caps else r.text, Style(size, "#000000", bold or r.bold, italic or r.italic))
                     for r in runs if r.text)

    def lines(self, runs: Sequence[Run], size: float, width_pt: float, bold: bool = False, italic: bool = False,
              font: str = "body", caps: bool = False) -> int:
        """Lines the runs take in a box width_pt wide (text measured wider by the slack)."""
        if width_pt <= 0:
            return NO_ROOM
        spans = self._spans(runs, size, bold, italic, caps)
        heavy = bold or any(r.bold for r in runs)
        room = width_pt / (self.slack * self.faces[font].slack * (self.bold_slack if heavy else 1.0))
        key = (spans, round(room, 2), font)
        found = self._lines.get(key)
        if found is None:
            found = self._lines[key] = self.setters[font].count(list(spans), room) if spans else 1
        return found

    def width(self, runs: Sequence[Run], size: float, bold: bool = False, font: str = "body") -> float:
        """Width in points of runs on one unbroken line, slack included."""
        # advances scale with the size, so a text is measured once at 1 pt, whatever the sizes tried
        key = (tuple(runs), bold, font)
        em = self._widths.get(key)
        if em is None:
            spans = list(self._spans(runs, 1.0, bold, False, False))
            heavy = bold or any(r.bold for r in runs)
            em = self._widths[key] = (self.setters[font].natural_width(spans) * self.slack * self.faces[font].slack
                                      * (self.bold_slack if heavy else 1.0)) if spans else 0.0
        return em * size

    def pitch(self, size: float, font: str = "body") -> float:
        return size * self.faces[font].pitch

    def para_height(self, p: Para, width_in: float, inset=None, first: bool = False) -> float:
        """Height of a paragraph in points, its space before included unless it opens its box."""
        inset = inset or self.inset
        text_w = (width_in - inset[0] - inset[2]) * PT - p.indent
        runs = p.runs[1:] if p.indent and not (p.bullet or p.number) and len(p.runs) > 1 else p.runs  # a lead-in sits in the indent
        n = self.lines(runs, p.size, text_w, p.bold, p.italic, p.font, p.caps)
        return (0.0 if first else p.space_before) + n * self.pitch(p.size, p.font)

    def box_height(self, paras: Sequence[Para], width_in: float, inset=None) -> float:
        """Height in inches of a text box holding paras, insets included."""
        inset = inset or self.inset
        inner = sum(self.para_height(p, width_in, inset, k == 0) for k, p in enumerate(paras)) / PT
        _, top, _, bottom = inset
        return inner + top + bottom


def sizes_between(high: float, low: float, step: float = 1.0) -> list[float]:
    out, s = [], float(high)
    while s >= low - TIE:
        out.append(round(s, 2))
        s -= step
    return out or [float(low)]


def largest(make: Callable[[float], list[Para]], sizes: list[float], fits: Callable[[list[Para]], bool]):
    """(size, paras) at the largest size whose paras fit; the smallest size's when none does."""
    paras = []
    for size in sizes:
        paras = make(size)
        if fits(paras):
            return size, paras, True
    return sizes[-1], paras, False


def greedy(heights: Sequence[float], cap: float) -> list[tuple[int, int]]:
    """Contiguous groups filled in order up to cap (an item taller than cap stands alone)."""
    out, start, used = [], 0, 0.0
    for i, h in enumerate(heights):
        if i > start and used + h > cap + TIE:
            out.append((start, i))
            start, used = i, 0.0
        used += h
    if heights:
        out.append((start, len(heights)))
    return out


def balanced(heights: Sequence[float], cap: float) -> list[tuple[int, int]]:
    """The fewest groups that keep within cap, made as even as they can be (binary search on the
    largest group's height): O(n log(cap / precision))."""
    groups = greedy(heights, cap)
    if len(groups) <= 1:
        return groups
    lo, hi = max(heights), cap
    for _ in range(BALANCE_STEPS):
        mid = (lo + hi) / 2
        if len(greedy(heights, mid)) <= len(groups):
            hi = mid
        else:
            lo = mid
        if hi - lo < BALANCE_PRECISION:
            break
    return greedy(heights, hi)


def even(heights: Sequence[float], cap: float, parts: int, most: int = 0, least: int = 2,
         ratio: float = 0.0, by_height: bool = True) -> list[tuple[int, int]] | None:
    """The designer's split of heights into parts contiguous groups within cap, or None: every part
    holds at least least items (and at most most, when given) and the smallest part at least ratio
    of the largest, in items and (by_height) in height; of such splits, the one whose largest part is lowest.

    A dynamic programme over (part, item) for each allowed largest count: O(parts x n x spread),
    used for a section's or the FAQ's few blocks (long lists go by balanced())."""
    n = len(heights)
    if parts <= 1:
        return [(0, n)] if sum(heights) <= cap + EPS and (not most or n <= most) else None
    prefix = [0.0]
    for h in heights:
        prefix.append(prefix[-1] + h)
    for top in range(-(-n // parts), (min(most, n) if most else n) + 1):
        low = max(least, -(-int(ratio * top * HUNDREDTHS) // HUNDREDTHS))   # ratio x top rounded up, in whole items
        if low * parts > n:
            break
        inf = float("inf")
        best = [[inf] * (n + 1) for _ in range(parts + 1)]
        back = [[0] * (n + 1) for _ in range(parts + 1)]
        best[0][0] = 0.0
        for j in range(1, parts + 1):
            for i in range(low * j, n + 1):
                for c in range(low, min(top, i) + 1):
                    prev = best[j - 1][i - c]
                    h = prefix[i] - prefix[i - c]
                    if prev == inf or h > cap + EPS:
                        continue
                    value = max(prev, h)
                    if value < best[j][i] - TIE:
                        best[j][i], back[j][i] = value, c
        if best[parts][n] == inf:
            continue
        groups, i = [], n
        for j in range(parts, 0, -1):
            c = back[j][i]
            groups.append((i - c, i))
            i -= c
        groups.reverse()
        tallest = max(prefix[j] - prefix[i] for i, j in groups)
        if not by_height or min(prefix[j] - prefix[i] for i, j in groups) >= ratio * tallest - EPS:
            return groups
    return None


def fit_title(m: Measure, runs, width_in: float, height_in: float, high: float, low: float, least: float,
              max_lines: int = 2, bold: bool = True, caps: bool = False, font: str = "heading") -> float:
    """The largest title size from high to low that fits width x height in max_lines lines; smaller
    (down to least, any number of lines) only when nothing from high to low fits."""
    left, top, right, bottom = m.inset
    inner_w = (width_in - left - right) * PT
    inner_h = (height_in - top - bottom) * PT
    for size in sizes_between(high, low):
        n = m.lines(runs, size, inner_w, bold, font=font, caps=caps)
        if n <= max_lines and n * m.pitch(size, font) <= inner_h:
            return size
    for size in sizes_between(low - 1, least):
        if m.lines(runs, size, inner_w, bold, font=font, caps=caps) * m.pitch(size, font) <= inner_h:
            return size
    return least


def fit_line(m: Measure, runs, high: float, width_in: float, low: float, bold: bool = False) -> float:
    """The largest size from high to low at which runs stay on one line of width_in."""
    inner = (width_in - m.inset[0] - m.inset[2]) * PT
    return next((s for s in sizes_between(high, low) if m.width(runs, s, bold) <= inner), low)


def with_size(paras: Sequence[Para], size: float) -> list[Para]:
    return [replace(p, size=size) for p in paras]
