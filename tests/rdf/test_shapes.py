"""SHACL shapes: the seed graph conforms, and each shape catches the graph it is there to catch."""

from copy import deepcopy
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.rdf.namespaces import POL
from kg.rdf.validate import shapes, validate


@pytest.fixture(scope="module")
def seed(seed_build) -> Graph:
    graph = Graph()
    for triple in seed_build.graph:
        graph.add(triple)
    return graph


def first(graph: Graph, cls) -> URIRef:
    return sorted(graph.subjects(RDF.type, cls))[0]


def drop(graph: Graph, subject, predicate) -> None:
    graph.remove((subject, predicate, None))


def break_target(g):
    t = first(g, POL.Target)
    drop(g, t, POL.value)
    return t


def break_baseline(g):
    b = first(g, POL.Baseline)
    g.add((b, POL.year, Literal("2017", datatype=XSD.gYear)))  # two years
    return b


def break_other_figure(g):
    f = first(g, POL.ContextFigure)  # the seed's 以下4个特点
    g.add((f, POL.change, POL.Increase))
    g.add((f, POL.change, POL.Decrease))  # up and down at once
    return f


def break_fact(g):
    m = first(g, POL.Measure)
    drop(g, m, PROV.wasDerivedFrom)
    return m


def break_sentence(g):
    s = first(g, POL.Sentence)
    start = g.value(s, POL.startOffset)
    drop(g, s, POL.endOffset)
    g.add((s, POL.endOffset, Literal(int(start))))  # ends where it starts
    return s


def break_task(g):
    t = first(g, POL.Task)
    g.remove((None, POL.hasTask, t))
    return t


def break_measure(g):
    m = sorted(set(g.subjects(RDF.type, POL.Measure)) - set(g.subjects(RDF.type, POL.GuaranteeMeasure)))[0]
    g.remove((None, POL.hasMeasure, m))
    return m


def break_responsibility(g):
    r = first(g, POL.Responsibility)
    drop(g, r, POL.role)
    g.add((r, POL.role, URIRef("https://w3id.org/policy-kg/ontology#Owner")))
    return r


def break_agency(g):
    a = first(g, POL.Agency)
    g.add((a, SKOS.prefLabel, Literal("另一个名字")))
    return a


def break_document(g):
    d = next(d for d in sorted(g.subjects(RDF.type, POL.PolicyDocument)) if g.value(d, POL.periodEnd) is not None)
    drop(g, d, POL.periodEnd)
    g.add((d, POL.periodEnd, Literal("2017", datatype=XSD.gYear)))  # ends before it starts (2019)
    return d


BREAKS = {"Target": break_target, "Baseline": break_baseline, "OtherFigure": break_other_figure, "Fact": break_fact, "Sentence": break_sentence,
          "Task": break_task, "Measure": break_measure, "Responsibility": break_responsibility,
          "Agency": break_agency, "Document": break_document}


def test_every_shape_has_a_test():
    declared = {str(s).rsplit("#", 1)[1] for s in shapes().subjects(RDF.type, URIRef("http://www.w3.org/ns/shacl#NodeShape"))}
    assert declared == set(BREAKS)


def test_the_seed_graph_conforms(seed):
    conforms, findings = validate(seed)
    assert conforms and findings == []


@pytest.mark.parametrize("shape", sorted(BREAKS))
def test_each_shape_catches_a_broken_graph(seed, shape):
    broken = deepcopy(seed)
    node = BREAKS[shape](broken)
    conforms, findings = validate(broken)
    assert not conforms
    assert [(f.shape, f.focus) for f in findings if f.severity == "Violation"] == [(shape, str(node))]


def test_a_target_without_a_time_horizon_is_caught_unless_its_plan_has_one(seed):
    broken = deepcopy(seed)
    target = next(t for t in sorted(broken.subjects(RDF.type, POL.Target))
                  if broken.value(t, POL.period) is None)  # 有效发明专利拥有量 超过15万件: no period word
    drop(broken, target, POL.deadline)
    assert validate(broken)[0]  # its plan runs to 2021
    plan = next(broken.subjects(POL.hasTarget, target))
    drop(broken, plan, POL.periodEnd)
    drop(broken, plan, POL.periodStart)
    conforms, findings = validate(broken)
    assert not conforms and any(f.focus == str(target) and "time horizon" in f.message for f in findings)


@pytest.mark.parametrize("cls, predicate, path", [
    (POL.Target, POL.unit, "pol:unit"),
    # a file may hold a fragment (a regulation cut after its title): the graph of it still conforms
    (POL.PolicyDocument, DCTERMS.title, "dcterms:title"),
])
def test_what_a_node_should_have_is_only_a_warning_when_missing(seed, cls, predicate, path):
    broken = deepcopy(seed)
    drop(broken, first(broken, cls), predicate)
    conforms, findings = validate(broken)
    assert conforms and [(f.severity, f.path) for f in findings] == [("Warning", path)]


def test_the_command_prints_violations_readably(tmp_path, seed):
    from click.testing import CliRunner

    from kg.cli import cli

    broken = deepcopy(seed)
    target = break_target(broken)
    broken.serialize(tmp_path / "broken.ttl", format="turtle")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "broken.ttl")])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"Violation · Target <{target}> (") and "exactly one numeric value" in lines[0]
    assert lines[-1].startswith("does not conform: 1 violation, 0 warnings")


def test_a_corpus_is_checked_a_file_at_a_time_with_the_findings_of_checking_it_whole(tmp_path, seed_path):
    from rdflib import Dataset

    from kg import api
    from kg.stores.source import GraphSource

    second = Path(__file__).resolve().parents[1] / "data" / "quantities" / "dev" / (
        "g10-01_nhsa-excess-prescription-smart-supervision-2025.txt")
    dataset = Dataset()
    dataset.parse(data=api.trig(api.build([seed_path, second])), format="trig")
    seed_graph = next(g for g in dataset.graphs() if str(g.identifier).endswith("/src/policy_text"))
    target = break_target(seed_graph)  # one file's target loses its value
    (tmp_path / "corpus.trig").write_bytes(dataset.serialize(format="trig", encoding="utf-8"))

    source = GraphSource(files=[tmp_path / "corpus.trig"])
    assert len(source.file_ids()) == 2
    calls = []
    conforms, findings, _ = api.validate(source, progress=calls.append)
    whole_conforms, whole_findings = validate(source.graph()[0])
    assert calls == [1, 1]
    assert not conforms and not whole_conforms
    assert findings == whole_findings
    assert any(f.severity == "Violation" and f.focus == str(target) for f in findings)
