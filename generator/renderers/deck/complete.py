"""A deck's package completed with the parts PowerPoint expects of every presentation: a template
LibreOffice wrote has no view properties (viewProps), and PowerPoint then offers to repair the file,
while LibreOffice opens it without a word. Missing presentation, view and table-style properties
are added as PowerPoint writes them for a new file; parts that are there are left alone."""
from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
PML = "application/vnd.openxmlformats-officedocument.presentationml."
_NS = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
       'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)   # the earliest time a zip member holds: the same bytes for the same parts
_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# relationship type -> (part name, content type, the part as PowerPoint writes it for a new deck)
REQUIRED = {
    "presProps": ("presProps.xml", PML + "presProps+xml", f"<p:presentationPr {_NS}/>"),
    "viewProps": ("viewProps.xml", PML + "viewProps+xml",
                  f'<p:viewPr {_NS}><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/>'
                  '</p:normalViewPr><p:slideViewPr><p:cSldViewPr snapToGrid="0"><p:cViewPr varScale="1">'
                  '<p:scale><a:sx n="100" d="100"/><a:sy n="100" d="100"/></p:scale><p:origin x="0" y="0"/>'
                  '</p:cViewPr><p:guideLst/></p:cSldViewPr></p:slideViewPr><p:notesTextViewPr><p:cViewPr>'
                  '<p:scale><a:sx n="1" d="1"/><a:sy n="1" d="1"/></p:scale><p:origin x="0" y="0"/></p:cViewPr>'
                  '</p:notesTextViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>'),
    "tableStyles": ("tableStyles.xml", PML + "tableStyles+xml",
                    '<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                    'def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>'),
}


def missing(parts: dict[str, bytes]) -> list[str]:
    """The required relationships (presProps, viewProps, tableStyles) the presentation part lacks."""
    main = _main(parts)
    rels = etree.fromstring(parts[_rels_name(main)]) if _rels_name(main) in parts else None
    have = {rel.get("Type", "").rsplit("/", 1)[-1] for rel in rels} if rels is not None else set()
    return [kind for kind in REQUIRED if kind not in have]


def complete(data: bytes) -> bytes:
    """The package data with every missing required part added (the same bytes when none is)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    lacking = missing(parts)
    if not lacking:
        return data
    main = _main(parts)
    folder = posixpath.dirname(main)
    rels_name = _rels_name(main)
    rels = etree.fromstring(parts[rels_name]) if rels_name in parts else etree.Element(f"{{{PKG_R}}}Relationships")
    types = etree.fromstring(parts["[Content_Types].xml"])
    ids = {rel.get("Id") for rel in rels}
    for kind in lacking:
        name, ctype, xml = REQUIRED[kind]
        part = posixpath.join(folder, name)
        while part in parts:   # a stray part of that name, related from nothing: keep it, use another
            part = part.removesuffix(".xml") + "1.xml"
        parts[part] = (_DECL + xml).encode("utf-8")
        n = len(ids) + 1
        while f"rId{n}" in ids:
            n += 1
        ids.add(f"rId{n}")
        etree.SubElement(rels, f"{{{PKG_R}}}Relationship", Id=f"rId{n}", Type=R + kind,
                         Target=posixpath.relpath(part, folder))
        etree.SubElement(types, f"{{{CT}}}Override", PartName="/" + part, ContentType=ctype)
    parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for name, blob in parts.items():
            out.writestr(zipfile.ZipInfo(name, date_time=ZIP_EPOCH), blob)
    return buf.getvalue()


def _main(parts: dict[str, bytes]) -> str:
    root = etree.fromstring(parts["_rels/.rels"])
    return next(rel.get("Target", "").lstrip("/") for rel in root if rel.get("Type", "").endswith("/officeDocument"))


def _rels_name(main: str) -> str:
    folder, base = posixpath.split(main)
    return posixpath.join(folder, "_rels", base + ".rels")
