"""Reading article files and assembling the parse: text -> :class:`Article`.

The steps live in their own modules and run in this order:
``structure`` (paragraphs, sentences, credits) -> ``actors`` (gazetteer,
people, anonymous sources, mentions) -> ``quotes`` (quotations and their
speakers) -> ``reported`` (reported speech), the last two sharing the
grammar of ``attribution`` and the resolution of ``speakers``.

>>> import kit
>>> art = kit.parse("Kerry said: \\"We are ready.\\"")
>>> [art.span(q.start, q.end) for q in art.quotes]
['We are ready.']
"""

from __future__ import annotations

import codecs
import functools
import sys
from pathlib import Path

from ..data import data_text
from ..errors import ArticleError
from ..fileio import one_line, read_regular, show, utf16_guess
from ..records import Article
from ..util import paused_gc
from . import actors as _actors
from . import quotes as _quotes
from . import reported as _reported
from . import speaking as _speaking
from . import structure as _structure
from .speakers import Context

__all__ = ["parse", "load_article", "read_text", "decode", "normalize", "bundled_article_text", "MAX_BYTES"]

#: Articles larger than this are refused (a news article is a few kB); decimal: 50 MB = 50,000,000 bytes.
MAX_BYTES = 50_000_000


def normalize(text: str) -> str:
    """Drop a leading BOM and turn CRLF / CR line ends into ``\\n``."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str | Path, *, encoding: str | None = None) -> str:
    """Read an article file as text, with errors that say what to do.

    Only a regular file is read (never a pipe or a device), and at most
    :data:`MAX_BYTES` of it.

    Raises:
        ArticleError: the file is missing, a folder, not a regular file, unreadable,
            binary, too large, not decodable with ``encoding`` (default UTF-8),
            empty or whitespace only.
    """
    data = read_regular(
        path, limit=MAX_BYTES, what="article", error=ArticleError, split_hint="split it into several articles"
    )
    return decode(data, name=show(path), encoding=encoding)


def decode(data: bytes, *, name: str = "<text>", encoding: str | None = None) -> str:
    """Decode an article's bytes, refusing binary data (a NUL anywhere) and empty text.

    Without ``encoding``: a byte-order mark decides (UTF-8, UTF-16 LE/BE);
    else UTF-8, then Windows-1252 (a superset of Latin-1 for text) as a
    fallback, with a one-line note on stderr. Errors say what to do in the
    notebook (``kit.load_case(path, encoding="cp1252")``).

    >>> decode("café".encode("cp1252"), name="a.txt")
    'café'
    >>> decode("\ufeffcafé".encode("utf-16-le"))
    'café'
    """
    name = one_line(name)  # an uploaded file's name may hold anything: the message stays one line
    binary = f"{name}: looks like a binary file, not plain text; save the article as a .txt file (UTF-8)"
    bom = next((enc for mark, enc in _BOMS if data.startswith(mark)), None)
    if b"\x00" in data and bom is None and not _wide(encoding):
        wide = utf16_guess(data)
        if wide is not None:  # UTF-16 without a byte-order mark: every other byte is NUL
            raise ArticleError(
                f"{name}: looks like UTF-16 text without a byte-order mark; read it with "
                f'encoding="{wide}" (command line: --encoding {wide}), or re-save it as UTF-8'
            )
        raise ArticleError(binary)
    enc = encoding or bom or "utf-8-sig"
    try:
        text = data.decode(enc)
    except LookupError:
        raise ArticleError(
            f'{name}: unknown encoding {encoding!r}; in the notebook pass one Python knows, e.g. encoding="cp1252"'
        ) from None
    except UnicodeDecodeError as exc:
        if encoding is not None or bom is not None:
            raise ArticleError(
                f"{name}: is not valid {enc} (byte {exc.start}); re-save it as UTF-8 in your editor, "
                'or give the right encoding in the notebook, e.g. encoding="cp1252"'
            ) from None
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
        print(
            f"note: {name} is not UTF-8; read it as Windows-1252 (Western European). "
            "If letters look wrong, re-save the file as UTF-8.",
            file=sys.stderr,
        )
    text = text.lstrip("\ufeff")
    if "\x00" in text:  # a NUL character even in UTF-16 or UTF-32 text
        raise ArticleError(binary)
    if not text.strip():
        raise ArticleError(f"{name}: is empty (no text to parse); paste the article's text into the file")
    return text


def _wide(encoding: str | None) -> bool:
    try:
        return encoding is not None and codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False  # decode() reports it


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def parse(text: str, *, source: str | None = None) -> Article:
    """Parse any plain-text news article into an :class:`Article`.

    Deterministic and linear in the length of the text. Never raises on odd
    text (stray quotation marks, HTML, no quotes at all): a problem affects at
    most its own paragraph.
    """
    text = normalize(text)
    with paused_gc():  # many small records: the cyclic GC would rescan them all, repeatedly
        # the steps' temporaries are freed when _parse returns, before the collector resumes: its
        # first pass then reads only the article's records, not every record made on the way
        return _parse(text, source)


def _parse(text: str, source: str | None) -> Article:
    paragraphs = _structure.split_paragraphs(text)
    sentences = _structure.split_sentences(text, paragraphs)
    credits = _structure.parse_credits(text, paragraphs)
    # one scan for the words of titles, organisation clues, anonymous sources and cues: scanning for each
    # list alone would stop at every character that ends a word, once per list
    sites = _actors.word_sites(text, _reported.cue_first_words())
    actors, mentions = _actors.find_actors(text, paragraphs, sentences, credits, sites=sites)
    ctx = Context.build(text, sentences, actors, mentions)  # what the two speech steps share
    quotes = _quotes.find_quotes(ctx, paragraphs)
    reported = _reported.find_reported(ctx, paragraphs, quotes, sites=sites)
    article = Article(
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        credits=credits,
        actors=actors,
        mentions=mentions,
        quotes=quotes,
        reported=reported,
        source=source,
    )
    # speakers the actor step did not know ("one commenter wrote", "the Herald said")
    return _speaking.add_speakers(article, lambda: _actors.scanned_spans(paragraphs, credits, text), ctx)


def bundled_article_text() -> str:
    """The exact text of the bundled Reuters article (package data)."""
    return data_text("article.txt")


@functools.lru_cache(maxsize=1)
def _bundled() -> Article:
    return parse(bundled_article_text(), source="kit/data/article.txt")


def load_article(path: str | Path | None = None, *, encoding: str | None = None) -> Article:
    """Parse an article file, or the bundled article when ``path`` is ``None``.

    >>> load_article().credits.by
    ('Phil Stewart', 'Julien Ponthus')
    """
    if path is None:
        return _bundled()
    return parse(read_text(path, encoding=encoding), source=str(path))
