"""Tables written one cell per line: a web page's table saved as text.

A crawler that turns a page into text often writes each cell of a ``<table>``
on a line of its own, with or without blank lines between them::

    序号 / 指标名称 / 指标单位 / 2025年目标值 / 属性 /
    1 / 居住类历史建筑修缮面积 / 万平方米 / 30 / 约束性 /
    2 / …

Left alone, the lines of numbers would be glued to the text around them. This
module finds such a table by its header (a run of lines that are all column
heads: 序号, 指标, 单位, 属性, 2025年, “十五五”目标值…; a period on one line and
its value word on the next, “十四五” / 完成值, make one head) and cuts the cells
that follow into rows at the row numbers (1, 2, 3… under 序号). Each row's cells
are then laid under the heads by what they hold, in order: a row number under
序号, 预期性 under 属性, a short word under 单位, a number (or -, ≥10) under a
value column, words under the label columns. A head a row has no cell for (a
merged cell, an empty one) is left empty; cells left over after a row's last
value begin the next row (its 类别, written before its number) or, if they
hold values themselves, are a row of their own under the same number.

A PDF's table read as text brings more: a header line holding several heads
(2023 年 2024 年 2025 年, the upper line of a two-line header, written before
the 序号 and 指标 centred on both: the heads are put in the rows' order), a
head's unit on a line of its own (管径 / （毫米）), a merged category cell
written down the page a character a line (计 / 算 / 力, left out when no column
could hold it), a page's number between two rows, rows numbered from 8 on (the
table goes on from the page before), a row whose values the PDF wrote
elsewhere (its number still opens it when a label and the next number follow)
and a row of a name alone heading the sections under it.

:func:`stacked_tables` returns each row as the spans of its cells under each
head; :func:`kg.text.normalize.normalize` writes them as rows ``| a | b |``.
Words and patterns are data, in ``resources/structure.toml`` [stacked].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.nlp.script import HAN
from kg.resources import compile_pattern, load_toml
from kg.text.spans import trimmed

_NEWLINE = re.compile("\r\n|\r|\n")
_LONE_HAN = re.compile(f"^[{HAN}]$")
_WORD = re.compile(f"^[{HAN}]+$")
_TOKEN = re.compile(r"\S+")
_DIGIT = re.compile(r"(?<![A-Za-z])\d")
_SPACE = re.compile(r"\s")
_HEADS_MAX = 48  # the longest line of heads parted by spaces read as a header
_RANK = {"seq": 0, "category": 0, "label": 0, "unit": 1}  # the heads' order in a row, when a PDF wrote them out of it
_SKIP = {"label": 1, "category": 1, "other": 1, "unit": 3, "attribute": 3, "value": 4, "seq": 6}


@dataclass(frozen=True)
class StackedRules:
    head: re.Pattern
    unit_head: re.Pattern
    year_head: re.Pattern
    unit_cell: re.Pattern
    kinds: tuple  # (kind, pattern) in order of precedence
    join_first: re.Pattern
    join_second: re.Pattern
    min_heads: int
    value: re.Pattern
    seq: re.Pattern
    attribute: re.Pattern
    unit_max: int
    part_label: re.Pattern
    cell_max: int
    end: re.Pattern


@lru_cache(maxsize=1)
def stacked_rules() -> StackedRules:
    cfg = load_toml("structure.toml")["stacked"]
    where = "structure.toml [stacked]"
    return StackedRules(
        head=compile_pattern(cfg["head"], where + " head"),
        unit_head=compile_pattern(cfg["unit_head"], where + " unit_head"),
        year_head=compile_pattern(cfg["year_head"], where + " year_head"),
        unit_cell=compile_pattern(cfg["unit_cell"], where + " unit_cell"),
        kinds=tuple((kind, compile_pattern(p, f"{where} kinds.{kind}")) for kind, p in cfg["kinds"].items()),
        join_first=compile_pattern(cfg["join_first"], where + " join_first"),
        join_second=compile_pattern(cfg["join_second"], where + " join_second"),
        min_heads=int(cfg["min_heads"]),
        value=compile_pattern(cfg["value"], where + " value"),
        seq=compile_pattern(cfg["seq"], where + " seq"),
        attribute=compile_pattern(cfg["attribute"], where + " attribute"),
        unit_max=int(cfg["unit_max"]),
        part_label=compile_pattern(cfg["part_label"], where + " part_label"),
        cell_max=int(cfg["cell_max"]),
        end=compile_pattern(cfg["end"], where + " end"),
    )


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    newline_at: int
    text: str


def line_cells(text: str) -> list[Cell]:
    """The non-empty lines of ``text``, stripped, with where each ends."""
    out, pos = [], 0
    for m in [*_NEWLINE.finditer(text), None]:
        end = m.start() if m else len(text)
        s, e = trimmed(text, pos, end)
        if e > s:
            out.append(Cell(s, e, end, text[s:e]))
        pos = m.end() if m else len(text)
    return out


def stacked_tables(text: str, cells: list[Cell] | None = None) -> list[tuple[int, int, int, list[list[tuple[int, int]]]]]:
    """Rows ``(start, end, newline_at, spans under each head)`` of the tables of ``text`` written one cell per line
    (``cells``: its :func:`line_cells`, if already cut)."""
    rules = stacked_rules()
    if "\n" not in text:
        return []
    cells = line_cells(text) if cells is None else cells
    rows: list = []
    k = 0
    while k < len(cells):
        if not head_cells(rules, cells[k]):
            k += 1
            continue
        found = _table(rules, text, cells, k)
        if found is None:
            k += 1
            continue
        table_rows, k = found
        rows.extend(table_rows)
    return rows


_PAGE_BREAK_REACH = 8  # blank characters between a page number and its form feed
_BLANK = " \t\r\n\u3000"


def page_break_after(text: str, pos: int) -> bool:
    """Whether a form feed (a PDF's page break) follows ``pos``, past blank space."""
    return text[pos:pos + _PAGE_BREAK_REACH].lstrip(_BLANK).startswith("\f")


def page_break_before(text: str, pos: int) -> bool:
    """Whether a form feed comes right before ``pos``, past blank space."""
    return text[max(0, pos - _PAGE_BREAK_REACH):pos].rstrip(_BLANK).endswith("\f")


def head_kind(rules: StackedRules, head: str) -> str:
    return next((kind for kind, pattern in rules.kinds if pattern.search(head)), "other")


def head_cells(rules: StackedRules, cell: Cell) -> list[Cell]:
    """The heads a line of a header holds: the line, if it is one; else the fewest heads its parts make, parted
    by spaces (2023 年 2024 年 2025 年: three; 指 标: one, letter-spaced); none if some part is no head."""
    if rules.head.match(cell.text) or _qualifies_head(rules, cell.text):
        return [cell]
    if len(cell.text) > _HEADS_MAX or not _SPACE.search(cell.text):
        return []  # a line of prose, or a single word that is no head
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(cell.text)]
    if not 2 <= len(tokens) <= 16:
        return []
    best: dict[int, list[tuple[int, int]]] = {0: []}  # best[i]: the fewest heads that make tokens[:i]
    for i in range(len(tokens)):
        for j in range(i + 1, len(tokens) + 1) if i in best else ():
            joined = "".join(cell.text[a:b] for a, b in tokens[i:j])
            if rules.head.match(joined) and (j not in best or len(best[i]) + 1 < len(best[j])):
                best[j] = [*best[i], (i, j)]
    return [Cell(cell.start + tokens[i][0], cell.start + tokens[j - 1][1], cell.newline_at,
                 "".join(cell.text[a:b] for a, b in tokens[i:j])) for i, j in best.get(len(tokens), [])]


