"""lagebild: a sourced situational picture (Lagebild) from a pile of German news."""
from __future__ import annotations

from lagebild.engine import Engine
from lagebild.errors import FetchError, InputError, LagebildError, ModelError, NotFound, StoreError
from lagebild.model import Analysis, Article, Entity, Figure, Flag, Mention, Quote, RawDocument, Role, Timex

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "Engine",
    "Entity",
    "FetchError",
    "Figure",
    "Flag",
    "InputError",
    "LagebildError",
    "Mention",
    "ModelError",
    "NotFound",
    "Quote",
    "RawDocument",
    "Role",
    "StoreError",
    "Timex",
    "__version__",
]
