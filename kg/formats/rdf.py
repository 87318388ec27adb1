"""The RDF formats: Turtle, TriG, N-Triples, N-Quads, JSON-LD and RDF/XML.

Turtle, TriG, N-Triples and N-Quads are written from sorted N-Triples lines by
pyoxigraph (:mod:`kg.rdf.serialize`); JSON-LD is compacted with the context
shipped as ``ontology/policy.context.jsonld`` (inlined, so the file reads
offline), nodes sorted by ``@id``. The ontology's own triples are not written
with the data; it is ``ontology/policy.ttl``.
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from kg.formats import Format, register, union
from kg.rdf.serialize import sorted_lines, sorted_trig, sorted_turtle


def _graphs(quads: ox.Store) -> list[ox.NamedNode]:
    return sorted((g for g in quads.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)


@register
class Turtle(Format):
    name, suffix, description = "ttl", ".ttl", "Turtle: every triple, the graphs merged"

    def write(self, quads: ox.Store, title: str = "") -> bytes:
        return sorted_turtle(sorted_lines(quads))


@register
class TriG(Format):
    name, suffix, description = "trig", ".trig", "TriG: one named graph per file read, and the shared graph"

    def write(self, quads: ox.Store, title: str = "") -> bytes:
        return sorted_trig([(g.value, sorted_lines(quads, g)) for g in _graphs(quads)])


@register
class NTriples(Format):
    name, suffix, description = "nt", ".nt", "N-Triples: one triple a line, lines sorted"

    def write(self, quads: ox.Store, title: str = "") -> bytes:
        return "".join(line + "\n" for line in sorted_lines(quads)).encode("utf-8")


@register
class NQuads(Format):
    name, suffix, description = "nq", ".nq", "N-Quads: one triple a line with its named graph, lines sorted"

    def write(self, quads: ox.Store, title: str = "") -> bytes:
        data = quads.dump(format=ox.RdfFormat.N_QUADS) or b""
        return "".join(line + "\n" for line in sorted(set(data.decode("utf-8").splitlines()))).encode("utf-8")


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
