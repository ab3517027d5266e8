"""The build's process pool and incremental builds, as a user meets them: one process or two give the
same files; each language is planned once (a single language's writing is what is shared); a problem
in the worker exits as it would in one process (1 for the content, 3 for a bug, 130 for a signal) and
leaves the previous outputs as they were; an unchanged rebuild writes nothing and imports nothing heavy."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from generator.cli import main
from generator.errors import ContentError, Problem

STATE = ".build-state.json"
KIT = """\
language: {lang}
title: Pool kit {lang}
summary: One sentence about the day.
sections:
  - id: intro
    title: Intro
    points: [First point, Second point]
quiz:
  questions:
    - question: Which is first?
      options: [One, Two]
      answer: a
"""


def kit(folder, languages=("en", "fr"), outputs="[factsheet, quiz]"):
    folder.mkdir(parents=True, exist_ok=True)
    for n, lang in enumerate(languages):
        name = "content.yaml" if n == 0 else f"content.{lang}.yaml"
        extra = f"build:\n  outputs: {outputs}\n" if n == 0 else ""
        (folder / name).write_text(KIT.format(lang=lang) + extra, encoding="utf-8")
    return folder / "content.yaml"


def snapshot(out):
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and p.name != STATE}


def edit_both(folder):
    for path in (folder / "content.yaml", folder / "content.fr.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("First point", "New point"), encoding="utf-8")


def failing_planner(monkeypatch, make_error, where=lambda kit: kit.language == "fr"):
    """The fact sheet's planner fails for fr (the language the worker plans when there are two)."""
    import generator.renderers.factsheet as factsheet

    real = factsheet.plan

    def plan(kit, notes, qp):
        if where(kit):
            make_error(kit)
        return real(kit, notes, qp)

    monkeypatch.setattr(factsheet, "plan", plan)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_problem_found_while_planning_exits_1_in_one_process_or_two(tmp_path, monkeypatch, capsys, workers):
    monkeypatch.setenv("IDPC_KIT_WORKERS", workers)
    content = kit(tmp_path)
    assert main([str(content)]) == 0
    before = snapshot(tmp_path / "output")
    edit_both(tmp_path)   # both languages rebuilt: fr is planned in the worker

    def located(kit):
        raise ContentError([Problem(kit.source.file, 7, 5, "sections[0]", "a planted problem")])

    failing_planner(monkeypatch, located)
    capsys.readouterr()
    assert main([str(content)]) == 1
    err = capsys.readouterr().err
    assert "content.fr.yaml:7:5: sections[0]: a planted problem" in err and "nothing was written" in err
    assert "Traceback" not in err
    assert snapshot(tmp_path / "output") == before
    assert not [p for p in tmp_path.iterdir() if ".new-" in p.name]


def test_a_bug_in_the_worker_exits_3_with_its_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("IDPC_KIT_WORKERS", "2")
    content = kit(tmp_path)
    parent = os.getpid()
    failing_planner(monkeypatch, lambda kit: 1 / 0, where=lambda kit: os.getpid() != parent)
    assert main([str(content)]) == 3
    err = capsys.readouterr().err
    assert "this is a bug" in err and "in a build process" in err and "ZeroDivisionError" in err
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_a_signal_that_reaches_only_the_worker_ends_the_build_with_130(tmp_path, monkeypatch, capsys, sig):
    monkeypatch.setenv("IDPC_KIT_WORKERS", "2")
    content = kit(tmp_path)
    assert main([str(content)]) == 0
    before = snapshot(tmp_path / "output")
    edit_both(tmp_path)   # both languages rebuilt: fr is planned in the worker
    parent = os.getpid()
    failing_planner(monkeypatch, lambda kit: os.kill(os.getpid(), sig), where=lambda kit: os.getpid() != parent)
    capsys.readouterr()
    assert main([str(content)]) == 130
    assert "the previous outputs are unchanged" in capsys.readouterr().err
    assert snapshot(tmp_path / "output") == before
    assert not [p for p in tmp_path.iterdir() if ".new-" in p.name]


