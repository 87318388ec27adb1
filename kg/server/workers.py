"""Queries run in worker processes, so that a query over its time limit can be stopped.

pyoxigraph cannot cancel a query once it runs, so each query goes to a
worker process holding the store open read-only; a worker that overruns is
killed and replaced. Updates (only with ``--allow-update``) go to one writer
process holding the store writable; after each, the readers reopen the store
to see it.
"""

from __future__ import annotations

import io
import multiprocessing
import queue
import re
import threading
import time
from dataclasses import dataclass

import pyoxigraph as ox

# How often a running query looks whether its client is still there (seconds).
CANCEL_POLL = 0.2

RESULT_FORMATS = {  # media type -> pyoxigraph results format
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {  # media type -> pyoxigraph RDF format (CONSTRUCT, DESCRIBE)
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
DEFAULT_RESULTS = "application/sparql-results+json"
DEFAULT_GRAPH = "text/turtle"


@dataclass
class Answer:
    status: int
    media_type: str
    body: bytes


class _TooLarge(Exception):
    pass


class _TooManyRows(Exception):
    pass


class _Limited(io.RawIOBase):
    """A byte sink that refuses to grow past ``limit`` bytes, or ``rows`` result rows."""

    def __init__(self, limit: int, rows: int | None = None, media: str = "") -> None:
        from kg.server.guard import RowCounter

        self.limit, self.parts, self.size = limit, [], 0
        self.max_rows, self.counter = rows, RowCounter(media) if rows else None

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _TooLarge()
        if self.counter is not None and self.counter.feed(bytes(data)) > self.max_rows:
            raise _TooManyRows()
        self.parts.append(bytes(data))
        return len(data)


def _choose(accepted: list[str], table: dict, default: str) -> str:
    for media in accepted:
        if media in table:
            return media
        if media in ("*/*", "application/*", "text/*"):
            return default
    return default


def _answer(store: ox.Store, job: dict) -> Answer:
    text, accepted, limit = job["query"], job["accept"], job["limit"]
    graphs = job.get("default_graphs") or None
    named = job.get("named_graphs") or None
    try:
        if job["kind"] == "update":
            store.update(text)
            return Answer(204, "text/plain", b"")
        result = store.query(text, use_default_graph_as_union=graphs is None,
                             default_graph=[ox.NamedNode(g) for g in graphs] if graphs else None,
                             named_graphs=[ox.NamedNode(g) for g in named] if named else None,
                             prefixes=job["prefixes"])
    except SyntaxError as exc:
        unknown = _unknown_prefixes(text, job.get("prefixes") or {}) if "Prefix not found" in str(exc) else []
        if unknown:
            known = ", ".join(sorted(job.get("prefixes") or {}))
            return Answer(400, "text/plain", (f"malformed SPARQL: unknown prefix {', '.join(p + ':' for p in unknown)}; "
                                              f"declare it (PREFIX {unknown[0]}: <…>) or use one the server knows "
                                              f"({known})").encode())
        return Answer(400, "text/plain", f"malformed SPARQL: {exc}".encode())
    except OSError as exc:
        return Answer(500, "text/plain", f"the store failed: {exc}".encode())
    except (RuntimeError, ValueError) as exc:  # CLEAR GRAPH of no graph, a bad term: the request's fault
        verb = "update" if job["kind"] == "update" else "query"
        return Answer(400, "text/plain", f"the {verb} failed and changed nothing: {exc}".encode())
    try:
        if isinstance(result, ox.QueryTriples):
            media = _choose(accepted, GRAPH_FORMATS, DEFAULT_GRAPH)
            sink = _Limited(limit)
            result.serialize(sink, format=GRAPH_FORMATS[media])
        else:
            media = _choose(accepted, RESULT_FORMATS, DEFAULT_RESULTS)
            if isinstance(result, ox.QueryBoolean) and RESULT_FORMATS[media] in (ox.QueryResultsFormat.CSV,
                                                                                 ox.QueryResultsFormat.TSV):
                media = DEFAULT_RESULTS  # CSV and TSV have no way to say true or false
            sink = _Limited(limit, job.get("rows"), media)
            result.serialize(sink, format=RESULT_FORMATS[media])
    except _TooLarge:
        return Answer(413, "text/plain", (f"the result is larger than {limit / 1e6:g} MB; add a LIMIT, "
                                          "or start the server with a larger --max-result-mb").encode())
    except _TooManyRows:
        return Answer(413, "text/plain", (f"the result has more than {job['rows']:,} rows; add a LIMIT, "
                                          "or start the server with a larger --max-rows").encode())
    except (OSError, ValueError) as exc:
        return Answer(500, "text/plain", f"the query failed: {exc}".encode())
    charset = "; charset=utf-8" if media.startswith("text/") else ""
    return Answer(200, media + charset, b"".join(sink.parts))


_PREFIXED = re.compile(r"(?<![\w:?$<])([A-Za-z][\w.-]*)?:(?=[^\s/])")
_DECLARED = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:", re.I)


def _unknown_prefixes(text: str, known: dict) -> list[str]:
    """The prefixes a query uses that it does not declare and the server does not know, in order."""
    from kg.server.guard import code_only

    code = code_only(text)
    declared = {m.group(1) or "" for m in _DECLARED.finditer(code)}
    used = [m.group(1) or "" for m in _PREFIXED.finditer(code)]
    return list(dict.fromkeys(p for p in used if p not in declared and p not in known and p.upper() != "PREFIX"))


def _open(path: str, writable: bool, in_memory: bool = False) -> ox.Store:
    """The store, opened (or for ``in_memory`` a reader, copied into memory); a
    read-only open can fail while a writer is opening it, so it is retried."""
    for attempt in range(100):
        try:
            if in_memory and not writable:
                from kg.stores.disk import in_memory_copy as copy

                return copy(ox.Store.read_only(path))
            return ox.Store(path) if writable else ox.Store.read_only(path)
        except OSError:
            if attempt == 99:
                raise
            time.sleep(0.1)
    raise AssertionError("unreachable")


def _serve(path: str, writable: bool, generation, conn, in_memory: bool = False) -> None:
    """A worker's loop: open the store, say so, answer jobs, reopen when the store changed."""
    seen = generation.value
    store = _open(path, writable, in_memory)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if job is None:
            return
        if not writable and generation.value != seen:
            seen, store = generation.value, _open(path, False, in_memory)
        answer = _answer(store, job)
        if writable and job["kind"] == "update" and answer.status == 204:
            store.flush()
            generation.value += 1
        conn.send(answer)


class _Crashed(Exception):
    """The worker process ended without answering."""


class _Worker:
    def __init__(self, context, path: str, writable: bool, generation, in_memory: bool = False) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(path, writable, generation, child, in_memory),
                                       daemon=True)
        self.process.start()
        child.close()
        try:  # a copy into memory reads the whole store: allow it time
            ready = self.conn.poll(3600 if in_memory else 60) and self.conn.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.stop(kill=True)
            raise RuntimeError(f"a query worker could not open the store at {path}")

    def ask(self, job: dict, timeout: float, cancelled: threading.Event | None = None) -> Answer | None:
        """The answer, or None if the worker took longer than ``timeout`` or ``cancelled`` was set (its
        client went away): the worker is then killed. Raises :class:`_Crashed` if it ended without answering."""
        deadline = time.monotonic() + timeout
        try:
            self.conn.send(job)
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or (cancelled is not None and cancelled.is_set()):
                    break
                if self.conn.poll(min(left, CANCEL_POLL)):
                    return self.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self.stop(kill=True)
            raise _Crashed() from None
        self.stop(kill=True)
        return None

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()


class QueryPool:
    """Worker processes over the store at ``path``: ``readers`` for queries (on the store,
    or with ``in_memory`` on a copy of it in memory), one writer if updates are allowed."""

    def __init__(self, path: str, readers: int = 2, allow_update: bool = False, in_memory: bool = False) -> None:
        self.path = path
        self.in_memory = in_memory  # readers query a copy of the store in memory
        self.context = multiprocessing.get_context("spawn")
        self.generation = self.context.RawValue("i", 0)  # bumped by the one writer only: no lock needed
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.readers = readers
        self.lock = threading.Lock()
        self.writer = _Worker(self.context, path, True, self.generation) if allow_update else None
        for _ in range(readers):
            self.idle.put(self._reader())

    def _reader(self) -> _Worker:
        return _Worker(self.context, self.path, False, self.generation, self.in_memory)

    def run(self, job: dict, timeout: float, cancelled: threading.Event | None = None) -> Answer:
        """Answer ``job``; a job over ``timeout`` seconds is stopped and answered 503, one whose client went
        away (``cancelled``) is stopped too, at once."""
        started = time.monotonic()
        if job["kind"] == "update":
            if self.writer is None:
                return Answer(403, "text/plain", b"this endpoint is read-only; start `policykg serve` with "
                                                 b"--allow-update to change the store")
            with self.lock:
                try:
                    answer = self.writer.ask(job, timeout, cancelled)
                except _Crashed:
                    answer = Answer(500, "text/plain", b"the update worker failed; the update was not applied")
                if answer is None or answer.status == 500:
                    self.writer = _Worker(self.context, self.path, True, self.generation)
        else:
            answer = None
            for attempt in (1, 2):  # a worker that crashed is replaced and the query tried once more
                worker = None
                while worker is None:  # waiting for a free worker: give up if the client went or time ran out
                    if cancelled is not None and cancelled.is_set():
                        return Answer(499, "text/plain", b"the client went away; the query was not run")
                    if time.monotonic() - started > timeout:
                        return Answer(503, "text/plain", (f"every worker was busy for the query's limit of {timeout:g} s; "
                                                          "try again").encode())
                    try:
                        worker = self.idle.get(timeout=CANCEL_POLL)
                    except queue.Empty:
                        pass
                try:
                    answer = worker.ask(job, timeout, cancelled)
                except _Crashed:
                    self.idle.put(self._reader())
                    if attempt == 2:
                        return Answer(500, "text/plain", b"the query worker failed twice on this query")
                    continue
                self.idle.put(worker if answer is not None else self._reader())
                break
        if answer is None and cancelled is not None and cancelled.is_set():
            return Answer(499, "text/plain", b"the client went away; the query was stopped")
        if answer is None:
            spent = time.monotonic() - started
            return Answer(503, "text/plain", (f"the query ran longer than the limit of {timeout:g} s "
                                              f"(stopped after {spent:.1f} s); narrow it or add a LIMIT").encode())
        return answer

    def close(self) -> None:
        workers = []
        while not self.idle.empty():
            workers.append(self.idle.get_nowait())
        if self.writer is not None:
            workers.append(self.writer)
        for w in workers:
            w.stop()
