"""The deck, in two stages as pandoc's pptx writer: plan (pure: every slide measured and placed in a
Design) and write (write.py, the only module that touches python-pptx).

  design.py     the Design interface and the built-in design
  template.py   an organisation's template as a Design (read, sanitised, inheritance resolved)
  sequence.py   the slide sequence from the content (talk or full style)
  slides.py     planning each kind of slide; tables.py and quizslides.py for tables and the quiz
  fit.py        measuring and fitting
  color.py      contrast
  model.py      the plain-data deck
  write.py      writing the .pptx
"""
from __future__ import annotations

import datetime as dt

from ...text import plain
from .design import builtin
from .model import DeckPlan
from .sequence import Sequence
from .slides import Planner

PROPERTY_LENGTH = 250             # Office cuts a core property's text at 255 characters
UNDATED = dt.date(2000, 1, 1)     # the core properties' date of a deck whose event has none (the same bytes each build)
STAMP_TIME = (9, 0, 0)            # and their time of day


def design(kit, notes):
    """The Design of the kit's deck: its organisation template's, else the built-in one."""
    from .templatedesign import template_design

    return template_design(kit, notes) or builtin(kit, kit.rtl)


def deck_plan(kit, notes, qp, design_=None) -> DeckPlan:
    """Every slide of the deck, measured and placed (pure: reads the kit, the design and the assets)."""
    d = design_ or design(kit, notes)
    style = kit.build.deck.style
    planner = Planner(kit, d, notes, style)
    Sequence(planner).run(qp, kit.build.deck.dividers)
    event = kit.event_context()
    footer = "" if style == "talk" else str(kit.say("slide_footer", event=event, title=plain(kit.content.title)))
    slides = planner.finish(footer)
    content, org = kit.content, kit.content.organization
    stamp = (content.event.date if content.event and content.event.date else UNDATED)
    for note in d.notes:
        notes.warn(("build", "deck_template"), note)
    return DeckPlan(slides, d.width, d.height, _lang_tag(kit.language), kit.rtl,
                    {"latin": d.body.name, "body": d.body.name, "heading": d.heading.name,
                     "cs": d.cs_font or _complex_font(kit) or d.body.name,
                     "ea": _east_asian_font(kit) or d.body.name},
                    plain(content.title, kit.language)[:PROPERTY_LENGTH],
                    plain(content.subtitle or content.summary, kit.language)[:PROPERTY_LENGTH],
                    plain(org.name)[:PROPERTY_LENGTH] if org else "", (stamp.year, stamp.month, stamp.day, *STAMP_TIME),
                    d.template, d.colors.link, d.line_pitch, bool(kit.theme.section("deck")["link_underline"]))


def _east_asian_font(kit) -> str:
    """The family the edition sets Chinese, Japanese or Korean in (named for PowerPoint's East Asian
    text), or "" when it has none."""
    face = kit.fonts.face_for("\u56fd" if not kit.language.lower().startswith("ko") else "\ud55c", "regular")
    return face.deck_name if face.covers("\u56fd") or face.covers("\ud55c") else ""


def _complex_font(kit) -> str:
    """The family the edition sets a complex script in (Devanagari, Thai ...: PowerPoint's "cs" text),
    or "" when its text has none."""
    from ...scripts import SCRIPTS, script_of

    for ch in plain(kit.content.title) + plain(kit.content.summary):
        spec = SCRIPTS.get(script_of(ch))
        if ch.isalpha() and spec is not None and spec.key not in ("latin", "greek", "cyrillic") and \
                spec.key not in ("han", "kana", "hangul", "cjk", "symbols"):
            face = kit.fonts.face_for(ch, "regular")
            return face.deck_name if face.covers(ch) else ""
    return ""


def _lang_tag(language: str) -> str:
    """A language tag as Office writes it: a region is added where the tag has none (ar -> ar-EG)."""
    if "-" in language:
        return language
    from babel.core import get_global

    likely = get_global("likely_subtags").get(language, "")
    parts = likely.split("_")
    region = next((x for x in parts[1:] if x.isupper() and len(x) == 2), "")
    return f"{language}-{region}" if region else language


def plan(kit, notes, qp) -> list:
    """deck.pptx, planned."""
    from ...plans import Planned

    return [Planned("deck.pptx", "deck", deck_plan(kit, notes, qp), "pptx")]
