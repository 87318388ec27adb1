"""Measure what the rules find in the corpus against what a reader found.

The expectations are ``tests/expectations/corpus/*.yaml``, written by reading
each document. For each document and category (documents, targets,
baselines, assignments, agencies, cited, drafted, issued) this counts true positives,
false positives and false negatives. Run it to print precision and recall::

    .venv/bin/python tests/evaluation.py
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SETS = {
    "corpus": (HERE / "data" / "corpus", HERE / "expectations" / "corpus"),
    "holdout": (HERE / "data" / "holdout", HERE / "expectations" / "holdout"),
}


@dataclass
class Score:
    tp: list = field(default_factory=list)
    fp: list = field(default_factory=list)
    fn: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = len(self.tp) + len(self.fp)
        return len(self.tp) / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = len(self.tp) + len(self.fn)
        return len(self.tp) / wanted if wanted else 1.0


def documents(which: str = "corpus") -> list[str]:
    return sorted(p.stem for p in SETS[which][1].glob("*.yaml"))


def _set_of(name: str) -> str:
    return next(k for k, (_, exp) in SETS.items() if (exp / f"{name}.yaml").exists())


def expected(name: str) -> dict:
    return yaml.safe_load((SETS[_set_of(name)][1] / f"{name}.yaml").read_text(encoding="utf-8"))


class _Run:
    """One document read by policy-kg, with what is needed to look into it."""

    def __init__(self, name: str) -> None:
        from kg import api
        from kg.text.normalize import normalize
        from kg.text.read import read_source
        from kg.text.structure import parse

        path = SETS[_set_of(name)][0] / f"{name}.txt"
        self.ex = api.extract(path)
        self.doc = parse(normalize(read_source(path).text))
        self.labels = self._labels()

    def _labels(self) -> dict:
        ex = self.ex
        labels = {("document", d.key): d.title or d.key for d in ex.documents}
        labels.update({("task", (t.document, t.order)): t.label for t in ex.tasks})
        labels.update({("measure", (m.document, m.task, m.order)): m.label for m in ex.measures})
        labels.update({("guarantee", (g.document, g.order)): g.label for g in ex.guarantees})
        return labels

    def subject_label(self, subject) -> str:
        """The label of a responsibility's subject, and of the task a measure belongs to."""
        label = self.labels.get((subject.kind, subject.key), "")
        if subject.kind == "measure":
            label += " / " + self.labels.get(("task", subject.key[:2]), "")
        return label

    def spans(self, section: dict) -> list[tuple[int, int]]:
        """Original-file spans of the section an expectation covers."""
        if section.get("part", 0) >= len(self.doc.parts):
            return []  # the document was not split as a reader splits it: nothing is found there
        part = self.doc.parts[section.get("part", 0)]
        headings = section.get("headings") or ([section["heading"]] if "heading" in section else [])
        if not headings:
            clean = [(part.start, part.end)]
        else:
            clean = []
            for heading in headings:
                sec = next((s for s in self.doc.sections if s.part == part.index and s.heading == heading), None)
                if sec is not None:
                    clean.append((sec.start, sec.end))
        if "paragraph_starts" in section:
            prefix = section["paragraph_starts"]
            clean = [(p.start, p.end) for p in self.doc.paragraphs
                     if any(s <= p.start < e for s, e in clean) and self.doc.text.startswith(prefix, p.start)]
        return [(self.doc.span(s, e).start, self.doc.span(s, e).end) for s, e in clean]

    @staticmethod
    def inside(ev, spans) -> bool:
        return any(s <= ev.span.start and ev.span.end <= e for s, e in spans)


def _figure_matches(item: dict, f, kind: str) -> bool:
    if "indicator" in item and f.indicator != item["indicator"]:
        return False
    if "indicator_contains" in item and item["indicator_contains"] not in f.indicator:
        return False
    checks = {
        "comparator": f.comparator.value, "value": str(f.value), "unit": f.unit or "",
        "value_max": str(f.value_max) if f.value_max is not None else "",
        "period": f.period.value if f.period else "", "scope": f.scope_written or "",
    }
    if kind == "targets":
        checks["deadline"] = str(f.deadline) if f.deadline else ""
    else:
        checks["year"] = str(f.year) if f.year else ""
    return all(str(item[k]) == v for k, v in checks.items() if k in item)


def _match(wanted: list, found: list, same) -> Score:
    score = Score()
    left = list(found)
    for item in wanted:
        hit = next((f for f in left if same(item, f)), None)
        if hit is None:
            score.fn.append(item)
        else:
            left.remove(hit)
            score.tp.append(item)
    score.fp.extend(left)
    return score


