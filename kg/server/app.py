"""`policykg serve`: the SPARQL 1.1 Protocol over a store, and a page to query it from.

Routes:

``GET /``
    a query editor preloaded with the named queries (offline: no CDN);
``GET /queries``
    the named queries as JSON (name, question, columns, text);
``GET|POST /sparql``
    the SPARQL 1.1 Protocol: ``query`` by GET or form POST, or a
    ``application/sparql-query`` body; ``update`` by form POST or a
    ``application/sparql-update`` body (only with ``--allow-update``).
    Results by the Accept header (or ``format=json|xml|csv|tsv|turtle|jsonld``):
    SPARQL JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE as Turtle, JSON-LD,
    N-Triples or RDF/XML. A malformed query is answered 400 with the parser's
    message, a query over the time limit 503, a result over the size or row
    limit 413, SERVICE and LOAD 403 (unless allowed), an unknown path 404.

Built on Starlette (a small, well-kept ASGI toolkit) and pyoxigraph, whose
query engine and result serialisers do the work; rdflib-endpoint was the
alternative, but runs queries on rdflib (slow on a corpus) and has no way to
stop a query that runs too long.
"""

from __future__ import annotations

import contextlib
import html
import json
import secrets
import threading
import time
from importlib import resources
from urllib.parse import parse_qs

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg import __version__
from kg.server.guard import reaches_out
from kg.server.workers import QueryPool
from kg.errors import QueryError
from kg.query import named_queries
from kg.query.values import with_filters
from kg.rdf.namespaces import PREFIX_IRIS

# format= names, as people, SPARQLWrapper and YASGUI send them, and the media types they stand for (a
# name may stand for a results format and a graph format: xml is SPARQL XML results, or RDF/XML).
FORMAT_NAMES = {
    "json": ["application/sparql-results+json", "application/ld+json"],
    "xml": ["application/sparql-results+xml", "application/rdf+xml"],
    "csv": ["text/csv"], "tsv": ["text/tab-separated-values"],
    "turtle": ["text/turtle"], "ttl": ["text/turtle"], "n3": ["text/turtle"],
    "jsonld": ["application/ld+json"], "json-ld": ["application/ld+json"],
    "nt": ["application/n-triples"], "ntriples": ["application/n-triples"], "n-triples": ["application/n-triples"],
    "rdfxml": ["application/rdf+xml"], "rdf+xml": ["application/rdf+xml"], "rdf": ["application/rdf+xml"],
}
MEDIA_TYPES = {"application/sparql-results+json", "application/sparql-results+xml", "application/json",
               "application/xml", "text/csv", "text/tab-separated-values", "text/turtle", "application/ld+json",
               "application/n-triples", "application/rdf+xml"}
# A request body larger than this is refused (a query is text; an update is bounded too).
MAX_BODY = 10_000_000


def _accepted(header: str) -> list[str]:
    """Media types of an Accept header, best first."""
    ranked = []
    for k, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if fields[0] and q > 0:
            ranked.append((-q, k, fields[0].lower()))
    return [media for _, _, media in sorted(ranked)]


def _update_refused(request: Request, token: str | None, origins: frozenset) -> Response | None:
    """Why an update may not run, as a response; None if it may."""
    origin = request.headers.get("origin")
    own = f"{request.url.scheme}://{request.headers.get('host', request.url.netloc)}"
    if origin is not None and origin != own and origin not in origins:
        return _plain(403, f"an update from {origin} (another site) is refused; start `policykg serve` with "
                           f"--cors {origin} if that site may change the store")
    if token is not None:
        given = request.headers.get("authorization", "")
        if not secrets.compare_digest(given.encode("utf-8"), f"Bearer {token}".encode("utf-8")):
            return _plain(401, "an update needs the header `Authorization: Bearer <token>` with the token "
                               "`policykg serve` printed when it started (or the one given by --update-token)")
    return None


class AccessLog:
    """One line a request (time, client, method, path, status, seconds), as Fuseki's and Oxigraph's
    servers write; to ``sink`` (an open text file), or nowhere. Plain ASGI: it leaves the request's
    stream alone, so a query still sees its client go away."""

    def __init__(self, app, sink=None) -> None:
        self.app, self.sink = app, sink

    async def __call__(self, scope, receive, send) -> None:
        if self.sink is None or scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started, status = time.monotonic(), [0]

        async def sending(message) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            client = scope.get("client") or ("-", 0)
            self.sink.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S%z')} {client[0]} {scope['method']} {scope['path']} "
                            f"{status[0]} {time.monotonic() - started:.3f}s\n")
            self.sink.flush()


