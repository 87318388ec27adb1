"""`policykg report` on the seed, checked against what a reader finds in it."""

import networkx as nx
import pytest
import yaml

from conftest import EXPECTATIONS, SEED
from kg import api

EXPECTED = yaml.safe_load((EXPECTATIONS / "seed.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed")
    api.write(api.build([SEED]), out, with_html=False)
    return api.report([out / "graph.trig"], outdir=out / "report"), out


def test_the_report_counts_each_class(written):
    paths, _ = written
    text = paths["report.md"].read_text(encoding="utf-8")
    assert f"| 任务 | task | {len(EXPECTED['tasks'])} |" in text
    assert f"| 目标 | target | {len(EXPECTED['targets'])} |" in text
    assert f"| 保障措施 | guarantee measure | {len(EXPECTED['guarantees'])} |" in text


def test_actors_are_ranked_in_the_task_actor_network(written):
    paths, _ = written
    text = paths["report.md"].read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| 中") or line.startswith("| 北")]
    n = len(EXPECTED["guarantees"])  # the two drafting bodies lead every guarantee measure
    assert rows[0].startswith(f"| 中关村科技园区管理委员会 | {n} |") and f"| {n} | 0 | 0 |" in rows[0]
    assert rows[1].startswith(f"| 北京市知识产权局 | {n} |")
    assert any(r.startswith("| 中国（北京）知识产权保护中心 | 1 |") and r.endswith("| 0 | 0 | 1 |") for r in rows)


def test_the_task_tree_and_the_growth_table(written):
    paths, _ = written
    text = paths["report.md"].read_text(encoding="utf-8")
    for k, task in enumerate(EXPECTED["tasks"], 1):
        assert f"{k}. {task['task']} ({len(task['measures'])} measures)" in text
    assert "| 有效发明专利拥有量 | 99,000 件 | 2018 | > 150,000 件 | 2021 | 51.5 % | 14.9 % |" in text
    html = paths["report.html"].read_text(encoding="utf-8")
    assert "data:image/png;base64," in html and "有效发明专利拥有量" in html


def test_the_chart_draws_each_target_beside_its_baseline_one_panel_per_unit(written):
    import re

    paths, _ = written
    assert paths["targets.png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = paths["targets.svg"].read_text(encoding="utf-8")
    heights = {}
    for gid, path in re.findall(r'<g id="((?:baseline|target)-[^"]*)">\s*<path d="([^"]*)"', svg):
        ys = [float(y) for y in re.findall(r"[ML] [\d.]+ ([\d.]+)", path)]
        heights[gid] = max(ys) - min(ys)
    # 2018年…拥有有效发明专利9.9万件; 到2021年…有效发明专利拥有量超过15万件: the one pair the seed gives,
    # in the panel of 件, the bars' heights in the ratio of the values (a linear axis)
    assert sorted(heights) == ["baseline-件-0", "target-件-0"]
    assert abs(heights["target-件-0"] / heights["baseline-件-0"] - 150000 / 99000) < 0.01
    # the axis reads in thousands, with separators: the 150,000 of the target lies under its top tick
    ticks = re.findall(r"<text[^>]*>([\d,]+)</text>", svg)
    assert ticks and all("," in t for t in ticks if len(t.replace(",", "")) > 3)
    assert max(int(t.replace(",", "")) for t in ticks) >= 140000


def test_graphml_and_gexf_hold_the_network(written, seed_build):
    from kg.views.network import to_networkx

    paths, _ = written
    expected = to_networkx(seed_build.graph)
    for name, reader in (("graph.graphml", nx.read_graphml), ("graph.gexf", nx.read_gexf)):
        g = reader(paths[name])
        assert g.number_of_nodes() == expected.number_of_nodes(), name
        assert g.number_of_edges() == expected.number_of_edges(), name
        labels = {d["label"] for _, d in g.nodes(data=True)}
        assert "北京市知识产权局" in labels


def test_the_same_graph_gives_the_same_report(written, tmp_path):
    paths, out = written
    again = api.report([out / "graph.trig"], outdir=tmp_path)
    for name, path in paths.items():
        assert again[name].read_bytes() == path.read_bytes(), name


def test_one_file_of_a_corpus(tmp_path):
    from conftest import ROOT

    corpus = ROOT / "tests" / "data" / "corpus"
    api.build_store([corpus / "05_beijing-data-zone-guiding-opinions-2022.txt", SEED], tmp_path / "store")
    paths = api.report(api.source(store=tmp_path / "store"), doc="policy_text", outdir=tmp_path / "r")
    text = paths["report.md"].read_text(encoding="utf-8")
    assert text.startswith("# 解读：《中关村国家自主创新示范区知识产权行动方案（2019-2021）》")
    assert "北京市经济和信息化局" not in text
    from kg.errors import InputError
    with pytest.raises(InputError, match="holds no file .nope."):
        api.report(api.source(store=tmp_path / "store"), doc="nope", outdir=tmp_path / "x")


def test_a_whole_store_is_reported_where_it_lies_as_its_files_would_be(tmp_path):
    from conftest import ROOT

    corpus = ROOT / "tests" / "data" / "corpus"
    api.build_store([corpus / "05_beijing-data-zone-guiding-opinions-2022.txt", SEED], tmp_path / "store")
    source = api.source(store=tmp_path / "store")
    graph, _ = source.read_graph()
    assert type(graph).__name__ == "StoreGraph"  # read from the store's indexes, not copied into rdflib
    (tmp_path / "corpus.trig").write_bytes(api.export(source, "trig"))
    from_store = api.report(source, outdir=tmp_path / "s")
    from_files = api.report([tmp_path / "corpus.trig"], outdir=tmp_path / "f")
    assert sorted(from_store) == sorted(from_files)
    for name in from_store:
        assert from_store[name].read_bytes() == from_files[name].read_bytes(), name
    assert "# 2 files" in from_store["report.md"].read_text(encoding="utf-8")


def test_every_target_is_listed_with_separators(written):
    paths, _ = written
    text = paths["report.md"].read_text(encoding="utf-8")
    section = text.split("## 目标 · Every target", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| policy_text |")]
    assert len(rows) == len(EXPECTED["targets"])
    # 到2021年，中关村示范区有效发明专利拥有量超过15万件
    assert any("| 有效发明专利拥有量 |" in r and "| 150,000 | 件 | 2021 |" in r for r in rows)
    # 2018年…拥有有效发明专利9.9万件: the baseline it is measured from, matched on the canonical indicator
    assert any("| 有效发明专利拥有量 |" in r and r.endswith("| 2021 | 99,000 | 2018 |") for r in rows)


def test_thousands_separators():
    from kg.views.report import thousands

    assert [thousands(x) for x in ("150000", "8.6", "1234567.25", "-12000", "", "约")] == [
        "150,000", "8.6", "1,234,567.25", "-12,000", "", "约"]
