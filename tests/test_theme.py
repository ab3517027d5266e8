"""Themes: found by name in templates/ beside the content or among the kit's own, never by path;
fonts from the kit's registry or from files inside the theme; partial themes."""
from __future__ import annotations

import pytest

from generator.errors import ContentError, TemplateError, UsageError
from generator.kit import load_kit
from generator.theme import BUILTIN, find_theme, load_theme

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


def test_a_theme_with_a_wrong_value_and_an_unknown_key_exits_1_naming_both_at_their_lines(tmp_path, capsys,
                                                                                          monkeypatch):
    from generator import cli

    (tmp_path / "templates" / "mine").mkdir(parents=True)
    (tmp_path / "templates" / "mine" / "theme.yaml").write_text(
        "# my theme\nfactsheet:\n  body_size: nine\n  colum_gap: 5\ncolors:\n  primary: 112233\n",
        encoding="utf-8")
    content(tmp_path, "mine")
    monkeypatch.chdir(tmp_path)
    code = cli.main(["content.yaml", "-o", "out"])
    err = capsys.readouterr().err
    assert code == 1, err
    theme = "templates/mine/theme.yaml"
    assert f"{theme}:3:14: factsheet.body_size: 'nine' is not a number; write a number such as 9.5" in err, err
    assert f"{theme}:4:3: factsheet.colum_gap: unknown key `colum_gap`; did you mean `column_gap`?" in err, err
    assert f"{theme}:6:12: colors.primary: '112233' is not a colour; write it as #RRGGBB" in err, err
    assert "3 problems found" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("theme, expected", [
    ("deck:\n  body_size: 0\n", "theme.yaml:2:14: deck.body_size: 0 is out of range; use more than 0"),
    ("deck:\n  accent_rule: 1.6\n", "theme.yaml:2:16: deck.accent_rule: expected a list such as [1.6, 0.07]"),
    ("deck: big\n", "theme.yaml:1:7: deck: expected `key: value` lines under this key"),
    ("fonts:\n  text: comic\n", "theme.yaml:2:9: fonts.text: 'comic' is not a font the kit knows"),
    ("fonts:\n  text: {regular: a.ttf, boldd: b.ttf}\n",
     "theme.yaml:2:26: fonts.text.boldd: unknown key `boldd`; did you mean `bold`?"),
    ("quiz:\n  tight:\n    leading: 9\n", "theme.yaml:3:14: quiz.tight.leading: 9 is out of range; use at most 3"),
    ("sizes: {}\n", "theme.yaml:1:1: sizes: unknown key `sizes`; known keys here: name, fonts, colors"),
])
def test_each_theme_problem_is_located_and_says_what_to_write(tmp_path, theme, expected):
    (tmp_path / "templates" / "t").mkdir(parents=True)
    (tmp_path / "templates" / "t" / "theme.yaml").write_text(theme, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_kit(content(tmp_path, "t"))
    assert expected in str(caught.value)


def test_every_key_of_the_theme_schema_has_a_docstring_and_a_default_value():
    import importlib
    import pkgutil

    from pydantic import BaseModel

    from generator import themeschema

    assert not themeschema.Theme.model_fields["colors"].description   # builds leave the docstrings unread
    modules = [themeschema] + [importlib.import_module(f"{themeschema.__name__}.{found.name}")
                               for found in pkgutil.iter_modules(themeschema.__path__)]
    models = [m for module in modules for m in vars(module).values() if isinstance(m, type)
              and issubclass(m, BaseModel) and m.__module__ == module.__name__ and not m.__name__.startswith("_")]
    assert len(modules) >= 7 and len(models) >= 17
    for model in models:
        assert model.__doc__, model.__name__
        documented = _field_docstrings(model)
        for name in model.model_fields:
            assert documented.get(name, "").strip(), f"{model.__module__}.{model.__name__}.{name} has no docstring"
    default = load_theme("default", BUILTIN).data
    for section in ("factsheet", "quiz", "poster", "deck", "colors"):
        model = themeschema.Theme.model_fields[section].annotation
        assert set(default[section]) == set(model.model_fields), section   # the default theme sets every key


def _field_docstrings(model) -> dict[str, str]:
    """The string right under each field of a model's class, the one pydantic's use_attribute_docstrings
    would read (builds do not ask it to: it costs them 50 ms), read from the source with ast."""
    import ast
    import inspect

    body = ast.parse(inspect.getsource(model)).body[0].body
    return {field.target.id: doc.value.value for field, doc in zip(body, body[1:])
            if isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name) and isinstance(doc, ast.Expr)
            and isinstance(doc.value, ast.Constant) and isinstance(doc.value.value, str)}


def test_a_theme_checked_once_is_taken_from_the_cache_exactly_as_checked(tmp_path, monkeypatch):
    from generator import theme as themes

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "templates" / "mine"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("colors:\n  primary: '#224466'\nfactsheet:\n  body_size: 9.5\n")
    first = load_theme("mine", tmp_path).data
    kept = list((tmp_path / "cache" / "idpc-kit" / "themes").iterdir())
    assert len(kept) == 1

    def no_pydantic(*args):
        raise AssertionError("checked again")
    monkeypatch.setattr(themes, "_validated", no_pydantic)
    again = load_theme("mine", tmp_path).data
    assert again == first and repr(again) == repr(first)    # tuples stay tuples, numbers stay numbers
    assert again["colors"]["primary"] == "#224466" and again["factsheet"]["body_size"] == 9.5
    (folder / "theme.yaml").write_text("colors:\n  primary: '#224467'\n")
    with pytest.raises(AssertionError, match="checked again"):   # other data: checked, not taken
        load_theme("mine", tmp_path)
    kept[0].write_bytes(b"not marshal data")
    (folder / "theme.yaml").write_text("colors:\n  primary: '#224466'\nfactsheet:\n  body_size: 9.5\n")
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert load_theme("mine", tmp_path).data == first             # a damaged entry is checked again


def test_a_theme_with_a_problem_is_never_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "templates" / "mine"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("factsheet:\n  body_size: nine\n")
    for _ in range(2):
        with pytest.raises(ContentError, match="not a number"):
            load_theme("mine", tmp_path)
    assert not (tmp_path / "cache" / "idpc-kit" / "themes").exists()
