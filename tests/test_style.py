"""House rules that a reviewer would otherwise have to remember."""

import ast
import re
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parents[1] / "kg"
HAN = re.compile(r"[\u4e00-\u9fff]")


def _literals(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and ast.get_docstring(node):
            docstrings.add(id(node.body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node


@pytest.mark.parametrize("path", sorted(KG.rglob("*.py")), ids=lambda p: str(p.relative_to(KG)))
def test_library_code_holds_no_chinese_literals(path):
    """Words and patterns live in kg/resources, where researchers can read and extend them."""
    offending = [(n.lineno, n.value[:30]) for n in _literals(path) if HAN.search(n.value)]
    assert offending == []


def test_no_work_at_import_time():
    import subprocess
    import sys

    code = "import sys, kg, kg.cli; print(sorted(m for m in ('jieba', 'rdflib', 'networkx', 'pyvis') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
