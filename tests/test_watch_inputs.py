"""generate --watch reacts to every file the build read, and only to those: a theme colour, a wording
and a picture edit each rebuild the fact sheet as edited (no cache outlives its file), a deck template
replaced rebuilds the deck on it; a log written beside the content, or a file saved in the output
folder, rebuilds nothing (`generate --watch > watch.log` does not loop)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time

from PIL import Image

from generator.cli import parser
from generator.watch import watch
from helpers import ROOTS, deck, pdf_text
from test_watch import wait_for

CONTENT = """\
title: Watched kit
summary: One sentence about the day.
organization:
  name: Example Police
  website: https://example.org/day
sections:
  - id: intro
    title: Intro
    text: A paragraph of text.
    image: {file: pic.png, alt: A plain colour}
build:
  theme: mine
  outputs: [factsheet]
"""


def rgb(colour: str) -> bytes:
    """A colour as a PDF content stream sets it for filling (r g b rg)."""
    h = colour.lstrip("#")
    return (" ".join(f"{int(h[i:i + 2], 16) / 255:.4g}" for i in (0, 2, 4)) + " rg").encode()


def page_stream(path) -> bytes:
    from pypdf import PdfReader

    return b"".join(page.get_contents().get_data() for page in PdfReader(str(path)).pages)


def picture_size(path) -> tuple[int, int]:
    from pypdf import PdfReader

    return next(image.image.size for page in PdfReader(str(path)).pages for image in page.images)


def project(folder):
    (folder / "templates" / "mine" / "wording").mkdir(parents=True)
    (folder / "templates" / "mine" / "theme.yaml").write_text('colors:\n  primary: "#0B2E59"\n', encoding="utf-8")
    (folder / "templates" / "mine" / "wording" / "en.yaml").write_text("qr_caption: Scan for more\n",
                                                                        encoding="utf-8")
    Image.new("RGB", (40, 30), "red").save(folder / "pic.png")
    (folder / "content.yaml").write_text(CONTENT, encoding="utf-8")
    return folder / "content.yaml"


class Watching:
    """generate --watch running in a thread, what it says collected in lines."""

    def __init__(self, argv):
        self.lines: list[str] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=watch, args=(parser().parse_args(argv),),
                                       kwargs={"say": self.lines.append, "stop": self.stop})

    def __enter__(self):
        self.thread.start()
        assert wait_for(self.lines, "watching")
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(30)

    def after(self, edit) -> list[str]:
        """What the watcher says after an edit, once it has rebuilt."""
        count = len(self.lines)
        edit()
        assert wait_for(self.lines, "rebuilt", after=count), self.lines[count:]
        return [line for line in self.lines[count:] if line.startswith("rebuilt")]


def test_a_theme_wording_or_picture_edit_rebuilds_the_fact_sheet_as_edited(tmp_path):
    content = project(tmp_path)
    sheet = tmp_path / "output" / "en" / "factsheet.pdf"
    theme = tmp_path / "templates" / "mine" / "theme.yaml"
    with Watching([str(content), "--watch"]) as w:
        assert rgb("#0B2E59") in page_stream(sheet)
        said = w.after(lambda: theme.write_text('colors:\n  primary: "#AB1234"\n', encoding="utf-8"))
        assert "factsheet.pdf" in said[-1]
        assert rgb("#AB1234") in page_stream(sheet) and rgb("#0B2E59") not in page_stream(sheet)

        wording = tmp_path / "templates" / "mine" / "wording" / "en.yaml"
        assert "Scan for more" in pdf_text(sheet)
        w.after(lambda: wording.write_text("qr_caption: Point your phone here\n", encoding="utf-8"))
        assert "Point your phone here" in pdf_text(sheet) and "Scan for more" not in pdf_text(sheet)

        assert picture_size(sheet) == (40, 30)
        w.after(lambda: Image.new("RGB", (64, 30), "blue").save(tmp_path / "pic.png"))
        assert picture_size(sheet) == (64, 30)

        count = len(w.lines)   # files the build did not read: nothing happens
        for n in range(3):
            (tmp_path / "watch.log").write_text(f"line {n}\n" * (n + 1), encoding="utf-8")
            (tmp_path / "output" / "en" / "notes.txt").write_text("kept\n", encoding="utf-8")
            (tmp_path / "templates" / "mine" / "README.txt").write_text("about my theme\n", encoding="utf-8")
            time.sleep(0.1)
        time.sleep(0.8)
        assert w.lines[count:] == []
    assert w.lines[-1] == "stopped watching"


def test_a_replaced_deck_template_rebuilds_the_deck_on_it(tmp_path):
    shutil.copy(ROOTS / "templates" / "libreoffice.pptx", tmp_path / "org.pptx")
    (tmp_path / "content.yaml").write_text(CONTENT.replace("    image: {file: pic.png, alt: A plain colour}\n", "")
                                           .replace("theme: mine", "deck_template: org.pptx")
                                           .replace("[factsheet]", "[deck]"), encoding="utf-8")
    built = tmp_path / "output" / "en" / "deck.pptx"
    with Watching([str(tmp_path / "content.yaml"), "--watch"]) as w:
        before = deck(built)
        assert abs(before.slide_width / before.slide_height - 16 / 9) < 0.02
        said = w.after(lambda: shutil.copy(ROOTS / "templates" / "four-three.pptx", tmp_path / "org.pptx"))
        assert "deck.pptx" in said[-1]
        after = deck(built)
        assert abs(after.slide_width / after.slide_height - 4 / 3) < 0.02


def test_watch_with_its_log_in_the_project_folder_builds_once(tmp_path):
    content = project(tmp_path)
    log = tmp_path / "watch.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "generator", "--watch"], cwd=tmp_path, stdout=out,
                                stderr=subprocess.STDOUT, env=dict(os.environ, PYTHONUNBUFFERED="1"))
        try:
            deadline = time.time() + 60
            while "watching" not in log.read_text(encoding="utf-8") and time.time() < deadline:
                time.sleep(0.1)
            time.sleep(1.5)   # a watcher that reacts to its own log would have rebuilt by now, and again
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(30)
    said = log.read_text(encoding="utf-8")
    assert said.count("built ") == 1 and "rebuilt" not in said and "up to date" not in said, said
    assert content.exists() and "stopped watching" in said
