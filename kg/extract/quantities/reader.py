"""The quantity reader: the rule component that runs the three stages.

For each sentence of the body, clause by clause (，；：): the mentions
(:mod:`~kg.extract.quantities.mentions`), what is bound to each
(:mod:`~kg.extract.quantities.binding`), and the role the cues give it
(:mod:`~kg.extract.quantities.roles`); then one record per reading: a
:class:`~kg.extract.records.Target`, :class:`~kg.extract.records.Baseline`,
:class:`~kg.extract.records.Parameter`, :class:`~kg.extract.records.Threshold`
or :class:`~kg.extract.records.ContextFigure`. Indicator tables are read by
:mod:`~kg.extract.quantities.tables`.

A target's deadline is the time its text binds it to; failing that, the
deadline its goals section set, then the end of the period of the plan it
belongs to. A baseline's year is the time bound to it, else its review
section's year, else (for 现有, 目前) the document's own year.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from itertools import accumulate

from kg.extract.base import Analysis, strip_span
from kg.extract.quantities.binding import Binder, Reading, Setting, state_of
from kg.extract.quantities.mentions import MentionFinder
from kg.extract.quantities.clues import Clues
from kg.extract.quantities.dating import DocumentYear
from kg.extract.quantities.labels import LabelledDeadlines
from kg.extract.quantities.roles import RoleDecider
from kg.extract.quantities.glued import GluedTableReader
from kg.extract.quantities.tables import TableReader
from kg.extract.records import Baseline, ContextFigure, Parameter, Period, Target, Threshold
from kg.nlp.time import BINDING_KINDS, Deadline, Moment, time_reader
from kg.resources import compile_pattern, load_toml
from kg.text.document import Sentence
from kg.nlp.script import HAN, HAN_CHAR, is_han

_DIGIT = re.compile(r"\d")
_WORD_CHAR = re.compile(f"[{HAN}A-Za-z]")
_LABEL_MARKS = ("：", ":")  # 长寨：596套: a label closed by a colon names what its figures count
_LABEL_STOPS = "，。；：,;:\n"
_ASIDE_OPENS, _ASIDE_AFTER, _ASIDE_REACH = "（( ", "。；;", 40  # 。（0.5分）: a bracket after a sentence, on it
# The records of the roles with no field of their own, and the list of the extraction each goes to.
OTHER_RECORDS = {cls.role: (cls, name) for cls, name in
                 ((Parameter, "parameters"), (Threshold, "thresholds"), (ContextFigure, "contexts"))}


class QuantityReader:
    requires = ("documents", "subjects", "regions", "agencies", "tasks", "measures")  # what earlier components must have found (kg/extract/pipeline.py)
    provides = ("figures",)

    def __init__(self) -> None:
        cfg = load_toml("quantities.toml")
        ctx = cfg["context"]
        # what ends a clause: the separators of sentences' clauses that structure.toml gives
        self.clause_marks = load_toml("structure.toml")["sentences"]["clause_separators"]
        self.finder = MentionFinder(cfg)
        self.binder = Binder(cfg, self.finder)
        self.roles = RoleDecider(cfg, self.binder)
        self.tables = TableReader()
        self.glued = GluedTableReader(self.tables)
        self.time = time_reader()
        self.labelled = LabelledDeadlines(self.time)
        self.dating = DocumentYear(self.time, self.binder, self.roles)
        self.span_from = compile_pattern(ctx["span_from"], "quantities.toml context.span_from")
        self.target_verbs = tuple(ctx["target_verbs"])
        self.output_units = set(ctx["count_units"]) | set(ctx["measure_units"])  # what a verb of making makes
        self.verb_tags = set(ctx["verb_tags"])
        self.not_counting_tags = set(ctx["not_counting_tags"])
        self.joining = "".join(cfg["indicator"]["joining_particles"])
        self.name_nouns = tuple(ctx["name_nouns"])
        self.major_units = set(ctx["major_units"])
        self.segment_marks = "；;"
        self.time_chars = set(ctx["time_chars"])
        self.label_reach = int(ctx["label_reach"])
        self.index_nouns = tuple(ctx["index_nouns"])

    def canonical_indicator(self, written: str) -> str:
        return self.binder.canonical_indicator(written)

    def __call__(self, a: Analysis) -> None:
        text, doc = a.text, a.doc
        markers = {s.marker_start: s.heading_start for s in doc.sections}  # 9．完善…: the 9 numbers an item
        span_starts: dict[int, int] = {}  # part -> the start year of 2012年起5年内
        for m in self.span_from.finditer(text):
            span_starts.setdefault(doc.part_at(m.start()).index, int(m["y"]))
        glued = self.glued(a, self)  # tables whose cells ran together: read as tables, not as prose
        cited = _covering(a.located("reference"))  # 《…“十四五”…规划》: a time in a cited title is the title's
        # indicator tables and schedules are read as tables; the cells of other tables, as sentences
        cells = [Sentence(-1, c.start, c.end, doc.paragraph_index(c.start), c.text) for c in self.tables(a, self)]
        sentences = sorted([s for s in doc.sentences if doc.paragraphs[s.paragraph].role in ("body", "heading")]
                           + cells, key=lambda s: s.start)
        paragraph_time: dict[int, Moment] = {}  # paragraph -> a time opening one of its sentences
        section_deadline: dict[int, Moment] = {}  # target section -> the first deadline written in it
        for sentence in sentences:
            has_number = (self.finder.reader.pattern.search(text, sentence.start, sentence.end) is not None
                          or _DIGIT.search(text, sentence.start, sentence.end) is not None)  # 居全国第2位
            if not has_number and not any(ch in self.time_chars for ch in sentence.text):
                continue
            now = self.now(a, sentence.start)
            year = span_starts.get(doc.part_at(sentence.start).index, now)
            start = markers.get(sentence.start, sentence.start)
            every = [m for m in self.time.moments(text, start, sentence.end, year) if not cited(m.start)]
            moments = [m for m in every if m.kind != "span" or self._opens_clause(text, start, m.start)]
            opening = self._opening(text, moments, start, sentence.end)
            opening_end = start
            if opening is not None and (not text[start:opening.start].strip(" “")
                                        or text[start:opening.start].rstrip(" “").endswith(_LABEL_MARKS)):
                opening_end = opening.end
            setting = self.binder.setting(a, start, sentence.end, opening_end)
            sec = doc.section_at(sentence.start)
            inherited = paragraph_time.get(sentence.paragraph)
            if inherited is None and opening is None:
                inherited = (a.memo.get("row deadlines", {}).get(sentence.paragraph)  # a task table's 完成时限
                             or self.labelled(a, sentence.paragraph, now)  # …；完成时限：2024年6月底前）
                             or self._introduced(a, sentence.paragraph, paragraph_time))
            if setting.section == "target" and sec is not None and inherited is None:
                inherited = section_deadline.get(sec.index)
            if opening is not None:
                held = paragraph_time.get(sentence.paragraph)
                if held is None or (held.kind in ("deadline", "span") and opening.kind in ("deadline", "span")):
                    paragraph_time[sentence.paragraph] = opening  # 用3年时间，…。用5年时间，…: the stage it opens
                if setting.section == "target" and sec is not None and opening.kind in ("deadline", "span"):
                    section_deadline.setdefault(sec.index, opening)
            if has_number:
                self._sentence(a, sentence, start, moments, every, opening_end, inherited, setting, markers, now,
                               glued)

    def _opens_clause(self, text: str, start: int, pos: int) -> bool:
        """True if ``pos`` opens the sentence or a clause (…工程，5年内培养…), not a noun phrase (5年内关税减让显著的…)."""
        return pos == start or text[pos - 1] in self.clause_marks

    @staticmethod
    def _introduced(a: Analysis, paragraph: int, paragraph_time: dict[int, Moment]) -> Moment | None:
        """The time of the paragraph a colon closes (2017年：计划新建安置房2122套，共涉及安置点3个：) for the
        paragraphs it introduces (长寨：596套…), back over those of the same section with no time of their own.
        Each paragraph's answer is kept, so a long run of them is walked once."""
        memo, paragraphs = a.memo.setdefault("introduced", {}), a.doc.paragraphs
        chain, k, found = [], paragraph, None
        while k not in memo:
            chain.append(k)
            j = k - 1
            if j < 0 or paragraphs[j].role != "body" or paragraphs[j].section != paragraphs[k].section:
                break
            if a.text[paragraphs[j].start:paragraphs[j].end].rstrip().endswith(_LABEL_MARKS):
                found = paragraph_time.get(j)
                break
            if j in paragraph_time:
                break
            k = j
        else:
            found = memo[k]
        for c in chain:
            memo[c] = found
        return found

    def _opening(self, text: str, moments: list[Moment], start: int, end: int) -> Moment | None:
        """The time that opens the sentence, in its first clause, or in the first after a label a colon closes
        (中期目标（2026－2030）：到2030年，…): it holds for the rest of the paragraph."""
        first_end = self._first_clause_end(text, start, end)
        opening = next((m for m in moments if m.kind in BINDING_KINDS and m.start < first_end), None)
        if opening is None and first_end < end and text[first_end] in _LABEL_MARKS \
                and first_end - start <= self.label_reach:
            after = self._first_clause_end(text, first_end + 1, end)
            opening = next((m for m in moments if m.kind in BINDING_KINDS and first_end < m.start < after
                            and not text[first_end + 1:m.start].strip(" “")), None)
        return opening

    def _first_clause_end(self, text: str, start: int, end: int) -> int:
        for k in range(start, end):
            if text[k] in self.clause_marks:
                return k
        return end

    def now(self, a: Analysis, pos: int) -> int | None:
        """The year of the document ``pos`` is in (:class:`~kg.extract.quantities.dating.DocumentYear`)."""
        return self.dating(a, pos)

    # -- one sentence ------------------------------------------------------------------
    def _sentence(self, a: Analysis, sentence, start: int, moments: list[Moment], every: list[Moment], opening_end: int,
                  inherited: Moment | None, setting: Setting, markers: dict[int, int], now: int | None,
                  glued: list[tuple[int, int]] = ()) -> None:
        """Read the quantities of one sentence; ``moments`` are the times that bind, ``every`` all it writes
        (a span inside a noun phrase, 5年内关税减让显著的商品, binds nothing but is no quantity either)."""
        text = a.text
        previous_indicator, previous_end = None, start
        sentence_period = None
        excluded = [(m.start, m.end) for m in every if m.kind != "span"]  # 3年内不得…: a span is a length of time too
        spans = {m.start for m in every if m.kind == "span"}
        starts = [m.start for m in moments]
        ordered = starts == sorted(starts)
        near = self.roles.sentence_reach  # an indicator, carried or not, lies within this of its figure

        def moments_near(m) -> list[Moment]:  # not all of a long line's times for each of its figures
            if not ordered:
                return moments
            return moments[bisect.bisect_left(starts, m.start - near):bisect.bisect_right(starts, m.right + near)]

        previous_clause, spread, whole = (start, start), [], None  # whole: the cue of a figure 其中 parts
        for cs, ce in a.clauses(start, sentence.end, self.clause_marks):
            if cs > sentence.start and text[cs - 1] in self.segment_marks:
                sentence_period = whole = None  # a period word holds only up to the next ；
            if text.startswith(self.roles.part_marks, cs):  # 共布局138个，其中，高速34个: the parts of the last figure
                last = a.memo.get("last cue")
                whole = last[1] if last and last[0] == sentence.paragraph else None
            cs = max(cs, opening_end)
            cs, ce = strip_span(text, cs, ce)
            cs = markers.get(cs, cs)  # the clause starts after an item's marker
            for m in moments:  # 深入实施…工程，5年内培养…: a time opening the clause is no part of an indicator
                if m.start == cs and m.kind in BINDING_KINDS:
                    cs, ce = strip_span(text, m.end, ce)
            if ce <= cs:
                continue
            clause_before, previous_clause = previous_clause, (cs, ce)
            quantities = [q for q in self.finder.quantities(text, cs, ce, excluded + glued) if q.start not in markers]
            quantities = [q for q in quantities if not self._attributive_span(text, q, spans, quantities)
                          and not self._line_number(text, q)]
            if not quantities:  # 逐步提高公办幼儿园在园幼儿比例，2027年达到60%以上: what the next figure measures
                aimed = self.binder.changed_object(text, cs, ce)
                previous_indicator = aimed or previous_indicator
                previous_end = ce if aimed else previous_end
                continue
            listed_unit = None  # the unit of a planned output this clause lists (100名…、200名…)
            readings = self.binder.respread(text, self.binder.clause(a, quantities, cs, ce, setting), spread)
            spread = []  # the indicators this clause spreads a list of values over (分别)
            for r in readings:
                m = r.mention
                q = m.quantity
                indicator = self.binder.carried(r.indicator, previous_indicator)
                indicator = _without(indicator, text, moments_near(m), self.joining)
                if not _WORD_CHAR.search(indicator) and previous_indicator and (
                        text[m.left:m.start] in self.roles.reach_words or self.binder.listed(text, previous_end, m.words_start)
                        or self.binder.joined_to_previous(text, previous_end, m.words_start, q.unit)):
                    indicator = previous_indicator  # 由…的3000亿元增长到5000亿元, 分别增长4%、6%: the same indicator
                if previous_indicator and indicator in self.roles.to_words:
                    indicator = previous_indicator  # 由2010年的32.3%增加到2015年的54.15%: a year between them
                if not _WORD_CHAR.search(indicator or "") and (
                        m.words_start == cs or self.binder.joined_to_previous(text, cs, m.words_start)):
                    indicator = self._label_before(text, cs)  # 长寨：596套2470人, 测算：（4000元×…: its colon's label
                if not _WORD_CHAR.search(indicator or "") and m.written and clause_before[1] > clause_before[0]:
                    indicator = previous_indicator or text[slice(*clause_before)]  # 给予资金配套，最高500万元
                if not _WORD_CHAR.search(indicator or ""):
                    indicator = self._aside_of(text, m.words_start)  # …应用场景。（0.5分）: what the bracket scores
                if not indicator or not _WORD_CHAR.search(indicator):
                    continue
                if self.finder.needs_comparator(q) and q.unit != "%" and not self.finder.strong(text, q, ce) \
                        and not self._counted(a, r, cs, ce) and not self._moved_from(text, m, cs, ce) \
                        and not (q.unit is None and text.endswith(self.index_nouns, cs, m.left)):  # 综合指数4.463
                    continue  # 14亿多中国人 is counted; 三年行动, 八项规定, 3.0版 are names
                previous_indicator, previous_end = indicator, m.right
                spread += [indicator] if r.distributed else []
                period = r.period or sentence_period
                if r.leading:
                    sentence_period = period  # 每年…，…: a period opening a clause holds for the rest
                moment, level = self.binder.time_of(text, m, moments, inherited, setting)
                if moment is not None and setting.section == "review" and not _DIGIT.search(text[moment.start:moment.end]):
                    moment = None  # 年内开工项目57个 under 一、2018年工作回顾: the year reviewed, not the report's
                state = state_of(moment, now, setting, self.roles.reports(a, q.start))
                opens = setting.scope_span[1] if setting.scope_span and setting.scope_span[0] == cs else cs
                share = q.unit == "%" and self.binder.share_of(a, q, opens, self.joining)  # 全市90%的…, 覆盖全省50%企业
                output = (q.unit in self.output_units and m.left > cs and not m.written
                          and a.tag_at(m.left - 1) in self.verb_tags)  # 筹建50家企业研发中心
                output = output or (listed_unit is not None and q.unit == listed_unit)
                marked = bool(m.written or period or m.change or text.startswith(self.target_verbs, opens) or share or output)
                clues = Clues(self.roles, a, r, (sentence.start, sentence.end), setting, state,
                              {"marked": marked, "far_time": level in (None, "paragraph", "section")})
                cue = self.roles.decide(clues)
                cue = whole if whole is not None and cue.id in self.roles.part_cues else cue
                if whole is None:  # a part is no whole of the parts after it
                    a.memo["last cue"] = (sentence.paragraph, cue)
                if output and cue.id == "target.measure":
                    listed_unit = q.unit
                self._record(a, r, indicator, period, cue.role, cue.id, moment, state, setting, now)

    def _attributive_span(self, text: str, q, spans: set, quantities: list) -> bool:
        """A span that describes a noun a later figure counts (5年内关税减让显著的2725种商品) is no quantity."""
        if q.start not in spans:
            return False
        return any(o.start > q.end and any(p in text[q.end:o.start] for p in self.joining) for o in quantities)

    @staticmethod
    def _label_before(text: str, cs: int) -> str:
        """The label a colon closes right before the clause at ``cs`` (长寨：596套), back to the clause or
        line before it; empty if no colon stands there."""
        if not text.endswith(_LABEL_MARKS, 0, cs):
            return ""
        label = text[_clause_start(text, cs - 1):cs - 1].strip()
        return label if HAN_CHAR.search(label) else ""  # not a style's height:100%

    @staticmethod
    def _aside_of(text: str, pos: int) -> str:
        """The last clause of the sentence a bracket opening at ``pos`` follows (丰富线上应用场景。（0.5分）), or
        empty if the bracket follows no end of a sentence."""
        k = pos
        while k > 0 and text[k - 1] in _ASIDE_OPENS:
            k -= 1
        if k == pos or k == 0 or text[k - 1] not in _ASIDE_AFTER:
            return ""
        start = _clause_start(text, k - 1)
        clause = text[start:k - 1].strip()
        return clause if HAN_CHAR.search(clause) and k - 1 - start <= _ASIDE_REACH else ""

    @staticmethod
    def _line_number(text: str, q) -> bool:
        """A whole number with no unit opening a line before words (1 指每万人口…, 14上海市“十四五”规划): a note's
        or a page's number, a count being written with its measure word in Chinese."""
        if q.unit is not None or not q.written.isdigit() or (q.start and text[q.start - 1] != "\n"):
            return False
        k = q.end
        while k < len(text) and text[k] in " \t\u3000":
            k += 1
        return k < len(text) and is_han(text[k])

    def _moved_from(self, text: str, m, cs: int, ce: int) -> bool:
        """A level a change starts from needs no unit (收入倍差从2.42缩小至2.12): 从/由 before it, a move after."""
        roles = self.roles
        return text[cs:m.left].endswith(roles.from_words) and text.startswith(roles.to_words, m.right, ce)

    def _counted(self, a: Analysis, r: Reading, cs: int, ce: int) -> bool:
        """A number with no unit that counts the noun after it (惠及3700多万学生), not a name or a version (3.0版)."""
        m, q = r.mention, r.mention.quantity
        if q.written == self.finder.reader.zero:
            return True  # 事故零发生: a count of nothing
        if q.unit is None:
            scaled = any(ch in self.finder.reader.multipliers for ch in q.written)  # 0.6万 counts; 3.0 names a version
            return (q.written[:1].isdigit() and ("." not in q.written or scaled)
                    and self.binder.tail_joins(a, m.left, m.right, ce)
                    and (m.left == cs or a.tag_at(m.left - 1) not in self.not_counting_tags))
        # 三个方面, 用3年时间 are counts; 八项规定 names a programme, 三年行动 tells how long one runs; 五大战略性产业集群
        # counts the major ones of what follows, whatever it is
        return q.unit in self.major_units or not a.text.startswith(self.name_nouns, m.right) \
            or self.finder.campaign_length(a.text, q, m.right)

    # -- the record ----------------------------------------------------------------------
    def _record(self, a: Analysis, r: Reading, indicator: str, period: Period | None, role: str, rule: str,
                moment: Moment | None, state: str | None, setting: Setting, now: int | None) -> None:
        m = r.mention
        q = m.quantity
        ev = a.evidence(r.evidence_start, m.right, rule)
        common = dict(indicator=indicator, comparator=m.comparator, value=q.value, value_max=q.value_max,
                      unit=q.unit, scope=setting.scope, scope_written=setting.scope_written, period=period,
                      evidence=ev, canonical_indicator=self.canonical_indicator(indicator),
                      document=a.subject_at(q.start), change=m.change, number=a.doc.span(q.start, q.end), per=m.per)
        if role == "target":
            task = a.enclosing("task", q.start)
            measure = a.enclosing("measure", q.start)
            deadline = None
            if rule != "target.service-standard":
                deadline = moment.deadline if moment is not None and (state == "future" or rule == "target.planned") \
                    else None  # 2016年：计划搬迁1297户: planned for 2016, written after it
                deadline = deadline or (measure.deadline if measure else None) or (task.deadline if task else None)
                deadline = deadline or self.plan_end(a, q.start)
            a.found.targets.append(Target(**common, deadline=deadline, task=task.order if task else None,
                                          measure=measure.order if measure else None))
        elif role == "baseline":
            year = moment.year if moment is not None and state == "past" else setting.section_year
            if year is None and rule in ("baseline.current", "baseline.from", "baseline.report", "baseline.exists",
                                         "baseline.year-on-year"):
                year = now  # 现有…, 由35万元调整为…: the level when the document was written
            if year is None and setting.section == "review" and now is not None:
                year = now - 1  # 一、过去一年工作回顾 names no year: the one before the document's
            a.found.baselines.append(Baseline(**common, year=year))
        else:
            cls, name = OTHER_RECORDS[role]
            getattr(a.found, name).append(cls(**common))

    @staticmethod
    def plan_end(a: Analysis, pos: int) -> Deadline | None:
        """The last year of the period of the plan the text at ``pos`` belongs to."""
        period = QuantityReader.plan_period(a, pos)
        return Deadline(period[1]) if period else None

    @staticmethod
    def plan_period(a: Analysis, pos: int) -> tuple[int, int] | None:
        """The period of the plan the text at ``pos`` belongs to; for a notice that issues plans (关于印发
        《…2021年电网投资调整计划》的通知, read as one part with them), theirs if they agree."""
        key = a.subject_at(pos)
        plan = next((d for d in a.found.documents if d.key == key and d.period_end), None)
        if plan is not None:
            return plan.period_start or plan.period_end, plan.period_end
        subject = next((d for d in a.found.documents if d.key == key), None)
        if subject is None or not subject.title:
            return QuantityReader._named_period(a, pos)
        issued = set(subject.issues) or {d.key for d in a.found.documents
                                         if d.title and not d.is_source and f"《{d.title}》" in subject.title}
        periods = {(d.period_start or d.period_end, d.period_end) for d in a.found.documents
                   if d.key in issued and d.period_end}
        return periods.pop() if len(periods) == 1 else None

    @staticmethod
    def _named_period(a: Analysis, pos: int) -> tuple[int, int] | None:
        """For a part with no title (a plan's goals cut from it), the five-year plan its text names most
        (“十四五”期间累计落实…), if one is named more than any other: the plan it is a part of."""
        part = a.doc.part_at(pos)
        cache = a.memo.setdefault("the period a part names", {})
        if part.index not in cache:
            text = a.text[part.start:part.end]
            counts = sorted(((text.count(name), years) for name, years in time_reader().plans.items()), reverse=True)
            named = [c for c in counts if c[0]]
            cache[part.index] = named[0][1] if named and (len(named) == 1 or named[0][0] > named[1][0]) else None
        return cache[part.index]


def _covering(spans: list[tuple]) -> Callable[[int], bool]:
    """Whether a position lies inside one of ``spans`` ((start, end, …) in start order): a bisection of their
    starts and the furthest end reached by then, not a walk over all of them for every position."""
    starts, reach = [s for s, *_ in spans], list(accumulate((e for _, e, *_ in spans), max))
    return lambda pos: (k := bisect.bisect_right(starts, pos) - 1) >= 0 and reach[k] > pos


def _clause_start(text: str, end: int) -> int:
    """Where the clause or line ending at ``end`` begins: right after the last of `_LABEL_STOPS` before it."""
    k = end
    while k > 0 and text[k - 1] not in _LABEL_STOPS:
        k -= 1
    return k


def _without(indicator: str, text: str, moments: list[Moment], particles: str) -> str:
    """The indicator without a time written inside it (单位GDP能耗比2020年下降: 单位GDP能耗下降)."""
    for m in moments:
        written = text[m.start:m.end]
        for form in (written, written.rstrip(particles)):  # 2020年的 stands as 2020年 once 的 is stripped
            if len(form) > 1 and form in indicator:
                indicator = indicator.replace(form, "")
                break
    return indicator.strip("，、 ")
