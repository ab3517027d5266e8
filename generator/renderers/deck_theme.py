"""Reading a template's look from its XML: the theme's colour scheme and fonts, the master's colour
map, title style and background, and the filled shapes (bars, panels) that lie behind text on each
layout. python-pptx opens the file; the theme and styles it has no API for are read with lxml.
"""
from __future__ import annotations

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from lxml import etree

from .deck_color import mix, modify
from .deck_model import Rect

EMU = 914400
ROLES = ("title", "body", "section", "title_only", "blank")
_ROLE_TEXT = {"title": ("title slide", "the title slide"),
              "body": ("title and body", "the agenda, text and FAQ slides"),
              "section": ("section header", "section dividers and the quiz's opening slide"),
              "title_only": ("title-only", "tables, quiz questions, answers, pictures and the closing slide"),
              "blank": ("blank", "nothing (a last resort only)")}
_MAP_KEYS = ("bg1", "tx1", "bg2", "tx2")
_ALIGN = {"l": "left", "ctr": "center", "r": "right", "just": "left", "dist": "left"}
_ANCHOR = {"t": "top", "ctr": "middle", "b": "bottom", "just": "top", "dist": "top"}
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def role_text(role: str, short: bool = False) -> str:
    return _ROLE_TEXT[role][0 if short else 1]


# ---------------------------------------------------------------------------------------------
# Colours
# ---------------------------------------------------------------------------------------------

