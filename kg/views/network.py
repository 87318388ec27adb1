"""The policy graph as a NetworkX graph of documents, tasks, actors and goals.

:func:`to_networkx` keeps the things a reader reasons about (documents, tasks,
measures, targets, baselines, indicators, agencies, problems, features,
persons, and places that scope a figure) and the relations between them.
Responsibilities become edges from the agency to what it is responsible for,
labelled with the role; mentions and sentences become node attributes: every
node carries the sentences it was read from, with their offsets.
"""

from __future__ import annotations

import re
from collections import defaultdict

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from kg.rdf.namespaces import POL
from kg.rdf.ontology import code_of, local_name, term_labels

# Most specific first: a node takes the first of its classes found here.
CLASSES = (
    POL.PolicyDocument, POL.Task, POL.GuaranteeMeasure, POL.Measure, POL.Target, POL.Baseline,
    POL.Parameter, POL.Threshold, POL.Indicator, POL.ProtectionCentre, POL.Agency, POL.GenericActor, POL.Problem, POL.Feature, POL.Person, POL.Place,
)
RELATIONS = (
    POL.hasTask, POL.hasMeasure, POL.hasGuaranteeMeasure, POL.addresses, POL.hasFeature, POL.hasTarget,
    POL.hasBaseline, POL.hasFigure, POL.indicator, POL.interprets, DCTERMS.references, POL.scope,
)



def _sentences(graph: Graph, node: URIRef, memo: dict | None = None) -> list[tuple[str, int, int, str]]:
    """The sentences ``node`` was read from, as (text, start, end, file id); each sentence's tuple is made once
    (``memo``) and shared by the nodes read from it: a sentence of 400,000 characters is not copied for each
    of its facts. A node shared by several files (an agency) has the sentences of each, in file order."""
    out = []
    for sentence in graph.objects(node, PROV.wasDerivedFrom):
        if memo is not None and sentence in memo:
            if memo[sentence] is not None:
                out.append(memo[sentence])
            continue
        text = graph.value(sentence, POL.text)
        start = graph.value(sentence, POL.startOffset)
        end = graph.value(sentence, POL.endOffset)
        file = _FILE_OF.search(str(sentence))
        item = None if text is None else (
            str(text), int(start) if start is not None else -1, int(end) if end is not None else -1,
            file.group(1) if file else "")
        if memo is not None:
            memo[sentence] = item
        if item is not None:
            out.append(item)
    return sorted(set(out), key=lambda t: (t[3], t[1]))


# The file a sentence was read from, by its IRI (…/src/policy_text/sentence/9; kg.rdf.iris.Minter).
_FILE_OF = re.compile(r"/src/([^/]+)/sentence/")
# Properties not shown among a node's properties (shown otherwise, or plumbing).
_HIDDEN = {RDF.type, RDFS.label, PROV.wasDerivedFrom, POL.startOffset, POL.endOffset, POL.rule}
# Levels of the hierarchical layout: document → tasks → measures → targets → indicators.
LEVELS = {"PolicyDocument": 0, "Task": 1, "Problem": 1, "Feature": 1, "Measure": 2, "GuaranteeMeasure": 2,
          "Target": 3, "Baseline": 3, "Parameter": 3, "Threshold": 3, "Agency": 3, "ProtectionCentre": 3, "GenericActor": 3, "Indicator": 4, "Place": 4, "Person": 4}


def _label(graph: Graph, term) -> str:
    """A term as a reader sees it: a literal's text, an IRI's label, code or local name."""
    if not isinstance(term, URIRef):
        return str(term)
    if str(term).startswith(str(POL._NS)):
        code = code_of(term)  # a closed set of the ontology: 超过 (>), 牵头 (lead)…
        return term_labels(str(term))[0] + (f" ({code})" if code is not None else "")
    for prop in (RDFS.label, POL.code):
        value = graph.value(term, prop)
        if value is not None:
            return str(value)
    return local_name(term)


