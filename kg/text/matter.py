"""The lines a site, a database or a crawler puts around a document's text: a header above it (【法宝引证码】,
a breadcrumb, 原文链接：…), a crawler's record of it (标题：…, 发布时间：…, ==== 正文 ====) and source notes after it
(来源：…, a URL, a date). A mixin of the structure parser (:mod:`kg.text.structure`), which holds the lines
(``bounds``, ``text``) and the rules (``rules``)."""

from __future__ import annotations

from kg.text.document import Field
from kg.text.rules import written_date


class FileMatter:
    """What the parser reads of the lines around a document's text."""

    def header_block(self) -> tuple[int, dict]:
        """Return how many leading paragraphs are a database's header lines, and what they say."""
        found: dict = {}
        count = 0
        for s, e in self.bounds:
            line = self.text[s:e]
            prefix = self._source_prefix(line)
            if self.rules.header.match(line):
                pass
            elif prefix is not None:
                m = self.rules.url.search(line)
                if m:
                    found.setdefault("source_url", m.group(0))
            else:
                break
            count += 1
        return count, found

    def _source_prefix(self, line: str) -> str | None:
        """The source prefix a line opens with before its colon (来源：, 原文链接:), if any."""
        prefix = next((p for p in self.rules.source_prefixes if line.startswith(p)), None)
        return prefix if prefix is not None and line[len(prefix):len(prefix) + 1] in ("：", ":") else None

    def record_block(self, start: int) -> tuple[int, Field | None, int]:
        """Return how many paragraphs from ``start`` are a crawler's record of the text (标题：…, 发布时间：…,
        ==== 正文 ====; two fields at least), and its title's field and line. Its publishing time is left: a
        record's can come a year after the text (a 2022 summary published in December 2023)."""
        fields = self.rules.record_fields
        title, title_line, count, seen = None, -1, 0, 0
        for k in range(start, len(self.bounds)):
            s, e = self.bounds[k]
            line = self.text[s:e]
            m = self.rules.record_line.match(line)
            if m is None and not self.rules.record_furniture.match(line.strip()):
                break
            if m is not None:
                seen += 1
                value = line[m.end():].strip()
                if fields[m["field"]] == "title" and value and title is None:
                    v = s + line.rindex(value)
                    title, title_line = Field(value, v, v + len(value)), k
            count = k - start + 1
        return (count, title, title_line) if seen >= 2 else (0, None, -1)

    def source_block(self) -> tuple[int, dict]:
        """Return how many trailing paragraphs are source notes, and what they say."""
        found: dict = {}
        count = 0
        for s, e in reversed(self.bounds[1:]):
            line = self.text[s:e]
            url = self.rules.url.fullmatch(line.strip())
            prefix = self._source_prefix(line)
            if url:
                found.setdefault("source_url", url.group(0))
            elif prefix is not None:
                rest = line[len(prefix) + 1:].strip()
                m_url = self.rules.url.search(rest)
                if m_url:
                    found.setdefault("source_url", m_url.group(0))
                    rest = (rest[: m_url.start()] + rest[m_url.end():]).strip()
                m_date = self.rules.date.search(rest)
                if m_date:
                    published = written_date(m_date["y"], m_date["m"], m_date["d"])
                    if published is not None:
                        found["published"] = published
                    rest = rest[: m_date.start()] + self.rules.date_suffix.sub("", rest[m_date.end():])
                if rest.strip():
                    found["source_name"] = rest.strip()
            else:
                break
            count += 1
        return count, found
