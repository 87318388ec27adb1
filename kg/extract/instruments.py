"""Policy instruments: each sentence of a measure or guarantee measure coded with a kind of a concept
scheme, by its cue words.

The scheme is a SKOS concept scheme (``resources/instruments-rothwell-zegveld.ttl`` by default: supply,
environment and demand, each with its kinds), whose concepts list their cue words (``pol:cue``). A
sentence takes the kind whose cue appears first in it (mostly the first act it names: 对…给予补助 is
funding, 支持…研发 technology; but a cue naming an object can come before the act, as 算力 in
对购买算力的企业给予补贴), the longer cue where two begin together; broad cues (pol:fallbackCue: 落实,
建设, 服务…) count only where no cue appears; a sentence with neither is left uncoded.
The heading of an item (1．健全技能人才发展政策体系。) is coded only if the item has no sentence of its
own. Each coding keeps its cue and sentence as evidence.

Another scheme (强制型 / 自愿型 / 混合型…) is a file of the same shape, named by the environment variable
``POLICYKG_INSTRUMENTS`` (``policykg build --instruments FILE.ttl`` sets it).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from kg.extract.base import Analysis
from kg.extract.records import Evidence, Subject
from kg.resources.schemes import load_scheme

DEFAULT_SCHEME = Path(__file__).resolve().parent.parent / "resources" / "instruments-rothwell-zegveld.ttl"
SCHEME_VARIABLE = "POLICYKG_INSTRUMENTS"
_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")


@dataclass(frozen=True)
class Coding:
    subject: Subject  # the measure, guarantee measure or task
    concept: str  # the code of its kind
    cue: str
    evidence: Evidence  # the sentence coded
    scheme: str  # the scheme's IRI


def scheme_path() -> str:
    return os.environ.get(SCHEME_VARIABLE) or str(DEFAULT_SCHEME)


class InstrumentCoder:
    requires = ("tasks", "measures", "guarantees")  # what earlier components must have found (kg/extract/pipeline.py)
    provides = ("instruments",)  # tasks are coded too where their items are no measures

    def __init__(self) -> None:
        self.scheme = load_scheme(scheme_path())
        self.patterns = [(re.compile("|".join(re.escape(cue) for cue, _ in cues)), dict(cues))
                         for cues in (self.scheme.cues, self.scheme.fallback) if cues]

    def code(self, sentence: str) -> tuple[str, str] | None:
        """The kind of a sentence and its cue: the cue that appears first (the longest where two begin
        together); else the broad cue that does; else None."""
        for pattern, code_of in self.patterns:
            m = pattern.search(sentence)  # alternatives are longest first: the longest wins at a place
            if m:
                return code_of[m.group(0)], m.group(0)
        return None

    def __call__(self, a: Analysis) -> None:
        measured = a.located("measure")
        for s, e, task in a.located("task"):  # a task whose items are no measures: its own sentences
            if not any(s <= ms < e for ms, _, _ in measured):
                self._item(a, Subject("task", (task.document, task.order)), task, s, e)
        for kind in ("measure", "guarantee"):
            for s, e, record in a.located(kind):
                subject = (Subject("measure", (record.document, record.task, record.order)) if kind == "measure"
                           else Subject("guarantee", (record.document, record.order)))
                self._item(a, subject, record, s, e)
        a.found.instruments.sort(key=lambda c: (c.evidence.span.start, c.evidence.span.end))

    def _item(self, a: Analysis, subject: Subject, record, start: int, end: int) -> None:
        text = a.text
        sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(text, start, end) if text[m.start():m.end()].strip()]
        heading = record.label.strip("。；; ")
        # the item's heading alone (1．健全技能人才发展政策体系。) is no measure of its own
        body = [(s, e) for s, e in sentences if not (heading in text[s:e] and len(text[s:e].strip()) <= len(heading) + 6)]
        for s, e in body or sentences:
            found = self.code(text[s:e])
            if found is not None:
                a.found.instruments.append(Coding(subject, found[0], found[1], a.evidence(s, e, "instrument.cue"),
                                                  self.scheme.iri))
