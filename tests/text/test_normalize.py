import pytest

from kg.text.normalize import normalize

from conftest import SEED


def maps_back(raw: str, clean, part: str, written: str) -> bool:
    """Whether ``part`` of the clean text maps back to ``written`` in the raw one."""
    k = clean.text.index(part)
    span = clean.offsets.span(k, k + len(part))
    return raw[span.start:span.end] == written


@pytest.fixture(scope="module")
def seed():
    original = SEED.read_text(encoding="utf-8")
    return original, normalize(original)


def test_rejoins_a_word_broken_by_the_pdf(seed):
    _, clean = seed
    assert "知识产权工作，强调" in clean.text
    assert "知识产权工\n" not in clean.text


def test_rejoins_a_title_broken_inside_its_brackets(seed):
    _, clean = seed
    assert clean.text.splitlines()[0] == "解读：《中关村国家自主创新示范区知识产权行动方案（2019-2021）》"


def test_keeps_headings_and_paragraphs_apart(seed):
    _, clean = seed
    lines = clean.text.splitlines()
    for heading in ("一、出台背景", "二、主要特色和工作目标", "三、实施落实“五大任务”", "四、保障措施"):
        assert heading in lines
    # Each task of 三、 starts its own paragraph, as in the original layout.
    assert sum(1 for line in lines if line[:2] in ("一是", "二是", "三是", "四是", "五是")) == 6  # features + 5 tasks
    assert len(lines) == 19


def test_removes_spaces_a_pdf_put_between_chinese_and_digits(seed):
    _, clean = seed
    assert "2018年，中关村示范区企业专利申请超过8.6万件" in clean.text
    assert "年度PCT专利申请量" in clean.text


def test_full_width_digits_become_ascii(seed):
    _, clean = seed
    assert "2019年4月23日" in clean.text


def test_a_full_width_full_stop_between_digits_is_a_decimal_point_unless_it_numbers_an_item():
    clean = normalize("一、现状\n风电装机131．4万千瓦，占全省的10．3％。\n1．5G基站建设加快。\n").text
    assert clean.split("\n") == ["一、现状", "风电装机131.4万千瓦，占全省的10.3%。", "1．5G基站建设加快。"]


def test_every_clean_character_points_back_at_itself(seed):
    original, clean = seed
    for i, ch in enumerate(clean.text):
        if ch == "\n":
            assert original[clean.offsets[i]] in "\n\r"
            continue
        source = original[clean.offsets[i]]
        assert source == ch or (ord(source) - 0xFEE0 == ord(ch)), (i, ch, source)


def test_offsets_increase(seed):
    _, clean = seed
    offsets = [clean.offsets[i] for i in range(len(clean.text) + 1)]
    assert offsets == sorted(offsets)


def test_normalising_twice_changes_nothing(seed):
    _, clean = seed
    assert normalize(clean.text).text == clean.text


def test_line_per_paragraph_text_is_left_as_is():
    text = "一、总体要求\n（一）指导思想。\n以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神。\n"
    assert normalize(text).text == text.rstrip("\n")


def test_measures_closed_by_their_assignments_are_no_wrapped_lines():
    # Lines that end with the bracket they opened (a measure and its 牵头 units) are whole, however
    # alike their widths: the title stays apart from the salutation under it (the space between the two
    # issuers goes, as between any Chinese characters).
    text = ("杭州市发展和改革委员会 杭州市财政局关于印发杭州市数字经济行动方案的通知\n各区人民政府：\n"
            "（一）建设算力设施。建设城市算力中心。（市发展改革委牵头，市财政局、市科技局配合）\n"
            "（二）培育数据市场。开展数据交易试点。（市科技局牵头，市财政局配合）\n"
            "（三）完善公共服务。建设一站式服务平台。（市数据资源局牵头，市财政局配合）\n")
    assert normalize(text).text.split("\n")[:2] == [
        "杭州市发展和改革委员会杭州市财政局关于印发杭州市数字经济行动方案的通知", "各区人民政府："]


def test_page_numbers_are_dropped():
    sentence = "这是一个很长的句子，被排版软件在页面宽度处断开了，因此需要重新连接起来才能顺畅阅读和分析。"
    body = sentence * 8  # 46 characters a sentence, cut every 38: sentence ends fall mid-line
    lines = [body[k:k + 38] for k in range(0, len(body), 38)]
    text = "\n".join(lines[:4]) + "\n- 3 -\n" + "\n".join(lines[4:]) + "\n"
    clean = normalize(text).text
    assert clean == body


