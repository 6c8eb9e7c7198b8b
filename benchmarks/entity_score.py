"""Scoring the kit's actors against gold persons and organisations (``entity_corpora.py``).

Per document:

* **found** (recall): a gold entity is found when one of the places the text
  names it overlaps a mention of an actor of the right kind -- ``person`` for
  a person; ``organization`` or ``group`` for an organisation (a state's
  metonym such as "the Pentagon" is a state for the kit, and is counted apart
  as ``org_as_state``).
* **really people** (precision of person actors): a person actor counts as a
  person when one of its mentions overlaps the head of a gold person mention
  (named or not: "the emperor", "he"), and as a miss otherwise (an
  organisation, a place, "World Cup"). Likewise for organisation actors
  against gold organisation heads.

Figures are summed over documents, then per genre.

>>> from types import SimpleNamespace as NS
>>> doc = NS(text="Ann Lee met Bob.", entities=[NS(kind="person", spans=[(0, 7)], heads=[(0, 7)])])
>>> counts = score_doc(doc, [("ann_lee", "person", [(0, 7)])])
>>> counts.persons_found, counts.persons, counts.person_actors_right, counts.person_actors
(1, 1, 1, 1)
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, fields

__all__ = ["Counts", "score_doc", "actors_of", "ratio", "misses"]

ORG_KINDS = ("organization", "group")


@dataclass
class Counts:
    """Sums over documents."""

    docs: int = 0
    persons: int = 0
    persons_found: int = 0
    orgs: int = 0
    orgs_found: int = 0
    org_as_state: int = 0
    person_actors: int = 0
    person_actors_right: int = 0
    org_actors: int = 0
    org_actors_right: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self


def ratio(a: int, b: int) -> float | None:
    """``a / b``, or ``None`` when ``b`` is 0."""
    return a / b if b else None


class _Spans:
    """Sorted spans with a fast "does anything overlap (a, b)?" test."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.max_len = max((b - a for a, b in self.spans), default=0)

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, a - self.max_len)
        while i < len(self.spans) and self.spans[i][0] < b:
            s, e = self.spans[i]
            if s < b and a < e:
                return True
            i += 1
        return False


def actors_of(article: object) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """``(id, kind, mention spans)`` for every actor of a parsed article."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in article.mentions:  # type: ignore[attr-defined]
        spans.setdefault(m.actor, []).append((m.start, m.end))
    return [(a.id, a.kind, spans.get(a.id, [])) for a in article.actors]  # type: ignore[attr-defined]


def score_doc(doc: object, actors: list[tuple[str, str, list[tuple[int, int]]]]) -> Counts:
    """The counts for one document (see the module doc)."""
    c = Counts(docs=1)
    people = _Spans(s for _, kind, spans in actors if kind == "person" for s in spans)
    orgs = _Spans(s for _, kind, spans in actors if kind in ORG_KINDS for s in spans)
    states = _Spans(s for _, kind, spans in actors if kind == "state" for s in spans)
    person_heads = _Spans(h for e in doc.entities if e.kind == "person" for h in e.heads)  # type: ignore[attr-defined]
    org_heads = _Spans(h for e in doc.entities if e.kind == "organization" for h in e.heads)  # type: ignore[attr-defined]
    for e in doc.entities:  # type: ignore[attr-defined]
        if not e.spans:
            continue  # never named (GUM: "the critic", "he"): counts only for precision
        if e.kind == "person":
            c.persons += 1
            c.persons_found += any(people.overlaps(a, b) for a, b in e.spans)
        elif e.kind == "organization":
            c.orgs += 1
            found = any(orgs.overlaps(a, b) for a, b in e.spans)
            c.orgs_found += found
            c.org_as_state += not found and any(states.overlaps(a, b) for a, b in e.spans)
    for _, kind, spans in actors:
        if kind == "person":
            c.person_actors += 1
            c.person_actors_right += any(person_heads.overlaps(a, b) for a, b in spans)
        elif kind in ORG_KINDS:
            c.org_actors += 1
            c.org_actors_right += any(org_heads.overlaps(a, b) for a, b in spans)
    return c


def misses(doc: object, actors: list[tuple[str, str, list[tuple[int, int]]]]) -> list[tuple[str, str, str]]:
    """``(what, kind, text)`` for each gold entity missed and each wrong person or organisation actor.

    Contains corpus text: for a developer's terminal or a dump outside the repository only.
    """
    text = doc.text  # type: ignore[attr-defined]
    out: list[tuple[str, str, str]] = []
    people = _Spans(s for _, kind, spans in actors if kind == "person" for s in spans)
    orgs = _Spans(s for _, kind, spans in actors if kind in ORG_KINDS for s in spans)
    person_heads = _Spans(h for e in doc.entities if e.kind == "person" for h in e.heads)  # type: ignore[attr-defined]
    org_heads = _Spans(h for e in doc.entities if e.kind == "organization" for h in e.heads)  # type: ignore[attr-defined]
    for e in doc.entities:  # type: ignore[attr-defined]
        found = people if e.kind == "person" else orgs
        if e.spans and not any(found.overlaps(a, b) for a, b in e.spans):
            a, b = e.spans[0]
            out.append(("missed", e.kind, text[max(0, a - 60) : a] + "[[" + text[a:b] + "]]" + text[b : b + 60]))
    for aid, kind, spans in actors:
        heads = person_heads if kind == "person" else org_heads if kind in ORG_KINDS else None
        if heads is not None and not any(heads.overlaps(a, b) for a, b in spans):
            a, b = spans[0] if spans else (0, 0)
            out.append(
                ("wrong", kind, aid + " | " + text[max(0, a - 60) : a] + "[[" + text[a:b] + "]]" + text[b : b + 60])
            )
    return out
