"""The shape of each TOML resource file, checked when the file is loaded.

``schema.toml`` gives, for every file, each key the rules read as a dotted
path and its type::

    ["quantities.toml"]
    "context.target_cues" = "list[str]"
    "comparators.before" = "map[str]"      # a table of words, any keys
    "cue" = "list[table]"
    "cue[].when" = "?list[str]"            # ? : may be left out

A table whose keys are names (``context``, ``tables.glued``) is a record: its
keys are those the schema lists, and a key it does not list is reported with
the nearest known one (a renamed key is the usual slip). A ``map`` is a table
of words (``[generic.scopes]``) whose keys are free; only its values are
checked. :func:`check` returns every problem, each with the file, the line
and the key, so a researcher editing a lexicon sees all of them at once
instead of a KeyError deep inside a rule (as spaCy checks its patterns).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from functools import lru_cache
from importlib import resources as _res
from pathlib import Path

_SCALARS = {"str": str, "int": int, "float": (int, float), "bool": bool, "table": dict, "list": list, "any": object}
_KEY_LINE = re.compile(r'^\s*("(?:[^"\\]|\\.)*"|[A-Za-z0-9_\-]+|\'[^\']*\')\s*=')
_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")


@lru_cache(maxsize=1)
def schema() -> dict[str, dict[str, str]]:
    """The types of every resource file, by file name, then dotted path."""
    path = Path(str(_res.files("kg.resources"))) / "schema.toml"
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _type_ok(value, kind: str) -> bool:
    """Whether ``value`` is of schema type ``kind`` (``str``, ``list[str]``, ``map[int]``…)."""
    if kind.startswith("list[") and kind.endswith("]"):
        inner = kind[5:-1]
        return isinstance(value, list) and all(_type_ok(v, inner) for v in value)
    if kind.startswith("map[") and kind.endswith("]"):
        inner = kind[4:-1]
        return isinstance(value, dict) and all(_type_ok(v, inner) for v in value.values())
    expected = _SCALARS.get(kind)
    if expected is None:
        raise ValueError(f"schema.toml: unknown type {kind!r}")
    if kind in ("int", "float") and isinstance(value, bool):
        return False
    return isinstance(value, expected)


def _describe(value) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return {str: "text", int: "a whole number", float: "a number"}.get(type(value), type(value).__name__)


class Lines:
    """The line of each key and table of a TOML text, by dotted path (list items as ``name[3]``)."""

    def __init__(self, text: str) -> None:
        self.at: dict[str, int] = {}
        table, counts = "", {}
        for number, line in enumerate(text.splitlines(), 1):
            header = _HEADER.match(line)
            if header and not _KEY_LINE.match(line):
                name = ".".join(_unquote(p) for p in _split_dotted(header.group(2)))
                if header.group(1) == "[[":
                    k = counts.get(name, 0)
                    counts[name] = k + 1
                    self.at.setdefault(name, number)
                    name = f"{name}[{k}]"
                table = name
                self.at.setdefault(table, number)
                continue
            key = _KEY_LINE.match(line)
            if key:
                path = f"{table}.{_unquote(key.group(1))}" if table else _unquote(key.group(1))
                self.at.setdefault(path, number)

    def of(self, path: str) -> int | None:
        """The line of ``path``, or of the nearest enclosing key or table the text names."""
        while path:
            if path in self.at:
                return self.at[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None


def _split_dotted(text: str) -> list[str]:
    return [p.strip() for p in re.findall(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'|[^.]+', text)]


def _unquote(key: str) -> str:
    key = key.strip()
    if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
        return key[1:-1]
    return key


def check(name: str, data: dict, text: str) -> list[str]:
    """Every problem of resource file ``name`` (parsed as ``data`` from ``text``) against its schema."""
    declared = schema().get(name)
    if declared is None:
        return []
    lines = Lines(text)
    problems: list[str] = []

    def where(path: str) -> str:
        line = lines.of(path)
        return f"{name}:{line}" if line else name

    def walk(value, prefix: str, shown: str) -> None:
        """Check the record ``value`` at schema path ``prefix`` (shown to the user as ``shown``)."""
        children = {p[len(prefix):]: t for p, t in declared.items()
                    if p.startswith(prefix) and not re.search(r"[.\[]", p[len(prefix):])}
        for key, kind in children.items():
            optional = kind.startswith("?")
            kind = kind.lstrip("?")
            path = f"{shown}{key}"
            if key not in value:
                if not optional:
                    problems.append(f"{where(shown.rstrip('.'))}: missing key {path!r} ({kind})")
                continue
            item = value[key]
            if kind == "table":
                if not isinstance(item, dict):
                    problems.append(f"{where(path)}: {path} should be a table, not {_describe(item)}")
                else:
                    walk(item, f"{prefix}{key}.", f"{path}.")
            elif kind == "list[table]" and any(f"{prefix}{key}[]." in p for p in declared):
                if not isinstance(item, list) or not all(isinstance(v, dict) for v in item):
                    problems.append(f"{where(path)}: {path} should be a list of tables")
                else:
                    for k, element in enumerate(item):
                        walk(element, f"{prefix}{key}[].", f"{path}[{k}].")
            elif kind.startswith("map[") and isinstance(item, dict):
                for word, v in item.items():
                    if not _type_ok(v, kind[4:-1]):
                        problems.append(f"{where(f'{path}.{word}')}: {path}.{word} should be {kind[4:-1]}, "
                                        f"not {_describe(v)}")
            elif kind.startswith("list[") and isinstance(item, list):
                bad = [k for k, v in enumerate(item) if not _type_ok(v, kind[5:-1])]
                if bad:
                    problems.append(f"{where(path)}: {path}[{bad[0]}] should be {kind[5:-1]}, "
                                    f"not {_describe(item[bad[0]])}" + (f" ({len(bad)} such items)" if len(bad) > 1 else ""))
            elif not _type_ok(item, kind):
                problems.append(f"{where(path)}: {path} should be {kind}, not {_describe(item)}")
        for key in value:
            if key not in children:
                path = f"{shown}{key}"
                near = difflib.get_close_matches(key, list(children), n=1)
                hint = f" (did you mean {near[0]!r}?)" if near else f" (known here: {', '.join(sorted(children))})"
                problems.append(f"{where(path)}: unknown key {path!r}{hint}")

    walk(data, "", "")
    return problems
