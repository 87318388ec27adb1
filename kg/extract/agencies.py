"""Agencies and protection centres, with their canonical names.

Rules, applied in order, each claiming the text it matches:

``agency.pattern``
    whole-name patterns (中国（北京）知识产权保护中心);
``agency.branch``
    a central body's office in a place (中国人民银行广东省分行, 国家税务总局广东省税务局):
    the roster's name, a place and a branch head, taken whole;
``agency.function``
    a body named by its function with a relative prefix (市民政部门 in a Guangzhou
    document: 广州市民政局; ``functions.tsv``);
``agency.generic``
    generic actors, a class of bodies named as one actor (国务院相关部门,
    各地区, 有关单位, 价格主管部门): kept as such, never resolved to one body,
    and read before the lexicon so that 国务院相关部门 is not 国务院;
``agency.lexicon``
    the central bodies of ``resources/central_bodies.toml`` by their names and
    the short forms that name them anywhere (国家发展改革委, 公安部), and the
    names and aliases of ``resources/agencies.tsv`` (中关村管委会);
``agency.assignment``
    the units of a bracketed assignment (（责任单位：省经济和信息化厅、省财政厅）),
    whose names the brackets delimit;
``agency.self``
    a document's words for the body that issued it (我局 → the 落款's agency);
``agency.head``
    a name ending in a head word (局, 厅, 委员会, 海关…), read back word by
    word until a word that cannot be part of a name (和, 会同, 将…).

A short form that a province has too (发展改革委, 医保局) names the central body
in a document of no place. Names relative to the document's region are qualified (市知识产权局 in a
Beijing document is 北京市知识产权局, 州人民政府 in an Aba document is
阿坝藏族羌族自治州人民政府), short forms expanded (发展改革委 →
发展和改革委员会), and the result looked up again in the lexicon.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, replace

from kg.errors import RuleError
from kg.extract.assignments import assignment_reader
from kg.extract.base import Analysis, Lexicon
from kg.extract.places import gazetteer
from kg.extract.records import Agency, AgencyType
from kg.extract.roster import roster
from kg.nlp.script import HAN, is_han
from kg.resources import compile_pattern, load_toml, read_table, read_words


@dataclass(frozen=True)
class Head:
    head: str
    type: AgencyType
    needs: str


def _runs_through(short: str, full: str) -> bool:
    """True if the characters of ``short`` occur in ``full`` in order (经发局 in 经济发展局)."""
    it = iter(full)
    return all(ch in it for ch in short)


def _either(words) -> str:
    """A regular expression alternation of ``words``, the longest first (so 主管部门 wins over 部门)."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def _agency_type(name: str, where: str) -> AgencyType:
    try:
        return AgencyType(name)
    except ValueError:
        known = ", ".join(t.value for t in AgencyType)
        raise RuleError(f"{where}: unknown agency type {name!r}; known types: {known}") from None


