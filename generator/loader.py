"""Read a content file safely: UTF-8 only, no code, bounded size, every value's line kept."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from . import tracking
from .errors import ContentError, Problem

MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000  # after alias expansion: a "billion laughs" file stops here
MAX_TEXT = 20 * 1024 * 1024  # characters of text after alias expansion: one long text repeated stops here
MAX_DEPTH = 40
_PLAIN_TAGS = {"str", "int", "float", "bool", "null", "timestamp"}
_TAG_PREFIX = "tag:yaml.org,2002:"
# Characters XML 1.0 forbids; they would make a corrupt .pptx.
ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

Path_ = tuple  # a key path such as ("sections", 1, "points", 3)


@dataclass
class Loaded:
    """Plain data (dicts, lists, str, None) with the position of every key path."""

    data: object
    file: str
    positions: dict[Path_, tuple[int, int]]
    warnings: list[Problem]
    key_positions: dict[Path_, tuple[int, int]] | None = None

    def where_key(self, path: Path_) -> tuple[int, int]:
        """Line and column of the key itself (for an unknown key), else of the value."""
        return (self.key_positions or {}).get(tuple(path)) or self.where(path)

    def where(self, path: Path_) -> tuple[int, int]:
        """Line and column of the closest node that exists along path."""
        path = tuple(path)
        while path and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path, (1, 1))


def format_path(path: Path_) -> str:
    """("sections", 1, "points") -> "sections[1].points"."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def decode(raw: bytes, name: str) -> str:
    """UTF-8, with or without BOM; anything else is refused with a reason."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ContentError([Problem(name, 1, 1, "", "the file is saved as UTF-16; save it as UTF-8 "
                                    "(in most editors: Save As, Encoding: UTF-8)")])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentError([Problem(name, line, col, "", f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x}); "
                                    "save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)")]) from None


def load_file(path: Path, shown_as: str | None = None) -> Loaded:
    """Load a YAML content file into plain data with positions, or raise ContentError."""
    name = shown_as or str(path)
    try:
        if not path.is_file():  # a device such as /dev/zero, a pipe or a socket
            if path.exists() and not path.is_dir():
                raise ContentError([Problem(name, 0, 0, "", "is not a regular file; give the path of a .yaml file")])
        with path.open("rb") as fh:  # the bytes actually read are what count, not what the file says
            raw = fh.read(MAX_BYTES + 1)
        tracking.note(path, raw)
        if len(raw) > MAX_BYTES:
            raise ContentError([Problem(name, 1, 1, "", "the file is larger than 5 MB; content files are "
                                        "limited to 5 MB")])
    except FileNotFoundError:
        raise ContentError([Problem(name, 0, 0, "", "file not found")]) from None
    except IsADirectoryError:
        raise ContentError([Problem(name, 0, 0, "", "is a folder; give the path of a .yaml file")]) from None
    except PermissionError:
        raise ContentError([Problem(name, 0, 0, "", "cannot be read (permission denied)")]) from None
    return load_text(decode(raw, name), name)


def load_text(text: str, name: str) -> Loaded:
    """Compose YAML text into plain data; never constructs Python objects."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ContentError([Problem(name, 1, 1, "", "the file is larger than the 5 MB limit")])
    too_deep = _flow_depth_problem(text, name)
    if too_deep:  # refuse before the composer recurses thousands of levels deep
        raise ContentError([too_deep])
    removed = _strip_controls(text, name)
    if removed:
        text = ILLEGAL_XML.sub("", text)
    try:
        root = _compose(text)
    except MarkedYAMLError as exc:
        raise ContentError([_syntax_problem(exc, name)]) from None
    except YAMLError as exc:
        raise ContentError([Problem(name, 1, 1, "", f"YAML syntax error: {exc}")]) from None
    except RecursionError:
        raise ContentError([Problem(name, 1, 1, "", f"the file is nested too deeply (more than {MAX_DEPTH} levels)")]) from None
    if root is None:
        raise ContentError([Problem(name, 1, 1, "", "the file is empty; start from the default content.yaml")])
    builder = _Builder(name)
    data = builder.build(root, (), 0)
    if builder.problems:
        raise ContentError(builder.problems)
    return Loaded(data, name, builder.positions, removed + builder.warnings, builder.key_positions)


def _compose(text: str):
    """The text's node tree. LibYAML (ruamel.yaml.clib) composes it ten times faster than Python, where
    it is installed and the nesting is shallow enough for its recursion; where it finds a problem,
    or is missing, the Python composer decides, so every message stays the same."""
    if _block_depth_bound(text) <= _C_DEPTH:
        try:
            return YAML(typ="safe", pure=False).compose(text)
        except (YAMLError, ValueError):
            pass    # LibYAML follows YAML 1.1 on a few points (U+2028, "?" in [ ]): the YAML 1.2 composer decides
    return YAML(typ="safe", pure=True).compose(text)


_C_DEPTH = 1_000    # LibYAML's composer recurses in C: 100,000 levels crash it, 10,000 do not
_LEAD = re.compile(r"^[ \t]*(?:[-?:][ \t]+)*", re.M)


def _block_depth_bound(text: str) -> int:
    """A bound on how deep block collections nest: each level takes one more column of indentation, or a
    "- " or "? " on the line (twice that, as a list may sit at its key's column), plus flow brackets."""
    lead = max((len(m.group()) for m in _LEAD.finditer(text)), default=0)
    return 2 * lead + text.count("[") + text.count("{") + 2


