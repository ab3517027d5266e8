"""Tagged PDFs read back with readers we did not write: poppler (pdfinfo -struct-text, pdftotext) for
the text of the structure and of the page, pikepdf for the structure tree, its marked content, the
ParentTree, link annotations and fonts. Each check returns the problems it found, so a test can say
them all at once."""
from __future__ import annotations

import re
import subprocess
import tempfile
import unicodedata
from collections import Counter
from contextlib import contextmanager
from difflib import SequenceMatcher
from pathlib import Path

from helpers import normalise

HEADING = re.compile(r"^H([1-6])$")


def poppler(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


NOT_ONLY_OUTLINES = {"BT", "ET", "Tj", "TJ", "'", '"', "BDC", "BMC", "EMC", "Do"}


def _outline_forms(pdf) -> set[tuple[int, int]]:
    """The form XObjects that only draw outlines: no text, no marked content, no other object inside."""
    import pikepdf

    found = set()
    for page in pdf.pages:
        for xobject in page.Resources.get("/XObject", {}).values():
            if xobject.get("/Subtype") == "/Form" and xobject.objgen not in found and not any(
                    str(operator) in NOT_ONLY_OUTLINES for _, operator in pikepdf.parse_content_stream(xobject)):
                found.add(xobject.objgen)
    return found


@contextmanager
def text_layer(path: Path):
    """The PDF as poppler should read its text: a copy that leaves out the drawing of forms holding only
    outlines (no text, no marked content), else the file itself. A shaped Arabic page draws each
    glyph's outline as a form beside its invisible text, and poppler runs every form it meets: its
    text of the Arabic fact sheet took seconds, its structure text (which runs the page once per
    marked-content id) minutes. The structure, the marked content and every text operator are the
    file's own, so poppler lists the same elements with the same text, in the same order (only the
    object numbers it prints for link annotations differ: pikepdf numbers objects anew on saving)."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        outlines = _outline_forms(pdf)
        if not outlines:
            yield path
            return
        draw = pikepdf.Operator("Do")
        for page in pdf.pages:
            forms = {name for name, x in page.Resources.get("/XObject", {}).items() if x.objgen in outlines}
            kept = [op for op in pikepdf.parse_content_stream(page)
                    if not (op.operator == draw and str(op.operands[0]) in forms)]
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
        with tempfile.TemporaryDirectory() as tmp:
            pdf.save(Path(tmp) / path.name)
            yield Path(tmp) / path.name


def struct_listing(path: Path) -> str:
    """What poppler's `pdfinfo -struct-text` prints for the PDF."""
    with text_layer(path) as readable:
        return poppler("pdfinfo", "-struct-text", str(readable))


def struct_elements(path: Path) -> list[tuple[int, str, str]]:
    """(depth, role, its own text) of each element, in the order of the structure tree, as poppler's
    `pdfinfo -struct-text` prints them."""
    out: list[list] = []
    for line in struct_listing(path).splitlines():
        stripped = line.strip()
        depth = (len(line) - len(line.lstrip())) // 2
        if stripped.startswith('"') and stripped.endswith('"') and len(stripped) >= 2:
            owner = next((e for e in reversed(out) if e[0] == depth - 1), None)   # text is indented under its element
            if owner is not None:
                owner[2] += stripped[1:-1]
        elif stripped and not stripped.startswith("/") and not stripped.startswith("Object "):
            out.append([depth, stripped.split()[0].rstrip(":"), ""])
    return [(d, r, normalise(t)) for d, r, t in out]


def struct_text(path: Path) -> str:
    """All the text of the structure tree, in its order."""
    parts = []
    for line in struct_listing(path).splitlines():
        line = line.strip()     # an element's pieces run on; elements are apart
        parts.append(line[1:-1] if len(line) >= 2 and line[0] == line[-1] == '"' else " ")
    return normalise("".join(parts))


def pdftotext(path: Path, page: int | None = None) -> str:
    """The text of a PDF (or one of its pages, from 1) as poppler's pdftotext reads the page."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    with text_layer(path) as readable:
        return poppler("pdftotext", "-enc", "UTF-8", *pages, str(readable), "-")


def pdftotext_text(path: Path) -> str:
    """pdftotext's text, whitespace collapsed; the direction marks it puts around a left-to-right
    run in a right-to-left line (where the space between them was) read as spaces."""
    return normalise(re.sub("[\u202a-\u202e]", " ", pdftotext(path)))


def words(text: str) -> list[str]:
    """The runs of letters and digits of a text, in order (bidi controls, which pdftotext puts
    around numbers in right-to-left lines, and punctuation separate them; Arabic vowel marks, which
    readers place differently, left out; other marks belong to their word)."""
    text = re.sub("[\u064b-\u065f\u0670]", "", unicodedata.normalize("NFC", text))
    text = re.sub("[\u202a-\u202e\u2066-\u2069\u200e\u200f]", " ", text)
    return re.findall(r"[\w\u0900-\u0dff\u0e00-\u0eff\u1780-\u17ff]+", text)


def _marked(pdf, page):
    """The page's content-stream operators with, for each, the stack of marked-content tags around it."""
    import pikepdf

    stack: list[tuple[str, object]] = []
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            props = operands[1] if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) else None
            stack.append((str(operands[0]), props))
        yield operands, operator, list(stack)
        if op == "EMC" and stack:
            stack.pop()


