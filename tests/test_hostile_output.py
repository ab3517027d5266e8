"""The output folder as an unlucky user or an attacker leaves it: a file, the working folder, planted
links at the folder, a language folder or the lock, a folder where an output goes, a private folder,
a file saved while the build commits. Each is refused with its message (exit 4) or kept, and nothing
outside the output folder is read or written."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from generator import output
from generator.cli import main

CONTENT = """\
title: Day
summary: One sentence.
sections:
  - id: a
    title: A
    points: [A point]
quiz:
  questions:
    - question: Q?
      options: [x, y]
      answer: a
build:
  outputs: [quiz]
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "content.yaml").write_text(CONTENT, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def tree(folder):
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() and not p.is_symlink() else os.readlink(p)
                                         if p.is_symlink() else "dir")
            for p in sorted(folder.rglob("*"))}


def generate(*flags):
    return main(["content.yaml", "--only", "quiz", *flags])


def refused(capsys, code, message):
    err = capsys.readouterr().err
    assert code == 4 and "Traceback" not in err, err
    assert message in err, err
    return err


def test_a_file_given_as_the_output_folder_is_refused_and_kept(project, capsys):
    (project / "notes.txt").write_text("my notes", encoding="utf-8")
    refused(capsys, generate("-o", "notes.txt"), "notes.txt is a file, not a folder; -o names the folder the "
            "outputs go into (made if missing), so choose a folder such as -o output")
    assert (project / "notes.txt").read_text(encoding="utf-8") == "my notes"
    assert sorted(p.name for p in project.iterdir()) == ["content.yaml", "notes.txt"]


@pytest.mark.parametrize("given", [".", "..", "./"])
def test_the_working_folder_as_the_output_folder_gets_the_right_diagnosis(project, capsys, given):
    before = tree(project)
    refused(capsys, generate("-o", given), f"-o {Path(given)}: the output folder would be the folder you are working "
            f"in ({project.resolve()}) or one that holds it")
    assert tree(project) == before


def test_a_link_planted_at_the_output_folder_is_refused(project, tmp_path, capsys):
    somewhere = tmp_path / "somewhere"
    (somewhere / "private").mkdir(parents=True)
    (somewhere / "private" / "key.txt").write_text("secret", encoding="utf-8")
    (project / "output").symlink_to("../somewhere")
    before = tree(somewhere)
    refused(capsys, generate(), f"{project.resolve() / 'output'} is a link (to ../somewhere); the build replaces "
            "its output folder as a whole, so it must be a real folder")
    assert tree(somewhere) == before
    assert sorted(p.name for p in project.iterdir()) == ["content.yaml", "output"]
    assert not any(p.name.startswith(".output") for p in project.iterdir())


def test_a_language_folder_that_is_a_link_is_refused_every_time(project, tmp_path, capsys):
    assert generate() == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "mine.txt").write_text("mine", encoding="utf-8")
    out = project / "output"
    kept = tree(out / "en")
    (out / "en").rename(project / "en-moved")
    (out / "en").symlink_to(elsewhere)
    capsys.readouterr()
    for _ in range(2):
        refused(capsys, generate(), f"{out / 'en'} is a link (to {elsewhere}); the build replaces each language's "
                "folder as a whole, so it must be a real folder: remove the link")
    assert tree(elsewhere) == {"mine.txt": b"mine"}
    assert tree(project / "en-moved") == kept


def test_a_link_planted_at_the_lock_file_is_refused(project, tmp_path, capsys):
    outside = tmp_path / "outside" / "created-by-the-build"
    outside.parent.mkdir()
    (project / ".output.lock").symlink_to(outside)
    refused(capsys, generate(), f"{project.resolve() / '.output.lock'} is a link (to {outside}); it is the build's "
            "lock file and must be a plain file")
    assert not outside.exists() and not (project / "output").exists()


