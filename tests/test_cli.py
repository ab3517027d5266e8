"""The `generate` command as a user meets it: what it prints, its exit codes, and what it leaves on disk."""
from __future__ import annotations

import json
import shutil

import pytest

from generator.cli import main
from helpers import ROOT

MINIMAL = """\
title: Minimal kit
summary: One sentence.
sections:
  - id: intro
    title: Intro
    points: [First point]
build:
  outputs: [factsheet]
"""


@pytest.fixture
def minimal(tmp_path, monkeypatch):
    (tmp_path / "content.yaml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_no_arguments_builds_content_yaml_into_output(minimal, capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "output/en/factsheet.pdf  (1 page)" in out
    assert (minimal / "output" / "en" / "factsheet.pdf").exists()
    assert out.splitlines()[-1].endswith(" s") and "1 language" in out.splitlines()[-1]


def test_no_arguments_builds_every_language_of_the_default_kit(tmp_path, monkeypatch, capsys):
    for path in ROOT.glob("content*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.chdir(tmp_path)
    assert main([]) == 0
    for lang in ("en", "fr", "es", "ar"):
        names = {p.name for p in (tmp_path / "output" / lang).iterdir()}
        assert {"factsheet.pdf", "deck.pptx", "quiz.pdf", "quiz-key.pdf", "poster.pdf", "index.html",
                "event.ics"} <= names, lang
    assert main(["--lang", "fr", "-o", "fr-only"]) == 0
    assert sorted(p.name for p in (tmp_path / "fr-only").iterdir() if not p.name.startswith(".")) == \
        ["fr", "index.html"]   # the edition, and the page that lists the editions
    assert main(["--lang", "de"]) == 2
    assert "no de edition" in capsys.readouterr().err


def test_check_writes_nothing(minimal, capsys):
    assert main(["--check"]) == 0
    assert "OK" in capsys.readouterr().out
    assert not (minimal / "output").exists()


def test_content_problem_exits_1_without_traceback_and_writes_nothing(minimal, capsys):
    (minimal / "content.yaml").write_text(MINIMAL.replace("points:", "poinst:"), encoding="utf-8")
    assert main([]) == 1
    err = capsys.readouterr().err
    assert "content.yaml:6:5: sections[0].poinst: unknown key `poinst`; did you mean `points`?" in err
    assert "Traceback" not in err
    assert not (minimal / "output").exists()


def test_usage_problems_exit_2(minimal, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--versions", "27"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["--only", "brochure"])
    assert exc.value.code == 2
    assert main(["missing.yaml"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_flags_override_build_settings_and_paper_names_have_any_case(minimal, capsys):
    assert main(["--paper", "letter", "-o", "elsewhere"]) == 0
    from pypdf import PdfReader
    page = PdfReader(str(minimal / "elsewhere" / "en" / "factsheet.pdf")).pages[0]
    assert round(float(page.mediabox.width)) == 612


def test_schema_is_draft_2020_12_with_descriptions(capsys):
    assert main(["--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "sections" in schema["required"]
    assert schema["properties"]["language"]["description"]


def test_internal_bug_prints_traceback_under_a_header(minimal, capsys, monkeypatch):
    import generator.renderers.factsheet as factsheet

    def boom(kit, notes):
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr(factsheet, "document", boom)
    assert main([]) == 3
    err = capsys.readouterr().err
    assert "this is a bug, please report it" in err and "Traceback" in err


def test_failed_build_leaves_previous_outputs_byte_identical(minimal, monkeypatch, capsys):
    assert main([]) == 0
    before = (minimal / "output" / "en" / "factsheet.pdf").read_bytes()
    (minimal / "content.yaml").write_text(MINIMAL.replace("First point", "Changed point")
                                          .replace("[factsheet]", "[factsheet, quiz]"), encoding="utf-8")
    import generator.renderers as renderers

    real = renderers.writer

    def interrupted(name):
        if name == "pdf":
            def stop(payload, path):
                raise KeyboardInterrupt
            return stop
        return real(name)

    monkeypatch.setattr(renderers, "writer", interrupted)
    assert main([]) == 130
    assert "the previous outputs are unchanged" in capsys.readouterr().err
    assert (minimal / "output" / "en" / "factsheet.pdf").read_bytes() == before
    assert sorted(p.name for p in (minimal / "output" / "en").iterdir()) == [".generated", "factsheet.pdf"]


def test_unwritable_output_folder_gets_a_clear_message_and_its_own_exit_code(minimal, capsys):
    # A folder path that runs through a file cannot be created, even by root.
    assert main(["-o", str(minimal / "content.yaml" / "out")]) == 4
    err = capsys.readouterr().err
    assert "cannot create the output folder" in err and "Traceback" not in err and "bug" not in err


def test_python_dash_m_generator_runs(minimal):
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-m", "generator", "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_check_also_reports_the_planners_warnings(tmp_path, monkeypatch, capsys):
    for path in ROOT.glob("content*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.chdir(tmp_path)
    assert main(["--check"]) == 0
    err = capsys.readouterr().err
    assert "warning: quiz.questions[1]: shortened with '…' in quiz-kahoot.xlsx" in err
    assert main(["--check", "--strict"]) == 1


def test_an_unusable_deck_template_is_refused_before_anything_is_built(minimal, capsys):
    (minimal / "not-a-deck.pptx").write_text("not a presentation", encoding="utf-8")
    assert main(["--deck-template", "not-a-deck.pptx", "--only", "factsheet,deck"]) == 1
    err = capsys.readouterr().err
    assert "it is not a PowerPoint file" in err and "Traceback" not in err
    assert not (minimal / "output").exists()
