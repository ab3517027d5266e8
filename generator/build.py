"""Build a project: plan every language first (a problem anywhere stops the build before anything is
written), then write every file into a new output folder and swap it into place at once."""
from __future__ import annotations

import sys
from pathlib import Path

from .output import Build, Written, locked, recover, state
from .plans import Plans, plan, write


def plan_all(kits, outputs: list[str] | None = None) -> list[Plans]:
    """The plans of every language (the main language first: translations share its quiz fingerprint)."""
    main = kits[0]
    return [plan(kit, main, outputs) for kit in kits]


def build(kits, out_dir: Path, outputs: list[str] | None = None, plans: list[Plans] | None = None,
          say=lambda text: print(text, file=sys.stderr, flush=True)) -> tuple[list[Written], list[Plans]]:
    """Plan (unless plans are given) and write every language into out_dir/<language>/, all or nothing."""
    plans = plans if plans is not None else plan_all(kits, outputs)
    state["committed"] = False
    with locked(out_dir, say):
        recover(out_dir)
        new = Build(out_dir)
        try:
            for kit, p in zip(kits, plans):
                kinds = set(outputs or kit.build.outputs)
                write(p, new.language(p.language, kinds))
            return new.commit(), plans
        except BaseException:
            new.abort()
            raise
