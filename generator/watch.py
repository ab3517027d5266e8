"""`generate --watch`: build, then rebuild whenever the content, a translation, a picture, the theme or
the deck template changes. Only the outputs whose inputs changed are rebuilt (an edit to a quiz
question rebuilds the quiz and the deck, not the fact sheet); an edit that breaks the content shows
its located problems and keeps the last good outputs; Ctrl-C stops cleanly."""
from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

from .errors import ContentError, GeneratorError

# the parts of a content file each output reads (everything else cannot change it)
READS = {
    "factsheet": ("language", "title", "subtitle", "date", "summary", "organization", "event", "sections",
                  "tables", "faq", "sources"),
    "deck": ("language", "title", "subtitle", "date", "summary", "organization", "event", "sections", "tables",
             "faq", "quiz"),
    "quiz": ("language", "title", "organization", "sections", "quiz"),
    "poster": ("language", "title", "subtitle", "date", "summary", "organization", "event"),
    "web": ("language", "title", "subtitle", "date", "summary", "organization", "event", "sections", "tables",
            "faq", "quiz", "sources"),
}


def _files_digest(paths) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        try:
            stat = path.stat()
            h.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
        except OSError:
            h.update(f"{path}:missing".encode())
    return h.hexdigest()


def fingerprints(kits) -> dict[tuple[str, str], str]:
    """(language, output) -> a digest of everything that output reads."""
    from .quizplan import fingerprint

    main = kits[0]
    quiz = fingerprint(main) if main.content.quiz else ""
    theme = _files_digest(p for p in main.theme.folder.rglob("*") if p.is_file())
    out = {}
    for kit in kits:
        data = kit.source.data
        build = kit.build.model_dump(mode="json")
        assets = [kit.base_dir / v for v in _asset_names(data)]
        template = [Path(kit.build.deck_template)] if kit.build.deck_template else []
        for output in kit.build.outputs:
            subset = {key: data.get(key) for key in READS[output]}
            if output == "quiz":   # the quiz reads only the sections' ids and titles (for "See: ...")
                subset["sections"] = [{k: s.get(k) for k in ("id", "title")} if isinstance(s, dict) else s
                                      for s in data.get("sections") or []]
            extra = {"build": build, "theme": theme, "assets": _files_digest(assets),
                     "quiz": quiz if output in ("quiz", "deck") else "",
                     "template": _files_digest([kit.base_dir / t for t in template]) if output == "deck" else ""}
            blob = json.dumps([subset, extra], sort_keys=True, default=str, ensure_ascii=False)
            out[(kit.language, output)] = hashlib.sha256(blob.encode("utf-8")).hexdigest()
    return out


def _asset_names(data) -> list[str]:
    names = []
    org = data.get("organization") if isinstance(data, dict) else None
    if isinstance(org, dict) and isinstance(org.get("logo"), str):
        names.append(org["logo"])
    for section in data.get("sections") or [] if isinstance(data, dict) else []:
        image = section.get("image") if isinstance(section, dict) else None
        if isinstance(image, dict) and isinstance(image.get("file"), str):
            names.append(image["file"])
    return names


def watch(args, say=lambda text: print(text, flush=True), stop=None) -> int:
    """Build, then rebuild on every change until Ctrl-C (or until stop is set)."""
    from watchfiles import watch as changes

    from .build import build
    from .cli import load, report

    content = Path(args.content).resolve()
    out_dir = Path(args.output).resolve() if args.output else content.parent / "output"
    last: dict = {}

    def rebuild(first: bool) -> None:
        started = time.perf_counter()
        try:
            kits = load(args)
        except ContentError as exc:
            print(str(exc), file=sys.stderr)
            say("the content has problems (above); the last good outputs are kept")
            return
        now = fingerprints(kits)
        changed = {key for key, digest in now.items() if last.get(key) != digest}
        if not changed:
            say("the content is fine again; the outputs are up to date")
            return
        languages = sorted({lang for lang, _ in changed})
        outputs = {output for _, output in changed}
        if "web" in kits[0].build.outputs:
            outputs.add("web")   # the page states the sizes of the files beside it, which may have changed
        outputs = sorted(outputs)
        chosen = [k for k in kits if k.language in languages]
        try:
            written, plans = build(chosen, out_dir, None if first else outputs, say=say, workers=1)
        except GeneratorError as exc:
            print(str(exc), file=sys.stderr)
            say("the build stopped (above); the last good outputs are kept")
            return
        report([w for p in plans for w in p.warnings])
        last.update(now)
        ms = (time.perf_counter() - started) * 1000
        names = ", ".join(sorted({w.path.name for w in written}))
        say(f"{'built' if first else 'rebuilt'} {len(written)} file{'s' if len(written) != 1 else ''} "
            f"({', '.join(languages)}: {names}) in {ms:.0f} ms")

    rebuild(True)
    folders = {content.parent}
    try:
        kits = load(args)
        folders.add(kits[0].theme.folder)
        if kits[0].build.deck_template:
            folders.add((content.parent / kits[0].build.deck_template).resolve().parent)
    except GeneratorError:
        pass
    say(f"watching {', '.join(str(f) for f in sorted(folders))} (Ctrl-C to stop)")
    ignored = (out_dir,)
    try:
        for batch in changes(*folders, stop_event=stop, debounce=150, step=30,
                             watch_filter=lambda change, path: not any(Path(path).is_relative_to(i) for i in ignored)
                             and "/." not in path.replace("\\", "/")):
            if batch:
                rebuild(False)
    except KeyboardInterrupt:
        pass
    say("stopped watching")
    return 0
