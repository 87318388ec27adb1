"""SPARQL over policy graphs: named questions, safe parameters, tidy results.

Graphs are loaded into an rdflib :class:`~rdflib.Dataset` whose default graph
is the union of its named graphs, with the ontology as one of them, so queries
can use the codes and labels it declares (``pol:code ">="``).

Named queries live in ``kg/queries/*.rq``; each opens with comment lines
``# question: …`` and ``# columns: a, b, c``, and may declare parameters with
``# param: name (iri|string|integer) description``. A parameter naming a
column keeps the rows whose cell is its value (so an OPTIONAL column is
filtered, not overwritten); any other parameter binds the query variable of
its name (an input such as ``?by`` in ``FILTER (?deadline <= ?by)``) with
rdflib's ``initBindings``. Values are never pasted into the query text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import InputError, QueryError
from kg.nlp.numbers import plain
from kg.rdf.namespaces import ONTOLOGY_IRI

FORMATS = {".ttl": "turtle", ".turtle": "turtle", ".nt": "nt", ".n3": "n3", ".jsonld": "json-ld",
           ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".trig": "trig", ".nq": "nquads"}
_PARAM_TYPES = ("iri", "string", "integer", "decimal")
# Prefixes every query may use without declaring them.
DEFAULT_PREFIXES = {
    "pol": "https://w3id.org/policy-kg/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
}


def _year(term) -> int | None:
    """The year of a year (2021), a year and month (2022-06) or a date."""
    m = re.match(r"^(\d{4})", str(term)) if term is not None else None
    return int(m.group(1)) if m else None


def _cagr(baseline, target, start, end) -> Literal | None:
    """Compound annual growth, in percent to one decimal, from ``baseline`` in year
    ``start`` to ``target`` in year ``end``: (target/baseline)^(1/years) - 1."""
    try:
        b, t = Decimal(str(baseline)), Decimal(str(target))
    except (InvalidOperation, TypeError):
        return None
    y0, y1 = _year(start), _year(end)
    if baseline is None or target is None or y0 is None or y1 is None or y1 <= y0 or b <= 0 or t < 0:
        return None
    rate = (float(t) / float(b)) ** (1 / (y1 - y0)) - 1
    return Literal(Decimal(str(round(rate * 100, 1))), datatype=XSD.decimal)


DERIVE_FUNCTIONS = {"cagr": (_cagr, 4)}


@dataclass(frozen=True)
class Derived:
    """A column computed from others after the query runs: SPARQL has no powers
    or roots, and a server may not know our functions. Declared in a named
    query's header as ``# derive: name = cagr(a, b, c, d)``."""

    name: str
    function: str
    args: tuple[str, ...]

    def compute(self, row: dict):
        fn, _ = DERIVE_FUNCTIONS[self.function]
        return fn(*(row.get(a) for a in self.args))


