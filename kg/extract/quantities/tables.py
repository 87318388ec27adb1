"""Indicator tables: the 主要指标 tables of plans, as baselines and targets.

A table reaches the rules as rows ``| a | b | c |``, one a line: cells of a
.docx or an HTML ``<table>`` (:mod:`kg.text.read`), or columns rebuilt from
a PDF's layout. A table is an indicator table when a header row names an
indicator column (指标) and year or value columns (2020年 | 2025年, 基期值 |
目标值, 年均增长). Each row then gives, for its indicator:

- a baseline for each base-year column (a year before the plan's; 现状值);
- a target for each later year's column (its deadline) or target column;
- a target per year for a growth column (年均增长: annual, a change up);
- a target change for a change column (2025年比2020年增长, 增减情况), its
  direction from its sign (-8%);
- the row's 属性 (预期性 expected, 约束性 binding) on each of them.

A cell is read as a little sentence of its own (>30, 6人（含）以下,
较“十二五”下降30%以上, 〔13.5〕 for a five-year total), with the unit of its
row (亿元 in the unit column, or （%） after the indicator) where it writes
none. Row numbers, footnote marks (①, [2], *) and empty cells (-, —, /) are
no values.

Header words are data, in ``resources/quantities.toml`` [tables].
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from kg.extract.quantities.schedules import ScheduleReader
from kg.extract.quantities.where import rulebook_at
from kg.extract.records import Attribute, Baseline, Change, Comparator, ContextFigure, Parameter, Period, Target
from kg.nlp.numbers import ARABIC, ARABIC_RE, Quantity, number_reader, plain
from kg.nlp.time import Deadline, Moment, time_reader
from kg.resources import compile_pattern, load_toml
from kg.nlp.script import HAN, HAN_CHAR
from kg.text.read import row_cells

_YEAR = re.compile(r"(?:19|20)\d{2}")
_HAN_GAP = re.compile(f"(?<=[{HAN}])\\s+(?=[{HAN}])")


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Column:
    index: int
    kind: str  # label, unit, attribute, base, target, growth, change, other
    year: int | None = None
    cumulative: bool = False
    done: bool = False  # in a report (a 统计公报): what the year reached, a baseline whatever the head
    unit: str = ""  # the unit its head writes (2021年（亿元）, 比上年增长（%）), for rows that write none


class TableReader:
    def __init__(self) -> None:
        cfg = load_toml("quantities.toml")["tables"]
        self.heads = {kind: tuple(cfg[f"{kind}_heads"]) for kind in
                      ("label", "unit", "attribute", "seq", "category", "growth", "change", "base", "target")}
        self.attributes = {word: Attribute(value) for word, value in cfg["attributes"].items()}
        self.cumulative = [tuple(pair) for pair in cfg["cumulative_marks"]]
        self.cumulative_heads = tuple(cfg["cumulative_heads"])
        self.level_words = tuple(cfg["level_words"])
        self.empty = set(cfg["empty_cells"])
        self.minus = tuple(cfg["minus"])
        self.signed = re.compile(f"[{re.escape(''.join(self.minus))}]?{ARABIC}")  # -0.1 in a column of changes
        self.footnote = compile_pattern(cfg["footnote"], "quantities.toml tables.footnote")
        self.unit_in_label = compile_pattern(cfg["unit_in_label"], "quantities.toml tables.unit_in_label")
        self.subrow_marks = tuple(cfg["subrow_marks"])
        self.schedules = ScheduleReader(self)
        self.setting_heads = tuple(cfg["setting_heads"])
        self.setting_units = dict(cfg["setting_units"])
        self.count_heads = tuple(cfg["count_heads"])
        self.caption_max = int(cfg["caption_max"])
        self.head_max = int(cfg["head_max"])
        self.prose_marks = tuple(cfg["prose_marks"])
        self.caption_unit = compile_pattern(cfg["caption_unit"], "quantities.toml tables.caption_unit")
        self.table_title = compile_pattern(cfg["table_title"], "quantities.toml tables.table_title")
        self.unit_line_max = 12  # a line that only gives the unit (单位：万元), under the table's title
        self.planned_captions = tuple(cfg["planned_captions"])
        self.forecast_captions = tuple(cfg["forecast_captions"])
        self.added_captions = tuple(cfg["added_captions"])
        # 完成时限 | 时间节点: the column of a task table that says when its row is due (responsibilities.toml)
        self.deadline_heads = tuple(load_toml("responsibilities.toml")["assignments"]["columns"]["deadline_heads"])
        numbers = number_reader()  # its multipliers and units scale a row's unit (万亿元)
        self.multipliers, self.units = numbers.multipliers, numbers.units

    # -- finding tables --------------------------------------------------------------------
    def __call__(self, a, reader) -> list[Cell]:
        """Read the indicator tables and tiered schedules of a document; return the cells of its other
        tables (a rubric, a list of measures), whose words the prose reader reads like any sentence."""
        doc = a.doc
        free: list[Cell] = []
        block: list = []
        caption = title = ""
        for p in [*doc.paragraphs, None]:
            if p is not None and p.role == "table":
                block.append(p)
                continue
            if block:
                named = self.table_title.search(caption) or self.caption_unit.search(caption)
                free.extend(self.table(a, reader, block, caption if named else title or caption))
            block = []
            line = a.text[p.start:p.end] if p is not None else ""
            unit_line = self.caption_unit.match(line.strip()) is not None and len(line.strip()) <= self.unit_line_max
            caption = (caption + line) if unit_line else line  # 表2 …涨跌幅度 / 单位：%: the title and its unit
            if p is None or p.role == "heading" or self.table_title.search(line) and len(line) <= self.caption_max:
                title = line if p is not None and p.role != "heading" else ""  # …重点项目表, above a table the
        return free  # page's end parted from it (its header repeated on the next page, after other lines)

    @staticmethod
    def cells(text: str, start: int, end: int) -> list[Cell]:
        """The cells of a row ``| a | b |`` at ``[start, end)``, with their clean offsets."""
        return [Cell(s, e, text[s:e]) for s, e in row_cells(text, start, end)]

    def prose(self, cell: Cell) -> bool:
        """A cell that reads as a sentence, not a head or a value: longer than `head_max`, or holding one of
        `prose_marks` (开办时间压缩至1个工作日以内。 in a task table)."""
        return len(cell.text) > self.head_max or any(mark in cell.text for mark in self.prose_marks)

    def header(self, rows: list[list[Cell]], now: int | None) -> tuple[int, list[Column]] | None:
        """The header row of an indicator table, and what each of its columns holds."""
        for k, row in enumerate(rows[:4]):
            if any(self.prose(c) for c in row):
                continue  # a row of a task table (推进…改革，…。 | 2025年12月): no header writes sentences
            columns = [replace(self.column(i, c.text, now), unit=self.indicator(c.text, "")[1]) for i, c in enumerate(row)]
            kinds = [c.kind for c in columns]
            if "label" in kinds and any(x in kinds for x in ("base", "target", "growth")):
                return k, columns
        return None

    def column(self, index: int, head: str, now: int | None) -> Column:
        head = "".join(head.split())
        marked = [head[head.find(o) + 1:head.find(c)] for o, c in self.cumulative if o in head and c in head]
        cumulative = any(w in head for w in self.cumulative_heads) and not any(  # 年均[累计]: annual, [..] totals
            w in part for part in marked for w in self.cumulative_heads)
        if any(head.startswith(w) for w in self.heads["seq"]):
            return Column(index, "seq")
        if any(w in head for w in self.heads["growth"]):
            return Column(index, "growth", self._year(head), cumulative)
        years = self.years(head)
        if any(w in head for w in self.heads["change"]):  # 2015年比2010年增长, “十一五”增减情况
            return Column(index, "change", max(years) if years else None, cumulative)
        if years:
            year = years[-1]
            aimed = any(w in head for w in self.heads["target"])  # “十四五”目标值 in a later plan: a target still
            if any(w in head for w in self.heads["base"]) or (now is not None and year < now and not aimed):
                return Column(index, "base", year)
            return Column(index, "target", year, cumulative)
        for kind in ("unit", "attribute", "base", "target", "label", "category"):
            if any(w in head for w in self.heads[kind]):
                return Column(index, kind, None, cumulative)
        return Column(index, "other")

    @staticmethod
    def years(text: str) -> list[int]:
        """The years a head or caption names: written out (2025年), else the last of the five-year plan it
        names (“十五五”目标值: 2030)."""
        years = [int(y) for y in _YEAR.findall(text)]
        if years:
            return years
        plan = time_reader().plan_named(text)
        return [plan[1]] if plan else []

    def _attribute_cells(self, rows, index: int) -> bool:
        """Whether every cell of column ``index`` that holds anything is an attribute (预期性, 约束性)."""
        cells = [r[index].text.strip() for r in rows if index < len(r) and r[index].text.strip()]
        return bool(cells) and all(cell in self.attributes for cell in cells)

    @staticmethod
    def is_year(text: str) -> bool:
        """Whether ``text`` is a year written alone (2025), no other number."""
        return _YEAR.fullmatch(text) is not None

    @staticmethod
    def _year(head: str) -> int | None:
        years = _YEAR.findall(head)
        return int(years[-1]) if years else None

    # -- one table ---------------------------------------------------------------------------
    def table(self, a, reader, paragraphs, caption: str = "") -> list[Cell]:
        """Read one table (``caption``: the line before it); return its cells if it is neither an indicator
        table nor a schedule."""
        text = a.text
        rows = [self.cells(text, p.start, p.end) for p in paragraphs]
        now = reader.now(a, paragraphs[0].start)
        reports = reader.roles.reports(a, paragraphs[0].start)
        found = self.header(rows, now + 1 if reports and now is not None else now)  # a report's own year is done
        if found is None:
            rows = [r for r in rows if any(c.text.strip("-—: ") for c in r)]  # no separator or empty rows
            if self.schedules(a, reader, rows) or self.schedules.keyed(a, reader, rows):  # a tiered or keyed schedule
                return []
            return self.settings(a, reader, rows, caption)
        k, columns = found
        if reports:  # 比上年增长（%） in a 统计公报: the change of the year reported
            columns = [replace(c, done=True, year=c.year or now) if c.kind in ("target", "growth", "change") else c
                       for c in columns]
        relabelled = [replace(c, kind="attribute") if c.kind == "label" and self._attribute_cells(rows[k + 1:], c.index)
                      else c for c in columns]  # 指标类型 over 预期性, 约束性: the attribute, though headed like a label
        columns = relabelled if any(c.kind == "label" for c in relabelled) else columns
        label_col = [c.index for c in columns if c.kind == "label"][-1]  # 一级指标 | 二级指标: the narrower
        unit_col = next((c.index for c in columns if c.kind == "unit"), None)
        attribute_col = next((c.index for c in columns if c.kind == "attribute"), None)
        deadline = max((c.year for c in columns if c.kind == "target" and c.year), default=None)
        plan_end = reader.plan_end(a, paragraphs[0].start)
        forecast = len(caption) <= self.caption_max and any(w in caption for w in self.forecast_captions)
        above = ""  # the unit of the row above: a part of it (其中 公园绿地) counts in it when its own cell is empty
        for row in rows[k + 1:]:
            if len(row) <= label_col:
                continue
            label = row[label_col].text
            if not label or not re.search(f"[{HAN}A-Za-z]", label):
                continue
            indicator, unit = self.indicator(label, row[unit_col].text if unit_col is not None and unit_col < len(row) else "")
            if not unit and label.lstrip().startswith(self.subrow_marks):
                unit = above
            above = unit
            attribute = None
            if attribute_col is not None and attribute_col < len(row):
                attribute = next((v for w, v in self.attributes.items() if w in row[attribute_col].text), None)
            for column in columns:
                if column.kind not in ("base", "target", "growth", "change") or column.index >= len(row):
                    continue
                cell = row[column.index]
                self.cell(a, reader, cell, column, indicator, unit or column.unit, attribute,
                          deadline or (plan_end.year if plan_end else None), forecast)
        return []

    def settings(self, a, reader, rows: list[list[Cell]], caption: str = "") -> list[Cell]:
        """A table that is neither: a plain number under a head that names a setting (各项分值, 补贴金额（元）)
        is a parameter of its row; under a head that counts or measures (充电站(座)), or in a table whose
        caption gives the unit of all its numbers (单位：%), a baseline of its row, or a target if the caption
        names a plan. Every other cell after the header row is returned, to be read as prose."""
        filled = [r for r in rows if any(c.text for c in r)]
        if len(filled) > 1 and sum(1 for c in filled[0] if c.text) == 1:
            caption = next(c.text for c in filled[0] if c.text)  # a title row across the table
            filled = filled[1:]
        if not filled:
            return []
        header, body = filled[0], filled[1:]
        if any(self.prose(c) for c in header):
            header, body = [Cell(c.start, c.start, "") for c in header], filled  # no header: all text
        heads = [self._setting_head(c.text) for c in header]
        counted = [self._counted_head(c.text) for c in header]
        now = reader.now(a, header[0].start)
        self._row_deadlines(a, reader, header, body, now)
        caption = caption if len(caption) <= self.caption_max else ""
        given = self.caption_unit.search(caption)
        if given:  # 单位：%: every number of the table is in it, under its column's head
            counted = [c or (None if h.text.startswith(self.heads["seq"]) else
                             (self.indicator("".join(h.text.split()), "")[0], given.group("unit")))
                       for c, h in zip(counted, header)]
        years = self.years(caption)  # 2021-2025年…新增充电设施规划, “十四五”…发展目标: due in 2025
        plan = dict(planned=any(w in caption for w in self.planned_captions),
                    forecast=any(w in caption for w in self.forecast_captions),  # 预测: neither state nor goal
                    due=Deadline(max(years)) if years else reader.plan_end(a, header[0].start),
                    added=Change.UP if any(w in caption for w in self.added_captions) else None,
                    change=any(w in caption for w in self.heads["change"]),  # …比上年涨跌幅度: changes
                    stated=max(years) if years and now is not None and max(years) < now else now,  # 表1 2024年…
                    rules=rulebook_at(reader.roles, a, header[0].start))  # a book of rules sets what its tables count
        prose: list[Cell] = []
        for row in body:
            aligned = len(row) == len(header)
            label = next((c.text for k, c in enumerate(row) if aligned and HAN_CHAR.search(c.text)
                          and heads[k] is None and counted[k] is None),  # 60周岁及以上 | 31031: a label
                         next((c.text for c in row if HAN_CHAR.search(c.text) and not ARABIC_RE.search(c.text)), ""))
            label = self.indicator(label, "")[0] if label else label
            for k, cell in enumerate(row):
                number = bool(label) and bool((self.signed if given else ARABIC_RE).fullmatch(cell.text))
                if number and aligned:
                    self._setting(a, reader, cell, label, heads[k], counted[k], plan)
                elif number and given:  # rows under a header of fewer cells (a head over two columns)
                    self._setting(a, reader, cell, label, None, ("", given.group("unit")), plan)
                elif aligned and label and (q := self._measured(a, reader, cell, header[k].text)) is not None:
                    name = self.indicator("".join(header[k].text.split()), "")[0]  # 服务半径 | 1.0公里
                    self._setting(a, reader, cell, label, heads[k] and (name, q.unit), (name, q.unit), plan, q)
                elif cell.text and not ARABIC_RE.fullmatch(cell.text):  # a bare number alone (序号 1) says nothing
                    prose.append(cell)
        return prose

    def _row_deadlines(self, a, reader, header: list[Cell], body: list[list[Cell]], now: int | None) -> None:
        """A column headed 完成时限 (a task-division table) gives the figures of its row their deadline: kept by
        the row's paragraph in ``a.memo["row deadlines"]``, for the prose reader of the row's cells."""
        due = next((k for k, c in enumerate(header) if "".join(c.text.split()).startswith(self.deadline_heads)), None)
        if due is None:
            return
        kept = a.memo.setdefault("row deadlines", {})
        for row in body:
            k = due - (len(header) - len(row))  # a row short of merged cells on its left
            if 0 <= k < len(row) and (d := reader.time.deadline(row[k].text, now)) is not None:
                kept[a.doc.paragraph_index(row[k].start)] = Moment(row[k].start, row[k].end, "deadline", d.year, d.month)

    def _measured(self, a, reader, cell: Cell, head: str) -> Quantity | None:
        """The quantity a cell is, written with its own unit (1.0公里), under a head that names what it measures
        (not a row number, nor the column of labels)."""
        head = "".join(head.split())
        if not HAN_CHAR.search(head) or head.startswith(self.heads["seq"]) or any(w in head for w in self.heads["label"]):
            return None
        found = reader.finder.reader.quantities(a.text, cell.start, cell.end)
        if len(found) != 1 or not found[0].unit or (found[0].start, found[0].end) != (cell.start, cell.end):
            return None
        return found[0]

    def _setting(self, a, reader, cell: Cell, label: str, setting, counted, plan: dict,
                 quantity: Quantity | None = None) -> None:
        """The figure of a number in a table of settings or counts (see :meth:`settings`), if its head says one;
        ``quantity``, the cell's own when it writes its unit."""
        if setting is not None or counted is not None and plan["rules"] and not plan["planned"]:
            setting = setting or counted  # 各项分值 | 8; in a book of rules, 单程里程（公里） | 60: a setting of the row
            a.found.parameters.append(self._figure(a, reader, Parameter, "table.setting", cell, label, *setting,
                                                   quantity=quantity))
        elif counted is not None and plan["planned"]:  # a caption of plans: 新增…规划表
            a.found.targets.append(self._figure(a, reader, Target, "table.planned", cell, label, *counted,
                                               deadline=plan["due"], change=plan["added"], quantity=quantity))
        elif counted is not None and not plan["forecast"]:  # 充电站数量（座） | 122: the state
            change = None
            if plan["change"]:  # -0.1 under a caption of changes: a fall of 0.1
                change = Change.DOWN if cell.text[:1] in self.minus else Change.UP
            a.found.baselines.append(self._figure(a, reader, Baseline, "table.count", cell, label, *counted,
                                                 year=plan["stated"], change=change, quantity=quantity))

    def _figure(self, a, reader, cls, rule: str, cell: Cell, label: str, name: str, unit: str,
                quantity: Quantity | None = None, **kw):
        """The figure of a cell holding a plain number, under a head ``name`` in ``unit``, in the row ``label``
        (or holding ``quantity``, a number with its unit)."""
        if quantity is not None:
            return self.figure(a, reader, cls, rule, f"{label}{name}", Comparator.EQUAL, quantity.value,
                               quantity.value_max, quantity.unit, cell.start, cell.end, **kw)
        value = Decimal(cell.text.lstrip("".join(self.minus)).replace(",", ""))
        if cell.text[:1] in self.minus and not kw.get("change"):
            value = -value  # a level below zero
        value, _, recorded = self.in_unit(value, None, None, unit)
        return self.figure(a, reader, cls, rule, f"{label}{name}", Comparator.EQUAL, value, None, recorded,
                           cell.start, cell.end, **kw)

    def in_unit(self, value: Decimal, value_max: Decimal | None, written: str | None, unit: str):
        """A cell's values and unit: the unit it writes, else its row's or column's (万吨: 10^4 吨)."""
        if written is not None or not unit:
            return value, value_max, written
        factor, recorded = self.scale(unit)
        return plain(value * factor), plain(value_max * factor) if value_max is not None else None, recorded

    @staticmethod
    def figure(a, reader, cls, rule: str, indicator: str, comparator, value: Decimal, value_max: Decimal | None,
               unit: str | None, start: int, end: int, evidence: tuple[int, int] | None = None, **kw):
        """A record of class ``cls`` for the number at ``[start, end)`` (its evidence, the whole cell if given)."""
        ev_start, ev_end = evidence or (start, end)
        return cls(indicator=indicator, comparator=comparator, value=plain(value),
                   value_max=plain(value_max) if value_max is not None else None, unit=unit,
                   evidence=a.evidence(ev_start, ev_end, rule), canonical_indicator=reader.canonical_indicator(indicator),
                   document=a.subject_at(start), number=a.doc.span(start, end), **kw)

    def _counted_head(self, head: str) -> tuple[str, str] | None:
        """The name and unit of a head that counts or measures something (充电站数量（座）, 合同容量（kVA）);
        not a row number (序号) nor a year."""
        head = "".join(head.split())
        if not head or any(head.startswith(w) for w in self.heads["seq"]) or _YEAR.search(head):
            return None
        name, unit = self.indicator(head, "")
        if not (unit or any(w in name for w in self.count_heads)):
            return None
        return name, unit

    def _setting_head(self, head: str) -> tuple[str, str] | None:
        """The name and unit of a head that names a setting (各项分值: 分; 补贴金额（元）: 元), else None."""
        head = "".join(head.split())
        word = next((w for w in self.setting_heads if w in head), None)
        if word is None:
            return None
        name, unit = self.indicator(head, "")
        return name, unit or self.setting_units.get(word, "")

    def indicator(self, label: str, unit_text: str) -> tuple[str, str]:
        """The indicator of a row and the unit its values are in (亿元, %)."""
        label = _HAN_GAP.sub("", self.footnote.sub("", label)).strip()  # a label wrapped over two lines
        for mark in self.subrow_marks:
            if label.startswith(mark) and len(label) > len(mark):
                label = label[len(mark):].lstrip()
                break
        unit = unit_text.strip()
        m = self.unit_in_label.search(label)
        if m and not unit:
            unit = m.group("unit")
        if m:
            label = (label[:m.start()] + label[m.end():]).strip()
        return label, "".join(unit.split())

    def scale(self, unit: str) -> tuple[Decimal, str | None]:
        """万亿元 is 10^12 元: the factor and the unit recorded."""
        factor = Decimal(1)
        rest = unit
        while rest and rest[0] in self.multipliers and rest[1:]:
            factor *= self.multipliers[rest[0]]
            rest = rest[1:]
        if not rest:
            return Decimal(1), None
        return factor, self.units.get(rest, rest)

    def cell(self, a, reader, cell: Cell, column: Column, indicator: str, unit: str,
             attribute: Attribute | None, deadline_year: int | None, forecast: bool = False) -> None:
        text = a.text
        raw = cell.text.strip()
        bracketed = any(raw.startswith(o) and raw.endswith(c) for o, c in self.cumulative)
        body = raw if bracketed else self.footnote.sub("", cell.text).strip()  # [20]: a value, no footnote
        if not body or body in self.empty:
            return
        cumulative = column.cumulative or bracketed
        quantities = reader.finder.reader.quantities(text, cell.start, cell.end)
        quantities = [q for q in quantities if not self.footnote.fullmatch(text[q.start:q.end])]
        if not quantities and unit:  # ≥2000 in a column of 亩 is an amount, not the year 2000
            m = ARABIC_RE.search(text, cell.start, cell.end)
            quantities = [Quantity(m.start(), m.end(), Decimal(m.group().replace(",", "")), None, None, m.group())] if m else []
        if not quantities:
            return
        q = quantities[0]
        m = reader.finder.mention(text, q, cell.start, cell.end, cell.start)
        value, value_max, recorded = self.in_unit(q.value, q.value_max, q.unit, unit)
        change = m.change
        period = Period.CUMULATIVE if cumulative else None
        if column.kind == "growth" and bracketed and any(w in body for w in self.level_words):
            pass  # [累计达到1000] under 年均[累计]: a level reached over the plan, in the row's unit
        elif column.kind == "growth":
            change, period = change or Change.UP, Period.CUMULATIVE if cumulative else Period.ANNUAL
            recorded = q.unit or "%"
        elif column.kind == "change" and change is None:  # -8%: the sign was left out of the number
            change = Change.DOWN if text[q.start - 1:q.start] in self.minus else Change.UP
        if forecast:  # 表2-1 …保有量预测: neither a state reached nor a goal set
            a.found.contexts.append(self.figure(a, reader, ContextFigure, "table.forecast", indicator, m.comparator,
                                                value, value_max, recorded, q.start, q.end, (cell.start, cell.end),
                                                change=change, period=period))
            return
        self.add(a, reader, column, q.start, q.end, indicator, m.comparator, value, value_max, recorded, change,
                 period, attribute, deadline_year, evidence=(cell.start, cell.end))

    @staticmethod
    def direction(value: Decimal) -> Change:
        """The direction of a change written with its sign (-8%, 5个百分点)."""
        return Change.DOWN if value < 0 else Change.UP

    def add(self, a, reader, column: Column, start: int, end: int, indicator: str, comparator, value: Decimal,
            value_max: Decimal | None, unit: str | None, change: Change | None, period: Period | None,
            attribute: Attribute | None, deadline_year: int | None, evidence: tuple[int, int] | None = None) -> None:
        """Record one cell's figure: a baseline for a base-year column, a target for any other."""
        common = (a, reader)
        args = (f"table.{column.kind}", indicator, comparator, value, value_max, unit, start, end, evidence)
        kw = dict(change=change, attribute=attribute, period=period)
        if column.kind == "base" or column.done:
            a.found.baselines.append(self.figure(*common, Baseline, *args, year=column.year, **kw))
        else:
            year = column.year or deadline_year
            a.found.targets.append(self.figure(*common, Target, *args, deadline=Deadline(year) if year else None, **kw))
