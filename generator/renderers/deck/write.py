"""Writing a planned deck: python-pptx holds the package (the built-in base or the organisation's
cleaned template, its layouts, notes and pictures); each slide's shapes are written as DrawingML
from the plan. Nothing is decided here: sizes, places, colours and splits come from the plan."""
from __future__ import annotations

import io
import re
import uuid
import zipfile
from pathlib import Path

from .complete import complete
from .model import Box, DeckPlan, Para, Picture, Slide, TableChunk

# OOXML's units, not a look: English metric units to the inch and to the point; sizes, spacing and
# rules in hundredths of a point; a shape's adjust values in thousandths of a percent
EMU = 914400
EMU_PT = 12700
CENTIPOINTS = 100
ADJUST = 100000
FIRST_SLIDE_ID = 256               # PresentationML's slide ids start here
ZIP_YEARS = (1980, 2107)           # the years a zip member's time can hold
MEMBER_MODE = 0o644 << 16          # rw-r--r-- in a zip member's external attributes
NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
_ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
# Office's mark for a shape that is decoration only (screen readers and the accessibility checker skip it)
DECORATIVE = ('<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative '
              'xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>')
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def emu(inches: float) -> int:
    return int(round(inches * EMU))


def escape(text: str) -> str:
    """Text for XML, as xml.sax.saxutils writes it (which would import urllib, http and ssl)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return escape(text).replace('"', "&quot;")


class SlideXml:
    """Builds one slide's shape tree as DrawingML text."""

    def __init__(self, plan: DeckPlan, part, placeholders: dict):
        self.plan, self.part = plan, part
        self.placeholders = placeholders     # kind -> (type, idx) of the layout's placeholders
        self.shapes: list[str] = []
        self.next_id = 2

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def align(self, para: Para) -> str:
        """start and end follow the edition's direction; a layout's left means start (mirrored in
        a right-to-left edition, as the whole design is)."""
        rtl = self.plan.rtl
        side = {"start": "r" if rtl else "l", "end": "l" if rtl else "r", "left": "r" if rtl else "l",
                "right": "l" if rtl else "r", "center": "ctr"}
        return side.get(para.align, "l")

    def run(self, text: str, size: float, bold: bool, italic: bool, colour: str, href: str | None, font: str,
            lang: str) -> str:
        link = ""
        if href:
            rid = self.part.relate_to(href, _HYPERLINK, is_external=True)
            link = f'<a:hlinkClick r:id="{rid}"/>'
        face = self.plan.fonts.get(font) if self.plan.template is None else None
        east = self.plan.fonts.get("ea") or face
        fonts = (f'<a:latin typeface="{_attr(face)}"/><a:ea typeface="{_attr(east)}"/>'
                 f'<a:cs typeface="{_attr(self.plan.fonts["cs"])}"/>') if face else ""
        u = ' u="sng"' if href and self.plan.link_underline else ""
        return (f'<a:r><a:rPr lang="{_attr(lang)}" sz="{int(round(size * CENTIPOINTS))}" b="{int(bold)}" i="{int(italic)}"'
                f'{u} dirty="0"><a:solidFill><a:srgbClr val="{colour.lstrip("#")}"/></a:solidFill>{fonts}{link}'
                f'</a:rPr><a:t>{escape(text)}</a:t></a:r>')

    def paragraph(self, para: Para, first: bool) -> str:
        # every paragraph of a right-to-left edition runs right to left, so that its bullet or option
        # letter sits at the right (the plan has put in the direction marks its text needs)
        rtl = ' rtl="1"' if self.plan.rtl else ""
        texts = [r.text for r in para.runs]
        indent = int(round(para.indent * EMU_PT))
        pitch = self.plan.line_pitch
        spacing = (f'<a:lnSpc><a:spcPts val="{int(round(para.size * pitch * CENTIPOINTS))}"/></a:lnSpc>' if pitch
                   else '<a:lnSpc><a:spcPct val="100000"/></a:lnSpc>')
        before = 0 if first else para.space_before
        spacing += f'<a:spcBef><a:spcPts val="{int(round(before * CENTIPOINTS))}"/></a:spcBef><a:spcAft><a:spcPts val="0"/></a:spcAft>'
        if para.number:
            colour = (para.bullet_color or para.color).lstrip("#")
            bullet = (f'<a:buClr><a:srgbClr val="{colour}"/></a:buClr><a:buFont typeface='
                      f'"{_attr(self.plan.fonts["latin"])}"/><a:buAutoNum type="{para.number_style}" startAt="{para.number}"/>')
        elif para.bullet:
            colour = (para.bullet_color or para.color).lstrip("#")
            bullet = (f'<a:buClr><a:srgbClr val="{colour}"/></a:buClr>'
                      f'<a:buFont typeface="{_attr(self.plan.fonts["latin"])}"/><a:buChar char="{_attr(para.bullet)}"/>')
        else:
            bullet = "<a:buNone/>"
        ppr = (f'<a:pPr marL="{indent}" indent="{-indent}" algn="{self.align(para)}"{rtl}>{spacing}{bullet}</a:pPr>')
        lang = para.lang or self.plan.language
        runs = []
        for k, r in enumerate(para.runs):
            colour = para.first_color if k == 0 and para.first_color else para.color
            if r.href and para.link_color:
                colour = para.link_color
            runs.append(self.run(texts[k], para.size, para.bold or r.bold, para.italic or r.italic, colour, r.href,
                                 para.font, lang))
        end = f'<a:endParaRPr lang="{_attr(lang)}" sz="{int(round(para.size * CENTIPOINTS))}" dirty="0"/>'
        return f"<a:p>{ppr}{''.join(runs)}{end}</a:p>"

    def body(self, paras, inset, anchor: str, fit: bool = False) -> str:
        l, t, r, b = (emu(v) for v in inset)
        text = "".join(self.paragraph(p, k == 0) for k, p in enumerate(paras)) or "<a:p/>"
        return (f'<p:txBody><a:bodyPr wrap="square" lIns="{l}" tIns="{t}" rIns="{r}" bIns="{b}" '
                f'anchor="{_ANCHOR[anchor]}" rtlCol="0" vert="horz" numCol="1"><a:noAutofit/></a:bodyPr>'
                f'<a:lstStyle/>{text}</p:txBody>')

    def sp(self, name: str, x, y, w, h, *, paras=(), inset=(0, 0, 0, 0), anchor="top", fill=None, line=None,
           rounded=False, corner=0.0, line_width=0.0, ph: tuple[str, int] | None = None, geometry: bool = True,
           decorative: bool = False) -> None:
        sid = self.new_id()
        locks = '<a:spLocks noGrp="1"/>' if ph else ""
        ph_x = f'<p:ph type="{ph[0]}" idx="{ph[1]}"/>' if ph else ""
        nv = (f'<p:nvSpPr><p:cNvPr id="{sid}" name="{_attr(name)}">{DECORATIVE if decorative else ""}</p:cNvPr>'
              f'<p:cNvSpPr>{locks}</p:cNvSpPr>'
              f'<p:nvPr>{ph_x}</p:nvPr></p:nvSpPr>')
        xfrm = (f'<a:xfrm><a:off x="{emu(x)}" y="{emu(y)}"/><a:ext cx="{emu(w)}" cy="{emu(h)}"/></a:xfrm>'
                if geometry else "")
        adjust = f'<a:gd name="adj" fmla="val {int(round(corner * ADJUST))}"/>' if rounded else ""
        shape = "roundRect" if rounded else "rect"
        geom = "" if ph else f'<a:prstGeom prst="{shape}"><a:avLst>{adjust}</a:avLst></a:prstGeom>'
        fill_x = (f'<a:solidFill><a:srgbClr val="{fill.lstrip("#")}"/></a:solidFill>' if fill
                  else ("" if ph else "<a:noFill/>"))
        line_x = (f'<a:ln w="{int(round(line_width * EMU_PT))}"><a:solidFill><a:srgbClr val="{line.lstrip("#")}"/></a:solidFill></a:ln>'
                  if line else ("" if ph else "<a:ln><a:noFill/></a:ln>"))
        body = self.body(paras, inset, anchor) if paras or ph else ""
        self.shapes.append(f"<p:sp>{nv}<p:spPr>{xfrm}{geom}{fill_x}{line_x}</p:spPr>{body}</p:sp>")

    def box(self, b: Box, ph: tuple[str, int] | None = None, geometry: bool = True) -> None:
        self.sp(b.name, b.x, b.y, b.w, b.h, paras=b.paras, inset=b.inset, anchor=b.anchor, fill=b.fill,
                line=b.line, rounded=b.rounded, corner=b.corner, line_width=b.line_width, ph=ph, geometry=geometry)

    def picture(self, pic: Picture) -> None:
        if pic.card:
            pad = pic.card_pad
            self.sp(f"{pic.name} card", pic.x - pad, pic.y - pad, pic.w + 2 * pad, pic.h + 2 * pad, fill=pic.card,
                    rounded=True, corner=pic.card_corner, decorative=True)
        source = io.BytesIO(pic.source) if isinstance(pic.source, bytes) else str(pic.source)
        _, rid = self.part.get_or_add_image_part(source)
        sid = self.new_id()
        line = (f'<a:ln w="{int(round(pic.line_width * EMU_PT))}"><a:solidFill><a:srgbClr '
                f'val="{pic.line.lstrip("#")}"/></a:solidFill></a:ln>') if pic.line else ""
        self.shapes.append(
            f'<p:pic><p:nvPicPr><p:cNvPr id="{sid}" name="{_attr(pic.name)}" descr="{_attr(pic.alt)}"/>'
            f'<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
            f'<p:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            f'<p:spPr><a:xfrm><a:off x="{emu(pic.x)}" y="{emu(pic.y)}"/><a:ext cx="{emu(pic.w)}" cy="{emu(pic.h)}"/>'
            f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{line}</p:spPr></p:pic>')

    def table(self, t: TableChunk) -> None:
        head_fill, head_text, band, between, text, link = t.colors
        sid = self.new_id()
        grid = "".join(f'<a:gridCol w="{emu(w)}"/>' for w in t.col_widths)
        rows = []
        for r, (cells, h) in enumerate(zip((t.header,) + t.rows, t.row_heights)):
            header = r == 0
            fill = head_fill if header else (band if r % 2 == 0 else between)
            colour = head_text if header else text
            tcs = []
            anchor = _ANCHOR[t.header_anchor if header else t.anchor]
            for cell in cells:
                para = Para(cell or (), t.size, colour, bold=header and t.header_bold,
                            link_color=head_text if header else link)
                l, tp, rt, b = (emu(v) for v in t.cell_inset)
                tcs.append(f'<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{self.paragraph(para, True)}</a:txBody>'
                           f'<a:tcPr marL="{l}" marR="{rt}" marT="{tp}" marB="{b}" anchor="{anchor}">'
                           f'<a:solidFill><a:srgbClr val="{fill.lstrip("#")}"/></a:solidFill></a:tcPr></a:tc>')
            rows.append(f'<a:tr h="{emu(h)}">{"".join(tcs)}</a:tr>')
        rtl = ' rtl="1"' if self.plan.rtl else ""
        self.shapes.append(
            f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{sid}" name="{_attr(t.name)}"/>'
            f'<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
            f'<p:xfrm><a:off x="{emu(t.x)}" y="{emu(t.y)}"/><a:ext cx="{emu(sum(t.col_widths))}" '
            f'cy="{emu(sum(t.row_heights))}"/></p:xfrm><a:graphic><a:graphicData '
            f'uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl><a:tblPr firstRow="1" bandRow="1"{rtl}/>'
            f'<a:tblGrid>{grid}</a:tblGrid>{"".join(rows)}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>')

    def number(self, s: Slide, ph) -> None:
        """The slide number as PowerPoint's field, so that it follows when slides move."""
        box = s.number_box
        para = box.paras[0]
        fid = "{%s}" % str(uuid.uuid5(uuid.NAMESPACE_URL, f"slidenum-{s.number}")).upper()
        lang = self.plan.language
        fonts = "" if self.plan.template else f'<a:latin typeface="{_attr(self.plan.fonts["latin"])}"/>'
        field = (f'<a:p><a:pPr algn="{self.align(para)}"/><a:fld id="{fid}" type="slidenum">'
                 f'<a:rPr lang="{lang}" sz="{int(round(para.size * CENTIPOINTS))}" dirty="0"><a:solidFill><a:srgbClr '
                 f'val="{para.color.lstrip("#")}"/></a:solidFill>{fonts}</a:rPr><a:t>{escape("".join(r.text for r in para.runs))}'
                 '</a:t></a:fld></a:p>')
        sid = self.new_id()
        phx = f'<p:ph type="sldNum" idx="{ph[1]}"/>' if ph else ""
        geom = "" if ph else '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>'
        l, t, r, b = (emu(v) for v in box.inset)
        self.shapes.append(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{_attr(box.name)}"/><p:cNvSpPr/><p:nvPr>{phx}</p:nvPr></p:nvSpPr>'
            f'<p:spPr><a:xfrm><a:off x="{emu(box.x)}" y="{emu(box.y)}"/><a:ext cx="{emu(box.w)}" cy="{emu(box.h)}"/></a:xfrm>'
            f'{geom}</p:spPr><p:txBody><a:bodyPr lIns="{l}" tIns="{t}" rIns="{r}" bIns="{b}" anchor="{_ANCHOR[box.anchor]}">'
            f'<a:noAutofit/></a:bodyPr><a:lstStyle/>{field}</p:txBody></p:sp>')


_GROUP = ('<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm>'
          '<a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm>'
          '</p:grpSpPr>')


def _slide_xml(shapes: list[str], background: str | None) -> str:
    bg = (f'<p:bg><p:bgPr><a:solidFill><a:srgbClr val="{background.lstrip("#")}"/></a:solidFill><a:effectLst/>'
          f'</p:bgPr></p:bg>') if background else ""
    return (f'<p:sld {NS}><p:cSld>{bg}<p:spTree>{_GROUP}{"".join(shapes)}</p:spTree></p:cSld>'
            f'<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>')


def _notes_xml(text: str, lang: str) -> str:
    """A notes page as PowerPoint writes one: the slide's picture and the notes' text, one paragraph a line."""
    paras = "".join(f'<a:p><a:r><a:rPr lang="{_attr(lang)}" dirty="0"/><a:t>{escape(line)}</a:t></a:r></a:p>'
                    if line else "<a:p/>" for line in text.split("\n"))
    return (f'<p:notes {NS}><p:cSld><p:spTree>{_GROUP}'
            '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" '
            'noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr>'
            '<p:spPr/></p:sp>'
            '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
            '</p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>'
            f'<p:txBody><a:bodyPr/><a:lstStyle/>{paras or "<a:p/>"}</p:txBody></p:sp>'
            '</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>')


def _slide(prs, plan: DeckPlan, s: Slide, layouts, number: int, slide_id: int, notes_master) -> None:
    """One slide part (and its notes part), made directly: nothing of the layout is cloned only to be
    removed again, and part names are counted, not searched for."""
    from pptx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
    from pptx.opc.packuri import PackURI
    from pptx.oxml import parse_xml
    from pptx.parts.slide import NotesSlidePart, SlidePart

    place = s.place
    layout = layouts[place.layout]
    part = SlidePart(PackURI(f"/ppt/slides/slide{number}.xml"), CT.PML_SLIDE, prs.part.package,
                     parse_xml(_slide_xml([], None)))
    part.relate_to(layout.part, RT.SLIDE_LAYOUT)
    phs = _placeholders(layout)
    x = SlideXml(plan, part, phs)
    builtin = plan.template is None
    if builtin:
        for fill in place.fills:
            r = fill.rect
            x.sp(fill.name, r.x, r.y, r.w, r.h, fill=fill.color, decorative=True)
        for rx, ry, rw, rh, colour in s.rules:
            x.sp("Title rule", rx, ry, rw, rh, fill=colour, decorative=True)
    # reading order (a screen reader's, and PowerPoint's checker's) is the shape order: the title,
    # then the text, then the pictures beside it; decorations are marked decorative and skipped
    x.box(s.title_box, phs.get("title"))
    if s.subtitle is not None:
        x.box(s.subtitle, phs.get("subtitle") or phs.get("body") if s.subtitle.placeholder else None)
    for b in s.boxes:
        x.box(b, phs.get("body") if b.placeholder else None)
    if s.table is not None:
        x.table(s.table)
    for pic in s.pictures:
        x.picture(pic)
    if s.footer_box is not None:
        x.box(s.footer_box, phs.get("ftr"))
    if s.number_box is not None:
        x.number(s, phs.get("sldNum"))
    part._element = parse_xml(_slide_xml(x.shapes, place.background if builtin else None))
    # python-pptx's relate_to and add_sldId each search every slide so far: a 4,000-slide deck spent a
    # minute there. The part is new, so there is nothing to find: add the relationship and count ids.
    r_id = prs.part.rels._add_relationship(RT.SLIDE, part)
    prs.slides._sldIdLst._add_sldId(id=slide_id, rId=r_id)
    notes = NotesSlidePart(PackURI(f"/ppt/notesSlides/notesSlide{number}.xml"), CT.PML_NOTES_SLIDE,
                           prs.part.package, parse_xml(_notes_xml(s.notes, plan.language)))
    notes.relate_to(notes_master, RT.NOTES_MASTER)
    notes.relate_to(part, RT.SLIDE)
    part.relate_to(notes, RT.NOTES_SLIDE)


def _placeholders(layout) -> dict:
    """kind -> (type, idx) of a layout's placeholders (title, body, subtitle, ftr, sldNum)."""
    from pptx.oxml.ns import qn

    out = {}
    for sp in layout.placeholders:
        ph = sp.element.find(f".//{qn('p:nvPr')}/{qn('p:ph')}")
        kind = ph.get("type", "obj") if ph is not None else "obj"
        idx = int(ph.get("idx", "0")) if ph is not None else 0
        key = {"ctrTitle": "title", "title": "title", "subTitle": "subtitle", "body": "body", "obj": "body",
               "ftr": "ftr", "sldNum": "sldNum"}.get(kind)
        if key and key not in out:
            out[key] = (kind, idx)
    return out


def _base(plan: DeckPlan):
    """The package the slides go into: the cleaned template, else python-pptx's base made 16:9."""
    from pptx import Presentation

    if plan.template is not None:
        prs = Presentation(io.BytesIO(plan.template))
        return prs, list(prs.slide_layouts)
    prs = Presentation()
    prs.slide_width, prs.slide_height = emu(plan.width), emu(plan.height)
    _theme_fonts(prs, plan)
    return prs, list(prs.slide_layouts)


def _theme_fonts(prs, plan: DeckPlan) -> None:
    """The base's theme names the deck's fonts (not Calibri), so text a presenter adds matches."""
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    theme = prs.slide_master.part.part_related_by(RT.THEME)
    xml = theme.blob.decode("utf-8")
    xml = re.sub(r'(<a:majorFont><a:latin typeface=")[^"]*', lambda m: m.group(1) + _attr(plan.fonts["heading"]), xml)
    xml = re.sub(r'(<a:minorFont><a:latin typeface=")[^"]*', lambda m: m.group(1) + _attr(plan.fonts["body"]), xml)
    theme._blob = xml.encode("utf-8")


def _properties(prs, plan: DeckPlan) -> None:
    import datetime as dt

    props = prs.core_properties
    props.title, props.subject, props.author = plan.title, plan.subject, plan.author
    props.language = plan.language
    props.last_modified_by = plan.author or "generate"
    props.keywords = props.comments = props.category = ""
    props.revision = 1
    stamp = dt.datetime(*plan.stamp)
    props.created = props.modified = props.last_printed = stamp


def stable_zip(data: bytes, path: Path, stamp: tuple) -> None:
    """Rewrite a package with a fixed time on every member, so the same plan gives the same bytes."""
    year, *rest = stamp
    when = (min(max(year, ZIP_YEARS[0]), ZIP_YEARS[1]), *rest)
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=when)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = MEMBER_MODE
            out.writestr(member, src.read(info.filename))


def write(plan: DeckPlan, path: Path) -> str:
    """Write the planned deck to path; return its summary ('16 slides')."""
    prs, layouts = _base(plan)
    notes_master = prs.part.notes_master_part
    first_id = max([FIRST_SLIDE_ID - 1] + [int(i) for i in prs.slides._sldIdLst.xpath("./p:sldId/@id")]) + 1
    for number, s in enumerate(plan.slides, start=1):
        _slide(prs, plan, s, layouts, number, first_id + number - 1, notes_master)
    _properties(prs, plan)
    buf = io.BytesIO()
    prs.save(buf)
    stable_zip(complete(buf.getvalue()), Path(path), plan.stamp)   # a template's missing parts added
    return plan.summary
