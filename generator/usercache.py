"""The kit's folder in the user's cache (pinned fonts, CLDR month names): files that save work on the
next run, each written whole or not at all, never trusted past a check of what they hold."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def folder(kind: str) -> Path:
    """Where files of one kind are kept (~/.cache/idpc-kit/KIND, or the platform's equivalent)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "idpc-kit" / kind


def keep(path: Path, data: bytes) -> None:
    """Store data at path whole or not at all (written aside, then renamed); a cache that cannot be
    written only costs the next run the work again."""
    aside = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        aside.write_bytes(data)
        os.replace(aside, path)
    except OSError:
        aside.unlink(missing_ok=True)


def read(path: Path) -> bytes | None:
    """What path holds, or None when it is not there (or cannot be read)."""
    try:
        return path.read_bytes()
    except OSError:
        return None
