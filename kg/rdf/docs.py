"""The reference page of the ontology, generated from ontology/policy.ttl itself.

``python -m kg.rdf.docs > ontology/reference.md`` (or ``make docs``) writes
it; a test fails if the committed page differs from what the Turtle gives,
so the page cannot drift from the ontology.
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.rdf.namespaces import POL
from kg.rdf.namespaces import short
from kg.rdf.ontology import ontology

CODE = POL.code


def _short(graph: Graph, term) -> str:
    if isinstance(term, BNode):
        members = graph.value(term, OWL.unionOf)
        if members is not None:
            return " or ".join(_short(graph, m) for m in graph.items(members))
        return "(anonymous)"
    text = short(term)
    return f"<{text}>" if text == str(term) else f"`{text}`"


def _label(graph: Graph, term, lang: str) -> str:
    for label in graph.objects(term, RDFS.label):
        if isinstance(label, Literal) and label.language == lang:
            return str(label)
    return ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _terms(graph: Graph, kind) -> list[URIRef]:
    return sorted(t for t in graph.subjects(RDF.type, kind) if isinstance(t, URIRef))


def reference(graph: Graph) -> str:
    """The Markdown reference page of the ontology ``graph``."""
    ontology = next(graph.subjects(RDF.type, OWL.Ontology))
    lines = [
        f"# {_label(graph, ontology, 'en')} · {_label(graph, ontology, 'zh')}",
        "",
        "Generated from `ontology/policy.ttl` by `python -m kg.rdf.docs` (`make docs`); do not edit by hand.",
        "",
        f"IRI: <{ontology}> · version {graph.value(ontology, OWL.versionInfo)} · prefix `pol:` ="
        f" <https://w3id.org/policy-kg/ontology#>",
        "",
        _cell(str(graph.value(ontology, RDFS.comment))),
        "",
        "## Classes",
        "",
        "| class | Chinese | English | subclass of | definition |",
        "|---|---|---|---|---|",
    ]
    for cls in _terms(graph, OWL.Class):
        parents = ", ".join(sorted(_short(graph, p) for p in graph.objects(cls, RDFS.subClassOf)))
        lines.append(f"| {_short(graph, cls)} | {_label(graph, cls, 'zh')} | {_label(graph, cls, 'en')} | {parents} | "
                     f"{_cell(str(graph.value(cls, RDFS.comment) or ''))} |")
    disjoint = [m for d in graph.subjects(RDF.type, OWL.AllDisjointClasses) for m in graph.items(graph.value(d, OWL.members))]
    if disjoint:
        lines += ["", "Disjoint (nothing is two of these): " + ", ".join(_short(graph, m) for m in disjoint) + "."]
    for title, kind in (("Object properties", OWL.ObjectProperty), ("Datatype properties", OWL.DatatypeProperty)):
        lines += ["", f"## {title}", "", "| property | Chinese | English | domain | range | subproperty of | definition |",
                  "|---|---|---|---|---|---|---|"]
        for prop in _terms(graph, kind):
            parents = ", ".join(sorted(_short(graph, p) for p in graph.objects(prop, RDFS.subPropertyOf)))
            domain = graph.value(prop, RDFS.domain)
            range_ = graph.value(prop, RDFS.range)
            lines.append(
                f"| {_short(graph, prop)} | {_label(graph, prop, 'zh')} | {_label(graph, prop, 'en')} | "
                f"{_short(graph, domain) if domain is not None else ''} | {_short(graph, range_) if range_ is not None else ''} | "
                f"{parents} | {_cell(str(graph.value(prop, RDFS.comment) or ''))} |")
    lines += ["", "## Closed sets", "", "| individual | class | code | Chinese | English |", "|---|---|---|---|---|"]
    named_classes = set(_terms(graph, OWL.Class))
    individuals = sorted((s, c) for s, c in graph.subject_objects(RDF.type) if c in named_classes and isinstance(s, URIRef))
    for individual, cls in individuals:
        lines.append(f"| {_short(graph, individual)} | {_short(graph, cls)} | `{graph.value(individual, CODE)}` | "
                     f"{_label(graph, individual, 'zh')} | {_label(graph, individual, 'en')} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    import sys

    sys.stdout.write(reference(ontology()))


if __name__ == "__main__":
    main()
