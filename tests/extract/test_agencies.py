import pytest


def agencies(extract_text, text):
    return [(a.name, a.canonical, a.type.value) for a in extract_text(text).agencies]


def test_relative_names_take_the_documents_region(extract_text):
    text = "北京市关于加强知识产权工作的通知\n中关村管委会和市知识产权局将加强协调。"
    assert agencies(extract_text, text) == [
        ("中关村管委会", "中关村科技园区管理委员会", "Agency"),
        ("市知识产权局", "北京市知识产权局", "Agency"),
    ]


def test_province_prefix_and_short_forms_expand(extract_text):
    text = "安徽省人民政府办公厅关于印发行动计划的通知\n（省发展改革委牵头，合肥海关配合）"
    found = agencies(extract_text, text)
    assert ("省发展改革委", "安徽省发展和改革委员会", "Agency") in found
    assert ("合肥海关", "合肥海关", "Agency") in found


def test_known_names_and_aliases(extract_text):
    found = agencies(extract_text, "国家医保局会同财政部研究制定了办法。")
    assert found == [("国家医保局", "国家医疗保障局", "Agency"), ("财政部", "财政部", "Agency")]


def test_public_institutions_a_duty_list_names(extract_text):
    text = "三明市人感染H7N9禽流感应急预案\n市疾控中心负责监测，市医院负责救治，省疾病预防控制中心负责复核。"
    assert agencies(extract_text, text) == [
        ("市疾控中心", "三明市疾病预防控制中心", "Agency"),
        ("市医院", "三明市医院", "Agency"),
        ("省疾病预防控制中心", "福建省疾病预防控制中心", "Agency"),
    ]


def test_a_bodys_divisions_and_the_villages_are_generic_after_a_quantifier(extract_text):
    text = "君山片区森林防火工作方案\n各处室（中心）、各村（居）要高度重视，各业务处室按职责分工负责。"
    assert [(n, t) for n, _, t in agencies(extract_text, text)] == [
        ("各处室", "GenericActor"), ("各村（居）", "GenericActor"), ("各业务处室", "GenericActor")]


def test_protection_centres(extract_text):
    text = "充分发挥中国（北京）知识产权保护中心和中国（中关村）知识产权保护中心作用。"
    assert agencies(extract_text, text) == [
        ("中国（北京）知识产权保护中心", "中国（北京）知识产权保护中心", "ProtectionCentre"),
        ("中国（中关村）知识产权保护中心", "中国（中关村）知识产权保护中心", "ProtectionCentre"),
    ]


@pytest.mark.parametrize("text", [
    "构建知识产权大保护格局。",
    "加强基层干部队伍建设。",
    "北京建设全国科技创新中心。",
    "内部转化部门能力不足。",
    "举办宣传培训活动。",
    "建设数字政府。",
    "鼓励企业设立地区总部和研发总部。",
])
def test_words_that_only_look_like_agencies(extract_text, text):
    assert agencies(extract_text, text) == []


def test_relative_names_at_every_level(extract_text):
    text = "阿坝州人民政府办公室关于印发某办法的通知\n州人民政府加强组织领导。"
    assert ("州人民政府", "阿坝藏族羌族自治州人民政府", "Agency") in agencies(extract_text, text)


def test_self_reference_is_the_issuing_body(extract_text):
    text = ("北京市经济和信息化局印发《某某指导意见》的通知\n各区政府：\n我局制定了《某某指导意见》，现印发给你们。\n"
            "北京市经济和信息化局\n2022年11月21日")
    found = agencies(extract_text, text)
    assert ("我局", "北京市经济和信息化局", "Agency") in found


def test_names_in_an_assignment_list_are_taken_whole(extract_text):
    text = "安徽省某某行动计划\n一、行动\n（一）深化融合应用。内容。（责任单位：省推进工业互联网创新发展专项工作组，各市人民政府）"
    found = {name for _, name, kind in agencies(extract_text, text) if kind != "GenericActor"}
    assert "安徽省推进工业互联网创新发展专项工作组" in found
    assert not any("市人民政府" in name for name in found)  # 各市人民政府 is a generic actor, no body


def test_short_forms_that_exist_only_locally_take_the_province(extract_text):
    text = "安徽省某某政策\n（责任单位：省财政厅、地方金融监管局）"
    assert ("地方金融监管局", "安徽省地方金融监督管理局", "Agency") in agencies(extract_text, text)


def test_a_name_stops_at_a_person_or_a_place(extract_text):
    text = "安徽省某某名单\n成员：刘颖 安徽电信公司总经理\n张天培 省发展改革委主任"
    found = {name for _, name, _ in agencies(extract_text, text)}
    assert {"安徽电信公司", "安徽省发展和改革委员会"} <= found
    assert not any(name.startswith(("刘", "张")) for name in found)


@pytest.mark.parametrize("text", [
    "村民委员会依法开展工作。", "设立“三农”金融事业部。", "不断优化经济布局。", "各级党委书记要带头。",
])
def test_kinds_of_bodies_are_not_agencies(extract_text, text):
    assert agencies(extract_text, "关于某事的意见\n" + text) == []


