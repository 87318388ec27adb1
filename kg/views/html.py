"""An interactive HTML page of the policy graph that opens offline.

pyvis supplies vis-network (its bundled copy of vis-network 9.1.2); the page
is policy-kg's own template (``templates/graph.html``) because pyvis 0.3.2
falls short where a reader needs it: its template loads Bootstrap from a CDN
even with ``cdn_resources='in_line'``, it has no legend, its select and
filter menus are fragile, HTML tooltips show as raw tags in vis-network 9,
and ``Network.from_nx``/``add_edge`` grow quadratically. So the node and edge
lists are built here directly, and the page adds a legend that filters by
class, a search box, a document filter, a side panel with each node's
properties and source sentences (with offsets), and a switch between a
force-directed and a hierarchical layout (document → tasks → measures →
targets). Physics stops once the layout has settled; labels hide when
zoomed out.

A graph of more than ``WEBGL_NODES`` nodes (a corpus) is drawn instead by
sigma.js over graphology in WebGL (``templates/graph_webgl.html``; both
vendored from npm and inlined, ``static/webgl/VENDORED.md``), laid out here,
with the same legend, filters, search, sizes and side panel.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
from rdflib import URIRef
from rdflib.namespace import SKOS

from kg.rdf.ontology import local_name, term_labels

_ALT_LABEL = str(SKOS.altLabel)

TEMPLATES = Path(__file__).parent / "templates"

# Colour and shape of each class (local names of ontology classes).
STYLE = {
    "PolicyDocument": ("#1f4e79", "box"),
    "Task": ("#2e7d32", "box"),
    "Measure": ("#81c784", "dot"),
    "GuaranteeMeasure": ("#00897b", "dot"),
    "Target": ("#e65100", "diamond"),
    "Baseline": ("#8d6e63", "square"),
    "Parameter": ("#f9a825", "square"),
    "Threshold": ("#6d4c41", "diamond"),
    "Indicator": ("#fbc02d", "triangle"),
    "Agency": ("#6a1b9a", "ellipse"),
    "ProtectionCentre": ("#ad1457", "ellipse"),
    "GenericActor": ("#8e6c9e", "ellipse"),
    "Problem": ("#c62828", "star"),
    "Feature": ("#0277bd", "star"),
    "Person": ("#455a64", "dot"),
    "Place": ("#9e9d24", "hexagon"),
}

_DEFAULT_STYLE = ("#757575", "dot")

# Shapes that draw their label inside the (dark) node.
_LABEL_INSIDE = {"box", "ellipse"}


# The longest text a page shows for a label, a sentence or a property: a sentence hundreds of thousands
# of characters long (a file without punctuation) stays whole in the graph, but the page, which repeats
# it for every node read from it, shows its opening (memory bounded by the text, not by nodes × text).
PAGE_TEXT = 600


def _clip(text, limit: int = PAGE_TEXT):
    return text if not isinstance(text, str) or len(text) <= limit else text[: limit - 1] + "…"


def _tooltip(data: dict) -> str:
    zh, en = term_labels(data["cls"])
    lines = [f"{zh} · {en}", _clip(data["label"])]
    if data.get("start") is not None:
        lines.append(f"[{data['start']}, {data['end']})")
    for text, start, end, *_ in data.get("sentences", [])[:5]:
        lines += ["", f"[{start}, {end}) {_clip(text)}"]
    return "\n".join(lines)


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


# Above this many nodes the layout trades polish for speed (Barnes-Hut, fewer iterations,
# no initial clustering), so that a corpus view settles in seconds.
LARGE = 800


def _options(n_nodes: int) -> dict:
    large = n_nodes > LARGE
    physics = {
        "solver": "barnesHut" if large else "forceAtlas2Based",
        "stabilization": {"iterations": 50 if large else 300, "updateInterval": 50},
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110},
        "barnesHut": {"gravitationalConstant": -9000, "springLength": 120, "avoidOverlap": 0.1},
        "timestep": 0.5 if large else 0.35,
    }
    return {
        "interaction": {"hover": True, "navigationButtons": False, "tooltipDelay": 150, "hideEdgesOnDrag": large},
        "physics": physics,
        "layout": {"improvedLayout": not large, "randomSeed": 7},
        "edges": {"font": {"size": 10, "align": "middle"}, "color": {"color": "#9e9e9e"}, "smooth": False,
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "scaling": {"label": {"drawThreshold": 7}}},
        "nodes": {"font": {"size": 13, "face": "sans-serif"}, "scaling": {"label": {"drawThreshold": 7}}},
    }


def initial_positions(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions that make a large graph settle in seconds: each read document's
    tree drawn radially around its own centre (tasks on the first ring,
    measures on the second, targets on the third), the centres packed in rows,
    and things shared by several documents (agencies, indicators) between the
    documents they serve. vis-network's physics then only smooths this."""
    import math

    owners: dict[str, list[str]] = {}
    for node, data in graph.nodes(data=True):
        owners[node] = data.get("docs", [])
    clusters: dict[str, list[str]] = {}
    for node in sorted(graph.nodes):
        docs = owners[node]
        if len(docs) == 1:
            clusters.setdefault(docs[0], []).append(node)
    positions: dict[str, tuple[float, float]] = {}
    centres: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    width = 60 * math.sqrt(max(len(graph), 1)) * 3
    for doc in sorted(clusters, key=lambda d: (-len(clusters[d]), d)):
        members = clusters[doc]
        radius = 40 * math.sqrt(len(members)) + 60
        if x and x + 2 * radius > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + radius, y + radius
        centres[doc] = (cx, cy)
        x, row_height = x + 2 * radius + 80, max(row_height, 2 * radius + 80)
        levels: dict[int, list[str]] = {}
        for node in members:
            levels.setdefault(0 if node == doc else graph.nodes[node].get("level", 4) + 1, []).append(node)
        angle: dict[str, float] = {doc: 0.0}
        for level in sorted(levels):
            ring = levels[level]

            def parent_angle(n: str) -> float:
                ups = [angle[p] for p in graph.predecessors(n) if p in angle]
                return min(ups) if ups else 0.0

            ring.sort(key=lambda n: (parent_angle(n), n))
            r = 0.0 if level == 0 else radius * level / (max(levels) or 1)
            for k, node in enumerate(ring):
                a = 2 * math.pi * k / len(ring) if level else 0.0
                angle[node] = a
                positions[node] = (cx + r * math.cos(a), cy + r * math.sin(a))
    for k, node in enumerate(sorted(n for n in graph.nodes if n not in positions)):
        around = [centres[d] for d in owners[node] if d in centres] or [(width / 2, y / 2)]
        jitter = (hash_unit(node) - 0.5) * 120, (hash_unit(node + "|") - 0.5) * 120
        positions[node] = (sum(c[0] for c in around) / len(around) + jitter[0],
                           sum(c[1] for c in around) / len(around) + jitter[1])
    return positions


