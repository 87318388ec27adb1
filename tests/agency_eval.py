"""Score the agencies and the lead/support assignments policy-kg finds against what a reader annotated.

The answer keys are ``tests/expectations/agencies/<part>/*.yaml``, written by
reading each document before policy-kg was run on it (the guide:
``tests/expectations/agencies/GUIDE.md``); the documents are those of the
quantity evaluation (``tests/data/quantities/``), named by each key's ``file``.
The parts are ``dev`` (looked at freely) and ``sealed`` (scored once, at the end
of an issue, never tuned against).

- **bodies**: a mention found is right if its place overlaps a mention of one
  specific body in the key (one to one); precision over all mentions found,
  recall over the key's body mentions. A body found where the key has a
  generic actor (国务院相关部门 read as 国务院) counts against precision.
- **canonical**: of the body mentions found, the share whose canonical name is
  the key's (a central body by any of its official names: 中华人民共和国国务院 is 国务院).
- **generic**: the key's generic actors (有关部门, 各地区) found as generic
  (recall; and precision over the generic actors found).
- **pairs**: a lead or support assignment is right if the agency (canonical),
  the role and the item agree; the item of a pair found is the one of the key's
  items (from its ``task`` snippet to the next item's) its evidence ends in, or an
  item of the same paragraph that encloses that one and has the pair in the key.

    .venv/bin/python tests/agency_eval.py dev [--doc NAME] [--verbose]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from quantity_eval import RoleScore, Squeezed, part_bounds, run, score_keys, share  # noqa: E402

KEYS = HERE / "expectations" / "agencies"
DATA = HERE / "data"
PARTS = ("dev", "sealed")
ROLES = ("lead", "support")
_SAME = str.maketrans({"(": "（", ")": "）", "\u201c": "“", "\u201d": "”", '"': "“", " ": None})


def norm(name: str) -> str:
    """A canonical name compared as one body's: brackets and quotes of either width; for a central
    body, any of its official names (中华人民共和国国务院 is 国务院; the roster lists them); for a local
    Party committee, its full name or the form the Party writes (中国共产党广州市委员会 is 中共广州市委); for a
    generic actor, with or without its 各."""
    name = str(name or "").translate(_SAME)
    name = _PARTY.sub(r"中共\g<place>委", name, count=1)
    if name.startswith("各") and len(name) > 2:
        name = name[1:]  # a generic actor with or without its 各 (各片区开发管理局, 片区开发管理局): no body opens so
    return _official().get(name, name)


_PARTY = re.compile(r"^(?:中国共产党|中共)(?P<place>\S+?[省市区县州旗盟])委员会")


@lru_cache(maxsize=1)
def _official() -> dict[str, str]:
    """The official names of central bodies (those opening with 国家, 中华…), to the roster's name."""
    from kg.extract.roster import roster

    r = roster()
    return {form.translate(_SAME): name for form, name in r.everywhere().items() if form.startswith(r.openings)}


def documents(part: str) -> list[Path]:
    return sorted((KEYS / part).glob("*.yaml"))


def document_file(key: dict) -> Path:
    hits = sorted(DATA.rglob(key["file"]))
    if not hits:
        raise FileNotFoundError(f"no document {key['file']} under {DATA}")
    return hits[0]


@dataclass
class Mention:
    item: dict
    span: tuple[int, int] | None
    problem: str = ""

    @property
    def generic(self) -> bool:
        return self.item.get("kind") == "generic"


def locate(item: dict, sq: Squeezed) -> Mention:
    at, written = "".join(str(item.get("at", "")).split()), "".join(str(item.get("written", "")).split())
    hits = sq.find_all(at)
    if not hits:
        return Mention(item, None, f"`at` not found: {at[:30]}")
    pos = -1
    for _ in range(int(item.get("nth", 1))):
        pos = at.find(written, pos + 1)
        if pos < 0:
            return Mention(item, None, f"`written` not in `at`: {written}")
    return Mention(item, sq.span(hits[0] + pos, len(written)), "" if len(hits) == 1 else f"`at` found {len(hits)} times")


