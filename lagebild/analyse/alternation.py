"""Regex alternations of literal words, written as tries.

Why: Python's regex engine tries the branches of ``(?:Dezember|Donnerstag|...)`` one after
the other at every position it is asked about, so a pattern made of word lists (months,
number words, qualifiers) pays for every word at every word start of the text it scans. A
trie (``(?:D(?:ezember|onnerstag)|...)``) reads each letter once. The match is the same: at a
position only words that are prefixes of one another can match, and the trie tries them
longest first, as the longest-first alternation does (a test holds the two together).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]


def trie(words: Iterable[str], space: str | None = None) -> str:
    """A non-capturing group matching any of ``words`` (literals), longest first. With
    ``space``, a blank in a word stands for that regex (``r"\\s+"``: "bis zu" across any
    white space)."""
    root: _Trie = {}
    for w in set(words):
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def atom(c: str) -> str:
        return space if space is not None and c == " " else re.escape(c)

    def build(node: _Trie) -> str:
        # the longer continuations first, ending here last: longest first
        branches = [atom(c) + build(child) for c, child in sorted(node.items()) if c]
        if "" in node:
            branches.append("")
        return "" if branches == [""] else branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + build(root) + ")"


def either_case(words: Iterable[str]) -> set[str]:
    """Each word with its first letter in lower and in upper case (sentence-initial "Rund")."""
    return {v for w in words if w for v in (w[0].lower() + w[1:], w[0].upper() + w[1:])}
