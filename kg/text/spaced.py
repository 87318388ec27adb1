"""Tables whose rows keep a line each, their cells parted by single spaces: a PDF's table as text.

A PDF's text, extracted without its layout, writes each row of a plan's
indicator table on one line, the cells parted by a space, and a cell too wide
for its column on lines of its own above and below the row (the PDF centres
the row on it)::

    序 “十四五”目标
    指 标 单位 属性
    号
    2025年 年均[累计]
    1 全市生产总值年均增长率 % 预期性 - 5左右
    万元/
    2 全员劳动生产率 预期性 36左右 -
    人
    全社会研发经费支出相当于
    6 % 预期性 4.5左右 -
    全市生产总值比例

Left alone, the row numbers and the values are read as quantities of the
lines' prose. This module finds such a table by its rows (lines that open with
1, 2, 3… in turn) under a header (the lines right above the first row, all of
them column heads: 指标, 单位, 属性, 2025年, 年均[累计]…; letter-spaced heads such
as 指 标 are joined). Each row's cells are read from its line: the row number,
the label, a short unit, the attribute (预期性, 约束性) and, on the side of the
attribute away from the label, its values, one a value column; the value
columns are the last of the header's value heads (a head over them all, such
as “十四五”目标, stays with the first). A row whose line holds no label or no
unit takes the lines right above and below it as that cell (万元/ / 人); the
other lines between rows go with the row they border. A row whose values do not
fill the value columns has them left unread: no column can be told for them.

:func:`spaced_tables` returns the rows as :func:`kg.text.stacked.stacked_tables`
does; :func:`kg.text.normalize.normalize` writes them as rows ``| a | b |``.
Words and patterns are data, in ``resources/structure.toml`` [stacked] and
[spaced].
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.nlp.script import HAN_CHAR
from kg.resources import compile_pattern, load_toml
from kg.text.stacked import Cell, fits, head_kind, line_cells, stacked_rules

_TOKEN = re.compile(r"\S+")
Span = tuple[int, int]


@dataclass(frozen=True)
class SpacedRules:
    row: re.Pattern  # a row's line: its number, a space, its cells
    head_lines: int  # at most this many lines of header above the first row
    gap_lines: int  # at most this many lines between two rows
    unit_alone: int  # a lone cell before the values this short is a unit, not a label


@lru_cache(maxsize=1)
def spaced_rules() -> SpacedRules:
    cfg = load_toml("structure.toml")["spaced"]
    return SpacedRules(row=compile_pattern(cfg["row"], "structure.toml [spaced] row"),
                       head_lines=int(cfg["head_lines"]), gap_lines=int(cfg["gap_lines"]),
                       unit_alone=int(cfg["unit_alone"]))


@dataclass
class _Row:
    line: Cell
    seq: Span
    label: list[Span] = field(default_factory=list)
    unit: list[Span] = field(default_factory=list)
    attribute: list[Span] = field(default_factory=list)
    values: list[Span] = field(default_factory=list)
    other: list[Span] = field(default_factory=list)
    above: list[Cell] = field(default_factory=list)  # the lines it takes from above and below
    below: list[Cell] = field(default_factory=list)


def _tokens(cell: Cell, join_letters: bool = False) -> list[tuple[int, int, str]]:
    """The space-parted tokens of a line, with their offsets; letter-spaced Han (指 标) joined if asked."""
    out: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(cell.text):
        s, e = cell.start + m.start(), cell.start + m.end()
        if join_letters and out and len(m.group()) == 1 and HAN_CHAR.match(m.group()) and len(out[-1][2]) == 1 \
                and HAN_CHAR.match(out[-1][2]):
            out[-1] = (out[-1][0], e, out[-1][2] + m.group())
            continue
        out.append((s, e, m.group()))
    return out


def spaced_tables(text: str, cells: list[Cell] | None = None) -> list[tuple[int, int, int, list[list[Span]]]]:
    """Rows ``(start, end, newline_at, spans under each head)`` of the tables of ``text`` written a row a line
    (``cells``: its :func:`~kg.text.stacked.line_cells`, if already cut)."""
    rules = spaced_rules()
    if "\n" not in text:
        return []
    cells = line_cells(text) if cells is None else cells
    out: list = []
    k = 0
    while k < len(cells):
        m = rules.row.match(cells[k].text)
        if m is None or int(m.group("n")) != 1:
            k += 1
            continue
        found = _table(cells, k)
        if found is None:
            k += 1
            continue
        rows, k = found
        out.extend(rows)
    return out


def _header(cells: list[Cell], k: int):
    """The header lines right above the row at ``k``: their first index and their tokens by kind."""
    srules, rules = stacked_rules(), spaced_rules()
    first = k
    while first > 0 and k - first < rules.head_lines:
        tokens = _tokens(cells[first - 1], join_letters=True)
        if not tokens or not all(srules.head.match(t) or (len(t) == 1 and HAN_CHAR.match(t)) for _, _, t in tokens):
            break
        first -= 1
    heads = [t for c in cells[first:k] for t in _tokens(c, join_letters=True)]
    kinds = [head_kind(srules, t) if srules.head.match(t) else "other" for _, _, t in heads]
    if "label" not in kinds or "value" not in kinds:
        return None
    return first, heads, kinds


def _table(cells: list[Cell], k: int):
    """The rows of the table whose first row is the line at ``k``, and the line after it; None if none."""
    rules, srules = spaced_rules(), stacked_rules()
    header = _header(cells, k)
    if header is None:
        return None
    first, heads, kinds = header
    rows: list[_Row] = []
    gaps: list[list[Cell]] = []  # the lines before each row, after the one before it
    j, gap = k, []
    while j < len(cells) and len(cells[j].text) <= srules.cell_max and not srules.end.match(cells[j].text):
        m = rules.row.match(cells[j].text)
        if m is not None and int(m.group("n")) == len(rows) + 1:
            rows.append(_read(cells[j], m))
            gaps.append(gap)
            gap = []
        elif len(gap) >= rules.gap_lines:
            break
        else:
            gap.append(cells[j])
        j += 1
    n = max((len(r.values) for r in rows), default=0)
    value_heads = [i for i, kind in enumerate(kinds) if kind == "value"]
    if len(rows) < 2 or n == 0 or len(value_heads) < n:
        return None
    _claim(rows, gaps + [gap[:1]])
    j -= len(gap) - (1 if gap and rows[-1].below else 0)  # the lines after the last row, unless it took one
    out = [_header_row(cells, first, k, heads, kinds, value_heads[-n:])]
    for row in rows:
        if len(row.values) != n:  # values that do not fill the columns: none can be told
            row.other, row.values = row.other + row.values, []
        spans = [[row.seq], row.label, row.unit, row.attribute, *([v] for v in row.values)]
        spans += [[] for _ in range(n - len(row.values))] + [row.other]
        lines = [*row.above, row.line, *row.below]
        out.append((lines[0].start, lines[-1].end, lines[-1].newline_at, spans))
    return out, j


def _header_row(cells, first: int, k: int, heads, kinds, used: list[int]):
    """The header's row: 序号, 指标, 单位, 属性, the value heads in use (a head over them with the first), other."""
    def spans(kind: str) -> list[Span]:
        return [(s, e) for (s, e, _), x in zip(heads, kinds) if x == kind]
    seq = sorted(spans("seq") + spans("other") + spans("category"))  # 序 / 号 on two lines
    over = [(heads[i][0], heads[i][1]) for i, kind in enumerate(kinds) if kind == "value" and i not in used]
    values = [[(heads[i][0], heads[i][1])] for i in used]
    values[0] = over + values[0]  # “十四五”目标 over 2025年
    row = [seq, spans("label")[-1:], spans("unit")[:1], spans("attribute")[:1], *values, []]
    return cells[first].start, cells[k - 1].end, cells[k - 1].newline_at, row


