"""Watched pages against a local HTTP server whose pages change between runs (no other network)."""

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from interparl.changes.models import Proposal, WatchedPage
from interparl.changes.watching import add, run_page
from interparl.errors import DatasetError

pytestmark = pytest.mark.django_db

FIRST = (
    "<html><head><meta charset='utf-8'></head><body>"
    "<h2>Republic of Tajikistan</h2>"
    "<p>Plenipotentiary representative of the Parliament of the Republic of Tajikistan in the CSTO PA: "
    "Davron Watchedov</p></body></html>"
)
SECOND = FIRST.replace("</body>", "<p>Official website of the Majlisi milli: https://www.majlisimilli.tj/</p></body>")


class Site:
    """Serves ``pages`` with an ETag, and answers 304 to a matching If-None-Match."""

    def __init__(self):
        self.pages: dict[str, str] = {}
        self.requests: list[dict] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append(dict(self.headers))
                body = site.pages.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                data = body.encode()
                etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    running = Site()
    yield running
    running.close()


def test_first_run_proposes_same_page_does_not_changed_page_proposes_only_the_difference(site):
    site.pages["/tjk"] = FIRST
    page = add(site.url("/tjk"), "csto-pa")

    first = run_page(page)
    assert first.status == "new proposal"
    summaries = [c["summary"] for c in first.proposal.changes]
    assert any("Davron Watchedov" in s for s in summaries)

    again = run_page(page)
    assert again.status == "not modified" and again.proposal is None
    assert site.requests[-1].get("If-None-Match")  # a conditional GET
    assert Proposal.objects.count() == 1

    site.pages["/tjk"] = SECOND
    changed = run_page(page)
    assert changed.status == "new proposal"
    new = [c["summary"] for c in changed.proposal.changes]
    assert any("majlisimilli.tj" in s for s in new)
    assert not any("Davron Watchedov" in s for s in new)  # already waiting in the first proposal
    assert changed.proposal.watched_page == page and changed.proposal.source_url == site.url("/tjk")


def test_an_unreachable_page_is_reported_and_skipped(site):
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = closed.server_address[1]
    closed.server_close()
    page = add(f"http://127.0.0.1:{port}/gone", "csto-pa")
    outcome = run_page(page)
    assert outcome.status == "failed" and outcome.proposal is None
    page.refresh_from_db()
    assert page.last_status.startswith("failed")
    site.pages["/tjk"] = FIRST
    assert run_page(add(site.url("/tjk"), "csto-pa")).status == "new proposal"  # the others still run


def test_only_web_addresses_and_known_assemblies_are_watched():
    with pytest.raises(DatasetError, match="is not a web address"):
        add("file:///etc/passwd", "csto-pa")
    with pytest.raises(DatasetError, match="unknown assembly"):
        add("https://example.org/x", "nato-pa")
    assert not WatchedPage.objects.exists()


def test_watch_run_from_the_command_line(cli, site, tmp_path):
    site.pages["/tjk"] = FIRST
    data = tmp_path / "registry"
    assert cli("watch", "add", site.url("/tjk"), "--assembly", "csto-pa", data=data).returncode == 0
    assert cli("watch", "add", "http://127.0.0.1:9/nothing-listens-here", data=data).returncode == 0
    first = cli("watch", "run", data=data)
    assert first.returncode == 0, first.stderr
    assert "new proposal" in first.stdout and "failed" in first.stdout
    second = cli("watch", "run", data=data)
    assert "not modified" in second.stdout and "new proposal" not in second.stdout
    listed = cli("proposals", "list", data=data)
    assert listed.stdout.count("waiting for review") == 1
