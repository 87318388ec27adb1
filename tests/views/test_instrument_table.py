"""`policykg instruments`: the coding table in the literature's layout, as CSV and .xlsx, and the
cross table of kinds against tasks, from a made-up plan whose sentences name their instruments."""

import csv
import io

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from conftest import build_texts
from kg import api
from kg.cli import cli

PLAN = """某市数字经济行动方案
一、重点任务
（一）强化要素供给
1．建设算力设施。建设城市智能算力中心。对首次落户的企业给予补贴。
2．加强人才培养。开展数字技能培训。
（二）优化发展环境
1．完善监管。建立数据安全监管制度。
"""


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plan")
    return build_texts(folder, {"plan.txt": PLAN}), folder


def test_the_coding_table_has_a_row_for_each_sentence_coded(written):
    graph, folder = written
    paths = api.instruments([graph], folder / "a")
    rows = list(csv.reader(io.StringIO(paths["instruments.csv"].read_text(encoding="utf-8"))))
    assert rows[0] == ["document", "task_order", "task", "measure_order", "measure", "type", "kind", "cue", "sentence"]
    assert [(r[1], r[3], r[5], r[6], r[7]) for r in rows[1:]] == [
        ("1", "1", "供给型", "基础设施", "算力"), ("1", "1", "供给型", "资金支持", "补贴"),
        ("1", "2", "供给型", "人才支持", "技能"), ("2", "1", "环境型", "法规管制", "安全")]
    sheet = load_workbook(paths["instruments.xlsx"]).active
    assert [[str(c.value) for c in row] for row in sheet.iter_rows()] == rows


def test_the_cross_table_counts_each_kind_in_each_task(written):
    graph, folder = written
    paths = api.instruments([graph], folder / "b")
    rows = list(csv.DictReader(io.StringIO(paths["instruments-by-task.csv"].read_text(encoding="utf-8"))))
    assert [(r["task"], r["供给型/基础设施"], r["供给型/资金支持"], r["供给型/人才支持"], r["环境型/法规管制"], r["total"])
            for r in rows] == [("强化要素供给", "1", "1", "1", "0", "3"), ("优化发展环境", "0", "0", "0", "1", "1")]


def test_the_same_graph_gives_the_same_bytes_and_the_command_says_what_it_wrote(written):
    graph, folder = written
    result = CliRunner().invoke(cli, ["instruments", str(graph), "-o", str(folder / "c")])
    assert result.exit_code == 0 and "instruments.xlsx" in result.output
    again = api.instruments([graph], folder / "d")
    for name, path in again.items():
        assert path.read_bytes() == (folder / "c" / name).read_bytes(), name


def test_a_researchers_corrections_win_over_the_cues_on_the_next_build(written, monkeypatch):
    from kg.extract.instruments import CORRECTIONS_VARIABLE

    graph, folder = written
    table = api.instruments([graph], folder / "e")["instruments.csv"]
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    rows[0]["kind"] = "目标规划"  # 算力 read as infrastructure: the researcher says goals and planning
    rows[1]["kind"] = "none"  # and this sentence uses no instrument
    corrections = folder / "corrections.csv"
    with corrections.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    monkeypatch.setenv(CORRECTIONS_VARIABLE, "")  # the command sets it; the test's end unsets it
    result = CliRunner().invoke(cli, ["build", str(folder / "plan.txt"), "-o", str(folder / "fixed"), "-q",
                                      "--instrument-corrections", str(corrections)])
    assert result.exit_code == 0, result.output
    again = api.instruments([folder / "fixed" / "graph.trig"], folder / "f")["instruments.csv"]
    got = [(r["measure_order"], r["kind"], r["cue"]) for r in csv.DictReader(io.StringIO(again.read_text(encoding="utf-8")))]
    assert got == [("1", "目标规划", "算力"), ("2", "人才支持", "技能"), ("1", "法规管制", "安全")]
    assert "instrument.correction" in (folder / "fixed" / "graph.ttl").read_text(encoding="utf-8")


def test_corrections_naming_an_unknown_kind_are_refused_with_the_line(written, tmp_path, monkeypatch):
    from kg.extract.instruments import CORRECTIONS_VARIABLE

    graph, folder = written
    bad = tmp_path / "bad.csv"
    bad.write_text("document,task_order,measure_order,kind,cue,sentence\n某市,1,1,奇怪,算力,建设\n", encoding="utf-8")
    monkeypatch.setenv(CORRECTIONS_VARIABLE, "")
    result = CliRunner().invoke(cli, ["build", str(folder / "plan.txt"), "-o", str(tmp_path / "out"),
                                      "--instrument-corrections", str(bad)])
    assert result.exit_code != 0 and "line 2: unknown kind '奇怪'" in result.output
    assert not (tmp_path / "out").exists()
