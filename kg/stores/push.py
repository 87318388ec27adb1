"""What `policykg push` sends: the named graphs of RDF files or of a store, and the ontology."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable

import pyoxigraph as ox

from kg.errors import InputError
from kg.rdf import ONTOLOGY_IRI
from kg.stores.remote import PushReport, push
from kg.stores.source import SHARED_GRAPH_PATH

if TYPE_CHECKING:
    from kg.stores.source import GraphSource


def _triples(store: ox.Store, graph: str):
    return lambda: (ox.Triple(q.subject, q.predicate, q.object)
                    for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def push_sources(given: "GraphSource", endpoint: str, protocol: str = "gsp", only: Iterable[str] = (),
                 ontology: bool = True, user: str | None = None, password: str | None = None,
                 progress: Callable[[str], None] | None = None) -> PushReport:
    """Push the graphs of RDF files or of a store (a :class:`GraphSource`) to ``endpoint``; a file of one
    graph (Turtle, N-Triples…) goes into the one graph named by ``only``."""
    from kg.stores.source import add_ontology, holds_one_graph, load_rdf

    only = list(only)
    origin = given.name
    if given.files:
        source = ox.Store()
        for f in given.files:
            if holds_one_graph(f) and len(only) != 1:
                raise InputError(f"{f} holds one graph: name the graph to load it into with --graph IRI "
                                 "(or push graph.trig, which keeps one graph per document)")
            load_rdf(source, f, graph=only[0] if len(only) == 1 else None)
    else:
        source = given.quads
    names = sorted(g.value for g in source.named_graphs() if isinstance(g, ox.NamedNode))
    missing = [g for g in only if g not in names]
    if missing:
        raise InputError(f"no graph <{missing[0]}> in {origin}; it has {len(names)} graphs, e.g. "
                         + ", ".join(names[:3]))
    chosen = [g for g in names if not only or g in only]
    if ontology and ONTOLOGY_IRI not in chosen:
        if ONTOLOGY_IRI not in names:
            add_ontology(source)
        chosen.insert(0, ONTOLOGY_IRI)
    if not ontology and ONTOLOGY_IRI in chosen and not only:
        chosen.remove(ONTOLOGY_IRI)
    # the shared graph (agencies, places…) is added to: another corpus pushed to the server shares it
    shared = {g for g in chosen if g.endswith(SHARED_GRAPH_PATH)}
    return push([(g, _triples(source, g)) for g in chosen], endpoint, protocol, user, password, progress,
                merge=shared)
