"""Bracketed assignments that close a measure, read into units and roles.

``（省商务厅牵头，合肥海关配合）`` gives 省商务厅 lead and 合肥海关 support;
``（责任单位：省经济和信息化厅、省财政厅）`` makes each unit responsible (lead),
unless one is marked (``责任单位：财政部（牵头）、商务部``, ``*市科技局``) or the
document states how its lists give the lead (``列第一位的为牵头单位``: the first
unit; ``第一个逗号前为牵头单位``: those before the first comma), and the others support;
``（6月底前完成，牵头考核单位：市发展改革委）`` adds a deadline. Labelled lists
are read without brackets too, where a label opens a line or follows a
sentence's end (``。牵头单位：…；配合单位：…``). Units that name a kind of body
(各地区, 有关部门) keep their role: they are generic actors.
The labels, verbs and separators are data, in ``responsibilities.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.nlp.time import time_reader
from kg.resources import compile_pattern, load_toml
from kg.nlp.script import HAN_CHAR
from kg.text.read import row_cells
from kg.text.spans import trimmed


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    name: str
    role: str  # "lead" or "support"


@dataclass
class Assignment:
    """One bracketed assignment: where it is, its units, and its deadline text."""

    start: int
    end: int
    units: list[Unit] = field(default_factory=list)
    deadline: tuple[int, int] | None = None  # span of the time expression
    ongoing: bool = False  # 持续推进, 长期坚持: no end
    # Groups whose member or lead units are named (工作专班 of 工作专班成员单位):
    # the group is a body mentioned here, though the units are not one body.
    groups: list[tuple[int, int]] = field(default_factory=list)
    # 以下均需各区、县（市）政府落实，不再列出: where the text names units that every later assignment holds
    carries: list[tuple[int, int]] = field(default_factory=list)
    carried: list[tuple[int, int]] = field(default_factory=list)  # the spans of such units, held here


_GROUP = re.compile(r"[（(]((?:[^（）()]|[（(][^（）()]*[）)]){2,300})[）)]"
                    r"|[\[【〔［]((?:[^\[\]【】〔〕［］]|[（(][^（）()]*[）)]){2,300})[\]】〕］]")  # [责任单位：…], 【…】, 〔…〕


class AssignmentReader:
    def __init__(self) -> None:
        cfg = load_toml("responsibilities.toml")["assignments"]
        self.labels = dict(cfg["labels"])
        self.verbs = sorted(cfg["verbs"].items(), key=lambda kv: -len(kv[0]))
        self.label_marks = cfg["label_marks"]
        self.segments = re.compile(f"[{re.escape(cfg['segment_separators'])}]")
        self.clauses = re.compile(f"[{re.escape(cfg['clause_separators'])}]")
        self.units = re.compile(f"[{re.escape(cfg['unit_separators'] + cfg['clause_separators'])}]")
        self.suffixes = sorted(cfg["unit_suffixes"], key=len, reverse=True)
        self.generic = tuple(cfg["generic"])
        self.group_suffixes = tuple(cfg["group_suffixes"])
        self.deadline_words = tuple(cfg["deadline_words"])
        self.ongoing_words = tuple(cfg["ongoing_words"])
        self.deadline_time = compile_pattern(cfg["deadline_time"], "responsibilities.toml deadline_time")
        self.max_length = int(cfg["max_length"])
        self.lead_beside_lead = cfg["lead_beside_lead"]
        self.lead_verbs = set(cfg["explicit_lead_verbs"])
        self.role_marks = dict(cfg["role_marks"])  # 财政部（牵头）
        self.carry = compile_pattern(cfg["carry"], "responsibilities.toml carry")
        self.carry_quantifiers = "".join(cfg["generic"])
        self.opening_marks = dict(cfg["opening_marks"])  # *市科技局
        self.conventions = [(compile_pattern(p, "responsibilities.toml conventions"), rule)
                            for rule, patterns in cfg["conventions"].items() for p in patterns]
        names = "|".join(re.escape(k) for k in sorted(self.labels, key=len, reverse=True))
        self.label_pattern = re.compile(f"(?P<label>{names})[{re.escape(self.label_marks)}]")
        self.clause_or_segment = re.compile(
            f"[{re.escape(cfg['segment_separators'] + cfg['clause_separators'])}]")
        # A label opening a line, or right after a sentence's end, starts an unbracketed list.
        self.line_label = re.compile(f"(?:^|(?<=[{re.escape(cfg['line_openers'])}]))[ \t\u3000]*(?={names}[{re.escape(self.label_marks)}])",
                                     re.MULTILINE)
        self.line_end = re.compile(f"[{re.escape(cfg['line_ends'])}]|$", re.MULTILINE)
        self.next_heading = compile_pattern(cfg["next_heading"], "responsibilities.toml next_heading")
        columns = cfg["columns"]
        self.column_roles = {**self.labels, **columns["labels"]}
        self.column_labels = sorted(self.column_roles, key=len, reverse=True)  # 主要责任单位 before 责任单位
        self.column_extra = int(columns["extra"])
        self.deadline_heads = tuple(columns["deadline_heads"])
        self.header_rows = int(columns["header_rows"])

    def convention(self, text: str) -> str:
        """How the document says its lists of 责任单位 give the lead: "first" (列第一位的为牵头单位),
        "comma" (第一个逗号前为牵头单位); else "all": every unit listed is responsible alike."""
        return next((rule for pattern, rule in self.conventions if pattern.search(text)), "all")

    def __call__(self, text: str) -> list[Assignment]:
        """Return the assignments written in ``text``, in order."""
        found = []
        convention = self.convention(text)
        for m in _GROUP.finditer(text):
            inner = 1 if m.group(1) is not None else 2
            if m.end(inner) - m.start(inner) > self.max_length:
                continue
            assignment = self.read(text, m.start(inner), m.end(inner), convention)
            if assignment.units or assignment.deadline or assignment.groups:
                assignment.start, assignment.end = m.start(), m.end()
                if assignment.units or assignment.groups:
                    found.append(assignment)
        for m in self.line_label.finditer(text):
            start = m.end()
            if any(a.start <= start < a.end for a in found):
                continue  # inside a bracketed assignment
            end = self.line_end.search(text, start).start()
            heading = self.next_heading.search(text, start, end)  # …通管办“互联网+”医疗卫生：… (a page run into one line)
            end = heading.start() if heading else end
            if end - start > self.max_length:
                continue
            assignment = self.read(text, start, end, convention)
            if assignment.units or assignment.groups:
                found.append(assignment)
        found.extend(a for a in self.columns(text, convention)
                     if not any(f.start <= a.start < f.end or a.start <= f.start < a.end for f in found))
        found.sort(key=lambda a: a.start)
        carried: list[tuple[int, int]] = []
        for assignment in found:
            assignment.carried = list(carried)
            if assignment.carries:
                carried = assignment.carries
        return found

    def columns(self, text: str, convention: str = "all") -> list[Assignment]:
        """The rows of task-division tables (rows ``| a | b |``, from a .docx, an HTML page or Markdown): a
        header row names a column of units (牵头单位 | 配合单位, 责任单位, 主要责任单位), and each row below
        assigns the units in its cells of those columns; a deadline column (完成时限) gives the row's deadline."""
        found, block = [], []
        for line in [*_TABLE_ROW.finditer(text), None]:
            if line is not None and (not block or text.count("\n", block[-1].end(), line.start()) <= 1):
                block.append(line)
                continue
            found.extend(self._table(text, [row_cells(text, m.start(), m.end()) for m in block], convention))
            block = [line] if line is not None else []
        return found

    def _table(self, text: str, rows: list[list[tuple[int, int]]], convention: str) -> list[Assignment]:
        for k, row in enumerate(rows[:self.header_rows]):
            roles = {i: self._column_role(text[s:e]) for i, (s, e) in enumerate(row)}
            roles = {i: r for i, r in roles.items() if r}
            if roles:
                break
        else:
            return []
        deadline = next((i for i, (s, e) in enumerate(row) if text[s:e].strip().startswith(self.deadline_heads)), None)
        width, explicit_lead = len(row), "lead" in roles.values()
        out = []
        for cells in rows[k + 1:]:
            if len(cells) > width or all(set(text[s:e]) <= set("-:： ") for s, e in cells):
                continue  # another table's row, or Markdown's |---|---|
            shift = width - len(cells)  # cells merged down a column (序号, 任务) leave a row short on the left
            cells = [None] * shift + cells
            named = [(i, cells[i]) for i in sorted(roles) if cells[i] is not None and cells[i][1] > cells[i][0]]
            if not named:
                continue
            row_out = Assignment(named[0][1][0], named[-1][1][1])
            for i, (s, e) in named:
                self._labelled(text, s, e, roles[i], explicit_lead, convention, row_out)
            if deadline is not None and cells[deadline] is not None:
                ds, de = cells[deadline]
                if self.deadline_time.search(text, ds, de):
                    row_out.deadline = (ds, de)
            if row_out.units:
                out.append(row_out)
        return out

    def _column_role(self, head: str) -> str | None:
        """The role a header cell gives its column's units: 牵头单位, 主要责任单位, 配合单位（部门）."""
        head = "".join(head.split())
        label = next((w for w in self.column_labels if w in head), None)
        return self.column_roles[label] if label and len(head) - len(label) <= self.column_extra else None

    def read(self, text: str, start: int, end: int, convention: str = "all") -> Assignment:
        out = Assignment(start, end)
        carry = self.carry.search(text, start, end)
        if carry:  # 以下均需各区、县（市）政府落实，不再列出: read apart, held by the assignments after
            end = carry.start()
        stated = next((m for m in (p.search(text, start, end) for p, _ in self.conventions) if m), None)
        if stated:  # …；第一个逗号前为牵头单位，多个牵头部门的按照职责分工负责，下同: the document's convention, no units
            before = [x.start() for x in self.segments.finditer(text, start, stated.start())]
            end = before[-1] if before else stated.start()
        labels = [m for m in self.label_pattern.finditer(text, start, end)]
        explicit_lead = any(self.labels[m["label"]] == "lead" for m in labels)
        for k, m in enumerate(labels):
            stop = labels[k + 1].start() if k + 1 < len(labels) else end
            stop = next((x.start() for x in self.segments.finditer(text, m.end(), stop)), stop)
            self._labelled(text, m.end(), stop, self.labels[m["label"]], explicit_lead, convention, out)
        # Clauses outside the labelled lists: 省商务厅牵头, 合肥海关配合, 6月底前完成.
        taken = [(m.start(), self._list_end(text, m, labels, end)) for m in labels]
        clauses, waiting = [], []
        for s, e in _pieces(text, start, end, self.clause_or_segment):
            if any(ts <= s < te for ts, te in taken):
                waiting = []
                continue
            clause = text[s:e]
            verb = next(((v, r) for v, r in self.verbs if clause.endswith(v)), None)
            if verb and len(clause) > len(verb[0]):
                # 省工业和信息化厅、财政厅，各地级以上市人民政府配合: units before a comma share the verb after it
                clauses.extend((ws, we, verb) for ws, we in waiting)
                clauses.append((s, e - len(verb[0]), verb))
                waiting = []
            elif any(w in clause for w in self.deadline_words) and self.deadline_time.search(clause):
                out.deadline = (s, e)
                waiting = []
            elif any(w in clause for w in self.ongoing_words):
                out.ongoing = True
                waiting = []
            elif self.segments.match(text, e) is None:
                waiting.append((s, e))
            else:
                waiting = []
        led = explicit_lead or any(v in self.lead_verbs for _, _, (v, _) in clauses)
        for s, e, (verb, role) in clauses:
            if role == "lead" and led and verb not in self.lead_verbs:
                role = self.lead_beside_lead  # 按职责分工负责 beside a 牵头 unit
            for us, ue, name in self._units(text, s, e, out=out):
                out.units.append(Unit(us, ue, name, role))
        if carry:
            # 以下均涉及各县区、功能区: the units listed here that it names (各县区人民政府, 市各功能区管委会), else itself
            parts = [p.lstrip(self.carry_quantifiers) for p in self.units.split(carry["who"])]
            named = [(u.start, u.end) for u in out.units if any(len(p) >= 2 and p in u.name for p in parts)]
            out.carries = named or [(carry.start("who"), carry.end("who"))]
        return out

    def _labelled(self, text: str, start: int, stop: int, role: str, explicit_lead: bool, convention: str,
                  out: Assignment) -> None:
        """The units of a list a label gives ``role`` (after 责任单位：, or in a 责任单位 column), into ``out``."""
        units = list(self._units(text, start, stop, keep_groups=True, out=out))
        marks = [self._mark_of(name) for _, _, name in units]
        openings = [next((o for o in self.opening_marks if name.startswith(o) and len(name) > len(o)), "")
                    for _, _, name in units]
        # 责任单位：A、B，C、D with 第一个逗号前为牵头单位: the units before the first comma lead
        first_clause = next((x.start() for x in self.clauses.finditer(text, start, stop)), stop)
        for j, ((us, ue, name), mark, opening) in enumerate(zip(units, marks, openings)):
            if mark or opening:
                r = self.role_marks[mark] if mark else self.opening_marks[opening]  # 财政部（牵头）, *市科技局
            elif role == "listed":
                leads = not (explicit_lead or any(marks) or any(openings)) and listed_leads(convention, j, us < first_clause)
                r = "lead" if leads else "support"
            else:
                r = role
            if not self._group(name):  # a group's members keep their place in the order
                us += len(opening)
                ue -= len(mark)
                out.units.append(Unit(us, ue, text[us:ue], r))

    def _list_end(self, text: str, m: re.Match, labels: list, end: int) -> int:
        later = [x.start() for x in labels if x.start() > m.start()]
        stop = min(later) if later else end
        return next((x.start() for x in self.segments.finditer(text, m.end(), stop)), stop)

    def _group(self, name: str) -> bool:
        return name.endswith(self.group_suffixes)

    def _mark_of(self, name: str) -> str:
        """The role mark a unit ends with (财政部（牵头）), else ""."""
        return next((mark for mark in self.role_marks if name.endswith(mark) and len(name) > len(mark)), "")

    def _units(self, text: str, start: int, end: int, keep_groups: bool = False, out: Assignment | None = None):
        for s, e in _pieces(text, start, end, self.units):
            name = text[s:e]
            stripped = True
            while stripped:
                stripped = False
                for suffix in self.suffixes:
                    if name.endswith(suffix) and len(name) > len(suffix):
                        name, e, stripped = name[: -len(suffix)], e - len(suffix), True
                        break
            group = next((g for g in self.group_suffixes if name.endswith(g) and len(name) > len(g)), None)
            if group and out is not None and not name.startswith(self.generic):
                out.groups.append((s, e - len(group)))
            if name and (keep_groups or not self._group(name)) and HAN_CHAR.search(name):
                yield s, e, name


_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)  # | a | b |: one row of a table, as kg.text.read writes it


def listed_leads(convention: str, index: int, before_comma: bool) -> bool:
    """Whether the unit at ``index`` of a list of 责任单位 (after the label, in its column, in a glued row) leads,
    by the document's convention: "first" (列第一位的为牵头单位), "comma" (第一个逗号前为牵头单位), else all."""
    if convention == "first":
        return index == 0
    if convention == "comma":
        return before_comma
    return True


def _pieces(text: str, start: int, end: int, separators: re.Pattern):
    s = start
    for m in separators.finditer(text, start, end):
        if m.start() > s:
            yield trimmed(text, s, m.start())
        s = m.end()
    if end > s:
        yield trimmed(text, s, end)


def written_deadline(a, assignment: Assignment):
    """The deadline an assignment writes (（2023年6月底前完成，…）), read against its document's year."""
    if assignment.deadline is None:
        return None
    ds, de = assignment.deadline
    return time_reader().deadline(a.text[ds:de], a.year_at(ds))


@lru_cache(maxsize=1)
def assignment_reader() -> AssignmentReader:
    return AssignmentReader()
