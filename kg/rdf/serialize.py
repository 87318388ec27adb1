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

import io
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


def sorted_lines(store: ox.Store) -> list[str]:
    """The distinct N-Triples lines of all the graphs of ``store``, sorted (:mod:`kg.rdf.sorting`)."""
    from kg.rdf.sorting import all_graphs, sorted_lines as merged

    with merged(store, all_graphs(store)) as lines:
        return [line[:-1].decode("utf-8") for line in lines]


def _header() -> bytes:
    """Our prefix lines, in prefix order (pyoxigraph's order is its own), and a blank line."""
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in _prefixes().items()).encode("utf-8") + b"\n"


# -- streamed: a corpus written without holding it whole (see kg.rdf.sorting) ------------------
def stream_turtle(lines: Iterator[bytes], out: BinaryIO) -> None:
    """Write into ``out`` the Turtle of sorted N-Triples ``lines`` (bytes, each ending in a newline):
    pyoxigraph's, with our prefixes, read and written as it goes."""
    triples = ox.parse(io.BufferedReader(_LinesReader(lines)), format=ox.RdfFormat.N_TRIPLES)
    _serialize(triples, ox.RdfFormat.TURTLE, out)


def stream_trig(store: ox.Store, graphs: Iterable[ox.NamedNode], out: BinaryIO) -> None:
    """Write into ``out`` the TriG of ``graphs`` of ``store`` in the order given, each graph's triples
    sorted, a graph at a time."""
    from kg.rdf.sorting import graph_lines

    def quads():
        for graph in graphs:
            lines = b"".join(sorted(set(graph_lines(store, graph))))
            for t in ox.parse(lines, format=ox.RdfFormat.N_TRIPLES):
                yield ox.Quad(t.subject, t.predicate, t.object, graph)
    _serialize(quads(), ox.RdfFormat.TRIG, out)


def _serialize(items, fmt: ox.RdfFormat, out: BinaryIO) -> None:
    """pyoxigraph's serialisation of ``items`` into ``out``, our prefix lines in place of its own."""
    out.write(_header())
    body = _AfterPrefixes(out)
    ox.serialize(items, body, format=fmt, prefixes=_prefixes())
    body.close()


class _LinesReader(io.RawIOBase):
    """A binary file reading the lines of an iterator, for a parser that reads a file."""

    def __init__(self, lines: Iterator[bytes]) -> None:
        self._lines, self._left = iter(lines), b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while len(self._left) < len(buffer):
            chunk = next(self._lines, None)
            if chunk is None:
                break
            self._left += chunk
        n = min(len(buffer), len(self._left))
        buffer[:n], self._left = self._left[:n], self._left[n:]
        return n


class _AfterPrefixes:
    """A writer into ``out`` that drops the ``@prefix`` lines its writing starts with."""

    def __init__(self, out: BinaryIO) -> None:
        self.out, self.head, self.passing = out, b"", False

    def write(self, data) -> int:
        if self.passing:
            return self.out.write(data)
        self.head += bytes(data)
        while not self.passing and b"\n" in self.head:
            line, rest = self.head.split(b"\n", 1)
            if line.startswith(b"@prefix "):
                self.head = rest
            else:
                self.passing = True
                self.out.write(self.head)
                self.head = b""
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if not self.passing and not self.head.startswith(b"@prefix "):
            self.out.write(self.head)
