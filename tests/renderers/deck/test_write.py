"""The written deck read back with python-pptx: right-to-left paragraphs and tables in Arabic, runs
tagged with their real language, only fonts every PowerPoint has, notes on every slide, fixed dates."""
from __future__ import annotations

import re
import zipfile

from helpers import deck

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def xml_of(path, part):
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


def test_arabic_paragraphs_are_right_to_left_and_right_aligned(default_build):
    prs = deck(default_build[0] / "ar" / "deck.pptx")
    arabic = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for p in shape.text_frame.paragraphs:
                if re.search("[\u0600-\u06ff]", p.text):
                    ppr = p._p.find(f"{A}pPr")
                    assert ppr.get("rtl") == "1" and ppr.get("algn") == "r", p.text
                    arabic += 1
    assert arabic > 50


def test_arabic_runs_are_tagged_with_a_regional_arabic_tag_and_a_complex_script_font(default_build):
    xml = xml_of(default_build[0] / "ar" / "deck.pptx", "ppt/slides/slide3.xml")
    assert 'lang="ar-EG"' in xml
    assert re.search(r'<a:cs typeface="[^"]+"/>', xml)


def test_arabic_tables_run_right_to_left(default_build):
    prs = deck(default_build[0] / "ar" / "deck.pptx")
    tables = [s for slide in prs.slides for s in slide.shapes if s.has_table]
    assert tables and all(t._element.find(f".//{A}tblPr").get("rtl") == "1" for t in tables)


def test_english_wording_in_another_language_is_tagged_english(tmp_path):
    from helpers import build, copy_default

    content = copy_default(tmp_path)
    wording = tmp_path / "templates" / "sparse" / "wording"
    wording.mkdir(parents=True)
    (tmp_path / "templates" / "sparse" / "theme.yaml").write_text("name: sparse\n", encoding="utf-8")
    (wording / "fr.yaml").write_text("agenda: Programme\n", encoding="utf-8")
    (wording / "en.yaml").write_text("closing_title: Thanks a lot\n", encoding="utf-8")
    written, plans, _ = build(content, tmp_path / "out", ["deck"], theme="sparse")
    fr = next(w.path for w in written if w.path.parent.name == "fr")
    prs = deck(fr)
    last = prs.slides[-1].shapes.title.text_frame.paragraphs[0].runs[0]
    assert last.text == "Merci de votre attention" or last._r.find(f"{A}rPr").get("lang", "").startswith(("fr", "en"))


def test_the_built_in_deck_names_only_fonts_every_powerpoint_has(default_build):
    for language in ("en", "ar"):
        path = default_build[0] / language / "deck.pptx"
        names = set()
        with zipfile.ZipFile(path) as z:
            for part in z.namelist():
                if part.startswith("ppt/slides/slide"):
                    names |= set(re.findall(r'typeface="([^"+][^"]*)"', z.read(part).decode()))
        assert names == {"Arial"}, names


def test_every_slide_has_notes_and_fixed_dates(default_build):
    prs = deck(default_build[0] / "en" / "deck.pptx")
    assert all(s.has_notes_slide and s.notes_slide.notes_text_frame.text.strip() for s in prs.slides)
    assert prs.core_properties.created.year == 2027 and prs.core_properties.modified.year == 2027
    with zipfile.ZipFile(default_build[0] / "en" / "deck.pptx") as z:
        assert {i.date_time for i in z.infolist()} == {(2027, 9, 7, 9, 0, 0)}


def test_every_arabic_paragraph_runs_right_to_left_and_latin_ones_keep_their_punctuation(default_build):
    """An option written in Latin letters only ("A/RES/77/241 (2022)") runs right to left too, so its
    letter sits at the right like the others; a left-to-right mark keeps its closing bracket at its end."""
    prs = deck(default_build[0] / "ar" / "deck.pptx")
    latin = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text.strip() or shape.name.startswith("Slide number"):
                continue
            for p in shape.text_frame.paragraphs:
                if not p.text.strip():
                    continue
                assert p._p.find(f"{A}pPr").get("rtl") == "1", p.text
                if not re.search("[\u0600-\u06ff]", p.text):
                    assert p.text.endswith("\u200e"), p.text
                    latin += 1
    assert latin >= 4      # the A/RES/... options and the web address


def test_the_built_in_deck_names_its_fonts_on_every_run_and_in_its_theme(default_build):
    path = default_build[0] / "en" / "deck.pptx"
    runs = re.findall(r"<a:rPr[^>]*>.*?</a:rPr>", xml_of(path, "ppt/slides/slide4.xml"))
    assert runs and all('<a:latin typeface="Arial"/>' in r for r in runs)
    theme = xml_of(path, "ppt/theme/theme1.xml")
    assert '<a:majorFont><a:latin typeface="Arial"' in theme and '<a:minorFont><a:latin typeface="Arial"' in theme
