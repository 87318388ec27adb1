"""Building graphs: documents found in folders, read and extracted (in worker processes if asked),
into a build held in memory (:func:`build`) or into an on-disk store (:func:`build_store`)."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from kg.errors import InputError, PolicyKGError, RuleError
from kg.rdf import DEFAULT_BASE
from kg.resources import check_resources

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Dataset, Graph

    from kg.extract.records import Extraction

# Files a folder is searched for.
DOCUMENT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".shtml", ".docx", ".pdf")


@dataclass
class Failure:
    """A document that could not be read, and why."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return self.reason if self.reason.startswith(str(self.path)) else f"{self.path}: {self.reason}"


@dataclass
class BuildResult:
    """The triples built from some documents, what was extracted from each, and what failed.

    The triples live in a pyoxigraph store (``quads``): one named graph per file
    read and the shared graph. :attr:`dataset` and :attr:`graph` give them as
    rdflib objects, made when first asked for.
    """

    quads: "ox.Store"
    extractions: list["Extraction"] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    _dataset: "Dataset | None" = None
    _union: "Graph | None" = None
    _lines: list[str] | None = None

    @property
    def dataset(self) -> "Dataset":
        """The named graphs as an rdflib dataset."""
        if self._dataset is None:
            from kg.stores.source import dataset_of

            self._dataset = dataset_of(self.quads)
        return self._dataset

    @property
    def graph(self) -> "Graph":
        """All triples in one rdflib graph (as every format reads them: :func:`kg.formats.union`)."""
        if self._union is None:
            from kg.formats import union

            self._union = union(self.quads)
        return self._union

    def __len__(self) -> int:
        """The number of distinct triples."""
        return len(self.turtle_lines())

    def turtle_lines(self) -> list[str]:
        """All distinct triples as sorted N-Triples lines (read from the store once)."""
        if self._lines is None:
            from kg.rdf.serialize import sorted_lines

            self._lines = sorted_lines(self.quads)
        return self._lines


@lru_cache(maxsize=1)
def extractor():
    """Return the shared extractor (rule components and jieba, loaded once)."""
    from kg.extract.pipeline import Extractor

    return Extractor()


def doc_id(path: str | Path) -> str:
    """Return the id a document file is known by: its file name without extension."""
    return Path(path).stem.strip() or "document"


def documents_in(paths: Iterable[str | Path], unreadable: list[str] | None = None) -> list[Path]:
    """Return the document files named by ``paths``, folders searched recursively (hidden ones left
    out), in a stable order. A folder inside them that cannot be read stops with an error, or, given
    the list ``unreadable``, is described there and left out."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files = sorted(_files_under(p, unreadable))
            if not files and not unreadable:
                raise InputError(f"{p}: no documents in the folder (looked for {', '.join(DOCUMENT_SUFFIXES)})")
            found.extend(files)
        elif p.is_file():
            found.append(p)
        elif p.is_symlink():
            raise InputError(f"{p}: a symbolic link that leads to no file (a loop, or its target is gone)")
        else:
            raise InputError(f"{p}: no such file")
    if not found and unreadable:
        raise InputError(unreadable[0])
    if not found:
        raise InputError("no documents given; name one or more files or folders")
    return found


def _files_under(folder: Path, unreadable: list[str] | None) -> Iterable[Path]:
    """The document files under ``folder``, symbolic links to folders not followed (no loops)."""
    def failed(error: OSError) -> None:
        message = (f"{error.filename}: cannot read this folder ({error.strerror}); "
                   "its documents are left out (give read access to include them)")
        if unreadable is None:
            raise InputError(message)
        unreadable.append(message)

    for top, folders, names in os.walk(folder, onerror=failed):
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in names:
            f = Path(top, name)
            if not name.startswith(".") and f.suffix.lower() in DOCUMENT_SUFFIXES and f.is_file():
                yield f


def extract(path: str | Path, identifier: str | None = None, max_chars: int | None = None) -> "Extraction":
    """Return what the rules find in the document at ``path`` (refused if its text
    is longer than ``max_chars``, by default :data:`kg.text.read.MAX_CHARS`)."""
    from kg.text.read import MAX_CHARS, read_source

    source = read_source(path, max_chars or MAX_CHARS)
    return extractor()(source, identifier or doc_id(path))


def extract_text(text: str, identifier: str = "text") -> "Extraction":
    """Return what the rules find in ``text``."""
    from kg.text.decode import Source

    if not text.strip():
        raise InputError(f"{identifier}: the text is empty")
    return extractor()(Source(text, identifier, "str"), identifier)


def _extract_one(job: tuple[str, str, int | None, str, bool]):
    """Worker: extract one file and write its triples (:func:`kg.rdf.graph.triples_of`);
    return the extraction (or with ``brief``, only the lines that summarise it, which
    cost far less to send between processes) and the triples, or the reason it failed."""
    from kg.rdf.graph import triples_of

    path, identifier, max_chars, base, brief = job
    try:
        ex = extract(path, identifier, max_chars)
    except RuleError:
        raise  # a resource file is wrong: no document can be read, so the build stops
    except PolicyKGError as exc:
        return None, None, str(exc)
    return summarize(ex) if brief else ex, triples_of(ex, base), None


def _ids(paths: list[Path]) -> list[str]:
    """The files' ids; two files whose ids name one graph (a b.txt and ab.txt: IRIs hold no spaces) stop
    the build with one line naming both."""
    from kg.rdf.iris import slug

    seen: dict[str, Path] = {}
    ids = []
    for p in paths:
        ident = doc_id(p)
        key = slug(ident)
        if key in seen:
            raise InputError(f"{p} and {seen[key]} would both be document {key!r}; rename one of them")
        seen[key] = p
        ids.append(ident)
    return ids


def _clashes_in_store(target, files: list[Path], ids: list[str]) -> None:
    """A file whose id names a graph the store holds for another file's id (ab.txt after a b.txt)."""
    from kg.rdf.iris import slug

    held = {slug(ident): ident for ident in target.files}
    for path, ident in zip(files, ids):
        other = held.get(slug(ident))
        if other is not None and other != ident:
            source = target.files[other].get("source", other)
            raise InputError(f"{path} would be document {slug(ident)!r}, which the store holds for {source}; "
                             "rename one of them")


