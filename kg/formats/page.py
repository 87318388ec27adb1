"""The interactive page of a graph (:mod:`kg.views.html`): one HTML file that opens offline."""

from __future__ import annotations

import pyoxigraph as ox

from kg.formats import Format, register, union


@register
class Page(Format):
    name, suffix, description = "html", ".html", "the interactive graph page (opens offline)"

    def write(self, quads: ox.Store, title: str = "") -> bytes:
        """The page of ``quads``, called ``title``, or else by its graph (its one file's first document's
        title, or how many files it holds: :func:`kg.stores.source.graph_title`)."""
        from kg.stores.source import graph_title
        from kg.views.html import render
        from kg.views.network import to_networkx

        graph = union(quads)
        return render(to_networkx(graph), title or graph_title(graph)).encode("utf-8")
