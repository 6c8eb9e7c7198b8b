"""Headlines in title case, where capitals do not mark names.

A headline written in title case ("Ivo Marsk Says He Will Run For Office") capitalises every word, so the
name finders, which read capitalised runs, take a verb or a noun into a name ("Ivo Marsk Says"). Such a line,
one of the text's first three paragraphs, is recognised by its small words: after its first word, the
articles, prepositions, conjunctions and auxiliaries it holds (at least one) are nearly all capitalised, which
a sentence never does; or, as some styles write them, they are in lower case and every other word (four at
least) is capitalised.

An actor that only such a headline names, whose name the rest of the text never writes, is dropped when a
name the text gives another actor (or a person's surname) lies inside it ("Ivo Marsk Says" where the
body names Ivo Marsk: the mention goes to him; "Marsk Stuns Rivals"), or when it is one word in capitals (a word shouted: "Ivo Marsk's EPIC Reply"), or when it is an organisation
with two words or more after its first that the text capitalises only in headlines ("Norvo Court Blocks Dam
Plan": verbs and nouns the body writes in lower case).
An actor the headline alone names by a name of its own ("Ada Vell" in the headline, "Vell said" below) is
kept.

>>> import kit
>>> art = kit.parse("Ivo Marsk Says He Will Run For Office\\n\\nIvo Marsk, a farmer, said he would run.")
>>> [a.name for a in art.actors]
['Ivo Marsk']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container, Iterable

from ..records import Actor, Mention

__all__ = ["title_case_headlines", "without_headline_fragments"]

#: Words a sentence writes in lower case but a title-case headline capitalises.
_SMALL = frozenset(
    "a an the and or but nor of to in on at for with by from as into over after about than is are was were be "
    "has have had will would can could not says said vs".split()
)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_MAX_WORDS = 30
#: How many of the text's first paragraphs may be headlines.
FIRST_LINES = 3


def title_case_headlines(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Those of the first :data:`FIRST_LINES` spans of ``spans`` that are one line in title case (see the
    module doc): a headline, a subtitle, a standfirst."""
    out = []
    for s, e in itertools.islice(spans, FIRST_LINES):
        if e - s > 300 or "\n" in text[s:e].strip():
            continue
        line = text[s:e].rstrip()
        if ". " in line:
            continue  # sentences
        words = _WORD.findall(line)
        if not 3 <= len(words) <= _MAX_WORDS or all(w.isupper() for w in words):
            continue  # (a line in capitals is a wire headline, read by kit.parse.actors)
        small = [w for w in words[1:] if w.lower() in _SMALL]
        content = [w for w in words[1:] if w.lower() not in _SMALL]
        if small and sum(w[0].isupper() for w in small) * 4 >= len(small) * 3:
            if sum(w[0].isupper() for w in words) * 10 >= len(words) * 8:
                out.append((s, e))  # "Ivo Marsk Says He Will Run For Office"
        elif small and len(content) >= 4 and all(w[0].isupper() or w[0].isdigit() for w in content):
            out.append((s, e))  # "Ivo Marsk Calls the Vote a Fraud in Norvo": small words in lower case, the rest not
    return out


def without_headline_fragments(
    text: str,
    spans: Iterable[tuple[int, int]],
    actors: tuple[Actor, ...],
    mentions: tuple[Mention, ...],
    keep: Container[str] = frozenset(),
) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    """``actors`` and ``mentions`` less the actors only a title-case headline names by a fragment (see the
    module doc); ``keep``: ids never dropped (the gazetteer's)."""
    heads = title_case_headlines(text, spans)
    if not heads:
        return actors, mentions

    def in_heads(m: Mention) -> bool:
        return any(s <= m.start and m.end <= e for s, e in heads)

    by_actor: dict[str, list[Mention]] = {}
    for m in mentions:
        by_actor.setdefault(m.actor, []).append(m)
    only_head = {
        a.id
        for a in actors
        if a.kind in ("person", "organization")
        and a.id not in keep
        and by_actor.get(a.id)
        and _written_inside(text, a.name, heads)
        and not _written_outside(text, a.name, heads)
    }
    if not only_head:
        return actors, mentions
    others = [
        (a.id, form)
        for a in actors
        if a.id not in only_head
        for form in (a.name, *a.aliases, *([a.name.split()[-1]] if a.kind == "person" else []))
        if len(form) > 2
    ]
    dropped: set[str] = set()
    moved: list[Mention] = []
    owner = {f: i for i, f in others}  # (the last actor named so, as before)
    for a in actors:
        if a.id not in only_head:
            continue
        inner = [(i, f) for i, f in others if f != a.name and _holds(a.name, f)]
        if inner:
            dropped.add(a.id)
            i, f = max(inner, key=lambda x: len(x[1]))  # its mentions go to the longest name inside it
            for m in by_actor[a.id]:
                if not in_heads(m):  # a short form below ("Trump" after "Ivo Marsk Says Trump …"): whose it is
                    if text[m.start : m.end] in owner:
                        moved.append(Mention(owner[text[m.start : m.end]], m.start, m.end))
                    continue
                at = text.find(f, m.start, m.end)
                if at >= 0:
                    moved.append(Mention(i, at, at + len(f)))
        elif not all(in_heads(m) for m in by_actor[a.id]):
            continue  # named below by a short form of its own: kept
        elif " " not in a.name and a.name.isupper() and len(a.name) > 3:
            dropped.add(a.id)  # "EPIC", "HATE": a word shouted in the headline
        elif a.kind == "organization" and _words_only_in_heads(text, a.name, heads) >= 2:
            dropped.add(a.id)  # "Norvo Court Blocks Dam Plan": verbs and nouns the body writes in lower case
    if not dropped:
        return actors, mentions
    kept = tuple(m for m in mentions if m.actor not in dropped)
    merged = tuple(sorted({*kept, *moved}, key=lambda m: (m.start, m.end, m.actor)))
    return tuple(a for a in actors if a.id not in dropped), merged


def _holds(name: str, form: str) -> bool:
    """Is ``form`` a run of whole words of ``name``?"""
    return f" {form} " in f" {name} "


def _words_only_in_heads(text: str, name: str, heads: list[tuple[int, int]]) -> int:
    """How many words of ``name`` after its first the text writes capitalised only inside the headlines ``heads``
    (as whole words)."""
    count = 0
    for word in name.split()[1:]:
        if not any(
            not any(s <= m.start() < e for s, e in heads)
            for m in re.finditer(r"(?<![\w’'-])" + re.escape(word) + r"(?![\w’'-])", text)
        ):
            count += 1
    return count


def _written_inside(text: str, name: str, heads: list[tuple[int, int]]) -> bool:
    """Does a headline of ``heads`` write ``name``?"""
    return any(text.find(name, s, e) >= 0 for s, e in heads)


def _written_outside(text: str, name: str, heads: list[tuple[int, int]]) -> bool:
    """Does the text write ``name`` anywhere outside the headlines ``heads``?"""
    at = text.find(name)
    while at >= 0:
        if not any(s <= at < e for s, e in heads):
            return True
        at = text.find(name, at + 1)
    return False
