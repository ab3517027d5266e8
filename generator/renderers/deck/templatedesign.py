"""The Design of an organisation's template: a Place per kind of slide from the layouts it chose
(resolved boxes, backgrounds and decorations, title styles), fonts measured exactly where they
have Arial's widths and wider otherwise, and colours from its scheme kept readable."""
from __future__ import annotations

from pathlib import Path

from ...errors import TemplateError, UsageError
from ...fonts import bundled
from .color import backdrops, ensure, palette
from .design import Design, colors_of, mirrored
from .fit import EPS, Face
from .model import Fill, Place, Rect, TitleStyle
from .template import ARIAL_METRICS, ROLE_TEXT, Template, read

# how a master's shape is told apart (tests of its shape, not looks): a band down the side is at least this
# share of the free room's height and under this share of the slide's width; a shape at a title's end lies
# in its outer quarter, is narrower than a quarter of it, and covers at least half its height
SIDE_BAND_HEIGHT, SIDE_BAND_WIDTH = 0.6, 1 / 3
END_ZONE, END_SHAPE, END_COVER = 0.25, 0.25, 0.5
KEEP_TITLE = 0.6        # a title narrowed by such shapes keeps at least this share of its width, else it stays
BODY_OVER_TITLE = 0.2   # a body box that overlaps its title by more than this share of itself is not used

KINDS = {"title": "title", "closing": "title_only", "divider": "section", "quiz": "section", "agenda": "body",
         "content": "body", "faq": "body", "table": "title_only", "question": "title_only", "reveal": "title_only"}


def template_path(kit) -> Path | None:
    """The deck template of a build: a content file's path is relative to that file, the command
    line's (--deck-template) to the current folder."""
    given = kit.build.deck_template
    if not given:
        return None
    if given == kit.content.build.deck_template and "deck_template" not in kit.overrides:
        return kit.asset(given)
    path = Path(given).expanduser()
    if not path.is_file():
        raise UsageError(f"--deck-template {given}: no such file")
    return path.resolve()


def free_region(title: Rect, w: float, h: float, bottom: float, obstacles, look: dict) -> Rect:
    """The taller band above or below a title, inside the slide's margins and the footers, clear of
    the master's own shapes: a side band narrows it, a bar or a logo above or below shortens it
    (look: the theme's deck.template)."""
    margin, title_gap, shape_gap, side_gap = (float(look[k]) for k in ("margin", "title_gap", "shape_gap", "side_gap"))
    bands = []
    for top, end in ((title.bottom + title_gap, min(h - margin, bottom - shape_gap)), (margin, title.y - title_gap)):
        left, right = margin, w - margin
        for ob in obstacles:
            band = Rect(left, top, right - left, end - top)
            if ob.overlap(band) <= 0:
                continue
            if ob.h >= SIDE_BAND_HEIGHT * band.h and ob.w < w * SIDE_BAND_WIDTH:   # a band down the side
                if ob.x + ob.w / 2 < w / 2:
                    left = max(left, ob.right + side_gap)
                else:
                    right = min(right, ob.x - side_gap)
            elif ob.y + ob.h / 2 >= top + (end - top) / 2:   # something along the foot
                end = min(end, ob.y - shape_gap)
            else:                                            # something along the top
                top = max(top, ob.bottom + shape_gap)
        bands.append(Rect(left, top, right - left, end - top))
    return max(bands, key=lambda b: b.w * b.h)


def _clear_ends(rect: Rect, obstacles, gap: float) -> Rect:
    """rect narrowed to stop gap short of a small shape of the master at either end (a corner mark, a
    logo) that stands across it; a band behind the whole of it is not in its way."""
    x, right = rect.x, rect.right
    for ob in obstacles:
        if ob.overlap(rect) <= 0 or ob.w >= rect.w * END_SHAPE or \
                min(ob.bottom, rect.bottom) - max(ob.y, rect.y) < rect.h * END_COVER:
            continue
        middle = ob.x + ob.w / 2
        if middle > rect.x + (1 - END_ZONE) * rect.w:
            right = min(right, ob.x - gap)
        elif middle < rect.x + END_ZONE * rect.w:
            x = max(x, ob.right + gap)
    return Rect(x, rect.y, right - x, rect.h) if right - x >= KEEP_TITLE * rect.w else rect


def _mirror_clear(rect: Rect, width: float, obstacles) -> Rect:
    """rect reflected left to right, unless the reflection lies over more of the master's own shapes
    (a side band, a logo) than rect does: then rect as it is."""
    flipped = mirrored(rect, width)
    covered = sum(flipped.overlap(o) for o in obstacles)
    return flipped if covered <= sum(rect.overlap(o) for o in obstacles) + EPS else rect


def _font(name: str | None, fonts: dict, which: str) -> str:
    if not name or name.startswith("+mj"):
        return fonts.get(f"majorFont.{which}", "")
    if name.startswith("+mn"):
        return fonts.get(f"minorFont.{which}", "")
    return name


def face(kit, name: str) -> Face:
    """A template font measured with the bundled Arimo: exactly where it has Arial's widths, a little
    wider where it does not (so that the text still fits whatever font the viewer shows)."""
    name = name or "Arial"
    family = bundled("arimo")
    exact = name.lower() in ARIAL_METRICS
    slack = float(kit.theme.section("deck")["template"]["stand_in_slack"])
    return Face(name, family, "Arimo", not exact, line_pitch(kit), 1.0 if exact else slack)


def line_pitch(kit) -> float:
    """The deck's exact line pitch (x size): Arabic's tall letters and marks need more than Latin."""
    t = kit.theme.section("deck")
    return float(t["line_height_rtl" if kit.rtl else "line_height"])


