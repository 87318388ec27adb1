"""`policykg serve`, tested as a researcher's client sees it: a real server
process on a free loopback port, queried with SPARQLWrapper and plain HTTP."""

import time

import pytest
import requests
import yaml
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from conftest import ROOT, start, stop
from kg import api
from kg.query import cell, named_query
from kg.stores.disk import PolicyStore

FILES = [ROOT / "data" / "policy_text.txt",
         ROOT / "tests" / "data" / "corpus" / "05_beijing-data-zone-guiding-opinions-2022.txt"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "store"
    api.build_store(FILES, path)
    return path


@pytest.fixture(scope="module")
def server(store):
    process, url = start("--store", store, "--timeout", "3", "--max-result-mb", "0.2")
    yield url
    stop(process)


def client(url, query, fmt=JSON):
    sparql = SPARQLWrapper(url + "sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod("POST")
    return sparql.query()


def test_a_named_question_answers_over_http_as_it_does_on_the_store(server, store):
    answer = client(server, named_query("targets").text).convert()
    remote = [[b.get(v, {}).get("value", "") for v in answer["head"]["vars"]] for b in answer["results"]["bindings"]]
    local = api.query(PolicyStore(store, read_only=True).backend(), named="targets")
    assert answer["head"]["vars"] == local.columns
    # The same rows in the same order (decimals may be written 86000 or 86000.0).
    assert [[c.removesuffix(".0") for c in row] for row in remote] == [[cell(t) for t in row] for row in local.rows]


@pytest.mark.parametrize("fmt, media", [(JSON, "application/sparql-results+json"),
                                        (XML, "application/sparql-results+xml"), (CSV, "text/csv")])
def test_results_come_in_the_format_asked_for(server, fmt, media):
    response = client(server, "SELECT ?a WHERE { ?a a pol:Agency } ORDER BY ?a", fmt)
    assert response.info()["content-type"].startswith(media)
    tsv = requests.get(server + "sparql", params={"query": "SELECT ?a WHERE { ?a a pol:Agency }"},
                       headers={"Accept": "text/tab-separated-values"}, timeout=30)
    assert tsv.headers["content-type"].startswith("text/tab-separated-values") and tsv.text.startswith("?a")


def test_construct_and_describe_come_as_turtle_or_json_ld(server):
    turtle = client(server, "CONSTRUCT { ?a ?p ?o } WHERE { ?a a pol:Agency ; ?p ?o }", TURTLE).convert()
    graph = Graph().parse(data=turtle, format="turtle")
    assert len(graph) > 5
    response = requests.post(server + "sparql", data={"query": "DESCRIBE ?a WHERE { ?a a pol:Agency } LIMIT 1"},
                             headers={"Accept": "application/ld+json"}, timeout=30)
    assert response.headers["content-type"].startswith("application/ld+json")
    assert len(Graph().parse(data=response.text, format="json-ld")) > 0


def test_a_malformed_query_is_a_400_with_the_parsers_message(server):
    with pytest.raises(QueryBadFormed):
        client(server, "SELECT ?a WHERE { ?a a }")
    response = requests.get(server + "sparql", params={"query": "SELECT ?a WHERE { ?a a }"}, timeout=30)
    assert response.status_code == 400 and "malformed SPARQL" in response.text


def test_the_endpoint_is_read_only_by_default(server):
    response = requests.post(server + "sparql", data={"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, timeout=30)
    assert response.status_code == 403 and "--allow-update" in response.text


def test_a_query_over_the_time_limit_is_stopped_and_the_server_goes_on(server):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    response = requests.get(server + "sparql", params={"query": slow}, timeout=60)
    assert response.status_code == 503 and "limit of 3 s" in response.text
    assert time.monotonic() - started < 15
    assert client(server, "ASK { ?a a pol:Agency }").convert()["boolean"] is True


def test_a_result_over_the_size_limit_is_refused(server):
    response = requests.get(server + "sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, timeout=60)
    assert response.status_code == 413 and "LIMIT" in response.text


def test_the_page_offers_the_named_questions_and_serves_its_editor_itself(server):
    import re

    page = requests.get(server, timeout=30).text
    assert "agency_ranking" in page
    assets = re.findall(r'(?:src|href)="([^"#]+)"', page)
    assert assets and not [a for a in assets if "//" in a]  # no CDN: every file from the server
    for asset in assets:
        response = requests.get(server + asset, timeout=30)
        assert response.status_code == 200 and len(response.content) > 10_000
    listed = requests.get(server + "queries", timeout=30).json()
    assert {q["name"] for q in listed} >= {"targets", "growth", "facts"}


def test_a_named_question_keeps_the_rows_its_fields_ask_for(server):
    whole = requests.get(server + "queries/targets", timeout=30).json()
    kept = requests.get(server + "queries/targets", params={"unit": "件", "comparator": ">="}, timeout=30).json()
    rows = [r.split(",") for r in requests.post(server + "sparql", data={"query": kept["text"]},
                                                 headers={"Accept": "text/csv"}, timeout=30).text.splitlines()]
    header, rows = rows[0], rows[1:]
    assert whole["columns"] == kept["columns"] and rows
    assert {(r[header.index("unit")], r[header.index("comparator")]) for r in rows} == {("件", ">=")}
    assert requests.get(server + "queries/targets", params={"colour": "red"}, timeout=30).status_code == 400
    assert requests.get(server + "queries/no_such_question", timeout=30).status_code == 404


def test_updates_are_taken_when_allowed(tmp_path):
    path = tmp_path / "store"
    api.build_store(FILES[:1], path)
    process, url = start("--store", path, "--allow-update", "--update-token", "t0ken")
    try:
        insert = "INSERT DATA { GRAPH <urn:notes> { <urn:x> <urn:note> \"读过\" } }"
        response = requests.post(url + "sparql", data=insert.encode("utf-8"), timeout=30,
                                 headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer t0ken"})
        assert response.status_code == 204
        answer = client(url, "SELECT ?n WHERE { <urn:x> <urn:note> ?n }").convert()
        assert [b["n"]["value"] for b in answer["results"]["bindings"]] == ["读过"]
    finally:
        stop(process)


def test_rdf_files_can_be_served_too(tmp_path):
    api.write(api.build(FILES[:1]), tmp_path, with_html=False)
    process, url = start(tmp_path / "graph.trig")
    try:
        answer = client(url, "SELECT (COUNT(*) AS ?n) WHERE { ?t a pol:Target }").convert()
        expected = yaml.safe_load((ROOT / "tests" / "expectations" / "seed.yaml").read_text(encoding="utf-8"))
        assert answer["results"]["bindings"][0]["n"]["value"] == str(len(expected["targets"]))
    finally:
        stop(process)


def test_a_port_in_use_is_one_clear_line(server, store):
    from click.testing import CliRunner

    from kg.cli import cli

    port = server.rstrip("/").rsplit(":", 1)[1]
    result = CliRunner().invoke(cli, ["serve", "--store", str(store), "--port", port])
    assert result.exit_code == 1 and "cannot listen on 127.0.0.1:" in result.output and "--port" in result.output


def test_in_memory_workers_answer_as_the_store_does(store):
    # --in-memory: each worker queries a copy of the store; the answers are the store's.
    from kg.query import named_queries

    process, url = start("--store", store, "--in-memory", "--workers", "1")
    try:
        held = PolicyStore(store, read_only=True)
        for name in ("targets", "responsibilities", "documents", "facts"):
            # Plain HTTP: SPARQLWrapper takes the documents question for an update (ADD, in "addressees").
            answer = requests.post(url + "sparql", data={"query": named_query(name).text},
                                   headers={"Accept": "application/sparql-results+json"}, timeout=60).json()
            remote = [[b.get(v, {}).get("value", "") for v in answer["head"]["vars"]]
                      for b in answer["results"]["bindings"]]
            local = api.query(held.backend(), named=name)
            assert len(remote) == len(local.rows) > 0, name
            assert [[c.removesuffix(".0") for c in row] for row in remote] == \
                [[cell(t) for t in row] for row in local.rows], name
        memory = held.backend(in_memory=True)
        for name in named_queries():
            assert api.query(memory, named=name).rows == api.query(held.backend(), named=name).rows, name
    finally:
        stop(process)


def test_named_questions_are_served_without_their_comment_header(server):
    catalogue = requests.get(server + "queries", timeout=30).json()
    assert catalogue and all(not q["text"].lstrip().startswith("#") for q in catalogue)
    documents = next(q for q in catalogue if q["name"] == "documents")
    assert "addressees" not in documents["text"].split("SELECT")[0]  # the header's words are gone
    # SPARQLWrapper reads the kind of a query from its text: a SELECT, not an update or an ASK
    wrapper = SPARQLWrapper(server + "sparql")
    wrapper.setQuery(documents["text"])
    assert wrapper.queryType == "SELECT"


@pytest.mark.parametrize("name, accept, media", [
    ("json-ld", "*/*", "application/ld+json"),
    ("rdf+xml", "*/*", "application/rdf+xml"),
    ("n3", "*/*", "text/turtle"),
    ("xml", "application/rdf+xml", "application/rdf+xml"),  # SPARQLWrapper's format=xml on a CONSTRUCT
    ("application/n-triples", "*/*", "application/n-triples"),
])
def test_format_names_that_clients_send_are_understood(server, name, accept, media):
    construct = "CONSTRUCT { ?t a <urn:x> } WHERE { ?t a pol:Target } LIMIT 2"
    response = requests.get(server + "sparql", params={"query": construct, "format": name},
                            headers={"Accept": accept}, timeout=30)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media)


def test_an_unknown_prefix_is_named_in_the_400(server):
    response = requests.get(server + "sparql", params={"query": "SELECT * WHERE { ?s foo:bar ?o }"}, timeout=30)
    assert response.status_code == 400
    assert "unknown prefix foo:" in response.text and "PREFIX foo:" in response.text and "pol" in response.text


def test_health_and_an_access_log(store, tmp_path):
    log = tmp_path / "access.log"
    process, url = start("--store", store, "--access-log", log)
    try:
        health = requests.get(url + "health", timeout=30).json()
        assert health["status"] == "ok" and health["pending"] == 0
        client(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 1").convert()
        requests.get(url + "no-such-page", timeout=30)
    finally:
        stop(process)
    lines = log.read_text(encoding="utf-8").splitlines()
    assert any(" GET /health 200 " in ln for ln in lines)
    assert any("/sparql 200 " in ln for ln in lines) and any(" /no-such-page 404 " in ln for ln in lines)
