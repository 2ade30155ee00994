#!/usr/bin/env python3
"""Build the word clusters the NER tagger uses as features (lagebild/analyse/models/word_clusters.tsv).

Why: the CRF learns from about 3,000 labelled sentences, so most names it meets were never seen
in training. Words that occur in the same contexts ("sagte X", "X (SPD)", "in X") fall into
the same cluster, so a cluster id carries what was learnt about one name to unseen ones.

How: unlabelled running text (only the words, no labels) from CC BY 4.0 sets -- GermEval 2014
dev, DFKI SmartData and Legal Entity Recognition dev+test (see ../shared/datasets/README.md) --
is turned into a word x context matrix (the words 1 and 2 to the left and right, frequent
words by identity, the rest by shape), weighted by positive PMI, reduced by truncated SVD and
grouped by spherical k-means three times (64, 256 and 1,024 clusters): the tagger gets all
three ids, coarse and fine classes as with Brown cluster prefixes. Words seen at least twice.
Deterministic: fixed start vectors, no sampling.

  scripts/build_word_clusters.py                  # all three sets -> the shipped file
  scripts/build_word_clusters.py --no-germeval --out FILE   # without GermEval text (for CV)
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import svds

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets"
OUT = ROOT / "lagebild" / "analyse" / "models" / "word_clusters.tsv"


def germeval_sentences(path: Path) -> Iterator[list[str]]:
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("#\t"):
            continue
        if not line.strip():
            if words:
                yield words
            words = []
            continue
        words.append(line.split("\t")[1])
    if words:
        yield words


def column_sentences(path: Path, sep: str) -> Iterator[list[str]]:
    """CoNLL-like files: the word is the first column (SmartData: tab; LER: space)."""
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        line = line.rstrip("\r")
        if line.startswith("-DOCSTART-") or not line.strip():
            if words:
                yield words
            words = []
            continue
        words.append(line.split(sep)[0] if sep == "\t" else line.rpartition(" ")[0])
    if words:
        yield words


def corpus(data: Path, germeval: bool) -> list[list[str]]:
    out: list[list[str]] = []
    if germeval:
        out += germeval_sentences(data / "germeval2014_dev" / "NER-de-dev.tsv")
    out += column_sentences(data / "ner_extra" / "smartdata_corpus_de" / "derived_v1_all_regextok.bio", "\t")
    ler = data / "ner_extra" / "legal_ner_ler_de"
    for name in ("ler_dev.conll", "ler_test.conll"):
        out += column_sentences(ler / name, " ")
    return out


def coarse(word: str) -> str:
    """What a rare context word is represented by: its kind, not its identity."""
    if word[:1].isdigit():
        return "<num>"
    if word[:1].isupper():
        return "<Cap>" if not word.isupper() or len(word) == 1 else "<CAPS>"
    if word[:1].isalpha():
        return "<low>"
    return "<punct>"


def cooccurrence(sentences: list[list[str]], vocab: dict[str, int], contexts: set[str]
                 ) -> sp.csr_matrix:
    cols: dict[str, int] = {}
    rows_i: list[int] = []
    cols_i: list[int] = []
    for s in sentences:
        padded = ["<s>", "<s>", *s, "</s>", "</s>"]
        for i in range(2, len(padded) - 2):
            row = vocab.get(padded[i])
            if row is None:
                continue
            for off in (-2, -1, 1, 2):
                c = padded[i + off]
                key = f"{off}{c if c in contexts or c.startswith('<') else coarse(c)}"
                col = cols.setdefault(key, len(cols))
                rows_i.append(row)
                cols_i.append(col)
    m = sp.coo_matrix((np.ones(len(rows_i), dtype=np.float64), (rows_i, cols_i)),
                      shape=(len(vocab), len(cols)))
    return m.tocsr()


def ppmi(m: sp.csr_matrix, alpha: float = 0.75) -> sp.csr_matrix:
    total = m.sum()
    rows = np.asarray(m.sum(axis=1)).ravel()
    cols = np.asarray(m.sum(axis=0)).ravel() ** alpha
    cols /= cols.sum()
    coo = m.tocoo()
    pmi = np.log(coo.data * 1.0 / total / (rows[coo.row] / total) / cols[coo.col])
    keep = pmi > 0
    return sp.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)


def embed(m: sp.csr_matrix, dims: int) -> np.ndarray:
    v0 = np.ones(min(m.shape)) / np.sqrt(min(m.shape))
    u, s, _ = svds(m, k=dims, v0=v0)
    x = u * np.sqrt(s)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    return x


def kmeans(x: np.ndarray, k: int, iterations: int = 25) -> np.ndarray:
    """Spherical k-means; deterministic start: every (n/k)-th word by frequency rank."""
    centres = x[np.linspace(0, len(x) - 1, k).astype(int)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        new = np.argmax(x @ centres.T, axis=1)
        if (new == labels).all() and _:
            break
        labels = new
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        filled = norms[:, 0] > 0
        centres[filled] = sums[filled] / norms[filled]
    return labels


def build(sentences: list[list[str]], min_count: int, n_contexts: int, dims: int, ks: list[int]
          ) -> Iterable[tuple[str, str, int]]:
    counts = Counter(w for s in sentences for w in s)
    words = sorted((w for w, n in counts.items() if n >= min_count), key=lambda w: (-counts[w], w))
    vocab = {w: i for i, w in enumerate(words)}
    contexts = {w for w, _ in counts.most_common(n_contexts)}
    m = ppmi(cooccurrence(sentences, vocab, contexts))
    x = embed(m, dims)
    labels = [kmeans(x, k) for k in ks]
    for i, w in enumerate(words):
        yield w, "\t".join(str(int(lab[i])) for lab in labels), counts[w]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--no-germeval", action="store_true", help="leave GermEval text out (honest CV on it)")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--contexts", type=int, default=3000)
    ap.add_argument("--dims", type=int, default=100)
    ap.add_argument("--k", type=int, nargs="+", default=[64, 256, 1024], help="cluster counts")
    args = ap.parse_args(argv)
    sentences = corpus(args.data, not args.no_germeval)
    rows = list(build(sentences, args.min_count, args.contexts, args.dims, args.k))
    sets = ("" if args.no_germeval else "GermEval 2014 dev, ") + "SmartData and LER dev+test (CC BY 4.0)"
    head = (f"# word\tcluster of {' / '.join(map(str, args.k))}\tcount -- built by "
            f"scripts/build_word_clusters.py from the words (no labels) of {sets}\n")
    args.out.write_text(head + "".join(f"{w}\t{p}\t{n}\n" for w, p, n in rows), encoding="utf-8")
    print(f"{len(rows)} words from {sum(map(len, sentences))} tokens -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
