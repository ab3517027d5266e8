"""Decks in an organisation's PowerPoint template. The templates are made here with python-pptx (no
binary fixtures): (a) 4:3 with moved placeholders, (b) 16:9 with renamed and reordered layouts and a
decorated master; each is built with the default and the big content and checked for size, layouts,
master shapes, removed template slides, package parts, pictures, contrast and (LibreOffice) overflow."""
from __future__ import annotations

import io
import posixpath
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.util import Emu, Inches, Pt

from generator.build import build
from generator.cli import main
from generator.kit import load_kit
from helpers import ROOT, ROOTS, stray_glyphs
from test_deck_contrast import low_contrast_runs, picture_problems

# ---------------------------------------------------------------------------------------------
# The test templates
# ---------------------------------------------------------------------------------------------

BAR = "5B2C6F"       # template b's brand bar along the bottom of every slide
LOGO_ALT = "Logo of the Example Police Service"


def _by_type(prs, kind: str):
    return next(lay for lay in prs.slide_layouts if lay.element.get("type") == kind)


def _move(layout, kind: str, x, y, w, h) -> None:
    for ph in layout.placeholders:
        el = ph.element.find(f".//{qn('p:nvPr')}/{qn('p:ph')}")
        if (el.get("type", "obj") if el is not None else "obj") == kind:
            ph.left, ph.top, ph.width, ph.height = Inches(x), Inches(y), Inches(w), Inches(h)


def _own_slides(prs) -> None:
    """Two slides of the template's own (with notes and a picture): the deck must not keep them."""
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Template sample slide"
    s.notes_slide.notes_text_frame.text = "Notes of the sample slide"
    s2 = prs.slides.add_slide(prs.slide_layouts[1])
    s2.shapes.title.text = "Another sample"
    s2.shapes.add_picture(io.BytesIO(_png((40, 160, 90), 64, 32)), Inches(1), Inches(1))


def _png(colour, w: int, h: int) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (w, h), colour).save(buf, "PNG")
    return buf.getvalue()


def _theme(prs, edit) -> None:
    part = prs.slide_master.part.part_related_by(RT.THEME)
    part._blob = edit(part.blob.decode("utf-8")).encode("utf-8")


def template_a(path: Path) -> Path:
    """4:3, placeholders moved: content titles at the bottom, the body on the right half, the title
    slide's title below its subtitle, the section title at the top; theme fonts Calibri (not installed
    here, so measured with a wider stand-in)."""
    prs = Presentation()  # python-pptx's default: 10 x 7.5 in
    _move(_by_type(prs, "title"), "subTitle", 0.8, 1.0, 8.4, 1.6)
    _move(_by_type(prs, "title"), "ctrTitle", 0.8, 3.2, 8.4, 2.4)
    _move(_by_type(prs, "obj"), "title", 0.5, 5.9, 9.0, 0.9)
    _move(_by_type(prs, "obj"), "obj", 4.9, 0.4, 4.6, 5.3)
    _move(_by_type(prs, "secHead"), "title", 0.6, 0.6, 8.8, 1.6)
    _move(_by_type(prs, "secHead"), "body", 0.6, 2.4, 8.8, 1.2)
    _move(_by_type(prs, "titleOnly"), "title", 0.5, 5.9, 9.0, 0.9)
    _own_slides(prs)
    prs.save(str(path))
    return path


