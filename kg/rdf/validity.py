"""When documents hold and how they link, on the terms of the ELI ontology.

A link (:class:`kg.extract.records.Link`) becomes a triple between the two documents in the shared
graph (``eli:based_on``, ``eli:ensures_implementation_of``, ``eli:repeals``, ``eli:amends``) and, in
the file's graph, an ``rdf:Statement`` of it with the sentence and offsets it was read from. A
document's entry into force becomes ``eli:first_date_entry_in_force`` (a date written, else, for
自印发之日起施行, the date the document or the notice issuing it bears) and its term
``eli:date_no_longer_in_force``, the last day it holds (an end date written, else the day before the
same day so many years after its entry into force), each with its statement and evidence.
"""

from __future__ import annotations

import datetime as _dt

from rdflib import Literal
from rdflib.namespace import RDF, XSD

from kg.rdf.namespaces import ELI

LINKS = {"based_on": ELI.based_on, "implements": ELI.ensures_implementation_of, "repeals": ELI.repeals,
         "amends": ELI.amends}


def write_validity(w) -> None:
    """Write the links and dates of force of ``w``'s extraction (``w``: the graph writer of
    :mod:`kg.rdf.graph`)."""
    ex = w.ex
    for k, link in enumerate(ex.links, 1):
        source, target = w.doc_of(link.source), w.doc_of(link.target)
        w.describe(source, LINKS[link.kind], target)
        _statement(w, w.local("link", k), source, LINKS[link.kind], target, link.evidence)
    dated = {d.key: d.date for d in ex.documents if d.date}
    for d in ex.documents:  # an issued document without a date of its own bears its notice's
        for key in d.issues:
            if d.date and key not in dated:
                dated[key] = d.date
    entries: dict[str, tuple[_dt.date, object]] = {}
    for v in ex.validity:  # a date written wins over the day of issue
        if v.kind != "entry":
            continue
        day = v.date or (dated.get(v.document) if v.relative == "issue" else None)
        if day and (v.document not in entries or v.date):
            entries[v.document] = (day, v)
    dates = [(key, ELI.first_date_entry_in_force, day, v.evidence) for key, (day, v) in sorted(entries.items())]
    for v in ex.validity:
        if v.kind != "term":
            continue
        last = v.until or (_years_after(entries[v.document][0], v.years) if v.document in entries and v.years else None)
        if last is not None:
            dates.append((v.document, ELI.date_no_longer_in_force, last, v.evidence))
    for k, (key, predicate, day, evidence) in enumerate(dates, 1):
        doc, value = w.doc_of(key), Literal(day.isoformat(), datatype=XSD.date)
        w.describe(doc, predicate, value)
        _statement(w, w.local("force", k), doc, predicate, value, evidence)


def _statement(w, node, subject, predicate, obj, evidence) -> None:
    w.add(node, RDF.type, RDF.Statement)
    w.add(node, RDF.subject, subject)
    w.add(node, RDF.predicate, predicate)
    w.add(node, RDF.object, obj)
    w.fact(node, evidence)


def _years_after(day: _dt.date, years: int) -> _dt.date:
    """The last day of a term of ``years`` from ``day`` (2024-04-01, 5: 2029-03-31)."""
    try:
        end = day.replace(year=day.year + years)
    except ValueError:  # 29 February
        end = day.replace(year=day.year + years, day=28)
    return end - _dt.timedelta(days=1)
