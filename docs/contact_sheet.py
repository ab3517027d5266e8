"""Contact sheets of every slide of the deck: the default kit (or CONTENT) in every edition, on the
built-in design and on each deck template given, one PNG per template and language (needs pdftoppm
and LibreOffice). Look at them before saying a deck change is done.

Run: .venv/bin/python docs/contact_sheet.py [--content CONTENT] [--out DIR] [TEMPLATE.pptx ...]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_images import ROOT, grid, pages  # noqa: E402


def sheets(content: Path, templates: list[Path | None], out: Path, dpi: int = 20) -> list[Path]:
    """One contact sheet per template and language; returns their paths."""
    made = []
    out.mkdir(parents=True, exist_ok=True)
    for template in templates:
        work = Path(tempfile.mkdtemp(prefix="idpc-sheet-"))
        args = [sys.executable, "-m", "generator", str(content), "-o", str(work / "out"), "--only", "deck"]
        if template is not None:
            args += ["--deck-template", str(template)]
        subprocess.run(args, check=True, capture_output=True)
        name = template.stem if template is not None else "builtin"
        for deck in sorted((work / "out").glob("*/deck.pptx")):
            lang = deck.parent.name
            subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless",
                            "--convert-to", "pdf", "--outdir", str(deck.parent), str(deck)],
                           check=True, capture_output=True, timeout=600)
            slides = pages(deck.with_suffix(".pdf"), dpi, 1, 999)
            path = out / f"deck-{name}-{lang}.png"
            grid(slides, 6).save(path, optimize=True)
            made.append(path)
        shutil.rmtree(work)
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("templates", nargs="*", type=Path)
    parser.add_argument("--content", type=Path, default=ROOT / "content.yaml")
    parser.add_argument("--out", type=Path, default=Path("contact-sheets"))
    parser.add_argument("--dpi", type=int, default=20)
    parser.add_argument("--no-builtin", action="store_true", help="only the templates given")
    a = parser.parse_args()
    templates = ([] if a.no_builtin else [None]) + [t.resolve() for t in a.templates]
    for path in sheets(a.content.resolve(), templates, a.out, a.dpi):
        print(path)


if __name__ == "__main__":
    main()