def build(paths: Iterable[str | Path], base: str = DEFAULT_BASE, workers: int = 1,
          progress: Callable[[Path], None] | None = None, max_chars: int | None = None) -> BuildResult:
    """Return the dataset of the documents at ``paths`` (files or folders).

    A document that cannot be read is recorded in ``failures`` and the others
    are built. With ``workers`` > 1, documents are read in that many processes.
    """
    import pyoxigraph as ox

    from kg.rdf.iris import Minter, check_base

    check_base(base)
    check_resources()
    files = documents_in(paths)
    ids = _ids(files)
    result = BuildResult(ox.Store())
    jobs = [(str(p), ident, max_chars, base, False) for p, ident in zip(files, ids)]
    shared: set[str] = set()
    with _extracting(jobs, workers) as outcomes:
        _collect(result, files, outcomes, base, shared, progress)
    if shared:
        result.quads.load("".join(sorted(shared)).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES,
                          to_graph=ox.NamedNode(str(Minter(base).shared_graph())))
    return result


@contextlib.contextmanager
def _extracting(jobs: list[tuple], workers: int):
    """The outcomes of extracting ``jobs``, in order: in this process, or in ``workers`` processes."""
    if workers > 1 and len(jobs) > 1:
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        _start_resource_tracker()
        with context.Pool(min(workers, len(jobs)), _worker_start, (os.getpid(),)) as pool:
            yield pool.imap(_extract_one, jobs, chunksize=max(1, len(jobs) // (workers * 8)))
    else:
        yield map(_extract_one, jobs)


def _worker_start(parent: int) -> None:
    """How a build worker begins: Ctrl-C is left to the build, which stops its workers itself, and
    the worker dies with the build (Linux's parent-death signal). Without this, a build that was
    killed left workers that printed BrokenPipeError tracebacks over the user's terminal."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the worker ends at its next write instead
        pass
    if os.getppid() != parent:  # the build died before the signal was asked for
        os._exit(0)


def _start_resource_tracker() -> None:
    """Starts multiprocessing's resource tracker, if it is not running, without its warning about
    "leaked semaphore objects": after a killed build it frees them itself, and the warning would
    alarm a user about something already handled."""
    from multiprocessing import resource_tracker

    key, before = "PYTHONWARNINGS", os.environ.get("PYTHONWARNINGS")
    os.environ[key] = ",".join(filter(None, [before, "ignore:resource_tracker:UserWarning"]))
    try:
        resource_tracker.ensure_running()
    finally:
        if before is None:
            del os.environ[key]
        else:
            os.environ[key] = before


COMPACT_SHARE = 4  # a build compacts the store when it stored at least one file in this many of those held


@dataclass
class StoreBuild:
    """What a build into an on-disk store did."""

    store: Path
    summaries: list[str] = field(default_factory=list)
    built: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    files: int = 0  # files the store holds now
    triples: int = 0  # triples it holds now


def build_store(paths: Iterable[str | Path], store: str | Path, base: str | None = None, workers: int = 1,
                progress: Callable[[Path], None] | None = None, max_chars: int | None = None,
                rebuild: bool = False) -> StoreBuild:
    """Add the documents at ``paths`` to the on-disk store at ``store`` (created if new).

    A file already held with the same bytes and the same pipeline is left as
    it is; a changed file replaces its graph and nothing else. A document that
    cannot be read is recorded in ``failures`` and the others are built.
    """
    from kg.rdf.iris import check_base
    from kg.stores.disk import PolicyStore, file_digest

    if base is not None:
        check_base(base)
    check_resources()
    files = documents_in(paths)
    ids = _ids(files)
    target = PolicyStore(store, create=True, base=base)
    try:
        _clashes_in_store(target, files, ids)
    except InputError:
        target.close()
        raise
    report = StoreBuild(Path(store))
    jobs, digests = [], {}
    for path, ident in zip(files, ids):
        digest = file_digest(path)
        if not rebuild and target.is_current(ident, digest):
            report.unchanged.append(path)
            if progress:
                progress(path)
        else:
            jobs.append((str(path), ident, max_chars, target.base, True))
            digests[ident] = digest
    finished = False
    try:
        with _extracting(jobs, workers) as outcomes:
            _into_store(report, target, jobs, outcomes, digests, progress)
        finished = True
    finally:
        try:
            if report.built or target.manifest.get("shared_stale"):
                target.refresh_shared()
            target.set_ontology()
            if finished and report.built and len(report.built) * COMPACT_SHARE >= len(target.files):
                target.optimize()  # a quarter of the files or more are new: worth compacting the whole store
            report.files, report.triples = len(target.files), len(target)
        finally:
            target.close()
    return report


def _into_store(report: StoreBuild, target, jobs, outcomes, digests, progress) -> None:
    # The store writes on a thread of its own while the next documents are extracted.
    with target.writer() as writer:
        for (path, ident, *_), (summary, triples, error) in zip(jobs, outcomes):
            if error is not None:
                report.failures.append(Failure(Path(path), error))
            else:
                writer.put(ident, triples, path, digests[ident])
                report.built.append(Path(path))
                report.summaries.extend(summary)
            if progress:
                progress(Path(path))


def _collect(result: BuildResult, files: list[Path], outcomes, base: str, shared: set[str], progress) -> None:
    import pyoxigraph as ox

    for path, (ex, triples, error) in zip(files, outcomes):
        if ex is None:
            result.failures.append(Failure(path, error))
        else:
            name, own, theirs = triples
            result.quads.load(own.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))
            shared.update(theirs.splitlines(keepends=True))
            result.extractions.append(ex)
        if progress:
            progress(path)


SUMMARY_ORDER = ("tasks", "measures", "targets", "baselines", "parameters", "thresholds", "contexts", "agencies",
                 "generic actors", "responsibilities", "problems", "features", "guarantees", "persons", "places", "documents")
# How a count is written in the summary, where not as its name (2 context figures).
SUMMARY_NAMES = {"contexts": "context figures"}


def summarize(ex: "Extraction") -> list[str]:
    """Lines saying what one file held: its documents and how much was found."""
    lines = []
    counts = ex.counts()
    read = ex.read
    lines.append(f"{ex.doc_id}: {read[0].title or '(no title)'}")
    for d in read[1:]:
        lines.append(f"  and: {d.title or '(no title)'}" + (f" ({d.kind})" if d.kind else ""))
    for d in read:
        if d.interprets:
            subject = next(x for x in ex.documents if x.key == d.interprets)
            period = f" {subject.period_start}–{subject.period_end}" if subject.period_start else ""
            lines.append(f"  about: {subject.title} ({subject.kind or 'document'}{period})")
    lines.append("  " + ", ".join(f"{counts[k]} {SUMMARY_NAMES.get(k, k)}" for k in SUMMARY_ORDER))
    return lines


def summary(result: BuildResult) -> str:
    """Return a short account of what was found, one file per paragraph."""
    return "\n".join(line for ex in result.extractions for line in summarize(ex))