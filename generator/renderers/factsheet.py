"""Fact sheet PDF: plan every page (pure), then draw it (pdfwrite).

Page 1 leads with the event: a header band with the day and the organisation's logo on a card, an
event box with the name, date, time and place and a QR code to the website, then the summary.
The body is poured into two columns (mirrored for right-to-left languages). The FAQ joins whole
when the sheet stays within its page budget, else as many whole questions as fit with a line
saying where the rest are; a nearly empty last page makes the sheet tighten to drop it.
"""
from __future__ import annotations

from ..layout.blocks import Block, Cell, Image, Para, Space, Table, draw_line
from ..layout.flow import Frame, balanced, pour
from ..layout.setting import Setter, table_widths
from ..notes import Notes
from ..page import PAGINATION, QR, Document, Node, Page, Picture, Rect, Rule, image_size, qr_matrix
from ..text import paragraphs, plain
from ..typeset.lines import Span, Style
from ..typeset.typography import typography
from .printlook import MM, PAPER, Look

NARROWINGS = 8     # tries at narrowing the lead's measure (each usually ends it)
KEEP_POINTS = 3    # a section of this many items or more keeps its last point with the one before it,
KEEP_LINES = 4     # when that one is no longer than this many lines
FACT_DIGITS = 3    # how closely the plan's facts (for reports and tests) give a column's fill


def _pitch(para, look) -> float:
    """A paragraph's line pitch, opened up where its font's ascent and descent need more (Arabic)."""
    ink = max((line.ascent + line.descent for line in para.lines), default=0.0)
    return max(para.pitch, ink * look.ink_leading)


