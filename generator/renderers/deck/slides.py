"""Planning each kind of slide in a Design: every text measured, sizes chosen, boxes placed. The same
code serves the built-in design and an organisation's template, which differ only in their Places."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ...text import Run, plain, point, runs
from .color import readable
from .design import Design, furnish
from .fit import EPS, balanced, even, fit_line, fit_title, largest, sizes_between
from .model import PT, Box, Para, Picture, Place, Slide


CONTENT_KINDS = ("agenda", "content", "faq", "table", "question", "reveal")   # titles in one size, or two
EVEN_SPLIT_MOST = 60   # the even split's search is for a slide's few blocks; longer lists are balanced (its time)


class Planner:
    """Plans slides of one kit in one design, in talk or full style."""

    def __init__(self, kit, design: Design, notes, style: str):
        self.kit, self.d, self.notes, self.style = kit, design, notes, style
        self.t = kit.theme.section("deck")
        self.c = design.colors
        self.m = design.measure(kit, kit.rtl)
        self.language = kit.language
        self.slides: list[Slide] = []
        talk = style == "talk"
        # a slide smaller than the built-in 13.33 x 7.5 in fills the same screen, so its text reads larger:
        # the talk sizes scale with it (a 4:3 slide as tall as the built-in one keeps them)
        slide_w, slide_h = (float(v) for v in self.t["slide"])
        self.scale = min(1.0, max(design.width / slide_w, design.height / slide_h))
        self.body_size = round(float(self.t["body_size"] if talk else self.t["full_body_size"]) * self.scale)
        self.min_body = round(float(self.t["min_body_size"] if talk else self.t["full_min_body_size"]) * self.scale)

    # --- text ----------------------------------------------------------------------------------

    def runs(self, text: str | None) -> tuple[Run, ...]:
        return runs(text or "", self.language)

    def point_runs(self, item) -> tuple[Run, ...]:
        """A point in one paragraph: its term in bold (with the colon), then its text."""
        p = point(item)
        body = self.runs(p.text)
        if not p.term:
            return body
        colon = "" if p.term.rstrip().endswith(":") else ":"
        term = tuple(Run(r.text, True, r.italic, r.href) for r in self.runs(p.term + colon))
        return term + (Run(" "),) + body

    def say(self, key: str, **context) -> tuple[tuple[Run, ...], str]:
        """Wording as runs, and its language when it is not the deck's (an English fallback)."""
        said = self.kit.say(key, **context)
        lang = said.language if said.language != self.language.split("-")[0] else ""
        return (Run(str(said)),), lang

    def para(self, runs_, size, color, **kw) -> Para:
        return Para(tuple(runs_), size, color, **kw)

    # --- common pieces -----------------------------------------------------------------------

    def title_box(self, text: str, kind: str, lang: str = "", high: float | None = None, lines: int = 2,
                  reserve: float = 0.0) -> Box:
        """The title of a slide of this kind, where and as its Place sets titles (reserve: inches of
        the box kept for another line)."""
        place = self.d.place(kind)
        t, st, r = place.title, place.title_style, self.runs(text) if not lang else (Run(text),)
        high = high or st.size
        low = min(float(self.t["min_title_size"]), high)
        size = fit_title(self.m, r, t.w, t.h - reserve, high, low, float(self.t["least_size"]), lines, st.bold,
                         st.caps)
        para = Para(r, size, st.color, bold=st.bold, align=st.align, font="heading", caps=st.caps, lang=lang)
        return Box(t.x, t.y, t.w, t.h, (para,), name="Title", anchor=st.anchor)

    def add(self, slide: Slide) -> Slide:
        slide.place = self.d.place(slide.kind)
        self.slides.append(slide)
        return slide

    def rule_under(self, box: Box, y: float) -> list[tuple[float, float, float, float]]:
        """A short accent rule under a big title (built-in design only)."""
        if not self.d.accent_rules:
            return []
        w, h = (float(v) for v in self.t["accent_rule"])
        inset = box.inset or self.m.inset
        x = box.x + box.w - inset[2] - w if self.kit.rtl else box.x + inset[0]
        return [(x, y, float(w), float(h), self.c.accent)]

    def fits(self, paras, width, height) -> bool:
        return self.m.box_height(paras, width) <= height + EPS

    def picture(self, path: Path, x, y, w, h, alt: str, name="Image", card=None) -> Picture:
        """A picture scaled into x, y, w, h (inches), its aspect ratio kept, centred."""
        from PIL import Image as PILImage

        with PILImage.open(path) as im:
            pw, ph = im.size
        scale = min(w / pw, h / ph)
        fw, fh = pw * scale, ph * scale
        return Picture(x + (w - fw) / 2, y + (h - fh) / 2, fw, fh, path, alt, name=name, card=card)

    def parts_title(self, title: str, part: int, parts: int) -> str:
        return title if parts == 1 else str(self.kit.say("continued", title=title, part=part, parts=parts))

    # --- title slide -------------------------------------------------------------------------

    def title_slide(self, notes: str) -> None:
        kit, content, c = self.kit, self.kit.content, self.c
        place = self.d.place("title")
        org = content.organization
        ts = self.t["title_slide"]
        title_box = self.title_box(content.title, "title", high=max(place.title_style.size,
                                                                       float(ts["least_title_size"])),
                                   lines=int(ts["title_lines"]))
        details: list[tuple[tuple[Run, ...], str, bool]] = []
        if content.subtitle:
            details.append((self.runs(content.subtitle), "subtitle", False))
        if content.date:
            details.append((self.runs(content.date), "date", True))
        event = kit.event_context()
        if event:
            details.append(((Run(str(kit.say("event_line", event=event))),), "event", False))
        if org:
            details.append((self.runs(org.name), "org", False))
        colours = {"subtitle": c.light, "date": c.accent, "event": c.on_primary, "org": c.rule} \
            if self.d.accent_rules else {"date": c.secondary, "org": c.muted}
        b = place.body
        rules = self.rule_under(title_box, b.y - float(ts["rule_gap"]))
        share, least, space = float(ts["minor_share"]), float(ts["min_minor_size"]), float(ts["detail_space"])

        def make(size):
            out = []
            for k, (r, role, bold) in enumerate(details):
                small = size if role in ("subtitle", "date") else max(least, round(size * share, 1))
                out.append(Para(r, small, colours.get(role, c.text), bold=bold, align=place.body_align,
                                space_before=0 if k == 0 else space * size))
            return out

        boxes = []
        sizes = sizes_between(float(ts["detail_size"]), float(ts["min_detail_size"]))
        while details:  # the least important details give way before the text gets smaller
            size, paras, ok = largest(make, sizes, lambda ps: self.fits(ps, b.w, b.h))
            if ok or len(details) == 1:
                boxes.append(Box(b.x, b.y, b.w, b.h, tuple(paras), name="Details",
                                 placeholder="subtitle" if place.body_placeholder else None))
                break
            details.pop()
        pictures = []
        if org and org.logo and place.logo is not None:
            alt = str(kit.say("logo_alt", name=plain(org.name)))
            r = place.logo
            pictures.append(self.picture(kit.asset(org.logo), r.x, r.y, r.w, r.h, alt, "Logo", self.c.badge))
        slide = Slide("title", plain(content.title, self.language), title_box, notes, [], pictures, rules=rules)
        slide.subtitle = boxes[0] if boxes else None
        self.add(slide)

    # --- agenda ------------------------------------------------------------------------------

    def agenda(self, titles: list[str], notes: str) -> None:
        c, place = self.c, self.d.place("agenda")
        b = place.body
        items = [self.runs(t) for t in titles]
        gap = float(self.t["gap"])
        a = self.t["agenda"]
        indent, space = float(a["number_indent"]), float(a["space"])
        best = None
        for columns in ((1, 2) if (b.w - gap) / 2 >= float(a["column_width"]) else (1,)):
            col_w = (b.w - gap * (columns - 1)) / columns
            per = -(-len(items) // columns)

            def make(size, col_w=col_w):
                return [Para(r, size, c.text, indent=indent * size, number=n, number_style=a["numbering"],
                             bullet_color=c.secondary, space_before=space * size) for n, r in enumerate(items, start=1)]

            def fits(paras, per=per, col_w=col_w):
                return all(self.fits(paras[k:k + per], col_w, b.h) for k in range(0, len(paras), per))

            size, paras, ok = largest(make, sizes_between(self.body_size + float(a["larger"]), self.min_body), fits)
            if ok and (best is None or size > best[0] + float(a["column_gain"])):
                best = (size, paras, columns, col_w, per)
        if best is None:
            size, paras, _ = largest(make, sizes_between(self.min_body, float(self.t["least_size"])), fits)
            best = (size, paras, 1, b.w, len(items))
        size, paras, columns, col_w, per = best
        boxes = []
        for k in range(columns):
            chunk = paras[k * per:(k + 1) * per]
            if not chunk:
                continue
            x = b.x + b.w - (k + 1) * col_w - k * gap if self.kit.rtl else b.x + k * (col_w + gap)
            h = self.m.box_height(chunk, col_w)
            y = b.y + max(0.0, (b.h - h) / 2) if self.style == "talk" else b.y
            boxes.append(Box(x, y, col_w, h if self.style == "talk" else b.h, tuple(chunk), name="Agenda",
                             placeholder="body" if place.body_placeholder and columns == 1 and self.style != "talk"
                             else None))
        title, lang = self.say("agenda")
        self.add(Slide("agenda", str(title[0].text), self.title_box(title[0].text, "agenda", lang), notes, boxes))

    # --- text slides ---------------------------------------------------------------------------

    def text_slides(self, kind: str, title: str, blocks: list[list[Para]], notes,
                    image=None, warn_path: tuple = (), most: int = 0) -> int:
        """Blocks of paragraphs on as few slides as they need, as a designer splits them: set down to
        the smallest size before splitting, then split evenly (at least two blocks a slide, the
        smallest part at least 40% of the largest), each slide numbered once; a picture beside the
        text of the first. notes is a text, or notes(i, j) for the slide holding blocks [i, j); most
        caps the blocks on a slide. Returns the number of slides."""
        place = self.d.place(kind)
        b = place.body
        gap = float(self.t["gap"])
        share = float(self.t["image_share"])
        text_w = b.w * (1 - share) - gap / 2 if image else b.w
        _, top, _, bottom = self.m.inset
        cap = b.h - top - bottom
        cache: dict = {}

        def heights(size):
            # a block's space before counts (but the deck's first): a slide's first block is set without
            # it, so a continuation slide is measured a little roomier than it is, never tighter
            if size not in cache:
                cache[size] = [sum(self.m.para_height(replace(p, size=size), text_w, first=bi == 0 and k == 0) / PT
                                   for k, p in enumerate(blk)) for bi, blk in enumerate(blocks)]
            return cache[size]

        sizes = sizes_between(self.body_size, self.min_body)
        chosen = None
        small = len(blocks) <= EVEN_SPLIT_MOST
        balance = float(self.t["text"]["balance"])
        for by_height in ((True, False) if small else ()):
            for parts in range(1, len(blocks) // 2 + 1 if len(blocks) > 1 else 2):
                chosen = next(((size, groups) for size in sizes
                               if (groups := even(heights(size), cap, parts, most, ratio=balance,
                                                  by_height=by_height))), None)
                if chosen:
                    break
            if chosen:
                break
        if chosen is None:   # a long list, or blocks too tall to pair: the fewest, evenest slides
            for size in sizes:
                groups = balanced(heights(size), cap)
                if most:
                    groups = [(k, min(k + most, j)) for i, j in groups for k in range(i, j, most)]
                if all(sum(heights(size)[i:j]) <= cap + EPS for i, j in groups):
                    chosen = (size, groups)
                    break
        if chosen is None:
            size = self.min_body
            chosen = (size, [(k, k + 1) for k in range(len(blocks))])
            self.notes.warn(warn_path, "a point is too long for one slide even at the smallest size; "
                            "shorten it or split it into several points")
        size, groups = chosen
        for part, (i, j) in enumerate(groups):
            paras = [replace(p, size=size) for blk in blocks[i:j] for p in blk]
            paras = [replace(p, space_before=0.0) if k == 0 else p for k, p in enumerate(paras)]
            h = self.m.box_height(paras, text_w)
            x = b.x + b.w - text_w if self.kit.rtl and image else b.x
            top = b.y + max(0.0, (b.h - h) * float(self.t["text"]["talk_drop"])) if self.style == "talk" else b.y
            box = Box(x, top, text_w, min(max(h, float(self.t["text"]["min_height"])), b.h), tuple(paras), name="Body",
                      placeholder="body" if place.body_placeholder and self.style != "talk" else None)
            pictures = []
            if image is not None and part == 0:
                path, alt = image
                px = b.x if self.kit.rtl else b.x + text_w + gap
                pictures.append(self.picture(path, px, b.y, b.w - text_w - gap, b.h, alt))
            t = self.parts_title(title, part + 1, len(groups))
            note = notes(i, j) if callable(notes) else notes
            self.add(Slide(kind, t, self.title_box(t, kind), note, [box], pictures))
        return len(groups)

    def image_slide(self, title: str, path: Path, alt: str, notes: str) -> None:
        b = self.d.place("content").body
        self.add(Slide("content", title, self.title_box(title, "content"), notes, [],
                       [self.picture(path, b.x, b.y, b.w, b.h, alt)]))

    # --- section divider ---------------------------------------------------------------------

    def divider(self, number: int, total: int, title: str, notes: str) -> None:
        """A section's divider: "Part 2 of 8" over the section's title, both in the title placeholder,
        so that the divider's title is its own (no two slides share a title) and is read first."""
        place, sec = self.d.place("divider"), self.t["section"]
        kicker, lang = self.say("section_number", number=number, total=total)
        size = round(float(sec["kicker_size"]) * self.scale)
        para = Para(kicker, size, self.c.secondary, bold=True, align=place.title_style.align, font="heading",
                    lang=lang)
        reserve = self.m.pitch(size, "heading") / PT + float(sec["kicker_gap"])
        box = self.title_box(title, "divider", high=max(place.title_style.size, float(sec["least_title_size"])),
                             lines=int(sec["title_lines"]), reserve=reserve)
        space = float(sec["title_space"])
        box = replace(box, paras=(replace(para, space_before=0.0),) + tuple(replace(p, space_before=space)
                                                                            for p in box.paras))
        rules = self.rule_under(box, place.body.y - float(sec["rule_gap"]))
        self.add(Slide("divider", f"{kicker[0].text}\n{title}", box, notes, [], rules=rules))

    # --- closing -------------------------------------------------------------------------------

    def closing(self, notes: str) -> None:
        kit, c, content = self.kit, self.c, self.kit.content
        place, cl = self.d.place("closing"), self.t["closing"]
        b = place.body
        org = content.organization
        website = org.website if org and org.website else None
        qr = min(float(self.t["qr_size"]), b.h - float(cl["qr_margin"]), b.w * float(cl["qr_share"])) if website else 0.0
        text_w = b.w - (qr + float(cl["text_gap"]) if website else 0)
        x0 = b.x + b.w - text_w if kit.rtl else b.x
        ctx = kit.event_context()
        light = self.d.accent_rules
        title_runs, lang = self.say("closing_title")
        title_box = self.title_box(title_runs[0].text, "closing", lang, lines=int(cl["title_lines"]))
        inset = tuple(float(v) for v in cl["link_inset"])

        def boxes_at(f: float):
            boxes, y = [], b.y
            if website:
                more_runs, more_lang = self.say("closing_more")
                more = Para(more_runs, round(float(cl["more_size"]) * f, 1), c.accent if light else c.secondary,
                            bold=True, lang=more_lang)
                h = self.m.box_height([more], text_w)
                boxes.append(Box(x0, y, text_w, h, (more,), name="Find out more"))
                y += h + float(cl["more_gap"])
                link_runs = (Run(website, href=website),)
                size = fit_line(self.m, link_runs, round(float(cl["link_size"]) * f, 1),
                                text_w - float(cl["link_room"]), float(cl["min_link_size"]))
                link = Para(link_runs, size, c.link, link_color=c.link)
                w = min(text_w, self.m.width(link_runs, size) / PT + inset[0] + inset[2] + float(cl["link_slack"]))
                h = self.m.box_height([link], w, inset)
                lx = x0 + text_w - w if kit.rtl else x0
                boxes.append(Box(lx, y, w, h, (link,), name="Website", fill=c.badge if light else c.light,
                                 rounded=True, anchor="middle", inset=inset))
                y += h + float(cl["link_gap"]) * f
            paras = []
            detail = round(float(cl["detail_size"]) * f, 1)
            if ctx:
                paras.append(Para((Run(ctx["name"]),), round(float(cl["name_size"]) * f, 1),
                                  c.on_primary if light else c.text, bold=True))
                when = " · ".join(x for x in (ctx["date"], ctx["time"]) if x)
                for line in (when, ctx["place"]):
                    if line:
                        paras.append(Para((Run(line),), detail, c.light if light else c.text,
                                          space_before=float(cl["detail_space"])))
            if org and org.contact:
                said, said_lang = self.say("contact", contact=org.contact)
                paras.append(Para(said, detail, c.rule if light else c.muted,
                                  space_before=float(cl["contact_space"]) * f if paras else 0, lang=said_lang))
            if paras:
                h = self.m.box_height(paras, text_w)
                boxes.append(Box(x0, y, text_w, h, tuple(paras), name="Details"))
                y += h
            return boxes, y - b.y

        for f in cl["shrink"]:
            boxes, used = boxes_at(f)
            if used <= b.h:
                break
        pictures = []
        if website:
            pad = float(self.t["card_pad"])   # the QR card, pad round the code, inside the body
            qx = b.x + pad if kit.rtl else b.x + b.w - qr - pad
            pictures.append(Picture(qx, b.y + (b.h - qr) / 2, qr, qr, _qr_png(website),
                                    str(kit.say("qr_alt", url=website)), name="QR code", card=c.badge))
        if org and org.logo and place.logo is not None:
            r = place.logo
            pictures.append(self.picture(kit.asset(org.logo), r.x, r.y, r.w, r.h,
                                         str(kit.say("logo_alt", name=plain(org.name))), "Logo", c.badge))
        self.add(Slide("closing", title_runs[0].text, title_box, notes, boxes, pictures,
                       rules=self.rule_under(title_box, b.y - float(cl["rule_gap"]))))

    # --- finishing ---------------------------------------------------------------------------

    def title_sizes(self) -> None:
        """Content slide titles in one size, or two: every title that fits one line at the largest
        size one line of every content layout's title box takes is set at that size; the others at
        the largest size at which they all fit two lines (never smaller than the smallest of them
        needed alone)."""
        slides = [s for s in self.slides if s.kind in CONTENT_KINDS]
        if not slides:
            return
        low = float(self.t["min_title_size"])

        left, top, right, bottom = self.m.inset

        def inner(box: Box) -> tuple[float, float]:
            return (box.w - left - right) * PT, (box.h - top - bottom) * PT

        def lines(s: Slide, size: float) -> int:
            para = s.title_box.paras[0]
            return self.m.lines(para.runs, size, inner(s.title_box)[0], para.bold, font="heading", caps=para.caps)

        def fits(s: Slide, size: float, n: int) -> bool:
            k = lines(s, size)
            return k <= n and k * self.m.pitch(size, "heading") <= inner(s.title_box)[1] + EPS

        high = min(max(s.title_box.paras[0].size for s in slides),
                   min(self.d.place(s.kind).title_style.size for s in slides))
        least = float(self.t["least_size"])
        one = next((size for size in sizes_between(high, least) if all(
            size * self.m.pitch(1.0, "heading") <= inner(s.title_box)[1] + EPS for s in slides)), least)
        rest = [s for s in slides if not fits(s, one, 1)]
        two = next((size for size in sizes_between(one, low) if all(fits(s, size, 2) for s in rest)),
                   min((s.title_box.paras[0].size for s in rest), default=one))
        if rest:   # two sizes of one family: the larger at most a fifth larger than the smaller
            one = min(one, round(two * float(self.t["title_step"])))
        for s in slides:
            size = one if s not in rest else two
            box = s.title_box
            s.title_box = replace(box, paras=tuple(replace(para, size=size) for para in box.paras))

    def unique_titles(self) -> None:
        """Slides that would share a title (a section's text and its table of the same name) are
        numbered as parts of one: no two slides of a deck share a title."""
        seen: dict[str, list[Slide]] = {}
        for s in self.slides:
            seen.setdefault(s.title, []).append(s)
        for title, same in seen.items():
            if len(same) < 2:
                continue
            for n, s in enumerate(same, start=1):
                s.title = self.parts_title(title, n, len(same))
                lang = s.title_box.paras[0].lang
                s.title_box = replace(self.title_box(s.title, s.kind, lang), name=s.title_box.name)

    def finish(self, footer: str) -> list[Slide]:
        """Number the slides, add the footer text, and make every colour readable on its backdrop."""
        self.unique_titles()
        self.title_sizes()
        ratio = float(self.t["contrast"])
        for n, slide in enumerate(self.slides, start=1):
            place: Place = slide.place
            slide.number, slide.footer, slide.footer_size = n, footer, float(self.t["footer_size"])
            if place.footer is not None and footer:
                r = (Run(footer),)
                slide.footer_size = fit_line(self.m, r, float(self.t["footer_size"]), place.footer.w,
                                             float(self.t["min_footer_size"]))
            readable(slide, place, ratio)
            furnish(slide, self.t, self.c, self.kit.rtl)
        return self.slides


def _qr_png(url: str) -> bytes:
    """The website as a QR code picture (PowerPoint needs a picture), made by segno."""
    from ...page import qr_png

    return qr_png(url)