def template_b(path: Path) -> Path:
    """16:9, layouts renamed and reordered, a decorated master (a coloured bar, a logo picture and
    static footer text), brand colours (a yellow accent too light for text on white), title style in
    capitals, theme fonts DejaVu Serif (installed) and Arial (measured with its metric twin)."""
    prs = Presentation()
    ratio = Inches(13.333) / prs.slide_width
    for owner in [prs.slide_master, *prs.slide_layouts]:
        for shape in owner.shapes:  # shapes with their own position; the others inherit the master's
            if shape.element.find(f"{qn('p:spPr')}/{qn('a:xfrm')}") is not None:
                x, y, w, h = shape.left, shape.top, shape.width, shape.height
                shape.left, shape.top, shape.width, shape.height = Emu(int(x * ratio)), y, Emu(int(w * ratio)), h
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    master = prs.slide_master
    for ph in master.placeholders:  # the titles stop short of the logo
        if ph.placeholder_format.type == 1:  # title
            ph.width = Inches(11.0)
    tree = master.shapes._spTree
    bar = Shape(tree.add_autoshape(900, "Brand bar", "rect", Inches(0), Inches(7.0), Inches(13.333), Inches(0.5)),
                master.shapes)
    bar.fill.solid()
    bar.fill.fore_color.rgb = RGBColor.from_string(BAR)
    bar.line.fill.background()
    _, rid = master.part.get_or_add_image_part(io.BytesIO(_png((91, 44, 111), 120, 60)))
    tree.add_pic(901, "Logo", LOGO_ALT, rid, Inches(12.0), Inches(0.2), Inches(1.0), Inches(0.5))
    note = Shape(tree.add_textbox(902, "Static footer", Inches(0.4), Inches(7.05), Inches(4.0), Inches(0.4)),
                 master.shapes)
    note.text_frame.text = "Example Police Service · Internal"
    run = note.text_frame.paragraphs[0].runs[0]
    run.font.size, run.font.color.rgb = Pt(11), RGBColor(0xFF, 0xFF, 0xFF)
    for layout in prs.slide_layouts:  # the layouts' footers sit on the bar, right of the static text
        _move(layout, "ftr", 4.6, 7.05, 6.0, 0.4)
        _move(layout, "sldNum", 11.0, 7.05, 1.9, 0.4)
        _move(layout, "dt", 0.4, 6.4, 2.0, 0.4)
    names = {"title": "Cover", "obj": "Text page", "secHead": "Chapter", "titleOnly": "Headline",
             "blank": "Empty", "twoObj": "Two columns"}
    for layout in prs.slide_layouts:
        layout.name = names.get(layout.element.get("type"), layout.name + " (spare)")
    ids = master.element.find(qn("p:sldLayoutIdLst"))
    entries = list(ids)
    for el in entries:
        ids.remove(el)
    for el in reversed(entries):  # reordered: the title slide's layout comes last
        ids.append(el)
    styles = master.element.find(qn("p:txStyles"))
    styles.find(qn("p:titleStyle")).find(qn("a:lvl1pPr")).find(qn("a:defRPr")).set("cap", "all")

    def brand(xml: str) -> str:
        for name, value in (("dk2", "5B2C6F"), ("accent1", "1B6F8A"), ("accent2", "F4D03F")):
            xml = re.sub(rf"<a:{name}>.*?</a:{name}>", f'<a:{name}><a:srgbClr val="{value}"/></a:{name}>', xml,
                         flags=re.S)
        xml = re.sub(r'(<a:majorFont>\s*<a:latin typeface=")[^"]*"', r'\1DejaVu Serif"', xml)
        return re.sub(r'(<a:minorFont>\s*<a:latin typeface=")[^"]*"', r'\1Arial"', xml)
    _theme(prs, brand)
    _own_slides(prs)
    prs.save(str(path))
    return path


def template_unusable(path: Path) -> Path:
    """Every layout's title placeholder removed: slides could not carry titles."""
    prs = Presentation()
    for layout in prs.slide_layouts:
        for ph in list(layout.placeholders):
            el = ph.element.find(f".//{qn('p:nvPr')}/{qn('p:ph')}")
            if el is not None and el.get("type") in ("title", "ctrTitle"):
                ph.element.getparent().remove(ph.element)
    prs.save(str(path))
    return path


# ---------------------------------------------------------------------------------------------
# Builds
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def templates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("templates")
    return {"a": template_a(folder / "a.pptx"), "b": template_b(folder / "b.pptx")}


def _build(tmp_path_factory, content: Path, template: Path):
    kit = load_kit(content, {"deck_template": str(template), "outputs": ["deck"]})
    out = tmp_path_factory.mktemp("tdeck")
    build(kit, out)
    return out / kit.language / "deck.pptx", kit


@pytest.fixture(scope="session")
def decks(tmp_path_factory, templates):
    """(template, content) -> (deck path, kit), for both templates and both content files."""
    return {(t, name): _build(tmp_path_factory, content, templates[t])
            for t in ("a", "b") for name, content in (("default", ROOT / "content.yaml"),
                                                      ("big", ROOTS / "big" / "content.yaml"))}


CASES = [("a", "default"), ("a", "big"), ("b", "default"), ("b", "big")]


def _layout_names(path: Path) -> set[str]:
    return {layout.name for layout in Presentation(str(path)).slide_layouts}


@pytest.mark.parametrize("case", CASES)
def test_slide_size_and_layouts_come_from_the_template(decks, templates, case):
    deck, _ = decks[case]
    prs = Presentation(str(deck))
    size = (round(Emu(prs.slide_width).inches, 2), round(Emu(prs.slide_height).inches, 2))
    assert size == ((10.0, 7.5) if case[0] == "a" else (13.33, 7.5))
    used = [s.slide_layout.name for s in prs.slides]
    assert len(set(used)) >= 3
    assert set(used) <= _layout_names(templates[case[0]])
    if case[0] == "b":  # renamed and reordered: found by their placeholders
        assert used[0] == "Cover"
        assert {"Text page", "Chapter", "Headline"} <= set(used)
        assert not any(name.endswith("(spare)") for name in used)


