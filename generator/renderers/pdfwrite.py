"""The PDF writer: draws a planned Document (generator.page) with ReportLab's canvas. It decides nothing.

Text is drawn as shaped glyphs of fonts embedded as Type0/Identity-H subsets (cut by HarfBuzz), each
with a ToUnicode map, and emitted in logical order: a reader copying a line of Arabic gets it as it
was written, while every glyph sits where the planner put it. Invariant mode keeps the clock out.
"""
from __future__ import annotations

import unicodedata
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from ..fonts import Face
from ..page import QR, Circle, Document, Link, Node, Picture, Rect, Rule, TextLine
from .pdffonts import EmbeddedFace, glyph_texts
from .pdftags import Tagger

TEXT_UNITS = 1000       # TJ offsets are thousandths of the size
SAME_LINE = 0.01        # points: glyphs whose baselines differ less continue one TJ run
NO_SHIFT = 0.05         # thousandths of the size: a smaller offset between glyphs is left out
SPACE = ord(" ")
# A face without a bold is drawn filled and outlined with a line this many times the size, as viewers
# synthesise a bold; the plan says which faces need it (Face.synthetic_bold), not how thick it looks.
SYNTHETIC_BOLD = 0.035
INVISIBLE_SPACE = 0.25  # the invisible word space after right-to-left text, placed this many sizes before it


def _rgb(colour: str) -> str:
    """#RRGGBB as the three numbers between 0 and 1 that rg and RG take."""
    channels = bytes.fromhex(colour.lstrip("#"))
    return " ".join(f"{c / 255:.4g}" for c in channels)


class _Canvas(Canvas):
    """A canvas that selects no font of its own, so no unembedded Helvetica reaches the file."""

    def _make_preamble(self):
        self._preamble = "1 0 0 1 0 0 cm"


class _PathPen:
    """Collects a glyph outline from HarfBuzz as PDF path operators (quadratic curves made cubic)."""

    def __init__(self):
        self.ops: list[str] = []
        self.last = (0.0, 0.0)

    def moveTo(self, p):  # noqa: N802 (the pen protocol's names)
        self.ops.append(f"{p[0]:.1f} {p[1]:.1f} m")
        self.last = p

    def lineTo(self, p):  # noqa: N802
        self.ops.append(f"{p[0]:.1f} {p[1]:.1f} l")
        self.last = p

    def curveTo(self, a, b, c):  # noqa: N802
        self.ops.append(f"{a[0]:.1f} {a[1]:.1f} {b[0]:.1f} {b[1]:.1f} {c[0]:.1f} {c[1]:.1f} c")
        self.last = c

    def qCurveTo(self, q, p):  # noqa: N802
        (x0, y0), (qx, qy) = self.last, q
        k = 2 / 3       # a quadratic curve's control point, two thirds of the way, gives the cubic's
        self.curveTo((x0 + k * (qx - x0), y0 + k * (qy - y0)), (p[0] + k * (qx - p[0]), p[1] + k * (qy - p[1])), p)

    def closePath(self):  # noqa: N802
        self.ops.append("h")


