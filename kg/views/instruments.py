"""The instrument coding of a corpus as the policy-text literature lays it out, for a spreadsheet.

- ``instruments.csv`` and ``instruments.xlsx``: one row for each sentence coded, in the literature's layout
  (document – task – item number – measure – type – kind – cue – sentence), from the ``instruments``
  question;
- ``instruments-by-task.csv``: the cross table of kinds against the tasks of each plan (how many
  sentences of each task use each kind), the second table such studies publish.

The same graph always gives the same bytes (the workbook's dates and its zip entries' times are fixed).
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from collections import Counter

from kg.query.results import Table, cell, to_csv

_FIXED = _dt.datetime(2000, 1, 1)


def coding_rows(table) -> list[list[str]]:
    """The rows of the ``instruments`` question as text, in its column order."""
    return [[cell(term) for term in row] for row in table.rows]


def cross_rows(rows: list[list[str]]) -> tuple[list[str], list[list]]:
    """The header and rows of the cross table: for each document and task, the count of each kind."""
    kinds = sorted({(r[5], r[6]) for r in rows})
    counts: dict[tuple, Counter] = {}
    for r in rows:
        counts.setdefault((r[0], r[1], r[2]), Counter())[(r[5], r[6])] += 1
    header = ["document", "task_order", "task"] + [f"{t}/{k}" if t else k for t, k in kinds] + ["total"]
    ordered = sorted(counts.items(), key=lambda kv: (kv[0][0], _order(kv[0][1]), kv[0][2]))  # tasks by number
    return header, [[*where, *(count[k] for k in kinds), sum(count.values())] for where, count in ordered]


def _order(text: str) -> float:
    return int(text) if text.isdigit() else float("inf")  # a guarantee measure has no task number: last


def to_xlsx(header, rows, title: str = "instruments") -> bytes:
    """A workbook of one sheet, its header bold and frozen, the same bytes for the same rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(list(header))
    for c in ws[1]:
        c.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for row in rows:
        ws.append([int(v) if isinstance(v, str) and v.isdigit() and len(v) < 10 else v for v in row])
    wb.properties.created = wb.properties.modified = _FIXED
    raw = io.BytesIO()
    wb.save(raw)
    return _fixed_times(raw.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """The zip ``data`` with every entry dated 1980-01-01 and the workbook's own dates fixed (openpyxl
    stamps the save time on it), so that no time is written."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content)
            dst.writestr(fixed, content)
    return out.getvalue()


def files(table) -> dict[str, bytes]:
    """The three files of ``policykg instruments`` from the ``instruments`` question's answer."""
    rows, header = coding_rows(table), table.columns  # the question's columns, in its order
    cross_header, cross = cross_rows(rows)
    return {"instruments.csv": to_csv(table).encode("utf-8"), "instruments.xlsx": to_xlsx(header, rows),
            "instruments-by-task.csv": to_csv(Table(cross_header, cross)).encode("utf-8")}
