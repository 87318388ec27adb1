"""The graph page in a real browser (headless Chromium): what a reader does with it."""

import re
from pathlib import Path

import pytest
import yaml

from conftest import EXPECTATIONS, ROOT, SEED, save_view, watched_page
from kg import api

EXPECTED = yaml.safe_load((EXPECTATIONS / "seed.yaml").read_text(encoding="utf-8"))
SCREENSHOTS = ROOT / "tests" / "screenshots"
VISIBLE = "policykg.nodes.get({filter: function (n) { return !n.hidden; }}).length"


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("page")
    api.write(api.build([SEED]), out)
    return out / "graph.html"


def open_page(browser, path: Path):
    page, problems, outside = watched_page(browser, path.as_uri(), "file:")
    page.wait_for_function("window.policykg && policykg.state.settled", timeout=120_000)
    return page, problems, outside


def click_node(page, node_id: str) -> None:
    """A real mouse click on a node where it is drawn."""
    page.click("#fit")
    point = page.evaluate("(id) => policykg.network.canvasToDOM(policykg.network.getPosition(id))", node_id)
    box = page.locator("#graph canvas").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_function("(id) => policykg.state.selected === id", arg=node_id, timeout=10_000)


def test_the_page_loads_offline_without_errors_and_draws_every_node(browser, seed_page, seed_build):
    from kg.views.network import to_networkx

    page, problems, outside = open_page(browser, seed_page)
    assert problems == [] and outside == []
    assert page.evaluate("policykg.network.body.nodeIndices.length") == to_networkx(seed_build.graph).number_of_nodes()
    assert page.evaluate("policykg.network.physics.physicsEnabled") is False  # frozen once settled
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "seed-graph.png"))
    page.close()


def test_searching_highlights_both_protection_centres(browser, seed_page):
    page, _, _ = open_page(browser, seed_page)
    page.fill("#search", "保护中心")
    found = page.evaluate("policykg.state.highlighted.map(function (id) { "
                          "return policykg.data.nodes.filter(function (n) { return n.id === id; })[0]; })")
    centres = sorted(n["full"] for n in found if n["cls"] == "ProtectionCentre")
    assert centres == ["中国（中关村）知识产权保护中心", "中国（北京）知识产权保护中心"]
    assert all("保护中心" in n["full"] for n in found)
    assert page.evaluate("policykg.network.getSelectedNodes().length") == len(found)
    page.close()


def test_clicking_a_target_opens_its_source_sentence(browser, seed_page):
    page, _, _ = open_page(browser, seed_page)
    target = page.evaluate("policykg.data.nodes.filter(function (n) { "
                           "return n.full.indexOf('有效发明专利拥有量 >') === 0; })[0].id")
    click_node(page, target)
    assert page.locator("#panel").is_visible()
    assert page.locator("#panel-name").inner_text().startswith("有效发明专利拥有量")
    sources = page.locator("#panel-sources").inner_text()
    assert "到2021年，中关村示范区有效发明专利拥有量超过15万件" in sources
    # where the sentence stands in the original file (which has spaces around its digits)
    start = re.search(r"到\s*2021\s*年，中关村示范区", SEED.read_text(encoding="utf-8")).start()
    assert f"source policy_text [{start}, " in sources
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "seed-target-panel.png"))
    page.close()


def test_hiding_a_class_removes_its_nodes(browser, seed_page):
    page, _, _ = open_page(browser, seed_page)
    before = page.evaluate(VISIBLE)
    page.click("input[data-class=Measure]")
    measures = sum(len(t["measures"]) for t in EXPECTED["tasks"])
    assert page.evaluate(VISIBLE) == before - measures
    page.click("input[data-class=Measure]")
    assert page.evaluate(VISIBLE) == before
    page.close()


def test_the_hierarchical_layout_puts_documents_above_tasks_above_measures(browser, seed_page):
    page, _, _ = open_page(browser, seed_page)
    page.select_option("#layout", "hierarchy")
    ys = page.evaluate("""(function () {
        var out = {};
        policykg.data.nodes.forEach(function (n) {
            var p = policykg.network.getPosition(n.id);
            (out[n.cls] = out[n.cls] || []).push(p.y);
        });
        return out; })()""")
    assert max(ys["PolicyDocument"]) < min(ys["Task"]) and max(ys["Task"]) < min(ys["Measure"])
    page.close()


def test_the_document_filter_narrows_a_corpus_view(browser, tmp_path):
    corpus = ROOT / "tests" / "data" / "corpus"
    api.write(api.build([SEED, corpus / "05_beijing-data-zone-guiding-opinions-2022.txt"]), tmp_path)
    page, problems, _ = open_page(browser, tmp_path / "graph.html")
    everything = page.evaluate(VISIBLE)
    documents = page.evaluate("policykg.data.documents")
    assert len(documents) >= 2
    seed = next(d for d in documents if "中关村" in d["label"])
    page.select_option("#document", seed["id"])
    narrowed = page.evaluate(VISIBLE)
    assert 0 < narrowed < everything
    labels = page.evaluate("policykg.nodes.get({filter: function (n) { return !n.hidden; }})"
                           ".map(function (n) { return policykg.data.nodes.filter("
                           "function (d) { return d.id === n.id; })[0].full; })")
    assert "有效发明专利拥有量" in labels and "北京市经济和信息化局" not in labels
    assert problems == []
    page.close()


