"""`Forms` finds exactly what the compiled trie of the same names finds (it replaced it for speed)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.parse.patterns import Forms, finditer_not_after, trie_pattern

_WORDS = ["Ann", "Lee", "Ann-Lee", "Lees", "U.S.", "O’Neil", "Al", "A", "Ray", "Kerry", "de", "al-Abadi", "NRA", "Mr."]
_GLUE = [" ", ", ", "’s ", "-", ".", " and ", "'", "  ", "\n", ""]


def _regex(forms: list[str], text: str, not_after: str) -> list[tuple[int, int, str]]:
    pattern = re.compile(r"(?:" + trie_pattern(set(forms)) + r")(?![\w-])")
    return [(m.start(), m.end(), m.group()) for m in finditer_not_after(pattern, text, 0, len(text), not_after)]


forms_st = st.lists(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6, unique=True
)
text_st = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GLUE)), max_size=30).map(
    lambda parts: "".join(w + g for w, g in parts)
)


@settings(max_examples=400)
@given(forms_st, text_st)
def test_same_matches_as_the_compiled_trie(forms, text):
    assert Forms(forms).find(text, 0, len(text), "’'-") == _regex(forms, text, "’'-")


def test_a_window_inside_the_text():
    text = "xx Ann Lee yy Ann"
    assert Forms(["Ann Lee", "Ann"]).find(text, 3, 9, "") == [(3, 6, "Ann")]
    assert Forms(["Ann Lee", "Ann"]).find(text, 3, 10, "") == [(3, 10, "Ann Lee")]


def test_a_long_run_of_initials_is_read_in_linear_time():
    # every "A" starts a word: each look-up must stop after the longest name, not at the next space
    text = "A." * 200_000
    assert Forms(["A.B."]).find(text, 0, len(text), "") == []


spans_st = st.lists(st.integers(min_value=0, max_value=200), max_size=8).map(sorted)


@settings(max_examples=300)
@given(forms_st, text_st, spans_st)
def test_find_spans_is_find_in_each_span(forms, text, cuts):
    # spans in text order, none overlapping (some empty, some ending inside a word): one pass, the same names
    cuts = [min(c, len(text)) for c in cuts]
    spans = list(zip(cuts[::2], cuts[1::2]))
    finder = Forms(forms)
    assert finder.find_spans(text, spans, "’'-") == [finder.find(text, s, e, "’'-") for s, e in spans]


def test_a_name_in_lower_case_that_overlaps_a_capitalised_one_is_read_as_the_pattern_reads_it() -> None:
    # "de Vell" opens before "Vell": the leftmost name is read, as the compiled pattern reads it
    forms = ["Vell", "de Vell", "Ivo"]
    text = "Ivo met de Vell and Vell."
    assert Forms(forms).find(text, 0, len(text), "’'-") == _regex(forms, text, "’'-")
    assert Forms(iter(forms)).find(text, 0, len(text), "’'-") == [(0, 3, "Ivo"), (8, 15, "de Vell"), (20, 24, "Vell")]
