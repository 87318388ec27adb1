"""Indicator tables of plans, from HTML, Word and PDF files, read as baselines and targets.

The table in every test is the same (a 十四五 plan's 主要指标); the values
expected are read off it: the 2020年 column is the baseline, the 2025年
column the target due in 2025, the 年均增长 column a yearly target, 〔〕 a
total over the plan, 属性 the attribute, and the unit column (亿元, 万人)
scales the values.
"""

import io

import pytest

TITLE = "某市国民经济和社会发展第十四个五年规划纲要"
HEADER = ["序号", "指标", "单位", "2020年", "2025年", "年均增长", "属性"]
ROWS = [
    ["1", "地区生产总值", "亿元", "3000", "5000", "7%", "预期性"],
    ["2", "常住人口", "万人", "120", "130", "", "预期性"],
    ["3", "单位地区生产总值能耗降低（%）", "", "—", "〔13.5〕", "", "约束性"],
    ["12", "森林覆盖率[1]", "%", "40", "约42", "", "约束性"],
]
PROSE = "到2025年，全市经济实力明显增强。"

EXPECTED = {
    ("baseline", "地区生产总值", "300000000000", "元", "2020", "expected", None),
    ("target", "地区生产总值", "500000000000", "元", "2025", "expected", None),
    ("target", "地区生产总值", "7", "%", "2025", "expected", "annual"),
    ("baseline", "常住人口", "1200000", "人", "2020", "expected", None),
    ("target", "常住人口", "1300000", "人", "2025", "expected", None),
    ("target", "单位地区生产总值能耗降低", "13.5", "%", "2025", "binding", "cumulative"),
    ("baseline", "森林覆盖率", "40", "%", "2020", "binding", None),
    ("target", "森林覆盖率", "42", "%", "2025", "binding", None),
}


def table_figures(ex):
    out = set()
    for f in ex.figures:
        if not f.evidence.rule.startswith("table."):
            continue
        time = str(f.deadline) if f.role == "target" else str(f.year)
        out.add((f.role, f.indicator, str(f.value), f.unit, time, f.attribute.value if f.attribute else None,
                 f.period.value if f.period else None))
    return out


def html_page() -> bytes:
    cells = lambda row: "".join(f"<td>{c}</td>" for c in row)
    rows = "".join(f"<tr>{cells(r)}</tr>" for r in [HEADER, *ROWS])
    return (f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>"
            f"<p>{PROSE}这一时期是全面建设的关键时期，规划明确了发展目标和主要任务。</p><p>表1 主要指标</p>"
            f"<table>{rows}</table><p>以上为规划主要指标。</p></article></body></html>").encode("utf-8")


def docx_file() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(PROSE)
    table = document.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    for r, row in enumerate([HEADER, *ROWS]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def markdown_file() -> bytes:
    """A PDF read by OCR into Markdown: the table written as HTML on a line of its own, headed by <th>."""
    head = "".join(f"<th>{c}</th>" for c in HEADER)
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in ROWS)
    return (f"# {TITLE}\n\n{PROSE}\n\n表1 主要指标\n\n<table><tr>{head}</tr>{rows}</table>\n\n"
            "以上为规划主要指标。\n").encode("utf-8")


def pdf_file() -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setFont("STSong-Light", 11)
    y = 800
    for line in (TITLE, PROSE, "表1 主要指标"):
        c.drawString(60, y, line)
        y -= 28
    columns = [60, 95, 290, 330, 380, 430, 490]
    for row in [HEADER, *ROWS]:
        for x, cell in zip(columns, row):
            c.drawString(x, y, cell)
        y -= 20
    c.drawString(60, y - 20, "以上为规划主要指标。")
    c.save()
    return out.getvalue()


@pytest.mark.parametrize("suffix, make", [(".html", html_page), (".docx", docx_file), (".pdf", pdf_file),
                                          (".md", markdown_file)], ids=["html", "docx", "pdf", "markdown-html"])
def test_an_indicator_table_gives_baselines_and_targets(tmp_path, suffix, make):
    from kg import api

    path = tmp_path / f"plan{suffix}"
    path.write_bytes(make())
    assert table_figures(api.extract(path)) == EXPECTED


