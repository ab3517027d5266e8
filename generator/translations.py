"""Translations: <name>.<language>.yaml beside the main file, each a complete copy in another language.

A translation may leave out build:, organization: and event: (they come from the main file), and
must keep the main file's structure (ids, counts, options and answers), so that every language
shares one set of quiz versions and keys. A difference is reported in both files' terms.
"""
from __future__ import annotations

import copy
import re
from pathlib import Path

from . import tracking
from .errors import Problem
from .loader import Loaded, format_path
from .model import Content

_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
INHERITED = ("build", "organization", "event")


def find_translations(path: Path, shown: str) -> list[tuple[Path, str]]:
    """Files <stem>.<tag>.yaml beside path, sorted by language tag."""
    out = []
    pattern = f"{path.stem}.*{path.suffix}"
    found = sorted(path.resolve().parent.glob(pattern))
    tracking.listing(path.resolve().parent, pattern, [p.name for p in found])   # a new edition counts
    for candidate in found:
        tag = candidate.name[len(path.stem) + 1:-len(path.suffix)]
        if _TAG.match(tag) and candidate.is_file():
            out.append((candidate, str(Path(shown).parent / candidate.name) if shown else candidate.name))
    return out


def outside(path: Path, folder: Path) -> str | None:
    """Why a translation cannot be read (a link to a file outside the content file's folder, as for
    pictures and themes), or None."""
    target = path.resolve()
    if target.is_relative_to(folder.resolve()):
        return None
    return (f"links to {target}, outside the content file's folder; a translation is read only from that "
            "folder, so copy the file there instead of linking to it")


def inherit(loaded: Loaded, main: Loaded) -> None:
    """Fill in what a translation leaves out (build, organization, event) from the main file."""
    if not isinstance(loaded.data, dict) or not isinstance(main.data, dict):
        return
    for key in INHERITED:
        if key not in loaded.data and key in main.data:
            loaded.data[key] = copy.deepcopy(main.data[key])
            for path, where in main.positions.items():
                if path[:1] == (key,):
                    loaded.positions[path] = where
            loaded.inherited = getattr(loaded, "inherited", set()) | {key}


class _Compare:
    def __init__(self, main: Loaded, other: Loaded, name: str):
        self.main, self.other, self.name = main, other, name
        self.problems: list[Problem] = []

    def report(self, path: tuple, message: str, main_path: tuple | None = None) -> None:
        line, col = self.other.where(path)
        m_line, m_col = self.main.where(main_path if main_path is not None else path)
        self.problems.append(Problem(self.other.file, line, col, format_path(path),
                                     f"{message} (see {self.main.file}:{m_line}:{m_col}); a translation keeps "
                                     "the main file's structure so that every language shares the same quiz "
                                     "versions and keys"))

    def count(self, path: tuple, noun: str, ours: int, theirs: int) -> None:
        if ours != theirs:
            self.report(path, f"has {theirs} {noun} here but {ours} in {Path(self.main.file).name}")


def structure_problems(main: Loaded, main_content: Content, other: Loaded, content: Content, name: str) -> list[Problem]:
    """Every way the translation's structure differs from the main file's."""
    c = _Compare(main, other, name)
    tag = name.rsplit(".", 2)[-2] if name.count(".") >= 2 else ""
    if tag and content.language.lower() != tag.lower():
        c.report(("language",), f"is `{content.language}` but the file name says `{tag}`; set language: {tag}")
    if content.language.lower() == main_content.language.lower():
        c.report(("language",), f"is `{content.language}`, the main file's own language; a translation is in another language")
    c.count(("sections",), "sections", len(main_content.sections), len(content.sections))
    for i, (a, b) in enumerate(zip(main_content.sections, content.sections)):
        if a.id != b.id:
            c.report(("sections", i, "id"), f"the section id is `{b.id}` here but `{a.id}` in {Path(main.file).name}")
        if a.table != b.table:
            c.report(("sections", i, "table"), f"shows table `{b.table}` here but `{a.table}` in {Path(main.file).name}")
    c.count(("tables",), "tables", len(main_content.tables), len(content.tables))
    for i, (a, b) in enumerate(zip(main_content.tables, content.tables)):
        if a.id != b.id:
            c.report(("tables", i, "id"), f"the table id is `{b.id}` here but `{a.id}` in {Path(main.file).name}")
        c.count(("tables", i, "columns"), "columns", len(a.columns), len(b.columns))
        c.count(("tables", i, "rows"), "rows", len(a.rows), len(b.rows))
    c.count(("faq",), "questions in the FAQ", len(main_content.faq), len(content.faq))
    a_quiz, b_quiz = main_content.quiz, content.quiz
    if bool(a_quiz) != bool(b_quiz):
        c.report(("quiz",) if b_quiz else (), "has a quiz here but not in the main file" if b_quiz
                 else "has no quiz, but the main file has one", ("quiz",))
    elif a_quiz and b_quiz:
        c.count(("quiz", "questions"), "questions", len(a_quiz.questions), len(b_quiz.questions))
        for i, (a, b) in enumerate(zip(a_quiz.questions, b_quiz.questions)):
            path = ("quiz", "questions", i)
            c.count(path + ("options",), "options", len(a.options), len(b.options))
            if a.answers != b.answers:
                letters = lambda q: ", ".join("abcdefghijklmnopqrstuvwxyz"[k] for k in q.answers)  # noqa: E731
                c.report(path + ("answer",), f"the answer is `{letters(b)}` here but `{letters(a)}` in "
                         f"{Path(main.file).name}")
            if a.section != b.section:
                c.report(path + ("section",), f"refers to section `{b.section}` here but `{a.section}` in "
                         f"{Path(main.file).name}")
    return c.problems
