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
from typing import ClassVar

from kg.nlp.time import Deadline
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


class Change(Enum):
    """The direction of a figure that is a change (下降13.5%, 提高5个百分点), not a level."""

    UP = "up"
    DOWN = "down"


class Attribute(Enum):
    """The 属性 of a plan's indicator: 预期性 (expected) or 约束性 (binding)."""

    EXPECTED = "expected"
    BINDING = "binding"


class Role(Enum):
    DRAFTED = "drafted"
    ISSUED = "issued"
    LEAD = "lead"
    SUPPORT = "support"
    INVOLVED = "involved"


class AgencyType(Enum):
    AGENCY = "Agency"
    PROTECTION_CENTRE = "ProtectionCentre"
    GENERIC = "GenericActor"  # a class of bodies named as one actor (有关部门, 各地区), never one body


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
    part: int = 0  # the part (document) of the file it belongs to


@dataclass(frozen=True)
class DocumentRecord:
    """A policy document: one read from the file (a part of it), or one it cites.

    Documents are identified by ``key``, derived from the title, so that a
    document cited in one file and read from another is the same document.
    """

    key: str
    title: str | None
    kind: str | None = None
    short_title: str | None = None
    number: str | None = None  # 发文字号
    period_start: int | None = None
    period_end: int | None = None
    date: _dt.date | None = None  # the date the document bears (落款 or under its title)
    published: _dt.date | None = None  # when the page or file was published
    source_url: str | None = None
    source_name: str | None = None
    addressees: str | None = None
    issuer: str | None = None  # as written in the sign-off or title
    interprets: str | None = None  # key of the document this one interprets
    issues: tuple[str, ...] = ()  # keys of the documents a notice issues (印发)
    annex_of: str | None = None
    part: int | None = None  # index of the part of the file, for documents read
    evidence: Evidence | None = None

    @property
    def is_source(self) -> bool:
        """True for a document read from the file (not only cited)."""
        return self.part is not None


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
    level: str | None = None  # for a generic actor: the level of government it speaks of (central, province…)


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
    document: str = ""  # DocumentRecord.key
    deadline: Deadline | None = None


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
    document: str = ""
    deadline: Deadline | None = None


@dataclass(frozen=True)
class Figure:
    """A number a document gives, with its unit, and the role it plays there.

    The role is the record's class: a :class:`Target` to reach, a
    :class:`Baseline` achieved, a :class:`Parameter` of the policy itself, a
    :class:`Threshold` deciding who it applies to, or a :class:`ContextFigure`
    that only describes. ``evidence.rule`` is the id of the cue that decided
    the role (``kg/resources/quantities.toml``).
    """

    role: ClassVar[str] = "figure"

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
    document: str = ""
    change: Change | None = None  # a change (下降13.5%), not a level
    number: Span | None = None  # where the number itself is written
    per: str | None = None  # what the value is counted per, as written (每人每年)
    attribute: Attribute | None = None  # 预期性 / 约束性, from a plan's indicator table

    @property
    def relative(self) -> bool | None:
        """For a change: True if relative (下降13.5%), False if absolute (提高5个百分点, 新增1000座)."""
        return None if self.change is None else self.unit == "%"


@dataclass(frozen=True)
class Target(Figure):
    role: ClassVar[str] = "target"
    deadline: Deadline | None = None
    task: int | None = None  # Task.order
    measure: int | None = None  # Measure.order within the task


@dataclass(frozen=True)
class Baseline(Figure):
    role: ClassVar[str] = "baseline"
    year: int | None = None


@dataclass(frozen=True)
class Parameter(Figure):
    """A setting of the policy itself: a subsidy and its cap, a fee, a rate, a standard, a quota."""

    role: ClassVar[str] = "parameter"


@dataclass(frozen=True)
class Threshold(Figure):
    """A condition deciding who or what the policy applies to (年营业收入超过1亿元的企业)."""

    role: ClassVar[str] = "threshold"


