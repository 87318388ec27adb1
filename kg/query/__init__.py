"""SPARQL over policy graphs: named questions, safe parameters, tidy results, on any backend.

Graphs are queried as a dataset whose default graph is the union of its named
graphs, with the ontology as one of them, so queries can use the codes and
labels it declares (``pol:code ">="``). Backends (:class:`Backend`) answer
SELECT queries with rdflib terms: rdflib in memory here, the on-disk store and
a remote endpoint in :mod:`kg.stores`.

- :mod:`kg.query.named`: the named queries of ``kg/queries/*.rq`` and their headers;
- :mod:`kg.query.engine`: running a query with parameters and derived columns;
- :mod:`kg.query.results`: the result table as text, CSV or SPARQL JSON;
- :mod:`kg.query.datasets`: rdflib datasets with the ontology.
"""

from kg.query.datasets import new_dataset, with_graph
from kg.query.engine import Backend, DatasetBackend, prepare, run, shape
from kg.query.named import Derived, NamedQuery, named_queries, named_query, parse_named
from kg.query.results import Table, cell, to_csv, to_json, to_text

__all__ = ["Backend", "DatasetBackend", "Derived", "NamedQuery", "Table", "cell", "named_queries",
           "named_query", "new_dataset", "parse_named", "prepare", "run", "shape", "to_csv", "to_json", "to_text",
           "with_graph"]
