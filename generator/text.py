"""Text handling shared by every renderer: inline markup runs, paragraphs, labelled points, escaping."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from markdown_it import MarkdownIt

_md = MarkdownIt("zero").enable(["emphasis", "link", "escape"])
_LABEL = re.compile(r"^\s*([^:\n]{1,60}?):\s+(\S.*)$", re.S)
_URLISH = re.compile(r"^[a-z][a-z0-9+.-]*:/?/?[^\s]*$", re.I)


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


Runs = tuple[Run, ...]


@lru_cache(maxsize=4096)
def runs(text: str) -> Runs:
    """Parse **bold**, *italic* and [label](url); everything else stays as typed."""
    text = " ".join(text.split())  # YAML line breaks inside a paragraph are spaces
    if not any(ch in text for ch in "*_[\\"):
        return (Run(text),) if text else ()
    out: list[Run] = []
    bold = italic = 0
    href = None
    for tok in _md.parseInline(text)[0].children or []:
        if tok.type == "text" and tok.content:
            out.append(Run(tok.content, bold > 0, italic > 0, href))
        elif tok.type == "strong_open":
            bold += 1
        elif tok.type == "strong_close":
            bold -= 1
        elif tok.type == "em_open":
            italic += 1
        elif tok.type == "em_close":
            italic -= 1
        elif tok.type == "link_open":
            href = tok.attrs.get("href")
        elif tok.type == "link_close":
            href = None
        elif tok.type in ("softbreak", "hardbreak"):
            out.append(Run(" ", bold > 0, italic > 0, href))
    return _merge(out)


def _merge(items: list[Run]) -> Runs:
    merged: list[Run] = []
    for run in items:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].href) == (run.bold, run.italic, run.href):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.href)
        else:
            merged.append(run)
    return tuple(merged)


def plain(text: str | None) -> str:
    """The text a reader sees, without markup characters."""
    return "".join(r.text for r in runs(text or ""))


def paragraphs(text: str | None) -> list[str]:
    """Split text on blank lines into paragraphs."""
    if not text:
        return []
    return [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


@dataclass(frozen=True)
class Point:
    """A bullet: an optional bold term and its text."""

    term: str | None
    text: str


def point(item) -> Point:
    """Normalise a content point ("Term: text" string or {term, text}) into a Point."""
    if isinstance(item, str):
        match = _LABEL.match(item)
        if match and not _URLISH.match(item.strip()) and not match.group(1).strip().startswith(("http", "mailto")):
            return Point(match.group(1).strip(), match.group(2).strip())
        return Point(None, item.strip())
    return Point(item.term.strip(), item.text.strip())


def rl_markup(text: str, link_color: str | None = None) -> str:
    """ReportLab paragraph markup for text: every character escaped, only our own tags added."""
    parts = []
    for run in runs(text):
        piece = escape(run.text)
        if run.italic:
            piece = f"<i>{piece}</i>"
        if run.bold:
            piece = f"<b>{piece}</b>"
        if run.href:
            colour = f' color="{link_color}"' if link_color else ""
            piece = f'<a href="{escape(run.href, {chr(34): "&quot;"})}"{colour}>{piece}</a>'
        parts.append(piece)
    return "".join(parts)
