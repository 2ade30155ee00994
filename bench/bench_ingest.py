"""Ingest throughput (articles/s) on one core, for plain text and for HTML.

Stages timed separately: read+clean (extraction, repair, boilerplate, language) and the full
ingest (clean + analysis + store). Usage: python bench/bench_ingest.py [--n 300]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import as_html, peak_rss_mb, pin_one_core, synthetic

from lagebild.engine import Engine


def write_inputs(folder: Path, n: int, kind: str) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for rec in synthetic(n):
        p = folder / (rec["id"] + (".txt" if kind == "text" else ".html"))
        p.write_text(rec["text"] if kind == "text" else as_html(rec), encoding="utf-8")
        paths.append(str(p))
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=300)
    args = ap.parse_args()
    machine = pin_one_core()
    results = {"machine": machine, "n": args.n}
    tmp = Path(tempfile.mkdtemp(prefix="lagebild-bench-"))
    engine = Engine(tmp / "warm.db")
    engine.ingest([str(p) for p in write_inputs(tmp / "warm", 5, "text")])  # load models once
    for kind in ("text", "html"):
        paths = write_inputs(tmp / kind, args.n, kind)
        t0 = time.perf_counter()
        n_clean = sum(1 for a in engine.articles(paths) if not isinstance(a, Exception))
        t1 = time.perf_counter()
        eng = Engine(tmp / f"{kind}.db")
        eng.pipeline = engine.pipeline
        report = eng.ingest(paths)
        t2 = time.perf_counter()
        results[kind] = {
            "clean_articles_per_s": round(n_clean / (t1 - t0), 1),
            "ingest_articles_per_s": round(len(report.added) / (t2 - t1), 1),
        }
    results["peak_rss_mb"] = round(peak_rss_mb(), 1)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