@pytest.mark.parametrize("case", CASES)
def test_titles_sit_in_the_layouts_title_boxes(decks, case):
    """Template a moved the content title to the bottom: the slides' titles are there too."""
    prs = Presentation(str(decks[case][0]))
    for slide in prs.slides:
        title = slide.shapes.title
        assert title is not None and title.text_frame.text.strip()
        layout_title = slide.slide_layout.placeholders[0] if slide.slide_layout.placeholders else None
        if layout_title is not None and layout_title.placeholder_format.type == title.placeholder_format.type:
            assert abs(title.top - layout_title.top) < Inches(0.02)
            assert abs(title.left - layout_title.left) < Inches(0.02)
    if case[0] == "a":
        content = [s for s in prs.slides if s.slide_layout.name == "Title and Content"]
        assert content and all(Emu(s.shapes.title.top).inches > 5.5 for s in content)


def test_master_decorations_are_kept(decks):
    prs = Presentation(str(decks[("b", "default")][0]))
    names = {shape.name for shape in prs.slide_master.shapes}
    assert {"Brand bar", "Logo", "Static footer"} <= names
    assert all(s.slide_layout.slide_master == prs.slide_master for s in prs.slides)
    # nothing of the built-in design is drawn over the template's
    drawn = {shape.name for s in prs.slides for shape in s.shapes}
    assert not drawn & {"Title band", "Accent rule", "Side band", "Footer rule"}


@pytest.mark.parametrize("case", CASES)
def test_template_slides_are_gone_with_their_parts(decks, case):
    deck, _ = decks[case]
    prs = Presentation(str(deck))
    text = " ".join(sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame)
    assert "Template sample slide" not in text and "Another sample" not in text
    with zipfile.ZipFile(deck) as z:
        names = set(z.namelist())
        slides = {n for n in names if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)}
        assert len(slides) == len(prs.slides)
        assert orphan_parts(z) == set()
        notes = [n for n in names if re.fullmatch(r"ppt/notesSlides/notesSlide\d+\.xml", n)]
        assert len(notes) == len(prs.slides)
        for name in notes + sorted(slides):
            assert b"Notes of the sample slide" not in z.read(name)


def orphan_parts(z: zipfile.ZipFile) -> set[str]:
    """Parts that no relationship points to, and content-type overrides naming missing parts."""
    names = set(z.namelist())
    targets = set()
    for name in names:
        if not name.endswith(".rels"):
            continue
        source_dir = posixpath.dirname(posixpath.dirname(name))
        for rel in etree.fromstring(z.read(name)):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(source_dir, target))
            targets.add(path)
            assert path in names, f"{name} points to missing {path}"
    types = etree.fromstring(z.read("[Content_Types].xml"))
    missing = {o.get("PartName").lstrip("/") for o in types if o.get("PartName")} - names
    parts = {n for n in names if not n.endswith(".rels") and n != "[Content_Types].xml"}
    return (parts - targets) | missing


@pytest.mark.parametrize("case", CASES)
def test_text_is_readable_on_the_template(decks, case):
    assert low_contrast_runs(decks[case][0]) == []


@pytest.mark.parametrize("case", [("a", "big"), ("b", "big")])
def test_pictures_keep_their_shape_and_alt_text_and_cover_no_text(decks, case):
    deck, _ = decks[case]
    assert picture_problems(deck) == []
    prs = Presentation(str(deck))
    assert sum(sh.shape_type == 13 for s in prs.slides for sh in s.shapes) >= 2  # the big content's images


@pytest.mark.render
@pytest.mark.parametrize("case", CASES)
def test_template_decks_render_without_overflow(decks, case, tmp_path):
    assert stray_glyphs(decks[case][0], tmp_path) == {}


# ---------------------------------------------------------------------------------------------
# Fallbacks, paths, inspection and errors
# ---------------------------------------------------------------------------------------------

