"""The command line, run in-process through click: formats, exit codes, messages."""
from __future__ import annotations

import json
from pathlib import Path

import click
from click.testing import CliRunner

from lagebild.serve.cli import cli, main
from tests.conftest import BODY, BODY2


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input, standalone_mode=False, catch_exceptions=False)
    code = result.exit_code if not isinstance(result.return_value, int) else result.return_value
    return code, result.stdout, result.stderr


def test_analyze_jsonl_from_stdin_keeps_order_and_fields() -> None:
    recs = [{"id": "b", "text": BODY2, "published": "2024-05-07", "extra": 1}, {"id": "a", "text": BODY}]
    code, out, _ = run("analyze", "--format", "jsonl", "--published", "2024-05-01", "-",
                       input="".join(json.dumps(r) + "\n" for r in recs))
    docs = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [d["id"] for d in docs] == ["b", "a"]
    assert [d["published"] for d in docs] == ["2024-05-07", "2024-05-01"]
    for d in docs:
        assert {"text", "removed", "flags", "entities", "quotes", "timexes", "figures", "language"} <= set(d)
        assert d["language"] == "de"


def test_analyze_raw_keeps_text_exactly(tmp_path: Path) -> None:
    text = "  Zeile eins.\r\n\r\n\r\nLesen Sie auch: etwas anderes\n"
    code, out, _ = run("analyze", "--raw", "-", input=json.dumps({"id": "x", "text": text}) + "\n")
    assert code == 0 and json.loads(out)["text"] == text


def test_bad_inputs_are_named_and_exit_code_says_so(tmp_path: Path) -> None:
    good = tmp_path / "gut.txt"
    good.write_text(BODY, encoding="utf-8")
    empty = tmp_path / "leer.txt"
    empty.write_text("", encoding="utf-8")
    exit_code = main(["analyze", str(empty), str(good)])
    assert exit_code == 1


def test_invalid_published_date_is_rejected() -> None:
    code = main(["analyze", "--published", "15.09.2023", "-"])
    assert code == 2


def test_ingest_list_show_search(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    src = tmp_path / "haushalt.txt"
    src.write_text(BODY, encoding="utf-8")
    assert main(["ingest", "--db", db, "--quiet", str(src)]) == 0
    _, out, _ = run("list", "--db", db, "--format", "json")
    assert [r["id"] for r in json.loads(out)] == ["haushalt"]
    _, out, _ = run("show", "--db", db, "haushalt")
    assert json.loads(out)["text"].startswith("Die Stadtverwaltung")
    _, out, _ = run("search", "--db", db, "--format", "json", "Haushaltspläne")
    assert [r["id"] for r in json.loads(out)] == ["haushalt"]
    assert main(["show", "--db", db, "unbekannt"]) == 2


def test_every_command_documents_an_example() -> None:
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert command is not None and "Example:" in (command.help or ""), name


def test_demo_runs_on_bundled_sample(tmp_path: Path) -> None:
    code, out, _ = run("demo", "--db", str(tmp_path / "demo.db"))
    assert code == 0 and "8 sample articles" in out and "Stories and their events" in out