def _flow_depth_problem(text: str, name: str) -> Problem | None:
    """Where [ and { nest deeper than MAX_DEPTH (outside quoted text), if anywhere."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth, quote, line, col, prev = 0, None, 1, 0, " "
    for ch in text:
        col += 1
        if ch == "\n":
            line, col = line + 1, 0
        if quote:
            if ch == quote:
                quote = None
        elif ch in "'\"" and prev in " \t[{,:":
            quote = ch
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return Problem(name, line, col, "", f"nested too deeply (more than {MAX_DEPTH} levels of [ or {{)")
        elif ch in "]}":
            depth = max(0, depth - 1)
        elif ch == "#" and prev in " \t":
            quote = "\n"  # a comment runs to the end of the line
        prev = ch
    return None


def _strip_controls(text: str, name: str) -> list[Problem]:
    """Warn, with their lines, about control characters that YAML and XML refuse (pasted from Word or PDF)."""
    found: dict[int, tuple[int, set[str]]] = {}
    for match in ILLEGAL_XML.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        found.setdefault(line, (col, set()))[1].add(f"U+{ord(match.group()):04X}")
    return [Problem(name, line, col, "", f"removed invisible control characters {', '.join(sorted(chars))} "
                    "(often pasted from Word or a PDF)", "warning") for line, (col, chars) in found.items()]


def _syntax_problem(exc: MarkedYAMLError, name: str) -> Problem:
    """A YAML syntax error in words a non-programmer can act on, at the place to look."""
    what = (exc.problem or "invalid YAML").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    if "end of stream" in what and "quoted" in context and exc.context_mark:
        mark, what = exc.context_mark, "a quote opened here is never closed; add the closing quote"
    elif "mapping values are not allowed" in what:
        what = ("unexpected ':' here; check the indentation of this line, or put quotes around "
                "a text that contains ': '")
    elif "expected <block end>" in what or "could not find expected ':'" in what:
        what = "this line's indentation does not match the lines above it; indent with the same number of spaces"
    elif "\\t" in what or "\t" in what or "tab" in what:
        what += " (indent with spaces, not tabs)"
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(name, line, col, "", f"YAML syntax error: {what}")


class _Builder:
    """Turns composed nodes into plain data; every scalar stays text unless it is null."""

    def __init__(self, name: str):
        self.name = name
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.key_positions: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.count = 0
        self.text = 0

    def _err(self, node, path, message):
        self.problems.append(Problem(self.name, node.start_mark.line + 1, node.start_mark.column + 1,
                                     format_path(path), message))

    def build(self, node, path: Path_, depth: int):
        self.count += 1
        if self.count > MAX_NODES:
            if self.count == MAX_NODES + 1:
                self._err(node, path, "the file expands to too many values (aliases repeated too often?); "
                          "write the values out instead of using &anchors and *aliases")
            return None
        if depth > MAX_DEPTH:
            if not any("nested too deeply" in p.message for p in self.problems):
                self._err(node, path, f"nested too deeply (more than {MAX_DEPTH} levels)")
            return None
        self.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        tag = node.tag or ""
        if isinstance(node, ScalarNode):
            short = tag[len(_TAG_PREFIX):] if tag.startswith(_TAG_PREFIX) else None
            if short not in _PLAIN_TAGS:
                self._err(node, path, f"the tag {tag!r} is not allowed; content files hold only text, "
                          "lists and keys (remove the '!' tag)")
                return None
            if short == "null" and not node.style:
                return None
            return self._clean(node, path, node.value)
        if isinstance(node, SequenceNode):
            if tag != _TAG_PREFIX + "seq":
                self._err(node, path, f"the tag {tag!r} is not allowed here")
                return None
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if tag != _TAG_PREFIX + "map":
                self._err(node, path, f"the tag {tag!r} is not allowed here")
                return None
            out: dict = {}
            for knode, vnode in node.value:
                if knode.tag == _TAG_PREFIX + "merge":
                    self._err(knode, path, "YAML merge keys (<<) are not supported; write the keys out")
                    continue
                if not isinstance(knode, ScalarNode):
                    self._err(knode, path, "a key must be a plain word")
                    continue
                key = knode.value
                if key in out:
                    self._err(knode, path + (key,), f"`{key}` appears twice here; keep one")
                    continue
                key_at = (knode.start_mark.line + 1, knode.start_mark.column + 1)
                self.positions[path + (key,)] = self.key_positions[path + (key,)] = key_at
                out[key] = self.build(vnode, path + (key,), depth + 1)
                # A value's own position is where its text starts, for scalars; an empty value is at its key.
                if isinstance(vnode, ScalarNode) and vnode.value == "" and not vnode.style:
                    self.positions[path + (key,)] = key_at
                elif isinstance(vnode, ScalarNode):
                    self.positions[path + (key,)] = (vnode.start_mark.line + 1, vnode.start_mark.column + 1)
            return out
        self._err(node, path, "unsupported YAML node")
        return None

    def _clean(self, node, path, value: str) -> str:
        self.text += len(value)
        if self.text > MAX_TEXT:
            if not any("expands to more than" in p.message for p in self.problems):
                self._err(node, path, f"the file expands to more than {MAX_TEXT // 2**20} MB of text (one text "
                          "repeated through &anchors and *aliases?); write the values out instead")
            return ""
        if ILLEGAL_XML.search(value):
            bad = sorted({f"U+{ord(c):04X}" for c in ILLEGAL_XML.findall(value)})
            self.warnings.append(Problem(self.name, node.start_mark.line + 1, node.start_mark.column + 1,
                                         format_path(path), f"removed control characters {', '.join(bad)} "
                                         "(often pasted from Word or a PDF)", "warning"))
            value = ILLEGAL_XML.sub("", value)
        return value
