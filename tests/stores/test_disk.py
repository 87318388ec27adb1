"""The on-disk store: built one file at a time, queried like the files it came from."""

import shutil
import sys
import threading

import pyoxigraph as ox
import pytest

from conftest import ROOT, SEED
from kg import api
from kg.errors import StoreError
from kg.query import DatasetBackend, cell, named_queries, to_csv
from kg.stores.disk import SWITCH_INTERVAL, PolicyStore

CORPUS = ROOT / "tests" / "data" / "corpus"
FEW = ["04_gov-new-media-opinions-guobanfa-2018-123.txt", "05_beijing-data-zone-guiding-opinions-2022.txt",
       "11_sta-rd-equipment-vat-refund-interpretation-2020.txt"]


@pytest.fixture()
def docs(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in FEW:
        shutil.copy(CORPUS / name, folder / name)
    return folder


def quads(store_path, graph):
    store = PolicyStore(store_path, read_only=True)
    return sorted(str(q) for q in store.quads(graph))


def test_a_second_build_skips_unchanged_files_and_replaces_only_a_changed_one(tmp_path, docs):
    path = tmp_path / "store"
    first = api.build_store([docs], path)
    assert (len(first.built), len(first.unchanged), first.failures) == (3, 0, [])
    store = PolicyStore(path, read_only=True)
    graphs = {f: e["graph"] for f, e in store.files.items()}
    untouched = quads(path, graphs["04_gov-new-media-opinions-guobanfa-2018-123"])
    del store

    again = api.build_store([docs], path)
    assert (len(again.built), len(again.unchanged)) == (0, 3)

    changed = docs / FEW[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n北京市知识产权局负责解释。\n", encoding="utf-8")
    third = api.build_store([docs], path)
    assert [p.name for p in third.built] == [FEW[1]] and len(third.unchanged) == 2
    assert quads(path, graphs["04_gov-new-media-opinions-guobanfa-2018-123"]) == untouched
    table = api.query(PolicyStore(path, read_only=True).backend(), named="agencies")
    assert "北京市知识产权局" in {cell(row[3]) for row in table.rows}


def test_replacing_a_file_leaves_nothing_of_its_old_version(tmp_path, docs):
    path = tmp_path / "store"
    api.build_store([docs], path)
    target = docs / FEW[2]
    target.write_text("关于某事的通知\n海关总署负责实施。\n", encoding="utf-8")
    api.build_store([docs], path)
    backend = PolicyStore(path, read_only=True).backend()
    names = {cell(row[3]) for row in api.query(backend, named="agencies").rows}
    assert "海关总署" in names
    assert "财政部" not in names  # named only in the old version of that file
    titles = {cell(r[1]) for r in api.query(backend, named="documents").rows}
    assert not any("增值税" in t for t in titles)


@pytest.mark.slow
def test_the_store_answers_every_named_question_as_the_files_do(tmp_path):
    files = [CORPUS, ROOT / "data" / "policy_text.txt"]
    api.write(api.build(files), tmp_path / "out", with_html=False)
    api.build_store(files, tmp_path / "store")
    memory = DatasetBackend(api.load([tmp_path / "out" / "graph.trig"]))
    disk = PolicyStore(tmp_path / "store", read_only=True).backend()
    for name in named_queries():
        assert to_csv(api.query(disk, named=name)) == to_csv(api.query(memory, named=name)), name


def test_an_interrupted_replacement_is_rebuilt_next_time(tmp_path, docs, monkeypatch):
    path = tmp_path / "store"
    api.build_store([docs], path)
    (docs / FEW[0]).write_text((docs / FEW[0]).read_text(encoding="utf-8") + "\n补充。\n", encoding="utf-8")

    load = ox.Store.load

    def fail(self, *args, **kwargs):  # writing a file's graph fails; the ontology and shared graph load
        if "/src/" in str(kwargs.get("to_graph", "")):
            raise OSError("disk full")
        return load(self, *args, **kwargs)

    monkeypatch.setattr(ox.Store, "load", fail)
    with pytest.raises(OSError):
        api.build_store([docs], path)
    monkeypatch.undo()
    assert "04_gov-new-media-opinions-guobanfa-2018-123" not in PolicyStore(path, read_only=True).files
    again = api.build_store([docs], path)
    assert [p.name for p in again.built] == [FEW[0]]


def test_stores_refuse_what_they_cannot_be(tmp_path, docs):
    with pytest.raises(StoreError, match="no policy-kg store here"):
        PolicyStore(tmp_path / "nothing", read_only=True)
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("x")
    with pytest.raises(StoreError, match="not a policy-kg store"):
        api.build_store([docs], tmp_path / "busy")
    api.build_store([docs], tmp_path / "store", base="https://example.org/kg/")
    with pytest.raises(StoreError, match="base IRI"):
        api.build_store([docs], tmp_path / "store", base="https://example.net/other/")
    writer = PolicyStore(tmp_path / "store")
    with pytest.raises(StoreError, match="open for writing in another process"):
        PolicyStore(tmp_path / "store")
    writer.close()
    PolicyStore(tmp_path / "store").close()  # closing lets go of the lock, though `writer` is still referred to


def test_files_are_stored_on_a_thread_of_their_own_while_the_next_are_read(tmp_path, docs, monkeypatch):
    writers, intervals = [], []
    put = PolicyStore.put_triples

    def record(self, *args):
        writers.append(threading.current_thread())
        intervals.append(sys.getswitchinterval())
        return put(self, *args)

    monkeypatch.setattr(PolicyStore, "put_triples", record)
    before = sys.getswitchinterval()
    built = api.build_store([docs], tmp_path / "store")
    assert len(built.built) == 3 and len(writers) == 3
    assert threading.main_thread() not in writers
    assert not any(thread.is_alive() for thread in writers)
    # While it writes, the writer gets the GIL back sooner; after, the interval is as it was.
    assert all(abs(i - min(before, SWITCH_INTERVAL)) < 1e-9 for i in intervals) and sys.getswitchinterval() == before


def test_a_build_stopped_while_the_writer_is_busy_leaves_a_store_that_builds_on(tmp_path, docs):
    path = tmp_path / "store"
    seen = []

    def stop(done):  # Ctrl-C after the second file is handed to the writer
        seen.append(done)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        api.build_store([docs], path, progress=stop)
    assert not [t for t in threading.enumerate() if t.name == "policykg-store-writer"]
    held = PolicyStore(path, read_only=True)
    assert not held.manifest["shared_stale"]  # the shared graph was refreshed on the way out
    kept = set(held.files)
    assert kept <= {name.removesuffix(".txt") for name in FEW[:2]}
    del held
    again = api.build_store([docs], path)
    assert len(again.built) == 3 - len(kept) and len(again.unchanged) == len(kept)
    assert len(PolicyStore(path, read_only=True).files) == 3


def test_the_shared_graph_is_the_union_of_the_files_contributions_each_line_loaded_once(tmp_path, docs, monkeypatch):
    path = tmp_path / "store"
    api.build_store([docs], path)
    contributions = [p.read_text(encoding="utf-8").splitlines() for p in sorted((path / "shared").glob("*.nt"))]
    assert len(contributions) == 3
    every = [line for lines in contributions for line in lines]
    union = set(every)
    assert len(every) > len(union)  # the three files share agencies or indicators

    loaded = []
    load = ox.Store.load

    def record(self, data=None, *args, **kwargs):
        if data is not None and str(kwargs.get("to_graph", "")).endswith("/graph/shared>"):
            loaded.extend(data.decode("utf-8").splitlines())
        return load(self, data, *args, **kwargs)

    monkeypatch.setattr(ox.Store, "load", record)
    monkeypatch.setattr("kg.stores.disk.SHARED_BATCH_CHARS", 1_000)  # several batches
    store = PolicyStore(path)
    size = store.refresh_shared()
    store.close()
    assert sorted(loaded) == sorted(union)  # every distinct line, none twice
    assert size == len(union)


def test_a_store_left_mid_build_says_so_on_every_query_until_a_build_completes_it(tmp_path):
    import json

    from click.testing import CliRunner

    from kg.cli import cli

    path = tmp_path / "store"
    api.build_store([SEED], path)
    manifest = path / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["shared_stale"] = True  # what a build killed between its files and its shared graph leaves
    manifest.write_text(json.dumps(data), encoding="utf-8")
    stale = CliRunner().invoke(cli, ["query", "--store", str(path), "--named", "targets"])
    assert stale.exit_code == 0 and "was left mid-build" in stale.output
    exported = CliRunner().invoke(cli, ["export", "--store", str(path), "--format", "nt", "-o", str(tmp_path / "x.nt")])
    assert exported.exit_code == 0 and "was left mid-build" in exported.output
    api.build_store([SEED], path)  # the next build, nothing changed, completes it
    fresh = CliRunner().invoke(cli, ["query", "--store", str(path), "--named", "targets"])
    assert fresh.exit_code == 0 and "mid-build" not in fresh.output


def test_a_query_input_that_is_no_column_binds_in_the_store_as_in_memory(tmp_path):
    # The seed: 到2021年，PCT专利申请量达到8000件 (one fact of that indicator).
    api.build_store([SEED], tmp_path / "store")
    text = ("PREFIX pol: <https://w3id.org/policy-kg/ontology#> SELECT ?fact WHERE { ?f pol:indicatorText ?name ; "
            "rdfs:label ?fact } ORDER BY ?fact")
    stored = api.query(api.source(store=tmp_path / "store"), text=text, params={"name": "PCT专利申请量"})
    in_memory = api.query(DatasetBackend(api.source(store=tmp_path / "store").dataset(with_ontology=True)),
                          text=text, params={"name": "PCT专利申请量"})
    assert [cell(r[0]) for r in stored.rows] == [cell(r[0]) for r in in_memory.rows]
    assert len(stored.rows) == 1 and "8000" in cell(stored.rows[0][0])
    hostile = api.query(api.source(store=tmp_path / "store"), text=text, params={"name": '" } ?f ?p ?fact . { "'})
    assert hostile.rows == []


def test_a_build_that_stored_files_compacts_the_store_and_one_that_changed_nothing_does_not(tmp_path, docs, monkeypatch):
    compacted = []
    optimize = PolicyStore.optimize
    monkeypatch.setattr(PolicyStore, "optimize", lambda self: compacted.append(len(self)) or optimize(self))
    path = tmp_path / "store"
    api.build_store([docs], path)
    assert len(compacted) == 1 and compacted[0] > 1000
    api.build_store([docs], path)  # nothing changed: nothing to compact
    assert len(compacted) == 1
    assert api.query(PolicyStore(path, read_only=True).backend(), named="documents").rows
    for k in range(3, 9):  # six more files: a build of more than a quarter of those held compacts
        shutil.copy(SEED, docs / f"seed{k}.txt")
    api.build_store([docs], path)
    assert len(compacted) == 2
    (docs / "seed3.txt").write_text(SEED.read_text(encoding="utf-8") + "\n附件：无。\n", encoding="utf-8")
    built = api.build_store([docs], path)  # one changed file of nine: RocksDB compacts as it goes
    assert len(built.built) == 1 and len(compacted) == 2


def test_a_page_of_a_listing_ordered_by_file_is_read_file_by_file_and_is_the_same_page(tmp_path, docs, monkeypatch):
    from kg.query import named_query
    from kg.stores.disk import OxigraphBackend

    path = tmp_path / "store"
    api.build_store([docs], path)
    backend = PolicyStore(path, read_only=True).backend()
    read = []
    select_in_file = OxigraphBackend.select_in_file
    monkeypatch.setattr(OxigraphBackend, "select_in_file",
                        lambda self, graph, *a: read.append(graph) or select_in_file(self, graph, *a))
    for name in ("facts", "responsibilities"):
        assert named_query(name).pages == ("file",)
        whole = api.query(backend, named=name).rows
        assert read == [] and len(whole) > 30
        first = api.query(backend, named=name, limit=5)
        assert first.rows == whole[:5] and len(read) == 1  # the first file held the first page
        for offset in (3, len(whole) // 2, len(whole) - 2, len(whole) + 5):
            assert api.query(backend, named=name, limit=10, offset=offset).rows == whole[offset:offset + 10]
        read.clear()


@pytest.mark.parametrize("name", ["tasks", "instruments", "quantities", "targets", "baselines"])
def test_a_page_of_a_listing_ordered_by_document_is_read_document_by_document_and_is_the_same_page(
        tmp_path, docs, monkeypatch, name):
    from kg.query import named_query
    from kg.stores.disk import OxigraphBackend

    shutil.copy(SEED, docs / "seed.txt")  # two plans of many targets and baselines
    shutil.copy(ROOT / "tests" / "data" / "quantities" / "dev" / "g19-01_jilin-ev-charging-infrastructure-plan-2021-2025.txt",
                docs / "plan.txt")
    path = tmp_path / "store"
    api.build_store([docs], path)
    backend = PolicyStore(path, read_only=True).backend()
    documents = api.query(backend, text="SELECT DISTINCT ?d WHERE { ?d a pol:PolicyDocument }").rows
    assert len(documents) >= 3
    assert named_query(name).pages[0] == "document"
    table = api.query(backend, named=name)
    whole, of_document = table.rows, table.columns.index("document")
    assert len(whole) >= 8 and len({str(r[of_document]) for r in whole}) >= 2  # pages cross documents
    asked = []
    select = OxigraphBackend.select
    monkeypatch.setattr(OxigraphBackend, "select", lambda self, text, bindings, **kw: asked.append(bindings)
                        or select(self, text, bindings, **kw))
    first = api.query(backend, named=name, limit=3)
    assert first.rows == whole[:3]
    # the documents listed, then one document after another until three rows were read; the
    # documents after the one that filled the page are not read
    read = [b["doc"] for b in asked[1:]]
    assert asked[0] == {} and len(set(read)) == len(read) and 1 <= len(read) < len(documents)
    for offset in (2, len(whole) // 3, len(whole) // 2, len(whole) - 2, len(whole) + 5):
        assert api.query(backend, named=name, limit=7, offset=offset).rows == whole[offset:offset + 7]


def test_a_document_reposted_in_several_files_is_answered_as_the_files_do(tmp_path):
    # A store's default graph is the union of its files' graphs; a triple that several files hold
    # (a reposted document's publisher, title, dates) must count once, as in the files' own union.
    folder = tmp_path / "docs"
    folder.mkdir()
    notice = CORPUS / "04_gov-new-media-opinions-guobanfa-2018-123.txt"  # a notice that issues opinions
    for k in range(3):
        shutil.copy(SEED, folder / f"seed-{k}.txt")
        shutil.copy(notice, folder / f"notice-{k}.txt")
    api.write(api.build([folder]), tmp_path / "out", with_html=False)
    api.build_store([folder], tmp_path / "store")
    memory = DatasetBackend(api.load([tmp_path / "out" / "graph.trig"]))
    disk = PolicyStore(tmp_path / "store", read_only=True).backend()
    differ = [name for name in named_queries()
              if to_csv(api.query(disk, named=name)) != to_csv(api.query(memory, named=name))]
    assert differ == []
