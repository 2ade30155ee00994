"""Data files of the cleaning step (boilerplate patterns, word lists), read once per process.

Each file has a header saying what it is; all were written for lagebild. ``#`` starts a
comment line; ``[name]`` starts a section.
"""
from __future__ import annotations

from functools import cache
from importlib import resources

from lagebild.errors import ModelError


@cache
def sections(name: str) -> dict[str, tuple[str, ...]]:
    """The entries of ``name`` by section (entries before any header go under "")."""
    try:
        text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ModelError(f"cleaning data file {name!r} is missing from the package") from exc
    out: dict[str, list[str]] = {"": []}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]") and " " not in line:
            current = line[1:-1]
            out.setdefault(current, [])
            continue
        out.setdefault(current, []).append(line)
    return {k: tuple(v) for k, v in out.items()}


def entries(name: str) -> tuple[str, ...]:
    """All entries of a file without sections."""
    return sections(name)[""]
