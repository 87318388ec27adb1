"""Pushing to a real triple store (Virtuoso) and running the named questions there."""

from collections import Counter

import pytest
import requests

from conftest import ROOT
from kg import api
from kg.errors import QueryError, RemoteError
from kg.rdf import DEFAULT_BASE
from kg.query import cell, named_queries
from kg.stores.disk import PolicyStore
from kg.stores.push import push_sources
from kg.stores.source import GraphSource
from kg.query.values import with_values
from kg.stores.remote import RemoteBackend

FILES = [ROOT / "tests" / "data" / "corpus" / "06_anhui-iiot-policies-and-action-plan-2021.txt",
         ROOT / "tests" / "data" / "corpus" / "11_sta-rd-equipment-vat-refund-interpretation-2020.txt",
         ROOT / "data" / "policy_text.txt"]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("remote") / "store"
    api.build_store(FILES, path)
    return path


def _wipe(virtuoso):
    """Delete every policy-kg graph the server holds (earlier runs and tests leave some)."""
    answer = requests.get(virtuoso["query"], params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                                                               'FILTER STRSTARTS(STR(?g), "https://w3id.org/policy-kg/") }'},
                          headers={"Accept": "application/sparql-results+json"}, timeout=60).json()
    for b in answer["results"]["bindings"]:
        requests.delete(virtuoso["gsp"], params={"graph": b["g"]["value"]}, timeout=60,
                        auth=requests.auth.HTTPDigestAuth(virtuoso["user"], virtuoso["password"]))


def rows(table):
    return Counter(tuple(cell(t) for t in row) for row in table.rows)


@pytest.mark.parametrize("protocol", ["gsp", "update"])
def test_a_pushed_store_answers_every_named_question_as_the_store_does(virtuoso, store, protocol):
    local = PolicyStore(store, read_only=True)
    graphs = local.graphs()
    _wipe(virtuoso)
    report = push_sources(GraphSource(store=store), virtuoso[protocol], protocol=protocol,
                          user=virtuoso["user"], password=virtuoso["password"])
    assert report.failed == []
    assert sorted(g for g, _ in report.loaded) == graphs
    assert report.triples == len(local)
    remote = RemoteBackend(virtuoso["query"])
    for name in named_queries():
        assert rows(api.query(remote, named=name)) == rows(api.query(local.backend(), named=name)), name


def test_parameters_reach_the_server_as_terms_not_text(virtuoso, store):
    push_sources(GraphSource(store=store), virtuoso["gsp"], user=virtuoso["user"], password=virtuoso["password"])
    remote = RemoteBackend(virtuoso["query"])
    query = ("SELECT ?indicator WHERE { ?t a pol:Target ; pol:indicatorText ?indicator ; pol:value ?v "
             "FILTER (?v >= ?least) } ORDER BY ?indicator")
    table = api.query(remote, text="PREFIX pol: <https://w3id.org/policy-kg/ontology#>\n" + query,
                      params={"least:decimal": "18000"})
    assert {cell(r[0]) for r in table.rows} >= {"有效发明专利拥有量", "国际商标注册量"}
    hostile = api.query(remote, named="targets", params={"document": '" } ?s ?p ?o . { "'})
    assert hostile.rows == []


def test_a_failed_push_says_what_was_loaded_and_what_was_not(virtuoso, store):
    report = push_sources(GraphSource(store=store), virtuoso["gsp"], user=virtuoso["user"], password="wrong")
    assert report.loaded == [] and len(report.failed) == len(PolicyStore(store, read_only=True).graphs())
    assert "401" in report.failed[0][1]
    with pytest.raises(RemoteError, match="cannot connect"):
        RemoteBackend("http://127.0.0.1:9/sparql").select("SELECT * WHERE { ?s ?p ?o }", {})


def test_a_trig_file_pushes_its_graphs_and_a_turtle_file_needs_a_graph_name(virtuoso, tmp_path):
    api.write(api.build([FILES[2]]), tmp_path, with_html=False)
    report = push_sources(GraphSource([tmp_path / "graph.trig"]), virtuoso["gsp"], user=virtuoso["user"],
                          password=virtuoso["password"])
    assert f"{DEFAULT_BASE}src/policy_text" in [g for g, _ in report.loaded]
    from kg.errors import InputError
    with pytest.raises(InputError, match="--graph"):
        push_sources(GraphSource([tmp_path / "graph.ttl"]), virtuoso["gsp"])


