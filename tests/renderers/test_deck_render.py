"""LibreOffice renders the deck; every glyph must lie inside its own shape and on the slide."""
from __future__ import annotations

import pytest
from pptx import Presentation

from helpers import stray_glyphs


@pytest.mark.render
def test_default_deck_renders_without_overflow(default_build, tmp_path):
    assert stray_glyphs(default_build[0] / "deck.pptx", tmp_path) == {}


@pytest.mark.render
def test_big_deck_renders_without_overflow(big_build, tmp_path):
    assert stray_glyphs(big_build[0] / "deck.pptx", tmp_path) == {}


@pytest.mark.render
def test_the_check_catches_text_that_runs_out_of_its_box(tmp_path):
    from pptx.util import Inches, Pt

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(1), Inches(0.4))
    box.text_frame.word_wrap = False
    box.text_frame.text = "This sentence is far too long for its little box"
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(24)
    deck = tmp_path / "overflow.pptx"
    prs.save(str(deck))
    assert 1 in stray_glyphs(deck, tmp_path)
