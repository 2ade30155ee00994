#!/usr/bin/env python3
"""Build the background document frequencies story linking starts from
(lagebild/link/data/background_df.tsv).

Why: the idf of a term is taken from the corpus being linked. In a small or young corpus a
word that two unrelated articles happen to share ("Nürnberg", "Bundesliga") looks rare and joins
them. Mixing in how often a term occurs in general German text makes such words ordinary from
the first article on; as the corpus grows its own counts outweigh the background.

How: running text (only the words, no labels) of CC BY 4.0 / CC BY-SA 4.0 sets -- DFKI SmartData
(news, RSS, tweets), GermEval 2014 dev (news and Wikipedia sentences), Legal Entity Recognition
dev+test and the GePaDe Bundestag speeches of SpkAtt 2023 (see ../shared/datasets/README.md) --
is cut into pseudo-documents of about ``DOC_TOKENS`` tokens (SmartData keeps its documents),
analysed with lagebild's tokens and entities components, and each pseudo-document's linking
features (``features.profile``: normalised terms and entity ids) are counted once. Europarl NER
is left out: it carries no explicit license. Only features in at least ``MIN_DF`` pseudo-documents
are written, as ``feature<TAB>df``, after a header line with the document count; no text is
shipped. Deterministic: fixed order, no sampling.

Usage: python scripts/build_background_df.py [--data DIR] [--out FILE]
"""
from __future__ import annotations

import argparse
import glob
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from lagebild.analyse.pipeline import Pipeline
from lagebild.link.features import profile
from lagebild.model import Article

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets"
OUT = ROOT / "lagebild" / "link" / "data" / "background_df.tsv"
DOC_TOKENS = 300
MIN_DF = 3


def _conll(path: Path, column: int, sep: str | None) -> Iterator[list[str]]:
    """Sentences of a CoNLL-like file; a -DOCSTART- line yields an empty sentence (a document break)."""
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        line = line.rstrip("\r")
        if line.startswith("#\t"):
            continue
        if line.startswith("-DOCSTART-") or not line.strip():
            if words:
                yield words
            words = []
            if line.startswith("-DOCSTART-"):
                yield []
            continue
        parts = line.split(sep)
        if len(parts) > column:
            words.append(parts[column])
    if words:
        yield words


def _speeches(pattern: str) -> Iterator[list[str]]:
    for path in sorted(glob.glob(pattern)):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        for sent in data["Sentences"]:
            yield list(sent["Tokens"])
        yield []


def pseudo_docs(sentences: Iterator[list[str]], keep_breaks: bool) -> Iterator[str]:
    """Sentences joined into texts of about DOC_TOKENS tokens; with keep_breaks a document break
    (empty sentence) also ends a text."""
    buf: list[str] = []
    for sent in sentences:
        if sent:
            buf.extend(sent)
        if buf and (len(buf) >= DOC_TOKENS or (keep_breaks and not sent)):
            yield " ".join(buf)
            buf = []
    if buf:
        yield " ".join(buf)


def sources(data: Path) -> list[tuple[str, Iterator[str]]]:
    smart = data / "ner_extra/smartdata_corpus_de/derived_v1_all_regextok.bio"
    ler = data / "ner_extra/legal_ner_ler_de"
    return [
        ("smartdata", pseudo_docs(_conll(smart, 0, "\t"), keep_breaks=True)),
        ("germeval2014_dev", pseudo_docs(_conll(data / "germeval2014_dev/NER-de-dev.tsv", 1, "\t"), False)),
        ("ler", pseudo_docs(_ler(ler), False)),
        ("gepade", pseudo_docs(_speeches(str(data / "spkatt_gepade/*/task1/*.json")), keep_breaks=True)),
    ]


def _ler(folder: Path) -> Iterator[list[str]]:
    for name in ("ler_dev.conll", "ler_test.conll"):
        yield from _conll(folder / name, 0, " ")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    pipe = Pipeline(["tokens", "entities"])
    df: Counter[str] = Counter()
    n_docs = 0
    for name, texts in sources(args.data):
        n_before = n_docs
        for k, text in enumerate(texts):
            doc = pipe(Article(id=f"{name}-{k}", text=text))
            df.update(set(profile(doc).counts))
            n_docs += 1
        print(f"{name}: {n_docs - n_before} pseudo-documents")
    kept = sorted(((t, n) for t, n in df.items() if n >= MIN_DF), key=lambda kv: (-kv[1], kv[0]))
    with args.out.open("w", encoding="utf-8") as f:
        f.write(f"#documents\t{n_docs}\n")
        f.writelines(f"{t}\t{n}\n" for t, n in kept)
    print(f"{len(kept)} features (of {len(df)}) in {n_docs} pseudo-documents -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
