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
import stat
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

    def __init__(self, root: Path, language: str, previous: Path | None = None, kinds: set[str] = frozenset()):
        self.folder = root / language
        self.language = language
        self.previous = previous     # the language's folder as the last build left it
        self.kinds = set(kinds)
        self.written: list[Written] = []
        self.folder.mkdir(parents=True, exist_ok=True)

    def size_of(self, name: str) -> int | None:
        """Size of the file `name` as it will sit beside this build's files: written by this build, or
        kept from the last one (as _carry_over keeps it); None when there will be none."""
        for path in (self.folder / name, self.previous / name if self.previous else None):
            if path is None or path.is_symlink() or not path.is_file():
                continue
            if path.parent != self.folder:
                kind = _manifest(self.previous).get(name)
                if kind is not None and kind in self.kinds:
                    return None    # stale: an output this build makes, which no longer writes it
            return path.stat().st_size
        return None

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
    if path.is_symlink():   # only the kit's own file, never one read through a link
        return out
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


def _link_target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def check_folder(out_dir: Path) -> None:
    """Refuse an output folder the build cannot replace safely: a file, a link, the folder the build
    runs in (or one holding it). The build swaps the whole folder, so it must be a folder of its own."""
    shown = str(out_dir)
    if out_dir.is_symlink():
        raise OutputError(f"{shown} is a link (to {_link_target(out_dir)}); the build replaces its output folder "
                          "as a whole, so it must be a real folder: give the folder itself with -o, or remove the "
                          "link")
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{shown} is a file, not a folder; -o names the folder the outputs go into (made if "
                          "missing), so choose a folder such as -o output")
    here, target = Path.cwd().resolve(), Path(os.path.abspath(out_dir))
    if out_dir.name in ("", ".", "..") or here == target or here.is_relative_to(target) \
            or here.is_relative_to(target.resolve()):
        raise OutputError(f"-o {shown}: the output folder would be the folder you are working in ({here}) or "
                          "one that holds it; the build replaces its output folder as a whole, so give it a "
                          "folder of its own, such as -o output")


@contextmanager
def locked(out_dir: Path, say: Callable[[str], None] = lambda text: None):
    """Hold the output folder's lock file; a second build into the same folder waits its turn."""
    check_folder(out_dir)
    lock_path = out_dir.parent / f".{out_dir.name}.lock"
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        # never through a link: a planted .output.lock link would make the build create a file elsewhere
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        handle = os.fdopen(fd, "a+b")
    except OSError as exc:
        if exc.errno == errno.ELOOP or lock_path.is_symlink():
            raise OutputError(f"{lock_path} is a link (to {_link_target(lock_path)}); it is the build's lock "
                              "file and must be a plain file: remove the link and build again") from None
        if lock_path.exists() and not lock_path.is_file():
            raise OutputError(f"{lock_path} is not a plain file; it is the build's lock file: move it away and "
                              "build again") from None
        raise _environment(exc, f"create the output folder {out_dir}") from None
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise OutputError(f"{lock_path} is not a plain file; it is the build's lock file: remove it and build again")
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
    real = lambda p: p.is_dir() and not p.is_symlink()  # noqa: E731 - a planted link is never ours
    olds = [p for p in sorted(parent.glob(f".{name}.old-*")) if real(p)]
    if olds and not out_dir.exists() and not out_dir.is_symlink():
        os.replace(olds[-1], out_dir)
        olds = olds[:-1]
    for leftover in olds + [p for p in sorted(parent.glob(f".{name}.new-*")) if real(p)]:
        shutil.rmtree(leftover, ignore_errors=True)


