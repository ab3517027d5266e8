"""The writers of files planned whole: text and bytes (nothing is decided here)."""
from __future__ import annotations

from pathlib import Path

from ..plans import BytesFile, TextFile


def write_text(payload: TextFile, path: Path) -> str:
    """Write planned text as UTF-8 with Unix line ends; return its summary."""
    path.write_text(payload.text, encoding="utf-8", newline="\n")
    return payload.summary


def write_bytes(payload: BytesFile, path: Path) -> str:
    """Write planned bytes as they are; return its summary."""
    path.write_bytes(payload.data)
    return payload.summary
