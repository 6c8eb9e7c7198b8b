"""Pure render functions behind the explorers: state in, HTML text out.

Every piece of article or case text is escaped with :func:`html.escape`
before it goes into the HTML, so an article containing ``<script>`` shows
those characters and runs nothing. Highlights never rely on colour alone:
marked text is underlined and labelled with the actor's or speaker's name.

>>> import kit
>>> art = kit.parse("Kerry said: \\"We are ready.\\"")
>>> case = kit.Case(article=art, actors=art.actors)
>>> "We are ready." in render_article(case, view="quotes")
True
"""

from __future__ import annotations

import base64
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..analysis.voices import anonymous_count
from ..parse.rules import explain
from ..plots import smallest_text_px
from ..records import Case, Paragraph
from ..util import esc
from .figures import PNG_DPI, figure_png

__all__ = [
    "VIEWS",
    "KIND_LABELS",
    "Statement",
    "statements",
    "speaker_name",
    "speaker_kind",
    "select_statements",
    "render_article",
    "render_statements",
    "why_text",
    "anonymous_share_text",
    "render_coalitions",
    "figure_img",
    "png_img",
]

#: The article views: what gets marked.
VIEWS = ("mentions", "quotes", "reported speech")
#: Actor kinds as learners read them (``None``: no speaker found).
KIND_LABELS = {
    "person": "named people",
    "state": "states",
    "organization": "organisations",
    "group": "groups",
    "anonymous": "anonymous sources",
    None: "unattributed statements",
}

_MARK = "background:#fff3b0;color:inherit;text-decoration:underline;text-decoration-thickness:2px;padding:0 .1em"
_QUOTE = "background:#dbeafe;color:inherit;text-decoration:underline dotted;text-decoration-thickness:2px"
_LABEL = "font-size:.8em;font-weight:bold;color:#333"
_PNUM = "display:inline-block;min-width:3.2em;color:#555;font-size:.85em"


_OPENING_MARKS = "\"“‘'«„‹"


@dataclass(frozen=True)
class Statement:
    """A quote or a reported statement, in one shape: ``kind`` is ``"quote"`` or ``"reported"``."""

    kind: str
    speaker: str | None
    cue: str | None
    start: int
    end: int
    paragraph: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    rule: str | None = None  # the attribution rule that gave a quote its speaker (kit.parse.rules)


def statements(case: Case) -> tuple[Statement, ...]:
    """Every quote and reported statement of the case's article, in text order."""
    art = case.article
    out = [
        Statement("quote", q.speaker, q.cue, q.start, q.end, q.paragraph, q.speaker_start, q.speaker_end, q.rule)
        for q in art.quotes
    ]
    out += [
        Statement("reported", r.speaker, r.cue, r.start, r.end, r.paragraph, r.speaker_start, r.speaker_end)
        for r in art.reported
    ]
    return tuple(sorted(out, key=lambda s: (s.start, s.end)))


def speaker_kind(case: Case, actor_id: str | None) -> str | None:
    """The kind of the statement's speaker (``None``: no speaker found, or one the case does not know)."""
    actor = case.get_actor(actor_id)
    return actor.kind if actor is not None else None


def speaker_name(case: Case, actor_id: str | None) -> str:
    """The display name of ``actor_id`` (``"speaker not identified"`` for ``None``)."""
    if actor_id is None:
        return "speaker not identified"
    return case.name_of(actor_id)


def select_statements(case: Case, choice: str = "all") -> tuple[Statement, ...]:
    """Statements for a voices choice: ``"all"``, ``"kind:<kind>"`` (``"kind:none"``: no speaker) or ``"actor:<id>"``."""
    every = statements(case)
    if choice == "all":
        return every
    prefix, _, value = choice.partition(":")
    if prefix == "actor":
        return tuple(s for s in every if s.speaker == value)
    if prefix == "kind":
        want = None if value == "none" else value
        return tuple(s for s in every if speaker_kind(case, s.speaker) == want)
    raise ValueError(f"unknown voices choice {choice!r}; use 'all', 'kind:<kind>' or 'actor:<id>'")


# --- the article -------------------------------------------------------------

Span = tuple[int, int, str, str]  # start, end, opening html, closing html


