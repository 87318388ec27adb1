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
    # the chart, read back: 2018年…拥有有效发明专利9.9万件 and 到2021年…超过15万件, in the panel of 件
    import re

    svg = next(o["data"]["image/svg+xml"] for cell in outputs.values() for o in cell
               if "image/svg+xml" in o.get("data", {}))
    heights = {gid: max(ys) - min(ys) for gid, ys in
               ((g, [float(y) for y in re.findall(r"[ML] [\d.]+ ([\d.]+)", d)])
                for g, d in re.findall(r'<g id="((?:baseline|target)-[^"]*)">\s*<path d="([^"]*)"', svg))}
    assert abs(heights["target-件-0"] / heights["baseline-件-0"] - 150000 / 99000) < 0.01
    assert "Noto Sans CJK SC" in svg or "WenQuanYi" in svg  # Chinese set in a Simplified Chinese face
    assert any("<iframe" in str(o.get("data", {}).get("text/html", "")) for cell in outputs.values() for o in cell)
    # the corpus in a store: every file of the folder read, the report written from the store, and the
    # endpoint's answer, which names the Anhui action plan (its targets: 到2023年…) among the documents
    corpus = sorted(p.stem for p in (ROOT / "tests" / "data" / "corpus").glob("*.txt"))
    assert f"{len(corpus)} files," in text and "0 could not be read" in text
    assert all(name in text for name in corpus[:3])  # the documents' files, listed
    assert "report.md" in text and "| agency |" in text
    assert "安徽省工业互联网创新发展行动计划" in text and "targets" in text