WRONG_COLOURS = """(function () {
    var legend = {};
    policykg.data.legend.forEach(function (item) { legend[item.cls] = item.color.toLowerCase(); });
    return policykg.data.nodes.filter(function (n) {
        var drawn = policykg.network.body.nodes[n.id].options.color.background;
        return String(drawn).toLowerCase() !== legend[n.cls];
    }).map(function (n) { return n.cls + " " + policykg.network.body.nodes[n.id].options.color.background; });
})()"""


def test_every_node_keeps_its_legend_colour_through_search_click_filter_and_layout(browser, seed_page):
    page, problems, _ = open_page(browser, seed_page)
    assert page.evaluate(WRONG_COLOURS) == []
    page.fill("#search", "知识产权")
    assert page.evaluate(WRONG_COLOURS) == [], "after a search"
    page.fill("#search", "")
    target = page.evaluate("policykg.data.nodes.filter(function (n) { return n.cls === 'Target'; })[0].id")
    click_node(page, target)
    assert page.evaluate(WRONG_COLOURS) == [], "after a click"
    page.click("input[data-class=Measure]")
    page.click("input[data-class=Measure]")
    assert page.evaluate(WRONG_COLOURS) == [], "after hiding and showing a class"
    page.select_option("#layout", "hierarchy")
    page.select_option("#layout", "force")
    assert page.evaluate(WRONG_COLOURS) == [], "after switching layouts"
    assert problems == []
    page.close()


def test_search_finds_alternative_names_and_never_matches_inside_iris(browser, seed_page):
    page, _, _ = open_page(browser, seed_page)
    # the seed names the committee by its short form too: 中关村管委会 (skos:altLabel)
    page.fill("#search", "中关村管委会")
    found = page.evaluate("policykg.state.highlighted")
    assert [page.evaluate("(id) => policykg.data.nodes.filter(function (n) { return n.id === id; })[0].full", i)
            for i in found] == ["中关村科技园区管理委员会"]
    page.fill("#search", "src")  # every IRI of the graph holds /src/
    assert page.evaluate("policykg.state.highlighted") == []
    page.close()


def test_a_dimmed_node_dims_its_label(browser, seed_page):
    page, _, _ = open_page(browser, seed_page)
    page.fill("#search", "保护中心")
    fonts = page.evaluate("""policykg.data.nodes.map(function (n) {
        return [policykg.state.highlighted.indexOf(n.id) >= 0, String(policykg.network.body.nodes[n.id].options.font.color)];
    })""")
    dimmed = {colour for kept, colour in fonts if not kept}
    kept = {colour for kept, colour in fonts if kept}
    assert dimmed == {"rgba(29, 36, 51, 0.2)"} and "rgba(29, 36, 51, 0.2)" not in kept
    page.fill("#search", "")
    after = page.evaluate("policykg.data.nodes.map(function (n) { "
                          "return String(policykg.network.body.nodes[n.id].options.font.color); })")
    assert "rgba(29, 36, 51, 0.2)" not in after
    page.close()


def test_the_side_panel_cites_the_iri_the_relations_and_each_sentences_file(browser, tmp_path):
    # the seed and a repost of it (another file, the same words): their agencies are shared nodes
    repost = tmp_path / "reposted.txt"
    repost.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    api.write(api.build([SEED, repost]), tmp_path)
    page, problems, _ = open_page(browser, tmp_path / "graph.html")
    shared = page.evaluate("""policykg.data.nodes.filter(function (n) {
        return n.full === '北京市知识产权局'; })[0]""")
    click_node(page, shared["id"])
    props = page.locator("#panel-props").inner_text()
    assert shared["id"] in props
    sources = page.locator("#panel-sources").inner_text()
    assert "原文 · source policy_text [" in sources and "原文 · source reposted [" in sources
    relations = page.locator("#panel-relations li")
    assert relations.count() == page.evaluate("(id) => policykg.data.edges.filter(function (e) { "
                                              "return e.from === id || e.to === id; }).length", shared["id"])
    first = relations.first.locator("a")
    name = first.inner_text()
    first.click()
    page.wait_for_function("(id) => policykg.state.selected && policykg.state.selected !== id", arg=shared["id"])
    assert page.locator("#panel-name").inner_text() == name
    assert problems == []
    page.close()


