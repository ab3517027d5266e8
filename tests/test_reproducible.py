"""The same content gives the same bytes on every machine: nothing reads the clock, fonts are cut the
same way by every process, and a build with the per-user font cache empty equals one that reads it."""
from __future__ import annotations

import os
import subprocess
import sys

from helpers import copy_default

STATE = ".build-state.json"   # the build's record of what it read (paths of this machine): not an output


def files(out) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != STATE}


def run(content, out, home):
    env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(home / "cache"))
    subprocess.run([sys.executable, "-m", "generator", str(content), "-o", str(out)], check=True, capture_output=True,
                   env=env)
    return files(out)


def test_an_empty_cache_build_equals_a_warm_build(tmp_path, default_build):
    content = copy_default(tmp_path / "c")
    (tmp_path / "home").mkdir()
    empty = run(content, tmp_path / "out1", tmp_path / "home")
    kept = sorted((tmp_path / "home" / "cache").rglob("*.ttf"))
    assert kept, "the pinned static fonts are kept in the user's cache folder"
    warm = run(content, tmp_path / "out2", tmp_path / "home")          # reads the kept fonts
    assert sorted((tmp_path / "home" / "cache").rglob("*.ttf")) == kept
    assert warm == empty
    assert len(warm) >= 32
    # the session's build: another process, another folder, and the fonts of this user's own cache,
    # cut at another time (or, on a fresh machine as in CI, cut anew by that process)
    assert files(default_build[0]) == empty


def test_no_output_carries_a_time_stamp(default_build):
    import datetime

    year = str(datetime.date.today().year)
    for path in default_build[0].rglob("*.pdf"):
        data = path.read_bytes()
        assert b"CreationDate" not in data or b"20000101" in data or year.encode() not in data
