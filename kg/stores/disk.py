"""A corpus on disk: a pyoxigraph store that grows one document at a time.

A store is a folder::

    PATH/oxigraph/        the quads (pyoxigraph, RocksDB)
    PATH/manifest.json    which files it holds: content digest, pipeline fingerprint, graph, triples
    PATH/shared/ID.nt     what each file says of shared things (agencies, places, indicators)

Each file read is one named graph (``…/src/ID``). Agencies, places and
indicators are described once, in the shared graph (``…/graph/shared``),
rebuilt from the ``shared/*.nt`` contributions whenever files change, so
that replacing a file leaves nothing of its old version behind. The ontology
is a graph of its own, so queries can read comparator and role codes.

Replacing a file is crash-safe: its manifest entry is removed before its
graph is touched and written back after, so a build that is interrupted
rebuilds that file next time instead of trusting a half-written graph.
"""

from __future__ import annotations

import hashlib
import json
import queue
import sys
import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.io import atomic_write
from kg.rdf import DEFAULT_BASE, ONTOLOGY_IRI
from kg.query import Backend, shape
from kg.query.ordering import order_rows, trailing_order
from kg.query.values import with_values
from kg.rdf.namespaces import PREFIX_IRIS
from kg.stores.terms import from_oxigraph, to_oxigraph

FORMAT = "policy-kg store 1"
FLUSH_CHARS = 32_000_000  # N-Triples characters loaded between flushes of the store's write buffers
SHARED_BATCH_CHARS = 2_000_000  # N-Triples characters of the shared graph loaded in one transaction
SAVE_EVERY = 5.0  # seconds: the longest a built file's manifest entry waits to be written
SWITCH_INTERVAL = 0.0002  # seconds: how long the store writer waits at most for the GIL (sys.setswitchinterval)
MANIFEST = "manifest.json"
STALE_WARNING = ("warning: {path} was left mid-build (a build was stopped before it refreshed the shared graph of "
                 "agencies, places and indicators): answers that join them are incomplete; run `policykg build "
                 "--store {path}` with the same files to complete it")


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A digest of everything that decides what a file becomes: the code that
    reads and extracts, the rule resources and the ontology. A store rebuilds a
    file whose fingerprint differs, so changing a rule refreshes the corpus."""
    import kg

    root = Path(kg.__file__).parent
    digest = hashlib.sha256(kg.__version__.encode())
    for folder in ("text", "nlp", "extract", "rdf", "resources", "ontology"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".toml", ".tsv", ".txt", ".ttl"):
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def file_digest(path: str | Path) -> str:
    """The SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _open(folder: Path, read_only: bool) -> ox.Store:
    try:
        return ox.Store.read_only(str(folder)) if read_only else ox.Store(str(folder))
    except OSError as exc:
        message = " ".join(str(exc).split())
        if "lock" in message.lower():
            raise StoreError(f"{folder.parent}: the store is open for writing in another process "
                             "(a build, or serve --allow-update); wait for it to finish") from None
        raise StoreError(f"{folder.parent}: cannot open the store ({message})") from None


