"""Every look of the deck is the theme's: a theme that changes the built-in design's boxes, the text
inset, the footer strip, the title, divider, closing and agenda slides (the agenda's numbering, links'
underline), the quiz's boxes and gaps, the table's row pad, or how the deck sits on a template, changes
the deck read back with python-pptx (the planner and the writer hold no copy of their own); and no
number but a named constant is written into the deck's code."""
from __future__ import annotations

import ast
import dataclasses
import shutil

import pytest

from generator.phases import plan
from generator.renderers.deck import write as deck_write
from helpers import ROOT, ROOTS, deck, load

LOOK = """\
deck:
  text_inset: [0.12, 0.09, 0.11, 0.07]
  footer_rule: 0.03
  number_width: 1.5
  footer_size: 10
  table_row_pad: 0.1
  link_underline: false
  title_slide:
    title_top: 1.2
    title_height: 2.6
  section:
    indent: 0.4
    kicker_size: 24
  closing:
    text_gap: 1.0
    link_inset: [0.3, 0.1, 0.3, 0.1]
  agenda:
    number_indent: 2.0
    numbering: alphaUcPeriod
  quiz:
    option_inset: [0.3, 0.1, 0.25, 0.12]
    gap: 0.3
  template:
    margin: 0.8
    logo: [1.6, 0.6]
"""
EMU = 914400
OWN_INSET = ("Title", "Body", "Agenda", "Details", "Question", "Instructions", "Find out more")


