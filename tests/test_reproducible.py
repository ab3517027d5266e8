"""The same content gives the same bytes on every machine: nothing reads the clock, fonts are cut the
same way by every process, and a build with every per-user cache empty equals a warm one."""
from __future__ import annotations

import os
import subprocess
import sys

from helpers import copy_default


def run(content, out, home):
    env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(home / "cache"))
    subprocess.run([sys.executable, "-m", "generator", str(content), "-o", str(out)], check=True, capture_output=True,
                   env=env)
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_an_empty_cache_build_equals_a_warm_build(tmp_path):
    content = copy_default(tmp_path / "c")
    (tmp_path / "home1").mkdir()
    (tmp_path / "home2").mkdir()
    warm = run(content, tmp_path / "out1", tmp_path / "home1")   # the kit keeps no cache, so every build is a first
    empty = run(content, tmp_path / "out2", tmp_path / "home2")
    assert warm == empty
    assert len(warm) >= 32
    assert not any((tmp_path / "home2").rglob("*")), "nothing is cached in the user's folders"


def test_no_output_carries_a_time_stamp(default_build):
    import datetime

    year = str(datetime.date.today().year)
    for path in default_build[0].rglob("*.pdf"):
        data = path.read_bytes()
        assert b"CreationDate" not in data or b"20000101" in data or year.encode() not in data
