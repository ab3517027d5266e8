"""The PDF writer: embedded Type0 fonts with ToUnicode maps, text copied out in the order it was
written (Arabic too), glyph outlines for right-to-left lines, links only where planned."""
from __future__ import annotations

from generator.fonts import FontSet, bundled
from generator.page import Document, Link, Node, Page, TextLine
from generator.renderers.pdfwrite import write
from generator.typeset.lines import Span, Style, Typesetter
from helpers import normalise, pdf_fonts, pdf_text
from tagged import pdftotext_text, struct_text

LINES = ["اليوم الدولي للتعاون الشرطي", "تأسست منظمة INTERPOL عام 1923 في فيينا.", "لا إله إلا الله",
         "عَلَّمَ الإنسانَ ما لم يعلم"]


def arabic_pdf(tmp_path):
    fonts = FontSet([bundled("arimo"), bundled("ibm-plex-sans-arabic")])
    ts = Typesetter(fonts, True, "ar")
    page = Page(595, 842)
    root = Node("Document")
    for k, text in enumerate(LINES):
        (line,) = ts.set([Span(text, Style(12))], 500).lines
        page.add(TextLine(550 - line.width, 60 + 24 * k, line, True), root.add("P"))
    path = tmp_path / "ar.pdf"
    write(Document([page], "T", language="ar", structure=root), path)
    return path


def test_arabic_text_copies_out_in_logical_order(tmp_path):
    path = arabic_pdf(tmp_path)
    for extract in (struct_text, pdf_text, pdftotext_text):
        text = extract(path)
        for phrase in ("اليوم الدولي للتعاون الشرطي", "منظمة INTERPOL عام 1923", "لا إله إلا الله"):
            assert normalise(phrase) in text, (phrase, text)


def test_every_font_is_embedded_as_a_subset(tmp_path):
    fonts = pdf_fonts(arabic_pdf(tmp_path))
    assert fonts and all(fonts.values())
    assert all("+" in name for name in fonts)
    assert any("IBMPlexSansArabic" in name for name in fonts)


def test_the_same_document_gives_the_same_bytes(tmp_path):
    a = arabic_pdf(tmp_path).read_bytes()
    assert arabic_pdf(tmp_path).read_bytes() == a


def test_a_link_is_an_annotation_with_its_address(tmp_path):
    from pypdf import PdfReader

    fonts = FontSet([bundled("arimo")])
    (line,) = Typesetter(fonts).set([Span("example", Style(10), "https://example.org")], 300).lines
    page = Page(300, 200, [TextLine(10, 20, line), Link(10, 10, line.width, 12, "https://example.org")])
    write(Document([page], "T"), tmp_path / "l.pdf")
    annots = PdfReader(str(tmp_path / "l.pdf")).pages[0]["/Annots"]
    assert [a.get_object()["/A"]["/URI"] for a in annots] == ["https://example.org"]
