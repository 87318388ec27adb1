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
        return cache[key]

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
                moments = [Moment(sec.heading_start, sec.heading_end, "deadline", plan[1])]
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
