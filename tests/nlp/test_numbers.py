from decimal import Decimal

import pytest

from kg.nlp.numbers import number_reader, plain


def read(text):
    return [(q.written, str(q.value), str(q.value_max) if q.value_max is not None else None, q.unit)
            for q in number_reader().quantities(text)]


@pytest.mark.parametrize("text, expected", [
    ("超过8.6万件", [("8.6万件", "86000", None, "件")]),
    ("超过15万件", [("15万件", "150000", None, "件")]),
    ("新引入5-10家", [("5-10家", "5", "10", "家")]),
    ("3亿5000万元", [("3亿5000万元", "350000000", None, "元")]),
    ("1.2万亿元", [("1.2万亿元", "1200000000000", None, "元")]),
    ("增长8.1%", [("8.1%", "8.1", None, "%")]),
    # a percent escaped for LaTeX by a converter to Markdown
    ("最终销售价格的 $15\\%$ 给予补贴", [("15\\%", "15", None, "%")]),
    ("户均月用电量为260-400度", [("260-400度", "260", "400", "度")]),
    ("比2020年增加五成以上", [("五成", "50", None, "%")]),
    ("占全国近三成", [("三成", "30", None, "%")]),
    ("百分之十五", [("百分之十五", "15", None, "%")]),
    ("百分之四十五点五", [("百分之四十五点五", "45.5", None, "%")]),  # a Chinese decimal point
    ("提高三点五个百分点", [("三点五个百分点", "3.5", None, "百分点")]),
    ("一千二百三十四人", [("一千二百三十四人", "1234", None, "人")]),
    ("三至五年", [("三至五年", "3", "5", "年")]),
    ("提高0.5个百分点", [("0.5个百分点", "0.5", None, "百分点")]),
    ("48小时内放行", [("48小时", "48", None, "小时")]),
    # a band whose ends are written in units of time one of which holds the other, in the smaller
    ("合同期限三个月以上不满一年的", [("三个月以上不满一年", "3", "12", "个月")]),
    ("自用工之日起超过一个月不满一年", [("一个月不满一年", "1", "12", "个月")]),
    ("二年以上不满五年", [("二年以上不满五年", "2", "5", "年")]),
    ("三天以上不满一年", [("三天", "3", None, "天"), ("一年", "1", None, "年")]),  # no ratio kept for days
    # a range's multiplier, written on its upper end only, holds for its lower end too
    ("可获得50－150万元生活经费", [("50－150万元", "500000", "1500000", "元")]),
    ("5-10亿元", [("5-10亿元", "500000000", "1000000000", "元")]),
    ("5000-1万元", [("5000-1万元", "5000", "10000", "元")]),
    # 一 before 倍 is a multiple, never an article
    ("并处货值金额一倍以上三倍以下的罚款", [("一倍以上三倍", "100", "300", "%")]),
    ("比同期涨了一倍", [("一倍", "100", None, "%")]),
    # decimals listed before a figure with a unit share it
    ("分别提高0.9、5.9个百分点", [("0.9", "0.9", None, "百分点"), ("5.9个百分点", "5.9", None, "百分点")]),
    # an amount per unit between 1900 and 2100 is no year (元/人 is not in the table of units as such)
    ("给予2000元/件的奖励", [("2000元/件", "2000", None, "元/件")]),
    ("补贴1999元/人次", [("1999元/人次", "1999", None, "元/人次")]),
    # counters of what a policy counts, and measures written in Latin letters, named in Chinese
    # thousands separators
    ("职工每人每月1,000元", [("1,000元", "1000", None, "元")]),
    ("共计12,345.6万元", [("12,345.6万元", "123456000", None, "元")]),
    ("第1,2,3条", [("2", "2", None, None), ("3条", "3", None, "条")]),  # a list of numbers, no thousands
    ("开行中欧班列600列以上", [("600列", "600", None, "列")]),
    ("查处非法捕捞案件10例以上", [("10例", "10", None, "例")]),
    ("全省累计出让“标准地”225宗", [("225宗", "225", None, "宗")]),
    ("交口200MW平价光伏发电项目", [("200MW", "200", None, "兆瓦")]),
    ("采用充电功率为 7kW 的交流充电桩", [("7kW", "7", None, "千瓦")]),
    ("70MPa储氢气瓶", [("70MPa", "70", None, "MPa")]),
    # a bare multiplier counts one of it; a range may repeat its unit; 个月 is a unit of its own
    ("建成千座以上", [("千座", "1000", None, "座")]),
    ("占比10%—15%", [("10%—15%", "10", "15", "%")]),
    ("压缩至6个月", [("6个月", "6", None, "个月")]),
    ("8.5个工作日以内", [("8.5个工作日", "8.5", None, "工作日")]),
    ("5家至10个", [("5家", "5", None, "家"), ("10个", "10", None, "个")]),
    # fractions and multiples are percentages
    ("压减三分之一", [("三分之一", "33.33", None, "%")]),
    ("压缩一半", [("一半", "50", None, "%")]),
    ("力争翻一番", [("翻一番", "100", None, "%")]),
    ("到2030年规模实现倍增", [("倍增", "100", None, "%")]),
    # ...but a word of doubling naming a programme or an effect doubles nothing
    ("实施“规模以上工业企业倍增计划”", []),
    ("发挥数据要素的放大、叠加、倍增作用", []),
    ("进出口总额实现正增长", [("正增长", "0", None, "%")]),
    ("每次记1—3分", [("1—3分", "1", "3", "分")]),
    ("用时10分钟", [("10分钟", "10", None, "分钟")]),
    ("上午8时30分", []),  # a time of day: neither 8时 nor 30分 is a quantity
    ("细颗粒物浓度35微克/立方米", [("35微克/立方米", "35", None, "微克/立方米")]),
    ("装机百万千瓦", [("百万千瓦", "1000000", None, "千瓦")]),
    ("增长2.5倍", [("2.5倍", "250", None, "%")]),
    ("两倍", [("两倍", "200", None, "%")]),
    ("每孩每年3600元", [("3600元", "3600", None, "元")]),
    ("事故由21起下降到7起", [("21起", "21", None, "起"), ("7起", "7", None, "起")]),
    ("一个月内缴纳", [("一个月", "1", None, "个月")]),
    ("出国留学一年以上的人员", [("一年", "1", None, "年")]),  # a bound after 一: a count, not an article
    ("一年来的工作", []),
    ("分别减至1个月、半个月", [("1个月", "1", None, "个月"), ("半个月", "0.5", None, "个月")]),
    ("按9∶1比例分担", [("9∶1", "90", None, "%"), ("9∶1", "10", None, "%")]),
    ("第二档与第一档水价体现1.5:1的比价", [("1.5:1", "150", None, "%")]),  # a comparison: the first as a multiple of the second
    ("用水240立方米/年.户及以下部分，补助50元/户·月", [("240立方米/年.户", "240", None, "立方米/年.户"), ("50元/户·月", "50", None, "元/户·月")]),  # joined denominators
    ("在本市投资30万元人民币以上", [("30万元", "300000", None, "元")]),
    ("力争事故零发生", [("零", "0", None, None)]),
    ("市、县两级", [("两级", "2", None, "级")]),
    ("五大盐湖产业集群", [("五大", "5", None, "大")]),
    # a band written with both its bounds is one range; two lower bounds are two numbers
    ("处2万元以上10万元以下的罚款", [("2万元以上10万元", "20000", "100000", "元")]),
    ("船舶溢油100吨以上不足500吨的", [("100吨以上不足500吨", "100", "500", "吨")]),
    ("储存6个月以上12个月以内的", [("6个月以上12个月", "6", "12", "个月")]),
    ("对6周岁以上18周岁（含）以下未成年人", [("6周岁以上18周岁", "6", "18", "岁")]),
    # ...its two ends parted by a list mark, or written upper end first, as tiered grants write them
    ("税收100万元及以上、2000万元以下的", [("100万元及以上、2000万元", "1000000", "20000000", "元")]),
    ("注册资本10亿元以下、7亿元及以上的", [("10亿元以下、7亿元", "700000000", "1000000000", "元")]),
    ("营运资金1亿元（含1亿元）至2亿元的", [("1亿元（含1亿元）至2亿元", "100000000", "200000000", "元")]),
    ("固定资产投资1000万元及以上至5000万元的", [("1000万元及以上至5000万元", "10000000", "50000000", "元")]),
    ("流转土地100亩以上至 500亩的", [("100亩以上至 500亩", "100", "500", "亩")]),
    ("购车发票金额6万元（含）至10万元（不含）的", [("6万元（含）至10万元", "60000", "100000", "元")]),
    ("价格在3000元(不含)到5000元的", [("3000元(不含)到5000元", "3000", "5000", "元")]),
    # both ends repeated in brackets that say whether each is in: one range, the copies no numbers of their own
    ("收入在33600元（不含33600元）至42000元（含42000元）间的", [("33600元（不含33600元）至42000元", "33600", "42000", "元")]),
    ("投资10万元以上、30万元以上的项目", [("10万元", "100000", None, "元"), ("30万元", "300000", None, "元")]),
    ("投资30万元以下、10万元以下的项目", [("30万元", "300000", None, "元"), ("10万元", "100000", None, "元")]),
    ("10万元以上20万吨以下", [("10万元", "100000", None, "元"), ("20万吨", "200000", None, "吨")]),
    # a bare multiplier after 超 that ends its clause is the level reached, not part of a name
    ("汽车、建材、电子信息产业超千亿元。", [("千亿元", "100000000000", None, "元")]),
    ("117家企业专利申请量过百件。", [("117家", "117", None, "家")]),
    # 一 limited to one by 仅, 只能, 各 is a quota of one, not an article (一批, 一个平台 stay none)
    ("同一商品仅能享受一次政策补贴", [("一次", "1", None, "次")]),
    ("只能申请一项补贴资金，建设一个平台", [("一项", "1", None, "项")]),
    ("由政府部门和申请人各保存一份", [("一份", "1", None, "份")]),
    ("实际运营满一年的企业", [("一年", "1", None, "年")]),  # a bound of one
    ("经营满一年的给予一次性奖励", [("一年", "1", None, "年")]),  # 一次性: one-off, no count
    ("夫妻至少一方为本市户籍，每村不少于一名", [("一方", "1", None, "方"), ("一名", "1", None, "名")]),  # bounds by one
    # digits are never cut: 180nm is 180 nanometres (not 18), 4800PF computing power; a share right
    # after a length of years is no day of a date
    ("开发180nm工艺，智能算力达4800PF", [("180nm", "180", None, "纳米"), ("4800PF", "4800", None, "PFLOPS")]),
    ("给予2年50%的资金支持", [("2年", "2", None, "年"), ("50%", "50", None, "%")]),
    # bare numbers listed before one with a unit share its unit and its multiplier
    ("减排烟尘、二氧化硫约30、210万吨", [("30", "300000", None, "吨"), ("210万吨", "2100000", None, "吨")]),
    ("约1.3亿吨标煤", [("1.3亿吨标煤", "130000000", None, "吨标准煤")]),
    # Chinese numerals with 多 or 余: more than the number written
    ("惠及三千多万人", [("三千多万人", "30000000", None, "人")]),
    ("引进二十多个项目、十余家企业", [("二十多个", "20", None, "个"), ("十余家", "10", None, "家")]),
    # two neighbouring digits say "three or four", a range, not thirty-four
    ("三四级或等外公路，两三个月，三十四个", [("三四级", "3", "4", "级"), ("两三个月", "2", "3", "个月"), ("三十四个", "34", None, "个")]),
    # a count listed after an ordinal is no ordinal: its unit is no part, batch or place
    ("入选第一批、5家企业获奖", [("5家", "5", None, "家")]),
    # counters and measures beyond the common ones, Latin ones recorded by their Chinese names
    ("新增托位800个，分为三档，年产1200万片",
     [("800个", "800", None, "个"), ("三档", "3", None, "档"), ("1200万片", "12000000", None, "片")]),
    # ...but not where the counter begins a word: 组织 (organise), 片区 (a district)
    ("2019年  22  组织培训，3片区联动", [("22", "22", None, None), ("3", "3", None, None)]),
    # 千兆光网 names a class of network, but a bandwidth reaching somewhere is a figure
    ("建设千兆光网，达到万兆到县、百兆到村", [("万兆", "10000", None, "兆"), ("百兆", "100", None, "兆")]),
    ("配电容量630kVA，降雨量45毫米，面积12平方千米", [("630kVA", "630", None, "千伏安"), ("45毫米", "45", None, "毫米"),
                                          ("12平方千米", "12", None, "平方公里")]),
    # SI units written as squared or cubed symbols or as one CJK compatibility character
    ("完成10000㎡，新建蓄水池90m3，扩容1.5万m³，改造管网20㎞", [("10000㎡", "10000", None, "平方米"),
     ("90m3", "90", None, "立方米"), ("1.5万m³", "15000", None, "立方米"), ("20㎞", "20", None, "公里")]),
])
def test_quantities(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text", [
    "十九大报告", "二十大精神", "扩大内需", "一区十六园", "“七位一体”", "2019-2021", "2019年4月23日", "第一条", "5G网络",
    "专利申请量过百件的企业", "超百亿元企业", "具体分布如图1所示", "以12345热线为基础", "国道318川藏线", "统一是", "千千万万", "“新世纪百千万人才工程”", "表1 主要指标", "见专栏3",
    "走进千家万户", "赋能千行百业", "每万人口", "到二〇三五年", "第二十五次集体学习", "一起推进", "上半年", "零售企业",
    "1.1级工房", "十分重要", "一成不变", "建成投产", "为二○三五年基本实现", "二○一一年十二月十五日", "22时-次日6时",
    "汽车零部件", "推进万兆光网试点", "“双千兆”网络",
    # a 第 shared over a list numbers every item of it
    "除第三十四条、三十五条、三十九条第一款、四十条、四十三条第（一）项、四十八条外", "第二十三、二十五、二十六、二十七条", "第一批至三批", "第2至5项",
])
def test_not_quantities(text):
    assert read(text) == []


