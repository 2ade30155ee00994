#!/usr/bin/env python3
"""Train lagebild's two-pass CRF name tagger; optionally cross-validate it on GermEval.

Training data (all CC BY 4.0, so the model may ship; nothing from it is copied into the repo):
  * GermEval 2014 NER, dev split (../shared/datasets/germeval2014_dev), outer level:
    PER ORG LOC, OTH -> MISC, *deriv -> DRV, *part -> PRT (the last two are learnt only so
    that "russische" or "EU-weit" are not taken for names; they are never output).
  * DFKI SmartData (ner_extra/smartdata_corpus_de/derived_v1_all_regextok.bio):
    PERSON -> PER, ORGANIZATION* -> ORG, LOCATION/_CITY/_STREET/_STOP -> LOC, rest -> O.
    Each GermEval document is trained on GERMEVAL_COPIES (5) times, SmartData's once: the
    in-domain sentences weigh more (measured below).
  * Optionally (--ler; not in the shipped model) Legal Entity Recognition dev+test
    (ner_extra/legal_ner_ler_de, CC BY 4.0): PER/RR/AN -> PER, LD/ST/STR/LDS -> LOC,
    ORG/UN/INN/GRT/MRK -> ORG, legal norms -> O, only sentences holding such a name. In 5-fold
    CV it left core F1 unchanged and lowered PER recall (its persons are anonymised initials).
  Europarl NER (no explicit license) is NOT used.
  Features also read simplemma's German word forms at run time (see ner/lexicon.py).

Features also use word clusters (lagebild/analyse/models/word_clusters.tsv, built by
scripts/build_word_clusters.py from unlabelled CC BY text). At tagging time a capitalised word
whose marginal P(O) is at most tagger.O_CEILING (0.8) and whose likeliest other label is PER
becomes part of a person's name (--o-ceiling; pass 2 is trained on plain Viterbi output).

Measured 2026-12 (5-fold CV on GermEval dev, SmartData always in training, the whole entities
component incl. KB, roles and propagation, scored with score_ner.py --conll). Honest CV: the
clusters are rebuilt without any GermEval text (--no-germeval) and passed with --clusters, so
held-out sentences are unseen even as unlabelled text:
  scripts/build_word_clusters.py --no-germeval --out /tmp/clusters_nog.tsv
  scripts/train_ner.py --folds 5 --jackknife 0 --clusters /tmp/clusters_nog.tsv --keep-models DIR \
      --conll cv.conll && ../shared/eval/score_ner.py --conll cv.conll
(--jackknife 0 gives the same figure as 2: every GermEval sentence is its own document, and pass
2 runs only on documents of two or more sentences.)
  before (one-word context, no clusters): core F1 0.643 (P 0.755, R 0.560)
  with clusters: core F1 0.669 (P 0.721, R 0.623; PER 0.710, ORG 0.532, LOC 0.715); without the O
  ceiling 0.651. Re-measured before the KB growth below: 0.680 (P 0.732, R 0.635).
  now (about 970 more KB people, 120 organisations, 990 places and landmarks; more person and
  organisation cue words; names folded word by word): core F1 0.683 (P 0.733, R 0.640; PER
  0.713, ORG 0.558, LOC 0.734). KB names seen among this CV's errors were kept out of the KB;
  with them it read 0.699, so what a name list adds here is mostly the names of these very
  sentences. Then the rules after the tagger in ner/rules.py (organisation head nouns with
  a place, short names in capitals, places after in/nach, coordinated names, name particles,
  role compounds and genitive nouns cut off persons), same fold models (--reuse-models):
  core F1 0.704 (P 0.738, R 0.673; PER 0.726, ORG 0.611, LOC 0.747), from 0.684 re-measured.
  With a title's detached dot ending no sentence ("St . Gallen" in GermEval's tokenised text,
  tokens.py, de/abbreviations_before_names.txt): 0.706 (P 0.739, R 0.677; PER 0.725, ORG 0.611,
  LOC 0.752).
  A spelled-out name before its acronym in brackets (Schwartz-Hearst) and titles with their dot
  cut off persons (ner/rules.py, recognise.py): 0.710. The KB's categories completed from
  general knowledge by an engineer who did not read the evaluation data (all UN states,
  capitals, ~1,400 places, ~1,150 organisations): 0.714 (P 0.743, R 0.687; PER 0.732, ORG
  0.617, LOC 0.763), same fold models. Retrained with that KB: 0.709, so the shipped model was
  not retrained (the KB reaches the tagger as kb= span features it already weighs).
  An organisation's head noun with what it is for ("Landesamt für Küstenschutz",
  de/org_heads_for.txt): 0.715 (P 0.743, R 0.689; ORG 0.620).
  The name-type model (ner/nametype.py, scripts/train_name_types.py: a word's spelling scored
  as given name, surname, place, organisation or German noun, learnt from Faker's and GeoNames'
  name lists, the KB and simplemma's nouns) as CRF features, fold models retrained both times:
  0.710 (P 0.740, R 0.683) -> 0.728 (PER 0.721 -> 0.753, LOC 0.760 -> 0.773, ORG 0.620 ->
  0.625); with the spelling class joined to the lower-case word before it ("pt=in|LOC"): 0.733.
  The same joined to the lower-case word after it: no gain, not used.
  Final, with vectorised hashing, "dienst" as organisation head and person nouns cut off
  place/organisation chunks that go on with a given name: 0.733 (P 0.757, R 0.710; PER 0.766,
  ORG 0.624, LOC 0.775); the shipped model is retrained with these features. Places and organisations
  promoted from O like persons (P(O) <= 0.5 / 0.7): 0.727 / 0.710, not used.
  Tried 2026-12-03 on that code, not kept: word identity ("w=", "l=") left out for 30 % of the
  training name tokens 0.731; the legal corpus without its (anonymised) persons 0.731; the
  spelling classes of two adjacent capitalised words joined ("tp=FIRST|LAST") 0.732; O ceiling
  0.7 / 0.85 / 0.9 / 0.95 (same fold models): 0.734 / 0.735 / 0.736 / 0.732, within noise.
  GermEval documents weighted against SmartData by training on each of them several times
  (--germeval-copies, GERMEVAL_COPIES; the jackknife holds a document out with all its copies):
  1 / 2 / 3 / 5 / 8 copies 0.733 / 0.736 / 0.737 / 0.740 / 0.740; SmartData left out 0.710.
  5 is used (PER 0.780, ORG 0.624, LOC 0.781 at P 0.765, R 0.717). With 5 copies, not kept:
  the legal corpus added (--ler) 0.740, SmartData's tweets left out (--no-tweets) 0.740, O ceiling
  0.7 / 0.9 (same fold models) 0.738 / 0.740, c2 0.2 0.740, 200 iterations 0.741, GermEval
  documents holding an organisation 3 copies more 0.740 (ORG 0.630).
  Name lists as features (ner/namelists.py: the word is, exactly, a given name or surname of
  Faker's locales, a GeoNames place of 1,000 inhabitants or more, a word of a longer place name;
  fold models retrained): 0.740 -> 0.744 (P 0.768, R 0.722). Variants, all within 0.743 to 0.745:
  places down to 500 inhabitants, places split at 15,000 inhabitants, ISO 3166-2 subdivisions
  (pycountry) added, the words of longer place names left out, the flags among the KB flags
  instead of the spelling class. 0.750 once, with two-letter words listed too ("In", "Im", "Es"
  as GeoNames places): noise, not knowledge, so not used. The flags joined to the lower-case
  word before ("pz=in|P", "pz=sagte|L", as "pt=" joins the spelling class): 0.751 (P 0.775,
  R 0.729; PER 0.783, ORG 0.633, LOC 0.799). Joined to the word before's cluster instead or as
  well, with the spelling class joined to that cluster too: 0.749 / 0.748; a listed given name
  joined to the capitalised word after it and before it ("zF>"): 0.750; the flags also joined to
  a capitalised dictionary noun before ("Stadt|P", "Trainer|L"): 0.752; the spelling class
  joined to the flags ("tz=LAST2|L"): 0.748; none kept (within noise or below). With the name
  lists, 8 GermEval copies instead of 5: 0.752; c2 0.05: 0.745; not kept.
  Tried 2026-12-03 (session 10) on that code, none kept (baseline re-measured 0.751): BIOES
  labels instead of BIO (S-/E- mapped back to B-/I- when tagging; the O ceiling reading a type's
  summed mass) 0.744, with O ceiling 0.9 / 0.95 0.745 / 0.743, and CRF training 1.5 x slower;
  clusters of words seen once too (--min-count 1) 0.744; a fourth, finer clustering (4,096)
  0.749; 200 SVD dimensions 0.748; the three nearest of the 2,000 most frequent capitalised
  words (5,000 words of any case) in the SVD space as cluster-like features 0.750 (0.748).
  Every representation drawn from these 587k unlabelled tokens now lands within noise.
  Session 11 (same fold models, --reuse-models): a floor on organisation chunks (tagger.FLOORS:
  mean marginal of the chunk's labels under it -> O) at 0.5 / 0.65 / 0.7 / 0.75 / 0.85: core F1
  0.752 / 0.754 / 0.753 / 0.754 / 0.754 (ORG P 0.642 -> 0.701, R 0.623 -> 0.587 at 0.65) against
  0.751 without (--floor ORG=0); PER=0.5 and LOC=0.5 0.751. 0.65 is used: a small, steady gain
  in ORG precision, at the edge of noise. With it, not kept (fold models retrained): the length
  of the closed quoted stretch a word stands in ("q=1" to "q=4": „Tocotronic“ against speech)
  0.749 against 0.754; each chunk's type set to the type with the most marginal mass over it
  (instead of Viterbi's) 0.754, no change.
  Mention replacement (Dai and Adel 2020: one more copy of each training document with every
  name swapped for another training name of its type): 0.700 (all documents) and 0.704
  (GermEval documents only) against 0.706 without, so not used.
  A word flag for compounds ending in an organisation head noun (de/org_heads.txt) as CRF
  feature, retrained: 0.692 against 0.696 for the same rules without it, so not used.
  In a worktree pass --data /work/shared/datasets (the default is ../shared beside the repo).
  Other CRF settings, same CV: 250 instead of 120 L-BFGS iterations no better (0.697
  against 0.699, measured with those names); c1 0.05: 0.682; c2 0.03: 0.677; c2 0.3: 0.682.
  In-sample figures (the shipped model on its own training data) are no quality figure.

Pass 1 sees sentence features; pass 2 also sees document features computed from pass-1
tags. Pass 2 is trained on jackknifed pass-1 output (each part tagged by a pass-1 model
trained without it), so it learns how reliable pass 1 is on unseen text.

  scripts/train_ner.py                 # train on everything, write lagebild/analyse/models/
  scripts/train_ner.py --folds 5       # 5-fold CV on GermEval dev (SmartData always in
                                       # training), writes a CoNLL file; then score it with
                                       # ../shared/eval/score_ner.py --conll FILE
"""
from __future__ import annotations