def test_values_go_into_the_where_group():
    from rdflib import Literal

    text = 'PREFIX p: <http://x/y#> # a { in a comment\nSELECT ?a (CONCAT("{", ?b) AS ?c) WHERE { ?a p:q ?b FILTER (?b < ?by) }'
    bound = with_values(text, {"by": Literal('x"} ?s ?p ?o {')})
    assert bound.index("VALUES") > bound.index("WHERE")
    assert '"x\\"} ?s ?p ?o {"' in bound
    with pytest.raises(QueryError, match="not an IRI"):
        from rdflib import URIRef
        with_values(text, {"by": URIRef("http://x/> } ?s ?p ?o { <")})


def test_a_refused_password_is_found_before_a_large_body_is_sent():
    # A server that refuses the password and drops the connection on a request with a body
    # (as Virtuoso may while a large graph is still being uploaded): the push must still say 401.
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from kg.stores.remote import push

    seen = []

    class Refusing(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _refuse(self):
            seen.append(self.command)
            if int(self.headers.get("Content-Length") or 0):
                self.close_connection = True
                self.connection.shutdown(2)  # drop it without reading the body
                return
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="x"')
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_HEAD = do_PUT = do_POST = _refuse

    server = HTTPServer(("127.0.0.1", 0), Refusing)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        import pyoxigraph as ox
        triple = ox.Triple(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/b"), ox.Literal("c"))
        url = f"http://127.0.0.1:{server.server_port}/gsp"
        report = push([("http://x/g1", lambda: iter([triple] * 5000)), ("http://x/g2", lambda: iter([triple]))],
                      url, user="dba", password="wrong")
    finally:
        server.shutdown()
    assert report.loaded == [] and "HTTP 401" in report.failed[0][1]
    assert "not attempted" in report.failed[1][1] and "PUT" not in seen


class _CuttingServer:
    """A SPARQL endpoint on 127.0.0.1 that answers every query with two rows and says it cut them off
    at its limit of two (as Virtuoso does with X-SPARQL-MaxRows)."""

    def __init__(self):
        import json
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        body = json.dumps({"head": {"vars": ["agency"]}, "results": {"bindings": [
            {"agency": {"type": "literal", "value": "甲"}}, {"agency": {"type": "literal", "value": "乙"}}]}}).encode()

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("X-SPARQL-MaxRows", "2")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def test_an_answer_cut_off_at_the_servers_row_limit_is_an_error_unless_allowed():
    from click.testing import CliRunner

    from kg.cli import cli

    server = _CuttingServer()
    try:
        query = "SELECT ?agency WHERE { ?a <http://www.w3.org/2004/02/skos/core#prefLabel> ?agency }"
        cut = CliRunner().invoke(cli, ["query", "--endpoint", server.url, query])
        assert cut.exit_code != 0 and "cut the answer off at its limit of 2 rows" in cut.output
        assert "--allow-partial" in cut.output and "甲" not in cut.output
        taken = CliRunner().invoke(cli, ["query", "--endpoint", server.url, "--allow-partial", query])
        assert taken.exit_code == 0 and "甲" in taken.output and "乙" in taken.output
        assert "warning: only the first 2 rows" in taken.output
    finally:
        server.close()


def test_a_second_corpus_adds_to_the_shared_graph_on_the_server(virtuoso, store, tmp_path):
    other = tmp_path / "other"
    api.build_store([ROOT / "tests" / "data" / "corpus" / "05_beijing-data-zone-guiding-opinions-2022.txt"], other)
    _wipe(virtuoso)
    auth = {"user": virtuoso["user"], "password": virtuoso["password"]}
    first = push_sources(GraphSource(store=store), virtuoso["gsp"], **auth)
    assert first.failed == [] and first.merged == [DEFAULT_BASE + "graph/shared"]
    remote = RemoteBackend(virtuoso["query"])
    before = rows(api.query(remote, named="agency_ranking"))
    second = push_sources(GraphSource(store=other), virtuoso["update"], protocol="update", **auth)
    assert second.failed == [] and second.merged == [DEFAULT_BASE + "graph/shared"]
    after = rows(api.query(remote, named="agency_ranking"))
    # the first corpus's agencies keep their names and their ranks; the second's join them
    assert sum(after.values()) > sum(before.values())
    for row in before:
        assert any(r[0] == row[0] for r in after), row
