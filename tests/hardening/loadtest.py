"""A bounded load test of `policykg serve` on loopback.

``python tests/hardening/loadtest.py STORE [--clients 20] [--seconds 30] [--abandoning 4]``
starts a server over the store, runs the named queries from ``--clients`` concurrent
clients for ``--seconds``, and prints throughput, latency percentiles, errors
and the memory (RSS) of the server's processes before and after. ``--abandoning N``
adds N clients that send a cross product and give up on it after 1.5 s, again and
again, as impatient users and broken scripts do; their requests are not counted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

import requests


def _rss_kb(pid: int) -> int:
    """Resident memory of a process and its children, from /proc."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def run(url: str, pid: int, clients: int, seconds: float, abandoning: int = 0) -> dict:
    from kg.query import named_queries

    queries = [q.text for q in named_queries().values()]
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = [0.0]  # set once the warm-up is over: the clients run for ``seconds`` whatever it took

    def client(k: int) -> None:
        session = requests.Session()
        n = k
        while time.monotonic() < stop[0]:
            query = queries[n % len(queries)]
            n += 1
            started = time.monotonic()
            try:
                response = session.post(url + "sparql", data={"query": query},
                                        headers={"Accept": "application/sparql-results+json"}, timeout=60)
                ok = response.status_code == 200 and "results" in response.json()
                problem = None if ok else f"HTTP {response.status_code}: {response.text[:80]}"
            except (requests.RequestException, ValueError) as exc:
                problem = str(exc)[:80]
            spent = time.monotonic() - started
            with lock:
                latencies.append(spent)
                if problem:
                    errors.append(problem)

    abandoned = [0]

    def impatient() -> None:
        while time.monotonic() < stop[0]:
            try:
                requests.post(url + "sparql", data={"query": HEAVY}, timeout=1.5)
            except requests.RequestException:
                with lock:
                    abandoned[0] += 1

    for q in queries:  # warm up: every query once, then measure memory
        requests.post(url + "sparql", data={"query": q}, timeout=60)
    before = _rss_kb(pid)
    stop[0] = time.monotonic() + seconds
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    threads += [threading.Thread(target=impatient) for _ in range(abandoning)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    after = _rss_kb(pid)
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else 0.0

    return {"clients": clients, "abandoning": abandoning, "abandoned": abandoned[0], "seconds": round(elapsed, 1), "requests": len(latencies),
            "throughput_per_s": round(len(latencies) / elapsed, 1), "errors": len(errors),
            "first_errors": errors[:3], "p50_ms": round(pct(0.50), 1), "p95_ms": round(pct(0.95), 1),
            "p99_ms": round(pct(0.99), 1), "max_ms": round(ordered[-1] * 1000, 1) if ordered else 0.0,
            "mean_ms": round(statistics.mean(latencies) * 1000, 1) if latencies else 0.0,
            "rss_before_mb": round(before / 1024, 1), "rss_after_mb": round(after / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--abandoning", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    tests = Path(__file__).resolve().parents[1]
    sys.path[:0] = [str(tests), str(tests / "server")]  # conftest, then test_serve
    from test_serve import start, stop

    process, url = start("--store", args.store, "--workers", str(args.workers))
    try:
        print(json.dumps(run(url, process.pid, args.clients, args.seconds, args.abandoning), indent=1, ensure_ascii=False))
    finally:
        stop(process)


if __name__ == "__main__":
    main()
