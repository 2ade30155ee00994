"""``lagebild demo``: ingest the bundled sample corpus and print what lagebild made of it."""
from __future__ import annotations

import tempfile
from collections import Counter
from importlib import resources
from pathlib import Path

import click

from lagebild.engine import Engine


def sample_dir() -> Path:
    return Path(str(resources.files("lagebild").joinpath("sample")))


def run_demo(db: Path | None, quiet: bool) -> None:
    if db is None:
        db = Path(tempfile.mkdtemp(prefix="lagebild-demo-")) / "demo.db"
    engine = Engine(db)
    report = engine.ingest([str(sample_dir())])
    store = engine.store
    click.echo(f"lagebild demo: {len(report.added)} sample articles ingested into {db}"
               f" ({len(report.copies)} near-copies, {len(report.errors)} failed)\n")
    entities: Counter[tuple[str, str]] = Counter()
    n_quotes = 0
    for a in store.analyses():
        click.echo(f"  {a.article.published or '?':<10.10}  {a.article.title or a.article.id}")
        for e in a.entities:
            entities[(e.name, e.type)] += 1
        n_quotes += len(a.quotes)
    if entities:
        click.echo("\nMost mentioned:")
        for (name, typ), n in entities.most_common(10):
            click.echo(f"  {name} ({typ}): in {n} articles")
    click.echo(f"\n{n_quotes} quotes found. Try: lagebild search --db {db} Sanktionen")
    engine.close()
