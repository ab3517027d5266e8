"""Deck PPTX in two stages, as pandoc's pptx writer: plan (pure, measured) then write (python-pptx).

deck_plan.plan(kit) -> list[Slide] decides every slide, its text sizes, splits and positions;
deck_write.write(slides, kit, path) is the only code that touches python-pptx.
"""
from __future__ import annotations

from .deck_plan import Box, Para, Picture, Slide, TableChunk, plan
from .deck_write import write

__all__ = ["Box", "Para", "Picture", "Slide", "TableChunk", "plan", "render", "write"]


def render(kit, staging) -> None:
    """Plan and write deck.pptx."""
    staging.write("deck.pptx", lambda path: write(plan(kit), kit, path))