def _plain(status: int, message: str, headers: dict | None = None) -> Response:
    return Response(message + "\n", status_code=status, media_type="text/plain; charset=utf-8", headers=headers)


class Endpoint:
    """The endpoint's pages and the SPARQL protocol over ``pool`` (see :func:`create_app`)."""

    def __init__(self, pool: QueryPool, timeout: float, max_bytes: int, title: str, max_rows: int, allow: frozenset,
                 update_token: str | None, origins: frozenset, max_pending: int) -> None:
        self.pool, self.timeout, self.max_bytes, self.max_rows = pool, timeout, max_bytes, max_rows
        self.allow, self.update_token, self.origins, self.max_pending = allow, update_token, origins, max_pending
        self.pending = 0  # requests waiting for a worker or running (bounded by max_pending)
        page = (resources.files("kg.server") / "page.html").read_text(encoding="utf-8")
        self.catalogue = [{"name": q.name, "question": q.question, "columns": list(q.columns), "text": q.body}
                          for q in named_queries().values()]
        blob = json.dumps(self.catalogue, ensure_ascii=False).replace("</", "<\\/")
        self.page = (page.replace("{{title}}", html.escape(title)).replace("{{version}}", __version__)
                     .replace("{{queries}}", blob))

    async def home(self, request: Request) -> Response:
        return HTMLResponse(self.page)

    async def queries(self, request: Request) -> Response:
        return JSONResponse(self.catalogue)

    async def question(self, request: Request) -> Response:
        """One named question, its query keeping the rows whose columns read as the values the request gives
        (``/queries/targets?unit=%``): what the page's fields for a question send."""
        name = request.path_params["name"]
        entry = next((q for q in self.catalogue if q["name"] == name), None)
        if entry is None:
            return _plain(404, f"no named question {name!r}; /queries lists them")
        filters = {k: v for k, v in request.query_params.items() if v != ""}
        unknown = sorted(set(filters) - set(entry["columns"]))
        if unknown:
            return _plain(400, f"{', '.join(unknown)}: not a column of {name} ({', '.join(entry['columns'])})")
        try:
            text = with_filters(entry["text"], filters) if filters else entry["text"]
        except QueryError as e:
            return _plain(400, str(e))
        return JSONResponse({**entry, "text": text})

    async def health(self, request: Request) -> Response:
        """For a monitor or a load balancer: the server answers, and how busy it is."""
        return JSONResponse({"status": "ok", "version": __version__, "pending": self.pending,
                             "max_pending": self.max_pending, "updates": self.update_token is not None})

    async def sparql(self, request: Request) -> Response:
        """A query or update by the SPARQL 1.1 Protocol: read, checked, run in a worker."""
        read = await self._read(request)
        if isinstance(read, Response):
            return read
        kind, text, params = read
        job = self._job(request, kind, text, params)
        if isinstance(job, Response):
            return job
        job, limit = job
        if self.pending >= self.max_pending:
            return _plain(503, f"{self.pending} requests are waiting or running, the most this server takes; "
                               "try again in a moment", headers={"Retry-After": "2"})
        answer = await self._run(request, job, limit)
        if answer.status >= 400:  # a 503 is a time limit or every worker busy: worth trying again
            return _plain(answer.status, answer.body.decode("utf-8", "replace").rstrip("\n"),
                          headers={"Retry-After": "1"} if answer.status == 503 else None)
        return Response(answer.body, status_code=answer.status, media_type=answer.media_type)

    async def _read(self, request: Request):
        """What the request asks: (kind, text, parameters), or the Response that refuses it."""
        params = {k: v for k, v in parse_qs(request.url.query, keep_blank_values=True).items()}
        kind, text = None, None
        if request.method == "POST":
            if int(request.headers.get("content-length") or 0) > MAX_BODY:
                return _plain(413, f"the request is larger than {MAX_BODY // 1_000_000} MB")
            body = await request.body()
            if len(body) > MAX_BODY:
                return _plain(413, f"the request is larger than {MAX_BODY // 1_000_000} MB")
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            try:
                decoded = body.decode("utf-8")
            except UnicodeDecodeError:
                return _plain(400, "the request body is not UTF-8")
            if ctype == "application/sparql-query":
                kind, text = "query", decoded
            elif ctype == "application/sparql-update":
                kind, text = "update", decoded
            elif ctype in ("application/x-www-form-urlencoded", ""):
                form = parse_qs(decoded, keep_blank_values=True)
                for key, values in form.items():
                    params.setdefault(key, []).extend(values)
            else:
                return _plain(415, f"unsupported content type {ctype!r}; send application/sparql-query, "
                                   "application/sparql-update or a form")
        if text is None:
            queries_, updates = params.get("query", []), params.get("update", [])
            if len(queries_) + len(updates) != 1:
                return _plain(400, "give exactly one `query` (or, by POST, one `update`) parameter")
            if updates and request.method != "POST":
                return _plain(405, "updates are sent by POST")
            kind, text = ("query", queries_[0]) if queries_ else ("update", updates[0])
        return kind, text, params

    def _job(self, request: Request, kind: str, text: str, params: dict):
        """The job for a worker and its time limit, or the Response that refuses the request."""
        if kind == "update":
            refused = _update_refused(request, self.update_token, self.origins)
            if refused is not None:
                return refused
        outside = reaches_out(text, kind) - set(self.allow)
        if outside:
            which = " and ".join(sorted(outside))
            flags = " and ".join(f"--allow-{w.lower()}" for w in sorted(outside))
            return _plain(403, f"{which} reaches outside the served graph (the network, the server's files) and is "
                               f"refused; start `policykg serve` with {flags} to allow it")
        accept = _accepted(request.headers.get("accept", "*/*"))
        if params.get("format"):
            name = params["format"][0].strip().lower()
            chosen = FORMAT_NAMES.get(name) or ([name] if name in MEDIA_TYPES else None)
            if chosen is None:
                return _plain(400, f"unknown format {params['format'][0]!r}; use one of {', '.join(FORMAT_NAMES)} "
                                   "or a media type")
            accept = chosen
        job = {"kind": kind, "query": text, "accept": accept, "limit": self.max_bytes, "rows": self.max_rows,
               "prefixes": PREFIX_IRIS,
               "default_graphs": params.get("default-graph-uri", []) + params.get("using-graph-uri", []),
               "named_graphs": params.get("named-graph-uri", []) + params.get("using-named-graph-uri", [])}
        limit = self.timeout
        if params.get("timeout"):
            try:
                limit = min(self.timeout, float(params["timeout"][0]))
            except ValueError:
                return _plain(400, f"timeout {params['timeout'][0]!r} is not a number of seconds")
            if limit <= 0:
                return _plain(400, "timeout must be a positive number of seconds")
        return job, limit

    async def _run(self, request: Request, job: dict, limit: float):
        """Run ``job`` in a worker; a client that goes away stops it."""
        self.pending += 1
        cancelled = threading.Event()
        try:
            async with anyio.create_task_group() as group:
                async def watch() -> None:  # a client that went away stops its query
                    while not cancelled.is_set():
                        if await request.is_disconnected():
                            cancelled.set()
                            return
                        await anyio.sleep(0.2)

                group.start_soon(watch)
                answer = await anyio.to_thread.run_sync(self.pool.run, job, limit, cancelled)
                cancelled.set()
                group.cancel_scope.cancel()
        finally:
            self.pending -= 1
        return answer


