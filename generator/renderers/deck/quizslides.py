"""Quiz slides: an opening slide that addresses the room, then per question a question slide and a
reveal slide on one layout and one geometry (only the marking changes when the presenter clicks).
Options sit in boxes of equal width over the whole slide; their size comes from the longest option,
so short options never shrink; a reveal shows every option its question slide showed."""
from __future__ import annotations

from dataclasses import replace

from ...text import Run, plain
from .fit import sizes_between
from .model import PT, Box, Para, Slide
from .slides import Planner

OPTION_INSET = (0.2, 0.08, 0.2, 0.08)
LAST_RESORT = 18.0    # the smallest option size before a question's options go over two slides
EXPLAIN_INSET = (0.25, 0.1, 0.25, 0.1)


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


def layout(p: Planner, q, options, qs: float, os_: float, columns: int, explain: bool):
    """(question boxes, reveal boxes, height in inches, option size) of a question at these sizes and columns."""
    c = p.c
    b = p.d.place("question").body
    gap = 0.2
    paras = [Para(p.runs(q.text), qs, c.text, bold=True)]
    if q.multiple:
        hint, lang = p.say("select_all")
        paras.append(Para(hint, max(os_ - 2, 20.0), c.secondary, bold=True, space_before=6, lang=lang))
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
        expl = []
        size = max(20.0, min(24.0, os_ - 2))
        if q.explanation:
            expl.append(Para(p.runs(q.explanation), size, c.text))
        if q.section_title:
            see, lang = p.say("see", section=q.section_title)
            expl.append(Para(see, size, c.muted, italic=True, space_before=0.3 * size if expl else 0, lang=lang))
        if expl:
            e_h = p.m.box_height(expl, b.w, EXPLAIN_INSET)
            if bottom + 0.2 + e_h <= b.bottom:  # the explanation shows only where it fits; it is always in the notes
                reveal.append(Box(b.x, bottom + 0.2, b.w, e_h, tuple(expl), name="Explanation", fill=c.light,
                                  inset=EXPLAIN_INSET))
    return question, reveal, bottom - b.y, os_


def _fits_columns(p: Planner, options, os_: float, columns: int, width: float) -> bool:
    """Options fit a grid of two columns when none needs more than three lines (a single column
    takes any option that leaves the slide room)."""
    if columns == 1:
        return True
    col_w = (width - 0.2 * (columns - 1)) / columns
    letter_w = max(p.m.width((Run(o.letter, True),), os_, True) for o in options) + 0.6 * os_
    inner = (col_w - OPTION_INSET[0] - OPTION_INSET[2]) * PT - letter_w
    return all(p.m.lines(p.runs(o.text), os_, inner) <= 3 for o in options)


def question(p: Planner, q, total: int, notes_q: str, notes_r: str) -> None:
    b = p.d.place("question").body
    qs_high, os_high = float(p.t["question_size"]), float(p.t["option_size"])
    os_low = float(p.t["min_option_size" if p.style == "talk" else "full_min_option_size"])
    short = all(len(plain(o.text).split()) <= 2 for o in q.options)
    option_sizes = [os_high] if short else sizes_between(os_high, os_low)
    # below the theme's smallest size, a little smaller still rather than options over two slides,
    # where the room never sees them together
    option_sizes += [s for s in sizes_between(os_low - 1, LAST_RESORT) if s < os_low] if not short else []
    choice = None
    # first with the explanation on the reveal (options no smaller than the theme allows), so that
    # every reveal of a deck shows one where it can; then without it (it is always in the notes)
    for with_explanation in ((True, False) if q.explanation or q.section_title else (False,)):
        for os_ in option_sizes:  # the longest option decides the size; two-word options never shrink
            if with_explanation and os_ < os_low:
                break
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
    if choice and choice[3] < os_low:
        p.notes.warn(("quiz", "questions", q.source), f"question {q.source + 1}'s options are set at "
                     f"{choice[3]:g} pt, below the {os_low:g} pt a hall reads easily; shorten them")
    if choice:
        pages = [(choice[0], choice[1])]
    else:  # too long for one slide: the options shared out over slides, each with its own reveal
        half = -(-len(q.options) // 2)
        pages = []
        for chunk in (q.options[:half], q.options[half:]):
            found = layout(p, q, chunk, 24.0, LAST_RESORT, 1, False)
            pages.append((found[0], found[1]))
        p.notes.warn(("quiz", "questions", q.source), f"question {q.source + 1} and its options are too long for "
                     f"one slide at {LAST_RESORT:g} pt; its options continue on a second slide (shorten them)")
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
    for q in version.questions:
        options = [f"{o.letter}. {plain(o.text, p.language)}" for o in q.options]
        notes_q = str(kit.say("note_question", question=plain(q.text, p.language), options=options))
        correct = "; ".join(plain(o.text, p.language) for o in q.options if o.correct)
        notes_r = str(kit.say("note_reveal", letters=q.letters, answer_text=correct,
                              explanation=plain(q.explanation or "", p.language), section=q.section_title or ""))
        question(p, q, total, notes_q, notes_r)
