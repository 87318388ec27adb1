"""Tasks and their measures, problems, features and guarantee measures.

Policy documents list these as enumerations: inline (一是……二是……) or as
numbered sub-sections under a heading. What a list is about comes from cue
words (``resources/enumerations.toml``): the cue nearest the end of the
lead-in (…还存在一定差距：) decides, else the section heading (实施落实“五大任务”).

- a task's label is its first sentence; its measures are the rest, cut at ；/。
- a problem's or feature's label is the first sentence of its item;
- a guarantee section without items is cut into clauses; the agencies and
  modal verb that open it (中关村管委会和市知识产权局将…) are not part of a measure.
"""

from __future__ import annotations

from kg.extract.base import Analysis, agency_subject, strip_span
from kg.extract.records import Feature, GuaranteeMeasure, Measure, Problem, Task
from kg.resources import load_toml
from kg.text.structure import Section

CATEGORIES = ("task", "problem", "feature", "guarantee", "target", "background")


class EnumerationReader:
    def __init__(self) -> None:
        cfg = load_toml("enumerations.toml")
        self.cues = [(cat, word) for cat, words in cfg["cues"].items() for word in words]
        self.separators = cfg["measures"]["separators"]
        self.strip_leading = sorted(cfg["guarantee"]["strip_leading"], key=len, reverse=True)
        self.closing = sorted(cfg["guarantee"]["closing"], key=len, reverse=True)
        lead = load_toml("responsibilities.toml")["lead"]
        self.modals = sorted(lead["modals"], key=len, reverse=True)
        self.joiners = sorted(lead["joiners"], key=len, reverse=True)

    def category(self, text: str) -> str | None:
        """Return the category of the cue that ends nearest the end of ``text``."""
        best, best_end = None, -1
        for cat, word in self.cues:
            pos = text.rfind(word)
            if pos >= 0 and (pos + len(word) > best_end or (pos + len(word) == best_end and len(word) > len(best[1]))):
                best, best_end = (cat, word), pos + len(word)
        return best[0] if best else None

    def section_category(self, doc, index: int | None) -> str | None:
        while index is not None:
            sec = doc.sections[index]
            cat = self.category(sec.heading)
            if cat:
                return cat
            index = sec.parent
        return None

    def __call__(self, a: Analysis) -> None:
        doc = a.doc
        counters = {"task": 0, "problem": 0, "feature": 0, "guarantee": 0}
        covered: set[int] = set()  # sections whose guarantees came from items
        for enum in doc.enumerations:
            cat = self.category(a.text[enum.lead_in_start:enum.lead_in_end]) or self.section_category(doc, enum.section)
            if cat not in counters:
                continue
            if cat == "guarantee" and enum.section is not None:
                covered.add(enum.section)
            for item in enum.items:
                counters[cat] += 1
                self._emit(a, cat, counters[cat], item.label_start, item.label_end, item.marker_start, item.end,
                           "enumeration.inline")
        for sec in doc.sections:
            cat = self.category(sec.heading)
            children = [c for c in doc.sections if c.parent == sec.index]
            if cat not in counters or not children:
                continue
            if cat == "guarantee":
                covered.add(sec.index)
            for child in children:
                counters[cat] += 1
                self._emit_section(a, cat, counters[cat], child)
        for sec in doc.sections:
            if sec.index in covered or self.category(sec.heading) != "guarantee":
                continue
            if any(c.parent == sec.index for c in doc.sections):
                continue
            for p in doc.paragraphs:
                if p.section == sec.index and p.role == "body":
                    counters["guarantee"] = self._guarantee_clauses(a, p.start, p.end, counters["guarantee"])

    # -- items ---------------------------------------------------------------
    def _emit(self, a: Analysis, cat: str, order: int, label_start: int, label_end: int,
              start: int, end: int, rule: str, body_start: int | None = None) -> None:
        text, found = a.text, a.found
        label_start, label_end = strip_span(text, label_start, label_end)
        if label_end <= label_start:
            return
        label = text[label_start:label_end]
        ev = a.evidence(label_start, label_end, f"{cat}.{rule}")
        if cat == "task":
            task = Task(order, label, ev)
            found.tasks.append(task)
            a.locate("task", start, end, task)
            body = label_end + 1 if body_start is None else body_start
            for k, (s, e) in enumerate(a.clauses(body, end, self.separators), 1):
                measure = Measure(order, k, text[s:e], a.evidence(s, e, "measure.clause"))
                found.measures.append(measure)
                a.locate("measure", s, e, measure)
        elif cat == "problem":
            found.problems.append(Problem(order, label, ev))
        elif cat == "feature":
            found.features.append(Feature(order, label, ev))
        elif cat == "guarantee":
            g = GuaranteeMeasure(order, label, ev)
            found.guarantees.append(g)
            a.locate("guarantee", start, end, g)

    def _emit_section(self, a: Analysis, cat: str, order: int, sec: Section) -> None:
        if sec.heading_end > sec.heading_start:
            self._emit(a, cat, order, sec.heading_start, sec.heading_end, sec.start, sec.end,
                       "enumeration.section", body_start=sec.heading_end)
        else:
            end = a.doc.paragraphs[self._paragraph_of(a, sec.start)].end
            label_end = next((k for k in range(sec.heading_start, end) if a.text[k] in "。；"), end)
            self._emit(a, cat, order, sec.heading_start, label_end, sec.start, sec.end,
                       "enumeration.section", body_start=label_end)

    @staticmethod
    def _paragraph_of(a: Analysis, pos: int) -> int:
        return next(p.index for p in a.doc.paragraphs if p.start <= pos < p.end)

    # -- guarantee clauses -----------------------------------------------------
    def _guarantee_clauses(self, a: Analysis, start: int, end: int, order: int) -> int:
        text = a.text
        for sentence in [s for s in a.doc.sentences if start <= s.start < end]:
            for s, e in a.clauses(sentence.start, sentence.end, "，；,;。"):
                s = self._skip_subject(a, s, e)
                s = self._skip_words(text, s, e, self.strip_leading)
                closing = next((w for w in self.closing if text.endswith(w, s, e)), None)
                if closing:
                    e -= len(closing)
                if e > s:
                    order += 1
                    g = GuaranteeMeasure(order, text[s:e], a.evidence(s, e, "guarantee.clause"))
                    a.found.guarantees.append(g)
                    a.locate("guarantee", s, e, g)
                if closing:
                    break  # what follows says what the measures are for
        return order

    def _skip_subject(self, a: Analysis, s: int, e: int) -> int:
        """Return where a clause's content starts after an agency subject and its modal."""
        return agency_subject(a, s, e, self.joiners, self.modals)[1]

    @staticmethod
    def _skip_words(text: str, s: int, e: int, words: list[str]) -> int:
        changed = True
        while changed:
            changed = False
            for w in words:
                if text.startswith(w, s, e):
                    s += len(w)
                    changed = True
                    break
        return s