class _Writer:
    def __init__(self, canvas: _Canvas):
        self.c = canvas
        self.fonts: dict[int, EmbeddedFace] = {}
        self.forms: dict[tuple[int, int], str] = {}

    def glyph_form(self, face: Face, gid: int) -> str:
        """A form XObject drawing one glyph's outline in font units (filled in the current colour).
        (poppler reads a tagged page's structure by rendering the page once per marked-content id,
        which a form per glyph makes slow for a long Arabic page; drawn inline, the file is three
        times larger: the file a reader downloads wins.)"""
        key = (id(face), gid)
        name = self.forms.get(key)
        if name is None:
            pen = _PathPen()
            face.hb_font.draw_glyph_with_pen(gid, pen)
            ext = face.hb_font.get_glyph_extents(gid)
            name = self.forms[key] = f"G{len(self.forms) + 1}"
            x0, y1 = (ext.x_bearing, ext.y_bearing) if ext else (0, 0)
            x1, y0 = (x0 + ext.width, y1 + ext.height) if ext else (0, 0)
            self.c.beginForm(name, x0 - 1, y0 - 1, x1 + 1, y1 + 1)
            self.c._code.append(" ".join(pen.ops) + (" f" if pen.ops else ""))
            self.c.endForm()
        return name

    def font(self, face: Face) -> EmbeddedFace:
        found = self.fonts.get(id(face))
        if found is None:
            found = self.fonts[id(face)] = EmbeddedFace(face, len(self.fonts) + 1)
            self.c._doc.delayedFonts.append(found)
        return found

    def text(self, item: TextLine, page_h: float, tagger, opens=None, closes: int | None = None) -> None:
        """A line of glyphs. Runs whose glyphs do not carry their text one by one carry it as
        ActualText; opens (glyph, text) and closes (glyph) mark a word broken across two lines."""
        stream = self.c._code
        if item.line.bidi:  # its text layer is exact, in logical order (ActualText here would make
            self.outlines(item, page_h)        # poppler and pdfium reverse it, as they place it by x)
            stream.append(" ".join(self.text_layer(item, page_h, tagger)))
            return
        out = ["BT"]
        state: list = [None, None, None, None]  # resource, size, colour, pen
        pen_at = len(state) - 1
        tj: list[str] = []

        def flush():
            if tj:
                out.append("[" + "".join(tj) + "] TJ")
                tj.clear()

        def between(ops: list[str]):   # marked content may not cross a text object's edge
            if not ops:
                return
            flush()
            if out[-1] == "BT":
                out.pop()
            else:
                out.append("ET")
            out.extend(ops)
            out.append("BT")
            state[:] = [None, None, None, None]

        g = 0
        for seg, actual in zip(item.line.segments, item.actual):
            font = self.font(seg.face)
            if actual is not None:
                between(tagger.actual(actual))
            if seg.face.synthetic_bold:   # a font without bold: its glyphs filled and outlined, thicker
                out.append(f"2 Tr {seg.size * SYNTHETIC_BOLD:.3f} w {_rgb(seg.color)} RG")
            scale = seg.size / seg.face.upem
            for gid, gx, gy, text in zip(seg.gids, seg.xs, seg.ys, glyph_texts(seg.texts)):
                if opens is not None and g == opens[0]:
                    between(tagger.actual(opens[1]))
                if closes is not None and g == closes:
                    between(tagger.end_actual())
                between(tagger.resumed())
                g += 1
                if state[0] != font.resource or state[1] != seg.size:
                    flush()
                    out.append(f"/{font.resource} {seg.size:.4g} Tf")
                    state[0], state[1] = font.resource, seg.size
                if state[2] != seg.color:
                    flush()
                    out.append(f"{_rgb(seg.color)} rg")
                    state[2] = seg.color
                code = font.code(gid, text)
                x, y = item.x + seg.x + gx, item.y - gy
                pen = state[pen_at]
                if pen is not None and abs(pen[1] - y) < SAME_LINE:
                    shift = (pen[0] - x) * TEXT_UNITS / seg.size
                    if abs(shift) > NO_SHIFT:
                        tj.append(f"{shift:.1f}")
                else:
                    flush()
                    out.append(f"1 0 0 1 {x:.3f} {page_h - y:.3f} Tm")
                tj.append(f"<{code:04X}>")
                state[pen_at] = (x + seg.face.hb_font.get_glyph_h_advance(gid) * scale, y)
            if seg.face.synthetic_bold:
                flush()
                out.append("0 Tr")
            if actual is not None:
                between(tagger.end_actual())
        last = item.line.segments[-1] if item.line.segments else None
        space = last.face.hb_font.get_nominal_glyph(SPACE) if item.space and last is not None else None
        if space:       # the word break after the line, as readers expect it
            if closes is None or g < closes:
                between(tagger.resumed())
            font = self.font(last.face)
            code = font.code(space, " ")
            if state[pen_at] is None:
                x, y = item.x + last.x + last.width, page_h - item.y
                out.append(f"/{font.resource} {last.size:.4g} Tf 1 0 0 1 {x:.3f} {y:.3f} Tm")
            tj.append(f"<{code:04X}>")
        flush()
        if out[-1] == "BT":
            out.pop()
        else:
            out.append("ET")
        if closes is not None and g <= closes:
            out.extend(tagger.end_actual())
        stream.append(" ".join(out))

    def outlines(self, item: TextLine, page_h: float) -> None:
        """A line with right-to-left text drawn as glyph outlines: what it shows, never what it says
        (its invisible text layer says that)."""
        for seg in item.line.segments:
            scale = seg.size / seg.face.upem
            self.c._code.append(f"q {_rgb(seg.color)} rg")
            for gid, gx, gy in zip(seg.gids, seg.xs, seg.ys):
                name = self.glyph_form(seg.face, gid)
                self.c._code.append(f"q {scale:.6f} 0 0 {scale:.6f} {item.x + seg.x + gx:.3f} "
                                    f"{page_h - item.y + gy:.3f} cm")
                self.c.doForm(name)
                self.c._code.append("Q")
            self.c._code.append("Q")

    def text_layer(self, item: TextLine, page_h: float, tagger) -> list[str]:
        """The invisible text of a line with right-to-left text: each character on the baseline where
        it is shown, a word per text object, in reading (logical) order: the order of the structure's
        marked content, which screen readers follow; pdfium and poppler place it by position. A
        word break after the line ends it with a space."""
        out = []
        words: list[list] = [[]]
        for c in item.line.chars:
            if c.ch.isspace():
                words.append([c])
                words.append([])
            else:
                words[-1].append(c)
        y = page_h - item.y
        for word in words:
            if not word:
                continue
            out.append("q BT 3 Tr")
            state = None
            for c in word:
                gid = c.face.hb_font.get_nominal_glyph(ord(c.ch))
                if not gid:
                    continue
                font = self.font(c.face)
                code = font.code(gid, c.ch)
                if state != (font.resource, c.size):
                    out.append(f"/{font.resource} {c.size:.4g} Tf")
                    state = (font.resource, c.size)
                natural = c.face.hb_font.get_glyph_h_advance(gid) * c.size / c.face.upem
                stretch = max(1.0, 100 * (c.right - c.left) / natural) if natural else 100.0   # Tz: per cent
                out.append(f"{stretch:.1f} Tz 1 0 0 1 {item.x + c.left:.3f} {y:.3f} Tm <{code:04X}> Tj")
            out.append("ET Q")
        last = item.line.chars[-1] if item.line.chars else None
        space = last.face.hb_font.get_nominal_glyph(SPACE) if item.space and last else None
        if space:
            font = self.font(last.face)
            code = font.code(space, " ")
            rtl = unicodedata.bidirectional(last.ch) in ("R", "AL")
            x = item.x + (last.left - last.size * INVISIBLE_SPACE if rtl else last.right)
            out.append(f"q BT 3 Tr /{font.resource} {last.size:.4g} Tf 1 0 0 1 {x:.3f} {y:.3f} Tm <{code:04X}> Tj ET Q")
        return out

    def draw(self, item, page_h: float) -> None:
        c = self.c
        if isinstance(item, Rect):
            c.saveState()
            if item.fill:
                c.setFillColor(item.fill)
            if item.stroke:
                c.setStrokeColor(item.stroke)
                c.setLineWidth(item.width)
            args = (item.x, page_h - item.y - item.h, item.w, item.h)
            if item.radius:
                c.roundRect(*args, item.radius, stroke=1 if item.stroke else 0, fill=1 if item.fill else 0)
            else:
                c.rect(*args, stroke=1 if item.stroke else 0, fill=1 if item.fill else 0)
            c.restoreState()
        elif isinstance(item, Circle):
            c.saveState()
            if item.stroke:
                c.setStrokeColor(item.stroke)
                c.setLineWidth(item.width)
            if item.fill:
                c.setFillColor(item.fill)
            c.circle(item.cx, page_h - item.cy, item.r, stroke=1 if item.stroke else 0, fill=1 if item.fill else 0)
            c.restoreState()
        elif isinstance(item, Rule):
            c.saveState()
            c.setStrokeColor(item.color)
            c.setLineWidth(item.width)
            c.line(item.x1, page_h - item.y1, item.x2, page_h - item.y2)
            c.restoreState()
        elif isinstance(item, Picture):
            c.drawImage(str(item.path), item.x, page_h - item.y - item.h, item.w, item.h, mask="auto")
        elif isinstance(item, QR):
            self.qr(item, page_h)
        else:  # pragma: no cover - a planner produced something the writer does not know
            raise TypeError(f"cannot draw {type(item).__name__}")

    def qr(self, item: QR, page_h: float) -> None:
        n = len(item.matrix)
        module = item.size / n
        path = self.c.beginPath()
        for r, row in enumerate(item.matrix):
            c = 0
            while c < n:
                if row[c]:
                    start = c
                    while c < n and row[c]:
                        c += 1
                    path.rect(item.x + start * module, page_h - item.y - (r + 1) * module,
                              (c - start) * module, module)
                else:
                    c += 1
        self.c.saveState()
        self.c.setFillColor(item.color)
        self.c.drawPath(path, stroke=0, fill=1)
        self.c.restoreState()


