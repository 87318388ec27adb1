"""The networks researchers publish about who works with whom, from the graph, by period.

- **co-issuance**: bodies that issue a document together (联合发文), joined once for each such
  document (the ``co_issuance`` question);
- **collaboration**: bodies that lead or support the same task or measure, joined once for each
  subject they share (the ``collaboration`` question).

Nodes are bodies (their IRIs), with their label, level (central, province, city…) and kind (国务院组成部门…,
or agency). Edges are undirected and weighted: ``weight`` counts the documents or subjects the two share,
``documents`` the documents those are in, and ``years`` the years of those documents (``first_year``,
``last_year``), so a researcher can cut the network by period; ``--from``/``--to`` keep only documents of
those years. Each node carries its degree, strength (the sum of its edges' weights), betweenness (the share
of shortest paths through it, unweighted and normalised; estimated from a seeded sample on a large network)
and eigenvector centrality (weighted). Generic actors (有关部门) are no bodies and stay out.

The same graph always gives the same bytes in each format (:func:`write`).
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from kg.views.report import samples

KINDS = {"co-issuance": ("co_issuance", "doc"), "collaboration": ("collaboration", "subject"),
         "citation": ("citations", None)}
FORMATS = ("gexf", "graphml", "net")


@dataclass(frozen=True)
class Cut:
    """The years a network keeps (both ends included; None: open)."""

    start: int | None = None
    end: int | None = None

    def keeps(self, year: int | None) -> bool:
        if self.start is None and self.end is None:
            return True
        if year is None:
            return False  # a document of no known year is in no period
        return (self.start is None or year >= self.start) and (self.end is None or year <= self.end)


def network(table, kind: str, cut: Cut = Cut()) -> nx.Graph:
    """The network of ``kind`` (co-issuance, collaboration or citation) from the rows of its question."""
    if kind == "citation":
        return _citations(table, cut)
    _, group_column = KINDS[kind]
    groups: dict[str, dict] = {}
    g = nx.Graph(kind=kind)
    for value, year in _rows(table, cut):
        node = value["agency"]
        if node not in g:
            g.add_node(node, label=value["body"], level=value["level"], kind=value["kind"])
        group = groups.setdefault(value[group_column], {"members": set(), "document": value["document"],
                                                         "year": year})
        group["members"].add(node)
        if _first(year, value["document"]) < _first(group["year"], group["document"]):
            group["document"], group["year"] = value["document"], year  # whatever the order of the rows
    shared: dict[tuple[str, str], dict] = defaultdict(lambda: {"weight": 0, "documents": set(), "years": set()})
    for key in sorted(groups):
        group = groups[key]
        for a, b in combinations(sorted(group["members"]), 2):
            edge = shared[(a, b)]
            edge["weight"] += 1
            edge["documents"].add(group["document"])
            if group["year"] is not None:
                edge["years"].add(group["year"])
    for (a, b), edge in sorted(shared.items()):
        years = sorted(edge["years"])
        g.add_edge(a, b, weight=edge["weight"], documents=len(edge["documents"]),
                   years=";".join(map(str, years)), first_year=years[0] if years else 0,
                   last_year=years[-1] if years else 0)
    _measure(g)
    return g


def _first(year: int | None, document: str) -> tuple:
    """A group's document and year are those of its earliest dated row (then the first by label)."""
    return (year is None, year or 0, document)


def _rows(table, cut: Cut):
    """Each row of a question as text by column (empty where unbound), with its year, if the cut keeps it."""
    for row in table.rows:
        value = {name: (str(term) if term is not None else "") for name, term in zip(table.columns, row)}
        year = int(value["year"]) if value["year"].isdigit() else None
        if cut.keeps(year):
            yield value, year


def _citations(table, cut: Cut) -> nx.DiGraph:
    """Documents linked to those they cite, one arc per pair: ``weight`` counts the sentences (or the
    bare mention) that link them, ``kinds`` says how (based_on, implements, repeals, amends, cites), and
    ``years`` is the citing document's year."""
    g = nx.DiGraph(kind="citation")
    arcs: dict[tuple[str, str], dict] = {}
    for value, year in _rows(table, cut):
        for node, label, kind in ((value["doc"], value["document"], value["document_kind"]),
                                  (value["cited_doc"], value["cited"], value["cited_kind"])):
            if node not in g:
                g.add_node(node, label=label, level="", kind=kind or "document")
        arc = arcs.setdefault((value["doc"], value["cited_doc"]), {"weight": 0, "kinds": set(), "year": year})
        if _first(year, "") < _first(arc["year"], ""):
            arc["year"] = year  # a document of two dates: its earliest, whatever the order of the rows
        arc["weight"] += 1
        arc["kinds"].add(value["kind"])
    for (a, b), arc in sorted(arcs.items()):
        year = arc["year"]
        g.add_edge(a, b, weight=arc["weight"], kinds=";".join(sorted(arc["kinds"])), documents=1,
                   years=str(year) if year else "", first_year=year or 0, last_year=year or 0)
    _measure(g)
    return g


