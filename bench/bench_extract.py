"""Extract facts from a large generated corpus of English and Russian sentences.

Prints sentences per second, facts found, and peak memory (traced Python allocations and RSS).
Run: .venv/bin/python bench/bench_extract.py [--sentences 20000]
"""

import argparse
import os
import random
import resource
import tempfile
import time
import tracemalloc

from rich.console import Console
from rich.table import Table

STATES_EN = [
    ("the National Assembly of the Republic of Belarus", "the House of Representatives", "the Council of the Republic"),
    ("the Parliament of the Republic of Kazakhstan", "the Mazhilis", "the Senate"),
    ("the Federal Assembly of the Russian Federation", "the State Duma", "the Federation Council"),
    ("the French Parliament", "the National Assembly", "the Senate"),
    ("the Parliament of Georgia", "the Parliament", "the Parliament"),
]
STATES_RU = [
    ("Национального собрания Республики Беларусь", "Палаты представителей", "Совета Республики"),
    ("Парламента Республики Казахстан", "Мажилиса", "Сената"),
    ("Федерального Собрания Российской Федерации", "Государственной Думы", "Совета Федерации"),
]
WORDS_RU = {
    3: ("трёх", "тремя"),
    4: ("четырёх", "четырьмя"),
    6: ("шести", "шестью"),
    7: ("семи", "семью"),
    8: ("восьми", "восемью"),
    10: ("десяти", "десятью"),
    12: ("двенадцати", "двенадцатью"),
}
NAMES = ["Viktor Kogut", "Anna Petrova", "Ivan Sidorov", "Maria Ivanova", "Oleg Smirnov"]
NAMES_RU = ["Рогалев Виктор Павлович", "Кротов Михаил Иосифович", "Петрова Анна Сергеевна"]


def corpus(count: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = ["Moscow, 20 October 2026"]
    for i in range(count):
        choice = i % 8
        if choice == 0:
            parliament, lower, upper = rng.choice(STATES_EN)
            lines.append(
                f"The delegation of {parliament} to the CSTO PA consists of {rng.randint(2, 12)} deputies "
                f"of {lower} and {rng.randint(2, 12)} members of {upper}."
            )
        elif choice == 1:
            parliament, lower, upper = rng.choice(STATES_RU)
            a, b = rng.choice(list(WORDS_RU)), rng.choice(list(WORDS_RU))
            lines.append(
                f"Делегация {parliament} в ПА ОДКБ представлена {WORDS_RU[a][1]} депутатами {lower} и "
                f"{WORDS_RU[b][1]} членами {upper}."
            )
        elif choice == 2:
            parliament = rng.choice(STATES_EN)[0]
            lines.append(
                f"Plenipotentiary representative of {parliament}, deputy Executive Secretary of the PA: "
                f"{rng.choice(NAMES)}."
            )
        elif choice == 3:
            lines.append(f"Полномочный представитель {rng.choice(STATES_RU)[0]} в ПА ОДКБ – {rng.choice(NAMES_RU)}.")
        elif choice == 4:
            lines.append(f"From 1 January {rng.randint(2010, 2030)} Russia chairs the CSTO.")
        elif choice == 5:
            lines.append(
                f"On {rng.randint(1, 28)} November {rng.randint(2010, 2030)}, at the CSTO summit in Minsk, "
                "the heads of state met."
            )
        elif choice == 6:
            lines.append(f"Website of the State Duma: http://duma.example.org/{i}")
        else:
            lines.append("The weather was mild, with light rain in the evening and a cool wind from the north.")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3, help="Runs to time; the best is reported.")
    args = parser.parse_args()
    # Extraction needs no database, but it imports the registry's models (for the names it knows).
    os.environ.setdefault("INTERPARL_DATA_DIR", tempfile.mkdtemp(prefix="interparl-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interparl.settings")
    import django

    django.setup()
    from interparl.ingestion.extract import extract
    from interparl.ingestion.knowledge import Knowledge

    text = corpus(args.sentences)
    resolver = Knowledge()
    extract(
        "Warm-up: Делегация Парламента Республики Казахстан в ПА ОДКБ состоит из шести депутатов.", "auto", resolver
    )
    # The best of a few runs: this machine's speed varies from minute to minute, and the best run is the one
    # least disturbed by other work.
    elapsed = float("inf")
    for _ in range(args.repeat):
        began = time.perf_counter()
        _reduced, result = extract(text, "auto", resolver)
        elapsed = min(elapsed, time.perf_counter() - began)
    tracemalloc.start()  # a second run for memory: tracing slows Python down too much to time it
    extract(text, "auto", resolver)
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = args.sentences + 1
    table = Table(title=f"extraction over {total} sentences ({len(text) / 2**20:.1f} MiB, mixed languages)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row(f"time (best of {args.repeat})", f"{elapsed:.2f} s")
    table.add_row("sentences per second", f"{total / elapsed:,.0f}")
    for kind in ("delegations", "people", "websites", "chairmanships", "events", "unparsed"):
        table.add_row(kind, str(len(getattr(result, kind))))
    table.add_row("peak traced Python memory", f"{traced_peak:.1f} MiB")
    table.add_row("peak RSS of the process", f"{rss:.0f} MiB")
    Console().print(table)


if __name__ == "__main__":
    main()
