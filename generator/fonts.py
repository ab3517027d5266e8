"""Bundled fonts: a fixed registry of pip-installed font packages, cut into static styles by HarfBuzz.

Nothing here imports a module named by content or a theme: a theme picks a family by its key in
REGISTRY, or names static font files inside its own folder. Variable fonts are pinned to a style
(weight 700 for bold) by HarfBuzz's instancer; the static font is kept in the user's cache folder,
named by a digest of the variable font's bytes, so later builds read it instead of pinning again
(nothing to set up: a missing or unwritable cache only costs the pinning).
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from . import tracking, usercache

STYLES = ("regular", "bold", "italic", "bolditalic")
_WEIGHT = {"regular": 400, "bold": 700, "italic": 400, "bolditalic": 700}
# Characters that draw nothing: no font needs a glyph for them.
INVISIBLE = frozenset("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad\u061c\u202a\u202b\u202c\u202d\u202e"
                      "\u2066\u2067\u2068\u2069")


@dataclass(frozen=True)
class FamilySpec:
    """A font family the kit knows: where its files are and what the deck calls it."""

    key: str
    name: str                       # the family's own name
    package: str                    # the pip package that holds the files (found, never imported)
    files: dict                     # style -> file name; a variable font may serve several styles
    office_name: str = ""           # a font every PowerPoint has with the same metrics (Arial for Arimo)
    licence: str = "SIL Open Font License 1.1"


# The only fonts a build can use besides static files inside a theme's own folder.
# Arimo has Arial's metrics, so the deck can name Arial (on every PowerPoint) and still be measured
# exactly. IBM Plex Sans Arabic draws each letter form as one glyph, so every glyph maps back to
# one character and text copied out of a PDF is the text that was written.
REGISTRY: dict[str, FamilySpec] = {
    spec.key: spec for spec in (
        FamilySpec("arimo", "Arimo", "fontpkg_arimo",
                   {"regular": "Arimo[wght].ttf", "bold": "Arimo[wght].ttf",
                    "italic": "Arimo-Italic[wght].ttf", "bolditalic": "Arimo-Italic[wght].ttf"},
                   office_name="Arial"),
        FamilySpec("ibm-plex-sans-arabic", "IBM Plex Sans Arabic", "fontpkg_ibm_plex_sans_arabic",
                   {"regular": "IBMPlexSansArabic-Regular.ttf", "bold": "IBMPlexSansArabic-Bold.ttf"},
                   office_name="Arial"),
    ) + tuple(
        # Noto's variable fonts for the scripts of South and South-East Asia, cut at 400 and 700
        FamilySpec(f"noto-sans-{script}", f"Noto Sans {script.title()}", f"fontpkg_noto_sans_{script}",
                   {"regular": f"NotoSans{script.title()}[wdth,wght].ttf",
                    "bold": f"NotoSans{script.title()}[wdth,wght].ttf"})
        for script in ("devanagari", "tamil", "telugu", "thai", "khmer"))
}
# What the default theme sets text in: Arimo first, then a bundled font for each other script.
DEFAULT_FAMILIES = ("arimo", "ibm-plex-sans-arabic", "noto-sans-devanagari", "noto-sans-tamil",
                    "noto-sans-telugu", "noto-sans-thai", "noto-sans-khmer")


class FontError(Exception):
    """A font that the theme asks for cannot be found or read."""


def package_dir(package: str) -> Path:
    """The folder of an installed font package, found without running its code."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise FontError(f"the font package {package} is not installed; reinstall the kit "
                        f"(pip install -e .) to get it")
    return Path(next(iter(spec.submodule_search_locations)))


def stamp(path) -> tuple:
    """What changes when a file is rewritten (a cache keyed on it never outlives the file's bytes)."""
    st = os.stat(path)
    return st.st_mtime_ns, st.st_size, st.st_ino


def stamps(folder: Path) -> tuple:
    """The stamps of the font files in a theme folder."""
    files = [p for p in Path(folder).rglob("*") if p.suffix.lower() in (".ttf", ".otf", ".ttc")]
    return tuple(sorted((str(p), stamp(p)) for p in files if p.is_file()))


def _static_bytes(path: str, weight: int, index: int = 0) -> bytes:
    """The font at path as a static font at weight (variable fonts are pinned; static ones kept,
    and a collection (.ttc) kept whole: its face is chosen by index)."""
    tracking.note(path)
    return _pinned(path, weight, index, stamp(path))


