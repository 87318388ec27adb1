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


def test_protection_centres(extract_text):
    text = "充分发挥中国（北京）知识产权保护中心和中国（中关村）知识产权保护中心作用。"
    assert agencies(extract_text, text) == [
        ("中国（北京）知识产权保护中心", "中国（北京）知识产权保护中心", "ProtectionCentre"),
        ("中国（中关村）知识产权保护中心", "中国（中关村）知识产权保护中心", "ProtectionCentre"),
    ]


@pytest.mark.parametrize("text", [
    "构建知识产权大保护格局。",
    "加强基层干部队伍建设。",
    "加强与相关部门的协调合作。",
    "北京建设全国科技创新中心。",
    "内部转化部门能力不足。",
    "举办宣传培训活动。",
    "建设数字政府。",
])
def test_words_that_only_look_like_agencies(extract_text, text):
    assert agencies(extract_text, text) == []
