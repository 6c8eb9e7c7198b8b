"""The parser's quick skips (a step left out where its trigger is absent) find what the full reading finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit.parse.patterns import Forms, any_word_in, finditer_not_after, trie_pattern

_WORDS = ["Ann", "Lee", "Lee2", "Lee_x", "Ann-Lee", "Lees", "O’Neil", "Ray", "al-Abadi", "Mr."]
_GLUE = [" ", ", ", "’s ", "-", ".", "_", "2", " and ", "'", "\n", ""]

forms_st = st.lists(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6, unique=True
)
text_st = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GLUE)), max_size=25).map(
    lambda parts: "".join(w + g for w, g in parts)
)


@settings(max_examples=300)
@given(forms_st, text_st, st.integers(0, 200), st.integers(0, 200))
def test_forms_in_a_window_match_the_compiled_trie(forms, text, a, b):
    # a name's last word of letters and digits only is looked up whole; any other is cut at each non-word
    # character: both as the regex reads them, also where the window ends inside a word
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    pattern = re.compile(r"(?:" + trie_pattern(set(forms)) + r")(?![\w-])")
    expected = [(m.start(), m.end(), m.group()) for m in finditer_not_after(pattern, text, start, end, "’'-")]
    assert Forms(forms).find(text, start, end, "’'-") == expected


def _people(text: str) -> list[str]:
    return [a.name for a in kit.parse(text).actors if a.kind == "person"]


def test_a_citation_is_read_in_the_one_paragraph_with_a_year():
    text = "Tom Moss wrote the report.\n\nThe survey follows Vell and Korsa 1997; the map is older.\n\nNo more."
    assert "Korsa" in _people(text)


def test_a_citation_whose_year_ends_the_paragraph_is_read():
    assert "Korsa" in _people("The first map was drawn long ago.\n\nThe survey follows Vell and Korsa 1997")


def test_a_headline_name_with_an_s_is_found_beside_other_forms():
    text = "MARSK'S ZENTRIX BID FAILS.\n\nIvo Marsk, a banker, said the Norvo Trading Co bid was over. Marsk left."
    art = kit.parse(text)
    head = [m for m in art.mentions if m.end <= text.index("\n")]
    assert [(text[m.start : m.end], m.actor) for m in head] == [("MARSK", "ivo_marsk")]


def test_a_text_with_no_mark_reads_its_reported_speech_as_one_with_marks():
    plain = "Tom Moss said the plan would fail.\n\nAda Vell told reporters she agreed:"
    marked = plain + "\n\n“We will wait,” Ada Vell said."
    a, b = kit.parse(plain), kit.parse(marked)
    assert a.quotes == ()
    assert [q.speaker for q in b.quotes] == ["ada_vell"]
    assert [(r.speaker, r.start, r.end) for r in a.reported] == [
        (r.speaker, r.start, r.end) for r in b.reported if r.end <= len(plain)
    ]
    assert a.reported  # (the reported speech is read: not skipped with the quotations)


@settings(max_examples=300)
@given(text_st)
def test_capital_words_and_their_first_two_characters(text):
    from kit.parse import patterns

    # the regex reads each capital that starts a word with the character after it (one where the text ends)
    starts, firsts = patterns._capital_words(text)
    assert starts == [m.start() for m in re.finditer(r"\b[A-Z]", text)]
    assert firsts == [text[p : p + 2] for p in starts]


@settings(max_examples=300)
@given(forms_st, text_st)
def test_any_word_in_is_any_word_a_substring(forms, text):
    # the honorifics' quick test (one scan per first letter) says what a str "in" per word says
    words = frozenset(forms)
    assert any_word_in(text, words) == any(w in text for w in words)
