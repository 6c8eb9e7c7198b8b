"""The shortcuts of the parse's hot paths find what the plain reading finds: one scan of the whole text for every
paragraph (where each starts and ends a line: kit.parse.patterns.lines_only) what a scan of each paragraph alone
finds, a trie written with runs of letters as one edge what the words' alternation matches, and the caches and
early stops what the full reading gives."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit
from kit.parse import org_clues
from kit.parse.gazetteer import gazetteer
from kit.parse.patterns import lines_only, trie_pattern, written_lower_near
from kit.parse.speakers import genders
from kit.util import snake_id

PIECES = st.sampled_from(
    [
        *("Ivo Marsk", "Ada Vell", "Tom", "Moss", "Zentrix", "NORVO", "Kestrel", "France", "the French", "Norvo"),
        *("de Vell", "O'Rell", "Vell-Dorna", "J. K.", "Jr.", "III", "al-Tarvo", "Tarvo’s", "é", "É", "\U0001d400"),
        *(" and ", " & ", ", ", ",", " ", "\t", ". ", "-", "’", "'", "(", ")", "1-0", "beat ", "against ", "x", "said"),
        *("\n", "\n\n", "\n \n", " \n", "\n "),
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _line_spans(text: str) -> list[tuple[int, int]]:
    """Each line of ``text`` that is not blank, whole (as paragraphs are read when each is one line)."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A text and some of its lines, or (to try the fallback too) stretches that need not be lines."""
    text = draw(TEXTS)
    lines = _line_spans(text)
    if draw(st.booleans()) or not text:
        keep = draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
        return text, [s for s, k in zip(lines, keep) if k]
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    return text, [(a, b) for a, b in zip(cuts, cuts[1:])]


def test_lines_only():
    assert lines_only("Ivo\nAda Vell", [(0, 3), (4, 12)])
    assert lines_only("Ivo\nAda Vell", [])
    assert not lines_only("Ivo\nAda Vell", [(0, 3), (4, 7)])  # "Ada" does not end its line
    assert not lines_only("Ivo Vell", [(4, 8), (0, 3)])  # out of order
    assert not lines_only("Ivo\nAda", [(0, 7), (4, 7)])  # overlapping


@SETTINGS
@given(text_and_spans())
def test_the_gazetteer_reads_every_span_in_one_loop_as_one_by_one(case):
    text, spans = case
    gaz = gazetteer()
    one_by_one = [m for s, e in spans for m in gaz.find_in(text, [(s, e)])]
    assert gaz.find_in(text, spans) == one_by_one


def _org_clues(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, int, tuple[str, ...]]]:
    return org_clues.find_org_clues(text, spans, gazetteer())


def _each_span_alone(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, int, tuple[str, ...]]]:
    """find_org_clues with no scan of the whole text (_Ahead): each span scanned alone."""
    scans = org_clues._Ahead.scans
    org_clues._Ahead.scans = staticmethod(lambda *args, **kwargs: None)  # type: ignore[method-assign]
    try:
        return _org_clues(text, spans)
    finally:
        org_clues._Ahead.scans = scans  # type: ignore[method-assign]


@SETTINGS
@given(text_and_spans())
def test_org_clues_from_whole_text_scans_are_those_of_each_span(case):
    text, spans = case
    assert _org_clues(text, spans) == _each_span_alone(text, spans)


def test_a_results_report_finds_its_teams_in_every_paragraph():
    # team words in several paragraphs of a results report: each paragraph's own, read from one scan
    text = (
        "SOCCER - NORVO RESULTS\n\nKestrel beat Tarvo 2-1 on Saturday.\n\n"
        "Vesko drew 1-1 against Dornik on Sunday.\n\nZentrix lost 0-3 to Marsko."
    )
    spans = _line_spans(text)
    found = _org_clues(text, spans)
    assert {"Tarvo", "Dornik", "Marsko"} <= {name for name, _, _ in found}
    assert found == _each_span_alone(text, spans)


def test_snake_id_is_cached_and_the_same():
    snake_id.cache_clear()
    assert snake_id("Ivo Marsk-Vell") == "ivo_marsk_vell" == snake_id("Ivo Marsk-Vell")
    assert snake_id.cache_info().hits == 1


def test_written_lower_near_needs_one_of_the_listed_ends():
    text = "Then Ivo came. He was then, later, thenceforth gone."
    assert written_lower_near(text, 0, "Then")  # "then,"
    assert not written_lower_near("Thence Ivo came; thenceforth", 0, "Thence")  # only inside a longer word
    assert not written_lower_near("Mark Vell. " + "x" * 5000 + " mark it.", 0, "Mark")  # too far away


def test_a_pronoun_after_the_last_mention_still_tells_a_gender():
    # the sentences after the last mention are read until the pronoun that tells (then the loop may stop)
    text = "Zorva Tarnik arrived on Monday. The talks went on for hours. Later he left the hall. She stayed."
    art = kit.parse(text)
    assert genders(text, art.sentences, art.actors, art.mentions) == {"zorva_tarnik": "m"}


@SETTINGS
@given(
    st.sets(st.text(alphabet="ab.é ", min_size=1, max_size=12), max_size=12), st.text(alphabet="ab.é x", max_size=20)
)
def test_a_trie_matches_as_its_words_longest_first(words, text):
    # runs of single letters are written as one edge: the same pattern reads the same as the plain alternation
    trie = re.compile(trie_pattern(words))
    plain = re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))))
    for at in range(len(text) + 1):
        got, expected = trie.match(text, at), plain.match(text, at)
        assert (got and got.group()) == (expected and expected.group())


def test_a_trie_of_words_within_words():
    assert trie_pattern(["Iraq", "Iraqi", "Iran", "Iranian"]) == "Ira(?:n(?:ian)?|q(?:i)?)"
    assert trie_pattern(["said", "says"]) == "sa(?:id|ys)"
