"""Turn loaded data into a Content model, or into every problem found, each with file:line:col."""
from __future__ import annotations

import difflib
import typing
from pathlib import Path
from urllib.parse import urlparse

from pydantic import BaseModel, ValidationError

from . import links, tracking
from .errors import ContentError, Problem
from .loader import Loaded, format_path
from .model import LETTERS, Content

IMAGE_MAGIC = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
MAX_PICTURE_BYTES = 20 * 1024 * 1024
MAX_PICTURE_PIXELS = 40_000_000     # a 40-megapixel photo; beyond that decoding costs too much memory
MAX_ASPECT = 8.0                    # wider or taller than 8:1 cannot be placed readably
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024


def validate(loaded: Loaded, base_dir: Path) -> Content:
    """Check everything at once; return the model or raise ContentError listing all problems."""
    problems: list[Problem] = []

    def report(path, message, severity="error", at_key=False):
        line, col = loaded.where_key(path) if at_key else loaded.where(path)
        problems.append(Problem(loaded.file, line, col, format_path(path), message, severity))

    data = loaded.data
    if not isinstance(data, dict):
        report((), "the file must be a set of `key: value` lines (title:, summary:, sections: ...)")
        raise ContentError(problems)
    _labelled_shorthand(loaded)
    _unknown_keys(Content, data, (), report)
    content = None
    try:
        content = Content.model_validate(data)
    except ValidationError as exc:
        for path, message in _translate(exc, data):
            report(path, message)
    _cross_checks(data, base_dir, report)
    _inline_links(data, report)
    errors = [p for p in problems if p.severity == "error"]
    if errors or content is None:
        raise ContentError(problems)
    for warning in problems:  # warnings travel with the loaded file to the kit
        if warning not in loaded.warnings:
            loaded.warnings.append(warning)
    return content


def _labelled_shorthand(loaded: Loaded) -> None:
    """`- Term: text` unquoted is a one-key mapping in YAML: read it as a labelled point."""
    data = loaded.data
    groups = [("sections", i, s) for i, s in enumerate(data.get("sections") or []) if isinstance(s, dict)]
    groups += [("faq", i, f) for i, f in enumerate(data.get("faq") or []) if isinstance(f, dict)]
    for (key, i, owner), field in [(g, f) for g in groups for f in ("points", "slide")]:
        points = owner.get(field)
        if not isinstance(points, list):
            continue
        for j, item in enumerate(points):
            if isinstance(item, dict) and len(item) == 1 and not {"term", "text"} & set(item):
                (term, text), = item.items()
                if isinstance(text, str):
                    path = (key, i, field, j)
                    where = loaded.positions.get(path + (term,), loaded.where(path))
                    loaded.positions[path + ("term",)] = loaded.positions[path + ("text",)] = where
                    points[j] = {"term": str(term), "text": text}


def _model_of(annotation) -> list[type[BaseModel]]:
    """Every BaseModel reachable inside a type annotation (list[X], X | None, Annotated ...)."""
    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in typing.get_args(annotation):
        found += _model_of(arg)
    return found


def _unknown_keys(model: type[BaseModel], data, path, report):  # noqa: C901
    """Report keys the model does not know, suggesting the nearest known one."""
    if not isinstance(data, dict):
        return
    fields = model.model_fields
    for key, value in data.items():
        if key not in fields:
            near = difflib.get_close_matches(str(key), list(fields), n=1, cutoff=0.6)
            hint = f"; did you mean `{near[0]}`?" if near else f"; known keys here: {', '.join(fields)}"
            report(path + (key,), f"unknown key `{key}`{hint}", at_key=True)
            continue
        models = _model_of(fields[key].annotation)
        if not models:
            continue
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            sub = path + (key,) if index is None else path + (key, index)
            if isinstance(item, dict):
                target = models[0]
                if len(models) > 1:  # a union of models: pick the one sharing most keys
                    target = max(models, key=lambda m: len(set(item) & set(m.model_fields)))
                _unknown_keys(target, item, sub, report)


def _walk(data, loc):
    """Keep the parts of a pydantic location that really index into the data (drops union tags)."""
    path, node = [], data
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(part, str) and (isinstance(node, dict) and part[:1].islower() and part.isidentifier()
                                        and part not in ("str", "list", "int", "date")):
            path.append(part)  # a missing key: report it under its own name
            break
    return tuple(path), node


