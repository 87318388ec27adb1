"""The WebGL page (the one a corpus gets) in a real browser, on the seed drawn with sigma.js: expanding and
collapsing a node, a link that reopens the view, and the view saved as a PNG. (test_large_page.py times
it at corpus size.)"""

import io

import pytest
import yaml

from conftest import EXPECTATIONS, save_view, watched_page

EXPECTED = yaml.safe_load((EXPECTATIONS / "seed.yaml").read_text(encoding="utf-8"))
SHOWN = ("policykg.graph.filterNodes(function (n) { var d = policykg.renderer.getNodeDisplayData(n);"
         " return d && !d.hidden; }).length")


@pytest.fixture(scope="module")
def webgl_page(tmp_path_factory, seed_build):
    from kg.views.html import render
    from kg.views.network import to_networkx

    path = tmp_path_factory.mktemp("webgl") / "graph.html"
    path.write_text(render(to_networkx(seed_build.graph), "seed", renderer="webgl"), encoding="utf-8")
    return path


def open_page(browser, path):
    page, problems, outside = watched_page(browser, path.as_uri(), "file:")
    page.wait_for_function("window.policykg && policykg.state.firstDraw !== null", timeout=60_000)
    return page, problems, outside


def test_a_task_collapses_to_itself_and_expands_to_its_measures(browser, webgl_page):
    page, problems, _ = open_page(browser, webgl_page)
    task = EXPECTED["tasks"][0]  # its measures, as read off the text
    task_id = page.evaluate("(name) => policykg.data.nodes.filter(function (n) { return n[policykg.N.details].full"
                            ".indexOf(name) >= 0 && n[policykg.N.id].indexOf('/task/') >= 0; })[0][0]", task["task"])
    measures = ("(id) => policykg.graph.outNeighbors(id).filter(function (m) { return m.indexOf('/measure/') >= 0; })"
                ".map(function (m) { var d = policykg.renderer.getNodeDisplayData(m); return !d || d.hidden; })")
    page.evaluate("(id) => policykg.open(id)", task_id)
    page.click("#collapse")
    assert page.evaluate(measures, task_id) == [True] * len(task["measures"])  # all hidden
    page.click("input[data-class=Measure]")  # measures hidden as a class: expanding shows this task's own
    page.click("#expand")
    assert page.evaluate(measures, task_id) == [False] * len(task["measures"])
    assert page.evaluate(SHOWN) < page.evaluate("policykg.graph.order")  # the other measures stay hidden
    assert problems == []
    page.close()


def test_a_link_reopens_the_view_and_the_view_saves_as_a_png(browser, webgl_page):
    from PIL import Image

    page, problems, _ = open_page(browser, webgl_page)
    link, png, name = save_view(page, "policykg.renderer.getCamera().setState({x: 0.4, y: 0.6, ratio: 0.5})")
    shown, found = page.evaluate(SHOWN), page.evaluate("Object.keys(policykg.state.matched || {}).length")
    assert found == 2  # both protection centres
    assert name.endswith(".png")
    with Image.open(io.BytesIO(png)) as im:
        colours = im.convert("RGB").getcolors(maxcolors=1 << 20)
    assert im.format == "PNG" and len(colours) > 10  # the graph drawn on it, not a blank canvas
    again, more_problems, _ = watched_page(browser, link, "file:")  # a new page: the link, as a colleague opens it
    again.wait_for_function("window.policykg && policykg.state.firstDraw !== null", timeout=60_000)
    assert again.evaluate("policykg.state.classes.Measure") is False
    assert again.input_value("#search") == "保护中心" and again.input_value("#size") == "degree"
    assert again.evaluate(SHOWN) == shown
    assert again.evaluate("Object.keys(policykg.state.matched || {}).length") == found
    assert abs(again.evaluate("policykg.renderer.getCamera().getState().ratio") - 0.5) < 1e-3
    assert problems == [] and more_problems == []
    page.close()
    again.close()
