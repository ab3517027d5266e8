"""The same content gives the same bytes: nothing in any output reads the clock or the machine."""
from __future__ import annotations

from generator.build import build
from generator.kit import load_kit
from helpers import ROOTS


def test_rebuilding_gives_byte_identical_outputs(tmp_path, big_build):
    again = build(load_kit(ROOTS / "big" / "content.yaml"), tmp_path)
    first = {p.name: p.read_bytes() for p in big_build[0].iterdir()}
    assert {w.path.name for w in again} == set(first)
    for item in again:
        assert item.path.read_bytes() == first[item.path.name], item.path.name
