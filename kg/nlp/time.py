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


# The kinds of time, in the order they win where two overlap.
MOMENT_KINDS = ("event", "base", "of", "span", "current", "deadline", "reference")
# The kinds that bind the figures after them to a time.
BINDING_KINDS = frozenset(("span", "current", "deadline", "reference"))


@dataclass(frozen=True)
class Moment:
    """A time written at ``[start, end)`` of a text, resolved to a year (and month).

    ``kind`` is what the time is to the figures after it (``time.toml``
    [moments]): ``deadline`` (到2025年), ``reference`` (2020年，…),
    ``current`` (截至2021年底, “十三五”以来), ``base`` (比2020年: a change's
    starting point), ``of`` (2020年的: the year of the figure right after it),
    ``event`` (2020年9月11日: a day, which binds no figure) or ``span`` (5年内).
    """

    start: int
    end: int
    kind: str
    year: int | None
    month: int | None = None

    @property
    def deadline(self) -> Deadline | None:
        return Deadline(self.year, self.month) if self.year is not None else None


class TimeReader:
    def __init__(self) -> None:
        cfg = load_toml("time.toml")
        self.relative = sorted(cfg["relative_years"].items(), key=lambda kv: -len(kv[0]))
        self.relative_offsets = dict(cfg["relative_years"])
        self.plans = {name: tuple(years) for name, years in cfg["plans"].items()}
        self.halves = dict(cfg["halves"])
        self.fixed = dict(cfg["fixed"])
        kinds = cfg["moments"]
        self.moment_patterns = [(kind, compile_pattern(p, f"time.toml moments.{kind}"))
                                for kind in MOMENT_KINDS for p in kinds[kind]]
        pat = cfg["patterns"]
        self.year_month = compile_pattern(pat["year_month"], "time.toml year_month")
        self.month = compile_pattern(pat["month"], "time.toml month")
        self.year = compile_pattern(pat["year"], "time.toml year")
        self.title_year = compile_pattern(pat["title_year"], "time.toml title_year")
        self.range_opens = compile_pattern(pat["range_opens"], "time.toml range_opens")
        self.number_year = compile_pattern(pat["number_year"], "time.toml number_year")
        self.dateline = compile_pattern(pat["dateline"], "time.toml dateline")
        self.file_year = compile_pattern(pat["file_year"], "time.toml file_year")

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

    def moments(self, text: str, start: int, end: int, doc_year: int | None) -> list[Moment]:
        """Return the times written in ``text[start:end]``, in order, without overlaps.

        Where two patterns match at overlapping places, the longer wins, and of two
        as long the one of the kind listed first (event, base, of, span, current, deadline, reference).
        """
        found: list[tuple[int, int, int, Moment]] = []
        for kind, pattern in self.moment_patterns:
            for m in pattern.finditer(text, start, end):
                moment = self._moment(kind, m, doc_year)
                if moment is not None:
                    found.append((m.start() - m.end(), MOMENT_KINDS.index(kind), m.start(), moment))
        kept: list[Moment] = []
        for *_, moment in sorted(found, key=lambda t: t[:3]):
            if not any(moment.start < k.end and k.start < moment.end for k in kept):
                kept.append(moment)
        return sorted(kept, key=lambda k: k.start)

    def _moment(self, kind: str, m, doc_year: int | None) -> Moment | None:
        groups = {k: v for k, v in m.groupdict().items() if v}
        month = int(groups["m"]) if "m" in groups else None
        if month is not None and not 1 <= month <= 12:
            return None
        if "half" in groups:
            month = self.halves[groups["half"]]
        if kind == "span":
            first = int(groups["y"]) if "y" in groups else doc_year
            n = small_count(groups["n"])
            return Moment(m.start(), m.end(), kind, first + n - 1 if first is not None and n else None)
        if "fixed" in groups:
            return Moment(m.start(), m.end(), kind, int(self.fixed[groups["fixed"]]))
        if "plan" in groups:
            years = self.plans.get(groups["plan"])
            return Moment(m.start(), m.end(), kind, years[1]) if years else None
        if "rel" in groups:
            offset = self.relative_offsets.get(groups["rel"])
            year = doc_year + int(offset) if doc_year is not None and offset is not None else None
            return Moment(m.start(), m.end(), kind, year, month)
        if "y" in groups:
            return Moment(m.start(), m.end(), kind, int(groups["y"]), month)
        if month is not None:  # 6月底前: a month of the document's year
            return Moment(m.start(), m.end(), kind, doc_year, month) if doc_year is not None else None
        return None

    def plan_named(self, text: str) -> tuple[int, int] | None:
        """The years of the first five-year plan named in ``text`` (“十五五”主要目标: 2026–2030)."""
        best = None
        for name, years in self.plans.items():
            pos = text.find(name)
            if pos >= 0 and (best is None or pos < best[0]):
                best = (pos, years)
        return best[1] if best else None

    def year_in_title(self, title: str | None) -> int | None:
        """The year a title names; of a period it names (关于转发…纲要（2011—2020年）的通知), the first."""
        title = title or ""
        m = self.title_year.search(title)
        if m is None:
            return None
        opened = self.range_opens.search(title, 0, m.start())
        return int(opened["y"]) if opened else int(m["y"])


def small_count(written: str) -> int | None:
    """5 or 五 (a count of years) as an int."""
    if written.isdigit():
        return int(written)
    import cn2an

    try:
        return int(cn2an.cn2an(written, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


@lru_cache(maxsize=1)
def time_reader() -> TimeReader:
    return TimeReader()
