"""How much of the fact sheet fits its page budget: the FAQ question by question (found by
bisection), tightened spacing, then text set smaller (by the theme's factsheet.smaller: up to 10%), before
the sheet warns."""
from __future__ import annotations

from ..notes import Notes
from ..page import Document


def fitted(kit, notes: Notes, sheet) -> Document:   # sheet: a factsheet.Sheet (not imported: no cycle)
    """The fact sheet as pages: the whole FAQ when the page budget allows, else as many whole
    questions as fit (tightening first when that lets more in); tightened too when that saves a
    nearly empty last page; set smaller (factsheet.smaller) when that keeps it within the budget.
    More questions never take fewer pages, so each count is found by bisection."""
    budget = int(sheet.t["max_pages"])
    n_faq = len(kit.content.faq)
    fitting = _most_faq(sheet, budget, 0, n_faq, False, 1.0)
    if fitting is None:
        tight = _most_faq(sheet, budget, 0, n_faq, True, 1.0)
        if tight is not None:
            return tight[0]
        doc, _ = sheet.attempt(0, True)
        if len(doc.pages) == budget + 1:
            for scale in sheet.t["smaller"]:   # smaller text rather than another sheet
                smaller = _most_faq(sheet, budget, 0, n_faq, True, scale)
                if smaller is not None:
                    return smaller[0]
        notes.warn(("sections",), f"the fact sheet runs to {len(doc.pages)} pages (budget {budget}); "
                   "shorten the sections to print it on one sheet")
        return doc
    doc, columns, count = fitting
    if count < n_faq:
        tight = _most_faq(sheet, budget, count + 1, n_faq, True, 1.0)   # tightening may make room for more
        if tight is not None:
            return tight[0]
    if len(doc.pages) > 1 and last_page_fill(columns) < float(sheet.t["last_page_min"]):
        smaller, _ = sheet.attempt(count, True)
        if len(smaller.pages) < len(doc.pages):
            return smaller
    return doc


def _most_faq(sheet, budget: int, least: int, most: int, tight: bool, scale: float):
    """(doc, columns, count) of the sheet with as many FAQ questions as fit, between least and most;
    None when not even least of them fit."""
    doc, columns = sheet.attempt(most, tight, scale)   # the whole FAQ first: the usual case
    if len(doc.pages) <= budget:
        return doc, columns, most
    found = None
    lo, hi = least, most - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        doc, columns = sheet.attempt(mid, tight, scale)
        if len(doc.pages) <= budget:
            found = (doc, columns, mid)
            lo = mid + 1
        else:
            hi = mid - 1
    return found


def faq_left_out(kit, notes: Notes, doc: Document) -> Document:
    """Say so when not one question of the FAQ found room on the sheet and there is no deck or
    website to point readers to (otherwise the sheet says where the FAQ is)."""
    org = kit.content.organization
    elsewhere = "deck" in kit.build.outputs or bool(org and org.website)
    if kit.content.faq and doc.facts["faq"] == 0 and not elsewhere:
        notes.warn(("faq",), "no question of the FAQ fits on the fact sheet, and with no deck and no "
                   "website it appears nowhere else; shorten the sections to make room")
    return doc


def last_page_fill(columns) -> float:
    """How full the last page's columns are, together (0 to 1)."""
    last = max(c.page for c in columns)
    cols = [c for c in columns if c.page == last]
    return sum(c.used for c in cols) / (2 * cols[0].frame.h) if cols else 0.0
