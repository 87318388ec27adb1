"""`policykg report`: what a graph holds, for a researcher to read, and the network for Gephi.

Writes into a folder:

- ``report.md`` and ``report.html``: counts per class; the actors ranked by
  degree and betweenness centrality in the task–actor network; the task →
  measure tree of each plan; the targets beside their baselines with the
  growth each demands; a bar chart of targets against baselines;
- ``targets.png``: that chart (matplotlib), also embedded in the HTML;
- (``graph.graphml`` and ``graph.gexf``, the NetworkX graph for Gephi,
  Cytoscape or yEd, are written beside them by :func:`kg.api.report`, in the
  formats of those names: :mod:`kg.formats.network`.)

The task–actor network links each agency to the tasks, measures and
guarantee measures it leads, supports or is involved in, and each task to its
measures; an agency's degree is how many of those it is linked to, its
betweenness how often it lies on the shortest paths between others (how much
it bridges the plan's parts).
"""

from __future__ import annotations

import base64
import io
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import networkx as nx

from kg.rdf.ontology import local_name, term_labels

ACTORS = ("Agency", "ProtectionCentre")
WORK = ("Task", "Measure", "GuaranteeMeasure")
ROLES = ("Lead", "Support", "Involved")
# Betweenness on more nodes than this is estimated from this many sampled sources.
SAMPLE = 400
# The most measures listed under one task (the rest are counted).
MEASURES_SHOWN = 8


@dataclass
class Report:
    title: str
    counts: list[tuple[str, str, int]] = field(default_factory=list)  # (zh, en, n)
    actors: list[dict] = field(default_factory=list)
    sampled: int | None = None  # betweenness estimated from this many sampled sources
    trees: list[dict] = field(default_factory=list)
    growth: list[dict] = field(default_factory=list)
    chart: bytes | None = None
    targets: list[dict] = field(default_factory=list)  # every target, in the order the files give them


def task_actor_network(g: nx.MultiDiGraph) -> nx.Graph:
    """Agencies linked to the work they take part in, and tasks to their measures."""
    net = nx.Graph()
    for s, o, data in g.edges(data=True):
        cs, co = g.nodes[s]["cls"], g.nodes[o]["cls"]
        if cs in ACTORS and co in WORK and data["relation"] in ROLES:
            net.add_edge(s, o)
        elif cs == "Task" and co in WORK and data["relation"] == "hasMeasure":
            net.add_edge(s, o)
    return net


def rank_actors(g: nx.MultiDiGraph, top: int = 20) -> tuple[list[dict], int | None]:
    """The agencies by degree, then betweenness; and the sample size if betweenness was estimated."""
    net = task_actor_network(g)
    if not net:
        return [], None
    k = min(SAMPLE, len(net)) if len(net) > SAMPLE else None
    between = nx.betweenness_centrality(net, k=k, seed=7, normalized=True)
    rows = []
    for node in net:
        if g.nodes[node]["cls"] not in ACTORS:
            continue
        roles = Counter(d["relation"] for _, o, d in g.out_edges(node, data=True) if g.nodes[o]["cls"] in WORK)
        rows.append({"agency": g.nodes[node]["label"], "degree": net.degree(node),
                     "betweenness": round(between[node], 4), "lead": roles["Lead"], "support": roles["Support"],
                     "involved": roles["Involved"]})
    rows.sort(key=lambda r: (-r["degree"], -r["betweenness"], r["agency"]))
    return rows[:top], k


def task_trees(g: nx.MultiDiGraph) -> list[dict]:
    """Each plan's tasks in order, with their measures."""
    trees = []
    for doc, data in sorted(g.nodes(data=True), key=lambda x: x[1]["label"]):
        if data["cls"] != "PolicyDocument":
            continue
        tasks = [o for _, o, d in g.out_edges(doc, data=True) if d["relation"] == "hasTask"]
        if not tasks:
            continue
        entries = []
        for task in sorted(tasks, key=_order(g)):
            measures = sorted((o for _, o, d in g.out_edges(task, data=True) if d["relation"] == "hasMeasure"),
                              key=_order(g))
            entries.append({"task": g.nodes[task]["label"], "count": len(measures),
                            "measures": [g.nodes[m]["label"] for m in measures[:MEASURES_SHOWN]]})
        trees.append({"document": data["label"], "tasks": entries})
    return trees


def _order(g: nx.MultiDiGraph):
    def key(node: str):
        props = {local_name(k): v for k, v in g.nodes[node].get("props", [])}
        try:
            return (int(props.get("order", 0)), node)
        except ValueError:
            return (0, node)
    return key


# The most pairs a chart shows (the table lists them all).
CHART_PAIRS = 12


