"""The design a deck is planned in: slide size, and for each kind of slide a Place (where its title
and body go, what lies behind them, how its title is set), the faces the text is set and measured
in, and the colours. Two implementations of one interface: the built-in design (below) and an
organisation's template (template.TemplateDesign). Planning asks the design; it never asks which
one it has."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...fonts import Family
from ...text import Run
from ...typeset.bidi import has_rtl, web_addresses
from .fit import Face, Measure
from .model import Box, Colors, Fill, Para, Place, Rect, Slide, TitleStyle

# the built-in base's layouts (python-pptx's default package: Title Slide and Title Only), not a look: the
# slides are made on them so that every title is in a title placeholder
TITLE_SLIDE, TITLE_ONLY = 0, 5
LRM = "\u200e"
# which Place each kind of slide is set on
KINDS = {"title": "title", "closing": "closing", "divider": "section", "quiz": "section", "agenda": "body",
         "content": "body", "table": "body", "faq": "body", "question": "body", "reveal": "body"}


@dataclass
class Design:
    """What planning needs to know about the look of the slides."""

    width: float
    height: float
    places: dict                      # role -> Place
    colors: Colors
    body: Face
    heading: Face
    fallbacks: list[Family]
    kinds: dict = field(default_factory=lambda: dict(KINDS))
    template: bytes | None = None     # the cleaned organisation template (None: built in)
    accent_rules: bool = True         # the built-in design draws a short accent rule under big titles
    line_pitch: float | None = None   # exact line pitch (x size), or None for the template's single spacing
    notes: list[str] = field(default_factory=list)   # what the design had to give way on (warnings)
    cs_font: str = ""                 # the font named for right-to-left scripts (the body font when empty)

    def place(self, kind: str) -> Place:
        """The Place a kind of slide is set on."""
        return self.places[self.kinds[kind]]

    def measure(self, kit, rtl: bool) -> Measure:
        t = kit.theme.section("deck")
        slack = float(t["rtl_width_slack"] if rtl else t["width_slack"])
        return Measure(self.body, self.heading, self.fallbacks, rtl, kit.language.split("-")[0], slack,
                       float(t["rtl_bold_width_slack" if rtl else "bold_width_slack"]),
                       tuple(float(v) for v in t["text_inset"]))


def colors_of(kit) -> Colors:
    """The theme's colours as the deck uses them."""
    c = kit.theme.colors()
    return Colors(c["primary"], c["secondary"], c["accent"], c["text"], c["muted"], c["light"], c["rule"],
                  c["on_primary"], c["correct"], c["on_correct"], c["secondary"], c["badge"], c["background"])


def mirrored(rect: Rect, width: float) -> Rect:
    """rect reflected left to right on a slide width wide (right-to-left decks)."""
    return Rect(width - rect.x - rect.w, rect.y, rect.w, rect.h)


def builtin(kit, rtl: bool) -> Design:
    """The built-in design: 16:9, a primary band behind content titles, dark title and closing slides,
    light divider slides with a side band; every decoration listed so that text colours are checked
    against what lies behind them. Mirrored for right-to-left languages."""
    t = kit.theme.section("deck")
    ts, sec, cl = t["title_slide"], t["section"], t["closing"]
    c = colors_of(kit)
    w, h = (float(v) for v in t["slide"])
    mx, band, footer_h = float(t["margin_x"]), float(t["band_height"]), float(t["footer_height"])
    body_top = float(t["body_top"])
    body = Rect(mx, body_top, w - 2 * mx, h - footer_h - float(t["body_gap"]) - body_top)
    title = Rect(mx, float(t["title_top"]), w - 2 * mx, float(t["title_height"]))
    size = float(t["title_size"])
    align = "start"
    footer_top, footer_bottom = float(t["footer_top"]), float(t["footer_bottom"])
    strip_y, strip_h = h - footer_h + footer_top, footer_h - footer_top - footer_bottom
    number_w = float(t["number_width"])
    footer = Rect(mx, strip_y, w - 2 * mx - number_w - float(t["number_gap"]), strip_h)
    number = Rect(w - mx - number_w, strip_y, number_w, strip_h)
    if rtl:
        footer, number = mirrored(footer, w), mirrored(number, w)
    end_rule = float(t["end_rule"])
    side = float(t["side_band"])
    banded = Place("body", title, body, c.background,
                   (Fill(Rect(0, 0, w, band), c.primary, "Title band"),
                    Fill(Rect(0, band, w, float(t["band_rule"])), c.accent, "Accent rule"),
                    Fill(Rect(mx, h - footer_h, w - 2 * mx, float(t["footer_rule"])), c.rule, "Footer rule")),
                   TitleStyle(size, c.on_primary, True, False, align, "middle"), footer, number, c.muted,
                   layout=TITLE_ONLY)

    def below(top: float, gap: float, indent: float = 0.0) -> Rect:
        """A body from top down to gap above the footer strip."""
        return Rect(mx + indent, top, w - 2 * mx - indent, h - top - footer_h - gap)

    big_title = Rect(mx, float(ts["title_top"]), w - 2 * mx, float(ts["title_height"]))
    logo_w = float(ts["logo_width"])
    dark = Place("title", big_title, below(float(ts["body_top"]), float(ts["body_gap"])), c.primary,
                 (Fill(Rect(0, h - end_rule, w, end_rule), c.accent, "Accent rule"),),
                 TitleStyle(float(ts["title_size"]), c.on_primary, True, False, align, "bottom"), footer, number,
                 c.rule, layout=TITLE_SLIDE,
                 logo=Rect(w - mx - logo_w, float(ts["logo_top"]), logo_w, float(t["logo_height"])))
    closing = replace(dark, role="closing", layout=TITLE_ONLY,
                      title=Rect(mx, float(cl["title_top"]), w - 2 * mx, float(cl["title_height"])),
                      body=below(float(cl["body_top"]), float(cl["body_gap"])),
                      title_style=TitleStyle(float(cl["title_size"]), c.on_primary, True, False, align, "bottom"))
    indent = float(sec["indent"])
    section_title = Rect(mx + indent, float(sec["title_top"]), w - 2 * mx - indent, float(sec["title_height"]))
    section = Place("section", section_title, below(float(sec["body_top"]), float(sec["body_gap"]), indent),
                    c.light, (Fill(Rect(0, 0, side, h), c.primary, "Side band"),),
                    TitleStyle(float(sec["title_size"]), c.primary, True, False, align, "bottom"), footer, number,
                    c.muted, layout=TITLE_ONLY)
    places = {"body": banded, "title": dark, "closing": closing, "section": section}
    if rtl:
        places = {role: _mirror_place(p, w) for role, p in places.items()}
    family = kit.fonts.main
    pitch = float(t["line_height_rtl" if rtl else "line_height"])
    name = family.deck_name or family.name
    face = Face(name, family, family.name, pitch=pitch)
    return Design(w, h, places, c, face, face, kit.fonts.families[1:], line_pitch=pitch)


