"""Parsing: plain text -> :class:`~kit.records.Article`.

The steps, each a module, run in this order (see :func:`kit.parse.article.parse`):

* :mod:`.structure` – paragraphs, sentences, the credits line;
* :mod:`.gazetteer`, :mod:`.people`, :mod:`.actors` – states, organisations,
  groups, people, anonymous sources, and every mention of them;
* :mod:`.quotes` – quotations and their speakers;
* :mod:`.reported` – reported (indirect) speech;
* :mod:`.patterns` – regular-expression helpers the steps share;
* :mod:`.scan` – where the attribution patterns can match, found once per
  text, so that the windows around dense quotations are not read again.

The public entry points are re-exported by :mod:`kit` itself: ``kit.parse``,
``kit.load_article``, ``kit.read_text``.
"""

from __future__ import annotations

from .article import bundled_article_text, decode, load_article, normalize, parse, read_text

__all__ = ["parse", "load_article", "read_text", "decode", "normalize", "bundled_article_text"]
