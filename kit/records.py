"""The kit's records: frozen dataclasses with character offsets.

Every offset is a Python string index into ``Article.text`` (the text after
BOM removal and newline normalisation), so every record can show its own text
with ``article.text[r.start:r.end]``. Collections are tuples; make changed
copies with :func:`dataclasses.replace`.

>>> import kit
>>> art = kit.load_article()
>>> q = art.quotes[0]
>>> art.text[q.start:q.end].startswith("We need to attack them")
True
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import KitError

__all__ = [
    "PARAGRAPH_KINDS",
    "ACTOR_KINDS",
    "STANCE_VALUES",
    "EVIDENCE_TYPES",
    "NOT_CODED",
    "NO_STANCE",
    "CODING_VALUES",
    "Paragraph",
    "Sentence",
    "Credits",
    "Actor",
    "Mention",
    "Quote",
    "Reported",
    "Article",
    "Position",
    "Stance",
    "SpeakerChange",
    "Group",
    "Case",
    "require_case",
]

PARAGRAPH_KINDS = ("body", "heading", "rule", "credits")
ACTOR_KINDS = ("person", "state", "organization", "group", "anonymous")
STANCE_VALUES = ("support", "oppose", "conditional", "undecided")
EVIDENCE_TYPES = ("direct", "reported", "narration", "anonymous")
#: The category of an (actor, position) pair a coding has no stance for.
NOT_CODED = "not coded"
#: A learner's explicit "the text gives this actor no stance on this position" (a value, unlike NOT_CODED).
NO_STANCE = "no stance"
#: The values a learner's coding can hold: the stances and :data:`NO_STANCE` (a case's stances never hold it).
CODING_VALUES = (*STANCE_VALUES, NO_STANCE)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: ``kind`` is one of :data:`PARAGRAPH_KINDS`."""

    index: int
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence, inside paragraph number ``paragraph``."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Credits:
    """The credits line: who wrote, reported and edited the article.

    Journalists named here are never actors in the story.
    """

    by: tuple[str, ...] = ()
    additional_reporting: tuple[str, ...] = ()
    writing: tuple[str, ...] = ()
    editing: tuple[str, ...] = ()
    paragraph: int | None = None

    def names(self) -> tuple[str, ...]:
        """Every journalist named in the credits, once each, in order."""
        seen: dict[str, None] = {}
        for role in (self.by, self.additional_reporting, self.writing, self.editing):
            for name in role:
                seen.setdefault(name, None)
        return tuple(seen)


@dataclass(frozen=True)
class Actor:
    """Someone or something that acts or speaks in the story.

    ``kind`` is one of :data:`ACTOR_KINDS`. ``country`` is the id of the state,
    organisation or group the actor belongs to or speaks for (``None`` if the
    text does not say). ``member_of`` lists declared group ids (case files).
    """

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    country: str | None = None
    member_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A place where the text names an actor (any alias, pronouns excluded)."""

    actor: str
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    """A direct quotation: ``start``/``end`` is the content inside the outer marks.

    ``speaker`` is the resolved actor id (or ``None``); ``speaker_start`` and
    ``speaker_end`` locate where the text names the speaker ("Kerry", "he",
    "one Western defense official"), which may be in an earlier paragraph for
    a continued quote. ``partial`` marks a quoted fragment inside a sentence;
    ``continued`` marks a quote that carries on the previous paragraph's speaker.
    ``rule`` names the attribution rule that gave the speaker (:data:`kit.parse.rules.RULES`;
    ``"case_file"``: the teacher set it; ``None``: no speaker found), and
    :func:`kit.parse.rules.explain` says it in words.
    """

    start: int
    end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    paragraph: int
    partial: bool = False
    continued: bool = False
    rule: str | None = None


@dataclass(frozen=True)
class Reported:
    """Reported (indirect) speech: "X said that ..." with the content span."""

    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Article:
    """A parsed article. Build it with :func:`kit.parse` or :func:`kit.load_article`."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    credits: Credits
    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    reported: tuple[Reported, ...]
    #: where the text was read from; not part of the article (two copies of one text are equal)
    source: str | None = field(default=None, compare=False)

    def span(self, start: int, end: int) -> str:
        """The text between two offsets."""
        return self.text[start:end]

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id; raises ``KeyError`` naming the known ids."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        known = ", ".join(a.id for a in self.actors)
        raise KeyError(f"no actor {actor_id!r} in this article; known ids: {known}")

    def paragraph_of(self, offset: int) -> Paragraph | None:
        """The paragraph containing ``offset`` (``None`` between paragraphs)."""
        for para in self.paragraphs:
            if para.start <= offset < para.end:
                return para
        return None


