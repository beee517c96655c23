import sys
from pathlib import Path

from ...dataset.popolo import iter_popolo_json
from ..base import RegistryCommand


class Command(RegistryCommand):
    help = "Export the whole registry as Popolo JSON (to a file, or to standard output)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["popolo"], default="popolo")
        parser.add_argument("--output", "-o", type=Path, default=None, help="File to write (default: stdout).")

    def run(self, *args, format="popolo", output=None, **options):
        if output is None:
            for piece in iter_popolo_json():
                sys.stdout.write(piece)
            return
        with open(output, "w", encoding="utf-8") as out:
            for piece in iter_popolo_json():
                out.write(piece)
        self.stderr.write(f"wrote {output}")
