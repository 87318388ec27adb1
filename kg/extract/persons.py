"""Persons named with their title (习近平总书记, 蔡奇书记).

A person is a word of two to four characters that starts with a known surname,
is not a common word of jieba's dictionary, and stands right before a title
word from ``resources/persons.toml``.
"""

from __future__ import annotations

from kg.extract.base import Analysis
from kg.extract.records import Person
from kg.nlp.segment import is_han
from kg.resources import load_toml


class PersonFinder:
    rule = "person.name-title"

    def __init__(self) -> None:
        cfg = load_toml("persons.toml")
        self.titles = set(cfg["titles"])
        self.not_roles = set(cfg["not_roles"])
        self.max_frequency = int(cfg["max_name_frequency"])
        self.min_len, self.max_len = cfg["name_length"]
        names = cfg["surnames"].split()
        self.surnames = tuple(sorted(names, key=len, reverse=True))

    def words(self) -> list[str]:
        return sorted(self.titles)

    def __call__(self, a: Analysis) -> None:
        words, starts, ends = a.tokens.words, a.tokens.starts, a.tokens.ends
        taken = [(ag.evidence.span.start, ag.evidence.span.end) for ag in a.found.agencies]
        for k in range(1, len(words)):
            if words[k] not in self.titles:
                continue
            name = words[k - 1]
            if not (self.min_len <= len(name) <= self.max_len) or not is_han(name):
                continue
            if not name.startswith(self.surnames) or a.segmenter.frequency(name) > self.max_frequency:
                continue
            ev = a.evidence(starts[k - 1], ends[k - 1], self.rule)
            if any(s <= ev.span.start < e for s, e in taken):
                continue
            role = None if words[k] in self.not_roles else words[k]
            a.found.persons.append(Person(name, role, ev))
