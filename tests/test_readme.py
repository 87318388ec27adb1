"""The README's tour is real: every `$ policykg …` block is run and its output compared."""

import re
import shlex
import shutil

import pytest
from click.testing import CliRunner

from kg.cli import cli

try:
    from conftest import ROOT
except ImportError:  # run as a script
    import sys as _sys, pathlib as _pl
    _sys.path.insert(0, str(_pl.Path(__file__).parent))
    from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n\$ policykg (.*?)\n(.*?)```", README, re.S)


def test_readme_gives_the_two_setup_commands():
    assert "make demo" in README and "make test" in README


def test_readme_has_a_tour():
    assert len(BLOCKS) >= 6
    assert BLOCKS[0][0].startswith("build ")


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


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return prepare(tmp_path_factory.mktemp("readme"))


@pytest.mark.parametrize("command, expected", BLOCKS, ids=[b[0][:50] for b in BLOCKS])
def test_readme_output_is_what_the_command_prints(workdir, monkeypatch, command, expected):
    monkeypatch.chdir(workdir)
    if not command.startswith("build") and not (workdir / "out" / "graph.ttl").exists():
        assert CliRunner().invoke(cli, ["build", "data/policy_text.txt", "-o", "out"]).exit_code == 0
    if "corpus-out/" in command and not (workdir / "corpus-out" / "graph.trig").exists():
        CliRunner().invoke(cli, ["build", "corpus", "-o", "corpus-out"])
    result = CliRunner().invoke(cli, shlex.split(command))
    assert result.exit_code == expected_exit(expected), result.output
    assert result.output == expected


def _update() -> None:
    """Rewrite every `$ policykg …` block of the README with what the command prints now."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = prepare(__import__("pathlib").Path(tmp))
        import os

        os.chdir(root)
        CliRunner().invoke(cli, ["build", "data/policy_text.txt", "-o", "out"])
        CliRunner().invoke(cli, ["build", "corpus", "-o", "corpus-out"])

        def run(m: re.Match) -> str:
            result = CliRunner().invoke(cli, shlex.split(m.group(1)))
            return f"```console\n$ policykg {m.group(1)}\n{result.output}```"

        text = re.sub(r"```console\n\$ policykg (.*?)\n(.*?)```", run, README, flags=re.S)
    (ROOT / "README.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
    if "--update" in sys.argv:
        _update()
