"""Fonts per edition: a bundled package for Devanagari and the scripts of South-East Asia, an installed
font for Chinese (found by fontconfig, or in the folders IDPC_KIT_FONT_DIRS names), a file named in
build.fonts; and without any, one message per script that names the fix."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator import fonts, sysfonts
from generator.errors import ContentError
from generator.kit import load_kit

ZH = """\
language: zh
title: 国际警察合作日
summary: 国际警察合作日于每年9月7日举行。各国警方携手合作，共同应对跨国犯罪。
sections:
  - id: history
    title: 历史
    points:
      - 起源：1923年，来自20个国家的警察在维也纳开会。
"""
HI = """\
language: hi
title: अंतर्राष्ट्रीय पुलिस सहयोग दिवस
summary: यह दिवस हर साल 7 सितंबर को मनाया जाता है।
sections:
  - id: history
    title: इतिहास
    points:
      - "**शुरुआत**: 1923 में 20 देशों की पुलिस वियना में मिली।"
"""


def cjk_font() -> sysfonts.Found:
    saved = os.environ.pop(sysfonts.ENV, None)
    sysfonts.find.cache_clear()
    try:
        found, _ = sysfonts.find("国际", "SC")
    finally:
        if saved is not None:
            os.environ[sysfonts.ENV] = saved
        sysfonts.find.cache_clear()
    if found is None:
        if os.environ.get("REQUIRE_CJK_FONT"):
            pytest.fail("a CJK font is required (apt-get install fonts-noto-cjk) but none is installed")
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    return found


@pytest.fixture
def no_system_fonts(monkeypatch):
    monkeypatch.setenv(sysfonts.ENV, "")
    sysfonts.find.cache_clear()
    yield
    sysfonts.find.cache_clear()


def write(folder: Path, text: str) -> Path:
    (folder / "content.yaml").write_text(text, encoding="utf-8")
    return folder / "content.yaml"


def test_hindi_is_set_in_the_bundled_devanagari_font_with_no_set_up(tmp_path, no_system_fonts):
    kit = load_kit(write(tmp_path, HI))
    assert kit.fonts.face_for("ह", "regular").family == "Noto Sans Devanagari"
    assert kit.fonts.face_for("ह", "bold").style == "bold" and not kit.fonts.face_for("ह", "bold").synthetic_bold
    assert kit.fonts.face_for("P", "regular").family == "Arimo"


def test_chinese_takes_an_installed_cjk_font_with_its_bold_and_says_which(tmp_path):
    found = cjk_font()
    kit = load_kit(write(tmp_path, ZH))
    face = kit.fonts.face_for("国", "regular")
    assert face.family == found.family and face.source == found.path
    assert not kit.fonts.face_for("国", "bold").synthetic_bold
    assert any(found.family in line and found.path in line for line in kit.font_report)


def test_without_a_cjk_font_chinese_gets_one_message_naming_the_fix(tmp_path, no_system_fonts):
    with pytest.raises(ContentError) as exc:
        load_kit(write(tmp_path, ZH))
    lines = str(exc.value).splitlines()
    assert len(lines) == 1, lines
    assert "the zh edition uses Chinese characters (Han), which no installed font covers" in lines[0]
    assert "apt install fonts-noto-cjk" in lines[0] and "build.fonts" in lines[0]
    assert "content.yaml:2:" in lines[0]         # where the first one is


def test_a_font_named_in_build_fonts_covers_the_script(tmp_path, no_system_fonts):
    found = cjk_font()
    (tmp_path / "fonts").mkdir()
    shutil.copy(found.path, tmp_path / "fonts" / Path(found.path).name)
    kit = load_kit(write(tmp_path, ZH + f"build:\n  fonts: [fonts/{Path(found.path).name}]\n"))
    assert kit.fonts.face_for("国", "regular").source.endswith(Path(found.path).name)


def test_a_font_file_outside_the_folder_or_not_a_font_is_refused_with_its_line(tmp_path, no_system_fonts):
    (tmp_path / "notes.txt").write_text("not a font", encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_kit(write(tmp_path, HI + "build:\n  fonts: [../x.ttf, notes.txt, /etc/passwd]\n"))
    text = str(exc.value)
    assert "build.fonts[0]" in text and "outside the content file's folder" in text
    assert "build.fonts[1]" in text and "not a font file" in text
    assert "build.fonts[2]" in text and "outside the system's font folders" in text


def test_a_family_without_bold_is_drawn_thicker_not_silently_regular():
    arimo = fonts.bundled("arimo")
    path, _ = arimo.files["regular"]
    family = fonts.from_files("Only Regular", {"regular": Path(path)})
    bold = family.face("bold")
    assert bold.synthetic_bold and bold.style == "bold"
    assert not family.face("regular").synthetic_bold


def test_a_theme_names_a_font_file_in_one_line(tmp_path, no_system_fonts):
    theme = tmp_path / "templates" / "mine"
    (theme / "fonts").mkdir(parents=True)
    source, _ = fonts.bundled("noto-sans-devanagari").files["regular"]
    shutil.copy(source, theme / "fonts" / "MyDevanagari-Regular.ttf")
    (theme / "theme.yaml").write_text("name: mine\nfonts:\n  fallbacks: [fonts/MyDevanagari-Regular.ttf]\n",
                                      encoding="utf-8")
    kit = load_kit(write(tmp_path, HI + "build:\n  theme: mine\n"))
    face = kit.fonts.face_for("ह", "regular")
    assert face.family == "Noto Sans Devanagari"
    assert kit.fonts.families[1].files["regular"][0].startswith(str(theme.resolve()))
    assert kit.fonts.face_for("ह", "bold").synthetic_bold     # no bold file beside it: drawn thicker


def test_synthetic_bold_is_drawn_filled_and_stroked_in_the_pdf(tmp_path, no_system_fonts):
    from pypdf import PdfReader

    from helpers import build

    theme = tmp_path / "templates" / "mine"
    (theme / "fonts").mkdir(parents=True)
    source, _ = fonts.bundled("noto-sans-devanagari").files["regular"]
    shutil.copy(source, theme / "fonts" / "MyDevanagari-Regular.ttf")
    (theme / "theme.yaml").write_text("name: mine\nfonts:\n  fallbacks: [fonts/MyDevanagari-Regular.ttf]\n",
                                      encoding="utf-8")
    write(tmp_path, HI + "build:\n  theme: mine\n")
    build(tmp_path / "content.yaml", tmp_path / "out", ["factsheet"])
    page = PdfReader(str(tmp_path / "out" / "hi" / "factsheet.pdf")).pages[0]
    stream = page.get_contents().get_data().decode("latin-1")
    assert " 2 Tr " in stream and " 0 Tr" in stream     # the bold term: fill and stroke, then back