def test_row_numbers_and_footnote_marks_are_no_values(tmp_path):
    from kg import api

    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf_file())
    values = {str(f.value) for f in api.extract(path).figures}
    assert not values & {"12", "1", "4012", "401"}  # 12 约42 is not 1242, 森林覆盖率[1] 40 not 140


def test_a_table_without_an_indicator_column_is_no_indicator_table(extract_text):
    text = TITLE + "\n| 类别 | 细分 | 重点任务 |\n| 产品 | 工业炸药 | 研发3类产品 |\n| 工艺 | 雷管 | 改造5条生产线 |\n"
    assert [f for f in extract_text(text).figures if f.evidence.rule.startswith("table.")] == []


def test_a_column_of_attributes_headed_like_a_label_is_the_attribute_not_the_indicator(extract_text):
    text = (TITLE + "\n| 序号 | 指标名称 | 单位 | 2020年 | 2025年 | 指标类型 |\n| 1 | 森林覆盖率 | % | 40 | 42 | 约束性 |\n"
            "| 2 | 常住人口 | 万人 | 120 | 130 | 预期性 |\n")
    got = {(f.role, f.indicator, f.attribute.value) for f in extract_text(text).figures if f.evidence.rule.startswith("table.")}
    assert got == {("baseline", "森林覆盖率", "binding"), ("target", "森林覆盖率", "binding"),
                   ("baseline", "常住人口", "expected"), ("target", "常住人口", "expected")}


def test_equal_values_in_neighbouring_cells_of_a_docx_row_are_both_kept(tmp_path):
    from kg.text.read import read_source

    path = tmp_path / "plan.docx"
    path.write_bytes(docx_file())
    text = read_source(path).text
    assert "| 森林覆盖率[1] | % | 40 | 约42 |  | 约束性 |" in text


# A table whose cells ran together when the page was copied: the header names the columns, each
# row its indicator and unit, and only arithmetic tells where one value ends and the next begins.
# The values below are read off the rows by hand: 112.9 is 10% below 125.4; 85 is 2.5 points above
# 82.5; 43.5 is 2.3 points above 41.2 (a row without a number); 54.3 is 10% below 60.1, rounded.
# In row 4, no cut of 1500014000 gives a value 30% below another: it is left unread.
GLUED = ("某省生态环境保护“十四五”规划\n专栏1 主要指标\n序号指　标2020年2025年2025年比2020年增长"
         "1二氧化硫排放总量（万吨）125.4112.9-10%2优良天数比例（%）82.5＞852.5个百分点"
         "森林覆盖率（%）41.2≥43.52.3个百分点3化学需氧量排放总量（万吨）60.154.3-10%"
         "4耕地保有量（万亩）1500014000-30%\n到2025年，生态环境明显改善。")


def test_a_table_whose_cells_ran_together_is_cut_where_its_values_agree(extract_text):
    ex = extract_text(GLUED)
    got = [(f.role, f.indicator, f.comparator.value, str(f.value), f.unit, f.change and f.change.value,
            str(f.deadline) if f.role == "target" else str(f.year))
           for f in ex.figures if f.evidence.rule.startswith("table.")]
    assert got == [
        ("baseline", "二氧化硫排放总量", "=", "1254000", "吨", None, "2020"),
        ("target", "二氧化硫排放总量", "=", "1129000", "吨", None, "2025"),
        ("target", "二氧化硫排放总量", "=", "10", "%", "down", "2025"),
        ("baseline", "优良天数比例", "=", "82.5", "%", None, "2020"),
        ("target", "优良天数比例", ">", "85", "%", None, "2025"),
        ("target", "优良天数比例", "=", "2.5", "百分点", "up", "2025"),
        ("baseline", "森林覆盖率", "=", "41.2", "%", None, "2020"),
        ("target", "森林覆盖率", ">=", "43.5", "%", None, "2025"),
        ("target", "森林覆盖率", "=", "2.3", "百分点", "up", "2025"),
        ("baseline", "化学需氧量排放总量", "=", "601000", "吨", None, "2020"),
        ("target", "化学需氧量排放总量", "=", "543000", "吨", None, "2025"),
        ("target", "化学需氧量排放总量", "=", "10", "%", "down", "2025"),
    ]
    assert not [f for f in ex.figures if "耕地" in f.indicator or f.value in (1500014000, 15000, 14000)]


