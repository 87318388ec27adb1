"""The graphs a command reads, opened once: RDF files, an on-disk store, or a SPARQL endpoint.

Every command and view that reads graphs takes a :class:`GraphSource`. It
offers them as a pyoxigraph store of named graphs (:attr:`~GraphSource.quads`,
the data without the ontology), as an rdflib dataset or graph made from that
(:meth:`~GraphSource.dataset`, :meth:`~GraphSource.graph`), and as a query
backend (:meth:`~GraphSource.backend`). RDF files are parsed once, by
pyoxigraph, whatever is asked of them; an endpoint is queried, never read whole.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from kg.errors import InputError
from kg.query import Backend
from kg.rdf import ONTOLOGY_IRI

# The end of the shared graph's IRI under any base (kg.rdf.iris.Minter.shared_graph).
SHARED_GRAPH_PATH = "/graph/shared"
# Suffixes pyoxigraph does not know by themselves, and the format each names.
SUFFIXES = {"owl": ox.RdfFormat.RDF_XML, "xml": ox.RdfFormat.RDF_XML, "json": ox.RdfFormat.JSON_LD,
            "turtle": ox.RdfFormat.TURTLE}


def rdf_format(path: str | Path) -> ox.RdfFormat | None:
    """The RDF format of a file, by its suffix (None if it names none)."""
    suffix = Path(path).suffix.lstrip(".").lower()
    try:
        return SUFFIXES.get(suffix) or ox.RdfFormat.from_extension(suffix)
    except Exception:
        return None


def holds_one_graph(path: str | Path) -> bool:
    """True for an RDF format without named graphs (Turtle, N-Triples, RDF/XML…)."""
    fmt = rdf_format(path)
    return fmt is not None and not fmt.supports_datasets


def load_rdf(store: ox.Store, path: str | Path, graph: str | None = None) -> None:
    """Load one RDF file into a pyoxigraph store: a dataset's graphs as they are, a
    single graph into ``graph`` (default: a graph named after the file)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file" + (" (a link that leads nowhere)" if p.is_symlink() else ""))
    fmt = rdf_format(p)
    if fmt is None:
        raise InputError(f"{p}: unknown RDF format {p.suffix!r}; use .ttl, .trig, .nt, .nq, .jsonld or .rdf")
    try:
        if fmt.supports_datasets:
            store.load(path=str(p), format=fmt)
        else:
            store.load(path=str(p), format=fmt, to_graph=ox.NamedNode(graph or p.resolve().as_uri()))
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"{p}: not valid {fmt.name} ({' '.join(str(exc).split())[:300]})") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read it ({exc.strerror or exc})") from None


def add_ontology(store: ox.Store) -> None:
    """Load the ontology into its own graph of ``store`` (queries use its codes and labels)."""
    from kg.rdf.ontology import ontology_path

    store.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(ONTOLOGY_IRI))


