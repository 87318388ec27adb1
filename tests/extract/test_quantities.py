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
    ("到2025年，研发投入强度达到2.5%左右。", [("研发投入强度", "~", "2.5", "%", 2025, None)]),
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


@pytest.mark.parametrize("text, expected", [
    # 今年 is the document's year; the title gives it.
    ("2022年政府工作报告\n今年发展主要预期目标是：国内生产总值增长5.5%左右；城镇调查失业率全年控制在5.5%以内；粮食产量保持在1.3万亿斤以上。",
     [("国内生产总值增长", "~", "5.5", "%", 2022, None), ("城镇调查失业率", "<=", "5.5", "%", 2022, None),
      ("粮食产量", ">=", "1300000000000", "斤", 2022, None)]),
    # 明年 from a dated document.
    ("某某市关于某事的通知\n各区政府：\n明年全市新增就业达到10万人。\n某某市人民政府\n2023年5月6日",
     [("新增就业", ">=", "100000", "人", 2024, None)]),
])
def test_relative_years_resolve_against_the_document(extract_text, text, expected):
    assert targets(extract_text, text) == expected


def test_a_deadline_holds_for_the_rest_of_a_target_section(extract_text):
    text = ("某某行动计划\n一、总体要求\n（二）发展目标\n到2023年，工业互联网建设量质并进。\n"
            "--平台建设长足进步。培育3家综合型平台，20家行业型平台。\n二、行动步骤\n（一）网络体系强基行动。")
    assert targets(extract_text, text) == [
        ("培育综合型平台", "=", "3", "家", 2023, None), ("行业型平台", "=", "20", "家", 2023, None)]


def test_review_sections_report_baselines_of_their_year(extract_text):
    text = ("2022年政府工作报告\n一、2021年工作回顾\n——经济保持恢复发展。国内生产总值达到114万亿元，增长8.1%。"
            "全国财政收入突破20万亿元，增长10.7%。\n二、2022年工作任务\n内容。")
    assert baselines(extract_text, text) == [
        ("国内生产总值", ">=", "114000000000000", "元", 2021), ("国内生产总值增长", "=", "8.1", "%", 2021),
        ("财政收入", ">", "20000000000000", "元", 2021), ("财政收入增长", "=", "10.7", "%", 2021)]


def test_fen_bie_spreads_values_over_a_list_of_indicators(extract_text):
    text = "到2024年，A类企业、B类企业和C类企业分别占比达30%、20%和10%。"
    assert targets(extract_text, text) == [
        ("A类企业占比", ">=", "30", "%", 2024, None), ("B类企业占比", ">=", "20", "%", 2024, None),
        ("C类企业占比", ">=", "10", "%", 2024, None)]


def test_a_change_of_an_object_holds_with_about(extract_text):
    found = extract_text("到2020年，削减化学需氧量约400万吨。").targets
    assert [(t.comparator.value, t.change and t.change.value, str(t.value)) for t in found] == [("~", "down", "4000000")]


def test_a_list_of_values_pairs_with_as_many_subjects_before_it_without_fen_bie(extract_text):
    text = "到2020年，减排烟尘、二氧化硫、氮氧化物约30、210、70万吨。"
    assert [(t.indicator[-4:], str(t.value), t.unit) for t in extract_text(text).targets] == [
        ("减排烟尘", "300000", "吨"), ("二氧化硫", "2100000", "吨"), ("氮氧化物", "700000", "吨")]


def test_service_standards_bind_government_bodies_only(extract_text):
    found = extract_text("第二十七条 其他政务部门应当自收到申请之日起7个工作日内答复。"
                         "研发机构须自变更之日起30日内办理备案变更。")
    assert [(t.indicator, t.comparator.value, str(t.value), t.unit, t.evidence.rule) for t in found.targets] == [
        ("答复", "<=", "7", "工作日", "target.service-standard")]


def test_a_time_limit_ending_its_clause_is_named_by_the_act_that_follows(extract_text):
    found = extract_text("某某条例\n第十条 海洋主管部门应当自收到报告书之日起60个工作日内，作出是否核准的决定。\n"
                         "第十一条 申请人应当自投入试运行之日起60个工作日内，申请验收。")
    assert [(f.role, f.indicator, f.comparator.value, str(f.value), f.unit) for f in found.figures] == [
        ("target", "作出是否核准的决定", "<=", "60", "工作日"), ("parameter", "申请验收", "<=", "60", "工作日")]


