"""The document read, and the documents it refers to.

Gives the source :class:`DocumentRecord` (title, kind, period, date, source
URL, the document it interprets), one record per referenced document
(《…》 titles, short titles declared with 以下简称, well-known documents named
without 《》), and a :class:`Reference` for every mention.
"""

from __future__ import annotations

import re

from kg.extract.base import Analysis
from kg.extract.records import DocumentRecord, Reference
from kg.resources import compile_pattern, load_toml


def title_key(title: str) -> str:
    """Return the key under which a title is matched: no spaces or quote marks."""
    return re.sub(r"[\s《》“”\"']", "", title)


class DocumentReader:
    """Reads document-level facts; build once, call per document."""

    def __init__(self) -> None:
        cfg = load_toml("references.toml")
        self.title = compile_pattern(cfg["title"], "references.toml title")
        self.short_title = compile_pattern(cfg["short_title"], "references.toml short_title")
        self.unbracketed = [compile_pattern(p, "references.toml unbracketed") for p in cfg["unbracketed"]]
        self.kinds = sorted(cfg["kinds"], key=len, reverse=True)
        self.period = compile_pattern(cfg["period"], "references.toml period")
        self.interpretation_kind = load_toml("structure.toml")["title"]["interpretation_kind"]

    def kind_of(self, title: str) -> str | None:
        """Return the kind of document a title names (行动方案, 通知…), from how it ends."""
        bare = re.sub(r"[（(][^（）()]*[）)]$", "", title.strip()).strip()
        bare = self.period.sub("", bare).strip()
        for kind in self.kinds:
            if bare.endswith(kind):
                return kind
        return None

    def period_of(self, title: str) -> tuple[int | None, int | None]:
        m = self.period.search(title)
        if not m:
            return None, None
        a, b = int(m["a"]), int(m["b"])
        return (a, b) if a <= b else (None, None)

    def _record(self, key: str, title: str, **kw) -> DocumentRecord:
        start, end = self.period_of(title)
        return DocumentRecord(key=key, title=title, kind=self.kind_of(title), period_start=start, period_end=end, **kw)

    def __call__(self, a: Analysis) -> None:
        meta, text, found = a.doc.metadata, a.text, a.found
        by_key: dict[str, DocumentRecord] = {}
        shorts: dict[str, str] = {}
        order: list[str] = []

        def add(record: DocumentRecord) -> str:
            if record.key not in by_key:
                by_key[record.key] = record
                order.append(record.key)
            elif record.short_title and not by_key[record.key].short_title:
                by_key[record.key] = DocumentRecord(**{**by_key[record.key].__dict__, "short_title": record.short_title})
            return record.key

        interprets = None
        if meta.interprets:
            start = meta.interprets_start
            ev = a.evidence(start, start + len(meta.interprets), "document.interprets")
            interprets = add(self._record(title_key(meta.interprets), meta.interprets, evidence=ev))
        # Declared short titles first, so that any mention of one resolves.
        titles = list(self.title.finditer(text))
        declared: set[int] = set()
        for m in titles:
            m_short = self.short_title.match(text, m.end())
            if m_short:
                key = add(self._record(title_key(m["title"]), m["title"], short_title=m_short["short"],
                                       evidence=a.evidence(m.start(), m_short.end(), "document.short-title")))
                shorts[title_key(m_short["short"])] = key
                declared.update(range(m_short.start(), m_short.end()))
        for m in titles:
            if m.start() in declared:
                continue  # the 《简称》 inside （以下简称《…》）
            written = m["title"]
            key = shorts.get(title_key(written))
            if key is None:
                key = add(self._record(title_key(written), written,
                                       evidence=a.evidence(m.start(), m.end(), "document.title")))
            ref = Reference(key, written, a.evidence(m.start("title"), m.end("title"), "reference.title"))
            found.references.append(ref)
            a.locate("reference", m.start(), m.end(), ref)
        for pattern in self.unbracketed:
            for m in pattern.finditer(text):
                key = add(self._record(title_key(m.group(0)), m.group(0),
                                       evidence=a.evidence(m.start(), m.end(), "document.unbracketed")))
                ref = Reference(key, m.group(0), a.evidence(m.start(), m.end(), "reference.unbracketed"))
                found.references.append(ref)
                a.locate("reference", m.start(), m.end(), ref)
        kind = self.interpretation_kind if meta.interprets else (self.kind_of(meta.title) if meta.title else None)
        title_ev = a.evidence(meta.title_start, meta.title_end, "document.title") if meta.title else None
        p_start, p_end = self.period_of(meta.title) if meta.title and not meta.interprets else (None, None)
        source = DocumentRecord(
            key=found.doc_id, title=meta.title, kind=kind, period_start=p_start, period_end=p_end,
            published=meta.published, source_url=meta.source_url, source_name=meta.source_name,
            interprets=interprets, is_source=True, evidence=title_ev,
        )
        found.document = source
        found.subject = interprets or source.key
        found.documents = [source] + [by_key[k] for k in order if k != source.key]
