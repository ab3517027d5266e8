"""The talk-style deck: a presentation, not a reading deck. Checked on the default content, the stress
content and a four-language set written from scratch: slide count, words per slide, the share of body
text at 24 pt or more, and speaker notes that carry every sentence the slides leave out."""
from __future__ import annotations

import re

import pytest

from generator.theme import load_theme
from helpers import LANGUAGES, ROOT, body_runs, deck, notes_text, slide_words

QUIZ_KINDS = ("question", "reveal")
TALK_WORDS = load_theme("default", ROOT).num("deck.talk_words")   # the most words a talk slide should carry


def kinds(plan):
    return [s.kind for s in plan.slides]


def deck_plan(plans, language="en"):
    return next(f.payload for f in plans[language].files if f.name == "deck.pptx")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_default_talk_deck_has_at_most_16_slides_besides_the_quiz(default_plans, language):
    plan = deck_plan(default_plans, language)
    assert len([k for k in kinds(plan) if k not in QUIZ_KINDS]) <= 16


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_slide_in_the_decks_own_words_carries_more_than_the_themes_talk_words(default_build, default_plans,
                                                                               language):
    prs = deck(default_build[0] / language / "deck.pptx")
    plan = deck_plan(default_plans, language)
    counts = [body_words(s) for s, planned in zip(prs.slides, plan.slides)
              if planned.kind not in QUIZ_KINDS + ("table",)]   # questions and tables show what the author wrote
    assert max(counts) <= TALK_WORDS, counts


def body_words(slide) -> int:
    """Words of a slide besides its title, footer and number, as the talk design counts them."""
    return sum(len(text.split()) for _, text in body_runs(slide))


def body_share(prs, keep=lambda k: True) -> float:
    """The share of body characters set at 24 pt or more, on the slides whose position keep accepts."""
    chars = [(size, len(text)) for k, slide in enumerate(prs.slides) if keep(k) for size, text in body_runs(slide)]
    total = sum(n for _, n in chars)
    return sum(n for size, n in chars if size >= 24) / total


@pytest.mark.parametrize("language", LANGUAGES)
def test_most_body_text_is_24_points_or_more(default_build, default_plans, language):
    """The talk at 24 pt or more; the quiz in the deck's one option grid, at 18 pt or more, with room
    for every explanation."""
    prs = deck(default_build[0] / language / "deck.pptx")
    planned = deck_plan(default_plans, language).slides
    assert body_share(prs, lambda k: planned[k].kind not in QUIZ_KINDS) >= 0.8
    quiz = [size for k, slide in enumerate(prs.slides) if planned[k].kind in QUIZ_KINDS
            for size, _ in body_runs(slide)]
    assert quiz and min(quiz) >= 18


def test_the_stress_and_scratch_content_keep_the_talk_limits(big_build, editions_build):
    """Slides the deck writes in its own words stay short; quiz questions and tables show what the
    author wrote, however long."""
    from helpers import deck as open_deck

    plans = [next(f.payload for f in big_build[2][0].files if f.name == "deck.pptx")]
    plans += [next(f.payload for f in p.files if f.name == "deck.pptx") for p in editions_build[2]]
    paths = [big_build[0] / "deck.pptx"] + [editions_build[0] / p.language / "deck.pptx" for p in editions_build[2]]
    for plan, path in zip(plans, paths):
        prs = open_deck(path)
        counts = [body_words(s) for s, planned in zip(prs.slides, plan.slides)
                  if planned.kind not in QUIZ_KINDS + ("table",)]
        assert max(counts) <= TALK_WORDS, (path, counts)
        # the deck's own slides are set large; long authored tables and options may go down to 18 pt
        # (options rather than be shared over two slides, where the room never sees them together)
        assert body_share(prs, lambda k: plan.slides[k].kind not in QUIZ_KINDS + ("table",)) >= 0.75, path
        assert min(size for s, planned in zip(prs.slides, plan.slides) if planned.kind in QUIZ_KINDS
                   for size, _ in body_runs(s)) >= 18, path
        per_section = {}   # a section says its point on two slides of text (three for the stress set's 12 points)
        for slide in plan.slides:
            if slide.kind == "content":
                base = re.sub(r" \(\d+/\d+\)$", "", slide.title)
                per_section[base] = per_section.get(base, 0) + 1
        spans = sorted(per_section.values())
        assert spans[-1] <= 3 and all(n <= 2 for n in spans[:-1]), (path, per_section)


