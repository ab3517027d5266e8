"""Benchmark: what an edition in another script costs, next to the English one, measured in one run.

  editions      plan and write each edition of tests/roots/scripts (fact sheet and poster), in this
                process, warm: wall and CPU time, each as a ratio to English
  line breaks   break_points over the edition's text: Latin rules vs UAX #14 (uniseg) for Chinese,
                microseconds per character

Needs a CJK font (fonts-noto-cjk). Run: .venv/bin/python bench/scripts.py [--runs N]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from generator import fields
    from generator.build import build
    from generator.kit import load_kit
    from generator.typeset import breaking

    kits = load_kit(ROOT / "tests" / "roots" / "scripts" / "content.yaml", translations=True).kits
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kit in kits:
            build([kit], Path(tmp) / "warm", ["factsheet", "poster"], say=lambda text: None, workers=1)
            walls, cpus = [], []
            for k in range(runs):
                wall, cpu = time.perf_counter(), time.process_time()
                build([kit], Path(tmp) / f"out{k}", ["factsheet", "poster"], say=lambda text: None, workers=1)
                walls.append(time.perf_counter() - wall)
                cpus.append(time.process_time() - cpu)
            rows[kit.language] = (statistics.median(walls), statistics.median(cpus))
    base_wall, base_cpu = rows["en"]
    print("| edition (fact sheet and poster, warm) | wall | ratio | CPU | ratio |")
    print("|---|---|---|---|---|")
    for language, (wall, cpu) in rows.items():
        print(f"| {language} | {wall:.3f} s | {wall / base_wall:.2f}x | {cpu:.3f} s | {cpu / base_cpu:.2f}x |")

    print()
    print("| line breaks, cold cache | characters | µs per character |")
    print("|---|---|---|")
    for kit in kits:
        if kit.language not in ("en", "zh"):
            continue
        texts = [t for _, _, _, t in fields.content_texts(kit.source.data)]
        chars = sum(len(t) for t in texts)
        times = []
        for _ in range(runs):
            breaking.break_points.cache_clear()
            started = time.process_time()
            for text in texts:
                breaking.break_points(" ".join(text.split()))
            times.append(time.process_time() - started)
        rule = "UAX #14 (uniseg)" if kit.language == "zh" else "spaces and hyphens"
        print(f"| {kit.language}: {rule} | {chars} | {statistics.median(times) / chars * 1e6:.1f} |")


if __name__ == "__main__":
    main()
