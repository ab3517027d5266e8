#!/usr/bin/env python3
"""Make the deck-template fixtures in this folder (see README.md).

    .venv/bin/python tests/roots/templates/make_templates.py [--out DIR] [NAME ...]

The templates are made the way organisations' tools make them, not by the generator: python-pptx's
own default package (a PowerPoint-authored file) edited part by part with lxml, and LibreOffice
Impress (`soffice --convert-to pptx`) from a hand-written flat ODP. Every file except the
LibreOffice one comes out byte-identical on each run (fixed zip timestamps); LibreOffice stamps
its own dates. NAME picks some of the fixtures (e.g. `zip-bomb`); by default all are made.

The helpers (Pkg, the geometry and theme edits, fodp()) are also used by a held-out set kept
outside the repository, so keep their signatures stable.
"""
from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from copy import deepcopy
from pathlib import Path
from xml.sax.saxutils import escape

import pptx
from lxml import etree
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
DEFAULT_PPTX = Path(pptx.__file__).parent / "templates" / "default.pptx"
EMU = 914400
W169, H169 = 12192000, 6858000
W43, H43 = 9144000, 6858000

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
}
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
CT_TEMPLATE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
CT_MACRO = "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml"
CT_VBA = "application/vnd.ms-office.vbaProject"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def inch(v: float) -> int:
    return int(round(v * EMU))


def q(tag: str) -> str:
    """Clark name of 'a:off'."""
    pre, local = tag.split(":")
    return f"{{{NS[pre]}}}{local}"


def frag(xml: str) -> list[etree._Element]:
    """Elements parsed from a fragment of DrawingML/PresentationML written with a:, p:, r: prefixes."""
    wrapped = (f'<w xmlns:a="{NS["a"]}" xmlns:p="{NS["p"]}" xmlns:r="{NS["r"]}">{xml}</w>')
    return list(etree.fromstring(wrapped))


# ---------------------------------------------------------------------------------------------
# A package: the zip's parts, edited in place
# ---------------------------------------------------------------------------------------------

class Pkg:
    """An OPC package held as {part name: bytes}; XML parts are parsed on demand and written back
    on save. Part names have no leading slash ('ppt/presentation.xml')."""

    def __init__(self, source: Path | bytes = DEFAULT_PPTX):
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.parts = {n: z.read(n) for n in z.namelist() if not n.endswith("/")}
        self._xml: dict[str, etree._Element] = {}

    # parts ----------------------------------------------------------------------------------
    def xml(self, name: str) -> etree._Element:
        if name not in self._xml:
            self._xml[name] = etree.fromstring(self.parts[name])
        return self._xml[name]

    def put(self, name: str, data: bytes | etree._Element) -> None:
        if isinstance(data, bytes):
            self._xml.pop(name, None)
            self.parts[name] = data
        else:
            self._xml[name] = data
            self.parts.setdefault(name, b"")

    def drop(self, name: str) -> None:
        self.parts.pop(name, None)
        self._xml.pop(name, None)
        self.drop_override(name)

    def blob(self, name: str) -> bytes:
        if name in self._xml:
            return etree.tostring(self._xml[name], xml_declaration=True, encoding="UTF-8",
                                  standalone=True)
        return self.parts[name]

    # relationships --------------------------------------------------------------------------
    @staticmethod
    def rels_name(part: str) -> str:
        folder, _, base = part.rpartition("/")
        return f"{folder}/_rels/{base}.rels" if folder else f"_rels/{base}.rels"

    def rels(self, part: str) -> etree._Element:
        name = self.rels_name(part)
        if name not in self.parts:
            self.put(name, etree.Element(q("rel:Relationships"), nsmap={None: NS["rel"]}))
        return self.xml(name)

    def add_rel(self, part: str, rtype: str, target: str, external: bool = False) -> str:
        rels = self.rels(part)
        used = {r.get("Id") for r in rels}
        n = 1
        while f"rId{n}" in used:
            n += 1
        el = etree.SubElement(rels, q("rel:Relationship"), Id=f"rId{n}",
                              Type=rtype if "://" in rtype else RT + rtype, Target=target)
        if external:
            el.set("TargetMode", "External")
        return f"rId{n}"

    # content types --------------------------------------------------------------------------
    @property
    def ct(self) -> etree._Element:
        return self.xml("[Content_Types].xml")

    def override(self, part: str, ctype: str) -> None:
        self.drop_override(part)
        etree.SubElement(self.ct, q("ct:Override"), PartName="/" + part, ContentType=ctype)

    def drop_override(self, part: str) -> None:
        if part == "[Content_Types].xml":
            return
        for o in self.ct.findall("ct:Override", NS):
            if o.get("PartName") == "/" + part:
                self.ct.remove(o)

    def default(self, ext: str, ctype: str) -> None:
        if not any(d.get("Extension") == ext for d in self.ct.findall("ct:Default", NS)):
            el = etree.Element(q("ct:Default"), Extension=ext, ContentType=ctype)
            self.ct.insert(len(self.ct.findall("ct:Default", NS)), el)

    # named parts ----------------------------------------------------------------------------
    PRES = "ppt/presentation.xml"
    MASTER = "ppt/slideMasters/slideMaster1.xml"
    THEME = "ppt/theme/theme1.xml"

    @property
    def pres(self) -> etree._Element:
        return self.xml(self.PRES)

    @property
    def master(self) -> etree._Element:
        return self.xml(self.MASTER)

    def layouts(self, master: str = MASTER) -> list[str]:
        """The master's layout part names, in sldLayoutIdLst order."""
        rels = {r.get("Id"): r.get("Target") for r in self.rels(master)}
        folder = master.rpartition("/")[0]
        out = []
        for lid in self.xml(master).find("p:sldLayoutIdLst", NS):
            out.append(_join(folder, rels[lid.get(q("r:id"))]))
        return out

    # saving ---------------------------------------------------------------------------------
    def save(self, path: Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        first = ["[Content_Types].xml", "_rels/.rels"]
        names = [n for n in first if n in self.parts] + [n for n in self.parts if n not in first]
        tmp = path.with_name(path.name + ".tmp")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for n in names:
                info = zipfile.ZipInfo(n, date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, self.blob(n), compresslevel=9)
        tmp.replace(path)
        return path

    def copy(self) -> "Pkg":
        new = Pkg.__new__(Pkg)
        new.parts = dict(self.parts)
        new._xml = {k: deepcopy(v) for k, v in self._xml.items()}
        return new


def _join(folder: str, target: str) -> str:
    parts = folder.split("/") if folder else []
    for bit in target.split("/"):
        if bit == "..":
            parts.pop()
        elif bit and bit != ".":
            parts.append(bit)
    return "/".join(parts)


# ---------------------------------------------------------------------------------------------
# Edits: slide size, geometry, theme, master decorations, layouts
# ---------------------------------------------------------------------------------------------

def set_slide_size(pkg: Pkg, cx: int, cy: int, kind: str | None = None) -> None:
    sz = pkg.pres.find("p:sldSz", NS)
    sz.set("cx", str(cx))
    sz.set("cy", str(cy))
    if kind:
        sz.set("type", kind)
    elif "type" in sz.attrib:
        del sz.attrib["type"]
    app = "docProps/app.xml"
    if app in pkg.parts:
        fmt = pkg.xml(app).find("ep:PresentationFormat", NS)
        if fmt is not None:
            fmt.text = {(W169, H169): "Widescreen", (W43, H43): "On-screen Show (4:3)"}.get(
                (cx, cy), "Custom")


def shape_xfrms(root: etree._Element) -> list[etree._Element]:
    """a:xfrm of every shape's spPr in a master/layout/slide (not the group's)."""
    return root.findall(".//p:spPr/a:xfrm", NS) + root.findall(".//p:xfrm", NS)


def remap(root: etree._Element, fx: float = 1.0, fy: float = 1.0, dx: int = 0, dy: int = 0) -> None:
    """Scale and shift every shape's position and size (as PowerPoint does when the slide size
    changes, or as a designer does to make room for a band)."""
    for xf in shape_xfrms(root):
        off, ext = xf.find("a:off", NS), xf.find("a:ext", NS)
        if off is not None:
            off.set("x", str(dx + int(round(int(off.get("x")) * fx))))
            off.set("y", str(dy + int(round(int(off.get("y")) * fy))))
        if ext is not None:
            ext.set("cx", str(int(round(int(ext.get("cx")) * fx))))
            ext.set("cy", str(int(round(int(ext.get("cy")) * fy))))


def remap_all(pkg: Pkg, fx: float = 1.0, fy: float = 1.0, dx: int = 0, dy: int = 0) -> None:
    for part in [Pkg.MASTER] + pkg.layouts():
        remap(pkg.xml(part), fx, fy, dx, dy)


def widen_to_16x9(pkg: Pkg) -> None:
    """python-pptx's 4:3 default package made 13.333 x 7.5 in, its shapes stretched across."""
    set_slide_size(pkg, W169, H169)
    remap_all(pkg, fx=W169 / W43)


def set_theme(pkg: Pkg, name: str, colors: dict[str, str], major: str, minor: str,
              part: str = Pkg.THEME) -> None:
    """Theme name, colour scheme (dk1..folHlink as RRGGBB) and major/minor latin fonts."""
    theme = pkg.xml(part)
    theme.set("name", name)
    scheme = theme.find("a:themeElements/a:clrScheme", NS)
    scheme.set("name", name)
    for slot, rgb in colors.items():
        el = scheme.find(f"a:{slot}", NS)
        for child in list(el):
            el.remove(child)
        etree.SubElement(el, q("a:srgbClr"), val=rgb)
    fonts = theme.find("a:themeElements/a:fontScheme", NS)
    fonts.set("name", name)
    fonts.find("a:majorFont/a:latin", NS).set("typeface", major)
    fonts.find("a:minorFont/a:latin", NS).set("typeface", minor)
    app = "docProps/app.xml"
    if app in pkg.parts and part == Pkg.THEME:
        for s in pkg.xml(app).iterfind(".//vt:lpstr", NS):
            if s.text == "Office Theme":
                s.text = name


def sp_tree(root: etree._Element) -> etree._Element:
    return root.find("p:cSld/p:spTree", NS)


def next_id(root: etree._Element) -> int:
    ids = [int(c.get("id")) for c in root.iter(q("p:cNvPr")) if c.get("id", "").isdigit()]
    return max(ids + [1]) + 1


def add_behind(root: etree._Element, xml: str) -> None:
    """Insert shapes at the back of the spTree (right after the group properties)."""
    tree = sp_tree(root)
    at = list(tree).index(tree.find("p:grpSpPr", NS)) + 1
    for i, el in enumerate(frag(xml)):
        tree.insert(at + i, el)


def add_front(root: etree._Element, xml: str) -> None:
    tree = sp_tree(root)
    for el in frag(xml):
        tree.append(el)


def _xfrm(x: float, y: float, w: float, h: float) -> str:
    return (f'<a:xfrm><a:off x="{inch(x)}" y="{inch(y)}"/>'
            f'<a:ext cx="{inch(w)}" cy="{inch(h)}"/></a:xfrm>')


def _fill(color: str) -> str:
    """'accent1' (a scheme colour) or 'RRGGBB'."""
    if len(color) == 6 and all(c in "0123456789ABCDEFabcdef" for c in color):
        return f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>'
    return f'<a:solidFill><a:schemeClr val="{color}"/></a:solidFill>'


def rect_xml(sid: int, name: str, x, y, w, h, color: str, geom: str = "rect") -> str:
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{name}"/><p:cNvSpPr/>'
            f'<p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{_xfrm(x, y, w, h)}'
            f'<a:prstGeom prst="{geom}"><a:avLst/></a:prstGeom>{_fill(color)}<a:ln><a:noFill/></a:ln>'
            f'</p:spPr><p:txBody><a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/><a:p>'
            f'<a:pPr algn="ctr"/><a:endParaRPr lang="en-US" dirty="0"/></a:p></p:txBody></p:sp>')


