"""The policykg command as a user runs it."""

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

from conftest import ROOT, SEED


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = invoke("build", SEED, "-o", out)
    assert result.exit_code == 0, result.output
    return out, result.output


def test_build_writes_turtle_and_html_and_summarises(built):
    out, output = built
    assert (out / "graph.ttl").stat().st_size > 10_000 and (out / "graph.html").stat().st_size > 100_000
    assert "5 tasks" in output and "9 targets" in output and "5 baselines" in output
    assert "中关村国家自主创新示范区知识产权行动方案（2019-2021）" in output


def test_build_twice_gives_the_same_bytes(built, tmp_path):
    out, _ = built
    assert invoke("build", SEED, "-o", tmp_path, "-q").exit_code == 0
    assert (tmp_path / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()
    assert (tmp_path / "graph.html").read_bytes() == (out / "graph.html").read_bytes()


def test_query_named_csv(built):
    out, _ = built
    result = invoke("query", out / "graph.ttl", "--named", "baselines", "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["indicator"], r["value"], r["year"]) for r in rows][0] == ("企业专利申请", "86000", "2018")


def test_query_text_and_file(built, tmp_path):
    out, _ = built
    q = "PREFIX pol: <https://w3id.org/policy-kg/ontology#> SELECT (COUNT(?t) AS ?n) WHERE { ?t a pol:Target }"
    assert invoke("query", out / "graph.ttl", q, "--format", "csv").output == "n\n9\n"
    (tmp_path / "q.rq").write_text(q, encoding="utf-8")
    assert invoke("query", out / "graph.ttl", "-f", tmp_path / "q.rq", "--format", "csv").output == "n\n9\n"


def test_query_pages_a_listing_with_limit_and_offset(built):
    out, _ = built
    whole = invoke("query", out / "graph.ttl", "--named", "facts", "--format", "csv").output.splitlines()
    second = invoke("query", out / "graph.ttl", "--named", "facts", "--format", "csv", "--limit", 5, "--offset", 5)
    assert second.exit_code == 0 and second.output.splitlines() == [whole[0]] + whole[6:11]
    bad = invoke("query", out / "graph.ttl", "--named", "facts", "--limit", -1)
    assert bad.exit_code == 2 and "--limit" in bad.output


def test_query_list_needs_no_graph():
    result = invoke("query", "--list")
    assert result.exit_code == 0
    for name in ("targets", "baselines", "agencies", "tasks", "responsibilities", "problems", "features", "documents"):
        assert name in result.output


def _fails(result, fragment):
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("content, fragment", [
    (None, "no such file"),
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a text file"),
])
def test_bad_documents_fail_cleanly_and_write_nothing(tmp_path, content, fragment):
    doc = tmp_path / "doc.txt"
    if content is not None:
        doc.write_bytes(content)
    out = tmp_path / "out"
    _fails(invoke("build", doc, "-o", out), fragment)
    assert not (out / "graph.ttl").exists()


def test_a_failed_build_leaves_earlier_outputs_intact(built, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built[0], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    _fails(invoke("build", SEED, tmp_path / "missing.txt", "-o", out), "no such file")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_gb18030_documents_are_read(tmp_path):
    doc = tmp_path / "gbk.txt"
    doc.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    result = invoke("build", doc, "-o", tmp_path / "out")
    assert result.exit_code == 0 and "9 targets" in result.output


def test_output_that_is_a_file_is_refused(tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    _fails(invoke("build", SEED, "-o", target), "not a folder")


def test_malformed_sparql_is_one_line(built):
    _fails(invoke("query", built[0] / "graph.ttl", "SELECT ?x WHERE { ?x a }"), "malformed SPARQL")


def test_graph_that_is_not_rdf_is_one_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    _fails(invoke("query", bad, "--named", "targets"), "not valid Turtle")


def test_usage_errors_exit_2(built):
    assert invoke("query", built[0] / "graph.ttl").exit_code == 2
    assert invoke("build").exit_code == 2


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert len(cli.commands[command].help or "") > 40


def test_console_script_and_python_m_kg_run(tmp_path):
    script = Path(sys.executable).with_name("policykg")
    for argv in ([str(script)], [sys.executable, "-m", "kg"]):
        run = subprocess.run(argv + ["query", "--list"], capture_output=True, text=True, cwd=tmp_path)
        assert run.returncode == 0, run.stderr
        assert "targets" in run.stdout
    run = subprocess.run([str(script), "build", str(tmp_path / "nope.txt"), "-o", str(tmp_path)],
                         capture_output=True, text=True)
    assert run.returncode == 1 and run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


def test_build_several_documents_into_one_graph(tmp_path):
    other = tmp_path / "notice.txt"
    other.write_text("北京市知识产权局关于加强专利保护的通知\n市知识产权局负责组织实施。\n", encoding="utf-8")
    result = invoke("build", SEED, other, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "policy_text:" in result.output and "notice:" in result.output
    docs = invoke("query", tmp_path / "out" / "graph.ttl", "--named", "documents", "--format", "csv").output
    files = {row["file"]: row["title"] for row in csv.DictReader(io.StringIO(docs)) if row["file"]}
    assert files == {"policy_text": "解读：《中关村国家自主创新示范区知识产权行动方案（2019-2021）》",
                     "notice": "北京市知识产权局关于加强专利保护的通知"}
    agencies = invoke("query", tmp_path / "out" / "graph.ttl", "--named", "agencies", "--format", "csv").output
    # one node for the bureau, written the same way in both documents
    assert agencies.count("agency/北京市知识产权局,市知识产权局,") == 1


def test_two_files_with_the_same_name_are_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for d in ("a", "b"):
        (tmp_path / d / "doc.txt").write_text("正文。", encoding="utf-8")
    _fails(invoke("build", tmp_path / "a" / "doc.txt", tmp_path / "b" / "doc.txt", "-o", tmp_path / "out"), "rename one")


def test_text_prints_what_offsets_count_in(tmp_path):
    from formats import write_docx

    path = write_docx(tmp_path / "d.docx", ["标题", "第一段。"])
    assert invoke("text", path).output == "标题\n第一段。\n"
    assert invoke("text", SEED).output == SEED.read_text(encoding="utf-8")
    assert invoke("text", SEED, "--clean").output.splitlines()[0] == "解读：《中关村国家自主创新示范区知识产权行动方案（2019-2021）》"


def test_a_broken_document_is_reported_and_the_rest_built(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "a.txt")
    (corpus / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (corpus / "notes.md").write_text("not a document type policy-kg looks for", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "a: 解读" in result.stdout
    assert result.stderr.strip() == f"Error: {corpus / 'b.txt'}: not a text file (it contains NUL bytes); convert it to UTF-8 text first"
    assert (tmp_path / "out" / "graph.trig").exists()
    docs = invoke("query", tmp_path / "out" / "graph.trig", "--named", "documents", "--format", "csv").output
    assert {row["file"] for row in csv.DictReader(io.StringIO(docs))} == {"a", ""}


@pytest.mark.slow
def test_workers_give_the_same_graph(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("04_gov-new-media-opinions-guobanfa-2018-123.txt", "11_sta-rd-equipment-vat-refund-interpretation-2020.txt"):
        shutil.copy(ROOT / "tests" / "data" / "corpus" / name, corpus / name)
    shutil.copy(SEED, corpus / "seed.txt")
    assert invoke("build", corpus, "-o", tmp_path / "one", "-q").exit_code == 0
    assert invoke("build", corpus, "-o", tmp_path / "two", "-q", "--workers", "2").exit_code == 0
    for name in ("graph.ttl", "graph.trig"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_build_into_a_store_then_query_it(tmp_path):
    store = tmp_path / "store"
    first = invoke("build", SEED, "--store", store)
    assert first.exit_code == 0, first.output
    assert "1 built, 0 unchanged; it holds 1 files" in first.output and "9 targets" in first.output
    again = invoke("build", SEED, "--store", store)
    assert "0 built, 1 unchanged" in again.output
    result = invoke("query", "--store", store, "--named", "growth", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["indicator"], r["baseline"], r["target"]) for r in rows] == [("有效发明专利拥有量", "99000", "150000")]
    text = invoke("query", "--store", store, "SELECT (COUNT(*) AS ?n) WHERE { ?t a pol:Target }", "--format", "csv")
    assert text.output == "n\n9\n"


def test_store_and_server_mistakes_are_one_line(tmp_path, built):
    out, _ = built
    missing = invoke("query", "--store", tmp_path / "none", "--named", "targets")
    assert missing.exit_code == 1 and "no policy-kg store here" in missing.output
    unreachable = invoke("query", "--endpoint", "http://127.0.0.1:9/sparql", "--named", "targets")
    assert unreachable.exit_code == 1 and "cannot connect" in unreachable.output
    assert "Traceback" not in unreachable.output
    nowhere = invoke("build", SEED)
    assert nowhere.exit_code == 2 and "-o OUTDIR, --store PATH" in nowhere.output
    both = invoke("query", out / "graph.ttl", "--store", tmp_path, "--named", "targets")
    assert both.exit_code == 2
    push = invoke("push", out / "graph.ttl", "--endpoint", "http://127.0.0.1:9/x")
    assert push.exit_code == 1 and "--graph" in push.output
    serve = invoke("serve")
    assert serve.exit_code == 2


def test_view_and_report_commands(tmp_path):
    corpus = ROOT / "tests" / "data" / "corpus"
    assert invoke("build", SEED, corpus / "05_beijing-data-zone-guiding-opinions-2022.txt", "-o", tmp_path,
                  "-q").exit_code == 0
    page = tmp_path / "tasks.html"
    result = invoke("view", tmp_path / "graph.trig", "--doc", "policy_text", "--classes", "Task,measure", "-o", page)
    assert result.exit_code == 0, result.output
    import json
    import re
    data = json.loads(re.search(r'<script id="graph-data" type="application/json">(.*?)</script>',
                                page.read_text(encoding="utf-8"), re.S).group(1))
    assert {n["cls"] for n in data["nodes"]} == {"Task", "Measure"}
    assert len(data["nodes"]) == 5 + 13  # the seed's tasks and their measures
    wrong = invoke("view", tmp_path / "graph.trig", "--classes", "Tsk", "-o", page)
    assert wrong.exit_code == 1 and "unknown class 'Tsk'" in wrong.output
    one_graph = invoke("view", tmp_path / "graph.ttl", "--doc", "policy_text", "-o", page)
    assert one_graph.exit_code == 1 and "graph.trig or a store" in one_graph.output
    report = invoke("report", tmp_path / "graph.trig", "-o", tmp_path / "report")
    assert report.exit_code == 0 and (tmp_path / "report" / "graph.gexf").exists()
    assert invoke("view", "-o", page).exit_code == 2
