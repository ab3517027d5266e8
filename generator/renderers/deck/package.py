"""A deck template as it arrives by e-mail: read within bounds and cleaned before anything else
opens it. Macros are refused; external relationships (links to files, shares or web addresses) are
dropped with a note naming them; the template's own slides go; a .potx becomes a presentation.
What remains is a package python-pptx can open and the planner can read, part by part, with lxml."""
from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import TemplateError

MAX_PART = 64 * 2**20          # the largest part, uncompressed (a large background picture)
MAX_TOTAL = 256 * 2**20        # all parts together, uncompressed
MAX_RATIO = 200                # uncompressed / compressed, for parts over 1 MB: more is a zip bomb
MAX_PARTS = 5000
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
MACRO_TYPES = ("macroEnabled", "vbaProject", "vbaData")
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PRESENTATION_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
SLIDE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide"
_LINK_ELEMENTS = ("hlinkClick", "hlinkHover", "hlinkMouseOver", "snd", "wavAudioFile")


@dataclass
class Package:
    """The cleaned template: its parts by name, and what cleaning removed."""

    parts: dict[str, bytes]
    dropped: list[str] = field(default_factory=list)     # external targets removed, for the warnings
    slides: int = 0                                      # the template's own slides (removed)

    def xml(self, name: str):
        from lxml import etree

        return etree.fromstring(self.parts[name])

    def rels(self, name: str) -> dict[str, tuple[str, str]]:
        """rId -> (type, target part name) of a part's internal relationships."""
        folder, base = posixpath.split(name)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if rels_name not in self.parts:
            return {}
        out = {}
        for rel in self.xml(rels_name):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                continue
            path = posixpath.normpath(posixpath.join(folder, target)) if not target.startswith("/") else target[1:]
            out[rel.get("Id")] = (rel.get("Type", ""), path)
        return out

    def related(self, name: str, kind: str) -> list[str]:
        """Targets of a part's relationships of one kind (by the end of its type URI)."""
        return [target for typ, target in self.rels(name).values() if typ.endswith("/" + kind)]

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in self.parts.items():
                out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
        return buf.getvalue()


def _refuse(path: Path, why: str) -> TemplateError:
    return TemplateError(f"{path}: cannot be used as a deck template: {why}")