_TYPE_ERRORS = ("string_type", "model_type", "dict_type", "list_type")


def _translate(exc: ValidationError, data) -> list[tuple[tuple, str]]:
    """Pydantic errors as (key path, message); of a union's branches, keep the one the data resembles."""
    found: list[tuple[tuple, str, dict, object]] = []
    for err in exc.errors():
        if err["type"] == "extra_forbidden":
            continue  # reported with a suggestion by _unknown_keys
        path, node = _walk(data, err["loc"])
        found.append((path, err["type"], err, node))
    out: dict[tuple, str] = {}
    for path, kind, err, node in found:
        # "expected text" from one branch of a union is noise when another branch says more
        if kind in _TYPE_ERRORS and isinstance(node, (list, dict)) and any(
                other[:len(path)] == path and k not in _TYPE_ERRORS for other, k, _, _ in found):
            continue
        if path not in out or kind == "missing":
            out[path] = _message(err, path, node)
    return list(out.items())


def _message(err, path, node) -> str:
    kind, ctx = err["type"], err.get("ctx") or {}
    field = path[-1] if path else ""
    if kind == "missing":
        return f"`{field}` is required here"
    if kind in ("string_type", "model_type", "dict_type", "list_type"):
        want = {"string_type": "text", "model_type": "a set of `key: value` lines",
                "dict_type": "a set of `key: value` lines", "list_type": "a list (lines starting with '- ')"}[kind]
        if field == "points" or (len(path) > 1 and path[-2] == "points"):
            want = "text, or `term:` and `text:`"
        if field == "answer":
            want = "a letter such as b, or a list of letters such as [a, c]"
        got = "a list" if isinstance(node, list) else "a set of keys" if isinstance(node, dict) else "empty" if node is None else "text"
        return f"expected {want}, found {got}"
    if kind == "literal_error":
        return f"{node!r} is not allowed; use one of: {ctx.get('expected', '').replace(chr(39), '')}"
    if kind == "string_pattern_mismatch":
        if field == "language":
            return f"{node!r} is not a language tag; use a BCP 47 tag such as en, fr, es, ar or pt-BR"
        if field == "answer" or (len(path) > 1 and path[-2] == "answer"):
            return f"{node!r} is not an option letter; use a letter such as a, b or c"
        return f"{node!r} is not a valid id; use lower-case letters, digits and '-', such as key-areas"
    if kind == "string_too_short":
        return "is empty; write some text or remove the line"
    if kind == "too_short":
        if field == "answer":
            return "needs at least 1 letter, such as [a, c]"
        if field == "options":
            return f"a question needs 2 to 6 options; this one has {ctx.get('actual_length')}"
        return f"needs at least {ctx.get('min_length')} item(s)"
    if kind == "too_long":
        if field == "options":
            return f"a question has at most 6 options; this one has {ctx.get('actual_length')}"
        return f"has at most {ctx.get('max_length')} items; this has {ctx.get('actual_length')}"
    if kind.startswith("date") or field == "date":
        return f"{node!r} is not a real date; write it as YYYY-MM-DD, such as 2027-09-07"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{node!r} is not a whole number"
    if kind in ("less_than_equal", "greater_than_equal"):
        low = "1" if "le" in ctx else ctx.get("ge")
        high = ctx.get("le", "")
        if field == "versions":
            return f"{node} is out of range; use 1 to 26 versions"
        if field == "columns":
            return f"{node} is out of range; use 1 or 2 columns"
        return f"{node} is out of range ({'at most ' + str(high) if high != '' else 'at least ' + str(low)})"
    if kind in ("bool_parsing", "bool_type"):
        return f"{node!r} is not true or false"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return err["msg"]


