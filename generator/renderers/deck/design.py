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

SLIDE_W, SLIDE_H = 13.333, 7.5
TITLE_SLIDE, TITLE_ONLY = 0, 5   # the built-in base's layouts (python-pptx's): every title in a title placeholder
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
    line_pitch: float | None = 1.2    # exact line pitch (x size), or None for the template's single spacing
    notes: list[str] = field(default_factory=list)   # what the design had to give way on (warnings)
    cs_font: str = ""                 # the font named for right-to-left scripts (the body font when empty)

    def place(self, kind: str) -> Place:
        """The Place a kind of slide is set on."""
        return self.places[self.kinds[kind]]

    def measure(self, kit, rtl: bool) -> Measure:
        t = kit.theme.section("deck")
        slack = float(t["rtl_width_slack"] if rtl else t["width_slack"])
        return Measure(self.body, self.heading, self.fallbacks, rtl, kit.language.split("-")[0], slack,
                       float(t["rtl_bold_width_slack" if rtl else "bold_width_slack"]))


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
    c = colors_of(kit)
    w, h = SLIDE_W, SLIDE_H
    mx, band, footer_h = float(t["margin_x"]), float(t["band_height"]), float(t["footer_height"])
    body_top = float(t["body_top"])
    body = Rect(mx, body_top, w - 2 * mx, h - footer_h - 0.12 - body_top)
    title = Rect(mx, float(t["title_top"]), w - 2 * mx, float(t["title_height"]))
    size = float(t["title_size"])
    align = "start"
    footer = Rect(mx, h - footer_h + 0.04, w - 2 * mx - 1.4, footer_h - 0.12)
    number = Rect(w - mx - 1.2, h - footer_h + 0.04, 1.2, footer_h - 0.12)
    if rtl:
        footer, number = mirrored(footer, w), mirrored(number, w)
    end_rule = float(t["end_rule"])
    side = float(t["side_band"])
    banded = Place("body", title, body, c.background,
                   (Fill(Rect(0, 0, w, band), c.primary, "Title band"),
                    Fill(Rect(0, band, w, float(t["band_rule"])), c.accent, "Accent rule"),
                    Fill(Rect(mx, h - footer_h, w - 2 * mx, 0.01), c.rule, "Footer rule")),
                   TitleStyle(size, c.on_primary, True, False, align, "middle"), footer, number, c.muted,
                   layout=TITLE_ONLY)
    big_title = Rect(mx, 0.9, w - 2 * mx, 2.9)
    dark = Place("title", big_title, Rect(mx, 4.25, w - 2 * mx, h - 4.25 - footer_h - 0.1), c.primary,
                 (Fill(Rect(0, h - end_rule, w, end_rule), c.accent, "Accent rule"),),
                 TitleStyle(48, c.on_primary, True, False, align, "bottom"), footer, number, c.rule,
                 layout=TITLE_SLIDE, logo=Rect(w - mx - 2.6, 0.45, 2.6, float(t["logo_height"])))
    closing = replace(dark, role="closing", layout=TITLE_ONLY, title=Rect(mx, 0.7, w - 2 * mx, 1.5),
                      body=Rect(mx, 2.5, w - 2 * mx, h - 2.5 - footer_h - 0.1),
                      title_style=TitleStyle(48, c.on_primary, True, False, align, "bottom"))
    section_title = Rect(mx + 0.2, 1.1, w - 2 * mx - 0.2, 2.5)
    section = Place("section", section_title, Rect(mx + 0.2, 3.9, w - 2 * mx - 0.2, h - 3.9 - footer_h - 0.1),
                    c.light, (Fill(Rect(0, 0, side, h), c.primary, "Side band"),),
                    TitleStyle(40, c.primary, True, False, align, "bottom"), footer, number, c.muted,
                    layout=TITLE_ONLY)
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
    """What the writer once decided, decided here: the footer's and the slide number's boxes, each picture's card margin or
    border, the boxes' corners and rules, and in a right-to-left deck the direction marks its text needs."""
    place = slide.place
    if slide.footer and place.footer is not None:
        r, inset = place.footer, float(t["footer_inset"])
        para = Para((Run(slide.footer),), slide.footer_size, place.footer_color, align="start")
        slide.footer_box = Box(r.x, r.y, r.w, r.h, (para,), name="Footer", anchor="middle", inset=(0, inset, 0, inset))
    if place.number is not None:
        r, inset = place.number, float(t["number_inset"])
        para = Para((Run(str(slide.number)),), slide.footer_size, place.footer_color, align=t["number_align"])
        slide.number_box = Box(r.x, r.y, r.w, r.h, (para,), name="Slide number", anchor="middle",
                               inset=(inset,) * 4)
    slide.pictures = [replace(p, card_pad=float(t["card_pad"]), card_corner=float(t["corner"])) if p.card
                      else replace(p, line=colors.rule, line_width=float(t["picture_border"])) for p in slide.pictures]
    corner, rule = float(t["corner"]), float(t["box_rule"])
    slide.boxes = [replace(b, corner=corner if b.rounded else 0.0, line_width=rule if b.line else 0.0)
                   for b in slide.boxes]
    if rtl:
        _marked(slide)


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
