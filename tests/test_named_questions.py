"""The named questions added for researchers, answered on the seed and checked
against what a reader finds in it (tests/expectations/seed.yaml)."""

from decimal import Decimal

import pytest
import yaml

from conftest import EXPECTATIONS, SEED

EXPECTED = yaml.safe_load((EXPECTATIONS / "seed.yaml").read_text(encoding="utf-8"))


def test_there_are_at_least_twelve_named_questions():
    from kg.query import named_queries

    assert len(named_queries()) >= 12


def test_growth_the_target_demands_over_the_baseline(named):
    # 2018: 拥有有效发明专利 9.9万件; by 2021: 有效发明专利拥有量 超过15万件.
    rows = named("growth")
    assert [(r["indicator"], r["baseline"], r["baseline_year"], r["target"], r["deadline"]) for r in rows] == [
        ("有效发明专利拥有量", "99000", "2018", "150000", "2021")]
    growth = (Decimal(150000) - Decimal(99000)) / Decimal(99000) * 100  # 51.52 %
    annual = ((150000 / 99000) ** (1 / 3) - 1) * 100  # 14.86 % a year over three years
    assert Decimal(rows[0]["growth_percent"]) == round(growth, 1)
    assert Decimal(rows[0]["annual_growth_percent"]) == Decimal(str(round(annual, 1)))


def test_targets_by_deadline_year(named):
    dated = [t for t in EXPECTED["targets"] if t.get("deadline")]
    rows = named("targets_by_year")
    assert sorted((r["year"], r["indicator"], r["value"]) for r in rows) == sorted(
        (t["deadline"][:4], t["indicator"], t["value"]) for t in dated)
    assert named("targets_by_year", year="2020") == []


def test_measures_per_task(named):
    rows = named("measures_per_task")
    assert [(r["task"], int(r["measures"])) for r in rows] == [
        (t["task"], len(t["measures"])) for t in EXPECTED["tasks"]]


def test_agencies_ranked_by_what_they_drive(named):
    guarantees = len(EXPECTED["guarantees"])
    rows = named("agency_ranking")
    # Both lead every guarantee measure, and nothing else.
    assert {(r["agency"], int(r["driven"]), int(r["leads"]), int(r["supports"])) for r in rows} == {
        ("中关村科技园区管理委员会", guarantees, guarantees, 0), ("北京市知识产权局", guarantees, guarantees, 0)}


def test_agencies_by_files_and_mentions(named):
    rows = named("agency_files")
    assert {r["agency"] for r in rows} == {a["canonical"] for a in EXPECTED["agencies"]}
    assert {r["files"] for r in rows} == {"1"}
    text = SEED.read_text(encoding="utf-8")
    for r in rows:  # each agency is named at least once; the two drafting bodies twice
        assert int(r["mentions"]) >= 1
    by_name = {r["agency"]: int(r["mentions"]) for r in rows}
    assert by_name["中国（北京）知识产权保护中心"] == text.count("中国（北京）知识产权保护中心")


def test_documents_by_the_bodies_that_issued_or_drafted_them(named):
    rows = named("documents_by_issuer")
    drafted = [r for r in EXPECTED["responsibilities"] if r["role"] == "drafted"]
    assert sorted((r["body"], r["role"], r["document"]) for r in rows) == sorted(
        (d["agency"], "drafted", d["subject"]) for d in drafted)


def test_every_fact_points_at_its_text(named):
    text = SEED.read_text(encoding="utf-8")
    rows = named("facts")
    assert len(rows) > 100
    kinds = {r["type"] for r in rows}
    assert {"Target", "Baseline", "Task", "Measure", "Responsibility", "Mention"} <= kinds
    for r in rows:
        start, end = int(r["start"]), int(r["end"])
        assert 0 <= start < end <= len(text)
        if r["type"] == "Mention":
            # A mention's offsets cover what it names, as written (PDF line breaks aside).
            assert text[start:end].replace("\n", "") == r["fact"].replace("\n", "")
    targets = named("facts", type="Target")
    assert len(targets) == len(EXPECTED["targets"])


@pytest.mark.parametrize("name", ["growth", "targets_by_year", "agency_ranking", "measures_per_task",
                                  "agency_files", "facts", "documents_by_issuer"])
