"""What every rule component reads: the document, its tokens, and what earlier
components found; plus a lexicon matcher that respects word boundaries."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Generic, Iterator, TypeVar

from kg.extract.records import Evidence, Extraction
from kg.nlp.segment import LazyTokens, Segmenter, Tokens
from kg.text.document import Document

V = TypeVar("V")


@dataclass
class Analysis:
    """One document as the rule components see it.

    Positions are offsets into ``doc.text`` (the clean text); :meth:`evidence`
    turns them into original-file spans.
    """

    doc: Document
    tokens: Tokens | LazyTokens
    segmenter: Segmenter
    found: Extraction
    source_meta: dict = field(default_factory=dict)
    subjects: dict[int, str] = field(default_factory=dict)  # part index -> key of the document it is about
    issuers: dict[int, list[str]] = field(default_factory=dict)  # part index -> canonical issuing agencies
    assignments: list = field(default_factory=list)  # bracketed assignments (kg.extract.assignments)
    memo: dict = field(default_factory=dict)  # what a component works out once per document
    _located: dict[str, list[tuple[int, int, Any]]] = field(default_factory=dict, repr=False)

    def subject_at(self, pos: int) -> str:
        """Return the key of the document that the text at clean offset ``pos`` is about.

        That is the document of the part, or for an interpretation (解读) the
        document it interprets.
        """
        part = self.doc.part_at(pos)
        return self.subjects.get(part.index, self.found.doc_id)

    def year_at(self, pos: int) -> int | None:
        """Return the year of the document containing clean offset ``pos``.

        Its own date (落款), else the date of the file, else a year in its title (not the last of a
        period it names), else the first year of the period it plans for.
        """
        from kg.nlp.time import time_reader

        record = self.part_document(pos)
        candidates = [record] + [d for d in self.found.documents if d.is_source and d is not record] if record else []
        for d in candidates:
            if d.date:
                return d.date.year
            if d.published:
                return d.published.year
        for d in candidates:
            if d.period_start and d.period_end != d.period_start:
                continue  # 某市氢能产业发展规划（2022-2035年）: 2035 closes its period, it is not its year
            year = time_reader().year_in_title(d.title)
            if year:
                return year
        for d in candidates:  # an undated plan is drawn up as its period opens (“十四五”…规划: 2021)
            if d.period_start:
                return d.period_start
        return None

    def word_is(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is one word of the segmentation (共 in 共3个, not in 共有)."""
        return (self.tokens.word_at(start) or (0, 0))[:2] == (start, end)

    def tag_at(self, pos: int) -> str | None:
        """Return the part-of-speech tag of the word covering clean offset ``pos``."""
        word = self.tokens.word_at(pos)
        return self.segmenter.tag(word[2]) if word else None

    def part_document(self, pos: int):
        """Return the DocumentRecord of the part containing clean offset ``pos``."""
        index = self.doc.part_at(pos).index
        return next((d for d in self.found.documents if d.part == index), None)

    def locate(self, kind: str, start: int, end: int, record: Any) -> None:
        """Remember that ``record`` (of ``kind``) was read from clean ``[start, end)``."""
        bisect.insort(self._located.setdefault(kind, []), (start, end, record), key=lambda t: (t[0], t[1]))

    def relocate(self, kind: str, old: Any, new: Any) -> None:
        """Replace a located record by an updated one."""
        items = self._located.get(kind, [])
        for k, (s, e, record) in enumerate(items):
            if record is old:
                items[k] = (s, e, new)

    def unlocate(self, kind: str, old: Any) -> None:
        """Forget a located record (one read again over a longer span)."""
        self._located[kind] = [t for t in self._located.get(kind, []) if t[2] is not old]

    def located(self, kind: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Any]]:
        """Return the located records of ``kind`` lying inside ``[start, end)``."""
        items = self._located.get(kind, [])
        end = len(self.text) if end is None else end
        out = []
        for k in range(bisect.bisect_left(items, start, key=itemgetter(0)), len(items)):  # items are in (start, end) order
            t = items[k]
            if t[0] > end:
                break
            if t[1] <= end:
                out.append(t)
        return out

    def enclosing(self, kind: str, pos: int) -> Any | None:
        """Return the innermost record of ``kind`` whose text contains clean offset ``pos``."""
        best = None
        for s, e, record in self._located.get(kind, []):
            if s <= pos < e and (best is None or e - s < best[1] - best[0]):
                best = (s, e, record)
            elif s > pos:
                break
        return best[2] if best else None

    @property
    def text(self) -> str:
        return self.doc.text

    def evidence(self, start: int, end: int, rule: str) -> Evidence:
        """Return the evidence for clean characters ``[start, end)`` found by ``rule``."""
        sentence = self.doc.sentence_at(start)
        index = sentence.index if sentence is not None else -1
        return Evidence(index, self.doc.span(start, end), rule)

    def clauses(self, start: int, end: int, separators: str) -> list[tuple[int, int]]:
        """Return the non-empty pieces of ``[start, end)`` between ``separators``."""
        text, out, s = self.text, [], start
        depth = 0
        for k in range(start, end + 1):
            ch = text[k] if k < end else separators[0]
            if ch in "（(《“":
                depth += 1
            elif ch in "）)》”\"" and depth:
                depth -= 1  # an ASCII " closes a “ in texts that mix quote marks
            if ch in separators and (depth == 0 or k == end) and not _between_digits(text, k, end):
                a, b = strip_span(text, s, k)
                if b > a:
                    out.append((a, b))
                s = k + 1
        return out


