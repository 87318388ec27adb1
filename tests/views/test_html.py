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
    m = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))[name]


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
    legend = dict(re.findall(r'data-class="(\w+)" checked>.*?<span class="n">(\d+)</span>', page, re.S))
    counts = {}
    for n in nodes:
        counts[n["cls"]] = counts.get(n["cls"], 0) + 1
    assert {k: int(v) for k, v in legend.items()} == counts
    assert "任务" in page and "Task" in page


def test_classes_are_coloured_apart(page):
    nodes = _data(page, "nodes")
    colours = {}
    for n in nodes:
        colours.setdefault(n["cls"], set()).add(n["color"])
    assert all(len(c) == 1 for c in colours.values())
    assert len({next(iter(c)) for c in colours.values()}) == len(colours)


def test_tooltip_shows_the_source_sentence_and_offsets(page):
    target = next(n for n in _data(page, "nodes") if n["full"].startswith("有效发明专利拥有量 >"))
    assert "到2021年，中关村示范区有效发明专利拥有量超过15万件" in target["title"]
    assert re.search(r"\[\d+, \d+\)", target["title"])


def test_text_cannot_break_out_of_the_script(seed_build):
    import networkx as nx

    g = nx.MultiDiGraph()
    g.add_node("x", label="</script><script>alert(1)</script>", cls="Task", start=None, end=None, sentences=[],
               props=[("note", "</script>")], docs=[], file="")
    page = render(g, "<b>title</b>")
    assert "<script>alert(1)" not in page and "<b>title</b>" not in page


def test_every_node_knows_its_documents_level_and_sources(page, seed_build):
    nodes = _data(page, "nodes")
    documents = _data(page, "documents")
    # The interpretation is the one document read; every node belongs to it or serves it.
    assert [d["label"] for d in documents] == ["解读：《中关村国家自主创新示范区知识产权行动方案（2019-2021）》"]
    assert all(n["docs"] == [documents[0]["id"]] for n in nodes)
    levels = {n["cls"]: n["level"] for n in nodes}
    assert levels["PolicyDocument"] < levels["Task"] < levels["Measure"] < levels["Target"]
    target = next(n for n in nodes if n["full"].startswith("有效发明专利拥有量 >"))
    assert target["file"] == "policy_text" and target["sentences"][0][0].startswith("到2021年")
    assert ["期限 · deadline", "2021"] in target["props"]
    assert any(v == "超过 (>)" for _, v in target["props"])


def test_a_large_graph_starts_from_positions_that_settle_fast():
    import networkx as nx

    from kg.views.html import LARGE, page_data

    g = nx.MultiDiGraph()
    for d in range(3):
        doc = f"doc{d}"
        g.add_node(doc, label=doc, cls="PolicyDocument", docs=[doc], level=0)
        for k in range(LARGE // 3 + 10):
            task = f"{doc}/t{k}"
            g.add_node(task, label=task, cls="Task", docs=[doc], level=1)
            g.add_edge(doc, task, relation="hasTask", predicate="https://w3id.org/policy-kg/ontology#hasTask")
    g.add_node("agency", label="agency", cls="Agency", docs=["doc0", "doc1"], level=3)
    data = page_data(g)
    assert data["options"]["physics"]["solver"] == "barnesHut" and not data["options"]["layout"]["improvedLayout"]
    placed = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    assert len(placed) == len(g)
    centre = {d: placed[f"doc{d}"] for d in range(3)}
    # each document's tasks sit around it, nearer to it than to the other documents
    for d in range(3):
        x, y = placed[f"doc{d}/t0"]
        own = (x - centre[d][0]) ** 2 + (y - centre[d][1]) ** 2
        assert all(own < (x - centre[e][0]) ** 2 + (y - centre[e][1]) ** 2 for e in range(3) if e != d)
    assert page_data(g) == data  # the same graph, the same positions


@pytest.mark.slow
def test_a_very_long_sentence_is_shared_by_its_nodes_and_clipped_on_the_page(tmp_path):
    from kg.views.html import PAGE_TEXT, page_data

    path = tmp_path / "long.txt"  # no full stop: one sentence of 120,000 characters, many facts read from it
    path.write_text("关于推进某项工作的通知\n" + "到2025年，全市企业达到100家，市财政局负责推进建设，" * 5000, encoding="utf-8")
    net = to_networkx(api.build([path]).graph)
    texts = [s[0] for _, data in net.nodes(data=True) for s in data.get("sentences", []) if len(s[0]) > 100000]
    assert len(texts) > 100  # the view keeps the whole sentence for each fact read from it…
    assert len({id(t) for t in texts}) == 1  # …once, shared by every node read from it
    data = page_data(net)
    assert all(len(s[0]) <= PAGE_TEXT for n in data["nodes"] for s in n["sentences"])
    assert all(len(n["title"]) < 6 * PAGE_TEXT + 200 for n in data["nodes"])


def test_every_class_read_is_in_the_legend_and_a_large_page_draws_it(tmp_path):
    # A subsidy's standard (a parameter) and an eligibility bound (a threshold) are drawn with the rest:
    # the WebGL page of a large corpus indexes its nodes' classes by the legend.
    path = tmp_path / "rules.txt"
    path.write_text("某市育儿补贴实施办法\n对年营业收入超过1亿元的企业给予最高50万元奖励。到2025年，全市托位达到3000个。",
                    encoding="utf-8")
    net = to_networkx(api.build([path]).graph)
    classes = {data["cls"] for _, data in net.nodes(data=True)}
    assert {"Parameter", "Threshold", "Target"} <= classes
    page = render(net, "rules", renderer="webgl")
    legend = json.loads(re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S)
                        .group(1))["legend"]
    assert {item["cls"] for item in legend} == classes
