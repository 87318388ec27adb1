"""A whole listing's ORDER BY done in Python, where the engine would do it slowly.

Oxigraph on disk orders rows by decoding the terms it compares, again and again: a
listing of 12,000 rows ordered by one IRI takes five times as long as the same rows
unordered (benchmarks/RESULTS.md, issue 20). For a query whose rows are ordered last,
by projected variables only and with no LIMIT or OFFSET, a backend may run it without
its ORDER BY and order the rows here, as SPARQL 1.1 (section 15.1) orders them:
unbound first, then blank nodes, IRIs and literals; numbers by value, IRIs and other
literals by their characters; each key in turn, equal rows kept in the order they came
(a stable sort, as rdflib's ORDER BY is). Where a key's column mixes terms whose order
SPARQL leaves to the engine (a number beside a string, two datatypes, a language tag),
:func:`order_rows` declines and the engine orders them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rdflib import BNode, Literal
from rdflib.namespace import XSD

from kg.query.engine import ordered_last, shape

_TAIL = re.compile(r"\bORDER\s+BY((?:\s+(?:(?:ASC|DESC)\s*\(\s*[?$]\w+\s*\)|[?$]\w+))+)\s*$", re.IGNORECASE)
_KEY = re.compile(r"(ASC|DESC)?\s*\(?\s*[?$](\w+)", re.IGNORECASE)
_NUMBERS = {XSD.integer, XSD.decimal, XSD.double, XSD.float, XSD.int, XSD.long, XSD.short, XSD.byte,
            XSD.nonNegativeInteger, XSD.positiveInteger, XSD.negativeInteger, XSD.nonPositiveInteger,
            XSD.unsignedInt, XSD.unsignedLong, XSD.unsignedShort, XSD.unsignedByte}


@lru_cache(maxsize=256)
def trailing_order(text: str) -> tuple[str, tuple[tuple[str, bool], ...]] | None:
    """``text`` without the ORDER BY that ends it, and its keys as (variable, descending), if the rows of
    the query are ordered last, by projected variables only, with no LIMIT or OFFSET; else None."""
    found = _TAIL.search(text)
    if found is None or not ordered_last(text):
        return None  # no ORDER BY, or a subquery's, or one under a LIMIT
    keys = tuple((name, (way or "").upper() == "DESC") for way, name in _KEY.findall(found.group(1)))
    projected = shape(text)[1]
    if not keys or any(name not in projected for name, _ in keys):
        return None
    return text[:found.start()], keys


def _kind(term) -> tuple | None:
    """The kind of a literal, within which SPARQL fixes the order; None for the rest (unbound, blank nodes and
    IRIs are ordered among themselves and before any literal)."""
    if isinstance(term, Literal):
        return ("number",) if term.datatype in _NUMBERS else ("literal", term.datatype, term.language)
    return None


def _key(term) -> tuple:
    if term is None:
        return (0, "")
    if isinstance(term, BNode):
        return (1, str(term))
    if isinstance(term, Literal):
        return (3, term.toPython() if term.datatype in _NUMBERS else str(term))
    return (2, str(term))


def order_rows(variables: list[str], rows: list[list], keys: tuple[tuple[str, bool], ...]) -> list[list] | None:
    """``rows`` (of rdflib terms, None for unbound) ordered by ``keys``; None where a key's column mixes kinds
    of terms whose order SPARQL leaves to the engine."""
    columns = [variables.index(name) for name, _ in keys]
    sort_keys: dict[int, tuple] = {}  # by the term's identity: a listing repeats its terms (the backend makes each once)
    for k in columns:
        kinds = {}
        for row in rows:
            term = row[k]
            if id(term) not in kinds:
                kinds[id(term)] = _kind(term)
                sort_keys[id(term)] = _key(term)
        if len(set(kinds.values()) - {None}) > 1:
            return None
    if not any(descending for _, descending in keys):  # one pass
        return sorted(rows, key=lambda row: tuple(sort_keys[id(row[k])] for k in columns))
    ordered = list(rows)
    for k, (_, descending) in reversed(list(zip(columns, keys))):
        ordered.sort(key=lambda row, k=k: sort_keys[id(row[k])], reverse=descending)
    return ordered
