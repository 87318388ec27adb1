"""Tables whose rows keep a line each, cells parted by spaces (a PDF's text without its layout), become rows.

The table below is made up in the layout such a PDF gives: a header over several
lines (序 / 号 split, 指 标 letter-spaced, a head over the value heads), a row
whose unit is wrapped above and below its line, a row whose label is, a row
whose values do not fill the value columns, and a note after the table that
opens with 1 again. The rows expected are read off the table by hand.
"""

from kg.text.normalize import normalize
from kg.text.spaced import spaced_tables

PDF_TABLE = "\n".join([
    "某市“十五五”规划主要指标",
    "序 “十五五”目标",
    "指 标 单位 属性",
    "号",
    "2030年 年均[累计]",
    "1 地区生产总值增长率 % 预期性 - 6左右",
    "万元/",
    "2 全员劳动生产率 预期性 25左右 -",
    "人",
    "城镇新增就业人数占",
    "3 % 预期性 >30 -",
    "常住人口比例",
    "4 森林覆盖率 % 约束性 -",
    "5 建成区绿地率 % 约束性 42 -",
    "1 指按常住人口计算。",
    "二、主要任务",
])


def rows_of(text: str) -> list[list[str]]:
    return [[" ".join(text[s:e] for s, e in cell) for cell in placed] for _, _, _, placed in spaced_tables(text)]


def test_a_row_a_line_table_is_read_under_its_heads_with_its_wrapped_cells():
    assert rows_of(PDF_TABLE) == [
        ["序 号", "指 标", "单位", "属性", "“十五五”目标 2030年", "年均[累计]", ""],
        ["1", "地区生产总值增长率", "%", "预期性", "-", "6左右", ""],
        ["2", "全员劳动生产率", "万元/ 人", "预期性", "25左右", "-", ""],
        ["3", "城镇新增就业人数占 常住人口比例", "%", "预期性", ">30", "-", ""],
        ["4", "森林覆盖率", "%", "约束性", "", "", "-"],  # one value for two columns: which, none can tell
        ["5", "建成区绿地率", "%", "约束性", "42", "-", ""],
    ]


def test_numbered_lines_without_a_header_of_heads_are_no_table():
    text = "\n".join(["一、工作安排", "1 加强组织领导 明确责任分工", "2 强化督促检查 确保取得实效", "3 做好宣传引导 营造良好氛围"])
    assert spaced_tables(text) == []


def test_the_clean_text_holds_the_rows_and_the_note_and_heading_after_them():
    clean = normalize(PDF_TABLE).text.split("\n")
    assert "| 2 | 全员劳动生产率 | 万元/ 人 | 预期性 | 25左右 | - |  |" in clean
    assert clean[-1] == "二、主要任务"
    assert clean[-2].endswith("指按常住人口计算。") and not clean[-2].startswith("|")  # the note is no row


def test_lines_left_between_rows_stay_in_the_table_in_their_order():
    text = "\n".join([
        "主要指标", "指 标 单位 属性 2030年",
        "1 地区生产总值 亿元 预期性 5000",
        "（按可比价计）", "全面达到", "城镇新增就业人数占",
        "2 % 预期性 >30",
        "常住人口比例",
        "3 森林覆盖率 % 约束性 42",
        "二、主要任务",
    ])
    rows = rows_of(text)
    assert rows[2] == ["2", "城镇新增就业人数占 常住人口比例", "%", "预期性", ">30", "（按可比价计） 全面达到"]
    clean = normalize(text).text.split("\n")
    table = clean[1:5]
    assert all(line.startswith("|") for line in table) and clean[5] == "二、主要任务"
