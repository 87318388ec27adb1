"""The seed document, item by item, against what a reader finds in it.

The expectations in expectations/seed.yaml were written by reading
data/policy_text.txt; every named query must return each expected item, right
in every field, and nothing else.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import EXPECTATIONS

EXPECTED = yaml.safe_load((EXPECTATIONS / "seed.yaml").read_text(encoding="utf-8"))

TARGET_FIELDS = ("indicator", "comparator", "value", "value_max", "unit", "deadline", "scope", "period", "task")
BASELINE_FIELDS = ("indicator", "comparator", "value", "unit", "year", "scope")


def _rows(rows, fields):
    return sorted(tuple(r[f] for f in fields) for r in rows)


def _expected(items, fields):
    return sorted(tuple(str(item.get(f, "")) for f in fields) for item in items)


def test_targets_are_exactly_those_in_the_text(named):
    assert _rows(named("targets"), TARGET_FIELDS) == _expected(EXPECTED["targets"], TARGET_FIELDS)


@pytest.mark.parametrize("expected", EXPECTED["targets"], ids=lambda t: t["indicator"])
def test_each_target_is_found_right(named, expected):
    rows = [r for r in named("targets") if r["indicator"] == expected["indicator"]]
    assert len(rows) == 1, f"{expected['indicator']}: {len(rows)} rows"
    for field in TARGET_FIELDS:
        assert rows[0][field] == str(expected.get(field, "")), field


def test_baselines_are_exactly_those_in_the_text(named):
    assert _rows(named("baselines"), BASELINE_FIELDS) == _expected(EXPECTED["baselines"], BASELINE_FIELDS)


def test_baselines_are_not_targets(named):
    target_values = {r["value"] for r in named("targets")}
    assert not target_values & {b["value"] for b in EXPECTED["baselines"]}


def test_agencies_with_canonical_names(named):
    fields = ("label", "type", "canonical")
    assert _rows(named("agencies"), fields) == _expected(EXPECTED["agencies"], fields)


def test_tasks_and_measures_in_order(named):
    rows = named("tasks")
    got: dict[int, tuple[str, list[str]]] = {}
    for r in rows:
        order = int(r["task_order"])
        got.setdefault(order, (r["task"], []))
        if r["measure"]:
            assert int(r["measure_order"]) == len(got[order][1]) + 1
            got[order][1].append(r["measure"])
    assert [got[k] for k in sorted(got)] == [(t["task"], t["measures"]) for t in EXPECTED["tasks"]]


def test_problems(named):
    assert [r["problem"] for r in named("problems")] == EXPECTED["problems"]


def test_features(named):
    assert [r["feature"] for r in named("features")] == EXPECTED["features"]


def test_guarantee_measures(named):
    rows = named("guarantees")
    assert [r["guarantee"] for r in rows] == EXPECTED["guarantees"]
    assert [int(r["guarantee_order"]) for r in rows] == list(range(1, len(EXPECTED["guarantees"]) + 1))


def test_responsibilities(named):
    expected = set()
    for item in EXPECTED["responsibilities"]:
        if item.get("each_guarantee"):
            expected |= {(item["agency"], item["role"], g) for g in EXPECTED["guarantees"]}
        else:
            expected.add((item["agency"], item["role"], item["subject"]))
    rows = named("responsibilities")
    got = [(r["agency"], r["role"], r["subject"]) for r in rows]
    assert len(got) == len(set(got)), "duplicate responsibilities"
    assert set(got) == expected


def test_documents(named):
    rows = {r["title"]: r for r in named("documents")}
    assert set(rows) == {d["title"] for d in EXPECTED["documents"]}
    for doc in EXPECTED["documents"]:
        row = rows[doc["title"]]
        for field in ("short_title", "kind", "period_start", "period_end", "published", "source_url"):
            assert row[field] == doc.get(field, ""), (doc["title"], field)


def test_persons_and_their_titles(named):
    assert sorted({(r["person"], r["role"]) for r in named("persons")}) == sorted(
        (p["person"], p["role"]) for p in EXPECTED["persons"])


def test_interpretation_points_at_the_plan(seed_build):
    from kg.rdf.namespaces import POL

    pairs = list(seed_build.graph.subject_objects(POL.interprets))
    assert len(pairs) == 1
    interpretation, plan = pairs[0]
    assert str(seed_build.graph.value(plan, POL.shortTitle)) == "行动方案"


def test_the_plan_holds_the_tasks_and_targets(seed_build):
    """Tasks and targets belong to the plan the interpretation explains, not to the interpretation."""
    from kg.rdf.namespaces import POL

    g = seed_build.graph
    owners = {s for s, _ in g.subject_objects(POL.hasTask)} | {s for s, _ in g.subject_objects(POL.hasTarget)}
    assert len(owners) == 1
    assert str(g.value(owners.pop(), POL.shortTitle)) == "行动方案"
