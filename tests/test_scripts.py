"""A kit in six scripts (tests/roots/scripts: English, Brazilian Portuguese, Russian, simplified Chinese,
Hindi and Japanese, written from the default content, no theme of its own): it builds with a CJK font
installed; without one, the Chinese and Japanese editions get one line each naming the fix while the
others are built; no English label is printed in a catalogued language; Chinese lines neither begin with
closing punctuation nor split a number; every section title comes back from the text layer; deck runs
name their language; --lang pt-br finds content.pt-BR.yaml."""
from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from generator import sysfonts
from generator.cli import main
from generator.kit import load_kit
from generator.text import plain
from helpers import ROOTS, deck

LANGUAGES = ("en", "pt-BR", "ru", "zh", "hi", "ja")
CATALOGUED = ("pt-BR", "ru", "zh", "hi", "ja")
CLOSING = "、。，．：；？！）」』】〕〉》”’・ーぁぃぅぇぉっゃゅょ"
OPENING = "（「『【〔〈《“‘"
# labels the kit writes in English, as they would show if a catalogue were missing
ENGLISH = ("Page 1 of", "Join us", "Scan for more", "Frequently asked questions", "Answer key", "See:",
           "Sources", "Select all that apply", "Fill in the circle", "Thank you", "Find out more", "Agenda",
           "Question 1 of", "Answer:", "Version", "Scan to find out more", "Test your knowledge")
NOTES_ENGLISH = ("Welcome everyone", "Read the question aloud", "The answer is", "Here is what we will cover",
                 "Thank you for your time")


def have_cjk_font() -> bool:
    saved = os.environ.pop(sysfonts.ENV, None)
    sysfonts.find.cache_clear()
    try:
        return sysfonts.find("国", "SC")[0] is not None
    finally:
        if saved is not None:
            os.environ[sysfonts.ENV] = saved
        sysfonts.find.cache_clear()


def need_cjk_font():
    if not have_cjk_font():
        if os.environ.get("REQUIRE_CJK_FONT"):
            pytest.fail("a CJK font is required (apt-get install fonts-noto-cjk) but none is installed")
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")


@pytest.fixture(scope="module")
def scripts_build(tmp_path_factory):
    """The six-script kit built by the command, as a user runs it: (output folder, exit code)."""
    need_cjk_font()
    folder = tmp_path_factory.mktemp("scripts")
    shutil.copytree(ROOTS / "scripts", folder / "kit")
    code = main([str(folder / "kit" / "content.yaml"), "-o", str(folder / "output")])
    return folder / "output", code


def pdftotext(path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_lang_matches_tags_in_any_case():
    kits = load_kit(ROOTS / "scripts" / "content.yaml", translations=True, only_language="pt-br").kits
    assert [k.language for k in kits] == ["pt-BR"]


def test_without_a_cjk_font_chinese_and_japanese_get_one_line_each_and_the_others_are_built(
        tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(sysfonts.ENV, "")
    sysfonts.find.cache_clear()
    shutil.copytree(ROOTS / "scripts", tmp_path / "kit")
    code = main([str(tmp_path / "kit" / "content.yaml"), "-o", str(tmp_path / "out"), "--only", "poster"])
    sysfonts.find.cache_clear()
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    zh = [line for line in err if "zh" in line]
    assert 1 <= len(zh) <= 3, err
    assert "Chinese characters (Han)" in zh[0] and "apt install fonts-noto-cjk" in zh[0] and "build.fonts" in zh[0]
    assert "the ja and zh editions were not built" in err[-1]
    built = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert built == sorted(["en", "pt-BR", "ru", "hi"])


@pytest.mark.slow
def test_the_six_script_kit_builds(scripts_build):
    out, code = scripts_build
    assert code == 0
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(LANGUAGES)


# A Devanagari glyph stands for several characters in an order of its own: the text layer gets them
# back through the exact ToUnicode map and ActualText spans of the tagged PDF, so Hindi is held to it too.


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_section_title_comes_back_from_the_text_layer(scripts_build, language):
    out, _ = scripts_build
    suffix = "" if language == "en" else f".{language}"
    kit = load_kit(ROOTS / "scripts" / f"content{suffix}.yaml")
    text = re.sub(r"\s+", "", pdftotext(out / language / "factsheet.pdf"))
    for section in kit.content.sections:
        assert re.sub(r"\s+", "", plain(section.title, language)) in text, section.title


@pytest.mark.slow
@pytest.mark.parametrize("language", CATALOGUED)
def test_no_english_label_is_printed_in_a_catalogued_language(scripts_build, language):
    out, _ = scripts_build
    folder = out / language
    for name in ("factsheet.pdf", "quiz.pdf", "quiz-key.pdf", "poster.pdf"):
        text = " ".join(pdftotext(folder / name).split())
        assert not [label for label in ENGLISH if label in text], name
    shown, said = [], []
    for slide in deck(folder / "deck.pptx").slides:
        shown += [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        if slide.has_notes_slide:
            said.append(slide.notes_slide.notes_text_frame.text)
    slides = " ".join(" ".join(shown).split())
    assert not [label for label in ENGLISH if label in slides]
    assert not [phrase for phrase in NOTES_ENGLISH if phrase in " ".join(said)]


@pytest.mark.slow
@pytest.mark.parametrize("language", ["zh", "ja"])
def test_no_chinese_or_japanese_line_begins_with_closing_punctuation_or_splits_a_number(scripts_build, language):
    out, _ = scripts_build
    source = (ROOTS / "scripts" / f"content.{language}.yaml").read_text(encoding="utf-8")
    numbers = set(re.findall(r"\d{3,}", source))
    for name in ("factsheet.pdf", "quiz.pdf", "quiz-key.pdf"):
        text = pdftotext(out / language / name)
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert not [line for line in lines if line[0] in CLOSING], name
        assert not [line for line in lines if line[-1] in OPENING], name
        if name == "factsheet.pdf":   # every number of the content is there whole: 1923, never 19 / 23
            assert numbers <= set(re.findall(r"\d{3,}", text)), numbers - set(re.findall(r"\d{3,}", text))


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_deck_runs_name_the_editions_language(scripts_build, language):
    out, _ = scripts_build
    langs = set()
    for slide in deck(out / language / "deck.pptx").slides:
        langs |= set(re.findall(r'<a:rPr lang="([^"]+)"', slide.part.blob.decode("utf-8")))
    assert langs and all(tag.split("-")[0] == language.split("-")[0] for tag in langs), langs


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_poster_carries_the_summarys_first_sentence_and_no_more(scripts_build, language):
    from generator.text import sentences

    out, _ = scripts_build
    suffix = "" if language == "en" else f".{language}"
    kit = load_kit(ROOTS / "scripts" / f"content{suffix}.yaml")
    first, second = sentences(plain(kit.content.summary, language))[:2]
    text = re.sub(r"\s+", "", pdftotext(out / language / "poster.pdf"))
    assert re.sub(r"\s+", "", first) in text
    assert re.sub(r"\s+", "", second)[:12] not in text
