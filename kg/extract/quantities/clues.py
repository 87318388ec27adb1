"""What can be said of a figure, for the role cues of ``quantities.toml`` to name (see
:mod:`kg.extract.quantities.roles`). The clues a cue can use:

``rulebook``       its part is a book of rules (its opening names 办法, 细则…, or it has articles 第一条…)
``report_like``    its part is an account of what was done (its opening names 通报, 工作总结…)
``money``          its unit is money (元)
``time_unit``      its unit is a length of time (日, 个月, 年)
``ratio``          it is a share of a ratio (2:8)
``full``           a length or age reached as a condition (参加社会保险满2年, 怀孕满24周)
``lookback``       a window looked back over (近三年内无违法记录, 连续12个月内达到2次)
``window``         a window a condition counts over (近3年累计自主投入5000万元以上)
``grant_follows``  a bounded figure whose sentence goes on to give (…达到30万元以上，一次性给予10万元奖励),
                   or whose own clause does after 的 (500亩以上的奖励5万元)
``context_unit``   its unit only describes (105周年), or it names a class of size (300万吨级)
``raised_to``      the text moves something to it (提高至500元/月, 压缩至5个工作日以内)
``points``         it counts points of a scoring scheme (（8分）, 扣0.5分)
``band``           it is written with both its bounds (1—3分, 80-95%)
``norm``           its clause states a norm (原则上不低于0.9公里, 不得超过30天)
``defines``        a bounded figure in a definition (…，是指船舶溢油1000吨以上)
``classifies``     it names a class of what a later count counts (500千伏变电站6座)
``names_project``  a size inside a project's name (交口200MW平价光伏发电项目), no verb before it
``rank``           a count that is a rank (排名前15家); ``counted_class``: a bound marking off what a count after it counts (亿元以上项目48个)
``scope``          a count of the set its clause ranges over (在监测的339个城市中，…)
``weak``           a count in Chinese numerals or of years, with no comparator written (分两个阶段)
``from_level``     the level a change starts from (由20个月压缩至18.5个月)
``age``            the unit is an age (3岁以下婴幼儿)
``until``          an age or time up to which something runs (至其年满3周岁)
``procedure``      a count a procedure sets (每年发放4次, 确定1名申领人)
``in_conditions``  it stands in a list of conditions (its heading or lead-in says 条件, 资格…)
``qualifies``      it qualifies a noun after 的 with a bound (年营业收入超过1亿元的企业), or one before it in brackets, or stands in a condition
``floor_on_scale`` a lower bound right after a scale of those a measure is for (注册资本不低于1000万元)
``top_rank``       a place in a ranking or a top-N class (世界1000强, 排名前20的报关企业); ``leads_to_consequence``:
                   a bound in a clause the next one, opening with 则, depends on (超过…的115%，则视为…)
``grant``          a grant, award or subsidy word by the number (给予50万元奖励, 按投资额的10%给予补助), or per person
``capped``         a ceiling in a sentence that gives a subsidy (补贴数量每亩不超过500公斤)
``per_unit``       it is counted per person, household or item (每人每年, 单个项目…不超过3年)
``fee``            a fee, rate or standard word before it (收费标准, 税率, 减按15%), or a standard's heading (结算标准：) in its sentence
``validity``       a term of validity before it (有效期3年)
``time_limit``     a time limit (7个工作日内); ``government``: a government body is obliged by it (部门应当…)
``applicant_acts`` those the policy governs act within a time limit (一年内缴清, 30日内向经办机构提出申请)
``enumeration``    a count of the document's own items or kinds (以下4个特点, 通过等4种方式), not a total that closes
                   its noun (实施重点项目600个)
``duration``       the length of an effort (用3年时间, 经过5年努力)
``past``           the time bound to it lies before the document's own year (2020年，…)
``future``         the time bound to it is to come (到2025年, 今年, 五年内)
``current``        it is said to be the present state (现有, 目前, 已建成)
``year_on_year``   a change against the same time a year before (同比增长)
``planned``        a plan word as a verb before it in its clause (计划搬迁1297户)
``exists``         有 right before it says what there is (我国有2.9亿在校学生)
``far_time``       no time is written in its own sentence (one of its paragraph or section, or none, binds)
``term``           a run of years a grant or an application lasts (连续3年给予支持)
``barred``         a time within which something is barred (3年内不得参与竞价)
``review_section`` its section reviews past work (一、2021年工作回顾)
``target_section`` its section sets goals (发展目标)
``plan_part``      it stands in a plan (a 规划, 行动方案…, or an annex of one), or in a part under no title that
                   nothing marks as an account (a report's tasks cut from inside them)
``planned_output`` a verb of making or finishing and its object stand before it (完成…改造约36公里)
``in_plan``        it stands in a task or measure of a plan
``marked``         a comparator, period or change is written with it, or its clause opens with a verb of making
                   (新增, 建成, 培育), or it is a share of a population (全市90%的…) or a count of outputs (培训2000名)
``reach``          a comparator that sets a level to reach is written before it (达到, 提高到, 压缩至)
``change``         it is a change (下降13.5%, 压减三分之一), not a level
``aim``            a word of aiming in its clause before it (力争建成示范项目20个)
``target_cue``     a word of aiming in its sentence (力争, 确保, 目标)
``obliged``        a word of duty stands as a word of its own before it in its clause (每年要对…)
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from kg.extract.base import Analysis
from kg.extract.quantities.binding import Reading, Setting
from kg.extract.quantities.grants import GrantClues
from kg.extract.quantities.limits import LimitClues
from kg.extract.quantities.objects import ObjectClues
from kg.extract.quantities.when import WhenClues
from kg.extract.quantities.where import WhereClues
from kg.extract.records import Comparator
from kg.nlp.script import is_han

_CLOSES = "）)"

if TYPE_CHECKING:
    from kg.extract.quantities.roles import RoleDecider


class Clues(WhereClues, WhenClues, GrantClues, ObjectClues, LimitClues):
    """What can be said of one reading, each clue computed when a cue first asks."""

    def __init__(self, decider: "RoleDecider", a: Analysis, r: Reading, sentence: tuple[int, int],
                 setting: Setting, state: str | None, extra: dict[str, bool]) -> None:
        self.d, self.a, self.r, self.sentence, self.setting, self.state = decider, a, r, sentence, setting, state
        self.extra = extra
        self.text = a.text
        m = r.mention
        self.m = m
        # the clause before the number's words, and after: at most `clue_reach` characters each way, so a
        # line without punctuation (one clause of 200,000 characters) costs no more per figure than a clause
        reach = decider.clue_reach
        self.before = self.text[max(m.clause[0], m.words_start - reach):m.words_start]
        self.after = self.text[m.right:min(m.clause[1], m.right + reach)]
        mark = next((w for w in decider.inclusion_marks if self.after.startswith(w)), "")
        if not mark and self.after.startswith(decider.inclusion_opens):  # 40%以下（含40%）的
            close = _close_of(self.after, decider.inclusion_reach)
            restated = close > 0 and any(ch.isdigit() for ch in self.after[:close])  # not （含简易案件）
            mark = self.after[:close + 1] if restated else ""
        self.after = self.after[len(mark):]  # 三次(含)的: the bound holds its own number; the words go on after it
        self.inclusive = bool(mark)
        self.sentence_before = self.text[max(sentence[0], m.words_start - decider.sentence_reach):m.words_start]

    def __getitem__(self, name: str) -> bool:
        if name in self.extra:
            return self.extra[name]
        return bool(getattr(self, name))

    @cached_property
    def full(self) -> bool:
        """A length or age reached as a condition (满2年), not one counted per (每满六个月领取一个月: a rate)."""
        m = self.m
        return self.text[m.left:m.start] in self.d.full_words and not self.text.endswith(self.d.per_marks, 0, m.left)

    @cached_property
    def scored(self) -> bool:
        """A band or a bounded figure scored by the points in brackets right after it, past an aside on its edges
        (1万—3万元（含1万元，不含3万元）（4分）, 6万元以上（含6万元）（12分）): the class that earns them."""
        m = self.m
        if m.quantity.value_max is None and m.comparator in (Comparator.EQUAL, Comparator.ABOUT):
            return False
        return self.d.scored_after.match(self.text, m.right) is not None

    @cached_property
    def lookback(self) -> bool:
        m = self.m
        return (m.quantity.unit in self.d.limit_units and self.before.endswith(self.d.lookback_leads)
                and self.text.startswith(self.d.lookback_ends, m.end))

    @cached_property
    def window(self) -> bool:
        """The window over which a condition counts: 近3年累计自主投入5000万元以上, 近3年年均营业收入."""
        m, (leads, ends) = self.m, self.d.window
        return m.quantity.unit in self.d.limit_units and self.before.endswith(leads) and self.text.startswith(ends, m.end)

    @cached_property
    def ratio(self) -> bool:
        return any(mark in self.m.quantity.written for mark in self.d.ratio_marks)

    @cached_property
    def time_unit(self) -> bool:
        return self.m.quantity.unit in self.d.limit_units

    @cached_property
    def money(self) -> bool:
        return (self.m.quantity.unit or "").split(self.d.per_mark)[0] in self.d.money_units

    @cached_property
    def context_unit(self) -> bool:
        q, text = self.m.quantity, self.text
        return (q.unit in self.d.context_units or text.startswith(self.d.scale_suffixes, q.end)
                or (q.unit is None and text.startswith(self.d.rank_class_suffixes, q.end)))

    @cached_property
    def classifies(self) -> bool:
        """The figure names a class of the things a later figure in its clause counts or measures: a grade,
        not an amount (新建500千伏变电站6座; 建成110千伏、35千伏变电站19座; 1000千伏输电线路1240公里)."""
        m, d, text = self.m, self.d, self.text
        q = m.quantity
        if m.written or q.unit is None or q.unit in d.count_units:
            return False
        if not text[m.end:m.end + 1] in d.list_marks and not is_han(text[m.end:m.end + 1]):
            return False
        if text.startswith(d.not_class_starts, m.end):
            return False  # 500千伏的…, 30亿元以上: a particle or a bound, not a noun
        anchor = m.end
        for later in d.binder.finder.reader.quantities(text, m.end, min(m.clause[1], m.end + d.clue_reach)):
            between = text[anchor:later.start]
            if later.unit in d.count_units or (later.unit and later.unit != q.unit and is_han(between)):
                # a noun between grade and count (变电站), not a verb (5个方面细化提出22项)
                return (len(between) <= d.class_reach and is_han(between)
                        and not any(mark in between for mark in d.list_marks)  # 800万千瓦输送容量和年送电量…
                        and (self.a.tag_at(later.start - 1) or "").startswith(d.noun_tag))
            if later.unit != q.unit or not between.startswith(d.list_marks):
                return False  # only a list of grades (110千伏、35千伏) may stand between
            anchor = later.end
        return False

    @cached_property
    def specification(self) -> bool:
        """A rating written before the noun it rates: 500千伏骨干电网, 70MPa储氢气瓶, 时速350公里高铁."""
        m, d = self.m, self.d
        units, nouns = d.service_hours
        if m.quantity.unit in units and self.text.startswith(nouns, m.right):
            return True  # 24小时客服热线: how long a service runs, its name
        if m.change or self.reach or not (m.quantity.unit in d.spec_units or self.before.endswith(d.spec_leads)):
            return False
        after = self.after[len(d.qualifier_particle):] if self.after.startswith(d.qualifier_particle) else self.after
        return is_han(after[:1]) or after.startswith(d.list_marks)  # 500千伏、220千伏电网

    @cached_property
    def grades(self) -> bool:
        """A grade bounded by 以上 or 以下 right before a noun names a class (二级及以上公立医院, 5级以上地震),
        unless a condition frames it (对购买2级及以上能效标准的产品, 涉及…的)."""
        m, d, text = self.m, self.d, self.text
        unit = m.quantity.unit
        if unit not in d.grade_units or text[m.end:m.right] not in d.range_bounds:
            return False
        if not is_han(text[m.right:m.right + 1]) or text.startswith(d.qualifier_particle, m.right):
            return False
        clause = text[m.clause[0]:m.clause[1]]
        return d.treated_marker not in text[m.clause[0]:m.left] and not clause.endswith(d.condition_end)

    @cached_property
    def sizes_project(self) -> bool:
        """A project's size as its description: a size word right before the figure and 的 right after it
        (推进总投资100亿元的高铁片区基础设施建设); it describes the project whatever verb governs it.
        Not in the frame of a condition (对总投资不低于5000万元的项目，给予…): that qualifies projects."""
        m, d, text = self.m, self.d, self.text
        return (text.startswith(d.qualifier_particle, m.right)
                and any(text.endswith(w, m.clause[0], m.left) for w in d.project_size_words)
                and d.treated_marker not in text[m.clause[0]:m.left])

    @cached_property
    def names_project(self) -> bool:
        """A measured size written inside the name of a project or plant: the words after it, up to the next
        mark, hold a project noun (交口200MW平价光伏发电项目, F10B年产15万吨高性能玻纤生产线) or a product and a
        verb of a plant's running (中石化南港120万吨乙烯投产); no verb of making stands before it (新建100MW光伏项目
        is an output), though one of pushing on may (加快推进大唐700万吨露天矿, 确保120万吨乙烯等21套装置…)."""
        m, d, text = self.m, self.d, self.text
        unit = m.quantity.unit
        if (m.written or m.change or unit is None or unit in d.count_units or unit in d.enumeration_units
                or unit in d.share_units or unit in d.unnamed_units or self.money):  # 90%的包装炸药生产线
            return False
        before = self.before
        pushed = before.endswith(d.push_verbs)  # 确保120万吨乙烯…: a plant pushed on, not one to make
        if (not pushed and (self.a.tag_at(m.left - 1) or "") in d.binder.verb_tags) or any(
                v in before for v in d.output_verbs if v not in d.push_verbs):
            return False  # 新建100MW光伏项目, 打造年产20万吨工业副产氢基地: what a plan makes
        rest = text[m.right:min(m.clause[1], m.right + d.project_reach)]
        cut = next((k for k, ch in enumerate(rest) if not is_han(ch) and not ch.isalnum()), len(rest))
        rest = rest[:cut]
        named = min((k for w in d.project_nouns if (k := rest.find(w)) >= 0), default=-1)
        if named >= 0:  # not 水厂3万吨扩建项目, 3万平方米标准化棚圈新建项目: what the project is to make
            return not any(v in rest[:named] for v in d.output_verbs)
        return any(rest.find(v) > 0 for v in d.plant_verbs)

    @cached_property
    def rank(self) -> bool:
        q = self.m.quantity
        if q.unit == self.d.rank_unit:
            return True  # 居全国第2位 (kg.nlp.numbers reads ranks)
        return (q.unit is None or q.unit in self.d.count_units) and self.m.left == q.start \
            and self.before.endswith(self.d.rank_leads)

    @cached_property
    def weak(self) -> bool:
        q = self.m.quantity
        return (q.unit not in (None, "%") and self.d.binder.finder.needs_comparator(q) and not self.m.written
                and not (q.written[:1] in self.d.binder.finder.reader.not_numbers
                         and self.d.binder.finder.reader.quota(self.text, q.start)))  # 仅能享受一次: a quota

    @cached_property
    def age(self) -> bool:
        """An age that decides (3岁以下婴幼儿), not a level reached or changed (人均预期寿命提高到75.3岁)."""
        m = self.m
        bounded = self.text[m.left:m.start] in self.d.age_bounds  # 年龄不超过45周岁: whom it is for
        return m.quantity.unit in self.d.age_units and (bounded or not self.reach) and m.change is None

    @cached_property
    def from_level(self) -> bool:
        """The level a change starts from (由35万元调整为45万元), or one of a 、 list of them the change's verb follows
        (由每小时不低于7.2元、每月不低于1260元，调整到…)."""
        d, listed = self.d, self.d.list_marks[0]
        opened = max((self.before.rfind(w) for w in d.from_words), default=-1)
        between = self.before[opened:] if opened >= 0 else ""
        digits = any(ch.isdigit() for ch in between)
        if opened < 0 or digits and listed not in between:
            return False
        if any(w in self.after[:d.qualifier_reach * 2] for w in d.to_words):
            return not digits
        rest = self.text[self.m.right:self.sentence[1]] if listed in between or self.after.startswith(listed) else ""
        k = min((i for i in (rest.find(w) for w in d.to_words) if i >= 0), default=-1)
        return k >= 0 and rest.count("，", 0, k) <= 1 and not any(w in rest[:k] for w in d.from_words)

    @cached_property
    def until(self) -> bool:
        return any(w in self.before[-self.d.until_reach:] for w in self.d.until_words)

    @cached_property
    def qualifies(self) -> bool:
        """The number bounds those a measure is for: 年营业收入超过1亿元的企业, 160千瓦及以下各类组织,
        时长低于6小时的相应折减, or it stands in a condition (对……的, 涉及10千伏及以上电网改造的)."""
        d, after = self.d, self._list_after  # 达到10万、20万TEU的企业: the words after the list qualify each
        if after.strip() == d.condition_end and (self.m.written or self.closes_condition) or self._bracketed:
            return True  # 储存6个月以内的，…: the condition the rest of the sentence depends on
        particle = after.startswith(d.qualifier_particle)
        noun = after[len(d.qualifier_particle) if particle else 0:][:d.qualifier_reach]
        entity = any(w in noun for w in d.qualified_nouns)
        if self.time_limit and not (particle and entity):
            return self._window_condition
        bounded = self.m.written and self.m.comparator not in (Comparator.ABOUT, Comparator.EQUAL)
        after_bound = self.text[self.m.end:self.m.right] in d.range_bounds  # 以上, 以下, 及以下 written after it
        if self.inclusive and (after_bound or self.m.quantity.value_max is not None):
            return True  # 获得3项以上(含)发明专利的, 0—260度（含）: a bound or range said to include its edge draws a line
        if any(noun.startswith(w) for w in d.figure_nouns) or self.reach and not particle and not after_bound:
            return False
        clause = self.text[self.m.clause[0]:self.m.clause[1]]
        if clause.startswith(d.conditional_starts) and bounded:
            return True  # 若日实际响应量低于日申报响应量的50%，…
        if bounded and self.closes_condition:
            return True  # 需要裁减人员二十人以上…的，: a bound in the case the rest of the sentence provides for
        if after.startswith(d.reach_starts):
            return False  # 全区面积80%以上达到海绵城市建设要求: the share that reaches, a level
        lead = any(w in self.before[-d.qualifier_reach:] for w in d.threshold_leads)
        if particle and not entity and not lead and (self.a.tag_at(self.m.words_start - 1) or "") in d.binder.verb_tags:
            return False  # 提供1亿元以上的增信担保: what is provided (not 年营业收入2000万元及以上的房地产业)
        if particle and not entity and any(w in noun for w in d.grant_after) and not noun.startswith(d.grant_leads):
            return False  # 最高200万元的奖励, 最高200万元/人的项目资助: the grant itself (not 2000万元及以上的按70%奖励)
        unit = self.m.quantity.unit
        if after_bound and entity and unit != "%" and not particle and not self._clause_before.strip():
            return True  # 两个以上生产经营单位在同一作业区域内…: the subject of its clause, bounded (not 80%以上的机构)
        if particle and (after_bound and entity and unit in d.attribute_units and not noun.startswith(d.person_nouns)
                         or bounded and self.before.endswith(d.rate_words)):
            return True  # 户籍人口为5人及以上的家庭 (not 500名以上的人才), 热电比小于10%的燃气机组: what they have
        if (unit in d.count_units or unit == "%") and not lead:
            return False  # 培育30家以上技术转移机构, 30%以上的市: a count or share of what is reached, not a bound
        span = self.m.quantity.value_max is not None and unit in d.limit_units
        if after_bound and unit is not None and not span and is_han(noun[:1]) and not noun.startswith(d.grant_after):
            return True  # 时速120公里以上线路: a measure bounding the noun after it (not a band of
            # time, 暂停6个月以上1年以下涉及…: how long; nor the grant bounded, 给予1万元以下奖励)
        if particle and (bounded or lead):
            return True  # ……以上的企业, 低于6小时的相应折减
        if after_bound and entity:
            return True  # 160千瓦及以下各类民营经济组织
        return clause.endswith(d.condition_end) and (clause.startswith(d.condition_starts) or after_bound
                                                     or self.closes_condition)

    @cached_property
    def closes_condition(self) -> bool:
        """The figure's clause, and those 或者 joins to it, on its line and in its sentence, are closed by 的
        before a comma: the case the rest of the sentence provides for (出现…情形1次的，给予警告; 非法经营数额在
        十万元以上，或者违法所得数额在五万元以上的，…)."""
        d, text = self.d, self.text
        end = self.m.clause[1]
        while text[end:end + 1] in d.condition_closers and text.startswith(d.condition_joiners, end + 1):
            ends = [k for k in (text.find(c, end + 1, self.sentence[1] + 1) for c in d.condition_clause_ends) if k >= 0]
            if not ends:
                break
            end = min(ends)
        if text.endswith(d.condition_end, 0, end) and text[end:end + 1] in d.condition_closers \
                and not any(c in text[self.m.end:end] for c in d.condition_breaks):
            return True
        k = text.find(d.condition_end, self.m.end, self.m.clause[1])  # 入住率低于30%的不予补贴: no comma
        return k >= 0 and text.startswith(d.condition_refusals, k + len(d.condition_end))

    @cached_property
    def raised_to(self) -> bool:
        """A level the text moves something to, right before the number or its comparator (提高至500元/月,
        压缩至5个工作日以内, 提升至不低于50%); not a neutral adjustment (调整为), nor one only permitted (可提高至35%)."""
        m, text, d = self.m, self.text, self.d
        left = m.per_start if m.per_start >= 0 else m.left  # 提高至每人每年610元: the verb before the per phrase
        verb = next((w for w in d.raise_words if text.endswith(w, m.clause[0], left)), None)
        starts = left - len(verb) if verb else m.left if text[m.left:m.start].startswith(d.raise_words) else None
        return starts is not None and not text.endswith(d.permitting_words, m.clause[0], starts)

    @cached_property
    def points(self) -> bool:
        """A number of points of a scoring scheme (（8分）, 得5分, 每少一次扣0.5分)."""
        return self.m.quantity.unit in self.d.points_units

    @cached_property
    def band(self) -> bool:
        """The figure is written with both its bounds (1—3分, 80-95%, 10万元以上30万元以下)."""
        return self.m.quantity.value_max is not None

    @cached_property
    def defines(self) -> bool:
        """A bounded figure in a definition draws the line of a class (特别重大船舶污染事故，是指船舶溢油1000吨以上)."""
        bounded = self.m.written and self.m.comparator not in (Comparator.ABOUT, Comparator.EQUAL) \
            or self.m.quantity.value_max is not None
        return bool(bounded) and any(w in self.text[self.m.clause[0]:self.m.start] for w in self.d.definition_words)

    @cached_property
    def norm(self) -> bool:
        """The clause states a norm the policy sets, not a level to reach (服务半径原则上不低于0.9公里,
        到付款不得超过30天)."""
        return any(w in self.text[self.m.clause[0]:self.m.start] for w in self.d.norm_words)

    @cached_property
    def obliged(self) -> bool:
        """A word of duty stands as a word of its own before the number in its clause (每年要对30%以上的市…)."""
        pos, tokens = self.m.clause[0], self.a.tokens
        while pos < self.m.words_start:
            word = tokens.word_at(pos)
            if word is None or word[1] <= pos:
                return False
            if word[2] in self.d.duty_words:
                return True
            pos = word[1]
        return False

    @cached_property
    def duration(self) -> bool:
        if self.m.quantity.unit not in self.d.duration_units:
            return False
        lead = any(self.before.endswith(w) for w in self.d.duration_leads)
        return lead or self.after.startswith(self.d.duration_nouns)

    @cached_property
    def reach(self) -> bool:
        """A level to reach: 达到, 提高到… right before the number, or before its per phrase (达到每人每年不低于600元)."""
        m, text = self.m, self.text
        if m.left < m.start and text[m.left:m.start] in self.d.reach_words:  # not 可提高至35% (raised_to)
            return not (text[m.left:m.start] in self.d.raise_words and text.endswith(self.d.permitting_words, m.clause[0], m.left))
        return m.per_start >= 0 and any(text.endswith(w, m.clause[0], m.per_start) for w in self.d.reach_words)

    @cached_property
    def change(self) -> bool:
        return self.m.change is not None

def _close_of(text: str, reach: int) -> int:
    """Where the bracket opening ``text`` closes within ``reach`` characters, or -1."""
    return next((i for i, ch in enumerate(text[1:reach], 1) if ch in _CLOSES), -1)