def scheme_of(theme_xml: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """The colour scheme (dk1, lt1, ..., hlink) and the major and minor latin fonts of a theme part."""
    root = etree.fromstring(theme_xml)
    scheme: dict[str, str] = {}
    clr = root.find(f".//{A}clrScheme")
    for el in (clr if clr is not None else []):
        name = etree.QName(el).localname
        value = _plain_colour(el)
        if value:
            scheme[name] = value
    fonts = {}
    for which in ("majorFont", "minorFont"):
        latin = root.find(f".//{A}fontScheme/{A}{which}/{A}latin")
        fonts[which] = (latin.get("typeface") if latin is not None else "") or ""
    return scheme, fonts


def _plain_colour(parent) -> str | None:
    for child in parent:
        tag = etree.QName(child).localname
        if tag == "srgbClr":
            return "#" + child.get("val", "000000").upper()
        if tag == "sysClr":
            return "#" + (child.get("lastClr") or ("FFFFFF" if child.get("val") == "window" else "000000")).upper()
    return None


_PRESET = {"black": "#000000", "white": "#FFFFFF", "red": "#FF0000", "blue": "#0000FF", "green": "#008000",
           "yellow": "#FFFF00", "gray": "#808080", "grey": "#808080", "navy": "#000080"}


def colour_in(parent, scheme: dict[str, str]) -> str | None:
    """The colour chosen inside parent (an a:solidFill, a fillRef, a bgRef ...), transforms applied."""
    if parent is None:
        return None
    for child in parent:
        tag = etree.QName(child).localname
        base = None
        if tag in ("srgbClr", "sysClr"):
            base = _plain_colour([child])
        elif tag == "schemeClr":
            base = scheme.get(child.get("val", ""))
        elif tag == "prstClr":
            base = _PRESET.get(child.get("val", ""))
        elif tag == "scrgbClr":
            base = "#%02X%02X%02X" % tuple(round(int(child.get(k, "0")) / 100000 * 255) for k in ("r", "g", "b"))
        if tag.endswith("Clr"):
            if base is None:
                return None
            mods = {etree.QName(m).localname: int(m.get("val", "100000")) / 100000 for m in child}
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
            return _average(stops)
        if sppr.find(f"{A}blipFill") is not None or sppr.find(f"{A}pattFill") is not None:
            return None
    if style is not None:
        ref = style.find(f"{A}fillRef")
        if ref is not None and ref.get("idx", "0") not in ("0", "1000"):
            return colour_in(ref, scheme)
    return None


def _average(colours: list[str]) -> str | None:
    if not colours:
        return None
    out = colours[0]
    for k, c in enumerate(colours[1:], start=2):
        out = mix(out, c, 1 / k)
    return out


def background_of(csld, scheme) -> str | None:
    bg = csld.find(qn("p:bg"))
    if bg is None:
        return None
    pr = bg.find(qn("p:bgPr"))
    if pr is not None:
        return fill_of(pr, None, scheme)
    return colour_in(bg.find(qn("p:bgRef")), scheme)


# ---------------------------------------------------------------------------------------------
# Layouts, master and styles
# ---------------------------------------------------------------------------------------------

def _rect(shape, slide_w: float = 1e9, slide_h: float = 1e9) -> Rect | None:
    """A placeholder's box in inches, cut to the slide: text set in a box that runs off the slide
    would run off it too."""
    try:
        if shape.left is None or shape.width is None or shape.top is None or shape.height is None:
            return None
        x0, y0 = max(shape.left / EMU, 0.0), max(shape.top / EMU, 0.0)
        x1 = min((shape.left + shape.width) / EMU, slide_w)
        y1 = min((shape.top + shape.height) / EMU, slide_h)
        r = Rect(x0, y0, x1 - x0, y1 - y0)
        return r if r.w >= 0.3 and r.h >= 0.2 else None  # an empty box is no box to set text in
    except Exception:  # a shape whose geometry python-pptx cannot resolve
        return None


def read_layouts(prs, Ph, Layout) -> list:
    layouts = []
    for index, layout in enumerate(prs.slide_layouts):
        phs = []
        for shape in layout.placeholders:
            ph = shape.element.find(f".//{qn('p:nvPr')}/{qn('p:ph')}")
            kind = ph.get("type", "obj") if ph is not None else "obj"
            if ph is not None and ph.get("orient") == "vert":
                kind = "vert " + kind  # vertical text is no place for the deck's titles or text
            idx = int(ph.get("idx", "0")) if ph is not None else 0
            phs.append(Ph(kind, idx, shape.name, _rect(shape, prs.slide_width / EMU, prs.slide_height / EMU)))
        layouts.append(Layout(index, layout.name or f"Layout {index + 1}", layout.element.get("type", "cust"),
                              tuple(phs)))
    return layouts


def _text_style(lvl, scheme) -> dict:
    """Size, bold, caps, alignment, colour and font of a lvl1pPr (missing values left out)."""
    out: dict = {}
    if lvl is None:
        return out
    if lvl.get("algn"):
        out["align"] = _ALIGN.get(lvl.get("algn"), "left")
    rpr = lvl.find(f"{A}defRPr")
    if rpr is not None:
        if rpr.get("sz"):
            out["size"] = int(rpr.get("sz")) / 100
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


def _ph_style(sp, scheme) -> dict:
    """What a placeholder shape sets itself: its list style's first level and its anchor."""
    out = _text_style(sp.find(f".//{qn('p:txBody')}/{A}lstStyle/{A}lvl1pPr"), scheme)
    body_pr = sp.find(f".//{qn('p:txBody')}/{A}bodyPr")
    if body_pr is not None and body_pr.get("anchor"):
        out["anchor"] = _ANCHOR.get(body_pr.get("anchor"), "top")
    return out


def _shapes(owner, scheme) -> list[dict]:
    """The non-placeholder shapes of a master or layout: name, kind, rectangle, fill, text."""
    out = []
    for shape in owner.shapes:
        el = shape.element
        if el.find(f".//{qn('p:nvPr')}/{qn('p:ph')}") is not None:
            continue
        kind = etree.QName(el).localname  # sp, pic, grpSp, graphicFrame, cxnSp
        fill = fill_of(el.find(qn("p:spPr")), el.find(qn("p:style")), scheme) if kind == "sp" else None
        text = shape.text_frame.text.strip() if getattr(shape, "has_text_frame", False) else ""
        out.append({"name": shape.name, "kind": kind, "rect": _rect(shape), "fill": fill, "text": text})
    return out


def read_master(prs) -> dict:
    """Scheme, fonts, colour map, title style, background and decorations of the first master and
    of each of its layouts."""
    master = prs.slide_master
    theme = master.part.part_related_by(RT.THEME)
    raw, fonts = scheme_of(theme.blob)
    clr_map = master.element.find(qn("p:clrMap"))
    mapping = {k: (clr_map.get(k) if clr_map is not None else None) or d
               for k, d in zip(_MAP_KEYS, ("lt1", "dk1", "lt2", "dk2"))}
    scheme = dict(raw)
    for key, target in mapping.items():
        if target in raw:
            scheme[key] = raw[target]
    scheme.setdefault("bg1", "#FFFFFF")
    scheme.setdefault("tx1", "#000000")
    styles = master.element.find(qn("p:txStyles"))
    title_lvl = styles.find(f"{qn('p:titleStyle')}/{A}lvl1pPr") if styles is not None else None
    body_lvl = styles.find(f"{qn('p:bodyStyle')}/{A}lvl1pPr") if styles is not None else None
    master_ph = {}
    for shape in master.placeholders:
        ph = shape.element.find(f".//{qn('p:nvPr')}/{qn('p:ph')}")
        master_ph.setdefault(ph.get("type", "obj") if ph is not None else "obj", _ph_style(shape.element, scheme))
    layouts = {}
    for index, layout in enumerate(prs.slide_layouts):
        ph_styles, footer = {}, None
        for shape in layout.placeholders:
            ph = shape.element.find(f".//{qn('p:nvPr')}/{qn('p:ph')}")
            kind = ph.get("type", "obj") if ph is not None else "obj"
            ph_styles.setdefault(kind, _ph_style(shape.element, scheme))
            if kind == "ftr":
                footer = _rect(shape)
        layouts[index] = {"background": background_of(layout.element.find(qn("p:cSld")), scheme),
                          "shapes": _shapes(layout, scheme), "ph": ph_styles, "footer": footer,
                          "show_master": layout.element.get("showMasterSp", "1") not in ("0", "false")}
    return {"scheme": scheme, "fonts": fonts, "map": mapping,
            "title_style": _text_style(title_lvl, scheme), "body_style": _text_style(body_lvl, scheme),
            "master_ph": master_ph, "background": background_of(master.element.find(qn("p:cSld")), scheme),
            "shapes": _shapes(master, scheme), "layouts": layouts}
