"""Agencies and protection centres, with their canonical names.

Three rules, applied in order, each claiming the text it matches:

``agency.pattern``
    whole-name patterns (中国（北京）知识产权保护中心);
``agency.lexicon``
    names and aliases from ``resources/agencies.tsv`` (中关村管委会);
``agency.head``
    a name ending in a head word (局, 厅, 委员会, 海关…), read back word by
    word until a word that cannot be part of a name (和, 会同, 将…).

Names relative to the document's region are qualified (市知识产权局 in a
Beijing document is 北京市知识产权局), short forms expanded
(发展改革委 → 发展和改革委员会), and the result looked up again in the lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import RuleError
from kg.extract.base import Analysis, Lexicon
from kg.extract.places import gazetteer, region_fits
from kg.extract.records import Agency, AgencyType
from kg.nlp.segment import is_han
from kg.resources import compile_pattern, load_toml, read_table, read_words


@dataclass(frozen=True)
class Head:
    head: str
    type: AgencyType
    needs: str


def _agency_type(name: str, where: str) -> AgencyType:
    try:
        return AgencyType(name)
    except ValueError:
        known = ", ".join(t.value for t in AgencyType)
        raise RuleError(f"{where}: unknown agency type {name!r}; known types: {known}") from None


class AgencyFinder:
    """Finds agency mentions; build once, call per document."""

    def __init__(self) -> None:
        cfg = load_toml("agencies.toml")
        self.known: dict[str, tuple[str, AgencyType]] = {}
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
        self.org_endings = tuple(cfg["heads"]["org_endings"])
        self.breaks = set(cfg["name"]["breaks"])
        self.generic = tuple(sorted(cfg["name"]["generic"], key=len, reverse=True))
        self.max_length = int(cfg["name"]["max_length"])
        self.particles = "".join(cfg["name"]["particles"])
        self.relative = dict(cfg["regions"]["relative"])
        self.patterns = [
            (p["id"], _agency_type(p["type"], f"agencies.toml pattern {p['id']}"), compile_pattern(p["pattern"], f"agencies.toml pattern {p['id']}"))
            for p in cfg["patterns"]["patterns"]
        ]
        self.stems = {row["short"]: row["full"] for row in read_table("agency_stems.tsv", ("short", "full"))}
        self.non_agencies = set(read_words("non_agencies.txt"))
        self.places = gazetteer()

    def words(self) -> list[str]:
        """Words the segmenter should keep whole."""
        return [w for w in self.known if len(w) <= 12] + [h.head for h in self.heads if len(h.head) > 1]

    # -- naming --------------------------------------------------------------
    def resolve(self, name: str, region: str | None) -> tuple[str, str | None]:
        """Return the canonical name of a written agency name and the region it is in."""
        if name in self.known:
            return self.known[name][0], self._region_of(self.known[name][0])
        qualified = name
        for prefix, level in sorted(self.relative.items(), key=lambda kv: -len(kv[0])):
            if name.startswith(prefix) and region_fits(region, level):
                qualified = region + name[len(prefix):]
                break
        place_len = self._leading_place(qualified)
        stem = qualified[place_len:]
        for short in sorted(self.stems, key=len, reverse=True):
            if stem.endswith(short) and (stem == short or not stem.endswith(self.stems[short])):
                stem = stem[: len(stem) - len(short)] + self.stems[short]
                break
        full = qualified[:place_len] + stem
        if full in self.known:
            full = self.known[full][0]
        return full, self._region_of(full)

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

    # -- rules ---------------------------------------------------------------
    def __call__(self, a: Analysis) -> None:
        text, tokens, found = a.text, a.tokens, a.found
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return all(e <= ts or s >= te for ts, te in taken)

        def emit(s: int, e: int, kind: AgencyType, rule: str, canonical: str | None = None) -> None:
            written = text[s:e]
            if canonical is None:
                canonical, region = self.resolve(written, found.region)
            else:
                region = self._region_of(canonical)
            taken.append((s, e))
            agency = Agency(written, canonical, kind, region, a.evidence(s, e, rule))
            found.agencies.append(agency)
            a.locate("agency", s, e, agency)

        for rule, kind, pattern in self.patterns:
            for m in pattern.finditer(text):
                if free(m.start(), m.end()):
                    emit(m.start(), m.end(), kind, rule, canonical=m.group(0))
        for s, e, (canonical, kind) in self.lexicon.finditer(text, tokens):
            if free(s, e):
                start = self._relative_prefix(text, tokens, s)
                if start < s:
                    emit(start, e, kind, "agency.lexicon")
                else:
                    emit(s, e, kind, "agency.lexicon", canonical=canonical)
        for s, e, kind in self._by_head(text, tokens):
            if free(s, e):
                emit(s, e, kind, "agency.head")
        found.agencies.sort(key=lambda ag: ag.evidence.span.start)

    def _relative_prefix(self, text: str, tokens, start: int) -> int:
        """Return where a relative prefix (省, 市) written just before ``start`` begins."""
        k = tokens.index_at(start - 1) if start else -1
        if k >= 0 and tokens.words[k] in self.relative:
            return tokens.starts[k]
        return start

    def _by_head(self, text: str, tokens):
        words, starts, ends = tokens.words, tokens.starts, tokens.ends
        for i, word in enumerate(words):
            if word in self.non_agencies:
                continue
            end = ends[i]
            head = next((h for h in self.heads if text.endswith(h.head, 0, end)), None)
            if head is None:
                continue
            head_start = end - len(head.head)
            if not tokens.is_boundary(head_start) and tokens.index_at(head_start) != i:
                continue  # the head straddles words
            # Read the name back from the word holding the head's start.
            k = tokens.index_at(head_start)
            start = starts[k]
            j = k - 1
            while j >= 0:
                w = words[j]
                if w in self.breaks or not is_han(w) or end - starts[j] > self.max_length:
                    break
                start = starts[j]
                j -= 1
            name = text[start:end]
            name_part = name[: len(name) - len(head.head)]
            if name in self.non_agencies or name.startswith(self.generic):
                continue
            while name_part and name_part[0] in self.particles:
                start += 1
                name, name_part = name[1:], name_part[1:]
            if not self._acceptable(name_part, head):
                continue
            yield start, end, head.type

    def _acceptable(self, name_part: str, head: Head) -> bool:
        if not name_part:
            return False
        relative = any(name_part.startswith(p) for p in self.relative)
        if len(name_part) < 2 and not (relative and len(name_part) == 1 and len(head.head) >= 1):
            return False
        if head.needs == "place":
            return relative or self._leading_place(name_part) > 0
        if head.needs == "org":
            return name_part.endswith(self.org_endings)
        return True

