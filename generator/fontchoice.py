"""The fonts of one edition: the theme's, then the files named in build.fonts, then, for each script its
text uses that those lack, the bundled font package for it, else a font installed on the computer.
What still has no font is reported once per script, with the fix."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import fonts, sysfonts
from .scripts import EAST_ASIAN, SCRIPTS, cjk_region, fix_for, script_of


@dataclass
class Gap:
    """A script that no font can draw in an edition: its characters in order and how often each occurs."""

    script: str
    chars: dict[str, int] = field(default_factory=dict)
    scripts: list[str] = field(default_factory=list)   # East Asian scripts share one gap (and one fix)

    @property
    def name(self) -> str:
        names = [SCRIPTS[s].name for s in self.scripts if s != "cjk"] or [SCRIPTS[self.script].name]
        return " and ".join(names)

    def message(self, language: str) -> str:
        """One line that names the script, says how to fix it and shows what is missing."""
        if self.script == "symbols":
            shown = ", ".join(f"{ch} (U+{ord(ch):04X}{_name(ch)}, used {_times(k)})" for ch, k in self.chars.items())
            return (f"the {language} edition uses characters that no installed font covers, which would print as "
                    f"empty boxes: {shown}; {fix_for(self.script)}")
        n = len(self.chars)
        first = "".join(list(self.chars)[:8])
        return (f"the {language} edition uses {self.name}, which no installed font covers: {fix_for(self.script)} "
                f"({n} different character{'s' if n != 1 else ''}, first {first})")


def _name(ch: str) -> str:
    import unicodedata

    name = unicodedata.name(ch, "")
    return f" {name}" if name else ""


def _times(k: int) -> str:
    return "once" if k == 1 else f"{k} times"


@dataclass
class Choice:
    """An edition's fonts, what was added for its scripts (for the build report) and what has none."""

    fontset: fonts.FontSet
    added: list[tuple[str, fonts.Family]]      # (script, family) found for the edition
    gaps: list[Gap]
    names: dict[str, str] = field(default_factory=dict)   # script -> what the report calls it

    def report(self, language: str) -> list[str]:
        """Lines for the build report: a system font named with its file, or a bold drawn thicker."""
        out = []
        for script, family in self.added:
            if family.source:
                bold = "" if family.has_bold else "; no bold in it: bold text is drawn thicker"
                out.append(f"{language}: {self.names.get(script, SCRIPTS[script].name)} set in {family.name} "
                           f"({family.source}, subset and embedded{bold})")
        return out


def _system(script: str, chars: str, language: str) -> fonts.Family | None:
    region = cjk_region(language) if script in EAST_ASIAN else ""
    sample = "".join(sorted(set(chars)))[:48]
    regular, bold = sysfonts.find(sample, region)
    if regular is None and len(sample) > 1:
        regular, bold = sysfonts.find(sample[0], region)
    if regular is None:
        return None
    files = {"regular": Path(regular.path)}
    indexes = {"regular": regular.index}
    if bold is not None:
        files["bold"], indexes["bold"] = Path(bold.path), bold.index
    try:
        return fonts.from_files(regular.family, files, indexes, source=regular.path)
    except fonts.FontError:     # an installed file the kit cannot use is passed over
        return None