def words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", text)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_word_of_the_sections_reaches_the_slides_or_the_notes(default_build, language):
    kit = next(k for k in default_build[3] if k.language == language)
    prs = deck(default_build[0] / language / "deck.pptx")
    shown = set()
    for slide in prs.slides:
        shown |= words(" ".join(t for _, t in body_runs(slide)))
        shown |= words(slide.shapes.title.text if slide.shapes.title else "")
        shown |= words(notes_text(slide))
    from generator.text import plain, point

    source = []
    for section in kit.content.sections:
        source.append(plain(section.title, language) + " " + plain(section.text or "", language))
        for item in section.points:
            p = point(item)
            source.append(plain(p.term or "", language) + " " + plain(p.text, language))
    wanted = [w.lower() for w in re.findall(r"\w+", " ".join(source))]
    missing = [w for w in wanted if w not in shown]
    assert len(missing) <= 0.05 * len(wanted), missing[:20]


def test_notes_are_a_script_not_a_copy_of_the_slide(default_build):
    prs = deck(default_build[0] / "en" / "deck.pptx")
    for slide in prs.slides:
        if slide.shapes.title and slide.shapes.title.text == "Key Areas of International Police Cooperation":
            notes = notes_text(slide)
            assert "Sharing intelligence and operational data is crucial" in notes
            assert len(notes.split()) > 3 * slide_words(slide)
            break
    else:
        pytest.fail("no Key Areas slide")


def test_dividers_appear_only_before_a_section_that_spans_several_slides(default_plans):
    plan = deck_plan(default_plans)
    ks = kinds(plan)
    for i, kind in enumerate(ks):
        if kind == "divider":
            assert ks[i + 1] in ("content", "table") and ks[i + 2] in ("content", "table")


def test_the_full_style_is_a_reading_deck(tmp_path):
    from helpers import build, copy_default

    _, plans, _ = build(copy_default(tmp_path), tmp_path / "out", ["deck"], style="full")
    plan = next(f.payload for f in plans[0].files)
    text = " ".join(r.text for s in plan.slides for b in s.boxes for p in b.paras for r in p.runs)
    assert "Sharing intelligence and operational data is crucial" in text
    assert len([s for s in plan.slides if s.kind not in QUIZ_KINDS]) > 16


def test_a_reveal_shows_every_option_its_question_showed_on_the_same_geometry(default_plans, big_build):
    for plan in [deck_plan(default_plans), next(f.payload for f in big_build[2][0].files if f.name == "deck.pptx")]:
        kinds = [s.kind for s in plan.slides]
        k = 0
        while k < len(kinds):   # a run of question slides, then as many reveals: every option before any answer
            if kinds[k] != "question":
                k += 1
                continue
            n = next(j for j in range(k, len(kinds)) if kinds[j] != "question") - k
            assert kinds[k + n:k + 2 * n] == ["reveal"] * n
            for q, r in zip(plan.slides[k:k + n], plan.slides[k + n:k + 2 * n]):
                q_opts = [(b.name, b.x, b.y, b.w, b.h) for b in q.boxes if b.name.startswith("Option")]
                r_opts = [(b.name, b.x, b.y, b.w, b.h) for b in r.boxes if b.name.startswith("Option")]
                assert q_opts == r_opts and q_opts
            k += 2 * n


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_option_grid_serves_every_question(default_plans, language):
    """Same boxes, same size, same place for every question's options: nothing jumps between questions."""
    plan = deck_plan(default_plans, language)
    grids = set()
    for s in plan.slides:
        if s.kind in QUIZ_KINDS:
            opts = [b for b in s.boxes if b.name.startswith("Option")]
            grids.add(tuple((b.name, round(b.x, 3), round(b.y, 3), round(b.w, 3), round(b.h, 3), b.paras[0].size)
                            for b in opts))
    assert len(grids) == 1, grids


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reveal_shows_its_explanation_in_a_band_reserved_on_every_reveal(default_plans, language):
    plan = deck_plan(default_plans, language)
    bands = {(round(b.y, 3), round(b.h, 3)) for s in plan.slides if s.kind == "reveal" for b in s.boxes
             if b.name == "Explanation"}
    reveals = [s for s in plan.slides if s.kind == "reveal"]
    assert len(bands) == 1 and all(any(b.name == "Explanation" for b in s.boxes) for s in reveals)


