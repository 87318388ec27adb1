"""Recover the structure of a normalised document.

:func:`parse` returns a :class:`Document`: its title, back-matter metadata
(source, date, URL), paragraphs, a tree of numbered sections (一、 /（一）/ 1. /
第一条 …), sentences, and inline enumerations (一是……二是……) with their
lead-in text. Positions inside a Document are offsets into the *clean* text;
:meth:`Document.span` maps them to the original file.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import cn2an

from kg.resources import compile_pattern, load_toml
from kg.text.normalize import CleanText
from kg.text.spans import Span


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    role: str  # "title", "heading", "body" or "source"
    section: int | None


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
class Metadata:
    title: str | None = None
    title_start: int | None = None
    title_end: int | None = None
    interprets: str | None = None
    interprets_start: int | None = None
    published: _dt.date | None = None
    source_url: str | None = None
    source_name: str | None = None


@dataclass
class Document:
    """A parsed document; positions are offsets into ``clean.text``."""

    clean: CleanText
    metadata: Metadata
    paragraphs: list[Paragraph]
    sections: list[Section]
    sentences: list[Sentence]
    enumerations: list[Enumeration]
    _sentence_starts: list[int] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return self.clean.text

    def span(self, start: int, end: int) -> Span:
        """Return the original-file span of clean characters ``[start, end)``."""
        return self.clean.offsets.span(start, end)

    def sentence_at(self, pos: int) -> Sentence | None:
        """Return the sentence containing clean offset ``pos``."""
        import bisect

        if not self._sentence_starts:
            self._sentence_starts = [s.start for s in self.sentences]
        k = bisect.bisect_right(self._sentence_starts, pos) - 1
        if k >= 0 and self.sentences[k].start <= pos < self.sentences[k].end:
            return self.sentences[k]
        return None

    def section_at(self, pos: int) -> Section | None:
        """Return the innermost section containing clean offset ``pos``."""
        best = None
        for sec in self.sections:
            if sec.start <= pos < sec.end and (best is None or sec.rank > best.rank):
                best = sec
        return best

    def body_paragraphs(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.role in ("body", "heading")]


@dataclass(frozen=True)
class StructureRules:
    markers: tuple[tuple[str, int, re.Pattern], ...]
    max_heading_length: int
    inline: re.Pattern
    enders: frozenset
    closers: frozenset
    terminal: frozenset
    title_max: int
    interpretation: tuple[re.Pattern, ...]
    source_prefixes: tuple[str, ...]
    url: re.Pattern
    date: re.Pattern
    date_suffix: re.Pattern


@lru_cache(maxsize=1)
def structure_rules() -> StructureRules:
    """Return the structure rules of ``resources/structure.toml``."""
    cfg = load_toml("structure.toml")
    markers = tuple(
        (m["kind"], int(m["rank"]), compile_pattern(m["pattern"], f"structure.toml [headings] {m['kind']}"))
        for m in cfg["headings"]["markers"]
    )
    src = cfg["source"]
    return StructureRules(
        markers=markers,
        max_heading_length=int(cfg["headings"]["max_heading_length"]),
        inline=compile_pattern(cfg["enumeration"]["inline"], "structure.toml [enumeration] inline"),
        enders=frozenset(cfg["sentences"]["enders"]),
        closers=frozenset(cfg["layout"]["closers"]),
        terminal=frozenset(cfg["layout"]["terminal"]),
        title_max=int(cfg["title"]["max_length"]),
        interpretation=tuple(
            compile_pattern(p, "structure.toml [title] interpretation") for p in cfg["title"]["interpretation"]
        ),
        source_prefixes=tuple(src["prefixes"]),
        url=compile_pattern(src["url"], "structure.toml [source] url"),
        date=compile_pattern(src["date"], "structure.toml [source] date"),
        date_suffix=compile_pattern(src["date_suffix"], "structure.toml [source] date_suffix"),
    )


def numeral(text: str) -> int:
    """Return the integer written by ``text`` in Arabic or Chinese numerals."""
    if text.isdigit():
        return int(text)
    return int(cn2an.cn2an(text, "normal"))


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for k, ch in enumerate(text):
        if ch == "\n":
            bounds.append((start, k))
            start = k + 1
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if e > s]


class _Parser:
    def __init__(self, clean: CleanText, rules: StructureRules) -> None:
        self.clean = clean
        self.text = clean.text
        self.rules = rules

    # -- sentences -------------------------------------------------------
    def split_sentences(self, start: int, end: int) -> list[tuple[int, int]]:
        """Return sentence bounds in ``[start, end)``, each keeping its end mark."""
        text, out, s = self.text, [], start
        k = start
        while k < end:
            if text[k] in self.rules.enders:
                e = k + 1
                while e < end and (text[e] in self.rules.enders or text[e] in self.rules.closers):
                    e += 1
                out.append((s, e))
                s = k = e
                continue
            k += 1
        if s < end:
            out.append((s, end))
        return [(a, b) for a, b in out if self.text[a:b].strip()]

    def first_sentence_end(self, start: int, end: int) -> int:
        """Return where the first sentence in ``[start, end)`` ends, without its end mark."""
        for k in range(start, end):
            if self.text[k] in self.rules.enders:
                return k
        e = end
        while e > start and self.text[e - 1] in "，；：,;:、":
            e -= 1
        return e

    # -- title and back matter ----------------------------------------------
    def title(self, bounds: list[tuple[int, int]]) -> Metadata:
        if not bounds:
            return Metadata()
        s, e = bounds[0]
        line = self.text[s:e]
        if len(line) > self.rules.title_max or any(p.match(line) for _, _, p in self.rules.markers):
            return Metadata()
        bare = line.rstrip("".join(self.rules.closers))
        if any(ch in self.rules.enders for ch in bare) or bare[-1:] in self.rules.terminal:
            return Metadata()  # a title has no full stop and does not lead into a list
        interprets = interprets_start = None
        for pattern in self.rules.interpretation:
            m = pattern.match(line)
            if m:
                interprets, interprets_start = m.group("target"), s + m.start("target")
                break
        return Metadata(title=line, title_start=s, title_end=e, interprets=interprets, interprets_start=interprets_start)

    def source_block(self, bounds: list[tuple[int, int]]) -> tuple[int, dict]:
        """Return how many trailing paragraphs are source notes, and what they say."""
        found: dict = {}
        count = 0
        for s, e in reversed(bounds[1:]):
            line = self.text[s:e]
            url = self.rules.url.fullmatch(line.strip())
            prefix = next((p for p in self.rules.source_prefixes if line.startswith(p)), None)
            if url:
                found.setdefault("source_url", url.group(0))
            elif prefix is not None and line[len(prefix):len(prefix) + 1] in ("：", ":"):
                rest = line[len(prefix) + 1:].strip()
                m_url = self.rules.url.search(rest)
                if m_url:
                    found.setdefault("source_url", m_url.group(0))
                    rest = (rest[: m_url.start()] + rest[m_url.end():]).strip()
                m_date = self.rules.date.search(rest)
                if m_date:
                    try:
                        found["published"] = _dt.date(int(m_date["y"]), int(m_date["m"]), int(m_date["d"]))
                    except ValueError:
                        pass
                    rest = rest[: m_date.start()] + self.rules.date_suffix.sub("", rest[m_date.end():])
                if rest.strip():
                    found["source_name"] = rest.strip()
            else:
                break
            count += 1
        return count, found

    # -- sections ------------------------------------------------------------
    def heading_of(self, s: int, e: int):
        line = self.text[s:e]
        for kind, rank, pattern in self.rules.markers:
            m = pattern.match(line)
            if m:
                return kind, rank, numeral(m.group("n")), s + m.end()
        return None

    def parse(self) -> Document:
        bounds = _paragraph_bounds(self.text)
        meta = self.title(bounds)
        n_source, found = self.source_block(bounds)
        if found:
            meta = Metadata(**{**meta.__dict__, **found})
        paragraphs: list[Paragraph] = []
        sections: list[dict] = []
        stack: list[dict] = []
        sentences: list[Sentence] = []
        body_end = len(bounds) - n_source
        for k, (s, e) in enumerate(bounds):
            if k == 0 and meta.title is not None:
                role = "title"
            elif k >= body_end:
                role = "source"
            else:
                role = "body"
                head = self.heading_of(s, e)
                if head:
                    kind, rank, number, hstart = head
                    while stack and stack[-1]["rank"] >= rank:
                        stack.pop()["end"] = s
                    whole = e - hstart <= self.rules.max_heading_length and not any(
                        ch in self.rules.enders for ch in self.text[hstart:e].rstrip("。")
                    )
                    hend = e if whole else self.first_sentence_end(hstart, e)
                    if not whole and hend - hstart > self.rules.max_heading_length:
                        hend = hstart  # a numbered paragraph with no heading of its own
                    while hend > hstart and self.text[hend - 1] in "。.：:":
                        hend -= 1
                    sec = dict(
                        index=len(sections), kind=kind, rank=rank, number=number,
                        parent=stack[-1]["index"] if stack else None, marker_start=s,
                        heading_start=hstart, heading_end=hend, start=s, end=None,
                        heading=self.text[hstart:hend],
                    )
                    sections.append(sec)
                    stack.append(sec)
                    if whole:
                        role = "heading"
            section = stack[-1]["index"] if stack and role in ("body", "heading") else None
            paragraphs.append(Paragraph(k, s, e, role, section))
            if role != "source":
                for a, b in self.split_sentences(s, e):
                    sentences.append(Sentence(len(sentences), a, b, k, self.text[a:b]))
        end_of_body = bounds[body_end - 1][1] if body_end > 0 else 0
        for sec in stack:
            sec["end"] = end_of_body
        section_objs = [Section(**sec) for sec in sections]
        enumerations = self.enumerations(paragraphs, section_objs)
        return Document(self.clean, meta, paragraphs, section_objs, sentences, enumerations)

    # -- inline enumerations ---------------------------------------------------
    def enumerations(self, paragraphs: list[Paragraph], sections: list[Section]) -> list[Enumeration]:
        marks = []  # (paragraph, number, marker_start, content_start)
        for p in paragraphs:
            if p.role not in ("body", "heading"):
                continue
            for m in self.rules.inline.finditer(self.text, p.start, p.end):
                if m.start() < p.start:
                    continue
                marks.append((p, numeral(m.group("n")), m.start(), m.end()))
        groups: list[list[tuple]] = []
        for mark in marks:
            p, number = mark[0], mark[1]
            last = groups[-1][-1] if groups else None
            if last and number == last[1] + 1 and last[0].section == p.section and self._adjacent(last[0], p, paragraphs):
                groups[-1].append(mark)
            elif number == 1:
                groups.append([mark])
        result = []
        for group in groups:
            if len(group) < 2:
                continue
            items = []
            for j, (p, number, mstart, cstart) in enumerate(group):
                nxt = group[j + 1] if j + 1 < len(group) else None
                end = nxt[2] if nxt and nxt[0].index == p.index else p.end
                label_end = self.first_sentence_end(cstart, end)
                items.append(Item(number, mstart, cstart, end, cstart, label_end, p.index))
            first_p, first_start = group[0][0], group[0][2]
            lead_start, lead_end = self._lead_in(first_p, first_start, paragraphs, sections)
            result.append(Enumeration(len(result), tuple(items), lead_start, lead_end, first_p.section))
        return result

    @staticmethod
    def _adjacent(a: Paragraph, b: Paragraph, paragraphs: list[Paragraph]) -> bool:
        """True if no heading paragraph stands between paragraphs ``a`` and ``b``."""
        return all(paragraphs[k].role != "heading" for k in range(a.index + 1, b.index + 1))

    def _lead_in(self, p: Paragraph, first: int, paragraphs: list[Paragraph], sections: list[Section]) -> tuple[int, int]:
        if self.text[p.start:first].strip():
            return p.start, first
        if p.index > 0:
            prev = paragraphs[p.index - 1]
            if prev.role == "body" and self.text[prev.start:prev.end].rstrip()[-1:] in ("：", ":"):
                return prev.start, prev.end
        if p.section is not None:
            sec = sections[p.section]
            return sec.heading_start, sec.heading_end
        return first, first


def parse(clean: CleanText) -> Document:
    """Return the :class:`Document` structure of normalised text ``clean``."""
    return _Parser(clean, structure_rules()).parse()
