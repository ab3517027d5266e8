"""A build killed at any moment leaves every previous output intact (SIGKILL, 50 times in a row)."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from helpers import ROOT

KILLS = int(os.environ.get("KILL_TEST_ROUNDS", "50"))


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    out = tmp_path_factory.mktemp("kill")
    subprocess.run([sys.executable, "-m", "generator", str(ROOT / "content.yaml"), "-o", str(out)],
                   check=True, capture_output=True)
    return out, {p.name: p.read_bytes() for p in (out / "en").iterdir()}


def test_sigkill_at_random_moments_leaves_previous_outputs_intact(previous):
    out, before = previous
    rng = random.Random(1923)
    # Rebuilding the same content gives the same bytes, so "intact" means: every file equals
    # what it was, none is missing, and no half-written file is visible under an output's name.
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", str(ROOT / "content.yaml"), "-o", str(out)],
                   check=True, capture_output=True)
    full = time.perf_counter() - started
    for round_ in range(KILLS):
        proc = subprocess.Popen([sys.executable, "-m", "generator", str(ROOT / "content.yaml"), "-o", str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, full * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        visible = {p.name: p.read_bytes() for p in (out / "en").iterdir() if not p.name.startswith(".")}
        assert visible.keys() == before.keys(), round_
        for name, data in before.items():
            assert visible[name] == data, (round_, name)
