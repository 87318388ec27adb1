"""The ``policykg`` command line: parses arguments, calls :mod:`kg.api`, prints.

Errors a user can fix (:class:`kg.errors.PolicyKGError`) are printed as one
line on stderr with exit status 1; usage errors exit with 2.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from pathlib import Path

import click

from kg import __version__
from kg.errors import PolicyKGError
from kg.rdf import DEFAULT_BASE


class _Group(click.Group):
    """Turns PolicyKGError into a one-line message and exit status 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PolicyKGError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policykg")
def cli() -> None:
    """Turn Chinese government policy documents into an RDF knowledge graph,
    query it with SPARQL and browse it as an interactive HTML graph."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", type=click.Path(path_type=Path),
              help="Folder to write graph.ttl, graph.trig and graph.html into (created if missing).")
@click.option("--store", "store", type=click.Path(path_type=Path),
              help="Add the documents to this on-disk store (created if new); unchanged files are skipped.")
@click.option("--base", default=None, help=f"Base IRI of the graph's resources  [default: {DEFAULT_BASE}]")
@click.option("-w", "--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Read documents in this many processes.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("--keep-going", is_flag=True, help="Exit 0 even if some documents could not be read (they are still reported).")
@click.option("--resume/--rebuild", default=True, show_default=True,
              help="With --store: skip files already in the store with the same bytes (resume an interrupted "
                   "build), or read every file again.")
@click.option("--max-chars", default=None, type=click.IntRange(1000, None),
              help="Refuse a document with more characters of text than this  [default: 5000000]")
@click.option("--instruments", "scheme", type=click.Path(dir_okay=False, path_type=Path),
              help="Code measures with this SKOS instrument scheme (Turtle, concepts with pol:cue) instead of "
                   "Rothwell & Zegveld's; with --store, --rebuild recodes the files stored already.")
@click.option("--instrument-corrections", "corrections", type=click.Path(dir_okay=False, path_type=Path),
              help="Your corrections to the instrument coding: the table `policykg instruments` writes, its kind "
                   "column changed (or none); they win over the cues.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths: tuple[Path, ...], outdir: Path | None, store: Path | None, base: str | None, workers: int,
          no_html: bool, keep_going: bool, resume: bool, max_chars: int | None, scheme: Path | None,
          corrections: Path | None, quiet: bool) -> None:
    """Build the knowledge graph of policy documents: files (.txt, .html,
    .docx, .pdf) or folders of them.

    With -o OUTDIR, writes OUTDIR/graph.ttl (all triples, Turtle),
    OUTDIR/graph.trig (one named graph per file plus the shared agencies,
    TriG) and OUTDIR/graph.html (interactive graph that opens offline).

    With --store PATH, adds them to an on-disk store that `policykg query
    --store`, `serve` and `push` read: a file already there with the same
    bytes is skipped, a changed one replaces its graph and nothing else.

    Prints what was found. A document that cannot be read is reported and the
    others are built; the exit status is then 1.
    """
    from kg import api

    if outdir is None and store is None:
        raise click.UsageError("say where the graph goes: -o OUTDIR, --store PATH, or both")
    if scheme is not None or corrections is not None:
        from kg.extract.instruments import use

        use(scheme and str(scheme.resolve()), corrections and str(corrections.resolve()))  # refused here, with why
    made = api.make(paths, outdir, store, base=base, workers=workers, with_html=not no_html, resume=resume,
                    max_chars=max_chars, progress=None if quiet else _progress_bar)
    if not quiet:
        for line in made.lines:
            click.echo(line)
    for failure in made.failures:
        click.echo(f"Error: {failure}", err=True)
    if made.failures and not keep_going:
        sys.exit(1)


@contextlib.contextmanager
def _progress_bar(what: str, total: int):
    """A bar on stderr for a build of several documents, when stderr is a terminal."""
    from tqdm import tqdm

    with tqdm(total=total, file=sys.stderr, unit="doc", disable=total < 2 or not sys.stderr.isatty(),
              desc=what) as bar:
        yield lambda _: bar.update(1)


class _FormatChoice(click.Choice):
    """The names of the output formats (kg.formats), read from the registry when first needed."""

    def __init__(self) -> None:
        super().__init__((), case_sensitive=True)

    @property
    def choices(self):
        from kg.formats import formats

        return tuple(formats())

    @choices.setter
    def choices(self, value) -> None:
        pass


def _source(graphs, store, verb: str, endpoint: str | None = None, **options):
    """The graph source a command reads (RDF files, --store or --endpoint: one of them); a store left
    mid-build is said so on stderr."""
    from kg import api

    if sum(bool(x) for x in (graphs, store, endpoint)) != 1:
        raise click.UsageError(f"{verb} RDF files or --store PATH (one of them)")
    source = api.source(graphs, store, endpoint, **options)
    for warning in source.warnings:
        click.echo(warning, err=True)
    return source


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--clean", is_flag=True, help="Print the normalised text (one paragraph per line) instead.")
def text(file: Path, clean: bool) -> None:
    """Print the text policy-kg reads from FILE (.txt, .html, .docx, .pdf).

    Character offsets in the graph count code points in exactly this text.
    """
    from kg import api

    read = api.text(file, clean)
    click.echo(read, nl=clean or not read.endswith("\n"))


def _server_options(command):
    """--endpoint, --user and --password, shared by query and push."""
    command = click.option("--password", envvar="POLICYKG_PASSWORD", default=None,
                           help="Password for --user (or set POLICYKG_PASSWORD; asked for if missing).")(command)
    command = click.option("--user", default=None, help="User name, if the server asks for one.")(command)
    return command


@cli.command()
@click.argument("graph", required=False)
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path), help="Read the query from a .rq file.")
@click.option("-n", "--named", help="Run a named query shipped with policy-kg (see --list).")
@click.option("--store", type=click.Path(path_type=Path), help="Query this on-disk store instead of a file.")
@click.option("--endpoint", help="Query this SPARQL endpoint (URL) instead of a file.")
@_server_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="table for reading, csv for spreadsheets, json for SPARQL 1.1 JSON results.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Keep the rows whose column NAME is VALUE, or bind the query variable ?NAME if it is no "
                   "column (repeatable; NAME:decimal=, :integer= or :iri= types the value); never pasted "
                   "into the query.")
@click.option("--limit", type=click.IntRange(0, None), default=None,
              help="Print at most this many rows: one page of the answer, in the query's order.")
@click.option("--offset", type=click.IntRange(0, None), default=0, show_default=True,
              help="Skip this many rows first (with --limit, the page after them).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and the question each answers.")
@click.option("--allow-partial", is_flag=True,
              help="With --endpoint: take an answer the server cut off at its row limit (a warning), "
                   "instead of stopping with an error.")
def query(graph: str | None, sparql: str | None, query_file: Path | None, named: str | None, store: Path | None,
          endpoint: str | None, user: str | None, password: str | None, fmt: str, params: tuple[str, ...],
          limit: int | None, offset: int, list_queries: bool, allow_partial: bool) -> None:
    """Run a SPARQL SELECT query on GRAPH (a Turtle, TriG or other RDF file),
    on an on-disk store (--store) or on a SPARQL endpoint (--endpoint).

    Give the query as SPARQL text, with -f FILE.rq, or with --named NAME.
    """
    from kg import api
    from kg.query import named_queries, to_csv, to_json, to_text

    if list_queries:
        for nq in named_queries().values():
            click.echo(f"{nq.name:<20} {nq.question}")
            click.echo(f"{'':<20} columns: {', '.join(nq.columns)}")
        return
    if (store or endpoint) and graph is not None:
        if sparql is not None:
            raise click.UsageError("with --store or --endpoint, give no graph file")
        graph, sparql = None, graph  # the one argument is the query
    if graph is None and not store and not endpoint:
        raise click.UsageError("give the graph to query (an RDF file), --store PATH, --endpoint URL, or --list")
    given = [x for x in (sparql, query_file, named) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of: a SPARQL query, -f FILE.rq, --named NAME")
    bound = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.UsageError(f"--param {item!r}: write NAME=VALUE")
        bound[name.lstrip("?$")] = value  # NAME:TYPE=VALUE types it (least:decimal=18000)
    if user and password is None:
        password = click.prompt(f"password for {user}", hide_input=True, err=True)
    source = api.source([graph] if graph else [], store, endpoint, user=user, password=password,
                        allow_partial=allow_partial)
    table = api.query(source, text=sparql, named=named, params=bound, file=query_file, limit=limit, offset=offset)
    writer = {"table": to_text, "csv": to_csv, "json": to_json}[fmt]
    click.echo(writer(table), nl=False)
    for note in table.notes:
        click.echo(note, err=True)


@cli.command()
@click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(path_type=Path), help="Push every graph of this on-disk store.")
@click.option("--endpoint", required=True,
              help="Graph Store endpoint (gsp) or SPARQL Update endpoint (update) of the server.")
@click.option("--protocol", type=click.Choice(["gsp", "update"]), default="gsp", show_default=True,
              help="SPARQL 1.1 Graph Store HTTP Protocol, or SPARQL 1.1 Update.")
@click.option("--graph", "only", multiple=True,
              help="Push only this named graph (repeatable); for a .ttl or .nt file, the graph to load it into.")
@click.option("--no-ontology", is_flag=True, help="Do not push the ontology's graph along.")
@_server_options
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def push(graphs: tuple[Path, ...], store: Path | None, endpoint: str, protocol: str, only: tuple[str, ...],
         no_ontology: bool, user: str | None, password: str | None, quiet: bool) -> None:
    """Load graphs into a SPARQL server, each replacing the graph of its name there.

    GRAPHS are RDF files (graph.trig keeps one graph per document) or, with
    --store, everything an on-disk store holds. The ontology goes along, so
    the named queries work on the server (`policykg query --endpoint`). A
    graph that fails is reported and the others are still pushed; the exit
    status is then 1.
    """
    from tqdm import tqdm

    from kg import api

    source = _source(graphs, store, "push")
    if user and password is None:
        password = click.prompt(f"password for {user}", hide_input=True, err=True)
    with tqdm(unit="graph", file=sys.stderr, disable=quiet or not sys.stderr.isatty(), desc="pushing") as bar:
        report = api.push(source, endpoint, protocol=protocol, only=only, ontology=not no_ontology,
                          user=user, password=password, progress=lambda _: bar.update(1))
    if not quiet:
        click.echo(f"pushed {len(report.loaded)} graph{'s' if len(report.loaded) != 1 else ''} "
                   f"({report.triples} triples) to {endpoint}")
        for iri in report.merged:
            click.echo(f"added to {iri} (merged with what the server held there, not replaced)")
    for iri, reason in report.failed:
        click.echo(f"Error: not loaded: {iri}: {reason}", err=True)
    if report.failed:
        sys.exit(1)


@cli.command()
@click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(path_type=Path), help="Serve this on-disk store.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update requests (the endpoint is read-only otherwise).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1, 86400),
              help="Seconds a query may run before it is stopped (answered 503).")
@click.option("--max-result-mb", default=50.0, show_default=True, type=click.FloatRange(0.001, 100000),
              help="Largest result, in megabytes (larger ones are answered 413).")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(1, None),
              help="Most rows a SELECT result may have (more are answered 413).")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE: federated calls from the server to other endpoints.")
@click.option("--allow-load", is_flag=True, help="Allow LOAD (with --allow-update): the server fetching documents by URL.")
@click.option("-w", "--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Queries answered at the same time (one process each).")
@click.option("--in-memory", is_flag=True,
              help="Copy the store into memory in each query worker: questions run up to five times faster, "
                   "for the store's size in memory per worker and a start that reads it all.")
@click.option("--update-token", envvar="POLICYKG_UPDATE_TOKEN",
              help="With --allow-update: the token an update must send (Authorization: Bearer TOKEN); "
                   "without it, one is made and printed at the start. Also from POLICYKG_UPDATE_TOKEN.")
@click.option("--access-log", type=click.Path(path_type=Path),
              help="Append one line a request (time, client, method, path, status, seconds) to this file.")
@click.option("--max-pending", default=64, show_default=True, type=click.IntRange(1, 100000),
              help="Most requests waiting or running at once; more are answered 503 with Retry-After.")
@click.option("--cors", "origins", multiple=True,
              help="With --allow-update: another site (https://example.org) whose pages may send updates; repeatable.")
def serve(graphs: tuple[Path, ...], store: Path | None, host: str, port: int, allow_update: bool, timeout: float,
          max_result_mb: float, max_rows: int, allow_service: bool, allow_load: bool, workers: int,
          in_memory: bool, update_token: str | None, origins: tuple[str, ...], max_pending: int, access_log: Path | None) -> None:
    """Serve a SPARQL 1.1 Protocol endpoint (/sparql) and a query page (/) over
    RDF files or an on-disk store, until interrupted (Ctrl+C).

    Results come as SPARQL JSON, XML, CSV or TSV by the Accept header;
    CONSTRUCT and DESCRIBE as Turtle or JSON-LD. Read-only unless
    --allow-update.
    """
    from kg.server import serve as run_server

    source = _source(graphs, store, "serve")
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host} lets other machines query"
                   + (" and change" if allow_update else "") + " the data", err=True)
    allow = frozenset(name for name, on in (("SERVICE", allow_service), ("LOAD", allow_load)) if on)
    if allow_update and not update_token:
        import secrets

        update_token = secrets.token_urlsafe(24)
        click.echo(f"updates need the header `Authorization: Bearer {update_token}` (or start with --update-token)",
                   err=True)
    run_server(source, host=host, port=port, allow_update=allow_update, timeout=timeout,
               max_mb=max_result_mb, workers=workers, max_rows=max_rows, allow=allow, in_memory=in_memory,
               update_token=update_token, origins=frozenset(o.rstrip("/") for o in origins), max_pending=max_pending, access_log=access_log,
               on_ready=lambda url: click.echo(f"serving {url} (SPARQL endpoint {url}sparql); Ctrl+C stops",
                                               err=True))


@cli.command()
@click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(path_type=Path), help="Draw this on-disk store.")
@click.option("--doc", help="Only this file (its id, as `build` prints it: policy_text).")
@click.option("--classes", help="Only these classes, comma-separated (Task,Measure,Agency…).")
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path),
              help="The page to write (page.html).")
def view(graphs: tuple[Path, ...], store: Path | None, doc: str | None, classes: str | None, output: Path) -> None:
    """Write the interactive graph page of RDF files or an on-disk store: one
    HTML file that opens offline, with search, a legend that filters by
    class, a document filter, a side panel with each node's properties and
    source sentences, and force-directed or hierarchical layout."""
    from kg import api
    from kg.io import atomic_write

    source = _source(graphs, store, "draw")
    wanted = [c.strip() for c in classes.split(",") if c.strip()] if classes else None
    atomic_write(output, api.view(source, doc=doc, classes=wanted))
    click.echo(f"wrote {output}")


@cli.command()
@click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(path_type=Path), help="Report on this on-disk store.")
@click.option("--doc", help="Only this file (its id, as `build` prints it).")
@click.option("-o", "--output", "outdir", required=True, type=click.Path(path_type=Path),
              help="Folder to write report.md, report.html, targets.png, graph.graphml and graph.gexf into.")
def report(graphs: tuple[Path, ...], store: Path | None, doc: str | None, outdir: Path) -> None:
    """Write an analytic report of RDF files or an on-disk store: counts per
    class, actors ranked by degree and betweenness in the task–actor network,
    the task → measure tree, targets beside baselines with the growth each
    demands and a chart of them (Markdown and HTML), and the network as
    GraphML and GEXF for Gephi and Cytoscape."""
    from kg import api

    written = api.report(_source(graphs, store, "report on"), outdir, doc=doc)
    click.echo("wrote " + ", ".join(str(p) for p in written.values()))


@cli.command()
@click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(path_type=Path), help="Read this on-disk store.")
@click.option("--kind", required=True, type=click.Choice(["co-issuance", "collaboration", "citation"]),
              help="co-issuance: bodies that issue a document together; collaboration: bodies that lead or "
                   "support the same task or measure; citation: documents and those they cite, rest on, "
                   "implement, repeal or amend.")
@click.option("--from", "start", type=int, help="Only documents of this year or later.")
@click.option("--to", "end", type=int, help="Only documents of this year or earlier.")
@click.option("-o", "--output", "outdir", required=True, type=click.Path(path_type=Path),
              help="Folder to write <kind>.gexf, <kind>.graphml and <kind>.net into.")
def network(graphs: tuple[Path, ...], store: Path | None, kind: str, start: int | None, end: int | None,
            outdir: Path) -> None:
    """Write the co-issuance, collaboration or citation network of RDF files or
    an on-disk store as GEXF, GraphML and Pajek: bodies (or documents) with
    their level and kind, degree, strength, betweenness and eigenvector
    centrality; ties weighted by the documents or tasks they share (or the
    sentences that cite), with those documents' years."""
    from kg import api

    g = api.network(_source(graphs, store, "read"), kind, start, end)
    written = api.write_network(g, outdir)
    from kg.views.collaboration import summary

    click.echo(summary(g))
    click.echo("wrote " + ", ".join(str(p) for p in written.values()))


