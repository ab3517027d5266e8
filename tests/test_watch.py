"""generate --watch: rebuilds what an edit changed (a section edit: the fact sheet and the deck; a quiz
edit: the quiz and the deck, not the fact sheet; the web page with either), keeps the last good outputs when an edit breaks the
content, and stops cleanly."""
from __future__ import annotations

import threading
import time

from generator.cli import parser
from generator.watch import watch
from helpers import copy_default


def wait_for(lines, text, timeout=30.0, after=0):
    """True once a line said after the first `after` lines holds text."""
    end = time.time() + timeout
    while time.time() < end:
        if any(text in line for line in lines[after:]):
            return True
        time.sleep(0.05)
    return False


def test_watch_rebuilds_what_changed_and_keeps_the_last_good_outputs(tmp_path, capsys):
    content = copy_default(tmp_path)
    args = parser().parse_args([str(content), "--watch", "--lang", "en"])
    lines: list[str] = []
    stop = threading.Event()
    worker = threading.Thread(target=watch, args=(args,), kwargs={"say": lines.append, "stop": stop})
    worker.start()
    try:
        assert wait_for(lines, "watching")
        out = tmp_path / "output" / "en"
        sheet = (out / "factsheet.pdf").read_bytes()
        text = content.read_text(encoding="utf-8")
        content.write_text(text.replace("Which international organization serves", "Which body serves"), encoding="utf-8")
        assert wait_for(lines, "rebuilt")
        rebuilt = [line for line in lines if line.startswith("rebuilt")][-1]
        assert "quiz.pdf" in rebuilt and "deck.pptx" in rebuilt and "factsheet.pdf" not in rebuilt
        assert "index.html" in rebuilt, "the web page carries the quiz and the sizes of the files beside it"
        assert "Which body serves" in (out / "index.html").read_text("utf-8")
        assert (out / "factsheet.pdf").read_bytes() == sheet
        assert " ms" in rebuilt
        count = len(lines)
        text = content.read_text(encoding="utf-8")
        content.write_text(text.replace("multifaceted approach", "many-sided approach"), encoding="utf-8")
        assert wait_for(lines, "factsheet.pdf", after=count)
        section_edit = [line for line in lines[count:] if line.startswith("rebuilt")][-1]
        assert "deck.pptx" in section_edit and "quiz.pdf" not in section_edit
        good = (out / "deck.pptx").read_bytes()
        content.write_text(text.replace("sections:", "sectons:", 1), encoding="utf-8")
        assert wait_for(lines, "last good outputs are kept")
        assert (out / "deck.pptx").read_bytes() == good
        assert "unknown key `sectons`" in capsys.readouterr().err
    finally:
        stop.set()
        worker.join(30)
    assert lines[-1] == "stopped watching"
