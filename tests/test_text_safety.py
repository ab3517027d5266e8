"""Any Unicode in any field prints verbatim in the PDFs and the deck, and long URLs wrap inside the page."""
from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
from pptx import Presentation

from generator.build import build
from generator.kit import load_kit
from helpers import pdf_text

URL = "https://example.org/" + "/".join(["segment"] * 8) + "/end-of-the-long-address"
HOSTILE = ["AT&T", "a<b", "<b>not bold</b>", "&amp;", "“quotes” and 'single'", "Αστυνομία", "Полиция"]


def _kit(tmp_path: Path, extra_point: str = ""):
    points = "\n".join(f"      - {json.dumps(value, ensure_ascii=False)}" for value in HOSTILE + [URL] + ([extra_point] if extra_point else []))
    (tmp_path / "content.yaml").write_text(f"""\
title: Text safety
summary: Everything prints as typed.
sections:
  - id: one
    title: Hostile but valid
    points:
{points}
quiz:
  questions:
    - question: Which is a company name?
      options: ["AT&T", "<b>not bold</b>"]
      answer: a
""", encoding="utf-8")
    return load_kit(tmp_path / "content.yaml")


def test_markup_like_text_is_verbatim_everywhere(tmp_path):
    kit = _kit(tmp_path)
    build(kit, tmp_path / "out")
    folder = tmp_path / "out" / "en"
    for pdf in ("factsheet.pdf", "quiz.pdf"):
        text = pdf_text(folder / pdf)
        assert "AT&T" in text and "<b>not bold</b>" in text
    assert "A AT&T" in pdf_text(folder / "quiz-key.pdf")
    sheet = pdf_text(folder / "factsheet.pdf")
    for value in HOSTILE:
        assert value in sheet, value
    deck = " ".join(sh.text_frame.text for s in Presentation(str(folder / "deck.pptx")).slides
                    for sh in s.shapes if sh.has_text_frame)
    for value in HOSTILE:
        assert value in deck, value


def test_long_urls_wrap_inside_the_page(tmp_path):
    kit = _kit(tmp_path)
    build(kit, tmp_path / "out")
    pdf = pdfium.PdfDocument(str(tmp_path / "out" / "en" / "factsheet.pdf"))
    for page in pdf:
        width = page.get_width()
        text = page.get_textpage()
        for i in range(text.count_chars()):
            left, _, right, _ = text.get_charbox(i)
            if text.get_text_range(i, 1).strip():
                assert 30 <= left and right <= width - 30, text.get_text_range(i, 1)  # inside the margins


def test_characters_no_font_has_get_a_located_warning(tmp_path):
    kit = _kit(tmp_path, extra_point="Well done 😀")
    warnings = [w for w in kit.warnings if "no bundled font" in w.message]
    assert warnings and warnings[0].line == 15 and "U+1F600" in warnings[0].message


def test_control_characters_never_make_a_corrupt_deck(tmp_path):
    kit = _kit(tmp_path, extra_point="bell\x07 and form\x0cfeed")
    assert any("control characters" in w.message for w in kit.warnings)
    build(kit, tmp_path / "out")
    deck = Presentation(str(tmp_path / "out" / "en" / "deck.pptx"))
    assert any("bell and formfeed" in sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame)