@cli.command()
@click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(path_type=Path), help="Read this on-disk store.")
@click.option("-o", "--output", "outdir", required=True, type=click.Path(path_type=Path),
              help="Folder to write instruments.csv, instruments.xlsx and instruments-by-task.csv into.")
def instruments(graphs: tuple[Path, ...], store: Path | None, outdir: Path) -> None:
    """Write the policy-instrument coding of RDF files or an on-disk store in
    the literature's layout (document, task, item, measure, type, kind, cue,
    sentence) as CSV and .xlsx, and the cross table of kinds against tasks."""
    from kg import api

    written = api.instruments(_source(graphs, store, "read"), outdir)
    click.echo("wrote " + ", ".join(str(p) for p in written.values()))


@cli.command()
@click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(path_type=Path), help="Export this on-disk store.")
@click.option("--format", "fmt", required=True, type=_FormatChoice(),
              help="The format (the README's layout section says what each holds).")
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path), help="The file to write.")
def export(graphs: tuple[Path, ...], store: Path | None, fmt: str, output: Path) -> None:
    """Export the triples of RDF files or an on-disk store for other tools:
    RDF (Turtle; N-Triples; N-Quads and TriG, one named graph per file read;
    JSON-LD with the context of ontology/policy.context.jsonld; RDF/XML), CSV
    for spreadsheets (a row per triple, with labels), the network of tasks,
    actors and goals (GraphML, GEXF, Pajek) or the interactive page. The same
    graph always gives the same bytes, those `build -o` writes."""
    from kg import api

    written = api.export_to(_source(graphs, store, "export"), fmt, output)
    click.echo(f"wrote {output} ({written.stat().st_size} bytes)")