def evaluate(name: str) -> dict[str, Score]:
    """Score every category of one corpus document."""
    from kg.text.structure import title_key

    exp = expected(name)
    run = _Run(name)
    ex = run.ex
    scores: dict[str, Score] = {}

    # Documents read: each expected field of each document.
    docs = Score()
    read = {title_key(d.title or ""): d for d in ex.read}
    titles = {d.key: d.title for d in ex.documents}
    drafted = {}
    for r in ex.responsibilities:
        if r.role.value == "issued" and r.subject.kind == "document" and r.evidence.rule == "responsibility.issuer":
            drafted.setdefault(r.subject.key, set()).add(r.agency)
    for want in exp["documents"]:
        d = read.get(title_key(want["title"]))
        if d is None:
            docs.fn.append(want["title"])
            continue
        docs.tp.append(want["title"])
        got = {
            "kind": d.kind, "number": d.number, "addressees": d.addressees,
            "date": d.date.isoformat() if d.date else None,
            "period_start": d.period_start, "period_end": d.period_end,
            "interprets": title_key(titles[d.interprets]) if d.interprets else None,
            "issues": [title_key(titles[k]) for k in d.issues] or None,
            "annex_of": title_key(titles[d.annex_of]) if d.annex_of else None,
            "issuers": sorted(drafted.get(d.key, ())) or None,
        }
        for key, value in got.items():
            wanted = want.get(key)
            if key == "issuers" and wanted:
                wanted = sorted(wanted)
            if key in ("interprets", "annex_of") and wanted:
                wanted = title_key(wanted)
            if key == "issues" and wanted:
                wanted = [title_key(t) for t in wanted]
            if wanted is None and value is None:
                continue
            if wanted is not None and str(wanted) == str(value):
                docs.tp.append((want["title"][:12], key))
            else:
                if wanted is not None:
                    docs.fn.append((want["title"][:12], key, wanted))
                if value is not None:
                    docs.fp.append((want["title"][:12], key, value))
    docs.fp.extend(t for t in read if t not in {title_key(w["title"]) for w in exp["documents"]})
    scores["documents"] = docs

    for kind in ("targets", "baselines"):
        if kind not in exp:
            continue
        spans = run.spans(exp[kind]["section"])
        found = [f for f in getattr(ex, kind) if run.inside(f.evidence, spans)]
        scores[kind] = _match(exp[kind]["items"], found, lambda item, f, kind=kind: _figure_matches(item, f, kind))

    # These expectations list specific bodies; generic actors (有关部门) are scored by tests/agency_eval.py.
    generic = {a.canonical for a in ex.agencies if a.type.value == "GenericActor"}
    if "assignments" in exp:
        spans = run.spans(exp["assignments"]["section"])
        found = [r for r in ex.responsibilities
                 if r.role.value in ("lead", "support") and run.inside(r.evidence, spans) and r.agency not in generic]
        scores["assignments"] = _match(
            exp["assignments"]["items"], found,
            lambda item, r: (r.agency == item["agency"] and r.role.value == item["role"]
                             and item["subject"] in run.subject_label(r.subject)))

    agencies = Score()
    got = {a.canonical for a in ex.agencies if a.canonical not in generic}
    for name_ in exp["agencies"]:
        (agencies.tp if name_ in got else agencies.fn).append(name_)
    missed = [m["name"] for m in exp.get("missed", {}).get("agencies", [])]
    agencies.fn.extend(m for m in missed if m not in got)
    agencies.tp.extend(m for m in missed if m in got)
    agencies.fp.extend(sorted(got - set(exp["agencies"]) - set(missed)))
    scores["agencies"] = agencies

    if "cited" in exp:
        cited = Score()
        by_key = {d.key: d for d in ex.documents if not d.is_source}
        for want in exp["cited"]:
            d = by_key.get(title_key(want["title"]))
            for key in ("title", "number", "short_title", "kind"):
                if key not in want:
                    continue
                value = getattr(d, key) if d else None
                if key == "title":
                    ok = d is not None
                else:
                    ok = value == want[key]
                (cited.tp if ok else cited.fn).append((want["title"][:12], key))
        scores["cited"] = cited

    for role in ("drafted", "issued"):
        if role not in exp:
            continue
        found = {(r.agency, title_key(titles.get(r.subject.key, "")))
                 for r in ex.responsibilities if r.role.value == role and r.subject.kind == "document"}
        wanted = {(w["agency"], title_key(w["document"])) for w in exp[role]}
        scores[role] = Score(tp=sorted(found & wanted), fp=sorted(found - wanted), fn=sorted(wanted - found))
    return scores


def report(which: str = "corpus") -> str:
    """A table of precision and recall per document and category."""
    lines = [f"{'document':<48} {'category':<12} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6}"]
    totals: dict[str, Score] = {}
    for name in documents(which):
        for cat, s in evaluate(name).items():
            lines.append(f"{name[:48]:<48} {cat:<12} {len(s.tp):>4} {len(s.fp):>4} {len(s.fn):>4} "
                         f"{s.precision:>6.2f} {s.recall:>6.2f}")
            t = totals.setdefault(cat, Score())
            t.tp += s.tp
            t.fp += s.fp
            t.fn += s.fn
    for cat, s in totals.items():
        lines.append(f"{'ALL':<48} {cat:<12} {len(s.tp):>4} {len(s.fp):>4} {len(s.fn):>4} "
                     f"{s.precision:>6.2f} {s.recall:>6.2f}")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    if len(sys.argv) > 1 and sys.argv[1] in SETS:
        print(report(sys.argv[1]))
    elif len(sys.argv) > 1:
        for cat, s in evaluate(sys.argv[1]).items():
            print(f"== {cat}: P {s.precision:.2f} R {s.recall:.2f}")
            for label, items in (("missed", s.fn), ("extra", s.fp)):
                for item in items:
                    print(f"   {label}: {item}")
    else:
        print(report())
