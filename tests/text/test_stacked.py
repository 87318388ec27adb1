"""Tables written one cell per line (a web page's table saved as text) become rows | a | b |.

Each table below is made up in the layouts crawlers write: every cell on a line
of its own, with a blank line after each cell or only between rows, a category
written once before the first row it covers, a row that shares its number and
first cells with the row above (merged cells), an empty cell, and a value equal
to the next row's number. The rows expected are read off the table by hand.
"""

from kg.text.normalize import normalize
from kg.text.stacked import stacked_tables


def rows_of(text: str) -> list[list[str]]:
    return [[" ".join(text[s:e] for s, e in cell) for cell in placed] for _, _, _, placed in stacked_tables(text)]


EVERY_LINE = "\n\n".join([
    "附件1：", "某区“十四五”规划主要指标",
    "序号", "类型", "指标名称", "指标单位", "2025年目标值", "属性",
    "1", "保护修缮", "历史建筑修缮面积", "万平方米", "30", "约束性",
    "2", "红色文化", "红色文物保护建筑修缮", "处", "3", "预期性",
    "3", "线下走读线路数", "条", "5", "预期性",
]) + "\n\n附件2：\n\n某区重点项目表"

BY_ROWS = "\n".join([
    "主要指标表", "类别", "序号", "一级指标", "二级指标", "单位", "属性", "“十四五”", "完成值", "“十五五”", "目标值",
    "", "建设宜居城区", "1", "既有建筑改造", "旧住房成套改造面积", "万平方米", "预期性", "25", "1.4",
    "", "2", "推进商业设施更新", "商务楼宇更新数量", "个", "预期性", "-", "≥10",
    "", "商业设施更新面积", "万平方米", "预期性", "-", "≥50",
    "", "构筑韧性城区", "3", "老旧街区改造数量", "个", "预期性", "", "≥5",
    "", "二、重点任务", "（一）推进更新。到2030年，全面完成改造。",
])


def test_a_table_with_a_blank_line_after_every_cell_is_cut_at_its_row_numbers():
    assert rows_of(EVERY_LINE) == [
        ["序号", "类型", "指标名称", "指标单位", "2025年目标值", "属性"],
        ["1", "保护修缮", "历史建筑修缮面积", "万平方米", "30", "约束性"],
        ["2", "红色文化", "红色文物保护建筑修缮", "处", "3", "预期性"],  # 3 is a value: row 2 had none yet
        ["3", "", "线下走读线路数", "条", "5", "预期性"],
    ]


def test_categories_merged_cells_and_empty_cells_are_laid_under_their_heads():
    assert rows_of(BY_ROWS) == [
        ["类别", "序号", "一级指标", "二级指标", "单位", "属性", "“十四五” 完成值", "“十五五” 目标值"],
        ["建设宜居城区", "1", "既有建筑改造", "旧住房成套改造面积", "万平方米", "预期性", "25", "1.4"],
        ["", "2", "推进商业设施更新", "商务楼宇更新数量", "个", "预期性", "-", "≥10"],
        ["", "", "", "商业设施更新面积", "万平方米", "预期性", "-", "≥50"],  # under row 2's number
        ["构筑韧性城区", "3", "", "老旧街区改造数量", "个", "预期性", "", "≥5"],
    ]


def test_the_clean_text_holds_the_rows_and_the_prose_after_them():
    clean = normalize(BY_ROWS).text.split("\n")
    assert "| 建设宜居城区 | 1 | 既有建筑改造 | 旧住房成套改造面积 | 万平方米 | 预期性 | 25 | 1.4 |" in clean
    assert clean[-2:] == ["二、重点任务", "（一）推进更新。到2030年，全面完成改造。"]