def test_a_missing_layout_falls_back_with_a_located_warning(tmp_path):
    path = template_a(tmp_path / "no-title-only.pptx")
    prs = Presentation(str(path))
    for layout in list(prs.slide_layouts):
        if layout.element.get("type") in ("titleOnly", "blank"):
            prs.slide_layouts.remove(layout)
    prs.save(str(path))
    kit = load_kit(ROOT / "content.yaml", {"deck_template": str(path), "outputs": ["deck"]})
    build(kit, tmp_path / "out")
    warned = [w for w in kit.warnings if w.path == "build.deck_template"]
    assert any("no title-only layout" in w.message for w in warned), warned
    used = {s.slide_layout.name for s in Presentation(str(tmp_path / "out" / "en" / "deck.pptx")).slides}
    assert "Title Only" not in used and len(used) >= 3


def test_content_path_is_relative_to_the_content_file(tmp_path, monkeypatch):
    folder = tmp_path / "kit"
    folder.mkdir()
    template_b(folder / "brand.pptx")
    text = (ROOT / "content.yaml").read_text("utf-8").replace("  theme: default\n",
                                                               "  theme: default\n  deck_template: brand.pptx\n")
    (folder / "content.yaml").write_text(text, "utf-8")
    monkeypatch.chdir(tmp_path)  # elsewhere: the path is still found beside the content file
    assert main(["kit/content.yaml", "--only", "deck", "-o", str(tmp_path / "out")]) == 0
    prs = Presentation(str(tmp_path / "out" / "en" / "deck.pptx"))
    assert prs.slides[0].slide_layout.name == "Cover"


def test_command_line_path_is_relative_to_the_current_folder(tmp_path, monkeypatch):
    template_a(tmp_path / "brand.pptx")
    shutil.copy(ROOT / "content.yaml", tmp_path / "content.yaml")
    monkeypatch.chdir(tmp_path)
    assert main(["content.yaml", "--only", "deck", "--deck-template", "brand.pptx", "-o", "out"]) == 0
    prs = Presentation(str(tmp_path / "out" / "en" / "deck.pptx"))
    assert round(Emu(prs.slide_width).inches, 2) == 10.0


def test_inspect_template_lists_layouts_and_the_choice(tmp_path, capsys):
    path = template_b(tmp_path / "b.pptx")
    assert main(["--inspect-template", str(path)]) == 0
    out = capsys.readouterr().out
    assert "13.33 x 7.50 in (16:9)" in out
    for name in ("Cover", "Text page", "Chapter", "Headline", "Empty"):
        assert f'"{name}"' in out
    used = out.split("Layouts used:")[1]
    assert re.search(r'title slide\s+\d+\. "Cover"', used)
    assert re.search(r'title and body\s+\d+\. "Text page"', used)
    assert re.search(r'section header\s+\d+\. "Chapter"', used)
    assert re.search(r'title-only\s+\d+\. "Headline"', used)
    assert "Brand bar" in out and "Logo (picture)" in out and "Static footer (text)" in out
    assert "DejaVu Serif" in out and "Liberation Sans" in out


def test_unusable_template_is_a_clear_error(tmp_path, capsys):
    bad = template_unusable(tmp_path / "bad.pptx")
    assert main(["--inspect-template", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "title placeholder" in err and "Traceback" not in err
    out = tmp_path / "out"
    assert main([str(ROOT / "content.yaml"), "--deck-template", str(bad), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "title placeholder" in err and "Traceback" not in err
    assert not (out / "en" / "deck.pptx").exists() and not (out / "en" / "factsheet.pdf").exists()


def test_a_file_that_is_not_a_presentation_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "not.pptx"
    bad.write_bytes(b"not a zip")
    assert main(["--inspect-template", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "cannot be read as a PowerPoint" in err and "Traceback" not in err


def test_placeholders_that_run_off_the_slide_are_cut_back_to_it(tmp_path):
    from pptx import Presentation as Open
    from pptx.util import Inches

    from generator.build import build
    from generator.kit import load_kit
    from helpers import ROOT

    template = Open()
    for layout in template.slide_layouts:  # every box pushed 3 in to the right: over the slide's edge
        for ph in layout.placeholders:
            left, top, width, height = ph.left, ph.top, ph.width, ph.height
            ph.left, ph.top, ph.width, ph.height = left + Inches(3), top, width, height
    path = tmp_path / "off-slide.pptx"
    template.save(str(path))
    kit = load_kit(ROOT / "content.yaml", {"deck_template": str(path), "outputs": ["deck"]})
    built = build(kit, tmp_path / "out")
    deck = Open(str(built[0].path))
    for number, slide in enumerate(deck.slides, start=1):
        for shape in slide.shapes:
            if getattr(shape, "has_text_frame", False) and shape.text_frame.text.strip():
                assert shape.left >= 0 and shape.left + shape.width <= deck.slide_width + 12700, (number, shape.name)