def test_numbers_a_crawler_put_on_lines_of_their_own_join_their_sentence():
    # A page whose inline elements became lines of their own: the numbers are part of the sentences,
    # not page numbers (they were dropped as page numbers once, and every figure was lost).
    text = "保障了天津地区\n2\n台供热机组连续稳定运行，满足了超过\n1000\n万平米居民采暖需求。\n（津工信电力〔\n2021\n〕\n2\n号）\n"
    clean = normalize(text).text
    assert clean == "保障了天津地区2台供热机组连续稳定运行，满足了超过1000万平米居民采暖需求。\n（津工信电力〔2021〕2号）"


def test_a_number_set_apart_by_blank_lines_before_a_name_numbers_a_row_of_a_table_that_lost_its_lines():
    # A crawler's copy of a table, one cell per paragraph: the row numbers stand alone, and a word,
    # not a unit, follows them. A number before its unit, or a year, still joins what follows.
    text = "重点任务或项目\n\n1\n\n外滩历史文化风貌区\n\n2\n\n老市府大楼（160街坊）\n\n建成\n\n12\n\n座公园\n\n到\n\n2025\n\n年底\n"
    assert normalize(text).text.split("\n") == ["重点任务或项目", "1", "外滩历史文化风貌区", "2", "老市府大楼（160街坊）",
                                                "建成12座公园", "到2025年底"]


def test_a_page_number_between_a_running_title_and_the_text_still_joins():
    text = "规划文本\n5\n式。站址选择要特别注意地下情况。\n"
    assert "\n5\n" not in normalize(text).text


def test_a_number_beside_a_form_feed_is_a_page_number_whatever_the_layout():
    # lines of every width (no page width to wrap at): only the form feed says the 1 is a page's number
    text = "一、发展回顾\n规模以上企业超4万家。\n其中，信息技术服务收入占比\n\n\n        1\n\f增长到61.1%。\n2\n台机组投产。\n"
    clean = normalize(text).text
    assert "1\n" not in clean and "占比\n增长到61.1%" in clean
    assert "2台机组投产" in clean  # no form feed beside it: part of its sentence


def test_a_number_after_a_heading_starts_the_next_line_not_the_heading():
    clean = normalize("一、实施背景\n2018~2020\n年，我市连续实施试点。\n").text
    assert clean.splitlines()[0] == "一、实施背景"


def test_crlf_and_zero_width_characters():
    clean = normalize("第一段。\r\n第\u200b二段。\r\n")
    assert clean.text == "第一段。\n第二段。"


def test_lines_taken_whole_are_the_lines_read_character_by_character():
    # Plain lines are taken whole; the result must be what reading each character gives.
    import random

    from kg.text.normalize import _physical_lines, _physical_lines_slow, inline_breaks, layout_rules

    def key(lines):
        return [(ln.indent, ln.width, ln.chars, ln.origin, ln.newline_at) for ln in lines]

    rules = layout_rules()
    texts = [SEED.read_text(encoding="utf-8"), "a\r\nb\rc\n\n  x\u3000y \u200b z\t\n\uff11\uff12", "", "\n", "\r"]
    for text in texts:
        breaks = inline_breaks(rules, text)
        assert key(_physical_lines(text, breaks)) == key(_physical_lines_slow(text, breaks))
    alphabet = "ab 中文\u3000\t\r\n\u200b\uff11\x01，。\xa0“…\u2028\u202f\u2003"
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        breaks = frozenset(rng.sample(range(len(text) + 1), min(2, len(text) + 1))) if rng.random() < 0.3 else frozenset()
        assert key(_physical_lines(text, breaks)) == key(_physical_lines_slow(text, breaks)), (text, breaks)


def test_a_document_run_into_one_line_breaks_at_its_numbered_headings():
    filler = "推进相关工作，确保取得实效。" * 80  # a crawler's field: no break, no indentation
    text = ("一、深化改革" + "（一）优化审批服务，" + filler + "（财政部负责）具体措施：1．简化程序。" + filler
            + "（民政部牵头）2．2020年底前完成清理。（商务部负责）二、加强监管")
    lines = normalize(text).text.split("\n")
    assert [ln[:4] for ln in lines] == ["一、深化", "（一）优", "1．简化", "2．20", "二、加强"]


