"""The default kit: the seed article corrected per the fact check, complete in four languages, and the
corrected facts in every output of every language; no English wording left in the other editions."""
from __future__ import annotations

import re

import pytest

from generator.renderers.exports import GIFT_NAME
from helpers import LANGUAGES, deck, notes_text, pdf_text

FACTS = {"en": ["7 September", "A/RES/77/241", "Pangea"], "fr": ["7 septembre", "A/RES/77/241", "Pangea"],
         "es": ["7 de septiembre", "A/RES/77/241", "Pangea"], "ar": ["سبتمبر", "A/RES/77/241", "بانجيا"]}
ENGLISH_WORDING = ["Answer key", "Name", "Score", "Select all that apply", "See:", "Page 1 of", "Frequently asked",
                   "Question 1 of", "Thank you", "Find out more", "Join us", "Scan for more", "Sources",
                   "Read the question aloud", "Test your knowledge"]


def deck_text(path) -> str:
    prs = deck(path)
    return " ".join(shape.text_frame.text for s in prs.slides for shape in s.shapes if shape.has_text_frame) + \
        " ".join(notes_text(s) for s in prs.slides)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_corrected_facts_reach_every_output(default_build, language):
    out = default_build[0] / language
    texts = {name: pdf_text(out / name) for name in ("factsheet.pdf", "quiz.pdf", "quiz-key.pdf", "poster.pdf")}
    texts["deck"] = deck_text(out / "deck.pptx")
    texts["gift"] = (out / GIFT_NAME).read_text(encoding="utf-8")
    for name in ("factsheet.pdf", "deck"):
        for fact in FACTS[language]:
            assert fact in texts[name], (name, fact)
    for name in ("quiz-key.pdf", "gift"):   # the quiz asks about the day and the resolution
        for fact in FACTS[language][:2]:
            assert fact in texts[name], (name, fact)
    for text in texts.values():
        assert "Condor" not in text and "July 1st" not in text and "73/254 established" not in text


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_no_english_wording_is_left(default_build, language):
    out = default_build[0] / language
    texts = [pdf_text(out / name) for name in ("factsheet.pdf", "quiz.pdf", "quiz-key.pdf", "poster.pdf")]
    texts.append(deck_text(out / "deck.pptx"))
    same = {"fr": {"Sources", "Score"}, "es": set(), "ar": set()}[language]   # words the languages share
    for text in texts:
        for phrase in ENGLISH_WORDING:
            assert phrase in same or phrase not in text, (language, phrase)


def test_every_language_has_no_wording_warnings(default_build):
    for plans in default_build[2]:
        assert not [w for w in plans.warnings if "wording" in w.message], plans.language


def test_the_french_edition_is_set_in_french_typography(default_build):
    text = pdf_text(default_build[0] / "fr" / "factsheet.pdf")
    assert not re.search(r"\w[:;!?]( |$)", text.replace("https:", "").replace("http:", ""))


def test_dates_come_from_each_languages_own_forms(default_build):
    out = default_build[0]
    assert "7 September 2027" in pdf_text(out / "en" / "poster.pdf")   # international English, as the day is written
    assert "7 septembre 2027" in pdf_text(out / "fr" / "poster.pdf")
    assert "7 de septiembre de 2027" in pdf_text(out / "es" / "poster.pdf")
    assert "سبتمبر 2027" in pdf_text(out / "ar" / "poster.pdf")


def test_an_american_edition_writes_its_dates_the_american_way(tmp_path):
    from generator.kit import long_date
    import datetime as dt

    assert long_date(dt.date(2027, 9, 7), "en-US") == "September 7, 2027"
    assert long_date(dt.date(2027, 9, 7), "en") == "7 September 2027"


def test_a_time_range_is_printed_with_an_en_dash(default_build):
    assert "10:00–16:00" in pdf_text(default_build[0] / "en" / "poster.pdf")
    assert "10:00-16:00" not in pdf_text(default_build[0] / "en" / "factsheet.pdf")
