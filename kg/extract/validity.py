"""When a document holds, and how it links to the documents it cites.

- Entry into force: ``自2024年4月1日起施行`` (a date) or ``自印发之日起施行`` (the day of issue).
- Term: ``有效期5年``, ``暂定三年`` (years) or ``有效期至2026年12月31日``, ``执行至…`` (an end date).
- Links to a cited title: a cue right before a chain of titles (``根据《A》《B》和《C》``: based_on;
  ``为贯彻落实《…》``: implements; ``修改《…》``: amends) or right after it (``《…》同时废止``: repeals;
  ``对《…》作如下修改``: amends).

A clause in a notice that issues a document (关于印发《X》的通知) is about X. Cues and patterns are data,
in ``resources/validity.toml``.
"""

from __future__ import annotations

import datetime as _dt
import re

import cn2an

from kg.extract.base import Analysis
from kg.extract.records import Link, Validity
from kg.resources import compile_pattern, load_toml

_BREAKS = "。；！？\n：:"


class ValidityReader:
    requires = ("documents", "references")  # what earlier components must have found (kg/extract/pipeline.py)
    provides = ("links", "validity")

    def __init__(self) -> None:
        cfg = load_toml("validity.toml")
        links = cfg["links"]
        self.before = [(w, kind) for kind, key in (("based_on", "based_on_before"), ("implements", "implements_before"),
                                                   ("amends", "amends_before"), ("repeals", "repeals_before"))
                       for w in links[key]]
        self.after = [(w, kind) for kind, key in (("repeals", "repeals_after"), ("amends", "amends_after"))
                      for w in links[key]]
        self.joiners = sorted(links["joiners"], key=len, reverse=True)
        self.lead_reach, self.after_reach = int(links["lead_reach"]), int(links["after_reach"])
        self.filler = compile_pattern(links["filler"], "validity.toml filler")
        self.issuer_phrase = compile_pattern(links["issuer_phrase"], "validity.toml issuer_phrase")
        self.after_lead = compile_pattern(links["after_lead"], "validity.toml after_lead")
        self.number_after = compile_pattern(links["number_after"], "validity.toml number_after")
        v = cfg["validity"]
        # each clause of force: its pattern, its kind, its rule, and what it says (none read: no clause)
        self.clauses = [(compile_pattern(v[key], f"validity.toml {key}"), kind, rule, read) for key, kind, rule, read in (
            ("entry_date", "entry", "validity.entry-date", lambda m: {"date": _date(m)}),
            ("entry_issue", "entry", "validity.entry-issue", lambda m: {"relative": "issue"}),
            ("term_years", "term", "validity.term-years", lambda m: {"years": _number(m["n"])}),
            ("term_until", "term", "validity.term-until", lambda m: {"until": _date(m)}),
        )]

    def __call__(self, a: Analysis) -> None:
        self._links(a)
        self._validity(a)

    # -- which document a clause is about --------------------------------------------------------
    @staticmethod
    def _about(a: Analysis, pos: int) -> str | None:
        record = a.part_document(pos)
        if record is None:
            return None
        return record.issues[0] if record.issues else record.key

    # -- links ------------------------------------------------------------------------------------
    def _chains(self, a: Analysis) -> list[list[tuple[int, int, object]]]:
        """References by title (their 《…》 spans in the clean text), grouped into chains written one after
        another (《A》《B》和《C》)."""
        refs = [t for t in a.located("reference") if t[2].evidence.rule == "reference.title"]
        chains: list[list] = []
        for ref in refs:
            if chains and self._joined(a.text, self._end(a.text, chains[-1][-1][1]), ref[0]):
                chains[-1].append(ref)
            else:
                chains.append([ref])
        return chains

    def _end(self, text: str, end: int) -> int:
        """Where a reference ends: after its 》 and a document number in brackets after it."""
        m = self.number_after.match(text, end)  # the pattern bounds its own length
        return m.end() if m else end

    def _joined(self, text: str, start: int, end: int) -> bool:
        """Whether only joiners (、和及…), and perhaps the bodies that issued the next title (…印发的), stand
        between two titles."""
        between = text[start:end].strip()
        while between:
            word = next((j for j in self.joiners if between.startswith(j)), None)
            if word is None:
                return bool(self.issuer_phrase.match(between))
            between = between[len(word):].strip()
        return True

    def _links(self, a: Analysis) -> None:
        text = a.text
        for chain in self._chains(a):
            start, end = chain[0][0], self._end(text, chain[-1][1])
            kind, cue = self._after(text, end)
            if kind is None:
                kind, cue = self._lead(text, start)
            if kind is None:
                continue
            source = self._about(a, start)
            for _, _, ref in chain:
                if source is None or ref.document == source:
                    continue
                span = (min(start, cue[0]), max(end, cue[1]))
                a.found.links.append(Link(kind, source, ref.document, a.evidence(*span, f"link.{kind}")))

    def _after(self, text: str, end: int):
        after = text[end:end + self.after_reach]
        stripped = after.lstrip(" 　")
        lead = self.after_lead.match(stripped)  # 自本方案施行之日起同时废止
        if lead:
            stripped = stripped[lead.end():]
        offset = end + len(after) - len(stripped)
        for word, kind in self.after:
            if stripped.startswith(word):
                return kind, (offset, offset + len(word))
        return None, None

    def _lead(self, text: str, start: int):
        window_start = max(0, start - self.lead_reach)
        window_start += max(text[window_start:start].rfind(ch) for ch in _BREAKS) + 1  # after the last break
        window = text[window_start:start]
        found = []  # (where the cue ends, its length, where it starts, its kind)
        for word, kind in self.before:
            at = window.rfind(word)
            rest = window[at + len(word):]
            if at >= 0 and (self.filler.match(rest) or self.issuer_phrase.match(rest)):
                found.append((at + len(word), len(word), at, kind))  # the cue must reach the title
        if not found:
            return None, None
        end, _, at, kind = max(found, key=lambda f: f[:2])  # the cue nearest the title, the longer where two end together
        return kind, (window_start + at, window_start + end)

    # -- validity ---------------------------------------------------------------------------------
    def _validity(self, a: Analysis) -> None:
        text = a.text
        for pattern, kind, rule, read in self.clauses:
            for m in pattern.finditer(text):
                fields = read(m)
                if all(fields.values()) and (about := self._about(a, m.start())):
                    a.found.validity.append(Validity(kind, about, a.evidence(m.start(), m.end(), rule), **fields))
        a.found.validity.sort(key=lambda v: v.evidence.span.start)


def _date(m: re.Match) -> _dt.date | None:
    try:
        return _dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None  # 2月30日: no such day


def _number(written: str) -> int | None:
    if written.isdigit():
        return int(written)
    try:
        return int(cn2an.cn2an(written, "smart"))
    except (ValueError, KeyError):
        return None
