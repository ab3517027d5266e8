"""A template's Frame: the boxes of its chosen layouts, what lies behind them, its fonts (with the files
to measure them) and a text palette from its colour scheme that keeps WCAG AA contrast."""
from __future__ import annotations

from ..measure import find_font, line_ratio, stand_in
from .deck_color import backdrops, ensure, palette
from .deck_fit import _num
from .deck_model import Colors, Face, Fill, Frame, Place, Rect
from .deck_theme import role_text

KINDS = {"title": "title", "agenda": "body", "content": "body", "faq": "body", "divider": "section",
         "quiz": "section", "table": "title_only", "question": "title_only", "reveal": "title_only",
         "closing": "title_only"}
MARGIN = 0.4          # inches kept clear at the slide's edges when a region is derived
MIN_BODY = (2.5, 1.2)  # the smallest body region (w, h) worth setting text in


def face(kit, name: str) -> Face:
    """The face the deck names, measured with the font itself, its metric twin, or a wider stand-in."""
    base = _num(kit.theme, "deck.line_height", 1.37)
    if not name or name == kit.font.name:
        return Face(kit.font.name, kit.font, kit.font.name, line_height=base)
    found = find_font(name)
    if found:
        family, shown = found
        return Face(name, family, shown, False, max(base, line_ratio(family.regular) * 1.05))
    wide = stand_in(name)
    if wide:
        family, shown = wide
        return Face(name, family, shown, True, max(base, line_ratio(family.regular) * 1.05))
    return Face(name, kit.font, kit.font.name, True, base, slack=1.15)


def describe(f: Face) -> str:
    if not f.stand_in:
        return f.name if f.measured == f.name else f"{f.name} (measured with its metric twin {f.measured})"
    return f"{f.name} (not installed here: measured with {f.measured}, a wider stand-in, so the text still fits)"


def _font(name: str | None, fonts: dict) -> str:
    if not name or name.startswith("+mj"):
        return fonts.get("majorFont", "")
    if name.startswith("+mn"):
        return fonts.get("minorFont", "")
    return name


def free_region(title: Rect, slide_w: float, slide_h: float, footer_top: float,
                obstacles: tuple[Rect, ...] = ()) -> Rect:
    """The taller band above or below a title, inside the slide's margins, above the footers and
    clear of the master's and layout's own shapes (logos, bars, static text)."""
    bands = []
    for top, bottom in ((title.bottom + 0.15, min(slide_h - MARGIN, footer_top - 0.1)), (MARGIN, title.y - 0.15)):
        band = Rect(MARGIN, top, slide_w - 2 * MARGIN, bottom - top)
        for ob in obstacles:
            if ob.overlap(band) > 0:
                if ob.y + ob.h / 2 >= band.y + band.h / 2:
                    bottom = min(bottom, ob.y - 0.1)
                else:
                    top = max(top, ob.bottom + 0.1)
                band = Rect(MARGIN, top, slide_w - 2 * MARGIN, bottom - top)
        bands.append(band)
    return max(bands, key=lambda b: b.h)


def _clear_of(body: Rect, title: Rect) -> Rect:
    """body shortened so that it does not run into title (above or below it)."""
    if body.overlap(title) <= 0:
        return body
    if title.y + title.h / 2 <= body.y + body.h / 2:
        top = title.bottom + 0.1
        return Rect(body.x, top, body.w, body.bottom - top)
    return Rect(body.x, body.y, body.w, title.y - 0.1 - body.y)


def frame(kit, t, notes: list[str]) -> Frame:
    """The Frame of template t (deck_template.Template) for kit; fallbacks are added to notes."""
    m = t.master
    scheme, fonts = m["scheme"], m["fonts"]
    heading = face(kit, _font(m["title_style"].get("font"), fonts))
    body_face = face(kit, _font(m["body_style"].get("font", "+mn-lt"), fonts))
    layout = {role: t.layouts[i] for role, i in t.chosen.items()}
    look = {role: m["layouts"][lay.index] for role, lay in layout.items()}
    bg = {role: look[role]["background"] or m["background"] or scheme.get("bg1", "#FFFFFF") for role in layout}
    fills = {role: tuple(Fill(s["rect"], s["fill"], s["name"])
                         for s in ((m["shapes"] if look[role]["show_master"] else []) + look[role]["shapes"])
                         if s["fill"] and s["rect"]) for role in layout}
    obstacles = {role: tuple(s["rect"] for s in ((m["shapes"] if look[role]["show_master"] else [])
                                                + look[role]["shapes"]) if s["rect"]) for role in layout}
    footer_top = min([r.y for lk in look.values() if (r := lk["footer"]) is not None and r.y > t.slide_h / 2]
                     + [t.slide_h])
    title_style = {**m["title_style"], **{k: v for k, v in m["master_ph"].get("title", {}).items()}}
    colors = palette(scheme, bg["body"], title_style.get("color", ""), Colors.of(kit))

    places = {}
    for role in ("title", "body", "section", "title_only"):
        lay = layout[role]
        title_ph = lay.title
        style = {**title_style, **look[role]["ph"].get("title", {}), **look[role]["ph"].get(title_ph.kind, {})}
        title = title_ph.rect or free_region(Rect(0, 0, t.slide_w, 0), t.slide_w, t.slide_h, footer_top,
                                             obstacles[role])
        subs = lay.of("subTitle")
        ph = (subs[0] if subs else lay.body) if role == "title" else (lay.body or next(iter(subs), None))
        region = ph.rect if ph is not None and ph.rect is not None else None
        if role == "title_only" and (region is None or lay.index != layout["body"].index):
            region = layout["body"].body.rect if layout["body"].body and layout["body"].body.rect else None
            region = _clear_of(region, title) if region else None
            free = free_region(title, t.slide_w, t.slide_h, footer_top, obstacles[role])
            if region is None or free.w * free.h > 1.3 * region.w * region.h:
                region = free  # the body box beside a moved title is too small for tables and questions
        if region is None or region.w < MIN_BODY[0] or region.h < MIN_BODY[1]:
            if role in ("body", "title_only"):
                notes.append(f"layout {lay.index + 1} \"{lay.name}\" leaves no body box for "
                             f"{role_text(role)}; the text goes in the free space beside its title")
            region = free_region(title, t.slide_w, t.slide_h, footer_top, obstacles[role])
            ph = None
        if region.w < MIN_BODY[0] or region.h < MIN_BODY[1]:
            from ..errors import TemplateError
            raise TemplateError(f"{t.path}: cannot be used as a deck template: layout {lay.index + 1} "
                                f"\"{lay.name}\" leaves no room for text beside its title")
        probe = Place(role, title, region, bg[role], fills[role])
        title_colour = ensure(style.get("color") or colors.primary, backdrops(probe, title))
        footer = look[role]["footer"]
        places[role] = Place(
            role, title, region, bg[role], fills[role],
            subtitle=region if role == "title" else None, footer=footer,
            title_color=title_colour, title_size=float(style.get("size", 44.0)),
            title_bold=bool(style.get("bold", False)), title_caps=bool(style.get("caps", False)),
            title_align=style.get("align", "left"), title_anchor=style.get("anchor", "top"),
            body_placeholder=ph is not None and role in ("body", "section", "title"),
            body_align=(look[role]["ph"].get(ph.kind, {}).get("align", "left") if ph is not None else "left"),
            footer_color=ensure(colors.muted, backdrops(probe, footer) if footer else [bg[role]]))
    return Frame(t.slide_w, t.slide_h, places, dict(KINDS), heading, body_face, colors, template=t.path,
                 layouts={role: lay.index for role, lay in layout.items()})
