"""Pages of a named listing read a file or a document at a time from a store.

A listing ordered by the file its rows were read from (``# pages: file``) is read
from one file's graph after another, in the order of the files' identifiers; one
ordered by its document (``# pages: document ?doc``, or ``?doc ?label`` when the
document's label comes first) is read with ``?doc`` bound to one document after
another, in the query's own order. Either stops once the page is full, so that a
first page never waits for the whole corpus; the rows are those of the whole
listing, cut at the same place.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.query.engine import Backend, shape

DOCUMENTS = """PREFIX pol: <https://w3id.org/policy-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?doc ?label WHERE { ?doc a pol:PolicyDocument ; rdfs:label ?label }
ORDER BY """


def page_rows(backend: Backend, text: str, bindings: dict, pages: tuple[str, ...], limit: int,
              offset: int) -> tuple[list[str], list[list]]:
    """The rows ``offset`` to ``offset + limit`` of ``text``, read as its ``pages`` header says."""
    if pages[0] == "file":
        parts = (backend.select_in_file(graph, text, bindings) for graph in backend.files)
    else:
        parts = _by_document(backend, text, bindings, *pages[1:])
    return _cut(list(shape(text)[1]), parts, limit, offset)


def _by_document(backend: Backend, text: str, bindings: dict, doc: str,
                 label: str | None = None) -> Iterator[tuple[list[str], list[list]]]:
    """The rows of ``text`` for each document, read as they are asked for, in the order the query
    gives the documents: by ``?doc``, or by its label and then ``?doc``."""
    _, documents = backend.select(DOCUMENTS + ("?label ?doc" if label else "?doc"), {})
    for iri, title in documents:
        bound = {**bindings, doc: iri, **({label: title} if label else {})}
        yield backend.select(text, bound)


def _cut(columns: list[str], parts: Iterator[tuple[list[str], list[list]]], limit: int,
         offset: int) -> tuple[list[str], list[list]]:
    """Rows ``offset`` to ``offset + limit`` of the parts' rows in turn, reading no part after the page is full."""
    rows: list[list] = []
    for columns, found in parts if limit else ():  # a part is read only when the page still wants rows
        if offset >= len(found):
            offset -= len(found)
            continue
        rows.extend(found[offset:offset + limit - len(rows)])
        offset = 0
        if len(rows) >= limit:
            break
    return columns, rows
