"""Quiz slides: an opening slide that addresses the room, then per question a question slide and a
reveal slide on one layout and one geometry (only the marking changes when the presenter clicks).

One option grid serves the whole deck: the same columns, boxes and option size on every question,
anchored above a band reserved for the explanation on every reveal, so nothing jumps from one
question to the next and every reveal of a question with an explanation shows it. The question's
own text takes the room above the grid. Only a question that cannot fit the deck's grid (options
far longer than the others') is laid out on its own, and said so."""
from __future__ import annotations

from dataclasses import dataclass, replace

from ...text import Run, plain
from .fit import sizes_between
from .model import PT, Box, Para, Slide
from .slides import Planner

OPTION_INSET = (0.2, 0.08, 0.2, 0.08)
LAST_RESORT = 18.0    # the smallest option size before a question's options go over two slides
EXPLAIN_INSET = (0.25, 0.1, 0.25, 0.1)
TIGHT_INSET = (0.25, 0.04, 0.25, 0.04)
EXPLAIN_LOW = 18.0
GRID_LOW = LAST_RESORT  # the smallest option size of the deck's grid


def intro(p: Planner, qp, notes: str) -> None:
    c, place = p.c, p.d.place("quiz")
    b = place.body
    total = len(qp.versions[0].questions)
    room, lang = p.say("quiz_room")
    count, count_lang = p.say("quiz_count", total=total)
    paras = [Para(room, 28, c.text, align=place.body_align, lang=lang),
             Para(count, 28, c.secondary, bold=True, space_before=16, align=place.body_align, lang=count_lang)]
    if any(q.multiple for q in qp.versions[0].questions):
        more, more_lang = p.say("quiz_room_multiple")
        paras.insert(1, Para(more, 24, c.muted, space_before=8, align=place.body_align, lang=more_lang))
    size = next((s for s in sizes_between(28, 18) if p.fits([replace(x, size=s if x.size == 28 else s - 4)
                                                               for x in paras], b.w, b.h)), 18)
    paras = [replace(x, size=size if x.size == 28 else size - 4) for x in paras]
    box = p.title_box(plain(qp.title, p.language), "quiz", high=max(place.title_style.size, 40.0), lines=2)
    p.add(Slide("quiz", plain(qp.title, p.language), box, notes,
                [Box(b.x, b.y, b.w, min(p.m.box_height(paras, b.w), b.h), tuple(paras), name="Instructions",
                     placeholder="body" if place.body_placeholder else None)], rules=p.rule_under(box, b.y - 0.3)))


def _option_para(p: Planner, o, size: float, letter_w: float) -> Para:
    """An option with its letter hanging before it (as a bullet, so it sits right in either direction)."""
    return Para(p.runs(o.text), size, p.c.text, indent=letter_w, bullet=o.letter, bullet_color=p.c.secondary)


def _hint(p: Planner, q):
    """The "select all that apply" line of a question with several answers, unless its text says so
    already (the hint appears once per question; the plan's q.hint also knows the wording's
    select_all_said phrases, as the handout does)."""
    if not q.hint:
        return None
    hint, lang = p.say("select_all")
    said = " ".join(plain(q.text, p.language).casefold().split())
    words = " ".join(str(hint[0].text).casefold().rstrip(".:!").split())
    return None if words and words in said else (hint, lang)


@dataclass(frozen=True)
class Grid:
    """The deck's option grid: columns, option size, box height, rows, explanation band."""

    columns: int
    option_size: float
    explain_size: float
    box_h: float
    rows: int
    band: float          # the explanation band's height (0: no question has one)
    letter_w: float
    question_size: float = 30.0   # every question's text, in one size


def _explanation(p: Planner, q, size: float) -> list[Para]:
    c, expl = p.c, []
    if q.explanation:
        expl.append(Para(p.runs(q.explanation), size, c.text))
    if q.section_title and not q.explanation:   # with an explanation, the notes name the section
        see, lang = p.say("see", section=q.section_title)
        expl.append(Para(see, size, c.muted, italic=True, space_before=0.3 * size if expl else 0, lang=lang))
    return expl


