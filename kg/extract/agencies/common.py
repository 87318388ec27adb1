"""What the parts of the agency finder share: heads, and three small helpers of its grammar."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import RuleError
from kg.extract.records import AgencyType


@dataclass(frozen=True)
class Head:
    head: str
    type: AgencyType
    needs: str


def runs_through(short: str, full: str) -> bool:
    """True if the characters of ``short`` occur in ``full`` in order (经发局 in 经济发展局)."""
    it = iter(full)
    return all(ch in it for ch in short)


def either(words) -> str:
    """A regular expression alternation of ``words``, the longest first (so 主管部门 wins over 部门)."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def agency_type(name: str, where: str) -> AgencyType:
    try:
        return AgencyType(name)
    except ValueError:
        known = ", ".join(t.value for t in AgencyType)
        raise RuleError(f"{where}: unknown agency type {name!r}; known types: {known}") from None