def _qualifies_head(rules: StackedRules, text: str) -> bool:
    """Whether a line is only a unit or a year in brackets, which ends the head on the line before (长度 /
    （公里）, 目标值 / （2025年）)."""
    return bool(rules.unit_head.match(text) or rules.year_head.match(text))


def _unit_wrapped(rules: StackedRules, cells: list[Cell], j: int) -> list[Cell]:
    """A word of at most `unit_max` characters whose unit in brackets the next line gives (管径 / （毫米）): a
    head of values, whatever its word."""
    word = cells[j].text
    if j + 1 < len(cells) and rules.unit_head.match(cells[j + 1].text) and _WORD.match(word) \
            and len(word) <= rules.unit_max:
        return [cells[j]]
    return []


def _label_first(heads: list[list[Cell]], kinds: list[str]) -> tuple[list[list[Cell]], list[str]]:
    """The heads and their kinds in the order of a row's cells. A PDF writes a two-line header's upper line
    first, so its year heads (2023年 2024年 2025年) come before the 序号 and 指标 centred on both lines: when a
    value head comes before the label's, the row number, category, label and unit heads are put before the rest."""
    if "label" not in kinds or "value" not in kinds or kinds.index("value") > kinds.index("label"):
        return heads, kinds
    order = sorted(range(len(heads)), key=lambda i: _RANK.get(kinds[i], 2))
    return [heads[i] for i in order], [kinds[i] for i in order]


