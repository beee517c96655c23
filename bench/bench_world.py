"""interparl at world scale: a synthetic world of assemblies imported, then served under load.

Generates its own world — 200 assemblies of 12 national delegations (one of 15, 300 members), 150 states with a
bicameral parliament each, about 250,000 people with Latin and Cyrillic names and about 390,000 dated memberships
(four-year terms since 1995, within every quota) — imports it through `interparl load` (the built-in CSTO PA is
there too), then starts `interparl serve` (one process per core) and measures with wrk:

- import: records per second and peak memory (`interparl load` ends once the names are indexed for search);
- the CSTO PA composition and the large assembly's, the same address again and again (8 and 64 connections, after
  an unmeasured warm-up) and on distinct dates (64 connections, cold): requests per second, p50 and p99;
- the large assembly's composition computed in-process, and the same SQL run raw (the floor);
- search p50 for Latin and Cyrillic queries; the server's memory per process after the load;
- the CSTO PA composition with only the built-in data, for comparison.

Needs wrk (`apt-get install wrk`).
Run: .venv/bin/python bench/bench_world.py [--people 250000] [--assemblies 200] [--seconds 10]
"""

import argparse
import json
import os
import random
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
SYLLABLES_LATIN = ["ka", "ro", "vi", "mi", "na", "le", "so", "ta", "du", "be", "ga", "li", "mo", "re", "sha", "zo"]
TRANSLIT = {"ka": "ка", "ro": "ро", "vi": "ви", "mi": "ми", "na": "на", "le": "ле", "so": "со", "ta": "та", "du": "ду"}
TRANSLIT |= {"be": "бе", "ga": "га", "li": "ли", "mo": "мо", "re": "ре", "sha": "ша", "zo": "зо"}
STATES = [f"X{a}{b}" for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"][:150]
DELEGATIONS, LARGE_DELEGATIONS, SEATS_PER_CHAMBER, TERMS = 12, 15, 10, 8


def name(rng: random.Random) -> tuple[str, str]:
    given = [rng.choice(SYLLABLES_LATIN) for _ in range(rng.randint(2, 3))]
    family = [rng.choice(SYLLABLES_LATIN) for _ in range(rng.randint(2, 4))]
    latin = f"{''.join(given).title()} {''.join(family).title()}ov"
    cyrillic = f"{''.join(TRANSLIT[s] for s in given).title()} {''.join(TRANSLIT[s] for s in family).title()}ов"
    return latin, cyrillic


def generate(path: Path, people: int, assemblies: int) -> dict:
    """Write the world as Popolo JSON; return what it holds."""
    rng = random.Random(7)
    counts = {"organizations": 0, "persons": people, "memberships": 0, "seat_quotas": 0, "participations": 0}
    with open(path, "w", encoding="utf-8") as out:

        def section(title, records):
            out.write(f',\n"{title}": [\n')
            for position, record in enumerate(records):
                out.write(("" if position == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
            out.write("\n]")

        out.write('{"sources": [{"id": "world", "url": "https://world.example/", "document": "generated"}]')
        section("countries", ({"id": iso3, "name": f"State {iso3}"} for iso3 in STATES))
        organizations = []
        for iso3 in STATES:
            parliament = f"{iso3.lower()}-parliament"
            organizations += [
                {"id": parliament, "classification": "parliament", "name": f"Parliament of {iso3}", "country": iso3},
                {
                    "id": f"{parliament}-lower",
                    "classification": "chamber",
                    "name": f"{iso3} lower house",
                    "parent_id": parliament,
                    "country": iso3,
                    "chamber_kind": "lower",
                },
                {
                    "id": f"{parliament}-upper",
                    "classification": "chamber",
                    "name": f"{iso3} upper house",
                    "parent_id": parliament,
                    "country": iso3,
                    "chamber_kind": "upper",
                },
            ]
        delegations = []
        for a in range(assemblies):
            organizations.append(
                {
                    "id": f"world-pa-{a}",
                    "classification": "assembly",
                    "name": f"World Assembly {a}",
                    "founding_date": "1995-01-01",
                }
            )
            for j in range(LARGE_DELEGATIONS if a == 0 else DELEGATIONS):
                iso3 = STATES[(a * 7 + j) % len(STATES)]
                slug = f"world-pa-{a}-{iso3.lower()}"
                delegations.append((a, iso3, slug))
                organizations.append(
                    {
                        "id": slug,
                        "classification": "delegation",
                        "name": f"{iso3} in assembly {a}",
                        "parent_id": f"world-pa-{a}",
                        "sent_by_id": f"{iso3.lower()}-parliament",
                        "country": iso3,
                    }
                )
        counts["organizations"] = len(organizations)
        section("organizations", ({**o, "sources": [{"id": "world"}]} for o in organizations))

        def persons():
            for p in range(people):
                latin, cyrillic = name(rng)
                yield {
                    "id": f"w{p}",
                    "name": latin,
                    "i18n": {"name": {"en": latin, "ru": cyrillic}},
                    "sources": [{"id": "world"}],
                }

        section("persons", persons())

        def memberships():
            m = 0
            for _a, iso3, slug in delegations:
                for seat in range(2 * SEATS_PER_CHAMBER):
                    chamber = f"{iso3.lower()}-parliament-{'lower' if seat < SEATS_PER_CHAMBER else 'upper'}"
                    for term in range(TERMS):
                        first = 1995 + 4 * term
                        yield {
                            "id": f"wm{m}",
                            "person_id": f"w{(m * 7919) % people}",
                            "organization_id": slug,
                            "on_behalf_of_id": chamber,
                            "role": "member",
                            "start_date": f"{first}-01-01",
                            "end_date": f"{first + 3}-12-31",
                            "sources": [{"id": "world"}],
                        }
                        m += 1
            counts["memberships"] = m

        section("memberships", memberships())

        def quotas():
            for _a, iso3, slug in delegations:
                for kind in ("lower", "upper"):
                    counts["seat_quotas"] += 1
                    yield {
                        "id": f"{slug}-{kind}",
                        "delegation_id": slug,
                        "chamber_id": f"{iso3.lower()}-parliament-{kind}",
                        "seats": SEATS_PER_CHAMBER,
                        "start_date": "1995-01-01",
                        "sources": [{"id": "world"}],
                    }

        section("seat_quotas", quotas())

        def participations():
            for a, iso3, slug in delegations:
                counts["participations"] += 1
                yield {
                    "id": f"{slug}-member",
                    "organization_id": f"world-pa-{a}",
                    "country": iso3,
                    "status": "member",
                    "start_date": "1995-01-01",
                    "sources": [{"id": "world"}],
                }

        section("participations", participations())
        out.write("\n}\n")
    return counts


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`interparl serve` on a data folder, one process per core."""

    def __init__(self, data: Path):
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
        env["INTERPARL_DATA_DIR"] = str(data)
        self.process = subprocess.Popen(
            [BIN / "interparl", "serve", "--port", str(self.port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 300
        while True:
            try:
                urllib.request.urlopen(f"{self.base}/api/v1/", timeout=5).read()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    problem = self.process.stderr.read().decode()[-2000:]
                    raise SystemExit(f"the server did not start: {problem}") from None
                time.sleep(0.5)

    def rss_mb(self) -> list[float]:
        """Resident memory of the master and each worker process, MB."""
        pids = [self.process.pid]
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if children.exists():
            pids += [int(pid) for pid in children.read_text().split()]
        sizes = []
        for pid in pids:
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status)[1]) / 1024)
        return sizes

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def wrk(url: str, connections: int, seconds: int, script: str | None = None) -> dict:
    """req/s, p50 and p99 (ms) from wrk."""
    command = ["wrk", f"-t{min(connections, 2)}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script:
        command[1:1] = ["-s", script]
    output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60).stdout

    def latency(label):
        found = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", output)
        value, unit = float(found[1]), found[2]
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1]),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(errors[1]) if errors else 0,
    }


def warm_then_wrk(url: str, connections: int, seconds: int) -> dict:
    """The steady state: a short run first, unmeasured, so that every worker thread has opened its connection and
    every worker has computed and cached the answer (wrk reports those few cold requests out of proportion)."""
    wrk(url, connections, 2)
    return wrk(url, connections, seconds)


DISTINCT_DATES = """
counter = 0
request = function()
  counter = counter + 1
  local day = os.time({year=1995, month=1, day=1}) + ((counter * 7919) %% 11000) * 86400
  return wrk.format(nil, "%s?as_of=" .. os.date("!%%Y-%%m-%%d", day))
end
"""


def in_process(data: Path) -> dict:
    """The large assembly's composition computed in-process (cold and warm) and its SQL run raw; search p50."""
    script = f"""
import os, time, statistics, json, datetime as dt
os.environ["INTERPARL_DATA_DIR"] = {str(data)!r}
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interparl.settings")
import django; django.setup()
from django.db import connection
from django.test.utils import CaptureQueriesContext
from interparl.registry import models, search, selectors
assembly = models.Organization.objects.get(slug="world-pa-0")
def timed(function, repeats):
    times = []
    for _ in range(repeats):
        began = time.perf_counter(); function(); times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)
days = [dt.date(1995, 1, 1) + dt.timedelta(days=37 * i) for i in range(30)]
cold = timed(lambda: selectors.composition(assembly, at=days.pop()), 25)
with CaptureQueriesContext(connection) as captured:
    result = selectors.composition(assembly, at=dt.date.today())
statements = [q["sql"] for q in captured.captured_queries]
def raw():
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql); cursor.fetchall()
began = time.perf_counter(); search.search("Karovi"); first = (time.perf_counter() - began) * 1000
latin = timed(lambda: search.search("Karovi Lesota"), 20)
cyrillic = timed(lambda: search.search("Каро Лесотаов"), 20)
print(json.dumps({{"members": sum(len(d.members) for d in result.delegations), "queries": len(statements),
    "composition_ms": cold, "raw_sql_ms": timed(raw, 25), "search_latin_ms": latin, "search_cyrillic_ms": cyrillic,
    "first_search_ms": first}}))
"""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=1800)
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=250_000)
    parser.add_argument("--assemblies", type=int, default=200, help="Each holds 12 delegations × 20 seats × 8 terms.")
    parser.add_argument("--seconds", type=int, default=10, help="Length of each load run.")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    from rich.console import Console
    from rich.table import Table

    console = Console()
    work = Path(tempfile.mkdtemp(prefix="interparl-world-"))
    world, baseline = work / "world", work / "baseline"
    world.mkdir(), baseline.mkdir()
    source = work / "world.json"
    with console.status("generating the world…"):
        counts = generate(source, args.people, args.assemblies)
    records = sum(counts.values())
    console.print(f"world: {records:,} records ({source.stat().st_size / 2**20:.0f} MiB): {counts}")

    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    prepare = subprocess.run(
        [BIN / "interparl", "check"], env=env | {"INTERPARL_DATA_DIR": str(world)}, capture_output=True, text=True
    )
    assert prepare.returncode in (0, 1), prepare.stderr
    began = time.perf_counter()
    loaded = subprocess.run(
        [BIN / "interparl", "load", str(source)],
        env=env | {"INTERPARL_DATA_DIR": str(world)},
        capture_output=True,
        text=True,
    )
    import_seconds = time.perf_counter() - began
    if loaded.returncode:
        raise SystemExit(loaded.stderr[-3000:])
    import_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    began = time.perf_counter()
    checked = subprocess.run(
        [BIN / "interparl", "check"], env=env | {"INTERPARL_DATA_DIR": str(world)}, capture_output=True, text=True
    )
    check_seconds = time.perf_counter() - began

    results = Table(title=f"interparl at world scale ({records:,} records imported)", show_edge=False)
    for column in ("What", "Measured"):
        results.add_column(column)
    results.add_row(
        "import", f"{records / import_seconds:,.0f} records/s ({import_seconds:.0f} s), peak {import_peak:.0f} MB"
    )
    results.add_row("interparl check", f"{check_seconds:.1f} s (exit {checked.returncode})")

    floor = in_process(world)
    results.add_row(
        "large assembly, in-process",
        f"{floor['members']} members, {floor['queries']} queries: "
        f"{floor['composition_ms']:.1f} ms; raw SQL {floor['raw_sql_ms']:.1f} ms",
    )
    results.add_row(
        "search p50, in-process",
        f"Latin {floor['search_latin_ms']:.1f} ms, Cyrillic {floor['search_cyrillic_ms']:.1f} ms; "
        f"the first search after the import {floor['first_search_ms']:.0f} ms",
    )

    server = Server(baseline)
    only_builtin = warm_then_wrk(f"{server.base}/api/v1/assemblies/csto-pa/composition", 8, args.seconds)
    server.stop()

    server = Server(world)
    runs = {}
    csto = f"{server.base}/api/v1/assemblies/csto-pa/composition"
    large = f"{server.base}/api/v1/assemblies/world-pa-0/composition"
    runs["CSTO PA, same URL, 8 conn."] = warm_then_wrk(csto, 8, args.seconds)
    runs["CSTO PA, same URL, 64 conn."] = wrk(csto, 64, args.seconds)
    runs["large assembly, same URL, 8 conn."] = warm_then_wrk(large, 8, args.seconds)
    runs["large assembly, same URL, 64 conn."] = wrk(large, 64, args.seconds)
    lua = work / "dates.lua"
    lua.write_text(DISTINCT_DATES % "/api/v1/assemblies/world-pa-0/composition")
    runs["large assembly, distinct dates, 64 conn."] = wrk(server.base, 64, args.seconds, str(lua))
    rss = server.rss_mb()
    server.stop()

    results.add_row("CSTO PA, only the built-in data, 8 conn.", f"{only_builtin['rps']:,.0f} req/s")
    for label, run in runs.items():
        results.add_row(
            label,
            f"{run['rps']:,.0f} req/s, p50 {run['p50']:.1f} ms, p99 {run['p99']:.1f} ms"
            + (f", {run['errors']} errors" if run["errors"] else ""),
        )
    ratio = runs["CSTO PA, same URL, 8 conn."]["rps"] / only_builtin["rps"]
    results.add_row("CSTO PA at world scale / only built-in", f"{ratio:.0%}")
    results.add_row(
        "server memory after the load",
        " + ".join(f"{size:.0f}" for size in rss) + f" MB (master + workers; largest {max(rss):.0f} MB)",
    )
    console.print(results)
    console.print(f"median of everything above is one run each; data in {work}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
