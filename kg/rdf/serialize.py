"""Serialisations that give the same bytes for the same triples.

rdflib's Turtle writer sorts subjects and predicates; TriG is assembled here
from the Turtle of each named graph, graphs in IRI order, so a dataset's
TriG is as stable as its Turtle.
"""

from __future__ import annotations

from rdflib import Dataset, Graph


def _split(turtle: str) -> tuple[list[str], str]:
    prefixes, body = [], []
    for line in turtle.splitlines():
        (prefixes if line.startswith("@prefix ") else body).append(line)
    return prefixes, "\n".join(body).strip("\n")


def trig(dataset: Dataset) -> str:
    """Return ``dataset`` as TriG: a prefix header, then each non-empty named graph in IRI order."""
    prefixes: set[str] = set()
    blocks = []
    graphs = sorted((g for g in dataset.graphs() if len(g)), key=lambda g: str(g.identifier))
    for graph in graphs:
        view = Graph(store=graph.store, identifier=graph.identifier, namespace_manager=dataset.namespace_manager)
        head, body = _split(view.serialize(format="turtle"))
        prefixes.update(head)
        indented = "\n".join(("    " + line) if line else "" for line in body.splitlines())
        blocks.append(f"<{graph.identifier}> {{\n{indented}\n}}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)
