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


def test_block_nesting_deeper_than_libyaml_can_recurse_is_refused_not_a_crash():
    # 100,000 "- " on one line crash LibYAML's composer (it recurses in C); the loader sees the depth first
    assert "nested too deeply" in _refused("a:\n" + "- " * 100_000 + "x\n")
    assert "nested too deeply" in _refused("a:\n" + "".join(" " * i + "- \n" for i in range(0, 3_000, 2)))


@pytest.mark.parametrize("text", ["a: one\u2028two\n", "columns: [Forma, ¿Quién puede ayudar?]\n", "a: one\x85two\n"])
def test_what_libyaml_reads_otherwise_is_read_as_yaml_1_2_says(text):
    from ruamel.yaml import YAML

    with pytest.raises(Exception):      # LibYAML (YAML 1.1) refuses these; the Python composer decides
        YAML(typ="safe", pure=False).compose(text)
    assert load_text(text, "c.yaml").data == YAML(typ="safe", pure=True).load(text)


def test_libyaml_and_the_python_composer_give_the_same_data_and_positions(monkeypatch):
    from pathlib import Path

    from generator import loader

    def read(text: str):
        try:
            got = load_text(text, "c.yaml")
            return got.data, got.positions, got.key_positions
        except ContentError as exc:
            return str(exc)

    root = Path(__file__).resolve().parent.parent
    files = [*root.glob("content*.yaml"), *root.glob("templates/**/*.yaml"), *root.glob("tests/roots/**/*.yaml")]
    texts = [path.read_bytes().decode("utf-8", "replace") for path in files]
    fast = [read(text) for text in texts]
    monkeypatch.setattr(loader, "_compose", lambda text: loader.YAML(typ="safe", pure=True).compose(text))
    slow = [read(text) for text in texts]
    assert sum(isinstance(f, tuple) for f in fast) > 40
    for path, f, s in zip(files, fast, slow):
        assert f == s, path