# A table whose head names a unit column and one column a year of the plan's own period, its cells run
# together: a row that repeats one number in every year is cut there (6.3 five times); any other row is left
# unread, for no arithmetic tells its cells apart. Read by hand: the plan runs 2021–2025, so 2021 is one of
# its own years (a target), though the notice issuing it is dated 2022.
GLUED_YEARS = ("关于印发《某区“十四五”残疾人保障和发展规划》的通知\n（2022年4月18日）\n"
               "专栏1 主要指标类别序号指标名称单位2021年2022年2023年2024年2025年属性收入和就业"
               "1残疾人家庭人均收入年均增速%6.36.36.36.36.3预期性2城乡残疾人技能培训人数人/年115115115115115预期性"
               "3重度残疾人护理补贴覆盖率%99999999100约束性4残疾人基本康复服务覆盖率%≥90≥90≥90≥90≥90约束性"
               "\n三、主要任务\n")


def test_a_run_together_table_with_a_unit_column_is_cut_where_every_year_repeats_its_number(extract_text):
    ex = extract_text(GLUED_YEARS)
    got = [(f.role, f.indicator, f.comparator.value, str(f.value), f.unit, str(f.deadline))
           for f in ex.figures if f.evidence.rule.startswith("table.")]
    years = ["2021", "2022", "2023", "2024", "2025"]
    assert got == ([("target", "残疾人家庭人均收入年均增速", "=", "6.3", "%", y) for y in years]
                   + [("target", "城乡残疾人技能培训人数", "=", "115", "人/年", y) for y in years]
                   + [("target", "残疾人基本康复服务覆盖率", ">=", "90", "%", y) for y in years])
    assert not [f for f in ex.figures if "护理补贴" in f.indicator]


# A 十五五 plan's table as a PDF's text gives it without the layout: a row a line, cells parted by spaces,
# the unit and a label too wide for their cells wrapped above and below their row, notes numbered after it.
SPACED = "\n".join([
    "某市国民经济和社会发展第十五个五年规划纲要", "一、发展目标", "到2030年，全市经济实力明显增强。",
    "表1 某市“十五五”规划主要指标", "序 “十五五”目标", "指 标 单位 属性", "号", "2030年 年均[累计]",
    "1 地区生产总值增长率 % 预期性 - 6左右",
    "万元/", "2 全员劳动生产率 预期性 25左右 -", "人",
    "3 单位地区生产总值能耗降低 % 约束性 - [12]",
    "4 国家高新技术企业数量 家 预期性 - [累计达到3000]",
    "城镇新增就业人数占", "5 % 预期性 >30 -", "常住人口比例",
    "1 指按常住人口计算。", "2 按2025年价格计算。", "二、主要任务", "（一）推进产业升级。",
])


def test_a_table_a_row_a_line_gives_its_targets_and_its_row_and_note_numbers_are_no_values(extract_text):
    ex = extract_text(SPACED)
    got = {(f.role, f.indicator, f.comparator.value, str(f.value), f.unit, f.change and f.change.value,
            f.period and f.period.value, str(f.deadline), f.attribute and f.attribute.value) for f in ex.figures}
    assert got == {
        ("target", "地区生产总值增长率", "~", "6", "%", "up", "annual", "2030", "expected"),
        ("target", "全员劳动生产率", "~", "250000", "元/人", None, None, "2030", "expected"),
        ("target", "单位地区生产总值能耗降低", "=", "12", "%", "up", "cumulative", "2030", "binding"),
        ("target", "国家高新技术企业数量", ">=", "3000", "家", None, "cumulative", "2030", "expected"),
        ("target", "城镇新增就业人数占常住人口比例", ">", "30", "%", None, None, "2030", "expected"),
    }


def test_a_table_captioned_as_a_forecast_gives_neither_states_nor_goals(extract_text):
    text = "\n".join(["某省电动汽车充电基础设施发展规划（2021-2025年）", "表2-1 “十四五”全省电动汽车保有量预测", "",
                     "| 项目 | 2021年 | 2025年 |", "| --- | --- | --- |", "| 电动汽车保有量(万辆) | 2.91 | 21.10 |", "",
                     "表2-2 “十四五”充电设施建设目标", "", "| 项目 | 2020年 | 2025年 |", "| --- | --- | --- |",
                     "| 充电桩(万根) | 0.5 | 3.2 |"])
    got = [(f.role, f.indicator, str(f.value), f.evidence.rule) for f in extract_text(text).figures]
    assert got == [("context", "电动汽车保有量", "29100", "table.forecast"),
                   ("context", "电动汽车保有量", "211000", "table.forecast"),
                   ("baseline", "充电桩", "5000", "table.base"), ("target", "充电桩", "32000", "table.target")]


