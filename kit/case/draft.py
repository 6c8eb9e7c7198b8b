"""A starter case file for any article: actors pre-filled, quotes listed as comments.

The draft is valid as it stands: ``load_case`` accepts it untouched (one
example position and one example stance, built from the article's first
attributed quote, show the format). A teacher renames the example, adds
positions and stances, and runs the check after each step, so the file is
never broken for long.

>>> import kit
>>> text = draft_case(kit.load_article())
>>> text.splitlines()[0].startswith("# Case file drafted by kit")
True
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import yaml

from ..records import Article

__all__ = ["draft_case"]


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(" ".join(str(text).split()), ensure_ascii=False)


def _plain(text: str) -> str:
    """``text`` bare if YAML reads it back as the same string (ids, kinds), else quoted."""
    try:
        same = yaml.safe_load(text) == text and "#" not in text
    except yaml.YAMLError:
        same = False
    return text if same else _q(text)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _excerpt(article: Article, start: int, end: int, *, words: int = 10) -> str:
    """The first clause (at most ``words`` words) of a span: verbatim, so the check accepts it."""
    out = []
    for word in article.text[start:end].split():
        out.append(word)
        if len(out) >= words or (word[-1] in ",;:.!?" and not _abbreviation(word)):
            break
    return " ".join(out).rstrip(",;:")


def _abbreviation(word: str) -> bool:
    """ "St.", "Dr.", "U.S.", an initial: a full stop that does not end the clause."""
    core = word.lstrip("“‘\"'(")
    return core.endswith(".") and ((len(core) <= 4 and core[:1].isupper()) or core.count(".") > 1)


def _title(article: Article) -> str:
    name = Path(article.source).name if article.source else "an article"
    return f"Draft coding of {name}"


def draft_case(article: Article, *, article_path: str = "article.txt") -> str:
    """Starter YAML for a case file on ``article``.

    Args:
        article: the parsed article (:func:`kit.parse` / :func:`kit.load_article`).
        article_path: how the case file names the article, relative to itself.

    Returns:
        YAML text that ``load_case`` accepts once saved next to the article.
    """
    ids = {a.id: a for a in article.actors}
    lines = [
        "# Case file drafted by kit. Edit it, then check it after each change with:",
        "#   python -m kit check THIS_FILE.yaml",
        "# Lines starting with # are comments. Text with ':' or '#' in it must be in quotes.",
        f"title: {_q(_title(article))}",
        f"article: {_q(article_path)}   # the article's path, relative to this file",
        "",
        "# The actors the parser found. Fix a name, role or country; add aliases (other",
        '# names the article uses, e.g. "the Sunni militant group"); add actors it missed',
        "# with an id (snake_case), name and kind ("
        + " | ".join(("person", "state", "organization", "group", "anonymous"))
        + ").",
    ]
    if article.actors:
        lines.append("actors:")
        for a in article.actors:
            lines.append(f"  - id: {_plain(a.id)}")
            lines.append(f"    name: {_q(a.name)}")
            lines.append(f"    kind: {_plain(a.kind)}")
            if a.role:
                lines.append(f"    role: {_q(a.role)}")
            if a.country:
                lines.append(f"    country: {_plain(a.country)}")
    else:
        lines += ["actors: []", "#  - id: jane_doe", "#    name: Jane Doe", "#    kind: person"]

    lines += [
        "",
        '# What the actors say (¶N = paragraph N, counted from 1 as the explorers show them; "reported" = indirect speech):',
    ]
    said = [
        (q.paragraph, q.start, f"{q.speaker or 'unknown speaker'}: “{_short(article.text[q.start : q.end])}”")
        for q in article.quotes
    ]
    said += [
        (
            r.paragraph,
            r.start,
            f"{r.speaker or 'unknown speaker'} (reported, {r.cue}): {_short(article.text[r.start : r.end])}",
        )
        for r in article.reported
    ]
    lines += [f"# ¶{para + 1} {line}" for para, _, line in sorted(said)]
    if not article.quotes and not article.reported:
        lines.append("# (the parser found no quotations or reported speech)")

    example = _example(article, ids)
    lines += [
        "",
        "# Positions: the policy options on the table. Rename the example.",
        "positions:",
        "  - id: example_position",
        f"    label: {_q('Example position (rename me)')}",
        f"    description: {_q('Replace with one policy option the article discusses')}",
        "",
        "# Stances: actor x position x value, with evidence copied verbatim from the article.",
        "#   value: support | oppose | conditional | undecided",
        "#   type:  direct (quoted) | reported (said that...) | narration (the journalist) | anonymous",
    ]
    if example:
        actor, evidence, kind = example
        lines += [
            "stances:",
            f"  - actor: {_plain(actor)}",
            "    position: example_position",
            "    value: support",
            f"    evidence: {_q(evidence)}",
            f"    type: {kind}",
            f"    note: {_q('An example: replace it with your own coding')}",
        ]
    else:
        lines += [
            "stances: []",
            "#  - actor: some_actor_id",
            "#    position: example_position",
            "#    value: support",
            '#    evidence: "words copied from the article"',
            "#    type: direct",
        ]
    lines += [
        "",
        "# Groups: declared alliances. basis: article (give the evidence) or background (give a source).",
        "groups: []",
        "#  - id: my_group",
        "#    name: My group",
        "#    members: [first_actor_id, second_actor_id]",
        "#    basis: article",
        '#    evidence: "words copied from the article"',
        "",
    ]
    return "\n".join(lines)


def _example(article: Article, ids: Mapping[str, object]) -> tuple[str, str, str] | None:
    """(actor, evidence, type) for the example stance, from the first attributed quote or report."""
    statements = [(q.speaker, q.start, q.end, "direct") for q in article.quotes]
    statements += [(r.speaker, r.start, r.end, "reported") for r in article.reported]
    for speaker, start, end, kind in statements:
        if speaker is None or speaker not in ids:
            continue
        evidence = _excerpt(article, start, end)
        if evidence:
            anonymous = getattr(ids[speaker], "kind", "") == "anonymous"
            return speaker, evidence, "anonymous" if anonymous else kind
    return None
