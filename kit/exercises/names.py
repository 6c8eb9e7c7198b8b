"""Names learners may use for an actor: ids, names, aliases, the gazetteer's names, and titled names.

A learner who writes "UK", "the British government", "Kerry" or "Secretary of
State John Kerry" means an actor as surely as one who types its id. These
helpers turn such answers into actors, so checks can accept them all.

>>> import kit
>>> case = kit.load_case()
>>> [find_actor(case.actors, x).id for x in ("UK", "the British government", "Secretary of State John Kerry")]
['united_kingdom', 'united_kingdom', 'john_kerry']
>>> find_actor(case.actors, "Narnia") is None
True
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from ..parse.entity_words import entity_words
from ..parse.gazetteer import gazetteer, load_gazetteer_data
from ..records import Actor

__all__ = ["normal", "actor_forms", "find_actor", "find_actors"]

_DETERMINERS = ("the ", "a ", "an ", "one ", "some ")
_GOVERNMENT = (" government", " administration", " officials")
_LINK_WORDS = {"the", "of", "and"}


def normal(text: str) -> str:
    """Text for lenient comparison: lower case, no dots, underscores or hyphens, straight apostrophes, single spaces.

    >>> normal("Frank-Walter  Steinmeier’s")
    "frank walter steinmeier's"
    """
    text = text.replace("’", "'").replace("‘", "'").replace(".", "").replace("_", " ").replace("-", " ")
    return " ".join(text.lower().split())


def _strip_determiner(text: str) -> str:
    for det in _DETERMINERS:
        if text.startswith(det):
            return text[len(det) :]
    return text


@functools.cache
def _gazetteer_forms(entity_id: str) -> frozenset[str]:

    return frozenset(normal(f) for f in gazetteer().aliases(entity_id))


@functools.cache
def _title_words() -> frozenset[str]:

    titles = load_gazetteer_data().get("titles", {})
    words: set[str] = set()
    for key in ("full", "portfolios", "offices", "modifiers"):
        for title in titles.get(key, ()):
            words.update(normal(title).split())
    return frozenset(words)


def actor_forms(actor: Actor) -> frozenset[str]:
    """Every name of ``actor`` a learner may write, as :func:`normal` text (without a leading "the").

    Its id, name and aliases, a person's surname, the gazetteer's names for it
    (for a state: "UK", "British", "London"), and for a state the same with
    "government" after them.
    """
    forms = {normal(actor.id), normal(actor.name), *(normal(a) for a in actor.aliases)}
    forms |= _gazetteer_forms(actor.id)
    if actor.kind == "person":
        forms.add(normal(actor.name).split()[-1])  # the surname: "Steinmeier"
    forms = {_strip_determiner(f) for f in forms if f}
    if actor.kind == "state":
        forms |= {f + g for f in tuple(forms) for g in _GOVERNMENT}
    return frozenset(forms)


def _titled(actor: Actor, text: str) -> bool:
    """True if ``text`` is a person's name or surname after title words ("US Secretary of State John Kerry")."""
    if actor.kind != "person":
        return False
    names = {normal(actor.name), normal(actor.name).split()[-1], *(normal(a) for a in actor.aliases)}
    honorifics = {h.lower() for h, _ in entity_words().honorifics}
    allowed = set(_title_words()) | honorifics | _LINK_WORDS | set(normal(actor.role or "").split())
    if actor.country:
        allowed |= {w for f in _gazetteer_forms(actor.country) for w in f.split()}
    for name in names:
        if name and text.endswith(" " + name):
            prefix = text[: -len(name) - 1].split()
            if prefix and all(w in allowed for w in prefix):
                return True
    return False


def find_actor(actors: Iterable[Actor], text: str) -> Actor | None:
    """The actor that ``text`` names (exact names first, then titled names), or ``None``."""
    if not isinstance(text, str) or not text.strip():
        return None
    wanted = _strip_determiner(normal(text))
    actors = tuple(actors)
    for actor in actors:
        if wanted in actor_forms(actor):
            return actor
    for actor in actors:
        if _titled(actor, wanted):
            return actor
    return None


def find_actors(actors: Sequence[Actor], texts: Iterable[str]) -> tuple[list[Actor | None], list[str]]:
    """Each text's actor (``None`` where no actor matches), and the texts that matched none."""
    texts = list(texts)
    found = [find_actor(actors, t) for t in texts]
    return found, [t for t, a in zip(texts, found, strict=True) if a is None]
