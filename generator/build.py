"""Build a project: every language planned once and written into a new output folder, which is swapped
into place only when every file is done (a problem anywhere leaves the old outputs as they were).
Outputs whose inputs did not change are kept as they are (incremental.py).

Where the system can fork (Linux and other Unix, not macOS), the writing is shared with one worker of
the standard library's process pool: languages are split between the two processes, each planning and
writing its own; a single language is planned here and its files split by writer, so ReportLab and
python-pptx load in parallel. The worker is forked after planning and shares the plans' memory.
"""
from __future__ import annotations

import gc
import os
import sys
import threading
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from . import incremental, tracking
from .errors import ContentError, GeneratorError, OutputError, Problem
from .output import Build, Written, locked, recover, state
from .phases import plan, write
from .plans import Plans
from .renderers import LAST

# what each output costs to plan and write, and each writer to load and write, roughly (to share work)
COST = {"deck": 3.0, "quiz": 2.0, "factsheet": 2.0, "poster": 0.5}
WRITER_COST = {"pptx": 3.0, "pdf": 0.4, "xlsx": 0.3}
_TASK: dict = {}   # what a forked worker reads: it shares this process's memory as it was at the fork


def plan_all(kits, outputs: list[str] | None = None) -> list[Plans]:
    """The plans of every language (the main language first: translations share its quiz fingerprint)."""
    return [plan(kit, kits[0], outputs) for kit in kits]


def workers() -> int:
    """2 where forking is sound and two cores are free; IDPC_KIT_WORKERS=1 forces one process."""
    import multiprocessing

    wanted = os.environ.get("IDPC_KIT_WORKERS")
    if wanted == "1" or sys.platform == "darwin" or "fork" not in multiprocessing.get_all_start_methods():
        return 1   # macOS forks unsafely (its system libraries), Windows cannot
    if threading.active_count() > 1:
        return 1   # forking a process with threads (the watcher's) can deadlock the child
    if wanted == "2":
        return 2
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return min(2, cores)


def _halves(items: list, cost) -> tuple[list, list]:
    """Two shares of about the same cost (largest first, each to the lighter share)."""
    shares: tuple[list, list] = ([], [])
    weight = [0.0, 0.0]
    for item in sorted(items, key=cost, reverse=True):
        k = 0 if weight[0] <= weight[1] else 1
        shares[k].append(item)
        weight[k] += cost(item)
    return shares


def _plan_and_write(kits, todo: dict, new: Build, indices: list[int]) -> list[Plans]:
    """Plan and write whole languages (each planned once)."""
    done = []
    for k in indices:
        kit = kits[k]
        p = plan(kit, kits[0], todo[kit.language])
        write(p, new.stagings[kit.language])
        done.append(p)
    return done


def _child_started() -> None:
    import signal

    # Ctrl-C or a signal sent to the worker alone ends it at once; the parent sees how it ended, stops,
    # and removes the half-written folder itself (never while the worker still writes into it)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):   # and it ends with its parent, never writing on alone
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


def _child(job: tuple) -> tuple:
    """In the forked worker: plan and write some languages, or write some planned files; the answer
    holds only plain data (warnings, what was written, what was read), or the error."""
    kits, todo, new = _TASK["kits"], _TASK["todo"], _TASK["new"]
    kind, what = job
    try:
        before = {lang: len(s.written) for lang, s in new.stagings.items()}
        if kind == "languages":
            plans = [Plans(p.language, [], p.warnings, p.by_output) for p in _plan_and_write(kits, todo, new, what)]
        else:
            language, indices = what   # the files by their place in the plans: only numbers cross
            planned = _TASK["plans"][language]
            write(planned, new.stagings[language], [planned.files[i] for i in indices])
            plans = []
        written = [(lang, w.path.name, w.summary, w.output) for lang, s in new.stagings.items()
                   for w in s.written[before[lang]:]]
        return "ok", plans, written, tracking.record()
    except (GeneratorError, OSError) as exc:
        return "error", exc, None, None
    except Exception:  # a bug: its traceback crosses as text
        return "error", RuntimeError("in a build process:\n" + traceback.format_exc()), None, None


def _exit_code(proc, wait: float = 10.0):
    """How a worker ended. The pool's own thread reaps it too: until it has, exitcode reads None."""
    import time

    deadline = time.monotonic() + wait
    while proc.exitcode is None and time.monotonic() < deadline:
        proc.join(0.05)
    return proc.exitcode


def _stop(procs) -> None:
    for proc in procs:
        if proc.is_alive():
            proc.terminate()


def _shared(job: tuple, mine, **task):
    """Run job in a forked worker of a process pool while this process does mine(); the worker's answer."""
    import multiprocessing

    _TASK.update(task)
    gc.freeze()   # the worker shares every object made so far; a collection would copy them all
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=_child_started)
    procs: list = []
    try:
        future = pool.submit(_child, job)
        procs = list(getattr(pool, "_processes", {}).values())
        done = mine()
        answer = future.result()
    except BrokenProcessPool:
        codes = [_exit_code(proc) for proc in procs]
        if any(code is not None and code < 0 for code in codes):
            raise KeyboardInterrupt from None   # the worker was stopped by a signal: so is the build
        raise OutputError(f"a build process stopped unexpectedly (exit {codes[0] if codes else '?'})") from None
    except BaseException:
        _stop(procs)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _TASK.clear()
    status, plans, written, read = answer
    if status != "ok":
        raise plans
    tracking.merge(read)
    for lang, name, summary, output in written:
        staging = task["new"].stagings[lang]
        staging.written.append(Written(staging.folder / name, summary, output))
    return done, plans


