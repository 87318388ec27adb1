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
