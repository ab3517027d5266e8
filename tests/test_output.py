"""Outputs are all or nothing: the new folder is swapped in at once; files of an earlier build that
this one no longer writes go; files the kit never wrote stay; a failure leaves every old output."""
from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from generator.errors import OutputError
from generator.output import MANIFEST, Build, locked, recover
from helpers import ROOT, build

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
    - question: R?
      options: [x, y]
      answer: b
build:
  outputs: [quiz]
  quiz: {versions: VERSIONS}
"""


def content(folder, versions):
    (folder / "content.yaml").write_text(CONTENT.replace("VERSIONS", str(versions)), encoding="utf-8")
    return folder / "content.yaml"


def names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_going_back_to_one_version_leaves_no_lettered_files(tmp_path):
    out = tmp_path / "output"
    build(content(tmp_path, 3), out)
    assert "quiz-C-key.pdf" in names(out / "en") and "quiz-master-key.pdf" in names(out / "en")
    build(content(tmp_path, 1), out)
    assert names(out / "en") == sorted([MANIFEST, "quiz-key.pdf", "quiz-kahoot.xlsx", "quiz-moodle.xml",
                                         "quiz.gift", "quiz.pdf"])


def test_files_the_kit_did_not_write_are_never_removed(tmp_path):
    out = tmp_path / "output"
    build(content(tmp_path, 3), out)
    (out / "en" / "my-notes.txt").write_text("mine", encoding="utf-8")
    (out / "en" / "quiz-Z.pdf").write_text("not ours either", encoding="utf-8")
    (out / "readme.txt").write_text("top", encoding="utf-8")
    (out / "de").mkdir()
    (out / "de" / "x.pdf").write_text("other language", encoding="utf-8")
    build(content(tmp_path, 1), out)
    assert (out / "en" / "my-notes.txt").read_text() == "mine"
    assert (out / "en" / "quiz-Z.pdf").read_text() == "not ours either"
    assert (out / "readme.txt").read_text() == "top" and (out / "de" / "x.pdf").exists()
    assert "quiz-A.pdf" not in names(out / "en")


def test_only_builds_some_outputs_and_keeps_the_others(tmp_path):
    out = tmp_path / "output"
    text = CONTENT.replace("  outputs: [quiz]\n", "  outputs: [factsheet, quiz]\n").replace("VERSIONS", "1")
    (tmp_path / "content.yaml").write_text(text, encoding="utf-8")
    build(tmp_path / "content.yaml", out)
    before = (out / "en" / "quiz.pdf").read_bytes()
    build(tmp_path / "content.yaml", out, ["factsheet"])
    assert (out / "en" / "quiz.pdf").read_bytes() == before


def test_a_failed_write_leaves_every_old_output_and_no_trace(tmp_path):
    out = tmp_path / "output"
    build(content(tmp_path, 1), out)
    before = {p.name: p.read_bytes() for p in (out / "en").iterdir()}
    new = Build(out)
    staging = new.language("en", {"quiz"})

    def fail(path):
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="disk is full"):
        try:
            staging.write("quiz.pdf", fail, "quiz")
        except BaseException:
            new.abort()
            raise
    assert {p.name: p.read_bytes() for p in (out / "en").iterdir()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".output.new")] == []


def test_a_killed_swap_is_undone_by_the_next_build(tmp_path):
    out = tmp_path / "output"
    build(content(tmp_path, 1), out)
    aside = tmp_path / ".output.old-123"
    os.replace(out, aside)                      # as if killed between the two renames of the fallback
    (tmp_path / ".output.new-abc").mkdir()
    recover(out)
    assert (out / "en" / "quiz.pdf").exists() and not aside.exists()
    assert not (tmp_path / ".output.new-abc").exists()


def test_a_second_build_waits_for_the_first(tmp_path):
    out = tmp_path / "output"
    said = []
    order = []
    with locked(out):
        worker = threading.Thread(target=lambda: (locked(out, said.append).__enter__(), order.append("second")))
        worker.start()
        worker.join(0.5)
        order.append("first")
    worker.join(5)
    assert order == ["first", "second"] and said and "waiting for another build" in said[0]


def test_two_builds_into_one_folder_both_finish_whole(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    for path in ROOT.glob("content*.yaml"):
        (folder / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "output"
    command = [sys.executable, "-m", "generator", str(folder / "content.yaml"), "-o", str(out), "--only", "quiz,poster"]
    procs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    for lang in ("en", "fr", "es", "ar"):
        assert {"quiz.pdf", "poster.pdf"} <= set(names(out / lang))
    assert not [p for p in tmp_path.iterdir() if ".new-" in p.name or ".old-" in p.name]
