import argparse
import os
import socket

from gunicorn.app.base import BaseApplication

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


def count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number") from None
    if not 1 <= number <= 256:
        raise argparse.ArgumentTypeError(f"{number} is not between 1 and 256")
    return number


class Server(BaseApplication):
    """gunicorn, configured here rather than by a file: a master process and ``workers`` processes with
    ``threads`` threads each, so every core serves."""

    def __init__(self, application, settings: dict):
        self.application, self.settings = application, settings
        super().__init__()

    def load_config(self):
        for key, value in self.settings.items():
            self.cfg.set(key, value)

    def load(self):
        return self.application


class Command(RegistryCommand):
    help = (
        "Prepare the database (migrate, load the built-in dataset) and serve the application with gunicorn: "
        "several worker processes, so that every core serves. With REDIS_URL set they share one cache."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1).")
        parser.add_argument("--port", type=port_number, default=8000, help="Port to listen on (default 8000).")
        parser.add_argument(
            "--workers", type=count, default=None, help="Worker processes (default: the number of CPU cores)."
        )
        parser.add_argument("--threads", type=count, default=4, help="Threads per worker process (default 4).")

    def run(self, *args, host="127.0.0.1", port=8000, workers=None, threads=4, **options):
        from django.db import connections

        from interparl.wsgi import application

        ensure_free(host, port)
        workers = workers or os.cpu_count() or 1
        self.stdout.write(
            f"interparl serving on http://{host}:{port}/ with {workers} processes × {threads} threads (Ctrl+C to stop)"
        )
        self.stdout.flush()
        connections.close_all()  # each worker opens its own connections after the fork
        Server(
            application,
            {
                "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread",
                "accesslog": None,
                "errorlog": "-",
                "loglevel": "warning",
                "proc_name": "interparl",
                # Each worker listens on a socket of its own and the kernel spreads connections over them: on one
                # shared socket a worker could take a whole burst of keep-alive connections and serve them on one
                # core while the other workers idled (a quarter of the load runs here, at a third of the rate).
                "reuse_port": True,
                "timeout": 120,  # a whole-registry export at world scale takes a while
            },
        ).run()
