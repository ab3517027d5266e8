"""The event poster: one A3 page (Tabloid with Letter paper) for a notice board, an entrance or a
stand, readable across a room: the day and its date, the event's name, date, time and place, one
key sentence (the content's poster.line, or the summary's first sentence) at 28 pt or more, the
organisation's logo and a QR code big enough to scan from two metres."""
from __future__ import annotations

from ..layout.blocks import draw_line
from ..layout.setting import Setter
from ..notes import Notes
from ..page import QR, Document, Node, Page, Picture, Rect, image_size, qr_matrix
from ..text import first_sentence, paragraphs, plain
from ..typeset.lines import Style
from .printlook import MM, Look

POSTER = {"A4": (841.89, 1190.55), "Letter": (792.0, 1224.0)}   # A3 and Tabloid, in points


def key_sentence(summary: str) -> str:
    """The summary's first sentence: the one thing a passer-by should read."""
    return first_sentence(paragraphs(summary)[0]) if summary.strip() else ""


class Poster:
    def __init__(self, kit, notes: Notes):
        self.kit, self.notes = kit, notes
        self.c = kit.theme.colors()
        self.t = kit.theme.section("poster")
        self.w, self.h = POSTER[kit.build.paper]
        self.rtl = kit.rtl
        self.scale = self.h / POSTER["A4"][1]
        self.facts: dict = {"key_size": None}   # the key sentence's size, lines and whether gaps closed for it

    def style(self, size, color="text", bold=False) -> Style:
        return Style(size, self.c.get(color, color), bold)

    def block(self, page, s: Setter, text: str, style: Style, x, y, width, leading, markup=True) -> float:
        para = s.set(s.spans(text, style, markup), width, leading)
        with page.tagged(self.root.add("P")):
            for line in para.lines:
                draw_line(page, line, x, width, y, para.pitch, "right" if self.rtl else "left")
                y += para.pitch
        return y

    def sentence(self) -> tuple[str, tuple]:
        """The poster's one sentence and where it was written: poster.line, else the summary's first."""
        content = self.kit.content
        if content.poster and content.poster.line:
            return content.poster.line, ("poster", "line")
        return key_sentence(content.summary), ("summary",)

    def middle(self, s: Setter, look, width: float, band: float, top: float, level: int) -> list | None:
        """The event and the key sentence as (set paragraph, space after), in the room between the band
        and the bottom band, or None when the sentence does not fit at this level. The sentence takes
        the largest size that fits, never below the poster's least size (28 pt, read from two metres).
        Level 1 closes the gaps around it; level 2 also sets the event a little smaller."""
        least, most = float(self.t.get("key_min_size", 28)), float(self.t.get("key_size", 44))
        sentence, _ = self.sentence()
        self.clear = (5 if level else 10) * MM     # kept clear of the band and of the QR code
        room = top - self.clear - (band + 3 * MM + self.clear)
        blocks = self.event_blocks(s, look, width, (5 if level else 12) * MM, 0.85 if level == 2 else 1.0)
        if not sentence:
            return blocks
        fixed = sum(p.height + gap for p, gap in blocks)
        size = most
        while size >= least:
            para = s.set(s.spans(sentence, self.style(size, "text")), width, 1.2 if level else 1.3)
            if fixed + para.height <= room:
                self.facts = {"key_size": size, "key_lines": len(para.lines), "squeezed": level > 0, "level": level}
                return blocks + [(para, 0.0)]
            size -= 2
        return None

    def event_blocks(self, s: Setter, look, width: float, after: float, scale: float = 1.0) -> list:
        """The event: "Join us", its name, when and where, with after below the last."""
        kit = self.kit
        event = kit.event_context()
        blocks: list[tuple[object, float]] = []
        if not event:
            return blocks
        blocks.append((s.set(s.spans(kit.say("poster_join"), self.style(look.event_size * 0.8, "secondary", True),
                                     markup=False), width, 1.2), 2 * MM))
        blocks.append((s.set(s.spans(event["name"], self.style(look.event_title_size * scale, "primary", True)),
                             width, 1.15), 4 * MM))
        when = kit.say("event_when", event=event)
        if when:
            blocks.append((s.set(s.spans(when, self.style(look.event_size * scale, bold=True), markup=False), width,
                                 1.25), 0.0))
        if event["place"]:
            blocks.append((s.set(s.spans(event["place"], self.style(look.event_size * scale)), width, 1.25), 0.0))
        blocks[-1] = (blocks[-1][0], after)
        return blocks

    def band(self, s: Setter, look, width: float, least_title: float) -> tuple[list, float]:
        """The top band's parts as (set paragraph, space before, space after) and its height: the day's
        date, the title (giving up size, down to least_title, to keep to two lines; 52 pt for four),
        the subtitle. The band grows with what it carries."""
        content = self.kit.content
        date = s.set(s.spans(content.date, self.style(look.date_size, "accent", True)), width, 1.2) \
            if content.date else None
        size = look.title_size
        title = s.set(s.spans(content.title, self.style(size, "on_primary", True)), width, look.leading)
        while size > least_title and len(title.lines) > 2 or size > 52 and len(title.lines) > 3:
            size -= 2
            title = s.set(s.spans(content.title, self.style(size, "on_primary", True)), width, look.leading)
        sub = s.set(s.spans(content.subtitle, self.style(look.lead_size, "on_primary")), width, 1.25) \
            if content.subtitle else None
        parts = [(p, before, after) for p, before, after in ((date, 0.0, 4 * MM), (title, 0.0, 0.0),
                                                            (sub, 3 * MM, 0.0)) if p is not None]
        needed = look.margin * MM + 6 * MM + sum(p.height + b + a for p, b, a in parts) + 10 * MM
        return parts, max(look.band_height * MM * self.scale, needed)

    def page(self) -> Page:
        kit, content = self.kit, self.kit.content
        look = Look(self.t, False, self.rtl)
        s = Setter(kit, look.leading)
        page = Page(self.w, self.h)
        root = self.root = Node("Document")
        margin = look.margin * MM
        width = self.w - 2 * margin
        org = content.organization
        website = org.website if org and org.website else None

        # the bottom band: QR code and logo, measured first so the rest knows its room
        qr = qr_matrix(website, "l") if website else None
        qr_size = max(len(qr) * look.qr_module * MM, 70 * MM) if qr else 0.0
        bottom_h = max(qr_size + 16 * MM, look.logo_height * MM + 10 * MM if org and org.logo else 0.0)

        # the band and the middle: the largest key sentence that fits, closing gaps (level 1), then
        # setting the title and the event a little smaller (level 2), before it is left out
        top = self.h - margin - bottom_h
        for level in (0, 1, 2):
            parts, band = self.band(s, look, width, 52 if level == 2 else 60)
            blocks = self.middle(s, look, width, band, top, level)
            if blocks is not None:
                break
        else:
            parts, band = self.band(s, look, width, 60)
            self.clear, blocks = 10 * MM, self.event_blocks(s, look, width, 12 * MM)
            where = self.sentence()[1]
            least = float(self.t.get("key_min_size", 28))
            self.notes.warn(where, f"the poster's sentence does not fit at {least:g} pt, the least size read from "
                            "two metres; shorten it" + ("" if where[0] == "poster" else
                                                        ", or write a shorter one as poster: {line: ...}"))
        page.add(Rect(0, 0, self.w, band, fill=self.c["primary"]))
        page.add(Rect(0, band, self.w, 3 * MM, fill=self.c["accent"]))
        y = margin + 6 * MM
        align = "right" if self.rtl else "left"
        title_at = 1 if content.date else 0      # the band: the date, the title (H1), the subtitle
        for k, (para, before, after) in enumerate(parts):
            y += before
            with page.tagged(root.add("H1" if k == title_at else "P")):
                for line in para.lines:
                    draw_line(page, line, margin, width, y, para.pitch, align)
                    y += para.pitch
            y += after

        # the middle, set above and now centred in the room it has
        used = sum(p.height + gap for p, gap in blocks) - (blocks[-1][1] if blocks else 0.0)
        middle_top = band + 3 * MM + self.clear
        room = top - self.clear - middle_top
        y = middle_top + max(0.0, (room - used) / 3)   # a little above the centre, as the eye expects
        # the event is a section with its name the heading; the key sentence follows it
        events = len(self.event_blocks(s, look, width, 0.0))
        section = root.add("Sect") if events else root
        for k, (para, gap) in enumerate(blocks):
            with page.tagged(section.add("H2" if k == 1 else "P") if k < events else root.add("P")):
                for line in para.lines:
                    draw_line(page, line, margin, width, y, para.pitch, align)
                    y += para.pitch
            y += gap

        # the bottom: the organisation (logo, name, web address) beside a QR code with its caption under it
        if qr:
            quiet = 4 * qr_size / len(qr)            # the matrix carries a four-module quiet zone
            qx = margin if self.rtl else self.w - margin - qr_size
            page.add(Rect(qx - 2 * MM, top - 2 * MM, qr_size + 4 * MM, qr_size + 4 * MM, fill=self.c["badge"]))
            page.add(QR(qx, top, qr_size, qr, "#000000", website), root.add("Figure", alt=kit.say("qr_alt", url=website)))
            cap = s.set(s.spans(kit.say("poster_scan"), self.style(look.small_size, "muted", True), markup=False),
                        qr_size + 20 * MM, 1.2)
            cy = top + qr_size - quiet + 2 * MM
            with page.tagged(root.add("P")):
                for line in cap.lines:
                    draw_line(page, line, qx - 10 * MM, qr_size + 20 * MM, cy, cap.pitch, "center")
                    cy += cap.pitch
        text_w = width - qr_size - 12 * MM
        tx = self.w - margin - text_w if self.rtl else margin
        ty = top + 4 * MM
        if org and org.logo:
            logo = kit.asset(org.logo)
            lw, lh = image_size(logo)
            h = look.logo_height * MM
            w = min(h * lw / lh, text_w * 0.6)
            h = w * lh / lw
            lx = tx + text_w - w if self.rtl else tx
            page.add(Rect(lx - 2 * MM, ty - 2 * MM, w + 4 * MM, h + 4 * MM, fill=self.c["badge"], stroke=self.c["rule"],
                          width=0.5, radius=3))
            page.add(Picture(lx, ty, w, h, logo), root.add("Figure", alt=kit.say("logo_alt", name=plain(org.name))))
            ty += h + 6 * MM
        if org:
            ty = self.block(page, s, org.name, self.style(look.org_size, "primary", True), tx, ty, text_w, 1.2)
        if website:
            self.block(page, s, website, self.style(look.web_size, "secondary"), tx, ty + 1 * MM, text_w, 1.2,
                       markup=False)
        page.add(Rect(0, self.h - 4 * MM, self.w, 4 * MM, fill=self.c["accent"]))
        return page


def plan(kit, notes: Notes, qp=None) -> list:
    """poster.pdf, planned."""
    from ..plans import Planned

    poster = Poster(kit, notes)
    org = kit.content.organization
    doc = Document([poster.page()], plain(kit.content.title, kit.language), plain(org.name) if org else "",
                   plain(kit.content.title, kit.language), kit.language, poster.facts, structure=poster.root)
    return [Planned("poster.pdf", "poster", doc, "pdf")]
