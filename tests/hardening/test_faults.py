"""Builds that are killed, documents that are broken, inputs in another order."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from conftest import ROOT, SEED
from kg import api
from kg.cli import cli

CORPUS = ROOT / "tests" / "data" / "corpus"


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """Thirty documents: the development corpus three times over, and the seed."""
    folder = tmp_path_factory.mktemp("many")
    for k in range(3):
        for path in sorted(CORPUS.glob("*.txt")):
            shutil.copy(path, folder / f"c{k}_{path.name}")
    shutil.copy(SEED, folder / "seed.txt")
    return folder


def policykg(*args):
    return subprocess.Popen([sys.executable, "-m", "kg", *map(str, args)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def test_a_build_killed_halfway_leaves_the_previous_outputs(tmp_path, many):
    out = tmp_path / "out"
    assert CliRunner().invoke(cli, ["build", str(SEED), "-o", str(out), "-q"]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    more = tmp_path / "more"  # ninety-one documents: long enough to be killed half-way
    more.mkdir()
    for k in range(3):
        for path in many.iterdir():
            shutil.copy(path, more / f"b{k}_{path.name}")
    process = policykg("build", more, "-o", out, "-q")
    time.sleep(3)
    assert process.poll() is None, "the build ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert {p.name: p.read_bytes() for p in out.iterdir() if not p.name.endswith(".part")} == before
    # the next build puts the outputs in place and leaves none of the killed build's parts
    assert CliRunner().invoke(cli, ["build", str(SEED), "-o", str(out), "-q"]).exit_code == 0
    assert not [p.name for p in out.iterdir() if p.name.endswith(".part")]


def test_a_store_killed_halfway_is_consistent_and_the_next_build_completes_it(tmp_path, many):
    store = tmp_path / "store"
    process = policykg("build", many, "--store", store, "-q")
    manifest = store / "manifest.json"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # kill once some files are in, before all are
        if manifest.exists() and len(json.loads(manifest.read_text(encoding="utf-8"))["files"]) >= 3:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the build ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()

    from kg.stores.disk import PolicyStore

    held = PolicyStore(store, read_only=True)
    assert 3 <= len(held.files) < 31
    for entry in held.files.values():  # every file the manifest lists is whole in the store
        assert sum(1 for _ in held.quads(entry["graph"])) == entry["triples"]
    del held
    done = CliRunner().invoke(cli, ["build", str(many), "--store", str(store)])
    assert done.exit_code == 0, done.output
    fresh = tmp_path / "fresh"
    api.build_store([many], fresh)
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.stores.terms import triple_of

    def as_graph(held, name):
        graph = Graph()
        for q in held.quads(name):
            graph.add(triple_of(q))
        return graph

    a, b = PolicyStore(store, read_only=True), PolicyStore(fresh, read_only=True)
    assert a.graphs() == b.graphs()
    for name in a.graphs():  # the same triples (the ontology's blank nodes are named anew in each store)
        assert isomorphic(as_graph(a, name), as_graph(b, name)), name


def test_a_broken_document_is_reported_and_keep_going_exits_zero(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    strict = CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "a"), "-q"])
    assert strict.exit_code == 1 and "broken.docx" in strict.output
    lenient = CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "b"), "-q", "--keep-going"])
    assert lenient.exit_code == 0 and "broken.docx" in lenient.output
    assert (tmp_path / "b" / "graph.ttl").exists()


def test_resume_skips_what_the_store_holds_and_rebuild_reads_everything(tmp_path):
    store = tmp_path / "store"
    CliRunner().invoke(cli, ["build", str(SEED), "--store", str(store), "-q"])
    resumed = CliRunner().invoke(cli, ["build", str(SEED), "--store", str(store), "--resume"])
    assert "0 built, 1 unchanged" in resumed.output
    rebuilt = CliRunner().invoke(cli, ["build", str(SEED), "--store", str(store), "--rebuild"])
    assert "1 built, 0 unchanged" in rebuilt.output


def test_the_order_of_the_inputs_changes_nothing(tmp_path):
    files = sorted(CORPUS.glob("*.txt"))[:4] + [SEED]
    api.write(api.build(files), tmp_path / "forward", with_html=False)
    api.write(api.build(list(reversed(files))), tmp_path / "backward", with_html=False)
    for name in ("graph.ttl", "graph.trig"):
        assert (tmp_path / "forward" / name).read_bytes() == (tmp_path / "backward" / name).read_bytes()


def _children(pid: int) -> list[int]:
    from pathlib import Path

    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_build_with_workers_that_is_killed_leaves_no_workers_and_no_tracebacks(tmp_path, many, how):
    store = tmp_path / "store"
    process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(many), "--store", str(store),
                                "--workers", "2", "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, start_new_session=True)
    manifest = store / "manifest.json"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # kill once the workers are busy, before all is done
        if manifest.exists() and len(json.loads(manifest.read_text(encoding="utf-8"))["files"]) >= 2:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the build ended before it could be killed"
    workers = _children(process.pid)
    assert len(workers) >= 2  # the two workers (and multiprocessing's resource tracker)
    process.send_signal(how)
    process.wait(timeout=60)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{w}") for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if os.path.exists(f"/proc/{w}")
            and "Z" not in open(f"/proc/{w}/stat").read().split(")")[-1].split()[:1]]
    assert not left, f"workers outlived the build: {left}"
    time.sleep(1)  # what an orphan would have printed
    errors = process.stderr.read()
    assert "Traceback" not in errors and "leaked" not in errors, errors
    if how == signal.SIGTERM:  # stopped as Ctrl-C stops it: aborted, and the store holds whole files
        assert process.returncode == 1 and "Aborted" in errors
    from kg.stores.disk import PolicyStore

    held = PolicyStore(store, read_only=True)
    for entry in held.files.values():
        assert sum(1 for _ in held.quads(entry["graph"])) == entry["triples"]


def test_one_long_line_builds_a_page_in_bounded_memory(tmp_path):
    """A 60,000-character line without a full stop, many facts read from it: the real command,
    its peak memory measured by the kernel. Before the page clipped sentences and the view shared
    them, this took 6.1 GB and wrote a 1.7 GB page."""
    path = tmp_path / "long.txt"
    path.write_text("关于推进某项工作的通知\n" + "到2025年，全市企业达到100家，市财政局负责推进建设，" * 2500, encoding="utf-8")
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(path), "-o", str(out), "-q"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0, process.stderr.read()
    assert usage.ru_maxrss < 1_000_000, f"peak memory {usage.ru_maxrss / 1e6:.1f} GB"  # kB
    assert (out / "graph.html").stat().st_size < 50_000_000
