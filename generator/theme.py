"""Themes: a folder templates/<name>/ holding theme.yaml (the look, as data) and wording/<lang>.yaml.

A theme is found by name only: in templates/ beside the content file, or among the kit's own
themes. Paths, `..` and links that leave those folders are refused, so a content file cannot point
the build at files elsewhere on the computer. A theme only holds the keys it changes; the rest
comes from the default theme.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import fonts
from .errors import ContentError, TemplateError
from .loader import load_file

BUILTIN = Path(__file__).resolve().parent.parent / "templates"
_FONTSETS: dict = {}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def find_theme(name: str, content_dir: Path) -> Path:
    """The folder of theme `name`: templates/<name>/ beside the content file, else the kit's own."""
    if not _NAME.match(name) or name in (".", ".."):
        raise TemplateError(f"theme {name!r} is not a theme name; give the name of a folder under templates/ "
                            "(such as default), not a path")
    for root in (content_dir / "templates", BUILTIN):
        folder = root / name
        if (folder / "theme.yaml").is_file():
            resolved = folder.resolve()
            if not resolved.is_relative_to(root.resolve()):
                raise TemplateError(f"theme {name!r} links to a folder outside {root}; copy the theme there")
            return resolved
    known = sorted(p.parent.name for p in BUILTIN.glob("*/theme.yaml"))
    raise TemplateError(f"theme {name!r} not found: no templates/{name}/theme.yaml beside the content file; "
                        f"built-in themes: {', '.join(known)}")


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return out


@lru_cache(maxsize=16)
def _yaml(path: Path) -> dict:
    try:
        data = load_file(path).data
    except ContentError as exc:
        raise TemplateError(str(exc)) from None
    if not isinstance(data, dict):
        raise TemplateError(f"{path}: expected `key: value` lines")
    return data


@dataclass(frozen=True)
class Theme:
    """The look of a kit: colours, sizes, margins and fonts from theme.yaml."""

    folder: Path
    data: dict

    def get(self, dotted: str, cast=str):
        """A theme value such as 'colors.primary' or 'deck.body_size'."""
        node = self.data
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                raise TemplateError(f"{self.folder / 'theme.yaml'}: missing `{dotted}`")
            node = node[part]
        try:
            return cast(node)
        except (TypeError, ValueError):
            raise TemplateError(f"{self.folder / 'theme.yaml'}: `{dotted}` should be a {cast.__name__}, "
                                f"not {node!r}") from None

    def num(self, dotted: str) -> float:
        """A numeric theme value."""
        return self.get(dotted, float)

    def color(self, name: str) -> str:
        """A colour as '#RRGGBB'."""
        value = self.get(f"colors.{name}")
        if not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
            raise TemplateError(f"{self.folder / 'theme.yaml'}: colors.{name} should look like #1F5FA0")
        return value.upper()

    def colors(self) -> dict[str, str]:
        """Every colour of the theme by name, each as '#RRGGBB'."""
        return {name: self.color(name) for name in self.section("colors")}

    def section(self, name: str) -> dict:
        """A whole block of the theme, such as 'factsheet', as a dict of numbers and texts."""
        block = self.data.get(name)
        if not isinstance(block, dict):
            raise TemplateError(f"{self.folder / 'theme.yaml'}: missing `{name}:`")
        return block

    def fonts(self) -> fonts.FontSet:
        """The font families of the theme: its `fonts.text` family first, then `fonts.fallbacks`
        (one FontSet per theme folder and choice, so set text stays cached across rebuilds)."""
        spec = self.data.get("fonts") or {}
        keys = [spec.get("text", "arimo")] + list(spec.get("fallbacks") or [])
        key = (self.folder, repr(keys))
        found = _FONTSETS.get(key)
        if found is None:
            found = _FONTSETS[key] = fonts.FontSet([self._family(k) for k in keys])
        return found

    def _family(self, key) -> fonts.Family:
        """A registry family by key, or static files inside the theme folder ({regular: file, ...})."""
        where = self.folder / "theme.yaml"
        if isinstance(key, str):
            if key not in fonts.REGISTRY:
                raise TemplateError(f"{where}: fonts: {key!r} is not a font the kit knows; use one of "
                                    f"{', '.join(fonts.REGISTRY)}, or font files in the theme folder")
            return fonts.bundled(key)
        if isinstance(key, dict) and isinstance(key.get("regular"), str):
            files = {}
            for style in fonts.STYLES:
                name = key.get(style)
                if not isinstance(name, str):
                    continue
                path = (self.folder / name).resolve()
                if not path.is_relative_to(self.folder) or not path.is_file() or path.suffix.lower() not in (".ttf", ".otf"):
                    raise TemplateError(f"{where}: fonts: {name!r} must be a .ttf or .otf file inside the theme folder")
                files[style] = path
            return fonts.from_files(str(key.get("name") or files["regular"].stem), files)
        raise TemplateError(f"{where}: fonts: expected a font name such as arimo, or {{regular: file.ttf, ...}}")


def load_theme(name: str, content_dir: Path) -> Theme:
    """The theme's data over the default theme's."""
    folder = find_theme(name, content_dir)
    data = _yaml(BUILTIN / "default" / "theme.yaml")
    if folder != (BUILTIN / "default").resolve():
        data = _merge(data, _yaml(folder / "theme.yaml"))
    return Theme(folder, data)
