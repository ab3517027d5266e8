"""The default content is the seed article, complete and corrected per the fact check, in every output."""
from __future__ import annotations

from pptx import Presentation

from helpers import normalise, pdf_text


def test_default_content_is_complete(default_kit):
    c = default_kit.content
    assert len(c.faq) == 7 and len(c.quiz.questions) == 7 and len(c.sections) >= 7
    assert all(q.explanation and q.section for q in c.quiz.questions)
    assert c.table("organizations") is not None and len(c.table("organizations").rows) == 4
    assert c.sources and c.organization.website.startswith("https://example.org")


def _deck_text(path) -> str:
    prs = Presentation(str(path))
    parts = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
        parts.append(slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "")
    return normalise(" ".join(parts))


def test_the_fact_check_holds_in_every_output(default_build):
    folder, _ = default_build
    texts = {name: pdf_text(folder / name) for name in ("factsheet.pdf", "quiz.pdf", "quiz-key.pdf")}
    texts["deck.pptx"] = _deck_text(folder / "deck.pptx")
    texts["quiz.gift"] = (folder / "quiz.gift").read_text(encoding="utf-8")
    for name, text in texts.items():
        for wrong in ("July 1", "1st July", "in 2019", "Condor"):
            assert wrong not in text, (name, wrong)
        assert "7 September" in text, name
    for name in ("factsheet.pdf", "deck.pptx", "quiz-key.pdf"):
        assert "A/RES/77/241" in texts[name] and "2022" in texts[name], name
    for name in ("factsheet.pdf", "deck.pptx"):
        assert "Pangea" in texts[name] and "since 2023" in texts[name], name
    key = texts["quiz-key.pdf"]
    assert "B 7 September" in key and "C A/RES/77/241 (2022)" in key