class Build:
    """One build's new output folder: languages staged, then committed all at once (or abandoned)."""

    def __init__(self, out_dir: Path, say: Callable[[str], None] = lambda text: print(text, file=sys.stderr)):
        check_folder(out_dir)
        self.out_dir = out_dir
        self.say = say
        try:
            out_dir.parent.mkdir(parents=True, exist_ok=True)
            self.root = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
            os.chmod(self.root, _mode_of(out_dir))   # the folder's own mode (700 stays 700), not mkdtemp's
        except OSError as exc:
            raise _environment(exc, f"create the output folder {out_dir}") from None
        self.stagings: dict[str, Staging] = {}
        self.kinds: dict[str, set[str]] = {}
        self.carried: dict[str, tuple[int, int]] = {}   # relative path -> (inode, mtime) when carried or left out
        self.top: list[Written] = []    # files beside the language folders (output/index.html)

    def language(self, language: str, kinds: set[str]) -> Staging:
        """The staging folder of one language; kinds are the outputs this build makes for it."""
        old = self.out_dir / language
        if old.is_symlink():
            raise OutputError(f"{old} is a link (to {_link_target(old)}); the build replaces each language's "
                              "folder as a whole, so it must be a real folder: remove the link (the files it "
                              "points to are not touched) and build again")
        if old.exists() and not old.is_dir():
            raise OutputError(f"{old} is a file where the build puts the {language} outputs' folder; rename or "
                              "move it and build again")
        self.kinds[language] = set(kinds)
        self.stagings[language] = Staging(self.root, language, self.out_dir / language, kinds)
        try:
            os.chmod(self.stagings[language].folder, _mode_of(old))
        except OSError as exc:
            raise _environment(exc, f"create the folder {old}") from None
        return self.stagings[language]

    def _note(self, path: Path) -> None:
        """Remember what the old folder held at path when this build looked (to find later changes)."""
        st = path.lstat()
        self.carried[str(path.relative_to(self.out_dir))] = (st.st_ino, st.st_mtime_ns)

    def write_top(self, name: str, produce: Callable[[Path], str], output: str) -> None:
        """Write a file beside the language folders (output/index.html), swapped in with them."""
        if "/" in name or "\\" in name or name in (".", "..", MANIFEST) or name in self.stagings:
            raise ValueError(f"not a top-level output name: {name!r}")
        target = self.root / name
        try:
            summary = produce(target)
        except OSError as exc:
            raise _environment(exc, f"write {name}") from None
        self.top.append(Written(target, summary, output))

    def previous_languages(self) -> dict[str, dict[str, str]]:
        """Language folders of the last build that this build keeps as they are: tag -> their manifest."""
        out = {}
        for entry in (self.out_dir.iterdir() if self.out_dir.is_dir() else ()):
            if entry.name not in self.stagings and entry.is_dir() and not entry.is_symlink():
                manifest = _manifest(entry)
                if manifest:
                    out[entry.name] = manifest
        return out

    def _carry_over(self) -> None:
        """Everything in the old folder that this build does not replace, nor knows to be stale."""
        done: set[str] = set()
        top = {w.path.name for w in self.top}
        top_ours = _manifest(self.out_dir) if self.out_dir.is_dir() else {}
        built = set().union(*self.kinds.values()) if self.kinds else set()
        for entry in (self.out_dir.iterdir() if self.out_dir.is_dir() else ()):
            target = self.root / entry.name
            if entry.name in top or entry.name == MANIFEST or (top_ours.get(entry.name) in built and
                                                               entry.name not in self.stagings and entry.is_file()):
                self._note(entry)
                continue   # replaced, or a top-level file of ours this build no longer writes
            if entry.name in self.stagings and entry.is_dir() and not entry.is_symlink():
                staging = self.stagings[entry.name]
                ours = _manifest(entry)
                new = {w.path.name for w in staging.written}
                for item in entry.iterdir():
                    kind = ours.get(item.name)
                    plain = item.is_file() and not item.is_symlink()
                    if item.name in new and not plain and not item.is_symlink():
                        raise OutputError(f"{item} is a folder where the build writes its {item.name}; move or "
                                          "rename that folder (nothing was changed) and build again")
                    stale = kind is not None and kind in self.kinds[entry.name] and plain
                    self._note(item)
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
                self._note(entry)
                shutil.copytree(entry, target, copy_function=_link_or_copy, symlinks=True)
            else:
                self._note(entry)
                _bring(entry, target)
        for language, staging in self.stagings.items():
            if language not in done:
                self._write_manifest(staging, {})
        kept = {n: k for n, k in top_ours.items() if k not in built and (self.root / n).exists() and n not in top}
        lines = [f"{k}\t{n}" for n, k in sorted(kept.items())] + [f"{w.output}\t{w.path.name}" for w in self.top]
        if lines:
            (self.root / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def _write_manifest(self, staging: Staging, kept: dict[str, str]) -> None:
        entries = dict(kept) | {w.path.name: w.output for w in staging.written}
        lines = [f"{k}\t{n}" for n, k in sorted(entries.items())]   # the same whatever was rebuilt
        (staging.folder / MANIFEST).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def commit(self, extra: dict[str, bytes] | None = None) -> list[Written]:
        """Swap the new folder into place in one step; return what was written. extra: files to place at
        the top of the new folder (the build's state), in place of the old ones."""
        try:
            self._carry_over()
            for name, data in (extra or {}).items():
                (self.root / name).unlink(missing_ok=True)   # a link to the old folder's copy: never written through
                (self.root / name).write_bytes(data)
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
            if self._rescue(self.root):
                shutil.rmtree(self.root, ignore_errors=True)
            self.root = None
        return [Written(self.out_dir / lang / w.path.name, w.summary, w.output)
                for lang, staging in self.stagings.items() for w in staging.written] + \
            [Written(self.out_dir / w.path.name, w.summary, w.output) for w in self.top]

    def _rescue(self, old: Path) -> bool:
        """Files saved into the output folder while this build was committing (after it looked, before
        the swap) went into the old folder: move each into the new one, or beside a file the build
        wrote under the same name, and say where it is. False when one could not be moved (the old
        folder is then kept, and named)."""
        kept = True
        for language in [""] + sorted(self.stagings):
            folder = old / language if language else old
            if not folder.is_dir() or folder.is_symlink():
                continue
            for item in sorted(folder.iterdir()):
                rel = str(item.relative_to(old))
                if item.name == MANIFEST or PARTIAL in item.name or (not language and item.name in self.stagings):
                    continue
                st, noted = item.lstat(), self.carried.get(rel)
                if noted == (st.st_ino, st.st_mtime_ns) or (noted and stat.S_ISDIR(st.st_mode)):
                    continue   # as the build found it (a folder carried over whole is not followed inside)
                dest = self.out_dir / rel
                if dest.exists() or dest.is_symlink():
                    if dest.lstat().st_ino == st.st_ino:
                        continue   # edited in place: the new folder shares the file
                    if not (noted and dest.lstat().st_ino == noted[0]):   # else: a newer save of a kept file
                        dest = _free_name(dest)
                try:
                    os.replace(item, dest)
                except OSError as exc:
                    kept = False
                    self.say(f"warning: {self.out_dir / rel} was saved while the build was replacing the outputs "
                             f"and could not be moved into place ({exc.strerror}); it is kept at {item}")
                    continue
                if dest != self.out_dir / rel:
                    self.say(f"warning: {self.out_dir / rel} was saved while the build was replacing the outputs, "
                             f"which wrote a file of that name; yours is kept as {dest}")
        return kept

    def abort(self) -> None:
        """Remove the new folder; the previous outputs stay exactly as they were."""
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None


def _mode_of(folder: Path) -> int:
    """The permission bits of an existing folder; for a new one, a normal folder's under the umask."""
    try:
        return stat.S_IMODE(folder.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o777 & ~mask


def _free_name(path: Path) -> Path:
    """path with ' (saved during the build)' (and a number, if need be) before its extension."""
    for n in range(1, 1000):
        label = " (saved during the build)" if n == 1 else f" (saved during the build {n})"
        candidate = path.with_name(path.stem + label + path.suffix)
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
    raise OutputError(f"cannot find a free name beside {path}")


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
