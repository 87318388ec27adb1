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


@dataclass(frozen=True)
class NamedQuery:
    name: str
    question: str
    columns: tuple[str, ...]
    params: dict[str, tuple[str, str]]  # name -> (type, description)
    text: str


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
    question, columns, params = "", (), {}
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
    return NamedQuery(name, question, columns, params, text)


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


def run(dataset: Graph, text: str, params: dict[str, str] | None = None,
        declared: dict[str, tuple[str, str]] | None = None) -> Table:
    """Run SELECT query ``text`` on ``dataset`` and return its :class:`Table`."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(text)
    except ParseException as exc:
        raise QueryError(f"malformed SPARQL query: {exc.msg} at line {exc.lineno}, column {exc.col}") from None
    except Exception as exc:
        raise QueryError(f"malformed SPARQL query: {' '.join(str(exc).split())}") from None
    if prepared.algebra.name != "SelectQuery":
        raise QueryError("only SELECT queries are run here; CONSTRUCT, ASK and DESCRIBE are not supported yet")
    variables = [str(v) for v in prepared.algebra["PV"]]
    bindings, wanted = {}, {}
    for name, value in (params or {}).items():
        if name not in variables and name not in _query_vars(text):
            raise QueryError(f"parameter {name!r} is not a variable of the query (it has: {', '.join(variables)})")
        kind = (declared or {}).get(name, (None, ""))[0]
        term = _bind(name, value, kind)
        if name in variables:
            wanted[variables.index(name)] = cell(term)
        else:
            bindings[name] = term
    missing = [n for n in (declared or {}) if n not in (params or {})]
    if missing:
        raise QueryError(f"the query needs --param {missing[0]}=…")
    try:
        result = dataset.query(prepared, initBindings=bindings)
        rows = [[row[v] if v in row.labels else None for v in variables] for row in result]
        rows = [r for r in rows if all(cell(r[k]) == v for k, v in wanted.items())]
    except Exception as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())}") from None
    return Table(variables, rows)


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