@lru_cache(maxsize=64)
def _pinned(path: str, weight: int, index: int, stamp: tuple) -> bytes:
    import uharfbuzz as hb

    data = Path(path).read_bytes()
    face = hb.Face(hb.Blob(data), index)
    axes = {a.tag: a for a in face.axis_infos}
    if not axes or index:
        return data
    kept = usercache.folder("fonts") / f"{hashlib.sha256(data).hexdigest()[:32]}-{weight}-hb{hb.__version__}.ttf"
    cached = usercache.read(kept)
    if cached and hb.Face(hb.Blob(cached)).glyph_count == face.glyph_count:
        return cached   # else damaged (or not ours): cut again, and replace it
    sub = hb.SubsetInput()
    sub.keep_everything()
    for tag, axis in axes.items():
        value = weight if tag == "wght" else axis.default_value
        sub.pin_axis_location(face, tag, max(axis.min_value, min(axis.max_value, value)))
    pinned = hb.subset(face, sub).blob.data
    usercache.keep(kept, pinned)
    return pinned


class Face:
    """One static font: its bytes, a HarfBuzz font for shaping and measuring, and its metrics."""

    def __init__(self, family: str, style: str, data: bytes, deck_name: str = "", index: int = 0,
                 synthetic_bold: bool = False, source: str = ""):
        import uharfbuzz as hb

        self.family, self.style, self.data, self.index = family, style, data, index
        self.deck_name = deck_name or family
        self.synthetic_bold = synthetic_bold    # a regular face drawn thicker (filled and stroked)
        self.source = source                    # the file it came from, when not a bundled package
        self.key = f"{family.replace(' ', '')}-{style}"
        self.hb_face = hb.Face(hb.Blob(data), index)
        self.hb_font = hb.Font(self.hb_face)
        self.upem = self.hb_face.upem
        ext = self.hb_font.get_font_extents("ltr")
        self.ascender = ext.ascender / self.upem
        self.descender = -ext.descender / self.upem
        self.line_gap = ext.line_gap / self.upem
        self.digest = hashlib.sha256(data + bytes([index])).hexdigest()[:12]

    @property
    def cff(self) -> bool:
        """True for PostScript (CFF) outlines, as in most CJK fonts, rather than TrueType ones."""
        return bool(self.hb_face.reference_table("CFF ").data)

    @cached_property
    def unicodes(self) -> frozenset[int]:
        """Code points this face has a glyph for."""
        return frozenset(self.hb_face.unicodes)

    def covers(self, ch: str) -> bool:
        return ord(ch) in self.unicodes

    @property
    def bold(self) -> bool:
        return "bold" in self.style

    @property
    def italic(self) -> bool:
        return "italic" in self.style

    def __repr__(self) -> str:
        return f"Face({self.key})"


@dataclass
class Family:
    """Up to four styles of one family; a missing style falls back to the nearest one."""

    name: str
    files: dict[str, tuple[str, int]]          # style -> (path, weight to pin)
    deck_name: str = ""
    indexes: dict[str, int] = field(default_factory=dict)   # style -> face index in a collection (.ttc)
    source: str = ""                           # where it was found, for the build report
    _faces: dict[str, Face] = field(default_factory=dict, repr=False)

    @property
    def has_bold(self) -> bool:
        return "bold" in self.files

    def face(self, style: str) -> Face:
        """The face of a style, cut on first use; bold without a bold file is the regular face drawn
        thicker (synthetic bold), so bold text never silently prints as regular."""
        wanted = style
        if style not in self.files:
            style = {"bolditalic": "bold" if "bold" in self.files else "italic"}.get(style, "regular")
            style = style if style in self.files else "regular"
        synthetic = "bold" in wanted and "bold" not in style
        key = style + ("+bold" if synthetic else "")
        if key not in self._faces:
            path, weight = self.files[style]
            index = self.indexes.get(style, 0)
            try:
                data = _static_bytes(path, weight, index)
            except OSError as exc:
                raise FontError(f"cannot read the font file {path}: {exc.strerror}") from None
            except Exception:  # noqa: BLE001 - HarfBuzz refuses what is not a font
                raise FontError(f"{path} is not a font file HarfBuzz can read") from None
            self._faces[key] = Face(self.name, "bold" if synthetic else style, data, self.deck_name, index,
                                    synthetic, self.source)
        return self._faces[key]

    @property
    def has_italic(self) -> bool:
        return "italic" in self.files


def bundled(key: str) -> Family:
    """A family of the registry, by key (one per state of its files, so set text stays cached)."""
    spec = REGISTRY[key]
    folder = package_dir(spec.package) / "files"
    files = {}
    for style, name in spec.files.items():
        path = folder / name
        if not path.is_file():
            raise FontError(f"the font package {spec.package} has no {name}; reinstall it")
        files[style] = (str(path), _WEIGHT[style])
    return _bundled(key, tuple(sorted((style, path, stamp(path)) for style, (path, _) in files.items())))


