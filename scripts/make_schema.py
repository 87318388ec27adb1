"""Write kg/resources/schema.toml, the shape of every TOML resource file, from the files as they are.

Run by hand after adding a key to a resource file (and read the diff: every
key written here is one the rules must read)::

    python scripts/make_schema.py > kg/resources/schema.toml

A table whose keys are all names (letters, digits, _ and -) is a record, and
its keys are listed; any other table is a ``map`` of words whose values only
are typed. An item of a list of tables may leave out a key that some items
have (``?``).
"""

import json
import re
import sys
import tomllib
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "kg" / "resources"
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
# Tables of names that researchers extend with their own keys: maps, though their keys look like names.
MAPS = {("central_bodies.toml", "kinds")}


def kind(value, where: tuple[str, str] = ("", "")) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, dict):
        if value and all(NAME.match(k) for k in value) and where not in MAPS:
            return "table"
        inner = {kind(v) for v in value.values()}
        return f"map[{inner.pop() if len(inner) == 1 else 'any'}]"
    inner = {kind(v) for v in value}
    if not inner:
        return "list"
    if len(inner) == 1:
        return f"list[{inner.pop()}]"
    if inner <= {"int", "float"}:
        return "list[float]"
    return "list[any]"


def walk(value: dict, prefix: str, out: dict, name: str) -> None:
    for key, item in value.items():
        path = f"{prefix}{key}"
        k = kind(item, (name, path))
        out[path] = k
        if k == "table":
            walk(item, f"{path}.", out, name)
        elif k == "list[table]":
            elements = [e for e in item if isinstance(e, dict)]
            keys = sorted({key for e in elements for key in e}, key=lambda x: min(
                list(e).index(x) for e in elements if x in e))
            for key2 in keys:
                values = [e[key2] for e in elements if key2 in e]
                kinds = {kind(v) for v in values}
                k2 = kinds.pop() if len(kinds) == 1 else ("float" if kinds <= {"int", "float"} else "any")
                optional = "?" if len(values) < len(elements) else ""
                out[f"{path}[].{key2}"] = optional + k2
                # a table inside a list item is checked as a table (its keys are free)


def main() -> None:
    print("# The shape of every TOML resource file, checked when it is loaded (kg/resources/schema.py).")
    print("# Written by scripts/make_schema.py from the files; a key listed here is one the rules read.")
    print("# Types: str, int, float, bool, table (a record: its keys follow), list[T], map[T] (a table of")
    print("# words, any keys, values of type T), any; a leading ? marks a key an item may leave out.")
    for path in sorted(RESOURCES.glob("*.toml")):
        if path.name == "schema.toml":
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        out: dict[str, str] = {}
        walk(data, "", out, path.name)
        print(f"\n[{json.dumps(path.name)}]")
        for key, k in out.items():
            print(f"{json.dumps(key, ensure_ascii=False)} = {json.dumps(k)}")


if __name__ == "__main__":
    main()
    sys.stdout.flush()
