"""The quantity scorer, and a floor under the development figures.

The floor catches a change that makes the rules read the development
documents worse; it is set below the figures of the last closing note, not at
them. The sealed part is not scored here (``make eval`` scores it).
"""

from decimal import Decimal

import pytest

import quantity_eval as qe


def test_a_snippet_is_found_whatever_the_whitespace_and_table_bars():
    sq = qe.Squeezed("到2025年，全市\n地区生产总值 达到 | 5000亿元 |")
    hits = sq.find_all("全市地区生产总值达到5000亿元")
    assert len(hits) == 1
    start, end = sq.span(hits[0], len("全市地区生产总值达到5000亿元"))
    assert sq.text[start:end].replace("\n", "").replace(" ", "").replace("|", "") == "全市地区生产总值达到5000亿元"


def test_the_number_is_found_inside_its_snippet_and_not_inside_a_longer_number():
    sq = qe.Squeezed("本意见自2025年7月1日起施行，有效期5年。")
    w = qe.locate({"at": "本意见自2025年7月1日起施行，有效期5年", "number": "5年", "role": "parameter"}, sq)
    assert sq.text[w.window[0]:w.window[1]] == "5年" and w.window[0] == sq.text.index("有效期") + 3


def test_the_second_of_two_equal_numbers():
    sq = qe.Squeezed("分别下降8%、8%、10%以上")
    first = qe.locate({"at": "分别下降8%、8%、10%以上", "number": "8%", "role": "target"}, sq)
    second = qe.locate({"at": "分别下降8%、8%、10%以上", "number": "8%", "nth": 2, "role": "target"}, sq)
    assert second.window[0] - first.window[0] == 3


def test_a_snippet_copied_with_a_pages_markup_is_found_in_the_text_read_without_it():
    text = "毕业2年内的高校毕业生，见习期限为3个月。"  # as policy-kg reads the page
    at = '毕业2</span><span style="font-size: 12pt;">年内的高校毕业生'
    w = qe.locate({"at": at, "number": '2</span><span style="font-size: 12pt;">年', "role": "threshold"}, qe.Squeezed(text))
    assert w.problem == "" and text[w.window[0]:w.window[1]] == "2年"
    # ...and where the text read keeps its markup, the snippet is found as written
    kept = "<p>达到50亩以上的奖励2万元</p>"
    w = qe.locate({"at": "<p>达到50亩以上的奖励2万元", "number": "2万元", "role": "parameter"}, qe.Squeezed(kept))
    assert w.problem == "" and kept[w.window[0]:w.window[1]] == "2万元"


@pytest.mark.parametrize("a, b, same", [("86000", Decimal("86000"), True), ("33.33", Decimal("33.33"), True),
                                        ("0.5", Decimal("0.5"), True), ("5", Decimal("6"), False), (None, None, True)])
def test_values_compare_within_half_a_percent(a, b, same):
    assert qe.same_value(a, b) is same


def test_units_compare_as_the_guide_writes_them():
    assert qe.unit_of("个百分点") == qe.unit_of("百分点") and qe.unit_of("个工作日") == "工作日"


def test_the_development_figures_stay_above_their_floor():
    total, _ = qe.evaluate("dev")
    target = total.roles["target"]
    # Floors a little under the figures measured over the 261 development documents
    # (target P 0.89, R 0.81; role 0.83; deadline 0.94): fifty sealed rounds joined dev
    # once scored and brought their harder documents with them (the eighteenth a plan whose
    # indicator table a crawl ran into one string of digits: target recall fell from 0.86; the
    # thirty-first a plan whose project table a PDF's text scattered, 130 targets unread: from 0.82).
    # The deadline's floor fell to 0.92 when the goals of parts cut from a report's plan with no year
    # written in them (今年…主要预期目标是：) came to be read as targets: no deadline can be told for them;
    # and to 0.90 when bounded figures of such cuts outside any task heading the reader knows (入库科技型中小企业
    # 3600家以上) and counts after any verb and its object (组建市级专科联盟5个) came to be read as targets too
    # (68 more found, most of them in cuts that write no year: 3,451 of 3,793 right).
    assert total.annotated >= 19900
    assert target.precision >= 0.85 and target.recall >= 0.78
    assert total.role_accuracy >= 0.80
    assert total.deadline_accuracy >= 0.90
