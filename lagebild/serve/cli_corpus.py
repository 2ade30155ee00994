"""Corpus commands: stories, timeline, events, claims (in progress)."""
from __future__ import annotations

from pathlib import Path

import click

from lagebild.engine import Engine


def register(cli: click.Group) -> None:
    from lagebild.serve.cli import db_option, emit

    @cli.command()
    @db_option
    @click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
    def stories(db: Path | None, fmt: str) -> None:
        """Stories and events in the corpus (placeholder: one story per article).

        Example: lagebild stories --db news.db --format json
        """
        store = Engine(db).store
        out = [{"id": i, "title": "", "articles": [i], "events": [{"id": i, "title": "", "date": None,
                "articles": [i]}], "timeline": []} for i in store.ids()]
        emit(out, fmt)
