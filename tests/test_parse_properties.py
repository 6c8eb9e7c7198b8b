"""Property-based tests: kit.parse never raises and keeps every offset consistent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit

PIECES = st.sampled_from([
    "“", "”", '"', "‘", "’", "'", "\n", "\n\n", "\r\n", " ", ". ", ", ", ": ", "…", "...", "said", "told",
    " he said.", "Kerry", "The", "U.S.", "Mr.", "STRATEGY SOUGHT", "___", "By Ann Lee", "Editing by Tom Ray/Jo Fox",
    "according to", "it", "Britain", "A British official", "<b>", "\ufeff", "\t", "that", "x",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map("".join))
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(art: kit.Article) -> None:
    n = len(art.text)
    last = -1
    for i, p in enumerate(art.paragraphs):
        assert p.index == i and p.kind in kit.PARAGRAPH_KINDS
        assert last <= p.start < p.end <= n  # in order, non-overlapping
        assert art.text[p.start : p.end].strip() == art.text[p.start : p.end]
        last = p.end
    for s in art.sentences:
        p = art.paragraphs[s.paragraph]
        assert p.start <= s.start < s.end <= p.end
    for q in art.quotes:
        p = art.paragraphs[q.paragraph]
        assert p.start <= q.start <= q.end <= p.end  # inside one paragraph
        assert (q.speaker_start is None) == (q.speaker_end is None)
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= n
            if not q.continued:
                assert p.start <= q.speaker_start  # a fresh attribution is in the quote's own paragraph
    for r in art.reported:
        p = art.paragraphs[r.paragraph]
        assert p.start <= r.start < r.end <= p.end
        assert r.speaker_start is not None and 0 <= r.speaker_start < r.speaker_end <= n
    for m in art.mentions:
        assert 0 <= m.start < m.end <= n
    if art.credits.paragraph is not None:
        assert art.paragraphs[art.credits.paragraph].kind == "credits"


@SETTINGS
@given(TEXTS)
def test_parse_never_raises_and_offsets_are_consistent(text):
    _check(kit.parse(text))


@SETTINGS
@given(st.lists(st.sampled_from(["“", "”", '"', "‘", "’", "'", " said ", "Kerry", "\n", ". "]), max_size=200).map("".join))
def test_quote_marks_soup(text):
    _check(kit.parse(text))


@SETTINGS
@given(st.lists(st.text(alphabet="abc XYZ.,", max_size=30), min_size=1, max_size=6))
def test_line_and_blank_line_modes_agree(lines):
    lines = [ln.strip() for ln in lines if ln.strip()]
    a = kit.parse("\n".join(lines)) if lines else None
    if a is None:
        return
    b = kit.parse("\n\n".join(lines))
    assert [a.span(p.start, p.end) for p in a.paragraphs] == [b.span(p.start, p.end) for p in b.paragraphs]
