"""Quantitative targets and baseline statistics.

A sentence is read clause by clause (，；). Each quantity (a number with its
unit) gets a comparator from the words around it (超过 >, 达到 >=, 以上 >=,
左右 ~, a range 5-10), and an indicator from the text of its clause: what
precedes it, plus what follows it when a verb precedes it (累计培育30家以上
高校院所技术转移服务机构 gives 培育高校院所技术转移服务机构). Period words
(年度, 每年 annual; 累计 cumulative) and the scope (a place opening the
sentence: 中关村示范区) are taken out of the indicator.

Whether a quantity is a target or a baseline is decided by its sentence:

``target.deadline``
    the sentence sets a deadline (到2021年…);
``baseline.year``
    the sentence opens with a year before the document's (2018年，…);
``target.measure``
    the quantity has an explicit comparator and lies in a task's measure
    (每年推动50项以上…).

Everything else (以下4个突出特点, 用3年的时间) is not a target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.base import Analysis, Lexicon, strip_span
from kg.extract.places import gazetteer, region_fits
from kg.extract.records import Baseline, Comparator, Period, Target
from kg.nlp.numbers import Quantity, number_reader
from kg.resources import compile_pattern, load_toml, read_table

_CLAUSES = "，；：,;:"


@dataclass(frozen=True)
class _Context:
    deadline: int | None
    baseline_year: int | None
    scope: str | None
    scope_written: str | None
    scope_span: tuple[int, int] | None
    context_end: int  # where the deadline / baseline phrase ends


class QuantityReader:
    def __init__(self) -> None:
        cfg = load_toml("targets.toml")
        self.reader = number_reader()
        self.before = sorted(cfg["comparators"]["before"].items(), key=lambda kv: -len(kv[0]))
        self.after = sorted(cfg["comparators"]["after"].items(), key=lambda kv: -len(kv[0]))
        self.deadline = [compile_pattern(p, "targets.toml context.deadline") for p in cfg["context"]["deadline"]]
        self.baseline = [compile_pattern(p, "targets.toml context.baseline") for p in cfg["context"]["baseline"]]
        self.target_cues = tuple(cfg["context"]["target_cues"])
        self.relative_scopes = dict(cfg["context"]["relative_scopes"])
        self.periods = sorted(
            [(w, Period.ANNUAL) for w in cfg["period"]["annual"]] + [(w, Period.CUMULATIVE) for w in cfg["period"]["cumulative"]],
            key=lambda kv: -len(kv[0]),
        )
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

    # -- sentence context ----------------------------------------------------------
    def context(self, a: Analysis, start: int, end: int) -> _Context:
        text = a.text
        sentence = text[start:end]
        deadline = baseline = None
        context_end = start
        for pattern in self.deadline:
            m = pattern.search(sentence)
            if m:
                deadline = int(m["y"])
                context_end = start + m.end() if m.start() == 0 else start
                break
        if deadline is None:
            for pattern in self.baseline:
                m = pattern.search(sentence)
                if m and self._is_past(a, int(m["y"])):
                    baseline, context_end = int(m["y"]), start + m.end()
                    break
        scope = scope_written = scope_span = None
        s, _ = strip_span(text, context_end, end)
        relative = next((w for w in sorted(self.relative_scopes, key=len, reverse=True) if text.startswith(w, s, end)), None)
        if relative:
            scope_written, scope_span = relative, (s, s + len(relative))
            scope = a.found.region if region_fits(a.found.region, self.relative_scopes[relative]) else None
        for ps, pe, entry in ([] if relative else self.places.finditer(text, a.tokens, s, min(end, s + 20))):
            if ps == s:
                scope, scope_written, scope_span = entry.canonical, text[ps:pe], (ps, pe)
            break
        return _Context(deadline, baseline, scope, scope_written, scope_span, context_end)

    @staticmethod
    def _is_past(a: Analysis, year: int) -> bool:
        """True if ``year`` lies before the document's own time."""
        found = a.found
        subject = next((d for d in found.documents if d.key == found.subject), None)
        refs = [d.published.year for d in found.documents if d.is_source and d.published]
        if subject and subject.period_start:
            refs.append(subject.period_start)
        return not refs or year < max(refs)

    # -- quantities in a clause -----------------------------------------------------
    def comparator(self, text: str, q: Quantity, start: int, end: int) -> tuple[Comparator, int, int, bool]:
        """Return the comparator of ``q``, where its words start and end, and whether one was written."""
        pre = next(((w, c) for w, c in self.before if q.start - len(w) >= start and text.startswith(w, q.start - len(w))), None)
        post = next(((w, c) for w, c in self.after if text.startswith(w, q.end, end)), None)
        left = q.start - len(pre[0]) if pre else q.start
        right = q.end + len(post[0]) if post else q.end
        if q.value_max is not None:
            return Comparator.RANGE, left, right, True
        if pre:
            return Comparator(pre[1]), left, right, True
        if post:
            return Comparator(post[1]), left, right, True
        return Comparator.EQUAL, left, right, False

    def indicator(self, text: str, before: tuple[int, int], after: tuple[int, int], ctx: _Context) -> tuple[str, Period | None]:
        s, e = before
        if ctx.scope_span and ctx.scope_span[0] == s:
            s = ctx.scope_span[1]
        period = None
        changed = True
        while changed:
            changed = False
            for word in self.strip_leading:
                if text.startswith(word, s, e):
                    s += len(word)
                    changed = True
            for word, kind in self.periods:
                if text.startswith(word, s, e):
                    s, period, changed = s + len(word), kind, True
                elif text.endswith(word, s, e):
                    e, period, changed = e - len(word), kind, True
            for word in self.strip_trailing:
                if text.endswith(word, s, e):
                    e -= len(word)
                    changed = True
        head = text[s:e].strip()
        a_s, a_e = strip_span(text, *after)
        while a_s < a_e and text[a_s] in self.joining_particles:
            a_s += 1
        tail = text[a_s:a_e]
        if re.search(r"[\u4e00-\u9fff]", tail):
            return head + tail, period
        return head, period

    def __call__(self, a: Analysis) -> None:
        text, doc = a.text, a.doc
        for sentence in doc.sentences:
            if doc.paragraphs[sentence.paragraph].role != "body":
                continue
            ctx = self.context(a, sentence.start, sentence.end)
            task = a.enclosing("task", sentence.start)
            for cs, ce in a.clauses(sentence.start, sentence.end, _CLAUSES):
                cs = max(cs, ctx.context_end)
                cs, ce = strip_span(text, cs, ce)
                if ce <= cs:
                    continue
                prev_end = cs
                quantities = [q for q in self.reader.quantities(text, cs, ce) if not _inside_title(text, q.start)]
                for k, q in enumerate(quantities):
                    comparator, left, right, written = self.comparator(text, q, prev_end, ce)
                    nxt = quantities[k + 1].start if k + 1 < len(quantities) else ce
                    indicator, period = self.indicator(text, (prev_end, left), (right, nxt), ctx)
                    prev_end = right
                    if not indicator or not re.search(r"[\u4e00-\u9fffA-Za-z]", indicator):
                        continue
                    measure = a.enclosing("measure", q.start)
                    ev_start = ctx.scope_span[0] if ctx.scope_span and cs <= ctx.scope_span[0] < q.start else cs
                    if ctx.deadline is not None:
                        rule = "target.deadline"
                    elif ctx.baseline_year is not None:
                        rule = "baseline.year"
                    elif written and (task is not None or any(cue in sentence.text for cue in self.target_cues)):
                        rule = "target.measure"
                    else:
                        continue
                    ev = a.evidence(ev_start, right, rule)
                    if rule.startswith("target"):
                        target = Target(
                            indicator=indicator, comparator=comparator, value=q.value, value_max=q.value_max,
                            unit=q.unit, deadline=ctx.deadline, scope=ctx.scope, scope_written=ctx.scope_written,
                            period=period, task=task.order if task else None,
                            measure=measure.order if measure else None, evidence=ev,
                            canonical_indicator=self.canonical_indicator(indicator),
                        )
                        a.found.targets.append(target)
                    else:
                        a.found.baselines.append(Baseline(
                            indicator=indicator, comparator=comparator, value=q.value, value_max=q.value_max,
                            unit=q.unit, year=ctx.baseline_year, scope=ctx.scope, scope_written=ctx.scope_written,
                            period=period, evidence=ev, canonical_indicator=self.canonical_indicator(indicator),
                        ))


def _inside_title(text: str, pos: int) -> bool:
    """True if ``pos`` lies inside a 《…》 title."""
    opening = text.rfind("《", 0, pos)
    return opening >= 0 and text.rfind("》", opening, pos) < 0
