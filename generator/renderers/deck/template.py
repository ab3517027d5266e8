"""An organisation's template as a Design. Every placeholder's box and text style is resolved through
the whole chain, as PowerPoint resolves it (layout, then master, then the master's text styles and
theme), so layouts that inherit everything (common in corporate templates and in every file
LibreOffice writes) work; layouts are chosen by the placeholders they hold, never by name or order."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ...errors import TemplateError
from .model import Rect
from .ooxml import (EMU, A, P, background_of, fill_of, local, placeholder_kind, placeholder_style, rect_of, scheme_of,
                    text_style)
from .package import Package, clean

ROLES = ("title", "body", "section", "title_only", "blank")
ROLE_TEXT = {"title": ("title slide", "the title slide"),
             "body": ("title and body", "the agenda, text and FAQ slides"),
             "section": ("section header", "section dividers and the quiz's opening slide"),
             "title_only": ("title-only", "tables, quiz questions and answers, and the closing slide"),
             "blank": ("blank", "nothing (a last resort only)")}
TITLES, BODIES = ("title", "ctrTitle"), ("body", "obj")
CONTENT = ("pic", "tbl", "chart", "dgm", "media", "clipArt")
# which master placeholder a layout placeholder inherits its box and style from
_MASTER_KIND = {"title": "title", "ctrTitle": "title", "dt": "dt", "ftr": "ftr", "sldNum": "sldNum", "hdr": "hdr"}
# fonts with Arial's widths: measured exactly with the bundled Arimo
ARIAL_METRICS = {"arial", "arimo", "liberation sans", "helvetica", "helvetica neue", "nimbus sans"}
# a master's body box "unusably small" next to its master's (LibreOffice's repair case): under this share
# of the master's, where the master's is at least this share of the slide's height (a test, not a look)
REPAIR_SHARE, REPAIR_MASTER = 0.5, 0.35


@dataclass(frozen=True)
class Ph:
    kind: str
    idx: int
    name: str
    rect: Rect | None
    style: dict
    inherited: bool = False          # the box came from the master


@dataclass
class Layout:
    index: int                       # in the writer's list: every master's layouts, in order
    name: str
    type: str
    phs: tuple[Ph, ...]
    shapes: list[dict]               # decorations: name, kind, rect, fill
    background: str | None
    show_master: bool
    master: int
    repaired: bool = False           # its title and body boxes were unusable: the master's are used
    original_title: Rect | None = None   # the title box it was written with, when repaired

    def of(self, *kinds: str) -> list[Ph]:
        return [p for p in self.phs if p.kind in kinds]

    @property
    def title(self) -> Ph | None:
        return next(iter(self.of("ctrTitle") + self.of("title")), None)

    @property
    def body(self) -> Ph | None:
        return max(self.of(*BODIES), key=lambda p: p.rect.w * p.rect.h if p.rect else 0, default=None)


@dataclass
class Master:
    scheme: dict
    fonts: dict
    title_style: dict
    body_style: dict
    phs: dict                        # kind -> Ph
    shapes: list[dict]
    background: str | None
    picture_background: bool


@dataclass
class Template:
    path: Path
    width: float
    height: float
    layouts: list[Layout]
    masters: list[Master]
    package: Package
    chosen: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _shapes(owner, scheme, w, h) -> list[dict]:
    out = []
    for el in owner.find(f"{P}cSld/{P}spTree"):
        kind = local(el)
        if kind not in ("sp", "pic", "grpSp", "graphicFrame", "cxnSp") or (kind == "sp" and placeholder_kind(el)):
            continue
        sppr = el.find(f"{P}spPr") if kind != "grpSp" else el.find(f"{P}grpSpPr")
        fill = fill_of(sppr, el.find(f"{P}style"), scheme) if kind == "sp" else None
        name_el = el.find(f".//{P}cNvPr")
        text = "".join(el.itertext()).strip() if kind == "sp" else ""
        out.append({"name": name_el.get("name", kind) if name_el is not None else kind, "kind": kind,
                    "rect": rect_of(sppr, w, h), "fill": fill, "text": text})
    return out


def read(path: Path) -> Template:
    """Read and clean a template; raise TemplateError when it cannot be used."""
    package = clean(path)
    from lxml import etree

    try:
        main = next(t for typ, t in package.rels("").values() if typ.endswith("/officeDocument")) \
            if package.rels("") else "ppt/presentation.xml"
    except StopIteration:
        main = "ppt/presentation.xml"
    try:
        pres = package.xml(main)
        size = pres.find(f"{P}sldSz")
        width, height = int(size.get("cx")) / EMU, int(size.get("cy")) / EMU
    except (KeyError, AttributeError, TypeError, ValueError, etree.XMLSyntaxError):
        raise TemplateError(f"{path}: cannot be used as a deck template: its presentation part is damaged") from None
    rels = package.rels(main)
    masters, layouts = [], []
    ids = pres.find(f"{P}sldMasterIdLst")
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    for m_index, ref in enumerate(ids if ids is not None else []):
        master_name = rels.get(ref.get(r_id), ("", ""))[1]
        if master_name not in package.parts:
            continue
        master_xml = package.xml(master_name)
        theme_name = next(iter(package.related(master_name, "theme")), None)
        scheme, fonts = scheme_of(package.xml(theme_name)) if theme_name in package.parts else ({}, {})
        clr = master_xml.find(f"{P}clrMap")
        for key, default in zip(("bg1", "tx1", "bg2", "tx2"), ("lt1", "dk1", "lt2", "dk2")):
            target = clr.get(key) if clr is not None else default
            if target in scheme:
                scheme[key] = scheme[target]
        scheme.setdefault("bg1", "#FFFFFF")
        scheme.setdefault("tx1", "#000000")
        styles = master_xml.find(f"{P}txStyles")
        title_style = text_style(styles.find(f"{P}titleStyle/{A}lvl1pPr"), scheme) if styles is not None else {}
        body_style = text_style(styles.find(f"{P}bodyStyle/{A}lvl1pPr"), scheme) if styles is not None else {}
        master_phs = {}
        for sp in master_xml.iter(f"{P}sp"):
            kind = placeholder_kind(sp)
            if kind and kind[0] not in master_phs:
                style = placeholder_style(sp, scheme)
                master_phs[kind[0]] = Ph(kind[0], kind[1], "", rect_of(sp.find(f"{P}spPr"), width, height), style)
        bg, picture_bg = background_of(master_xml, scheme)
        master = Master(scheme, fonts, title_style, body_style, master_phs, _shapes(master_xml, scheme, width, height),
                        bg, picture_bg)
        masters.append(master)
        m_rels = package.rels(master_name)
        lay_ids = master_xml.find(f"{P}sldLayoutIdLst")
        for lay_ref in (lay_ids if lay_ids is not None else []):
            lay_name = m_rels.get(lay_ref.get(r_id), ("", ""))[1]
            if lay_name not in package.parts:
                continue
            layouts.append(_layout(package.xml(lay_name), len(layouts), m_index, master, width, height))
    if not layouts:
        raise TemplateError(f"{path}: cannot be used as a deck template: it has no slide layouts")
    t = Template(Path(path), width, height, layouts, masters, package)
    try:
        t.chosen, t.notes = choose(layouts, width, height)
    except TemplateError as exc:
        raise TemplateError(f"{path}: cannot be used as a deck template: {exc}") from None
    _repair_titles(layouts, masters)
    for index in sorted(set(t.chosen.values())):
        if layouts[index].repaired:
            t.notes.append(f"layout {index + 1} \"{layouts[index].name}\" was written with boxes far from its master's "
                           "(as LibreOffice writes the layouts of a file with several masters); its title and body "
                           "take the master's boxes")
    return t


def _layout(xml, index: int, m_index: int, master: Master, w: float, h: float) -> Layout:
    phs = []
    for sp in xml.iter(f"{P}sp"):
        kind_idx = placeholder_kind(sp)
        if not kind_idx:
            continue
        kind, idx = kind_idx
        base = master.phs.get(_MASTER_KIND.get(kind, "body"))
        rect = rect_of(sp.find(f"{P}spPr"), w, h)
        own = placeholder_style(sp, master.scheme)
        style = {**(master.title_style if kind in TITLES else master.body_style), **(base.style if base else {}), **own}
        name_el = sp.find(f".//{P}cNvPr")
        phs.append(Ph(kind, idx, name_el.get("name", kind) if name_el is not None else kind,
                      rect or (base.rect if base else None), style, rect is None))
    written_title = next((p.rect for p in phs if p.kind in TITLES and not p.inherited), None)
    phs, repaired = _repair(phs, master, h)
    bg, _ = background_of(xml, master.scheme)
    return Layout(index, xml.find(f"{P}cSld").get("name") or f"Layout {index + 1}", xml.get("type", "cust"),
                  tuple(phs), _shapes(xml, master.scheme, w, h), bg, xml.get("showMasterSp", "1") not in ("0", "false"),
                  m_index, repaired, written_title if repaired else None)


def _repair_titles(layouts: list[Layout], masters: list[Master]) -> None:
    """Layouts of a master whose body layouts needed repair, and whose own title box is the one those
    had (a title-only layout written the same way), take the master's title box too."""
    for m_index, master in enumerate(masters):
        m_title = master.phs.get("title")
        bad = {lay.original_title for lay in layouts if lay.master == m_index and lay.repaired and lay.original_title}
        if not bad or m_title is None or m_title.rect is None:
            continue
        for lay in layouts:
            title = lay.title
            if lay.master == m_index and not lay.repaired and title is not None and title.rect in bad:
                lay.phs = tuple(replace(p, rect=m_title.rect, inherited=True) if p is title else p for p in lay.phs)
                lay.repaired = True


