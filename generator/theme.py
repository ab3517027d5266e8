"""Themes: a folder templates/<name>/ holding theme.yaml (the look, as data) and wording/<lang>.yaml.

A theme is found by name only: in templates/ beside the content file, or among the kit's own
themes. Paths, `..` and links that leave those folders are refused, so a content file cannot point
the build at files elsewhere on the computer. A theme only holds the keys it changes; the rest
comes from the default theme.
"""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import fonts, tracking
from .errors import ContentError, Problem, TemplateError
from .loader import Loaded, format_path, load_file

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


def _yaml(path: Path) -> Loaded:
    """theme.yaml as loaded, once per state of the file (an edit is seen by the next build)."""
    try:
        found = _loaded(path, fonts.stamp(path))
    except OSError:
        found = _loaded(path, None)
    tracking.note(path)
    return found


@lru_cache(maxsize=16)
def _loaded(path: Path, stamp: tuple | None) -> Loaded:
    loaded = load_file(path, _shown(path))
    if not isinstance(loaded.data, dict):
        raise ContentError([Problem(loaded.file, 1, 1, "", "expected `key: value` lines (colors:, deck: ...)")])
    return loaded


def _shown(path: Path) -> str:
    """A theme file as a user finds it: relative to the current folder when it lies inside it."""
    try:
        return os.path.relpath(path) if path.is_relative_to(Path.cwd()) else str(path)
    except (OSError, ValueError):
        return str(path)


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
        key = (self.folder, repr(keys), fonts.stamps(self.folder))   # a replaced font file is read again
        found = _FONTSETS.get(key)
        if found is None:
            found = _FONTSETS[key] = fonts.FontSet([self._family(k) for k in keys])
        return found

    def _family(self, key) -> fonts.Family:
        """A registry family by key, or static files inside the theme folder ({regular: file, ...})."""
        where = self.folder / "theme.yaml"
        if isinstance(key, str) and key not in fonts.REGISTRY and key.lower().endswith((".ttf", ".otf", ".ttc")):
            key = {"regular": key}        # one file named in one line: its -Bold sibling comes along
            bold = key["regular"].replace("Regular", "Bold")
            if bold != key["regular"] and (self.folder / bold).is_file():
                key["bold"] = bold
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
                if not path.is_relative_to(self.folder) or not path.is_file() or \
                        path.suffix.lower() not in (".ttf", ".otf", ".ttc"):
                    raise TemplateError(f"{where}: fonts: {name!r} must be a .ttf, .otf or .ttc file inside the "
                                        "theme folder")
                files[style] = path
            return fonts.from_files(str(key.get("name") or fonts.family_name(files["regular"])), files)
        raise TemplateError(f"{where}: fonts: expected a font name such as arimo, or {{regular: file.ttf, ...}}")


def load_theme(name: str, content_dir: Path) -> Theme:
    """The theme's data over the default theme's, checked against the schema (themeschema/); every
    problem is reported at once, located in the theme file that has it."""
    folder = find_theme(name, content_dir)
    files = [_yaml(BUILTIN / "default" / "theme.yaml")]
    if folder != (BUILTIN / "default").resolve():
        files.append(_yaml(folder / "theme.yaml"))
    data: dict = {}
    for loaded in files:
        data = _merge(data, loaded.data)
    return Theme(folder, _checked(data, files))


def _checked(data: dict, files: list[Loaded]) -> dict:
    """data as the schema types it (numbers as numbers), or ContentError naming every problem. A theme
    checked before is taken from the user's cache: building the schema's models costs pydantic more
    than the rest of loading a theme, and the same theme is checked at every build. The cache is keyed
    by the theme's data and the kit's own code (the schema among it), and holds only plain data."""
    import marshal

    from . import usercache
    from .incremental import code_stamp

    # marshal's version 2: from version 3 on, an object referred to twice or a string interned is
    # written differently, so equal data could give another key (and the cache be missed)
    key = f"{code_stamp()}|{usercache.installed('pydantic')}|".encode() + marshal.dumps(data, 2)
    return usercache.remembered("themes", key, lambda: _validated(data, files), dict)