import argparse
import bisect
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lagebild.analyse.ner.clusters import use_cluster_file  # noqa: E402
from lagebild.analyse.ner.features import sentence_features  # noqa: E402
from lagebild.analyse.ner.resolve import resolve  # noqa: E402
from lagebild.analyse.ner.tagger import (  # noqa: E402
    FLOORS,
    MODEL_PASS1,
    MODEL_PASS2,
    O_CEILING,
    Models,
    doc_features,
    kb_tags_for,
    load_models,
)
from lagebild.analyse.tokens import sentence_spans, tokenize  # noqa: E402

DATA = ROOT.parent / "shared" / "datasets"
MODELS = ROOT / "lagebild" / "analyse" / "models"
ALGORITHM = ["lbfgs"]
PARAMS = {"c1": 0.01, "c2": 0.1, "max_iterations": 120, "feature.possible_transitions": True}

SMARTDATA = {"PERSON": "PER", "ORGANIZATION": "ORG", "ORGANIZATION_COMPANY": "ORG",
             "LOCATION": "LOC", "LOCATION_CITY": "LOC", "LOCATION_STREET": "LOC", "LOCATION_STOP": "LOC"}
LER = {"PER": "PER", "RR": "PER", "AN": "PER", "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
       "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG"}


@dataclass
class Sentence:
    words: list[str]
    tags: list[str]  # training labels
    gold: list[str] | None = None  # original GermEval tags, for scoring


