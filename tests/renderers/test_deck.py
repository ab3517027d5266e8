"""The deck, reopened with python-pptx: slides, tables, notes, alt text and properties."""
from __future__ import annotations

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu, Pt

from generator.text import plain, point
from helpers import normalise


def _deck(build):
    return Presentation(str(build[0] / "deck.pptx"))


def _slide_text(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if getattr(shape, "has_table", False) and shape.has_table:
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return normalise(" ".join(parts))


def test_deck_is_16_9_with_title_agenda_and_closing(default_build, default_kit):
    prs = _deck(default_build)
    assert round(Emu(prs.slide_width).inches, 2) == 13.33 and round(Emu(prs.slide_height).inches, 2) == 7.5
    texts = [_slide_text(s) for s in prs.slides]
    assert default_kit.content.title in texts[0]
    assert any(t.startswith("Agenda") or "Agenda" in t for t in texts[1:3])
    assert "Thank you" in texts[-1] and "example.org/police-cooperation" in texts[-1]


def test_every_section_title_and_point_is_on_a_slide(default_build, default_kit):
    everything = " ".join(_slide_text(s) for s in _deck(default_build).slides)
    for section in default_kit.content.sections:
        assert normalise(plain(section.title)) in everything
        for p in section.points:
            assert normalise(plain(point(p).text)) in everything, p


def test_table_is_a_real_table_with_header_repeated(big_build, big_kit):
    prs = _deck(big_build)
    tables = [sh.table for s in prs.slides for sh in s.shapes if getattr(sh, "has_table", False) and sh.has_table]
    incidents = big_kit.content.table("incidents")
    headers = [t for t in tables if t.cell(0, 0).text == incidents.columns[0]]
    assert len(headers) >= 2  # 30 rows do not fit one slide: split, header repeated
    body_rows = sum(len(t.rows) - 1 for t in headers)
    assert body_rows == len(incidents.rows)


def test_quiz_has_question_and_reveal_slides(default_build, default_kit):
    texts = [_slide_text(s) for s in _deck(default_build).slides]
    n = len(default_kit.content.quiz.questions)
    assert sum("Question 1 of 7" in t for t in texts) >= 2 or sum(f"of {n}" in t for t in texts) >= n


def test_every_content_slide_has_notes_and_every_picture_alt_text(big_build):
    prs = _deck(big_build)
    for i, slide in enumerate(prs.slides, start=1):
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip(), f"slide {i} has no notes"
        for shape in slide.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                descr = shape._element.nvPicPr.cNvPr.get("descr") or ""
                # real words, not a file path
                assert descr and " " in descr and not descr.lower().endswith((".png", ".jpg", ".jpeg")), (i, descr)
                assert not descr.startswith(("/", "assets", "file:")), (i, descr)


def _frames(shape):
    if getattr(shape, "has_table", False) and shape.has_table:
        return [cell.text_frame for row in shape.table.rows for cell in row.cells]
    if shape.has_text_frame and shape.top is not None and Emu(shape.top).inches <= 6.8:
        return [shape.text_frame]  # (footers and slide numbers below are small by design)
    return []


def _small_runs(prs):
    for number, slide in enumerate(prs.slides, start=1):
        for frame in (f for shape in slide.shapes for f in _frames(shape)):
            for para in frame.paragraphs:
                for run in para.runs:
                    if run.font.size is not None and run.text.strip() and run.font.size < Pt(18):
                        yield number, slide, run.text


def test_body_text_never_below_18_points(default_build):
    assert list(_small_runs(_deck(default_build))) == []


def test_long_questions_share_their_options_over_slides_at_18_points(big_build):
    prs = _deck(big_build)
    assert list(_small_runs(prs)) == []
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    assert any(t.startswith("Question 6 of 20 (1/2)") for t in titles)
    assert any(t.startswith("Question 6 of 20 (2/2)") for t in titles)


def test_a_question_that_cannot_fit_at_18_points_is_warned_about(tmp_path):
    from generator.kit import load_kit
    from generator.renderers import deck

    (tmp_path / "content.yaml").write_text(
        "title: T\nsummary: S\nsections: [{id: a, title: A}]\nquiz:\n  questions:\n"
        "    - question: Which?\n      options: [\"" + "word " * 400 + "\", short]\n      answer: b\n",
        encoding="utf-8")
    kit = load_kit(tmp_path / "content.yaml")
    deck.plan(kit)
    assert any(w.path == "quiz.questions[0]" and "18 pt" in w.message for w in kit.warnings)


def test_core_properties(default_build):
    props = _deck(default_build).core_properties
    assert props.title == "International Day of Police Cooperation"
    assert props.author == "Example City Police"
    assert props.language == "en"


def test_markup_like_text_is_kept_verbatim(big_build):
    everything = " ".join(_slide_text(s) for s in _deck(big_build).slides)
    for literal in ("AT&T", "a<b", "<b>not bold</b>", "&amp;"):
        assert literal in everything, literal
