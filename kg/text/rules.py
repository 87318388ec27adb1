"""The structure rules of ``resources/structure.toml``, and the readers of titles and dates they serve."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import cn2an

from kg.resources import compile_pattern, load_toml

_TITLE_TAIL = re.compile(r"[（(][^（）()]*[）)]$")  # a title's bracketed tail: （试行）, （2021-2023年）


@dataclass(frozen=True)
class StructureRules:
    markers: tuple[tuple[str, int, re.Pattern], ...]
    body_kinds: frozenset
    max_heading_length: int
    inline: re.Pattern
    enders: frozenset
    closers: frozenset
    terminal: frozenset
    table_row: str
    title_max: int
    link_line: re.Pattern
    interpretation: tuple[re.Pattern, ...]
    source_prefixes: tuple[str, ...]
    url: re.Pattern
    date: re.Pattern
    date_suffix: re.Pattern
    front_max: int
    number: re.Pattern
    date_line: re.Pattern
    addressee_end: str
    addressee_cues: tuple[str, ...]
    addressee_max: int
    release_note: re.Pattern
    signoff_max: int
    signoff_lines: int
    signoff_ends: tuple[str, ...]
    annex: re.Pattern
    part_title_max: int
    issuing_title: re.Pattern
    issued_separators: tuple[str, ...]
    cited_title: re.Pattern
    header: re.Pattern
    record_fields: dict = field(default_factory=dict)  # 标题: title; 发布时间, 文号…: metadata
    record_line: re.Pattern | None = None  # a line of such a record: its field (the group ``field``) and colon
    record_furniture: re.Pattern | None = None
    title_tail: re.Pattern | None = None
    title_open: re.Pattern | None = None
    title_short_tail: int = 0
    title_kinds: tuple[str, ...] = ()
    head_lines: int = 0
    head_line_max: int = 0
    sequels: tuple = ()
    year_digits: dict = field(default_factory=dict)  # a Chinese digit of a year and its value
    chinese_year: re.Pattern | None = None  # a year in Chinese digits where a time is set (到二〇二五年)


@lru_cache(maxsize=1)
def structure_rules() -> StructureRules:
    """Return the structure rules of ``resources/structure.toml``."""
    cfg = load_toml("structure.toml")
    markers = tuple(
        (m["kind"], int(m["rank"]), compile_pattern(m["pattern"], f"structure.toml [headings] {m['kind']}"))
        for m in cfg["headings"]["markers"]
    )
    src, front, parts = cfg["source"], cfg["front"], cfg["parts"]
    where = "structure.toml"
    sequels = tuple(
        (m["kind"], int(m["rank"]), compile_pattern(m["sequel"], f"structure.toml [headings] {m['kind']} sequel"))
        for m in cfg["headings"]["markers"] if "sequel" in m
    )
    return StructureRules(
        markers=markers,
        sequels=sequels,
        body_kinds=frozenset(m["kind"] for m in cfg["headings"]["markers"] if m.get("body")),
        max_heading_length=int(cfg["headings"]["max_heading_length"]),
        inline=compile_pattern(cfg["enumeration"]["inline"], f"{where} [enumeration] inline"),
        enders=frozenset(cfg["sentences"]["enders"]),
        closers=frozenset(cfg["layout"]["closers"]),
        terminal=frozenset(cfg["layout"]["terminal"]),
        table_row=cfg["layout"]["table_row"],
        title_max=int(cfg["title"]["max_length"]),
        link_line=compile_pattern(cfg["title"]["link_line"], f"{where} [title] link_line"),
        interpretation=tuple(compile_pattern(p, f"{where} [title] interpretation") for p in cfg["title"]["interpretation"]),
        title_tail=compile_pattern(cfg["title"]["tail"], f"{where} [title] tail"),
        title_open=compile_pattern(cfg["title"]["open"], f"{where} [title] open"),
        title_short_tail=int(cfg["title"]["short_tail"]),
        title_kinds=tuple(load_toml("references.toml")["kinds"]),
        head_lines=int(cfg["title"]["head_lines"]),
        head_line_max=int(cfg["title"]["head_line_max"]),
        source_prefixes=tuple(src["prefixes"]),
        url=compile_pattern(src["url"], f"{where} [source] url"),
        date=compile_pattern(src["date"], f"{where} [source] date"),
        date_suffix=compile_pattern(src["date_suffix"], f"{where} [source] date_suffix"),
        front_max=int(front["max_lines"]),
        number=compile_pattern(front["number"], f"{where} [front] number"),
        date_line=compile_pattern(front["date_line"], f"{where} [front] date_line"),
        addressee_end=front["addressee_end"],
        addressee_cues=tuple(front["addressee_cues"]),
        addressee_max=int(front["addressee_max"]),
        release_note=compile_pattern(front["release_note"], f"{where} [front] release_note"),
        signoff_max=int(parts["signoff_max"]),
        signoff_lines=int(parts["signoff_lines"]),
        signoff_ends=tuple(parts["signoff_ends"]),
        annex=compile_pattern(parts["annex"], f"{where} [parts] annex"),
        part_title_max=int(parts["title_max"]),
        issuing_title=compile_pattern(parts["issuing_title"], f"{where} [parts] issuing_title"),
        issued_separators=tuple(parts["issued_separators"]),
        cited_title=compile_pattern(load_toml("references.toml")["title"], "references.toml title"),
        header=compile_pattern(src["header"], f"{where} [source] header"),
        record_fields=dict(src["record_fields"]),
        record_line=re.compile("^(?P<field>" + "|".join(map(re.escape, sorted(src["record_fields"], key=len, reverse=True)))
                               + r")\s*[：:]"),
        record_furniture=compile_pattern(src["record_furniture"], f"{where} [source] record_furniture"),
        year_digits={ch: k for k, ch in enumerate(front["year_digits"])} | dict.fromkeys(front["year_zeros"], 0),
        chinese_year=compile_pattern(front["chinese_year"], f"{where} [front] chinese_year"),
    )


def numeral(text: str) -> int:
    """Return the integer written by ``text`` in Arabic or Chinese numerals."""
    if text.isdigit():
        return int(text)
    return int(cn2an.cn2an(text, "normal"))


_KEY_PUNCTUATION = str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，", ";": "；",
                                  "—": "-", "–": "-", "－": "-", "~": "-", "～": "-"})


def written_date(year: str, month: str, day: str) -> _dt.date | None:
    """The date written with Arabic or Chinese numbers (二〇一一年十二月十五日), or None if there is none."""
    digits = structure_rules().year_digits
    try:
        y = int(year) if year.isascii() else int("".join(str(digits[ch]) for ch in year))
        return _dt.date(y, numeral(month), numeral(day))
    except (ValueError, KeyError):
        return None


def bare_title(title: str) -> str:
    """A title without its bracketed tail ((试行), （2021-2023年）)."""
    return _TITLE_TAIL.sub("", title.strip()).strip()


def title_key(title: str) -> str:
    """Return the key under which titles are matched and documents named.

    Spaces, quote marks and title brackets go; punctuation takes the
    full-width form Chinese titles use (so it stays readable in an IRI);
    full-width digits and letters are already ASCII in normalised text.
    """
    text = re.sub(r"[\s《》〈〉<>“”\"'‘’「」『』]", "", title)
    return text.translate(_KEY_PUNCTUATION)
