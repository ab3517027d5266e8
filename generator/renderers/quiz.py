"""Quiz PDFs, all from one QuizPlan: a handout and an answer key per version, a master key for
graders, and an answer sheet with a scoring overlay per version. Planned as pages (pure), drawn
by pdfwrite.

A question never splits across columns or pages; handouts take as few sheets as they need (they
tighten before spilling a lone question onto a new page, and balance the pages when they must).
Right-to-left handouts are mirrored, with the language's own option letters (أ ب ج د).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..layout.blocks import Block, Group, Para, baseline, draw_line
from ..layout.flow import Frame, balanced, pour
from ..layout.setting import Setter
from ..notes import Notes
from ..page import PAGINATION, Circle, Document, Node, Page, Rect, Rule, TextLine
from ..quizplan import QuizPlan, Version
from ..text import plain
from ..typeset.lines import Line, Style
from .printlook import MM, PAPER, Look

QUIZ_LOOK = "quiz"
BALANCE_TRIES = 11     # a handout with a lone last question tries this many shorter pages,
BALANCE_STEP = 12      # each this many points shorter than the last


@dataclass
class OptionPara(Para):
    """An option: a circle to fill in and the option's letter at the start side, then its text."""

    bubble: float = 0.0                 # the circle's diameter
    stroke: str = "#000000"
    fill: str | None = None
    letter: Line | None = None
    rule: float = 0.0                   # the circle's line
    inset: float = 0.0                  # from the start edge to the circle
    rise: float = 0.0                   # its centre above the baseline, times the first line's ascent
    letter_gap: float = 0.0             # between the circle and the letter

    def draw(self, page, x, top, width, rtl):
        if self.para.lines:     # the letter first: the page is drawn in the order it is read
            first = self.para.lines[0]
            base = top + baseline(first, self.para.pitch)
            r = self.bubble / 2
            cy = base - first.ascent * self.rise
            cx = x + width - r - self.inset if rtl else x + r + self.inset
            page.add(Circle(cx, cy, r, self.stroke, self.fill, self.rule))
            if self.letter is not None:
                gap = self.bubble + self.letter_gap
                lx = x + width - gap - self.letter.width if rtl else x + gap
                page.add(TextLine(lx, base, self.letter, True), self.label)
        super().draw(page, x, top, width, rtl)


@dataclass
class Row(Block):
    """Side by side at the start: a narrow cell (a number) and a block that fills the rest."""

    left: Para = None
    right: list = field(default_factory=list)
    gap: float = 0.0

    def body_height(self):
        return max(self.left.body_height(), sum(b.height(k == 0) for k, b in enumerate(self.right)))

    def draw(self, page, x, top, width, rtl):
        w = self.left.para.width
        self.left.draw(page, x + width - w if rtl else x, top, w, rtl)
        y = top
        inner_x = x if rtl else x + self.gap
        for k, b in enumerate(self.right):
            y += 0 if k == 0 else b.space_before
            b.draw(page, inner_x, y, width - self.gap, rtl)
            y += b.body_height() + b.space_after