def read_bounded(path: Path) -> dict[str, bytes]:
    """Every part of the zip at path, refusing before decompressing anything that breaks a bound."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _refuse(path, f"it is not a PowerPoint file ({exc}); save it from PowerPoint as .pptx or .potx") \
            from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise _refuse(path, f"it holds {len(infos)} parts (at most {MAX_PARTS})")
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_PART:
                raise _refuse(path, f"its part {info.filename} would take {info.file_size / 2**20:.0f} MB "
                              f"(at most {MAX_PART // 2**20} MB a part)")
            if info.file_size > 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _refuse(path, f"its part {info.filename} is compressed {info.file_size // max(info.compress_size, 1)}"
                              " times over, as zip bombs are")
            if total > MAX_TOTAL:
                raise _refuse(path, f"its parts would take more than {MAX_TOTAL // 2**20} MB")
        parts = {}
        for info in infos:
            if info.is_dir():
                continue
            try:
                with archive.open(info) as fh:
                    data = fh.read(info.file_size + 1)
            except (zipfile.BadZipFile, OSError, EOFError) as exc:
                raise _refuse(path, f"its part {info.filename} is damaged ({exc})") from None
            if len(data) > info.file_size:
                raise _refuse(path, f"its part {info.filename} is larger than it says")
            parts[info.filename] = data
    return parts


def clean(path: Path) -> Package:
    """The template at path, read within bounds and cleaned (see the module's docstring)."""
    from lxml import etree

    if path.suffix.lower() in (".pptm", ".potm", ".ppsm"):
        raise _refuse(path, "it is macro-enabled; macros are never used, so save it as .pptx or .potx "
                      "(File > Save As) and use that")
    parts = read_bounded(path)
    if "[Content_Types].xml" not in parts:
        raise _refuse(path, "it has no [Content_Types].xml; save it from PowerPoint as .pptx or .potx")
    try:
        types = etree.fromstring(parts["[Content_Types].xml"])
    except etree.XMLSyntaxError as exc:
        raise _refuse(path, f"its [Content_Types].xml is damaged ({exc})") from None
    for el in types:
        kind = el.get("ContentType", "")
        if any(m in kind for m in MACRO_TYPES) or el.get("PartName", "").lower().endswith("vbaproject.bin"):
            raise _refuse(path, "it contains macros (a VBA project); macros are never used, so save it as "
                          ".pptx or .potx without macros and use that")
        if kind == TEMPLATE_MAIN:
            el.set("ContentType", PRESENTATION_MAIN)   # a .potx is a presentation waiting for slides
    if any(name.lower().endswith("vbaproject.bin") for name in parts):
        raise _refuse(path, "it contains macros (a VBA project); save it as .pptx or .potx without macros")
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = Package(parts)
    main = _main_part(package, path)
    _drop_slides(package, main)
    _drop_external(package, path)
    return package


def _main_part(package: Package, path: Path) -> str:
    from lxml import etree

    root = etree.fromstring(package.parts.get("_rels/.rels", b"<x/>"))
    for rel in root:
        if rel.get("Type", "").endswith("/officeDocument"):
            return rel.get("Target", "").lstrip("/")
    raise _refuse(path, "it has no presentation part; save it from PowerPoint as .pptx or .potx")


def _drop_slides(package: Package, main: str) -> None:
    """The template's own slides go (with the custom shows and sections that list them)."""
    from lxml import etree

    pres = package.xml(main)
    ids = pres.find(f"{{{P}}}sldIdLst")
    package.slides = len(ids) if ids is not None else 0
    if ids is not None:
        pres.remove(ids)
    for el in pres.findall(f"{{{P}}}custShowLst"):
        pres.remove(el)
    for ext_lst in pres.findall(f"{{{P}}}extLst"):
        for ext in list(ext_lst):
            if any(etree.QName(child).localname == "sectionLst" for child in ext):
                ext_lst.remove(ext)
    package.parts[main] = etree.tostring(pres, xml_declaration=True, encoding="UTF-8", standalone=True)
    folder, base = posixpath.split(main)
    rels_name = posixpath.join(folder, "_rels", base + ".rels")
    rels = package.xml(rels_name)
    for rel in list(rels):
        if rel.get("Type") == SLIDE_REL:
            rels.remove(rel)
    package.parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_external(package: Package, path: Path) -> None:
    """Relationships that point outside the file (file:, shares, the web) are removed, and so are the
    links, linked pictures and linked objects that use them."""
    from lxml import etree

    for rels_name in [n for n in package.parts if n.endswith(".rels")]:
        try:
            rels = etree.fromstring(package.parts[rels_name])
        except etree.XMLSyntaxError:
            raise _refuse(path, f"its part {rels_name} is damaged") from None
        gone = {}
        for rel in list(rels):
            if rel.get("TargetMode") == "External":
                gone[rel.get("Id")] = rel.get("Target", "")
                rels.remove(rel)
        if not gone:
            continue
        package.parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
        folder = posixpath.dirname(posixpath.dirname(rels_name))
        source = posixpath.join(folder, posixpath.basename(rels_name)[:-len(".rels")])
        if source in package.parts:
            package.parts[source] = _unlink(package.parts[source], set(gone))
        package.dropped += [f"{target} (in {source})" for target in gone.values()]


def _unlink(xml: bytes, ids: set[str]) -> bytes:
    from lxml import etree

    root = etree.fromstring(xml)
    for el in list(root.iter()):
        for attr, value in list(el.attrib.items()):
            if attr.startswith(f"{{{R}}}") and value in ids:
                local = etree.QName(el).localname
                if local in _LINK_ELEMENTS:
                    el.getparent().remove(el)
                    break
                if local == "oleObj":  # a linked object: the whole frame goes
                    frame = next((a for a in el.iterancestors() if etree.QName(a).localname == "graphicFrame"), None)
                    holder = next((a for a in el.iterancestors() if etree.QName(a).localname == "AlternateContent"),
                                  frame)
                    if holder is not None and holder.getparent() is not None:
                        holder.getparent().remove(holder)
                    break
                del el.attrib[attr]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
