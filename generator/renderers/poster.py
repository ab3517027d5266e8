"""The event poster: one A3 page (Tabloid with Letter paper) for a notice board, an entrance or a
stand, readable across a room: the day and its date, the event's name, date, time and place, one
key sentence (the content's poster.line, or the summary's first sentence) at 28 pt or more, the
organisation's logo and a QR code big enough to scan from two metres."""
from __future__ import annotations

from ..layout.blocks import draw_line
from ..layout.setting import Setter
from ..notes import Notes
from ..page import QR, QUIET, Document, Node, Page, Picture, Rect, image_size, qr_matrix
from ..text import first_sentence, paragraphs, plain
from ..typeset.lines import Style
from .printlook import MM, Look

POSTER = {"A4": (841.89, 1190.55), "Letter": (792.0, 1224.0)}   # A3 and Tabloid, in points
MOST_LINES = 3     # a title on more lines gives up size down to poster.title_min_size


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
        least, most = look.key_min_size, look.key_size
        sentence, _ = self.sentence()
        self.clear = (look.clear_squeezed if level else look.clear) * MM     # clear of the band and the QR code
        room = top - self.clear - (band + look.accent_rule * MM + self.clear)
        blocks = self.event_blocks(s, look, width, (look.event_after_squeezed if level else look.event_after) * MM,
                                   look.event_squeeze if level == 2 else 1.0)
        if not sentence:
            return blocks
        fixed = sum(p.height + gap for p, gap in blocks)
        size = most
        while size >= least:
            para = s.set(s.spans(sentence, self.style(size, "text")), width,
                         look.key_leading_squeezed if level else look.key_leading)
            if fixed + para.height <= room:
                self.facts = {"key_size": size, "key_lines": len(para.lines), "squeezed": level > 0, "level": level}
                return blocks + [(para, 0.0)]
            size -= look.size_step
        return None

    def event_blocks(self, s: Setter, look, width: float, after: float, scale: float = 1.0) -> list:
        """The event: "Join us", its name, when and where, with after below the last."""
        kit = self.kit
        event = kit.event_context()
        blocks: list[tuple[object, float]] = []
        if not event:
            return blocks
        join = self.style(look.event_size * look.join_share, "secondary", True)
        blocks.append((s.set(s.spans(kit.say("poster_join"), join, markup=False), width, look.join_leading),
                       look.join_after * MM))
        blocks.append((s.set(s.spans(event["name"], self.style(look.event_title_size * scale, "primary", True)),
                             width, look.event_title_leading), look.event_title_after * MM))
        when = kit.say("event_when", event=event)
        if when:
            blocks.append((s.set(s.spans(when, self.style(look.event_size * scale, bold=True), markup=False), width,
                                 look.event_leading), 0.0))
        if event["place"]:
            blocks.append((s.set(s.spans(event["place"], self.style(look.event_size * scale)), width,
                                 look.event_leading), 0.0))
        blocks[-1] = (blocks[-1][0], after)
        return blocks

    def band(self, s: Setter, look, width: float, least_title: float) -> tuple[list, float]:
        """The top band's parts as (set paragraph, space before, space after) and its height: the day's
        date, the title (giving up size, down to least_title, to keep to two lines; title_min_size for four),
        the subtitle. The band grows with what it carries."""
        content = self.kit.content
        date = s.set(s.spans(content.date, self.style(look.date_size, "accent", True)), width,
                      look.date_leading) \
            if content.date else None
        size = look.title_size
        title = s.set(s.spans(content.title, self.style(size, "on_primary", True)), width, look.leading)
        while size > least_title and len(title.lines) > 2 or \
                size > look.title_min_size and len(title.lines) > MOST_LINES:
            size -= look.size_step
            title = s.set(s.spans(content.title, self.style(size, "on_primary", True)), width, look.leading)
        sub = s.set(s.spans(content.subtitle, self.style(look.lead_size, "on_primary")), width,
                     look.subtitle_leading) \
            if content.subtitle else None
        parts = [(p, before, after) for p, before, after in ((date, 0.0, look.date_after * MM), (title, 0.0, 0.0),
                                                            (sub, look.subtitle_before * MM, 0.0)) if p is not None]
        needed = look.margin * MM + look.band_pad * MM + sum(p.height + b + a for p, b, a in parts) \
            + look.band_pad_bottom * MM
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
        qr_size = max(len(qr) * look.qr_module * MM, look.qr_min_size * MM) if qr else 0.0
        bottom_h = max(qr_size + look.qr_room * MM,
                       look.logo_height * MM + look.logo_room * MM if org and org.logo else 0.0)

        # the band and the middle: the largest key sentence that fits, closing gaps (level 1), then
        # setting the title and the event a little smaller (level 2), before it is left out
        top = self.h - margin - bottom_h
        for level in (0, 1, 2):
            parts, band = self.band(s, look, width, look.title_min_size if level == 2 else look.title_fit_size)
            blocks = self.middle(s, look, width, band, top, level)
            if blocks is not None:
                break
        else:
            parts, band = self.band(s, look, width, look.title_fit_size)
            self.clear, blocks = look.clear * MM, self.event_blocks(s, look, width, look.event_after * MM)
            where = self.sentence()[1]
            least = look.key_min_size
            self.notes.warn(where, f"the poster's sentence does not fit at {least:g} pt, the least size read from "
                            "two metres; shorten it" + ("" if where[0] == "poster" else
                                                        ", or write a shorter one as poster: {line: ...}"))
        page.add(Rect(0, 0, self.w, band, fill=self.c["primary"]))
        page.add(Rect(0, band, self.w, look.accent_rule * MM, fill=self.c["accent"]))
        y = margin + look.band_pad * MM
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
        middle_top = band + look.accent_rule * MM + self.clear
        room = top - self.clear - middle_top
        y = middle_top + max(0.0, (room - used) * look.middle_above)   # a little above the centre
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
            quiet = QUIET * qr_size / len(qr)            # the matrix carries its quiet zone
            qx = margin if self.rtl else self.w - margin - qr_size
            card, beside = look.qr_card_pad * MM, look.qr_margin * MM
            page.add(Rect(qx - card, top - card, qr_size + 2 * card, qr_size + 2 * card, fill=self.c["badge"]))
            page.add(QR(qx, top, qr_size, qr, "#000000", website), root.add("Figure", alt=kit.say("qr_alt", url=website)))
            cap = s.set(s.spans(kit.say("poster_scan"), self.style(look.small_size, "muted", True), markup=False),
                        qr_size + 2 * beside, look.qr_caption_leading)
            cy = top + qr_size - quiet + look.qr_caption_gap * MM
            with page.tagged(root.add("P")):
                for line in cap.lines:
                    draw_line(page, line, qx - beside, qr_size + 2 * beside, cy, cap.pitch, "center")
                    cy += cap.pitch
        text_w = width - qr_size - look.org_gap * MM
        tx = self.w - margin - text_w if self.rtl else margin
        ty = top + look.org_top * MM
        if org and org.logo:
            logo = kit.asset(org.logo)
            lw, lh = image_size(logo)
            h = look.logo_height * MM
            w = min(h * lw / lh, text_w * look.logo_max_share)
            h = w * lh / lw
            lx = tx + text_w - w if self.rtl else tx
            pad = look.logo_pad * MM
            page.add(Rect(lx - pad, ty - pad, w + 2 * pad, h + 2 * pad, fill=self.c["badge"], stroke=self.c["rule"],
                          width=look.logo_rule, radius=look.card_radius))
            page.add(Picture(lx, ty, w, h, logo), root.add("Figure", alt=kit.say("logo_alt", name=plain(org.name))))
            ty += h + look.logo_after * MM
        if org:
            ty = self.block(page, s, org.name, self.style(look.org_size, "primary", True), tx, ty, text_w,
                            look.org_leading)
        if website:
            self.block(page, s, website, self.style(look.web_size, "secondary"), tx, ty + look.web_gap * MM, text_w,
                       look.web_leading, markup=False)
        page.add(Rect(0, self.h - look.foot_rule * MM, self.w, look.foot_rule * MM, fill=self.c["accent"]))
        return page


def plan(kit, notes: Notes, qp=None) -> list:
    """poster.pdf, planned."""
    from ..plans import Planned

    poster = Poster(kit, notes)
    org = kit.content.organization
    doc = Document([poster.page()], plain(kit.content.title, kit.language), plain(org.name) if org else "",
                   plain(kit.content.title, kit.language), kit.language, poster.facts, structure=poster.root)
    return [Planned("poster.pdf", "poster", doc, "pdf")]
