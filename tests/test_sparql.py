import csv
import io
import json

import pytest

from kg import api
from kg.errors import QueryError
from kg.query import named_queries, run, to_csv, to_json, to_text

REQUIRED = {
    "targets": "indicator, comparator, value, value_max, unit, deadline, scope, period, task, sentence",
    "baselines": "indicator, comparator, value, unit, year, scope, sentence",
    "agencies": "agency, label, type, canonical",
    "tasks": "task_order, task, measure_order, measure",
    "responsibilities": "agency, role, subject",
    "problems": "problem, sentence",
    "features": "feature, sentence",
    "documents": "document, title, short_title, kind, period_start, period_end, published, source_url",
}


@pytest.mark.parametrize("name, columns", REQUIRED.items())
def test_required_named_queries_keep_their_columns_first(seed_dataset, name, columns):
    """The columns of the first issue stay, in order; new ones come only at the end."""
    expected = [c.strip() for c in columns.split(",")]
    got = api.query(seed_dataset, named=name).columns
    assert list(named_queries()[name].columns) == got
    assert got[: len(expected)] == expected


# Questions the seed cannot answer, and why (tests/views/test_collaboration.py asks them of documents
# that can): they must then answer nothing.
SILENT_ON_THE_SEED = {"co_issuance": "the seed, an interpretation, names no body that issued it",
                      "in_force": "the seed says nothing of when a document enters into force or is repealed"}


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_states_its_question_and_returns_its_columns(seed_dataset, name):
    nq = named_queries()[name]
    assert nq.question.endswith("?")
    table = api.query(seed_dataset, named=name)
    assert table.columns == list(nq.columns)
    if name in SILENT_ON_THE_SEED:
        assert not table.rows, f"{name} answers on the seed, though {SILENT_ON_THE_SEED[name]}"
    else:
        assert table.rows, f"{name} returns nothing on the seed"


def test_csv_has_plain_decimals_and_empty_cells(seed_dataset):
    rows = list(csv.DictReader(io.StringIO(to_csv(api.query(seed_dataset, named="targets")))))
    values = {r["value"] for r in rows}
    assert "150000" in values and "86000" not in values
    assert not any("." in v or "E" in v for v in values)
    assert any(r["value_max"] == "" for r in rows) and any(r["value_max"] == "10" for r in rows)


def test_json_is_sparql_results_json(seed_dataset):
    data = json.loads(to_json(api.query(seed_dataset, named="agencies")))
    assert data["head"]["vars"] == ["agency", "label", "type", "canonical"]
    first = data["results"]["bindings"][0]
    assert first["agency"]["type"] == "uri" and first["label"]["type"] == "literal"


def test_text_table_counts_rows(seed_dataset):
    text = to_text(api.query(seed_dataset, named="features"))
    assert text.rstrip().endswith("(4 rows)")


def test_parameters_are_bound_not_pasted(seed_dataset):
    query = "PREFIX pol: <https://w3id.org/policy-kg/ontology#> SELECT ?t WHERE { ?t pol:indicatorText ?name }"
    table = api.query(seed_dataset, text=query, params={"name": "PCT专利申请量"})
    assert len(table.rows) == 1
    hostile = api.query(seed_dataset, text=query, params={"name": '" } ?t ?p ?o . { "'})
    assert hostile.rows == []


def test_unknown_parameter_is_an_error(seed_dataset):
    with pytest.raises(QueryError, match="not a variable"):
        api.query(seed_dataset, text="SELECT ?s WHERE { ?s ?p ?o }", params={"nope": "x"})


@pytest.mark.parametrize("query, message", [
    ("SELECT ?x WHERE { ?x a }", "malformed SPARQL"),
    ("SELEKT * WHERE {}", "malformed SPARQL"),
    ("ASK { ?s ?p ?o }", "only SELECT"),
])
def test_bad_queries_raise_query_errors(seed_dataset, query, message):
    with pytest.raises(QueryError, match=message):
        api.query(seed_dataset, text=query)


def test_unknown_named_query_lists_the_known_ones(seed_dataset):
    with pytest.raises(QueryError, match="targets"):
        api.query(seed_dataset, named="nope")


def test_a_parameter_on_an_optional_column_filters_rows_and_does_not_overwrite_them(seed_dataset):
    from kg.query import cell

    everything = api.query(seed_dataset, named="targets")
    scoped = api.query(seed_dataset, named="targets", params={"scope": "中关村示范区"})
    column = everything.columns.index("scope")
    # The seed's section targets have the scope 中关村示范区; its measure targets have none.
    assert 0 < len(scoped.rows) < len(everything.rows)
    assert {cell(row[column]) for row in scoped.rows} == {"中关村示范区"}
    assert api.query(seed_dataset, named="targets", params={"scope": "全市"}).rows == []


