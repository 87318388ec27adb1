"""policy-kg's benchmarks: run them all and write benchmarks/RESULTS.md.

    python benchmarks/run.py [--chars 10000000] [--repeat 3] [--quick]

Every figure is a median of ``--repeat`` runs, and speeds are given as ratios
to a reference measured in the same run on the same text (jieba.lcut for the
pipeline, one worker for --workers, Oxigraph for rdflib), so a slower or busier
machine changes the seconds but hardly the ratios. The corpus is generated
reproducibly (benchmarks/corpus.py) in a work folder (--work, default
/tmp/policykg-bench) that is kept between runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402  (benchmarks/corpus.py)
import reads  # noqa: E402  (benchmarks/reads.py)

SECTIONS = ("throughput", "output", "stages", "startup", "seed", "workers", "memory", "reads", "page", "queries",
            "view", "serialise")
TARGETS = {  # issue 20's
    "ratio": 0.8,  # build throughput / jieba.lcut throughput, with --store and with -o, at least
    "startup": 1.5,  # seconds for the seed built as a whole process, at most
    "workers": 0.8,  # speed-up of --workers N over one worker, as a share of N, at least
    "query_ms": 200.0,  # median latency of every named query on the 1-million-triple store on disk, at most
    "memory_query_ms": 50.0,  # the same, the store in memory
    "memory_growth": 1.25,  # peak RSS at the largest corpus or store / at the smallest, at most ("flat")
    "export_mb": 300.0,  # peak RSS of exporting a million triples, at most
    "report_mb": 1024.0,  # peak RSS of the report of a million triples, at most
    "report_s": 30.0,  # seconds for that report, at most
    "page_s": 10.0,  # seconds for the graph page of a 1-million-character corpus, at most
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values)


def child(code: str, *args: str, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run Python ``code`` in a fresh interpreter (the project's), from the project's folder."""
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)
    if done.returncode:
        sys.exit(f"a benchmark failed:\n{done.stderr.strip()}")
    return done


# -- 1. throughput against jieba.lcut ----------------------------------------------------
THROUGHPUT = """
import json, sys, time, tempfile, shutil
import jieba
from pathlib import Path
from kg import api
from kg.text.read import read_source

files = [Path(p) for p in json.loads(sys.argv[1])]
repeat = int(sys.argv[2])
api.extract(files[0])                      # jieba's dictionary and the rules, loaded once
jieba.initialize()
text = "\\n".join(read_source(p, 10**9).text for p in files)
lcut, build, pairs = [], [], []
for _ in range(repeat):                    # interleaved, so both see the same machine
    t = time.perf_counter(); jieba.lcut(text); a = time.perf_counter() - t
    store = Path(tempfile.mkdtemp()) / "store"
    t = time.perf_counter(); api.build_store(files, store); b = time.perf_counter() - t
    shutil.rmtree(store.parent)
    lcut.append(a); build.append(b); pairs.append(a / b)
print(json.dumps({"chars": len(text), "lcut": lcut, "build": build, "ratios": pairs}))
"""


def throughput(files: list[Path], repeat: int) -> dict:
    log(f"throughput: {len(files)} files, {repeat} runs of jieba.lcut and of a build into a store")
    out = json.loads(child(THROUGHPUT, json.dumps([str(p) for p in files]), str(repeat)).stdout)
    out["lcut_cps"] = out["chars"] / median(out["lcut"])
    out["build_cps"] = out["chars"] / median(out["build"])
    out["ratio"] = median(out["ratios"])
    return out


