"""Generic actors: classes of bodies named as one actor (国务院相关部门, 各地区, 有关单位, 价格主管部门),
sets of regions and divisions, functions sharing a head, and bodies sharing a quantifier or a prefix.

Kept as such, never resolved to one body, and read before the lexicon so that
国务院相关部门 is not 国务院. Read from ``agencies.toml`` ([generic]) and
``functions.tsv``.
"""

from __future__ import annotations

import re

from kg.extract.agencies.common import either
from kg.extract.records import AgencyType
from kg.nlp.script import HAN, is_han
from kg.resources import read_table


class GenericActors:
    """The generic half of :class:`kg.extract.agencies.AgencyFinder` (its rules are loaded there)."""

    def _load_generic(self, cfg: dict) -> None:
        generic = cfg["generic"]
        self.function_heads = tuple(generic["function_heads"])
        self.bare_head = generic["bare_head"]
        self.level_bodies = dict(generic["level_bodies"])
        self.standing_alone = {word: level or None for word, level in generic["standing_alone"].items()}
        self.standing_before = tuple(generic["standing_before"]["words"])
        self.asked_by = tuple(generic["standing_before"]["asked_by"])
        self.asked_only = set(generic["standing_before"]["asked_only"])
        self.asked_between = tuple(generic["standing_before"]["asked_between"])
        self._standing = re.compile(either(self.standing_alone))
        names = either(self.level_bodies)
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
        self._organs = re.compile(f"(?:{either(generic['organ_domains'])})"
                                  f"{re.escape(generic['organ_head'])}")
        self.quantifier_heads = tuple(sorted(generic["shared_quantifier"]["heads"], key=len, reverse=True))
        self.quantifier_joiners = tuple(generic["shared_quantifier"]["joiners"])
        self.quantifier_followers = tuple(generic["shared_quantifier"]["followers"])
        self.follower_tags = set(generic["shared_quantifier"]["follower_tags"])
        division = generic["division_sets"]
        self.division_levels = dict(sorted(division["divisions"].items(), key=lambda kv: -len(kv[0])))
        words = "|".join(map(re.escape, self.division_levels))
        alt = f"[（(](?:{words})(?:[、，,](?:{words}))*[）)]"
        unit = f"(?:{words})(?P<alt>{alt})?"
        later = f"(?:{words})(?:{alt})?"
        self._division_set = re.compile(
            f"(?P<q>{either(division['quantifiers'])})?"
            f"(?P<set>{unit}(?:、{later})*)(?:{'|'.join(map(re.escape, division['bodies']))})?")
        self.division_followers = tuple(division["followers"])
        pairs = generic["committees"]
        self.committee_scopes = dict(pairs["scopes"])
        self.committee_not_before = tuple(pairs["not_before"])
        self._committees = re.compile(
            f"(?P<scope>{either(pairs['scopes'])})(?P<first>{either(pairs['first'])})"
            f"(?:(?:{either(pairs['joiners'])})(?P<second>{either(pairs['second'])}))?")
        self.division_acting = tuple(division["acting"])
        sets = generic["region_sets"]
        self._region_set = re.compile("|".join(sorted(sets["patterns"], key=len, reverse=True)))
        self.region_set_level = sets["level"]
        self.region_set_body = int(sets["body_length"])
        self.region_set_end = sets["list_end"]
        self.region_set_heads = tuple(h.head for h in self.heads) + tuple(generic["function_heads"]) + tuple(
            generic["quantified_heads"])
        self.function_body_heads = tuple(sorted(generic["function_body_heads"], key=len, reverse=True))

    def _load_functions(self, cfg: dict) -> None:
        generic = cfg["generic"]
        rows = read_table("functions.tsv", ("function", "local", "province", "central"), required=2)
        self.functions = {row["function"]: (row["local"], row["province"] or row["local"]) for row in rows}
        self.function_names = tuple(sorted(self.functions, key=len, reverse=True))
        self.central_functions = {row["function"]: row["central"] for row in rows if row["central"]}
        self.central_scope = generic["central_function_scope"]
        functions = "|".join(map(re.escape, self.function_names))
        prefixes = "".join(sorted({p for p, _ in self.relative if len(p) == 1}))
        list_heads = either(generic["function_list_heads"])
        sep, closer = re.escape(generic["function_list_separator"]), re.escape(generic["function_list_closer"])
        self.function_separator = generic["function_list_separator"]
        # 教育、人力资源社会保障、公安等部门; 市、区教育、公安…等单位: functions sharing one head
        # An item no function names (来穗人员服务管理) may stand among them, between two separators.
        self._function_list = re.compile(
            f"(?P<prefix>[{prefixes}](?:{sep}[{prefixes}])*)?(?P<items>(?:{functions})"
            f"(?:{sep}(?:{functions}|[{HAN}]{{2,{int(generic['function_list_unknown'])}}}(?={sep})))*"
            f"{sep}(?:{functions})){closer}?(?P<scope>{'|'.join(map(re.escape, generic['function_list_scopes']))})?"
            f"(?:{'|'.join(map(re.escape, generic['function_list_quantifiers']))})?(?P<head>{list_heads})")
        # 医疗保障等行政部门, 工商等部门: one function and others like it, one generic actor
        self._function_and_others = re.compile(f"(?:{functions}){closer}(?:{list_heads})")
        heads = sorted(set(self.function_heads) | set(self.quantified_heads), key=len, reverse=True)
        self._generic_heads = re.compile("|".join(map(re.escape, heads)))

    def _generic_actors(self, text: str, tokens, tag):
        """Generic actors: a head (部门, 单位, 地区…) read back over nouns and the words of [generic], generic if
        the head names a function (价格主管部门) or a quantifier or scope opens the name (各地区, 有关单位);
        and the bodies of a level named without a place (镇人民政府, 街道办事处)."""
        for m in self._standing.finditer(text):
            word = tokens.word_at(m.start())
            start = m.start() - next((len(w) for w in self.asked_between if text.endswith(w, 0, m.start())), 0)
            asked = text.endswith(self.asked_by, 0, start)  # 督促各地…, 支持有条件的地方…
            if word and word[0] == m.start() and word[1] == m.end() and (asked or (
                    text.startswith(self.standing_before, m.end()) and m.group() not in self.asked_only)):
                yield start if asked else m.start(), m.end(), self.standing_alone[m.group()]  # 各地要…
        for m in self._function_and_others.finditer(text):  # 医疗保障等行政部门: a function and others like it
            if tokens.is_boundary(m.start()) and not text.endswith(self.function_separator, 0, m.start()):
                yield m.start(), m.end(), None  # not the last item of a list (规划、设计、建设、财政等部门)
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
                # 广州、深圳市政府: 深圳市 writes the 市 that 广州 leaves out, and 广州 shares it with the body
                suffix = self.city_suffix if unit.name[:place].endswith(self.city_suffix) else ""
                shared[unit.start] = unit.name
                for k in range(len(run) - 1, -1, -1):
                    name = run[k].name
                    shared[run[k].start] = name + (suffix if suffix and not name.endswith(suffix) else "") + body
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
            alone = part in self.standing_alone and part not in self.asked_only  # not 地方|各级人民政府
            return alone or (q is not None and part[len(q):] in self._whole_heads)

        parts, start = [], s
        for k in range(s + 2, e - 1):
            if text.startswith(self.quantifiers, k) and whole(text[start:k]):
                parts.append((start, k))
                start = k
        if parts and not whole(text[start:e]):
            return [(s, e)]
        return [*parts, (start, e)]

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

    def _shared_quantifiers(self, text: str, agencies: list[tuple], free, acts=lambda pos: False):
        """各有关地方、部门和单位: the heads after a generic actor share its quantifier (各有关部门, 各有关单位);
        ``acts(pos)``: whether a word that acts opens at ``pos`` (有关部门、单位派出…, 单位对…: a verb or a
        preposition after the head ends its name; 部门负责人 goes on into a noun)."""
        heads = self.quantifier_heads
        for _, end, agency in [t for t in agencies if t[2].type is AgencyType.GENERIC]:
            quantifier = next((q for q in self.quantifiers if agency.name.startswith(q)), None)
            if quantifier is None:
                continue
            pos = end
            while True:
                joiner = next((j for j in self.quantifier_joiners if text.startswith(j, pos)), None)
                head = next((h for h in heads if joiner and text.startswith(h, pos + len(joiner))), None)
                if head is None:
                    break
                s, e = pos + len(joiner), pos + len(joiner) + len(head)
                if e < len(text) and is_han(text[e]) and not text.startswith(self.quantifier_joiners, e) \
                        and not text.startswith(self.quantifier_followers, e) and not acts(e):
                    break  # 各有关地方、部门负责人: the head goes on into another word
                if free(s, e):
                    yield s, e, quantifier + head, agency.level
                pos = e

    def _shared_prefixes(self, text: str, agencies: list[tuple], free, regions: dict[str, str]):
        """省工业和信息化厅、生态环境厅、国资委: bodies listed after one with a relative prefix share it.

        After a body written with a relative prefix, each item of its list (up to the next 、, ，, 和,
        等…) that no rule took, that ends with a head of a body's name and that names a body with the
        prefix before it, is that body of the document's region."""
        for _, end, agency in agencies:
            prefix = next((p for p, level in self.relative if agency.name.startswith(p) and regions.get(level)), None)
            if prefix is None or agency.type is not AgencyType.AGENCY:
                continue
            pos = end
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
