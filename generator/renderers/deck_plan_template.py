"""Deck planning of the slides that an organisation's template shapes: the title slide, section
dividers, the quiz's intro, the closing slide and the footer, set in the template's own title,
subtitle, body and footer boxes (a mixin of deck_plan.Planner; pure, no python-pptx)."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..text import Run, plain, runs
from .deck_fit import box_height, fit_title, sizes_between
from .deck_model import INSET, PT, Box, Para, Picture, Slide


class TemplateSlides:
    """Expects the Planner's kit, f (Frame), c, m, mh, s, g, grid(), add(), say(), band_title()."""

    def fit_paras(self, make: Callable[[float], list[Para]], high: float, low: float, width: float,
                  height: float) -> list[Para]:
        """make(size) at the largest size from high to low whose box fits width x height (inches)."""
        for size in sizes_between(high, low):
            paras = make(size)
            if box_height(paras, self.s, width) <= height:
                return paras
        return make(low)

    def heading(self, title_runs, place, width: float, height: float, high: float, low: float,
                lines: int) -> Para:
        size = fit_title(title_runs, None, self.mh, width, height, high, low, max_lines=lines,
                         bold=place.title_bold, upper=place.title_caps)
        return Para(title_runs, size, place.title_color, bold=place.title_bold, align=place.title_align,
                    font="heading", caps=place.title_caps)

    def t_title_slide(self) -> None:
        kit, c, content = self.kit, self.c, self.kit.content
        place = self.f.place("title")
        t = place.title
        title_runs = runs(content.title)
        high = min(max(place.title_size, 36.0), 54.0)
        title = Box(t.x, t.y, t.w, t.h, (self.heading(title_runs, place, t.w, t.h, high, 24, 3),), name="Title",
                    anchor=place.title_anchor)
        org, event = content.organization, self.event_line()
        items = []
        if content.subtitle:
            items.append(("subtitle", runs(content.subtitle)))
        if content.date:
            items.append(("date", runs(content.date)))
        if event:
            items.append(("event", runs(event)))
        if org:
            items.append(("org", runs(org.name)))

        def details(chosen):
            def make(size):
                paras = []
                for role, r in chosen:
                    small = size if role == "subtitle" else round(size * 0.8, 1)
                    colour = {"date": c.secondary, "org": c.muted}.get(role, c.text)
                    gap = 0 if not paras else (0.5 * size if paras and role == "date" else 4)
                    paras.append(Para(r, small, colour, bold=role == "date", space_before=gap,
                                      align=place.body_align))
                return paras
            return make

        sub = place.subtitle or place.body
        subtitle = None
        if sub is not None and items:
            while items:  # the least important details give way before the text gets smaller than 16 pt
                low = 12 if len(items) == 1 else 16
                paras = self.fit_paras(details(items), 24, low, sub.w, sub.h)
                if box_height(paras, self.s, sub.w) <= sub.h or len(items) == 1:
                    break
                items.pop()
            subtitle = Box(sub.x, sub.y, sub.w, sub.h, tuple(paras), name="Subtitle", placeholder="subtitle")
        notes = kit.theme.note("title", summary=plain(content.summary), event=kit.event_context(),
                               event_line=event or "", title=plain(content.title))
        self.add(Slide("title", plain(content.title), title, notes, subtitle=subtitle))

    def t_section(self, kind: str, title: str, title_runs, body_at: Callable[[float], list[Para]], high: float,
                  notes: str) -> Slide:
        """A slide on the section layout: the title in its title box, body_at(size) in its body box."""
        role = self.f.role(kind)
        place = self.f.place(role)
        t = place.title
        para = self.heading(title_runs, place, t.w, t.h, min(max(place.title_size, 28.0), 44.0), 24, 3)
        boxes = []
        b = place.body
        if b is not None:
            paras = [replace(p, align=place.body_align) for p in self.fit_paras(body_at, high, 12, b.w, b.h)]
            boxes.append(Box(b.x, b.y, b.w, b.h, tuple(paras), name="Body",
                             placeholder="body" if place.body_placeholder else None))
        return Slide(kind, title, Box(t.x, t.y, t.w, t.h, (para,), name="Title", anchor=place.title_anchor),
                     notes, boxes)

    def t_closing(self) -> None:
        kit, c, content = self.kit, self.c, self.kit.content
        role = self.f.role("closing")
        g = self.grid(role)
        org = content.organization
        website = org.website if org and org.website else None
        qr = min(2.6, g.body_h - 0.3, g.body_w * 0.3) if website else 0.0
        text_w = g.body_w - (qr + 0.5 if website else 0)
        title = self.say("closing_title")
        ctx = kit.event_context()

        def boxes_at(f: float):
            boxes, y = [], g.body_top
            if website:
                more = Para((Run(self.say("closing_more")),), round(20 * f, 1), c.secondary, bold=True)
                h = box_height([more], self.s, text_w)
                boxes.append(Box(g.mx, y, text_w, h, (more,), name="Find out more"))
                y += h + 0.05
                inset = (0.2, 0.08, 0.2, 0.08)
                size = next((s for s in sizes_between(24 * f, 12) if self.m.width(website, s) / PT + inset[0]
                             + inset[2] + 0.2 <= text_w), 12)
                link = Para((Run(website, href=website),), size, c.link, link_color=c.link)
                w = min(text_w, self.m.width(website, size) / PT + inset[0] + inset[2] + 0.2)
                h = box_height([link], self.s, w, inset)
                boxes.append(Box(g.mx, y, w, h, (link,), name="Website", fill=c.light, rounded=True,
                                 anchor="middle", inset=inset))
                y += h + 0.3 * f
            paras = []
            if ctx:
                paras.append(Para(runs(ctx["name"]), round(22 * f, 1), c.text, bold=True))
                when = " · ".join(x for x in (ctx["date"], ctx["time"]) if x)
                for line in (when, ctx["place"]):
                    if line:
                        paras.append(Para(runs(line), round(20 * f, 1), c.text, space_before=4))
            if org and org.contact:
                paras.append(Para(runs(self.say("contact", contact=org.contact)), round(18 * f, 1), c.muted,
                                  space_before=16 * f if paras else 0))
            if paras:
                h = box_height(paras, self.s, text_w)
                boxes.append(Box(g.mx, y, text_w, h, tuple(paras), name="Details"))
                y += h
            return boxes, y - g.body_top

        for f in (1.0, 0.9, 0.8, 0.7, 0.6, 0.5):
            boxes, used = boxes_at(f)
            if used <= g.body_h:
                break
        pictures = []
        if website:
            pictures.append(Picture(g.body.right - qr - 0.15, g.body_top + (g.body_h - qr) / 2, qr, qr,
                                    _qr(website), self.say("qr_alt", url=website), name="QR code", card="#FFFFFF"))
        notes = kit.theme.note("closing", website=website or "", event=ctx, event_line=self.event_line() or "")
        self.add(Slide("closing", title, self.band_title(title, "closing"), notes, boxes, pictures))

    def t_footer(self, text: str) -> tuple[str, float]:
        """The footer text and size for the narrowest footer placeholder of the layouts used."""
        rects = [self.f.place(s.layout).footer for s in self.slides]
        rects = [r for r in rects if r is not None]
        if not rects:
            return text, 12.0
        width = min(r.w for r in rects) - INSET[0] - INSET[2]
        height = min(r.h for r in rects) - INSET[1] - INSET[3]
        for candidate in (text, plain(self.kit.content.title)):
            for size in sizes_between(12, 8):
                if self.m.width(candidate, size) <= width * PT and self.m.line(size) <= height * PT:
                    return candidate, size
        return "", 10.0


def _qr(url: str) -> bytes:
    from .deck_plan import _qr_png

    return _qr_png(url)
