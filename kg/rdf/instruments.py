"""Instrument codings in the graph: each coded sentence an instance of pol:InstrumentCoding, naming the
measure (task or guarantee measure) it codes (pol:codes), its kind (pol:instrument, a skos:Concept of the
scheme) and its cue, with the sentence and offsets it was read from; the measure itself takes the kind of
its first coded sentence. The scheme's concepts (labels, codes, what is broader) go to the shared graph."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.extract.instruments import scheme_path
from kg.resources.schemes import load_scheme
from kg.rdf.namespaces import POL
from kg.rdf.serialize import Text


def write_instruments(w) -> None:
    """Write the codings of ``w``'s extraction (``w``: the graph writer of :mod:`kg.rdf.graph`)."""
    if not w.ex.instruments:
        return
    scheme = load_scheme(scheme_path())
    described = set()
    coded = set()
    for k, c in enumerate(w.ex.instruments, 1):
        subject = w.subject_iri(c.subject)
        concept = scheme.concepts.get(c.concept)
        if subject is None or concept is None:
            continue
        _describe(w, scheme, concept, described)
        iri = URIRef(concept.iri)
        node = w.local("instrument", k)
        w.add(node, RDF.type, POL.InstrumentCoding)
        w.add(node, POL.codes, subject)
        w.add(node, POL.instrument, iri)
        w.add(node, POL.cue, Text(c.cue))
        w.fact(node, c.evidence)
        if subject not in coded:  # a measure is of the kind of its first sentence coded
            coded.add(subject)
            w.add(subject, POL.instrument, iri)


def _describe(w, scheme, concept, described: set) -> None:
    """The concept, and those broader than it, in the shared graph."""
    while concept is not None and concept.code not in described:
        described.add(concept.code)
        iri = URIRef(concept.iri)
        w.describe(iri, RDF.type, SKOS.Concept)
        w.describe(iri, SKOS.prefLabel, Literal(concept.label, lang="zh"))
        w.describe(iri, SKOS.notation, Text(concept.code))
        w.describe(iri, SKOS.inScheme, URIRef(scheme.iri))
        w.describe(URIRef(scheme.iri), RDF.type, SKOS.ConceptScheme)
        broader = scheme.concepts.get(concept.broader) if concept.broader else None
        if broader is not None:
            w.describe(iri, SKOS.broader, URIRef(broader.iri))
        concept = broader
