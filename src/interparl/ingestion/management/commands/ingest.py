import datetime as dt

from interparl.inputs import read_page
from interparl.registry import selectors
from interparl.registry.management.base import RegistryCommand, console_for, iso_date, print_json

from ...applying import IngestError, apply_plan, prepare
from ...planning import ADD, CHANGE, CONFLICT, END, SIGNS, SKIPPED, UNCHANGED

STYLES = {ADD: "green", CHANGE: "yellow", END: "red", CONFLICT: "bold magenta", UNCHANGED: "dim", SKIPPED: "cyan"}


class Command(RegistryCommand):
    help = (
        "Compare what a page states with the registry and show the change it would make; "
        "write it, with its sources, only with --apply."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Text, Markdown or HTML; '-' for standard input.")
        parser.add_argument("--assembly", default=None, help="Assembly id (default: the built-in one).")
        parser.add_argument("--source", default=None, help="Address of the page the text comes from.")
        parser.add_argument(
            "--as-of", type=iso_date, default=None, help="The date the text describes (default: today)."
        )
        parser.add_argument("--lang", choices=["auto", "en", "ru"], default="auto")
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument("--apply", action="store_true", help="Write the change (one transaction).")

    def run(
        self, *args, file, assembly=None, source=None, as_of=None, lang="auto", format="table", apply=False, **options
    ):
        organization = selectors.get_organization(assembly, "assembly") if assembly else selectors.default_assembly()
        if organization is None:
            raise selectors.NotFound("the registry holds no assembly")
        raw = read_page(file)
        as_of = as_of or dt.date.today()
        text, plan = prepare(raw, organization, as_of, url=source, path=file, language=lang)
        applied = None
        if apply and plan.pending:
            try:
                applied = apply_plan(plan, raw, url=source, path=file)
            except IngestError as exc:
                from django.core.management.base import CommandError

                raise CommandError(
                    "nothing was written: the change would break registry rules:\n  " + "\n  ".join(exc.problems),
                    returncode=1,
                ) from None
        if format == "json":
            print_json(self.stdout, {**plan.to_dict(), "applied": bool(applied)})
            return
        console = console_for(self.stdout)
        console.print(
            f"[bold]{organization.slug}[/] as of {as_of} · source: {plan.source_label} · language: {plan.language}"
        )
        for change in plan.changes:
            style = STYLES[change.action]
            console.print(
                f"[{style}]{SIGNS[change.action]} {change.kind:<12} {change.summary}[/] "
                f"[dim]@{change.span[0]}–{change.span[1]}[/]",
                highlight=False,
            )
        counts = ", ".join(f"{plan.count(a)} {a}" for a in (ADD, CHANGE, END, CONFLICT, UNCHANGED, SKIPPED))
        console.print(f"\n{counts}")
        if applied:
            console.print(f"[bold green]Applied {len(plan.pending)} change(s) in one transaction.[/]")
        elif plan.pending:
            console.print(f"Nothing written. Run again with --apply to write {len(plan.pending)} change(s).")
        else:
            console.print("Nothing to write: the registry already says all this.")
