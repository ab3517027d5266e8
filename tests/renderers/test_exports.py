"""Quiz-app exports: GIFT, Moodle XML and the Kahoot spreadsheet, read back from the written files."""
from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

from generator.kit import load_kit
from generator.notes import Notes
from generator.renderers import writer as _writer
from generator.plans import Sheet
from generator.quizplan import PlannedOption, PlannedQuestion, plan
from generator.renderers import exports
from generator.text import plain

BIG = Path(__file__).resolve().parents[1] / "roots" / "big" / "content.yaml"

HOSTILE_YAML = r"""
title: Hostile quiz
date: today
summary: Testing exports.
sections:
  - id: one
    title: One
    text: Body.
quiz:
  title: 'Quiz: {braces} = ~tilde~ #1'
  questions:
    - question: 'What is 2+2 = {4}? ~ # : \'
      options: ['=4', '~5 # or : {6}', 'a\b', '%20 of it']
      answer: a
      explanation: 'Because 2+2 = {4} :: ~# \ and a line'
    - question: '[html] Which are **right**? <b>not bold</b> & :: ##'
      options: ['{ok}', '== yes ==', 'no ~ no', '#1', '[plain] C:\dir', 'right: 😀 مرحبا']
      answer: [a, b, f]
      explanation: '[Draft] three of six'
    - question: 'Two of three: x=1?'
      options: ['a}', 'b{', '%c%']
      answer: [a, c]
    - question: 'Long one: {{ title }} ''__''. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.'
      options:
        - 'Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.'
        - 'Short'
      answer: b
"""

GIFT_SPECIALS = "~=#{}:"


@pytest.fixture
def hostile(tmp_path):
    path = tmp_path / "content.yaml"
    path.write_text(HOSTILE_YAML, encoding="utf-8")
    return load_kit(path, allow_missing_glyphs=True)


def from_kit(kit):
    """The kit's quiz in authored order (independent of versions, shuffle and keep_first)."""
    return exports.authored(plan(kit))


class Written:
    def __init__(self, path, summary):
        self.path, self.summary = path, summary


def build(kit, folder: Path, notes: Notes | None = None):
    """Plan the exports of kit and write them into folder; returns what was written."""
    notes = notes or Notes(kit)
    folder.mkdir(parents=True, exist_ok=True)
    return [Written(folder / f.name, _writer(f.writer)(f.payload, folder / f.name))
            for f in exports.plan(kit, notes, plan(kit))]


@pytest.fixture(scope="module")
def big_outputs(tmp_path_factory):
    kit = load_kit(BIG)
    folder = tmp_path_factory.mktemp("big")
    notes = Notes(kit)
    written = build(kit, folder, notes)
    return kit, folder, written, notes.items


# --------------------------------------------------------------------------- a small GIFT reader

