"""Records to triples, under the policy-kg ontology.

Documents are named by their title (``doc/{title}``): a document cited in one
file and read from another is one node. A file read is a ``pol:SourceFile``
(``src/{file}``); its sentences and everything read from it are named under
it (``src/{file}/task/2``), and in a dataset they live in a named graph of
the same name, so one file's graph can be replaced without touching the
others. Agencies, places, persons, indicators and documents (which many
files read or cite) are shared: their descriptions go to one shared graph.

Every fact node (task, measure, target, baseline, problem, feature,
guarantee measure, responsibility, mention) carries its provenance:
``prov:wasDerivedFrom`` the :class:`pol:Sentence` it was read from (with the
sentence text and offsets), its own ``pol:startOffset``/``pol:endOffset`` in
the file, and the ``pol:rule`` that produced it.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.extract.records import (
    AgencyType, Attribute, Change, Comparator, Deadline, DocumentRecord, Evidence, Extraction, Period, Role, Subject,
)
from kg.rdf.iris import Minter
from kg.extract.roster import roster
from kg.rdf.namespaces import DEFAULT_BASE, ELI, ORG, POL, PREFIXES
from kg.rdf.serialize import Term, Text, Triples, ntriples
from kg.rdf.instruments import write_instruments
from kg.rdf.validity import write_validity


class _Made:
    """A namespace whose terms are made once: rdflib makes a new IRI at every
    ``RDF.type`` (half a microsecond, some two hundred thousand times a million
    characters). An unknown term still raises where the namespace does."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


DCTERMS, PROV, RDF, RDFS, SKOS, XSD, POL, ORG = map(_Made, (DCTERMS, PROV, RDF, RDFS, SKOS, XSD, POL, ORG))

COMPARATORS = {
    Comparator.GREATER: POL.GreaterThan, Comparator.AT_LEAST: POL.AtLeast, Comparator.EQUAL: POL.Equal,
    Comparator.AT_MOST: POL.AtMost, Comparator.LESS: POL.LessThan, Comparator.ABOUT: POL.About,
    Comparator.RANGE: POL.Range,
}
PERIODS = {Period.ANNUAL: POL.Annual, Period.CUMULATIVE: POL.Cumulative}
CHANGES = {Change.UP: POL.Increase, Change.DOWN: POL.Decrease}
ATTRIBUTES = {Attribute.EXPECTED: POL.Expected, Attribute.BINDING: POL.Binding}
ROLES = {Role.DRAFTED: POL.Drafted, Role.ISSUED: POL.Issued, Role.LEAD: POL.Lead, Role.SUPPORT: POL.Support,
         Role.INVOLVED: POL.Involved}
AGENCY_CLASSES = {AgencyType.AGENCY: POL.Agency, AgencyType.PROTECTION_CENTRE: POL.ProtectionCentre,
                  AgencyType.GENERIC: POL.GenericActor}


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    return graph


def new_graph() -> Graph:
    """Return an empty graph with the policy-kg prefixes bound."""
    return bind_prefixes(Graph(bind_namespaces="none"))


def new_dataset() -> Dataset:
    """Return an empty dataset with the policy-kg prefixes bound."""
    from rdflib.namespace import NamespaceManager

    dataset = Dataset()
    dataset.namespace_manager = NamespaceManager(dataset, bind_namespaces="none")
    return bind_prefixes(dataset)


# Literals are immutable and rdflib takes microseconds to make one: the common ones
# (offsets, years, rule names) are made once.
@lru_cache(maxsize=1 << 16)
def _year(year: int) -> Term:
    return Term(f'"{year:04d}"^^<{XSD.gYear}>')


def _deadline(deadline: Deadline) -> Literal | Term:
    if deadline.month is None:
        return _year(deadline.year)
    return Literal(str(deadline), datatype=XSD.gYearMonth)


_TRUE = Term(f'"true"^^<{XSD.boolean}>')
_FALSE = Term(f'"false"^^<{XSD.boolean}>')


@lru_cache(maxsize=1 << 17)
def _int(n: int) -> Term:
    return Term(f'"{n:d}"^^<{XSD.integer}>')


def _decimal(value: Decimal) -> Literal:
    return Literal(value, datatype=XSD.decimal)


