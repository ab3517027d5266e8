"""Decks built on templates made the way organisations and tools make them (tests/roots/templates:
python-pptx's default, LibreOffice-written, everything inherited from the master, renamed and reordered
layouts, 4:3, boxes off the slide, .potx) keep the template's size and master, show every option on
every reveal, and agree with --inspect-template; macros, outside links and zip bombs never get through."""
from __future__ import annotations

import re
import time
import zipfile

import pytest

from generator.cli import main
from helpers import ROOTS, build, copy_default, deck

TEMPLATES = ROOTS / "templates"
USABLE = ["pptx-default.pptx", "libreoffice.pptx", "inherited-16x9.pptx", "renamed-reordered.pptx", "four-three.pptx",
          "off-slide.pptx", "corporate.potx", "external-links.pptx"]
REFUSED = {"macro.pptm": "macro-enabled", "macro-renamed.pptx": "contains macros",
           "zip-bomb.pptx": "1024 MB"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("templates")
    content = copy_default(folder)
    out = {}
    for name in USABLE:
        written, plans, _ = build(content, folder / name, ["deck"], "en", deck_template=str(TEMPLATES / name))
        out[name] = (written, plans)
    return out


def slide_size(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("ppt/presentation.xml").decode()
    m = re.search(r'<p:sldSz cx="(\d+)" cy="(\d+)"', xml)
    return int(m.group(1)), int(m.group(2))


@pytest.mark.parametrize("name", USABLE)
def test_a_deck_keeps_its_templates_size_and_master(built, name):
    written, _ = built[name]
    for w in written:
        assert slide_size(w.path) == slide_size(TEMPLATES / name)
        prs = deck(w.path)
        template_layouts = {lay.name for m in deck(TEMPLATES / name.replace(".potx", ".pptx")).slide_masters
                            for lay in m.slide_layouts} if not name.endswith(".potx") else None
        used = {s.slide_layout.name for s in prs.slides}
        if template_layouts:
            assert used <= template_layouts


@pytest.mark.parametrize("name", USABLE)
def test_every_reveal_shows_every_option_of_its_question(built, name):
    for plan in built[name][1]:
        slides = plan.files[0].payload.slides
        for q, r in zip(slides, slides[1:]):
            if q.kind == "question" and r.kind == "reveal":
                assert [b.name for b in q.boxes if b.name.startswith("Option")] == \
                    [b.name for b in r.boxes if b.name.startswith("Option")]


def test_placeholders_that_inherit_their_box_from_the_master_are_resolved(capsys):
    assert main(["--inspect-template", str(TEMPLATES / "inherited-16x9.pptx")]) == 0
    report = capsys.readouterr().out
    assert "(from the master)" in report and "no box" not in report
    assert "plans" in report and "slides" in report


@pytest.mark.parametrize("name", USABLE + list(REFUSED))
def test_inspect_and_build_agree(tmp_path, capsys, name):
    content = copy_default(tmp_path)
    inspect = main(["--inspect-template", str(TEMPLATES / name), str(content)])
    inspected = capsys.readouterr()
    built = main([str(content), "--lang", "en", "--only", "deck", "--deck-template", str(TEMPLATES / name),
                  "-o", str(tmp_path / "out")])
    building = capsys.readouterr()
    assert (inspect == 0) == (built == 0), (inspected.err, building.err)
    if name in REFUSED:
        assert inspect == built == 1
        assert REFUSED[name] in inspected.err and REFUSED[name] in building.err
        assert inspected.err.splitlines()[0] == building.err.splitlines()[0]


def test_a_zip_bomb_is_refused_before_it_is_opened(tmp_path, capsys):
    started = time.perf_counter()
    assert main(["--inspect-template", str(TEMPLATES / "zip-bomb.pptx")]) == 1
    assert time.perf_counter() - started < 5
    assert "1024 MB" in capsys.readouterr().err


def test_outside_links_are_dropped_with_a_warning_naming_them(built):
    written, plans = built["external-links.pptx"]
    warnings = " ".join(w.message for p in plans for w in p.warnings)
    assert "removed the link to" in warnings and "tracker.example.com" in warnings
    for w in written:
        with zipfile.ZipFile(w.path) as z:
            for name in z.namelist():
                if name.endswith(".rels"):
                    for target in re.findall(r'Target="([^"]+)"[^>]*TargetMode="External"', z.read(name).decode()):
                        assert target.startswith(("https://", "http://", "mailto:", "tel:")), target
                        assert "tracker" not in target and "evil" not in target
            assert not any("vbaProject" in n for n in z.namelist())


def test_the_content_logo_reaches_the_title_slide_of_a_template_without_its_own(tmp_path):
    text = (ROOTS / "big" / "content.yaml").read_text(encoding="utf-8")
    import shutil

    shutil.copytree(ROOTS / "big", tmp_path / "big")
    written, plans, _ = build(tmp_path / "big" / "content.yaml", tmp_path / "out", ["deck"],
                              deck_template=str(TEMPLATES / "pptx-default.pptx"))
    title = plans[0].files[0].payload.slides[0]
    assert any(p.name == "Logo" for p in title.pictures)
    assert "logo" in text


def test_a_warning_about_a_template_on_the_command_line_names_the_option(built):
    _, plans = built["libreoffice.pptx"]
    located = [w for p in plans for w in p.warnings if "deck template" in w.message]
    assert located and all(w.file == "--deck-template" for w in located)


def test_layouts_written_with_another_masters_boxes_take_their_own_masters():
    """LibreOffice writes every layout of a two-master file with the last master's title and body
    boxes: a body 1.26 in tall under a title in mid-slide. Such layouts take their master's boxes,
    title-only layouts written the same way too, and the others are left as they are."""
    from generator.renderers.deck.model import Rect
    from generator.renderers.deck.template import Layout, Master, Ph, _repair, _repair_titles

    m_title, m_body = Rect(0.8, 0.3, 9.8, 1.0), Rect(0.8, 1.5, 9.8, 4.6)
    master = Master({}, {}, {}, {}, {"title": Ph("title", 0, "", m_title, {}), "body": Ph("body", 1, "", m_body, {})},
                    [], None, False)
    odd_title, odd_body = Rect(0.59, 1.57, 9.84, 1.57), Rect(0.59, 3.27, 9.84, 1.26)
    phs, repaired = _repair([Ph("title", 0, "", odd_title, {}), Ph("body", 1, "", odd_body, {})], master, 6.89)
    assert repaired and [p.rect for p in phs] == [m_title, m_body]
    sound = [Ph("title", 0, "", m_title, {}), Ph("body", 1, "", Rect(0.8, 1.5, 9.8, 4.0), {})]
    assert _repair(sound, master, 6.89) == (sound, False)

    def layout(index, phs, repaired=False):
        return Layout(index, f"L{index}", "obj", tuple(phs), [], None, True, 0, repaired,
                      odd_title if repaired else None)

    body_layout = layout(0, phs, True)
    title_only = layout(1, [Ph("title", 0, "", odd_title, {})])
    own_title = layout(2, [Ph("title", 0, "", Rect(0.8, 0.2, 9.8, 0.9), {})])
    _repair_titles([body_layout, title_only, own_title], [master])
    assert title_only.repaired and title_only.title.rect == m_title
    assert not own_title.repaired and own_title.title.rect == Rect(0.8, 0.2, 9.8, 0.9)
