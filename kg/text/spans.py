"""Spans and the offset map from normalised text back to the original file.

Offsets everywhere in policy-kg are Python string indices (code points) into
the *decoded original* text of a document, half-open: ``text[start:end]``.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` of ``text`` without the white space at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` in the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


class OffsetMap:
    """Maps every character of a clean text to its offset in the original.

    ``origin[i]`` is the original offset of clean character ``i``; one extra
    entry maps the end of the clean text to the end of the original.
    """

    __slots__ = ("_origin",)

    def __init__(self, origin: array) -> None:
        self._origin = origin

    def __len__(self) -> int:
        return len(self._origin) - 1

    def __getitem__(self, i: int) -> int:
        return self._origin[i]

    def span(self, start: int, end: int) -> Span:
        """Return the original span covering clean characters ``[start, end)``."""
        if start >= end:
            pos = self._origin[start]
            return Span(pos, pos)
        return Span(self._origin[start], self._origin[end - 1] + 1)