def chart(growth: list[dict]) -> bytes | None:
    """A PNG of targets against baselines (log scale when they differ by orders of magnitude)."""
    seen, pairs = set(), []
    for r in growth:
        key = (r["indicator"], r["baseline"], r["baseline_year"], r["target"], r["deadline"])
        if key not in seen:
            seen.add(key)
            pairs.append(r)
    growth = pairs[:CHART_PAIRS]
    if not growth:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    cjk = [f for f in ("Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "SimHei", "PingFang SC")
           if f in names]
    labels = [f"{r['indicator']}" + (f" ({r['unit']})" if r.get("unit") else "") + f"\n{r['baseline_year']}→{r['deadline']}"
              for r in growth]
    baselines = [float(r["baseline"]) for r in growth]
    targets = [float(r["target"]) for r in growth]
    with plt.rc_context({"font.family": "sans-serif", "font.sans-serif": cjk + ["DejaVu Sans"],
                         "axes.unicode_minus": False, "svg.hashsalt": "policy-kg"}):
        fig, ax = plt.subplots(figsize=(max(6.0, 1.6 * len(growth) + 2), 4.2), dpi=100)
        xs = range(len(growth))
        (bz, be), (tz, te) = term_labels("Baseline"), term_labels("Target")
        ax.bar([x - 0.2 for x in xs], baselines, width=0.4, label=f"{bz} {be}", color="#8d6e63")
        ax.bar([x + 0.2 for x in xs], targets, width=0.4, label=f"{tz} {te}", color="#e65100")
        values = [v for v in baselines + targets if v > 0]
        if values and max(values) / min(values) > 100:
            ax.set_yscale("log")
        ax.set_xticks(list(xs), labels, fontsize=9)
        ax.set_title(f"{tz} / {bz} · {te}s against {be}s")
        ax.legend(frameon=False)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png", metadata={"Software": None})
        plt.close(fig)
    return out.getvalue()


def build_report(g: nx.MultiDiGraph, growth_rows: list[dict], title: str) -> Report:
    counts = Counter(d["cls"] for _, d in g.nodes(data=True))
    report = Report(title)
    report.counts = [(*term_labels(cls), n) for cls, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    report.actors, report.sampled = rank_actors(g)
    report.trees = task_trees(g)
    report.growth = growth_rows
    report.chart = chart(growth_rows)
    report.targets = every_target(g)
    return report


def every_target(g: nx.MultiDiGraph) -> list[dict]:
    """Every target of the graph, with its indicator, comparator, value, unit and deadline as read."""
    rows = []
    for node, data in g.nodes(data=True):
        if data["cls"] != "Target":
            continue
        props = {local_name(k): v for k, v in data.get("props", [])}
        rows.append({"file": data.get("file", ""), "start": data.get("start") if data.get("start") is not None else -1,
                     "indicator": props.get("indicatorText", data["label"]), "comparator": props.get("comparator", ""),
                     "value": props.get("value", ""), "unit": props.get("unit", ""),
                     "deadline": props.get("deadline", "")})
    return sorted(rows, key=lambda r: (r["file"], r["start"], r["indicator"]))


def thousands(text) -> str:
    """A number written with thousands separators (150000 → 150,000; 8.6 stays 8.6); anything else as it is."""
    try:
        number = Decimal(str(text))
    except (InvalidOperation, ValueError):
        return str(text)
    if not number.is_finite():
        return str(text)
    whole, _, fraction = format(number, "f").partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}" + (f".{fraction}" if fraction else "")


def _md_escape(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _templates(autoescape: bool):
    from jinja2 import Environment, FileSystemLoader

    from kg.views.html import TEMPLATES

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=autoescape, keep_trailing_newline=True)
    env.filters["cell"] = _md_escape
    env.filters["num"] = thousands
    return env


def to_markdown(r: Report) -> str:
    return _templates(False).get_template("report.md").render(r=r)


def to_html(r: Report) -> str:
    image = base64.b64encode(r.chart).decode("ascii") if r.chart else None
    return _templates(True).get_template("report.html").render(r=r, image=image)


def write_report(g: nx.MultiDiGraph, growth_rows: list[dict], outdir: str | Path, title: str) -> dict[str, Path]:
    from kg.io import atomic_write, prepare_dir

    folder = prepare_dir(outdir)
    report = build_report(g, growth_rows, title)
    written = {}
    if report.chart:
        written["targets.png"] = atomic_write(folder / "targets.png", report.chart)
    written["report.md"] = atomic_write(folder / "report.md", to_markdown(report))
    written["report.html"] = atomic_write(folder / "report.html", to_html(report))
    return written


def growth_dicts(table) -> list[dict]:
    """Rows of the ``growth`` named query as dicts of plain strings."""
    from kg.query import cell

    rows = [{c: cell(t) for c, t in zip(table.columns, row)} for row in table.rows]
    for row in rows:
        for key in ("baseline", "target"):
            row[key] = format(Decimal(row[key]).normalize(), "f") if row[key] else row[key]
    return rows