def test_one_process_or_two_write_the_same_bytes(tmp_path, monkeypatch):
    content = kit(tmp_path / "c")
    for workers in ("1", "2"):
        monkeypatch.setenv("IDPC_KIT_WORKERS", workers)
        assert main([str(content), "-o", str(tmp_path / f"out{workers}")]) == 0
        assert main([str(content), "--lang", "en", "-o", str(tmp_path / f"en{workers}")]) == 0
    assert snapshot(tmp_path / "out1") == snapshot(tmp_path / "out2")
    assert snapshot(tmp_path / "en1") == snapshot(tmp_path / "en2")
    assert len(snapshot(tmp_path / "out1")) == 2 * 7   # a .generated manifest and six files each


def test_each_language_is_planned_once_and_a_single_language_shares_only_its_writing(tmp_path, monkeypatch):
    import generator.build as build_module
    import generator.renderers as renderers

    monkeypatch.setenv("IDPC_KIT_WORKERS", "2")
    log = tmp_path / "log"
    real_plan, real_writer = build_module.plan, renderers.writer

    def plan(kit, main=None, outputs=None):
        with open(log, "a") as fh:
            fh.write(f"plan {kit.language} {os.getpid()}\n")
        return real_plan(kit, main, outputs)

    def writer(key):
        write = real_writer(key)

        def logged(payload, path):
            with open(log, "a") as fh:
                fh.write(f"write {path.name} {os.getpid()}\n")
            return write(payload, path)
        return logged

    monkeypatch.setattr(build_module, "plan", plan)
    monkeypatch.setattr(renderers, "writer", writer)
    content = kit(tmp_path / "c")
    assert main([str(content), "-o", str(tmp_path / "both")]) == 0
    planned = [line.split() for line in log.read_text().splitlines() if line.startswith("plan")]
    assert sorted(lang for _, lang, _ in planned) == ["en", "fr"]          # once each
    assert len({pid for _, _, pid in planned}) == 2                        # one in each process
    log.unlink()
    assert main([str(content), "--lang", "en", "-o", str(tmp_path / "en")]) == 0
    lines = [line.split() for line in log.read_text().splitlines()]
    assert [(kind, lang) for kind, lang, _ in lines if kind == "plan"] == [("plan", "en")]
    writers = {pid for kind, _, pid in lines if kind == "write"}
    assert len(writers) == 2 and str(os.getpid()) in writers               # the writing is shared
    assert {name for kind, name, _ in lines if kind == "write"} == {"factsheet.pdf", "quiz.pdf", "quiz-key.pdf",
                                                                     "quiz.gift", "quiz-moodle.xml",
                                                                     "quiz-kahoot.xlsx"}


def test_an_unchanged_rebuild_writes_nothing_and_an_edit_rebuilds_only_what_read_it(tmp_path, capsys):
    content = kit(tmp_path, outputs="[factsheet, quiz, poster]")
    assert main([str(content)]) == 0
    out = tmp_path / "output"
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.pdf")}
    capsys.readouterr()
    assert main([str(content)]) == 0
    said = capsys.readouterr().out
    assert "all up to date" in said and "output/en/factsheet.pdf" in said.replace(str(tmp_path) + "/", "")
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.pdf")} == stamps
    text = content.read_text(encoding="utf-8")
    content.write_text(text.replace("Which is first?", "Which comes first?"), encoding="utf-8")
    assert main([str(content)]) == 0
    changed = {p.relative_to(out).as_posix() for p in out.rglob("*.pdf") if p.stat().st_mtime_ns != stamps.get(p)}
    assert changed == {"en/quiz.pdf", "en/quiz-key.pdf", "fr/quiz.pdf", "fr/quiz-key.pdf"}   # the quiz is shared
    (out / "fr" / "poster.pdf").unlink()                                                   # a user deletes one
    assert main([str(content)]) == 0
    assert (out / "fr" / "poster.pdf").exists()


def test_an_unchanged_rebuild_imports_neither_pydantic_nor_a_writer(tmp_path):
    content = kit(tmp_path)
    assert main([str(content)]) == 0
    code = ("import sys; from generator.cli import main; code = main([sys.argv[1]]); "
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'reportlab', 'pptx', 'jinja2', "
            "'ruamel', 'uharfbuzz'}); print('HEAVY', heavy); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", code, str(content)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "all up to date" in done.stdout and "HEAVY []" in done.stdout
