"""Benchmark: how long each stage of a build takes, for the default and the stress content.

Machines here are noisy, so figures are medians of several runs and are also given as ratios
to the load-and-validate step of the same run. Run: .venv/bin/python bench/benchmark.py [runs]
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from generator.kit import load_kit
from generator.output import Staging
from generator.renderers import RENDERERS

ROOT = Path(__file__).resolve().parent.parent
CONTENTS = {"default": ROOT / "content.yaml", "big (20 questions, 3 versions)": ROOT / "tests/roots/big/content.yaml"}


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def main(runs: int = 5) -> None:
    load_kit(CONTENTS["default"])  # warm up: fonts cut and cached, modules imported
    print(f"{'content':34} {'stage':10} {'median s':>9} {'x load':>7}")
    for name, path in CONTENTS.items():
        load = statistics.median(timed(lambda: load_kit(path)) for _ in range(runs))
        print(f"{name:34} {'load':10} {load:9.3f} {1:7.1f}")
        kit = load_kit(path)
        total = load
        for kind, render in RENDERERS.items():
            def one():
                with tempfile.TemporaryDirectory() as folder:
                    staging = Staging(Path(folder))
                    render(kit, staging)
                    staging.commit()
            seconds = statistics.median(timed(one) for _ in range(runs))
            total += seconds
            print(f"{'':34} {kind:10} {seconds:9.3f} {seconds / load:7.1f}")
        print(f"{'':34} {'total':10} {total:9.3f} {total / load:7.1f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