def _mirror_place(p: Place, w: float) -> Place:
    return replace(p, title=mirrored(p.title, w), body=mirrored(p.body, w),
                   fills=tuple(replace(f, rect=mirrored(f.rect, w)) for f in p.fills),
                   logo=mirrored(p.logo, w) if p.logo else None)


def furnish(slide: Slide, t: dict, colors: Colors, rtl: bool) -> None:
    """What the writer once decided, decided here: the footer's and the slide number's boxes, each
    picture's card margin or border, the boxes' corners, rules and text insets, and in a right-to-left
    deck the direction marks its text needs."""
    place = slide.place
    if slide.footer and place.footer is not None:
        r, inset = place.footer, float(t["footer_inset"])
        para = Para((Run(slide.footer),), slide.footer_size, place.footer_color, align="start")
        slide.footer_box = Box(r.x, r.y, r.w, r.h, (para,), name="Footer", anchor="middle", inset=(0, inset, 0, inset))
    if place.number is not None:
        r, inset = place.number, float(t["number_inset"])
        para = Para((Run(str(slide.number)),), slide.footer_size, place.footer_color, align=t["number_align"])
        slide.number_box = Box(r.x, r.y, r.w, r.h, (para,), name="Slide number", anchor="middle",
                               inset=(inset, inset, inset, inset))
    slide.pictures = [replace(p, card_pad=float(t["card_pad"]), card_corner=float(t["corner"])) if p.card
                      else replace(p, line=colors.rule, line_width=float(t["picture_border"])) for p in slide.pictures]
    corner, rule = float(t["corner"]), float(t["box_rule"])
    slide.boxes = [replace(b, corner=corner if b.rounded else 0.0, line_width=rule if b.line else 0.0)
                   for b in slide.boxes]
    inset = tuple(float(v) for v in t["text_inset"])
    slide.title_box, slide.subtitle = _inset(slide.title_box, inset), _inset(slide.subtitle, inset)
    slide.boxes = [_inset(b, inset) for b in slide.boxes]
    if rtl:
        _marked(slide)


def _inset(box: Box | None, inset: tuple) -> Box | None:
    """box with the design's text inset, unless it has one of its own."""
    return box if box is None or box.inset is not None else replace(box, inset=inset)


def _marked(slide: Slide) -> None:
    """Left-to-right marks keep a Latin-only paragraph's closing punctuation ("A/RES/77/241 (2022)")
    and a web address's final slash where they belong in right-to-left text."""
    def runs(rs: tuple[Run, ...]) -> tuple[Run, ...]:
        texts = [_after_web_addresses(r.text) for r in rs]
        if texts and not has_rtl("".join(texts)):
            texts[-1] += LRM
        return tuple(replace(r, text=x) for r, x in zip(rs, texts))

    def box(b: Box | None) -> Box | None:
        return b and replace(b, paras=tuple(replace(p, runs=runs(p.runs)) for p in b.paras))

    slide.title_box, slide.subtitle, slide.footer_box = box(slide.title_box), box(slide.subtitle), box(slide.footer_box)
    slide.boxes = [box(b) for b in slide.boxes]
    if slide.table is not None:
        t = slide.table
        slide.table = replace(t, header=tuple(runs(c or ()) for c in t.header),
                              rows=tuple(tuple(runs(c or ()) for c in row) for row in t.rows))


def _after_web_addresses(text: str) -> str:
    """text with a left-to-right mark after each web address (its final slash stays at its end)."""
    for start, end in reversed(web_addresses(text)):
        text = text[:end] + LRM + text[end:]
    return text