def choose(base: fonts.FontSet, named: list[fonts.Family], texts: list[str], language: str) -> Choice:
    """The edition's FontSet for texts (everything it prints), and the scripts still without a font."""
    families = list(base.families) + [f for f in named if f not in base.families]
    added: list[tuple[str, fonts.Family]] = []
    tried: set[str] = set()
    while True:
        fontset = fonts.FontSet(families)
        missing = _missing(fontset, texts)
        todo = [s for s in dict.fromkeys(script_of(ch) for ch in missing) if s not in tried and s != "symbols"]
        if not todo:
            break
        script = todo[0]
        tried.add(script)
        if script in EAST_ASIAN:   # one CJK family serves Han, kana, Hangul and their punctuation
            tried |= EAST_ASIAN
        spec = SCRIPTS.get(script)
        family = None
        if spec is not None and spec.bundled:
            family = fonts.bundled(spec.bundled)
        elif spec is not None and spec.system:
            chars = "".join(ch for ch in missing if script_of(ch) == script or
                            (script in EAST_ASIAN and script_of(ch) in EAST_ASIAN))
            family = _system(script, chars, language)
        if family is not None and family not in families:
            families.append(family)
            added.append((script, family))
    gaps: dict[str, Gap] = {}
    for ch, count in _missing(fonts.FontSet(families), texts).items():
        script = script_of(ch)
        gap = gaps.setdefault("east-asian" if script in EAST_ASIAN else script, Gap(script))
        gap.chars[ch] = count
        if script not in gap.scripts:
            gap.scripts.append(script)
    used = [s for s in dict.fromkeys(script_of(ch) for t in texts for ch in t) if s in EAST_ASIAN and s != "cjk"]
    names = {s: " and ".join(SCRIPTS[u].name for u in sorted(used, key=["kana", "hangul", "han"].index))
             for s, _ in added if s in EAST_ASIAN and used}
    return Choice(fonts.FontSet(families), added, list(gaps.values()), names)


def _missing(fontset: fonts.FontSet, texts: list[str]) -> dict[str, int]:
    """Characters no family draws -> how often they occur, in order of first appearance."""
    unknown = {ch for ch in set().union(*map(set, texts)) if not fontset.covers(ch)}   # each character once
    if not unknown:
        return {}
    out: dict[str, int] = {}
    for text in texts:
        if not unknown.isdisjoint(text):
            for ch in fontset.missing(text):
                out[ch] = out.get(ch, 0) + text.count(ch)
    return out


def _font_path(name: str, base_dir: Path) -> tuple[Path | None, str | None]:
    """A font file named in build.fonts: beside the content file, or in the system's font folders."""
    from .validate import resolve_asset

    raw = Path(name).expanduser()
    if raw.is_absolute():
        target = raw.resolve()
        if not any(target.is_relative_to(f.resolve()) for f in sysfonts.standard_folders() if f.exists()):
            return None, (f"{name!r} is outside the system's font folders; copy the font file beside the content "
                          "file and name it by its relative path")
        if not target.is_file():
            return None, f"{name!r} does not exist"
    else:
        target, why = resolve_asset(base_dir, name)
        if why:
            return None, why
    if target.suffix.lower() not in sysfonts.SUFFIXES:
        return None, f"{name!r} is not a font file; name a .ttf, .otf or .ttc file"
    return target, None


def named(entries, base_dir: Path) -> tuple[list[fonts.Family], list[tuple[tuple, str]]]:
    """The families of build.fonts, and (key path, why) for each entry that cannot be used. A file
    named alone brings its bold sibling along (Font-Regular.ttf -> Font-Bold.ttf) when there is one."""
    families, problems = [], []
    for k, entry in enumerate(entries):
        given = {"regular": entry} if isinstance(entry, str) else {"regular": entry.regular, "bold": entry.bold}
        files: dict[str, Path] = {}
        for style, name in given.items():
            if not name:
                continue
            path, why = _font_path(name, base_dir)
            if why:
                problems.append((("build", "fonts", k) + (() if isinstance(entry, str) else (style,)), why))
                continue
            files[style] = path
        if "regular" not in files:
            continue
        regular = files["regular"]
        if "bold" not in files and isinstance(entry, str) and "Regular" in regular.name:
            sibling = regular.with_name(regular.name.replace("Regular", "Bold"))
            if sibling.is_file():
                files["bold"] = sibling
        try:
            families.append(fonts.from_files(fonts.family_name(regular), files, source=str(regular)))
        except fonts.FontError as exc:
            problems.append((("build", "fonts", k), str(exc)))
    return families, problems
