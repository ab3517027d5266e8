"""Pouring blocks into columns and pages, as a designer packs them: a column is filled before the next
one starts (blocks split between lines or rows), a heading never ends a column, and a picture that
does not fit lets the text after it go first instead of leaving a hole."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from .blocks import SLACK, Block, Image

FULL_ENOUGH = 0.8   # a column may be left this full when what comes next cannot be split
TALL = 3            # an item taller than a third of the column need not come whole with its heading
BISECTIONS = 10     # steps at balancing the last page's columns (each halves the uncertainty)


@dataclass(frozen=True)
class Frame:
    """A column on a page: its left edge, top, width and height."""

    x: float
    y: float
    w: float
    h: float


@dataclass
class Placed:
    """A block (or part of one) at its place in a column."""

    block: Block
    frame: Frame
    top: float          # distance from the frame's top
    at_top: bool


@dataclass
class Column:
    frame: Frame
    page: int
    placed: list

    @property
    def used(self) -> float:
        if not self.placed:
            return 0.0
        last = self.placed[-1]
        return last.top + last.block.body_height()

    @property
    def fill(self) -> float:
        return self.used / self.frame.h if self.frame.h else 1.0


def pour(blocks: list[Block], frames: Callable[[int], list[Frame]]) -> list[Column]:
    """The columns, page by page in reading order, that the blocks fill; frames(page) gives a page's
    columns in reading order (right first on a right-to-left page). Every block is placed, however
    many pages that takes: each column places at least one block or part, so pouring always ends."""
    queue = list(blocks)
    columns: list[Column] = []
    page = 0
    while queue:
        page_frames = frames(page)
        if not page_frames:
            raise ValueError(f"page {page + 1} has no column to pour into")
        for frame in page_frames:
            if not queue:
                break
            column = Column(frame, page, [])
            _fill(column, queue)
            if not column.placed:   # only a picture taller than any column, deferred: it overflows here
                column.placed.append(Placed(queue.pop(0), frame, 0.0, True))
            columns.append(column)
        page += 1
    return columns


def _fits_with_next(queue, k, used, room) -> bool:
    """A keep-with-next block at k fits only with the start of what follows it. A heading (keep_items)
    fits only with that many of its items: those before the last whole (unless one is taller than a
    third of the column: then its start is enough), and the start of the last."""
    block = queue[k]
    need = block.height(used == 0)
    j, items, whole = k, 0, block.keep_items > 1
    while j + 1 < len(queue) and (queue[j].keep_with_next or items < block.keep_items):
        j += 1
        nxt = queue[j]
        if nxt.keep_items:   # the next heading: this section has no more items
            break
        tall = nxt.height(False) > room / TALL
        whole = whole and not tall
        if nxt.keep_with_next:   # a lead-in goes with what it leads into
            if tall:
                need += nxt.min_height(False)
                break
            need += nxt.height(False)
            continue
        need += nxt.height(False) if whole else nxt.min_height(False)
        items += 1
        if not whole or items >= block.keep_items:
            break
        whole = items < block.keep_items - 1
    return used + need <= room + SLACK


def _fill(column: Column, queue: list[Block]) -> None:
    room = column.frame.h
    used = 0.0
    deferred: list[Block] = []
    while queue:
        block = queue[0]
        at_top = used == 0
        if (block.keep_with_next or block.keep_items) and len(queue) > 1 and not _fits_with_next(queue, 0, used, room):
            if at_top:  # a heading too big even at the top: place it anyway
                pass
            else:
                break
        h = block.height(at_top)
        if used + h <= room + SLACK:
            column.placed.append(Placed(block, column.frame, used + (0 if at_top else block.space_before), at_top))
            used += h
            queue.pop(0)
            continue
        first, rest = block.split(room - used, at_top)
        if first is not None:
            column.placed.append(Placed(first, column.frame, used + (0 if at_top else first.space_before), at_top))
            queue[0:1] = [rest] if rest is not None else []
            break
        if isinstance(block, Image) and used / room < FULL_ENOUGH and not deferred:
            # a picture that does not fit waits for the next column; the text after it goes first
            deferred.append(queue.pop(0))
            continue
        if at_top:  # too tall for any column: it overflows here rather than loop forever
            column.placed.append(Placed(block, column.frame, 0.0, True))
            queue.pop(0)
        break
    queue[0:0] = deferred


def balanced(blocks: list[Block], frames: Callable[[int], list[Frame]]) -> list[Column]:
    """pour(), with the last page's columns as even as the blocks allow: its columns are shortened as
    far as the blocks still fit on the same pages (a designer balances the columns of a last page
    rather than fill one and leave the next empty)."""
    columns = pour(blocks, frames)
    if not columns:
        return columns
    last = columns[-1].page
    if len(frames(last)) < 2:
        return columns
    tallest = max(c.used for c in columns if c.page == last)
    lo, hi, best = tallest / len(frames(last)) - 1.0, tallest, columns
    for _ in range(BISECTIONS):
        mid = (lo + hi) / 2
        trial = pour(blocks, lambda page: [replace(f, h=min(f.h, mid)) for f in frames(page)] if page == last
                     else frames(page))
        ends = [c for c in trial if c.page == last]
        fits = trial[-1].page == last and all(c.used <= mid + SLACK for c in ends) and \
            not any(c.placed and c.placed[-1].block.keep_with_next for c in ends[:-1])   # no heading left behind
        if fits:
            best, hi = trial, mid
        else:
            lo = mid
        if hi - lo < 1.0:
            break
    return best
