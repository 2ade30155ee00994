"""German language knowledge as data files, read once per process.

Each ``*.txt`` list has one entry per line; ``#`` starts a comment. Each file says in its
header where its entries come from (all written for lagebild from general knowledge of German).
"""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from lagebild.errors import ModelError


def _read(name: str) -> str:
    try:
        return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ModelError(f"language data file {name!r} is missing from the package") from exc


@cache
def word_list(name: str) -> tuple[str, ...]:
    """Entries of ``name`` (a .txt file here), comments and blank lines dropped."""
    out = []
    for line in _read(name).splitlines():
        line = line.split(" #", 1)[0].rstrip()
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(line.strip(" "))
    return tuple(out)


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(word_list(name))


@cache
def table(name: str) -> dict[str, tuple[str, ...]]:
    """A tab-separated file as key -> fields."""
    out: dict[str, tuple[str, ...]] = {}
    for line in word_list(name):
        key, *rest = [p.strip() for p in line.split("\t")]
        out[key] = tuple(rest)
    return out


@cache
def json_data(name: str) -> Any:
    return json.loads(_read(name))
