"""The command line: each command builds the Engine, makes one call, turns errors into messages."""
from __future__ import annotations

import json
import sys
from collections.abc import Sequence

import click

from lagebild.clean import CleanOptions
from lagebild.engine import Engine
from lagebild.errors import InputError, LagebildError
from lagebild.ingest import ReadOptions
from lagebild.ingest.url import FetchPolicy


def _warn(exc: InputError, quiet: bool) -> None:
    click.echo(f"lagebild: skipped {exc.origin}: {exc.message} [{exc.reason}]", err=True)


@click.group()
@click.version_option(package_name="lagebild")
def cli() -> None:
    """lagebild: a sourced situational picture from German news."""


def input_options(fn):  # type: ignore[no-untyped-def]
    fn = click.option("--allow-private", is_flag=True, help="Allow fetching private and loopback addresses.")(fn)
    fn = click.option("--fetch", is_flag=True, help="Fetch http(s) URLs and the pages feed entries link to.")(fn)
    fn = click.option("--published", metavar="YYYY-MM-DD", help="Publication date for inputs that carry none.")(fn)
    fn = click.option("--raw", is_flag=True, help="Analyse the text exactly as given (no cleaning).")(fn)
    fn = click.option("--quiet", "-q", is_flag=True, help="No progress output.")(fn)
    return fn


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
@click.option("--lang", default=None, help="Language of the inputs (skips detection).")
@input_options
@click.argument("inputs", nargs=-1, required=True)
def analyze(inputs: tuple[str, ...], fmt: str, lang: str | None, raw: bool, published: str | None,
            fetch: bool, allow_private: bool, quiet: bool) -> None:
    """Analyse inputs and print one JSON object per document.

    Example: lagebild analyze --format jsonl --published 2023-09-15 article.txt
    """
    engine = Engine()
    failed = 0
    read = ReadOptions(fetch=fetch, policy=FetchPolicy(allow_private=allow_private))
    clean = CleanOptions(raw=raw, published=published, languages=(lang,) if lang else CleanOptions().languages)
    out = sys.stdout
    items = []
    for item in engine.analyze(inputs, read, clean):
        if isinstance(item, InputError):
            failed += 1
            _warn(item, quiet)
            continue
        obj = item.to_json()
        if fmt == "jsonl":
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        else:
            items.append(obj)
    if fmt == "json":
        out.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    if failed:
        raise SystemExit(1)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        cli.main(args=list(argv) if argv is not None else None, standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except LagebildError as exc:
        click.echo(f"lagebild: error: {exc}", err=True)
        return 2
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0
