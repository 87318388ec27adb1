"""Stage three: the role of each quantity, decided by cues kept as data.

``resources/quantities.toml`` lists the cues under ``[[cue]]``, in order: the
first whose conditions all hold decides the role, and its id is the rule
that the graph records for the figure (``pol:rule``), so a researcher can see
why a number was read as a target and not a subsidy. A condition is the name
of a clue below, or ``not`` and the name; the words each clue looks for are
the lists of ``[roles]`` in the same file.

The clues a cue can name are those of :mod:`kg.extract.quantities.clues`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from kg.errors import RuleError
from kg.extract.base import Analysis
from kg.extract.quantities.clues import Clues
from kg.resources import compile_pattern, load_toml

ROLES = ("target", "baseline", "parameter", "threshold", "context")


@dataclass(frozen=True)
class Cue:
    id: str
    role: str
    when: tuple[tuple[bool, str], ...]  # (wanted, clue name)
    description: str = ""


class RoleDecider:
    # The clues a cue may name: every public clue of :class:`Clues`, and ``marked`` and ``far_time``, which
    # the reader works out with the mention (far_time: no time written in its own sentence binds it).
    CLUES = tuple(name for klass in reversed(Clues.__mro__) for name, value in vars(klass).items()
                  if isinstance(value, cached_property) and not name.startswith("_")) + ("marked", "far_time")

    def __init__(self, cfg: dict, binder) -> None:
        self.binder = binder
        self._load_words(cfg["roles"], cfg["context"])
        self._load_more_words(cfg["roles"], cfg["context"])
        self._load_object_words(cfg["roles"])
        self._load_duty_words(cfg["context"])
        self._load_cues(cfg)

    @cached_property
    def per_marks(self) -> tuple[str, ...]:
        """What counts per (每满六个月: per six months, no condition): the number reader's marks."""
        return tuple(self.binder.finder.reader.per_marks)

    def _load_words(self, r: dict, ctx: dict) -> None:
        """The words and reaches of ``[roles]`` and ``[context]`` the clues read (first half)."""
        self.age_units = set(r["age_units"])
        self.part_marks = tuple(r["part_marks"])
        self.part_cues = set(r["part_cues"])
        self.aside_opens, self.aside_closes = r["aside_opens"], tuple(r["aside_closes"])  # characters
        self.aside_not = tuple(r["aside_not"])
        self.reach_words = set(r["reach_words"])
        self.reach_starts = tuple(r["reach_words"])  # for str.startswith
        self.until_words = tuple(r["until_words"])
        self.from_words = tuple(r["from_words"])
        self.to_words = tuple(r["to_words"])
        self.raise_words = tuple(w for w in self.to_words if w not in set(r["neutral_to_words"]))
        self.permitting_words = tuple(r["permitting_words"])
        self.limit_units = set(r["limit_units"])
        self.rule_kinds = tuple(r["rule_kinds"])
        self.rule_opening = int(r["rule_opening"])
        self.rule_articles, self.rule_not = int(r["rule_articles"]), tuple(r["rule_not"])
        self.report_kinds = tuple(r["report_kinds"])
        self.report_comparisons, self.report_aims = tuple(r["report_comparisons"]), tuple(r["report_aims"])
        self.report_comparisons_min = int(r["report_comparisons_min"])
        self.report_achievements, self.achievements_per_1000 = tuple(r["report_achievements"]), float(r["achievements_per_1000"])
        self.intent_words, self.intent_min_chars = tuple(r["intent_words"]), int(r["intent_min_chars"])
        self.limit_marks = tuple(r["limit_marks"])
        self.limit_marks_chars = "".join(sorted(set("".join(self.limit_marks))))
        self.limit_leads = tuple(r["limit_leads"])
        self.limit_words = tuple(r["limit_words"])
        self.limit_reach = int(r["limit_reach"])
        self.spread_marks = tuple(r["spread_marks"])
        self.processing_words, self.passive_marks = tuple(r["processing_words"]), tuple(r["passive_marks"])
        self.applicant_words = tuple(r["applicant_words"])
        self.extension_words = tuple(r["extension_words"])
        self.condition_words = tuple(r["condition_words"])
        self.inline_condition_ends = self.condition_words + tuple(r["inline_condition_ends"])
        self.lead_in_ends = ("：", ":")
        self.sentence_ends = ("。", "！", "？", "；", ";")
        self.full_stops = self.sentence_ends[:3]  # not ；: the items of one lead-in
        self.item_ends = ("；", ";")
        self.item_kinds = ("subsection", "item", "subitem")  # the markers of structure.toml that list items
        self.until_reach = int(r["until_reach"])
        self.procedure_units = set(r["procedure_units"])
        self.procedure_verbs = tuple(r["procedure_verbs"])
        self.copies_leads = tuple(r["copies_leads"])
        self.inclusion_marks = tuple(r["inclusion_marks"])
        self.inclusion_opens = tuple(r["inclusion_opens"])
        self.inclusion_reach = int(r["inclusion_reach"])
        self.lookback_leads = tuple(r["lookback_leads"])
        self.lookback_ends = tuple(r["lookback_ends"])
        self.qualifier_particle = r["qualifier_particle"]
        self.qualifier_reach = int(r["qualifier_reach"])
        self.clue_reach = int(r["clue_reach"])
        self.sentence_reach = 4 * self.clue_reach  # what the clues read of a figure's sentence
        self.qualified_nouns = tuple(r["qualified_nouns"])
        self.attribute_units, self.person_nouns = frozenset(r["attribute_units"]), tuple(r["person_nouns"])
        self.rate_words = tuple(r["rate_words"])
        self.floor_scales = tuple(r["floor_scales"])
        self.figure_nouns = tuple(r["figure_nouns"])
        self.range_bounds = set(r["range_bounds"])
        self.range_bounds_longest = tuple(sorted(self.range_bounds, key=len, reverse=True))  # （含）以上 before 以上
        self.count_units = set(ctx["count_units"])
        self.points_units = set(r["points_units"])

    def _load_more_words(self, r: dict, ctx: dict) -> None:
        """The words and reaches of ``[roles]`` and ``[context]`` the clues read (second half)."""
        self.plan_kinds = set(load_toml("references.toml")["plan_kinds"])
        self.norm_words = tuple(r["norm_words"])
        self.definition_words = tuple(r["definition_words"])
        self.noun_tag = r["noun_tag"]
        self.threshold_leads = tuple(r["threshold_leads"])
        self.condition_starts = tuple(ctx["condition_starts"])
        self.condition_end = ctx["condition_end"]
        self.condition_closers = tuple(ctx["condition_closers"]["marks"])
        self.condition_breaks = tuple(ctx["condition_closers"]["not_across"])
        closers = ctx["condition_closers"]  # …以上，或者…以上的，; …30%的不予补贴
        self.condition_joiners, self.condition_refusals = tuple(closers["joiners"]), tuple(closers["refusals"])
        self.condition_clause_ends = self.condition_closers + self.condition_breaks + ("；", ";")
        self.limit_missed, self.lapse_words = tuple(ctx["limit_missed"]), tuple(ctx["lapse_words"])
        self.conditional_starts = tuple(ctx["conditional_starts"])
        self.consequence_starts = tuple(ctx["consequence_starts"])
        self.grant_before = tuple(r["grant_before"])
        self.grant_after, self.grant_leads = tuple(r["grant_after"]), tuple(r["grant_leads"])
        self.cost_share_verbs = tuple(r["cost_share_verbs"])
        self.grant_verbs = tuple(r["grant_verbs"])
        self.grant_near_reach = int(r["grant_near_reach"])
        self.grant_reach = int(r["grant_reach"])
        self.money_units, self.points_of_rate = set(r["money_units"]), set(r["points_of_rate"])  # 元; 贴息1个百分点
        numbers = load_toml("numbers.toml")
        self.per_mark = numbers["per"]["mark"]  # 元/年/人: money per year and head
        self.fee_words = tuple(r["fee_words"])
        self.standard_leads = tuple(r["standard_leads"])
        self.fee_after = tuple(r["fee_after"])
        self.per_unit_words, self.per_periods = tuple(ctx["per_unit"]), set(ctx["per_periods"])  # 每人; 每年
        self.per_item_lead, self.per_item_not = ctx["per_item_lead"], ctx["per_item_not"]
        self.validity_words = tuple(r["validity_words"])
        self.enumeration_units = set(r["enumeration_units"])
        self.part_units = set(r["part_units"])
        self.enumeration_leads = tuple(r["enumeration_leads"])
        self.enumeration_nouns = tuple(r["enumeration_nouns"])
        self.enumeration_reach = int(r["enumeration_reach"])
        self.kind_leads = tuple(r["kind_leads"])
        self.kind_units = set(r["kind_units"])
        self.kind_list_reach = int(r["kind_list_reach"])
        self.heading_count_max = int(r["heading_count_max"])
        self.duration_units = set(r["duration_units"])
        self.context_units = set(r["context_units"])
        self.list_marks = tuple(r["list_marks"])
        self.not_class_starts = tuple(r["not_class_starts"])
        self.class_reach = int(r["class_reach"])
        self.scale_suffixes = tuple(r["scale_suffixes"])
        self.rank_class_suffixes = tuple(r["rank_class_suffixes"])
        self.share_units = set(r["share_units"])
        self.selection_verbs = tuple(r["selection_verbs"])
        self.rank_leads = tuple(r["rank_leads"])
        self.scope = (tuple(r["scope"]["words"]), r["scope"]["tag"], int(r["scope"]["reach"]), r["scope"]["ends"])
        self.rank_unit = numbers["rank"]["unit"]
        self.full_words = set(r["full_words"])
        self.ratio_marks = tuple(numbers["ratio"]["marks"])
        self.duration_leads = tuple(r["duration_leads"])
        self.duration_nouns = tuple(r["duration_nouns"]) + tuple(ctx["campaign_nouns"])  # 三年行动: how long it runs
        self.target_cues = tuple(ctx["target_cues"])
        self._load_time_words(r)

    def _load_time_words(self, r: dict) -> None:
        """The words of ``[roles]`` that say when a figure stands and whether it is set: the present state,
        a plan, a year planned for, a term, a sanction's term."""
        self.current_words = tuple(r["current_words"])
        self.exists_word, self.exists_not = r["exists_word"], tuple(r["exists_not"])
        self.year_on_year_words = tuple(r["year_on_year_words"])
        self.plan_verbs = tuple(r["plan_verbs"])
        self.term_units, self.term_leads = set(r["term_units"]), tuple(r["term_leads"])
        self.term_verbs = tuple(r["term_verbs"])
        self.bar_words = tuple(r["bar_words"])
        self.year_plan_sections = tuple(r["year_plan_sections"])
        self.plan_reach, self.plan_stops = int(r["plan_reach"]), tuple(r["plan_stops"])
        self.done_words = tuple(r["done_words"])
        self.plan_after = tuple(r["plan_after"])

    def _load_duty_words(self, ctx: dict) -> None:
        """The words of ``[context]`` that say who a duty binds: a government body, or a party it governs."""
        self.obligations = tuple(ctx["obligation_words"])
        self.duty_words = frozenset(ctx["duty_words"])
        self.service_subjects, self.party_stops = tuple(ctx["service_subjects"]), tuple(ctx["party_stops"])
        self.duty_stops, self.duty_adverbs = tuple(ctx["duty_stops"]), frozenset(ctx["duty_adverbs"])
        self.party_heads, self.topic_marks = tuple(ctx["party_heads"]), tuple(ctx["topic_marks"])

    def _load_object_words(self, r: dict) -> None:
        """The words of ``[roles]`` that say what a figure's object is (an output, a project, a grade, a rating),
        and to whom an act within a limit is addressed."""
        self.output_verbs = tuple(r["output_verbs"])
        self.recipient_marks, self.recipient_bodies = tuple(r["recipient_marks"]), tuple(r["recipient_bodies"])
        self.agent_marks = tuple(r["agent_marks"])
        self.rate_names, self.rate_name_gaps = tuple(r["rate_names"]), "".join(r["rate_name_gaps"])
        self.quota_lead = compile_pattern(r["quota_lead"], "quantities.toml quota_lead")
        units = "|".join(re.escape(u) for u in r["points_units"])  # （含1万元，不含3万元）（4分）: an aside, then the points
        self.scored_after = re.compile(rf"\s*(?:[（(][^（）()]{{0,20}}[）)]\s*)?[（(]\d+(?:\.\d+)?(?:{units})[）)]")
        self.applicant_verbs = tuple(r["applicant_verbs"])  # an act addressed to an office: an applicant's
        self.output_stops = set(r["output_stops"])
        self.output_reach = int(r["output_reach"])
        self.output_tails, self.capacity_leads = tuple(r["output_tails"]), tuple(r["capacity_leads"])
        self.treated_marker = r["treated_marker"]
        self.grade_units = set(r["grade_units"])
        self.age_bounds = tuple(r["age_bounds"])
        self.window = (tuple(r["window_leads"]), tuple(r["window_ends"]))
        self.article_units, self.article_nouns = set(r["article_units"]), tuple(r["article_nouns"])
        self.article_verbs, self.quote_marks = tuple(r["article_verbs"]), r["quote_marks"]
        self.early_marks, self.early_finishes = tuple(r["early_marks"]), tuple(r["early_finishes"])
        self.zero_phrases = tuple(r["zero_phrases"])
        self.rated_reach = int(r["rated_reach"])
        self.name_ends, self.rule_not_in_names = tuple(r["name_ends"]), tuple(r["rule_not_in_names"])
        self.treating_verbs = tuple(r["treating_verbs"])
        self.project_nouns = tuple(r["project_nouns"])
        self.project_reach = int(r["project_reach"])
        self.plant_verbs, self.push_verbs = tuple(r["plant_verbs"]), tuple(r["push_verbs"])
        self.unnamed_units = set(r["unnamed_units"])
        self.project_size_words = tuple(r["project_size_words"])
        self.spec_units, self.spec_leads = set(r["spec_units"]), tuple(r["spec_leads"])
        self.service_hours = (set(r["service_hour_units"]), tuple(r["service_hour_nouns"]))

    def _load_cues(self, cfg: dict) -> None:
        """The cues of ``[[cue]]``, in order, each condition a known clue; the last holds always."""
        self.cues = []
        problems = []
        for k, entry in enumerate(cfg.get("cue", [])):
            cue_id, role = entry.get("id"), entry.get("role")
            if not cue_id or role not in ROLES:
                problems.append(f"cue {k + 1}: needs an id and a role among {', '.join(ROLES)}")
                continue
            when = []
            for cond in entry.get("when", []):
                wanted = not cond.startswith("not ")
                name = cond[4:].strip() if not wanted else cond.strip()
                if name not in self.CLUES:
                    problems.append(f"cue {cue_id}: unknown clue {name!r} (known: {', '.join(self.CLUES)})")
                when.append((wanted, name))
            self.cues.append(Cue(cue_id, role, tuple(when), entry.get("description", "")))
        if problems:
            raise RuleError("quantities.toml [[cue]]: " + "; ".join(problems))
        if not self.cues or self.cues[-1].when:
            raise RuleError("quantities.toml [[cue]]: the last cue must hold always (no `when`), so every quantity gets a role")

    def reports(self, a: Analysis, pos: int) -> bool:
        """Whether the part at ``pos`` is an account of what was done (a 通报, a 统计公报): one of
        `report_kinds` stands in its title, or, if it has none, in its first line (a 政府工作报告 that says
        in passing that a practice 入选…典型经验 is no account of what was done); or its figures are
        compared with the year before throughout, with few aims (a communiqué cut from below its title), or, under
        no title, it tells of achievements throughout (获评, 入选, 位居, 全国领先: a report's review cut from inside it);
        or no word of intent or duty stands in it at all, long as it is (a city's profile: 2013年末，广州市常住人口
        1292.68万人)."""
        part = a.doc.part_at(pos)
        cache = a.memo.setdefault("report-like", {})
        if part.index not in cache:
            title = part.title or (a.doc.parts[0].title if part.index else None)  # going on after a sign-off: the page's
            if title:
                head = title.text
            else:  # its first line: 入选…典型经验 further on is said in passing
                opening = a.text[part.start:part.start + self.rule_opening]
                head = opening.split("\n", 1)[0]
                if any(mark in head.rstrip("".join(self.full_stops)) for mark in self.full_stops):
                    head = ""  # a paragraph, no title: a part cut from inside a report (…23项典型经验向全国推广。…)
            body = a.text[part.start:part.end]
            compared = sum(body.count(w) for w in self.report_comparisons)
            cache[part.index] = any(w in head for w in self.report_kinds) or (
                compared >= self.report_comparisons_min and compared > 3 * sum(body.count(w) for w in self.report_aims)) or (
                not title and not self._review_marked(a, part)
                and sum(body.count(w) for w in self.report_achievements) >= self.achievements_per_1000 * len(body) / 1000) or (
                len(body) >= self.intent_min_chars and not any(w in body for w in self.intent_words))  # it only describes
        return cache[part.index]

    def _review_marked(self, a: Analysis, part) -> bool:
        """Whether a heading (工作回顾), a paragraph's opening (过去一年，…) or a report's formula (向大会报告工作) marks
        where the part reviews the past, or one turns to goals (今年…, 2024年工作安排): the sections then say which
        figures were reached and which are to be."""
        b = self.binder
        if any(w in a.text[s.heading_start:s.heading_end] for s in a.doc.sections if part.start <= s.heading_start < part.end
               for w in b.review_sections):
            return True
        return any(w in a.text[p.start:p.start + b.formula_reach] for p in a.doc.paragraphs if p.part == part.index
                   for w in b.review_openers + b.report_formulas) or any(
            b.turns_to_goals(a, p) for p in a.doc.paragraphs if p.part == part.index)  # 今年…主要预期目标: goals too

    def decide(self, clues: Clues) -> Cue:
        """The first cue whose conditions all hold."""
        for cue in self.cues:
            if all(clues[name] == wanted for wanted, name in cue.when):
                return cue
        return self.cues[-1]
