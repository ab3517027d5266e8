"""The kit's folder in the user's cache (pinned fonts, CLDR month names): files that save work on the
next run, each written whole or not at all, never trusted past a check of what they hold."""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path


def folder(kind: str) -> Path:
    """Where files of one kind are kept (~/.cache/idpc-kit/KIND, or the platform's equivalent)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "idpc-kit" / kind


def keep(path: Path, data: bytes) -> None:
    """Store data at path whole or not at all (written aside, then renamed); a cache that cannot be
    written only costs the next run the work again."""
    aside = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        aside.write_bytes(data)
        os.replace(aside, path)
    except OSError:
        aside.unlink(missing_ok=True)


def read(path: Path) -> bytes | None:
    """What path holds, or None when it is not there (or cannot be read)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def remembered(kind: str, key: bytes, make, kept_as: type):
    """make()'s value, kept (marshalled) in the folder of kind under a digest of key: taken from there
    when it holds a kept_as, made again and kept when it is missing, damaged or of another type. A value
    make() raises for is never kept."""
    path = folder(kind) / f"{hashlib.sha256(key).hexdigest()[:32]}.marshal"
    data = read(path)
    if data:
        try:
            found = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            found = None
        if isinstance(found, kept_as):
            return found
    value = make()
    keep(path, marshal.dumps(value))
    return value


def installed(package: str, file: str = "__init__.py") -> str | None:
    """Which copy of an installed package there is (the place, size and time of one of its files),
    found without importing it; None when it is not installed."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.origin:
        return None
    path = os.path.join(os.path.dirname(spec.origin), file)
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{path}|{st.st_size}|{st.st_mtime_ns}"
