import pytest

def roles(found):
    return sorted((r.agency, r.role.value, r.subject.kind) for r in found.responsibilities)


def test_agencies_before_a_drafting_verb_drafted_the_document(extract_text):
    found = extract_text("北京市的通知\n为此，中关村管委会会同市知识产权局，研究制定了《知识产权行动方案》。")
    assert roles(found) == [("中关村科技园区管理委员会", "drafted", "document"), ("北京市知识产权局", "drafted", "document")]


def test_a_drafting_verb_without_a_document_drafts_nothing(extract_text):
    found = extract_text("中关村管委会制定了切实可行的发展目标。")
    assert roles(found) == []


def test_agencies_brought_into_play_are_involved_in_the_measure(extract_text):
    text = "三、主要任务\n一是加强保护。推进快保护，充分发挥中国（北京）知识产权保护中心作用。\n二是其他。内容。"
    found = extract_text(text)
    assert roles(found) == [("中国（北京）知识产权保护中心", "involved", "measure")]
    assert found.responsibilities[0].subject.key == ("text", 1, 1)


PLAN = "安徽省某某行动计划\n二、行动步骤\n（一）强基行动。\n{}\n三、其他\n内容。"


def assignments(found):
    return sorted((r.agency, r.role.value) for r in found.responsibilities if r.evidence.rule == "responsibility.assignment")


@pytest.mark.parametrize("bracket, expected", [
    ("（省商务厅牵头，合肥海关配合）", [("合肥海关", "support"), ("安徽省商务厅", "lead")]),
    ("（合肥海关负责）", [("合肥海关", "lead")]),
    # no unit marked and no convention stated: each unit listed is responsible alike
    ("（责任单位：省经济和信息化厅、省财政厅）", [("安徽省经济和信息化厅", "lead"), ("安徽省财政厅", "lead")]),
    ("（牵头单位：省发展改革委；责任单位：省财政厅、省商务厅）",
     [("安徽省发展和改革委员会", "lead"), ("安徽省商务厅", "support"), ("安徽省财政厅", "support")]),
    # a kind of body listed first leads as a generic actor, never as one body
    ("（责任单位：各市人民政府，省经济和信息化厅）", [("各市人民政府", "lead"), ("安徽省经济和信息化厅", "lead")]),
    ("（责任单位：*省商务厅、省财政厅）", [("安徽省商务厅", "lead"), ("安徽省财政厅", "support")]),
    ("（省发展改革委牵头负责，省财政厅配合）", [("安徽省发展和改革委员会", "lead"), ("安徽省财政厅", "support")]),
])
def test_bracketed_assignments(extract_text, bracket, expected):
    found = extract_text(PLAN.format("1﹒推进外网建设。加快建设。" + bracket))
    assert assignments(found) == expected
    assert {r.subject.kind for r in found.responsibilities if r.evidence.rule == "responsibility.assignment"} == {"measure"}


def test_a_deadline_in_an_assignment_dates_its_measure(extract_text):
    found = extract_text("某某市2022年重点工作方案\n一、重点任务\n（一）推进改革。\n"
                         "1.优化营商环境。内容。（6月底前完成，牵头单位：市发展改革委）\n"
                         "2.推进项目建设。内容。（2022年底前完成；牵头单位：市商务局）\n二、保障\n内容。\n某某市人民政府\n2022年3月1日")
    assert [(m.label, str(m.deadline)) for m in found.measures if m.task == 1] == [
        ("优化营商环境", "2022-06"), ("推进项目建设", "2022")]


def test_a_role_noun_after_a_copula(extract_text):
    found = extract_text("国务院办公厅关于某事的意见\n二、明确工作职责\n国务院办公厅是全国政务新媒体工作的主管单位。内容。\n三、其他\n内容。")
    assert roles(found)[-1:] == [("国务院办公厅", "lead", "measure")] or ("国务院办公厅", "lead", "task") in roles(found)


def test_you_marks_the_agent_inside_a_measure_but_not_a_drafting_act(extract_text):
    inside = extract_text("北京市某某指导意见\n三、保障措施\n（三）加强试点示范推广\n由北京市经济和信息化局会同数据专区监管部门组织做好试点示范。\n四、其他\n内容。")
    assert ("北京市经济和信息化局", "lead", "guarantee") in roles(inside)
    document = extract_text("关于某公告的解读\n具体退税管理办法由税务总局会同财政部制定。")
    assert [r for r in roles(document) if r[1] in ("lead", "support")] == []