def test_a_notice_title_run_into_its_addressees_breaks_before_them():
    filler = "推进相关工作，确保取得实效。" * 160
    text = "关于印发《某公司2021年投资计划》的通知各市分公司、直属中心：《某公司2021年投资计划》已审议通过。" + filler
    lines = normalize(text).text.split("\n")
    assert lines[0] == "关于印发《某公司2021年投资计划》的通知" and lines[1].startswith("各市分公司、直属中心：")


def test_an_inline_list_in_a_paragraph_of_usual_length_stays_whole():
    text = "主要包括：（一）优化审批；（二）加强监管。1．简化程序。"
    assert normalize(text).text == text


def test_markdown_emphasis_marks_are_dropped_and_a_lone_star_kept():
    text = "**杭州市生育补助实施方案**\n**第四条 **市财政局负责。\n注*：说明。"
    clean = normalize(text)
    assert clean.text == "杭州市生育补助实施方案\n第四条市财政局负责。\n注*：说明。"
    assert maps_back(text, clean, "市财政局", "市财政局")  # offsets still map back


def test_a_crawl_that_kept_only_plain_spaces_breaks_at_them():
    filler = "推进相关工作，确保取得实效。" * 160
    text = "某某管委会办公室关于印发方案的通知 区直各单位： 《方案》已经同意，现印发给你们。 " + filler + " 某某管委会办公室 2015年8月31日"
    lines = normalize(text).text.split("\n")
    assert [ln[:4] for ln in lines] == ["某某管委", "区直各单", "《方案》", "推进相关", "某某管委", "2015"]


def test_plain_spaces_stay_where_a_line_keeps_its_indentation_or_spaces_out_a_name():
    filler = "推进相关工作，确保取得实效。" * 160
    indented = "\u3000\u3000一、总体要求 " + filler + "取得重要进展。 化学需氧量下降。"
    assert "取得重要进展。化学需氧量" in normalize(indented).text
    spaced = filler + "国  务  院"
    assert normalize(spaced).text.endswith("国务院")


def test_rows_parted_by_bars_without_outer_bars_become_table_rows():
    text = "表1 年末人口\n指标 | 年末数（万人） | 比重（%）\n全国人口 | 140828 | 100.0\n乡村|46478|33.0\n全年出生人口954万人。"
    clean = normalize(text)
    lines = clean.text.splitlines()
    assert lines[1:4] == ["| 指标 | 年末数（万人） | 比重（%） |", "| 全国人口 | 140828 | 100.0 |", "| 乡村 | 46478 | 33.0 |"]
    at = clean.text.index("46478")
    assert text[clean.offsets[at]:].startswith("46478")  # offsets still lead to the source


def test_one_line_with_a_bar_is_prose_not_a_table():
    text = "首页 | 政策文件\n到2025年，全市新增就业10万人。"
    assert not normalize(text).text.startswith("|")


def test_a_row_written_with_its_bars_is_not_cut_again_at_its_spaces():
    text = "| 序号 | 考核项目 | 各项分值 |\n|  1  | 组织领导  工作 |  8  |\n|  2  | 日常工作 |  7  |\n|  3  | 宣传工作 |  10  |\n"
    rows = [line for line in normalize(text).text.splitlines() if line.startswith("|")]
    assert [line.count("|") for line in rows] == [4, 4, 4, 4]


def test_a_letter_spaced_scan_has_its_numbers_joined_and_offsets_kept():
    raw = "到2 0 0 5年，全省生产总值达到2 9 0 0 亿元，年均增长6 .5 %左右。2 0 0 0年为基期。"
    clean = normalize(raw)
    assert clean.text == "到2005年，全省生产总值达到2900亿元，年均增长6.5%左右。2000年为基期。"
    assert maps_back(raw, clean, "2900", "2 9 0 0")
    assert len(clean.offsets) == len(clean.text)


def test_article_numbers_set_apart_are_letter_spacing_too():
    # a word processor's letter spacing of its article numbers (第 1 0 条): the numbers are joined
    raw = "第 9 条 奖励5万元。\n第 1 0 条 鼓励企业。\n第 1 1 条 给予1 0万元奖励。"
    assert normalize(raw).text == "第9条奖励5万元。\n第10条鼓励企业。\n第11条给予10万元奖励。"


def test_spaces_between_digits_stay_where_years_are_written_whole():
    # one spaced year is no scan's letter spacing: 1 2 may be two numbers
    assert normalize("2025年，第1 2 3批项目共3 5个。").text == "2025年，第1 2 3批项目共3 5个。"


