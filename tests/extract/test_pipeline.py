"""The rule components run in the order their declarations give."""

import pytest

from kg.errors import RuleError
from kg.extract.pipeline import COMPONENTS, ordered


def component(name, requires=(), provides=()):
    return type(name, (), {"requires": requires, "provides": provides})


def test_each_component_runs_after_those_that_provide_what_it_requires():
    for order in (COMPONENTS, tuple(reversed(COMPONENTS))):
        done: set[str] = set()
        for c in ordered(order):
            assert set(c.requires) <= done, f"{c.__name__} runs before {set(c.requires) - done} is found"
            done |= set(c.provides)


def test_a_new_component_can_be_listed_anywhere():
    counter = component("Counter", requires=("figures", "agencies"), provides=("counts",))
    components = ordered((counter, *COMPONENTS))
    names = [c.__name__ for c in components]
    assert names.index("Counter") > names.index("QuantityReader") > names.index("DocumentReader")
    provided = set()
    for c in components:  # each runs after those providing what it requires
        assert set(c.requires) <= provided, c.__name__
        provided.update(c.provides)


@pytest.mark.parametrize("components, problem", [
    ((component("A", requires=("nothing",)),), "A requires 'nothing', which no component provides"),
    ((component("A", provides=("x",)), component("B", provides=("x",))), "'x' is provided by both A and B"),
    ((component("A", requires=("y",), provides=("x",)), component("B", requires=("x",), provides=("y",))),
     "A, B wait for each other"),
])
def test_a_pipeline_that_cannot_run_is_refused_with_the_reason(components, problem):
    with pytest.raises(RuleError, match=problem):
        ordered(components)
