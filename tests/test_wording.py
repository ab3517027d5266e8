"""Wording per language: every key in every catalogue, English fallback with a warning naming the key
(and the text tagged as English), and wording that can never run long."""
from __future__ import annotations

import pytest

from generator.errors import TemplateError
from generator.loader import load_file
from generator.theme import BUILTIN
from generator.wording import Wording

WORDING = BUILTIN / "default" / "wording"


CATALOGUED = ["fr", "es", "ar", "ru", "zh", "pt", "de", "hi", "ja"]


@pytest.mark.parametrize("language", CATALOGUED)
def test_every_catalogue_has_every_english_key(language):
    english = set(load_file(WORDING / "en.yaml").data)
    assert set(load_file(WORDING / f"{language}.yaml").data) == english


@pytest.mark.parametrize("language", CATALOGUED + ["pt-BR"])
def test_no_key_falls_back_to_english(language):
    w = Wording(BUILTIN / "default", language)
    for key in load_file(WORDING / "en.yaml").data:
        assert w._find(key)[1] in (language, language.split("-")[0]), key
    assert w.warnings() == []


def test_a_missing_key_falls_back_to_english_with_a_warning_naming_it(tmp_path):
    theme = tmp_path / "mine"
    (theme / "wording").mkdir(parents=True)
    (theme / "wording" / "it.yaml").write_text("agenda: Programma\n", encoding="utf-8")
    w = Wording(theme, "it")
    assert w.say("agenda") == "Programma" and w.say("agenda").language == "it"
    said = w.say("closing_title")
    assert said == "Thank you" and said.language == "en"
    (warning,) = w.warnings()
    assert "`closing_title`" in warning.message and warning.severity == "warning"


def test_french_wording_gets_french_typography():
    w = Wording(BUILTIN / "default", "fr")
    assert "\u202f:" in w.say("see", section="X")


@pytest.mark.parametrize("source", ["{{ range(10**9) | list }}", "{{ 'a' * 10**9 }}", "{% for i in range(9) %}x{% endfor %}",
                                    "{{ x.__class__ }}{{ lipsum() }}"])
def test_wording_that_could_run_long_is_refused(tmp_path, source):
    theme = tmp_path / "mine"
    (theme / "wording").mkdir(parents=True)
    (theme / "wording" / "en.yaml").write_text(f"agenda: \"{source}\"\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="not allowed|may only walk"):
        Wording(theme, "en").say("agenda", x=1)


def test_a_language_without_a_catalogue_gets_one_warning_naming_the_file_to_add(tmp_path):
    w = Wording(BUILTIN / "default", "sw")
    for key in ("agenda", "closing_title", "faq", "answer_key"):
        assert w.say(key).language == "en"
    (warning,) = w.warnings()
    assert "default/wording/sw.yaml" in warning.message and "generate --wording sw" in warning.message


def test_brazilian_portuguese_says_what_differs_and_takes_the_rest_from_portuguese():
    brazil, portugal = Wording(BUILTIN / "default", "pt-BR"), Wording(BUILTIN / "default", "pt")
    assert brazil.say("answer_key") == "Gabarito" and portugal.say("answer_key") == "Soluções"
    assert brazil.say("faq") == portugal.say("faq") == "Perguntas frequentes"


def test_catalogue_names_match_in_any_case(tmp_path):
    theme = tmp_path / "mine"
    (theme / "wording").mkdir(parents=True)
    (theme / "wording" / "PT-br.yaml").write_text("agenda: Pauta\n", encoding="utf-8")
    assert Wording(theme, "pt-BR").say("agenda") == "Pauta"


def test_the_starting_catalogue_has_every_key_with_the_english_as_comments():
    from generator.wording import starter

    text = starter("sw", BUILTIN / "default")
    data = load_file_text(text)
    assert set(data) == set(load_file(WORDING / "en.yaml").data)
    assert all(value is None for value in data.values())
    assert "# en: Frequently asked questions" in text
    filled = load_file_text(starter("pt-BR", BUILTIN / "default"))
    assert filled["answer_key"] == "Gabarito" and filled["faq"] == "Perguntas frequentes"


def load_file_text(text: str) -> dict:
    from ruamel.yaml import YAML

    return dict(YAML(typ="safe").load(text))


def test_generate_wording_prints_a_starting_catalogue(capsys):
    from generator.cli import main

    assert main(["--wording", "SW"]) == 0
    out = capsys.readouterr().out
    assert "templates/<theme>/wording/sw.yaml" in out and "\npage_x_of_y:\n" in out


def test_a_wording_compiled_once_is_taken_from_the_cache_and_a_refused_one_never_is(tmp_path, monkeypatch):
    from generator import wording

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    wording._compile.cache_clear()
    source = "{{ count }} question{% if count != 1 %}s{% endif %}"
    assert wording._compile(source, "w.yaml:3").render(count=2) == "2 questions"
    kept, = (tmp_path / "idpc-kit" / "wording").iterdir()
    wording._compile.cache_clear()
    monkeypatch.setattr(wording, "check", lambda *a: pytest.fail("checked and compiled again"))
    assert wording._compile(source, "w.yaml:3").render(count=1) == "1 question"
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    kept.write_bytes(b"damaged")
    wording._compile.cache_clear()
    assert wording._compile(source, "w.yaml:3").render(count=3) == "3 questions"   # compiled again
    for _ in range(2):
        wording._compile.cache_clear()
        with pytest.raises(TemplateError, match="loops are not allowed"):
            wording._compile("{% for x in range(9) %}{{ x }}{% endfor %}", "w.yaml:4")
    assert len(list((tmp_path / "idpc-kit" / "wording").iterdir())) == 1
    wording._compile.cache_clear()
