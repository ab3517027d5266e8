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


@pytest.mark.parametrize("theme, wording, refused", [
    # a font named after a module beside the content: refused before anything is imported
    ("fonts:\n  text: payload\n", "agenda: Agenda\n", "not a font the kit knows"),
    # a valid theme whose wording would run the file, were the sandbox not there: refused where it is written
    ("colors:\n  primary: '#112233'\n",
     "agenda: \"{{ self.__init__.__globals__.__builtins__.__import__('runpy').run_path('PAYLOAD') }}\"\n",
     "en.yaml:1:"),
])
def test_a_payload_beside_the_content_never_runs(tmp_path, capsys, theme, wording, refused):
    (tmp_path / "payload.py").write_text(f"open({str(tmp_path / 'RAN')!r}, 'w').write('x')\n", encoding="utf-8")
    (tmp_path / "templates" / "evil" / "wording").mkdir(parents=True)
    (tmp_path / "templates" / "evil" / "theme.yaml").write_text(theme, encoding="utf-8")
    (tmp_path / "templates" / "evil" / "wording" / "en.yaml").write_text(
        wording.replace("PAYLOAD", str(tmp_path / "payload.py")), encoding="utf-8")
    content = make(tmp_path)
    content.write_text(content.read_text(encoding="utf-8") + "build:\n  theme: evil\n", encoding="utf-8")
    code, _ = run(content)
    err = capsys.readouterr().err
    assert code == 1 and not (tmp_path / "RAN").exists(), err
    assert refused in err, err
    assert "Traceback" not in err and not (tmp_path / "out").exists()


# ---------------------------------------------------------------------------------------------
# Round 2: every case ends in exit 0, 1 or 4 with a located message, and nothing is lost
# ---------------------------------------------------------------------------------------------

INJECTIONS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("option", INJECTIONS)
def test_a_formula_in_a_kahoot_cell_is_stored_as_quoted_text(tmp_path, capsys, option):
    import openpyxl

    escaped = option.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\r", "\\r")
    content = make(tmp_path, option=escaped, title="=HYPERLINK(1)")
    content.write_text(content.read_text(encoding="utf-8").replace('"no"', '" =2+2"'), encoding="utf-8")
    assert run(content, "--only", "quiz")[0] == 0, capsys.readouterr().err
    sheet = openpyxl.load_workbook(tmp_path / "out" / "en" / "quiz-kahoot.xlsx").active
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)}
    shown = " ".join(option.split())   # a tab or line break in front reads as a space: the user's escape
    quoted = cells[" " + shown if option[:1].isspace() else shown]
    assert quoted.data_type == "s" and quoted.quotePrefix == (not option[:1].isspace())
    assert cells[" =2+2"].data_type == "s" and not cells[" =2+2"].quotePrefix   # the user's own escape is kept
    for cell in cells.values():
        if cell.value.startswith(("=", "+", "-", "@", "\t", "\r")):
            assert cell.quotePrefix, cell.value


def test_fields_that_add_up_to_more_than_a_file_may_hold_stop_quickly(tmp_path, capsys):
    points = ", ".join(['"{{ subtitle }}"'] * 1500)
    content = tmp_path / "content.yaml"
    content.write_text(f'title: Day\nsubtitle: "{"x" * 99_000}"\nsummary: S\nsections:\n  - id: a\n'
                       f"    title: A\n    points: [{points}]\n", encoding="utf-8")
    code, seconds = run(content, "--check")
    err = capsys.readouterr().err
    assert code == 1 and seconds < 10, err
    assert re.search(r"content\.yaml:7:\d+: sections\[0\]\.points\[\d+\]: the fields make the file's texts "
                     r"longer than 5 MB in all, more than a content file may hold", err), err


def test_wording_with_loops_is_a_located_error(tmp_path, capsys):
    (tmp_path / "templates" / "loops" / "wording").mkdir(parents=True)
    (tmp_path / "templates" / "loops" / "theme.yaml").write_text("fonts: {}\n", encoding="utf-8")
    loops = "".join("{%% for %s in question %%}" % v for v in "abcde") + "x" + "{% endfor %}" * 5
    (tmp_path / "templates" / "loops" / "wording" / "en.yaml").write_text(
        f"# a theme's wording\nnote_question: |\n  Read it:\n  {loops}\n", encoding="utf-8")
    content = make(tmp_path, option="x" * 60)
    content.write_text(content.read_text(encoding="utf-8") + "build:\n  theme: loops\n", encoding="utf-8")
    code, seconds = run(content, "--check")
    err = capsys.readouterr().err
    assert code == 1 and seconds < 10, err
    wording = tmp_path / "templates" / "loops" / "wording" / "en.yaml"
    assert f"{wording.resolve()}:4: `for` loops are not allowed in wording (names, `if` and filters only)" in err


def test_the_default_wording_lists_options_without_a_loop():
    from generator.theme import BUILTIN
    from generator.wording import Wording

    for language in ("en", "fr", "es", "ar"):
        said = Wording(BUILTIN / "default", language).say("note_question", question="Q", options=["A. x", "B. y"])
        assert said.endswith("Q\nA. x\nB. y"), (language, said)


