"""Deck planning of the quiz: an intro slide, then a question slide and a reveal slide per question
with the same geometry, so the reveal only recolours the options (a mixin of deck_plan.Planner)."""
from __future__ import annotations

from dataclasses import replace

from ..quizplan import plan as quiz_plan
from ..text import Run, plain, runs
from .deck_fit import _replace, box_height, fit_title
from .deck_model import INSET, PT, Box, Para, Slide


class QuizSlides:
    """Quiz slides; expects the Planner's kit, m, mh, s, c, f, grid(), add(), say(), band_title()."""

    def quiz(self) -> None:
        kit, g, c = self.kit, self.grid("section"), self.c
        qp = quiz_plan(kit)
        version = qp.versions[0]
        total = len(version.questions)
        title = plain(qp.title)
        notes = kit.theme.note("quiz", title=title, instructions=plain(qp.instructions), total=total)
        if self.template:
            def intro_at(size):
                return [Para(runs(qp.instructions), size, c.text),
                        Para((Run(self.say("quiz_count", total=total)),), size, c.secondary, bold=True,
                             space_before=0.8 * size)]
            self.add(self.t_section("quiz", title, runs(qp.title), intro_at, g.body_size, notes))
            for q in version.questions:
                self.question(q, total)
            return
        title_box = Box(g.mx + INSET[0], 1.2, g.body_w, 2.2,
                        (Para(runs(qp.title), fit_title(runs(qp.title), g, self.m, g.body_w, 2.2, 44, 28, 2),
                              c.primary, bold=True),), name="Title", anchor="bottom")
        intro = [Para(runs(qp.instructions), g.body_size, c.text)]
        intro.append(Para((Run(self.say("quiz_count", total=total)),), g.body_size, c.secondary, bold=True,
                          space_before=0.8 * g.body_size))
        h = box_height(intro, self.s, g.body_w * 0.8)
        self.add(Slide("quiz", title, title_box, notes,
                       [Box(g.mx + INSET[0], 3.95, g.body_w * 0.8, min(h, g.body_bottom - 3.95), tuple(intro),
                            name="Instructions")],
                       rules=[(g.mx + 2 * INSET[0], 3.6, 1.6, 0.07)]))
        for q in version.questions:
            self.question(q, total)

    def question_layout(self, q, f: float, es: float | None, compact: bool):
        """Boxes of a question at f x the theme sizes (es: explanation size, None for none);
        returns (question boxes, reveal boxes, height in inches)."""
        g, c = self.grid(self.f.role("question")), self.c
        qs, os_ = round(g.question_size * f, 1), round(g.option_size * f, 1)
        if es:  # on the reveal the room has read the question: it may be no larger than the options,
            qs = min(qs, max(os_, 18.0))  # and the explanation no larger than the options either
            es = min(es, max(os_, 18.0))
        paras = [Para(runs(q.text), qs, c.text, bold=True)]
        if q.multiple:
            paras.append(Para((Run(self.say("select_all")),), max(18.0, round(os_ * 0.8, 1)), c.muted, italic=True,
                              space_before=4))
        q_h = box_height(paras, self.s, g.body_w)
        y = g.body_top
        q_box = Box(g.mx, y, g.body_w, q_h, tuple(paras), name="Question")
        y += q_h + (0.12 if compact else 0.2)
        inset = (0.18, 0.04, 0.18, 0.04) if compact else (0.18, 0.08, 0.18, 0.08)
        gap = 0.07 if compact else 0.12
        letter_w = max(self.m.width(o.letter, os_, bold=True) for o in q.options) + 0.7 * os_
        natural = max(self.m.runs_width(runs(o.text), os_) for o in q.options) + letter_w
        opt_w = min(g.body_w, max(6.0, natural / PT + inset[0] + inset[2] + 0.1))
        question_boxes, reveal_boxes = [q_box], [q_box]
        for o in q.options:
            p = Para((Run(o.letter + "\t", bold=True),) + runs(o.text), os_, c.text, indent=letter_w)
            inner_w = (opt_w - inset[0] - inset[2]) * PT - letter_w
            h = self.m.height(p.runs[1:], os_, inner_w) / PT + inset[1] + inset[3]
            base = Box(g.mx, y, opt_w, h, (p,), name=f"Option {o.letter}", fill=c.light, line=c.rule,
                       rounded=True, anchor="middle", inset=inset)
            question_boxes.append(_replace(base, paras=(_replace(p, first_color=c.secondary),)))
            if o.correct:
                reveal_boxes.append(_replace(base, fill=c.correct, line=c.correct,
                                             paras=(_replace(p, color=c.on_correct, link_color=c.on_correct),)))
            else:
                reveal_boxes.append(_replace(base, fill="#FFFFFF",
                                             paras=(_replace(p, color=c.muted, first_color=c.muted),)))
            y += h + gap
        y -= gap
        if es:
            see = self.say("see", section=q.section_title) if q.section_title else None
            expl = [Para(runs(q.explanation), es, c.text)] if q.explanation else []
            if see:
                expl.append(Para(runs(see), es, c.muted, italic=True,
                                 space_before=0.4 * es if expl else 0))
            if expl:
                e_inset = (0.25, 0.1, 0.2, 0.1)
                e_h = box_height(expl, self.s, g.body_w, e_inset)
                y += 0.12 if compact else 0.25
                reveal_boxes.append(Box(g.mx, y, g.body_w, e_h, tuple(expl), name="Explanation",
                                        fill=c.light, inset=e_inset))
                y += e_h
        return question_boxes, reveal_boxes, y - g.body_top

    def _question_pages(self, q, readable, first_fit) -> list:
        """The question slide(s): all options on one slide at 18 pt or more, else the options shared
        out over as few slides as keep them at 18 pt, each repeating the question."""
        g = self.grid(self.f.role("question"))
        whole = first_fit([(f, None, cp) for f in readable for cp in (False, True)])
        if whole:
            return [whole[0]]
        n = len(q.options)
        for parts in range(2, n + 1):
            size = -(-n // parts)
            chunks = [q.options[i:i + size] for i in range(0, n, size)]
            pages = []
            for chunk in chunks:
                part = replace(q, options=tuple(chunk))
                fit = next((r for f in readable for cp in (False, True)
                            if (r := self.question_layout(part, f, None, cp))[2] <= g.body_h), None)
                if fit is None:
                    break
                pages.append(fit[0])
            else:
                return pages
        return [(first_fit([(f, None, True) for f in (0.5,)]) or self.question_layout(q, 0.5, None, True))[0]]

    def question(self, q, total: int) -> None:
        kit, g = self.kit, self.grid(self.f.role("question"))
        heading = self.say("question_of", number=q.number, total=total)
        scales = [1 - 0.05 * k for k in range(11)]  # the theme sizes down to half
        has_expl = bool(q.explanation or q.section_title)

        def first_fit(tries):
            last = None
            for f, es, compact in tries:
                last = self.question_layout(q, f, es, compact)
                if last[2] <= g.body_h:
                    return last
            return None

        # the same geometry on both slides, so that the reveal only recolours the options
        both = first_fit([(f, es, False) for f in scales[:4] for es in ((20, 18) if has_expl else (None,))])
        readable = [f for f in scales if g.option_size * f >= 18 - 1e-6]  # body text stays at 18 pt or more
        if both:
            question_pages, reveal_boxes = [both[0]], both[1]
        else:  # a long question: each slide on its own
            question_pages = self._question_pages(q, readable, first_fit)
            reveal = first_fit([(f, es, cp) for f in readable for cp in (False, True) for es in (18,)])
            if reveal is None:  # the room has seen every option: the reveal shows the correct ones
                correct = replace(q, options=tuple(o for o in q.options if o.correct))
                reveal = next((r for f in readable for cp in (False, True)
                               if (r := self.question_layout(correct, f, 18, cp))[2] <= g.body_h), None)
            reveal_boxes = (reveal or first_fit([(f, es, cp) for f in scales for cp in (False, True)
                                                 for es in (18, 16, 14)])
                            or self.question_layout(q, scales[-1], 14, True))[1]
        smallest = min((p.size for b in [*question_pages[0], *reveal_boxes] for p in b.paras), default=18)
        smallest = min([smallest] + [p.size for page in question_pages for b in page for p in b.paras])
        if smallest < 18:
            self.kit.warn(("quiz", "questions", q.source), f"question {q.source + 1} and its options are too long "
                          f"for one slide at 18 pt; its quiz slides use {smallest:g} pt (shorten the options)")
        plain_opts = [f"{o.letter}  {plain(o.text)}" for o in q.options]
        qnotes = kit.theme.note("question", question=plain(q.text), options=plain_opts, number=q.number,
                                total=total, multiple=q.multiple)
        for part, boxes in enumerate(question_pages, start=1):
            title = heading if len(question_pages) == 1 else self.say("continued", title=heading, part=part,
                                                                       parts=len(question_pages))
            self.add(Slide("question", title, self.band_title(title, "question"), qnotes, boxes))
        answer_text = "; ".join(plain(o.text) for o in q.options if o.correct)
        reveal_title = self.say("reveal_title", question=heading, answer=self.say("answer_heading", letters=q.letters))
        rnotes = kit.theme.note("reveal", letters=q.letters, answer_text=answer_text,
                                explanation=plain(q.explanation or ""), section=q.section_title or "")
        self.add(Slide("reveal", reveal_title, self.band_title(reveal_title, "reveal"), rnotes, reveal_boxes))
