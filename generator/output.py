"""All-or-nothing outputs. A build writes its files into a fresh folder beside the output folder,
brings along every file it did not write (hard links), and swaps the two folders in one atomic
step; the old folder is then removed. So a failure or a signal at any moment leaves either every
new output or every old one, never a mix. Builds into one folder wait for each other (a lock file).

Each language folder holds a manifest (.generated) of the files the kit wrote there: files an
earlier build wrote and this one no longer writes are left out of the new folder; files the kit
never wrote are always kept.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import signal
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import OutputError

MANIFEST = ".generated"
PARTIAL = ".partial-"
state = {"committed": False}   # whether this process has swapped its new outputs into place


@dataclass(frozen=True)
class Written:
    """One finished output and what it holds (for the build report)."""

    path: Path
    summary: str
    output: str = ""


def _environment(exc: OSError, doing: str) -> OutputError:
    why = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
           errno.EFBIG: "the file is too large for the disk", errno.EACCES: "permission denied",
           errno.EPERM: "permission denied", errno.EROFS: "the disk is read-only",
           errno.EBUSY: "it is in use by another program"}.get(exc.errno, exc.strerror or str(exc))
    return OutputError(f"cannot {doing}: {why}")


class Staging:
    """Files of one language being written into the new folder."""

    def __init__(self, root: Path, language: str):
        self.folder = root / language
        self.language = language
        self.written: list[Written] = []
        self.folder.mkdir(parents=True, exist_ok=True)

    def write(self, name: str, produce: Callable[[Path], str], output: str = "") -> None:
        """Write output `name`: produce(path) writes the file and returns its summary ("2 pages")."""
        target = self.folder / name
        try:
            summary = produce(target)
        except OSError as exc:
            raise _environment(exc, f"write {name}") from None
        self.written.append(Written(target, summary, output))


def _manifest(folder: Path) -> dict[str, str]:
    """name -> output kind of every file an earlier build wrote in folder."""
    path = folder / MANIFEST
    out = {}
    try:
        for line in path.read_text("utf-8").splitlines():
            kind, _, name = line.partition("\t")
            if name and "/" not in name and "\\" not in name and name not in (".", ".."):
                out[name] = kind
    except (OSError, UnicodeDecodeError):
        pass
    return out


def _bring(src: Path, dst: Path) -> None:
    """A file the build does not replace, carried into the new folder (a hard link, else a copy)."""
    if src.is_symlink():
        os.symlink(os.readlink(src), dst)
        return
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step where the system can; False where it cannot."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = getattr(libc, "renameat2", None)
        if renameat2 is None:
            return False
        at_fdcwd, rename_exchange = -100, 2
        if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
            return True
        err = ctypes.get_errno()
        if err in (errno.EINVAL, errno.ENOSYS):
            return False
        raise OSError(err, os.strerror(err), str(a))
    if sys.platform == "darwin":
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        if libc.renamex_np(os.fsencode(a), os.fsencode(b), 2) == 0:   # RENAME_SWAP
            return True
        err = ctypes.get_errno()
        if err in (errno.EINVAL, errno.ENOTSUP):
            return False
        raise OSError(err, os.strerror(err), str(a))
    return False


@contextmanager
def _signals_held():
    """Ctrl-C and SIGTERM wait until the swap is done (it takes microseconds), so it is never half done."""
    if hasattr(signal, "pthread_sigmask"):
        held = {signal.SIGINT, signal.SIGTERM}
        old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
    else:
        yield


@contextmanager
def locked(out_dir: Path, say: Callable[[str], None] = lambda text: None):
    """Hold the output folder's lock file; a second build into the same folder waits its turn."""
    lock_path = out_dir.parent / f".{out_dir.name}.lock"
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a+b")
    except OSError as exc:
        raise _environment(exc, f"create the output folder {out_dir}") from None
    try:
        if os.name == "nt":
            import msvcrt

            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
                    break
                except OSError:
                    say(f"waiting for another build into {out_dir} to finish ...")
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
        else:
            import fcntl

            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                say(f"waiting for another build into {out_dir} to finish ...")
                fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        handle.close()


