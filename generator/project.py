"""Loading a project: the one service that `generate`, `--watch` and `--inspect-template` share. A
frozen Options (made from the command line, never changed afterwards) says which content file,
which editions and which settings; load() returns the kits, every problem of every file at once."""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

from . import tracking
from .errors import UsageError


@dataclass(frozen=True)
class Options:
    """What the command line asks of a build (None: as the content file's build settings say)."""

    content: str = "content.yaml"
    output: str | None = None
    only: tuple[str, ...] | None = None
    lang: str | None = None
    paper: str | None = None
    theme: str | None = None
    deck_template: str | None = None
    deck_style: str | None = None
    dividers: str | None = None
    versions: int | None = None
    seed: int | None = None
    strict: bool = False
    allow_missing_glyphs: bool = False

    @classmethod
    def from_args(cls, args) -> Options:
        """The options of parsed command-line arguments (an argparse namespace, read only)."""
        values = {f.name: getattr(args, f.name, f.default) for f in fields(cls)}
        values["only"] = tuple(values["only"]) if values["only"] else None
        values["content"] = values["content"] or "content.yaml"
        return cls(**values)

    def but(self, **changes) -> Options:
        """These options with some changed (a new value; this one stays as it was)."""
        return replace(self, **changes)

    @property
    def out_dir(self) -> Path:
        """The output folder: -o, else output/ beside the content file."""
        return Path(self.output) if self.output else Path(self.content).resolve().parent / "output"

    def overrides(self) -> dict:
        """The build settings the command line sets over the content file's."""
        return {"paper": self.paper, "theme": self.theme, "deck_template": self.deck_template,
                "outputs": list(self.only) if self.only else None, "versions": self.versions, "seed": self.seed,
                "style": self.deck_style, "dividers": self.dividers}


def load(options: Options, partial: bool = False):
    """The project (kit.Project: its kits, the main language first); what they read is recorded anew
    (tracking). With partial, an edition with problems is left out (Project.failed) and the others load."""
    from .kit import load_kit

    content = Path(options.content)
    if not content.exists():
        raise UsageError(f"{content}: no such file; run `generate` in the folder that holds content.yaml, "
                         "or give its path")
    if content.is_dir():
        raise UsageError(f"{content} is a folder; give the path of the content file (content.yaml)")
    tracking.start()
    return load_kit(content, options.overrides(), shown_as=str(options.content), translations=True,
                    only_language=options.lang, allow_missing_glyphs=options.allow_missing_glyphs, partial=partial)