def _properties(graph: Graph, node: URIRef) -> list[tuple[str, str]]:
    """The node's own properties, as (property IRI, value) pairs, in a stable order."""
    out = []
    for prop, value in graph.predicate_objects(node):
        if prop in _HIDDEN or prop in RELATIONS or prop in (POL.forTask, POL.forMeasure):
            continue
        out.append((str(prop), _label(graph, value)))
    return sorted(set(out))[:24]


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Return the reader's view of ``graph`` as a directed multigraph.

    Nodes are keyed by IRI and carry ``label``, ``cls`` (class local name),
    ``start``/``end`` (offsets of the fact, when it has them), ``sentences``
    (``(text, start, end, file)`` of its source sentences), ``file`` (the file it
    was read from), ``props`` (its own properties) and ``docs`` (the read
    documents it belongs to or serves). Edges carry ``relation`` (a property
    or role local name).
    """
    g = nx.MultiDiGraph()
    classes = {cls: k for k, cls in enumerate(CLASSES)}
    kinds: dict[URIRef, URIRef] = {}
    for node, cls in graph.subject_objects(RDF.type):
        if cls in classes and (node not in kinds or classes[cls] < classes[kinds[node]]):
            kinds[node] = cls
    scoped = {o for o in graph.objects(None, POL.scope)}
    mention_sentences: dict[URIRef, list] = defaultdict(list)
    memo: dict = {}
    for mention, target in graph.subject_objects(POL.mentionOf):
        mention_sentences[target].extend(_sentences(graph, mention, memo))
    for node in sorted(kinds):
        cls = kinds[node]
        if cls == POL.Place and node not in scoped:
            continue
        start = graph.value(node, POL.startOffset)
        end = graph.value(node, POL.endOffset)
        sentences = _sentences(graph, node, memo) or sorted(set(mention_sentences.get(node, [])),
                                                            key=lambda t: (t[3], t[1]))
        source = graph.value(graph.value(node, PROV.wasDerivedFrom), DCTERMS.isPartOf) \
            if graph.value(node, PROV.wasDerivedFrom) is not None else None
        g.add_node(
            str(node), label=str(graph.value(node, RDFS.label) or local_name(node)), cls=local_name(cls),
            start=int(start) if start is not None else None, end=int(end) if end is not None else None,
            sentences=sentences, props=_properties(graph, node),
            file=str(graph.value(source, DCTERMS.identifier) or "") if source is not None else "",
        )
    placed_by_measure = {t for t in graph.subjects(POL.forMeasure, None)} | {t for t in graph.subjects(POL.forTask, None)}
    for prop in RELATIONS:
        for s, o in sorted(graph.subject_objects(prop)):
            if prop == POL.hasTarget and s in kinds and o in placed_by_measure:
                continue  # drawn under its measure or task instead
            if str(s) in g and str(o) in g:
                g.add_edge(str(s), str(o), key=local_name(prop), relation=local_name(prop), predicate=str(prop))
    for prop in (POL.forMeasure, POL.forTask):
        for target, owner in sorted(graph.subject_objects(prop)):
            if prop == POL.forTask and graph.value(target, POL.forMeasure) is not None:
                continue
            if str(target) in g and str(owner) in g:
                g.add_edge(str(owner), str(target), key="hasTarget", relation="hasTarget", predicate=str(POL.hasTarget))
    for r in sorted(graph.subjects(RDF.type, POL.Responsibility)):
        agency, role, subject = graph.value(r, POL.agency), graph.value(r, POL.role), graph.value(r, POL.responsibleFor)
        if agency is not None and subject is not None and str(agency) in g and str(subject) in g:
            g.add_edge(str(agency), str(subject), key=local_name(role), relation=local_name(role), predicate=str(role))
    for doc, target in sorted(graph.subject_objects(POL.mentions)):
        if str(doc) in g and str(target) in g and g.degree(str(target)) == 0:
            g.add_edge(str(doc), str(target), key="mentions", relation="mentions", predicate=str(POL.mentions))
    _documents(g, graph)
    return g


def _documents(g: nx.MultiDiGraph, graph: Graph) -> None:
    """Give every node ``docs``: the read documents whose tree it is in, or whose tree it serves.

    A document's tree is what it reaches by its own relations (tasks, measures,
    targets, indicators…, and the document it interprets); an agency or
    person serves the documents of the nodes it is linked to.
    """
    read = sorted(str(d) for d in graph.subjects(POL.readFrom, None) if str(d) in g)
    owners: dict[str, set[str]] = defaultdict(set)
    for doc in read:
        owners[doc].add(doc)
        for node in nx.descendants(g, doc):
            if g.nodes[node]["cls"] not in ("Agency", "ProtectionCentre", "GenericActor", "Person"):
                owners[node].add(doc)
    for node, data in g.nodes(data=True):
        if not owners[node]:
            for other in nx.all_neighbors(g, node):
                owners[node] |= {d for d in owners[other] if g.nodes[other]["cls"] != "PolicyDocument" or other == d}
        data["docs"] = sorted(owners[node])
        data["level"] = LEVELS.get(data["cls"], 4)