def line_xml(sid: int, name: str, x, y, w, h, color: str, width_pt: float = 2.25) -> str:
    return (f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{sid}" name="{name}"/><p:cNvCxnSpPr/>'
            f'<p:nvPr userDrawn="1"/></p:nvCxnSpPr><p:spPr>{_xfrm(x, y, w, h)}'
            f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
            f'<a:ln w="{int(width_pt * 12700)}">{_fill(color)}</a:ln></p:spPr></p:cxnSp>')


def text_xml(sid: int, name: str, x, y, w, h, text: str, color: str = "tx1", size: float = 10,
             bold: bool = False, align: str = "l", link: str | None = None,
             run_link: str | None = None) -> str:
    click = f'<a:hlinkClick r:id="{link}"/>' if link else ""
    rlink = f'<a:hlinkClick r:id="{run_link}"/>' if run_link else ""
    b = ' b="1"' if bold else ""
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{sid}" name="{name}">{click}</p:cNvPr>'
            f'<p:cNvSpPr txBox="1"/><p:nvPr userDrawn="1"/></p:nvSpPr><p:spPr>{_xfrm(x, y, w, h)}'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
            f'<p:txBody><a:bodyPr wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
            f'rtlCol="0" anchor="ctr"><a:noAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr algn="{align}"/>'
            f'<a:r><a:rPr lang="en-US" sz="{int(size * 100)}"{b} dirty="0">{_fill(color)}{rlink}</a:rPr>'
            f'<a:t>{escape(text)}</a:t></a:r></a:p></p:txBody></p:sp>')


