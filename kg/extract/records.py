"""Typed records the rule layer emits. They know nothing of RDF.

Every record carries :class:`Evidence`: the index of the sentence it came
from, the span of its own text in the original file, and the id of the rule
that produced it. Numbers are :class:`~decimal.Decimal`, years ``int``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from kg.text.spans import Span


class Comparator(Enum):
    GREATER = ">"
    AT_LEAST = ">="
    EQUAL = "="
    AT_MOST = "<="
    LESS = "<"
    ABOUT = "~"
    RANGE = "range"


class Period(Enum):
    ANNUAL = "annual"
    CUMULATIVE = "cumulative"


class Role(Enum):
    DRAFTED = "drafted"
    LEAD = "lead"
    SUPPORT = "support"
    INVOLVED = "involved"


class AgencyType(Enum):
    AGENCY = "Agency"
    PROTECTION_CENTRE = "ProtectionCentre"


@dataclass(frozen=True)
class Evidence:
    sentence: int
    span: Span
    rule: str


@dataclass(frozen=True)
class SentenceRecord:
    index: int
    text: str
    span: Span


@dataclass(frozen=True)
class DocumentRecord:
    """A policy document: the one read, or one it refers to."""

    key: str
    title: str | None
    kind: str | None = None
    short_title: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    published: _dt.date | None = None
    source_url: str | None = None
    source_name: str | None = None
    interprets: str | None = None  # key of the document this one interprets
    is_source: bool = False
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Reference:
    """A mention of a document (by title or short title) in the text."""

    document: str  # DocumentRecord.key
    written: str
    evidence: Evidence


@dataclass(frozen=True)
class Place:
    name: str  # as written
    canonical: str
    level: str
    region: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Agency:
    name: str  # as written
    canonical: str
    type: AgencyType
    region: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Listed:
    """An item of a numbered list in the text: its position and its label."""

    order: int
    label: str
    evidence: Evidence


class Task(Listed):
    """A major task of a plan."""


class Problem(Listed):
    """A shortcoming the plan answers."""


class Feature(Listed):
    """A feature of the plan."""


class GuaranteeMeasure(Listed):
    """A measure securing the plan's implementation."""


@dataclass(frozen=True)
class Measure:
    task: int  # Task.order
    order: int
    label: str
    evidence: Evidence


@dataclass(frozen=True)
class Figure:
    """A number a document gives for an indicator: a target or a baseline."""

    indicator: str  # as written
    comparator: Comparator
    value: Decimal
    unit: str | None
    evidence: Evidence
    value_max: Decimal | None = None
    scope: str | None = None  # Place.canonical
    scope_written: str | None = None
    period: Period | None = None
    canonical_indicator: str | None = None  # from indicators.tsv, else as written


@dataclass(frozen=True)
class Target(Figure):
    deadline: int | None = None
    task: int | None = None  # Task.order
    measure: int | None = None  # Measure.order within the task


@dataclass(frozen=True)
class Baseline(Figure):
    year: int | None = None


@dataclass(frozen=True)
class Subject:
    """What a responsibility is for: a document, a task, a measure or a guarantee measure."""

    kind: str  # "document", "task", "measure", "guarantee"
    key: str | int | tuple[int, int]


@dataclass(frozen=True)
class Responsibility:
    agency: str  # Agency.canonical
    role: Role
    subject: Subject
    evidence: Evidence


@dataclass
class Extraction:
    """Everything found in one document."""

    doc_id: str
    source_name: str
    document: DocumentRecord
    subject: str  # key of the document the content describes
    sentences: list[SentenceRecord] = field(default_factory=list)
    documents: list[DocumentRecord] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    guarantees: list[GuaranteeMeasure] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    features: list[Feature] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    baselines: list[Baseline] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    region: str | None = None

    def counts(self) -> dict[str, int]:
        """Return how many records of each kind were found."""
        names = ("documents", "agencies", "persons", "places", "tasks", "measures", "guarantees",
                 "problems", "features", "targets", "baselines", "responsibilities", "references")
        result = {}
        for name in names:
            items = getattr(self, name)
            if name == "agencies":
                result[name] = len({a.canonical for a in items})
            elif name == "persons":
                result[name] = len({p.name for p in items})
            elif name == "places":
                result[name] = len({p.canonical for p in items})
            else:
                result[name] = len(items)
        return result