# -- 2. where a build spends its time ----------------------------------------------------
STAGES = """
import cProfile, io, json, pstats, sys, time
from pathlib import Path
import pyoxigraph as ox
from kg import api
from kg.rdf.graph import triples_of
from kg.text.read import read_source

files = [Path(p) for p in json.loads(sys.argv[1])]
ext = api.extractor()
api.extract(files[0]); ext.seconds.clear()
seconds = {"decode": 0.0, "rdf": 0.0}
store = ox.Store()
def build():
    for path in files:
        t = time.perf_counter(); source = read_source(path, 10**9); seconds["decode"] += time.perf_counter() - t
        ex = ext(source, api.doc_id(path))
        t = time.perf_counter()
        name, own, shared = triples_of(ex)
        store.load(own.encode(), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))
        seconds["rdf"] += time.perf_counter() - t
build()
timed = {**seconds, **ext.seconds}  # before the profiled build, which adds to the same counters
ext.seconds.clear(); store = ox.Store()
profile = cProfile.Profile()  # made only now: a profiler, even idle, slows what runs beside it
profile.enable(); build(); profile.disable()
text = io.StringIO()
pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(15)
print(json.dumps({"seconds": timed, "profile": text.getvalue()}))
"""


def stages(files: list[Path]) -> dict:
    log(f"stages: a build of {len(files)} files, timed by stage, then profiled")
    return json.loads(child(STAGES, json.dumps([str(p) for p in files])).stdout)


# -- 3. peak memory of store builds of growing corpora -------------------------------------
def memory(work: Path, folders: list[tuple[int, Path]]) -> list[dict]:
    rows = []
    for chars, folder in folders:
        store = work / f"mem-store-{chars}"
        shutil.rmtree(store, ignore_errors=True)
        log(f"memory: policykg build {folder.name} --store (peak RSS of the process)")
        code = ("import resource, subprocess, sys; "
                "subprocess.run([sys.executable, '-m', 'kg', 'build', sys.argv[1], '--store', sys.argv[2], '-q'], check=True); "
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
        t = time.perf_counter()
        peak_kb = int(child(code, str(folder), str(store)).stdout.split()[-1])
        elapsed = time.perf_counter() - t
        triples = json.loads((store / "manifest.json").read_text(encoding="utf-8"))["files"]
        rows.append({"chars": chars, "files": len(triples), "triples": sum(e["triples"] for e in triples.values()),
                     "peak_mb": peak_kb / 1024, "seconds": elapsed, "store": str(store)})
    return rows


# -- 4. start-up ---------------------------------------------------------------------------
STARTUP = """
import sys, time
started = float(sys.argv[2])
from kg import api
api.extract(sys.argv[1])
print(time.time() - started)
"""


def startup(document: Path, repeat: int) -> dict:
    log("start-up: fresh interpreters reading one document")
    child(STARTUP, str(document), str(time.time()))  # the first run may build jieba's cache
    inside, wall = [], []
    for _ in range(max(repeat, 5)):
        t = time.perf_counter()
        inside.append(float(child(STARTUP, str(document), str(time.time())).stdout))
        wall.append(time.perf_counter() - t)
    return {"seconds": median(inside), "wall": median(wall), "runs": inside}


# -- 5. --workers ----------------------------------------------------------------------------
def workers(folder: Path, work: Path, repeat: int) -> dict:
    times: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(repeat):
        for n in (1, 2):
            store = work / f"workers-{n}"
            shutil.rmtree(store, ignore_errors=True)
            log(f"workers: policykg build {folder.name} --store --workers {n}")
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kg", "build", str(folder), "--store", str(store), "-q",
                            "--workers", str(n)], cwd=ROOT, check=True, capture_output=True)
            times[n].append(time.perf_counter() - t)
    return {"one": median(times[1]), "two": median(times[2]), "speedup": median(times[1]) / median(times[2]),
            "cores": os.cpu_count()}


