"""A speaker span is never empty or blank (issue 22, item 4).

``kit.parse('according to \\u2028“We go.”')`` used to give its quote a speaker
span of length 0 with the cue "according to", and ``export`` wrote it. Every
quotation and every reported statement now either names its speaker with real
text or has no speaker span (and then no cue).
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import kit
from kit.export import to_dict
from kit.parse.attribution import speaker_span

# cues, quotation marks and the line and paragraph separators that str.isspace() knows but the
# speaker-span patterns do not exclude (U+2028, U+2029, U+0085, U+00A0, ...)
PIECES = st.sampled_from(
    [
        "according to",
        "According to ",
        "according to ",
        "Said ",
        "said",
        "told",
        " he said.",
        ", said ",
        "Ann Lee",
        "Kerry",
        "a spokesman",
        "- ",
        "— ",
        ": ",
        ", ",
        ". ",
        " ",
        "\u2028",
        "\u2029",
        "\x85",
        "\xa0",
        "\u3000",
        "\t",
        "\n",
        "\n\n",
        "“",
        "”",
        '"',
        "‘",
        "’",
        "'",
        "“We go.”",
        "x",
    ]
)
TEXTS = st.one_of(st.lists(PIECES, max_size=40).map("".join), st.text(max_size=200))


def _blank_spans(art: kit.Article) -> list[tuple[str, int, int | None, int | None]]:
    bad = []
    for kind, records in (("quote", art.quotes), ("reported", art.reported)):
        for r in records:
            if (r.speaker_start is None) != (r.speaker_end is None):
                bad.append((kind, r.start, r.speaker_start, r.speaker_end))
            elif r.speaker_start is not None and r.speaker_end is not None:
                if not r.speaker_start < r.speaker_end or not art.text[r.speaker_start : r.speaker_end].strip():
                    bad.append((kind, r.start, r.speaker_start, r.speaker_end))
            elif kind == "quote" and r.cue is not None:
                bad.append((kind, r.start, None, None))  # a cue with no speaker
    return bad


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
@example("according to \u2028“We go.”")
@example("according to \u2029, \u2028. ”according to U.S.Said The<b>U.S.a, “We go.”")
@example("According to \u2028, “We go.”")
@example("Said \u2028, “We go.”")
@example("“We go.”\n\n- \u2028")
def test_no_empty_or_blank_speaker_span(text: str) -> None:
    art = kit.parse(text)
    assert _blank_spans(art) == []
    exported = json.loads(json.dumps(to_dict(art)))  # what `export` writes
    for row in exported["quotes"] + exported["reported"]:
        a, b = row["speaker_start"], row["speaker_end"]
        assert (a is None) == (b is None)
        if a is not None:
            assert a < b and art.text[a:b].strip()


def test_the_issue_repro() -> None:
    q = kit.parse("according to \u2028“We go.”").quotes[0]
    assert (q.speaker_start, q.speaker_end, q.cue, q.speaker) == (None, None, None, None)
    q = kit.parse("According to Ann Lee, “We go.”").quotes[0]
    assert kit.parse("According to Ann Lee, “We go.”").text[q.speaker_start : q.speaker_end] == "Ann Lee"


def test_speaker_span_helper() -> None:
    t = "according to \u2028\u2029 , Ann Lee"
    assert speaker_span(t, 12, 16) is None
    assert speaker_span(t, 5, 5) is None
    assert t[slice(*speaker_span(t, 16, len(t)))] == "Ann Lee"  # type: ignore[misc]
