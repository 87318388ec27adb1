"""The ``policykg`` command line: parses arguments, calls :mod:`kg.api`, prints.

Errors a user can fix (:class:`kg.errors.PolicyKGError`) are printed as one
line on stderr with exit status 1; usage errors exit with 2.
"""

from __future__ import annotations

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
@click.option("-o", "--output", "outdir", required=True, type=click.Path(path_type=Path),
              help="Folder to write graph.ttl, graph.trig and graph.html into (created if missing).")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of the graph's resources.")
@click.option("-w", "--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Read documents in this many processes.")
@click.option("--no-html", is_flag=True, help="Do not write graph.html.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths: tuple[Path, ...], outdir: Path, base: str, workers: int, no_html: bool, quiet: bool) -> None:
    """Build the knowledge graph of policy documents: files (.txt, .html,
    .docx, .pdf) or folders of them.

    Writes OUTDIR/graph.ttl (all triples, Turtle), OUTDIR/graph.trig (one
    named graph per file plus the shared agencies, TriG) and OUTDIR/graph.html
    (interactive graph that opens offline), and prints what was found. A
    document that cannot be read is reported and the others are built; the
    exit status is then 1.
    """
    from tqdm import tqdm

    from kg import api

    files = api.documents_in(paths)
    with tqdm(total=len(files), file=sys.stderr, unit="doc", disable=quiet or len(files) < 2 or not sys.stderr.isatty(),
              desc="reading") as bar:
        result = api.build(files, base=base, workers=workers, progress=lambda _: bar.update(1))
    if not result.extractions:
        raise PolicyKGError("; ".join(str(f) for f in result.failures))
    written = api.write(result, outdir, with_html=not no_html)
    if not quiet:
        click.echo(api.summary(result))
        click.echo("wrote " + ", ".join(str(p) for p in written.values()) + f" ({len(result.graph)} triples)")
    for failure in result.failures:
        click.echo(f"Error: {failure}", err=True)
    if result.failures:
        sys.exit(1)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--clean", is_flag=True, help="Print the normalised text (one paragraph per line) instead.")
def text(file: Path, clean: bool) -> None:
    """Print the text policy-kg reads from FILE (.txt, .html, .docx, .pdf).

    Character offsets in the graph count code points in exactly this text.
    """
    from kg.text.read import read_source

    source = read_source(file)
    if clean:
        from kg.text.normalize import normalize

        click.echo(normalize(source.text).text)
    else:
        click.echo(source.text, nl=not source.text.endswith("\n"))


@cli.command()
@click.argument("graph", required=False, type=click.Path(path_type=Path))
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(path_type=Path), help="Read the query from a .rq file.")
@click.option("-n", "--named", help="Run a named query shipped with policy-kg (see --list).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="table for reading, csv for spreadsheets, json for SPARQL 1.1 JSON results.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Keep the rows whose column NAME is VALUE, or bind the query variable ?NAME if it is no "
                   "column (repeatable); never pasted into the query.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and the question each answers.")
def query(graph: Path | None, sparql: str | None, query_file: Path | None, named: str | None, fmt: str,
          params: tuple[str, ...], list_queries: bool) -> None:
    """Run a SPARQL SELECT query on GRAPH (a Turtle or other RDF file).

    Give the query as SPARQL text, with -f FILE.rq, or with --named NAME.
    """
    from kg import api
    from kg.errors import InputError, QueryError
    from kg.sparql import named_queries, to_csv, to_json, to_text

    if list_queries:
        for nq in named_queries().values():
            click.echo(f"{nq.name:<18} {nq.question}")
            click.echo(f"{'':<18} columns: {', '.join(nq.columns)}")
        return
    if graph is None:
        raise click.UsageError("give the graph to query (a .ttl file), or --list")
    given = [x for x in (sparql, query_file, named) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of: a SPARQL query, -f FILE.rq, --named NAME")
    bound = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise click.UsageError(f"--param {item!r}: write NAME=VALUE")
        bound[name.lstrip("?$")] = value
    text = None
    if query_file is not None:
        try:
            text = query_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{query_file}: cannot read the query ({exc.strerror})") from None
        except UnicodeDecodeError:
            raise QueryError(f"{query_file}: the query file is not UTF-8 text") from None
    elif sparql:
        text = sparql
    dataset = api.load([graph])
    table = api.query(dataset, text=text, named=named, params=bound)
    writer = {"table": to_text, "csv": to_csv, "json": to_json}[fmt]
    click.echo(writer(table), nl=False)


def main() -> None:
    """Entry point of the ``policykg`` console script."""
    cli(prog_name="policykg")
