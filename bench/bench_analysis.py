"""Analysis speed on one core, in tokens/s: the whole pipeline and each component alone.

Models load once (outside the timing). Texts: the bundled sample and eval articles, or with
--texts DIR every .txt below DIR (e.g. ../shared/seeds), repeated to about --tokens tokens.
Both CPU time of this process (time.process_time: what counts on a shared machine) and wall
time are reported; the headline figures are CPU time. Rounds after the first repeat words the
per-word caches know; first_round_tokens_per_s is the first pass alone (new text, every word
computed once; only the first text was seen before, when the models loaded). --repeat N times every measurement N
times and keeps the fastest (other jobs on a shared machine only ever slow a run down).
--profile FILE writes a cProfile of the whole-pipeline run. Also reports what the quotes
component adds to the rest of the analysis (issue 4: <= 30 %). --components times another
pipeline: ``tokens,entities,timex,figures`` is issue 3's analysis without issue 4's quotes.
--cold empties the per-word caches before each repeat, so with --tokens 1 every repeat is a
first pass over new text (as in a fresh process, models loaded) and the fastest of N such
passes is reported: on a shared machine one fresh process per figure scatters by +-5 %.
Usage: python bench/bench_analysis.py [--tokens 200000] [--texts DIR] [--repeat 1] [--profile FILE]
       [--components tokens,entities,timex,figures] [--cold]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import pin_one_core, sample_records

from lagebild.analyse.pipeline import DEFAULT_PIPELINE, Pipeline
from lagebild.analyse.tokens import tokenize
from lagebild.analyse.wordcache import clear_all
from lagebild.clean import prepare
from lagebild.model import Analysis, Article, RawDocument

ROOT = Path(__file__).resolve().parents[1]


def load_texts(folder: str | None) -> list[tuple[str, str]]:
    if folder:
        return [(p.read_text(encoding="utf-8"), "2024-01-01") for p in sorted(Path(folder).rglob("*.txt"))]
    recs = sample_records()
    recs += [json.loads(x) for x in (ROOT / "eval" / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x]
    return [(r["text"], r["published"]) for r in recs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--tokens", type=int, default=200_000)
    ap.add_argument("--texts", default=None)
    ap.add_argument("--repeat", type=int, default=1, help="time each measurement N times, keep the fastest")
    ap.add_argument("--profile", default=None, help="write a cProfile of the pipeline run here")
    ap.add_argument("--cold", action="store_true",
                    help="empty the per-word caches before every repeat: each repeat sees new words")
    ap.add_argument("--components", default=",".join(DEFAULT_PIPELINE),
                    help="the pipeline to time, comma-separated (issue 3's analysis: tokens,entities,timex,figures)")
    args = ap.parse_args()
    machine = pin_one_core()
    base = [prepare(RawDocument(origin=str(i), id=str(i), text=t, published=p)) for i, (t, p) in
            enumerate(load_texts(args.texts))]
    per_round = sum(len(tokenize(a.text)) for a in base)
    rounds = max(1, args.tokens // per_round)
    articles: list[Article] = [replace(a, id=f"{a.id}-{r}") for r in range(rounds) for a in base]
    n_tokens = per_round * rounds
    full = Pipeline(args.components.split(","))
    full(articles[0])  # load models
    in_gc = [0.0, 0.0]  # CPU seconds spent in the cyclic garbage collector, start of the current run

    def gc_timer(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            in_gc[1] = time.process_time()
        else:
            in_gc[0] += time.process_time() - in_gc[1]

    gc.callbacks.append(gc_timer)
    profiler = cProfile.Profile() if args.profile else None
    total = wall = float("inf")
    docs: list[Analysis] = []
    first_round = 0.0  # CPU seconds of the first pass over the texts: words the caches have not seen
    for rep in range(max(1, args.repeat)):
        if args.cold:
            clear_all()
            gc.collect()
        c0, t0 = time.process_time(), time.perf_counter()
        if profiler:
            profiler.enable()
        docs = [full(a) for a in articles[:len(base)]]
        if rep == 0:
            first_round = time.process_time() - c0
        docs += [full(a) for a in articles[len(base):]]
        if profiler:
            profiler.disable()
        total, wall = min(total, time.process_time() - c0), min(wall, time.perf_counter() - t0)
    gc.callbacks.remove(gc_timer)
    gc_share = in_gc[0] / max(1, args.repeat) / total if total else 0.0
    if profiler:
        profiler.dump_stats(args.profile)
    per_component: dict[str, float] = {}
    per_component_wall: dict[str, float] = {}
    for comp in full.components:
        inputs: list[Analysis] = []
        for d in docs:  # what the component sees: the analysis so far, minus its own fields
            inputs.append(replace(d, **{f: () for f in comp.assigns if f in Analysis.__dataclass_fields__}))
        per_component[comp.name] = per_component_wall[comp.name] = float("inf")
        for _ in range(max(1, args.repeat)):
            c, t = time.process_time(), time.perf_counter()
            for d in inputs:
                comp.fn(d)
            per_component[comp.name] = min(per_component[comp.name], time.process_time() - c)
            per_component_wall[comp.name] = min(per_component_wall[comp.name], time.perf_counter() - t)
    rest = sum(v for k, v in per_component.items() if k != "quotes")
    print(json.dumps({
        "machine": machine, "components": full.names, "articles": len(articles), "tokens": n_tokens,
        "repeat": max(1, args.repeat),
        "pipeline_tokens_per_s": round(n_tokens / total),
        "pipeline_tokens_per_s_wall": round(n_tokens / wall),
        "pipeline_gc_share": round(gc_share, 3),
        "ms_per_400_words": round(total / n_tokens * 400 * 1000 * 1.15, 2),  # ~1.15 tokens per word
        # each text once, the first time in this process (the other rounds repeat known words)
        "first_round_tokens_per_s": round(per_round / first_round) if first_round else None,
        "component_tokens_per_s": {k: round(n_tokens / v) if v else None for k, v in per_component.items()},
        "component_tokens_per_s_wall": {k: round(n_tokens / v) if v else None
                                        for k, v in per_component_wall.items()},
        "quotes_overhead_vs_rest": round(per_component.get("quotes", 0.0) / rest, 3) if rest else None,
    }, indent=2))


if __name__ == "__main__":
    main()
