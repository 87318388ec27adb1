"""What a request may do: operations that reach outside the served graph, and result rows counted as they stream.

``SERVICE`` (a federated call to another endpoint) and ``LOAD`` (fetching a
document by URL, ``file:`` included) would let a request read the network or
the server's files; they are refused unless the server was started with
``--allow-service`` or ``--allow-load``. They are found as keywords outside
strings, IRIs and comments.
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


def reaches_out(text: str) -> set[str]:
    """The operations of ``text`` that reach outside the store: {'SERVICE', 'LOAD'}."""
    return {m.group(1).upper() for m in _KEYWORD.finditer(code_only(text))}


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
