"""The designer's rules and PowerPoint's (its accessibility checker, its repair dialog), checked on
built decks read back with python-pptx and openxml-audit: on the built-in design in every edition
of the default content, and on templates written by PowerPoint, by LibreOffice and by LibreOffice
re-saving a PowerPoint template."""
from __future__ import annotations

import io
import zipfile

import pytest

from deckrules import check, divider_kicker, dividers, openxml, reveals, split_parts
from helpers import LANGUAGES, ROOTS, build, copy_default, deck

TEMPLATES = ("libreoffice.pptx", "corporate.potx", "resaved.pptx", "pptx-default.pptx", "inherited-16x9.pptx",
             "renamed-reordered.pptx", "four-three.pptx", "off-slide.pptx", "external-links.pptx")


def assert_rules(paths: dict[str, object], sections: int) -> None:
    counts = {}
    for language, path in paths.items():
        found = {rule: x for rule, x in check(path, sections).items() if x}
        assert found == {}, (language, path.name, found)
        counts[language] = len(deck(path).slides)
    assert max(counts.values()) <= 1.1 * min(counts.values()), counts


def test_the_default_decks_keep_every_rule(default_build):
    sections = len(default_build[3][0].content.sections)
    assert_rules({lang: default_build[0] / lang / "deck.pptx" for lang in LANGUAGES}, sections)


@pytest.mark.slow
@pytest.mark.parametrize("name", TEMPLATES)
def test_template_decks_keep_every_rule(tmp_path, name):
    written, _, kits = build(copy_default(tmp_path), tmp_path / "out", ["deck"],
                             deck_template=str(ROOTS / "templates" / name))
    assert_rules({w.path.parent.name: w.path for w in written}, len(kits[0].content.sections))


def test_dividers_come_for_every_section_when_asked(tmp_path):
    written, _, kits = build(copy_default(tmp_path), tmp_path / "out", ["deck"], language="fr", dividers="always")
    prs = deck(written[0].path)
    assert dividers(prs, len(kits[0].content.sections)) == []
    assert sum(bool(divider_kicker(slide)) for slide in prs.slides) == 8
    assert check(written[0].path, 8)["accessibility"] == []   # a divider's title differs from its section's


def test_the_checks_can_fail(tmp_path, default_build):
    """A deck without viewProps is caught (as PowerPoint's repair dialog would), and so are a lone
    divider, a one-item part and a reveal without its explanation."""
    from pptx import Presentation
    from pptx.util import Inches

    src = default_build[0] / "en" / "deck.pptx"
    broken = tmp_path / "no-viewprops.pptx"
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(broken, "w") as out:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "ppt/viewProps.xml":
                continue
            if info.filename == "ppt/_rels/presentation.xml.rels":
                data = b"".join(part for part in data.replace(b"<Relationship ", b"\0<Relationship ").split(b"\0")
                                if b"/viewProps" not in part)
            out.writestr(info, data)
    assert openxml(src) == []
    assert any("viewProps" in f for f in openxml(broken))

    prs = Presentation(io.BytesIO(src.read_bytes()))
    layout = prs.slide_layouts[1]
    for title, body in (("Part (1/2)", ["one"]), ("Part (2/2)", ["two", "three", "four"])):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = title
        box = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(5), Inches(2))
        box.name = "Body"
        box.text_frame.text = "\n".join(body)
    slide = prs.slides.add_slide(layout)
    slide.shapes.title.text = "Part 2 of 8\nThe Need for International Police Cooperation"
    assert split_parts(prs) and dividers(prs, 8)
    k, shown = reveals(prs)[-1]
    assert shown
    explanation = next(s for s in prs.slides[k - 1].shapes if s.name == "Explanation")
    explanation._element.getparent().remove(explanation._element)
    assert reveals(prs)[-1] == (k, False)


