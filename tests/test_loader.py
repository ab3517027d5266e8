"""Loading YAML: text stays text, positions are kept, and hostile files are refused quickly."""
from __future__ import annotations

import pytest

from generator.errors import ContentError
from generator.loader import load_text


def test_scalars_are_text_not_booleans_or_numbers():
    loaded = load_text("options: [Yes, No, on, off, true]\nanswer: no\ntitle: 1984\ndate: 7 September\n", "c.yaml")
    assert loaded.data == {"options": ["Yes", "No", "on", "off", "true"], "answer": "no", "title": "1984",
                           "date": "7 September"}


def test_null_stays_none_but_quoted_null_is_text():
    assert load_text("a: null\nb: 'null'\nc:\n", "c.yaml").data == {"a": None, "b": "null", "c": None}


def test_every_key_keeps_its_line_and_column():
    loaded = load_text("sections:\n  - id: a\n    points:\n      - one\n      - two\n", "c.yaml")
    assert loaded.where(("sections", 0, "points", 1)) == (5, 9)
    assert loaded.where(("sections", 0, "id")) == (2, 9)


def _refused(text: str) -> str:
    with pytest.raises(ContentError) as exc:
        load_text(text, "c.yaml")
    return str(exc.value)


def test_python_tags_are_refused():
    assert "not allowed" in _refused("a: !!python/object/apply:os.system ['echo hi']\n")


def test_billion_laughs_is_refused_quickly():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    message = _refused("\n".join(lines) + "\n")  # 9**10 values if expanded: refused after 200,000
    assert "too many values" in message


def test_deep_nesting_is_refused():
    assert "nested too deeply" in _refused("a: " + "[" * 200 + "]" * 200 + "\n")


def test_duplicate_keys_are_reported():
    assert "appears twice" in _refused("title: a\ntitle: b\n")


def test_control_characters_are_removed_with_a_warning():
    loaded = load_text("title: bad\x07bell\n", "c.yaml")
    assert loaded.data["title"] == "badbell"
    assert "U+0007" in loaded.warnings[0].message and loaded.warnings[0].line == 1