def _validated(data: dict, files: list[Loaded]) -> dict:
    """data checked against the schema (themeschema/), or ContentError naming every problem."""
    from pydantic import ValidationError

    from .themeschema import Theme as Schema

    try:
        return Schema.model_validate(data).model_dump(exclude_none=True)
    except ValidationError as exc:
        problems = {}
        for err in exc.errors():
            path, message = _path_of(data, err["loc"]), _message(err, Schema)
            if err["type"] in _TYPE_NOISE and any(p[:len(path)] == path and p != path for p in problems):
                continue   # a union's other branch: the specific problem below it says more
            problems.setdefault(path, (err["type"], message))
        problems = {p: m for p, m in problems.items()
                    if not (m[0] in _TYPE_NOISE and any(q[:len(p)] == p and q != p for q in problems))}
        raise ContentError([_located(files, path, message) for path, (_, message) in problems.items()]) from None


_TYPE_NOISE = ("model_type", "dict_type", "string_type")


def _path_of(data, loc) -> tuple:
    """The parts of a pydantic location that index into the data (a union's branch names dropped)."""
    path, node = [], data
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, (list, tuple)) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part.islower() and part.isidentifier() \
                and part not in ("str", "float", "int"):
            path.append(part)   # a missing key: named under its own name
            break
    return tuple(path)


def _model_at(model, path: tuple):
    """The schema class that holds the last key of path."""
    import typing

    from pydantic import BaseModel

    for part in path[:-1]:
        if not isinstance(part, str) or part not in model.model_fields:
            continue
        found = [model.model_fields[part].annotation]
        while found:
            models = [t for t in found if isinstance(t, type) and issubclass(t, BaseModel)]
            if models:
                model = models[0]
                break
            found = [a for t in found for a in typing.get_args(t)]
    return model


def _message(err: dict, schema) -> str:
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    key = str(err["loc"][-1]) if err["loc"] else ""
    if kind == "extra_forbidden":
        known = list(_model_at(schema, tuple(err["loc"])).model_fields)
        near = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        return f"unknown key `{key}`" + (f"; did you mean `{near[0]}`?" if near else f"; known keys here: {', '.join(known)}")
    if kind == "missing":
        return f"`{key}` is missing; add it (the default theme has every key)"
    if kind in ("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"):
        what = "a whole number" if kind.startswith("int") else "a number"
        return f"{value!r} is not {what}; write {what} such as {'2' if kind.startswith('int') else '9.5'}"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = {"greater_than": "more than {gt:g}", "greater_than_equal": "at least {ge:g}",
                 "less_than": "less than {lt:g}", "less_than_equal": "at most {le:g}"}[kind].format(**ctx)
        return f"{value} is out of range; use {bound}"
    if kind == "string_pattern_mismatch":
        return f"{value!r} is not a colour; write it as #RRGGBB, such as \"#1F5FA0\" (with the quotes)"
    if kind in ("model_type", "dict_type"):
        return "expected `key: value` lines under this key"
    if kind in ("tuple_type", "list_type", "too_short", "too_long"):
        return "expected a list such as [1.6, 0.07]"
    if kind == "string_type":
        return "expected text"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return err["msg"]


def _located(files: list[Loaded], path: tuple, message: str) -> Problem:
    """The problem at the theme file that sets path (the theme's own before the default's)."""
    for loaded in reversed(files):
        known = [path[:k] for k in range(len(path), 0, -1) if path[:k] in loaded.positions]
        if known:
            line, col = loaded.where_key(path) if "unknown key" in message else loaded.where(path)
            return Problem(loaded.file, line, col, format_path(path), message)
    loaded = files[-1]
    return Problem(loaded.file, 1, 1, format_path(path), message)
