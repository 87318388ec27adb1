"""RDF namespaces: the policy-kg ontology as a closed namespace, and the
standard vocabularies it reuses. No IRI string is typed anywhere else.

``POL`` is a :class:`~rdflib.namespace.DefinedNamespace` with ``_fail = True``:
``POL.Targt`` raises instead of minting a new IRI. A test checks that its terms
are exactly those declared in ``ontology/policy.ttl``.
"""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

from kg.rdf import DEFAULT_BASE, ONTOLOGY_IRI  # noqa: F401  (re-exported)

ORG = Namespace("http://www.w3.org/ns/org#")
# The European Legislation Identifier ontology: dates of force and links between legal documents.
ELI = Namespace("http://data.europa.eu/eli/ontology#")


class POL(DefinedNamespace):
    """Terms of the policy-kg ontology (``ontology/policy.ttl``)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    About: URIRef
    Agency: URIRef
    Annual: URIRef
    AtLeast: URIRef
    AtMost: URIRef
    Baseline: URIRef
    Binding: URIRef
    BodyKind: URIRef
    ChangeDirection: URIRef
    Comparator: URIRef
    ContextFigure: URIRef
    Cumulative: URIRef
    Decrease: URIRef
    DocumentKind: URIRef
    Drafted: URIRef
    Equal: URIRef
    Expected: URIRef
    Feature: URIRef
    GenericActor: URIRef
    Figure: URIRef
    GreaterThan: URIRef
    GuaranteeMeasure: URIRef
    Increase: URIRef
    Indicator: URIRef
    InstrumentCoding: URIRef
    IndicatorAttribute: URIRef
    Involved: URIRef
    Issued: URIRef
    Lead: URIRef
    LessThan: URIRef
    Measure: URIRef
    Mention: URIRef
    Parameter: URIRef
    PeriodType: URIRef
    Person: URIRef
    Place: URIRef
    PolicyDocument: URIRef
    Problem: URIRef
    ProtectionCentre: URIRef
    Range: URIRef
    Responsibility: URIRef
    Role: URIRef
    Sentence: URIRef
    SourceFile: URIRef
    Support: URIRef
    Target: URIRef
    Task: URIRef
    Threshold: URIRef

    addressees: URIRef
    addresses: URIRef
    agency: URIRef
    annexOf: URIRef
    attribute: URIRef
    change: URIRef
    code: URIRef
    codes: URIRef
    comparator: URIRef
    cue: URIRef
    fallbackCue: URIRef
    deadline: URIRef
    documentNumber: URIRef
    endOffset: URIRef
    forMeasure: URIRef
    forTask: URIRef
    format: URIRef
    hasBaseline: URIRef
    hasFeature: URIRef
    hasFigure: URIRef
    hasGuaranteeMeasure: URIRef
    hasMeasure: URIRef
    hasTarget: URIRef
    hasTask: URIRef
    indicator: URIRef
    instrument: URIRef
    indicatorText: URIRef
    interprets: URIRef
    issues: URIRef
    kind: URIRef
    level: URIRef
    mentionOf: URIRef
    mentions: URIRef
    ongoing: URIRef
    order: URIRef
    per: URIRef
    period: URIRef
    periodEnd: URIRef
    periodStart: URIRef
    readFrom: URIRef
    region: URIRef
    relativeChange: URIRef
    responsibleFor: URIRef
    role: URIRef
    roleTitle: URIRef
    rule: URIRef
    scope: URIRef
    scopeText: URIRef
    shortTitle: URIRef
    sourceName: URIRef
    startOffset: URIRef
    text: URIRef
    unit: URIRef
    value: URIRef
    valueMax: URIRef
    year: URIRef

PREFIXES = {
    "pol": POL._NS,
    "dcterms": DCTERMS,
    "eli": ELI,
    "org": ORG,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "xsd": XSD,
}
# The same table as strings, for SPARQL (every query may use these prefixes without declaring them).
PREFIX_IRIS = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def short(iri) -> str:
    """``iri`` as prefix:name when a namespace of :data:`PREFIXES` holds it, else as it is."""
    text = str(iri)
    for prefix, ns in sorted(PREFIX_IRIS.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns):]}"
    return text
