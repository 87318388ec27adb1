import datetime

import pytest

from kg.text.normalize import normalize
from kg.text.structure import parse

from conftest import SEED


@pytest.fixture(scope="module")
def doc():
    return parse(normalize(SEED.read_text(encoding="utf-8")))


def test_title_and_interpretation_framing(doc):
    assert len(doc.parts) == 1
    part = doc.parts[0]
    assert part.title.text == "解读：《中关村国家自主创新示范区知识产权行动方案（2019-2021）》"
    assert part.interprets.text == "中关村国家自主创新示范区知识产权行动方案（2019-2021）"


def test_source_block_is_metadata_not_body(doc):
    meta = doc.metadata
    assert meta.published == datetime.date(2019, 4, 23)
    assert meta.source_url == "http://zgcgw.beijing.gov.cn/zgc/zwgk/zcfg18/sfqzcjd/186729/index.html"
    assert meta.source_name == "中関村国家自主創新示範区ウェブサイト"
    assert not any("出所" in s.text or "http" in s.text for s in doc.sentences)


def test_four_sections_in_order(doc):
    assert [(s.number, s.heading) for s in doc.sections] == [
        (1, "出台背景"), (2, "主要特色和工作目标"), (3, "实施落实“五大任务”"), (4, "保障措施")]


def test_inline_enumerations_with_their_lead_in(doc):
    found = [(doc.text[e.lead_in_start:e.lead_in_end], [doc.text[i.label_start:i.label_end] for i in e.items])
             for e in doc.enumerations]
    assert len(found) == 3
    problems, features, tasks = found
    assert problems[0].endswith("还存在一定差距：") and len(problems[1]) == 4
    assert features[0].endswith("主要呈现以下4个突出特点：")
    assert features[1] == ["突出了目标导向", "突出了知识产权对产业的支撑作用", "突出了构建知识产权大保护格局", "突出了知识产权海外布局工作"]
    assert tasks[0] == "实施落实“五大任务”"
    assert tasks[1][0] == "大力推进知识产权创造" and len(tasks[1]) == 5


def test_sentences_map_to_the_original(doc):
    original = SEED.read_text(encoding="utf-8")
    for s in doc.sentences:
        span = doc.span(s.start, s.end)
        raw = "".join(original[span.start:span.end].split())
        assert raw.replace("２０１９", "2019").replace("４", "4").replace("２３", "23") == "".join(s.text.split())


@pytest.mark.parametrize("text, kinds", [
    ("一、总体要求\n（一）指导思想。\n内容。\n1.加强领导。\n（1）细则。", ["section", "subsection", "item", "subitem"]),
    ("第一章　总则\n第一条 为规范管理，制定本办法。\n第二条 本办法适用于全州。", ["chapter", "article", "article"]),
])
def test_numbered_blocks_at_every_depth(text, kinds):
    doc = parse(normalize("标题\n" + text))
    assert [s.kind for s in doc.sections] == kinds


def test_nesting_follows_the_markers():
    doc = parse(normalize("标题\n一、主要任务\n（一）甲。\n（二）乙。\n二、保障措施\n内容。"))
    parents = {s.heading: (doc.sections[s.parent].heading if s.parent is not None else None) for s in doc.sections}
    assert parents == {"主要任务": None, "甲": "主要任务", "乙": "主要任务", "保障措施": None}


NOTICE = """某某省人民政府办公厅关于印发某某行动计划（2021-2023年）的通知
（某政办〔2021〕82号）
各市人民政府，省政府各部门：
《某某行动计划（2021-2023年）》已经省政府同意，现印发给你们，请认真抓好落实。
某某省人民政府办公厅
2021年9月2日
（此件公开发布）
某某行动计划（2021-2023年）
一、总体要求
内容。
二、行动步骤
（一）网络行动。
1﹒推进外网建设。内容。（责任单位：省通信管理局）
专栏1  互联互通工程
内容。
附件
专项工作组名单
组长：某某 省长"""


def test_a_notice_and_the_documents_it_issues_are_parts():
    doc = parse(normalize(NOTICE))
    assert [p.title.text for p in doc.parts] == [
        "某某省人民政府办公厅关于印发某某行动计划（2021-2023年）的通知", "某某行动计划（2021-2023年）", "专项工作组名单"]
    notice, plan, annex = doc.parts
    assert notice.number.text == "某政办〔2021〕82号"
    assert notice.addressees.text == "各市人民政府，省政府各部门"
    assert (notice.issuer.text, notice.date) == ("某某省人民政府办公厅", datetime.date(2021, 9, 2))
    assert not plan.annex and annex.annex
    roles = {doc.text[p.start:p.end]: p.role for p in doc.paragraphs}
    assert roles["（此件公开发布）"] == "note" and roles["附件"] == "annex"


