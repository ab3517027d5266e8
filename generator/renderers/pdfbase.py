"""What every PDF shares: embedded fonts, styles from the theme, metadata, and 'page X of Y' footers."""
from __future__ import annotations

from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ..fonts import FontFamily
from ..kit import Kit
from ..text import rl_markup  # noqa: F401  (re-exported for renderers)

PAPER = {"A4": A4, "Letter": LETTER}


@lru_cache(maxsize=None)
def register(font: FontFamily) -> str:
    """Register the four styles with ReportLab (embedded, subset) and return the family's base name."""
    from reportlab.lib.fonts import addMapping

    base = font.name.replace(" ", "")
    names = {style: f"{base}-{style}" for style in ("regular", "bold", "italic", "bolditalic")}
    for style, name in names.items():
        pdfmetrics.registerFont(TTFont(name, str(font.path(style))))
    pdfmetrics.registerFontFamily(base, normal=names["regular"], bold=names["bold"],
                                  italic=names["italic"], boldItalic=names["bolditalic"])
    for bold in (0, 1):
        for italic in (0, 1):
            key = ("bold" if bold else "") + ("italic" if italic else "") or "regular"
            addMapping(names["regular"], bold, italic, names[key])
    # Table cells that hold plain strings (even empty ones) select CellStyle's font: make it ours,
    # so no unembedded Helvetica reference ends up in a PDF.
    from reportlab.platypus import tables
    tables.CellStyle.fontname = names["regular"]
    return names["regular"]


def font_names(kit: Kit) -> tuple[str, str]:
    """(regular, bold) ReportLab font names of the kit's family."""
    regular = register(kit.font)
    return regular, regular.replace("-regular", "-bold")


def color(kit: Kit, name: str):
    """A theme colour as a ReportLab colour."""
    return colors.HexColor(kit.theme.color(name))


def style(kit: Kit, name: str, size: float, *, bold=False, color_name="text", leading=1.3, **extra) -> ParagraphStyle:
    """A paragraph style in the kit's font; leading is a multiple of size."""
    regular, bold_name = font_names(kit)
    extra.setdefault("bulletFontName", regular)
    return ParagraphStyle(name, fontName=bold_name if bold else regular, fontSize=size,
                          leading=size * leading, textColor=color(kit, color_name), **extra)


def para(text: str, st: ParagraphStyle, kit: Kit | None = None) -> Paragraph:
    """A paragraph of user text: inline markup honoured, every other character printed as typed."""
    link = kit.theme.color("secondary") if kit else None
    return Paragraph(rl_markup(text, link), st)


def label(text: str, st: ParagraphStyle) -> Paragraph:
    """A paragraph of generator wording (already plain): escaped, no markup."""
    from xml.sax.saxutils import escape
    return Paragraph(escape(text), st)


def doc_info(kit: Kit, subject: str) -> dict:
    """Metadata for BaseDocTemplate: title, author, subject, language; invariant keeps 'now' out."""
    from ..text import plain

    org = kit.content.organization
    return dict(title=plain(kit.content.title), author=plain(org.name) if org else "",
                subject=subject, creator="idpc-kit", producer="idpc-kit (ReportLab)",
                lang=kit.language, invariant=1)


def numbered_canvas(draw_footer, font_name: str):
    """A canvas class that knows the page count, so every page can say 'page X of Y'.

    Its initial font is the bundled one, so no unembedded Helvetica creeps into the PDF.
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            kwargs["initialFontName"] = font_name
            super().__init__(*args, **kwargs)
            self._saved = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                draw_footer(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def margins(kit: Kit, section: str) -> float:
    """Page margin of an output, in points."""
    return kit.theme.num(f"{section}.margin") * mm


def rl_markup_plain(text: str) -> str:
    """Text printed exactly as typed (no inline markup), escaped for ReportLab."""
    from xml.sax.saxutils import escape
    return escape(text)


def draw_right(canvas, text: str, st: ParagraphStyle, right: float, y: float) -> None:
    """Draw one line of generator wording so that it ends exactly at x = right."""
    canvas.saveState()
    canvas.setFont(st.fontName, st.fontSize)
    canvas.setFillColor(st.textColor)
    canvas.drawRightString(right, y, text)
    canvas.restoreState()
