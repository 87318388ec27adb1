"""Where graphs live and queries run.

- In memory (:class:`kg.sparql.DatasetBackend`): RDF files read for one command.
- On disk (:mod:`kg.stores.disk`): a corpus store that grows one file at a time.
- On a server (:mod:`kg.stores.remote`): any SPARQL 1.1 endpoint, to query and to push to.

Every backend answers SELECT queries with rdflib terms, so the named queries,
parameters and output formats of :mod:`kg.sparql` work the same on all three.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from kg.sparql import Backend


def open_backend(graphs: Iterable[str | Path] = (), store: str | Path | None = None,
                 endpoint: str | None = None, user: str | None = None, password: str | None = None,
                 allow_partial: bool = False) -> Backend:
    """The backend for RDF files, an on-disk store, or an endpoint (exactly one); an endpoint's answer cut
    off at its row limit is an error unless ``allow_partial``."""
    from kg.errors import QueryError

    graphs = list(graphs)
    if sum(bool(x) for x in (graphs, store, endpoint)) != 1:
        raise QueryError("query one of: RDF files, --store PATH, or --endpoint URL")
    if store:
        from kg.stores.disk import PolicyStore

        return PolicyStore(store, read_only=True).backend()
    if endpoint:
        from kg.stores.remote import RemoteBackend

        return RemoteBackend(endpoint, user, password, allow_partial=allow_partial)
    from kg.sparql import DatasetBackend, load

    return DatasetBackend(load(graphs))