def pic_xml(sid: int, name: str, x, y, w, h, rid: str, linked: bool = False,
            descr: str = "") -> str:
    blip = f'<a:blip r:link="{rid}"/>' if linked else f'<a:blip r:embed="{rid}"/>'
    return (f'<p:pic><p:nvPicPr><p:cNvPr id="{sid}" name="{name}" descr="{escape(descr)}"/>'
            f'<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr userDrawn="1"/>'
            f'</p:nvPicPr><p:blipFill>{blip}<a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            f'<p:spPr>{_xfrm(x, y, w, h)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
            f'</p:pic>')


def add_media(pkg: Pkg, owner: str, name: str, data: bytes) -> str:
    """Put ppt/media/NAME in the package, related from owner; the relationship id."""
    pkg.put(f"ppt/media/{name}", data)
    ext = name.rpartition(".")[2]
    pkg.default(ext, {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg"}[ext])
    return pkg.add_rel(owner, "image", f"../media/{name}")


def placeholder(root: etree._Element, ph_type: str, idx: str | None = None) -> etree._Element | None:
    """The p:sp whose p:ph has this type (title/body/... ; body also matches a ph with no type)."""
    for sp in root.iterfind(".//p:sp", NS):
        ph = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if ph is None:
            continue
        if ph.get("type", "obj") == ph_type and (idx is None or ph.get("idx", "0") == idx):
            return sp
    return None


def set_geometry(sp: etree._Element, x, y, w, h) -> None:
    """Give a shape an explicit a:xfrm (inches; any may be negative or run off the slide)."""
    sppr = sp.find("p:spPr", NS)
    old = sppr.find("a:xfrm", NS)
    if old is not None:
        sppr.remove(old)
    sppr.insert(0, frag(_xfrm(x, y, w, h))[0])


def style_level(style: etree._Element, lvl: int = 1, size: float | None = None,
                color: str | None = None, align: str | None = None, bold: bool | None = None,
                bullet_color: str | None = None, bullet: str | None = None) -> None:
    """Edit a:lvlNpPr of a txStyles entry (titleStyle/bodyStyle/otherStyle)."""
    p = style.find(f"a:lvl{lvl}pPr", NS)
    if align:
        p.set("algn", align)
    rpr = p.find("a:defRPr", NS)
    if size:
        rpr.set("sz", str(int(size * 100)))
    if bold is not None:
        rpr.set("b", "1" if bold else "0")
    if color:
        old = rpr.find("a:solidFill", NS)
        new = frag(_fill(color))[0]
        if old is not None:
            rpr.replace(old, new)
        else:
            rpr.insert(0, new)
    if bullet_color or bullet:
        for tag in ("a:buClr", "a:buFont", "a:buChar", "a:buNone"):
            for el in p.findall(tag, NS):
                p.remove(el)
        at = len([c for c in p if etree.QName(c).localname in ("lnSpc", "spcBef", "spcAft")])
        bits = []
        if bullet_color:
            colour = _fill(bullet_color).removeprefix("<a:solidFill>").removesuffix("</a:solidFill>")
            bits.append(f"<a:buClr>{colour}</a:buClr>")
        if bullet == "none":
            bits.append("<a:buNone/>")
        else:
            bits.append('<a:buFont typeface="Arial"/>')
            bits.append(f'<a:buChar char="{escape(bullet or "•")}"/>')
        for i, el in enumerate(frag("".join(bits))):
            p.insert(at + i, el)


def tx_style(pkg: Pkg, which: str, master: str = Pkg.MASTER) -> etree._Element:
    return pkg.xml(master).find(f"p:txStyles/p:{which}", NS)


def drop_layouts(pkg: Pkg, keep: list[str]) -> None:
    """Keep only the layouts whose part names end with one of keep (e.g. 'slideLayout2.xml')."""
    master, rels = pkg.master, pkg.rels(Pkg.MASTER)
    lst = master.find("p:sldLayoutIdLst", NS)
    by_id = {r.get("Id"): r for r in rels}
    for lid in list(lst):
        rel = by_id[lid.get(q("r:id"))]
        part = _join("ppt/slideMasters", rel.get("Target"))
        if not any(part.endswith("/" + k) for k in keep):
            lst.remove(lid)
            rels.remove(rel)
            pkg.drop(part)
            pkg.drop(Pkg.rels_name(part))


def strip_layout_placeholders(pkg: Pkg, part: str) -> None:
    """Leave a layout's placeholders with nothing of their own: <p:spPr/>, an empty bodyPr and
    lstStyle, so position, size and text style all come from the master (as PowerPoint writes a
    layout whose placeholders were never moved or restyled)."""
    root = pkg.xml(part)
    for sp in root.iterfind(".//p:sp", NS):
        if sp.find("p:nvSpPr/p:nvPr/p:ph", NS) is None:
            continue
        sppr = sp.find("p:spPr", NS)
        for child in list(sppr):
            sppr.remove(child)
        body = sp.find("p:txBody", NS)
        if body is not None:
            bpr = body.find("a:bodyPr", NS)
            for k in list(bpr.attrib):
                del bpr.attrib[k]
            for child in list(bpr):
                bpr.remove(child)
            lst = body.find("a:lstStyle", NS)
            for child in list(lst):
                lst.remove(child)


def layout_name(pkg: Pkg, part: str, name: str | None = None, kind: str | None = None) -> str:
    root = pkg.xml(part)
    if name is not None:
        root.find("p:cSld", NS).set("name", name)
    if kind is not None:
        root.set("type", kind)
    return root.find("p:cSld", NS).get("name")


def reorder_layouts(pkg: Pkg, order: list[str]) -> None:
    """Reorder the master's sldLayoutIdLst to the given layout part basenames (file names stay)."""
    lst = pkg.master.find("p:sldLayoutIdLst", NS)
    rels = {r.get("Id"): r.get("Target").rpartition("/")[2] for r in pkg.rels(Pkg.MASTER)}
    items = {rels[el.get(q("r:id"))]: el for el in lst}
    for el in list(lst):
        lst.remove(el)
    for base in order:
        lst.append(items.pop(base))
    for el in items.values():
        lst.append(el)


def set_content_type(pkg: Pkg, ctype: str) -> None:
    pkg.override(Pkg.PRES, ctype)


def set_app_titles(pkg: Pkg, company: str = "", template_name: str | None = None) -> None:
    """docProps/app.xml: company, and the layout names as PowerPoint lists them."""
    app = pkg.xml("docProps/app.xml")
    comp = app.find("ep:Company", NS)
    if comp is not None:
        comp.text = company
    if template_name:
        app.find("ep:Application", NS).text = "Microsoft Office PowerPoint"
        t = app.find("ep:Template", NS)
        if t is None:
            t = etree.Element(q("ep:Template"))
            app.insert(0, t)
        t.text = template_name


# ---------------------------------------------------------------------------------------------
# Small generated assets
# ---------------------------------------------------------------------------------------------

def logo_png(fg=(0, 163, 173), bg=None, text_color=(255, 255, 255), size=(240, 120),
             mark: str = "circle") -> bytes:
    """A made-up logo: a mark and three word-bars, on transparent (or bg)."""
    w, h = size
    img = Image.new("RGBA", size, bg + (255,) if bg else (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    r = int(h * 0.38)
    cx, cy = int(h * 0.5), h // 2
    if mark == "circle":
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fg + (255,))
        d.ellipse([cx - r // 2, cy - r // 2, cx + r // 2, cy + r // 2], fill=text_color + (255,))
    else:
        d.polygon([(cx, cy - r), (cx + r, cy + r), (cx - r, cy + r)], fill=fg + (255,))
    x0 = int(h * 1.05)
    for i, frac in enumerate((0.95, 0.7, 0.8) if w - x0 > 24 else ()):
        y = int(h * (0.22 + i * 0.22))
        d.rounded_rectangle([x0, y, x0 + int((w - x0 - 8) * frac), y + int(h * 0.12)],
                            radius=4, fill=text_color + (255,))
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def solid_png(rgb=(200, 200, 200), size=(16, 16)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, rgb).save(out, "PNG", optimize=True)
    return out.getvalue()


def fake_vba_project() -> bytes:
    """Not a working VBA project: an OLE compound-file header and filler (about 2 KB)."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + bytes.fromhex("3E000300FEFF0900")
    body = b"Attribute VB_Name = \"Module1\"\r\nSub AutoOpen()\r\n    ' fixture only\r\nEnd Sub\r\n"
    return (header + bytes(512 - len(header)) + body).ljust(2048, b"\0")


# ---------------------------------------------------------------------------------------------
# LibreOffice: a hand-written flat ODP, converted by soffice
# ---------------------------------------------------------------------------------------------

def _cm(v: float) -> str:
    return f"{v:.3f}cm"


def fodp(design: dict) -> str:
    """A flat ODP document (.fodp) with the design's page size, master pages and sample slides.

    design = {page: (w_cm, h_cm), font, masters: [{name, bg, shapes, title, title_style,
              outline, outline_style, footer_y}], slides: [(master, layout, title, body)]}
    shapes: ("rect", x, y, w, h, fill) | ("line", x1, y1, x2, y2, color, width_cm)
            | ("text", x, y, w, h, text, color, size_pt, bold, align)
    """
    pw, ph = design["page"]
    font = design.get("font", "Open Sans")
    auto, styles, masters, gcount = [], [], [], [0]

    def gstyle(props: str, text: str = "", para: str = "") -> str:
        gcount[0] += 1
        name = f"gr{gcount[0]}"
        auto.append(f'<style:style style:name="{name}" style:family="graphic" '
                    f'style:parent-style-name="standard"><style:graphic-properties {props}/>'
                    + (f"<style:paragraph-properties {para}/>" if para else "")
                    + (f"<style:text-properties {text}/>" if text else "") + "</style:style>")
        return name

    def text_props(st: dict) -> str:
        bold = ' fo:font-weight="bold"' if st.get("bold") else ' fo:font-weight="normal"'
        return (f'fo:font-family="&apos;{st.get("font", font)}&apos;" '
                f'style:font-family-generic="swiss" fo:font-size="{st["size"]}pt" '
                f'fo:color="{st["color"]}"{bold}')

    def internal(m: dict) -> str:  # LibreOffice finds a master's styles by its display name
        return m.get("display", m["name"]).replace(" ", "_20_")

    for m in design["masters"]:
        n, d = internal(m), m.get("display", m["name"])
        ts, os_ = m["title_style"], m["outline_style"]
        styles.append(
            f'<style:style style:name="{n}-background" style:display-name="{d}-background" style:family="presentation">'
            f'<style:graphic-properties draw:stroke="none" draw:fill="solid" '
            f'draw:fill-color="{m["bg"]}"/></style:style>'
            f'<style:style style:name="{n}-backgroundobjects" style:display-name="{d}-backgroundobjects" style:family="presentation">'
            f'<style:graphic-properties draw:shadow="hidden"/></style:style>'
            f'<style:style style:name="{n}-title" style:display-name="{d}-title" style:family="presentation">'
            f'<style:graphic-properties draw:stroke="none" draw:fill="none" '
            f'draw:textarea-vertical-align="{ts.get("valign", "middle")}" draw:auto-grow-height="false"/>'
            f'<style:paragraph-properties fo:text-align="{ts.get("align", "start")}"/>'
            f'<style:text-properties {text_props(ts)}/></style:style>'
            f'<style:style style:name="{n}-subtitle" style:display-name="{d}-subtitle" style:family="presentation">'
            f'<style:graphic-properties draw:stroke="none" draw:fill="none" '
            f'draw:textarea-vertical-align="top"/>'
            f'<style:paragraph-properties fo:text-align="{ts.get("align", "start")}"/>'
            f'<style:text-properties {text_props(dict(os_, size=os_["size"] + 4))}/></style:style>'
            f'<style:style style:name="{n}-notes" style:display-name="{d}-notes" style:family="presentation">'
            f'<style:text-properties fo:font-size="12pt"/></style:style>')
        bullets = "".join(
            f'<text:list-level-style-bullet text:level="{lv}" text:bullet-char="{os_.get("bullet", "●")}">'
            f'<style:list-level-properties text:space-before="{(lv - 1) * 0.9:.1f}cm" '
            f'text:min-label-width="0.7cm"/><style:text-properties fo:font-family="OpenSymbol" '
            f'style:use-window-font-color="false" fo:color="{os_.get("bullet_color", os_["color"])}" '
            f'fo:font-size="70%"/></text:list-level-style-bullet>' for lv in range(1, 10))
        styles.append(
            f'<style:style style:name="{n}-outline1" style:display-name="{d}-outline1" style:family="presentation">'
            f'<style:graphic-properties draw:stroke="none" draw:fill="none" '
            f'draw:auto-grow-height="false" style:shrink-to-fit="true">'
            f'<text:list-style style:name="{n}-outline1">{bullets}</text:list-style>'
            f'</style:graphic-properties><style:paragraph-properties fo:margin-top="0.3cm" '
            f'fo:margin-bottom="0cm"/><style:text-properties {text_props(os_)}/></style:style>')
        for lv in range(2, 10):
            size = max(os_["size"] - 2 * (lv - 1), 12)
            styles.append(f'<style:style style:name="{n}-outline{lv}" style:display-name="{d}-outline{lv}" style:family="presentation" '
                          f'style:parent-style-name="{n}-outline{lv - 1}"><style:paragraph-properties '
                          f'fo:margin-top="0.2cm"/><style:text-properties fo:font-size="{size}pt"/>'
                          f'</style:style>')
        auto.append(f'<style:style style:name="dp-{n}" style:family="drawing-page">'
                    f'<style:drawing-page-properties draw:background-size="full" draw:fill="solid" '
                    f'draw:fill-color="{m["bg"]}"/></style:style>')

        shapes = []
        for s in m["shapes"]:
            if s[0] == "rect":
                _, x, y, w, h, fill = s
                g = gstyle(f'draw:stroke="none" draw:fill="solid" draw:fill-color="{fill}"')
                shapes.append(f'<draw:rect draw:style-name="{g}" draw:layer="backgroundobjects" '
                              f'svg:x="{_cm(x)}" svg:y="{_cm(y)}" svg:width="{_cm(w)}" '
                              f'svg:height="{_cm(h)}"/>')
            elif s[0] == "line":
                _, x1, y1, x2, y2, color, width = s
                g = gstyle(f'draw:stroke="solid" svg:stroke-color="{color}" '
                           f'svg:stroke-width="{_cm(width)}" draw:fill="none"')
                shapes.append(f'<draw:line draw:style-name="{g}" draw:layer="backgroundobjects" '
                              f'svg:x1="{_cm(x1)}" svg:y1="{_cm(y1)}" svg:x2="{_cm(x2)}" '
                              f'svg:y2="{_cm(y2)}"><text:p/></draw:line>')
            elif s[0] == "text":
                _, x, y, w, h, text, color, size, bold, align = s
                g = gstyle('draw:stroke="none" draw:fill="none" draw:textarea-vertical-align="middle" '
                           'draw:auto-grow-height="false"',
                           text=text_props(dict(size=size, color=color, bold=bold)),
                           para=f'fo:text-align="{align}"')
                shapes.append(f'<draw:frame draw:style-name="{g}" draw:layer="backgroundobjects" '
                              f'svg:x="{_cm(x)}" svg:y="{_cm(y)}" svg:width="{_cm(w)}" '
                              f'svg:height="{_cm(h)}"><draw:text-box><text:p>{escape(text)}</text:p>'
                              f'</draw:text-box></draw:frame>')
        tx, ty, tw, th = m["title"]
        ox, oy, ow, oh = m["outline"]
        fy = m.get("footer_y", ph - 1.2)
        fgs = gstyle('draw:stroke="none" draw:fill="none" draw:textarea-vertical-align="middle"',
                     text=text_props(dict(size=10, color=m.get("footer_color", "#7f7f7f"))))
        fw = (pw - 2 * ox) / 3
        footer = (
            f'<draw:frame draw:style-name="{fgs}" draw:layer="backgroundobjects" svg:x="{_cm(ox)}" '
            f'svg:y="{_cm(fy)}" svg:width="{_cm(fw)}" svg:height="{_cm(0.8)}" '
            f'presentation:class="date-time"><draw:text-box><text:p><presentation:date-time/></text:p>'
            f'</draw:text-box></draw:frame>'
            f'<draw:frame draw:style-name="{fgs}" draw:layer="backgroundobjects" svg:x="{_cm(ox + fw)}" '
            f'svg:y="{_cm(fy)}" svg:width="{_cm(fw)}" svg:height="{_cm(0.8)}" '
            f'presentation:class="footer"><draw:text-box><text:p text:style-name="Pc">'
            f'<presentation:footer/></text:p></draw:text-box></draw:frame>'
            f'<draw:frame draw:style-name="{fgs}" draw:layer="backgroundobjects" '
            f'svg:x="{_cm(ox + 2 * fw)}" svg:y="{_cm(fy)}" svg:width="{_cm(fw)}" svg:height="{_cm(0.8)}" '
            f'presentation:class="page-number"><draw:text-box><text:p text:style-name="Pr">'
            f'<text:page-number>&lt;number&gt;</text:page-number></text:p></draw:text-box></draw:frame>')
        masters.append(
            f'<style:master-page style:name="{n}" style:display-name="{m.get("display", m["name"])}" '
            f'style:page-layout-name="PM1" draw:style-name="dp-{n}">' + "".join(shapes)
            + f'<draw:frame presentation:style-name="{n}-title" draw:layer="backgroundobjects" '
            f'svg:x="{_cm(tx)}" svg:y="{_cm(ty)}" svg:width="{_cm(tw)}" svg:height="{_cm(th)}" '
            f'presentation:class="title" presentation:placeholder="true"><draw:text-box/></draw:frame>'
            f'<draw:frame presentation:style-name="{n}-outline1" draw:layer="backgroundobjects" '
            f'svg:x="{_cm(ox)}" svg:y="{_cm(oy)}" svg:width="{_cm(ow)}" svg:height="{_cm(oh)}" '
            f'presentation:class="outline" presentation:placeholder="true"><draw:text-box/></draw:frame>'
            + footer
            + '<presentation:notes style:page-layout-name="PM0"><draw:page-thumbnail '
            f'presentation:style-name="{n}-title" draw:layer="backgroundobjects" svg:width="14cm" '
            'svg:height="8cm" svg:x="3.5cm" svg:y="2cm" presentation:class="page"/><draw:frame '
            f'presentation:style-name="{n}-notes" draw:layer="backgroundobjects" svg:width="17cm" '
            'svg:height="13cm" svg:x="2cm" svg:y="12cm" presentation:class="notes" '
            'presentation:placeholder="true"><draw:text-box/></draw:frame></presentation:notes>'
            '</style:master-page>')

    pages = []
    by_name = {m["name"]: m for m in design["masters"]}
    for i, (mname, layout, title, body) in enumerate(design["slides"], 1):
        m = by_name[mname]
        mname = internal(m)
        tx, ty, tw, th = m["title"]
        ox, oy, ow, oh = m["outline"]
        if layout == "AL1T0":  # title slide: a title and a subtitle
            tx, ty, tw, th = m.get("slide_title", m["title"])
            cls, sty = "subtitle", f"{mname}-subtitle"
            body_xml = f"<text:p>{escape(body)}</text:p>"
        else:  # AL2T1: title, content
            cls, sty = "outline", f"{mname}-outline1"
            body_xml = "<text:list>" + "".join(
                f"<text:list-item><text:p>{escape(b)}</text:p></text:list-item>" for b in body
            ) + "</text:list>"
        pages.append(
            f'<draw:page draw:name="page{i}" draw:style-name="dpS" draw:master-page-name="{mname}" '
            f'presentation:presentation-page-layout-name="{layout}">'
            f'<draw:frame presentation:style-name="{mname}-title" draw:layer="layout" svg:x="{_cm(tx)}" '
            f'svg:y="{_cm(ty)}" svg:width="{_cm(tw)}" svg:height="{_cm(th)}" presentation:class="title">'
            f'<draw:text-box><text:p>{escape(title)}</text:p></draw:text-box></draw:frame>'
            f'<draw:frame presentation:style-name="{sty}" draw:layer="layout" svg:x="{_cm(ox)}" '
            f'svg:y="{_cm(oy)}" svg:width="{_cm(ow)}" svg:height="{_cm(oh)}" presentation:class="{cls}">'
            f'<draw:text-box>{body_xml}</draw:text-box></draw:frame></draw:page>')

    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink"')
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {ns} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.presentation">'
        f'<office:meta><dc:title>{escape(design.get("title", "Template"))}</dc:title>'
        f'<dc:creator>{escape(design.get("author", "Design Team"))}</dc:creator></office:meta>'
        f'<office:font-face-decls><style:font-face style:name="{font}" svg:font-family="&apos;{font}&apos;" '
        'style:font-family-generic="swiss"/></office:font-face-decls>'
        '<office:styles><style:default-style style:family="graphic"><style:graphic-properties '
        'svg:stroke-color="#3465a4" draw:fill-color="#729fcf"/><style:text-properties '
        f'fo:font-family="&apos;{font}&apos;" fo:font-size="18pt" fo:language="en" fo:country="GB"/>'
        '</style:default-style><style:style style:name="standard" style:family="graphic">'
        '<style:graphic-properties draw:stroke="solid" svg:stroke-width="0cm" draw:fill="solid"/>'
        '</style:style>' + "".join(styles)
        + '<style:presentation-page-layout style:name="AL1T0"><presentation:placeholder '
        'presentation:object="title" svg:x="2cm" svg:y="2cm" svg:width="20cm" svg:height="3cm"/>'
        '<presentation:placeholder presentation:object="subtitle" svg:x="2cm" svg:y="6cm" '
        'svg:width="20cm" svg:height="6cm"/></style:presentation-page-layout>'
        '<style:presentation-page-layout style:name="AL2T1"><presentation:placeholder '
        'presentation:object="title" svg:x="2cm" svg:y="2cm" svg:width="20cm" svg:height="3cm"/>'
        '<presentation:placeholder presentation:object="outline" svg:x="2cm" svg:y="6cm" '
        'svg:width="20cm" svg:height="6cm"/></style:presentation-page-layout></office:styles>'
        '<office:automatic-styles><style:page-layout style:name="PM0"><style:page-layout-properties '
        'fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" '
        'fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait"/>'
        '</style:page-layout><style:page-layout style:name="PM1"><style:page-layout-properties '
        'fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" '
        f'fo:page-width="{_cm(pw)}" fo:page-height="{_cm(ph)}" style:print-orientation="landscape"/>'
        '</style:page-layout><style:style style:name="dpS" style:family="drawing-page">'
        '<style:drawing-page-properties presentation:background-visible="true" '
        'presentation:background-objects-visible="true" presentation:display-footer="true" '
        'presentation:display-page-number="true" presentation:display-date-time="true"/></style:style>'
        '<style:style style:name="Pc" style:family="paragraph"><style:paragraph-properties '
        'fo:text-align="center"/></style:style><style:style style:name="Pr" style:family="paragraph">'
        '<style:paragraph-properties fo:text-align="end"/></style:style>'
        + "".join(auto) + '</office:automatic-styles><office:master-styles>' + "".join(masters)
        + '</office:master-styles><office:body><office:presentation>' + "".join(pages)
        + '</office:presentation></office:body></office:document>\n')


def soffice(src: Path, fmt: str, outdir: Path) -> Path:
    """Convert src with LibreOffice (a private profile, so other soffice runs are not disturbed)."""
    cmd = ["soffice", "-env:UserInstallation=file:///tmp/lo-profile-templates", "--headless",
           "--convert-to", fmt, "--outdir", str(outdir), str(src)]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    out = Path(outdir) / (Path(src).stem + "." + fmt.split(":")[0])
    if run.returncode != 0 or not out.is_file():
        raise RuntimeError(f"soffice failed on {src}: {run.stdout}{run.stderr}")
    return out


def libreoffice_template(design: dict, dst: Path) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (dst.stem + ".fodp")
        src.write_text(fodp(design), encoding="utf-8")
        out = soffice(src, "pptx", Path(tmp))
        shutil.copyfile(out, dst)
    return dst


# ---------------------------------------------------------------------------------------------
# The fixtures
# ---------------------------------------------------------------------------------------------

def make_pptx_default(out: Path) -> list[Path]:
    from pptx import Presentation
    buf = io.BytesIO()
    Presentation().save(buf)
    return [Pkg(buf.getvalue()).save(out / "pptx-default.pptx")]


LO_CORPORATE = {
    "title": "Example Corp template", "author": "Example Corp Brand Team",
    "page": (28.0, 15.75), "font": "Open Sans",
    "masters": [
        {"name": "Corporate", "display": "Corporate", "bg": "#ffffff",
         "shapes": [("rect", 0, 0, 28.0, 2.4, "#1b3a5c"),
                    ("line", 0, 2.45, 28.0, 2.45, "#f28c28", 0.12),
                    ("text", 21.0, 0.5, 6.3, 1.4, "EXAMPLE CORP", "#ffffff", 14, True, "end"),
                    ("rect", 0, 15.15, 28.0, 0.6, "#e8edf2")],
         "title": (1.2, 0.3, 19.3, 1.8),
         "title_style": {"size": 28, "color": "#ffffff", "bold": True},
         "outline": (1.2, 3.2, 25.6, 10.9),
         "outline_style": {"size": 20, "color": "#333333", "bullet": "■", "bullet_color": "#f28c28"},
         "footer_y": 14.25},
        {"name": "Section", "display": "Section", "bg": "#1b3a5c",
         "shapes": [("rect", 0, 0, 0.8, 15.75, "#f28c28"),
                    ("text", 1.8, 13.6, 10, 1.2, "EXAMPLE CORP", "#9fb3c8", 12, True, "start")],
         "title": (1.8, 5.0, 24.0, 3.0),
         "title_style": {"size": 36, "color": "#ffffff", "bold": True, "valign": "bottom"},
         "outline": (1.8, 8.2, 24.0, 3.5),
         "outline_style": {"size": 20, "color": "#f28c28", "bullet": "–"},
         "footer_y": 14.6, "footer_color": "#9fb3c8"},
    ],
    # LibreOffice 7.4 writes the layouts of every master with the placeholder geometry and text
    # style of the master of the LAST slide; ending on a Corporate slide keeps the first master's
    # layouts consistent with it (the Section master's layouts then carry Corporate geometry).
    "slides": [("Section", "AL1T0", "Presentation title", "Subtitle – date – presenter"),
               ("Section", "AL2T1", "Section title", ["Short section introduction"]),
               ("Corporate", "AL2T1", "Agenda", ["First point", "Second point", "Third point"])],
}


def make_libreoffice(out: Path) -> list[Path]:
    return [libreoffice_template(LO_CORPORATE, out / "libreoffice.pptx")]


def make_resaved(out: Path) -> list[Path]:
    """inherited-16x9.pptx as another tool hands it on: opened in LibreOffice Impress and saved as .pptx."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resaved.pptx"
        inherited_corporate().save(src)
        (Path(tmp) / "out").mkdir()
        made = soffice(src, "pptx", Path(tmp) / "out")
        shutil.copyfile(made, out / "resaved.pptx")
    return [out / "resaved.pptx"]


INHERITED_COLORS = {"dk1": "1E1E1E", "lt1": "FFFFFF", "dk2": "14213D", "lt2": "E8EDF2",
                    "accent1": "00A3AD", "accent2": "F2A900", "accent3": "7A9A01",
                    "accent4": "C8102E", "accent5": "5C4B9B", "accent6": "6C7A89",
                    "hlink": "0072CE", "folHlink": "7A5C99"}


def inherited_corporate(major="Segoe UI Semibold", minor="Segoe UI", colors=INHERITED_COLORS,
                        theme="Example Corp", band="top", logo: bytes | None = None,
                        keep=("slideLayout1.xml", "slideLayout2.xml", "slideLayout3.xml",
                              "slideLayout4.xml", "slideLayout6.xml", "slideLayout7.xml")) -> Pkg:
    """A 16:9 PowerPoint-style corporate template whose layouts inherit everything from the
    master: the master has a dark band (top or left), a logo picture, an accent line; its own
    theme colours and fonts."""
    pkg = Pkg()
    set_slide_size(pkg, W169, H169)
    set_theme(pkg, theme, colors, major, minor)
    drop_layouts(pkg, list(keep))
    m = pkg.master
    W, H = 13.333, 7.5
    title = placeholder(m, "title")
    body = placeholder(m, "body")
    dt, ftr, num = placeholder(m, "dt"), placeholder(m, "ftr"), placeholder(m, "sldNum")
    rid = add_media(pkg, Pkg.MASTER, "image1.png", logo or logo_png())
    if band == "top":
        deco = (rect_xml(7, "Header Band", 0, 0, W, 1.25, "tx2")
                + line_xml(8, "Accent Line", 0, 1.25, W, 0, "accent1", 2.25)
                + pic_xml(9, "Logo", 11.55, 0.27, 1.4, 0.7, rid, descr="Example Corp logo"))
        set_geometry(title, 0.5, 0.15, 10.8, 0.95)
        set_geometry(body, 0.5, 1.6, 12.33, 4.95)
        title_color = "bg1"
    else:  # a dark band down the left, the logo at its foot
        deco = (rect_xml(7, "Side Band", 0, 0, 1.1, H, "tx2")
                + line_xml(8, "Accent Line", 1.1, 0, 0, H, "accent1", 3)
                + pic_xml(9, "Logo", 0.1, 6.55, 0.9, 0.45, rid, descr="Example Corp logo"))
        set_geometry(title, 1.6, 0.35, 11.2, 1.1)
        set_geometry(body, 1.6, 1.7, 11.2, 4.85)
        title_color = "tx2"
    set_geometry(dt, 0.5 if band == "top" else 1.6, 6.95, 2.4, 0.35)
    set_geometry(ftr, 3.4 if band == "top" else 4.3, 6.95, 6.5 if band == "top" else 5.8, 0.35)
    set_geometry(num, 10.43, 6.95, 2.4, 0.35)
    add_behind(m, deco)
    title.find("p:txBody/a:bodyPr", NS).set("anchor", "ctr" if band == "top" else "b")
    ts, bs = tx_style(pkg, "titleStyle"), tx_style(pkg, "bodyStyle")
    style_level(ts, 1, size=28, color=title_color, align="l")
    style_level(bs, 1, size=20, color="tx1", bullet_color="accent1", bullet="■")
    style_level(bs, 2, size=18, color="tx1", bullet_color="accent1", bullet="–")
    style_level(bs, 3, size=16, color="tx1")
    style_level(bs, 4, size=14)
    style_level(bs, 5, size=14)
    for part in pkg.layouts():
        strip_layout_placeholders(pkg, part)
    set_app_titles(pkg, company=theme)
    return pkg


def make_inherited(out: Path) -> list[Path]:
    return [inherited_corporate().save(out / "inherited-16x9.pptx")]


def make_corporate_potx(out: Path) -> list[Path]:
    pkg = inherited_corporate()
    set_content_type(pkg, CT_TEMPLATE)
    set_app_titles(pkg, company="Example Corp", template_name="Example Corp")
    return [pkg.save(out / "corporate.potx")]


GERMAN = {  # default layout part -> (German name, type written)
    "slideLayout6.xml": ("Nur Titel", "titleOnly"),
    "slideLayout2.xml": ("Titel und Inhalt", "cust"),
    "slideLayout4.xml": ("Zwei Inhalte", "twoObj"),
    "slideLayout5.xml": ("Vergleich", "cust"),
    "slideLayout3.xml": ("Abschnittsüberschrift", "cust"),
    "slideLayout8.xml": ("Inhalt mit Überschrift", "objTx"),
    "slideLayout9.xml": ("Bild mit Überschrift", "picTx"),
    "slideLayout7.xml": ("Leer", "blank"),
    "slideLayout1.xml": ("Titelfolie", "cust"),
}


GERMAN_SHAPES = {"Title": "Titel", "Subtitle": "Untertitel", "Content Placeholder": "Inhaltsplatzhalter",
                 "Text Placeholder": "Textplatzhalter", "Picture Placeholder": "Bildplatzhalter",
                 "Vertical Text Placeholder": "Vertikaler Textplatzhalter",
                 "Vertical Title": "Vertikaler Titel", "Date Placeholder": "Datumsplatzhalter",
                 "Footer Placeholder": "Fußzeilenplatzhalter",
                 "Slide Number Placeholder": "Foliennummernplatzhalter"}


def rename_shapes(root: etree._Element, names: dict[str, str]) -> None:
    """'Title 1' -> 'Titel 1' etc. (placeholder names as a localised PowerPoint writes them)."""
    for c in root.iter(q("p:cNvPr")):
        head, _, num = c.get("name", "").rpartition(" ")
        if head in names:
            c.set("name", f"{names[head]} {num}")


def make_renamed_reordered(out: Path) -> list[Path]:
    pkg = Pkg()
    widen_to_16x9(pkg)
    set_theme(pkg, "Beispiel GmbH", {"dk2": "203864", "accent1": "E30613", "accent2": "3C3C3B",
                                      "accent3": "9D9D9C", "accent4": "006E89", "accent5": "F39200",
                                      "accent6": "95C11F"}, "Arial", "Arial")
    drop_layouts(pkg, list(GERMAN))
    for part in pkg.layouts():
        name, kind = GERMAN[part.rpartition("/")[2]]
        layout_name(pkg, part, name, kind)
        rename_shapes(pkg.xml(part), GERMAN_SHAPES)
    reorder_layouts(pkg, list(GERMAN))
    m = pkg.master
    add_behind(m, rect_xml(7, "Rotes Band", 0, 7.3, 13.333, 0.2, "accent1"))
    style_level(tx_style(pkg, "titleStyle"), 1, size=32, color="tx2", align="l")
    set_app_titles(pkg, company="Beispiel GmbH")
    return [pkg.save(out / "renamed-reordered.pptx")]


def make_four_three(out: Path) -> list[Path]:
    pkg = Pkg()
    set_theme(pkg, "Example Agency", {"dk2": "0B4F3C", "lt2": "EEF3EF", "accent1": "0B6E4F",
                                       "accent2": "C9A227", "accent3": "4A7C59", "accent4": "8C2F39",
                                       "accent5": "3D5A80", "accent6": "7F7F7F"},
              "Georgia", "Arial")
    band = 0.55
    remap_all(pkg, fx=(10 - band) / 10, dx=inch(band))
    m = pkg.master
    add_behind(m, rect_xml(7, "Side Band", 0, 0, band, 7.5, "tx2")
               + rect_xml(8, "Band Accent", band, 0, 0.06, 7.5, "accent2"))
    add_front(m, text_xml(9, "Protective Marking", 3.0, 0.0, 4.0, 0.3, "OFFICIAL", "C00000", 9,
                          bold=True, align="ctr")
              + text_xml(10, "Footer Marking", 2.5, 7.2, 5.0, 0.3, "OFFICIAL – Example Agency",
                         "C00000", 9, bold=True, align="ctr"))
    style_level(tx_style(pkg, "titleStyle"), 1, size=36, color="tx2", align="l")
    style_level(tx_style(pkg, "bodyStyle"), 1, size=24, bullet_color="accent1", bullet="▪")
    # the footer placeholders sit a little higher, clear of the marking
    for part in [Pkg.MASTER] + pkg.layouts():
        for kind in ("dt", "ftr", "sldNum"):
            sp = placeholder(pkg.xml(part), kind)
            xf = sp.find("p:spPr/a:xfrm", NS) if sp is not None else None
            if xf is not None:
                xf.find("a:off", NS).set("y", str(inch(6.82)))
    ftr = placeholder(m, "ftr")
    ftr.find("p:txBody/a:p", NS).insert(0, frag(
        '<a:r><a:rPr lang="en-AU" dirty="0"/><a:t>Example Agency – Annual Report</a:t></a:r>')[0])
    set_app_titles(pkg, company="Example Agency")
    return [pkg.save(out / "four-three.pptx")]


def make_off_slide(out: Path) -> list[Path]:
    pkg = Pkg()
    widen_to_16x9(pkg)
    set_theme(pkg, "Overhang", {"dk2": "2F2F4F", "accent1": "6A4C93", "accent2": "1982C4"},
              "Trebuchet MS", "Verdana")
    add_behind(pkg.master, rect_xml(7, "Corner", 12.3, 0, 1.033, 1.0, "accent1"))
    lay = {p.rpartition("/")[2]: pkg.xml(p) for p in pkg.layouts()}
    # Title and Content: title starts above the slide, body runs 1 in past right and bottom
    set_geometry(placeholder(lay["slideLayout2.xml"], "title"), 0.6, -0.4, 11.5, 1.5)
    set_geometry(placeholder(lay["slideLayout2.xml"], "obj", "1"), 0.6, 1.5, 13.733, 7.0)
    # Title Slide: the title runs off the left, the subtitle off the bottom
    set_geometry(placeholder(lay["slideLayout1.xml"], "ctrTitle"), -0.75, 2.2, 12.0, 1.6)
    set_geometry(placeholder(lay["slideLayout1.xml"], "subTitle", "1"), 1.5, 4.2, 10.3, 4.0)
    # Title Only: the title wider than the slide on both sides
    set_geometry(placeholder(lay["slideLayout6.xml"], "title"), -0.5, 0.3, 14.333, 1.2)
    # Section Header: entirely below the slide's bottom edge but its title
    set_geometry(placeholder(lay["slideLayout3.xml"], "body", "1"), 0.9, 7.6, 11.3, 1.2)
    return [pkg.save(out / "off-slide.pptx")]


def make_macro(out: Path) -> list[Path]:
    pkg = Pkg()
    widen_to_16x9(pkg)
    set_theme(pkg, "Macro Corp", {"dk2": "3B1F2B", "accent1": "DB162F", "accent2": "383961"},
              "Calibri Light", "Calibri")
    add_behind(pkg.master, rect_xml(7, "Top Rule", 0, 0, 13.333, 0.18, "accent1"))
    pkg.put("ppt/vbaProject.bin", fake_vba_project())
    pkg.override("ppt/vbaProject.bin", CT_VBA)
    pkg.add_rel(Pkg.PRES, RT_VBA, "vbaProject.bin")
    set_content_type(pkg, CT_MACRO)
    a = pkg.save(out / "macro.pptm")
    b = out / "macro-renamed.pptx"
    shutil.copyfile(a, b)
    return [a, b]


def _with_slide(pkg: Pkg, layout_index: int, title: str) -> tuple[Pkg, str]:
    """pkg with one slide added by python-pptx on layout layout_index; the slide's part name."""
    from pptx import Presentation
    src = io.BytesIO()
    tmp = Path(tempfile.mkdtemp()) / "x.pptx"
    pkg.save(tmp)
    prs = Presentation(str(tmp))
    slide = prs.slides.add_slide(prs.slide_layouts[layout_index])
    slide.shapes.title.text = title
    prs.save(src)
    shutil.rmtree(tmp.parent)
    new = Pkg(src.getvalue())
    return new, slide.part.partname.lstrip("/")


def external_links(hyperlink="file:///C:/Windows/System32/calc.exe",
                   unc_picture=r"\\evil-server\share\x.png",
                   web_picture="http://tracker.example.com/pixel.png",
                   ole_target=r"file:///\\evil-server\share\budget.xlsx!Sheet1!R1C1:R4C3",
                   action: str | None = None, base: Pkg | None = None) -> Pkg:
    """A normal-looking 16:9 template whose master and Title and Content layout carry external
    relationships, and with one slide holding a linked (external) OLE object."""
    pkg = base or Pkg()
    if base is None:
        widen_to_16x9(pkg)
        set_theme(pkg, "Contoso Intranet", {"dk2": "243B53", "accent1": "2680C2", "accent2": "F0B429"},
                  "Segoe UI", "Segoe UI")
        add_behind(pkg.master, rect_xml(20, "Footer Bar", 0, 7.1, 13.333, 0.4, "tx2"))
    m = pkg.master
    link = pkg.add_rel(Pkg.MASTER, "hyperlink", hyperlink, external=True)
    unc = pkg.add_rel(Pkg.MASTER, "image", unc_picture, external=True)
    sid = next_id(m)
    add_front(m, text_xml(sid, "Help Link", 10.2, 7.12, 3.0, 0.35, "IT help desk", "bg1", 10,
                          align="r", link=link)
              + pic_xml(sid + 1, "Brand Mark", 12.6, 0.2, 0.55, 0.55, unc, linked=True,
                        descr="brand mark (linked)"))
    if action:  # PowerPoint's "Run program" action setting
        for c in m.iter(q("a:hlinkClick")):
            if c.get(q("r:id")) == link:
                c.set("action", action)
    lay = next(p for p in pkg.layouts() if pkg.xml(p).get("type") in ("obj", None))
    web = pkg.add_rel(lay, "image", web_picture, external=True)
    add_front(pkg.xml(lay), pic_xml(next_id(pkg.xml(lay)), "Tracking Pixel", 13.2, 7.4, 0.02, 0.02,
                                    web, linked=True))
    pkg, slide = _with_slide(pkg, 5, "Budget overview")  # Title Only
    ole = pkg.add_rel(slide, "oleObject", ole_target, external=True)
    img = add_media(pkg, slide, "image2.png", solid_png((230, 236, 242), (64, 36)))
    root = pkg.xml(slide)
    sid = next_id(root)
    x, y, w, h = inch(1.5), inch(1.8), inch(6), inch(3.4)
    add_front(root, (
        f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{sid}" name="Object {sid - 1}"/>'
        f'<p:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></p:cNvGraphicFramePr>'
        f'<p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/>'
        f'</p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole">'
        f'<p:oleObj name="Worksheet" r:id="{ole}" imgW="{w}" imgH="{h}" progId="Excel.Sheet.12">'
        f'<p:link updateAutomatic="1"/><p:pic><p:nvPicPr><p:cNvPr id="0" name=""/><p:cNvPicPr/>'
        f'<p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="{img}"/><a:stretch><a:fillRect/>'
        f'</a:stretch></p:blipFill><p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic></p:oleObj>'
        f'</a:graphicData></a:graphic></p:graphicFrame>'))
    return pkg


def make_external_links(out: Path) -> list[Path]:
    return [external_links().save(out / "external-links.pptx")]


def zip_bomb(dst: Path, base: Pkg | None = None, member: str = "ppt/media/image99.png",
             size: int = 1 << 30) -> Path:
    """base saved with one extra member of size zero bytes (deflated level 9, written in chunks),
    listed in [Content_Types].xml (by extension) but related from nothing."""
    pkg = base or Pkg()
    pkg.default(member.rpartition(".")[2], "image/png")
    pkg.save(dst)
    chunk = bytes(1 << 20)
    with zipfile.ZipFile(dst, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        info = zipfile.ZipInfo(member, date_time=ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        with z.open(info, "w", force_zip64=False) as f:
            for _ in range(size // len(chunk)):
                f.write(chunk)
    return dst


def make_zip_bomb(out: Path) -> list[Path]:
    return [zip_bomb(out / "zip-bomb.pptx")]


MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
OLE_URI = "http://schemas.openxmlformats.org/presentationml/2006/ole"
CT_OLE = "application/vnd.openxmlformats-officedocument.oleObject"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CT_ACTIVEX_XML = "application/vnd.ms-office.activeX+xml"
CT_ACTIVEX_BIN = "application/vnd.ms-office.activeX"
RT_ACTIVEX_BIN = "http://schemas.microsoft.com/office/2006/relationships/activeXControlBinary"


def fake_ole(label: str) -> bytes:
    """An OLE compound-file header and filler standing for an object's data (about 2 KB)."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + bytes.fromhex("3E000300FEFF0900")
    return (header + bytes(512 - len(header)) + label.encode()).ljust(2048, b"\0")


def tiny_xlsx() -> bytes:
    """A small workbook package, as Excel embeds one (only the parts a reader needs)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (
                ("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
                ("xl/workbook.xml", "<workbook/>")):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            z.writestr(info, text)
    return out.getvalue()


def ole_frame(sid: int, name: str, x, y, w, h, rid: str, img: str, prog_id: str, hover: str = "",
              icon: bool = False) -> str:
    """An embedded OLE object as PowerPoint 2016 writes it: mc:AlternateContent whose Choice (for
    readers of VML) holds the frame with the object only, and whose Fallback adds its preview picture.
    hover: an action on mouse-over, such as ppaction://ole?verb=0 ("Object action: Activate")."""
    action = f'<a:hlinkHover r:id="" action="{hover}" highlightClick="1"/>' if hover else ""
    show = ' showAsIcon="1"' if icon else ""
    X, Y, W, H = inch(x), inch(y), inch(w), inch(h)

    def frame(with_picture: bool, spid: str = "") -> str:
        pic = (f'<p:pic><p:nvPicPr><p:cNvPr id="0" name=""/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
               f'<p:blipFill><a:blip r:embed="{img}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
               f'<p:spPr>{_xfrm(x, y, w, h)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
               if with_picture else "")
        return (f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{sid}" name="{name}">{action}</p:cNvPr>'
                f'<p:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></p:cNvGraphicFramePr>'
                f'<p:nvPr userDrawn="1"/></p:nvGraphicFramePr><p:xfrm><a:off x="{X}" y="{Y}"/>'
                f'<a:ext cx="{W}" cy="{H}"/></p:xfrm><a:graphic><a:graphicData uri="{OLE_URI}">'
                f'<p:oleObj{spid}{show} name="{prog_id}" r:id="{rid}" imgW="{W}" imgH="{H}" progId="{prog_id}">'
                f'<p:embed/>{pic}</p:oleObj></a:graphicData></a:graphic></p:graphicFrame>')

    spid = f' spid="_x0000_s{1024 + sid}"'
    return (f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice xmlns:v="urn:schemas-microsoft-com:vml" '
            f'Requires="v">{frame(False, spid)}</mc:Choice>'
            f'<mc:Fallback>{frame(True)}</mc:Fallback></mc:AlternateContent>')


def add_with_mc(root: etree._Element, xml: str) -> None:
    """Append shapes that use the mc: (markup compatibility) prefix to the front of the spTree."""
    wrapped = (f'<w xmlns:a="{NS["a"]}" xmlns:p="{NS["p"]}" xmlns:r="{NS["r"]}" xmlns:mc="{MC}">{xml}</w>')
    for el in etree.fromstring(wrapped):
        sp_tree(root).append(el)


def active_content() -> Pkg:
    """A 16:9 template carrying what runs: on the slide master an OLE "Package" object (a file packed
    by Windows' Object Packager, shown as an icon) set to activate on mouse-over
    (ppaction://ole?verb=0), and a text box whose click runs a macro; on Title and Content an embedded
    Excel workbook (an embedded package); on Title Only an ActiveX command button."""
    pkg = Pkg()
    widen_to_16x9(pkg)
    set_theme(pkg, "Northwind Traders", {"dk2": "1F3A5F", "accent1": "2E86AB", "accent2": "F6AE2D"},
              "Calibri Light", "Calibri")
    add_behind(pkg.master, rect_xml(30, "Top Band", 0, 0, 13.333, 0.25, "accent1"))
    pkg.default("bin", CT_OLE)
    pkg.put("ppt/embeddings/oleObject1.bin", fake_ole("Packager Shell Object: invoice.pdf.exe"))
    ole = pkg.add_rel(Pkg.MASTER, "oleObject", "../embeddings/oleObject1.bin")
    icon = add_media(pkg, Pkg.MASTER, "image_ole1.png", solid_png((255, 255, 255), (32, 32)))
    m = pkg.master
    sid = next_id(m)
    add_with_mc(m, ole_frame(sid, "Object 1", 12.4, 6.7, 0.6, 0.6, ole, icon, "Package",
                             hover="ppaction://ole?verb=0", icon=True))
    add_front(m, text_xml(sid + 1, "Start Here", 0.3, 7.05, 2.5, 0.35, "Start here", "tx2", 10))
    for c in m.iter(q("p:cNvPr")):
        if c.get("name") == "Start Here":
            c.append(frag('<a:hlinkClick r:id="" action="ppaction://macro?name=AutoOpen"/>')[0])
    body_layout = next(p for p in pkg.layouts() if pkg.xml(p).get("type") in ("obj", None))
    pkg.default("xlsx", CT_XLSX)
    pkg.put("ppt/embeddings/Microsoft_Excel_Worksheet.xlsx", tiny_xlsx())
    sheet = pkg.add_rel(body_layout, "package", "../embeddings/Microsoft_Excel_Worksheet.xlsx")
    preview = add_media(pkg, body_layout, "image_ole2.png", solid_png((230, 236, 242), (64, 36)))
    lay = pkg.xml(body_layout)
    add_with_mc(lay, ole_frame(next_id(lay), "Object 2", 10.8, 6.6, 2.0, 0.8, sheet, preview, "Excel.Sheet.12"))
    title_only = next(p for p in pkg.layouts() if pkg.xml(p).get("type") == "titleOnly")
    pkg.put("ppt/activeX/activeX1.bin", fake_ole("CommandButton1"))
    pkg.override("ppt/activeX/activeX1.bin", CT_ACTIVEX_BIN)
    pkg.put("ppt/activeX/activeX1.xml", (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ax:ocx '
        'ax:classid="{D7053240-CE69-11CD-A777-00DD01143C57}" ax:persistence="persistStorage" r:id="rId1" '
        'xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" '
        f'xmlns:r="{NS["r"]}"/>').encode())
    pkg.override("ppt/activeX/activeX1.xml", CT_ACTIVEX_XML)
    pkg.add_rel("ppt/activeX/activeX1.xml", RT_ACTIVEX_BIN, "activeX1.bin")
    control = pkg.add_rel(title_only, "control", "../activeX/activeX1.xml")
    button = add_media(pkg, title_only, "image_ctl1.png", solid_png((212, 208, 200), (96, 32)))
    lay = pkg.xml(title_only)
    W, H = inch(1.5), inch(0.5)
    controls = etree.fromstring(
        f'<p:controls xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}" xmlns:r="{NS["r"]}" xmlns:mc="{MC}">'
        f'<mc:AlternateContent><mc:Choice xmlns:v="urn:schemas-microsoft-com:vml" Requires="v">'
        f'<p:control spid="_x0000_s3073" name="CommandButton1" r:id="{control}" imgW="{W}" imgH="{H}"/></mc:Choice>'
        f'<mc:Fallback><p:control name="CommandButton1" r:id="{control}" imgW="{W}" imgH="{H}">'
        f'<p:pic><p:nvPicPr><p:cNvPr id="{next_id(lay)}" name="CommandButton1"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:embed="{button}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        f'<p:spPr>{_xfrm(11.5, 6.8, 1.5, 0.5)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'
        f'</p:control></mc:Fallback></mc:AlternateContent></p:controls>')
    csld = lay.find("p:cSld", NS)
    csld.insert(list(csld).index(csld.find("p:spTree", NS)) + 1, controls)
    return pkg


def make_active_content(out: Path) -> list[Path]:
    return [active_content().save(out / "active-content.pptx")]


def dangling_links() -> Pkg:
    """A 16:9 template with one slide ("Agenda"), whose master has an "Agenda" button linking to that
    slide (ppaction://hlinksldjump, so it points into the template's own slides), a "Help" button
    whose click names a relationship that is not in the part's list, and whose Title and Content
    layout shows a picture whose relationship targets ppt/media/missing.png, a part the zip lacks."""
    pkg = Pkg()
    widen_to_16x9(pkg)
    set_theme(pkg, "Fabrikam", {"dk2": "22313F", "accent1": "A23B72", "accent2": "F18F01"}, "Georgia", "Arial")
    pkg, slide = _with_slide(pkg, 5, "Agenda")
    m = pkg.master
    sid = next_id(m)
    to_slide = pkg.add_rel(Pkg.MASTER, "slide", "../" + slide.split("/", 1)[1])
    add_front(m, text_xml(sid, "Agenda Button", 0.3, 7.05, 2.0, 0.35, "Agenda", "tx2", 10)
              + text_xml(sid + 1, "Help Button", 2.5, 7.05, 2.0, 0.35, "Help", "tx2", 10))
    for c in m.iter(q("p:cNvPr")):
        if c.get("name") == "Agenda Button":
            c.append(frag(f'<a:hlinkClick r:id="{to_slide}" action="ppaction://hlinksldjump"/>')[0])
        if c.get("name") == "Help Button":
            c.append(frag('<a:hlinkClick r:id="rId77"/>')[0])
    lay = next(p for p in pkg.layouts() if pkg.xml(p).get("type") in ("obj", None))
    missing = pkg.add_rel(lay, "image", "../media/missing.png")
    add_front(pkg.xml(lay), pic_xml(next_id(pkg.xml(lay)), "Seal", 12.3, 0.2, 0.8, 0.8, missing, descr="seal"))
    return pkg


def make_dangling_links(out: Path) -> list[Path]:
    return [dangling_links().save(out / "dangling-links.pptx")]


FIXTURES = {
    "pptx-default": make_pptx_default,
    "libreoffice": make_libreoffice,
    "inherited-16x9": make_inherited,
    "renamed-reordered": make_renamed_reordered,
    "four-three": make_four_three,
    "off-slide": make_off_slide,
    "corporate": make_corporate_potx,
    "macro": make_macro,
    "external-links": make_external_links,
    "zip-bomb": make_zip_bomb,
    "active-content": make_active_content,
    "dangling-links": make_dangling_links,
    "resaved": make_resaved,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=HERE, help="folder to write to (default: this one)")
    ap.add_argument("names", nargs="*", metavar="NAME",
                    help=f"fixtures to make: {', '.join(FIXTURES)} (default: all)")
    args = ap.parse_args(argv)
    unknown = [n for n in args.names if n not in FIXTURES]
    if unknown:
        ap.error(f"unknown fixture(s): {', '.join(unknown)}")
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.names or FIXTURES:
        for path in FIXTURES[name](args.out):
            print(f"{path.stat().st_size:>10,}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
