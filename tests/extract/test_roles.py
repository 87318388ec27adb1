"""Every quantity gets one role, decided by a cue whose id the figure carries.

Each sentence below is written to be read one way by a person; the expected
role, value and cue are what that reading gives.
"""

import pytest

from kg.errors import RuleError

NOTICE = "关于做好某项工作的通知（2021年）\n{}"


def figures(extract_text, text):
    return [(f.role, str(f.value), f.unit, f.evidence.rule) for f in extract_text(NOTICE.format(text)).figures]


def timed(extract_text, text):
    """(role, value, a target's deadline or another figure's year) of each figure of ``text``."""
    return [(f.role, str(f.value), f.deadline.year if f.role == "target" else getattr(f, "year", None))
            for f in extract_text(text).figures]


@pytest.mark.parametrize("text, expected", [
    # thresholds: who or what a measure is for
    ("对年营业收入超过1亿元的企业给予支持。", [("threshold", "100000000", "元", "threshold.qualifier")]),
    # a list of values of one measure before 的 and those it bounds: each member bounds them
    ("吞吐量达到10万、20万、50万TEU的船公司分别给予奖励。", [("threshold", "100000", "TEU", "threshold.qualifier"),
     ("threshold", "200000", "TEU", "threshold.qualifier"), ("threshold", "500000", "TEU", "threshold.qualifier")]),
    ("申请人发生违诺失信行为三次(含)的，不再适用告知承诺。", [("threshold", "3", "次", "threshold.qualifier")]),
    ("参与企业近三年内在经营活动中无违法记录。", [("threshold", "3", "年", "threshold.lookback")]),
    ("将低压办电“零投资”扩大至160千瓦及以下各类民营经济组织。", [("threshold", "160", "千瓦", "threshold.qualifier")]),
    ("对符合规定的3周岁以下婴幼儿发放补贴。", [("threshold", "3", "岁", "threshold.age")]),
    # a count of people bounding what has them, not what it counts
    ("户籍人口为5人及以上的家庭，可申请增加基数。", [("threshold", "5", "人", "threshold.qualifier")]),
    ("职工总数50人以上的单位应当设立安全管理机构。", [("threshold", "50", "人", "threshold.qualifier")]),
    # ...and a rate a comparator bounds, whatever the noun after it
    ("热电比小于10%的燃气机组，视同常规燃气机组。", [("threshold", "10", "%", "threshold.qualifier")]),
    # a clause closed by 的 before a comma is the case the rest provides for
    ("服务机构出现本办法所列情形2次的，暂停其承接资格。", [("threshold", "2", "次", "threshold.qualifier")]),
    ("人均救助金额超过本市3个月最低生活保障标准的，报区民政部门审批。", [("threshold", "3", "个月", "threshold.qualifier")]),
    # ...and so are the clauses 或者 joins to it, and a bounded count in it
    ("经营数额在十万元以上，或者违法所得数额在五万元以上的，应当认定为情节严重。",
     [("threshold", "100000", "元", "threshold.qualifier"), ("threshold", "50000", "元", "threshold.qualifier")]),
    # a share bounded by a comparator before the total it is a share of, with no 的, draws a line too
    ("对安排残疾人就业超过本单位在职职工总数1.5%的用人单位给予奖励。",
     [("threshold", "1.5", "%", "threshold.qualifier")]),
    # a bounded count opening its clause, before what it counts, is the case the clause is about
    ("两个以上生产经营单位在同一作业区域内进行生产经营活动，应当签订安全生产管理协议。",
     [("threshold", "2", "个", "threshold.qualifier")]),
    ("需要裁减人员二十人以上或者裁减不足二十人但占职工总数百分之十以上的，应当提前说明情况。",
     [("threshold", "20", "人", "threshold.qualifier"), ("threshold", "20", "人", "threshold.qualifier"),
      ("threshold", "10", "%", "threshold.qualifier")]),
    # ...but not a share that then reaches a standard, nor an amount provided
    ("到2025年，全区面积80%以上达到海绵城市建设要求。", [("target", "80", "%", "target.deadline")]),
    ("到2025年，为中小微企业提供1亿元以上的增信担保。", [("target", "100000000", "元", "target.deadline")]),
    # a definition draws the line of a class
    ("重大船舶污染事故，是指船舶溢油500吨以上。", [("threshold", "500", "吨", "threshold.definition")]),
    # parameters: settings of the policy itself
    ("对首次认定的企业给予最高50万元奖励。", [("parameter", "500000", "元", "parameter.grant")]),
    ("按设备投资额的10%给予补助。", [("parameter", "10", "%", "parameter.grant")]),
    # a cap that is a clause of its own (，最高200万元) caps the grant of the clause before it
    ("对省级研发机构给予50%的资金配套，最高200万元。",
     [("parameter", "50", "%", "parameter.grant"), ("parameter", "2000000", "元", "parameter.cap")]),
    # a grant written before its noun, after 的, is the grant, not a bound on who gets it
    ("给予每个创新空间最高200万元的奖励。", [("parameter", "2000000", "元", "parameter.grant")]),
    # a ceiling before a grant caps how many are chosen: a quota, no condition
    ("每年评选不超过10个优秀专用模型，给予最高100万元奖励。",
     [("parameter", "10", "个", "parameter.quota"), ("parameter", "1000000", "元", "parameter.grant")]),
    # the number of times or posts the rule permits (可提取一次, 可担任1个) is a quota too
    ("承租公共租赁住房的，可每月提取一次。", [("parameter", "1", "次", "parameter.quota")]),
    ("项目负责人可担任其中1个课题负责人。", [("parameter", "1", "个", "parameter.quota")]),
    # a ceiling on what a subsidy covers, in the sentence that gives it, is a setting of the grant
    ("对推广应用有机肥的予以补贴200元/吨，补贴数量每亩不超过300公斤，每户不超过80吨。",
     [("parameter", "200", "元/吨", "parameter.grant"), ("parameter", "300", "公斤", "parameter.cap"),
      ("parameter", "80", "吨", "parameter.cap")]),
    # the bands of a tiered grant decide who gets which: a condition (…的，) or a band before its own award
    ("种植面积100-200亩的，奖励1万元，300亩以上的奖励3万元。",
     [("threshold", "100", "亩", "threshold.qualifier"), ("parameter", "10000", "元", "parameter.grant"),
      ("threshold", "300", "亩", "threshold.for-grant"), ("parameter", "30000", "元", "parameter.grant")]),
    # a year in the condition of who gets it dates the honour, not the award
    ("对2019年以来获评国家级智能工厂的企业，给予最高200万元奖励。", [("parameter", "2000000", "元", "parameter.grant")]),
    ("育儿补贴标准为每孩每年3600元。", [("parameter", "3600", "元", "parameter.grant")]),
    ("中央财政、地方财政按照9∶1比例分担。",
     [("parameter", "90", "%", "parameter.grant"), ("parameter", "10", "%", "parameter.grant")]),
    ("发放补贴，至其年满3周岁。", [("parameter", "3", "岁", "parameter.until")]),
    # a limit counted from an event, by which the applicant must act, is no length reached
    ("孩子出生后满2年内未主动申请的，视为放弃。", [("parameter", "2", "年", "parameter.procedure")]),
    ("同一商品仅能享受一次政策补贴。", [("parameter", "1", "次", "parameter.procedure")]),  # a quota of one
    ("由申请家庭确定1名申领人。", [("parameter", "1", "名", "parameter.procedure")]),
    ("以上材料一式两份，报送区商务局。", [("parameter", "2", "份", "parameter.procedure")]),  # the copies
    ("补贴按季度发放，每年发放4次。", [("parameter", "4", "次", "parameter.per-unit")]),
    ("本意见有效期5年。", [("parameter", "5", "年", "parameter.validity")]),
    ("名单在网站公示7天。", [("parameter", "7", "天", "parameter.validity")]),
    ("申请人应提前15个工作日向电网企业申请。", [("parameter", "15", "工作日", "parameter.validity")]),
    ("弄虚作假的，取消其资格，且3年内不得参与竞价。", [("parameter", "3", "年", "parameter.bar")]),
    ("省级部门每年要对本行政区域内30%以上的市开展稽查。", [("target", "30", "%", "target.duty")]),
    ("主要城市中30%以上的市开展了稽查。", [("context", "30", "%", "context.other")]),
    ("申请人应在婴儿出生后180日内提出申请。", [("parameter", "180", "日", "parameter.time-limit")]),
    # an act addressed to an office within the limit is the applicant's; one an office does is a service standard
    ("定点药店应自有关部门批准之日起30个工作日内向统筹地区经办机构提出变更申请。",
     [("parameter", "30", "工作日", "parameter.time-limit")]),
    ("主管部门应当自收到之日起30日内向税务机关出具复核意见。", [("target", "30", "日", "target.service-standard")]),
    # context: counts that only describe
    ("主要呈现以下4个特点。", [("context", "4", "个", "context.enumeration")]),
    ("通过等4种方式推进。", [("context", "4", "种", "context.enumeration")]),
    ("延长期限不超过7个工作日。", [("parameter", "7", "工作日", "parameter.validity")]),
    ("计划用3年时间完成。", [("context", "3", "年", "context.duration")]),
    ("投资奖励资金分5年拨付。", [("parameter", "5", "年", "parameter.procedure")]),  # spread, no time limit
    ("分两个阶段推进。", [("context", "2", "个", "context.weak")]),
    ("纪念中国共产党成立105周年。", [("context", "105", "周年", "context.unit")]),
    ("建设300万吨级碳捕集利用项目。", [("context", "3000000", "吨", "context.unit")]),
    ("到2025年，力争新增入围世界500强企业。", [("context", "500", None, "context.unit")]),  # a class of firms
    ("排名前15家企业占比不断提高。", [("context", "15", "家", "context.rank")]),
    ("临县白文镇50MW光伏项目建成并网。", [("context", "50", "兆瓦", "context.project")]),  # a project's name
    ("确保大唐700万吨露天矿一季度完成核准。", [("context", "7000000", "吨", "context.project")]),  # a mine's name
    ("加快南港120万吨乙烯装置建设。", [("context", "1200000", "吨", "context.project")]),  # a plant's name
    ("到2025年，新建100MW光伏项目。", [("target", "100", "兆瓦", "target.deadline")]),  # what the plan makes
    # pushed on, not made (推动, 确保): the capacity still names the plant; a plant's running (投产) names it too
    ("2026年，确保120万吨乙烯等21套装置按期中交。",
     [("context", "1200000", "吨", "context.project"), ("target", "21", "套", "target.deadline")]),
    ("2026年，推动中石化南港120万吨乙烯投产。", [("context", "1200000", "吨", "context.project")]),
    # a verb of making inside the name (扩建项目), or an area (亩): what the plan makes
    ("2026年，推进黑羊站水厂3万吨扩建项目。", [("target", "30000", "吨", "target.deadline")]),
    ("2026年，推进10万亩马铃薯种薯基地建设。", [("target", "100000", "亩", "target.deadline")]),
    ("若日实际响应量低于日申报响应量的50%，则本次响应无效。", [("threshold", "50", "%", "threshold.qualifier")]),
    # a requirement a rule sets on what is built (应不低于: shall be at least), not a level the government aims at
    ("新建建筑安装太阳能光伏系统的，系统制冷COP应不低于3.5。", [("parameter", "3.5", None, "parameter.norm")]),
    ("森林覆盖率稳居全国第2位。", [("context", "2", "位", "context.rank")]),
    ("记分档次分为1—3分、4—6分。", [("parameter", "1", "分", "parameter.points"), ("parameter", "4", "分", "parameter.points")]),
    ("检测区间为80-95%。", [("parameter", "80", "%", "parameter.band")]),
    ("从5方面提出了28个主要指标。", [("context", "5", "方面", "context.enumeration"), ("context", "28", "个", "context.enumeration")]),
])
def test_each_cue_decides_the_role_it_is_there_for(extract_text, text, expected):
    assert figures(extract_text, text) == expected