class Sheets:
    """Plans the quiz documents of one kit from its QuizPlan."""

    def __init__(self, kit, notes: Notes, qp: QuizPlan):
        self.kit, self.notes, self.qp = kit, notes, qp
        self.c = kit.theme.colors()
        self.t = kit.theme.section("quiz")
        self.page_w, self.page_h = PAPER[kit.build.paper]
        self.rtl = kit.rtl

    def style(self, size, color="text", bold=False, italic=False) -> Style:
        return Style(size, self.c.get(color, color), bold, italic)

    # --- furniture ---------------------------------------------------------------------------

    def title(self, page: Page, s: Setter, look: Look, version: Version | None, subtitle: str | None) -> float:
        """Title at the start side, the version badge at the other; returns the bottom."""
        margin = look.margin * MM
        width = self.page_w - 2 * margin
        badge_w = look.badge_width * MM if version is not None and version.letter else 0.0
        badge_h, badge_gap = look.badge_height * MM, look.badge_gap * MM
        text_w = width - badge_w - (badge_gap if badge_w else 0)
        x = margin + (badge_w + badge_gap if badge_w and self.rtl else 0)
        y = margin
        title = s.set(s.spans(self.qp.title, self.style(look.title_size, "primary", bold=True)), text_w,
                      look.title_leading)
        parts = [title]
        if subtitle:
            sub_style = self.style(look.body_size + look.subtitle_step, "secondary", bold=True)
            parts.append(s.set(s.spans(subtitle, sub_style, markup=False), text_w, look.subtitle_leading))
        for p, tag in zip(parts, [self.root.add("H1"), self.root.add("P")]):
            with page.tagged(tag):
                for line in p.lines:
                    draw_line(page, line, x, text_w, y, p.pitch, "right" if self.rtl else "left")
                    y += p.pitch
        if badge_w:
            label = s.line(self.kit.say("version", letter=version.letter), self.style(look.body_size, "on_primary",
                                                                                       bold=True))
            bx = margin if self.rtl else self.page_w - margin - badge_w
            page.add(Rect(bx, margin, badge_w, badge_h, fill=self.c["primary"], radius=look.badge_radius))
            with page.tagged(self.root.add("P")):
                draw_line(page, label, bx, badge_w, margin + (badge_h - label.ascent - label.descent) / 2 - 1,
                          label.ascent + label.descent + 2, "center")
            y = max(y, margin + badge_h)
        return y + look.title_after * MM

    def fields(self, page: Page, s: Setter, look: Look, top: float, total: int) -> float:
        """Name, Date and Score with lines to write on."""
        margin = look.margin * MM
        width = self.page_w - 2 * margin
        st = self.style(look.body_size, "primary", bold=True)
        items = list(zip((self.kit.say("name"), self.kit.say("date"), self.kit.say("score")), look.field_shares))
        x = margin
        base = top + look.field_baseline * MM
        page.node = self.root.add("P")
        for k, (label, share) in enumerate(items):
            w = width * share - (look.field_gap * MM if k < 2 else 0)
            line = s.line(label, st)
            lx = self.page_w - x - line.width if self.rtl else x
            draw_line(page, line, lx, line.width, base - line.ascent - 1, line.ascent + line.descent + 2, "left", True)
            start, end = x + line.width + look.field_label_gap * MM, x + w
            if k == 2:
                of = s.line(self.kit.say("score_of", total=total), st)
                ox = self.page_w - end if self.rtl else end - of.width
                draw_line(page, of, ox, of.width, base - of.ascent - 1, of.ascent + of.descent + 2, "left", True)
                end -= of.width + look.score_gap * MM
            a, b = (self.page_w - end, self.page_w - start) if self.rtl else (start, end)
            page.add(Rule(a, base + 1, b, base + 1, self.c["muted"], look.field_rule))
            x += width * share
        page.node = None
        return base + look.fields_after * MM

    def footer(self, page: Page, s: Setter, look: Look, version: Version | None, number: int, pages: int) -> None:
        margin = look.margin * MM
        st = self.style(look.small_size, "muted")
        text = self.kit.say("quiz_footer", title=plain(self.qp.title, self.kit.language),
                            letter=version.letter if version else None, fingerprint=self.qp.fingerprint)
        left = s.line(text, st)
        right = s.line(self.kit.say("page_x_of_y", page=number, pages=pages), st)
        pitch = look.small_size * look.footer_leading
        top = self.page_h - margin - pitch
        rule_y = top - look.footer_rule_gap * MM
        page.add(Rule(margin, rule_y, self.page_w - margin, rule_y, self.c["rule"], look.footer_rule))
        width = self.page_w - 2 * margin
        # the version and fingerprint are read once, from the first page; the rest repeat them
        with page.tagged(self.root.add("P") if number == 1 else PAGINATION):
            draw_line(page, left, margin, width, top, pitch, "right" if self.rtl else "left")
        with page.tagged(PAGINATION):
            draw_line(page, right, margin, width, top, pitch, "left" if self.rtl else "right")

    # --- the handout -------------------------------------------------------------------------

    def question(self, s: Setter, look: Look, q, width: float) -> Group:
        """A question as an item of the list of questions: its number the label, its options a list."""
        item = self.questions.add("LI")
        label, body = item.add("Lbl"), item.add("LBody")
        body_style = self.style(look.body_size, bold=True)
        num_w = look.number_width * MM
        number = s.para(s.spans(s.numbered(q.number), self.style(look.body_size, "secondary", bold=True), markup=False),
                        num_w, min_lines=1, node=label)
        inner = width - num_w
        parts: list[Block] = [s.para(s.spans(q.text, body_style), inner, min_lines=1, node=body.add("P"))]
        if q.hint:
            parts.append(s.para(s.spans(self.kit.say("select_all"), self.style(look.body_size, "secondary", bold=True),
                                        markup=False), inner, space_before=look.hint_before, min_lines=1,
                                node=body.add("P")))
        bubble = look.bubble * MM
        options = body.add("L")
        for k, o in enumerate(q.options):
            letter = s.line(o.letter, self.style(look.option_size, "primary", bold=True))
            indent = bubble + look.letter_gap * MM + max(letter.width, look.option_size * look.letter_min_share) \
                + look.option_indent_gap * MM
            option = options.add("LI")
            para = s.para(s.spans(o.text, self.style(look.option_size)), inner, indent=indent,
                          space_before=look.option_gap if k or q.hint else look.first_option_gap, min_lines=1,
                          label=option.add("Lbl"), node=option.add("LBody"))
            parts.append(OptionPara(**para.__dict__, bubble=bubble, stroke=self.c["primary"], letter=letter,
                                    rule=look.bubble_rule, inset=look.bubble_inset, rise=look.bubble_rise,
                                    letter_gap=look.letter_gap * MM))
        return Group(space_before=look.question_gap * MM, blocks=[Row(left=number, right=parts, gap=num_w)])

    def handout(self, version: Version) -> Document:
        """As few pages as the questions need (tightened, or in two columns, when that saves a page),
        never a question split, never a lone question on a last page when the pages can be balanced."""
        columns = self.kit.build.quiz.columns
        tries = [(columns, False), (columns, True)] + ([(2, True)] if columns == 1 else [])
        best = None
        for cols, tight in tries:
            doc, per_page = self._handout(version, cols, tight)
            if best is None or len(doc.pages) < len(best[0].pages):
                best = (doc, per_page, cols)
            if len(doc.pages) == 1:
                break
        doc, per_page, cols = best
        if len(per_page) > 1 and per_page[-1] == 1:  # balance: shorter pages before the last
            for cut in range(1, BALANCE_TRIES + 1):
                trial, counts = self._handout(version, cols, True, shorten=cut * BALANCE_STEP)
                if len(trial.pages) > len(doc.pages):
                    break
                if counts[-1] > 1:
                    return trial
        return doc

    def _handout(self, version: Version, columns: int, tight: bool, shorten: float = 0.0):
        kit = self.kit
        look = Look(self.t, tight, self.rtl)
        s = Setter(kit, look.leading)
        margin = look.margin * MM
        gap = look.column_gap * MM
        first = Page(self.page_w, self.page_h)
        self.root = Node("Document")
        top = self.title(first, s, look, version, None)
        instr = s.set(s.spans(self.qp.instructions, self.style(look.body_size)), self.page_w - 2 * margin)
        with first.tagged(self.root.add("P")):
            for k, line in enumerate(instr.lines):
                draw_line(first, line, margin, self.page_w - 2 * margin, top + k * instr.pitch, instr.pitch,
                          "right" if self.rtl else "left")
        top = self.fields(first, s, look, top + instr.height, len(version.questions)) + 2 * MM
        bottom = self.page_h - margin - look.small_size * look.footer_leading - look.footer_gap * MM
        col_w = (self.page_w - 2 * margin - gap * (columns - 1)) / columns

        def frames(page):
            y = top if page == 0 else margin
            h = bottom - y - shorten
            cols = [Frame(margin + k * (col_w + gap), y, col_w, h) for k in range(columns)]
            return cols[::-1] if self.rtl else cols

        self.questions = self.root.add("L")
        blocks = [self.question(s, look, q, col_w) for q in version.questions]
        placed = balanced(blocks, frames)   # the last page's columns even, not six questions beside one
        pages = [first] + [Page(self.page_w, self.page_h) for _ in range(max(c.page for c in placed))]
        per_page = [0] * len(pages)
        for col in placed:
            for p in col.placed:
                p.block.draw(pages[col.page], col.frame.x, col.frame.y + p.top, col.frame.w, self.rtl)
                per_page[col.page] += 1
        for n, page in enumerate(pages):
            self.footer(page, s, look, version, n + 1, len(pages))
        doc = self._doc(pages)
        doc.facts.update(per_page=per_page, tight=tight)
        return doc, per_page

    def _doc(self, pages: list[Page]) -> Document:
        org = self.kit.content.organization
        return Document(pages, plain(self.qp.title, self.kit.language), plain(org.name) if org else "",
                        plain(self.qp.title, self.kit.language), self.kit.language, structure=self.root)

    # --- keys ------------------------------------------------------------------------------

    def key(self, version: Version) -> Document:
        """The answer key of one version, from the same plan as its handout; tightened when that
        saves a last page that would hold one or two questions."""
        doc, last = self._key(version, False)
        if len(doc.pages) > 1 and last <= 2:
            tight, _ = self._key(version, True)
            if len(tight.pages) < len(doc.pages):
                return tight
        return doc

    def _key(self, version: Version, tight: bool) -> tuple[Document, int]:
        """The key set normally or tight, and how many questions its last page holds."""
        kit = self.kit
        look = Look(self.t, tight, self.rtl)
        s = Setter(kit, look.leading)
        margin = look.margin * MM
        first = Page(self.page_w, self.page_h)
        self.root = Node("Document")
        top = self.title(first, s, look, version, kit.say("answer_key")) + look.key_after_title * MM
        width = self.page_w - 2 * margin
        blocks = []
        ks, note = look.key_size, look.key_size - look.key_note_step
        number_w, answer_w = look.key_number_width * MM, look.key_answer_width * MM
        questions = self.root.add("L")
        for q in version.questions:     # each an item: its number, then the answer, question and why
            item = questions.add("LI")
            label, body = item.add("Lbl"), item.add("LBody")
            number = s.para(s.spans(s.numbered(q.number), self.style(ks, "secondary", bold=True), markup=False),
                            number_w, min_lines=1, node=label)
            answer_style = self.style(ks + look.key_answer_step, "correct", bold=True)
            answer = s.para(s.spans(q.letters, answer_style, markup=False),
                            answer_w, min_lines=1, node=body.add("P"))
            inner = width - (look.key_number_width + look.key_answer_width) * MM
            lines = [s.para(s.spans(q.text, self.style(ks, bold=True)), inner, min_lines=1, node=body.add("P"))]
            for o in q.options:
                if o.correct:
                    lines.append(s.para([*s.spans(o.letter + "\u2002", self.style(ks, bold=True), markup=False),
                                         *s.spans(o.text, self.style(ks))], inner, min_lines=1, space_before=1,
                                        node=body.add("P")))
            if q.explanation:
                lines.append(s.para(s.spans(q.explanation, self.style(note, "muted")), inner, min_lines=1,
                                    space_before=look.key_note_before, node=body.add("P")))
            if q.section_title:
                lines.append(s.para(s.spans(kit.say("see", section=q.section_title), self.style(note, "muted",
                                            italic=True), markup=False), inner, min_lines=1, space_before=1,
                                    node=body.add("P")))
            row = Row(left=number, right=[Row(left=answer, right=lines, gap=answer_w)], gap=number_w)
            blocks.append(Group(space_before=look.key_gap * MM, blocks=[row]))
        bottom = self.page_h - margin - look.small_size * look.footer_leading - look.footer_gap * MM

        def frames(page):
            y = top if page == 0 else margin
            return [Frame(margin, y, width, bottom - y)]

        placed = pour(blocks, frames)
        pages = [first] + [Page(self.page_w, self.page_h) for _ in range(max(c.page for c in placed))]
        for col in placed:
            for p in col.placed:
                p.block.draw(pages[col.page], col.frame.x, col.frame.y + p.top, col.frame.w, self.rtl)
                y = col.frame.y + p.top + p.block.body_height() + look.key_rule_gap * MM
                pages[col.page].add(Rule(col.frame.x, y, col.frame.x + width, y, self.c["rule"], look.key_rule))
        for n, page in enumerate(pages):
            self.footer(page, s, look, version, n + 1, len(pages))
        last = sum(len(col.placed) for col in placed if col.page == len(pages) - 1)
        return self._doc(pages), last


def plan(kit, notes: Notes, qp: QuizPlan | None) -> list:
    """Every quiz file from one plan: handouts and keys per version, the master key, answer sheets
    and overlays, and the quiz-app exports."""
    from ..plans import Planned
    from . import exports, grading

    if qp is None:
        notes.warn(("build", "outputs"), "no `quiz:` in the content, so no quiz handout was made")
        return []
    sheets = Sheets(kit, notes, qp)
    out = []
    for version in qp.versions:
        out.append(Planned(f"quiz{version.suffix}.pdf", "quiz", sheets.handout(version), "pdf"))
        out.append(Planned(f"quiz{version.suffix}-key.pdf", "quiz", sheets.key(version), "pdf"))
    if len(qp.versions) > 1:
        out.append(Planned("quiz-master-key.pdf", "quiz", grading.master_key(sheets), "pdf"))
    if kit.build.quiz.answer_sheet:
        out.append(Planned("quiz-answer-sheet.pdf", "quiz", grading.answer_sheet(sheets, None), "pdf"))
        for version in qp.versions:
            out.append(Planned(f"quiz{version.suffix}-scoring.pdf", "quiz", grading.answer_sheet(sheets, version),
                               "pdf"))
    return out + exports.plan(kit, notes, qp)
