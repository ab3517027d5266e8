"""Deck PPTX in two stages, as pandoc's pptx writer: plan (pure, measured) then write (python-pptx).

deck_plan.plan(kit) -> list[Slide] decides every slide, its text sizes, splits and positions
(the model is in deck_model, the measuring and pagination in deck_fit); deck_write.write(slides, kit,
path) is the only code that touches python-pptx, and is imported only when a deck is written.
"""
from __future__ import annotations

from pathlib import Path

from .deck_model import Box, Para, Picture, Slide, TableChunk
from .deck_plan import plan

__all__ = ["Box", "Para", "Picture", "Slide", "TableChunk", "plan", "render", "write"]


def write(slides: list[Slide], kit, path: Path) -> str:
    """Write planned slides to path as .pptx; return a summary such as '34 slides'."""
    from .deck_write import write as write_pptx

    return write_pptx(slides, kit, path)


def render(kit, staging) -> None:
    """Plan and write deck.pptx."""
    staging.write("deck.pptx", lambda path: write(plan(kit), kit, path))
