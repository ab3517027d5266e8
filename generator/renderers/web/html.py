"""Rendering the web edition with the theme's Jinja2 templates (templates/<theme>/web/, the default
theme's behind them): autoescaped, sandboxed, inline markup through the kit's one link policy, and a
Content-Security-Policy that allows the page's own style and script (by their SHA-256) and data:
pictures, nothing else."""
from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path

from ...errors import TemplateError
from ...text import runs
from ...theme import BUILTIN

SIZE = "\x01"   # where a download's size goes in its wording (web.SIZE)

KB, MB = 1000, 1000 * 1000
MEDIA = {"pdf": "application/pdf", "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}


# What a theme's web template may not hold: calls (range(), lipsum() ...), ** and *, and other templates
# pulled in; so its loops only walk what the page gives it, and a theme cannot make a build run long.
REFUSED = ("Call", "Pow", "Mul", "Include", "Import", "FromImport", "Extends", "Macro", "CallBlock")


@lru_cache(maxsize=8)
def environment(theme_folder: Path):
    """The sandboxed, autoescaping Jinja2 environment of a theme's web templates."""
    import jinja2
    from jinja2 import nodes
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Checked(ImmutableSandboxedEnvironment):
        def _parse(self, source, name, filename):
            tree = super()._parse(source, name, filename)
            for node in tree.find_all(nodes.Node):
                if type(node).__name__ in REFUSED:
                    raise jinja2.TemplateSyntaxError(f"`{type(node).__name__}` is not allowed in a web template",
                                                     node.lineno, name, filename)
            return tree

    folders = list(dict.fromkeys([str(theme_folder / "web"), str(BUILTIN / "default" / "web")]))
    env = Checked(loader=jinja2.FileSystemLoader(folders), autoescape=True, undefined=jinja2.StrictUndefined,
                  trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, bytecode_cache=_compiled())
    env.globals.clear()
    env.filters["inline"] = inline
    return env


def _compiled():
    """Compiled templates kept in the user's cache (compiling the page's templates is a tenth of a
    build). Jinja keys each by its file and checks its source's hash; the folder's name holds what
    this kit refuses, so a template compiled under other rules is never taken."""
    import hashlib

    import jinja2

    from ... import usercache

    rules = hashlib.sha256(repr((REFUSED, jinja2.__version__)).encode()).hexdigest()[:12]
    folder = usercache.folder("web-templates") / rules
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None     # no cache: each build compiles them
    return jinja2.FileSystemBytecodeCache(str(folder))


def checked(render_one, *args):
    """render_one(*args), with a theme template's mistake reported as the theme's problem (file:line)."""
    import jinja2

    try:
        return render_one(*args)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"the theme's web templates lack {exc.name}") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"a web template of the theme: {exc}") from None


def inline(text, language: str = ""):
    """Text with **bold**, *italic* and [label](url) as HTML; every other character escaped; links
    only where the link policy allows them (links.safe), else their label as text."""
    from markupsafe import Markup, escape

    out = []
    for run in runs(str(text or ""), language):
        piece = str(escape(run.text))
        if run.italic:
            piece = f"<em>{piece}</em>"
        if run.bold:
            piece = f"<strong>{piece}</strong>"
        if run.href:
            piece = f'<a href="{escape(run.href)}">{piece}</a>'
        out.append(piece)
    return Markup("".join(out))


def sha256(text: str) -> str:
    """A CSP source for an inline style or script: 'sha256-...' of its exact text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(style: str, script: str | None) -> str:
    """The page's Content-Security-Policy: its own style and script, data: pictures, nothing else."""
    parts = ["default-src 'none'", f"style-src {sha256(style)}", "img-src data:", "base-uri 'none'",
             "form-action 'none'"]
    if script:
        parts.insert(2, f"script-src {sha256(script)}")
    return "; ".join(parts)


def size_text(size: int, language: str) -> str:
    """A file size as the language writes it: 120 kB, 1,4 Mo (CLDR units)."""
    from babel.units import format_unit

    locale = "en_001" if language == "en" else language.replace("-", "_")
    if size < MB:
        return format_unit(max(1, round(size / KB)), "digital-kilobyte", length="short", locale=locale)
    return format_unit(round(size / MB, 1), "digital-megabyte", length="short", locale=locale, format="#,##0.#")


def render(plan, sizes) -> str:
    """The page's HTML; sizes(name) is the size of a file beside it (None when there is none)."""
    env = environment(plan.theme_folder)
    style = env.get_template("style.css.j2").render(c=plan.colors).strip()
    script = env.get_template("quiz.js").render().strip() if plan.context["quiz"] else None
    downloads = []
    for item in plan.downloads:
        size = sizes(item.name)
        if size is not None:
            downloads.append({"name": item.name, "before": item.before, "label": item.label, "type": MEDIA[
                              item.name.rsplit(".", 1)[-1]],
                              "after": item.after.replace(SIZE, size_text(size, plan.language))})
    return env.get_template("page.html.j2").render(
        **plan.context, labels=plan.labels, downloads=downloads, style=style, script=script,
        csp=policy(style, script))


def write_page(plan, path: Path, sizes=lambda name: None) -> str:
    """Write index.html; sizes(name) gives the size of a file beside it, once written."""
    html = checked(render, plan, sizes)
    path.write_bytes(html.encode("utf-8"))
    return f"{len(html.encode('utf-8')) // 1000 or 1} kB, {len(plan.context['sections'])} sections"


def render_editions(editions: list[dict], title: str, language: str, rtl: bool, heading: str, theme_folder: Path,
                    colors: dict) -> str:
    """output/index.html: every edition by its own name, with hreflang."""
    env = environment(theme_folder)
    style = env.get_template("style.css.j2").render(c=colors).strip()
    return env.get_template("editions.html.j2").render(
        editions=editions, title=title, lang=language, dir="rtl" if rtl else "ltr", heading=heading,
        style=style, csp=policy(style, None))


def own_name(tag: str) -> str:
    """A language's name in that language, as a list shows it: English, Français, العربية (CLDR)."""
    from babel import Locale

    try:
        name = Locale.parse(tag.replace("-", "_")).get_display_name(tag.replace("-", "_")) or tag
    except (ValueError, LookupError):
        return tag
    return name[:1].upper() + name[1:]
