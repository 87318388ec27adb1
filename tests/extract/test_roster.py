"""The roster of central bodies: its data holds together, and names resolve against it."""

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, XSD

from kg.errors import RuleError
from kg.extract.roster import Roster, roster
from kg.rdf.graph import triples_of

FORMS = {"national_openings": ["国家"], "central_endings": ["总局"], "ministry_endings": ["部"],
         "ministry_kind": "constituent"}
KINDS = {"constituent": "国务院组成部门", "directly-under": "国务院直属机构"}


def agencies(extract_text, text):
    return [(a.name, a.canonical) for a in extract_text(text).agencies]


# The 26 组成部门 of the State Council since March 2023, as www.gov.cn lists them.
CONSTITUENTS = """外交部 国防部 国家发展和改革委员会 教育部 科学技术部 工业和信息化部 国家民族事务委员会 公安部 国家安全部
民政部 司法部 财政部 人力资源和社会保障部 自然资源部 生态环境部 住房和城乡建设部 交通运输部 水利部 农业农村部 商务部
文化和旅游部 国家卫生健康委员会 退役军人事务部 应急管理部 中国人民银行 审计署""".split()


def test_the_roster_holds_every_constituent_department_of_the_state_council():
    bodies = roster().bodies
    assert len(CONSTITUENTS) == 26
    assert [n for n in CONSTITUENTS if n not in bodies or bodies[n].kind != "constituent"] == []


def test_the_2018_and_2023_reorganisations_are_recorded():
    changes = {(c.predecessor, c.successor): c.date for c in roster().changes}
    assert changes[("国家工商行政管理总局", "国家市场监督管理总局")] == "2018-03-17"
    assert changes[("中国银行业监督管理委员会", "中国银行保险监督管理委员会")] == "2018-03-17"
    assert changes[("中国银行保险监督管理委员会", "国家金融监督管理总局")] == "2023-03-10"


@pytest.mark.parametrize("bodies, problem", [
    ([{"name": "财政部", "kind": "constituent"}, {"name": "财政部", "kind": "constituent"}], "财政部: listed twice"),
    ([{"name": "财政部", "kind": "ministry"}], "kind 'ministry' is not one of [kinds]"),
    ([{"name": "甲部", "short": ["甲"], "kind": "constituent"}, {"name": "甲局", "short": ["甲"], "kind": "constituent"}],
     "short form '甲' also names 甲部, at the same time"),
    ([{"name": "新局", "kind": "directly-under", "replaces": [{"name": "旧局", "date": "2018-03-17"}]}],
     "replaces '旧局', which is not a body of the roster"),
    ([{"name": "新局", "kind": "directly-under", "replaces": [{"name": "新局", "date": "2018"}]}],
     "date '2018' is not YYYY-MM-DD"),
    ([{"name": "甲局", "kind": "directly-under", "parent": "乙部"}], "parent '乙部' is not a body of the roster"),
])
def test_a_roster_that_does_not_hold_together_is_refused_with_the_reason(bodies, problem):
    with pytest.raises(RuleError, match="central_bodies.toml: .*" + problem.replace("[", r"\[").replace("]", r"\]")):
        Roster({"forms": FORMS, "kinds": KINDS, "body": bodies})


def test_a_roster_missing_its_forms_names_the_key():
    with pytest.raises(RuleError, match=r"\[forms\] needs national_openings"):
        Roster({"kinds": KINDS, "body": []})