def test_a_folder_where_an_output_file_goes_is_refused_and_kept(project, capsys):
    assert generate() == 0
    out = project / "output"
    (out / "en" / "quiz.gift").unlink()
    (out / "en" / "quiz.gift").mkdir()
    (out / "en" / "quiz.gift" / "draft.txt").write_text("keep me", encoding="utf-8")
    before = tree(out)
    capsys.readouterr()
    refused(capsys, generate(), f"{out.resolve() / 'en' / 'quiz.gift'} is a folder where the build writes its "
            "quiz.gift; move or rename that folder (nothing was changed)")
    assert tree(out) == before
    assert not [p for p in project.iterdir() if ".new-" in p.name or ".old-" in p.name]


def test_the_output_folders_mode_is_kept(project):
    out = project / "output"
    assert generate() == 0
    os.chmod(out, 0o700)
    os.chmod(out / "en", 0o750)
    assert generate() == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert stat.S_IMODE((out / "en").stat().st_mode) == 0o750


def test_files_saved_while_the_build_commits_survive(project, monkeypatch, capsys):
    """The commit window (after the build listed the old folder, before the swap) is hit on purpose:
    a new file, a newer save of a kept file and a file saved under an output's name all survive."""
    assert generate() == 0
    out = project / "output" / "en"
    (out / "notes.txt").write_text("v1", encoding="utf-8")
    old_gift = (out / "quiz.gift").read_bytes()
    calls = []

    def save_during_commit():
        if not calls:
            (out / "late.txt").write_text("saved late", encoding="utf-8")
            (out / "notes.txt.tmp").write_text("v2", encoding="utf-8")
            os.replace(out / "notes.txt.tmp", out / "notes.txt")        # how editors save
            (out / "quiz.gift").unlink()
            (out / "quiz.gift").write_text("my own quiz", encoding="utf-8")
            (project / "output" / "top.txt").write_text("top", encoding="utf-8")
        calls.append(1)

    monkeypatch.setattr(output, "_pause", save_during_commit)
    capsys.readouterr()
    assert main(["content.yaml", "--only", "quiz", "--versions", "2"]) == 0
    err = capsys.readouterr().err
    assert (out / "late.txt").read_text(encoding="utf-8") == "saved late"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "v2"
    assert (project / "output" / "top.txt").read_text(encoding="utf-8") == "top"
    assert (out / "quiz.gift").read_bytes() == old_gift    # the build's own, written again
    kept = out / "quiz (saved during the build).gift"
    assert kept.read_text(encoding="utf-8") == "my own quiz"
    assert (f"warning: {project.resolve() / 'output' / 'en' / 'quiz.gift'} was saved while the build was replacing "
            f"the outputs, which wrote a file of that name; yours is kept as {kept.resolve()}") in err
    assert "quiz-B.pdf" in os.listdir(out)
    assert not [p for p in project.iterdir() if ".new-" in p.name or ".old-" in p.name]


def test_a_folder_at_the_lock_path_is_refused(project, capsys):
    (project / ".output.lock").mkdir()
    refused(capsys, generate(), f"{project.resolve() / '.output.lock'} is not a plain file; it is the build's lock "
            "file: move it away")


def test_a_manifest_linked_to_a_file_elsewhere_is_not_read(project, tmp_path):
    """A .generated link naming the user's own files must not make the build treat them as stale."""
    assert generate() == 0
    en = project / "output" / "en"
    (en / "thesis.pdf").write_text("years of work", encoding="utf-8")
    forged = tmp_path / "forged"
    forged.write_text("quiz\tthesis.pdf\n", encoding="utf-8")
    (en / ".generated").unlink()
    (en / ".generated").symlink_to(forged)
    assert generate("--versions", "2") == 0   # a build that writes the quiz again
    assert (en / "thesis.pdf").read_text(encoding="utf-8") == "years of work"
    assert not (en / ".generated").is_symlink() and forged.read_text(encoding="utf-8") == "quiz\tthesis.pdf\n"


def test_a_link_planted_after_a_build_is_refused_not_taken_as_up_to_date(project, tmp_path, capsys):
    assert generate() == 0
    (project / "output").rename(tmp_path / "moved")
    (project / "output").symlink_to(tmp_path / "moved")
    capsys.readouterr()
    refused(capsys, generate(), f"{project.resolve() / 'output'} is a link (to {tmp_path / 'moved'})")
