"""Bytes to text: encoding detection for files that do not say theirs."""
from __future__ import annotations

from charset_normalizer import from_bytes

from lagebild.errors import InputError

_BINARY_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b")


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith(_BINARY_MAGIC):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM is text
        return False
    return b"\x00" in head


def decode(data: bytes, origin: str) -> str:
    """Decode ``data``: UTF-8 first (with or without BOM), else the detected encoding."""
    if not data.strip():
        raise InputError(origin, "empty", "the input is empty")
    if looks_binary(data):
        raise InputError(origin, "binary", "the input is binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(origin, "undecodable", "the text encoding could not be determined")
    return str(best)
