"""Bundled fonts: static TrueType instances cut once from pip-installed variable Noto fonts, then cached."""
from __future__ import annotations

import hashlib
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from platformdirs import user_cache_dir

# style -> (variable file kind, wght); the upright file has no ital axis, Noto ships a separate Italic.
STYLES = {"regular": ("upright", 400), "bold": ("upright", 700),
          "italic": ("italic", 400), "bolditalic": ("italic", 700)}


@dataclass(frozen=True)
class FontFamily:
    """Four static TrueType files of one family, ready to embed."""

    name: str
    regular: Path
    bold: Path
    italic: Path
    bolditalic: Path

    def path(self, style: str) -> Path:
        """Path of one style: regular, bold, italic or bolditalic."""
        return getattr(self, style)


def cache_dir() -> Path:
    """Where cut fonts live; IDPC_KIT_CACHE overrides the user cache folder."""
    return Path(os.environ.get("IDPC_KIT_CACHE") or user_cache_dir("idpc-kit")) / "fonts"


def _sources(package: str) -> dict[str, Path]:
    module = __import__(package)
    files = sorted((Path(module.__file__).parent / "files").glob("*.ttf"))
    upright = next(f for f in files if "Italic" not in f.name)
    italic = next((f for f in files if "Italic" in f.name), upright)
    return {"upright": upright, "italic": italic}


def _cut(source: str, wght: int, target: str) -> str:
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    font = TTFont(source)
    axes = {a.axisTag: a for a in font["fvar"].axes}
    location = {"wght": wght}
    if "wdth" in axes:
        location["wdth"] = 100
    static = instancer.instantiateVariableFont(font, location, updateFontNames=True)
    fd, tmp = tempfile.mkstemp(dir=Path(target).parent, suffix=".part")
    os.close(fd)
    static.save(tmp)
    os.replace(tmp, target)  # atomic: a concurrent build never sees half a font
    return target


@lru_cache(maxsize=None)
def family(package: str = "fontpkg_noto_sans", name: str = "Noto Sans") -> FontFamily:
    """The static family for a fontpkg package, cutting missing instances in parallel."""
    sources = _sources(package)
    digest = hashlib.sha256(b"".join(p.read_bytes()[:4096] + str(p.stat().st_size).encode()
                                     for p in sources.values())).hexdigest()[:12]
    folder = cache_dir() / f"{package}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    slug = name.replace(" ", "")
    targets = {style: folder / f"{slug}-{style}.ttf" for style in STYLES}
    missing = {s: t for s, t in targets.items() if not t.exists()}
    if missing:
        import sys
        print(f"Preparing the {name} fonts (first run only, about 20 s) ...", file=sys.stderr, flush=True)
        jobs = [(str(sources[STYLES[s][0]]), STYLES[s][1], str(t)) for s, t in missing.items()]
        if len(jobs) == 1:
            _cut(*jobs[0])
        else:
            with ProcessPoolExecutor(max_workers=min(len(jobs), os.cpu_count() or 1)) as pool:
                list(pool.map(_cut, *zip(*jobs)))
    return FontFamily(name, **targets)


@lru_cache(maxsize=None)
def coverage(path: Path) -> frozenset[int]:
    """Code points a font file can draw."""
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(str(path), lazy=True).getBestCmap())


def missing_glyphs(text: str, families: list[FontFamily]) -> set[str]:
    """Characters of text that none of the families can draw (spaces and controls ignored)."""
    covered = set().union(*(coverage(f.regular) for f in families))
    return {ch for ch in text if ord(ch) not in covered and not ch.isspace()
            and ch not in "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"}
