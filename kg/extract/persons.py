"""Persons named with their title (习近平总书记, 蔡奇书记).

A person is a word of two to four characters that starts with a known surname,
is not a common word of jieba's dictionary, and stands right before a title
word from ``resources/persons.toml``.
"""

from __future__ import annotations

import re

from kg.extract.base import Analysis
from kg.extract.records import Person
from kg.nlp.script import is_han
from kg.resources import load_toml


class PersonFinder:
    requires = ("agencies",)  # what earlier components must have found (kg/extract/pipeline.py)
    provides = ("persons",)

    rule = "person.name-title"

    def __init__(self) -> None:
        cfg = load_toml("persons.toml")
        self.titles = set(cfg["titles"])
        self.not_roles = set(cfg["not_roles"])
        self.max_frequency = int(cfg["max_name_frequency"])
        self.min_len, self.max_len = cfg["name_length"]
        names = cfg["surnames"].split()
        self.surnames = tuple(sorted(names, key=len, reverse=True))
        # Where a title may begin: the words there are all that needs segmenting.
        self._title_starts = re.compile("(?=" + "|".join(map(re.escape, sorted(self.titles))) + ")")

    def words(self) -> list[str]:
        return sorted(self.titles)

    def __call__(self, a: Analysis) -> None:
        tokens = a.tokens
        taken = [(ag.evidence.span.start, ag.evidence.span.end) for ag in a.found.agencies]
        for m in self._title_starts.finditer(a.text, 1):  # a title word after another word
            title = tokens.word_at(m.start())
            if title[0] != m.start() or title[2] not in self.titles:
                continue
            start, end, name = tokens.word_at(title[0] - 1)
            if not (self.min_len <= len(name) <= self.max_len) or not is_han(name):
                continue
            if not name.startswith(self.surnames) or a.segmenter.frequency(name) > self.max_frequency:
                continue
            ev = a.evidence(start, end, self.rule)
            if any(s <= ev.span.start < e for s, e in taken):
                continue
            role = None if title[2] in self.not_roles else title[2]
            a.found.persons.append(Person(name, role, ev))
