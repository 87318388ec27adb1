"""Indicator tables flattened into running text, their cells glued together.

A plan's 主要指标 table copied from a PDF or a web page often loses every cell
break: ``序号指标2010年2015年2015年比2010年增长1化学需氧量排放总量（万吨）
2551.72347.6-8%2氨氮排放总量（万吨）264.4238.0-10%…``. The header still names
its columns (a year each, or a change between two years), and each row still
reads ``[row number] indicator（unit） values``; only the boundaries between
the values are gone.

The reader rebuilds them. It cuts a row's run of digits into one number per
value column in every way the numbers' forms allow (no leading zero, a
comparator or a sign only at a number's start, % or 个百分点 only on a change),
and keeps the cut whose numbers agree with each other: the change column must
be what the target column's value is against the base column's (2347.6 is 8%
below 2551.7; 60 is 5 points above 55), within rounding. A table with no change
column (2020年 | 2025年) holds levels of one indicator a row: its cut is the one a
comparator marks (98≥99), else the only one the forms allow (020), else the only
one whose levels are of one size (7780: 77 and 80). A row no cut makes agree, or
that two cuts do, is left unread: a wrong value is worse than none. A column of
growth (年均增速[累计], under a header of two lines run together: 2020年2025年指标属性
绝对值绝对值年均增速[累计]) must be what the levels grew by: a year's rate, with its
per cent sign, over the years between them (50 to 150 in five years: 24.6%), or,
in brackets, the change over the plan ([5]: 9.0 to 14.0).
Digits left after the last number are the next row's number.

Header words (years, change words, the words of the columns) are data in
``resources/quantities.toml`` [tables]; columns are classified as
:class:`~kg.extract.quantities.tables.TableReader` classifies a table's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kg.extract.quantities.tables import Column, TableReader
from kg.extract.records import Comparator, Period
from kg.resources import compile_pattern, load_toml

_VALUE_KINDS = ("base", "target", "change", "growth")


@dataclass(frozen=True)
class Piece:
    """One number cut out of a glued run: where it is in the squeezed row, and what it says."""

    start: int
    end: int
    comparator: Comparator
    value: Decimal | None  # None: an empty cell (/, —)
    suffix: str  # %, 个百分点 or nothing
    total: bool = False  # in brackets ([5]): a change over the plan, not a year's


class GluedTableReader:
    def __init__(self, tables: TableReader) -> None:
        cfg = load_toml("quantities.toml")["tables"]
        glued = cfg["glued"]
        self.tables = tables
        self.opening = compile_pattern(glued["opening"], "quantities.toml tables.glued.opening")
        self.head_year = compile_pattern(glued["head_year"], "quantities.toml tables.glued.head_year")
        self.two_lines = compile_pattern(glued["two_lines"], "quantities.toml tables.glued.two_lines")
        self.rows_skipped = int(glued["rows_skipped"])
        self.row_reach = 80  # how far a row unread may run before its attribute
        self.attributes = tuple(tables.attributes)  # 预期性, 约束性: the cell that closes a row
        words = {w for kind in ("growth", "base", "target", "change", "attribute", "unit") for w in tables.heads[kind]}
        self.head_words = sorted(words | set(glued["head_words"]), key=len, reverse=True)
        self.row = compile_pattern(glued["row"], "quantities.toml tables.glued.row")
        self.unit_row = compile_pattern(glued["unit_row"], "quantities.toml tables.glued.unit_row")
        self.piece = compile_pattern(glued["piece"], "quantities.toml tables.glued.piece")
        self.empty = tuple(glued["empty"])
        self.comparators = {k: Comparator(v) for k, v in glued["comparators"].items()}
        self.points = tuple(glued["points"])
        self.window = int(glued["window"])
        self.stops = tuple(glued["stops"])
        self.tolerance = {k: Decimal(str(v)) for k, v in glued["tolerance"].items()}
        self.level_ratio, self.cuts_max = Decimal(str(glued["level_ratio"])), int(glued["cuts_max"])
        self.table_row = load_toml("structure.toml")["layout"]["table_row"]

    # -- finding them ---------------------------------------------------------------------------
    def __call__(self, a, reader) -> list[tuple[int, int]]:
        """Read the glued tables of a document; return the spans they cover (no prose is read there)."""
        text, covered = a.text, []
        for m in self.opening.finditer(text):
            if covered and m.start() < covered[-1][1]:
                continue
            if text.startswith(self.table_row, text.rfind("\n", 0, m.start()) + 1):
                continue  # a table with real cells: TableReader reads it
            span = self.table(a, reader, m.end(), self.unit_row if m["unit"] else self.row)
            if span:
                covered.append((m.start(), span))
        return covered

    def squeeze(self, text: str, start: int) -> tuple[str, list[int]]:
        """The text from ``start`` without white space, up to a stop (。 or 注：), with each character's offset."""
        chars, where = [], []
        end = min(len(text), start + self.window)
        k = start
        while k < end:
            ch = text[k]
            if not ch.isspace():
                if text.startswith(self.stops, k):
                    break
                chars.append(ch)
                where.append(k)
            k += 1
        return "".join(chars), where

    def header(self, s: str) -> tuple[list[str], int]:
        """The column heads after the label head (2010年 | 2015年 | 2015年比2010年增长), and where they end."""
        heads, pos = [], 0
        two = self.two_lines.match(s)
        if two:  # 2020年2025年指标属性绝对值绝对值年均增速[累计]: the years, then growth
            return self.head_year.findall(two["years"]) + ([two["growth"]] if two["growth"] else []), two.end()
        while True:
            m = self.head_year.match(s, pos)
            end = m.end() if m else pos
            word = True
            while word:
                word = next((w for w in self.head_words if s.startswith(w, end)), None)
                if word:
                    end += len(word)
            if end == pos:
                return heads, pos
            heads.append(s[pos:end])
            pos = end

    # -- one table ---------------------------------------------------------------------------
    def table(self, a, reader, start: int, row) -> int | None:
        s, where = self.squeeze(a.text, start)
        heads, pos = self.header(s)
        now = reader.now(a, start)
        period = reader.plan_period(a, start)
        now = min(now, period[0]) if now and period else now  # a plan's own first year is one of its targets' years
        columns = [self.tables.column(k, h, now) for k, h in enumerate(heads)]
        values = [c for c in columns if c.kind in _VALUE_KINDS]
        if len(values) < 2 or not any(c.year for c in values):
            return None
        deadline = max((c.year for c in values if c.kind == "target" and c.year), default=None)
        deadline = deadline or (period[1] if period else None)
        last, skipped = None, 0
        while True:
            m = row.match(s, pos)
            if not m and skipped < self.rows_skipped:  # 195G用户普及率…: past the row's attribute, the next row
                lead = pos + len(next((w for w in self.attributes if s.startswith(w, pos)), ""))  # the last row's
                ends = [k + len(w) for w in self.attributes if 0 <= (k := s.find(w, lead, lead + self.row_reach))]
                if ends:
                    pos, skipped = min(ends), skipped + 1
                    continue
            if not m:
                break
            skipped = 0
            seq = int(m["seq"]) if m["seq"] else None
            following = seq + 1 if seq is not None else None
            pieces, used = self.cut(m["blob"], values, following, s[m.end():m.end() + 1])
            if pieces is not None:
                label_start, label_end = where[m.start("label")], where[m.end("label") - 1] + 1
                indicator, unit = self.tables.indicator(a.text[label_start:label_end], "")
                unit = m.groupdict().get("unit") or unit  # a unit column
                offset = m.start("blob")
                for column, piece in zip(values, pieces):
                    if piece.value is None:
                        continue
                    cell_start, cell_end = where[offset + piece.start], where[offset + piece.end - 1] + 1
                    self.record(a, reader, column, piece, indicator, unit, cell_start, cell_end, deadline)
                last = where[offset + used - 1] + 1
                pos = offset + used
            else:
                last = where[m.end() - 1] + 1
                pos = m.end()
        return last

    # -- cutting a run of digits -----------------------------------------------------------------
    def cut(self, blob: str, columns: list[Column], following: int | None, after: str) -> tuple[list[Piece] | None, int]:
        """The one cut of ``blob`` into a number per column whose numbers agree; ``(None, 0)`` if none or several."""
        rest_ok = {""}
        if after and not after.isdigit():  # the next row's number, glued on
            rest_ok |= {str(following)} if following is not None else {str(n) for n in range(1, 100)}
        levels = not any(column.kind == "change" for column in columns)  # no change column to agree with
        most = self.cuts_max if levels else 8
        if any(column.kind == "growth" for column in columns):  # 5015024.6%: 50 to 150 is 24.6% a year
            return self._grown(blob, columns, rest_ok, most)
        if levels:  # 115115115115115: the one even cut, if any; else the one the levels allow
            repeated = self._repeated(blob, columns, rest_ok)
            if repeated[0] is not None:
                return repeated
            found = self._cuts(blob, columns, rest_ok, most)
            return self._levels(blob, found) if len(found) <= most else (None, 0)
        found = self._cuts(blob, columns, rest_ok, most)
        agreeing = [(p, used) for p, used in found if self.agree(p, columns)]
        values = {tuple((x.comparator, x.value, x.suffix) for x in p) for p, _ in agreeing}
        if len(values) != 1:
            return None, 0
        return agreeing[0]

    def _cuts(self, blob: str, columns: list[Column], rest_ok: set[str], most: int) -> list[tuple[list[Piece], int]]:
        """The cuts of ``blob`` into a number per column with only ``rest_ok`` left after the last, each with
        where it ends; the search stops once more than ``most`` are found."""
        found: list[tuple[list[Piece], int]] = []

        def walk(pos: int, k: int, pieces: list[Piece]) -> None:
            if len(found) > most:
                return
            if k == len(columns):
                if blob[pos:] in rest_ok:
                    found.append((pieces, pos))
                return
            for piece in self.pieces(blob, pos, columns[k]):
                walk(piece.end, k + 1, pieces + [piece])

        walk(0, 0, [])
        return found

    def _grown(self, blob: str, columns: list[Column], rest_ok: set[str], most: int) -> tuple[list[Piece] | None, int]:
        """The one cut whose growth is what the levels grew by: a year's rate over the years between them
        (50 to 150 in five years: 24.6%), or in brackets the change over the plan ([5]: 9.0 to 14.0). A row whose
        growth cell is empty (75150, then the attribute) is cut as levels alone."""
        found = self._cuts(blob, columns, rest_ok, most)
        agreeing = [(p, used) for p, used in found if self._grew(p, columns)]
        if len({tuple((x.comparator, x.value, x.suffix) for x in p) for p, _ in agreeing}) == 1:
            return agreeing[0]
        if agreeing:
            return None, 0
        levels = self._cuts(blob, [c for c in columns if c.kind != "growth"], {""}, self.cuts_max)
        if len(levels) > self.cuts_max:
            return None, 0
        empty = Piece(len(blob), len(blob), Comparator.EQUAL, None, "")  # the growth cell, in its column's place
        placed = []
        for pieces, used in levels:
            cells = iter(pieces)
            placed.append(([empty if c.kind == "growth" else next(cells) for c in columns], used))
        return self._levels(blob, placed)

    @staticmethod
    def _ends(pieces: list[Piece], columns: list[Column], kind: str) -> tuple[tuple | None, tuple | None, Piece | None]:
        """Of a cut's filled cells, the (column, piece) of the first base year and of the last target year, and
        the first piece under ``kind``: the change or growth the levels must agree with."""
        filled = [(column, piece) for column, piece in zip(columns, pieces) if piece.value is not None]
        base = next(((c, p) for c, p in filled if c.kind == "base"), None)
        target = next(((c, p) for c, p in reversed(filled) if c.kind == "target"), None)
        return base, target, next((p for c, p in filled if c.kind == kind), None)

    def _within(self, rate: Decimal, stated: Decimal) -> bool:
        """Whether a change worked out from the levels is the one the table states, within rounding."""
        return abs(rate - stated) <= max(self.tolerance["percent"], abs(stated) * self.tolerance["share"])

    def _grew(self, pieces: list[Piece], columns: list[Column]) -> bool:
        base, target, growth = self._ends(pieces, columns, "growth")
        if not (base and target and growth) or base[1].value <= 0 or target[1].value < 0:
            return False
        if not growth.total and growth.suffix not in ("%", "％"):
            return False  # a year's rate is written with its per cent sign: 24.6%, not the 200 of 4891200
        (bc, b), (tc, t) = base, target
        if growth.total:
            if abs(t.value - b.value - growth.value) <= self.tolerance["points"]:
                return True  # [5]: points, 9.0 to 14.0
            rate = (t.value - b.value) / b.value * 100
        else:
            years = (tc.year - bc.year) if tc.year and bc.year and tc.year > bc.year else None
            if years is None:
                return False
            rate = (Decimal(float(t.value / b.value) ** (1 / years)) - 1) * 100
        return self._within(rate, growth.value)

    def _levels(self, blob: str, found: list[tuple[list[Piece], int]]) -> tuple[list[Piece] | None, int]:
        """Of the cuts of a row whose values are levels of one indicator (2020年 | 2025年), the one whose every
        number after the first opens with a comparator or is empty (98≥99, 3.12＜3.5); else the only one, if no
        level after the first is nought (020, not 10 and 0); else the only one whose levels lie within `level_ratio`
        of each other (7780: 77 and 80, not 7 and 780; 23.3926: 23.39 and 26). ``(None, 0)`` if no rule leaves
        exactly one."""
        def marked(pieces: list[Piece]) -> bool:
            return all(p.value is None or blob[p.start] in self.comparators for p in pieces[1:])

        def near(pieces: list[Piece]) -> bool:
            values = [p.value for p in pieces if p.value is not None]
            return bool(values) and min(values) >= 0 and max(values) <= min(values) * self.level_ratio

        def only(pieces: list[Piece]) -> bool:  # 020: from nothing to 20; not 100 cut to 10 and 0
            return all(p.value != 0 for p in pieces[1:])

        for keep in (marked, only, near):
            kept = [(p, used) for p, used in found if keep(p)]
            if len({tuple((x.comparator, x.value) for x in p) for p, _ in kept}) == 1:
                return kept[0]
        return None, 0

    def _repeated(self, blob: str, columns: list[Column], rest_ok: set[str]) -> tuple[list[Piece] | None, int]:
        """The cut of ``blob`` into one number written again for every column (6.36.36.36.36.3), with only
        the next row's number left after it; ``(None, 0)`` if there is none."""
        n = len(columns)
        for rest in sorted(rest_ok, key=len):
            body = blob[:len(blob) - len(rest)] if rest else blob
            if not blob.endswith(rest) or len(body) % n:
                continue
            width = len(body) // n
            if body != body[:width] * n:
                continue
            first = next((p for p in self.pieces(body, 0, columns[0]) if p.end == width), None)
            if first is not None and first.value is not None:
                return [Piece(k * width, (k + 1) * width, first.comparator, first.value, first.suffix)
                        for k in range(n)], len(body)
        return None, 0

    def pieces(self, blob: str, pos: int, column: Column):
        """Every number that can stand at ``pos`` for a cell of ``column``."""
        for mark in self.empty:
            if blob.startswith(mark, pos):
                yield Piece(pos, pos + len(mark), Comparator.EQUAL, None, "")
        m = self.piece.match(blob, pos)
        if not m:
            return
        comparator = self.comparators.get(m["cmp"] or "", Comparator.EQUAL)
        total = bool(m["open"])
        if total and column.kind != "growth":
            return  # [5]: a change over the plan, only under growth
        digits = m["num"]
        sign = -1 if digits[:1] in "-－" else 1
        body = digits.lstrip("-－+")
        head = m.start("num") + len(digits) - len(body)
        for end in range(len(body), 0, -1):
            number = body[:end]
            if not self._well_formed(number):
                continue
            try:
                value = Decimal(number) * sign
            except InvalidOperation:
                continue
            stop = head + end
            if total:  # [5]: its number closes on its bracket
                if blob[stop:stop + 1] in ("]", "］"):
                    yield Piece(pos, stop + 1, comparator, value, "", True)
                continue
            suffixes = [""]
            if column.kind in ("change", "growth"):
                suffixes = [x for x in self.points + ("%", "％") if blob.startswith(x, stop)] + [""]
            for suffix in suffixes:
                if sign < 0 and column.kind not in ("change", "growth"):
                    continue
                yield Piece(pos, stop + len(suffix), comparator, value, suffix)

    @staticmethod
    def _well_formed(number: str) -> bool:
        whole, _, decimals = number.partition(".")
        if not whole or (len(whole) > 1 and whole[0] == "0") or number.endswith("."):
            return False
        return len(decimals) <= 2

    def agree(self, pieces: list[Piece], columns: list[Column]) -> bool:
        """Whether the change column is what the target column is against the base column."""
        first, last, change = self._ends(pieces, columns, "change")
        if not (first and last and change) or not change.suffix:
            return False
        base, target = first[1], last[1]
        if change.suffix in self.points:
            return abs(target.value - base.value - change.value) <= self.tolerance["points"]
        if base.value == 0:
            return False
        return self._within((target.value - base.value) / base.value * 100, change.value)

    # -- the records -------------------------------------------------------------------------
    def record(self, a, reader, column: Column, piece: Piece, indicator: str, unit: str,
               start: int, end: int, deadline: int | None) -> None:
        if column.kind in ("change", "growth"):
            value = abs(piece.value)
            recorded = self.tables.units.get(piece.suffix, "%") if piece.suffix in self.points else "%"
        else:
            value, _, recorded = self.tables.in_unit(piece.value, None, None, unit)
        change = self.tables.direction(piece.value) if column.kind in ("change", "growth") else None
        period = None
        if column.kind == "growth":  # 24.6% a year; [5] over the plan
            period = Period.CUMULATIVE if piece.total else Period.ANNUAL
        self.tables.add(a, reader, column, start, end, indicator, piece.comparator, value, None, recorded,
                        change, period, None, deadline)
