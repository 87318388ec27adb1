"""Who is responsible for what.

``responsibility.assignment``
    the units of a bracketed assignment (（省商务厅牵头，合肥海关配合）,
    （责任单位：…）, （牵头单位：…；配合单位：…）) lead or support the measure
    (else the task, guarantee measure or document) it closes;
``responsibility.carried``
    the units an earlier assignment names for all that follow (以下均需各区、县（市）政府落实，
    不再列出) lead each later one; the evidence is that later assignment;
``responsibility.subject``
    agencies opening a sentence or clause as its subject — after 由, or
    followed by a duty word (将, 负责, 统筹…), or inside a task or measure by
    a verb (省有关部门争取…), or, in a document that prescribes (an emergency
    plan, a notice, a rule book), by a verb of the present or a preposition
    (国务院办公厅履行…职责), or before 职责 at an item's opening — lead what
    the sentence is about; agencies joined to them by 会同 or 联合 support them;
``responsibility.drafted``
    agencies right before a drafting verb whose object is a document
    (中关村管委会会同市知识产权局，研究制定了《…》) drew it up; before an
    issuing verb (财政部会同商务部发布了91号公告, 出台了《办法》), issued it;
``responsibility.issuer``
    the body that signs a document (落款), or heads its title, issued it, and
    the documents a notice issues (印发);
``responsibility.cited-issuer``
    the bodies a cited title opens with (《国务院关于…的意见》) issued it;
``responsibility.involved``
    agencies inside 发挥……作用 in a measure are involved in it.
"""

from __future__ import annotations

import re

from kg.extract.rows import GluedRows
from kg.extract.assignments import written_deadline
from kg.extract.base import Analysis
from kg.extract.records import Responsibility, Role, Subject
from kg.nlp.script import is_han
from kg.resources import compile_pattern, load_toml

# Between the last agency and its drafting verb: punctuation or a short phrase.
_MAX_GAP = 8


