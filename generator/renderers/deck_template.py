"""Deck templates: an organisation's .pptx read with python-pptx into plain data (its layouts and
their placeholders, slide size, theme colours and fonts, master decorations), its layouts chosen by
the placeholder types they hold (never by name or position), a Frame for the planner, and the
report printed by `generate --inspect-template`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import TemplateError, UsageError
from .deck_model import Rect
from .deck_theme import (ROLES, read_layouts, read_master, role_text)  # noqa: F401  (re-exported)

EMU = 914400


@dataclass(frozen=True)
class Ph:
    """One placeholder of a layout."""

    kind: str          # title, ctrTitle, subTitle, body, obj, pic, tbl, chart, dgm, media, dt, ftr, sldNum, ...
    idx: int
    name: str
    rect: Rect | None


TITLES = ("title", "ctrTitle")
BODIES = ("body", "obj")
CONTENT = ("pic", "tbl", "chart", "dgm", "media", "clipArt")
FURNITURE = ("dt", "ftr", "sldNum", "hdr")


@dataclass(frozen=True)
class Layout:
    index: int
    name: str
    type: str                        # the layout's declared type (title, obj, secHead, ...), a hint only
    phs: tuple[Ph, ...]

    def of(self, *kinds: str) -> list[Ph]:
        return [p for p in self.phs if p.kind in kinds]

    @property
    def title(self) -> Ph | None:
        return next(iter(self.of("ctrTitle") + self.of("title")), None)

    @property
    def body(self) -> Ph | None:
        """The largest body or content placeholder."""
        return max(self.of(*BODIES), key=lambda p: p.rect.w * p.rect.h if p.rect else 0, default=None)


@dataclass
class Template:
    """What the generator reads from a template."""

    path: Path
    slide_w: float
    slide_h: float
    layouts: list[Layout]
    slides: int                      # the template's own slides (removed when building)
    master: dict = field(default_factory=dict)     # deck_theme.read_master: scheme, fonts, styles, shapes
    chosen: dict = field(default_factory=dict)     # role -> layout index
    notes: list[str] = field(default_factory=list)  # fallbacks, for warnings


# ---------------------------------------------------------------------------------------------
# Choosing layouts by what they contain
# ---------------------------------------------------------------------------------------------

def _area(p: Ph | None) -> float:
    return p.rect.w * p.rect.h if p is not None and p.rect is not None else 0.0


def _score(role: str, lay: Layout, slide_area: float) -> float | None:
    """How well a layout suits a role; None when it cannot serve it."""
    title, bodies = lay.title, lay.of(*BODIES)
    subs = lay.of("subTitle")
    content = lay.of(*CONTENT) + [p for p in lay.phs if p.kind.startswith("vert ")]  # vertical text too
    if role == "blank":
        return None if title or bodies or subs or content else 1.0 + (lay.type == "blank")
    if title is None:
        return None
    hint = {"title": "title", "body": "obj", "section": "secHead", "title_only": "titleOnly"}[role]
    score = 2.0 if lay.type == hint else 0.0
    if role == "title":
        if not subs and not bodies:
            return None
        return score + 4 * bool(lay.of("ctrTitle")) + 4 * bool(subs) - 2 * len(content) - len(bodies)
    if role == "title_only":
        return None if bodies or subs or content else score + 4
    if len(bodies) != 1 or subs:
        return None
    share = _area(bodies[0]) / slide_area
    if role == "body":
        return score + 4 + 4 * share - 2 * len(content) - 2 * (lay.type == "secHead")
    # section: a title with a short body of text, and no content placeholder
    if content or bodies[0].kind != "body":
        return None
    return score + 4 - 4 * share - 2 * (lay.type == "obj")


FALLBACKS = {"title": ("section", "body", "title_only"), "body": ("section", "title", "title_only"),
             "section": ("title", "body", "title_only"), "title_only": ("body", "section", "title")}


def choose(layouts: list[Layout], slide_w: float, slide_h: float) -> tuple[dict[str, int], list[str]]:
    """The layout for each role (title, body, section, title_only, blank), and notes on fallbacks."""
    if not any(lay.title for lay in layouts):
        raise TemplateError("none of its slide layouts has a title placeholder, so slides could not "
                            "carry titles; add a Title and Content layout (or any layout with a title) "
                            "to the slide master")
    area = slide_w * slide_h
    best: dict[str, int] = {}
    for role in ROLES:
        scored = [(s, -lay.index) for lay in layouts if (s := _score(role, lay, area)) is not None]
        if scored:
            best[role] = -max(scored)[1]
    chosen, notes = dict(best), []
    for role, order in FALLBACKS.items():
        if role in chosen:
            continue
        near = next((r for r in order if r in best), None)
        if near is None:  # only layouts whose title stands alone: any layout with a title
            chosen[role] = next(lay.index for lay in layouts if lay.title)
        else:
            chosen[role] = best[near]
        lay = layouts[chosen[role]]
        notes.append(f"the template has no {role_text(role, short=True)} layout; {role_text(role)} use "
                     f"layout {lay.index + 1} \"{lay.name}\" instead")
    return chosen, notes


# ---------------------------------------------------------------------------------------------
# Reading a template
# ---------------------------------------------------------------------------------------------

def read(path: Path) -> Template:
    """Read a template's layouts, master and theme; raise TemplateError when it cannot be used."""
    prs = open_pptx(path)
    slide_w, slide_h = prs.slide_width / EMU, prs.slide_height / EMU
    layouts = read_layouts(prs, Ph, Layout)
    t = Template(Path(path), slide_w, slide_h, layouts, len(prs.slides), read_master(prs))
    try:
        t.chosen, t.notes = choose(layouts, slide_w, slide_h)
    except TemplateError as exc:
        raise TemplateError(f"{path}: cannot be used as a deck template: {exc}") from None
    return t