def _spans(case: Case, actors: Sequence[str], view: str) -> list[Span]:
    chosen = set(actors)
    keep = (lambda a: a in chosen) if chosen else (lambda a: True)
    index = case.actor_index
    spans: list[Span] = []
    if view == "mentions":
        text = case.article.text
        for m in case.mentions:
            if not keep(m.actor):
                continue
            name = index[m.actor].name if m.actor in index else m.actor
            label = "" if text[m.start : m.end] == name else f"<sub style='{_LABEL}'>({esc(name)})</sub>"
            spans.append(
                (m.start, m.end, f"<mark class='kit-mention' title='{esc(name)}' style='{_MARK}'>", f"</mark>{label}")
            )
        return spans
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    kind = "quote" if view == "quotes" else "reported"
    text = case.article.text
    for st in statements(case):
        if st.kind != kind or not (keep(st.speaker) if st.speaker else not chosen):
            continue
        who = speaker_name(case, st.speaker)
        tag = who if kind == "quote" else f"reported: {who}" + (f", {st.cue}" if st.cue else "")
        label = f"<span style='{_LABEL}'>[{esc(tag)}]</span>&nbsp;"
        mark = f"<mark class='kit-{kind}' title='{esc(who)}' style='{_QUOTE}'>"
        if st.start > 0 and text[st.start - 1] in _OPENING_MARKS:  # label before the opening quotation mark
            spans.append((st.start - 1, st.start, label, ""))
            spans.append((st.start, st.end, mark, "</mark>"))
        else:
            spans.append((st.start, st.end, label + mark, "</mark>"))
        if st.speaker_start is not None and st.speaker_end is not None:
            spans.append((st.speaker_start, st.speaker_end, "<u class='kit-speaker' style='font-weight:bold'>", "</u>"))
    return spans


def _paint(text: str, start: int, end: int, spans: list[Span], starts: list[int]) -> str:
    """Escaped ``text[start:end]`` with the spans inside it wrapped (overlaps: the first one wins)."""
    out, cursor = [], start
    i = bisect_right(starts, start - 1)
    # spans that began before this paragraph cannot be clipped cleanly: skip them
    while i < len(spans) and spans[i][0] < end:
        s, e, opening, closing = spans[i]
        i += 1
        if s < cursor or e > end or e <= s:
            continue
        out.append(esc(text[cursor:s]))
        out.append(opening + esc(text[s:e]) + closing)
        cursor = e
    out.append(esc(text[cursor:end]))
    return "".join(out)


def _pnum(para: Paragraph, numbers: bool) -> str:
    if not numbers:
        return ""
    n = para.index + 1
    return f"<span class='kit-pnum' aria-label='paragraph {n}' style='{_PNUM}'>¶&nbsp;{n}</span>"


def render_article(case: Case, *, actors: Iterable[str] = (), view: str = "mentions", numbers: bool = False) -> str:
    """The article as HTML, paragraph by paragraph, with the chosen view marked.

    Args:
        actors: actor ids to mark; empty marks every actor (or every speaker).
        view: ``"mentions"`` (every alias of the actor), ``"quotes"`` (direct quotes,
            labelled with the speaker's name) or ``"reported speech"``.
        numbers: show paragraph numbers (``¶ 3``) for citing in discussion.
    """
    art = case.article
    spans = sorted(_spans(case, list(actors), view), key=lambda s: (s[0], -s[1]))
    starts = [s[0] for s in spans]
    credits_para = art.credits.paragraph
    parts = ["<div class='kit-article' style='max-width:46em;line-height:1.55'>"]
    for para in art.paragraphs:
        if para.kind == "rule":
            parts.append("<hr aria-hidden='true'>")
        elif para.kind == "credits" or para.index == credits_para:
            raw = esc(art.text[para.start : para.end])
            parts.append(
                f"<p class='kit-credits' style='font-size:.85em;color:#555;border-top:1px solid #ccc;padding-top:.4em'>"
                f"{_pnum(para, numbers)}<em>Credits — the journalists who reported, wrote and edited this story "
                f"(not actors in it):</em> {raw}</p>"
            )
        elif para.kind == "heading":
            parts.append(
                f"<h4 class='kit-heading' style='margin:.8em 0 .3em'>{_pnum(para, numbers)}{esc(art.text[para.start : para.end])}</h4>"
            )
        else:
            body = _paint(art.text, para.start, para.end, spans, starts)
            parts.append(f"<p class='kit-paragraph'>{_pnum(para, numbers)}{body}</p>")
    parts.append("</div>")
    return "".join(parts)


# --- voices ------------------------------------------------------------------


def _context(case: Case, st: Statement) -> tuple[int, int]:
    sentences = [s for s in case.article.sentences if s.end > st.start and s.start < st.end]
    if not sentences:
        return st.start, st.end
    return min(s.start for s in sentences + [st]), max(s.end for s in sentences + [st])


def render_statements(case: Case, choice: str = "all") -> str:
    """Each chosen statement in its sentence, with the speaker, the cue verb and the paragraph number."""
    chosen = select_statements(case, choice)
    if not chosen:
        return "<p class='kit-empty'><em>No quotes or reported statements for this choice.</em></p>"
    text = case.article.text
    items = []
    for st in chosen:
        start, end = _context(case, st)
        before, inner, after = text[start : st.start], text[st.start : st.end], text[st.end : end]
        cue = f"cue verb: <strong>{esc(st.cue)}</strong>" if st.cue else "no cue verb"
        kind = "quote" if st.kind == "quote" else "reported speech"
        items.append(
            f"<li style='margin-bottom:.5em'><span style='{_PNUM}'>¶&nbsp;{st.paragraph + 1}</span>"
            f"<strong>{esc(speaker_name(case, st.speaker))}</strong> ({kind}; {cue}):<br>"
            f"{esc(before)}<mark style='{_QUOTE}'>{esc(inner)}</mark>{esc(after)}{_why(case, st)}</li>"
        )
    n = len(chosen)
    return f"<p>{n} statement{'s' if n != 1 else ''}:</p><ul class='kit-statements' style='list-style:none;padding-left:0'>{''.join(items)}</ul>"


