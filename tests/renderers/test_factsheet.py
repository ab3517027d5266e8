"""The fact sheet read back: the event up front, full columns, unbroken web addresses, the FAQ when it
fits, embedded fonts, right-to-left pages mirrored; and its planning decisions as pure unit tests."""
from __future__ import annotations

import re

import pytest

from generator.notes import Notes
from generator.page import QR, TextLine
from generator.renderers import factsheet
from helpers import LANGUAGES, build, pdf_fonts, pdf_page_texts, pdf_text, text_spans


def test_the_event_leads_page_one_at_ten_points_or_more(default_build):
    out = default_build[0]
    spans = text_spans(out / "en" / "factsheet.pdf", 0)
    text = "".join(ch for *_, ch in spans)
    for phrase in ("Open day at the central station", "Central Police Station, Main Hall", "10:00–16:00"):
        start = text.find(phrase.replace(" ", ""))
        assert start >= 0, phrase
        chars = [s for s in spans][start:start + len(phrase.replace(" ", ""))]
        assert min(size for _, _, size, _ in chars) >= 10, phrase
        assert max(y for _, y, _, _ in chars) < 842 / 3, phrase   # in the top third of the page


def test_the_event_box_has_a_qr_code_to_the_website(default_plans):
    doc = next(f.payload for f in default_plans["en"].files if f.name == "factsheet.pdf")
    codes = [i for i in doc.pages[0].items if isinstance(i, QR)]
    assert [c.text for c in codes] == ["https://example.org/police-cooperation"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_edition_fits_one_sheet_with_full_columns(default_plans, language):
    doc = next(f.payload for f in default_plans[language].files if f.name == "factsheet.pdf")
    assert len(doc.pages) <= 2
    fills = [fill for _, fill in doc.facts["columns"]]
    assert all(f >= 0.8 for f in fills[:-1]), fills


def test_the_faq_joins_when_it_fits_and_says_where_the_rest_are(default_build, default_plans):
    doc = next(f.payload for f in default_plans["en"].files if f.name == "factsheet.pdf")
    text = pdf_text(default_build[0] / "en" / "factsheet.pdf")
    count = doc.facts["faq"]
    assert count >= 1 and "Frequently asked questions" in text
    if count < 7:
        assert f"{7 - count} more questions and answers are in the slide deck and at" in text


def test_web_addresses_never_break_inside_their_scheme(default_build):
    for language in LANGUAGES:
        for page in pdf_page_texts(default_build[0] / language / "factsheet.pdf"):
            assert not re.search(r"\bht\s+tps?|https?:\s+//|https:/\s+/", page), page


def test_every_font_is_embedded_and_no_helvetica(default_build):
    for language in LANGUAGES:
        fonts = pdf_fonts(default_build[0] / language / "factsheet.pdf")
        assert fonts and all(fonts.values()), fonts
        assert not any("Helvetica" in name for name in fonts)
    assert any("IBMPlexSansArabic" in name for name in pdf_fonts(default_build[0] / "ar" / "factsheet.pdf"))


def test_body_text_is_at_least_nine_points(default_build):
    sizes = [size for page in (0, 1) for *_, size, _ in text_spans(default_build[0] / "en" / "factsheet.pdf", page)]
    small = [s for s in sizes if s < 8.9]
    assert len(small) < 0.12 * len(sizes)   # sources, footers and captions only
    assert min(sizes) >= 7.4


def test_the_arabic_sheet_is_right_aligned_and_reads_in_logical_order(default_build):
    from tagged import struct_text

    path = default_build[0] / "ar" / "factsheet.pdf"
    for text in (pdf_text(path), struct_text(path)):   # as a viewer copies it, and as a screen reader reads it
        for phrase in ("اليوم الدولي للتعاون الشرطي", "لمحة تاريخية", "يوم الأبواب المفتوحة في مركز الشرطة الرئيسي"):
            assert phrase in text, phrase
    assert "الأسئلة الشائعة" in pdf_text(path)
    spans = text_spans(path, 0)
    arabic = [x for x, y, _, ch in spans if "\u0600" <= ch <= "\u06ff" and y > 300]
    first = arabic[:300]    # in the order the page draws them: the right column comes first
    assert sum(x > 595 / 2 for x in first) > 0.9 * len(first)


def test_a_right_to_left_page_reads_its_right_column_first(default_plans):
    doc = next(f.payload for f in default_plans["ar"].files if f.name == "factsheet.pdf")
    lines = [i for i in doc.pages[0].items if isinstance(i, TextLine) and i.y > 300 and i.line.bidi]
    right = [i for i in lines if i.x > 595 / 2]
    left = [i for i in lines if i.x + i.line.width < 595 / 2]
    assert right and left and all(abs(i.x + i.line.width - right[0].x - right[0].line.width) < 25 for i in right[:5])


SHORT = """\
title: Day
summary: One sentence about the day.
sections:
  - id: a
    title: About
    text: A short paragraph.
faq:
""" + "".join(f"  - question: Question {n}?\n    answer: Answer {n} in a few words.\n" for n in range(1, 6))


def test_the_faq_decision_is_made_in_planning(tmp_path):
    """A short sheet takes the whole FAQ; a long one takes as many whole questions as fit (or none)."""
    from generator.kit import load_kit

    (tmp_path / "content.yaml").write_text(SHORT, encoding="utf-8")
    kit = load_kit(tmp_path / "content.yaml")
    doc = factsheet.document(kit, Notes(kit))
    assert doc.facts["faq"] == 5 and len(doc.pages) == 1
    long = SHORT.replace("    text: A short paragraph.\n", "    text: " + "Long text. " * 5000 + "\n")
    (tmp_path / "content.yaml").write_text(long, encoding="utf-8")
    kit = load_kit(tmp_path / "content.yaml")
    notes = Notes(kit)
    doc = factsheet.document(kit, notes)
    assert doc.facts["faq"] < 5
    assert len(doc.pages) > 2 and any("budget" in w.message for w in notes.items)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_long_table_heavy_content_keeps_columns_full_on_both_papers(big_build, paper, tmp_path):
    from helpers import ROOTS

    written, plans, _ = build(ROOTS / "big" / "content.yaml", tmp_path, ["factsheet"], paper=paper)
    doc = plans[0].files[0].payload
    fills = [fill for _, fill in doc.facts["columns"]]
    assert all(f >= 0.8 for f in fills[:-1]), fills
    pages = pdf_page_texts(written[0].path)
    assert len(pages) == len(doc.pages)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_edition_prints_on_one_letter_sheet_too_and_says_where_the_faq_is(tmp_path, language):
    """Letter is shorter than A4: a few lines over are set a little smaller rather than printed on a
    third page, and an FAQ that finds no room is pointed to (the deck and the website)."""
    from helpers import copy_default

    written, plans, kits = build(copy_default(tmp_path), tmp_path / "out", ["factsheet", "deck"], language,
                                 paper="Letter")
    doc = next(f.payload for f in plans[0].files if f.name == "factsheet.pdf")
    assert len(doc.pages) == 2
    text = pdf_text(next(w.path for w in written if w.path.name == "factsheet.pdf"))
    assert str(kits[0].say("faq")) in text
    assert "example.org/police-cooperation" in text.split(str(kits[0].say("faq")))[-1]


def test_a_long_title_gets_a_taller_band_and_stays_clear_of_the_edges(tmp_path):
    long_title = "International Day against Drug Abuse and Illicit Trafficking in Every Community of the Region"
    (tmp_path / "content.yaml").write_text(SHORT.replace("title: Day\n", f"title: {long_title}\nsubtitle: Prevention, care and safer communities\ndate: 26 June\n"), encoding="utf-8")
    from generator.kit import load_kit
    from generator.page import Rect

    kit = load_kit(tmp_path / "content.yaml")
    page = factsheet.document(kit, Notes(kit)).pages[0]
    band = next(i for i in page.items if isinstance(i, Rect))
    lines = [i for i in page.items if isinstance(i, TextLine) and i.y < band.h]
    title = [i for i in lines if i.line.text in long_title]
    assert 1 < len(title) <= 2
    assert band.h > 30 * factsheet.MM                        # grown past the theme's 30 mm
    assert min(i.y - i.line.ascent for i in lines) >= 5 * factsheet.MM
    assert max(i.y + i.line.descent for i in lines) <= band.h - 5 * factsheet.MM


def test_a_footer_part_wider_than_the_page_wraps_inside_it(tmp_path):
    place = "Hall B https://example.org/" + "a" * 160
    (tmp_path / "content.yaml").write_text(SHORT + f"event:\n  name: Open day\n  place: \"{place}\"\n",
                                           encoding="utf-8")
    from generator.kit import load_kit

    kit = load_kit(tmp_path / "content.yaml")
    for page in factsheet.document(kit, Notes(kit)).pages:
        for item in page.items:
            if isinstance(item, TextLine):
                assert 0 <= item.x and item.x + item.line.width <= page.width + 0.5, item.line.text
