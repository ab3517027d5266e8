"""Benchmark: how fast the kit is, measured side by side with the floors it cannot beat.

Machines here are noisy, so every figure is the median of several runs, and each is given as a ratio
to a floor measured in the same run, in wall time and in CPU time (user + system, counting every
process: the build's pool worker is reaped by the build, so its time is the build's):

  warm build     `generate --lang en` of the default kit into an empty folder
                                                          vs  python -c "import reportlab.platypus, pptx, jinja2"
  changed        the same after a one-word edit of a section (the fact sheet, deck and page rebuilt)
  unchanged      the same with nothing changed (the up-to-date check before any heavy import)
  first build    the same with HOME and XDG_CACHE_HOME empty vs  the same floor
  all languages  `generate` of the default kit (en, fr, es, ar) into an empty folder
  --check        `generate --check --lang en`               vs  python -c "import ruamel.yaml, pydantic"
  --watch        a rebuild after a one-word edit of a section (in the watching process)
  scale          50 to 800 generated questions x 4 versions: time per question (and per question added
                 beyond the first 50, which leaves out the fixed start-up) and peak memory
  stress         4 languages x 10 versions x 400 questions; 5,000 table rows; 2,000 questions; 500 sections
  pandoc         pandoc writing a deck from the same content as markdown (when pypandoc-binary is installed)

Run: .venv/bin/python bench/benchmark.py [--runs N] [--quick]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def timed(command: list[str], runs: int, env: dict | None = None, cwd: Path | None = None,
          before=None) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system of the command and all it waited for)."""
    import resource

    walls, cpus = [], []
    for _ in range(runs):
        if before:
            before()
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=cwd)
        walls.append(time.perf_counter() - started)
        now = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def median_time(command: list[str], runs: int, env: dict | None = None, cwd: Path | None = None,
                before=None) -> float:
    return timed(command, runs, env, cwd, before)[0]


_PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_memory(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """(seconds, peak resident memory in MB of its largest process) of one run; a fresh parent per run,
    so one run's peak never shows in the next."""
    started = time.perf_counter()
    done = subprocess.run([PY, "-c", _PEAK, *command], check=True, capture_output=True, text=True, cwd=cwd)
    seconds = time.perf_counter() - started
    return seconds, int(done.stdout.split()[-1]) / 1024


def copy_default(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in ROOT.glob("content*.yaml"):
        shutil.copy(path, folder / path.name)
    return folder / "content.yaml"


def generated(folder: Path, questions: int, versions: int, rows: int = 4, sections: int = 3,
              languages: bool = False) -> Path:
    """A content file with many questions (and its translations: the same text, another tag)."""
    folder.mkdir(parents=True, exist_ok=True)
    secs = "".join(f"  - id: s{i}\n    title: Section {i}\n    text: Paragraph {i} of the section, with a few "
                   f"words more to set.\n    points: [\"Term {i}: a point to make\", A plain point]\n"
                   for i in range(sections))
    table_rows = "".join(f"      - [Row {r}, Group {r % 7}, \"Some words about row {r}, long enough to wrap\"]\n"
                         for r in range(rows))
    qs = "".join(f"    - question: \"Question number {q}: which of these is right?\"\n"
                 f"      options: [First answer {q}, Second answer {q}, Third answer {q}, Fourth answer {q}]\n"
                 f"      answer: {'abcd'[q % 4]}\n      section: s0\n" for q in range(questions))
    body = (f"title: Scale test\nsummary: A generated kit.\n"
            f"sections:\n{secs}    table: t\n"
            f"tables:\n  - id: t\n    title: A table\n    columns: [Name, Group, Notes]\n    rows:\n{table_rows}"
            f"quiz:\n  questions:\n{qs}")
    (folder / "content.yaml").write_text("language: en\n" + body + f"build:\n  quiz: {{versions: {versions}}}\n",
                                         encoding="utf-8")
    if languages:
        for tag in ("fr", "es", "ar"):
            (folder / f"content.{tag}.yaml").write_text(f"language: {tag}\n" + body, encoding="utf-8")
    return folder / "content.yaml"


def edit_section(content: Path) -> None:
    """A one-word edit of a section (and back on the next call)."""
    text = content.read_text(encoding="utf-8")
    a, b = ("multifaceted", "many-sided") if "multifaceted" in text else ("many-sided", "multifaceted")
    content.write_text(text.replace(a, b, 1), encoding="utf-8")


def watch_rebuild(folder: Path, runs: int) -> float:
    """Median time of a rebuild inside a watching process after a one-word edit of a section (the
    watcher's own steps: load the project, then build what changed, in one process)."""
    sys.path.insert(0, str(ROOT))
    from generator.build import build
    from generator.project import Options, load

    content = copy_default(folder)
    options = Options(content=str(content), lang="en")
    build(load(options).kits, folder / "output", say=lambda t: None, workers=1)
    times = []
    for n in range(runs + 1):
        edit_section(content)
        started = time.perf_counter()
        build(load(options).kits, folder / "output", say=lambda t: None, workers=1)
        if n:  # the first edit warms the caches a watching process already has
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def pandoc(folder: Path, runs: int) -> float | None:
    try:
        import pypandoc
    except ImportError:
        return None
    sys.path.insert(0, str(ROOT))
    from generator.kit import load_kit
    from generator.text import paragraphs, plain, point

    kit = load_kit(ROOT / "content.yaml")
    folder.mkdir(parents=True, exist_ok=True)
    md = [f"% {plain(kit.content.title)}", ""]
    for s in kit.content.sections:
        md += [f"# {plain(s.title)}", ""] + paragraphs(s.text) + [""]
        md += [f"- {plain(point(p).text)}" for p in s.points] + [""]
    source = folder / "deck.md"
    source.write_text("\n".join(md), encoding="utf-8")
    binary = pypandoc.get_pandoc_path()
    return median_time([binary, str(source), "-o", str(folder / "deck.pptx")], runs)


def compiled() -> None:
    """The kit's modules compiled to bytecode first, as any install has them after its first run (a
    machine with PYTHONDONTWRITEBYTECODE set would otherwise compile them again at every start)."""
    import compileall

    compileall.compile_dir(str(ROOT / "generator"), quiet=1)


def main() -> None:
    compiled()
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="skip the scale and stress series")
    args = parser.parse_args()
    runs = args.runs
    work = Path(tempfile.mkdtemp(prefix="idpc-bench-"))
    content = copy_default(work / "kit")
    floor, floor_cpu = timed([PY, "-c", "import reportlab.platypus, pptx, jinja2"], runs)
    bare, bare_cpu = timed([PY, "-c", "pass"], runs)
    check_floor = median_time([PY, "-c", "import ruamel.yaml, pydantic"], runs)
    en = [PY, "-m", "generator", str(content), "--lang", "en", "-o", str(work / "out")]
    wipe = lambda: shutil.rmtree(work / "out", ignore_errors=True)  # noqa: E731
    warm, warm_cpu = timed(en, runs, before=wipe)
    subprocess.run(en, check=True, capture_output=True)
    changed, changed_cpu = timed(en, runs, before=lambda: edit_section(content))
    same, same_cpu = timed(en, runs)
    every, every_cpu = timed([PY, "-m", "generator", str(content), "-o", str(work / "out")], runs, before=wipe)
    home = work / "home"

    def empty_home():
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir()

    env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(home / "cache"))
    first = median_time([PY, "-m", "generator", str(content), "--lang", "en", "-o", str(work / "first")], runs,
                        env=env, before=lambda: (empty_home(), shutil.rmtree(work / "first", ignore_errors=True)))
    check = median_time([PY, "-m", "generator", str(content), "--check", "--lang", "en"], runs)
    rebuild = watch_rebuild(work / "watch", runs)
    print(f"{'measure':44} {'wall':>9} {'ratio':>8} {'CPU':>9} {'ratio':>8}")
    for label, wall, cpu in (("floor: import reportlab.platypus, pptx, jinja2", floor, floor_cpu),
                             ("bare python -c pass", bare, bare_cpu),
                             ("warm build, default kit, en", warm, warm_cpu),
                             ("changed: one word of a section, en", changed, changed_cpu),
                             ("unchanged rebuild, en", same, same_cpu),
                             ("warm build, default kit, 4 languages", every, every_cpu)):
        print(f"{label:44} {wall:8.3f}s {wall / floor:7.2f}x {cpu:8.3f}s {cpu / floor_cpu:7.2f}x")
    print(f"{'first build, empty HOME and cache, en':44} {first:8.3f}s {first / floor:7.2f}x")
    print(f"{'floor: import ruamel.yaml, pydantic':44} {check_floor:8.3f}s {1:7.2f}x")
    print(f"{'--check, default kit, en':44} {check:8.3f}s {check / check_floor:7.2f}x")
    print(f"{'--watch rebuild after a one-word edit':44} {rebuild * 1000:7.0f}ms")
    seconds = pandoc(work / "pandoc", runs)
    if seconds is not None:
        deck_only = median_time([PY, "-m", "generator", str(content), "--lang", "en", "--only", "deck",
                                 "-o", str(work / "deck-only")], runs,
                                before=lambda: shutil.rmtree(work / "deck-only", ignore_errors=True))
        print(f"{'pandoc: the sections as a pptx deck':44} {seconds:8.3f}s {seconds / floor:7.2f}x")
        print(f"{'this kit: the deck alone, en':44} {deck_only:8.3f}s {deck_only / floor:7.2f}x")
    if args.quick:
        return
    print(f"\n{'questions x 4 versions':24} {'seconds':>8} {'ms per question':>16} {'ms per added':>13} {'peak MB':>8}")
    first = None
    for n in (50, 100, 200, 400, 800):
        path = generated(work / f"q{n}", n, 4)
        seconds, peak = peak_memory([PY, "-m", "generator", str(path), "-o", str(work / f"q{n}-out"),
                                     "--only", "quiz,deck"])
        # per added question: the cost above the 50-question build, free of the fixed start-up cost
        added = f"{(seconds - first[1]) / (n - first[0]) * 1000:13.1f}" if first else f"{'':13}"
        first = first or (n, seconds)
        print(f"{n:24} {seconds:8.2f} {seconds / n * 1000:16.1f} {added} {peak:8.0f}")
    print()
    path = generated(work / "stress", 400, 10, languages=True)
    seconds, peak = peak_memory([PY, "-m", "generator", str(path), "-o", str(work / "stress-out")])
    print(f"{'4 languages x 10 versions x 400 questions':44} {seconds:8.1f}s {peak:6.0f} MB")
    for label, kwargs in (("5,000 table rows", dict(questions=5, versions=1, rows=5000)),
                          ("2,000 questions", dict(questions=2000, versions=1)),
                          ("500 sections", dict(questions=5, versions=1, sections=500))):
        path = generated(work / label.replace(",", "").replace(" ", "-"), **kwargs)
        seconds, peak = peak_memory([PY, "-m", "generator", str(path), "-o", str(work / (label + "-out"))])
        print(f"{label:44} {seconds:8.1f}s {peak:6.0f} MB")


if __name__ == "__main__":
    main()