def create_app(pool: QueryPool, timeout: float = 30.0, max_bytes: int = 50_000_000, title: str = "policy-kg",
               on_ready=None, max_rows: int = 100_000, allow: frozenset = frozenset(),
               update_token: str | None = None, origins: frozenset = frozenset(),
               max_pending: int = 64, access_log=None) -> Starlette:
    """The app over ``pool``; ``allow`` may hold "SERVICE" and "LOAD" (refused otherwise). An update must
    carry ``Authorization: Bearer <update_token>``, and come from no other site than the server's own or
    one of ``origins`` (a page elsewhere cannot make a browser change the store)."""
    endpoint = Endpoint(pool, timeout, max_bytes, title, max_rows, allow, update_token, origins, max_pending)
    static = resources.files("kg.server") / "static"  # YASGUI, vendored (static/yasgui/VENDORED.md)
    routes = [Route("/", endpoint.home), Route("/queries", endpoint.queries),
              Route("/queries/{name}", endpoint.question), Route("/health", endpoint.health),
              Route("/sparql", endpoint.sparql, methods=["GET", "POST"]),
              Mount("/static", StaticFiles(directory=str(static)), name="static")]
    middleware = [Middleware(AccessLog, sink=access_log),
                  Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                             allow_headers=["Accept", "Content-Type"])]

    @contextlib.asynccontextmanager
    async def lifespan(app):
        if on_ready:
            on_ready()  # the server is listening
        yield

    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