def places(kit, t: Template) -> tuple[dict, object]:
    """A Place per role of the chosen layouts, and the colours."""
    layout = {role: t.layouts[i] for role, i in t.chosen.items()}
    master = {role: t.masters[lay.master] for role, lay in layout.items()}
    bg = {role: lay.background or master[role].background or master[role].scheme.get("bg1", "#FFFFFF")
          for role, lay in layout.items()}
    decor = {role: (master[role].shapes if lay.show_master else []) + lay.shapes for role, lay in layout.items()}
    fills = {role: tuple(Fill(s["rect"], s["fill"], s["name"]) for s in decor[role] if s["fill"] and s["rect"])
             for role in layout}
    obstacles = {role: [s["rect"] for s in decor[role] if s["rect"]] for role in layout}
    has_logo = any(s["kind"] == "pic" for role in ("title", "title_only") for s in decor[role])
    footers = [ph.rect for lay in layout.values() for ph in lay.of("ftr", "sldNum", "dt")
               if ph.rect is not None and ph.rect.y > t.height / 2]
    bottom = min([r.y for r in footers] + [t.height])
    m0 = t.masters[layout["body"].master]
    deck = kit.theme.section("deck")
    look, ratio = deck["template"], float(deck["contrast"])
    colors = palette(m0.scheme, bg["body"], layout["body"].title.style.get("color", ""), colors_of(kit), look, ratio)
    margin = float(look["margin"])
    min_w, min_h = (float(v) for v in look["min_body"])
    out = {}
    for role in ("title", "body", "section", "title_only"):
        lay = layout[role]
        title_ph = lay.title
        title = title_ph.rect
        subs = lay.of("subTitle")
        ph = (subs[0] if subs else lay.body) if role == "title" else (lay.body or next(iter(subs), None))
        region = ph.rect if ph is not None and ph.rect is not None and \
            ph.rect.overlap(title) < BODY_OVER_TITLE * ph.rect.w * ph.rect.h else None
        if role == "title_only" or region is None or region.w < min_w or region.h < min_h:
            if role in ("body",) and (region is None or region.w < min_w or region.h < min_h):
                t.notes.append(f"layout {lay.index + 1} \"{lay.name}\" leaves no body box for {ROLE_TEXT[role][1]}; "
                               "the text goes in the free space beside its title")
            free = free_region(title, t.width, t.height, bottom, obstacles[role], look)
            if region is None or role == "title_only" or free.w * free.h > region.w * region.h:
                region, ph = free, None
        if region.w < min_w or region.h < min_h:
            raise TemplateError(f"{t.path}: cannot be used as a deck template: layout {lay.index + 1} "
                                f"\"{lay.name}\" leaves no room for text beside its title")
        if kit.rtl:   # a right-to-left edition reads the layout mirrored, as far as the master's shapes allow
            title, region = (_mirror_clear(r, t.width, obstacles[role]) for r in (title, region))
        title = _clear_ends(title, obstacles[role], float(look["end_gap"]))
        style = title_ph.style
        probe = Place(role, title, region, bg[role], fills[role])
        colour = ensure(style.get("color") or colors.primary, backdrops(probe, title), ratio)
        footer = next((p.rect for p in lay.of("ftr") if p.rect), None)
        number = next((p.rect for p in lay.of("sldNum") if p.rect), None)
        logo = None
        if role in ("title", "title_only") and not has_logo:
            logo_w, logo_h = (float(v) for v in look["logo"])
            logo = Rect(t.width - margin - logo_w, margin, logo_w, logo_h)
            if logo.overlap(title) > 0 or logo.overlap(region) > 0:
                logo_w, logo_h = (float(v) for v in look["foot_logo"])
                logo = Rect(t.width - margin - logo_w, t.height - margin - float(look["foot_logo_rise"]), logo_w, logo_h)
                if logo.overlap(region) > 0 or (footer and logo.overlap(footer) > 0):
                    logo = None
        if logo is not None and kit.rtl:
            logo = _mirror_clear(logo, t.width, obstacles[role] + [title, region])
        body_align = (ph.style.get("align", "left") if ph is not None else "left")
        out[role] = Place(role, title, region, bg[role], fills[role],
                          TitleStyle(float(style.get("size", look["title_size"])), colour, bool(style.get("bold", False)),
                                     bool(style.get("caps", False)), style.get("align", "left"),
                                     style.get("anchor", "top")),
                          footer, number, ensure(colors.muted, backdrops(probe, footer) if footer else [bg[role]], ratio),
                          lay.index, ph is not None and role in ("body", "section", "title"), body_align, logo)
    out["closing"] = out["title_only"]
    return out, colors


def template_design(kit, notes) -> Design | None:
    """The Design of the kit's deck template, or None when the deck uses the built-in design."""
    path = template_path(kit)
    if path is None:
        return None
    t = read(path)
    the_places, colors = places(kit, t)
    m0 = t.masters[t.layouts[t.chosen["body"]].master]
    heading = face(kit, _font(t.layouts[t.chosen["body"]].title.style.get("font"), m0.fonts, "latin"))
    body = face(kit, _font(m0.body_style.get("font", "+mn-lt"), m0.fonts, "latin"))
    design = Design(t.width, t.height, the_places, colors, body, heading, kit.fonts.families[1:], dict(KINDS),
                    t.package.to_bytes(), accent_rules=False, line_pitch=line_pitch(kit))
    design.notes += [f"deck template {path.name}: {n}" for n in t.notes]
    design.notes += [f"deck template {path.name}: removed the link to {target}; templates never reach outside "
                     "their file" for target in t.package.dropped]
    design.notes += [f"deck template {path.name}: {what}" for what in t.package.removed]
    design.cs_font = _font(m0.body_style.get("cs", "+mn-cs"), m0.fonts, "cs") or body.name
    return design
