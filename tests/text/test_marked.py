"""Tables written as HTML markup inside a plain text (kg.text.marked)."""

from kg.text.marked import marked_tables


def cells(text):
    return [[" ".join(text[s:e] for s, e in col) for col in placed] for _, _, _, placed in marked_tables(text)]


def test_each_row_gives_its_cells_text_between_the_tags():
    text = "表1\n<table><tr><td>指标</td><td>2021年</td></tr><tr><td>人口<br/>（万人）</td><td> 12.5 </td></tr></table>\n完。"
    assert cells(text) == [["指标", "2021年"], ["人口 （万人）", "12.5"]]


def test_a_cell_spanning_columns_or_rows_leaves_the_others_empty():
    text = ("<table><tr><td rowspan=\"2\">类别</td><td colspan=\"2\">2025年</td></tr>"
            "<tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>1</td><td>2</td></tr></table>")
    assert cells(text) == [["类别", "2025年", ""], ["", "甲", "乙"], ["丙", "1", "2"]]


def test_the_rows_cover_the_tables_markup_from_its_first_tag_to_its_last():
    text = "前言\n<table><tr><td>a</td></tr><tr><td>b</td></tr></table>\n后记"
    rows = marked_tables(text)
    assert rows[0][0] == text.index("<table>") and rows[-1][1] == text.index("\n后记")


def test_a_table_quoted_inside_a_sentence_stays_text():
    assert marked_tables("网页中写作<table><tr><td>1</td></tr></table>的表格。") == []
    assert marked_tables("没有表格的文字。") == []
