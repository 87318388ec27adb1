from collections import Counter

import pytest

from kg.views.network import to_networkx

from conftest import EXPECTATIONS
import yaml

EXPECTED = yaml.safe_load((EXPECTATIONS / "seed.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def nxg(seed_build):
    return to_networkx(seed_build.graph)


def test_nodes_per_class_match_the_text(nxg):
    counts = Counter(d["cls"] for _, d in nxg.nodes(data=True))
    assert counts["Task"] == len(EXPECTED["tasks"])
    assert counts["Measure"] == sum(len(t["measures"]) for t in EXPECTED["tasks"])
    assert counts["GuaranteeMeasure"] == len(EXPECTED["guarantees"])
    assert counts["Target"] == len(EXPECTED["targets"])
    assert counts["Baseline"] == len(EXPECTED["baselines"])
    assert counts["Problem"] == len(EXPECTED["problems"]) and counts["Feature"] == len(EXPECTED["features"])
    assert counts["ProtectionCentre"] == 2 and counts["Agency"] == 2
    assert counts["Person"] == 2


def test_the_plan_is_a_tree_of_tasks_measures_and_targets(nxg):
    by_label = {d["label"]: n for n, d in nxg.nodes(data=True)}
    task = by_label["大力推进知识产权创造"]
    measures = [o for _, o, d in nxg.out_edges(task, data=True) if d["relation"] == "hasMeasure"]
    assert len(measures) == 3
    targets = [o for m in measures for _, o, d in nxg.out_edges(m, data=True) if d["relation"] == "hasTarget"]
    assert [nxg.nodes[t]["label"] for t in targets] == ["推动高价值专利项目落地转化 >= 50项"]


def test_responsibilities_are_edges_from_agencies(nxg):
    by_label = {d["label"]: n for n, d in nxg.nodes(data=True)}
    centre = by_label["中国（北京）知识产权保护中心"]
    assert [(nxg.nodes[o]["cls"], d["relation"]) for _, o, d in nxg.out_edges(centre, data=True)] == [("Measure", "Involved")]
    bureau = by_label["北京市知识产权局"]
    relations = Counter(d["relation"] for _, _, d in nxg.out_edges(bureau, data=True))
    assert relations == {"Lead": len(EXPECTED["guarantees"]), "Drafted": 1}


def test_targets_and_baselines_share_an_indicator(nxg):
    by_label = {d["label"]: n for n, d in nxg.nodes(data=True)}
    indicator = by_label["有效发明专利拥有量"]
    sources = sorted(nxg.nodes[s]["cls"] for s, _, d in nxg.in_edges(indicator, data=True) if d["relation"] == "indicator")
    assert sources == ["Baseline", "Target"]


def test_nodes_carry_their_source_sentences(nxg):
    for _, data in nxg.nodes(data=True):
        if data["cls"] in ("Task", "Measure", "Target", "Baseline", "Problem", "Feature", "Agency", "Person"):
            assert data["sentences"], data["label"]
            text, start, end, file = data["sentences"][0]
            assert 0 <= start < end and file == "policy_text"
