def test_last_cue_of_the_lead_in_decides(extract_text):
    text = "以问题为导向，主要呈现以下2个突出特点：\n一是突出了目标导向。内容。二是突出了支撑作用。内容。"
    found = extract_text(text)
    assert [f.label for f in found.features] == ["突出了目标导向", "突出了支撑作用"]
    assert found.problems == []


def test_problems_from_a_lead_in_in_the_same_paragraph(extract_text):
    found = extract_text("工作还存在一定差距：一是质量还不够高，数量比较少。二是支撑不足。为此，制定方案。")
    assert [p.label for p in found.problems] == ["质量还不够高，数量比较少", "支撑不足"]


def test_tasks_from_a_heading_and_measures_from_their_body(extract_text):
    text = "三、主要任务\n一是推进创造。制定战略；实施工程。\n二是加强保护。完善机制。"
    found = extract_text(text)
    assert [(t.order, t.label) for t in found.tasks] == [(1, "推进创造"), (2, "加强保护")]
    assert [(m.task, m.order, m.label) for m in found.measures] == [
        (1, 1, "制定战略"), (1, 2, "实施工程"), (2, 1, "完善机制")]


def test_tasks_as_numbered_subsections(extract_text):
    text = "二、重点任务\n（一）培育平台。重点培育一批平台；支持建设企业级平台。\n（二）推动上云。建立资源池。\n三、其他\n内容。"
    found = extract_text(text)
    assert [t.label for t in found.tasks] == ["培育平台", "推动上云"]
    assert [(m.task, m.label) for m in found.measures] == [
        (1, "重点培育一批平台"), (1, "支持建设企业级平台"), (2, "建立资源池")]


def test_guarantee_clauses_drop_the_subject_and_stop_at_the_closing(extract_text):
    text = ("北京市关于知识产权的通知\n四、保障措施\n"
            "中关村管委会和市知识产权局将进一步加强协调合作，建立工作机制，并通过开展宣传培训活动，"
            "建立第三方评估机制等方面的工作，切实推动方案的实施落实，营造良好环境。")
    found = extract_text(text)
    assert [g.label for g in found.guarantees] == [
        "进一步加强协调合作", "建立工作机制", "开展宣传培训活动", "建立第三方评估机制"]
    leads = {(r.agency, r.subject.key[1]) for r in found.responsibilities if r.role.value == "lead"}
    assert leads == {(a, k) for a in ("中关村科技园区管理委员会", "北京市知识产权局") for k in (1, 2, 3, 4)}


def test_sections_of_sections_with_items_make_their_sub_sections_tasks(extract_text):
    text = ("关于推进人才工程的实施意见\n一、总体目标\n内容。\n二、实施行动计划\n（一）产业人才行动计划。内容：\n"
            "2.企业家项目。内容。（牵头单位：市委组织部）\n3.技能项目。内容。（牵头单位：市人社局）\n"
            "（二）科技人才行动计划。内容：\n4.博士后项目。内容。（牵头单位：市人社局）\n")
    found = extract_text(text)
    assert [t.label for t in found.tasks] == ["产业人才行动计划", "科技人才行动计划"]
    assert [(m.task, m.label) for m in found.measures] == [(1, "企业家项目"), (1, "技能项目"), (2, "博士后项目")]


PLAN_BODY = ("一、总体要求\n到2027年，初步建立制度体系。\n"
             "二、推进数据开放\n有序开放公共数据。市财政局建立开放目录。\n"
             "三、加强安全管理\n市教育局定期开展安全评估。\n")


def test_a_notice_whose_page_gives_the_plan_it_issues_straight_after_its_title_has_the_plans_tasks(extract_text):
    # A web page of 关于印发《…》的通知 that holds the plan's text under the notice's title, the plan no
    # part of its own: the notice's sections are the plan's, so they are tasks and their subjects lead.
    found = extract_text("广州市人民政府关于印发《广州市公共数据开放行动方案》的通知\n" + PLAN_BODY)
    assert [t.label for t in found.tasks] == ["推进数据开放", "加强安全管理"]
    leads = {r.agency for r in found.responsibilities if r.role.value == "lead"}
    assert leads == {"广州市财政局", "广州市教育局"}


def test_a_notice_issuing_no_plan_keeps_its_sections_as_they_are(extract_text):
    found = extract_text("广州市人民政府关于印发《广州市公共数据管理办法》的通知\n" + PLAN_BODY)
    assert found.tasks == []


def test_each_numbered_section_of_a_set_of_measures_is_a_task_whatever_the_title_calls_them(extract_text):
    for kind in ("若干措施", "若干举措"):
        text = (f"某县关于加快打造创业高地的{kind}（征求意见稿）\n一、创业空间零成本。为入驻主体提供免收场地租金服务。"
                "（责任单位：县科技局）\n二、多方位资金支持。对创业者给予贴息支持。（责任单位：县财政局）")
        found = extract_text(text)
        assert [t.label for t in found.tasks] == ["创业空间零成本", "多方位资金支持"], kind
