"""Nothing is dropped: a very long table prints every row, on as many pages as it takes, read back
with pdfium (what Chrome's PDF viewer copies), never cut short with exit 0."""
from __future__ import annotations

import re

import pytest

from generator import cli

from helpers import pdf_page_texts

ROWS = 20_000


def _content(folder, outputs: str):
    rows = "\n".join(f'      - ["Row {i}", "cell", "x"]' for i in range(ROWS))
    path = folder / "content.yaml"
    path.write_text(f"title: T\nsummary: S\nsections:\n  - id: a\n    title: A\n    text: Some text.\n"
                    f"    table: big\ntables:\n  - id: big\n    title: Big table\n    columns: [A, B, C]\n"
                    f"    rows:\n{rows}\nbuild:\n  outputs: [{outputs}]\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_a_twenty_thousand_row_table_prints_every_row_on_the_fact_sheet(tmp_path, capsys):
    code = cli.main([str(_content(tmp_path, "factsheet")), "-o", str(tmp_path / "out")])
    assert code == 0, capsys.readouterr().err
    pages = pdf_page_texts(tmp_path / "out" / "en" / "factsheet.pdf")
    printed = {int(n) for page in pages for n in re.findall(r"\bRow (\d+)\b", page)}
    assert printed == set(range(ROWS)), f"{ROWS - len(printed)} rows missing"
    assert len(pages) > 200
    assert f"runs to {len(pages)} pages" in capsys.readouterr().err
