"""The year a document is of, the time its figures are read against.

A document's own year is its date, else the first year of the plan it is about, else the year of its
number (国办发〔2020〕43号), else what its headings and times say. A part cut from a longer text (a
report's plan, a plan's goals under no title) is dated by its headings (2023年工作回顾: written in 2024;
2024年工作安排, 三、“十四五”发展思路: of 2024, of 2021), then by its opening (2024年是…关键一年), its
dateline, the deadlines it sets and the years it reports, and last by its file's name.
"""

from __future__ import annotations

from kg.extract.base import Analysis
from kg.extract.quantities.binding import Binder
from kg.extract.quantities.roles import RoleDecider
from kg.nlp.time import TimeReader


class DocumentYear:
    """``dating(a, pos)``: the year of the document (the part) ``pos`` is in, worked out once a part."""

    def __init__(self, time: TimeReader, binder: Binder, roles: RoleDecider) -> None:
        self.time, self.binder, self.roles = time, binder, roles
        self.dateline_reach = 400  # how far into a part its dateline may stand (after a title and a source line)

    def __call__(self, a: Analysis, pos: int) -> int | None:
        """The document's own year: its date, else the first year of the plan it is about, else the
        year of its number (国办发〔2020〕43号), else what its times say: the first deadline it sets,
        or, if it sets none, the year after the last it reports figures for; but a document whose
        heading reviews a year (2023年工作回顾) was written the year after. All of these belong to
        the part (the document) ``pos`` is in: worked out once a part."""
        part = a.doc.part_at(pos)
        cache = a.memo.setdefault("the document's year", {})
        if part.index not in cache:
            cache[part.index] = self._year_of(a, part)
        return cache[part.index]

    def _year_of(self, a: Analysis, part) -> int | None:
        subject = next((d for d in a.found.documents if d.key == a.subject_at(part.start) and d.period_start), None)
        if subject and subject.period_start == subject.period_end:
            return subject.period_start  # 2024年统计公报, published in 2025: its 全年 and 年末 are 2024's
        year = a.year_at(part.start)
        if year is not None:
            return year
        if subject:
            return subject.period_start
        own = a.part_document(part.start)
        m = self.time.number_year.search(own.number) if own is not None and own.number else None
        if m:
            return int(m["y"])
        headings = [sec.heading or self.binder._glued_heading(a, sec) for sec in a.doc.sections
                    if part.start <= sec.heading_start < part.end]
        reviewed = self._heading_years(headings, self.binder.review_sections)  # 2019—2023年工作回顾: 2023
        if reviewed:
            return max(reviewed) + 1  # 一、2023年工作回顾 … 二、2024年目标任务: written the year after it reviews
        planned = self._heading_years(headings, self.roles.year_plan_sections)  # 二、2012年政府工作总体要求和目标任务
        if planned:
            return min(planned)  # the year a report sets the tasks of is its own
        periods = [years[0] for heading in headings if not any(w in heading for w in self.binder.review_sections)
                   and (years := self.time.plan_named(heading)) is not None]
        if periods:
            return min(periods)  # 三、“十四五”发展思路: a plan's part cut under no title is of the period it plans
        opened = self.binder.plan_opened(a, part.index)
        if opened is not None and opened.year is not None:
            return opened.year  # 2024年是实施“十四五”规划的关键一年: a report's plan cut under no heading
        dated = self.time.dateline.search(a.text, 0 if part.index == 0 else part.start, part.start + self.dateline_reach)
        if dated:
            return int(dated["y"])  # 发布时间：2026-04-14: a page's dateline, when nothing else dates it
        moments = [m for m in self.time.moments(a.text, part.start, part.end, None) if m.year is not None]
        # a plan's period (“十三五”期间) is no deadline the document sets: a 十四五 plan reviews 十三五
        deadlines = [m.year for m in moments if m.kind == "deadline"
                     and self.time.plan_named(a.text[m.start:m.end]) is None]
        deadlines += [m.year for m in moments if m.kind == "reference" and self._plans(a, m.end)]
        reported = [m.year for m in moments if m.kind in ("reference", "current")]
        if deadlines or reported:
            return min(deadlines) if deadlines else max(reported) + 1
        named = self.time.file_year.search(a.found.doc_id) if part.index == 0 else None
        return int(named["y"]) if named else None  # 2024年政府工作报告.txt: a text no year of its own dates

    def _heading_years(self, headings: list[str], words: tuple[str, ...]) -> list[int]:
        """The years written in those of a part's ``headings`` that hold one of ``words``."""
        return [int(m["y"]) for heading in headings if any(w in heading for w in words)
                for m in self.time.title_year.finditer(heading)]

    def _plans(self, a: Analysis, pos: int) -> bool:
        """Whether a plan word follows closely the year ending at ``pos``, set off as the time of what follows
        (2017年，全县计划实现…; 2016年：计划搬迁…),
        and its paragraph tells no completion (2016年：计划搬迁…。完成情况：…): a year planned for."""
        roles = self.roles
        reach = pos + roles.plan_reach
        stop = min((k for k in (a.text.find(ch, pos, reach) for ch in roles.plan_stops) if k >= 0), default=reach)
        near = a.text[pos:stop]
        if not near.startswith(roles.plan_after) or not any(w in near for w in roles.plan_verbs):
            return False  # the year of the clause (2017年，全县计划…), not of a noun (2021年…招聘计划累计303人)
        line_end = a.text.find("\n", pos)
        line = a.text[a.text.rfind("\n", 0, pos) + 1:line_end if line_end >= 0 else len(a.text)]
        return not any(w in line for w in roles.done_words)
