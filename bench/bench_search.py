"""Full-text search with German stemming: SQLite FTS5 over Snowball stems vs tantivy.

The measurement behind the choice in lagebild/store/search.py. tantivy is optional here
(pip install tantivy); without it only FTS5 is measured. Usage: python bench/bench_search.py [--n 5000]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import pin_one_core, synthetic

from lagebild.store.search import fts_query, stem_text

QUERIES = ["Hochwasser Donau", "Sanktionen", "Abkommen unterzeichnet", "Pegel", "Munition Lieferungen", "Landrätin"]


def bench_fts5(docs: list[dict[str, str]], folder: Path) -> dict[str, float]:
    con = sqlite3.connect(folder / "fts.db")
    con.execute("CREATE VIRTUAL TABLE f USING fts5(id UNINDEXED, title, body, tokenize='unicode61')")
    t0 = time.perf_counter()
    with con:
        con.executemany(
            "INSERT INTO f VALUES (?,?,?)", [(d["id"], stem_text(d["title"]), stem_text(d["text"])) for d in docs]
        )
    t1 = time.perf_counter()
    hits = 0
    for _ in range(20):
        for q in QUERIES:
            hits += len(
                con.execute("SELECT id FROM f WHERE f MATCH ? ORDER BY bm25(f) LIMIT 20", (fts_query(q),)).fetchall()
            )
    t2 = time.perf_counter()
    return {
        "index_docs_per_s": round(len(docs) / (t1 - t0)),
        "queries_per_s": round(20 * len(QUERIES) / (t2 - t1)),
        "hits": hits,
    }


def bench_tantivy(docs: list[dict[str, str]], folder: Path) -> dict[str, float] | None:
    try:
        import tantivy
    except ImportError:
        return None
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True)
    sb.add_text_field("title", tokenizer_name="de_stem")
    sb.add_text_field("body", tokenizer_name="de_stem")
    schema = sb.build()
    index = tantivy.Index(schema, path=str(folder))
    analyzer = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stemmer("german"))
        .build()
    )
    index.register_tokenizer("de_stem", analyzer)
    t0 = time.perf_counter()
    writer = index.writer()
    for d in docs:
        writer.add_document(tantivy.Document(id=d["id"], title=d["title"], body=d["text"]))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    t1 = time.perf_counter()
    searcher = index.searcher()
    hits = 0
    for _ in range(20):
        for q in QUERIES:
            query = index.parse_query(" AND ".join(q.split()), ["title", "body"])
            hits += len(searcher.search(query, 20).hits)
    t2 = time.perf_counter()
    return {
        "index_docs_per_s": round(len(docs) / (t1 - t0)),
        "queries_per_s": round(20 * len(QUERIES) / (t2 - t1)),
        "hits": hits,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=5000)
    args = ap.parse_args()
    machine = pin_one_core()
    docs = list(synthetic(args.n))
    tmp = Path(tempfile.mkdtemp(prefix="lagebild-search-"))
    (tmp / "tantivy").mkdir()
    print(
        json.dumps(
            {
                "machine": machine,
                "n": args.n,
                "fts5_snowball": bench_fts5(docs, tmp),
                "tantivy_german": bench_tantivy(docs, tmp / "tantivy"),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