def _read(line: Cell, m: re.Match) -> _Row:
    """A row's cells from its line: number, label, unit, attribute and values (see the module's doc)."""
    srules = stacked_rules()
    tokens = _tokens(line)[1:]
    row = _Row(line, (line.start + m.start("n"), line.start + m.end("n")))
    at = next((i for i, (_, _, t) in enumerate(tokens) if srules.attribute.match(t)), None)
    if at is not None and at < len(tokens) - 1:  # … 预期性 - 5左右: the values after the attribute
        pre, values = tokens[:at], tokens[at + 1:]
    else:  # … 38700 45000 预期性, or no attribute: the values are the numbers at the end
        pre = tokens[:at] if at is not None else tokens
        n = 0
        while n < len(pre) - 1 and fits(srules, "value", pre[len(pre) - 1 - n][2]):
            n += 1
        pre, values = pre[:len(pre) - n], pre[len(pre) - n:]
    row.attribute = [(tokens[at][0], tokens[at][1])] if at is not None else []
    row.values = [(s, e) for s, e, _ in values]
    if pre and _unit_like(pre[-1][2], alone=len(pre) == 1):
        row.unit, pre = [(pre[-1][0], pre[-1][1])], pre[:-1]
    row.label = [(s, e) for s, e, _ in pre]
    return row


def _unit_like(token: str, alone: bool = True) -> bool:
    """A unit cell (%, 万亿元, 家, 万元/, / for none): short and without digits; alone on a line or as the only
    cell before the values, a Han word only if very short or holding a slash."""
    srules = stacked_rules()
    if any(ch.isdigit() for ch in token) or len(token) > srules.unit_max or srules.attribute.match(token):
        return False
    return not alone or len(token) <= spaced_rules().unit_alone or not HAN_CHAR.search(token) or "/" in token


def _claim(rows: list[_Row], gaps: list[list[Cell]]) -> None:
    """Give the lines between rows to the rows. A row without a label or a unit on its line takes the line
    right above and right below it (a cell the PDF centred on the row), as its unit if the line reads as one,
    else as its label; each line left goes with the row after it if that row took a line above, else with
    the row before it."""
    for r, row in enumerate(rows):
        if row.label and row.unit:
            continue
        above, below = gaps[r], gaps[r + 1]
        if above and not (r and rows[r - 1].below and rows[r - 1].below[-1] is above[-1]):
            row.above = [above[-1]]
        if below:
            row.below = [below[0]]
        had_label, had_unit = bool(row.label), bool(row.unit)
        for line in row.above + row.below:
            part = row.unit if not had_unit and _unit_like(line.text) else row.label if not had_label else row.other
            part.append((line.start, line.end))
        row.label.sort()
    taken = {id(c) for row in rows for c in row.above + row.below}
    for r, gap in enumerate(gaps[:len(rows)]):  # not the lines after the last row: the table ends there
        left = [c for c in gap if id(c) not in taken]
        spans = [(c.start, c.end) for c in left]
        if left and rows[r].above:  # 全面稳定达到国家 above a row that took the line under it
            rows[r].above[:0], rows[r].other[:0] = left, spans
        elif left and r > 0:
            rows[r - 1].below.extend(left)
            rows[r - 1].other.extend(spans)