def _deck(folder, template: str | None = None):
    """The stress content in full style with the theme above, on the built-in design or a template:
    (plan, written deck)."""
    kw = {"deck_template": str(ROOTS / "templates" / template)} if template else {}
    kit = load(folder / "big" / "content.yaml", theme="look", **kw)[0]
    kit = dataclasses.replace(kit, build=kit.build.model_copy(update={"deck": kit.build.deck.model_copy(
        update={"style": "full"})}))
    planned = next(f.payload for f in plan(kit, kit, ["deck"]).files if f.name == "deck.pptx")
    path = folder / f"deck-{template or 'builtin'}.pptx"
    deck_write.write(planned, path)
    return planned, deck(path)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("look")
    shutil.copytree(ROOTS / "big", folder / "big")
    (folder / "big" / "templates" / "look").mkdir(parents=True)
    (folder / "big" / "templates" / "look" / "theme.yaml").write_text(LOOK, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def themed(folder):
    return _deck(folder)


def _inches(*emus) -> list[float]:
    return [round(v / EMU, 4) for v in emus]


def _first(prs, planned, kind):
    k = next(i for i, s in enumerate(planned.slides) if s.kind == kind)
    return {s.name: s for s in prs.slides[k].shapes}


def test_text_boxes_without_their_own_inset_take_the_themes(themed):
    planned, prs = themed
    boxes = [s for slide in prs.slides for s in slide.shapes if s.name in OWN_INSET]
    assert len({b.name for b in boxes}) == len(OWN_INSET)
    for b in boxes:
        f = b.text_frame
        assert _inches(f.margin_left, f.margin_top, f.margin_right, f.margin_bottom) == [0.12, 0.09, 0.11, 0.07]


def test_the_footer_strip_is_the_themes(themed):
    planned, prs = themed
    width = prs.slide_width / EMU
    for slide in list(prs.slides)[1:4]:
        shapes = {s.name: s for s in slide.shapes}
        if "Footer rule" in shapes:
            assert _inches(shapes["Footer rule"].height) == [0.03]
        number = shapes["Slide number"]
        assert _inches(number.width, number.left + number.width) == [1.5, round(width - 0.7, 4)]
        sizes = {r.font.size.pt for s in (number, shapes["Footer"]) for p in s.text_frame.paragraphs for r in p.runs}
        sizes |= {int(f.get("sz")) / 100 for f in number._element.iter() if f.tag.endswith("}rPr")}
        assert sizes and max(sizes) <= 10


def test_the_title_dividers_and_agendas_boxes_and_sizes_are_the_themes(themed):
    planned, prs = themed
    title = _first(prs, planned, "title")["Title"]
    assert _inches(title.top, title.height) == [1.2, 2.6]
    divider = _first(prs, planned, "divider")["Title"]
    assert _inches(divider.left) == [round(0.7 + 0.4, 4)]
    kicker = divider.text_frame.paragraphs[0].runs[0]
    assert kicker.font.size.pt == 24
    agenda = _first(prs, planned, "agenda")["Agenda"]
    for p in agenda.text_frame.paragraphs:
        size = p.runs[0].font.size.pt
        assert int(p._p.pPr.get("marL")) == round(2.0 * size * 12700)
        assert [n.get("type") for n in p._p.pPr.iter() if n.tag.endswith("}buAutoNum")] == ["alphaUcPeriod"]


def test_the_closing_slide_keeps_the_themes_gap_before_the_qr_code(themed):
    planned, prs = themed
    shapes = _first(prs, planned, "closing")
    text, qr = shapes["Find out more"], shapes["QR code"]
    # the gap is the room beside the code: its card's margin at the body's edge (0.15), then the rest
    assert (qr.left - text.left - text.width) / EMU == pytest.approx(1.0 - 0.15, abs=1e-4)
    f = shapes["Website"].text_frame
    assert _inches(f.margin_left, f.margin_top, f.margin_right, f.margin_bottom) == [0.3, 0.1, 0.3, 0.1]
    link = f.paragraphs[0].runs[0]
    assert link.hyperlink.address and not link.font.underline


def test_quiz_options_take_the_themes_inset_and_gap(themed):
    planned, prs = themed
    k = next(i for i, s in enumerate(planned.slides) if s.kind == "question" and sum(
        b.name.startswith("Option") for b in s.boxes) >= 4)
    options = sorted((s for s in prs.slides[k].shapes if s.name.startswith("Option")), key=lambda s: s.name)
    for o in options:
        f = o.text_frame
        assert _inches(f.margin_left, f.margin_top, f.margin_right, f.margin_bottom) == [0.3, 0.1, 0.25, 0.12]
    a, b, c = options[:3]
    if a.top == b.top:      # two columns: A beside B, C below A
        assert (b.left - a.left - a.width) / EMU == pytest.approx(0.3, abs=1e-4)
    assert (c.top - a.top - a.height) / EMU == pytest.approx(0.3, abs=1e-4)


def test_each_table_row_is_its_lines_its_cell_margins_and_the_themes_pad(themed):
    planned, prs = themed
    k = next(i for i, s in enumerate(planned.slides) if s.table is not None)
    frame = next(s for s in prs.slides[k].shapes if s.has_table)
    size = frame.table.cell(1, 0).text_frame.paragraphs[0].runs[0].font.size.pt
    line = size * 1.2 / 72            # the theme's exact line pitch
    for row in frame.table.rows:
        lines = (row.height / EMU - 0.06 - 0.06 - 0.1) / line
        assert lines == pytest.approx(round(lines), abs=1e-3) and round(lines) >= 1


def test_a_template_without_a_logo_gets_the_content_logo_in_the_themes_corner_box(folder):
    planned, prs = _deck(folder, "pptx-default.pptx")
    logo = _first(prs, planned, "title")["Logo"]
    width = prs.slide_width / EMU
    assert (logo.left + logo.width / 2) / EMU == pytest.approx(width - 0.8 - 0.8, abs=1e-3)
    assert (logo.top + logo.height / 2) / EMU == pytest.approx(0.8 + 0.3, abs=1e-3)
    assert logo.width / EMU <= 1.6 + 1e-3 and logo.height / EMU <= 0.6 + 1e-3


@pytest.mark.parametrize("module", sorted(p.name for p in (ROOT / "generator" / "renderers" / "deck").glob("*.py")))
def test_the_deck_code_holds_no_number_but_named_constants(module):
    """A size, gap or share written into the deck's code would escape the theme: numbers other than 0, 1,
    -1 and 2 may only name a module's constants (units, OOXML syntax, tests of a template's shapes,
    bounds of a search)."""
    tree = ast.parse((ROOT / "generator" / "renderers" / "deck" / module).read_text(encoding="utf-8"))
    named = {id(node) for stmt in tree.body if isinstance(stmt, ast.Assign)
             and all(isinstance(t, (ast.Name, ast.Tuple)) for t in stmt.targets) for node in ast.walk(stmt)}
    stray = [(node.lineno, node.value) for node in ast.walk(tree) if isinstance(node, ast.Constant)
             and type(node.value) in (int, float) and node.value not in (0, 1, -1, 2) and id(node) not in named]
    assert not stray, f"renderers/deck/{module}: numbers at lines {stray}; make them theme keys or named constants"
