"""The web edition read back without a browser: Python's own HTML parser for the page's structure,
the icalendar package for event.ics, the files beside it for the sizes the page states."""
from __future__ import annotations

import base64
import hashlib
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers import LANGUAGES, build, copy_default, normalise

class Page(HTMLParser):
    """Elements (tag, attributes, text inside) in document order, and the text of <style> and <script>."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[list] = []
        self.open: list[list] = []
        self.styles: list[str] = []
        self.scripts: list[str] = []
        self.feed(html)

    VOID = {"meta", "link", "img", "input", "br", "hr"}

    def handle_starttag(self, tag, attrs):
        element = [tag, dict(attrs), ""]
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for element in self.open:
            element[2] += data
        if self.open and self.open[-1][0] == "style":
            self.styles.append(data)
        if self.open and self.open[-1][0] == "script":
            self.scripts.append(data)

    def all(self, tag, **attrs):
        return [e for e in self.elements if e[0] == tag and all(e[1].get(k) == v for k, v in attrs.items())]


def _page(out: Path, lang: str) -> tuple[str, Page]:
    html = (out / lang / "index.html").read_text("utf-8")
    return html, Page(html)


def _text(value: str) -> str:
    return normalise(value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_edition_carries_what_the_fact_sheet_carries_in_order(default_build, lang):
    out, _, _, kits = default_build
    kit = next(k for k in kits if k.language == lang)
    content = kit.content
    html, page = _page(out, lang)
    root = page.all("html")[0][1]
    assert root["lang"] == lang and root["dir"] == ("rtl" if lang == "ar" else "ltr")
    h1 = page.all("h1")
    assert len(h1) == 1
    from generator.text import plain as said

    plain = lambda text, lang: normalise(said(text, lang))  # noqa: E731
    assert _text(h1[0][2]) == plain(content.title, lang)
    headings = [_text(e[2]) for e in page.elements if e[0] in ("h2", "h3")]
    titles = [plain(s.title, lang) for s in content.sections if s.show is None or "factsheet" in s.show]
    found = [headings.index(t) for t in titles]
    assert found == sorted(found), "section titles as headings, in the content's order"
    for faq in content.faq:
        assert plain(faq.question, lang) in headings
    legends = [_text(e[2]) for e in page.all("legend")]
    assert len(legends) == len(content.quiz.questions)
    for q, legend in zip(content.quiz.questions, legends):
        assert plain(q.question, lang) in legend
    for table in content.tables:
        caption = [_text(e[2]) for e in page.all("caption")]
        assert plain(table.title, lang) in caption
        assert len(page.all("th", scope="col")) >= len(table.columns)
        assert len(page.all("th", scope="row")) >= len(table.rows)
    assert _text(kit.event_context()["place"]) in _text(html)
    assert _text(kit.event_date()) in _text(html)
    for src in content.sources:
        if src.url:
            assert page.all("a", href=src.url)
    # the quiz: a fieldset per question, radio buttons or checkboxes, the answer in a closed <details>
    for n, q in enumerate(content.quiz.questions, 1):
        inputs = [e for e in page.all("input") if e[1].get("name") == f"q{n}"]
        assert len(inputs) == len(q.options)
        assert {e[1]["type"] for e in inputs} == {"checkbox" if len(q.answers) > 1 else "radio"}
    assert len(page.all("details")) == len(content.quiz.questions)
    assert not any("open" in e[1] for e in page.all("details"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_is_self_contained_and_its_policy_allows_only_its_own_style_and_script(default_build, lang):
    out = default_build[0]
    html, page = _page(out, lang)
    csp = next(e[1]["content"] for e in page.all("meta") if e[1].get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert len(page.styles) == 1 and len(page.scripts) == 1, "one inline style, at most one inline script"
    for code in page.styles + page.scripts:
        digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert not re.search(r"\sstyle=", html), "no style attributes: the policy would refuse them"
    assert not re.search(r"\son[a-z]+=", html), "no event-handler attributes"
    for element in page.elements:
        for attr in ("src", "srcset", "data", "poster", "action"):
            value = element[1].get(attr)
            assert value is None or value.startswith("data:image/"), (element[0], attr, value[:40])
        if element[0] == "link":
            assert element[1].get("rel") not in ("stylesheet", "preload", "prefetch", "icon")
    assert "@import" not in page.styles[0] and "url(" not in page.styles[0]
    assert "fetch(" not in page.scripts[0] and "XMLHttpRequest" not in page.scripts[0]


def test_the_page_weighs_at_most_60_kb_without_pictures(default_build):
    for lang in LANGUAGES:
        html = (default_build[0] / lang / "index.html").read_bytes()
        without = re.sub(rb'data:image/[a-z]+;base64,[A-Za-z0-9+/=]+', b"", html)
        assert len(without) <= 60_000, (lang, len(without))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_links_the_files_beside_it_with_their_true_sizes(default_build, lang):
    out = default_build[0]
    html, page = _page(out, lang)
    links = {e[1]["href"]: e for e in page.all("a") if e[1].get("href", "").endswith((".pdf", ".pptx"))}
    assert set(links) == {"factsheet.pdf", "deck.pptx", "quiz.pdf", "quiz-key.pdf", "poster.pdf"}
    items = {_text(e[2]) for e in page.all("li")}
    for name in links:
        kb = round((out / lang / name).stat().st_size / 1000)
        assert any(re.search(rf"\b{kb}\s?(kB|ko|كيلوبايت)", item) for item in items), (name, kb)
    if lang == "en":
        assert any(re.fullmatch(r"Fact sheet, PDF, \d+ kB", item) for item in items)
        assert any(re.fullmatch(r"Slide deck, PowerPoint, \d+ kB", item) for item in items)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_event_ics_reads_back_with_the_events_date_time_and_place(default_build, lang):
    import datetime as dt

    import icalendar

    out, _, _, kits = default_build
    kit = next(k for k in kits if k.language == lang)
    data = (out / lang / "event.ics").read_bytes()
    assert b"\r\n" in data and all(len(line) <= 75 for line in data.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert event.decoded("DTSTART") == dt.datetime(2027, 9, 7, 10, 0)
    assert event.decoded("DTEND") == dt.datetime(2027, 9, 7, 16, 0)
    assert str(event["LOCATION"]) == kit.event_context()["place"]
    assert str(event["SUMMARY"]) == kit.event_context()["name"]
    assert event["UID"] and event["DTSTAMP"]
    html, page = _page(out, lang)
    assert page.all("a", href="event.ics")


def test_times_written_in_any_way_become_the_events_start_and_end():
    import datetime as dt

    from generator.renderers.web.calendar import times

    assert times("10:00-16:00") == [dt.time(10), dt.time(16)]
    assert times("10 h – 16 h 30") == [dt.time(10), dt.time(16, 30)]
    assert times("من ١٠:٠٠ إلى ١٦:٠٠") == [dt.time(10), dt.time(16)]
    assert times("2 pm to 4.30 pm") == [dt.time(14), dt.time(16, 30)]
    assert times("Hall 2, all day") == []


def test_the_top_page_lists_the_editions_by_their_own_names(default_build):
    out = default_build[0]
    page = Page((out / "index.html").read_text("utf-8"))
    links = {e[1]["hreflang"]: _text(e[2]) for e in page.all("a") if e[1].get("hreflang")}
    assert set(links) == set(LANGUAGES)
    names = {"en": "English", "fr": "Français", "es": "Español", "ar": "العربية"}
    for lang, name in names.items():
        assert links[lang].startswith(name)
        assert page.all("a", href=f"{lang}/index.html")
        assert page.all("link", rel="alternate", hreflang=lang)
    arabic = next(e for e in page.all("li") if e[1].get("lang") == "ar")
    assert arabic[1]["dir"] == "rtl"


def test_a_rebuild_gives_the_same_bytes(tmp_path):
    content = copy_default(tmp_path / "c")
    build(content, tmp_path / "one", ["web"])
    build(content, tmp_path / "two", ["web"])
    state = ".build-state.json"   # what the build read, by path: the folder's own record, not an output
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*")
           if p.is_file() and p.name != state}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*")
           if p.is_file() and p.name != state}
    assert one == two and Path("index.html") in one and Path("ar/event.ics") in one


def test_one_edition_rebuilt_keeps_the_others_listed_and_the_files_it_links(tmp_path):
    content = copy_default(tmp_path / "c")
    out = tmp_path / "out"
    build(content, out, ["factsheet", "web"])       # every edition, with a file beside each page
    before = (out / "en" / "factsheet.pdf").stat().st_size
    build(content, out, ["web"], language="fr")      # only the French page: the other editions stay
    page = Page((out / "index.html").read_text("utf-8"))
    assert {e[1]["hreflang"] for e in page.all("a") if e[1].get("hreflang")} == set(LANGUAGES)
    french = Page((out / "fr" / "index.html").read_text("utf-8"))
    assert french.all("a", href="factsheet.pdf"), "files kept from the last build are still linked"
    assert (out / "en" / "factsheet.pdf").stat().st_size == before
    build(content, out, ["factsheet"])               # no web output this time: the pages stay as they were
    assert (out / "index.html").is_file() and (out / "fr" / "index.html").is_file()


def test_markup_in_content_is_escaped_and_links_obey_the_policy(tmp_path):
    folder = tmp_path / "c"
    content = copy_default(folder)
    text = content.read_text("utf-8")
    text = text.replace("title: International Day of Police Cooperation",
                        'title: "International Day <script>alert(1)</script> & **Police** Cooperation"', 1)
    text = text.replace("summary: >", "summary: >\n  See [a trap](javascript:alert(1)) and [the UN](https://un.org).",
                        1)
    content.write_text(text, "utf-8")
    for path in folder.glob("content.*.yaml"):
        path.unlink()
    build(content, tmp_path / "out", ["web"])
    html = (tmp_path / "out" / "en" / "index.html").read_text("utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html
    assert '<a href="https://un.org">the UN</a>' in html
    assert "<strong>Police</strong>" in html


def test_without_an_event_date_there_is_no_calendar_file(tmp_path):
    folder = tmp_path / "c"
    content = copy_default(folder)
    content.write_text(content.read_text("utf-8").replace("  date: 2027-09-07\n", "", 1), "utf-8")
    for path in folder.glob("content.*.yaml"):
        path.unlink()
    build(content, tmp_path / "out", ["web"])
    assert not (tmp_path / "out" / "en" / "event.ics").exists()
    assert 'href="event.ics"' not in (tmp_path / "out" / "en" / "index.html").read_text("utf-8")


def test_pictures_go_in_as_data_with_their_alt_text_and_within_bounds(tmp_path):
    import io

    from PIL import Image

    from helpers import ROOTS, load

    shutil.copytree(ROOTS / "big", tmp_path / "big")
    build(tmp_path / "big" / "content.yaml", tmp_path / "out", ["web"])
    kit = load(tmp_path / "big" / "content.yaml")[0]
    page = Page((tmp_path / "out" / "en" / "index.html").read_text("utf-8"))
    images = page.all("img")
    alts = [s.image.alt for s in kit.content.sections if s.image]
    assert alts and all(any(e[1].get("alt") == alt for e in images) for alt in alts)
    for element in images:
        src = element[1]["src"]
        assert src.startswith(("data:image/png;base64,", "data:image/jpeg;base64,"))
        with Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))) as im:
            assert im.size == (int(element[1]["width"]), int(element[1]["height"]))
            assert im.width <= 1600


@pytest.fixture(scope="module")
def stranger(tmp_path_factory):
    """tests/roots/web: content written from scratch (English and Hebrew), a pale theme of its own."""
    folder = tmp_path_factory.mktemp("web")
    from helpers import ROOTS

    shutil.copytree(ROOTS / "web", folder / "web")
    written, plans, kits = build(folder / "web" / "content.yaml", folder / "out")
    return folder / "out", plans, kits


def test_content_from_scratch_reads_back_in_both_directions(stranger):
    out, plans, kits = stranger
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["en", "he", "index.html"]
    for lang, direction in (("en", "ltr"), ("he", "rtl")):
        html, page = _page(out, lang)
        assert page.all("html")[0][1] == {"lang": lang, "dir": direction}
        assert page.all("section", id="section-online"), "a section marked web is on the page"
        assert not page.all("section", id="downloads"), "nothing to link when only the page is built"
        assert [e[1]["type"] for e in page.all("input") if e[1]["name"] == "q1"] == ["checkbox"] * 4
        logo = page.all("img")[0][1]
        assert logo["alt"] and logo["src"].startswith("data:image/png;base64,")
    html, page = _page(out, "en")
    assert "Boat tours &lt;for families&gt;" in html
    assert page.all("a", href="tel:+15550100") and page.all("a", href="mailto:desk@port.example.org")
    assert "javascript:" not in html and "bad link" in html
    warnings = [w.message for p in plans for w in p.warnings]
    assert any("javascript:" in m for m in warnings)
    assert not any("no he wording" in m for m in warnings), "the theme's Hebrew catalogue is used"
    hebrew = _text(_page(out, "he")[0])
    assert "דילוג לתוכן" in hebrew and "בדיקת התשובות" in hebrew


def test_calendar_of_content_from_scratch(stranger):
    import datetime as dt

    import icalendar

    out = stranger[0]
    event = list(icalendar.Calendar.from_ical((out / "en" / "event.ics").read_bytes()).walk("VEVENT"))[0]
    assert event.decoded("DTSTART") == dt.datetime(2028, 5, 13, 9, 30)
    assert event.decoded("DTEND") == dt.datetime(2028, 5, 13, 15, 0)
    assert str(event["LOCATION"]) == "Pier 4; the blue shed, “Harbour Master’s” hall"
    assert str(event["SUMMARY"]) == "Boats & bridges open day"
    assert str(event["ORGANIZER"]) == "mailto:desk@port.example.org"
    hebrew = list(icalendar.Calendar.from_ical((out / "he" / "event.ics").read_bytes()).walk("VEVENT"))[0]
    assert str(hebrew["LOCATION"]) == "רציף 4, הסככה הכחולה"


def test_a_pale_theme_is_read_at_aa_contrast_on_the_page(stranger):
    from generator.renderers.deck.color import contrast

    out = stranger[0]
    style = Page((out / "en" / "index.html").read_text("utf-8")).styles[0]
    colours = dict(re.findall(r"--([a-z-]+):(#[0-9A-Fa-f]{6})", style))
    assert colours["text"] != "#9A9A9A", "the theme's grey text is darkened"
    for fore, back in (("text", "background"), ("text", "light"), ("secondary", "background"),
                       ("secondary", "light"), ("muted", "light"), ("primary", "background"),
                       ("on-primary", "primary"), ("accent", "primary")):
        assert contrast(colours[fore], colours[back]) >= 4.5, (fore, back)


def _themed(tmp_path, files: dict[str, str]) -> Path:
    """The default content on a theme 'mine' beside it that has only these web templates."""
    content = copy_default(tmp_path / "c")
    for path in content.parent.glob("content.*.yaml"):
        path.unlink()
    theme = content.parent / "templates" / "mine"
    (theme / "web").mkdir(parents=True)
    (theme / "theme.yaml").write_text("name: mine\n", "utf-8")
    for name, text in files.items():
        (theme / "web" / name).write_text(text, "utf-8")
    return content


def test_a_theme_may_replace_one_web_template(tmp_path):
    content = _themed(tmp_path, {"style.css.j2": "body{color:{{ c.text }}} .mine{}"})
    build(content, tmp_path / "out", ["web"], theme="mine")
    html = (tmp_path / "out" / "en" / "index.html").read_text("utf-8")
    page = Page(html)
    assert page.styles == ["body{color:#1C1F24} .mine{}"]
    digest = base64.b64encode(hashlib.sha256(page.styles[0].encode()).digest()).decode()
    csp = next(e[1]["content"] for e in page.all("meta") if e[1].get("http-equiv") == "Content-Security-Policy")
    assert f"style-src 'sha256-{digest}'" in csp
    assert page.all("h1"), "the other templates come from the default theme"


@pytest.mark.parametrize("template, words", [
    ("{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
     "page.html.j2:1: `Call` is not allowed in a web template"),
    ("{{ 'x' * 1000000000 }}", "`Mul` is not allowed"),
    ("{% include 'page.html.j2' %}", "`Include` is not allowed"),
    ("{{ title.__class__.__mro__ }}", "unsafe"),
    ("{{ no_such_name }}", "'no_such_name' is undefined"),
    ("{% if %}", "page.html.j2:1:"),
])
def test_a_themes_broken_or_hostile_web_template_is_a_located_error(tmp_path, capsys, template, words):
    from generator.cli import main

    content = _themed(tmp_path, {"page.html.j2": template})
    code = main([str(content), "--only", "web", "--theme", "mine", "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and words in err and "Traceback" not in err, err
    assert not (tmp_path / "out").exists()
    assert main([str(content), "--only", "web", "--theme", "mine", "--check"]) == 1


def test_an_event_without_a_time_is_a_whole_day_in_the_calendar(tmp_path):
    import datetime as dt

    import icalendar

    folder = tmp_path / "c"
    content = copy_default(folder)
    content.write_text(content.read_text("utf-8").replace('  time: "10:00-16:00"\n', "", 1), "utf-8")
    for path in folder.glob("content.*.yaml"):
        path.unlink()
    build(content, tmp_path / "out", ["web"])
    event = list(icalendar.Calendar.from_ical((tmp_path / "out" / "en" / "event.ics").read_bytes()).walk("VEVENT"))[0]
    assert event.decoded("DTSTART") == dt.date(2027, 9, 7) and event.decoded("DTEND") == dt.date(2027, 9, 8)