def test_a_tiered_schedule_gives_its_bands_as_thresholds_and_its_values_as_parameters(extract_text):
    # A price table whose merged cells left the second row of each tier without its first cells.
    text = ("某市居民阶梯电价实施方案\n一、电价标准\n居民用户电价按下表执行。\n"
            "|用户分类|分档|电量水平（度/户·年）|时段|电价水平（元/度）|\n"
            "|一户一表居民用户|第一档| 0-3120（含）|峰时段| 0.617 |\n|谷时段| 0.307 |\n"
            "|第二档| 3120以上|峰时段| 0.677 |\n|谷时段| 0.337 |\n二、其他\n内容。")
    got = [(f.role, str(f.value), f.value_max and str(f.value_max), f.unit, f.comparator.value)
           for f in extract_text(text).figures if f.evidence.rule.startswith("table.")]
    assert got == [("threshold", "0", "3120", "度/户·年", "range"), ("parameter", "0.617", None, "元/度", "="),
                   ("parameter", "0.307", None, "元/度", "="), ("threshold", "3120", None, "度/户·年", ">="),
                   ("parameter", "0.677", None, "元/度", "="), ("parameter", "0.337", None, "元/度", "=")]


def test_a_table_of_values_without_bands_is_no_schedule(extract_text):
    text = ("某市重点项目清单\n|项目名称|建设内容|总投资（亿元）|\n|甲项目|新建厂房| 12 |\n|乙项目|改造产线| 8 |\n")
    assert [f for f in extract_text(text).figures if f.evidence.rule in ("table.band", "table.schedule")] == []


def test_a_table_of_goals_written_as_sentences_is_no_schedule(extract_text):
    # Cells that state a level or a change (较2020年下降14%, 比例达到95%) are goals, not bands of a tier.
    text = ("某区2025年节能重点工作安排\n一、目标\n|领域|节能目标|责任部门|\n"
            "|工业|规上工业单位增加值能耗较2020年下降14%|区经委|\n|公共建筑|重点用能单位能效达到合理值比例达到95%|区商务委|\n"
            "二、任务\n内容。")
    found = extract_text(text).figures
    assert [f for f in found if f.evidence.rule in ("table.band", "table.schedule")] == []
    assert sorted((f.role, str(f.value)) for f in found) == [("target", "14"), ("target", "95")]


def test_a_table_of_counts_is_the_state_or_the_plan_its_caption_says(extract_text):
    text = ("某省电动汽车充电基础设施发展规划\n一、现状\n表1-1 全省充电站概况\n"
            "|地区|充电站数量|充电桩数量（根）|\n|甲市| 122 | 1342 |\n|乙市| 9 | 38 |\n"
            "二、目标\n表3-1“十四五”充换电设施分区域发展目标\n|地区|充电站(座)|充电桩(根)|\n|甲市| 27 | 2645 |\n"
            "三、预测\n表2-1 电动汽车保有量预测\n|年份|保有量（万辆）|\n|甲市| 18 |\n")
    got = {(f.role, f.indicator, str(f.value), f.unit, str(getattr(f, "deadline", None)))
           for f in extract_text(text).figures if f.evidence.rule.startswith("table.")}
    assert got == {
        ("baseline", "甲市充电站数量", "122", None, "None"), ("baseline", "甲市充电桩数量", "1342", "根", "None"),
        ("baseline", "乙市充电站数量", "9", None, "None"), ("baseline", "乙市充电桩数量", "38", "根", "None"),
        ("target", "甲市充电站", "27", "座", "2025"), ("target", "甲市充电桩", "2645", "根", "2025"),
    }  # the forecast is neither state nor goal


