"""What a request may do: operations that reach outside the served graph, and result rows counted as they stream.

``SERVICE`` (a federated call to another endpoint) and ``LOAD`` (fetching a
document by URL, ``file:`` included) would let a request read the network or
the server's files; they are refused unless the server was started with
``--allow-service`` or ``--allow-load``.

What a request does is read from the parsed request (rdflib's SPARQL 1.1 grammar:
a ``ServiceGraphPattern`` or a ``Load`` in the tree), not from its text: a ``#``
inside a prefixed name (``ex:a\\#b``) or an IRI written with ``\\u`` escapes cannot
hide the rest of a line. Where that grammar cannot read a request another engine
might run, the request is refused if the words appear anywhere in it, its ``\\u``
escapes decoded; and a scan of the text's code outside strings, IRIs and comments
must find neither word either.
"""

from __future__ import annotations

import re

_IRI = re.compile(r'<[^<>"{}|^`\\\s]*>')
_KEYWORD = re.compile(r"(?<![?$:\w])(SERVICE|LOAD)(?![\w:])", re.I)


def code_only(text: str) -> str:
    """``text`` with its strings, IRIs and comments blanked out (same length)."""
    out, i, n = list(text), 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
            out[i:end] = " " * (end - i)
            i = end
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            end = min(n, j + len(quote))
            out[i:end] = " " * (end - i)
            i = end
        elif c == "<" and _IRI.match(text, i):
            end = _IRI.match(text, i).end()
            out[i:end] = " " * (end - i)
            i = end
        else:
            i += 1
    return "".join(out)


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_ANYWHERE = re.compile(r"(SERVICE|LOAD)", re.I)
_NODES = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}


def decoded(text: str) -> str:
    """``text`` with its codepoint escapes (\\u0023, \\U0001F600) read, as SPARQL allows anywhere."""
    def char(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code < 0x110000 else m.group(0)
    return _ESCAPE.sub(char, text)


def _operations(node, found: set[str], compound: type, sequences: tuple, depth: int = 0) -> set[str]:
    """Add to ``found`` the operations of the parse tree under ``node`` (``compound`` is rdflib's tree node
    type, ``sequences`` the types that hold a list of nodes)."""
    if depth > 500:  # nested beyond any real query: refuse rather than recurse further
        found.update(_NODES.values())
        return found
    if isinstance(node, compound):
        if node.name in _NODES:
            found.add(_NODES[node.name])
        children = node.values()
    elif isinstance(node, sequences):
        children = node
    elif isinstance(node, dict):
        children = node.values()
    else:
        return found
    for child in children:
        _operations(child, found, compound, sequences, depth + 1)
    return found


def reaches_out(text: str, kind: str = "query") -> frozenset[str]:
    """The operations of ``text`` (a ``query`` or an ``update``) that reach outside the store:
    {'SERVICE', 'LOAD'}, as the parsed request holds them."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue

    found = {m.group(1).upper() for m in _KEYWORD.finditer(code_only(text))}
    try:
        tree = parseUpdate(text) if kind == "update" else parseQuery(text)
    except Exception:  # noqa: BLE001 - whatever the grammar cannot read: the words anywhere count
        found |= {m.group(1).upper() for m in _ANYWHERE.finditer(decoded(text))}
        return frozenset(found)
    return frozenset(_operations(tree, found, CompValue, (list, tuple, ParseResults)))


class RowCounter:
    """Counts the rows of serialised SELECT results as the bytes go by (exactly, per format)."""

    def __init__(self, media: str) -> None:
        self.kind = ("json" if "json" in media else "xml" if "xml" in media else
                     "tsv" if "tab-separated" in media else "csv" if "csv" in media else None)
        self.rows = 0
        self._depth = 0
        self._string = self._escape = self._quoted = False
        self._tail = b""
        self._lines = 0

    def feed(self, data: bytes) -> int:
        """Take the next bytes; return the rows counted so far."""
        if self.kind == "xml":
            chunk = self._tail + data
            self.rows += chunk.count(b"<result>") - self._tail.count(b"<result>")
            self._tail = chunk[-8:]
        elif self.kind == "tsv":
            self._lines += data.count(b"\n")
            self.rows = max(0, self._lines - 1)
        elif self.kind == "csv":
            for byte in data:
                if byte == 0x22:
                    self._quoted = not self._quoted
                elif byte == 0x0A and not self._quoted:
                    self._lines += 1
            self.rows = max(0, self._lines - 1)
        elif self.kind == "json":
            for byte in data:  # a binding is an object opened at depth 3: {"results":{"bindings":[{
                if self._string:
                    if self._escape:
                        self._escape = False
                    elif byte == 0x5C:
                        self._escape = True
                    elif byte == 0x22:
                        self._string = False
                elif byte == 0x22:
                    self._string = True
                elif byte in (0x7B, 0x5B):
                    if byte == 0x7B and self._depth == 3:
                        self.rows += 1
                    self._depth += 1
                elif byte in (0x7D, 0x5D):
                    self._depth -= 1
        return self.rows
