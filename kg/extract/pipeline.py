"""The rule layer: components built once, applied to each document in order.

Each component is a callable object that reads an :class:`Analysis` (the
document, its tokens, and what earlier components found) and adds its
records to ``analysis.found``. It declares what it needs and what it gives as
names of facets (``requires = ("agencies", "tasks")``, ``provides =
("responsibilities",)``); the order they run in follows from those
declarations (:func:`ordered`), and a component whose needs nobody provides is
refused when the pipeline is built. Adding a component means adding a module
and a line in :data:`COMPONENTS`, in any place.
"""

from __future__ import annotations

import time
from collections import defaultdict

from kg.errors import RuleError
from kg.extract.agencies import AgencyFinder
from kg.extract.base import Analysis
from kg.extract.documents import DocumentReader
from kg.extract.enumerations import EnumerationReader
from kg.extract.instruments import InstrumentCoder
from kg.extract.persons import PersonFinder
from kg.extract.places import PlaceFinder
from kg.extract.quantities import QuantityReader
from kg.extract.records import Extraction, SentenceRecord
from kg.extract.responsibilities import ResponsibilityFinder
from kg.extract.validity import ValidityReader
from kg.extract.written import restore
from kg.nlp.script import reading_copy
from kg.nlp.segment import Segmenter
from kg.text.decode import Source
from kg.text.normalize import normalize
from kg.text.structure import parse

COMPONENTS = (DocumentReader, PlaceFinder, AgencyFinder, PersonFinder, EnumerationReader, QuantityReader, ResponsibilityFinder,
              ValidityReader, InstrumentCoder)


def ordered(components) -> list:
    """The components in an order where each runs after those providing what it requires; among those
    free to run, in the order given. Raises :class:`RuleError` for a facet two components provide, a
    requirement no component provides, or components that wait for each other."""
    providers: dict[str, object] = {}
    problems = []
    for c in components:
        for facet in getattr(c, "provides", None) or ():
            if facet in providers:
                problems.append(f"{facet!r} is provided by both {providers[facet].__name__} and {c.__name__}")
            providers[facet] = c
        if not hasattr(c, "requires") or not hasattr(c, "provides"):
            problems.append(f"{c.__name__} declares no requires and provides")
    for c in components:
        for facet in getattr(c, "requires", ()):
            if facet not in providers:
                problems.append(f"{c.__name__} requires {facet!r}, which no component provides")
    if problems:
        raise RuleError("extraction pipeline: " + "; ".join(problems))
    done: list = []
    waiting = list(components)
    while waiting:
        ready = next((c for c in waiting if all(providers[f] in done for f in c.requires)), None)
        if ready is None:
            names = ", ".join(c.__name__ for c in waiting)
            raise RuleError(f"extraction pipeline: {names} wait for each other")
        done.append(ready)
        waiting.remove(ready)
    return done


class Extractor:
    """Turns a decoded document into an :class:`Extraction`; build once, call often."""

    def __init__(self) -> None:
        self.components = [cls() for cls in ordered(COMPONENTS)]
        words: set[str] = set()
        for component in self.components:
            words.update(getattr(component, "words", lambda: [])())
        self.segmenter = Segmenter(extra_words=words)
        # Seconds spent in each stage, summed over the documents read (see benchmarks/).
        self.seconds: defaultdict[str, float] = defaultdict(float)

    def __call__(self, source: Source, doc_id: str) -> Extraction:
        """Return everything the rules find in ``source``, identified as ``doc_id``.

        A text in traditional characters is read through a simplified copy of the
        same length (the rules and lexicons are simplified); the records keep the
        characters as written (:mod:`kg.extract.written`).
        """
        seconds, clock = self.seconds, time.perf_counter
        t0 = clock()
        copy = reading_copy(source.text)
        clean = normalize(copy)
        t1 = clock()
        doc = parse(clean)
        t2 = clock()
        tokens = self.segmenter.lazy(doc.text)  # each block cut when a rule first looks at it
        t3 = clock()
        seconds["normalise"] += t1 - t0
        seconds["structure"] += t2 - t1
        seconds["segment"] += t3 - t2
        found = Extraction(doc_id=doc_id, source_name=source.name, source_format=source.format)
        found.sentences = [SentenceRecord(s.index, s.text, doc.span(s.start, s.end), doc.paragraphs[s.paragraph].part)
                           for s in doc.sentences]
        analysis = Analysis(doc, tokens, self.segmenter, found, source_meta=dict(source.meta))
        for component in self.components:
            t, cutting = clock(), tokens.seconds
            component(analysis)
            segmenting = tokens.seconds - cutting  # the words this component was the first to ask for
            seconds["segment"] += segmenting
            seconds["rules." + type(component).__name__] += clock() - t - segmenting
        if copy != source.text:
            original = normalize(source.text).text
            restore(found, original, doc.text, [(s.start, s.end) for s in doc.sentences])
        return found
