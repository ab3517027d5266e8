"""The generator's small exception hierarchy and the located problem record."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or doubtful) in a user's file, with where it is."""

    file: str
    line: int
    column: int
    path: str
    message: str
    severity: str = field(default="error", compare=False)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        key = f" {self.path}:" if self.path else ""
        tag = "" if self.severity == "error" else " warning:"
        return f"{where}:{tag}{key} {self.message}"


class GeneratorError(Exception):
    """Base of every error the generator reports to a user without a traceback."""

    exit_code = 1


class ContentError(GeneratorError):
    """The content file (or a translation) has problems; all are listed at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column, p.path))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):
        # rebuilt from its problems, so it crosses from a build process to the one reporting it
        return type(self), (self.problems,)


class TemplateError(GeneratorError):
    """A theme under templates/ or a deck template cannot be used."""


class UsageError(GeneratorError):
    """The command line asks for something impossible."""

    exit_code = 2


class OutputError(GeneratorError):
    """The computer stops the build (disk full, permissions, a file in use): not a content problem."""

    exit_code = 4


def report(problems: list[Problem]) -> None:
    """Print problems (warnings, usually) on stderr, each once, in file and line order."""
    import sys

    for p in sorted(set(problems)):
        print(str(p), file=sys.stderr)


def problem(file: Path | str, line: int, column: int, path: str, message: str,
            severity: str = "error") -> Problem:
    """Build a Problem with the file shown as the user named it."""
    return Problem(str(file), line, column, path, message, severity)