@dataclass(frozen=True)
class NamedQuery:
    name: str
    question: str
    columns: tuple[str, ...]
    params: dict[str, tuple[str, str]]  # name -> (type, description)
    text: str
    derived: tuple[Derived, ...] = ()

    @property
    def body(self) -> str:
        """The query without its comment header (question, columns, params): what a client is sent, since
        some clients strip comments line by line (SPARQLWrapper) and would read the header's words."""
        lines = self.text.splitlines()
        k = next((i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")),
                 len(lines))
        return "\n".join(lines[k:]) + ("\n" if self.text.endswith("\n") else "")


@dataclass
class Table:
    """A SPARQL result: column names and rows of RDF terms (None where unbound)."""

    columns: list[str]
    rows: list[list] = field(default_factory=list)


def ontology_path() -> Path:
    return Path(str(resources.files("kg") / "ontology" / "policy.ttl"))


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def parse_named(name: str, text: str) -> NamedQuery:
    """Return the :class:`NamedQuery` described by the header of ``text``."""
    question, columns, params, derived = "", (), {}, []
    for line in text.splitlines():
        if not line.startswith("#"):
            continue
        body = line.lstrip("#").strip()
        if body.startswith("question:"):
            question = body.split(":", 1)[1].strip()
        elif body.startswith("columns:"):
            columns = tuple(c.strip() for c in body.split(":", 1)[1].split(","))
        elif body.startswith("param:"):
            m = re.match(r"(\w+)\s+\((\w+)\)\s*(.*)", body.split(":", 1)[1].strip())
            if not m or m.group(2) not in _PARAM_TYPES:
                raise QueryError(f"queries/{name}.rq: bad param line {line!r}; write '# param: name (iri|string|integer|decimal) what it is'")
            params[m.group(1)] = (m.group(2), m.group(3))
        elif body.startswith("derive:"):
            m = re.match(r"(\w+)\s*=\s*(\w+)\(([\w\s,]*)\)$", body.split(":", 1)[1].strip())
            fn = DERIVE_FUNCTIONS.get(m.group(2)) if m else None
            args = tuple(a.strip() for a in m.group(3).split(",")) if m else ()
            if fn is None or len(args) != fn[1]:
                raise QueryError(f"queries/{name}.rq: bad derive line {line!r}; write '# derive: name = "
                                 f"cagr(baseline, target, start_year, end_year)'")
            derived.append(Derived(m.group(1), m.group(2), args))
    return NamedQuery(name, question, columns, params, text, tuple(derived))


@lru_cache(maxsize=1)
def named_queries() -> dict[str, NamedQuery]:
    """Return the named queries shipped with policy-kg, by name."""
    folder = resources.files("kg") / "queries"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            found[name] = parse_named(name, entry.read_text(encoding="utf-8"))
    return found


def named_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; the named queries are: {', '.join(queries)}")
    return queries[name]


def new_dataset() -> Dataset:
    """Return a dataset whose default graph is the union of its graphs, holding the ontology."""
    ds = Dataset(default_union=True)
    ds.graph(URIRef(ONTOLOGY_IRI)).__iadd__(_ontology())
    return ds


def load(paths: Iterable[str | Path]) -> Dataset:
    """Return a queryable dataset holding the RDF files at ``paths``, one named graph each."""
    ds = new_dataset()
    for path in paths:
        p = Path(path)
        fmt = FORMATS.get(p.suffix.lower())
        if fmt is None:
            raise InputError(f"{p}: unknown RDF format {p.suffix!r}; use one of {', '.join(sorted(FORMATS))}")
        if not p.is_file():
            raise InputError(f"{p}: no such file")
        graph = ds.graph(URIRef(p.resolve().as_uri()))
        try:
            graph.parse(p, format=fmt)
        except Exception as exc:  # rdflib raises many parser-specific types
            message = " ".join(str(exc).split())[:300]
            raise InputError(f"{p}: not valid {fmt} ({message})") from None
    return ds


def with_graph(graph: Graph) -> Dataset:
    """Return a queryable dataset holding ``graph`` (copied) beside the ontology."""
    ds = new_dataset()
    ds.graph(URIRef("urn:policy-kg:graph")).__iadd__(graph)
    return ds


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

    def select(self, text: str, bindings: dict[str, object]) -> tuple[list[str], list[list]]:
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
        return prepareQuery(text, initNs=DEFAULT_PREFIXES)
    except ParseException as exc:
        raise QueryError(f"malformed SPARQL query: {exc.msg} at line {exc.lineno}, column {exc.col}") from None
    except Exception as exc:
        raise QueryError(f"malformed SPARQL query: {' '.join(str(exc).split())}") from None


@lru_cache(maxsize=256)
def shape(text: str) -> tuple[str, tuple[str, ...]]:
    """The form of query ``text`` (``SelectQuery``, ``ConstructQuery``…) and its projected
    variables, parsed once per text (rdflib's parser takes 5 to 50 ms a named query);
    a malformed query is a :class:`QueryError` every time."""
    algebra = prepare(text).algebra
    return algebra.name, tuple(str(v) for v in algebra.get("PV") or ())


def run(backend: Backend | Graph, text: str, params: dict[str, str] | None = None,
        declared: dict[str, tuple[str, str]] | None = None,
        derived: tuple["Derived", ...] = (), order: tuple[str, ...] = ()) -> Table:
    """Run SELECT query ``text`` on ``backend`` and return its :class:`Table`.

    A parameter naming a column keeps the rows whose cell is its value; any
    other parameter binds the variable of its name, as a string unless typed
    (``least:decimal``, ``year:integer``, ``doc:iri``) or declared so in the
    named query's header. ``derived`` columns are
    computed from the others and placed where ``order`` (a named query's
    columns) puts them.
    """
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
        if typed and typed not in _PARAM_TYPES:
            raise QueryError(f"parameter {name}: unknown type {typed!r}; use one of {', '.join(_PARAM_TYPES)}")
        if name not in variables and name not in derived_names and name not in _query_vars(text):
            raise QueryError(f"parameter {name!r} is not a variable of the query "
                             f"(it has: {', '.join(variables + derived_names)})")
        kind = typed or (declared or {}).get(name, (None, ""))[0]
        term = _bind(name, value, kind)
        if name in variables or name in derived_names:
            wanted[name] = cell(term)
        else:
            bindings[name] = term
    columns, rows = backend.select(text, bindings)
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
    return table


def _query_vars(text: str) -> set[str]:
    return set(re.findall(r"[?$](\w+)", text))


def cell(term) -> str:
    """Return a result term as text: IRIs as-is, numbers as plain decimals, '' when unbound."""
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype in (XSD.decimal, XSD.double, XSD.float):
        try:
            return format(plain(Decimal(str(term))), "f")
        except InvalidOperation:
            return str(term)
    if isinstance(term, BNode):
        return "_:" + str(term)
    return str(term)


def to_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow([cell(t) for t in row])
    return out.getvalue()


def to_json(table: Table) -> str:
    """Return the table as SPARQL 1.1 Query Results JSON."""
    bindings = []
    for row in table.rows:
        b = {}
        for name, term in zip(table.columns, row):
            if term is None:
                continue
            if isinstance(term, URIRef):
                b[name] = {"type": "uri", "value": str(term)}
            elif isinstance(term, BNode):
                b[name] = {"type": "bnode", "value": str(term)}
            else:
                entry = {"type": "literal", "value": cell(term)}
                if term.language:
                    entry["xml:lang"] = term.language
                elif term.datatype and term.datatype != XSD.string:
                    entry["datatype"] = str(term.datatype)
                b[name] = entry
        bindings.append(b)
    return json.dumps({"head": {"vars": table.columns}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1) + "\n"


def to_text(table: Table, width: int = 48) -> str:
    """Return the table for a terminal; long cells are cut to ``width`` columns."""
    from tabulate import tabulate
    from wcwidth import wcswidth

    def cut(text: str) -> str:
        if wcswidth(text) <= width:
            return text
        out, used = "", 0
        for ch in text:
            w = max(wcswidth(ch), 0)
            if used + w > width - 1:
                break
            out, used = out + ch, used + w
        return out + "…"

    rows = [[cut(cell(t)) for t in row] for row in table.rows]
    text = tabulate(rows, headers=table.columns, tablefmt="simple", disable_numparse=True)
    return text + f"\n({len(rows)} row{'s' if len(rows) != 1 else ''})\n"
