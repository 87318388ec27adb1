"""Co-issuance and collaboration networks, by period, written as GEXF, GraphML and Pajek and read back.

Two made-up notices of one city. The first (2021) is issued by its development and reform commission
and its finance bureau together; its plan has two measures, each with its lead and support units. The
second (2023) is issued by the science bureau and the finance bureau; its one measure has a lead and a
support. Expected ties, weights and years are read off the texts below.
"""

import networkx as nx
import pytest
from click.testing import CliRunner

from conftest import build_texts
from kg import api
from kg.cli import cli

DRC, FIN, SCI = (f"https://w3id.org/policy-kg/id/agency/{name}"
                 for name in ("杭州市发展和改革委员会", "杭州市财政局", "杭州市科学技术局"))

FIRST = """杭州市发展和改革委员会 杭州市财政局关于印发杭州市数字经济行动方案的通知
各区人民政府：
现将《杭州市数字经济行动方案》印发给你们，请认真贯彻执行。
杭州市发展和改革委员会
杭州市财政局
2021年3月1日
杭州市数字经济行动方案
一、重点任务
（一）建设算力设施。建设城市算力中心。（市发展改革委牵头，市财政局、市科技局配合）
（二）培育数据市场。开展数据交易试点。（市科技局牵头，市财政局配合）
"""
SECOND = """杭州市科学技术局 杭州市财政局关于印发杭州市人工智能若干措施的通知
各区人民政府：
现将《杭州市人工智能若干措施》印发给你们，请认真贯彻执行。
杭州市科学技术局
杭州市财政局
2023年5月8日
杭州市人工智能若干措施
一、支持措施
（一）支持模型研发。设立人工智能专项资金。（市科技局牵头，市财政局配合）
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return build_texts(tmp_path_factory.mktemp("notices"), {"first.txt": FIRST, "second.txt": SECOND})


def ties(g):
    return {frozenset((a, b)): (d["weight"], d["years"]) for a, b, d in g.edges(data=True)}


def test_co_issuance_joins_the_bodies_that_issue_a_notice_together(graph):
    g = api.network([graph], "co-issuance")
    assert ties(g) == {frozenset((DRC, FIN)): (1, "2021"), frozenset((SCI, FIN)): (1, "2023")}
    assert g.nodes[FIN]["label"] == "杭州市财政局" and g.nodes[FIN]["strength"] == 2


def test_collaboration_joins_the_bodies_of_each_measure_and_counts_what_they_share(graph):
    g = api.network([graph], "collaboration")
    # measure 1: DRC leads, FIN and SCI support; measure 2: SCI and FIN; the 2023 measure: SCI and FIN
    assert ties(g) == {frozenset((DRC, FIN)): (1, "2021"), frozenset((DRC, SCI)): (1, "2021"),
                       frozenset((SCI, FIN)): (3, "2021;2023")}
    assert [g.nodes[n]["strength"] for n in (DRC, FIN, SCI)] == [2, 4, 4]


def test_a_period_keeps_only_the_documents_of_its_years(graph):
    assert ties(api.network([graph], "co-issuance", start=2022)) == {frozenset((SCI, FIN)): (1, "2023")}
    assert ties(api.network([graph], "collaboration", end=2021)) == {
        frozenset((DRC, FIN)): (1, "2021"), frozenset((DRC, SCI)): (1, "2021"), frozenset((SCI, FIN)): (2, "2021")}


def test_each_format_reads_back_with_the_same_nodes_ties_weights_and_centralities(graph, tmp_path):
    g = api.network([graph], "collaboration")
    files = api.write_network(g, tmp_path)
    gexf = nx.read_gexf(files["collaboration.gexf"])
    graphml = nx.read_graphml(files["collaboration.graphml"])
    pajek = nx.Graph(nx.read_pajek(files["collaboration.net"]))
    labels = {n: d["label"] for n, d in g.nodes(data=True)}
    expected = {frozenset((labels[a], labels[b])): d["weight"] for a, b, d in g.edges(data=True)}
    for read in (gexf, graphml):
        assert {frozenset((read.nodes[a]["label"], read.nodes[b]["label"])): float(d["weight"])
                for a, b, d in read.edges(data=True)} == expected
        for node, data in g.nodes(data=True):
            for measure in ("degree", "strength", "betweenness", "eigenvector"):
                assert float(read.nodes[node][measure]) == pytest.approx(data[measure]), (node, measure)
    assert {frozenset((a, b)): float(d["weight"]) for a, b, d in pajek.edges(data=True)} == expected
    # the centralities written are those of the graph the Pajek file holds
    eigen = nx.eigenvector_centrality(pajek, max_iter=1000, tol=1e-10, weight="weight")
    between = nx.betweenness_centrality(pajek, normalized=True)
    for node, data in g.nodes(data=True):
        assert eigen[labels[node]] == pytest.approx(data["eigenvector"], abs=1e-5)
        assert between[labels[node]] == pytest.approx(data["betweenness"], abs=1e-5)
        assert pajek.degree(labels[node], weight="weight") == data["strength"]


def test_the_same_graph_gives_the_same_bytes(graph, tmp_path):
    first = api.write_network(api.network([graph], "co-issuance"), tmp_path / "a")
    second = api.write_network(api.network([graph], "co-issuance"), tmp_path / "b")
    assert [p.read_bytes() for p in first.values()] == [p.read_bytes() for p in second.values()]


def test_the_command_writes_three_files_and_refuses_a_reversed_period(graph, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["network", str(graph), "--kind", "collaboration", "-o", str(tmp_path / "n")])
    assert result.exit_code == 0, result.output
    assert "collaboration: 3 bodies, 3 ties, density 1.0000" in result.output
    assert sorted(p.name for p in (tmp_path / "n").iterdir()) == [
        "collaboration.gexf", "collaboration.graphml", "collaboration.net"]
    result = runner.invoke(cli, ["network", str(graph), "--kind", "co-issuance", "--from", "2024", "--to", "2020",
                                 "-o", str(tmp_path / "m")])
    assert result.exit_code != 0 and "give the earlier year first" in result.output
    assert not (tmp_path / "m").exists()


def test_the_report_gives_each_network_year_by_year(graph, tmp_path):
    written = api.report([graph], outdir=tmp_path)
    text = written["report.md"].read_text(encoding="utf-8")
    assert "| co-issuance | 3 | 2 | 0.6667 |" in text and "| collaboration | 3 | 3 | 1.0000 |" in text
    section = text[text.index("### collaboration, year by year"):]
    assert "| 2021 | 3 | 3 | 1.0000 |" in section and "| 2023 | 2 | 1 | 1.0000 |" in section
    assert written["networks.png"].read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize("kind", ["collaboration", "citation"])
def test_a_document_of_two_dates_gives_its_earliest_whatever_the_order_of_the_rows(kind):
    from rdflib import Literal, URIRef

    from kg.query import Table
    from kg.views.collaboration import network

    if kind == "collaboration":
        columns = ["subject", "body", "agency", "role", "level", "kind", "document", "year"]
        rows = [["s1", "甲局", "a", "lead", "", "agency", "某方案", year] for year in ("2021", "2019")]
        rows += [["s1", "乙局", "b", "support", "", "agency", "某方案", year] for year in ("2021", "2019")]
    else:
        columns = ["document", "kind", "cited", "sentence", "doc", "cited_doc", "year", "document_kind", "cited_kind"]
        rows = [["某方案", "cites", "某规划", "依据某规划", "d1", "d2", year, "", ""] for year in ("2021", "2019")]
    as_terms = [[URIRef(v) if c in ("agency", "subject", "doc", "cited_doc") else Literal(v)
                 for c, v in zip(columns, row)] for row in rows]
    forward = network(Table(columns, as_terms), kind)
    backward = network(Table(columns, as_terms[::-1]), kind)
    assert [d["years"] for *_, d in forward.edges(data=True)] == ["2019"]
    assert [d["years"] for *_, d in backward.edges(data=True)] == ["2019"]
