"""Fetching URLs from a real HTTP server on loopback: policy, limits, feeds with linked pages."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from lagebild.errors import InputError
from lagebild.ingest import ReadOptions, read_inputs
from lagebild.ingest.url import FetchPolicy
from lagebild.model import RawDocument
from tests.conftest import BODY, BODY2, page


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        host = f"http://{self.headers['Host']}"
        routes = {
            "/artikel": ("text/html; charset=utf-8", page("Haushalt", BODY)),
            "/streik": ("text/html; charset=utf-8", page("Streik", BODY2)),
            "/feed": ("application/rss+xml", "<?xml version='1.0'?><rss version='2.0'><channel><title>Lokal</title>"
                      f"<item><title>Streik</title><link>{host}/streik</link><description>Kurz: Streik.</description>"
                      "</item></channel></rss>"),
            "/gross": ("text/html", "<p>" + "x" * 50_000 + "</p>"),
        }
        if self.path == "/weiter":
            self.send_response(302)
            self.send_header("Location", "/artikel")
            self.end_headers()
            return
        if self.path not in routes:
            self.send_response(404)
            self.end_headers()
            return
        ctype, body = routes[self.path]
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def fetch(url: str, **policy: object) -> list[RawDocument | InputError]:
    opts = ReadOptions(fetch=True, policy=FetchPolicy(**policy))  # type: ignore[arg-type]
    return list(read_inputs([url], opts))


def test_urls_need_fetch_flag(server: str) -> None:
    (err,) = list(read_inputs([server + "/artikel"], ReadOptions()))
    assert isinstance(err, InputError) and err.reason == "fetch_disabled"


def test_loopback_refused_unless_allowed(server: str) -> None:
    (err,) = fetch(server + "/artikel")
    assert isinstance(err, InputError) and err.reason == "private_address" and "127.0.0.1" in err.message
    (doc,) = fetch(server + "/weiter", allow_private=True)
    assert isinstance(doc, RawDocument) and doc.url == server + "/artikel" and "Haushaltsplan" in (doc.html or "")


def test_size_limit_status_and_scheme(server: str) -> None:
    (big,) = fetch(server + "/gross", allow_private=True, max_bytes=10_000)
    assert isinstance(big, InputError) and big.reason == "too_large"
    (missing,) = fetch(server + "/nichts", allow_private=True)
    assert isinstance(missing, InputError) and missing.reason == "http_status" and "404" in missing.message
    (ftp,) = list(read_inputs(["https://"], ReadOptions(fetch=True)))
    assert isinstance(ftp, InputError) and ftp.reason == "bad_url"


def test_feed_entries_fetch_their_linked_pages(server: str) -> None:
    (doc,) = fetch(server + "/feed", allow_private=True)
    assert isinstance(doc, RawDocument) and doc.title == "Streik"
    assert doc.html is not None and "Containerterminals" in doc.html  # the page, not the summary