@pytest.mark.parametrize("text, wanted", [
    # the Party committees and the governments of a class of places: two generic actors, the second
    # named with the scope of the first (as 各级人民政府 is one)
    ("各级党委和政府要加强领导。", [("各级党委", "各级党委"), ("政府", "各级政府")]),
    ("省（自治区、直辖市）党委、政府应当结合实际。", [("省（自治区、直辖市）党委", "省（自治区、直辖市）党委"),
                                           ("政府", "省（自治区、直辖市）政府")]),
    ("向同级党委和政府报告。", [("同级党委", "同级党委"), ("政府", "同级政府")]),
    # generic actors written one after the other: each its own
    ("各地区各部门要抓好落实。", [("各地区", "各地区"), ("各部门", "各部门")]),
])
def test_classes_of_committees_and_governments_are_generic_actors(extract_text, text, wanted):
    found = agencies(extract_text, "关于某事的意见\n" + text)
    assert [(name, canonical) for name, canonical, _ in found] == wanted
    assert {kind for _, _, kind in found} == {"GenericActor"}


def test_a_list_of_functions_under_the_state_council_names_the_central_bodies(extract_text):
    text = "关于某事的意见\n发展改革、财政、能源、林草等国务院有关职能部门要履行职责。"
    found = agencies(extract_text, text)
    assert [canonical for _, canonical, kind in found if kind == "Agency"] == [
        "国家发展和改革委员会", "财政部", "国家能源局", "国家林业和草原局"]
    assert ("国务院有关职能部门", "国务院有关职能部门", "GenericActor") in found


@pytest.mark.parametrize("written, full", [
    ("市住房城乡建设管理委", "上海市住房和城乡建设管理委员会"),  # the first pair of fields joined with 和, once
    ("市经济信息化委", "上海市经济和信息化委员会"),
    ("市文化广电旅游局", "上海市文化广电和旅游局"),
    ("市卫生健康委", "上海市卫生健康委员会"),  # no 和 in its full name
    ("市建设交通工作党委", "中共上海市建设交通工作委员会"),
    ("市高院", "上海市高级人民法院"),
    ("市机管局", "上海市机关事务管理局"),
])
def test_everyday_short_forms_of_local_bodies_expand_by_their_grammar(extract_text, written, full):
    text = f"上海市人民政府办公厅关于某事的通知\n一、任务\n{written}要加强协调。"
    assert (written, full, "Agency") in agencies(extract_text, text)


def test_a_team_whose_units_are_assigned_is_mentioned(extract_text):
    text = "安徽省某某实施意见\n一、任务\n1.加强组织领导。内容。（省推进“三地一区”建设领导小组改革开放新高地执行小组成员单位按职责分工负责）"
    assert ("省推进“三地一区”建设领导小组改革开放新高地执行小组",
            "安徽省推进“三地一区”建设领导小组改革开放新高地执行小组", "Agency") in agencies(extract_text, text)


def test_a_zones_committee_is_a_body(extract_text):
    text = "包头市人民政府办公室关于某事的通知\n各旗、县、区人民政府，稀土高新区管委会，市直有关部门：\n现将有关事项通知如下。"
    found = agencies(extract_text, text)
    assert ("稀土高新区管委会", "稀土高新区管理委员会", "Agency") in found
    assert not any(name == "稀土高新区" for name, _, _ in found)


def test_units_after_a_citys_unit_in_an_assignment_are_the_citys(extract_text):
    text = "包头市某某考评细则\n一、政务服务\n1.开通全程网办。内容。（牵头考核单位：市住建局、审批服务局）"
    assert ("审批服务局", "包头市审批服务局", "Agency") in agencies(extract_text, text)


def test_the_sign_off_names_the_issuer_whatever_its_name_looks_like(extract_text):
    text = ("某某执行小组办公室关于印发某某意见的通知\n省有关单位：\n现将《某某意见》印发给你们。\n"
            "安徽省某某建设执行小组办公室\n2022年3月23日")
    assert ("安徽省某某建设执行小组办公室", "安徽省某某建设执行小组办公室", "Agency") in agencies(extract_text, text)


GUANGZHOU = ("关于推进人才工程的实施意见\n为把广州建设成为人才港，根据《广州市人民政府关于某事的决定》，提出意见。\n"
             "一、行动\n1.项目。在广州开展。支持广州发展。宣传广州经验。服务广州企业。（牵头单位：{}）")


@pytest.mark.parametrize("unit, canonical", [
    ("市教育局", "广州市教育局"),  # the city comes from the body when no title or sign-off names it
    ("市国资委", "广州市人民政府国有资产监督管理委员会"),
    ("团市委", "共青团广州市委员会"),
    ("市法院", "广州市中级人民法院"),
    ("市检察院", "广州市人民检察院"),
    ("市财政局、越秀区", "广州市越秀区人民政府"),  # a district in an assignment list: its government
])
def test_short_and_relative_forms_in_a_city_document(extract_text, unit, canonical):
    assert canonical in {c for _, c, _ in agencies(extract_text, GUANGZHOU.format(unit))}


