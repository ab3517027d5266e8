"""Every font in every PDF is embedded, and it is the bundled Noto Sans with bold and italic."""
from __future__ import annotations

from pypdf import PdfReader


def _fonts(path):
    found = {}
    for page in PdfReader(str(path)).pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return found


def test_every_font_in_every_pdf_is_embedded(default_build, big_build):
    pdfs = sorted(default_build[0].glob("*.pdf")) + sorted(big_build[0].glob("*.pdf"))
    assert len(pdfs) >= 10
    for pdf in pdfs:
        fonts = _fonts(pdf)
        assert fonts, pdf.name
        assert all(fonts.values()), (pdf.name, fonts)
        assert all("NotoSans" in name for name in fonts), (pdf.name, fonts)


def test_factsheet_uses_bold_and_regular(default_build):
    names = " ".join(_fonts(default_build[0] / "factsheet.pdf"))
    assert "NotoSans-Bold" in names and "NotoSans-Regular" in names