def test_the_rows_become_baselines_and_targets_of_the_plan(extract_text):
    text = "某区城市更新“十五五”规划\n" + BY_ROWS
    got = {(f.role, f.indicator, f.comparator.value, str(f.value), f.unit,
            str(f.deadline) if f.role == "target" else str(f.year))
           for f in extract_text(text).figures if f.evidence.rule.startswith("table.")}
    assert got == {
        ("baseline", "旧住房成套改造面积", "=", "250000", "平方米", "2025"),
        ("target", "旧住房成套改造面积", "=", "14000", "平方米", "2030"),
        ("target", "商务楼宇更新数量", ">=", "10", "个", "2030"),
        ("target", "商业设施更新面积", ">=", "500000", "平方米", "2030"),
        ("target", "老旧街区改造数量", ">=", "5", "个", "2030"),
    }


IN_WORDS = "\n\n".join([
    "某区“十五五”经济社会发展主要指标", "序号", "指标名称", "单位", "属性", "“十五五”目标",
    "1", "地区生产总值年均增速", "%", "预期性", "与全市经济增速", "保持同步",
    "2", "全员劳动生产率", "万元/人", "预期性", "55左右",
    "3", "社会消费品零售总额年均增速", "%", "预期性", "高于全市平均水平",
    "4", "人均公园绿地面积", "平方米/人", "约束性", "≥7.82",
]) + "\n\n（三）发展战略\n\n聚焦重点领域。"


def test_a_value_written_in_words_is_a_rows_cell_and_ends_it():
    assert rows_of(IN_WORDS) == [
        ["序号", "指标名称", "单位", "属性", "“十五五”目标"],
        ["1", "地区生产总值年均增速", "%", "预期性", "与全市经济增速 保持同步"],  # as long as the header: 2 opens a row
        ["2", "全员劳动生产率", "万元/人", "预期性", "55左右"],
        ["3", "社会消费品零售总额年均增速", "%", "预期性", "高于全市平均水平"],
        ["4", "人均公园绿地面积", "平方米/人", "约束性", "≥7.82"],
    ]


def test_the_numbers_of_a_table_with_values_in_words_are_its_targets(extract_text):
    text = "某区国民经济和社会发展第十五个五年规划纲要\n\n" + IN_WORDS
    got = {(f.indicator, f.comparator.value, str(f.value), f.unit, str(f.deadline))
           for f in extract_text(text).figures if f.evidence.rule.startswith("table.")}
    assert got == {("全员劳动生产率", "~", "550000", "元/人", "2030"), ("人均公园绿地面积", ">=", "7.82", "平方米/人", "2030")}


def test_lists_of_short_lines_that_are_no_table_are_left_alone():
    text = "\n".join(["序号", "项目", "1", "某某工程", "2", "某某工程。", "内容。"])
    assert rows_of(text) == []  # no value column
    prose = "一、总体要求\n坚持以人民为中心。\n二、主要目标\n到2025年，完成改造100万平方米。"
    assert normalize(prose).text == prose


# A PDF's two-line header read as text: its upper line (the years, one line with spaces) comes before the
# 序号 and 指标 centred on both lines; the category column's merged cell is written down the page a
# character a line (经 / 济); the page number before the form feed falls between two rows.
PDF_HEADER = "\n\n".join([
    "附件", "某市数字经济发展指标",
    "2024 年 2025 年 2026 年", "序号", "指标",
    "经", "1", "数字经济核心产业增加值（亿元）", "800", "900", "1000",
    "济", "2", "数据中心机架数（万个）", "3", "4", "5",
    "12\n\n\f创", "3", "5G 基站数（个）", "8000", "9000", "10000",
    "新", "4", "SRv6 网络覆盖率（%）", "40", "60", "80",
]) + "\n\n二、重点任务\n\n（一）建设数据中心。"


def test_a_pdf_header_whose_years_come_first_is_laid_in_the_order_of_the_rows():
    assert rows_of(PDF_HEADER) == [
        ["序号", "指标", "2024 年", "2025 年", "2026 年"],
        ["1", "数字经济核心产业增加值（亿元）", "800", "900", "1000"],
        ["2", "数据中心机架数（万个）", "3", "4", "5"],  # the page's number 12 is none of its cells
        ["3", "5G 基站数（个）", "8000", "9000", "10000"],
        ["4", "SRv6 网络覆盖率（%）", "40", "60", "80"],  # SRv6 is a name, not a value
    ]