def test_generic_actors_are_kept_as_such_and_never_resolved_to_one_body(extract_text):
    text = ("国务院办公厅关于印发重点任务分工方案的通知\n"
            "（一）优化审批服务。（国家发展改革委牵头，国务院相关部门按职责分工负责）"
            "各地区、各部门要加强组织领导，价格主管部门会同能源主管部门做好测算。")
    ex = extract_text(text)
    generic = [(a.name, a.level) for a in ex.agencies if a.type.value == "GenericActor"]
    assert generic == [("国务院相关部门", "central"), ("各地区", None), ("各部门", None),
                       ("价格主管部门", None), ("能源主管部门", None)]
    assert "国务院" not in {a.canonical for a in ex.agencies}  # not the State Council itself
    pairs = {(r.agency, r.role.value) for r in ex.responsibilities}
    assert ("国务院相关部门", "support") in pairs and ("国家发展和改革委员会", "lead") in pairs


@pytest.mark.parametrize("text, name, level", [
    ("县级以上地方人民政府医疗保障行政部门负责本行政区域的监督管理。", "县级以上地方人民政府医疗保障行政部门", "county"),
    ("省直各有关单位要抓好落实。", "省直各有关单位", "province"),
    ("加强与相关部门的协调合作。", "相关部门", None),
])
def test_a_generic_actor_and_the_level_it_speaks_of(extract_text, text, name, level):
    found = [(a.name, a.type.value, a.level) for a in extract_text("关于某事的通知\n" + text).agencies]
    assert found == [(name, "GenericActor", level)]


@pytest.mark.parametrize("text", ["用人单位应当按时缴费。", "申报单位须提交材料。", "推动部门间数据共享。"])
def test_employers_applicants_and_bare_departments_are_no_generic_actors(extract_text, text):
    assert agencies(extract_text, "关于某事的通知\n" + text) == []


@pytest.mark.parametrize("name", ["中国人民银行广东省分行", "国家税务总局广东省税务局", "国家金融监督管理总局广东监管局"])
def test_a_central_bodys_office_in_a_place_is_one_body(extract_text, name):
    found = agencies(extract_text, "广东省发展改革委关于印发方案的通知\n" + name + "配合做好相关工作。")
    assert (name, name, "Agency") in found


def test_a_district_documents_relative_names_are_the_districts(extract_text):
    text = ("上海市松江区人民政府办公室关于转发区建设管理委制订的实施计划的通知\n"
            "（牵头单位：区规划资源局；支撑单位：区建设管理委、区交通委、区政府各部门）")
    ex = extract_text(text)
    assert ex.regions == {"province": "上海市", "city": "上海市", "county": "上海市松江区"}
    found = {(a.name, a.canonical) for a in ex.agencies}
    assert ("区建设管理委", "上海市松江区建设和管理委员会") in found
    assert ("区规划资源局", "上海市松江区规划和自然资源局") in found
    assert ("区交通委", "上海市松江区交通委员会") in found  # a committee's short form
    assert ("区政府各部门", "区政府各部门") in found  # a generic actor


@pytest.mark.parametrize("text, place, level", [
    ("广州市天河区科技工业和信息化局关于印发实施办法的通知", "广州市天河区", "county"),  # a district with its city
    ("重庆市忠县人民政府关于某事的通知", "忠县", "county"),  # a county stands alone
])
def test_every_county_is_a_place(extract_text, text, place, level):
    ex = extract_text(text + "\n内容。")
    assert ex.regions["county"] == place
    assert (place, level) in {(p.canonical, p.level) for p in ex.places}


def test_a_two_character_county_is_no_place_inside_a_common_word(extract_text):
    ex = extract_text("关于某事的通知\n加强省、市和县级统筹，提高县域经济水平。")
    assert [p.canonical for p in ex.places] == []


@pytest.mark.parametrize("name, canonical", [("市财政局", "广州市财政局"), ("市民政局", "广州市民政局")])
def test_bureaus_whose_names_end_like_a_common_word_are_bodies(extract_text, name, canonical):
    found = agencies(extract_text, f"广州市工业和信息化委关于印发办法的通知\n市工业和信息化委会同{name}联合组织项目申报。")
    assert (name, canonical, "Agency") in found


@pytest.mark.parametrize("name, canonical, kind", [
    ("市民政部门", "广州市民政局", "Agency"),  # the city's own bureau of that function
    ("省财政主管部门", "广东省财政厅", "Agency"),  # a province's is a 厅
    ("区财政部门", "区财政部门", "GenericActor"),  # every district's: a class (no district region here)
    ("各区民政部门", "各区民政部门", "GenericActor"),
    ("财政部门", "财政部门", "GenericActor"),
])
def test_a_function_named_with_a_relative_prefix_is_the_regions_body(extract_text, name, canonical, kind):
    found = agencies(extract_text, f"广州市人民政府办公厅关于印发实施细则的通知\n{name}负责审核。")
    assert (name, canonical, kind) in found


def test_the_bodies_of_a_level_named_without_a_place_are_a_class(extract_text):
    text = "广州市人民政府办公厅关于印发细则的通知\n由区民政部门委托镇人民政府(街道办事处)审批。各乡镇人民政府要落实。岳阳街道办事处配合。"
    found = [(a.name, a.type.value, a.level) for a in extract_text(text).agencies if a.type.value == "GenericActor"]
    assert ("镇人民政府", "GenericActor", "township") in found and ("街道办事处", "GenericActor", "township") in found
    assert ("各乡镇人民政府", "GenericActor", "township") in found
    assert [name for name, _, _ in found].count("街道办事处") == 1  # 岳阳街道办事处 is one office, no class


