"""Dates written in policy documents, resolved against the document's year.

``到2023年`` is 2023; ``6月底前`` in a 2022 document is 2022-06; ``今年``,
``明年``, ``去年``, ``今明两年``, ``年底前`` are offsets from the document's
year. The words and patterns are data, in ``resources/time.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.resources import compile_pattern, load_toml


@dataclass(frozen=True)
class Deadline:
    """A year, or a year and month (2022-06)."""

    year: int
    month: int | None = None

    def __str__(self) -> str:
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"


class TimeReader:
    def __init__(self) -> None:
        cfg = load_toml("time.toml")
        self.relative = sorted(cfg["relative_years"].items(), key=lambda kv: -len(kv[0]))
        pat = cfg["patterns"]
        self.year_month = compile_pattern(pat["year_month"], "time.toml year_month")
        self.month = compile_pattern(pat["month"], "time.toml month")
        self.year = compile_pattern(pat["year"], "time.toml year")
        self.title_year = compile_pattern(pat["title_year"], "time.toml title_year")

    def relative_year(self, text: str, doc_year: int | None) -> tuple[int, int, int] | None:
        """Return ``(year, start, end)`` of the first relative-year word in ``text``."""
        if doc_year is None:
            return None
        best = None
        for word, offset in self.relative:
            pos = text.find(word)
            if pos >= 0 and (best is None or pos < best[1]):
                best = (doc_year + int(offset), pos, pos + len(word))
        return best

    def deadline(self, text: str, doc_year: int | None) -> Deadline | None:
        """Return the first date in ``text`` as a :class:`Deadline`, or None."""
        m = self.year_month.search(text)
        if m and 1 <= int(m["m"]) <= 12:
            return Deadline(int(m["y"]), int(m["m"]))
        m = self.year.search(text)
        if m:
            return Deadline(int(m["y"]))
        m = self.month.search(text)
        if m and doc_year is not None and 1 <= int(m["m"]) <= 12:
            return Deadline(doc_year, int(m["m"]))
        rel = self.relative_year(text, doc_year)
        return Deadline(rel[0]) if rel else None

    def year_in_title(self, title: str | None) -> int | None:
        m = self.title_year.search(title or "")
        return int(m["y"]) if m else None


@lru_cache(maxsize=1)
def time_reader() -> TimeReader:
    return TimeReader()
