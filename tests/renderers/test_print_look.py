"""The printed outputs take their look from the theme, not from constants of their own: a theme that
changes the QR card's pad, rules, the lead's measure, the quiz's fields, circles and key notes, and
the poster's bands and cards, changes the written PDFs as pdfium reads them back."""
from __future__ import annotations

import ast
import ctypes

import pytest

from generator.page import qr_matrix
from generator.renderers.poster import POSTER
from generator.renderers.printlook import MM, PAPER
from helpers import ROOT, build, copy_default, normalise, text_spans

LOOK = """\
factsheet:
  qr_card_pad: 8
  footer_rule: 1.7
  column_rule: 1.3
  lead_characters: 45
quiz:
  key_note_step: 2.5
  field_shares: [0.6, 0.2, 0.2]
  bubble_rule: 1.6
poster:
  qr_card_pad: 5
  foot_rule: 8
  accent_rule: 6
"""


@pytest.fixture(scope="module")
def themed(tmp_path_factory):
    """The default content in English, built with a theme of its own: (folder of the files, kit)."""
    folder = tmp_path_factory.mktemp("printlook")
    content = copy_default(folder)
    (folder / "templates" / "look").mkdir(parents=True)
    (folder / "templates" / "look" / "theme.yaml").write_text(LOOK, encoding="utf-8")
    _, _, kits = build(content, folder / "output", ["factsheet", "quiz", "poster"], "en", theme="look")
    return folder / "output" / "en", kits[0]


def paths(pdf, page: int = 0) -> list[tuple[float, float, float, float, tuple, float]]:
    """(left, top, width, height, fill RGB, stroke width) of each path drawn on a page, as pdfium reads it."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(pdf))
    pg = doc[page]
    out = []
    for obj in pg.get_objects(max_depth=0):
        if obj.type != raw.FPDF_PAGEOBJ_PATH:
            continue
        r, g, b, a = (ctypes.c_uint() for _ in range(4))
        fill = (r.value, g.value, b.value) if raw.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a) else None
        width = ctypes.c_float()
        raw.FPDFPageObj_GetStrokeWidth(obj.raw, width)
        left, bottom, right, top = obj.get_bounds()
        out.append((left, pg.get_height() - top, right - left, top - bottom, fill, round(width.value, 2)))
    return out


def lines(pdf, page: int = 0) -> list[str]:
    """The lines of text on a page as pdfium reads them, in order."""
    import pypdfium2 as pdfium

    return [line.strip() for line in pdfium.PdfDocument(str(pdf))[page].get_textpage().get_text_range().splitlines()]


def test_the_qr_codes_card_has_the_themes_pad(themed):
    folder, kit = themed
    qr = float(kit.theme.num("factsheet.qr_size")) * MM
    cards = [p for p in paths(folder / "factsheet.pdf") if p[4] == (255, 255, 255) and abs(p[2] - p[3]) < 0.1]
    assert [round(c[2], 1) for c in cards] == [round(qr + 16, 1)]


def test_the_footer_and_column_rules_have_the_themes_widths(themed):
    folder, _ = themed
    widths = {p[5] for p in paths(folder / "factsheet.pdf")}
    assert {1.7, 1.3} <= widths and not {0.6, 0.4} & widths


def test_no_line_of_the_lead_is_longer_than_the_themes_measure(themed):
    folder, kit = themed
    summary = normalise(kit.content.summary)
    lead = [line for line in lines(folder / "factsheet.pdf") if len(line) > 12 and line in summary]
    assert len(lead) >= 5 and max(len(line) for line in lead) <= 45, lead


def test_the_answer_keys_notes_are_the_themes_step_smaller(themed):
    folder, kit = themed
    sizes = {round(size, 2) for _, _, size, _ in text_spans(folder / "quiz-key.pdf")}
    key = kit.theme.num("quiz.key_size")
    assert key - 2.5 in sizes and key - 0.5 not in sizes, sizes


def test_the_fields_share_the_line_as_the_theme_says(themed):
    folder, kit = themed
    width = PAPER["A4"][0]
    margin = kit.theme.num("quiz.margin") * MM
    date = str(kit.say("date"))
    found = [(x, y) for x, y, _, ch in text_spans(folder / "quiz.pdf") if ch == date[0]]
    # a glyph's ink starts a little right of its origin
    assert any(abs(x - (margin + 0.6 * (width - 2 * margin))) < 1.5 for x, _ in found), found


def test_the_circles_to_fill_in_have_the_themes_line(themed):
    folder, _ = themed
    circles = [p for p in paths(folder / "quiz.pdf") if abs(p[2] - p[3]) < 0.1 and p[2] < 15]   # small squares
    assert len(circles) >= 12 and {p[5] for p in circles} == {1.6}


def test_the_posters_qr_card_and_foot_band_follow_the_theme(themed):
    folder, kit = themed
    shapes = paths(folder / "poster.pdf")
    accent = tuple(int(kit.theme.color("accent")[i:i + 2], 16) for i in (1, 3, 5))
    foot = [p for p in shapes if p[4] == accent and abs(p[1] + p[3] - POSTER["A4"][1]) < 0.1]
    assert [round(p[3], 2) for p in foot] == [round(8 * MM, 2)], foot
    modules = len(qr_matrix(kit.content.organization.website, "l"))
    qr = max(modules * kit.theme.num("poster.qr_module"), kit.theme.num("poster.qr_min_size")) * MM
    cards = [p for p in shapes if p[4] == (255, 255, 255) and abs(p[2] - p[3]) < 0.1]
    assert [round(c[2], 1) for c in cards] == [round(qr + 10 * MM, 1)]      # 5 mm round the code


def test_the_posters_band_has_the_themes_accent_rule(themed):
    folder, kit = themed
    accent = tuple(int(kit.theme.color("accent")[i:i + 2], 16) for i in (1, 3, 5))
    rules = [p for p in paths(folder / "poster.pdf") if p[4] == accent and abs(p[2] - POSTER["A4"][0]) < 0.1]
    assert sorted(round(p[3], 2) for p in rules) == [round(6 * MM, 2), round(8 * MM, 2)]   # the band's, the foot's


PLANNERS = ["renderers/factsheet.py", "renderers/sheetfit.py", "renderers/poster.py", "renderers/quiz.py",
            "renderers/grading.py", "renderers/printlook.py", "layout/blocks.py", "layout/flow.py", "layout/setting.py"]


@pytest.mark.parametrize("module", PLANNERS)
def test_the_printed_outputs_code_holds_no_number_but_named_constants(module):
    """A size, gap or ratio written into the code would escape the theme: numbers other than 0, 1, -1
    and 2 may only name a module's constants (units, paper sizes, bounds of a search)."""
    tree = ast.parse((ROOT / "generator" / module).read_text(encoding="utf-8"))
    named = {id(node) for stmt in tree.body if isinstance(stmt, ast.Assign)
             and all(isinstance(t, (ast.Name, ast.Tuple)) for t in stmt.targets) for node in ast.walk(stmt)}
    stray = [(node.lineno, node.value) for node in ast.walk(tree) if isinstance(node, ast.Constant)
             and type(node.value) in (int, float) and node.value not in (0, 1, -1, 2) and id(node) not in named]
    assert not stray, f"generator/{module}: numbers at lines {stray}; make them theme keys or named constants"
