"""The clues of a time limit: whether a figure is one (7个工作日内), whether it bounds a condition rather than an
act, and who is bound by it: a government body (a service standard, a target) or those the policy governs (a
parameter). :class:`kg.extract.quantities.clues.Clues` has them, with the clues of the figure's place and
words; :mod:`kg.extract.quantities.clues` lists what each says."""

from __future__ import annotations

from functools import cached_property


class LimitClues:
    """The clues of a time limit; ``self.d`` (the decider), ``self.a``, ``self.m``, ``self.text``, ``self.before``,
    ``self.after``, ``self.sentence`` and ``self.sentence_before`` are set by
    :class:`kg.extract.quantities.clues.Clues`."""

    @cached_property
    def _clause_after(self) -> str:
        """The clause after the figure's own, if its sentence goes on (a time limit's act or agent)."""
        return self.d.binder.next_clause(self.text, self.m.clause[1])

    @cached_property
    def _window_condition(self) -> bool:
        """A time limit that bounds a condition, not an act to do within it: 在孵企业入驻后3年内退出孵化器的，…;
        入驻后3年内，因经营不善退出孵化器的 (the clause after it, if it closes its own); 毕业2年内未就业的 (a state
        not reached over the window). Not 7个工作日内答复 (a limit to keep), 满2年内未主动申请的 or
        6个月内未领取奖金的，视为自动放弃 (a limit missed, and what it lapses into)."""
        d, end = self.d, self.m.clause[1]
        clause = self.text[self.m.end:end]
        rest = clause.lstrip(d.limit_marks_chars)
        if not rest.strip():
            clause = rest = self._clause_after
        acts = any(w in rest for w in d.applicant_words)
        if rest.startswith(d.limit_missed):  # 6个月内未领取奖金的，视为自动放弃: what missing it lapses into
            return not acts and not any(w in self.text[end:self.sentence[1]] for w in d.lapse_words)
        return (clause.endswith(d.condition_end) and d.condition_end not in clause[:-1]
                and not any(w in clause for w in d.limit_missed) and not acts)

    @cached_property
    def time_limit(self) -> bool:
        """A time limit: 7个工作日内, 时限为20个工作日, 期限最长不超过30个工作日, 结束后15个工作日发放."""
        if self.d.binder.is_time_limit(self.text, self.m):
            return True
        d, q = self.d, self.m.quantity
        if q.unit not in d.limit_units or self.m.change is not None:
            return False
        if self.text.endswith(d.spread_marks, 0, self.m.left):
            return False  # 分5年拨付: spread over five years, no limit
        if self.text.startswith(d.limit_marks, self.m.end):
            return True  # 3个月内缴清
        return (self.before.endswith(d.limit_leads) or any(w in self.before[-d.limit_reach:] for w in d.limit_words)
                or self.after.startswith(d.processing_words))

    @cached_property
    def applicant_acts(self) -> bool:
        """Those the policy governs act within the limit: 180日内提出申请, 一年内缴清, 30日内向经办机构提出申请."""
        d, rest = self.d, self.text[self.m.end:self.m.clause[1]].lstrip(self.d.limit_marks_chars)
        to = rest[:min((k for k in (rest.find(w) for w in d.applicant_verbs) if k > 0), default=0)]  # 向<office>
        return rest.startswith(d.applicant_words) or to.startswith(d.recipient_marks) and to.endswith(d.recipient_bodies)

    @cached_property
    def government(self) -> bool:
        """A government body is obliged (部门应当…), or the limit is on an office's processing
        (初审, 审核, 办结, 发放…), not on an applicant (提出申请, 缴清)."""
        d = self.d
        if self.applicant_acts:
            return False
        after = self.after.lstrip(d.limit_marks_chars)
        if any(w in self.before for w in d.extension_words):
            return False
        sentence = self.text[self.sentence[0]:self.sentence[1]]
        obliged = any(w in sentence for w in d.obligations)
        agent = self._clause_after  # …30个工作日内，由国家安全机关启动奖励程序
        bound = self._bound_official
        subject = (bound if bound is not None else bool(self.a.located("agency", self.sentence[0], self.m.start))
                   or any(w in self.sentence_before for w in d.service_subjects)) or agent.startswith(
            d.agent_marks) and any(w in agent for w in d.service_subjects)
        before = self.before
        processing = any(w in after[:d.limit_reach] or (k := before.rfind(w)) >= 0 and not before.endswith(
            d.passive_marks, 0, k) for w in d.processing_words)  # not 被告知…之日起: what the person governed is told
        closing = self.text[self.m.end:self.m.clause[1]].rstrip().endswith(d.processing_words)  # …内对数据进行核查
        return obliged and subject or processing or closing and bound is not False

    @cached_property
    def _bound_official(self) -> bool | None:
        """Whether the party a duty word before the figure binds is a government body (True) or one the policy
        governs (False). The party is named by the words from the clause mark before the last duty word of the
        sentence ahead of the figure up to it (银行保险机构应…7日内: the bank, not the office it reports to), or by the
        sentence's first clause when the duty word opens its own (…被撤销的，应当在…15日内). None without a duty
        word, or when the words name no party (处理结果应于…: a thing; 对实名举报的，应当…)."""
        d, text = self.d, self.text
        s0 = max([self.sentence[0]] + [text.rfind(ch, self.sentence[0], self.m.left) + 1 for ch in d.duty_stops])
        at = -1
        for w in d.duty_words:
            k = text.rfind(w, s0, self.m.left)
            word = self.a.tokens.word_at(k) if k > at else None
            if word is not None and word[0] == k and word[2].startswith(w) and word[2][len(w):] in d.duty_adverbs:
                at = k  # 应当, 应立即 (one word), not 应急 or 应用
        if at < 0:
            return None
        lo = max(s0, max(text.rfind(ch, s0, at) for ch in d.party_stops) + 1)
        if not text[lo:at].strip():
            hi = min((k for k in (text.find(ch, s0, at) for ch in d.party_stops) if k >= 0), default=at)
            lo, at = s0, hi
        if self.a.located("agency", lo, at) or any(w in text[lo:at] for w in d.service_subjects):
            return True
        if text[lo:at].lstrip().startswith(d.topic_marks):
            return None  # 对企业提交的申请，应…: what is acted on, not who acts
        k = lo
        while k < at:  # a word of the words ends with a party's head: 项目单位 in 项目单位原则上应…
            word = self.a.tokens.word_at(k)
            if word is None or word[1] <= k:
                return None
            if word[2].endswith(d.party_heads) and word[1] <= at:
                return False
            k = word[1]
        return None
