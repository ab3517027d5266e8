"""Load a content file into a Kit: the validated content, its settings, theme, fonts and warnings."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from babel.dates import format_date
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from . import fonts
from .errors import ContentError, Problem, TemplateError, UsageError
from .loader import Loaded, format_path, load_file
from .model import Build, Content
from .text import plain
from .theme import Theme, load_theme
from .validate import resolve_asset, validate

_sandbox = ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False)


@dataclass
class Kit:
    """Everything a renderer needs; renderers never read files or flags themselves."""

    content: Content
    source: Loaded
    base_dir: Path
    build: Build
    theme: Theme
    font: fonts.FontFamily
    warnings: list[Problem] = field(default_factory=list)

    @property
    def language(self) -> str:
        """BCP 47 tag of the content."""
        return self.content.language

    def warn(self, path: tuple, message: str) -> None:
        """Record a warning located at a key path of the content file."""
        line, col = self.source.where(path)
        problem = Problem(self.source.file, line, col, format_path(path), message, "warning")
        if problem not in self.warnings:
            self.warnings.append(problem)

    def asset(self, relative: str) -> Path:
        """Absolute path of an asset already checked by validation."""
        path, why = resolve_asset(self.base_dir, relative)
        if why:
            raise ContentError([Problem(self.source.file, 0, 0, "", why)])
        return path

    def event_date(self) -> str | None:
        """The event's date in the language's long form, such as 7 September 2027."""
        event = self.content.event
        return long_date(event.date, self.language) if event and event.date else None

    def event_context(self) -> dict | None:
        """The event as template values, with the date already formatted."""
        event = self.content.event
        if not event:
            return None
        return {"name": plain(event.name), "date": self.event_date(), "time": event.time, "place": event.place}

    def say(self, key: str, **context) -> str:
        """A label from the theme's wording, in the content's language."""
        return self.theme.say(key, **context)


def long_date(value: dt.date, language: str) -> str:
    """A date written the way the language writes it (babel, CLDR data)."""
    try:
        return format_date(value, format="long", locale=language.replace("-", "_"))
    except Exception:  # an unusual tag that babel parses but has no date data for
        return value.isoformat()


def _render_fields(loaded: Loaded) -> list[Problem]:
    """Render {{ field }} references in every text, in a sandbox; report unknown names with their line."""
    data = loaded.data
    context = dict(data)
    event = data.get("event")
    if isinstance(event, dict):
        event = dict(event)
        try:
            event["date"] = long_date(dt.date.fromisoformat(str(event.get("date"))), str(data.get("language") or "en"))
        except ValueError:
            pass
        context["event"] = event
    problems: list[Problem] = []
    for path, parent, key, text in content_texts(data):
        if "{{" not in text and "{%" not in text:
            continue
        try:
            parent[key] = _sandbox.from_string(text).render(context)
            continue
        except SecurityError as exc:
            why = f"this template is not allowed ({exc}); use plain names such as {{{{ event.place }}}}"
        except jinja2.UndefinedError as exc:
            why = _undefined_hint(exc.message or "", text, context)
        except jinja2.TemplateError as exc:
            why = f"template error: {exc}; write {{{{ name }}}} such as {{{{ event.place }}}}"
        except Exception as exc:  # e.g. a division by zero inside {{ }}
            why = f"template failed: {type(exc).__name__}"
        line, col = loaded.where(path)
        problems.append(Problem(loaded.file, line, col, format_path(path), why))
    return problems


def content_texts(data, path: tuple = ()):
    """Every text of the content (not of `build:`) as (key path, container, key, text)."""
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        if path == () and key == "build":
            continue
        if isinstance(value, str):
            yield path + (key,), data, key, value
        else:
            yield from content_texts(value, path + (key,))


def _undefined_hint(message: str, template: str, context: dict) -> str:
    """Name the unknown field in {{ ... }} and list what could have been meant."""
    import re

    attr = re.search(r"has no attribute '([^']+)'", message)
    name = re.search(r"'([^']+)' is undefined", message)
    if attr:
        expr = re.search(r"\{\{\s*([\w.]*" + re.escape(attr.group(1)) + r")", template)
        owner = expr.group(1).rsplit(".", 1)[0] if expr else ""
        known = context.get(owner) if owner in context else None
        names = ", ".join(f"{owner}.{k}" for k in known) if isinstance(known, dict) else ""
        shown = expr.group(1) if expr else attr.group(1)
        return f"unknown field `{shown}` in {{{{ ... }}}}" + (f"; known: {names}" if names else "")
    unknown = name.group(1) if name else message
    known = ", ".join(k for k in context if k != "build")
    return f"unknown name `{unknown}` in {{{{ ... }}}}; known names: {known}"


def load_kit(path: Path, overrides: dict | None = None, shown_as: str | None = None) -> Kit:
    """Load, validate and prepare one content file; raise ContentError with every problem."""
    loaded = load_file(path, shown_as)
    base_dir = path.resolve().parent
    content = validate(loaded, base_dir)
    problems = _render_fields(loaded)
    if problems:
        raise ContentError(problems)
    content = validate(loaded, base_dir)
    build = content.build
    if overrides:
        quiz_over = {k: v for k, v in overrides.items() if k in ("versions", "seed") and v is not None}
        top = {k: v for k, v in overrides.items() if k not in ("versions", "seed") and v is not None}
        build = build.model_copy(update={**top, "quiz": build.quiz.model_copy(update=quiz_over)})
    try:
        theme = load_theme(build.theme, base_dir, content.language)
    except TemplateError as exc:
        if overrides and overrides.get("theme"):
            raise UsageError(str(exc)) from None
        line, col = loaded.where(("build", "theme"))
        raise ContentError([Problem(loaded.file, line, col, "build.theme", str(exc))]) from None
    font = fonts.family(theme.get("fonts.package"), theme.get("fonts.family"))
    kit = Kit(content, loaded, base_dir, build, theme, font, list(loaded.warnings))
    _glyph_warnings(kit)
    return kit


def _glyph_warnings(kit: Kit) -> None:
    """Warn, at its line, about every character that no bundled font can draw."""
    for path, _, _, text in content_texts(kit.source.data):
        missing = fonts.missing_glyphs(text, [kit.font])
        if missing:
            shown = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in sorted(missing)[:5])
            kit.warn(path, f"no bundled font can draw {shown}; it would print as an empty box")
