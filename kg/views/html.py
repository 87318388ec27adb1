"""An interactive HTML page of the policy graph that opens offline.

pyvis holds the network and supplies vis-network; the page is rendered with
policy-kg's own template (``templates/graph.html``), which inlines every
script and style (pyvis's template loads Bootstrap from a CDN even with
``cdn_resources='in_line'``), adds a legend, and shows each node's source
sentences and offsets in its tooltip. Node and edge lists are handed to pyvis
directly: ``Network.add_edge`` checks for duplicates edge by edge and grows
quadratically.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from kg.rdf.namespaces import POL
from kg.sparql import _ontology
from kg.views.network import local_name

TEMPLATES = Path(__file__).parent / "templates"

# Colour and shape of each class (local names of ontology classes).
STYLE = {
    "PolicyDocument": ("#1f4e79", "box"),
    "Task": ("#2e7d32", "box"),
    "Measure": ("#81c784", "dot"),
    "GuaranteeMeasure": ("#00897b", "dot"),
    "Target": ("#e65100", "diamond"),
    "Baseline": ("#8d6e63", "square"),
    "Indicator": ("#fbc02d", "triangle"),
    "Agency": ("#6a1b9a", "ellipse"),
    "ProtectionCentre": ("#ad1457", "ellipse"),
    "Problem": ("#c62828", "star"),
    "Feature": ("#0277bd", "star"),
    "Person": ("#455a64", "dot"),
    "Place": ("#9e9d24", "hexagon"),
}

# Shapes that draw their label inside the (dark) node.
_LABEL_INSIDE = {"box", "ellipse"}


@lru_cache(maxsize=None)
def term_labels(term: str) -> tuple[str, str]:
    """Return the Chinese and English labels the ontology gives a term (IRI or pol: local name)."""
    onto = _ontology()
    iri = URIRef(term if ":" in term else str(POL._NS) + term)
    zh = en = local_name(iri)
    for label in onto.objects(iri, RDFS.label):
        if isinstance(label, Literal) and label.language == "zh":
            zh = str(label)
        elif isinstance(label, Literal) and label.language == "en":
            en = str(label)
    return zh, en


def _tooltip(data: dict) -> str:
    zh, en = term_labels(data["cls"])
    lines = [f"{zh} · {en}", data["label"]]
    if data.get("start") is not None:
        lines.append(f"[{data['start']}, {data['end']})")
    for text, start, end in data.get("sentences", [])[:5]:
        lines += ["", f"[{start}, {end}) {text}"]
    return "\n".join(lines)


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def render(graph: nx.MultiDiGraph, title: str) -> str:
    """Return the HTML page of a graph made by :func:`kg.views.network.to_networkx`."""
    from jinja2 import Environment, FileSystemLoader
    from pyvis.network import Network

    import pyvis

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    nodes = []
    for node_id, data in graph.nodes(data=True):
        color, shape = STYLE.get(data["cls"], ("#757575", "dot"))
        node = {"id": node_id, "label": _short(data["label"]), "title": _tooltip(data), "group": data["cls"],
                "color": color, "shape": shape, "full": data["label"]}
        if shape in _LABEL_INSIDE:
            node["font"] = {"color": "#ffffff"}
        nodes.append(node)
    edges = []
    for s, o, data in graph.edges(data=True):
        zh, en = term_labels(data["predicate"])
        edges.append({"from": s, "to": o, "label": zh, "title": en, "arrows": "to"})
    net.nodes, net.edges = nodes, edges
    net.options = {
        "interaction": {"hover": True, "navigationButtons": False, "tooltipDelay": 150},
        "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300},
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110}},
        "edges": {"font": {"size": 10, "align": "middle"}, "color": {"color": "#9e9e9e"}, "smooth": False},
        "nodes": {"font": {"size": 13, "face": "sans-serif"}},
    }
    counts = Counter(data["cls"] for _, data in graph.nodes(data=True))
    legend = [
        {"cls": cls, "zh": term_labels(cls)[0], "en": term_labels(cls)[1], "color": color, "shape": shape,
         "count": counts[cls]}
        for cls, (color, shape) in STYLE.items() if counts[cls]
    ]
    nodes_data, edges_data, _, height, width, options = net.get_network_data()
    env = Environment(loader=FileSystemLoader([str(TEMPLATES), str(Path(pyvis.__file__).parent / "templates")]),
                      autoescape=True)
    page = env.get_template("graph.html").render(
        title=title, nodes=nodes_data, edges=edges_data, options=options, legend=legend,
        node_count=len(nodes_data), edge_count=len(edges_data),
    )
    return page
