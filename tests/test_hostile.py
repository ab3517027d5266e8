"""Content from an untrusted sender, built on the organiser's laptop: nothing runs, no unsafe link
reaches any output, nothing hangs or blows up, and every problem has a location and exit 1."""
from __future__ import annotations

import re
import struct
import time
import zipfile
import zlib

import pytest

from generator.cli import main

BASE = """\
title: {title}
summary: One sentence.
organization:
  name: Org
  website: https://example.org
  logo: {logo}
sections:
  - id: a
    title: A
    text: "{text}"
    points: ["{point}"]
    table: t
tables:
  - id: t
    title: T
    columns: [A, B]
    rows:
      - ["{cell}", "b"]
quiz:
  questions:
    - question: Q?
      options: ["{option}", "no"]
      answer: a
"""


def png(path, w=40, h=40, corrupt=False, truncate=False, claim=None):
    raw = b"".join(b"\x00" + b"\x80\x80\x80" * w for _ in range(h))
    if claim:   # the header claims a size the data does not have: a decompression bomb's calling card
        w, h = claim
    idat = zlib.compress(raw)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", idat[:len(idat) // 2] if truncate else (b"garbage" + idat if corrupt else idat))
    data += b"" if truncate else chunk(b"IEND", b"")
    path.write_bytes(data)


def make(folder, **fields):
    values = dict(title="Day", logo="logo.png", text="Text.", point="A point.", cell="a", option="yes")
    values.update(fields)
    if not (folder / "logo.png").exists():
        png(folder / "logo.png")
    (folder / "content.yaml").write_text(BASE.format(**values), encoding="utf-8")
    return folder / "content.yaml"


def run(content, *flags):
    started = time.perf_counter()
    code = main([str(content), "-o", str(content.parent / "out"), *flags])
    return code, time.perf_counter() - started


LINKS = ["smb://server/share", "ms-msdt:/id", "search-ms:query=x", "data:image/png;base64,AAAA",
         "evil.exe", "pdf:other.pdf", "#top", "file:///C:/Windows/calc.exe", "javascript:alert(1)"]


@pytest.mark.parametrize("target", LINKS)
def test_no_unsafe_link_reaches_any_output(tmp_path, capsys, target):
    content = make(tmp_path, text=f"See [this]({target}) now.", point=f"[here]({target})", option=f"[x]({target})")
    code, _ = run(content)
    assert code == 0
    err = capsys.readouterr().err
    assert f"content.yaml:10:11: warning: sections[0].text: the link [{target}]" in err   # located at its line
    assert "sections[0].points[0]: the link" in err and "quiz.questions[0].options[0]: the link" in err
    plain = target.split("(")[0]
    for path in (tmp_path / "out" / "en").iterdir():
        data = path.read_bytes()
        if path.suffix in (".pptx", ".xlsx"):
            with zipfile.ZipFile(path) as z:
                data = b"".join(z.read(n) for n in z.namelist())
        assert plain.encode() not in data or path.suffix in (".gift",), (path.name, target)
        assert b"/URI (" + plain.encode() not in data
        assert b"GoToR" not in data and b"/Launch" not in data


@pytest.mark.parametrize("kind, words", [("corrupt", "cannot be read"), ("truncate", "cannot be read"),
                                         ("bomb", "megapixels"), ("banner", "8 times as wide")])
def test_odd_pictures_are_located_errors(tmp_path, capsys, kind, words):
    if kind == "bomb":
        png(tmp_path / "logo.png", claim=(30000, 30000))
    elif kind == "banner":
        png(tmp_path / "logo.png", 1200, 100)
    else:
        png(tmp_path / "logo.png", corrupt=kind == "corrupt", truncate=kind == "truncate")
    code, seconds = run(make(tmp_path))
    err = capsys.readouterr().err
    assert code == 1 and seconds < 20, err
    assert "organization.logo" in err and words in err and "Traceback" not in err


@pytest.mark.parametrize("field", ["title", "option", "cell", "point"])
def test_a_ten_thousand_character_word_builds(tmp_path, capsys, field):
    code, seconds = run(make(tmp_path, **{field: "x" * 10_000}))
    assert code == 0, capsys.readouterr().err
    assert seconds < 60


def test_a_long_url_in_a_table_and_a_long_title_build(tmp_path, capsys):
    url = "https://example.org/" + "a" * 130
    code, _ = run(make(tmp_path, cell=url, title="T" * 300))
    assert code == 0, capsys.readouterr().err
    from pptx import Presentation

    prs = Presentation(str(tmp_path / "out" / "en" / "deck.pptx"))
    assert len(prs.core_properties.title) <= 255


def test_a_file_of_endless_bytes_is_refused(capsys):
    assert main(["/dev/zero", "--check"]) == 1
    assert "not a regular file" in capsys.readouterr().err


def test_one_long_text_through_thousands_of_aliases_stops_quickly(tmp_path, capsys):
    text = "x" * 500_000
    content = tmp_path / "content.yaml"
    content.write_text(f"title: &t '{text}'\nsummary: S\nsections:\n  - id: a\n    title: A\n    points: ["
                       + ", ".join(["*t"] * 2000) + "]\n", encoding="utf-8")
    code, seconds = run(content, "--check")
    assert code == 1 and seconds < 10
    assert "expands to more than" in capsys.readouterr().err


def test_fields_that_would_run_long_are_refused(tmp_path, capsys):
    for text in ("{{ 'a' * 300000000 }}", "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}"):
        code, seconds = run(make(tmp_path, text=text), "--check")
        assert code == 1 and seconds < 10
        assert "not allowed" in capsys.readouterr().err


def test_a_payload_beside_the_content_never_runs(tmp_path, capsys):
    (tmp_path / "payload.py").write_text("open('RAN', 'w').write('x')\n", encoding="utf-8")
    (tmp_path / "templates" / "evil" / "wording").mkdir(parents=True)
    (tmp_path / "templates" / "evil" / "theme.yaml").write_text("fonts:\n  text: payload\n", encoding="utf-8")
    (tmp_path / "templates" / "evil" / "wording" / "en.yaml").write_text(
        "agenda: \"{{ ''.__class__.__mro__[1].__subclasses__() }}\"\n", encoding="utf-8")
    content = make(tmp_path)
    content.write_text(content.read_text(encoding="utf-8") + "build:\n  theme: evil\n", encoding="utf-8")
    code, _ = run(content, "--check")
    assert code == 1 and not (tmp_path / "RAN").exists()
    assert not re.search("Traceback", capsys.readouterr().err)
