import json
import re
from html.parser import HTMLParser

import pytest

from kg import api
from kg.views.html import render
from kg.views.network import to_networkx


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__()
        self.external = []
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith(("#", "data:")):
                self.external.append((tag, value))


@pytest.fixture(scope="module")
def page(seed_build):
    return render(to_networkx(seed_build.graph), "seed")


def _data(page, name):
    m = re.search(rf"var {name} = new vis\.DataSet\((.*?)\);\n", page)
    return json.loads(m.group(1))


def test_opens_offline_every_script_and_style_inline(page):
    parser = _Resources()
    parser.feed(page)
    assert parser.external == []
    assert "vis.Network" in page
    css_urls = re.findall(r"url\(\s*['\"]?([^'\")]*)", page)
    assert [u for u in css_urls if not u.startswith("data:")] == []
    assert not re.search(r"@import|fetch\(|XMLHttpRequest\(\)\.open|<iframe", page)
    assert len(page) > 400_000  # vis-network is inside the page


def test_draws_every_node_and_edge_of_the_graph(page, seed_build):
    g = to_networkx(seed_build.graph)
    nodes, edges = _data(page, "nodes"), _data(page, "edges")
    assert len(nodes) == g.number_of_nodes() and len(edges) == g.number_of_edges()
    assert {n["id"] for n in nodes} == set(g.nodes)


def test_legend_lists_each_class_shown_with_its_count(page):
    nodes = _data(page, "nodes")
    legend = dict(re.findall(r'<li data-class="(\w+)">.*?<span class="n">(\d+)</span>', page, re.S))
    counts = {}
    for n in nodes:
        counts[n["group"]] = counts.get(n["group"], 0) + 1
    assert {k: int(v) for k, v in legend.items()} == counts
    assert "任务" in page and "Task" in page


def test_classes_are_coloured_apart(page):
    nodes = _data(page, "nodes")
    colours = {}
    for n in nodes:
        colours.setdefault(n["group"], set()).add(n["color"])
    assert all(len(c) == 1 for c in colours.values())
    assert len({next(iter(c)) for c in colours.values()}) == len(colours)


def test_tooltip_shows_the_source_sentence_and_offsets(page):
    target = next(n for n in _data(page, "nodes") if n["full"].startswith("有效发明专利拥有量 >"))
    assert "到2021年，中关村示范区有效发明专利拥有量超过15万件" in target["title"]
    assert re.search(r"\[\d+, \d+\)", target["title"])


def test_text_cannot_break_out_of_the_script(seed_build):
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("x", label="</script><script>alert(1)</script>", cls="Task", start=None, end=None, sentences=[])
    page = render(g, "<b>title</b>")
    assert "<script>alert(1)" not in page and "<b>title</b>" not in page
