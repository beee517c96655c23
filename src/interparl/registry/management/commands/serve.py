import argparse
import socket

from interparl.commands import RegistryCommand
from interparl.errors import DatasetError


def port_number(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (1–65535)")
    return port


def ensure_free(host: str, port: int) -> None:
    """Say which port to try instead of a server's traceback when the port is taken."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        # As the server will: a port left in TIME_WAIT by a server that just stopped is free to use again.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno in (98, 48):  # EADDRINUSE on Linux, macOS
                raise DatasetError([f"port {port} is in use; try --port {port + 1}"]) from None
            raise DatasetError([f"cannot listen on {host}:{port} ({exc.strerror or exc})"]) from None


class Command(RegistryCommand):
    help = "Prepare the database (migrate, load the built-in dataset) and serve the application with waitress."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1).")
        parser.add_argument("--port", type=port_number, default=8000, help="Port to listen on (default 8000).")
        parser.add_argument("--threads", type=int, default=8, help="Worker threads (default 8).")

    def run(self, *args, host="127.0.0.1", port=8000, threads=8, **options):
        from waitress import serve

        from interparl.wsgi import application

        ensure_free(host, port)
        self.stdout.write(f"interparl serving on http://{host}:{port}/ (Ctrl+C to stop)")
        self.stdout.flush()
        serve(application, host=host, port=port, threads=threads, ident="interparl")
