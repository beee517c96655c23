"""The `interparl` command: the project's own commands plus every Django management command."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interparl.settings")
    from django.core.management import execute_from_command_line, get_commands

    argv = list(sys.argv if argv is None else ["interparl", *argv])
    argv[0] = "interparl"
    if len(argv) > 1 and not argv[1].startswith("-") and argv[1] not in ("help",):
        import django

        django.setup()
        if argv[1] not in get_commands():
            print(f"interparl: unknown command '{argv[1]}' (see 'interparl help')", file=sys.stderr)
            raise SystemExit(2)
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
