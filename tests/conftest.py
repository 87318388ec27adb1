"""Shared fixtures: the seed document built once per session, and helpers."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "policy_text.txt"
EXPECTATIONS = Path(__file__).parent / "expectations"
# Tests that `make check` leaves out (`make test` runs everything): whole files and folders that start
# servers, browsers, notebooks or whole corpora, beside single tests marked @pytest.mark.slow.
SLOW = ("browser/", "hardening/", "server/", "stores/test_remote.py", "test_readme.py", "test_notebook.py",
        "test_benchmarks.py", "test_quantity_eval.py", "test_agency_eval.py")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        where = Path(str(item.fspath)).relative_to(here).as_posix()
        if where.startswith(SLOW):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_build():
    from kg import api

    return api.build([SEED])


@pytest.fixture(scope="session")
def seed_extraction(seed_build):
    return seed_build.extractions[0]


@pytest.fixture(scope="session")
def seed_dataset(seed_build):
    from kg.query import with_graph

    return with_graph(seed_build.graph)


@pytest.fixture(scope="session")
def named(seed_dataset):
    """Run a named query on the seed graph; return its rows as dicts of strings."""
    from kg import api
    from kg.query import cell

    def run(name: str, **params):
        table = api.query(seed_dataset, named=name, params=params or None)
        return [{c: cell(t) for c, t in zip(table.columns, row)} for row in table.rows]

    return run


@pytest.fixture(scope="session")
def extract_text():
    """Extract records from a short text, as a document of its own."""
    from kg import api

    return api.extract_text


VIRTUOSO = "http://127.0.0.1:8890"


@pytest.fixture(scope="session")
def virtuoso():
    """A real SPARQL server for the push and remote-query tests: Virtuoso Open
    Source on 127.0.0.1:8890, started by .ci/virtuoso. Without it the tests
    skip, except in CI (CI=true), where a missing server is a failure."""
    import os

    import requests

    try:
        ok = requests.get(f"{VIRTUOSO}/sparql", params={"query": "ASK {}"}, timeout=5).ok
    except requests.exceptions.RequestException:
        ok = False
    if not ok:
        message = "Virtuoso is not answering on 127.0.0.1:8890; start it with .ci/virtuoso"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return {"query": f"{VIRTUOSO}/sparql", "gsp": f"{VIRTUOSO}/sparql-graph-crud-auth",
            "update": f"{VIRTUOSO}/sparql-auth", "user": "dba", "password": "dba"}


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven headless by Playwright (never `playwright install`).
    Without it the browser tests skip, except in CI (CI=true), where it is a failure."""
    import os
    import shutil

    executable = shutil.which("chromium") or "/usr/bin/chromium"
    message = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        message = "Playwright for Python is not installed (pip install -e '.[test]')"
    if message is None and not os.path.exists(executable):
        message = "chromium is not installed (apt-get install chromium)"
    if message:
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


# A real `policykg serve` process on a free loopback port (the server and browser tests).
def build_texts(folder: Path, texts: dict[str, str]) -> Path:
    """Write made-up documents (file name: text) into ``folder``, build them, and return the TriG."""
    from kg import api

    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = folder / "out"
    api.write(api.build([folder / name for name in texts]), out, with_html=False)
    return out / "graph.trig"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(*args):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", *map(str, args), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}/"
    for _ in range(300):
        if process.poll() is not None:
            raise AssertionError(f"the server exited: {process.stderr.read()}")
        try:
            if requests.get(url, timeout=1).ok:
                return process, url
        except requests.exceptions.ConnectionError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the server did not start within 30 s")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def watched_page(browser, url: str, own: str, **options):
    """A new browser page at ``url``, its errors and every request outside ``own`` (the page's own origin or
    scheme) recorded, the outside ones refused: (page, problems, outside)."""
    page = browser.new_page(**{"viewport": {"width": 1400, "height": 900}, **options})
    problems, outside = [], []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))

    def leave(route):
        outside.append(route.request.url)
        route.abort()

    page.route(lambda u: not u.startswith(own), leave)
    page.goto(url)
    return page, problems, outside


def save_view(page, before_link=None) -> tuple[str, bytes, str]:
    """Set a view on a graph page as a reader does (measures hidden, a search, sizes by degree; then
    ``before_link``, a script, if given), and save it both ways the page offers: the link its button gives,
    and the PNG its other button downloads (link, PNG bytes, the file name offered)."""
    from pathlib import Path

    page.click("input[data-class=Measure]")
    page.fill("#search", "保护中心")
    page.select_option("#size", "degree")
    if before_link:
        page.evaluate(before_link)
    page.click("#link")
    link = page.input_value("#link-text")
    with page.expect_download() as download:
        page.click("#png")
    return link, Path(download.value.path()).read_bytes(), download.value.suggested_filename