@pytest.mark.parametrize("bracket, expected", [
    # 按职责分工负责 beside a unit that 牵头 supports it; alone it leads.
    ("（合肥海关牵头，省港航集团、省机场集团按职责分工负责）",
     [("合肥海关", "lead"), ("安徽省机场集团", "support"), ("安徽省港航集团", "support")]),
    ("（省商务厅、省司法厅按职责分工负责）", [("安徽省司法厅", "lead"), ("安徽省商务厅", "lead")]),
    # The lead or member units of a team are not one body: no responsibility.
    ("（省商务厅牵头，省某某产业推进组工作专班成员单位按职责分工负责）", [("安徽省商务厅", "lead")]),
])
def test_roles_beside_a_lead_and_units_of_a_team(extract_text, bracket, expected):
    found = extract_text(PLAN.format("1﹒推进外网建设。加快建设。" + bracket))
    assert assignments(found) == expected
    assert [r for r in roles(found) if r[0].endswith("工作专班")] == []


def test_drafting_and_issuing_are_told_apart(extract_text):
    found = extract_text("关于某公告的解读\n财政部会同商务部发布了《某某公告》。税务总局研究制定了《某某办法》。"
                         "根据《国务院关于加强数字政府建设的指导意见》，制定本办法。")
    got = sorted((r.agency, r.role.value, r.subject.key) for r in found.responsibilities
                 if r.role.value in ("drafted", "issued"))
    assert got == [("商务部", "issued", "某某公告"), ("国务院", "issued", "国务院关于加强数字政府建设的指导意见"),
                   ("国家税务总局", "drafted", "某某办法"), ("财政部", "issued", "某某公告")]


def test_the_sign_off_issued_the_notice_and_what_it_issues(extract_text):
    found = extract_text("某某局关于印发《某某办法》的通知\n各区：\n现将《某某办法》印发给你们。\n北京市经济和信息化局\n2022年1月5日\n"
                         "某某办法\n第一条 内容。")
    got = {(r.agency, r.role.value, r.subject.key) for r in found.responsibilities if r.subject.kind == "document"}
    assert ("北京市经济和信息化局", "issued", "某某办法") in got
    assert any(k.startswith("某某局关于印发") and role == "issued" for _, role, k in got)


def test_a_labelled_assignment_line_without_brackets_assigns_its_item(extract_text):
    text = ("安徽省人民政府办公厅关于印发行动计划的通知\n一、重点任务\n（一）推进审批改革。加强服务。\n"
            "牵头单位：省发展改革委；责任单位：省财政厅、省商务厅；配合单位：省统计局\n（二）优化服务。做好保障。")
    found = extract_text(text)
    assert assignments(found) == [("安徽省发展和改革委员会", "lead"), ("安徽省商务厅", "support"),
                                  ("安徽省统计局", "support"), ("安徽省财政厅", "support")]
    assert {r.subject.key for r in found.responsibilities if r.evidence.rule == "responsibility.assignment"} == {
        (found.tasks[0].document, found.tasks[0].order)}  # item （一）, not （二）
    assert [m.label for m in found.measures if m.task == 1] == ["加强服务"]  # the line is no measure


def test_a_labelled_line_ends_where_the_next_heading_runs_into_it(extract_text):
    # A page whose line breaks were lost: the next item's title runs into the last unit of the list.
    text = ("安徽省人民政府办公厅关于印发行动计划的通知\n一、重点任务\n（一）“互联网+”协同制造。加强服务。"
            "牵头单位：省经济和信息化厅，配合单位：省商务厅“互联网+”现代农业：推进农业物联网应用。"
            "牵头单位：省农业农村厅，配合单位：省统计局（三）“互联网+”商贸流通。内容。")
    found = extract_text(text)
    assert {r.agency for r in found.responsibilities if r.evidence.rule == "responsibility.assignment"} == {
        "安徽省经济和信息化厅", "安徽省商务厅", "安徽省农业农村厅", "安徽省统计局"}


