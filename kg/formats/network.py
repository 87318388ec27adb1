"""The reader's network (:func:`kg.views.network.to_networkx`) for Gephi, Cytoscape and Pajek.

Nodes are documents, tasks, measures, targets, indicators, agencies…, with
their label, class, file, offsets, first source sentence, documents and
properties as attributes (strings and numbers, as these formats need);
edges carry their relation.
"""

from __future__ import annotations

import io
import re

import networkx as nx
import pyoxigraph as ox

from kg.formats import Format, register, union
from kg.rdf.ontology import local_name


def flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with every attribute a string or number, as GraphML, GEXF and Pajek need: a node's
    class and colour (the page's), its degree in the reader's network and its betweenness in the
    collaboration network (agencies linked through the tasks and measures they share); offsets and a
    sentence only where the node has them (no -1 for a missing one)."""
    from kg.views.html import STYLE
    from kg.views.report import collaboration_betweenness

    between = collaboration_betweenness(g)
    out = nx.MultiDiGraph()
    for node, data in g.nodes(data=True):
        attributes = {"label": data["label"], "cls": data["cls"], "color": STYLE.get(data["cls"], ("#757575",))[0],
                      "file": data.get("file", ""), "documents": " | ".join(data.get("docs", [])),
                      "properties": "; ".join(f"{local_name(k)}={v}" for k, v in data.get("props", [])),
                      "degree": g.degree(node), "betweenness": round(between.get(node, 0.0), 6)}
        if data.get("start") is not None:
            attributes["start"], attributes["end"] = data["start"], data["end"]
        if data.get("sentences"):
            attributes["sentence"] = data["sentences"][0][0]
        out.add_node(node, **attributes)
    for s, o, key, data in g.edges(keys=True, data=True):
        out.add_edge(s, o, key=key, relation=data["relation"])
    return out


class NetworkFormat(Format):
    """A format of the reader's network: written from the NetworkX graph (:meth:`write_network`), which
    a report that has made it already passes as it is."""

    def write(self, quads: ox.Store, title: str = "") -> bytes:
        from kg.views.network import to_networkx

        return self.write_network(to_networkx(union(quads)))

    def write_network(self, g: nx.MultiDiGraph) -> bytes:
        raise NotImplementedError


@register
class GraphML(NetworkFormat):
    name, suffix, description = "graphml", ".graphml", "GraphML: the network of tasks, actors and goals"

    def write_network(self, g: nx.MultiDiGraph) -> bytes:
        buffer = io.BytesIO()
        nx.write_graphml(flat(g), buffer)
        return buffer.getvalue()


@register
class Gexf(NetworkFormat):
    name, suffix, description = "gexf", ".gexf", "GEXF (Gephi): the network of tasks, actors and goals"

    def write_network(self, g: nx.MultiDiGraph) -> bytes:
        buffer = io.BytesIO()
        nx.write_gexf(flat(g), buffer)
        # GEXF's optional lastmodifieddate is today's date: left out, the same graph gives the same bytes
        return re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue())


@register
class Pajek(NetworkFormat):
    name, suffix, description = "pajek", ".net", "Pajek: the network of tasks, actors and goals, nodes by label"

    def write_network(self, g: nx.MultiDiGraph) -> bytes:
        nodes = sorted(g.nodes)
        number = {node: k for k, node in enumerate(nodes, 1)}
        lines = [f"*Vertices {len(nodes)}"]
        for node in nodes:
            label = g.nodes[node]["label"].replace('"', "'").replace("\n", " ")
            lines.append(f'{number[node]} "{label}"')
        lines.append("*Arcs")
        arcs = sorted((number[s], number[o], data["relation"]) for s, o, data in g.edges(data=True))
        lines.extend(f'{s} {o} 1 l "{relation}"' for s, o, relation in arcs)
        return ("\n".join(lines) + "\n").encode("utf-8")