@lru_cache(maxsize=16)
def _bundled(key: str, files: tuple) -> Family:
    spec = REGISTRY[key]
    return Family(spec.name, {style: (path, _WEIGHT[style]) for style, path, _ in files}, spec.office_name)


def from_files(name: str, files: dict[str, Path], indexes: dict[str, int] | None = None,
               source: str = "") -> Family:
    """A family from static font files (a theme's own, build.fonts, a system font), style -> path; each
    is decoded first, so a file that is not a usable font is reported by --check, not by a failing
    PDF writer."""
    indexes = dict(indexes or {})
    for style, path in files.items():
        why = undecodable(Path(path), indexes.get(style, 0))
        if why:
            raise FontError(f"the font file {path} {why}")
    return Family(name, {style: (str(path), _WEIGHT[style]) for style, path in files.items()}, name,
                  indexes, source)


def family_name(path: Path, index: int = 0) -> str:
    """The family name a font file gives itself (its file name when it gives none)."""
    import uharfbuzz as hb

    why = undecodable(Path(path), index)
    if why:
        raise FontError(f"the font file {path} {why}")
    face = hb.Face(hb.Blob.from_file_path(str(path)), index)
    return face.get_name(hb.OTNameIdPredefined.TYPOGRAPHIC_FAMILY) or \
        face.get_name(hb.OTNameIdPredefined.FONT_FAMILY) or path.stem


MAX_FONT = 64 * 2**20
_SFNT = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"typ1", b"ttcf")   # ttcf: a collection (.ttc)


def undecodable(path: Path, index: int = 0) -> str | None:
    """Why the file at path is not a font the PDF and deck writers can use, or None."""
    try:
        return _undecodable(Path(path), index, stamp(path))   # judged again once the file changes
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"


@lru_cache(maxsize=64)
def _undecodable(path: Path, index: int, stamp: tuple) -> str | None:
    import uharfbuzz as hb

    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FONT + 1)
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if len(data) > MAX_FONT:
        return f"is larger than {MAX_FONT // 2**20} MB, more than any font; use the font's .ttf or .otf file"
    if data[:4] not in _SFNT:
        start = data[:40].decode("latin-1").strip()
        hint = "a web page saved under a font's name?" if start[:1] == "<" else "not a TrueType or OpenType file"
        return (f"is not a font (it begins {start[:20]!r}: {hint}); download the .ttf or .otf file itself, "
                "for example from the font's release page")
    face = hb.Face(hb.Blob(data), index)
    if face.glyph_count < 2 or not 16 <= face.upem <= 16384 or not face.unicodes:
        return "is damaged (no glyphs or no character map); download the .ttf or .otf file again"
    sub = hb.SubsetInput()
    sub.glyph_set.update([0, 1])
    sub.flags = hb.SubsetFlags.RETAIN_GIDS | hb.SubsetFlags.NO_HINTING
    try:
        hb.subset(face, sub)
    except (RuntimeError, ValueError):
        return "is damaged (HarfBuzz cannot cut it into a subset); download the .ttf or .otf file again"
    return None


def style_of(bold: bool, italic: bool) -> str:
    """The style name for a bold/italic combination."""
    return ("bold" if bold else "") + ("italic" if italic else "") or "regular"


@dataclass
class FontSet:
    """The families a kit sets text in: the main family first, then fallbacks for other scripts."""

    families: list[Family]

    @property
    def main(self) -> Family:
        return self.families[0]

    def paths(self) -> list[str]:
        """Every font file of every family (what a build that sets text with this set reads)."""
        return sorted({path for family in self.families for path, _ in family.files.values()})

    def face_for(self, ch: str, style: str) -> Face:
        """The first family's face that can draw ch (the main family's when none can)."""
        for family in self.families:
            face = family.face(style)
            if face.covers(ch):
                return face
        return self.main.face(style)

    def covers(self, ch: str) -> bool:
        """True when some family can draw ch (or it draws nothing anyway)."""
        if ch in INVISIBLE or ch.isspace():
            return True
        return any(f.face("regular").covers(ch) for f in self.families)

    def missing(self, text: str) -> list[str]:
        """Characters of text that no family can draw, in order of first appearance."""
        seen: dict[str, None] = {}
        for ch in text:
            if ch not in seen and not self.covers(ch):
                seen[ch] = None
        return list(seen)