def test_a_long_table_reads_out_only_the_rows_on_each_slide(tmp_path):
    """A 120-row table spans several slides; each slide's notes name its own rows and no others (the
    whole table on every slide made the notes grow with the square of the table)."""
    from helpers import build, deck

    rows = "".join(f"      - [Office {r:03}, Region {r % 5}, Liaison desk]\n" for r in range(120))
    content = tmp_path / "content.yaml"
    content.write_text(
        "language: en\ntitle: Liaison offices\nsummary: Where to call.\n"
        "sections:\n  - id: offices\n    title: Offices\n    text: The offices we work with.\n    table: list\n"
        f"tables:\n  - id: list\n    title: Offices\n    columns: [Office, Region, Kind]\n    rows:\n{rows}",
        encoding="utf-8")
    written, _, _ = build(content, tmp_path / "out", ["deck"])
    prs = deck(next(w.path for w in written if w.path.name == "deck.pptx"))
    tables = [s for s in prs.slides if any(sh.has_table for sh in s.shapes)]
    assert len(tables) > 2
    seen = []
    for slide in tables:
        table = next(sh.table for sh in slide.shapes if sh.has_table)
        shown = [table.cell(r, 0).text for r in range(1, len(table.rows))]
        noted = re.findall(r"Office \d{3}", notes_text(slide))
        assert noted == shown and "|" not in notes_text(slide)   # rows read as sentences, not pipe rows
        assert f"{shown[0]}. Region: Region {int(shown[0][-3:]) % 5}. Kind: Liaison desk." in notes_text(slide)
        seen += shown
    assert seen == [f"Office {r:03}" for r in range(120)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_default_question_shows_all_its_options_on_one_slide(default_plans, language):
    plan = deck_plan(default_plans, language)
    questions = [s for s in plan.slides if s.kind == "question"]
    assert len(questions) == 7, [s.title for s in questions]


def test_dividers_come_before_every_section_or_none(default_plans, big_build):
    for plan in [deck_plan(default_plans, lang) for lang in LANGUAGES] + \
            [next(f.payload for f in big_build[2][0].files if f.name == "deck.pptx")]:
        dividers = [k for k, s in enumerate(plan.slides) if s.kind == "divider"]
        agenda = next(s for s in plan.slides if s.kind == "agenda")
        assert len(dividers) in (0, len(agenda.boxes[0].paras) if len(agenda.boxes) == 1 else
                                 sum(len(b.paras) for b in agenda.boxes))
        for k in dividers:   # each stands right before the first slide of its section
            assert plan.slides[k + 1].kind == "content"
            assert plan.slides[k + 1].title.startswith(plan.slides[k].title.split("\n")[-1])


def sections_content(folder, long_sections: int, dividers: str = "auto"):
    """Four sections, the first long_sections of them with points enough for two talk slides each."""
    text = []
    for k in range(4):
        points = "".join(f"      - Police services share point {k}.{j} across borders\n"
                         for j in range(14 if k < long_sections else 2))
        text.append(f"  - id: s{k}\n    title: Section {k}\n    points:\n{points}")
    path = folder / "content.yaml"
    path.write_text(f"title: T\nsummary: S\nsections:\n{''.join(text)}build:\n  deck:\n    dividers: {dividers}\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("long_sections, dividers, expected", [
    (1, "auto", []),                     # for every section or none: "Part 2 of 4" alone is a slip
    (2, "auto", []),                     # most sections take one slide: none
    (4, "auto", [0, 1, 2, 3]),           # every section takes two: one before each
    (1, "always", [0, 1, 2, 3]),
    (2, "never", []),
])
def test_dividers_stand_before_exactly_the_sections_the_setting_names(tmp_path, long_sections, dividers, expected):
    from generator.phases import plan
    from helpers import load

    kit = load(sections_content(tmp_path, long_sections, dividers))[0]
    slides = plan(kit, kit, ["deck"]).files[0].payload.slides
    content = [s for s in slides if s.kind == "content"]
    spans = {k: sum(s.title.startswith(f"Section {k}") for s in content) for k in range(4)}
    assert [k for k in range(4) if spans[k] >= 2] == list(range(long_sections)), spans
    shown = [s.title for s in slides if s.kind == "divider"]
    assert shown == [f"Part {k + 1} of 4\nSection {k}" for k in expected]
    for k, s in enumerate(slides):
        if s.kind == "divider":
            assert slides[k + 1].title.startswith(s.title.split("\n")[-1])


def test_a_talk_slide_never_shows_a_clause_cut_off_at_a_comma():
    from generator.renderers.deck.sequence import lead_phrase

    point = "If in doubt, hang up and call the bank on the number printed on the back of your card yourself."
    assert lead_phrase(point, 8) != "If in doubt"
    assert lead_phrase(point, 8, short=True) != "If in doubt"
    assert lead_phrase("Do not delete the messages until you have reported them.", 8) == \
        "Do not delete the messages until you have reported them."
    assert lead_phrase("Information sharing: the exchange of data between police forces, day and night, "
                       "in every language and across every border we share.", 8) == "Information sharing"


def test_a_talk_bullet_cut_short_keeps_its_link():
    """The lead phrase of a long point keeps the link it reaches into, address and all."""
    from generator.renderers.deck.sequence import cut_runs, lead_phrase
    from generator.text import plain, runs

    source = ("Report suspicious messages to the [national cybercrime reporting portal](https://example.org/report) "
              "within twenty four hours of receiving them, and keep every message as evidence for the investigators")
    shown = cut_runs(runs(source, "en"), lead_phrase(plain(source, "en"), 8))
    assert [r.href for r in shown if r.href] == ["https://example.org/report"]
    assert "".join(r.text for r in shown).startswith("Report suspicious messages to the national cybercrime")
    assert len("".join(r.text for r in shown).split()) < len(plain(source, "en").split())