@pytest.mark.parametrize("written, value", [
    ("8.6万", "86000"), ("一千二百三十四", "1234"), ("两", "2"), ("3亿5000万", "350000000"), ("0.25", "0.25"),
])
def test_parse(written, value):
    assert str(number_reader().parse(written)) == value


def test_plain_has_no_exponent():
    assert str(plain(Decimal("8.6") * 10000)) == "86000"
    assert str(plain(Decimal("0.50"))) == "0.5"


def test_a_time_of_day_is_no_ratio():
    text = "上午9:30开会"
    assert number_reader().ratios(text, 0, len(text)) == []


@pytest.mark.parametrize("text, kept", [
    ("附件：https://www.gov.cn/a/2025/12/file99.pdf，增长8%", ["8%"]),
    ("[申请表.doc](/download?fileUrl=YW5U%2FNHH99X&fileName=%E9%99%84%E4%BB%B61.2026%E5%B9%B4)，比重达到30%", ["30%"]),
    ("送至区商务局（杭州市临安区锦城街道钱王街390号302室），共3份", ["3份"]),
    ("地址：北京市西城区后英房胡同5号环境国际公约履约大楼508室，共3份", ["3份"]),
    ("邮编 ：100035电话：（010）82268154、65645408邮箱：x，共3份", ["3份"]),
    ("咨询电话0851-86891234，传真：0851-86891235，共3份", ["3份"]),
    ("全年新装住宅电话11093部", ["11093部"]),  # a count of telephones (部 its unit), no number to call
])
def test_numbers_inside_links_and_addresses_are_no_quantities(text, kept):
    assert [q.written for q in number_reader().quantities(text)] == kept