@dataclass(frozen=True)
class ContextFigure(Figure):
    """A count that only describes (以下4个特点, 通过等4种方式)."""

    role: ClassVar[str] = "context"


@dataclass(frozen=True)
class Subject:
    """What a responsibility is for: a document, a task, a measure or a guarantee measure.

    ``key`` is the document key for a document; ``(document, order)`` for a task
    or guarantee measure; ``(document, task, order)`` for a measure.
    """

    kind: str  # "document", "task", "measure", "guarantee"
    key: str | tuple


@dataclass(frozen=True)
class Responsibility:
    agency: str  # Agency.canonical
    role: Role
    subject: Subject
    evidence: Evidence
    deadline: Deadline | None = None  # the time its assignment writes (（2023年底前完成，A牵头）)
    ongoing: bool = False  # the assignment runs with no end (（持续推进）, （长期坚持）)


@dataclass(frozen=True)
class Link:
    """A typed link from one document to another: ``based_on`` (根据《…》), ``implements`` (贯彻落实《…》),
    ``repeals`` (《…》同时废止) or ``amends`` (对《…》作如下修改)."""

    kind: str
    source: str  # DocumentRecord.key of the document that links
    target: str  # DocumentRecord.key of the document linked to
    evidence: Evidence  # the words that say so: the cue and the title


@dataclass(frozen=True)
class Validity:
    """When a document holds: its entry into force (``kind`` "entry": a date, or ``relative`` "issue" for
    自印发之日起施行) or its term (``kind`` "term": so many ``years``, or ``until`` a date)."""

    kind: str
    document: str  # DocumentRecord.key
    evidence: Evidence
    date: _dt.date | None = None
    relative: str | None = None
    years: int | None = None
    until: _dt.date | None = None


@dataclass
class Extraction:
    """Everything found in one document."""

    doc_id: str  # the file's id
    source_name: str
    source_format: str = "text"
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
    parameters: list[Parameter] = field(default_factory=list)
    thresholds: list[Threshold] = field(default_factory=list)
    contexts: list[ContextFigure] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    instruments: list = field(default_factory=list)  # kg.extract.instruments.Coding: a kind of instrument a sentence uses
    validity: list[Validity] = field(default_factory=list)
    regions: dict[str, str] = field(default_factory=dict)  # level -> canonical place

    @property
    def region(self) -> str | None:
        """The province-level region of the file."""
        return self.regions.get("province")

    @property
    def read(self) -> list[DocumentRecord]:
        """The documents read from the file, in order."""
        return sorted((d for d in self.documents if d.is_source), key=lambda d: d.part)

    @property
    def figures(self) -> list[Figure]:
        """Every quantity found, whatever its role, in the order of the text."""
        every = [*self.targets, *self.baselines, *self.parameters, *self.thresholds, *self.contexts]
        return sorted(every, key=lambda f: (f.evidence.span.start, f.evidence.span.end))

    @property
    def document(self) -> DocumentRecord:
        """The first document read from the file."""
        return self.read[0]

    def counts(self) -> dict[str, int]:
        """Return how many records of each kind were found."""
        names = ("documents", "agencies", "persons", "places", "tasks", "measures", "guarantees",
                 "problems", "features", "targets", "baselines", "parameters", "thresholds", "contexts",
                 "responsibilities", "references")
        result = {}
        for name in names:
            items = getattr(self, name)
            if name == "agencies":  # the bodies; the generic actors (有关部门) are counted apart
                result[name] = len({a.canonical for a in items if a.type is not AgencyType.GENERIC})
                result["generic actors"] = len({a.canonical for a in items if a.type is AgencyType.GENERIC})
            elif name == "persons":
                result[name] = len({p.name for p in items})
            elif name == "places":
                result[name] = len({p.canonical for p in items})
            else:
                result[name] = len(items)
        return result