def _luminance(colour: str) -> float:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(int(colour.lstrip("#")[i:i + 2], 16) / 255) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def low_contrast(plan) -> list[str]:
    """Text colours under 4.5:1 against what lies behind their box: the box's own fill, else every
    fill of the design (the template's master and layout shapes) the box overlaps, and the background."""
    found = []
    for k, s in enumerate(plan.slides, start=1):
        place = s.place
        for box in [s.title_box] + s.boxes + ([s.subtitle] if s.subtitle else []):
            if box.fill:
                behind = [box.fill]
            else:
                x0, y0, x1, y1 = box.x, box.y, box.x + box.w, box.y + box.h
                behind = [place.background]
                for f in place.fills:   # in drawing order: one that covers the whole box hides what is below
                    r = f.rect
                    if r.x <= x0 + 0.01 and r.y <= y0 + 0.01 and r.x + r.w >= x1 - 0.01 and r.y + r.h >= y1 - 0.01:
                        behind = [f.color]
                    elif r.x < x1 and r.x + r.w > x0 and r.y < y1 and r.y + r.h > y0:
                        behind.append(f.color)
            for para in box.paras:
                for colour in {para.color, para.first_color, para.bullet_color,
                               para.link_color if any(r.href for r in para.runs) else None} - {None}:
                    worst = min(_contrast(colour, b) for b in behind)
                    if worst < 4.5 - 1e-6:
                        found.append(f"slide {k} {box.name}: {colour} at {worst:.2f}:1")
    return found


@pytest.mark.parametrize("template", (None,) + tuple(pytest.param(t, marks=pytest.mark.slow) for t in TEMPLATES))
def test_text_contrast_is_at_least_4_5_to_1_against_the_templates_own_backgrounds(tmp_path, template):
    from generator.phases import plan
    from helpers import load

    overrides = {"deck_template": str(ROOTS / "templates" / template)} if template else {}
    for kit in load(copy_default(tmp_path), **overrides):
        deck_plan = plan(kit, kit, ["deck"]).files[0].payload
        assert low_contrast(deck_plan) == [], (template, kit.language)


def test_the_contrast_check_can_fail(default_plans):
    from dataclasses import replace

    plan = next(f.payload for f in default_plans["en"].files if f.name == "deck.pptx")
    slide = next(s for s in plan.slides if s.kind == "content")
    body = slide.boxes[0]
    pale = replace(body, paras=tuple(replace(p, color="#C8C8C8") for p in body.paras))
    assert low_contrast(replace(plan, slides=[replace(slide, boxes=[pale])])) != []


def warned(plans) -> int:
    """How many questions the build warned show their explanation only in the notes."""
    return sum("only in the speaker notes" in w.message for w in plans.warnings)


def test_the_stress_deck_keeps_every_rule(big_build):
    """20 questions of every shape (six options, several answers, options far longer than the
    others), long sections, a table: still every rule, but for a reveal too full for its explanation
    at 18 pt, which the build names in a warning."""
    found = {rule: x for rule, x in check(big_build[0] / "deck.pptx").items() if x}
    assert found == {} or list(found) == ["reveals"]
    assert len(found.get("reveals", [])) <= warned(big_build[2][0])


@pytest.mark.slow
@pytest.mark.parametrize("name", ("libreoffice.pptx", "corporate.potx", "resaved.pptx"))
def test_the_stress_deck_keeps_every_rule_on_templates(tmp_path, name):
    import shutil

    shutil.copytree(ROOTS / "big", tmp_path / "big")
    written, plans, _ = build(tmp_path / "big" / "content.yaml", tmp_path / "out", ["deck"],
                              deck_template=str(ROOTS / "templates" / name))
    for w in written:
        found = {rule: x for rule, x in check(w.path).items() if x}
        assert found == {} or list(found) == ["reveals"], (name, found)
        assert len(found.get("reveals", [])) <= warned(plans[0]), name


@pytest.mark.parametrize("name", ("libreoffice.pptx", "corporate.potx", "four-three.pptx", "off-slide.pptx"))
def test_a_right_to_left_edition_mirrors_the_templates_boxes_where_the_master_allows(tmp_path, name):
    """Arabic's title and body are English's reflected, or English's own where the reflection would
    lie over more of the master's shapes (a side band, a brand mark), never somewhere else."""
    from generator.renderers.deck import design
    from generator.renderers.deck.design import mirrored
    from helpers import load

    kits = {k.language: k for k in load(copy_default(tmp_path), deck_template=str(ROOTS / "templates" / name))}
    en, ar = (design(kits[lang], kits[lang]) for lang in ("en", "ar"))
    mirrored_any = False
    for role in ("body", "title_only"):
        for a, e in ((ar.places[role].body, en.places[role].body), (ar.places[role].title, en.places[role].title)):
            flipped = mirrored(e, en.width)
            assert a in (flipped, e) or abs(a.right - flipped.right) < 0.11 or abs(a.x - e.x) < 0.11, (role, a, e)
            mirrored_any |= a == flipped and flipped != e
    if name == "off-slide.pptx":   # boxes off to one side, nothing of the master in the way
        assert mirrored_any
