"""STUB (being written): quotations, speakers, reported speech."""
from __future__ import annotations
from .records import Actor, Mention, Paragraph, Quote, Reported, Sentence

__all__ = ["find_quotes"]


def find_quotes(text: str, paragraphs: tuple[Paragraph, ...], sentences: tuple[Sentence, ...],
                actors: tuple[Actor, ...], mentions: tuple[Mention, ...]
                ) -> tuple[tuple[Quote, ...], tuple[Reported, ...]]:
    return (), ()
