"""Corpus commands: stories, timeline, events, claims, recluster (thin adapters over lagebild.link)."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from lagebild.engine import Engine
from lagebild.store import SQLiteStore


def _store(db: Path | None) -> SQLiteStore:
    """The store with every article linked (articles stored before linking existed get placed now)."""
    from lagebild.link import unlinked, update_corpus
    store = Engine(db).store
    missing = unlinked(store)
    if missing:
        update_corpus(store, missing)
    return store


def register(cli: click.Group) -> None:
    from lagebild.serve.cli import db_option, emit

    @cli.command()
    @db_option
    @click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
    @click.option("--no-timeline", is_flag=True, help="Leave the timelines out (faster on big corpora).")
    def stories(db: Path | None, fmt: str, no_timeline: bool) -> None:
        """Stories, their events and timelines; every article is in one story and one event.

        Example: lagebild stories --db news.db --format json
        """
        from lagebild.link.views import stories as read
        out = read(_store(db), with_timeline=not no_timeline and fmt == "json")
        if fmt == "json":
            emit(out, fmt)
            return
        for s in out:
            click.echo(f"{s['id']}  {len(s['articles'])} articles, {len(s['events'])} events  {s['title'][:80]}")
            for e in s["events"]:
                click.echo(f"    {e['date'] or '?':<10} {e['id']}  {len(e['articles'])}  {e['title'][:70]}")

    @cli.command()
    @db_option
    @click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
    @click.argument("story")
    def timeline(db: Path | None, fmt: str, story: str) -> None:
        """The dated timeline of one STORY (a story id, or an article id of that story), with evidence.

        Example: lagebild timeline --db news.db s-000_0e500466164d223d
        """
        from lagebild.link.views import timeline_items
        store = _store(db)
        row = store.db.execute("SELECT story_id FROM link_articles WHERE story_id=? OR article_id=? LIMIT 1",
                               (story, story)).fetchone()
        if row is None:
            raise click.ClickException(f"no story {story!r}; see `lagebild stories`")
        ids = [r[0] for r in store.db.execute("SELECT article_id FROM link_articles WHERE story_id=?", (row[0],))]
        items = timeline_items(store, sorted(ids))
        if fmt == "json":
            emit({"story": row[0], "timeline": items}, fmt)
            return
        for it in items:
            who = ", ".join(it["participants"][:4])
            click.echo(f"{it['date']:<10}  {it['trigger']:<14} {who[:40]:<40} [{', '.join(it['articles'])}]")
            click.echo(f"            {it['summary'][:150]}")

    @cli.command()
    @db_option
    @click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "tsv", "mentions"]), default="jsonl",
                  show_default=True,
                  help="tsv: POLECAT's columns; mentions: one row per event, article, sentence, span.")
    def events(db: Path | None, fmt: str) -> None:
        """Who did what to whom (PLOVER event types), each once however many articles report it.

        Example: lagebild events --db news.db --format tsv > events.tsv
        """
        from lagebild.link.views import POLECAT_COLUMNS, polecat_rows
        from lagebild.link.views import events as read
        records = read(_store(db))
        if fmt == "json":
            emit(records, fmt)
        elif fmt == "jsonl":
            for r in records:
                sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        elif fmt == "tsv":
            w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
            w.writerow(POLECAT_COLUMNS)
            w.writerows(polecat_rows(records))
        else:
            w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
            w.writerow(["event", "article", "sentence_start", "sentence_end", "start", "end", "text"])
            for r in records:
                for m in r["mentions"]:
                    w.writerow([r["id"], m["article"], *m["sentence"], *m["span"], m["text"]])

    @cli.command()
    @db_option
    @click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
    @click.option("--all", "show_all", is_flag=True, help="Also claims made by one statement only.")
    def claims(db: Path | None, fmt: str, show_all: bool) -> None:
        """Claims: one proposition's statements across articles and speakers, with stance,
        contradictions and reversals first.

        Example: lagebild claims --db news.db --format json
        """
        from lagebild.link.views import claims as read
        out = read(_store(db), 1 if show_all else 2)
        if fmt == "json":
            emit(out, fmt)
            return
        for c in out:
            mark = "CONTRADICTED " if c["contradiction"] else ""
            click.echo(f"{c['id']}  {mark}{c['text'][:100]}")
            for s in c["statements"]:
                click.echo(f"    {s['date'] or '?':<10} {s['stance']:<9} {s['speaker']['text'][:30]:<30} "
                           f"{s['text'][:70]}")

    @cli.command()
    @db_option
    def recluster(db: Path | None) -> None:
        """Rebuild stories, events, timelines, who-did-what records and claims from scratch.

        Example: lagebild recluster --db news.db
        """
        from lagebild.link import recluster as run
        n = run(Engine(db).store)
        click.echo(f"relinked {n} articles", err=True)