# -- 6. named queries on a store of a million triples --------------------------------------
QUERIES_OX = """
import json, sys, time
from kg import api
from kg.query import named_queries
from kg.stores.disk import PolicyStore

store = PolicyStore(sys.argv[1], read_only=True)
t = time.perf_counter()
backend = store.backend(in_memory=sys.argv[3] == "memory")
opened = time.perf_counter() - t
repeat = int(sys.argv[2])
out = {}
for nq in named_queries().values():
    limit = 100 if nq.pages else None  # a listing is answered a page at a time: its first page is timed
    t = time.perf_counter(); api.query(backend, named=nq.name, limit=limit)   # warm the store's caches
    runs = []
    for _ in range(repeat if time.perf_counter() - t < 5 else 1):  # a query of minutes is timed once
        t = time.perf_counter(); table = api.query(backend, named=nq.name, limit=limit); runs.append(time.perf_counter() - t)
    out[nq.name] = {"runs": runs, "rows": len(table.rows)}
    if limit:  # and the whole listing once
        t = time.perf_counter(); table = api.query(backend, named=nq.name)
        out[nq.name].update(whole=time.perf_counter() - t, rows=len(table.rows), paged=True)
print(json.dumps({"triples": len(store), "queries": out, "open_seconds": opened}))
"""

QUERIES_RDFLIB = """
import json, sys, time
import pyoxigraph as ox
from kg import api
from kg.query import named_queries
from kg.stores.disk import PolicyStore
from rdflib import Dataset

store = PolicyStore(sys.argv[1], read_only=True)
t = time.perf_counter()
data = store.store.dump(format=ox.RdfFormat.N_QUADS)
dataset = Dataset(default_union=True)
dataset.parse(data=data.decode("utf-8"), format="nquads")
loaded = time.perf_counter() - t
out = {"load_seconds": loaded, "queries": {}}
print(json.dumps(out), flush=True)
for nq in named_queries().values():
    t = time.perf_counter(); table = api.query(dataset, named=nq.name)
    out["queries"][nq.name] = {"runs": [time.perf_counter() - t], "rows": len(table.rows)}
    print(json.dumps(out), flush=True)
"""


def queries(store: Path, repeat: int, rdflib_budget: float) -> dict:
    log(f"queries: every named query on {store} (Oxigraph, on disk)")
    ox_result = json.loads(child(QUERIES_OX, str(store), str(max(repeat, 5)), "disk").stdout)
    log(f"queries: every named query on a copy of {store} in memory (Oxigraph, serve --in-memory)")
    memory_result = json.loads(child(QUERIES_OX, str(store), str(max(repeat, 5)), "memory").stdout)
    log(f"queries: the same in rdflib, in memory (at most {rdflib_budget:.0f} s)")
    rdflib_result = {"queries": {}, "load_seconds": None, "finished": False}
    try:  # the reference: what rdflib answers within the budget, kept even if it stops or is killed
        done = subprocess.run([sys.executable, "-c", QUERIES_RDFLIB, str(store)], cwd=ROOT, capture_output=True,
                              text=True, timeout=rdflib_budget)
        lines, finished = done.stdout.splitlines(), done.returncode == 0
        if not finished:
            log(f"queries: rdflib stopped (exit status {done.returncode}); keeping what it answered")
    except subprocess.TimeoutExpired as exc:
        lines = (exc.stdout or b"").decode("utf-8", "replace").splitlines() if isinstance(exc.stdout, bytes) \
            else (exc.stdout or "").splitlines()
        finished = False
    if lines:
        rdflib_result = json.loads(lines[-1]) | {"finished": finished}
    return {"oxigraph": ox_result, "memory": memory_result, "rdflib": rdflib_result}


# -- 7. the HTML view of 5,000 nodes ---------------------------------------------------------
VIEW = """
import json, sys, time
from kg import api
from kg.views.html import render
from kg.views.network import to_networkx
from kg.stores.disk import PolicyStore

nodes_wanted = int(sys.argv[2])
held = PolicyStore(sys.argv[1], read_only=True)
ids = sorted(held.files)
graph, _ = api.source(store=sys.argv[1]).graph()
g = to_networkx(graph)
keep = sorted(g.nodes)[:nodes_wanted]
sub = g.subgraph(keep).copy()
runs = []
for _ in range(int(sys.argv[3])):
    t = time.perf_counter(); page = render(sub, "benchmark"); runs.append(time.perf_counter() - t)
print(json.dumps({"nodes": sub.number_of_nodes(), "edges": sub.number_of_edges(), "runs": runs,
                  "bytes": len(page.encode("utf-8"))}))
"""


