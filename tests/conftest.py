"""Shared fixtures: the default kit in four languages and the big stress kit, each built once per
test session into a scratch folder (never into the repository)."""
from __future__ import annotations

import shutil

import pytest

from helpers import ROOTS, build, copy_default


@pytest.fixture(scope="session")
def default_build(tmp_path_factory):
    """The default content and its translations built: (output folder, written, plans, kits)."""
    folder = tmp_path_factory.mktemp("default")
    content = copy_default(folder)
    written, plans, kits = build(content, folder / "output", workers=1)   # every language's plans, whole
    return folder / "output", written, plans, kits


@pytest.fixture(scope="session")
def default_plans(default_build):
    """language -> the default content's plans."""
    return {p.language: p for p in default_build[2]}


@pytest.fixture(scope="session")
def big_build(tmp_path_factory):
    """The stress content (20 questions, 3 versions, tables, pictures): (folder of en, written, plans)."""
    folder = tmp_path_factory.mktemp("big")
    shutil.copytree(ROOTS / "big", folder / "big")
    written, plans, kits = build(folder / "big" / "content.yaml", folder / "output")
    return folder / "output" / "en", written, plans


@pytest.fixture(scope="session")
def editions_build(tmp_path_factory):
    """A four-language set written from scratch for another awareness day (Letter, 2 versions)."""
    folder = tmp_path_factory.mktemp("editions")
    shutil.copytree(ROOTS / "editions", folder / "editions")
    written, plans, kits = build(folder / "editions" / "content.yaml", folder / "output", workers=1)
    return folder / "output", written, plans, kits


@pytest.fixture(scope="session")
def print_build(tmp_path_factory):
    """The print rules' own content (a road-safety week, written from scratch: a long table, options
    that refer to the others, 4 versions in 2 columns), built on A4 and on Letter: (output folder with
    A4/ and Letter/ (each holding the English files), plans per paper)."""
    folder = tmp_path_factory.mktemp("print")
    shutil.copytree(ROOTS / "print", folder / "print")
    plans = {}
    for paper in ("A4", "Letter"):
        _, plans[paper], _ = build(folder / "print" / "content.yaml", folder / "output" / paper, paper=paper)
    for paper in ("A4", "Letter"):   # one folder per paper, holding the files themselves
        (folder / "output" / paper / "en").rename(folder / paper)
    return folder, plans