def test_a_statistical_table_gives_its_rows_as_baselines_in_the_unit_its_caption_gives(extract_text):
    # A 统计公报's tables: a head with its unit in brackets, rows marked 其中 as parts of the row above,
    # a head over two columns, and a caption of changes whose unit stands on a line of its own.
    text = ("某省2024年国民经济和社会发展统计公报\n"
            "表1 2024年年末人口数及其构成\n"
            "指标 | 年末数（万人） | 比重（%）\n全省人口 | 5000 | 100.0\n其中：城镇 | 3000 | 60.0\n60周岁及以上 | 1000 | 20.0\n"
            "表2 2024年居民消费价格比上年涨跌幅度\n单位：%\n"
            "指标 | 全省\n城市 | 农村\n居民消费价格 | 0.2 | 0.3 | 0.1\n交通通信 | -1.9 | -2.0 | -1.5\n"
            "全年地区生产总值增长5%。")
    got = {(f.role, f.indicator, str(f.value), f.unit, f.change and f.change.value, getattr(f, "year", None))  # 100.0 is 100
           for f in extract_text(text).figures if f.evidence.rule.startswith("table.")}
    assert got == {
        ("baseline", "全省人口年末数", "50000000", "人", None, 2024), ("baseline", "全省人口比重", "100", "%", None, 2024),
        ("baseline", "城镇年末数", "30000000", "人", None, 2024), ("baseline", "城镇比重", "60", "%", None, 2024),
        ("baseline", "60周岁及以上年末数", "10000000", "人", None, 2024),
        ("baseline", "60周岁及以上比重", "20", "%", None, 2024),
        ("baseline", "居民消费价格", "0.2", "%", "up", 2024), ("baseline", "居民消费价格", "0.3", "%", "up", 2024),
        ("baseline", "居民消费价格", "0.1", "%", "up", 2024),
        ("baseline", "交通通信", "1.9", "%", "down", 2024), ("baseline", "交通通信", "2", "%", "down", 2024),
        ("baseline", "交通通信", "1.5", "%", "down", 2024),
    }


def test_a_title_row_across_a_table_is_its_caption_and_no_header(extract_text):
    text = ("某县河长制工作考核细则\n"
            "| 某县2018年度河长制工作责任单位考核细则 |  |  |  |\n|---|---|---|---|\n"
            "| 序号 | 考核项目 | 各项分值 | 评分标准 |\n| 1 | 组织领导 | 8 | 积极配合（8分）。 |\n"
            "| 2 | 宣传工作 | 10 | 开展宣传（10分）。 |\n")
    got = {(f.role, f.indicator, str(f.value), f.unit) for f in extract_text(text).figures
           if f.evidence.rule.startswith("table.")}
    assert got == {("parameter", "组织领导各项分值", "8", "分"), ("parameter", "宣传工作各项分值", "10", "分")}


def test_a_cell_that_writes_its_own_unit_is_measured_by_its_head(extract_text):
    text = ("某省充电基础设施规划\n表3-1 “十四五”充换电设施分区域发展目标\n"
            "| 地区 | 充电站(座) | 公共设施服务半径 | 说明 |\n| 甲市 | 27 | 1.0公里 | 核心区 |\n| 乙市 | 9 | 2.0公里 | 全域 |\n")
    got = {(f.role, f.indicator, str(f.value), f.unit, str(getattr(f, "deadline", None)))
           for f in extract_text(text).figures if f.evidence.rule.startswith("table.")}
    assert got == {("target", "甲市充电站", "27", "座", "2025"), ("target", "甲市公共设施服务半径", "1", "公里", "2025"),
                   ("target", "乙市充电站", "9", "座", "2025"), ("target", "乙市公共设施服务半径", "2", "公里", "2025")}  # 1.0 is 1


def test_a_box_whose_header_row_is_empty_reads_its_first_row_as_text(extract_text):
    # A 专栏 converted to a table with an empty header row: its first row is text, not the table's heads.
    text = ("某市产业发展规划\n专栏1 新型显示产业发展重点\n|     |     |\n| --- | --- |\n"
            "| 产业化项目 | 1．推进年产500万片触控屏项目建设。<br>2．推动年产20万吨新材料项目达产。 |\n"
            "| 创新平台 | 建设2个市级研发中心。 |\n")
    got = [(str(f.value), f.unit) for f in extract_text(text).figures]
    assert got == [("5000000", "片"), ("200000", "吨"), ("2", "个")]


# A task-division table (分工表): its tasks are sentences with their own figures, due when its 完成时限 says.
DIVISION_TITLE = "南京市2024年优化营商环境重点任务分工方案"
DIVISION = [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
            ["1", "全面推行企业开办“一网通办”，开办时间压缩至1个工作日以内。", "市市场监管局", "市公安局、市税务局", "2024年6月底前"],
            ["2", "推进工程建设项目审批制度改革，审批时间压减至60个工作日以内。", "市住房城乡建设局", "市发展改革委", "2025年12月"]]


