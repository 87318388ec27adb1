"""The benchmark corpus (benchmarks/corpus.py) is reproducible, and its copies are
documents of their own that read like their originals."""

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402


def test_the_same_size_gives_the_same_files(tmp_path):
    a = corpus.generate(tmp_path / "a", 300_000)
    b = corpus.generate(tmp_path / "b", 300_000)
    assert [p.name for p in a] == [p.name for p in b]
    assert all(x.read_bytes() == y.read_bytes() for x, y in zip(a, b))
    assert sum(len(p.read_text(encoding="utf-8")) for p in a) >= 300_000


def test_a_copy_is_its_original_with_its_own_title(tmp_path):
    from kg import api

    files = corpus.generate(tmp_path / "c", 300_000)
    name = "06_anhui-iiot-policies-and-action-plan-2021"
    original = api.extract(next(p for p in files if p.name == f"{name}-00000.txt"))
    copy = api.extract(next(p for p in files if p.name == f"{name}-00001.txt"))
    assert copy.counts() == original.counts()
    assert copy.read[0].title == original.read[0].title + "（1）"
