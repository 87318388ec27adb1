"""Agencies and protection centres, with their canonical names: the finder and its passes.

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
``agency.issuer-office``
    an office of the issuing body named alone as a body at work (政法综治处牵头 in
    a plan a 管理局 issues): the issuer's name followed by the office's.

A short form that a province has too (发展改革委, 医保局) names the central body
in a document of no place. Names relative to the document's region are qualified (市知识产权局 in a
Beijing document is 北京市知识产权局, 州人民政府 in an Aba document is
阿坝藏族羌族自治州人民政府), short forms expanded (发展改革委 →
发展和改革委员会), and the result looked up again in the lexicon.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.errors import RuleError
from kg.extract.agencies.common import Head, agency_type, either
from kg.extract.agencies.declared import DeclaredShortForms
from kg.extract.agencies.generic import GenericActors
from kg.extract.agencies.naming import Naming
from kg.extract.agencies.subunits import Subunits
from kg.extract.assignments import assignment_reader
from kg.extract.base import Analysis, Lexicon
from kg.extract.places import gazetteer
from kg.extract.records import Agency, AgencyType
from kg.extract.roster import roster
from kg.nlp.script import HAN, is_han
from kg.resources import compile_pattern, load_toml, read_table


class _Emitter:
    """One document's agencies as they are found: each claims its text, and text claimed is not read again."""

    def __init__(self, finder: "AgencyFinder", a: Analysis) -> None:
        self.finder, self.a = finder, a
        self.taken: list[tuple[int, int]] = []

    def free(self, s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in self.taken)

    def function(self, s: int, e: int, name: str, canonical: str | None = None, level: str | None = None) -> None:
        """A name of a function (市民政部门, 有关部门): the region's body of it, else a generic actor."""
        body = self.finder._function_body(name, self.a.found.regions)
        if body:
            self(s, e, AgencyType.AGENCY, "agency.function", canonical=body)
        else:
            self(s, e, AgencyType.GENERIC, "agency.generic", canonical=canonical, level=level)

    def __call__(self, s: int, e: int, kind: AgencyType, rule: str, canonical: str | None = None,
                 level: str | None = None) -> Agency:
        a, finder, found = self.a, self.finder, self.a.found
        written = a.text[s:e]
        if kind is AgencyType.GENERIC:
            canonical, region = canonical or written, None  # 教育 of 教育、公安等部门: 教育部门
        elif written in finder.dated:
            year = a.year_at(s)
            canonical, region = finder.roster.at(written, str(year) if year else None), None
        elif canonical is None:
            canonical, region = finder.resolve(written, found.regions)
        else:
            region = finder._region_of(canonical)
        self.taken.append((s, e))
        agency = Agency(written, canonical, kind, region, a.evidence(s, e, rule), level)
        found.agencies.append(agency)
        a.locate("agency", s, e, agency)
        return agency


