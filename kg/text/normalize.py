"""Normalise the layout of a document: one paragraph per line, clean spacing.

Text extracted from a PDF arrives with lines broken at the page width, often in
the middle of a word ("知识产权工\\n\\n作"), with blank lines between them. Text
saved from a web page arrives with one paragraph per line. :func:`normalize`
tells the two apart, rejoins wrapped lines without gluing paragraphs or
headings together, and keeps an :class:`~kg.text.spans.OffsetMap` from every
character of the clean text back to the original.

Character-level clean-up, all mapped: CRLF to LF; zero-width and control
characters dropped; full-width digits, Latin letters and ％ turned into ASCII;
ideographic and no-break spaces made plain spaces; runs of spaces collapsed,
and spaces beside Chinese characters removed (a PDF artefact: "2018 年").
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

from kg.nlp.numbers import number_reader
from kg.nlp.script import is_han
from kg.resources import compile_pattern, load_toml
from kg.text.marked import marked_tables
from kg.text.rules import structure_rules
from kg.text.spans import OffsetMap, trimmed
from kg.text.spaced import spaced_tables
from kg.text.stacked import line_cells, page_break_after, page_break_before, stacked_tables

_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_SPACES = {"\u3000": 2, "\u00a0": 1, "\t": 4, " ": 1, "\u2002": 1, "\u2003": 2, "\u2009": 1}


@dataclass(frozen=True)
class CleanText:
    """Normalised text, one paragraph per line, and its map back to the original."""

    text: str
    offsets: OffsetMap


@dataclass(frozen=True)
class LayoutRules:
    terminal: frozenset
    closers: frozenset
    opens: dict
    closes: dict
    brackets: re.Pattern  # any opening or closing bracket
    page_number: re.Pattern
    leader: re.Pattern  # 一、发展回顾 ........ 1: a table of contents' line, no measure of the page
    inline_breaks: tuple
    run_together_length: int
    run_together_breaks: tuple
    run_together_space_breaks: tuple
    table_row: str
    records: tuple  # the lines of a crawler's record (标题：…, ==== 正文 ====): each a line of its own
    fragment: re.Pattern
    number_suffixes: tuple[str, ...]
    continuers: frozenset
    table_cells: re.Pattern
    table_min_cells: int
    table_min_rows: int
    wrapped_cell_max: int  # a line of at most this many characters inside a table may be a cell wrapped
    label_marks: tuple[str, ...]  # ...unless it holds one of these: a label (单位：万元), no wrapped cell
    headings: tuple
    min_wrap_width: int
    wrap_slack: int
    letter_spaced: re.Pattern  # 2 0 0 5年: a scan that set its digits apart
    letter_spaced_min: int


@lru_cache(maxsize=1)
def layout_rules() -> LayoutRules:
    """Return the layout rules of ``resources/structure.toml``."""
    cfg = load_toml("structure.toml")
    lay = cfg["layout"]
    where = "structure.toml [layout]"
    opens, closes = {}, {}
    for pair in lay["brackets"]:
        opens[pair[0]] = pair[1]
        closes[pair[1]] = pair[0]
    headings = tuple(
        compile_pattern(m["pattern"], f"structure.toml [headings] {m['kind']}") for m in cfg["headings"]["markers"]
    )
    # 发布时间：…, ==== 正文 ====: a crawler's record is a line of its own, never a wrapped paragraph
    records = (structure_rules().record_line, structure_rules().record_furniture)
    return LayoutRules(
        terminal=frozenset(lay["terminal"]),
        closers=frozenset(lay["closers"]),
        opens=opens,
        closes=closes,
        brackets=re.compile("[" + re.escape("".join(opens) + "".join(closes)) + "]"),
        page_number=compile_pattern(lay["page_number"], where),
        leader=compile_pattern(lay["leader"], where),
        inline_breaks=tuple(compile_pattern(p, where + " inline_breaks") for p in lay["inline_breaks"]),
        run_together_length=int(lay["run_together_length"]),
        run_together_breaks=tuple(compile_pattern(p, where + " run_together_breaks") for p in lay["run_together_breaks"]),
        run_together_space_breaks=tuple(compile_pattern(p, where + " run_together_space_breaks")
                                        for p in lay["run_together_space_breaks"]),
        table_row=lay["table_row"],
        records=records,
        fragment=compile_pattern(lay["fragment"], where),
        number_suffixes=tuple(lay["number_suffixes"]),
        continuers=frozenset(lay["continuers"]),
        table_cells=re.compile(rf"[^\s]+(?:[ \u3000]{{1,{int(lay['table_gap']) - 1}}}(?![ \u3000\t])[^\s]+)*"),
        table_min_cells=int(lay["table_min_cells"]),
        table_min_rows=int(lay["table_min_rows"]),
        wrapped_cell_max=int(lay["wrapped_cell_max"]),
        label_marks=tuple(lay["label_marks"]),
        headings=headings,
        min_wrap_width=int(lay["min_wrap_width"]),
        wrap_slack=int(lay["wrap_slack"]),
        letter_spaced=compile_pattern(lay["letter_spaced"], where),
        letter_spaced_min=int(lay["letter_spaced_min"]),
    )


def _fold(ch: str) -> str:
    """Return the character as policy-kg reads it (full-width ASCII made ASCII)."""
    code = ord(ch)
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A or code == 0xFF05:
        return chr(code - 0xFEE0)
    return ch


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _columns(ch: str) -> int:
    """Columns ``ch`` takes on a Chinese page (ambiguous-width marks are wide there)."""
    if ch in _SPACES:
        return _SPACES[ch]
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1


class _Line:
    """One physical line: its indentation and its cleaned characters with origins."""

    __slots__ = ("indent", "width", "chars", "origin", "newline_at")

    def __init__(self, indent: int, width: int, chars: list[str], origin: list[int], newline_at: int) -> None:
        self.indent = indent
        self.width = width  # as laid out on the page: indentation and spaces included
        self.chars = chars
        self.origin = origin
        self.newline_at = newline_at

    @property
    def text(self) -> str:
        return "".join(self.chars)


class _Columns(dict):
    """Columns of each character, computed once per character."""

    def __missing__(self, ch: str) -> int:
        self[ch] = columns = _columns(ch)
        return columns


_COLUMNS = _Columns()
# Characters a line may hold and still be taken as written: not control, zero-width
# or space characters, nor the full-width digits, letters and ％ that are folded.
# Erring wide only sends a line the slow way.
_PLAIN_LINE = re.compile("[^\\x00-\\x20\\x7f-\\xa0\\xad\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff"
                         "\uff05\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]*")
# A character reference a crawler left in the text (&nbsp;, &ldquo;, &#12290;): the character it stands for.
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,7}|#[xX][0-9A-Fa-f]{2,6});")
_WIDE_POINT = re.compile("\\d\uff0e\\d")  # 250．5万千瓦: a decimal point to fold, the slow way
_EDGE_SPACES = re.compile("[\\t \\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]*")
_NEWLINE = re.compile("\r\n|\r|\n")
# A text stored inside a JSON or CSV string and saved without unescaping keeps its line ends as the two
# characters \\n (\\r\\n): where these outnumber real line ends, at least three times, they end lines too.
_OPENING_BRACKETS = "（(【["
_ESCAPED_NEWLINE = re.compile(r"\r\n|\r|\n|\\r\\n|\\n")
_ESCAPED_MIN = 3


def _escaped(text: str) -> bool:
    """Whether ``text`` writes its line ends escaped (\\n), as a JSON string does."""
    escaped = text.count("\\n")
    return escaped >= _ESCAPED_MIN and escaped > text.count("\n")


def _physical_lines(text: str, breaks: frozenset = frozenset(), newline: re.Pattern = _NEWLINE) -> list[_Line]:
    """Split ``text`` into lines with per-character clean-up and origins.

    ``breaks`` are offsets where a line ends although no newline is written.
    Most lines need no clean-up beyond their indentation and trailing spaces;
    they are taken whole. The others are read character by character
    (:func:`_physical_lines_slow`, which gives the same result for any line).
    """
    lines: list[_Line] = []
    start = 0
    ordered = sorted(breaks)
    ends = [(m.start(), m.end() - 1, m.end()) for m in newline.finditer(text)]
    for end, newline_at, after in ends + [(len(text), len(text), len(text))]:
        lo = bisect.bisect_left(ordered, start)
        if lo < len(ordered) and ordered[lo] < end or not _fast_line(text, start, end, newline_at, lines):
            lines.extend(_physical_lines_slow(text, breaks, start, end, newline_at))
        start = after
    return lines


def _fast_line(text: str, start: int, end: int, newline_at: int, lines: list[_Line]) -> bool:
    """Append the line ``text[start:end]`` to ``lines`` if it needs no clean-up but its edges; say if it did."""
    lead = _EDGE_SPACES.match(text, start, end).end()
    if text.find(_EMPHASIS * 2, lead, end) >= 0 or text.startswith("#", lead) or text.endswith("}", lead, end):
        return False  # markdown's emphasis, heading or attribute marks to drop
    if _WIDE_POINT.search(text, lead, end) or text.find("&", lead, end) >= 0 and _ENTITY.search(text, lead, end):
        return False
    plain = _PLAIN_LINE.match(text, lead, end).end()
    if _EDGE_SPACES.match(text, plain, end).end() != end:
        return False
    indent = sum(_SPACES.get(ch, 1) for ch in text[start:lead])
    width = sum(map(_COLUMNS.__getitem__, text[start:end]))
    lines.append(_Line(indent, width, list(text[lead:plain]), list(range(lead, plain)), newline_at))
    return True


def _physical_lines_slow(text: str, breaks: frozenset = frozenset(), i: int = 0, stop: int | None = None,
                         newline_at: int | None = None) -> list[_Line]:
    """:func:`_physical_lines` character by character, of ``text[i:stop]``; the last
    line's newline is at ``newline_at`` (``stop`` if not given)."""
    lines: list[_Line] = []
    chars: list[str] = []
    origin: list[int] = []
    indent = width = 0
    leading = True
    broken_at = -1
    n = len(text) if stop is None else stop
    newline_at = n if newline_at is None else newline_at
    while i <= n:
        ch = text[i] if i < n else "\n"
        if ch == "\r":
            if i + 1 < n and text[i + 1] == "\n":
                i += 1
            ch = "\n"
        if ch == "\n" or (i in breaks and i != broken_at):
            at = i if i < n else newline_at
            lines.append(_Line(indent, width, *_squeeze(chars, origin), at))
            chars, origin, indent, width, leading = [], [], 0, 0, True
            if ch == "\n":
                i += 1
            else:
                broken_at = i  # the character itself is read on the next turn
            continue
        if ch in _DROP or (unicodedata.category(ch) == "Cc" and ch not in _SPACES):
            i += 1
            continue
        width += _columns(ch)
        if ch in _SPACES or unicodedata.category(ch) == "Zs":
            if leading:
                indent += _SPACES.get(ch, 1)
            else:
                chars.append(" ")
                origin.append(i)
            i += 1
            continue
        leading = False
        chars.append("." if ch == "\uff0e" and _decimal_point(text, i, n, chars) else _fold(ch))
        origin.append(i)
        i += 1
    return lines


