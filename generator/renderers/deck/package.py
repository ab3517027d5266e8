"""A deck template as it arrives by e-mail: read within bounds and cleaned before anything else
opens it. Macros and XML with a DTD (external entities, entity bombs) are refused, and so is XML
that does not parse; external relationships (links to files, shares or web addresses) are dropped
with a note naming them; OLE objects, embedded packages, ActiveX controls and actions that run an
object or a program are removed with a note; the template's own slides go, and so does every
relationship to a part that is not there (and every reference to it); a .potx becomes a
presentation. What remains is a package python-pptx can open and the planner can read, part by
part, with lxml."""
from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ... import tracking
from ...errors import TemplateError

MB = 2**20
MAX_PART = 64 * MB             # the largest part, uncompressed (a large background picture)
MAX_TOTAL = 256 * MB           # all parts together, uncompressed
MAX_RATIO = 200                # uncompressed / compressed, for parts over 1 MB: more is a zip bomb
MAX_PARTS = 5000
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)   # the earliest time a zip member holds: the same bytes for the same parts
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
MACRO_TYPES = ("macroEnabled", "vbaProject", "vbaData")
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PRESENTATION_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
SLIDE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide"
_LINK_ELEMENTS = ("hlinkClick", "hlinkHover", "hlinkMouseOver", "snd", "wavAudioFile")
# relationships to content that runs: OLE objects, embedded packages, ActiveX controls and their data
ACTIVE_RELS = ("/oleObject", "/package", "/control", "/activeXControlBinary", "/activeXControl")
# actions that open an object ("Object action: Open/Activate") or start a program or a macro
ACTIVE_ACTIONS = ("ppaction://ole", "ppaction://program", "ppaction://macro")
# elements whose one job is to point at a relationship: without it, the element goes
_POINTERS = ("sldId", "sldMasterId", "sldLayoutId", "notesMasterId", "handoutMasterId", "embeddedFont", "control",
             "custShow", "tags", "custData")
_XML_PARTS = (".xml", ".rels")   # legacy VML is often not well-formed, and nothing here reads it


def _parser():
    """lxml with no DTD loading, no entity expansion and no network: template XML cannot read files
    or grow without bound."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse(data: bytes):
    """A template part's XML, parsed safely."""
    from lxml import etree

    return etree.fromstring(data, _parser())


@dataclass
class Package:
    """The cleaned template: its parts by name, and what cleaning removed."""

    parts: dict[str, bytes]
    dropped: list[str] = field(default_factory=list)     # external targets removed, for the warnings
    slides: int = 0                                      # the template's own slides (removed)
    removed: list[str] = field(default_factory=list)     # objects, controls, actions and broken links removed
    own_slides: set[str] = field(default_factory=set)    # part names of the template's slides (removed)

    def xml(self, name: str):
        return parse(self.parts[name])

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
                out.writestr(zipfile.ZipInfo(name, date_time=ZIP_EPOCH), data)
        return buf.getvalue()


def _refuse(path: Path, why: str) -> TemplateError:
    return TemplateError(f"{path}: cannot be used as a deck template: {why}")


def read_bounded(path: Path) -> dict[str, bytes]:
    """Every part of the zip at path, refusing before decompressing anything that breaks a bound."""
    tracking.note(path)
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
                raise _refuse(path, f"its part {info.filename} would take {info.file_size / MB:.0f} MB "
                              f"(at most {MAX_PART // MB} MB a part)")
            if info.file_size > MB and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise _refuse(path, f"its part {info.filename} is compressed {info.file_size // max(info.compress_size, 1)}"
                              " times over, as zip bombs are")
            if total > MAX_TOTAL:
                raise _refuse(path, f"its parts would take more than {MAX_TOTAL // MB} MB")
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
    _check_xml(parts, path)
    types = parse(parts["[Content_Types].xml"])
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
    _drop_active(package)
    _drop_dangling(package)
    _drop_unreachable(package)
    return package


