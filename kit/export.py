"""The public JSON export (schema in ``docs/schema.md``).

``to_dict`` turns an :class:`~kit.records.Article` or a :class:`~kit.records.Case`
into plain JSON-ready data. The shape is a documented interface: add keys,
never rename or remove them (bump ``SCHEMA`` only on a breaking change).

>>> import kit
>>> data = to_dict(kit.load_article())
>>> data["schema"], data["article"]["credits"]["writing"]
('kit.article/1', ['Phil Stewart'])
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from .records import Actor, Article, Case

__all__ = ["SCHEMA", "to_dict", "article_dict"]

#: Schema name and major version of the export.
SCHEMA = "kit.article/1"


def _actor(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "role": actor.role,
        "country": actor.country,
        "member_of": list(actor.member_of),
    }


def article_dict(article: Article) -> dict[str, Any]:
    """The ``article`` block: text, paragraphs, sentences, credits."""
    credits = article.credits
    return {
        "source": article.source,
        "text": article.text,
        "paragraphs": [asdict(p) for p in article.paragraphs],
        "sentences": [asdict(s) for s in article.sentences],
        "credits": {
            "by": list(credits.by),
            "additional_reporting": list(credits.additional_reporting),
            "writing": list(credits.writing),
            "editing": list(credits.editing),
            "paragraph": credits.paragraph,
        },
    }


def to_dict(obj: Article | Case, *, coalitions: bool = True) -> dict[str, Any]:
    """The whole export for an article or a case (article + coding).

    Args:
        obj: a parsed article, or a case (its merged actors and extra mentions are used).
        coalitions: for a case with stances, also compute the detected
            coalitions (needs networkx; skipped when False).
    """
    case = obj if isinstance(obj, Case) else None
    article = case.article if case else obj
    assert isinstance(article, Article)
    actors = case.actors if case else article.actors
    mentions = case.mentions if case else article.mentions
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "article": article_dict(article),
        "actors": [_actor(a) for a in actors],
        "mentions": [asdict(m) for m in mentions],
        "quotes": [asdict(q) for q in article.quotes],
        "reported": [asdict(r) for r in article.reported],
        "positions": [],
        "stances": [],
        "groups": [],
        "coalitions": [],
    }
    if case is None:
        return data
    data["title"] = case.title
    data["positions"] = [asdict(p) for p in case.positions]
    data["stances"] = [asdict(s) for s in case.stances]
    data["groups"] = [
        {"id": g.id, "name": g.name, "members": list(g.members), "basis": g.basis,
         "source": g.source, "evidence": g.evidence}
        for g in case.groups
    ]
    if coalitions and case.stances:
        from .analysis import coalitions as detect

        data["coalitions"] = [list(c) for c in detect(case)]
    return data
