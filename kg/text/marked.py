"""Tables written as HTML markup inside a plain text: a PDF read by OCR into Markdown.

Converters from PDF to Markdown (and the OCR models behind them) write a table as
HTML, each table on a line of its own, inside text that is otherwise prose::

    表1：2021年地区生产总值
    <table><tr><td>指标</td><td>2021年（亿元）</td><td>比上年增长（%）</td></tr><tr><td>地区生产总值</td>…</table>

Left as it is, the tags are glued to the numbers (``</td><td>19917.0</td><td>8.6``)
and the readers of tables never see a row. :func:`marked_tables` returns each row
``<tr>`` as the spans of its cells' text (the text between the tags) under each
column, as :mod:`kg.text.stacked` does, for :func:`kg.text.normalize.normalize`
to write as rows ``| a | b |``. A cell spanning columns (``colspan``) leaves the
columns after it empty; one spanning rows (``rowspan``) leaves its column empty
in the rows below. Only a table that opens and closes its own lines is read: one
quoted inside a sentence stays text.
"""

from __future__ import annotations

import re

from kg.text.spans import trimmed

Span = tuple[int, int]

_TABLE = re.compile(r"(?im)^[ \t]*<table\b[^>]*>.*?</table>[ \t]*$", re.S)
_ROW = re.compile(r"(?is)<tr\b[^>]*>(.*?)(?:</tr>|(?=<tr\b)|(?=</table>))")
_CELL = re.compile(r"(?is)<t([dh])\b([^>]*)>(.*?)(?:</t[dh]>|(?=<t[dh]\b)|(?=</tr>)|$)")
_SPAN = re.compile(r"(?i)\b(colspan|rowspan)\s*=\s*[\"']?(\d+)")
_TAG = re.compile(r"<[^>]*>|&(?:nbsp|#160);")
_MAX_SPAN = 50  # a colspan or rowspan past this is a converter's slip, read as 1


def marked_tables(text: str) -> list[tuple[int, int, int, list[list[Span]]]]:
    """Rows ``(start, end, newline_at, spans under each column)`` of the HTML tables written in ``text``;
    the first row starts where its table's markup does and the last ends where it closes."""
    if "<t" not in text and "<T" not in text:
        return []
    out: list = []
    for table in _TABLE.finditer(text):
        rows = _rows(text, table.start(), table.end())
        if not rows:
            continue
        rows[0] = (table.start(), *rows[0][1:])
        rows[-1] = (rows[-1][0], table.end(), table.end() - 1, rows[-1][3])
        out.extend(rows)
    return out


def _rows(text: str, lo: int, hi: int) -> list:
    rows: list = []
    below: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
    for row in _ROW.finditer(text, lo, hi):
        placed: list[list[Span]] = []
        column = 0
        for cell in _CELL.finditer(text, row.start(1), row.end(1)):
            while below.get(column, 0) > 0:
                below[column] -= 1
                placed.append([])
                column += 1
            spans = dict((k.lower(), min(int(v), _MAX_SPAN)) for k, v in _SPAN.findall(cell.group(2)))
            placed.append(_pieces(text, cell.start(3), cell.end(3)))
            across = max(spans.get("colspan", 1), 1)
            if spans.get("rowspan", 1) > 1:
                for c in range(column, column + across):
                    below[c] = spans["rowspan"] - 1
            placed.extend([] for _ in range(across - 1))
            column += across
        for c in [c for c, left in below.items() if c >= column and left > 0]:
            below[c] -= 1
        if any(placed):
            rows.append((row.start(), row.end(), row.end() - 1, placed))
    return rows


def _pieces(text: str, start: int, end: int) -> list[Span]:
    """The runs of a cell's text between its inner tags (<br>, <b>…</b>), each stripped of spaces."""
    out = []
    pos = start
    for m in [*_TAG.finditer(text, start, end), None]:
        s, e = trimmed(text, pos, m.start() if m else end)
        if s < e:
            out.append((s, e))
        if m:
            pos = m.end()
    return out