def test_a_zero_closing_a_list_shares_no_multiplier_and_stops_nothing():
    # 0/0 is no factor: the list before a zero with a unit keeps its own reading, and reading goes on
    assert read("产量分别为3、0万吨") == [("3", "3", None, None), ("0万吨", "0", None, "吨")]
    assert read("投资为2 9 0 0 亿元")[-1][-1] == "元"


def test_a_list_writing_its_scale_on_each_number_shares_the_last_ones_unit():
    # 10万、20万、100万TEU: each number is read with its own 万, and takes TEU from the last, not 万 again
    assert read("吞吐量达到10万、20万、100万TEU") == [
        ("10万", "100000", None, "TEU"), ("20万", "200000", None, "TEU"), ("100万TEU", "1000000", None, "TEU")]
    # a number of another scale keeps its own reading
    assert read("为10万、20亿元")[0] == ("10万", "100000", None, None)


@pytest.mark.parametrize("text, kept", [
    # per ten thousand yuan of GDP: a denominator inside an indicator's name, no amount
    ("万元国内生产总值用水量下降15%", ["15%"]),
    ("万元工业增加值用水量下降10%", ["10%"]),
    # a tricycle counts no rounds; a third round of talks does
    ("淘汰无号牌三轮电动车6000辆", ["6000辆"]),
    ("开展三轮谈判", ["三轮"]),
    # the three sectors of the economy, not three times
    ("三次产业结构为2.9:30.7:66.4，三次产业对经济增长的贡献率分别为2.0%", ["2.9:30.7:66.4"] * 3 + ["2.0%"]),
    ("开展三次督查", ["三次"]),
    # 部 counts volumes and machines, not departments, ministries, parts or a two-part tariff
    ("制定地方性法规7部，既有住宅增设电梯150部", ["7部", "150部"]),
    ("3部委联合印发，分为两部分，实行两部制电价", ["3"]),  # 两 with no unit is no number
    # courses and class hours; 三门峡 is a city
    ("开设6门课程，每天按6个学时计算，建设运城—三门峡管道", ["6门", "6个学时"]),
])
def test_words_that_only_look_like_a_number_and_its_unit(text, kept):
    assert [q.written for q in number_reader().quantities(text)] == kept


