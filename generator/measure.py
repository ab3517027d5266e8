"""Text measurement with the bundled font's real metrics: word-wrapped line counts and heights.

Widths come from the TrueType advance widths (ReportLab's TTFont) of the exact static files the
deck names, multiplied by a slack factor so that a wider substitute font (LibreOffice falls back to
DejaVu Sans, about 8% wider, when Noto Sans is not installed) still fits. Wrapping is greedy, as
PowerPoint and LibreOffice wrap: break at spaces, and inside a word only when the word alone is
wider than the line.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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


# ---------------------------------------------------------------------------------------------
# Finding a named font to measure with (a deck template names its own fonts)
# ---------------------------------------------------------------------------------------------

# metric-compatible twins: the same advance widths, so measuring the twin measures the original
TWINS = {"arial": ("liberation sans", "arimo"), "helvetica": ("liberation sans", "arimo"),
         "helvetica neue": ("liberation sans", "arimo"), "times new roman": ("liberation serif", "tinos"),
         "times": ("liberation serif", "tinos"), "courier new": ("liberation mono", "cousine"),
         "calibri": ("carlito",), "cambria": ("caladea",), "arial narrow": ("liberation sans narrow",)}
# wide fonts to measure with when a template's font is not here: text that fits in these fits in
# the common presentation fonts (Calibri, Aptos, Arial, Segoe UI, Helvetica) and in the fallback
STAND_INS = ("dejavu sans", "verdana", "liberation sans")


def _font_dirs() -> list[Path]:
    home = Path.home()
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts",
            home / ".local/share/fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts"),
            home / "Library/Fonts", Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"]
    extra = os.environ.get("IDPC_KIT_FONT_DIRS")
    if extra:
        dirs = [Path(d) for d in extra.split(os.pathsep)] + dirs
    return [d for d in dirs if d.is_dir()]


@lru_cache(maxsize=1)
def system_fonts() -> dict[str, tuple[str, dict[str, Path]]]:
    """Installed TrueType fonts: lower-case family -> (family, style -> file), files ReportLab can measure."""
    from fontTools.ttLib import TTFont as FTFont

    found: dict[str, dict[str, Path]] = {}
    for folder in _font_dirs():
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() != ".ttf" or not path.is_file():
                continue
            try:
                font = FTFont(str(path), lazy=True)
                if "glyf" not in font:
                    continue
                names = font["name"]
                family = names.getDebugName(16) or names.getDebugName(1)
                sub = (names.getDebugName(17) or names.getDebugName(2) or "").lower()
                os2 = font["OS/2"]
                bold = bool(os2.fsSelection & 0x20) or os2.usWeightClass >= 600 or "bold" in sub
                italic = bool(os2.fsSelection & 0x01) or "italic" in sub or "oblique" in sub
                if not family or (os2.usWeightClass < 350 and not bold) or "condensed" in sub:
                    continue  # light and condensed faces are not the family's regular
                style = style_of(bold, italic)
                found.setdefault(family.lower(), (family, {}))[1].setdefault(style, path)
            except Exception:  # an unreadable font file is simply not a candidate
                continue
    return found


def _family(name: str, styles: dict[str, Path]) -> FontFamily | None:
    regular = styles.get("regular")
    if regular is None:
        return None
    bold = styles.get("bold", regular)
    italic = styles.get("italic", regular)
    return FontFamily(name, regular, bold, italic, styles.get("bolditalic", bold))


def line_ratio(path: Path) -> float:
    """A font's line height as a multiple of its size (the larger of its hhea and Windows metrics)."""
    from fontTools.ttLib import TTFont as FTFont

    font = FTFont(str(path), lazy=True)
    upm = font["head"].unitsPerEm
    hhea = font["hhea"]
    os2 = font["OS/2"]
    return max(hhea.ascent - hhea.descent + hhea.lineGap, os2.usWinAscent + os2.usWinDescent) / upm


def find_font(name: str) -> tuple[FontFamily, str] | None:
    """The files to measure the font `name` with: the font itself or its metric twin, if installed;
    returns (family, the name of the font measured)."""
    fonts = system_fonts()
    for candidate in (name.lower(),) + TWINS.get(name.lower(), ()):
        shown, styles = fonts.get(candidate, ("", {}))
        family = _family(name, styles)
        if family is not None:
            return family, shown
    return None


def stand_in(name: str) -> tuple[FontFamily, str] | None:
    """A wide installed font to measure `name` with when it is not installed."""
    fonts = system_fonts()
    for candidate in STAND_INS:
        shown, styles = fonts.get(candidate, ("", {}))
        family = _family(name, styles)
        if family is not None:
            return family, shown
    return None
