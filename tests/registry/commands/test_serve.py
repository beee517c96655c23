"""`interparl serve` as an operator runs it: a real gunicorn master and worker processes on a fresh SQLite file."""

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.servers import serving


def serving_from(data: Path, *options: str):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    return serving(env | {"INTERPARL_DATA_DIR": str(data)}, *options)


def workers_of(master: subprocess.Popen, port: int, expected: int) -> list[int]:
    """The worker processes, once ``expected`` of them listen (the first to boot answers before the others)."""
    deadline = time.monotonic() + 30
    while True:
        children = [int(pid) for pid in Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()]
        listening = tcp_sockets(port, "0A")
        if len(children) == expected and all(sockets_held(pid, listening) for pid in children):
            return children
        assert time.monotonic() < deadline, f"{len(children)} of {expected} workers listen after 30 s"
        time.sleep(0.2)


def tcp_sockets(port: int, state: str) -> set[str]:
    """Inodes of this machine's TCP sockets on local ``port`` in ``state`` (01 established, 0A listening)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == state:
                inodes.add(fields[9])
    return inodes


def sockets_held(pid: int, inodes: set[str]) -> int:
    held = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # closed meanwhile
            continue
        held += target.startswith("socket:[") and target[8:-1] in inodes
    return held


def test_serve_answers_from_the_database(tmp_path):
    with serving_from(tmp_path) as (base, _server):
        with urllib.request.urlopen(f"{base}/", timeout=5) as response:
            page = response.read().decode()
            assert response.url.endswith("/en/")
    assert "Parliamentary Assembly of the Collective Security Treaty Organization" in page
    assert "67" in page and "Viktor Kogut" in page


def test_every_worker_listens_and_connections_are_spread_over_them(tmp_path):
    """gthread workers sharing one listening socket let one worker take every connection of a burst (it serves
    them with one core while the other idles); each worker has a socket of its own (SO_REUSEPORT) instead, and
    the kernel spreads the connections."""
    with serving_from(tmp_path, "--workers", "2", "--threads", "2") as (base, server):
        port = int(base.rsplit(":", 1)[1])
        workers = workers_of(server, port, expected=2)
        listening = tcp_sockets(port, "0A")
        assert [sockets_held(pid, listening) for pid in workers] == [1, 1]
        assert sockets_held(server.pid, listening) == 0

        clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(24)]
        try:
            for client in clients:
                client.sendall(b"GET /api/v1/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            for client in clients:
                assert client.recv(64).startswith(b"HTTP/1.1 200")
            established = tcp_sockets(port, "01")
            held = [sockets_held(pid, established) for pid in workers]
        finally:
            for client in clients:
                client.close()
    assert sum(held) == 24
    assert min(held) >= 3, f"connections per worker: {held}"


def test_serve_refuses_a_port_out_of_range_and_a_busy_port(cli, tmp_path):
    out_of_range = cli("serve", "--port", "99999")
    assert out_of_range.returncode == 2 and "99999 is not a port number" in out_of_range.stderr
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = cli("serve", "--port", str(port))
    assert busy.returncode == 2
    assert f"port {port} is in use; try --port {port + 1}" in busy.stderr
    assert "Traceback" not in busy.stderr


def test_a_second_server_is_refused_the_port_the_first_listens_on(cli, tmp_path):
    """The workers' SO_REUSEPORT sockets must not let another server quietly share their port."""
    with serving_from(tmp_path) as (base, _server):
        port = int(base.rsplit(":", 1)[1])
        second = cli("serve", "--port", str(port))
    assert second.returncode == 2
    assert f"port {port} is in use" in second.stderr