def write(doc: Document, path: Path) -> str:
    """Draw the document into a tagged PDF file at path (its structure as planned: see
    generator.page); return its summary ('2 pages')."""
    first = doc.pages[0]
    c = _Canvas(str(path), pagesize=(first.width, first.height), invariant=1, pageCompression=1,
                lang=doc.language)
    c.setTitle(doc.title)
    c.setAuthor(doc.author)
    c.setSubject(doc.subject)
    c.setCreator("idpc-kit")
    c.setProducer("idpc-kit (ReportLab)")
    writer = _Writer(c)
    tagger = Tagger(c)
    for number, page in enumerate(doc.pages):
        c.setPageSize((page.width, page.height))
        tagger.begin_page(number)
        opens = {j.first: (j.start, j.text) for j in page.joins}
        closes = {j.second: j.end for j in page.joins}
        annotated = False
        for k, item in enumerate(page.items):
            tag = page.tags[k] if k < len(page.tags) else None
            if isinstance(item, Link):
                h = page.height
                tagger.annotation(item, tag, page, k, [item.x, h - item.y - item.h, item.x + item.w, h - item.y])
                annotated = True
                continue
            tagger.enter(tag, page, k)
            if isinstance(item, TextLine):
                writer.text(item, page.height, tagger, opens.get(k), closes.get(k))
            else:
                writer.draw(item, page.height)
        tagger.close()
        c.showPage()
        tagger.end_page(annotated)
    tagger.finish(doc.structure or Node("Document"), doc.title, doc.author, doc.subject, doc.language)
    c.save()
    return doc.summary
