from rich.table import Table

from interparl.commands import RegistryCommand, console_for, print_json
from interparl.inputs import read_page

from ...extract import extract
from ...knowledge import Knowledge


class Command(RegistryCommand):
    help = (
        "List the facts a page states (delegations, people, websites, chairmanships, events, member states) "
        "and the sentences it could not read."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Text, Markdown or HTML; '-' for standard input.")
        parser.add_argument(
            "--lang", choices=["auto", "en", "ru"], default="auto", help="Language of the text (default: per sentence)."
        )
        parser.add_argument("--format", choices=["json", "text"], default="json", help="How to show the facts.")

    def run(self, *args, file: str, lang="auto", format="json", **options):
        text, result = extract(read_page(file), lang, Knowledge.from_registry())
        if format == "json":
            print_json(self.stdout, result.to_dict())
            return
        data = result.to_dict()
        console = console_for(self.stdout)
        console.print(
            f"[bold]Language:[/] {result.language} · {result.fact_count} fact{'' if result.fact_count == 1 else 's'} · "
            f"{len(result.unparsed)} sentences without a fact"
        )
        for kind in result.FACT_KINDS:
            rows = data[kind]
            if not rows:
                continue
            table = Table(title=kind, show_lines=False, title_justify="left")
            columns = [k for k in rows[0] if k != "span"] + ["span"]
            for column in columns:
                table.add_column(column, overflow="fold")
            for row in rows:
                values = []
                for column in columns:
                    value = row[column]
                    if column == "seats":
                        value = " + ".join(
                            f"{s['count']}{' subst.' if s['kind'] == 'substitute' else ''}"
                            f" ({s['chamber'] or 'chamber not named'})"
                            for s in value
                        )
                    elif isinstance(value, list):
                        value = ", ".join(str(v) for v in value)
                    values.append("—" if value is None else str(value))
                table.add_row(*values)
            console.print(table)
        if result.unparsed:
            console.print("[bold]Not read:[/]")
            for row in data["unparsed"]:
                console.print(f"  [dim]{row['span'][0]}–{row['span'][1]}[/] {row['text']}")
