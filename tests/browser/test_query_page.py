"""The endpoint's query page (YASGUI, vendored) in a real browser: what a researcher does with it."""

import pytest
import yaml

from conftest import EXPECTATIONS, ROOT, SEED, start, stop, watched_page
from kg import api

EXPECTED = yaml.safe_load((EXPECTATIONS / "seed.yaml").read_text(encoding="utf-8"))
SCREENSHOTS = ROOT / "tests" / "screenshots"
ROWS = ".yasr table.dataTable tbody tr"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    store = tmp_path_factory.mktemp("query-page") / "store"
    api.build_store([SEED], store)
    process, url = start("--store", store)
    yield url
    stop(process)


def open_page(browser, url: str):
    own = url.split("/?")[0].rstrip("/")
    page, problems, outside = watched_page(browser, url, own, viewport={"width": 1400, "height": 1000},
                                           accept_downloads=True)
    page.wait_for_function("window.policykg && policykg.yasgui", timeout=30_000)
    return page, problems, outside


def column(page, name: str) -> list[str]:
    heads = page.locator(".yasr table.dataTable thead th").all_inner_texts()
    k = [h.strip() for h in heads].index(name)
    return [row.locator("td").nth(k).inner_text().strip() for row in page.locator(ROWS).all()]


def test_a_named_question_runs_offline_in_a_sortable_paged_table(browser, endpoint):
    page, problems, outside = open_page(browser, endpoint)
    page.select_option("#named", "targets")
    page.evaluate("policykg.yasgui.getTab().getYasqe().query()")
    page.wait_for_selector(ROWS, timeout=30_000)
    # every target of the seed, one row each (the expectations were read off the text)
    assert page.locator(ROWS).count() == len(EXPECTED["targets"])
    assert page.locator(".yasr select[name$='_length'], .yasr .pageSizeWrapper select").count() >= 1  # paged
    page.locator(".yasr table.dataTable thead th", has_text="indicator").first.click()
    shown = column(page, "indicator")
    assert shown == sorted(shown) and set(shown) == {t["indicator"] for t in EXPECTED["targets"]}
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "query-page.png"), full_page=True)
    assert problems == [] and outside == []
    page.close()


def test_a_fields_value_keeps_only_its_rows_and_the_csv_is_named_after_the_question(browser, endpoint):
    page, problems, outside = open_page(browser, endpoint)
    page.select_option("#named", "targets")
    page.fill("#fields input[name=unit]", "家")
    page.press("#fields input[name=unit]", "Enter")
    page.wait_for_function("(rows) => policykg.yasgui.getTab().getYasqe().getValue().indexOf('FILTER') >= 0 && "
                           "document.querySelectorAll(rows).length > 0", arg=ROWS, timeout=30_000)
    page.wait_for_function("() => /results? in/.test(document.querySelector('.yasr').innerText)", timeout=30_000)
    wanted = [t for t in EXPECTED["targets"] if t["unit"] == "家"]
    assert page.locator(ROWS).count() == len(wanted) and set(column(page, "unit")) == {"家"}
    with page.expect_download() as download:
        page.locator(".yasr .yasr_downloadIcon").click()
    assert download.value.suggested_filename == "targets.csv"
    assert problems == [] and outside == []
    page.close()


def test_a_link_with_a_query_opens_and_runs_it(browser, endpoint):
    from urllib.parse import urlencode

    query = "PREFIX pol: <https://w3id.org/policy-kg/ontology#> SELECT ?t WHERE { ?t a pol:Target }"
    page, problems, outside = open_page(browser, endpoint + "?" + urlencode({"query": query}))
    page.wait_for_selector(ROWS, timeout=30_000)
    assert page.evaluate("policykg.yasgui.getTab().getYasqe().getValue()") == query
    assert page.locator(ROWS).count() == len(EXPECTED["targets"])
    shared = page.get_attribute("#share", "href")
    assert "query=" in shared and "pol%3ATarget" in shared  # the page's own link carries the query on
    assert problems == [] and outside == []
    page.close()


def test_prefixes_are_completed_without_the_network(browser, endpoint):
    page, problems, outside = open_page(browser, endpoint)
    page.evaluate("policykg.yasgui.getTab().getYasqe().setValue('')")
    page.click(".yasqe .CodeMirror")
    page.keyboard.type("PREFIX foa")
    page.keyboard.press("Control+Space")
    page.wait_for_selector(".CodeMirror-hints li", timeout=10_000)
    hints = page.locator(".CodeMirror-hints li").all_inner_texts()
    assert any(h.startswith("foaf:") and "xmlns.com/foaf" in h for h in hints)
    assert problems == [] and outside == []
    page.close()
