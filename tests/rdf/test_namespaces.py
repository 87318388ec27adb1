import re

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.rdf.namespaces import POL
from kg.rdf.ontology import ontology_path


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(ontology_path(), format="turtle")


def test_namespace_terms_are_exactly_the_ontology_terms(ontology):
    declared = {str(s)[len(str(POL._NS)):] for s in ontology.subjects() if str(s).startswith(str(POL._NS))}
    defined = set(POL.__annotations__)
    assert declared == defined


def test_a_typo_raises_instead_of_minting_an_iri():
    with pytest.raises(AttributeError):
        POL.Targt


def test_every_class_and_property_has_chinese_and_english_labels_and_a_definition(ontology):
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in ontology.subjects(RDF.type, kind):
            if not isinstance(term, URIRef):
                continue  # an anonymous union class of a domain or range
            langs = {lbl.language for lbl in ontology.objects(term, RDFS.label)}
            assert {"zh", "en"} <= langs, term
            assert ontology.value(term, RDFS.comment) is not None, term


def test_standard_vocabularies_are_reused_by_subclassing(ontology):
    parents = {str(o) for o in ontology.objects(None, RDFS.subClassOf)} | {str(o) for o in ontology.objects(None, RDFS.subPropertyOf)}
    for vocab in ("http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#", "http://purl.org/dc/terms/",
                  "http://www.w3.org/2004/02/skos/core#"):
        assert any(p.startswith(vocab) for p in parents), vocab
