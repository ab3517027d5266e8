"""The README's pictures, made from a fresh build of the default kit (needs pdftoppm and LibreOffice;
the web page's need Chromium and its driver, as the browser tests do).

Run: .venv/bin/python docs/make_images.py          (web only: .venv/bin/python docs/make_images.py web)
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
# which slides of the English deck to show, by kind: the n-th slide of that kind
DECK_SLIDES = (("title", 1), ("agenda", 1), ("content", 1), ("content", 2), ("table", 1), ("faq", 1),
               ("quiz", 1), ("question", 1), ("reveal", 1), ("question", 2), ("reveal", 2), ("closing", 1))


def pages(pdf: Path, dpi: int, first: int = 1, last: int = 1) -> list[Image.Image]:
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(first), "-l", str(last), str(pdf), str(prefix)],
                   check=True)
    found = sorted(pdf.parent.glob(prefix.name + "-*.png"))
    images = [Image.open(p).convert("RGB") for p in found]
    for p in found:
        p.unlink()
    return images


def row(images: list[Image.Image], gap: int = 12, background: str = "#D5DCE4") -> Image.Image:
    height = max(i.height for i in images)
    out = Image.new("RGB", (sum(i.width for i in images) + gap * (len(images) + 1), height + 2 * gap), background)
    x = gap
    for image in images:
        out.paste(image, (x, gap))
        x += image.width + gap
    return out


def grid(images: list[Image.Image], columns: int, gap: int = 8) -> Image.Image:
    rows = [row(images[k:k + columns], gap) for k in range(0, len(images), columns)]
    out = Image.new("RGB", (max(r.width for r in rows), sum(r.height for r in rows) - gap * (len(rows) - 1)), "#D5DCE4")
    y = 0
    for r in rows:
        out.paste(r, (0, y))
        y += r.height - gap
    return out


def deck_numbers(content: Path) -> list[int]:
    """Slide numbers of DECK_SLIDES in the planned English deck."""
    sys.path.insert(0, str(ROOT))
    from generator.kit import load_kit
    from generator.phases import plan

    kit = next(k for k in load_kit(content, {}, translations=True).kits if k.language == "en")
    deck = next(f.payload for f in plan(kit, kit, ["deck"]).files if f.name == "deck.pptx")
    kinds = [s.kind for s in deck.slides]
    return [[k for k, kind in enumerate(kinds, start=1) if kind == wanted][n - 1] for wanted, n in DECK_SLIDES]


def web_pictures(out: Path, docs: Path) -> None:
    """The web page in headless Chromium: English at 1280 px; at 360 px the English and Arabic pages'
    tops and the English quiz after "Check"."""
    import io

    sys.path.insert(0, str(ROOT / "tests"))
    import browser as web

    chrome = web.driver()
    try:
        def shot(lang: str, width: int, height: int, scroll_to: str | None = None, check: bool = False):
            web.viewport(chrome, width, height)
            chrome.get((out / lang / "index.html").as_uri())
            if check:
                chrome.execute_script("document.querySelector('#q1 input[value=b]').click();"
                                      "document.querySelector('#q2 input[value=a]').click();"
                                      "document.getElementById('quiz-check').click()")
            if scroll_to:
                chrome.execute_script(f"document.querySelector('{scroll_to}').scrollIntoView()")
            return Image.open(io.BytesIO(chrome.get_screenshot_as_png())).convert("RGB")

        wide = shot("en", 1280, 860)
        wide.resize((wide.width * 3 // 5, wide.height * 3 // 5), Image.LANCZOS).save(docs / "web-desktop.png",
                                                                                     optimize=True)
        row([shot("en", 360, 740), shot("ar", 360, 740), shot("en", 360, 740, "#q1", check=True)]).save(
            docs / "web-phone.png", optimize=True)
    finally:
        chrome.quit()


def build_default() -> tuple[Path, Path]:
    work = Path(tempfile.mkdtemp(prefix="idpc-docs-"))
    for path in ROOT.glob("content*.yaml"):
        shutil.copy(path, work / path.name)
    subprocess.run([sys.executable, "-m", "generator", str(work / "content.yaml"), "-o", str(work / "out")],
                   check=True, capture_output=True)
    return work, work / "out"


def main() -> None:
    work, out = build_default()
    docs = ROOT / "docs"
    if sys.argv[1:] == ["web"]:
        web_pictures(out, docs)
        shutil.rmtree(work)
        return
    web_pictures(out, docs)
    row([pages(out / "en" / "factsheet.pdf", 60)[0], pages(out / "ar" / "factsheet.pdf", 60)[0]]).save(
        docs / "factsheet-en-ar.png", optimize=True)
    row([pages(out / "en" / "quiz.pdf", 60)[0], pages(out / "en" / "quiz-key.pdf", 60)[0]]).save(
        docs / "quiz.png", optimize=True)
    row([pages(out / "en" / "poster.pdf", 30)[0], pages(out / "ar" / "poster.pdf", 30)[0]]).save(
        docs / "poster.png", optimize=True)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(out / "en" / "deck.pptx")],
                   check=True, capture_output=True, timeout=300)
    slides = [pages(work / "deck.pdf", 24, n, n)[0] for n in deck_numbers(work / "content.yaml")]
    grid(slides, 4).save(docs / "deck.png", optimize=True)
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
