"""Fetching http(s) URLs, only when asked (``--fetch``), with a policy that keeps it safe.

Refused: other schemes, bodies over ``max_bytes``, and hosts that resolve to private,
loopback, link-local or reserved addresses unless ``allow_private`` is set.
"""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from lagebild.errors import FetchError


@dataclass(frozen=True)
class FetchPolicy:
    allow_private: bool = False
    timeout: float = 15.0
    max_bytes: int = 10_000_000
    user_agent: str = "lagebild/0.1 (+news analysis)"


@dataclass(frozen=True)
class Fetched:
    url: str
    content: bytes
    content_type: str


def check_url(url: str, policy: FetchPolicy) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, "scheme", f"only http and https URLs are fetched, not {parts.scheme or 'none'!r}")
    host = parts.hostname
    if not host:
        raise FetchError(url, "bad_url", "the URL has no host")
    if policy.allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror as exc:
        raise FetchError(url, "dns", f"the host {host!r} cannot be resolved ({exc})") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global:
            raise FetchError(url, "private_address",
                             f"{host} resolves to the non-public address {addr}; use --allow-private")


def fetch(url: str, policy: FetchPolicy = FetchPolicy()) -> Fetched:
    """GET ``url`` following redirects (each hop checked), at most ``max_bytes``."""
    current = url
    with httpx.Client(timeout=policy.timeout, follow_redirects=False,
                      headers={"User-Agent": policy.user_agent}) as client:
        for _ in range(6):
            check_url(current, policy)
            try:
                with client.stream("GET", current) as resp:
                    if resp.is_redirect and resp.headers.get("location"):
                        current = str(resp.url.join(resp.headers["location"]))
                        continue
                    if resp.status_code >= 400:
                        raise FetchError(url, "http_status", f"the server answered HTTP {resp.status_code}")
                    declared = int(resp.headers.get("content-length") or 0)
                    if declared > policy.max_bytes:
                        raise FetchError(url, "too_large",
                                         f"{declared:,} bytes is over the limit of {policy.max_bytes:,}")
                    chunks, size = [], 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > policy.max_bytes:
                            raise FetchError(url, "too_large", f"more than {policy.max_bytes:,} bytes")
                        chunks.append(chunk)
                    return Fetched(str(resp.url), b"".join(chunks), resp.headers.get("content-type", ""))
            except httpx.TimeoutException as exc:
                raise FetchError(url, "timeout", f"no answer within {policy.timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(url, "network", f"could not be fetched ({exc})") from exc
    raise FetchError(url, "redirects", "too many redirects")
