"""The two phases of a build. plan(kit) decides everything that is printed or projected, as data,
and returns the warnings it found; write(plans, staging) turns the plans into files and decides
nothing. `generate --check` plans and prints the problems, writing nothing."""
from __future__ import annotations

from . import tracking
from .incremental import EVERY
from .notes import Notes
from .plans import Planned, Plans


def plan(kit, main=None, outputs: list[str] | None = None) -> Plans:
    """Plan every output of kit.build.outputs (or of outputs); main is the main language's kit."""
    from . import quizplan
    from .renderers import planner

    notes = Notes(kit)
    with tracking.scope(kit.language, EVERY):       # read for every output of the language
        qp = quizplan.plan(kit, main) if kit.content.quiz else None
    shared = list(notes.items)
    files: list[Planned] = []
    by_output = {}
    for kind in outputs or kit.build.outputs:
        before = len(notes.items)
        with tracking.scope(kit.language, kind):   # what this output reads, apart from what all read
            files += planner(kind)(kit, notes, qp)
        by_output[kind] = shared + notes.items[before:] + kit.wording.warnings()   # replayed while it is kept
    warnings = list(kit.warnings) + notes.items + kit.wording.warnings()
    return Plans(kit.language, files, warnings, by_output)


def write(plans: Plans, staging, files: list[Planned] | None = None) -> None:
    """Write every planned file (or the given share of them) through the staging area; the outputs
    that state the sizes of the files beside them (renderers.LAST: the web page) last."""
    from functools import partial

    from .renderers import LAST, writer

    for item in sorted(plans.files if files is None else files, key=lambda f: f.output in LAST):
        write_one = writer(item.writer)
        if item.output in LAST and item.writer == "web":
            write_one = partial(write_one, sizes=staging.size_of)
        staging.write(item.name, lambda path, item=item, write_one=write_one: write_one(item.payload, path),
                      item.output)
