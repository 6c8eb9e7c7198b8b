"""STUB (being written): gazetteer, people, anonymous sources, mentions."""
from __future__ import annotations
from .records import Actor, Credits, Mention, Paragraph, Sentence

__all__ = ["find_actors"]


def find_actors(text: str, paragraphs: tuple[Paragraph, ...], sentences: tuple[Sentence, ...],
                credits: Credits) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    return (), ()
