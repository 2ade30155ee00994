"""``lagebild demo``: ingest the bundled sample corpus and print what lagebild made of it."""
from __future__ import annotations

import tempfile
from collections import Counter
from importlib import resources
from pathlib import Path

import click

from lagebild.engine import Engine
from lagebild.link import views


def sample_dir() -> Path:
    return Path(str(resources.files("lagebild").joinpath("sample")))


def run_demo(db: Path | None, quiet: bool) -> None:
    if db is None:
        db = Path(tempfile.mkdtemp(prefix="lagebild-demo-")) / "demo.db"
    engine = Engine(db)
    report = engine.ingest([str(sample_dir())])
    store = engine.store
    echo = click.echo
    echo(f"lagebild demo: {len(report.added) + len(report.unchanged)} sample articles in {db}"
         f" ({len(report.copies)} near-copies linked, {len(report.errors)} failed)")
    entities: Counter[tuple[str, str]] = Counter()
    speakers: Counter[str] = Counter()
    for a in store.analyses():
        for e in a.entities:
            entities[(e.name, e.type)] += 1
        for q in a.quotes:
            if q.speaker is not None:
                speakers[q.speaker.name or q.speaker.text] += 1
    echo("\nStories and their events:")
    for s in views.stories(store, with_timeline=True):
        echo(f"  ■ {s['title'][:90]}  ({len(s['articles'])} articles)")
        for e in s["events"]:
            echo(f"      {e['date'] or '?':<10}  {e['title'][:80]}")
        for t in s["timeline"][:6]:
            echo(f"      · {t['date']:<10}  {t['summary'][:80]}")
    if entities:
        echo("\nWho is involved (articles mentioning them):")
        echo("  " + ", ".join(f"{name} ({typ}) {n}" for (name, typ), n in entities.most_common(12)))
    if speakers:
        echo("\nWho is quoted most:")
        echo("  " + ", ".join(f"{name} {n}" for name, n in speakers.most_common(8)))
    contested = [c for c in views.claims(store) if c["contradiction"]]
    if contested:
        echo("\nContested claims:")
        for c in contested[:5]:
            echo(f"  ! {c['text'][:100]}")
            for st in c["statements"][:4]:
                echo(f"      {st['date'] or '?':<10} {st['stance']:<8} {st['speaker']['text'][:40]}")
    echo(f"\nNext: lagebild stories --db {db}   ·   lagebild quotes --db {db} --speaker Peskow"
         f"   ·   lagebild search --db {db} Hochwasser")
    engine.close()