class AgencyFinder:
    """Finds agency mentions; build once, call per document."""
    requires = ("regions",)  # what earlier components must have found (kg/extract/pipeline.py)
    provides = ("agencies", "assignments", "issuers")

    def __init__(self) -> None:
        cfg = load_toml("agencies.toml")
        central = roster()
        self.known: dict[str, tuple[str, AgencyType]] = {
            form: (name, AgencyType.AGENCY) for form, name in central.everywhere().items()}
        self.central = central.central()  # 发展改革委: the central body, in a document of no place
        self.central_names = sorted(central.bodies, key=len, reverse=True)
        self.roster = central
        self.dated = central.dated()  # 中央网信办: the leading group's office until 2018, the commission's since
        for row in read_table("agencies.tsv", ("canonical", "type", "aliases"), required=2):
            kind = _agency_type(row["type"], f"agencies.tsv: {row['canonical']}")
            for name in [row["canonical"], *filter(None, row["aliases"].split("|"))]:
                self.known[name.strip()] = (row["canonical"], kind)
        self.lexicon = Lexicon(self.known)
        self.heads = sorted(
            (Head(h["head"], _agency_type(h["type"], f"agencies.toml head {h['head']}"), h["needs"]) for h in cfg["heads"]["heads"]),
            key=lambda h: len(h.head), reverse=True,
        )
        for h in self.heads:
            if h.needs not in ("any", "place", "org"):
                raise RuleError(f"agencies.toml: head {h.head}: needs must be any, place or org, not {h.needs!r}")
        # The heads by their last character, longest first: a word is tested only against heads it could end with.
        self.heads_by_last: dict[str, list[Head]] = {}
        for h in self.heads:
            self.heads_by_last.setdefault(h.head[-1], []).append(h)
        # Where a word could end in a head: the words there are all that needs segmenting.
        self._head_ends = re.compile("[" + "".join(map(re.escape, sorted(self.heads_by_last))) + "]")
        self._not_agency_cache: dict[str, bool] = {}
        self.org_endings = tuple(cfg["heads"]["org_endings"])
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
        branches = cfg["branches"]
        # a body by its name or a short form of it (人行湖北省分行: 中国人民银行湖北省分行)
        self.branch_openings = {**{f: n for f, n in {**central.everywhere(), **central.central()}.items()
                                   if len(f) >= int(branches["min_short_length"])},
                                **{n: n for n in self.central_names}}
        self.branch_forms = sorted(self.branch_openings, key=len, reverse=True)  # the longest first
        bodies = "|".join(map(re.escape, self.branch_forms))
        self.branch_heads = sorted(branches["heads"], key=len, reverse=True)
        heads = _either(self.branch_heads)
        self.branch = re.compile(f"(?:{bodies})[{HAN}]{{2,{int(branches['place_length'])}}}?(?:{heads})")
        self.branch_next = re.compile(f"\u3001(?P<office>[{HAN}]{{2,{int(branches['place_length'])}}}?(?:{heads}))")
        created = cfg["created"]
        self.created_titles = tuple(created["titles"])
        self.created_words = tuple(created["words_going_on"])
        self._created = re.compile(
            f"(?:^|(?<=[\\s\u3000\uff0c\u3002\uff1b\uff1a\u3001\uff09)])|{created['article']})(?P<name>[{HAN}]"
            f"{{{int(created['min_name'])},{int(created['max_name'])}}}?(?:{'|'.join(map(re.escape, created['heads']))}))"
            f"(?={_either(created['duty_words'])})")
        self.patterns = [
            (p["id"], _agency_type(p["type"], f"agencies.toml pattern {p['id']}"), compile_pattern(p["pattern"], f"agencies.toml pattern {p['id']}"))
            for p in cfg["patterns"]["patterns"]
        ]
        stems = read_table("agency_stems.tsv", ("short", "full", "local"), required=2)
        self.stems = {row["short"]: row["full"] for row in stems}
        self.local_stems = {row["full"] for row in stems if row["local"] == "local"}
        self.non_agencies = set(read_words("non_agencies.txt"))
        generic = cfg["generic"]
        self.function_heads = tuple(generic["function_heads"])
        self.bare_head = generic["bare_head"]
        self.level_bodies = dict(generic["level_bodies"])
        self.standing_alone = dict(generic["standing_alone"])
        self.standing_before = tuple(generic["standing_before"]["words"])
        self.asked_by = tuple(generic["standing_before"]["asked_by"])
        self._standing = re.compile(_either(self.standing_alone))
        names = _either(self.level_bodies)
        self._level_bodies = re.compile(names)
        self.quantified_heads = tuple(generic["quantified_heads"])
        self._whole_heads = set(generic["quantified_heads"]) | set(generic["function_heads"])
        self.quantifiers = tuple(sorted(generic["quantifiers"], key=len, reverse=True))
        self.scopes = sorted(generic["scopes"].items(), key=lambda kv: -len(kv[0]))
        self.role_places = tuple(generic["role_places"])
        self.generic_words = set(generic["words"]) | set(self.quantifiers) | set(generic["scopes"]) | set(self.role_places)
        self.generic_openers = (*self.quantifiers, *(scope for scope, _ in self.scopes))  # what opens a generic name
        self.generic_tags = set(generic["tags"])
        self.generic_max = int(generic["max_length"])
        self.office_endings = tuple(generic["department_endings"])
        self.unique_scopes = tuple(generic["unique_scopes"])
        self.scope_levels = dict(self.scopes)
        self._organs = re.compile(f"(?:{_either(generic['organ_domains'])})"
                                  f"{re.escape(generic['organ_head'])}")
        self.quantifier_heads = tuple(sorted(generic["shared_quantifier"]["heads"], key=len, reverse=True))
        self.quantifier_joiners = tuple(generic["shared_quantifier"]["joiners"])
        self.quantifier_followers = tuple(generic["shared_quantifier"]["followers"])
        division = generic["division_sets"]
        self.division_levels = dict(sorted(division["divisions"].items(), key=lambda kv: -len(kv[0])))
        words = "|".join(map(re.escape, self.division_levels))
        alt = f"[（(](?:{words})(?:[、，,](?:{words}))*[）)]"
        unit = f"(?:{words})(?P<alt>{alt})?"
        later = f"(?:{words})(?:{alt})?"
        self._division_set = re.compile(
            f"(?P<q>{_either(division['quantifiers'])})?"
            f"(?P<set>{unit}(?:、{later})*)(?:{'|'.join(map(re.escape, division['bodies']))})?")
        self.division_followers = tuple(division["followers"])
        pairs = generic["committees"]
        self.committee_scopes = dict(pairs["scopes"])
        self.committee_not_before = tuple(pairs["not_before"])
        self._committees = re.compile(
            f"(?P<scope>{_either(pairs['scopes'])})(?P<first>{_either(pairs['first'])})"
            f"(?:(?:{_either(pairs['joiners'])})(?P<second>{_either(pairs['second'])}))?")
        self.division_acting = tuple(division["acting"])
        sets = generic["region_sets"]
        self._region_set = re.compile("|".join(sorted(sets["patterns"], key=len, reverse=True)))
        self.region_set_level = sets["level"]
        self.region_set_body = int(sets["body_length"])
        self.region_set_end = sets["list_end"]
        self.region_set_heads = tuple(h.head for h in self.heads) + tuple(generic["function_heads"]) + tuple(
            generic["quantified_heads"])
        self.function_body_heads = tuple(sorted(generic["function_body_heads"], key=len, reverse=True))
        rows = read_table("functions.tsv", ("function", "local", "province", "central"), required=2)
        self.functions = {row["function"]: (row["local"], row["province"] or row["local"]) for row in rows}
        self.function_names = tuple(sorted(self.functions, key=len, reverse=True))
        self.central_functions = {row["function"]: row["central"] for row in rows if row["central"]}
        self.central_scope = generic["central_function_scope"]
        functions = "|".join(map(re.escape, self.function_names))
        prefixes = "".join(sorted({p for p, _ in self.relative if len(p) == 1}))
        list_heads = _either(generic["function_list_heads"])
        sep, closer = re.escape(generic["function_list_separator"]), re.escape(generic["function_list_closer"])
        self.function_separator = generic["function_list_separator"]
        # 教育、人力资源社会保障、公安等部门; 市、区教育、公安…等单位: functions sharing one head
        # An item no function names (来穗人员服务管理) may stand among them, between two separators.
        self._function_list = re.compile(
            f"(?P<prefix>[{prefixes}](?:{sep}[{prefixes}])*)?(?P<items>(?:{functions})"
            f"(?:{sep}(?:{functions}|[{HAN}]{{2,{int(generic['function_list_unknown'])}}}(?={sep})))*"
            f"{sep}(?:{functions})){closer}?(?P<scope>{'|'.join(map(re.escape, generic['function_list_scopes']))})?"
            f"(?:{'|'.join(map(re.escape, generic['function_list_quantifiers']))})?(?P<head>{list_heads})")
        heads = sorted(set(self.function_heads) | set(self.quantified_heads), key=len, reverse=True)
        self._generic_heads = re.compile("|".join(map(re.escape, heads)))
        self.places = gazetteer()
        self.assignments = assignment_reader()

    def words(self) -> list[str]:
        """Words the segmenter should keep whole."""
        return ([w for w in self.known if len(w) <= 12] + [h.head for h in self.heads if len(h.head) > 1]
                + sorted(self.self_references) + list(self.role_places)
                # 应急管理部门 whole: else a name it opens with (应急管理部) leaves 门 to the next word (门要)
                + [f + self.bare_head for f in self.function_names])

    # -- naming --------------------------------------------------------------
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
        for prefix, level in self.relative:
            if name.startswith(prefix) and regions.get(level) and not self._leading_place(name):
                qualified = regions[level] + name[len(prefix):]
                break
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

    def _generic_actors(self, text: str, tokens, tag):
        """Generic actors: a head (部门, 单位, 地区…) read back over nouns and the words of [generic], generic if
        the head names a function (价格主管部门) or a quantifier or scope opens the name (各地区, 有关单位);
        and the bodies of a level named without a place (镇人民政府, 街道办事处)."""
        for m in self._standing.finditer(text):
            word = tokens.word_at(m.start())
            if word and word[0] == m.start() and word[1] == m.end() and (
                    text.startswith(self.standing_before, m.end()) or text.endswith(self.asked_by, 0, m.start())):
                yield m.start(), m.end(), self.standing_alone[m.group()]  # 各地要…
        for m in self._organs.finditer(text):  # 公安机关及武警部队应当…
            if tokens.is_boundary(m.start()) and (m.end() == len(text) or tokens.is_boundary(m.end())):
                yield m.start(), m.end(), None
        for m in self._level_bodies.finditer(text):
            before = tokens.word_at(m.start() - 1)[2] if m.start() else ""
            if tokens.is_boundary(m.start()) and (not is_han(before) or tag(before) in self.break_tags
                                                  or before in self.breaks or before in self.generic_words):
                yield m.start(), m.end(), self.level_bodies[m.group()]  # not the tail of 佘山镇人民政府
        for m in self._generic_heads.finditer(text):
            end = m.end()
            word_start, word_end, word = tokens.word_at(end - 1)
            if word_end != end or word in self.non_agencies:
                continue  # the head ends no word (部门化), or the word only looks like one (用人单位)
            start = min(word_start, m.start())
            straddled = tokens.word_at(start)
            if straddled and straddled[0] < start and is_han(straddled[2]):
                start = straddled[0]  # 应急管理部|门: a name the segmenter keeps whole ends inside the head
            word_starts = {0}
            while start > 0 and end - start < self.generic_max:
                ws, we, w = tokens.word_at(start - 1)
                if w in self.breaks and w not in self.generic_words:
                    break
                # 节能|主管部门: the word before a head of a function names its domain, whatever jieba tags it
                # (节能 is a verb to it); not before a bare 部门 (内部转化部门) unless it is a function (统计部门)
                domain = start == word_start and m.group() in self.function_heads and (
                    m.group() != self.bare_head or w in self.functions)
                cut = next((p for p in self.opening_prefixes if w.endswith(p) and len(w) > len(p)), None)
                if cut and w[-len(cut) - 1] in self.particles and start == we:
                    word_starts = {k + len(cut) for k in word_starts} | {0}
                    start = we - len(cut)  # 组由省|应急管理部门: the segmenter glued the prefix to what stands before
                    break
                if not (w in self.generic_words or (is_han(w) and (tag(w) in self.generic_tags or domain))):
                    break
                word_starts = {k + start - ws for k in word_starts} | {0}
                start = ws
            while text[start] in self.particles and end - start > len(m.group()):
                start += 1  # 由省|应急管理部门: the segmenter glued 由 to the prefix
            name = text[start:end]
            opening = name[: len(name) - len(m.group())]
            # 细化省市有关部门: the name opens at the first word that opens with a scope or quantifier
            # (not at the 区 of 地区经办机构)
            cut = min((k for k in word_starts if 0 < k < len(opening) and opening.startswith(self.generic_openers, k)),
                      default=None)
            if cut is not None and not opening.startswith(self.generic_openers):
                start, name, opening = start + cut, name[cut:], opening[cut:]
            unquantified = opening
            for q in self.quantifiers:  # 各市人民政府: the scope after the quantifier tells the level
                if unquantified.startswith(q):
                    unquantified = unquantified[len(q):]
                    break
            level = next((lvl for scope, lvl in self.scopes if opening.startswith(scope) or unquantified.startswith(scope)), None)
            rest = next((opening[len(scope):] for scope, _ in self.scopes if opening.startswith(scope)), opening)
            quantified = (any(q in opening for q in self.quantifiers) or (level is not None and rest != opening)
                          or opening.startswith(self.role_places))
            if m.group() in self.function_heads and (len(opening) >= 2 or quantified):
                yield start, end, level
            elif m.group() in self.quantified_heads and quantified and (
                    any(q in opening for q in self.quantifiers) or opening.startswith(self.role_places)
                    or any(opening.startswith(sc) and len(sc) > 1 and lvl != "central" for sc, lvl in self.scopes)):
                yield start, end, level  # 各地区, 地方人民政府, 县级以上人民政府, 事发地人民政府; not 市人民政府

    def _shared_bodies(self, text: str, units: list) -> dict[int, str]:
        """Places listed before a place and a body, with 、 between them, share the body (广州、深圳、珠海边检总站;
        广州、深圳海关): the start of each such place, to its name with the body."""
        def place_length(name: str) -> int:  # 珠海 of 珠海边检总站: a city's name without its 市 counts here
            return self._leading_place(name) or self._short_place(name, (self.city_suffix,))

        shared: dict[int, str] = {}
        run: list = []
        for unit in units:
            place = place_length(unit.name)
            if place == len(unit.name):
                run.append(unit)
                continue
            if run and place and text[run[-1].end:unit.start] == self.function_separator:
                body = unit.name[place:]
                shared[unit.start] = unit.name
                for k in range(len(run) - 1, -1, -1):
                    shared[run[k].start] = run[k].name + body
                    if k and text[run[k - 1].end:run[k].start] != self.function_separator:
                        break
            run = []
        return shared

    def _created_names(self, text: str) -> list[str]:
        """The bodies a document sets up and names by their work (第十一条 调查评估组实行…, （一）技术组负责…)."""
        names = {m["name"] for m in self._created.finditer(text)}
        return sorted((n for n in names if not n.startswith(self.generic_openers) and not n.startswith(self.generic)),
                      key=len, reverse=True)

    def _committee_pairs(self, text: str):
        """地方各级党委和政府, 同级党委、政府: the Party committees and the governments of a class of places,
        each a generic actor, the second named with the scope of the first."""
        for m in self._committees.finditer(text):
            if text.startswith(self.committee_not_before, m.end()):
                continue  # 各级党委书记: persons
            scope, level = m["scope"], self.committee_scopes[m["scope"]] or None
            yield m.start(), m.end("first"), scope + m["first"], level
            if m["second"]:
                yield m.start("second"), m.end(), scope + m["second"], level

    def _run_together(self, text: str, s: int, e: int) -> list[tuple[int, int]]:
        """各地区各部门: generic actors written one after the other without a mark, each its own; a part
        ends with a head and the next opens with a quantifier."""
        def whole(part: str) -> bool:  # 各地区, 各部门, 各地: a quantifier and a head, nothing else
            q = next((q for q in self.quantifiers if part.startswith(q)), None)
            return part in self.standing_alone or (q is not None and part[len(q):] in self._whole_heads)

        parts, start = [], s
        for k in range(s + 2, e - 1):
            if text.startswith(self.quantifiers, k) and whole(text[start:k]):
                parts.append((start, k))
                start = k
        if parts and not whole(text[start:e]):
            return [(s, e)]
        return [*parts, (start, e)]

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

    def _division_sets(self, text: str, tokens):
        """各县（市、区）, 有关区县, 区、县（市）, 各地级以上市人民政府: the governments of a set of divisions."""
        for m in self._division_set.finditer(text):
            units = m["set"]
            if not (m["q"] or m["alt"] or self.function_separator in units):
                continue  # 市 or 县 alone is no set
            end = m.end()
            if end < len(text) and not tokens.is_boundary(end):
                continue  # 其他区域: the division's word goes on
            if not m["q"] and not text.startswith(self.division_acting, end) and not text.endswith(self.asked_by, 0, m.start()):
                continue  # 省（区、市） in a form's title, 市、区两级: no actor
            if end < len(text) and is_han(text[end]) and not text.startswith(self.division_followers, end) and (
                    text.startswith(self.function_names, end) or text.startswith(self.region_set_heads, end)):
                continue  # 各区县教育局: a body's name goes on (not 各区、县（市）资源禀赋)
            first = next(d for d in self.division_levels if units.startswith(d))
            yield m.start(), end, self.division_levels[first]

    def _region_sets(self, text: str):
        """各省、自治区、直辖市及新疆生产建设兵团医保局、财政厅（局）: the bodies of a set of regions, each a
        generic actor named with the set (the whole, then 各省…兵团财政厅（局）)."""
        for m in self._region_set.finditer(text):
            pos, first = m.end(), True
            while pos < len(text):
                k = pos
                while k < len(text) and k - pos < self.region_set_body and text[k] != self.function_separator \
                        and text[k] not in self.region_set_end:
                    k += 1
                body = text[pos:k]
                if len(body) < 2 or not any(body.endswith(h) or h in body for h in self.region_set_heads):
                    break
                yield (m.start() if first else pos), k, m.group() + body
                first = False
                if k >= len(text) or text[k] != self.function_separator:
                    break
                pos = k + 1

    def _shared_quantifiers(self, text: str, agencies: list, free):
        """各有关地方、部门和单位: the heads after a generic actor share its quantifier (各有关部门, 各有关单位)."""
        heads = self.quantifier_heads
        for agency in [ag for ag in agencies if ag.type is AgencyType.GENERIC]:
            quantifier = next((q for q in self.quantifiers if agency.name.startswith(q)), None)
            if quantifier is None:
                continue
            pos = agency.evidence.span.end
            while True:
                joiner = next((j for j in self.quantifier_joiners if text.startswith(j, pos)), None)
                head = next((h for h in heads if joiner and text.startswith(h, pos + len(joiner))), None)
                if head is None:
                    break
                s, e = pos + len(joiner), pos + len(joiner) + len(head)
                if e < len(text) and is_han(text[e]) and not text.startswith(self.quantifier_joiners, e) \
                        and not text.startswith(self.quantifier_followers, e):
                    break  # 各有关地方、部门负责人: the head goes on into another word
                if free(s, e):
                    yield s, e, quantifier + head, agency.level
                pos = e

    def _shared_prefixes(self, text: str, agencies: list, free, regions: dict[str, str]):
        """省工业和信息化厅、生态环境厅、国资委: bodies listed after one with a relative prefix share it.

        After a body written with a relative prefix, each item of its list (up to the next 、, ，, 和,
        等…) that no rule took, that ends with a head of a body's name and that names a body with the
        prefix before it, is that body of the document's region."""
        for agency in sorted(agencies, key=lambda ag: ag.evidence.span.start):
            prefix = next((p for p, level in self.relative if agency.name.startswith(p) and regions.get(level)), None)
            if prefix is None or agency.type is not AgencyType.AGENCY:
                continue
            pos = agency.evidence.span.end
            while pos < len(text) and text[pos] == self.function_separator:
                k = pos + 1
                while k < len(text) and k - pos <= self.shared_item_max and is_han(text[k]) \
                        and not text.startswith(self.shared_item_ends, k):
                    k += 1
                item = text[pos + 1:k]
                if free(pos + 1, k):
                    if not (item.endswith(self.shared_heads) and not item.startswith(self.generic)
                            and self._identifies(prefix + item, regions)):
                        break
                    yield pos + 1, k, self.resolve(prefix + item, regions)[0]
                pos = k

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
                return stem[: len(stem) - len(short)] + self.stems[short]
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

    # -- rules ---------------------------------------------------------------
    def __call__(self, a: Analysis) -> None:
        text, tokens, found = a.text, a.tokens, a.found
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return all(e <= ts or s >= te for ts, te in taken)

        def emit_function(s: int, e: int, name: str, canonical: str | None = None, level: str | None = None) -> None:
            """A name of a function (市民政部门, 有关部门): the region's body of it, else a generic actor."""
            body = self._function_body(name, found.regions)
            if body:
                emit(s, e, AgencyType.AGENCY, "agency.function", canonical=body)
            else:
                emit(s, e, AgencyType.GENERIC, "agency.generic", canonical=canonical, level=level)

        def emit(s: int, e: int, kind: AgencyType, rule: str, canonical: str | None = None,
                 level: str | None = None) -> Agency:
            written = text[s:e]
            if kind is AgencyType.GENERIC:
                canonical, region = canonical or written, None  # 教育 of 教育、公安等部门: 教育部门
            elif written in self.dated:
                year = a.year_at(s)
                canonical, region = self.roster.at(written, str(year) if year else None), None
            elif canonical is None:
                canonical, region = self.resolve(written, found.regions)
            else:
                region = self._region_of(canonical)
            taken.append((s, e))
            agency = Agency(written, canonical, kind, region, a.evidence(s, e, rule), level)
            found.agencies.append(agency)
            a.locate("agency", s, e, agency)
            return agency

        for rule, kind, pattern in self.patterns:
            for m in pattern.finditer(text):
                span = m.span("name") if "name" in pattern.groupindex else m.span()
                if free(*span):
                    emit(*span, kind, rule, canonical=text[span[0]:span[1]])
        for name in self._created_names(text):
            for m in re.finditer(re.escape(name), text):
                s, e = m.span()
                if free(s, e) and not text.startswith(self.created_titles + self.created_words, e) \
                        and (s == 0 or not is_han(text[s - 1]) or tokens.is_boundary(s)):
                    emit(s, e, AgencyType.AGENCY, "agency.created", canonical=name)
        for m in self.branch.finditer(text):
            opening = self._body_at(m.group())
            if free(m.start(), m.end()) and self._branch_place(m.group()[len(opening):]):
                emit(m.start(), m.end(), AgencyType.AGENCY, "agency.branch",
                     canonical=self.branch_openings[opening] + m.group()[len(opening):])
                pos, head = m.end(), next(h for h in self.branch_heads if m.group().endswith(h))
                while (n := self.branch_next.match(text, pos)) and free(*n.span("office")) and n["office"].endswith(head) \
                        and self._branch_place(n["office"]):  # …广东省分行、深圳市分行: the same body's, of the same kind
                    emit(*n.span("office"), AgencyType.AGENCY, "agency.branch",
                         canonical=self.branch_openings[opening] + n["office"])
                    pos = n.end()
        for m in self._function_list.finditer(text):
            items = m["items"].split(self.function_separator)
            if 2 * sum(item in self.functions for item in items) <= len(items):
                continue  # most of a list of functions are functions
            # 市、区教育、公安…等单位: each function names the city's body and, a class, the districts' bodies
            prefixes = (m["prefix"] or "").split(self.function_separator)
            head = m["head"] if m["head"] in self.function_body_heads else self.bare_head
            pos = m.start("items")
            for item in items:
                s, e = pos, pos + len(item)
                pos = e + 1
                if not free(s, e):
                    continue
                if m["scope"] == self.central_scope and item in self.central_functions:
                    # 发展改革、财政等国务院有关职能部门: the central bodies of these functions
                    emit(s, e, AgencyType.AGENCY, "agency.function", canonical=self.central_functions[item])
                    continue
                own = self.functions.get(item, ("",))[0]
                # 区教育部门, but 区妇联: a people's organisation is no department
                department = item not in self.functions or (own.endswith(self.office_endings) and "{region}" not in own)
                name = item + head if department else item
                emit_function(s, e, prefixes[0] + item + head, canonical=prefixes[0] + name if prefixes[0] else name)
                for prefix in prefixes[1:]:  # not free any more: the same words name these too
                    emit(s, e, AgencyType.GENERIC, "agency.generic", canonical=prefix + name,
                         level=self.scope_levels.get(prefix))
        for s, e, canonical in self._region_sets(text):
            if free(s, e):
                emit(s, e, AgencyType.GENERIC, "agency.generic", canonical=canonical, level=self.region_set_level)
        for s, e, level in self._division_sets(text, tokens):
            if free(s, e):
                emit(s, e, AgencyType.GENERIC, "agency.generic", level=level)
        for s, e, canonical, level in self._committee_pairs(text):
            if free(s, e):
                emit(s, e, AgencyType.GENERIC, "agency.generic", canonical=canonical, level=level)
        generic = sorted(set(self._generic_actors(text, tokens, a.segmenter.tag)), key=lambda c: (c[0] - c[1], c[0]))
        for s, e, level in generic:  # the longest first: 县级以上地方人民政府医疗保障行政部门, not its 人民政府
            if free(s, e) and text.startswith(self.unique_scopes, s) and not self._is_generic(text[s:e]):
                emit(s, e, AgencyType.AGENCY, "agency.unique", canonical=text[s:e])  # 国家级经办机构: one body
            elif free(s, e):
                for ps, pe in self._run_together(text, s, e):
                    emit_function(ps, pe, text[ps:pe], level=level)
        for s, e, canonical, level in self._shared_quantifiers(text, found.agencies, free):
            emit(s, e, AgencyType.GENERIC, "agency.generic", canonical=canonical, level=level)
        for s, e, (canonical, kind) in self.lexicon.finditer(text, tokens):
            if free(s, e) and not self._titled(text, e) and not self.document_number.match(text, e) \
                    and not text.startswith(self.bare_head, e - 1):  # 省应急管理部门: a function, not 应急管理部
                start = self._relative_prefix(tokens, s)
                if start < s:
                    emit(start, e, kind, "agency.lexicon")
                else:
                    emit(s, e, kind, "agency.lexicon", canonical=canonical)
        a.assignments = self.assignments(text)
        for assignment in a.assignments:
            prefix = ""
            shared = self._shared_bodies(text, assignment.units)
            for unit in assignment.units:
                own = next((p for p, _ in self.relative if unit.name.startswith(p)), None)
                prefix = own if own else prefix
                if not free(unit.start, unit.end) or self._is_generic(unit.name):
                    continue
                if unit.start in shared:  # 广州、深圳、珠海边检总站: 广州 names 广州边检总站
                    emit(unit.start, unit.end, AgencyType.AGENCY, "agency.assignment",
                         canonical=self.resolve(shared[unit.start], found.regions)[0])
                    continue
                if unit.name in self.non_agencies:
                    continue  # 县级市 of 各区、县级市
                if self._identifies(unit.name, found.regions):
                    canonical, _ = self.resolve(unit.name, found.regions)
                elif prefix and self._identifies(prefix + unit.name, found.regions):
                    # 市住建局、审批服务局: a unit listed after one of the city's is the city's too
                    canonical, _ = self.resolve(prefix + unit.name, found.regions)
                elif self._township(unit.name) and found.regions.get("county"):
                    canonical = found.regions["county"] + unit.name  # 泗泾镇 in a Songjiang plan
                else:
                    continue
                if self._place_unit(unit.name):
                    unit_end = next((u for u in self.place_bodies if unit.name.endswith(u)), None)
                    # （配合单位：…、越秀区）: the district's government; 岳阳街道: its office
                    canonical += self.place_bodies[unit_end] if unit_end else self.place_body
                inner = self._aside_body(unit.name, found.regions)
                if inner is None:
                    emit(unit.start, unit.end, AgencyType.AGENCY, "agency.assignment", canonical=canonical)
                    continue
                # 市委宣传部（网信办）: the department, and the office it houses, named with its prefix
                (i_start, i_end), i_canonical = inner
                emit(unit.start, unit.start + i_start - 1, AgencyType.AGENCY, "agency.assignment", canonical=canonical)
                emit(unit.start + i_start, unit.start + i_end, AgencyType.AGENCY, "agency.assignment",
                     canonical=i_canonical)
            for s, e in assignment.groups:
                if free(s, e) and self._identifies(text[s:e], found.regions):
                    emit(s, e, AgencyType.AGENCY, "agency.assignment-group")
        for part in a.doc.parts:
            # The 落款 names the issuing body, whatever its name looks like; a
            # sign-off naming bodies found already (joint issuers) is left as found.
            if part.issuer and free(part.issuer.start, part.issuer.end) and "\n" not in part.issuer.text \
                    and not self._not_agency(part.issuer.text):
                emit(part.issuer.start, part.issuer.end, AgencyType.AGENCY, "agency.signoff")
        for s, e, kind in sorted(self._by_head(text, tokens, a.segmenter.tag), key=lambda c: (c[0] - c[1], c[0])):
            if free(s, e) and self._identifies(text[s:e], found.regions):
                emit(s, e, kind, "agency.head")
        for s, e, canonical in self._shared_prefixes(text, found.agencies, free, found.regions):
            emit(s, e, AgencyType.AGENCY, "agency.shared-prefix", canonical=canonical)
        a.issuers = self._issuers(a)
        for m in self._self_starts.finditer(text):
            s, e, word = tokens.word_at(m.start())
            if s == m.start() and word in self.self_references:
                issuers = self._issuers_at(a, s)
                if issuers and free(s, e):
                    emit(s, e, AgencyType.AGENCY, "agency.self", canonical=issuers[0])
        for m in self._bare_self.finditer(text):  # 向部报送, 部将予以通报: a ministry's own documents name it so
            s, e, word = tokens.word_at(m.start())
            before, after = text[s:m.start()], text[m.end():e]  # jieba glues 向部, 部将, 报部
            if not ((not before or before in self.bare_self_before) and (not after or after in self.bare_self_after)):
                continue
            s, e = m.span()
            issuers = self._issuers_at(a, s)
            if issuers and issuers[0].endswith(m.group()) and self.roster.bodies.get(issuers[0]) is not None \
                    and free(s, e):
                emit(s, e, AgencyType.AGENCY, "agency.self", canonical=issuers[0])
        spelled = self._spelled_out(found.agencies, found.regions)
        for k, agency in enumerate(found.agencies):
            if agency.canonical in spelled:  # 区经发局 where the document writes 区经济发展局 too
                new = replace(agency, canonical=spelled[agency.canonical])
                a.relocate("agency", agency, new)
                found.agencies[k] = new
        found.agencies.sort(key=lambda ag: ag.evidence.span.start)

    @staticmethod
    def _spelled_out(agencies: list, regions: dict[str, str]) -> dict[str, str]:
        """A document spells a body out once and abbreviates it after (区经济发展局, 区经发局): the short
        canonical names whose characters run, in order and with the same first and last, through one
        longer name of the same place found in the document, and that name."""
        places = tuple(sorted({p for p in regions.values() if p}, key=len, reverse=True))
        names = {ag.canonical for ag in agencies if ag.type is AgencyType.AGENCY}
        split = {}
        for name in names:
            place = next((p for p in places if name.startswith(p) and len(name) > len(p) + 1), None)
            if place:
                split[name] = (place, name[len(place):])
        out = {}
        for short, (place, stem) in split.items():
            longer = [full for full, (p, s) in split.items() if p == place and len(s) > len(stem) + 1
                      and s[0] == stem[0] and s[-1] == stem[-1] and _runs_through(stem, s)]  # not 铁塔公司, 铁塔分公司
            if len(longer) == 1:
                out[short] = longer[0]
        return out

    @staticmethod
    def _issuers_at(a: Analysis, pos: int) -> list[str] | None:
        """The bodies that issued the part ``pos`` stands in, else those of the file's first part."""
        return a.issuers.get(a.doc.part_at(pos).index) or a.issuers.get(0)

    def _issuers(self, a: Analysis) -> dict[int, list[str]]:
        """The canonical names of the bodies that issued each part: its 落款, else its title."""
        issuers: dict[int, list[str]] = {}
        for part in a.doc.parts:
            names = []
            if part.issuer:
                names = [ag.canonical for _, _, ag in a.located("agency", part.issuer.start, part.issuer.end)]
            if not names and part.title:
                end = min((part.title.text.find(w) for w in self.title_issuer_ends if w in part.title.text), default=-1)
                if end > 0:
                    names = [ag.canonical for _, _, ag in a.located("agency", part.title.start, part.title.start + end)]
            if names:
                issuers[part.index] = list(dict.fromkeys(names))
        return issuers

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

    def _by_head(self, text: str, tokens, tag):
        by_last = self.heads_by_last
        prefixes = [p for p, _ in self.relative]
        for m in self._head_ends.finditer(text):
            end = m.end()
            head = next((h for h in by_last[m.group()] if text.endswith(h.head, 0, end)), None)
            if head is None:
                continue
            word_start, word_end, word = tokens.word_at(end - 1)
            if word_end != end and not (word_start == end - len(head.head) and is_han(word) and tag(word) is None):
                continue  # no word ends with the head (but 工业和信息化|委和市|财政局: jieba glued the head to what follows)
            if word_end != end:
                word_start, word_end, word = word_start, end, head.head
            after = tokens.word_at(end) if end < len(text) else None
            if self._not_agency(word) or (after and (word + after[2]) in self.non_agencies):
                continue
            head_start = end - len(head.head)
            first = tokens.word_at(head_start)  # the word holding the head's start
            if not tokens.is_boundary(head_start) and first[0] != word_start:
                continue  # the head straddles words
            # Read the name back from the word holding the head's start.
            start = first[0]
            walk = not (first[2].startswith(tuple(prefixes)) and first[2] not in self.places)  # 省公安厅: the head's own word opens with the prefix
            following = first
            while walk and following[0] > 0 and following[2] not in prefixes:  # a relative prefix (省, 市) starts a name
                w_start, w_end, w = tokens.word_at(following[0] - 1)
                if w in self.name_joiners and w_start > 0:  # 区交通|与|建设局: a joiner between nouns is in the name
                    before = tokens.word_at(w_start - 1)
                    if is_han(before[2]) and tag(before[2]) in self.generic_tags and end - before[0] <= self.max_length:
                        start, following = w_start, (w_start, w_end, w)
                        continue
                if (w in self.breaks or (tag(w) in self.break_tags and w not in self.name_words)
                        or not is_han(w) or end - w_start > self.max_length):
                    before = tokens.word_at(w_start - 1) if w_start > 0 else None
                    if w in self.breaks and is_han(w) and before and before[2] in prefixes and (
                            before[0] == 0 or not is_han(text[before[0] - 1])):
                        start = before[0]  # 市|建设|交通工作党委: a word that breaks names elsewhere, after a prefix
                    break
                cut = next((p for p in self.opening_prefixes if w.endswith(p) and len(w) > len(p)), None) or next(
                    (p for p in prefixes if w.endswith(p) and w[:-len(p)] in self.prefix_cut_after), None)  # 3|月区|经发局
                if cut and w not in self.places and self.places.get(w + self.city_suffix) is None:
                    start = w_end - len(cut)  # 张天培省|发展改革委: the prefix opens the name (not 梅州|高新区)
                    break
                start = w_start
                following = (w_start, w_end, w)
                if w in self.places:
                    break  # a place opens a name: 刘颖|安徽电信公司
            name = text[start:end]
            name_part = name[: len(name) - len(head.head)]
            if self._not_agency(name) or self._is_generic(name) or text.endswith(self.generic, 0, start):
                continue
            while name_part and name_part[0] in self.particles:
                start += 1
                name, name_part = name[1:], name_part[1:]
            if not self._acceptable(name_part, head):
                continue
            # 区经发局区环土局: names run together (a table's cells) part where a head meets a relative prefix
            cuts = [k for k in range(start + 3, end - 2) if text[k - 1] in self.run_together_heads
                    and text.startswith(tuple(prefixes), k)]
            for s, e in zip([start] + cuts, cuts + [end]):
                yield s, e, head.type

    def _acceptable(self, name_part: str, head: Head) -> bool:
        if not name_part:
            return False
        relative = any(name_part.startswith(p) for p, _ in self.relative)
        if len(name_part) < 2 and not (relative and len(name_part) == 1):
            return False
        if head.needs == "place":
            return relative or self._leading_place(name_part) > 0
        if head.needs == "org":
            return name_part.endswith(self.org_endings)
        return True
