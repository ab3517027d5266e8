"""What tagged PDF costs: the English fact sheet built by this checkout and by an older commit (before
tagging), alternately in one run, as medians of wall and CPU time and their ratio.

Run: .venv/bin/python bench/tagging.py [REF] [--runs N]   (REF: a commit before tagged PDF)
"""
from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def once(checkout: Path, content: Path, out: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of one `generate --only factsheet --lang en` run by the checkout's code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", str(content), "--only", "factsheet", "--lang", "en",
                    "-o", str(out)], check=True, capture_output=True, cwd=checkout,
                   env={"PATH": "/usr/bin:/bin", "IDPC_KIT_WORKERS": "1"})
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", nargs="?", default="HEAD~3")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        old = tmp / "old"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(old), args.ref], check=True, cwd=ROOT)
        try:
            for path in ROOT.glob("content*.yaml"):
                shutil.copy(path, tmp / path.name)
            times: dict[str, list] = {"before": [], "tagged": []}
            for k in range(args.runs):     # a new folder each time: an unchanged build writes nothing
                times["before"].append(once(old, tmp / "content.yaml", tmp / f"out-old-{k}"))
                times["tagged"].append(once(ROOT, tmp / "content.yaml", tmp / f"out-new-{k}"))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(old)], check=True, cwd=ROOT)
    med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in times.items()}
    for k, (wall, cpu) in med.items():
        print(f"{k:7} wall {wall:.2f} s  CPU {cpu:.2f} s")
    print(f"ratio   wall {med['tagged'][0] / med['before'][0]:.3f}  CPU {med['tagged'][1] / med['before'][1]:.3f}")


if __name__ == "__main__":
    main()
