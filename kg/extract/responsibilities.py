"""Who is responsible for what.

``responsibility.drafted``
    agencies right before a drafting verb whose object is a document
    (中关村管委会会同市知识产权局，研究制定了《…》) drew it up;
``responsibility.subject``
    agencies that open a sentence as its subject, with a modal verb
    (中关村管委会和市知识产权局将…), lead the measures read from it;
``responsibility.involved``
    agencies inside 发挥……作用 in a measure are involved in it.
"""

from __future__ import annotations

from kg.extract.base import Analysis, agency_subject
from kg.extract.records import Responsibility, Role, Subject
from kg.resources import compile_pattern, load_toml

# Between the last agency and its drafting verb: punctuation or a short phrase.
_MAX_GAP = 8


class ResponsibilityFinder:
    def __init__(self) -> None:
        cfg = load_toml("responsibilities.toml")
        self.verbs = sorted(cfg["drafted"]["verbs"], key=len, reverse=True)
        self.particles = sorted(cfg["drafted"]["particles"], key=len, reverse=True)
        self.modals = sorted(cfg["lead"]["modals"], key=len, reverse=True)
        self.joiners = sorted(cfg["lead"]["joiners"], key=len, reverse=True)
        self.involved = [compile_pattern(p, "responsibilities.toml involved") for p in cfg["involved"]["patterns"]]

    def __call__(self, a: Analysis) -> None:
        self._drafted(a)
        self._subjects(a)
        self._involved(a)

    def _add(self, a: Analysis, agencies, role: Role, subject: Subject, start: int, end: int, rule: str) -> None:
        seen = {(r.agency, r.role, r.subject) for r in a.found.responsibilities}
        for agency in agencies:
            key = (agency.canonical, role, subject)
            if key not in seen:
                seen.add(key)
                a.found.responsibilities.append(Responsibility(agency.canonical, role, subject, a.evidence(start, end, rule)))

    def _drafted(self, a: Analysis) -> None:
        text = a.text
        for start, end, ref in a.located("reference"):
            sentence = a.doc.sentence_at(start)
            if sentence is None:
                continue
            k = start
            particle = next((p for p in self.particles if text.endswith(p, sentence.start, k)), None)
            if particle:
                k -= len(particle)
            verb = next((v for v in self.verbs if text.endswith(v, sentence.start, k)), None)
            if verb is None:
                continue
            verb_start = k - len(verb)
            chain = self._chain_before(a, sentence.start, verb_start)
            if chain:
                self._add(a, [ag for _, _, ag in chain], Role.DRAFTED, Subject("document", ref.document),
                          chain[0][0], end, "responsibility.drafted")

    def _chain_before(self, a: Analysis, floor: int, pos: int) -> list:
        """Return the agencies, joined by joiners, that end shortly before ``pos``."""
        text = a.text
        agencies = a.located("agency", floor, pos)
        if not agencies:
            return []
        last = agencies[-1]
        gap = text[last[1]:pos]
        if len(gap) > _MAX_GAP or any(ch in gap for ch in "。；;"):
            return []
        chain = [last]
        for prev in reversed(agencies[:-1]):
            between = text[prev[1]:chain[0][0]]
            if between not in self.joiners:
                break
            chain.insert(0, prev)
        return chain

    def _subjects(self, a: Analysis) -> None:
        for kind, role_kind in (("guarantee", "guarantee"), ("measure", "measure"), ("task", "task")):
            for start, end, record in a.located(kind):
                sentence = a.doc.sentence_at(start)
                if sentence is None:
                    continue
                agencies, _ = agency_subject(a, sentence.start, sentence.end, self.joiners, self.modals)
                if not agencies:
                    agencies, _ = agency_subject(a, start, end, self.joiners, self.modals)
                if agencies:
                    key = record.order if kind != "measure" else (record.task, record.order)
                    self._add(a, agencies, Role.LEAD, Subject(role_kind, key), start, end, "responsibility.subject")

    def _involved(self, a: Analysis) -> None:
        for start, end, measure in a.located("measure"):
            for pattern in self.involved:
                for m in pattern.finditer(a.text, start, end):
                    inside = a.located("agency", m.start("who"), m.end("who"))
                    if inside:
                        self._add(a, [ag for _, _, ag in inside], Role.INVOLVED,
                                  Subject("measure", (measure.task, measure.order)), m.start(), m.end(),
                                  "responsibility.involved")
