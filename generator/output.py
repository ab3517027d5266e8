"""Atomic outputs: every file is written beside its target under a temporary name and renamed when all are done."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import OutputError

PARTIAL = ".partial-"


@dataclass(frozen=True)
class Written:
    """One finished output and what it holds (for the build report)."""

    path: Path
    summary: str


class Staging:
    """Collects outputs as temporary files; commit() renames them all into place, abort() removes them."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.staged: list[tuple[Path, Path, str]] = []
        # Folders this build creates; abort() removes them again, so a failed build leaves no trace.
        self.created = [p for p in [folder, *folder.parents] if not p.exists()]
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot create the output folder {folder}: {exc.strerror}") from None
        if not os.access(folder, os.W_OK):
            raise OutputError(f"the output folder {folder} is read-only; choose another with -o DIR")
        for stale in folder.glob(f".*{PARTIAL}*"):  # left by a build that was killed
            stale.unlink(missing_ok=True)

    def write(self, name: str, produce: Callable[[Path], str]) -> None:
        """Stage output `name`: produce(path) writes the file and returns its summary ("2 pages")."""
        target = self.folder / name
        try:
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{name}{PARTIAL}")
        except OSError as exc:
            raise OutputError(f"cannot write in {self.folder}: {exc.strerror}") from None
        os.close(fd)
        tmp_path = Path(tmp)
        try:
            summary = produce(tmp_path)
        except BaseException:
            tmp_path.unlink(missing_ok=True)
            raise
        self.staged.append((tmp_path, target, summary))

    def commit(self) -> list[Written]:
        """Move every staged file into place; each rename is atomic."""
        done = []
        for tmp, target, summary in self.staged:
            try:
                os.chmod(tmp, 0o644)
                os.replace(tmp, target)
            except OSError as exc:
                self.abort()
                raise OutputError(f"cannot replace {target}: {exc.strerror} (is it open in another program?)") from None
            done.append(Written(target, summary))
        self.staged = []
        return done

    def abort(self) -> None:
        """Remove every staged file; previous outputs stay as they were."""
        for tmp, _, _ in self.staged:
            tmp.unlink(missing_ok=True)
        self.staged = []
        for folder in self.created:  # innermost first
            try:
                folder.rmdir()
            except OSError:
                break
