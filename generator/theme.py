"""Look and wording from templates/<theme>/: theme.yaml (data), labels/<lang>.yaml and notes/*.j2 (Jinja2)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .errors import ContentError, TemplateError
from .loader import load_file

BUILTIN = Path(__file__).resolve().parent.parent / "templates"


def _env(loader=None) -> jinja2.Environment:
    return ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined, loader=loader,
                                         autoescape=False, keep_trailing_newline=False,
                                         trim_blocks=True, lstrip_blocks=True)


def find_theme(name: str, content_dir: Path) -> Path:
    """A theme is a folder under templates/ (beside the content or built in), or a path to one."""
    candidates = [Path(name), content_dir / name, content_dir / "templates" / name, BUILTIN / name]
    for folder in candidates:
        if (folder / "theme.yaml").is_file():
            return folder.resolve()
    known = sorted(p.parent.name for p in BUILTIN.glob("*/theme.yaml"))
    raise TemplateError(f"theme {name!r} not found: no theme.yaml in templates/{name}/; "
                        f"built-in themes: {', '.join(known)}")


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) else value
    return out


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
    """Theme data plus the wording templates of one language."""

    folder: Path
    data: dict
    language: str

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
        if not (value.startswith("#") and len(value) == 7):
            raise TemplateError(f"{self.folder / 'theme.yaml'}: colors.{name} should look like #1F5FA0")
        return value.upper()

    def say(self, key: str, **context) -> str:
        """Render one label template (labels/<lang>.yaml) with the given values."""
        source, where = _labels(self.folder, self.language).get(key, (None, None))
        if source is None:
            raise TemplateError(f"{self.folder / 'labels'}: no label `{key}` for language {self.language!r}")
        return _render(source, where, context)

    def note(self, name: str, **context) -> str:
        """Render a speaker-note scaffold notes/<name>.j2."""
        path = _first_existing([self.folder / "notes" / f"{name}.j2", BUILTIN / "default" / "notes" / f"{name}.j2"])
        return _render(path.read_text("utf-8"), (str(path), 1), context).strip()


def _first_existing(paths: list[Path]) -> Path:
    for path in paths:
        if path.is_file():
            return path
    raise TemplateError(f"template not found: {paths[0]}")


@lru_cache(maxsize=64)
def _compile(source: str):
    return _env().from_string(source)


def _render(source: str, where: tuple[str, int], context: dict) -> str:
    file, first_line = where
    try:
        return _compile(source).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{file}:{first_line + (exc.lineno or 1) - 1}: template error: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{file}:{first_line}: template error: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{file}:{first_line}: template error: {exc}") from None


@lru_cache(maxsize=32)
def _labels(folder: Path, language: str) -> dict[str, tuple[str, tuple[str, int]]]:
    """Label templates with their file and line, falling back: theme/lang, theme/base lang, default/en."""
    base = language.split("-")[0]
    order = [BUILTIN / "default" / "labels" / "en.yaml", BUILTIN / "default" / "labels" / f"{base}.yaml",
             BUILTIN / "default" / "labels" / f"{language}.yaml", folder / "labels" / "en.yaml",
             folder / "labels" / f"{base}.yaml", folder / "labels" / f"{language}.yaml"]
    out: dict = {}
    seen = set()
    for path in order:
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        loaded = load_file(path)
        if not isinstance(loaded.data, dict):
            raise TemplateError(f"{path}: expected `key: value` lines")
        for key, value in loaded.data.items():
            out[key] = (value or "", (str(path), loaded.where((key,))[0]))
    return out


def load_theme(name: str, content_dir: Path, language: str) -> Theme:
    """The theme's data over the default theme's, and its wording for language."""
    folder = find_theme(name, content_dir)
    data = _yaml(BUILTIN / "default" / "theme.yaml")
    if folder != (BUILTIN / "default").resolve():
        data = _merge(data, _yaml(folder / "theme.yaml"))
    return Theme(folder, data, language)
