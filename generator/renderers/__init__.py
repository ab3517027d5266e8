"""The outputs and their writers, in one table (as pandoc lists its writers).

OUTPUTS names, per output, the module whose plan(kit, notes, quiz_plan) returns the files it will write
as data (plans.Planned); WRITERS names, per Planned.writer key, the function (payload, path) -> summary
that turns one such file into bytes on disk. Modules are named as text and imported on first use, so
reading this table loads nothing heavy (--check never loads ReportLab or python-pptx). Adding an
output is adding a row here (and its name to choices.OUTPUT_KINDS).
"""
from __future__ import annotations

from importlib import import_module

OUTPUTS: dict[str, str] = {      # output -> its planning module (under generator.renderers)
    "factsheet": "factsheet",
    "deck": "deck",
    "quiz": "quiz",
    "poster": "poster",
    "web": "web",
}

WRITERS: dict[str, str] = {      # Planned.writer -> module:function that writes one file
    "pdf": "pdfwrite:write",
    "pptx": "deck.write:write",
    "xlsx": "exports:write_kahoot",
    "text": "files:write_text",
    "bytes": "files:write_bytes",
    "web": "web.html:write_page",
}

LAST = ("web",)   # outputs written after the others of their language: given sizes=, they state the files' sizes


def planner(output: str):
    """The plan(kit, notes, quiz_plan) function of an output."""
    return import_module(f"{__name__}.{OUTPUTS[output]}").plan


def writer(key: str):
    """The write(payload, path) -> summary function of a writer key."""
    module, _, function = WRITERS[key].partition(":")
    return getattr(import_module(f"{__name__}.{module}"), function)