def _cross_checks(data: dict, base_dir: Path, report):
    """Checks that span fields: ids, references, answers, rows, files, links."""
    sections = data.get("sections") if isinstance(data.get("sections"), list) else []
    tables = data.get("tables") if isinstance(data.get("tables"), list) else []
    section_ids = _unique_ids(sections, "sections", "section", report)
    table_ids = _unique_ids(tables, "tables", "table", report)
    for i, sec in enumerate(sections):
        if not isinstance(sec, dict):
            continue
        ref = sec.get("table")
        if isinstance(ref, str) and ref not in table_ids:
            report(("sections", i, "table"), f"no table has the id `{ref}`{_near(ref, table_ids)}")
        image = sec.get("image")
        if isinstance(image, dict) and isinstance(image.get("file"), str):
            check_asset(base_dir, image["file"], ("sections", i, "image", "file"), report)
    for i, table in enumerate(tables):
        if isinstance(table, dict) and isinstance(table.get("columns"), list) and isinstance(table.get("rows"), list):
            width = len(table["columns"])
            for r, row in enumerate(table["rows"]):
                if isinstance(row, list) and len(row) != width:
                    report(("tables", i, "rows", r), f"this row has {len(row)} cells but the table has {width} "
                           f"columns ({', '.join(map(str, table['columns']))})")
    quiz = data.get("quiz")
    questions = quiz.get("questions") if isinstance(quiz, dict) else None
    for i, q in enumerate(questions if isinstance(questions, list) else []):
        if not isinstance(q, dict):
            continue
        options = q.get("options") if isinstance(q.get("options"), list) else []
        answer = q.get("answer")
        letters = answer if isinstance(answer, list) else [answer] if isinstance(answer, str) else []
        for a, letter in enumerate(letters):
            if not isinstance(letter, str) or not options:
                continue
            norm = letter.strip().lower().rstrip(")")
            if len(norm) == 1 and norm in LETTERS and LETTERS.index(norm) >= len(options):
                path = ("quiz", "questions", i, "answer") + ((a,) if isinstance(answer, list) else ())
                report(path, f"answer `{letter}` is out of range: this question has options "
                       f"a to {LETTERS[len(options) - 1]}")
        if isinstance(answer, list) and len({str(x).strip().lower() for x in answer}) != len(answer):
            report(("quiz", "questions", i, "answer"), "the same letter is listed twice")
        ref = q.get("section")
        if isinstance(ref, str) and section_ids and ref not in section_ids:
            report(("quiz", "questions", i, "section"), f"no section has the id `{ref}`{_near(ref, section_ids)}")
    org = data.get("organization")
    if isinstance(org, dict):
        if isinstance(org.get("logo"), str):
            check_asset(base_dir, org["logo"], ("organization", "logo"), report)
        if isinstance(org.get("website"), str):
            _check_link(org["website"], ("organization", "website"), report, web_only=True)
            _check_qr(org["website"], ("organization", "website"), report)
    for i, src in enumerate(data.get("sources") if isinstance(data.get("sources"), list) else []):
        if isinstance(src, dict) and isinstance(src.get("url"), str):
            _check_link(src["url"], ("sources", i, "url"), report)
    build = data.get("build")
    if isinstance(build, dict) and isinstance(build.get("deck_template"), str):
        check_asset(base_dir, build["deck_template"], ("build", "deck_template"), report, kinds=("PPTX",))


def _unique_ids(items, key, noun, report) -> set[str]:
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            if item["id"] in seen:
                report((key, i, "id"), f"the {noun} id `{item['id']}` is already used by {key}[{seen[item['id']]}]; "
                       "ids must be unique")
            else:
                seen[item["id"]] = i
    return set(seen)


def _near(word: str, known) -> str:
    near = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.5)
    if near:
        return f"; did you mean `{near[0]}`?"
    return f"; known ids: {', '.join(sorted(known))}" if known else ""


def _check_link(url: str, path, report, web_only: bool = False):
    why = links.why_not(url)
    scheme = urlparse(url.strip()).scheme.lower()
    if why is None and web_only and scheme not in ("http", "https"):
        why = "is not a web address"
    if why:
        report(path, f"{url!r} is not a web address ({why}); write one such as https://example.org"
               + ("" if web_only else " (or an e-mail address as mailto:..., a telephone number as tel:...)"))


QR_SURE = 2000   # bytes that always fit the largest QR code (version 40 holds 2,331 at error correction M)


def _check_qr(url: str, path, report) -> None:
    """The website is printed as a QR code (error correction M, as the fact sheet and the deck make it):
    it must fit the largest version, counted in the bytes that version holds."""
    size = len(url.encode("utf-8"))
    if size <= QR_SURE or links.why_not(url):
        return
    import segno

    try:
        segno.make(url, error="m", micro=False, boost_error=False)
    except segno.DataOverflowError:
        report(path, f"the web address is {size:,} bytes long, more than the largest QR code holds (2,331 bytes "
               "at version 40); shorten it, for example with a link shortener or a shorter page address")


