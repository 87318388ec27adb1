"""The endpoint left running: what it refuses, what it bounds, and how it holds under load."""

import sys

import pytest
import requests

from conftest import ROOT, SEED
from kg import api

sys.path.insert(0, str(ROOT / "tests" / "server"))
from test_serve import start, stop  # noqa: E402
sys.path.insert(0, str(ROOT / "tests" / "hardening"))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("endpoint") / "store"
    api.build_store([SEED, ROOT / "tests" / "data" / "corpus"], path)
    return path


@pytest.fixture(scope="module")
def server(store):
    process, url = start("--store", store, "--allow-update", "--update-token", TOKEN, "--max-rows", "50")
    yield url, process
    stop(process)


TOKEN = "a-token-for-the-tests"


def ask(url, method="POST", **kwargs):
    headers = {"Authorization": f"Bearer {TOKEN}", **kwargs.pop("headers", {})}
    return requests.request(method, url + "sparql", timeout=60, headers=headers, **kwargs)


@pytest.mark.parametrize("field, text, word", [
    ("query", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("update", "LOAD <file:///etc/passwd>", "LOAD"),
    ("update", "load <file:///etc/hostname> INTO GRAPH <urn:x>", "LOAD"),
    ("update", "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", "SERVICE"),
])
def test_what_reaches_outside_the_graph_is_refused_even_with_updates_allowed(server, field, text, word):
    url, _ = server
    response = ask(url, data={field: text})
    assert response.status_code == 403 and word in response.text and f"--allow-{word.lower()}" in response.text


def test_keywords_inside_strings_and_names_are_not_operations(server):
    url, _ = server
    response = ask(url, data={"query": 'SELECT ?service WHERE { ?load ?p "SERVICE LOAD" } LIMIT 1'},
                   headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200


def test_no_file_of_the_server_is_readable(server):
    url, _ = server
    response = ask(url, data={"query": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o } LIMIT 5"},
                   headers={"Accept": "text/csv"})
    assert response.status_code == 200, response.text  # FROM names a graph of the store; no file is read
    for path in ("etc/passwd", "../manifest.json", "sparql/../../etc/passwd", "static/../oxigraph/CURRENT", "favicon.ico"):
        assert requests.get(url + path, timeout=30).status_code == 404, path


def test_rows_and_request_bodies_are_bounded(server):
    url, _ = server
    for accept in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                   "text/tab-separated-values"):
        too_many = ask(url, data={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Accept": accept})
        assert too_many.status_code == 413 and "more than 50 rows" in too_many.text, accept
        enough = ask(url, data={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 50"}, headers={"Accept": accept})
        assert enough.status_code == 200, accept
    huge = ask(url, data=b"query=" + b"A" * 11_000_000, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert huge.status_code == 413


def test_a_malformed_request_is_a_400_and_the_server_goes_on(server):
    url, _ = server
    assert ask(url, data={"query": "SELECT WHERE {"}).status_code == 400
    assert ask(url, data={"query": "x", "update": "y"}).status_code == 400
    assert ask(url, "GET").status_code == 400
    assert ask(url, data="\xff".encode("latin-1"), headers={"Content-Type": "application/sparql-query"}).status_code == 400
    assert ask(url, data={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+json"}).json() == {
        "head": {}, "boolean": True}


def test_twenty_clients_for_a_few_seconds_get_no_errors_and_memory_stays_flat(store):
    from loadtest import run

    process, url = start("--store", store)
    try:
        report = run(url, process.pid, clients=20, seconds=5)
    finally:
        stop(process)
    assert report["errors"] == 0, report["first_errors"]
    assert report["requests"] >= 20
    assert report["rss_after_mb"] <= report["rss_before_mb"] * 1.5 + 50, report


def test_twenty_clients_get_no_errors_while_four_abandon_cross_products(store):
    from loadtest import run

    process, url = start("--store", store)
    try:
        report = run(url, process.pid, clients=20, seconds=8, abandoning=4)
    finally:
        stop(process)
    assert report["abandoned"] >= 4, report  # the impatient clients did give up on running queries
    assert report["errors"] == 0, report["first_errors"]
    assert report["requests"] >= 20, report
    assert report["rss_after_mb"] <= report["rss_before_mb"] * 1.5 + 50, report


class _Listener:
    """A socket on 127.0.0.1 that counts the connections it is offered."""

    def __init__(self):
        import socket
        import threading

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port, self.connections, self.running = self.sock.getsockname()[1], 0, True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.running = False
        self.thread.join(timeout=2)
        self.sock.close()


@pytest.mark.parametrize("field, template", [
    # a # inside a prefixed name, valid SPARQL, hid the rest of the line from the old guard
    ("query", "PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ex:a\\#b ?o . SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"),
    # a # written as a \u escape inside an IRI
    ("query", "SELECT * WHERE {{ ?s <http://e/\\u0023x> ?o . SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"),
    ("update", "PREFIX ex: <http://e/> INSERT {{ ?s ?p ?o }} WHERE {{ ?s ex:a\\#b ?o . SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}"),
    ("update", "PREFIX ex: <http://e/> INSERT DATA {{ ex:a\\#b ex:p 1 }} ; LOAD <http://127.0.0.1:{port}/x.ttl>"),
])
def test_hidden_outside_calls_are_refused_and_nothing_is_sent(server, field, template):
    url, _ = server
    listener = _Listener()
    try:
        response = ask(url, data={field: template.format(port=listener.port)})
        assert response.status_code == 403, response.text
        assert listener.connections == 0
    finally:
        listener.close()


def test_an_update_needs_the_token_and_the_servers_own_origin(server):
    url, _ = server
    insert = {"update": "INSERT DATA { GRAPH <urn:attack> { <urn:a> <urn:b> <urn:c> } }"}
    count = {"query": "ASK { GRAPH <urn:attack> { ?s ?p ?o } }"}
    json = {"Accept": "application/sparql-results+json"}
    no_token = requests.post(url + "sparql", data=insert, timeout=60)
    assert no_token.status_code == 401 and "Authorization: Bearer" in no_token.text
    wrong = requests.post(url + "sparql", data=insert, timeout=60, headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 401
    # a page of another site, with the token (a browser would send its cookies, not this; still refused)
    other = ask(url, data={"update": "DROP ALL"}, headers={"Origin": "http://evil.example"})
    assert other.status_code == 403 and "--cors http://evil.example" in other.text
    assert ask(url, data={"query": "ASK { ?s ?p ?o }"}, headers=json).json()["boolean"] is True  # nothing dropped
    assert ask(url, data=count, headers=json).json()["boolean"] is False
    own = url.rstrip("/")
    assert ask(url, data=insert, headers={"Origin": own}).status_code == 204
    assert ask(url, data=count, headers=json).json()["boolean"] is True


def test_a_failed_update_says_why_and_the_next_one_runs(server):
    url, process = server
    failed = ask(url, data={"update": "CLEAR GRAPH <urn:no-such-graph>"})
    assert failed.status_code == 400 and "does not exist" in failed.text and "changed nothing" in failed.text
    after = ask(url, data={"update": "INSERT DATA { GRAPH <urn:after-failure> { <urn:a> <urn:b> <urn:c> } }"})
    assert after.status_code == 204, after.text
    json = {"Accept": "application/sparql-results+json"}
    assert ask(url, data={"query": "ASK { GRAPH <urn:after-failure> { ?s ?p ?o } }"}, headers=json).json()["boolean"]


def test_queries_whose_clients_went_away_stop_and_do_not_stall_the_next(store):
    import threading
    import time

    process, url = start("--store", store, "--workers", "1", "--timeout", "120")
    try:
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"

        def abandon():
            try:
                requests.post(url + "sparql", data={"query": heavy}, timeout=1.5)
            except requests.exceptions.RequestException:
                pass  # the client gives up after 1.5 s and goes away

        clients = [threading.Thread(target=abandon) for _ in range(4)]
        for c in clients:
            c.start()
        for c in clients:
            c.join()
        started = time.monotonic()
        answer = requests.post(url + "sparql", data={"query": "ASK {}"}, timeout=60,
                               headers={"Accept": "application/sparql-results+json"})
        waited = time.monotonic() - started
        assert answer.status_code == 200 and answer.json()["boolean"] is True
        assert waited < 20, f"the next query waited {waited:.1f} s behind abandoned ones"  # was 60 s and more
    finally:
        stop(process)


def test_a_request_may_ask_for_a_shorter_time_limit(server):
    url, _ = server
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    answer = ask(url, data={"query": heavy, "timeout": "1"})
    assert answer.status_code == 503 and "limit of 1 s" in answer.text and answer.headers.get("Retry-After")
