"""Bundled fonts: a fixed registry of pip packages (nothing named by content is imported), cut into
static styles by HarfBuzz in milliseconds, the same bytes on every machine."""
from __future__ import annotations

import hashlib
import time

import pytest

from generator import fonts


def test_styles_are_cut_in_milliseconds_not_seconds(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))   # an empty cache: every style is really cut
    fonts._pinned.cache_clear()
    fam = fonts.Family("Arimo", dict(fonts.bundled("arimo").files))
    started = time.perf_counter()
    for style in fonts.STYLES:
        fam.face(style)
    assert time.perf_counter() - started < 2.0


def test_a_cut_style_is_the_same_bytes_every_time_and_is_kept_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a"))
    fonts._pinned.cache_clear()
    path, weight = fonts.bundled("arimo").files["bold"]
    first = fonts._static_bytes(path, weight)
    kept = list((tmp_path / "a").rglob("*.ttf"))
    assert len(kept) == 1 and kept[0].read_bytes() == first   # the next build reads it instead of cutting
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "b"))
    fonts._pinned.cache_clear()
    assert hashlib.sha256(fonts._static_bytes(path, weight)).digest() == hashlib.sha256(first).digest()
    kept[0].write_bytes(b"not a font")   # damaged: never read back as a font, but cut again and replaced
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "a"))
    fonts._pinned.cache_clear()
    assert fonts._static_bytes(path, weight) == first
    assert kept[0].read_bytes() == first


def test_bold_is_really_bolder():
    fam = fonts.bundled("arimo")
    assert fam.face("bold").hb_font.get_glyph_h_advance(fam.face("bold").hb_font.get_nominal_glyph(ord("m"))) > \
        fam.face("regular").hb_font.get_glyph_h_advance(fam.face("regular").hb_font.get_nominal_glyph(ord("m")))


def test_the_registry_covers_latin_greek_cyrillic_and_arabic():
    fs = fonts.FontSet([fonts.bundled("arimo"), fonts.bundled("ibm-plex-sans-arabic")])
    assert fs.missing("Police Полиция Αστυνομία شرطة «»’—") == []
    assert fs.missing("a😀b") == ["😀"]


def test_an_unknown_package_is_a_clear_error_not_an_import():
    with pytest.raises(fonts.FontError, match="not installed"):
        fonts.package_dir("payload_that_does_not_exist")