def _repair(phs: list[Ph], master: Master, h: float) -> tuple[list[Ph], bool]:
    """A layout whose one body box is less than half as tall as its master's (LibreOffice writes every
    layout of a file with the geometry of the last master it used) takes its title and body boxes from
    the master, which is what the slides it was designed with show."""
    bodies = [p for p in phs if p.kind in BODIES]
    m_body, m_title = master.phs.get("body"), master.phs.get("title")
    if len(bodies) != 1 or bodies[0].inherited or bodies[0].rect is None or m_body is None or m_body.rect is None:
        return phs, False
    if not (bodies[0].rect.h < REPAIR_SHARE * m_body.rect.h and m_body.rect.h >= REPAIR_MASTER * h):
        return phs, False
    out = []
    for p in phs:
        if p.kind in BODIES:
            p = replace(p, rect=m_body.rect, inherited=True)
        elif p.kind in TITLES and m_title is not None and m_title.rect is not None:
            p = replace(p, rect=m_title.rect, inherited=True)
        out.append(p)
    return out, True


def _area(p: Ph | None) -> float:
    return p.rect.w * p.rect.h if p is not None and p.rect is not None else 0.0


# a layout's score for a role (choosing, not a look): its type names the role, it is the first master's,
# it holds what the role needs (a centred title, a subtitle, one body), and less for each thing in the way
TYPED, FIRST_MASTER, HOLDS, IN_THE_WAY = 2.0, 0.5, 4, 2


