"""The documents read from the file, and the documents they cite.

Each part of the file (a notice, the plan it issues, an annex) is a
:class:`DocumentRecord` with its title, kind, period, number (发文字号),
date, addressees (主送) and issuer (落款). A notice issues the documents that
follow it; an annex belongs to the document before it; an interpretation
(解读) explains the document its title names.

Cited documents come from 《…》 titles, numbers and short titles declared
after them (（2019年第91号，以下简称91号公告）), later mentions of those short
titles with or without 《》, and well-known documents named without 《》.
Documents are keyed by their title, so the same document cited in one file
and read from another is one document.
"""

from __future__ import annotations

import re

from kg.extract.base import Analysis
from kg.extract.records import DocumentRecord, Reference
from kg.nlp.time import small_count, time_reader
from kg.resources import compile_pattern, load_toml
from kg.text.rules import bare_title, title_key

__all__ = ["DocumentReader", "title_key"]


class DocumentReader:
    """Reads document-level facts; build once, call per file."""
    requires = ()  # what earlier components must have found (kg/extract/pipeline.py)
    provides = ("documents", "references", "subjects")

    def __init__(self) -> None:
        cfg = load_toml("references.toml")
        self.title = compile_pattern(cfg["title"], "references.toml title")
        self.number = cfg["number"]
        self.after_title = compile_pattern(cfg["after_title"].replace("{number}", self.number), "references.toml after_title")
        self.unbracketed = [compile_pattern(p, "references.toml unbracketed") for p in cfg["unbracketed"]]
        self.kinds = sorted(cfg["kinds"], key=len, reverse=True)
        self.period = compile_pattern(cfg["period"], "references.toml period")
        self.year = compile_pattern(cfg["year"], "references.toml year")
        self.span_from = compile_pattern(load_toml("quantities.toml")["context"]["span_from"], "quantities.toml span_from")
        self.period_opening = int(cfg["period_opening"])
        self.period_frames = tuple(cfg["period_frames"])
        self.period_named = compile_pattern(cfg["period_named"], "references.toml period_named")
        structure = load_toml("structure.toml")
        self.sentence_end = re.compile("[" + re.escape("".join(structure["sentences"]["enders"])) + "]")
        self.interpretation_kind = structure["title"]["interpretation_kind"]
        self.annex_kind = cfg["annex_kind"]
        self.notice_kinds = tuple(cfg["notice_kinds"])
        self.plan_kinds = set(cfg["plan_kinds"])

    def kind_of(self, title: str) -> str | None:
        """Return the kind of document a title names (行动方案, 通知…), from how it ends."""
        bare = self.period.sub("", bare_title(title)).strip()
        for kind in self.kinds:
            if bare.endswith(kind):
                return kind
        return None

    def period_of(self, title: str) -> tuple[int | None, int | None]:
        m = self.period.search(title)
        if not m:
            years = {int(y["y"]) for y in self.year.finditer(title)}
            if len(years) == 1:
                return (years.pop(),) * 2  # 2022年政府工作报告
            plan = time_reader().plan_named(title) if self.kind_of(title) in self.plan_kinds else None
            return plan or (None, None)  # 某省“十四五”数字经济发展规划: 2021–2025
        a, b = int(m["a"]), int(m["b"])
        return (a, b) if a <= b else (None, None)

    def span_period(self, text: str, start: int, end: int) -> tuple[int | None, int | None]:
        """The period a plan states in its text: 2012年起5年内 is 2012–2016; 在“十四五”期间…特制定本实施方案
        is 2021–2025 (a five-year plan's period, in a sentence of its opening that frames the plan itself)."""
        m = self.span_from.search(text, start, end)
        n = small_count(m["n"]) if m else None
        if m and n:
            return int(m["y"]), int(m["y"]) + n - 1
        opening = text[start:min(end, start + self.period_opening)]
        for sentence in self.sentence_end.split(opening):
            if any(w in sentence for w in self.period_frames):
                m = self.period_named.search(sentence)
                plan = time_reader().plan_named(m.group(0)) if m else None
                if plan:
                    return plan
        return None, None

    def cited(self, key: str, title: str, **kw) -> DocumentRecord:
        start, end = self.period_of(title)
        return DocumentRecord(key=key, title=title, kind=self.kind_of(title), period_start=start, period_end=end, **kw)

    def __call__(self, a: Analysis) -> None:
        doc, text, found = a.doc, a.text, a.found
        by_key: dict[str, DocumentRecord] = {}
        order: list[str] = []

        def add(record: DocumentRecord) -> str:
            old = by_key.get(record.key)
            if old is None:
                by_key[record.key] = record
                order.append(record.key)
            else:  # fill what the first record did not know
                merged = {k: v for k, v in record.__dict__.items() if v not in (None, ()) and getattr(old, k) in (None, ())}
                if merged:
                    by_key[record.key] = DocumentRecord(**{**old.__dict__, **merged})
            return record.key

        # The documents read, one per part.
        read_keys = []
        for part in doc.parts:
            title = part.title.text if part.title else None
            key = title_key(title) if title else (found.doc_id if part.index == 0 else f"{found.doc_id}#{part.index + 1}")
            if part.interprets:
                kind = self.interpretation_kind
            else:
                kind = (self.kind_of(title) if title else None) or (self.annex_kind if part.annex else None)
            plain = title and not part.interprets and self.kind_of(title) not in self.notice_kinds
            p_start, p_end = self.period_of(title) if plain else (None, None)
            if plain and p_start is None:
                p_start, p_end = self.span_period(text, part.start, part.end)
            meta = doc.metadata if part.index == 0 else None
            add(DocumentRecord(
                key=key, title=title, kind=kind, number=part.number.text if part.number else None,
                period_start=p_start, period_end=p_end, date=part.date,
                published=(meta.published if meta else None) or (a.source_meta.get("published") if part.index == 0 else None),
                source_url=meta.source_url if meta else None, source_name=meta.source_name if meta else None,
                addressees=part.addressees.text if part.addressees else None,
                issuer=part.issuer.text if part.issuer else None, part=part.index,
                evidence=a.evidence(part.title.start, part.title.end, "document.title") if part.title else None,
            ))
            read_keys.append(key)
        subjects = {}
        for part, key in zip(doc.parts, read_keys):
            subjects[part.index] = key
            if part.interprets:
                ev = a.evidence(part.interprets.start, part.interprets.end, "document.interprets")
                target = add(self.cited(title_key(part.interprets.text), part.interprets.text, evidence=ev))
                by_key[key] = DocumentRecord(**{**by_key[key].__dict__, "interprets": target})
                subjects[part.index] = target
        main = None
        for part, key in zip(doc.parts, read_keys):
            if part.annex and main is not None:
                record = by_key[key]
                inherited = {} if record.period_start else {"period_start": by_key[main].period_start,
                                                               "period_end": by_key[main].period_end}
                by_key[key] = DocumentRecord(**{**record.__dict__, "annex_of": main, **inherited})
            elif by_key[key].kind in self.notice_kinds and part.index + 1 < len(doc.parts):
                issued = tuple(k for p2, k in zip(doc.parts[part.index + 1:], read_keys[part.index + 1:]) if not p2.annex)
                by_key[key] = DocumentRecord(**{**by_key[key].__dict__, "issues": issued})
                main = key
            else:
                main = key
        a.subjects = subjects

        # Cited documents: titles, with the number and short title after them.
        shorts: dict[str, str] = {}
        declared: set[int] = set()
        titles = list(self.title.finditer(text))
        for m in titles:
            after = self.after_title.match(text, m.end())
            if after and (after["number"] or after["short"]):
                key = add(self.cited(title_key(m["title"]), m["title"], number=after["number"],
                                     short_title=after["short"],
                                     evidence=a.evidence(m.start("title"), after.end(), "document.after-title")))
                if after["short"]:
                    shorts[after["short"]] = key
                    declared.update(range(after.start(), after.end()))
        for m in titles:
            if m.start() in declared:
                continue  # the 《简称》 inside （以下简称《…》）
            written = m["title"]
            key = shorts.get(written) or shorts.get(written.strip("《》"))
            if key is None:
                key = add(self.cited(title_key(written), written, evidence=a.evidence(m.start(), m.end(), "document.title")))
            self._reference(a, key, written, m.start("title"), m.end("title"), m.start(), m.end(), "reference.title")
        # Short titles declared without 《》 are mentioned without them too (91号公告).
        for short, key in shorts.items():
            for m in re.finditer(re.escape(short), text):
                inside = text.rfind("《", 0, m.start()) > text.rfind("》", 0, m.start())
                if not inside and m.start() not in declared:
                    self._reference(a, key, short, m.start(), m.end(), m.start(), m.end(), "reference.short-title")
        for pattern in self.unbracketed:
            for m in pattern.finditer(text):
                key = add(self.cited(title_key(m.group(0)), m.group(0),
                                     evidence=a.evidence(m.start(), m.end(), "document.unbracketed")))
                self._reference(a, key, m.group(0), m.start(), m.end(), m.start(), m.end(), "reference.unbracketed")
        found.documents = [by_key[k] for k in order]

    @staticmethod
    def _reference(a: Analysis, key: str, written: str, start: int, end: int, outer_start: int, outer_end: int,
                   rule: str) -> None:
        ref = Reference(key, written, a.evidence(start, end, rule))
        a.found.references.append(ref)
        a.locate("reference", outer_start, outer_end, ref)
