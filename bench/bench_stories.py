#!/usr/bin/env python3
"""Incremental linking throughput and memory as the corpus grows (synthetic articles).

Articles are generated from a vocabulary of made-up words: each belongs to one of many synthetic
stories (a few topic words and names of its own, the names as entities, dated within weeks) plus
Zipf-distributed filler, so candidate lists look like those of real news; they arrive in
publication order over four years. The store is filled in batches; for each batch
the time of ``update_corpus`` alone (the linking stage) is measured, apart from ``store.add``.

Usage: python bench/bench_stories.py --articles 10000 [--batch 500] [--max-seconds 1800] [--db PATH]
Prints one line per batch: corpus size, link articles/s of that batch (wall clock, and per CPU
second of this process: the figure to compare on a shared machine), store.add articles/s, peak
RSS (MB).
"""
from __future__ import annotations

import argparse
import bisect
import itertools
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from lagebild.analyse.tokens import sentence_spans, tokenize
from lagebild.link import update_corpus
from lagebild.model import Analysis, Article, Entity, Mention
from lagebild.store import SQLiteStore

SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "ben", "dor", "fal", "gen", "hor", "lin", "mar", "nor", "pel",
             "rin", "sal", "tur", "vek", "wal"]


def word(rng: random.Random, capital: bool = False) -> str:
    w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
    return w.capitalize() if capital else w + rng.choice(["en", "t", "te", "ung", "er"])


class Corpus:
    """A synthetic corpus of ``n`` articles in publication order, any slice generated on demand.

    The vocabulary and the stories are fixed for the whole corpus (posting lists of common words
    grow with it, as they would in real news); article ``i`` appears on day ``i * DAYS / n`` and
    belongs to a story that started in the 20 days before.
    """

    DAYS = 1500

    def __init__(self, n: int, seed: int = 7) -> None:
        rng = random.Random(seed)
        self.n, self.seed = n, seed
        self.vocab = [word(rng) for _ in range(30000)]
        self.cum = list(itertools.accumulate(1 / (k + 1) for k in range(len(self.vocab))))
        n_stories = max(1, n // 8)
        starts = sorted(rng.randint(0, self.DAYS) for _ in range(n_stories))
        self.stories = [([word(rng) for _ in range(6)], [word(rng, True) for _ in range(3)], d) for d in starts]
        self.starts = starts

    def article(self, i: int) -> Analysis:
        rng = random.Random(self.seed * 1_000_003 + i)
        day = i * self.DAYS // self.n
        lo, hi = bisect.bisect_left(self.starts, day - 20), bisect.bisect_right(self.starts, day)
        topic, names, _ = self.stories[rng.randrange(lo, hi) if hi > lo else min(lo, len(self.stories) - 1)]
        words = rng.choices(self.vocab, cum_weights=self.cum, k=180) + rng.choices(topic, k=25) \
            + rng.choices(names, k=8)
        rng.shuffle(words)
        text = ". ".join(" ".join(words[k:k + 15]).capitalize() for k in range(0, len(words), 15)) + "."
        toks = tokenize(text)
        mentions: dict[str, list[Mention]] = {}
        for t in toks:
            if t.text in names:
                mentions.setdefault(t.text, []).append(Mention(t.text, t.start, t.end, "PER", "per:" + t.text.lower()))
        ents = tuple(Entity("per:" + k.lower(), k, "PER", tuple(v)) for k, v in sorted(mentions.items()))
        published = (date(2020, 1, 1) + timedelta(days=day)).isoformat()
        return Analysis(article=Article(id=f"a{i:07d}", text=text, title=" ".join(names[:1] + topic[:3]),
                                        published=published), tokens=tuple(toks),
                        sentences=tuple(sentence_spans(text, toks)),
                        mentions=tuple(m for e in ents for m in e.mentions), entities=ents)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--max-seconds", type=float, default=1800)
    ap.add_argument("--db", type=Path, default=None)
    args = ap.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="lagebild-bench-")) / "bench.db"
    store = SQLiteStore(db)
    corpus = Corpus(args.articles)
    start = time.time()
    done = 0
    print("articles\tlink_articles_per_s\tlink_articles_per_cpu_s\tadd_articles_per_s\tpeak_rss_mb", flush=True)
    while done < args.articles and time.time() - start < args.max_seconds:
        n = min(args.batch, args.articles - done)
        docs = [corpus.article(done + k) for k in range(n)]
        t0 = time.time()
        for d in docs:
            store.add(d)
        t1, c1 = time.time(), time.process_time()
        update_corpus(store, [d.article.id for d in docs])
        t2, c2 = time.time(), time.process_time()
        done += n
        print(f"{done}\t{n / (t2 - t1):.1f}\t{n / (c2 - c1):.1f}\t{n / (t1 - t0):.1f}\t{rss_mb():.0f}", flush=True)
    print(f"# {done} articles in {time.time() - start:.0f} s; db {db} ({db.stat().st_size / 1e6:.0f} MB)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