class GraphSource:
    """RDF ``files``, the on-disk ``store`` at a path, or a SPARQL ``endpoint``: exactly one.

    ``warnings`` holds what a command should tell its user before it answers
    (a store left mid-build).
    """

    def __init__(self, files: Iterable[str | Path] = (), store: str | Path | None = None,
                 endpoint: str | None = None, *, user: str | None = None, password: str | None = None,
                 allow_partial: bool = False) -> None:
        self.files = [Path(f) for f in files]
        self.store_path = Path(store) if store is not None else None
        self.endpoint = endpoint
        if sum(bool(x) for x in (self.files, self.store_path, endpoint)) != 1:
            raise InputError("give RDF files, --store PATH" + (" or --endpoint URL" if endpoint else "")
                             + " (one of them)")
        self.user, self.password, self.allow_partial = user, password, allow_partial
        self.warnings: list[str] = []
        if self.store_path is not None:
            from kg.stores.disk import STALE_WARNING, left_mid_build

            if left_mid_build(self.store_path):
                self.warnings.append(STALE_WARNING.format(path=self.store_path))

    @property
    def name(self) -> str:
        """What the source is, for messages: its files, its store's path, or its endpoint."""
        if self.files:
            return ", ".join(str(f) for f in self.files)
        return str(self.store_path or self.endpoint)

    # -- the graphs ----------------------------------------------------------------------------
    @cached_property
    def _policy_store(self):
        from kg.stores.disk import PolicyStore

        return PolicyStore(self.store_path, read_only=True)

    @cached_property
    def quads(self) -> ox.Store:
        """The named graphs, in a pyoxigraph store (the files read into memory, or the store on disk)."""
        if self.endpoint:
            raise InputError(f"{self.endpoint} is a SPARQL endpoint: it is queried, not read whole; "
                             "give RDF files or --store PATH")
        if self.store_path is not None:
            return self._policy_store.store
        store = ox.Store()
        for path in self.files:
            load_rdf(store, path)
        return store

    def graph_names(self) -> list[str]:
        """The IRIs of the named graphs of the data (not the ontology's), in order."""
        return sorted(g.value for g in self.quads.named_graphs()
                      if isinstance(g, ox.NamedNode) and g.value != ONTOLOGY_IRI)

    def file_ids(self) -> list[str]:
        """The ids of the files whose graphs the source holds (``policy_text``…), in order."""
        return sorted(n.rsplit("/src/", 1)[1] for n in self.graph_names() if "/src/" in n)

    def data_graphs(self) -> list | None:
        """The graphs of :attr:`quads` that hold the data (a store holds the ontology's graph too), for a
        format to write as they are: None for all of them."""
        if self.store_path is None:
            return None
        return [ox.NamedNode(name) for name in self.graph_names()]

    def triple_count(self) -> int:
        """How many triples the data graphs hold (a triple in two graphs counted in each)."""
        graphs = self.data_graphs()
        if graphs is None:
            return len(self.quads)
        return sum(1 for g in graphs for _ in self.quads.quads_for_pattern(None, None, None, g))

    def dataset(self, with_ontology: bool = False):
        """The named graphs as an rdflib dataset (graphs in IRI order), with the ontology's if asked."""
        return dataset_of(self.quads, with_ontology)

    def graph(self, doc: str | None = None):
        """All the triples (or one file's, ``doc``, with what the shared graph says of its things) in one
        rdflib graph; and a title: the file's first document's, or how many files there are."""
        from kg.rdf.graph import new_graph
        from kg.stores.terms import triple_of

        names = self.graph_names()
        if doc is not None:
            files = self.file_ids()
            if not files:
                raise InputError(f"{self.name} holds one graph, not one per file: --doc needs graph.trig or a store")
            if doc not in files:
                raise InputError(f"{self.name} holds no file {doc!r}; it holds: {', '.join(files[:10])}"
                                 + (" …" if len(files) > 10 else ""))
            names = [n for n in names if n.endswith(f"/src/{doc}")]
        if doc is None:
            from kg.formats import only, union

            graphs = self.data_graphs()
            graph = union(self.quads if graphs is None else only(self.quads, graphs))  # as every format reads them
            return graph, graph_title(graph, doc)
        graph = new_graph()
        for iri in names:
            for q in self.quads.quads_for_pattern(None, None, None, ox.NamedNode(iri)):
                graph.add(triple_of(q))
        self._add_shared(graph)
        return graph, graph_title(graph, doc)

    def read_graph(self, doc: str | None = None):
        """As :meth:`graph`, but a store's whole corpus is read where it lies (a
        :class:`kg.stores.graphview.StoreGraph` over its data graphs), not copied into rdflib."""
        if doc is not None or self.store_path is None:
            return self.graph(doc)
        from kg.stores.graphview import StoreGraph

        graph = StoreGraph(self.quads, left_out=[ONTOLOGY_IRI])
        return graph, graph_title(graph)

    def _add_shared(self, graph) -> None:
        """Add to one file's ``graph`` what the shared graph says of the things it names,
        and of the things those name (an agency's region), but nothing of other files' things."""
        from rdflib import URIRef

        from kg.stores.terms import triple_of

        shared = next((n for n in self.graph_names() if n.endswith(SHARED_GRAPH_PATH)), None)
        if shared is None:
            return
        shared = ox.NamedNode(shared)
        seen = {t for s, _, o in graph for t in (s, o) if isinstance(t, URIRef)}
        frontier = sorted(seen)
        while frontier:
            found = []
            for node in frontier:
                for q in self.quads.quads_for_pattern(ox.NamedNode(str(node)), None, None, shared):
                    s, p, o = triple_of(q)
                    graph.add((s, p, o))
                    if isinstance(o, URIRef) and o not in seen:
                        seen.add(o)
                        found.append(o)
            frontier = found

    # -- questions -----------------------------------------------------------------------------
    def backend(self, in_memory: bool = False) -> Backend:
        """Where queries run: the store, the endpoint (an answer cut off at its row limit is an error
        unless ``allow_partial``), or the files in memory with the ontology beside them."""
        from kg.stores.disk import OxigraphBackend

        if self.endpoint:
            from kg.stores.remote import RemoteBackend

            return RemoteBackend(self.endpoint, self.user, self.password, allow_partial=self.allow_partial)
        if self.store_path is not None:
            return self._policy_store.backend(in_memory=in_memory)
        store = ox.Store()
        store.extend(self.quads)
        add_ontology(store)
        return OxigraphBackend(store)


