"""Checking a graph against ontology/shapes.ttl (SHACL, with pyshacl).

The ontology is given to pyshacl as the ontology graph, so class hierarchy
counts (a pol:ProtectionCentre is a pol:Agency). Results come back as
:class:`Finding`: severity, the node, its label, the property path, the
shape's message; violations make a graph fail, warnings do not.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS

from kg.rdf.namespaces import short
from kg.rdf.ontology import ontology, shapes


@dataclass(frozen=True)
class Finding:
    severity: str  # Violation, Warning or Info
    focus: str
    label: str
    path: str
    message: str
    shape: str  # the node shape that found it (local name: Target, Fact…)

    def __str__(self) -> str:
        where = f" ({self.label})" if self.label else ""
        path = f" [{self.path}]" if self.path else ""
        return f"{self.severity} · {self.shape} <{self.focus}>{where}{path}: {self.message}"



def _path(results: Graph, path) -> str:
    if path is None:
        return ""
    if isinstance(path, URIRef):
        return short(path)
    inverse = results.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + short(inverse)
    if results.value(path, RDF.first) is not None:
        return "/".join(_path(results, p) for p in results.items(path))
    return "…"


def _owner(shape_graph: Graph, shape) -> str:
    """The named node shape a (possibly anonymous) result shape belongs to."""
    if isinstance(shape, URIRef):
        return str(shape).rsplit("#", 1)[-1]
    for owner in shape_graph.subjects(SH.property, shape):
        return _owner(shape_graph, owner)
    for node in shape_graph.subjects(RDF.first, shape):
        while True:
            parent = next(shape_graph.subjects(RDF.rest, node), None)
            if parent is None:
                break
            node = parent
        for owner in shape_graph.subjects(None, node):
            return _owner(shape_graph, owner)
    return "shape"


def validate(graph: Graph) -> tuple[bool, list[Finding]]:
    """Whether ``graph`` conforms (no violations), and every finding, violations first."""
    import pyshacl

    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes(), ont_graph=ontology(), inference="none",
                                            allow_warnings=True, advanced=True)
    findings = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        message = results.value(result, SH.resultMessage)
        label = graph.value(focus, RDFS.label) or graph.value(focus, SKOS.prefLabel) or ""
        findings.append(Finding(
            severity=str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
            focus=str(focus), label=str(label), path=_path(results, results.value(result, SH.resultPath)),
            message=str(message) if isinstance(message, Literal) else "does not conform",
            shape=_owner(shapes(), results.value(result, SH.sourceShape))))
    return conforms, ordered(findings)


def ordered(findings: list[Finding]) -> list[Finding]:
    """``findings`` violations first, then warnings, each by shape, node, path and message."""
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    return sorted(findings, key=lambda f: (order.get(f.severity, 3), f.shape, f.focus, f.path, f.message))
