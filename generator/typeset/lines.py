"""Paragraphs into lines: font per character, break opportunities, greedy wrapping, then each line in
visual order (UAX #9 rules L1-L2) as shaped segments whose glyphs remember their logical order.

A Line is pure data: the PDF writer draws its glyphs where they are and emits them in logical order
(so a reader copying Arabic text gets it as written); the deck planner only counts lines.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..fonts import Face, FontSet, style_of
from .bidi import has_rtl, levels, line_levels, visual_order
from .breaking import BREAK_SPACES as _BREAK_SPACES, break_points, soft_groups, unbreakable  # noqa: F401
from .shaping import shape, width as em_width


@dataclass(frozen=True)
class Style:
    """How a stretch of text is set."""

    size: float
    color: str = "#000000"
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Span:
    """Text in one style, optionally a link."""

    text: str
    style: Style
    href: str | None = None


@dataclass(frozen=True)
class Segment:
    """Glyphs of one face, size and colour on a line, in visual order; x in points from the line's left."""

    face: Face
    size: float
    color: str
    x: float
    width: float
    gids: tuple[int, ...]
    xs: tuple[float, ...]          # glyph origins from the segment's left edge
    ys: tuple[float, ...]          # vertical offsets (marks)
    texts: tuple[str, ...]         # the characters each glyph stands for
    rtl: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Char:
    """A character of a line in logical order and the stretch of the line (left, right) it occupies."""

    ch: str
    left: float
    right: float
    face: Face
    size: float


@dataclass(frozen=True)
class Line:
    """One set line: its width, height above and below the baseline, and segments left to right."""

    width: float
    ascent: float
    descent: float
    segments: tuple[Segment, ...]
    text: str                      # the line's characters in logical order
    chars: tuple[Char, ...] = ()   # with right-to-left text: every character and where it is shown
    spaced: bool = False           # a word break (a space) ends the line, not a cut inside a word

    @property
    def bidi(self) -> bool:
        """True when the line holds right-to-left text."""
        return any(s.rtl for s in self.segments)


@dataclass(frozen=True)
class Paragraph:
    """Lines of one paragraph and the distance between their baselines."""

    lines: tuple[Line, ...]
    pitch: float
    rtl: bool

    @property
    def height(self) -> float:
        return len(self.lines) * self.pitch

    @property
    def width(self) -> float:
        return max((line.width for line in self.lines), default=0.0)


_MIRROR = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<",
           "«": "»", "»": "«", "‹": "›", "›": "‹"}

def _graphemes(text: str, start: int, end: int) -> list[int]:
    """Positions between start and end where a very long word may be broken (not before a mark)."""
    return [i for i in range(start + 1, end)
            if not unicodedata.combining(text[i]) and unicodedata.category(text[i]) not in ("Mn", "Me", "Cf")
            and not 0xDC00 <= ord(text[i]) <= 0xDFFF]


