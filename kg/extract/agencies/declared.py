"""Short forms a document declares for a body (区宜居环境建设指挥部办公室（以下简称“区宜居办”）): each later
use of the short form names that body. The declaration's pattern is data, ``agencies.toml`` [declared]."""

from __future__ import annotations

from kg.extract.base import Analysis
from kg.extract.records import AgencyType
from kg.resources import compile_pattern, load_toml


class DeclaredShortForms:
    def __init__(self) -> None:
        self.pattern = compile_pattern(load_toml("agencies.toml")["declared"]["pattern"], "agencies.toml [declared] pattern")

    def __call__(self, a: Analysis, emit) -> None:
        """Emit, through ``emit``, each later use of a short form declared right after a body's name."""
        text = a.text
        for s, e, agency in a.located("agency"):  # a new list: emitting adds to the located ones
            m = self.pattern.match(text, e)
            if m is None or agency.type is not AgencyType.AGENCY:
                continue
            short = m["short"]
            k = text.find(short, m.end())
            while k >= 0:
                if emit.free(k, k + len(short)):
                    emit(k, k + len(short), AgencyType.AGENCY, "agency.declared", canonical=agency.canonical)
                k = text.find(short, k + len(short))