@pytest.mark.parametrize("text, expected", [
    # targets without a 到YYYY年: a level to reach, a change to make, a time limit a body keeps
    ("保障水平达到70%。", [("target", "70", "%", "target.reach")]),
    ("补助标准达到每人每年不低于600元。", [("target", "600", "元", "target.reach")]),
    ("推动宽带降价20%。", [("target", "20", "%", "target.change")]),
    ("审批时限压减三分之一。", [("target", "33.33", "%", "target.change")]),
    ("政务部门应当在7个工作日内答复。", [("target", "7", "工作日", "target.service-standard")]),
    ("乡镇（街道）初审完成时限为20个工作日。", [("target", "20", "工作日", "target.service-standard")]),
    ("初审和审核确认工作原则上应在30个工作日内完成。", [("target", "30", "工作日", "target.service-standard")]),
    # who a duty binds is the party named before it, not an office named elsewhere in the sentence
    ("许可证遗失，银行保险机构应立即报告发证机关，并于发现之日起7日内发布遗失声明公告。",
     [("parameter", "7", "日", "parameter.time-limit")]),
    ("机构被撤销的，应当在收到银保监会文件之日起15日内将许可证缴回发证机关；逾期不缴回的，由发证机关在期满后5日内依法收缴。",
     [("parameter", "15", "日", "parameter.time-limit"), ("target", "5", "日", "target.service-standard")]),
    # an office's limit whose clause closes on its processing, with no duty word
    ("市数据主管部门接到校核申请后，会同提供部门在五个工作日内对政务数据进行核查。",
     [("target", "5", "工作日", "target.service-standard")]),
    ("力争实现重大安全生产事故零发生。", [("target", "0", None, "target.aim")]),
    ("将三孩育儿补贴标准提高至500元/月。", [("target", "500", "元/月", "target.raised-to")]),
    ("将抵押登记业务办理时间压缩至5个工作日以内。", [("target", "5", "工作日", "target.raised-to")]),
    # baselines: the present state, and the level a change starts from
    ("目前现有1300多项许可事项。", [("baseline", "1300", "项", "baseline.current")]),
    ("住房公积金最高贷款额度由35万元调整为45万元。",
     [("baseline", "350000", "元", "baseline.from"), ("parameter", "450000", "元", "parameter.grant")]),
])
def test_targets_and_baselines_without_a_year(extract_text, text, expected):
    assert figures(extract_text, text) == expected


def test_a_growth_above_nothing_is_a_target_above_zero(extract_text):
    got = [(f.role, str(f.value), f.unit, f.comparator.value, f.change.value)
           for f in extract_text(NOTICE.format("2022年，进出口总额争取实现正增长。")).figures]
    assert got == [("target", "0", "%", ">", "up")]


def test_a_change_is_kept_as_a_change_with_its_direction(extract_text):
    ex = extract_text(NOTICE.format("到2025年，单位地区生产总值能耗下降13.5%，非化石能源占比提高5个百分点，"
                                    "森林覆盖率提高到60%，新增5G基站1000座。"))
    got = [(f.indicator, f.change and f.change.value, f.relative) for f in ex.targets]
    assert got == [("单位地区生产总值能耗下降", "down", True), ("非化石能源占比提高", "up", False),
                   ("森林覆盖率", None, None), ("新增5G基站", "up", False)]


def test_a_change_spreads_over_the_list_before_it_and_a_level_does_not(extract_text):
    ex = extract_text(NOTICE.format("甲、乙排放总量压缩一半。龙头、骨干企业专业技术人员比重达到25%。"))
    assert [(f.indicator, str(f.value)) for f in ex.targets] == [
        ("甲排放总量压缩", "50"), ("乙排放总量压缩", "50"), ("龙头、骨干企业专业技术人员比重", "25")]


def test_a_book_of_rules_sets_parameters_and_its_conditions_are_thresholds(extract_text):
    text = ("某市市级储备粮管理办法\n第一条 为加强储备粮管理，制定本办法。\n第二条 质量安全档案保存期不少于5年。"
            "入选名单公示三日。\n第三条 年上缴税金达到30万元以上，一次性给予10万元奖励。")
    got = [(f.role, str(f.value), f.unit, f.evidence.rule) for f in extract_text(text).figures]
    assert got == [("parameter", "5", "年", "parameter.rule"), ("parameter", "3", "日", "parameter.validity"),
                   ("threshold", "300000", "元", "threshold.for-grant"), ("parameter", "100000", "元", "parameter.grant")]


def test_a_fine_is_a_setting_and_a_lead_in_ends_with_its_list(extract_text):
    # 第五条's lead-in names conditions for its own items only; 第六条's fine is a setting of the rules.
    text = ("某市管理办法\n第五条 有下列情形之一的，由市管理局责令改正：\n（一）未按规定报告的；\n（二）未按规定备案的。\n"
            "第六条 违反本办法规定的，由市管理局处2万元以上10万元以下的罚款。")
    got = [(f.role, str(f.value), str(f.value_max), f.unit, f.comparator.value) for f in extract_text(text).figures]
    assert got == [("parameter", "20000", "100000", "元", "range")]


def test_a_list_of_conditions_makes_its_bounds_thresholds(extract_text):
    text = ("关于户口迁入的规定\n一、准入条件\n具备下列条件之一的，可以办理户口迁入：\n（一）在本市投资30万元人民币以上的；\n"
            "（二）在本市参加社会保险满2年的；\n（三）连续2年纳税均达1.5万元人民币以上的。\n二、其他\n内容。")
    got = [(f.role, str(f.value), f.unit) for f in extract_text(text).figures]
    assert got == [("threshold", "300000", "元"), ("threshold", "2", "年"), ("threshold", "2", "年"),
                   ("threshold", "15000", "元")]


def test_about_is_about_and_a_bound_after_wins_over_reaching(extract_text):
    ex = extract_text(NOTICE.format("到2025年，研发投入强度达到2.5%左右，数字经济核心产业增加值达到1万亿元以上，"
                                    "企业开办时间压缩至6个月。"))
    assert [(f.comparator.value, str(f.value), f.unit) for f in ex.targets] == [
        ("~", "2.5", "%"), (">=", "1000000000000", "元"), ("=", "6", "个月")]


def test_at_least_bounds_a_number_across_its_verb_but_not_across_a_clause(extract_text):
    ex = extract_text(NOTICE.format("到2025年，每年至少开展1次全面抽检，至少在试点地区，将50种药品纳入监管。"))
    assert [(f.comparator.value, str(f.value), f.unit) for f in ex.figures] == [(">=", "1", "次"), ("=", "50", "种")]


def test_a_cap_in_the_name_of_what_it_bounds_is_at_most(extract_text):
    ex = extract_text(NOTICE.format("高校毕业生最高贷款额度10万元，小额担保贷款期限最长为2年，最高人民法院审理案件3件。"
                                    "对落户企业最高给予1800万元的落户奖励。"))
    got = [(f.role, f.comparator.value, str(f.value)) for f in ex.figures]
    assert got[:2] == [("parameter", "<=", "100000"), ("parameter", "<=", "2")]
    assert got[2][1:] == ("=", "3")  # 最高人民法院 is a court, no cap
    assert got[3][:1] == ("parameter",)  # a grant across its verb stays a grant


def test_the_cue_travels_into_the_graph_as_the_rule(extract_text):
    from kg.rdf.graph import triples_of

    ex = extract_text(NOTICE.format("对首次认定的企业给予最高50万元奖励。"))
    _, nt, _ = triples_of(ex)
    assert '<https://w3id.org/policy-kg/ontology#rule> "parameter.grant"' in nt
    assert "ontology#Parameter>" in nt


def test_a_cue_naming_an_unknown_clue_is_refused_with_the_file_and_cue(monkeypatch):
    from kg.extract.quantities import roles
    from kg.resources import load_toml

    cfg = dict(load_toml("quantities.toml"))
    cfg["cue"] = [{"id": "target.typo", "role": "target", "when": ["futur"]}, {"id": "context.other", "role": "context"}]
    with pytest.raises(RuleError, match=r"quantities.toml \[\[cue\]\]: cue target.typo: unknown clue 'futur'"):
        roles.RoleDecider(cfg, binder=None)


def test_the_last_cue_must_give_every_quantity_a_role():
    from kg.extract.quantities import roles
    from kg.resources import load_toml

    cfg = dict(load_toml("quantities.toml"))
    cfg["cue"] = [{"id": "target.deadline", "role": "target", "when": ["future"]}]
    with pytest.raises(RuleError, match="the last cue must hold always"):
        roles.RoleDecider(cfg, binder=None)


def test_a_page_that_lost_its_line_breaks_keeps_its_year_and_its_review(extract_text):
    # The notice is dated 二○一一年; what “十一五” (2006-2010) achieved is a baseline, 2015 a target.
    from tests.text.test_structure import GLUED_PAGE  # noqa: F401  (the same page, read whole)

    got = [(f.role, str(f.value), str(getattr(f, "deadline", None))) for f in extract_text(GLUED_PAGE).figures]
    assert got == [("baseline", "52", "None"), ("target", "72", "2015")]


def test_a_time_limit_on_those_governed_is_a_setting_even_in_a_plan_task(extract_text):
    # The developer pays within the limit; the office's own limit in the same task is a commitment.
    text = ("关于促进某县房地产市场平稳健康发展的若干措施\n一、主要任务\n（一）优化土地出让。"
            "余款可在成交之日起一年内缴清；县自然资源局在5个工作日内办结登记。\n（二）其他。内容。")
    got = [(f.role, str(f.value), f.unit) for f in extract_text(text).figures]
    assert got == [("parameter", "1", "年"), ("target", "5", "工作日")]


def test_a_change_against_the_same_time_a_year_before_is_a_statistic_reported(extract_text):
    # No year in the sentence, no report in the title: 同比 alone says the figure was measured, while
    # a change aimed at in the next sentence stays a target.
    got = figures(extract_text, "上半年，全市规模以上工业增加值同比增长6.2%。力争全年工业增加值增长7%。")
    assert got == [("baseline", "6.2", "%", "baseline.year-on-year"), ("target", "7", "%", "target.deadline")]


def test_an_analysis_of_how_the_economy_ran_reports_its_figures(extract_text):
    text = "一季度全市经济运行情况分析\n一季度，全市实现地区生产总值520亿元，增长5.1%，增速比上年全年提高0.3个百分点。"
    got = [(f.role, str(f.value), f.evidence.rule) for f in extract_text(text).figures]
    assert got == [("baseline", "52000000000", "baseline.report"), ("baseline", "5.1", "baseline.report"),
                   ("baseline", "0.3", "baseline.report")]


def test_an_undated_schedule_of_yearly_plans_was_written_before_the_first_year_it_plans(extract_text):
    # No date anywhere: 2017 is planned for (计划 after the year set off by its comma), 2016's line tells
    # what was done, so the text was written in 2017; 2016's own plan is still a target, due in 2016.
    text = ("某县易地扶贫搬迁工作目标\n"
            "2016年：计划搬迁1297户。完成情况：建成安置房1469套。\n"
            "2017年：计划搬迁2294户，新建安置房2122套。\n"
            "2018年，全县计划实现1.5万人脱贫。\n"
            "到2019年，全县贫困发生率降至3%以下。")
    got = [(f.role, str(f.value), str(f.deadline) if f.role == "target" else str(f.year))
           for f in extract_text(text).figures]
    assert got == [("target", "1297", "2016"), ("baseline", "1469", "2016"), ("target", "2294", "2017"),
                   ("target", "2122", "2017"), ("target", "15000", "2018"), ("target", "3", "2019")]


