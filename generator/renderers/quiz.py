"""Quiz PDFs: handout, answer key, master key and answer sheet, all set from one QuizPlan."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, FrameBreak, KeepTogether, PageTemplate, Paragraph, Spacer,
                                Table, TableStyle)

from ..kit import Kit
from ..quizplan import UPPER, QuizPlan, Version, plan
from ..text import plain
from . import exports, pdfbase

# ---------------------------------------------------------------- small flowables


class Bubble(Flowable):
    """An empty (or, on a scoring overlay, filled) circle to mark with a pen."""

    def __init__(self, size: float, stroke, fill=None, label: str | None = None, font=None, font_size=0):
        super().__init__()
        self.size, self.stroke, self.fill = size, stroke, fill
        self.label, self.font, self.font_size = label, font, font_size
        self.width = self.height = size

    def draw(self):
        c = self.canv
        r = self.size / 2
        c.setLineWidth(0.9)
        c.setStrokeColor(self.stroke)
        if self.fill is not None:
            c.setFillColor(self.fill)
        c.circle(r, r, r - 0.5, stroke=1, fill=1 if self.fill is not None else 0)
        if self.label:
            c.setFont(self.font, self.font_size)
            c.setFillColor(self.stroke if self.fill is None else _white())
            c.drawCentredString(r, r - self.font_size * 0.36, self.label)


def _white():
    from reportlab.lib import colors
    return colors.white


class _Styles:
    def __init__(self, kit: Kit):
        t = kit.theme
        body, small = t.num("quiz.body_size"), t.num("quiz.small_size")
        self.title = pdfbase.style(kit, "qtitle", t.num("quiz.title_size"), bold=True, color_name="primary", leading=1.2)
        self.badge = pdfbase.style(kit, "badge", body, bold=True, color_name="on_primary", alignment=1)
        self.instructions = pdfbase.style(kit, "instr", body, color_name="text", spaceAfter=4)
        self.field = pdfbase.style(kit, "field", body, bold=True, color_name="primary")
        self.question = pdfbase.style(kit, "question", body, bold=True, leading=1.3)
        self.number = pdfbase.style(kit, "number", body, bold=True, color_name="secondary", leading=1.3)
        self.hint = pdfbase.style(kit, "hint", small + 1, color_name="secondary", leading=1.3)
        self.option = pdfbase.style(kit, "option", t.num("quiz.option_size"), leading=1.3)
        self.letter = pdfbase.style(kit, "letter", t.num("quiz.option_size"), bold=True, color_name="primary",
                                    leading=1.3)
        key = t.num("quiz.key_size")
        self.key = pdfbase.style(kit, "key", key, leading=1.3)
        self.key_bold = pdfbase.style(kit, "keyb", key, bold=True, leading=1.3)
        self.key_answer = pdfbase.style(kit, "keya", key + 1, bold=True, color_name="correct", leading=1.2, alignment=1)
        self.key_muted = pdfbase.style(kit, "keym", key - 0.5, color_name="muted", leading=1.3)
        self.head_cell = pdfbase.style(kit, "hc", key, bold=True, color_name="on_primary", leading=1.25)
        self.cell = pdfbase.style(kit, "cell", key, leading=1.25, alignment=1)
        self.footer = pdfbase.style(kit, "qfooter", small, color_name="muted")


# ---------------------------------------------------------------- documents


def _document(kit: Kit, path, qp: QuizPlan, version: Version | None, columns: int = 1, head_height: float = 0):
    """A page template with the quiz title, version and fingerprint in the footer of every page.

    With columns > 1, the first page has a full-width head (title, instructions, fields) of head_height
    above the columns.
    """
    pagesize = pdfbase.PAPER[kit.build.paper]
    page_w, page_h = pagesize
    margin = pdfbase.margins(kit, "quiz")
    footer_h = 9 * mm
    st = _Styles(kit)
    gap = 8 * mm
    width = page_w - 2 * margin
    col_w = (width - gap * (columns - 1)) / columns
    bottom = margin + footer_h

    def column_frames(top: float, prefix: str):
        return [Frame(margin + i * (col_w + gap), bottom, col_w, top - bottom, id=f"{prefix}{i}",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0) for i in range(columns)]

    templates = [PageTemplate("page", column_frames(page_h - margin, "c"))]
    if columns > 1 and head_height:
        head = Frame(margin, page_h - margin - head_height, width, head_height, id="head", leftPadding=0,
                     rightPadding=0, topPadding=0, bottomPadding=0)
        templates.insert(0, PageTemplate("first", [head] + column_frames(page_h - margin - head_height, "f"),
                                         autoNextPageTemplate="page"))
    letter = version.letter if version else None
    footer_text = kit.say("quiz_footer", title=plain(qp.title), letter=letter, fingerprint=qp.fingerprint)

    def footer(canvas, page, pages):
        canvas.saveState()
        canvas.setStrokeColor(pdfbase.color(kit, "rule"))
        canvas.setLineWidth(0.5)
        canvas.line(margin, margin + footer_h - 3 * mm, page_w - margin, margin + footer_h - 3 * mm)
        left = pdfbase.label(footer_text, st.footer)
        left.wrap(width * 0.75, footer_h)
        left.drawOn(canvas, margin, margin + 1 * mm)
        pdfbase.draw_right(canvas, kit.say("page_x_of_y", page=page, pages=pages), st.footer, page_w - margin,
                           margin + 1 * mm + st.footer.fontSize * 0.25)
        canvas.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=margin,
                          bottomMargin=margin, **pdfbase.doc_info(kit, plain(qp.title)))
    doc.addPageTemplates(templates)
    return doc, st, col_w, width, pdfbase.numbered_canvas(footer, pdfbase.font_names(kit)[0])


def _title_block(kit: Kit, st: _Styles, qp: QuizPlan, version: Version | None, width: float, subtitle: str | None):
    """Title at left, version badge at right (the badge is what graders match at a glance)."""
    title = [pdfbase.para(qp.title, st.title, kit)]
    if subtitle:
        title.append(pdfbase.label(subtitle, pdfbase.style(kit, "sub", kit.theme.num("quiz.body_size") + 1,
                                                           bold=True, color_name="secondary")))
    badge_w = 30 * mm if version and version.letter else 0.1
    badge = pdfbase.label(kit.say("version", letter=version.letter), st.badge) if badge_w > 1 else ""
    table = Table([[title, badge]], colWidths=[width - badge_w, badge_w])
    style = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]
    if badge_w > 1:
        style += [("BACKGROUND", (1, 0), (1, 0), pdfbase.color(kit, "primary")),
                  ("TOPPADDING", (1, 0), (1, 0), 5), ("BOTTOMPADDING", (1, 0), (1, 0), 7)]
    table.setStyle(TableStyle(style))
    return table


def _fields(kit: Kit, st: _Styles, width: float, total: int):
    """Name / Date / Score fields with lines to write on."""
    line = pdfbase.color(kit, "muted")
    cells = [pdfbase.label(kit.say("name"), st.field), "", pdfbase.label(kit.say("date"), st.field), "",
             pdfbase.label(kit.say("score"), st.field), pdfbase.label(kit.say("score_of", total=total), st.field)]
    widths = [16 * mm, width * 0.42, 14 * mm, width * 0.2, 16 * mm]
    widths.append(width - sum(widths))
    table = Table([cells], colWidths=widths, rowHeights=[10 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("LINEBELOW", (1, 0), (1, 0), 0.7, line), ("LINEBELOW", (3, 0), (3, 0), 0.7, line),
                               ("LINEBELOW", (5, 0), (5, 0), 0.7, line), ("LEFTPADDING", (0, 0), (0, 0), 0),
                               ("ALIGN", (5, 0), (5, 0), "RIGHT")]))
    return table


def handout(kit: Kit, qp: QuizPlan, version: Version, path) -> str:
    """The handout of one version; returns 'N pages'."""
    columns = kit.build.quiz.columns
    st = _Styles(kit)
    page_w = pdfbase.PAPER[kit.build.paper][0]
    full = page_w - 2 * pdfbase.margins(kit, "quiz")
    head = [_title_block(kit, st, qp, version, full, None), pdfbase.para(qp.instructions, st.instructions, kit),
            _fields(kit, st, full, len(version.questions)), Spacer(1, 6 * mm)]
    head_h = sum(f.wrap(full, 1000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in head) + 2
    doc, st, col_w, width, canvas = _document(kit, path, qp, version, columns, head_h)
    story = head + ([FrameBreak()] if columns > 1 else [])
    bubble = kit.theme.num("quiz.option_size") * 1.05
    for q in version.questions:
        rows = [[pdfbase.label(f"{q.number}.", st.number), pdfbase.para(q.text, st.question, kit)]]
        if q.multiple:
            rows.append(["", pdfbase.label(kit.say("select_all"), st.hint)])
        options = Table([[pdfbase.label(o.letter, st.letter), Bubble(bubble, pdfbase.color(kit, "primary")),
                          pdfbase.para(o.text, st.option, kit)] for o in q.options],
                        colWidths=[6 * mm, bubble + 3 * mm, col_w - 9 * mm - bubble - 9 * mm])
        options.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                     ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                                     ("TOPPADDING", (1, 0), (1, -1), 1.9)]))
        rows.append(["", options])
        block = Table(rows, colWidths=[9 * mm, col_w - 9 * mm])
        block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        # A question and all its options always share a page.
        story.append(KeepTogether([block, Spacer(1, 3.5 * mm)]))
    doc.build(story, canvasmaker=canvas)
    return _pages(doc)


def key(kit: Kit, qp: QuizPlan, version: Version, path) -> str:
    """The answer key of one version, from the same plan as its handout."""
    doc, st, _, width, canvas = _document(kit, path, qp, version)
    story = [_title_block(kit, st, qp, version, width, kit.say("answer_key")), Spacer(1, 3 * mm)]
    for q in version.questions:
        correct = [o for o in q.options if o.correct]
        lines = [pdfbase.para(q.text, st.key_bold, kit)]
        for o in correct:
            lines.append(Paragraph(f"<b>{o.letter}</b>\u2002{pdfbase.rl_markup(o.text)}", st.key))
        if q.explanation:
            lines.append(pdfbase.para(q.explanation, st.key_muted, kit))
        if q.section_title:
            lines.append(pdfbase.label(kit.say("see", section=q.section_title), st.key_muted))
        row = Table([[pdfbase.label(f"{q.number}.", st.number), pdfbase.label(q.letters, st.key_answer), lines]],
                    colWidths=[9 * mm, 16 * mm, width - 25 * mm])
        row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                                 ("LINEBELOW", (0, 0), (-1, -1), 0.4, pdfbase.color(kit, "rule"))]))
        story.append(KeepTogether([row]))
    doc.build(story, canvasmaker=canvas)
    return _pages(doc)


def master_key(kit: Kit, qp: QuizPlan, path) -> str:
    """One table for graders: per authored question, the number and letter(s) to mark in every version."""
    doc, st, _, width, canvas = _document(kit, path, qp, None)
    story = [_title_block(kit, st, qp, None, width, kit.say("master_key")),
             pdfbase.label(kit.say("master_key_intro"), st.instructions), Spacer(1, 2 * mm)]
    n_versions = len(qp.versions)
    header = [pdfbase.label(kit.say("question"), st.head_cell)]
    header += [pdfbase.label(kit.say("version", letter=v.letter), st.head_cell) for v in qp.versions]
    authored = sorted(qp.versions[0].questions, key=lambda q: q.source)
    rows = [header]
    for q in authored:
        cells = [pdfbase.para(f"{q.source + 1}. {q.text}", pdfbase.style(kit, "mk", kit.theme.num("quiz.key_size") - 0.5,
                                                                         leading=1.25), kit)]
        for v in qp.versions:
            twin = next(x for x in v.questions if x.source == q.source)
            cells.append(Paragraph(f"<b>{twin.letters}</b><font size='7'> (#{twin.number})</font>", st.cell))
        rows.append(cells)
    version_w = min(24 * mm, (width * 0.55) / n_versions)
    table = Table(rows, colWidths=[width - version_w * n_versions] + [version_w] * n_versions, repeatRows=1)
    style = [("BACKGROUND", (0, 0), (-1, 0), pdfbase.color(kit, "primary")), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("GRID", (0, 0), (-1, -1), 0.4, pdfbase.color(kit, "rule"))]
    style += [("BACKGROUND", (0, r), (-1, r), pdfbase.color(kit, "light")) for r in range(2, len(rows), 2)]
    table.setStyle(TableStyle(style))
    story.append(table)
    doc.build(story, canvasmaker=canvas)
    return _pages(doc)


def answer_sheet(kit: Kit, qp: QuizPlan, version: Version | None, path) -> str:
    """A one-page grid to fill in; with a version, the same grid with its answers filled (scoring overlay)."""
    doc, st, _, width, canvas = _document(kit, path, qp, version)
    n_options = max(len(q.options) for q in qp.versions[0].questions)  # the same in every version
    title = kit.say("scoring_overlay") if version else kit.say("answer_sheet")
    # The sheet and its overlays share one geometry, so an overlay printed on film lines up with the sheet.
    story = [_title_block(kit, st, qp, version, width, title),
             pdfbase.label(kit.say("answer_sheet_instructions"), st.instructions),
             _fields(kit, st, width, len(qp.versions[0].questions)), Spacer(1, 4 * mm)]
    questions = version.questions if version else qp.versions[0].questions
    size = 6.5 * mm
    primary, fill = pdfbase.color(kit, "primary"), pdfbase.color(kit, "correct")
    regular, bold = pdfbase.font_names(kit)
    if len(qp.versions) > 1:  # the person marks which version they had; the overlay shows its own
        letters = [v.letter for v in qp.versions]
        row = [pdfbase.label(kit.say("version_field"), st.field)]
        row += [Bubble(size, primary, fill if version and version.letter == x else None, x, bold, size * 0.5)
                for x in letters]
        marks = Table([row], colWidths=[22 * mm] + [size + 2.6 * mm] * len(letters), rowHeights=[size + 4 * mm],
                      hAlign="LEFT")
        marks.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 1)]))
        story += [marks, Spacer(1, 3 * mm)]
    half = (len(questions) + 1) // 2 if len(questions) > 12 else len(questions)
    grids = []
    for chunk in (questions[:half], questions[half:]):
        if not chunk:
            continue
        rows = []
        for q in chunk:
            row = [pdfbase.label(f"{q.number}.", st.number)]
            for i in range(n_options):  # every row has every letter: versions differ in option counts
                correct = version is not None and i < len(q.options) and q.options[i].correct
                row.append(Bubble(size, primary, fill if correct else None, UPPER[i], bold, size * 0.5))
            rows.append(row)
        grid = Table(rows, colWidths=[10 * mm] + [size + 2.6 * mm] * n_options, rowHeights=[size + 4 * mm] * len(rows))
        grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 1)]))
        grids.append(grid)
    holder = Table([grids], colWidths=[width / len(grids)] * len(grids))
    holder.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(holder)
    doc.build(story, canvasmaker=canvas)
    return _pages(doc)


def _pages(doc) -> str:
    return f"{doc.page} page{'s' if doc.page != 1 else ''}"


def render(kit: Kit, staging) -> None:
    """Plan the versions once; write every handout and key (and master key, answer sheet, exports) from that plan."""
    if kit.content.quiz is None:
        kit.warn(("build", "outputs"), "no `quiz:` in the content, so no quiz handout was made")
        return
    qp = plan(kit)
    for version in qp.versions:
        staging.write(f"quiz{version.suffix}.pdf", lambda path, v=version: handout(kit, qp, v, path))
        staging.write(f"quiz{version.suffix}-key.pdf", lambda path, v=version: key(kit, qp, v, path))
    if len(qp.versions) > 1:
        staging.write("quiz-master-key.pdf", lambda path: master_key(kit, qp, path))
    exports.render(kit, staging)
    if kit.build.quiz.answer_sheet:
        staging.write("quiz-answer-sheet.pdf", lambda path: answer_sheet(kit, qp, None, path))
        for version in qp.versions:
            staging.write(f"quiz{version.suffix}-scoring.pdf", lambda path, v=version: answer_sheet(kit, qp, v, path))