def _decimal_point(text: str, i: int, n: int, chars: list[str]) -> bool:
    """Whether the full-width full stop at ``text[i]`` is a decimal point: between digits, after a number that
    does not open its line (250．5万千瓦; not 1．5G基站建设, an item's number)."""
    if not chars or not chars[-1].isdigit() or i + 1 >= n or not _fold(text[i + 1]).isdigit():
        return False
    k = len(chars)
    while k and chars[k - 1].isdigit():
        k -= 1
    return k > 0


_EMPHASIS = "*"
# A heading's marks and an attribute list of a page converted to Markdown (## 第一章 总则{align="center"}):
# markup, not text. A line with a later # (a hashtag, #话题#) keeps its marks.
_ATX_HEADING = re.compile(r"#{1,6}[ \t]*(?=[^#\s])")
# The separator of a JSON array's strings ending a line (…编制本规划。\\", \\"): the paragraphs of a database's field.
_ARRAY_SEPARATOR = re.compile(r'(?<=[^\x00-\x7f])\\"\s*,\s*\\"$')
_ATTRIBUTES = re.compile(r'[ \t]*\{(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|[^\s{}]+))(?:\s+(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|[^\s{}]+)))*\}[ \t]*$')


def _spaced(ch: str) -> bool:
    """True if a space beside ``ch`` is a typesetting artefact (Chinese, wide punctuation)."""
    return _is_wide(ch) or ch in "“”‘’"


