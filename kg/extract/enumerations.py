"""Tasks and their measures, problems, features and guarantee measures.

Policy documents list these as enumerations: inline (一是……二是……) or as
numbered sections. What a list is about comes from cue words
(``resources/enumerations.toml``): the cue nearest the end of the lead-in
(…还存在一定差距：) decides, else the section heading (实施落实“五大任务”).

Tasks come from three places:

- an inline list or sections under a task cue (五大任务, 行动步骤, 政府工作任务);
- in a plan-like document (意见, 行动计划, 若干政策…), every top-level section
  that is not framing (总体要求, 基本原则…), a guarantee section or a
  container of tasks; or, when most of its sub-sections hold numbered items
  of their own, each of those sub-sections;
- the members of a task container.

A task's measures are its sub-sections; failing those, its paragraphs
(labelled by their first sentence); failing those, the clauses of its one
paragraph cut at ；/。. A task or measure takes the deadline of a bracketed
assignment in it (（6月底前完成，牵头单位：…）).
"""

from __future__ import annotations

from kg.extract.assignments import written_deadline
from kg.extract.base import Analysis, agency_subject, strip_span
from kg.extract.records import Feature, GuaranteeMeasure, Measure, Problem, Task
from kg.resources import load_toml
from kg.text.document import Section
from kg.text.rules import structure_rules, title_key

CATEGORIES = ("task", "problem", "feature", "guarantee", "target", "background")


