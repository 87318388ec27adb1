"""What `policykg push` sends: the named graphs of RDF files or of a store, and the ontology."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import pyoxigraph as ox

from kg.errors import InputError
from kg.rdf import ONTOLOGY_IRI
from kg.stores.remote import PushReport, push


def _triples(store: ox.Store, graph: str):
    return lambda: (ox.Triple(q.subject, q.predicate, q.object)
                    for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def push_sources(files: Iterable[str | Path], store_path: str | Path | None, endpoint: str, protocol: str = "gsp",
                 only: Iterable[str] = (), ontology: bool = True, user: str | None = None,
                 password: str | None = None, progress: Callable[[str], None] | None = None) -> PushReport:
    """Push the graphs of RDF ``files`` or of the store at ``store_path`` to ``endpoint``."""
    from kg.sparql import ontology_path

    only = list(only)
    files = [Path(f) for f in files]
    if store_path is not None:
        from kg.stores.disk import PolicyStore

        source = PolicyStore(store_path, read_only=True).store
        origin = str(store_path)
    else:
        source = ox.Store()
        origin = ", ".join(str(f) for f in files)
        for f in files:
            if not f.is_file():
                raise InputError(f"{f}: no such file")
            try:
                fmt = ox.RdfFormat.from_extension(f.suffix.lstrip(".").lower())
            except Exception:
                fmt = None
            if fmt is None:
                raise InputError(f"{f}: unknown RDF format {f.suffix!r}; use .trig, .nq, .ttl, .nt or .jsonld")
            if not fmt.supports_datasets and len(only) != 1:
                raise InputError(f"{f} holds one graph: name the graph to load it into with --graph IRI "
                                 "(or push graph.trig, which keeps one graph per document)")
            try:
                if fmt.supports_datasets:
                    source.load(path=str(f), format=fmt)
                else:
                    source.load(path=str(f), format=fmt, to_graph=ox.NamedNode(only[0]))
            except (SyntaxError, ValueError) as exc:
                raise InputError(f"{f}: not valid {fmt.name} ({' '.join(str(exc).split())[:300]})") from None
    names = sorted(g.value for g in source.named_graphs() if isinstance(g, ox.NamedNode))
    missing = [g for g in only if g not in names]
    if missing:
        raise InputError(f"no graph <{missing[0]}> in {origin}; it has {len(names)} graphs, e.g. "
                         + ", ".join(names[:3]))
    chosen = [g for g in names if not only or g in only]
    if ontology and ONTOLOGY_IRI not in chosen:
        if ONTOLOGY_IRI not in names:
            source.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_IRI))
        chosen.insert(0, ONTOLOGY_IRI)
    if not ontology and ONTOLOGY_IRI in chosen and not only:
        chosen.remove(ONTOLOGY_IRI)
    return push([(g, _triples(source, g)) for g in chosen], endpoint, protocol, user, password, progress)
