"""Fonts already on the computer, for scripts no font package covers (Chinese, Japanese, Korean ...).

fontconfig (`fc-list`) answers on Linux; on macOS and Windows the standard font folders are read.
IDPC_KIT_FONT_DIRS (folders separated by the system's path separator) replaces the search with those
folders; set to an empty value, no system font is used (what a machine without them sees). A font
found is read by HarfBuzz only: its outlines are subset and embedded, nothing of it is executed.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ENV = "IDPC_KIT_FONT_DIRS"
SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
_MAX_FILES = 4000          # a font folder larger than this is not read further


@dataclass(frozen=True)
class Found:
    """One face of a font file on this computer."""

    path: str
    index: int
    family: str
    bold: bool


def standard_folders() -> list[Path]:
    """Where the system keeps fonts, when fontconfig is not there to ask."""
    home = Path.home()
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                Path("/Library/Fonts"), home / "Library/Fonts"]
    if os.name == "nt":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData/Local"))
        return [windir / "Fonts", local / "Microsoft/Windows/Fonts"]
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts", home / ".fonts"]


def folders() -> list[Path] | None:
    """The folders to search, or None to ask fontconfig."""
    value = os.environ.get(ENV)
    if value is not None:
        return [Path(p) for p in value.split(os.pathsep) if p.strip()]
    if sys.platform.startswith("linux") and shutil.which("fc-list"):
        return None
    return standard_folders()


def _faces_in(path: Path) -> list[Found]:
    import uharfbuzz as hb

    try:
        blob = hb.Blob.from_file_path(str(path))
        count = max(1, hb.Face(blob).count)
    except Exception:  # noqa: BLE001 - a file that is not a font is skipped
        return []
    out = []
    for index in range(min(count, 32)):
        face = hb.Face(blob, index)
        family = face.get_name(hb.OTNameIdPredefined.TYPOGRAPHIC_FAMILY) or \
            face.get_name(hb.OTNameIdPredefined.FONT_FAMILY) or path.stem
        style = (face.get_name(hb.OTNameIdPredefined.TYPOGRAPHIC_SUBFAMILY) or
                 face.get_name(hb.OTNameIdPredefined.FONT_SUBFAMILY) or "")
        if "italic" in style.lower() or "oblique" in style.lower():
            continue
        out.append(Found(str(path), index, family, "bold" in style.lower()))
    return out


@lru_cache(maxsize=4)
def _scan(roots: tuple[Path, ...]) -> tuple[Found, ...]:
    found: list[Found] = []
    seen = 0
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() in SUFFIXES and path.is_file():
                seen += 1
                if seen > _MAX_FILES:
                    return tuple(found)
                found += _faces_in(path)
    return tuple(found)


@lru_cache(maxsize=32)
def _fontconfig(sample: int) -> tuple[Found, ...]:
    try:
        out = subprocess.run(["fc-list", "-f", "%{file}\t%{index}\t%{family[0]}\t%{style[0]}\t%{weight}\n",
                              f":charset={sample:x}"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    found = []
    for line in sorted(out.splitlines()):
        parts = line.split("\t")
        if len(parts) != 5 or not parts[0].lower().endswith(SUFFIXES):
            continue
        path, index, family, style, weight = parts
        if "italic" in style.lower() or "oblique" in style.lower():
            continue
        try:
            bold = float(weight) >= 180 if weight else "bold" in style.lower()
        except ValueError:
            bold = "bold" in style.lower()
        if 100 < float(weight or 80) < 180 and "bold" not in style.lower():
            continue    # medium and semibold faces: neither the regular nor the bold
        found.append(Found(path, int(index or 0), family, bold))
    return tuple(found)


def _covers(found: Found, chars: str) -> bool:
    try:
        codes = _codes(found.path, found.index)
    except Exception:  # noqa: BLE001 - an unreadable font covers nothing
        return False
    return all(ord(c) in codes for c in chars)


@lru_cache(maxsize=64)
def _codes(path: str, index: int) -> frozenset[int]:
    import uharfbuzz as hb

    return frozenset(hb.Face(hb.Blob.from_file_path(path), index).unicodes)


def _rank(found: Found, region: str) -> tuple:
    """Lower is better: sans before serif, not monospaced, the language's regional forms, then names."""
    name = found.family.lower()
    words = set(name.replace("-", " ").split())
    return ("mono" in name, "serif" in name and "sans" not in name, region.lower() not in words,
            not ("sans" in name or "gothic" in name or "hei" in name or "pingfang" in name), len(name), found.family,
            found.path, found.index)


@lru_cache(maxsize=32)
def find(chars: str, region: str = "SC") -> tuple[Found | None, Found | None]:
    """(regular, bold) faces of the best installed family that has every one of chars; (None, None)
    when none has them. region picks among the regional forms of a CJK family (SC, TC, HK, JP, KR)."""
    roots = folders()
    candidates = _fontconfig(ord(chars[0])) if roots is None else _scan(tuple(roots))
    covering = [f for f in candidates if _covers(f, chars)]
    if not covering:
        return None, None
    regulars = sorted((f for f in covering if not f.bold), key=lambda f: _rank(f, region))
    best = regulars[0] if regulars else sorted(covering, key=lambda f: _rank(f, region))[0]
    bold = sorted((f for f in covering if f.bold and f.family == best.family), key=lambda f: _rank(f, region))
    return best, (bold[0] if bold else None)
