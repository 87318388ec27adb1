"""A SPARQL server of one's own: query it, and push graphs into it.

Queries go over the SPARQL 1.1 Protocol (POST, results as SPARQL JSON).
Pushing uses the SPARQL 1.1 Graph Store HTTP Protocol (``PUT ?graph=IRI``
with N-Triples, then ``POST`` for the rest of a large graph) or SPARQL 1.1
Update (``DROP SILENT GRAPH`` then ``INSERT DATA`` in batches). Both work
with Virtuoso, Fuseki, GraphDB and Oxigraph's server; the server must treat
its default graph as the union of its named graphs (Virtuoso does; Fuseki
needs ``unionDefaultGraph``), as the named queries assume.

Credentials are sent the way the server asks for them (HTTP Digest or
Basic), and only after it asks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from kg.errors import QueryError, RemoteError
from kg.query import Backend, shape
from kg.query.values import with_values
from kg.stores.terms import from_json

JSON_RESULTS = "application/sparql-results+json"
# Triples per request when a graph is pushed in pieces.
GSP_BATCH = 50_000
UPDATE_BATCH = 1_000  # Virtuoso refuses an INSERT DATA much larger (SP031)


class Session:
    """An HTTP session that answers an authentication challenge with the scheme it names."""

    def __init__(self, user: str | None = None, password: str | None = None, timeout: float = 60.0) -> None:
        self.http = requests.Session()
        self.user, self.password, self.timeout = user, password, timeout
        self.auth = None
        self.checked = False

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        if self.user is not None and not self.checked and kwargs.get("data"):
            # Answer the challenge with a request that carries no body: a server that refuses the
            # password may close the connection while a large body is still being sent.
            self.checked = True
            self.request("HEAD", url, params=kwargs.get("params"))
        try:
            response = self.http.request(method, url, auth=self.auth, timeout=self.timeout, **kwargs)
            if response.status_code == 401 and self.auth is None and self.user is not None:
                challenge = response.headers.get("WWW-Authenticate", "")
                self.auth = (HTTPDigestAuth if challenge.lower().startswith("digest") else HTTPBasicAuth)(
                    self.user, self.password or "")
                response = self.http.request(method, url, auth=self.auth, timeout=self.timeout, **kwargs)
        except requests.exceptions.ConnectionError:
            raise RemoteError(f"{url}: cannot connect; is the server running, and is the URL right?") from None
        except requests.exceptions.Timeout:
            raise RemoteError(f"{url}: no answer within {self.timeout:g} s") from None
        except requests.exceptions.RequestException as exc:
            raise RemoteError(f"{url}: {exc}") from None
        if response.status_code == 401:
            hint = "the server refused the user and password" if self.user else "give --user and --password"
            raise RemoteError(f"{url}: HTTP 401 unauthorised; {hint}")
        return response


def _error(response: requests.Response) -> str:
    body = " ".join(response.text.split())[:300] if response.text else ""
    return f"HTTP {response.status_code} {response.reason}" + (f": {body}" if body else "")


# The header a server sends with an answer it cut off at its row limit (Virtuoso's ResultSetMaxRows).
MAX_ROWS_HEADER = "X-SPARQL-MaxRows"


class RemoteBackend(Backend):
    """SELECT queries on a SPARQL 1.1 Protocol endpoint."""

    def __init__(self, url: str, user: str | None = None, password: str | None = None,
                 timeout: float = 120.0, allow_partial: bool = False) -> None:
        self.url = url
        self.session = Session(user, password, timeout)
        self.allow_partial = allow_partial
        self.notes: list[str] = []  # what a caller should tell the user (a partial answer taken)

    def select(self, text: str, bindings: dict[str, object]) -> tuple[list[str], list[list]]:
        shape(text)
        if bindings:
            text = with_values(text, bindings)
        response = self.session.request("POST", self.url, data={"query": text.encode("utf-8")},
                                        headers={"Accept": JSON_RESULTS})
        if response.status_code == 400:
            raise QueryError(f"{self.url} rejected the query: {_error(response)}")
        if not response.ok:
            raise RemoteError(f"{self.url}: {_error(response)}")
        try:
            data = json.loads(response.content.decode("utf-8"))
            variables = list(data["head"]["vars"])
            rows = [[from_json(b.get(v)) for v in variables] for b in data["results"]["bindings"]]
        except (ValueError, KeyError, TypeError):
            kind = response.headers.get("Content-Type", "unknown type")
            raise RemoteError(f"{self.url}: answered {kind}, not SPARQL JSON results; is it a SPARQL endpoint?") from None
        limit = response.headers.get(MAX_ROWS_HEADER, "").strip()
        if limit.isdigit() and len(rows) >= int(limit):  # Virtuoso cuts an answer at its ResultSetMaxRows
            message = (f"{self.url} cut the answer off at its limit of {limit} rows ({MAX_ROWS_HEADER}); "
                       "ask for fewer rows (LIMIT and OFFSET), raise the server's limit, or pass --allow-partial "
                       f"to take the first {limit}")
            if not self.allow_partial:
                raise RemoteError(message)
            self.notes.append(f"warning: only the first {limit} rows: {self.url} cut the answer off at its limit")
        return variables, rows


# -- pushing ---------------------------------------------------------------------------
@dataclass
class PushReport:
    """What a push loaded and what it did not."""

    endpoint: str
    loaded: list[tuple[str, int]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)  # graphs added to what the server held, not replaced

    @property
    def triples(self) -> int:
        return sum(n for _, n in self.loaded)


def _ntriples(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def _batches(items: Iterator, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def push(graphs: Iterable[tuple[str, Callable[[], Iterator[ox.Triple]]]], endpoint: str, protocol: str = "gsp",
         user: str | None = None, password: str | None = None,
         progress: Callable[[str], None] | None = None, merge: Iterable[str] = ()) -> PushReport:
    """Load each ``(graph IRI, triples)`` into ``endpoint``, replacing the graph there; the graphs of
    ``merge`` (the shared graph, which other corpora pushed there describe too) are added to instead.

    A graph that fails is reported and the others are still pushed; a graph
    that fails half-way says how much of it reached the server.
    """
    if protocol not in ("gsp", "update"):
        raise RemoteError(f"unknown protocol {protocol!r}; use gsp or update")
    graphs, merge = list(graphs), set(merge)
    session = Session(user, password)
    report = PushReport(endpoint)
    for iri, triples in graphs:
        sent = 0
        try:
            if protocol == "gsp":
                sent = _push_gsp(session, endpoint, iri, triples(), replace=iri not in merge)
            else:
                sent = _push_update(session, endpoint, iri, triples(), replace=iri not in merge)
            report.loaded.append((iri, sent))
            if iri in merge:
                report.merged.append(iri)
        except RemoteError as exc:
            reason = str(exc) if not sent else f"{exc} (after {sent} triples were written; push again)"
            report.failed.append((iri, reason))
            if "HTTP 401" in str(exc) or "cannot connect" in str(exc):
                for rest, _ in graphs_after(graphs, iri):
                    report.failed.append((rest, "not attempted: " + str(exc)))
                break
        if progress:
            progress(iri)
    return report


def graphs_after(graphs, iri):
    """The graphs listed after ``iri`` (a push that cannot go on reports them too)."""
    seen = False
    for item in graphs:
        if seen:
            yield item
        elif item[0] == iri:
            seen = True


def _push_gsp(session: Session, endpoint: str, iri: str, triples: Iterator[ox.Triple], replace: bool = True) -> int:
    sent = 0
    for k, batch in enumerate(_batches(triples, GSP_BATCH)):
        response = session.request("PUT" if k == 0 and replace else "POST", endpoint, params={"graph": iri},
                                   data=_ntriples(batch), headers={"Content-Type": "application/n-triples"})
        if not response.ok:
            raise RemoteError(f"{endpoint}: {_error(response)}")
        sent += len(batch)
    if sent == 0 and replace:  # an empty graph: clear what the server holds under its name
        response = session.request("DELETE", endpoint, params={"graph": iri})
        if not response.ok and response.status_code != 404:
            raise RemoteError(f"{endpoint}: {_error(response)}")
    return sent


def _push_update(session: Session, endpoint: str, iri: str, triples: Iterator[ox.Triple],
                 replace: bool = True) -> int:
    def update(text: str) -> None:
        response = session.request("POST", endpoint, data={"update": text.encode("utf-8")})
        if not response.ok:
            raise RemoteError(f"{endpoint}: {_error(response)}")

    graph = f"<{iri}>"
    if replace:
        update(f"DROP SILENT GRAPH {graph}")
    sent, anonymous = 0, []
    for batch in _batches(triples, UPDATE_BATCH):
        plain = [t for t in batch if not (isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode))]
        anonymous += [t for t in batch if t not in plain]
        if plain:
            update(f"INSERT DATA {{ GRAPH {graph} {{\n{_ntriples(plain).decode('utf-8')}}} }}")
            sent += len(plain)
    if anonymous:
        # Blank nodes (an ontology's union classes) must stay one node across their triples, and some
        # servers (Virtuoso) refuse them in INSERT DATA: one INSERT … WHERE {} carries them all.
        update(f"INSERT {{ GRAPH {graph} {{\n{_ntriples(anonymous).decode('utf-8')}}} }} WHERE {{}}")
        sent += len(anonymous)
    return sent
