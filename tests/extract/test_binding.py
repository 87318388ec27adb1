"""Clause-level binding: each figure takes its time, list member and comparator from its own clause outwards."""

import pytest

NOTICE = "关于做好某项工作的通知\n（2022年3月1日）\n{}"


def due(ex) -> list[tuple[str, str]]:
    """Each target's value and deadline, in order."""
    return [(str(t.value), str(t.deadline)) for t in ex.targets]


def targets(extract_text, text):
    return [(t.indicator, t.comparator.value, str(t.value), t.unit, str(t.deadline) if t.deadline else None)
            for t in extract_text(NOTICE.format(text)).targets]


def test_each_deadline_holds_for_its_own_clauses(extract_text):
    got = targets(extract_text, "2023年底前，甲覆盖率不低于80%；2024年底前，乙覆盖率不低于90%。")
    assert got == [("甲覆盖率", ">=", "80", "%", "2023"), ("乙覆盖率", ">=", "90", "%", "2024")]


@pytest.mark.parametrize("opening, deadline", [
    ("五年内", "2026"),  # the document's year counts as the first (2022 + 5 - 1)
    ("三年内", "2024"),
    ("明年上半年", "2023-06"),
    ("今年", "2022"),
    ("年底前", "2022"),
    ("“十四五”时期", "2025"),
    ("到“十四五”末", "2025"),
    ("到2035年", "2035"),
])
def test_relative_horizons_resolve_against_the_document(extract_text, opening, deadline):
    assert targets(extract_text, f"{opening}，全市建成充电桩1000个。") == [("建成充电桩", "=", "1000", "个", deadline)]


def test_a_change_counted_from_a_year_takes_the_deadline_not_that_year(extract_text):
    got = targets(extract_text, "到2025年，单位地区生产总值能耗比2020年下降13.5%。")
    assert got == [("单位地区生产总值能耗下降", "=", "13.5", "%", "2025")]


def test_from_a_year_to_a_level_is_a_baseline_then_a_target(extract_text):
    ex = extract_text(NOTICE.format("到2025年，全市地区生产总值由2020年的3000亿元增长到5000亿元。"))
    assert [(b.indicator, str(b.value), b.year, b.scope_written) for b in ex.baselines] == [
        ("地区生产总值", "300000000000", 2020, "全市")]
    assert [(t.indicator, str(t.value), str(t.deadline)) for t in ex.targets] == [("地区生产总值", "500000000000", "2025")]


def test_fen_bie_distributes_values_and_the_change_over_a_list(extract_text):
    got = [(t.indicator, t.comparator.value, str(t.value), t.change.value if t.change else None)
           for t in extract_text(NOTICE.format("到2025年，甲、乙、丙排放总量分别下降8%、8%、10%以上。")).targets]
    # 以上 after the last value bounds them all, as the readers of two plans that write so read it
    assert got == [("甲排放总量下降", ">=", "8", "down"), ("乙排放总量下降", ">=", "8", "down"),
                   ("丙排放总量下降", ">=", "10", "down")]


def test_jun_gives_one_value_to_each_member_of_the_list(extract_text):
    got = targets(extract_text, "到2025年，城市、农村污水处理率均达到90%以上。")
    assert got == [("城市污水处理率", ">=", "90", "%", "2025"), ("农村污水处理率", ">=", "90", "%", "2025")]


@pytest.mark.parametrize("sentence, expected", [
    ("到2025年，城市和农村污水处理率均达到90%以上。", ["城市污水处理率", "农村污水处理率"]),  # two joined by 和
    ("到2025年，新评选质量奖正奖和提名奖各10个。", ["新评选质量奖正奖", "提名奖"]),  # 各 right before the value
    ("到2025年，实际响应量与申报响应量的比值均不低于70%。", ["实际响应量与申报响应量的比值"]),  # 与 relates
])
def test_jun_and_ge_give_a_value_to_each_of_two_joined_by_he(extract_text, sentence, expected):
    assert [i for i, *_ in targets(extract_text, sentence)] == expected



@pytest.mark.parametrize("sentence, members", [
    ("到2025年，甲区景区门票、餐饮收入均保持10%以上增长。", 2),  # words between 均 and the value
    ("到2025年，甲类、乙类审批时限及其他事项办理时限均大幅压缩10%以上。", 3),  # the last joined by 及
    ("到2025年，甲镇、乙镇存量企业双双突破10%。", 2),
    ("到2025年，甲、乙污水处理率达到90%，各项指标均衡。", 1),  # 均衡 is a word, not 均
])
def test_each_reaches_over_words_between_it_and_the_value(extract_text, sentence, members):
    got = targets(extract_text, sentence)
    assert len(got) == members and len({i for i, *_ in got}) == members, got