@pytest.mark.parametrize("name, level", [
    ("就医地经办机构", None), ("事发地人民政府", None),  # places named by their role
    ("县级以上地方人民政府", "county"), ("地方人民政府", "province"),  # a level, no place
])
def test_role_places_and_levels_make_generic_actors(extract_text, name, level):
    found = [(a.name, a.type.value, a.level) for a in extract_text(f"关于某事的通知\n{name}负责组织实施。").agencies]
    assert found == [(name, "GenericActor", level)]


def test_a_generic_actor_is_read_whole_before_its_parts(extract_text):
    found = [a.name for a in extract_text("关于某事的通知\n县级以上地方人民政府医疗保障行政部门负责监督管理。").agencies]
    assert found == ["县级以上地方人民政府医疗保障行政部门"]


def test_a_class_of_governments_standing_alone_acts_only_when_a_duty_follows(extract_text):
    found = [(a.name, a.level) for a in extract_text("关于某事的通知\n各地要强化属地责任。全国各地的企业积极参与。").agencies]
    assert found == [("各地", "province")]


def test_functions_sharing_one_head_are_each_a_mention(extract_text):
    text = ("广州市人民政府办公厅关于印发细则的通知\n市、区教育、公安、财政等单位按照各自职责主动配合。"
            "加强教育、人力资源社会保障、公安等部门业务协同。")
    found = [(a.name, a.canonical, a.type.value) for a in extract_text(text).agencies][1:]
    # 市、区: the city's body, and the districts' bodies as a class
    assert found == [("教育", "广州市教育局", "Agency"), ("教育", "区教育部门", "GenericActor"),
                     ("公安", "广州市公安局", "Agency"), ("公安", "区公安部门", "GenericActor"),
                     ("财政", "广州市财政局", "Agency"), ("财政", "区财政部门", "GenericActor"),
                     ("教育", "教育部门", "GenericActor"), ("人力资源社会保障", "人力资源社会保障部门", "GenericActor"),
                     ("公安", "公安部门", "GenericActor")]


def test_a_list_of_functions_holds_peoples_organisations_and_an_unknown_item(extract_text):
    text = "广州市人民政府办公厅关于印发细则的通知\n市、区审计、来穗人员服务管理、工会、团委、妇联等单位按照各自职责主动配合。"
    found = extract_text(text)
    city = [a.canonical for a in found.agencies if a.level != "county"][1:]
    assert city == ["广州市审计局", "市来穗人员服务管理部门", "广州市总工会", "共青团广州市委员会", "广州市妇女联合会"]
    districts = [a.canonical for a in found.agencies if a.type.value == "GenericActor" and a.canonical.startswith("区")]
    assert districts == ["区审计部门", "区来穗人员服务管理部门", "区工会", "区团委", "区妇联"]
    supports = {r.agency for r in found.responsibilities if r.role.value == "support"}
    assert {"广州市审计局", "共青团广州市委员会", "区妇联"} <= supports


def test_a_list_mostly_of_other_words_is_no_list_of_functions(extract_text):
    text = "广州市人民政府办公厅关于印发细则的通知\n加强规划、设计、建设、财政等部门协作。"
    assert [a.canonical for a in extract_text(text).agencies][1:] == []


@pytest.mark.parametrize("text, written, canonical", [
    ("广州市人民政府关于某事的通知\n市委、市政府高度重视。", "市委", "中共广州市委"),
    ("广西壮族自治区人民政府工作报告\n在自治区党委坚强领导下，全区奋力拼搏。", "自治区党委", "中共广西壮族自治区委"),
    ("广州市人民政府关于某事的通知\n中共广州市委部署。", "中共广州市委", "中共广州市委"),
    ("上海市松江区人民政府办公室关于某事的通知\n区委、区政府高度重视。", "区委", "中共上海市松江区委"),
])
def test_a_party_committee_is_one_body_however_it_is_written(extract_text, text, written, canonical):
    assert (written, canonical) in {(a.name, a.canonical) for a in extract_text(text).agencies}


@pytest.mark.parametrize("name, canonical", [("国务院医疗保障行政部门", "国家医疗保障局"), ("国务院卫生健康主管部门", "国家卫生健康委员会"),
                                             ("国务院财政部门", "财政部")])
def test_a_law_names_a_central_body_by_its_function(extract_text, name, canonical):
    found = agencies(extract_text, f"医疗保障基金使用监督管理条例\n{name}负责全国的监督管理工作。")
    assert (name, canonical, "Agency") in found


def test_bodies_listed_after_one_with_a_relative_prefix_share_it(extract_text):
    text = ("广东省人民政府办公厅关于印发方案的通知\n省发展改革委、省能源局会同省工业和信息化厅、生态环境厅、国资委、"
            "中国人民银行广东省分行等部门加强协同。各地市、有关部门要配合。")
    found = [(a.name, a.canonical) for a in extract_text(text).agencies if a.type.value == "Agency"][1:]
    assert found == [("省发展改革委", "广东省发展和改革委员会"), ("省能源局", "广东省能源局"),
                     ("省工业和信息化厅", "广东省工业和信息化厅"), ("生态环境厅", "广东省生态环境厅"),
                     ("国资委", "广东省人民政府国有资产监督管理委员会"), ("中国人民银行广东省分行", "中国人民银行广东省分行")]