def test_sections_restart_in_each_part_and_boxes_are_blocks():
    doc = parse(normalize(NOTICE))
    plan_sections = [(s.kind, s.heading) for s in doc.sections if s.part == 1]
    assert plan_sections == [("section", "总体要求"), ("section", "行动步骤"), ("subsection", "网络行动"),
                             ("item", "推进外网建设"), ("box", "互联互通工程")]


def test_a_chapter_heading_glued_to_its_first_article_is_split():
    text = "某某暂行办法\n　第一章　总则　　第一条 　为规范管理，制定本办法。\n　　第二条 　本办法由某某局负责解释。"
    doc = parse(normalize(text))
    assert [(s.kind, s.heading) for s in doc.sections] == [("chapter", "总则"), ("article", ""), ("article", "")]
    assert [p.role for p in doc.paragraphs] == ["title", "heading", "body", "body"]


def test_front_date_under_a_title():
    doc = parse(normalize("中共中央 国务院关于实施某某战略的意见\n（2018年1月2日）\n正文。"))
    assert doc.parts[0].date == datetime.date(2018, 1, 2)


DATABASE_COPY = """【法宝引证码】CLI.12.5115678
原文链接：https://www.pkulaw.com/lar/abc.html
某某办公室关于印发某某意见的通知
某某办公室关于印发某某意见的通知
皖开放办〔2022〕6号
省有关单位：
现将《某某意见》印发给你们，请认真贯彻落实。
某某办公室
2022年3月23日
某某意见
一、总体要求
内容。
2022年3月23日
"""


def test_a_databases_header_lines_are_metadata_and_a_repeated_title_is_one():
    doc = parse(normalize(DATABASE_COPY))
    assert doc.metadata.source_url == "https://www.pkulaw.com/lar/abc.html"
    assert [p.title.text for p in doc.parts] == ["某某办公室关于印发某某意见的通知", "某某意见"]
    assert not any("法宝" in doc.text[p.start:p.end] for p in doc.paragraphs if p.role == "body")
    assert doc.parts[0].number.text == "皖开放办〔2022〕6号"


@pytest.mark.parametrize("record", [
    # a crawler's record above the text, as two crawls of government sites write it
    "标题: 某区生态环境局2022年工作总结及2023年工作计划\n发布时间: 2023-12-18 10:19\n文号: \n栏目: 工作进展情况\n"
    "==================== 正文 ====================\n",
    "标题：某区生态环境局2022年工作总结及2023年工作计划\n发文单位：某区生态环境局\n发文时间：未知\n正文：\n",
])
def test_a_crawlers_record_gives_the_title_and_is_no_text(record):
    doc = parse(normalize(record + "2022年，我局推进各项工作。一、2022年主要工作\n完成造林1000亩。"))
    assert doc.parts[0].title.text == "某区生态环境局2022年工作总结及2023年工作计划"
    body = "".join(doc.text[p.start:p.end] for p in doc.paragraphs if p.role == "body")
    assert body.startswith("2022年，我局") and "发布" not in body and "发文" not in body and "正文" not in body


def test_one_line_of_a_field_is_no_record():
    doc = parse(normalize("标题：某某通知\n现将有关事项通知如下。"))
    assert [p.role for p in doc.paragraphs][:1] != ["source"]


def test_a_sign_off_of_a_date_alone_ends_its_part():
    doc = parse(normalize(DATABASE_COPY))
    plan = doc.parts[1]
    assert plan.date == datetime.date(2022, 3, 23) and plan.issuer is None
    assert [p.role for p in doc.paragraphs if p.part == 1][-1] == "signoff"


def test_a_line_listing_annexes_does_not_open_one():
    text = "某某通知\n现将有关事项通知如下。\n附件：1.某某名单\n某某局\n2022年1月5日\n附件1\n某某名单\n张三 某某局局长"
    doc = parse(normalize(text))
    assert [(p.title.text if p.title else None, p.annex) for p in doc.parts] == [("某某通知", False), ("某某名单", True)]


def test_an_item_marker_before_digits_opens_a_block_only_in_sequence():
    text = "某某意见\n一、任务\n10.甲项目。内容。\n11.121人才梯队项目。内容。\n3.5%的增长来自出口。\n"
    doc = parse(normalize(text))
    assert [(s.kind, s.number, s.heading) for s in doc.sections] == [
        ("section", 1, "任务"), ("item", 10, "甲项目"), ("item", 11, "121人才梯队项目")]


