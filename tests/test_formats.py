"""Output formats by name (kg.formats): read back by a second parser, the same bytes from a build,
a file and a store, and a new format added as one class."""

import csv
import io
import json

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from conftest import ROOT, SEED
from kg import api
from kg.cli import cli
from kg.errors import InputError
from kg.formats import Format, format_named, formats, register, union
from kg.rdf.ontology import jsonld_context
from kg.stores.terms import triple_of

OX_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
              "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML}
FILES = [SEED, ROOT / "tests" / "data" / "corpus" / "05_beijing-data-zone-guiding-opinions-2022.txt"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seed and a corpus document built into files (-o) and into a store, from the same documents."""
    out = tmp_path_factory.mktemp("formats")
    api.write(api.build(FILES), out / "out")
    api.build_store(FILES, out / "store")
    return out


@pytest.fixture(scope="module")
def source(built):
    return api.source([built / "out" / "graph.trig"])


def canonical(graph: Graph) -> Graph:
    """The graph with numbers written in one way: 8000, 8000.0 and "8000"^^xsd:decimal are one value."""
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


def test_the_registry_holds_every_format_once_with_its_own_suffix():
    names = list(formats())
    assert names == sorted(names)
    assert {"ttl", "trig", "nt", "nq", "jsonld", "xml", "csv", "graphml", "gexf", "pajek", "html"} <= set(names)
    suffixes = [f.suffix for f in formats().values()]
    assert len(set(suffixes)) == len(suffixes)
    with pytest.raises(InputError, match="unknown format 'turtle'; use one of csv, gexf"):
        format_named("turtle")


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "xml"])
def test_a_graph_export_reads_back_as_the_same_graph(source, fmt):
    back = parsed(api.export(source, fmt), fmt)
    assert list(back) == [""]
    assert isomorphic(canonical(back[""]), canonical(union(source.quads)))


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_a_dataset_export_keeps_each_named_graph(source, fmt):
    back = parsed(api.export(source, fmt), fmt)
    dataset = source.dataset()
    held = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    assert sorted(back) == sorted(held)
    assert len(held) == 3  # two files read, and the shared graph
    for name, graph in held.items():
        assert isomorphic(canonical(back[name]), canonical(graph)), name


@pytest.mark.parametrize("fmt", sorted(formats()))
def test_the_same_graph_gives_the_same_bytes_from_a_file_and_from_a_store(built, source, fmt):
    expected = api.export(source, fmt)
    assert api.export(api.source(store=built / "store"), fmt) == expected
    # ...and streamed to a file, as `export --store` writes it
    streamed = api.export_to(api.source(store=built / "store"), fmt, built / f"streamed.{fmt}")
    assert streamed.read_bytes() == expected


@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig", "graph.html"])
def test_build_and_export_write_the_same_bytes(built, source, name):
    written = (built / "out" / name).read_bytes()
    assert api.export(source, name.split(".")[1]) == written
    result = CliRunner().invoke(cli, ["export", str(built / "out" / "graph.trig"), "--format", name.split(".")[1],
                                      "-o", str(built / f"again-{name}")])
    assert result.exit_code == 0, result.output
    assert (built / f"again-{name}").read_bytes() == written


def test_json_ld_uses_the_shipped_context(source):
    doc = json.loads(api.export(source, "jsonld"))
    assert doc["@context"] == jsonld_context()
    properties = {key for node in doc["@graph"] for key in node if not key.startswith("@")}
    assert "pol:value" in properties and "skos:prefLabel" in properties  # compacted by the context


def test_csv_has_a_row_per_triple_with_labels(source):
    rows = list(csv.DictReader(io.StringIO(api.export(source, "csv").decode("utf-8"))))
    assert len(rows) == len(union(source.quads))
    # the seed: 到2021年…有效发明专利拥有量达到15万件
    target = next(r for r in rows if r["predicate"].endswith("#value") and r["subject_label"].startswith("有效发明专利拥有量"))
    assert target["object"] == "150000" or target["object"].startswith("150000")
    assert target["predicate_label"] == "数值 · value"
    agency = next(r for r in rows if r["object_label"] == "北京市知识产权局" and r["object"].startswith("http"))
    assert agency["object"].startswith("https://w3id.org/policy-kg/id/agency/")


def test_the_network_formats_read_back_as_the_same_network(source, tmp_path):
    from kg.views.network import to_networkx

    expected = to_networkx(union(source.quads))
    labels = {data["label"] for _, data in expected.nodes(data=True)}
    assert "北京市知识产权局" in labels
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        back = reader(io.BytesIO(api.export(source, fmt)))
        assert back.number_of_nodes() == expected.number_of_nodes(), fmt
        assert back.number_of_edges() == expected.number_of_edges(), fmt
    (tmp_path / "g.net").write_bytes(api.export(source, "pajek"))
    pajek = nx.read_pajek(tmp_path / "g.net")
    assert pajek.number_of_edges() == expected.number_of_edges()
    assert {data.get("label", n) for n, data in pajek.nodes(data=True)} <= labels | set(pajek.nodes)


def test_a_new_format_is_one_class_and_the_command_offers_it(built):
    @register
    class Counts(Format):
        name, suffix, description = "counts", ".counts", "how many triples each graph holds"

        def write(self, quads, title=""):
            graphs = sorted(g.value for g in quads.named_graphs())
            return "".join(f"{g}\t{len(list(quads.quads_for_pattern(None, None, None, ox.NamedNode(g))))}\n"
                           for g in graphs).encode()

    try:
        out = built / "graph.counts"
        result = CliRunner().invoke(cli, ["export", "--store", str(built / "store"), "--format", "counts",
                                          "-o", str(out)])
        assert result.exit_code == 0, result.output
        lines = out.read_text().splitlines()
        assert len(lines) == 3 and all(int(line.split("\t")[1]) > 0 for line in lines)
    finally:
        from kg import formats as registry

        registry._REGISTRY.pop("counts")


def test_the_command_writes_each_format_and_refuses_what_it_cannot_read(tmp_path):
    assert CliRunner().invoke(cli, ["build", str(SEED), "--store", str(tmp_path / "store"), "-q"]).exit_code == 0
    for fmt, chosen in formats().items():
        out = tmp_path / f"seed{chosen.suffix}"
        result = CliRunner().invoke(cli, ["export", "--store", str(tmp_path / "store"), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
    bad = CliRunner().invoke(cli, ["export", str(tmp_path / "seed.csv"), "--format", "ttl", "-o", str(tmp_path / "x")])
    assert bad.exit_code == 1 and "unknown RDF format" in bad.output
    assert not (tmp_path / "x").exists()
    wrong = CliRunner().invoke(cli, ["export", "--store", str(tmp_path / "store"), "--format", "turtle", "-o",
                                     str(tmp_path / "y")])
    assert wrong.exit_code == 2 and "'turtle' is not one of" in wrong.output


def test_the_network_formats_carry_class_colour_and_centralities_and_no_made_up_offsets(source):
    from kg.views.html import STYLE

    back = nx.read_graphml(io.BytesIO(api.export(source, "graphml")))
    by_label = {data["label"]: data for _, data in back.nodes(data=True)}
    bureau = by_label["北京市知识产权局"]  # leads every guarantee measure of the seed, and drafted it
    assert bureau["cls"] == "Agency" and bureau["color"] == STYLE["Agency"][0]
    assert bureau["degree"] >= 5 and bureau["betweenness"] > 0
    indicator = by_label["有效发明专利拥有量"]
    assert "start" not in indicator and indicator["betweenness"] == 0  # an indicator is read from no one place
    target = next(d for d in back.nodes.values() if d["cls"] == "Target")
    assert target["start"] >= 0 and target["end"] > target["start"]
    gexf = nx.read_gexf(io.BytesIO(api.export(source, "gexf")))
    assert {d["color"] for d in gexf.nodes.values()} <= {c for c, _ in STYLE.values()}