def test_a_tax_bureau_is_the_state_taxation_administrations(extract_text):
    text = "广东省人民政府办公厅关于印发方案的通知\n（省财政厅、省税务局按职责分工落实）"
    assert [a.canonical for a in extract_text(text).agencies][-1] == "国家税务总局广东省税务局"


@pytest.mark.parametrize("text, expected", [
    ("国务院办公厅关于某事的通知\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n内容。",
     [("各省、自治区、直辖市人民政府", "province"), ("国务院各部委", "central")]),
    # each body of the list is that of every region of the set, never the central body of its name
    ("国家医保局 财政部关于某事的通知\n各省、自治区、直辖市和新疆生产建设兵团发展改革委、能源局：\n内容。",
     [("各省、自治区、直辖市和新疆生产建设兵团发展改革委", "province"), ("各省、自治区、直辖市和新疆生产建设兵团能源局", "province")]),
])
def test_the_regions_a_central_document_addresses_are_generic(extract_text, text, expected):
    found = [(a.canonical, a.level) for a in extract_text(text).agencies if a.type.value == "GenericActor"]
    assert found[:len(expected)] == expected
    assert "国家能源局" not in [a.canonical for a in extract_text(text).agencies]


def test_the_one_body_of_a_national_level_is_a_body(extract_text):
    text = "国家医保局关于某事的通知\n国家级经办机构负责统一组织。省级经办机构负责在省域范围内组织实施。"
    found = [(a.name, a.type.value) for a in extract_text(text).agencies][1:]
    assert found == [("国家级经办机构", "Agency"), ("省级经办机构", "GenericActor")]


def test_a_head_jieba_glued_to_the_next_word_still_ends_a_name(extract_text):
    # jieba cuts 市|工业和信息化|委和市|财政局 and 委对; but 委托 is a word, and no head
    text = "广州市人民政府关于某事的通知\n市工业和信息化委和市财政局负责。市工业和信息化委对项目进行审核。市政府委托第三方。"
    found = [a.canonical for a in extract_text(text).agencies][1:]
    assert found == ["广州市工业和信息化委员会", "广州市财政局", "广州市工业和信息化委员会", "广州市人民政府"]


@pytest.mark.parametrize("text, expected", [
    ("广东省人民政府关于某事的通知\n（省发展改革委，各地级以上市人民政府按职责分工负责）", [("各地级以上市人民政府", "city")]),
    ("梅州市科学技术局关于某事的通知\n各县（市、区）、梅州高新区管委会要落实。", [("各县（市、区）", "county")]),
    ("杭州市科学技术局关于某事的通知\n支持滨江区、余杭区等区、县（市）先行探索。结合各区、县（市）资源禀赋布局。",
     [("区、县（市）", "county"), ("各区、县（市）", "county")]),
    # not a set of governments: one level alone, a form's title, 两级, a body's name going on (each
    # district's bureau: a generic actor of its own)
    ("某某医保局关于某事的通知\n填写《____省（区、市）预付金额度表》。覆盖市、区两级部门。各区县教育局负责。",
     [("各区县教育局", None)]),
])
def test_the_governments_of_a_set_of_divisions_are_generic(extract_text, text, expected):
    found = [(a.name, a.level) for a in extract_text(text).agencies
             if a.type.value == "GenericActor" and a.evidence.rule == "agency.generic" and "部门" not in a.name]
    assert found == expected


def test_in_a_county_level_citys_document_shi_is_that_city(extract_text):
    text = "太仓市人民政府办公室关于印发行动计划的通知\n（牵头单位：市科技局，责任单位：市委组织部（人才办）、团市委）"
    found = [a.canonical for a in extract_text(text).agencies][1:]
    assert found == ["太仓市科学技术局", "中共太仓市委组织部", "中共太仓市委人才工作领导小组办公室", "共青团太仓市委员会"]


@pytest.mark.parametrize("written, canonical", [
    ("市人力社保局", "杭州市人力资源和社会保障局"), ("市委网信办", "中共杭州市委网络安全和信息化委员会办公室"),
    ("市委人才办", "中共杭州市委人才工作领导小组办公室"), ("市总工会机关", "杭州市总工会"), ("市教委", "杭州市教育委员会"),
])
def test_short_forms_of_local_bodies_expand(extract_text, written, canonical):
    found = extract_text(f"杭州市人民政府关于某事的通知\n（责任单位：{written}、市财政局）")
    assert [a.canonical for a in found.agencies][1] == canonical


def test_a_ministrys_notice_names_itself_by_its_head(extract_text):
    text = ("国土资源部关于开展执法检查工作的通知\n30日前，部形成并下发方案；各省向部报送成果；部将予以通报。"
            "东部地区和有关部门配合。")
    found = [(a.name, a.canonical) for a in extract_text(text).agencies if a.evidence.rule == "agency.self"]
    assert found == [("部", "国土资源部")] * 3


def test_a_bare_head_is_no_self_reference_outside_a_ministrys_documents(extract_text):
    text = "广州市人民政府关于某事的通知\n各区向部报送。"
    assert [a for a in extract_text(text).agencies if a.evidence.rule == "agency.self"] == []


BUREAU_PLAN = ("某县市场监督管理局关于印发2024年食品安全工作方案的通知\n各股室、各市场监管所：\n现将方案印发给你们。\n"
               "一、重点任务\n（一）开展校园食品安全专项整治。政法综治股牵头，各市场监管所配合。\n"
               "（二）加强执法。综合执法科要加大案件查办力度，每月报送至稽查处。\n{}\n某县市场监督管理局\n2024年3月1日\n")


