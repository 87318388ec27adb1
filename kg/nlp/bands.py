"""Bands: the two ends of a range written with their bounds, joined into one quantity.

``10万元以上30万元以下``, ``100吨以上不足500吨`` and ``超过一个月不满一年`` are each one range,
in the smaller unit where the two ends are written in units of time one of which holds the
other (``三个月以上不满一年``: 3 to 12 个月). The ends may be parted by a list mark
(``100万元及以上、2000万元以下``) or written upper end first (``10亿元以下、7亿元及以上``), as
tiered grants write their bands, or with a bracket saying the lower end is included
(``1亿元（含1亿元）至2亿元``, ``6万元（含）至10万元（不含）``, ``3万元（不含3万元）至4万元（含4万元）``). The bound words are data, in ``resources/numbers.toml``.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.nlp.numbers import Quantity


class Bands:
    def __init__(self, num: dict) -> None:
        self.lower = tuple(sorted(num["bounded_lower"], key=len, reverse=True))
        self.upper_before = tuple(sorted(num["bounded_upper_before"], key=len, reverse=True))
        self.upper_after = tuple(sorted(num["bounded_upper_after"], key=len, reverse=True))
        self.lower_before = tuple(num["bounded_lower_before"])
        self.joiners = tuple(num["band_joiners"])
        self.separators = tuple(num["range_separators"])
        self.inclusive = tuple(num["band_inclusive"])  # （含1亿元）: a bracket that says a bound is in the range
        self.end_marks = tuple(num["band_end_marks"])  # （含）, （不含）: a bracket that says whether an end is in
        self.taken_in = tuple(num["band_taken_in"])  # （含: the opening of a bracket that says an end is in
        self.units = {(big, small): Decimal(str(factor)) for big, small, factor in num["band_units"]}

    def join(self, text: str, found: list[Quantity], end: int) -> list[Quantity]:
        """``found`` with each band's two ends joined into one range."""
        out: list[Quantity] = []
        k = 0
        while k < len(found):
            q = found[k]
            nxt = found[k + 1] if k + 1 < len(found) else None
            last = found[k + 2] if k + 2 < len(found) else None
            if last is not None and self._inclusive_range(text, q, nxt, last):
                out.append(replace(q, end=last.end, value_max=last.value, written=text[q.start:last.end]))
                k += 3  # 1亿元（含1亿元）至2亿元: the bracket's copy of the lower end is no number of its own
                k += int(self._copied(text, last, found[k] if k < len(found) else None))  # …至2亿元（含2亿元）: nor the upper's
                continue
            if nxt is not None and self._marked_range(text, q, nxt):
                out.append(replace(q, end=nxt.end, value_max=nxt.value, written=text[q.start:nxt.end]))
                k += 2  # 6万元（含）至10万元: the lower end, the bracket saying it is in, a range mark, the upper
                continue
            if nxt is not None and q.value_max is None and nxt.value_max is None:
                top = self._in_unit(nxt, q.unit)
                if top is not None and top > q.value and self._lower_first(text, q, nxt, end):
                    out.append(replace(q, end=nxt.end, value_max=top, written=text[q.start:nxt.end]))
                    k += 2
                    continue
                if q.unit == nxt.unit and nxt.value < q.value and self._upper_first(text, q, nxt, end):
                    out.append(replace(q, end=nxt.end, value=nxt.value, value_max=q.value, written=text[q.start:nxt.end]))
                    k += 2  # 10亿元以下、7亿元及以上: the upper end first
                    continue
            out.append(q)
            k += 1
        return out

    def _in_unit(self, q: Quantity, unit: str | None) -> Decimal | None:
        """The value of ``q`` in ``unit`` (一年 in 个月 is 12), or None if it cannot be said in it."""
        if q.unit == unit:
            return q.value
        factor = self.units.get((q.unit, unit))
        return q.value * factor if factor is not None else None

    def _lower_first(self, text: str, low: Quantity, high: Quantity, end: int) -> bool:
        between = text[low.end:high.start]
        lower = next((w for w in self.lower if between.startswith(w)), None)
        if lower is None:
            opened = any(text.endswith(w, 0, low.start) for w in self.lower_before)
            return opened and between in self.upper_before  # 超过一个月不满一年
        rest = self._unjoined(between[len(lower):])
        if rest in self.upper_before or rest.strip() in self.separators:
            return True  # 100吨以上不足500吨; 1000万元及以上至2000万元
        return rest == "" and text.startswith(self.upper_after, high.end, end)

    def _upper_first(self, text: str, high: Quantity, low: Quantity, end: int) -> bool:
        between = text[high.end:low.start]
        upper = next((w for w in self.upper_after if between.startswith(w)), None)
        return (upper is not None and between[len(upper):] in self.joiners
                and text.startswith(self.lower, low.end, end))

    def _inclusive_range(self, text: str, low: Quantity, copy: Quantity, high: Quantity) -> bool:
        """1亿元（含1亿元）至2亿元: the lower end, a bracket that says it is included, a range mark, the upper end."""
        return (self._copied(text, low, copy) and low.unit == high.unit and text[copy.end + 1:high.start] in self.separators
                and low.value_max is None and high.value_max is None and high.value > low.value)

    def included(self, text: str, q: Quantity, end: int) -> bool:
        """A bracket right after ``q`` says it is in (低于50400元（含50400元）, 超过3万元（含）): its bound is inclusive."""
        rest = text[q.end:end]
        return any(rest.startswith((w + "）", w + ")", w + text[q.start:q.end])) for w in self.taken_in)

    def _copied(self, text: str, end: Quantity, copy: Quantity | None) -> bool:
        """Whether ``copy`` repeats ``end`` in a bracket saying whether it is in (1亿元（含1亿元）, 42000元（含42000元）)."""
        return (copy is not None and text[end.end:copy.start] in self.inclusive and copy.value == end.value
                and copy.unit == end.unit and text[copy.end:copy.end + 1] in "）)")

    def _marked_range(self, text: str, low: Quantity, high: Quantity) -> bool:
        """6万元（含）至10万元: the lower end, a bracket that says whether it is in, a range mark, the upper end."""
        between = text[low.end:high.start]
        mark = next((m for m in self.end_marks if between.startswith(m)), None)
        return (mark is not None and between[len(mark):] in self.separators and low.unit == high.unit
                and low.value_max is None and high.value_max is None and high.value > low.value)

    def _unjoined(self, rest: str) -> str:
        return next((rest[len(j):] for j in self.joiners if rest.startswith(j)), rest)
