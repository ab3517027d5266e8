"""The `generate` command: parse flags, build, and report in the user's terms (never a traceback for their mistakes)."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

from . import __version__
from .errors import ContentError, GeneratorError, Problem, UsageError
from .model import OUTPUT_KINDS, PAPERS, Content


def _outputs(value: str) -> list[str]:
    kinds = [v.strip() for v in value.split(",") if v.strip()]
    bad = [k for k in kinds if k not in OUTPUT_KINDS]
    if bad or not kinds:
        raise argparse.ArgumentTypeError(f"unknown output {', '.join(bad) or value!r}; choose from {','.join(OUTPUT_KINDS)}")
    return kinds


def _versions(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if not 1 <= n <= 26:
        raise argparse.ArgumentTypeError(f"{value!r} is not 1 to 26")
    return n


def _seed(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number >= 0")
    return n


def parser() -> argparse.ArgumentParser:
    """The command line, flag names fixed by the design."""
    p = argparse.ArgumentParser(prog="generate", description="Build the fact sheet, deck and quiz from a content file.")
    p.add_argument("content", nargs="?", default="content.yaml", metavar="CONTENT",
                   help="the content file (default: ./content.yaml)")
    p.add_argument("-o", "--output", metavar="DIR", help="output folder (default: output/ beside the content file)")
    p.add_argument("--only", type=_outputs, metavar="factsheet,deck,quiz", help="build only these outputs")
    p.add_argument("--paper", choices=PAPERS, help="paper size of the PDFs")
    p.add_argument("--theme", metavar="NAME", help="a folder under templates/, or a path to one")
    p.add_argument("--deck-template", metavar="FILE.pptx", help="the organisation's own PowerPoint template")
    p.add_argument("--versions", type=_versions, metavar="N", help="quiz versions, 1 to 26")
    p.add_argument("--seed", type=_seed, metavar="N", help="seed for shuffling quiz versions")
    p.add_argument("--check", action="store_true", help="validate the content only; write nothing")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--schema", action="store_true", help="print the content file's JSON Schema and exit")
    p.add_argument("--inspect-template", metavar="FILE.pptx",
                   help="print a deck template's layouts and which one each kind of slide uses, and exit")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def schema() -> dict:
    """JSON Schema (draft 2020-12) of the content file, generated from the model."""
    out = Content.model_json_schema()
    out = {"$schema": "https://json-schema.org/draft/2020-12/schema",
           "$id": "https://example.org/idpc-kit/content.schema.json", **out}
    return out


def run(args: argparse.Namespace) -> int:
    """Build (or check) one content file; return the exit code."""
    from .kit import load_kit

    started = time.perf_counter()
    content = Path(args.content)
    if not content.exists():
        raise UsageError(f"{content}: no such file; run `generate` in the folder that holds content.yaml, "
                         "or give its path")
    overrides = {"paper": args.paper, "theme": args.theme, "deck_template": args.deck_template,
                 "outputs": args.only, "versions": args.versions, "seed": args.seed}
    kit = load_kit(content, overrides, shown_as=str(args.content))
    warnings = sorted(kit.warnings)
    if args.strict:
        _refuse_warnings(warnings)
    from .build import build, preflight  # the renderers load only when needed

    if args.check:
        preflight(kit, thorough=True)
        warnings = sorted(kit.warnings)
        if args.strict:
            _refuse_warnings(warnings)
        _print_warnings(warnings)
        print(f"{args.content}: OK ({len(warnings)} warning{'s' if len(warnings) != 1 else ''})")
        return 0
    out_dir = Path(args.output) if args.output else content.resolve().parent / "output"
    written = build(kit, out_dir)
    _print_warnings(sorted(kit.warnings))
    if args.strict and kit.warnings:
        print("warnings found with --strict; the files above were still written", file=sys.stderr)
    cwd = Path.cwd()
    for item in written:
        shown = item.path.relative_to(cwd) if item.path.is_relative_to(cwd) else item.path
        print(f"{shown}  ({item.summary})")
    print(f"{len(written)} file{'s' if len(written) != 1 else ''} in {time.perf_counter() - started:.1f} s")
    return 0


def _refuse_warnings(warnings: list[Problem]) -> None:
    """With --strict, warnings are errors."""
    if warnings:
        raise ContentError([Problem(w.file, w.line, w.column, w.path, w.message + " (--strict)") for w in warnings])


def _print_warnings(warnings: list[Problem]) -> None:
    for w in warnings:
        print(str(w), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `generate` console script."""
    args = parser().parse_args(argv)
    if args.schema:
        print(json.dumps(schema(), indent=2, ensure_ascii=False))
        return 0
    try:
        if args.inspect_template:
            from .renderers.deck_template import inspect

            print(inspect(Path(args.inspect_template)))
            return 0
        return run(args)
    except GeneratorError as exc:
        print(str(exc), file=sys.stderr)
        if isinstance(exc, ContentError):
            n = len([p for p in exc.problems if p.severity == "error"]) or len(exc.problems)
            print(f"{n} problem{'s' if n != 1 else ''} found; nothing was written", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted; the previous outputs are unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` or a closed pager: not an error
        sys.stdout = open(os.devnull, "w")
        return 0
    except Exception:  # a bug in the generator, not the user's mistake
        print("generate: internal error — this is a bug, please report it with the lines below", file=sys.stderr)
        traceback.print_exc()
        return 3
