"""Agreement of the instrument coder with hand coding (tests/expectations/instruments), as Cohen's κ.

    python tests/instrument_eval.py dev [-v]

Each hand-coded measure (its opening words, ``at``) is paired with the coding of the sentence the
coder read there; a measure the coder did not code counts as coded ``none``. κ is given overall on the
kinds (talent, funding…), overall on the three types (supply, environment, demand), and for each type
as the agreement on whether a measure is of that type.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
KEYS = HERE / "expectations" / "instruments"


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's κ of two codings of the same items."""
    n = len(pairs)
    if not n:
        return 0.0
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in first) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def pairs(part: str) -> tuple[list[tuple[str, str, str]], dict]:
    """(hand kind, coder kind, where) for every hand-coded measure of ``part``; and the scheme's types."""
    sys.path.insert(0, str(HERE))
    from quantity_eval import Squeezed

    from kg import api
    from kg.extract.instruments import scheme_path
    from kg.resources.schemes import load_scheme
    from kg.text.read import read_source

    scheme = load_scheme(scheme_path())
    types = {code: c.broader or code for code, c in scheme.concepts.items()}
    out = []
    for key in sorted((KEYS / part).glob("*.csv")):
        rows = list(csv.DictReader(key.open(encoding="utf-8")))
        path = ROOT / rows[0]["file"]
        ex, text = api.extract(path), read_source(path).text
        squeezed = Squeezed(text)
        spans = [(c.evidence.span.start, c.evidence.span.end, c.concept) for c in ex.instruments]
        for row in rows:
            hits = squeezed.find_all(row["at"][:12])
            pos = squeezed.offsets[hits[0]] if hits else -1
            got = next((concept for s, e, concept in spans if s <= pos < e), "none")
            out.append((row["subtype"], got, f"{key.stem[:24]} {row['at'][:24]}"))
    return out, types


def report(part: str, verbose: bool = False) -> dict[str, float]:
    found, types = pairs(part)
    kinds = [(a, b) for a, b, _ in found]
    by_type = [(types.get(a, a), types.get(b, b)) for a, b in kinds]
    figures = {"kinds": kappa(kinds), "types": kappa(by_type),
               "coded": sum(b != "none" for _, b in kinds) / len(kinds) if kinds else 0.0}
    for t in sorted(set(types.values())):
        figures[t] = kappa([(a == t, b == t) for a, b in by_type])
    print(f"== {part}: {len(kinds)} measures, {figures['coded']:.2f} of them coded")
    print(f"κ on kinds {figures['kinds']:.2f}, on types {figures['types']:.2f}; "
          + ", ".join(f"{t} {figures[t]:.2f}" for t in sorted(set(types.values()))))
    if verbose:
        for a, b, where in found:
            if a != b:
                print(f"  {a:16} coded {b:16} {where}")
    return figures


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("dev", "sealed"):
        print("usage: python tests/instrument_eval.py dev|sealed [-v]", file=sys.stderr)
        sys.exit(2)
    report(sys.argv[1], "-v" in sys.argv)
