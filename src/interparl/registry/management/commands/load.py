from pathlib import Path

from rich.table import Table

from ...dataset.loader import load_dataset
from ..base import RegistryCommand, console_for


class Command(RegistryCommand):
    help = "Load a dataset file (YAML, format interparl-dataset/1) into the registry, atomically."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--reason", default=None, help="Why: recorded in the change history.")

    def run(self, *args, file: Path, reason=None, **options):
        report = load_dataset(file, reason=reason)
        table = Table(title=f"Loaded {file}")
        for column in ("Table", "Added", "Changed", "Unchanged"):
            table.add_column(column, justify="right" if column != "Table" else "left")
        for name, counts in report.counts.items():
            table.add_row(name, str(counts["added"]), str(counts["changed"]), str(counts["unchanged"]))
        console_for(self.stdout).print(table)
