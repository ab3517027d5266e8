"""Quiz slides: an opening slide that addresses the room, then per question a question slide and a
reveal slide on one layout and one geometry (only the marking changes when the presenter clicks).

One option grid serves the whole deck: the same columns, boxes and option size on every question,
anchored above a band reserved for the explanation on every reveal, so nothing jumps from one
question to the next and every reveal of a question with an explanation shows it. The question's
own text takes the room above the grid. Only a question that cannot fit the deck's grid (options
far longer than the others') is laid out on its own, and said so."""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from ...text import Run, plain
from .fit import sizes_between
from .model import PT, Box, Para, Slide
from .slides import Planner

QUESTION_STEP = 2      # question sizes are tried in steps of 2 pt (finer steps cost time and show no difference)
LETTER_ESTIMATE = 1.6  # an option letter and its gap, times the size: only to rank questions by the room they need


def _look(p: Planner) -> dict:
    """The theme's look of the quiz slides."""
    return p.t["quiz"]


def _inset(p: Planner, key: str) -> tuple[float, float, float, float]:
    return tuple(float(v) for v in _look(p)[key])


def intro(p: Planner, qp, notes: str) -> None:
    c, place, look, sec = p.c, p.d.place("quiz"), _look(p), p.t["section"]
    b = place.body
    total = len(qp.versions[0].questions)
    room, lang = p.say("quiz_room")
    count, count_lang = p.say("quiz_count", total=total)
    high, low, drop = float(look["intro_size"]), float(look["min_intro_size"]), float(look["intro_note_drop"])
    paras = [Para(room, high, c.text, align=place.body_align, lang=lang),
             Para(count, high, c.secondary, bold=True, space_before=float(look["intro_count_space"]),
                  align=place.body_align, lang=count_lang)]
    if any(q.multiple for q in qp.versions[0].questions):
        more, more_lang = p.say("quiz_room_multiple")
        paras.insert(1, Para(more, high - drop, c.muted, space_before=float(look["intro_note_space"]),
                             align=place.body_align, lang=more_lang))
    size = next((s for s in sizes_between(high, low) if p.fits([replace(x, size=s if x.size == high else s - drop)
                                                                 for x in paras], b.w, b.h)), low)
    paras = [replace(x, size=size if x.size == high else size - drop) for x in paras]
    box = p.title_box(plain(qp.title, p.language), "quiz", high=max(place.title_style.size,
                                                                     float(sec["least_title_size"])),
                      lines=int(look["intro_title_lines"]))
    p.add(Slide("quiz", plain(qp.title, p.language), box, notes,
                [Box(b.x, b.y, b.w, min(p.m.box_height(paras, b.w), b.h), tuple(paras), name="Instructions",
                     placeholder="body" if place.body_placeholder else None)],
                rules=p.rule_under(box, b.y - float(sec["rule_gap"]))))


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
    question_size: float          # every question's text, in one size


def _explanation(p: Planner, q, size: float) -> list[Para]:
    c, expl = p.c, []
    if q.explanation:
        expl.append(Para(p.runs(q.explanation), size, c.text))
    if q.section_title and not q.explanation:   # with an explanation, the notes name the section
        see, lang = p.say("see", section=q.section_title)
        expl.append(Para(see, size, c.muted, italic=True, space_before=float(_look(p)["see_space"]) * size
                         if expl else 0, lang=lang))
    return expl


def _question_paras(p: Planner, q, qs: float, os_: float) -> list[Para]:
    paras = [Para(p.runs(q.text), qs, p.c.text, bold=True)]
    hint = _hint(p, q)
    if hint:
        look = _look(p)
        paras.append(Para(hint[0], max(os_ - float(look["hint_drop"]), float(look["min_hint_size"])), p.c.secondary,
                          bold=True, space_before=float(look["hint_space"]), lang=hint[1]))
    return paras


