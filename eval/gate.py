"""Score the pipeline on eval/gold.jsonl; with --update, raise floors.json (never lower it).

Figures: cleaning (boilerplate cut), retention (gold quotes and entities still in the text),
entity mention F1 (text + type; GPE and LOC count as one), timex F1 (overlap) and value
accuracy, quote F1 (word Dice >= 0.5) and speaker accuracy, figure F1 and value accuracy.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from lagebild.clean import CleanOptions, prepare  # noqa: E402
from lagebild.engine import Engine  # noqa: E402
from lagebild.model import RawDocument  # noqa: E402

WORD = re.compile(r"\w+")


def words(s: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(s)}


def f1(tp: int, n_pred: int, n_gold: int) -> float:
    return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 1.0


def kind(t: str) -> str:
    return "LOC" if t in ("GPE", "LOC") else t


def overlap_match(gold: list[tuple[str, Any]], pred: list[tuple[int, int, Any]], text: str) -> list[tuple[Any, Any]]:
    """Pairs (gold value, predicted value) matched one-to-one by character overlap."""
    used: set[int] = set()
    pairs = []
    for g_text, g_val in gold:
        start = text.find(g_text)
        if start < 0:
            continue
        end = start + len(g_text)
        for i, (s, e, v) in enumerate(pred):
            if i not in used and s < end and start < e:
                used.add(i)
                pairs.append((g_val, v))
                break
    return pairs


def score(docs: Iterable[dict[str, Any]]) -> dict[str, float]:
    engine = Engine()
    c = {
        k: 0
        for k in (
            "bp",
            "bp_cut",
            "keep",
            "kept",
            "ent_tp",
            "ent_p",
            "ent_g",
            "tx_tp",
            "tx_p",
            "tx_g",
            "tx_val",
            "q_tp",
            "q_p",
            "q_g",
            "q_spk",
            "fg_tp",
            "fg_p",
            "fg_g",
            "fg_val",
        )
    }
    for d in docs:
        art = prepare(RawDocument(origin=d["id"], id=d["id"], text=d["text"], published=d["published"]), CleanOptions())
        a = engine.analyse(art)
        text = art.text
        c["bp"] += len(d["boilerplate"])
        c["bp_cut"] += sum(1 for b in d["boilerplate"] if b not in text)
        keep = [q[0] for q in d["quotes"]] + [e[0] for e in d["entities"]]
        c["keep"] += len(keep)
        c["kept"] += sum(1 for k in keep if k in text)
        gold_ents = [(e[0], kind(e[1])) for e in d["entities"]]
        pred_ents = [(text[m.start : m.end], kind(e.type)) for e in a.entities for m in e.mentions]
        remaining = list(pred_ents)
        for g in gold_ents:
            if g in remaining:
                remaining.remove(g)
                c["ent_tp"] += 1
        c["ent_p"] += len(pred_ents)
        c["ent_g"] += len(gold_ents)
        pairs = overlap_match(
            [(t[0], t[1]) for t in d["timexes"]], [(t.start, t.end, t.value) for t in a.timexes], text
        )
        c["tx_tp"] += len(pairs)
        c["tx_val"] += sum(1 for g, p in pairs if g == p)
        c["tx_p"] += len(a.timexes)
        c["tx_g"] += len(d["timexes"])
        pairs = overlap_match(
            [(f[0], f[1]) for f in d["figures"]], [(f.start, f.end, f.value) for f in a.figures], text
        )
        c["fg_tp"] += len(pairs)
        c["fg_val"] += sum(1 for g, p in pairs if abs(g - p) < 1e-6 * max(1.0, abs(g)))
        c["fg_p"] += len(a.figures)
        c["fg_g"] += len(d["figures"])
        used: set[int] = set()
        for g_text, g_speaker, _ in d["quotes"]:
            gw = words(g_text)
            for i, q in enumerate(a.quotes):
                qw = words(q.text)
                if i not in used and gw and 2 * len(gw & qw) / (len(gw) + len(qw)) >= 0.5:
                    used.add(i)
                    c["q_tp"] += 1
                    sp = q.speaker
                    names = " ".join(x for x in (sp.text, sp.name or "") if x) if sp else ""
                    c["q_spk"] += bool(names) and bool(words(g_speaker) & words(names))
                    break
        c["q_p"] += len([q for q in a.quotes if not q.nested])
        c["q_g"] += len(d["quotes"])
    return {
        "cleaning": round(c["bp_cut"] / max(1, c["bp"]), 3),
        "retention": round(c["kept"] / max(1, c["keep"]), 3),
        "entity_f1": round(f1(c["ent_tp"], c["ent_p"], c["ent_g"]), 3),
        "timex_f1": round(f1(c["tx_tp"], c["tx_p"], c["tx_g"]), 3),
        "timex_value_acc": round(c["tx_val"] / max(1, c["tx_tp"]), 3) if c["tx_tp"] else 0.0,
        "quote_f1": round(f1(c["q_tp"], c["q_p"], c["q_g"]), 3),
        "speaker_acc": round(c["q_spk"] / max(1, c["q_tp"]), 3) if c["q_tp"] else 0.0,
        "figure_f1": round(f1(c["fg_tp"], c["fg_p"], c["fg_g"]), 3),
        "figure_value_acc": round(c["fg_val"] / max(1, c["fg_tp"]), 3) if c["fg_tp"] else 0.0,
    }


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--update", action="store_true", help="raise floors.json to the current figures")
    args = ap.parse_args()
    figures = score(load())
    floors_path = HERE / "floors.json"
    floors = json.loads(floors_path.read_text()) if floors_path.exists() else {}
    for k, v in figures.items():
        print(f"{k:<18} {v:.3f}   floor {floors.get(k, 0.0):.3f}")
    if args.update:
        new = {k: max(floors.get(k, 0.0), round(v - 0.005, 3)) for k, v in figures.items()}
        floors_path.write_text(json.dumps(new, indent=2, sort_keys=True) + "\n")
        print(f"floors written to {floors_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
