"""Read a document file of any common kind into text.

- ``.txt`` and other plain text: decoded as in :mod:`kg.text.decode`; a text file that holds a
  page's markup (a crawler's dump, perhaps as a JSON string) is read as the page;
- ``.html``/``.htm`` pages saved from government sites: the main text is
  kept with its paragraphs, navigation and page furniture dropped
  (trafilatura); the page title becomes the first line;
- ``.docx``: paragraphs in order, tables as rows ``| a | b |`` (python-docx);
- ``.pdf``: the text layer of every page (pypdf); the PDF line-break repair of
  :mod:`kg.text.normalize` applies to it.

For formats other than plain text, character offsets everywhere in policy-kg
refer to the text read here, which ``policykg text FILE`` prints.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from kg.errors import InputError
from kg.text.decode import Source, decode_bytes, read_bytes
from kg.text.spans import trimmed

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
FORMATS = ("text", "html", "docx", "pdf")
# Below this many characters, what trafilatura keeps is a stray link, not a document.
_MIN_MAIN_TEXT = 10
_BODY = re.compile(r"<body[\s>]", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
# Plain text that is a page's markup (a crawler's dump, a page kept in a source file): paragraph and
# inline tags, perhaps written as in a JSON or JavaScript string (<p style=\"…\">, <\/p>, \u201c).
_TAGS = re.compile(r"<\\?/?(?:p|span|div|br|strong|font|table|tr|td|h[1-6])\b[^<>]*>", re.I)
_MIN_TAGS = 5
_ESCAPED = re.compile(r'\\(?:u([0-9a-fA-F]{4})|(["/\\])|([ntr]))')
_CONTROLS = {"n": "\n", "t": "\t", "r": ""}


def sniff(data: bytes, suffix: str) -> str:
    """Return the format of a file from its name and first bytes."""
    suffix = suffix.lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError("an old binary Office file (.doc, .wps): open it in Word or LibreOffice and save it as .docx")
    if suffix == ".pdf":
        raise InputError("not a PDF (it does not start with %PDF-): the download may have failed or saved an error page")
    if suffix == ".docx":
        raise InputError("not a .docx (it is not a ZIP archive): the download may have failed, or it is an old .doc renamed")
    if suffix in HTML_SUFFIXES:
        return "html"
    head = data[:2048].lstrip().lower()
    if suffix not in TEXT_SUFFIXES and (head.startswith(b"<!doctype html") or head.startswith(b"<html")):
        return "html"
    return "text"


# The longest text read as one document: a policy document is rarely a tenth of
# this; a larger file is a corpus in one file, or not a document.
MAX_CHARS = 5_000_000
# A file this large is refused before it is read.
MAX_FILE_BYTES = 200_000_000


def read_source(path: str | Path, max_chars: int = MAX_CHARS) -> Source:
    """Read the document at ``path``, whatever its format, into a :class:`Source`."""
    source = _read(Path(path))
    if len(source.text) > max_chars:
        raise InputError(f"{path}: {len(source.text):,} characters of text, more than one document is read at "
                         f"({max_chars:,}); split it into its documents, or raise the limit with --max-chars")
    return source


def _read(p: Path) -> Source:
    try:
        size = p.stat().st_size
    except OSError:
        size = 0  # read_bytes says why it cannot be read
    if size > MAX_FILE_BYTES:
        raise InputError(f"{p}: {size / 1e6:,.0f} MB, larger than a document file policy-kg reads "
                         f"({MAX_FILE_BYTES / 1e6:,.0f} MB); split it into its documents")
    data = read_bytes(p)
    try:
        kind = sniff(data, p.suffix)
    except InputError as exc:
        raise InputError(f"{p}: {exc}") from None
    if kind == "pdf":
        return _checked(Source(pdf_text(data, str(p)), str(p), "pdf", "pdf"))
    if kind == "docx":
        return _checked(Source(docx_text(data, str(p)), str(p), "docx", "docx"))
    if kind == "html":
        return html_source(data, str(p))
    source = decode_bytes(data, str(p))
    markup = _markup(source.text)
    return html_source(markup.encode("utf-8"), str(p)) if markup is not None else source


def _markup(text: str) -> str | None:
    """The markup a plain-text file holds, its string escapes undone (<\\/p> is </p>), or None if it holds
    prose: it opens with a tag, or its first line closes one (a page cut from inside its markup:
    标题</h1>), and a few paragraph or inline tags follow (a text quoting a table's markup further on
    is still text)."""
    head = text[:20000]
    first = head.lstrip().partition("\n")[0]
    if not (first.startswith("<") or _TAGS.search(first)) or len(_TAGS.findall(head)) < _MIN_TAGS:
        return None
    if "<\\/" in head or '=\\"' in head:  # written as a JSON or JavaScript string
        text = _ESCAPED.sub(lambda m: chr(int(m[1], 16)) if m[1] else m[2] or _CONTROLS[m[3]], text)
    return text if first.startswith("<") else "<p>" + text  # the text before the first tag is a paragraph


def _checked(source: Source) -> Source:
    if not source.text.strip():
        raise InputError(f"{source.name}: no text found in the {source.format} file"
                         + ("; a scanned PDF needs OCR first" if source.format == "pdf" else ""))
    return source


def table_row(cells: list[str]) -> str:
    """Return a table row as one line: ``| a | b |``."""
    return "| " + " | ".join(" ".join(c.split()) for c in cells) + " |"


def row_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the cells of a row ``| a | b |`` (as :func:`table_row` writes it) at ``[start, end)`` of
    ``text``, each stripped of the spaces around it."""
    bars = [k for k in range(start, end) if text[k] == "|"]
    return [trimmed(text, left + 1, right) for left, right in zip(bars, bars[1:])]


