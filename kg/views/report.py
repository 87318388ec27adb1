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
# ...and fewer on a graph so large that 400 would take minutes (networkx visits every node and edge
# once a source): at most this many node and edge visits in all, and never fewer than MIN_SAMPLE sources.
VISITS = 2_000_000
MIN_SAMPLE = 8


def samples(net: nx.Graph) -> int | None:
    """How many sources betweenness is estimated from on ``net`` (None: computed exactly)."""
    if len(net) <= SAMPLE:
        return None
    return max(MIN_SAMPLE, min(SAMPLE, VISITS // (net.number_of_nodes() + net.number_of_edges())))
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
    chart: bytes | None = None  # PNG
    chart_svg: bytes | None = None  # the same chart, its bars named (see :func:`chart`)
    targets: list[dict] = field(default_factory=list)  # every target, in the order the files give them
    networks: list[dict] = field(default_factory=list)  # co-issuance, collaboration, citation (collaboration.overview)
    network_chart: bytes | None = None  # their density year by year (PNG)


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


def collaboration_betweenness(g: nx.MultiDiGraph, net: nx.Graph | None = None) -> dict[str, float]:
    """Each node's betweenness in the task–actor (collaboration) network of the whole graph (``net``, if
    made already), estimated from :func:`samples` sources (seeded, so the same graph gives the same
    figures) on a larger one; 0 off it."""
    net = task_actor_network(g) if net is None else net
    if not net:
        return {}
    return nx.betweenness_centrality(net, k=samples(net), seed=7, normalized=True)


def rank_actors(g: nx.MultiDiGraph, top: int = 20) -> tuple[list[dict], int | None]:
    """The agencies by degree, then betweenness; and the sample size if betweenness was estimated."""
    net = task_actor_network(g)
    if not net:
        return [], None
    k = samples(net)
    between = collaboration_betweenness(g, net)
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


def chart(growth: list[dict]) -> tuple[bytes, bytes] | None:
    """Targets against their baselines, one panel per unit, each with its own axis (log scale where its values
    differ by orders of magnitude): as PNG and SVG. In the SVG each bar is a group whose id says what it
    draws (``baseline-件-0``, ``target-件-0``: the unit, then the pair's place in its panel), so its data can
    be read back."""
    seen, pairs = set(), []
    for r in growth:
        key = (r["indicator"], r["baseline"], r["baseline_year"], r["target"], r["deadline"])
        if key not in seen:
            seen.add(key)
            pairs.append(r)
    pairs = pairs[:CHART_PAIRS]
    if not pairs:
        return None
    units: dict[str, list[dict]] = {}
    for r in pairs:
        units.setdefault(r.get("unit") or "", []).append(r)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    cjk = [f for f in ("Noto Sans CJK SC", "WenQuanYi Zen Hei", "SimHei", "PingFang SC", "Noto Sans CJK JP")
           if f in names]
    (bz, be), (tz, te) = term_labels("Baseline"), term_labels("Target")
    widest = max(len(rows) for rows in units.values())
    with plt.rc_context({"font.family": "sans-serif", "font.sans-serif": cjk + ["DejaVu Sans"],
                         "axes.unicode_minus": False, "svg.hashsalt": "policy-kg", "svg.fonttype": "none"}):
        fig, axes = plt.subplots(len(units), 1, squeeze=False,
                                 figsize=(max(6.0, 1.6 * widest + 2), 3.4 * len(units) + 0.6), dpi=100)
        for ax, (unit, rows) in zip(axes[:, 0], units.items()):
            _panel(ax, unit, rows, (f"{bz} {be}", f"{tz} {te}"))
        fig.suptitle(f"{tz} / {bz} · {te}s against {be}s, one panel per unit")
        fig.tight_layout()
        png, svg = io.BytesIO(), io.BytesIO()
        fig.savefig(png, format="png", metadata={"Software": None})
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
        plt.close(fig)
    return png.getvalue(), svg.getvalue()


def _panel(ax, unit: str, rows: list[dict], legend: tuple[str, str]) -> None:
    """One unit's pairs of bars, baseline and target, each bar's group named for reading back."""
    from matplotlib.ticker import FuncFormatter

    xs = range(len(rows))
    for k, r in enumerate(rows):
        ax.bar(k - 0.2, float(r["baseline"]), width=0.4, color="#8d6e63", gid=f"baseline-{unit}-{k}",
               label=legend[0] if k == 0 else None)
        ax.bar(k + 0.2, float(r["target"]), width=0.4, color="#e65100", gid=f"target-{unit}-{k}",
               label=legend[1] if k == 0 else None)
    values = [float(r[c]) for r in rows for c in ("baseline", "target") if float(r[c]) > 0]
    if values and max(values) / min(values) > 100:
        ax.set_yscale("log")
    ax.set_xticks(list(xs), [f"{r['indicator']}\n{r['baseline_year']}→{r['deadline']}" for r in rows], fontsize=9)
    ax.set_ylabel(unit or "(no unit)")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 or v == 0 else f"{v:g}"))
    ax.legend(frameon=False, fontsize=8)


