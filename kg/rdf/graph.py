"""Records to triples, under the policy-kg ontology.

Every fact node (task, measure, target, baseline, problem, feature,
guarantee measure, responsibility, mention) carries its provenance:
``prov:wasDerivedFrom`` the :class:`pol:Sentence` it was read from (with the
sentence text and offsets), its own ``pol:startOffset``/``pol:endOffset`` in the
original file, and the ``pol:rule`` that produced it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.extract.records import (
    AgencyType, Comparator, DocumentRecord, Evidence, Extraction, Period, Role, Subject,
)
from kg.rdf.iris import Minter
from kg.rdf.namespaces import DEFAULT_BASE, POL, PREFIXES

COMPARATORS = {
    Comparator.GREATER: POL.GreaterThan, Comparator.AT_LEAST: POL.AtLeast, Comparator.EQUAL: POL.Equal,
    Comparator.AT_MOST: POL.AtMost, Comparator.LESS: POL.LessThan, Comparator.ABOUT: POL.About,
    Comparator.RANGE: POL.Range,
}
PERIODS = {Period.ANNUAL: POL.Annual, Period.CUMULATIVE: POL.Cumulative}
ROLES = {Role.DRAFTED: POL.Drafted, Role.LEAD: POL.Lead, Role.SUPPORT: POL.Support, Role.INVOLVED: POL.Involved}
AGENCY_CLASSES = {AgencyType.AGENCY: POL.Agency, AgencyType.PROTECTION_CENTRE: POL.ProtectionCentre}


def new_graph() -> Graph:
    """Return an empty graph with the policy-kg prefixes bound."""
    graph = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    return graph


def _year(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=XSD.gYear)


def _int(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def _decimal(value: Decimal) -> Literal:
    return Literal(value, datatype=XSD.decimal)


def _is_url(url: str) -> bool:
    return url.startswith(("http://", "https://")) and not any(c in url for c in ' <>"{}|\\^`')


class _Writer:
    def __init__(self, graph: Graph, ex: Extraction, minter: Minter) -> None:
        self.g = graph
        self.ex = ex
        self.m = minter
        self.doc = minter.document(ex.doc_id)
        self.doc_iris = {d.key: (self.doc if d.is_source else minter.referenced(d.key)) for d in ex.documents}
        self.subject = self.doc_iris.get(ex.subject, self.doc)
        self.sentences_used: set[int] = set()

    def add(self, s, p, o) -> None:
        if o is not None:
            self.g.add((s, p, o))

    def local(self, *parts) -> URIRef:
        return self.m.in_document(self.ex.doc_id, *parts)

    def fact(self, node: URIRef, ev: Evidence) -> None:
        """Attach the provenance of ``ev`` to ``node``."""
        if ev.sentence >= 0:
            self.add(node, PROV.wasDerivedFrom, self.local("sentence", ev.sentence + 1))
            self.sentences_used.add(ev.sentence)
        self.add(node, POL.startOffset, _int(ev.span.start))
        self.add(node, POL.endOffset, _int(ev.span.end))
        self.add(node, POL.rule, Literal(ev.rule))

    def labelled(self, node: URIRef, cls: URIRef, label: str) -> None:
        self.add(node, RDF.type, cls)
        self.add(node, RDFS.label, Literal(label))

    # -- documents -------------------------------------------------------------
    def documents(self) -> None:
        for d in self.ex.documents:
            self.document(d)

    def document(self, d: DocumentRecord) -> None:
        node = self.doc_iris[d.key]
        self.add(node, RDF.type, POL.PolicyDocument)
        if d.title:
            self.add(node, RDFS.label, Literal(d.title))
            self.add(node, DCTERMS.title, Literal(d.title))
        elif d.is_source:
            self.add(node, RDFS.label, Literal(self.ex.doc_id))
        if d.is_source:
            self.add(node, DCTERMS.identifier, Literal(self.ex.doc_id))
            if self.ex.region:
                self.add(node, POL.region, self.m.place(self.ex.region))
        if d.short_title:
            self.add(node, POL.shortTitle, Literal(d.short_title))
        if d.kind:
            kind = self.m.kind(d.kind)
            self.add(node, POL.kind, kind)
            self.labelled(kind, POL.DocumentKind, d.kind)
            self.add(kind, SKOS.prefLabel, Literal(d.kind))
        if d.period_start is not None:
            self.add(node, POL.periodStart, _year(d.period_start))
            self.add(node, POL.periodEnd, _year(d.period_end))
        if d.published:
            self.add(node, DCTERMS.issued, Literal(d.published.isoformat(), datatype=XSD.date))
        if d.source_url and _is_url(d.source_url):
            self.add(node, DCTERMS.source, URIRef(d.source_url))
        if d.source_name:
            self.add(node, POL.sourceName, Literal(d.source_name))
        if d.interprets:
            self.add(node, POL.interprets, self.doc_iris[d.interprets])
        if not d.is_source:
            self.add(self.doc, DCTERMS.references, node)

    # -- named things and where they are mentioned -------------------------------
    def mentions(self) -> None:
        ex, n = self.ex, 0
        named = []
        for a in ex.agencies:
            named.append((a.evidence, self.agency(a), a.name))
        for p in ex.persons:
            named.append((p.evidence, self.person(p), p.name))
        for p in ex.places:
            named.append((p.evidence, self.place(p.canonical, p.level, p.region, p.name), p.name))
        for r in ex.references:
            named.append((r.evidence, self.doc_iris[r.document], r.written))
        for ev, target, written in sorted(named, key=lambda t: (t[0].span.start, t[0].span.end, str(t[1]))):
            n += 1
            node = self.local("mention", n)
            self.add(node, RDF.type, POL.Mention)
            self.add(node, POL.mentionOf, target)
            self.add(node, POL.text, Literal(written))
            self.fact(node, ev)
            self.add(self.doc, POL.mentions, target)

    def agency(self, a) -> URIRef:
        node = self.m.agency(a.canonical)
        self.labelled(node, AGENCY_CLASSES[a.type], a.canonical)
        self.add(node, SKOS.prefLabel, Literal(a.canonical))
        if a.name != a.canonical:
            self.add(node, SKOS.altLabel, Literal(a.name))
        if a.region:
            self.add(node, POL.region, self.place(a.region))
        return node

    def person(self, p) -> URIRef:
        node = self.m.person(p.name)
        self.labelled(node, POL.Person, p.name)
        if p.role:
            self.add(node, POL.roleTitle, Literal(p.role))
        return node

    def place(self, canonical: str, level: str | None = None, region: str | None = None, written: str | None = None) -> URIRef:
        node = self.m.place(canonical)
        self.labelled(node, POL.Place, canonical)
        if level:
            self.add(node, POL.level, Literal(level))
        if written and written != canonical:
            self.add(node, SKOS.altLabel, Literal(written))
        if region and region != canonical:
            self.add(node, POL.region, self.m.place(region))
        return node

    # -- what the plan contains -------------------------------------------------
    def contents(self) -> None:
        ex = self.ex
        tasks = {}
        for t in ex.tasks:
            node = tasks[t.order] = self.local("task", t.order)
            self.labelled(node, POL.Task, t.label)
            self.add(node, POL.order, _int(t.order))
            self.add(self.subject, POL.hasTask, node)
            self.fact(node, t.evidence)
        self.measures = {}
        for m in ex.measures:
            node = self.measures[(m.task, m.order)] = self.local("task", m.task, "measure", m.order)
            self.labelled(node, POL.Measure, m.label)
            self.add(node, POL.order, _int(m.order))
            self.add(tasks[m.task], POL.hasMeasure, node)
            self.fact(node, m.evidence)
        self.tasks = tasks
        self.guarantees = {}
        for g in ex.guarantees:
            node = self.guarantees[g.order] = self.local("guarantee", g.order)
            self.labelled(node, POL.GuaranteeMeasure, g.label)
            self.add(node, POL.order, _int(g.order))
            self.add(self.subject, POL.hasGuaranteeMeasure, node)
            self.fact(node, g.evidence)
        for cls, prop, name, items in ((POL.Problem, POL.addresses, "problem", ex.problems),
                                       (POL.Feature, POL.hasFeature, "feature", ex.features)):
            for item in items:
                node = self.local(name, item.order)
                self.labelled(node, cls, item.label)
                self.add(node, POL.order, _int(item.order))
                self.add(self.subject, prop, node)
                self.fact(node, item.evidence)

    def figures(self) -> None:
        for k, t in enumerate(self.ex.targets, 1):
            node = self.local("target", k)
            self.figure(node, POL.Target, t)
            self.add(self.subject, POL.hasTarget, node)
            if t.deadline is not None:
                self.add(node, POL.deadline, _year(t.deadline))
            if t.task is not None:
                self.add(node, POL.forTask, self.tasks[t.task])
                if t.measure is not None:
                    self.add(node, POL.forMeasure, self.measures[(t.task, t.measure)])
        for k, b in enumerate(self.ex.baselines, 1):
            node = self.local("baseline", k)
            self.figure(node, POL.Baseline, b)
            self.add(self.subject, POL.hasBaseline, node)
            if b.year is not None:
                self.add(node, POL.year, _year(b.year))

    def figure(self, node: URIRef, cls: URIRef, f) -> None:
        value = f"{f.value}-{f.value_max}" if f.value_max is not None else str(f.value)
        symbol = "" if f.comparator in (Comparator.EQUAL, Comparator.RANGE) else f.comparator.value + " "
        self.labelled(node, cls, f"{f.indicator} {symbol}{value}{f.unit or ''}")
        canonical = f.canonical_indicator or f.indicator
        indicator = self.m.indicator(canonical)
        self.labelled(indicator, POL.Indicator, canonical)
        self.add(indicator, SKOS.prefLabel, Literal(canonical))
        self.add(indicator, SKOS.inScheme, self.m.scheme("indicators"))
        if f.indicator != canonical:
            self.add(indicator, SKOS.altLabel, Literal(f.indicator))
        self.add(node, POL.indicator, indicator)
        self.add(node, POL.indicatorText, Literal(f.indicator))
        self.add(node, POL.comparator, COMPARATORS[f.comparator])
        self.add(node, POL.value, _decimal(f.value))
        if f.value_max is not None:
            self.add(node, POL.valueMax, _decimal(f.value_max))
        if f.unit:
            self.add(node, POL.unit, Literal(f.unit))
        if f.scope:
            self.add(node, POL.scope, self.place(f.scope))
        if f.scope_written or f.scope:
            self.add(node, POL.scopeText, Literal(f.scope_written or f.scope))
        if f.period:
            self.add(node, POL.period, PERIODS[f.period])
        self.fact(node, f.evidence)

    def responsibilities(self) -> None:
        for k, r in enumerate(self.ex.responsibilities, 1):
            node = self.local("responsibility", k)
            subject = self.subject_iri(r.subject)
            agency = self.m.agency(r.agency)
            self.add(node, RDF.type, POL.Responsibility)
            self.add(node, POL.agency, agency)
            self.add(node, POL.role, ROLES[r.role])
            self.add(node, POL.responsibleFor, subject)
            self.fact(node, r.evidence)
            if r.role is Role.DRAFTED:
                self.add(subject, DCTERMS.creator, agency)

    def subject_iri(self, subject: Subject) -> URIRef:
        if subject.kind == "document":
            return self.doc_iris[subject.key]
        if subject.kind == "task":
            return self.tasks[subject.key]
        if subject.kind == "measure":
            return self.measures[subject.key]
        return self.guarantees[subject.key]

    def sentences(self) -> None:
        for s in self.ex.sentences:
            if s.index not in self.sentences_used:
                continue
            node = self.local("sentence", s.index + 1)
            self.add(node, RDF.type, POL.Sentence)
            self.add(node, POL.text, Literal(s.text))
            self.add(node, POL.order, _int(s.index + 1))
            self.add(node, POL.startOffset, _int(s.span.start))
            self.add(node, POL.endOffset, _int(s.span.end))
            self.add(node, DCTERMS.isPartOf, self.doc)

    def write(self) -> None:
        self.documents()
        self.mentions()
        self.contents()
        self.figures()
        self.responsibilities()
        doc = next(d for d in self.ex.documents if d.is_source)
        if doc.evidence:
            self.fact(self.doc, doc.evidence)
        self.sentences()


def add_extraction(graph: Graph, ex: Extraction, base: str = DEFAULT_BASE) -> Graph:
    """Add the triples of ``ex`` to ``graph`` and return it."""
    _Writer(graph, ex, Minter(base)).write()
    return graph


def to_graph(extractions: Iterable[Extraction], base: str = DEFAULT_BASE) -> Graph:
    """Return a new graph holding the triples of all ``extractions``."""
    graph = new_graph()
    for ex in extractions:
        add_extraction(graph, ex, base)
    return graph
