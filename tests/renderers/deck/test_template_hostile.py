"""Templates that carry what runs or what is broken, made as PowerPoint writes them
(tests/roots/templates: active-content.pptx, dangling-links.pptx) or edited part by part from
python-pptx's default package: OLE objects, embedded packages, ActiveX controls and run actions are
removed with a warning naming each; no relationship of a deck points to a part that is not there, and
nothing points to a relationship that is not there; XML with a DTD, an entity bomb or a truncated
part is refused at --check with the part and line."""
from __future__ import annotations

import posixpath
import time
import zipfile

import pytest
from lxml import etree

from generator.cli import main
from helpers import ROOTS, copy_default

TEMPLATES = ROOTS / "templates"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
RUNS = (b"oleObj", b"<p:control", b"<p:controls", b"ppaction://ole", b"ppaction://macro", b"ppaction://program")
REMOVED = {
    "active-content.pptx": [
        "removed an ActiveX control (CommandButton1) from ppt/slideLayouts/slideLayout6.xml: nothing that runs a "
        "program reaches a deck",
        "removed an embedded object (Excel.Sheet.12) from ppt/slideLayouts/slideLayout2.xml: nothing that runs a "
        "program reaches a deck",
        "removed an embedded object (Package) from ppt/slideMasters/slideMaster1.xml: nothing that runs a program "
        "reaches a deck",
        "removed the action ppaction://macro?name=AutoOpen from ppt/slideMasters/slideMaster1.xml: nothing that "
        "runs a program reaches a deck"],
    "dangling-links.pptx": [
        "removed a link to ../media/missing.png, a part the file does not have, from "
        "ppt/slideLayouts/slideLayout2.xml (PowerPoint would ask to repair the deck)",
        "removed a link to rId77, a relationship the part does not have, from ppt/slideMasters/slideMaster1.xml "
        "(PowerPoint would ask to repair the deck)",
        "removed a link to the template's own slide ../slides/slide1.xml from ppt/slideMasters/slideMaster1.xml: "
        "its slides are not in the deck"]}


def broken_links(path) -> list[str]:
    """Every relationship to a missing part, and every r: attribute naming no relationship of its part."""
    out = []
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        for name in sorted(n for n in names if n.endswith(".xml")):
            folder, base = posixpath.split(name)
            rels_name = posixpath.join(folder, "_rels", base + ".rels")
            ids = set()
            for rel in etree.fromstring(z.read(rels_name)) if rels_name in names else []:
                ids.add(rel.get("Id"))
                target = rel.get("Target", "")
                target = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
                if rel.get("TargetMode") != "External" and target not in names:
                    out.append(f"{rels_name}: {rel.get('Id')} -> {target} (missing)")
            for el in etree.fromstring(z.read(name)).iter():
                out += [f"{name}: {etree.QName(el).localname} names {v}, which {rels_name} lacks"
                        for k, v in el.attrib.items() if k.startswith(f"{{{R}}}") and v and v not in ids]
    return out


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_default(tmp_path_factory.mktemp("hostile-templates"))


