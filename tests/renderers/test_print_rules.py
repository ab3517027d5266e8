"""The rules a designer checks before 200 copies are printed (issue 20), read back from the PDFs with
pdfium (characters, their places and sizes) and pdftotext, in every edition of the default kit on A4
and on Letter, and on the print rules' own content (tests/roots/print, written from scratch)."""
from __future__ import annotations

import ctypes
import re
import subprocess
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest

from helpers import LANGUAGES, build, copy_default, normalise, pdf_text

PAPERS = ("A4", "Letter")
# A4 is the session's default build; Letter is built here, with three quiz versions (slow)
ON = [pytest.param("A4"), pytest.param("Letter", marks=pytest.mark.slow)]
EDITIONS = [pytest.param(paper, language, marks=[pytest.mark.slow] if paper == "Letter" else [])
            for paper in PAPERS for language in LANGUAGES]


@pytest.fixture(scope="module")
def kit_on(default_build, tmp_path_factory):
    """paper -> (output folder, plans by language, kits by language) of the default kit."""
    built = {"A4": (default_build[0], {p.language: p for p in default_build[2]},
                    {k.language: k for k in default_build[3]})}

    def on(paper: str):
        if paper not in built:
            folder = tmp_path_factory.mktemp(paper)
            content = copy_default(folder / "content")
            _, plans, kits = build(content, folder / "out", ["factsheet", "quiz", "poster"], paper=paper, versions=3)
            built[paper] = (folder / "out", {p.language: p for p in plans}, {k.language: k for k in kits})
        return built[paper]
    return on


# ---------------------------------------------------------------------------------------------
# Reading a page back: characters with their baseline, left and right edges and size (pdfium)
# ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=256)
def chars(path: Path, page: int = 0) -> tuple[tuple[str, float, float, float, float], ...]:
    """(character, baseline from the top, left, right, font size) of every character pdfium finds."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(path))
    pg = doc[page]
    height = pg.get_height()
    tp = pg.get_textpage()
    x, y = ctypes.c_double(), ctypes.c_double()
    out = []
    for i in range(tp.count_chars()):
        ch = tp.get_text_range(i, 1)
        if ch in "\r\n":
            continue
        raw.FPDFText_GetCharOrigin(tp, i, x, y)
        left, _, right, _ = tp.get_charbox(i)
        out.append((ch, round(height - y.value, 1), left, right, raw.FPDFText_GetFontSize(tp, i)))
    return tuple(out)


def rows(path: Path, page: int = 0, gap: float = 10.0) -> list[dict]:
    """Runs of text on one baseline, in the text layer's (logical) order, cut where the ink jumps
    sideways (between columns, after a bullet or a question number): {y, x, right, size, text},
    top to bottom."""
    by_line: dict[float, list] = {}
    for c in chars(path, page):
        by_line.setdefault(c[1], []).append(c)
    out = []
    for y in sorted(by_line):
        run: list = []
        for c in by_line[y]:
            ink = [r for r in run if r[0].strip()]
            if ink and c[0].strip() and min(abs(c[2] - ink[-1][3]), abs(ink[-1][2] - c[3])) > gap:
                out.append(run)
                run = []
            run.append(c)
        out.append(run)
    return [{"y": r[0][1], "x": min(c[2] for c in r if c[0].strip()), "right": max(c[3] for c in r),
             "size": max(c[4] for c in r), "text": re.sub(r"\s+", " ", "".join(c[0] for c in r)).strip()}
            for r in out if "".join(c[0] for c in r).strip()]


def pages(path: Path) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(str(path)))


def flat(text: str) -> str:
    """Text compared without spaces, typographic quotes, bidi marks or vowel marks (pdfium reads an
    Arabic vowel mark before its letter from a text layer in logical order)."""
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return re.sub(r"\s+", "", normalise(text).replace("’", "'"))


# ---------------------------------------------------------------------------------------------
# Poster
# ---------------------------------------------------------------------------------------------

def first_sentence(summary: str) -> tuple[str, str]:
    """The summary's first sentence and the start of its second (ends at . ! ? ؟ before a space)."""
    text = " ".join(summary.split())
    parts = re.split(r"(?<=[.!?؟])\s+", text, maxsplit=1)
    return parts[0], (parts[1][:25] if len(parts) > 1 else "")


