"""Lists of figures: 分别 spreads a list of values over a list of subjects (A、B和C分别达30%、20%和10%),
also into a later clause that names none of its own (…，分别增长20%、25%); 均 spreads one value over them
(A、B利用率均达到40%); a comparator before the first of a list of counts holds for the others (至少3个地市、
12个县区); a change measured against a time before (同比增长, 比上年增加) measures the figure before it.
:class:`kg.extract.quantities.binding.Binder` mixes this in with its settings (``distributive``, ``each``,
``each_within``, ``list_separators``, ``open_list``, ``comparison_base``, from ``quantities.toml`` [context])."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract.base import Analysis
from kg.extract.quantities.mentions import Mention
from kg.extract.records import Comparator

if TYPE_CHECKING:
    from kg.extract.quantities.binding import Reading, Setting


class ListReading:
    """How the figures of a list share their subjects, values and comparators."""

    def carried(self, indicator: str, previous: str | None) -> str:
        """An indicator that is only a change verb, after what it is measured against (同比增长,
        比上年增加), takes the subject of the one before it."""
        if previous and self.compared_change.fullmatch(indicator):
            change = self.compared_change_at_end.search(previous)  # 支出比上年增加1138元，增长7.2%
            base = previous[:change.start()] if change else previous
            return base + indicator
        return indicator

    def respread(self, text: str, readings: list[Reading], listed: list[str]) -> list[Reading]:
        """旅游人数、旅游收入分别达到300万人次、38亿元，分别增长20%、25%: a 分别 clause naming no subjects of its
        own spreads its values over the indicators ``listed`` by the clause before, as many as they."""
        lead = readings[0].indicator if readings else ""
        said = lead.find(self.distributive) + len(self.distributive)
        if (len(readings) < 2 or len(listed) != len(readings) or said < len(self.distributive)
                or not self.compared.fullmatch(lead[:said])  # 同比分别增长, 分别高于全省: no subject before 分别
                or not all(self.listed(text, r.mention.right, s.mention.left) for r, s in zip(readings, readings[1:]))):
            return readings
        measure = lead.replace(self.distributive, "")
        return [replace(r, indicator=self.carried(measure, name) if self.compared_change.fullmatch(measure) else name + measure,
                        distributed=True) for r, name in zip(readings, listed)]

    def _share_along_list(self, text: str, mentions: list[Mention]) -> None:
        """至少3个地市、12个县区: a comparator before the first of a 、-list holds for the rest; so does a
        change (产销分别增长30%、25%: each a change) for a value of the same unit."""
        inherited = False  # the one before took its comparator from the first: 达到10万、20万、50万TEU
        for k in range(1, len(mentions)):
            prev, m = mentions[k - 1], mentions[k]
            if prev.change is not None and m.change is None and m.quantity.unit == prev.quantity.unit \
                    and self.list_separator.fullmatch(text[prev.right:m.left].strip()):
                mentions[k] = m = replace(m, change=prev.change)
            own_change = m.change is not None and m.change_start >= prev.right  # 突破3000亿元、增长6.2%: its own verb
            if m.written or not prev.written or m.comparator is not Comparator.EQUAL or own_change:
                inherited = False
                continue
            gap = text[prev.right:m.left]
            inherited = self.list_mark in gap and not any(ch in gap for ch in "，；。") and (prev.left < prev.start or inherited)
            if inherited:
                mentions[k] = replace(m, comparator=prev.comparator, written=True)
        self._share_bound_back(text, mentions)

    def _share_bound_back(self, text: str, mentions: list[Mention]) -> None:
        """分别下降15%、10%以上: a bound written after the last of a 分别 list of one unit holds for the others."""
        k = len(mentions) - 1
        while k > 0:
            last, j = mentions[k], k
            if last.written and last.right > last.quantity.end and last.comparator is not Comparator.ABOUT:
                while (j > 0 and not mentions[j - 1].written and mentions[j - 1].quantity.unit == last.quantity.unit
                       and text[mentions[j - 1].right:mentions[j].left].strip() == self.list_mark):
                    j -= 1
                lead = text[max(0, mentions[j].left - self.distributive_reach):mentions[j].left]
                if j < k and self.distributive in lead and not any(ch in lead[lead.rfind(self.distributive):] for ch in "，；。"):
                    for i in range(j, k):
                        mentions[i] = replace(mentions[i], comparator=last.comparator, written=True)
            k = j - 1 if j < k else k - 1

    def _each(self, a: Analysis, readings: list[Reading], cs: int) -> list[Reading]:
        """甲、乙利用率均达到40%: one value, one reading per member of the list before 均 (or 各, 双双, with
        words between it and the value: 接待游客、经营收入均保持10%以上增长). A change needs no 均
        (药品、耗材平均降价超50%); a level does (龙头、骨干企业专业技术人员比重达到25% stays one)."""
        text, out = a.text, []
        for r in readings:
            m = r.mention
            word = next((w for w in self.each if text.startswith(w, m.words_start - len(w))
                         and not text.endswith(self.each_not_after, 0, m.words_start - len(w))), None)  # 均, not 平均
            at = len(r.indicator) - len(word) if word and r.indicator.endswith(word) else -1
            if word is None and not r.distributed:
                word, at = self._each_within(a, m, r.indicator)
            if r.distributed or (word is None and not (m.change is not None and len(readings) == 1)):
                out.append(r)
                continue
            subject = r.indicator[:at] if at >= 0 else r.indicator
            pieces = [p for p in _split_outside_brackets(subject, self.list_mark) if p.strip()]
            if word and len(pieces) > 1:  # 商标、专利审查周期及其它业务办理周期均…: the last joined by 及
                pieces = pieces[:-1] + [p for p in self.list_separator.split(pieces[-1]) if p.strip()]
            elif word and len(pair := [p for p in self.pair_separator.split(subject) if p.strip()]) == 2:
                pieces = pair  # 公园和广场各10个: two joined by 和 alone (not 与: A与B的比值均不低于70%)
            if len(pieces) < 2 or (word is None and any(w in pieces[-1] for w in self.open_list)):
                out.append(replace(r, indicator=subject))  # 水泥、玻璃等重点行业…提高20个百分点: one, for them all
                continue
            for name in self.members(a, pieces):
                out.append(replace(r, indicator=balanced(name), distributed=True))
        return out

    def _each_within(self, a: Analysis, m: Mention, indicator: str) -> tuple[str | None, int]:
        """The word for "each" standing as a word of its own between a list and the value, with words
        between it and the value (存、贷款余额双双突破6万亿元, 各开通1条), and its place in ``indicator``;
        (None, -1) if there is none."""
        text = a.text
        lo = m.left
        while lo > 0 and m.left - lo < self.each_reach and text[lo - 1] not in self.list_marks:
            lo -= 1
        if lo == 0 or text[lo - 1] != self.list_mark and self.list_mark not in text[max(0, lo - self.each_reach):lo]:
            return None, -1
        at, found = lo, None
        for w in a.segmenter(text[lo:m.left]).words:
            if w in self.each_within:
                found = w
            at += len(w)
        place = indicator.rfind(found) if found else -1
        return (found, place) if place > 0 and self.list_mark in indicator[:place] else (None, -1)

    @staticmethod
    def members(a: Analysis, pieces: list[str]) -> list[str]:
        """The members of a list that share the head of its last (甲、乙利用率: 甲利用率, 乙利用率): a member
        no longer than the last's first words takes the rest of the last."""
        last = pieces[-1].strip()
        words = a.segmenter(last).words
        head = "".join(words[1:]) if len(words) > 1 else ""
        out = []
        for piece in pieces:
            piece = piece.strip()
            short = len(piece) <= len(last) - len(head)
            out.append(piece + head if head and short and piece != last else piece)
        return out

    def listed(self, text: str, start: int, end: int) -> bool:
        """True if only list separators stand in ``[start, end)`` (4%、6%)."""
        gap = text[start:end].strip()
        return not gap or self.list_run.fullmatch(gap) is not None

    def joined_to_previous(self, text: str, start: int, end: int, unit: str | None = None) -> bool:
        """True if only a formula's operators stand in ``[start, end)`` (60%×20%, …=248.8元), or only 的 before a
        percentage ``unit`` (占全省10383万千瓦的10.3%: a share of the figure before)."""
        gap = text[start:end].strip()
        return self.formula_run.fullmatch(gap) is not None or (unit == "%" and gap in self.joining_particles)

    def _distributed(self, a: Analysis, mentions: list[Mention], cs: int, ce: int, setting: Setting) -> dict[int, str]:
        """For A、B和C分别达30%、20%和10%, return {k: A占比…}, one indicator per value by its place in
        ``mentions``; else {}. Without 分别, a list of as many subjects right before the list of values
        pairs with it too (减排烟尘、二氧化硫、氮氧化物约30、210、70万吨). A figure before 分别 is no value
        of the list and ends its subjects (营业收入、利润五年分别增长6%、8%)."""
        text = a.text
        pos, said = text.find(self.distributive, cs, ce), len(self.distributive)
        before = [m for m in mentions if pos >= 0 and m.right <= pos]
        values = mentions[len(before):]
        if len(values) < 2:
            return {}
        if pos < 0 or values[0].start < pos:
            pos, said = values[0].words_start, 0  # no 分别: the subjects run up to the values
        gaps = [text[values[k].right:values[k + 1].left] for k in range(len(values) - 1)]
        if any(not self.list_separator.fullmatch(g) for g in gaps):
            return {}
        measure_from = pos + said  # after 分别, or where the values start
        separators = list(self.list_separator.finditer(text[cs:pos]))
        last = cs + separators[-1].end() if separators else cs
        trailing = [m for m in before if m.start >= last]  # not 学前三年 in 学前三年入园率及…: a name's
        if trailing:
            pos = trailing[0].left  # the subjects end where the first figure stands
            separators = list(self.list_separator.finditer(text[cs:pos]))
        bounds = [cs] + [cs + m.end() for m in separators]
        stops = [cs + m.start() for m in separators] + [pos]
        pieces = [(s, e) for s, e in zip(bounds, stops) if text[s:e].strip()]
        if len(pieces) < len(values) or (not said and len(pieces) != len(values)):
            return {}
        # 全省与其他RCEP国家货物贸易、对外投资…: extra leading pieces qualify the first subject
        first_end = pieces[len(pieces) - len(values)][1]
        opens = setting.scope_span[1] if setting.scope_span and setting.scope_span[0] == cs else cs  # 全省 is the scope
        subjects = [text[opens:first_end]] + [text[s:e] for s, e in pieces[len(pieces) - len(values) + 1:]]
        first = values[0]
        measure = text[measure_from:first.words_start]
        if first.change is not None:
            measure = text[measure_from:first.left]  # 分别下降8%: the change verb names the measure
        subjects[0] = self._strip_scope(subjects[0])
        named = self.members(a, [s.strip() for s in subjects])
        return {len(before) + k: s + measure for k, s in enumerate(named)}

    def _strip_scope(self, text: str) -> str:
        for word in self.strip_leading:
            if text.startswith(word):
                text = text[len(word):]
        return text


def _split_outside_brackets(text: str, mark: str) -> list[str]:
    """``text`` cut at ``mark`` where no bracket is open (县（市、区、旗） is one piece)."""
    pieces, depth, start = [], 0, 0
    for k, ch in enumerate(text):
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
        elif ch == mark and depth == 0:
            pieces.append(text[start:k])
            start = k + 1
    pieces.append(text[start:])
    return pieces


def balanced(indicator: str) -> str:
    """Drop a quote mark left open or closed alone at either end (“重点引进…人才)."""
    if indicator.count("“") != indicator.count("”"):
        indicator = indicator.strip("“”")
    return indicator