def test_an_office_of_the_issuing_body_named_alone_is_that_bodys_office(extract_text):
    found = extract_text(BUREAU_PLAN.format(""))
    offices = [(a.name, a.canonical) for a in found.agencies if a.evidence.rule == "agency.issuer-office"]
    assert offices == [("政法综治股", "某县市场监督管理局政法综治股"), ("综合执法科", "某县市场监督管理局综合执法科"),
                       ("稽查处", "某县市场监督管理局稽查处")]
    leads = [r.agency for r in found.responsibilities if r.role.value == "lead"]
    assert leads == ["某县市场监督管理局政法综治股", "某县市场监督管理局综合执法科"]


def test_an_office_after_another_body_or_in_its_list_is_not_the_issuers(extract_text):
    found = extract_text(BUREAU_PLAN.format("由县经济发展局经济和信息处、县社会事业局卫生处、科技处负责。"))
    canonical = [a.canonical for a in found.agencies]
    assert not any(c.startswith("某县市场监督管理局") and c.endswith(("信息处", "科技处")) for c in canonical)


def test_an_office_in_brackets_after_a_unit_is_a_body_too(extract_text):
    text = "太仓市人民政府办公室关于印发行动计划的通知\n（牵头单位：市委组织部（人才办），责任单位：市委宣传部（网信办）、市政府办（金融））"
    found = [(a.name, a.canonical) for a in extract_text(text).agencies][1:]
    assert found == [("市委组织部", "中共太仓市委组织部"), ("人才办", "中共太仓市委人才工作领导小组办公室"),
                     ("市委宣传部", "中共太仓市委宣传部"), ("网信办", "中共太仓市委网络安全和信息化委员会办公室"),
                     ("市政府办（金融）", "太仓市人民政府办公室")]


def test_heads_after_a_generic_actor_share_its_quantifier(extract_text):
    text = "国务院办公厅关于某事的通知\n各有关地方、部门和单位根据工作需要，组织采取措施。各地区、部门负责人要到岗。"
    found = extract_text(text)
    assert [a.canonical for a in found.agencies if a.type.value == "GenericActor"] == [
        "各有关地方", "各有关部门", "各有关单位", "各地区"]
    assert {(r.agency, r.role.value) for r in found.responsibilities if r.role.value == "lead"} == {
        ("各有关地方", "lead"), ("各有关部门", "lead"), ("各有关单位", "lead")}


@pytest.mark.parametrize("opening", ["第一条", "第一条 ", "第一条\u3000\u3000"])  # spaces the reading drops before it
def test_a_head_before_a_verb_shares_the_quantifier_wherever_the_text_was_cleaned(extract_text, opening):
    # 单位 stands before a verb (派出), a preposition (对): a name of its own; before a noun (负责人) it is none
    found = extract_text(f"广东省自然灾害调查评估暂行办法\n{opening}省应急管理部门应当会同有关部门、单位派出工作组，"
                         "会同相关部门、单位对灾害情况进行研判。有关部门、单位负责人应当到岗。")
    assert [a.canonical for a in found.agencies if a.type.value == "GenericActor"] == [
        "有关部门", "有关单位", "相关部门", "相关单位", "有关部门"]


@pytest.mark.parametrize("text, canonical", [
    ("广州市人民政府关于某事的通知\n（责任单位：市委政法委、市财政局）", "中共广州市委政法委员会"),
    ("广州市天河区人民政府关于某事的通知\n（责任单位：区委统战部、区财政局）", "中共广州市天河区委统一战线工作部"),
    ("广州市人民政府关于某事的通知\n与香港特别行政区政府合作。", "香港特别行政区政府"),
    ("关于某事的通知\n中华人民共和国工业和信息化部负责。", "工业和信息化部"),
])
def test_full_official_names(extract_text, text, canonical):
    assert [a.canonical for a in extract_text(text).agencies][-1 if "中华" in text else 1] == canonical


def test_a_group_a_plan_sets_up_is_a_body(extract_text):
    text = ("国务院办公厅关于印发预案的通知\n指挥部设立工作组：\n一、污染处置组。由环境保护部牵头，公安部等参加。\n"
            "二、组织保障。由于工作需要，加强保障。")
    found = [(a.name, a.evidence.rule) for a in extract_text(text).agencies]
    assert ("污染处置组", "agency.plan-group") in found and not any(n.startswith("组织") for n, _ in found)


def test_working_groups_and_their_offices_are_bodies(extract_text):
    text = "南充市人民政府办公室关于某事的通知\n市人工智能产业链专班办公室（市科技局）发挥统筹协调作用。"
    assert [a.canonical for a in extract_text(text).agencies][1:] == ["南充市人工智能产业链专班办公室", "南充市科学技术局"]


@pytest.mark.parametrize("text, expected", [
    ("某某通知\n鼓励各地布局建设社区。", ["各地"]),
    ("某某通知\n鼓励县（市、区）配套设立基金。", ["县（市、区）"]),
    ("某某通知\n全国各地的企业积极参与。", []),
])
def test_regions_asked_to_act_are_generic_actors(extract_text, text, expected):
    assert [a.name for a in extract_text(text).agencies if a.type.value == "GenericActor"] == expected