@pytest.mark.parametrize("paper, language", EDITIONS)
def test_the_posters_key_sentence_is_28_pt_or_more_and_the_summarys_first_sentence_only(kit_on, paper, language):
    out, _, kits = kit_on(paper)
    path = out / language / "poster.pdf"
    sentence, second = first_sentence(kits[language].content.summary)
    ink = [c for c in chars(path) if c[0].strip() and unicodedata.category(c[0]) != "Mn"]   # as flat() reads
    text = "".join(c[0] for c in ink).replace("’", "'")
    at = text.find(flat(sentence)[:30])
    assert at >= 0, f"the key sentence is not on the {language} poster"
    sizes = [c[4] for c in ink[at:at + len(flat(sentence))]]
    assert min(sizes) >= 27.9, f"{language} {paper}: the key sentence is set at {min(sizes):.1f} pt"
    assert flat(sentence) in text
    assert not second or flat(second) not in text, "the poster carries more than the first sentence"


def test_the_posters_own_line_replaces_the_summarys_sentence(print_build):
    for paper in PAPERS:
        path = print_build[0] / paper / "poster.pdf"
        ink = [c for c in chars(path) if c[0].strip()]
        text = "".join(c[0] for c in ink)
        line = flat("Slow down near schools this week, and every week.")
        at = text.find(line)
        assert at >= 0 and "SaferRoadsWeekbringsofficers" not in text
        assert min(c[4] for c in ink[at:at + len(line)]) >= 28


def test_a_sentence_that_needs_more_room_closes_the_gaps_around_it_before_it_is_dropped(kit_on):
    """The French sentence takes four lines at 28 pt, more than the usual gaps leave: they close up."""
    from generator.notes import Notes
    from generator.renderers import poster

    out, _, kits = kit_on("A4")
    facts = poster.plan(kits["fr"], Notes(kits["fr"]))[0].payload.facts   # planned again: a build may keep files
    assert facts["squeezed"] and facts["key_size"] >= 28 and facts["key_lines"] >= 4
    sentence, _ = first_sentence(kits["fr"].content.summary)
    assert flat(sentence) in flat(pdf_text(out / "fr" / "poster.pdf"))


def test_a_translation_without_the_main_files_poster_line_is_warned_about(tmp_path):
    content = copy_default(tmp_path)
    text = content.read_text(encoding="utf-8")
    content.write_text(text.replace("\nbuild:", "\nposter:\n  line: Police forces work together.\n\nbuild:", 1),
                       encoding="utf-8")
    written, _, kits = build(content, tmp_path / "out", ["poster"])
    by_language = {k.language: [w.message for w in k.warnings if w.path == "poster.line"] for k in kits}
    assert not by_language["en"]
    assert all("has a poster line" in m[0] for lang, m in by_language.items() if lang != "en")
    fr = next(w.path for w in written if w.path.parent.name == "fr")
    sentence, _ = first_sentence(next(k for k in kits if k.language == "fr").content.summary)
    assert flat(sentence) in flat(pdf_text(fr))


def test_a_russian_sentence_with_long_words_still_fits(tmp_path):
    """Long Cyrillic words leave short lines: the gaps close and the title and event give up a little
    size, and the sentence prints at 28 pt or more instead of being dropped."""
    content = copy_default(tmp_path)
    for translation in tmp_path.glob("content.*.yaml"):
        translation.unlink()
    text = content.read_text(encoding="utf-8").replace("language: en", "language: ru", 1)
    text = re.sub(r"^title: .*$", "title: Международный день полицейского сотрудничества", text, count=1, flags=re.M)
    text = re.sub(r"^summary: >\n(  .*\n)+", "summary: >\n  " + RUSSIAN + "\n", text, count=1, flags=re.M)
    text = text.replace("name: Open day at the central station",
                        "name: День открытых дверей в центральном управлении полиции")
    content.write_text(text, encoding="utf-8")
    for paper in PAPERS:
        written, plans, _ = build(content, tmp_path / paper, ["poster"], paper=paper)
        assert not [w for w in plans[0].warnings if "poster's sentence" in w.message]
        ink = [c for c in chars(written[0].path) if c[0].strip()]
        line = flat(RUSSIAN.split(". ")[0] + ".")
        at = "".join(c[0] for c in ink).find(line)
        assert at >= 0 and min(c[4] for c in ink[at:at + len(line)]) >= 27.9
        assert "Генеральная" not in pdf_text(written[0].path)


RUSSIAN = ("Международный день полицейского сотрудничества ежегодно отмечается 7 сентября — в этот день "
           "в 1923 году в Вене была основана Международная комиссия уголовной полиции, предшественница "
           "Интерпола. Генеральная Ассамблея ООН провозгласила его резолюцией A/RES/77/241.")


