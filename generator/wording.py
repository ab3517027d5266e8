"""Wording: every label, composed phrase and speaker-note scaffold, per language, from
templates/<theme>/wording/<language>.yaml, as Jinja2 templates rendered in a sandbox.

A key missing in the language's catalogue falls back to English; the text then says which language
it really is in (Said.language), so the deck tags it correctly, and the build warns, naming the key.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import tracking
from .errors import ContentError, Problem, TemplateError
from .loader import load_file
from .theme import BUILTIN

FALLBACK = "en"


class Said(str):
    """Generator wording, with the language it is really written in."""

    language: str = ""

    def __new__(cls, text: str, language: str):
        self = super().__new__(cls, text)
        self.language = language
        return self


@lru_cache(maxsize=1)
def _env():
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False,
                                         keep_trailing_newline=False, trim_blocks=True, lstrip_blocks=True)


_ALLOWED = {"Template", "Output", "TemplateData", "Name", "Getattr", "Getitem", "Const", "If", "CondExpr",
            "Compare", "Operand", "And", "Or", "Not", "Filter"}
MAX_SAID = 1_000_000   # characters one wording may write: each piece is one value, so this stops it in time
MAX_WORDING = 5_000    # characters of one wording's template (the longest built-in one has about 600)
_FILTERS = {"join", "upper", "lower", "length", "default", "trim", "title", "first", "last"}


def check(source: str, where: str):
    """Refuse wording that could run long or grow without bound: only names, `if` and a few filters
    are allowed (no loops, no calls such as range(), no * or **), so the time it takes is in
    proportion to its own length. `where` is "file:line" of the key; errors name the line inside."""
    import jinja2
    from jinja2 import nodes

    if len(source) > MAX_WORDING:
        raise TemplateError(f"{where}: this wording is {len(source):,} characters long; a wording is at most "
                            f"{MAX_WORDING:,} (a sentence or a short paragraph)")
    try:
        tree = _env().parse(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{_at(where, exc.lineno)}: {exc.message}") from None
    for node in tree.find_all(nodes.Node):
        kind = type(node).__name__
        at = _at(where, getattr(node, "lineno", 1))
        if kind == "For":
            raise TemplateError(f"{at}: `for` loops are not allowed in wording (names, `if` and filters only); "
                                "to list items write {{ options | join('\\n') }}")
        if kind not in _ALLOWED:
            raise TemplateError(f"{at}: `{kind}` is not allowed in wording; use names, `if` and filters only")
        if isinstance(node, nodes.Filter) and node.name not in _FILTERS:
            raise TemplateError(f"{at}: the filter `{node.name}` is not allowed in wording; use one of "
                                f"{', '.join(sorted(_FILTERS))}")
    return tree


def _at(where: str, lineno: int | None) -> str:
    """file:line of a line inside a wording text that starts at `where` (file:line)."""
    file, _, first = where.rpartition(":")
    if not file or not first.isdigit():
        return where
    line = int(first)
    try:   # a block text (`key: |`) starts on the line after its key
        written = Path(file).read_text(encoding="utf-8").splitlines()[line - 1]
        line += written.partition(":")[2].strip()[:1] in ("|", ">")
    except (OSError, UnicodeDecodeError, IndexError):
        pass
    return f"{file}:{line + max((lineno or 1) - 1, 0)}"


def _bounded(template, context: dict, where: str) -> str:
    """The template rendered piece by piece, stopped with a located error past MAX_SAID characters
    (a wording that names one long text thousands of times)."""
    pieces, size = [], 0
    for piece in template.generate(**context):
        size += len(piece)
        if size > MAX_SAID:
            raise TemplateError(f"{where}: writes more than {MAX_SAID:,} characters; name each text once")
        pieces.append(piece)
    return "".join(pieces)


@lru_cache(maxsize=512)
def _compile(source: str, where: str = ""):
    """The wording's template: checked and compiled once, its code then kept in the user's cache
    (compiling a catalogue's templates is a twentieth of a build). The cache is keyed by the text,
    the rules check() applies and the Jinja and Python versions, so only a text that passed these
    rules is ever taken from it."""
    import sys
    import types

    import jinja2

    from . import usercache

    env = _env()
    rules = repr((source, sorted(_ALLOWED), sorted(_FILTERS), MAX_WORDING, jinja2.__version__,
                  sys.implementation.cache_tag))
    # the tree checked is the tree compiled: parsed once
    code = usercache.remembered("wording", rules.encode(), lambda: env.compile(check(source, where)), types.CodeType)
    return env.template_class.from_code(env, code, env.make_globals(None), None)


def catalogue(path: Path) -> dict[str, tuple[str, int]]:
    """key -> (template text, line) of one wording file; {} when there is no such file."""
    try:
        st = path.stat()
    except OSError:
        tracking.absent(path)   # a catalogue added later changes the wording
        return {}
    tracking.note(path)
    return _catalogue(path, (st.st_mtime_ns, st.st_size, st.st_ino))


@lru_cache(maxsize=64)
def _catalogue(path: Path, stamp: tuple) -> dict[str, tuple[str, int]]:
    """One wording file parsed, once per state of the file (an edit is seen by the next build)."""
    if not path.is_file():
        return {}
    try:
        loaded = load_file(path)
    except ContentError as exc:
        raise TemplateError(str(exc)) from None
    if not isinstance(loaded.data, dict):
        raise TemplateError(f"{path}: expected `key: value` lines")
    # a key left empty (as `generate --wording` writes them) is not translated yet: English stands in
    return {str(k): (str(v), loaded.where((k,))[0]) for k, v in loaded.data.items()
            if isinstance(v, str) and v.strip()}


def catalogue_file(folder: Path, language: str) -> Path:
    """The catalogue of a language in folder, its name matched in any case (pt-br.yaml serves pt-BR, as
    BCP 47 tags are case-insensitive); folder/<language>.yaml when there is none."""
    wanted = f"{language}.yaml"
    try:
        found = next((p for p in sorted(folder.iterdir()) if p.name.lower() == wanted.lower()), None)
    except OSError:
        found = None
    return found or folder / wanted


class Wording:
    """The wording of one theme in one language, with English behind it."""

    def __init__(self, theme_folder: Path, language: str):
        self.language = language
        base = language.split("-")[0]
        folders = [theme_folder / "wording", BUILTIN / "default" / "wording"]
        self.order: list[tuple[Path, str]] = []
        for lang in dict.fromkeys([language, base, FALLBACK]):
            for folder in folders:
                path = catalogue_file(folder, lang)
                if path not in [p for p, _ in self.order]:
                    self.order.append((path, lang))
        self.fell_back: dict[str, Path] = {}
        self._said: dict = {}

    def _find(self, key: str) -> tuple[str, str, str, int]:
        for path, lang in self.order:
            found = catalogue(path).get(key)
            if found is not None:
                if lang == FALLBACK and self.language.split("-")[0] != FALLBACK:
                    self.fell_back.setdefault(key, self.order[0][0])
                return found[0], lang, str(path), found[1]
        raise TemplateError(f"{self.order[0][0].parent}: no wording `{key}` in any language")

    def say(self, key: str, **context) -> Said:
        """The wording `key` rendered with context, in the language (or English, noted)."""
        memo = (key, repr(sorted(context.items())))
        found = self._said.get(memo)
        if found is None:
            found = self._said[memo] = self._say(key, context)
        return found

    def _say(self, key: str, context: dict) -> Said:
        source, lang, file, line = self._find(key)
        if "{" not in source:
            return Said(self._typeset(source.strip(), lang), lang)
        import jinja2

        try:
            text = _bounded(_compile(source, f"{file}:{line}"), context, f"{file}:{line}: wording `{key}`")
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(f"{file}:{line + (exc.lineno or 1) - 1}: wording `{key}`: {exc.message}") from None
        except jinja2.TemplateError as exc:
            raise TemplateError(f"{file}:{line}: wording `{key}`: {exc}") from None
        return Said(self._typeset(text.strip(), lang), lang)

    def _typeset(self, text: str, lang: str) -> str:
        from .typeset.typography import typography

        return typography(text, lang)

    def texts(self) -> list[str]:
        """Every text of the edition's own catalogues (what it prints besides the content)."""
        return [text for path, lang in self.order if lang != FALLBACK for text, _ in catalogue(path).values()]

    def own(self, key: str) -> Said | None:
        """The wording `key` in the edition's own language, or None: no English stand-in, no warning
        (for optional lists, such as the phrases that make a quiz hint unneeded)."""
        for path, lang in self.order:
            if lang == FALLBACK and self.language.split("-")[0] != FALLBACK:
                return None
            if key in catalogue(path):
                return self.say(key)
        return None

    def has(self, key: str) -> bool:
        return any(key in catalogue(path) for path, _ in self.order)

    @property
    def catalogued(self) -> bool:
        """True when the edition's language (or its base language) has a catalogue of its own."""
        return any(lang != FALLBACK and path.is_file() for path, lang in self.order)

    def warnings(self) -> list[Problem]:
        """One warning for the labels said in English: a missing catalogue named with the file to add,
        or the keys a catalogue lacks."""
        if not self.fell_back:
            return []
        target = self.order[0][0]
        if not self.catalogued:
            return [Problem(str(target), 0, 0, "", f"no {self.language} wording catalogue: labels such as "
                            f"\"Page 1 of 2\" print in English; add templates/{target.parent.parent.name}/wording/"
                            f"{target.name} (`generate --wording {self.language}` prints one to start from)",
                            "warning")]
        keys = sorted(self.fell_back)
        shown = ", ".join(f"`{k}`" for k in keys[:8]) + (f" and {len(keys) - 8} more" if len(keys) > 8 else "")
        return [Problem(str(target), 0, 0, "", f"no {self.language} wording for {shown}; English is used "
                        f"(add {'it' if len(keys) == 1 else 'them'} to {target.name})", "warning")]


def starter(language: str, theme_folder: Path) -> str:
    """A catalogue to start from for a language: every key of the English one, its English text as a
    comment, and the language's own text where a catalogue already has it (empty otherwise; an empty
    key falls back to English with a warning until it is written)."""
    import json

    english = catalogue(BUILTIN / "default" / "wording" / f"{FALLBACK}.yaml")
    have = Wording(theme_folder, language)
    out = [f"# Wording for {language}: the labels, phrases and speaker-note scaffolds the kit writes, as",
           "# Jinja2 templates with the names the English one uses. Save it as",
           f"# templates/<theme>/wording/{language}.yaml beside your content file, with a theme.yaml in",
           "# templates/<theme>/ holding at least `name: <theme>`, and build with --theme <theme> (or",
           "# build: {theme: <theme>}). A key left empty prints in English, with a warning.", ""]
    for key, (text, _) in english.items():
        out += [f"# en: {line}" if line.strip() else "#" for line in text.rstrip("\n").split("\n")]
        own = next((catalogue(path)[key][0] for path, lang in have.order
                    if lang != FALLBACK and key in catalogue(path)), None)
        out.append(f"{key}: {json.dumps(own, ensure_ascii=False)}" if own is not None else f"{key}:")
        out.append("")
    return "\n".join(out)
