"""Helpers shared by tests: building content into a scratch folder, reading PDFs and decks back, and
rendering decks with LibreOffice."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROOTS = Path(__file__).resolve().parent / "roots"
LANGUAGES = ("en", "fr", "es", "ar")


def copy_default(folder: Path) -> Path:
    """The default content and its translations, copied into folder; returns content.yaml's path."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in ROOT.glob("content*.yaml"):
        shutil.copy(path, folder / path.name)
    return folder / "content.yaml"


def load(path: Path, language: str | None = None, **overrides):
    """Every language's kit of the content file at path (or one language's)."""
    from generator.kit import load_kit

    return load_kit(path, overrides, translations=True, only_language=language).kits


def build(path: Path, out: Path, outputs=None, language: str | None = None, workers: int | None = None,
          **overrides):
    """Build content at path into out, with as many processes as a user's build (two here); returns
    (written files, plans, kits). Plans hold every file of a language planned in this process: all of
    them with workers=1, or with one language."""
    from generator.build import build as run

    kits = load(path, language, **overrides)
    written, plans = run(kits, out, outputs, say=lambda text: None, workers=workers)
    return written, plans, kits


# ---------------------------------------------------------------------------------------------
# PDFs read back
# ---------------------------------------------------------------------------------------------

def normalise(text: str) -> str:
    """Collapse whitespace, drop bidi controls and soft hyphens, narrow no-break spaces as spaces."""
    text = re.sub("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u00ad]", "", text)
    return re.sub(r"\s+", " ", text.replace("\u202f", " ").replace("\u00a0", " ")).strip()


def pypdf_text(path: Path, pages: int = 99) -> str:
    """Text of a PDF's first pages as pypdf extracts it (in the order it was written), whitespace collapsed."""
    from pypdf import PdfReader

    return normalise(" ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages[:pages]))


def pdf_text(path: Path) -> str:
    """All text of a PDF as a viewer copies it (pdfium, Chrome's PDF engine), whitespace collapsed."""
    return " ".join(pdf_page_texts(path))


def pdf_page_texts(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    return [normalise(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]


def pdf_pages(path: Path) -> list:
    from pypdf import PdfReader

    return list(PdfReader(str(path)).pages)


def pdf_fonts(path: Path) -> dict[str, bool]:
    """Every font a PDF uses -> whether its file is embedded."""
    from pypdf import PdfReader

    out = {}
    for page in PdfReader(str(path)).pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            out[str(font.get("/BaseFont"))] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return out


def text_spans(path: Path, page: int = 0) -> list[tuple[float, float, float, str]]:
    """(x, y from the top, size, text) of each text run on a page, as pdfium reads them, in points."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(path))
    pg = doc[page]
    height = pg.get_height()
    tp = pg.get_textpage()
    out = []
    for i in range(tp.count_chars()):
        ch = tp.get_text_range(i, 1)
        if not ch.strip():
            continue
        left, bottom, right, top = tp.get_charbox(i)
        size = raw.FPDFText_GetFontSize(tp, i)
        out.append((left, height - top, size, ch))
    return out


# ---------------------------------------------------------------------------------------------
# Decks read back
# ---------------------------------------------------------------------------------------------

def deck(path: Path):
    from pptx import Presentation

    return Presentation(str(path))


def body_runs(slide):
    """(size in points, text) of every run of a slide that is not its title, footer or slide number."""
    from pptx.util import Pt

    out = []

    def walk(shapes):
        for shape in shapes:
            if shape.shape_type == 6:
                walk(shape.shapes)
                continue
            if shape.name in ("Title", "Footer", "Slide number") or (shape.is_placeholder and
                                                                     shape.placeholder_format.type in (1, 3, 13, 15, 16)):
                continue
            frames = []
            if getattr(shape, "has_text_frame", False):
                frames.append(shape.text_frame)
            if getattr(shape, "has_table", False):
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for tf in frames:
                for p in tf.paragraphs:
                    for r in p.runs:
                        if r.text.strip():
                            out.append((r.font.size / Pt(1) if r.font.size else 0.0, r.text))

    walk(slide.shapes)
    return out


def slide_words(slide) -> int:
    return sum(len(text.split()) for _, text in body_runs(slide)) + len((slide.shapes.title.text if
                                                                         slide.shapes.title else "").split())


def notes_text(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


# ---------------------------------------------------------------------------------------------
# The deck rendered by LibreOffice: every glyph must lie inside its own shape and on the slide
# ---------------------------------------------------------------------------------------------

SLACK = 3.0  # points around a box, for anti-aliasing and rounding


def soffice() -> str:
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
        if shape.shape_type == 6:
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


def render_pdf(path: Path, workdir: Path) -> Path:
    """The deck (or any office file) converted to PDF by LibreOffice."""
    profile = workdir / "profile"
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(workdir), str(path)], check=True, capture_output=True, timeout=300)
    return workdir / (path.stem + ".pdf")


def stray_glyphs(deck_path: Path, workdir: Path) -> dict[int, str]:
    """Slide number -> glyphs that LibreOffice drew outside every text box of that slide."""
    import pypdfium2 as pdfium
    from pptx.util import Emu

    pdf = pdfium.PdfDocument(str(render_pdf(deck_path, workdir)))
    prs = deck(deck_path)
    slide_w, slide_h = Emu(prs.slide_width).pt, Emu(prs.slide_height).pt
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