def grid_for(p: Planner, questions, sizes: list[float], qs_low: float, es_low: float) -> Grid | None:
    """The largest option grid (two columns before one at each size) in which every question, its
    options and its explanation fit the slide, or None."""
    b = p.d.place("question").body
    look = _look(p)
    gap, option_inset, explain_inset = float(look["gap"]), _inset(p, "option_inset"), _inset(p, "explain_inset")
    qs_high = float(p.t["question_size"])
    options = [o for q in questions for o in q.options]
    if not options:
        return None
    most = max(len(q.options) for q in questions)
    for os_ in sizes:
        letter_w = _letter_width(p, options, os_)
        for columns in ((2, 1) if most > 1 else (1,)):
            if not all(_fits_columns(p, q.options, os_, columns, b.w) for q in questions):
                continue
            col_w = (b.w - gap * (columns - 1)) / columns
            # the reveal marks the answer by its fill, not by bold, so its box is measured once
            box_h = max(p.m.box_height([_option_para(p, o, os_, letter_w)], col_w, option_inset) for o in options)
            rows = -(-most // columns)
            grid_h = rows * box_h + (rows - 1) * gap
            # the explanation is read after the answer: it may be set a little smaller than the options
            for es in sizes_between(min(float(look["explain_size"]), os_ - float(look["explain_drop"])), es_low):
                band = max((p.m.box_height(e, b.w, explain_inset) for q in questions
                            if (e := _explanation(p, q, es))), default=0.0)
                room = b.h - grid_h - (band + gap if band else 0.0) - gap
                qs = next((qs for qs in sizes_between(qs_high, qs_low, QUESTION_STEP) if room > 0 and all(
                    p.m.box_height(_question_paras(p, q, qs, os_), b.w) <= room for q in questions)), None)
                if qs is not None:
                    return Grid(columns, os_, es, box_h, rows, band, letter_w, qs)
    return None


def _need(p: Planner, q, os_: float, qs: float, es: float) -> float:
    """The height a question takes alone at the smallest sizes (to find the most demanding)."""
    b = p.d.place("question").body
    gap = float(_look(p)["gap"])
    columns = 2 if len(q.options) > 1 and _fits_columns(p, q.options, os_, 2, b.w) else 1
    col_w = (b.w - gap * (columns - 1)) / columns
    box = max(p.m.box_height([_option_para(p, o, os_, LETTER_ESTIMATE * os_)], col_w, _inset(p, "option_inset"))
              for o in q.options)
    expl = _explanation(p, q, es)
    return (p.m.box_height(_question_paras(p, q, qs, os_), b.w) + -(-len(q.options) // columns) * (box + gap)
            + (p.m.box_height(expl, b.w, _inset(p, "explain_inset")) if expl else 0.0))


def placed(p: Planner, q, g: Grid):
    """(question boxes, reveal boxes) of a question in the deck's grid."""
    c = p.c
    b = p.d.place("question").body
    gap, option_inset = float(_look(p)["gap"]), _inset(p, "option_inset")
    band_y = b.bottom - g.band
    grid_h = g.rows * g.box_h + (g.rows - 1) * gap
    y0 = (band_y - gap if g.band else b.bottom) - grid_h
    room = y0 - gap - b.y
    least = float(p.t["least_size"])
    paras = next((ps for qs in sizes_between(g.question_size, least, QUESTION_STEP)
                  if p.m.box_height(ps := _question_paras(p, q, qs, g.option_size), b.w) <= room),
                 _question_paras(p, q, least, g.option_size))
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
                   inset=option_inset)
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
                          inset=_inset(p, "explain_inset")))
    return question, reveal


def layout(p: Planner, q, options, qs: float, os_: float, columns: int, explain: bool):
    """(question boxes, reveal boxes, height in inches, option size) of a question at these sizes and columns."""
    c = p.c
    b = p.d.place("question").body
    look = _look(p)
    gap, option_inset = float(look["gap"]), _inset(p, "option_inset")
    explain_inset, tight_inset = _inset(p, "explain_inset"), _inset(p, "tight_inset")
    paras = _question_paras(p, q, qs, os_)
    q_h = p.m.box_height(paras, b.w)
    q_box = Box(b.x, b.y, b.w, q_h, tuple(paras), name="Question")
    y0 = b.y + q_h + gap
    col_w = (b.w - gap * (columns - 1)) / columns
    letter_w = _letter_width(p, options, os_)
    paras_o = [_option_para(p, o, os_, letter_w) for o in options]
    # measured bold as well: the reveal sets the right answer in bold in the same box
    box_h = max(p.m.box_height([replace(para, bold=bold)], col_w, option_inset) for para in paras_o
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
                   rounded=True, anchor="middle", inset=option_inset)
        question.append(base)
        if o.correct:
            reveal.append(replace(base, fill=c.correct, line=c.correct,
                                  paras=(replace(para, color=c.on_correct, bullet_color=c.on_correct,
                                                 link_color=c.on_correct, bold=True),)))
        else:
            reveal.append(replace(base, fill=c.badge, paras=(replace(para, color=c.muted, bullet_color=c.muted),)))
    bottom = y0 + rows * box_h + (rows - 1) * gap
    if explain:
        expl = _explanation(p, q, max(float(look["alone_explain_size"]),
                                      min(float(look["explain_size"]), os_ - float(look["explain_drop"]))))
        # below the options, down to the last option size; else in the question's place (the question
        # slide before it showed the question); the explanation is always in the notes as well
        sized = ([tuple(replace(x, size=size) for x in expl)
                  for size in sizes_between(expl[0].size, float(look["last_option_size"]))] if expl else [])
        heights = [p.m.box_height(said, b.w, explain_inset) for said in sized]
        below = next((k for k, e_h in enumerate(heights) if bottom + gap + e_h <= b.bottom), None)
        room = y0 - b.y - float(look["tight_gap"])   # the question's box and most of the gap under it
        instead = next((k for k, said in enumerate(sized) if p.m.box_height(said, b.w, tight_inset) <= room), None)
        if below is not None:
            reveal.append(Box(b.x, bottom + gap, b.w, heights[below], sized[below], name="Explanation",
                              fill=c.light, inset=explain_inset))
        elif instead is not None:
            reveal[0] = Box(b.x, b.y, b.w, room, sized[instead], name="Explanation", fill=c.light, inset=tight_inset,
                            anchor="middle")
    return question, reveal, bottom - b.y, os_