def test_a_unit_marked_as_lead_leads_its_list_and_the_others_support(extract_text):
    text = "国务院办公厅关于印发分工方案的通知\n（一）推进审批改革。责任单位：财政部（牵头）、商务部、民政部。"
    assert assignments(extract_text(text)) == [("商务部", "support"), ("民政部", "support"), ("财政部", "lead")]


def test_generic_units_of_an_assignment_keep_their_role(extract_text):
    text = "国务院办公厅关于印发分工方案的通知\n（一）推进审批改革。（司法部牵头，各地区、各部门按职责分工负责）"
    assert assignments(extract_text(text)) == [("司法部", "lead"), ("各地区", "support"), ("各部门", "support")]


def test_units_that_carry_out_by_their_duties_lead(extract_text):
    text = "国务院办公厅关于印发分工方案的通知\n（一）强化资金支持。加强统筹。（省发展改革委、省财政厅等部门按职责分工落实）"
    found = extract_text("广东省" + text)
    assert {(r.agency, r.role.value) for r in found.responsibilities if r.evidence.rule == "responsibility.assignment"} == {
        ("广东省发展和改革委员会", "lead"), ("广东省财政厅", "lead")}


def test_agencies_opening_a_clause_with_a_verb_inside_a_measure_carry_it_out(extract_text):
    text = "某某行动方案\n三、保障措施\n（一）强化财政资金支持。省有关部门争取中央预算内资金。\n（二）加强宣传。内容。"
    found = extract_text(text)
    assert [(r.agency, r.role.value) for r in found.responsibilities if r.evidence.rule == "responsibility.subject"] == [
        ("省有关部门", "lead")]


def test_an_agency_right_after_an_items_number_is_its_subject(extract_text):
    found = extract_text("关于做好某项工作的通知\n一、各地各部门要强化属地责任，细化工作举措，加强日常调度。"
                         "确保各项任务取得实效。\n二、重点企业要梳理问题，细化方案。")
    # 各地各部门: two generic actors written one after the other, both leading
    assert {("各地", "lead"), ("各部门", "lead")} <= {(r.agency, r.role.value) for r in found.responsibilities}


def test_items_with_their_own_assignments_are_measures_of_the_section_that_holds_them(extract_text):
    text = ("国务院办公厅关于印发分工方案的通知\n一、深化改革\n"
            "（一）优化审批服务，推进审批改革。（国务院办公厅牵头，各地区、各部门负责）具体措施：\n"
            "1．简化审批程序。（司法部牵头，民政部参与）\n2．推行告知承诺制。（商务部负责）\n二、加强监管\n内容。")
    found = extract_text(text)
    tasks = {t.order: t.label for t in found.tasks}
    measures = {(m.task, m.order): m.label for m in found.measures}
    assert list(tasks.values()) == ["优化审批服务，推进审批改革"]
    assert list(measures.values()) == ["简化审批程序", "推行告知承诺制"]
    by_subject = {}
    for r in found.responsibilities:
        if r.evidence.rule == "responsibility.assignment":
            by_subject.setdefault((r.subject.kind, r.subject.key[1:]), set()).add((r.agency, r.role.value))
    assert by_subject == {
        ("task", (1,)): {("国务院办公厅", "lead"), ("各地区", "support"), ("各部门", "support")},
        ("measure", (1, 1)): {("司法部", "lead"), ("民政部", "support")},
        ("measure", (1, 2)): {("商务部", "lead")},
    }


def test_an_assignment_keeps_the_deadline_it_writes_and_whether_it_has_no_end(extract_text):
    text = ("国务院办公厅关于印发分工方案的通知\n（一）推进审批改革。加强服务。（2023年6月底前完成，司法部牵头，民政部参与）\n"
            "（二）优化服务。做好保障。（商务部负责，长期坚持）")
    found = {(r.agency, str(r.deadline) if r.deadline else None, r.ongoing)
             for r in extract_text(text).responsibilities if r.evidence.rule == "responsibility.assignment"}
    assert found == {("司法部", "2023-06", False), ("民政部", "2023-06", False), ("商务部", None, True)}


