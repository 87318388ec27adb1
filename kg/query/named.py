"""Named questions: the queries shipped in ``kg/queries/*.rq``, read from their comment headers.

Each opens with comment lines ``# question: …`` and ``# columns: a, b, c``, and
may declare parameters with ``# param: name (iri|string|integer|decimal)
description`` and derived columns with ``# derive: name = cagr(a, b, c, d)``
(SPARQL has no powers or roots, and a server may not know our functions).
``# pages: file`` says that the query orders its rows by the file they were read
from first, and reads each file's rows from that file's graph (with the shared
graph and the ontology): a store can then give a page of it file by file.
``# pages: document ?doc`` says that it orders them by the document ``?doc``
first, and ``# pages: document ?doc ?label`` by the document's label and then
the document: a store gives a page of it document by document, ``?doc`` (and
``?label``) bound to each in turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources

from rdflib import Literal
from rdflib.namespace import XSD

from kg.errors import QueryError

PARAM_TYPES = ("iri", "string", "integer", "decimal")


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
    pages: tuple[str, ...] = ()  # ("file",), ("document", doc) or ("document", doc, label): see above

    @property
    def body(self) -> str:
        """The query without its comment header (question, columns, params): what a client is sent, since
        some clients strip comments line by line (SPARQLWrapper) and would read the header's words."""
        lines = self.text.splitlines()
        k = next((i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")),
                 len(lines))
        return "\n".join(lines[k:]) + ("\n" if self.text.endswith("\n") else "")


def parse_named(name: str, text: str) -> NamedQuery:
    """Return the :class:`NamedQuery` described by the header of ``text``."""
    question, columns, params, derived, pages = "", (), {}, [], ()
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
            if not m or m.group(2) not in PARAM_TYPES:
                raise QueryError(f"queries/{name}.rq: bad param line {line!r}; write '# param: name (iri|string|integer|decimal) what it is'")
            params[m.group(1)] = (m.group(2), m.group(3))
        elif body.startswith("pages:"):
            pages = _pages(name, line, body.split(":", 1)[1].split())
        elif body.startswith("derive:"):
            m = re.match(r"(\w+)\s*=\s*(\w+)\(([\w\s,]*)\)$", body.split(":", 1)[1].strip())
            fn = DERIVE_FUNCTIONS.get(m.group(2)) if m else None
            args = tuple(a.strip() for a in m.group(3).split(",")) if m else ()
            if fn is None or len(args) != fn[1]:
                raise QueryError(f"queries/{name}.rq: bad derive line {line!r}; write '# derive: name = "
                                 f"cagr(baseline, target, start_year, end_year)'")
            derived.append(Derived(m.group(1), m.group(2), args))
    return NamedQuery(name, question, columns, params, text, tuple(derived), pages)


def _pages(name: str, line: str, words: list[str]) -> tuple[str, ...]:
    """The way a named query pages, from the words of its ``# pages:`` line."""
    if words == ["file"]:
        return ("file",)
    if len(words) in (2, 3) and words[0] == "document" and all(re.fullmatch(r"\?\w+", w) for w in words[1:]):
        return ("document", *(w[1:] for w in words[1:]))
    raise QueryError(f"queries/{name}.rq: bad pages line {line!r}; write '# pages: file', "
                     f"'# pages: document ?doc' or '# pages: document ?doc ?label'")


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
