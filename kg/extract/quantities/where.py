"""The clues of where a figure stands: its part (a rule book, an account of what was done, a plan), its
section (reviewing the past, setting goals), the task it is in and the list of conditions it is an item of.
:class:`kg.extract.quantities.clues.Clues` has them all, with the clues of the figure's own words; the
module :mod:`kg.extract.quantities.clues` lists what each says."""

from __future__ import annotations

import re
from functools import cached_property

from kg.extract.records import Comparator
from kg.nlp.script import is_han

_PERCENTAGE = re.compile(r"\d[\d.]*\s*[%％]")


def rulebook_at(d, a, pos: int) -> bool:
    """Whether the part at ``pos`` is a book of rules (its opening names 办法, 细则…, or it has articles 第一条…),
    or an annex of one (附件1 …标准: the rules' own table); ``d``, the role decider, holds the words."""
    part = a.doc.part_at(pos)
    if part.annex and part.index and rulebook_at(d, a, a.doc.parts[part.index - 1].start):
        return True
    cache = a.memo.setdefault("rulebook", {})
    if part.index not in cache:
        opening = a.text[part.start:part.start + d.rule_opening]
        articles = sum(1 for s in a.doc.sections if s.part == part.index and s.kind == "article")
        ruled = any(w in opening for w in d.rule_kinds) and not _names_other_kind(d, opening)
        cache[part.index] = ruled or articles >= d.rule_articles
    return cache[part.index]


def _names_other_kind(d, opening: str) -> bool:
    """Whether the opening names a kind of document that is no book of rules (考核, 规划, 行动…), where it is
    no word of a plan inside the name of a rule (《上海市城市规划管理技术规定》: a 规定 whose name holds 规划; a
    考核细则 scores, whatever its name)."""
    for w in d.rule_not:
        k = opening.find(w)
        while k >= 0:
            name_end = min((j for j in (opening.find(c, k) for c in d.name_ends) if j >= 0), default=len(opening))
            if w not in d.rule_not_in_names or not any(kind in opening[k + len(w):name_end] for kind in d.rule_kinds):
                return True
            k = opening.find(w, k + 1)
    return False