def _header(rules: StackedRules, cells: list[Cell], k: int) -> tuple[list[list[Cell]], list[str], int]:
    """The heads of the header that starts at cell ``k`` (each a head's lines), their kinds, and the cell after
    it."""
    heads: list[list[Cell]] = []
    j = k
    while j < len(cells) and (parts := head_cells(rules, cells[j]) or _unit_wrapped(rules, cells, j)):
        for part in parts:
            if heads and len(heads[-1]) == 1 and (
                    rules.join_second.match(part.text) and rules.join_first.match(heads[-1][-1].text)
                    or _qualifies_head(rules, part.text)):
                heads[-1].append(part)  # “十四五” / 完成值, 长度 / （公里）, 目标值 / （2025年）: one head on two lines
            else:
                heads.append([part])
        j += 1
    heads, kinds = _label_first(heads, [head_kind(rules, "".join(c.text for c in h)) for h in heads])
    return heads, kinds, j


def _body(rules: StackedRules, text: str, cells: list[Cell], j: int, kinds: list[str]):
    """The cells of the table's body from cell ``j`` on, the cells left out of it, and the cell after it."""
    body: list[Cell] = []
    dropped: list[Cell] = []
    vertical = "unit" not in kinds and "category" not in kinds  # no column a lone character could fill
    while j < len(cells) and len(cells[j].text) <= rules.cell_max and not rules.end.match(cells[j].text):
        lone = vertical and _LONE_HAN.match(cells[j].text)  # 计 / 算 / 力: a merged cell written down the page
        page = cells[j].text.isdigit() and page_break_after(text, cells[j].newline_at)
        (dropped if lone or page else body).append(cells[j])  # …nor a page's number, right before its form feed
        j += 1
    return body, dropped, j


def _table(rules: StackedRules, text: str, cells: list[Cell], k: int):
    """The rows of the table whose header starts at cell ``k``, and the cell after it; None if there is none."""
    heads, kinds, j = _header(rules, cells, k)
    if len(heads) < rules.min_heads or "seq" not in kinds or "value" not in kinds or "label" not in kinds:
        return None
    seq_at = kinds.index("seq")
    body, dropped, j = _body(rules, text, cells, j, kinds)
    if "unit" not in kinds:
        body = _with_units(rules, body)
    # cut at the row numbers: 1, 2, 3…
    segments: list[list[Cell]] = []
    expected = 1
    before: list[Cell] = []  # 类别 written before the first row's number
    for at, cell in enumerate(body):
        ready = not segments or any(fits(rules, "value", c.text) for c in segments[-1][1:]) \
            or len(segments[-1]) >= len(heads) \
            or _goes_on(rules, body, at)  # a row as long as the header, its value in words (与全市保持同步)
        if rules.seq.match(cell.text) and (int(cell.text) == expected or not segments) and ready:
            segments.append([cell])  # a row's number, once the row before has had a value (3 / … / 处 / 4);
            expected = int(cell.text) + 1  # the first may be any (8: the table goes on from the page before)
        elif segments:
            segments[-1].append(cell)
        elif len(before) < seq_at:
            before.append(cell)
        else:
            return None  # more before the first row number than the heads before 序号: no table of this kind
    if len(segments) < 2:
        return None
    out = [_line_of(heads)]
    carried: list[Cell] = before  # 类别 written before the row's number
    for segment in segments:
        placed, leftover = _place(rules, kinds, carried + segment, 0 if carried else seq_at)
        empty = [h for h, kind in enumerate(kinds) if kind == "value" and not placed[h]]
        if leftover and empty and "category" not in kinds and not any(fits(rules, "value", c.text) for c in leftover):
            placed[empty[-1]], leftover = leftover, []  # a value in words (与全市经济增速 / 保持同步): its cell
        out.append(_line_of(placed))
        carried = []
        while leftover:
            sub, rest = _place(rules, kinds, leftover, seq_at + 1)
            valued = any(sub[h] for h, kind in enumerate(kinds) if kind == "value")
            if len(rest) < len(leftover) and (valued or any(fits(rules, "value", c.text) for c in rest)):
                out.append(_line_of(sub))  # a row under the same number: its cells hold values, or head the rows
                leftover = rest  # after it that do (南北互联中部干线通道 / 乌兰察布—太原段 / 太原—鲁山段 / 1760 / …)
                continue
            carried = leftover  # the next row's 类别, written before its number
            break
    return _absorb(out, dropped), j


