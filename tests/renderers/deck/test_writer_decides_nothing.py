"""The deck writer decides nothing: what a theme changes reaches the written deck through the plan
(table banding, cell margins and the header's weight and anchor, the QR card's margin, picture borders,
the footer's inset, the slide number's place in its box, the base's layouts, rounded corners and box
rules), and
the direction marks of right-to-left text are in the plan, not added by the writer."""
from __future__ import annotations

import dataclasses
import shutil
import zipfile

import pytest

from generator.phases import plan
from generator.renderers.deck import write as deck_write
from helpers import ROOTS, deck, load

LOOK = """\
colors:
  background: "#FAF7EE"
  rule: "#884422"
deck:
  card_pad: 0.3
  picture_border: 2.5
  footer_inset: 0.05
  box_rule: 2
  corner: 0.3
  number_inset: 0.03
  number_align: start
  table_cell_inset: [0.2, 0.1, 0.15, 0.05]
  table_header_bold: false
  table_header_anchor: bottom
  table_anchor: middle
"""
EMU = 914400


@pytest.fixture(scope="module")
def themed(tmp_path_factory):
    """The stress content (pictures, tables, a website) in full style with a theme of its own:
    (plan, written deck)."""
    folder = tmp_path_factory.mktemp("themed")
    shutil.copytree(ROOTS / "big", folder / "big")
    (folder / "big" / "templates" / "look").mkdir(parents=True)
    (folder / "big" / "templates" / "look" / "theme.yaml").write_text(LOOK, encoding="utf-8")
    kit = load(folder / "big" / "content.yaml", theme="look")[0]
    kit = dataclasses.replace(kit, build=kit.build.model_copy(update={"deck": kit.build.deck.model_copy(
        update={"style": "full"})}))
    planned = next(f.payload for f in plan(kit, kit, ["deck"]).files if f.name == "deck.pptx")
    deck_write.write(planned, folder / "deck.pptx")
    return planned, deck(folder / "deck.pptx")


def test_table_rows_alternate_the_themes_light_and_background(themed):
    planned, prs = themed
    k = next(i for i, s in enumerate(planned.slides) if s.table is not None and len(s.table.rows) >= 2)
    table = next(s for s in prs.slides[k].shapes if s.has_table).table
    fills = [str(row.cells[0].fill.fore_color.rgb) for row in list(table.rows)[1:3]]
    assert fills == ["FAF7EE", "EAF1F8"]


def test_a_card_keeps_the_themes_margin_and_a_bare_picture_its_border(themed):
    planned, prs = themed
    k = next(i for i, s in enumerate(planned.slides) if s.kind == "closing")
    shapes = {s.name: s for s in prs.slides[k].shapes}
    qr, card = shapes["QR code"], shapes["QR code card"]
    assert abs((qr.left - card.left) / EMU - 0.3) < 1e-4 and abs((card.width - qr.width) / EMU - 0.6) < 1e-4
    k = next(i for i, s in enumerate(planned.slides) if any(p.card is None for p in s.pictures))
    bare = next(s for s in prs.slides[k].shapes if s.shape_type == 13 and "card" not in s.name
                 and not any(p.card for p in planned.slides[k].pictures if p.name == s.name))
    assert bare.line.width.pt == pytest.approx(2.5) and str(bare.line.color.rgb) == "884422"


def test_the_footer_sits_in_its_box_with_the_themes_inset(themed):
    planned, prs = themed
    footers = [s for slide in prs.slides for s in slide.shapes if s.name == "Footer"]
    assert len(footers) == sum(s.footer_box is not None for s in planned.slides) > 10
    assert all(abs(f.text_frame.margin_top / EMU - 0.05) < 1e-4 and abs(f.text_frame.margin_bottom / EMU - 0.05)
               < 1e-4 for f in footers)


def test_each_slide_is_made_on_the_layout_its_place_names(themed):
    planned, prs = themed
    names = [s.slide_layout.name for s in prs.slides]
    assert names[0] == "Title Slide" and set(names[1:]) == {"Title Only"}
    layouts = list(prs.slide_layouts)
    assert all(layouts[p.place.layout].name == n for p, n in zip(planned.slides, names))


def test_direction_marks_are_planned_and_the_writer_adds_none(default_plans, tmp_path):
    planned = next(f.payload for f in default_plans["ar"].files if f.name == "deck.pptx")
    marked = [r.text for s in planned.slides for b in s.boxes + [s.title_box] for p in b.paras for r in p.runs
              if "\u200e" in r.text]
    assert marked   # a Latin-only paragraph or a web address in the Arabic deck carries its mark in the plan

    def bare(box):
        return box and dataclasses.replace(box, paras=tuple(dataclasses.replace(p, runs=tuple(
            dataclasses.replace(r, text=r.text.replace("\u200e", "")) for r in p.runs)) for p in box.paras))

    slides = [dataclasses.replace(s, title_box=bare(s.title_box), subtitle=bare(s.subtitle),
                                  footer_box=bare(s.footer_box), boxes=[bare(b) for b in s.boxes], table=None)
              for s in planned.slides]
    deck_write.write(dataclasses.replace(planned, slides=slides), tmp_path / "deck.pptx")
    with zipfile.ZipFile(tmp_path / "deck.pptx") as z:
        slides_xml = [z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("ppt/slides/slide")]
    assert not any("\u200e" in x for x in slides_xml)


def test_rounded_boxes_and_their_rules_follow_the_theme(themed):
    planned, prs = themed
    k = next(i for i, s in enumerate(planned.slides) if s.kind == "question")
    option = next(s for s in prs.slides[k].shapes if s.name.startswith("Option"))
    assert option.adjustments[0] == pytest.approx(0.3) and option.line.width.pt == pytest.approx(2)
    k = next(i for i, s in enumerate(planned.slides) if s.kind == "closing")
    card = next(s for s in prs.slides[k].shapes if s.name == "QR code card")
    assert card.adjustments[0] == pytest.approx(0.3)


def test_the_slide_number_sits_in_its_box_as_the_theme_says(themed):
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN

    planned, prs = themed
    numbers = [next(s for s in slide.shapes if s.name == "Slide number") for slide in prs.slides]
    assert [n.text_frame.text for n in numbers] == [str(k) for k in range(1, len(prs.slides) + 1)]
    for n in numbers:
        frame = n.text_frame
        assert [round(m / EMU, 4) for m in (frame.margin_left, frame.margin_top, frame.margin_right,
                                            frame.margin_bottom)] == [0.03] * 4
        assert frame.paragraphs[0].alignment == PP_ALIGN.LEFT and frame.vertical_anchor == MSO_ANCHOR.MIDDLE


def test_table_cells_take_the_themes_margins_and_the_header_its_weight_and_anchor(themed):
    from pptx.enum.text import MSO_ANCHOR

    planned, prs = themed
    k = next(i for i, s in enumerate(planned.slides) if s.table is not None and len(s.table.rows) >= 2)
    rows = list(next(s for s in prs.slides[k].shapes if s.has_table).table.rows)
    for row in rows:
        for cell in row.cells:
            assert [round(m / EMU, 4) for m in (cell.margin_left, cell.margin_top, cell.margin_right,
                                                cell.margin_bottom)] == [0.2, 0.1, 0.15, 0.05]
    assert {c.vertical_anchor for c in rows[0].cells} == {MSO_ANCHOR.BOTTOM}
    assert {c.vertical_anchor for r in rows[1:] for c in r.cells} == {MSO_ANCHOR.MIDDLE}
    assert not any(r.font.bold for c in rows[0].cells for p in c.text_frame.paragraphs for r in p.runs)
