"""`{{ field }}` in content: another field's value inserted, such as {{ event.place }}.

Only plain field names are read (no expressions, loops or calls), so a field can neither run code
nor take unbounded time or memory: the output is at most the sum of the texts it names.
"""
from __future__ import annotations

import datetime as dt
import re

from .errors import Problem
from .loader import MAX_BYTES, Loaded, format_path

_FIELD = re.compile(r"\{\{(.*?)\}\}", re.S)
_NAME = re.compile(r"^\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*)\s*$")
_PART = re.compile(r"\.?([A-Za-z_][\w-]*)|\[(\d+)\]")
MAX_OUTPUT = 100_000  # characters a single text may grow to through its fields


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


def _lookup(context: dict, name: str):
    node = context
    for match in _PART.finditer(name):
        key, index = match.group(1), match.group(2)
        if index is not None:
            if not isinstance(node, list) or int(index) >= len(node):
                return None, name[:match.end()]
            node = node[int(index)]
        else:
            if not isinstance(node, dict) or key not in node:
                return None, name[:match.end()].lstrip(".")
            node = node[key]
    return node, None


def _known(context: dict, name: str) -> str:
    owner = name.rsplit(".", 1)[0] if "." in name else ""
    node, _ = _lookup(context, owner) if owner else (context, None)
    if isinstance(node, dict):
        keys = [f"{owner}.{k}" if owner else str(k) for k in node if k != "build"]
        return ", ".join(keys[:12])
    return ""


def render(text: str, context: dict) -> tuple[str, str | None]:
    """text with its fields filled in, or (text, why not) when a field cannot be read."""
    out, last = [], 0
    for match in _FIELD.finditer(text):
        out.append(text[last:match.start()])
        inner = match.group(1)
        name = _NAME.match(inner)
        if not name:
            return text, ("this {{ }} template is not allowed: only plain field names such as "
                          "{{ event.place }} are read (anything else could run code, which is unsafe)")
        value, missing = _lookup(context, name.group(1))
        if missing is not None or value is None or isinstance(value, (dict, list)):
            shown = name.group(1)
            known = _known(context, shown)
            kind = "field" if "." in shown else "name"
            return text, (f"unknown {kind} `{shown}` in {{{{ ... }}}}" +
                          (f"; known {'names' if kind == 'name' else 'fields'}: {known}" if known else ""))
        out.append(str(value))
        last = match.end()
        if sum(map(len, out)) > MAX_OUTPUT:
            return text, f"the fields make this text longer than {MAX_OUTPUT:,} characters"
    rest = text[last:]
    if "{{" in rest or "{%" in rest:
        return text, "template error: `{{` without its closing `}}` (or a `{%` block, which is not allowed); " \
                     "write a field as {{ event.place }}, up to its end"
    out.append(rest)
    return "".join(out), None


def render_all(loaded: Loaded, long_date) -> list[Problem]:
    """Fill in the fields of every text of a loaded file, in place; problems have their line."""
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
    problems = []
    total = 0   # characters of every text so far, fields filled in: no more than a content file may hold
    for path, parent, key, text in content_texts(data):
        if "{{" not in text and "{%" not in text:
            total += len(text)
            continue
        value, why = render(text, context)
        total += len(value)
        if not why and total > MAX_BYTES:
            why = (f"the fields make the file's texts longer than {MAX_BYTES // 2**20} MB in all, more than a "
                   "content file may hold (the same long text named again and again?); name a shorter field")
        if why:
            line, col = loaded.where(path)
            problems.append(Problem(loaded.file, line, col, format_path(path), why))
            if total > MAX_BYTES:
                break
        else:
            parent[key] = value
    return problems