@pytest.mark.parametrize("text", [
    "三、主要任务\n一是支持项目。对实施产业化项目并实际完成投资1000万元及以上的，给予奖补。二是其他。内容。",
    "三、主要任务\n一是贴息。单个项目贴息期不超过3年。二是其他。内容。",
    "三、主要任务\n一是托育。将3岁以下婴幼儿照护费用纳入扣除。二是其他。内容。",
    "三、主要任务\n一是粮食。把14亿多中国人的饭碗端在手中。二是其他。内容。",
    "三、主要任务\n一是国企。深入实施国企改革三年行动。二是其他。内容。",
])
def test_conditions_caps_ages_and_names_are_not_targets(extract_text, text):
    assert extract_text(text).targets == []


def test_more_than_with_duo_and_yu(extract_text):
    found = extract_text("2020年，全市惠及3700多万学生，新增市场主体1000余家，装机规模突破10亿千瓦。")
    assert [(b.indicator, b.comparator.value, str(b.value), b.unit) for b in found.baselines] == [
        ("惠及学生", ">", "37000000", None), ("新增市场主体", ">", "1000", "家"), ("装机规模", ">", "1000000000", "千瓦")]


def test_a_decimal_count_with_its_multiplier_counts_the_noun_after_it_and_a_version_does_not(extract_text):
    found = extract_text("2020年，全市实现0.6万贫困人口脱贫，上线政务服务3.0版平台。")
    assert [(b.indicator, str(b.value), b.unit) for b in found.baselines] == [("贫困人口脱贫", "6000", None)]


def test_a_label_closed_by_a_colon_names_what_the_figures_after_it_count(extract_text):
    found = extract_text("到2025年，全市建成以下设施：充电站：75座；换电站：12座，充电桩：4200根。")
    assert [(f.indicator, str(f.value), f.unit) for f in found.figures] == [
        ("充电站", "75", "座"), ("换电站", "12", "座"), ("充电桩", "4200", "根")]


def test_the_number_of_a_telephone_line_is_no_quantity(extract_text):
    found = extract_text("到2025年，优化12319城市管理服务热线，开通12345政务服务便民热线，新建公园12个。")
    assert [(str(f.value), f.unit) for f in found.figures] == [("12", "个")]


def test_every_year_carries_to_the_next_clause_but_not_past_a_semicolon(extract_text):
    text = "三、主要任务\n一是推广。每年推广应用工业机器人8000台以上，工业人工智能应用100个以上；新建智能工厂10个以上。二是其他。内容。"
    assert [(t.indicator, t.period and t.period.value) for t in extract_text(text).targets] == [
        ("推广应用工业机器人", "annual"), ("工业人工智能应用", "annual"), ("新建智能工厂", None)]


def test_fen_bie_with_a_shared_qualifier_before_the_list(extract_text):
    # 全省与其他RCEP国家: the words before the first list member qualify every member.
    text = "到2024年，全省与其他国家货物贸易、对外投资和实际利用外资分别占比达30%、20%和10%。"
    assert [(t[0], t[2]) for t in targets(extract_text, text)] == [
        ("与其他国家货物贸易占比", "30"), ("对外投资占比", "20"), ("实际利用外资占比", "10")]


ITEMS = "某某市2022年考评细则\n一、市场监管\n{}（1分）（8月底完成，牵头考核单位：市市场监管局）\n二、其他\n内容。"


def test_a_bracket_after_a_figure_restates_it_with_the_same_object(extract_text):
    text = ITEMS.format("47．全市新增2400户（累计约3600户）大中型餐饮单位纳入监管平台。")
    assert targets(extract_text, text) == [  # by the item's 8月底 of the document's year
        ("新增大中型餐饮单位纳入监管平台", "=", "2400", "户", 2022, None),
        ("大中型餐饮单位纳入监管平台", "~", "3600", "户", 2022, "cumulative")]