def test_a_sentence_too_long_for_the_poster_is_left_out_with_a_located_warning(tmp_path):
    content = copy_default(tmp_path)
    text = content.read_text(encoding="utf-8")
    long_line = "Police forces " + "work together across every border and every sea " * 14 + "each day."
    content.write_text(text.replace("\nbuild:", f"\nposter:\n  line: {long_line}\n\nbuild:", 1), encoding="utf-8")
    written, plans, _ = build(content, tmp_path / "out", ["poster"], "en")
    warnings = [w for w in plans[0].warnings if "poster" in w.message]
    assert warnings and "28 pt" in warnings[0].message and warnings[0].path == "poster.line"
    assert "every sea" not in pdf_text(written[0].path)


# ---------------------------------------------------------------------------------------------
# Fact sheet
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("paper, language", EDITIONS)
def test_the_lead_runs_at_most_95_characters_a_line(kit_on, paper, language):
    out, _, kits = kit_on(paper)
    summary = normalise(" ".join(kits[language].content.summary.split())).replace("’", "'")
    words = set(summary.split())
    lead = []
    for r in rows(out / language / "factsheet.pdf", gap=1e9):   # whole lines (Arabic runs jump at numbers)
        mine = normalise(r["text"]).replace("’", "'").split()
        if len(mine) > 3 and sum(w in words for w in mine) >= 0.8 * len(mine):
            lead.append(normalise(r["text"]))
    assert sum(len(t) + 1 for t in lead) >= 0.9 * len(summary), "the lead was not found on page 1"
    assert max(len(t) for t in lead) <= 95, max(lead, key=len)


def columns_of(path: Path, page: int, rtl: bool) -> list[list[dict]]:
    """The body text of a fact sheet page in its two columns, in reading order, without the header,
    the event box, the lead and the footer (page 1's columns start at the first heading)."""
    import pypdfium2 as pdfium

    width = pdfium.PdfDocument(str(path))[page].get_width()
    body = [r for r in rows(path, page) if r["size"] < 14]
    footer = max(r["y"] for r in body if "/" in r["text"] or re.search(r"\d", r["text"])) - 20
    heads = [r for r in body if r["size"] >= 9.8 and r["size"] < 12.5 and r["y"] < footer]
    top = min(r["y"] for r in heads) - 1 if page == 0 else 0
    cols = [[r for r in body if top <= r["y"] < footer and (r["x"] < width / 2) == (k == 0)] for k in (0, 1)]
    return cols[::-1] if rtl else cols


def is_heading(r: dict, body_size: float) -> bool:
    return r["size"] >= body_size + 1.2 and r["text"] != "•"


def items_after(col: list[dict], start: int, body_size: float) -> int:
    """How many items (points or paragraphs) follow the heading row at start, in the same column, up
    to the next heading: a bullet starts one, and so does a line set further below the last than
    the text's own line pitch."""
    count, last_y, pitch = 0, None, body_size * 1.45
    for r in col[start + 1:]:
        if is_heading(r, body_size):
            break
        if r["text"] == "•" or (last_y is not None and r["y"] - last_y > pitch and not any(
                o["text"] == "•" and abs(o["y"] - r["y"]) < 1 for o in col)):
            count += 1
        elif last_y is None:
            count += 1
        last_y = r["y"] if r["text"] != "•" else last_y
    return count


def sheet_pdfs(kit_on, print_build, paper):
    for language in LANGUAGES:
        yield f"{paper}-{language}", kit_on(paper)[0] / language / "factsheet.pdf", language == "ar"
    yield f"{paper}-print", print_build[0] / paper / "factsheet.pdf", False


