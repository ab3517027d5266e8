"""Shaping with HarfBuzz: text in one face becomes positioned glyphs (joined Arabic forms, marks placed
by the font, kerning), cached by (face, text, direction) so that a word is shaped once per process."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..fonts import Face


@dataclass(frozen=True)
class Shaped:
    """Glyphs of one run in visual order; advances and offsets in font units."""

    gids: tuple[int, ...]
    clusters: tuple[int, ...]       # index in the run's text of the character each glyph comes from
    advances: tuple[int, ...]
    x_offsets: tuple[int, ...]
    y_offsets: tuple[int, ...]
    width: int                      # sum of advances

    def texts(self, text: str) -> tuple[str, ...]:
        """The characters each glyph stands for (for copying text out of a PDF); '' for the second
        and later glyphs of a cluster."""
        starts = sorted(set(self.clusters))
        ends = {start: end for start, end in zip(starts, starts[1:] + [len(text)])}
        seen: set[int] = set()
        out = []
        for cluster in self.clusters:
            if cluster in seen:
                out.append("")
            else:
                seen.add(cluster)
                out.append(text[cluster:ends[cluster]])
        return tuple(out)


_FEATURES = {"kern": True, "liga": True}


@lru_cache(maxsize=100_000)
def _shape(face: Face, text: str, rtl: bool, language: str) -> Shaped:
    import uharfbuzz as hb

    buf = hb.Buffer()
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    if language:
        buf.language = language
    hb.shape(face.hb_font, buf, _FEATURES)
    infos, positions = buf.glyph_infos, buf.glyph_positions
    advances = tuple(p.x_advance for p in positions)
    return Shaped(tuple(i.codepoint for i in infos), tuple(i.cluster for i in infos), advances,
                  tuple(p.x_offset for p in positions), tuple(p.y_offset for p in positions), sum(advances))


def shape(face: Face, text: str, rtl: bool = False, language: str = "") -> Shaped:
    """The glyphs of text in face, in visual order (right-to-left runs come out reversed)."""
    return _shape(face, text, rtl, language)


@lru_cache(maxsize=200_000)
def width(face: Face, text: str, rtl: bool = False) -> float:
    """Advance width of text in face, in ems."""
    return _shape(face, text, rtl, "").width / face.upem
