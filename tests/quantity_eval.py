"""Score the quantities policy-kg finds against what a reader annotated.

The answer key is ``tests/expectations/quantities/<part>/*.yaml``, written by
reading each document of ``tests/data/quantities/<part>/`` before policy-kg
was run on it (the guide: ``tests/expectations/quantities/GUIDE.md``). The
parts are ``dev`` (looked at freely while the rules are written) and
``sealed`` (scored once, at the end of an issue, never tuned against).

Each annotation is located in the text as read (``policykg text FILE``) by
its ``at`` snippet, whitespace ignored, and the number inside it. A quantity
found is the same quantity if its number lies there (for a table cell: on the
row of the cell's label) and, where several could be, it has the value. Then:

- per role: precision, recall and F1, where a true positive has the role, the
  value and the unit of the annotation;
- role accuracy: the share of annotated quantities found with the right role
  (a quantity not found counts as wrong);
- for targets found: the share with the right deadline; and for every
  quantity found, the share with the right comparator, unit, change and
  indicator.

Run ``make eval`` (both parts), or::

    .venv/bin/python tests/quantity_eval.py dev [--doc NAME] [--verbose]
"""

from __future__ import annotations

import argparse
import difflib
import html
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DATA = HERE / "data" / "quantities"
KEYS = HERE / "expectations" / "quantities"
PARTS = ("dev", "sealed")
ROLES = ("target", "baseline", "parameter", "threshold", "context")
# Spellings of one unit that the guide allows.
UNIT_ALIASES = {"个百分点": "百分点", "个工作日": "工作日", "周岁": "岁", "个小时": "小时", "吨标煤": "吨标准煤", "平方千米": "平方公里",
                "平米": "平方米", "个学时": "学时"}


def documents(part: str) -> list[Path]:
    """The annotation files of a part, in name order."""
    return sorted((KEYS / part).glob("*.yaml"))


def document_file(key: Path) -> Path:
    """The document an annotation file is about."""
    name = yaml.safe_load(key.read_text(encoding="utf-8"))["file"]
    return DATA / key.parent.name / name


# -- locating annotations in the text ------------------------------------------------------------

_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>")


def _plain(snippet: str, keep_markup: bool = True) -> str:
    """A key's snippet without whitespace; without ``keep_markup``, also without the markup an `at` copied
    from a page's HTML as stored keeps (2</span><span style="font-size: 12pt;">年): policy-kg drops the
    markup of a page it reads as HTML, and keeps that of a text it reads as plain; the character references
    of such a page (&permil;) are the characters they stand for."""
    return "".join((snippet if keep_markup else html.unescape(_MARKUP.sub("", snippet))).split())  # &permil; is ‰


