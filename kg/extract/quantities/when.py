"""The clues of when a figure stands and what it is for: before or after the document's year, aimed at,
planned, reported against the year before, or the present state. :class:`kg.extract.quantities.clues.Clues`
has them all; the module :mod:`kg.extract.quantities.clues` lists what each says."""

from __future__ import annotations

from functools import cached_property


class WhenClues:
    """The clues of a figure's time and aim; ``self.d`` (the decider), ``self.a`` (the analysis), ``self.m``
    (the mention), ``self.text``, ``self.before`` and ``self.state`` are set by
    :class:`kg.extract.quantities.clues.Clues`."""

    @cached_property
    def _clause_before(self) -> str:
        """The figure's clause before its comparator's words, within `clue_reach` characters (so a line
        without marks costs no more per figure than a clause)."""
        return self.text[max(self.m.clause[0], self.m.left - self.d.clue_reach):self.m.left]

    @cached_property
    def past(self) -> bool:
        return self.state == "past"

    @cached_property
    def future(self) -> bool:
        return self.state == "future"

    @cached_property
    def planned(self) -> bool:
        """A plan word used as a verb before the figure in its clause (计划搬迁1297户, 计划新建安置房2122套):
        the text sets the figure, whatever its year (not 国家计划外的13万公顷, 重点研发计划的企业)."""
        before = self._clause_before
        for word in self.d.plan_verbs:
            k = before.rfind(word)
            if k >= 0:
                pos = self.m.left - len(before) + k + len(word)
                return pos < self.m.left and (self.a.tag_at(pos) or "") in self.d.binder.verb_tags
        return False

    @cached_property
    def year_on_year(self) -> bool:
        """A change against the same time a year before (同比增长4.4%): a statistic reported, not a goal."""
        return any(w in self.before for w in self.d.year_on_year_words)

    @cached_property
    def exists(self) -> bool:
        """有 right before the number says what there is (我国有2.9亿在校学生), unless it ends a verb of having
        (拥有, 具有) or a modal (没有, 要有)."""
        return self._clause_before.endswith(self.d.exists_word) and not self._clause_before.endswith(self.d.exists_not)

    @cached_property
    def current(self) -> bool:
        return any(w in self.before for w in self.d.current_words)

    @cached_property
    def aim(self) -> bool:
        return any(c in self.before for c in self.d.target_cues)

    @cached_property
    def target_cue(self) -> bool:
        sentence = self.text[self.sentence[0]:self.sentence[1]]
        return any(c in sentence for c in self.d.target_cues)


