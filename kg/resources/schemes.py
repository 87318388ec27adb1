"""Concept schemes of policy instruments (SKOS, in Turtle), read for the instrument coder.

A scheme file holds one skos:ConceptScheme and its skos:Concepts, each with a short code
(skos:notation), labels, the concept above it (skos:broader), and the words that cue it: pol:cue, and
pol:fallbackCue for broad words that count only where no cue appears (the policy-kg ontology's terms,
ontology/policy.ttl; read here by their names, as this layer reads no RDF module).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.errors import RuleError

CUE, FALLBACK_CUE = "policy-kg/ontology#cue", "policy-kg/ontology#fallbackCue"


def _objects(g, subject, name: str):
    """The objects of ``subject`` under the policy-kg property whose IRI ends with ``name``."""
    return [o for p, o in g.predicate_objects(subject) if str(p).endswith(name)]


@dataclass(frozen=True)
class Concept:
    iri: str
    code: str  # skos:notation
    label: str  # its Chinese label, else any
    broader: str | None  # the code of the concept above it


@dataclass(frozen=True)
class Scheme:
    iri: str
    concepts: dict[str, Concept]  # by code
    cues: tuple[tuple[str, str], ...]  # (cue, code), longest first
    fallback: tuple[tuple[str, str], ...] = ()  # (cue, code) that count only where no cue appears


@lru_cache(maxsize=4)
def load_scheme(path: str) -> Scheme:
    """The concept scheme in the Turtle file at ``path``, with its cues."""
    from rdflib import Graph
    from rdflib.namespace import RDF, SKOS

    g = Graph()
    try:
        g.parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise RuleError(f"{path}: cannot read the instrument scheme ({' '.join(str(exc).split())[:200]}); "
                        f"give a SKOS concept scheme in Turtle") from None
    schemes = sorted(g.subjects(RDF.type, SKOS.ConceptScheme))
    if len(schemes) != 1:
        raise RuleError(f"{path}: an instrument scheme file holds one skos:ConceptScheme, not {len(schemes)}")
    concepts, cues, fallback = {}, [], []
    for c in sorted(g.subjects(RDF.type, SKOS.Concept)):
        code = g.value(c, SKOS.notation)
        if code is None:
            raise RuleError(f"{path}: concept {c} has no skos:notation; give each concept a short code")
        labels = {lit.language: str(lit) for lit in g.objects(c, SKOS.prefLabel)}
        broader = g.value(c, SKOS.broader)
        concepts[str(code)] = Concept(str(c), str(code), labels.get("zh") or next(iter(labels.values()), str(code)),
                                      str(g.value(broader, SKOS.notation)) if broader is not None else None)
        cues.extend((str(cue), str(code)) for cue in _objects(g, c, CUE))
        fallback.extend((str(cue), str(code)) for cue in _objects(g, c, FALLBACK_CUE))
    if not cues:
        raise RuleError(f"{path}: no concept lists a cue (pol:cue); the coder has nothing to go by")
    longest = lambda pairs: tuple(sorted(set(pairs), key=lambda cc: (-len(cc[0]), cc)))  # noqa: E731
    return Scheme(str(schemes[0]), concepts, longest(cues), longest(fallback))