def _make(kits, todo: dict, new: Build, n_workers: int) -> list[Plans]:
    """Plan every language in todo once and write its files, in one or two processes."""
    indices = [k for k, kit in enumerate(kits) if kit.language in todo]
    for k in indices:   # every staging folder exists before a worker is forked
        new.language(kits[k].language, set(todo[kits[k].language]))
    cost = lambda k: sum(COST.get(o, 1.0) for o in todo[kits[k].language])  # noqa: E731
    if n_workers > 1 and len(indices) > 1:
        mine, theirs = _halves(indices, cost)
        done, plans = _shared(("languages", theirs), lambda: _plan_and_write(kits, todo, new, mine),
                              kits=kits, todo=todo, new=new)
        return done + plans
    plans = [plan(kits[k], kits[0], todo[kits[k].language]) for k in indices]
    if n_workers > 1 and plans:
        p = plans[0]
        groups: dict[str, list[int]] = {}   # one writer's files in one process: its library loads once
        for i, item in enumerate(p.files):
            if item.output not in LAST:     # written here once both shares are done (they state sizes)
                groups.setdefault(item.writer, []).append(i)
        cost = lambda g: WRITER_COST.get(p.files[g[0]].writer, 0.05) * (1 if p.files[g[0]].writer == "pptx" else len(g))  # noqa: E731
        mine, theirs = _halves(list(groups.values()), cost)
        if mine and theirs:
            _shared(("files", (p.language, [i for g in theirs for i in g])),
                    lambda: write(p, new.stagings[p.language], [p.files[i] for g in mine for i in g]),
                    kits=kits, todo=todo, new=new, plans={p.language: p})
            write(p, new.stagings[p.language], [f for f in p.files if f.output in LAST])
            order = {item.name: n for n, item in enumerate(p.files)}   # as one process lists them
            new.stagings[p.language].written.sort(key=lambda w: order[w.path.name])
            return plans
    for p in plans:
        write(p, new.stagings[p.language])
    return plans


def build(kits, out_dir: Path, outputs: list[str] | None = None,
          say=lambda text: print(text, file=sys.stderr, flush=True), workers: int | None = None,
          strict: bool = False, options=None) -> tuple[list[Written], list[Plans]]:
    """Plan and write every language into out_dir/<language>/, all or nothing; outputs whose inputs did
    not change are kept (listed in Plans.kept). With strict, any warning stops the build before anything
    is replaced. In two processes, the plans returned carry every warning but only this process's files.
    options (project.Options) keys the quick up-to-date check of the next run."""
    state["committed"] = False
    outputs = list(outputs) if outputs else None
    common = tracking.common()   # what loading read: every output depends on it
    with locked(out_dir, say):
        recover(out_dir)
        old = incremental.read_state(out_dir)
        todo = incremental.changed(kits, outputs, old, out_dir, common)
        new = Build(out_dir, say) if todo else None
        try:
            made = {p.language: p for p in (_make(kits, todo, new, workers or globals()["workers"]())
                                             if todo else [])}
            plans = []
            for kit in kits:
                p = made.get(kit.language) or Plans(kit.language, [], list(kit.warnings))
                kept = [o for o in (outputs or kit.build.outputs) if o not in todo.get(kit.language, ())]
                p.warnings = list(dict.fromkeys(p.warnings + incremental.kept_warnings(old, kit.language, kept)))
                entries = old.get("outputs", {}).get(kit.language, {})
                p.kept = [(name, values[0], o) for o in kept for name, values in entries[o]["files"].items()]
                plans.append(p)
            if new is not None:
                _top(kits, new, todo)
            warnings = [w for p in plans for w in p.warnings]
            if strict and warnings:
                raise ContentError([Problem(w.file, w.line, w.column, w.path, w.message + " (--strict)")
                                    for w in warnings])
            staged = [w for s in new.stagings.values() for w in s.written] if new else []
            data = incremental.new_state(options, kits, outputs, old, common, plans, staged)
            if new is None:
                _replace_state(out_dir, data)
                return [], plans
            return new.commit({incremental.STATE: data}), plans
        except BaseException:
            if new is not None:
                new.abort()
            raise


def _top(kits, new: Build, todo: dict) -> None:
    """output/index.html, listing the editions, when this build makes a web page."""
    made = [kit for kit in kits if "web" in todo.get(kit.language, ())]
    if made:
        from .renderers.web import editions_page

        new.write_top("index.html", editions_page(made, new.previous_languages()), "web")


def _replace_state(out_dir: Path, data: bytes) -> None:
    """Nothing rebuilt: the state file alone is brought up to date (written aside, then renamed)."""
    target = out_dir / incremental.STATE
    try:
        if target.read_bytes() == data:
            return
    except OSError:
        pass
    aside = out_dir / f".{incremental.STATE}.{os.getpid()}"
    try:
        aside.write_bytes(data)
        os.replace(aside, target)
    except OSError:
        aside.unlink(missing_ok=True)