def test_a_level_reached_in_a_clause_that_opens_with_an_addition_is_no_change(extract_text):
    text = "到2025年，新增学位1.2万个，新增非化石能源装机占比达到75%以上。"
    got = [(str(f.value), f.change and f.change.value) for f in extract_text(NOTICE.format(text)).figures]
    assert got == [("12000", "up"), ("75", None)]


def test_an_account_of_what_was_done_reports_its_figures_but_its_own_lists_are_counted_only(extract_text):
    text = ("关于某省优化营商环境典型做法的通报\n"
            "各地围绕审批改革、数字政府等5个领域探索创新，全省试点项目260个，上述项目均已验收。")
    got = [(f.role, str(f.value), f.evidence.rule) for f in extract_text(text).figures]
    assert got == [("context", "5", "context.enumeration"), ("baseline", "260", "baseline.report")]


def test_a_run_of_years_a_grant_or_an_application_lasts_is_a_setting_not_a_run_met_as_a_condition(extract_text):
    text = ("某区人才引进若干措施\n"
            "对顶尖人才，连续3年按顶格标准给予支持。申领人应在之后的连续两个年度分别提出续领申请。"
            "对连续2年纳税的企业给予奖励。")
    got = [(f.role, str(f.value), f.unit, f.evidence.rule) for f in extract_text(text).figures]
    assert got[:2] == [("parameter", "3", "年", "parameter.term"), ("parameter", "2", "年度", "parameter.term")]
    assert got[2][0] != "parameter"  # the years a condition counts, not a term given


def test_a_plan_issued_under_the_rules_is_no_book_of_rules(extract_text):
    # 按照有关规定 in the opening of a notice issuing a plan (计划) does not make its figures settings.
    text = ("关于印发《某公司2021年电网投资计划》的通知\n各分公司：按照有关规定，现将计划印发给你们，请认真执行。\n"
            "一、基本建设项目\n基本建设项目安排投资30亿元，新建变电站12座。")
    got = [(f.role, str(f.value), f.evidence.rule) for f in extract_text(text).figures]
    assert "parameter.rule" not in {rule for _, _, rule in got} and ("target", "12", "target.measure") in got


def test_a_time_within_which_something_is_barred_is_a_sanctions_term(extract_text):
    text = ("关于完善药品集中采购工作的实施方案\n三、主要任务\n（一）严格诚信。对违约企业，医院两年内不得购入其药品；"
            "市医保局在5个工作日内完成核查。")
    got = [(f.role, str(f.value), f.evidence.rule) for f in extract_text(text).figures]
    assert got == [("parameter", "2", "parameter.bar"), ("target", "5", "target.service-standard")]


def test_a_bounded_grade_marks_off_those_a_rule_is_for_and_in_an_account_names_a_class(extract_text):
    rules = "处方管理办法\n第一条 盐酸二氢埃托啡处方仅限于二级以上医院内使用。"
    account = "2025年全省卫生健康事业发展统计公报\n年末全省二级以上公立医院120家。"
    assert [(f.role, f.evidence.rule) for f in extract_text(rules).figures] == [("threshold", "threshold.grade")]
    assert [(f.role, str(f.value)) for f in extract_text(account).figures] == [("context", "2"), ("baseline", "120")]


def test_a_report_that_sets_a_years_tasks_was_written_that_year(extract_text):
    # No date, a review heading with no year, and a goal for 2020 further on: the heading of the year's
    # tasks says when it was written, so its figures are targets due that year, not results.
    text = ("政府工作报告\n一、过去一年工作回顾\n全区地区生产总值完成198亿元。\n"
            "二、2012年政府工作总体要求和目标任务\n全区地区生产总值达到240亿元，年内新增蔬菜大棚2500座。"
            "力争到2020年，全区城镇化率达到80%。")
    got = [(f.role, str(f.value), str(f.deadline) if f.role == "target" else str(f.year))
           for f in extract_text(text).figures]
    assert got == [("baseline", "19800000000", "2011"),  # the review names no year: the one before the report's
                   ("target", "24000000000", "2012"), ("target", "2500", "2012"), ("target", "80", "2020")]


def test_a_part_cut_from_below_a_reports_date_that_opens_with_the_years_main_work_is_that_years_plan(extract_text):
    # The year's main work (2026年主要工作) heads the tasks of the year the report was given in; a
    # goal of the year after further on does not date it.
    text = ("三、2026年主要工作\n今年是开局之年。今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。"
            "服务贸易增长10%。到2027年，建成旅游度假区3家。")
    got = [(f.role, str(f.value), str(f.deadline)) for f in extract_text(text).figures]
    assert got == [("target", "6", "2026"), ("target", "10", "2026"), ("target", "3", "2027")]


def test_a_part_cut_from_inside_a_review_before_a_years_plan_heading_tells_results(extract_text):
    # The cut opens inside the review (no heading above it): what it tells before the heading of the
    # year's work happened the year before; the figures under the heading are that year's goals.
    text = ("突出增进民生福祉。新建和改扩建学校246所，城镇新增就业6.62万人。\n"
            "2024年工作安排\n全市地区生产总值增长6%左右，新建学校20所。")
    got = [(f.role, str(f.value), str(f.deadline) if f.role == "target" else str(f.year))
           for f in extract_text(text).figures]
    assert got == [("baseline", "246", "2023"), ("baseline", "66200", "2023"),
                   ("target", "6", "2024"), ("target", "20", "2024")]


def test_within_the_year_in_a_review_is_the_year_reviewed(extract_text):
    text = ("2019年某区政府工作报告\n一、2018年工作回顾\n（一）产业项目蓬勃发展。年内开工项目57个，完成投资34.8亿元。\n"
            "二、2019年工作安排\n年内新开工项目60个。")
    got = [(f.role, str(f.value), str(f.deadline) if f.role == "target" else str(f.year))
           for f in extract_text(text).figures]
    assert got == [("baseline", "57", "2018"), ("baseline", "3480000000", "2018"), ("target", "60", "2019")]


def test_what_there_is_with_no_time_of_its_own_is_the_present_state(extract_text):
    text = ("2022年政府工作报告\n二、2022年政府工作任务\n"
            "（一）发展教育。我国有2.9亿在校学生，要坚持把教育办好。到2025年，全市有5万家企业上云，拥有专利1万件。")
    figures = extract_text(text).figures
    got = [(f.role, str(f.value), f.evidence.rule) for f in figures]
    assert got[0] == ("baseline", "290000000", "baseline.exists") and figures[0].year == 2022  # when written
    assert [role for role, _, _ in got[1:]] == ["target", "target"]


def test_a_time_window_in_a_clause_closed_by_de_is_a_condition_not_a_limit_to_keep(extract_text):
    # "…的，" closes a condition on what follows: who exits within five years is whom the rule is
    # for; the office's own five days in the next sentence stays a limit it keeps.
    text = ("某区引导基金管理办法\n第八条 引导基金投资的项目在5年内退出的，按原值收回。"
            "区科技局应在5个工作日内完成审核。")
    got = [(f.role, str(f.value), f.unit) for f in extract_text(text).figures]
    assert got == [("threshold", "5", "年"), ("target", "5", "工作日")]


@pytest.mark.parametrize("text, grades", [
    ("到2022年，新建及改造500千伏变电站6座。", [("500", "千伏")]),
    ("到2022年，建成110千伏、35千伏变电站19座。", [("110", "千伏"), ("35", "千伏")]),
])
def test_a_figure_naming_a_class_of_what_is_counted_is_no_target(extract_text, text, grades):
    found = figures(extract_text, text)
    assert [(v, u) for role, v, u, rule in found if rule == "context.class"] == grades
    assert [role for role, v, u, rule in found if u == "座"] == ["target"]


@pytest.mark.parametrize("text, rating", [
    ("一、发展基础\n太钢集团已建成70MPa燃料电池汽车用储氢气瓶生产线。", ("70", "MPa")),
    ("一、发展基础\n自主开发180nm全套硅光工艺。", ("180", "纳米")),
    ("一、发展基础\n时速350公里高铁建成通车。", ("350", "公里")),
])
def test_a_rating_before_the_noun_it_rates_is_context_not_an_amount(extract_text, text, rating):
    found = figures(extract_text, text)
    assert [(v, u) for role, v, u, rule in found if role == "context"] == [rating]


@pytest.mark.parametrize("text, counted", [
    # a count of kinds right after the list of them counts what was listed
    ("补贴范围为冰箱、洗衣机、电视、空调、吸油烟机5类家电产品。", ("5", "类")),
    # a count in a short heading counts the items under it
    ("《实施意见》明确了以下内容。\n（一）6项重点任务。\n一是加强统筹。", ("6", "项")),
    # years counted back from now (六十多年来) are a length of effort
    ("六十多年来各族人民拼搏进取。", ("60", "年")),
    # hours before a service's name say how long it runs
    ("提供24小时在线的人工智能应答。", ("24", "小时")),
])
def test_counts_that_describe_what_was_listed_or_named_are_context(extract_text, text, counted):
    found = figures(extract_text, text)
    assert [(v, u) for role, v, u, rule in found if role == "context"] == [counted] and len(found) == 1


def test_a_grade_with_no_count_after_it_or_a_verb_between_is_not_a_class(extract_text):
    found = figures(extract_text, "到2022年，各市220千伏电网形成环网，从5个方面细化提出22项指标。")
    assert all(rule != "context.class" for role, v, u, rule in found)


@pytest.mark.parametrize("text, expected", [
    ("城区加油站服务半径原则上不低于0.9公里。", [("parameter", "0.9", "公里", ">=", "parameter.norm")]),
    ("从交货验收合格到付款不得超过30天。", [("parameter", "30", "天", "<=", "parameter.norm")]),
    ("到2025年，城区加油站服务半径原则上不低于0.9公里。", [("target", "0.9", "公里", ">=", "target.deadline")]),
])
def test_a_norm_the_policy_sets_is_a_parameter_unless_a_time_makes_it_a_goal(extract_text, text, expected):
    got = [(f.role, str(f.value), f.unit, f.comparator.value, f.evidence.rule)
           for f in extract_text(NOTICE.format(text)).figures]
    assert got == expected


def test_a_grade_before_a_measured_noun_is_a_class_but_not_before_a_second_measure(extract_text):
    found = figures(extract_text, "到2022年，建成1000千伏输电线路1240公里，确保800万千瓦输送容量和年送电量500亿千瓦时的通道能力。")
    assert [(v, u) for role, v, u, rule in found if rule == "context.class"] == [("1000", "千伏")]


def test_a_change_verb_of_an_amount_reaches_over_its_object(extract_text):
    ex = extract_text(NOTICE.format("到2025年，必须通过工程措施削减化学需氧量400万吨，形成化学需氧量削减能力300万吨，"
                                    "数字经济核心产业增加值达到1000亿元。"))
    assert [(str(f.value), f.change and f.change.value) for f in ex.targets] == [
        ("4000000", "down"), ("3000000", None), ("100000000000", None)]


