"""Helpers shared by tests: reading PDFs back as text."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROOTS = Path(__file__).resolve().parent / "roots"


def pdf_text(path: Path) -> str:
    """All text of a PDF, whitespace collapsed, as a reader would copy it."""
    from pypdf import PdfReader

    text = " ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    return normalise(text)


def normalise(text: str) -> str:
    """Collapse whitespace and drop soft hyphens so wrapped lines compare equal to the source."""
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()