class Sheet:
    """Plans the fact sheet of one kit."""

    def __init__(self, kit, notes: Notes):
        self.kit, self.notes = kit, notes
        self.c = kit.theme.colors()
        self.t = kit.theme.section("factsheet")
        self.page_w, self.page_h = PAPER[kit.build.paper]
        self.rtl = kit.rtl
        self._blocks: dict = {}

    # --- styles ------------------------------------------------------------------------------

    def style(self, size: float, color: str = "text", bold: bool = False, italic: bool = False) -> Style:
        return Style(size, self.c.get(color, color), bold, italic)

    # --- page furniture ----------------------------------------------------------------------

    def header(self, page: Page, s: Setter, look: Look) -> float:
        """The band: title, subtitle and day on the primary colour, the logo on a card; returns its bottom.
        A long title first gives up a few points to stay on two lines; the band then grows to hold
        what it carries, never letting the text near the page edge or the rule."""
        content, org = self.kit.content, self.kit.content.organization
        margin = look.margin * MM
        pad = look.header_pad * MM
        text_w = self.page_w - 2 * margin
        logo = None
        if org and org.logo:
            card_h = look.logo_height * MM
            path = self.kit.asset(org.logo)
            w, h = image_size(path)
            inner = look.logo_pad * MM
            logo_w = min((card_h - 2 * inner) * w / h, look.logo_max_width * MM)
            logo_h = logo_w * h / w
            logo = (path, card_h, logo_w, logo_h, inner)
            text_w -= logo_w + 2 * inner + look.logo_gap * MM
        size = look.title_size
        while True:
            title = s.set(s.spans(content.title, self.style(size, "on_primary", bold=True)), text_w,
                          look.title_leading)
            if len(title.lines) <= 2 or size <= look.title_size * look.title_min_share:
                break
            size -= look.title_step
        parts = [title]
        if content.subtitle:
            parts.append(s.set(s.spans(content.subtitle, self.style(look.subtitle_size, "on_primary")), text_w,
                               look.subtitle_leading))
        if content.date:
            parts.append(s.set(s.spans(content.date, self.style(look.date_size, "accent", bold=True)), text_w,
                               look.date_leading))
        pitches = [_pitch(p, look) for p in parts]
        tags = [self.root.add("H1")] + [self.root.add("P") for _ in parts[1:]]
        total = sum(len(p.lines) * pitch for p, pitch in zip(parts, pitches))
        band = max(look.band_height * MM, total + 2 * pad)
        page.add(Rect(0, 0, self.page_w, band, fill=self.c["primary"]))
        page.add(Rect(0, band, self.page_w, look.accent_rule * MM, fill=self.c["accent"]))
        if logo:
            path, card_h, logo_w, logo_h, inner = logo
            card_w = logo_w + 2 * inner
            x = margin if self.rtl else self.page_w - margin - card_w
            y = (band - card_h) / 2
            page.add(Rect(x, y, card_w, card_h, fill=self.c["badge"], radius=look.card_radius))
            page.add(Picture(x + inner, y + (card_h - logo_h) / 2, logo_w, logo_h, path),
                     self.root.add("Figure", alt=self.kit.say("logo_alt", name=plain(org.name, self.kit.language))))
        x = self.page_w - margin - text_w if self.rtl else margin
        y = (band - total) / 2
        for p, pitch, tag in zip(parts, pitches, tags):
            with page.tagged(tag):
                for line in p.lines:
                    draw_line(page, line, x, text_w, y, pitch, "right" if self.rtl else "left")
                    y += pitch
        return band + look.accent_rule * MM

    def event_box(self, page: Page, s: Setter, look: Look, top: float) -> float:
        """The event up front: what, when, where and who, with a QR code to the website."""
        kit, org = self.kit, self.kit.content.organization
        event = kit.event_context()
        website = org.website if org and org.website else None
        lines: list[tuple[list[Span], float]] = []
        roles = ["P", "H2", "P", "P", "P"] if event else ["P"]   # the event box is a section: its name the heading
        size = look.event_size
        if event:
            kicker = self.style(size * look.event_kicker_share, "secondary", bold=True)
            lines.append((s.spans(kit.say("event_kicker"), kicker, markup=False), look.event_kicker_leading))
            lines.append((s.spans(event["name"], self.style(look.event_title_size, "primary", bold=True)),
                          look.event_title_leading))
            when = kit.say("event_when", event=event)
            if when:
                lines.append((s.spans(when, self.style(size, bold=True), markup=False), look.event_leading))
            if event["place"]:
                lines.append((s.spans(event["place"], self.style(size)), look.event_leading))
        if org:
            who = [org.name] + ([org.contact] if org.contact else [])
            lines.append((s.spans(" · ".join(who), self.style(size, "muted")), look.event_leading))
        if not lines:
            return top
        margin, pad = look.margin * MM, look.event_pad * MM
        inner_w = self.page_w - 2 * margin - 2 * pad - look.event_bar * MM
        qr = look.qr_size * MM if website else 0.0
        caption = None
        beside, below = look.qr_margin * MM, look.qr_caption_gap * MM   # the caption may run past the code
        if website:
            caption = s.set(s.spans(kit.say("qr_caption"), self.style(look.small_size, "muted"), markup=False),
                            qr + 2 * beside, look.qr_caption_leading)
            inner_w -= qr + 2 * beside + pad
        paras = [s.set(spans, inner_w, leading) for spans, leading in lines]
        text_h = sum(p.height for p in paras)
        qr_h = qr + (caption.height + below if caption else 0)
        box_h = max(text_h, qr_h) + 2 * pad
        left = margin
        page.add(Rect(left, top, self.page_w - 2 * margin, box_h, fill=self.c["light"]))
        bar_x = self.page_w - margin - look.event_bar * MM if self.rtl else left
        page.add(Rect(bar_x, top, look.event_bar * MM, box_h, fill=self.c["accent"]))
        text_x = (self.page_w - margin - look.event_bar * MM - pad - inner_w) if self.rtl \
            else left + look.event_bar * MM + pad
        y = top + pad + (box_h - 2 * pad - text_h) / 2
        section = self.root.add("Sect")
        for p, role in zip(paras, roles):
            with page.tagged(section.add(role)):
                for line in p.lines:
                    draw_line(page, line, text_x, inner_w, y, p.pitch, "right" if self.rtl else "left")
                    y += p.pitch
        if website:
            qx = left + pad + beside if self.rtl else self.page_w - margin - pad - qr - beside
            qy = top + (box_h - qr_h) / 2
            card = look.qr_card_pad
            page.add(Rect(qx - card, qy - card, qr + 2 * card, qr + 2 * card, fill=self.c["badge"]))
            page.add(QR(qx, qy, qr, qr_matrix(website), "#000000", website),
                     section.add("Figure", alt=kit.say("qr_alt", url=website)))
            cy = qy + qr + below
            with page.tagged(section.add("P")):
                for line in caption.lines:
                    draw_line(page, line, qx - beside, qr + 2 * beside, cy, caption.pitch, "center")
                    cy += caption.pitch
        return top + box_h

    def footer_lines(self, s: Setter, look: Look, width: float) -> list:
        """The footer's parts (organisation, website, contact, event) on as few lines as they take,
        broken between parts (and inside one only when it is wider than the footer)."""
        kit, org = self.kit, self.kit.content.organization
        parts = [x for x in ((org.name, org.website, org.contact) if org else ()) if x]
        event = kit.event_context()
        if event:
            parts.append(kit.say("event_line", event=event))
        st = self.style(look.small_size, "muted")
        lines, current = [], []
        for part in parts:
            trial = current + [part]
            if current and s.width(" · ".join(trial), st) > width:
                lines.append(" · ".join(current))
                current = [part]
            else:
                current = trial
        if current:
            lines.append(" · ".join(current))
        # a part wider than the footer on its own (a long place or web address) wraps within it
        return [line for text in lines for line in s.set(s.spans(text, st, markup=False), width).lines]

    def footer(self, page: Page, s: Setter, look: Look, lines, number: int, pages: int) -> None:
        margin = look.margin * MM
        st = self.style(look.small_size, "muted")
        pitch = look.small_size * look.footer_leading
        label = s.line(self.kit.say("page_x_of_y", page=number, pages=pages), st)
        top = self.page_h - margin - max(1, len(lines)) * pitch
        page.node = PAGINATION      # running footer and page number: artifacts
        rule_y = top - look.footer_rule_gap * MM
        page.add(Rule(margin, rule_y, self.page_w - margin, rule_y, self.c["rule"], look.footer_rule))
        width = self.page_w - 2 * margin - label.width - look.page_number_gap * MM
        for k, line in enumerate(lines):
            x = margin + label.width + look.page_number_gap * MM if self.rtl else margin
            draw_line(page, line, x, width, top + k * pitch, pitch, "right" if self.rtl else "left")
        draw_line(page, label, margin, self.page_w - 2 * margin, top, pitch, "left" if self.rtl else "right")
        page.node = None

    def lead(self, s: Setter, look: Look, width: float):
        """The summary set at the lead's size, on a measure narrowed until no line holds more than
        lead_characters characters (a line much longer is hard to follow); (paragraph, measure)."""
        spans = s.spans(self.kit.content.summary, self.style(look.lead_size))
        most = int(look.lead_characters)
        for _ in range(NARROWINGS):
            para = s.set(spans, width, look.lead_leading)
            longest = max((len(line.text.strip()) for line in para.lines), default=0)
            if longest <= most:
                break
            width *= (most - 1) / longest
        return para, width

    # --- the body ----------------------------------------------------------------------------

    def blocks(self, s: Setter, look: Look, width: float, faq_count: int) -> list[Block]:
        kit, content = self.kit, self.kit.content
        body = self.style(look.body_size)
        gap = look.paragraph_space
        out: list[Block] = []
        bullet = s.line("•", self.style(look.body_size, "secondary", bold=True))
        indent = look.bullet_indent

        root = self.root

        def heading(text, size=look.heading_size, color="primary", markup=True):
            spans = s.spans(text, self.style(size, color, bold=True), markup)
            return s.para(spans, width, space_before=look.heading_space, space_after=gap * look.heading_after,
                          keep_with_next=True, leading=look.heading_leading, min_lines=1, node=root.add("H2"))

        def points(items, path):
            listed = root.add("L") if items else None
            for item in items:
                li = listed.add("LI")
                out.append(s.para(s.point_spans(item, body, self.c["primary"]), width, indent=indent,
                                  bullet=bullet, bullet_inset=look.bullet_inset, space_after=gap * look.point_after,
                                  label=li.add("Lbl"), node=li.add("LBody")))

        def keep(start: int) -> None:
            """The heading at out[start] keeps two of its items in its column; a section's last point
            does not go to the next column alone: the point before it goes along."""
            items = out[start + 1:]
            out[start].keep_items = min(2, sum(1 for b in items if not b.keep_with_next))
            if len(items) >= KEEP_POINTS and all(isinstance(b, Para) and b.bullet is not None for b in items[-2:]) \
                    and len(items[-2].para.lines) <= KEEP_LINES:
                items[-2].keep_with_next = True

        for i, section in enumerate(content.sections):
            if section.show is not None and "factsheet" not in section.show:
                continue
            start = len(out)
            out.append(heading(section.title))
            texts = paragraphs(section.text)
            for k, text in enumerate(texts):
                lead_in = k == len(texts) - 1 and bool(section.points)
                out.append(s.para(s.spans(text, body), width, space_after=gap, keep_with_next=lead_in,
                                  node=root.add("P")))
            points(section.points, ("sections", i, "points"))
            if section.image:
                out.append(self.image(kit.asset(section.image.file), width, look))
                out[-1].node = root.add("Figure", alt=plain(section.image.alt, kit.language))
            table = content.table(section.table) if section.table else None
            if table:
                out.append(self.table(s, look, table, width))
            keep(start)
        if content.faq and not faq_count and self.faq_pointer(len(content.faq)):
            # one line under a heading of its own would stand alone: the heading leads the line instead
            label = typography(f"{kit.say('faq')}: ", kit.language.split("-")[0])
            label = s.spans(label, self.style(look.body_size, "primary", bold=True), markup=False)
            out.append(s.para(label + s.spans(self.faq_pointer(len(content.faq)), self.style(
                look.body_size, "secondary", italic=True), markup=False), width, space_before=look.heading_space,
                node=root.add("P")))
        if content.faq and faq_count:
            start = len(out)
            out.append(heading(kit.say("faq"), markup=False))
            for item in content.faq[:faq_count]:
                q = s.para(s.spans(item.question, self.style(look.body_size, "primary", bold=True)), width,
                           space_before=gap * look.question_before, space_after=gap * look.question_after,
                           keep_with_next=True, min_lines=1,
                           node=root.add("H3"))
                answers = [s.para(s.spans(a, body), width, space_after=gap, node=root.add("P"))
                           for a in paragraphs(item.answer)]
                out.append(q)
                out += answers
                points(item.points, ())
            if faq_count < len(content.faq):
                out.append(s.para(s.spans(self.more_faq(len(content.faq) - faq_count), self.style(look.body_size,
                                  "secondary", italic=True), markup=False), width, space_before=gap,
                                  node=root.add("P")))
            keep(start)
        if content.sources:
            small = self.style(look.small_size, "muted")
            out.append(Space(size=look.heading_space))
            start = len(out)
            out.append(heading(kit.say("sources"), look.small_size + look.sources_heading_step, "muted", markup=False))
            for src in content.sources:
                spans = s.spans(src.title, small)
                if src.url:
                    spans += [Span(" ", small), Span(src.url, Style(small.size, self.c["secondary"]), _link(src.url))]
                out.append(s.para(spans, width, space_after=look.source_after, min_lines=1, leading=look.source_leading,
                                  node=root.add("P")))
            out[start].keep_items = min(2, len(content.sources))
        return out

    def faq_pointer(self, count: int) -> str:
        """Where the FAQ is when none of it fits here ('' when there is nowhere to point to)."""
        org = self.kit.content.organization
        deck, website = "deck" in self.kit.build.outputs, org.website if org and org.website else None
        return self.kit.say("faq_elsewhere", count=count, deck=deck, website=website) if deck or website else ""

    def more_faq(self, rest: int) -> str:
        org = self.kit.content.organization
        outputs = self.kit.build.outputs
        return self.kit.say("faq_more", count=rest, deck="deck" in outputs,
                            website=org.website if org and org.website else None)

    def image(self, path, width: float, look: Look) -> Image:
        w, h = image_size(path)
        iw = width
        ih = iw * h / w
        max_h = look.image_max_height * MM
        if ih > max_h:
            ih, iw = max_h, max_h * w / h
        return Image(space_before=look.image_before, space_after=look.image_after, path=path, w=iw, h=ih,
                     frame=self.c["rule"], frame_width=look.image_frame)

    def table(self, s: Setter, look: Look, table, width: float) -> Table:
        cell = self.style(look.body_size)
        head = self.style(look.body_size, "on_primary", bold=True)
        pad = look.cell_pad
        header_spans = [s.spans(c, head) for c in table.columns]
        rows = [[s.spans(c, cell) for c in row] for row in table.rows]
        widths = table_widths(s, header_spans, rows, width, pad)
        cells = lambda spans_row: [Cell(s.set(sp, w - 2 * pad, look.cell_leading))  # noqa: E731
                                   for sp, w in zip(spans_row, widths)]
        caption_style = self.style(look.body_size, "secondary", bold=True)
        node = self.root.add("Table")
        caption = s.para(s.spans(table.title, caption_style), width, space_after=look.caption_after, min_lines=1,
                         node=node.add("Caption"))
        continued = s.para(s.spans(self.kit.say("table_continued", title=plain(table.title, self.kit.language)),
                                   caption_style, markup=False), width, space_after=look.caption_after, min_lines=1)
        return Table(space_before=look.table_before, space_after=look.table_after, widths=widths,
                     header=cells(header_spans), rows=[cells(r) for r in rows], caption=caption, continued=continued,
                     pad=(pad, pad * look.cell_pad_y), node=node, rule_width=look.table_rule,
                     colors={"header": self.c["secondary"], "band": self.c["light"], "rule": self.c["rule"]})

    # --- one attempt at the whole sheet ------------------------------------------------------

    def attempt(self, faq_count: int, tight: bool, scale: float = 1.0, balance: bool = False) -> tuple[Document, list]:
        """The whole sheet with these settings; with balance, the last page's columns made even (which
        never changes the page count, so the fitting below decides without it)."""
        kit = self.kit
        look = Look(self.t, tight, self.rtl, scale)
        s = Setter(kit, look.leading)
        margin, gap = look.margin * MM, look.column_gap * MM
        col_w = (self.page_w - 2 * margin - gap) / 2
        first = Page(self.page_w, self.page_h)
        self.root = Node("Document")
        top = self.header(first, s, look) + look.block_gap * MM
        top = self.event_box(first, s, look, top) + look.block_gap * MM
        lead, lead_w = self.lead(s, look, self.page_w - 2 * margin)
        lead_x = self.page_w - margin - lead_w if self.rtl else margin
        with first.tagged(self.root.add("P")):
            for k, line in enumerate(lead.lines):
                draw_line(first, line, lead_x, lead_w, top + k * lead.pitch, lead.pitch, "right" if self.rtl else "left")
        body_top = top + lead.height + look.block_gap * MM
        footer = self.footer_lines(s, look, self.page_w - 2 * margin - look.page_number_room * MM)
        bottom = self.page_h - margin - max(1, len(footer)) * look.small_size * look.footer_leading \
            - look.footer_gap * MM

        def frames(page: int) -> list[Frame]:
            y = body_top if page == 0 else margin
            cols = [Frame(margin, y, col_w, bottom - y), Frame(margin + col_w + gap, y, col_w, bottom - y)]
            return cols[::-1] if self.rtl else cols

        key = (faq_count, tight, scale)
        if key not in self._blocks:   # the last attempt's blocks only: a balanced attempt repeats the chosen one
            root, self.root = self.root, Node("Document")     # the body's elements, kept with its blocks
            self._blocks = {key: (self.blocks(s, look, col_w, faq_count), self.root)}
            self.root = root
        blocks, body = self._blocks[key]
        body.forget_drawing()
        self.root.kids += body.kids
        columns = (balanced if balance else pour)(blocks, frames)
        pages = [first] + [Page(self.page_w, self.page_h) for _ in range(max(c.page for c in columns) if columns else 0)]
        for col in columns:
            for placed in col.placed:
                placed.block.draw(pages[col.page], col.frame.x, col.frame.y + placed.top, col.frame.w, self.rtl)
        for number, page in enumerate(pages):
            used = [c for c in columns if c.page == number]
            if len(used) == 2:  # the column rule runs as far as the text does
                x = margin + col_w + gap / 2
                y0 = used[0].frame.y
                page.add(Rule(x, y0, x, y0 + max(c.used for c in used), self.c["rule"], look.column_rule))
            self.footer(page, s, look, footer, number + 1, len(pages))
        org = kit.content.organization
        doc = Document(pages, plain(kit.content.title, kit.language), plain(org.name) if org else "",
                       plain(kit.content.subtitle or kit.content.title, kit.language), kit.language,
                       {"columns": [(c.page, round(c.fill, FACT_DIGITS)) for c in columns], "faq": faq_count,
                        "tight": tight,
                        "scale": scale}, structure=self.root)
        return doc, columns


def _link(url: str) -> str | None:
    from ..links import safe

    return safe(url)


def plan(kit, notes: Notes, qp=None) -> list:
    """factsheet.pdf, planned."""
    from ..plans import Planned

    return [Planned("factsheet.pdf", "factsheet", document(kit, notes), "pdf")]


def document(kit, notes: Notes) -> Document:
    """The fact sheet as pages (see sheetfit.fitted), its last page's columns balanced, with a warning
    when the FAQ found no room at all."""
    from .sheetfit import faq_left_out, fitted

    sheet = Sheet(kit, notes)
    chosen = fitted(kit, notes, sheet).facts
    doc, _ = sheet.attempt(chosen["faq"], chosen["tight"], chosen["scale"], balance=True)
    return faq_left_out(kit, notes, doc)
