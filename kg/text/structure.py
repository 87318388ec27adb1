"""Recover the structure of a normalised document.

A file can hold several documents: a notice (通知) and the plans it issues,
and annexes (附件). :func:`parse` returns a :class:`Document` with one
:class:`Part` per document, each with its title, front matter (发文字号,
date, 主送), sign-off (落款: issuing body and date) and a tree of numbered
sections (一、 /（一）/ 1. / （1）/ 第一章 / 第一条 / 专栏1); and, for the file,
its back matter (source, date, URL), paragraphs, sentences, table rows and
inline enumerations (一是……二是……) with their lead-in text.

Positions inside a Document are offsets into the *clean* text;
:meth:`Document.span` maps them to the original.
"""

from __future__ import annotations

import datetime as _dt

from kg.text.document import (Document, Enumeration, Field, Item, Metadata, Paragraph, Part, Section,
                              Sentence)
from kg.text.normalize import CleanText
from kg.text.matter import FileMatter
from kg.text.titles import TitleLines
from kg.text.rules import StructureRules, bare_title, numeral, structure_rules, title_key, written_date

__all__ = ["Document", "Enumeration", "Field", "Item", "Metadata", "Paragraph", "Part", "Section", "Sentence",
           "bare_title", "parse", "title_key"]


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for k, ch in enumerate(text):
        if ch == "\n":
            bounds.append((start, k))
            start = k + 1
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if e > s]