def _inline_links(data, report) -> None:
    """[label](target) with a target the link policy refuses: the label prints as plain text."""
    from .fields import content_texts
    from .text import links as targets

    for path, _, _, text in content_texts(data):
        if "](" not in text:
            continue
        for target in targets(text):
            why = links.why_not(target)
            if why:
                report(path, f"the link [{target}] {why}; it is printed as plain text, not as a link",
                       severity="warning")


def resolve_asset(base_dir: Path, relative: str) -> tuple[Path | None, str | None]:
    """Resolve a user's asset path inside base_dir; return (path, None) or (None, why not)."""
    if not relative.strip():
        return None, "is empty"
    raw = Path(relative)
    if raw.is_absolute() or relative.startswith(("\\", "~")) or (len(relative) > 1 and relative[1] == ":"):
        return None, f"{relative!r} is an absolute path; give a path relative to the content file's folder"
    base = base_dir.resolve()
    target = (base / raw).resolve()
    if not target.is_relative_to(base):
        return None, f"{relative!r} points outside the content file's folder; copy the file into that folder"
    if not target.exists():
        return None, f"{relative!r} does not exist (looked in {base})"
    if not target.is_file():
        return None, f"{relative!r} is not a file"
    return target, None


def check_asset(base_dir: Path, relative: str, path, report, kinds=("PNG", "JPEG")):
    """Report an asset that escapes the folder, is missing, is not of an allowed kind, or (a picture)
    does not decode whole within the kit's bounds."""
    target, why = resolve_asset(base_dir, relative)
    if why:
        report(path, why)
        return
    tracking.note(target)
    if kinds == ("PPTX",):
        why = template_problem(target, relative)
        if why:
            report(path, why)
        return
    why = picture_problem(target, relative)
    if why:
        report(path, why)


def template_problem(target: Path, shown: str) -> str | None:
    """Why a deck template file cannot be used, judged from its name, size and first bytes."""
    suffix = target.suffix.lower()
    if suffix in (".pptm", ".potm", ".ppsm"):
        return (f"{shown!r} is a macro-enabled PowerPoint file; macros are never used, so save the template "
                "as .pptx or .potx (File > Save As) and use that")
    size = target.stat().st_size
    if size > MAX_TEMPLATE_BYTES:
        return f"{shown!r} is {size / 1e6:.0f} MB; deck templates are limited to {MAX_TEMPLATE_BYTES // 2**20} MB"
    with target.open("rb") as fh:
        head = fh.read(8)
    if not head.startswith(b"PK"):
        return f"{shown!r} is not a .pptx or .potx file"
    return None


def picture_problem(target: Path, shown: str) -> str | None:
    """Why a picture cannot be used: not PNG or JPEG, too big, too elongated, or it does not decode."""
    size = target.stat().st_size
    with target.open("rb") as fh:
        head = fh.read(8)
    kind = next((k for magic, k in IMAGE_MAGIC.items() if head.startswith(magic)), None)
    if kind is None:
        return f"{shown!r} is not a PNG or JPEG picture; save it as .png or .jpg"
    if size > MAX_PICTURE_BYTES:
        return f"{shown!r} is {size / 1e6:.0f} MB; pictures are limited to {MAX_PICTURE_BYTES // 2**20} MB"
    from PIL import Image

    try:
        with Image.open(target) as im:
            w, h = im.size
            if w * h > MAX_PICTURE_PIXELS:
                return (f"{shown!r} is {w} x {h} pixels; pictures are limited to "
                        f"{MAX_PICTURE_PIXELS // 1_000_000} megapixels (make it smaller)")
            if max(w, h) > MAX_ASPECT * min(w, h):
                return (f"{shown!r} is {w} x {h} pixels, more than {MAX_ASPECT:g} times as wide as it is tall "
                        "(or the other way round); crop it")
            im.load()  # decode every pixel: a truncated or corrupt file fails here, not in the build
    except Image.DecompressionBombError:
        return (f"{shown!r} claims more pixels than the kit decodes ({MAX_PICTURE_PIXELS // 1_000_000} megapixels); "
                "use a smaller picture")
    except (OSError, SyntaxError, ValueError) as exc:
        return f"{shown!r} cannot be read as a {kind} picture ({str(exc)[:80]}); save it again from an image editor"
    return None
