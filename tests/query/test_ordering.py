"""A whole listing ordered in Python answers as the engine orders it (kg/query/ordering.py)."""

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg import api
from kg.query.ordering import order_rows, trailing_order
from kg.stores.disk import OxigraphBackend

EX = "https://example.org/"


def test_rows_are_ordered_as_sparql_orders_them():
    a, b, nine, ten = URIRef(EX + "a"), URIRef(EX + "b"), Literal(9), Literal(10)
    rows = [[b, ten], [a, nine], [None, Literal(1)], [a, ten], [BNode("x"), nine]]
    # unbound first, then blank nodes, then IRIs by their characters; numbers by value (10 after 9, not before)
    assert order_rows(["s", "n"], rows, (("s", False), ("n", False))) == [
        [None, Literal(1)], [BNode("x"), nine], [a, nine], [a, ten], [b, ten]]
    # a descending key first, the next ascending; equal rows keep their order
    assert order_rows(["s", "n"], rows, (("n", True), ("s", False))) == [
        [a, ten], [b, ten], [BNode("x"), nine], [a, nine], [None, Literal(1)]]


def test_a_column_mixing_kinds_whose_order_the_engine_decides_is_left_to_the_engine():
    mixed = [[Literal(10)], [Literal("十")]]
    assert order_rows(["n"], mixed, (("n", False),)) is None
    tagged = [[Literal("北京", lang="zh")], [Literal("上海")]]
    assert order_rows(["n"], tagged, (("n", False),)) is None
    dates = [[Literal("2025", datatype=XSD.gYear)], [Literal("2025-06", datatype=XSD.gYearMonth)]]
    assert order_rows(["n"], dates, (("n", False),)) is None


@pytest.mark.parametrize("text, expected", [
    ("SELECT ?s ?n WHERE { ?s ?p ?n } ORDER BY ?s DESC(?n)", ("SELECT ?s ?n WHERE { ?s ?p ?n } ", (("s", False), ("n", True)))),
    ("SELECT ?s WHERE { ?s ?p ?n } ORDER BY ?n", None),  # a key the rows do not carry
    ("SELECT ?s WHERE { ?s ?p ?n } ORDER BY ?s LIMIT 5", None),  # a page: the engine must order before cutting
    ("SELECT ?s WHERE { { SELECT ?s WHERE { ?s ?p ?n } ORDER BY ?s } }", None),  # a subquery's order
    ("SELECT ?s WHERE { ?s ?p ?n } ORDER BY STR(?s)", None),  # an expression
    ("SELECT DISTINCT ?s WHERE { ?s ?p ?n } ORDER BY ?s", ("SELECT DISTINCT ?s WHERE { ?s ?p ?n } ", (("s", False),))),
])
def test_only_an_order_over_the_whole_rows_by_their_own_columns_is_taken_over(text, expected):
    assert trailing_order(text) == expected


def test_the_store_gives_the_same_rows_in_the_same_order_as_the_engine_would(monkeypatch):
    import kg.stores.disk as disk

    store = ox.Store()
    graph, p = ox.NamedNode(EX + "g"), ox.NamedNode(EX + "p")
    for k, name in enumerate(["乙", "甲", "丙", "甲", "Z", "a"]):
        store.add(ox.Quad(ox.NamedNode(f"{EX}s{k % 4}"), p, ox.Literal(name), graph))
        store.add(ox.Quad(ox.NamedNode(f"{EX}s{k % 4}"), ox.NamedNode(EX + "n"), ox.Literal(str(k * 7 % 11), datatype=ox.NamedNode(str(XSD.integer))), graph))
    text = f"SELECT ?s ?name ?n WHERE {{ ?s <{EX}p> ?name ; <{EX}n> ?n }} ORDER BY ?name DESC(?n) ?s"
    backend = OxigraphBackend(store)
    taken = [[str(c) for c in row] for row in api.query(backend, text=text).rows]
    monkeypatch.setattr(disk, "trailing_order", lambda text: None)  # the engine orders them
    engine = [[str(c) for c in row] for row in api.query(backend, text=text).rows]
    assert taken == engine and len(taken) == 10
    # names by their characters (Z, a, 丙, 乙, 甲), then the number falling, then the subject
    assert taken[:3] == [[EX + "s0", "Z", "6"], [EX + "s0", "Z", "0"], [EX + "s1", "a", "7"]]