def open_pptx(path: Path):
    """The presentation at path, or a TemplateError that says why it cannot be opened."""
    from pptx import Presentation

    path = Path(path)
    if not path.is_file():
        raise TemplateError(f"{path}: no such file")
    try:
        return Presentation(str(path))
    except Exception as exc:  # not a zip, not a presentation, a .potx, damaged XML ...
        raise TemplateError(f"{path}: cannot be read as a PowerPoint .pptx file ({type(exc).__name__}: "
                            f"{exc}); save it from PowerPoint as a .pptx presentation") from None


def template_path(kit) -> Path | None:
    """The deck template of a build: a content file's path is relative to that file, the
    command line's (--deck-template) to the current folder."""
    given = kit.build.deck_template
    if not given:
        return None
    from_content = kit.content.build.deck_template
    if given == from_content:
        return kit.asset(given)
    path = Path(given).expanduser()
    if not path.is_file():
        raise UsageError(f"--deck-template {given}: no such file")
    return path.resolve()


def load(kit, warn: Callable[[str], None] | None = None):
    """The Frame of the kit's deck template, or None when the deck uses the built-in design."""
    path = template_path(kit)
    if path is None:
        return None
    from .deck_frame import frame

    template = read(path)
    notes = list(template.notes)
    result = frame(kit, template, notes)
    for note in notes:
        kit.warn(("build", "deck_template"), f"deck template {path.name}: {note}")
    return result


# ---------------------------------------------------------------------------------------------
# generate --inspect-template
# ---------------------------------------------------------------------------------------------

def _box(r: Rect | None) -> str:
    return "inherited" if r is None else f"{r.x:.2f}, {r.y:.2f} in, {r.w:.2f} x {r.h:.2f} in"


def _font_line(name: str) -> str:
    from ..measure import find_font, stand_in

    if not name:
        return "(none named: the bundled Noto Sans)"
    found = find_font(name)
    if found:
        return name if found[1].lower() == name.lower() else f"{name} (measured with its metric twin {found[1]})"
    wide = stand_in(name)
    return f"{name} (not installed here: measured with {wide[1] if wide else 'Noto Sans, widened'}, a wider stand-in)"


def inspect(path: Path) -> str:
    """A report of a template: size, fonts, colours, master decorations, layouts with their
    placeholders, and the layout used for each kind of slide (TemplateError if it cannot be used)."""
    t = read(path)
    m = t.master
    ratio = t.slide_w / t.slide_h
    shape = "16:9" if abs(ratio - 16 / 9) < 0.02 else "4:3" if abs(ratio - 4 / 3) < 0.02 else f"{ratio:.2f}:1"
    lines = [f"Template: {t.path}",
             f"Slide size: {t.slide_w:.2f} x {t.slide_h:.2f} in ({shape})",
             f"Fonts: headings {_font_line(m['fonts'].get('majorFont', ''))}; "
             f"body {_font_line(m['fonts'].get('minorFont', ''))}",
             "Colours: " + ", ".join(f"{k} {m['scheme'][k]}" for k in
                                     ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "hlink") if k in m["scheme"]),
             "Master decorations (kept): " + (", ".join(
                 f"{s['name']} ({'picture' if s['kind'] == 'pic' else 'text' if s['text'] else 'shape'})"
                 for s in m["shapes"]) or "none"),
             f"Slides in the template: {t.slides} (removed when the deck is built)",
             "", "Layouts:"]
    for lay in t.layouts:
        lines.append(f"  {lay.index + 1}. \"{lay.name}\" (type {lay.type})")
        for ph in lay.phs:
            lines.append(f"       {ph.kind:<9} idx {ph.idx:<3} {_box(ph.rect)}  \"{ph.name}\"")
        if not lay.phs:
            lines.append("       (no placeholders)")
    lines += ["", "Layouts used:"]
    for role in ROLES:
        lay = t.layouts[t.chosen[role]] if role in t.chosen else None
        used = f"{lay.index + 1}. \"{lay.name}\"" if lay else "none"
        lines.append(f"  {role_text(role, short=True):<16} {used:<32} for {role_text(role)}")
    if t.notes:
        lines += ["", "Warnings:"] + [f"  {n}" for n in t.notes]
    return "\n".join(lines)


def open_template(path: Path):
    """The template opened for writing, its own slides removed with their relationships, so that
    their parts (and the notes and media only they used) are not written; custom shows and
    sections that list those slides go too."""
    from pptx.oxml.ns import qn

    prs = open_pptx(path)
    ids = prs.slides._sldIdLst
    for sld_id in list(ids):
        rid = sld_id.rId
        ids.remove(sld_id)
        prs.part.drop_rel(rid)
    root = prs.part._element
    for shows in root.findall(qn("p:custShowLst")):
        root.remove(shows)
    for ext_lst in root.findall(qn("p:extLst")):
        for ext in list(ext_lst):
            if any(etree_local(el) == "sectionLst" for el in ext):
                ext_lst.remove(ext)
        if len(ext_lst) == 0:
            root.remove(ext_lst)
    return prs


def etree_local(el) -> str:
    from lxml import etree

    return etree.QName(el).localname