def test_each_article_of_a_rule_book_assigns_its_own_duties(extract_text):
    text = ("广州市工业和信息化委关于印发补贴资金管理办法的通知\n补贴资金管理办法\n第一章总则\n"
            "第四条 市工业和信息化委负责补贴资金的具体管理工作。\n"
            "第七条 市工业和信息化委会同市财政局每年度发布申报通知。\n")
    found = [(r.agency, r.role.value) for r in extract_text(text).responsibilities if r.evidence.rule == "responsibility.subject"]
    assert found.count(("广州市工业和信息化委员会", "lead")) == 2  # one duty in each article
    assert ("广州市财政局", "support") in found


def test_agencies_that_take_part_support(extract_text):
    text = "关于印发应急预案的通知\n一、污染处置组。由环境保护部牵头，公安部、交通运输部等参加。\n二、其他。内容。"
    found = {(r.agency, r.role.value) for r in extract_text(text).responsibilities}
    assert {("环境保护部", "lead"), ("公安部", "support"), ("交通运输部", "support")} <= found


def test_those_after_a_leads_huitong_support_it(extract_text):
    text = "安徽省某某行动方案\n三、保障措施\n（一）加强调度。各地节能主管部门要牵头会同有关部门、省统计局，加强日常调度。\n（二）其他。内容。"
    found = {(r.agency, r.role.value) for r in extract_text(text).responsibilities}
    assert found == {("各地节能主管部门", "lead"), ("有关部门", "support"), ("安徽省统计局", "support")}


@pytest.mark.parametrize("members, expected", [
    # a unit no rule knows, inside the list or last before 等参加, leaves the others in it
    ("公安部、某某特勤部、交通运输部等参加", {"公安部", "交通运输部"}),
    ("公安部、交通运输部、某某特勤部等参加", {"公安部", "交通运输部"}),
    # a clause that is no list of units is not read as one
    ("公安部、交通运输部加强巡查等工作。", set()),
])
def test_a_list_of_units_keeps_those_around_one_unknown(extract_text, members, expected):
    text = f"关于印发应急预案的通知\n一、污染处置组。由环境保护部牵头，{members}。\n二、其他。内容。"
    found = {r.agency for r in extract_text(text).responsibilities if r.role.value == "support"}
    assert found == expected


def test_the_general_departments_of_the_pla_are_bodies_of_their_time(extract_text):
    text = "国务院办公厅关于印发应急预案的通知\n一、污染处置组。由环境保护部牵头，公安部、总参作战部、武警总部等参加。\n二、其他。内容。"
    found = {(r.agency, r.role.value) for r in extract_text(text).responsibilities}
    assert {("中国人民解放军总参谋部作战部", "support"), ("中国人民武装警察部队总部", "support")} <= found


def test_towns_and_subdistricts_of_an_assignment_are_the_countys(extract_text):
    text = ("上海市松江区人民政府办公室关于印发计划的通知\n二、主要任务\n1.推进更新。实施项目。"
            "（牵头单位：永丰街道、泗泾镇，支撑单位：区文化旅游局）\n三、其他\n内容。")
    found = {(r.agency, r.role.value) for r in extract_text(text).responsibilities if r.role.value != "issued"}
    assert found == {("上海市松江区永丰街道办事处", "lead"), ("上海市松江区泗泾镇人民政府", "lead"),
                     ("上海市松江区文化和旅游局", "support")}


def test_those_an_agency_helps_lead(extract_text):
    text = ("广东省人民政府办公厅关于印发方案的通知\n三、保障措施\n（一）完善统计。统计部门、燃气公司、油品销售公司等配合"
            "节能主管部门开展能源消费数据统计。\n（二）其他。内容。")
    found = {(r.agency, r.role.value) for r in extract_text(text).responsibilities if r.role.value != "issued"}
    assert found == {("统计部门", "support"), ("节能主管部门", "lead")}