def test_a_bound_before_the_first_of_a_list_holds_for_the_rest(extract_text):
    got = targets(extract_text, "到2023年，试点覆盖至少3个地市、12个县区。")
    assert [(c, v) for _, c, v, _, _ in got] == [(">=", "3"), (">=", "12")]
    # ...and a bound after the last of a 分别 list holds for those before it (not 左右, its own)
    got = targets(extract_text, "到2025年，甲、乙用水量比2020年分别下降15%、10%以上，丙、丁增加值分别增长5%左右、5%以上。")
    assert [(c, v) for _, c, v, _, _ in got] == [(">=", "15"), (">=", "10"), ("~", "5"), (">=", "5")]
    # ...along the whole list, not only for the second
    got = targets(extract_text, "到2023年，试点覆盖至少3个地市、12个县区、30个乡镇。")
    assert [(c, v) for _, c, v, _, _ in got] == [(">=", "3"), (">=", "12"), (">=", "30")]


def test_a_time_opening_a_paragraph_holds_for_its_later_sentences(extract_text):
    got = targets(extract_text, "到2025年，全市新增就业10万人。其中，高校毕业生就业2万人以上。")
    assert [d for *_, d in got] == ["2025", "2025"]


def test_a_goals_heading_with_a_plan_period_sets_the_deadline(extract_text):
    text = "某省政府工作报告\n——2026年1月27日在某省人民代表大会上\n一、“十五五”主要目标任务\n常住人口城镇化率提升至67%左右。\n"
    got = due(extract_text(text))
    assert got == [("67", "2030")]


def test_a_day_binds_no_figure(extract_text):
    got = targets(extract_text, "2022年9月11日，会议部署了工作。力争建成示范项目20个。")
    assert got == [("建成示范项目", "=", "20", "个", None)]


def test_a_figure_naming_nothing_measures_what_the_clause_before_sets_out_to_change(extract_text):
    got = targets(extract_text, "逐步提高公办幼儿园在园幼儿比例，2027年达到60%以上。推进改革，2025年完成。")
    assert got == [("公办幼儿园在园幼儿比例", ">=", "60", "%", "2027")]


def test_a_review_heading_run_into_its_text_still_makes_its_figures_baselines(extract_text):
    text = ("在公司2022年工作会议上的报告\n（2022年2月16日）\n"
            "一、2021年工作回顾2021年，各级纪检机构坚守职责定位，全年接收信访举报264件，给予党纪政务处分37人次。\n"
            "二、2022年重点工作\n全年开展专项监督10次。")
    found = extract_text(text)
    assert sorted(str(b.value) for b in found.baselines) == ["264", "37"]


def test_what_a_plan_period_plans_in_total_is_a_goal_and_what_it_built_in_total_the_state(extract_text):
    # 共计划建成 (plans in total) looks ahead; 共建成 in a review of the period before looks back.
    text = ("某省充电基础设施发展规划（2021—2025年）\n"
            "“十三五”期间，全省共建成充电站30座。“十四五”期间，全省共计划建成充电站52座。")
    found = extract_text(text)
    assert [(str(b.value), b.unit) for b in found.baselines] == [("30", "座")]
    assert [(str(t.value), t.unit, str(t.deadline)) for t in found.targets] == [("52", "座", "2025")]


def test_a_goals_item_without_a_year_takes_the_year_of_the_section_around_it(extract_text):
    text = ("某区政府工作报告\n一、过去一年工作回顾\n全区生产总值增长8%。\n二、2012年工作总体要求和目标任务\n"
            "（一）以完善功能为目标，加快旧城区改造。投资1.3亿元实施管网改造工程，确保16公里主管网完工。\n")
    got = due(extract_text(text))
    assert got == [("130000000", "2012"), ("16", "2012")]


def test_a_time_after_a_label_opening_a_paragraph_holds_for_its_later_sentences(extract_text):
    text = ("某市氢能产业发展规划（2022-2035年）\n二、发展目标\n"
            "近期目标（2022－2025）：到2025年，初步建成应用城市。建成综合能源站50座。\n"
            "中期目标（2026－2030）：到2030年，形成供氢格局。产业总产值超过1000亿元；力争建成综合能源站100座。\n")
    got = due(extract_text(text))
    assert got == [("50", "2025"), ("100000000000", "2030"), ("100", "2030")]


