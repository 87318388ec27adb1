"""The benchmarks of what a user runs after a build: the default build with its page, the seed as a
whole process, and every read path (view, report, export, validate) of stores of growing size.

Imported by benchmarks/run.py, which writes their figures into benchmarks/RESULTS.md. Every
command runs in a fresh process, as a user runs it, and its peak resident memory is that
process's (``RUSAGE_CHILDREN`` of a wrapper that runs only it).
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The read paths: what each writes, given the store and a fresh folder.
READS = {
    "view": lambda store, out: ["view", "--store", str(store), "-o", str(out / "page.html")],
    "report": lambda store, out: ["report", "--store", str(store), "-o", str(out / "report")],
    "export": lambda store, out: ["export", "--store", str(store), "--format", "nt", "-o", str(out / "all.nt")],
    "validate": lambda store, out: ["validate", "--store", str(store)],
}

_PEAK = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
         "done = subprocess.run([sys.executable, '-m', 'kg', *sys.argv[1:]], capture_output=True, text=True); "
         "took = time.perf_counter() - t; "
         "print(done.returncode, took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def timed(*args: str) -> dict:
    """Run ``policykg ARGS`` in a process of its own: its exit status, seconds and peak RSS (MB)."""
    done = subprocess.run([sys.executable, "-c", _PEAK, *args], cwd=ROOT, capture_output=True, text=True)
    code, seconds, peak_kb = done.stdout.split()
    return {"status": int(code), "seconds": float(seconds), "peak_mb": int(peak_kb) / 1024}


# -- the default build, with its page, against jieba.lcut ----------------------------------
OUTPUT = """
import json, sys, time, tempfile, shutil
import jieba
from pathlib import Path
from kg import api
from kg.text.read import read_source

files = [Path(p) for p in json.loads(sys.argv[1])]
api.extract(files[0]); jieba.initialize()
text = "\\n".join(read_source(p, 10**9).text for p in files)
lcut, build, pairs = [], [], []
for _ in range(int(sys.argv[2])):                    # interleaved, so both see the same machine
    t = time.perf_counter(); jieba.lcut(text); a = time.perf_counter() - t
    out = Path(tempfile.mkdtemp())
    t = time.perf_counter(); api.make(files, outdir=out); b = time.perf_counter() - t
    shutil.rmtree(out)
    lcut.append(a); build.append(b); pairs.append(a / b)
print(json.dumps({"chars": len(text), "lcut": lcut, "build": build, "ratios": pairs}))
"""


def output_build(files: list[Path], repeat: int) -> dict:
    log(f"output: {len(files)} files, {repeat} runs of jieba.lcut and of the default build (-o, with its page)")
    done = subprocess.run([sys.executable, "-c", OUTPUT, json.dumps([str(p) for p in files]), str(repeat)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"a benchmark failed:\n{done.stderr.strip()}")
    out = json.loads(done.stdout)
    out["ratio"] = statistics.median(out["ratios"])
    return out


def seed(repeat: int) -> dict:
    """``policykg build data/policy_text.txt -o DIR`` as a whole process, exit included."""
    log("seed: the seed built with its page, as a whole process")
    runs = []
    for k in range(max(repeat, 5) + 1):
        out = Path(tempfile.mkdtemp())
        run = timed("build", str(ROOT / "data" / "policy_text.txt"), "-o", str(out / "seed"), "-q")
        shutil.rmtree(out)
        if run["status"]:
            sys.exit("a benchmark failed: policykg build of the seed")
        if k:  # the first run may build jieba's cache
            runs.append(run["seconds"])
    return {"seconds": statistics.median(runs), "runs": runs}


def reads(stores: list[dict]) -> list[dict]:
    """Each read path on each store: seconds and peak RSS, with the store's triples."""
    rows = []
    for held in stores:
        row = {"triples": held["triples"], "store": held["store"]}
        for name, args in READS.items():
            log(f"reads: policykg {name} of {held['triples']:,} triples")
            out = Path(tempfile.mkdtemp())
            run = timed(*args(Path(held["store"]), out))
            shutil.rmtree(out)
            if run["status"] not in (0, 1):  # validate exits 1 on a violation: still a full read
                sys.exit(f"a benchmark failed: policykg {name} of {held['store']}")
            row[name] = run
        rows.append(row)
    return rows


def page(store: Path, chars: int) -> dict:
    """The graph page of the store of a corpus of ``chars`` characters."""
    log(f"page: policykg view of the store of {chars:,} characters")
    out = Path(tempfile.mkdtemp())
    run = timed("view", "--store", str(store), "-o", str(out / "page.html"))
    size = (out / "page.html").stat().st_size if (out / "page.html").exists() else 0
    shutil.rmtree(out)
    return run | {"chars": chars, "bytes": size}


# -- the report's lines ----------------------------------------------------------------------
def flat(rows: list[dict], name: str) -> float:
    """Peak memory at the largest store over that at the smallest."""
    return rows[-1][name]["peak_mb"] / rows[0][name]["peak_mb"]


def report_lines(r: dict) -> list[str]:
    o, s, rd, pg = r["output"], r["seed"], r["reads"], r["page"]
    lines = ["## The default build", "",
             f"`policykg build -o` (Turtle, TriG and the page) of {o['chars']:,} characters in one process, against "
             "`jieba.lcut` over the same text, interleaved:", "",
             "| | seconds |", "|---|---|",
             f"| jieba.lcut | {statistics.median(o['lcut']):.2f} |",
             f"| policykg build -o | {statistics.median(o['build']):.2f} |",
             f"| ratio (build / lcut) | **{o['ratio']:.2f}** (runs: {', '.join(f'{x:.2f}' for x in o['ratios'])}) |", "",
             f"The seed (data/policy_text.txt) built with its page as a whole process, exit included: "
             f"**{s['seconds']:.2f} s** (runs: {', '.join(f'{x:.2f}' for x in s['runs'])}).", "",
             "## Reading a store back", "",
             "Each read path as a whole process on stores of growing size, one run each: seconds, and peak resident memory.", "",
             "| triples | " + " | ".join(READS) + " |", "|---|" + "---|" * len(READS)]
    for row in rd:
        lines.append(f"| {row['triples']:,} | " + " | ".join(
            f"{row[n]['seconds']:.1f} s, {row[n]['peak_mb']:.0f} MB" for n in READS) + " |")
    lines += ["", f"The graph page of the store of a {pg['chars']:,}-character corpus: {pg['seconds']:.1f} s, "
              f"{pg['peak_mb']:.0f} MB at peak, a page of {pg['bytes'] / 1e6:.1f} MB.", ""]
    return lines
