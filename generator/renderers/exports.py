"""Quiz-app exports: Moodle GIFT, Moodle XML and a Kahoot spreadsheet, written beside the quiz PDFs.

Exports are per quiz, not per version: they always use the authored order of questions and options
(the order in content.yaml), so "Q7" in every export is question 7 of the content file.

The functions gift(), moodle_xml(), kahoot_rows() and preflight() are pure: they take a QuizPlan,
a Version or a sequence of PlannedQuestion and return text, bytes or rows. render() warns about
what the targets cannot hold and writes the three files through the staging area.

Scoring of questions with several correct options (GIFT and Moodle XML alike):
each correct option is worth 100/n percent (n = number of correct options) and each wrong option
costs 100/w percent (w = number of wrong options), both rounded to the nearest fraction Moodle
accepts. Ticking every option therefore scores 0, and ticking only the correct ones scores 100.
A question with one correct option uses 100 for it and 0 for the others.
"""
from __future__ import annotations

import datetime

import html
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence, Union

from ..plans import BytesFile, Planned, Sheet, TextFile
from ..loader import ILLEGAL_XML
from ..quizplan import UPPER, PlannedQuestion, QuizPlan, Version
from ..text import plain, runs

GIFT_NAME = "quiz.gift"
MOODLE_NAME = "quiz-moodle.xml"
KAHOOT_NAME = "quiz-kahoot.xlsx"

Questions = Union[QuizPlan, Version, Iterable[PlannedQuestion]]

# ---------------------------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------------------------

def clean(text: str | None) -> str:
    """Text that every target can store: characters XML 1.0, openpyxl and UTF-8 cannot hold are dropped."""
    return ILLEGAL_XML.sub("", text or "")


def text_of(text: str | None) -> str:
    """What a reader sees, as one line: inline markup removed, whitespace collapsed, unsafe characters dropped."""
    return clean(plain(clean(text)))


def as_written(text: str | None) -> str:
    """text_of, keeping the one space a user typed in front (a spreadsheet user's own escape for "=1+1")."""
    shown = text_of(text)
    return " " + shown if shown and clean(text)[:1].isspace() else shown


# a cell that begins with one of these is a formula to a spreadsheet (or becomes one when saved as CSV)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def authored(questions: Questions) -> tuple[PlannedQuestion, ...]:
    """The questions in authored order with options in authored order, numbered 1.. and lettered A..

    Accepts a QuizPlan (its first version is used; every version holds the same questions), a Version,
    or planned questions; shuffled versions are put back into the order of the content file.
    """
    if isinstance(questions, QuizPlan):
        questions = questions.versions[0].questions
    elif isinstance(questions, Version):
        questions = questions.questions
    out = []
    for number, q in enumerate(sorted(questions, key=lambda q: q.source), start=1):
        options = tuple(replace(o, letter=UPPER[pos])
                        for pos, o in enumerate(sorted(q.options, key=lambda o: o.source)))
        out.append(replace(q, number=number, options=options))
    return tuple(out)


# Fractions that Moodle accepts for answers, in percent, written as Moodle writes them.
MOODLE_FRACTIONS = ("100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333",
                    "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5")


def _nearest_fraction(percent: float) -> str:
    return min(MOODLE_FRACTIONS, key=lambda f: abs(float(f) - percent))


def weights(question: PlannedQuestion) -> list[str]:
    """Moodle fraction of each option, in percent as text ("100", "-50", "33.33333")."""
    correct = sum(o.correct for o in question.options)
    wrong = len(question.options) - correct
    if correct <= 1:
        return ["100" if o.correct else "0" for o in question.options]
    plus = _nearest_fraction(100 / correct)
    minus = "-" + _nearest_fraction(100 / wrong) if wrong else "0"
    return [plus if o.correct else minus for o in question.options]


# ---------------------------------------------------------------------------------------------
# Moodle GIFT
# ---------------------------------------------------------------------------------------------

_GIFT_SPECIAL = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:",
                 "\n": "\\n", "\r": ""}
_GIFT_RE = re.compile(r"[\\~=#{}:\n\r]")


def gift_escape(text: str) -> str:
    """Escape GIFT's special characters ~ = # { } : and the backslash; a newline becomes \\n."""
    return _GIFT_RE.sub(lambda m: _GIFT_SPECIAL[m.group()], text)