def _squeeze(chars: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    """Collapse space runs, drop spaces beside wide characters and markdown's emphasis marks (**第四条**),
    strip the ends."""
    out_c: list[str] = []
    out_o: list[int] = []
    if "&" in chars:
        chars, origin = _unescaped(chars, origin)
    markup = _markdown_marks("".join(chars))
    for k, ch in enumerate(chars):
        if k in markup:
            continue
        if ch == _EMPHASIS and ((k + 1 < len(chars) and chars[k + 1] == _EMPHASIS) or (k and chars[k - 1] == _EMPHASIS)):
            continue  # ** or *** of a page converted to markdown; a lone * (a footnote mark) stays
        if ch == " ":
            if not out_c or out_c[-1] == " " or _spaced(out_c[-1]):
                continue
            nxt = next((c for c in chars[k + 1:] if c != " "), None)
            if nxt is None or _spaced(nxt):
                continue
        out_c.append(ch)
        out_o.append(origin[k])
    while out_c and out_c[-1] == " ":
        out_c.pop()
        out_o.pop()
    return out_c, out_o


def _unescaped(chars: list[str], origin: list[int]) -> tuple[list[str], list[int]]:
    """The line with each character reference it holds (&nbsp;) replaced by its character, placed where the
    reference starts; a name HTML does not know stays as written."""
    line = "".join(chars)
    out_c: list[str] = []
    out_o: list[int] = []
    k = 0
    for m in _ENTITY.finditer(line):
        ch = html.unescape(m.group())
        if ch == m.group() or len(ch) != 1:
            continue
        out_c.extend(chars[k:m.start()])
        out_o.extend(origin[k:m.start()])
        out_c.append(" " if ch in _SPACES else ch)
        out_o.append(origin[m.start()])
        k = m.end()
    out_c.extend(chars[k:])
    out_o.extend(origin[k:])
    return out_c, out_o


def _markdown_marks(line: str) -> set[int]:
    """The places of a Markdown heading's marks, of an attribute list ending the line and of a JSON array's
    separator ending it, to drop."""
    drop: set[int] = set()
    if line.endswith('"'):
        separator = _ARRAY_SEPARATOR.search(line)
        if separator:
            drop.update(range(separator.start(), len(line)))
    if not line.startswith("#") and "}" not in line:
        return drop  # most lines: nothing to look for
    head = _ATX_HEADING.match(line)
    if head and "#" not in line[head.end():]:
        drop.update(range(head.end()))
    attributes = _ATTRIBUTES.search(line)
    if attributes:
        drop.update(range(attributes.start(), len(line)))
    return drop


class _Layout:
    """Decides, line by line, whether a break is a wrap or a paragraph end."""

    def __init__(self, rules: LayoutRules, lines: list[_Line], text: str = "") -> None:
        self.rules, self.source = rules, text
        widths = sorted(ln.width for ln in lines if not rules.leader.search(ln.text))
        self.page_width = widths[int(0.9 * (len(widths) - 1))] if widths else 0
        full = [ln for ln in lines if self._full(ln) and not self._terminal(ln) and not self._closed(ln)]
        self.wrapped = (
            self.page_width >= rules.min_wrap_width and len(full) >= 3 and len(full) >= 0.25 * len(lines)
        )

    def _terminal(self, line: _Line) -> bool:
        chars = line.chars
        k = len(chars) - 1
        while k >= 0 and chars[k] in self.rules.closers:
            k -= 1
        return k >= 0 and chars[k] in self.rules.terminal

    def _closed(self, line: _Line) -> bool:
        """A line ends with a bracket it opened itself (…建设城市算力中心。（市发展改革委牵头，市财政局配合）):
        a measure closed by its assignment, which a page's width seldom cuts exactly there."""
        chars = line.chars
        if not chars or chars[-1] not in self.rules.closes:
            return False
        return not self.push([], chars) and self.rules.closes[chars[-1]] in chars[:-1]

    def _full(self, line: _Line) -> bool:
        return line.width >= self.rules.min_wrap_width and line.width >= self.page_width - self.rules.wrap_slack

    def _fragment(self, last: _Line, nxt: _Line, after: _Line | None = None) -> bool:
        """True where a crawler broke a sentence around an inline element: a number or a mark alone on
        its line (天津地区\n2\n台供热机组, 〔\n2021\n〕), between lines that do not end it there. A whole
        number set apart by a blank line from a next line (``after`` follows ``nxt``) that reads on with
        no unit or mark numbers a row or an item (重点任务\n\n1\n\n外滩历史文化风貌区): a line of its own. A
        line ending in a number reads on into a next line that opens with a unit or a multiplier."""
        if self._terminal(last) or self._heading(nxt):
            return False
        for line, follower in ((last, nxt), (nxt, after)):
            if self.rules.fragment.fullmatch(line.text) and not (line is nxt and self._heading(last)):
                if follower is None or not line.text.strip().isdigit() or self._reads_on(line, follower):
                    return True
        if last.chars and last.chars[-1].isdigit() and nxt.text.lstrip().startswith(_number_heads(self.rules.number_suffixes)) \
                and not self._heading(nxt):
            return True  # 充电需求将达到2.89\n亿千瓦时: a number's unit is no new paragraph
        return bool(nxt.chars) and nxt.chars[0] in self.rules.continuers and not self._heading(last)

    def _reads_on(self, number: _Line, follower: _Line) -> bool:
        """True if a whole number alone on its line reads on into ``follower``: no blank line parts them
        (a PDF's page number between its running title and the text), or ``follower`` starts with a
        mark, a unit or a multiplier (2\n台供热机组, 1000\n万平米), or a word of time (2025\n年)."""
        head = follower.text.lstrip()[:8]
        if self.source.count("\n", number.newline_at, follower.origin[0]) < 2 or not head or not is_han(head[0]):
            return True
        return head.startswith(_number_heads(self.rules.number_suffixes))

    def _heading(self, line: _Line) -> bool:
        text = line.text
        return any(p.match(text) for p in self.rules.headings)

    def push(self, stack: list[str], chars: list[str]) -> list[str]:
        """Return the brackets still open after reading ``chars`` with ``stack`` open."""
        stack = list(stack)
        for ch in self.rules.brackets.findall("".join(chars)):
            if ch in self.rules.opens:
                stack.append(self.rules.opens[ch])
            elif ch in self.rules.closes and stack and stack[-1] == ch:
                stack.pop()
        return stack

    def joins(self, open_brackets: list[str], last: _Line, nxt: _Line, after: _Line | None = None) -> bool:
        """True if ``nxt`` continues the paragraph that ``last`` ends so far (``after`` is the line after it)."""
        if open_brackets and not self.push(open_brackets, nxt.chars):
            return True
        if last.chars[:1] == [self.rules.table_row] or nxt.chars[:1] == [self.rules.table_row]:
            return False
        if self._fragment(last, nxt, after):
            return True
        if not self.wrapped:
            return False
        if nxt.indent >= 2 or self._heading(nxt) or any(p.match(t.text) for p in self.rules.records for t in (last, nxt)):
            return False
        return self._full(last)


@lru_cache(maxsize=4)
def _number_heads(suffixes: tuple[str, ...]) -> tuple[str, ...]:
    """What a number's next line may start with to read on from it: a unit, a multiplier, or a suffix."""
    reader = number_reader()
    return (*suffixes, *reader.units, *reader.multipliers)


def _cells(rules: LayoutRules, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a line laid out in columns: runs of text between gaps of two spaces or a tab."""
    return [(m.start(), m.end()) for m in rules.table_cells.finditer(text, start, end)]


def _tables(rules: LayoutRules, text: str) -> list[_Line]:
    """Rows ``| a | b | c |`` for the blocks of ``text`` laid out in columns, each cell under its column."""
    scan = _Blocks(rules, text)
    pos = 0
    for m in _NEWLINE.finditer(text):
        scan.line(pos, m.start(), m.start())
        pos = m.end()
    scan.line(pos, len(text), len(text))
    scan.end()
    return sorted(scan.rows, key=lambda ln: ln.origin[0])


class _Blocks:
    """The tables of a text, read a line at a time (:func:`_tables`).

    A block is a run of lines of `table_min_cells` cells or more. Around it: the lines of fewer cells right above it
    are its header, wrapped (目的地\t单程里程 / （公里）\t单程单价 / （元）\t往返…: a PDF set each head over lines);
    a line of a few characters and no gap inside it is a cell wrapped onto a line of its own (与经济增长 / 保持同步),
    when the block, cut at one gap, goes on after it and the line is no label (单位：万元); and rows after a page
    number or a blank line, as wide as the table before them, go on with it, however few (a table a page break
    parts)."""

    def __init__(self, rules: LayoutRules, text: str) -> None:
        self.rules, self.text = rules, text
        self.rows: list[_Line] = []
        self.block: list[tuple[int, int, int, list[tuple[int, int]]]] = []
        self.barred: list[_Line] = []
        self.heads: list[tuple[int, int, int, list[tuple[int, int]]]] = []  # lines of fewer cells above a block
        self.held: tuple[int, int, int] | None = None  # a line that may be a wrapped cell
        self.width: int | None = None  # the cells of the last table's rows, while only page numbers follow it

    def line(self, start: int, end: int, newline_at: int) -> None:
        text, rules = self.text, self.rules
        cells = _barred(text, start, end)
        if cells:  # a | b | c, the bars of a table without its outer ones
            self.flush()
            self.barred.append(_row(text, start, end, newline_at, [[c] if c[0] < c[1] else [] for c in cells]))
            return
        if len(self.barred) >= 2:
            self.rows.extend(self.barred)
        self.barred.clear()
        line = text[start:end]
        if line.lstrip().startswith(rules.table_row):
            self.flush()  # | a | b |: a row already, whatever spaces its cells hold
            return
        if "\t" not in line and "  " not in line and "\u3000" not in line:
            self.plain(start, end, newline_at)
            return
        cells = _cells(rules, text, start, end)
        if len(cells) >= rules.table_min_cells or (self.width == len(cells) and not self.block):
            if self.held is not None and self.block:  # the line held was a cell wrapped: the last row's
                s, e, n, row = self.block[-1]
                self.block[-1] = (s, e, self.held[2], row[:-1] + [(row[-1][0], self.held[1])])
            self.held = None
            self.block.append((start, end, newline_at, cells))
        elif len(cells) >= 2 and len(self.block) >= rules.table_min_rows and line[:1] in " \t":
            self.block.append((start, end, newline_at, cells))  # a row opening with empty cells, in a table begun
        elif len(cells) >= 2 and self.held is None:
            self.heads.append((start, end, newline_at, cells))
        elif line.strip():
            self.flush()
            self.heads = [(start, end, newline_at, cells)] if len(cells) >= 2 else []
            self.width = None

    def plain(self, start: int, end: int, newline_at: int) -> None:
        """A line with no gap in it: a wrapped cell, perhaps; a page number or a blank, which a table goes on
        across; or prose, which ends it."""
        words = self.text[start:end].strip()
        if (self.block and self.held is None and words and len(words) <= self.rules.wrapped_cell_max
                and not any(mark in words for mark in self.rules.label_marks) and _one_gap(self.text, self.block)):
            self.held = (start, end, newline_at)  # in a table cut at one gap only: rows by position wrap otherwise
            return
        self.flush()  # which replays a line held, if any
        self.heads = []
        if words and not self.rules.page_number.match(words):
            self.width = None

    def flush(self) -> None:
        block = self.block
        if len(block) >= self.rules.table_min_rows or block and self.width is not None:
            self.rows.extend(_aligned(self.text, _headed(self.text, self.heads, block)))
            self.width = len(block[-1][3])
        self.block = []
        if self.held is not None:
            held, self.held = self.held, None
            self.plain(*held)

    def end(self) -> None:
        self.flush()
        if len(self.barred) >= 2:
            self.rows.extend(self.barred)


def _headed(text: str, heads: list, block: list) -> list:
    """``block`` with its header wrapped over the lines ``heads`` above it as its first row, if their cells, each
    opening with a bracket joined to the one that ends the line before (单程里程 / （公里））, are as many as the
    cells of each of its rows."""
    if not heads or any(len(row[3]) != len(block[0][3]) for row in block):
        return block
    merged: list[tuple[int, int]] = []
    for k, (_, _, _, cells) in enumerate(heads):
        for n, (s, e) in enumerate(cells):
            if k and not n and merged and text[s] in _OPENING_BRACKETS:
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
    if len(merged) != len(block[0][3]):
        return block
    return [(heads[0][0], heads[-1][1], heads[-1][2], merged), *block]


def _barred(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a line whose cells are parted by bars but that has no bar at its start (a | b | c,
    甲|60): a table row as some converters and crawlers write it. A line that starts with a bar is a row
    already."""
    line = text[start:end]
    if "|" not in line or line.lstrip().startswith("|"):
        return []
    cells, at = [], start
    for part in line.split("|"):
        cells.append(trimmed(text, at, at + len(part)))
        at += len(part) + 1
    if cells[-1][0] == cells[-1][1]:
        cells.pop()  # a | b |: the bar that closes it
    return cells if len(cells) >= 2 and any(s < e for s, e in cells[1:]) else []


def has_table(text: str) -> bool:
    """True if ``text`` holds a block laid out in columns that :func:`normalize` reads as a table."""
    return bool(_tables(layout_rules(), text))


def _aligned(text: str, block) -> list[_Line]:
    """The rows of one table, each cell under its column.

    Columns are found where a PDF's layout puts them (one character a
    position): between "rivers", positions where the header and at least two
    rows in three have a space. A row's cells are its runs of text between
    gaps of two spaces or a space on a river, each under the column it starts
    in (a cell may overflow its column: 〔13.5〕). A block whose lines use tabs,
    or whose rivers give fewer columns than its header has cells, is cut at its
    gaps instead, cells placed by the header's.
    """
    lines = [text[start:end] for start, end, _, _ in block]
    gap = _one_gap(text, block)
    if gap is not None:  # cells parted by one gap (a tab, four spaces), or one gap a cell left empty
        return _by_gaps(text, [(s, e, n, _with_empty(s, cells, len(gap))) for s, e, n, cells in block])
    columns = _rivers(lines)
    if columns is None or len(columns) < len(block[0][3]):
        return _by_gaps(text, block)
    rivers = {i for (_, b), (a, _) in zip(columns, columns[1:]) for i in range(b, a)}
    out = []
    for (start, end, newline_at, _), line in zip(block, lines):
        placed: list[list[tuple[int, int]]] = [[] for _ in columns]
        for a, b in _runs(line, rivers):
            k = next((j for j, (ca, cb) in enumerate(columns) if a < cb), len(columns) - 1)
            placed[k].append((start + a, start + b))
        out.append(_row(text, start, end, newline_at, placed))
    return out


def _one_gap(text: str, block) -> str | None:
    """The gap that parts the cells of ``block`` (a tab, or a run of spaces: a tab written as spaces), if every
    gap between two cells and every row's indentation is it, or it repeated (an empty cell between), and it is
    a tab or three spaces or more; a table laid out by position has gaps of all widths."""
    gaps = {text[a:b] for _, _, _, cells in block for (_, a), (b, _) in zip(cells, cells[1:])}
    if not gaps:
        return None
    gap = min(gaps, key=len)
    if gap != "\t" and (set(gap) != {" "} or len(gap) < 3):
        return None
    indents = {text[start:cells[0][0]] for start, _, _, cells in block}
    return gap if all(g == gap * (len(g) // len(gap)) for g in gaps | indents) else None


def _with_empty(start: int, cells: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    """A row's cells, with an empty cell for each gap of ``width`` beyond the one that parts two cells."""
    out: list[tuple[int, int]] = [(start, start)] * ((cells[0][0] - start) // width)
    for k, (s, e) in enumerate(cells):
        if k:
            out.extend([(s, s)] * ((s - cells[k - 1][1]) // width - 1))
        out.append((s, e))
    return out


def _rivers(lines: list[str]) -> list[tuple[int, int]] | None:
    """The columns of lines laid out by position, between the rivers of space that cross them."""
    if any("\t" in line for line in lines):
        return None
    width = max(len(line) for line in lines)

    def free(line: str, i: int) -> bool:
        return i >= len(line) or line[i] in " \u3000"

    rows = lines[1:] or lines
    blank = [free(lines[0], i) and sum(free(line, i) for line in rows) * 3 >= len(rows) * 2 for i in range(width)]
    columns, start = [], None
    for i, is_free in enumerate(blank + [True]):
        if not is_free and start is None:
            start = i
        elif is_free and start is not None:
            columns.append((start, i))
            start = None
    return columns


def _runs(line: str, rivers: set[int]) -> list[tuple[int, int]]:
    """The runs of text of a line: cut at two spaces, or at one that lies on a river."""
    out, start = [], None
    padded = line + "  "
    for i, ch in enumerate(padded):
        space = ch in " \u3000"
        if space and start is not None:
            nxt = padded[i + 1]
            if nxt in " \u3000" or i in rivers:
                out.append((start, i))
                start = None
        elif not space and start is None:
            start = i
    return out


def _by_gaps(text: str, block) -> list[_Line]:
    header_start = block[0][0]
    columns = [s - header_start for s, _ in block[0][3]]
    out = []
    for start, end, newline_at, cells in block:
        placed: list[list[tuple[int, int]]] = [[] for _ in columns]
        for n, (s, e) in enumerate(cells):
            if len(cells) == len(columns):
                k = n
            else:
                offset = s - start
                k = min(range(len(columns)), key=lambda c: abs(columns[c] - offset))
            placed[k].append((s, e))
        out.append(_row(text, start, end, newline_at, placed))
    return out


def _row(text: str, start: int, end: int, newline_at: int, placed: list[list[tuple[int, int]]]) -> _Line:
    """A row ``| a | b |`` of the cells placed under each column, each character mapped to the original."""
    chars: list[str] = ["|"]
    origin: list[int] = [start]
    for parts in placed:
        at = parts[0][0] if parts else origin[-1]
        chars.append(" ")
        origin.append(at)
        for n, (s, e) in enumerate(parts):
            if n:
                chars.append(" ")
                origin.append(s - 1)
            for i in range(s, e):
                ch = text[i]
                if ch in _DROP or unicodedata.category(ch) == "Cc":
                    continue
                chars.append(" " if ch in _SPACES else _fold(ch))
                origin.append(i)
        chars.extend(" |")
        origin.extend([origin[-1], origin[-1]])
    return _Line(0, end - start, chars, origin, newline_at)


def _apart(first: list, second: list) -> list:
    """The rows of ``first`` and those of ``second`` that overlap none of them, in the order of the text."""
    taken = [(start, newline_at) for start, _, newline_at, _ in first]
    return sorted(first + [r for r in second if not any(r[0] <= b and a <= r[2] for a, b in taken)],
                  key=lambda r: r[0])


def _at_page_break(text: str, line: _Line) -> bool:
    """Whether a form feed stands right before ``line`` or right after it, past blank space."""
    return page_break_after(text, line.newline_at) or page_break_before(text, line.origin[0])


def inline_breaks(rules: LayoutRules, text: str, run_together: bool = True) -> frozenset:
    """Return the offsets where a line of ``text`` breaks although no newline is written."""
    def at(pattern: re.Pattern, start: int = 0, end: int = len(text)):  # where each match breaks: its group `at`, else its start
        group = "at" if "at" in pattern.groupindex else 0
        return (m.start(group) for m in pattern.finditer(text, start, end))

    breaks = set()
    for pattern in rules.inline_breaks:
        breaks.update(at(pattern))
    for line in re.finditer(f"[^\n]{{{rules.run_together_length},}}", text) if run_together else ():  # a whole document run into one line
        for pattern in rules.run_together_breaks:
            breaks.update(at(pattern, line.start(), line.end()))
        if "\u3000\u3000" not in line.group():  # no indentation kept: its plain spaces are the breaks
            for pattern in rules.run_together_space_breaks:
                breaks.update(at(pattern, line.start(), line.end()))
    return frozenset(breaks)


def normalize(text: str) -> CleanText:
    """Return the normalised :class:`CleanText` of ``text``, one paragraph per line."""
    rules = layout_rules()
    escaped = _escaped(text)  # one line as stored, its line ends written \\n: not a document run into one line
    breaks = inline_breaks(rules, text, run_together=not escaped)
    lines = [ln for ln in _physical_lines(text, breaks, _ESCAPED_NEWLINE if escaped else _NEWLINE) if ln.chars]
    tables = _tables(rules, text)
    laid = [(t.origin[0], 0, t.newline_at, None) for t in tables]  # a table laid out in columns wins, then…
    cells = line_cells(text) if "\n" in text else []  # the text's lines, cut once for both readers
    marked = marked_tables(text)  # a table written as HTML markup goes first: its tags say where each cell is
    stacked = [_row(text, start, end, newline_at, placed)  # …one written a cell a line, then one a row a line
               for start, end, newline_at, placed in _apart(_apart(_apart(marked, laid), stacked_tables(text, cells)),
                                                            spaced_tables(text, cells))
               if placed is not None]
    if stacked:  # (kg/text/marked.py, kg/text/stacked.py, kg/text/spaced.py)
        tables = sorted(tables + stacked, key=lambda ln: ln.origin[0])
    if tables:  # a table laid out in columns: its lines are rows, not prose to rejoin
        starts = [t.origin[0] for t in tables]  # the rows are in the order of the text

        def in_table(pos: int) -> bool:
            k = bisect.bisect_right(starts, pos) - 1
            return k >= 0 and pos <= tables[k].newline_at

        lines = sorted([ln for ln in lines if not in_table(ln.origin[0])] + tables, key=lambda ln: ln.origin[0])
    if len(lines) > 1:
        # A bare number on a line of its own is a page number in a PDF's text; in a page a crawler
        # broke around its inline elements (保障了天津地区\n2\n台供热机组) it is part of the sentence.
        # Beside a form feed (a PDF's page break) it is one whatever the layout.
        wrapped = _Layout(rules, lines).wrapped
        lines = [ln for ln in lines if not rules.page_number.match(ln.text) or (
            not wrapped and ln.text.strip().isdigit() and not _at_page_break(text, ln))] or lines
    layout = _Layout(rules, lines, text)
    out: list[str] = []
    origin = array("q")
    open_brackets: list[str] = []
    for k, line in enumerate(lines):
        if k and not layout.joins(open_brackets, lines[k - 1], line, lines[k + 1] if k + 1 < len(lines) else None):
            out.append("\n")
            origin.append(lines[k - 1].newline_at)
            open_brackets = []
        elif k and out[-1].isascii() and out[-1].isalpha() and line.chars[0].isascii() and line.chars[0].isalpha():
            out.append(" ")
            origin.append(lines[k - 1].newline_at)
        out.extend(line.chars)
        origin.extend(line.origin)
        open_brackets = layout.push(open_brackets, line.chars)
    origin.append(len(text))
    if len(rules.letter_spaced.findall(text, 0, 200_000)) >= rules.letter_spaced_min:
        out, origin = _digits_joined(out, origin)
    return CleanText(_arabic_years("".join(out)), OffsetMap(origin))


def _arabic_years(text: str) -> str:
    """A year written in Chinese digits where a time is set (到二〇二五年) in Arabic ones, as full-width digits are:
    the same length, so every offset still maps to the original."""
    rules = structure_rules()
    if rules.chinese_year.search(text) is None:
        return text
    return rules.chinese_year.sub(lambda m: "".join(str(rules.year_digits[ch]) for ch in m.group()), text)


_DIGIT_PARTS = frozenset("0123456789.")
_DIGIT_ENDS = _DIGIT_PARTS | frozenset("%％‰")


def _digits_joined(chars: list[str], origin: array) -> tuple[list[str], array]:
    """Drop the spaces a letter-spaced scan put inside numbers (2 9 0 0 亿元, 6 .5 %), for a text that
    writes its years so (2 0 0 5年): elsewhere a space between digits may part two numbers."""
    keep = [k for k, ch in enumerate(chars) if not (
        ch == " " and 0 < k < len(chars) - 1 and chars[k - 1] in _DIGIT_PARTS and chars[k + 1] in _DIGIT_ENDS)]
    return [chars[k] for k in keep], array("q", [origin[k] for k in keep] + [origin[-1]])