class AgencyFinder(Naming, GenericActors):
    """Finds agency mentions; build once, call per document."""
    requires = ("regions",)  # what earlier components must have found (kg/extract/pipeline.py)
    provides = ("agencies", "assignments", "issuers")

    def __init__(self) -> None:
        cfg = load_toml("agencies.toml")
        central = roster()
        self._load_known(central)
        self._load_heads(cfg)
        self._load_names(cfg)
        self._load_regions(cfg)
        self._load_branches(cfg, central)
        self._load_created(cfg)
        self._load_generic(cfg)
        self._load_functions(cfg)
        self.places = gazetteer()
        self.assignments = assignment_reader()
        self.subunits = Subunits.load(self.breaks, self.document_number, self._expand)
        self.declared = DeclaredShortForms()

    def _load_known(self, central) -> None:
        self.known: dict[str, tuple[str, AgencyType]] = {
            form: (name, AgencyType.AGENCY) for form, name in central.everywhere().items()}
        self.central = central.central()  # 发展改革委: the central body, in a document of no place
        self.central_names = sorted(central.bodies, key=len, reverse=True)
        self.roster = central
        self.dated = central.dated()  # 中央网信办: the leading group's office until 2018, the commission's since
        for row in read_table("agencies.tsv", ("canonical", "type", "aliases"), required=2):
            kind = agency_type(row["type"], f"agencies.tsv: {row['canonical']}")
            for name in [row["canonical"], *filter(None, row["aliases"].split("|"))]:
                self.known[name.strip()] = (row["canonical"], kind)
        self.lexicon = Lexicon(self.known)

    def _load_heads(self, cfg: dict) -> None:
        self.heads = sorted(
            (Head(h["head"], agency_type(h["type"], f"agencies.toml head {h['head']}"), h["needs"]) for h in cfg["heads"]["heads"]),
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

    def _load_branches(self, cfg: dict, central) -> None:
        branches = cfg["branches"]
        # a body by its name or a short form of it (人行湖北省分行: 中国人民银行湖北省分行)
        self.branch_openings = {**{f: n for f, n in {**central.everywhere(), **central.central()}.items()
                                   if len(f) >= int(branches["min_short_length"])},
                                **{n: n for n in self.central_names}}
        self.branch_forms = sorted(self.branch_openings, key=len, reverse=True)  # the longest first
        bodies = "|".join(map(re.escape, self.branch_forms))
        self.branch_heads = sorted(branches["heads"], key=len, reverse=True)
        heads = either(self.branch_heads)
        self.branch = re.compile(f"(?:{bodies})[{HAN}]{{2,{int(branches['place_length'])}}}?(?:{heads})")
        self.branch_next = re.compile(f"\u3001(?P<office>[{HAN}]{{2,{int(branches['place_length'])}}}?(?:{heads}))")

    def _load_created(self, cfg: dict) -> None:
        created = cfg["created"]
        self.created_titles = tuple(created["titles"])
        self.created_words = tuple(created["words_going_on"])
        self._created = re.compile(
            f"(?:^|(?<=[\\s\u3000\uff0c\u3002\uff1b\uff1a\u3001\uff09)])|{created['article']})(?P<name>[{HAN}]"
            f"{{{int(created['min_name'])},{int(created['max_name'])}}}?(?:{'|'.join(map(re.escape, created['heads']))}))"
            f"(?={either(created['duty_words'])})")
        self.patterns = [
            (p["id"], agency_type(p["type"], f"agencies.toml pattern {p['id']}"), compile_pattern(p["pattern"], f"agencies.toml pattern {p['id']}"))
            for p in cfg["patterns"]["patterns"]
        ]

    def words(self) -> list[str]:
        """Words the segmenter should keep whole."""
        return ([w for w in self.known if len(w) <= 12] + [h.head for h in self.heads if len(h.head) > 1]
                + sorted(self.self_references) + list(self.role_places)
                # 应急管理部门 whole: else a name it opens with (应急管理部) leaves 门 to the next word (门要)
                + [f + self.bare_head for f in self.function_names])

    def __call__(self, a: Analysis) -> None:
        emit = _Emitter(self, a)
        for read in (self._read_patterns, self._read_created, self._read_branches, self._read_function_lists,
                     self._read_sets, self._read_generic, self._read_lexicon, self._read_assignments,
                     self._read_signoffs, self._read_heads, self._read_self_references):
            read(a, emit)
        self.subunits(a, emit.taken)  # 区经济发展局农村发展处: the office inside the body
        for s, e, canonical in list(self.subunits.bare(a, emit.free, lambda pos: self._issuers_at(a, pos))):
            emit(s, e, AgencyType.AGENCY, "agency.issuer-office", canonical=canonical)  # 政法综治处牵头
        self.declared(a, emit)  # …办公室（以下简称“区宜居办”）: the short form names it from then on
        self._spell_out(a)
        a.found.agencies.sort(key=lambda ag: ag.evidence.span.start)

    def _read_patterns(self, a: Analysis, emit: "_Emitter") -> None:
        """Whole-name patterns (中国（北京）知识产权保护中心)."""
        text = a.text
        for rule, kind, pattern in self.patterns:
            for m in pattern.finditer(text):
                span = m.span("name") if "name" in pattern.groupindex else m.span()
                if emit.free(*span):
                    emit(*span, kind, rule, canonical=text[span[0]:span[1]])

    def _read_created(self, a: Analysis, emit: "_Emitter") -> None:
        """Bodies a plan creates and names once (调查评估组，由…)."""
        text, tokens = a.text, a.tokens
        for name in self._created_names(text):
            for m in re.finditer(re.escape(name), text):
                s, e = m.span()
                if emit.free(s, e) and not text.startswith(self.created_titles + self.created_words, e) \
                        and (s == 0 or not is_han(text[s - 1]) or tokens.is_boundary(s)):
                    emit(s, e, AgencyType.AGENCY, "agency.created", canonical=name)

    def _read_branches(self, a: Analysis, emit: "_Emitter") -> None:
        """A central body's offices in places (中国人民银行广东省分行、深圳市分行)."""
        text = a.text
        for m in self.branch.finditer(text):
            opening = self._body_at(m.group())
            if emit.free(m.start(), m.end()) and self._branch_place(m.group()[len(opening):]):
                emit(m.start(), m.end(), AgencyType.AGENCY, "agency.branch",
                     canonical=self.branch_openings[opening] + m.group()[len(opening):])
                pos, head = m.end(), next(h for h in self.branch_heads if m.group().endswith(h))
                while (n := self.branch_next.match(text, pos)) and emit.free(*n.span("office")) and n["office"].endswith(head) \
                        and self._branch_place(n["office"]):  # …广东省分行、深圳市分行: the same body's, of the same kind
                    emit(*n.span("office"), AgencyType.AGENCY, "agency.branch",
                         canonical=self.branch_openings[opening] + n["office"])
                    pos = n.end()

    def _read_function_lists(self, a: Analysis, emit: "_Emitter") -> None:
        """Functions sharing one head (市、区教育、公安等部门)."""
        text = a.text
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
                if not emit.free(s, e):
                    continue
                if m["scope"] == self.central_scope and item in self.central_functions:
                    # 发展改革、财政等国务院有关职能部门: the central bodies of these functions
                    emit(s, e, AgencyType.AGENCY, "agency.function", canonical=self.central_functions[item])
                    continue
                own = self.functions.get(item, ("",))[0]
                # 区教育部门, but 区妇联: a people's organisation is no department
                department = item not in self.functions or (own.endswith(self.office_endings) and "{region}" not in own)
                name = item + head if department else item
                emit.function(s, e, prefixes[0] + item + head, canonical=prefixes[0] + name if prefixes[0] else name)
                for prefix in prefixes[1:]:  # not free any more: the same words name these too
                    emit(s, e, AgencyType.GENERIC, "agency.generic", canonical=prefix + name,
                         level=self.scope_levels.get(prefix))

    def _read_sets(self, a: Analysis, emit: "_Emitter") -> None:
        """Sets of regions and divisions (各省、自治区、直辖市; 各县（市、区）) and committee pairs."""
        text, tokens = a.text, a.tokens
        for s, e, canonical in self._region_sets(text):
            if emit.free(s, e):
                emit(s, e, AgencyType.GENERIC, "agency.generic", canonical=canonical, level=self.region_set_level)
        for s, e, level in self._division_sets(text, tokens):
            if emit.free(s, e):
                emit(s, e, AgencyType.GENERIC, "agency.generic", level=level)
        for s, e, canonical, level in self._committee_pairs(text):
            if emit.free(s, e):
                emit(s, e, AgencyType.GENERIC, "agency.generic", canonical=canonical, level=level)

    def _read_generic(self, a: Analysis, emit: "_Emitter") -> None:
        """Generic actors, the longest first, and those after a shared quantifier."""
        text, tokens, found = a.text, a.tokens, a.found
        generic = sorted(set(self._generic_actors(text, tokens, a.segmenter.tag)), key=lambda c: (c[0] - c[1], c[0]))
        for s, e, level in generic:  # the longest first: 县级以上地方人民政府医疗保障行政部门, not its 人民政府
            if emit.free(s, e) and text.startswith(self.unique_scopes, s) and not self._is_generic(text[s:e]):
                emit(s, e, AgencyType.AGENCY, "agency.unique", canonical=text[s:e])  # 国家级经办机构: one body
            elif emit.free(s, e):
                for ps, pe in self._run_together(text, s, e):
                    emit.function(ps, pe, text[ps:pe], level=level)
        def acts(pos: int) -> bool:  # a verb, preposition, adverb or conjunction opens at pos
            word = tokens.word_at(pos)
            return word is not None and word[0] == pos and a.segmenter.tag(word[2]) in self.follower_tags

        for s, e, canonical, level in self._shared_quantifiers(text, a.located("agency"), emit.free, acts):
            emit(s, e, AgencyType.GENERIC, "agency.generic", canonical=canonical, level=level)

    def _read_lexicon(self, a: Analysis, emit: "_Emitter") -> None:
        """The roster and the lexicon of known bodies, with a relative prefix before them."""
        text, tokens = a.text, a.tokens
        for s, e, (canonical, kind) in self.lexicon.finditer(text, tokens):
            if emit.free(s, e) and not self._titled(text, e) and not self.document_number.match(text, e) \
                    and not text.startswith(self.bare_head, e - 1):  # 省应急管理部门: a function, not 应急管理部
                start = self._relative_prefix(tokens, s)
                if start < s:
                    emit(start, e, kind, "agency.lexicon")
                else:
                    emit(s, e, kind, "agency.lexicon", canonical=canonical)

    def _read_assignments(self, a: Analysis, emit: "_Emitter") -> None:
        """The units of bracketed assignments (（责任单位：省经济和信息化厅、省财政厅）)."""
        text, found = a.text, a.found
        a.assignments = self.assignments(text)
        for assignment in a.assignments:
            prefix = ""
            shared = self._shared_bodies(text, assignment.units)
            for unit in assignment.units:
                own = self.relative_prefix(unit.name)
                prefix = own[0] if own else prefix
                if not emit.free(unit.start, unit.end) or self._is_generic(unit.name):
                    continue
                if unit.start in shared:  # 广州、深圳、珠海边检总站: 广州 names 广州边检总站
                    emit(unit.start, unit.end, AgencyType.AGENCY, "agency.assignment",
                         canonical=self.resolve(shared[unit.start], found.regions)[0])
                    continue
                if unit.name in self.non_agencies:
                    continue  # 县级市 of 各区、县级市
                canonical = self.unit_canonical(unit.name, prefix, found.regions)
                if canonical is None:
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
                if emit.free(s, e) and self._identifies(text[s:e], found.regions):
                    emit(s, e, AgencyType.AGENCY, "agency.assignment-group")

    def _read_signoffs(self, a: Analysis, emit: "_Emitter") -> None:
        """The 落款's issuing body, whatever its name looks like."""
        for part in a.doc.parts:
            # The 落款 names the issuing body, whatever its name looks like; a
            # sign-off naming bodies found already (joint issuers) is left as found.
            if part.issuer and emit.free(part.issuer.start, part.issuer.end) and "\n" not in part.issuer.text \
                    and not self._not_agency(part.issuer.text):
                emit(part.issuer.start, part.issuer.end, AgencyType.AGENCY, "agency.signoff")

    def _read_heads(self, a: Analysis, emit: "_Emitter") -> None:
        """Names ending in a head word (局, 厅, 委员会…), and those sharing a prefix."""
        text, tokens, found = a.text, a.tokens, a.found
        for s, e, kind in sorted(self._by_head(text, tokens, a.segmenter.tag), key=lambda c: (c[0] - c[1], c[0])):
            if emit.free(s, e) and self._identifies(text[s:e], found.regions):
                emit(s, e, kind, "agency.head")
        for s, e, canonical in self._shared_prefixes(text, a.located("agency"), emit.free, found.regions):
            emit(s, e, AgencyType.AGENCY, "agency.shared-prefix", canonical=canonical)

    def _read_self_references(self, a: Analysis, emit: "_Emitter") -> None:
        """A document's words for the body that issued it (我局, 向部报送)."""
        text, tokens = a.text, a.tokens
        a.issuers = self._issuers(a)
        for m in self._self_starts.finditer(text):
            s, e, word = tokens.word_at(m.start())
            if s == m.start() and word in self.self_references:
                issuers = self._issuers_at(a, s)
                if issuers and emit.free(s, e):
                    emit(s, e, AgencyType.AGENCY, "agency.self", canonical=issuers[0])
        for m in self._bare_self.finditer(text):  # 向部报送, 部将予以通报: a ministry's own documents name it so
            s, e, word = tokens.word_at(m.start())
            before, after = text[s:m.start()], text[m.end():e]  # jieba glues 向部, 部将, 报部
            if not ((not before or before in self.bare_self_before) and (not after or after in self.bare_self_after)):
                continue
            s, e = m.span()
            issuers = self._issuers_at(a, s)
            if issuers and issuers[0].endswith(m.group()) and self.roster.bodies.get(issuers[0]) is not None \
                    and emit.free(s, e):
                emit(s, e, AgencyType.AGENCY, "agency.self", canonical=issuers[0])

    def _spell_out(self, a: Analysis) -> None:
        """A body spelled out in the document names its abbreviations (区经发局 → 区经济发展局)."""
        found = a.found
        spelled = self._spelled_out(found.agencies, found.regions, self.full_stems)
        for k, agency in enumerate(found.agencies):
            if agency.canonical in spelled:  # 区经发局 where the document writes 区经济发展局 too
                new = replace(agency, canonical=spelled[agency.canonical])
                a.relocate("agency", agency, new)
                found.agencies[k] = new

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
                if w in self.name_joiners and w_start > 0 and not following[2].startswith(tuple(prefixes)):  # 交通|与|建设局
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
