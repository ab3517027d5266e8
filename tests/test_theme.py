"""Themes: found by name in templates/ beside the content or among the kit's own, never by path;
fonts from the kit's registry or from files inside the theme; partial themes."""
from __future__ import annotations

import pytest

from generator.errors import ContentError, TemplateError, UsageError
from generator.kit import load_kit
from generator.theme import find_theme, load_theme

CONTENT = """\
title: T
summary: S
sections:
  - id: a
    title: A
build:
  theme: {theme}
"""


def content(folder, theme):
    (folder / "content.yaml").write_text(CONTENT.format(theme=theme), encoding="utf-8")
    return folder / "content.yaml"


@pytest.mark.parametrize("name", ["/etc", "../..", "..", "../templates/default", "~/x", "a/b"])
def test_a_theme_is_a_name_not_a_path(tmp_path, name):
    with pytest.raises(ContentError, match="not a theme name|not found"):
        load_kit(content(tmp_path, f"'{name}'"))


def test_a_theme_beside_the_content_overrides_only_what_it_names(tmp_path):
    (tmp_path / "templates" / "mine").mkdir(parents=True)
    (tmp_path / "templates" / "mine" / "theme.yaml").write_text('colors:\n  primary: "#112233"\n', encoding="utf-8")
    kit = load_kit(content(tmp_path, "mine"))
    assert kit.theme.color("primary") == "#112233"
    assert kit.theme.color("secondary") == load_theme("default", tmp_path).color("secondary")


def test_a_theme_that_names_a_python_module_as_its_font_runs_nothing(tmp_path):
    (tmp_path / "payload.py").write_text("open('RAN', 'w').write('x')\n", encoding="utf-8")
    (tmp_path / "templates" / "evil").mkdir(parents=True)
    (tmp_path / "templates" / "evil" / "theme.yaml").write_text("fonts:\n  text: payload\n  package: payload\n",
                                                                encoding="utf-8")
    with pytest.raises(ContentError, match="not a font the kit knows"):
        load_kit(content(tmp_path, "evil"))
    assert not (tmp_path / "RAN").exists()


def test_theme_font_files_must_lie_inside_the_theme(tmp_path):
    (tmp_path / "templates" / "t").mkdir(parents=True)
    (tmp_path / "templates" / "t" / "theme.yaml").write_text("fonts:\n  text: {regular: ../../x.ttf}\n",
                                                             encoding="utf-8")
    with pytest.raises(ContentError, match="inside the theme folder"):
        load_kit(content(tmp_path, "t"))


def test_an_unknown_theme_on_the_command_line_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="--theme nope"):
        load_kit(content(tmp_path, "default"), {"theme": "nope"})


def test_the_kits_own_themes_are_found_from_anywhere(tmp_path):
    assert find_theme("default", tmp_path).name == "default"
    with pytest.raises(TemplateError):
        find_theme("nope", tmp_path)