class PolicyStore:
    """An on-disk corpus store (see the module documentation)."""

    def __init__(self, path: str | Path, *, create: bool = False, read_only: bool = False,
                 base: str | None = None) -> None:
        self.path = Path(path)
        manifest = self.path / MANIFEST
        if manifest.exists():
            try:
                self.manifest = json.loads(manifest.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise StoreError(f"{manifest}: unreadable manifest ({exc}); rebuild the store into a new folder") from None
            if self.manifest.get("format") != FORMAT:
                raise StoreError(f"{self.path}: not a policy-kg store of this version (format "
                                 f"{self.manifest.get('format')!r}); rebuild it into a new folder")
            if base is not None and base != self.manifest["base"]:
                raise StoreError(f"{self.path}: the store's base IRI is {self.manifest['base']}, not {base}; "
                                 "build with that --base or into a new store")
        elif create:
            if self.path.exists() and (not self.path.is_dir() or any(self.path.iterdir())):
                raise StoreError(f"{self.path}: exists and is not a policy-kg store; give a new or empty folder")
            self.manifest = {"format": FORMAT, "base": base or DEFAULT_BASE, "files": {}}
        else:
            raise StoreError(f"{self.path}: no policy-kg store here; create one with "
                             f"`policykg build DOCUMENTS --store {self.path}`")
        self.read_only = read_only
        self._pending, self._batch, self._saved_at = 0, 1, time.monotonic()  # manifest entries not yet written
        self._unflushed = 0  # characters of N-Triples loaded since the last flush
        if create and not read_only:
            try:
                (self.path / "oxigraph").mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot create the store ({exc.strerror})") from None
        self.store = _open(self.path / "oxigraph", read_only)
        if create and not manifest.exists():
            self._save()
            self.set_ontology()

    # -- what it holds -------------------------------------------------------------
    @property
    def base(self) -> str:
        return self.manifest["base"]

    @property
    def files(self) -> dict[str, dict]:
        return self.manifest["files"]

    def is_current(self, file_id: str, digest: str) -> bool:
        entry = self.files.get(file_id)
        return bool(entry) and entry["sha256"] == digest and entry["fingerprint"] == pipeline_fingerprint()

    def graphs(self) -> list[str]:
        """The IRIs of the store's named graphs, in order."""
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: str) -> Iterator[ox.Quad]:
        return self.store.quads_for_pattern(None, None, None, ox.NamedNode(graph))

    def __len__(self) -> int:
        return len(self.store)

    # -- changing it ------------------------------------------------------------------
    def _save(self) -> None:
        self.manifest["files"] = dict(sorted(self.manifest["files"].items()))
        if self._pending and not self.read_only:
            self.store.flush()  # the graphs the new entries name are on disk before the entries
        atomic_write(self.path / MANIFEST, json.dumps(self.manifest, ensure_ascii=False, indent=1) + "\n")
        self._pending, self._saved_at = 0, time.monotonic()

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

    def set_ontology(self) -> None:
        """Put the ontology in its graph, replacing what was there."""
        from kg.rdf.ontology import ontology_path

        self._writable()
        graph = ox.NamedNode(ONTOLOGY_IRI)
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        self.store.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE, to_graph=graph)

    def put(self, ex, source: str | Path, digest: str) -> int:
        """Replace what the store holds of ``ex``'s file with ``ex``; return its triple count.

        The shared graph is not refreshed here: call :meth:`refresh_shared`
        once after a batch of files.
        """
        from kg.rdf.graph import triples_of

        return self.put_triples(ex.doc_id, triples_of(ex, self.base), source, digest)

    def put_triples(self, file_id: str, triples: tuple[str, str, str], source: str | Path, digest: str) -> int:
        """:meth:`put` of a file already turned into triples: its graph's name, its own
        triples and its sorted distinct shared triples, as N-Triples (:func:`kg.rdf.graph.triples_of`).

        The manifest is written at once when an entry is dropped (a replacement
        interrupted now is rebuilt next time), but new entries are written in
        batches (after 1, 2, 4, 8… files, and every few seconds): a file whose
        graph is in but whose entry is not is simply built again.
        """
        self._writable()
        name, own, shared = triples
        dirty = self.files.pop(file_id, None) is not None
        if not self.manifest.get("shared_stale"):
            self.manifest["shared_stale"] = True  # until refresh_shared: a build killed now refreshes next time
            dirty = True
        if dirty:
            self._save()
        graph = ox.NamedNode(name)
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        self.store.load(own.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        self._unflushed += len(own)
        if self._unflushed > FLUSH_CHARS:  # RocksDB's write buffers would otherwise grow with the corpus
            self.store.flush()
            self._unflushed = 0
        atomic_write(self.path / "shared" / f"{_safe(file_id)}.nt", shared, sync=False)
        count = len(set(own.splitlines()))
        self.files[file_id] = {"source": str(source), "sha256": digest, "fingerprint": pipeline_fingerprint(),
                               "graph": name, "triples": count}
        self._pending += 1
        if self._pending >= self._batch or time.monotonic() - self._saved_at > SAVE_EVERY:
            self._batch = min(self._batch * 2, 1 << 12)
            self._save()
        return count

    def remove(self, file_id: str) -> None:
        """Forget a file: its graph, its shared contribution, its manifest entry."""
        self._writable()
        entry = self.files.pop(file_id, None)
        if entry is None:
            raise StoreError(f"{self.path}: holds no file {file_id!r}")
        self._save()
        graph = ox.NamedNode(entry["graph"])
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        (self.path / "shared" / f"{_safe(file_id)}.nt").unlink(missing_ok=True)
        self.manifest["shared_stale"] = True
        self._save()

    def refresh_shared(self) -> int:
        """Rebuild the shared graph from the contributions of the files held; return its size."""
        from kg.rdf.iris import Minter

        self._writable()
        graph = ox.NamedNode(str(Minter(self.base).shared_graph()))
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        # Files repeat each other's shared triples (the same agencies, places and indicators):
        # each distinct line is loaded once, in batches, since one transaction of a corpus's
        # whole shared graph would hold it all in memory, and every repeated line loaded
        # again would be written to the store's buffers again. A refresh killed half-way
        # leaves shared_stale set, and is done again.
        seen: set[str] = set()
        batch: list[str] = []
        size = 0
        for file_id in self.files:
            for line in self._contribution(file_id).splitlines(keepends=True):
                if line not in seen:
                    seen.add(line)
                    batch.append(line)
                    size += len(line)
            if size > SHARED_BATCH_CHARS:
                self.store.load("".join(batch).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
                batch, size = [], 0
        if batch:
            self.store.load("".join(batch).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        self.store.flush()
        self.manifest["shared_stale"] = False
        self._save()
        return sum(1 for _ in self.store.quads_for_pattern(None, None, None, graph))

    def optimize(self) -> None:
        """Compact the store's files once a build has written many of them: the named questions read a
        compacted store about twice as fast (RocksDB's many small files of a bulk of writes merged),
        for some 2.5 s a million triples of the whole store. A build that changed a few files of a
        large store leaves it to RocksDB's own compaction, as it goes."""
        self._writable()
        self.store.flush()
        self.store.optimize()

    def _contribution(self, file_id: str) -> str:
        path = self.path / "shared" / f"{_safe(file_id)}.nt"
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise StoreError(f"{path}: missing; the store is damaged, rebuild it into a new folder") from None

    def close(self) -> None:
        """Write what is pending and let go of the store's files (and its lock), even
        while something still refers to this object (a traceback, an unfinished frame)."""
        if self.store is None:
            return
        if not self.read_only:
            self.store.flush()
            if self._pending:
                self._save()
        self.store = None

    def writer(self) -> "BackgroundWriter":
        """A thread that stores files while the caller extracts the next ones (see :class:`BackgroundWriter`)."""
        return BackgroundWriter(self)

    def backend(self, in_memory: bool = False) -> "OxigraphBackend":
        """A query backend on the store, or with ``in_memory`` on a copy of it in memory
        (which takes some 8 s a million triples to make, and answers up to five times faster)."""
        from kg.rdf.iris import Minter

        files = [self.files[f]["graph"] for f in sorted(self.files)]
        common = [str(Minter(self.base).shared_graph()), ONTOLOGY_IRI]
        backend = OxigraphBackend(in_memory_copy(self.store) if in_memory else self.store, files, common)
        if self.stale:
            backend.notes.append(STALE_WARNING.format(path=self.path))
        return backend

    @property
    def stale(self) -> bool:
        """True if a build was stopped before it refreshed the shared graph (agencies, places, indicators):
        questions that join them answer wrongly until the next build completes it."""
        return bool(self.manifest.get("shared_stale"))


class BackgroundWriter:
    """Stores files (:meth:`PolicyStore.put_triples`) on a thread of its own.

    pyoxigraph lets go of the GIL while it loads, so writing into RocksDB (some
    10 µs a triple) runs on a second core while the caller extracts the next
    document. At most ``depth`` files wait; a failure to store is raised by the
    next :meth:`put`, or by leaving the ``with`` block. Leaving the block always
    waits for the thread, so nothing else touches the store while it writes; on
    an exception in the block, files not yet begun are dropped (they are not in
    the manifest, so the next build makes them again).
    """

    def __init__(self, store: PolicyStore, depth: int = 4) -> None:
        self.store = store
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._failed = False
        self._thread = threading.Thread(target=self._run, name="policykg-store-writer", daemon=True)
        self._switch = sys.getswitchinterval()

    def __enter__(self) -> "BackgroundWriter":
        # The writer lets go of the GIL at every load and file operation, and then waits
        # for the busy caller to hand it back: up to the switch interval (5 ms) each time,
        # which doubled its time a file. Meanwhile the interval is shorter.
        sys.setswitchinterval(min(self._switch, SWITCH_INTERVAL))
        self._thread.start()
        return self

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if not self._failed:
                try:
                    self.store.put_triples(*item)
                except BaseException as exc:  # handed to the caller's thread
                    self._error, self._failed = exc, True

    def put(self, file_id: str, triples: tuple[str, str, str], source: str | Path, digest: str) -> None:
        """Queue a file for :meth:`PolicyStore.put_triples` (waits while ``depth`` files are queued)."""
        self._raise()
        self._queue.put((file_id, triples, source, digest))

    def _raise(self) -> None:
        if self._error is not None:
            # Handed over once: the writer keeps no reference to it (its traceback
            # holds the store, whose lock must go when the caller lets go of it).
            error, self._error = self._error, None
            try:
                raise error
            finally:
                del error  # nor does this frame

    def __exit__(self, kind, value, traceback) -> None:
        if kind is not None:
            try:
                while True:
                    self._queue.get_nowait()
            except queue.Empty:
                pass
        self._queue.put(None)
        interrupted = False
        while True:
            try:
                self._thread.join()
                break
            except KeyboardInterrupt:  # let the file being written finish, then stop
                interrupted = True
        sys.setswitchinterval(self._switch)
        if kind is None:
            if interrupted:
                raise KeyboardInterrupt
            self._raise()


def in_memory_copy(store: ox.Store) -> ox.Store:
    """A copy of ``store`` in memory: every quad in the same graph."""
    copy = ox.Store()
    data = store.dump(format=ox.RdfFormat.N_QUADS)
    if data:
        copy.bulk_load(data, format=ox.RdfFormat.N_QUADS)
    return copy


def _safe(file_id: str) -> str:
    """A file name for a file id (ids are already file-name stems; keep them to one path segment)."""
    return file_id.replace("/", "_").replace("\\", "_")


def left_mid_build(path: str | Path) -> bool:
    """True if the store at ``path`` was left mid-build (read from its manifest, without opening it)."""
    try:
        return bool(json.loads((Path(path) / MANIFEST).read_text(encoding="utf-8")).get("shared_stale"))
    except (OSError, ValueError):
        return False


class OxigraphBackend(Backend):
    """SELECT queries on a pyoxigraph store, its default graph the union of its graphs."""

    def __init__(self, store: ox.Store, files: list[str] = (), common: list[str] = ()) -> None:
        self.store = store
        self.notes: list[str] = []  # what a caller should tell the user (a store left mid-build)
        self.files = list(files)  # the files' graphs, in the order of their identifiers
        self.common = [ox.NamedNode(g) for g in common]  # the graphs every file's rows may join: shared, ontology

    def select_in_file(self, graph: str, text: str, bindings: dict[str, object]) -> tuple[list[str], list[list]]:
        return self.select(text, bindings, default_graph=[ox.NamedNode(graph), *self.common])

    def select(self, text: str, bindings: dict[str, object], **dataset) -> tuple[list[str], list[list]]:
        order = trailing_order(text)  # a whole listing: ordered here, faster than on disk (kg/query/ordering.py)
        if order is not None:
            variables, rows = self._select(order[0], bindings, **dataset)
            ordered = order_rows(variables, rows, order[1])
            if ordered is not None:
                return variables, ordered
        return self._select(text, bindings, **dataset)

    def _select(self, text: str, bindings: dict[str, object], **dataset) -> tuple[list[str], list[list]]:
        _, projected = shape(text)  # the same parser and messages as in memory
        # Oxigraph substitutes projected variables only; the others (inputs such as ?by in a FILTER)
        # are bound by a VALUES block at the start of the WHERE group, written as RDF terms.
        inputs = {name: term for name, term in bindings.items() if name not in projected}
        if inputs:
            text = with_values(text, inputs)
        substitutions = {ox.Variable(name): to_oxigraph(term) for name, term in bindings.items() if name in projected}
        # A listing repeats its terms (a type, a file, a rule, a sentence on every row of
        # its facts): each distinct term is made into an rdflib term once.
        made: dict = {None: None}

        def term(value):
            try:
                return made[value]
            except KeyError:
                made[value] = converted = from_oxigraph(value)
                return converted

        result = None
        try:
            result = self.store.query(text, substitutions=substitutions or None, prefixes=PREFIX_IRIS,
                                      **(dataset or {"use_default_graph_as_union": True}))
            variables = [v.value for v in result.variables]
            # Oxigraph evaluates as the rows are read: an error may come while reading them.
            return variables, [[term(solution[v]) for v in variables] for solution in result]
        except SyntaxError as exc:
            raise QueryError(f"malformed SPARQL query: {exc}") from None
        except (OSError, RuntimeError) as exc:
            raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None
        finally:
            # The solutions belong to this thread: let them go here, not with a traceback that keeps
            # this frame until a garbage collection on another thread (which pyoxigraph refuses).
            result = None