def division_file(suffix: str) -> bytes:
    if suffix == ".docx":
        import docx

        document = docx.Document()
        document.add_paragraph(DIVISION_TITLE)
        document.add_paragraph("为贯彻落实省委、省政府决策部署，制定本方案。")
        table = document.add_table(rows=len(DIVISION), cols=len(DIVISION[0]))
        for r, row in enumerate(DIVISION):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in DIVISION)
    return (f"<html><head><meta charset='utf-8'><title>{DIVISION_TITLE}</title></head><body><article>"
            f"<h1>{DIVISION_TITLE}</h1><p>为贯彻落实省委、省政府关于优化营商环境的决策部署，进一步明确责任、细化措施，"
            f"确保各项改革任务落地见效，制定本分工方案。</p><table>{rows}</table></article></body></html>").encode("utf-8")


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_a_task_tables_figures_are_its_tasks_due_by_their_row(tmp_path, suffix):
    from kg import api

    path = tmp_path / f"division{suffix}"
    path.write_bytes(division_file(suffix))
    ex = api.extract(path)
    # the row numbers (1, 2) are no values; each task's limit is a target due when its row says
    assert sorted((f.role, str(f.value), f.unit, str(f.deadline)) for f in ex.figures) == [
        ("target", "1", "工作日", "2024-06"), ("target", "60", "工作日", "2025-12")]
    assert sorted((r.agency, r.role.value, str(r.deadline)) for r in ex.responsibilities
                  if r.evidence.rule == "responsibility.assignment") == sorted([
        ("南京市市场监督管理局", "lead", "2024-06"), ("南京市公安局", "support", "2024-06"),
        ("国家税务总局南京市税务局", "support", "2024-06"), ("南京市住房和城乡建设局", "lead", "2025-12"),
        ("南京市发展和改革委员会", "support", "2025-12")])


def test_a_book_of_rules_sets_what_its_tables_and_their_annexes_count(extract_text):
    # 单程里程（公里） counts, but in the annex of a 办法 each cell is a setting of the rules, not a state
    text = ("某区公务出行交通费定额包干管理办法\n第一条 交通费按附件1标准包干。\n第二条 本办法自2018年6月1日起实施。\n"
            "附件1\n包干标准\n|目的地|单程里程（公里）|往返包干标准（元/次）|\n|甲市|60|300|\n|乙市|100|500|\n")
    got = {(f.role, f.indicator, str(f.value), f.unit) for f in extract_text(text).figures if f.evidence.rule.startswith("table.")}
    assert got == {("parameter", "甲市单程里程", "60", "公里"), ("parameter", "甲市往返包干标准", "300", "元/次"),
                   ("parameter", "乙市单程里程", "100", "公里"), ("parameter", "乙市往返包干标准", "500", "元/次")}


def test_an_indicator_table_whose_cells_one_gap_parts_gives_its_targets(extract_text):
    gap = "    "
    text = ("某市国民经济和社会发展第十五个五年规划纲要\n专栏2 主要指标\n" + gap.join(["分类", "序号", "指标", "属性", "2030年目标值"])
            + "\n" + gap.join(["经济强", "1", "地区生产总值年均增长率（%）", "预期性", "5以上"]) + "\n" + gap
            + gap.join(["2", "旅游业总收入（亿元）", "预期性", "3300"]) + "\n" + gap + gap.join(["3", "森林覆盖率（%）", "约束性", "完成省定目标"])
            + "\n")
    got = {(f.role, str(f.value), f.unit, str(getattr(f, "deadline", None))) for f in extract_text(text).figures}
    assert got == {("target", "5", "%", "2030"), ("target", "330000000000", "元", "2030")}  # no row number is a value


