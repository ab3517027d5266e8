"""Two phases: plan(kit) decides everything and returns its warnings; write(plans) decides nothing.
Writing the same plans twice gives the same files, a planned slide's boxes are the written slide's
boxes, and --check plans without loading ReportLab or python-pptx."""
from __future__ import annotations

import copy
import subprocess
import sys

from generator.renderers import writer as _writer
from helpers import ROOT, deck, load


def test_writing_the_same_plans_twice_gives_identical_files(default_plans, tmp_path):
    for item in default_plans["ar"].files + default_plans["en"].files:
        write = _writer(item.writer)
        a, b = tmp_path / f"a-{item.name}", tmp_path / f"b-{item.name}"
        write(item.payload, a)
        write(item.payload, b)
        assert a.read_bytes() == b.read_bytes(), item.name


def test_a_planned_slide_is_the_written_slide(default_build, default_plans):
    plan = next(f.payload for f in default_plans["en"].files if f.name == "deck.pptx")
    prs = deck(default_build[0] / "en" / "deck.pptx")
    assert len(prs.slides) == len(plan.slides)
    emu = 914400
    for planned, slide in zip(plan.slides, prs.slides):
        shapes = {s.name: s for s in slide.shapes}
        for box in planned.boxes:
            shape = shapes[box.name]
            assert abs(shape.left - box.x * emu) < 2 and abs(shape.top - box.y * emu) < 2
            assert abs(shape.width - box.w * emu) < 2 and abs(shape.height - box.h * emu) < 2
        assert slide.shapes.title is not None, planned.kind
        assert slide.shapes.title.text == "\n".join("".join(r.text for r in p.runs) for p in planned.title_box.paras)


LONG_TABLE = """\
title: T
summary: S
sections:
  - id: a
    title: A
    table: t
tables:
  - id: t
    title: Long
    columns: [A, B]
    rows:
{rows}
"""


def test_planning_returns_its_warnings_and_changes_nothing(tmp_path, capsys):
    from generator.phases import plan

    path = tmp_path / "content.yaml"
    path.write_text(LONG_TABLE.format(rows="\n".join(f"      - [r{i}, x]" for i in range(150))), encoding="utf-8")
    kit = load(path)[0]
    before = (kit.content.model_dump(), copy.deepcopy(kit.source.data), kit.warnings)
    first = plan(kit, kit, ["deck"])
    # the deck's warning about a table too long to present comes back with the plans, located, unprinted
    assert [(w.line, w.path) for w in first.warnings if "fills" in w.message] == [(11, "tables[0].rows")]
    assert capsys.readouterr() == ("", "")
    assert (kit.content.model_dump(), kit.source.data, kit.warnings) == before
    second = plan(kit, kit, ["deck"])
    assert second.warnings == first.warnings   # nothing carried over from the first plan
    assert [s.title for s in second.files[0].payload.slides] == [s.title for s in first.files[0].payload.slides]


def test_check_plans_without_loading_reportlab_or_python_pptx(tmp_path):
    code = ("import sys; from generator.cli import main; code = main(['--check', sys.argv[1]]); "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('reportlab', 'pptx', 'openpyxl')]; "
            "print('LOADED', bad); sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", code, str(ROOT / "content.yaml")], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout, result.stdout
    assert "OK, 4 languages (en, ar, es, fr)" in result.stdout
