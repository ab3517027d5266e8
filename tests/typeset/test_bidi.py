"""The Unicode bidi algorithm through python-bidi: levels of a paragraph and a line's visual order."""
from __future__ import annotations

from generator.typeset.bidi import has_rtl, levels, line_levels, visual_order


def test_a_left_to_right_paragraph_without_arabic_is_all_level_zero():
    assert set(levels("Hello world", False)) == {0}


def test_latin_and_digits_inside_arabic_are_embedded_left_to_right():
    text = "عام 2023 INTERPOL"
    lv = levels(text, True)
    assert lv[0] == 1                       # Arabic: right to left
    assert lv[text.index("2")] == 2         # digits: left to right inside
    assert lv[text.index("I")] == 2


def test_visual_order_reverses_right_to_left_runs_and_keeps_embedded_latin_in_order():
    text = "ابج ABC"
    order = visual_order(line_levels(text, levels(text, True), 1))
    shown = "".join(text[i] for i in order)
    assert shown == "ABC جبا"


def test_trailing_spaces_take_the_paragraph_level():
    text = "abc  "
    assert line_levels(text, [2, 2, 2, 2, 2], 1)[-2:] == [1, 1]


def test_has_rtl():
    assert has_rtl("abc د") and not has_rtl("abc 123")


def shown(text: str, rtl: bool = True) -> str:
    """The characters of a one-line paragraph left to right as shown (brackets at odd levels drawn mirrored)."""
    lv = line_levels(text, levels(text, rtl), 1 if rtl else 0)
    mirror = {"(": ")", ")": "("}
    return "".join(mirror.get(text[i], text[i]) if lv[i] % 2 else text[i] for i in visual_order(lv))


def test_a_bracket_pair_after_latin_stays_with_it_in_an_arabic_sentence():
    # rule N0: "(2022)" closes where the reference ends, not at the far left of the line
    assert shown("الإجابة: A/RES/77/241 (2022)").startswith("A/RES/77/241 (2022)")


def test_brackets_around_latin_inside_arabic_read_as_a_pair():
    out = shown("المصدر (INCB) ثم")
    assert "(INCB)" in out


def test_a_web_address_keeps_its_final_slash_inside_arabic():
    out = shown("المصدر https://www.incb.org/")
    assert out.startswith("https://www.incb.org/ ")


def test_the_full_stop_after_a_web_address_ends_the_arabic_sentence():
    out = shown("على الموقع https://example.org/x.")
    assert out.startswith(".https://example.org/x ")
