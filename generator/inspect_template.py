"""`generate --inspect-template FILE`: how a deck template will be used. It reads the template and
plans a whole deck on it exactly as a build does (the content file given, else the kit's example
content), so it refuses what a build would refuse, with the same message, and shows the resolved
boxes the build will use."""
from __future__ import annotations

from pathlib import Path

from .phases import plan
from .project import Options, load
from .renderers.deck.model import Rect
from .renderers.deck.template import ROLE_TEXT, ROLES, read
from .renderers.deck.templatedesign import ARIAL_METRICS
from .theme import BUILTIN


def _box(r: Rect | None, inherited: bool = False) -> str:
    if r is None:
        return "no box"
    where = f"{r.x:.2f}, {r.y:.2f} in, {r.w:.2f} x {r.h:.2f} in"
    return where + (" (from the master)" if inherited else "")


def _font(name: str) -> str:
    if not name:
        return "(none named: Arial)"
    if name.lower() in ARIAL_METRICS:
        return f"{name} (measured exactly with the bundled Arimo, which has its widths)"
    return f"{name} (measured with the bundled Arimo, a little wider, so that text fits whatever font shows)"


def inspect(path: Path, options: Options | None = None) -> str:
    """The report; TemplateError (as a build raises it) when the template cannot be used. The deck is
    planned from options' content file (else the kit's example content) with this template."""
    t = read(path)
    content = Path(options.content if options else "content.yaml")
    if not content.is_file():
        content = BUILTIN.parent / "content.yaml"
    kits = []
    if options is not None:
        kits = load(options.but(content=str(content), deck_template=str(path), only=("deck",), lang=None)).kits
    warnings, slides = [], 0
    for kit in kits[:1]:
        planned = plan(kit, kit, ["deck"])
        warnings = [w.message for w in planned.warnings if "deck template" in w.message]
        slides = len(planned.files[0].payload.slides)
    m = t.masters[0]
    ratio = t.width / t.height
    shape = "16:9" if abs(ratio - 16 / 9) < 0.02 else "4:3" if abs(ratio - 4 / 3) < 0.02 else f"{ratio:.2f}:1"
    lines = [f"Template: {t.path}",
             f"Slide size: {t.width:.2f} x {t.height:.2f} in ({shape})",
             f"Fonts: headings {_font(m.fonts.get('majorFont.latin', ''))}; body {_font(m.fonts.get('minorFont.latin', ''))}",
             "Colours: " + ", ".join(f"{k} {m.scheme[k]}" for k in ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2",
                                                                   "hlink") if k in m.scheme),
             "Master decorations (kept): " + (", ".join(f"{s['name']} ({'picture' if s['kind'] == 'pic' else 'text' if s['text'] else 'shape'})"
                                                         for s in m.shapes) or "none"),
             f"Slides in the template: {t.package.slides} (removed when the deck is built)"]
    if t.package.dropped:
        lines.append("Links to outside the file (removed): " + "; ".join(t.package.dropped))
    if t.package.removed:
        lines.append("Objects, controls, actions and broken links (removed): " + "; ".join(t.package.removed))
    lines += ["", "Layouts (boxes as resolved through the master):"]
    for lay in t.layouts:
        lines.append(f"  {lay.index + 1}. \"{lay.name}\" (type {lay.type}{', master ' + str(lay.master + 1) if len(t.masters) > 1 else ''})")
        for ph in lay.phs:
            lines.append(f"       {ph.kind:<9} idx {ph.idx:<3} {_box(ph.rect, ph.inherited)}  \"{ph.name}\"")
        if not lay.phs:
            lines.append("       (no placeholders)")
    lines += ["", "Layouts used:"]
    for role in ROLES:
        lay = t.layouts[t.chosen[role]] if role in t.chosen else None
        used = f"{lay.index + 1}. \"{lay.name}\"" if lay else "none"
        lines.append(f"  {ROLE_TEXT[role][0]:<16} {used:<34} for {ROLE_TEXT[role][1]}")
    if slides:
        lines += ["", f"A deck of {content.name} on this template plans {slides} slides."]
    if t.notes or warnings:
        lines += ["", "Warnings:"] + [f"  {n}" for n in dict.fromkeys(t.notes + warnings)]
    return "\n".join(lines)
