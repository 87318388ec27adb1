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

A researcher's corrections win over the cues: the coding table ``policykg instruments`` writes, its
``kind`` column changed (to another kind's label or code, or to ``none`` to drop the coding), named by
``POLICYKG_INSTRUMENT_CORRECTIONS`` (``policykg build --instrument-corrections FILE.csv``). A row is
found again by its document, task and item numbers, sentence and cue.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import RuleError
from kg.extract.base import Analysis
from kg.extract.records import Evidence, Subject
from kg.resources.schemes import load_scheme

DEFAULT_SCHEME = Path(__file__).resolve().parent.parent / "resources" / "instruments-rothwell-zegveld.ttl"
SCHEME_VARIABLE = "POLICYKG_INSTRUMENTS"
CORRECTIONS_VARIABLE = "POLICYKG_INSTRUMENT_CORRECTIONS"
CORRECTION_COLUMNS = ("document", "task_order", "measure_order", "kind", "cue", "sentence")
DROPPED = "none"
_SENTENCE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")


@dataclass(frozen=True)
class Coding:
    subject: Subject  # the measure, guarantee measure or task
    concept: str  # the code of its kind
    cue: str
    evidence: Evidence  # the sentence coded


def scheme_path() -> str:
    return os.environ.get(SCHEME_VARIABLE) or str(DEFAULT_SCHEME)


def use(scheme: str | None = None, corrections: str | None = None) -> None:
    """Code with the scheme file ``scheme`` and the corrections file ``corrections`` from now on, in this
    process and the workers it starts (through the environment); a file that cannot serve is refused
    first, with its reason (:class:`RuleError`)."""
    if scheme is not None:
        load_scheme(scheme)
        os.environ[SCHEME_VARIABLE] = scheme
    if corrections is not None:
        load_corrections(corrections, load_scheme(scheme_path()))
        os.environ[CORRECTIONS_VARIABLE] = corrections


def _config() -> tuple:
    """Which scheme and corrections the environment names, and when the corrections were last changed."""
    corrections = os.environ.get(CORRECTIONS_VARIABLE)
    try:
        changed = os.stat(corrections).st_mtime_ns if corrections else None
    except OSError:
        changed = None
    return scheme_path(), corrections, changed


def _squeezed(text: str) -> str:
    return "".join(text.split())


def load_corrections(path: str, scheme) -> dict[tuple, str]:
    """A researcher's corrections (see the module's help): (document, task_order, measure_order, cue,
    sentence without spaces) -> the code of the kind, or ``none``."""
    import csv

    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise RuleError(f"{path}: cannot read the corrections ({exc}); give the CSV policykg instruments writes") from None
    missing = [c for c in CORRECTION_COLUMNS if rows and c not in rows[0]]
    if missing or not rows:
        raise RuleError(f"{path}: the corrections need the columns {', '.join(CORRECTION_COLUMNS)} and a row at least"
                        f"{' (missing: ' + ', '.join(missing) + ')' if missing else ''}")
    by_label = {c.label: code for code, c in scheme.concepts.items()}
    out = {}
    for k, row in enumerate(rows, 2):
        kind = row["kind"].strip()
        code = kind if kind in scheme.concepts or kind == DROPPED else by_label.get(kind)
        if code is None:
            raise RuleError(f"{path}: line {k}: unknown kind {kind!r}; use a label or code of the scheme "
                            f"({', '.join(sorted(scheme.concepts))}) or {DROPPED}")
        key = (row["document"], row["task_order"], row["measure_order"], row["cue"], _squeezed(row["sentence"]))
        out[key] = code
    return out


class InstrumentCoder:
    requires = ("tasks", "measures", "guarantees")  # what earlier components must have found (kg/extract/pipeline.py)
    provides = ("instruments",)  # tasks are coded too where their items are no measures

    def __init__(self) -> None:
        self._configure()

    def _configure(self) -> None:
        """Read the scheme and the corrections the environment names (again, if it names others since:
        the extractor is made once a process)."""
        self.config = _config()
        scheme, corrections, _ = self.config
        self.scheme = load_scheme(scheme)  # read once a file: the schemes are data shipped or given
        self.corrections = load_corrections(corrections, self.scheme) if corrections else {}
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
        if self.config != _config():
            self._configure()
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
            if found is None:
                continue
            concept, cue = found
            rule = "instrument.cue"
            if self.corrections:
                corrected = self.corrections.get(self._key(a, subject, cue, s))
                if corrected == DROPPED:
                    continue
                if corrected is not None:
                    concept, rule = corrected, "instrument.correction"
            a.found.instruments.append(Coding(subject, concept, cue, a.evidence(s, e, rule)))

    @staticmethod
    def _key(a: Analysis, subject: Subject, cue: str, pos: int) -> tuple:
        """What finds a coding in the corrections: its document, task and item numbers, cue and sentence."""
        document = next((d.title or d.key for d in a.found.documents if d.key == subject.key[0]), subject.key[0])
        orders = {"measure": (subject.key[1], subject.key[2]), "task": (subject.key[1], ""),
                  "guarantee": ("", subject.key[1])}[subject.kind]
        sentence = a.doc.sentence_at(pos)
        written = a.text[sentence.start:sentence.end] if sentence else ""
        return (document, str(orders[0]), str(orders[1]), cue, _squeezed(written))