class _Parser(TitleLines, FileMatter):
    def __init__(self, clean: CleanText, rules: StructureRules) -> None:
        self.clean = clean
        self.text = clean.text
        self.rules = rules
        self.bounds = _paragraph_bounds(self.text)
        self.record_title: tuple[Field, int] | None = None  # the title a crawler's record above the text gives

    def line(self, k: int) -> str:
        s, e = self.bounds[k]
        return self.text[s:e]

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

    # -- kinds of lines --------------------------------------------------------
    def heading_of(self, s: int, e: int):
        line = self.text[s:e]
        for kind, rank, pattern in self.rules.markers:
            m = pattern.match(line)
            if m:
                return kind, rank, numeral(m.group("n")) if m.group("n") else 0, s + m.end()
        return None

    def sequel_of(self, s: int, e: int, sections: list[dict], part: int):
        """A marker that only continues a numbering (11.121… after item 10)."""
        line = self.text[s:e]
        for kind, rank, pattern in self.rules.sequels:
            m = pattern.match(line)
            if m:
                last = next((sec for sec in reversed(sections) if sec["kind"] == kind and sec["part"] == part), None)
                number = numeral(m.group("n"))
                if last is not None and last["number"] + 1 == number:
                    return kind, rank, number, s + m.end()
        return None

    def is_addressee(self, k: int) -> bool:
        line = self.line(k)
        return (len(line) <= self.rules.addressee_max and line[-1:] in self.rules.addressee_end
                and not any(ch in self.rules.enders for ch in line)
                and any(cue in line for cue in self.rules.addressee_cues))

    def is_signoff(self, k: int, end: int) -> bool:
        if k + 1 >= end or not self.rules.date_line.match(self.line(k + 1)):
            return False
        return self.signoff_line(k)

    def signoff_line(self, k: int) -> bool:
        """A line a sign-off can hold: short, unpunctuated, no heading, no table row."""
        line = self.line(k)
        return (len(line) <= self.rules.signoff_max and not any(ch in self.rules.terminal for ch in line)
                and not self.heading_of(*self.bounds[k]) and not line.startswith(self.rules.table_row))

    def joint_signoff(self, k: int) -> bool:
        """A line that can stand above the last line of a sign-off: short, unpunctuated, ending like a body."""
        line = self.line(k).rstrip()
        return bool(line) and line.endswith(self.rules.signoff_ends) and self.signoff_line(k)

    def date_of(self, k: int) -> tuple[_dt.date | None, Field]:
        s, e = self.bounds[k]
        m = self.rules.date_line.match(self.text[s:e])
        return written_date(m["y"], m["m"], m["d"]), Field(self.text[s:e], s, e)

    # -- parts ---------------------------------------------------------------------
    def cited_titles(self, start: int, end: int) -> set[str]:
        """Keys of the titles a stretch of text cites (《…》, 关于印发X的通知)."""
        text = self.text[start:end]
        keys = {title_key(m["title"]) for m in self.rules.cited_title.finditer(text)}
        for m in self.rules.issuing_title.finditer(text):
            issued = m["issued"]
            keys.add(title_key(issued))
            for sep in self.rules.issued_separators:
                keys.update(title_key(piece) for piece in issued.split(sep))
        return {k for k in keys if k}

    def split_parts(self, body_start: int, body_end: int) -> tuple[list[Part], list[str]]:
        roles = ["body"] * len(self.bounds)
        for k in list(range(body_start)) + list(range(body_end, len(self.bounds))):
            roles[k] = "source"
        parts: list[Part] = []
        cited: set[str] = set()
        k = body_start
        annex_next = False
        while k < body_end:
            while k < body_end and self.rules.annex.match(self.line(k)):
                roles[k] = "annex"  # 附件1 after a sign-off: the next part is an annex
                annex_next = True
                k += 1
            if k >= body_end:
                break
            first = k
            fields: dict = {"annex": annex_next}
            annex_next = False
            if not parts and self.record_title:  # the title a crawler's record gives
                fields["title"], line = self.record_title
                roles[line] = "title"
                while k < body_end and title_key(self.line(k)) == title_key(fields["title"].text):
                    roles[k] = "title"  # written again above the text
                    k += 1
            else:
                k = self._title(k, roles, fields, body_start, body_end, bool(parts), cited)
            k = self._front(k, roles, fields, body_end)
            k, annex_next = self._body(k, first, roles, fields, body_end, cited)
            start = self.bounds[first][0]
            end = self.bounds[k - 1][1] if k > first else start
            parts.append(Part(index=len(parts), start=start, end=end, **fields))
            cited |= self.cited_titles(start, end)
        if not parts:
            parts.append(Part(0, 0, 0))
        return parts, roles

    def _title(self, k: int, roles: list[str], fields: dict, body_start: int, body_end: int,
               after_part: bool, cited: set[str] = frozenset()) -> int:
        """Read a part's title from line ``k`` (a caption, a title broken over lines, written twice);
        return the next line."""
        caption = self.caption_title(k) if k == body_start and not after_part else None
        head = self.red_head(k, body_end) if k == body_start and not after_part and caption is None else None
        if head is not None:
            for j in range(k, head):
                roles[j] = "front"  # 山东省商务厅 / 山东省发展和改革委员会 / 鲁商字〔2025〕1号: the red head
                self._number(j, fields)
            k = head
        if caption is not None:
            # | 石城县2018年度…考核细则 |  |  |: a table whose first row, one merged cell, titles the file
            fields["title"] = caption
            roles[k] = "title"
            k += 1
        elif self.title_like(k) and (k == body_start or after_part or head is not None):
            s, e = self.bounds[k]
            fields["title"] = Field(self.text[s:e], s, e)
            if k + 1 < body_end and (self.rules.title_tail.match(self.line(k + 1)) or self.title_goes_on(k)
                                     or title_key(self.line(k) + self.line(k + 1)) in cited):
                # 民用爆炸物品行业发展规划 / （2016-2020年）: a title broken before its bracket;
                # 国务院关于印发国家环境保护 / “十一五”规划的通知: broken inside; a title the text before
                # cited, broken anywhere (广东省加快构建重点企业梯度培育体系 / 行动方案（2026—2030年）)
                ts, te = self.bounds[k + 1]
                fields["title"] = Field(self.text[s:e] + self.text[ts:te].strip(), s, te)
                roles[k + 1] = "title"
                k += 1
            while k + 1 < body_end and self.unclosed(fields["title"].text, self.line(k + 1)):
                # 广东省人民政府办公厅关于印发《广东省加快 / 构建…行动方案 / （2026—2030年）》的通知: a title
                # over three lines, its quoted title still open
                ts, te = self.bounds[k + 1]
                fields["title"] = Field(fields["title"].text + self.text[ts:te].strip(), fields["title"].start, te)
                roles[k + 1] = "title"
                k += 1
            for pattern in self.rules.interpretation:
                m = pattern.match(self.text[s:e])
                if m:
                    fields["interprets"] = Field(m["target"], s + m.start("target"), s + m.end("target"))
                    break
            roles[k] = "title"
            k += 1
            while k < body_end and title_key(self.line(k)) == title_key(self.text[s:e]):
                roles[k] = "title"  # the title written twice (a database's header and the document's)
                k += 1
        return k

    def _number(self, k: int, fields: dict) -> bool:
        """Read a document's number (发文字号) from line ``k`` into ``fields`` if it is one and none was read."""
        m = self.rules.number.match(self.line(k))
        if not m or "number" in fields:
            return False
        s = self.bounds[k][0]
        fields["number"] = Field(m["number"], s + m.start("number"), s + m.end("number"))
        return True

    def _front(self, k: int, roles: list[str], fields: dict, body_end: int) -> int:
        """Read a part's front matter from line ``k`` (发文字号, date, 主送, a byline); return the next line."""
        for _ in range(self.rules.front_max):
            if k >= body_end:
                break
            line = self.line(k)
            s, e = self.bounds[k]
            if self._number(k, fields):
                pass  # 发文字号, read
            elif self.rules.date_line.match(line) and "date" not in fields:
                fields["date"], fields["date_field"] = self.date_of(k)
            elif self.is_addressee(k) and "addressees" not in fields:
                fields["addressees"] = Field(line.rstrip(self.rules.addressee_end), s, e - 1)
            elif "title" in fields and "date" not in fields and self.is_signoff(k, body_end):
                # 国家统计局 / 2025年2月28日 under the title: a byline, not the end of the document
                fields["issuer"] = Field(line, s, e)
                fields["date"], fields["date_field"] = self.date_of(k + 1)
                roles[k] = "front"
                k += 1
            else:
                break
            roles[k] = "front"
            k += 1
        return k

    def _body(self, k: int, first: int, roles: list[str], fields: dict, body_end: int,
              cited: set[str]) -> tuple[int, bool]:
        """Read a part's body from line ``k`` to its sign-off, an annex or a document the text before cited;
        return the next line, and whether an annex follows."""
        annex_next = False
        while k < body_end:
            line = self.line(k)
            if self.is_signoff(k, body_end):
                s, e = self.bounds[k]
                top = k
                while (top - 1 > first and k - top + 1 < self.rules.signoff_lines and roles[top - 1] == "body"
                       and self.joint_signoff(top - 1)):
                    top -= 1  # 广东省发展改革委　广东省能源局 / 广东省工业和信息化厅… above the last issuer
                s = self.bounds[top][0]
                for j in range(top, k):
                    roles[j] = "signoff"
                fields["issuer"] = Field(self.text[s:e], s, e)
                fields["date"], fields["date_field"] = self.date_of(k + 1)
                roles[k] = roles[k + 1] = "signoff"
                k += 2
                if k < body_end and self.rules.release_note.match(self.line(k)):
                    roles[k] = "note"
                    k += 1
                break
            if (k > first and self.rules.date_line.match(line) and "date" not in fields
                    and (k + 1 >= body_end or self.title_like(k + 1, self.rules.part_title_max))):
                fields["date"], fields["date_field"] = self.date_of(k)  # a sign-off with its date only
                roles[k] = "signoff"
                k += 1
                break
            if self.rules.release_note.match(line):
                roles[k] = "note"
            elif self.rules.annex.match(line) and k > first:
                roles[k] = "annex"
                annex_next = True
                k += 1
                break
            elif (k > first and self.title_like(k, self.rules.part_title_max)
                  and title_key(line) in cited and roles[k - 1] != "title"):
                break  # a document the text before cited starts here
            elif line.startswith(self.rules.table_row):
                roles[k] = "table"
            k += 1
        return k, annex_next

    # -- sections ------------------------------------------------------------------
    def parse(self) -> Document:
        n_source, found = self.source_block()
        n_header, header = self.header_block()
        n_record, title, title_line = self.record_block(n_header)  # 标题：…, 发布时间：…: a crawler's record
        n_header += n_record
        self.record_title = (title, title_line) if title is not None else None
        for key, value in header.items():
            found.setdefault(key, value)
        body_end = len(self.bounds) - n_source
        parts, roles = self.split_parts(min(n_header, body_end), body_end)
        paragraphs: list[Paragraph] = []
        sections: list[dict] = []
        stack: list[dict] = []
        sentences: list[Sentence] = []
        part_index = 0
        part_end_of = {p.index: p.end for p in parts}
        for k, (s, e) in enumerate(self.bounds):
            while part_index + 1 < len(parts) and s >= parts[part_index + 1].start:
                for sec in stack:
                    sec["end"] = part_end_of[part_index]
                stack = []
                part_index += 1
            role = roles[k]
            if role == "body":
                head = self.heading_of(s, e) or self.sequel_of(s, e, sections, part_index)
                if head:
                    kind, rank, number, hstart = head
                    while stack and stack[-1]["rank"] >= rank:
                        stack.pop()["end"] = s
                    whole = kind not in self.rules.body_kinds and e - hstart <= self.rules.max_heading_length and not any(
                        ch in self.rules.enders for ch in self.text[hstart:e].rstrip("。")
                    )
                    hend = e if whole else self.first_sentence_end(hstart, e)
                    if kind in self.rules.body_kinds or (not whole and hend - hstart > self.rules.max_heading_length):
                        hend = hstart  # a numbered paragraph with no heading of its own
                    while hend > hstart and self.text[hend - 1] in "。.：:":
                        hend -= 1
                    while hstart < hend and self.text[hstart] in " 　":
                        hstart += 1
                    sec = dict(
                        index=len(sections), kind=kind, rank=rank, number=number,
                        parent=stack[-1]["index"] if stack else None, marker_start=s,
                        heading_start=hstart, heading_end=hend, start=s, end=None,
                        heading=self.text[hstart:hend], part=part_index,
                    )
                    sections.append(sec)
                    stack.append(sec)
                    if whole:
                        role = "heading"
            section = stack[-1]["index"] if stack and role in ("body", "heading", "table") else None
            paragraphs.append(Paragraph(k, s, e, role, section, part_index))
            if role != "source":
                for a, b in self.split_sentences(s, e):
                    sentences.append(Sentence(len(sentences), a, b, k, self.text[a:b]))
        for sec in stack:
            sec["end"] = part_end_of[part_index]
        section_objs = [Section(**sec) for sec in sections]
        enumerations = self.enumerations(paragraphs, section_objs)
        return Document(self.clean, Metadata(**found), parts, paragraphs, section_objs, sentences, enumerations)

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
            if (last and number == last[1] + 1 and last[0].section == p.section and last[0].part == p.part
                    and self._adjacent(last[0], p, paragraphs)):
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
