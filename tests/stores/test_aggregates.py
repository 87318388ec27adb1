"""The aggregates that read by scans answer as their plain definitions do."""

import pytest

from conftest import ROOT
from kg import api
from kg.query import named_query, to_csv
from kg.stores.disk import PolicyStore

DEFINITIONS = ROOT / "tests" / "data" / "definitions"


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("aggregates") / "store"
    api.build_store([ROOT / "tests" / "data" / "corpus", ROOT / "data" / "policy_text.txt"], path)
    return PolicyStore(path, read_only=True).backend()


@pytest.mark.parametrize("name", ["agencies", "agency_files", "agency_ranking", "growth", "collaboration"])
def test_the_named_aggregate_gives_the_rows_of_its_definition(corpus_store, name):
    shipped = api.query(corpus_store, text=named_query(name).text)
    defined = api.query(corpus_store, text=(DEFINITIONS / f"{name}.rq").read_text(encoding="utf-8"))
    assert len(shipped.rows) >= 3  # the corpus names many bodies, and pairs three targets with baselines
    assert to_csv(shipped) == to_csv(defined)