def _question_paras(p: Planner, q, qs: float, os_: float) -> list[Para]:
    paras = [Para(p.runs(q.text), qs, p.c.text, bold=True)]
    hint = _hint(p, q)
    if hint:
        paras.append(Para(hint[0], max(os_ - 2, 20.0), p.c.secondary, bold=True, space_before=6, lang=hint[1]))
    return paras


def grid_for(p: Planner, questions, sizes: list[float], qs_low: float, es_low: float = EXPLAIN_LOW) -> Grid | None:
    """The largest option grid (two columns before one at each size) in which every question, its
    options and its explanation fit the slide, or None."""
    b = p.d.place("question").body
    gap = 0.2
    qs_high = float(p.t["question_size"])
    options = [o for q in questions for o in q.options]
    if not options:
        return None
    most = max(len(q.options) for q in questions)
    for os_ in sizes:
        letter_w = max(p.m.width((Run(o.letter, True),), os_, True) for o in options) + 0.6 * os_
        for columns in ((2, 1) if most > 1 else (1,)):
            if not all(_fits_columns(p, q.options, os_, columns, b.w) for q in questions):
                continue
            col_w = (b.w - gap * (columns - 1)) / columns
            # the reveal marks the answer by its fill, not by bold, so its box is measured once
            box_h = max(p.m.box_height([_option_para(p, o, os_, letter_w)], col_w, OPTION_INSET) for o in options)
            rows = -(-most // columns)
            grid_h = rows * box_h + (rows - 1) * gap
            # the explanation is read after the answer: it may be set a little smaller than the options
            for es in sizes_between(min(24.0, os_ - 2), es_low):
                band = max((p.m.box_height(e, b.w, EXPLAIN_INSET) for q in questions
                            if (e := _explanation(p, q, es))), default=0.0)
                room = b.h - grid_h - (band + 0.2 if band else 0.0) - 0.2
                qs = next((qs for qs in sizes_between(qs_high, qs_low, 2) if room > 0 and all(
                    p.m.box_height(_question_paras(p, q, qs, os_), b.w) <= room for q in questions)), None)
                if qs is not None:
                    return Grid(columns, os_, es, box_h, rows, band, letter_w, qs)
    return None


def _need(p: Planner, q, os_: float, qs: float, es: float) -> float:
    """The height a question takes alone at the smallest sizes (to find the most demanding)."""
    b = p.d.place("question").body
    columns = 2 if len(q.options) > 1 and _fits_columns(p, q.options, os_, 2, b.w) else 1
    col_w = (b.w - 0.2 * (columns - 1)) / columns
    box = max(p.m.box_height([_option_para(p, o, os_, 1.6 * os_)], col_w, OPTION_INSET) for o in q.options)
    expl = _explanation(p, q, es)
    return (p.m.box_height(_question_paras(p, q, qs, os_), b.w) + -(-len(q.options) // columns) * (box + 0.2)
            + (p.m.box_height(expl, b.w, EXPLAIN_INSET) if expl else 0.0))


def placed(p: Planner, q, g: Grid):
    """(question boxes, reveal boxes) of a question in the deck's grid."""
    c = p.c
    b = p.d.place("question").body
    gap = 0.2
    band_y = b.bottom - g.band
    grid_h = g.rows * g.box_h + (g.rows - 1) * gap
    y0 = (band_y - 0.2 if g.band else b.bottom) - grid_h
    room = y0 - 0.2 - b.y
    paras = next((ps for qs in sizes_between(g.question_size, 12, 2)
                  if p.m.box_height(ps := _question_paras(p, q, qs, g.option_size), b.w) <= room),
                 _question_paras(p, q, 12, g.option_size))
    q_box = Box(b.x, b.y, b.w, room, tuple(paras), name="Question")
    col_w = (b.w - gap * (g.columns - 1)) / g.columns
    question, reveal = [q_box], [q_box]
    for k, o in enumerate(q.options):
        para = _option_para(p, o, g.option_size, g.letter_w)
        r, col = divmod(k, g.columns)
        if p.kit.rtl:
            col = g.columns - 1 - col
        base = Box(b.x + col * (col_w + gap), y0 + r * (g.box_h + gap), col_w, g.box_h, (para,),
                   name=f"Option {o.letter}", fill=c.light, line=c.rule, rounded=True, anchor="middle",
                   inset=OPTION_INSET)
        question.append(base)
        if o.correct:
            reveal.append(replace(base, fill=c.correct, line=c.correct,
                                  paras=(replace(para, color=c.on_correct, bullet_color=c.on_correct,
                                                 link_color=c.on_correct),)))
        else:
            reveal.append(replace(base, fill=c.badge, paras=(replace(para, color=c.muted, bullet_color=c.muted),)))
    expl = _explanation(p, q, g.explain_size)
    if expl:
        reveal.append(Box(b.x, band_y, b.w, g.band, tuple(expl), name="Explanation", fill=c.light,
                          inset=EXPLAIN_INSET))
    return question, reveal


def layout(p: Planner, q, options, qs: float, os_: float, columns: int, explain: bool):
    """(question boxes, reveal boxes, height in inches, option size) of a question at these sizes and columns."""
    c = p.c
    b = p.d.place("question").body
    gap = 0.2
    paras = _question_paras(p, q, qs, os_)
    q_h = p.m.box_height(paras, b.w)
    q_box = Box(b.x, b.y, b.w, q_h, tuple(paras), name="Question")
    y0 = b.y + q_h + 0.2
    col_w = (b.w - gap * (columns - 1)) / columns
    letter_w = max(p.m.width((Run(o.letter, True),), os_, True) for o in options) + 0.6 * os_
    paras_o = [_option_para(p, o, os_, letter_w) for o in options]
    # measured bold as well: the reveal sets the right answer in bold in the same box
    box_h = max(p.m.box_height([replace(para, bold=bold)], col_w, OPTION_INSET) for para in paras_o
                for bold in (False, True))
    rows = -(-len(options) // columns)
    question, reveal = [q_box], [q_box]
    for k, (o, para) in enumerate(zip(options, paras_o)):
        r, col = divmod(k, columns)
        if p.kit.rtl:
            col = columns - 1 - col
        x = b.x + col * (col_w + gap)
        y = y0 + r * (box_h + gap)
        base = Box(x, y, col_w, box_h, (para,), name=f"Option {o.letter}", fill=c.light, line=c.rule,
                   rounded=True, anchor="middle", inset=OPTION_INSET)
        question.append(base)
        if o.correct:
            reveal.append(replace(base, fill=c.correct, line=c.correct,
                                  paras=(replace(para, color=c.on_correct, bullet_color=c.on_correct,
                                                 link_color=c.on_correct, bold=True),)))
        else:
            reveal.append(replace(base, fill=c.badge, paras=(replace(para, color=c.muted, bullet_color=c.muted),)))
    bottom = y0 + rows * box_h + (rows - 1) * gap
    if explain:
        expl = _explanation(p, q, max(20.0, min(24.0, os_ - 2)))
        # below the options, down to 18 pt; else in the question's place (the question slide before
        # it showed the question); the explanation is always in the notes as well
        sized = ([tuple(replace(x, size=size) for x in expl) for size in sizes_between(expl[0].size, LAST_RESORT)]
                 if expl else [])
        heights = [p.m.box_height(said, b.w, EXPLAIN_INSET) for said in sized]
        below = next((k for k, e_h in enumerate(heights) if bottom + 0.2 + e_h <= b.bottom), None)
        room = y0 - b.y - 0.05   # the question's box and most of the gap under it
        instead = next((k for k, said in enumerate(sized) if p.m.box_height(said, b.w, TIGHT_INSET) <= room), None)
        if below is not None:
            reveal.append(Box(b.x, bottom + 0.2, b.w, heights[below], sized[below], name="Explanation",
                              fill=c.light, inset=EXPLAIN_INSET))
        elif instead is not None:
            reveal[0] = Box(b.x, b.y, b.w, room, sized[instead], name="Explanation", fill=c.light, inset=TIGHT_INSET,
                            anchor="middle")
    return question, reveal, bottom - b.y, os_


def _fits_columns(p: Planner, options, os_: float, columns: int, width: float) -> bool:
    """Options fit a grid of two columns when none needs more than three lines (four at 20 pt or
    less, where lines are short); a single column takes any option that leaves the slide room."""
    if columns == 1:
        return True
    col_w = (width - 0.2 * (columns - 1)) / columns
    letter_w = max(p.m.width((Run(o.letter, True),), os_, True) for o in options) + 0.6 * os_
    inner = (col_w - OPTION_INSET[0] - OPTION_INSET[2]) * PT - letter_w
    return all(p.m.lines(p.runs(o.text), os_, inner) <= (3 if os_ > 20 else 4) for o in options)


def question(p: Planner, q, total: int, notes_q: str, notes_r: str, grid: Grid | None = None) -> None:
    b = p.d.place("question").body
    qs_high, os_high = float(p.t["question_size"]), float(p.t["option_size"])
    os_low = float(p.t["min_option_size" if p.style == "talk" else "full_min_option_size"])
    short = all(len(plain(o.text).split()) <= 2 for o in q.options)
    option_sizes = [os_high] if short else sizes_between(os_high, os_low)
    # below the theme's smallest size, a little smaller still rather than options over two slides,
    # where the room never sees them together
    option_sizes += [s for s in sizes_between(os_low - 1, LAST_RESORT) if s < os_low] if not short else []
    choice = (*placed(p, q, grid), 0.0, grid.option_size) if grid else None
    # first with the explanation on the reveal, so that every reveal shows one where it can; then
    # without it (it is always in the notes)
    tries = () if grid else (True, False) if q.explanation or q.section_title else (False,)
    for with_explanation in tries:
        for os_ in option_sizes:  # the longest option decides the size; two-word options never shrink
            for columns in ((2, 1) if len(q.options) > 1 else (1,)):
                if not _fits_columns(p, q.options, os_, columns, b.w):
                    continue
                least = max(os_, min(24.0, os_low)) if os_ >= os_low else os_   # a last resort shrinks the question too
                for qs in sizes_between(qs_high, least, 2):
                    found = layout(p, q, q.options, qs, os_, columns, True)
                    if found[2] <= b.h and (not with_explanation or any(x.name == "Explanation" for x in found[1])):
                        choice = found
                        break
                if choice:
                    break
            if choice:
                break
        if choice:
            break
    heading = str(p.kit.say("question_of", number=q.number, total=total))
    answer = str(p.kit.say("answer_heading", letters=q.letters))
    reveal_title = str(p.kit.say("reveal_title", question=heading, answer=answer))
    if choice and choice[3] < os_low and not grid:   # the deck's grid is sized for all its questions at once
        p.notes.warn(("quiz", "questions", q.source), f"question {q.source + 1}'s options are set at "
                     f"{choice[3]:g} pt, below the {os_low:g} pt a hall reads easily; shorten them")
    if choice:
        pages = [(choice[0], choice[1])]
    else:  # too long for one slide: the options shared out over slides, each with its own reveal
        half = -(-len(q.options) // 2)
        pages = []
        for last, chunk in enumerate((q.options[:half], q.options[half:])):
            found = layout(p, q, chunk, 24.0, LAST_RESORT, 1, bool(last))   # the explanation on the last reveal
            pages.append((found[0], found[1]))
        p.notes.warn(("quiz", "questions", q.source), f"question {q.source + 1} and its options are too long for "
                     f"one slide at {LAST_RESORT:g} pt; its options continue on a second slide (shorten them)")
    if (q.explanation or q.section_title) and not any(b.name == "Explanation" for _, rb in pages for b in rb):
        p.notes.warn(("quiz", "questions", q.source), f"question {q.source + 1}'s explanation does not fit on its "
                     "reveal beside its options, so it is only in the speaker notes; shorten the options or the "
                     "explanation")
    # every option is shown before any answer: a question over two slides is revealed after both
    for part, (qboxes, _) in enumerate(pages, start=1):
        t = p.parts_title(heading, part, len(pages))
        p.add(Slide("question", t, p.title_box(t, "question"), notes_q, qboxes))
    for part, (_, rboxes) in enumerate(pages, start=1):
        rt = p.parts_title(reveal_title, part, len(pages))
        p.add(Slide("reveal", rt, p.title_box(rt, "reveal"), notes_r, rboxes))


def slides(p: Planner, qp) -> None:
    """The quiz's opening slide and its question and reveal slides, from the plan's first version."""
    kit = p.kit
    version = qp.versions[0]
    total = len(version.questions)
    intro(p, qp, str(kit.say("note_quiz", title=plain(qp.title, p.language), total=total)))
    os_high = float(p.t["option_size"])
    os_low = float(p.t["min_option_size" if p.style == "talk" else "full_min_option_size"])
    # one grid for the deck, with room for every explanation: options a little under the theme's
    # smallest size (never under GRID_LOW) rather than reveals without their explanation
    # (on a slide smaller than 13.33 x 7.5 in a size reads larger: the least sizes scale with the slide's area)
    scale = min(1.0, (p.d.width * p.d.height / (13.333 * 7.5)) ** 0.5)
    sizes = sizes_between(os_high, round(min(os_low, GRID_LOW) * scale))
    qs_low, es_low = round(min(24.0, os_low) * scale), round(EXPLAIN_LOW * scale)
    questions = list(version.questions)
    grid = grid_for(p, questions, sizes, qs_low, es_low)
    alone: set[int] = set()
    if grid is None:   # the most demanding questions (half at most) are set alone, the others in one grid
        ranked = sorted(questions, key=lambda q: -_need(p, q, sizes[-1], qs_low, es_low))
        for q in ranked[:max(1, len(questions) // 2)]:
            alone.add(q.number)
            grid = grid_for(p, [x for x in questions if x.number not in alone], sizes, qs_low, es_low)
            if grid is not None:
                break
        else:
            alone = {q.number for q in questions}
    if alone == {q.number for q in questions} and len(questions) > 1:
        p.notes.warn(("quiz", "questions"), "the quiz's options and explanations differ too much in length for one "
                     "layout; each question is laid out on its own")
    elif alone:
        several = len(alone) > 1
        p.notes.warn(("quiz", "questions"), ("questions " if several else "question ")
                     + ", ".join(str(q.source + 1) for q in questions if q.number in alone)
                     + (" are" if several else " is") + " laid out on a slide of " + ("their" if several else "its")
                     + " own (longer options or explanation than the others); shorten to keep one layout")
    for q in questions:
        options = [f"{o.letter}. {plain(o.text, p.language)}" for o in q.options]
        notes_q = str(kit.say("note_question", question=plain(q.text, p.language), options=options))
        correct = "; ".join(plain(o.text, p.language) for o in q.options if o.correct)
        notes_r = str(kit.say("note_reveal", letters=q.letters, answer_text=correct,
                              explanation=plain(q.explanation or "", p.language), section=q.section_title or ""))
        own = grid
        if q.number in alone:   # a grid of its own, to keep its explanation on the reveal where it can
            own = grid_for(p, [q], sizes, qs_low, es_low)
        question(p, q, total, notes_q, notes_r, own)
