"""`generate --watch`: build, then rebuild whenever a file the last build read changes: the content, a
translation (or a new one beside it), a picture, the theme, the wording, a font or the deck template
(tracking.py records them as they are read). Nothing else wakes it: not the output folder, not a log
written beside the content. Only the outputs whose inputs changed are rebuilt (incremental.py: a quiz
edit rebuilds the quiz and the deck, not the fact sheet); an edit that breaks the content shows its
located problems and keeps the last good outputs; Ctrl-C stops cleanly."""
from __future__ import annotations

import fnmatch
import os
import sys
import time

from . import tracking
from .errors import GeneratorError, report
from .project import Options


def _watched() -> tuple[set[str], dict[str, str]]:
    """The files the last build read (or looked for), and folder -> pattern of the editions it listed."""
    record = tracking.record()
    listed = {}
    for key in record["listings"]:
        folder, _, pattern = key.partition("|")
        listed[folder] = pattern
    return set(record["reads"]), listed


def watch(options, say=lambda text: print(text, flush=True), stop=None) -> int:
    """Build, then rebuild on every change until Ctrl-C (or until stop is set)."""
    from watchfiles import watch as changes

    from .build import build
    from .project import load

    options = options if isinstance(options, Options) else Options.from_args(options)
    out_dir = options.out_dir.resolve()
    files: set[str] = set()
    listed: dict[str, str] = {}

    def rebuild(first: bool) -> None:
        nonlocal files, listed
        started = time.perf_counter()
        try:
            kits = load(options).kits
            written, plans = build(kits, out_dir, list(options.only) if options.only else None, say=say,
                                   workers=1, strict=options.strict)
        except GeneratorError as exc:
            print(str(exc), file=sys.stderr)
            say("the content has problems (above); the last good outputs are kept")
            return
        finally:   # what this attempt read is what the next change is looked for in
            now_files, now_listed = _watched()
            files, listed = files | now_files, {**listed, **now_listed}
        report([w for p in plans for w in p.warnings])
        if not written:
            say("the outputs are up to date" if first else "the content is fine again; the outputs are up to date")
            return
        ms = (time.perf_counter() - started) * 1000
        languages = sorted({w.path.parent.name for w in written})
        names = ", ".join(sorted({w.path.name for w in written}))
        say(f"{'built' if first else 'rebuilt'} {len(written)} file{'s' if len(written) != 1 else ''} "
            f"({', '.join(languages)}: {names}) in {ms:.0f} ms")

    def relevant(change, path: str) -> bool:
        path = os.path.abspath(path)
        if path in files:
            return True
        folder, name = os.path.split(path)
        return folder in listed and fnmatch.fnmatch(name, listed[folder]) and not path.startswith(str(out_dir))

    def folders() -> list[str]:
        return [f for f in sorted({os.path.dirname(p) for p in files} | set(listed)) if os.path.isdir(f)]

    rebuild(True)
    try:
        while not (stop is not None and stop.is_set()):
            watching = folders()
            say(f"watching {len(files)} files in {', '.join(watching)} (Ctrl-C to stop)")
            for batch in changes(*watching, stop_event=stop, debounce=150, step=30, recursive=False,
                                 watch_filter=relevant):
                if batch:
                    rebuild(False)
                    if folders() != watching:
                        break   # the build now reads files in another folder: watch that one too
    except KeyboardInterrupt:
        pass
    say("stopped watching")
    return 0