def view(store: Path, repeat: int) -> dict:
    log("view: the interactive page of 5,000 nodes")
    return json.loads(child(VIEW, str(store), "5000", str(repeat)).stdout)


# -- 8. Turtle of 100,000 triples: rdflib's writer against policy-kg's ------------------------
SERIALISE = """
import io, json, sys, time
from pathlib import Path
import pyoxigraph as ox
from rdflib import Graph
from kg import api
from kg.rdf.serialize import stream_turtle
from kg.rdf.sorting import all_graphs, sorted_lines

files = [Path(p) for p in json.loads(sys.argv[1])]
result = api.build(files)
lines = result.turtle_lines()[:100_000]
graph = Graph().parse(data="\\n".join(lines), format="nt")
store = ox.Store(); store.load("\\n".join(lines).encode(), format=ox.RdfFormat.N_TRIPLES)
ours, theirs = [], []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter()
    with sorted_lines(store, all_graphs(store)) as sorted_nt:
        stream_turtle(sorted_nt, io.BytesIO())
    ours.append(time.perf_counter() - t)
    t = time.perf_counter(); graph.serialize(format="turtle"); theirs.append(time.perf_counter() - t)
print(json.dumps({"triples": len(graph), "ours": ours, "rdflib": theirs}))
"""


def serialise(files: list[Path], repeat: int) -> dict:
    log("serialise: Turtle of 100,000 triples, rdflib's writer and policy-kg's (pyoxigraph, sorted, streamed)")
    return json.loads(child(SERIALISE, json.dumps([str(p) for p in files]), str(repeat)).stdout)


# -- the report --------------------------------------------------------------------------------
def versions() -> dict:
    from importlib.metadata import version

    names = ("jieba", "rdflib", "pyoxigraph", "networkx", "pyvis", "opencc")
    return {"python": platform.python_version(), **{n: version(n if n != "opencc" else "OpenCC") for n in names}}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name"))
        cpu = model
    except (OSError, StopIteration):
        pass
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {memory_gb:.0f} GiB, {platform.system()} {platform.release()}"


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _days(r: dict) -> str:
    """Which sections were measured on which day, when a run with --only kept some from an earlier one."""
    days: dict[str, list[str]] = {}
    for section in SECTIONS:
        days.setdefault(r.get("measured", {}).get(section, r["date"]), []).append(section)
    if len(days) < 2:
        return ""
    return " Sections measured " + "; ".join(f"on {day}: {', '.join(names)}" for day, names in sorted(days.items())) + "."


