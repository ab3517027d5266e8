"""Quiz handouts and keys read back: one page for the default quiz on both papers, questions never
split nor left alone on a page, keys that match their handouts, "Select all that apply" at body size in
bold, the language's own option letters, and fonts embedded."""
from __future__ import annotations

import pytest

from generator.quizplan import plan as quiz_plan
from helpers import LANGUAGES, ROOTS, build, copy_default, pdf_fonts, pdf_page_texts, pdf_text


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_default_quiz_is_one_page_in_every_language(tmp_path, default_build, paper):
    out, _, plans, kits = default_build       # on the content's own paper
    if kits[0].content.build.paper != paper:
        out = tmp_path / "out"
        _, plans, _ = build(copy_default(tmp_path), out, ["quiz"], paper=paper, workers=1)
    assert sorted(p.language for p in plans) == sorted(LANGUAGES)
    for p in plans:
        handout = next(f.payload for f in p.files if f.name == "quiz.pdf")
        assert len(handout.pages) == 1, (p.language, paper)
        assert len(pdf_page_texts(out / p.language / "quiz.pdf")) == 1


def test_no_page_of_a_long_handout_holds_a_lone_question(big_build):
    folder, _, plans = big_build
    for f in plans[0].files:
        if f.name.startswith("quiz-") and f.name.endswith(".pdf") and "key" not in f.name and "master" not in f.name:
            per_page = f.payload.facts["per_page"]
            assert len(per_page) == 1 or min(per_page) > 1, (f.name, per_page)


def test_an_answer_key_is_tightened_rather_than_leave_a_question_or_two_on_a_last_page(big_build):
    from helpers import pdf_page_texts

    folder, _, plans = big_build
    keys = [f.name for f in plans[0].files if f.name.endswith("-key.pdf") and "master" not in f.name]
    assert len(keys) == 3
    for name in keys:
        pages = pdf_page_texts(folder / name)
        last = pages[-1]
        numbers = [n for n in range(1, 21) if f"{n}." in last.split()]
        assert len(pages) == 1 or len(numbers) > 2, (name, len(pages), numbers)


def test_a_two_column_twenty_question_version_fills_before_it_spills(tmp_path):
    text = (ROOTS / "big" / "content.yaml").read_text(encoding="utf-8").replace("    seed: 11", "    seed: 11\n    columns: 2")
    folder = tmp_path / "big"
    import shutil

    shutil.copytree(ROOTS / "big", folder)
    (folder / "content.yaml").write_text(text, encoding="utf-8")
    _, plans, _ = build(folder / "content.yaml", tmp_path / "out", ["quiz"])
    for f in plans[0].files:
        if f.name in ("quiz-A.pdf", "quiz-B.pdf", "quiz-C.pdf"):
            per_page = f.payload.facts["per_page"]
            assert len(per_page) <= 2 and min(per_page) > 1, per_page


def test_each_key_matches_its_handout(big_build):
    folder, _, plans = big_build
    kit_plan = plans[0]
    for version in ("A", "B", "C"):
        handout = pdf_text(folder / f"quiz-{version}.pdf")
        key = pdf_text(folder / f"quiz-{version}-key.pdf")
        assert f"Version {version}" in handout and f"Version {version}" in key
        fingerprint = handout.split("·")[-1].split()[0]
        assert fingerprint in key
    assert kit_plan.files


def test_keys_list_the_letters_the_plan_marks_correct(default_build):
    out, _, plans, kits = default_build
    qp = quiz_plan(kits[0])
    key = pdf_text(out / "en" / "quiz-key.pdf")
    for q in qp.versions[0].questions:
        correct = [o for o in q.options if o.correct]
        assert f"{q.number}. {q.letters}" in key
        for o in correct:
            assert f"{o.letter} {o.text}" in key or f"{o.letter}\u2002{o.text}" in key


def test_select_all_that_apply_is_bold_at_body_size(print_build):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    import ctypes

    folder = print_build[0] / "A4"
    doc = pdfium.PdfDocument(str(folder / "quiz-A.pdf"))
    found = False
    for i in range(len(doc)):
        tp = doc[i].get_textpage()
        text = tp.get_text_range()
        at = text.find("Select all that apply")
        if at < 0:
            continue
        buf = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        raw.FPDFText_GetFontInfo(tp, at, buf, 128, ctypes.byref(flags))
        assert b"bold" in buf.value.lower()
        assert raw.FPDFText_GetFontSize(tp, at) >= 10.4
        found = True
    assert found


def test_the_handout_says_fill_in_not_circle(default_build):
    text = pdf_text(default_build[0] / "en" / "quiz.pdf")
    assert "Fill in the circle" in text and "Circle the letter" not in text


def test_the_arabic_handout_uses_arabic_option_letters(default_build):
    text = pdf_text(default_build[0] / "ar" / "quiz.pdf")
    for letter in "أبجد":
        assert letter in text
    assert "Name" not in text and "Score" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_quiz_fonts_are_embedded(default_build, language):
    for name in ("quiz.pdf", "quiz-key.pdf"):
        fonts = pdf_fonts(default_build[0] / language / name)
        assert fonts and all(fonts.values())


def test_the_master_key_says_languages_share_the_versions_only_when_there_are_several(big_build, editions_build):
    text = pdf_text(big_build[0] / "quiz-master-key.pdf")      # one language
    assert "All languages share" not in text
    assert "Version A" in text and "Version C" in text
    text = pdf_text(editions_build[0] / "en" / "quiz-master-key.pdf")   # four languages
    assert "All languages share these versions and keys" in text
