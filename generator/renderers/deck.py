"""Deck PPTX in two stages, as pandoc's pptx writer: plan (pure, measured) then write (python-pptx).

The frame comes first: the built-in design (deck_fit.builtin_frame) or the boxes, fonts and colours
of the organisation's template (deck_template.load). deck_plan.plan(kit, frame) -> list[Slide]
decides every slide, its text sizes, splits and positions (the model is in deck_model, the
measuring and pagination in deck_fit); deck_write.write(slides, kit, path, frame) draws them with
python-pptx, imported only when a deck is written.
"""
from __future__ import annotations

from pathlib import Path

from .deck_fit import builtin_frame
from .deck_model import Box, Frame, Para, Picture, Slide, TableChunk
from .deck_plan import plan

__all__ = ["Box", "Frame", "Para", "Picture", "Slide", "TableChunk", "frame", "plan", "render", "write"]


def frame(kit) -> Frame:
    """The frame of the kit's deck: its template's (build.deck_template), else the built-in design."""
    from .deck_template import load

    return load(kit) or builtin_frame(kit)


def write(slides: list[Slide], kit, path: Path, frame_: Frame | None = None) -> str:
    """Write planned slides to path as .pptx; return a summary such as '34 slides'."""
    from .deck_write import write as write_pptx

    return write_pptx(slides, kit, path, frame_ or builtin_frame(kit))


def render(kit, staging) -> None:
    """Plan and write deck.pptx (a template that cannot be used fails before anything is written)."""
    f = frame(kit)
    slides = plan(kit, f)
    staging.write("deck.pptx", lambda path: write(slides, kit, path, f))
