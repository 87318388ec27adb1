"""The interactive page of a graph (:mod:`kg.views.html`): one HTML file that opens offline."""

from __future__ import annotations

import pyoxigraph as ox

from kg.formats import Format, register, union


@register
class Page(Format):
    name, suffix, description = "html", ".html", "the interactive graph page (opens offline)"

    def write(self, quads: ox.Store, title: str = "") -> bytes:
        from kg.views.html import render
        from kg.views.network import to_networkx

        return render(to_networkx(union(quads)), title or "policy graph").encode("utf-8")