def _fits_columns(p: Planner, options, os_: float, columns: int, width: float) -> bool:
    """Options fit a grid of two columns when none needs more than the theme's column_lines (more at
    its small option size or less, where lines are short); a single column takes any option that leaves
    the slide room."""
    if columns == 1:
        return True
    look = _look(p)
    col_w = (width - float(look["gap"]) * (columns - 1)) / columns
    left, _, right, _ = _inset(p, "option_inset")
    inner = (col_w - left - right) * PT - _letter_width(p, options, os_)
    most = int(look["column_lines"] if os_ > float(look["small_option_size"]) else look["small_column_lines"])
    return all(p.m.lines(p.runs(o.text), os_, inner) <= most for o in options)


def _letter_width(p: Planner, options, os_: float) -> float:
    """Points: the widest option letter in bold and the gap after it."""
    return max(p.m.width((Run(o.letter, True),), os_, True) for o in options) + float(_look(p)["letter_gap"]) * os_


def question(p: Planner, q, total: int, notes_q: str, notes_r: str, grid: Grid | None = None) -> None:
    b = p.d.place("question").body
    look = _look(p)
    qs_high, os_high = float(p.t["question_size"]), float(p.t["option_size"])
    os_low = float(p.t["min_option_size" if p.style == "talk" else "full_min_option_size"])
    last = float(look["last_option_size"])
    short = all(len(plain(o.text).split()) <= 2 for o in q.options)
    option_sizes = [os_high] if short else sizes_between(os_high, os_low)
    # below the theme's smallest size, a little smaller still rather than options over two slides,
    # where the room never sees them together
    option_sizes += [s for s in sizes_between(os_low - 1, last) if s < os_low] if not short else []
    choice = (*placed(p, q, grid), 0.0, grid.option_size) if grid else None
    # first with the explanation on the reveal, so that every reveal shows one where it can; then
    # without it (it is always in the notes)
    tries = () if grid else (True, False) if q.explanation or q.section_title else (False,)
    for with_explanation in tries:
        for os_ in option_sizes:  # the longest option decides the size; two-word options never shrink
            for columns in ((2, 1) if len(q.options) > 1 else (1,)):
                if not _fits_columns(p, q.options, os_, columns, b.w):
                    continue
                # a last resort shrinks the question too
                least = max(os_, min(float(look["min_question_size"]), os_low)) if os_ >= os_low else os_
                for qs in sizes_between(qs_high, least, QUESTION_STEP):
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
    set_at = choice[-1] if choice else 0.0   # the options' size
    if choice and set_at < os_low and not grid:   # the deck's grid is sized for all its questions at once
        p.notes.warn(("quiz", "questions", q.source), f"question {q.source + 1}'s options are set at "
                     f"{set_at:g} pt, below the {os_low:g} pt a hall reads easily; shorten them")
    if choice:
        pages = [(choice[0], choice[1])]
    else:  # too long for one slide: the options shared out over slides, each with its own reveal
        half = -(-len(q.options) // 2)
        pages = []
        for end, chunk in enumerate((q.options[:half], q.options[half:])):
            # the explanation on the last reveal
            found = layout(p, q, chunk, float(look["split_question_size"]), last, 1, bool(end))
            pages.append((found[0], found[1]))
        p.notes.warn(("quiz", "questions", q.source), f"question {q.source + 1} and its options are too long for "
                     f"one slide at {last:g} pt; its options continue on a second slide (shorten them)")
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
    # smallest size (never under its last_option_size) rather than reveals without their explanation
    # (on a slide smaller than 13.33 x 7.5 in a size reads larger: the least sizes scale with the slide's area)
    slide_w, slide_h = (float(v) for v in p.t["slide"])
    scale = min(1.0, math.sqrt(p.d.width * p.d.height / (slide_w * slide_h)))
    look = _look(p)
    sizes = sizes_between(os_high, round(min(os_low, float(look["last_option_size"])) * scale))
    qs_low = round(min(float(look["min_question_size"]), os_low) * scale)
    es_low = round(float(look["min_explain_size"]) * scale)
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