def test_a_share_of_a_population_in_a_measure_is_a_target(extract_text):
    text = ITEMS.format("46．全市90%的重点领域市场主体纳入智慧监管平台。")
    assert targets(extract_text, text) == [("重点领域市场主体纳入智慧监管平台", "=", "90", "%", 2022, None)]
    # The same share read as a fact, outside any measure, is no target.
    assert targets(extract_text, "关于某事的通知\n全市90%的市场主体已纳入平台。") == []
    # ...and so is a share written right before the noun it shares out, after a verb
    text = ITEMS.format("47．推广首席质量官制度，覆盖全市50%规模以上企业。")
    assert targets(extract_text, text) == [("覆盖全市规模以上企业", "=", "50", "%", 2022, None)]


@pytest.mark.parametrize("item, expected", [
    ("59．新增5G基站1000座。", [("新增5G基站", "=", "1000", "座", 2022, None)]),
    ("54．全面升级办公平台，打造协同办公3.0版。", []),  # a version, not a count
])
def test_a_measure_opening_with_a_target_verb_and_item_numbers(extract_text, item, expected):
    assert targets(extract_text, ITEMS.format(item)) == expected


TALENT = ("关于推进人才工程的实施意见\n一、总体目标\n1.目标。2012年起5年内，实现“引进高层次人才达到2000名左右”的目标。\n"
          "二、实施行动计划\n（一）产业人才行动计划。内容：\n{}\n三、其他\n内容。")


def test_a_span_of_years_from_a_start_sets_the_deadline_of_the_plan(extract_text):
    text = TALENT.format("2.博士后项目。深入实施培养工程，5年内培养资助博士后研究人员不少于400名。（牵头单位：市人社局）")
    assert targets(extract_text, text) == [
        ("引进高层次人才", "~", "2000", "名", 2016, None), ("培养资助博士后研究人员", ">=", "400", "名", 2016, None)]


def test_a_span_inside_a_noun_phrase_sets_nothing(extract_text):
    text = TALENT.format("2.拓展贸易。针对首年关税为零的2034种、5年内关税减让显著的2725种出口商品，加大开拓力度。")
    assert [t[2] for t in targets(extract_text, text)] == ["2000"]


# The plan runs 2012–2016 (2012年起5年内): its measures' outputs are due by 2016.
@pytest.mark.parametrize("item, expected", [
    ("2.企业家项目。选拔100名正职后备人才、200名副职后备人才。",
     [("选拔正职后备人才", "=", "100", "名", 2016, None), ("副职后备人才", "=", "200", "名", 2016, None)]),
    ("2.金融人才项目。重点引进30名金融高级管理人才和50名金融高级专业人才。",
     [("重点引进金融高级管理人才", "=", "30", "名", 2016, None), ("金融高级专业人才", "=", "50", "名", 2016, None)]),
    ("2.创业项目。培养产生100名“大学生创业能手”。", [("培养产生“大学生创业能手”", "=", "100", "名", 2016, None)]),
    ("2.学者项目。择优设立50个“羊城学者”特聘岗位。", [("择优设立“羊城学者”特聘岗位", "=", "50", "个", 2016, None)]),
    ("2.奖补项目。对认定的企业给予50万元奖励。", []),  # a grant, not an output
])
def test_counts_after_a_verb_in_a_measure_are_planned_outputs(extract_text, item, expected):
    assert targets(extract_text, TALENT.format(item))[1:] == expected


def test_every_term_of_a_worked_formula_is_a_figure_of_what_the_formula_measures(extract_text):
    text = ("某市灵活就业社会保险补贴政策解读\n对灵活就业人员按其缴纳社会保险费的30%给予补贴。"
            "补贴测算：（4000元×60%×16%+5000元×80%×6%）×30%=187.2元。")
    figures = [(str(f.value), f.unit) for f in extract_text(text).figures if f.indicator == "补贴测算"]  # its label
    assert figures == [("4000", "元"), ("60", "%"), ("16", "%"), ("5000", "元"), ("80", "%"), ("6", "%"),
                       ("30", "%"), ("187.2", "元")]  # 16%, 6%, 30% and the result have no words of their own


def test_the_numbers_of_service_lines_are_no_quantities_even_without_a_line_word(extract_text):
    text = "到2025年，推动12315与12345深度融合，电力服务信息通过95598 APP公布，新建公园12个。"
    assert [(str(f.value), f.unit) for f in extract_text(text).figures] == [("12", "个")]