@pytest.mark.parametrize("convention, expected", [
    ("列第一位的为牵头单位，下同。", [("安徽省商务厅", "lead"), ("安徽省统计局", "support"), ("安徽省财政厅", "support")]),
    ("责任单位第一个为牵头单位，其余为配合单位。",
     [("安徽省商务厅", "lead"), ("安徽省统计局", "support"), ("安徽省财政厅", "support")]),
    ("排在首位的为牵头单位。", [("安徽省商务厅", "lead"), ("安徽省统计局", "support"), ("安徽省财政厅", "support")]),
    ("第一个逗号前为牵头单位，下同。", [("安徽省商务厅", "lead"), ("安徽省统计局", "support"), ("安徽省财政厅", "lead")]),
    ("", [("安徽省商务厅", "lead"), ("安徽省统计局", "lead"), ("安徽省财政厅", "lead")]),
])
def test_a_document_says_which_of_its_listed_units_leads(extract_text, convention, expected):
    text = PLAN.format(f"推进开放。（责任单位：省商务厅、省财政厅，省统计局；{convention}）")
    assert assignments(extract_text(text)) == expected


def test_units_before_a_comma_share_the_role_word_after_it(extract_text):
    text = PLAN.format("推进开放。（省发展改革委牵头负责，省工业和信息化厅、财政厅，各市人民政府配合）")
    assert assignments(extract_text(text)) == [("各市人民政府", "support"), ("安徽省发展和改革委员会", "lead"),
                                               ("安徽省工业和信息化厅", "support"), ("安徽省财政厅", "support")]


def test_the_offices_of_central_regulators_are_named_under_them(extract_text):
    text = ("广东省发展和改革委员会关于印发方案的通知\n（广东金融监管局、深圳金融监管局牵头负责，"
            "人行湖北省分行配合）")
    found = [a.canonical for a in extract_text(text).agencies][1:]
    assert found == ["国家金融监督管理总局广东监管局", "国家金融监督管理总局深圳监管局", "中国人民银行湖北省分行"]


def test_units_named_once_for_all_later_items_lead_each(extract_text):
    text = ("杭州市科学技术局关于印发行动计划的通知\n二、重点任务\n1.加快布局。内容。[责任单位：市科技局，各区、县（市）政府。"
            "以下均需各区、县（市）政府落实，不再列出]\n2.建设社区。内容。（责任单位：市经信局）\n三、保障\n内容。")
    found = extract_text(text)
    second_item = text.index("2.建设社区")
    first = {(r.agency, r.role.value) for r in found.responsibilities
             if r.role.value == "lead" and r.evidence.span.start < second_item}
    second = {(r.agency, r.role.value, r.evidence.rule) for r in found.responsibilities if r.evidence.span.start > second_item}
    assert first == {("杭州市科学技术局", "lead"), ("各区、县（市）政府", "lead")}
    assert second == {("杭州市经济和信息化局", "lead", "responsibility.assignment"),
                      ("各区、县（市）政府", "lead", "responsibility.carried")}


def test_a_provinces_departments_need_no_place_in_its_documents(extract_text):
    text = PLAN.format("推进开放。（责任单位：科技厅、经济和信息化厅、省国资委）设立政务服务大厅。")
    assert assignments(extract_text(text)) == [("安徽省人民政府国有资产监督管理委员会", "lead"),
                                               ("安徽省科学技术厅", "lead"), ("安徽省经济和信息化厅", "lead")]


def test_a_list_closed_by_a_generic_actor_and_a_manner_phrase_acts(extract_text):
    text = ("南充市人民政府办公室关于印发行动计划的通知\n三、工作要求\n"
            "市委组织部、市发改委等相关部门，结合职能分工，细化举措实施。")
    found = {(r.agency, r.role.value) for r in extract_text(text).responsibilities if r.role.value == "lead"}
    assert found == {("中共南充市委组织部", "lead"), ("南充市发展和改革委员会", "lead"), ("相关部门", "lead")}


def test_a_documents_stated_convention_is_no_unit(extract_text):
    text = PLAN.format("推进开放。（责任单位：省商务厅，省财政厅；第一个逗号前为牵头单位，多个牵头部门的按照职责分工负责，下同）")
    assert assignments(extract_text(text)) == [("安徽省商务厅", "lead"), ("安徽省财政厅", "support")]