def test_an_undated_plan_whose_title_names_its_period_is_written_as_the_period_opens(extract_text):
    ex = extract_text("某市氢能产业发展规划（2022-2035年）\n到2025年，建成综合能源站50座。\n")
    assert due(ex) == [("50", "2025")]
    assert ex.baselines == []


def test_a_time_before_a_colon_holds_for_the_paragraphs_it_introduces(extract_text):
    text = ("某县易地扶贫搬迁工作方案\n（2017年3月1日）\n一、搬迁任务\n2018年：计划搬迁1200户，共涉及安置点2个：\n"
            "甲镇：500套，总投资1.2亿元；\n乙镇：700套，总投资1.5亿元。\n二、保障措施\n加强组织领导，建设安置房300套。\n")
    got = due(extract_text(text))
    assert ("500", "2018") in got and ("700", "2018") in got and ("150000000", "2018") in got
    assert ("300", "2018") not in got  # another section: the colon's time ends with its own


def test_a_notice_read_as_one_part_with_the_plan_it_issues_takes_the_plans_period(extract_text):
    text = ("关于印发《某市2021年电网投资计划》的通知\n各区县供电公司：\n《某市2021年电网投资计划》已经审议通过，"
            "现印发给你们，请遵照执行。\n一、投资安排\n全年计划投资30亿元，新建变电站12座。\n")
    got = due(extract_text(text))
    assert got == [("3000000000", "2021"), ("12", "2021")]


def test_each_share_of_a_ratio_keeps_evidence_that_spans_text(extract_text):
    text = "某县2017年计划报告\n（2017年1月10日）\n一、2016年计划执行情况\n预计第一产业增加值完成35.50亿元。三次产业结构为17.2:29.5：53.3。\n"
    shares = [f for f in extract_text(text).figures if str(f.value) in ("17.2", "29.5", "53.3")]
    assert len(shares) == 3 and all(f.evidence.span.start < f.evidence.span.end for f in shares)


def test_an_undated_summary_and_plan_reads_the_year_done_and_the_year_planned(extract_text):
    text = ("今年以来，我局扎实推进各项工作。\n一、2022年主要工作开展情况\n全年粮食产量1.9万吨，增长2%。\n"
            "二、2023年工作计划2023年是开局之年，要完成粮食播种面积5.5万亩，2024—2025年新建高标准农田1万亩。\n")
    ex = extract_text(text)
    assert [(str(b.value), b.year) for b in ex.baselines] == [("19000", 2022), ("2", 2022)]
    assert due(ex) == [("55000", "2023"), ("10000", "2025")]


def test_the_whole_year_is_the_deadline_not_a_month_a_clause_before_names(extract_text):
    got = targets(extract_text, "4月底前完成资产清查，力争全年盘活资产16亿元。")
    assert [(v, d) for _, _, v, _, d in got] == [("1600000000", "2022")]


def test_a_hedge_is_no_indicator_and_a_clause_of_it_alone_carries_the_one_before(extract_text):
    got = targets(extract_text, "到2022年，区属国企资产负债率一般控制在65%以内，原则上不超过70%。")
    assert [(i, c, v) for i, c, v, _, _ in got] == [("区属国企资产负债率", "<=", "65"), ("区属国企资产负债率", "<=", "70")]


def test_a_heading_on_the_years_work_reviews_it_in_a_report_dated_that_year(extract_text):
    text = ("2024年，我局坚定不移做强做优国有企业。\n一、2024年工作情况\n"
            "（一）多维度突出核心功能投资项目259个，总投资额达877.54亿元。\n二、2025年工作计划\n力争完成投资120亿元。\n"
            "某某局\n2024年12月18日\n")
    ex = extract_text(text)
    assert [(str(b.value), b.year) for b in ex.baselines] == [("259", 2024), ("87754000000", 2024)]
    assert due(ex) == [("12000000000", "2025")]


def baselines(extract_text, text):
    return [(b.indicator, str(b.value), b.unit) for b in extract_text(NOTICE.format(text)).baselines]


