"""Names of bodies: a written name resolved to its canonical one, against the document's region.

A name relative to the document's region is qualified (市知识产权局 in a Beijing
document is 北京市知识产权局), a short form expanded (发展改革委 → 发展和改革委员会),
an aside read (市委组织部（人才办）), a township given its county; the result is
looked up again in the lexicon. Read from ``agencies.toml`` ([name], [regions]),
``agency_stems.tsv`` and ``non_agencies.txt``.
"""

from __future__ import annotations

import re

from kg.extract.agencies.common import runs_through
from kg.extract.records import AgencyType
from kg.nlp.script import HAN, is_han
from kg.resources import compile_pattern, read_table, read_words


class Naming:
    """The naming half of :class:`kg.extract.agencies.AgencyFinder` (its rules are loaded there)."""

    def _load_names(self, cfg: dict) -> None:
        self.title_words = tuple(cfg["name"]["title_words"])
        self.title_joins = tuple(cfg["name"]["title_joins"])
        self.agency_endings = tuple(cfg["name"]["agency_endings"])
        self.document_number = compile_pattern(cfg["name"]["document_number"], "agencies.toml [name] document_number")
        self.breaks = set(cfg["name"]["breaks"])
        self.break_tags = set(cfg["name"]["break_tags"])
        self.name_words = set(cfg["name"]["name_words"])
        self.generic = tuple(sorted(cfg["name"]["generic"], key=len, reverse=True))
        self.particles = "".join(cfg["name"]["particles"])
        self.max_length = int(cfg["name"]["max_length"])
        self.committee = (cfg["name"]["committee_short"], cfg["name"]["committee_full"], int(cfg["name"]["committee_min"]))
        self.party = tuple(cfg["name"]["party_openings"])
        self.party_committee = tuple(cfg["name"]["party_committee"])
        self.party_departments = tuple(cfg["name"]["party_departments"])
        self.party_working = dict(cfg["name"]["party_working"])
        self.joined_fields = [(a, b) for a, b in cfg["name"]["joined_fields"]]
        self.joined = cfg["name"]["joined_with"]  # the 和 of 住房和城乡建设
        self.city_suffix = cfg["regions"]["county_level_city"]  # 梅州 is 梅州市
        self.aside_brackets = [tuple(pair) for pair in cfg["name"]["aside_brackets"]]
        self.organ_suffixes = tuple(cfg["name"]["organ_suffixes"])
        self.party_prefix = cfg["name"]["party_prefix"]
        self.relative = sorted(cfg["regions"]["relative"].items(), key=lambda kv: -len(kv[0]))
        self.not_relative = tuple(cfg["regions"]["not_relative"])
        self.own_levels = tuple(cfg["regions"]["own_levels"])
        # Prefixes that open a name even at the end of a longer word (张天培省|发展改革委); not 区 or 县,
        # which end place and zone names (高新区管委会, 内蒙古自治区人民政府).
        self.opening_prefixes = tuple(p for p, level in self.relative if level not in cfg["regions"]["closing_levels"])
        self.self_references = set(cfg["regions"]["self_references"])
        self._bare_self = re.compile("|".join(map(re.escape, cfg["regions"]["bare_self_references"])))
        self.bare_self_before = set(cfg["regions"]["bare_self_before"])
        self.bare_self_after = set(cfg["regions"]["bare_self_after"])
        self._self_starts = re.compile("(?=" + "|".join(map(re.escape, sorted(self.self_references))) + ")")
        self.national_prefixes = tuple(cfg["regions"]["national_prefixes"])
        self.vertical = dict(cfg["regions"]["vertical"])
        self.name_joiners = set(cfg["name"]["joiners"])
        self.short_place_units = tuple(cfg["branches"]["short_place_units"])
        self.run_together_heads = cfg["name"]["run_together_heads"]
        self.prefix_cut_after = set(cfg["name"]["prefix_cut_after"])
        stems = read_table("agency_stems.tsv", ("short", "full", "local"), required=2)
        self.stems = {row["short"]: row["full"] for row in stems}
        self.full_stems = frozenset(self.stems.values())  # names already in full, no one's short form
        self.local_stems = {row["full"] for row in stems if row["local"] == "local"}
        self.non_agencies = set(read_words("non_agencies.txt"))

    def _load_regions(self, cfg: dict) -> None:
        self.government_short = cfg["regions"]["government_short"]
        self.level_stems = {entry["short"]: {k: v for k, v in entry.items() if k != "short"}
                            for entry in cfg["regions"]["level_stems"]}
        self.place_units = tuple(cfg["regions"]["place_units"])
        self.place_body = cfg["regions"]["place_body"]
        self.place_bodies = dict(cfg["regions"]["place_bodies"])
        self.township_units = tuple(cfg["regions"]["township_units"])
        self.provincial_heads = tuple(cfg["regions"]["provincial_heads"])
        self.provincial_not = tuple(cfg["regions"]["provincial_not"])
        shared = cfg["regions"]["shared_prefix"]
        self.shared_item_max = int(shared["item_length"])
        self.shared_item_ends = tuple(shared["item_ends"])
        self.shared_heads = tuple(shared["heads"])
        self.township_length = int(cfg["regions"]["township_length"])
        self.zones = tuple(cfg["regions"]["zones"])
        self.inner_relative = [(compile_pattern(f["pattern"], "agencies.toml inner_relative"), f["canonical"])
                               for f in cfg["regions"]["inner_relative"]]
        zones = "|".join(re.escape(z) for z in cfg["regions"]["zones"])
        heads = "|".join(re.escape(h) for h in cfg["regions"]["zone_heads"])
        self.zone_body = re.compile(f"[{HAN}]{{2,12}}(?:{zones})(?:{heads})")
        self.title_issuer_ends = tuple(cfg["regions"]["title_issuer_ends"])

    def relative_prefix(self, name: str) -> tuple[str, str] | None:
        """The relative prefix ``name`` opens with and its level (市交通运输局: 市, city), or None; not the first
        character of a word (市场监督管理局)."""
        if name.startswith(self.not_relative):
            return None
        return next(((p, level) for p, level in self.relative if name.startswith(p)), None)

    def _own_prefix(self, regions: dict[str, str]) -> str | None:
        """The relative prefix of the lowest level of the document's region (区 in a zone's document, 市 in a
        city's): a body a list of units names bare belongs to it."""
        return next((p for level in self.own_levels for p, lv in self.relative if lv == level and regions.get(level)),
                    None)

    def unit_canonical(self, name: str, prefix: str, regions: dict[str, str]) -> str | None:
        """The canonical name of a unit a list of units names (责任单位：…), after units whose relative prefix
        was ``prefix``; None if it names no body."""
        own = None if prefix or self._leading_place(name) else self._own_prefix(regions)
        if not self._leading_place(name) and _opens_with_region(name, regions):  # 平潭海关 after 区经济发展局:
            return name if self._identifies((own or self._own_prefix(regions) or "") + name, regions) else None  # its place
        if self._identifies(name, regions):
            canonical, region = self.resolve(name, regions)
            if own and region is None and canonical not in self.central_names and self._identifies(own + name, regions):
                return self.resolve(own + name, regions)[0]  # 市场监督管理局 in a city's list: the city's
            return canonical
        if prefix and self._identifies(prefix + name, regions):
            return self.resolve(prefix + name, regions)[0]  # 市住建局、审批服务局: listed after the city's, the city's
        if own and self._identifies(own + name, regions):
            return self.resolve(own + name, regions)[0]  # 经济发展局 in a zone's list: the issuing government's own
        if self._township(name) and regions.get("county"):
            return regions["county"] + name  # 泗泾镇 in a Songjiang plan
        return None

    def resolve(self, name: str, regions: dict[str, str]) -> tuple[str, str | None]:
        """Return the canonical name of a written agency name and the province it is in."""
        bare = self._bare(name)
        if bare != name:  # 市委组织部（人才办）, 团市委机关: the body itself
            return self.resolve(bare, regions)
        if name in self.known:
            return self.known[name][0], self._region_of(self.known[name][0])
        if name in self.central and not regions:
            return self.central[name], None
        inner = self._inner_relative(name, regions)
        if inner:
            return inner, regions.get("province")
        qualified = name
        relative = self.relative_prefix(name)
        if relative and regions.get(relative[1]) and not self._leading_place(name):
            qualified = regions[relative[1]] + name[len(relative[0]):]
        place_len = self._leading_place(qualified)
        entry = self.places.get(qualified[:place_len]) if place_len else None
        if entry is not None and entry.level == "county" and entry.canonical != qualified[:place_len]:
            qualified = entry.canonical + qualified[place_len:]  # 松江区建设管理委: 上海市松江区…
            place_len = len(entry.canonical)
        stem = self._expand(qualified[place_len:])
        if not place_len and (stem in self.local_stems or self._provincial(stem)) and regions.get("province"):
            qualified, place_len = regions["province"] + stem, len(regions["province"])
        if place_len and stem in self.level_stems:
            entry = self.places.get(qualified[:place_len])
            stem = self.level_stems[stem].get(entry.level, stem) if entry else stem
        government = self.stems.get(self.government_short)  # 政府 → 人民政府, also where a name goes on
        if place_len and government and stem.startswith(self.government_short) and not stem.startswith(government) \
                and stem != self.government_short:
            stem = government + stem[len(self.government_short):]  # 市政府办公室数字政府专班: 包头市人民政府办公室…
        full = qualified[:place_len] + stem
        if place_len and stem in self.vertical:  # 省税务局: 国家税务总局广东省税务局; 广东金融监管局: …总局广东监管局
            full = self.vertical[stem].format(place=qualified[:place_len])
        if place_len and stem in self.party_committee:
            full = self.party_prefix + qualified[:place_len] + self.party_committee[0]  # 广州市委, 自治区党委: 中共…委
        elif place_len and qualified.endswith(tuple(self.party_working)):  # 市建设交通工作党委: 中共上海市建设交通工作委员会
            ending = next(w for w in self.party_working if qualified.endswith(w))
            full = self.party_prefix + qualified[: len(qualified) - len(ending)] + self.party_working[ending]
        elif place_len and len(stem) > 2 and stem.startswith(self.party_committee) and stem.endswith(self.party_departments):
            full = self.party_prefix + full  # 市委组织部: 中共南充市委组织部; 市委网信办: …委网络安全和信息化委员会办公室
        if full in self.known:
            full = self.known[full][0]
        return full, self._region_of(full)

    def _aside(self, name: str) -> tuple[int, int] | None:
        """Where a bracketed aside after a unit's own name (市委组织部（人才办）) opens and its closing
        bracket starts, if the name ends with one."""
        for opening, closing in self.aside_brackets:
            if name.endswith(closing) and opening in name and name.index(opening) >= 2:
                return name.rindex(opening), len(name) - len(closing)
        return None

    def _aside_body(self, name: str, regions: dict[str, str]):
        """The body a unit names in brackets after its own (市委组织部（人才办）: 市委人才办), with the unit's
        prefix: its span inside the unit's name and its canonical name, else None."""
        aside = self._aside(name)
        if aside is None:
            return None
        k, close = aside
        inner, outer = name[k + 1:close], name[:k]
        prefix = next((p for p, _ in self.relative if outer.startswith(p)), "")
        if prefix and outer.startswith(prefix + self.party_committee[0]):
            prefix += self.party_committee[0]  # 市委宣传部（网信办）: 市委网信办
        if inner.endswith(self.shared_heads) and not self._is_generic(inner) and self._identifies(prefix + inner, regions):
            return (k + 1, close), self.resolve(prefix + inner, regions)[0]
        return None

    def _bare(self, name: str) -> str:
        """A name without what follows the body's own name: a bracketed other name or office
        (市委组织部（人才办）, 市政府办（金融）) or the word for its offices (团市委机关)."""
        aside = self._aside(name)
        if aside is not None:
            return self._bare(name[:aside[0]])
        suffix = next((x for x in self.organ_suffixes if name.endswith(x) and len(name) > len(x) + 1), None)
        return name[: -len(suffix)] if suffix else name

    def _function_body(self, name: str, regions: dict[str, str]) -> str | None:
        """市民政部门 in a Guangzhou document: 广州市民政局 (a relative prefix, a function, a head of functions)."""
        head = next((h for h in self.function_body_heads if name.endswith(h)), None)
        if head is not None and name.startswith(self.central_scope):  # 国务院医疗保障行政部门: 国家医疗保障局
            return self.central_functions.get(name[len(self.central_scope):len(name) - len(head)])
        prefix = next(((p, level) for p, level in self.relative if name.startswith(p)), None)
        if head is None or prefix is None or not regions.get(prefix[1]):
            return None
        function = name[len(prefix[0]):len(name) - len(head)]
        bodies = self.functions.get(function)
        if bodies is None:
            return None
        body = bodies[1] if prefix[1] == "province" else bodies[0]
        if "{region}" in body:  # 团市委: 共青团广州市委员会
            return body.replace("{region}", regions[prefix[1]])
        return regions[prefix[1]] + body

    def _branch_place(self, rest: str) -> bool:
        """A branch's place: a place of the gazetteer, or a county's or city's name without its 县 or 市
        (人民银行平潭支行: 平潭县)."""
        return bool(self._leading_place(rest) or self._short_place(rest[:-1], self.short_place_units))

    def _short_place(self, name: str, units: tuple[str, ...]) -> int:
        """The length of the place ``name`` opens with, written without its unit (平潭 of 平潭县, 珠海 of
        珠海市; at most four characters), else 0."""
        return next((k for k in range(min(len(name), 4), 1, -1)
                     if any(self.places.get(name[:k] + unit) is not None for unit in units)), 0)

    def _body_at(self, name: str) -> str:
        """The name or short form of a roster body that a branch's name opens with."""
        return next((b for b in self.branch_forms if name.startswith(b)), "")

    def _titled(self, text: str, end: int) -> bool:
        """The name ending at ``end`` is part of a person's title (中国科学院院士), alone or in a list of
        names that share it (中国科学院、中国工程院院士)."""
        while True:
            if text.startswith(self.title_words, end):
                return True
            if not text.startswith(self.title_joins, end):
                return False
            end += 1
            following = next((end + n for n in range(self.max_length, 1, -1) if text[end:end + n] in self.known), None)
            if following is None:
                return False
            end = following

    def _place_unit(self, name: str) -> bool:
        """True for a unit that is a place (越秀区), not a body of one (市财政局, 高新区)."""
        return (name.endswith(self.place_units) and not name.endswith(self.zones)
                and not any(name.endswith(h.head) for h in self.heads) and len(name) <= 8)

    def _provincial(self, name: str) -> bool:
        """A department's name that only a province's government has (经济和信息化厅, not 政务服务大厅)."""
        return (name.endswith(self.provincial_heads) and len(name) >= 3 and is_han(name)
                and not name.endswith(self.provincial_not) and not name.startswith(self.generic)
                and not name.startswith(self.national_prefixes))

    def _township(self, name: str) -> bool:
        """True for a town's or subdistrict's name no table lists (永丰街道, 泗泾镇)."""
        unit = next((u for u in self.township_units if name.endswith(u)), "")
        return bool(unit) and 2 <= len(name) - len(unit) and len(name) <= self.township_length and is_han(name) \
            and not name.startswith(self.generic)

    def _inner_relative(self, name: str, regions: dict[str, str]) -> str | None:
        """团市委 → 共青团广州市委员会, when the document's region has that level."""
        levels = dict(self.relative)
        for pattern, canonical in self.inner_relative:
            m = pattern.match(name)
            if m and regions.get(levels.get(m["prefix"], "")):
                return canonical.format(region=regions[levels[m["prefix"]]])
        return None

    def _expand(self, stem: str) -> str:
        stem = self._join_fields(stem)
        for short in sorted(self.stems, key=len, reverse=True):
            if stem.endswith(short) and (stem == short or not stem.endswith(self.stems[short])):
                body = stem[: len(stem) - len(short)]
                if any(body.endswith(s) and not body.endswith(self.stems[s]) for s in self.stems):
                    body = self._expand(body)  # 区经发局经信处: the body the office is in, in full too
                return body + self.stems[short]
        short, full, least = self.committee
        if stem.endswith(short) and len(stem) >= least and stem.count(short) == 1 and not stem.startswith(self.party):
            return stem[: len(stem) - len(short)] + full  # 交通委: 交通委员会; not 市委政法委, 中共广州市委
        return stem

    def _join_fields(self, stem: str) -> str:
        """住房城乡建设管理委: 住房和城乡建设管理委, the first pair of fields its full name joins with 和."""
        if not stem.endswith(tuple(self.run_together_heads)):
            return stem
        found = [(stem.find(a + b), a, b) for a, b in self.joined_fields if a + b in stem]
        if not found:
            return stem
        k, a, b = min(found)
        return stem[:k] + a + self.joined + b + stem[k + len(a) + len(b):]

    def _leading_place(self, name: str) -> int:
        for length in range(min(len(name), 12), 1, -1):
            if name[:length] in self.places:
                return length
        return 0

    def _region_of(self, name: str) -> str | None:
        n = self._leading_place(name)
        if n:
            entry = self.places.get(name[:n])
            return entry.region if entry else None
        return None

    def _identifies(self, name: str, regions: dict[str, str]) -> bool:
        """True if ``name`` names one body: it starts with a place, a resolvable
        relative prefix or a national prefix, or is known."""
        name = self._bare(name)  # 团市委机关: 团市委
        if name in self.known or self._leading_place(name) or name.startswith(self.national_prefixes):
            return True
        if name in self.central and not regions:
            return True  # 发展改革委 in a central document
        if self.zone_body.fullmatch(name) and not name.startswith(self.generic):
            return True  # 稀土高新区管委会
        if self._inner_relative(name, regions):
            return True  # 团市委
        if self._expand(name) in self.local_stems and regions.get("province"):
            return True  # 地方金融监管局: exists only in the document's province
        if self._provincial(name) and regions.get("province"):
            return True  # 科技厅 in a Sichuan plan: only a province has a 厅
        level = next((lvl for prefix, lvl in self.relative if name.startswith(prefix)), None)
        return level is not None and level in regions

    def _is_generic(self, name: str) -> bool:
        return name.startswith(self.generic) and self._expand(name) not in self.local_stems

    @staticmethod
    def _spelled_out(agencies: list, regions: dict[str, str], full: frozenset = frozenset()) -> dict[str, str]:
        """A document spells a body out once and abbreviates it after (区经济发展局, 区经发局): the short
        canonical names whose characters run, in order and with the same first and last, through one
        longer name of the same place found in the document, and that name; not a name already in full
        (``full``: 人民政府办公室 is no short form of 人民政府金融工作办公室)."""
        places = tuple(sorted({p for p in regions.values() if p}, key=len, reverse=True))
        names = {ag.canonical for ag in agencies if ag.type is AgencyType.AGENCY}
        split = {}
        for name in names:
            place = next((p for p in places if name.startswith(p) and len(name) > len(p) + 1), None)
            if place:
                split[name] = (place, name[len(place):])
        out = {}
        for short, (place, stem) in split.items():
            if stem in full:
                continue
            longer = [full for full, (p, s) in split.items() if p == place and len(s) > len(stem) + 1
                      and s[0] == stem[0] and s[-1] == stem[-1] and runs_through(stem, s)]  # not 铁塔公司, 铁塔分公司
            if len(longer) == 1:
                out[short] = longer[0]
        return out

    def _relative_prefix(self, tokens, start: int) -> int:
        """Return where a relative prefix (省, 市) written just before ``start`` begins."""
        before = tokens.word_at(start - 1) if start else None
        if before and any(before[2] == prefix for prefix, _ in self.relative):
            return before[0]
        return start

    def _not_agency(self, word: str) -> bool:
        """True if ``word`` is, or ends like, a word that only looks like an agency (经济布局)."""
        if word in self.central or word.endswith(self.agency_endings):
            return False  # 市财政局, 邮政局 are bodies, though 政局 is a word (政局稳定)
        known = self._not_agency_cache.get(word)
        if known is None:
            known = any(word[-n:] in self.non_agencies for n in range(2, min(len(word), 6) + 1))
            if len(self._not_agency_cache) < 200_000:
                self._not_agency_cache[word] = known
        return known


def _opens_with_region(name: str, regions: dict[str, str]) -> bool:
    """平潭海关 in a list of a 平潭综合实验区 document: the name opens with its region's own name, place enough."""
    return any(r and len(r) > 2 and name[:2] == r[:2] and not name.startswith(r) for r in regions.values())