def test_a_duty_to_help_is_support_and_organs_of_a_function_are_generic(extract_text):
    text = "某某应急预案\n公安机关及武警部队应当依法协助其执行任务。纪检监察机关负责监督。团市委机关配合。"
    found = extract_text(text)
    assert [(a.name, a.type.value) for a in found.agencies][:3] == [
        ("公安机关", "GenericActor"), ("武警部队", "Agency"), ("纪检监察机关", "GenericActor")]
    assert {(r.agency, r.role.value) for r in found.responsibilities} >= {
        ("公安机关", "support"), ("中国人民武装警察部队", "support"), ("纪检监察机关", "lead")}


def test_a_members_duties_after_a_colon_are_its_own(extract_text):
    text = ("平潭综合实验区管委会办公室关于印发应急预案的通知\n附件 成员单位职责\n区财政金融局：负责保证应急处理所需经费。\n"
            "区公安局：密切注视社会动态。\n经费：100万元。")
    found = {(r.agency, r.role.value) for r in extract_text(text).responsibilities if r.role.value != "issued"}
    assert found == {("平潭综合实验区财政金融局", "lead"), ("平潭综合实验区公安局", "lead")}


def test_units_carried_to_every_later_item_with_one_by_one_written_out(extract_text):
    text = ("广东省人民政府办公厅关于印发某方案的通知\n一、任务\n（一）提升服务。内容。（省商务厅牵头，"
            "各地级以上市人民政府按职责分工负责，以下均需各地级以上市人民政府落实，不再一一列出）\n"
            "（二）增强物流。内容。（省交通运输厅负责）\n")
    found = {(r.agency, r.role.value, r.subject.key) for r in extract_text(text).responsibilities}
    carried = {key for agency, role, key in found if agency.endswith("地级以上市人民政府")}
    assert len(carried) == 2, found  # both items, not only the first


def test_a_duty_inside_a_condition_assigns_nothing(extract_text):
    text = ("广东省人民政府关于印发某办法的通知\n第十条 灾害等级变化，依照本办法规定应当由上级人民政府负责调查评估的，"
            "上级人民政府可以另行组织调查评估。\n第十一条 由省应急管理部门负责组织实施。")
    found = {(r.agency, r.role.value) for r in extract_text(text).responsibilities}
    assert ("上级人民政府", "lead") not in found  # the 由…负责 of a condition (…的，)
    assert ("广东省应急管理厅", "lead") in found  # the 由…负责 of a plain clause


def test_units_act_after_a_clause_of_how_they_act(extract_text):
    text = ("中国人民银行等关于印发某行动方案的通知\n六、制度体系\n中国人民银行、金融监管总局、国家外汇局等中央金融管理部门"
            "根据离岸金融发展需要，研究依法制定业务规则。")
    found = {(r.agency, r.role.value) for r in extract_text(text).responsibilities}
    assert {("中国人民银行", "lead"), ("国家金融监督管理总局", "lead"), ("国家外汇管理局", "lead"),
            ("中央金融管理部门", "lead")} <= found


def test_a_subjects_duty_is_evidenced_by_its_clause_not_its_name_alone(extract_text):
    # 市财政局 opens a sentence of a measure: the evidence runs through what it is to do, to the clause's end
    text = "广州市人民政府关于印发《广州市数据开放行动方案》的通知\n一、总体要求\n内容。\n二、推进数据开放\n有序开放公共数据。市财政局会同市教育局建立开放目录，并定期公布。\n"
    found = extract_text(text)
    duties = [r for r in found.responsibilities if r.evidence.rule == "responsibility.subject"]
    assert {(r.agency, r.role.value) for r in duties} == {("广州市财政局", "lead"), ("广州市教育局", "support")}
    assert {text[r.evidence.span.start:r.evidence.span.end] for r in duties} == {"市财政局会同市教育局建立开放目录"}


def test_in_a_rule_books_article_units_before_a_preposition_act(extract_text):
    text = ("医疗保障经办规程\n第一章 总则\n第十二条 就医地经办机构在次月20日前完成对账。\n"
            "第十四条 省级财政部门向省级经办机构反馈到账信息。\n第十五条 参保人员可以向参保地经办机构申请。")
    found = roles(extract_text(text))
    assert ("就医地经办机构", "lead", "document") in found
    assert ("省级财政部门", "lead", "document") in found
    # the body a preposition names is no subject, and people who may apply are no body
    assert all(agency != "参保地经办机构" for agency, _, _ in found)