def unescaped(text: str) -> list[tuple[int, str]]:
    """Positions and characters of GIFT specials that are not escaped."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in GIFT_SPECIALS:
            out.append((i, text[i]))
        i += 1
    return out


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def split_unescaped(text: str, marks: str) -> list[str]:
    """Split before every unescaped mark character (the mark stays at the start of its piece)."""
    pieces, start, i = [], 0, 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in marks:
            pieces.append(text[start:i])
            start = i
        i += 1
    pieces.append(text[start:])
    return pieces


def strip_format(text: str) -> str:
    return text[len("[plain]"):] if text.startswith("[plain]") else text


def parse_gift(source: str) -> list[dict]:
    """Read multichoice questions as Moodle does: name, text, answers with weights, general feedback."""
    questions = []
    for block in re.split(r"\n\s*\n", source.strip()):
        lines = [line for line in block.splitlines() if not line.strip().startswith("//")]
        text = "\n".join(lines).strip()
        assert text.startswith("::")
        end = text.index("::", 2)
        name, rest = text[2:end], text[end + 2:]
        positions = [i for i, ch in unescaped(rest) if ch in "{}"]
        assert len(positions) == 2, f"one answer block in {rest!r}"
        open_, close = positions
        assert rest[open_] == "{" and rest[close] == "}" and rest[close + 1:].strip() == ""
        question_text, body = rest[:open_], rest[open_ + 1:close].strip()
        feedback = None
        hashes = [i for i, ch in unescaped(body) if ch == "#"]
        runs_of_four = [i for i in hashes if all(i + k in hashes for k in range(4))]
        if runs_of_four:
            g = runs_of_four[-1]
            feedback = unescape(strip_format(body[g + 4:].strip()))
            body = body[:g].strip()
        assert not [c for _, c in unescaped(body) if c == "#"], "no per-answer feedback is written"
        single = any(ch == "=" for _, ch in unescaped(body))
        answers = []
        for piece in split_unescaped(body, "~="):
            piece = piece.strip()
            if not piece:
                continue
            weight = 100.0 if piece[0] == "=" else 0.0
            piece = piece[1:]
            match = re.match(r"^%(-?[0-9]+(?:\.[0-9]+)?)%", piece)
            if match:
                weight, piece = float(match.group(1)), piece[match.end():]
            answers.append((unescape(strip_format(piece.strip())), weight))
        questions.append({"name": unescape(name), "text": unescape(strip_format(question_text.strip())),
                          "single": single, "answers": answers, "feedback": feedback})
    return questions


# --------------------------------------------------------------------------- GIFT

def test_gift_escapes_every_special_in_user_text(hostile, tmp_path):
    build(hostile, tmp_path / "out")
    source = (tmp_path / "out" / "quiz.gift").read_text(encoding="utf-8")
    for line in source.splitlines():
        if not line.strip() or line == "}":
            continue
        if line.startswith("// "):
            user = line[3:]
        elif line.startswith("::"):
            match = re.match(r"^::Q\d+::(.*)\{$", line)
            assert match, line
            user = match.group(1)
        else:
            match = re.match(r"^\t(?:=|~%-?[0-9.]+%|~|####)(.*)$", line)
            assert match, line
            user = match.group(1)
        assert unescaped(user) == [], f"unescaped special in {line!r}"
    # every backslash from the content is doubled
    assert r"\: \\{" in source
    assert r"a\\b" in source


def test_gift_parses_back_to_the_authored_questions(hostile, tmp_path):
    build(hostile, tmp_path / "out")
    parsed = parse_gift((tmp_path / "out" / "quiz.gift").read_text(encoding="utf-8"))
    authored = hostile.content.quiz.questions
    assert [q["name"] for q in parsed] == [f"Q{i}" for i in range(1, len(authored) + 1)]
    for got, want in zip(parsed, authored):
        assert got["text"] == plain(want.question)
        assert [a for a, _ in got["answers"]] == [plain(o) for o in want.options]
        assert got["feedback"] == (plain(want.explanation) if want.explanation else None)
        correct = [w for i, (_, w) in enumerate(got["answers"]) if i in want.answers]
        wrong = [w for i, (_, w) in enumerate(got["answers"]) if i not in want.answers]
        assert got["single"] == (len(want.answers) == 1)
        assert sum(correct) == pytest.approx(100, abs=0.001)
        assert all(w > 0 for w in correct)
        if len(want.answers) > 1:
            assert sum(wrong) == pytest.approx(-100, abs=0.001)
            assert all(w < 0 for w in wrong)
        else:
            assert all(w == 0 for w in wrong)
        assert all(w == 0 or abs(w) in {float(f) for f in exports.MOODLE_FRACTIONS} for w in correct + wrong)


def test_gift_hostile_question_as_written(hostile):
    out = exports.gift(from_kit(hostile))
    assert r"::Q1::[plain]What is 2+2 \= \{4\}? \~ \# \: \\{" in out
    assert "\t=\\=4\n" in out
    assert "\t~\\~5 \\# or \\: \\{6\\}\n" in out
    assert "\t~%0%%20 of it\n" in out      # a leading % is never read as a weight
    assert "\t~%33.33333%\\{ok\\}\n" in out
    assert "\t~%-33.33333%no \\~ no\n" in out
    assert "\t~%50%%c%\n" in out
    assert "\t####[plain][Draft] three of six\n" in out
    assert "\t~%-33.33333%[plain][plain] C\\:\\\\dir\n" in out


def test_gift_uses_authored_order_even_for_shuffled_versions():
    kit = load_kit(BIG)
    assert kit.build.quiz.versions > 1
    questions = from_kit(kit)
    assert [q.source for q in questions] == list(range(len(kit.content.quiz.questions)))
    # a shuffled version gives the same export
    shuffled = plan(kit).versions[-1]
    assert [q.source for q in shuffled.questions] != list(range(len(shuffled.questions)))
    assert exports.gift(shuffled) == exports.gift(questions)


def test_weights_for_every_count():
    def q(n_options, correct):
        options = tuple(PlannedOption("ABCDEF"[i], i, f"o{i}", i in correct) for i in range(n_options))
        return PlannedQuestion(1, 0, "q", options, None, None)

    for n in range(2, 7):
        for k in range(1, n + 1):
            w = [float(x) for x in exports.weights(q(n, set(range(k))))]
            assert sum(x for x in w if x > 0) == pytest.approx(100, abs=0.001)
            if k > 1 and k < n:
                assert sum(x for x in w if x < 0) == pytest.approx(-100, abs=0.001)
            assert all(x == 0 or abs(x) in {float(f) for f in exports.MOODLE_FRACTIONS} for x in w)


# --------------------------------------------------------------------------- Moodle XML

def test_moodle_xml_parses_with_one_multichoice_per_question(big_outputs):
    kit, folder, _, _ = big_outputs
    raw = (folder / "quiz-moodle.xml").read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>") or raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(raw)
    assert root.tag == "quiz"
    questions = root.findall("question")
    authored = kit.content.quiz.questions
    assert len(questions) == len(authored)
    for number, (element, want) in enumerate(zip(questions, authored), start=1):
        assert element.get("type") == "multichoice"
        assert element.findtext("name/text") == f"Q{number}"
        assert element.find("questiontext").get("format") == "html"
        text = element.findtext("questiontext/text")
        assert html.unescape(re.sub(r"<[^>]+>", "", text)) == plain(want.question)
        assert element.findtext("single") == ("true" if len(want.answers) == 1 else "false")
        assert element.findtext("answernumbering") == "abc"
        for tag in ("defaultgrade", "penalty", "hidden", "shuffleanswers", "generalfeedback/text"):
            assert element.find(tag) is not None, tag
        answers = element.findall("answer")
        assert len(answers) == len(want.options)
        fractions = [float(a.get("fraction")) for a in answers]
        correct = [f for i, f in enumerate(fractions) if i in want.answers]
        assert sum(correct) == pytest.approx(100, abs=0.001)
        assert all(f > 0 for f in correct)
        wrong = [f for i, f in enumerate(fractions) if i not in want.answers]
        if len(want.answers) > 1 and wrong:
            assert all(f < 0 for f in wrong) and sum(wrong) == pytest.approx(-100, abs=0.001)
        else:
            assert all(f == 0 for f in wrong)
        for answer in answers:
            assert answer.find("text") is not None and answer.find("feedback") is not None


def test_moodle_xml_keeps_markup_characters_as_text(hostile):
    root = ET.fromstring(exports.moodle_xml(from_kit(hostile)))
    second = root.findall("question")[1]
    text = second.findtext("questiontext/text")
    # what looks like HTML in the content is escaped; **right** becomes our own <strong>
    assert "&lt;b&gt;not bold&lt;/b&gt; &amp; :: ##" in text
    assert "<strong>right</strong>" in text
    assert "<b>" not in text
    assert [a.findtext("text") for a in second.findall("answer")][-1] == "right: 😀 مرحبا"
    assert [a.get("fraction") for a in second.findall("answer")] == \
        ["33.33333", "33.33333", "-33.33333", "-33.33333", "-33.33333", "33.33333"]


def test_exports_survive_any_unicode(tmp_path):
    nasty = "ctrl\x01\x0b\x1f nul\x00 lone\ud800 bom\ufeff \ufffe rtl\u202e zwj 👩\u200d👩\u200d👧 e\u0301"
    options = (PlannedOption("A", 0, nasty, True), PlannedOption("B", 1, "=" + nasty * 5, False))
    question = PlannedQuestion(1, 0, nasty * 3, options, nasty, None)
    ET.fromstring(exports.moodle_xml([question]))
    exports.gift([question]).encode("utf-8")
    rows = exports.kahoot_rows([question])
    exports.write_kahoot(Sheet(tuple(rows), nasty, ""), tmp_path / "k.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "k.xlsx").active
    assert sheet.cell(9, 4).value.startswith("=ctrl")  # stored as text, not a formula
    assert sheet.cell(9, 4).data_type == "s"
    assert exports.length(sheet.cell(9, 4).value) <= 75
    assert exports.length(sheet.cell(9, 2).value) <= 120


# --------------------------------------------------------------------------- Kahoot

def kahoot_sheet(folder: Path):
    sheet = openpyxl.load_workbook(folder / "quiz-kahoot.xlsx").active
    header = [sheet.cell(exports.KAHOOT_HEADER_ROW, c).value for c in range(2, 9)]
    rows = [row for row in sheet.iter_rows(min_row=exports.KAHOOT_HEADER_ROW + 1, values_only=True) if any(row)]
    return header, rows


def test_kahoot_layout_and_limits(big_outputs):
    kit, folder, written, _ = big_outputs
    header, rows = kahoot_sheet(folder)
    assert header == ["Question - max 120 characters", "Answer 1 - max 75 characters", "Answer 2 - max 75 characters",
                      "Answer 3 - max 75 characters", "Answer 4 - max 75 characters",
                      "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
                      "Correct answer(s) - choose at least one"]
    fitting = [q for q in kit.content.quiz.questions if len(q.options) <= 4]
    assert len(rows) == len(fitting)
    for number, (row, want) in enumerate(zip(rows, fitting), start=1):
        n, question, *answers, seconds, correct = row[:8]
        assert n == number
        assert 0 < len(question) <= 120
        answers = [a for a in answers if a is not None]
        assert len(answers) == len(want.options)
        assert all(0 < len(a) <= 75 for a in answers)
        assert seconds in {5, 10, 20, 30, 60, 90, 120, 240}
        numbers = [int(x) for x in str(correct).split(",")]
        assert numbers and all(1 <= x <= len(answers) for x in numbers)
        assert [x - 1 for x in numbers] == list(want.answers)
        text = plain(want.question)
        assert question == text or (question.endswith("…") and text.startswith(question[:-1].rstrip()))
    summary = {w.path.name: w.summary for w in written}
    assert summary["quiz-kahoot.xlsx"].startswith(f"{len(fitting)} questions")
    assert summary["quiz.gift"] == summary["quiz-moodle.xml"] == f"{len(kit.content.quiz.questions)} questions"


def test_kahoot_leaves_out_six_option_questions_and_warns(big_outputs):
    kit, folder, _, warnings = big_outputs
    _, rows = kahoot_sheet(folder)
    questions = kit.content.quiz.questions
    six = [i for i, q in enumerate(questions) if len(q.options) > 4]
    assert six, "the big root has questions with more than 4 options"
    in_sheet = {row[1].rstrip("…") for row in rows}
    for i in six:
        text = plain(questions[i].question)
        assert not any(text.startswith(q) for q in in_sheet)
        located = [w for w in warnings if w.path == f"quiz.questions[{i}]" and "quiz-kahoot.xlsx" in w.message
                   and "at most 4 answers" in w.message]
        assert len(located) == 1 and located[0].severity == "warning" and located[0].line > 0
    # every shortened question is warned about too
    for i, q in enumerate(questions):
        if len(q.options) <= 4 and len(plain(q.question)) > 120:
            assert any(w.path == f"quiz.questions[{i}]" and "shortened" in w.message for w in warnings)


def test_kahoot_shortens_long_text_and_warns(hostile, tmp_path):
    notes = Notes(hostile)
    build(hostile, tmp_path / "out", notes)
    warnings = notes.items
    _, rows = kahoot_sheet(tmp_path / "out")
    # question 2 has 6 options: left out; questions 1, 3 and 4 stay
    assert [row[0] for row in rows] == [1, 2, 3]
    long = rows[2]
    assert long[1].endswith("…") and len(long[1]) <= 120
    assert long[2].endswith("…") and len(long[2]) <= 75
    assert long[3] == "Short" and long[7] == "2"
    assert rows[1][7] == "1,3" and rows[1][2:6] == ("a}", "b{", "%c%", None)
    assert rows[0][2] == "=4"   # text, never a formula
    messages = {(w.path, w.message) for w in warnings}
    assert any(p == "quiz.questions[1]" and "left out of quiz-kahoot.xlsx" in m for p, m in messages)
    assert any(p == "quiz.questions[3]" and "120 characters in a question" in m for p, m in messages)
    assert any(p == "quiz.questions[3]" and "option a shortened" in m and "75 characters" in m for p, m in messages)
    assert not any(p in ("quiz.questions[0]", "quiz.questions[2]") for p, _ in messages)


def test_preflight_matches_rows(hostile):
    questions = from_kit(hostile)
    found = exports.preflight(questions)
    assert {i for i, _ in found} == {1, 3}
    assert len(exports.kahoot_rows(questions)) == 3


@pytest.mark.parametrize("text,limit", [
    ("word " * 40, 120),
    ("x" * 200, 75),
    ("😀" * 100, 75),
    ("e\u0301" * 80, 75),
    ("👩\u200d👩\u200d👧 " * 30, 75),
])
def test_shorten_fits(text, limit):
    out = exports.shorten(text, limit)
    assert out.endswith("…") and exports.length(out) <= limit
    assert not out[:-1].endswith("\u200d")
    assert text.startswith(out[:-1])


def test_time_limit_grows_with_reading():
    assert exports.time_limit("Short?", ["Yes", "No"]) == 20
    assert exports.time_limit("x" * 120, ["y" * 75] * 2) == 30
    assert exports.time_limit("x" * 120, ["y" * 75] * 4) == 60
    assert exports.time_limit("Short?", ["Yes", "No"], multiple=True) == 30


@pytest.mark.parametrize("language, note", [
    ("en", "Questions from the quiz: "), ("fr", "Questions du questionnaire\u202f: "),
    ("es", "Preguntas del cuestionario: "), ("ar", "أسئلة الاختبار: ")])
def test_the_kahoot_sheet_names_its_quiz_in_the_editions_language(default_build, language, note):
    kit = next(k for k in default_build[3] if k.language == language)
    sheet = openpyxl.load_workbook(default_build[0] / language / "quiz-kahoot.xlsx").active
    title = kit.content.quiz.title or str(kit.say("quiz_default_title"))
    assert sheet.cell(5, 2).value == note + plain(title, language)
