"""Offices inside a body, named after it: ``区经济发展局农村发展处``, ``市公安局交警支队``, ``国务院工作组``,
``省减灾委员会办公室``.

A body found by any earlier rule and followed, with no mark between, by a short run of nouns and a
head of a unit inside a body (处, 科, 支队, 办公室, 工作组…) names that unit: one mention, whose
canonical name is the body's followed by the unit's words. The heads and the reach are data, in
``agencies.toml`` [subunits].
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.extract.base import Analysis
from kg.extract.records import Agency, AgencyType
from kg.nlp.script import HAN, is_han
from kg.resources import load_toml


_BARE_ENDS = "，。；：、）)\n"  # marks an office of the issuer named alone may stand before


@dataclass(frozen=True)
class Subunits:
    heads: tuple[str, ...]  # the longest first
    max_words: int  # characters between the body and the head
    word_tags: tuple[str, ...]  # what jieba may tag a word between them: nouns
    not_after: tuple[str, ...]  # 处长, 科员: a title, not the unit
    last_tags: tuple[str, ...]  # what the word right before the head may be tagged besides
    breaks: frozenset[str]
    document_number: re.Pattern  # 工信部联科〔2024〕: a document's number, no unit
    expand: Callable[[str], str]  # a unit's short form to its full one (网信办: 网络安全和信息化委员会办公室)
    bare_heads: tuple[str, ...] = ()  # an office of the issuer named alone (政法综治处牵头)
    bare_min: int = 3
    bare_start: re.Pattern = re.compile("^")  # where such a name may start: after a mark or a word before it
    bare_after: tuple[str, ...] = ()

    @classmethod
    def load(cls, breaks, document_number: re.Pattern, expand: Callable[[str], str]) -> "Subunits":
        cfg = load_toml("agencies.toml")["subunits"]
        before = "|".join(map(re.escape, sorted(cfg["bare_before"], key=len, reverse=True)))
        return cls(tuple(sorted(cfg["heads"], key=len, reverse=True)), int(cfg["max_words"]),
                   tuple(cfg["word_tags"]), tuple(cfg["not_after"]), tuple(cfg["last_tags"]), frozenset(breaks),
                   document_number, expand, tuple(cfg["bare_heads"]), int(cfg["bare_min"]),
                   re.compile(f"(?:^|(?<=[\\s\u3000，。；：（(）)])|{before})(?=[{HAN}])", re.M), tuple(cfg["bare_after"]))

    def bare(self, a: Analysis, free: Callable[[int, int], bool], issuers_at: Callable[[int], list[str] | None]):
        """Yield ``(start, end, canonical)`` for each office of the issuing body named alone as a body at
        work (政法综治处牵头, 报送至综合科): the issuer's name followed by the office's."""
        text = a.text
        for m in self.bare_start.finditer(text):
            s = m.end()
            if not any(h in text[s:s + self.max_words + 1] for h in self.bare_heads):
                continue  # no office's head within reach: most starts
            stop = self.unit_end(a, s, self.bare_after)
            if stop is None or stop - s < self.bare_min or not text.endswith(self.bare_heads, s, stop) or not free(s, stop):
                continue
            if not (stop == len(text) or text[stop] in _BARE_ENDS or text.startswith(self.bare_after, stop)):
                continue
            issuers = issuers_at(s)
            if issuers:
                yield s, stop, issuers[0] + self.expand(text[s:stop])

    def unit_end(self, a: Analysis, end: int, glued: tuple[str, ...] = ()) -> int | None:
        """Where the unit named right after a body ending at ``end`` ends, or None; the head may be glued
        to a word of ``glued`` after it (处要: jieba's one word)."""
        text, tokens = a.text, a.tokens
        if self.document_number.match(text, end):
            return None
        k = end
        while k <= end + self.max_words and k < len(text):
            head = next((h for h in self.heads if text.startswith(h, k)), None)
            stop = k + len(head) if head else None
            if head and (tokens.is_boundary(stop) or stop == len(text) or text.startswith(glued, stop)) \
                    and not text.startswith(self.not_after, stop):
                return stop
            word = tokens.word_at(k)
            if word is None or word[0] != k or not is_han(word[2]) or word[2] in self.breaks:
                return None
            tag = a.tag_at(k) or self.word_tags[0]  # a word jieba made up: a name
            last = text.startswith(self.heads, word[1])  # 预算|处: the word before the head may be tagged a verb
            if not tag.startswith(self.word_tags) and not (last and tag in self.last_tags):
                return None
            if word[2].endswith(self.heads) and not text.startswith(self.not_after, word[1]):
                return word[1]  # 交警支队, 卫生处: jieba holds the unit's words and its head as one word
            k = word[1]
        return None

    def __call__(self, a: Analysis, taken: list[tuple[int, int]]) -> None:
        """Extend each body followed by the name of a unit inside it to that unit."""
        found = a.found
        for s, e, agency in a.located("agency"):
            if agency.type is not AgencyType.AGENCY:
                continue
            stop = self.unit_end(a, e)
            if stop is None or any(ts < stop and te > e for ts, te in taken if (ts, te) != (s, e)):
                continue  # another mention holds the words after it
            unit = a.text[e:stop]
            extended = Agency(agency.name + unit, agency.canonical + self.expand(unit), agency.type, agency.region,
                              a.evidence(s, stop, "agency.subunit"), agency.level)
            found.agencies[next(k for k, ag in enumerate(found.agencies) if ag is agency)] = extended
            a.unlocate("agency", agency)
            a.locate("agency", s, stop, extended)
            taken[taken.index((s, e))] = (s, stop)
