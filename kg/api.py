"""The policy-kg library: everything the command line does, callable from Python.

>>> from kg import api
>>> result = api.build(["data/policy_text.txt"])          # doctest: +SKIP
>>> api.write(result, "out")                                # doctest: +SKIP
>>> api.query(result.graph, named="targets").rows          # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.rdf import DEFAULT_BASE

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.extract.records import Extraction


@dataclass
class BuildResult:
    """The graph built from some documents, and what was extracted from each."""

    graph: Graph
    extractions: list[Extraction] = field(default_factory=list)


@lru_cache(maxsize=1)
def extractor():
    """Return the shared extractor (rule components and jieba, loaded once)."""
    from kg.extract.pipeline import Extractor

    return Extractor()


def doc_id(path: str | Path) -> str:
    """Return the id a document file is known by: its file name without extension."""
    return Path(path).stem.strip() or "document"


def extract(path: str | Path, identifier: str | None = None) -> Extraction:
    """Return what the rules find in the document at ``path``."""
    from kg.text.read import read_source

    source = read_source(path)
    return extractor()(source, identifier or doc_id(path))


def extract_text(text: str, identifier: str = "text") -> Extraction:
    """Return what the rules find in ``text``."""
    from kg.text.decode import Source

    if not text.strip():
        raise InputError(f"{identifier}: the text is empty")
    return extractor()(Source(text, identifier, "str"), identifier)


def build(paths: Iterable[str | Path], base: str = DEFAULT_BASE,
          progress: Callable[[Path], None] | None = None) -> BuildResult:
    """Return the graph of the documents at ``paths``."""
    from kg.rdf.graph import add_extraction, new_graph
    from kg.rdf.iris import check_base

    check_base(base)
    paths = [Path(p) for p in paths]
    if not paths:
        raise InputError("no documents given; name one or more text files")
    for p in paths:
        if not p.is_file():
            raise InputError(f"{p}: {'is a directory; give the document files inside it' if p.is_dir() else 'no such file'}")
    seen: dict[str, Path] = {}
    for p in paths:
        ident = doc_id(p)
        if ident in seen:
            raise InputError(f"{p} and {seen[ident]} would both be document {ident!r}; rename one of them")
        seen[ident] = p
    graph = new_graph()
    result = BuildResult(graph)
    for p in paths:
        ex = extract(p)
        add_extraction(graph, ex, base)
        result.extractions.append(ex)
        if progress:
            progress(p)
    return result


def turtle(graph: Graph) -> str:
    """Return ``graph`` as Turtle; the same graph always gives the same bytes."""
    return graph.serialize(format="turtle")


def html(graph: Graph, title: str) -> str:
    """Return the interactive HTML page of ``graph``."""
    from kg.views.html import render
    from kg.views.network import to_networkx

    return render(to_networkx(graph), title)


def write(result: BuildResult, outdir: str | Path, with_html: bool = True) -> dict[str, Path]:
    """Write ``graph.ttl`` (and ``graph.html``) into ``outdir``; return their paths.

    Both are rendered before either is written, and each is written atomically.
    """
    from kg.io import atomic_write, prepare_dir

    out = prepare_dir(outdir)
    ttl = turtle(result.graph)
    titles = [ex.document.title or ex.doc_id for ex in result.extractions]
    page = html(result.graph, titles[0] if len(titles) == 1 else f"{len(titles)} documents") if with_html else None
    written = {"graph.ttl": atomic_write(out / "graph.ttl", ttl)}
    if page is not None:
        written["graph.html"] = atomic_write(out / "graph.html", page)
    return written


def load(paths: Iterable[str | Path]):
    """Return a queryable dataset of the RDF files at ``paths`` (with the ontology)."""
    from kg.sparql import load as _load

    return _load(paths)


def query(graph, text: str | None = None, named: str | None = None, params: dict[str, str] | None = None):
    """Run a SELECT query (its text, or the name of a shipped query) and return a Table."""
    from rdflib import Dataset

    from kg.errors import QueryError
    from kg.sparql import named_query, run, with_graph

    if (text is None) == (named is None):
        raise QueryError("give either a query or the name of a named query")
    dataset = graph if isinstance(graph, Dataset) else with_graph(graph)
    if named is not None:
        nq = named_query(named)
        return run(dataset, nq.text, params, nq.params)
    return run(dataset, text, params)


def summary(result: BuildResult) -> str:
    """Return a short account of what was found, one document per paragraph."""
    lines = []
    for ex in result.extractions:
        counts = ex.counts()
        lines.append(f"{ex.doc_id}: {ex.document.title or '(no title)'}")
        subject = next((d for d in ex.documents if d.key == ex.subject), None)
        if subject is not None and not subject.is_source:
            period = f" {subject.period_start}–{subject.period_end}" if subject.period_start else ""
            lines.append(f"  about: {subject.title} ({subject.kind or 'document'}{period})")
        order = ("tasks", "measures", "targets", "baselines", "agencies", "responsibilities", "problems",
                 "features", "guarantees", "persons", "places", "documents")
        lines.append("  " + ", ".join(f"{counts[k]} {k}" for k in order))
    return "\n".join(lines)