def test_a_query_text_is_parsed_once_and_a_malformed_one_fails_every_time(monkeypatch):
    import pyoxigraph as ox

    import kg.query.engine as sparql
    from kg.stores.disk import OxigraphBackend

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("https://example.org/t1"), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                      ox.NamedNode("https://w3id.org/policy-kg/ontology#Target"), ox.NamedNode("https://example.org/g")))
    backend = OxigraphBackend(store)  # rdflib parses only to check and to read the columns
    parsed = []
    prepare = sparql.prepare
    monkeypatch.setattr(sparql, "prepare", lambda text: parsed.append(text) or prepare(text))
    sparql._parsed.cache_clear()
    text = "SELECT ?s WHERE { ?s a pol:Target } # parsed once"
    first, second = api.query(backend, text=text), api.query(backend, text=text)
    assert [str(r[0]) for r in first.rows] == [str(r[0]) for r in second.rows] == ["https://example.org/t1"]
    assert parsed.count(text) == 1
    for _ in range(2):
        with pytest.raises(QueryError, match="malformed SPARQL"):
            api.query(backend, text="SELECT ?x WHERE { ?x a } # broken")


def test_pages_of_a_listing_put_together_are_the_whole_listing_in_its_order(seed_dataset):
    whole = api.query(seed_dataset, named="facts").rows
    assert len(whole) > 20
    pages = [api.query(seed_dataset, named="facts", limit=7, offset=k).rows for k in range(0, len(whole) + 7, 7)]
    assert [len(p) for p in pages[:-1]] == [7] * (len(pages) - 2) + [len(whole) % 7 or 7]
    assert [row for p in pages for row in p] == whole
    assert api.query(seed_dataset, named="facts", limit=0).rows == []


def test_a_page_is_asked_of_the_engine_unless_rows_are_kept_by_a_column(monkeypatch, seed_dataset):
    import pyoxigraph as ox

    from kg.query.engine import page
    from kg.stores.disk import OxigraphBackend

    asked = []
    store = ox.Store()
    for k in range(5):
        store.add(ox.Quad(ox.NamedNode(f"https://example.org/t{k}"), ox.NamedNode("https://example.org/n"),
                          ox.Literal(str(k % 2)), ox.NamedNode("https://example.org/g")))
    backend = OxigraphBackend(store)
    select = backend.select
    monkeypatch.setattr(backend, "select", lambda text, bindings: asked.append(text) or select(text, bindings))
    text = "SELECT ?s ?n WHERE { GRAPH ?g { ?s <https://example.org/n> ?n } } ORDER BY ?s"
    got = api.query(backend, text=text, limit=2, offset=1)
    assert [str(r[0]) for r in got.rows] == ["https://example.org/t1", "https://example.org/t2"]
    assert asked[-1] == page(text, 2, 1) and asked[-1].endswith("LIMIT 2\nOFFSET 1")
    kept = api.query(backend, text=text, params={"n": "1"}, limit=1, offset=1)  # t1, t3 kept: the second
    assert [str(r[0]) for r in kept.rows] == ["https://example.org/t3"] and asked[-1] == text
    own = api.query(backend, text=text + " LIMIT 4", offset=3)  # a query with its own LIMIT is cut after
    assert [str(r[0]) for r in own.rows] == ["https://example.org/t3"]


def test_a_negative_page_is_refused(seed_dataset):
    with pytest.raises(QueryError, match="limit and offset"):
        api.query(seed_dataset, named="facts", offset=-1)


@pytest.mark.parametrize("line, pages", [
    ("# pages: file", ("file",)),
    ("# pages: document ?doc", ("document", "doc")),
    ("# pages: document ?d ?title", ("document", "d", "title")),
])
def test_a_named_query_says_how_it_pages(line, pages):
    from kg.query import parse_named

    assert parse_named("q", f"# question: q?\n# columns: a\n{line}\nSELECT ?a WHERE {{ ?a ?b ?c }}").pages == pages


@pytest.mark.parametrize("line", ["# pages: files", "# pages: document", "# pages: document doc", "# pages: document ?a ?b ?c"])
def test_a_bad_pages_line_names_the_forms_it_may_take(line):
    from kg.query import parse_named

    with pytest.raises(QueryError, match="bad pages line .*'# pages: document \\?doc'"):
        parse_named("q", f"# question: q?\n# columns: a\n{line}\nSELECT ?a WHERE {{ ?a ?b ?c }}")
