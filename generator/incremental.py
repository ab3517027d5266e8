"""Incremental builds. Each output is keyed by a hash of what it read (the bytes of its input files,
the part of the content it prints, the build settings and the kit's version); an output whose key is
unchanged is neither planned nor written again, but kept as it is. The keys, and the digest of every
file the last build read, live in a state file inside the output folder (swapped in with the outputs,
so it always describes them). up_to_date() compares that file with the disk before anything heavy is
imported: an unchanged rebuild costs little more than starting Python. Standard library only."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from . import __version__, tracking

STATE = ".build-state.json"
FORMAT = 1

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
EVERY = "*"   # the scope of what a language's planning reads before its outputs (the quiz plan, notes)


def code_stamp() -> str:
    """The kit's version and the state of its own source files (an upgrade or an edit rebuilds)."""
    h = hashlib.sha256(__version__.encode())
    root = os.path.dirname(os.path.abspath(__file__))
    for folder, dirs, names in sorted(os.walk(root)):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                h.update(f"{folder}/{name}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def options_key(options) -> str:
    """A digest of the command line's options (with the content file and output folder made absolute)."""
    fields = dict(vars(options)) if not hasattr(options, "__dataclass_fields__") else \
        {name: getattr(options, name) for name in options.__dataclass_fields__}
    fields["content"] = os.path.abspath(fields["content"])
    fields["output"] = os.path.abspath(options.out_dir)
    blob = json.dumps([FORMAT, code_stamp(), fields], sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def read_state(out_dir: Path) -> dict:
    """The last build's state ({} when there is none or it cannot be read)."""
    if Path(out_dir).is_symlink() or (Path(out_dir) / STATE).is_symlink():
        return {}   # never read through a link: the full build then refuses it, naming it
    try:
        with open(Path(out_dir) / STATE, encoding="utf-8") as fh:
            state = json.load(fh)
        return state if isinstance(state, dict) and state.get("format") == FORMAT else {}
    except (OSError, ValueError):
        return {}


def _file_stamp(path) -> list | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def up_to_date(options) -> dict | None:
    """The last build's state when nothing it read, nor any of its outputs, nor the options changed."""
    out_dir = options.out_dir
    tracking.start()   # digests as the files are now, not as an earlier build in this process saw them
    state = read_state(out_dir)
    if not state or state.get("key") != options_key(options):
        return None
    try:   # what a killed build left beside the folder: the full build cleans it up (output.recover)
        if any(name.startswith((f".{out_dir.name}.new-", f".{out_dir.name}.old-")) for name in os.listdir(out_dir.parent)):
            return None
    except OSError:
        return None
    if any(tracking.digest(path) != value for path, value in state["reads"].items()):
        return None
    if any(tracking.listed_now(key) != names for key, names in state["listings"].items()):
        return None
    for lang, output in state["selected"]:
        entry = state["outputs"].get(lang, {}).get(output)
        if entry is None:
            return None
        for name, (_, size, mtime) in entry["files"].items():
            if _file_stamp(out_dir / lang / name) != [size, mtime]:
                return None
    return state


def _subset(data, output: str) -> dict:
    data = data if isinstance(data, dict) else {}
    subset = {key: data.get(key) for key in READS.get(output, tuple(data))}
    if output == "quiz":   # the quiz reads only the sections' ids and titles (for "See: ...")
        subset["sections"] = [{k: s.get(k) for k in ("id", "title")} if isinstance(s, dict) else s
                              for s in data.get("sections") or []]
    return subset


def fingerprint(kit, output: str, quiz: str, common: list[str], scoped: list[str]) -> str:
    """The key of one output of one language: everything it reads, as of now."""
    files = [(path, tracking.digest(path)) for path in sorted(set(common) | set(scoped))]
    blob = json.dumps([FORMAT, code_stamp(), output, _subset(kit.source.data, output),
                       kit.build.model_dump(mode="json"), quiz if output in ("quiz", "deck") else "", files],
                      sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def quiz_key(kits) -> str:
    """The main language's quiz fingerprint (every edition's quiz shares its versions)."""
    from .quizplan import fingerprint as quiz_fingerprint

    return quiz_fingerprint(kits[0]) if kits[0].content.quiz else ""


def changed(kits, outputs, old: dict, out_dir: Path, common: list[str]) -> dict[str, list[str]]:
    """language -> the outputs to plan and write again: those whose key changed or whose files are gone."""
    quiz = quiz_key(kits)
    todo: dict[str, list[str]] = {}
    for kit in kits:
        for output in outputs or kit.build.outputs:
            entry = old.get("outputs", {}).get(kit.language, {}).get(output)
            fresh = entry is not None and entry["fp"] == fingerprint(kit, output, quiz, common, entry["scoped"]) \
                and all(_file_stamp(out_dir / kit.language / name) == [size, mtime]
                        for name, (_, size, mtime) in entry["files"].items())
            if not fresh:
                todo.setdefault(kit.language, []).append(output)
    from .renderers import LAST

    for kit in kits:   # a page that states the sizes of the files beside it follows any of them
        if kit.language in todo:
            todo[kit.language] += [o for o in (outputs or kit.build.outputs)
                                   if o in LAST and o not in todo[kit.language]]
    return todo


def _problem(p) -> list:
    return [p.file, p.line, p.column, p.path, p.message, p.severity]


def kept_warnings(old: dict, language: str, outputs) -> list:
    """The warnings recorded for outputs kept as they are, as Problems."""
    from .errors import Problem

    entries = old.get("outputs", {}).get(language, {})
    return [Problem(*w) for output in outputs for w in entries.get(output, {}).get("warnings", [])]


def new_state(options, kits, outputs, old: dict, common: list[str], plans, written) -> bytes:
    """The state after this build: fresh entries for what it wrote, the old ones for what it kept."""
    quiz = quiz_key(kits)
    record = tracking.record()
    entries = {lang: dict(values) for lang, values in old.get("outputs", {}).items()}
    files: dict[tuple[str, str], dict] = {}
    for w in written:
        st = os.stat(w.path)
        files.setdefault((w.path.parent.name, w.output), {})[w.path.name] = [w.summary, st.st_size, st.st_mtime_ns]
    reads = dict(record["reads"])
    planned = {p.language: p for p in plans}
    selected = []
    for kit in kits:
        lang = kit.language
        for output in outputs or kit.build.outputs:
            selected.append([lang, output])
            p = planned.get(lang)
            if p is None or output not in p.by_output:   # kept: its reads still count
                for path in entries.get(lang, {}).get(output, {}).get("scoped", []):
                    reads.setdefault(path, tracking.digest(path))
                continue
            scoped = sorted(set(tracking.scoped(lang, output)) | set(tracking.scoped(lang, EVERY)))
            entries.setdefault(lang, {})[output] = {
                "fp": fingerprint(kit, output, quiz, common, scoped), "scoped": scoped,
                "files": files.get((lang, output), {}), "warnings": [_problem(w) for w in p.by_output[output]]}
    warnings = sorted({tuple(_problem(w)) for p in plans for w in p.warnings})
    state = {"format": FORMAT, "key": options_key(options) if options is not None else "", "reads": reads,
             "listings": record["listings"], "selected": selected, "outputs": entries,
             "warnings": [list(w) for w in warnings]}
    return json.dumps(state, ensure_ascii=False, sort_keys=True).encode("utf-8")