def test_the_floor_and_room_of_an_address_are_no_quantities(extract_text):
    text = "受理地址：北京市海淀区万寿路27号院8号楼11层1121室。受理时间为30天，每个项目支持3家单位。"
    assert [(str(f.value), f.unit) for f in extract_text(text).figures] == [("30", "天"), ("3", "家")]


@pytest.mark.parametrize("item, expected", [
    ("48．新认定省级专精特新企业50家。", ("新认定省级专精特新企业", "=", "50", "家", 2022, None)),
    ("48．遴选示范项目20个。", ("遴选示范项目", "=", "20", "个", 2022, None)),
])
def test_recognising_and_selecting_make_planned_outputs(extract_text, item, expected):
    assert targets(extract_text, ITEMS.format(item)) == [expected]


def test_a_percentage_after_a_figure_and_de_is_its_share(extract_text):
    text = "某市能源规划\n一、发展基础\n2020年，全市电力装机容量1072万千瓦，占全省10383万千瓦的10.3%。"
    assert [(f.role, str(f.value), f.unit) for f in extract_text(text).figures] == [
        ("baseline", "10720000", "千瓦"), ("baseline", "103830000", "千瓦"), ("baseline", "10.3", "%")]


def test_a_count_of_the_bodies_that_issue_a_document_is_context(extract_text):
    text = "关于印发某市家电以旧换新补贴实施细则的通知\n市商务局等5部门研究制定了实施细则。每台补贴不超过2000元。"
    assert [(f.role, str(f.value), f.unit) for f in extract_text(text).figures] == [
        ("context", "5", "部门"), ("parameter", "2000", "元")]


def test_a_bound_marking_off_what_a_count_counts_in_an_account_is_context(extract_text):
    text = "某县2015年国民经济和社会发展统计公报\n全年引进千万元以上项目145个。全县600分以上考生22人。"
    assert [(f.role, str(f.value), f.unit) for f in extract_text(text).figures] == [
        ("context", "10000000", "元"), ("baseline", "145", "个"), ("context", "600", "分"), ("baseline", "22", "人")]
    # ...while in a policy it decides whom the policy is for
    rule = "某县招商引资奖励办法\n第一条 对引进亿元以上项目的，给予10万元奖励。"
    assert [f.role for f in extract_text(rule).figures] == ["threshold", "parameter"]


def test_a_lead_of_an_enumeration_counts_only_as_a_word_of_its_own(extract_text):
    text = "某县2015年国民经济和社会发展统计公报\n年末全县共有卫生机构23个，全年实施重点项目245项。本公报包括以下3个方面。"
    assert [(f.role, str(f.value)) for f in extract_text(text).figures] == [
        ("baseline", "23"), ("baseline", "245"), ("context", "3")]  # 共有 and 重点项目 are no leads; 以下 is


def test_a_chapter_telling_of_a_good_start_or_achievements_reviews_unless_it_asks_for_them(extract_text):
    plan = ("某县国民经济和社会发展第十五个五年规划纲要\n第一章 现代化建设实现良好开局\n"
            "全县经营主体突破10万户，人均公园绿地面积达16平方米。\n第二章 发展目标\n到2030年，经营主体达到15万户。")
    assert [(f.role, str(f.value)) for f in extract_text(plan).figures] == [
        ("baseline", "100000"), ("baseline", "16"), ("target", "150000")]
    report = ("某县2026年政府工作报告\n二、2026年工作安排\n（一）奋力实现“十五五”良好开局\n"
              "全年经营主体突破12万户。")
    assert [f.role for f in extract_text(report).figures] == ["target"]


def test_a_page_going_on_after_a_sign_off_keeps_the_title_of_the_page(extract_text):
    # a crawled page: a notice of the press conference, signed and dated, then a link line and the transcript
    text = ("某部新闻发布会介绍以旧换新行动进展成效和典型做法\n定于9月25日召开新闻发布会，欢迎关注。\n某部办公厅\n2024年9月24日\n"
            "[图片实录](https://example.gov.cn/tpsl/ \"图片实录\")\n主持人：截至8月底，全国汽车报废更新补贴申请量超过68万份。")
    assert [(f.role, str(f.value)) for f in extract_text(text).figures] == [("baseline", "680000")]
