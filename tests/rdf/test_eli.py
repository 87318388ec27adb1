"""Dates of force and links between documents in the graph, on ELI's terms, and the two named
questions on them (in_force, citations). Two made-up rule books of one city: the first enters into
force on 2019-01-01 for three years; the second enters into force on 2022-03-01, rests on a
provincial regulation and repeals the first."""

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from conftest import build_texts
from kg import api
from kg.rdf.namespaces import ELI

FIRST = """某市停车管理办法
第一条 为规范停车管理，制定本办法。
第二条 本办法自2019年1月1日起施行，有效期3年。
"""
SECOND = """某市停车设施管理办法
第一条 根据《某省停车条例》，制定本办法。
第二条 本办法自2022年3月1日起施行。《某市停车管理办法》同时废止。
"""
DOC = "https://w3id.org/policy-kg/id/doc/"


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return build_texts(tmp_path_factory.mktemp("rules"), {"first.txt": FIRST, "second.txt": SECOND})


def test_dates_of_force_and_links_are_elis_with_their_evidence(graph):
    g = api.load([graph])
    first, second = URIRef(DOC + "某市停车管理办法"), URIRef(DOC + "某市停车设施管理办法")
    assert g.value(first, ELI.first_date_entry_in_force) == Literal("2019-01-01", datatype=XSD.date)
    assert g.value(first, ELI.date_no_longer_in_force) == Literal("2021-12-31", datatype=XSD.date)  # three years
    assert (second, ELI.repeals, first) in g
    assert (second, ELI.based_on, URIRef(DOC + "某省停车条例")) in g
    statement = next(g.subjects(RDF.predicate, ELI.repeals))
    sentence = str(api.query([graph], text=f"""SELECT ?t WHERE {{ <{statement}> prov:wasDerivedFrom/pol:text ?t }}""").rows[0][0])
    assert "同时废止" in sentence


@pytest.mark.parametrize("day, expected", [
    ("2018-06-01", {"某市停车管理办法": ("not yet in force", ""), "某市停车设施管理办法": ("not yet in force", "")}),
    ("2021-06-01", {"某市停车管理办法": ("in force", ""), "某市停车设施管理办法": ("not yet in force", "")}),
    ("2022-01-15", {"某市停车管理办法": ("expired", ""), "某市停车设施管理办法": ("not yet in force", "")}),
    ("2022-06-01", {"某市停车管理办法": ("repealed", "某市停车设施管理办法"), "某市停车设施管理办法": ("in force", "")}),
])
def test_in_force_says_what_held_on_a_day_and_why(graph, day, expected):
    table = api.query([graph], named="in_force", params={"on": day})
    rows = [dict(zip(table.columns, (str(c) if c is not None else "" for c in row))) for row in table.rows]
    assert {r["document"]: (r["status"], r["repealed_by"]) for r in rows} == expected
    assert {r["day"] for r in rows} == {day}


def test_citations_give_each_link_its_kind(graph):
    table = api.query([graph], named="citations")
    got = {(str(r[0]), str(r[1]), str(r[2])) for r in table.rows}
    assert got == {("某市停车设施管理办法", "based_on", "某省停车条例"),
                   ("某市停车设施管理办法", "repeals", "某市停车管理办法")}


def test_the_citation_network_has_an_arc_for_each_document_cited_and_reads_back(graph, tmp_path):
    import networkx as nx

    g = api.network([graph], "citation")
    second, first = DOC + "某市停车设施管理办法", DOC + "某市停车管理办法"
    assert g.is_directed()
    assert {(a, b): d["kinds"] for a, b, d in g.edges(data=True)} == {
        (second, DOC + "某省停车条例"): "based_on", (second, first): "repeals"}
    assert g.nodes[second]["kind"] == "管理办法" and g.nodes[second]["degree"] == 2  # kinds end titles, longest first
    assert [e[2]["years"] for e in g.edges(data=True)] == ["2022", "2022"]  # the citing document's year
    files = api.write_network(g, tmp_path)
    back = nx.read_gexf(files["citation.gexf"])
    assert back.is_directed() and set(back.edges()) == set(g.edges())
    pajek = (tmp_path / "citation.net").read_text(encoding="utf-8")
    assert "*Arcs" in pajek and len(nx.read_pajek(files["citation.net"]).edges()) == 2
    assert api.network([graph], "citation", end=2021).number_of_edges() == 0  # the citing document is of 2022
