"""Translations beside the main file: found by name, inheriting build/organization/event, and refused
(naming both files and both lines) when their structure differs from the main file's."""
from __future__ import annotations

import pytest

from generator.errors import ContentError
from generator.kit import load_kit

MAIN = """\
language: en
title: Day
summary: One sentence.
organization:
  name: Org
  website: https://example.org
event:
  name: Open day
  date: 2027-09-07
sections:
  - id: one
    title: One
    points: [A point]
  - id: two
    title: Two
quiz:
  questions:
    - question: Q1?
      options: [a, b, c]
      answer: b
build:
  paper: Letter
  quiz: {versions: 2}
"""
FR = """\
language: fr
title: Journée
summary: Une phrase.
sections:
  - id: one
    title: Un
    points: [Un point]
  - id: two
    title: Deux
quiz:
  questions:
    - question: Q1 ?
      options: [a, b, c]
      answer: b
"""


def write(folder, main=MAIN, **others):
    (folder / "content.yaml").write_text(main, encoding="utf-8")
    for lang, text in others.items():
        (folder / f"content.{lang}.yaml").write_text(text, encoding="utf-8")
    return folder / "content.yaml"


def test_a_translation_inherits_build_organization_and_event(tmp_path):
    project = load_kit(write(tmp_path, fr=FR), translations=True)
    en, fr = project.kits
    assert fr.language == "fr" and fr.build.paper == "Letter" and fr.build.quiz.versions == 2
    assert fr.content.organization.name == "Org" and fr.content.event.name == "Open day"
    assert fr.event_date() == "7 septembre 2027"


def test_only_one_language_is_built_with_lang(tmp_path):
    project = load_kit(write(tmp_path, fr=FR), translations=True, only_language="fr")
    assert [k.language for k in project.kits] == ["fr"]


@pytest.mark.parametrize("change, where, words", [
    (("answer: b", "answer: c"), "quiz.questions[0].answer", ["the answer is `c` here but `b`", "content.yaml:"]),
    (("options: [a, b, c]", "options: [a, b, c, d]"), "quiz.questions[0].options", ["4 options here but 3"]),
    (("  - id: two", "  - id: deux"), "sections[1].id", ["`deux` here but `two`"]),
    (("language: fr", "language: es"), "language", ["file name says `fr`"]),
])
def test_a_structure_difference_names_both_files_and_lines(tmp_path, change, where, words):
    write(tmp_path, fr=FR.replace(*change))
    with pytest.raises(ContentError) as exc:
        load_kit(tmp_path / "content.yaml", translations=True)
    message = str(exc.value)
    assert "content.fr.yaml:" in message and f"{where}:" in message, message
    for word in words:
        assert word in message, message
    line = [ln for ln in message.splitlines() if where in ln][0]
    assert "(see " in line and "content.yaml:" in line.split("(see ")[1]


def test_a_missing_section_is_counted(tmp_path):
    write(tmp_path, fr=FR.replace("  - id: two\n    title: Deux\n", ""))
    with pytest.raises(ContentError, match="has 1 sections here but 2"):
        load_kit(tmp_path / "content.yaml", translations=True)


def test_every_language_shares_the_quiz_versions_and_fingerprint(tmp_path):
    from generator.quizplan import plan

    en, fr = load_kit(write(tmp_path, fr=FR), translations=True).kits
    a, b = plan(en), plan(fr, en)
    assert a.fingerprint == b.fingerprint
    for va, vb in zip(a.versions, b.versions):
        assert [q.source for q in va.questions] == [q.source for q in vb.questions]
        assert [q.letters for q in va.questions] == [q.letters for q in vb.questions]
