"""notebooks/explore.ipynb runs top to bottom, and is committed without outputs."""

import nbformat
import pytest

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_the_notebook_is_committed_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)


def test_the_notebook_runs_top_to_bottom():
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = {k: c.outputs for k, c in enumerate(nb.cells) if c.cell_type == "code"}
    errors = [o for cell in outputs.values() for o in cell if o.output_type == "error"]
    assert errors == []
    text = "".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
                   for cell in outputs.values() for o in cell)
    assert "有效发明专利拥有量" in text and "51.5" in text  # the growth question, as a DataFrame
    assert any("image/png" in o.get("data", {}) for cell in outputs.values() for o in cell)  # the chart
    assert any("<iframe" in str(o.get("data", {}).get("text/html", "")) for cell in outputs.values() for o in cell)
