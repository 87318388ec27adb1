"""Quantitative targets and baseline statistics.

A sentence is read clause by clause (，；). Each quantity (a number with its
unit) gets a comparator from the words around it (超过 >, 达到 >=, 以上 >=,
左右 ~, 控制在…以内 <=, a range 5-10), and an indicator from the text of its
clause: what precedes it, plus what follows it when a verb precedes it
(累计培育30家以上高校院所技术转移服务机构 gives 培育高校院所技术转移服务机构).
Period words (年度, 每年 annual; 累计 cumulative) and the scope (a place
opening the sentence: 中关村示范区) are taken out of the indicator. A clause
of only a change verb (增长8.1%) takes the indicator of the clause before it;
分别 spreads a list of values over a list of indicators.

Whether a quantity is a target or a baseline depends on where it stands:

``target.deadline``
    the sentence sets a deadline (到2021年…, 今年…), or stands in a target
    section (发展目标) after one;
``baseline.year``
    the sentence opens with a past year (2018年，…, 去年…), or stands in a
    review section (一、2021年工作回顾);
``target.measure``
    in a task or measure, the quantity has a comparator or a period word
    (每年推动50项以上…);
``target.service-standard``
    a time limit (7个工作日内答复) in a sentence that obliges someone.

Everything else (以下4个突出特点, 用3年的时间, conditions such as
对……完成投资1000万元及以上的) is neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

from kg.extract.base import Analysis, Lexicon, strip_span
from kg.extract.places import gazetteer
from kg.extract.records import Baseline, Comparator, Deadline, Period, Target
from kg.nlp.numbers import Quantity, number_reader
from kg.nlp.time import time_reader
from kg.resources import compile_pattern, load_toml, read_table

_CLAUSES = "，；：,;:"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_OPENING_QUOTES = "“‘「『"


@dataclass(frozen=True)
class _Context:
    deadline: Deadline | None
    baseline_year: int | None
    scope: str | None
    scope_written: str | None
    scope_span: tuple[int, int] | None
    context_end: int  # where the deadline / baseline phrase ends
    horizon: bool = False  # the sentence sets a span of years (5年内): its figures are targets


class QuantityReader:
    def __init__(self) -> None:
        cfg = load_toml("targets.toml")
        ctx = cfg["context"]
        self.reader = number_reader()
        self.time = time_reader()
        self.before = sorted(cfg["comparators"]["before"].items(), key=lambda kv: -len(kv[0]))
        self.after = sorted(cfg["comparators"]["after"].items(), key=lambda kv: -len(kv[0]))
        self.deadline = [compile_pattern(p, "targets.toml context.deadline") for p in ctx["deadline"]]
        self.baseline = [compile_pattern(p, "targets.toml context.baseline") for p in ctx["baseline"]]
        self.span_from = compile_pattern(ctx["span_from"], "targets.toml context.span_from")
        self.span = compile_pattern(ctx["span"], "targets.toml context.span")
        self.target_cues = tuple(ctx["target_cues"])
        self.target_verbs = tuple(ctx["target_verbs"])
        self.count_units = set(ctx["count_units"])
        self.target_sections = tuple(ctx["target_sections"])
        self.review_sections = tuple(ctx["review_sections"])
        self.condition_starts = tuple(ctx["condition_starts"])
        self.condition_end = ctx["condition_end"]
        self.service_units = set(ctx["service_units"])
        self.service_marker = ctx["service_marker"]
        self.obligations = tuple(ctx["obligation_words"])
        self.service_subjects = tuple(ctx["service_subjects"])
        self.change_verbs = tuple(sorted(ctx["change_verbs"], key=len, reverse=True))
        self.distributive = ctx["distributive"]
        self.segment_marks = "；;"
        self.list_marks = "".join(s for s in ctx["list_separators"] if len(s) == 1 and not _HAN.match(s)) + "，；,;"
        self.list_mark = "、"  # the one separator that never stands inside a name
        self.list_separators = "|".join(re.escape(s) for s in sorted(ctx["list_separators"], key=len, reverse=True))
        self.relative_scopes = dict(ctx["relative_scopes"])
        self.per_unit = tuple(ctx["per_unit"])
        self.condition_units = set(ctx["condition_units"])
        self.duration_units = set(ctx["duration_units"])
        self.tail_break_tags = set(ctx["tail_break_tags"])
        self.verb_tags = set(ctx["verb_tags"])
        self.not_counting_tags = set(ctx["not_counting_tags"])
        self.periods = sorted(
            [(w, Period.ANNUAL) for w in cfg["period"]["annual"]] + [(w, Period.CUMULATIVE) for w in cfg["period"]["cumulative"]],
            key=lambda kv: -len(kv[0]),
        )
        self.carries = tuple(cfg["period"]["carries"])
        self.strip_leading = sorted(cfg["indicator"]["strip_leading"], key=len, reverse=True)
        self.strip_trailing = sorted(cfg["indicator"]["strip_trailing"], key=len, reverse=True)
        self.joining_particles = "".join(cfg["indicator"]["joining_particles"])
        self.places = gazetteer()
        self.indicators = Lexicon(
            {alias: row["canonical"] for row in read_table("indicators.tsv", ("canonical", "aliases"), required=1)
             for alias in [row["canonical"], *filter(None, row["aliases"].split("|"))]}
        )

    def canonical_indicator(self, written: str) -> str:
        """Return the canonical indicator name of a written one (from indicators.tsv)."""
        return self.indicators.get(written) or written

    # -- where a sentence stands ------------------------------------------------------
    def context(self, a: Analysis, start: int, end: int, span_start: int | None = None) -> _Context:
        text = a.text
        sentence = text[start:end]
        doc_year = a.year_at(start)
        deadline = baseline = None
        context_end = start
        horizon = False
        # A span counts when it opens the sentence or a clause (…工程，5年内培养…),
        # not inside a noun phrase (5年内关税减让显著的2725种商品).
        m = next((x for pattern in (self.span_from, self.span) for x in pattern.finditer(sentence)
                  if x.start() == 0 or sentence[x.start() - 1] in _CLAUSES), None)
        if m:
            # 2012年起5年内 / 5年内: by the span's last year
            horizon = True
            first = int(m["y"]) if "y" in m.groupdict() else (span_start or doc_year)
            if first is not None:
                deadline = Deadline(first + _count(m["n"]) - 1)
            if m.start() == 0:
                context_end = start + m.end()
        for pattern in self.deadline if deadline is None else ():
            m = pattern.search(sentence)
            if m:
                deadline = Deadline(int(m["y"]))
                context_end = start + m.end() if m.start() == 0 else start
                break
        if deadline is None:
            for pattern in self.baseline:
                m = pattern.search(sentence)
                if m and self._is_past(a, int(m["y"]), doc_year):
                    baseline, context_end = int(m["y"]), start + m.end()
                    break
        if deadline is None and baseline is None and not horizon:
            rel = self.time.relative_year(sentence[: self._first_clause_end(sentence)], doc_year)
            if rel:
                year, _, rel_end = rel
                if doc_year is not None and year < doc_year:
                    baseline = year
                else:
                    deadline = Deadline(year)
                if sentence[:rel[1]].strip() == "":
                    context_end = start + rel_end
        scope = scope_written = scope_span = None
        s, _ = strip_span(text, context_end, end)
        relative = next((w for w in sorted(self.relative_scopes, key=len, reverse=True) if text.startswith(w, s, end)), None)
        if relative:
            scope_written, scope_span = relative, (s, s + len(relative))
            scope = a.found.regions.get(self.relative_scopes[relative])
        else:
            for ps, pe, entry in self.places.finditer(text, a.tokens, s, min(end, s + 20)):
                if ps == s:
                    scope, scope_written, scope_span = entry.canonical, text[ps:pe], (ps, pe)
                break
        return _Context(deadline, baseline, scope, scope_written, scope_span, context_end, horizon)

    @staticmethod
    def _first_clause_end(sentence: str) -> int:
        for k, ch in enumerate(sentence):
            if ch in _CLAUSES:
                return k
        return len(sentence)

    @staticmethod
    def _is_past(a: Analysis, year: int, doc_year: int | None) -> bool:
        """True if ``year`` lies before the document's own time."""
        refs = [doc_year] if doc_year else []
        subject = next((d for d in a.found.documents if d.period_start), None)
        if subject:
            refs.append(subject.period_start)
        return not refs or year < max(refs)

    def section_context(self, a: Analysis, pos: int) -> tuple[str | None, int | None]:
        """Return ``("target"|"review"|None, year)`` for the sections around ``pos``."""
        sec = a.doc.section_at(pos)
        doc_year = a.year_at(pos)
        while sec is not None:
            heading = sec.heading
            m = self.time.title_year.search(heading)
            if any(c in heading for c in self.review_sections):
                return "review", int(m["y"]) if m else (doc_year - 1 if doc_year else None)
            if m and doc_year and int(m["y"]) < doc_year:
                return "review", int(m["y"])
            if any(c in heading for c in self.target_sections):
                return "target", None
            sec = a.doc.sections[sec.parent] if sec.parent is not None else None
        return None, None

    # -- one quantity ---------------------------------------------------------------
    def comparator(self, text: str, q: Quantity, start: int, end: int) -> tuple[Comparator, int, int, bool]:
        """Return the comparator of ``q``, where its words start and end, and whether one was written."""
        pre = next(((w, c) for w, c in self.before if q.start - len(w) >= start and text.startswith(w, q.start - len(w))), None)
        post = next(((w, c) for w, c in self.after if text.startswith(w, q.end, end)), None)
        if post and post[0] == self.service_marker and q.unit not in self.service_units:
            post = None  # 内 bounds only time limits
        left = q.start - len(pre[0]) if pre else q.start
        right = q.end + len(post[0]) if post else q.end
        if q.value_max is not None:
            return Comparator.RANGE, left, right, True
        if post and (not pre or pre[1] == "="):
            return Comparator(post[1]), left, right, True
        if pre:
            return Comparator(pre[1]), left, right, True
        if q.more:
            return Comparator.GREATER, left, right, True  # 3700多万
        return Comparator.EQUAL, left, right, False

    def _tag_at(self, a: Analysis, pos: int) -> str | None:
        word = a.tokens.word_at(pos)
        return a.segmenter.tag(word[2]) if word else None

    def _tail_joins(self, a: Analysis, head_end: int, start: int, end: int) -> bool:
        """True if the text after a number names what it counts: after a verb
        (培育3家|…平台) always, after a noun only if it starts like a noun."""
        if start >= end or a.text[start] in self.list_marks:
            return False
        if self._tag_at(a, head_end - 1) in self.verb_tags:
            return True
        while start < end and a.text[start] in _OPENING_QUOTES:
            start += 1  # 100名“大学生创业能手”
        return start < end and bool(_HAN.match(a.text[start])) and self._tag_at(a, start) not in self.tail_break_tags

    def indicator(self, a: Analysis, before: tuple[int, int], after: tuple[int, int], ctx: _Context) -> tuple[str, Period | None, bool]:
        """Return the indicator, its period, and whether the period word opened the clause (每年…)."""
        text = a.text
        s, e = before
        if ctx.scope_span and ctx.scope_span[0] <= s < ctx.scope_span[1]:
            s = ctx.scope_span[1]
        period, leading = None, False
        changed = True
        while changed:
            changed = False
            for word in self.strip_leading:
                if text.startswith(word, s, e):
                    s += len(word)
                    changed = True
            for word, kind in self.periods:
                if text.startswith(word, s, e):
                    s, period, leading, changed = s + len(word), kind, word in self.carries, True
                elif text.endswith(word, s, e):
                    e, period, changed = e - len(word), kind, True
            for word in self.strip_trailing:
                if text.endswith(word, s, e):
                    e -= len(word)
                    changed = True
        while s < e and text[s] in self.list_marks:
            s += 1  # 、规模9.8万亿元: the list mark is not part of the indicator
        head = text[s:e].strip()
        if after[0] < after[1] and text[after[0]] in self.list_marks:
            return head, period, leading  # 增加约1.5万亿元、规模…: a list goes on, no object follows
        a_s, a_e = strip_span(text, *after)
        while a_s < a_e and text[a_s] in self.joining_particles:
            a_s += 1
        tail = text[a_s:a_e]
        if _HAN.search(tail) and (not head or self._tail_joins(a, e, a_s, a_e)):
            return _balanced(head + tail), period, leading
        return _balanced(head), period, leading

    def _strong(self, text: str, q: Quantity, end: int) -> bool:
        """True if a comparator word other than 多/余 stands by ``q`` (突破5亿, 5亿以上)."""
        pre = any(q.start >= len(w) and text.startswith(w, q.start - len(w)) for w, _ in self.before)
        post = any(text.startswith(w, q.end, end) for w, _ in self.after if w not in self.reader.more_than)
        return pre or post

    def _is_service(self, text: str, q: Quantity, comparator: Comparator) -> bool:
        """True for a time limit: 7个工作日内."""
        return comparator is Comparator.AT_MOST and q.unit in self.service_units and text.startswith(self.service_marker, q.end)

    def _government_subject(self, a: Analysis, start: int, end: int) -> bool:
        """True if an agency, or a word for a government body, stands in ``[start, end)``."""
        return bool(a.located("agency", start, end)) or any(w in a.text[start:end] for w in self.service_subjects)

    def _is_condition(self, text: str, s: int, e: int) -> bool:
        clause = text[s:e]
        return clause.endswith(self.condition_end) and clause.startswith(self.condition_starts)

    def _carried(self, indicator: str, previous: str | None) -> str:
        """An indicator that is only a change verb takes the subject of the one before it."""
        if previous and indicator in self.change_verbs:
            base = previous
            for verb in self.change_verbs:
                if base.endswith(verb):
                    base = base[: -len(verb)]
                    break
            return base + indicator
        return indicator

    # -- the component ------------------------------------------------------------
    def __call__(self, a: Analysis) -> None:
        text, doc = a.text, a.doc
        inherited: dict[int, Deadline] = {}  # section index -> deadline of a target section
        markers = {s.marker_start: s.heading_start for s in doc.sections}  # 9．完善…: the 9 numbers an item
        span_starts: dict[int, int] = {}  # part -> the start year of 2012年起5年内
        for m in self.span_from.finditer(text):
            span_starts.setdefault(doc.part_at(m.start()).index, int(m["y"]))
        for sentence in doc.sentences:
            if doc.paragraphs[sentence.paragraph].role != "body":
                continue
            kind, section_year = self.section_context(a, sentence.start)
            if kind != "target" and not self.reader.pattern.search(text, sentence.start, sentence.end):
                continue  # no number to read, and no deadline that later sentences of a target section inherit
            ctx = self.context(a, markers.get(sentence.start, sentence.start), sentence.end,
                               span_starts.get(doc.part_at(sentence.start).index))
            sec = doc.section_at(sentence.start)
            deadline, baseline_year = ctx.deadline, ctx.baseline_year
            if kind == "target" and sec is not None:
                if deadline is not None:
                    inherited.setdefault(sec.index, deadline)
                elif baseline_year is None:
                    deadline = inherited.get(sec.index)
            if kind == "review" and deadline is None and baseline_year is None:
                baseline_year = section_year
            task = a.enclosing("task", sentence.start)
            obliged = any(w in sentence.text for w in self.obligations)
            previous_indicator = None
            sentence_period = None
            for cs, ce in a.clauses(sentence.start, sentence.end, _CLAUSES):
                if cs > sentence.start and text[cs - 1] in self.segment_marks:
                    sentence_period = None  # a period word holds only up to the next ；
                cs = max(cs, ctx.context_end)
                cs, ce = strip_span(text, cs, ce)
                cs = markers.get(cs, cs)  # the clause starts after an item's marker
                span = self.span.match(text, cs, ce)
                if span:
                    cs = span.end()  # 深入实施…工程，5年内培养…: the span is no part of an indicator
                if ce <= cs or self._is_condition(text, cs, ce):
                    continue
                spans = [(x.start(), x.end()) for x in self.span.finditer(text, cs, ce)]
                quantities = [q for q in self.reader.quantities(text, cs, ce)
                              if not _inside_title(text, q.start) and q.start not in markers
                              and not any(s <= q.start < e for s, e in spans)]
                figures = self._figures(a, text, quantities, cs, ce, ctx)
                listed_unit = None  # the unit of a planned output this clause lists (100名…、200名…)
                for q, comparator, written, indicator, period, leading, ev_start, right, left in figures:
                    indicator = _balanced(self._carried(indicator, previous_indicator))
                    if not indicator or not re.search(r"[\u4e00-\u9fffA-Za-z]", indicator) \
                            or re.fullmatch(f"(?:{self.list_separators})+", indicator):
                        continue
                    if q.unit in self.condition_units or indicator.startswith(self.per_unit):
                        continue  # 3岁以下婴幼儿, 单个项目贴息期不超过3年: conditions and caps
                    needs_comparator = q.unit is None or q.unit in self.duration_units or not q.written[:1].isdigit()
                    counted = (q.unit is None and q.written[:1].isdigit() and "." not in q.written and left > cs
                               and self._tail_joins(a, left, right, ce)
                               and self._tag_at(a, left - 1) not in self.not_counting_tags)  # 惠及3700多万学生, not 3.0版
                    if needs_comparator and q.unit != "%" and not self._strong(text, q, ce) and not counted:
                        continue  # 14亿多中国人, 三年行动, 八项规定: names and spans, not figures
                    previous_indicator = indicator
                    period = period or sentence_period
                    if leading:
                        sentence_period = period  # 每年…，…: a period opening a clause holds for the rest
                    cue = any(c in text[cs:q.start] for c in self.target_cues)  # 力争全省建成10个
                    opens = ctx.scope_span[1] if ctx.scope_span and ctx.scope_span[0] == cs else cs
                    service = self._is_service(text, q, comparator)
                    # 全市90%的重点领域市场主体纳入…: the share of a population that must reach a state
                    share = q.unit == "%" and q.start == opens and text.startswith(self.joining_particles, q.end)
                    output = (q.unit in self.count_units and left > cs and not written
                              and self._tag_at(a, left - 1) in self.verb_tags)  # 筹建50家企业研发中心
                    output = output or (listed_unit is not None and q.unit == listed_unit)
                    if service and obliged and self._government_subject(a, sentence.start, q.start):
                        rule = "target.service-standard"
                    elif deadline is not None:
                        rule = "target.deadline"
                    elif baseline_year is not None:
                        rule = "baseline.year"
                    elif cue or ((written or period or text.startswith(self.target_verbs, opens) or share or output or ctx.horizon)
                                 and (task is not None or any(c in sentence.text for c in self.target_cues))):
                        rule = "target.service-standard" if service else "target.measure"  # 48小时内放行
                    else:
                        continue
                    if output and rule == "target.measure":
                        listed_unit = q.unit
                    ev = a.evidence(ev_start, right, rule)
                    common = dict(indicator=indicator, comparator=comparator, value=q.value, value_max=q.value_max,
                                  unit=q.unit, scope=ctx.scope, scope_written=ctx.scope_written, period=period,
                                  evidence=ev, canonical_indicator=self.canonical_indicator(indicator),
                                  document=a.subject_at(q.start))
                    if rule.startswith("target"):
                        measure = a.enclosing("measure", q.start)
                        a.found.targets.append(Target(
                            **common, deadline=None if rule == "target.service-standard" else deadline,
                            task=task.order if task else None, measure=measure.order if measure else None))
                    else:
                        a.found.baselines.append(Baseline(**common, year=baseline_year))

    def _figures(self, a: Analysis, text: str, quantities: list[Quantity], cs: int, ce: int, ctx: _Context):
        """Yield what each quantity of a clause says: comparator, indicator, period, evidence span."""
        spread = self._distributed(text, quantities, cs, ce, ctx)
        asides = self._asides(text, quantities, ce)
        prev_end = cs
        out = []
        first = None
        for k, q in enumerate(quantities):
            if k in asides:
                # 新增2400户（累计约3600户）大中型餐饮单位: the bracket restates the main figure's indicator
                open_, close = asides[k]
                comparator, left, right, written = self.comparator(text, q, open_ + 1, close)
                m = out[-1] if out and out[-1][0] is quantities[k - 1] else None
                if m is None:
                    continue
                rest = [x for x in quantities[k + 1:] if x.start > close]
                indicator, period, _ = self.indicator(a, (open_ + 1, left), (close + 1, rest[0].start if rest else ce), ctx)
                out.append((q, comparator, written, indicator, period, False, m[6], right, left))
                continue
            comparator, left, right, written = self.comparator(text, q, prev_end, ce)
            if spread:
                if first is None:
                    first = (comparator, written)
                elif not written:
                    comparator, written = first  # 分别达30%、20%和10%: 达 holds for each
                indicator, period, leading = spread[k], None, False
                ev_start = cs
            else:
                after = right
                if k + 1 in asides:
                    after = asides[k + 1][1] + 1
                rest = [x for x in quantities[k + 1:] if x.start >= after]
                nxt = rest[0].start if rest else ce
                if rest:  # 200名技能突出人才、2000名…: the list mark ends this one's object
                    nxt = self._before_separator(text, after, nxt)
                if k:
                    cut = text.rfind(self.list_mark, prev_end, left)
                    prev_end = cut + 1 if cut >= 0 else prev_end  # 100名正职后备人才、200名副职…
                    if self._before_separator(text, prev_end, left) < left:
                        prev_end = left  # 30名金融高级管理人才和50名…: the words before 和 were the last one's
                if self._is_service(text, q, comparator):
                    indicator, period, leading = text[right:nxt].strip("，；。 "), None, False  # 7个工作日内答复
                else:
                    indicator, period, leading = self.indicator(a, (prev_end, left), (after, nxt), ctx)
                ev_start = ctx.scope_span[0] if ctx.scope_span and cs <= ctx.scope_span[0] < q.start else prev_end
            prev_end = right
            out.append((q, comparator, written, indicator, period, leading, ev_start, right, left))
        return out

    def _before_separator(self, text: str, start: int, end: int) -> int:
        """``end`` moved back over list separators (和, 、) right before it."""
        m = re.search(f"(?:{self.list_separators})+$", text[start:end])
        return start + m.start() if m and m.start() > 0 else end

    @staticmethod
    def _asides(text: str, quantities: list[Quantity], end: int) -> dict[int, tuple[int, int]]:
        """Quantities in a bracket right after another's: index -> (bracket open, close)."""
        found = {}
        for k in range(1, len(quantities)):
            before = quantities[k - 1]
            if text[before.end:before.end + 1] not in "（(":
                continue
            close = next((i for i in range(before.end + 1, end) if text[i] in "）)"), None)
            if close is not None and quantities[k].end <= close and not any(
                    ch in "（(" for ch in text[before.end + 1:quantities[k].start]):
                found[k] = (before.end, close)
        return found

    def _distributed(self, text: str, quantities: list[Quantity], cs: int, ce: int, ctx: _Context) -> list[str] | None:
        """For A、B和C分别达30%、20%和10%, return [A占比…] one indicator per value; else None."""
        pos = text.find(self.distributive, cs, ce)
        if pos < 0 or len(quantities) < 2 or quantities[0].start < pos:
            return None
        between = text[quantities[0].end:quantities[-1].start]
        gaps = [text[quantities[k].end:quantities[k + 1].start] for k in range(len(quantities) - 1)]
        if any(not re.fullmatch(f"(?:{self.list_separators})", g) for g in gaps) or not between:
            return None
        separators = list(re.finditer(self.list_separators, text[cs:pos]))
        bounds = [cs] + [cs + m.end() for m in separators]
        stops = [cs + m.start() for m in separators] + [pos]
        pieces = [(s, e) for s, e in zip(bounds, stops) if text[s:e].strip()]
        if len(pieces) < len(quantities):
            return None
        # 全省与其他RCEP国家货物贸易、对外投资…: extra leading pieces qualify the first subject
        first_end = pieces[len(pieces) - len(quantities)][1]
        opens = ctx.scope_span[1] if ctx.scope_span and ctx.scope_span[0] == cs else cs  # 全省 is the scope
        subjects = [text[opens:first_end]] + [text[s:e] for s, e in pieces[len(pieces) - len(quantities) + 1:]]
        comparator_start = quantities[0].start
        for w, _ in self.before:
            if text.startswith(w, quantities[0].start - len(w)):
                comparator_start = quantities[0].start - len(w)
                break
        measure = text[pos + len(self.distributive):comparator_start]
        subjects[0] = self._strip_scope(subjects[0])
        return [s.strip() + measure for s in subjects]

    def _strip_scope(self, text: str) -> str:
        for word in self.strip_leading:
            if text.startswith(word):
                text = text[len(word):]
        return text


def _balanced(indicator: str) -> str:
    """Drop a quote mark left open or closed alone at either end (“重点引进…人才)."""
    if indicator.count("“") != indicator.count("”"):
        indicator = indicator.strip("“”")
    return indicator


def _count(written: str) -> int:
    """5 or 五 as an int."""
    return int(written) if written.isdigit() else int(cn2an.cn2an(written, "smart"))


def _inside_title(text: str, pos: int) -> bool:
    """True if ``pos`` lies inside a 《…》 title."""
    opening = text.rfind("《", 0, pos)
    return opening >= 0 and text.rfind("》", opening, pos) < 0
