"""rdflib datasets to query: the ontology beside the data, the default graph the union of all."""

from __future__ import annotations

from rdflib import Dataset, Graph, URIRef

from kg.rdf.namespaces import ONTOLOGY_IRI
from kg.rdf.ontology import ontology


def new_dataset() -> Dataset:
    """Return a dataset whose default graph is the union of its graphs, holding the ontology."""
    ds = Dataset(default_union=True)
    ds.graph(URIRef(ONTOLOGY_IRI)).__iadd__(ontology())
    return ds


def with_graph(graph: Graph) -> Dataset:
    """Return a queryable dataset holding ``graph`` (copied) beside the ontology."""
    ds = new_dataset()
    ds.graph(URIRef("urn:policy-kg:graph")).__iadd__(graph)
    return ds
