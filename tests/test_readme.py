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


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    root = tmp_path_factory.mktemp("readme")
    (root / "data").mkdir()
    shutil.copy(ROOT / "data" / "policy_text.txt", root / "data" / "policy_text.txt")
    return root


@pytest.mark.parametrize("command, expected", BLOCKS, ids=[b[0][:50] for b in BLOCKS])
def test_readme_output_is_what_the_command_prints(workdir, monkeypatch, command, expected):
    monkeypatch.chdir(workdir)
    if not command.startswith("build") and not (workdir / "out" / "graph.ttl").exists():
        assert CliRunner().invoke(cli, ["build", "data/policy_text.txt", "-o", "out"]).exit_code == 0
    result = CliRunner().invoke(cli, shlex.split(command))
    assert result.exit_code == 0, result.output
    assert result.output == expected


def _update() -> None:
    """Rewrite every `$ policykg …` block of the README with what the command prints now."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = __import__("pathlib").Path(tmp)
        (root / "data").mkdir()
        shutil.copy(ROOT / "data" / "policy_text.txt", root / "data" / "policy_text.txt")
        import os

        os.chdir(root)
        CliRunner().invoke(cli, ["build", "data/policy_text.txt", "-o", "out"])

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