@pytest.mark.parametrize("paper", ON)
def test_a_heading_keeps_at_least_two_of_its_items_and_no_column_opens_with_a_lone_last_point(kit_on, print_build,
                                                                                              paper):
    stranded = []
    for name, path, rtl in sheet_pdfs(kit_on, print_build, paper):
        for page in range(pages(path)):
            for k, col in enumerate(columns_of(path, page, rtl)):
                body_size = min((r["size"] for r in col if r["text"] == "•"), default=9.0)
                heads = [i for i, r in enumerate(col) if is_heading(r, body_size)]
                # a heading's last line with one item under it at a column's foot (when its section goes on)
                for i in heads:
                    while i + 1 < len(col) and is_heading(col[i + 1], body_size):
                        i += 1
                    if i == max(heads, default=-1) or not any(h > i for h in heads):
                        more = items_after(col, i, body_size)
                        if more < 2 and (k == 0 or page + 1 < pages(path)):
                            nxt = columns_of(path, page, rtl)[1] if k == 0 else columns_of(path, page + 1, rtl)[0]
                            if nxt and not is_heading(nxt[0], body_size):
                                stranded.append(f"{name} p{page + 1} c{k + 1}: '{col[i]['text']}' + {more}")
                # a column that opens with one point and then a heading: the last point of a list, alone
                first_head = min(heads, default=len(col))
                bullets = [r for r in col[:first_head] if r["text"] == "•"]
                if col and col[0]["text"] == "•" and len(bullets) == 1 and first_head < len(col):
                    before = columns_of(path, page, rtl)[0] if k == 1 else (
                        columns_of(path, page - 1, rtl)[1] if page else [])
                    if before and any(r["text"] == "•" for r in before[-6:]):
                        stranded.append(f"{name} p{page + 1} c{k + 1}: one point alone at the top")
    assert not stranded, stranded


@pytest.mark.parametrize("paper", ON)
def test_the_last_pages_columns_are_balanced(kit_on, print_build, paper):
    uneven = []
    for name, path, rtl in sheet_pdfs(kit_on, print_build, paper):
        last = pages(path) - 1
        cols = columns_of(path, last, rtl)
        tops = [r["y"] for c in cols for r in c]
        height = max(tops) - min(tops)
        bottoms = [max((r["y"] for r in c), default=min(tops)) for c in cols]
        if abs(bottoms[0] - bottoms[1]) > max(0.2 * height, 60):
            uneven.append(f"{name}: columns end at {bottoms[0]:.0f} and {bottoms[1]:.0f} pt")
    assert not uneven, uneven


def test_a_long_table_starts_in_the_column_where_its_title_header_and_two_rows_fit(print_build):
    """The check-sites table (18 rows) starts on page 1 under its section, never pushed to page 2."""
    for paper in PAPERS:
        path = print_build[0] / paper / "factsheet.pdf"
        page1 = [r["text"] for r in rows(path, 0)]
        assert "Check sites during Safer Roads Week" in page1
        assert sum(1 for t in page1 if t in ("Monday", "Tuesday", "Wednesday")) >= 2


@pytest.mark.parametrize("paper", ON)
def test_no_heading_stands_over_a_single_pointer_line(kit_on, paper):
    found = 0
    for language in LANGUAGES:
        out, _, kits = kit_on(paper)
        path = out / language / "factsheet.pdf"
        if flat(kits[language].content.faq[0].question) in flat(pdf_text(path)):
            continue   # the FAQ itself is printed, under its heading
        found += 1
        label = flat(kits[language].say("faq"))
        texts = [flat(r["text"]) for page in range(pages(path)) for r in rows(path, page, gap=30)]
        assert label not in texts, f"{paper} {language}: a heading over the FAQ pointer"
        assert any(t.startswith(label) and len(t) > len(label) + 10 for t in texts)
    assert found, "no edition points to the FAQ elsewhere; the test checks nothing"


@pytest.mark.parametrize("paper", ON)
def test_arabic_month_names_agree_on_every_page(kit_on, paper):
    for name in ("factsheet.pdf", "poster.pdf"):
        path = kit_on(paper)[0] / "ar" / name
        text = " ".join(normalise("".join(c[0] for c in chars(path, p))) for p in range(pages(path)))
        assert text.count("سبتمبر") >= 2
        assert text.count("سبتمبر") == text.count("أيلول/سبتمبر"), f"{paper} {name}"


# ---------------------------------------------------------------------------------------------
# Quiz
# ---------------------------------------------------------------------------------------------

def reading(path: Path, page: int = 0) -> str:
    """A handout page as read: its columns one after the other, each from top to bottom."""
    import pypdfium2 as pdfium

    width = pdfium.PdfDocument(str(path))[page].get_width()
    rs = sorted(rows(path, page), key=lambda r: (r["y"], r["x"]))   # a left-to-right handout
    return " ".join(r["text"] for k in (0, 1) for r in rs if (r["x"] < width / 2) == (k == 0))