@lru_cache(maxsize=1 << 10)
def _rule(name: str) -> Text:
    return Text(name)


def _is_url(url: str) -> bool:
    return url.startswith(("http://", "https://")) and not any(c in url for c in ' <>"{}|\\^`')


class _Writer:
    def __init__(self, graph: Triples, shared: Triples, ex: Extraction, minter: Minter) -> None:
        self.g = graph
        self.shared = shared
        self.ex = ex
        self.m = minter
        self.roster = roster()
        self.central_described: dict[str, int] = {}  # body -> how far out its neighbours were described
        self.src = minter.source(ex.doc_id)
        self.docs = {d.key: minter.document(d.key) for d in ex.documents}
        self.part_docs = {d.part: self.docs[d.key] for d in ex.documents if d.is_source}
        self.sentences_used: set[int] = set()
        self.title_mentions = 0
        self.tasks: dict[tuple, URIRef] = {}
        self.measures: dict[tuple, URIRef] = {}
        self.guarantees: dict[tuple, URIRef] = {}

    def add(self, s, p, o) -> None:
        if o is not None:
            self.g.add((s, p, o))

    def describe(self, s, p, o) -> None:
        """A triple about a shared thing (agency, place, indicator…)."""
        if o is not None:
            self.shared.add((s, p, o))

    def local(self, *parts) -> URIRef:
        return self.m.in_source(self.ex.doc_id, *parts)

    def doc_of(self, key: str) -> URIRef:
        return self.docs.get(key) or self.m.document(key)

    def fact(self, node: URIRef, ev: Evidence) -> None:
        """Attach the provenance of ``ev`` to ``node``."""
        if ev.sentence >= 0:
            self.add(node, PROV.wasDerivedFrom, self.local("sentence", ev.sentence + 1))
            self.sentences_used.add(ev.sentence)
        self.add(node, POL.startOffset, _int(ev.span.start))
        self.add(node, POL.endOffset, _int(ev.span.end))
        self.add(node, POL.rule, _rule(ev.rule))

    def labelled(self, node: URIRef, cls: URIRef, label: str, shared: bool = False) -> None:
        put = self.describe if shared else self.add
        put(node, RDF.type, cls)
        put(node, RDFS.label, Text(label))

    # -- the file and its documents ------------------------------------------------
    def source(self) -> None:
        self.labelled(self.src, POL.SourceFile, self.ex.doc_id)
        self.add(self.src, DCTERMS.identifier, Text(self.ex.doc_id))
        self.add(self.src, POL.format, Text(self.ex.source_format))
        if self.ex.regions.get("province"):
            self.add(self.src, POL.region, self.place(self.ex.regions["province"]))

    def documents(self) -> None:
        for d in self.ex.documents:
            self.document(d)

    def document(self, d: DocumentRecord) -> None:
        """A document's description goes to the shared graph: the same document is read
        or cited by many files, and a description repeated in each file's graph would
        multiply the rows of every query over the union of the graphs."""
        node = self.docs[d.key]
        self.describe(node, RDF.type, POL.PolicyDocument)
        self.describe(node, RDFS.label, Text(d.title or d.key))
        if d.title:
            self.describe(node, DCTERMS.title, Text(d.title))
        if d.is_source:
            self.describe(node, POL.readFrom, self.src)
        if d.short_title:
            self.describe(node, POL.shortTitle, Text(d.short_title))
        if d.number:
            self.describe(node, POL.documentNumber, Text(d.number))
        if d.kind:
            kind = self.m.kind(d.kind)
            self.describe(node, POL.kind, kind)
            self.labelled(kind, POL.DocumentKind, d.kind, shared=True)
            self.describe(kind, SKOS.prefLabel, Text(d.kind))
        if d.period_start is not None:
            self.describe(node, POL.periodStart, _year(d.period_start))
            self.describe(node, POL.periodEnd, _year(d.period_end))
        if d.date:
            self.describe(node, ELI.date_document, Literal(d.date.isoformat(), datatype=XSD.date))
        issued = d.date or d.published
        if issued:
            self.describe(node, DCTERMS.issued, Literal(issued.isoformat(), datatype=XSD.date))
        if d.source_url and _is_url(d.source_url):
            self.describe(node, DCTERMS.source, URIRef(d.source_url))
        if d.source_name:
            self.describe(node, POL.sourceName, Text(d.source_name))
        if d.addressees:
            self.describe(node, POL.addressees, Text(d.addressees))
        if d.interprets:
            self.describe(node, POL.interprets, self.doc_of(d.interprets))
        for key in d.issues:
            self.describe(node, POL.issues, self.doc_of(key))
        if d.annex_of:
            self.describe(node, POL.annexOf, self.doc_of(d.annex_of))
        if d.evidence and d.is_source:
            # Where the title stands in this file: a mention of the document, as for a
            # document cited. The same document is read or cited by many files; offsets
            # from each on the document's own node would multiply every query's rows.
            self.title_mentions += 1
            mention = self.local("title", self.title_mentions)
            self.add(mention, RDF.type, POL.Mention)
            self.add(mention, POL.mentionOf, node)
            self.add(mention, POL.text, Text(d.title or d.key))
            self.fact(mention, d.evidence)

    def reader_of(self, ev: Evidence) -> URIRef:
        """The document (read from the file) whose text holds ``ev``."""
        part = self.ex.sentences[ev.sentence].part if 0 <= ev.sentence < len(self.ex.sentences) else 0
        return self.part_docs.get(part) or next(iter(self.part_docs.values()))

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
            cited, reader = self.doc_of(r.document), self.reader_of(r.evidence)
            named.append((r.evidence, cited, r.written))
            if reader != cited:
                self.add(reader, ELI.cites, cited)  # the document read cites it
        for ev, target, written in sorted(named, key=lambda t: (t[0].span.start, t[0].span.end, str(t[1]))):
            n += 1
            node = self.local("mention", n)
            self.add(node, RDF.type, POL.Mention)
            self.add(node, POL.mentionOf, target)
            self.add(node, POL.text, Text(written))
            self.fact(node, ev)
            self.add(self.reader_of(ev), POL.mentions, target)

    def agency(self, a) -> URIRef:
        node = self.m.agency(a.canonical)
        self.labelled(node, AGENCY_CLASSES[a.type], a.canonical, shared=True)
        self.describe(node, SKOS.prefLabel, Text(a.canonical))
        if a.name != a.canonical:
            self.describe(node, SKOS.altLabel, Text(a.name))
        if a.region:
            self.describe(node, POL.region, self.place(a.region))
        if a.level:
            self.describe(node, POL.level, Text(a.level))
        self.central_body(a.canonical, node)
        return node

    def central_body(self, name: str, node: URIRef, depth: int = 1) -> None:
        """What the roster of central bodies says of the body: its kind, the body that runs it, and the
        reorganisations it came from or went into (those bodies are described too, one step away)."""
        body = self.roster.bodies.get(name)
        if body is None or self.central_described.get(name, -1) >= depth:
            return  # described already for this file, as far out (its triples are the same each time)
        self.central_described[name] = depth
        kind = self.m.body_kind(body.kind_label)
        self.labelled(kind, POL.BodyKind, body.kind_label, shared=True)
        self.describe(kind, SKOS.prefLabel, Text(body.kind_label))
        self.describe(node, ORG.classification, kind)
        related = [c.predecessor for c in self.roster.predecessors(name)] + [c.successor for c in self.roster.successors(name)]
        if body.parent:
            self.describe(node, ORG.subOrganizationOf, self.m.agency(body.parent))
            related.append(body.parent)
        for change in self.roster.predecessors(name) + self.roster.successors(name):
            old, new = self.m.agency(change.predecessor), self.m.agency(change.successor)
            event = self.m.change(change.predecessor, change.successor)
            self.describe(new, DCTERMS.replaces, old)
            self.describe(event, RDF.type, ORG.ChangeEvent)
            self.describe(event, RDFS.label, Text(f"{change.predecessor} → {change.successor}"))
            self.describe(event, ORG.originalOrganization, old)
            self.describe(event, ORG.resultingOrganization, new)
            self.describe(event, DCTERMS.date, Literal(change.date, datatype=XSD.date))
            self.describe(new, ORG.resultedFrom, event)
            self.describe(old, ORG.changedBy, event)
        if depth:
            for other in related:
                other_node = self.m.agency(other)
                self.labelled(other_node, POL.Agency, other, shared=True)
                self.describe(other_node, SKOS.prefLabel, Text(other))
                self.central_body(other, other_node, depth - 1)

    def person(self, p) -> URIRef:
        node = self.m.person(p.name)
        self.labelled(node, POL.Person, p.name, shared=True)
        if p.role:
            self.describe(node, POL.roleTitle, Text(p.role))
        return node

    def place(self, canonical: str, level: str | None = None, region: str | None = None, written: str | None = None) -> URIRef:
        node = self.m.place(canonical)
        self.labelled(node, POL.Place, canonical, shared=True)
        if level:
            self.describe(node, POL.level, Text(level))
        if written and written != canonical:
            self.describe(node, SKOS.altLabel, Text(written))
        if region and region != canonical:
            self.describe(node, POL.region, self.m.place(region))
        return node

    # -- what the documents contain ---------------------------------------------
    def contents(self) -> None:
        ex = self.ex
        for n, t in enumerate(ex.tasks, 1):
            node = self.tasks[(t.document, t.order)] = self.local("task", n)
            self.labelled(node, POL.Task, t.label)
            self.add(node, POL.order, _int(t.order))
            if t.deadline:
                self.add(node, POL.deadline, _deadline(t.deadline))
            self.add(self.doc_of(t.document), POL.hasTask, node)
            self.fact(node, t.evidence)
        for m in ex.measures:
            task = self.tasks[(m.document, m.task)]
            node = self.measures[(m.document, m.task, m.order)] = URIRef(f"{task}/measure/{m.order}")
            self.labelled(node, POL.Measure, m.label)
            self.add(node, POL.order, _int(m.order))
            if m.deadline:
                self.add(node, POL.deadline, _deadline(m.deadline))
            self.add(task, POL.hasMeasure, node)
            self.fact(node, m.evidence)
        for n, g in enumerate(ex.guarantees, 1):
            node = self.guarantees[(g.document, g.order)] = self.local("guarantee", n)
            self.labelled(node, POL.GuaranteeMeasure, g.label)
            self.add(node, POL.order, _int(g.order))
            if g.deadline:
                self.add(node, POL.deadline, _deadline(g.deadline))
            self.add(self.doc_of(g.document), POL.hasGuaranteeMeasure, node)
            self.fact(node, g.evidence)
        for cls, prop, name, items in ((POL.Problem, POL.addresses, "problem", ex.problems),
                                       (POL.Feature, POL.hasFeature, "feature", ex.features)):
            for n, item in enumerate(items, 1):
                node = self.local(name, n)
                self.labelled(node, cls, item.label)
                self.add(node, POL.order, _int(item.order))
                self.add(self.doc_of(item.document), prop, node)
                self.fact(node, item.evidence)

    def figures(self) -> None:
        for k, t in enumerate(self.ex.targets, 1):
            node = self.local("target", k)
            self.figure(node, POL.Target, t)
            self.add(self.doc_of(t.document), POL.hasTarget, node)
            if t.deadline is not None:
                self.add(node, POL.deadline, _deadline(t.deadline))
            if t.task is not None and (t.document, t.task) in self.tasks:
                self.add(node, POL.forTask, self.tasks[(t.document, t.task)])
                if t.measure is not None and (t.document, t.task, t.measure) in self.measures:
                    self.add(node, POL.forMeasure, self.measures[(t.document, t.task, t.measure)])
        for k, b in enumerate(self.ex.baselines, 1):
            node = self.local("baseline", k)
            self.figure(node, POL.Baseline, b)
            self.add(self.doc_of(b.document), POL.hasBaseline, node)
            if b.year is not None:
                self.add(node, POL.year, _year(b.year))
        for name, cls, items in (("parameter", POL.Parameter, self.ex.parameters),
                                 ("threshold", POL.Threshold, self.ex.thresholds),
                                 ("context", POL.ContextFigure, self.ex.contexts)):
            for k, f in enumerate(items, 1):
                node = self.local(name, k)
                self.figure(node, cls, f)
                self.add(self.doc_of(f.document), POL.hasFigure, node)

    def figure(self, node: URIRef, cls: URIRef, f) -> None:
        value = f"{f.value}-{f.value_max}" if f.value_max is not None else str(f.value)
        symbol = "" if f.comparator in (Comparator.EQUAL, Comparator.RANGE) else f.comparator.value + " "
        self.labelled(node, cls, f"{f.indicator} {symbol}{value}{f.unit or ''}")
        if cls != POL.ContextFigure:  # a count that only describes names no indicator worth a concept
            canonical = f.canonical_indicator or f.indicator
            indicator = self.m.indicator(canonical)
            self.labelled(indicator, POL.Indicator, canonical, shared=True)
            self.describe(indicator, SKOS.prefLabel, Text(canonical))
            self.describe(indicator, SKOS.inScheme, self.m.scheme("indicators"))
            if f.indicator != canonical:
                self.describe(indicator, SKOS.altLabel, Text(f.indicator))
            self.add(node, POL.indicator, indicator)
        self.add(node, POL.indicatorText, Text(f.indicator))
        self.add(node, POL.comparator, COMPARATORS[f.comparator])
        self.add(node, POL.value, _decimal(f.value))
        if f.value_max is not None:
            self.add(node, POL.valueMax, _decimal(f.value_max))
        if f.unit:
            self.add(node, POL.unit, Text(f.unit))
        if f.scope:
            self.add(node, POL.scope, self.place(f.scope))
        if f.scope_written or f.scope:
            self.add(node, POL.scopeText, Text(f.scope_written or f.scope))
        if f.period:
            self.add(node, POL.period, PERIODS[f.period])
        if f.change is not None:
            self.add(node, POL.change, CHANGES[f.change])
            self.add(node, POL.relativeChange, _TRUE if f.relative else _FALSE)
        if f.per:
            self.add(node, POL.per, Text(f.per))
        if f.attribute is not None:
            self.add(node, POL.attribute, ATTRIBUTES[f.attribute])
        self.fact(node, f.evidence)

    def responsibilities(self) -> None:
        for k, r in enumerate(self.ex.responsibilities, 1):
            subject = self.subject_iri(r.subject)
            if subject is None:
                continue
            node = self.local("responsibility", k)
            agency = self.m.agency(r.agency)
            self.add(node, RDF.type, POL.Responsibility)
            self.add(node, POL.agency, agency)
            self.add(node, POL.role, ROLES[r.role])
            self.add(node, POL.responsibleFor, subject)
            if r.deadline:
                self.add(node, POL.deadline, _deadline(r.deadline))
            if r.ongoing:
                self.add(node, POL.ongoing, Literal(True))
            self.fact(node, r.evidence)
            if r.role is Role.DRAFTED:
                self.add(subject, DCTERMS.creator, agency)
            elif r.role is Role.ISSUED:
                self.add(subject, DCTERMS.publisher, agency)

    def subject_iri(self, subject: Subject) -> URIRef | None:
        if subject.kind == "document":
            return self.doc_of(subject.key)
        table = {"task": self.tasks, "measure": self.measures, "guarantee": self.guarantees}[subject.kind]
        return table.get(subject.key)

    def sentences(self) -> None:
        for s in self.ex.sentences:
            if s.index not in self.sentences_used:
                continue
            node = self.local("sentence", s.index + 1)
            self.add(node, RDF.type, POL.Sentence)
            self.add(node, POL.text, Text(s.text))
            self.add(node, POL.order, _int(s.index + 1))
            self.add(node, POL.startOffset, _int(s.span.start))
            self.add(node, POL.endOffset, _int(s.span.end))
            self.add(node, DCTERMS.isPartOf, self.src)

    def write(self) -> None:
        self.source()
        self.documents()
        self.mentions()
        self.contents()
        self.figures()
        self.responsibilities()
        write_validity(self)
        write_instruments(self)
        self.sentences()


def triples_of(ex: Extraction, base: str = DEFAULT_BASE) -> tuple[str, str, str]:
    """The name of ``ex``'s graph; its own triples; and its sorted, distinct triples
    about shared things (agencies, places, documents…): both as N-Triples text."""
    minter = Minter(base)
    own, shared = Triples(), Triples()
    _Writer(own, shared, ex, minter).write()
    return str(minter.source(ex.doc_id)), "".join(ntriples(own)), "".join(sorted(set(ntriples(shared))))
