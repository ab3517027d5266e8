"""Deck colours: WCAG contrast, mixing, and a text palette made from a template's colour scheme.

Pure functions on '#RRGGBB' strings. Every text colour the deck writes is checked here against
what lies behind it (WCAG 2 AA: 4.5:1 for text), and moved towards black or white until it passes.
"""
from __future__ import annotations

import colorsys
from dataclasses import replace

from .model import Box, Colors, Place, Rect, Slide

AA = 4.5          # WCAG 2 AA for text: the default where no theme names its own
MIX_STEPS = 20    # a colour is moved towards black or white in twentieths until it reads
# colour maths, not looks: 8-bit channels; sRGB's transfer curve and WCAG 2's luminance weights and flare
BYTE = 255
SRGB_KNEE, SRGB_SLOPE, SRGB_OFFSET, SRGB_GAMMA = 0.04045, 12.92, 0.055, 2.4
LUMA = (0.2126, 0.7152, 0.0722)
FLARE = 0.05
# a fill lies behind text when it covers more than this share of the text's box, and covers it whole
# from this share (a test of what lies behind, not a look)
BEHIND, WHOLE = 0.02, 0.98
NO_AREA = 1e-9    # a box of no area still has a backdrop


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    return tuple(v / BYTE for v in bytes.fromhex(hex_colour.lstrip("#")))  # type: ignore[return-value]


def _hex(rgb) -> str:
    return "#" + "".join(f"{max(0, min(BYTE, round(v * BYTE))):02X}" for v in rgb)


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2)."""
    def lin(c):
        return c / SRGB_SLOPE if c <= SRGB_KNEE else ((c + SRGB_OFFSET) / (1 + SRGB_OFFSET)) ** SRGB_GAMMA
    return sum(weight * lin(c) for weight, c in zip(LUMA, _rgb(colour)))


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + FLARE) / (lb + FLARE)


def mix(a: str, b: str, t: float) -> str:
    """a moved a fraction t of the way to b."""
    return _hex(x + (y - x) * t for x, y in zip(_rgb(a), _rgb(b)))


def ensure(fg: str, backs: list[str] | tuple[str, ...] | str, ratio: float = AA) -> str:
    """fg, or the nearest colour towards black or white that reaches ratio against every backdrop."""
    backs = [backs] if isinstance(backs, str) else list(backs)

    def worst(c: str) -> float:
        return min(contrast(c, b) for b in backs)

    if not backs or worst(fg) >= ratio:
        return fg.upper()
    found = []
    for target in ("#000000", "#FFFFFF"):
        step = next((k for k in range(1, MIX_STEPS + 1) if worst(mix(fg, target, k / MIX_STEPS)) >= ratio), None)
        if step is not None:
            found.append((step, mix(fg, target, step / MIX_STEPS)))
    if found:
        return min(found)[1]
    return max(("#000000", "#FFFFFF"), key=worst)


def modify(colour: str, lum_mod: float | None = None, lum_off: float | None = None,
           tint: float | None = None, shade: float | None = None) -> str:
    """DrawingML colour transforms (fractions, 1.0 = 100%) applied to colour."""
    r, g, b = _rgb(colour)
    if tint is not None:
        r, g, b = (1 - (1 - v) * tint for v in (r, g, b))
    if shade is not None:
        r, g, b = (v * shade for v in (r, g, b))
    if lum_mod is not None or lum_off is not None:
        h, lum, s = colorsys.rgb_to_hls(r, g, b)
        lum = lum * (lum_mod if lum_mod is not None else 1.0) + (lum_off or 0.0)
        r, g, b = colorsys.hls_to_rgb(h, max(0.0, min(1.0, lum)), s)
    return _hex((r, g, b))


def palette(scheme: dict[str, str], background: str, title: str, builtin: Colors, look: dict,
            ratio: float = AA) -> Colors:
    """Text colours from a template's scheme (dk1, lt1, dk2, lt2, accent1..6, hlink, after the
    master's colour map as tx1, bg1, tx2, bg2), each readable (ratio) on the background and on the
    fills the deck puts behind text (option boxes, table rows); look holds the theme's mixing shares."""
    bg = background
    text = ensure(scheme.get("tx1", builtin.text), bg, ratio)
    white = builtin.background   # the deck's contrast white: table rows alternate it with light
    accent1 = scheme.get("accent1", builtin.secondary)
    light = mix(accent1, bg, float(look["light"]))
    if contrast(light, bg) > float(look["light_contrast"]) or contrast(text, light) < ratio:
        light = mix(text, bg, float(look["light_text"]))
    backs = [bg, light, white]
    primary = ensure(title or scheme.get("tx2", text), backs, ratio)
    secondary = ensure(accent1, backs, ratio)
    accent = ensure(scheme.get("accent2", secondary), [bg], ratio)
    muted = ensure(mix(text, bg, float(look["muted"])), backs, ratio)
    rule = mix(accent1, bg, float(look["rule"]))
    on_primary = ensure(scheme.get("bg1", white), [secondary], ratio)
    link = ensure(scheme.get("hlink", secondary), backs, ratio)
    correct = ensure(builtin.correct, [white, bg], float(look["fill_contrast"]))
    on_correct = ensure(builtin.on_correct, [correct], ratio)
    return Colors(primary, secondary, accent, ensure(text, backs, ratio), muted, light, rule, on_primary, correct,
                  on_correct, link, builtin.badge, builtin.background)


def backdrops(place: Place, rect: Rect) -> list[str]:
    """The colours that lie behind rect on a slide of this place: the fills it overlaps, from the
    top down to the first that covers it whole, else the background too."""
    area = max(rect.w * rect.h, NO_AREA)
    out: list[str] = []
    for fill in reversed(place.fills):
        shared = fill.rect.overlap(rect)
        if shared > BEHIND * area:
            out.append(fill.color)
            if shared >= WHOLE * area:
                return out
    return out + [place.background]


def readable(slide: Slide, place: Place, ratio: float = AA) -> None:
    """Make every text colour of the slide reach the contrast ratio against what lies behind its box."""
    def fix(box: Box | None) -> Box | None:
        if box is None:
            return None
        backs = [box.fill] if box.fill else backdrops(place, Rect(box.x, box.y, box.w, box.h))
        paras = tuple(replace(p, color=ensure(p.color, backs, ratio),
                              first_color=p.first_color and ensure(p.first_color, backs, ratio),
                              link_color=p.link_color and ensure(p.link_color, backs, ratio),
                              bullet_color=p.bullet_color and ensure(p.bullet_color, backs, ratio))
                      for p in box.paras)
        return replace(box, paras=paras)

    slide.title_box = fix(slide.title_box)
    slide.subtitle = fix(slide.subtitle)
    slide.boxes = [fix(b) for b in slide.boxes]
