"""The RDF formats: Turtle, TriG, N-Triples, N-Quads, JSON-LD and RDF/XML.

Turtle, TriG, N-Triples and N-Quads are written from sorted N-Triples lines by
pyoxigraph (:mod:`kg.rdf.serialize`), sorted in runs on disk and merged
(:mod:`kg.rdf.sorting`), so a corpus is streamed to its file, never held whole
in memory; JSON-LD and RDF/XML go through an rdflib graph of everything.
JSON-LD is compacted with the context shipped as
``ontology/policy.context.jsonld`` (inlined, so the file reads offline), nodes
sorted by ``@id``. The ontology's own triples are not written
with the data; it is ``ontology/policy.ttl``.
"""

from __future__ import annotations

import json
from typing import BinaryIO

import pyoxigraph as ox

from kg.formats import Format, Streamed, register, union
from kg.rdf.serialize import stream_trig, stream_turtle
from kg.rdf.sorting import all_graphs, sorted_lines


def _chosen(quads: ox.Store, graphs: list | None) -> list:
    """The graphs of ``quads`` to write: those given, or all of them."""
    return all_graphs(quads) if graphs is None else graphs


def _named(quads: ox.Store, graphs: list | None) -> list:
    return [g for g in _chosen(quads, graphs) if isinstance(g, ox.NamedNode)]


@register
class Turtle(Streamed):
    name, suffix, description = "ttl", ".ttl", "Turtle: every triple, the graphs merged"

    def stream(self, quads: ox.Store, out: BinaryIO, title: str = "", graphs: list | None = None) -> None:
        with sorted_lines(quads, _chosen(quads, graphs)) as lines:
            stream_turtle(lines, out)


@register
class TriG(Streamed):
    name, suffix, description = "trig", ".trig", "TriG: one named graph per file read, and the shared graph"

    def stream(self, quads: ox.Store, out: BinaryIO, title: str = "", graphs: list | None = None) -> None:
        stream_trig(quads, _named(quads, graphs), out)


@register
class NTriples(Streamed):
    name, suffix, description = "nt", ".nt", "N-Triples: one triple a line, lines sorted"

    def stream(self, quads: ox.Store, out: BinaryIO, title: str = "", graphs: list | None = None) -> None:
        with sorted_lines(quads, _chosen(quads, graphs)) as lines:
            out.writelines(lines)


@register
class NQuads(Streamed):
    name, suffix, description = "nq", ".nq", "N-Quads: one triple a line with its named graph, lines sorted"

    def stream(self, quads: ox.Store, out: BinaryIO, title: str = "", graphs: list | None = None) -> None:
        with sorted_lines(quads, _chosen(quads, graphs), with_graph=True) as lines:
            out.writelines(lines)


@register
class JsonLD(Format):
    name, suffix, description = "jsonld", ".jsonld", "JSON-LD, compacted with the ontology's context"

    def write(self, quads: ox.Store, title: str = "") -> bytes:
        from kg.rdf.ontology import jsonld_context

        context = jsonld_context()
        doc = json.loads(union(quads).serialize(format="json-ld", context=context, auto_compact=True))
        nodes = doc.get("@graph", [doc] if "@id" in doc else [])
        nodes = [{k: v for k, v in n.items() if k != "@context"} for n in nodes]
        out = {"@context": context, "@graph": sorted(nodes, key=lambda n: str(n.get("@id", "")))}
        return (json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


@register
class RdfXml(Format):
    name, suffix, description = "xml", ".rdf", "RDF/XML"

    def write(self, quads: ox.Store, title: str = "") -> bytes:
        return union(quads).serialize(format="xml").encode("utf-8")
