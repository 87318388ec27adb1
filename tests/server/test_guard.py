"""The guard reads what a request does from its parsed form; no spelling hides SERVICE or LOAD."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.server.guard import reaches_out


@pytest.mark.parametrize("text, kind, expected", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", "query", {"SERVICE"}),
    ("SELECT * WHERE { { { SERVICE SILENT <http://x/> { ?s ?p ?o } } } }", "query", {"SERVICE"}),
    ("SELECT * WHERE { SERVI\\u0043E <http://127.0.0.1:1/> { ?s ?p ?o } }", "query", {"SERVICE"}),
    ("LOAD <file:///etc/passwd>", "update", {"LOAD"}),
    ("load <file:///etc/hostname> INTO GRAPH <urn:x>", "update", {"LOAD"}),
    # the words as names, in strings and in comments are no operations
    ('SELECT ?service WHERE { ?load ?p "SERVICE LOAD" } LIMIT 1', "query", set()),
    ('SELECT * WHERE { ?s ?p "# not a comment" . ?s ?p ?o } # SERVICE in a comment', "query", set()),
    ('INSERT DATA { <urn:a> <urn:p> "LOAD <file:///etc/passwd>" }', "update", set()),
])
def test_operations_are_read_from_the_parsed_request(text, kind, expected):
    assert reaches_out(text, kind) == expected


# Pieces a query may hold before the call: names with escapes, comments, strings, IRIs with \u escapes,
# nested groups. Whatever they are, the SERVICE after them is seen.
PIECES = st.sampled_from([
    "?s ex:a\\#b ?o .", "?s ex:a\\.b ?o .", "?s <http://e/\\u0023x> ?o .", "?s <http://e/#x> ?o .",
    "# a comment } SERVICE\n", '?s ?p "# \\" }" .', "?s ?p '''\n#\n''' .", "{ ?s ?p ?o }",
    "OPTIONAL { ?s ?p ?o }", "?s ?p ex:a\\%41 .", "FILTER(?o != \"\\u0022\")", "?s ?p ?o .",
])


@settings(max_examples=150, deadline=None)
@given(before=st.lists(PIECES, max_size=4), after=st.lists(PIECES, max_size=3),
       depth=st.integers(min_value=0, max_value=3), keyword=st.sampled_from(["SERVICE", "service", "Service"]))
def test_no_spelling_around_it_hides_a_service_call(before, after, depth, keyword):
    call = f"{keyword} <http://127.0.0.1:9/> {{ ?s ?p ?o }}"
    for _ in range(depth):
        call = "{ " + call + " }"
    query = "PREFIX ex: <http://e/> SELECT * WHERE { " + " ".join(before) + " " + call + " " + " ".join(after) + " }"
    assert "SERVICE" in reaches_out(query, "query")
    update = "PREFIX ex: <http://e/> INSERT { ?s ?p ?o } WHERE { " + " ".join(before) + " " + call + " }"
    assert "SERVICE" in reaches_out(update, "update")


@settings(max_examples=100, deadline=None)
@given(before=st.lists(PIECES, max_size=4))
def test_no_spelling_before_it_hides_a_load(before):
    update = "PREFIX ex: <http://e/> INSERT DATA { <urn:a> <urn:p> 1 } ; " + " ".join(
        p for p in before if not p.startswith(("?", "{", "OPTIONAL", "FILTER"))) + " LOAD <http://127.0.0.1:9/x>"
    assert "LOAD" in reaches_out(update, "update")