def _gift_text(text: str) -> str:
    """Plain text, escaped; a leading '[' gets an explicit [plain] so Moodle never reads it as a format."""
    out = gift_escape(text_of(text))
    return "[plain]" + out if out.startswith("[") else out


def gift(questions: Questions, title: str | None = None) -> str:
    """The quiz in Moodle's GIFT format: plain text, authored order, one block per question."""
    blocks = []
    for q in authored(questions):
        lines = []
        if title and not blocks:
            lines.append("// " + gift_escape(text_of(title)))
        # [plain]: Moodle shows the text as typed (its default format would read <b> as HTML);
        # answers and feedback inherit the question's format.
        lines.append(f"::Q{q.number}::[plain]{gift_escape(text_of(q.text))}{{")
        for option, weight in zip(q.options, weights(q)):
            text = _gift_text(option.text)
            if not q.multiple and option.correct:
                lines.append(f"\t={text}")
            elif not q.multiple and not text.startswith("%"):
                lines.append(f"\t~{text}")
            else:  # explicit weight; also keeps an option that starts with '%' from being read as one
                lines.append(f"\t~%{weight}%{text}")
        if q.explanation and text_of(q.explanation):
            lines.append(f"\t####{_gift_text(q.explanation)}")
        lines.append("}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------------------------------------
# Moodle XML
# ---------------------------------------------------------------------------------------------

def html_text(text: str | None) -> str:
    """HTML for Moodle's format="html": every character escaped, only <strong>, <em> and <a> added."""
    parts = []
    for run in runs(clean(text)):
        piece = html.escape(clean(run.text), quote=False)
        if run.italic:
            piece = f"<em>{piece}</em>"
        if run.bold:
            piece = f"<strong>{piece}</strong>"
        if run.href:  # only addresses the link policy allows are links at all (text.runs)
            piece = f'<a href="{html.escape(clean(run.href))}">{piece}</a>'
        parts.append(piece)
    return "".join(parts)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _html_field(parent: ET.Element, tag: str, text: str, **attrs) -> ET.Element:
    element = _sub(parent, tag, format="html", **attrs)
    _sub(element, "text", text)
    return element


def moodle_xml(questions: Questions, shuffle: bool = True) -> bytes:
    """The quiz as Moodle XML: one multichoice question per quiz question, UTF-8 with declaration."""
    root = ET.Element("quiz")
    for q in authored(questions):
        question = _sub(root, "question", type="multichoice")
        name = _sub(question, "name")
        _sub(name, "text", f"Q{q.number}")
        _html_field(question, "questiontext", html_text(q.text))
        _html_field(question, "generalfeedback", html_text(q.explanation))
        _sub(question, "defaultgrade", "1.0000000")
        _sub(question, "penalty", "0.3333333")
        _sub(question, "hidden", "0")
        _sub(question, "single", "false" if q.multiple else "true")
        _sub(question, "shuffleanswers", "true" if shuffle else "false")
        _sub(question, "answernumbering", "abc")
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            _html_field(question, tag, "")
        if q.multiple:
            _sub(question, "shownumcorrect")
        for option, weight in zip(q.options, weights(q)):
            answer = _html_field(question, "answer", html_text(option.text), fraction=weight)
            _html_field(answer, "feedback", "")
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


# ---------------------------------------------------------------------------------------------
# Kahoot spreadsheet
# ---------------------------------------------------------------------------------------------

KAHOOT_QUESTION_MAX = 120
KAHOOT_ANSWER_MAX = 75
KAHOOT_ANSWERS_MAX = 4
KAHOOT_TIMES = (5, 10, 20, 30, 60, 90, 120, 240)
KAHOOT_HEADER = (
    "",
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
KAHOOT_HEADER_ROW = 8    # as in Kahoot's template: notes in rows 2-6, headings in row 8, questions from row 9
ELLIPSIS = "…"


class KahootRow(NamedTuple):
    """One question row of the Kahoot template (column A to H)."""

    number: int
    question: str
    answers: tuple[str | None, str | None, str | None, str | None]
    time_limit: int
    correct: str          # 1-based answer numbers: "2" or "1,3"
    source: int           # index of the question in the content file (not written)

    def cells(self) -> list:
        return [self.number, self.question, *self.answers, self.time_limit, self.correct]


def length(text: str) -> int:
    """Length as Kahoot and Excel count it (UTF-16 code units; an emoji counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def _joined(before: str, after: str) -> bool:
    """True when cutting between these two characters would split what the reader sees as one character."""
    code = ord(after)
    return (unicodedata.combining(after) != 0 or unicodedata.category(after) in ("Mn", "Me", "Mc")
            or after in "\u200d\ufe0e\ufe0f" or 0x1F3FB <= code <= 0x1F3FF or 0xE0000 <= code <= 0xE01EF
            or before == "\u200d")


def shorten(text: str, limit: int) -> str:
    """The text cut to at most `limit` characters (as Kahoot counts them), ending in '…' when cut."""
    if length(text) <= limit:
        return text
    cut, used = 0, length(ELLIPSIS)
    while cut < len(text) and used + length(text[cut]) <= limit:
        used += length(text[cut])
        cut += 1
    while 0 < cut < len(text) and _joined(text[cut - 1], text[cut]):
        cut -= 1
    end = _sentence_end(text, cut)
    space = text.rfind(" ", 0, cut + 1)
    if end > cut * 0.6:  # end on a whole sentence, else a whole word, when that loses little
        return text[:end].rstrip() + ELLIPSIS
    if space > cut * 0.6:
        cut = space
    return text[:cut].rstrip(" ,;:-–—") + ELLIPSIS


def _sentence_end(text: str, limit: int) -> int:
    """Where the last whole sentence (UAX #29) that ends within limit characters ends; 0 when none does."""
    from ..text import sentences

    # UAX #29 decides a break by what follows it up to the next letter: the text up to the first letter
    # past the limit decides every break within it, and a very long text is not read to its end
    past = next((i for i in range(limit, len(text)) if text[i].isalpha()), len(text))
    end, at = 0, 0
    for sentence in sentences(text[:past + 1]):
        found = text.find(sentence, at)
        if found < 0 or found + len(sentence) > limit:
            break
        end = at = found + len(sentence)
    return end


def time_limit(question: str, answers: Sequence[str], multiple: bool = False) -> int:
    """Seconds to answer, from reading length: 20 by default, 30 for long, 60 for very long text.

    A question with several correct answers gets the next longer limit.
    """
    reading = length(question) + sum(length(a) for a in answers)
    steps = [t for t in KAHOOT_TIMES if t >= 20]
    step = 0 if reading <= 160 else 1 if reading <= 300 else 2
    if multiple:
        step += 1
    return steps[step]


def preflight(questions: Questions) -> list[tuple[int, str]]:
    """Every question a target cannot hold as written: (index in the content file, what happens and why)."""
    out = []
    for q in authored(questions):
        n = len(q.options)
        if n > KAHOOT_ANSWERS_MAX:
            out.append((q.source, f"left out of {KAHOOT_NAME}: Kahoot allows at most {KAHOOT_ANSWERS_MAX} "
                                  f"answers and this question has {n} (it is still in {GIFT_NAME} and {MOODLE_NAME})"))
            continue
        text = text_of(q.text)
        if length(text) > KAHOOT_QUESTION_MAX:
            out.append((q.source, f"shortened with '{ELLIPSIS}' in {KAHOOT_NAME}: Kahoot allows at most "
                                  f"{KAHOOT_QUESTION_MAX} characters in a question and this one has {length(text)}"))
        for option in q.options:
            text = text_of(option.text)
            if length(text) > KAHOOT_ANSWER_MAX:
                out.append((q.source, f"option {'abcdef'[option.source]} shortened with '{ELLIPSIS}' in {KAHOOT_NAME}: "
                                      f"Kahoot allows at most {KAHOOT_ANSWER_MAX} characters in an answer and "
                                      f"this one has {length(text)}"))
    return out


def kahoot_rows(questions: Questions) -> list[KahootRow]:
    """The Kahoot template rows: questions with more than 4 options left out, long text shortened."""
    rows = []
    for q in authored(questions):
        if len(q.options) > KAHOOT_ANSWERS_MAX:
            continue
        question = shorten(as_written(q.text), KAHOOT_QUESTION_MAX)
        answers = [shorten(as_written(o.text), KAHOOT_ANSWER_MAX) for o in q.options]
        correct = ",".join(str(pos) for pos, o in enumerate(q.options, start=1) if o.correct)
        padded = tuple(answers + [None] * (KAHOOT_ANSWERS_MAX - len(answers)))
        rows.append(KahootRow(len(rows) + 1, question, padded, time_limit(question, answers, q.multiple),
                              correct, q.source))
    return rows


_KAHOOT_NOTES = (
    "Quiz template",
    "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one). "
    "Have fun creating your awesome quiz!",
    "Remember: questions have a limit of 120 characters and answers can have 75 characters max. "
    "Text will turn red in Excel or Google Docs if you exceed this limit. "
    "If several answers are correct, separate them with a comma.",
    "",  # the template's example-question note; filled with the planned note (wording kahoot_note)
    "And remember, if you're not using Excel you need to export to .xlsx format before you upload to Kahoot!",
)


def write_kahoot(payload: Sheet, path: Path) -> str:
    """Write planned rows into a workbook laid out like Kahoot's quiz template; return its summary."""
    _kahoot(Path(path), payload.rows, payload.note)
    return payload.summary


def _kahoot(path: Path, rows: Sequence[KahootRow], about: str = "") -> None:
    """The workbook, written by XlsxWriter (made for writing .xlsx, and quick to load)."""
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False,
                                               "strings_to_urls": False})
    workbook.set_properties({"created": datetime.datetime(2000, 1, 1)})  # keep "now" out of the output
    sheet = workbook.add_worksheet("Sheet1")
    title_format = workbook.add_format({"bold": True, "font_size": 14})
    head = workbook.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    quoted = workbook.add_format({"text_wrap": True, "valign": "top", "quote_prefix": True})
    for offset, note in enumerate(_KAHOOT_NOTES):
        if offset == 3:
            note = clean(about)
        if note:
            sheet.write_string(1 + offset, 1, note, title_format if offset == 0 else
                               quoted if note.startswith(FORMULA_STARTS) else None)
    for column, heading in enumerate(KAHOOT_HEADER):
        if heading:
            sheet.write_string(KAHOOT_HEADER_ROW - 1, column, heading, head)
    for offset, row in enumerate(rows, start=1):
        for column, value in enumerate(row.cells()):
            if value is None:
                continue
            if isinstance(value, str):  # text such as "=5" or "1,3" stays text, never a formula or a number
                sheet.write_string(KAHOOT_HEADER_ROW - 1 + offset, column, value,
                                   quoted if value.startswith(FORMULA_STARTS) else wrap)
            else:
                sheet.write_number(KAHOOT_HEADER_ROW - 1 + offset, column, value)
    for column, width in enumerate((5, 60, 30, 30, 30, 30, 18, 18)):
        sheet.set_column(column, column, width)
    workbook.close()
    fixed_zip_times(Path(path))


def fixed_zip_times(path: Path) -> None:
    """Rewrite a zip with a fixed timestamp on every entry, so the same input gives the same bytes."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the clock on save
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data)


# ---------------------------------------------------------------------------------------------
# Planning
# ---------------------------------------------------------------------------------------------

def _count(n: int) -> str:
    return f"{n} question" if n == 1 else f"{n} questions"


def plan(kit, notes, quiz_plan: QuizPlan) -> list[Planned]:
    """Warn about what the targets cannot hold; plan quiz.gift, quiz-moodle.xml and quiz-kahoot.xlsx."""
    questions = authored(quiz_plan)
    for index, message in preflight(questions):
        notes.warn(("quiz", "questions", index), message)
    rows = kahoot_rows(questions)
    skipped = len(questions) - len(rows)
    kahoot_summary = _count(len(rows)) + (f", {skipped} left out (more than {KAHOOT_ANSWERS_MAX} answers)"
                                          if skipped else "")
    return [Planned(GIFT_NAME, "quiz", TextFile(gift(questions, quiz_plan.title), _count(len(questions))), "text"),
            Planned(MOODLE_NAME, "quiz", BytesFile(moodle_xml(questions, shuffle=kit.build.quiz.shuffle),
                                                   _count(len(questions))), "bytes"),
            Planned(KAHOOT_NAME, "quiz", Sheet(tuple(rows), _about(kit, quiz_plan.title), kahoot_summary), "xlsx")]


def _about(kit, title: str | None) -> str:
    """The note above the questions, in the edition's language: which quiz they come from."""
    return str(kit.say("kahoot_note", title=text_of(title))) if title else ""
