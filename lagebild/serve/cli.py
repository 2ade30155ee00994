"""The command line: each command builds the Engine, makes one call, turns errors into messages."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from lagebild.clean import CleanOptions
from lagebild.engine import Engine, IngestReport
from lagebild.errors import InputError, LagebildError
from lagebild.ingest import ReadOptions
from lagebild.ingest.url import FetchPolicy
from lagebild.model import Article
from lagebild.serve.progress import Progress

F = TypeVar("F", bound=Callable[..., Any])


def warn(exc: InputError) -> None:
    click.echo(f"lagebild: skipped {exc.origin}: {exc.message} [{exc.reason}]", err=True)


def emit(obj: Any, fmt: str = "json") -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=2 if fmt == "json" else None))


@click.group()
@click.version_option(package_name="lagebild")
def cli() -> None:
    """lagebild: a sourced situational picture from German news.

    Ingest files, pages, feeds and archives; see stories, entities, quotes, claims and timelines.
    """


def db_option(fn: F) -> F:
    return click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
                        envvar="LAGEBILD_DB",
                        help="Database file (default: lagebild.db in the user data directory).")(fn)


def input_options(fn: F) -> F:
    for opt in (
        click.option("--quiet", "-q", is_flag=True, help="No progress output."),
        click.option("--allow-private", is_flag=True, help="Allow fetching private and loopback addresses."),
        click.option("--fetch", is_flag=True, help="Fetch http(s) URLs and the pages feed entries link to."),
        click.option("--lang", default=None, help="Language of the inputs (skips detection)."),
        click.option("--published", metavar="YYYY-MM-DD", help="Publication date for inputs that carry none."),
        click.option("--raw", is_flag=True, help="Analyse the text exactly as given (no cleaning)."),
    ):
        fn = opt(fn)
    return fn


def _options(raw: bool, published: str | None, lang: str | None, fetch: bool,
             allow_private: bool) -> tuple[ReadOptions, CleanOptions]:
    if published is not None:
        from datetime import date
        try:
            date.fromisoformat(published[:10])
        except ValueError:
            raise click.BadParameter(f"{published!r} is not a date (YYYY-MM-DD)", param_hint="--published") from None
    read = ReadOptions(fetch=fetch, policy=FetchPolicy(allow_private=allow_private))
    clean = CleanOptions(raw=raw, published=published,
                         languages=(lang,) if lang else CleanOptions().languages)
    return read, clean


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
@input_options
@click.argument("inputs", nargs=-1, required=True)
def analyze(inputs: tuple[str, ...], fmt: str, raw: bool, published: str | None, lang: str | None,
            fetch: bool, allow_private: bool, quiet: bool) -> None:
    """Analyse inputs and print one JSON object per document (nothing is stored).

    INPUTS are files, directories, http(s) URLs (with --fetch) or - for JSON Lines on stdin.

    Example: lagebild analyze --format jsonl --published 2023-09-15 article.txt
    """
    read, clean = _options(raw, published, lang, fetch, allow_private)
    engine = Engine()
    failed, items = 0, []
    for item in engine.analyze(inputs, read, clean):
        if isinstance(item, InputError):
            failed += 1
            warn(item)
            continue
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
        else:
            items.append(item.to_json())
    if fmt == "json":
        emit(items)
    if failed:
        raise SystemExit(1)


@cli.command()
@db_option
@input_options
@click.argument("inputs", nargs=-1, required=True)
def ingest(inputs: tuple[str, ...], db: Path | None, raw: bool, published: str | None, lang: str | None,
           fetch: bool, allow_private: bool, quiet: bool) -> None:
    """Read, clean, analyse and store inputs. The same input twice changes nothing.

    Example: lagebild ingest --db news.db articles/ feed.xml crawl.warc.gz
    """
    read, clean = _options(raw, published, lang, fetch, allow_private)
    engine = Engine(db)
    with Progress("ingest", quiet) as bar:
        def tick(item: Article | InputError) -> None:
            if isinstance(item, InputError):
                bar.write(f"lagebild: skipped {item.origin}: {item.message} [{item.reason}]")
            bar.update()
        report = engine.ingest(inputs, read, clean, progress=tick)
    _summary(report, engine, quiet)
    engine.close()
    if report.errors:
        raise SystemExit(1)


def _summary(report: IngestReport, engine: Engine, quiet: bool) -> None:
    if quiet:
        return
    click.echo(f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
               f"{len(report.copies)} near-copies, {len(report.errors)} failed; "
               f"{engine.store.count()} articles in {engine.store.path}", err=True)


@cli.command("list")
@db_option
@click.option("--limit", default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def list_(db: Path | None, limit: int, fmt: str) -> None:
    """List stored articles by publication date.

    Example: lagebild list --db news.db --limit 20
    """
    rows = Engine(db).store.recent(limit)
    if fmt == "json":
        emit(rows)
        return
    for r in rows:
        copy = f"  (copy of {r['copy_of']})" if r["copy_of"] else ""
        click.echo(f"{r['id']:<24} {r['published'] or '?':<10.10} {r['source'][:18]:<18} {r['title'][:70]}{copy}")


@cli.command()
@db_option
@click.argument("article_id")
def show(db: Path | None, article_id: str) -> None:
    """Show one stored article with its analysis, as JSON.

    Example: lagebild show --db news.db 000_0e500466164d223d
    """
    emit(Engine(db).store.get_json(article_id))


@cli.command()
@db_option
@click.option("--limit", default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.argument("query")
def search(db: Path | None, query: str, limit: int, fmt: str) -> None:
    """Full-text search over titles and texts, with German stemming.

    Example: lagebild search --db news.db "Sanktionen gegen Pjöngjang"
    """
    rows = Engine(db).store.search(query, limit)
    if fmt == "json":
        emit(rows)
        return
    for r in rows:
        click.echo(f"{r['id']:<24} {r['published'] or '?':<10.10} {r['title'][:60]}\n    {r['snip']}")


@cli.command()
@db_option
@click.option("--speaker", required=True, help="Entity id, canonical name or speaker text.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def quotes(db: Path | None, speaker: str, fmt: str) -> None:
    """Everything a speaker said, over time, with its evidence.

    Example: lagebild quotes --db news.db --speaker Peskow
    """
    rows = Engine(db).store.quotes_by(speaker)
    if fmt == "json":
        emit(rows)
        return
    for r in rows:
        click.echo(f"{r['published'] or '?':<10.10} {r['article_id']} [{r['kind']}] "
                   f"{r['speaker_name'] or r['speaker_text']}: {r['text'][:140]}")


@cli.command()
@db_option
@click.option("--quiet", "-q", is_flag=True)
def demo(db: Path | None, quiet: bool) -> None:
    """Ingest the bundled sample corpus and print a readable summary.

    Example: lagebild demo
    """
    from lagebild.serve.demo import run_demo
    run_demo(db, quiet)


from lagebild.serve import cli_corpus  # noqa: E402  (registers the corpus commands)

cli_corpus.register(cli)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        cli.main(args=list(argv) if argv is not None else None, standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("lagebild: aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except LagebildError as exc:
        click.echo(f"lagebild: error: {exc}", err=True)
        return 2
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int | None) else 1
    except BrokenPipeError:
        return 0
    return 0
