"""Files named by content stay inside its folder: no escapes by '..', absolute paths or symlinks."""
from __future__ import annotations

import os

import pytest

from generator.errors import ContentError
from generator.kit import load_kit

CONTENT = """\
title: Files
summary: S
organization:
  name: Org
  logo: {logo}
sections:
  - id: a
    title: A
"""


def _problems(tmp_path, logo: str) -> str:
    (tmp_path / "content.yaml").write_text(CONTENT.format(logo=logo), encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_kit(tmp_path / "content.yaml")
    return str(exc.value)


def test_a_symlink_that_escapes_the_folder_is_refused(tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    os.symlink(outside, tmp_path / "logo.png")
    message = _problems(tmp_path, "logo.png")
    assert "content.yaml:5:9: organization.logo:" in message and "outside the content file's folder" in message


@pytest.mark.parametrize("logo", ["../../etc/passwd", "/etc/passwd", "~/logo.png"])
def test_escaping_paths_are_refused(tmp_path, logo):
    message = _problems(tmp_path, logo)
    assert "organization.logo" in message and ("outside" in message or "absolute" in message)


def test_a_text_file_named_png_is_refused(tmp_path):
    (tmp_path / "logo.png").write_text("not a picture", encoding="utf-8")
    assert "not a PNG or JPEG picture" in _problems(tmp_path, "logo.png")
