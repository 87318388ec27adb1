"""Reading graphs back: pages, reports, exports, checks, questions and pushes, from a :class:`GraphSource`.

Each function takes a source: a :class:`kg.stores.source.GraphSource` (RDF
files, an on-disk store or an endpoint, opened once), or, for short, a list of
RDF files.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from kg.stores.source import GraphSource

if TYPE_CHECKING:
    from kg.query import Table
    from kg.rdf.validate import Finding
    from kg.stores.remote import PushReport


def source(graphs: Iterable[str | Path] = (), store: str | Path | None = None, endpoint: str | None = None,
           **options) -> GraphSource:
    """The graphs of RDF files, of an on-disk store, or of an endpoint (exactly one); ``options`` are
    those of :class:`GraphSource` (user, password, allow_partial)."""
    return GraphSource(graphs, store, endpoint, **options)


def _source(given) -> GraphSource:
    return given if isinstance(given, GraphSource) else GraphSource(files=list(given))


def view(given, doc: str | None = None, classes: Iterable[str] | None = None) -> str:
    """The interactive page of a source: all of it, one file (``doc``), and only the node
    ``classes`` given (local names: Task, Measure, Agency…)."""
    from kg.errors import InputError
    from kg.views.html import STYLE, render
    from kg.views.network import to_networkx

    graph, title = _source(given).read_graph(doc)
    g = to_networkx(graph)
    if classes:
        known = {c.lower(): c for c in STYLE}
        wanted = set()
        for c in classes:
            if c.lower() not in known:
                raise InputError(f"unknown class {c!r}; the classes are: {', '.join(STYLE)}")
            wanted.add(known[c.lower()])
        g = g.subgraph([n for n, d in g.nodes(data=True) if d["cls"] in wanted]).copy()
    if not len(g):
        raise InputError("nothing to show: the graph has no nodes of the classes asked for")
    return render(g, title)


def report(given, outdir: str | Path = "report", doc: str | None = None) -> dict[str, Path]:
    """Write the analytic report of a source into ``outdir`` (see :mod:`kg.views.report`), with its
    co-issuance, collaboration and citation networks described (:mod:`kg.views.collaboration`) and its
    network as GraphML and GEXF (the formats of those names)."""
    from kg.formats import format_named
    from kg.io import atomic_write
    from kg.stores.source import graph_backend
    from kg.views.network import to_networkx
    from kg.views.report import growth_dicts, write_report

    source = _source(given)
    graph, title = source.read_graph(doc)
    # a store's questions are asked of it; files' graph is put in a store once, for every question
    backend = source.backend() if doc is None and source.store_path is not None else graph_backend(graph)
    growth = growth_dicts(query(backend, named="growth"))
    network = to_networkx(graph)
    files = {f"graph{fmt.suffix}": fmt.write_network(network) for fmt in map(format_named, ("graphml", "gexf"))}
    from kg.views.collaboration import KINDS, network as who

    networks = [who(query(backend, named=named), kind) for kind, (named, _) in KINDS.items()]
    written = write_report(network, growth, outdir, title, networks)
    for name, data in files.items():
        written[name] = atomic_write(Path(outdir) / name, data)
    return written


def network(given, kind: str, start: int | None = None, end: int | None = None):
    """The co-issuance, collaboration or citation network of a source (see :mod:`kg.views.collaboration`),
    from its documents of the years ``start`` to ``end`` (both included; None: open)."""
    from kg.errors import QueryError
    from kg.views.collaboration import KINDS, Cut, network as make

    if kind not in KINDS:
        raise QueryError(f"unknown network {kind!r}: choose one of {', '.join(KINDS)}")
    if start is not None and end is not None and start > end:
        raise QueryError(f"--from {start} is after --to {end}: give the earlier year first")
    return make(query(given, named=KINDS[kind][0]), kind, Cut(start, end))


def write_network(g, outdir: str | Path) -> dict[str, Path]:
    """Write a network from :func:`network` into ``outdir`` as <kind>.gexf, <kind>.graphml and <kind>.net
    (all rendered before any is written, each written atomically)."""
    from kg.views.collaboration import FORMATS, write

    return _write_files(outdir, {f"{g.graph['kind']}.{fmt}": write(g, fmt) for fmt in FORMATS})


def instruments(given, outdir: str | Path) -> dict[str, Path]:
    """Write the instrument coding of a source into ``outdir`` (see :mod:`kg.views.instruments`):
    instruments.csv, instruments.xlsx and the cross table instruments-by-task.csv."""
    from kg.views.instruments import files

    return _write_files(outdir, files(query(given, named="instruments")))


def _write_files(outdir: str | Path, files: dict[str, bytes]) -> dict[str, Path]:
    """Write ``files`` (name: bytes, all made already) into the folder ``outdir``, each atomically."""
    from kg.io import atomic_write, prepare_dir

    folder = prepare_dir(outdir)
    return {name: atomic_write(folder / name, data) for name, data in files.items()}


def export(given, fmt: str) -> bytes:
    """The graphs of a source (or of a build, :class:`kg.api.BuildResult`) in format ``fmt`` (a name of
    :func:`kg.formats.formats`): the bytes `build -o` writes for the same graph."""
    from kg.api.building import BuildResult
    from kg.api.outputs import title_of
    from kg.formats import format_named

    chosen = format_named(fmt)
    if isinstance(given, BuildResult):
        return chosen.write(given.quads, title_of(given))
    source = _source(given)
    buffer = io.BytesIO()
    chosen.stream(source.quads, buffer, graphs=source.data_graphs())
    return buffer.getvalue()


def export_to(given, fmt: str, output: str | Path) -> Path:
    """Write the graphs of a source in format ``fmt`` to the file ``output``, atomically: the bytes of
    :func:`export`, streamed where the format can (the RDF line formats, Turtle and TriG), so that
    memory is bounded by a run of lines and the largest graph, not by the corpus."""
    from kg.formats import format_named
    from kg.io import atomic_stream

    chosen = format_named(fmt)
    source = _source(given)
    return atomic_stream(output, lambda out: chosen.stream(source.quads, out, graphs=source.data_graphs()))


def validate(given, progress: Callable[[int], None] | None = None) -> tuple[bool, list["Finding"], int]:
    """Check a source against the shapes (SHACL): whether it conforms, every finding, and how many
    triples were checked. A source of many files (a store, a TriG of a corpus) is checked a file at
    a time, each with what the shared graph says of its things, so memory is bounded by the largest
    file, not by the corpus; a finding on a shared thing is given once. ``progress`` is called with
    1 after each file."""
    from kg.rdf.validate import ordered, validate as check

    source = _source(given)
    files = source.file_ids()
    if len(files) < 2:
        graph, _ = source.graph()
        conforms, findings = check(graph)
        return conforms, findings, len(graph)
    found: dict = {}
    for doc in files:
        graph, _ = source.graph(doc)
        found.update(dict.fromkeys(check(graph)[1]))
        if progress is not None:
            progress(1)
    findings = ordered(list(found))
    return not any(f.severity == "Violation" for f in findings), findings, source.triple_count()


def load(paths: Iterable[str | Path]):
    """A queryable rdflib dataset of the RDF files at ``paths``, with the ontology (its default
    graph the union of all)."""
    return GraphSource(files=list(paths)).dataset(with_ontology=True)


def query(given, text: str | None = None, named: str | None = None, params: dict[str, str] | None = None,
          file: str | Path | None = None, limit: int | None = None, offset: int = 0) -> "Table":
    """Run a SELECT query (its text, a .rq ``file``, or the name of a shipped query) and return a Table,
    with the notes its backend has for the user (an answer cut off at a server's row limit).
    ``limit`` and ``offset`` ask for one page of its rows, in the query's order.

    ``given`` is a :class:`GraphSource`, a :class:`kg.query.Backend` (the on-disk
    store, a remote endpoint), or an rdflib graph or dataset.
    """
    from rdflib import Dataset, Graph

    from kg.errors import InputError, QueryError
    from kg.query import Backend, named_query, run, with_graph

    if sum(x is not None for x in (text, named, file)) != 1:
        raise QueryError("give either a query, a query file or the name of a named query")
    if file is not None:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{file}: cannot read the query ({exc.strerror})") from None
        except UnicodeDecodeError:
            raise QueryError(f"{file}: the query file is not UTF-8 text") from None
    if isinstance(given, GraphSource):
        backend = given.backend()
    elif isinstance(given, Backend):
        backend = given
    elif isinstance(given, Graph):
        backend = given if isinstance(given, Dataset) and given.default_union else with_graph(given)
    else:
        backend = GraphSource(files=list(given)).backend()
    if named is not None:
        nq = named_query(named)
        table = run(backend, nq.text, params, nq.params, nq.derived, nq.columns, limit=limit, offset=offset,
                    pages=nq.pages)
    else:
        table = run(backend, text, params, limit=limit, offset=offset)
    table.notes = list(getattr(backend, "notes", []))
    return table


def push(given, endpoint: str, protocol: str = "gsp", only: Iterable[str] = (), ontology: bool = True,
         user: str | None = None, password: str | None = None,
         progress: Callable[[str], None] | None = None) -> "PushReport":
    """Push the graphs of a source to a SPARQL server (see :func:`kg.stores.push.push_sources`)."""
    from kg.stores.push import push_sources

    return push_sources(_source(given), endpoint, protocol=protocol, only=only, ontology=ontology, user=user,
                        password=password, progress=progress)


def text(path: str | Path, clean: bool = False) -> str:
    """The text policy-kg reads from a document (offsets in the graph count code points in it), or with
    ``clean`` the normalised text, one paragraph a line."""
    from kg.text.read import read_source

    source_text = read_source(path).text
    if clean:
        from kg.text.normalize import normalize

        return normalize(source_text).text
    return source_text