def test_a_crawl_that_kept_only_plain_spaces_breaks_before_a_speechs_date_and_a_numbered_heading():
    filler = "推进相关工作，确保取得实效。" * 160
    text = ("关于某县2016年计划执行情况的报告 -2017年1月10日在某县人民代表大会上 各位代表： 现作报告。 "
            "一、2016年计划执行情况 2016年，" + filler)
    lines = normalize(text).text.split("\n")
    assert lines[:5] == ["关于某县2016年计划执行情况的报告", "-2017年1月10日在某县人民代表大会上", "各位代表：", "现作报告。",
                         "一、2016年计划执行情况"]


def test_a_crawl_that_kept_only_plain_spaces_breaks_after_a_sign_offs_date_run_into_the_next_title():
    filler = "推进相关工作，确保取得实效。" * 160
    text = ("各处室，各村（居）：现将《某片区火灾防控工作方案》印发给你们，请认真贯彻落实。 某区某片区管理局 "
            "2023年12月16日某片区火灾防控工作方案 为做好火灾防控工作，制定本方案。" + filler)
    lines = normalize(text).text.split("\n")
    assert lines[1:4] == ["某区某片区管理局", "2023年12月16日", "某片区火灾防控工作方案"]


def test_a_line_ending_in_a_number_reads_on_into_its_unit_on_the_next():
    text = "其中，电动公交车充电需求将达到 2.89\n亿千瓦时，出租车充电需求将达到 1.81 亿千瓦时。\n三、重点任务\n"
    assert normalize(text).text.split("\n") == ["其中，电动公交车充电需求将达到2.89亿千瓦时，出租车充电需求将达到1.81亿千瓦时。",
                                                 "三、重点任务"]


def test_markdown_heading_marks_and_attribute_lists_are_dropped():
    text = '# 中华人民共和国劳动合同法\n\n## 第一章 总则{align="center"}\n第一条 为了制定本法。\n#话题#讨论\n'
    clean = normalize(text)
    assert clean.text == "中华人民共和国劳动合同法\n第一章总则\n第一条为了制定本法。\n#话题#讨论"
    assert maps_back(text, clean, "第一章", "第一章")


def test_a_crawl_run_together_breaks_after_the_number_before_a_title_and_before_addressees_with_commas():
    filler = "推进相关工作，确保取得实效。" * 160
    text = "岚综管综〔2022〕26号某某管委会关于印发《某某规划》的通知各片区管理局，区直各单位：《某某规划》已经同意。" + filler
    lines = normalize(text).text.split("\n")
    assert lines[:3] == ["岚综管综〔2022〕26号", "某某管委会关于印发《某某规划》的通知", lines[2]]
    assert lines[2].startswith("各片区管理局，区直各单位：")


def test_line_ends_escaped_as_a_json_string_stores_them_end_lines():
    # a text saved from inside a JSON string keeps \n as two characters: they end its lines, and go
    raw = "陕西省优化便民服务专项行动方案\\n\\n一、工作目标\\n省级事项网上可办率不低于90%。\\n\\n牵头单位：省政府办公厅"
    clean = normalize(raw)
    assert clean.text.split("\n") == ["陕西省优化便民服务专项行动方案", "一、工作目标", "省级事项网上可办率不低于90%。",
                                      "牵头单位：省政府办公厅"]
    k = clean.text.index("90%")
    assert raw[clean.offsets[k]:].startswith("90%")  # every character still maps back to the stored text
    # ...but a text with real line ends that quotes \n once or twice keeps it as written
    quoted = "第一行\n第二行写着\\n两次\\n。\n第三行"
    assert "\\n" in normalize(quoted).text


def test_a_header_a_pdf_wrapped_over_lines_heads_its_table_and_a_page_break_does_not_end_it():
    # each head's unit in brackets opens the next line (单程里程 / （公里））; a page number parts the last row
    text = ("附件1\n包干标准\n目的地\t单程里程\n（公里）\t单程单价\n（元）\t往返包干标准（元/次）\n"
            "广州市\t60\t2.5\t300\n江门市\t100\t2.5\t500\n中山市\t120\t2.5\t600\n\n【第 4 页】\n惠州市\t200\t2.5\t1,000\n"
            "备注：按里程计算。")
    clean = normalize(text)
    rows = [line for line in clean.text.splitlines() if line.startswith("|")]
    assert rows[0] == "| 目的地 | 单程里程（公里） | 单程单价（元） | 往返包干标准（元/次） |"
    assert rows[1:] == ["| 广州市 | 60 | 2.5 | 300 |", "| 江门市 | 100 | 2.5 | 500 |", "| 中山市 | 120 | 2.5 | 600 |",
                        "| 惠州市 | 200 | 2.5 | 1,000 |"]
    assert "第 4 页" not in clean.text and "备注：按里程计算。" in clean.text.splitlines()
    at = clean.text.index("1,000")
    assert text[clean.offsets[at]:].startswith("1,000")