def test_in_a_plan_a_figure_after_a_verb_of_making_and_its_object_is_a_planned_output(extract_text):
    plan = "某区城市更新行动方案（2023-2025年）\n附件\n重点任务清单\n{}"
    got = [(f.role, str(f.value), f.unit, f.evidence.rule) for f in extract_text(plan.format(
        "8 完成燃气老化管道改造约36公里。创建20个“美丽家园”特色小区。推进“15分钟社区生活圈”建设。")).figures]
    assert got == [("target", "36", "公里", "target.output"), ("target", "20", "个", "target.output")]
    notice = "关于开展某项检查的通知\n{}"
    found = extract_text(notice.format("去年完成燃气老化管道改造约36公里。")).figures
    assert found and all(f.evidence.rule != "target.output" for f in found)  # a notice is no plan


def test_a_change_after_a_list_closed_by_deng_is_one_figure_for_the_group(extract_text):
    ex = extract_text(NOTICE.format("到2028年，水泥、玻璃、石化等重点行业达到能效标杆水平的产能比例提高20个百分点，"
                                    "甲、乙排放总量压缩一半。"))
    assert [(f.indicator, str(f.value)) for f in ex.targets] == [
        ("水泥、玻璃、石化等重点行业达到能效标杆水平的产能比例提高", "20"), ("甲排放总量压缩", "50"), ("乙排放总量压缩", "50")]


@pytest.mark.parametrize("text, comparator", [("对炭化室高度小于5.5米的焦炉", "<"), ("对离岸距离大于等于50公里的项目", ">="),
                                              ("对容量小于等于100吨的电弧炉", "<="), ("对引荐人为2名或以上的项目", ">="),
                                              ("对职工人数20人或以下的企业", "<="),
                                              ("对子女年满三周岁之前的家庭", "<"), ("在子女十六周岁以前的独生子女父母", "<")])
def test_less_than_and_at_least_written_out(extract_text, text, comparator):
    assert [f.comparator.value for f in extract_text(NOTICE.format(text + "给予奖励。")).figures][:1] == [comparator]


def test_a_communique_of_last_year_reports_results_even_at_its_year_end(extract_text):
    text = ("中华人民共和国2024年国民经济和社会发展统计公报\n国家统计局\n2025年2月28日\n一、综合\n"
            "全年国内生产总值[2]1349084亿元，比上年增长5.0%。年末全国就业人员73439万人。")  # [2]: a footnote's mark
    got = [(f.role, str(f.value), getattr(f, "year", None)) for f in extract_text(text).figures]
    assert got == [("baseline", "134908400000000", 2024), ("baseline", "5", 2024), ("baseline", "734390000", 2024)]


def test_a_rubric_table_gives_its_points_as_parameters_and_reads_its_cells_as_sentences(extract_text):
    text = ("某县河长制工作考核细则\n"
            "| 序号 | 考核项目 | 各项分值 | 评分标准 |\n"
            "| 1 | 组织领导 | 8 | 积极配合开展工作（8分），会议少一次扣1分。 |\n"
            "| 2 | 宣传工作 | 10 | 年内至少开展宣传3次（10分）。 |\n")
    got = [(f.role, str(f.value), f.unit, f.evidence.rule) for f in extract_text(text).figures]
    assert ("parameter", "8", "分", "table.setting") in got and ("parameter", "10", "分", "table.setting") in got
    assert ("parameter", "1", "分", "parameter.points") in got
    assert [(role, v) for role, v, unit, rule in got if unit == "次"] != []


def test_a_number_opening_an_item_in_a_cell_is_no_quantity(extract_text):
    text = "某市“十四五”规划\n|平台|建设内容|\n|创新平台| 1．光电技术研究院。<br>2．开展芯片研究，建成3个中试平台。 |\n"
    assert [(str(f.value), f.unit) for f in extract_text(text).figures] == [("3", "个")]


def test_a_plans_development_base_reports_results(extract_text):
    text = ("某市战略性新兴产业发展“十四五”规划\n一、发展基础\n全市集聚数字经济企业超过1.5万家。\n"
            "二、发展目标\n到2025年，数字经济企业超过3万家。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures]
    assert got == [("baseline", "15000"), ("target", "30000")]


def test_a_number_naming_a_place_is_no_quantity(extract_text):
    found = extract_text(NOTICE.format("到2025年，推进190街坊、3号地块更新改造，完成改造5万平方米。")).figures
    assert [(str(f.value), f.unit) for f in found] == [("50000", "平方米")]


def test_a_heading_that_names_conditions_makes_its_figures_conditions_and_one_that_only_says_the_word_does_not(
        extract_text):
    plan = "某市乡村振兴实施方案（2026—2030年）\n{}\n{}\n"
    rules = plan.format("（一）申报条件", "1.企业年营业收入达到1000万元。")
    living = plan.format("（一）补齐农村生活条件短板", "1.到2030年，村桥检测覆盖率提高到100%。")
    assert [f.role for f in extract_text(rules).figures] == ["threshold"]
    assert [f.role for f in extract_text(living).figures] == ["target"]


def test_an_interpretation_of_a_plan_speaks_of_the_plans_outputs(extract_text):
    text = "解读：《某市城市更新行动方案（2024—2026年）》\n近日，市政府印发了该方案。\n方案提出，完成燃气老化管道改造约36公里。\n"
    assert [(f.role, str(f.value)) for f in extract_text(text).figures] == [("target", "36")]


@pytest.mark.parametrize("heading, role", [("（二）申报范围和条件", "threshold"), ("（二）发展条件", "target"),
                                           ("（二）改善居住生活条件", "target")])
def test_only_a_heading_of_eligibility_makes_a_list_of_conditions(extract_text, heading, role):
    text = f"某市城市更新行动方案（2024—2026年）\n{heading}\n1.到2026年，实施老旧住房综合修缮面积达到90万平方米。\n"
    assert [f.role for f in extract_text(text).figures] == [role]


def test_strong_after_a_unit_is_no_class_of_rank(extract_text):
    got = [f.evidence.rule for f in extract_text(NOTICE.format("全年科学应对19轮强降雨，世界500强企业落户12家。")).figures]
    assert got[0] != "context.unit" and "context.unit" in got


def test_a_report_kind_said_in_passing_in_an_untitled_opening_makes_no_account_of_what_was_done(extract_text):
    text = ("——2025年1月21日在某市第十六届人民代表大会第六次会议上\n各位代表：\n"
            "过去一年，某市系列做法入选国务院督查典型经验，获国务院督查通报表扬。\n二、2025年主要任务\n"
            "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长3%左右。\n")
    assert [(f.role, str(f.value)) for f in extract_text(text).figures] == [("target", "6"), ("target", "3")]


def test_a_comma_that_groups_thousands_ends_no_clause(extract_text):
    text = NOTICE.format("基金最高支付限额为职工参保人员每人每月1,000元、居民参保人员每人每月500元。")
    assert [(f.role, str(f.value), f.unit) for f in extract_text(text).figures] == [
        ("parameter", "1000", "元"), ("parameter", "500", "元")]


def test_a_ceiling_on_how_many_are_chosen_or_subsidised_is_a_quota(extract_text):
    text = ("山东省家电以旧换新实施细则\n各市至多选择2个平台开展家电以旧换新。空调类产品最多补贴3件。")
    found = extract_text(text)
    quotas = sorted((str(p.value), p.unit, p.comparator.value) for p in found.parameters)
    assert quotas == [("2", "个", "<="), ("3", "件", "<=")]


def test_an_undated_plan_speaks_from_the_first_year_of_its_period(extract_text):
    text = ("“十四五”软件和信息技术服务业\n发展规划\n一、发展回顾\n软件业利润总额从2015年的5766亿元增长到2020年的10676亿元。\n"
            "二、发展目标\n到2025年，规模以上企业软件业务收入突破14万亿元。")
    found = extract_text(text)
    assert sorted(str(b.value) for b in found.baselines) == ["1067600000000", "576600000000"]
    assert [(str(t.value), str(t.deadline)) for t in found.targets] == [("14000000000000", "2025")]


def test_a_time_limit_qualifying_those_a_measure_is_for_is_a_threshold(extract_text):
    text = ("大连市就业政策\n对毕业2年以内的高校毕业生从事基层服务工作给予补贴。申请人应在30日内补正材料。")
    found = extract_text(text)
    assert [(str(t.value), t.unit) for t in found.thresholds] == [("2", "年")]
    assert [(str(p.value), p.unit) for p in found.parameters] == [("30", "日")]


def test_a_verb_after_its_object_makes_the_counted_object_a_planned_output(extract_text):
    plan = "某区水务建设三年行动计划（2024-2026年）\n一、主要任务\n{}"
    got = [(f.role, str(f.value), f.unit, f.evidence.rule) for f in extract_text(plan.format(
        "对32座一线水闸进行防洪能力达标建设。对投运10年以上用能设备开展节能降碳诊断。")).figures]
    assert got == [("target", "32", "座", "target.output"), ("threshold", "10", "年", "threshold.qualifier")]


def test_a_clause_closing_on_a_verb_of_making_makes_its_count_a_planned_output(extract_text):
    plan = "某区城市更新三年行动计划（2024-2026年）\n一、主要任务\n{}"
    got = [(f.role, str(f.value), f.unit, f.evidence.rule) for f in extract_text(plan.format(
        "配合推进示范区线、嘉闵线等7条轨交线路建设。推进联通河等16条河道的美丽幸福河湖创建工程。"
        "强化轨道交通站点周边50米内配套公交基础设施建设。重点项目：年产10万吨高端正极材料建设。")).figures]
    assert got[:2] == [("target", "7", "条", "target.output"), ("target", "16", "条", "target.output")]
    # a reach around a place, a plant's capacity in its name: neither is to be made
    assert [(r, v) for r, v, _, _ in got[2:]] == [("context", "50"), ("context", "100000")]


def test_a_count_per_any_item_opening_its_clause_is_a_setting(extract_text):
    plan = "某县农民培训实施方案\n一、培训安排\n{}"
    got = [(f.role, str(f.value), f.unit) for f in extract_text(plan.format(
        "每门课程约15学时。每村配置1辆专用收集车。每万人口发明专利拥有量达到12件。")).figures]
    # per course, per village: settings of the scheme; per ten thousand people names a rate
    assert got[:2] == [("parameter", "15", "学时"), ("parameter", "1", "辆")]
    assert got[2][0] != "parameter"


def test_a_text_with_no_word_of_intent_or_duty_only_describes(extract_text):
    # a city's profile: its figures are what was, though 2013年末 could open a plan's goals
    profile = ("某市总面积为7434.40平方千米，占全省陆地面积的4.21%。其中，市辖10区面积3843.43平方千米，占全市总面积的51.7%；"
               "2个县级市面积3590.97平方千米，占48.3%。\n2013年末，某市常住人口1292.68万人，户籍人口832.31万人；城镇人口"
               "比重为85.27%。全年户籍出生人口11.58万人，出生率14.00‰；死亡人口4.50万人，死亡率5.44‰；自然增长人口7.08万人，"
               "自然增长率8.56‰。\n2013年，某市有少数民族人口63万人，分属55个少数民族。其中，户籍少数民族人口7.6万人，人数较多的"
               "是壮族、土家族、回族、满族、瑶族、苗族、朝鲜族、蒙古族等，少数民族流动人口55.4万人。全市有3所民族小学，"
               "1个少数民族聚居村，全市有市级民族团体4个。")
    assert len(profile) >= 300
    assert {f.role for f in extract_text(profile).figures} == {"baseline"}
    # the same sentence where the text aims at it is a target
    plan = "到2013年末，某市常住人口力争达到1292.68万人。"
    assert [f.role for f in extract_text(plan).figures] == ["target"]


def test_a_count_of_lifts_is_an_output_too(extract_text):
    plan = "某市2024年政府工作报告\n二、2024年重点工作\n{}"
    got = [(f.role, str(f.value), f.unit) for f in extract_text(plan.format(
        "改造城镇老旧小区180个，既有住宅增设电梯150部。")).figures]
    assert got == [("target", "180", "个"), ("target", "150", "部")]


def test_a_projects_total_investment_describes_it_unless_a_condition_frames_it(extract_text):
    plan = "某市2026年政府工作报告\n二、2026年重点工作\n{}"
    got = [(f.role, str(f.value), f.evidence.rule) for f in extract_text(plan.format(
        "推进总投资100亿元的高铁片区基础设施建设。加快总投资52亿元的34个配套项目建设。"
        "对总投资不低于5000万元的算力设施项目给予贷款贴息。")).figures]
    assert got == [("context", "10000000000", "context.project-size"),
                   ("context", "5200000000", "context.project-size"),
                   ("target", "34", "target.deadline"),
                   ("threshold", "50000000", "threshold.qualifier")]


@pytest.mark.parametrize("text, role", [
    ("推进二级及以上定点医疗机构直接结算。", "context"),  # a class of hospitals
    ("去年全省共发生5级以上地震3次。", "context"),
    ("对个人消费者购买2级及以上能效标准的冰箱给予补贴。", "threshold"),  # a condition frames it
])
def test_a_bounded_grade_before_a_noun_names_a_class(extract_text, text, role):
    grade = extract_text(NOTICE.format(text)).figures[0]
    assert (grade.role, grade.unit) == (role, "级")


def test_the_row_numbers_of_a_table_that_lost_its_lines_are_no_quantities(extract_text):
    text = ("某区历史风貌保护规划\n附表 重点任务\n\n序号\n\n重点任务或项目\n\n1\n\n外滩历史文化风貌区\n\n2\n\n"
            "老市府大楼（160街坊）\n\n3\n\n完成修缮面积2万平方米\n")
    assert [(str(f.value), f.unit) for f in extract_text(text).figures] == [("20000", "平方米")]


def test_an_age_capped_by_a_bound_word_decides_whom_a_rule_is_for(extract_text):
    text = "某市引进毕业生管理办法\n第八条 原则上毕业生本科不超过26周岁。\n第九条 到2030年人均预期寿命提高到80岁。"
    got = [(f.role, str(f.value), f.evidence.rule) for f in extract_text(text).figures]
    assert got[0] == ("threshold", "26", "threshold.age")
    assert got[1][:2] == ("target", "80")  # a level reached, not an age that decides


def test_a_window_a_condition_counts_over_is_a_threshold_but_a_grant_spread_over_years_is_not(extract_text):
    text = ("某市引进人才管理办法\n第五条 近3年累计自主投入5000万元以上的创新创业团队，可以申请引进。\n"
            "第六条 政策有效期内连续3年累计最高给予500万元补助。")
    got = [(f.role, str(f.value), f.unit) for f in extract_text(text).figures]
    assert got[:2] == [("threshold", "3", "年"), ("threshold", "50000000", "元")]
    assert ("threshold", "3", "年") not in got[2:]
    # ...and so is the window of a record or a run the applicant must show (最近两年连续盈利, 近两年无重大违法违规行为)
    record = "某省上市后备企业申报通知\n一、申报条件\n1.最近两年连续盈利；\n2.近两年无重大违法违规行为。"
    assert [(f.role, str(f.value)) for f in extract_text(record).figures] == [("threshold", "2"), ("threshold", "2")]


def test_the_cut_offs_of_a_communiques_notes_on_scope_are_thresholds(extract_text):
    text = ("某县2022年国民经济和社会发展统计公报\n全年地区生产总值120亿元。\n注释：规模以上服务业统计范围为年营业收入"
            "2000万元及以上的交通运输、仓储和邮政业，年营业收入1000万元及以上的房地产业。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures]
    assert got == [("baseline", "12000000000"), ("threshold", "20000000"), ("threshold", "10000000")]


@pytest.mark.parametrize("text, expected", [
    ("2020年，城乡居民收入倍差从2.50缩小至2.31。",
     [("baseline", "2.5", "城乡居民收入倍差"), ("baseline", "2.31", "城乡居民收入倍差")]),
    ("到2027年，空气质量综合指数由4.8降至4.2。",
     [("baseline", "4.8", "空气质量综合指数"), ("target", "4.2", "空气质量综合指数")]),
    ("到2030年，城乡收入差距收窄到2倍以内。", [("target", "200", "城乡收入差距")]),  # a multiple is kept as a share
])
def test_a_level_a_change_starts_from_needs_no_unit_and_narrowing_reaches_a_level(extract_text, text, expected):
    got = [(f.role, str(f.value), f.indicator) for f in extract_text(NOTICE.format(text)).figures]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    ("获得5项以上(含)授权发明专利的主要完成人，可以申报。", [("threshold", "5", "项")]),
    ("第一档为户均月用电量0-200度（含）的用户。", [("threshold", "0", "度")]),
    # a bracket repeating the bound is not a second quantity
    ("对年度留用率40%以下（含40%）的单位，按30%给予补贴。", [("threshold", "40", "%"), ("parameter", "30", "%")]),
    # ...and a cap that includes its edge is still a cap
    ("单户企业贷款额度最高不超过500万元（含）。", [("parameter", "5000000", "元")]),
    # ...and a bracket saying what is counted restates no bound
    ("到2025年，全县每年查处非法捕捞案件10例以上（含简易案件）。", [("target", "10", "例")]),
])
def test_a_bound_said_to_include_its_edge_draws_the_line_of_a_class(extract_text, text, expected):
    doc = "某某专项资金管理办法\n第一条 {}"
    assert [(f.role, str(f.value), f.unit) for f in extract_text(doc.format(text)).figures] == expected


