"""Look and wording come from templates/: a user's theme changes them without Python, and its mistakes are located."""
from __future__ import annotations

import shutil

import pytest

from generator.build import build
from generator.cli import main
from generator.kit import load_kit
from helpers import ROOT, pdf_text


@pytest.fixture
def project(tmp_path):
    shutil.copy(ROOT / "content.yaml", tmp_path / "content.yaml")
    theme = tmp_path / "templates" / "mine"
    (theme / "labels").mkdir(parents=True)
    (theme / "theme.yaml").write_text("colors:\n  primary: \"#5A1E6E\"\n", encoding="utf-8")
    return tmp_path, theme


def test_a_partial_theme_overrides_only_what_it_names(project):
    folder, theme = project
    (theme / "labels" / "en.yaml").write_text("answer_key: Solutions\nname: Full name\n", encoding="utf-8")
    kit = load_kit(folder / "content.yaml", {"theme": "mine", "outputs": ["quiz"]})
    assert kit.theme.color("primary") == "#5A1E6E"
    assert kit.theme.color("secondary") == load_kit(folder / "content.yaml").theme.color("secondary")
    build(kit, folder / "out")
    assert "Solutions" in pdf_text(folder / "out" / "en" / "quiz-key.pdf")
    assert "Full name" in pdf_text(folder / "out" / "en" / "quiz.pdf")


def test_a_broken_label_template_is_reported_with_its_file_and_line(project, capsys, monkeypatch):
    folder, theme = project
    (theme / "labels" / "en.yaml").write_text("name: Name\nanswer_key: \"{{ oops \"\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    assert main(["--theme", "mine", "--only", "quiz"]) == 1
    err = capsys.readouterr().err
    assert f"{theme / 'labels' / 'en.yaml'}:2:" in err and "template error" in err and "Traceback" not in err
    assert not (folder / "output").exists()


def test_a_misspelt_name_in_a_label_is_an_error_not_blank_text(project, capsys, monkeypatch):
    folder, theme = project
    (theme / "labels" / "en.yaml").write_text("page_x_of_y: \"Page {{ pag }} of {{ pages }}\"\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    assert main(["--theme", "mine", "--only", "factsheet"]) == 1
    err = capsys.readouterr().err
    assert "en.yaml:1:" in err and "'pag' is undefined" in err


def test_an_unknown_theme_is_a_usage_error(project, capsys, monkeypatch):
    folder, _ = project
    monkeypatch.chdir(folder)
    assert main(["--theme", "nosuch"]) == 2
    assert "theme 'nosuch' not found" in capsys.readouterr().err
