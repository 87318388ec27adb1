"""CSV for spreadsheets: one row per triple, with the labels of each term.

An IRI's label is its ``rdfs:label`` or ``skos:prefLabel``; a property's, or a
class's or code's of the ontology, its Chinese and English labels there.
"""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from kg.formats import Format, register, union
from kg.rdf.namespaces import POL
from kg.rdf.ontology import term_labels


def _label(graph: Graph, term) -> str:
    if isinstance(term, Literal):
        return str(term)
    for prop in (RDFS.label, SKOS.prefLabel):
        value = graph.value(term, prop)
        if value is not None:
            return str(value)
    if str(term).startswith(str(POL._NS)):
        return _predicate_label(term)  # a class or code of the ontology: 机构 · agency
    return ""


def _predicate_label(term: URIRef) -> str:
    zh, en = term_labels(str(term))
    return zh if zh == en else f"{zh} · {en}"


@register
class Csv(Format):
    name, suffix, description = "csv", ".csv", "CSV: a row per triple, with the labels of each term"

    def write(self, quads: ox.Store, title: str = "") -> bytes:
        graph = union(quads)
        rows = io.StringIO()
        writer = csv.writer(rows, lineterminator="\n")
        writer.writerow(["subject", "predicate", "object", "subject_label", "predicate_label", "object_label"])
        for s, p, o in sorted(graph, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3())):
            writer.writerow([str(s), str(p), str(o), _label(graph, s), _predicate_label(p), _label(graph, o)])
        return rows.getvalue().encode("utf-8")