@dataclass
class DocScore:
    name: str
    wanted: list[Mention] = field(default_factory=list)
    matched: list[tuple[Mention, object]] = field(default_factory=list)
    extra: list = field(default_factory=list)
    missed: list[Mention] = field(default_factory=list)
    pairs_wanted: set = field(default_factory=set)
    pairs_found: set = field(default_factory=set)
    error: str = ""


def _generic(agency) -> bool:
    return agency.type.value == "GenericActor"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def score_document(key_path: Path) -> DocScore:
    from kg import api
    from kg.text.read import read_source

    key = yaml.safe_load(key_path.read_text(encoding="utf-8"))
    result = DocScore(key_path.stem)
    try:
        path = document_file(key)
        text = read_source(path).text
        ex = api.extract(path)
    except Exception as exc:  # a document the tool cannot read scores nothing
        result.error = f"{type(exc).__name__}: {exc}"
        return result
    sq = Squeezed(text)
    lo, hi = part_bounds(key, sq)
    result.wanted = [locate(item, sq) for item in key.get("agencies") or []]
    found = [a for a in ex.agencies if lo <= a.evidence.span.start < hi]
    left = list(found)
    for w in result.wanted:
        options = [a for a in left if w.span and _overlap(w.span, (a.evidence.span.start, a.evidence.span.end)) > 0]
        if not options:
            result.missed.append(w)
            continue
        best = max(options, key=lambda a: _overlap(w.span, (a.evidence.span.start, a.evidence.span.end)))
        left.remove(best)
        result.matched.append((w, best))
    result.extra = left
    # the items of the key, in text order: from each task's snippet to the next one's
    starts = {}
    for pair in key.get("assignments") or []:
        hits = sq.find_all(str(pair.get("task", "")))
        if hits:
            starts.setdefault(sq.offsets[hits[0]], str(pair["task"]))
    bounds = sorted(starts)

    for pair in key.get("assignments") or []:
        if pair.get("role") in ROLES:
            result.pairs_wanted.add((str(pair["task"]), norm(pair["agency"]), pair["role"]))

    def item_of(pos: int, agency: str, role: str) -> str | None:
        """The key's item a pair found at ``pos`` belongs to: the last to start before it; or, where a
        key nests an item inside another of the same paragraph (（一）强化财政资金支持。省有关部门争取…
        （省发展改革委…按职责分工落实）), the enclosing one if the key gives it this pair."""
        before = [b for b in bounds if b <= pos]
        if not before:
            return None
        for b in reversed(before):
            if b != before[-1] and "\n" in text[b:pos]:
                break
            if (starts[b], agency, role) in result.pairs_wanted:
                return starts[b]
        return starts[before[-1]]

    for r in ex.responsibilities:
        if r.role.value in ROLES and lo <= r.evidence.span.start < hi:
            agency = norm(r.agency)
            # where the evidence runs: its last character (统计部门…等配合节能主管部门: a key may anchor the
            # item at 配合, inside the subject's evidence)
            item = item_of(max(r.evidence.span.start, r.evidence.span.end - 1), agency, r.role.value)
            if item is not None:
                result.pairs_found.add((item, agency, r.role.value))
    return result


@dataclass
class Summary:
    body_wanted: int = 0
    body_found: int = 0  # mentions found as one body, right or not
    body_right: int = 0  # of those, at a body mention of the key
    canonical_right: int = 0
    generic_wanted: int = 0
    generic_found: int = 0
    generic_right: int = 0
    pairs: RoleScore = field(default_factory=RoleScore)  # lead/support pairs

    def add(self, d: DocScore) -> None:
        self.body_wanted += sum(1 for w in d.wanted if not w.generic)
        self.generic_wanted += sum(1 for w in d.wanted if w.generic)
        found = [a for _, a in d.matched] + list(d.extra)
        self.body_found += sum(1 for a in found if not _generic(a))
        self.generic_found += sum(1 for a in found if _generic(a))
        for w, a in d.matched:
            if w.generic and _generic(a):
                self.generic_right += 1
            elif not w.generic and not _generic(a):
                self.body_right += 1
                self.canonical_right += norm(a.canonical) == norm(w.item.get("canonical"))
        self.pairs.tp += len(d.pairs_wanted & d.pairs_found)
        self.pairs.fp += len(d.pairs_found - d.pairs_wanted)
        self.pairs.fn += len(d.pairs_wanted - d.pairs_found)

    @property
    def precision(self) -> float:
        return share(self.body_right, self.body_found)

    @property
    def recall(self) -> float:
        return share(self.body_right, self.body_wanted)

    @property
    def canonical(self) -> float:
        return share(self.canonical_right, self.body_right)

    @property
    def generic(self) -> float:
        return share(self.generic_right, self.generic_wanted)

    @property
    def generic_precision(self) -> float:
        return share(self.generic_right, self.generic_found)



