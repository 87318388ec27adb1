"""The clues of what a policy gives: grants and their caps, the bands a grant depends on, quotas, fees,
terms and counts a procedure sets. :class:`kg.extract.quantities.clues.Clues` has them, with the
clues of the figure's place and words; :mod:`kg.extract.quantities.clues` lists what each says."""

from __future__ import annotations

from functools import cached_property

from kg.extract.records import Comparator
from kg.nlp.script import is_han


class GrantClues:
    """The clues of giving; ``self.d`` (the decider), ``self.a``, ``self.m``, ``self.text``, ``self.before``,
    ``self.after``, ``self.sentence`` and ``self.sentence_before`` are set by
    :class:`kg.extract.quantities.clues.Clues`."""

    @cached_property
    def _list_after(self) -> str:
        """The words after the 、-list the figure stands in, if it goes on to more figures (达到10万、20万、100万TEU
        的新落户船公司: what follows the last, 的新落户船公司, qualifies them all); else ``self.after``, or nothing
        if a 、 closes the figure's item before another of its own (制造业贷款260亿元以上、科技型企业贷款…)."""
        m, text, mark = self.m, self.text, self.d.list_marks[0]
        if not self.after.startswith(mark):
            return self.after
        end, limit = m.right, min(m.clause[1], m.right + self.d.clue_reach)
        for q in self.d.binder.finder.reader.quantities(text, m.clause[0], limit):  # the whole list shares its unit
            if q.start < m.end:
                continue
            if q.start != end + len(mark) or not text.startswith(mark, end) or q.unit != m.quantity.unit:
                break  # values of one measure only (not 5万元以下、三年以内的…: an amount and a term)
            end = q.end
            end += next((len(w) for w in self.d.range_bounds_longest if text.startswith(w, end)), 0)
        return "" if end == m.right else text[end:limit]  # 260亿元以上、科技型企业贷款…: its item ends at the mark

    @cached_property
    def leads_to_consequence(self) -> bool:
        """A bound in a clause the next one depends on, opening with 则 (超过年度计划月平均水平的115%，则视该月份为
        丰水月份; 低于…的85%，则…): the case a rule provides for."""
        m = self.m
        if not m.written or m.comparator is Comparator.ABOUT or (m.comparator is Comparator.EQUAL and m.quantity.value_max is None):
            return False
        rest = self.text[m.clause[1]:self.sentence[1]]
        return rest[:1] in ("，", ",") and rest[1:].lstrip().startswith(self.d.consequence_starts)

    @cached_property
    def top_rank(self) -> bool:
        """A place in a ranking or a top-N class (世界1000强, 业务排名前20的报关企业): in a rule book's condition,
        who qualifies."""
        q = self.m.quantity
        if q.unit in self.d.rank_class_suffixes or (q.unit is None and self.text.startswith(self.d.rank_class_suffixes, q.end)):
            return True  # 世界1000强、…; 世界500强企业
        return self.rank and q.value_max is None  # not 节前60-30个工作日

    @cached_property
    def floor_on_scale(self) -> bool:
        """A floor set on a scale of those a measure is for, right after its name (实际到位注册资本不低于1000万元,
        年营业收入不少于2000万元): a condition of who qualifies, written with a lower bound."""
        m = self.m
        return (m.comparator in (Comparator.AT_LEAST, Comparator.GREATER) and bool(m.written)
                and self.before.endswith(self.d.floor_scales))

    @cached_property
    def grant_follows(self) -> bool:
        """The figure bounds a condition that a grant later in its sentence depends on: a floor to reach
        (年上缴税金达到30万元以上，一次性给予10万元奖励); a ceiling there caps what is given or chosen
        (每年评选不超过10个…，给予奖励), unless it bounds those who qualify (qualifies)."""
        m = self.m
        if not m.written or m.comparator in (Comparator.EQUAL, Comparator.ABOUT) or self._grant_near:
            return False
        if m.comparator in (Comparator.AT_MOST, Comparator.LESS) and not self.qualifies:
            return False
        rest = self.text[m.clause[1]:self.sentence[1]]
        if any(w in rest for w in self.d.grant_verbs):
            return True
        particle = self.d.qualifier_particle  # 500亩以上的奖励5万元: the band of a grant in its own clause
        return self.after.startswith(particle) and any(
            self.after.startswith(w, len(particle)) for w in self.d.grant_verbs)

    @cached_property
    def procedure(self) -> bool:
        if self.m.quantity.unit not in self.d.procedure_units:
            return False
        return (any(w in self.before or w in self.after[:self.d.grant_reach * 2] for w in self.d.procedure_verbs)
                or self.before.endswith(self.d.copies_leads))  # 一式两份: the copies a form is made in

    @cached_property
    def _grant_near(self) -> bool:
        """A verb of giving right before or among the number's words (给予最高50万元, 每人每年补助600元)."""
        zone = self.text[max(self.m.clause[0], self.m.words_start - self.d.grant_near_reach):self.m.start]
        return any(w in zone for w in self.d.grant_verbs)

    @cached_property
    def grant(self) -> bool:
        """Money or a rate given (给予50万元奖励, 按投资额的10%给予补助), or money per person."""
        d = self.d
        unit = (self.m.quantity.unit or "").split(d.per_mark)[0]
        if unit in d.points_of_rate:  # 贴息1.5个百分点, 再给予1个百分点贴息: a rate given in points
            return any(w in self.before[-d.grant_reach:] or w in self.after[:d.grant_reach] for w in d.grant_after)
        if unit not in d.money_units and unit != "%":
            return False
        if self._grant_near or any(w in self.after[:d.grant_reach] for w in d.grant_after):
            return True
        if unit == "%" and (self.text.endswith(d.cost_share_verbs, self.m.clause[0], self.m.words_start)
                            or self.text[self.m.right:self.m.clause[1]].rstrip("。；;，, ").endswith(d.cost_share_verbs)):
            return True  # 所需保费支出由区财政承担80%，其余20%由养老机构承担: co-funding shares
        if self.reach:
            return False  # 补助标准达到每人每年不低于600元: a level to reach, not a grant
        return (self.m.per is not None and unit in d.money_units) or any(w in self.before for w in d.grant_before)

    @cached_property
    def term(self) -> bool:
        """A run of years a grant or an application lasts (连续3年按顶格政策给予支持, 连续两个年度分别提出续领
        申请): a setting of the policy, not a condition met (连续2年纳税) nor a past run (连续11年保持第一)."""
        d = self.d
        if self.m.quantity.unit not in d.term_units or not self.before.endswith(d.term_leads):
            return False
        rest = self.text[self.m.end:self.m.clause[1]].split(d.qualifier_particle)[0]  # not 连续2年纳税的企业
        return any(w in rest for w in d.term_verbs)

    @cached_property
    def barred(self) -> bool:
        """A time within which something is barred (3年内不得参与竞价, 两年内不得购入其药品): a sanction's term."""
        return self.time_limit and self.after.lstrip(self.d.limit_marks_chars).startswith(self.d.bar_words)

    @cached_property
    def quota(self) -> bool:
        """A ceiling on how many are chosen (每年评选不超过10个优秀专用模型), or the number a body may or is to choose
        (直属单位可推荐人选1名, 拟面向全社会选树10名)."""
        m, d = self.m, self.d
        if m.quantity.unit not in d.count_units:
            return False
        verb = max((self.before.rfind(v) for v in d.selection_verbs), default=-1)
        if verb < 0:
            return False
        return m.comparator in (Comparator.AT_MOST, Comparator.LESS) or (
            m.comparator == Comparator.EQUAL and not self.per_unit and d.quota_lead.search(self.before, 0, verb) is not None)

    @cached_property
    def capped(self) -> bool:
        """A ceiling on what a subsidy covers, in a sentence that gives it (予以补贴300元/吨，补贴数量每亩
        不超过500公斤，每户不超过150吨; 奖补资金不超过30万元): a setting of the grant, not a level to reach."""
        m, d = self.m, self.d
        return (m.comparator in (Comparator.AT_MOST, Comparator.LESS) and bool(m.written)
                and any(w in self.sentence_before for w in d.grant_verbs))

    @cached_property
    def per_unit(self) -> bool:
        """Counted per person, household or item (每人每年600元, 单个项目贴息期不超过3年)."""
        before, lead = self.before, self.d.per_item_lead
        if before.startswith(self.d.per_unit_words):
            return True
        item = before[len(lead):len(lead) + 1]
        if before.startswith(lead) and is_han(item) and item not in self.d.per_item_not and not any(
                before.startswith(lead + p) for p in self.d.per_periods):
            return True  # 每门课程约15学时, 每村配置1辆: per any item; not 每年新增5000个 (a flow), 每万人口… (a rate)
        if self.m.per is None:
            return False
        if not self.money and self.m.per.replace(self.d.binder.finder.per_mark, "") in self.d.per_periods and (
                self.m.change or self.planned_output) and not self._grant_near:
            return False  # 每年新增机架5000个: a change or output per year is a flow to make, not a standard per head
        return self._grant_near or not self.reach

    @cached_property
    def fee(self) -> bool:
        if any(w in self.before for w in self.d.fee_words) or any(w in self.sentence_before for w in self.d.standard_leads):
            return True
        if not (self.m.change or self.reach) and self.before.rstrip(self.d.rate_name_gaps).endswith(self.d.rate_names):
            return True  # 起付标准200元，报销比例90%: the rates a scheme sets
        after = self.after[len(self.d.qualifier_particle):] if self.after.startswith(self.d.qualifier_particle) else self.after
        return after.startswith(self.d.fee_after)

    @cached_property
    def validity(self) -> bool:  # a length of time only (not 见习期满留用率50%, a share)
        return self.time_unit and any(w in self.before[-self.d.qualifier_reach:] for w in self.d.validity_words)
