"""The ontology is one OWL tools can check: declared domains and ranges, and an
OWL 2 RL closure (owlrl) over it and the seed graph finds no inconsistency."""

import owlrl
import pytest
from owlrl.Namespaces import ERRNS
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.rdf.namespaces import POL
from kg.rdf.ontology import ontology_path


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(ontology_path(), format="turtle")


def inconsistencies(graph: Graph) -> list[str]:
    closed = Graph()
    for triple in graph:
        closed.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closed)
    return [str(closed.value(m, ERRNS.error)) for m in closed.subjects(RDF.type, ERRNS.ErrorMessage)]


def test_every_property_declares_its_domain_and_range(ontology):
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in ontology.subjects(RDF.type, kind):
            assert ontology.value(prop, RDFS.domain) is not None, prop
            assert ontology.value(prop, RDFS.range) is not None, prop


def test_the_seed_graph_is_consistent_with_the_ontology(ontology, seed_build):
    assert inconsistencies(ontology + seed_build.graph) == []


def test_the_check_finds_an_inconsistency_when_there_is_one(ontology, seed_build):
    broken = ontology + seed_build.graph
    target = next(broken.subjects(RDF.type, POL.Target))
    broken.add((target, RDF.type, POL.Baseline))  # a figure cannot be set and reported at once
    found = inconsistencies(broken)
    assert found and "Disjoint classes" in found[0] and str(target) in found[0]


def test_the_closure_infers_the_reused_vocabularies(ontology, seed_build):
    closed = ontology + seed_build.graph
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closed)
    agency = URIRef("https://w3id.org/policy-kg/id/agency/北京市知识产权局")
    assert (agency, RDF.type, URIRef("http://www.w3.org/ns/org#FormalOrganization")) in closed
    responsibility = next(seed_build.graph.subjects(POL.agency, agency))
    assert (responsibility, URIRef("http://www.w3.org/ns/prov#wasAttributedTo"), agency) in closed


def test_the_reference_page_is_what_the_ontology_says(ontology):
    from kg.rdf.docs import reference

    committed = (ontology_path().parent / "reference.md").read_text(encoding="utf-8")
    assert committed == reference(ontology), "run `make docs` to regenerate ontology/reference.md"
    for term in ontology.subjects(RDF.type, OWL.Class):
        if isinstance(term, URIRef):
            assert f"`pol:{str(term).rsplit('#', 1)[1]}`" in committed