def test_an_undated_work_report_is_of_the_year_after_the_one_it_reviews(extract_text):
    text = ("各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、2022年工作回顾\n过去一年，全市地区生产总值增长5.2%。\n"
            "二、2023年主要目标任务\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。到2025年，建成5G基站1万个。\n"
            "重点做好以下工作：推动中天科技等120个项目加快建设。")
    got = timed(extract_text, text)
    assert got == [("baseline", "5.2", 2022), ("target", "6", 2023), ("target", "10000", 2025), ("target", "120", 2023)]


def test_a_plan_named_in_full_sets_its_period_and_the_deadline_of_its_goals(extract_text):
    text = ("某省国民经济和社会发展第九个五年计划纲要\n第二章 主要目标\n全省生产总值年均增长9%左右，城镇化水平达到30%。")
    got = [(f.role, str(f.value), f.deadline.year) for f in extract_text(text).figures]
    assert got == [("target", "9", 2000), ("target", "30", 2000)]


def test_an_undated_plan_that_reviews_the_last_plan_period_reports_its_levels_as_baselines(extract_text):
    text = ("一、新阶段新起点\n“十三五”期间是具有里程碑意义的五年。全市生产总值从2015年的2.69万亿元上升到2020年的3.87万亿元。\n"
            "二、主要目标\n到2025年，全市生产总值达到5万亿元。")
    got = timed(extract_text, text)
    assert got == [("context", "5", None), ("baseline", "2690000000000", 2015), ("baseline", "3870000000000", 2020),
                   ("target", "5000000000000", 2025)]


def test_the_level_of_an_index_is_a_figure_without_unit_or_comparator(extract_text):
    got = figures(extract_text, "2020年，全市空气质量综合指数4.46，基尼系数0.41。")
    assert [(r, v, u) for r, v, u, _ in got] == [("baseline", "4.46", None), ("baseline", "0.41", None)]


def test_a_band_of_time_before_the_object_of_its_verb_is_how_long_not_whom_it_bounds(extract_text):
    got = figures(extract_text, "拒不改正的，责令暂停其6个月以上1年以下涉及基金使用的服务。")
    assert [(r, v, u) for r, v, u, _ in got] == [("parameter", "6", "个月")]


def test_a_year_inside_a_noun_phrase_dates_no_figure(extract_text):
    rule = figures(extract_text, "月工资高于本地区上年度职工月平均工资三倍的，按上一年年收入百分之三十的标准支付。")
    assert "baseline" not in [r for r, *_ in rule]
    report = extract_text("某县政府工作报告（2021年1月）\n上年，全县新增就业2000人。\n")
    assert [(str(b.value), b.year) for b in report.baselines] == [("2000", 2020)]


@pytest.mark.parametrize("text, role", [
    ("对列入目录的创新产品，补贴额测算比例可提高至35%。", "parameter"),  # how far a rule may go
    ("高质量数据集奖励最高可提升至200万元。", "parameter"),
    ("到2025年，困难群众补助标准提高至500元/月。", "target"),  # a level to reach
    ("到2025年，城乡居民医保财政补助标准提高至每人每年610元。", "target"),  # ...written after its per phrase
])
def test_a_raise_the_text_only_permits_is_a_setting_not_a_level_to_reach(extract_text, text, role):
    assert [r for r, *_ in figures(extract_text, text)] == [role]


def test_a_floor_a_rule_book_sets_on_a_scale_of_those_it_is_for_is_a_threshold(extract_text):
    text = "某区促进金融业发展的实施办法\n第五条 股权投资企业的实际到位注册资本不低于1000万元，保存期不少于5年。\n"
    assert [(f.role, str(f.value)) for f in extract_text(text).figures] == [("threshold", "10000000"), ("parameter", "5")]


def test_the_figures_of_a_monitoring_report_are_what_was_done(extract_text):
    text = "某省2023年3月份成品油市场运行监测情况\n3月份，全省购进成品油14.39万吨，同比增长18.14%。\n"
    assert [f.role for f in extract_text(text).figures] == ["baseline", "baseline"]


def test_a_top_class_or_a_place_in_a_ranking_qualifies_in_a_rule_book_only(extract_text):
    rules = extract_text("某区促进航运物流业发展扶持办法\n第一条 为促进航运物流业发展，制定本办法。\n"
                         "第二条 对世界500强企业在本区设立的地区总部，给予一次性奖励。\n"
                         "第三条 对业务排名前20的报关企业予以奖励。\n第四条 以春节前60-30个工作日的平均负荷为基线。")
    assert [(f.role, str(f.value), f.evidence.rule) for f in rules.figures][:2] == [
        ("threshold", "500", "threshold.rank"), ("threshold", "20", "threshold.rank")]
    assert rules.figures[2].evidence.rule != "threshold.rank"  # a span of days before a date is no rank
    # in a plan's measure the same class only describes
    plan = extract_text("某市招商引资行动方案（2024年）\n支持世界500强企业在本市新设研发机构。")
    assert [(f.role, f.evidence.rule) for f in plan.figures] == [("context", "context.unit")]


def test_the_items_of_a_lead_in_inside_a_paragraph_are_conditions(extract_text):
    # 申报条件： and its items parted by ； on one line (a page crawled without its breaks): each bound qualifies
    found = extract_text("某区科技企业扶持办法\n第三条 申报条件：企业在本区注册并纳税；上一年度研发投入不少于200万元；"
                         "研发人员占职工总数比例不低于10%。\n第四条 对符合条件的企业，给予最高50万元奖励。")
    assert [(f.role, str(f.value), f.unit) for f in found.figures] == [
        ("threshold", "2000000", "元"), ("threshold", "10", "%"), ("parameter", "500000", "元")]


def test_a_share_of_a_cost_borne_is_a_co_funding_parameter(extract_text):
    found = extract_text("某区养老服务实施意见（2020年）\n10.综合责任险补贴。由区社会事业局统一投保综合责任险，"
                         "所需保费支出由区财政承担80%，其余20%由养老机构承担。")
    assert [(f.role, str(f.value), f.unit) for f in found.figures] == [("parameter", "80", "%"), ("parameter", "20", "%")]