@pytest.mark.parametrize("change", ["同比增长", "比上年增长", "较2021年增长", "比去年同期增长"])
def test_a_change_measured_against_a_time_before_measures_the_level_before_it(extract_text, change):
    got = baselines(extract_text, f"2021年，全县粮食总产量达到12.5万吨，{change}3.2%。")
    assert [indicator.startswith("粮食总产量") for indicator, _, _ in got] == [True, True]


def test_a_figure_between_a_list_and_its_values_is_none_of_them(extract_text):
    figures = extract_text(NOTICE.format("市属企业资产总额、利润总额五年分别增长48.5%、21.6%。")).figures
    assert [(f.indicator, str(f.value)) for f in figures if f.unit == "%"] == [
        ("市属企业资产总额增长", "48.5"), ("利润总额增长", "21.6")]


def test_a_number_inside_a_name_of_the_list_is_no_figure_between_the_list_and_its_values(extract_text):
    got = baselines(extract_text, "2021年，全区学前三年入园率及公办园入园率分别达到96.4%和50.2%。")
    assert [(indicator, value) for indicator, value, _ in got] == [("学前三年入园率", "96.4"), ("公办园入园率", "50.2")]


def test_a_later_clause_of_values_after_alone_spreads_over_the_list_before(extract_text):
    got = baselines(extract_text, "2021年，全县接待游客、旅游收入分别达到520万人次、46亿元，分别增长12%、15%。")
    assert [(indicator, value) for indicator, value, unit in got if unit == "%"] == [
        ("接待游客增长", "12"), ("旅游收入增长", "15")]


def test_an_undated_speech_reviews_and_plans_by_its_unnumbered_part_headings(extract_text):
    text = ("各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n\n2021年工作回顾\n\n（一）经济运行。全市地区生产总值完成230亿元、"
            "增长8%。\n\n2022年工作安排\n\n（一）扩大投资。实施重点项目300个以上。\n")
    ex = extract_text(text)
    assert [(str(b.value), b.year) for b in ex.baselines] == [("23000000000", 2021), ("8", 2021)]
    assert due(ex) == [("300", "2022")]


def test_each_value_of_a_list_after_a_change_verb_is_a_change(extract_text):
    figures = extract_text(NOTICE.format("2021年，全县茶叶产销分别增长30%、25%，茶园面积达到12万亩、20万亩。")).figures
    assert [(str(f.value), f.change.value if f.change else None) for f in figures] == [
        ("30", "up"), ("25", "up"), ("120000", None), ("200000", None)]


def test_a_bracket_after_a_sentence_measures_its_last_clause(extract_text):
    text = "某市数字政府建设考评办法\n19．梳理政务服务数据清单，完成目录数据挂载。（0.5分）（6月底完成，牵头考核单位：市政务服务局）\n"
    assert [(f.role, str(f.value), f.unit, f.indicator) for f in extract_text(text).figures] == [
        ("parameter", "0.5", "分", "完成目录数据挂载")]


def test_a_rate_compared_with_an_earlier_rate_is_the_rate_of_the_level_before_it(extract_text):
    got = baselines(extract_text, "2021年，全县农林牧渔业增加值47.5亿元，同比增长4.4%，增速比一季度提高1.3个百分点。"
                                  "地方财政收入8.2亿元，同比下降3.1%，降幅比上半年收窄2.6个百分点。")
    assert [indicator for indicator, _, _ in got][2::3] == ["农林牧渔业增加值增速比一季度提高", "地方财政收入降幅比上半年收窄"]


def test_a_level_moved_to_with_its_own_year_keeps_the_indicator_of_the_level_it_moved_from(extract_text):
    figures = extract_text("关于某事的通知\n（2016年3月1日）\n“十二五”期间，全市森林覆盖率由2010年的32.3%提高到2015年的34.5%。\n").figures
    assert [(f.indicator, str(f.value)) for f in figures] == [("森林覆盖率", "32.3"), ("森林覆盖率", "34.5")]


def test_a_time_inside_a_cited_title_dates_nothing(extract_text):
    # A bureau's summary, as a crawl ran it into one line: 《…规划（2020-2025年）》 opens a sentence, but its period
    # is the plan's name, not a time of the text: the year's results after it stay results, not goals for 2025
    found = extract_text(
        "平潭综合实验区自然资源与生态环境局2022年工作总结及2023年工作计划\n"
        "八是印发《福建省平潭综合实验区国家生态文明建设示范区规划（2020-2025年）》，协助推动实验区国家生态文明建设示范区申报创建工作。"
        "九是编制印发《平潭综合实验区矿产资源总体规划（2021-2025年）》，持续推进全区矿业权科学管理。3.生态保护修复稳步实施。"
        "一是加快推进君山海洋生态保护修复项目建设进程，年底完成项目主体工程。二是继续推进国土绿化，全区共完成营造林生产总面积19368亩。")
    assert [(f.role, str(f.value)) for f in found.figures] == [("baseline", "19368")]


