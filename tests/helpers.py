"""Helpers shared by tests: reading PDFs back as text; rendering a deck with LibreOffice."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
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


# ---------------------------------------------------------------------------------------------
# The deck rendered by LibreOffice: every glyph must lie inside its own shape and on the slide
# ---------------------------------------------------------------------------------------------

SLACK = 3.0  # points around a box, for anti-aliasing and rounding


def _soffice() -> str:
    import pytest

    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        if os.environ.get("REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice (soffice) is required for the render test but is not installed")
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-impress-nogui)")
    return found


def _boxes(shapes, slide_h):
    from pptx.util import Emu

    out = []
    for shape in shapes:
        if shape.shape_type == 6:  # group
            out += _boxes(shape.shapes, slide_h)
            continue
        if shape.left is None or shape.width is None:
            continue
        has_text = getattr(shape, "has_text_frame", False) and shape.text_frame.text.strip()
        if not (has_text or getattr(shape, "has_table", False)):
            continue
        left, top = Emu(shape.left).pt, Emu(shape.top).pt
        width, height = Emu(shape.width).pt, Emu(shape.height).pt
        out.append((left - SLACK, slide_h - top - height - SLACK, left + width + SLACK, slide_h - top + SLACK))
    return out


def stray_glyphs(deck: Path, workdir: Path) -> dict[int, str]:
    """Slide number -> glyphs that LibreOffice drew outside every text box of that slide."""
    import pypdfium2 as pdfium
    from pptx import Presentation
    from pptx.util import Emu

    profile = workdir / "profile"
    subprocess.run([_soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(workdir), str(deck)], check=True, capture_output=True, timeout=300)
    prs = Presentation(str(deck))
    slide_w, slide_h = Emu(prs.slide_width).pt, Emu(prs.slide_height).pt
    pdf = pdfium.PdfDocument(str(workdir / (deck.stem + ".pdf")))
    assert len(pdf) == len(prs.slides)
    bad = {}
    for index, slide in enumerate(prs.slides):
        boxes = _boxes(slide.shapes, slide_h) + _boxes(slide.slide_layout.shapes, slide_h) \
            + _boxes(slide.slide_layout.slide_master.shapes, slide_h)
        text = pdf[index].get_textpage()
        stray = []
        for c in range(text.count_chars()):
            ch = text.get_text_range(c, 1)
            if not ch.strip():
                continue
            left, bottom, right, top = text.get_charbox(c)
            x, y = (left + right) / 2, (bottom + top) / 2
            on_slide = 0 <= x <= slide_w and 0 <= y <= slide_h
            if not (on_slide and any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in boxes)):
                stray.append(ch)
        if stray:
            bad[index + 1] = "".join(stray)
    return bad
