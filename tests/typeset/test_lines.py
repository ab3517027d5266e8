"""Setting paragraphs: font per character, break opportunities (never inside a web address's scheme),
greedy wrapping, very long words, right-to-left lines with their characters in logical order."""
from __future__ import annotations

import time

import pytest

from generator.fonts import FontSet, bundled
from generator.typeset.lines import Span, Style, Typesetter, break_points


@pytest.fixture(scope="module")
def fonts():
    return FontSet([bundled("arimo"), bundled("ibm-plex-sans-arabic")])


def lines(fonts, text, width, rtl=False, size=10):
    return Typesetter(fonts, rtl, "ar" if rtl else "en").set([Span(text, Style(size))], width).lines


def test_lines_fit_their_width_and_keep_every_character(fonts):
    text = "International police cooperation encompasses a wide range of activities, including these."
    out = lines(fonts, text, 120)
    assert len(out) > 2
    assert all(line.width <= 120.01 for line in out)
    assert " ".join(line.text for line in out) == text


def test_a_web_address_breaks_only_after_slashes_dots_and_the_like_never_in_its_scheme():
    text = "https://www.interpol.int/News-and-Events/News/2023/First-International-Day-of-Police-Cooperation"
    points = break_points(text)
    assert all(p > len("https://www.") for p in points)
    assert all(text[p - 1] in "/.-?&=_#" for p in points)


def test_a_web_address_set_in_a_narrow_column_never_splits_its_scheme(fonts):
    out = lines(fonts, "see https://press.un.org/en/2022/ga12484.doc.htm now", 70)
    assert not any(line.text.endswith(("ht", "htt", "https:", "https:/")) for line in out)
    assert any(line.text.startswith("https://") or "https://" in line.text for line in out)


def test_a_word_wider_than_the_line_is_broken_between_characters_quickly(fonts):
    word = "x" * 10_000
    started = time.perf_counter()
    out = lines(fonts, word, 100)
    assert time.perf_counter() - started < 5
    assert "".join(line.text for line in out) == word
    assert all(line.width <= 100.01 for line in out)


def test_no_break_inside_a_french_guillemet_or_before_a_colon(fonts):
    nn = "\u202f"
    text = f"Il a dit «{nn}coopération{nn}» et puis{nn}: fin " * 6
    out = lines(fonts, text, 90)
    for line in out:
        assert not line.text.startswith(("»", ":", nn)) and not line.text.endswith("«")


def test_arabic_letters_take_the_arabic_font_and_latin_the_latin_one(fonts):
    (line,) = lines(fonts, "منظمة INTERPOL", 400, rtl=True)
    faces = {seg.face.family for seg in line.segments}
    assert faces == {"Arimo", "IBM Plex Sans Arabic"}


def test_a_right_to_left_line_shows_its_first_word_at_the_right(fonts):
    (line,) = lines(fonts, "اليوم الدولي", 400, rtl=True)
    first = [c for c in line.chars if c.ch == "ا"][0]   # the first letter as written
    assert first.left > line.width / 2
    assert "".join(c.ch for c in line.chars) == "اليوم الدولي"


def test_a_latin_option_in_an_arabic_edition_reads_as_written(fonts):
    (line,) = lines(fonts, "A/RES/77/241 (2022)", 400, rtl=True)
    assert not line.bidi


def test_shaping_joins_arabic_letters(fonts):
    from generator.typeset.shaping import shape

    face = bundled("ibm-plex-sans-arabic").face("regular")
    joined = shape(face, "بتث", True).gids
    alone = [shape(face, ch, True).gids[0] for ch in "بتث"]
    assert set(joined).isdisjoint(alone)   # initial, medial and final forms, not the isolated ones


def test_a_web_address_never_breaks_inside_its_host_name():
    text = "see https://press.un.org/en/2022/ga12484.doc.htm and https://my-city-police.example.org"
    starts = [text[p:p + 4] for p in break_points(text)]
    for inside in ("un.o", "org/", "city", "poli", "exam"):
        assert inside not in starts, inside
    assert "en/2" in starts      # the path still breaks after its slashes


def test_office_wrapping_never_breaks_inside_a_web_address():
    text = "Check https://example.org/cyber-week/breach-check today"
    assert [text[p:] for p in break_points(text, web=False)] == ["https://example.org/cyber-week/breach-check today",
                                                                 "week/breach-check today", "check today", "today"]