def test_after_how_units_act_wei_is_a_preposition_not_a_copula(extract_text):
    text = "医疗保障经办规程\n第一章 总则\n第八条参保地经办机构按规定为参保人员办理登记备案手续。"
    assert roles(extract_text(text)) == [("参保地经办机构", "lead", "document")]


def leads(found):
    return sorted(r.agency for r in found.responsibilities if r.role.value == "lead")


def test_in_an_emergency_plan_a_body_opening_a_sentence_does_what_it_says(extract_text):
    text = ("国家突发环境事件应急预案\n国务院办公厅履行信息汇总和综合协调职责。"
            "县级以上地方人民政府对应急处置工作提供资金保障。预警级别的具体划分标准，由环境保护部制定。"
            "原则上参保地经办机构应在两个工作日内办结。")
    assert set(leads(extract_text(text))) == {"参保地经办机构", "国务院办公厅", "县级以上地方人民政府", "环境保护部"}


def test_members_of_a_body_past_deeds_and_titles_are_no_duties(extract_text):
    text = ("国家突发环境事件应急预案\n国家环境应急指挥部主要由环境保护部、外交部、公安部等部门和单位组成。"
            "商务部举办了培训班。广东省人民政府办公厅关于印发方案的通知。")
    assert leads(extract_text(text)) == []


def test_in_a_work_report_a_body_opening_a_sentence_is_no_assignment(extract_text):
    text = "2026年某某省政府工作报告\n省发展改革委推动重大项目建设。"
    assert leads(extract_text(text)) == []


def test_a_members_duties_under_its_name_and_an_outline_number(extract_text):
    text = ("某某县人感染H7N9禽流感应急预案\n2.2 成员单位职责\n2.2.6财政部门职责负责安排防控工作所需经费。"
            "2.2.7工商部门职责加强对活禽市场的监管。2.2.8质监、食品药品监督部门职责加强对禽类产品的监管。")
    # a list of functions shares the head 部门 before 职责: each leads
    assert set(leads(extract_text(text))) == {"财政部门", "工商部门", "质监部门", "食品药品监督部门"}


# A task-division table as a .docx or an HTML page gives it: one row a line, cells between bars.
DIVISION = ("南京市2024年优化营商环境重点任务分工方案\n为贯彻落实省委、省政府决策部署，制定本方案。{note}\n"
            "| 序号 | 重点任务 | {heads} | 完成时限 |\n"
            "| 1 | 全面推行企业开办“一网通办”。 | {row1} | 2024年6月底前 |\n"
            "| 2 | 推进工程建设项目审批制度改革。 | {row2} | 2024年12月 |\n")


def test_a_task_tables_lead_and_support_columns_assign_each_row(extract_text):
    found = extract_text(DIVISION.format(note="", heads="牵头单位 | 配合单位",
                                         row1="市市场监管局 | 市公安局、市税务局",
                                         row2="市住房城乡建设局 | 市发展改革委"))
    pairs = sorted((r.agency, r.role.value, str(r.deadline)) for r in found.responsibilities
                   if r.evidence.rule == "responsibility.assignment")
    assert pairs == [("南京市住房和城乡建设局", "lead", "2024-12"), ("南京市公安局", "support", "2024-06"),
                     ("南京市发展和改革委员会", "support", "2024-12"), ("南京市市场监督管理局", "lead", "2024-06"),
                     ("国家税务总局南京市税务局", "support", "2024-06")]
    # each unit is assigned by its own row: the evidence is the cell, on the row's line
    lines = {r.agency: found.sentences[r.evidence.sentence].text for r in found.responsibilities
             if r.evidence.rule == "responsibility.assignment"}
    assert "市公安局" in lines["南京市公安局"] and "市发展改革委" in lines["南京市发展和改革委员会"]