def _score(role: str, lay: Layout, slide_area: float) -> float | None:
    """How well a layout suits a role; None when it cannot serve it."""
    title, bodies = lay.title, lay.of(*BODIES)
    subs = lay.of("subTitle")
    content = lay.of(*CONTENT) + [p for p in lay.phs if p.kind.startswith("vert ")]
    if role == "blank":
        return None if title or bodies or subs or content else 1.0 + (lay.type == "blank")
    if title is None or title.rect is None:
        return None
    hint = {"title": "title", "body": "obj", "section": "secHead", "title_only": "titleOnly"}[role]
    score = TYPED * (lay.type == hint) + FIRST_MASTER * (lay.master == 0)
    if role == "title":
        if not subs and not bodies:
            return None
        return score + HOLDS * bool(lay.of("ctrTitle")) + HOLDS * bool(subs) - IN_THE_WAY * len(content) - len(bodies)
    if role == "title_only":
        return None if bodies or subs or content else score + HOLDS
    if len(bodies) != 1 or subs:
        return None
    share = _area(bodies[0]) / slide_area
    if role == "body":
        return score + HOLDS + HOLDS * share - IN_THE_WAY * len(content) - IN_THE_WAY * (lay.type == "secHead")
    if content or bodies[0].kind != "body":
        return None
    return score + HOLDS - HOLDS * share - IN_THE_WAY * (lay.type == "obj")


FALLBACKS = {"title": ("section", "body", "title_only"), "body": ("section", "title", "title_only"),
             "section": ("title", "body", "title_only"), "title_only": ("body", "section", "title")}


def choose(layouts: list[Layout], w: float, h: float) -> tuple[dict[str, int], list[str]]:
    """The layout for each role, and notes on the fallbacks taken."""
    if not any(lay.title and lay.title.rect for lay in layouts):
        raise TemplateError("none of its slide layouts has a title placeholder, so slides could not carry titles; "
                            "add a Title and Content layout (or any layout with a title) to the slide master")
    best: dict[str, int] = {}
    for role in ROLES:
        scored = [(s, -lay.index) for lay in layouts if (s := _score(role, lay, w * h)) is not None]
        if scored:
            best[role] = -max(scored)[1]
    chosen, notes = dict(best), []
    for role, order in FALLBACKS.items():
        if role in chosen:
            continue
        near = next((r for r in order if r in best), None)
        chosen[role] = best[near] if near else next(lay.index for lay in layouts if lay.title and lay.title.rect)
        lay = layouts[chosen[role]]
        notes.append(f"the template has no {ROLE_TEXT[role][0]} layout; {ROLE_TEXT[role][1]} use layout "
                     f"{lay.index + 1} \"{lay.name}\" instead")
    return chosen, notes
