"""Progress on standard error for long runs (tqdm), silent with --quiet or when not a terminal."""
from __future__ import annotations

import sys
from types import TracebackType

from tqdm import tqdm


class Progress:
    def __init__(self, what: str, quiet: bool = False) -> None:
        self.bar = tqdm(desc=what, unit=" docs", disable=quiet or not sys.stderr.isatty(), file=sys.stderr)
        self.quiet = quiet

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.bar.close()

    def update(self, n: int = 1) -> None:
        self.bar.update(n)

    def write(self, message: str) -> None:
        tqdm.write(message, file=sys.stderr)
