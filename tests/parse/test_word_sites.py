"""The shared word scan (kit.parse.patterns.WordSites): each finder reads the same matches from it as from its own regex."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kit.parse import actors, anonymous, attribution, org_clues, people, reported
from kit.parse.gazetteer import gazetteer
from kit.parse.patterns import WordSites, finditer_sited

PIECES = st.sampled_from(
    [
        *("Reuters", "Reuters’ ", "Zentrix shares", "a Brannock spokeswoman", "the piston maker ", "drew with "),
        *("Foreign Secretary", "foreign secretary", "Secretary of State", "Gen.", "Lt. Gen. ", "spokesman "),
        *("official", "officials", "Officials", "unofficial", "envoy", "said", "told", "according to", "according\nto"),
        *("John Kerry", "Ann Lee", "NYFEX", "co-", "x", "_", "é", "\U0001d400", "\U0001f600", "’", "'", "-"),
        *("Gen", "General", "co-founder", "could", "brother-in-law", "brothers", "Secretary-General"),
        *(" ", "  ", "\n", "\n\n", ", ", ".", "(", "1"),
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)
BOUNDS = st.tuples(st.floats(0, 1), st.floats(0, 1))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_GAZ = gazetteer()


def _sites(text: str):
    return actors.word_sites(text, reported.cue_first_words())


def test_every_list_is_shared():
    sites = _sites("An official said.")
    lists = [
        people.title_first_words(_GAZ),
        org_clues.keyword_first_words(),
        anonymous.head_first_words(_GAZ),
        reported.cue_first_words(),
    ]
    assert all(sites.of(words) is not None for words in lists)


def test_a_word_that_goes_on_past_its_stem_has_a_site_only_where_the_text_goes_on_alike():
    # "co-founder" is read from its stem "co": a site before "co-" (and before a character from U+10000 on,
    # where a stem stops too), none before "could", "cobalt" or a last "co"
    words = frozenset({"co-founder", "said"})
    text = "A co-founder could say, cobalt said co\U0001d400 co"
    assert WordSites(text, (words,)).of(words) == [1, 30, 35]
    # a stem that is a whole word of the list keeps every site where the text's word starts with it
    whole = frozenset({"co", "co-founder"})
    assert WordSites(text, (whole,)).of(whole) == [1, 12, 23, 35, 39]


@SETTINGS
@given(TEXTS, BOUNDS)
@example("xsaid said’said -said said-said Reuters", (0.0, 1.0))
@example("\U0001d400said \U0001f600said \U0001f600Reuters éofficial", (0.0, 1.0))
@example("said Foreign Secretary Philip Hammond, spokesman John Kirby", (0.2, 1.0))
def test_shared_sites_give_each_regex_matches(text, bounds):
    a, b = sorted(int(x * len(text)) for x in bounds)
    sites = _sites(text)
    pats = people._patterns(_GAZ)
    got = [(m.span(), m.group("name")) for m in people._befores(text, a, b, pats, sites.of(pats.before_firsts))]
    assert got == [(m.span(), m.group("name")) for m in pats.before.finditer(text, a, b)]
    p = org_clues._patterns()
    plain = re.compile(r"(?<![\w’'-])" + p["keyword"].pattern)
    keyword_sites = sites.of(org_clues.keyword_first_words())
    assert keyword_sites is not None
    assert [(m.span(), m.lastgroup) for m in finditer_sited(p["keyword"], keyword_sites, text, a, b, "’'-")] == [
        (m.span(), m.lastgroup) for m in plain.finditer(text, a, b)
    ]
    assert [m.span() for m in reported._cue_finder(sites)(text, a, b)] == [
        m.span() for m in attribution.SAY_RE.finditer(text, a, b)
    ]
    words = anonymous._anon_words(_GAZ)
    assert list(anonymous._heads(text, [(a, b)], words, sites)) == list(anonymous._heads(text, [(a, b)], words))
    heads = [(s, e, h) for _, _, s, e, h in anonymous._heads(text, [(0, len(text))], words, sites)]
    assert heads == [(m.start(), m.end(), m.group()) for m in words.heads.finditer(text)]
