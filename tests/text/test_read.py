"""Documents as they come: the same text read from .txt, .pdf, .docx and .html."""

import pytest

from kg import api
from kg.errors import InputError
from kg.text.normalize import normalize
from kg.text.read import read_source

from conftest import SEED
from formats import write_docx, write_html, write_pdf

SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_LINES = [line for line in SEED_TEXT.splitlines() if line.strip()]


def _targets(path):
    return sorted((t.indicator, str(t.value), t.unit, t.deadline) for t in api.extract(path).targets)


@pytest.fixture(scope="module")
def expected_targets():
    return _targets(SEED)


def _paragraphs():
    from kg.text.normalize import normalize

    return normalize(SEED_TEXT).text.splitlines()


def test_pdf_text_layer_with_broken_lines_reads_like_the_text(tmp_path, expected_targets):
    pdf = write_pdf(tmp_path / "seed.pdf", SEED_TEXT.splitlines())
    source = read_source(pdf)
    assert source.format == "pdf"
    assert _targets(pdf) == expected_targets


def test_docx_paragraphs(tmp_path, expected_targets):
    path = write_docx(tmp_path / "seed.docx", _paragraphs())
    assert read_source(path).format == "docx"
    assert _targets(path) == expected_targets


def test_docx_tables_become_rows(tmp_path):
    path = write_docx(tmp_path / "t.docx", ["附件", "重点任务分工表"],
                      table=[["序号", "重点任务", "牵头单位"], ["1", "建设平台", "省经济和信息化厅"]])
    lines = read_source(path).text.splitlines()
    assert lines[-2:] == ["| 序号 | 重点任务 | 牵头单位 |", "| 1 | 建设平台 | 省经济和信息化厅 |"]


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_html_page_keeps_the_text_and_drops_navigation(tmp_path, expected_targets, encoding):
    paragraphs = _paragraphs()
    path = write_html(tmp_path / "seed.html", paragraphs[0], paragraphs[1:], encoding)
    source = read_source(path)
    assert source.format == "html"
    assert source.text.splitlines()[0] == paragraphs[0]
    for furniture in ("首页", "当前位置", "相关链接", "分享到", "ICP备", "门户网站"):
        assert furniture not in source.text
    assert _targets(path) == expected_targets


def test_files_are_recognised_by_content_not_only_name(tmp_path, expected_targets):
    pdf = write_pdf(tmp_path / "seed.pdf", SEED_TEXT.splitlines())
    renamed = tmp_path / "seed.download"
    renamed.write_bytes(pdf.read_bytes())
    assert read_source(renamed).format == "pdf"


def test_a_text_file_holding_a_pages_markup_is_read_as_the_page(tmp_path, expected_targets):
    # A crawler's dump: the seed's paragraphs as a JSON string of HTML (<p style=\"…\">, <\/p>, \u201c).
    escaped = "".join('<p style=\\"text-indent: 2em\\"><span style=\\"font-size: 16px\\">'
                      + line.replace("“", "\\u201c").replace("”", "\\u201d") + "<\\/span><\\/p>"
                      for line in SEED_LINES)
    path = tmp_path / "dump.txt"
    path.write_text(escaped, encoding="utf-8")
    source = read_source(path)
    assert source.format == "html" and "<" not in source.text and "\\u201c" not in source.text
    assert SEED_LINES[0].strip() in source.text and "“" in source.text
    assert _targets(path) == expected_targets


def test_a_page_cut_from_inside_its_markup_is_read_as_the_page_with_its_title(tmp_path):
    # A document cut out of a crawled page from its title's text on: the title's own tag is left behind.
    page = ("某县新型农民培训实施方案</h1></div>\n<div class=\"content\">\n<p>　　一、培训目标</p>\n"
            "<p>　　每年培训<span>7000</span>人。</p>\n<p>　　二、培训安排</p>\n<p>　　每门课程约15学时。</p>\n</div>")
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    source = read_source(path)
    assert source.format == "html" and "<" not in source.text
    assert source.text.splitlines()[0] == "某县新型农民培训实施方案"
    assert "每年培训7000人。" in normalize(source.text).text  # the lines the page broke at its span rejoined


def test_a_text_quoting_markup_after_its_prose_stays_text(tmp_path):
    text = SEED_TEXT + "\n附表：" + "".join(f"<tr><td>{k}</td><td>{k * 10}</td></tr>" for k in range(1, 6))
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    assert read_source(path).format == "text"


@pytest.mark.parametrize("name, data, message", [
    ("broken.pdf", b"%PDF-1.4\n garbage", "not a readable PDF"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable .docx"),
    ("error-page.pdf", b"<html><body>404 Not Found</body></html>", "not a PDF"),
    ("renamed.docx", "旧格式的文字".encode("gb18030"), "not a .docx"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "save it as .docx"),
    ("empty.html", b"<html><body><div class='nav'><a href='/'>\xe9\xa6\x96\xe9\xa1\xb5</a></div></body></html>", "no main text"),
])
def test_broken_files_are_input_errors(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read_source(path)
