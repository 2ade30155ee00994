"""Helpers shared by the benchmarks: one core, synthetic corpora from the bundled sample."""

from __future__ import annotations

import json
import os
import platform
import random
import resource
from collections.abc import Iterator
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "lagebild" / "sample" / "sample.jsonl"


def pin_one_core() -> str:
    """Run on one core so figures compare across machines with different core counts."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    cpu = platform.processor() or platform.machine()
    return f"{cpu}, {os.cpu_count()} cores (pinned to 1), Python {platform.python_version()}"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sample_records() -> list[dict[str, str]]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


def synthetic(n: int, seed: int = 7) -> Iterator[dict[str, str]]:
    """``n`` distinct articles: sample sentences shuffled and recombined (about 150-300 words each)."""
    rng = random.Random(seed)
    sentences = [
        s.strip() + "." for r in sample_records() for s in r["text"].replace("\n", " ").split(". ") if s.strip()
    ]
    for i in range(n):
        k = rng.randint(8, 16)
        body = " ".join(rng.choice(sentences) for _ in range(k))
        yield {
            "id": f"bench-{i:06d}",
            "title": f"Testmeldung {i}",
            "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "text": f"Meldung Nummer {i} aus Ort {rng.randint(1, 10**6)}. {body}",
        }


def as_html(rec: dict[str, str]) -> str:
    paras = "".join(f"<p>{p}</p>" for p in rec["text"].split(". "))
    return (
        f"<html><head><title>{rec['title']} | Benchblatt</title><meta property='og:title' content='{rec['title']}'>"
        f"<meta property='article:published_time' content='{rec['published']}'></head><body>"
        "<nav><a href='/'>Start</a><a href='/p'>Politik</a><a href='/w'>Wirtschaft</a></nav>"
        f"<main><article><h1>{rec['title']}</h1>{paras}</article></main>"
        "<aside><h3>Mehr zum Thema</h3><ul><li><a href='/x'>Anderes</a></li></ul></aside>"
        "<footer>Impressum Datenschutz</footer></body></html>"
    )
