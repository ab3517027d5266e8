"""Build the requested outputs of one content file into a folder, all or nothing."""
from __future__ import annotations

from pathlib import Path

from .kit import Kit
from .output import Staging, Written
from .renderers import RENDERERS


def build(kit: Kit, out_dir: Path) -> list[Written]:
    """Render every output of kit.build.outputs into out_dir/<language>/, atomically."""
    staging = Staging(out_dir / kit.language)
    try:
        for kind in kit.build.outputs:
            RENDERERS[kind](kit, staging)
    except BaseException:
        staging.abort()
        raise
    return staging.commit()
