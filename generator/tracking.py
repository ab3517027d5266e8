"""What a build read, file by file (Sphinx's env.note_dependency): every reader of a user's or the
kit's file notes it here, with a digest of the bytes it read. The record drives `--watch` (which
reacts to exactly these files) and incremental builds (an output whose reads are unchanged is not
planned again). Reads made while an output is planned are that output's own; the rest (content,
theme, wording, fonts read while loading) belong to every output. Standard library only: the quick
up-to-date check runs before anything heavy is imported."""
from __future__ import annotations

import hashlib
import os
from contextlib import contextmanager

MISSING = ""    # the digest of a file that was looked for and not found

_reads: dict[str, str] = {}                        # path -> digest, everything read since start()
_content: set[str] = set()                         # the content files and translations among them
_scoped: dict[tuple[str, str], set[str]] = {}      # (language, output) -> paths read while planning it
_listings: dict[str, list[str]] = {}               # "folder|pattern" -> names found (translations)
_unscoped: set[str] = set()                        # paths read outside any output's planning
_current: list[tuple[str, str]] = []
_memo: dict[str, str] = {}


def start() -> None:
    """Forget the last build's record (a new load begins)."""
    for kept in (_reads, _content, _scoped, _listings, _unscoped, _memo):
        kept.clear()


def digest(path, data: bytes | None = None) -> str:
    """The SHA-256 of a file's bytes (of data when given); MISSING when it cannot be read."""
    if data is not None:
        return hashlib.sha256(data).hexdigest()
    key = os.fspath(path)
    found = _memo.get(key)
    if found is None:
        try:
            with open(key, "rb") as fh:
                found = hashlib.file_digest(fh, "sha256").hexdigest()
        except OSError:
            found = MISSING
        _memo[key] = found
    return found


def note(path, data: bytes | None = None, content: bool = False) -> None:
    """Record that the build read path (its bytes were data, when the reader has them at hand)."""
    key = os.path.abspath(os.fspath(path))
    if key not in _reads:
        value = digest(key, data)
        _memo.setdefault(key, value)
        _reads[key] = value
    if content:
        _content.add(key)
    _attribute(key)


def _attribute(key: str) -> None:
    if _current:
        _scoped.setdefault(_current[-1], set()).add(key)
    else:
        _unscoped.add(key)


def absent(path) -> None:
    """Record that the build looked for path and would have read it had it been there."""
    key = os.path.abspath(os.fspath(path))
    if not os.path.exists(key):
        _reads.setdefault(key, MISSING)
        _attribute(key)


def listing(folder, pattern: str, names: list[str]) -> None:
    """Record the names a folder listing found (a translation added beside the content counts)."""
    _listings[f"{os.path.abspath(os.fspath(folder))}|{pattern}"] = sorted(names)


@contextmanager
def scope(language: str, output: str):
    """Reads inside belong to one output of one language."""
    _current.append((language, output))
    try:
        yield
    finally:
        _current.pop()


def record() -> dict:
    """Everything read so far, as plain data (for the state file, and to send from a build process)."""
    return {"reads": dict(_reads), "content": sorted(_content), "listings": dict(_listings),
            "unscoped": sorted(_unscoped), "scoped": {f"{lang}|{out}": sorted(paths) for (lang, out), paths in _scoped.items()}}


def merge(other: dict) -> None:
    """Add what another build process read."""
    for path, value in other["reads"].items():
        _reads.setdefault(path, value)
    _content.update(other["content"])
    _listings.update(other["listings"])
    _unscoped.update(other["unscoped"])
    for key, paths in other["scoped"].items():
        lang, _, out = key.partition("|")
        _scoped.setdefault((lang, out), set()).update(paths)


def common() -> list[str]:
    """Paths read outside any output's planning (they may change every output), content files left out."""
    return sorted(_unscoped - _content)


def scoped(language: str, output: str) -> list[str]:
    return sorted(_scoped.get((language, output), ()))


def listed_now(key: str) -> list[str]:
    """The names a recorded listing finds today."""
    import fnmatch

    folder, _, pattern = key.partition("|")
    try:
        return sorted(n for n in os.listdir(folder) if fnmatch.fnmatch(n, pattern))
    except OSError:
        return []


def folders() -> set[str]:
    """The folders that hold what the build read (what --watch watches)."""
    out = {os.path.dirname(p) for p in _reads}
    out |= {key.partition("|")[0] for key in _listings}
    return out
