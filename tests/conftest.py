"""Shared fixtures: the default kit in four languages and the big stress kit, each built once per
test session (per worker, when the tests run in parallel) into a scratch folder (never into the
repository); and the run spread over every core."""
from __future__ import annotations

import compileall
import os
import shutil
import sys

import pytest

from helpers import ROOT, ROOTS, build, copy_default

# pytest keeps each module it rewrites for its assertions (the tests, and the packages of hypothesis and
# openxml-audit, which carry pytest plugins) only where bytecode may be written: with PYTHONDONTWRITEBYTECODE
# set, every worker would rewrite some 230 modules at every start (5 s). Like the generator's modules
# compiled below, they are kept in the git-ignored __pycache__ folders.
sys.dont_write_bytecode = False


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config):
    """Run the tests on every core (pytest-xdist, `-n auto`, each worker taking tests from the others
    as it runs out) unless the command line chose (`-n 0` runs them in this one process) or xdist is
    not installed. Each worker is a process of its own: its own fixtures, folders and environment."""
    if os.environ.get("PYTEST_XDIST_WORKER") or hasattr(config, "workerinput"):
        return
    if config.pluginmanager.hasplugin("xdist") and config.option.numprocesses is None:
        config.option.numprocesses = "auto"
        if config.option.dist == "no":
            config.option.dist = "worksteal"


def pytest_configure(config):
    """The generator's modules compiled once: many tests run `python -m generator` in a new process,
    and where PYTHONDONTWRITEBYTECODE is set each of them would compile every module again
    (about 0.15 s a run). Written to the git-ignored __pycache__ folders, as a first run would."""
    if not hasattr(config, "workerinput"):
        compileall.compile_dir(ROOT / "generator", quiet=1)


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