def build_report(g: nx.MultiDiGraph, growth_rows: list[dict], title: str, networks=()) -> Report:
    counts = Counter(d["cls"] for _, d in g.nodes(data=True))
    report = Report(title)
    report.counts = [(*term_labels(cls), n) for cls, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    report.actors, report.sampled = rank_actors(g)
    report.trees = task_trees(g)
    report.growth = growth_rows
    drawn = chart(growth_rows)
    report.chart, report.chart_svg = drawn if drawn else (None, None)
    report.targets = every_target(g)
    from kg.views.collaboration import density_chart, overview

    report.networks = [overview(n) for n in networks]
    report.network_chart = density_chart(report.networks)
    return report


def every_target(g: nx.MultiDiGraph) -> list[dict]:
    """Every target of the graph, with its indicator, comparator, value, unit and deadline as read, and the
    baseline it is measured from where the file gives one: of the same canonical indicator (the same
    Indicator node), unit and scope, read from the same file, the latest before the deadline."""
    rows = []
    for node, data in g.nodes(data=True):
        if data["cls"] != "Target":
            continue
        props = {local_name(k): v for k, v in data.get("props", [])}
        base = _baseline_of(g, node, data, props)
        rows.append({"file": data.get("file", ""), "start": data.get("start") if data.get("start") is not None else -1,
                     "indicator": props.get("indicatorText", data["label"]), "comparator": props.get("comparator", ""),
                     "value": props.get("value", ""), "unit": props.get("unit", ""),
                     "deadline": props.get("deadline", ""),
                     "baseline": base.get("value", "") if base else "", "baseline_year": base.get("year", "") if base else ""})
    return sorted(rows, key=lambda r: (r["file"], r["start"], r["indicator"]))


def _baseline_of(g: nx.MultiDiGraph, node: str, data: dict, props: dict) -> dict | None:
    """The properties of the baseline a target is measured from (see :func:`every_target`), or None."""
    def linked(n: str, relation: str) -> set:
        return {v for _, v, d in g.out_edges(n, data=True) if d.get("relation") == relation}

    indicators, scopes = linked(node, "indicator"), linked(node, "scope")
    deadline = str(props.get("deadline", ""))[:4]
    found = []
    for indicator in indicators:
        for b, _, d in g.in_edges(indicator, data=True):
            bd = g.nodes[b]
            if bd["cls"] != "Baseline" or d.get("relation") != "indicator" or bd.get("file") != data.get("file"):
                continue
            bp = {local_name(k): v for k, v in bd.get("props", [])}
            year = str(bp.get("year", ""))[:4]
            if bp.get("unit", "") == props.get("unit", "") and linked(b, "scope") == scopes and year and year < deadline:
                found.append((year, bd.get("start") or 0, bp))
    return max(found, key=lambda f: (f[0], f[1]))[2] if found else None


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
    network_image = base64.b64encode(r.network_chart).decode("ascii") if r.network_chart else None
    return _templates(True).get_template("report.html").render(r=r, image=image, network_image=network_image)


def write_report(g: nx.MultiDiGraph, growth_rows: list[dict], outdir: str | Path, title: str,
                 networks=()) -> dict[str, Path]:
    """Write the report (``networks``: the co-issuance, collaboration and citation networks it describes)."""
    from kg.io import atomic_write, prepare_dir

    folder = prepare_dir(outdir)
    report = build_report(g, growth_rows, title, networks)
    written = {}
    if report.chart:
        written["targets.png"] = atomic_write(folder / "targets.png", report.chart)
        written["targets.svg"] = atomic_write(folder / "targets.svg", report.chart_svg)
    if report.network_chart:
        written["networks.png"] = atomic_write(folder / "networks.png", report.network_chart)
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