@pytest.mark.parametrize("sentence, change", [
    ("到2025年，力争太阳能新增并网容量110万千瓦以上。", "up"),  # 新增 with its object between it and the number
    ("到2025年，城镇新增就业6万人以上。", None),  # 城镇新增就业 names a flow of its own
])
def test_xin_zeng_with_its_object_before_the_number_is_a_change_up(extract_text, sentence, change):
    assert [t.change.value if t.change else None for t in extract_text(sentence).targets] == [change]


def test_a_list_item_with_a_change_verb_of_its_own_keeps_no_comparator_of_the_item_before(extract_text):
    # 突破3000亿元、增长6.2%: 增长 is the second item's own verb; 至少3个地市、12个县区 shares 至少
    text = "一、2023年工作回顾\n全市地区生产总值突破3000亿元、增长6.2%，规上工业增加值达到1200亿元、增长8%。至少3个地市、12个县区。"
    got = [(str(f.value), f.comparator.value) for f in extract_text(text).figures]
    assert got == [("300000000000", ">"), ("6.2", "="), ("120000000000", ">="), ("8", "="), ("3", ">="), ("12", ">=")]


def test_a_deadline_labelled_in_a_tasks_assignment_dates_the_figures_of_its_paragraph(extract_text):
    # a task-division scheme written as prose: （牵头单位：…；完成时限：…） closes each item
    text = ("某省2024年优化营商环境重点任务分工方案\n"
            "1.压缩企业开办时间。企业开办全流程压缩至1个工作日以内。（牵头单位：省市场监管局；完成时限：2024年6月底前）\n"
            "2.提升获得电力水平。城市地区平均接电时间压减至15个工作日以内。（牵头单位：省能源局；完成时限：2024年12月底前）\n"
            "3.推进惠企政策直达。全年惠企资金直达率达到90%以上。（牵头单位：省财政厅；完成时限：持续推进）")
    got = [(str(t.value), str(t.deadline)) for t in extract_text(text).targets]
    assert got == [("1", "2024-06"), ("15", "2024-12"), ("90", "2024")]


def test_a_deadline_in_the_label_lines_after_a_task_dates_the_figures_of_the_task(extract_text):
    # the labels stand on lines of their own after the task (牵头单位：…, 参与单位：…, 完成时限：…)
    text = ("某省优化便民服务专项行动方案\n9．制定完善全省“四办”清单。省市县各级100个高频事项实现“最多跑一次”。\n"
            "牵头单位：省政府办公厅\n参与单位：省级各部门\n完成时限：2019年12月底前\n"
            "10．开展证照电子化工作。完成省市级电子证照库对接30个。\n牵头单位：省政务服务中心\n完成时限：2019年9月底")
    got = [(str(t.value), str(t.deadline)) for t in extract_text(text).targets]
    assert got == [("100", "2019-12"), ("30", "2019-09")]


@pytest.mark.parametrize("identifier, deadline", [
    ("2024年政府工作报告", "2024"),  # the file's name dates a text that says nothing of its year
    ("lishui-work-report-2024", "2024"),
    ("work-report", None),
    ("report-20240315", None),  # a run of digits is no year
])
def test_an_undated_text_takes_its_year_from_its_file_name(extract_text, identifier, deadline):
    got = [str(t.deadline) if t.deadline else None
           for t in extract_text("今年主要预期目标是：地区生产总值增长6%左右。", identifier).targets]
    assert got == [deadline]


def test_a_dated_text_keeps_its_own_year_over_its_file_name(extract_text):
    ex = extract_text(NOTICE.format("今年，全市建成充电桩1000个。"), "plan-2019")
    assert due(ex) == [("1000", "2022")]


@pytest.mark.parametrize("sentence", [
    "对持牌金融机构，自落户当年起，连续5年给予奖励，奖励资金不超过30万元。",  # the year of settling in
    "对当年种植面积达到50亩以上的奖励2万元，奖补资金不超过30万元。",  # the year of the planting
])
def test_the_year_of_something_is_no_deadline(extract_text, sentence):
    ex = extract_text(NOTICE.format(sentence))
    assert not ex.targets
    assert 300000 in [p.value for p in ex.parameters]