class Squeezed:
    """A text without whitespace (and the | that mark table cells as policy-kg reads them), with the
    offset of each kept character in the original."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offsets = [k for k, ch in enumerate(text) if not ch.isspace() and ch != "|"]
        self.squeezed = "".join(text[k] for k in self.offsets)

    def find_all(self, snippet: str, keep_markup: bool = True) -> list[int]:
        needle = _plain(snippet, keep_markup).replace("|", "")
        found, pos = [], self.squeezed.find(needle)
        while needle and pos >= 0:
            found.append(pos)
            pos = self.squeezed.find(needle, pos + 1)
        return found

    def span(self, squeezed_start: int, length: int) -> tuple[int, int]:
        """The original span of ``length`` squeezed characters from ``squeezed_start``."""
        return self.offsets[squeezed_start], self.offsets[squeezed_start + length - 1] + 1


@dataclass
class Wanted:
    """One annotated quantity, located."""

    item: dict
    window: tuple[int, int] | None  # where the number may be found (original offsets)
    exact: bool  # the window is the number itself (prose), not a table row
    problem: str = ""

    @property
    def role(self) -> str:
        return self.item["role"]


def locate(item: dict, sq: Squeezed) -> Wanted:
    at = str(item.get("at", ""))
    hits, kept = sq.find_all(at), True
    if not hits:  # the text as read has dropped the markup the key copied
        hits, kept = sq.find_all(at, keep_markup=False), False
    if not hits:
        return Wanted(item, None, True, f"`at` not found: {at[:30]}")
    start = hits[0]
    problem = f"`at` found {len(hits)} times" if len(hits) > 1 else ""
    number, squeezed_at = _plain(str(item.get("number", "")), kept), _plain(at, kept)
    if "column" in item:  # a table cell: the number stands on the row of its label
        s, e = sq.span(start, len(squeezed_at))
        line_end = sq.text.find("\n", e)
        line_end = len(sq.text) if line_end < 0 else line_end
        if number not in "".join(sq.text[e:line_end].split()):
            # a PDF's table may break a row over lines: look a few lines further; a table kept one cell
            # a paragraph (label, blank, unit, blank, attribute, blank, value) a few more, up to the number
            for k in range(8):
                nxt = sq.text.find("\n", line_end + 1)
                line_end = len(sq.text) if nxt < 0 else nxt
                if k >= 2 and number in "".join(sq.text[e:line_end].split()):
                    break
        return Wanted(item, (s, line_end), False, problem)
    nth = int(item.get("nth", 1))
    pos = -1
    for _ in range(nth):
        pos = squeezed_at.find(number, pos + 1)
        while pos > 0 and number[:1].isdigit() and (squeezed_at[pos - 1].isdigit() or squeezed_at[pos - 1] == "."):
            pos = squeezed_at.find(number, pos + 1)  # 5年 is not the end of 2025年
        if pos < 0:
            break
    if not number or pos < 0:
        return Wanted(item, sq.span(start, len(squeezed_at)), False, problem or f"`number` not in `at`: {number}")
    return Wanted(item, sq.span(start + pos, len(number)), True, problem)


def part_bounds(key: dict, sq: Squeezed) -> tuple[int, int]:
    """The original span of the annotated part of a document."""
    part = key.get("annotated", "whole")
    if part == "whole" or not isinstance(part, dict):
        return 0, len(sq.text)
    start, end = 0, len(sq.text)
    if part.get("from"):
        hits = sq.find_all(part["from"])
        if hits:
            start = sq.offsets[hits[0]]
    if part.get("to"):
        hits = [h for h in sq.find_all(part["to"]) if sq.offsets[h] >= start]
        if hits:
            end = sq.offsets[hits[0]]
    return start, end


# -- comparing ------------------------------------------------------------------------------------

def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except Exception:
        return None


def same_value(a, b) -> bool:
    a, b = _decimal(a), _decimal(b)
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= Decimal("0.005") * max(abs(a), abs(b), Decimal(1))


def unit_of(value) -> str:
    value = str(value or "").strip()
    return UNIT_ALIASES.get(value, value)


def deadline_of(value) -> str:
    if value is None or value == "":
        return ""
    return str(value)


def same_indicator(wanted, found: str) -> bool:
    wanted = "".join(str(wanted or "").split()).strip("“”\"")
    found = "".join((found or "").split()).strip("“”\"")
    if not wanted:
        return True
    if wanted in found or (found and found in wanted and len(found) >= len(wanted) / 2):
        return True
    return difflib.SequenceMatcher(None, wanted, found).ratio() >= 0.6


def number_span(f) -> tuple[int, int]:
    span = f.number or f.evidence.span
    return span.start, span.end


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1] or a == b


@dataclass
class Pair:
    wanted: Wanted
    found: object  # a Figure

    @property
    def value_ok(self) -> bool:
        w, f = self.wanted.item, self.found
        return (same_value(w.get("value"), f.value) and same_value(w.get("value_max"), f.value_max)
                and unit_of(w.get("unit")) == unit_of(f.unit))

    @property
    def role_ok(self) -> bool:
        return self.wanted.role == self.found.role


@dataclass
class DocScore:
    name: str
    wanted: list[Wanted] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    unmatched_found: list = field(default_factory=list)
    missed: list[Wanted] = field(default_factory=list)
    error: str = ""


def match(wanted: list[Wanted], found: list) -> tuple[list[Pair], list[Wanted], list]:
    """Pair annotations with found quantities, one to one."""
    left = list(found)
    pairs, missed = [], []

    def candidates(w: Wanted):
        if w.window is None:
            return []
        if w.exact:
            return [f for f in left if overlaps(number_span(f), w.window)]
        return [f for f in left if w.window[0] <= number_span(f)[0] < w.window[1]]

    def rank(w: Wanted, f) -> tuple:
        it = w.item
        return (not (same_value(it.get("value"), f.value) and same_value(it.get("value_max"), f.value_max)),
                f.role != it["role"], not same_indicator(it.get("indicator"), f.indicator),
                abs(number_span(f)[0] - w.window[0]))

    # prose first (exact places), then table cells; in each, the surest first
    for w in sorted(wanted, key=lambda w: not w.exact):
        options = candidates(w)
        if not w.exact:
            options = [f for f in options if same_value(w.item.get("value"), f.value)]
        if not options:
            missed.append(w)
            continue
        best = min(options, key=lambda f: rank(w, f))
        left.remove(best)
        pairs.append(Pair(w, best))
    return pairs, missed, left


def score_document(key_path: Path) -> DocScore:
    from kg import api
    from kg.text.read import read_source

    key = yaml.safe_load(key_path.read_text(encoding="utf-8"))
    path = DATA / key_path.parent.name / key["file"]
    result = DocScore(key_path.stem)
    try:
        text = read_source(path).text
        ex = api.extract(path)
    except Exception as exc:  # a document the tool cannot read scores nothing
        result.error = f"{type(exc).__name__}: {exc}"
        result.missed = [Wanted(item, None, True, "not read") for item in key.get("quantities") or []]
        result.wanted = result.missed
        return result
    sq = Squeezed(text)
    lo, hi = part_bounds(key, sq)
    result.wanted = [locate(item, sq) for item in key.get("quantities") or []]
    found = [f for f in ex.figures if lo <= number_span(f)[0] < hi]
    result.pairs, result.missed, result.unmatched_found = match(result.wanted, found)
    return result


# -- figures --------------------------------------------------------------------------------------

def share(part: int, whole: int) -> float:
    """``part`` of ``whole``; 1.0 where there is nothing to count (no miss and no error)."""
    return part / whole if whole else 1.0


@dataclass
class RoleScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return share(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return share(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Summary:
    roles: dict[str, RoleScore] = field(default_factory=lambda: {r: RoleScore() for r in ROLES})
    annotated: int = 0
    role_right: int = 0
    targets_found: int = 0
    deadline_right: int = 0
    fields: Counter = field(default_factory=Counter)  # field -> right
    compared: Counter = field(default_factory=Counter)  # field -> compared

    def add(self, d: DocScore) -> None:
        self.annotated += len(d.wanted)
        for p in d.pairs:
            w, f = p.wanted.item, p.found
            if p.role_ok:
                self.role_right += 1
            if p.role_ok and p.value_ok:
                self.roles[w["role"]].tp += 1
            else:
                self.roles[w["role"]].fn += 1
                self.roles[f.role].fp += 1
            checks = {
                "value": same_value(w.get("value"), f.value) and same_value(w.get("value_max"), f.value_max),
                "unit": unit_of(w.get("unit")) == unit_of(f.unit),
                "comparator": str(w.get("comparator", "=")) == f.comparator.value,
                "change": str(w.get("change") or "") == (f.change.value if f.change else ""),
                "indicator": same_indicator(w.get("indicator"), f.indicator),
            }
            for name, ok in checks.items():
                self.compared[name] += 1
                self.fields[name] += ok
            if w["role"] == "target" and p.role_ok and p.value_ok:
                self.targets_found += 1
                self.deadline_right += deadline_of(w.get("deadline")) == deadline_of(getattr(f, "deadline", None))
        for w in d.missed:
            self.roles[w.role].fn += 1
        for f in d.unmatched_found:
            self.roles[f.role].fp += 1

    @property
    def role_accuracy(self) -> float:
        return share(self.role_right, self.annotated)

    @property
    def deadline_accuracy(self) -> float:
        return share(self.deadline_right, self.targets_found)


def score_keys(keys: list[Path], only: str | None, score, summary):
    """Score each answer key (``score(key)``) and sum them up (``summary()`` with its ``add``): the total, and
    per document its score and its own summary."""
    total, per_doc = summary(), []
    for key in keys:
        if only and only not in key.stem:
            continue
        d = score(key)
        s = summary()
        s.add(d)
        total.add(d)
        per_doc.append((d, s))
    return total, per_doc


def evaluate(part: str, only: str | None = None) -> tuple[Summary, list[tuple[DocScore, Summary]]]:
    return score_keys(documents(part), only, score_document, Summary)


def table(part: str, total: Summary, per_doc: list[tuple[DocScore, Summary]]) -> str:
    lines = [f"== {part}: {len(per_doc)} documents, {total.annotated} annotated quantities",
             f"{'role':<10} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for role, r in total.roles.items():
        lines.append(f"{role:<10} {r.tp:>5} {r.fp:>5} {r.fn:>5} {r.precision:>6.2f} {r.recall:>6.2f} {r.f1:>6.2f}")
    lines.append(f"role accuracy {total.role_accuracy:.2f} ({total.role_right}/{total.annotated}); "
                 f"deadline right on {total.deadline_accuracy:.2f} of the targets found "
                 f"({total.deadline_right}/{total.targets_found})")
    lines.append("fields right, of the quantities found: " + ", ".join(
        f"{k} {total.fields[k] / total.compared[k]:.2f}" for k in total.compared if total.compared[k]))
    lines.append("")
    lines.append(f"{'document':<52} {'n':>4} {'role':>5} {'T.P':>5} {'T.R':>5} {'T.F1':>5} "
                 f"{'B.F1':>5} {'P.F1':>5} {'Th.F1':>5} {'C.F1':>5} {'dl':>5}")
    for d, s in per_doc:
        t, b, p, th, c = (s.roles[r] for r in ROLES)
        flag = f"  ERROR {d.error}" if d.error else ""
        lines.append(f"{d.name[:52]:<52} {s.annotated:>4} {s.role_accuracy:>5.2f} {t.precision:>5.2f} {t.recall:>5.2f} "
                     f"{t.f1:>5.2f} {b.f1:>5.2f} {p.f1:>5.2f} {th.f1:>5.2f} {c.f1:>5.2f} "
                     f"{s.deadline_accuracy:>5.2f}{flag}")
    return "\n".join(lines)


def details(d: DocScore) -> str:
    out = [f"-- {d.name}"]
    for w in d.wanted:
        if w.problem:
            out.append(f"   KEY PROBLEM: {w.problem}")
    for p in d.pairs:
        w, f = p.wanted.item, p.found
        bad = []
        if not p.role_ok:
            bad.append(f"role {f.role} (want {w['role']})")
        if not p.value_ok:
            bad.append(f"value {f.value}/{f.value_max}{f.unit or ''} (want {w.get('value')}/{w.get('value_max')}{w.get('unit') or ''})")
        if str(w.get("comparator", "=")) != f.comparator.value:
            bad.append(f"comparator {f.comparator.value} (want {w.get('comparator', '=')})")
        if str(w.get("change") or "") != (f.change.value if f.change else ""):
            bad.append(f"change {f.change.value if f.change else '-'} (want {w.get('change') or '-'})")
        if w["role"] == "target" and p.role_ok and deadline_of(w.get("deadline")) != deadline_of(getattr(f, "deadline", None)):
            bad.append(f"deadline {getattr(f, 'deadline', None)} (want {w.get('deadline')})")
        if not same_indicator(w.get("indicator"), f.indicator):
            bad.append(f"indicator {f.indicator!r} (want {w.get('indicator')!r})")
        if bad:
            out.append(f"   {w.get('number')!s:<10} [{f.evidence.rule}] " + "; ".join(bad) + f"   @ {str(w.get('at'))[:40]}")
    for w in d.missed:
        out.append(f"   MISSED {w.role:<9} {w.item.get('number')!s:<10} {w.item.get('indicator', '')!s:<20} @ {str(w.item.get('at'))[:40]}")
    for f in d.unmatched_found:
        out.append(f"   EXTRA  {f.role:<9} {f.value}{f.unit or ''} {f.indicator[:20]} [{f.evidence.rule}]")
    return "\n".join(out)


def run(argv: list[str] | None, description: str, evaluate, table, details, gaps, verbose_help: str) -> int:
    """The command line of a scorer: the parts asked for, each as a table (and with ``-v`` every
    document's details), then dev against sealed, the rows ``gaps(dev, sealed)`` gives."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("parts", nargs="*", default=["dev"], help="dev, sealed, or both")
    parser.add_argument("--doc", help="only documents whose name contains this")
    parser.add_argument("--verbose", "-v", action="store_true", help=verbose_help)
    args = parser.parse_args(argv)
    totals = {}
    for part in args.parts:
        if part not in PARTS:
            parser.error(f"unknown part {part!r}: choose from {', '.join(PARTS)}")
        total, per_doc = evaluate(part, args.doc)
        if not per_doc:
            print(f"== {part}: no documents (a scored sealed round joins dev; the next is gathered anew)\n")
            continue
        totals[part] = total
        print(table(part, total, per_doc))
        if args.verbose:
            for d, _ in per_doc:
                print(details(d))
        print()
    if len(totals) == 2:
        print("== dev against sealed (the gap is the honest measure of generality)")
        print(f"{'':<28} {'dev':>6} {'sealed':>7} {'gap':>6}")
        for label, a, b in gaps(totals["dev"], totals["sealed"]):
            print(f"{label:<28} {a:>6.2f} {b:>7.2f} {a - b:>+6.2f}")
    return 0


def gaps(dev: Summary, sealed: Summary) -> list[tuple[str, float, float]]:
    t_dev, t_sealed = dev.roles["target"], sealed.roles["target"]
    return [("target precision", t_dev.precision, t_sealed.precision),
            ("target recall", t_dev.recall, t_sealed.recall),
            ("target F1", t_dev.f1, t_sealed.f1),
            ("role accuracy", dev.role_accuracy, sealed.role_accuracy),
            ("deadline right (targets)", dev.deadline_accuracy, sealed.deadline_accuracy)]


def main(argv: list[str] | None = None) -> int:
    return run(argv, __doc__.split("\n\n")[0], evaluate, table, details, gaps, "every miss, extra and wrong field")


if __name__ == "__main__":
    sys.exit(main())
