"""Traditional and simplified characters (OpenCC).

Documents in traditional characters (Big5 files, Hong Kong and Macao pages)
are read as written; the rules, lexicons and jieba's dictionary are in
simplified characters, so they run on a simplified copy of the text. OpenCC's
``t2s`` conversion maps character for character, so offsets in the copy are
offsets in the original; :func:`to_simplified` checks that it did.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The CJK unified ideographs, as the body of a character class: f"[{HAN}]" is one Han character.
HAN = r"\u4e00-\u9fff"
HAN_CHAR = re.compile(f"[{HAN}]")
_NOT_HAN = re.compile(f"[^{HAN}]+")


def is_han(text: str) -> bool:
    """True if ``text`` is non-empty and made only of CJK unified ideographs."""
    return bool(text) and all(0x4E00 <= ord(ch) <= 0x9FFF for ch in text)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


# A text is read as traditional when at least this share of its Han characters
# change in simplified form (traditional Chinese: a fifth or more; a simplified
# document quoting a Japanese site name or a few old forms: under one in a hundred).
TRADITIONAL_SHARE = 0.05


def reading_copy(text: str) -> str:
    """The text the rules read: a simplified copy if ``text`` is traditional Chinese, else ``text`` itself."""
    han = len(text) - sum(len(run) for run in _NOT_HAN.findall(text))
    if not han:
        return text
    copy = to_simplified(text)
    if copy == text:
        return text
    changed = sum(1 for a, b in zip(text, copy) if a != b)
    return copy if changed >= TRADITIONAL_SHARE * han else text


def to_simplified(text: str) -> str:
    """``text`` with traditional characters made simplified, of the same length."""
    simplified = _converter().convert(text)
    if len(simplified) != len(text):  # a phrase conversion changed the length: convert by character
        simplified = "".join(_converter().convert(ch) if len(_converter().convert(ch)) == 1 else ch for ch in text)
    return simplified
