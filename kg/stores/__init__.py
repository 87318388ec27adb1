"""Where graphs live and queries run.

- :mod:`kg.stores.source`: the graphs a command reads (RDF files, a store or an endpoint), opened once;
- :mod:`kg.stores.disk`: a corpus store on disk that grows one file at a time;
- :mod:`kg.stores.remote`: any SPARQL 1.1 endpoint, to query and to push to (:mod:`kg.stores.push`).

Every backend answers SELECT queries with rdflib terms, so the named queries,
parameters and output formats of :mod:`kg.query` work the same on all three.
"""