def test_the_characters_of_a_merged_cell_written_down_the_page_are_no_paragraphs():
    clean = normalize(PDF_HEADER).text.split("\n")
    assert "| 2 | 数据中心机架数（万个） | 3 | 4 | 5 |" in clean
    assert not {"经", "济", "创", "新", "12"} & set(clean)


# A project table that goes on from the page before: its header repeated (each head's unit in brackets on
# a line of its own), its rows from 5 on, a project of two sections with its name on a row of its own.
PROJECTS = "\n\n".join([
    "某省“十五五”综合交通规划", "附件", "某省“十五五”交通重点项目表",
    "建设规模", "沿江通道", "城际铁路", "— 9 —", "\f序号", "项目名称", "里程", "（公里）", "投资", "（亿元）",
    "5", "沿江高速公路扩容工程", "120", "260",
    "6", "城际铁路网",
    "东段", "85", "190",
    "西段", "64", "150",
    "7", "港口集疏运公路", "38", "45",
]) + "\n\n备注：投资以项目核准为准。"


def test_a_table_going_on_from_the_page_before_keeps_its_rows_numbers_and_sections():
    assert rows_of(PROJECTS) == [
        ["序号", "项目名称", "里程 （公里）", "投资 （亿元）"],
        ["5", "沿江高速公路扩容工程", "120", "260"],
        ["6", "城际铁路网", "", ""],
        ["", "东段", "85", "190"],
        ["", "西段", "64", "150"],
        ["7", "港口集疏运公路", "38", "45"],
    ]


def test_a_project_table_parted_from_its_title_gives_targets_of_the_plan(extract_text):
    got = {(f.role, f.indicator, str(f.value), f.unit, str(f.deadline))
           for f in extract_text(PROJECTS).figures if f.evidence.rule.startswith("table.")}
    assert ("target", "沿江高速公路扩容工程里程", "120", "公里", "2030") in got
    assert ("target", "西段投资", "15000000000", "元", "2030") in got
    assert {role for role, *_ in got} == {"target"} and len(got) == 8


# A later plan's table of how the last plan's indicators were met: its heads 类目, 指标类型, 完成情况, the last
# plan's targets (“十四五”目标值, due 2025 though the plan is of 2026) and what was reached (2025年).
REVIEW_TABLE = "\n\n".join([
    "某区绿化“十五五”规划", "第一部分：发展基础", "表1 “十四五”规划指标完成情况一览表",
    "序号", "类目", "指标名称", "单位", "“十四五”目标值", "2025年", "指标类型", "完成情况",
    "1", "绿化建设", "新建绿地", "万平方米", "75", "90.87", "约束性", "超额完成",
    "2", "绿化覆盖率", "%", "30.55", "31.46", "约束性", "超额完成",
]) + "\n\n第二部分：目标\n\n内容。"


def test_a_table_of_the_last_plans_indicators_gives_its_targets_and_what_was_reached(extract_text):
    got = {(f.role, f.indicator, str(f.value), f.unit, str(f.deadline) if f.role == "target" else str(f.year))
           for f in extract_text(REVIEW_TABLE).figures if f.evidence.rule.startswith("table.")}
    assert got == {
        ("target", "新建绿地", "750000", "平方米", "2025"), ("baseline", "新建绿地", "908700", "平方米", "2025"),
        ("target", "绿化覆盖率", "30.55", "%", "2025"), ("baseline", "绿化覆盖率", "31.46", "%", "2025"),
    }