def _measure(g: nx.Graph) -> None:
    """Degree, strength, betweenness and eigenvector centrality of each node, rounded so that the same
    graph gives the same figures (and bytes) on any machine."""
    if not g:
        return
    between = nx.betweenness_centrality(g, k=samples(g), seed=7, normalized=True)
    ties = g.to_undirected() if g.is_directed() else g  # citations: eigenvector centrality of the ties, both ways
    try:
        eigen = nx.eigenvector_centrality(ties, max_iter=1000, tol=1e-10, weight="weight") if g.number_of_edges() else {}
    except nx.PowerIterationFailedConvergence:
        eigen = nx.eigenvector_centrality_numpy(ties, weight="weight")
    for node, data in g.nodes(data=True):
        data["degree"] = g.degree(node)
        data["strength"] = g.degree(node, weight="weight")
        data["betweenness"] = round(between.get(node, 0.0), 6)
        data["eigenvector"] = round(abs(eigen.get(node, 0.0)), 6)


def density_by_year(g: nx.Graph) -> list[tuple[int, int, int, float]]:
    """For each year the edges name: the bodies and ties active that year and the density among them."""
    years = sorted({int(y) for _, _, d in g.edges(data=True) for y in d["years"].split(";") if y})
    out = []
    for year in years:
        active = g.edge_subgraph([(a, b) for a, b, d in g.edges(data=True) if str(year) in d["years"].split(";")])
        out.append((year, active.number_of_nodes(), active.number_of_edges(), round(nx.density(active), 4)))
    return out


def overview(g: nx.Graph) -> dict:
    """What a report says of a network: its size and density, and year by year."""
    return {"kind": g.graph.get("kind", ""), "bodies": g.number_of_nodes(), "ties": g.number_of_edges(),
            "density": round(nx.density(g), 4) if g else 0.0, "years": density_by_year(g)}


def density_chart(overviews: list[dict]) -> bytes | None:
    """The density of each network year by year, one line each, as PNG (None if no tie has a year)."""
    drawn = [o for o in overviews if o["years"]]
    if not drawn:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 3.2), dpi=100)
    for o in drawn:
        ax.plot([y for y, *_ in o["years"]], [d for *_, d in o["years"]], marker="o", label=o["kind"])
    ax.set_xlabel("year of the documents")
    ax.set_ylabel("density")
    ax.set_ylim(0, 1.05)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False, fontsize=8)
    fig.tight_layout()
    png = io.BytesIO()
    fig.savefig(png, format="png", metadata={"Software": None})
    plt.close(fig)
    return png.getvalue()


def write(g: nx.Graph, fmt: str) -> bytes:
    """``g`` as GEXF, GraphML or Pajek (``net``: nodes numbered in IRI order, named by label, edges
    weighted)."""
    ordered = g.__class__(**g.graph)
    ordered.add_nodes_from(sorted(g.nodes(data=True)))
    ends = (lambda a, b: (a, b)) if g.is_directed() else (lambda a, b: (min(a, b), max(a, b)))
    ordered.add_edges_from(sorted((*ends(a, b), d) for a, b, d in g.edges(data=True)))
    if fmt == "gexf":
        buffer = io.BytesIO()
        nx.write_gexf(ordered, buffer)
        # GEXF's optional lastmodifieddate is today's date: left out, the same graph gives the same bytes
        return re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue())
    if fmt == "graphml":
        buffer = io.BytesIO()
        nx.write_graphml(ordered, buffer)
        return buffer.getvalue()
    if fmt == "net":
        number = {node: k for k, node in enumerate(ordered, 1)}
        lines = [f"*Vertices {len(number)}"]
        lines.extend(f'{number[node]} "{_pajek_label(data["label"])}"' for node, data in ordered.nodes(data=True))
        lines.append("*Arcs" if g.is_directed() else "*Edges")
        lines.extend(f"{number[a]} {number[b]} {d['weight']}" for a, b, d in ordered.edges(data=True))
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"unknown network format {fmt!r} (one of {', '.join(FORMATS)})")


def _pajek_label(label: str) -> str:
    return label.replace('"', "'").replace("\n", " ")


def summary(g: nx.Graph) -> str:
    """One line: how many bodies (or documents) and ties, and the density."""
    nodes = "documents" if g.is_directed() else "bodies"
    return (f"{g.graph.get('kind', 'network')}: {g.number_of_nodes()} {nodes}, {g.number_of_edges()} ties, "
            f"density {nx.density(g):.4f}" if g else f"{g.graph.get('kind', 'network')}: no {nodes}")