def test_node_size_follows_the_measure_picked_and_colours_hold(browser, seed_page):
    page, problems, _ = open_page(browser, seed_page)
    nodes = page.evaluate("policykg.data.nodes.map(function (n) { return [n.id, n.degree, n.betweenness]; })")
    most, least = max(nodes, key=lambda n: n[1]), min(nodes, key=lambda n: n[1])
    height = "(id) => { var b = policykg.network.getBoundingBox(id); return b.bottom - b.top; }"
    page.select_option("#size", "degree")
    assert page.evaluate(height, most[0]) > page.evaluate(height, least[0])
    assert page.evaluate(WRONG_COLOURS) == [], "after sizing by degree"
    page.select_option("#size", "betweenness")
    central = max(nodes, key=lambda n: n[2])
    assert central[2] > 0 and page.evaluate(height, central[0]) > page.evaluate(height, least[0])
    page.select_option("#size", "")
    assert page.evaluate(WRONG_COLOURS) == [] and problems == []
    page.close()


LABELLED = """(scale) => {
    policykg.network.moveTo({scale: scale, animation: false});
    policykg.network.redraw();
    return policykg.data.nodes.map(function (n) {
        return [n.id, n.degree, policykg.network.body.nodes[n.id].labelModule.visible()]; });
}"""


def test_labels_show_by_importance_at_every_zoom(browser, seed_page):
    page, problems, _ = open_page(browser, seed_page)
    close_up = page.evaluate(LABELLED, 2.0)
    assert all(shown for _, _, shown in close_up), "close up, every node is labelled"
    far = page.evaluate(LABELLED, 0.35)
    labelled = [degree for _, degree, shown in far if shown]
    unlabelled = [degree for _, degree, shown in far if not shown]
    assert labelled and unlabelled, "far out, some labels give way"
    assert min(labelled) >= max(unlabelled), "the labels kept are those of the most connected nodes"
    page.select_option("#size", "betweenness")  # sized by a measure, labels follow it
    nodes = {i: b for i, b in page.evaluate("policykg.data.nodes.map(function (n) { return [n.id, n.betweenness]; })")}
    far = page.evaluate(LABELLED, 0.2)
    labelled = [nodes[i] for i, _, shown in far if shown]
    assert labelled and min(labelled) >= max(nodes[i] for i, _, shown in far if not shown)
    assert problems == []
    page.close()


def test_edges_are_hidden_and_shown_by_relation(browser, seed_page):
    page, problems, _ = open_page(browser, seed_page)
    relation = page.evaluate("policykg.data.relations[0]")
    hidden = "policykg.edges.get().filter(function (e) { return e.hidden; }).length"
    box = page.locator(f"#relations input[data-relation='{relation['zh']}']")
    box.uncheck()
    assert page.evaluate(hidden) == relation["count"] > 0
    box.check()
    assert page.evaluate(hidden) == 0 and problems == []
    page.close()


def test_a_task_collapses_to_itself_and_expands_to_its_measures(browser, seed_page):
    page, problems, _ = open_page(browser, seed_page)
    task = EXPECTED["tasks"][0]  # its measures, as read off the text
    task_id = page.evaluate("(name) => policykg.data.nodes.filter(function (n) { return n.cls === 'Task' && "
                            "n.full.indexOf(name) >= 0; })[0].id", task["task"])
    measures = ("(id) => policykg.data.edges.filter(function (e) { return e.from === id; }).map(function (e) {"
                " return policykg.nodes.get(e.to); }).filter(function (n) { return n.id.indexOf('/measure/') >= 0; })")
    click_node(page, task_id)
    page.click("#collapse")
    below = page.evaluate(measures, task_id)
    assert len(below) == len(task["measures"]) and all(n["hidden"] for n in below)
    assert page.evaluate("(id) => policykg.nodes.get(id).hidden", task_id) is False
    page.click("input[data-class=Measure]")  # measures hidden as a class: expanding shows this task's own
    page.click("#expand")
    below = page.evaluate(measures, task_id)
    assert below and not any(n["hidden"] for n in below)
    assert page.evaluate(WRONG_COLOURS) == [] and problems == []
    page.close()


def test_a_link_reopens_the_view_and_the_view_saves_as_a_png(browser, seed_page):
    page, problems, _ = open_page(browser, seed_page)
    link, png, name = save_view(page)
    shown = page.evaluate(VISIBLE)
    assert name.endswith(".png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    again = browser.new_page(viewport={"width": 1400, "height": 900})
    more_problems = []
    again.on("pageerror", lambda e: more_problems.append(str(e)))
    again.goto(link)  # a new page: the link, as a colleague opens it
    again.wait_for_function("window.policykg && policykg.state.settled", timeout=120_000)
    assert again.evaluate("policykg.state.classes.Measure") is False
    assert again.input_value("#search") == "保护中心" and again.input_value("#size") == "degree"
    assert again.evaluate(VISIBLE) == shown
    assert abs(again.evaluate("policykg.network.getScale()") - float(link.split("zoom=")[1].split("%2C")[0])) < 0.01
    assert again.evaluate("policykg.state.highlighted.length") == page.evaluate("policykg.state.highlighted.length") > 0
    assert problems == [] and more_problems == []
    page.close()
    again.close()
