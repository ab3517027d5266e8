"""The outputs, one module each, listed in one table (as pandoc lists its writers).

Each module's plan(kit, notes, quiz_plan) returns the files it will write, as data (Planned); the
writers that turn those into PDF, PPTX or spreadsheets are imported only when files are written.
"""
from __future__ import annotations

from . import deck, factsheet, poster, quiz, web

OUTPUTS = {
    "factsheet": factsheet,
    "deck": deck,
    "quiz": quiz,
    "poster": poster,
    "web": web,
}