def why_text(case: Case, st: Statement) -> str:
    """Why the kit gave a quote its speaker, in words: the rule and where the text names the speaker.

    >>> import kit
    >>> case = kit.load_case()
    >>> first = next(st for st in statements(case) if st.kind == "quote")
    >>> why_text(case, first)
    'Why the kit thinks so: “Kerry” — the speaker and a cue verb come right after the quote (“…,” Ann Lee said) [rule after_x_said]'
    """
    if st.kind != "quote":
        return ""
    named = ""
    if st.speaker_start is not None and st.speaker_end is not None:
        named = f"“{' '.join(case.article.text[st.speaker_start : st.speaker_end].split())}” — "
    if st.rule is None:
        return "Why: no rule found a speaker (read the sentence: who is speaking?)"
    return f"Why the kit thinks so: {named}{explain(st.rule)} [rule {st.rule}]"


def _why(case: Case, st: Statement) -> str:
    words = why_text(case, st)
    return f"<br><small class='kit-why' style='color:#444'>{esc(words)}</small>" if words else ""


def anonymous_share_text(case: Case) -> str:
    """The anonymous share in words, e.g. "3 of 17 statements (18%) come from anonymous sources.".

    Counts quotes and reported statements with a known speaker, like
    :func:`kit.analysis.anonymous_share`. Statements whose speaker the parser
    could not identify are their own category, never counted as named: then
    the sentence gives the three counts and the share as a range (an
    unidentified speaker may be an unnamed source, "a council spokeswoman"),
    never a single "0% anonymous".
    """

    anon, known, unknown = anonymous_count(case)
    if not known and not unknown:
        return "No quotes or reported statements were found in this article."
    verb = "comes" if anon == 1 else "come"
    if not unknown:
        noun = "statement" if known == 1 else "statements"
        return f"{anon} of {known} {noun} ({anon / known:.0%}) {verb} from anonymous sources."
    total = known + unknown
    them = "it" if unknown == 1 else "them"
    return (
        f"Of {total} statements, {anon} {verb} from anonymous sources, {known - anon} from named speakers and "
        f"{unknown} from a speaker the kit could not identify (read {them}: an unidentified speaker may be an "
        f"unnamed source). The anonymous share is between {anon / total:.0%} and {(anon + unknown) / total:.0%}."
    )


# --- coalitions and figures --------------------------------------------------


def render_coalitions(
    case: Case, coalitions: Sequence[Sequence[str]], messages: Sequence[str], *, groups: Sequence[str] | None = None
) -> str:
    """The detected coalitions by name and the mismatches with declared groups, in plain language.

    Args:
        groups: names of the declared groups the mismatches were sought in
            (``None``: every group; ``[]``: none chosen).
    """
    parts = []
    if coalitions:
        rows = "".join(
            f"<li>Coalition {i}: {esc(', '.join(speaker_name(case, a) for a in members))}</li>"
            for i, members in enumerate(coalitions, 1)
        )
        parts.append(
            f"<p><strong>Detected coalitions</strong> (actors whose stances agree):</p><ol style='list-style:none;padding-left:0'>{rows}</ol>"
        )
    else:
        parts.append("<p><strong>No coalitions</strong>: no two actors share a stance on the chosen positions.</p>")
    which = "" if groups is None else f" ({esc(', '.join(groups))})"
    if groups is not None and not groups:
        parts.append(
            "<p><strong>Declared groups vs. stances</strong>: choose a group to outline, "
            "and its mismatches with the coded stances are listed here.</p>"
        )
    elif messages:
        rows = "".join(f"<li>{esc(m)}</li>" for m in messages)
        parts.append(f"<p><strong>Declared groups vs. stances</strong>{which}:</p><ul>{rows}</ul>")
    else:
        parts.append(
            f"<p><strong>Declared groups vs. stances</strong>{which}: no mismatches on the chosen positions.</p>"
        )
    return "".join(parts)


def figure_img(fig: Any, alt: str) -> str:
    """A figure as an ``<img>`` with an embedded PNG and escaped alt text (for snapshots)."""

    return png_img(figure_png(fig), alt, min_text_px=smallest_text_px(fig, dpi=PNG_DPI))


def png_img(png: bytes, alt: str, *, min_text_px: float | None = None) -> str:
    """PNG bytes as an ``<img>`` with a data URL and escaped alt text.

    Args:
        min_text_px: the smallest text in the image, in the image's pixels
            (:func:`kit.plots.smallest_text_px`), kept as ``data-min-text-px`` so a
            browser test can check the size a reader sees.
    """
    data = base64.b64encode(png).decode("ascii")
    size = "" if min_text_px is None else f" data-min-text-px='{min_text_px:.1f}'"
    return f"<img src='data:image/png;base64,{data}' alt='{esc(alt)}' class='kit-figure'{size} style='max-width:100%'>"
