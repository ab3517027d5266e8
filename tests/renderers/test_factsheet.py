"""The fact sheet, read back from the PDF."""
from __future__ import annotations

import pytest
from pypdf import PdfReader

from generator.build import build
from generator.kit import load_kit
from generator.text import plain, point

from helpers import ROOT, normalise, pdf_text


def test_every_section_title_and_point_is_printed(default_build, default_kit):
    text = pdf_text(default_build[0] / "factsheet.pdf")
    for section in default_kit.content.sections:
        assert normalise(plain(section.title)) in text
        for p in section.points:
            pt = point(p)
            assert normalise(plain(pt.text)) in text, pt.text
            if pt.term:
                assert normalise(plain(pt.term)) + ":" in text


def test_table_sources_and_footer_are_printed(default_build, default_kit):
    text = pdf_text(default_build[0] / "factsheet.pdf")
    table = default_kit.content.tables[0]
    for row in table.rows:
        assert normalise(row[0]) in text
    for source in default_kit.content.sources:
        assert normalise(source.title) in text
    assert "Page 1 of 2" in text and "Page 2 of 2" in text
    assert "Example City Police" in text


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_default_content_fits_one_sheet_on_both_papers(tmp_path, paper):
    kit = load_kit(ROOT / "content.yaml", {"paper": paper, "outputs": ["factsheet"]})
    build(kit, tmp_path)
    reader = PdfReader(str(tmp_path / "en" / "factsheet.pdf"))
    assert len(reader.pages) <= 2
    width = float(reader.pages[0].mediabox.width)
    assert round(width) == (595 if paper == "A4" else 612)


def test_metadata_carries_title_author_subject_and_language(default_build):
    reader = PdfReader(str(default_build[0] / "factsheet.pdf"))
    meta = reader.metadata
    assert meta.title == "International Day of Police Cooperation"
    assert meta.author == "Example City Police"
    assert meta.subject
    assert reader.trailer["/Root"].get("/Lang") == "en"


def test_body_text_is_at_least_nine_points(default_kit):
    assert default_kit.theme.num("factsheet.body_size") >= 9


def test_fact_check_holds(default_build):
    text = pdf_text(default_build[0] / "factsheet.pdf")
    assert "7 September" in text and "A/RES/77/241" in text and "Pangea" in text
    for wrong in ("July 1", "73/254", "2019", "Condor"):
        assert wrong not in text


def test_markup_like_text_prints_as_typed(big_build):
    text = pdf_text(big_build[0] / "factsheet.pdf")
    for literal in ("AT&T", "a<b", "<b>not bold</b>", "&amp;", "Αστυνομία", "Полиция"):
        assert literal in text, literal