@pytest.mark.parametrize("note, expected", [
    # no convention stated: every unit of a 责任单位 column is responsible alike
    ("", [("南京市商务局", "lead"), ("南京市市场监督管理局", "lead"), ("南京市财政局", "lead")]),
    # 列第一位的为牵头单位: the first unit of each row leads, the others support
    ("责任单位列第一位的为牵头单位。", [("南京市商务局", "support"), ("南京市市场监督管理局", "lead"), ("南京市财政局", "lead")]),
])
def test_a_responsible_column_follows_the_documents_convention(extract_text, note, expected):
    found = extract_text(DIVISION.format(note=note, heads="主要责任单位", row1="市市场监管局、市商务局", row2="市财政局"))
    assert sorted((r.agency, r.role.value) for r in found.responsibilities
                  if r.evidence.rule == "responsibility.assignment") == expected


def test_a_table_without_a_unit_column_assigns_nothing(extract_text):
    # 单位 heads a column of units of measure here, and 市场主体 is no body
    found = extract_text("南京市2024年主要指标\n内容。\n| 指标 | 单位 | 目标值 |\n| 市场主体数量 | 万户 | 120 |\n")
    assert [r for r in found.responsibilities if r.evidence.rule == "responsibility.assignment"] == []


def test_a_row_short_of_merged_cells_keeps_its_columns(extract_text):
    # the first two cells of the second row were merged into those above (序号, 任务): aligned from the right
    text = ("南京市2024年重点任务分工\n内容。\n| 序号 | 重点任务 | 具体措施 | 牵头单位 | 配合单位 |\n"
            "| 1 | 优化营商环境 | 推行“一网通办”。 | 市发展改革委 | 市公安局 |\n| 推行“证照分离”。 | 市市场监管局 | 市司法局 |\n")
    found = extract_text(text)
    assert sorted((r.agency, r.role.value) for r in found.responsibilities
                  if r.evidence.rule == "responsibility.assignment") == sorted([
        ("南京市公安局", "support"), ("南京市司法局", "support"), ("南京市发展和改革委员会", "lead"), ("南京市市场监督管理局", "lead")])


# The same table copied from a page that lost its cell breaks: header and rows run together.
GLUED = ("南京市2024年生态环境保护工作要点\n{body}附件：工作要点分工表 序号主要工作任务具体工作措施{header}任务来源"
         "1推进生态文明建设1、成立生态文明建设领导小组3月市发展改革委市生态环境局1、2024年省政府工作要点"
         "2、制定实施方案，报省生态环境厅6月底前市生态环境局、市财政局市委关于加强生态环境保护的意见"
         "3、开展环保综合督查全年各区人民政府 注：主要责任单位第一个为牵头单位，其余为主要配合单位。")


def glued(found):
    return sorted((r.agency, r.role.value, str(r.deadline)) for r in found.responsibilities
                  if r.evidence.rule == "responsibility.row")


def test_a_glued_task_tables_rows_assign_the_bodies_beside_their_deadline(extract_text):
    found = extract_text(GLUED.format(body="全市要加强生态环境保护。", header="完成时限主要责任单位"))
    # 省政府 of a source (2024年省政府工作要点) and 省生态环境厅 of a task stand beside no deadline cell, and
    # 市委 opens a source's title (市委关于…的意见)
    assert glued(found) == sorted([
        ("南京市发展和改革委员会", "lead", "2024-03"), ("南京市生态环境局", "support", "2024-03"),
        ("南京市生态环境局", "lead", "2024-06"), ("南京市财政局", "support", "2024-06"),
        ("各区人民政府", "lead", "2024")])


def test_a_run_of_bodies_without_such_a_header_is_no_row(extract_text):
    # the same rows under a header with no column of units: nothing is assigned by position
    found = extract_text(GLUED.format(body="", header="完成时限备注"))
    assert glued(found) == []


def test_a_glued_rows_units_follow_a_comma_convention(extract_text):
    # 第一个逗号前为牵头单位: those before the run's first comma lead, the others support
    text = ("南京市2024年重点工作分工\n注：第一个逗号前为牵头单位。\n附件：分工表 序号重点任务完成时限责任单位"
            "1、推进数字政府建设6月底前市数据局、市财政局，市发展改革委2、推进改革12月底前市司法局")
    assert glued(extract_text(text)) == sorted([
        ("南京市数据局", "lead", "2024-06"), ("南京市财政局", "lead", "2024-06"),
        ("南京市发展和改革委员会", "support", "2024-06"), ("南京市司法局", "lead", "2024-12")])