def test_this_year_on_its_own_is_the_documents_year(extract_text):
    assert due(extract_text(NOTICE.format("确保当年开工项目30个以上。"))) == [("30", "2022")]


def test_a_deadline_written_in_chinese_digits(extract_text):
    assert due(extract_text(NOTICE.format("到二〇二五年，全市森林覆盖率达到45%。"))) == [("45", "2025")]


def test_a_plans_part_cut_under_a_heading_of_its_period_is_of_that_period(extract_text):
    # no title, no date: the heading names the period planned (“十四五”), not the long-range year it looks to
    text = ("三、“十四五”发展思路\n按照主海塘全部达到200年一遇的远景目标要求，到2035年全面达标。\n"
            "四、“十四五”主要任务\n“十四五”期间，协调推进79公里海塘达标建设，全区主海塘达标率达73%。\n")
    ex = extract_text(text)
    assert ("73", "2025") in due(ex) and ("79", "2025") in due(ex)
    assert not ex.baselines


@pytest.mark.parametrize("text", [
    "二、2025年工作思路\n（一）推动“三大提升”，夯实社会事业发展基础\n一是提升保障水平。公办率提高至71%，争取实现实际开放床位达200张。",
    "二、2025年工作打算\n（一）巩固发展基础\n公办率提高至71%，争取实现实际开放床位达200张。",
])
def test_a_years_work_ideas_set_its_goals_and_a_base_to_consolidate_is_no_review(extract_text, text):
    ex = extract_text(text)  # 2025年工作思路: the year's plan; 夯实…发展基础 asks for a base, it describes none
    assert sorted(due(ex)) == [("200", "2025"), ("71", "2025")]
    assert not ex.baselines


def test_a_plans_part_with_no_title_is_of_the_plan_its_text_names(extract_text):
    # a plan's goals cut from it, its title left out: the “十四五” its text names gives the goals their year
    text = ("（三）发展目标\n以推进绿色建筑的高质量发展为目标。\n（1）形成超低能耗建筑技术与标准体系，累计落实超低能耗建筑示范项目"
            "500万平方米以上。\n（2）完成既有建筑节能改造面积2000万平方米以上。\n四、主要任务\n"
            "“十四五”期间，推进超低能耗建筑规模化发展。\n")
    assert sorted(due(extract_text(text))) == [("20000000", "2025"), ("5000000", "2025")]


def test_the_stages_of_a_plan_told_by_the_time_they_take_are_due_at_their_last_year(extract_text):
    # a notice forwarding an outline for 2011—2020, of 2011 (the period's first year, not its last); each stage
    # (用3年时间, 用5年时间) opens its sentences and holds for the ones after it, until the next stage opens
    text = ("国务院办公厅关于转发某某行动纲要（2011—2020年）的通知\n（三）目标任务。\n"
            "用3年时间，实现重大进展。新发现10-20个油气资源有利目标区，建立40个示范基地。"
            "用5年时间，实现重大突破。形成3-7个油气资源勘探接续区，建立60个示范基地。\n")
    assert sorted(due(extract_text(text))) == [("10", "2013"), ("3", "2015"), ("40", "2013"), ("60", "2015")]


def test_a_heading_run_into_its_text_reviews_when_its_review_word_ends_past_a_dozen_characters():
    from types import SimpleNamespace
    from kg.extract.quantities.reader import QuantityReader
    binder = QuantityReader().binder
    text = "一、2024年市场监管工作总结过去一年，我们多措并举推进校园食品整治。"
    heading = binder._glued_heading(SimpleNamespace(text=text), SimpleNamespace(heading_start=2))
    assert "工作总结" in heading  # 2024年市场监管工作总结: fifteen characters, the word of review at the end
    assert binder._glued_heading(SimpleNamespace(text="一、加强市场监管，不断规范秩序。"), SimpleNamespace(heading_start=2)) == ""


def test_a_heading_asking_for_a_plans_good_opening_sets_goals_of_its_first_year(extract_text):
    text = ("某省2026年政府工作报告\n三、一鼓作气勇争先，全力推动“十五五”开好局、起好步\n"
            "（一）发展新质生产力。实施省科技重大创新项目10个以上，培育“独角兽”、“瞪羚”企业360家。\n")
    assert sorted(due(extract_text(text))) == [("10", "2026"), ("360", "2026")]
