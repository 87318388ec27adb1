"""Places named in a document, and the region the document belongs to.

Places come from the gazetteer ``resources/places.tsv`` and the county-level
divisions of ``resources/divisions.tsv`` (every 区, 县, 县级市 and 旗, by its
name where no other county has it, and by its city's name and its own:
福州市鼓楼区). A document's region
(the province-level unit its relative names refer to: 市知识产权局 in a
Beijing document) is the region of the first place in its title, else the
region named most often in its body.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.base import Analysis, Lexicon
from kg.extract.records import Place
from kg.resources import compile_pattern, load_toml, read_table

LEVELS = ("country", "province", "municipality", "city", "prefecture", "county", "zone", "area")
# How specific a level is: a title naming 上海市松江区 is the district's, not the municipality's.
SPECIFIC = {"county": 3, "city": 2, "prefecture": 2, "municipality": 1, "province": 1}


@dataclass(frozen=True)
class PlaceEntry:
    canonical: str
    level: str
    region: str | None
    city: str | None = None  # for a county: the prefecture-level city or municipality it lies in


@lru_cache(maxsize=1)
def gazetteer() -> Lexicon[PlaceEntry]:
    """Return the place lexicon of ``resources/places.tsv``."""
    from kg.errors import RuleError

    entries, errors = {}, []
    for row in read_table("places.tsv", ("name", "canonical", "level", "region"), required=3):
        if row["level"] not in LEVELS:
            errors.append(f"places.tsv: {row['name']}: unknown level {row['level']!r}; known: {', '.join(LEVELS)}")
            continue
        entries[row["name"]] = PlaceEntry(row["canonical"], row["level"], row["region"] or None)
    if errors:
        raise RuleError("; ".join(errors))
    cfg = load_toml("agencies.toml")["divisions"]
    prefixed, bare_length = tuple(cfg["city_prefixed"]), int(cfg["min_bare_length"])
    for row in read_table("divisions.tsv", ("code", "name", "city", "province", "unique"), required=5):
        name = row["name"]
        # a district is named with its city (广州市天河区); a county, a county-level city or a banner alone
        canonical = row["city"] + name if name.endswith(prefixed) else name
        entry = PlaceEntry(canonical, "county", row["province"], row["city"])
        entries.setdefault(row["city"] + name, entry)
        if row["unique"] == "yes" and len(name) >= bare_length:
            entries.setdefault(name, entry)  # 沛县, 和县 only with their city: 和县 stands in 市和县级
    return Lexicon(entries)


def regions_of(entry: PlaceEntry) -> dict[str, str]:
    """Return the regions, by level, that a place stands for or lies in."""
    found = {}
    if entry.level == "county":
        return {"province": entry.region, "city": entry.city, "county": entry.canonical}
    if entry.region:
        found["province"] = entry.region
        region = gazetteer().get(entry.region)
        if region is not None and region.level == "municipality":
            found["city"] = entry.region
    if entry.level == "municipality":
        found["city"] = entry.canonical
    elif entry.level in ("province", "city", "prefecture"):
        found[entry.level] = entry.canonical
    return found


class PlaceFinder:
    """Finds places and sets the document's region."""
    requires = ()  # what earlier components must have found (kg/extract/pipeline.py)
    provides = ("places", "regions")

    rule = "place.gazetteer"

    def __init__(self) -> None:
        self.lexicon = gazetteer()
        cfg = load_toml("agencies.toml")["regions"]
        self.min_mentions = int(cfg["body_min_mentions"])
        self.dominance = float(cfg["body_dominance"])
        self.county_city = cfg["county_level_city"]
        self.zone_government = compile_pattern(cfg["zone_government"], "agencies.toml zone_government")
        self.opening_length = int(cfg["zone_government_opening"])

    def words(self) -> list[str]:
        return list(self.lexicon.entries)

    def __call__(self, a: Analysis) -> None:
        found = a.found
        for start, end, entry in self.lexicon.finditer(a.text, a.tokens):
            found.places.append(Place(a.text[start:end], entry.canonical, entry.level, entry.region,
                                      a.evidence(start, end, self.rule)))
        found.regions = self.regions(a)

    def regions(self, a: Analysis) -> dict[str, str]:
        """Return the regions the file's relative names refer to, by level.

        The first place with a region in a title decides; failing that, the
        region named most often in the text. A zone governed by a management
        committee that issues the document (平潭综合实验区管委会办公室关于…) is the region its
        区 names (区经济发展局: 平潭综合实验区经济发展局).
        """
        found = self._regions(a)
        spans = [(f.start, f.end) for part in a.doc.parts for f in (part.title, part.issuer) if f]
        # and the opening of a document whose title and sign-off the structure did not find
        for start, end in spans + [(0, min(len(a.text), self.opening_length))]:
            m = self.zone_government.search(a.text, start, end)
            if m and "county" not in found:
                entry = self.lexicon.get(m["zone"])  # a zone of the gazetteer tells its province
                province = {"province": entry.region} if entry is not None and entry.region else {}
                return {**province, **found, "county": m["zone"], "zone": m["zone"]}
        return found

    def _regions(self, a: Analysis) -> dict[str, str]:
        for part in a.doc.parts:
            if part.title:
                named = [e for _, _, e in self.lexicon.finditer(a.text, None, part.title.start, part.title.end) if e.region]
                if named:  # the most specific place of the first region named: 上海市松江区人民政府办公室关于…
                    same = [e for e in named if e.region == named[0].region]
                    return self._regions_of(max(same, key=lambda e: SPECIFIC.get(e.level, 0)))
        for part in a.doc.parts:
            if part.issuer:
                for _, _, entry in self.lexicon.finditer(a.text, None, part.issuer.start, part.issuer.end):
                    if entry.region:
                        return self._regions_of(entry)
        # A national document names many places: the body decides only when
        # one region clearly dominates.
        counts = Counter(p.region for p in a.found.places if p.region)
        total = sum(counts.values())
        if not counts or total < self.min_mentions:
            return {}
        province, n = counts.most_common(1)[0]
        if n < self.dominance * total:
            return {}
        # Within that province, a city named as dominantly is the document's city
        # (广州 throughout a Guangzhou plan: 市教育局 is 广州市教育局).
        inner = Counter(p.canonical for p in a.found.places if p.region == province and p.canonical != province)
        if inner:
            city, m = inner.most_common(1)[0]
            if m >= self.dominance * n:
                return self._regions_of(self.lexicon.get(city))
        return self._regions_of(self.lexicon.get(province))

    def _regions_of(self, entry: PlaceEntry) -> dict[str, str]:
        """The regions of the document's place; in a county-level city's document (太仓市), 市 is that city."""
        found = regions_of(entry)
        if entry.level == "county" and entry.canonical.endswith(self.county_city):
            found["city"] = entry.canonical
        return found
