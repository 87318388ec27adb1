"""RDF terms across engines: rdflib (the pipeline), pyoxigraph (the on-disk
store and the endpoint) and SPARQL 1.1 JSON results (remote servers).

Results from every engine become rdflib terms, so one set of formatters
(:mod:`kg.query`) prints them the same way whatever answered the query.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.errors import QueryError

_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)


def to_oxigraph(term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Return the pyoxigraph term of an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_oxigraph(term):
    """Return the rdflib term of a pyoxigraph term (None stays None)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise QueryError(f"unsupported result term {term!r}")


def triple_of(quad) -> tuple:
    """The rdflib (subject, predicate, object) of a pyoxigraph quad or triple."""
    return from_oxigraph(quad.subject), from_oxigraph(quad.predicate), from_oxigraph(quad.object)


def from_json(binding: dict | None):
    """Return the rdflib term of one SPARQL 1.1 JSON result binding."""
    if binding is None:
        return None
    kind, value = binding.get("type"), binding.get("value")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in binding:
            return Literal(value, lang=binding["xml:lang"])
        datatype = binding.get("datatype")
        if datatype in (None, _XSD_STRING, _LANG_STRING):
            return Literal(value)
        return Literal(value, datatype=URIRef(datatype))
    raise QueryError(f"the endpoint answered a term of unknown type {kind!r}")
