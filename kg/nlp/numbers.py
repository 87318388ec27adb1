"""Read numbers and quantities written the Chinese way.

``8.6万件`` is 86000 件, ``3亿5000万元`` is 350000000 元 (each group multiplies
its own number), ``5-10家`` is the range 5..10 家, ``百分之十五`` is 15 %, and
Chinese numerals (``一千二百三十四``) are converted with cn2an. Arithmetic is
exact: values are :class:`~decimal.Decimal`, never floats.

The numerals, multipliers, units and separators are data, in
``resources/numbers.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, localcontext, InvalidOperation
from functools import lru_cache

from kg.nlp.bands import Bands
from kg.resources import compile_pattern, load_toml

ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"  # 1,000.5 with its thousands separators, or 1000.5
ARABIC_RE = re.compile(ARABIC)
_PLAIN_DECIMAL = re.compile(r"\d+(?:\.\d+)?")  # 0.9 in 0.9、5.9个百分点


def plain(value: Decimal) -> Decimal:
    """Return ``value`` without an exponent or trailing zeros: 8.6E+4 becomes 86000."""
    value = value.normalize()
    if value == value.to_integral_value():
        with localcontext() as context:
            context.prec = max(context.prec, len(value.as_tuple().digits) + value.as_tuple().exponent + 2)
            return value.quantize(Decimal(1))
    return value


@dataclass(frozen=True)
class Quantity:
    """A number with its unit, found at ``[start, end)`` of a text."""

    start: int
    end: int
    value: Decimal
    unit: str | None
    value_max: Decimal | None = None
    written: str = ""
    more: bool = False  # written with 多 or 余: more than the value
    loose: bool = False  # a range said loosely (三四个: three or four), no bounds written


class NumberReader:
    """Finds quantities in text; build once, then call :meth:`quantities`."""

    def __init__(self) -> None:
        cfg = load_toml("numbers.toml")
        self.multipliers = {k: Decimal(v) for k, v in cfg["multipliers"].items()}
        num = cfg["numerals"]
        self.chinese_chars = num["chinese"]
        self.zero_variants = str.maketrans(dict.fromkeys(num["zero_variants"], "〇"))
        self.not_numbers = set(num["not_numbers"])
        self.percent_prefix = num["percent_prefix"]
        self.fraction_word = num["fraction_word"]
        tenths = (rf"(?P<tenth>[{re.escape(num['tenth_numerals'])}]){re.escape(num['tenth_word'])}"
                  rf"(?!{'|'.join(re.escape(w) for w in num['tenth_not_before'])})")
        self.bare_counts = set(num["bare_counts"])
        self.bands = Bands(num)
        self.label_prefixes = tuple(num["label_prefixes"])
        self.name_suffixes = tuple(num["name_suffixes"])
        units = "|".join(re.escape(u) for u in num["ordinal_units"])
        part = rf"[0-9{re.escape(self.chinese_chars)}]+(?:{units})?"  # 三十九条
        item = rf"{part}(?:{re.escape(num['ordinal_prefix'])}[（(]?{part}[）)]?(?:{units})?)*"  # 三十九条第一款, 四十三条第（一）项
        joint = "|".join(re.escape(w) for w in num["ordinal_marks"])
        self.ordinal_list = re.compile(rf"{re.escape(num['ordinal_prefix'])}{item}(?:(?:{joint}){re.escape(num['ordinal_prefix'])}?{item})*(?:{joint})$")
        self.ordinal_units = set(num["ordinal_units"])
        self.neighbours = {run[k:k + 2] for run in num["neighbour_digits"] for k in range(len(run) - 1)}  # 三四, 两三
        rank = cfg["rank"]
        leads = "|".join(re.escape(w) for w in sorted(rank["leads"], key=lambda w: (-len(w), w)))
        marks = "".join(re.escape(w) for w in rank["marks"])
        rank_units = "|".join(re.escape(w) for w in rank["units"])
        self.rank = compile_pattern(
            rf"(?:{leads})[^，。；：,;:\d]{{0,{int(rank['reach'])}}}?(?P<at>[{marks}])"
            rf"(?P<n>\d{{1,3}}|[{re.escape(self.chinese_chars)}]{{1,3}})(?P<u>{rank_units})?",
            "numbers.toml [rank]")
        self.rank_unit = rank["unit"]
        zero = cfg["zero"]
        self.zero, self.zero_after, self.zero_before = zero["word"], tuple(zero["after"]), tuple(zero["before"])
        self.per_marks = set(num["per_marks"])
        self.per_mark = cfg["per"]["mark"]
        self.chinese_only_units = set(num["chinese_only_units"])
        self.grade_bounds = {u: tuple(w) for u, w in num["grade_bounds"].items()}
        self.digit_only_units = set(num["digit_only_units"])
        self.digit_only_unless = {u: tuple(w) for u, w in num["digit_only_unless"].items()}
        self.unit_not_after = {u: tuple(w) for u, w in num["unit_not_after"].items()}
        self.unit_not_before = {u: tuple(w) for u, w in num["unit_not_before"].items()}
        self.chinese_unit_caps = {u: Decimal(v) for u, v in num["chinese_unit_caps"].items()}
        self.one_units = set(num["one_units"])
        self.one_always = set(num["one_always"])
        self.lone_counts = {k: tuple(v) for k, v in num["lone_counts"].items()}
        self.one_limits = tuple(num["one_limits"])
        self.once_unit, self.once_ends = num["once_unit"], tuple(num["once_ends"])
        self.one_quota_leads, self.one_quota_reach = tuple(num["one_quota_leads"]), num["one_quota_reach"]
        self.one_word_ends = tuple(num["one_word_ends"])
        self.list_mark = num["list_mark"]
        self.half = num["half"]
        self.half_units = tuple(sorted(num["half_units"], key=len, reverse=True))
        self.half_not_after = tuple(num["half_not_after"])
        self.scaled = {u: (s["unit"], Decimal(str(s["factor"]))) for u, s in cfg["scaled"].items()}
        ratio = cfg["ratio"]
        marks = "".join(re.escape(m) for m in ratio["marks"])
        self.ratio = compile_pattern(rf"(?<![\d.])\d+(?:\.\d+)?(?:\s*[{marks}]\s*\d+(?:\.\d+)?)+(?![\d.%])",
                                     "numbers.toml [ratio]")
        self.ratio_split = re.compile(rf"\s*[{marks}]\s*")
        self.ratio_words, self.ratio_comparisons = tuple(ratio["words"]), tuple(ratio["comparisons"])
        self.ratio_reach = int(ratio["reach"])
        self.ratio_reach_before = int(ratio["reach_before"])
        self.words = {w: Decimal(str(v)) for w, v in cfg["words"].items()}
        self.words_above = {w for w, above in cfg["words_above"].items() if above}
        self.word_name_heads = tuple(cfg["word_names"]["heads"])
        per = cfg["per"]
        self.threshold_prefixes = tuple(num["threshold_prefixes"])
        self.units = dict(cfg["units"])
        mult = "".join(re.escape(m) for m in self.multipliers)
        more = "".join(re.escape(m) for m in num["more_than"])
        self.more_than = set(num["more_than"])
        arabic_num = rf"{ARABIC}[{more}]?[{mult}]*[{more}]?(?:{ARABIC}[{mult}]+)*"  # 3700多万, 23万多
        point = rf"(?:{re.escape(num['decimal_point'])}[{re.escape(num['digits'])}]+)?"  # 四十五点五
        chinese_num = rf"[{re.escape(self.chinese_chars)}]+{point}(?:[{more}][{mult}]*)?"  # 三千多万, 二十多, 十余
        number = rf"(?:{arabic_num}|{chinese_num})"
        seps = "|".join(re.escape(s) for s in sorted(num["range_separators"], key=len, reverse=True))
        units = "|".join(re.escape(u) for u in sorted(self.units, key=len, reverse=True))
        denominators = "|".join(re.escape(u) for u in sorted(set(self.units) | set(per["words"]), key=lambda u: (-len(u), u)))
        joined = rf"(?:{denominators})(?:[{re.escape(''.join(per['joiners']))}](?:{denominators}))?"  # 立方米/年.户
        unit = rf"(?:{units})(?:{re.escape(per['mark'])}{joined}){{0,2}}"
        words = "|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True))
        self.year_unit = num["year_unit"]
        self.year_units = {self.year_unit, *num["calendar_units"]}
        self.date_parts = tuple(num["date_parts"])
        self.date_leads = tuple(num["date_leads"])
        self.day = {k: tuple(num[k]) for k in ("day_units", "day_after", "day_before", "day_before_not", "day_not")}
        self.clock = tuple(num["clock"])
        self.clock_not = tuple(num["clock_not"])
        pattern = (
            rf"(?<![A-Za-z0-9.{re.escape(num['ordinal_prefix'])}{re.escape(self.chinese_chars)}])"
            rf"(?:{re.escape(self.percent_prefix)}(?P<pnum>{number})"
            rf"|(?P<den>{chinese_num}|\d+){re.escape(self.fraction_word)}(?P<num>{chinese_num}|\d+)"
            rf"|(?P<word>{words})"
            rf"|{tenths}"
            rf"|(?P<a>{number})(?:(?P<unit_a>{unit})?(?P<sep>{seps})(?P<b>{number}))?(?P<unit>{unit})?)"
            rf"(?(unit)(?![A-Za-z])|(?![A-Za-z\d]|\.\d))"  # never cut inside digits (180nm is no 18; 2年50% is)
        )
        self.pattern = compile_pattern(pattern, "numbers.toml (assembled quantity pattern)")
        links = cfg["links"]
        self.links = compile_pattern("|".join(f"(?:{p})" for p in links["patterns"]), "numbers.toml links.patterns")
        self.link_marks = tuple(links["marks"])
        self.link_reach = 300  # how far before a clause a link that runs into it may start
        self._units_by_length = sorted(self.units, key=len, reverse=True)
        self._arabic_groups = re.compile(rf"({ARABIC})([{mult}]*)")
        self._mult_only = set(self.multipliers)

    def _shared_multiplier(self, a: str, b: str | None, value: Decimal, value_max: Decimal | None) -> Decimal:
        """A range's lower end takes the multiplier written on its upper end only (50－150万元), if smaller."""
        if not b or value_max is None or not b[:1].isdigit() or any(ch in self.multipliers for ch in a):
            return value
        bare = b.rstrip("".join(self.multipliers))
        written = self.parse(bare) if bare != b else None
        return plain(value * value_max / written) if written and value < written else value

    def parse(self, text: str) -> Decimal | None:
        """Return the value of a written number, or None if it is not one."""
        if not text:
            return None
        text = "".join(ch for ch in text if ch not in self.more_than and ch != ",")
        if text and set(text) <= self._mult_only:  # 千, 百万: a count of the multiplier
            value = Decimal(1)
            for ch in text:
                value *= self.multipliers[ch]
            return plain(value)
        if text[0].isdigit():
            total, pos = Decimal(0), 0
            for m in self._arabic_groups.finditer(text):
                if m.start() != pos:
                    return None
                factor = Decimal(1)
                for ch in m.group(2):
                    factor *= self.multipliers[ch]
                total += Decimal(m.group(1)) * factor
                pos = m.end()
            return plain(total) if pos == len(text) else None
        import cn2an

        text = text.translate(self.zero_variants)
        try:
            value = cn2an.cn2an(text, "normal")
        except (ValueError, KeyError, IndexError, TypeError):
            return None
        try:
            return plain(Decimal(str(value)))
        except InvalidOperation:
            return None

    def _is_date(self, value: Decimal, unit: str | None, value_max: Decimal | None, text: str, end: int) -> bool:
        """True if the number is a calendar year or part of a date, not a quantity."""
        years = [v for v in (value, value_max) if v is not None]
        if (unit is None or unit in self.year_units) and all(v == v.to_integral_value() and 1900 <= v <= 2100 for v in years):
            return True
        if unit is None and text.startswith(self.clock, end) and not text.startswith(self.clock_not, end):
            return True  # 22时至次日6时: a time of day
        return unit is None and text.startswith(self.date_parts, end)

    def _is_day(self, value: Decimal, unit: str | None, text: str, start: int, end: int) -> bool:
        """True if the number is a day of the month told alone (31日下午, 于27日召开), not a count of days."""
        day = self.day
        if unit not in day["day_units"] or value != value.to_integral_value() or not 1 <= value <= 31:
            return False
        return text.startswith(day["day_after"], end) or (
            text.endswith(day["day_before"], 0, start) and not text.endswith(day["day_before_not"], 0, start)
            and not text.startswith(day["day_not"], end))

    def _unit(self, written: str | None) -> str | None:
        """The unit recorded for one written (个工作日: 工作日; 元/年/人 as it is)."""
        if not written:
            return None
        if written in self.units:
            return self.units[written]
        head, mark, rest = written.partition(self.per_mark)
        return self.units.get(head, head) + mark + rest

    def quota(self, text: str, start: int) -> bool:
        """True if one of the quota leads ends at most ``one_quota_reach`` characters before ``start``, in
        the same clause: 仅能享受一次, 满一年 (not 满足下列两项: 满 opens a word there)."""
        for gap in range(self.one_quota_reach + 1):
            end = start - gap
            if end <= 0 or text[end - 1] in self.once_ends:
                return False
            if any(text.endswith(lead, 0, end) for lead in self.one_quota_leads):
                return True
        return False

    def _sole_level(self, text: str, lo: int, start: int, end: int) -> bool:
        """True if a number ends its clause with no other number before it in the clause: 产业超千亿元。
        is a level, while in 117家企业专利申请量过百件。 the count before names who passes the bar. The clause
        is looked for back to ``lo``, where the text being read starts (no further: a clause is read alone)."""
        if end < len(text) and not text.startswith(self.once_ends, end):
            return False
        opening = max(lo - 1, *(text.rfind(mark, lo, start) for mark in self.once_ends))
        return not any(ch.isdigit() for ch in text[opening + 1:start])

    def _idiom(self, text: str, start: int, end: int) -> bool:
        """A bare multiplier in a set phrase (千家万户, 千行百业) or counting per (每万人口)."""
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        return (after in self._mult_only or before in self.per_marks
                or (before and before not in self._mult_only and start >= 2 and text[start - 2] in self._mult_only))

    def halves(self, text: str, start: int, end: int) -> list[Quantity]:
        """半个月, 半年: half a unit (not 上半年, 一半)."""
        out = []
        pos = text.find(self.half, start, end)
        while pos >= 0:
            unit = next((u for u in self.half_units if text.startswith(u, pos + 1, end)), None)
            if unit and not text.endswith(self.half_not_after, 0, pos):
                out.append(Quantity(pos, pos + 1 + len(unit), Decimal("0.5"), self.units.get(unit, unit), None,
                                    text[pos:pos + 1 + len(unit)]))
            pos = text.find(self.half, pos + 1, end)
        return out

    def ranks(self, text: str, start: int, end: int) -> list[Quantity]:
        """居全国第2位, 位列前十: a rank, written from its 第 or 前."""
        out = []
        for m in self.rank.finditer(text, start, end):
            if not m["u"] and any(text.startswith(u, m.end()) for u in self._units_by_length):
                continue  # 前15家: a count of its own unit
            value = self.parse(m["n"])
            if value is not None:
                out.append(Quantity(m.start("at"), m.end(), value, self.rank_unit, None, text[m.start("at"):m.end()]))
        return out

    def zeros(self, text: str, start: int, end: int) -> list[Quantity]:
        """零 as a count of nothing: 重大安全生产事故零发生, 实现零的突破, 动态清零."""
        out = []
        pos = text.find(self.zero, start, end)
        while pos >= 0:
            alone = not (pos > 0 and text[pos - 1] in self.chinese_chars) and not (
                pos + 1 < len(text) and text[pos + 1] in self.chinese_chars)
            if alone and (text.startswith(self.zero_after, pos + 1) or text.endswith(self.zero_before, 0, pos)):
                out.append(Quantity(pos, pos + 1, Decimal(0), None, None, self.zero))
            pos = text.find(self.zero, pos + 1, end)
        return out

    def ratios(self, text: str, start: int, end: int) -> list[Quantity]:
        """The shares of the ratios in ``text[start:end]`` (按9∶1比例分担: 90% and 10%), each spanning the ratio."""
        out = []
        for m in self.ratio.finditer(text, start, end):
            after = text[m.end():m.end() + self.ratio_reach + 2]
            before = text[max(0, m.start() - self.ratio_reach_before):m.start()]
            if not any(w in after or w in before for w in self.ratio_words):
                continue  # 9:30 is a time, not a ratio
            parts = [Decimal(p) for p in self.ratio_split.split(m.group(0))]
            total = sum(parts)
            if total <= 0:
                continue
            if len(parts) == 2 and parts[1] > 0 and any(
                    w in after or w in before[-self.ratio_reach:] for w in self.ratio_comparisons):
                out.append(Quantity(m.start(), m.end(), _percent(parts[0], parts[1]), "%", None, m.group(0)))
                continue  # 1.5:1的比价: the first as a multiple of the second, not shares of a whole
            if len(parts) > 2 and total == 100:  # 8.7∶41.2∶50.1: the shares as written, no unit written
                out.extend(Quantity(m.start(), m.end(), plain(p), None, None, m.group(0)) for p in parts)
            else:
                out.extend(Quantity(m.start(), m.end(), _percent(p, total), "%", None, m.group(0)) for p in parts)
        return out

    def quantities(self, text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
        """Return the quantities written in ``text[start:end]``, in order (none inside a link)."""
        end = len(text) if end is None else end
        found = self._quantities_in(text, start, end)
        lo, hi = max(0, start - self.link_reach), min(len(text), end + self.link_reach)
        if found and any(text.find(mark, lo, hi) >= 0 for mark in self.link_marks):  # no copy of the clause
            links = [m.span() for m in self.links.finditer(text, lo, hi)]
            found = [q for q in found if not any(s < q.end and q.start < e for s, e in links)]
        return found

    def _quantities_in(self, text: str, start: int, end: int) -> list[Quantity]:
        ratios = (self.ratios(text, start, end) + self.halves(text, start, end) + self.zeros(text, start, end)
                  + self.ranks(text, start, end))
        if ratios:  # the ratios and halves, and the numbers around them
            found = list(ratios)
            pos = start
            for s, e in sorted({(q.start, q.end) for q in ratios}):
                found.extend(self._quantities(text, pos, s, start))
                pos = e
            found.extend(self._quantities(text, pos, end, start))
            return self.bands.join(text, self._shared_unit(text, sorted(found, key=lambda q: q.start)), end)
        return self.bands.join(text, self._shared_unit(text, self._quantities(text, start, end)), end)

    def _shared_unit(self, text: str, found: list[Quantity]) -> list[Quantity]:
        """30、210、70万吨, 0.9、5.9个百分点: bare numbers listed before one with a unit share its unit and
        multiplier."""
        out = list(found)
        for k in range(len(out) - 1, 0, -1):
            last = out[k]
            digits = ARABIC_RE.match(last.written)
            written = Decimal(digits.group().replace(",", "")) if digits is not None else Decimal(0)
            if last.unit is None or last.value_max is not None or not written:
                continue  # (0万吨 says nothing of the multiplier the list before it shares)
            factor = last.value / written
            scale = last.written[digits.end():]  # 万吨 of 100万吨: 10万、20万、100万吨 share 吨, not 万 again
            scale = scale[:next((i for i, ch in enumerate(scale) if ch not in self.multipliers), len(scale))]
            j = k - 1
            while (j >= 0 and out[j].unit is None and out[j].value_max is None and self._bare(out[j].written, scale)
                   and text[out[j].end:out[j + 1].start] == self.list_mark):
                j -= 1
            if j + 1 < k and not text.endswith(self.list_mark, 0, out[j + 1].start):  # not 第1、2、3名
                for i in range(j + 1, k):
                    scaled = _PLAIN_DECIMAL.fullmatch(out[i].written) is None  # 20万: its own 万 is read already
                    out[i] = replace(out[i], value=out[i].value * (1 if scaled else factor), unit=last.unit)
        return out

    @staticmethod
    def _bare(written: str, scale: str) -> bool:
        """A number listed without a unit: plain (30 of 30、70万吨), or with the scale the list's last number
        writes before its unit (20万 of 10万、20万、100万TEU)."""
        digits = _PLAIN_DECIMAL.match(written)
        return digits is not None and written[digits.end():] in ("", scale)

    def _quantities(self, text: str, start: int, end: int, lo: int | None = None) -> list[Quantity]:
        """The quantities of ``text[start:end]``, a part of the text being read from ``lo`` (``start`` if None)."""
        lo = start if lo is None else lo
        found: list[Quantity] = []
        limit, pos = end, start
        while (m := self.pattern.search(text, pos, limit)) is not None:
            pos = m.end()
            if m.group("pnum"):
                value = self.parse(m.group("pnum"))
                if value is not None:
                    found.append(Quantity(m.start(), m.end(), value, "%", None, m.group(0)))
                continue
            if m.group("den"):  # 三分之一: a fraction, as a percentage
                den, numerator = self.parse(m.group("den")), self.parse(m.group("num"))
                if den and numerator is not None:
                    found.append(Quantity(m.start(), m.end(), _percent(numerator, den), "%", None, m.group(0)))
                continue
            if m.group("tenth"):  # 五成: five tenths, as a percentage
                value = self.parse(m.group("tenth"))
                found.append(Quantity(m.start(), m.end(), value * 10, "%", None, m.group(0)))
                continue
            if m.group("word"):  # 一半, 翻一番
                word = m.group("word")
                if text.startswith(self.word_name_heads, m.end()):
                    continue  # 倍增计划: a name, not a doubling
                found.append(Quantity(m.start(), m.end(), self.words[word], "%", None, word, more=word in self.words_above))
                continue
            a, b, unit = m.group("a"), m.group("b"), m.group("unit")
            unit_a = m.group("unit_a")
            if unit_a and b is None:
                unit = unit_a  # 8个工作日
            elif unit_a and unit != unit_a:
                # 5家至10个: not one range; read the first number alone and go on after it
                found.extend(self.quantities(text, m.start(), m.end("unit_a")))
                pos = m.end("unit_a")
                continue
            end = m.end()
            if unit and text.startswith(self.unit_not_before.get(unit, ()), end):
                end -= len(unit)  # 如图1所示: 所 opens a word, it counts no schools
                unit = None
            if unit is None:  # 10亿千瓦: the 千 belongs to the unit, not the number
                last = b or a
                for k in range(1, len(last)):
                    if last[-k] not in self.multipliers:
                        break
                    unit = next((u for u in self._units_by_length if text.startswith(u, end - k)), None)
                    if unit:
                        if b:
                            b = b[:-k]
                        else:
                            a = a[:-k]
                        end = end - k + len(unit)
                        break
            chinese = not a[0].isdigit()
            if chinese and not unit:
                continue  # 五大任务, 十九大: a Chinese numeral needs a unit to be a quantity
            if chinese and set(a) <= self._mult_only and text[max(0, m.start() - 1):m.start()] in self.threshold_prefixes \
                    and not (unit and self._sole_level(text, lo, m.start(), end)):
                continue  # 过百件的企业: part of an indicator's name (产业超千亿元。 is a level)
            if chinese and set(a) <= self._mult_only and (len(a) > 1 and a not in self.bare_counts or unit == self.year_unit
                                                        or self._idiom(text, m.start(), end)):
                continue  # 千千万万, 百千万人才工程, 百年奋斗目标, 千家万户, 每万人口: not a count
            if chinese and unit == self.year_unit and len(a) >= 3 and not set(a) & self._mult_only:
                continue  # 二〇三五年: a year
            once = unit == self.once_unit and (end >= len(text) or text.startswith(self.once_ends, end))
            if a in self.not_numbers and not b and not once and unit not in self.one_always \
                    and unit not in self.lone_counts.get(a, ()) and not (
                    unit in self.one_units and text.startswith(self.one_limits, end)) and not (
                    unit and self.quota(text, m.start()) and not text.startswith(self.one_word_ends, end)):
                continue  # 一个平台, 十项: an article or a name, not a count (but 一个月内 is a time limit)
            if chinese and unit in self.digit_only_units and not text.startswith(self.digit_only_unless.get(unit, ()), end):
                continue  # 一起: together; 千兆光网: a name (but 万兆到旗县区 is a bandwidth reached)
            if unit in self.unit_not_after and text.endswith(self.unit_not_after[unit], 0, m.start()):
                continue  # 8时30分: a time of day
            if not chinese and unit in self.chinese_only_units and not text.startswith(self.grade_bounds.get(unit, ()), end):
                continue  # 1.1级: a grade or a code; not 2级及以上能效, a grade bounded
            if unit is None and (text.endswith(self.label_prefixes, 0, m.start()) or text.startswith(self.name_suffixes, end)):
                continue  # 表1, 318国道: a label or a name
            if (unit is None or unit in self.ordinal_units) and self.ordinal_list.search(text, max(0, m.start() - 40), m.start()):
                continue  # 第三十四条、三十五条: the 第 before numbers the list
            value = self.parse(a)
            value_max = self.parse(b) if b else None
            loose = chinese and not b and len(a) == 2 and a in self.neighbours
            if loose:
                value, value_max = self.parse(a[0]), self.parse(a[1])  # 三四个, 三四级: three or four, no 34
            if value is None or (b and value_max is None):
                continue
            value = self._shared_multiplier(a, b, value, value_max)
            if unit in self.chinese_unit_caps and value > self.chinese_unit_caps[unit]:
                continue  # 十九大: a congress, not nineteen of anything
            if self._is_date(value, self._unit(unit), value_max, text, m.end()) or self._is_day(value, unit, text, m.start(), end):
                continue
            if text.endswith(self.date_leads, 0, m.start()) and m.start() >= 2 and (
                    not chinese and (unit is None or unit in self.date_parts)
                    and (text[m.start() - 2].isdigit() or unit in self.date_parts)
                    or chinese and unit in self.date_parts and text[m.start() - 2] in self.chinese_chars):
                continue  # 4月23日, 次月20日, 十二月十五日: the rest of a date (not 每年3600元, 2年50%)
            more = any(ch in self.more_than for ch in a)
            recorded = self._unit(unit)
            if recorded in self.scaled:  # 两倍: 200%
                recorded, factor = self.scaled[recorded]
                value = plain(value * factor)
                value_max = plain(value_max * factor) if value_max is not None else None
            found.append(Quantity(m.start(), end, value, recorded, value_max, text[m.start():end], more, loose))
        return found


def _percent(numerator: Decimal, denominator: Decimal) -> Decimal:
    """numerator / denominator as a percentage, to two decimals (三分之一 is 33.33)."""
    return plain((numerator * 100 / denominator).quantize(Decimal("0.01")))


@lru_cache(maxsize=1)
def number_reader() -> NumberReader:
    """Return the shared, read-only :class:`NumberReader`."""
    return NumberReader()