def report(r: dict) -> str:
    t, s, w, q, v, st = r["throughput"], r["stages"], r["workers"], r["queries"], r["view"], r["startup"]
    mem = r["memory"]
    lines = ["# policy-kg benchmarks", "",
             f"Written by `make bench` (benchmarks/run.py) on {r['date']}. Each figure is the median of "
             f"{r['repeat']} runs unless it says otherwise." + _days(r), "",
             f"- Machine: {r['machine']}",
             "- Versions: " + ", ".join(f"{k} {val}" for k, val in r["versions"].items()),
             f"- Corpus: {r['corpus']['files']} files, {r['corpus']['chars']:,} characters, generated by "
             "benchmarks/corpus.py from data/policy_text.txt and the development corpus", ""]
    ox_medians = {name: median(x["runs"]) * 1000 for name, x in q["oxigraph"]["queries"].items()}
    mem_medians = {name: median(x["runs"]) * 1000 for name, x in q["memory"]["queries"].items()}
    worst, worst_memory = max(ox_medians.values()), max(mem_medians.values())
    slow = sorted(name for name, ms in ox_medians.items() if ms >= TARGETS["query_ms"])
    slow_memory = sorted(name for name, ms in mem_medians.items() if ms >= TARGETS["memory_query_ms"])
    low = next((m for m in mem if m["chars"] >= 1_000_000), mem[0])  # issue 20: flat from 1 to 10 M characters
    growth = mem[-1]["peak_mb"] / low["peak_mb"]
    o, seed, rd, pg = r["output"], r["seed"], r["reads"], r["page"]
    share = w["speedup"] / 2
    top = rd[-1]
    read_growth = {name: reads.flat(rd, name) for name in reads.READS}
    lines += ["## Targets", "", "The targets of issue 20.", "", "| target | measured | |", "|---|---|---|",
              f"| `build --store` at least {TARGETS['ratio']} of jieba.lcut | {t['ratio']:.2f} | {verdict(t['ratio'] >= TARGETS['ratio'])} |",
              f"| `build -o` (with its page) at least {TARGETS['ratio']} of jieba.lcut | {o['ratio']:.2f} | {verdict(o['ratio'] >= TARGETS['ratio'])} |",
              f"| build memory flat in corpus size (x{TARGETS['memory_growth']} at most from {low['chars']:,} to "
              f"{mem[-1]['chars']:,} characters) | x{growth:.2f} | {verdict(growth <= TARGETS['memory_growth'])} |",
              *(f"| `{name}` memory flat (x{TARGETS['memory_growth']} at most from {rd[0]['triples']:,} to "
                f"{top['triples']:,} triples) | x{g:.2f} | {verdict(g <= TARGETS['memory_growth'])} |"
                for name, g in read_growth.items()),
              f"| `export` of {top['triples']:,} triples in at most {TARGETS['export_mb']:.0f} MB | {top['export']['peak_mb']:.0f} MB "
              f"| {verdict(top['export']['peak_mb'] <= TARGETS['export_mb'])} |",
              f"| `report` of {top['triples']:,} triples in at most {TARGETS['report_mb']:.0f} MB and {TARGETS['report_s']:.0f} s "
              f"| {top['report']['peak_mb']:.0f} MB, {top['report']['seconds']:.0f} s "
              f"| {verdict(top['report']['peak_mb'] <= TARGETS['report_mb'] and top['report']['seconds'] <= TARGETS['report_s'])} |",
              f"| the graph page of a {pg['chars']:,}-character corpus in at most {TARGETS['page_s']:.0f} s "
              f"| {pg['seconds']:.1f} s | {verdict(pg['seconds'] <= TARGETS['page_s'])} |",
              f"| the seed built as a whole process in at most {TARGETS['startup']} s | {seed['seconds']:.2f} s "
              f"| {verdict(seed['seconds'] <= TARGETS['startup'])} |",
              f"| `--workers 2` at least {TARGETS['workers']} x 2 times one worker ({w['cores']} cores) "
              f"| {w['speedup']:.2f} ({share:.2f} of 2) | {verdict(share >= TARGETS['workers'])} |",
              f"| every named query under {TARGETS['query_ms']:.0f} ms on {q['oxigraph']['triples']:,} triples, on disk "
              f"| slowest {worst:.0f} ms; {len(slow)} of {len(ox_medians)} over: {', '.join(slow) or 'none'} "
              f"| {verdict(worst < TARGETS['query_ms'])} |",
              f"| the same under {TARGETS['memory_query_ms']:.0f} ms, the store in memory (`serve --in-memory`) "
              f"| slowest {worst_memory:.0f} ms; {len(slow_memory)} over: {', '.join(slow_memory) or 'none'} "
              f"| {verdict(worst_memory < TARGETS['memory_query_ms'])} |",
              ""]
    lines += ["## Throughput", "",
              f"A build into an on-disk store (decode, normalise, structure, segment, extract, RDF), one process, "
              f"against `jieba.lcut` (precise mode, HMM on) over the same {t['chars']:,} characters, the two "
              "interleaved:", "",
              "| | seconds | characters a second |", "|---|---|---|",
              f"| jieba.lcut | {median(t['lcut']):.2f} | {t['lcut_cps'] / 1e6:.3f} M |",
              f"| policykg build --store | {median(t['build']):.2f} | {t['build_cps'] / 1e6:.3f} M |",
              f"| ratio (build / lcut) | | **{t['ratio']:.2f}** (runs: {', '.join(f'{x:.2f}' for x in t['ratios'])}) |",
              ""]
    total = sum(s["seconds"].values())
    lines += ["## Where the time goes", "",
              f"One build of {r['stages_files']} files, timed by stage (the rules by component); "
              "the share is of the whole build, and the last column compares each stage with jieba.lcut "
              "on the same text.", "",
              "| stage | seconds | share | x lcut |", "|---|---|---|---|"]
    lcut_part = median(t["lcut"]) * r["stages_chars"] / t["chars"]
    for name, sec in sorted(s["seconds"].items(), key=lambda kv: -kv[1]):
        lines.append(f"| {name} | {sec:.2f} | {sec / total:.0%} | {sec / lcut_part:.2f} |")
    lines += ["", "The same build under cProfile, by own time:", "", "```", s["profile"].strip(), "```", ""]
    lines += ["## Memory", "", "Peak resident memory of `policykg build DIR --store STORE` on growing corpora:", "",
              "| characters | files | triples | peak RSS | seconds |", "|---|---|---|---|---|"]
    for m in mem:
        lines.append(f"| {m['chars']:,} | {m['files']} | {m['triples']:,} | {m['peak_mb']:.0f} MB | {m['seconds']:.1f} |")
    lines += ["", "## Start-up", "",
              f"From interpreter start to the first document read (import, jieba's cached dictionary, the rules, one "
              f"document): **{st['seconds']:.2f} s** (the process, exit included: {st['wall']:.2f} s).", "",
              "## Workers", "",
              f"`policykg build --store` of {r['workers_chars']:,} characters on {w['cores']} cores: one worker "
              f"{w['one']:.1f} s, two {w['two']:.1f} s, speed-up **{w['speedup']:.2f}**.", ""]
    rq = q["rdflib"]
    lines += ["## Named queries", "",
              f"Every named query on the store of {q['oxigraph']['triples']:,} triples built from the corpus: "
              "Oxigraph on disk (median of 5 after a warm-up), and rdflib in memory (one run; loading the "
              + (f"triples took {rq['load_seconds']:.0f} s" if rq.get("load_seconds") else "triples did not finish")
              + ("" if rq.get("finished") else "; queries not reached within the time allowed are left blank") + ").", "",
              f"A copy in memory (`serve --in-memory`, `PolicyStore.backend(in_memory=True)`) took "
              f"{q['memory']['open_seconds']:.1f} s to make. A listing (a named query with a `# pages:` header, "
              "marked *) is answered a page at a time (`--limit`, `--offset`): its first page of 100 rows is timed, "
              "and its whole listing once; rdflib is asked for the whole.", "",
              "| query | rows | Oxigraph on disk, ms | Oxigraph in memory, ms | whole listing on disk, ms "
              "| rdflib in memory, ms | rdflib / Oxigraph on disk |",
              "|---|---|---|---|---|---|---|"]
    for name, x in q["oxigraph"]["queries"].items():
        rl = rq["queries"].get(name)
        ms = median(rl["runs"]) * 1000 if rl else None
        whole = x["whole"] * 1000 if x.get("paged") else ox_medians[name]
        lines.append(f"| {name}{' *' if x.get('paged') else ''} | {x['rows']:,} | {ox_medians[name]:.0f} | "
                     f"{mem_medians[name]:.0f} | {f'{whole:.0f}' if x.get('paged') else ''} | "
                     + (f"{ms:.0f} | {ms / whole:.1f} |" if ms else " | |"))
    if "serialise" in r:
        z = r["serialise"]
        lines += ["", "## Turtle", "",
                  f"Writing {z['triples']:,} triples as Turtle: rdflib's writer {median(z['rdflib']):.2f} s, policy-kg's "
                  f"(sorted N-Triples written by pyoxigraph, the same bytes every time) {median(z['ours']):.2f} s: "
                  f"**{median(z['rdflib']) / median(z['ours']):.0f} times** faster."]
    lines += ["", *reads.report_lines(r)]
    lines += ["", "## The interactive page", "",
              f"`render` of {v['nodes']:,} nodes and {v['edges']:,} edges: {median(v['runs']):.2f} s, "
              f"{v['bytes'] / 1e6:.1f} MB (vis-network inlined).", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=10_000_000, help="size of the corpus (characters)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", default="/tmp/policykg-bench")
    parser.add_argument("--rdflib-budget", type=float, default=900, help="seconds allowed for rdflib's queries")
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"))
    parser.add_argument("--only", help=f"run only these sections (comma-separated: {','.join(SECTIONS)}), "
                                       "keeping the others' figures from the last run in --work")
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    log(f"corpus: {args.chars:,} characters in {work / 'corpus'}")
    files = corpus.generate(work / "corpus", args.chars)
    chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
    # Nested corpora for memory, from 5 % of the corpus to all of it: the read paths take the stores
    # nearest 0.2, 0.5 and 1 million triples, the named questions the one nearest a million.
    folders = []
    for share in (0.05, 0.12, 0.3, 0.6, 1.0):
        target = int(args.chars * share)
        folder = work / f"corpus-{target}"
        corpus.generate(folder, target)
        folders.append((target, folder))
    small = corpus.generate(work / "corpus-1m", min(args.chars, 1_000_000))
    saved = work / "results.json"
    r = json.loads(saved.read_text(encoding="utf-8")) if args.only and saved.exists() else {}
    # the day each section was measured: a run with --only keeps the others' figures and their days
    kept = r.get("measured") or {s: r["date"] for s in SECTIONS if s in r and "date" in r}
    r |= {"date": time.strftime("%Y-%m-%d"), "repeat": args.repeat, "machine": machine(), "versions": versions(),
          "corpus": {"files": len(files), "chars": chars}}
    wanted = set(args.only.split(",")) if args.only else set(SECTIONS)
    r["measured"] = {**kept, **{s: r["date"] for s in wanted}}

    def save() -> None:
        saved.write_text(json.dumps(r, indent=1), encoding="utf-8")

    if "throughput" in wanted:
        r["throughput"] = throughput(files, args.repeat)
        save()
    if "stages" in wanted:
        r["stages"] = stages(small)
        r["stages_files"] = len(small)
        r["stages_chars"] = sum(len(p.read_text(encoding="utf-8")) for p in small)
        save()
    if "output" in wanted:
        r["output"] = reads.output_build(small, args.repeat)
        save()
    if "startup" in wanted:
        r["startup"] = startup(ROOT / "data" / "policy_text.txt", args.repeat)
        save()
    if "seed" in wanted:
        r["seed"] = reads.seed(args.repeat)
        save()
    if "workers" in wanted:
        r["workers"] = workers(work / "corpus-1m", work, args.repeat)
        r["workers_chars"] = sum(len(p.read_text(encoding="utf-8")) for p in small)
        save()
    if "memory" in wanted:
        r["memory"] = memory(work, folders)
        save()
    million = min(r["memory"], key=lambda m: abs(m["triples"] - 1_000_000))
    if "reads" in wanted:
        r["reads"] = reads.reads([min(r["memory"], key=lambda m: abs(m["triples"] - n))
                                  for n in (200_000, 500_000, 1_000_000)])
        save()
    if "page" in wanted:
        store = work / "page-store"
        if not (store / "manifest.json").exists():
            child("import subprocess, sys; subprocess.run([sys.executable, '-m', 'kg', 'build', sys.argv[1], "
                  "'--store', sys.argv[2], '-q'], check=True)", str(work / "corpus-1m"), str(store))
        r["page"] = reads.page(store, sum(len(p.read_text(encoding="utf-8")) for p in small))
        save()
    if "queries" in wanted:
        r["queries"] = queries(Path(million["store"]), args.repeat, args.rdflib_budget)
        save()
    if "view" in wanted:
        r["view"] = view(Path(r["memory"][0]["store"]), args.repeat)
        save()
    if "serialise" in wanted:
        r["serialise"] = serialise(small, args.repeat)
    save()
    Path(args.out).write_text(report(r), encoding="utf-8")
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