Doc = list[Sentence]


#: each GermEval document is trained on this many times: it weighs the in-domain sentences
#: against SmartData's (news, RSS, tweets; 2,436 documents); measured in the docstring
GERMEVAL_COPIES = 5


def germeval_label(tag: str) -> str:
    if tag in ("O", ""):
        return "O"
    prefix, label = tag[:2], tag[2:]
    if label.endswith("deriv"):
        return prefix + "DRV"
    if label.endswith("part"):
        return prefix + "PRT"
    return prefix + ("MISC" if label == "OTH" else label)


def mapped(tag: str, table: dict[str, str]) -> str:
    if tag == "O" or len(tag) < 3:
        return "O"
    label = table.get(tag[2:])
    return tag[:2] + label if label else "O"


def fix_bio(tags: list[str]) -> list[str]:
    """Make an I- that follows O or another type a B- (after label mapping)."""
    out: list[str] = []
    for i, t in enumerate(tags):
        if t.startswith("I-") and (i == 0 or out[-1][2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
    return out


def read_germeval(path: Path) -> list[Doc]:
    """Each GermEval sentence is its own document (they come from different articles)."""
    docs: list[Doc] = []
    rows: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").split("\n"), ""]:
        if line.startswith("#\t"):
            continue
        if not line.strip():
            if rows:
                gold = [r[2] for r in rows]
                docs.append([Sentence([r[1] for r in rows], [germeval_label(t) for t in gold], gold)])
            rows = []
            continue
        rows.append(line.split("\t"))
    return docs


def read_smartdata(path: Path, tweets: bool = True) -> list[Doc]:
    """SmartData's documents; without ``tweets`` those whose id is a number (the 1,056 tweets)."""
    docs: list[Doc] = []
    doc: Doc = []
    words: list[str] = []
    tags: list[str] = []

    def close_sentence() -> None:
        nonlocal words, tags
        if words:
            doc.append(Sentence(words, fix_bio(tags)))
        words, tags = [], []

    keep = True
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            close_sentence()
            if doc and keep:
                docs.append(doc)
            doc = []
            keep = tweets or not line.split()[-1][:1].isdigit()
        elif not line.strip():
            close_sentence()
        else:
            w, _, t = line.partition("\t")
            words.append(w)
            tags.append(mapped(t.strip(), SMARTDATA))
    close_sentence()
    if doc and keep:
        docs.append(doc)
    return docs


def read_ler(paths: Iterable[Path]) -> list[Doc]:
    docs: list[Doc] = []
    for path in paths:
        words: list[str] = []
        tags: list[str] = []
        for line in [*path.read_text(encoding="utf-8").split("\n"), ""]:
            line = line.rstrip("\r")
            if not line.strip():
                if words and any(t != "O" for t in tags):
                    docs.append([Sentence(words, fix_bio(tags))])
                words, tags = [], []
                continue
            w, _, t = line.rpartition(" ")
            words.append(w)
            tags.append(mapped(t, LER))
    return docs


def items(doc: Doc) -> list[list[list[str]]]:
    return [sentence_features(s.words, kb_tags_for(s.words)) for s in doc]


def train(xy: Iterable[tuple[list[list[str]], list[str]]], path: Path) -> None:
    trainer = pycrfsuite.Trainer(algorithm=ALGORITHM[0], verbose=False)
    for x, y in xy:
        if x:
            trainer.append(x, y)
    trainer.set_params(PARAMS if ALGORITHM[0] == "lbfgs" else {
        "max_iterations": PARAMS["max_iterations"], "feature.possible_transitions": True})
    trainer.train(str(path))


def train_models(docs: Sequence[Doc], out: Path, jackknife: int = 2, log: str = "",
                 times: Sequence[int] | None = None) -> Models:
    """Pass 1 on all docs; pass 2 on jackknifed pass-1 tags. ``times[i]``: how often doc i is
    trained on (its weight); the jackknife holds out a doc with all its repeats."""
    t0 = time.time()
    feats = [items(d) for d in docs]
    reps = list(times) if times is not None else [1] * len(docs)

    def pass1_items(keep: Callable[[int], bool]) -> Iterable[tuple[list[list[str]], list[str]]]:
        for i, (fd, d) in enumerate(zip(feats, docs, strict=True)):
            if keep(i):
                for _ in range(reps[i]):
                    yield from ((x, s.tags) for x, s in zip(fd, d, strict=True))

    p1 = out / MODEL_PASS1
    train(pass1_items(lambda i: True), p1)
    print(f"{log}pass 1 trained in {time.time() - t0:.0f}s", file=sys.stderr)
    if jackknife < 2:
        (out / MODEL_PASS2).unlink(missing_ok=True)
        return load_models(p1, None)
    order = list(range(len(docs)))
    random.Random(13).shuffle(order)
    pass1_tags: dict[int, list[list[str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for part in range(jackknife):
            held = set(order[part::jackknife])
            tmp_model = Path(tmp) / f"jk{part}.crfsuite"
            train(pass1_items(lambda i, h=held: i not in h), tmp_model)
            tagger = load_models(tmp_model, None).pass1
            for i in held:
                pass1_tags[i] = [tagger.tag(x) if x else [] for x in feats[i]]
            print(f"{log}jackknife part {part + 1}/{jackknife} at {time.time() - t0:.0f}s", file=sys.stderr)

    def pass2_items() -> Iterable[tuple[list[list[str]], list[str]]]:
        for i, (fd, d) in enumerate(zip(feats, docs, strict=True)):
            dfeats = doc_features([s.words for s in d], pass1_tags[i])
            for _ in range(reps[i]):
                for x, df, s in zip(fd, dfeats, d, strict=True):
                    yield [[*a, *b] for a, b in zip(x, df, strict=True)], s.tags

    p2 = out / MODEL_PASS2
    train(pass2_items(), p2)
    print(f"{log}pass 2 trained at {time.time() - t0:.0f}s", file=sys.stderr)
    return load_models(p1, p2)


def conll_lines(docs: Sequence[Doc], models: Models) -> list[str]:
    """token gold pred lines for the held-out docs, through the whole entities component
    (tagger, KB, roles, adjectives, document propagation) run on the words joined by spaces,
    mentions mapped back onto the gold tokens as score_ner.py maps the CLI's output."""
    lines: list[str] = []
    for doc in docs:
        for s in doc:
            text = " ".join(s.words)
            starts, pos = [], 0
            for w in s.words:
                starts.append(pos)
                pos += len(w) + 1
            ends = [a + len(w) for a, w in zip(starts, s.words, strict=True)]
            tokens = tokenize(text)
            _, entities = resolve(text, tokens, sentence_spans(text, tokens), None, models)
            spans: set[tuple[int, int, str]] = set()
            for ent in entities:
                lab = {"GPE": "LOC", "MISC": "OTH"}.get(ent.type, ent.type)
                for m in ent.mentions:
                    first = bisect.bisect_right(ends, m.start)
                    last = bisect.bisect_left(starts, m.end)
                    if first < last:
                        spans.add((first, last, lab))
            pred = ["O"] * len(s.words)
            for first, last, lab in sorted(spans, key=lambda x: (x[0] - x[1], x[0], x[2])):
                if any(t != "O" for t in pred[first:last]):
                    continue
                pred[first:last] = ["B-" + lab] + ["I-" + lab] * (last - first - 1)
            assert s.gold is not None
            lines.extend(f"{w}\t{g}\t{p}" for w, g, p in zip(s.words, s.gold, pred, strict=True))
            lines.append("")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=MODELS)
    ap.add_argument("--folds", type=int, default=0, help="cross-validate on GermEval with K folds")
    ap.add_argument("--only-fold", type=int, default=None, help="run just this fold (0-based)")
    ap.add_argument("--conll", type=Path, default=Path("ner_cv.conll"), help="CV output file")
    ap.add_argument("--no-extra", action="store_true", help="GermEval only")
    ap.add_argument("--ler", action="store_true", help="also train on the legal corpus")
    ap.add_argument("--no-tweets", action="store_true", help="leave SmartData's tweets out")
    ap.add_argument("--germeval-copies", type=int, default=GERMEVAL_COPIES,
                    help="train on each GermEval training document this many times (weights it against the extra data)")
    ap.add_argument("--keep-models", type=Path, default=None,
                    help="CV: keep each fold's models in DIR/fold<k> (to re-score without training)")
    ap.add_argument("--reuse-models", action="store_true",
                    help="CV: tag with the models kept in --keep-models instead of training")
    ap.add_argument("--o-ceiling", type=float, default=O_CEILING[0],
                    help="tagging: marginal P(O) under which a capitalised O word may become PER (0: off)")
    ap.add_argument("--floor", action="append", default=[], metavar="TYPE=P",
                    help="tagging: mean marginal under which a chunk of TYPE is dropped (repeatable; ORG=0 for none)")
    ap.add_argument("--jackknife", type=int, default=2, help="parts for pass-2 training; 0: no pass 2")
    ap.add_argument("--clusters", type=Path, default=None,
                    help="word cluster file instead of the shipped one (e.g. one built without GermEval text)")
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    ap.add_argument("--algorithm", default="lbfgs", choices=("lbfgs", "ap", "pa", "arow", "l2sgd"))
    args = ap.parse_args(argv)
    ALGORITHM[0] = args.algorithm
    O_CEILING[0] = args.o_ceiling
    FLOORS.update({t: float(p) for t, _, p in (f.partition("=") for f in args.floor)})
    if args.clusters:
        use_cluster_file(args.clusters)
    PARAMS.update({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations})

    germeval = read_germeval(args.data / "germeval2014_dev" / "NER-de-dev.tsv")
    extra: list[Doc] = []
    if not args.no_extra and not args.reuse_models:
        extra += read_smartdata(args.data / "ner_extra" / "smartdata_corpus_de" / "derived_v1_all_regextok.bio",
                                tweets=not args.no_tweets)
        if args.ler:
            ler = args.data / "ner_extra" / "legal_ner_ler_de"
            extra += read_ler([ler / "ler_dev.conll", ler / "ler_test.conll"])
    print(f"GermEval {len(germeval)} docs, extra {len(extra)} docs", file=sys.stderr)

    def weights(ge: Sequence[Doc]) -> list[int]:
        """``train_models``' times for ``ge + extra``: the GermEval documents weigh more."""
        return [args.germeval_copies] * len(ge) + [1] * len(extra)

    if not args.folds:
        args.out.mkdir(parents=True, exist_ok=True)
        train_models(germeval + extra, args.out, args.jackknife, times=weights(germeval))
        print(f"models written to {args.out}", file=sys.stderr)
        return 0

    lines: list[str] = []
    folds = [args.only_fold] if args.only_fold is not None else range(args.folds)
    for k in folds:
        held = [d for i, d in enumerate(germeval) if i % args.folds == k]
        rest = [d for i, d in enumerate(germeval) if i % args.folds != k]
        if args.keep_models:
            folder = args.keep_models / f"fold{k}"
            folder.mkdir(parents=True, exist_ok=True)
            if args.reuse_models:
                p2 = folder / MODEL_PASS2
                models = load_models(folder / MODEL_PASS1, p2 if p2.is_file() else None)
            else:
                models = train_models(rest + extra, folder, args.jackknife, log=f"fold {k}: ", times=weights(rest))
            lines += conll_lines(held, models)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            models = train_models(rest + extra, Path(tmp), args.jackknife, log=f"fold {k}: ", times=weights(rest))
            lines += conll_lines(held, models)
    args.conll.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.conll}; score with score_ner.py --conll {args.conll}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
