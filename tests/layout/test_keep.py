"""A designer's column rules, on blocks alone (no PDF): a heading keeps two of its items, a table
starts wherever its title, header and two rows fit, and a last page's columns are balanced."""
from __future__ import annotations

import pytest

from generator.fonts import FontSet, bundled
from generator.layout.blocks import Cell, Para, Table
from generator.layout.flow import Frame, balanced, pour
from generator.typeset.lines import Line, Span, Style, Typesetter

TEXT = "Police cooperation across borders depends on trust, shared tools and the habit of calling each other. "


@pytest.fixture(scope="module")
def ts():
    return Typesetter(FontSet([bundled("arimo")]))


def para(ts, text=TEXT, **kw):
    return Para(para=ts.set([Span(text, Style(9))], 200, 1.3), **kw)


def bullet(ts, text="A point that takes one line.", **kw):
    return para(ts, text, bullet=Line(5, 7, 2, (), "•"), indent=10, space_after=2, min_lines=1, **kw)


def heading(ts, items=2):
    return para(ts, "A heading", keep_with_next=True, keep_items=items, min_lines=1, space_before=7)


def frames(h):
    return lambda page: [Frame(0, 0, 200, h), Frame(220, 0, 200, h)]


def lines_high(ts, n):
    return para(ts, "Words. " * (n * 6))   # about n lines of filler


def test_a_heading_goes_to_the_next_column_rather_than_stand_with_one_point(ts):
    strands = 0
    for h in range(100, 200, 2):   # every place the heading can fall near a column's foot
        blocks = [lines_high(ts, 6), heading(ts), bullet(ts), bullet(ts), bullet(ts)]
        for col in pour(blocks, frames(h)):
            kinds = [p.block for p in col.placed]
            heads = [k for k, b in enumerate(kinds) if b.keep_items]
            if heads and len(kinds) - heads[-1] - 1 < 2:
                strands += 1
    assert strands == 0, f"{strands} columns end with a heading and fewer than two of its points"


def test_a_heading_with_a_long_first_paragraph_needs_only_its_start(ts):
    # the first item is taller than a third of the column: the heading and its first lines may end it
    blocks = [lines_high(ts, 8), heading(ts), lines_high(ts, 12), bullet(ts)]
    columns = pour(blocks, frames(200))
    first = [p.block for p in columns[0].placed]
    assert any(b.keep_items for b in first) and not first[-1].keep_items


def test_a_lists_last_point_follows_the_point_before_it(ts):
    """The factsheet marks a section's second-to-last point keep-with-next: the last point never opens a
    column alone."""
    for filler in range(4, 16):
        points = [bullet(ts) for _ in range(4)]
        points[-2].keep_with_next = True
        columns = pour([lines_high(ts, filler), heading(ts), *points], frames(200))
        for col in columns[1:]:
            placed = [p.block for p in col.placed]
            if placed and placed[0] is points[-1]:
                pytest.fail(f"{filler}: the last point alone at the top of a column")


def test_a_table_starts_wherever_its_title_header_and_two_rows_fit(ts):
    cell = lambda text: Cell(ts.set([Span(text, Style(9))], 60, 1.25))  # noqa: E731
    table = Table(widths=[66, 66, 66], header=[cell("A"), cell("B"), cell("C")],
                  rows=[[cell(f"row {r}"), cell("x"), cell("y")] for r in range(12)],
                  caption=para(ts, "Caption", min_lines=1), continued=para(ts, "Caption (continued)", min_lines=1))
    need = table.min_height(False)
    filler = lines_high(ts, 10)
    h = filler.height(True) + need + 2   # three quarters filled, and the table's start fits below
    columns = pour([filler, table], frames(h))
    assert isinstance(columns[0].placed[-1].block, Table) and len(columns[0].placed[-1].block.rows) >= 2
    # a table of three rows cannot split 2 + 2, so its least is the whole table
    short = Table(widths=table.widths, header=table.header, rows=table.rows[:3], caption=table.caption)
    assert short.min_height() == short.height()


def test_the_last_pages_columns_are_balanced_and_nothing_moves_to_another_page(ts):
    blocks = [para(ts, TEXT * 2, space_after=4) for _ in range(9)]
    plain, even = pour(blocks, frames(300)), balanced(blocks, frames(300))
    assert max(c.page for c in plain) == max(c.page for c in even)
    last = [c for c in even if c.page == even[-1].page]
    assert len(last) == 2 and abs(last[0].used - last[1].used) <= 2 * 11.7 + 4
    # pages before the last are poured as before
    assert [len(c.placed) for c in plain if c.page < even[-1].page] == \
        [len(c.placed) for c in even if c.page < even[-1].page]
    lines = lambda cols: sum(len(p.block.para.lines) for c in cols for p in c.placed)  # noqa: E731
    assert lines(plain) == lines(even)