def _check_xml(parts: dict[str, bytes], path: Path) -> None:
    """Every XML part parses, safely, and declares no DTD (Office never writes one; a DTD is how
    external entities and entity-expansion bombs get in)."""
    from lxml import etree

    for name, data in parts.items():
        if not name.lower().endswith(_XML_PARTS):
            continue
        try:
            root = parse(data)
        except etree.XMLSyntaxError as exc:
            line = f"line {exc.lineno}: " if exc.lineno else ""
            raise _refuse(path, f"its part {name} is damaged ({line}{exc.msg}); open the template in PowerPoint "
                          "and save it again") from None
        if root.getroottree().docinfo.doctype:
            raise _refuse(path, f"its part {name} declares a DTD (<!DOCTYPE ...>), which Office files never do "
                          "(it could read files on this computer or expand without bound); use a template saved by "
                          "PowerPoint")


def _rels_of(name: str) -> str:
    folder, base = posixpath.split(name)
    return posixpath.join(folder, "_rels", base + ".rels")


def _source_of(rels_name: str) -> str:
    folder = posixpath.dirname(posixpath.dirname(rels_name))
    return posixpath.join(folder, posixpath.basename(rels_name)[:-len(".rels")])


def _target(source: str, target: str) -> str:
    folder = posixpath.dirname(source)
    return target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))


def _write(package: Package, name: str, root) -> None:
    from lxml import etree

    package.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_active(package: Package) -> None:
    """OLE objects, embedded packages, ActiveX controls and run-object/program actions are removed,
    each with a note naming what and where; their parts go with them."""
    from lxml import etree

    for source in [n for n in package.parts if n.lower().endswith(".xml")]:
        rels_name = _rels_of(source)
        if source not in package.parts:   # an object's own part, removed with it
            continue
        gone = set()
        if rels_name in package.parts:
            rels = package.xml(rels_name)
            for rel in list(rels):
                if rel.get("Type", "").endswith(ACTIVE_RELS):
                    gone.add(rel.get("Id"))
                    rels.remove(rel)
                    if rel.get("TargetMode") != "External":
                        target = _target(source, rel.get("Target", ""))
                        package.parts.pop(target, None)
                        package.parts.pop(_rels_of(target), None)
            if gone:
                _write(package, rels_name, rels)
        data = package.parts[source]
        if not gone and b"oleObj" not in data and b"controls" not in data and b"ppaction://" not in data:
            continue
        root = parse(data)
        used, notes = _ids_used(root), []
        for el in list(root.iter(f"{{{P}}}oleObj")):
            kind = el.get("progId") or "an object"
            if _remove_frame(el):
                notes.append(f"an embedded object ({kind})")
        for el in list(root.iter(f"{{{P}}}controls")):
            names = [c.get("name") or "unnamed" for c in el.iter(f"{{{P}}}control")]
            el.getparent().remove(el)
            notes += [f"an ActiveX control ({n})" for n in dict.fromkeys(names)]
        for el in list(root.iter()):
            if isinstance(el.tag, str) and etree.QName(el).localname in _LINK_ELEMENTS \
                    and (el.get("action") or "").lower().startswith(ACTIVE_ACTIONS):
                notes.append(f"the action {el.get('action')}")
                el.getparent().remove(el)
        lost = used - _ids_used(root)   # the removed objects' previews and icons go with them
        if lost and rels_name in package.parts:
            rels = package.xml(rels_name)
            for rel in [r for r in rels if r.get("Id") in lost]:
                rels.remove(rel)
            _write(package, rels_name, rels)
        if notes or gone:
            _write(package, source, root)
            package.removed += [f"removed {n} from {source}: nothing that runs a program reaches a deck"
                                for n in dict.fromkeys(notes)]


def _ids_used(root) -> set[str]:
    """Relationship ids the XML names (r:id, r:embed, r:link ...)."""
    return {v for el in root.iter() for k, v in el.attrib.items() if k.startswith(f"{{{R}}}") and v}


def _remove_frame(el) -> bool:
    """Remove the graphic frame holding el (and the mc:AlternateContent around it); False if none."""
    from lxml import etree

    frame = next((a for a in el.iterancestors() if etree.QName(a).localname == "graphicFrame"), None)
    holder = next((a for a in el.iterancestors() if etree.QName(a).localname == "AlternateContent"), frame)
    if holder is None or holder.getparent() is None:
        return False
    holder.getparent().remove(holder)
    return True


