"""Places named in a document, and the region the document belongs to.

Places come from the gazetteer ``resources/places.tsv``. A document's region
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
from kg.resources import read_table

LEVELS = ("country", "province", "municipality", "city", "prefecture", "zone", "area")


@dataclass(frozen=True)
class PlaceEntry:
    canonical: str
    level: str
    region: str | None


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
    return Lexicon(entries)


# Which place levels a relative word (省, 全市…) of each level can refer to.
_FITS = {
    "province": ("province", "municipality"),
    "city": ("municipality", "city"),
    "prefecture": ("prefecture",),
}


def region_fits(region: str | None, level: str) -> bool:
    """True if ``region`` is a place a relative word of ``level`` can refer to."""
    entry = gazetteer().get(region) if region else None
    return entry is not None and entry.level in _FITS.get(level, ())


class PlaceFinder:
    """Finds places and sets the document's region."""

    rule = "place.gazetteer"

    def __init__(self) -> None:
        self.lexicon = gazetteer()

    def words(self) -> list[str]:
        return list(self.lexicon.entries)

    def __call__(self, a: Analysis) -> None:
        found = a.found
        for start, end, entry in self.lexicon.finditer(a.text, a.tokens):
            found.places.append(Place(a.text[start:end], entry.canonical, entry.level, entry.region,
                                      a.evidence(start, end, self.rule)))
        found.region = self.region(a)

    def region(self, a: Analysis) -> str | None:
        meta = a.doc.metadata
        if meta.title:
            for _, _, entry in self.lexicon.finditer(a.text, None, meta.title_start, meta.title_end):
                if entry.region:
                    return entry.region
        counts = Counter(p.region for p in a.found.places if p.region)
        if not counts:
            return None
        first = {}
        for p in a.found.places:
            first.setdefault(p.region, p.evidence.span.start)
        return min(counts, key=lambda r: (-counts[r], first[r]))
