"""Stage one: the quantity mentions of a clause.

A mention is a number with its unit (:class:`kg.nlp.numbers.Quantity`) and
the words written right around it: its comparator (超过 >, 达到 >=, 以上 >=,
左右 ~, a range 5-10), whether it is a change (下降13.5%, 提高5个百分点,
压缩一半) rather than a level (提高到60%, 压缩至6个月), and what it is counted
per (每人每年不低于600元). Numbers that are no quantity are left out here:
those inside a title (《…（2019-2021年）》), a name in quotes (“两个确保”), an
item's marker, a time (5年内), and counts in Chinese numerals or of years
with no comparator (三年行动, 八项规定).

Words are data, in ``resources/quantities.toml`` ([comparators], [change],
[per], [names]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.records import Change, Comparator
from kg.nlp.numbers import Quantity, number_reader
from kg.nlp.script import is_han
from kg.resources import compile_pattern



@dataclass(frozen=True)
class Mention:
    """A quantity as written in its clause."""

    quantity: Quantity
    clause: tuple[int, int]
    comparator: Comparator
    written: bool  # a comparator word is written beside it
    left: int  # where the number and its comparator words begin
    right: int  # and end
    change: Change | None = None
    change_start: int = -1  # where the change verb begins (下降13.5%), else ``left``
    per: str | None = None  # 每人每年
    per_start: int = -1  # where the per phrase begins, else the start of the change or comparator

    @property
    def start(self) -> int:
        return self.quantity.start

    @property
    def end(self) -> int:
        return self.quantity.end

    @property
    def words_start(self) -> int:
        """Where the words belonging to the number (per, change, comparator) begin."""
        return min(x for x in (self.per_start, self.change_start, self.left) if x >= 0)


class MentionFinder:
    def __init__(self, cfg: dict) -> None:
        self.reader = number_reader()
        self.before = sorted(cfg["comparators"]["before"].items(), key=lambda kv: -len(kv[0]))
        self.before_map, age = dict(cfg["comparators"]["before"]), cfg["comparators"]["age_after"]
        self.after = sorted(cfg["comparators"]["after"].items(), key=lambda kv: -len(kv[0]))
        self.age_units, self.age_after = set(age["units"]), sorted(age["words"].items(), key=lambda kv: -len(kv[0]))
        self.comparator_gaps = tuple(cfg["comparators"]["gaps"]["words"])
        self.doubled_joiners = tuple(cfg["comparators"]["doubled"]["joiners"])
        noun_bounds = set(cfg["comparators"]["noun_bound"]["words"])
        self.noun_bounds = [(w, c) for w, c in self.after if w in noun_bounds]  # longest first, as `after`
        self.noun_bound_reach = int(cfg["comparators"]["noun_bound"]["reach"])
        self.noun_bound_particle = cfg["comparators"]["noun_bound"]["particle"]
        ctx = cfg["context"]
        self.service_units = set(ctx["service_units"])
        self.service_marker = ctx["service_marker"]
        change = cfg["change"]
        self.change_words = sorted([(w, Change.UP) for w in change["up"]] + [(w, Change.DOWN) for w in change["down"]],
                                   key=lambda kv: -len(kv[0]))
        self.change_gap = tuple(change["between"])
        self.change_words_alone = {w: Change(d) for w, d in change["quantity_words"].items()}
        self.change_openers = tuple(sorted(change["opening"], key=len, reverse=True))
        self.reached = tuple(change["opening_not_reached"])
        self.object_reach = int(change["object_reach"])
        self.object_verbs = sorted(((w, Change.UP if w in change["up"] else Change.DOWN) for w in change["object_verbs"]),
                                   key=lambda kv: -len(kv[0]))
        self.not_verb_after = tuple(change["not_verb_after"])
        per = cfg["per"]
        units = "|".join(re.escape(u) for u in sorted(per["units"], key=len, reverse=True))
        self.per = compile_pattern(f"(?:{re.escape(per['mark'])}(?:{units}))+$", "quantities.toml per")
        self.per_gap = tuple(per["between"])
        self.per_mark = per["mark"]
        names = cfg["names"]
        self.quote_pairs = dict(zip(names["quotes_open"], names["quotes_close"]))
        self.enumerator_after, self.enumerator_before = names["enumerator_after"], names["enumerator_before"]
        self.item_gaps = names["item_gaps"]
        self.id_suffixes, self.address_parts = tuple(names["id_suffixes"]), tuple(names["address_parts"])
        self.line_words, self.line_reach = tuple(names["line_words"]), int(names["line_reach"])
        self.service_number = compile_pattern(names["service_numbers"], "quantities.toml service_numbers")
        self.note_open, self.note_close = names["note_marks"]
        self.name_length = int(names["max_length"])
        self.duration_units = set(ctx["duration_units"])
        self.campaign_nouns, self.campaign_documents = tuple(ctx["campaign_nouns"]), tuple(ctx["campaign_documents"])
        comparative = cfg["comparators"]["comparative"]
        self.share_particles = (comparative["particle"], *comparative["totals"])
        self.comparative_reach = int(comparative["reach"])
        self.comparative_words = {w: self.before_map[w] for w in comparative["words"]}
        words = "|".join(re.escape(w) for w in sorted(comparative["words"], key=lambda w: (-len(w), w)))
        ends = "|".join(re.escape(w) for w in self.share_particles)
        self.comparative_pattern = compile_pattern(
            f"({words})[^{re.escape(''.join(comparative['stops']))}]*(?:{ends})$",
            "quantities.toml comparators.comparative")
        self.brackets_open = {"（", "("}
        floating = cfg["comparators"]["floating"]
        self.floating = dict(floating["words"])
        self.floating_reach = int(floating["reach"])
        self.floating_stops = tuple(floating["stops"])
        self.floating_not = tuple(floating["not_words"])
        self.floating_neutral = tuple(floating["neutral"])
        self.floating_named_words, self.floating_named_stops = tuple(floating["named_words"]), tuple(floating["named_stops"])
        self.repeat_words = "".join(names["repeat_words"])
        self.bound_words = {w for w, _ in self.after}

    # -- comparator ----------------------------------------------------------------
    def comparator(self, text: str, q: Quantity, start: int, end: int) -> tuple[Comparator, int, int, bool]:
        """Return the comparator of ``q``, where its words start and end, and whether one was written.

        约 and 左右 (about) win over a bound; a bound written after the number (以上,
        以内) wins over 达到 before it; a range is a range.
        """
        at = q.start  # past a currency's name between the bound and the number (不低于人民币5亿元)
        at -= len(next((g for g in self.comparator_gaps if at - len(g) >= start and text.startswith(g, at - len(g))), ""))
        pre = next(((w, c) for w, c in self.before if at - len(w) >= start and text.startswith(w, at - len(w))), None)
        post = (next(((w, c) for w, c in self.after if text.startswith(w, q.end, end)), None) or self._doubled(text, q, end)
                or self._noun_bound(text, q, end) or q.unit in self.age_units and next(  # 年满三周岁之前: under three
                    ((w, c) for w, c in self.age_after if text.startswith(w, q.end, end)), None))
        if post and post[0] == self.service_marker and q.unit not in self.service_units:
            post = None  # 内 bounds only time limits
        left = at - len(pre[0]) if pre else q.start
        right = q.end + len(post[0]) if post else q.end
        if q.value_max is not None:
            return Comparator.RANGE, left, right, not q.loose  # 三四个: no bound written
        about = Comparator.ABOUT.value
        if (pre and pre[1] == about) or (post and post[1] == about):
            return Comparator.ABOUT, left, right, True
        if post and (not pre or pre[1] in ("=", ">=")):
            return Comparator(post[1]), left, right, True
        if pre and pre[0] in self.floating_neutral:  # 期限最长为2年: the bound before 为 stands
            pre = (pre[0], (self.floating_before(text, at - len(pre[0]), start) or Comparator.EQUAL).value)
        if pre:
            strict = {Comparator.LESS: Comparator.AT_MOST, Comparator.GREATER: Comparator.AT_LEAST}
            said = Comparator(pre[1])  # 低于50400元（含50400元）: the bracket takes the edge in
            return (strict[said] if said in strict and self.reader.bands.included(text, q, end) else said), left, right, True
        if q.more:
            return Comparator.GREATER, left, right, True  # 3700多万
        far = self.comparative(text, q.start, start)
        if far is not None:
            return far, left, right, True  # 低于日申报响应量的50%
        floating = self.floating_before(text, q.start, start)
        if floating is not None:
            return floating, left, right, True  # 每年至少开展1次
        return Comparator.EQUAL, left, right, False

    def _doubled(self, text: str, q: Quantity, end: int) -> tuple[str, str] | None:
        """The bound of a number written again right after it, bounded (两人及两人以上): the words from its end
        through the bound, and the bound's comparator."""
        for joiner in self.doubled_joiners:
            again = q.end + len(joiner)
            if text.startswith(joiner, q.end, end) and text.startswith(q.written, again, end):
                bound = next(((w, c) for w, c in self.after if text.startswith(w, again + len(q.written), end)), None)
                if bound and bound[1] in (">=", "<="):
                    return text[q.end:again + len(q.written) + len(bound[0])], bound[1]
        return None

    def _noun_bound(self, text: str, q: Quantity, end: int) -> tuple[str, str] | None:
        """A bound written after the counted noun, marking off what has it (100张床位以上的医疗机构): the noun and the
        bound, and its comparator; the noun is a few Han characters right after a number with its unit, and 的
        follows the bound."""
        if q.unit is None:
            return None
        k = q.end
        while k < end and k - q.end < self.noun_bound_reach and is_han(text[k]):
            k += 1
            bound = next(((w, c) for w, c in self.noun_bounds if text.startswith(w, k, end)), None)
            if bound and text.startswith(self.noun_bound_particle, k + len(bound[0]), end):
                return text[q.end:k + len(bound[0])], bound[1]
        return None

    def floating_before(self, text: str, pos: int, start: int) -> Comparator | None:
        """A bounding adverb a few characters before the number, across a verb (至少开展1次)."""
        window = text[max(start, pos - self.floating_reach):pos]
        for word, comparator in self.floating.items():
            k = window.rfind(word)
            if k < 0:
                continue
            rest = window[k:]  # 最高贷款额度: no stop, no court (最高人民法院), no grant's verb after a name's cap
            stops = self.floating_stops + (self.floating_named_stops if word in self.floating_named_words else ())
            if not any(s in rest for s in stops) and not rest.startswith(self.floating_not):
                return Comparator(comparator)
        return None

    def comparative(self, text: str, pos: int, start: int) -> Comparator | None:
        """A comparator written before a share of something (低于日申报响应量的50%, 不高于房价的80%, 超过本单位
        在职职工总数1.5%)."""
        if not text.endswith(self.share_particles, 0, pos):
            return None
        m = self.comparative_pattern.search(text, max(start, pos - self.comparative_reach), pos)
        return Comparator(self.comparative_words[m.group(1)]) if m else None

    def strong(self, text: str, q: Quantity, end: int) -> bool:
        """True if a comparator word other than 多/余 stands by ``q`` (突破5亿, 5亿以上)."""
        pre = any(q.start >= len(w) and text.startswith(w, q.start - len(w)) for w, _ in self.before)
        post = any(text.startswith(w, q.end, end) for w, _ in self.after if w not in self.reader.more_than)
        return pre or post

    # -- change and per ------------------------------------------------------------------
    def change(self, text: str, q: Quantity, left: int, start: int) -> tuple[Change | None, int]:
        """The direction of a change written right before the number (下降13.5%), and where its verb begins;
        or of the clause ``start`` opens (新增教育学位16万多个)."""
        if q.written in self.change_words_alone:
            return self.change_words_alone[q.written], q.start  # 翻一番, 减半
        pos = left
        for gap in self.change_gap:  # 降低了10%
            if pos - len(gap) >= start and text.startswith(gap, pos - len(gap)):
                pos -= len(gap)
                break
        for word, direction in self.change_words:
            if pos - len(word) >= start and text.startswith(word, pos - len(word)):
                return direction, pos - len(word)
        if text.startswith(self.change_openers, start) and not text.endswith(self.reached, start, q.start):
            return Change.UP, left  # 新增教育学位16万多个: the clause opens with the change (not …比例达到30%)
        if left == q.start or self.before_map.get(text[left:q.start]) == Comparator.ABOUT.value:  # or only 约:
            return self.change_of_object(text, left, start)  # 削减化学需氧量（约）400万吨 is a change of its object
        return None, left

    def change_of_object(self, text: str, left: int, start: int) -> tuple[Change | None, int]:
        """A change verb with its object between it and the number (削减化学需氧量400万吨, 新增城市污水处理
        能力4500万吨/日): the object is Han characters only, and the verb is no part of a noun (增加值).
        Only verbs that change an amount (`object_verbs`): 提升农村互助幸福院108个 upgrades, 新增就业 names a flow."""
        k = left
        while k > start and left - k < self.object_reach and is_han(text[k - 1]):
            k -= 1
            for word, direction in self.object_verbs:
                if text.startswith(word, k - len(word) + 1) and k - len(word) + 1 >= start:
                    verb_end = k + 1
                    if verb_end < left and not text.startswith(self.not_verb_after, verb_end):
                        return direction, k - len(word) + 1
        return None, left

    def per_phrase(self, text: str, before: int, start: int) -> tuple[str | None, int]:
        """What a value is counted per, written right before ``before`` (每人每年), and where it begins."""
        pos = before
        for gap in self.per_gap:  # 每人每年补助600元
            if pos - len(gap) >= start and text.startswith(gap, pos - len(gap)):
                pos -= len(gap)
                break
        m = self.per.search(text, max(start, pos - 12), pos)
        if m:
            return m.group(0), m.start()
        if pos - 1 >= start and text[pos - 1] == self.per_mark:  # 每3—5年: how often
            return self.per_mark, pos - 1
        return None, -1

    def mention(self, text: str, q: Quantity, cs: int, ce: int, prev_end: int) -> Mention:
        comparator, left, right, written = self.comparator(text, q, prev_end, ce)
        change, change_start = self.change(text, q, left, prev_end)
        per, per_start = self.per_phrase(text, change_start if change else left, prev_end)
        return Mention(q, (cs, ce), comparator, written, left, right, change, change_start, per, per_start)

    # -- which numbers are quantities ---------------------------------------------------
    def quantities(self, text: str, cs: int, ce: int, excluded: list[tuple[int, int]]) -> list[Quantity]:
        """The quantities of a clause, without those inside a title, a name in quotes or ``excluded`` spans,
        nor one that a bracket repeats (50平方米（含50平方米）)."""
        found = [q for q in self.reader.quantities(text, cs, ce)
                 if not _inside_title(text, q.start)
                 and not self.in_name(text, q.start)
                 and not self.enumerator(text, q, cs)
                 and not any(s <= q.start < e or s < q.end <= e for s, e in excluded)]
        return [q for k, q in enumerate(found)
                if not (k and (q.value, q.unit) == (found[k - 1].value, found[k - 1].unit)
                        and (self._repeats(text[found[k - 1].end:q.start])
                             or self._doubled(text, found[k - 1], ce) is not None))]  # 两人及两人以上: one

    def _repeats(self, gap: str) -> bool:
        """The gap between a number and a bracket that repeats it: （, (含, or a bound before it (50%以下（含)."""
        gap = gap.rstrip(self.repeat_words).strip()
        return gap[-1:] in self.brackets_open and (len(gap) == 1 or gap[:-1].strip() in self.bound_words)

    def enumerator(self, text: str, q: Quantity, cs: int) -> bool:
        """A bare number that numbers an item (…。<br>2．开展…, | 1．光电技术研究院), names a place
        (190街坊) or marks a footnote ([2]): no quantity."""
        if q.unit is None and text.startswith(self.id_suffixes, q.end):
            return True  # 190街坊, 3号地块: a number that names a place
        if q.written[:1].isdigit() and q.value_max is None and text.endswith(self.address_parts, 0, q.start):
            return True  # 8号楼11层1121室: the floor and room of an address
        if q.unit is None and q.written.isdigit() and (self._hotline(text, q.end) or self.service_number.fullmatch(q.written)):
            return True  # 12319城市管理服务热线: the number of a line
        if q.unit is None and q.start and text[q.start - 1] in self.note_open and text[q.end:q.end + 1] in self.note_close:
            return True  # 国内生产总值[2]1349084亿元: a footnote's mark
        if q.unit is not None or q.value_max is not None:
            return False
        if text[q.end:q.end + 1] in self.enumerator_after:
            return q.start == cs or text[q.start - 1] in self.enumerator_before
        if q.written.isdigit() and text[q.end:q.end + 1] in self.item_gaps and (
                q.start == cs or text[q.start - 1] in self.item_gaps):
            after = text[q.end:q.end + 8].lstrip(self.item_gaps)  # \n\n3\n\n国际医疗中心: a row's number
            return bool(after) and (is_han(after[0]) or after[0] in self.quote_pairs)
        return False

    def _hotline(self, text: str, pos: int) -> bool:
        """Whether the words right after ``pos`` name a telephone line (城市管理服务热线), before any mark."""
        words = text[pos:pos + self.line_reach]
        k = next((i for i, ch in enumerate(words) if not is_han(ch)), len(words))
        return any(w in words[:k] for w in self.line_words)

    def in_name(self, text: str, pos: int) -> bool:
        """True if ``pos`` lies inside a short quoted name (“两个确保”, “1+N”); a name with counts
        in Chinese numerals may be twice as long (“四个革命、一个合作”)."""
        reach = self.name_length * (2 if text[pos] in self.reader.chinese_chars else 1)
        for opening, closing in self.quote_pairs.items():
            o = text.rfind(opening, max(0, pos - reach), pos)
            if o < 0 or text.find(closing, o + 1, pos) >= 0:
                continue
            c = text.find(closing, pos, o + reach + 2)
            if c >= 0:
                return True
        return False

    def campaign_length(self, text: str, q: Quantity, pos: int) -> bool:
        """A length of time before a campaign's noun (三年行动, 三年行动计划), not in a document's name (三年行动方案)."""
        if q.unit not in self.duration_units:
            return False
        noun = next((w for w in self.campaign_nouns if text.startswith(w, pos)), None)
        if noun is None:
            return False
        after = pos + len(noun)
        return not any(text.startswith(w, k) for w in self.campaign_documents for k in (after, after + 2))

    def needs_comparator(self, q: Quantity) -> bool:
        """A number without a unit, of years, or in Chinese numerals is a figure only with a comparator."""
        return q.unit is None or q.unit in self.duration_units or not q.written[:1].isdigit()


def _inside_title(text: str, pos: int) -> bool:
    """True if ``pos`` lies inside a 《…》 title."""
    opening = text.rfind("《", 0, pos)
    return opening >= 0 and text.rfind("》", opening, pos) < 0
