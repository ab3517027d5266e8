"""Where lines break: UAX #14 with the East Asian rules in Chinese and Japanese, and nowhere inside what a
reader takes as one thing (a time range, a phone number, a date, a number with its unit, a code); a line
never begins with the separator "·", and the parts between separators stay whole where they fit."""
from __future__ import annotations

import pytest

from generator.fonts import FontSet, bundled
from generator.typeset.breaking import break_points
from generator.typeset.lines import Span, Style, Typesetter

CLOSING = set("、。，．：；？！）」』】〕〉》”’ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ・")
OPENING = set("（「『【〔〈《“‘")


def pieces(text: str) -> list[str]:
    points = [0] + list(break_points(text)) + [len(text)]
    return [text[a:b].strip() for a, b in zip(points, points[1:])]


@pytest.mark.parametrize("whole", ["10:00–16:00", "10 h – 16 h", "9:30 am - 5 pm", "+44 20 7946 0000",
                                   "0800 555 0199", "7 September 2027", "September 7, 2027",
                                   "7 de setembro de 2027", "7 сентября 2027 г.", "30 mm", "12,5 %",
                                   "COVID-19", "ISO 27001", "Version B", "2027-09-07", "9月7日", "1923年"])
def test_what_reads_as_one_thing_never_breaks(whole):
    text = f"Come along {whole} and bring a friend"
    assert whole in pieces(text) or any(whole in p for p in pieces(text)), pieces(text)


@pytest.mark.parametrize("text, whole", [("Friday 7 September 2027", "7 September 2027"),
                                         ("Open Sunday 7 सितंबर 2027", "7 सितंबर 2027"),
                                         ("Meet 12 apples, then 3 mars", "3 mars")])
def test_a_date_is_found_after_a_word_that_is_not_a_month(text, whole):
    assert whole in pieces(text), pieces(text)
    assert "12 apples" not in pieces(text)      # a number and a word that is no month still break


def test_month_names_come_from_cldr_once_then_from_the_cache(tmp_path, monkeypatch):
    from babel.dates import get_month_names

    from generator.typeset import breaking

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    breaking._months.cache_clear()
    made = breaking._months()
    assert {"septembre", "setembro", "сентября", "सितंबर", "سبتمبر"} <= made
    assert {n.lower() for n in get_month_names("wide", locale="de").values()} <= made
    kept, = (tmp_path / "idpc-kit" / "cldr").iterdir()
    kept.write_text(kept.read_text(encoding="utf-8") + "\nnotamonth", encoding="utf-8")
    breaking._months.cache_clear()
    assert "notamonth" in breaking._months()           # read back from the cache, not from CLDR
    kept.write_text("something else\nnotamonth", encoding="utf-8")
    breaking._months.cache_clear()
    assert breaking._months() == made                  # a file not in the cache's format is made again
    breaking._months.cache_clear()


def test_a_line_never_begins_with_the_separator():
    text = "Open day · 7 September 2027 · 10:00–16:00 · Central Police Station"
    assert not any(p.startswith("·") for p in pieces(text))


def test_the_parts_between_separators_stay_whole_where_they_fit():
    fonts = FontSet([bundled("arimo")])
    text = "Open day at the station · 7 September 2027 · 10:00–16:00 · Central Police Station, Main Street"
    setter = Typesetter(fonts, language="en")
    width = setter.natural_width([Span("Open day at the station · 7 September 2027 ·", Style(10))]) + 20
    lines = [line.text for line in setter.set([Span(text, Style(10))], width).lines]
    assert lines[0].endswith("·") and lines[1].startswith("10:00–16:00"), lines


def test_hyphenated_words_still_break_but_codes_do_not():
    assert pieces("a cyber-week event") == ["a", "cyber-", "week", "event"]
    assert "COVID-19" in pieces("after COVID-19 ended")


def test_chinese_breaks_between_characters_but_never_before_closing_or_after_opening_punctuation():
    text = "国际警察合作日于每年9月7日举行，旨在纪念1923年国际刑警组织的成立。他说：「你好」（第77/241号决议）。"
    parts = pieces(text)
    assert "国" in parts and "1923年" in parts
    assert not any(p[0] in CLOSING for p in parts if p)
    assert not any(p[-1] in OPENING for p in parts if p)
    assert "".join(parts) == text


def test_japanese_small_kana_and_the_long_vowel_mark_never_begin_a_line():
    text = "ちょっとコーヒーを飲みましょう。インターポールは1923年に設立されました。"
    assert not any(p[0] in CLOSING for p in pieces(text))


def test_latin_text_breaks_as_before_after_spaces():
    assert pieces("Police forces of 196 countries") == ["Police", "forces", "of", "196", "countries"]