class ResponsibilityFinder:
    requires = ("documents", "references", "subjects", "agencies", "issuers", "assignments", "tasks", "measures", "guarantees")  # what earlier components must have found (kg/extract/pipeline.py)
    provides = ("responsibilities",)

    def __init__(self) -> None:
        cfg = load_toml("responsibilities.toml")
        self.verbs = sorted([(v, Role.DRAFTED) for v in cfg["drafted"]["verbs"]]
                            + [(v, Role.ISSUED) for v in cfg["drafted"]["issue_verbs"]], key=lambda vr: -len(vr[0]))
        self.particles = sorted(cfg["drafted"]["particles"], key=len, reverse=True)
        self.joiners = sorted(cfg["lead"]["joiners"], key=len, reverse=True)
        subject = cfg["subject"]
        self.duty_words = sorted(subject["duty_words"], key=len, reverse=True)
        self.agent_markers = sorted(subject["agent_markers"], key=len, reverse=True)
        self.verb_tags = set(subject["verb_tags"])
        self.support_joiners = set(subject["support_joiners"])
        self.lead_words = tuple(subject["lead_words"])
        self.support_words = tuple(subject["support_words"])
        self.role_words = self.support_words + tuple(self.duty_words)  # what may close a list of units
        self.duty_sections = set(subject["duty_sections"])
        self.article_lead_tags = set(subject["article_lead_tags"])
        self.list_closers = tuple(subject["list_closers"])
        self.copulas = sorted(subject["copulas"], key=len, reverse=True)
        self.max_unknown_unit = int(subject["max_unknown_unit"])
        self.manners = sorted(subject["manners"], key=len, reverse=True)
        clause = subject["manner_clauses"]
        self.manner_openers = tuple(clause["openers"])
        self.manner_clause_max = int(clause["max_length"])
        self.clause_verb_tags = set(clause["verb_tags"])
        self.modifier_end, self.modifier_max = subject["modifier"]["end"], int(subject["modifier"]["max_length"])
        self.modifier_breaks = set(subject["modifier"]["break_tags"])
        self.not_acting = tuple(subject["not_acting"])
        self.condition_ends = tuple(subject["condition_ends"])
        self.sentence_marks = "\u3002\uff01\uff1f"
        self.segment_marks = cfg["assignments"]["segment_separators"]  # …工作；国务院办公厅履行…: a clause like a sentence
        self.duty_colons = tuple(subject["duty_colons"])
        self.duty_headings = tuple(subject["duty_headings"])
        self.outline_number = compile_pattern(subject["outline_number"], "responsibilities.toml outline_number")
        self.openers = tuple(subject["openers"])
        self.past_marks = tuple(subject["past_marks"])
        self.composed = tuple(subject["composed"])
        self.prescriptive_kinds = set(subject["prescriptive_kinds"])
        agencies = load_toml("agencies.toml")
        self.list_heads = sorted(agencies["generic"]["function_list_heads"], key=len, reverse=True)
        prefixes = "".join(sorted(p for p in agencies["regions"]["relative"] if len(p) == 1))
        self.shared_prefix = re.compile(f"[{prefixes}](?:、[{prefixes}])*")  # 市、区 or 市 of 市发展改革、财政等部门
        self.role_nouns = dict(subject["role_nouns"])
        self.involved = [compile_pattern(p, "responsibilities.toml involved") for p in cfg["involved"]["patterns"]]
        self.clause_marks = cfg["assignments"]["segment_separators"] + cfg["assignments"]["clause_separators"]
        self.title_issuer_ends = tuple(agencies["regions"]["title_issuer_ends"])
        self.rows = GluedRows()  # the rows of a task-division table whose cells ran together

    def __call__(self, a: Analysis) -> None:
        self.seen = set()
        self._issuers(a)
        self._cited_issuers(a)
        self._drafted(a)
        self._assignments(a)
        self.rows(a, lambda agency, role, s, e, due: self._add(a, agency.canonical, role, self.subject_at(a, s), s, e,
                                                               "responsibility.row", due))
        self._subjects(a)
        self._involved(a)

    def _add(self, a: Analysis, agency: str, role: Role, subject: Subject, start: int, end: int, rule: str,
             deadline=None, ongoing: bool = False) -> None:
        # A document without tasks or measures (a rule book, an emergency plan) is the subject of all its
        # duties: those of different sentences are different assignments.
        sentence = a.doc.sentence_at(start) if subject.kind == "document" else None
        key = (agency, role, subject, sentence.start if sentence is not None else None)
        if key not in self.seen:
            self.seen.add(key)
            a.found.responsibilities.append(
                Responsibility(agency, role, subject, a.evidence(start, end, rule), deadline, ongoing))

    # -- what a responsibility is for ----------------------------------------------
    @staticmethod
    def subject_at(a: Analysis, pos: int) -> Subject:
        """The innermost measure, task or guarantee measure around ``pos``, else its document."""
        measure = a.enclosing("measure", pos)
        if measure is not None:
            return Subject("measure", (measure.document, measure.task, measure.order))
        task = a.enclosing("task", pos)
        if task is not None:
            return Subject("task", (task.document, task.order))
        guarantee = a.enclosing("guarantee", pos)
        if guarantee is not None:
            return Subject("guarantee", (guarantee.document, guarantee.order))
        return Subject("document", a.subject_at(pos))

    # -- rules ------------------------------------------------------------------------
    def _issuers(self, a: Analysis) -> None:
        for part in a.doc.parts:
            names = a.issuers.get(part.index)
            record = a.part_document(part.start)
            if not names or record is None:
                continue
            field = part.issuer or part.title
            for key in (record.key, *record.issues):
                for name in names:
                    self._add(a, name, Role.ISSUED, Subject("document", key), field.start, field.end,
                              "responsibility.issuer")

    def _cited_issuers(self, a: Analysis) -> None:
        """The bodies heading a cited title issued that document: 《国务院关于…的指导意见》."""
        text = a.text
        for start, end, ref in a.located("reference"):
            s = start + 1 if text[start] in "《〈" else start
            title = text[s:end]
            cut = min((title.find(w) for w in self.title_issuer_ends if w in title), default=-1)
            if cut <= 0:
                continue
            agencies = a.located("agency", s, s + cut)
            if not agencies or agencies[0][0] != s:
                continue  # the title does not open with a body
            for _, _, agency in agencies:
                self._add(a, agency.canonical, Role.ISSUED, Subject("document", ref.document), s, s + cut,
                          "responsibility.cited-issuer")

    def _drafted(self, a: Analysis) -> None:
        text = a.text
        for start, end, ref in a.located("reference"):
            sentence = a.doc.sentence_at(start)
            if sentence is None:
                continue
            k = start
            particle = next((p for p in self.particles if text.endswith(p, sentence.start, k)), None)
            if particle:
                k -= len(particle)
            found = next(((v, r) for v, r in self.verbs if text.endswith(v, sentence.start, k)), None)
            if found is None:
                continue
            verb, role = found
            chain = self._chain_before(a, sentence.start, k - len(verb))
            for _, _, agency in chain:
                self._add(a, agency.canonical, role, Subject("document", ref.document),
                          chain[0][0], end, "responsibility.drafted")

    def _chain_before(self, a: Analysis, floor: int, pos: int) -> list:
        """Return the agencies, joined by joiners, that end shortly before ``pos``."""
        text = a.text
        agencies = a.located("agency", floor, pos)
        if not agencies:
            return []
        last = agencies[-1]
        gap = text[last[1]:pos]
        if len(gap) > _MAX_GAP or any(ch in gap for ch in "。；;"):
            return []
        chain = [last]
        for prev in reversed(agencies[:-1]):
            if text[prev[1]:chain[0][0]] not in self.joiners:
                break
            chain.insert(0, prev)
        return chain

    def _assignments(self, a: Analysis) -> None:
        for assignment in a.assignments:
            subject = self.subject_at(a, assignment.start)
            deadline = written_deadline(a, assignment)
            for unit in assignment.units:
                # the agencies starting in the unit: a set of divisions runs over units (各区、县（市）政府)
                for _, _, agency in (t for t in a.located("agency", unit.start, assignment.end) if t[0] < unit.end):
                    role = Role.LEAD if unit.role == "lead" else Role.SUPPORT
                    self._add(a, agency.canonical, role, subject, unit.start, unit.end, "responsibility.assignment",
                              deadline, assignment.ongoing)
            for start, end in assignment.carried:  # named once for all: their evidence is this assignment
                near = a.located("agency", max(0, start - self.max_unknown_unit * 4), end + self.max_unknown_unit * 4)
                for _, _, agency in (t for t in near if t[0] < end and t[1] > start):  # 各区、县（市）政府 over units
                    self._add(a, agency.canonical, Role.LEAD, subject, assignment.start, assignment.end,
                              "responsibility.carried", deadline, assignment.ongoing)

    def _subjects(self, a: Analysis) -> None:
        """Agencies opening a sentence or clause (after 由, or before a duty word)."""
        text = a.text
        markers = {sec.marker_start: sec.heading_start for sec in a.doc.sections}  # 一、各地各部门要…: after the marker
        for sentence in a.doc.sentences:
            if a.doc.paragraphs[sentence.paragraph].role not in ("body",):
                continue
            opening = markers.get(sentence.start, sentence.start)
            numbered = self.outline_number.match(text, opening, sentence.end)  # 2.2.6财政部门职责…: past its number
            opening = numbered.end() if numbered else opening
            starts = [opening]
            starts += [k + 1 for k in range(sentence.start, sentence.end) if text[k] in self.clause_marks]
            # 由 names the agent wherever it stands: 本办法由阿坝州人民政府办公室负责解释.
            starts += [k for marker in self.agent_markers for k in _find_all(text, marker, sentence.start, sentence.end)]
            # 原则上参保地经办机构应…: past an adverb opening the sentence or clause, its subject
            starts += [k + len(w) for k in list(starts) for w in self.openers if text.startswith(w, k)]
            for start in sorted(set(starts)):
                if any(g.start <= start < g.end for g in a.assignments):
                    continue  # a bracketed assignment is read as one, above
                opens = start in (sentence.start, opening) or text[start - 1] in self.segment_marks
                found = self._subject(a, start, sentence.end, opens_sentence=opens)
                if not found:
                    continue
                leads, supports, stop = found
                if self._conditional(text, stop, sentence.end):
                    continue  # 依照本办法规定应当由上级人民政府负责调查评估的，…: a condition, not an assignment
                # A subject opening a sentence cut into guarantee clauses leads each of them.
                clauses = a.located("guarantee", sentence.start, sentence.end) if start == sentence.start else []
                if clauses:
                    subjects = [Subject("guarantee", (g.document, g.order)) for _, _, g in clauses]
                else:
                    subjects = [self.subject_at(a, start)]
                # the evidence is the duty clause: the subject and what it is to do, to the clause's end
                until = next((k for k in range(stop, sentence.end) if text[k] in self.clause_marks), sentence.end)
                for subject in subjects:
                    for agency in leads:
                        self._add(a, agency.canonical, Role.LEAD, subject, start, until, "responsibility.subject")
                    for agency in supports:
                        self._add(a, agency.canonical, Role.SUPPORT, subject, start, until, "responsibility.subject")

    def _subject(self, a: Analysis, start: int, end: int, opens_sentence: bool = False):
        """Read ``[由] A [和 B] [会同 C] duty-word`` at ``start``: (leads, supports, end) or None;
        ``opens_sentence`` if ``start`` is where its sentence's text opens (after an item's marker)."""
        text = a.text
        pos = start
        marker = next((m for m in self.agent_markers if text.startswith(m, pos)), None)
        if marker:
            pos += len(marker)
        spans = _spans(a, pos, end)
        if pos not in spans:  # 承担重要生态环境保护职责的发展改革、…等部门要…: a modifier ending in 的 before them
            k = next((k for k in range(pos, min(end, pos + self.modifier_max)) if text[k] in self.clause_marks
                      or (text.startswith(self.modifier_end, k) and k + len(self.modifier_end) in spans)), None)
            if k is not None and text.startswith(self.modifier_end, k) and not any(
                    a.tag_at(j) in self.modifier_breaks for j in range(pos, k) if a.tokens.is_boundary(j)):
                pos = k + len(self.modifier_end)  # not …同以习近平同志为核心的党中央: no preposition in it
        shared = self.shared_prefix.match(text, pos)  # 市、区教育、公安…: the prefix the list shares
        if shared and shared.end() in spans and pos not in spans:
            pos = shared.end()
        leads, supports, supporting = [], [], False
        while pos < end:
            if pos in spans:
                pos, records = spans[pos]
                (supports if supporting else leads).extend(records)
                if text[pos:pos + 1] in ("(", "（") and pos + 1 in spans:
                    close, inner = spans[pos + 1]  # 镇人民政府(街道办事处)应…: the body in brackets acts alike
                    if text[close:close + 1] in (")", "）"):
                        (supports if supporting else leads).extend(inner)
                        pos = close + 1
                continue
            joiner = next((j for j in self.joiners if text.startswith(j, pos)), None)
            if (leads or supports) and joiner:
                supporting = supporting or joiner in self.support_joiners
                pos += len(joiner)
                continue
            skip = self._unknown_unit(text, pos, end, spans) if (leads or supports) and text[pos - 1] == "、" else None
            if skip:
                pos = skip  # 公安部、…、总参作战部、武警总部等参加: a unit not known keeps the list going
                continue
            break
        if not leads:
            return None
        if text.startswith(self.duty_colons, pos) and pos + 1 < end and is_han(text[pos + 1]) \
                and (start == 0 or text[start - 1] == "\n" or getattr(a.doc.sentence_at(start), "start", None) == start):
            return leads, supports, pos + 1  # 区财政金融局：负责保证…经费: a member's duties, one body to a line
        head = next((h for h in self.list_heads if text.startswith(h, pos)), "")  # 质监、食品药品监督部门职责: past 部门
        heading = next((h for h in self.duty_headings if text.startswith(h, pos + len(head))), None)
        if heading and opens_sentence and pos + len(head) + len(heading) < end and is_han(text[pos + len(head) + len(heading)]):
            return leads, supports, pos + len(head) + len(heading)  # 2.2.6财政部门职责负责安排…经费: the duties under its name
        after = pos + next((len(c) for c in self.list_closers if text.startswith(c, pos)), 0)
        if after > pos:  # …残联等单位按照各自职责主动配合: the list's head
            opened = after
            after += next((len(h) for h in self.list_heads if text.startswith(h, after)), 0)
            if after in spans:  # 市委组织部、…市数据局等相关部门: a generic actor closing the list acts with it
                after, records = spans[after]
                (supports if supporting else leads).extend(records)
            # past the head where one closes the list (发展改革、财政等国务院有关职能部门要…)
            pos = after if after > opened or text[after:after + 1] in self.clause_marks else pos
        manner = self._manner_at(text, after) or self._manner_clause(a, after, end)  # …等中央金融管理部门根据…需要，研究…
        if manner is None and after < len(text) and text[after] in self.clause_marks:
            manner = self._manner_at(text, after + 1) or self._manner_clause(a, after + 1, end)  # …等相关部门，结合职能分工，细化…
            after += 1 if manner else 0
        if manner:  # how the units act (国务院有关部门按照职责分工，组织做好…)
            after += len(manner)
            after += 1 if after < end and text[after] in self.clause_marks else 0
            second = len(self._manner_at(text, after) or "")  # …按照职责分工，密切配合: a second one, before a role word
            after += second if text.startswith(self.support_words, after + second) else 0
            pos = after
        helps = next((w for w in self.support_words if text.startswith(w, after)), None)
        if helps and not marker:  # 公安部、交通运输部等参加
            k = after + len(helps)
            helped = []  # 统计部门、供电部门等配合节能主管部门开展…: those after the role word lead
            while k in spans:
                k, records = spans[k]
                helped.extend(records)
                k += next((len(j) for j in self.joiners if text.startswith(j, k) and k + len(j) in spans), 0)
            return helped, leads + supports, max(k, after + len(helps))
        duty = next((w for w in self.duty_words if text.startswith(w, pos)), None)
        # after how the units act, 为 is a preposition (按规定为参保人员办理), no copula
        copula = None if manner else next((c for c in self.copulas if text.startswith(c, pos)), None)
        if copula and not duty:
            clause_end = next((k for k in range(pos, end) if text[k] in self.clause_marks + "。"), end)
            role = next((r for noun, r in self.role_nouns.items() if noun in text[pos:clause_end]), None)
            if role is None:
                return None
            return (leads, supports, clause_end) if role == "lead" else ([], leads + supports, clause_end)
        section = a.doc.section_at(start)
        # a task or measure, or an article of a rule book (第七条 市工信委会同市财政局每年度发布…): what it says is a duty
        in_item = any(a.enclosing(kind, start) for kind in ("measure", "task", "guarantee"))
        in_measure = in_item or (section is not None and section.kind in self.duty_sections)
        # a verb right after the agencies inside a measure (省有关部门争取…); after how they act, what follows
        # is their duty whatever jieba tags it (…等相关部门，结合职能分工，细化举措…)
        word_end, tag = _word_after(a, pos)  # 市工业和信息化委在…: the 在 jieba glued to the name's head
        acts = pos < end and word_end is not None and (
            (in_measure and tag in self.verb_tags) or (manner is not None and is_han(text[pos])))
        # the units opening a sentence of a measure are its subject, whatever stands between them and the
        # verb (上海市人民政府定期向…报送…), unless a permission or no predicate follows; in a rule book's
        # article, when a preposition opens what follows them (就医地经办机构在次月20日前完成对账)
        opens = ((in_item or (in_measure and tag in self.article_lead_tags))
                 and opens_sentence and pos < end and is_han(text[pos]) and not text.startswith(self.not_acting, pos))
        # in a document that prescribes, the units opening a sentence and followed by a verb of the present
        # (国务院办公厅履行…职责), not of what was done (…举办了), or by a preposition (…主管部门向部报送…);
        # and those after 由 (…，由环境保护部制定), unless they are what a body is made of
        prescribes = ((opens_sentence or marker) and pos < end and not text.startswith(self.not_acting, pos)
                      and self._prescribes(a, start))
        acts = acts or opens or (prescribes and not marker and word_end is not None and (
            tag in self.article_lead_tags or (tag in self.verb_tags and not text.startswith(self.past_marks, word_end))))
        if marker and text.endswith(self.composed, pos, next(
                (k for k in range(pos, end) if text[k] in self.clause_marks + self.sentence_marks), end)):
            return None  # 指挥部主要由环境保护部、…等部门和单位组成: its members, not what it does
        if not (duty or acts or ((marker or supporting) and (in_measure or prescribes))):
            return None  # without a duty word, 由, 会同 and a verb mark the acting agency only inside a measure
        stop = pos + (len(duty) if duty else 0)
        if duty:  # 公安机关及武警部队应当依法协助…: a duty to help is support
            k = stop + len(self._manner_at(text, stop) or "")
            if any(text.startswith(w, k) for w in self.support_words):
                return [], leads + supports, k
        if duty:  # 各地节能主管部门要牵头会同有关部门…: those after 会同 support
            k = stop + next((len(w) for w in self.lead_words if text.startswith(w, stop)), 0)
            joiner = next((j for j in self.support_joiners if text.startswith(j, k)), None)
            if joiner:
                k += len(joiner)
                spans = _spans(a, k, end)
                while k in spans:
                    k, records = spans[k]
                    supports.extend(records)
                    k += next((len(j) for j in self.joiners if text.startswith(j, k)), 0)
        return leads, supports, stop

    def _prescribes(self, a: Analysis, pos: int) -> bool:
        """Whether the document at ``pos`` is of a kind that prescribes (an emergency plan, a rule book, a
        notice), where a sentence says what a body does, not what it did (a work report, a plan's review)."""
        record = a.part_document(pos)
        return record is not None and record.kind in self.prescriptive_kinds

    def _manner_at(self, text: str, pos: int) -> str | None:
        """The phrase of how units act that opens at ``pos`` (按照职责分工, 结合职能分工, 依法), if any."""
        return next((m for m in self.manners if text.startswith(m, pos)), None)

    def _conditional(self, text: str, stop: int, end: int) -> bool:
        """The clause the duty stands in ends with the particle of a condition (…负责调查评估的，): it says when
        something holds, and assigns nothing."""
        k = stop
        while k < end and text[k] not in self.clause_marks and text[k] not in self.sentence_marks:
            k += 1
        return k < end and text[k] in self.clause_marks and text.endswith(self.condition_ends, stop, k)

    def _manner_clause(self, a: Analysis, pos: int, end: int) -> str | None:
        """A clause of how the units act, between commas after them (…等国务院有关职能部门，根据部门“三定”
        规定…确定的相关职责，梳理…): an opener, then up to the next comma, a verb after it; or None."""
        text = a.text
        if not text.startswith(self.manner_openers, pos):
            return None
        k = pos
        while k < min(end, pos + self.manner_clause_max) and text[k] not in self.clause_marks:
            k += 1
        if k >= end or text[k] not in self.clause_marks or k + 1 >= end or (
                a.tag_at(k + 1) not in self.verb_tags and a.tag_at(k + 1) not in self.clause_verb_tags):
            return None  # …，研究制定…: jieba's noun of action (vn) opens the duty too
        return text[pos:k]

    def _unknown_unit(self, text: str, pos: int, end: int, spans: dict) -> int | None:
        """Where a list of units holds one this reader does not know, the offset of its separator.

        Only a short run of Han characters between two separators of the list (、), followed by a
        known unit or by the list's close and a role word (等参加, 等负责), counts as a unit."""
        words = self.role_words
        for k in range(pos + 2, min(end, pos + self.max_unknown_unit + 1)):
            if not is_han(text[k - 1]):
                return None
            if text[k] == "、":  # a known unit next, or another unknown one (燃气公司、油品销售公司等配合)
                return k if k + 1 in spans or self._unknown_unit(text, k + 1, end, spans) else None
            closer = next((c for c in self.list_closers if text.startswith(c, k)), None)
            if closer and any(text.startswith(w, k + len(closer)) for w in words):
                return k
        return None

    def _involved(self, a: Analysis) -> None:
        for start, end, measure in a.located("measure"):
            for pattern in self.involved:
                for m in pattern.finditer(a.text, start, end):
                    for _, _, agency in a.located("agency", m.start("who"), m.end("who")):
                        self._add(a, agency.canonical, Role.INVOLVED,
                                  Subject("measure", (measure.document, measure.task, measure.order)),
                                  m.start(), m.end(), "responsibility.involved")


def _word_after(a: Analysis, pos: int) -> tuple[int | None, str | None]:
    """The end and tag of the word opening at ``pos``; where jieba glued it to the name before (委在), the rest
    of that word read as one of its own; (None, None) if no word opens there."""
    word = a.tokens.word_at(pos)
    if word is None or word[1] <= pos:
        return None, None
    if word[0] == pos:
        return word[1], a.tag_at(pos)
    rest = a.text[pos:word[1]]
    tag = a.segmenter.tag(rest)
    return (word[1], tag) if tag else (None, None)


def _spans(a: Analysis, start: int, end: int) -> dict[int, tuple[int, list]]:
    """The agencies found in ``[start, end)`` by where they start: the end and the agencies there (the
    same words may name two: 市、区教育 is the city's bureau and the districts')."""
    spans: dict[int, tuple[int, list]] = {}
    for s, e, record in a.located("agency", start, end):
        spans.setdefault(s, (e, []))[1].append(record)
    return spans


def _find_all(text: str, word: str, start: int, end: int) -> list[int]:
    found, k = [], text.find(word, start, end)
    while k >= 0:
        found.append(k)
        k = text.find(word, k + 1, end)
    return found
