"""`policykg serve`: a SPARQL 1.1 Protocol endpoint and query page (see :mod:`kg.server.app`)."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from kg.errors import InputError

if TYPE_CHECKING:
    from kg.stores.source import GraphSource


@contextlib.contextmanager
def store_folder(source: "GraphSource") -> Iterator[str]:
    """The folder of a pyoxigraph store to serve: the store's own, or a temporary
    one holding the source's RDF files and the ontology (removed afterwards)."""
    import pyoxigraph as ox

    from kg.stores.disk import PolicyStore
    from kg.stores.source import add_ontology, load_rdf

    if source.endpoint:
        raise InputError("an endpoint is served already; serve RDF files or --store PATH")
    if source.store_path is not None:
        PolicyStore(source.store_path, read_only=True).close()  # checks it is a policy-kg store
        yield str(source.store_path / "oxigraph")
        return
    with tempfile.TemporaryDirectory(prefix="policykg-serve-") as tmp:
        target = ox.Store(tmp)
        for path in source.files:
            load_rdf(target, path)
        add_ontology(target)
        target.flush()
        del target
        yield tmp


def serve(source: "GraphSource", host: str = "127.0.0.1",
          port: int = 8000, allow_update: bool = False, timeout: float = 30.0, max_mb: float = 50.0,
          workers: int = 2, on_ready=None, max_rows: int = 100_000, allow: frozenset = frozenset(),
          in_memory: bool = False, update_token: str | None = None, origins: frozenset = frozenset(),
          max_pending: int = 64, access_log: str | Path | None = None) -> None:
    """Serve the SPARQL 1.1 Protocol over a source (a store or RDF files) until interrupted
    (with ``in_memory``, each query worker answers from a copy of the store in memory)."""
    import socket

    import uvicorn

    from kg.errors import PolicyKGError
    from kg.server.app import create_app
    from kg.server.workers import QueryPool

    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        raise PolicyKGError(f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port") from None
    try:
        log = open(access_log, "a", encoding="utf-8") if access_log else None  # noqa: SIM115 - open while serving
    except OSError as exc:
        raise PolicyKGError(f"{access_log}: cannot write the access log ({exc.strerror}); choose another file") from None
    with store_folder(source) as folder:
        pool = QueryPool(folder, readers=workers, allow_update=allow_update, in_memory=in_memory)
        try:
            title = f"policy-kg · {source.store_path.name}" if source.store_path else "policy-kg"
            url = f"http://{host}:{port}/"
            app = create_app(pool, timeout=timeout, max_bytes=int(max_mb * 1_000_000), title=title,
                             on_ready=(lambda: on_ready(url)) if on_ready else None, max_rows=max_rows,
                             allow=allow, update_token=update_token if allow_update else None, origins=origins,
                             max_pending=max_pending, access_log=log)
            config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on")
            uvicorn.Server(config).run()
        finally:
            pool.close()
            if log is not None:
                log.close()