def hash_unit(text: str) -> float:
    """A number in [0, 1) fixed by ``text`` (stable across runs, unlike hash())."""
    import zlib

    return (zlib.crc32(text.encode("utf-8")) % 10_000) / 10_000


def page_data(graph: nx.MultiDiGraph, positions: bool = False) -> dict:
    """Everything the page draws: nodes, edges, legend, documents and vis-network options; each node placed
    by :func:`initial_positions` when the graph is large or ``positions`` asks for it."""
    from kg.views.report import collaboration_betweenness

    nodes = []
    placed = initial_positions(graph) if positions or len(graph) > LARGE else {}
    between = collaboration_betweenness(graph)
    for node_id, data in sorted(graph.nodes(data=True)):
        color, shape = STYLE.get(data["cls"], _DEFAULT_STYLE)
        zh, en = term_labels(data["cls"])
        node = {"id": node_id, "label": _short(data["label"]), "full": _clip(data["label"]), "title": _tooltip(data),
                "cls": data["cls"], "zh": zh, "en": en, "color": color, "shape": shape,
                "alt": sorted({v for k, v in data.get("props", []) if k == _ALT_LABEL}),
                "level": data.get("level", 4), "docs": data.get("docs", []), "file": data.get("file", ""),
                "start": data.get("start"), "end": data.get("end"),
                "props": [[" · ".join(dict.fromkeys(term_labels(k))), _clip(v)] for k, v in data.get("props", [])],
                "sentences": [[_clip(s[0]), *s[1:]] for s in data.get("sentences", [])],
                "degree": graph.degree(node_id), "betweenness": round(between.get(node_id, 0.0), 4)}
        if shape in _LABEL_INSIDE:
            node["font"] = {"color": "#ffffff"}
        if node_id in placed:
            node["x"], node["y"] = round(placed[node_id][0], 1), round(placed[node_id][1], 1)
        nodes.append(node)
    edges = []
    for k, (s, o, data) in enumerate(sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"]))):
        zh, en = term_labels(data["predicate"])
        edges.append({"id": k, "from": s, "to": o, "label": zh, "title": en})
    counts = Counter(n["cls"] for n in nodes)
    drawn = [*STYLE, *sorted(set(counts) - set(STYLE))]  # a class without a style of its own has the default
    legend = [{"cls": cls, "zh": term_labels(cls)[0], "en": term_labels(cls)[1], "color": color, "shape": shape,
               "count": counts[cls]} for cls in drawn if counts[cls]
              for color, shape in [STYLE.get(cls, _DEFAULT_STYLE)]]
    ids = sorted({d for n in nodes for d in n["docs"]})
    labels = {n["id"]: n["full"] for n in nodes}
    documents = [{"id": d, "label": _short(labels.get(d, local_name(URIRef(d))), 40)} for d in ids]
    relations = Counter((e["label"], e["title"]) for e in edges)
    relation_legend = [{"zh": zh, "en": en, "count": n} for (zh, en), n in sorted(relations.items())]
    return {"nodes": nodes, "edges": edges, "legend": legend, "relations": relation_legend, "documents": documents,
            "options": _options(len(nodes))}


# A graph of more nodes than this is drawn with WebGL (sigma.js), not vis-network: vis-network draws
# 490 nodes in seconds and cannot draw tens of thousands.
WEBGL_NODES = 3000
WEBGL = Path(__file__).parent / "static" / "webgl"


def render(graph: nx.MultiDiGraph, title: str, renderer: str = "auto") -> str:
    """Return the HTML page of a graph made by :func:`kg.views.network.to_networkx`.

    One self-contained file that opens offline from disk: every script is inlined. A graph of up to
    ``WEBGL_NODES`` nodes is drawn by vis-network (pyvis's bundled copy); a larger one by sigma.js over
    graphology, in WebGL, laid out here (:func:`initial_positions`), with the same legend, filters,
    search, sizes and side panel (``renderer``: "auto", "vis" or "webgl").
    """
    from jinja2 import Environment, FileSystemLoader

    if renderer not in ("auto", "vis", "webgl"):
        raise ValueError(f"unknown renderer {renderer!r}")
    if renderer == "webgl" or (renderer == "auto" and len(graph) > WEBGL_NODES):
        return _render_webgl(graph, title)
    import pyvis

    data = page_data(graph)
    env = Environment(loader=FileSystemLoader([str(TEMPLATES), str(Path(pyvis.__file__).parent / "templates")]),
                      autoescape=True)
    return env.get_template("graph.html").render(
        title=title, data=data, legend=data["legend"], relations=data["relations"], documents=data["documents"],
        node_count=len(data["nodes"]), edge_count=len(data["edges"]),
    )


def _render_webgl(graph: nx.MultiDiGraph, title: str) -> str:
    """The page of a large graph: the data of :func:`page_data` packed into arrays (a node is [id, label,
    class, x, y, degree, betweenness, documents, details, level], an edge [from, to, relation], by index), every
    node placed by :func:`initial_positions`, drawn by sigma.js."""
    from jinja2 import Environment, FileSystemLoader

    full = page_data(graph, positions=True)  # every node with its place (x, y)
    classes = {item["cls"]: k for k, item in enumerate(full["legend"])}
    documents = {d["id"]: k for k, d in enumerate(full["documents"])}
    relations = {(r["zh"], r["en"]): k for k, r in enumerate(full["relations"])}
    index = {n["id"]: k for k, n in enumerate(full["nodes"])}
    nodes = [[n["id"], n["label"], classes[n["cls"]], n["x"], n["y"],
              n["degree"], n["betweenness"], [documents[d] for d in n["docs"] if d in documents],
              {"full": n["full"], "alt": n["alt"], "file": n["file"], "start": n["start"], "end": n["end"],
               "props": n["props"], "sentences": n["sentences"]}, n["level"]] for n in full["nodes"]]
    edges = [[index[e["from"]], index[e["to"]], relations[(e["label"], e["title"])]] for e in full["edges"]]
    data = {"nodes": nodes, "edges": edges, "legend": full["legend"], "relations": full["relations"],
            "documents": full["documents"]}
    env = Environment(loader=FileSystemLoader([str(TEMPLATES)]), autoescape=True)
    return env.get_template("graph_webgl.html").render(
        title=title, data=data, legend=full["legend"], relations=full["relations"], documents=full["documents"],
        node_count=len(nodes), edge_count=len(edges),
        graphology=(WEBGL / "graphology.umd.min.js").read_text(encoding="utf-8"),
        sigma=(WEBGL / "sigma.min.js").read_text(encoding="utf-8"),
    )
