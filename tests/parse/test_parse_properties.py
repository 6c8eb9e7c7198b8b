"""Property-based tests: kit.parse never raises and keeps every offset consistent."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import kit

PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "‘",
        "’",
        "'",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        ". ",
        ", ",
        ": ",
        "…",
        "...",
        "said",
        "told",
        " he said.",
        "Kerry",
        "The",
        "U.S.",
        "Mr.",
        "STRATEGY SOUGHT",
        "___",
        "By Ann Lee",
        "Editing by Tom Ray/Jo Fox",
        "according to",
        "it",
        "Britain",
        "A British official",
        "<b>",
        "\ufeff",
        "\t",
        "that",
        "x",
    ]
)
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
            if not q.continued:  # a fresh attribution is in the quote's own paragraph, or introduces it from before
                assert p.start <= q.speaker_start or q.speaker_end <= q.start
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
@given(
    st.lists(st.sampled_from(["“", "”", '"', "‘", "’", "'", " said ", "Kerry", "\n", ". "]), max_size=200).map("".join)
)
@example("Kerry said \n“‘”")  # a quote introduced by the paragraph before it
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


# -- The fast scanners find exactly what the plain regular expressions find ------------------
# (kit/parse: gazetteer, people, actors, structure, quotes, reported replace a few regexes that
# were tried at every character by quicker searches; these properties pin the equivalence.)

import re  # noqa: E402

from kit.parse import anonymous as _actors  # noqa: E402  (the anonymous-source scans)
from kit.parse import attribution as _attribution  # noqa: E402
from kit.parse import gazetteer as _gaz  # noqa: E402
from kit.parse import patterns as _patterns  # noqa: E402
from kit.parse import people as _people  # noqa: E402
from kit.parse import rules as _rules  # noqa: E402
from kit.parse import structure as _structure  # noqa: E402

_G = _gaz.gazetteer()
_PATS = _people._patterns(_G)
_WORDS = _actors._anon_words(_G)
SCAN_PIECES = st.sampled_from(
    [
        "Britain",
        "Britain’s ",
        "the Iraqis",
        "The Iraqis",
        "Iraq",
        "IS",
        "US",
        "xIS",
        "Washington",
        "’",
        "'",
        "-",
        "_",
        "é",
        " ",
        "  ",
        "\n",
        ", ",
        ",",
        ".",
        ";",
        ")",
        " the ",
        " a ",
        "an ",
        "John Kerry",
        "Kerry",
        "Ann",
        "J. ",
        "de la ",
        "al-Abadi",
        "Foreign Secretary",
        "foreign secretary",
        "spokesman",
        "Secretary of State",
        "Gen.",
        "Lt. Gen. ",
        "deputy ",
        "envoy",
        " for the Pentagon",
        " of ",
        "official",
        "officials",
        "Officials",
        "unofficial",
        "sources",
        "resources",
        "minister",
        "said",
        "has",
        " has also",
        "also",
        "told reporters:",
        "according to",
        "Sept",
        "U.S",
        "1",
        "x",
    ]
)
SCAN_TEXTS = st.lists(SCAN_PIECES, max_size=40).map("".join)
BOUNDS = st.tuples(st.floats(0, 1), st.floats(0, 1))


def _window(text: str, bounds: tuple[float, float]) -> tuple[int, int]:
    a, b = sorted(int(x * len(text)) for x in bounds)
    return a, b


@SETTINGS
@given(SCAN_TEXTS, BOUNDS)
@example("xIS IS’IS the Iraqis-Iraq", (0.0, 1.0))
def test_gazetteer_scan_matches_lookbehind_regex(text, bounds):
    a, b = _window(text, bounds)
    plain = [m.span() for m in _G.pattern.finditer(text, a, b)]
    assert [m.span() for m in _patterns.finditer_not_after(_G._scan, text, a, b, "’'")] == plain


@SETTINGS
@given(SCAN_TEXTS, BOUNDS)
@example("xsaid said’said -said said-said Reuters", (0.0, 1.0))
@example("said said", (0.2, 1.0))
@example("\U0001d400said \U0001f600said \u00e9said", (0.0, 1.0))  # a word character from U+10000 on
def test_scouted_scan_matches_lookbehind_regex(text, bounds):
    import re

    from kit.parse import org_clues

    a, b = _window(text, bounds)
    p = org_clues._patterns()
    plain = re.compile(r"(?<![\w’'-])" + p["keyword"].pattern)
    expected = [(m.span(), m.lastgroup) for m in plain.finditer(text, a, b)]
    got = [
        (m.span(), m.lastgroup) for m in _patterns.finditer_scouted(p["keyword"], p["keyword_scout"], text, a, b, "’'-")
    ]
    assert got == expected
    from kit.parse import attribution

    assert attribution.SAY_BODY is not None and attribution.SAY_SCOUT is not None
    assert [m.span() for m in attribution.SAY_RE.finditer(text, a, b)] == [
        m.span() for m in _patterns.finditer_scouted(attribution.SAY_BODY, attribution.SAY_SCOUT, text, a, b, "")
    ]


@SETTINGS
@given(SCAN_TEXTS, BOUNDS)
@example("A_B xA ’Ab 'Cd -Ef é9G _H abc1 d-e f’g", (0.0, 1.0))
def test_patterns_written_letter_first_match_their_look_behind_forms(text, bounds):
    import re

    from kit.parse import patterns, speaking

    a, b = _window(text, bounds)
    pairs = [
        (patterns._UPPER_START, r"\b[A-Z]"),
        (patterns._LOWER_WORD, r"(?<![\w’'-])[a-z]+(?![\w’'-])"),
        (speaking._CAPITALISED.compiled, r"(?<![\w’'-])[A-Z][\w’'&-]*"),
    ]
    for fast, plain in pairs:
        assert [m.span() for m in fast.finditer(text, a, b)] == [
            m.span() for m in re.compile(plain).finditer(text, a, b)
        ]


MARK_TEXTS = st.lists(
    st.sampled_from(["“", "”", '"', "‘", "’", "'", "«", "»", "it", "s", " ", "(", "-", "\n", "9", "_", "é"]),
    max_size=30,
).map("".join)


@SETTINGS
@given(MARK_TEXTS, BOUNDS)
@example("it’s ‘fine’ now", (0.15, 1.0))
@example("“it’s”", (0.0, 1.0))
def test_pairing_marks_passes_over_apostrophes_inside_words_as_before(text, bounds):
    from kit.parse import marks

    a, b = _window(text, bounds)
    got = marks.pair_marks(text, a, b)
    every = marks._MARK_NOT_IN_WORD
    marks._MARK_NOT_IN_WORD = marks._MARK  # every mark read one by one, as before
    try:
        assert got == marks.pair_marks(text, a, b)
    finally:
        marks._MARK_NOT_IN_WORD = every


@SETTINGS
@given(SCAN_TEXTS, BOUNDS)
@example("Ann Lee, Ann. Ann’s Ann-Ray Ann Bo", (0.0, 1.0))
def test_one_word_name_pattern_reads_its_letters_possessively(text, bounds):
    import re

    from kit.parse import single_names

    a, b = _window(text, bounds)
    plain = re.compile(single_names._ONE.pattern.replace("++", "+"))
    assert [m.span() for m in single_names._ONE.finditer(text, a, b)] == [m.span() for m in plain.finditer(text, a, b)]


@SETTINGS
@given(SCAN_TEXTS, BOUNDS)
@example("Ann Lee-Ray, xAnn Lee, McCoy Ray, O’Neil Ross, J. Smith and Bo Li-Ng", (0.0, 1.0))
@example("Ann Lee and Bo Li", (0.1, 1.0))
def test_first_not_after_patterns_match_lookbehind_regex(text, bounds):
    import re

    from kit.parse import name_lists, names

    a, b = _window(text, bounds)
    pairs = [
        (
            names._CANDIDATE.compiled,
            # (the plain source: its letters not read possessively, as the fast pattern reads them)
            r"(?<![\w’'.-])" + names._CAP + names._CANDIDATE_SOURCE.split(names._CAP_REST, 1)[1],
        ),
        (name_lists._LIST.compiled, r"(?<![\w’'.-])" + name_lists._LIST_BODY),
    ]
    for fast, plain in pairs:
        assert [m.span() for m in fast.finditer(text, a, b)] == [
            m.span() for m in re.compile(plain).finditer(text, a, b)
        ]


@SETTINGS
@given(SCAN_TEXTS, BOUNDS)
@example("Ann Lee-Ray and xAnn Lee, McCoy Ray and O’Neil’s staff and Bo Li", (0.0, 1.0))
@example("the Kestrel Tarn Holdings manager and ", (0.2, 1.0))
def test_names_read_back_from_a_place_match_lookbehind_regex(text, bounds):
    # searched for in a window that ends at a word ("<name> and ", "<name> said"): written with the look-behind
    # after the first capital (first_not_after), the same matches as with the look-behind first
    import re

    from kit.parse import names, org_clues, single_names
    from kit.parse.patterns import first_not_after

    a, b = _window(text, bounds)
    fast = first_not_after("[A-Z]", "’'.-")
    patterns = [
        org_clues._patterns()["name_before"],
        org_clues._patterns()["before_role"],
        org_clues._AND_BEFORE,
        org_clues._NAME_ENDS,
        single_names._AUTHOR_BEFORE.compiled,
        single_names._ONE_BEFORE.compiled,
        names._SURNAME_BEFORE.compiled,
    ]
    for pattern in patterns:
        assert pattern.pattern.count(fast) == 1
        plain = re.compile(pattern.pattern.replace(fast, r"(?<![\w’'.-])[A-Z]"))
        for lo in range(a, b + 1):  # each window ending at b, as the finders search back from a place
            m, p = pattern.search(text, lo, b), plain.search(text, lo, b)
            assert (m and (m.span(), m.groupdict())) == (p and (p.span(), p.groupdict()))


@SETTINGS
@given(SCAN_TEXTS, BOUNDS)
@example("John Kerry, x, the foreign secretary, said", (0.0, 1.0))  # a name is never read across a comma
@example("Ann Lee, Britain’s foreign secretary, and Jo Fox, a spokesman for the Pentagon.", (0.0, 1.0))
@example("said Foreign Secretary Philip Hammond, spokesman John Kirby", (0.0, 1.0))
def test_title_scans_match_one_regex(text, bounds):
    a, b = _window(text, bounds)
    fast = [(m.span(), m.group("title"), m.group("name")) for m in _people._befores(text, a, b, _PATS)]
    assert fast == [(m.span(), m.group("title"), m.group("name")) for m in _PATS.before.finditer(text, a, b)]
    # "<Name>, the <title>,": one regex, as the module used to write it
    whole = re.compile(rf"(?<![\w’'-])(?P<name>{_people._NAME})" + _PATS.apposition_tail.pattern)
    fast2 = [
        (n, t.end(), t.group("title"), t.group("prefix"), t.group("for"))
        for n, t in _people._appositions(text, a, b, _PATS)
    ]
    assert fast2 == [
        (m.start(), m.end(), m.group("title"), m.group("prefix"), m.group("for")) for m in whole.finditer(text, a, b)
    ]


@SETTINGS
@given(SCAN_TEXTS)
@example("unofficial officials, Officials-x x_official official’s (sources) resources")
def test_head_words_match_regex(text):
    spans = [(0, len(text))]
    fast = [(s, e, h) for _, _, s, e, h in _actors._heads(text, spans, _WORDS)]
    assert fast == [(m.start(), m.end(), m.group()) for m in _WORDS.heads.finditer(text)]


@SETTINGS
@given(SCAN_TEXTS, BOUNDS)
@example("x,official", (0.0, 1.0))
@example("Kerry has also", (0.0, 1.0))
@example("officials said:  ", (0.0, 1.0))
@example("a number of official", (0.3, 1.0))
@example("met U.S", (0.0, 1.0))
def test_backward_scanners_match_regexes(text, bounds):
    a, b = _window(text, bounds)
    token = re.compile(r"(?:^|(?<=[\s,]))([\w.’'-]+|,)\s*$").search(text, a, b)
    assert _actors._token_before(text, a, b) == (token.span(1) if token else None)
    before = text[a:b]
    expected = None
    for n in range(_WORDS.max_det, 0, -1):
        dm = re.compile(r"(?:^|(?<=\s))((?:\w+\s+){" + str(n) + "})$").search(before)
        if dm and " ".join(dm.group(1).lower().split()) in _WORDS.determiners:
            expected = b - len(dm.group(1))
            break
    assert _actors._determiner(before, b, _WORDS) == expected
    dot = text + "."
    word = re.compile(r"([A-Za-z][A-Za-z.]*)\.$").search(dot, max(0, len(text) - 24), len(dot))
    assert _structure._word_before(dot, len(text)) == (word.group(1) if word else "")
    aux = _attribution._TRAILING_AUX.search(text, a, b)
    assert _attribution.trailing_aux(text, a, b) == (aux.start() if aux else None)
    assert _rules._intro_end(before) == bool(_rules._INTRO_END.search(before))


@given(st.text(alphabet="0123456789-.,:/ %pecrnt", max_size=60))
@example("won 3-1" + " " * 30 + "percent")
@example("won 3-123456 today")
@example("0-0%000-0000")  # a later number cut by the window's end read as a score
@example("0-0:000%0-0/")  # a later score cut from its "/" by an earlier one's window
@settings(max_examples=400, deadline=None)
def test_has_score_matches_the_score_pattern(text):
    """The fast score check finds a result exactly when the score pattern does."""
    from kit.parse import org_clues

    assert org_clues.has_score(text) == (org_clues._SCORE.search(text) is not None)