@pytest.mark.parametrize("name", sorted(REMOVED))
def test_what_runs_or_points_nowhere_is_removed_with_a_warning_naming_it(project, capsys, name):
    out = project.parent / f"out-{name}"
    code = main([str(project), "--lang", "en", "--only", "deck", "--deck-template", str(TEMPLATES / name),
                 "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 0, err
    for message in REMOVED[name]:
        assert f"--deck-template: warning: build.deck_template: deck template {name}: {message}" in err, err
    deck = out / "en" / "deck.pptx"
    assert broken_links(deck) == []
    with zipfile.ZipFile(deck) as z:
        assert not [n for n in z.namelist() if n.startswith(("ppt/embeddings/", "ppt/activeX/"))]
        for part in z.namelist():
            data = z.read(part)
            assert not [bad for bad in RUNS if bad in data], part
        listed = etree.fromstring(z.read("ppt/presentation.xml")).find(f"{{{P}}}sldIdLst")
        assert len([n for n in z.namelist() if n.startswith("ppt/slides/slide")]) == len(listed)   # none extra


@pytest.mark.parametrize("name", sorted(REMOVED))
def test_the_hostile_fixtures_are_what_they_claim(name):
    """Before cleaning, the fixtures hold the objects and broken links (so the test above can fail)."""
    with zipfile.ZipFile(TEMPLATES / name) as z:
        blob = b"".join(z.read(n) for n in z.namelist())
    if name == "active-content.pptx":
        assert b'progId="Package"' in blob and b"ppaction://ole?verb=0" in blob and b"<p:controls" in blob
        assert b"ppt/embeddings/oleObject1.bin" not in blob   # related by a relative target, as PowerPoint does
    else:
        assert broken_links(TEMPLATES / name)


def test_inspect_names_what_was_removed(capsys):
    assert main(["--inspect-template", str(TEMPLATES / "active-content.pptx")]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("Objects, controls, actions and broken links "
                                                                      "(removed): "))
    assert all(message in line for message in REMOVED["active-content.pptx"]), line


def edited(tmp_path, part: str, change) -> str:
    """python-pptx's default package (PowerPoint-written) with one part's bytes changed."""
    source = ROOTS / "templates" / "pptx-default.pptx"
    out = tmp_path / "brand.pptx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, change(data) if info.filename == part else data)
    return str(out)


def with_doctype(doctype: str, entity: str):
    def change(data: bytes) -> bytes:
        head, _, rest = data.partition(b"?>")
        root_end = rest.index(b">") + 1
        body = rest[:root_end] + rest[root_end:].replace(b"<a:t>", f"<a:t>{entity}".encode(), 1) \
            if entity else rest
        return head + b"?>\n" + doctype.encode() + body
    return change


SECRET = "/etc/hostname"
LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'.replace("&lol0;", "&lol;")
    for i in range(1, 10)) + "]>")
XML_CASES = {
    "external-entity": ("ppt/slideLayouts/slideLayout1.xml",
                        with_doctype(f'<!DOCTYPE x [<!ENTITY secret SYSTEM "file://{SECRET}">]>', "&secret;"),
                        "its part ppt/slideLayouts/slideLayout1.xml declares a DTD (<!DOCTYPE ...>), which Office "
                        "files never do (it could read files on this computer or expand without bound); use a "
                        "template saved by PowerPoint"),
    "entity-bomb": ("ppt/theme/theme1.xml", with_doctype(LAUGHS, ""),
                    "its part ppt/theme/theme1.xml declares a DTD (<!DOCTYPE ...>)"),
    "truncated-layout": ("ppt/slideLayouts/slideLayout2.xml", lambda data: data[:len(data) // 2],
                         "its part ppt/slideLayouts/slideLayout2.xml is damaged (line 2: "),
}


@pytest.mark.parametrize("case", sorted(XML_CASES))
def test_template_xml_errors_are_located_at_check_and_build(tmp_path, capsys, case):
    part, change, message = XML_CASES[case]
    content = copy_default(tmp_path / "project")
    template = edited(tmp_path, part, change)
    for flags in (["--check"], ["-o", str(tmp_path / "out")]):
        started = time.perf_counter()
        code = main([str(content), "--lang", "en", "--only", "deck", "--deck-template", template, *flags])
        err = capsys.readouterr().err
        assert code == 1 and time.perf_counter() - started < 30, err
        assert "Traceback" not in err and f"{template}: cannot be used as a deck template: {message}" in err, err
    assert not (tmp_path / "out").exists()
    assert main(["--inspect-template", template]) == 1
    assert message in capsys.readouterr().err


def test_an_entity_never_reads_a_file_even_where_a_dtd_would_be_allowed():
    from generator.renderers.deck.package import parse

    root = parse(f'<!DOCTYPE x [<!ENTITY s SYSTEM "file://{SECRET}">]><x>&s;</x>'.encode())
    assert open(SECRET).read().strip() not in (etree.tostring(root).decode())