def pdf_text(data: bytes, name: str) -> str:
    """Return the text layer of a PDF, page after page."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise InputError(f"{name}: the PDF is encrypted; save an unencrypted copy first") from None
        pages = [_page_text(page) for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{name}: not a readable PDF ({' '.join(str(exc).split())[:120]})") from None
    return "\n".join(pages)


def _page_text(page) -> str:
    """A page's text; where it holds a table, as laid out, so the table's columns can be rebuilt
    (the plain text gives each cell a line of its own, and rows run together)."""
    from kg.text.normalize import has_table

    laid_out = page.extract_text(extraction_mode="layout") or ""
    return laid_out if has_table(laid_out) else page.extract_text() or ""


def docx_text(data: bytes, name: str) -> str:
    """Return the paragraphs and tables of a Word document, in order."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{name}: not a readable .docx file ({' '.join(str(exc).split())[:120]})") from None
    lines = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                cells, previous = [], None
                for cell in row.cells:
                    if previous is None or cell._tc is not previous:  # a merged cell repeats; equal values do not merge
                        cells.append(cell.text)
                    previous = cell._tc
                lines.append(table_row(cells))
        else:
            lines.append(block.text)
    return "\n".join(lines)


def html_source(data: bytes, name: str) -> Source:
    """Return the main text of an HTML page, its title first."""
    import trafilatura

    declared = _META_CHARSET.search(data[:4096])
    text = None
    if declared:
        try:
            text = data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode_bytes(data, name).text
    if not _BODY.search(text[:20000]):
        text = f"<html><body><article>{text}</article></body></html>"  # a fragment: its headings would be lost
    # The date only from the page's metadata: a search of the text takes the first year it reads (2010年的…).
    result = trafilatura.bare_extraction(text, include_tables=True, favor_recall=True, with_metadata=True,
                                         include_comments=False, date_extraction_params={"extensive_search": False})
    if result is None or len((result.text or "").strip()) < _MIN_MAIN_TEXT:
        raise InputError(f"{name}: no main text found in the HTML page")
    body = result.text.strip()
    title = (result.title or "").strip()
    if title and title not in body:  # a title taken from the body's first heading is where the body has it
        body = title + "\n" + body
    published = _date(result.date)
    meta = {"published": published} if published else {}
    return Source(body, name, "html", "html", meta)


def _date(written: str | None):
    """The date a page gives as ``YYYY-MM-DD`` (trafilatura's form), or None."""
    import datetime as dt

    try:
        return dt.date.fromisoformat((written or "")[:10])
    except ValueError:
        return None
