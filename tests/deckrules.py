"""A designer's and an accessibility checker's rules for a built deck, read back with python-pptx
(shape names are the generator's: Body, Agenda, Option A, Explanation). Each check
returns a list of findings, empty when the deck keeps the rule."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

PART = re.compile(r"\s*\((\d+)/(\d+)\)$")
CONTENT_SHAPES = ("Body", "Agenda", "Question")
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
DECORATIVE = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"


def title_of(slide) -> str:
    t = slide.shapes.title
    return t.text_frame.text.strip() if t is not None else ""


def names(slide) -> list[str]:
    return [s.name for s in slide.shapes]


def items(slide) -> int:
    """Paragraphs with text in a slide's body boxes (each a point, a question or a lead)."""
    return sum(1 for s in slide.shapes if s.name == "Body" and s.has_text_frame
               for p in s.text_frame.paragraphs if p.text.strip())


def split_parts(prs) -> list[str]:
    """Every section or FAQ split over slides: at least 2 items on each part, the smallest part at
    least 40% of the largest; numbered once, 1/n to n/n."""
    found, runs = [], {}
    for k, slide in enumerate(prs.slides, start=1):
        title = title_of(slide)
        if len(PART.findall(title)) > 0 and PART.sub("", title) != PART.sub("", PART.sub("", title)):
            found.append(f"slide {k}: numbered twice: {title!r}")
        m = PART.search(title)
        if m:
            runs.setdefault(PART.sub("", title), []).append((int(m.group(1)), int(m.group(2)),
                                                              items(slide) if "Body" in names(slide) else -1, k))
    for base, parts in runs.items():
        counts = [n for _, _, n, _ in parts]
        if [i for i, _, _, _ in parts] != list(range(1, parts[0][1] + 1)):
            found.append(f"{base!r}: parts numbered {[(i, n) for i, n, _, _ in parts]}")
        if min(counts) < 0:   # a section's text and its table, or a question's two slides: not one list split
            continue
        if min(counts) < 2 or min(counts) < 0.4 * max(counts):
            found.append(f"{base!r}: items per part {counts} (slides {[k for *_, k in parts]})")
    return found


def divider_kicker(slide) -> str:
    """"Part 2 of 8" (in any language) when the slide is a divider: the first of its title's
    paragraphs, holding two numbers."""
    t = slide.shapes.title
    paras = [p.text for p in t.text_frame.paragraphs] if t is not None else []
    return paras[0] if len(paras) >= 2 and len(re.findall(r"\d+", paras[0])) == 2 else ""


def dividers(prs, sections: int = 0) -> list[str]:
    """Dividers for every section or for none, numbered 1 to the number of sections (by default, the
    agenda's items)."""
    sections = sections or sum(1 for slide in prs.slides for s in slide.shapes if s.name == "Agenda"
                               for p in s.text_frame.paragraphs if p.text.strip())
    texts = [k for slide in prs.slides if (k := divider_kicker(slide))]
    numbers = [int(re.findall(r"\d+", k)[0]) for k in texts]
    if texts and (len(texts) != sections or numbers != list(range(1, sections + 1))):
        return [f"{len(texts)} dividers for {sections} sections: {texts}"]
    return []


def reveals(prs) -> list[tuple[int, bool]]:
    """(slide number, shows an explanation) of every question's reveal: a question's slides (one, or
    two when its options continue) are followed by as many reveal slides showing the same options;
    the explanation may stand on the last of them."""
    slides = [(k, tuple(n for n in names(slide) if n.startswith("Option ")), "Explanation" in names(slide))
              for k, slide in enumerate(prs.slides, start=1)]
    out, i = [], 0
    while i < len(slides):
        if not slides[i][1]:
            i += 1
            continue
        n = next((n for n in (1, 2, 3) if i + 2 * n <= len(slides)
                  and [s[1] for s in slides[i:i + n]] == [s[1] for s in slides[i + n:i + 2 * n]]), 0)
        if not n:
            i += 1
            continue
        shown = slides[i + n:i + 2 * n]
        out.append((shown[-1][0], any(e for _, _, e in shown)))
        i += 2 * n
    return out


def title_sizes(prs) -> set[float]:
    """The sizes content slide titles are set in."""
    sizes = set()
    for slide in prs.slides:
        if not (set(names(slide)) & set(CONTENT_SHAPES) or any(s.has_table for s in slide.shapes
                                                                if hasattr(s, "has_table"))):
            continue
        t = slide.shapes.title
        sizes |= {r.font.size.pt for p in t.text_frame.paragraphs for r in p.runs if r.font.size}
    return sizes


def accessibility(prs) -> list[str]:
    """PowerPoint's accessibility checker's rules: a title on every slide, no two alike; alt text or a
    decorative mark on every picture; a header row on every table; title first in reading order;
    lang on every run."""
    found = []
    titles = Counter()
    for k, slide in enumerate(prs.slides, start=1):
        title = title_of(slide)
        if not title:
            found.append(f"slide {k}: no title")
        titles[title] += 1
        tree = slide.shapes._spTree
        shapes = [el for el in tree if el.tag in (P + "sp", P + "pic", P + "graphicFrame", P + "grpSp")]
        readable = [el for el in shapes if not el.xpath(".//*[local-name()='decorative'][@val='1']")]
        if readable and not readable[0].xpath("./p:nvSpPr/p:nvPr/p:ph[@type='title' or @type='ctrTitle']"):
            found.append(f"slide {k}: the title is not first in reading order")
        for pic in tree.iter(P + "pic"):
            c = pic.find(f"{P}nvPicPr/{P}cNvPr")
            if not (c.get("descr") or "").strip() and not pic.xpath(".//*[local-name()='decorative'][@val='1']"):
                found.append(f"slide {k}: picture {c.get('name')!r} has no alt text")
        for tbl in tree.iter(A + "tbl"):
            pr = tbl.find(A + "tblPr")
            if pr is None or pr.get("firstRow") != "1":
                found.append(f"slide {k}: a table without a header row")
        for r in tree.iter(A + "rPr"):
            if not r.get("lang"):
                found.append(f"slide {k}: a run without lang")
                break
    found += [f"{n} slides titled {t!r}" for t, n in titles.items() if n > 1]
    return found


def openxml(path: Path) -> list[str]:
    """What openxml-audit (the Open XML SDK's checks, and PowerPoint's repair triggers) finds."""
    result = _validator().validate(str(path))
    return [str(e) for e in result.errors]


@lru_cache(maxsize=1)
def _validator():
    """One validator for every deck (validate_pptx builds a new one, with its schemas, for each)."""
    from openxml_audit import OpenXmlValidator

    return OpenXmlValidator()


def check(path: Path, sections: int = 0) -> dict[str, list]:
    """Every rule's findings for the deck at path."""
    from pptx import Presentation

    prs = Presentation(str(path))
    sizes = title_sizes(prs)
    return {"split": split_parts(prs), "dividers": dividers(prs, sections),
            "reveals": [f"slide {k}: no explanation" for k, shown in reveals(prs) if not shown],
            "title sizes": [f"content titles in {sorted(sizes)} pt"] if len(sizes) > 2 else [],
            "accessibility": accessibility(prs), "openxml": openxml(path)}