@pytest.mark.parametrize("text, kept", [
    ("实施十大惠民行动", [("十大", "10", None, "大")]),  # the ten major ones
    ("十分重要，十项措施", []),  # 十 alone: very, or a name
    ("享受陪产假十天，十分钟内到达", [("十天", "10", None, "天"), ("十分钟", "10", None, "分钟")]),  # lengths of time
])
def test_ten_counts_the_major_ones_though_alone_it_is_no_number(text, kept):
    assert read(text) == kept


@pytest.mark.parametrize("text, kept", [
    ("我们在27日第一次宣布援助，31日下午第二次宣布", []),  # days of the month in a story of events
    ("从26日到今天，已捐款3009万元", ["3009万元"]),
    ("于2日召开会议", []),
    ("申请人应在15日内提交材料，逾期30日的不予受理", ["15日", "30日"]),  # time limits stay
    ("公示时间不得少于三十日，期限不低于15日", ["三十日", "15日"]),  # the 于 of a comparator is no 于 of a date
])
def test_a_day_of_the_month_told_alone_is_a_date(text, kept):
    assert [q.written for q in number_reader().quantities(text)] == kept


@pytest.mark.parametrize("text, value, unit", [
    ("提供2163万人民币紧急援助", "21630000", "元"),
    ("捐款500万元人民币以上", "5000000", "元"),
    ("投资3亿港元", "300000000", "港元"),
])
def test_money_written_with_its_currencys_name(text, value, unit):
    assert [(str(q.value), q.unit) for q in number_reader().quantities(text)] == [(value, unit)]