@pytest.mark.parametrize("date", ["2207-09-07", "9999-12-31", "0001-01-01"])
def test_an_event_in_any_year_builds(tmp_path, capsys, date):
    content = make(tmp_path)
    content.write_text(content.read_text(encoding="utf-8").replace(
        "sections:", f"event:\n  name: Meeting\n  date: {date}\nsections:"), encoding="utf-8")
    assert run(content, "--only", "deck")[0] == 0, capsys.readouterr().err
    with zipfile.ZipFile(tmp_path / "out" / "en" / "deck.pptx") as deck:
        assert deck.testzip() is None


def test_a_web_address_too_long_for_any_qr_code_is_a_located_error_at_check(tmp_path, capsys):
    content = make(tmp_path)
    url = "https://example.org/" + "ب" * 1200     # 2,420 bytes: no QR version holds it
    content.write_text(content.read_text(encoding="utf-8").replace("https://example.org", url), encoding="utf-8")
    code, _ = run(content, "--check")
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert ("content.yaml:5:12: organization.website: the web address is 2,420 bytes long, more than the largest "
            "QR code holds (2,331 bytes at version 40)") in err


@pytest.mark.parametrize("data, words", [
    (b"<!DOCTYPE html>\n<html><body>404 Not Found</body></html>", "is not a font (it begins '<!DOCTYPE html>\\n<h"),
    (b"\x00\x01\x00\x00" + b"\x00" * 200, "is damaged (no glyphs or no character map)")])
def test_a_font_file_that_is_not_a_font_is_a_located_error_at_check(tmp_path, capsys, data, words):
    theme = tmp_path / "templates" / "brand"
    theme.mkdir(parents=True)
    (theme / "Brand.ttf").write_bytes(data)
    (theme / "theme.yaml").write_text("fonts:\n  text: {regular: Brand.ttf}\n", encoding="utf-8")
    content = make(tmp_path)
    content.write_text(content.read_text(encoding="utf-8") + "build:\n  theme: brand\n", encoding="utf-8")
    code, _ = run(content, "--check")
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert f"content.yaml:25:10: build.theme: the font file {(theme / 'Brand.ttf').resolve()} {words}" in err


def test_a_translation_linked_from_outside_the_folder_is_refused(tmp_path, capsys):
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    project.mkdir()
    elsewhere.mkdir()
    content = make(project)
    (elsewhere / "secret.yaml").write_text(content.read_text(encoding="utf-8") + "language: fr\n", encoding="utf-8")
    (project / "content.fr.yaml").symlink_to(elsewhere / "secret.yaml")
    code, _ = run(content, "--check")
    err = capsys.readouterr().err
    assert code == 1
    assert (f"content.fr.yaml: links to {(elsewhere / 'secret.yaml').resolve()}, outside the content file's "
            "folder; a translation is read only from that folder") in err


def test_output_paths_print_on_a_latin1_terminal(tmp_path):
    import os
    import subprocess
    import sys

    content = make(tmp_path)
    out = tmp_path / "出力"
    done = subprocess.run([sys.executable, "-m", "generator", str(content), "-o", str(out), "--only", "poster"],
                          capture_output=True, env=dict(os.environ, PYTHONIOENCODING="latin-1"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode("latin-1")
    assert b"\\u51fa\\u529b/en/poster.pdf  (1 page)" in done.stdout
    assert (out / "en" / "poster.pdf").is_file()


def test_the_kahoot_writer_quotes_every_cell_a_spreadsheet_would_run(tmp_path):
    import openpyxl

    from generator.plans import Sheet
    from generator.renderers import exports

    values = ["=1+1", "+1", "-1", "@A1", "\t=1+1", "\r=1+1", " =1+1", "1,2", "plain"]
    rows = [exports.KahootRow(1, value, (value, "x", None, None), 20, "1", 0) for value in values]
    exports.write_kahoot(Sheet(tuple(rows), "=title", ""), tmp_path / "k.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "k.xlsx").active
    for offset, value in enumerate(values, start=1):
        for column in (2, 3):
            cell = sheet.cell(exports.KAHOOT_HEADER_ROW + offset, column)
            assert cell.value.replace("_x000D_", "\r") == value and cell.data_type == "s"   # XlsxWriter's escape
            assert cell.quotePrefix == value.startswith(("=", "+", "-", "@", "\t", "\r")), value


@pytest.mark.parametrize("wording, words", [
    ("{{ question }}" * 300, "writes more than 1,000,000 characters; name each text once"),
    ("{{ question }}" + "x" * 5_986, "this wording is 6,000 characters long; a wording is at most 5,000"),
    ("{{ question ~ question ~ question }}", "`Concat` is not allowed in wording; use names, `if` and filters only"),
    ("{{ question + question }}", "`Add` is not allowed in wording")])
def test_wording_that_would_write_without_bound_is_a_located_error(tmp_path, capsys, wording, words):
    (tmp_path / "templates" / "big" / "wording").mkdir(parents=True)
    (tmp_path / "templates" / "big" / "theme.yaml").write_text("fonts: {}\n", encoding="utf-8")
    (tmp_path / "templates" / "big" / "wording" / "en.yaml").write_text(f"note_question: '{wording}'\n",
                                                                         encoding="utf-8")
    content = make(tmp_path, option="x" * 60)
    text = content.read_text(encoding="utf-8").replace("Q?", "Q" * 5000)
    content.write_text(text + "build:\n  theme: big\n", encoding="utf-8")
    code, seconds = run(content, "--check")
    err = capsys.readouterr().err
    assert code == 1 and seconds < 20, err
    assert f"{(tmp_path / 'templates' / 'big' / 'wording' / 'en.yaml').resolve()}:1: " in err and words in err, err
