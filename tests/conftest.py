"""Shared fixtures: the default kit and the big stress kit, each built once per test session."""
from __future__ import annotations

import pytest

from generator.build import build
from generator.kit import load_kit

from helpers import ROOT, ROOTS


@pytest.fixture(scope="session")
def default_kit():
    return load_kit(ROOT / "content.yaml")


@pytest.fixture(scope="session")
def default_build(tmp_path_factory, default_kit):
    out = tmp_path_factory.mktemp("default")
    written = build(default_kit, out)
    return out / "en", written


@pytest.fixture(scope="session")
def big_kit():
    return load_kit(ROOTS / "big" / "content.yaml")


@pytest.fixture(scope="session")
def big_build(tmp_path_factory, big_kit):
    out = tmp_path_factory.mktemp("big")
    written = build(big_kit, out)
    return out / "en", written
