"""The `generate` command: parse flags, build, and report in the user's terms (never a traceback for
their mistakes). Heavy libraries are imported only when a step needs them: --check plans without
loading ReportLab or python-pptx."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from . import __version__
from .errors import ContentError, GeneratorError, Problem, report
from .choices import DECK_STYLES, DIVIDERS, OUTPUT_KINDS, PAPERS
from .project import Options

EXIT_CODES = {0: "built (or checked) without problems", 1: "a problem in the content, a theme or a deck template",
              2: "a problem with the command line", 3: "a bug in the generator",
              4: "the computer stopped the build (disk full, permissions, a file in use)", 130: "interrupted"}


def _outputs(value: str) -> list[str]:
    kinds = [v.strip().lower() for v in value.split(",") if v.strip()]
    bad = [k for k in kinds if k not in OUTPUT_KINDS]
    if bad or not kinds:
        raise argparse.ArgumentTypeError(f"unknown output {', '.join(bad) or value!r}; choose from "
                                         f"{','.join(OUTPUT_KINDS)}")
    return kinds


def _paper(value: str) -> str:
    found = next((p for p in PAPERS if p.lower() == value.strip().lower()), None)
    if found is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a paper size; use {' or '.join(PAPERS)}")
    return found


def _number(low: int, high: int | None):
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            n = low - 1
        if n < low or (high is not None and n > high):
            raise argparse.ArgumentTypeError(f"{value!r} is not {low} to {high}" if high else
                                             f"{value!r} is not a whole number >= {low}")
        return n
    return parse


def parser() -> argparse.ArgumentParser:
    """The command line."""
    p = argparse.ArgumentParser(prog="generate", description="Build the fact sheet, deck, quiz and poster from a "
                                "content file and its translations.")
    p.add_argument("content", nargs="?", default="content.yaml", metavar="CONTENT",
                   help="the content file (default: ./content.yaml); translations beside it are built too")
    p.add_argument("-o", "--output", metavar="DIR", help="output folder (default: output/ beside the content file)")
    p.add_argument("--only", type=_outputs, metavar=",".join(OUTPUT_KINDS), help="build only these outputs")
    p.add_argument("--lang", metavar="TAG", help="build only this language (such as fr)")
    p.add_argument("--paper", type=_paper, metavar="A4|Letter", help="paper size of the PDFs (any case)")
    p.add_argument("--theme", metavar="NAME", help="a theme: a folder under templates/")
    p.add_argument("--deck-template", metavar="FILE", help="the organisation's own .pptx or .potx")
    p.add_argument("--deck-style", choices=DECK_STYLES, help="talk: short slides, the text in the notes; full: reading deck")
    p.add_argument("--dividers", choices=DIVIDERS, help="section divider slides")
    p.add_argument("--versions", type=_number(1, 26), metavar="N", help="quiz versions, 1 to 26")
    p.add_argument("--seed", type=_number(0, None), metavar="N", help="seed for shuffling quiz versions")
    p.add_argument("--check", action="store_true", help="plan everything and report problems; write nothing")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--allow-missing-glyphs", action="store_true",
                   help="only warn about characters no bundled font can draw (they print as empty boxes)")
    p.add_argument("--watch", action="store_true", help="rebuild whenever the content, a translation, a picture, "
                   "the theme or the deck template changes")
    p.add_argument("--schema", action="store_true", help="print the content file's JSON Schema and exit")
    p.add_argument("--wording", metavar="LANG", help="print a wording catalogue to start from for a language "
                   "(the English text as comments), and exit")
    p.add_argument("--inspect-template", metavar="FILE",
                   help="show how a deck template will be used (its layouts and resolved boxes), and exit")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def schema() -> dict:
    """JSON Schema (draft 2020-12) of the content file, generated from the model with its docstrings
    (a copy of model.py loaded with them: builds leave them out, they take pydantic long to read)."""
    import importlib.util

    from . import model

    name = f"{__package__}._model_with_docs"
    documented = sys.modules.get(name)
    if documented is None:
        spec = importlib.util.spec_from_file_location(name, model.__file__)
        documented = importlib.util.module_from_spec(spec)
        documented._DOCS = True
        sys.modules[name] = documented   # pydantic resolves the annotations through sys.modules
        spec.loader.exec_module(documented)
    out = documented.Content.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://example.org/idpc-kit/content.schema.json", **out}


def load(args: argparse.Namespace):
    """The project's kits, every problem of every file reported at once (project.load)."""
    from .project import Options, load as load_project

    return load_project(Options.from_args(args)).kits


def _refuse(warnings: list[Problem]) -> None:
    """With --strict, warnings are errors."""
    if warnings:
        raise ContentError([Problem(w.file, w.line, w.column, w.path, w.message + " (--strict)") for w in warnings])


def _files(count: int, languages: int) -> str:
    return (f"{count} file{'s' if count != 1 else ''} in {languages} language{'s' if languages != 1 else ''}")


def _shown(path: Path) -> Path:
    cwd = Path.cwd()
    return path.relative_to(cwd) if path.is_relative_to(cwd) else path


