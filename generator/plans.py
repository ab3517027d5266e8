"""What a build will write, as data: one Planned per file, one Plans per language (a leaf module:
planners and writers import it, it imports neither). The phases that make and write plans are in
phases.py; the table of which planner and which writer serve each output is renderers/__init__.py."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

from .errors import Problem

if TYPE_CHECKING:  # annotations only: importing these here would make this module depend on the planners
    from .page import Document
    from .renderers.deck.model import DeckPlan


@dataclass(frozen=True)
class TextFile:
    """A UTF-8 text file (GIFT): its text and its summary for the build report."""

    text: str
    summary: str


@dataclass(frozen=True)
class BytesFile:
    """A file already serialised (Moodle XML): its bytes and its summary."""

    data: bytes
    summary: str


@dataclass(frozen=True)
class Sheet:
    """A spreadsheet of planned rows (the Kahoot import), the note above them and its summary."""

    rows: tuple
    note: str
    summary: str


Payload = Union["Document", "DeckPlan", TextFile, BytesFile, Sheet]


@dataclass(frozen=True)
class Planned:
    """One file to write: its name, the output it belongs to, what to write, and which writer writes it."""

    name: str
    output: str              # a key of renderers.OUTPUTS: factsheet, deck, quiz, poster ...
    payload: Payload
    writer: str              # a key of renderers.WRITERS: pdf, pptx, xlsx, text, bytes


@dataclass
class Plans:
    """Everything one language's build will write, and the warnings found while planning it."""

    language: str
    files: list[Planned] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    by_output: dict[str, list[Problem]] = field(default_factory=dict)   # planned output -> its warnings
    kept: list[tuple[str, str, str]] = field(default_factory=list)      # (name, summary, output) left as built
