"""Handouts and keys, read back: the key's letters point at the right option text of the same version."""
from __future__ import annotations

import re

from pypdf import PdfReader

from generator.quizplan import plan
from generator.text import plain

from helpers import normalise, pdf_text


def test_default_quiz_files_and_key_on_one_page(default_build):
    folder, _ = default_build
    assert (folder / "quiz.pdf").exists()
    assert len(PdfReader(str(folder / "quiz-key.pdf")).pages) == 1


def test_handout_has_every_question_option_and_the_fields(default_build, default_kit):
    text = pdf_text(default_build[0] / "quiz.pdf")
    for field in ("Name", "Date", "Score"):
        assert field in text
    for q in default_kit.content.quiz.questions:
        assert normalise(plain(q.question)) in text
        for option in q.options:
            assert normalise(plain(option)) in text


def test_quiz_title_and_fingerprint_on_every_page(big_build, big_kit):
    qp = plan(big_kit)
    for version in qp.versions:
        for name in (f"quiz{version.suffix}.pdf", f"quiz{version.suffix}-key.pdf"):
            for page in PdfReader(str(big_build[0] / name)).pages:
                text = normalise(page.extract_text())
                assert qp.fingerprint in text
                assert f"Version {version.letter}" in text
                assert normalise(plain(qp.title)) in text


def _handout_options(text: str, number: int, next_number: int | None) -> str:
    start = text.index(f" {number}. ") if f" {number}. " in text else text.index(f"{number}. ")
    end = text.index(f" {next_number}. ", start) if next_number else len(text)
    return text[start:end]


def test_every_key_points_at_the_right_option_in_its_handout(big_build, big_kit):
    qp = plan(big_kit)
    authored = big_kit.content.quiz.questions
    assert len(qp.versions) == 3
    for version in qp.versions:
        handout = pdf_text(big_build[0] / f"quiz{version.suffix}.pdf")
        key = pdf_text(big_build[0] / f"quiz{version.suffix}-key.pdf")
        for q in version.questions:
            correct = [authored[q.source].options[i] for i in authored[q.source].answers]
            # the handout shows each correct option under the letter the plan gave it
            for option in q.options:
                if option.correct:
                    assert plain(option.text) in [plain(c) for c in correct]
                    assert re.search(rf"{option.letter} {re.escape(normalise(plain(option.text)))}", handout), \
                        (version.letter, q.number, option.letter)
            # the key prints the same letters and texts
            assert normalise(f"{q.letters}") in key
            for option in q.options:
                if option.correct:
                    assert f"{option.letter} {normalise(plain(option.text))}" in key


def test_several_correct_answers_say_select_all(big_build, big_kit):
    qp = plan(big_kit)
    text = pdf_text(big_build[0] / "quiz-A.pdf")
    multiple = sum(q.multiple for q in qp.versions[0].questions)
    assert multiple >= 3
    assert text.count("Select all that apply") == multiple


def test_versions_are_deterministic_and_differ(big_kit):
    first, again = plan(big_kit), plan(big_kit)
    assert first == again
    orders = {tuple(q.source for q in v.questions) for v in first.versions}
    assert len(orders) == 3
    assert [q.source for q in first.versions[0].questions] == list(range(20))  # A keeps the authored order


def test_master_key_lists_every_version(big_build):
    text = pdf_text(big_build[0] / "quiz-master-key.pdf")
    for letter in "ABC":
        assert f"Version {letter}" in text


def test_no_question_splits_across_pages(big_build, big_kit):
    qp = plan(big_kit)
    for version in qp.versions:
        pages = [normalise(p.extract_text()) for p in PdfReader(str(big_build[0] / f"quiz{version.suffix}.pdf")).pages]
        for q in version.questions:
            texts = [normalise(plain(q.text))[:40]] + [normalise(plain(o.text))[:40] for o in q.options]
            holders = [i for i, page in enumerate(pages) if texts[0] in page]
            assert holders, (version.letter, q.number)
            assert all(t in pages[holders[0]] for t in texts), (version.letter, q.number)


def _build_quiz(tmp_path, **quiz_settings):
    from generator.build import build
    from generator.kit import load_kit
    from helpers import ROOTS

    kit = load_kit(ROOTS / "big" / "content.yaml", {"outputs": ["quiz"]})
    kit.build = kit.build.model_copy(update={"quiz": kit.build.quiz.model_copy(update=quiz_settings)})
    build(kit, tmp_path)
    return kit, tmp_path / "en"


def test_two_columns_make_a_more_compact_handout(tmp_path, big_build):
    _, folder = _build_quiz(tmp_path, columns=2)
    two = len(PdfReader(str(folder / "quiz-A.pdf")).pages)
    one = len(PdfReader(str(big_build[0] / "quiz-A.pdf")).pages)
    assert two < one
    assert "Name" in pdf_text(folder / "quiz-A.pdf")


def test_answer_sheet_and_scoring_overlays_are_one_page_each(tmp_path):
    kit, folder = _build_quiz(tmp_path, answer_sheet=True)
    assert len(PdfReader(str(folder / "quiz-answer-sheet.pdf")).pages) == 1
    assert "Version A B C" in pdf_text(folder / "quiz-answer-sheet.pdf")  # people mark their version
    for letter in "ABC":
        overlay = folder / f"quiz-{letter}-scoring.pdf"
        assert len(PdfReader(str(overlay)).pages) == 1
        assert f"Version {letter}" in pdf_text(overlay)


def test_default_content_with_four_versions(tmp_path):
    from generator.build import build
    from generator.kit import load_kit
    from helpers import ROOT

    kit = load_kit(ROOT / "content.yaml", {"outputs": ["quiz"], "versions": 4})
    names = {w.path.name for w in build(kit, tmp_path)}
    for letter in "ABCD":
        assert {f"quiz-{letter}.pdf", f"quiz-{letter}-key.pdf"} <= names
    assert "quiz-master-key.pdf" in names and "quiz.pdf" not in names
    qp = plan(kit)
    master = pdf_text(tmp_path / "en" / "quiz-master-key.pdf")
    for version in qp.versions:
        for q in version.questions:
            assert f"{q.letters} (#{q.number})" in master or f"{q.letters}(#{q.number})" in master
