"""Wording per language: every key in every catalogue, English fallback with a warning naming the key
(and the text tagged as English), and wording that can never run long."""
from __future__ import annotations

import pytest

from generator.errors import TemplateError
from generator.loader import load_file
from generator.theme import BUILTIN
from generator.wording import Wording

WORDING = BUILTIN / "default" / "wording"


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_every_catalogue_has_every_english_key(language):
    english = set(load_file(WORDING / "en.yaml").data)
    assert set(load_file(WORDING / f"{language}.yaml").data) == english


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_no_key_falls_back_to_english(language):
    w = Wording(BUILTIN / "default", language)
    for key in load_file(WORDING / "en.yaml").data:
        assert w._find(key)[1] == language, key
    assert w.warnings() == []


def test_a_missing_key_falls_back_to_english_with_a_warning_naming_it(tmp_path):
    theme = tmp_path / "mine"
    (theme / "wording").mkdir(parents=True)
    (theme / "wording" / "pt.yaml").write_text("agenda: Agenda do dia\n", encoding="utf-8")
    w = Wording(theme, "pt")
    assert w.say("agenda") == "Agenda do dia" and w.say("agenda").language == "pt"
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