@cli.command()
@click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--store", type=click.Path(path_type=Path), help="Validate this on-disk store.")
def validate(graphs: tuple[Path, ...], store: Path | None) -> None:
    """Check RDF files or an on-disk store against ontology/shapes.ttl (SHACL):
    every target with one value, indicator, comparator and a time horizon,
    every fact traced to a sentence with offsets, every task in a document….
    Prints each violation and warning; the exit status is 1 if there is a
    violation."""
    from tqdm import tqdm

    from kg import api

    source = _source(graphs, store, "validate")
    files = len(source.file_ids())
    with tqdm(total=files, file=sys.stderr, unit="file", disable=files < 2 or not sys.stderr.isatty(),
              desc="validating") as bar:
        conforms, findings, checked = api.validate(source, progress=bar.update)
    for finding in findings:
        click.echo(str(finding))
    violations = sum(f.severity == "Violation" for f in findings)
    warnings = sum(f.severity == "Warning" for f in findings)
    click.echo(f"{'conforms' if conforms else 'does not conform'}: {violations} violation"
               f"{'s' if violations != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''} "
               f"({checked} triples checked)")
    if not conforms:
        sys.exit(1)


def main() -> None:
    """Entry point of the ``policykg`` console script."""
    signal.signal(signal.SIGTERM, _stop)  # `serve` installs its own
    cli(prog_name="policykg")


def _stop(signum, frame) -> None:
    """A ``kill`` stops a command the way Ctrl-C does: the file being written is finished, the
    workers are stopped, and the command says it was aborted."""
    raise KeyboardInterrupt
