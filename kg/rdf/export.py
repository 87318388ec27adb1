"""Exports of a policy graph for other tools, each the same for the same graph.

``ttl``
    Turtle, all triples (sorted by rdflib's writer);
``nt``
    N-Triples, one triple per line, lines sorted;
``nq``
    N-Quads, one quad per line with its named graph (one per file read, plus
    the shared graph), lines sorted;
``trig``
    TriG, one named graph per file read (:func:`kg.rdf.serialize.trig`);
``jsonld``
    JSON-LD, compacted with the context shipped as
    ``ontology/policy.context.jsonld`` (inlined, so the file reads offline),
    nodes sorted by ``@id``;
``xml``
    RDF/XML;
``csv``
    one row per triple: subject, predicate, object, and the labels of each
    (an IRI's ``rdfs:label`` or ``skos:prefLabel``, a property's Chinese and
    English labels from the ontology), for spreadsheets.

The ontology's own triples are not exported with the data; it is
``ontology/policy.ttl``.
"""

from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from kg.errors import InputError

FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "xml", "csv")
SUFFIXES = {"ttl": ".ttl", "nt": ".nt", "nq": ".nq", "trig": ".trig", "jsonld": ".jsonld", "xml": ".rdf",
            "csv": ".csv"}


@lru_cache(maxsize=1)
def context() -> dict:
    """The JSON-LD context shipped with the ontology."""
    from kg.sparql import ontology_path

    path = ontology_path().with_name("policy.context.jsonld")
    return json.loads(path.read_text(encoding="utf-8"))["@context"]


def union(dataset: Dataset) -> Graph:
    from kg.rdf.graph import new_graph

    graph = new_graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _term(t) -> str:
    return t.n3()


def _label(graph: Graph, term) -> str:
    if isinstance(term, Literal):
        return str(term)
    for prop in (RDFS.label, SKOS.prefLabel):
        value = graph.value(term, prop)
        if value is not None:
            return str(value)
    if str(term).startswith("https://w3id.org/policy-kg/ontology#"):
        return _predicate_label(term)  # a class or code of the ontology: 机构 · agency
    return ""


def _predicate_label(term: URIRef) -> str:
    from kg.views.network import term_labels

    zh, en = term_labels(str(term))
    return zh if zh == en else f"{zh} · {en}"


def export(dataset: Dataset, fmt: str) -> bytes:
    """``dataset`` (named graphs of a build or a store) in format ``fmt``."""
    from kg.rdf.serialize import trig

    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "trig":
        return trig(dataset).encode("utf-8")
    if fmt == "nq":
        lines = sorted({f"{_term(s)} {_term(p)} {_term(o)} {_term(g)} .\n" if not isinstance(g, BNode)
                        else f"{_term(s)} {_term(p)} {_term(o)} .\n"
                        for s, p, o, g in dataset.quads((None, None, None, None))})
        return "".join(lines).encode("utf-8")
    graph = union(dataset)
    if fmt == "ttl":
        return graph.serialize(format="turtle").encode("utf-8")
    if fmt == "nt":
        return "".join(sorted({f"{_term(s)} {_term(p)} {_term(o)} .\n" for s, p, o in graph})).encode("utf-8")
    if fmt == "xml":
        return graph.serialize(format="xml").encode("utf-8")
    if fmt == "jsonld":
        doc = json.loads(graph.serialize(format="json-ld", context=context(), auto_compact=True))
        nodes = doc.get("@graph", [doc] if "@id" in doc else [])
        nodes = [{k: v for k, v in n.items() if k != "@context"} for n in nodes]
        out = {"@context": context(), "@graph": sorted(nodes, key=lambda n: str(n.get("@id", "")))}
        return (json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    rows = io.StringIO()
    writer = csv.writer(rows, lineterminator="\n")
    writer.writerow(["subject", "predicate", "object", "subject_label", "predicate_label", "object_label"])
    for s, p, o in sorted(graph, key=lambda t: (_term(t[0]), _term(t[1]), _term(t[2]))):
        writer.writerow([str(s), str(p), str(o), _label(graph, s), _predicate_label(p), _label(graph, o)])
    return rows.getvalue().encode("utf-8")


def read_dataset(graphs=(), store: str | Path | None = None) -> Dataset:
    """The named graphs of RDF files or of a store, without the ontology, as an rdflib dataset."""
    from kg.api import _quad_source

    return dataset_of(_quad_source(graphs, store)[0])


def dataset_of(source) -> Dataset:
    """The named graphs of a pyoxigraph store, in IRI order and without the ontology, as an rdflib dataset."""
    import pyoxigraph as ox

    from kg.rdf import ONTOLOGY_IRI
    from kg.rdf.graph import new_dataset
    from kg.stores.terms import triple_of

    dataset = new_dataset()
    for g in sorted((g for g in source.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value):
        if g.value == ONTOLOGY_IRI:
            continue
        target = dataset.graph(URIRef(g.value))
        for q in source.quads_for_pattern(None, None, None, g):
            target.add(triple_of(q))
    return dataset
