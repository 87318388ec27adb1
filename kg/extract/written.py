"""Traditional-character documents: the rules read a simplified copy, the records keep the text as written.

:class:`kg.extract.pipeline.Extractor` runs on a simplified copy of a
traditional text (same length, so the same offsets); afterwards
:func:`restore` puts back, in the fields that hold text as written (an
agency's name, a task's label, a sentence, a title…), the characters of the
original. Canonical names, document keys and IRIs stay simplified, so the same
agency or document written either way is one node.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict

# Record lists of an Extraction, and the fields of their records that hold text as written.
WRITTEN = {
    "documents": ("title", "short_title", "number", "addressees", "issuer"),
    "references": ("written",),
    "places": ("name",),
    "agencies": ("name",),
    "persons": ("name", "role"),
    "tasks": ("label",),
    "measures": ("label",),
    "guarantees": ("label",),
    "problems": ("label",),
    "features": ("label",),
    "targets": ("indicator", "scope_written"),
    "baselines": ("indicator", "scope_written"),
}


class _Writer:
    """Maps simplified text back to the original: by position where the text
    occurs in the copy, else character by character as the document writes them."""

    def __init__(self, original: str, copy: str) -> None:
        self.original, self.copy = original, copy
        usage: dict[str, Counter] = defaultdict(Counter)
        for a, b in zip(copy, original):
            if a != b:
                usage[a][b] += 1
        self.chars = {a: counts.most_common(1)[0][0] for a, counts in usage.items()}

    def __call__(self, value):
        if not isinstance(value, str) or not value:
            return value
        at = self.copy.find(value)
        if at >= 0:
            return self.original[at:at + len(value)]
        return "".join(self.chars.get(ch, ch) for ch in value)


def restore(found, original: str, copy: str, sentence_spans: list[tuple[int, int]]) -> None:
    """Put the original characters back into the written fields of ``found``."""
    if original == copy:
        return
    write = _Writer(original, copy)
    found.sentences = [dataclasses.replace(s, text=original[a:b])
                       for s, (a, b) in zip(found.sentences, sentence_spans)]
    for name, fields in WRITTEN.items():
        records = getattr(found, name)
        for k, record in enumerate(records):
            changes = {f: write(getattr(record, f)) for f in fields if getattr(record, f, None)}
            if changes:
                records[k] = dataclasses.replace(record, **changes)