def test_a_bound_in_the_case_a_then_clause_provides_for_is_a_threshold(extract_text):
    found = extract_text("湖北电网非统调发电企业辅助服务管理实施细则\n第一条 为规范管理，制定本细则。\n"
                         "第二条 水力发电企业当月实际上网电量超过年度计划月平均水平的115%，则视该月份为丰水月份。"
                         "当月实际上网电量低于年度计划月平均水平的85%，则视该月份为枯水月份。\n"
                         "第三条 考核电量按月度计划的1.5%计算。")
    assert [(f.role, str(f.value)) for f in found.figures] == [
        ("threshold", "115"), ("threshold", "85"), ("parameter", "1.5")]


def test_what_a_section_on_how_the_last_plan_went_counts_is_reached(extract_text):
    # a heading of how a plan was carried out (实施情况, 完成情况, 进展情况) reviews the past, like 回顾 or 发展基础
    text = ("某县加油站布局规划（2025-2030年）\n二、“十四五”实施情况\n“十四五”期间，办理开办加油站5座，规划实施率为28%。\n"
            "三、规划目标\n到2030年，全县加油站达到69座。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures]
    assert got == [("baseline", "5"), ("baseline", "28"), ("target", "69")]


@pytest.mark.parametrize("task", ["投运无障碍低地板公交车1200辆，保障出行需求。", "更新新能源公交车辆456辆。"])
def test_a_verb_that_puts_into_service_makes_its_count_a_planned_output(extract_text, task):
    plan = "某市交通三年行动计划（2024-2026年）\n二、重点任务\n（一）提升公交服务。" + task
    assert [(f.role, f.evidence.rule) for f in extract_text(plan).figures] == [("target", "target.output")]


def test_the_parts_a_figure_is_split_into_take_its_role_when_nothing_else_explains_them(extract_text):
    text = ("某市综合能源站专项规划（2025-2030年）\n三、规划布局\n"
            "离石区综合能源站布局21个，其中，高速8个，国道上8个（G209上1个，G307上7个），城区5个。")
    got = [(f.role, str(f.value), f.deadline.year) for f in extract_text(text).figures]
    assert got == [("target", v, 2030) for v in ("21", "8", "8", "1", "7", "5")]


def test_the_months_of_the_year_so_far_are_gone_by(extract_text):
    text = ("某市新能源汽车超充行动计划解读\n（2024年5月8日）\n今年1-4月，全市汽车产业实现产值1800亿元，增长26%；"
            "完成产量79万辆。到2025年底，建成超充站2000座以上。")
    got = timed(extract_text, text)
    assert got == [("baseline", "180000000000", 2024), ("baseline", "26", 2024), ("baseline", "790000", 2024),
                   ("target", "2000", 2025)]


def test_a_bound_in_brackets_after_a_noun_is_a_condition_on_it(extract_text):
    plan = "某市设备更新和消费品以旧换新实施方案\n"
    got = [(f.role, str(f.value)) for f in extract_text(
        plan + "对个人消费者购买手机等3类数码产品（单件销售价格不超过6000元），按产品销售价格的15%给予补贴。").figures]
    assert got == [("context", "3"), ("threshold", "6000"), ("parameter", "15")]
    # ...not a quota the brackets set (a word of granting in them, or 限)
    quota = extract_text(plan + "每类产品可补贴1件（空调产品最多可补贴3件）。").figures
    assert [(f.role, str(f.value)) for f in quota if f.value == 3] == [("parameter", "3")]
    listed = extract_text(plan + "确定入围名单（限120名），发放消费券。").figures
    assert [f.role for f in listed] != ["threshold"]


def test_a_strict_bound_whose_edge_a_bracket_takes_in_is_inclusive(extract_text):
    text = "某市廉租住房政策标准通知\n申请家庭人均财产低于150000元（含150000元），且人均住房面积超过15平方米（含）的除外。"
    assert [(str(f.value), f.comparator.value) for f in extract_text(text).figures] == [("150000", "<="), ("15", ">=")]


def test_a_total_after_共_is_no_count_of_the_documents_own_items(extract_text):
    text = ("某市综合能源站专项规划（2025-2030年）\n三、规划布局\n到2030年，全市共布局138个综合能源站。"
            "规划围绕以下3个方面展开。")
    assert [(f.role, str(f.value)) for f in extract_text(text).figures] == [("target", "138"), ("context", "3")]


def test_a_communique_cut_from_below_its_title_reports_what_was_done(extract_text):
    # no title, no date: only its figures, compared with the year before throughout, say it is an account
    lines = ["全年全部工业增加值11770.3亿元，比上年增长5.5%。", "规模以上工业增加值比上年增长7.1%。",
             "全年粮食总产量431.5亿斤，比上年增长0.9%。", "全年建筑业增加值2561.2亿元，比上年增长3.8%。",
             "全年货物进出口总值6700.5亿元，比上年增长34.9%。"]
    got = extract_text("03工业和建筑业\n" + "\n".join(lines * 2) + "\n表3  2022年规模以上工业主要产品产量").figures
    assert {f.role for f in got} == {"baseline"} and len(got) == 18
    # ...not a work report whose goals are written beside its comparisons
    plan = ("今年主要预期目标是：地区生产总值比上年增长7%以上，力争固定资产投资比上年增长15%。"
            "到2027年，确保粮食产量稳定在100万吨以上。")
    assert {f.role for f in extract_text(plan).figures} == {"target"}


def test_a_pages_dateline_dates_it_when_nothing_else_does(extract_text):
    text = ("2026重庆市级重点项目名单发布\n\n来源：华龙网\n\n发布时间：2026-04-14 16:56\n\n"
            "今年重点推进项目1382个，力争年度完成投资5012亿元。")
    assert {f.deadline.year for f in extract_text(text).figures if f.role == "target"} == {2026}


def test_a_review_a_paragraph_opens_goes_on_until_the_goals_when_no_heading_says(extract_text):
    text = ("各位代表，刚刚过去的2025年，全省地区生产总值增长5.3%。\n"
            "——“向新”的动能持续增强。两院院士增至123位，新增制造业单项冠军企业52家。\n"
            "三、2026年重点工作\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。")
    got = timed(extract_text, text)
    assert got == [("baseline", "5.3", 2025), ("baseline", "123", 2025), ("baseline", "52", 2025), ("target", "5", 2026)]


def test_the_amounts_under_a_standards_heading_are_settings_whatever_the_paragraphs_deadline(extract_text):
    # the notice's first sentence dates a rollout; the standards the next one lists are no goals of it
    text = ("关于做好生育保险待遇联网结算工作的通知\n二、分步实现联网结算\n2020年11月底前，在上述定点医疗机构实现联网结算。"
            "根据政策规定，生育定额医疗费结算标准：分娩住院顺产2700元；剖宫产5500元。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures]
    assert got == [("parameter", "2700"), ("parameter", "5500")]


def test_a_capacity_bounding_the_plants_a_closure_takes_out_is_a_threshold(extract_text):
    text = ("某省四减四增三年行动方案\n一、主要任务\n到2022年，年产能120万条以下的全钢子午胎企业全部整合退出。"
            "2021年10月底前，全省35蒸吨/小时及以下燃煤锅炉全部完成淘汰。")
    got = [(f.role, str(f.value), f.unit) for f in extract_text(text).figures]
    assert got == [("threshold", "1200000", "条"), ("threshold", "35", "蒸吨/小时")]


def test_a_time_limit_on_an_office_or_its_officers_is_a_commitment_one_on_a_party_a_setting(extract_text):
    text = ("医疗保障行政处罚程序暂行规定\n第一条 适用普通程序办理的案件应当自立案之日起九十日内作出处理决定。"
            "第二条 医疗保障经办机构应当在5个工作日内出具处理通知书。"
            "第三条 执法人员应当在二十四小时内向医疗保障行政部门负责人报告。"
            "第四条 当事人应当自收到行政处罚决定书之日起十五日内缴纳罚款。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures]
    assert got == [("target", "90"), ("target", "5"), ("target", "24"), ("parameter", "15")]


def test_a_paragraph_opening_a_cut_is_no_title_that_makes_it_an_account(extract_text):
    # a part cut from inside a work report: its first line is a paragraph that names 典型经验 in passing
    text = ("（三）动力活力加速释放。获评年度活力城市，23项典型经验向全区全国推广。\n"
            "2024年工作安排\n主要预期目标是：全市地区生产总值增长6.5%左右，规模以上工业增加值增长8%左右。")
    assert [(f.role, str(f.value)) for f in extract_text(text).figures] == [
        ("baseline", "23"), ("target", "6.5"), ("target", "8")]


def test_a_part_opening_with_the_years_goals_under_no_title_is_a_plan_for_its_counts(extract_text):
    # cut from a work report's plan: no title, no year; its tasks' outputs are goals, its review stays one
    plan = ("今年经济社会发展主要预期目标是：地区生产总值增长7%以上。\n（一）着力发展特色产业\n"
            "建设现代农业产业园1个，新建和改造提升高标准农田20万亩。")
    assert [(f.role, str(f.value)) for f in extract_text(plan).figures] == [
        ("target", "7"), ("target", "1"), ("target", "200000")]
    review = ("今年经济社会发展主要预期目标是：地区生产总值增长7%以上。\n一、过去一年工作回顾\n"
              "建设现代农业产业园1个。")
    assert [f.role for f in extract_text(review).figures] == ["target", "baseline"]
    # under the goals a count no verb makes is a goal too; in a part of another kind it only describes
    goals = "今年经济社会发展主要预期目标是：地区生产总值增长7%以上。\n（一）特色产业\n现代农业产业园1个。"
    assert [f.role for f in extract_text(goals).figures] == ["target", "target"]
    other = "现将有关情况说明如下。\n（一）特色产业\n现代农业产业园1个。"
    assert [f.role for f in extract_text(other).figures] == ["context"]


def test_the_length_a_campaign_runs_is_a_context_figure_not_the_name_of_its_document(extract_text):
    text = ("关于某事的通知（2024年）\n稳步推进优化学校布局和建设三年行动。实施县域商业三年行动计划。"
            "印发《某市三年行动方案》。制定乡村建设五年行动方案。全面落实八项规定。")
    got = [(f.role, str(f.value), f.unit, f.evidence.rule) for f in extract_text(text).figures]
    assert got == [("context", "3", "年", "context.duration"), ("context", "3", "年", "context.duration")]


def test_a_count_of_major_ones_counts_what_follows_whatever_the_noun(extract_text):
    text = "关于某事的通知（2024年）\n全力培育五大战略性产业集群，实施五大惠民行动。全面落实八项规定。"
    got = [(f.role, str(f.value), f.unit) for f in extract_text(text).figures]
    assert got == [("context", "5", "大"), ("context", "5", "大")]


def test_a_part_opening_with_the_year_it_is_about_dates_its_goals(extract_text):
    # cut from a report's plan under no heading: its first sentence names the year, 今年 is that year
    text = ("2024年是实施“十四五”规划的关键一年，做好今年工作至关重要。今年经济社会发展的主要预期目标是：地区生产总值增长7%左右。\n"
            "（一）加快科技创新\n力争新增国家科技型中小企业300家以上，完成投资40亿元以上。")
    assert timed(extract_text, text) == [("target", "7", 2024), ("target", "300", 2024), ("target", "4000000000", 2024)]


def test_a_review_cut_under_a_subsection_heading_tells_results_until_the_years_work(extract_text):
    # cut from inside a report's review: its first heading is one of the review's, the year's work comes later
    text = ("（六）防范化解风险，维护社会和谐稳定。\n完成“保交房”项目625个，化解不动产登记难问题53.6万件。\n"
            "二、2026年重点工作\n（一）扩大有效需求\n今年地区生产总值增长5%左右，新建保障性住房2000套。")
    assert timed(extract_text, text) == [("baseline", "625", 2025), ("baseline", "536000", 2025),
                                         ("target", "5", 2026), ("target", "2000", 2026)]


def test_a_part_cut_from_inside_a_plans_tasks_reads_what_it_makes_as_planned(extract_text):
    # under no title, no year and no review: a report's tasks cut from inside them
    text = ("（二）聚力促进产业做优做强。\n新建城市绿道30公里，建设高标准农田30万亩，创建提升和美乡村示范村500个以上。")
    assert [f.role for f in extract_text(text).figures] == ["target", "target", "target"]
    # ...but a part that a heading marks as a review tells what was made
    review = "一、2023年工作回顾\n（二）产业做优做强。\n新建城市绿道30公里，建设高标准农田30万亩。"
    assert [f.role for f in extract_text(review).figures] == ["baseline", "baseline"]


def test_a_look_back_inside_one_task_does_not_make_a_cut_of_a_plan_an_account(extract_text):
    # cut from a report's tasks under no title: 过去一年 opens the look back of its last task, not the part
    text = ("六、着力打造高品质生活宜居地\n新建社区助餐食堂103个，改造城镇老旧小区180个。\n七、全面加强政府自身建设\n"
            "过去一年，我们坚持以学促干。新的一年，我们将持续改进作风。")
    assert [(f.role, str(f.value)) for f in extract_text(text).figures] == [("target", "103"), ("target", "180")]
    # ...while a part that opens with it, before any heading, is a review
    review = "过去一年，我们砥砺前行。\n新建社区助餐食堂103个，改造城镇老旧小区180个。\n二、扩大内需\n新建城市绿道30公里。"
    assert [f.role for f in extract_text(review).figures][:2] == ["baseline", "baseline"]


def test_a_bounded_figure_in_a_plan_outside_its_tasks_is_a_target(extract_text):
    # a plan's cut with no task headings the reader knows: 以上 bounds what is to be reached
    text = ("（二）聚力促进产业做优做强。\n突出科技创新引领。强化企业创新主体地位，入库科技型中小企业3600家以上、"
            "高端人才1000人以上。")
    got = [(f.role, f.evidence.rule, str(f.value)) for f in extract_text(text).figures]
    assert got == [("target", "target.plan-bound", "3600"), ("target", "target.plan-bound", "1000")]
    # ...but not in a notice, which plans nothing (no plan kind, a title): the same words describe
    notice = "某市科技局关于公布科技型中小企业名单的通知\n经评审，入库科技型中小企业3600家以上。"
    assert all(f.evidence.rule != "target.plan-bound" for f in extract_text(notice).figures)


def test_a_count_after_its_noun_totals_it_whatever_word_leads_the_noun(extract_text):
    # 重点 before the noun is no lead of an enumeration when the count closes the phrase: a total to make
    plan = "某市2024年工作安排\n（一）推进工业转型。实施重点技改项目600个，完成重点改革任务90项。"
    assert [(f.role, str(f.value)) for f in extract_text(plan).figures] == [("target", "600"), ("target", "90")]
    # ...while a lead right before a count of the document's own items still enumerates them
    listing = "某市2024年工作安排\n（一）推进工业转型。重点抓好以下3个方面。"
    assert [f.role for f in extract_text(listing).figures] == ["context"]


def test_what_follows_a_reports_formula_reviews_the_year_before_until_it_turns_to_goals(extract_text):
    # a report cut from its opening, under no title and no review heading: 向大会报告工作 opens the review
    text = ("各位代表：\n现在，我代表市人民政府，向大会报告政府工作，请予审议。\n"
            "全市地区生产总值增长4.8%，规上工业增加值增长7.5%。\n（一）坚持项目为王。\n新开工项目120个，外贸进出口总额增长22.1%。\n"
            "二、今年工作安排\n今年全市地区生产总值增长6%左右。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures]
    assert got == [("baseline", "4.8"), ("baseline", "7.5"), ("baseline", "120"), ("baseline", "22.1"), ("target", "6")]
    # ...and without the formula the same growth figures are changes to make
    plain = "全市地区生产总值增长4.8%，规上工业增加值增长7.5%。"
    assert [f.role for f in extract_text(plain).figures] == ["target", "target"]


def test_a_briefing_on_achievements_reports_what_was_done_and_how_long_it_went_on(extract_text):
    # the “十四五”发展成就 briefings: what they count was reached; 连续5年 says how long, no result of its own
    text = ("“‘十四五’发展成就”系列主题新闻发布会市场监管工作专场举行\n“十四五”以来，全省经营主体达到62.15万户，"
            "重点工业产品合格率达95%以上，查办案件1.95万件，食品安全群众满意度连续5年持续提升。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures]
    assert got == [("baseline", "621500"), ("baseline", "95"), ("baseline", "19500"), ("context", "5")]


def test_a_count_closing_its_clause_after_a_verb_and_its_object_is_a_planned_output(extract_text):
    # verbs no list holds (筹集, 组建, 补齐, 承办): jieba tags them as verbs; the count closes the clause
    plan = ("某市2024年工作安排\n（三）增进民生福祉。筹集保障性租赁住房3000套，组建市级专科联盟5个，"
            "补齐功能区短缺学位6000个，承办省级以上体育赛事60项。")
    got = [(f.role, f.evidence.rule, str(f.value)) for f in extract_text(plan).figures]
    assert got == [("target", "target.output", v) for v in ("3000", "5", "6000", "60")]
    # ...but a sum after a verb and its object is a budget, and a count the clause goes on after is no output
    budget = "某市2024年工作安排\n（三）增进民生福祉。每年安排旅游引导资金1000万元，筹集3000套住房的资金缺口较大。"
    rules = [(f.evidence.rule, str(f.value)) for f in extract_text(budget).figures]
    assert rules[0] == ("parameter.money", "10000000") and rules[1][1] == "3000" and rules[1][0] != "target.output"


def test_a_quota_per_consumer_and_an_interest_subsidy_in_points_are_settings_of_the_policy(extract_text):
    # 每位 counts per head as 每人 does; 贴息…个百分点 gives a rate in points as 按…10%给予补助 gives one in %
    text = ("某省汽车以旧换新实施方案\n三、支持政策\n每位消费者每类产品可补贴1件。在中央财政贴息1.5个百分点基础上，"
            "省级财政再给予1个百分点贴息。")
    got = [(f.role, f.evidence.rule, str(f.value)) for f in extract_text(text).figures]
    assert got == [("parameter", "parameter.per-unit", "1"), ("parameter", "parameter.grant", "1.5"),
                   ("parameter", "parameter.grant", "1")]


def test_an_item_after_a_sibling_with_a_list_of_its_own_keeps_the_lead_in_of_conditions(extract_text):
    # (一) opens a list of its own (…除外：1．…2．…); (三) is still an item of 应当同时符合下列条件：
    text = ("某市公共租赁住房管理办法\n第二十二条 申请公共租赁住房保障应当同时符合下列条件：\n"
            "（一）申请人应当具有本市城镇户籍，但以下两种情况除外：\n1．申请人配偶在本市工作的；\n2．户籍因就学迁出本市的。\n"
            "（二）申请家庭收入符合政府公布的标准。\n（三）申请家庭现自有产权住房人均建筑面积低于15平方米。")
    assert [(f.role, str(f.value)) for f in extract_text(text).figures] == [("context", "2"), ("threshold", "15")]


def test_a_change_or_output_per_year_is_a_flow_to_make_not_a_standard_per_head(extract_text):
    # 每年 before a change or an output sets how much a year, in a plan a target; 每人每年 sets a standard
    plan = ("某市数字经济发展三年行动计划（2023—2025年）\n二、重点任务\n（一）加快新型基础设施建设。"
            "每年新增数据中心标准机架5000个，家庭医生签约服务覆盖率每年提升1—3个百分点。")
    assert [f.role for f in extract_text(plan).figures] == ["target", "target"]
    # ...while a setting per period that is no change stays one (每天1小时弹性工作制), as a sum per head does
    rule = "某市生育友好措施\n三、支持政策\n实行每天1小时弹性工作制，对托育机构每人每年补助600元。"
    assert [f.role for f in extract_text(rule).figures] == ["parameter", "parameter"]


def test_a_count_of_parts_of_a_text_is_context_wherever_it_stands(extract_text):
    # 方面 names parts of a text: a count of them describes the document, not a result or a goal
    text = ("关于《某省促进民营经济发展若干措施》的政策解读\n二、主要内容\n《措施》共5个方面20条。\n"
            "一、2023年工作回顾\n检查反馈6个方面9项问题，推进10方面、142项重点任务。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures if f.unit == "方面"]
    assert got == [("context", "5"), ("context", "6"), ("context", "10")]


def test_a_bound_whose_de_runs_into_a_refusal_is_a_condition_comma_or_not(extract_text):
    text = ("某县人民政府关于加快发展养老服务业的实施意见\n对新建养老机构按每张床位5000元给予一次性建设补贴，"
            "入住率低于30%的不予补贴；年收费超过6万元的，不得享受运营补贴。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures]
    assert got == [("parameter", "5000"), ("threshold", "30"), ("threshold", "60000")]


def test_an_untitled_cut_that_tells_achievements_throughout_is_an_account_of_what_was_done(extract_text):
    # a report's review cut from inside it: no title, no review heading, no opener; 获评, 位居, 全国领先 throughout
    review = ("（一）经济运行实现整体好转。省级以上农业龙头企业销售收入增长9.8%，增速位居全省前列。建筑业总产值达1.2万亿元、"
              "保持全国领先。新获评省级服务业集聚示范区5家，3个案例入选全国典型。大交通建设投资达410亿元。")
    assert [f.role for f in extract_text(review).figures] == ["baseline"] * 5
    # ...while a cut that turns to goals (今年…) is not one, whatever it achieved before
    mixed = review + "\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。"
    assert extract_text(mixed).figures[-1].role == "target"


def test_a_policy_named_by_its_articles_an_earliness_and_a_first_of_its_kind_count_nothing(extract_text):
    # in a review, 出台…18条 names a policy by its articles, 提前两年 says how early, 零的突破 is a set phrase:
    # none is a result; the indicators met and the roads built and the notice period in the same text keep their roles
    review = ("一、2023年工作回顾\n出台提振市场主体信心18条，落实省级30条支持政策，11个核心发展指标提前两年实现，"
              "国家技术创新中心实现零的突破，新建精品道路100条。")
    got = [(f.role, str(f.value), f.unit) for f in extract_text(review).figures]
    assert got == [("context", "18", "条"), ("context", "30", "条"), ("baseline", "11", "个"), ("context", "2", "年"),
                   ("context", "0", None), ("baseline", "100", "条")]
    notice = "某市关于新能源项目并网的管理办法\n第五条 项目单位应提前15个工作日向所在电网企业申请并网。"
    assert [f.role for f in extract_text(notice).figures] == ["parameter"]


def test_a_count_of_the_set_a_rate_is_measured_over_describes_and_a_count_with_its_own_share_does_not(extract_text):
    # 49个国省考断面 is the set 达标率 ranges over; 2522个、占比65.3% is a result with its share
    review = ("一、2023年工作回顾\n全市49个国省考断面水质达标率100%，已成立业主委员会2522个、占比65.3%。")
    got = [(f.role, str(f.value)) for f in extract_text(review).figures]
    assert got == [("context", "49"), ("baseline", "100"), ("baseline", "2522"), ("baseline", "65.3")]


def test_a_currency_named_between_a_bound_and_its_number_keeps_the_bound(extract_text):
    # 不低于人民币5亿元: the bound reaches past 人民币, so a condition of eligibility is a threshold, and a cap a cap
    notice = ("关于开展重点上市后备企业申报工作的通知\n一、申报条件\n（一）应满足以下条件之一：\n"
              "1.预计市值不低于人民币5亿元，最近一年营业收入不低于人民币1亿元。\n二、支持政策\n对入选企业给予最高人民币50万元奖励。")
    got = [(f.role, str(f.value), f.comparator.value) for f in extract_text(notice).figures]
    assert got == [("threshold", "500000000", ">="), ("threshold", "100000000", ">="), ("parameter", "500000", "<=")]


def test_a_bound_on_what_a_county_has_marks_off_the_counties_a_measure_is_for(extract_text):
    # 初中毕业生2000人以上的县: which counties (a threshold); 60%以上的县: the share of counties to reach (a target)
    plan = ("某省县域普通高中发展提升行动计划\n二、主要目标\n到2025年，初中毕业生2000人以上的县应建设1所普通高中，"
            "60%以上的县达到办学标准。")
    got = [(f.role, str(f.value)) for f in extract_text(plan).figures]
    assert got[0] == ("threshold", "2000") and ("target", "60") in got


def test_a_rule_whose_name_holds_a_word_of_plans_is_still_a_book_of_rules(extract_text):
    # 《…城市规划管理技术规定》: 规划 is part of the rule's name, not the kind of the document
    text = ("《上海市城市规划管理技术规定》应用解释\n第二十九条 山墙间距不小于较高建筑高度的0.5倍，且最小值不小于13米。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures]
    assert got == [("parameter", "50"), ("parameter", "13")]
    # ...while a plan is a plan, whatever rules it names
    plan = "上海市城市更新规划\n到2025年，完成旧区改造面积不小于100万平方米。"
    assert [f.role for f in extract_text(plan).figures] == ["target"]


def test_the_next_item_of_a_list_does_not_qualify_the_figure_before_its_mark(extract_text):
    # 、科技型企业贷款…: a new item with its own figure; 企业 there marks off nothing for 260亿元
    text = ("某市2024年政府工作报告\n二、2024年重点工作\n新增人民币存贷款1500亿元以上，"
            "其中制造业贷款260亿元以上、科技型企业贷款200亿元以上。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures]
    assert got == [("target", "150000000000"), ("target", "26000000000"), ("target", "20000000000")]


def test_a_window_in_a_list_of_conditions_marks_off_who_qualifies(extract_text):
    # 注册登记时间在3年内 in 申请条件: which applicants (a threshold), not a limit to act within
    notice = ("某市创业担保贷款实施办法\n一、申请条件\n（一）在本市登记注册的小微企业；\n"
              "（二）创业主体注册登记时间在3年内。\n二、申请程序\n借款人应在合同签订后30日内提交材料。")
    got = [(f.role, str(f.value)) for f in extract_text(notice).figures]
    assert got == [("threshold", "3"), ("parameter", "30")]


def test_a_window_bounding_a_state_or_a_case_is_a_condition_and_a_limit_missed_is_not(extract_text):
    # 离校2年内未就业: graduates not yet employed over the window; 入驻后3年内，…退出孵化器的: the case provided for
    text = ("某区促进就业和孵化器发展办法\n第三条 对吸纳离校2年内未就业高校毕业生的企业，按每人1000元给予补贴。\n"
            "第四条 在孵企业入驻后3年内，因经营不善退出孵化器的，孵化器可按退出企业的股权比例收回投资。\n"
            "第五条 在发出奖励通知6个月内未领取奖金的，视为自动放弃。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures]
    assert ("threshold", "2") in got and ("threshold", "3") in got
    assert ("parameter", "6") in got  # a limit missed, and what it lapses into


def test_a_number_written_again_with_its_bound_is_one_bounded_quantity(extract_text):
    # 两人及两人以上, 两个或者两个以上: the number once, at least two (legal drafting repeats it)
    text = ("某某奖励办法\n第十条 两人及两人以上联名举报的，按一个举报人奖励。\n"
            "第十一条 对同一举报人提起的两个或者两个以上有包含关系的举报事项，合并奖励。")
    got = [(f.role, str(f.value), f.unit, f.comparator.value) for f in extract_text(text).figures]
    assert got == [("threshold", "2", "人", ">="), ("threshold", "2", "个", ">=")]


def test_a_grant_bounded_before_its_noun_is_the_grant_not_a_condition(extract_text):
    # 给予1万元以下奖励: the award itself, capped; 时速120公里以上线路 stays a bound on the lines
    text = ("某某举报奖励办法\n第九条 对举报人给予1万元以下奖励；提供特别重要线索的，给予10万元以上奖励。\n"
            "第十条 对时速120公里以上线路加强巡查。")
    got = [(f.role, str(f.value), f.comparator.value) for f in extract_text(text).figures]
    assert got[:2] == [("parameter", "10000", "<="), ("parameter", "100000", ">=")]
    assert got[2][0] == "threshold"


def test_a_length_reached_per_time_is_a_rate_and_one_reached_once_a_condition(extract_text):
    # 每满六个月领取一个月: one month's benefit for each six months, a setting; 满一年不满五年的: who qualifies
    text = ("某省失业保险条例\n第十八条 累计缴费时间满一年不满五年的，每满六个月领取一个月失业保险金。\n"
            "第十九条 每满一万人奖励一万元。")
    got = [(f.role, str(f.value), f.unit) for f in extract_text(text).figures]
    assert got[0][0] == "threshold" and ("parameter", "6", "个月") in got and ("parameter", "10000", "人") in got


def test_a_limit_binds_the_body_named_as_its_agent_and_not_one_the_person_governed_is_told_within(extract_text):
    # …后30个工作日内，由国家安全机关启动: the body commits to it (a service standard, a target);
    # 举报人应当在被告知…之日起6个月内…领取: the reporter's limit (被告知 is what happens to them), a parameter
    text = ("某某举报奖励办法\n第十三条 应当在举报查证属实后30个工作日内，由设区的市级以上国家安全机关启动奖励程序。\n"
            "第十六条 举报人应当在被告知奖励决定之日起6个月内，由本人或者委托他人领取奖励。")
    got = [(f.role, str(f.value), f.unit) for f in extract_text(text).figures]
    assert got == [("target", "30", "工作日"), ("parameter", "6", "个月")]


def test_a_band_scored_by_points_and_a_bound_whose_grant_follows_its_de_are_conditions(extract_text):
    # 5万—10万元（含5万元，不含10万元）（4分）: who earns the 4 points; 2000万元及以上的按70%奖励: who earns the rate
    text = ("某市积分制管理办法\n第五条 近3个纳税年度累计缴纳个人所得税：5万—10万元（含5万元，不含10万元）（4分）；"
            "10万—20万元（含10万元，不含20万元）（8分）。\n第六条 年度缴纳税收2000万元及以上的按70%奖励。")
    got = {(f.role, str(f.value), str(f.value_max)) for f in extract_text(text).figures}
    assert {("threshold", "50000", "100000"), ("threshold", "100000", "200000"), ("threshold", "20000000", "None"),
            ("parameter", "4", "None"), ("parameter", "70", "None")} <= got


def test_a_bound_written_after_the_counted_noun_marks_off_what_has_it(extract_text):
    # 100张床位以上的医疗机构: institutions with at least 100 beds (a threshold, ≥)
    text = "某市定点医疗机构管理办法\n第八条 100张床位以上的医疗机构应设内部医保管理部门。"
    got = [(f.role, str(f.value), f.unit, f.comparator.value) for f in extract_text(text).figures]
    assert got == [("threshold", "100", "张", ">=")]


def test_a_section_on_the_present_situation_reports_what_there_is(extract_text):
    # 一、基本情况 / （一）区域概况: what the figures describe is the state of things, a baseline
    text = ("某县公共文化服务项目绩效自评报告\n一、基本情况\n项目资金共计840.97万元，其中中央资金449.19万元。\n"
            "二、区域概况\n该区草原面积2960.82万公顷，年降水量一般在400毫米以上。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures]
    assert got and all(role == "baseline" for role, _ in got), got


def test_a_count_of_things_made_bounded_before_their_noun_is_what_is_reached(extract_text):
    ex = extract_text(NOTICE.format("到2027年，研制100台套以上计量器具，新增新能源公交车200辆以上，完成1500块户外招牌治理。"))
    assert [(f.role, str(f.value), f.unit) for f in ex.figures] == [
        ("target", "100", "台套"), ("target", "200", "辆"), ("target", "1500", "块")]


def test_a_routine_press_conference_tells_what_was_done(extract_text):
    text = ("2005年1月6日外交部发言人在例行记者会上答记者问\n"
            "问：中国派出了多少医疗队员？\n答：会议决定组建80人的医疗队，已派出20人，其中包括3名护士。")
    assert [(f.role, str(f.value)) for f in extract_text(text).figures] == [
        ("baseline", "80"), ("baseline", "20"), ("baseline", "3")]


def test_the_number_a_body_may_or_is_to_choose_is_a_quota(extract_text):
    ex = extract_text("关于开展年度人物选树活动的通知\n拟面向全社会选树10名先进个人。各直属单位可组织推荐人选1名。"
                      "2021年底前实现生产许可证、社保卡申领、户口迁移等74项事项异地办理。")
    got = [(f.role, str(f.value)) for f in ex.figures]
    assert got[:2] == [("parameter", "10"), ("parameter", "1")]
    assert got[2][0] != "parameter"  # 许可证 holds no 可 that permits; 申领 here is no choosing


def test_the_rates_an_insurance_scheme_sets_are_settings_but_a_rate_raised_is_a_goal(extract_text):
    text = ("某市城乡居民医疗保险政策解读\n一级医疗机构起付标准300元，报销比例80%；三级医疗机构报销比例为65%。"
            "到2025年，贫困人口住院报销比例提高到90%。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures if f.unit == "%"]
    assert got == [("parameter", "80"), ("parameter", "65"), ("target", "90")]


def test_each_level_of_a_list_a_change_starts_from_is_where_it_starts(extract_text):
    text = ("关于调整本市最低工资标准的通知\n一、本市最低工资标准由每小时不低于7.2元、每月不低于1260元，"
            "调整到每小时不低于8.05元、每月不低于1400元。二、由14元提高到15.2元。")
    got = [(f.role, str(f.value)) for f in extract_text(text).figures]
    assert [v for r, v in got if r == "baseline"] == ["7.2", "1260", "14"]
    assert [v for r, v in got if r != "baseline"] == ["8.05", "1400", "15.2"]


def test_what_stands_now_under_a_plans_time_is_a_baseline_of_its_own(extract_text):
    # the plan's time (“十四五”期间, a heading away) is for its goals; 目前 and 已完成 in a figure's own clause say what is
    text = ("四、“十四五”主要任务\n“十四五”期间，全区水闸达标率达到73%。\n"
            "（1）水闸建设。目前全岛共25座水闸，已完成闸河配套2处，计划完成闸河配套8处。\n")
    got = {(f.role, str(f.value), f.evidence.rule) for f in extract_text(text).figures}
    assert ("baseline", "25", "baseline.current-now") in got and ("baseline", "2", "baseline.current-now") in got
    assert {(role, value) for role, value, _ in got if role == "target"} == {("target", "73"), ("target", "8")}