def test_a_zone_a_committee_governs_is_its_documents_region(extract_text):
    text = ("平潭综合实验区管委会办公室关于印发工作要点的通知 区直各单位：\n3月区经发局区环土局负责。区交通与建设局负责检查指导。"
            "（责任单位：区经济发展局、人民银行平潭支行、区直各相关单位）")
    found = [(a.name, a.canonical) for a in extract_text(text).agencies if a.type.value == "Agency"]
    assert found == [("平潭综合实验区管委会办公室", "平潭综合实验区管理委员会办公室"), ("区经发局", "平潭综合实验区经济发展局"),
                     ("区环土局", "平潭综合实验区环土局"),
                     ("区交通与建设局", "平潭综合实验区交通与建设局"), ("区经济发展局", "平潭综合实验区经济发展局"),
                     ("人民银行平潭支行", "中国人民银行平潭支行")]


def test_a_body_spelled_out_once_names_its_abbreviations(extract_text):
    text = ("平潭综合实验区管委会办公室关于印发方案的通知\n区经济发展局负责统筹。（牵头单位：区经发局，配合单位：区财政金融局）"
            "区交通与建设局、区交建局配合。")
    found = [(a.name, a.canonical) for a in extract_text(text).agencies][1:]
    assert found == [("区经济发展局", "平潭综合实验区经济发展局"), ("区经发局", "平潭综合实验区经济发展局"),
                     ("区财政金融局", "平潭综合实验区财政金融局"), ("区交通与建设局", "平潭综合实验区交通与建设局"),
                     ("区交建局", "平潭综合实验区交通与建设局")]


def test_a_body_the_document_sets_up_is_named_wherever_it_acts(extract_text):
    text = ("广东省人民政府办公厅关于印发某办法的通知\n第五条 调查评估组由省应急管理部门组建。\n"
            "第六条 调查评估组实行组长负责制，内设技术组、管理组。\n（一）技术组负责查明灾害情况。\n"
            "（二）管理组负责查明管理情况。\n第七条 调查评估组组长主持会议，调查评估组成员应当回避。"
            "公安机关配合调查评估组开展工作。")
    found = agencies(extract_text, text)
    groups = [name for name, _, kind in found if name.endswith("组")]
    # 调查评估组 five times, three as a body (not where 组长 or 成员 follows), 技术组 and 管理组 twice each
    assert sorted(groups) == sorted(["调查评估组"] * 3 + ["技术组"] * 2 + ["管理组"] * 2)
    assert ("省应急管理部门", "广东省应急管理厅", "Agency") in found  # a function, not the ministry 应急管理部


def test_offices_listed_before_one_share_its_body(extract_text):
    text = ("广东省人民政府办公厅关于印发某方案的通知\n一、任务\n1.做好工作。（广州、深圳、珠海边检总站，"
            "人民银行广东省分行、深圳市分行，人民银行湖北省分行、湖北金融监管局按职责分工负责）")
    found = {(name, canonical) for name, canonical, _ in agencies(extract_text, text)}
    assert {("广州", "广州出入境边防检查总站"), ("深圳", "深圳出入境边防检查总站"),
            ("珠海边检总站", "珠海出入境边防检查总站"), ("深圳市分行", "中国人民银行深圳市分行")} <= found
    # an office of another kind after a branch is no branch of the same body
    assert not any(canonical.startswith("中国人民银行湖北金融") for _, canonical in found)


def test_a_provinces_peoples_organisations_take_their_full_names(extract_text):
    text = ("广东省人民政府办公厅关于印发某方案的通知\n一、任务\n1.做好工作。（省贸促会、省妇联、省残联、省侨联按职责分工负责）")
    found = {(name, canonical) for name, canonical, _ in agencies(extract_text, text)}
    assert {("省贸促会", "中国国际贸易促进委员会广东省委员会"), ("省妇联", "广东省妇女联合会"),
            ("省残联", "广东省残疾人联合会"), ("省侨联", "广东省归国华侨联合会")} <= found


def test_places_listed_before_a_city_government_share_its_city_and_body(extract_text):
    text = ("广东省人民政府办公厅关于印发某方案的通知\n一、任务\n1.打造公共服务平台。（广州、深圳市政府，"
            "横琴粤澳深度合作区执委会按职责分工负责）")
    found = {(name, canonical) for name, canonical, _ in agencies(extract_text, text)}
    assert {("广州", "广州市人民政府"), ("深圳市政府", "深圳市人民政府")} <= found


@pytest.mark.parametrize("written", ["地级以上市人民政府", "上级人民政府", "同级人民政府", "本级人民政府"])
def test_governments_named_by_their_rank_are_a_class(extract_text, written):
    # every prefecture-level city's government, the one above the actor's: no single body answers for them
    found = agencies(extract_text, f"广东省人民政府关于某事的通知\n一、任务\n{written}要加强组织领导。")
    assert (written, written, "GenericActor") in found


