"""What a document is read into: its parts, sections, paragraphs, sentences and enumerations.

Positions are offsets into the *clean* text; :meth:`Document.span` maps them to
the original. :func:`kg.text.structure.parse` fills them.
"""

from __future__ import annotations

import bisect
import datetime as _dt
from dataclasses import dataclass, field

from kg.text.normalize import CleanText
from kg.text.spans import Span

ROLES = ("title", "front", "heading", "body", "table", "signoff", "note", "annex", "source")


@dataclass(frozen=True)
class Field:
    """A piece of metadata and where it is written (clean offsets)."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    role: str  # one of ROLES
    section: int | None
    part: int = 0


@dataclass(frozen=True)
class Section:
    """A numbered block: a heading paragraph, or a paragraph opened by a marker."""

    index: int
    kind: str
    rank: int
    number: int
    parent: int | None
    marker_start: int
    heading_start: int  # the heading text, without its marker
    heading_end: int
    start: int  # the whole block, heading included
    end: int
    heading: str
    part: int = 0


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    text: str


@dataclass(frozen=True)
class Item:
    """One member of an inline enumeration (一是……)."""

    number: int
    marker_start: int
    start: int  # after the marker
    end: int
    label_start: int
    label_end: int
    paragraph: int


@dataclass(frozen=True)
class Enumeration:
    index: int
    items: tuple[Item, ...]
    lead_in_start: int
    lead_in_end: int
    section: int | None


@dataclass(frozen=True)
class Part:
    """One document within the file."""

    index: int
    start: int
    end: int
    title: Field | None = None
    interprets: Field | None = None
    number: Field | None = None
    addressees: Field | None = None
    date: _dt.date | None = None
    date_field: Field | None = None
    issuer: Field | None = None
    annex: bool = False


@dataclass(frozen=True)
class Metadata:
    """What the back matter says of the file as a whole."""

    published: _dt.date | None = None
    source_url: str | None = None
    source_name: str | None = None


@dataclass
class Document:
    """A parsed file; positions are offsets into ``clean.text``."""

    clean: CleanText
    metadata: Metadata
    parts: list[Part]
    paragraphs: list[Paragraph]
    sections: list[Section]
    sentences: list[Sentence]
    enumerations: list[Enumeration]
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _part_starts: list[int] = field(default_factory=list, repr=False)
    _paragraph_starts: list[int] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return self.clean.text

    def span(self, start: int, end: int) -> Span:
        """Return the original-file span of clean characters ``[start, end)``."""
        return self.clean.offsets.span(start, end)

    def sentence_at(self, pos: int) -> Sentence | None:
        """Return the sentence containing clean offset ``pos``."""
        if not self._sentence_starts:
            self._sentence_starts = [s.start for s in self.sentences]
        k = bisect.bisect_right(self._sentence_starts, pos) - 1
        if k >= 0 and self.sentences[k].start <= pos < self.sentences[k].end:
            return self.sentences[k]
        return None

    def paragraph_index(self, pos: int) -> int:
        """Return the index of the paragraph containing (or last before) clean offset ``pos``."""
        if not self._paragraph_starts:
            self._paragraph_starts = [p.start for p in self.paragraphs]
        return max(bisect.bisect_right(self._paragraph_starts, pos) - 1, 0)

    def part_at(self, pos: int) -> Part:
        """Return the part (document) containing clean offset ``pos``."""
        if not self._part_starts:
            self._part_starts = [p.start for p in self.parts]
        k = max(bisect.bisect_right(self._part_starts, pos) - 1, 0)
        return self.parts[k]

    def section_at(self, pos: int) -> Section | None:
        """Return the innermost section containing clean offset ``pos``."""
        best = None
        for sec in self.sections:
            if sec.start <= pos < sec.end and (best is None or sec.rank > best.rank):
                best = sec
        return best

    def body_paragraphs(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.role in ("body", "heading")]
