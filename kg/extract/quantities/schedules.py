"""Tiered schedules: tables that set a value for each band (阶梯电价, 补贴标准 by size).

A table that is no indicator table (no 指标 column with years) but whose cells
hold bands (0-3120（含）, 4800以上) sets the policy's values band by band: each
band is a threshold (it decides which row applies to whom) and each other
number in the row a parameter (the price, rate or amount for that band). Its
values take the unit of their column (电价水平（元/度） gives 元/度) where the
cell writes none.

A table keyed by a class in its header row (设计速度(km/h) | 100 | 80, a technical
standard's) sets a value for each class in each row: the keys are thresholds and the
numbers under them parameters (:meth:`ScheduleReader.keyed`).

A row that lost its first cells to a merged cell (|谷时段| 0.307 | under
|第一档| 0-3120（含）|峰时段| 0.617 |) is aligned to the header from the right.
Rows that say nothing numeric, and the separator and empty rows of a Markdown
table, are skipped; so are a row's number (序号) and cells that read as
sentences (a task of a task-division table) or state a level or a change
(较2020年下降14%, 比例达到95%: a table of goals), which are read as prose.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extract.records import Comparator, Parameter, Threshold
from kg.nlp.numbers import ARABIC_RE
from kg.nlp.script import HAN_CHAR

_MARKUP = re.compile(r"<[^<>]{1,10}>")  # <br> left in a cell by a page's table


class ScheduleReader:
    def __init__(self, tables) -> None:
        self.tables = tables

    def __call__(self, a, reader, rows: list) -> bool:
        """Read ``rows`` (cells of a table that is no indicator table, its empty rows left out) if they form a
        tiered schedule; return whether they did."""
        text = a.text
        header_at = next((k for k, r in enumerate(rows) if len(r) >= 2 and all(HAN_CHAR.search(c.text) for c in r if c.text)
                          and not any(reader.finder.reader.quantities(text, c.start, c.end) for c in r)), None)
        if header_at is None:
            return False
        header = rows[header_at]
        body = []
        for row in rows[header_at + 1:]:
            while row and not row[-1].text:
                row = row[:-1]  # |第二档| 3120-4800（含）| 0.667 | |: a cell left empty at the end
            if not row or len(row) > len(header):
                continue
            offset = len(header) - len(row)  # a merged cell took the row's first cells
            readings = []
            for k, cell in enumerate(row):
                if self.tables.prose(cell) or header[offset + k].text.startswith(self.tables.heads["seq"]):
                    continue  # a task written as a sentence, a row's number: no band and no value of one
                qs = [q for q in reader.finder.reader.quantities(text, cell.start, cell.end)
                      if not self.tables.footnote.fullmatch(text[q.start:q.end])]
                if len(qs) == 1:
                    m = reader.finder.mention(text, qs[0], cell.start, cell.end, cell.start)
                    if m.change is not None or any(w in cell.text for w in reader.roles.reach_words):
                        continue  # 较2020年下降14%, 比例达到95%: a statement of a level or a change, no band
                    readings.append((header[offset + k], cell, m))
            label = next((c.text for c in row if c.text and HAN_CHAR.search(c.text)
                          and not reader.finder.reader.quantities(text, c.start, c.end)), "")
            if readings and not label and len(readings) == len(row):
                continue  # |不满1千伏| 10千伏|: a row of column heads, not of values
            if readings:
                body.append((label, readings))
        if not any(self._band(m) for _, readings in body for _, _, m in readings):
            return False  # no band: a list, not a schedule
        for label, readings in body:
            banded = any(self._band(m) for _, _, m in readings) and len(readings) > 1
            for head, cell, m in readings:
                self.record(a, reader, label, head, cell, m, banded and self._band(m))
        return True

    def keyed(self, a, reader, rows: list) -> bool:
        """Read ``rows`` if they form a table keyed by a class in its header row (设计速度(km/h) | 100 | 80 | 60):
        each key is a threshold (the class a column is for) and each number under it a parameter of its row's
        label, for that class (停车视距(m) | 160 | 110 | 75: 160 m at 100 km/h); return whether they did. Years
        (2020 | 2025) are no keys: a table of years is read as one of indicators."""
        tables = self.tables
        if len(rows) < 2:
            return False
        header, body = rows[0], rows[1:]
        key, key_unit = tables.indicator(header[0].text, "")
        keys = header[1:]
        if len(keys) < 2 or not key_unit or not body or not all(self._key(c.text) for c in keys):
            return self._keyed_rows(a, reader, rows)
        for cell in keys:
            self._cell(a, reader, Threshold, "table.key", key, key_unit, cell)
        for row in body:
            label, unit = tables.indicator(row[0].text, "")
            for head, cell in zip(keys, row[1:]):
                if label and ARABIC_RE.fullmatch(cell.text):
                    self._cell(a, reader, Parameter, "table.keyed", f"{label}（{key}{head.text}{key_unit}）", unit, cell)
        return True

    def _keyed_rows(self, a, reader, rows: list) -> bool:
        """A table keyed in its first column under a header of one or more rows (主要公路设计速度（km/h） |
        左转视距三角区长度（m） / 一级公路 / 小客车, then 100 | 170 | 225): each key a threshold, each number of its row a
        parameter of its column's heads, for that class."""
        depth = next((k for k, row in enumerate(rows) if any(ARABIC_RE.fullmatch(c.text) for c in row)), len(rows))
        body = rows[depth:]
        if not depth or not body or any(len(row) != len(rows[0]) or not self._key(row[0].text) for row in body):
            return False
        heads = [list(dict.fromkeys(rows[k][j].text for k in range(depth) if j < len(rows[k]) and rows[k][j].text))
                 for j in range(len(rows[0]))]
        key, key_unit = self.tables.indicator(" ".join(heads[0]), "")
        if not key_unit:
            return False
        for row in body:
            self._cell(a, reader, Threshold, "table.key", key, key_unit, row[0])
            for column, cell in zip(heads[1:], row[1:]):
                named = [self.tables.indicator(h, "") for h in column]
                measure, unit = next(((n, u) for n, u in named if u), (column[0] if column else "", ""))
                qualifiers = "，".join(n for n, u in named if not u)
                where = f"{qualifiers}，" if qualifiers else ""
                if ARABIC_RE.fullmatch(cell.text):
                    self._cell(a, reader, Parameter, "table.keyed", f"{measure}（{where}{key}{row[0].text}{key_unit}）",
                               unit, cell)
        return True

    def _key(self, text: str) -> bool:
        """A cell that keys a class: a plain number, no year."""
        return ARABIC_RE.fullmatch(text) is not None and not self.tables.is_year(text)

    def _cell(self, a, reader, cls, rule: str, indicator: str, unit: str, cell) -> None:
        value, _, recorded = self.tables.in_unit(Decimal(cell.text.replace(",", "")), None, None, unit)
        record = self.tables.figure(a, reader, cls, rule, indicator, Comparator.EQUAL, value, None, recorded or None,
                                    cell.start, cell.end)
        (a.found.thresholds if cls is Threshold else a.found.parameters).append(record)

    @staticmethod
    def _band(m) -> bool:
        return m.quantity.value_max is not None or m.written

    def record(self, a, reader, label: str, head, cell, m, band: bool) -> None:
        q = m.quantity
        column, unit = self.tables.indicator(head.text, "")
        value, value_max, recorded = self.tables.in_unit(q.value, q.value_max, q.unit, unit)
        label = _MARKUP.sub("", label)
        indicator = f"{label}{column}" if label and label != cell.text else column
        cls, rule = (Threshold, "table.band") if band else (Parameter, "table.schedule")
        record = self.tables.figure(a, reader, cls, rule, indicator, m.comparator, value, value_max, recorded,
                                    q.start, q.end, evidence=(cell.start, cell.end))
        (a.found.thresholds if band else a.found.parameters).append(record)
