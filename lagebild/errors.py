"""One exception tree for lagebild; third-party errors are translated where they enter.

    LagebildError
    ├── InputError          an input cannot be read or is unusable (carries origin + reason code)
    │   └── FetchError      a URL could not be fetched or was refused
    ├── StoreError          the database cannot be opened, migrated or written
    ├── ModelError          a shipped model or data file is missing or broken
    └── NotFound            an id asked for is not in the store
"""
from __future__ import annotations


class LagebildError(Exception):
    """Base of every error lagebild raises on purpose."""


class InputError(LagebildError):
    """An input was rejected; ``origin`` names it and ``reason`` is a short code."""

    def __init__(self, origin: str, reason: str, message: str) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.reason = reason
        self.message = message


class FetchError(InputError):
    """A URL could not be fetched (network, size, scheme or address policy)."""


class StoreError(LagebildError):
    """The store could not be opened, migrated or written."""


class ModelError(LagebildError):
    """A shipped model or language-data file is missing or unreadable."""


class NotFound(LagebildError):
    """Something asked for by id does not exist."""
