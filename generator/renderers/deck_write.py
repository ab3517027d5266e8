"""Deck, stage 2: write planned slides with python-pptx.

The built-in design's decorations are listed in the frame (dark title and closing slides, a light
divider per section, a primary band with an accent rule over every content slide) and drawn here,
with a small footer and the slide number. With an organisation's template nothing is drawn: the
slides use its layouts, master and placeholders (the footer and slide number in its own boxes).
"""
from __future__ import annotations

import io
import uuid
import zipfile
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from ..kit import Kit
from ..text import plain, runs
from .deck_model import CELL, Box, Frame, Para, Picture, Slide, TableChunk
from .deck_plan import fixed_datetime

WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 x 7.5 in
_ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
_ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
_TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
_FURNITURE = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
_BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


class Writer:
    def __init__(self, kit: Kit, frame: Frame):
        self.kit = kit
        self.f = frame
        self.lang = kit.language
        self.fonts = {"body": frame.body.name, "heading": frame.heading.name}
        self.font = frame.body.name
        c = frame.colors
        self.col = {name: getattr(c, name) for name in ("primary", "secondary", "accent", "text", "muted",
                                                         "light", "rule", "on_primary", "link")}
        t = kit.theme
        self.mx = t.num("deck.margin_x")
        self.footer_h = t.num("deck.footer_height")
        self.template = frame.template is not None
        self.line_pitch = frame.body.line_height  # the pitch the planner measured with
        if self.template:
            from .deck_template import open_template

            self.prs = open_template(frame.template)
            self.layouts = {role: self.prs.slide_layouts[i] for role, i in frame.layouts.items()}
        else:
            self.prs = Presentation()
            self._widen(self.prs)
            self._link_colour(self.col["secondary"])
            title = self._layout(need={PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.SUBTITLE})
            plain_ = self._layout(need=set())
            self.layouts = {role: title if role == "title" else plain_ for role in frame.places}

    # --- presentation set-up -------------------------------------------------------------------

    @staticmethod
    def _widen(prs) -> None:
        """Make the deck 16:9; stretch the master's and layouts' shapes if the template was narrower."""
        ratio = WIDTH / prs.slide_width
        if abs(ratio - 1) > 1e-6:
            for owner in [prs.slide_master, *prs.slide_layouts]:
                for shape in owner.shapes:
                    if shape.left is not None and shape.width is not None:
                        shape.left, shape.width = Emu(int(shape.left * ratio)), Emu(int(shape.width * ratio))
        prs.slide_width, prs.slide_height = WIDTH, HEIGHT

    def _link_colour(self, colour: str) -> None:
        """Hyperlinks take the theme's hlink colour in most viewers: make it the theme's link colour."""
        import re

        from pptx.opc.constants import RELATIONSHIP_TYPE as RT

        part = self.prs.slide_master.part.part_related_by(RT.THEME)
        xml = part.blob.decode("utf-8")
        value = colour.lstrip("#")
        for tag in ("hlink", "folHlink"):
            xml = re.sub(rf"<a:{tag}>.*?</a:{tag}>", f'<a:{tag}><a:srgbClr val="{value}"/></a:{tag}>', xml, flags=re.S)
        part._blob = xml.encode("utf-8")

    def _layout(self, need: set):
        """The layout with a title placeholder, the needed placeholder types and the fewest others."""
        best, best_extra = None, None
        for layout in self.prs.slide_layouts:
            types = {ph.placeholder_format.type for ph in layout.placeholders} - _FURNITURE
            if not types & _TITLES or not need <= types:
                continue
            extra = len(types - need - _TITLES)
            if best is None or extra < best_extra:
                best, best_extra = layout, extra
        if best is None and need:
            return self._layout(set())
        return best or self.prs.slide_layouts[0]

    # --- text ----------------------------------------------------------------------------------

    def _run_props(self, run, size: float, bold: bool, italic: bool, colour: str, href: str | None,
                   link_colour: str | None, font: str | None = None) -> None:
        if href:
            run.hyperlink.address = href
        f = run.font
        f.size = Pt(size)
        f.bold = bold
        f.italic = italic
        f.name = font or self.font
        f.color.rgb = _rgb(link_colour if href and link_colour else colour)
        if href:
            f.underline = True
        rpr = run._r.get_or_add_rPr()
        rpr.set("lang", self.lang)
        latin = rpr.find(qn("a:latin"))
        anchor = latin
        for tag in ("a:ea", "a:cs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = etree.SubElement(rpr, qn(tag))
                anchor.addnext(el)
            el.set("typeface", font or self.font)
            anchor = el

    def _paragraph(self, p, para: Para, first: bool) -> None:
        p.alignment = _ALIGN[para.align]
        pPr = p._p.get_or_add_pPr()
        for tag in ("a:lnSpc", "a:spcBef", "a:spcAft", "a:buClr", "a:buFont", "a:buChar", "a:buNone"):
            for el in pPr.findall(qn(tag)):
                pPr.remove(el)
        before = 0 if first else para.space_before
        if self.template:  # single spacing and no space after, whatever the template's styles say
            etree.SubElement(etree.SubElement(pPr, qn("a:lnSpc")), qn("a:spcPct")).set("val", "100000")
        else:  # exact line pitch: the same in every font a viewer may substitute, so measuring holds
            pitch = para.size * self.line_pitch
            etree.SubElement(etree.SubElement(pPr, qn("a:lnSpc")), qn("a:spcPts")).set("val", str(int(round(pitch * 100))))
        spc = etree.SubElement(pPr, qn("a:spcBef"))
        etree.SubElement(spc, qn("a:spcPts")).set("val", str(int(round(before * 100))))
        if self.template:
            etree.SubElement(etree.SubElement(pPr, qn("a:spcAft")), qn("a:spcPts")).set("val", "0")
        if para.bullet:
            pPr.set("marL", str(int(Pt(para.indent))))
            pPr.set("indent", str(-int(Pt(para.indent))))
            clr = etree.SubElement(pPr, qn("a:buClr"))
            etree.SubElement(clr, qn("a:srgbClr")).set("val", (para.bullet_color or para.color).lstrip("#"))
            etree.SubElement(pPr, qn("a:buFont")).set("typeface", self.fonts[para.font])
            etree.SubElement(pPr, qn("a:buChar")).set("char", para.bullet)
        else:
            pPr.set("marL", str(int(Pt(para.indent))))
            pPr.set("indent", str(-int(Pt(para.indent))))
            etree.SubElement(pPr, qn("a:buNone"))
        for k, r in enumerate(para.runs):
            run = p.add_run()
            run.text = r.text
            colour = para.first_color if (k == 0 and para.first_color) else para.color
            self._run_props(run, para.size, para.bold or r.bold, para.italic or r.italic, colour, r.href,
                            para.link_color, self.fonts[para.font])

    def _fill_text(self, tf, paras, inset, anchor: str) -> None:
        tf.word_wrap = True
        tf.auto_size = MSO_AUTO_SIZE.NONE
        if self.template:  # one horizontal column, as measured, whatever the layout says
            body_pr = tf._txBody.bodyPr
            body_pr.set("vert", "horz")
            body_pr.set("numCol", "1")
        tf.margin_left, tf.margin_top, tf.margin_right, tf.margin_bottom = (Inches(v) for v in inset)
        tf.vertical_anchor = _ANCHOR[anchor]
        tf.clear()
        for i, para in enumerate(paras):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            self._paragraph(p, para, i == 0)

    # --- shapes --------------------------------------------------------------------------------

    def _rect(self, slide, x, y, w, h, colour: str, name: str, rounded: bool = False, line: str | None = None):
        kind = MSO_SHAPE.ROUNDED_RECTANGLE if rounded else MSO_SHAPE.RECTANGLE
        shape = slide.shapes.add_shape(kind, Inches(x), Inches(y), Inches(w), Inches(h))
        style = shape._element.find(qn("p:style"))
        if style is not None:  # no theme shadow or outline: every colour is set here
            shape._element.remove(style)
        shape.name = name
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(colour)
        if line:
            shape.line.color.rgb = _rgb(line)
            shape.line.width = Pt(1)
        else:
            shape.line.fill.background()
        if rounded:
            shape.adjustments[0] = 0.12
        return shape

    def _box(self, slide, box: Box) -> None:
        ph = self._ph(slide, box.placeholder) if box.placeholder and self.template else None
        if ph is not None:
            self._place(ph, box)
            self._fill_text(ph.text_frame, box.paras, box.inset, box.anchor)
            self.used.add(ph._element)
            return
        if box.fill:
            shape = self._rect(slide, box.x, box.y, box.w, box.h, box.fill, box.name, box.rounded, box.line)
        else:
            shape = slide.shapes.add_textbox(Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
            shape.name = box.name
        self._fill_text(shape.text_frame, box.paras, box.inset, box.anchor)

    def _picture(self, slide, pic: Picture) -> None:
        if pic.card:
            pad = 0.15
            self._rect(slide, pic.x - pad, pic.y - pad, pic.w + 2 * pad, pic.h + 2 * pad, pic.card,
                       f"{pic.name} card", rounded=True)
        source = io.BytesIO(pic.source) if isinstance(pic.source, bytes) else str(pic.source)
        shape = slide.shapes.add_picture(source, Inches(pic.x), Inches(pic.y), Inches(pic.w), Inches(pic.h))
        shape.name = pic.name
        shape._element.nvPicPr.cNvPr.set("descr", pic.alt)
        if not pic.card:
            shape.line.color.rgb = _rgb(self.col["rule"])
            shape.line.width = Pt(0.75)

    def _table(self, slide, chunk: TableChunk) -> None:
        rows, cols = len(chunk.rows) + 1, len(chunk.col_widths)
        height = sum(chunk.row_heights)
        frame = slide.shapes.add_table(rows, cols, Inches(chunk.x), Inches(chunk.y),
                                       Inches(sum(chunk.col_widths)), Inches(height))
        frame.name = chunk.name
        table = frame.table
        table.first_row, table.horz_banding = True, True
        for k, w in enumerate(chunk.col_widths):
            table.columns[k].width = Inches(w)
        for r, h in enumerate(chunk.row_heights):
            table.rows[r].height = Inches(h)
        frame.width = Emu(sum(c.width for c in table.columns))
        frame.height = Emu(sum(r.height for r in table.rows))
        for r, row in enumerate((chunk.header,) + chunk.rows):
            header = r == 0
            fill = self.col["secondary"] if header else (self.col["light"] if r % 2 == 0 else "#FFFFFF")
            colour = self.col["on_primary"] if header else self.col["text"]
            for k in range(cols):
                cell = table.cell(r, k)
                cell.fill.solid()
                cell.fill.fore_color.rgb = _rgb(fill)
                cell.margin_left, cell.margin_top, cell.margin_right, cell.margin_bottom = (Inches(v) for v in CELL)
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE if header else MSO_ANCHOR.TOP
                runs = row[k] if k < len(row) else ()
                para = Para(runs or (), chunk.size, colour, bold=header,
                            link_color=self.col["on_primary"] if header else self.col["link"])
                tf = cell.text_frame
                tf.word_wrap = True
                tf.clear()
                self._paragraph(tf.paragraphs[0], para, True)

    def _decorate(self, slide, s: Slide) -> None:
        """Background, bands and rules of the built-in design (drawn first, so they sit behind the
        text); a template's master and layout carry its own."""
        if self.template:
            return
        place = self.f.place(s.layout)
        bg = slide.background.fill
        bg.solid()
        bg.fore_color.rgb = _rgb(place.background)
        for fill in place.fills:
            r = fill.rect
            self._rect(slide, r.x, r.y, r.w, r.h, fill.color, fill.name)
        for k, (x, y, w, h) in enumerate(s.rules):
            self._rect(slide, x, y, w, h, self.col["accent"], f"Title rule {k + 1}" if k else "Title rule")

    def _slide_number(self, tf, s: Slide, colour: str, size: float) -> None:
        p = tf.paragraphs[0]._p
        fld = etree.SubElement(p, qn("a:fld"))
        fld.set("id", "{%s}" % str(uuid.uuid5(uuid.NAMESPACE_URL, f"slidenum-{s.number}")).upper())
        fld.set("type", "slidenum")
        rpr = etree.SubElement(fld, qn("a:rPr"))
        rpr.set("lang", self.lang)
        rpr.set("sz", str(int(size * 100)))
        fill = etree.SubElement(rpr, qn("a:solidFill"))
        etree.SubElement(fill, qn("a:srgbClr")).set("val", colour.lstrip("#"))
        for tag in ("a:latin", "a:ea", "a:cs"):
            etree.SubElement(rpr, qn(tag)).set("typeface", self.font)
        etree.SubElement(fld, qn("a:t")).text = str(s.number)
        end = p.find(qn("a:endParaRPr"))
        if end is not None:  # a:endParaRPr comes last in a:p
            p.remove(end)
            p.append(end)

    def _footer(self, slide, s: Slide) -> None:
        colour = self.f.place(s.layout).footer_color
        if self.template:
            return self._template_footer(slide, s, colour)
        h_slide, w_slide = self.f.slide_h, self.f.slide_w
        y, h = h_slide - self.footer_h + 0.04, self.footer_h - 0.12
        for fill in self.f.place(s.layout).fills:  # stay clear of a rule along the slide's foot
            if y < fill.rect.y < y + h:
                bottom = fill.rect.y - 0.01
                y = max(h_slide - self.footer_h + 0.01, bottom - h)
                h = bottom - y
        num_w = 1.2
        box = slide.shapes.add_textbox(Inches(self.mx), Inches(y), Inches(w_slide - 2 * self.mx - num_w - 0.2),
                                       Inches(h))
        box.name = "Footer"
        self._fill_text(box.text_frame, [Para(runs(s.footer), s.footer_size, colour)], (0.0, 0.02, 0.0, 0.02),
                        "middle")
        num = slide.shapes.add_textbox(Inches(w_slide - self.mx - num_w), Inches(y), Inches(num_w), Inches(h))
        num.name = "Slide number"
        tf = num.text_frame
        self._fill_text(tf, [Para((), s.footer_size, colour, align="right")], (0.0, 0.02, 0.0, 0.02), "middle")
        self._slide_number(tf, s, colour, s.footer_size)

    def _template_footer(self, slide, s: Slide, colour: str) -> None:
        """The footer text and slide number in the layout's own footer and slide-number boxes."""
        for layout_ph in slide.slide_layout.placeholders:
            kind = layout_ph.placeholder_format.type
            text = s.footer if kind == PP_PLACEHOLDER.FOOTER else None
            if kind not in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER) or (text is not None and not text):
                continue
            slide.shapes.clone_placeholder(layout_ph)
            ph = slide.placeholders[layout_ph.placeholder_format.idx]
            self.used.add(ph._element)
            if not self._keep_on_slide(ph):
                ph._element.getparent().remove(ph._element)
                continue
            align = "left" if kind == PP_PLACEHOLDER.FOOTER else "right"
            paras = [Para(runs(text) if text else (), s.footer_size, colour, align=align)]
            self._fill_text(ph.text_frame, paras, (0.08, 0.05, 0.08, 0.05), "middle")
            if text is None:
                self._slide_number(ph.text_frame, s, colour, s.footer_size)

    def _keep_on_slide(self, shape) -> bool:
        """Cut a box that runs off the slide back to the slide; False when too little is left."""
        try:
            left, top, width, height = shape.left, shape.top, shape.width, shape.height
        except Exception:  # geometry python-pptx cannot resolve
            return True
        if None in (left, top, width, height):
            return True
        sw, sh = self.prs.slide_width, self.prs.slide_height
        x0, y0 = max(left, 0), max(top, 0)
        x1, y1 = min(left + width, sw), min(top + height, sh)
        if x1 - x0 < Emu(Inches(0.3)) or y1 - y0 < Emu(Inches(0.15)):
            return False
        if (x0, y0, x1, y1) != (left, top, left + width, top + height):
            shape.left, shape.top, shape.width, shape.height = x0, y0, x1 - x0, y1 - y0
        return True

    def _ph(self, slide, which: str):
        """The slide's unused body ("body") or subtitle ("subtitle") placeholder, the other as a fallback."""
        free = [ph for ph in slide.placeholders if ph._element not in self.used]
        bodies = [ph for ph in free if ph.placeholder_format.type in _BODIES]
        subs = [ph for ph in free if ph.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE]
        order = (subs + bodies) if which == "subtitle" else (sorted(bodies, key=_area, reverse=True) + subs)
        return order[0] if order else None

    def _place(self, shape, b) -> None:
        """Put shape at box b; a placeholder already there keeps inheriting its layout's position."""
        want = [Inches(b.x), Inches(b.y), Inches(b.w), Inches(b.h)]
        have = [shape.left, shape.top, shape.width, shape.height]
        if self.template and None not in have and all(abs(w - h) <= 12700 for w, h in zip(want, have)):
            return
        shape.left, shape.top, shape.width, shape.height = want

    def _title(self, slide, s: Slide) -> None:
        title = next((ph for ph in slide.placeholders if ph.placeholder_format.type in _TITLES), None)
        if title is None:  # a template without a title placeholder on this layout
            title = slide.shapes.add_textbox(0, 0, 0, 0)
        b = s.title_box
        self._place(title, b)
        title.name = "Title"
        self._fill_text(title.text_frame, b.paras, b.inset, b.anchor)
        self.used.add(title._element)
        if s.subtitle is None:
            return
        b = s.subtitle
        sub = self._ph(slide, "subtitle")
        if sub is not None and (not self.template or sub.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE
                                or b.placeholder):
            self._place(sub, b)
            sub.name = "Subtitle"
            self._fill_text(sub.text_frame, b.paras, b.inset, b.anchor)
            self.used.add(sub._element)
        else:
            self._box(slide, b)

    def _notes(self, slide, text: str) -> None:
        tf = slide.notes_slide.notes_text_frame
        tf.text = text
        for p in tf.paragraphs:
            for r in p.runs:
                r.font.name = self.font
                r._r.get_or_add_rPr().set("lang", self.lang)

    def slide(self, s: Slide) -> None:
        slide = self.prs.slides.add_slide(self.layouts[s.layout])
        self.used: set = set()
        tree = slide.shapes._spTree
        before = len(tree)
        self._decorate(slide, s)
        decoration = list(tree)[before:]
        for k, el in enumerate(decoration):  # behind the placeholders cloned from the layout
            tree.insert(2 + k, el)
        self._title(slide, s)
        for pic in s.pictures:
            self._picture(slide, pic)
        for box in s.boxes:
            self._box(slide, box)
        if s.table is not None:
            self._table(slide, s.table)
        self._footer(slide, s)
        for ph in list(slide.placeholders):  # unused placeholders would show "Click to add text"
            if ph._element not in self.used:
                ph._element.getparent().remove(ph._element)
        self._notes(slide, s.notes)

    def properties(self) -> None:
        content = self.kit.content
        props = self.prs.core_properties
        props.title = plain(content.title)
        props.subject = plain(content.subtitle or content.summary)[:250]
        props.author = plain(content.organization.name) if content.organization else ""
        props.language = self.lang
        props.last_modified_by = props.author or "generate"
        props.keywords = ""
        props.comments = ""
        props.category = ""
        props.revision = 1
        stamp = fixed_datetime(self.kit)
        props.created = stamp
        props.modified = stamp
        props.last_printed = stamp


def _stable_zip(data: bytes, path: Path, stamp) -> None:
    """Rewrite the package with fixed member timestamps, so the same content gives the same bytes."""
    when = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=when)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            out.writestr(member, src.read(info.filename))


def _area(shape) -> int:
    return (shape.width or 0) * (shape.height or 0)


def write(slides: list[Slide], kit: Kit, path: Path, frame: Frame) -> str:
    """Write the planned slides to path as a .pptx; return a summary such as '34 slides'."""
    w = Writer(kit, frame)
    for s in slides:
        w.slide(s)
    w.properties()
    buf = io.BytesIO()
    w.prs.save(buf)
    _stable_zip(buf.getvalue(), Path(path), fixed_datetime(kit))
    return f"{len(slides)} slides"