def recover(out_dir: Path) -> None:
    """Finish what a killed build left: a swap that moved the old folder aside but not the new one in
    is undone; folders of unfinished builds are removed."""
    parent, name = out_dir.parent, out_dir.name
    if not parent.is_dir():
        return
    olds = sorted(parent.glob(f".{name}.old-*"))
    if olds and not out_dir.exists():
        os.replace(olds[-1], out_dir)
        olds = olds[:-1]
    for leftover in olds + sorted(parent.glob(f".{name}.new-*")):
        shutil.rmtree(leftover, ignore_errors=True)


class Build:
    """One build's new output folder: languages staged, then committed all at once (or abandoned)."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        try:
            out_dir.parent.mkdir(parents=True, exist_ok=True)
            self.root = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(self.root, 0o777 & ~mask)  # a normal folder, not mkdtemp's private one
        except OSError as exc:
            raise _environment(exc, f"create the output folder {out_dir}") from None
        self.stagings: dict[str, Staging] = {}
        self.kinds: dict[str, set[str]] = {}

    def language(self, language: str, kinds: set[str]) -> Staging:
        """The staging folder of one language; kinds are the outputs this build makes for it."""
        self.kinds[language] = set(kinds)
        self.stagings[language] = Staging(self.root, language)
        return self.stagings[language]

    def _carry_over(self) -> None:
        """Everything in the old folder that this build does not replace, nor knows to be stale."""
        done: set[str] = set()
        for entry in (self.out_dir.iterdir() if self.out_dir.is_dir() else ()):
            target = self.root / entry.name
            if entry.name in self.stagings and entry.is_dir() and not entry.is_symlink():
                staging = self.stagings[entry.name]
                ours = _manifest(entry)
                new = {w.path.name for w in staging.written}
                for item in entry.iterdir():
                    kind = ours.get(item.name)
                    stale = kind is not None and kind in self.kinds[entry.name]
                    if item.name in new or item.name == MANIFEST or stale or PARTIAL in item.name:
                        continue
                    if item.is_dir() and not item.is_symlink():
                        shutil.copytree(item, target / item.name, copy_function=_link_or_copy, symlinks=True)
                    else:
                        _bring(item, target / item.name)
                kept = {n: k for n, k in ours.items() if k not in self.kinds[entry.name]}
                self._write_manifest(staging, kept)
                done.add(entry.name)
            elif entry.is_dir() and not entry.is_symlink():
                shutil.copytree(entry, target, copy_function=_link_or_copy, symlinks=True)
            else:
                _bring(entry, target)
        for language, staging in self.stagings.items():
            if language not in done:
                self._write_manifest(staging, {})

    def _write_manifest(self, staging: Staging, kept: dict[str, str]) -> None:
        lines = [f"{k}\t{n}" for n, k in sorted(kept.items())]
        lines += [f"{w.output}\t{w.path.name}" for w in staging.written]
        (staging.folder / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def commit(self) -> list[Written]:
        """Swap the new folder into place in one step; return what was written."""
        try:
            self._carry_over()
        except OSError as exc:
            self.abort()
            raise _environment(exc, f"prepare the new {self.out_dir}") from None
        _pause()
        try:
            with _signals_held():
                if self.out_dir.exists():
                    if not _exchange(self.root, self.out_dir):
                        aside = self.out_dir.parent / f".{self.out_dir.name}.old-{os.getpid()}"
                        os.replace(self.out_dir, aside)   # fails, changing nothing, if a file is in use
                        try:
                            os.replace(self.root, self.out_dir)
                        except OSError:
                            os.replace(aside, self.out_dir)
                            raise
                        self.root = aside
                else:
                    os.replace(self.root, self.out_dir)
                    self.root = None
                state["committed"] = True   # set before Ctrl-C can be delivered again
        except OSError as exc:
            self.abort()
            raise OutputError(f"cannot replace {self.out_dir}: {exc.strerror or exc} (is a file in it open in "
                              "another program? close it and build again); the previous outputs are unchanged") \
                from None
        _pause()
        if self.root is not None:  # the old folder, now out of the way
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None
        return [Written(self.out_dir / lang / w.path.name, w.summary, w.output)
                for lang, staging in self.stagings.items() for w in staging.written]

    def abort(self) -> None:
        """Remove the new folder; the previous outputs stay exactly as they were."""
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None


def _pause() -> None:
    """The kill test widens the commit window with IDPC_KIT_COMMIT_PAUSE (seconds) to aim into it."""
    seconds = os.environ.get("IDPC_KIT_COMMIT_PAUSE")
    if seconds:
        import time

        time.sleep(float(seconds))


def _link_or_copy(src, dst):
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
    return dst
