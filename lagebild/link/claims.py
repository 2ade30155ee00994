"""Claims: statements of one proposition, grouped across articles and speakers, incrementally.

A statement joins the claim one of whose recent statements shares enough of its weighted terms
(idf from the corpus; at least two shared terms); candidates come from an inverted index
term -> claim, bounded per term, as in the story clustering. A claim is contradicted when it holds
both assertions and denials; a reversal is a denial followed later by a confirmation (or the
reverse), and two statements giving different figures of the same thing conflict.
"""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from lagebild.link.features import idf, stored_dfs
from lagebild.link.statements import Statement

#: minimum weighted overlap (share of the smaller statement's weight) and shared terms
CLAIM_OVERLAP = 0.35
CLAIM_SHARED = 2
#: retrieval bounds
QUERY_TERMS = 10
CLAIMS_PER_TERM = 40
MEMBERS_COMPARED = 24
#: figures differing by more than this share conflict
FIGURE_SPREAD = 0.25


def _weights(db: sqlite3.Connection, terms: set[str], n_docs: int) -> dict[str, float]:
    dfs = stored_dfs(db, terms)
    return {t: idf(dfs.get(t, 0), n_docs) for t in terms}


def overlap(a: set[str], b: set[str], w: dict[str, float]) -> tuple[float, int]:
    shared = a & b
    if not shared:
        return 0.0, 0
    small = min(sum(w.get(t, 1.0) for t in a), sum(w.get(t, 1.0) for t in b)) or 1.0
    return sum(w.get(t, 1.0) for t in shared) / small, len(shared)


def _next_id(db: sqlite3.Connection) -> str:
    row = db.execute("SELECT value FROM link_state WHERE key='claim_seq'").fetchone()
    seq = int(row[0]) + 1 if row else 1
    db.execute("INSERT INTO link_state (key, value) VALUES ('claim_seq', ?) ON CONFLICT(key) DO UPDATE"
               " SET value=excluded.value", (str(seq),))
    return f"c-{seq:08d}"


def add(db: sqlite3.Connection, article_id: str, st: Statement, n_docs: int) -> str:
    """Store one statement in its claim (a new one when none fits); returns the claim id."""
    terms = set(st.terms)
    weights = _weights(db, terms, n_docs)
    query = sorted(terms, key=lambda t: (-weights.get(t, 0.0), t))[:QUERY_TERMS]
    cands: set[str] = set()
    for t in query:
        cands.update(r[0] for r in db.execute(
            "SELECT claim_id FROM link_claim_postings WHERE term=? ORDER BY claim_id DESC LIMIT ?",
            (t, CLAIMS_PER_TERM)))
    best: tuple[float, str] | None = None
    members = {cid: [set(json.loads(m)) for (m,) in db.execute(
        "SELECT terms FROM link_statements WHERE claim_id=? ORDER BY id DESC LIMIT ?",
        (cid, MEMBERS_COMPARED))] for cid in sorted(cands)}
    # one look-up for the weights of all members' terms (was one query per member statement)
    w = {**_weights(db, set().union(*(m for ms in members.values() for m in ms)) - weights.keys(), n_docs),
         **weights}
    for cid, mterms_list in members.items():
        for mterms in mterms_list:
            score, shared = overlap(terms, mterms, w)
            if shared >= CLAIM_SHARED and score >= CLAIM_OVERLAP and (best is None or (score, cid) > best):
                best = (score, cid)
    if best is None:
        cid = _next_id(db)
        db.execute("INSERT INTO link_claims (id, text, terms, n) VALUES (?,?,?,0)",
                   (cid, st.text, json.dumps(sorted(terms), ensure_ascii=False)))
    else:
        cid = best[1]
    db.execute("UPDATE link_claims SET n=n+1 WHERE id=?", (cid,))
    db.executemany("INSERT OR IGNORE INTO link_claim_postings (term, claim_id) VALUES (?,?)",
                   [(t, cid) for t in terms])
    db.execute("INSERT INTO link_statements (claim_id, article_id, date, stance, basis, speaker_text, speaker_name,"
               " speaker_entity, text, start, end, terms, figures) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
               (cid, article_id, st.date, st.stance, st.basis, st.speaker.text, st.speaker.name,
                st.speaker.entity, st.text, st.start, st.end, json.dumps(sorted(terms), ensure_ascii=False),
                json.dumps([list(f) for f in st.figures])))
    return cid