class EnumerationReader:
    requires = ("documents", "subjects", "assignments")  # what earlier components must have found (kg/extract/pipeline.py)
    provides = ("tasks", "measures", "guarantees", "problems", "features")

    def __init__(self) -> None:
        cfg = load_toml("enumerations.toml")
        self.cues = [(cat, word) for cat, words in cfg["cues"].items() if cat != "framing" for word in words]
        self.framing = tuple(cfg["cues"]["framing"])
        self.guarantee_cues = tuple(cfg["cues"]["guarantee"])
        self.plan_kinds = set(cfg["plans"]["kinds"])
        self.issuing = structure_rules().issuing_title  # 关于印发《…》的通知
        self.separators = cfg["measures"]["separators"]
        self.label_ends = cfg["measures"]["label_ends"]
        self.strip_leading = sorted(cfg["guarantee"]["strip_leading"], key=len, reverse=True)
        self.closing = sorted(cfg["guarantee"]["closing"], key=len, reverse=True)
        lead = load_toml("responsibilities.toml")["lead"]
        self.modals = sorted(lead["modals"], key=len, reverse=True)
        self.joiners = sorted(lead["joiners"], key=len, reverse=True)

    # -- classification --------------------------------------------------------------
    def category(self, text: str) -> str | None:
        """Return the category of the cue that ends nearest the end of ``text``."""
        best, best_end = None, -1
        for cat, word in self.cues:
            pos = text.rfind(word)
            if pos >= 0 and (pos + len(word) > best_end or (pos + len(word) == best_end and len(word) > len(best[1]))):
                best, best_end = (cat, word), pos + len(word)
        return best[0] if best else None

    def heading_kind(self, heading: str) -> str | None:
        """framing, guarantee, task (a container of tasks), or another cue category."""
        if any(c in heading for c in self.framing):
            return "framing"
        if any(c in heading for c in self.guarantee_cues):
            return "guarantee"
        return self.category(heading)

    def section_category(self, doc, index: int | None) -> str | None:
        while index is not None:
            sec = doc.sections[index]
            cat = self.heading_kind(sec.heading)
            if cat and cat != "framing":
                return cat
            index = sec.parent
        return None

    # -- the component ------------------------------------------------------------
    def __call__(self, a: Analysis) -> None:
        doc = a.doc
        self.counters: dict[tuple[str, str], int] = {}
        covered: set[int] = set()  # sections whose guarantees came from items
        task_sections: set[int] = set()
        for enum in doc.enumerations:
            cat = self.category(a.text[enum.lead_in_start:enum.lead_in_end]) or self.section_category(doc, enum.section)
            if cat not in ("task", "problem", "feature", "guarantee"):
                continue
            if cat == "guarantee" and enum.section is not None:
                covered.add(enum.section)
            if cat == "task" and enum.section is not None:
                task_sections.add(enum.section)
            for item in enum.items:
                self._emit(a, cat, item.label_start, item.label_end, item.marker_start, item.end, "enumeration.inline")
        for sec in doc.sections:
            kind = self.heading_kind(sec.heading)
            children = self._children(doc, sec)
            if kind == "task" and children and sec.index not in task_sections:
                for child in children:
                    self._task_section(a, child, "enumeration.section")
                task_sections.add(sec.index)
            elif kind in ("problem", "feature", "guarantee") and children:
                if kind == "guarantee":
                    covered.add(sec.index)
                for child in children:
                    self._emit_section(a, kind, child)
        for sec in doc.sections:
            if sec.parent is not None or sec.index in task_sections:
                continue
            record = a.part_document(sec.start)
            if record is None or not self._plan_part(a, record):
                continue
            kind = self.heading_kind(sec.heading)
            if kind is None or kind in ("target", "background", "problem", "feature"):
                if self._has_task_within(doc, sec, task_sections):
                    continue
                children = self._children(doc, sec)
                if children and 2 * sum(1 for c in children if self._children(doc, c)) > len(children):
                    # 二、实施六大人才行动计划 / （一）产业提升人才行动计划 / 2.…项目: a section of
                    # sections holding numbered items lists tasks, whose items are the measures
                    for child in children:
                        self._task_section(a, child, "task.plan-subsection")
                    task_sections.add(sec.index)
                else:
                    self._task_section(a, sec, "task.plan-section")
        for sec in doc.sections:
            if sec.index in covered or self.heading_kind(sec.heading) != "guarantee" or self._children(doc, sec):
                continue
            for p in doc.paragraphs:
                if p.section == sec.index and p.role == "body":
                    self._guarantee_clauses(a, p.start, p.end)
        self._assigned_items(a)

    def _plan_part(self, a: Analysis, record) -> bool:
        """Whether a part of the file is a plan: its document is of a plan kind, or it is a notice issuing one
        plan (关于印发《…行动方案》的通知) that the file holds under the notice's title only, not as a part of
        its own (a page that gives the plan's text straight after the notice's title)."""
        if record.kind in self.plan_kinds:
            return True
        part = a.doc.parts[record.part] if record.part is not None else None
        m = self.issuing.search(part.title.text) if part is not None and part.title is not None else None
        if m is None:
            return False
        wanted = title_key(m["issued"])  # a document's key is its title's (kg.extract.documents)
        issued = [d for d in a.found.documents if d.key == wanted]
        return (len(issued) == 1 and issued[0].kind in self.plan_kinds
                and not any(d.part is not None for d in issued))

    def _assigned_items(self, a: Analysis) -> None:
        """A numbered block closed by a bracketed assignment is a measure, whatever
        the document: its parent section is its task (附件's 1．…（牵头考核单位：…））."""
        doc = a.doc
        made: dict[int, Task] = {}
        # A section whose items carry assignments of their own is a task (（一）… / 1．…（A牵头）2．…):
        # its items are its measures, and its own assignment is the task's.
        assigned = {sec.index for sec in (doc.section_at(x.start) for x in a.assignments) if sec is not None}
        holds_assigned = {doc.sections[i].parent for i in assigned if doc.sections[i].parent is not None}
        for assignment in a.assignments:
            pos = assignment.start
            if any(a.enclosing(kind, pos) for kind in ("measure", "guarantee")):
                continue
            sec = doc.section_at(pos)
            owner = a.enclosing("task", pos)
            if sec is None or (owner is not None and owner not in made.values()):
                continue  # within a task read by the rules above
            if sec.index in holds_assigned:
                if sec.index not in made:
                    ls, le = self._section_label(a, sec)
                    task = self._make_task(a, ls, le, sec.start, sec.end, "task.assigned-items")
                    if task is not None:
                        made[sec.index] = task
                continue
            parent = doc.sections[sec.parent] if sec.parent is not None else None
            if parent is None:
                continue
            task = made.get(parent.index)
            if task is None:
                label_start, label_end = parent.heading_start, parent.heading_end
                if label_end <= label_start:
                    continue
                task = made[parent.index] = self._make_task(a, label_start, label_end, parent.start, parent.end,
                                                            "task.assigned-items")
                if task is None:
                    continue
            if any(s <= sec.start < e for s, e, _ in a.located("measure", sec.start, sec.end)):
                continue  # this item is a measure already
            order = 1 + sum(1 for m in a.found.measures if m.document == task.document and m.task == task.order)
            ls, le = self._section_label(a, sec)
            measure = Measure(task.order, order, a.text[ls:le], a.evidence(ls, le, "measure.assigned-item"),
                              task.document, self._deadline(a, sec.start, sec.end))
            a.found.measures.append(measure)
            a.locate("measure", sec.start, sec.end, measure)

    def _section_label(self, a: Analysis, sec: Section) -> tuple[int, int]:
        """A section's heading, or, if it has none, its first words up to a stop (1．及时总结…，…)."""
        if sec.heading_end > sec.heading_start:
            ls, le = sec.heading_start, sec.heading_end
        else:
            stop = next((p.end for p in a.doc.paragraphs if p.start <= sec.start < p.end), sec.end)
            ls = sec.heading_start
            le = next((k for k in range(ls, stop) if a.text[k] in self.label_ends), stop)
        return strip_span(a.text, ls, le)

    @staticmethod
    def _children(doc, sec: Section) -> list[Section]:
        return [c for c in doc.sections if c.parent == sec.index]

    def _has_task_within(self, doc, sec: Section, task_sections: set[int]) -> bool:
        stack = [sec]
        while stack:
            s = stack.pop()
            if s.index in task_sections:
                return True
            stack.extend(self._children(doc, s))
        return False

    def _next(self, kind: str, document: str) -> int:
        key = (kind, document)
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def _deadline(self, a: Analysis, start: int, end: int, inner: list[tuple[int, int]] = ()):
        """The deadline of a bracketed assignment in ``[start, end)`` (outside ``inner`` spans)."""
        for assignment in a.assignments:
            if start <= assignment.start < end and assignment.deadline and not any(s <= assignment.start < e for s, e in inner):
                return written_deadline(a, assignment)
        return None

    # -- tasks -----------------------------------------------------------------------
    def _task_section(self, a: Analysis, sec: Section, rule: str) -> None:
        """A section that is one task: its heading is the label, its content the measures."""
        doc, text = a.doc, a.text
        if sec.heading_end > sec.heading_start:
            label_start, label_end, body = sec.heading_start, sec.heading_end, sec.heading_end
        else:
            end = next(p.end for p in doc.paragraphs if p.start <= sec.start < p.end or p.start >= sec.start)
            label_end = next((k for k in range(sec.heading_start, end) if text[k] in self.label_ends), end)
            label_start, body = sec.heading_start, label_end
        task = self._make_task(a, label_start, label_end, sec.start, sec.end, rule)
        if task is None:
            return
        children = self._children(doc, sec)
        spans = []
        if children:
            for child in children:
                spans.append((*self._section_label(a, child), child.start, child.end))
        else:
            paragraphs = [p for p in doc.paragraphs if p.section == sec.index and p.role == "body" and p.end > body]
            # A line that is a labelled assignment (牵头单位：…) closes the paragraph before it, no measure of its own.
            assigned = {asg.start for asg in a.assignments}
            lines: list[list[int]] = []
            for p in paragraphs:
                if lines and strip_span(text, p.start, p.end)[0] in assigned:
                    lines[-1][1] = p.end
                else:
                    lines.append([p.start, p.end])
            if len(lines) > 1:
                for start, end in lines:
                    s = max(start, body)
                    first_end = next(p.end for p in paragraphs if p.start <= s < p.end)
                    le = next((k for k in range(s, first_end) if text[k] in self.label_ends), first_end)
                    spans.append((s, le, start, end))
            else:
                stop = paragraphs[0].end if paragraphs else sec.end
                for s, e in a.clauses(body + 1 if body < stop and text[body] in self.label_ends else body, stop, self.separators):
                    spans.append((s, e, s, e))
        self._measures(a, task, spans)
        task_deadline = self._deadline(a, sec.start, sec.end, [(s, e) for _, _, s, e in spans])
        if task_deadline:
            self._replace_task(a, task, task_deadline)

    def _make_task(self, a: Analysis, label_start: int, label_end: int, start: int, end: int, rule: str):
        text = a.text
        label_start, label_end = strip_span(text, label_start, label_end)
        if label_end <= label_start:
            return None
        document = a.subject_at(start)
        task = Task(self._next("task", document), text[label_start:label_end],
                    a.evidence(label_start, label_end, f"task.{rule.split('.', 1)[-1]}"), document)
        a.found.tasks.append(task)
        a.locate("task", start, end, task)
        return task

    def _replace_task(self, a: Analysis, task: Task, deadline) -> None:
        updated = Task(task.order, task.label, task.evidence, task.document, deadline)
        a.found.tasks[a.found.tasks.index(task)] = updated
        a.relocate("task", task, updated)

    def _measures(self, a: Analysis, task: Task, spans: list[tuple[int, int, int, int]]) -> None:
        text = a.text
        for k, (ls, le, s, e) in enumerate(spans, 1):
            ls, le = strip_span(text, ls, le)
            if le <= ls:
                continue
            measure = Measure(task.order, k, text[ls:le], a.evidence(ls, le, "measure.clause"), task.document,
                              self._deadline(a, s, e))
            a.found.measures.append(measure)
            a.locate("measure", s, e, measure)

    # -- items ---------------------------------------------------------------
    def _emit(self, a: Analysis, cat: str, label_start: int, label_end: int, start: int, end: int, rule: str,
              body_start: int | None = None) -> None:
        text, found = a.text, a.found
        if cat == "task":
            task = self._make_task(a, label_start, label_end, start, end, rule)
            if task is not None:
                body = strip_span(text, label_end, label_end)[1] + 1 if body_start is None else body_start
                spans = [(s, e, s, e) for s, e in a.clauses(body, end, self.separators)]
                self._measures(a, task, spans)
            return
        label_start, label_end = strip_span(text, label_start, label_end)
        if label_end <= label_start:
            return
        label = text[label_start:label_end]
        document = a.subject_at(start)
        ev = a.evidence(label_start, label_end, f"{cat}.{rule}")
        order = self._next(cat, document)
        if cat == "problem":
            found.problems.append(Problem(order, label, ev, document))
        elif cat == "feature":
            found.features.append(Feature(order, label, ev, document))
        elif cat == "guarantee":
            g = GuaranteeMeasure(order, label, ev, document, self._deadline(a, start, end))
            found.guarantees.append(g)
            a.locate("guarantee", start, end, g)

    def _emit_section(self, a: Analysis, cat: str, sec: Section) -> None:
        if sec.heading_end > sec.heading_start:
            self._emit(a, cat, sec.heading_start, sec.heading_end, sec.start, sec.end,
                       "enumeration.section", body_start=sec.heading_end)
        else:
            end = next(p.end for p in a.doc.paragraphs if p.start <= sec.start < p.end)
            label_end = next((k for k in range(sec.heading_start, end) if a.text[k] in self.label_ends), end)
            self._emit(a, cat, sec.heading_start, label_end, sec.start, sec.end,
                       "enumeration.section", body_start=label_end)

    # -- guarantee clauses -----------------------------------------------------
    def _guarantee_clauses(self, a: Analysis, start: int, end: int) -> None:
        text = a.text
        for sentence in [s for s in a.doc.sentences if start <= s.start < end]:
            for s, e in a.clauses(sentence.start, sentence.end, "，；,;。"):
                s = agency_subject(a, s, e, self.joiners, self.modals)[1]
                s = self._skip_words(text, s, e, self.strip_leading)
                closing = next((w for w in self.closing if text.endswith(w, s, e)), None)
                if closing:
                    e -= len(closing)
                if e > s:
                    document = a.subject_at(s)
                    g = GuaranteeMeasure(self._next("guarantee", document), text[s:e],
                                         a.evidence(s, e, "guarantee.clause"), document)
                    a.found.guarantees.append(g)
                    a.locate("guarantee", s, e, g)
                if closing:
                    break  # what follows says what the measures are for

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
