"""Pouring blocks into columns: columns filled before the next starts, splits that never leave a line
alone, headings that never end a column, tables that repeat their header, pictures that let text go
first. Pure: no PDF is written."""
from __future__ import annotations

import pytest

from generator.fonts import FontSet, bundled
from generator.layout.blocks import Cell, Image, Para, Table
from generator.layout.flow import Frame, pour
from generator.typeset.lines import Span, Style, Typesetter

TEXT = "Police cooperation across borders depends on trust, shared tools and the habit of calling each other. " * 3


@pytest.fixture(scope="module")
def ts():
    return Typesetter(FontSet([bundled("arimo")]))


def para(ts, text=TEXT, **kw):
    return Para(para=ts.set([Span(text, Style(9))], 200, 1.3), **kw)


def frames(h=200):
    return lambda page: [Frame(0, 0, 200, h), Frame(220, 0, 200, h)]


def test_every_column_but_the_last_is_filled_when_text_can_split(ts):
    blocks = [para(ts, space_after=4) for _ in range(12)]
    columns = pour(blocks, frames())
    assert len(columns) > 3
    assert all(c.fill >= 0.9 for c in columns[:-1])


def test_a_split_never_leaves_a_single_line_on_either_side(ts):
    columns = pour([para(ts) for _ in range(9)], frames(130))
    for col in columns:
        for placed in col.placed:
            assert len(placed.block.para.lines) >= 2


def test_a_heading_never_ends_a_column(ts):
    blocks = []
    for k in range(8):
        blocks.append(para(ts, "Heading", keep_with_next=True, min_lines=1))
        blocks.append(para(ts))
    for col in pour(blocks, frames(150)):
        assert not col.placed[-1].block.keep_with_next


def test_a_long_table_splits_between_rows_and_repeats_its_header(ts):
    cell = lambda text: Cell(ts.set([Span(text, Style(9))], 60, 1.25))  # noqa: E731
    caption = para(ts, "Caption", min_lines=1)
    continued = para(ts, "Caption (continued)", min_lines=1)
    table = Table(widths=[66, 66, 66], header=[cell("A"), cell("B"), cell("C")],
                  rows=[[cell(f"row {r}"), cell("x"), cell("y")] for r in range(40)], caption=caption,
                  continued=continued)
    columns = pour([table], frames(200))
    parts = [p.block for c in columns for p in c.placed]
    assert len(parts) > 1
    assert parts[0].caption is caption and all(p.caption is continued for p in parts[1:])
    assert sum(len(p.rows) for p in parts) == 40
    # each part keeps the heights measured once for the whole table, row for row
    assert all(p.heights == [p.row_height(r) for r in p.rows] for p in parts)
    assert [p.first_row for p in parts] == [sum(len(q.rows) for q in parts[:k]) for k in range(len(parts))]
    assert all(c.fill >= 0.8 for c in columns[:-1])


def test_a_picture_that_does_not_fit_lets_the_text_after_it_go_first(ts):
    blocks = [para(ts), Image(path=None, w=150, h=150), para(ts), para(ts)]
    columns = pour(blocks, frames(200))
    first = [type(p.block).__name__ for p in columns[0].placed]
    assert first[0] == "Para" and "Image" not in first
    assert columns[0].fill >= 0.8
    assert any(isinstance(p.block, Image) for p in columns[1].placed)


def test_a_table_never_leaves_one_row_alone_at_the_foot_or_the_top_of_a_column(ts):
    cell = lambda text: Cell(ts.set([Span(text, Style(9))], 60, 1.25))  # noqa: E731
    caption = para(ts, "Caption", min_lines=1)
    for rows in range(3, 12):
        for filler in range(1, 14):
            table = Table(widths=[66, 66, 66], header=[cell("A"), cell("B"), cell("C")],
                          rows=[[cell(f"row {r}"), cell("x"), cell("y")] for r in range(rows)], caption=caption,
                          continued=caption)
            blocks = [para(ts, "Words. " * 12 * filler, space_after=4), table]
            parts = [p.block for c in pour(blocks, frames(200)) for p in c.placed if isinstance(p.block, Table)]
            assert sum(len(p.rows) for p in parts) == rows
            if len(parts) > 1:
                assert all(len(p.rows) >= 2 for p in parts), (rows, filler, [len(p.rows) for p in parts])


def test_a_table_of_twenty_thousand_rows_is_poured_whole_however_many_pages_it_takes(ts):
    # one set cell shared by every row keeps this a test of pouring, not of setting 60,000 cells
    cell = Cell(ts.set([Span("row", Style(9))], 60, 1.25))
    table = Table(widths=[66, 66, 66], header=[cell, cell, cell], rows=[[cell, cell, cell] for _ in range(20_000)],
                  caption=None, continued=None)
    columns = pour([table], frames(200))
    assert sum(len(p.block.rows) for c in columns for p in c.placed) == 20_000
    assert max(c.page for c in columns) + 1 > 200   # well past the old hidden limit of 200 pages


def test_a_picture_taller_than_any_column_is_placed_and_pouring_ends(ts):
    columns = pour([Image(path=None, w=150, h=500), para(ts)], frames(200))
    placed = [p.block for c in columns for p in c.placed]
    assert sum(isinstance(b, Image) for b in placed) == 1
    assert sum(isinstance(b, Para) for b in placed) >= 1


def test_balancing_a_last_page_never_parts_a_heading_from_its_only_line(ts):
    from generator.layout.flow import balanced

    columns = balanced([para(ts, "Heading", keep_with_next=True, min_lines=1),
                        para(ts, "Some text.", min_lines=1)], frames(200))
    assert [len(c.placed) for c in columns] == [2]
