"""Serialisations that give the same bytes for the same triples, and fast.

The pipeline writes triples as rdflib IRIs and literals (plain strings as
:class:`Text`, common typed literals as ready :class:`Term` s) into a :class:`Triples` list;
:func:`ntriples` turns them into N-Triples lines, which pyoxigraph loads at
a million triples a second. Turtle and TriG are written by pyoxigraph from
sorted N-Triples (:func:`stream_turtle`, :func:`stream_trig`), through files
rather than memory: rdflib's own writers are twenty to thirty times slower,
and its in-memory graph costs more to fill than the rules cost to run.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import pyoxigraph as ox
from rdflib import Literal, URIRef

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


class Triples(list):
    """A list of (subject, predicate, object) that takes ``add`` like a graph."""

    def add(self, triple) -> None:
        self.append(triple)


class Text(str):
    """A plain string literal (``xsd:string``). The writer makes tens of thousands a
    document; an rdflib ``Literal`` takes a microsecond or more to make, this a tenth."""

    __slots__ = ()


class Term(str):
    """A term already written in N-Triples (a typed literal made once and reused)."""

    __slots__ = ()


def nt(term) -> str:
    """The N-Triples form of an rdflib IRI or literal, a :class:`Text` or a :class:`Term`."""
    kind = type(term)
    if kind is URIRef:
        return "".join(("<", term, ">"))
    if kind is Text:
        return "".join(('"', term.translate(_ESCAPES), '"'))
    if kind is Term:
        return term
    if kind is not Literal:
        return term.n3()  # a blank node
    lexical = f'"{str.translate(term, _ESCAPES)}"'
    if term.language:
        return f"{lexical}@{term.language}"
    datatype = term.datatype
    return lexical if datatype is None or datatype == _XSD_STRING else f"{lexical}^^<{datatype}>"


def ntriples(triples: Iterable) -> list[str]:
    """The N-Triples lines (each ending in a newline) of rdflib ``triples``."""
    return [f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in triples]


def _prefixes() -> dict[str, str]:
    from kg.rdf.namespaces import PREFIXES

    return {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items())}


def sorted_lines(store: ox.Store, graph: ox.NamedNode | None = None) -> list[str]:
    """The distinct N-Triples lines of ``graph`` in ``store`` (of all its graphs if None), sorted."""
    graphs = [graph] if graph is not None else [*store.named_graphs(), ox.DefaultGraph()]
    lines: set[str] = set()
    for g in graphs:
        data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g)
        if data:
            lines.update(data.decode("utf-8").splitlines())
    return sorted(lines)


def _header() -> bytes:
    """Our prefix lines, in prefix order (pyoxigraph's order is its own), and a blank line."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in _prefixes().items()).encode("utf-8") + b"\n"


# -- streamed: a corpus written without holding it whole (see kg.rdf.sorting) ------------------
def stream_turtle(lines: Iterator[bytes], out: BinaryIO) -> None:
    """Write into ``out`` the Turtle of sorted N-Triples ``lines`` (bytes, each ending in a newline):
    pyoxigraph's, with our prefixes, through temporary files instead of memory."""
    with tempfile.TemporaryDirectory(prefix="policykg-ttl-") as folder:
        nt_path, body = Path(folder) / "lines.nt", Path(folder) / "body.ttl"
        with nt_path.open("wb") as fh:
            fh.writelines(lines)
        triples = ox.parse(path=nt_path, format=ox.RdfFormat.N_TRIPLES)
        ox.serialize(triples, body, format=ox.RdfFormat.TURTLE, prefixes=_prefixes())
        _copy_with_header(body, out)


def stream_trig(store: ox.Store, graphs: Iterable[ox.NamedNode], out: BinaryIO) -> None:
    """Write into ``out`` the TriG of ``graphs`` of ``store`` in the order given, each graph's triples
    sorted, a graph at a time."""
    from kg.rdf.sorting import graph_lines

    def quads():
        for graph in graphs:
            lines = b"".join(sorted(set(graph_lines(store, graph))))
            for t in ox.parse(lines, format=ox.RdfFormat.N_TRIPLES):
                yield ox.Quad(t.subject, t.predicate, t.object, graph)
    with tempfile.TemporaryDirectory(prefix="policykg-trig-") as folder:
        body = Path(folder) / "body.trig"
        ox.serialize(quads(), body, format=ox.RdfFormat.TRIG, prefixes=_prefixes())
        _copy_with_header(body, out)


def _copy_with_header(body: Path, out: BinaryIO) -> None:
    """Write our prefix lines, then ``body`` after pyoxigraph's own."""
    out.write(_header())
    with body.open("rb") as fh:
        line = fh.readline()
        while line.startswith(b"@prefix "):
            line = fh.readline()
        out.write(line)
        shutil.copyfileobj(fh, out)
