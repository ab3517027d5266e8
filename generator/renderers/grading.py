"""Documents for graders, from the same QuizPlan as the handouts: the master key (every version's
letters for each question as written) and the answer sheet with one scoring overlay per version,
all on one grid so that an overlay printed on film lines up with a filled-in sheet."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..layout.blocks import Cell, Table, draw_line
from ..layout.flow import Frame, pour
from ..layout.setting import Setter
from ..page import Circle, Document, Node, Page
from ..quizplan import Version
from .printlook import MM, Look

if TYPE_CHECKING:   # for annotations only: quiz.py calls this module, so it cannot be imported back
    from .quiz import Sheets


def master_key(sheets: Sheets) -> Document:
    """One table: per question as written, the letter(s) to mark and its number in every version."""
    kit, qp = sheets.kit, sheets.qp
    look = Look(sheets.t, False, sheets.rtl)
    s = Setter(kit, look.leading)
    margin = look.margin * MM
    width = sheets.page_w - 2 * margin
    first = Page(sheets.page_w, sheets.page_h)
    sheets.root = Node("Document")
    top = sheets.title(first, s, look, None, kit.say("master_key"))
    intro = s.set(s.spans(kit.say("master_key_intro", editions=qp.editions), sheets.style(look.body_size), markup=False), width)
    with first.tagged(sheets.root.add("P")):
        for k, line in enumerate(intro.lines):
            draw_line(first, line, margin, width, top + k * intro.pitch, intro.pitch, "right" if sheets.rtl else "left")
    top += intro.height + look.intro_after * MM
    ks, note = look.key_size, look.key_size - look.key_note_step
    versions = qp.versions
    version_w = min(look.version_width * MM, width * look.versions_share / len(versions))
    widths = [width - version_w * len(versions)] + [version_w] * len(versions)
    pad = look.cell_pad
    head_style = sheets.style(ks, "on_primary", bold=True)
    header = [Cell(s.set(s.spans(kit.say("question"), head_style, markup=False), widths[0] - 2 * pad))]
    header += [Cell(s.set(s.spans(kit.say("version", letter=v.letter), head_style, markup=False), version_w - 2 * pad))
               for v in versions]
    # a left-to-right mark keeps "#1" whole in right-to-left text (after an Arabic letter, the
    # number would otherwise be read as Arabic and the sign set after it: "(1#)")
    number_sign = "\u200e#" if sheets.rtl else "#"
    rows = []
    for q in sorted(versions[0].questions, key=lambda q: q.source):
        cells = [Cell(s.set(s.spans(f"{q.source + 1}. ", sheets.style(note, bold=True), markup=False)
                            + s.spans(q.text, sheets.style(note)), widths[0] - 2 * pad))]
        for v in versions:
            twin = next(x for x in v.questions if x.source == q.source)
            cells.append(Cell(s.set(s.spans(twin.letters, sheets.style(ks, "correct", bold=True), markup=False)
                                    + s.spans(f" ({number_sign}{twin.number})",
                                              sheets.style(ks - look.version_number_step, "muted"), markup=False),
                                    version_w - 2 * pad)))
        rows.append(cells)
    table = Table(widths=widths, header=header, rows=rows, pad=(pad, look.cell_pad_y), node=sheets.root.add("Table"),
                  rule_width=look.table_rule,
                  colors={"header": sheets.c["primary"], "band": sheets.c["light"], "rule": sheets.c["rule"]})
    table.continued = None
    bottom = sheets.page_h - margin - look.small_size * look.footer_leading - look.footer_gap * MM
    placed = pour([table], lambda page: [Frame(margin, top if page == 0 else margin, width,
                                               bottom - (top if page == 0 else margin))])
    pages = [first] + [Page(sheets.page_w, sheets.page_h) for _ in range(max(c.page for c in placed))]
    for col in placed:
        for p in col.placed:
            p.block.draw(pages[col.page], col.frame.x, col.frame.y + p.top, col.frame.w, sheets.rtl)
    for n, page in enumerate(pages):
        sheets.footer(page, s, look, None, n + 1, len(pages))
    return sheets._doc(pages)


def answer_sheet(sheets: Sheets, version: Version | None) -> Document:
    """A one-page grid to fill in; with a version, the same grid with its answers filled in."""
    kit, qp = sheets.kit, sheets.qp
    look = Look(sheets.t, False, sheets.rtl)
    s = Setter(kit, look.leading)
    margin = look.margin * MM
    width = sheets.page_w - 2 * margin
    page = Page(sheets.page_w, sheets.page_h)
    root = sheets.root = Node("Document")
    title = kit.say("scoring_overlay") if version else kit.say("answer_sheet")
    top = sheets.title(page, s, look, version, title)
    instr = s.set(s.spans(kit.say("answer_sheet_instructions"), sheets.style(look.body_size), markup=False), width)
    with page.tagged(root.add("P")):
        for k, line in enumerate(instr.lines):
            draw_line(page, line, margin, width, top + k * instr.pitch, instr.pitch, "right" if sheets.rtl else "left")
    questions = version.questions if version else qp.versions[0].questions
    top = sheets.fields(page, s, look, top + instr.height, len(questions)) + look.sheet_fields_after * MM
    size = look.sheet_bubble * MM
    step = size + look.sheet_bubble_gap * MM
    letters = [o.letter for o in max(qp.versions[0].questions, key=lambda q: len(q.options)).options]
    letters = [str(x) for x in str(kit.say("option_letters")).split()][:len(letters)] or letters
    primary, fill = sheets.c["primary"], sheets.c["correct"]
    bold = sheets.style(size * look.sheet_letter_share, "primary", bold=True)
    white = sheets.style(size * look.sheet_letter_share, "on_correct", bold=True)

    def bubble(x, y, label, filled):
        cx = sheets.page_w - x - size / 2 if sheets.rtl else x + size / 2
        page.add(Circle(cx, y + size / 2, size / 2 - look.sheet_bubble_inset, primary, fill if filled else None,
                        look.bubble_rule))
        line = s.line(label, white if filled else bold)
        draw_line(page, line, cx - size / 2, size, y + (size - line.ascent - line.descent) / 2 - 1,
                  line.ascent + line.descent + 2, "center", space=True)

    if len(qp.versions) > 1:  # the person marks which version they had; the overlay shows its own
        page.node = root.add("P")
        label = s.line(kit.say("version_field"), sheets.style(look.body_size, "primary", bold=True))
        lx = sheets.page_w - margin - label.width if sheets.rtl else margin
        draw_line(page, label, lx, label.width, top + (size - label.ascent) / 2, label.ascent + 2, "left", True)
        for k, v in enumerate(qp.versions):
            bubble(margin + look.sheet_version_at * MM + k * step, top, v.letter,
                   version is not None and version.letter == v.letter)
        top += size + look.sheet_version_after * MM
    page.node = None
    grid = root.add("L")     # each row an item: the question's number, then its letters
    half = (len(questions) + 1) // 2 if len(questions) > look.sheet_column_rows else len(questions)
    chunks = [questions[:half], questions[half:]] if half < len(questions) else [questions]
    for c, chunk in enumerate(chunks):
        x0 = margin + c * width / len(chunks)
        for r, q in enumerate(chunk):
            y = top + r * (size + look.sheet_row_gap * MM)
            number = s.line(s.numbered(q.number), sheets.style(look.body_size, "secondary", bold=True))
            number_w = look.sheet_number_width * MM
            nx = sheets.page_w - x0 - number_w if sheets.rtl else x0
            item = grid.add("LI")
            with page.tagged(item.add("Lbl")):
                draw_line(page, number, nx, number_w, y + (size - number.ascent) / 2, number.ascent + 2, "left")
            page.node = item.add("LBody")
            for i, letter in enumerate(letters):  # every row has every letter: versions differ in option counts
                correct = version is not None and i < len(q.options) and q.options[i].correct
                bubble(x0 + look.sheet_bubbles_at * MM + i * step, y, letter, correct)
            page.node = None
    sheets.footer(page, s, look, version, 1, 1)
    return sheets._doc([page])