def test_a_table_keyed_by_a_class_in_its_header_row_sets_a_value_for_each_class(extract_text):
    # 设计速度(km/h) | 100 | 80: each speed a class (a threshold); 停车视距(m) | 160 | 110: the distance set for it
    text = ("某公路平面交叉整治技术指南\n表1 安全交叉停车视距\n|设计速度(km/h)|100|80|\n|停车视距(m)|160|110|\n"
            "|安全交叉停车视距(m)|250|175|\n")
    got = {(f.role, f.indicator, str(f.value), f.unit) for f in extract_text(text).figures}
    assert got == {("threshold", "设计速度", "100", "km/h"), ("threshold", "设计速度", "80", "km/h"),
                   ("parameter", "停车视距（设计速度100km/h）", "160", "m"), ("parameter", "停车视距（设计速度80km/h）", "110", "m"),
                   ("parameter", "安全交叉停车视距（设计速度100km/h）", "250", "m"),
                   ("parameter", "安全交叉停车视距（设计速度80km/h）", "175", "m")}
    # ...but years in a header row key no classes
    years = "某县发展规划\n表1 主要指标\n|地区生产总值(亿元)|2020|2025|\n|数值|120|180|\n"
    assert not any(f.evidence.rule.startswith("table.key") for f in extract_text(years).figures)
    # ...and a table keyed in its first column, under a header of two rows, gives each key with its row
    rows = ("某公路平面交叉整治技术指南\n表2 左转视距三角区长度\n|主要公路设计速度（km/h）|左转视距三角区长度（m）|左转视距三角区长度（m）|\n"
            "|主要公路设计速度（km/h）|一级公路|二级公路|\n|100|170|-|\n|80|135|115|\n")
    got = {(f.role, f.indicator, str(f.value)) for f in extract_text(rows).figures}
    assert got == {("threshold", "主要公路设计速度", "100"), ("threshold", "主要公路设计速度", "80"),
                   ("parameter", "左转视距三角区长度（一级公路，主要公路设计速度100km/h）", "170"),
                   ("parameter", "左转视距三角区长度（一级公路，主要公路设计速度80km/h）", "135"),
                   ("parameter", "左转视距三角区长度（二级公路，主要公路设计速度80km/h）", "115")}


BULLETIN = """2021年某市国民经济和社会发展统计公报
全年地区生产总值比上年增长8.6%。
表1：2021年地区生产总值及其增长速度
<table><tr><td>指标</td><td>2021年（亿元）</td><td>比上年增长（%）</td></tr><tr><td>地区生产总值</td><td>1991.7</td><td>8.6</td></tr><tr><td>第一产业</td><td>58.2</td><td>-4.8</td></tr></table>
全年居民消费价格上涨0.5%。
"""


def test_a_bulletins_table_is_what_its_year_reached_in_the_unit_its_heads_write(extract_text):
    got = {(f.role, f.indicator, str(f.value), f.unit, str(f.year), f.change.value if f.change else None)
           for f in extract_text(BULLETIN).figures if f.evidence.rule.startswith("table.")}
    assert got == {
        ("baseline", "地区生产总值", "199170000000", "元", "2021", None),  # 1991.7 亿元
        ("baseline", "地区生产总值", "8.6", "%", "2021", "up"),
        ("baseline", "第一产业", "5820000000", "元", "2021", None),
        ("baseline", "第一产业", "4.8", "%", "2021", "down"),  # -4.8 under 比上年增长
    }


# A plan's table saved with every cell break lost and no change column to check the cut against: a row's
# values are levels of one indicator, so the cut is the one a comparator marks (98≥99), the only one the
# numbers' forms allow (020: 0 and 20), or the only one whose levels are of one size (7780: 77 and 80, not 7
# and 780 nor 778 and 0; 38.640: 38.6 and 40). A row no rule settles (515: 5 and 15, or 51 and 5) is left
# unread. Read by hand.
GLUED_LEVELS = ("某区“十四五”社会事业发展规划\n第三节 发展目标\n"
                "表1 “十四五”时期教育规划指标序号指标单位2020年2025年属性1学前教育入园率%98≥99预期性"
                "2人均预期寿命岁7780预期性3现代学徒制培养比例%020预期性4普通高中在校生人71708000预期性"
                "5数字化课程占比%515预期性6期末总人口规模万人38.640预期性\n第四节 主要任务\n")


