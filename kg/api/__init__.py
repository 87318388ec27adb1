"""The policy-kg library: everything the command line does, callable from Python.

>>> from kg import api
>>> result = api.build(["data/policy_text.txt"])          # doctest: +SKIP
>>> api.write(result, "out")                                # doctest: +SKIP
>>> api.query(result.graph, named="targets").rows          # doctest: +SKIP
>>> corpus = api.source(store="corpus-store")               # doctest: +SKIP
>>> api.export(corpus, "nq")                                # doctest: +SKIP

- :mod:`kg.api.building`: documents read and extracted, into a build or a store;
- :mod:`kg.api.outputs`: what a build writes, and `policykg build` as a whole;
- :mod:`kg.api.reading`: pages, reports, exports, checks, questions and pushes from a graph source.
"""

from kg.api.building import (BuildResult, Failure, StoreBuild, build, build_store, doc_id, documents_in, extract,
                             extract_text, extractor, summarize, summary)
from kg.api.outputs import Made, html, make, trig, turtle, write
from kg.api.reading import (export, export_to, instruments, load, network, push, query, report, source, text, validate,
                             view, write_network)

__all__ = ["BuildResult", "Failure", "Made", "StoreBuild", "build", "build_store", "doc_id", "documents_in",
           "export", "export_to", "extract", "extract_text", "extractor", "html", "instruments", "load", "make", "network", "push",
           "query",
           "report", "source", "summarize", "summary", "text", "trig", "turtle", "validate", "view", "write",
           "write_network"]
