"""Merging a case file's actors with the parsed ones, and finding their extra aliases.

A case file's ``actors:`` entries either refine a parsed actor (same id:
name, role, country, kind, member_of, extra aliases) or add one the parser
cannot know (an id with ``name`` and ``kind``). Extra aliases become extra
mentions wherever they occur in the article and no parsed mention is there.

>>> import kit
>>> art = kit.parse("The Sunni militant group advanced. Sunni militants, said Obama.")
>>> [art.text[m.start:m.end] for m in extra_mentions(art, {"islamic_state": ("the Sunni militant group",)})]
['The Sunni militant group']
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from ..records import ACTOR_KINDS, Actor, Article, Mention
from ..util import snake_id
from .fields import good, is_id
from .yamlfile import Problems, suggest

__all__ = ["merge_actors", "Merged", "kept_mentions", "extra_mentions", "alias_pattern"]


@dataclasses.dataclass(frozen=True)
class Merged:
    """The case's actors and what the text must be searched for again.

    ``search``: per actor, the aliases to look for in the text (the case
    file's new aliases; for an added actor also its name). ``removed``: parsed
    actors the case file removes (``remove: true``: not an actor). ``dropped``:
    per actor, parsed aliases the case file takes away (``drop_aliases``), so
    their mentions are no longer that actor's.
    """

    actors: tuple[Actor, ...]
    search: dict[str, tuple[str, ...]]
    removed: frozenset[str] = frozenset()
    dropped: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)


def merge_actors(
    article: Article, entries: list[tuple[int, dict[str, Any]]], group_ids: list[str], problems: Problems
) -> Merged:
    """Apply the case file's actor entries to the parsed actors.

    Returns the case's actors (parsed order, then added ones) and what changed
    in the text's mentions (:class:`Merged`).
    """
    actors: dict[str, Actor] = {a.id: a for a in article.actors}
    parsed = list(actors)
    search: dict[str, list[str]] = {}
    seen: dict[str, int] = {}
    removed: set[str] = set()
    dropped: dict[str, tuple[str, ...]] = {}
    refs: list[tuple[tuple[Any, ...], str, str]] = []  # (path, kind of reference, id)
    for i, f in entries:
        path = ("actors", i)
        aid = good(f, "id")
        if aid is None:
            continue
        if not problems.first_use(seen, "actor", aid, path + ("id",), "merge the two entries"):
            continue
        if good(f, "remove", False):
            if aid not in actors or aid not in parsed:
                problems.add(
                    path + ("remove",),
                    f"remove: true takes away an actor the parser found; {aid!r} is not one "
                    f"({suggest(aid, parsed, what='actor id', fuzzy=problems.fuzzy)})",
                )
            else:
                removed.add(aid)
            continue
        kind = good(f, "kind")
        if kind is not None and kind not in ACTOR_KINDS:
            problems.add(path + ("kind",), f"{kind!r} is not an actor kind; use one of {', '.join(ACTOR_KINDS)}")
            kind = None
        new_aliases = tuple(a.strip() for a in good(f, "aliases", ()))
        if good(f, "country") is not None:
            refs.append((path + ("country",), "country", good(f, "country")))
        for j, gid in enumerate(good(f, "member_of", ())):
            refs.append((path + ("member_of", j), "group", gid))
        drop = good(f, "drop_aliases", ())
        if drop and aid not in parsed:
            problems.add(
                path + ("drop_aliases",), "drop_aliases takes away aliases the parser found; a new actor has none"
            )
        if aid in actors:
            old = actors[aid]
            changes = {k: good(f, k) for k in ("name", "role", "country") if good(f, k) is not None}
            if kind is not None:
                changes["kind"] = kind
            for j, alias in enumerate(drop):
                if alias not in old.aliases:
                    problems.add(
                        path + ("drop_aliases", j),
                        f"{alias!r} is not one of {aid}'s aliases ({', '.join(map(repr, old.aliases)) or 'it has none'})",
                    )
            if drop:
                dropped[aid] = tuple(drop)
            kept = tuple(a for a in old.aliases if a not in drop)
            fresh = tuple(a for a in new_aliases if a not in kept and a != old.name)
            changes["aliases"] = kept + fresh
            changes["member_of"] = tuple(dict.fromkeys(old.member_of + good(f, "member_of", ())))
            actors[aid] = dataclasses.replace(old, **changes)
            search[aid] = list(fresh)
            continue
        name = good(f, "name")
        if name is None or kind is None:
            if "name" in f or "kind" in f:  # a new actor whose name/kind had a problem already reported
                missing = [k for k in ("name", "kind") if k not in f]
                if missing:
                    problems.add(path, f"a new actor needs {' and '.join(missing)}")
                continue
            problems.add(
                path + ("id",),
                f"unknown actor id {aid!r}: the parser found no such actor; "
                f"{suggest(aid, parsed, what='actor id', fuzzy=problems.fuzzy)} "
                "(to add a new actor, give it a name and a kind)",
            )
            continue
        if not is_id(aid):
            fixed = snake_id(aid) or "my_id"
            problems.add(
                path + ("id",),
                f"{aid!r} is not a snake_case id; write it like {fixed!r} (lower case letters, digits and _)",
            )
            continue
        actors[aid] = Actor(
            id=aid,
            name=name,
            kind=kind,
            aliases=new_aliases,
            role=good(f, "role"),
            country=good(f, "country"),
            member_of=tuple(dict.fromkeys(good(f, "member_of", ()))),
        )
        search[aid] = [name, *new_aliases]
    for aid in removed:
        del actors[aid]
    for aid, actor in actors.items():  # the parser's "speaks for" a removed actor: no longer anyone
        if actor.country in removed and aid in parsed:
            actors[aid] = dataclasses.replace(actor, country=None)
    ids, known_groups = list(actors), set(group_ids)
    for path, what, ref in refs:
        if what == "country" and ref not in actors:
            hint = suggest(ref, ids, what="actor id", fuzzy=problems.fuzzy)
            problems.add(
                path,
                f"{ref!r} is not an actor id; {hint} "
                "(country names the state, organisation or group the actor speaks for)",
            )
        elif what == "group" and ref not in known_groups:
            hint = suggest(ref, group_ids, what="group id", fuzzy=problems.fuzzy)
            problems.add(path, f"{ref!r} is not a group id; {hint} (groups are declared under 'groups:')")
    return Merged(
        tuple(actors.values()),
        {k: tuple(v) for k, v in search.items() if v and k in actors},
        frozenset(removed),
        dropped,
    )


def kept_mentions(article: Article, merged: Merged) -> tuple[Mention, ...]:
    """The parsed mentions that stay: none of a removed actor, none spelled as a dropped alias."""
    text = article.text
    out = []
    for m in article.mentions:
        if m.actor in merged.removed:
            continue
        drop = merged.dropped.get(m.actor)
        if drop and any(alias_pattern(a).fullmatch(text, m.start, m.end) for a in drop):
            continue
        out.append(m)
    return tuple(out)


def alias_pattern(alias: str) -> re.Pattern[str]:
    """A regex for an alias: whole words, possessives allowed ("Obama’s").

    All-caps aliases ("IS", "U.N.") match case-sensitively; others also match
    with their first letter's case changed ("the Sunni militant group" finds
    "The Sunni militant group" at the start of a sentence). Straight and curly
    apostrophes match each other.
    """
    alias = " ".join(alias.split())
    parts = []
    for k, ch in enumerate(alias):
        if ch in "'\u2019":
            parts.append("['\u2019]")
        elif ch == " ":
            parts.append(r"\s+")
        elif k == 0 and ch.isalpha() and not alias.isupper():
            parts.append(f"[{re.escape(ch.lower())}{re.escape(ch.upper())}]")
        else:
            parts.append(re.escape(ch))
    return re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)")


def extra_mentions(article: Article, aliases: Mapping[str, tuple[str, ...]]) -> tuple[Mention, ...]:
    """Mentions of extra aliases (longest alias first).

    An alias span may *contain* parsed mentions ("a new Iraqi government" holds
    the state mention "Iraqi", which stays), but one that crosses a parsed
    mention, lies inside one or repeats one exactly is skipped.
    """
    candidates = []
    for actor, names in aliases.items():
        for alias in dict.fromkeys(n for n in names if n.strip()):
            for m in alias_pattern(alias).finditer(article.text):
                candidates.append((-(m.end() - m.start()), m.start(), m.end(), actor))
    taken = sorted((m.start, m.end) for m in article.mentions)
    starts = [s for s, _ in taken]
    ends = [e for _, e in taken]
    max_end: list[int] = []  # running maximum of ends, so one look finds any overlap from the left
    for e in ends:
        max_end.append(max(e, max_end[-1]) if max_end else e)
    chosen = bytearray(len(article.text))  # 1 where a chosen alias span lies (no search of the chosen list)
    out = []
    for _, start, end, actor in sorted(candidates):
        if _crosses_parsed(start, end, starts, ends, max_end):
            continue
        if chosen.find(1, start, end) >= 0:
            continue
        chosen[start:end] = b"\x01" * (end - start)
        out.append(Mention(actor=actor, start=start, end=end))
    return tuple(sorted(out, key=lambda m: (m.start, m.end)))


def _crosses_parsed(start: int, end: int, starts: list[int], ends: list[int], max_end: list[int]) -> bool:
    """Whether [start, end) overlaps a parsed mention other than by strictly containing it.

    Reads only the mentions that start inside the span (few: an alias is short), plus the running
    maximum of the ends of those that start before it; never walks back over the text.
    """
    k = bisect.bisect_left(starts, start)
    if k > 0 and max_end[k - 1] > start:
        return True  # a mention starting before the span reaches into it
    while k < len(starts) and starts[k] < end:
        if ends[k] > end or (starts[k], ends[k]) == (start, end):
            return True  # reaches past the span, or is the same span
        k += 1
    return False
