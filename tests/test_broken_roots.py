"""Broken content files: what `generate` must tell a user about each, and that it writes nothing.

Every folder under tests/roots/broken/ is one scenario (see the README.md there):

- content.yaml   a small file with one deliberate mistake (a few have several);
- expected.txt   one line per problem that stderr must report, in the order reported:
                   LINE:COL path: key words
                 meaning a stderr line starts with `content.yaml:LINE:COL: path:` and holds every
                 key word (case-insensitive substrings). With no key path write `LINE:COL : key words`.
                 Optional lines: `exit: N` (default 1), `count: N` (the "N problems found" summary),
                 and `# comments`;
- xfail.txt      (optional) why the generator's current output is wrong; the scenario is then a
                 strict xfail, so fixing the generator makes it pass and the marker must go;
- any other file the content refers to (a fake picture, a fake .pptx ...).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator import cli

from helpers import ROOTS

BROKEN = ROOTS / "broken"
SHOWN_AS = "content.yaml"

_EXPECTED = re.compile(r"^(?P<line>\d+):(?P<col>\d+)\s+(?P<path>\S*?)\s*:(?:\s+(?P<words>.*))?$")
# A key path as the generator prints it, such as sections[0].image.file or x-lol6[0][6]
_KEY_PATH = re.compile(r"^[A-Za-z_][\w-]*(?:\[\d+\]|\.[\w-]+)*: ")


@dataclass
class Expected:
    line: int
    col: int
    path: str
    words: list[str]
    source: str

    def prefix(self) -> str:
        where = f"{SHOWN_AS}:{self.line}:{self.col}:"
        return f"{where} {self.path}:" if self.path else f"{where} "

    def matches(self, reported: str) -> bool:
        if not reported.startswith(self.prefix()):
            return False
        if not self.path and _KEY_PATH.match(reported[len(self.prefix()):]):
            return False  # expected no key path, but one is printed
        low = reported.lower()
        return all(word.lower() in low for word in self.words)


@dataclass
class Scenario:
    folder: Path
    exit_code: int = 1
    count: int | None = None
    lines: list[Expected] = field(default_factory=list)
    xfail: str | None = None


def read_scenario(folder: Path) -> Scenario:
    scenario = Scenario(folder)
    for number, raw in enumerate((folder / "expected.txt").read_text(encoding="utf-8").splitlines(), 1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        if text.startswith("exit:"):
            scenario.exit_code = int(text.split(":", 1)[1])
            continue
        if text.startswith("count:"):
            scenario.count = int(text.split(":", 1)[1])
            continue
        m = _EXPECTED.match(text)
        if not m:
            raise ValueError(f"{folder.name}/expected.txt:{number}: cannot read {raw!r}; "
                             "write `LINE:COL path: key words`")
        scenario.lines.append(Expected(int(m["line"]), int(m["col"]), m["path"], (m["words"] or "").split(), text))
    xfail = folder / "xfail.txt"
    if xfail.exists():
        scenario.xfail = " ".join(xfail.read_text(encoding="utf-8").split()) or "known wrong output"
    return scenario


def scenario_folders() -> list[Path]:
    return sorted(p for p in BROKEN.iterdir() if p.is_dir())


def _params():
    params = []
    for folder in scenario_folders():
        marks = []
        if (folder / "xfail.txt").exists():
            reason = " ".join((folder / "xfail.txt").read_text(encoding="utf-8").split())
            marks.append(pytest.mark.xfail(strict=True, reason=reason))
        params.append(pytest.param(folder, id=folder.name, marks=marks))
    return params


def test_every_scenario_is_complete():
    folders = scenario_folders()
    assert len(folders) >= 45
    for folder in folders:
        assert (folder / "content.yaml").is_file(), folder.name
        scenario = read_scenario(folder)
        assert scenario.lines, f"{folder.name}: expected.txt names no problem"
        assert scenario.lines == sorted(scenario.lines, key=lambda e: (e.line, e.col, e.path)), \
            f"{folder.name}: list the expected problems sorted by line, as they are reported"


@pytest.mark.parametrize("folder", _params())
def test_broken_content_is_reported(folder: Path, tmp_path, monkeypatch, capsys):
    scenario = read_scenario(folder)
    out = tmp_path / "out"
    monkeypatch.chdir(folder)

    code = cli.main([SHOWN_AS, "-o", str(out)])

    captured = capsys.readouterr()
    stderr = captured.err
    shown = f"\n--- stderr ---\n{stderr}--- stdout ---\n{captured.out}"
    assert "Traceback" not in stderr + captured.out, shown
    assert "internal error" not in stderr, shown
    assert code == scenario.exit_code, f"exit code {code}, expected {scenario.exit_code}{shown}"
    assert not out.exists() or not any(out.iterdir()), f"files were written to {out}{shown}"
    assert not (folder / "output").exists(), f"files were written beside the content file{shown}"

    reported = stderr.splitlines()
    position = 0
    for expected in scenario.lines:
        found = next((i for i in range(position, len(reported)) if expected.matches(reported[i])), None)
        if found is None:
            earlier = any(expected.matches(line) for line in reported[:position])
            why = "is reported, but out of line order" if earlier else "is not reported"
            pytest.fail(f"expected `{expected.source}` {why}: no stderr line starts with "
                        f"{expected.prefix()!r} and contains {expected.words}{shown}")
        position = found + 1
    if scenario.count is not None:
        summary = f"{scenario.count} problem{'s' if scenario.count != 1 else ''} found"
        assert summary in stderr, f"expected the summary {summary!r}{shown}"
