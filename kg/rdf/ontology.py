"""The ontology shipped with policy-kg: its files, its graph and the labels it gives its terms.

The files live in ``kg/ontology/`` (``policy.ttl``, ``shapes.ttl``,
``policy.context.jsonld``; ``ontology/`` at the top of the project holds the
same files for readers). Everything that reads the ontology reads it here, once.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kg.rdf.namespaces import POL


def ontology_path(name: str = "policy.ttl") -> Path:
    """The path of the ontology file ``name`` (policy.ttl, shapes.ttl, policy.context.jsonld)."""
    return Path(str(resources.files("kg") / "ontology" / name))


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """The ontology's triples (parsed once; do not change the graph returned)."""
    return Graph().parse(ontology_path(), format="turtle")


@lru_cache(maxsize=1)
def shapes() -> Graph:
    """The SHACL shapes a graph is checked against (``shapes.ttl``)."""
    return Graph().parse(ontology_path("shapes.ttl"), format="turtle")


@lru_cache(maxsize=1)
def jsonld_context() -> dict:
    """The JSON-LD context shipped with the ontology."""
    return json.loads(ontology_path("policy.context.jsonld").read_text(encoding="utf-8"))["@context"]


def local_name(iri) -> str:
    """The last part of an IRI, after its # or its last /."""
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]


@lru_cache(maxsize=None)
def term_labels(term: str) -> tuple[str, str]:
    """The Chinese and English labels the ontology gives a term (an IRI or a pol: local name)."""
    iri = URIRef(term if ":" in term else str(POL._NS) + term)
    zh = en = local_name(iri)
    for label in ontology().objects(iri, RDFS.label):
        if isinstance(label, Literal) and label.language == "zh":
            zh = str(label)
        elif isinstance(label, Literal) and label.language == "en":
            en = str(label)
    return zh, en


def code_of(term) -> str | None:
    """The code the ontology gives a member of one of its closed sets (超过 → ``>``, 牵头 → ``lead``)."""
    value = ontology().value(URIRef(str(term)), POL.code)
    return None if value is None else str(value)
