"""An on-disk store read as the few rdflib ``Graph`` methods the views use, without a copy.

The page, the report and the network (:mod:`kg.views.network`) read a graph
through ``value``, ``objects``, ``subjects``, ``subject_objects`` and
``predicate_objects``. Given a store of a corpus, copying every triple into an
rdflib graph first costs about 110 µs and 1.8 KB a triple (a million triples:
three minutes and gigabytes). :class:`StoreGraph` answers the same calls from
the store's indexes, over the union of its data graphs (each triple once, the
ontology's graph left out), turning only the terms asked for into rdflib terms.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import pyoxigraph as ox

from kg.stores.terms import from_oxigraph, to_oxigraph


# The same few thousand terms (predicates, classes, agencies, documents) are asked for and
# returned again and again: their conversions are kept, within a bound.
@lru_cache(maxsize=1 << 16)
def _ox(term):
    return None if term is None else to_oxigraph(term)


@lru_cache(maxsize=1 << 17)
def _rdf(term):
    return from_oxigraph(term)


class StoreGraph:
    """The union of the graphs of ``store`` other than those named in ``left_out``, read-only."""

    def __init__(self, store: ox.Store, left_out: Iterable[str] = ()) -> None:
        self.store = store
        self.left_out = {ox.NamedNode(name) for name in left_out}

    def _quads(self, s, p, o) -> Iterator[ox.Quad]:
        quads = self.store.quads_for_pattern(_ox(s), _ox(p), _ox(o), None)
        return (q for q in quads if q.graph_name not in self.left_out) if self.left_out else quads

    def value(self, subject=None, predicate=None, object=None, default=None):
        """One object of (subject, predicate), or one subject of (predicate, object), as rdflib's."""
        if subject is None and object is None:
            return default
        for quad in self._quads(subject, predicate, object):
            return _rdf(quad.object if object is None else quad.subject)
        return default

    def objects(self, subject=None, predicate=None) -> Iterator:
        return iter(dict.fromkeys(_rdf(q.object) for q in self._quads(subject, predicate, None)))

    def subjects(self, predicate=None, object=None) -> Iterator:
        return iter(dict.fromkeys(_rdf(q.subject) for q in self._quads(None, predicate, object)))

    def subject_objects(self, predicate=None) -> Iterator[tuple]:
        return iter(dict.fromkeys((_rdf(q.subject), _rdf(q.object))
                                  for q in self._quads(None, predicate, None)))

    def predicate_objects(self, subject=None) -> Iterator[tuple]:
        return iter(dict.fromkeys((_rdf(q.predicate), _rdf(q.object))
                                  for q in self._quads(subject, None, None)))
