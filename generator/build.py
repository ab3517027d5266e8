"""Build a project: every language planned and written into a new output folder, which is swapped into
place only when every file is done (a problem anywhere leaves the old outputs as they were).

On a machine with more than one core (and a system that can fork) the work is shared between two
processes: languages are split between them, and a single language's outputs are split by their cost
(the deck and the exports in one, the PDFs in the other), so the heavy libraries load in parallel.
"""
from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path

from .errors import ContentError, GeneratorError, OutputError, Problem
from .output import Build, Written, locked, recover, state
from .plans import LAST, Plans, plan, write

# what each output costs to plan and write, roughly, in the default kit (for sharing the work)
COST = {"deck": 3.0, "quiz": 2.0, "factsheet": 2.0, "poster": 0.5, "web": 0.3}


def plan_all(kits, outputs: list[str] | None = None) -> list[Plans]:
    """The plans of every language (the main language first: translations share its quiz fingerprint)."""
    main = kits[0]
    return [plan(kit, main, outputs) for kit in kits]


def _jobs(kits, outputs, last: bool = False) -> list[tuple[int, list[str]]]:
    """(kit index, outputs) pieces of work: whole languages, or one language's outputs; with last, the
    outputs that are written after all the others (LAST: the web page states their sizes)."""
    keep = lambda kinds: [o for o in kinds if (o in LAST) == last]  # noqa: E731
    if len(kits) > 1 or last:
        jobs = [(k, keep(outputs or kit.build.outputs)) for k, kit in enumerate(kits)]
        return [(k, kinds) for k, kinds in jobs if kinds]
    return [(0, [o]) for o in keep(outputs or kits[0].build.outputs)]


def _split(jobs, kits) -> tuple[list, list]:
    """Two shares of about the same cost (largest first, each to the lighter share)."""
    cost = lambda job: sum(COST.get(o, 1.0) for o in job[1])  # noqa: E731
    shares: tuple[list, list] = ([], [])
    weight = [0.0, 0.0]
    for job in sorted(jobs, key=cost, reverse=True):
        k = 0 if weight[0] <= weight[1] else 1
        shares[k].append(job)
        weight[k] += cost(job)
    return shares


def _run(kits, jobs, new: Build, kinds: dict) -> tuple[list[Plans], dict[str, list]]:
    """Plan and write some jobs; returns their plans and, per language, what was written."""
    done, written = [], {}
    for k, outputs in jobs:
        kit = kits[k]
        p = plan(kit, kits[0], outputs)
        staging = new.stagings.get(kit.language) or new.language(kit.language, kinds[kit.language])
        before = len(staging.written)
        write(p, staging)
        written.setdefault(kit.language, []).extend(staging.written[before:])
        done.append(p)
    return done, written


def _workers() -> int:
    if not hasattr(os, "fork") or os.environ.get("IDPC_KIT_WORKERS") == "1":
        return 1
    return min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _parallel(kits, jobs, new: Build, kinds: dict) -> list[Plans]:
    """Half the jobs in a forked child, half here; the child reports through a pipe."""
    mine, theirs = _split(jobs, kits)
    if not theirs or not mine:
        return _run(kits, jobs, new, kinds)[0]
    for language in kinds:  # both processes write into folders that exist before the fork
        if language not in new.stagings:
            new.language(language, kinds[language])
    read, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: plan and write its share, report, and leave without cleaning up
        os.close(read)
        try:
            plans, written = _run(kits, theirs, new, kinds)
            message = ("ok", [(p.language, p.warnings) for p in plans],
                       {lang: [(w.path.name, w.summary, w.output) for w in ws] for lang, ws in written.items()})
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
            message = ("error", exc if isinstance(exc, (GeneratorError, OSError)) else
                       RuntimeError(f"{type(exc).__name__}: {exc}"), None)
        data = pickle.dumps(message)
        with os.fdopen(write_end, "wb") as out:
            out.write(data)
        os._exit(0)
    os.close(write_end)
    try:
        plans, _ = _run(kits, mine, new, kinds)
    except BaseException:
        _reap(pid, read)
        raise
    kind, payload, written = _reap(pid, read)
    if kind != "ok":
        raise payload
    for lang, ws in written.items():
        staging = new.stagings[lang]
        staging.written += [Written(staging.folder / name, summary, output) for name, summary, output in ws]
    return _merge(plans + [Plans(lang, [], warnings) for lang, warnings in payload], kits)


def _reap(pid: int, read: int):
    with os.fdopen(read, "rb") as fh:
        data = fh.read()
    _, status = os.waitpid(pid, 0)
    if not data:
        code = os.waitstatus_to_exitcode(status)
        if code < 0 and -code in (2, 15):
            raise KeyboardInterrupt
        raise OutputError(f"a build process stopped unexpectedly (exit {code})")
    return pickle.loads(data)


def build(kits, out_dir: Path, outputs: list[str] | None = None, plans: list[Plans] | None = None,
          say=lambda text: print(text, file=sys.stderr, flush=True), workers: int | None = None,
          strict: bool = False) -> tuple[list[Written], list[Plans]]:
    """Plan and write every language into out_dir/<language>/, all or nothing; plans given are written
    as they are (one process). With strict, any warning stops the build before anything is replaced.
    In two processes, the plans returned carry every warning but only this process's files."""
    state["committed"] = False
    kinds = {kit.language: set(outputs or kit.build.outputs) for kit in kits}
    with locked(out_dir, say):
        recover(out_dir)
        new = Build(out_dir)
        try:
            if plans is not None:
                for kit, p in zip(kits, plans):
                    write(p, new.language(p.language, kinds[kit.language]))
            else:
                if (workers or _workers()) > 1:
                    plans = _parallel(kits, _jobs(kits, outputs), new, kinds)
                else:
                    plans = _run(kits, _jobs(kits, outputs), new, kinds)[0]
                plans = _merge(plans + _run(kits, _jobs(kits, outputs, last=True), new, kinds)[0], kits)
            _top(kits, new, kinds)
            warnings = [w for p in plans for w in p.warnings]
            if strict and warnings:
                raise ContentError([Problem(w.file, w.line, w.column, w.path, w.message + " (--strict)")
                                    for w in warnings])
            return new.commit(), plans
        except BaseException:
            new.abort()
            raise


def _top(kits, new: Build, kinds: dict) -> None:
    """output/index.html, listing the editions, when this build makes a web page."""
    made = [kit for kit in kits if "web" in kinds[kit.language]]
    if made:
        from .renderers.web import editions_page

        new.write_top("index.html", editions_page(made, new.previous_languages()), "web")


def _merge(plans: list[Plans], kits) -> list[Plans]:
    """One Plans per language (jobs may have planned a language's outputs one at a time)."""
    merged: dict[str, Plans] = {}
    for p in plans:
        if p.language in merged:
            merged[p.language].files += p.files
            merged[p.language].warnings += [w for w in p.warnings if w not in merged[p.language].warnings]
        else:
            merged[p.language] = Plans(p.language, list(p.files), list(p.warnings))
    return [merged[k.language] for k in kits if k.language in merged]
