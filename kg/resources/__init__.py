"""Lexicons and rule patterns kept as data files, loaded and checked once.

Every file here is meant to be read and extended by a policy researcher
without touching Python. A researcher's own copy of a file, in the folder
named by the environment variable ``POLICYKG_RESOURCES``, is read in place of
the shipped one. Loaders raise :class:`kg.errors.RuleError` naming the
file, the line and what is wrong, listing every bad entry, not only the first.
"""

from __future__ import annotations

import os
import re
import tomllib
from functools import lru_cache
from importlib import resources as _res
from pathlib import Path

from kg.errors import RuleError

RESOURCE_DIR = Path(str(_res.files(__name__)))


def resource_path(name: str) -> Path:
    """Return the path of resource file ``name``: the researcher's own copy in the folder named by
    ``POLICYKG_RESOURCES``, if it holds one, else the file shipped with policy-kg."""
    own = os.environ.get("POLICYKG_RESOURCES")
    if own and (Path(own) / name).is_file():
        return Path(own) / name
    return RESOURCE_DIR / name


@lru_cache(maxsize=None)
def load_toml(name: str) -> dict:
    """Return the parsed TOML resource ``name``, checked against its shape in ``schema.toml``."""
    from kg.resources.schema import check

    path = resource_path(name)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise RuleError(f"{path}: resource file missing; reinstall policy-kg") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleError(f"{path}: {exc}") from None
    problems = check(name, data, text)
    if problems:
        raise RuleError(f"{path.parent}/" + f"; {path.parent}/".join(problems) + " (kg/resources/schema.toml lists the keys)")
    return data


def check_resources() -> None:
    """Load every TOML resource file, so that a bad one stops a build before anything is written."""
    for path in sorted(RESOURCE_DIR.glob("*.toml")):
        if path.name != "schema.toml":
            load_toml(path.name)


def compile_pattern(pattern: str, where: str) -> re.Pattern:
    """Compile ``pattern`` or raise RuleError saying ``where`` it came from."""
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise RuleError(f"{where}: bad regular expression {pattern!r}: {exc}") from None


def read_table(name: str, columns: tuple[str, ...], required: int | None = None) -> list[dict[str, str]]:
    """Return the rows of a tab-separated resource as dicts keyed by ``columns``.

    Blank lines and lines starting with ``#`` are skipped. ``required`` is the
    number of leading columns that must be non-empty (all by default).
    """
    path = resource_path(name)
    need = len(columns) if required is None else required
    rows, errors = [], []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise RuleError(f"{path}: resource file missing; reinstall policy-kg") from None
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) > len(columns):
            errors.append(f"{name}:{lineno}: {len(cells)} columns, expected at most {len(columns)} ({', '.join(columns)})")
            continue
        cells += [""] * (len(columns) - len(cells))
        missing = [columns[i] for i in range(need) if not cells[i]]
        if missing:
            errors.append(f"{name}:{lineno}: missing {', '.join(missing)}")
            continue
        rows.append(dict(zip(columns, cells)))
    if errors:
        raise RuleError("; ".join(errors))
    return rows


def read_words(name: str) -> list[str]:
    """Return the words of a one-word-per-line resource, without comments."""
    return [row["word"] for row in read_table(name, ("word",))]
