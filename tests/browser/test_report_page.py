"""The report's page (`policykg report`, report.html) in a real browser: offline, its chart drawn."""

import pytest

from conftest import ROOT, SEED, watched_page
from kg import api

SCREENSHOTS = ROOT / "tests" / "screenshots"


@pytest.fixture(scope="module")
def report_page(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    api.write(api.build([SEED]), out, with_html=False)
    return api.report([out / "graph.trig"], outdir=out / "report")["report.html"]


def test_the_report_page_opens_offline_with_its_chart_drawn(browser, report_page):
    page, problems, outside = watched_page(browser, report_page.as_uri(), "file:")
    page.wait_for_load_state("load")
    chart = page.locator("img[alt='targets against baselines']")
    assert chart.count() == 1
    # the chart is decoded, not a broken image: an embedded PNG of real size
    assert chart.evaluate("(img) => img.complete && img.naturalWidth") > 400
    # the seed's targets are listed in the page's table (an indicator the reader finds in it)
    assert page.locator("text=PCT").count() >= 1
    SCREENSHOTS.mkdir(exist_ok=True)
    chart.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "seed-report.png"))
    assert problems == [] and outside == []
    page.close()
