"""Binding a query's inputs where no engine binds them for us: a VALUES block at the start of its WHERE group."""

from __future__ import annotations

import re

from kg.errors import QueryError

_IRI = re.compile(r'<[^<>"{}|^`\\\s]*>')
_BAD_IRI = re.compile(r'[<>"{}|^`\\\s]')


def with_values(text: str, bindings: dict[str, object]) -> str:
    """Return ``text`` with ``VALUES`` binding ``bindings`` at the start of its WHERE group.

    The terms are written as RDF terms (escaped by rdflib), never as raw
    text; an IRI that could break out of its brackets is refused.
    """
    for name, term in bindings.items():
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"parameter name {name!r} is not a variable name")
        if term.__class__.__name__ == "URIRef" and _BAD_IRI.search(str(term)):
            raise QueryError(f"parameter {name}: {str(term)!r} is not an IRI")
    where = _where_brace(text)
    if where is None:
        raise QueryError("cannot find the query's WHERE group to bind its parameters")
    names = " ".join(f"?{n}" for n in bindings)
    values = " ".join(term.n3() for term in bindings.values())
    return f"{text[:where + 1]} VALUES ({names}) {{ ({values}) }} {text[where + 1:]}"


def with_filters(text: str, filters: dict[str, str]) -> str:
    """Return ``text`` keeping the rows whose ``column`` reads as ``value`` (its string form: a label, a number
    as written, an IRI): a ``FILTER(STR(?column) = "value")`` at the end of its WHERE group, the value
    written as an RDF literal (escaped by rdflib), never as raw text."""
    from rdflib import Literal

    for name in filters:
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"column name {name!r} is not a variable name")
    close = _where_close(text)
    if close is None:
        raise QueryError("cannot find the query's WHERE group to filter its rows")
    tests = " ".join(f"FILTER(STR(?{name}) = {Literal(str(value)).n3()})" for name, value in filters.items())
    return f"{text[:close]}  {tests}\n{text[close:]}"


def _where_brace(text: str) -> int | None:
    """The offset of the ``{`` opening a query's WHERE group (outside strings,
    IRIs, comments and parenthesised expressions)."""
    return next((i for i, c in _braces(text) if c == "{"), None)


def _where_close(text: str) -> int | None:
    """The offset of the ``}`` closing a query's WHERE group."""
    depth = 0
    for i, c in _braces(text):
        depth += 1 if c == "{" else -1
        if depth == 0:
            return i
    return None


def _braces(text: str):
    """The braces of ``text`` outside strings, IRIs, comments and parenthesised expressions, in order."""
    i, depth, n = 0, 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            newline = text.find("\n", i)
            i = n if newline < 0 else newline
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            i += len(quote)
            while i < n and not text.startswith(quote, i):
                i += 2 if text[i] == "\\" else 1
            i += len(quote) - 1
        elif c == "<" and _IRI.match(text, i):
            i = _IRI.match(text, i).end() - 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c in "{}" and depth == 0:
            yield i, c
        i += 1
