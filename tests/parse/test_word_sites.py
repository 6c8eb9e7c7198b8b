"""The shared word scan (kit.parse.patterns.WordSites): each finder reads the same matches from it as from its own regex."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kit.parse import actors, anonymous, attribution, org_clues, organizations, people, reported
from kit.parse.entity_words import entity_words
from kit.parse.gazetteer import gazetteer
from kit.parse.patterns import WordSites, finditer_not_after, finditer_sited

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
        org_clues.sport_words(),
        organizations.org_head_words(_GAZ),
        entity_words().places,
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


SPORT_PIECES = st.sampled_from(
    [
        *("coach", "coaches", "Coach", "league", "league-leading", "half-time", "half", "semi-final", "semi", "team"),
        *("teammate", "team-mate", "soccer", "tennis", "the", "official", "said", "co-founder", "x", "’", "-", "_"),
        *(" ", "  ", "\n", ", ", ".", "(", "\U0001d400", "é"),
    ]
)


@SETTINGS
@given(st.lists(SPORT_PIECES, max_size=40).map("".join))
@example("The coach and a coaching team: the league, leagues, half-time, half time.")
def test_sport_words_read_from_the_shared_sites_are_the_scans_matches(text):
    # sports_report counts the sport words from the shared scan's sites when it is given one: the same matches
    expected = [m.span() for m in org_clues._sport_words_pattern().finditer(text)]
    sites = _sites(text).of(org_clues.sport_words())
    assert [m.span() for m in org_clues._sport_words_at(text, sites)] == expected


def test_a_sports_report_is_told_apart_alike_with_and_without_the_shared_sites():
    for text in ("The coach said the league would back the striker.", "The coach left. Shares rose.", "Shares rose."):
        assert org_clues.sports_report(text, sites=_sites(text)) == org_clues.sports_report(text)


ORG_PIECES = st.sampled_from(
    [
        *("Ministry", "Ministry of Defence", "Bank", "Banks", "Norvo Bank", "Council", "Council-led", "xBank", "-Bank"),
        *("Zentrix Holdings", "Holdings", "the", "said", "official", "co-founder", "Institute for", "Studies"),
        *(" ", "  ", "\n", ", ", ".", "(", "\U0001d400", "é", "’", "-"),
    ]
)


@SETTINGS
@given(st.lists(ORG_PIECES, max_size=40).map("".join))
@example("The Norvo Bank and the Ministry of Defence; xBank, -Bank and Council-led")
def test_organisation_windows_from_the_shared_sites_are_the_scans_windows(text):
    heads = organizations.org_head_words(_GAZ)
    head_re, _ = organizations._org_patterns(heads)
    spans = [(0, len(text))] if text.strip() else []
    expected = list(organizations._span_windows(text, spans, head_re))
    got = list(organizations._span_windows(text, spans, head_re, _sites(text).of(heads)))
    assert got == expected


TEAM_PIECES = st.sampled_from(
    [
        *("Norway", "Norway Kestrels", "Paris", "Paris Saint", "Kestrels", "Norvo Tigers", "xParis", "Paris-based"),
        *("New York", "New York Rangers", "York", "Rangers", "the", "said", "co-founder", "Sox", "Red Sox"),
        *(" ", "  ", "\t", "\n", ", ", ".", "’", "'", "-", "\U0001d400", "é"),
    ]
)


@SETTINGS
@given(st.lists(TEAM_PIECES, max_size=40).map("".join))
@example("Norway Kestrels beat New York Rangers; xParis Tigers, ’Paris Tigers and -Paris Tigers")
def test_teams_named_with_a_place_from_the_shared_sites_are_the_scans_matches(text):
    team = org_clues._patterns()["team"]
    expected = [m.span() for m in finditer_not_after(team, text, 0, len(text), "’'-")]
    places = entity_words().places
    assert [m.span() for m in finditer_sited(team, _sites(text).of(places), text, 0, len(text), "’'-")] == expected


GROUP_PIECES = st.sampled_from(
    [
        *(", ", ",", " ", "\n\n", ".", "police", "the analysts", "local residents", "which critics", "officials"),
        *("said", "say", "says", "told", "have said", "added", "reported", "he", "she", "it", "Varsk", "x"),
        *("on Monday", "that", "Ivo Marsk", "“", "”"),
    ]
)


@SETTINGS
@given(st.lists(GROUP_PIECES, max_size=30).map("".join))
@example("Prices fell, police said. It rose, the analysts say.\n\nVarsk said on Monday he would go.")
def test_groups_and_sayers_read_from_the_shared_sites_are_the_scans(text):
    # anonymous groups that say (", police said") and cues followed by "he"/"she" (person_cues): the same from
    # the shared scan's sites as from a scan of each paragraph
    from kit.parse import person_cues
    from kit.parse.structure import split_paragraphs

    spans = [(p.start, p.end) for p in split_paragraphs(text)]
    sites = _sites(text)
    got = [m.span() for m in anonymous._group_matches(text, spans, sites)]
    assert got == [m.span() for m in anonymous._group_matches(text, spans, None)]
    say_sites = sites.of(attribution.SAYING_FIRST_WORDS)
    assert person_cues._sayings(text, spans, say_sites) == person_cues._sayings(text, spans, None)
