"""Benchmark the registry core: composition on a date and `check` over a large generated registry.

Run: .venv/bin/python bench/bench_registry.py [--people 20000]
Prints timings (median / p95 over repeats) and peak memory of the rules check.
"""

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
import tracemalloc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=20000, help="generated members (default 20000)")
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()

    os.environ.setdefault("INTERPARL_DATA_DIR", tempfile.mkdtemp(prefix="interparl-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interparl.settings")
    import django

    django.setup()
    from rich.console import Console
    from rich.progress import track
    from rich.table import Table

    from interparl.registry import models, rules, selectors, services

    services.prepare_database()
    assembly = models.Organization.objects.get(slug="csto-pa")
    delegation = models.Organization.objects.get(slug="rus-delegation")
    chamber = models.Organization.objects.get(slug="rus-state-duma")
    if not models.Person.objects.filter(slug__startswith="bench-").exists():
        # A long history: 10 Duma seats, each filled by a succession of one-month members.
        people, memberships = [], []
        for i in track(range(args.people), description="generating"):
            people.append(models.Person(slug=f"bench-{i}", name_en=f"Bench Member {i}", name=f"Bench Member {i}"))
        models.Person.objects.bulk_create(people, batch_size=2000)
        ids = dict(models.Person.objects.filter(slug__startswith="bench-").values_list("slug", "pk"))
        for i in range(args.people):
            start = dt.date(1990, 1, 1) + dt.timedelta(days=30 * (i // 10))
            memberships.append(
                models.Membership(
                    slug=f"bench-{i}",
                    person_id=ids[f"bench-{i}"],
                    organization=delegation,
                    on_behalf_of=chamber,
                    start_date=start,
                    end_date=start + dt.timedelta(days=29),
                )
            )
        models.Membership.objects.bulk_create(memberships, batch_size=2000)

    def timed(label, function, repeats):
        samples = []
        for _ in range(repeats):
            began = time.perf_counter()
            function()
            samples.append((time.perf_counter() - began) * 1000)
        samples.sort()
        p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
        return label, statistics.median(samples), p95

    rows = [
        timed("composition(csto-pa, today)", lambda: selectors.composition(assembly, at=dt.date.today()), args.repeats),
        timed(
            "composition(csto-pa, 2000-06-01)",
            lambda: selectors.composition(assembly, at=dt.date(2000, 6, 1)),
            args.repeats,
        ),
        timed(
            "Membership.current(at=…) count",
            lambda: models.Membership.objects.current(at=dt.date(2000, 6, 1)).count(),
            args.repeats,
        ),
    ]
    rows.append(timed(f"check_all ({models.Membership.objects.count()} memberships)", rules.check_all, 3))
    tracemalloc.start()  # a separate run: tracing slows Python down too much to time it
    rules.check_all()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    table = Table(title=f"registry benchmark ({args.people} generated members)")
    for column in ("operation", "median ms", "p95 ms"):
        table.add_column(column, justify="right" if column != "operation" else "left")
    for label, median, p95 in rows:
        table.add_row(label, f"{median:.1f}", f"{p95:.1f}")
    Console().print(table)
    print(f"peak memory of check_all: {peak:.1f} MiB")
    violations = rules.check_all()
    print(f"violations found: {len(violations)}", file=sys.stderr if violations else sys.stdout)


if __name__ == "__main__":
    main()
