"""Would a small model over the cue clues decide roles better than the ordered cues?

For every prose figure of the dev documents that the evaluation pairs with an
annotation, take the clues the role cues read (kg/extract/quantities/roles.py),
the kind of its unit and its comparator as features and the annotated role as
the label; train scikit-learn models leave-one-document-out (each document is
predicted by a model that never saw it) and compare with the cues on the same
figures. Needs scikit-learn, which policy-kg does not depend on::

    .venv/bin/pip install scikit-learn
    .venv/bin/python benchmarks/role_model.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import quantity_eval as qe  # noqa: E402
from kg.extract.quantities import roles  # noqa: E402

MONEY, TIME = {"元", "美元"}, {"年", "个月", "日", "天", "工作日", "小时"}


def unit_kind(unit: str | None) -> str:
    if unit is None:
        return "none"
    return "money" if unit in MONEY else "%" if unit == "%" else "time" if unit in TIME else "count"


def main() -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import LeaveOneGroupOut, cross_val_predict
    from sklearn.tree import DecisionTreeClassifier

    seen: dict[tuple[int, int], tuple[dict, str]] = {}
    decide = roles.RoleDecider.decide

    def recording(self, clues):
        cue = decide(self, clues)
        features = {name: bool(clues[name]) for name in self.CLUES}
        features["unit:" + unit_kind(clues.m.quantity.unit)] = True
        features["comparator:" + clues.m.comparator.value] = True
        seen[(clues.m.start, clues.r.evidence_start)] = (features, cue.role)
        return cue

    roles.RoleDecider.decide = recording
    rows, labels, cues, groups = [], [], [], []
    for key in qe.documents("dev"):
        seen.clear()
        scored = qe.score_document(key)
        # figures are recorded in the order they are decided, which is the order of the text
        ordered = [v for _, v in sorted(seen.items())]
        prose = sorted((p for p in scored.pairs if not p.found.evidence.rule.startswith("table.")),
                       key=lambda p: (p.found.number.start, p.found.evidence.span.start))
        found = sorted((f for f in _figures(key) if not f.evidence.rule.startswith("table.")),
                       key=lambda f: (f.number.start, f.evidence.span.start))
        if len(found) != len(ordered):
            continue
        where = {id(f): k for k, f in enumerate(found)}
        index = {(f.number.start, f.evidence.span.start, f.indicator): k for k, f in enumerate(found)}
        for pair in prose:
            f = pair.found
            k = index.get((f.number.start, f.evidence.span.start, f.indicator), where.get(id(f)))
            if k is None:
                continue
            features, role = ordered[k]
            rows.append(features)
            labels.append(pair.wanted.role)
            cues.append(role)
            groups.append(key.stem)
    roles.RoleDecider.decide = decide
    matrix = DictVectorizer().fit_transform(rows)
    print(f"prose figures paired with an annotation: {len(labels)} in {len(set(groups))} documents")
    print(f"ordered cues: {sum(a == b for a, b in zip(cues, labels)) / len(labels):.3f}")
    for name, model in (("logistic regression", LogisticRegression(max_iter=2000)),
                        ("decision tree, depth 6", DecisionTreeClassifier(max_depth=6, random_state=0))):
        predicted = cross_val_predict(model, matrix, labels, groups=groups, cv=LeaveOneGroupOut())
        print(f"{name}, leave one document out: {sum(a == b for a, b in zip(predicted, labels)) / len(labels):.3f}")


def _figures(key):
    from kg import api

    return api.extract(qe.document_file(key)).figures


if __name__ == "__main__":
    main()
