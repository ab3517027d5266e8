"""Reading a template's look from its DrawingML: colours (scheme, colour map, transforms, fills,
backgrounds), text styles (size, weight, capitals, alignment, colour, font, anchor) and boxes."""
from __future__ import annotations

from lxml import etree

from .color import mix, modify
from .model import Rect

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
EMU = 914400                  # English metric units to the inch
PERCENT = 100000              # DrawingML's percentages and colour parts are in thousandths of a percent
CENTIPOINTS = 100             # text sizes are in hundredths of a point
BYTE = 255                    # an 8-bit colour channel's largest value
# a master's shape smaller than this (inches) is a speck, not in the text's way (a test, not a look)
SPECK = (0.3, 0.2)
_ALIGN = {"l": "left", "ctr": "center", "r": "right", "just": "left", "dist": "left"}
_ANCHOR = {"t": "top", "ctr": "middle", "b": "bottom", "just": "top", "dist": "top"}
_PRESET = {"black": "#000000", "white": "#FFFFFF", "red": "#FF0000", "blue": "#0000FF", "green": "#008000",
           "yellow": "#FFFF00", "gray": "#808080", "grey": "#808080", "navy": "#000080"}


def local(el) -> str:
    return etree.QName(el).localname


def scheme_of(theme) -> tuple[dict[str, str], dict[str, str]]:
    """The colour scheme (dk1, lt1, ..., hlink) and the major and minor fonts (latin, cs) of a theme."""
    scheme: dict[str, str] = {}
    clr = theme.find(f".//{A}clrScheme")
    for el in (clr if clr is not None else []):
        value = _plain(el)
        if value:
            scheme[local(el)] = value
    fonts = {}
    for which in ("majorFont", "minorFont"):
        for script in ("latin", "cs"):
            node = theme.find(f".//{A}fontScheme/{A}{which}/{A}{script}")
            fonts[f"{which}.{script}"] = (node.get("typeface") if node is not None else "") or ""
    return scheme, fonts


def _plain(parent) -> str | None:
    for child in parent:
        tag = local(child)
        if tag == "srgbClr":
            return "#" + child.get("val", "000000").upper()
        if tag == "sysClr":
            return "#" + (child.get("lastClr") or ("FFFFFF" if child.get("val") == "window" else "000000")).upper()
    return None


def colour_in(parent, scheme: dict[str, str]) -> str | None:
    """The colour chosen inside parent (an a:solidFill, a fillRef, a bgRef ...), transforms applied."""
    if parent is None:
        return None
    for child in parent:
        tag = local(child)
        base = None
        if tag in ("srgbClr", "sysClr"):
            base = _plain([child])
        elif tag == "schemeClr":
            base = scheme.get(child.get("val", ""))
        elif tag == "prstClr":
            base = _PRESET.get(child.get("val", ""))
        elif tag == "scrgbClr":
            base = "#%02X%02X%02X" % tuple(round(int(child.get(k, "0")) / PERCENT * BYTE) for k in ("r", "g", "b"))
        if tag.endswith("Clr"):
            if base is None:
                return None
            mods = {local(m): int(m.get("val", str(PERCENT))) / PERCENT for m in child}
            return modify(base, mods.get("lumMod"), mods.get("lumOff"), mods.get("tint"), mods.get("shade"))
    return None


def fill_of(sppr, style, scheme) -> str | None:
    """A shape's solid (or gradient, averaged) fill colour; None when unfilled or a picture."""
    if sppr is not None:
        if sppr.find(f"{A}noFill") is not None:
            return None
        solid = sppr.find(f"{A}solidFill")
        if solid is not None:
            return colour_in(solid, scheme)
        grad = sppr.find(f"{A}gradFill")
        if grad is not None:
            stops = [c for c in (colour_in(gs, scheme) for gs in grad.iter(f"{A}gs")) if c]
            out = stops[0] if stops else None
            for k, c in enumerate(stops[1:], start=2):
                out = mix(out, c, 1 / k)
            return out
        if sppr.find(f"{A}blipFill") is not None or sppr.find(f"{A}pattFill") is not None:
            return None
    if style is not None:
        ref = style.find(f"{A}fillRef")
        if ref is not None and ref.get("idx", "0") not in ("0", "1000"):
            return colour_in(ref, scheme)
    return None


