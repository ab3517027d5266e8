"""The web edition: output/<language>/index.html (one self-contained, accessible page: everything the
fact sheet carries, the event with a calendar file, the quiz as a self-check, and links to the
printed files beside it), output/<language>/event.ics, and output/index.html listing the editions.

The page is planned here as data (WebPage: every text, picture and label decided); html.py renders
it with the theme's Jinja2 templates. It is written after the other outputs, because it states their
sizes, which are known only once they are written (build.LAST)."""
from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from pathlib import Path

from ...kit import RTL_LANGUAGES
from ...links import safe
from ...notes import Notes
from ...text import paragraphs, plain, point
from .calendar import ics

PICTURE_WIDTH = 1600         # pixels: wider pictures are scaled down for the page (a phone needs far less)
PICTURE_BYTES = 400_000      # a picture this small (and narrow enough) goes in as it is


@dataclass(frozen=True)
class Download:
    """A file beside the page that the page links to, if the build leaves it there."""

    name: str
    before: str      # the wording around the link: "{link}, PDF, {size}" split at the link
    label: str
    after: str       # holds SIZE where the size goes


@dataclass(frozen=True)
class WebPage:
    """One edition's page as data: the template context, the files to link, and the theme to render with."""

    language: str
    theme_folder: Path
    colors: dict
    context: dict
    downloads: tuple[Download, ...] = ()
    labels: dict = field(default_factory=dict)


def data_uri(path: Path) -> tuple[str, int, int]:
    """A picture as a data: URI (scaled down when wide or heavy), with its width and height in pixels."""
    from PIL import Image

    raw = path.read_bytes()
    with Image.open(io.BytesIO(raw)) as im:
        w, h = im.size
        kind = "jpeg" if im.format == "JPEG" else "png"
        if w > PICTURE_WIDTH or len(raw) > PICTURE_BYTES or im.format not in ("PNG", "JPEG"):
            scale = min(1.0, PICTURE_WIDTH / w)
            w, h = max(1, round(w * scale)), max(1, round(h * scale))
            im = im.convert("RGBA" if kind == "png" and "A" in im.getbands() else "RGB")
            small = im.resize((w, h), Image.LANCZOS)
            out = io.BytesIO()
            if kind == "jpeg":
                small.save(out, "JPEG", quality=82, optimize=True, progressive=True)
            else:
                small.save(out, "PNG", optimize=True)
            raw = out.getvalue()
    return f"data:image/{kind};base64,{base64.b64encode(raw).decode('ascii')}", w, h


def on_page(section) -> bool:
    """Whether the page shows a section: what the fact sheet shows, and sections marked `web`."""
    return section.show is None or "factsheet" in section.show or "web" in section.show


def palette(theme) -> dict[str, str]:
    """The theme's colours, each text colour moved (towards black or white, as little as it takes) until
    it reads at 4.5:1 on what lies behind it on the page: WCAG AA whatever the theme says."""
    from ..deck.color import ensure

    c = dict(theme.colors())
    back = c.setdefault("background", "#FFFFFF")
    for name in ("text", "primary", "secondary", "muted"):
        c[name] = ensure(c[name], [back, c["light"]])
    c["on_primary"] = ensure(c["on_primary"], c["primary"])
    c["accent"] = ensure(c["accent"], c["primary"])          # the day, on the band
    c["correct"] = ensure(c["correct"], [back, c["light"]])
    return c


def _points(items) -> list[dict]:
    """Points with their term's colon (the language's typography spaces it where it should)."""
    return [{"term": p.term + ("" if p.term.rstrip().endswith(":") else ":") if p.term else None, "text": p.text}
            for p in (point(item) for item in items)]


def _letters(kit) -> list[str]:
    return str(kit.say("option_letters")).split()


def _quiz(kit, qp) -> dict | None:
    content = kit.content
    if not content.quiz:
        return None
    letters = _letters(kit)
    separator = str(kit.say("letters_separator")) + " "
    questions = []
    for n, q in enumerate(content.quiz.questions, 1):
        right = q.answers
        section = content.section(q.section) if q.section else None
        shown = section is not None and on_page(section)
        answer = separator.join(f"{letters[i]}. {plain(q.options[i], kit.language)}" for i in right)
        questions.append({
            "number": n, "id": f"q{n}", "question": q.question, "multiple": len(right) > 1,
            "options": [{"letter": letters[i], "value": "abcdef"[i], "text": text, "right": i in right}
                        for i, text in enumerate(q.options)],
            "answer": kit.say("web_answer", answer=answer), "key": " ".join("abcdef"[i] for i in right),
            "explanation": q.explanation,
            "see": ({"id": f"section-{section.id}", "title": plain(section.title, kit.language)} if shown else None)})
    return {"title": content.quiz.title or kit.say("quiz_default_title"), "questions": questions}


SIZE = "\x01"


def _download(kit, name: str, label_key: str, format_key: str) -> Download:
    said = kit.say("web_file", name="\x00", format=kit.say(format_key), size=SIZE)
    before, _, after = said.partition("\x00")
    return Download(name, before, kit.say(label_key), after)