@dataclass(frozen=True)
class Position:
    """A policy option on the table (case files)."""

    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Stance:
    """Actor x position x value, with the evidence passage and how it reached the reader.

    ``value`` is one of :data:`STANCE_VALUES`; ``evidence_type`` one of
    :data:`EVIDENCE_TYPES`. ``start``/``end`` locate ``evidence`` in the article
    (``None`` until validated against the text).
    """

    actor: str
    position: str
    value: str
    evidence: str
    evidence_type: str
    start: int | None = None
    end: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Group:
    """A declared grouping: ``basis`` is ``"article"`` (stated in the text), ``"inferred"`` (the coder's
    inference from passages of the text) or ``"background"`` (knowledge from outside the text)."""

    id: str
    name: str
    members: tuple[str, ...]
    basis: str = "article"
    source: str = ""
    evidence: str = ""


@dataclass(frozen=True)
class SpeakerChange:
    """A teacher's coding of who speaks a quote or reported statement, where it differs from the parser.

    ``start``/``end`` is the quote's (or reported statement's) content; ``excerpt``
    the verbatim words the case file names it by; ``speaker`` the teacher's
    actor id (``None``: unknown); ``parser`` what the parser said.
    """

    start: int
    end: int
    excerpt: str
    speaker: str | None
    parser: str | None


@dataclass(frozen=True)
class Case:
    """An article plus a teacher's curated coding (positions, stances, groups).

    ``actors`` is the parsed actors merged with the case file's refinements and
    additions; use it (not ``article.actors``) everywhere downstream.
    """

    article: Article
    actors: tuple[Actor, ...]
    positions: tuple[Position, ...] = ()
    stances: tuple[Stance, ...] = ()
    groups: tuple[Group, ...] = ()
    title: str = ""
    #: the case file it was read from; not part of the case (a saved copy equals its original)
    path: str | None = field(default=None, compare=False)
    extra_mentions: tuple[Mention, ...] = field(default=())
    #: quotes and reported statements whose speaker the teacher coded (``speakers:`` in the case file)
    speaker_changes: tuple[SpeakerChange, ...] = field(default=())

    @functools.cached_property
    def actor_index(self) -> Mapping[str, Actor]:
        """Every actor by id (built once per case): the one lookup the kit uses."""
        return {a.id: a for a in self.actors}

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id; raises ``KeyError`` naming the known ids."""
        found = self.actor_index.get(actor_id)
        if found is None:
            known = ", ".join(a.id for a in self.actors)
            raise KeyError(f"no actor {actor_id!r} in this case; known ids: {known}")
        return found

    def get_actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or ``None`` (also for ``None``)."""
        return None if actor_id is None else self.actor_index.get(actor_id)

    def name_of(self, actor_id: str) -> str:
        """The actor's display name; an id the case does not know is shown as written.

        >>> import kit
        >>> case = kit.load_case()
        >>> case.name_of("john_kerry"), case.name_of("nobody_known")
        ('John Kerry', 'nobody_known')
        """
        found = self.actor_index.get(actor_id)
        return found.name if found is not None else actor_id

    def kind_of(self, actor_id: str) -> str:
        """The actor's kind (one of :data:`ACTOR_KINDS`), or ``"unknown"``."""
        found = self.actor_index.get(actor_id)
        return found.kind if found is not None else "unknown"

    @property
    def mentions(self) -> tuple[Mention, ...]:
        """Parsed mentions plus those of the case file's extra aliases, in text order."""
        if not self.extra_mentions:
            return self.article.mentions
        return tuple(sorted(self.article.mentions + self.extra_mentions, key=lambda m: (m.start, m.end)))


def require_case(obj: object) -> Case:
    """``obj`` itself if it is a :class:`Case`; otherwise a :class:`~kit.errors.KitError` saying what to pass.

    The one guard used by every function that takes a case (analysis, figures, exports).
    """
    if isinstance(obj, Case):
        return obj
    hint = (
        " (load a case file first: kit.load_case(path))"
        if isinstance(obj, (str, bytes)) or hasattr(obj, "__fspath__")
        else ""
    )
    raise KitError(f"expected a Case (from kit.load_case()), not {type(obj).__name__}{hint}")
