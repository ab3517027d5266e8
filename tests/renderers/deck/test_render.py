"""Decks rendered by LibreOffice: every glyph inside its own shape, in every language of the default
kit, on every test template, for the stress content and for content written from scratch."""
from __future__ import annotations

import pytest

from helpers import LANGUAGES, ROOTS, build, copy_default, stray_glyphs

pytestmark = [pytest.mark.slow, pytest.mark.render]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_default_deck_has_no_overflow(default_build, tmp_path, language):
    assert stray_glyphs(default_build[0] / language / "deck.pptx", tmp_path) == {}


def test_the_stress_deck_has_no_overflow(big_build, tmp_path):
    assert stray_glyphs(big_build[0] / "deck.pptx", tmp_path) == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_scratch_editions_have_no_overflow(editions_build, tmp_path, language):
    assert stray_glyphs(editions_build[0] / language / "deck.pptx", tmp_path) == {}


@pytest.mark.parametrize("name", ["pptx-default.pptx", "libreoffice.pptx", "inherited-16x9.pptx",
                                  "renamed-reordered.pptx", "four-three.pptx", "off-slide.pptx", "corporate.potx",
                                  "resaved.pptx"])
def test_template_decks_have_no_overflow(tmp_path, name):
    written, _, _ = build(copy_default(tmp_path), tmp_path / "out", ["deck"],
                          deck_template=str(ROOTS / "templates" / name))
    for w in written:
        if w.path.parent.name in ("en", "ar"):
            assert stray_glyphs(w.path, tmp_path / w.path.parent.name) == {}, (name, w.path.parent.name)


def test_the_check_can_fail(tmp_path):
    """A deck whose text runs out of its box is caught (the render test is not a test that cannot fail)."""
    from pptx import Presentation
    from pptx.util import Inches, Pt

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(2), Inches(0.5))
    box.text_frame.word_wrap = True
    box.text_frame.text = "far too much text for a small box " * 10
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(28)
    prs.save(tmp_path / "bad.pptx")
    assert stray_glyphs(tmp_path / "bad.pptx", tmp_path)