def test_short_forms_in_a_central_task_division_scheme(extract_text):
    text = ("国务院办公厅关于印发全国深化放管服改革重点任务分工方案的通知\n"
            "（一）推进审批服务便民化。（国务院审改办牵头，发展改革委、公安部、司法部、民政部、卫生健康委、"
            "知识产权局、能源局、邮政局、医保局按职责分工负责）")
    found = dict(agencies(extract_text, text))
    assert found["国务院审改办"] == "国务院行政审批制度改革工作领导小组办公室"  # not cut down to 国务院
    assert "国务院" not in found
    assert {found[w] for w in ("发展改革委", "卫生健康委", "知识产权局", "能源局", "邮政局", "医保局")} == {
        "国家发展和改革委员会", "国家卫生健康委员会", "国家知识产权局", "国家能源局", "国家邮政局", "国家医疗保障局"}
    assert all(found[w] == w for w in ("公安部", "司法部", "民政部"))


def test_a_provinces_short_forms_stay_the_provinces(extract_text):
    text = "安徽省人民政府办公厅关于印发行动计划的通知\n（省发展改革委牵头，省卫生健康委、省医保局配合）"
    found = agencies(extract_text, text)
    assert ("省发展改革委", "安徽省发展和改革委员会") in found
    assert ("省卫生健康委", "安徽省卫生健康委员会") in found
    assert not any(canonical.startswith("国家") for _, canonical in found)


def test_a_body_that_no_longer_exists_keeps_its_name_and_links_to_its_successor():
    from kg import api

    text = "国家工商行政管理总局关于做好2015年工作的通知\n国家工商总局、质检总局要加强协作。"
    ex = api.extract_text(text)
    assert ("国家工商总局", "国家工商行政管理总局") in [(a.name, a.canonical) for a in ex.agencies]
    _, _, shared = triples_of(ex)
    graph = Graph().parse(data=shared, format="nt")
    base = "https://w3id.org/policy-kg/id/"
    old, new = URIRef(base + "agency/国家工商行政管理总局"), URIRef(base + "agency/国家市场监督管理总局")
    assert (new, DCTERMS.replaces, old) in graph
    event = graph.value(new, ORG.resultedFrom)
    assert (event, RDF.type, ORG.ChangeEvent) in graph
    assert (event, ORG.originalOrganization, old) in graph
    assert graph.value(event, DCTERMS.date) == Literal("2018-03-17", datatype=XSD.date)
    assert (new, ORG.classification, URIRef(base + "body-kind/国务院直属机构")) in graph


def test_an_academicians_title_is_not_a_mention_of_the_academy(extract_text):
    found = agencies(extract_text, "培养不少于10名中国科学院、中国工程院院士后备人才，中国科学院负责评审。")
    assert found == [("中国科学院", "中国科学院")]


def test_a_short_form_may_name_two_bodies_one_after_the_other_and_the_date_decides():
    r = Roster({"forms": FORMS, "kinds": KINDS, "body": [
        {"name": "新办", "short": ["网信办"], "kind": "directly-under", "replaces": [{"name": "旧办", "date": "2018-03-21"}]},
        {"name": "旧办", "short": ["网信办"], "kind": "directly-under", "since": "2014-02-27"}]})
    assert (r.at("网信办", "2015"), r.at("网信办", "2020-01-01"), r.at("网信办", None)) == ("旧办", "新办", "新办")


@pytest.mark.parametrize("date, body", [("2014年12月29日", "中央网络安全和信息化领导小组办公室"),
                                        ("2020年11月1日", "中央网络安全和信息化委员会办公室")])
def test_a_short_form_names_the_body_of_the_documents_date(extract_text, date, body):
    text = f"国务院办公厅关于某事的通知\n中央网信办、国务院新闻办负责。\n国务院办公厅\n{date}"
    found = dict(agencies(extract_text, text))
    assert found["中央网信办"] == body and found["国务院新闻办"] == "国务院新闻办公室"


def test_a_document_number_is_no_mention_of_its_issuer(extract_text):
    found = agencies(extract_text, "国务院办公厅关于印发预案的通知\n国办函〔2014〕119号\n国办要抓好落实。")
    assert found == [("国务院办公厅", "国务院办公厅"), ("国办", "国务院办公厅")]
    assert len(found) == 2  # 国办 of 国办函〔2014〕 is not one
