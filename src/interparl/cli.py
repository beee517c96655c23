"""The `interparl` command: the project's own commands first; every Django management command on request."""

import os
import re
import sys

USAGE = "usage: interparl COMMAND [options]   ·   interparl help COMMAND   ·   interparl help --all"


def project_commands() -> dict[str, str]:
    """The project's commands and the first sentence of each one's help, by name."""
    from django.core.management import get_commands, load_command_class

    found = {}
    for name, app in sorted(get_commands().items()):
        if app.startswith("interparl."):
            text = load_command_class(app, name).help or ""
            found[name] = re.split(r"(?<!e\.g)\. |: ", text)[0].rstrip(".")
    return found


def print_overview() -> None:
    commands = project_commands()
    width = max(map(len, commands))
    print(USAGE, "", "Commands:", sep="\n")
    for name, line in commands.items():
        print(f"  {name:<{width}}  {line}")
    print("", "Django's own commands (migrate, createsuperuser, shell, …): interparl help --all", sep="\n")


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interparl.settings")
    import django
    from django.core.management import execute_from_command_line, get_commands

    argv = list(sys.argv if argv is None else ["interparl", *argv])
    argv[0] = "interparl"
    django.setup()
    asked = argv[1:]
    if not asked or asked in (["-h"], ["--help"], ["help"]):
        print_overview()
        return
    if asked == ["help", "--all"]:
        argv = ["interparl", "help"]
    elif not asked[0].startswith("-") and asked[0] != "help" and asked[0] not in get_commands():
        print(f"interparl: unknown command '{asked[0]}' (see 'interparl help')", file=sys.stderr)
        raise SystemExit(2)
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
