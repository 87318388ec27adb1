"""Output formats by name, as rdflib chooses its plugins: one class per format, in a registry.

A format turns the named graphs of a build or a source (a pyoxigraph store,
without the ontology) into bytes; the same graphs always give the same bytes,
so ``build -o`` and ``export`` write the same file for the same graph. To add
one, write a class in a module of this package (or of your own package) and
register it::

    @register
    class Pajek(Format):
        name, suffix, description = "pajek", ".net", "Pajek network (the reader's graph)"

        def write(self, quads, title=""):
            ...

A package of your own registers its formats under the entry-point group
``policykg.formats`` (each entry a Format class); they are found at first use.
"""

from __future__ import annotations

import io
from typing import BinaryIO, ClassVar

import pyoxigraph as ox

from kg.errors import InputError

_REGISTRY: dict[str, "Format"] = {}
_LOADED = False
# The modules of the built-in formats, imported at first use.
BUILT_IN = ("kg.formats.rdf", "kg.formats.table", "kg.formats.network", "kg.formats.page")


class Format:
    """One output format: its name (``--format NAME``), file suffix and what it holds."""

    name: ClassVar[str]
    suffix: ClassVar[str]
    description: ClassVar[str]

    def write(self, quads: ox.Store, title: str = "") -> bytes:
        """The named graphs of ``quads`` in this format (``title`` names what they are, for formats that show it)."""
        raise NotImplementedError

    def stream(self, quads: ox.Store, out: BinaryIO, title: str = "", graphs: list | None = None) -> None:
        """Write into the binary file ``out`` what :meth:`write` gives for the ``graphs`` of ``quads`` (all
        of them if None). A format that can write a corpus without holding it whole overrides this."""
        out.write(self.write(quads if graphs is None else only(quads, graphs), title))


class Streamed(Format):
    """A format whose :meth:`stream` is its own: :meth:`write` is the same bytes, through memory."""

    def write(self, quads: ox.Store, title: str = "") -> bytes:
        buffer = io.BytesIO()
        self.stream(quads, buffer, title)
        return buffer.getvalue()


def register(cls: type[Format]) -> type[Format]:
    """Add a format class to the registry (a class decorator); a second class of one name replaces the first."""
    _REGISTRY[cls.name] = cls()
    return cls


def _load() -> None:
    global _LOADED
    if _LOADED:
        return
    _LOADED = True
    import importlib
    from importlib.metadata import entry_points

    for module in BUILT_IN:
        importlib.import_module(module)
    for entry in entry_points(group="policykg.formats"):
        register(entry.load())


def formats() -> dict[str, Format]:
    """Every format, by name, in name order."""
    _load()
    return dict(sorted(_REGISTRY.items()))


def format_named(name: str) -> Format:
    """The format called ``name``; an unknown name is an error that lists the known ones."""
    known = formats()
    if name not in known:
        raise InputError(f"unknown format {name!r}; use one of {', '.join(known)}")
    return known[name]


def union(quads: ox.Store):
    """All the triples of ``quads`` in one rdflib graph, added in N-Triples order: writers that follow
    rdflib's order (JSON-LD, RDF/XML) then give the same bytes whatever store the triples came from."""
    from kg.rdf.graph import new_graph
    from kg.rdf.serialize import sorted_lines
    from kg.stores.terms import triple_of

    graph = new_graph()
    lines = sorted_lines(quads)
    for t in ox.parse("\n".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
        graph.add(triple_of(t))
    return graph


def only(quads: ox.Store, graphs: list) -> ox.Store:
    """A store in memory holding just ``graphs`` of ``quads``."""
    copy = ox.Store()
    for graph in graphs:
        copy.extend(quads.quads_for_pattern(None, None, None, graph))
    return copy
