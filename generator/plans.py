"""The two phases of a build. plan(kit) decides everything that is printed or projected, as data,
and returns the warnings it found; write(plans, staging) turns the plans into files and decides
nothing. `generate --check` plans and prints the problems, writing nothing."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .notes import Notes


@dataclass(frozen=True)
class Planned:
    """One file to write: its name, the output it belongs to, what to write, and with which writer."""

    name: str
    output: str              # factsheet, deck, quiz, poster or web
    payload: object          # a page.Document, a deck plan, text, bytes or spreadsheet rows
    writer: str              # a key of WRITERS


@dataclass
class Plans:
    """Everything one language's build will write, and the warnings found while planning it."""

    language: str
    files: list[Planned] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def plan(kit, main=None, outputs: list[str] | None = None) -> Plans:
    """Plan every output of kit.build.outputs (or of outputs); main is the main language's kit."""
    from . import quizplan
    from .renderers import OUTPUTS

    notes = Notes(kit)
    qp = quizplan.plan(kit, main) if kit.content.quiz else None
    files: list[Planned] = []
    for kind in outputs or kit.build.outputs:
        files += OUTPUTS[kind].plan(kit, notes, qp)
    warnings = list(kit.warnings) + notes.items + kit.wording.warnings()
    return Plans(kit.language, files, warnings)


def _write_text(payload: str, path: Path) -> str:
    text, summary = payload
    path.write_text(text, encoding="utf-8", newline="\n")
    return summary


def _write_bytes(payload, path: Path) -> str:
    data, summary = payload
    path.write_bytes(data)
    return summary


def _writer(name: str):
    """The writer of a planned file, imported only when a file of its kind is written."""
    if name == "web":
        return _web_writer(lambda name: None)
    if name == "pdf":
        from .renderers.pdfwrite import write
        return write
    if name == "pptx":
        from .renderers.deck.write import write
        return write
    if name == "xlsx":
        from .renderers.exports import write_kahoot
        return write_kahoot
    return {"text": _write_text, "bytes": _write_bytes}[name]


def _web_writer(sizes):
    """The web page's writer; sizes(name) is the size of a file beside it, which the page states."""
    from functools import partial

    from .renderers.web.html import write_page
    return partial(write_page, sizes=sizes)


LAST = ("web",)   # outputs that state the others' sizes: written after them


def write(plans: Plans, staging) -> None:
    """Write every planned file through the staging area (nothing is decided here); the web page last,
    with the sizes of the files beside it."""
    for item in sorted(plans.files, key=lambda f: f.output in LAST):
        write_one = _web_writer(staging.size_of) if item.writer == "web" else _writer(item.writer)
        staging.write(item.name, lambda path, item=item, write_one=write_one: write_one(item.payload, path),
                      item.output)
