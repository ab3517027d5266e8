"""Property test: random valid content and random mutations of it either are refused with located
problems, or plan outputs in which nothing overflows its page or slide, every handout's key marks the
plan's answers, and every text of the content appears somewhere; written outputs reopen.

The fast subset plans 40 examples; the slow run writes and reopens 200 (`-m slow`); the longer run is
`HYPOTHESIS_EXAMPLES=5000 pytest -m slow tests/test_property.py`.
"""
from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

import pytest

from generator.errors import ContentError, GeneratorError
from generator.kit import load_kit
from generator.phases import plan
from generator.renderers import writer as _writer
from generator.text import plain

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "200"))

TEMPLATES = ["{{ event.place }}", "{{ ''.__class__.__mro__ }}", "{% for x in range(10**9) %}x{% endfor %}",
             "{{ title }}", "{{ 1/0 }}", "{{"]
HOSTILE = ["<b>not bold</b>", "AT&T", "a<b", "&amp;", "\u200b", "\u202e", "\u200f", "😀", "**", "*",
           "[x](javascript:alert(1))",
           "\x07", "\ud800", "https://example.org/" + "a" * 80, "Полиция", "Αστυνομία", "مرحبا", "\\", "'", '"',
           "- ", ": ", "#", "&", "%", "\t", "\n\n", "~", "=", "{", "}"]

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40)
text = st.one_of(words, st.sampled_from(HOSTILE), st.lists(st.sampled_from(HOSTILE) | words, min_size=1,
                                                              max_size=4).map(" ".join))


@st.composite
def content(draw):
    n_sections = draw(st.integers(1, 3))
    sections = []
    for i in range(n_sections):
        sec = {"id": f"s{i}", "title": draw(text)}
        if draw(st.booleans()):
            sec["points"] = draw(st.lists(text | st.builds(lambda t, x: f"{t}: {x}", words, text), max_size=5))
        if draw(st.booleans()):
            sec["text"] = draw(text)
        sections.append(sec)
    data = {"title": draw(text), "summary": draw(text), "sections": sections,
            "build": {"outputs": draw(st.lists(st.sampled_from(["factsheet", "deck", "quiz", "poster"]), min_size=1,
                                               max_size=4, unique=True)),
                      "quiz": {"versions": draw(st.integers(1, 3)), "seed": draw(st.integers(0, 99))}}}
    if draw(st.booleans()):
        data["tables"] = [{"id": "t", "title": draw(text), "columns": ["A", "B"],
                           "rows": draw(st.lists(st.lists(text, min_size=2, max_size=2), min_size=1, max_size=4))}]
        data["sections"][0]["table"] = "t"
    if draw(st.booleans()):
        data["event"] = {"name": draw(text), "place": draw(text), "date": "2027-09-07"}
    if draw(st.booleans()):
        data["organization"] = {"name": draw(text), "website": "https://example.org/x"}
    questions = []
    for _ in range(draw(st.integers(1, 3))):
        options = draw(st.lists(text, min_size=2, max_size=6))
        answer = draw(st.sets(st.integers(0, len(options) - 1), min_size=1, max_size=len(options)))
        questions.append({"question": draw(text), "options": options,
                          "answer": sorted("abcdef"[i] for i in answer), "explanation": draw(text)})
    data["quiz"] = {"questions": questions}
    return data


def mutate(draw, data):
    """Break the content in one random way: wrong type, deleted key, hostile value, unknown key."""
    paths = []

    def walk(node, path):
        paths.append(path)
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, path + (k,))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, path + (i,))

    walk(data, ())
    path = draw(st.sampled_from(paths[1:]))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    kind = draw(st.sampled_from(["delete", "list", "dict", "hostile", "unknown", "number", "null"]))
    last = path[-1]
    if kind == "delete":
        if isinstance(parent, dict):
            del parent[last]
        else:
            parent.pop(last)
    elif kind == "list":
        parent[last] = [parent[last]]
    elif kind == "dict":
        parent[last] = {"x": parent[last]}
    elif kind == "hostile":
        parent[last] = draw(st.sampled_from(HOSTILE + TEMPLATES))
    elif kind == "unknown" and isinstance(parent, dict):
        parent["colour"] = "red"
    elif kind == "number":
        parent[last] = draw(st.integers(-5, 10**6))
    else:
        parent[last] = None
    return data


@st.composite
def maybe_broken(draw):
    data = draw(content())
    if draw(st.booleans()):
        data = mutate(draw, data)
    return data


def _dump(data) -> str:
    stream = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.dump(data, stream)
    return stream.getvalue()


def check_plans(kit, plans) -> None:
    """The properties that matter, on the plans (pure data)."""
    from generator.page import Document, TextLine

    texts = []
    for item in plans.files:
        doc = item.payload
        if isinstance(doc, Document):
            for page in doc.pages:
                for thing in page.items:
                    if isinstance(thing, TextLine):
                        # nothing runs off the page
                        assert -0.5 <= thing.x and thing.x + thing.line.width <= page.width + 0.5, item.name
                        assert 0 <= thing.y <= page.height + 0.5, item.name
                        texts.append(thing.line.text)
        elif item.writer == "pptx":
            for slide in doc.slides:
                for box in slide.boxes + ([slide.title_box] if slide.title_box else []):
                    assert box.x >= -0.01 and box.y >= -0.01, item.name
                    assert box.x + box.w <= doc.width + 0.01 and box.y + box.h <= doc.height + 0.01, item.name
                    texts += ["".join(r.text for r in p.runs) for p in box.paras]
                texts.append(slide.notes)
    everything = " ".join(" ".join(t.split()) for t in texts)
    flat = everything.replace(" ", "")
    outputs = set(kit.build.outputs)
    if outputs & {"factsheet", "deck"}:
        for section in kit.content.sections:
            title = plain(section.title, kit.language).replace(" ", "")
            assert title[:30] in flat, section.title
    if "quiz" in outputs and kit.content.quiz:
        from generator.quizplan import plan as quiz_plan

        qp = quiz_plan(kit)
        keys = {f.name: f.payload for f in plans.files if f.name.endswith("-key.pdf")}
        for version in qp.versions:
            key = keys[f"quiz{version.suffix}-key.pdf"]
            key_text = " ".join(t.line.text for p in key.pages for t in p.items if isinstance(t, TextLine))
            for q in version.questions:
                assert f"{q.number}." in key_text and q.letters in key_text


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(maybe_broken())
def test_random_content_plans_cleanly(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "content.yaml"
        path.write_text(_dump(data), encoding="utf-8")
        try:
            kit = load_kit(path, allow_missing_glyphs=True)
        except ContentError as exc:
            assert exc.problems and all(p.file == str(path) for p in exc.problems)
            event("refused")
            return
        try:
            plans = plan(kit)
        except GeneratorError:
            event("refused while planning")
            return
        event("planned")
        check_plans(kit, plans)


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(maybe_broken())
def test_random_content_writes_outputs_that_reopen(data):
    from pptx import Presentation
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "content.yaml"
        path.write_text(_dump(data), encoding="utf-8")
        try:
            kit = load_kit(path, allow_missing_glyphs=True)
            plans = plan(kit)
        except (ContentError, GeneratorError):
            event("refused")
            return
        check_plans(kit, plans)
        for item in plans.files:
            target = Path(folder) / item.name
            _writer(item.writer)(item.payload, target)
            if target.suffix == ".pdf":
                assert len(PdfReader(str(target)).pages) >= 1
            elif target.suffix == ".pptx":
                assert len(Presentation(str(target)).slides) >= 3
        event("built")
