"""Deadlines written as labels in a task's own paragraph: a task-division scheme's item that ends
（牵头单位：省市场监管局；完成时限：2024年6月底前）, or is followed by lines of labels (牵头单位：…, 完成时限：…),
gives the figures of its paragraph that deadline, as the
完成时限 column of a task-division table gives those of its row (:mod:`kg.extract.quantities.tables`). The
labels are the deadline heads of ``responsibilities.toml`` [assignments.columns]."""

from __future__ import annotations

import re

from kg.extract.base import Analysis
from kg.nlp.time import Moment
from kg.resources import load_toml

_VALUE_ENDS = "；;）)。，,\n"  # a label's value runs to the next of these


class LabelledDeadlines:
    def __init__(self, time) -> None:
        assignments = load_toml("responsibilities.toml")["assignments"]
        heads = assignments["columns"]["deadline_heads"]
        self.time = time
        self.label = re.compile("(?:" + "|".join(map(re.escape, sorted(heads, key=len, reverse=True))) + ")[：:]")
        self.labels = tuple(heads) + tuple(assignments["labels"]) + tuple(assignments["columns"]["labels"])

    def __call__(self, a: Analysis, paragraph: int, now: int | None) -> Moment | None:
        """The deadline a label in paragraph ``paragraph`` writes (完成时限：2024年6月底前), if one does."""
        found = a.memo.get("labelled deadlines")
        if found is None:
            found = a.memo["labelled deadlines"] = {}
            text = a.text
            for m in self.label.finditer(text):
                stop = min(len(text), m.end() + 40)  # a value runs to its mark, the text's end or 40 characters
                end = next((k for k in range(m.end(), stop) if text[k] in _VALUE_ENDS), stop)
                due = self.time.deadline(text[m.end():end], now)
                if due is not None:
                    moment = Moment(m.end(), end, "deadline", due.year, due.month)
                    found.setdefault(self._task_of(a, a.doc.paragraph_index(m.start())), moment)
        return found.get(paragraph)

    def _task_of(self, a: Analysis, k: int) -> int:
        """The paragraph a label in paragraph ``k`` belongs to: its own, or, if it opens a block of label lines
        after the task (…实现“最多跑一次”。\\n牵头单位：…\\n完成时限：2019年12月底前), the task before the block."""
        paragraphs, text = a.doc.paragraphs, a.text
        j = k
        while j >= 0 and text[paragraphs[j].start:paragraphs[j].end].lstrip().startswith(self.labels):
            j -= 1
        return j if j >= 0 and j < k else k
