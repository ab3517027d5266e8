"""A build killed at any moment, inside the commit window too, leaves either every old output or every
new one (SIGKILL and SIGINT, many times), output/index.html beside the language folders included; Ctrl-C
says truthfully which."""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from helpers import ROOT

KILLS = int(os.environ.get("KILL_TEST_ROUNDS", "40"))
pytestmark = pytest.mark.slow


def snapshot(out):
    """Every output's bytes (the build's state file names the folder it was built into: left out)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()
            and p.name != ".build-state.json"}


@pytest.fixture(scope="module")
def states(tmp_path_factory):
    """Content that builds to one set of files (old), and the same with three quiz versions (new)."""
    folder = tmp_path_factory.mktemp("kill")
    for path in ROOT.glob("content*.yaml"):
        shutil.copy(path, folder / path.name)
    sets = {}
    for name, versions in (("old", "1"), ("new", "3")):
        out = folder / f"ref-{name}"
        subprocess.run([sys.executable, "-m", "generator", str(folder / "content.yaml"), "-o", str(out),
                        "--versions", versions, "--only", "quiz,poster,web"], check=True, capture_output=True)
        sets[name] = snapshot(out)
    assert sets["old"] != sets["new"]
    assert sets["old"]["index.html"] and sets["old"]["en/index.html"] != sets["new"]["en/index.html"]
    return folder, sets


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_a_kill_at_any_moment_leaves_all_old_or_all_new(states, tmp_path, sig):
    folder, sets = states
    out = tmp_path / "output"
    command = [sys.executable, "-m", "generator", str(folder / "content.yaml"), "-o", str(out),
               "--only", "quiz,poster,web"]
    env = dict(os.environ, IDPC_KIT_COMMIT_PAUSE="0.25")
    started = time.perf_counter()
    subprocess.run(command + ["--versions", "3"], check=True, capture_output=True, env=env)
    full = time.perf_counter() - started
    rng = random.Random(1923 + sig)
    seen = set()
    for round_ in range(KILLS):
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run(command + ["--versions", "1"], check=True, capture_output=True)
        proc = subprocess.Popen(command + ["--versions", "3"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, env=env)
        time.sleep(rng.uniform(full * 0.3, full * 1.05))
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
        now = snapshot(out)
        state = "old" if now == sets["old"] else "new" if now == sets["new"] else None
        if state is None:
            diff = {k for k in set(now) | set(sets["new"]) if now.get(k) != sets["new"].get(k)}
            odiff = {k for k in set(now) | set(sets["old"]) if now.get(k) != sets["old"].get(k)}
            pytest.fail(f"round {round_}: a mix of old and new outputs (returncode {proc.returncode}): "
                        f"{sorted(diff)[:6]} differ from new, {sorted(odiff)[:6]} from old; {err[-300:]}")
        seen.add(state)
        if sig == signal.SIGINT and proc.returncode == 130:
            said_old = "the previous outputs are unchanged" in err
            assert said_old == (state == "old"), (round_, state, err)
        leftovers = [p.name for p in tmp_path.iterdir() if ".new-" in p.name or ".old-" in p.name]
        if leftovers:   # a killed build's folder is cleaned up by the next build
            subprocess.run(command + ["--versions", "3"], check=True, capture_output=True)
            assert not [p for p in tmp_path.iterdir() if ".new-" in p.name or ".old-" in p.name]
    assert seen == {"old", "new"}, seen