def background_of(owner, scheme) -> tuple[str | None, bool]:
    """The background colour of a master or layout, and whether it is a picture."""
    bg = owner.find(f"{P}cSld/{P}bg")
    if bg is None:
        return None, False
    pr = bg.find(f"{P}bgPr")
    if pr is not None:
        picture = pr.find(f"{A}blipFill") is not None
        return fill_of(pr, None, scheme), picture
    return colour_in(bg.find(f"{P}bgRef"), scheme), False


def rect_of(sppr, slide_w: float, slide_h: float) -> Rect | None:
    """A shape's box in inches from its a:xfrm, cut to the slide (text set off the slide is lost)."""
    if sppr is None:
        return None
    xfrm = sppr.find(f"{A}xfrm")
    if xfrm is None:
        return None
    off, ext = xfrm.find(f"{A}off"), xfrm.find(f"{A}ext")
    if off is None or ext is None:
        return None
    try:
        x, y = int(off.get("x", "0")) / EMU, int(off.get("y", "0")) / EMU
        w, h = int(ext.get("cx", "0")) / EMU, int(ext.get("cy", "0")) / EMU
    except ValueError:
        return None
    x0, y0 = max(x, 0.0), max(y, 0.0)
    x1, y1 = min(x + w, slide_w), min(y + h, slide_h)
    r = Rect(x0, y0, x1 - x0, y1 - y0)
    return r if r.w >= SPECK[0] and r.h >= SPECK[1] else None


def text_style(lvl, scheme) -> dict:
    """Size, bold, caps, alignment, colour and font of a list level (or run) properties element."""
    out: dict = {}
    if lvl is None:
        return out
    if lvl.get("algn"):
        out["align"] = _ALIGN.get(lvl.get("algn"), "left")
    rpr = lvl.find(f"{A}defRPr") if local(lvl) != "rPr" else lvl
    if rpr is not None:
        if rpr.get("sz"):
            out["size"] = int(rpr.get("sz")) / CENTIPOINTS
        if rpr.get("b") is not None:
            out["bold"] = rpr.get("b") in ("1", "true")
        if rpr.get("cap") is not None:
            out["caps"] = rpr.get("cap") == "all"
        colour = colour_in(rpr.find(f"{A}solidFill"), scheme)
        if colour:
            out["color"] = colour
        latin = rpr.find(f"{A}latin")
        if latin is not None and latin.get("typeface"):
            out["font"] = latin.get("typeface")
    return out


def placeholder_style(sp, scheme) -> dict:
    """What a placeholder shape sets itself: its first list level, its anchor, and (as LibreOffice
    writes masters) the properties of its sample text's first run."""
    body = sp.find(f"{P}txBody")
    if body is None:
        return {}
    out = {}
    first_run = body.find(f"{A}p/{A}r/{A}rPr")
    if first_run is not None:
        out.update(text_style(first_run, scheme))
    out.update(text_style(body.find(f"{A}lstStyle/{A}lvl1pPr"), scheme))
    body_pr = body.find(f"{A}bodyPr")
    if body_pr is not None and body_pr.get("anchor"):
        out["anchor"] = _ANCHOR.get(body_pr.get("anchor"), "top")
    return out


def placeholder_kind(sp) -> tuple[str, int] | None:
    """(type, idx) of a placeholder shape; None for any other shape. Vertical text is its own kind."""
    ph = sp.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
    if ph is None:
        return None
    kind = ph.get("type", "obj")
    if ph.get("orient") == "vert":
        kind = "vert " + kind
    try:
        idx = int(ph.get("idx", "0"))
    except ValueError:
        idx = 0
    return kind, idx
