"""Decode the bytes of a document into text, recognising common encodings.

Chinese government documents arrive as UTF-8 (with or without BOM), UTF-16
with a BOM, GB18030/GBK, or Big5 (traditional characters, kept as written).
Legacy encodings are told apart by what the decoded text reads like: the
share of its Han characters among the 3,755 most common ones (GB2312 level
1, after converting traditional to simplified). Anything that is not text,
or whose encoding cannot be told, is refused.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Text in a legacy Chinese encoding that decodes without error can still be the
# wrong guess; below this share of plausible characters we refuse to guess.
_PLAUSIBLE_SHARE = 0.9
# Chinese text has most of its characters among the 3,755 commonest; text in
# the wrong legacy encoding has few.
_COMMON_SHARE = 0.5


@dataclass(frozen=True)
class Source:
    """A document as text: for plain text exactly as in the file, for other
    formats the text read from it (see :mod:`kg.text.read`)."""

    text: str
    name: str
    encoding: str
    format: str = "text"
    meta: dict = field(default_factory=dict, hash=False, compare=False)


def _plausible(text: str) -> float:
    """Share of characters that are letters, digits, marks, punctuation or spacing."""
    if not text:
        return 1.0
    good = 0
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] in "LNPSZM" or ch in "\n\r\t":
            good += 1
    return good / len(text)


def _control_share(text: str) -> float:
    bad = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return bad / max(len(text), 1)


def _decodings(data: bytes, encodings: tuple[str, ...]):
    """Each of ``encodings`` that decodes ``data``, with the text it gives."""
    for encoding in encodings:
        try:
            yield encoding, data.decode(encoding)
        except UnicodeDecodeError:
            continue


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte-order mark (some Windows tools): the text and its encoding, if the bytes
    decode so into plausible Chinese text with lines, in one byte order only; else None."""
    if len(data) % 2:
        return None
    found = []
    for encoding, text in _decodings(data, ("utf-16-le", "utf-16-be")):
        han = sum(1 for ch in text if 0x4E00 <= ord(ch) <= 0x9FFF)
        if _plausible(text) >= _PLAUSIBLE_SHARE and _control_share(text) == 0 and han >= max(1, len(text) // 10):
            found.append((text, encoding))
    return found[0] if len(found) == 1 else None


def decode_bytes(data: bytes, name: str) -> Source:
    """Return the decoded :class:`Source` of ``data``; raise InputError if it is not text."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty; give a document with text in it")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding} ({exc.reason})") from None
            return _checked(Source(text, name, encoding))
    if b"\x00" in data:
        guessed = _utf16_without_bom(data)
        if guessed is not None:
            return _checked(Source(guessed[0], name, guessed[1]))
        raise InputError(f"{name}: not a text file (it contains NUL bytes); convert it to UTF-8 text first")
    try:
        return _checked(Source(data.decode("utf-8"), name, "utf-8"))
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding, text in _decodings(data, ("gb18030", "big5")):
        if _plausible(text) >= _PLAUSIBLE_SHARE:
            candidates.append((_common_share(text, encoding), encoding, text))
    if not candidates:
        raise InputError(f"{name}: not UTF-8, GB18030 or Big5 text; convert it to UTF-8 first")
    share, encoding, text = max(candidates)
    if share < _COMMON_SHARE:
        raise InputError(f"{name}: cannot tell the text encoding (neither GB18030 nor Big5 reads as Chinese); "
                         "convert it to UTF-8 first")
    return _checked(Source(text, name, encoding))


def _common_share(text: str, encoding: str) -> float:
    """Share of the Han characters of ``text`` that are among the most common (GB2312 level 1)."""
    han = [ch for ch in text if 0x4E00 <= ord(ch) <= 0x9FFF]
    if not han:
        return 0.0
    if encoding == "big5":
        from kg.nlp.script import to_simplified

        han = list(to_simplified("".join(han)))
    common = 0
    for ch in han:
        try:
            code = ch.encode("gb2312")
        except UnicodeEncodeError:
            continue
        common += 0xB0 <= code[0] <= 0xD7
    return common / len(han)


def _checked(source: Source) -> Source:
    if _control_share(source.text) > 0.01:
        raise InputError(f"{source.name}: not a text file (it is full of control characters)")
    if not source.text.strip():
        raise InputError(f"{source.name}: the file has no text in it")
    return source


def read_bytes(path: str | Path) -> bytes:
    """Return the bytes of the file at ``path``, or raise InputError saying why not."""
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory; give the document files inside it") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror})") from None


def read_text_file(path: str | Path) -> Source:
    """Read and decode the plain-text document at ``path``."""
    return decode_bytes(read_bytes(path), str(path))
