"""Make test documents in each format from plain text (lines as paragraphs)."""

from __future__ import annotations

from html import escape
from pathlib import Path


def write_docx(path: Path, lines: list[str], table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, cell in enumerate(row):
                t.cell(i, j).text = cell
    document.save(path)
    return path


def write_pdf(path: Path, physical_lines: list[str]) -> Path:
    """Draw ``physical_lines`` as they are, one per line, like a typeset page."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    y = 800
    c.setFont("STSong-Light", 11)
    for line in physical_lines:
        if not line.strip():
            continue
        c.drawString(40, y, line.rstrip())
        y -= 16
        if y < 40:
            c.drawString(290, 20, str(c.getPageNumber()))  # a page number to drop
            c.showPage()
            c.setFont("STSong-Light", 11)
            y = 800
    c.save()
    return path


def write_html(path: Path, title: str, lines: list[str], encoding: str = "utf-8") -> Path:
    paragraphs = "\n".join(f"<p>{escape(line)}</p>" for line in lines)
    page = f"""<!DOCTYPE html><html><head><meta charset="{encoding}"><title>{escape(title)}_政策文件_某某市人民政府门户网站</title></head>
<body><div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/fw">政务服务</a></li><li><a href="/hd">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政策文件</div>
<div class="sidebar"><h3>相关链接</h3><ul><li><a href="/a">数字经济促进条例</a></li><li><a href="/b">政府信息公开指南</a></li></ul></div>
<div class="article"><h1>{escape(title)}</h1>
<div id="zoom" class="TRS_Editor">{paragraphs}</div>
<div class="share">分享到：微信 微博 打印本页 关闭窗口</div></div>
<div class="footer">主办：某某市人民政府办公厅 京ICP备05060933号</div></body></html>"""
    path.write_bytes(page.encode(encoding))
    return path
