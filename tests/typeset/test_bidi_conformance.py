"""Unicode's own conformance test for the bidi algorithm (UAX #9), BidiCharacterTest.txt, run through
typeset/bidi.py: every line's resolved levels (rules P to I, with our N0 for brackets and L1) and
its visual order (L2).

bidi.py calls private steps of python-bidi's older Python module, so an upgrade could change the
order of Arabic text without a word. The file pins it: a line that conforms must keep conforming, and
the lines where our result differs from Unicode's (bracket pairs that our N0 resolves more simply,
isolates taken as embeddings, a few embedding cases) are listed in data/bidi-deviations.txt with a
digest of what we print for each, so any change to them fails too. A deviation that starts to conform
fails as well, until it is removed from the list (run this file with --record after checking).

data/BidiCharacterTest-15.0.0.txt.gz is Unicode's complete file, unmodified, from Debian's
unicode-data 15.0.0-1 (/usr/share/unicode/), compressed with `gzip -9 -n` (6.9 MB to 0.4 MB); its
header carries Unicode's terms of use. The algorithm reads bidi classes from Python's own Unicode
data: a line with a character that data does not know is skipped and counted.
"""
from __future__ import annotations

import gzip
import hashlib
import sys
import unicodedata
from pathlib import Path

import pytest

from generator.typeset.bidi import levels, line_levels, visual_order

DATA = Path(__file__).resolve().parent / "data"
TEST_FILE = DATA / "BidiCharacterTest-15.0.0.txt.gz"
DEVIATIONS = DATA / "bidi-deviations.txt"


def cases(every: int = 1):
    """(line number, text, paragraph level, expected levels with None for 'x', expected order) of
    every nth case."""
    k = -1
    with gzip.open(TEST_FILE, "rt", encoding="utf-8") as fh:
        for number, raw in enumerate(fh, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            k += 1
            if k % every:
                continue
            cps, _, para, lv, order = line.split(";")
            text = "".join(chr(int(c, 16)) for c in cps.split())
            want = [None if x == "x" else int(x) for x in lv.split()]
            yield number, text, int(para), want, [int(x) for x in order.split()]


def ours(text: str, para: int) -> tuple[list[int], list[int]]:
    """Our levels (after rule L1) and visual order of one line, as the file writes them."""
    got = line_levels(text, levels(text, para == 1), para)
    return got, visual_order(got)


def run(every: int = 1, seen: set | None = None) -> tuple[int, int, dict[int, str]]:
    """(conforming, skipped, deviations: line -> what we print) over every nth case (their line
    numbers added to seen)."""
    conforming, skipped, deviations = 0, 0, {}
    for number, text, para, want, order in cases(every):
        if seen is not None:
            seen.add(number)
        if any(not unicodedata.bidirectional(ch) for ch in text):
            skipped += 1
            continue
        got, _ = ours(text, para)
        keep = [i for i, w in enumerate(want) if w is not None]
        shown = [keep[k] for k in visual_order([got[i] for i in keep])]
        if all(got[i] == want[i] for i in keep) and shown == order:
            conforming += 1
        else:
            deviations[number] = f"{number}:{' '.join(map(str, (got[i] for i in keep)))};{' '.join(map(str, shown))}"
    return conforming, skipped, deviations


def digest(deviations: dict[int, str]) -> str:
    return hashlib.sha256("\n".join(deviations[k] for k in sorted(deviations)).encode()).hexdigest()


def read_deviations() -> tuple[set[int], str]:
    """The recorded deviating line numbers and the digest of what we print for them."""
    lines, recorded = set(), ""
    for raw in DEVIATIONS.read_text(encoding="utf-8").splitlines():
        if raw.startswith("# digest: "):
            recorded = raw.split(": ", 1)[1].strip()
        elif raw.strip() and not raw.startswith("#"):
            for part in raw.split(","):
                low, _, high = part.strip().partition("-")
                lines.update(range(int(low), int(high or low) + 1))
    return lines, recorded


def record() -> None:
    """Write data/bidi-deviations.txt from the current behaviour (after checking that it is right)."""
    conforming, skipped, deviations = run()
    numbers, ranges = sorted(deviations), []
    for n in numbers:
        if ranges and ranges[-1][1] == n - 1:
            ranges[-1][1] = n
        else:
            ranges.append([n, n])
    parts = [f"{a}-{b}" if a != b else str(a) for a, b in ranges]
    body = "\n".join(", ".join(parts[k:k + 12]) for k in range(0, len(parts), 12))
    DEVIATIONS.write_text(
        "# Lines of BidiCharacterTest-15.0.0.txt where typeset/bidi.py does not give Unicode's result\n"
        f"# ({len(numbers)} of {conforming + len(numbers)}; written by tests/typeset/test_bidi_conformance.py "
        "--record).\n# Nearly all are bracket pairs (rule N0), which python-bidi's Python module leaves out and\n"
        "# bidi.py resolves more simply; the rest are isolates, which that module predates (taken as\n"
        "# embeddings), and a few explicit embeddings.\n"
        f"# digest: {digest(deviations)}\n{body}\n", encoding="utf-8")


def test_unicodes_conformance_file_is_the_complete_one():
    with gzip.open(TEST_FILE, "rb") as fh:
        data = fh.read()
    assert hashlib.sha256(data).hexdigest() == "3c423c301f7b8dc41b879062cbf01fd1b4ec2ea4826e20d276c44b52129a01b6"
    assert data.startswith(b"# BidiCharacterTest-15.0.0.txt")


def test_one_line_in_twenty_gives_unicodes_order_or_a_recorded_deviation():
    sampled: set[int] = set()
    conforming, skipped, deviations = run(every=20, seen=sampled)
    known, _ = read_deviations()
    assert skipped <= 10 and conforming >= 4_200
    assert not set(deviations) - known, [deviations[n] for n in sorted(set(deviations) - known)[:3]]
    assert not (known & sampled) - set(deviations), sorted((known & sampled) - set(deviations))[:5]


@pytest.mark.slow
def test_every_line_gives_unicodes_order_or_exactly_the_recorded_deviation():
    conforming, skipped, deviations = run()
    known, recorded = read_deviations()
    assert skipped <= 200, f"{skipped} lines hold characters this Python's Unicode data does not know"
    broke = sorted(set(deviations) - known)
    assert not broke, (f"{len(broke)} lines no longer give Unicode's levels or order (python-bidi upgraded?), "
                       f"such as {[deviations[n] for n in broke[:3]]}")
    fixed = sorted(known - set(deviations))
    assert not fixed, (f"{len(fixed)} recorded deviations now conform, such as lines {fixed[:5]}; check, then "
                       "run this file with --record")
    assert digest(deviations) == recorded, ("the order of the lines recorded as deviations changed (python-bidi "
                                            "upgraded?); check the Arabic outputs, then run this file with --record")
    assert conforming + len(deviations) + skipped == 91_707 and conforming >= 85_000


def test_isolates_no_longer_stop_the_algorithm():
    # python-bidi's Python module asserts on LRI ... PDI; pasted text can hold them
    text = "\u0645\u0631\u062d\u0628\u0627 \u2066ABC 2022\u2069 \u0645\u0631\u062d\u0628\u0627"
    got, order = ours(text, 1)
    assert len(got) == len(text) and sorted(order) == list(range(len(text)))
    assert [text[i] for i in order if text[i] in "ABC"] == ["A", "B", "C"]   # Latin still reads left to right


if __name__ == "__main__":
    if sys.argv[1:] == ["--record"]:
        record()
        print(DEVIATIONS.read_text(encoding="utf-8").splitlines()[1])