class WhereClues:
    """The clues of a figure's place; ``self.d`` (the decider), ``self.a`` (the analysis), ``self.m`` (the
    mention), ``self.text`` and ``self.setting`` are set by :class:`kg.extract.quantities.clues.Clues`."""

    @cached_property
    def rulebook(self) -> bool:
        return rulebook_at(self.d, self.a, self.m.start)

    @cached_property
    def report_like(self) -> bool:
        return self.d.reports(self.a, self.m.start)

    @cached_property
    def in_conditions(self) -> bool:
        """In a list of conditions: a heading around it, or the lead-in (…条件之一的：) before its item, says so."""
        a, words = self.a, self.d.condition_words
        sec = a.doc.section_at(self.m.start)
        for _ in range(2):  # its own heading and the one above
            if sec is None:
                break
            heading = sec.heading.rstrip("：:。；; ")
            if heading.endswith(words) or any(w + mark in heading for w in words for mark in self.d.lead_in_ends):
                return True  # 申报条件, 补贴对象：…; not 补齐农村现代生活条件短板
            sec = a.doc.sections[sec.parent] if sec.parent is not None else None
        here = a.doc.sentence_at(self.m.start)
        if here is None:
            return False
        if self._inline_lead_in(a.doc.paragraphs[here.paragraph].start):
            return True
        k = here.paragraph
        if not self._item(a.doc.paragraphs[k]):
            return False
        kind = self._marker_kind(a.doc.paragraphs[k])
        for p in reversed(a.doc.paragraphs[max(0, k - 12):k]):  # the lead-in of the list it is in
            line = a.text[p.start:p.end].rstrip()
            if kind is not None and self._marker_kind(p) == kind:
                continue  # a sibling item, lead-in of a list of its own ((一)…除外：1．…2．… before (三)): not ours
            if line.endswith(self.d.lead_in_ends):
                lead_in = line[max(line.rfind(mark) for mark in self.d.sentence_ends) + 1:]
                return any(w in lead_in for w in words)  # its own sentence: …条件之一的：, not 具体措施：
            if not self._item(p):
                return False  # the list ended before: that lead-in is another list's
        return False

    def _inline_lead_in(self, paragraph_start: int) -> bool:
        """A lead-in in the figure's own paragraph whose items only ； parts from it (…纳税总额条件：营业收入6000万元
        以上;纳税总额不低于1000万元。): the colon after a condition word, with no full stop between it and the figure."""
        text, pos = self.a.text, self.m.start
        stop = max(paragraph_start - 1, *(text.rfind(mark, paragraph_start, pos) for mark in self.d.full_stops))
        colon = max(text.rfind(mark, stop + 1, pos) for mark in self.d.lead_in_ends)
        return colon > stop and any(text.endswith(w, stop + 1, colon) for w in self.d.inline_condition_ends)

    def _marker_kind(self, p) -> str | None:
        """The kind of marker (subsection, item…) that opens paragraph ``p``, if one does."""
        sec = self.a.doc.section_at(p.start)
        return sec.kind if sec is not None and sec.marker_start == p.start else None

    def _item(self, p) -> bool:
        """Whether paragraph ``p`` reads as an item of a list: it opens with a marker or ends in ；."""
        sec = self.a.doc.section_at(p.start)
        line = self.a.text[p.start:p.end].rstrip()
        if sec is not None and sec.marker_start == p.start:
            return sec.kind in self.d.item_kinds  # an article or a chapter starts a block of its own
        return line.endswith(self.d.item_ends)

    @cached_property
    def scope(self) -> bool:
        """A count of the set its clause ranges over (3641个国家地表水考核断面中，…): the counted noun closes
        with a word of place (中) standing as a word of its own right before a comma."""
        m, a, text = self.m, self.a, self.text
        words, tag, reach, ends = self.d.scope
        if m.quantity.unit not in self.d.count_units:
            return False
        for k in range(m.right, min(m.clause[1], m.right + reach)):
            word = next((w for w in words if text.startswith(w, k)), None)
            if word and a.word_is(k, k + len(word)) and a.tag_at(k) == tag:
                return text[k + len(word):k + len(word) + 1] in ends or k + len(word) == m.clause[1]
        return False

    @cached_property
    def rated_set(self) -> bool:
        """A count of the set a rate in its clause is measured over (49个国省考断面水质达标率100%,
        713个工业项目销号率达到60%): its noun runs (nothing but words between) into a word of rate and a percentage."""
        m, text, d = self.m, self.text, self.d
        if m.quantity.unit not in d.count_units:
            return False
        stretch = text[m.right:min(m.clause[1], m.right + d.rated_reach)]
        found = _PERCENTAGE.search(stretch)
        words = stretch[:found.start()] if found else ""
        if not words or not all(is_han(ch) or ch in d.quote_marks for ch in words):
            return False  # not 大学本科115人（占比69%）, 成立业委会2522个、占比65.3%: a share of the count itself
        return any(w in words for w in d.rate_words)

    def _lead_word(self, near: str, words) -> bool:
        """Whether one of ``words`` stands in ``near`` (the text right before the figure) as a word of its own."""
        base = self.m.words_start - len(near)
        for w in words:
            k = near.find(w)
            while k >= 0:
                if self.a.word_is(base + k, base + k + len(w)):
                    return True
                k = near.find(w, k + 1)
        return False

    @cached_property
    def counted_class(self) -> bool:
        """A bound that marks off a class of what a count right after it counts (引进千万元以上项目145个,
        全县600分以上考生22人): no condition of a policy, a description of the count."""
        m, d, text = self.m, self.d, self.text
        if text[m.end:m.right] not in d.range_bounds and m.left == m.start:
            return False  # neither a bound after it (以上) nor a comparator before it (超, 达到)
        stop = min(m.clause[1], m.right + d.class_reach)
        for later in d.binder.finder.reader.quantities(text, m.right, stop):
            between = text[m.right:later.start]
            return later.unit in d.count_units and bool(between) and all(is_han(ch) for ch in between)
        return False

    @cached_property
    def _bracketed(self) -> bool:
        """A bound in brackets of its own right after a noun: a condition on what the noun names (3类数码产品
        （单件销售价格不超过6000元）, 企业（年营业收入2000万元以上）), not a part of it (（其中不低于50%…）)."""
        m, d, text = self.m, self.d, self.text
        bounded = m.written and m.comparator not in (Comparator.ABOUT, Comparator.EQUAL)
        if not (bounded or text[m.end:m.right] in d.range_bounds) or not text[m.right:m.right + 4].lstrip().startswith(d.aside_closes):
            return False
        opens = max(text.rfind(ch, max(0, m.start - d.qualifier_reach * 2), m.start) for ch in d.aside_opens)
        inside = text[opens + 1:m.start]
        return opens > 0 and is_han(text[opens - 1]) and len(inside.strip()) > 1 and not inside.startswith(d.aside_not) \
            and not any(ch in inside for ch in "".join(d.aside_closes) + "，,；;。") and not any(w in inside for w in d.grant_before)

    @cached_property
    def heading_count(self) -> bool:
        """A count in a short heading counts the items under it: （一）改革投资审批等制度方面8项."""
        q = self.m.quantity
        if q.unit not in self.d.enumeration_units:
            return False
        section = self.a.doc.section_at(q.start)
        if section is None or not section.heading_start <= q.start < section.heading_end:
            return False
        heading = self.text[section.heading_start:section.heading_end]
        made = any(v in self.text[section.heading_start:q.start] for v in self.d.output_verbs)  # 遴选示范项目20个: work
        return len(heading) <= self.d.heading_count_max and not made and not any(m in heading for m in "，。；,;")

    @cached_property
    def review_section(self) -> bool:
        return self.setting.section == "review"

    @cached_property
    def target_section(self) -> bool:
        return self.setting.section == "target"

    @cached_property
    def in_plan(self) -> bool:
        return self.a.enclosing("task", self.m.start) is not None

    @cached_property
    def plan_part(self) -> bool:
        """The figure stands in a plan (its part, or the part it is an annex of, is a 规划, 行动方案… or has a
        period), not in a notice, a rule book or a report."""
        a = self.a
        part = a.doc.part_at(self.m.start)
        cache = a.memo.setdefault("plan part", {})
        if part.index not in cache:
            record = a.part_document(self.m.start)
            if record is not None and (record.annex_of or record.interprets):  # an annex or an interpretation
                host = record.annex_of or record.interprets  # of a plan speaks of the plan's goals
                record = next((d for d in a.found.documents if d.key == host), record)
            cache[part.index] = record is not None and (record.kind in self.d.plan_kinds or record.period_end is not None) \
                or (record is None or record.title is None) and self._untitled_plan(part)
        return cache[part.index]

    def _untitled_plan(self, part) -> bool:
        """A part under no title that nothing marks as an account: no heading of a review (工作回顾), no paragraph
        before its first heading opening one (过去一年，…: a report cut from its start; under a later heading, 过去一年
        opens the look back of one task), no heading of a year's work either (which would date it), and it is no
        report (a report's tasks cut from inside them, （二）聚力促进产业做优做强。…): what it makes is planned."""
        a, binder = self.a, self.d.binder
        headings = [a.text[s.heading_start:s.heading_end] for s in a.doc.sections if part.start <= s.heading_start < part.end]
        if any(w in h for h in headings for w in binder.review_sections + binder.glued_plan_words):
            return False
        opening = []  # the paragraphs before the part's first heading (all of them if it has none)
        for p in (p for p in a.doc.paragraphs if p.part == part.index):
            if p.role == "heading" and opening:
                break
            opening.append(a.text[p.start:p.start + binder.opener_reach])
        return not any(w in o for o in opening for w in binder.review_openers) and not self.d.reports(a, part.start)
