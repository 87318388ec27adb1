"""A corpus's lines are sorted in runs on disk and merged: the same lines, in the same order, as
sorting them all in memory, whatever the size of a run."""

import re

import pyoxigraph as ox
import pytest

from kg.rdf.sorting import all_graphs, sorted_lines

EX = "https://example.org/"


def store_of_three_graphs() -> ox.Store:
    store = ox.Store()
    shared = ox.Triple(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("共同"))
    for k, graph in enumerate(["g2", "g1", "g3"]):
        name = ox.NamedNode(EX + graph)
        store.add(ox.Quad(shared.subject, shared.predicate, shared.object, name))  # in every graph
        for i in range(5):
            store.add(ox.Quad(ox.NamedNode(f"{EX}s{k}{i}"), ox.NamedNode(EX + "label"),
                              ox.Literal(f"第{i}条 é{k}"), name))
    store.add(ox.Quad(ox.NamedNode(EX + "z"), ox.NamedNode(EX + "p"), ox.Literal("default"), ox.DefaultGraph()))
    return store


@pytest.mark.parametrize("run_lines", [1, 2, 7, 1000])
def test_lines_merged_from_runs_are_those_sorted_in_memory(run_lines):
    store = store_of_three_graphs()
    whole = store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines()
    # the triples of every graph, each once, in the order Python sorts the decoded lines
    expected = sorted({re.sub(r" <https://example\.org/g\d> \.$", " .", line) + "\n" for line in whole})
    with sorted_lines(store, all_graphs(store), run_lines=run_lines) as lines:
        got = [line.decode("utf-8") for line in lines]
    assert got == expected
    assert len(got) == 1 + 3 * 5 + 1  # the shared triple once


@pytest.mark.parametrize("run_lines", [2, 1000])
def test_quad_lines_name_their_graph_and_keep_a_triple_in_each_graph(run_lines):
    store = store_of_three_graphs()
    expected = sorted(line + "\n" for line in store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines())
    with sorted_lines(store, all_graphs(store), with_graph=True, run_lines=run_lines) as lines:
        assert [line.decode("utf-8") for line in lines] == expected


def test_only_the_graphs_asked_for_are_read():
    store = store_of_three_graphs()
    with sorted_lines(store, [ox.NamedNode(EX + "g1")], run_lines=2) as lines:
        got = list(lines)
    assert len(got) == 6 and all(b"e.org/s1" in line or "共同".encode() in line for line in got)