# A plan's own indicator table: a 板块 column grouping its rows (written once, before the first row's number), the
# last plan's state (“十四五”现状, as 现状 after a year is) and the new target (“十五五”目标), and a 其中 row
# under the same number, in the unit of the row above.
GROUPED_TABLE = "\n\n".join([
    "某区绿化“十五五”规划", "第二部分：目标", "表2 “十五五”绿化建设主要指标表",
    "板块", "序号", "指标名称", "属性", "单位", "“十四五”现状", "“十五五”目标",
    "绿化", "1", "新建绿地", "约束性", "万平方米", "90.87", "35", "其中 公园绿地", "58.46", "17.5",
    "2", "绿化覆盖率", "约束性", "%", "31.46", "31.5",
    "环卫", "3", "生活垃圾回收利用率", "约束性", "%", "47", "50",
]) + "\n\n第三部分：任务\n\n内容。"


def test_a_column_grouping_the_rows_and_a_period_with_its_state_are_heads():
    rows = rows_of(GROUPED_TABLE)
    assert rows[0] == ["板块", "序号", "指标名称", "属性", "单位", "“十四五”现状", "“十五五”目标"]
    assert ["绿化", "1", "新建绿地", "约束性", "万平方米", "90.87", "35"] in rows
    assert ["", "", "其中 公园绿地", "", "", "58.46", "17.5"] in rows  # a part of the row above: a label, not a unit
    assert ["环卫", "3", "生活垃圾回收利用率", "约束性", "%", "47", "50"] in rows


def test_a_grouped_tables_rows_give_the_plans_targets_and_the_state_reached(extract_text):
    got = {(f.role, f.indicator, str(f.value), f.unit) for f in extract_text(GROUPED_TABLE).figures
           if f.evidence.rule.startswith("table.")}
    assert ("target", "绿化覆盖率", "31.5", "%") in got and ("baseline", "绿化覆盖率", "31.46", "%") in got
    assert ("target", "新建绿地", "350000", "平方米") in got
    assert ("target", "公园绿地", "175000", "平方米") in got  # the 其中 row counts in its row's unit
    assert ("target", "生活垃圾回收利用率", "50", "%") in got and ("baseline", "生活垃圾回收利用率", "47", "%") in got


# A plan's part cut under no title, its table's heads with their years on a line of their own (基准值 / （2020年）),
# a value whose unit the narrow cell wraps to the next line (120.14 / 平方公里). Made up in the layout of a
# district plan's page saved as text.
WRAPPED = "\n\n".join([
    "三、“十四五”发展思路", "2.主要指标",
    "序号", "指标名称", "属性", "基准值\n（2020年）", "目标值\n（2025年）", "目标值\n（2035年）",
    "1", "主海塘达标率", "预期性", "46％", "≥73％", "100％",
    "2", "河湖水面积", "约束性", "120.14\n平方公里", "128.92\n平方公里", "148.37\n平方公里",
]) + "\n\n四、“十四五”主要任务\n\n内容。"


def test_a_heads_year_and_a_values_unit_on_lines_of_their_own_stay_in_their_cells():
    assert rows_of(WRAPPED) == [
        ["序号", "指标名称", "属性", "基准值 （2020年）", "目标值 （2025年）", "目标值 （2035年）"],
        ["1", "主海塘达标率", "预期性", "46％", "≥73％", "100％"],
        ["2", "河湖水面积", "约束性", "120.14\n平方公里", "128.92\n平方公里", "148.37\n平方公里"],
    ]


def test_a_plans_part_under_a_heading_of_its_period_gives_baselines_and_targets_by_the_tables_years(extract_text):
    got = {(f.role, str(f.value), f.unit, str(f.deadline) if f.role == "target" else str(f.year))
           for f in extract_text(WRAPPED).figures if f.evidence.rule.startswith("table.")}
    assert got == {("baseline", "46", "%", "2020"), ("target", "73", "%", "2025"), ("target", "100", "%", "2035"),
                   ("baseline", "120.14", "平方公里", "2020"), ("target", "128.92", "平方公里", "2025"),
                   ("target", "148.37", "平方公里", "2035")}
