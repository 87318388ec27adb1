"""Exports, read back by a second, independent parser (pyoxigraph): the same triples."""

import csv
import io
import json

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from conftest import ROOT, SEED
from kg import api
from kg.rdf.export import FORMATS, context, export, read_dataset, union
from kg.stores.terms import triple_of

OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
              "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML}


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    files = [SEED, ROOT / "tests" / "data" / "corpus" / "05_beijing-data-zone-guiding-opinions-2022.txt"]
    api.write(api.build(files), out, with_html=False)
    dataset = read_dataset([out / "graph.trig"])
    dataset.path = out / "graph.trig"
    return dataset


def canonical(graph: Graph) -> Graph:
    """The graph with numbers written in one way: 8000, 8000.0 and "8000"^^xsd:decimal are one value,
    and a store keeps it as 8000 while rdflib's Turtle writes 8000.0."""
    from decimal import Decimal

    from rdflib import Literal
    from rdflib.namespace import XSD

    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype in (XSD.decimal, XSD.integer):
            o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=o.datatype)
        out.add((s, p, o))
    return out


def parsed(data: bytes, fmt: str) -> dict[str, Graph]:
    """The graphs pyoxigraph reads from ``data``, by graph name ('' for the default graph)."""
    graphs: dict[str, Graph] = {}
    for q in ox.parse(data, format=OX_FORMATS[fmt]):
        name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
        graphs.setdefault(name, Graph()).add(triple_of(q))
    return graphs


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "xml"])
def test_a_graph_export_reads_back_as_the_same_graph(dataset, fmt):
    back = parsed(export(dataset, fmt), fmt)
    assert list(back) == [""]
    assert isomorphic(canonical(back[""]), canonical(union(dataset)))


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_a_dataset_export_keeps_each_named_graph(dataset, fmt):
    back = parsed(export(dataset, fmt), fmt)
    source = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    assert sorted(back) == sorted(source)
    assert len(source) == 3  # two files read, and the shared graph
    for name, graph in source.items():
        assert isomorphic(canonical(back[name]), canonical(graph)), name


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_same_graph_gives_the_same_bytes(dataset, fmt):
    assert export(read_dataset([dataset.path]), fmt) == export(dataset, fmt)


def test_json_ld_uses_the_shipped_context(dataset):
    doc = json.loads(export(dataset, "jsonld"))
    assert doc["@context"] == context()
    properties = {key for node in doc["@graph"] for key in node if not key.startswith("@")}
    assert "pol:value" in properties and "skos:prefLabel" in properties  # compacted by the context


def test_csv_has_a_row_per_triple_with_labels(dataset):
    rows = list(csv.DictReader(io.StringIO(export(dataset, "csv").decode("utf-8"))))
    assert len(rows) == len(union(dataset))
    target = next(r for r in rows if r["predicate"].endswith("#value") and r["subject_label"].startswith("有效发明专利拥有量"))
    assert target["object"] == "150000" or target["object"].startswith("150000")
    assert target["predicate_label"] == "数值 · value"
    agency = next(r for r in rows if r["object_label"] == "北京市知识产权局" and r["object"].startswith("http"))
    assert agency["object"].startswith("https://w3id.org/policy-kg/id/agency/")


def test_the_command_writes_each_format(tmp_path):
    from click.testing import CliRunner

    from kg.cli import cli

    assert CliRunner().invoke(cli, ["build", str(SEED), "--store", str(tmp_path / "store"), "-q"]).exit_code == 0
    for fmt in FORMATS:
        out = tmp_path / f"seed.{fmt}"
        result = CliRunner().invoke(cli, ["export", "--store", str(tmp_path / "store"), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
    bad = CliRunner().invoke(cli, ["export", str(tmp_path / "seed.csv"), "--format", "ttl", "-o", str(tmp_path / "x")])
    assert bad.exit_code == 1 and "unknown RDF format" in bad.output
