"""The PDF writer: draws a planned Document (generator.page) with ReportLab's canvas. It decides nothing.

Text is drawn as shaped glyphs of fonts embedded as Type0/Identity-H subsets (cut by HarfBuzz), each
with a ToUnicode map, and emitted in logical order: a reader copying a line of Arabic gets it as it
was written, while every glyph sits where the planner put it. Invariant mode keeps the clock out.
"""
from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString, PDFZCompress
from reportlab.pdfgen.canvas import Canvas

from ..fonts import Face
from ..page import QR, Circle, Document, Link, Picture, Rect, Rule, TextLine


def _tag(name: str) -> int:
    return int.from_bytes(name.encode("ascii"), "big")


def _rgb(colour: str) -> str:
    h = colour.lstrip("#")
    return " ".join(f"{int(h[i:i + 2], 16) / 255:.4g}" for i in (0, 2, 4))


class _Canvas(Canvas):
    """A canvas that selects no font of its own, so no unembedded Helvetica reaches the file."""

    def _make_preamble(self):
        self._preamble = "1 0 0 1 0 0 cm"


class _EmbeddedFace:
    """One face embedded once, shown through two Type0 fonts sharing its file: a "mapped" one whose
    glyphs carry their text (ToUnicode) and a "silent" one whose glyphs carry none. Lines with
    right-to-left text are drawn silent and carry an invisible text layer of mapped glyphs in the
    order and places that PDF readers expect, so copying and searching give the text as written."""

    def __init__(self, face: Face, number: int):
        self.face = face
        self.mapped, self.silent = f"T{number}", f"S{number}"
        self.text: dict[int, str] = {}
        self.used = {self.mapped: {0}, self.silent: {0}}

    def use(self, resource: str, gid: int, text: str = "") -> None:
        self.used[resource].add(gid)
        if resource == self.mapped and (gid not in self.text or (text and not self.text[gid])):
            self.text[gid] = text

    def _subset(self) -> bytes:
        import uharfbuzz as hb

        source = hb.Face(hb.Blob(self.face.data), self.face.index)
        sub = hb.SubsetInput()
        sub.glyph_set.update(sorted(self.used[self.mapped] | self.used[self.silent]))
        sub.flags = hb.SubsetFlags.RETAIN_GIDS | hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.NOTDEF_OUTLINE
        for table in ("GSUB", "GPOS", "GDEF", "STAT", "gasp", "DSIG", "kern", "hdmx", "VDMX", "LTSH", "cmap"):
            sub.drop_table_tag_set.add(_tag(table))
        return hb.subset(source, sub).blob.data

    def _widths(self, gids: set[int]) -> PDFArray:
        font, scale = self.face.hb_font, 1000 / self.face.upem
        out, run, start = [], [], None
        for gid in sorted(gids):
            w = round(font.get_glyph_h_advance(gid) * scale)
            if start is not None and gid == start + len(run):
                run.append(w)
                continue
            if run:
                out += [start, PDFArray(run)]
            start, run = gid, [w]
        if run:
            out += [start, PDFArray(run)]
        return PDFArray(out)

    @staticmethod
    def _cmap(name: str, entries: list[tuple[int, str]]) -> bytes:
        lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                 "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                 f"/CMapName /{name}-UCS def", "/CMapType 2 def",
                 "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
        for k in range(0, len(entries), 100):
            chunk = entries[k:k + 100]
            lines.append(f"{len(chunk)} beginbfchar")
            lines += [f"<{gid:04X}> <{text.encode('utf-16-be').hex().upper()}>" for gid, text in chunk]
            lines.append("endbfchar")
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return "\n".join(lines).encode("ascii")

    def addObjects(self, doc) -> None:  # noqa: N802 (ReportLab calls it by this name)
        """Called by ReportLab when the document is saved: the font file, dictionaries and maps."""
        data = self._subset()
        digest = hashlib.sha256(data + repr(sorted(self.text.items())).encode("utf-8")).digest()
        prefix = "".join(chr(65 + b % 26) for b in digest[:6])
        name = f"{prefix}+{self.face.key}"
        # PostScript outlines (most CJK fonts) are embedded as an OpenType file of a CIDFontType0 font
        cff = self.face.cff
        file = doc.Reference(PDFStream(PDFDictionary({"Subtype": PDFName("OpenType")} if cff else
                                                     {"Length1": len(data)}), data, filters=[PDFZCompress]))
        head = self.face.hb_face.reference_table("head").data
        scale = 1000 / self.face.upem

        def s16(offset):
            return int.from_bytes(head[offset:offset + 2], "big", signed=True)

        descriptor = doc.Reference(PDFDictionary({
            "Type": PDFName("FontDescriptor"), "FontName": PDFName(name),
            "Flags": 32 + (64 if self.face.italic else 0),
            "FontBBox": PDFArray([round(s16(k) * scale) for k in (36, 38, 40, 42)]),
            "ItalicAngle": -12 if self.face.italic else 0, "Ascent": round(self.face.ascender * 1000),
            "Descent": -round(self.face.descender * 1000), "CapHeight": round(self.face.ascender * 700),
            "StemV": 120 if self.face.bold else 80, "FontFile3" if cff else "FontFile2": file}))
        for resource, entries in ((self.mapped, sorted(self.text.items())),
                                  (self.silent, [(g, "") for g in sorted(self.used[self.silent])])):
            if len(self.used[resource]) == 1 and resource == self.silent:
                continue
            cid = PDFDictionary({
                "Type": PDFName("Font"), "Subtype": PDFName("CIDFontType0" if cff else "CIDFontType2"),
                "BaseFont": PDFName(name),
                "CIDSystemInfo": PDFDictionary({"Registry": PDFString("Adobe"), "Ordering": PDFString("Identity"),
                                                "Supplement": 0}),
                "FontDescriptor": descriptor, "W": self._widths(self.used[resource]),
                **({} if cff else {"CIDToGIDMap": PDFName("Identity")})})
            cmap = PDFStream(PDFDictionary({}), self._cmap(prefix, entries), filters=[PDFZCompress])
            font = PDFDictionary({
                "Type": PDFName("Font"), "Subtype": PDFName("Type0"), "BaseFont": PDFName(name),
                "Encoding": PDFName("Identity-H"), "DescendantFonts": PDFArray([doc.Reference(cid)]),
                "ToUnicode": doc.Reference(cmap)})
            doc.idToObject["BasicFonts"].dict[resource] = doc.Reference(font, f"Font.{resource}")


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
        self.curveTo((x0 + 2 / 3 * (qx - x0), y0 + 2 / 3 * (qy - y0)),
                     (p[0] + 2 / 3 * (qx - p[0]), p[1] + 2 / 3 * (qy - p[1])), p)

    def closePath(self):  # noqa: N802
        self.ops.append("h")


