"""Targets and baselines from sentences written to probe one rule each."""

import pytest


def targets(extract_text, text):
    return [(t.indicator, t.comparator.value, str(t.value), t.unit, t.deadline and t.deadline.year, t.period and t.period.value)
            for t in extract_text(text).targets]


def baselines(extract_text, text):
    return [(b.indicator, b.comparator.value, str(b.value), b.unit, b.year) for b in extract_text(text).baselines]


@pytest.mark.parametrize("text, expected", [
    ("到2025年，全省有效发明专利拥有量超过15万件。", [("有效发明专利拥有量", ">", "150000", "件", 2025, None)]),
    ("到2025年，年度PCT专利申请量达到8000件。", [("PCT专利申请量", ">=", "8000", "件", 2025, "annual")]),
    ("到2025年，国际商标注册量累计达到18000件。", [("国际商标注册量", ">=", "18000", "件", 2025, "cumulative")]),
    ("到2025年，累计培育30家以上技术转移机构。", [("培育技术转移机构", ">=", "30", "家", 2025, "cumulative")]),
    ("到2025年，新引入5-10家国际服务机构。", [("新引入国际服务机构", "range", "5", "家", 2025, None)]),
    ("到2025年，研发投入强度达到2.5%左右。", [("研发投入强度", ">=", "2.5", "%", 2025, None)]),
    ("力争到2023年，上云企业达到1万家。", [("上云企业", ">=", "10000", "家", 2023, None)]),
])
def test_targets_with_a_deadline(extract_text, text, expected):
    assert targets(extract_text, text) == expected


def test_several_targets_in_one_sentence_each_get_their_indicator(extract_text):
    text = "到2021年，有效发明专利拥有量超过15万件，年度PCT专利申请量达到8000件；商标注册量过百件企业达到350家。"
    assert [t[0] for t in targets(extract_text, text)] == ["有效发明专利拥有量", "PCT专利申请量", "商标注册量过百件企业"]


def test_a_threshold_inside_an_indicator_is_not_a_value(extract_text):
    text = "到2021年，年度专利申请过百件的优势企业达到140家。"
    assert targets(extract_text, text) == [("专利申请过百件的优势企业", ">=", "140", "家", 2021, "annual")]


@pytest.mark.parametrize("text", [
    "计划用3年的时间，推动知识产权工作再上新台阶。",
    "主要呈现以下4个突出特点。",
    "实施落实五大任务，建设一区十六园。",
])
def test_numbers_that_are_not_targets(extract_text, text):
    found = extract_text(text)
    assert found.targets == [] and found.baselines == []


def test_baselines_are_figures_of_a_past_year(extract_text):
    text = ("关于印发某某行动方案（2019-2021年）的通知\n"
            "2018年，企业专利申请超过8.6万件，其中发明专利申请量达5.1万件；发明专利授权量2.1万件。")
    assert baselines(extract_text, text) == [
        ("企业专利申请", ">", "86000", "件", 2018),
        ("发明专利申请量", ">=", "51000", "件", 2018),
        ("发明专利授权量", "=", "21000", "件", 2018),
    ]


def test_a_count_before_its_noun_takes_the_noun_as_indicator(extract_text):
    text = "2018年，117家企业专利申请量过百件。"
    assert baselines(extract_text, text) == [("企业专利申请量过百件", "=", "117", "家", 2018)]


def test_a_comparator_in_a_task_measure_makes_a_target(extract_text):
    text = ("三、主要任务\n"
            "一是推进知识产权创造。实施培育工程，每年推动50项以上高价值专利项目落地转化。"
            "二是加强保护。完善机制。")
    found = extract_text(text)
    assert [(t.indicator, t.comparator.value, str(t.value), t.period.value, t.task) for t in found.targets] == [
        ("推动高价值专利项目落地转化", ">=", "50", "annual", 1)]


def test_scope_is_the_place_opening_the_sentence(extract_text):
    found = extract_text("到2021年，中关村示范区有效发明专利拥有量超过15万件。")
    target = found.targets[0]
    assert (target.scope_written, target.scope) == ("中关村示范区", "中关村国家自主创新示范区")
    assert target.indicator == "有效发明专利拥有量"


def test_target_evidence_points_at_the_original(extract_text):
    text = "到 2021 年，有效发明专利拥有量超过 15 万件。"
    target = extract_text(text).targets[0]
    assert text[target.evidence.span.start:target.evidence.span.end] == "有效发明专利拥有量超过 15 万件"
