"""Stage two: bind each mention to its indicator, period, scope and time.

The indicator comes from the text of the mention's clause: what precedes it,
plus what follows it when a verb precedes it (累计培育30家以上高校院所技术转移
服务机构 gives 培育高校院所技术转移服务机构). Period words (年度, 每年 annual;
累计 cumulative) and the scope (a place opening the sentence: 中关村示范区)
are taken out of the indicator. A clause of only a change verb (增长8.1%)
takes the indicator of the clause before it. 分别 spreads a list of values
over a list of indicators (A、B和C分别达30%、20%和10%), 均 one value over
them (A、B利用率均达到40%); a comparator written before the first of a list
of counts holds for the others (至少3个地市、12个县区).

The time of a mention is read from its own clause outwards: a year written
right before it (2020年的3000亿元), then the nearest time before it in its
sentence (so 2023年底前，A…；2024年底前，B… gives each its own), then a time
opening an earlier sentence of its paragraph, then its section (a 目标
section's deadline, a review section's year). Times are found by
:meth:`kg.nlp.time.TimeReader.moments`; whether one is to come or past is
decided against the document's own year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.extract.base import Analysis, Lexicon, strip_span
from kg.extract.places import gazetteer
from kg.extract.quantities.mentions import Mention, MentionFinder
from kg.extract.quantities.lists import ListReading, balanced
from kg.extract.quantities.sections import SectionContext
from kg.extract.records import Comparator, Period
from kg.nlp.time import BINDING_KINDS, Moment, time_reader
from kg.resources import compile_pattern, read_table
from kg.nlp.script import HAN_CHAR, is_han

_OPENING_QUOTES = "“‘「『"


@dataclass(frozen=True)
class Reading:
    """A mention with what is bound to it."""

    mention: Mention
    indicator: str
    period: Period | None
    leading: bool  # its period word opened the clause (每年…) and holds for the clauses after it
    evidence_start: int
    moment: Moment | None = None  # the time the text binds it to
    level: str | None = None  # where that time was written: own, clause, sentence, paragraph, section
    distributed: bool = False  # one of several figures read from one list (分别, 均)


@dataclass(frozen=True)
class Setting:
    """Where a sentence stands: its scope, and what its section says of time."""

    scope: str | None
    scope_written: str | None
    scope_span: tuple[int, int] | None
    section: str | None  # "target", "review" or None
    section_year: int | None
    section_moment: Moment | None


class Binder(SectionContext, ListReading):
    def __init__(self, cfg: dict, finder: MentionFinder) -> None:
        ctx = cfg["context"]
        self.finder = finder
        self.time = time_reader()
        self.target_sections = tuple(ctx["target_sections"])
        self.review_sections = tuple(ctx["review_sections"])
        self.review_not = tuple(ctx["review_not"])
        self.review_openers, self.goal_openers = tuple(ctx["review_openers"]), tuple(ctx["goal_openers"])
        self.opener_reach = int(ctx["opener_reach"])
        self.report_formulas, self.formula_reach = tuple(ctx["report_formulas"]), int(ctx["formula_reach"])
        self.plan_openers, self.plan_opener_reach = tuple(ctx["plan_openers"]), int(ctx["plan_opener_reach"])
        self.plan_year_opener = compile_pattern(ctx["plan_year_opener"], "quantities.toml context.plan_year_opener")
        self.glued_plan_words = tuple(cfg["roles"]["year_plan_sections"])  # a year's plan run into its text
        self.plan_opening_words = tuple(ctx["plan_opening_words"])
        self.glued_heading = int(ctx["glued_heading"])
        self.condition_starts = tuple(ctx["condition_starts"])
        self.condition_reach = int(ctx["condition_reach"])
        self.change_verbs = tuple(sorted(ctx["change_verbs"], key=len, reverse=True))
        verbs = "|".join(map(re.escape, self.change_verbs))
        self.compared = re.compile(ctx["comparison_base"])  # 同比, 比上年, 同比分别
        measures = "|".join(map(re.escape, ctx["change_measures"]))
        self.compared_change = re.compile(f"(?:{measures})?(?:{ctx['comparison_base']})(?:{verbs})")  # 同比增长, 增速比同期提高
        self.compared_change_at_end = re.compile(f"{self.compared_change.pattern}$")  # not 增加 of 增加值
        self.change_adverbs = tuple(ctx["changed_object"]["adverbs"])
        self.changed_max = int(ctx["changed_object"]["max_length"])
        self.distributive = ctx["distributive"]
        self.distributive_reach = 12  # how far before a list its 分别 may stand (比2013年分别下降15%、10%以上)
        self.each = tuple(ctx["each"])
        self.each_not_after = tuple(ctx["each_not_after"])
        self.each_within = frozenset(ctx["each_within"]["words"])
        self.each_reach = int(ctx["each_within"]["reach"])
        self.open_list = tuple(ctx["open_list"])
        self.list_marks = "".join(s for s in ctx["list_separators"] if len(s) == 1 and not HAN_CHAR.match(s)) + "，；,;"
        self.list_mark = "、"  # the one separator that never stands inside a name
        separators = "|".join(re.escape(s) for s in sorted(ctx["list_separators"], key=len, reverse=True))
        self.list_separator = re.compile(separators)
        self.pair_separator = re.compile("|".join(map(re.escape, ctx["pair_separators"])))
        self.list_run = re.compile(f"(?:{separators})+")
        self.list_run_at_end = re.compile(f"(?:{separators})+$")
        self.formula_run = re.compile(f"[{re.escape(''.join(ctx['formula_operators']))}]+")
        self.relative_scopes = dict(ctx["relative_scopes"])
        self.relative_scope_words = sorted(self.relative_scopes, key=len, reverse=True)
        self.tail_break_tags = set(ctx["tail_break_tags"])
        self.verb_tags = set(ctx["verb_tags"])
        self.clause_goes_on = ctx["limit_act"]["goes_on"]
        self.clause_ends = ctx["limit_act"]["ends"]
        self.limit_act_reach = int(ctx["limit_act"]["reach"])
        self.periods = sorted(
            [(w, Period.ANNUAL) for w in cfg["period"]["annual"]] + [(w, Period.CUMULATIVE) for w in cfg["period"]["cumulative"]],
            key=lambda kv: -len(kv[0]),
        )
        self.carries = tuple(cfg["period"]["carries"])
        self.strip_leading = sorted(cfg["indicator"]["strip_leading"], key=len, reverse=True)
        self.strip_trailing = sorted(set(cfg["indicator"]["strip_trailing"]) | set(cfg["comparators"]["before"]),
                                     key=lambda w: (-len(w), w))  # longest first; a set's order is not the same in every process
        self.joining_particles = "".join(cfg["indicator"]["joining_particles"])
        self.places = gazetteer()
        self.indicators = Lexicon(
            {alias: row["canonical"] for row in read_table("indicators.tsv", ("canonical", "aliases"), required=1)
             for alias in [row["canonical"], *filter(None, row["aliases"].split("|"))]}
        )

    def canonical_indicator(self, written: str) -> str:
        """Return the canonical indicator name of a written one (from indicators.tsv)."""
        return self.indicators.get(written) or written

    # -- where a sentence stands ----------------------------------------------------------
    def setting(self, a: Analysis, start: int, end: int, opening_end: int) -> Setting:
        """The scope opening the sentence after its opening time (全省, 中关村示范区), and its section."""
        text = a.text
        scope = scope_written = scope_span = None
        s, _ = strip_span(text, opening_end, end)
        relative = next((w for w in self.relative_scope_words if text.startswith(w, s, end)), None)
        if relative:
            scope_written, scope_span = relative, (s, s + len(relative))
            scope = a.found.regions.get(self.relative_scopes[relative])
        else:
            for ps, pe, entry in self.places.finditer(text, a.tokens, s, min(end, s + 20)):
                if ps == s:
                    scope, scope_written, scope_span = entry.canonical, text[ps:pe], (ps, pe)
                break
        kind, year, moment = self.section_context(a, start)
        return Setting(scope, scope_written, scope_span, kind, year, moment)

    # -- time ----------------------------------------------------------------------------
    def time_of(self, text: str, mention: Mention, moments: list[Moment], inherited: Moment | None,
                setting: Setting) -> tuple[Moment | None, str | None]:
        """The time the text binds ``mention`` to, and where it was written."""
        words = mention.words_start
        for m in moments:  # 2020年的3000亿元: a year written on the number itself
            if m.kind == "of" and m.end <= words and not text[m.end:words].strip():
                return replace(m, kind="reference"), "own"
        def condition(m: Moment) -> bool:
            return _in_condition(text, m, mention.clause[0], self.condition_starts, self.condition_reach)

        # the last time written before it binds, unless it dates a condition (then the one before that)
        m = next((m for m in reversed(moments) if m.end <= words and m.kind in BINDING_KINDS and not condition(m)),
                 None)
        if m is not None:
            return m, "clause" if m.start >= mention.clause[0] else "sentence"
        if inherited is not None and condition(inherited):
            inherited = None  # nor does it hold for the rest of the paragraph
        if inherited is not None:
            return inherited, "paragraph"
        if setting.section_moment is not None:
            return setting.section_moment, "section"
        return None, None

    # -- the indicator -------------------------------------------------------------------
    def tail_joins(self, a: Analysis, head_end: int, start: int, end: int) -> bool:
        """True if the text after a number names what it counts: after a verb
        (培育3家|…平台) always, after a noun only if it starts like a noun."""
        if start >= end or a.text[start] in self.list_marks:
            return False
        if a.tag_at(head_end - 1) in self.verb_tags:
            return True
        while start < end and a.text[start] in _OPENING_QUOTES:
            start += 1  # 100名“大学生创业能手”
        return start < end and bool(HAN_CHAR.match(a.text[start])) and a.tag_at(start) not in self.tail_break_tags

    def indicator(self, a: Analysis, before: tuple[int, int], after: tuple[int, int],
                  setting: Setting) -> tuple[str, Period | None, bool]:
        """Return the indicator, its period, and whether the period word opened the clause (每年…)."""
        text = a.text
        s, e = before
        if setting.scope_span and setting.scope_span[0] <= s < setting.scope_span[1]:
            s = setting.scope_span[1]
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
        if HAN_CHAR.search(tail) and (not head or self.tail_joins(a, e, a_s, a_e)):
            return balanced(head + tail), period, leading
        return balanced(head), period, leading

    @staticmethod
    def share_of(a: Analysis, q, opens: int, joining: str) -> bool:
        """Whether a percentage is a share of a population: opening its clause before 的 (全市90%的企业), or
        written right before the noun it shares out (首席质量官制度覆盖全省50%规模以上企业)."""
        if q.start == opens and a.text.startswith(joining, q.end):
            return True
        return q.end < len(a.text) and is_han(a.text[q.end]) and (a.tag_at(q.end) or "").startswith("n")

    def changed_object(self, text: str, cs: int, ce: int) -> str | None:
        """What a clause without a figure sets out to change (逐步提高公办幼儿园在园幼儿比例: 公办幼儿园在园幼儿比例),
        for a figure in the next clause that names no indicator of its own; None if it opens with no change verb."""
        k = cs
        while True:
            word = next((w for w in self.change_adverbs if text.startswith(w, k, ce)), None)
            if word is None:
                break
            k += len(word)
        verb = next((v for v in self.change_verbs if text.startswith(v, k, ce)), None)
        rest = text[k + len(verb):ce].strip() if verb else ""
        return rest if HAN_CHAR.search(rest) and len(rest) <= self.changed_max else None

    # -- a clause ------------------------------------------------------------------------
    def clause(self, a: Analysis, quantities: list, cs: int, ce: int, setting: Setting) -> list[Reading]:
        """The readings of the quantities of one clause: each with its indicator, period and evidence."""
        text = a.text
        mentions: list[Mention] = []
        prev_end = cs
        for q in quantities:
            m = self.finder.mention(text, q, cs, ce, prev_end)
            mentions.append(m)
            prev_end = m.right
        self._share_along_list(text, mentions)
        spread = self._distributed(a, mentions, cs, ce, setting)
        asides = self._asides(text, mentions, ce)
        prev_end = cs
        out: list[Reading] = []
        first = None
        for k, m in enumerate(mentions):
            q = m.quantity
            if k in asides:
                # 新增2400户（累计约3600户）大中型餐饮单位: the bracket restates the main figure's indicator
                open_, close = asides[k]
                main = out[-1] if out and out[-1].mention is mentions[k - 1] else None
                if main is None:
                    continue
                rest = [x for x in mentions[k + 1:] if x.start > close]
                indicator, period, _ = self.indicator(a, (open_ + 1, m.words_start), (close + 1, rest[0].start if rest else ce), setting)
                out.append(Reading(m, indicator, period, False, main.evidence_start))
                continue
            if k in spread:
                if first is None:
                    first = m
                else:
                    if not m.written:
                        m = replace(m, comparator=first.comparator, written=first.written)  # 分别达30%、20%和10%: 达 holds for each
                    if m.change is None and first.change is not None:
                        m = replace(m, change=first.change)  # 分别下降8%、10%: each is a change
                out.append(Reading(m, spread[k], None, False, cs, distributed=True))
                prev_end = m.right
                continue
            after = m.right
            if k + 1 in asides:
                after = asides[k + 1][1] + 1
            following = next((x for x in mentions[k + 1:] if x.start >= after), None)  # the next figure only
            nxt = following.start if following else ce
            if following:  # 200名技能突出人才、2000名…: the list mark ends this one's object
                nxt = self._before_separator(text, after, nxt)
            left = m.per_start if m.per_start >= 0 else m.left  # the change verb stays in the indicator (国内生产总值增长)
            if k:
                cut = text.rfind(self.list_mark, prev_end, left)
                prev_end = cut + 1 if cut >= 0 else prev_end  # 100名正职后备人才、200名副职…
                if self._before_separator(text, prev_end, left) < left:
                    prev_end = left  # 30名金融高级管理人才和50名…: the words before 和 were the last one's
            indicator = ""
            if self.is_time_limit(text, m):
                indicator, period, leading = text[m.right:nxt].strip("，；。 "), None, False  # 7个工作日内答复
                if not indicator:  # 自收到…之日起60个工作日内，作出决定: what is done within it comes next
                    indicator = self.next_clause(text, ce)
            if not indicator:  # 退款期限最长为订单发生后3个月内。: a limit named before it reads as any figure
                indicator, period, leading = self.indicator(a, (prev_end, left), (after, nxt), setting)
                if not indicator and m.per_start >= 0:
                    indicator = text[m.per_start:m.left]  # 每年发放4次: the per phrase and its verb
            ev_start = setting.scope_span[0] if setting.scope_span and cs <= setting.scope_span[0] < q.start else prev_end
            ev_start = min(ev_start, q.start)  # 17.2:29.5：53.3: the shares of one ratio share its span
            prev_end = m.right
            out.append(Reading(m, indicator, period, leading, ev_start))
        return self._each(a, out, cs)

    def next_clause(self, text: str, ce: int) -> str:
        """The clause after the one ending at ``ce``, if the sentence goes on (a time limit's act)."""
        if ce >= len(text) or text[ce] not in self.clause_goes_on:
            return ""
        end = ce + 1
        while end < len(text) and text[end] not in self.clause_ends and end - ce <= self.limit_act_reach:
            end += 1
        return text[ce + 1:end].strip() if end - ce <= self.limit_act_reach else ""

    def is_time_limit(self, text: str, m: Mention) -> bool:
        """True for a time limit: 7个工作日内."""
        return (m.comparator is Comparator.AT_MOST and m.quantity.unit in self.finder.service_units
                and text.startswith(self.finder.service_marker, m.end))

    def _before_separator(self, text: str, start: int, end: int) -> int:
        """``end`` moved back over list separators (和, 、) right before it."""
        m = self.list_run_at_end.search(text[start:end])
        return start + m.start() if m and m.start() > 0 else end

    @staticmethod
    def _asides(text: str, mentions: list[Mention], end: int) -> dict[int, tuple[int, int]]:
        """Mentions in a bracket right after another's: index -> (bracket open, close)."""
        found = {}
        for k in range(1, len(mentions)):
            before = mentions[k - 1]
            if text[before.end:before.end + 1] not in "（(":
                continue
            close = next((i for i in range(before.end + 1, end) if text[i] in "）)"), None)
            if close is not None and mentions[k].end <= close and not any(
                    ch in "（(" for ch in text[before.end + 1:mentions[k].start]):
                found[k] = (before.end, close)
        return found


def _in_condition(text: str, moment: Moment, clause_start: int, starts: tuple[str, ...], reach: int) -> bool:
    """A time in an earlier clause that opens with a word of condition (对, 凡…) dates whom the figure is
    for, not the figure: 对2025年以来获评国家卓越级智能工厂的企业，给予最高200万元奖励. The clause's opening
    is looked for within ``reach`` characters before the time (a line without marks is no condition)."""
    if moment.start >= clause_start:
        return False
    lo = max(0, moment.start - reach)
    opens = max(text.rfind(mark, lo, moment.start) for mark in "，,；;。\n")
    if opens < 0 and lo > 0:
        return False
    return text[opens + 1:moment.start].lstrip().startswith(starts)


def state_of(moment: Moment | None, now: int | None, setting: Setting, reporting: bool = False) -> str | None:
    """Whether the time bound to a figure is ``"future"`` or ``"past"`` against the document's year. In an
    account of what was done (a 统计公报 of 2024), 年末 and 全年 of its own year are past."""
    if moment is None or moment.year is None:
        return None
    if reporting and now is not None and moment.year <= now:
        return "past"
    if moment.kind == "span":
        return "future"
    if moment.kind == "current" and (now is None or moment.year <= now):
        return "past"
    if now is None:
        return "future" if moment.kind == "deadline" else "past"
    if moment.year > now:
        return "future"
    if moment.year < now:
        return "past"
    if moment.kind == "current":  # 截至2021年底, “十三五”以来: the state reached by then
        return "past"
    if moment.kind == "deadline":
        return "future"
    return "past" if setting.section == "review" else "future"