def evaluate(part: str, only: str | None = None) -> tuple[Summary, list[tuple[DocScore, Summary]]]:
    return score_keys(documents(part), only, score_document, Summary)


def _row(name: str, s: Summary, extra: str = "") -> str:
    return (f"{name[:50]:<50} {s.body_wanted:>5} {s.precision:>5.2f} {s.recall:>5.2f} {s.canonical:>5.2f} "
            f"{s.generic_precision:>5.2f} {s.generic:>5.2f} {s.pairs.precision:>5.2f} {s.pairs.recall:>5.2f} {s.pairs.f1:>5.2f}{extra}")


def table(part: str, total: Summary, per_doc: list[tuple[DocScore, Summary]]) -> str:
    head = f"{'document':<50} {'bodies':>5} {'P':>5} {'R':>5} {'canon':>5} {'gen.P':>5} {'gen.R':>5} {'pr.P':>5} {'pr.R':>5} {'pr.F1':>5}"
    lines = [f"== {part}: {len(per_doc)} documents, {total.body_wanted} body mentions, "
             f"{total.generic_wanted} generic, {total.pairs.tp + total.pairs.fn} lead/support pairs", head]
    lines += [_row(d.name, s, f"  ERROR {d.error}" if d.error else "") for d, s in per_doc]
    lines.append(_row("all", total))
    return "\n".join(lines)


def details(d: DocScore) -> str:
    out = [f"-- {d.name}"]
    out += [f"   KEY PROBLEM: {w.problem}" for w in d.wanted if w.problem]
    for w, a in d.matched:
        if w.generic and not _generic(a):
            out.append(f"   GENERIC read as body: {a.name} -> {a.canonical} (key: {w.item.get('written')})")
        elif not w.generic and _generic(a):
            out.append(f"   BODY read as generic: {a.name} (key: {w.item.get('canonical')})")
        elif not w.generic and norm(a.canonical) != norm(w.item.get("canonical")):
            out.append(f"   CANONICAL {a.name} -> {a.canonical} (key: {w.item.get('canonical')})")
    out += [f"   MISSED {'generic' if w.generic else 'body'} {w.item.get('written')} ({w.item.get('canonical')})"
            for w in d.missed]
    out += [f"   EXTRA {a.name} -> {a.canonical} [{a.evidence.rule}]" for a in d.extra]
    out += [f"   PAIR MISSED {p[2]} {p[1]} @ {p[0][:30]}" for p in sorted(d.pairs_wanted - d.pairs_found)]
    out += [f"   PAIR EXTRA {p[2]} {p[1]} @ {p[0][:30]}" for p in sorted(d.pairs_found - d.pairs_wanted)]
    return "\n".join(out)


def gaps(dev: Summary, sealed: Summary) -> list[tuple[str, float, float]]:
    return [("agency precision", dev.precision, sealed.precision),
            ("agency recall", dev.recall, sealed.recall),
            ("canonical right", dev.canonical, sealed.canonical),
            ("lead/support pair F1", dev.pairs.f1, sealed.pairs.f1)]


def main(argv: list[str] | None = None) -> int:
    return run(argv, __doc__.split("\n\n")[0], evaluate, table, details, gaps, "every miss, extra and wrong name")


if __name__ == "__main__":
    sys.exit(main())
