"""Fact sheet PDF: plan the blocks (pure), then set them with ReportLab platypus in two columns."""
from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, Image, KeepTogether, NextPageTemplate,
                                PageTemplate, Paragraph, Spacer, Table, TableStyle)
from reportlab.lib.utils import ImageReader

from ..kit import Kit
from ..text import Point, paragraphs, plain, point, rl_markup
from . import pdfbase

# ---------------------------------------------------------------- plan (pure)


@dataclass(frozen=True)
class Block:
    """One thing in the body's flow."""

    kind: str                     # heading, text, points, table, image, question, sources
    text: str = ""
    points: tuple[Point, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    extra: str = ""               # image path / table title / link


@dataclass
class FactsheetPlan:
    """The fact sheet as data: header, lead, body blocks and footer."""

    title: str
    subtitle: str | None
    date: str | None
    lead: str
    blocks: list[Block] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    website: str | None = None
    logo: str | None = None


FAQ_MODES = ("full", "short", "none")


def plan(kit: Kit, faq: str = "full") -> FactsheetPlan:
    """Decide what the fact sheet says, in order; no ReportLab here.

    faq: "full" prints every FAQ; "short" leaves out FAQ points that repeat a section's points;
    "none" leaves the FAQ to the deck (used when the sheet would not fit its page budget).
    """
    c = kit.content
    org = c.organization
    out = FactsheetPlan(title=c.title, subtitle=c.subtitle, date=c.date, lead=c.summary,
                        website=org.website if org else None,
                        logo=str(kit.asset(org.logo)) if org and org.logo else None)
    for section in c.sections:
        if section.show is not None and "factsheet" not in section.show:
            continue
        out.blocks.append(Block("heading", section.title))
        out.blocks += [Block("text", p) for p in paragraphs(section.text)]
        if section.points:
            out.blocks.append(Block("points", points=tuple(point(p) for p in section.points)))
        if section.image:
            out.blocks.append(Block("image", section.image.alt, extra=str(kit.asset(section.image.file))))
        table = c.table(section.table) if section.table else None
        if table:
            out.blocks.append(Block("table", table.title, rows=(tuple(table.columns),) + tuple(map(tuple, table.rows))))
    if c.faq and faq != "none":
        shown = {_key(point(p)) for s in c.sections for p in s.points}
        out.blocks.append(Block("heading", kit.say("faq")))
        for item in c.faq:
            points = tuple(point(p) for p in item.points)
            if faq == "short":
                points = tuple(p for p in points if _key(p) not in shown)
            out.blocks.append(Block("question", item.question, points=points, extra=item.answer))
    if c.sources:
        out.blocks.append(Block("sources", kit.say("sources"),
                                rows=tuple((s.title, s.url or "") for s in c.sources)))
    if org:
        out.footer.append(" · ".join(x for x in (org.name, org.website, org.contact) if x))
    event = kit.event_context()
    if event:
        out.footer.append(kit.say("event_line", event=event))
    return out


def _key(p: Point) -> str:
    return plain(p.term or p.text).casefold().strip()


# ---------------------------------------------------------------- write (ReportLab)


class _Styles:
    def __init__(self, kit: Kit):
        t = kit.theme
        body = t.num("factsheet.body_size")
        self.title = pdfbase.style(kit, "title", t.num("factsheet.title_size"), bold=True, color_name="on_primary", leading=1.15)
        self.subtitle = pdfbase.style(kit, "subtitle", t.num("factsheet.subtitle_size"), color_name="on_primary", leading=1.25)
        self.date = pdfbase.style(kit, "date", t.num("factsheet.subtitle_size") * 0.85, bold=True, color_name="accent")
        self.lead = pdfbase.style(kit, "lead", t.num("factsheet.lead_size"), leading=1.4, color_name="text")
        self.heading = pdfbase.style(kit, "heading", t.num("factsheet.heading_size"), bold=True, color_name="primary",
                                     leading=1.2, spaceBefore=5, spaceAfter=2, keepWithNext=1)
        self.body = pdfbase.style(kit, "body", body, leading=1.25, spaceAfter=3)
        self.bullet = pdfbase.style(kit, "bullet", body, leading=1.25, leftIndent=9, bulletIndent=1,
                                    spaceAfter=1.5, bulletFontSize=body, bulletColor=pdfbase.color(kit, "secondary"))
        self.question = pdfbase.style(kit, "question", body, bold=True, color_name="primary", leading=1.3,
                                      spaceBefore=3, spaceAfter=1, keepWithNext=1)
        self.cell = pdfbase.style(kit, "cell", body, leading=1.25)
        self.head_cell = pdfbase.style(kit, "headcell", body, bold=True, color_name="on_primary", leading=1.25)
        self.caption = pdfbase.style(kit, "caption", body, bold=True, color_name="secondary", spaceBefore=4,
                                     spaceAfter=3, keepWithNext=1)
        small = t.num("factsheet.small_size")
        self.small = pdfbase.style(kit, "small", small, color_name="muted", leading=1.3, spaceAfter=1.5)
        self.small_heading = pdfbase.style(kit, "smallhead", small + 1, bold=True, color_name="muted",
                                           spaceBefore=8, spaceAfter=2, keepWithNext=1)
        self.footer = pdfbase.style(kit, "footer", small, color_name="muted", leading=1.3)


def _point_markup(p: Point) -> str:
    if p.term:
        return f"<b>{rl_markup(p.term)}:</b> {rl_markup(p.text)}"
    return rl_markup(p.text)


def _flowables(kit: Kit, fp: FactsheetPlan, st: _Styles, col_width: float) -> list:
    out: list = []
    for index, block in enumerate(fp.blocks):
        following = fp.blocks[index + 1].kind if index + 1 < len(fp.blocks) else None
        if block.kind == "heading":
            out.append(_Heading(pdfbase.para(block.text, st.heading, kit)))
        elif block.kind == "text":
            paragraph = pdfbase.para(block.text, st.body, kit)
            # an intro that leads into bullets ("... including:") stays with the first bullet
            out.append(_Heading(paragraph) if following == "points" else paragraph)
        elif block.kind == "points":
            out += [Paragraph(_point_markup(p), st.bullet, bulletText="•") for p in block.points]
        elif block.kind == "question":
            answer = [pdfbase.para(a, st.body, kit) for a in paragraphs(block.extra)]
            bullets = [Paragraph(_point_markup(p), st.bullet, bulletText="•") for p in block.points]
            out.append(KeepTogether([pdfbase.para(block.text, st.question, kit)] + answer[:1]))
            out += answer[1:] + bullets
        elif block.kind == "image":
            reader = ImageReader(block.extra)
            w, h = reader.getSize()
            width = col_width
            height = width * h / w
            max_h = 60 * mm
            if height > max_h:
                height, width = max_h, max_h * w / h
            out.append(Spacer(1, 3))
            out.append(Image(block.extra, width=width, height=height))
            out.append(Spacer(1, 4))
        elif block.kind == "table":
            out += _table(kit, block, st, col_width)
        elif block.kind == "sources":
            out.append(pdfbase.label(block.text, st.small_heading))
            for title, url in block.rows:
                link = f' <a href="{_attr(url)}">{pdfbase.rl_markup_plain(url)}</a>' if url else ""
                out.append(Paragraph(f"{rl_markup(title)}{link}", st.small))
    return out


class _Heading:
    """Marks a heading (or a lead-in) that must share a column with what follows it."""

    def __init__(self, flowable):
        self.flowable = flowable


def _glue(items: list) -> list:
    """Wrap headings and lead-ins with the first flowable after them, so none ends a column alone."""
    out, pending = [], []
    for item in items:
        if isinstance(item, _Heading):
            pending.append(item.flowable)
            continue
        if pending:
            inner = item._content if isinstance(item, KeepTogether) else [item]
            item = KeepTogether(pending + list(inner))
            pending = []
        out.append(item)
    out += pending
    return out


def _attr(value: str) -> str:
    from xml.sax.saxutils import escape
    return escape(value, {'"': "&quot;"})


def _column_widths(rows, cell_style, head_style, width: float) -> list[float]:
    """Share the width by what the columns hold: never less than a column's longest word,
    and otherwise in proportion to its average text, so short codes do not take room from prose."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def measure(text: str, style=cell_style) -> float:
        return stringWidth(plain(str(text)), style.fontName, style.fontSize)

    padding = 6.5
    columns = list(zip(*rows))
    floors = [max([measure(w, head_style) for w in plain(str(col[0])).split()] +
                  [measure(w) for cell in col[1:] for w in plain(str(cell)).split()] + [0]) + padding
              for col in columns]
    wants = [sum(measure(cell) for cell in col) / len(col) + padding for col in columns]
    if sum(floors) >= width:  # too narrow for every word: share in proportion to the longest words
        return [width * f / sum(floors) for f in floors]
    extra = width - sum(floors)
    more = [max(w - f, 0) for w, f in zip(wants, floors)]
    if sum(more) == 0:
        return [f + extra / len(floors) for f in floors]
    return [f + extra * m / sum(more) for f, m in zip(floors, more)]


def _table(kit: Kit, block: Block, st: _Styles, width: float):
    header, *rows = block.rows
    data = [[pdfbase.para(c, st.head_cell, kit) for c in header]]
    data += [[pdfbase.para(str(c), st.cell, kit) for c in row] for row in rows]
    widths = _column_widths(block.rows, st.cell, st.head_cell, width)
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), pdfbase.color(kit, "secondary")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, pdfbase.color(kit, "rule")),
    ]
    for r in range(2, len(data), 2):
        style.append(("BACKGROUND", (0, r), (-1, r), pdfbase.color(kit, "light")))
    table.setStyle(TableStyle(style))
    caption = pdfbase.para(block.text, st.caption, kit)
    # A short table stays with its caption; a long one may split, repeating its header row.
    return [KeepTogether([caption, table])] if len(rows) < 8 else [caption, table]


def write(fp: FactsheetPlan, kit: Kit, path) -> str:
    """Set the planned fact sheet on the page; return 'N pages'."""
    theme = kit.theme
    pagesize = pdfbase.PAPER[kit.build.paper]
    page_w, page_h = pagesize
    margin = pdfbase.margins(kit, "factsheet")
    band_h = theme.num("factsheet.band_height") * mm
    gap = theme.num("factsheet.column_gap") * mm
    qr = theme.num("factsheet.qr_size") * mm
    footer_h = qr + 4 * mm
    st = _Styles(kit)
    inner_w = page_w - 2 * margin
    col_w = (inner_w - gap) / 2

    lead = pdfbase.para(fp.lead, st.lead, kit)
    _, lead_h = lead.wrap(inner_w, page_h)
    lead_h += 10
    body_bottom = margin + footer_h
    first_top = page_h - band_h - 5 * mm - lead_h

    def columns(top: float, prefix: str):
        height = top - body_bottom
        return [Frame(margin, body_bottom, col_w, height, id=f"{prefix}1", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0),
                Frame(margin + col_w + gap, body_bottom, col_w, height, id=f"{prefix}2", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)]

    lead_frame = Frame(margin, first_top, inner_w, lead_h, id="lead", leftPadding=0, rightPadding=0,
                       topPadding=0, bottomPadding=0)
    header = _header_painter(kit, fp, st, band_h, margin)
    rule = _column_rule(kit, margin + col_w + gap / 2, body_bottom)
    first = PageTemplate("first", [lead_frame] + columns(first_top - 2 * mm, "a"),
                         onPage=lambda c, d: (header(c, page_w, page_h), rule(c, first_top - 2 * mm)))
    later = PageTemplate("later", columns(page_h - margin, "b"),
                         onPage=lambda c, d: rule(c, page_h - margin))
    doc = BaseDocTemplate(str(path), pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=margin,
                          bottomMargin=margin, **pdfbase.doc_info(kit, plain(fp.subtitle or fp.title)))
    doc.addPageTemplates([first, later])
    story = [lead, NextPageTemplate("later"), FrameBreak()] + _glue(_flowables(kit, fp, st, col_w))
    footer = _footer_painter(kit, fp, st, margin, qr, page_w)
    doc.build(story, canvasmaker=pdfbase.numbered_canvas(footer, pdfbase.font_names(kit)[0]))
    return f"{doc.page} page{'s' if doc.page != 1 else ''}"


def _column_rule(kit, x, bottom):
    def paint(canvas, top):
        canvas.saveState()
        canvas.setStrokeColor(pdfbase.color(kit, "rule"))
        canvas.setLineWidth(0.4)
        canvas.line(x, bottom + 2, x, top)
        canvas.restoreState()
    return paint


def _header_painter(kit: Kit, fp: FactsheetPlan, st: _Styles, band_h: float, margin: float):
    def paint(canvas, page_w, page_h):
        canvas.saveState()
        canvas.setFillColor(pdfbase.color(kit, "primary"))
        canvas.rect(0, page_h - band_h, page_w, band_h, stroke=0, fill=1)
        canvas.setFillColor(pdfbase.color(kit, "accent"))
        canvas.rect(0, page_h - band_h - 1.6 * mm, page_w, 1.6 * mm, stroke=0, fill=1)
        logo_w = 0
        if fp.logo and kit.theme.get("logo.factsheet") != "none":
            reader = ImageReader(fp.logo)
            w, h = reader.getSize()
            logo_h = band_h - 12 * mm
            logo_w = logo_h * w / h
            canvas.drawImage(reader, page_w - margin - logo_w, page_h - band_h + 6 * mm, logo_w, logo_h,
                             mask="auto")
            logo_w += 5 * mm
        text_w = page_w - 2 * margin - logo_w
        parts = [pdfbase.para(fp.title, st.title, kit)]
        if fp.subtitle:
            parts.append(pdfbase.para(fp.subtitle, st.subtitle, kit))
        if fp.date:
            parts.append(pdfbase.para(fp.date, st.date, kit))
        heights = [p.wrap(text_w, band_h)[1] for p in parts]
        y = page_h - band_h / 2 + sum(heights) / 2 + 2
        for p, h in zip(parts, heights):
            y -= h
            p.drawOn(canvas, margin, y)
        canvas.restoreState()
    return paint


def _footer_painter(kit: Kit, fp: FactsheetPlan, st: _Styles, margin: float, qr: float, page_w: float):
    def paint(canvas, page, pages):
        canvas.saveState()
        canvas.setStrokeColor(pdfbase.color(kit, "rule"))
        canvas.setLineWidth(0.6)
        top = margin + qr + 2 * mm
        canvas.line(margin, top, page_w - margin, top)
        x_text = margin
        if fp.website:
            widget = QrCodeWidget(fp.website, barLevel="M")
            x0, y0, x1, y1 = widget.getBounds()
            drawing = Drawing(qr, qr, transform=[qr / (x1 - x0), 0, 0, qr / (y1 - y0), 0, 0])
            drawing.add(widget)
            drawing.initialFontName = pdfbase.font_names(kit)[0]  # else renderPDF selects Helvetica
            renderPDF.draw(drawing, canvas, margin, margin)
            x_text = margin + qr + 3 * mm
        lines = [pdfbase.para(line, st.footer, kit) for line in fp.footer]
        pdfbase.draw_right(canvas, kit.say("page_x_of_y", page=page, pages=pages), st.footer, page_w - margin,
                           margin + qr - st.footer.fontSize)
        y = margin + qr
        for line in lines:
            _, h = line.wrap(page_w - x_text - margin - 30 * mm, qr)
            y -= h
            line.drawOn(canvas, x_text, y)
        canvas.restoreState()
    return paint


def _fitted(kit: Kit, path) -> str:
    """Write the richest plan that keeps within the theme's page budget (one sheet, both sides).

    The FAQ gives way first (the deck always shows it in full), so this is not worth a warning.
    """
    budget = int(kit.theme.num("factsheet.max_pages"))
    for mode in FAQ_MODES:
        summary = write(plan(kit, mode), kit, path)
        if int(summary.split()[0]) <= budget:
            return summary
    kit.warn(("sections",), f"the fact sheet runs to {summary.split()[0]} pages (budget {budget}); "
             "shorten the sections to print it on one sheet")
    return summary


def render(kit: Kit, staging) -> None:
    """Plan and write factsheet.pdf."""
    staging.write("factsheet.pdf", lambda path: _fitted(kit, path))
