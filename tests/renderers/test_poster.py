"""The event poster read back: one A3 page (Tabloid with Letter), the title at 60 pt or more, the
event's name and place, a key sentence, and a QR code that decodes to the website from the rendered page."""
from __future__ import annotations

import pytest

from helpers import LANGUAGES, build, copy_default, pdf_fonts, pdf_pages, pdf_text, text_spans


@pytest.mark.parametrize("paper, size", [("A4", (841.9, 1190.5)), ("Letter", (792.0, 1224.0))])
def test_one_page_of_the_right_size(tmp_path, default_build, paper, size):
    out, _, _, kits = default_build           # on the content's own paper
    if kits[0].content.build.paper != paper:
        out = tmp_path / "out"
        build(copy_default(tmp_path), out, ["poster"], paper=paper)
    for language in LANGUAGES:
        (page,) = pdf_pages(out / language / "poster.pdf")
        assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == size


def test_title_event_and_key_sentence_are_readable_across_a_room(default_build):
    path = default_build[0] / "en" / "poster.pdf"
    text = pdf_text(path)
    for phrase in ("International Day of Police Cooperation", "Open day at the central station",
                   "Central Police Station, Main Hall", "7 September 2027", "10:00–16:00",
                   "The International Day of Police Cooperation is observed every year on 7 September"):
        assert phrase in text, phrase
    spans = text_spans(path)
    title = "".join(ch for *_, ch in spans).find("International")
    assert spans[title][2] >= 60
    assert all(f for f in pdf_fonts(path).values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_qr_code_decodes_to_the_website_from_the_rendered_page(default_build, language):
    zxingcpp = pytest.importorskip("zxingcpp")
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(default_build[0] / language / "poster.pdf"))[0]
    image = page.render(scale=100 / 72).to_pil()
    found = [r.text for r in zxingcpp.read_barcodes(image)]
    assert found == ["https://example.org/police-cooperation"]


def test_every_language_has_its_own_poster_wording(default_build):
    assert "Rejoignez-nous" in pdf_text(default_build[0] / "fr" / "poster.pdf")
    assert "Join us" not in pdf_text(default_build[0] / "es" / "poster.pdf")


def test_a_four_line_title_still_leaves_room_for_the_key_sentence(tmp_path):
    """A long Spanish title takes the band down the page; the title gives up a little size (never
    below 52 pt) and the key sentence keeps its place, clear of the logo and QR code."""
    content = copy_default(tmp_path)
    text = content.read_text(encoding="utf-8").replace(
        "title: International Day of Police Cooperation",
        "title: Día Internacional de la Lucha contra el Uso Indebido y el Tráfico Ilícito de Drogas", 1)
    content.write_text(text, encoding="utf-8")
    written, plans, _ = build(content, tmp_path / "out", ["poster"], "en")
    assert not [w for w in plans[0].warnings if "poster" in w.message]
    path = written[0].path
    assert "The International Day of Police Cooperation is observed every year" in pdf_text(path)
    spans = text_spans(path)
    start = "".join(ch for *_, ch in spans).find("DíaInternacional")
    assert start >= 0 and spans[start][2] >= 52
    sentence_bottom = max(y for x, y, size, ch in spans if 20 <= size < 40)
    qr_caption_top = min(y for x, y, size, ch in spans if size < 20)
    assert sentence_bottom < qr_caption_top