def _with_units(rules: StackedRules, body: list[Cell]) -> list[Cell]:
    """The cells, each value followed by a line that is only its unit (120.14 / 平方公里) joined with it: a table
    with no unit column writes the unit in the value's cell, and a narrow cell wraps it."""
    out: list[Cell] = []
    for cell in body:
        if out and rules.unit_cell.match(cell.text) and rules.value.match(out[-1].text):
            out[-1] = Cell(out[-1].start, cell.end, cell.newline_at, out[-1].text + cell.text)
        else:
            out.append(cell)
    return out


def _absorb(rows: list, dropped: list[Cell]) -> list:
    """The rows, each reaching back over the cells left out right before it, which are no text of their own."""
    out, before = [], -1
    for start, end, newline_at, spans in rows:
        out.append((min([start] + [c.start for c in dropped if before < c.start < start]), end, newline_at, spans))
        before = newline_at
    return out


def _goes_on(rules: StackedRules, body: list[Cell], at: int) -> bool:
    """Whether the number at ``body[at]`` is a row's though the row before has no value yet: a label follows
    it, and the next row's number before any other cell of the same number (4 / 5 / 重点应用… / 6: a row whose
    values the PDF wrote elsewhere). A value equal to the next row's number is followed by another value
    (3 / 4 / 5) or by that number (处 / 3 / 预期性 / 3)."""
    if not rules.seq.match(body[at].text) or at + 1 == len(body) or fits(rules, "value", body[at + 1].text):
        return False
    n = int(body[at].text)
    for cell in body[at + 1:]:
        if rules.seq.match(cell.text) and int(cell.text) in (n, n + 1):
            return int(cell.text) == n + 1
    return False


def fits(rules: StackedRules, kind: str, cell: str) -> bool:
    if kind == "seq":
        return bool(rules.seq.match(cell))
    if kind == "attribute":
        return bool(rules.attribute.match(cell))
    value = bool(rules.value.match(cell))
    if kind == "value":
        return value or _DIGIT.search(cell) is not None  # ≥10, 55左右; not the 6 of SRv6, a name
    if kind == "unit":
        return len(cell) <= rules.unit_max and not any(ch.isdigit() for ch in cell) and not rules.attribute.match(cell) \
            and not rules.part_label.match(cell)
    if kind in ("label", "category"):
        return not value and not rules.attribute.match(cell) and not rules.seq.match(cell)
    return True


def _place(rules: StackedRules, kinds: list[str], cells: list[Cell], first: int):
    """Lay ``cells`` in order under the heads from ``first`` on: each cell under a head that fits it, heads
    skipped at a cost (a value column's more than a label's, which merged cells leave empty). Cells that
    fit no head after the last one placed are left over."""
    n, m = len(cells), len(kinds)
    inf = float("inf")
    # best[i][j]: the cost of placing cells[:i] under heads[first:j]
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: dict = {}
    best[0][first] = 0
    for j in range(first, m + 1):
        for i in range(n + 1):
            cost = best[i][j]
            if cost == inf:
                continue
            if j < m and cost + _SKIP.get(kinds[j], 1) < best[i][j + 1]:
                best[i][j + 1] = cost + _SKIP.get(kinds[j], 1)
                back[(i, j + 1)] = (i, j, False)
            if i < n and j < m and fits(rules, kinds[j], cells[i].text) and cost < best[i + 1][j + 1]:
                best[i + 1][j + 1] = cost
                back[(i + 1, j + 1)] = (i, j, True)
    # place as many cells as possible; the rest are left over
    i = max(i for i in range(n + 1) if best[i][m] < inf)
    placed: list[list[Cell]] = [[] for _ in kinds]
    at = (i, m)
    while at in back:
        pi, pj, took = back[at]
        if took:
            placed[pj].append(cells[pi])
        at = (pi, pj)
    return placed, cells[i:]


def _line_of(placed: list[list[Cell]]):
    """A row: its first cell's start, its last cell's end and newline, and the spans under each head."""
    cells = [c for p in placed for c in p]
    return (min(c.start for c in cells), max(c.end for c in cells), max(c.newline_at for c in cells),
            [[(c.start, c.end) for c in p] for p in placed])