def unchanged(state: dict, options: Options, started: float) -> int:
    """Report a build that had nothing to do (incremental.up_to_date): its files and its warnings."""
    report([Problem(*w) for w in state["warnings"]])
    out_dir, count = options.out_dir, 0
    for lang, output in state["selected"]:
        for name, (summary, _, _) in state["outputs"][lang][output]["files"].items():
            print(f"{_shown(out_dir / lang / name)}  ({summary}, unchanged)")
            count += 1
    languages = len({lang for lang, _ in state["selected"]})
    print(f"{_files(count, languages)}, all up to date, in {time.perf_counter() - started:.1f} s")
    return 0


def run(args: argparse.Namespace, started: float | None = None) -> int:
    """Build (or check) one project; return the exit code."""
    import gc

    from .project import load as load_project

    started = started or time.perf_counter()
    options = Options.from_args(args)
    gc.disable()   # importing and loading make objects that live as long as the build: nothing to collect
    try:
        project = load_project(options, partial=not args.strict)
    finally:
        gc.freeze()   # ... so the collector need not walk them again
        gc.set_threshold(100_000, 20, 20)   # planning makes many short-lived objects, few cycles: collect rarely
        gc.enable()
    kits = project.kits
    if args.check:
        from .build import plan_all

        warnings = [w for p in plan_all(kits, args.only) for w in p.warnings]
        if args.strict:
            _refuse(warnings)
        report(warnings)
        n = len(set(warnings))
        if project.failed:
            return _not_built(project, built=False)
        print(f"{args.content}: OK, {len(kits)} language{'s' if len(kits) != 1 else ''} "
              f"({', '.join(k.language for k in kits)}), {n} warning{'s' if n != 1 else ''}")
        return 0
    from .build import build

    out_dir = options.out_dir
    # a build that left an edition out must not be taken for up to date by the next run: no key
    written, plans = build(kits, out_dir, args.only, strict=args.strict,
                           options=None if project.failed else options)
    report([w for p in plans for w in p.warnings])
    for item in written:
        print(f"{_shown(item.path)}  ({item.summary})")
    kept = [(p.language, name, summary) for p in plans for name, summary, _ in p.kept]
    for lang, name, summary in kept:
        print(f"{_shown(out_dir / lang / name)}  ({summary}, unchanged)")
    for line in (line for kit in kits for line in kit.font_report):
        print(line)
    note = f" ({len(kept)} unchanged)" if kept else ""
    print(f"{_files(len(written) + len(kept), len(kits))}{note} in {time.perf_counter() - started:.1f} s")
    return _not_built(project, built=True) if project.failed else 0


def _not_built(project, built: bool) -> int:
    """The problems of the editions left out, grouped by file, and which they are (exit code 1)."""
    for problem in ContentError(project.failed).problems:
        print(str(problem), file=sys.stderr)
    tags, n = project.skipped, len(project.failed)
    one = len(tags) == 1
    named = tags[0] if one else ", ".join(tags[:-1]) + " and " + tags[-1]
    what = ((f"{'was' if one else 'were'} not built and keep{'s' if one else ''} {'its' if one else 'their'} "
             "previous outputs; the other editions were built") if built else "would not be built")
    print(f"{n} problem{'s' if n != 1 else ''} found: the {named} edition{'' if one else 's'} {what}",
          file=sys.stderr)
    return 1


def _printable() -> None:
    """A terminal that cannot show a character (a Latin-1 console, a non-Latin path) gets it as \\uXXXX."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `generate` console script."""
    import signal

    _printable()

    def stop(signum, frame):
        raise KeyboardInterrupt

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, stop)
    started = time.perf_counter()
    try:
        args = parser().parse_args(argv)
        if not (args.schema or args.wording or args.inspect_template or args.watch or args.check):
            from .incremental import up_to_date

            options = Options.from_args(args)
            state = up_to_date(options)   # before anything heavy is imported: nothing to do costs little
            if state:
                return unchanged(state, options, started)
        if args.schema:
            import json

            print(json.dumps(schema(), indent=2, ensure_ascii=False))
            return 0
        if args.wording:
            from .model import canonical_tag
            from .theme import find_theme
            from .wording import starter

            content_dir = Path(args.content).resolve().parent
            print(starter(canonical_tag(args.wording), find_theme(args.theme or "default", content_dir)))
            return 0
        if args.inspect_template:
            from .inspect_template import inspect

            print(inspect(Path(args.inspect_template), Options.from_args(args)))
            return 0
        if args.watch:
            from .watch import watch

            return watch(Options.from_args(args))
        return run(args, started)
    except GeneratorError as exc:
        print(str(exc), file=sys.stderr)
        if isinstance(exc, ContentError):
            n = len([p for p in exc.problems if p.severity == "error"]) or len(exc.problems)
            print(f"{n} problem{'s' if n != 1 else ''} found; nothing was written", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        from .output import state

        if state["committed"]:
            print("interrupted after the new outputs were in place; they are complete", file=sys.stderr)
        else:
            print("interrupted; the previous outputs are unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` or a closed pager: not an error
        sys.stdout = open(os.devnull, "w")
        return 0
    except MemoryError:
        print("generate: the computer ran out of memory; close other programs or shorten the content",
              file=sys.stderr)
        return 4
    except OSError as exc:  # the computer, not the content: disk full, permissions ...
        print(f"generate: {exc.strerror or exc}{': ' + str(exc.filename) if exc.filename else ''}", file=sys.stderr)
        return 4
    except Exception:  # a bug in the generator, not the user's mistake
        import traceback

        print("generate: internal error — this is a bug, please report it with the lines below", file=sys.stderr)
        traceback.print_exc()
        return 3