def remove(db: sqlite3.Connection, article_id: str) -> None:
    """Take an article's statements out of their claims; only those claims are touched."""
    touched = [r[0] for r in db.execute("SELECT DISTINCT claim_id FROM link_statements WHERE article_id=?",
                                        (article_id,)).fetchall()]
    for cid in touched:
        n = db.execute("SELECT COUNT(*) FROM link_statements WHERE claim_id=? AND article_id=?",
                       (cid, article_id)).fetchone()[0]
        db.execute("UPDATE link_claims SET n=n-? WHERE id=?", (n, cid))
    db.execute("DELETE FROM link_statements WHERE article_id=?", (article_id,))
    empty = [(cid,) for cid in touched
             if db.execute("SELECT n FROM link_claims WHERE id=?", (cid,)).fetchone()[0] <= 0]
    db.executemany("DELETE FROM link_claim_postings WHERE claim_id=?", empty)
    db.executemany("DELETE FROM link_claims WHERE id=?", empty)


def _speaker_key(st: dict[str, Any]) -> str:
    sp = st["speaker"]
    return str(sp.get("entity") or sp.get("name") or sp.get("text") or "").lower()


def analyse(statements: list[dict[str, Any]]) -> dict[str, Any]:
    """Contradiction flags of one claim's statements (dicts in the output shape, date order)."""
    stances = {s["stance"] for s in statements}
    contradiction = "asserts" in stances and "denies" in stances
    reversals = []
    dated = [s for s in statements if s.get("date")]
    denials = [s for s in dated if s["stance"] == "denies"]
    asserts = [s for s in dated if s["stance"] == "asserts"]
    if denials and asserts:
        first_denial, last_assert = min(denials, key=lambda s: s["date"]), max(asserts, key=lambda s: s["date"])
        first_assert, last_denial = min(asserts, key=lambda s: s["date"]), max(denials, key=lambda s: s["date"])
        if first_denial["date"] < last_assert["date"]:
            reversals.append({"kind": "denied_then_confirmed", "denied": first_denial["date"],
                              "by": first_denial["speaker"]["text"], "confirmed": last_assert["date"],
                              "confirmed_by": last_assert["speaker"]["text"]})
        if first_assert["date"] < last_denial["date"]:
            reversals.append({"kind": "asserted_then_denied", "asserted": first_assert["date"],
                              "by": first_assert["speaker"]["text"], "denied": last_denial["date"],
                              "denied_by": last_denial["speaker"]["text"]})
    by_speaker: dict[str, set[str]] = defaultdict(set)
    for s in statements:
        by_speaker[_speaker_key(s)].add(s["stance"])
    turned = sorted(k for k, v in by_speaker.items() if k and {"asserts", "denies"} <= v)
    figures: dict[str, list[tuple[float, dict[str, Any]]]] = defaultdict(list)
    for s in statements:
        for value, unit in s.get("figures", []):
            figures[unit].append((value, s))
    conflicts = []
    for unit, vals in sorted(figures.items()):
        lo, hi = min(vals, key=lambda v: v[0]), max(vals, key=lambda v: v[0])
        if hi[0] > 0 and (hi[0] - lo[0]) / hi[0] > FIGURE_SPREAD and lo[1] is not hi[1]:
            conflicts.append({"unit": unit, "low": lo[0], "low_by": lo[1]["speaker"]["text"],
                              "high": hi[0], "high_by": hi[1]["speaker"]["text"]})
    return {"contradiction": contradiction or bool(conflicts), "reversals": reversals,
            "speakers_reversed": turned, "figure_conflicts": conflicts}
