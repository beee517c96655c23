"""Load the portal's main pages and the API's main endpoints through a real server (`interparl serve`: gunicorn).

Starts `interparl serve` on a free port with a fresh SQLite file (the built-in dataset), then:
  * pages: each main page, one client, repeated requests -> median and p95 per page;
  * api:   the main endpoints, N concurrent clients -> throughput and latency percentiles.
Run: .venv/bin/python bench/bench_http.py [--repeats 50] [--clients 8] [--seconds 10]
"""

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from rich.console import Console
from rich.table import Table

PAGES = [
    "/en/",
    "/ru/",
    "/en/?as_of=2015-06-01",
    "/en/delegations/blr/",
    "/en/delegations/arm/",
    "/en/people/viktor-rogalev/",
    "/en/chairmanship/",
    "/en/events/",
    "/en/news/",
    "/en/search/?q=%D0%9A%D0%BE%D0%B3%D1%83%D1%82",  # Когут
    "/en/calendar.ics",
]
ENDPOINTS = [
    "/api/v1/assemblies/csto-pa/composition?as_of=2026-11-27",
    "/api/v1/people?q=rogalyov",
    "/api/v1/people?country=TJK",
    "/api/v1/people/mikhail-krotov",
    "/api/v1/organizations?per_page=100",
    "/api/v1/chairmanships?organization=csto&from=2024&years=5",
    "/api/v1/events?from=2025-01-01",
    "/api/v1/news",
    "/export/delegations.csv",
]


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def fetch(url):
    began = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        assert response.status == 200, url
    return (time.perf_counter() - began) * 1000


def start_server():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = tempfile.mkdtemp(prefix="interparl-bench-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"INTERPARL_DATA_DIR": data}
    interparl = str(Path(sys.executable).parent / "interparl")
    server = subprocess.Popen([interparl, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            fetch(base + "/en/")
            return server, base, data
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start") from None
            time.sleep(0.3)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=50, help="requests per page (pages)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (api)")
    parser.add_argument("--seconds", type=float, default=10, help="duration of the concurrent run (api)")
    args = parser.parse_args()
    console = Console()
    server, base, data = start_server()
    try:
        for path in PAGES + ENDPOINTS:  # warm caches (search index, templates)
            fetch(base + path)
        pages = Table(title=f"portal pages, {args.repeats} sequential requests each (ms)")
        for column in ("page", "median", "p95"):
            pages.add_column(column, justify="left" if column == "page" else "right")
        for path in PAGES:
            samples = [fetch(base + path) for _ in range(args.repeats)]
            pages.add_row(path, f"{statistics.median(samples):.1f}", f"{percentile(samples, 0.95):.1f}")
        console.print(pages)

        results: dict[str, list[float]] = {path: [] for path in ENDPOINTS}
        stop = time.monotonic() + args.seconds
        lock = threading.Lock()

        def client(offset):
            index = offset
            while time.monotonic() < stop:
                path = ENDPOINTS[index % len(ENDPOINTS)]
                elapsed = fetch(base + path)
                with lock:
                    results[path].append(elapsed)
                index += 1

        began = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
        total = sum(len(s) for s in results.values())
        api = Table(title=f"API, {args.clients} concurrent clients for {wall:.1f} s: {total / wall:.0f} requests/s")
        for column in ("endpoint", "requests", "median ms", "p95 ms", "p99 ms"):
            api.add_column(column, justify="left" if column == "endpoint" else "right")
        for path, samples in results.items():
            api.add_row(
                path,
                str(len(samples)),
                f"{statistics.median(samples):.1f}",
                f"{percentile(samples, 0.95):.1f}",
                f"{percentile(samples, 0.99):.1f}",
            )
        everything = [s for samples in results.values() for s in samples]
        api.add_row(
            "all",
            str(total),
            f"{statistics.median(everything):.1f}",
            f"{percentile(everything, 0.95):.1f}",
            f"{percentile(everything, 0.99):.1f}",
        )
        console.print(api)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
