"""Real policy documents of different kinds, against what a reader found in them.

Each document's expectations (tests/expectations/{corpus,holdout}/*.yaml) were written by
reading it: its metadata, every target of one section that has targets, every
lead and support assignment of one section that has them, and all its
agencies. Nothing may be missed but what the file lists under ``missed`` (and
those must really be missed, so a fix shows up), and nothing may be extra.
"""

import pytest

from evaluation import documents, evaluate, expected

CATEGORIES = ("documents", "targets", "baselines", "assignments", "agencies", "cited", "drafted", "issued")
NAMES = documents("corpus") + documents("holdout")
CASES = [(name, cat) for name in NAMES for cat in CATEGORIES if cat in expected(name)]


@pytest.fixture(scope="module")
def scores():
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = evaluate(name)
        return cache[name]

    return get


@pytest.mark.parametrize("name", NAMES)
def test_every_document_has_expectations_for_the_required_categories(name):
    exp = expected(name)
    for category in ("documents", "targets", "assignments", "agencies"):
        assert category in exp, category


@pytest.mark.parametrize("name, category", CASES)
def test_found_as_a_reader_found_it(scores, name, category):
    score = scores(name)[category]
    known = [m["name"] for m in expected(name).get("missed", {}).get(category, [])]
    assert [x for x in score.fn if x not in known] == [], "missed"
    assert score.fp == [], "found what is not there"
    still_missed = [x for x in score.fn if x in known]
    assert still_missed == known, "a known miss is found now: move it out of `missed`"
