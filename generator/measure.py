"""Text measurement with the bundled font's real metrics: word-wrapped line counts and heights.

Widths come from the TrueType advance widths (ReportLab's TTFont) of the exact static files the
deck names, multiplied by a slack factor so that a wider substitute font (LibreOffice falls back to
DejaVu Sans, about 8% wider, when Noto Sans is not installed) still fits. Wrapping is greedy, as
PowerPoint and LibreOffice wrap: break at spaces, and inside a word only when the word alone is
wider than the line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase.ttfonts import TTFont

from .fonts import FontFamily
from .text import Run

_PIECES = re.compile(r"\s+|\S+")


def style_of(bold: bool, italic: bool) -> str:
    """The FontFamily style name for a bold/italic combination."""
    return {(False, False): "regular", (True, False): "bold",
            (False, True): "italic", (True, True): "bolditalic"}[(bool(bold), bool(italic))]


@lru_cache(maxsize=16)
def _face(path: str) -> TTFont:
    return TTFont(f"measure-{len(path)}-{abs(hash(path))}", path)


@lru_cache(maxsize=200_000)
def _em(path: str, text: str) -> float:
    """Advance width of text in 1/1000 em."""
    return _face(path).stringWidth(text, 1000)


@lru_cache(maxsize=20_000)
def _words(font: FontFamily, runs: tuple[Run, ...], bold: bool, bold_slack: float) -> tuple:
    """Words of runs as (width in 1/1000 em, width of the spaces after it, ((text, font path, factor), ...));
    bold pieces are widened by bold_slack (substitute bold faces run wider than regular ones)."""
    words: list[list] = []
    current: list | None = None
    for run in runs:
        heavy = bool(run.bold or bold)
        path = str(font.path(style_of(heavy, run.italic)))
        factor = bold_slack if heavy else 1.0
        for piece in _PIECES.findall(run.text):
            if piece.isspace():
                if current is not None:
                    current[1] += _em(path, " ") * factor
                continue
            if current is None or current[1]:
                current = [0.0, 0.0, []]
                words.append(current)
            current[0] += _em(path, piece) * factor
            current[2].append((piece, path, factor))
    return tuple((w, s, tuple(p)) for w, s, p in words)


@dataclass(frozen=True)
class Measure:
    """Measures text set in one font family; sizes in points, widths in points."""

    font: FontFamily
    width_slack: float = 1.1
    line_height: float = 1.37
    bold_slack: float = 1.06   # on top of width_slack, for bold text

    def width(self, text: str, size: float, bold: bool = False, italic: bool = False) -> float:
        """Width of text on one line, slack included."""
        factor = self.bold_slack if bold else 1.0
        return _em(str(self.font.path(style_of(bold, italic))), text) * size / 1000 * self.width_slack * factor

    def runs_width(self, runs: tuple[Run, ...], size: float, bold: bool = False) -> float:
        """Width of runs set on one unbroken line, slack included."""
        return sum(self.width(r.text, size, r.bold or bold, r.italic) for r in runs)

    def longest_word(self, runs: tuple[Run, ...], size: float, bold: bool = False) -> float:
        """Width of the widest word: a column narrower than this breaks words."""
        words = _words(self.font, tuple(runs), bold, self.bold_slack)
        return max((w for w, _, _ in words), default=0.0) * size / 1000 * self.width_slack

    def line(self, size: float) -> float:
        """Height of one line."""
        return size * self.line_height

    def lines(self, runs: tuple[Run, ...], size: float, width: float, bold: bool = False) -> int:
        """Number of lines runs take when wrapped at width (at least 1)."""
        if width <= 0:
            return 10 ** 6
        scale = size / 1000 * self.width_slack
        count, used, space = 1, 0.0, 0.0
        for em, space_em, pieces in _words(self.font, tuple(runs), bold, self.bold_slack):
            word = em * scale
            need = word if used == 0 else used + space + word
            if need <= width + 1e-6:
                used = need
            elif word <= width + 1e-6:
                count, used = count + 1, word
            else:  # wider than a line: broken between characters, starting on a fresh line
                if used > 0:
                    count, used = count + 1, 0.0
                for text, path, factor in pieces:
                    for ch in text:
                        w = _em(path, ch) * scale * factor
                        if used + w > width and used > 0:
                            count, used = count + 1, 0.0
                        used += w
            space = space_em * scale
        return count

    def height(self, runs: tuple[Run, ...], size: float, width: float, bold: bool = False) -> float:
        """Height of a wrapped paragraph, without the spacing around it."""
        return self.lines(runs, size, width, bold) * self.line(size)
