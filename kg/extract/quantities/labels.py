"""Deadlines written as labels in a task's own paragraph: a task-division scheme's item that ends
（牵头单位：省市场监管局；完成时限：2024年6月底前） gives the figures of its paragraph that deadline, as the
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
        heads = load_toml("responsibilities.toml")["assignments"]["columns"]["deadline_heads"]
        self.time = time
        self.label = re.compile("(?:" + "|".join(map(re.escape, sorted(heads, key=len, reverse=True))) + ")[：:]")

    def __call__(self, a: Analysis, paragraph: int, now: int | None) -> Moment | None:
        """The deadline a label in paragraph ``paragraph`` writes (完成时限：2024年6月底前), if one does."""
        found = a.memo.get("labelled deadlines")
        if found is None:
            found = a.memo["labelled deadlines"] = {}
            text = a.text
            for m in self.label.finditer(text):
                end = next((k for k in range(m.end(), min(len(text), m.end() + 40)) if text[k] in _VALUE_ENDS), m.end())
                due = self.time.deadline(text[m.end():end], now)
                if due is not None:
                    found.setdefault(a.doc.paragraph_index(m.start()), Moment(m.end(), end, "deadline", due.year, due.month))
        return found.get(paragraph)
