from rich.table import Table

from interparl.commands import RegistryCommand, console_for, print_json

from ... import rules


class Command(RegistryCommand):
    help = (
        "Validate everything stored against the registry's rules; exit status 1 if anything breaks one. "
        "With --deploy, first run Django's deployment checks on the settings."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["table", "json"], default="table", help="How to show violations.")
        parser.add_argument(
            "--deploy", action="store_true", help="Also check the settings for production (Django's --deploy)."
        )

    def run(self, *args, format="table", deploy=False, **options):
        if deploy:
            self.check(include_deployment_checks=True, display_num_errors=True)
        violations = rules.check_all()
        if format == "json":
            print_json(self.stdout, [v.__dict__ for v in violations])
        elif violations:
            table = Table(title=f"{len(violations)} rule violation(s)")
            for column in ("Rule", "Record", "Problem"):
                table.add_column(column, overflow="fold")
            for v in violations:
                table.add_row(v.rule, v.subject, v.message)
            console_for(self.stdout).print(table)
        else:
            self.stdout.write("The registry keeps all its rules: no violations.")
        if violations:
            raise SystemExit(1)
