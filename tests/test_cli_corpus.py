"""The corpus commands on a store filled by hand (the analysis pipeline is not under test here)."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from lagebild.analyse.pipeline import Pipeline
from lagebild.model import Article
from lagebild.serve.cli import cli
from lagebild.store import SQLiteStore

TEXT = "Präsident Anton Berg und Präsidentin Clara Weiß unterzeichneten am Mittwoch in Utopia einen Vertrag."


def _db(tmp_path: Path) -> Path:
    path = tmp_path / "c.db"
    store = SQLiteStore(path)
    pipe = Pipeline(["tokens"])
    store.add(pipe(Article(id="x1", text=TEXT, published="2022-06-02")))
    store.add(pipe(Article(id="x2", text="Kurz: " + TEXT, published="2022-06-03")))
    store.close()
    return path  # not linked yet: the commands link what is missing


def test_stories_json_shape(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["stories", "--db", str(_db(tmp_path)), "--format", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert [sorted(s["articles"]) for s in out] == [["x1", "x2"]]
    assert set(out[0]) >= {"id", "title", "articles", "events", "timeline"}
    assert out[0]["timeline"][0]["date"] == "2022-06-01"


def test_events_tsv_has_polecat_header_and_one_row(tmp_path: Path) -> None:
    res = CliRunner().invoke(cli, ["events", "--db", str(_db(tmp_path)), "--format", "tsv"])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].split("\t")[:4] == ["Event ID", "Event Date", "Event Type", "Event Mode"]
    assert len(lines) == 2 and "\tAGREE\t" in lines[1]


def test_timeline_recluster_claims(tmp_path: Path) -> None:
    db = str(_db(tmp_path))
    runner = CliRunner()
    assert runner.invoke(cli, ["recluster", "--db", db]).exit_code == 0
    res = runner.invoke(cli, ["timeline", "--db", db, "x1", "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.output)["timeline"]
    res = runner.invoke(cli, ["claims", "--db", db, "--format", "json"])
    assert res.exit_code == 0 and isinstance(json.loads(res.output), list)
    assert runner.invoke(cli, ["timeline", "--db", db, "nope"]).exit_code != 0
