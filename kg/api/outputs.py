"""What a build writes: its files (``graph.ttl``, ``graph.trig``, ``graph.html``), and the whole of
`policykg build` (:func:`make`): documents found, built into files, a store or both, and reported."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, ContextManager, Iterable

from kg.api.building import BuildResult, build, build_store, documents_in, summary
from kg.errors import PolicyKGError
from kg.rdf import DEFAULT_BASE

if TYPE_CHECKING:
    from rdflib import Graph

# The files `build -o` writes: graph.<suffix> in each of these formats (kg.formats).
BUILD_FORMATS = ("ttl", "trig", "html")
# A progress display: given what is being done and how many documents, a context whose value is
# called once a document.
Progress = Callable[[str, int], ContextManager[Callable[[Path], None]]]


def turtle(result: BuildResult) -> str:
    """The triples of a build as Turtle; the same triples always give the same bytes."""
    from kg.formats import format_named

    return format_named("ttl").write(result.quads).decode("utf-8")


def trig(result: BuildResult) -> str:
    """The named graphs of a build as TriG, graphs in IRI order."""
    from kg.formats import format_named

    return format_named("trig").write(result.quads).decode("utf-8")


def html(graph: "Graph", title: str) -> str:
    """The interactive HTML page of an rdflib ``graph``."""
    from kg.views.html import render
    from kg.views.network import to_networkx

    return render(to_networkx(graph), title)


def title_of(result: BuildResult) -> str:
    """What a build's page is called: its one document's title, or how many documents it holds."""
    titles = [ex.document.title or ex.doc_id for ex in result.extractions]
    return titles[0] if len(titles) == 1 else f"{len(titles)} files"


def write(result: BuildResult, outdir: str | Path, with_html: bool = True) -> dict[str, Path]:
    """Write ``graph.ttl`` (all triples), ``graph.trig`` (one graph per file) and
    ``graph.html`` into ``outdir``; return their paths.

    Each file is what ``policykg export`` writes in its format for the same graph.
    Everything is rendered before anything is written, and each file is written atomically.
    """
    from kg.formats import format_named
    from kg.io import atomic_write, prepare_dir

    out = prepare_dir(outdir)
    title = title_of(result)
    outputs = {}
    for name in BUILD_FORMATS:
        if name == "html" and not with_html:
            continue
        fmt = format_named(name)
        outputs[f"graph{fmt.suffix}"] = fmt.write(result.quads, title)
    return {name: atomic_write(out / name, data) for name, data in outputs.items()}


@dataclass
class Made:
    """What `policykg build` did: lines to print, and what could not be read."""

    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


@contextlib.contextmanager
def _silent(what: str, total: int):
    yield lambda _: None


def make(paths: Iterable[str | Path], outdir: str | Path | None = None, store: str | Path | None = None,
         base: str | None = None, workers: int = 1, with_html: bool = True, resume: bool = True,
         max_chars: int | None = None, progress: Progress | None = None) -> Made:
    """Build the documents at ``paths`` into files in ``outdir``, into the store at ``store``, or both.

    A document that cannot be read (or a folder) is reported in ``failures`` and the others are built;
    when none can be read into files, that is the error.
    """
    progress = progress or _silent
    unreadable: list[str] = []
    files = documents_in(paths, unreadable)
    made = Made()
    failures = []
    if outdir is not None:
        with progress("reading", len(files)) as step:
            result = build(files, base=base or DEFAULT_BASE, workers=workers, progress=step, max_chars=max_chars)
        if not result.extractions:
            raise PolicyKGError("; ".join(str(f) for f in result.failures))
        written = write(result, outdir, with_html=with_html)
        made.lines.append(summary(result))
        made.lines.append("wrote " + ", ".join(str(p) for p in written.values()) + f" ({len(result)} triples)")
        failures = result.failures
    if store is not None:
        with progress("storing", len(files)) as step:
            report = build_store(files, store, base=base, workers=workers, progress=step, max_chars=max_chars,
                                 rebuild=not resume)
        if outdir is None and report.summaries:
            made.lines.append("\n".join(report.summaries))
        made.lines.append(f"store {store}: {len(report.built)} built, {len(report.unchanged)} unchanged; "
                          f"it holds {report.files} files ({report.triples} triples)")
        failures = failures or report.failures
    made.failures = [*unreadable, *(str(f) for f in failures)]
    return made
