"""Running SELECT queries on any backend, with safe parameters.

A parameter naming a column keeps the rows whose cell is its value (so an
OPTIONAL column is filtered, not overwritten); any other parameter binds the
query variable of its name (an input such as ``?by`` in ``FILTER (?deadline
<= ?by)``) with rdflib's ``initBindings``. Values are never pasted into the
query text.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import QueryError
from kg.query.named import PARAM_TYPES, Derived
from kg.query.results import Table, cell
from kg.rdf.namespaces import PREFIX_IRIS


def _bind(name: str, value: str, kind: str | None) -> object:
    if kind == "iri" or (kind is None and (re.match(r"^<.*>$", value) or re.match(r"^https?://", value))):
        return URIRef(value.strip("<>"))
    if kind == "integer":
        try:
            return Literal(int(value), datatype=XSD.integer)
        except ValueError:
            raise QueryError(f"parameter {name}: {value!r} is not an integer") from None
    if kind == "decimal":
        try:
            return Literal(Decimal(value), datatype=XSD.decimal)
        except InvalidOperation:
            raise QueryError(f"parameter {name}: {value!r} is not a number") from None
    return Literal(value)


class Backend:
    """Where a SELECT query runs: rdflib in memory, the on-disk store, or a server.

    ``select`` returns the result's variables and rows of rdflib terms (None
    where unbound); ``bindings`` binds variables that are not columns.
    """

    files: list[str] = []  # with a store: its files' graphs, in the order of their identifiers

    def select(self, text: str, bindings: dict[str, object]) -> tuple[list[str], list[list]]:
        raise NotImplementedError

    def select_in_file(self, graph: str, text: str, bindings: dict[str, object]) -> tuple[list[str], list[list]]:
        """The rows of ``text`` read from one file's graph (and the graphs all files share)."""
        raise NotImplementedError


class DatasetBackend(Backend):
    """An rdflib dataset in memory (files read for one command)."""

    def __init__(self, dataset: Graph) -> None:
        self.dataset = dataset

    def select(self, text: str, bindings: dict[str, object]) -> tuple[list[str], list[list]]:
        prepared = prepare(text)
        variables = [str(v) for v in prepared.algebra["PV"]]
        try:
            result = self.dataset.query(prepared, initBindings=bindings)
            return variables, [[row[v] if v in row.labels else None for v in variables] for row in result]
        except QueryError:
            raise
        except Exception as exc:
            raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None