def dataset_of(quads: ox.Store, with_ontology: bool = False):
    """The named graphs of ``quads`` (not the ontology's) as an rdflib dataset, graphs in IRI order; with
    ``with_ontology``, a dataset to query: the ontology beside them, the default graph the union of all."""
    from rdflib import URIRef

    from kg.rdf.graph import new_dataset
    from kg.stores.terms import triple_of

    if with_ontology:
        from kg.query import new_dataset as queryable

        dataset = queryable()
    else:
        dataset = new_dataset()
    names = sorted(g.value for g in quads.named_graphs() if isinstance(g, ox.NamedNode) and g.value != ONTOLOGY_IRI)
    for name in names:
        target = dataset.graph(URIRef(name))
        for q in quads.quads_for_pattern(None, None, None, ox.NamedNode(name)):
            target.add(triple_of(q))
    return dataset


def graph_backend(graph) -> Backend:
    """A query backend over an rdflib ``graph`` and the ontology, in a pyoxigraph memory store
    (rdflib's own engine takes seconds on a corpus)."""
    from kg.stores.disk import OxigraphBackend
    from kg.stores.terms import to_oxigraph

    store = ox.Store()
    data = ox.NamedNode("urn:policy-kg:graph")
    store.extend(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), data) for s, p, o in graph)
    add_ontology(store)
    return OxigraphBackend(store)


def graph_title(graph, doc: str | None = None) -> str:
    """A page's title: one file's first document's title (or its id), or how many files there are."""
    from rdflib.namespace import DCTERMS

    from kg.rdf.namespaces import POL

    read_from = sorted(set(graph.objects(None, POL.readFrom)))
    if len(read_from) != 1:
        return f"{len(read_from)} files"
    titles = f"{read_from[0]}/title/"  # where each document's title stands in the file
    documents = sorted((min((int(graph.value(m, POL.startOffset) or 0) for m in graph.subjects(POL.mentionOf, d)
                             if str(m).startswith(titles)), default=0), str(graph.value(d, DCTERMS.title) or ""))
                       for d in graph.subjects(POL.readFrom, read_from[0]))
    return (documents[0][1] if documents else "") or doc or str(graph.value(read_from[0], DCTERMS.identifier))
