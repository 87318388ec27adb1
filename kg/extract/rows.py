"""Task-division tables whose cells ran together: the units of each row.

A page copied without its table's cell breaks writes a 分工表 as one run of
text: its header ``序号主要工作任务具体工作措施完成时限主要责任单位任务来源``,
then row after row, ``10、制定…搬迁方案3月区农发局区环土局1、平潭…工作要点…``.
Where a header opening with 序号 names both a column of units (责任单位,
牵头单位, 配合单位: the labels of ``[assignments]``) and a column of
deadlines (完成时限), each run of bodies written next to each other (with
nothing, 、 or ， between) beside a deadline (3月, 12月底前, 全年) on the
side the header puts it is one row's units. Their roles are the column's: a
责任单位 column follows the document's convention (注：主要责任单位第一个为
牵头单位, 其余为主要配合单位), as a list after a label does. The words are
data, in ``responsibilities.toml`` [rows].
"""

from __future__ import annotations

import re

from kg.extract.assignments import assignment_reader, listed_leads
from kg.extract.base import Analysis
from kg.extract.records import Role
from kg.resources import compile_pattern, load_toml
from kg.nlp.script import HAN
from kg.nlp.time import Deadline, time_reader


class GluedRows:
    def __init__(self) -> None:
        cfg = load_toml("responsibilities.toml")
        rows, columns = cfg["rows"], cfg["assignments"]["columns"]
        labels = {**cfg["assignments"]["labels"], **columns["labels"]}
        self.labels = labels
        heads = "|".join(map(re.escape, sorted(columns["deadline_heads"], key=len, reverse=True)))
        units = "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))
        reach = int(rows["header_reach"])
        self.header = re.compile(f"{rows['first_head']}[{HAN}]{{0,{reach}}}?(?:(?P<due>{heads})[{HAN}]{{0,{reach}}}?"
                                 f"(?P<unit>{units})|(?P<unit2>{units})[{HAN}]{{0,{reach}}}?(?P<due2>{heads}))")
        self.due = compile_pattern(rows["due"], "responsibilities.toml rows.due")
        self.due_before = re.compile(f"(?:{rows['due']})$")
        self.due_reach = int(rows["due_reach"])
        self.month = compile_pattern(rows["month"], "responsibilities.toml rows.month")
        self.joiners = set(rows["joiners"])
        self.ends = tuple(rows["ends"])
        self.title_starts = tuple(load_toml("agencies.toml")["regions"]["title_issuer_ends"])  # 市委关于…: a source

    def __call__(self, a: Analysis, add) -> None:
        """Call ``add(agency, role, start, end, deadline)`` for each unit a glued row assigns."""
        text = a.text
        convention = None
        for m in self.header.finditer(text):
            convention = convention or assignment_reader().convention(text)
            part = a.doc.part_at(m.start())
            end = min([k for k in (text.find(w, m.end(), part.end) for w in self.ends) if k >= 0] or [part.end])
            role = self.labels[m["unit"] or m["unit2"]]
            for run in self._runs(a, m.end(), end):
                s, e = run[0][0], run[-1][1]
                beside = (self.due_before.search(text, max(m.end(), s - self.due_reach), s) if m["due"]
                          else self.due.match(text, e))
                if beside is None:
                    continue
                due, year = beside.group(0), a.year_at(s)
                month = self.month.match(due)  # 3月: of the document's year, in a column of deadlines
                deadline = time_reader().deadline(due, year) or (Deadline(year, int(month[1])) if month and year else None)
                comma = next((k for k in range(1, len(run)) if text[run[k - 1][1]:run[k][0]] in ("，", ",")), len(run))
                for k, (us, ue, agency) in enumerate(run):
                    r = role if role != "listed" else ("lead" if listed_leads(convention, k, k < comma) else "support")
                    add(agency, Role.LEAD if r == "lead" else Role.SUPPORT, us, ue, deadline)

    def _runs(self, a: Analysis, start: int, end: int) -> list[list[tuple]]:
        """The bodies in ``[start, end)`` in runs written next to each other."""
        runs: list[list[tuple]] = []
        for s, e, agency in a.located("agency", start, end):
            if a.text.startswith(self.title_starts, e):
                continue  # 市委关于…的意见 in a column of sources: the issuer of a title
            if runs and a.text[runs[-1][-1][1]:s] in self.joiners:
                runs[-1].append((s, e, agency))
            elif not runs or s >= runs[-1][-1][1]:
                runs.append([(s, e, agency)])
        return runs
