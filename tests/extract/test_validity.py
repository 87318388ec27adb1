"""When a document holds and how it links to the documents it cites, read from made-up clauses of the
kinds real rules write; the expected links, dates and terms are what a reader reads in them."""

import datetime as dt

NOTICE = """某市人民政府办公室关于印发某市数据管理办法的通知
各区人民政府：
现将《某市数据管理办法》印发给你们，请认真贯彻执行。
某市人民政府办公室
2024年3月1日
某市数据管理办法
第一条 为贯彻落实《中华人民共和国数据安全法》，根据《某省数据条例》《某省公共数据管理办法》和省数据局印发的《某省数据分类指南》，结合本市实际，制定本办法。
第二条 本办法所称数据，是指依照《某市信息化促进条例》有关规定管理的数据。
第三条 本办法自2024年4月1日起施行，有效期5年。《某市政务数据管理暂行办法》（某府办〔2019〕5号）自本办法施行之日起同时废止。
"""


def links(ex):
    titles = {d.key: d.title for d in ex.documents}
    return [(link.kind, titles[link.source], titles[link.target]) for link in ex.links]


def test_a_cue_links_each_title_of_its_chain_and_a_repeal_follows_its_title(extract_text):
    got = links(extract_text(NOTICE))
    rules = "某市数据管理办法"
    assert got == [
        ("implements", rules, "中华人民共和国数据安全法"),
        ("based_on", rules, "某省数据条例"), ("based_on", rules, "某省公共数据管理办法"),
        ("based_on", rules, "某省数据分类指南"),  # the body that issued it stands between
        ("based_on", rules, "某市信息化促进条例"),
        ("repeals", rules, "某市政务数据管理暂行办法"),  # after its number and 自…起
    ]


def test_entry_into_force_and_term_belong_to_the_document_the_notice_issues(extract_text):
    ex = extract_text(NOTICE)
    got = [(v.kind, v.document, v.date, v.years) for v in ex.validity]
    assert got == [("entry", "某市数据管理办法", dt.date(2024, 4, 1), None), ("term", "某市数据管理办法", None, 5)]


def test_a_relative_entry_a_term_in_chinese_numerals_an_end_date_and_an_amendment(extract_text):
    text = ("某县旅游发展实施意见\n一、本意见自印发之日起施行，暂定三年。\n"
            "二、某县补贴办法执行至2026年12月31日。\n三、对《某县旅游奖励办法》作如下修改：删去第五条。\n")
    ex = extract_text(text)
    assert [(v.kind, v.relative, v.years, v.until) for v in ex.validity] == [
        ("entry", "issue", None, None), ("term", None, 3, None), ("term", None, None, dt.date(2026, 12, 31))]
    assert links(ex) == [("amends", "某县旅游发展实施意见", "某县旅游奖励办法")]


def test_a_title_cited_without_a_cue_links_nothing(extract_text):
    text = "某市行动方案\n一、学习《某市发展规划》，开展宣传。本方案所称企业，见《某市企业名录》。\n"
    assert links(extract_text(text)) == []
