"""The clues of what a figure counts: the document's own items or kinds (an enumeration), or what a verb of
making sets out to make (a planned output). :class:`kg.extract.quantities.clues.Clues` has them all, with the
clues of the figure's own words; the module :mod:`kg.extract.quantities.clues` lists what each says."""

from __future__ import annotations

from functools import cached_property

from kg.nlp.script import is_han


class ObjectClues:
    """The clues of a figure's object; ``self.d`` (the decider), ``self.a`` (the analysis), ``self.m`` (the
    mention), ``self.text``, ``self.before`` and ``self.after`` are set by :class:`kg.extract.quantities.clues.Clues`."""

    @cached_property
    def enumeration(self) -> bool:
        if self.m.quantity.unit not in self.d.enumeration_units and self.m.quantity.unit is not None:
            return False
        if self.m.quantity.unit in self.d.part_units:
            return True  # 共5个方面: its unit names a part of a text
        closes = not self.after and self.m.quantity.unit not in self.d.enumeration_nouns  # 实施重点项目600个: a total
        near = "" if closes else self.before[-self.d.enumeration_reach:]
        lead = self._lead_word(near, self.d.enumeration_leads) or (  # 以下3个方面, not 共有卫生机构23个
            self.m.quantity.unit in self.d.kind_units and any(w in near for w in self.d.kind_leads))
        listed = self.after.startswith(self.d.enumeration_nouns) or self.text.startswith(
            self.d.enumeration_nouns, self.m.right)
        return lead or listed or self.kinds_listed or self.heading_count

    @cached_property
    def kinds_listed(self) -> bool:
        """A count of kinds right after the list of them: 冰箱、洗衣机、…、吸油烟机8类家电产品."""
        m, before = self.m, self.before
        return (m.quantity.unit in self.d.kind_units and m.left == m.start
                and self.d.list_marks[0] in before[-self.d.kind_list_reach:]
                and (is_han(before[-1:]) or before.endswith(("）", ")"))))

    @cached_property
    def planned_output(self) -> bool:
        """A verb of making or finishing stands before the figure with only its object between
        (完成燃气老化管道改造约36公里, 创建20个新时代“美丽家园”特色小区), or the figure counts what a
        verb after it treats (对32座一线水闸进行防洪能力达标建设)."""
        m, text, d = self.m, self.text, self.d
        if m.quantity.unit is None:
            return False  # 8 创建…: a row's number, not an output
        window = text[max(m.clause[0], m.left - d.output_reach):m.left]
        for verb in d.output_verbs:
            k = window.rfind(verb)
            if k >= 0 and not any(ch in d.output_stops for ch in window[k + len(verb):]):
                return True
        k = window.rfind(d.treated_marker)  # 对32座一线水闸进行防洪能力达标建设: the object a verb treats
        if (k >= 0 and not m.written and not any(ch in d.output_stops for ch in window[k:])
                and any(v in text[m.right:m.clause[1]] for v in d.treating_verbs)):
            return True
        if not self.money and self._object_then_verb:
            return True  # 推进示范区线、嘉闵线等7条轨交线路建设: the clause closes on the verb
        return not self.after and not self.money and not self.enumeration and self._verb_object_count(window)

    @property
    def _object_then_verb(self) -> bool:
        """The figure's clause closes on a verb of making, its object between (10个试点产业园建设, 16条河道的美丽
        幸福河湖创建工程): the figure counts what is to be made."""
        d, m = self.d, self.m
        if self.text.startswith(d.limit_marks, m.end) or self.text.endswith(d.capacity_leads, m.clause[0], m.left):
            return False  # 站点周边50米内…建设 (a reach), 年产10万吨…材料 (a plant's capacity in its name)
        rest = self.text[m.right:m.clause[1]].rstrip()
        for tail in d.output_tails:
            rest = rest.removesuffix(tail)
        return bool(rest) and is_han(rest[:1]) and rest.endswith(d.output_verbs)

    @cached_property
    def policy_articles(self) -> bool:
        """A count of the articles of a policy, which names it (贯彻民营经济32条, 出台10条重磅政策, 用好省级30条支持
        政策): the count is followed by a word for measures, or closes its clause after a verb of issuing or
        applying; not 建设精品道路100条 (no such verb)."""
        d = self.d
        if self.m.quantity.unit not in d.article_units:
            return False
        after = self.after.lstrip(d.quote_marks)
        if after.startswith(d.article_nouns):
            return True
        return not is_han(after[:1]) and any(v in self._clause_before for v in d.article_verbs)

    @cached_property
    def breakthrough(self) -> bool:
        """零 in 实现零的突破 (a first of its kind): a set phrase, no count of anything."""
        return self.m.quantity.value == 0 and self.after.lstrip(self.d.quote_marks).startswith(self.d.zero_phrases)

    @cached_property
    def earliness(self) -> bool:
        """How early a goal was met, not a term (提前两年实现, 力争提前一年完成): a length of time right after 提前 and
        right before a verb of finishing; not 提前15个工作日申请 (a notice an applicant gives)."""
        d = self.d
        return (self.m.quantity.unit in d.duration_units and self.before.endswith(d.early_marks)
                and self.after.startswith(d.early_finishes))

    def _verb_object_count(self, window: str) -> bool:
        """A count closing its clause after a verb and its object (筹集保障性租赁住房3000套, 组建市级专科联盟5个): some
        word of the clause's stretch before the figure, after its last stop, is a verb; not a sum (安排资金1000万元:
        a budget) nor a count of the document's own items."""
        start = max([-1] + [window.rfind(ch) for ch in self.d.output_stops]) + 1
        k = self.m.left - len(window) + start
        while k < self.m.left:
            word = self.a.tokens.word_at(k)
            if word is None or word[1] <= k:
                k += 1
                continue
            if (self.a.tag_at(k) or "") in self.d.binder.verb_tags:
                return True
            k = word[1]
        return False