def test_the_header_lists_the_columns_in_order(seed_dataset, name):
    from kg import api
    from kg.query import named_query

    assert api.query(seed_dataset, named=name).columns == list(named_query(name).columns)


def test_a_document_read_or_cited_by_many_files_does_not_multiply_rows(tmp_path):
    # Three interpretations (解读) of one plan: the seed, and two copies whose titles
    # end in (1) and (2). Each file's facts are counted once, and the plan is one row.
    import shutil

    from kg import api

    single, corpus = tmp_path / "one", tmp_path / "three"
    single.mkdir()
    corpus.mkdir()
    shutil.copy(SEED, single / "a.txt")
    shutil.copy(SEED, corpus / "a.txt")
    text = SEED.read_text(encoding="utf-8")
    title_end = text.index("》")  # the title is the first line, broken across two
    for k, name in ((1, "b"), (2, "c")):
        (corpus / f"{name}.txt").write_text(text[:title_end + 1] + f"（{k}）" + text[title_end + 1:], encoding="utf-8")
    api.build_store([single], tmp_path / "s1")
    api.build_store([corpus], tmp_path / "s3")
    from kg.stores.disk import PolicyStore

    def rows(store, name):
        return api.query(PolicyStore(store, read_only=True).backend(), named=name).rows

    assert len(rows(tmp_path / "s3", "facts")) == 3 * len(rows(tmp_path / "s1", "facts"))
    plan = "中关村国家自主创新示范区知识产权行动方案（2019-2021）"
    assert [str(r[1]) for r in rows(tmp_path / "s3", "documents")].count(plan) == 1
    read = [r for r in rows(tmp_path / "s3", "documents") if str(r[1]).startswith("解读")]
    assert sorted(str(r[-1]) for r in read) == ["a", "b", "c"]  # one row for each file read


def test_a_plan_issued_by_many_notices_gives_each_file_its_rows_once(tmp_path):
    # The same plan reposted under three notices: each notice's file holds the plan's tasks and
    # assignments once, so the collaboration rows grow with the files, not with their square
    # (the date of each notice was once joined to every file's rows).
    from kg import api
    from kg.stores.disk import PolicyStore

    plan = ("杭州市数字经济行动方案\n一、主要任务\n（一）推进算力建设。建设城市算力中心。（市发展改革委牵头，市财政局配合）\n"
            "（二）培育数据企业。培育100家数据企业。（市数据局牵头，市科技局配合）\n")
    for n in (1, 3):
        folder = tmp_path / f"notices{n}"
        folder.mkdir()
        for k in range(n):
            (folder / f"n{k}.txt").write_text(
                f"杭州市人民政府关于印发杭州市数字经济行动方案的通知（{k}）\n各区人民政府：\n现将《杭州市数字经济行动方案》印发给你们，"
                f"请认真贯彻执行。\n杭州市人民政府\n2023年5月{k + 1}日\n" + plan, encoding="utf-8")
        api.build_store([folder], tmp_path / f"s{n}")

    def rows(n, name):
        return api.query(PolicyStore(tmp_path / f"s{n}", read_only=True).backend(), named=name).rows

    one = rows(1, "collaboration")
    assert len(one) == 4  # two tasks, a lead and a support body each
    assert len(rows(3, "collaboration")) == 3 * len(one)
    assert {str(r[-1]) for r in rows(3, "collaboration")} == {"2023"}


def test_a_document_reposted_in_many_files_pairs_each_files_targets_with_its_own_baselines(tmp_path):
    # Three copies of the seed under its own title: one document read from three files. growth pairs
    # a target with a baseline of the same file, inside the file's graph, so each file gives the
    # seed's one row once, whatever the copies.
    import shutil

    from kg import api
    from kg.stores.disk import PolicyStore

    for n in (1, 3):
        folder = tmp_path / f"copies{n}"
        folder.mkdir()
        for k in range(n):
            shutil.copy(SEED, folder / f"copy{k}.txt")
        api.build_store([folder], tmp_path / f"s{n}")
    one, three = (api.query(PolicyStore(tmp_path / f"s{n}", read_only=True).backend(), named="growth").rows
                  for n in (1, 3))
    assert len(one) == 1 and len(three) == 3
    assert {tuple(map(str, r)) for r in three} == {tuple(map(str, r)) for r in one}
