"""Loading a kit: characters no bundled font can draw stop the build (once per character, with its
first line and a count) unless allowed; every problem of every file at once."""
from __future__ import annotations

import pytest

from generator.errors import ContentError
from generator.kit import load_kit

CONTENT = """\
title: Day 😀
summary: Smile 😀 and 😀 again ☃.
sections:
  - id: a
    title: A
"""


def test_a_character_no_font_can_draw_is_an_error_reported_once_with_a_count(tmp_path):
    (tmp_path / "content.yaml").write_text(CONTENT, encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_kit(tmp_path / "content.yaml")
    lines = [p for p in exc.value.problems if "😀" in p.message]
    assert len(lines) == 1
    (p,) = lines
    assert p.line == 1 and "used 3 times" in p.message and "U+1F600" in p.message and p.severity == "error"
    assert any("☃" in q.message for q in exc.value.problems)


def test_allowing_missing_glyphs_makes_them_warnings(tmp_path):
    (tmp_path / "content.yaml").write_text(CONTENT, encoding="utf-8")
    kit = load_kit(tmp_path / "content.yaml", allow_missing_glyphs=True)
    assert any("😀" in w.message and w.severity == "warning" for w in kit.warnings)
