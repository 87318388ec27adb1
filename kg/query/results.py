"""Query results: a :class:`Table` of rdflib terms, and its forms for a terminal, CSV and SPARQL JSON."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from kg.nlp.numbers import plain


@dataclass
class Table:
    """A SPARQL result: column names and rows of RDF terms (None where unbound)."""

    columns: list[str]
    rows: list[list] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the user should be told of the answer (cut off…)


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
