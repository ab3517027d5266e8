"""A project: the main content file, its translations beside it, and per language a Kit (the validated
content, settings, theme, wording and fonts) that the planners read. Nothing here is mutated later."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import fields, fontchoice, tracking
from .errors import ContentError, Problem, TemplateError, UsageError
from .fonts import FontError, FontSet
from .loader import Loaded, format_path, load_file
from .model import Build, Content
from .text import plain
from .theme import Theme, load_theme
from .translations import find_translations, inherit, outside, structure_problems
from .validate import resolve_asset, validate
from .wording import Said, Wording

_RANGE = re.compile(r"(\d)\s*-\s*(\d)")   # "10:00-16:00" is a range: printed with an en dash
RTL_LANGUAGES = ("ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug")


# Arabic has two sets of month names; the UN, and many Levantine and Iraqi writers, print both as
# "أيلول/سبتمبر". CLDR gives the second alone, so a date follows the content when it writes both.
ARABIC_MONTHS = ("كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيه",
                 "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر",
                 "كانون الأول/ديسمبر")


def long_date(value: dt.date, language: str, sample: str = "") -> str:
    """A date written the way the language writes it (babel, CLDR data), with the month names that
    sample (the content's own text) uses where the language has two sets (Arabic)."""
    from babel.dates import format_date, get_month_names

    # plain "en" is international English ("7 September 2027", as the day itself is written);
    # "en-US" gives "September 7, 2027"
    locale = "en_001" if language == "en" else language.replace("-", "_")
    try:
        text = format_date(value, format="long", locale=locale)
    except Exception:  # an unusual tag that babel parses but has no date data for
        return value.isoformat()
    if language.split("-")[0].lower() == "ar" and any(m in sample for m in ARABIC_MONTHS):
        text = text.replace(get_month_names("wide", locale=locale)[value.month], ARABIC_MONTHS[value.month - 1], 1)
    return text


def date_sample(data) -> str:
    """The text a content file writes its own dates in: its day, summary and event (for long_date)."""
    if not isinstance(data, dict):
        return ""
    return " ".join(str(data.get(k) or "") for k in ("date", "summary", "title", "subtitle"))


@dataclass(frozen=True)
class Kit:
    """Everything the planners need for one language; they never read files or flags themselves."""

    content: Content
    source: Loaded
    base_dir: Path
    build: Build
    theme: Theme
    wording: Wording
    fonts: FontSet
    warnings: tuple[Problem, ...] = ()
    main_file: str = ""                 # the main content file, where build settings live
    build_source: Loaded | None = None  # where build settings were read (for warnings about them)
    overrides: dict = field(default_factory=dict)
    font_report: tuple[str, ...] = ()   # fonts found on the computer for this edition (the build line)

    @property
    def language(self) -> str:
        """BCP 47 tag of the content."""
        return self.content.language

    @property
    def rtl(self) -> bool:
        """True for a right-to-left language (Arabic, Hebrew ...)."""
        return self.language.split("-")[0].lower() in RTL_LANGUAGES

    def say(self, key: str, **context) -> Said:
        """A piece of wording in the content's language."""
        return self.wording.say(key, **context)

    def asset(self, relative: str) -> Path:
        """Absolute path of an asset already checked by validation."""
        path, why = resolve_asset(self.base_dir, relative)
        if why:
            raise ContentError([Problem(self.source.file, 0, 0, "", why)])
        tracking.note(path)
        return path

    def event_date(self) -> str | None:
        """The event's date in the language's long form, such as 7 September 2027."""
        event = self.content.event
        sample = " ".join(x or "" for x in (self.content.date, self.content.summary, self.content.title,
                                            self.content.subtitle))
        return long_date(event.date, self.language, sample) if event and event.date else None

    def event_context(self) -> dict | None:
        """The event as wording values, with the date already formatted."""
        event = self.content.event
        if not event:
            return None
        return {"name": plain(event.name, self.language), "date": self.event_date(),
                "time": _RANGE.sub("\\1\u2013\\2", event.time) if event.time else event.time, "place": plain(event.place, self.language) if event.place else None}

    def where(self, path: tuple) -> tuple[str, int, int]:
        """File, line and column of a key path: build settings are located in the main file."""
        if path and path[0] == "build" and self.build_source is not None:
            if path[1:2] and path[1] in self.overrides:
                return (f"--{str(path[1]).replace('_', '-')}", 0, 0)
            line, col = self.build_source.where(path)
            return self.build_source.file, line, col
        line, col = self.source.where(path)
        return self.source.file, line, col


@dataclass
class Project:
    """The main content file and its translations, each ready to plan."""

    kits: list[Kit]
    warnings: list[Problem]
    failed: list[Problem] = field(default_factory=list)   # problems of the editions that are not built
    skipped: list[str] = field(default_factory=list)      # those editions' language tags

    @property
    def main(self) -> Kit:
        return self.kits[0]


def _apply_overrides(build: Build, overrides: dict) -> Build:
    quiz = {k: v for k, v in overrides.items() if k in ("versions", "seed") and v is not None}
    deck = {k: v for k, v in overrides.items() if k in ("style", "dividers") and v is not None}
    top = {k: v for k, v in overrides.items()
           if k in ("paper", "theme", "deck_template", "outputs") and v is not None}
    return build.model_copy(update={**top, "quiz": build.quiz.model_copy(update=quiz),
                                    "deck": build.deck.model_copy(update=deck)})


def _edition_fonts(kit: Kit, named: list, strict_glyphs: bool) -> tuple[Kit, list[Problem]]:
    """The kit with its edition's fonts, and one problem per script that no font can draw (located
    at its first character)."""
    texts = [(path, text) for path, _, _, text in fields.content_texts(kit.source.data)]
    said = [text for text in kit.wording.texts()]
    choice = fontchoice.choose(kit.fonts, named, [t for _, t in texts] + said, kit.language)
    out = []
    for gap in choice.gaps:
        first = next(iter(gap.chars))
        path = next((p for p, t in texts if first in t), ())
        file, line, col = kit.where(path) if path else (kit.source.file, 0, 0)
        out.append(Problem(file, line, col, format_path(path) if path else "", gap.message(kit.language),
                           "error" if strict_glyphs else "warning"))
    return replace(kit, fonts=choice.fontset, font_report=tuple(choice.report(kit.language))), out


def _poster_line_missing(main_loaded: Loaded, main: Content, loaded: Loaded, content: Content) -> None:
    """Warn when the main file writes a poster line and a translation does not: that poster then
    carries its summary's first sentence, which is seldom what was meant."""
    if main.poster and main.poster.line and not (content.poster and content.poster.line):
        line, _ = main_loaded.where(("poster", "line"))
        problem = Problem(loaded.file, 0, 0, "poster.line", f"{Path(main_loaded.file).name}:{line} has a poster line "
                          "and this translation has none, so its poster carries the summary's first sentence; "
                          f"add `poster: {{line: ...}}` in {content.language}", "warning")
        if problem not in loaded.warnings:
            loaded.warnings.append(problem)


def load_kit(path: Path, overrides: dict | None = None, shown_as: str | None = None,
             translations: bool = False, only_language: str | None = None,
             allow_missing_glyphs: bool = False, partial: bool = False) -> Project | Kit:
    """Load a content file (and with translations=True its translations) into kits; raise
    ContentError listing every problem of every file. With partial, a translation with problems is
    left out instead (its problems and tag in Project.failed and .skipped); a problem in the main file,
    the theme or build settings still stops everything, as every edition depends on them."""
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    shown = shown_as or str(path)
    base_dir = path.resolve().parent
    main_loaded = load_file(path, shown)
    tracking.note(path, content=True)
    problems: list[Problem] = []
    failed: dict[str, list[Problem]] = {}    # a translation's tag -> its problems
    main_content = _validated(main_loaded, base_dir, problems)
    found = find_translations(path, shown) if translations else []
    tag_of = lambda p: p.name[len(path.stem) + 1:-len(path.suffix)]  # noqa: E731
    available = [main_content.language if main_content else "?"] + [tag_of(t) for t, _ in found]
    if only_language:  # one edition asked for: only its file is read (the main file always is)
        found = [(t_path, t_shown) for t_path, t_shown in found
                 if tag_of(t_path).split("-")[0].lower() == only_language.split("-")[0].lower()]
    editions = [(main_loaded, main_content, "")]
    for t_path, t_shown in found:
        own: list[Problem] = []
        why = outside(t_path, base_dir)
        if why:
            failed[tag_of(t_path)] = [Problem(t_shown, 0, 0, "", why)]
            continue
        try:
            loaded = load_file(t_path, t_shown)
            tracking.note(t_path, content=True)
        except ContentError as exc:
            failed[tag_of(t_path)] = list(exc.problems)
            continue
        inherit(loaded, main_loaded)
        content = _validated(loaded, base_dir, own)
        if own:
            failed[tag_of(t_path)] = own
            continue
        editions.append((loaded, content, tag_of(t_path)))
    if problems:   # without a valid main file no translation can be checked against it
        raise ContentError(problems + [p for ps in failed.values() for p in ps])
    kept = editions[:1]
    for loaded, content, tag in editions[1:]:
        own = structure_problems(main_loaded, main_content, loaded, content, Path(loaded.file).name)
        if own:
            failed[tag] = own
        else:
            kept.append((loaded, content, tag))
            _poster_line_missing(main_loaded, main_content, loaded, content)
    editions = kept
    build = _apply_overrides(main_content.build, overrides)
    try:
        theme = load_theme(build.theme, base_dir)
        fonts = theme.fonts()
        tracking.absent(base_dir / "templates" / build.theme / "theme.yaml")   # a theme of the same name added here wins
        for font in fonts.paths():
            tracking.note(font)
    except (TemplateError, FontError) as exc:
        if overrides.get("theme"):
            raise UsageError(f"--theme {overrides['theme']}: {exc}") from None
        line, col = main_loaded.where(("build", "theme"))
        raise ContentError([Problem(main_loaded.file, line, col, "build.theme", str(exc))]) from None
    named, font_problems = fontchoice.named(build.fonts, base_dir)
    for key_path, why in font_problems:
        line, col = main_loaded.where(key_path)
        problems.append(Problem(main_loaded.file, line, col, format_path(key_path), why))
    kits = []
    wanted = only_language.lower() if only_language else None
    exact = wanted and any(c.language.lower() == wanted for _, c, _ in editions)
    for loaded, content, tag in editions:   # tags match in any case; pt finds pt-BR when there is no pt
        lang = content.language.lower()
        if wanted and lang != wanted and (exact or lang.split("-")[0] != wanted):
            continue
        kit = Kit(content, loaded, base_dir, build, theme, Wording(theme.folder, content.language), fonts,
                  tuple(loaded.warnings), main_loaded.file, main_loaded, overrides)
        kit, glyphs = _edition_fonts(kit, named, not allow_missing_glyphs)
        errors = [p for p in glyphs if p.severity == "error"]
        if errors and tag:
            failed[tag] = errors
            continue
        problems += errors
        kits.append(replace(kit, warnings=kit.warnings + tuple(p for p in glyphs if p.severity != "error")))
    rest = [p for ps in failed.values() for p in ps]
    if problems or (rest and not partial) or (rest and not kits):
        raise ContentError(problems + rest)
    if only_language and not kits:
        languages = ", ".join(available)
        raise UsageError(f"--lang {only_language}: there is no {only_language} edition; editions here: {languages}")
    if not translations:
        return kits[0]
    return Project(kits, [], rest, list(failed))


def _validated(loaded: Loaded, base_dir: Path, problems: list[Problem]) -> Content | None:
    """Validate, fill in {{ fields }}, validate again; problems are added to the list."""
    try:
        validate(loaded, base_dir)
    except ContentError as exc:
        problems += exc.problems
        return None
    sample = date_sample(loaded.data)
    field_problems = fields.render_all(loaded, lambda value, language: long_date(value, language, sample))
    if field_problems:
        problems += field_problems
        return None
    try:
        return validate(loaded, base_dir)
    except ContentError as exc:
        problems += exc.problems
        return None

