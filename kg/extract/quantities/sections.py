"""The sections around a figure: whether they review the past or set goals, and the time their headings
write. :class:`kg.extract.quantities.binding.Binder` reads them with its settings (``time``,
``review_sections``, ``review_not``, ``target_sections``, ``glued_heading``, from ``quantities.toml`` [context])."""

from __future__ import annotations

from dataclasses import replace

from kg.extract.base import Analysis
from kg.nlp.time import Moment


class SectionContext:
    """What the headings around a position say of its figures."""

    def section_context(self, a: Analysis, pos: int) -> tuple[str | None, int | None, Moment | None]:
        """Return ``("target"|"review"|None, year, time in the heading)`` for the sections around ``pos``.

        A heading with a review word, or a year before the document's, reviews; one
        with a target word (目标) sets goals. A time in a heading that is not past
        (2026年重点工作任务, “十五五”主要目标, 到2025年) holds for the section.
        """
        sec = a.doc.section_at(pos)
        cache = a.memo.setdefault("section context", {})
        key = sec.index if sec is not None else None
        if key not in cache:
            cache[key] = self._section_context(a, sec, a.year_at(pos))
        if cache[key] == (None, None, None):
            return self._paragraph_context(a, pos)
        return cache[key]

    def _paragraph_context(self, a: Analysis, pos: int) -> tuple[str | None, int | None, Moment | None]:
        """Where no heading decides: a review that an earlier paragraph of the part opened (各位代表，刚刚过去的
        2025年，…) and no paragraph since has turned to goals (今年…) nor a heading has closed."""
        sentence = a.doc.sentence_at(pos)
        cache = a.memo.setdefault("paragraph context", {})
        k = sentence.paragraph if sentence is not None else None
        if k is None or k in cache:
            return cache.get(k, (None, None, None))
        found: tuple = (None, None, None)
        paragraphs, part = a.doc.paragraphs, a.doc.paragraphs[k].part
        stop = "start"  # what the walk back stopped at: the part's start, a heading, goals or a review
        for p in paragraphs[k::-1]:
            if p.part != part or p.role == "heading":
                stop = "start" if p.part != part else "heading"
                break
            opening = a.text[p.start:p.start + self.opener_reach]
            if any(w in opening for w in self.goal_openers):
                stop = "goals"
                break
            if any(w in opening for w in self.review_openers):
                m = self.time.title_year.search(opening)
                year = a.year_at(pos)
                found, stop = ("review", int(m["y"]) if m else (year - 1 if year else None), None), "review"
                break
        opened = self.plan_opened(a, part)
        if stop == "start" or (stop == "heading" and a.doc.parts[part].title is None and opened is None):
            # a report cut from inside its review, under no title: what stands before the heading of a year's
            # work (二、2024年工作安排) tells the results of the year before
            planned = self._first_plan_heading(a, part)
            if planned is not None and k < planned[0]:
                found = ("review", planned[1] - 1, None)
        reviewed = self._reported_review(a, part)
        if found == (None, None, None) and stop != "goals" and reviewed[0] < k < reviewed[1]:
            year = a.year_at(pos)  # after 现在，我代表市人民政府，向大会报告工作: the year before's results
            found = ("review", year - 1 if year else None, None)
        if found == (None, None, None) and opened is not None:
            found = ("target", None, opened if opened.year is not None else None)
        cache[k] = found
        return found

    def plan_opened(self, a: Analysis, part: int) -> Moment | None:
        """If the part, under no title, opens with a year's goals or tasks (今年经济社会发展主要预期目标是：…) or
        says which year it is about (2024年是实施“十四五”规划的关键一年，…; 今年是…): the year, as a deadline
        (its year None if the part writes none). Cut from a report's plan, as if under a heading 2024年工作安排."""
        memo = a.memo.setdefault("plan opened", {})
        if part not in memo:
            memo[part] = None
            first = next((p for p in a.doc.paragraphs if p.part == part), None)
            if first is not None and first.role != "heading" and a.doc.parts[part].title is None:
                opening = a.text[first.start:first.start + self.plan_opener_reach]
                year_is = self.plan_year_opener.match(opening)
                cut = min((opening.find(c) for c in "：:。" if c in opening), default=len(opening))
                if year_is or any(w in opening[:cut] for w in self.plan_openers):
                    end = first.start + (year_is.end() if year_is else cut)
                    year = int(year_is["y"]) if year_is and year_is["y"] else None
                    memo[part] = Moment(first.start, end, "deadline", year)
        return memo[part]

    def _reported_review(self, a: Analysis, part: int) -> tuple[int, int]:
        """The paragraphs (first, end) of the part that review after a report's formula (现在，我代表市人民政府，
        向大会报告工作): from it to the first paragraph opening with goals (今年…) or heading a year's work or
        goals (二、2024年工作安排, 主要预期目标); (-1, -1) if no paragraph holds the formula."""
        memo = a.memo.setdefault("reported review", {})
        if part not in memo:
            memo[part] = (-1, -1)
            paragraphs = [p for p in a.doc.paragraphs if p.part == part]
            for i, p in enumerate(paragraphs):
                if any(w in a.text[p.start:p.start + self.formula_reach] for w in self.report_formulas):
                    end = next((q.index for q in paragraphs[i + 1:] if self.turns_to_goals(a, q)), len(a.doc.paragraphs))
                    memo[part] = (p.index, end)
                    break
        return memo[part]

    def turns_to_goals(self, a: Analysis, p) -> bool:
        """Whether paragraph ``p`` opens with goals (今年…) or heads a year's work or goals."""
        opening = a.text[p.start:p.start + self.opener_reach]
        if p.role == "heading":
            heading = a.text[p.start:p.end]
            return any(w in heading for w in self.glued_plan_words + self.target_sections) or any(
                w in opening for w in self.goal_openers)
        return any(w in opening for w in self.goal_openers)

    def _first_plan_heading(self, a: Analysis, part: int) -> tuple[int, int] | None:
        """The paragraph and year of the part's first heading that sets a year's work (2024年工作安排)."""
        memo = a.memo.setdefault("first plan heading", {})
        if part not in memo:
            memo[part] = None
            for p in (p for p in a.doc.paragraphs if p.part == part and p.role == "heading"):
                heading = a.text[p.start:p.end]
                m = self.time.title_year.search(heading)
                if m and any(w in heading for w in self.glued_plan_words):
                    memo[part] = (p.index, int(m["y"]))
                    break
        return memo[part]

    def _glued_heading(self, a: Analysis, sec) -> str:
        """The heading a crawler ran into its section's text (一、2021年工作回顾2021年，在…; 二、2023年工作计划2023年
        是…), if it reviews the past or names a year's plan, else ""."""
        glued = a.text[sec.heading_start:sec.heading_start + self.glued_heading]
        heading = glued[:min((glued.find(c) for c in "，。；：,;:" if c in glued), default=len(glued))]
        return heading if any(c in heading for c in self.review_sections + self.glued_plan_words) else ""

    def _section_context(self, a: Analysis, sec, doc_year: int | None) -> tuple[str | None, int | None, Moment | None]:
        while sec is not None:
            heading = sec.heading or self._glued_heading(a, sec)
            moments = [m for m in self.time.moments(heading, 0, len(heading), doc_year)
                       if m.kind in ("deadline", "span", "reference") and m.year is not None
                       and (doc_year is None or m.year >= doc_year or m.kind == "deadline")]
            plan = self.time.plan_named(heading)
            if plan and not moments and (doc_year is None or plan[1] >= doc_year):
                opens = any(w in heading for w in self.plan_opening_words)  # “十五五”开好局: its first year's work
                moments = [Moment(sec.heading_start, sec.heading_end, "deadline", plan[0] if opens else plan[1])]
            m = self.time.title_year.search(heading)
            if any(c in heading for c in self.review_sections) and not any(w in heading for w in self.review_not):
                return "review", int(m["y"]) if m else (doc_year - 1 if doc_year else None), None
            if m and doc_year and int(m["y"]) < doc_year and not moments:
                return "review", int(m["y"]), None
            if any(c in heading for c in self.target_sections):
                if moments:
                    return "target", None, replace(moments[-1], kind="deadline")
                # （五）以完善功能提升品位为目标 under 二、2012年…目标任务: the time of the section around it
                outer = self._section_context(a, a.doc.sections[sec.parent], doc_year) if sec.parent is not None else None
                return "target", None, outer[2] if outer and outer[0] != "review" else None
            if moments:
                return None, None, replace(moments[-1], kind="deadline")
            sec = a.doc.sections[sec.parent] if sec.parent is not None else None
        return None, None, None