def _drop_dangling(package: Package) -> None:
    """No relationship points to a part that is not there (the template's own slides are gone, a
    tool left one behind), and nothing points to a relationship that is not there: PowerPoint asks
    to repair a file with either."""
    for source in [""] + [n for n in package.parts if n.lower().endswith(".xml")]:   # "": the package's own
        rels_name = _rels_of(source)
        ids, broken = set(), {}
        if rels_name in package.parts:
            rels = package.xml(rels_name)
            for rel in list(rels):
                target = rel.get("Target", "")
                if rel.get("TargetMode") != "External" and _target(source, target) not in package.parts:
                    broken[rel.get("Id")] = target
                    rels.remove(rel)
                else:
                    ids.add(rel.get("Id"))
            if broken:
                _write(package, rels_name, rels)
        data = package.parts.get(source)
        if data is None or (not broken and R.encode() not in data):   # no r: attribute without the namespace
            continue
        root = parse(data)
        missing = set()
        for el in root.iter():
            for attr, value in el.attrib.items():
                if attr.startswith(f"{{{R}}}") and value and value not in ids:
                    missing.add(value)
        if missing:
            package.parts[source] = _unlink(package.parts[source], missing)
            package.removed += [_broken(source, m, broken.get(m), package) for m in sorted(missing)]


def _broken(source: str, rel_id: str, target: str | None, package: Package) -> str:
    if target is not None and _target(source, target) in package.own_slides:
        return f"removed a link to the template's own slide {target} from {source}: its slides are not in the deck"
    what = f"{target}, a part the file does not have," if target else f"{rel_id}, a relationship the part does not have,"
    return f"removed a link to {what} from {source} (PowerPoint would ask to repair the deck)"


def _drop_unreachable(package: Package) -> None:
    """Parts no relationship reaches any more (the template's slides, removed objects) leave the file."""
    seen, todo = set(), ["_rels/.rels"]
    while todo:
        rels_name = todo.pop()
        if rels_name not in package.parts:
            continue
        source = _source_of(rels_name)
        for rel in package.xml(rels_name):
            if rel.get("TargetMode") == "External":
                continue
            name = _target(source, rel.get("Target", ""))
            if name in package.parts and name not in seen:
                seen.add(name)
                todo.append(_rels_of(name))
    keep = seen | {"[Content_Types].xml", "_rels/.rels"} | {_rels_of(n) for n in seen}
    gone = [n for n in package.parts if n not in keep]
    for name in gone:
        del package.parts[name]
    if gone:
        types = parse(package.parts["[Content_Types].xml"])
        for el in list(types):
            if el.get("PartName", "").lstrip("/") in gone:
                types.remove(el)
        _write(package, "[Content_Types].xml", types)


def _main_part(package: Package, path: Path) -> str:
    from lxml import etree

    root = parse(package.parts.get("_rels/.rels", b"<x/>"))
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
            package.own_slides.add(_target(main, rel.get("Target", "")))
            package.parts.pop(_target(main, rel.get("Target", "")), None)   # links to it are dropped later
    package.parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_external(package: Package, path: Path) -> None:
    """Relationships that point outside the file (file:, shares, the web) are removed, and so are the
    links, linked pictures and linked objects that use them."""
    from lxml import etree

    for rels_name in [n for n in package.parts if n.endswith(".rels")]:
        try:
            rels = parse(package.parts[rels_name])
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

    root = parse(xml)
    for el in list(root.iter()):
        for attr, value in list(el.attrib.items()):
            if attr.startswith(f"{{{R}}}") and value in ids:
                local = etree.QName(el).localname
                if local in _LINK_ELEMENTS:
                    el.getparent().remove(el)
                    break
                if local == "oleObj":  # a linked object: the whole frame goes
                    _remove_frame(el)
                    break
                if local in _POINTERS and el.getparent() is not None:
                    el.getparent().remove(el)
                    break
                del el.attrib[attr]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
