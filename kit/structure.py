"""STUB (being written): paragraphs, sentences, credits."""
from __future__ import annotations
from .records import Credits, Paragraph, Sentence

__all__ = ["split_paragraphs", "split_sentences", "parse_credits"]


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append(Paragraph(len(out), "body", pos, pos + len(line)))
        pos += len(line) + 1
    return tuple(out)


def split_sentences(text: str, paragraphs: tuple[Paragraph, ...]) -> tuple[Sentence, ...]:
    return tuple(Sentence(p.index, p.start, p.end) for p in paragraphs)


def parse_credits(text: str, paragraphs: tuple[Paragraph, ...]) -> Credits:
    return Credits()