def without_artifacts(path: Path, out: Path) -> Path:
    """A copy of the PDF with every artifact's marked content taken out: what the structure must hold."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            kept = [pikepdf.ContentStreamInstruction(operands, operator)
                    for operands, operator, stack in _marked(pdf, page)
                    if not any(tag == "/Artifact" for tag, _ in stack)
                    and not (str(operator) in ("BDC", "BMC") and str(operands[0]) == "/Artifact")
                    and not (str(operator) == "EMC" and stack and stack[-1][0] == "/Artifact")]
            page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
        pdf.save(out)
    return out


def pdfium_text(path: Path) -> str:
    """The text of every page as pdfium (Chrome's PDF engine) reads it."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def coverage(path: Path) -> tuple[float, list[str]]:
    """How much of what the pages show (artifacts aside, read by pdfium in the order the pages draw
    it), word by word and in order, the structure text gives back; and the words it misses."""
    with tempfile.TemporaryDirectory() as tmp:
        shown = words(pdfium_text(without_artifacts(path, Path(tmp) / "content.pdf")))
    told = words(struct_text(path))
    matcher = SequenceMatcher(None, shown, told, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    missing = Counter(shown) - Counter(told)
    return (matched / len(shown) if shown else 1.0), sorted(missing)


def headings(path: Path) -> list[tuple[int, str]]:
    """(level, text) of every heading, in structure order."""
    return [(int(HEADING.match(role).group(1)), text) for _, role, text in struct_elements(path)
            if HEADING.match(role)]


def _kids(elem):
    import pikepdf

    kids = elem.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _nums(tree) -> dict[int, object]:
    """A number tree flattened."""
    out = {}
    nums = tree.get("/Nums")
    if nums is not None:
        for k in range(0, len(nums), 2):
            out[int(nums[k])] = nums[k + 1]
    for kid in tree.get("/Kids", []):
        out.update(_nums(kid))
    return out


def _tounicode(font) -> dict[int, str]:
    text = bytes(font.ToUnicode.read_bytes()).decode("latin-1")
    out = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    return out


def problems(path: Path) -> list[str]:
    """What keeps a PDF from being tagged as PDF/UA-1 asks, as far as a program can tell."""
    import pikepdf

    found: list[str] = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        if not (root.get("/MarkInfo") and bool(root.MarkInfo.get("/Marked"))):
            found.append("not marked as tagged (MarkInfo)")
        if not str(root.get("/Lang", "")):
            found.append("no /Lang")
        if not (root.get("/ViewerPreferences") and bool(root.ViewerPreferences.get("/DisplayDocTitle"))):
            found.append("the viewer does not show the title (DisplayDocTitle)")
        meta = pdf.open_metadata()
        if str(meta.get("pdfuaid:part", "")) != "1":
            found.append("no PDF/UA identifier in the XMP metadata")
        title = str(pdf.docinfo.get("/Title", ""))
        if not title or str(meta.get("dc:title", "")) != title:
            found.append(f"dc:title {meta.get('dc:title')!r} is not the title {title!r}")
        tree = root.get("/StructTreeRoot")
        if tree is None:
            return found + ["no structure tree"]
        parent_tree = _nums(tree.ParentTree)
        owners: dict[tuple, tuple] = {}     # (page, mcid) -> element
        linked: dict[tuple, tuple] = {}     # annotation -> Link element
        levels: list[int] = []
        pages = {p.obj.objgen: n for n, p in enumerate(pdf.pages, 1)}

        def walk(elem, page):
            page = elem.get("/Pg", page)
            role = str(elem.get("/S", ""))
            if role == "/Figure" and not str(elem.get("/Alt", "")).strip():
                found.append("a Figure without Alt")
            if HEADING.match(role[1:]):
                levels.append(int(role[2]))
            if role == "/Table" and not _has(elem, "/TH"):
                found.append("a Table without a TH")
            if role == "/TH" and not (elem.get("/A") and elem.A.get("/Scope")):
                found.append("a TH without a Scope")
            for kid in _kids(elem):
                if isinstance(kid, int):
                    key = (page.objgen, kid)
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                    key = (kid.get("/Pg", page).objgen, int(kid.MCID))
                elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                    linked[kid.Obj.objgen] = (elem.objgen, role)
                    continue
                else:
                    walk(kid, page)
                    continue
                if key in owners:
                    found.append(f"MCID {key[1]} of page {pages.get(key[0])} belongs to two elements")
                owners[key] = elem.objgen

        for top in _kids(tree):
            walk(top, None)
        if levels and levels[0] != 1:
            found.append(f"the first heading is H{levels[0]}, not H1")
        found += [f"a heading jumps from H{a} to H{b}" for a, b in zip(levels, levels[1:]) if b > a + 1]
        for n, page in enumerate(pdf.pages, 1):
            drawn = set()
            for operands, operator, stack in _marked(pdf, page):
                if str(operator) == "BDC" and stack[-1][1] is not None and "/MCID" in stack[-1][1]:
                    drawn.add(int(stack[-1][1].MCID))
            key = page.obj.get("/StructParents")
            listed = parent_tree.get(int(key)) if key is not None else None
            for mcid in sorted(drawn):
                owner = owners.get((page.obj.objgen, mcid))
                if owner is None:
                    found.append(f"page {n}: MCID {mcid} is in no element (an orphan)")
                elif listed is None or mcid >= len(listed) or listed[mcid].objgen != owner:
                    found.append(f"page {n}: the ParentTree does not lead MCID {mcid} to its element")
            found += [f"page {n}: MCID {m} of the structure is not on the page"
                      for (pg, m) in owners if pg == page.obj.objgen and m not in drawn]
            annots = [a for a in page.obj.get("/Annots", []) if a.get("/Subtype") == "/Link"]
            if annots and page.obj.get("/Tabs") != "/S":
                found.append(f"page {n}: annotations without /Tabs /S")
            for a in annots:
                where = linked.get(a.objgen)
                parent = parent_tree.get(int(a.get("/StructParent", -1)))
                if where is None or where[1] != "/Link":
                    found.append(f"page {n}: a link annotation outside a Link element")
                elif parent is None or parent.objgen != where[0]:
                    found.append(f"page {n}: a link annotation's StructParent does not lead to its Link")
                if not str(a.get("/Contents", "")).strip():
                    found.append(f"page {n}: a link annotation without Contents")
            found += _font_problems(pdf, page, n)
    return found


def _has(elem, role: str) -> bool:
    import pikepdf

    return any(isinstance(k, pikepdf.Dictionary) and (k.get("/S") == role or _has(k, role))
               for k in _kids(elem) if isinstance(k, pikepdf.Dictionary) and k.get("/Type") not in ("/MCR", "/OBJR"))


def _font_problems(pdf, page, n: int) -> list[str]:
    """Every font embedded, with a ToUnicode entry for every code the page shows with it."""
    import pikepdf

    found, maps = [], {}
    fonts = page.obj.Resources.get("/Font", {})
    for name, font in fonts.items():
        desc = font.DescendantFonts[0].FontDescriptor if "/DescendantFonts" in font else font.get("/FontDescriptor")
        if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            found.append(f"page {n}: font {name} is not embedded")
        if "/ToUnicode" not in font:
            found.append(f"page {n}: font {name} has no ToUnicode")
        else:
            maps[name] = _tounicode(font)
    current = None
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op == "Tf":
            current = str(operands[0])
        elif op in ("Tj", "TJ") and current in maps:
            strings = [operands[0]] if op == "Tj" else [s for s in operands[0] if isinstance(s, pikepdf.String)]
            for s in strings:
                data = bytes(s)
                for k in range(0, len(data) - 1, 2):
                    code = int.from_bytes(data[k:k + 2], "big")
                    if not maps[current].get(code):
                        found.append(f"page {n}: code {code:04X} of {current} has no text in its ToUnicode")
    return found
