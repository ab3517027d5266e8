"""Build the requested outputs of one content file into a folder, all or nothing."""
from __future__ import annotations

from pathlib import Path

from .kit import Kit
from .output import Staging, Written
from .renderers import RENDERERS


def preflight(kit: Kit, thorough: bool = False) -> None:
    """Refuse an unusable deck template before anything is built; with thorough (for --check),
    also plan the deck and the quiz exports so their warnings (continuation slides, export limits) show."""
    from .renderers import deck, exports
    from .renderers.deck_template import read, template_path

    wants = set(kit.build.outputs)
    if "deck" in wants and kit.build.deck_template:
        read(template_path(kit))
    if not thorough:
        return
    if "deck" in wants:
        deck.plan(kit, deck.frame(kit))
    if "quiz" in wants and kit.content.quiz:
        for index, message in exports.preflight(exports.authored(exports.plan(kit))):
            kit.warn(("quiz", "questions", index), message)


def build(kit: Kit, out_dir: Path) -> list[Written]:
    """Render every output of kit.build.outputs into out_dir/<language>/, atomically."""
    preflight(kit)
    staging = Staging(out_dir / kit.language)
    try:
        for kind in kit.build.outputs:
            RENDERERS[kind](kit, staging)
    except BaseException:
        staging.abort()
        raise
    return staging.commit()
