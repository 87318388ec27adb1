def test_short_title_declared_with_yixia_jiancheng(extract_text):
    found = extract_text("研究制定了《中关村知识产权行动方案（2019-2021）》（以下简称《行动方案》），《行动方案》提出目标。")
    docs = [d for d in found.documents if not d.is_source]
    assert [(d.title, d.short_title, d.kind, d.period_start, d.period_end) for d in docs] == [
        ("中关村知识产权行动方案（2019-2021）", "行动方案", "行动方案", 2019, 2021)]
    assert [r.written for r in found.references] == ["中关村知识产权行动方案（2019-2021）", "行动方案"]
    assert {r.document for r in found.references} == {docs[0].key}


def test_interpretation_title(extract_text):
    found = extract_text("解读：《某某行动方案》\n正文。")
    assert found.document.kind == "解读"
    assert [d.title for d in found.documents if d.key == found.document.interprets] == ["某某行动方案"]


def test_kind_from_title_ending(extract_text):
    assert extract_text("国务院办公厅关于推进政务新媒体健康有序发展的意见\n正文。").document.kind == "意见"
    assert extract_text("安徽省工业互联网创新发展行动计划（2021-2023年）\n正文。").document.kind == "行动计划"


def test_persons_with_titles(extract_text):
    found = extract_text("习近平总书记高度重视。蔡奇书记在中关村调研。党委书记要求加强。")
    assert [(p.name, p.role) for p in found.persons] == [("习近平", "总书记"), ("蔡奇", "书记")]