def test_a_run_together_table_of_levels_is_cut_where_a_comparator_the_forms_or_the_sizes_say(extract_text):
    ex = extract_text(GLUED_LEVELS)
    got = [(f.role, f.indicator, f.comparator.value, str(f.value), f.unit,
            str(f.deadline) if f.role == "target" else str(f.year))
           for f in ex.figures if f.evidence.rule.startswith("table.")]
    assert got == [
        ("baseline", "学前教育入园率", "=", "98", "%", "2020"), ("target", "学前教育入园率", ">=", "99", "%", "2025"),
        ("baseline", "人均预期寿命", "=", "77", "岁", "2020"), ("target", "人均预期寿命", "=", "80", "岁", "2025"),
        ("baseline", "现代学徒制培养比例", "=", "0", "%", "2020"), ("target", "现代学徒制培养比例", "=", "20", "%", "2025"),
        ("baseline", "普通高中在校生", "=", "7170", "人", "2020"), ("target", "普通高中在校生", "=", "8000", "人", "2025"),
        ("baseline", "期末总人口规模", "=", "386000", "人", "2020"), ("target", "期末总人口规模", "=", "400000", "人", "2025"),
    ]
    assert not [f for f in ex.figures if "数字化课程" in f.indicator and f.evidence.rule.startswith("table.")]


# A plan's table of main goals saved with its cells run together under a header of two lines (the years and the
# attribute, then 绝对值 under each year and 年均增速[累计]): each row is cut where its growth is what its levels
# grew by, a year's rate over the five years between them (50 to 150: 24.6% a year) or, in brackets, the change
# over the plan ([5]: 9.0 to 14.0); a row whose growth cell is empty is cut as levels alone (75150: 75 and 150);
# a row whose unit the pattern does not know (（错年数）) is passed over. Read by hand.
GLUED_GROWTH = ("某区国民经济和社会发展第十四个五年规划纲要\n第三节 发展目标\n"
                "专栏1 某区“十四五”时期经济社会发展主要目标 分类序号指标名称单位2020年2025年指标属性绝对值绝对值"
                "年均增速[累计]文化旅游1旅游业增加值占GDP比重%9.014.0[5]预期性2旅游总收入亿元5015024.6%预期性"
                "3游客接待总人数万人次450100017.3%预期性4规上企业数户75150 预期性"
                "5营商环境指数（错年数） 87.7591[3.25]预期性6森林覆盖率%38.8540.0[1.15]约束性\n注：[ ]内为五年累计数。\n")


def test_a_run_together_table_with_a_growth_column_is_cut_where_the_growth_agrees(extract_text):
    ex = extract_text(GLUED_GROWTH)
    got = [(f.role, f.indicator, str(f.value), f.unit, f.change and f.change.value, f.period and f.period.value,
            str(f.deadline) if f.role == "target" else str(f.year))
           for f in ex.figures if f.evidence.rule.startswith("table.")]
    assert got == [
        ("baseline", "旅游业增加值占GDP比重", "9", "%", None, None, "2020"),
        ("target", "旅游业增加值占GDP比重", "14", "%", None, None, "2025"),
        ("target", "旅游业增加值占GDP比重", "5", "%", "up", "cumulative", "2025"),
        ("baseline", "旅游总收入", "5000000000", "元", None, None, "2020"),
        ("target", "旅游总收入", "15000000000", "元", None, None, "2025"),
        ("target", "旅游总收入", "24.6", "%", "up", "annual", "2025"),
        ("baseline", "游客接待总人数", "4500000", "人次", None, None, "2020"),
        ("target", "游客接待总人数", "10000000", "人次", None, None, "2025"),
        ("target", "游客接待总人数", "17.3", "%", "up", "annual", "2025"),
        ("baseline", "规上企业数", "75", "户", None, None, "2020"),
        ("target", "规上企业数", "150", "户", None, None, "2025"),
        ("baseline", "森林覆盖率", "38.85", "%", None, None, "2020"),
        ("target", "森林覆盖率", "40", "%", None, None, "2025"),
        ("target", "森林覆盖率", "1.15", "%", "up", "cumulative", "2025"),
    ]


def test_a_rows_empty_growth_cell_stays_in_its_columns_place_wherever_the_column_stands():
    from kg.extract.quantities.glued import GluedTableReader
    from kg.extract.quantities.tables import Column, TableReader
    columns = [Column(0, "base", 2020), Column(1, "growth", None), Column(2, "target", 2025)]
    pieces, used = GluedTableReader(TableReader()).cut("75150", columns, None, "预")
    assert used == 5 and [p.value for p in pieces] == [75, None, 150]  # 75 and 150, no growth written