class _Writer:
    def __init__(self, canvas: _Canvas):
        self.c = canvas
        self.fonts: dict[int, _EmbeddedFace] = {}
        self.forms: dict[tuple[int, int], str] = {}

    def glyph_form(self, face: Face, gid: int) -> str:
        """A form XObject drawing one glyph's outline in font units (filled in the current colour)."""
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

    def font(self, face: Face) -> _EmbeddedFace:
        found = self.fonts.get(id(face))
        if found is None:
            found = self.fonts[id(face)] = _EmbeddedFace(face, len(self.fonts) + 1)
            self.c._doc.delayedFonts.append(found)
        return found

    def text(self, item: TextLine, page_h: float) -> None:
        if item.line.bidi:
            self.outlines(item, page_h)
            self.c._code.append(" ".join(self.text_layer(item, page_h)))
            return
        line = item.line
        silent = False
        out = ["BT"]
        state = [None, None, None]  # resource, size, colour
        for seg in line.segments:
            font = self.font(seg.face)
            resource = font.silent if silent else font.mapped
            if state[0] != resource or state[1] != seg.size:
                out.append(f"/{resource} {seg.size:.4g} Tf")
                state[0], state[1] = resource, seg.size
            if state[2] != seg.color:
                out.append(f"{_rgb(seg.color)} rg")
                state[2] = seg.color
            if seg.face.synthetic_bold:   # a font without bold: its glyphs filled and outlined, thicker
                out.append(f"2 Tr {seg.size * 0.035:.3f} w {_rgb(seg.color)} RG")
            scale = seg.size / seg.face.upem
            tj: list[str] = []
            pen = None
            for gid, gx, gy, text in zip(seg.gids, seg.xs, seg.ys, seg.texts):
                font.use(resource, gid, text)
                x, y = item.x + seg.x + gx, item.y - gy
                if pen is not None and abs(pen[1] - y) < 0.01:
                    shift = (pen[0] - x) * 1000 / seg.size
                    if abs(shift) > 0.05:
                        tj.append(f"{shift:.1f}")
                else:
                    if tj:
                        out.append("[" + "".join(tj) + "] TJ")
                        tj = []
                    out.append(f"1 0 0 1 {x:.3f} {page_h - y:.3f} Tm")
                tj.append(f"<{gid:04X}>")
                pen = (x + seg.face.hb_font.get_glyph_h_advance(gid) * scale, y)
            if tj:
                out.append("[" + "".join(tj) + "] TJ")
            if seg.face.synthetic_bold:
                out.append("0 Tr")
        out.append("ET")
        self.c._code.append(" ".join(out))

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

    def text_layer(self, item: TextLine, page_h: float) -> list[str]:
        """The invisible text of a line with right-to-left text: each character on the baseline where
        it is shown, a word per text object. Right-to-left words are written in the order they are
        shown (readers reverse them back); words follow each other in reading order."""
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
            if any(unicodedata.bidirectional(c.ch) in ("R", "AL") for c in word):
                word = sorted(word, key=lambda c: (c.left + c.right) / 2)
            out.append("q BT 3 Tr")
            state = None
            for c in word:
                gid = c.face.hb_font.get_nominal_glyph(ord(c.ch))
                if not gid:
                    continue
                font = self.font(c.face)
                font.use(font.mapped, gid, c.ch)
                if state != (font.mapped, c.size):
                    out.append(f"/{font.mapped} {c.size:.4g} Tf")
                    state = (font.mapped, c.size)
                natural = c.face.hb_font.get_glyph_h_advance(gid) * c.size / c.face.upem
                stretch = max(1.0, 100 * (c.right - c.left) / natural) if natural else 100.0
                out.append(f"{stretch:.1f} Tz 1 0 0 1 {item.x + c.left:.3f} {y:.3f} Tm <{gid:04X}> Tj")
            out.append("ET Q")
        return out

    def draw(self, item, page_h: float) -> None:
        c = self.c
        if isinstance(item, TextLine):
            self.text(item, page_h)
        elif isinstance(item, Rect):
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
        elif isinstance(item, Link):
            c.linkURL(item.url, (item.x, page_h - item.y - item.h, item.x + item.w, page_h - item.y),
                      relative=0, thickness=0)
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
    """Draw the document into a PDF file at path; return its summary ('2 pages')."""
    first = doc.pages[0]
    c = _Canvas(str(path), pagesize=(first.width, first.height), invariant=1, pageCompression=1,
                lang=doc.language)
    c.setTitle(doc.title)
    c.setAuthor(doc.author)
    c.setSubject(doc.subject)
    c.setCreator("idpc-kit")
    c.setProducer("idpc-kit (ReportLab)")
    writer = _Writer(c)
    for page in doc.pages:
        c.setPageSize((page.width, page.height))
        for item in page.items:
            writer.draw(item, page.height)
        c.showPage()
    c.save()
    return doc.summary