def _downloads(kit) -> tuple[Download, ...]:
    outputs = kit.build.outputs
    pdf, pptx = "web_format_pdf", "web_format_pptx"
    suffix = "" if kit.build.quiz.versions == 1 else "-A"
    out = []
    if "factsheet" in outputs:
        out.append(_download(kit, "factsheet.pdf", "web_factsheet", pdf))
    if "deck" in outputs:
        out.append(_download(kit, "deck.pptx", "web_deck", pptx))
    if "quiz" in outputs and kit.content.quiz:
        out.append(_download(kit, f"quiz{suffix}.pdf", "web_quiz_handout", pdf))
        out.append(_download(kit, f"quiz{suffix}-key.pdf", "web_quiz_key", pdf))
    if "poster" in outputs:
        out.append(_download(kit, "poster.pdf", "web_poster", pdf))
    return tuple(out)


LABELS = ("web_skip", "web_contents", "web_languages", "web_add_calendar", "web_quiz_intro", "web_check",
          "web_reset", "web_show_answer", "web_right", "web_wrong", "web_missed", "web_downloads", "faq",
          "sources", "event_kicker", "select_all", "qr_caption")


def page(kit, qp=None) -> WebPage:
    """The page of one edition, planned."""
    content, lang = kit.content, kit.language
    org = content.organization
    sections = []
    for section in content.sections:
        if not on_page(section):
            continue
        table = content.table(section.table) if section.table else None
        image = None
        if section.image:
            src, w, h = data_uri(kit.asset(section.image.file))
            image = {"src": src, "alt": section.image.alt, "width": w, "height": h}
        sections.append({"id": f"section-{section.id}", "title": section.title,
                         "paragraphs": paragraphs(section.text), "points": _points(section.points),
                         "image": image,
                         "table": {"caption": table.title, "columns": table.columns, "rows": table.rows}
                         if table else None})
    logo = None
    if org and org.logo:
        src, w, h = data_uri(kit.asset(org.logo))
        logo = {"src": src, "width": w, "height": h, "alt": kit.say("logo_alt", name=plain(org.name, lang))}
    event = kit.event_context()
    context = {
        "lang": lang, "dir": "rtl" if kit.rtl else "ltr", "title": content.title, "subtitle": content.subtitle,
        "plain_title": plain(content.title, lang), "description": " ".join(plain(content.summary, lang).split()),
        "day": content.date, "summary": paragraphs(content.summary),
        "organization": {"name": org.name, "website": safe(org.website), "contact": org.contact} if org else None,
        "logo": logo,
        "event": {"name": event["name"], "when": kit.say("event_when", event=event), "place": event["place"],
                  "calendar": bool(content.event.date)} if event else None,
        "sections": sections,
        "faq": [{"question": f.question, "answer": paragraphs(f.answer), "points": _points(f.points)}
                for f in content.faq],
        "quiz": _quiz(kit, qp),
        "sources": [{"title": s.title, "url": safe(s.url)} for s in content.sources],
    }
    labels = {key: kit.say(key) for key in LABELS}
    labels["score"] = kit.say("web_score", right="{right}", total="{total}")
    labels["see"] = tuple(kit.say("see", section="\x00").split("\x00", 1))
    labels["contact"] = kit.say("contact", contact=plain(org.contact, lang)) if org and org.contact else None
    return WebPage(lang, kit.theme.folder, palette(kit.theme), context, _downloads(kit), labels)


def plan(kit, notes: Notes, qp=None) -> list:
    """index.html and, for a dated event, event.ics."""
    from ...plans import BytesFile, Planned

    from .html import checked, render

    planned = page(kit, qp)
    checked(render, planned, lambda name: None)   # a theme's broken template is found now (and by --check)
    out = [Planned("index.html", "web", planned, "web")]
    calendar = ics(kit)
    if calendar is not None:
        out.append(Planned("event.ics", "web", BytesFile(calendar.encode("utf-8"), "1 event"), "bytes"))
    return out


def editions_page(kits, kept: dict[str, dict[str, str]]):
    """output/index.html's writer: the editions this build makes a page for, and those an earlier
    build made that stay (kept: tag -> manifest), each by its own name, in the order of their tags."""
    from .html import checked, own_name, render_editions

    first = kits[0]
    rtl = lambda tag: tag.split("-")[0].lower() in RTL_LANGUAGES  # noqa: E731
    editions = {k.language: {"tag": k.language, "name": own_name(k.language), "dir": "rtl" if k.rtl else "ltr",
                             "title": plain(k.content.title, k.language)} for k in kits}
    for tag, manifest in kept.items():
        if manifest.get("index.html") == "web" and tag not in editions:
            editions[tag] = {"tag": tag, "name": own_name(tag), "dir": "rtl" if rtl(tag) else "ltr", "title": None}
    listed = [editions[tag] for tag in sorted(editions)]

    def produce(path: Path) -> str:
        html = checked(render_editions, listed, plain(first.content.title, first.language), first.language,
                       first.rtl, first.say("web_choose_language"), first.theme.folder, palette(first.theme))
        path.write_bytes(html.encode("utf-8"))
        return f"{len(listed)} edition{'s' if len(listed) != 1 else ''}"
    return produce