class Typesetter:
    """Sets paragraphs in one language's direction with a kit's fonts."""

    def __init__(self, fonts: FontSet, rtl: bool = False, language: str = "", web_breaks: bool = True):
        self.fonts = fonts
        self.rtl = rtl
        self.language = language
        self.web_breaks = web_breaks     # False: wrap as office programs do, never inside a web address
        self._cache: dict = {}
        self._face_of: dict[tuple[str, str], Face] = {}   # (character, style) -> face: asked per character

    # --- characters to faces -------------------------------------------------------------------

    def _faces(self, text: str, spans_of: list[int], spans: list[Span]) -> list[Face]:
        """The face of each character: the first family that has it; punctuation, spaces and digits
        stay in the face of the letters around them when it can draw them."""
        faces: list[Face] = []
        prev: Face | None = None
        for i, ch in enumerate(text):
            st = spans[spans_of[i]].style
            style = style_of(st.bold, st.italic)
            if prev is not None and prev.style == style and not ch.isalpha() and prev.covers(ch):
                face = prev
            else:
                face = self._face_of.get((ch, style))
                if face is None:
                    face = self._face_of[(ch, style)] = self.fonts.face_for(ch, style)
            faces.append(face)
            prev = face
        # neutral characters at the start take the face of what follows, when it can draw them
        first_letter = next((k for k, ch in enumerate(text) if ch.isalpha()), None)
        if first_letter:
            lead = faces[first_letter]
            for k in range(first_letter):
                if lead.covers(text[k]) and faces[k].style == lead.style:
                    faces[k] = lead
        return faces

    # --- measuring -----------------------------------------------------------------------------

    def _runs(self, a: int, b: int, faces, sizes, lv) -> list[tuple[int, int]]:
        runs, start = [], a
        for i in range(a + 1, b):
            if faces[i] is not faces[i - 1] or sizes[i] != sizes[i - 1] or lv[i] % 2 != lv[i - 1] % 2:
                runs.append((start, i))
                start = i
        if b > a:
            runs.append((start, b))
        return runs

    def _width(self, text, a, b, faces, sizes, lv) -> float:
        return sum(em_width(faces[s], text[s:e], bool(lv[s] % 2)) * sizes[s]
                   for s, e in self._runs(a, b, faces, sizes, lv))

    # --- setting -------------------------------------------------------------------------------

    def prepare(self, spans: list[Span]):
        """Per-character data of a paragraph: text, owning span, face, size and bidi level."""
        text = "".join(s.text for s in spans)
        spans_of = [k for k, s in enumerate(spans) for _ in s.text]
        faces = self._faces(text, spans_of, spans)
        sizes = [spans[k].style.size for k in spans_of]
        lv = levels(text, self.base_rtl(text))
        return text, spans_of, faces, sizes, lv

    def base_rtl(self, text: str) -> bool:
        """The paragraph's direction: right-to-left in a right-to-left edition, unless the paragraph
        holds no right-to-left letter at all (an option such as "A/RES/77/241 (2022)" reads as written)."""
        return self.rtl and has_rtl(text)

    def breaks(self, spans: list[Span], widths: list[float] | float) -> list[tuple[int, int]]:
        """Logical ranges [start, end) of each line (end before the line's trailing spaces).

        widths: the room of each line in points (the last value repeats)."""
        text, _, faces, sizes, lv = self.prepare(spans)
        return self._breaks(text, faces, sizes, lv, widths)

    def _breaks(self, text, faces, sizes, lv, widths) -> list[tuple[int, int]]:
        widths = [widths] if isinstance(widths, (int, float)) else list(widths)
        n = len(text)
        if n == 0:
            return []
        points = [0] + [p for p in break_points(text, self.web_breaks) if 0 < p < n] + [n]
        words = []  # (start, end of word, end of trailing spaces)
        for s, e in zip(points, points[1:]):
            end = e
            while end > s and text[end - 1] in _BREAK_SPACES:
                end -= 1
            words.append((s, end, e))
        lines: list[tuple[int, int]] = []

        def room(line: int | None = None) -> float:
            return widths[min(len(lines) if line is None else line, len(widths) - 1)]

        groups = {a: b for a, b in soft_groups(text)}
        start, used, gap, last_end = None, 0.0, 0.0, 0
        for s, end, e in words:
            w = self._width(text, s, end, faces, sizes, lv)
            fits = start is not None and used + gap + w <= room() + 0.01
            if fits and s in groups:   # a part between " · " goes whole onto the next line
                g_end = groups[s]                   # when it fits there but not here
                while g_end > s and text[g_end - 1] in _BREAK_SPACES:
                    g_end -= 1
                whole = self._width(text, s, g_end, faces, sizes, lv)
                fits = used + gap + whole <= room() + 0.01 or whole > room(len(lines) + 1) + 0.01
            if fits:
                used, last_end = used + gap + w, end
            else:
                if start is not None:
                    lines.append((start, last_end))
                start, used, last_end = s, w, end
                if used > room() + 0.01 and end - start > 1:  # a word wider than a line: break it
                    for cut in self._cuts(text, start, end, faces, sizes, lv, room, lines):
                        lines.append((start, cut))
                        start = cut
                    used = self._width(text, start, end, faces, sizes, lv)
            gap = self._width(text, end, e, faces, sizes, lv)
        if start is not None:
            lines.append((start, last_end))
        return lines

    def _cuts(self, text, start, end, faces, sizes, lv, room, lines) -> list[int]:
        """Where a word too wide for its lines breaks: each piece as long as fits, measured once per
        character and found by bisection, so a 10,000-character word costs no more than its length."""
        from bisect import bisect_right
        from itertools import accumulate

        bounds = [start] + _graphemes(text, start, end) + [end]
        widths = [em_width(faces[a], text[a], bool(lv[a] % 2)) * sizes[a] if b == a + 1   # one character: one run
                  else self._width(text, a, b, faces, sizes, lv) for a, b in zip(bounds, bounds[1:])]
        total = [0.0] + list(accumulate(widths))
        cuts, k, n = [], 0, len(lines)
        while total[-1] - total[k] > room(n + len(cuts)) + 0.01 and k < len(bounds) - 2:
            j = bisect_right(total, total[k] + room(n + len(cuts)) + 0.01) - 1
            j = max(j, k + 1)       # at least one character per line, however narrow
            cuts.append(bounds[j])
            k = j
        return cuts

    def set(self, spans: list[Span], widths: list[float] | float, leading: float = 1.25) -> Paragraph:
        """The paragraph set in lines of the given widths; pitch = largest size x leading (cached)."""
        spans = [s for s in spans if s.text]
        key = (tuple(spans), tuple(widths) if isinstance(widths, list) else widths)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._lines(spans, widths)
        return Paragraph(found, max((s.style.size for s in spans), default=0.0) * leading, self.rtl)

    def _lines(self, spans, widths) -> tuple[Line, ...]:
        if not spans:
            return ()
        text, spans_of, faces, sizes, lv = self.prepare(spans)
        ranges = self._breaks(text, faces, sizes, lv, widths)
        return tuple(self._line(text, a, b, spans_of, spans, faces, lv) for a, b in ranges)

    def natural_width(self, spans: list[Span]) -> float:
        """Width in points of the spans on one line that never breaks (trailing spaces left out)."""
        spans = [s for s in spans if s.text]
        if not spans:
            return 0.0
        text, _, faces, sizes, lv = self.prepare(spans)
        return self._width(text, 0, len(text.rstrip()), faces, sizes, lv)

    def count(self, spans: list[Span], width: float) -> int:
        """Number of lines the spans take at width (at least 1)."""
        spans = [s for s in spans if s.text]
        return max(1, len(self.breaks(spans, width))) if spans else 1

    def _line(self, text, a, b, spans_of, spans, faces, lv) -> Line:
        base = 1 if self.base_rtl(text) else 0
        line_lv = line_levels(text[a:b], lv[a:b], base)
        order = visual_order(line_lv)
        segments: list[Segment] = []
        chars: list[tuple[int, Char]] = []
        any_rtl = any(v % 2 for v in line_lv)
        x = ascent = descent = 0.0
        i = 0
        while i < len(order):
            k = order[i]
            odd = line_lv[k] % 2
            key = (odd, faces[a + k], spans_of[a + k])
            step = -1 if odd else 1
            j = i + 1
            while j < len(order) and order[j] == order[j - 1] + step and \
                    (line_lv[order[j]] % 2, faces[a + order[j]], spans_of[a + order[j]]) == key:
                j += 1
            lo, hi = min(order[i], order[j - 1]), max(order[i], order[j - 1])
            seg_text = text[a + lo:a + hi + 1]
            span = spans[key[2]]
            face, size = key[1], span.style.size
            shaped = shape(face, seg_text, bool(odd), self.language)
            scale = size / face.upem
            xs, ys, pen = [], [], 0
            for adv, dx, dy in zip(shaped.advances, shaped.x_offsets, shaped.y_offsets):
                xs.append((pen + dx) * scale)
                ys.append(dy * scale)
                pen += adv
            w = pen * scale
            segments.append(Segment(face, size, span.style.color, x, w, shaped.gids, tuple(xs), tuple(ys),
                                    shaped.texts(seg_text), bool(odd), span.href))
            if any_rtl:
                chars += _chars(seg_text, lo, shaped, scale, x, face, size, bool(odd))
            ascent = max(ascent, face.ascender * size)
            descent = max(descent, face.descender * size)
            x += w
            i = j
        ordered = tuple(c for _, c in sorted(chars, key=lambda item: item[0]))
        return Line(x, ascent, descent, tuple(segments), text[a:b], ordered, text[b:b + 1] in _BREAK_SPACES)


def _chars(text: str, offset: int, shaped, scale: float, x0: float, face: Face, size: float, rtl: bool):
    """Where each character of a shaped run is shown: a ligature's width is shared by its characters
    (the first on the right in a right-to-left run); a mark sits at the edge of its letter."""
    boxes: dict[int, list[float]] = {}
    pen = 0
    for cluster, adv in zip(shaped.clusters, shaped.advances):
        box = boxes.setdefault(cluster, [pen, pen])
        box[0], box[1] = min(box[0], pen), max(box[1], pen + adv)
        pen += adv
    starts = sorted(boxes)
    out = []
    for start, end in zip(starts, starts[1:] + [len(text)]):
        left, right = (v * scale + x0 for v in boxes[start])
        n = end - start
        step = (right - left) / n
        for k in range(n):
            pos = (right - (k + 1) * step, right - k * step) if rtl else (left + k * step, left + (k + 1) * step)
            ch = text[start + k]
            if rtl:  # readers take a right-to-left line as shown, so a bracket is named by its shape
                ch = _MIRROR.get(ch, ch)
            out.append((offset + start + k, Char(ch, pos[0], pos[1], face, size)))
    return out