@pytest.mark.parametrize("paper", PAPERS)
def test_options_that_refer_to_the_others_stay_last_in_every_version(print_build, paper):
    orders = set()
    for letter in "ABCD":
        text = reading(print_build[0] / paper / f"quiz-{letter}.pdf")
        for question, last in (("How far should you stay", "None of the above"),
                               ("legal limit on a residential", "None of the above, because it is 30 km/h"),
                               ("Which lights must a bicycle", "None"),
                               ("make a collision more likely", "All of the above")):
            block = text[text.index(question):]
            block = re.split(r" \d+\. ", block)[0]
            assert re.search(rf"D ?{re.escape(last)}( |$)", block + " "), f"version {letter}: {block}"
        orders.add(text)
    assert len(orders) == 4, "the versions are not shuffled, so the test would prove nothing"


@pytest.mark.parametrize("paper", PAPERS)
def test_select_all_that_apply_is_printed_at_most_once_per_question(print_build, paper):
    for letter in "ABCD":
        text = pdf_text(print_build[0] / paper / f"quiz-{letter}.pdf")
        # the question about reporting gets the hint; the one that says it itself does not get it twice
        assert text.count("Select all that apply") == 2
        assert "Select all that apply. Select all that apply" not in text


def test_a_question_that_asks_for_every_answer_gets_no_hint_in_any_edition(editions_build):
    out, kits = editions_build[0], {k.language: k for k in editions_build[3]}
    for language in LANGUAGES:
        hint = str(kits[language].say("select_all"))
        for path in sorted((out / language).glob("quiz-?.pdf")):
            assert normalise(hint) not in pdf_text(path), path
        from pptx import Presentation

        deck = Presentation(str(out / language / "deck.pptx"))
        slides = " ".join(sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame)
        assert hint not in slides


def question_columns(path: Path, page: int) -> list[int]:
    """How many questions start in each half of a handout page (by their numbers, '1.' ...)."""
    import pypdfium2 as pdfium

    width = pdfium.PdfDocument(str(path))[page].get_width()
    numbers = [r for r in rows(path, page) if re.fullmatch(r"\d+\.", normalise(r["text"]))]
    return [sum(1 for r in numbers if (r["x"] < width / 2) == (k == 0)) for k in (0, 1)]


@pytest.mark.parametrize("paper", ON)
def test_the_quiz_columns_balance_within_one_question(kit_on, print_build, paper):
    handouts = lambda folder: [p for p in sorted(folder.glob("quiz*.pdf")) if re.fullmatch(r"quiz(-[A-Z])?\.pdf", p.name)]  # noqa: E731
    paths = [(path, False) for lang in LANGUAGES for path in handouts(kit_on(paper)[0] / lang)]
    paths += [(path, True) for path in handouts(print_build[0] / paper)]   # set in two columns
    two_columns = 0
    for path, two in paths:
        for page in range(pages(path)):
            counts = question_columns(path, page)
            if two or min(counts) > 0:   # a one-column handout has every number in the start half
                two_columns += 1
                assert abs(counts[0] - counts[1]) <= 1, f"{path.parent.name} {path.name} p{page + 1}: {counts}"
    assert two_columns >= 4, "too few handouts in two columns; the test checks little"


def test_the_arabic_master_key_prints_the_number_sign_before_the_number(editions_build):
    text = subprocess.run(["pdftotext", "-layout", str(editions_build[0] / "ar" / "quiz-master-key.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    text = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    assert re.search(r"\(#\d+", text) and not re.search(r"\d#\)?", text)


@pytest.mark.parametrize("language, options, rule", [
    ("en", ["Speed", "Fatigue", "Drink", "None of the above, because none is safe"], "last"),
    ("en", ["Speed", "Fatigue", "None", "Drink"], (2,)),
    ("en", ["Speed", "Fatigue", "All of the above", "None of the above"], (2, 3)),
    ("en", ["Nonetheless, speed", "A14", "M6", "A1"], "free"),     # "none" counts only as the whole option
    ("fr", ["La vitesse", "La fatigue", "L'alcool", "Aucune de ces réponses"], "last"),
    ("fr", ["Toutes les polices du monde", "Europol", "Afripol", "Ameripol"], "free"),
    ("fr", ["La vitesse", "La fatigue", "L'alcool", "Toutes"], "last"),
    ("es", ["La velocidad", "El cansancio", "El alcohol", "Ninguna de las anteriores"], "last"),
    ("ar", ["السرعة", "التعب", "الكحول", "لا شيء مما سبق"], "last"),
])
def test_options_that_refer_to_the_others_are_found_in_every_language(kit_on, language, options, rule):
    from generator.quizplan import option_rule

    kit = kit_on("A4")[2][language]
    kept = [k.strip().lower() for k in str(kit.say("options_kept_last")).split("|") if k.strip()]
    assert option_rule(options, kept) == rule
