"""Regular-expression helpers for the parser: word lists as tries, fast guarded search.

>>> trie_pattern(["Iraq", "Iraqi", "Iran"])
'Ira(?:n|q(?:i)?)'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

__all__ = ["trie_pattern", "finditer_not_after"]


def trie_pattern(words: list[str] | set[str]) -> str:
    """A regex alternation of ``words`` as a trie (longest alternative first).

    >>> trie_pattern(["Iraq", "Iraqi", "Iran"])
    'Ira(?:n|q(?:i)?)'
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def finditer_not_after(
    pattern: re.Pattern[str], text: str, start: int, end: int, not_after: str
) -> Iterator[re.Match[str]]:
    """The matches of ``(?<![\\w<not_after>])<pattern>`` in ``text[start:end]``, left to right.

    The same matches as that regular expression's ``finditer``, found faster:
    a pattern that starts with a trie of words is searched with the regex
    engine's first-character scan, which a look-behind at its start turns
    off. ``pattern`` must not match the empty string.

    >>> [m.group() for m in finditer_not_after(re.compile("IS"), "IS, ISIS and xIS", 0, 16, "")]
    ['IS', 'IS']
    """
    pos = start
    while True:
        m = pattern.search(text, pos, end)
        if m is None:
            return
        at = m.start()
        if at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_" or text[at - 1] in not_after):
            pos = at + 1  # inside a word: try again one character on, as the look-behind would
            continue
        yield m
        pos = m.end()