def prepare(text: str):
    """Parse ``text`` (rdflib's SPARQL 1.1 parser); a malformed query is a :class:`QueryError`."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        return prepareQuery(text, initNs=PREFIX_IRIS)
    except ParseException as exc:
        raise QueryError(f"malformed SPARQL query: {exc.msg} at line {exc.lineno}, column {exc.col}") from None
    except Exception as exc:
        raise QueryError(f"malformed SPARQL query: {' '.join(str(exc).split())}") from None


def shape(text: str) -> tuple[str, tuple[str, ...]]:
    """The form of query ``text`` (``SelectQuery``, ``ConstructQuery``…) and its projected
    variables, parsed once per text (rdflib's parser takes 5 to 50 ms a named query);
    a malformed query is a :class:`QueryError` every time."""
    return _parsed(text)[:2]


def sliced(text: str) -> bool:
    """True if SELECT query ``text`` has a LIMIT or OFFSET of its own."""
    return _parsed(text)[2]


def ordered_last(text: str) -> bool:
    """True if the rows of query ``text`` are ordered last (an ORDER BY over them, under no LIMIT or OFFSET;
    not one inside a subquery)."""
    return _parsed(text)[3]


@lru_cache(maxsize=256)
def _parsed(text: str) -> tuple[str, tuple[str, ...], bool, bool]:
    algebra = prepare(text).algebra
    top = inner = algebra.get("p")
    while getattr(inner, "name", None) in ("Distinct", "Reduced", "Project"):  # what may stand over the order
        inner = inner.get("p")
    return (algebra.name, tuple(str(v) for v in algebra.get("PV") or ()), getattr(top, "name", None) == "Slice",
            getattr(inner, "name", None) == "OrderBy")


def page(text: str, limit: int | None, offset: int) -> str:
    """``text`` with LIMIT and OFFSET added, so that the engine stops after the page asked for
    (a query that has its own is left alone; :func:`run` then cuts its rows)."""
    if (limit is None and not offset) or sliced(text):
        return text
    return text.rstrip() + (f"\nLIMIT {limit}" if limit is not None else "") + (f"\nOFFSET {offset}" if offset else "")


def run(backend: Backend | Graph, text: str, params: dict[str, str] | None = None,
        declared: dict[str, tuple[str, str]] | None = None,
        derived: tuple[Derived, ...] = (), order: tuple[str, ...] = (),
        limit: int | None = None, offset: int = 0, pages: tuple[str, ...] = ()) -> Table:
    """Run SELECT query ``text`` on ``backend`` and return its :class:`Table`.

    A parameter naming a column keeps the rows whose cell is its value; any
    other parameter binds the variable of its name, as a string unless typed
    (``least:decimal``, ``year:integer``, ``doc:iri``) or declared so in the
    named query's header. ``derived`` columns are
    computed from the others and placed where ``order`` (a named query's
    columns) puts them. ``limit`` and ``offset`` give one page of the rows, in
    the query's own order: the engine is asked for that page alone unless rows
    are kept by a column (then the page is cut from the rows kept). A store reads
    a query that ``pages`` (a named query's ``# pages:``) a file or a document at a
    time until the page is full (:mod:`kg.query.paging`)."""
    if (limit is not None and limit < 0) or offset < 0:
        raise QueryError("a page's limit and offset are whole numbers, 0 or more")
    if not isinstance(backend, Backend):
        backend = DatasetBackend(backend)
    form, projected = shape(text)
    if form != "SelectQuery":
        raise QueryError("only SELECT queries are run here; CONSTRUCT, ASK and DESCRIBE go to `policykg serve`")
    variables = list(projected)
    bindings, wanted = {}, {}
    derived_names = [d.name for d in derived]
    for name, value in (params or {}).items():
        name, _, typed = name.partition(":")  # least:decimal=18000
        if typed and typed not in PARAM_TYPES:
            raise QueryError(f"parameter {name}: unknown type {typed!r}; use one of {', '.join(PARAM_TYPES)}")
        if name not in variables and name not in derived_names and name not in _query_vars(text):
            raise QueryError(f"parameter {name!r} is not a variable of the query "
                             f"(it has: {', '.join(variables + derived_names)})")
        kind = typed or (declared or {}).get(name, (None, ""))[0]
        term = _bind(name, value, kind)
        if name in variables or name in derived_names:
            wanted[name] = cell(term)
        else:
            bindings[name] = term
    paged = not wanted and not sliced(text)  # rows kept by a column: the page is cut after keeping them
    if paged and pages and limit is not None and backend.files:
        from kg.query.paging import page_rows

        columns, rows = page_rows(backend, text, bindings, pages, limit, offset)
    else:
        columns, rows = backend.select(page(text, limit, offset) if paged else text, bindings)
    if columns != variables:  # a server may answer with the variables in another order
        rows = [[row[columns.index(v)] if v in columns else None for v in variables] for row in rows]
    for d in derived:
        for row in rows:
            row.append(d.compute(dict(zip(variables, row))))
    table = Table(variables + derived_names, rows)
    index = {name: k for k, name in enumerate(table.columns)}
    table.rows = [r for r in table.rows if all(cell(r[index[n]]) == v for n, v in wanted.items())]
    if order and sorted(order) == sorted(table.columns) and list(order) != table.columns:
        # a derived column stands where the named query's header puts it
        table.rows = [[r[index[name]] for name in order] for r in table.rows]
        table.columns = list(order)
    if not paged and (limit is not None or offset):
        table.rows = table.rows[offset:None if limit is None else offset + limit]
    return table


def _query_vars(text: str) -> set[str]:
    return set(re.findall(r"[?$](\w+)", text))