# A page copied from a website whose line breaks were lost: only the indentation of each
# paragraph (an ideographic space) and the spaces around the sign-off are left.
GLUED_PAGE = ("某某部关于印发某某行动计划的通知某发〔2011〕42号 各省、自治区、直辖市人民政府：　  现将《某某行动计划》"
              "印发给你们，请认真贯彻执行。　　　　　　某  某  部　　　　　　  二○一一年十二月五日  某某行动计划 　  "
              "为推进某某工作，制定本计划。　  一、工作形势　  “十一五”期间，某某指标提高到52%。"
              "　  二、主要目标　  到2015年，某某指标达到72%。")


def test_a_page_that_lost_its_line_breaks_is_split_at_its_indentation():
    doc = parse(normalize(GLUED_PAGE))
    notice, plan = doc.parts
    assert notice.title.text == "某某部关于印发某某行动计划的通知"
    assert notice.number.text == "某发〔2011〕42号"
    assert notice.addressees.text == "各省、自治区、直辖市人民政府"
    assert notice.date == datetime.date(2011, 12, 5)
    assert plan.title.text == "某某行动计划"
    assert [(s.kind, s.heading) for s in doc.sections] == [("section", "工作形势"), ("section", "主要目标")]


@pytest.mark.parametrize("written, date", [("二〇二〇年一月三十一日", datetime.date(2020, 1, 31)),
                                           ("二○○九年九月九日", datetime.date(2009, 9, 9)),
                                           ("二零一八年十二月二十日", datetime.date(2018, 12, 20)),
                                           ("2021年3月1日", datetime.date(2021, 3, 1)),
                                           ("二〇二〇年二月三十日", None)])
def test_a_sign_off_date_in_chinese_numerals(written, date):
    doc = parse(normalize(f"某某通知\n现将有关事项通知如下。\n某某局\n{written}"))
    assert doc.parts[0].date == date


def test_a_title_broken_inside_and_a_plan_after_its_signoff_date():
    # A copy whose title runs over two lines, and whose plan starts after the notice's date on the same line.
    text = ("国务院关于印发国家环境保护\n\n\n\n“十一五”规划的通知\n国发〔2007〕37号\n各省人民政府：\n"
            "　　现将《国家环境保护“十一五”规划》印发给你们。\n　　　　国务院\n\n"
            "　　　　二○○七年十一月二十二日 国家环境保护“十一五”规划　　根据《纲要》，制定本规划。\n　　一、环境形势\n内容。")
    doc = parse(normalize(text))
    notice, plan = doc.parts
    assert notice.title.text == "国务院关于印发国家环境保护“十一五”规划的通知"
    assert (notice.issuer.text, notice.date) == ("国务院", datetime.date(2007, 11, 22))
    assert plan.title.text == "国家环境保护“十一五”规划"


def test_a_line_after_a_title_of_its_own_is_not_joined_to_it():
    doc = parse(normalize("某某市人民政府文件\n关于加强某项管理的通知\n各区人民政府：\n内容。"))
    assert "文件关于" not in doc.parts[0].title.text  # only a line that opens a title (关于…) goes on


def test_an_issuer_and_date_under_the_title_are_a_byline_not_a_signoff():
    text = "中华人民共和国2024年国民经济和社会发展统计公报\n国家统计局\n2025年2月28日\n一、综合\n全年国内生产总值1349084亿元。"
    doc = parse(normalize(text))
    assert len(doc.parts) == 1
    part = doc.parts[0]
    assert (part.title.text, part.issuer.text, part.date) == (
        "中华人民共和国2024年国民经济和社会发展统计公报", "国家统计局", datetime.date(2025, 2, 28))


def test_a_page_that_is_only_a_table_takes_its_title_from_a_merged_first_row():
    text = "| 某县2018年度河长制工作考核细则 |  |  |\n| 序号 | 考核项目 | 各项分值 |\n| 1 | 组织领导 | 8 |\n"
    doc = parse(normalize(text))
    assert doc.parts[0].title.text == "某县2018年度河长制工作考核细则"
    assert [p.role for p in doc.paragraphs] == ["title", "table", "table"]
    assert parse(normalize("| 甲 | 乙 |\n| 1 | 2 |\n")).parts[0].title is None  # two filled cells: a header row


def test_a_jointly_issued_document_signs_with_every_body_above_its_date():
    from kg.text.normalize import normalize
    from kg.text.structure import parse

    text = ("关于印发行动方案的通知\n各有关单位：\n现将方案印发给你们，请认真贯彻执行。\n"
            "附件：行动方案\n广东省发展改革委　　　　广东省能源局\n广东省工业和信息化厅　　广东省生态环境厅\n"
            "中国人民银行广东省分行\n2026年9月7日\n")
    doc = parse(normalize(text))
    issuer = doc.parts[0].issuer.text
    assert issuer.startswith("广东省发展改革委") and issuer.endswith("中国人民银行广东省分行")
    assert "附件" not in issuer  # the line announcing the annex is no part of the sign-off


