"""The README's tour is real: every `$ policykg …` and `$ curl …` block is run
and its output compared, and the Python snippet is run and its printed output
compared with the text block after it.

`python tests/test_readme.py --update` rewrites those outputs from what the
commands print now (Virtuoso must be running for the push and --endpoint blocks).
"""

import contextlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kg.cli import cli

try:
    from conftest import ROOT
except ImportError:  # run as a script
    import pathlib as _pl

    sys.path.insert(0, str(_pl.Path(__file__).parent))
    from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```console\n\$ (policykg|curl) (.*?)\n((?:(?!```).)*?)```", re.S)
BLOCKS = [(m.group(1), m.group(2), m.group(3)) for m in BLOCK.finditer(README)]
SNIPPET = re.compile(r"```python\n((?:(?!```).)*?)```\n\n```text\n((?:(?!```).)*?)```", re.S)
SNIPPETS = [(m.group(1), m.group(2)) for m in SNIPPET.finditer(README)]
# ```markdown PATH (or ```text PATH N) blocks quote an excerpt of a file the tour writes
# (N lines of it, from where the excerpt started before).
EXCERPT = re.compile(r"```(markdown|text) (\S+)(?: (\d+))?\n((?:(?!```).)*?)```", re.S)
EXCERPTS = [(m.group(2), m.group(4)) for m in EXCERPT.finditer(README)]
# How many lines an excerpt takes from its file when the README is updated.
EXCERPT_LINES = 9
DOC_SERVER = "http://127.0.0.1:8000"  # the endpoint the README talks about
VIRTUOSO = "http://127.0.0.1:8890"


def test_readme_gives_the_two_setup_commands():
    assert "make demo" in README and "make test" in README


def test_readme_has_a_tour():
    assert len(BLOCKS) >= 6
    assert BLOCKS[0][1].startswith("build ")
    assert SNIPPETS and any(tool == "curl" for tool, _, _ in BLOCKS)


def test_readme_shows_each_page_as_the_browser_tests_took_it():
    from PIL import Image

    shown = re.findall(r"!\[[^\]]+\]\((docs/screenshots/([\w-]+)\.png)\)", README)
    taken = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "browser").glob("test_*.py"))
    # the graph page, a node's panel, the WebGL page, the query page and the report
    assert {name for _, name in shown} >= {"seed-graph", "seed-target-panel", "corpus-webgl", "query-page",
                                            "seed-report"}
    for path, name in shown:
        assert f'"{name}.png"' in taken, f"{name}.png is no screenshot a browser test takes"
        with Image.open(ROOT / path) as im:
            assert im.format == "PNG" and im.width == 1000 and im.height > 300


def prepare(root):
    """The directory the tour runs in: the seed, and a folder of downloaded documents
    (the development and held-out documents, and one PDF that is not one)."""
    (root / "data").mkdir()
    shutil.copy(ROOT / "data" / "policy_text.txt", root / "data" / "policy_text.txt")
    corpus = root / "corpus"
    corpus.mkdir()
    for folder in ("corpus", "holdout"):
        for path in sorted((ROOT / "tests" / "data" / folder).glob("*.txt")):
            shutil.copy(path, corpus / path.name)
    (corpus / "notice.pdf").write_bytes("<html><body>404 页面不存在</body></html>".encode("utf-8"))
    return root


def expected_exit(output: str) -> int:
    """A block that shows an error line shows a run that exits 1."""
    return 1 if any(line.startswith("Error: ") for line in output.splitlines()) else 0


def needs(root, command: str) -> None:
    """Build what a block relies on, if an earlier block has not."""
    if not command.startswith("build data/") and not (root / "out" / "graph.ttl").exists():
        CliRunner().invoke(cli, ["build", "data/policy_text.txt", "-o", "out"])
    if "corpus-out/" in command and not (root / "corpus-out" / "graph.trig").exists():
        CliRunner().invoke(cli, ["build", "corpus", "-o", "corpus-out"])
    if "corpus-store" in command and not (root / "corpus-store" / "manifest.json").exists():
        CliRunner().invoke(cli, ["build", "corpus", "--store", "corpus-store", "-q"])
    if "--store corpus-store --endpoint" in command:
        wipe_virtuoso()


def wipe_virtuoso() -> None:
    """Remove the policy-kg graphs a server holds, so that a push shows what it loads."""
    import requests

    found = requests.get(f"{VIRTUOSO}/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                                                                'FILTER STRSTARTS(STR(?g), "https://w3id.org/policy-kg/") }'},
                         headers={"Accept": "application/sparql-results+json"}, timeout=60).json()
    for b in found["results"]["bindings"]:
        requests.delete(f"{VIRTUOSO}/sparql-graph-crud-auth", params={"graph": b["g"]["value"]}, timeout=60,
                        auth=requests.auth.HTTPDigestAuth("dba", "dba"))


def run_block(tool: str, command: str, server: str | None) -> tuple[int, str]:
    if tool == "policykg":
        result = CliRunner().invoke(cli, shlex.split(command))
        return result.exit_code, result.output
    argv = ["curl"] + shlex.split(command.replace(DOC_SERVER, server))
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout


def run_snippet(code: str, server: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code.replace(DOC_SERVER, server), "README.md", "exec"), {})
    return out.getvalue()


@contextlib.contextmanager
def doc_server(root):
    """`policykg serve --store corpus-store` on a free port, for the curl and Python blocks."""
    sys.path.insert(0, str(ROOT / "tests" / "server"))
    from test_serve import start, stop

    needs(root, "corpus-store")
    process, url = start("--store", root / "corpus-store")
    try:
        yield url.rstrip("/")
    finally:
        stop(process)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return prepare(tmp_path_factory.mktemp("readme"))


@pytest.fixture(scope="module")
def server(workdir):
    cwd = os.getcwd()
    os.chdir(workdir)
    try:
        with doc_server(workdir) as url:
            yield url
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("tool, command, expected", BLOCKS, ids=[f"{b[0]} {b[1][:50]}" for b in BLOCKS])
def test_readme_output_is_what_the_command_prints(workdir, monkeypatch, request, tool, command, expected):
    if VIRTUOSO in command:
        request.getfixturevalue("virtuoso")
    url = request.getfixturevalue("server") if tool == "curl" else None
    monkeypatch.chdir(workdir)
    needs(workdir, command)
    code, output = run_block(tool, command, url)
    assert code == expected_exit(expected), output
    assert output == expected


@pytest.mark.parametrize("path, excerpt", EXCERPTS)
def test_readme_quotes_what_the_files_hold(workdir, path, excerpt):
    # the blocks before have run (they write the file); the excerpt must be a run of its lines
    assert (workdir / path).exists(), f"no block of the tour writes {path}"
    assert excerpt.strip() and excerpt in (workdir / path).read_text(encoding="utf-8")


def _excerpt(text: str, old: str, count: int = EXCERPT_LINES) -> str:
    """The lines of ``text`` that an excerpt quotes: from where the old excerpt began
    (the ranking of actors, for a new report excerpt; the top of other files)."""
    lines = text.splitlines(keepends=True)
    head = old.splitlines(keepends=True)[0] if old.strip() else ""
    start = next((k for k, line in enumerate(lines) if head and line == head), None)
    if start is None:
        start = next((k for k, line in enumerate(lines) if line.startswith("| agency")), 0)
    return "".join(lines[start:start + count])


@pytest.mark.parametrize("code, expected", SNIPPETS)
def test_readme_python_prints_what_it_says(workdir, server, code, expected):
    assert run_snippet(code, server) == expected


def _update() -> None:
    """Rewrite every block's output with what it prints now."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        root = prepare(Path(tmp))
        os.chdir(root)
        with doc_server(root) as url:
            def block(m: re.Match) -> str:
                tool, command = m.group(1), m.group(2)
                needs(root, command)
                _, output = run_block(tool, command, url)
                return f"```console\n$ {tool} {command}\n{output}```"

            def snippet(m: re.Match) -> str:
                return f"```python\n{m.group(1)}```\n\n```text\n{run_snippet(m.group(1), url)}```"

            text = BLOCK.sub(block, README)
            text = SNIPPET.sub(snippet, text)

            def excerpt(m: re.Match) -> str:
                kind, path, count = m.group(1), m.group(2), m.group(3)
                content = (root / path).read_text(encoding="utf-8")
                head = f"```{kind} {path}" + (f" {count}" if count else "")
                return f"{head}\n{_excerpt(content, m.group(4), int(count or EXCERPT_LINES))}```"

            text = EXCERPT.sub(excerpt, text)
    (ROOT / "README.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "tests"))
    if "--update" in sys.argv:
        _update()