def test_cells_parted_by_one_gap_keep_their_columns_and_a_wrapped_cell_joins_its_row():
    # four spaces part every two cells; a row's leading gap is its empty first cell; 保持同步 ends a cell
    gap = "    "
    text = gap.join(["分类", "序号", "指标", "属性", "2030年目标值"]) + "\n" + gap.join(["经济强", "1", "地区生产总值增长（%）", "预期性", "5以上"]) + \
        "\n" + gap + gap.join(["2", "居民收入增长", "预期性", "与经济增长"]) + "\n保持同步\n" + \
        gap + gap.join(["3", "人均预期寿命（岁）", "预期性", "≥85"]) + "\n注：带〔〕数据为累计。"
    rows = [line for line in normalize(text).text.splitlines() if line.startswith("|")]
    assert rows == ["| 分类 | 序号 | 指标 | 属性 | 2030年目标值 |", "| 经济强 | 1 | 地区生产总值增长（%） | 预期性 | 5以上 |",
                    "|  | 2 | 居民收入增长 | 预期性 | 与经济增长保持同步 |", "|  | 3 | 人均预期寿命（岁） | 预期性 | ≥85 |"]


def test_a_short_label_between_rows_is_no_wrapped_cell():
    text = "甲\t1\t2\n乙\t3\t4\n丙\t5\t6\n单位：万元\n丁\t7\t8\n戊\t9\t10\n己\t11\t12\n"
    lines = normalize(text).text.splitlines()
    assert "单位：万元" in lines and "| 丙 | 5 | 6 |" in lines


def test_the_strings_of_a_json_array_in_a_database_field_are_paragraphs():
    text = '["某某规划\\", \\"第一节　发展环境\\", \\"“十三五”时期，粮食产量达到1.3万亿斤。\\", \\"第二节　目标"]'
    clean = normalize(text)
    lines = clean.text.split("\n")
    assert lines[1:3] == ["第一节发展环境", "“十三五”时期，粮食产量达到1.3万亿斤。"]
    k = clean.text.index("1.3万亿斤")
    span = clean.offsets.span(k, k + 6)
    assert text[span.start:span.end] == "1.3万亿斤"


def test_a_quoted_list_inside_a_sentence_is_no_json_array():
    assert normalize('他说："一", "二"。').text.count("\n") == 0


def test_character_references_a_crawler_left_are_the_characters_they_stand_for():
    text = "关于印发&ldquo;十四五&rdquo;规划的通知\n新增就业&nbsp;5&nbsp;万人&#12290;R&D投入增长&amp;下降"
    clean = normalize(text)
    assert clean.text.split("\n") == ["关于印发“十四五”规划的通知", "新增就业5万人。R&D投入增长&下降"]
    k = clean.text.index("5万人")
    span = clean.offsets.span(k, k + 3)
    assert text[span.start:span.end] == "5&nbsp;万人"


def test_an_ampersand_that_starts_no_reference_stays():
    assert normalize("A&B公司增长5%，&foo;不变").text == "A&B公司增长5%，&foo;不变"


def test_a_year_written_in_chinese_digits_reads_in_arabic_ones_at_the_same_offsets():
    text = "到二〇二五年，覆盖率达到45%；二○三五年远景目标；和二〇三五年远景目标纲要；十二年；一二三四五"
    clean = normalize(text)
    assert clean.text == "到2025年，覆盖率达到45%；2035年远景目标；和二〇三五年远景目标纲要；十二年；一二三四五"
    k = clean.text.index("2035")
    span = clean.offsets.span(k, k + 4)
    assert text[span.start:span.end] == "二○三五"


def test_a_run_together_text_breaks_before_a_heading_after_an_ascii_colon():
    body = "各有关单位:现将有关事项通知如下:一、分批实现联网结算2020年11月底前，8家医院实现联网。" + "其他说明。" * 400
    lines = normalize(body).text.split("\n")
    assert lines[0] == "各有关单位:现将有关事项通知如下:"
    assert lines[1].startswith("一、分批实现联网结算")
