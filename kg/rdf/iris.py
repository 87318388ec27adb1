"""Stable, readable IRIs.

Shared things are named by their canonical label, so the same agency in two
documents is one node: ``{base}agency/北京市知识产权局``. Things that belong to
one document are named under it, by position: ``{base}doc/{doc-id}/task/2``.
Chinese characters stay as they are (IRIs allow them); ASCII characters that
are not unreserved are percent-encoded, so every IRI is valid in Turtle,
N-Triples and SPARQL without escaping.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

from kg.errors import PolicyKGError
from kg.rdf.namespaces import DEFAULT_BASE

_UNRESERVED = "-._~"


# Characters that may need encoding in a path segment: all but unreserved ASCII and
# the Latin-1, punctuation and CJK ranges that hold no control, format, space or
# unassigned character. Erring wide only sends a label the slow way.
_MAYBE_UNSAFE = re.compile("[^A-Za-z0-9\\-._~\\xa1-\\xac\\xae-\\xff\\u2010-\\u2027\\u2030-\\u205e\\u3001-\\u303f"
                           "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff01-\\uff60]")


@lru_cache(maxsize=1 << 16)
def slug(label: str) -> str:
    """Return ``label`` as one IRI path segment: whitespace removed, reserved ASCII percent-encoded."""
    if label and not _MAYBE_UNSAFE.search(label) and unicodedata.is_normalized("NFC", label):
        return label  # nearly every label: nothing to remove or encode
    text = unicodedata.normalize("NFC", "".join(label.split()))
    out = []
    for ch in text:
        if ch.isascii():
            out.append(ch if ch.isalnum() or ch in _UNRESERVED else quote(ch, safe=""))
        elif unicodedata.category(ch)[0] in "CZ":
            out.append(quote(ch, safe=""))
        else:
            out.append(ch)
    return "".join(out) or "_"


def check_base(base: str) -> str:
    """Return ``base`` if it can prefix IRIs (absolute, ending in / or #)."""
    if "://" not in base or base[-1] not in "/#" or any(c in base for c in ' <>"{}|\\^`'):
        raise PolicyKGError(f"base IRI {base!r} must be an absolute IRI ending in / or # (default {DEFAULT_BASE})")
    return base


class Minter:
    """Mints the IRIs of one graph under a base."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = check_base(base)

    def _iri(self, *parts: str | int) -> URIRef:
        return URIRef(self.base + "/".join(slug(str(p)) for p in parts))

    def document(self, key: str) -> URIRef:
        """A policy document, named by its title key (or its file's id if untitled)."""
        return self._iri("doc", key)

    def source(self, file_id: str) -> URIRef:
        """A file read; also the name of the graph that holds what was read from it."""
        return self._iri("src", file_id)

    def in_source(self, file_id: str, *parts: str | int) -> URIRef:
        """Something read from a file: a sentence, a task, a target…"""
        return self._iri("src", file_id, *parts)

    def shared_graph(self) -> URIRef:
        """The graph describing things shared by all files: agencies, places, indicators."""
        return self._iri("graph", "shared")

    def agency(self, canonical: str) -> URIRef:
        return self._iri("agency", canonical)

    def person(self, name: str) -> URIRef:
        return self._iri("person", name)

    def place(self, canonical: str) -> URIRef:
        return self._iri("place", canonical)

    def indicator(self, canonical: str) -> URIRef:
        return self._iri("indicator", canonical)

    def kind(self, kind: str) -> URIRef:
        return self._iri("kind", kind)

    def body_kind(self, kind: str) -> URIRef:
        return self._iri("body-kind", kind)

    def change(self, predecessor: str, successor: str) -> URIRef:
        """The reorganisation by which ``successor`` took over ``predecessor``."""
        return self._iri("change", successor, predecessor)

    def scheme(self, name: str) -> URIRef:
        return self._iri("scheme", name)