def test_an_office_inside_a_body_is_named_after_it(extract_text):
    text = ("广州市人民政府关于做好防汛工作的通知\n"
            "市公安局交警支队负责交通疏导，市财政局预算处负责经费，国务院工作组负责指导，"
            "省减灾委员会办公室负责统筹。市财政局处长到会。")
    found = agencies(extract_text, text)
    assert ("市公安局交警支队", "广州市公安局交警支队", "Agency") in found
    assert ("市财政局预算处", "广州市财政局预算处", "Agency") in found
    assert ("国务院工作组", "国务院工作组", "Agency") in found
    assert ("省减灾委员会办公室", "广东省减灾委员会办公室", "Agency") in found
    # 处长 is a person's title: the bureau itself is the body named
    assert ("市财政局", "广州市财政局", "Agency") in found
    found = agencies(extract_text, "北京市人民政府办公厅关于某事的通知\n市委网信办负责宣传，市委编办负责指导。")
    assert ("市委网信办", "中共北京市委网络安全和信息化委员会办公室", "Agency") in found
    assert ("市委编办", "中共北京市委机构编制委员会办公室", "Agency") in found


def test_local_governments_asked_to_act_are_a_generic_actor(extract_text):
    text = ("国务院办公厅关于做好优化营商环境工作的通知\n"
            "有关部门要指导地方制订方案，支持有条件的地方先行先试。地方各级人民政府要结合实际抓好落实。"
            "完善地方特色产业体系。")
    generic = [(a.name, a.type.value) for a in extract_text(text).agencies if a.type.value == "GenericActor"]
    assert ("地方", "GenericActor") in generic and ("有条件的地方", "GenericActor") in generic
    assert ("地方各级人民政府", "GenericActor") in generic  # read whole, not cut at 地方
    assert sum(1 for name, _ in generic if name == "地方") == 1  # 地方特色产业 names no actor


def test_one_function_and_others_like_it_is_one_generic_actor(extract_text):
    text = ("医疗保障基金使用监督管理条例\n县级以上人民政府及其医疗保障等行政部门应当加强监督检查。"
            "村卫生室协助工商等部门加强对活禽市场的监管。")
    generic = [a.name for a in extract_text(text).agencies if a.type.value == "GenericActor"]
    assert "医疗保障等行政部门" in generic and "工商等部门" in generic


def test_a_short_form_the_document_declares_names_the_body_from_then_on(extract_text):
    text = ("平潭综合实验区管委会关于印发宜居环境建设行动方案的通知\n"
            "材料报送区宜居环境建设指挥部办公室（以下简称“区宜居办“），由区宜居办汇总。区宜居办负责督查。")
    found = agencies(extract_text, text)
    body = "平潭综合实验区宜居环境建设指挥部办公室"
    assert ("区宜居环境建设指挥部办公室", body, "Agency") in found
    assert [name for name, canonical, _ in found if canonical == body].count("区宜居办") == 2


def test_a_market_regulator_opens_with_market_not_with_a_city_prefix(extract_text):
    text = "福州市人民政府关于印发任务分工的通知\n（一）推进信用建设。（牵头单位：市场监督管理局、财政部）\n"
    got = [(n, c) for n, c, _ in agencies(extract_text, text)]
    assert ("市场监督管理局", "福州市市场监督管理局") in got and ("财政部", "财政部") in got


def test_bodies_a_zones_list_of_units_names_bare_are_the_zones_own(extract_text):
    text = ("平潭综合实验区管委会关于印发社会信用体系建设任务分工的通知\n一、重点任务\n"
            "（一）推进信用建设。（牵头单位：市场监督管理局、经济发展局；配合单位：社会事业局）\n")
    got = [(n, c) for n, c, _ in agencies(extract_text, text)]
    assert ("市场监督管理局", "平潭综合实验区市场监督管理局") in got
    assert ("经济发展局", "平潭综合实验区经济发展局") in got and ("社会事业局", "平潭综合实验区社会事业局") in got


@pytest.mark.parametrize("written, canonical", [
    # the short forms every level writes for its bureaus, and those of bodies since merged or renamed
    ("省药品监管局", "福建省药品监督管理局"),
    ("市卫计委", "福州市卫生和计划生育委员会"),
    ("市环保局", "福州市环境保护局"),
    ("市地税局", "福州市地方税务局"),
])
def test_a_bureaus_short_form_is_spelled_out(extract_text, written, canonical):
    found = extract_text(f"福州市人民政府关于某事的通知\n{written}负责。")
    assert [a.canonical for a in found.agencies if a.name == written] == [canonical]


def test_the_body_an_office_is_in_is_spelled_out_too(extract_text):
    # 区经发局经信处 in a list of units: 经济发展局 and 经济和信息化处, both in full
    found = extract_text("平潭综合实验区管委会关于某事的通知\n（一）推进工业互联网。牵头单位：区经发局经信处，配合单位：区经发局发改处。")
    assert [a.canonical for a in found.agencies if a.name.startswith("区经发局")] == [
        "平潭综合实验区经济发展局经济和信息化处", "平潭综合实验区经济发展局发展和改革处"]


def test_a_unit_opening_with_its_regions_own_name_takes_no_shared_prefix(extract_text):
    # 平潭海关 after 区经济发展局 in a 平潭综合实验区 list: its place is written, not 区's
    found = extract_text("平潭综合实验区管委会关于某事的通知\n（十三）建立联合监管制度。（责任单位：区经济发展局、平潭海关）")
    assert [a.canonical for a in found.agencies][-2:] == ["平潭综合实验区经济发展局", "平潭海关"]
