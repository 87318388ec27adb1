"""The sorted, distinct N-Triples (or N-Quads) lines of many graphs, in bounded memory.

A format that writes a corpus sorted, so that the same triples give the same
bytes, must see every line before it writes the first. Held in memory that is
the whole corpus as Python strings, about a kilobyte a triple. Here the lines
are gathered graph by graph into runs of at most ``RUN_LINES`` (a graph is
never split, so a run is bounded by that and the largest graph), each run is
sorted into a temporary file, and the runs are merged as they are read back:
an external merge sort. UTF-8 bytes sort as their code points do, so the order
is the one ``sorted`` gives the decoded lines.
"""

from __future__ import annotations

import heapq
import tempfile
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

RUN_LINES = 200_000


def all_graphs(store: ox.Store) -> list:
    """Every graph of ``store``: its named graphs in IRI order, then the default graph."""
    named = sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    return [*named, ox.DefaultGraph()]


def graph_lines(store: ox.Store, graph, with_graph: bool = False) -> list[bytes]:
    """The N-Triples lines of one graph of ``store`` (each ending in a newline), as N-Quads lines
    naming the graph if ``with_graph`` (the default graph's quads name none)."""
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    lines = data.splitlines(keepends=True) if data else []
    if with_graph and isinstance(graph, ox.NamedNode):
        tail = f" {graph} .\n".encode("utf-8")
        lines = [line[:-3] + tail for line in lines]  # "<s> <p> <o> .\n" -> "<s> <p> <o> <g> .\n"
    return lines


@contextmanager
def sorted_lines(store: ox.Store, graphs: Iterable, with_graph: bool = False,
                 run_lines: int = RUN_LINES) -> Iterator[Iterator[bytes]]:
    """The distinct lines of ``graphs`` of ``store``, sorted, as an iterator valid inside the ``with``
    (a temporary folder holds the runs only when there is more than one)."""
    with ExitStack() as stack:
        runs: list[Path] = []
        pending: list[bytes] = []
        folder = None
        for graph in graphs:
            pending.extend(graph_lines(store, graph, with_graph))
            if len(pending) >= run_lines:
                folder = folder or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="policykg-sort-")))
                runs.append(_write_run(pending, folder / f"{len(runs)}.nt"))
                pending = []
        if not runs:
            yield iter(sorted(set(pending)))
            return
        if pending:
            runs.append(_write_run(pending, folder / f"{len(runs)}.nt"))
        del pending
        yield _distinct(heapq.merge(*(stack.enter_context(run.open("rb")) for run in runs)))


def _write_run(lines: list[bytes], path: Path) -> Path:
    with path.open("wb") as fh:
        fh.writelines(sorted(set(lines)))
    return path


def _distinct(lines: Iterator[bytes]) -> Iterator[bytes]:
    last = None
    for line in lines:
        if line != last:
            yield line
            last = line