ISSUED_PAGE = ("某省人民政府办公厅关于印发《某省加快构建\n"
               "重点企业梯度培育体系行动方案\n"
               "（2026—2030年）》的通知\n"
               "某办函〔2026〕59号\n"
               "各市人民政府：\n"
               "《某省加快构建重点企业梯度培育体系行动方案（2026—2030年）》已经省人民政府同意，现印发给你们。\n"
               "某省人民政府办公厅\n"
               "2026年4月30日\n"
               "（本文有删减）\n"
               "某省加快构建重点企业梯度培育体系\n"
               "行动方案（2026—2030年）\n"
               "为培育重点企业，制定本方案。\n"
               "一、主要目标\n"
               "到2030年，建成培育体系。\n")


def test_a_title_over_three_lines_an_editorial_note_and_an_issued_plans_broken_title():
    doc = parse(normalize(ISSUED_PAGE))
    titles = [p.title.text if p.title else None for p in doc.parts]
    # the notice's title runs on while its 《 is open; （本文有删减） is a note, not a title; the plan's
    # title, broken anywhere, is whole because the notice cited it
    assert titles == ["某省人民政府办公厅关于印发《某省加快构建重点企业梯度培育体系行动方案（2026—2030年）》的通知",
                      "某省加快构建重点企业梯度培育体系行动方案（2026—2030年）"]


def test_a_cover_title_set_over_two_lines_is_one_title():
    from kg.text.normalize import normalize
    from kg.text.structure import parse

    doc = parse(normalize("“十四五”软件和信息技术服务业\n发展规划\n工业和信息化部\n一、发展回顾\n内容。\n"))
    assert doc.parts[0].title.text.replace("\n", "") == "“十四五”软件和信息技术服务业发展规划"


def test_an_item_whose_text_opens_with_a_year_is_an_item_and_a_decimal_is_not():
    from kg.text.normalize import normalize
    from kg.text.structure import parse

    doc = parse(normalize("某某重点任务分工方案\n（一）深化改革。\n1．2021年6月底前研究提出新一批事项。\n2．深化投资审批制度改革。\n"
                          "1.5万户家庭受益。\n"))
    items = [s for s in doc.sections if s.kind == "item"]
    assert [s.number for s in items] == [1, 2]


def test_a_joint_documents_red_head_is_no_title():
    text = ("山东省商务厅\n山东省发展和改革委员会\n山东省财政厅\n鲁商字〔2025〕1号\n"
            "关于印发《山东省2025年家电以旧换新实施方案》的通知\n各市商务主管部门：\n现将方案印发给你们，请认真贯彻落实。\n")
    part = parse(normalize(text)).parts[0]
    assert part.title.text == "关于印发《山东省2025年家电以旧换新实施方案》的通知"
    assert part.number is not None and part.number.text == "鲁商字〔2025〕1号"


def test_a_first_line_that_names_no_title_below_it_is_still_the_title():
    text = "中华人民共和国劳动合同法\n中华人民共和国主席令\n第六十五号\n现予公布，自2008年1月1日起施行。\n"
    assert parse(normalize(text)).parts[0].title.text == "中华人民共和国劳动合同法"


SPEECH = ("各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n\n2021年工作回顾\n\n2021年，全市经济平稳运行。\n\n"
          "（一）产业发展。新建厂房12万平方米。\n\n2022年工作安排\n\n（一）扩大投资。实施重点项目300个以上。\n\n"
          "地区生产总值\n\n全市新建学校情况回顾如下，共计12所。\n")


@pytest.mark.parametrize("review, plan", [("2021年工作回顾", "2022年工作安排"), ("过去五年工作回顾", "2022年政府工作任务")])
def test_a_report_part_headed_by_an_unnumbered_line_of_its_own_is_a_section(review, plan):
    doc = parse(normalize(SPEECH.replace("2021年工作回顾", review).replace("2022年工作安排", plan)))
    tops = [s.heading for s in doc.sections if s.parent is None]
    assert tops == [review, plan]  # not a table's label, not a sentence
    inner = [(s.heading, doc.sections[s.parent].heading) for s in doc.sections if s.parent is not None]
    assert inner == [("产业发展", review), ("扩大投资", plan)]


def test_a_pages_breadcrumb_above_the_title_is_no_title():
    text = ("当前位置： [首页](https://example.gov.cn/) > [信息公开](https://example.gov.cn/xxgk/) > 统计数据\n\n"
            "某省2023年3月份成品油市场运行监测情况\n\n3月份，全省购进成品油14.39万吨。\n")
    doc = parse(normalize(text))
    assert doc.parts[0].title.text == "某省2023年3月份成品油市场运行监测情况"
