"""Score the reading of validity and links between documents against the keys of
tests/expectations/validity (written by reading, before any rule existed).

    python tests/validity_eval.py dev [-v]

Links are compared as (kind, title of the document linked to), titles without 《》, spaces or a
bracketed number; entry into force as its date or "issue"; a term as its years or end date. A file's
findings are those about any document read from it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KEYS = HERE / "expectations" / "validity"


def norm(title: str | None) -> str:
    title = re.sub(r"\s+", "", str(title or "")).strip("《》")
    return re.sub(r"[（(][^（）()]*号[）)]$", "", title)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, wanted: set, found: set, name: str) -> None:
        self.tp += len(wanted & found)
        self.fp += len(found - wanted)
        self.fn += len(wanted - found)
        self.misses += [f"{name}: missed {w}" for w in sorted(wanted - found)]
        self.misses += [f"{name}: extra {f}" for f in sorted(found - wanted)]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def wanted(key: dict) -> tuple[set, set, set]:
    links = {(r["kind"], norm(r["target"])) for r in key.get("relations") or []}
    entry = set()
    if e := key.get("entry_into_force"):
        entry.add(str(e["date"]) if e.get("date") else str(e.get("relative")))
    term = set()
    if v := key.get("validity"):
        if v.get("years"):
            term.add(f"{v['years']} years")
        if v.get("until"):
            term.add(str(v["until"]))
    return links, entry, term


def found(path: Path) -> tuple[set, set, set]:
    from kg import api

    ex = api.extract(path)
    titles = {d.key: d.title or d.key for d in ex.documents}
    links = {(link.kind, norm(titles.get(link.target))) for link in ex.links}
    entry = {str(v.date) if v.date else str(v.relative) for v in ex.validity if v.kind == "entry"}
    term = {f"{v.years} years" if v.years else str(v.until) for v in ex.validity if v.kind == "term"}
    return links, entry, term


def evaluate(part: str) -> dict[str, Score]:
    scores = {"links": Score(), "entry": Score(), "term": Score()}
    for key_path in sorted((KEYS / part).glob("*.yaml")):
        key = yaml.safe_load(key_path.read_text(encoding="utf-8"))
        for (name, score), w, f in zip(scores.items(), wanted(key), found(ROOT / key["file"])):
            score.add(w, f, f"{key_path.stem[:40]} {name}")
    return scores


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("dev", "sealed"):
        print("usage: python tests/validity_eval.py dev|sealed [-v]", file=sys.stderr)
        return 2
    scores = evaluate(argv[0])
    print(f"== {argv[0]}: {len(list((KEYS / argv[0]).glob('*.yaml')))} documents")
    for name, s in scores.items():
        print(f"{name:6} tp {s.tp:3} fp {s.fp:3} fn {s.fn:3}  P {s.precision:.2f}  R {s.recall:.2f}")
    if "-v" in argv:
        for s in scores.values():
            print("\n".join(s.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
