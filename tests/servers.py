"""`interparl serve` as a real process, for the tests that talk to it over HTTP."""

import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

INTERPARL = str(Path(sys.executable).parent / "interparl")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(env: dict, *options: str, seconds: float = 60) -> tuple[str, subprocess.Popen]:
    """A server on a free port, once it answers: its address and its (master) process."""
    port = free_port()
    process = subprocess.Popen(
        [INTERPARL, "serve", "--port", str(port), *options], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/v1/", timeout=5).read()
            return base, process
        except OSError:
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline, f"the server did not answer within {seconds:.0f} s"
            time.sleep(0.3)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=20)


@contextmanager
def serving(env: dict, *options: str):
    """``start``, and stop the server when done."""
    base, process = start(env, *options)
    try:
        yield base, process
    finally:
        stop(process)