def _between_digits(text: str, k: int, end: int) -> bool:
    """True for a colon between digits (2:8, 9:30), a ratio or a time, or a comma that groups thousands
    (1,000元: three digits after it, and no fourth): not the end of a clause."""
    if not (0 < k < end - 1 and text[k - 1].isdigit() and text[k + 1].isdigit()):
        return False
    if text[k] == ",":
        return text[k + 1:k + 4].isdigit() and not text[k + 4:k + 5].isdigit()
    return text[k] in ":\uff1a\u2236"


def agency_subject(a: Analysis, start: int, end: int, joiners: list[str], modals: list[str]) -> tuple[list, int]:
    """Return the agencies opening ``[start, end)`` as its subject, and where the rest begins.

    A subject is one or more agencies joined by ``joiners`` (和, 会同…) and
    followed by a modal verb (将, 负责…): 中关村管委会和市知识产权局将…
    Without a modal there is no subject: ``([], start)``.
    """
    text, pos, agencies = a.text, start, []
    spans = {s: (e, record) for s, e, record in a.located("agency", start, end)}
    while pos < end:
        if pos in spans:
            pos, record = spans[pos]
            agencies.append(record)
            continue
        joiner = next((j for j in joiners if text.startswith(j, pos)), None)
        if agencies and joiner:
            pos += len(joiner)
            continue
        break
    modal = next((m for m in modals if text.startswith(m, pos)), None) if agencies else None
    if not modal:
        return [], start
    return agencies, pos + len(modal)


_EDGE = " \n，；：。！？,;:.!?、"


def strip_span(text: str, start: int, end: int, chars: str = _EDGE) -> tuple[int, int]:
    """Return ``[start, end)`` without leading and trailing ``chars``."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


class Lexicon(Generic[V]):
    """Finds names of a lexicon in text, longest first, on word boundaries."""

    def __init__(self, entries: dict[str, V]) -> None:
        self.entries = dict(entries)
        self._lengths: dict[str, list[int]] = {}
        for name in self.entries:
            self._lengths.setdefault(name[0], []).append(len(name))
        for first in self._lengths:
            self._lengths[first] = sorted(set(self._lengths[first]), reverse=True)
        # Where a name can begin: re's scan in C skips the text between candidates.
        self._firsts = re.compile("[" + "".join(re.escape(ch) for ch in sorted(self._lengths)) + "]") \
            if self._lengths else None

    def __contains__(self, name: str) -> bool:
        return name in self.entries

    def get(self, name: str) -> V | None:
        return self.entries.get(name)

    def finditer(self, text: str, tokens: Tokens | LazyTokens | None, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, V]]:
        """Yield ``(start, end, value)`` of non-overlapping matches in ``text[start:end]``.

        With ``tokens``, a match must start and end on a word boundary.
        """
        end = len(text) if end is None else end
        if self._firsts is None:
            return
        search, entries, pos = self._firsts.search, self.entries, start
        while (candidate := search(text, pos, end)) is not None:
            pos = candidate.start()
            hit = None
            for length in self._lengths[text[pos]]:  # the text first: asking for words costs a segmentation
                stop = pos + length
                if stop <= end and text[pos:stop] in entries:
                    if tokens is not None and not tokens.is_boundary(pos):
                        break
                    if tokens is None or tokens.is_boundary(stop):
                        hit = (pos, stop, entries[text[pos:stop]])
                        break
            if hit:
                yield hit
                pos = hit[1]
            else:
                pos += 1
