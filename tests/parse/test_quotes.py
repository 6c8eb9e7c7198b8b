"""Quotations, speakers and reported speech: facts about the parser's output.

Speaker *spans* are pinned on the real parse. Speaker *ids* are pinned twice:
once with hand-made mentions (tests the resolution logic on its own: spans,
pronouns, kinds) and once on the real parse (needs kit/actors.py).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import kit
from kit.parse import structure
from kit.parse.article import bundled_article_text, normalize
from kit.parse.quotes import find_quotes
from kit.parse.reported import find_reported
from kit.parse.speakers import Context
from kit.records import Actor, Mention

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def _rows(art):
    t = art.text
    return [
        (
            q.paragraph,
            t[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None,
            q.cue,
            q.partial,
            q.continued,
        )
        for q in art.quotes
    ]


def _reported_rows(art):
    t = art.text
    return [(r.paragraph, t[r.speaker_start : r.speaker_end], r.cue, t[r.start : r.end]) for r in art.reported]


def _parse_with(text: str, names: dict[str, tuple[str, str]]):
    """Parse with hand-made actors: every whole-word occurrence of a name is a mention."""
    text = normalize(text)
    paras = structure.split_paragraphs(text)
    sents = structure.split_sentences(text, paras)
    actors = {aid: Actor(aid, aid, kind) for aid, kind in names.values()}
    mentions = sorted(
        (
            Mention(aid, m.start(), m.end())
            for name, (aid, _) in names.items()
            for m in re.finditer(rf"\b{re.escape(name)}\b", text)
        ),
        key=lambda m: (m.start, m.end),
    )
    ctx = Context.build(text, sents, tuple(actors.values()), tuple(mentions))
    quotes = find_quotes(ctx, paras)
    return text, quotes, find_reported(ctx, paras, quotes)


# --------------------------------------------------------------------------- bundled article

BUNDLED_QUOTES = [
    (3, "Kerry", "told", False, False),
    (4, "Kerry", None, False, True),
    (6, "he", "said", False, False),
    (8, "Kerry", "told", True, False),
    (9, "it", "assessed", True, False),
    (13, "one Western defense official familiar with the talks between the allied leaders", "said", False, False),
    (15, "A British official", "said", False, False),
    (18, "he", "told", False, False),
    (21, "Kerry", "said", False, False),
]


def test_bundled_quotes():
    art = kit.load_article()
    assert _rows(art) == BUNDLED_QUOTES
    texts = [art.span(q.start, q.end) for q in art.quotes]
    assert texts[0].startswith("We need to attack them") and texts[0].endswith("without committing troops of our own,")
    assert texts[3] == "a challenge to every country here"
    assert texts[4] == "highly likely"
    # the nested ‘…’ stays inside the outer quote and is not a quote of its own
    assert texts[5] == "It can’t be just ‘let’s go and bomb a few targets and see what happens’,"
    assert not any(t.startswith("let’s go") for t in texts)
    assert "doing… but it needs" in texts[6]
    assert texts[8].startswith("We’re convinced") and texts[8].endswith("But we’re determined,")


def test_bundled_continued_quote_points_at_earlier_speaker():
    art = kit.load_article()
    first, cont = art.quotes[0], art.quotes[1]
    assert cont.continued and (cont.speaker_start, cont.speaker_end) == (first.speaker_start, first.speaker_end)
    assert art.paragraph_of(cont.speaker_start).index == 3


BUNDLED_REPORTED = [
    (0, "told", "there were many ways they could help"),
    (1, "warned", "it would be a long campaign"),
    (5, "told", "they, with the United States, formed the core group"),
    (7, "said", "he hoped the allies could develop"),
    (12, "said", "British Prime Minister David Cameron and French President Francois Hollande"),
    (12, "told", "Washington had to do more"),
    (14, "said", "it was ready to engage"),
    (14, "said", "London had not yet decided"),
    (16, "said", "the coalition would need to go after IS finances"),
    (17, "called for", "a global strategy"),
    (20, "acknowledged", "action against IS in Iraq"),
]


def test_bundled_reported_speech():
    art = kit.load_article()
    rows = _reported_rows(art)
    for para, cue, content in BUNDLED_REPORTED:
        assert any(p == para and c == cue and text.startswith(content) for p, _, c, text in rows), (para, cue, content)
    spans = {(p, s) for p, s, _, _ in rows}
    assert {
        (1, "British and German ministers"),
        (7, "Kerry"),
        (12, "European officials"),
        (14, "France"),
        (14, "British Foreign Secretary Philip Hammond"),
        (17, "The Europeans"),
        (20, "The United States"),
    } <= spans
    # the trailing attribution ends the content of the leading one
    told = next(text for p, _, c, text in rows if p == 12 and c == "told")
    assert told.endswith("needed an overall strategy")
    # sentences that are direct quotes are not reported speech too
    assert not any(p in (3, 4, 6, 8, 13, 15, 18, 21) for p, *_ in rows)


BUNDLED_NAMES = {
    "John Kerry": ("john_kerry", "person"),
    "Kerry": ("john_kerry", "person"),
    "Chuck Hagel": ("chuck_hagel", "person"),
    "Hagel": ("chuck_hagel", "person"),
    "Frank-Walter Steinmeier": ("frank_walter_steinmeier", "person"),
    "Philip Hammond": ("philip_hammond", "person"),
    "David Cameron": ("david_cameron", "person"),
    "Francois Hollande": ("francois_hollande", "person"),
    "Britain": ("united_kingdom", "state"),
    "British": ("united_kingdom", "state"),
    "German": ("germany", "state"),
    "France": ("france", "state"),
    "Turkey": ("turkey", "state"),
    "IS": ("islamic_state", "group"),
    "NATO": ("nato", "organization"),
    "one Western defense official": ("anon_western_defense_official", "anonymous"),
    "Western": ("the_west", "group"),
    "A British official": ("anon_british_official", "anonymous"),
    "European officials": ("anon_european_officials", "anonymous"),
}


def test_bundled_speaker_resolution_with_given_mentions():
    text, quotes, reported = _parse_with(bundled_article_text(), BUNDLED_NAMES)
    assert [q.speaker for q in quotes] == [
        "john_kerry",
        "john_kerry",
        "chuck_hagel",
        "john_kerry",
        "united_kingdom",
        "anon_western_defense_official",
        "anon_british_official",
        "frank_walter_steinmeier",
        "john_kerry",
    ]
    who = {(r.paragraph, r.speaker) for r in reported}
    assert {
        (0, "john_kerry"),
        (0, "chuck_hagel"),
        (5, "chuck_hagel"),
        (7, "john_kerry"),
        (12, "anon_european_officials"),
        (12, "david_cameron"),
        (12, "francois_hollande"),
        (14, "france"),
        (14, "philip_hammond"),
        (1, "united_kingdom"),
        (1, "germany"),
    } <= who
    # a conjoined subject gives one Reported per speaker, each spanning that speaker's name
    hagel = next(r for r in reported if r.paragraph == 0 and r.speaker == "chuck_hagel")
    assert text[hagel.speaker_start : hagel.speaker_end] in ("Chuck Hagel", "Hagel")


def test_bundled_speaker_ids_real_parse():
    art = kit.load_article()
    ids = [q.speaker for q in art.quotes]
    assert ids[0] == ids[1] == ids[3] == ids[8] == "john_kerry"
    assert ids[2] == "chuck_hagel"
    assert ids[4] == "united_kingdom"
    assert ids[5] == "anon_western_defense_official"
    assert ids[6] == "anon_british_official"
    assert ids[7] == "frank_walter_steinmeier"
    who = {(r.paragraph, r.speaker) for r in art.reported}
    assert {(5, "chuck_hagel"), (7, "john_kerry"), (14, "france"), (20, "united_states")} <= who


# --------------------------------------------------------------------------- fixture articles

FIXTURE_QUOTES = {
    "straight_quotes.txt": [
        (1, "Lopez", "told", False, False),
        (2, "Defense Secretary Tom Baker", "said", False, False),
        (3, "he", "said", False, False),
        (4, "The president's spokesman", "called", True, False),
    ],
    "colon_multi.txt": [
        (1, "Holm", "told", False, False),
        (2, "Holm", None, False, True),
        (3, "he", "said", False, False),
        (4, "one diplomat", "said", False, False),
    ],
    "british_single.txt": [
        (0, "Helen Ward", "said", True, False),
        (1, "Ms Ward", "said", False, False),
        (2, "A senior government source", "said", False, False),
        (3, "a Downing Street spokesman", "according to", True, False),
    ],
    "crlf_bom.txt": [
        (1, "Martin", "told", False, False),
        (2, "Paul Girard", "said", False, False),
    ],
    "anonymous.txt": [
        (2, "one official familiar with the discussions", "said", False, False),
    ],
    "pronoun_it.txt": [
        (1, "It", "described", True, False),
        (2, "she", "said", False, False),
        (3, "she", None, False, True),
    ],
}

FIXTURE_REPORTED = {
    "straight_quotes.txt": [
        (0, "Secretary of State Maria Lopez", "said", "the talks with Iran had made progress"),
        (3, "Baker", "said", "he would travel to Brussels on Friday"),
    ],
    "colon_multi.txt": [],
    "british_single.txt": [],
    "crlf_bom.txt": [(0, "French President Claire Martin", "said", "France was ready to act")],
    "anonymous.txt": [
        (0, "Two senior U.S. officials", "said", "the withdrawal would be completed by December"),
        (1, "a Pentagon official", "said", "The decision was made after weeks of debate"),
        (3, "Afghan officials", "said", "they had not been consulted"),
    ],
    "pronoun_it.txt": [(0, "Germany", "said", "it would send more aid to the region")],
}


@pytest.mark.parametrize("name", sorted(FIXTURE_QUOTES))
def test_fixture_quotes(name):
    art = kit.load_article(FIXTURES / name)
    assert _rows(art) == FIXTURE_QUOTES[name]
    assert _reported_rows(art) == FIXTURE_REPORTED[name]


def test_fixture_quote_texts():
    art = kit.load_article(FIXTURES / "colon_multi.txt")
    texts = [art.span(q.start, q.end) for q in art.quotes]
    # the first quote has no closing mark: it runs to its paragraph's end, the next re-opens
    assert texts[:2] == [
        "The alliance stands together. We will not be divided.",
        "We will defend every inch of allied territory.",
    ]
    art = kit.load_article(FIXTURES / "british_single.txt")
    assert (
        art.span(art.quotes[1].start, art.quotes[1].end)
        == "We have made it clear that “business as usual” is not an option,"
    )
    art = kit.load_article(FIXTURES / "straight_quotes.txt")
    assert art.span(art.quotes[2].start, art.quotes[2].end) == "I'm going to listen to our allies' concerns,"


def test_fixture_speaker_resolution_with_given_mentions():
    text, quotes, _ = _parse_with(
        (FIXTURES / "straight_quotes.txt").read_text(encoding="utf-8"),
        {
            "Maria Lopez": ("maria_lopez", "person"),
            "Lopez": ("maria_lopez", "person"),
            "Tom Baker": ("tom_baker", "person"),
            "Baker": ("tom_baker", "person"),
            "Iran": ("iran", "state"),
        },
    )
    assert [q.speaker for q in quotes][:3] == ["maria_lopez", "tom_baker", "tom_baker"]
    text, quotes, _ = _parse_with(
        (FIXTURES / "pronoun_it.txt").read_text(encoding="utf-8"),
        {"Germany": ("germany", "state"), "Eva Schmidt": ("eva_schmidt", "person"), "Berlin": ("germany", "state")},
    )
    assert [q.speaker for q in quotes] == ["germany", "eva_schmidt", "eva_schmidt"]
    text, quotes, _ = _parse_with(
        (FIXTURES / "colon_multi.txt").read_text(encoding="utf-8"),
        {
            "Anders Holm": ("anders_holm", "person"),
            "Holm": ("anders_holm", "person"),
            "NATO": ("nato", "organization"),
            "one diplomat": ("anon_diplomat", "anonymous"),
        },
    )
    assert [q.speaker for q in quotes] == ["anders_holm", "anders_holm", "anders_holm", "anon_diplomat"]


def test_multi_paragraph_quote_attributed_at_its_end():
    text = "“We are ready to act.\n“We will not wait,” the minister said.\n"
    art = kit.parse(text)
    assert [art.span(q.start, q.end) for q in art.quotes] == ["We are ready to act.", "We will not wait,"]
    assert all(art.span(q.speaker_start, q.speaker_end) == "the minister" for q in art.quotes)


# --------------------------------------------------------------------------- robustness


def test_no_quotation_marks():
    art = kit.parse("The ministers met on Friday.\nThey agreed on nothing.")
    assert art.quotes == ()


def test_apostrophes_never_pair():
    art = kit.parse("That’s the allies’ plan, and it can't wait. The ’90s are gone; rock ’n’ roll isn't.")
    assert art.quotes == ()


def test_an_ending_split_off_by_a_blank_never_opens_a_quote():
    """Text split into words writes "Ivo Marsk 's plan" and "they 're": the mark is an apostrophe, not a
    quotation opening on "s plan" that swallows the real quotations after it."""
    text = "Ivo Marsk 's plan was praised, and they 're sure it works. \"We will win,\" he said of 'the plan'."
    art = kit.parse(text)
    assert [art.span(q.start, q.end) for q in art.quotes] == ["We will win,", "the plan"]


def test_stray_mark_affects_only_its_paragraph():
    text = 'He is 6" tall and said “hello.\nA quiet day.\n“We are ready,” Kerry said.'
    art = kit.parse(text)
    assert [(q.paragraph, art.span(q.start, q.end)) for q in art.quotes] == [(2, "We are ready,")]
    assert art.span(art.quotes[0].speaker_start, art.quotes[0].speaker_end) == "Kerry"


@pytest.mark.parametrize("mark", ["“", "”", '"', "‘", "’", "'"])
def test_ten_thousand_unbalanced_marks_parse_quickly(mark):
    text = "“Good,” Kerry said.\n" + ("word " + mark) * 10_000 + "\nThe end."
    t0 = time.perf_counter()
    art = kit.parse(text)
    assert time.perf_counter() - t0 < 2.0
    assert art.span(art.quotes[0].start, art.quotes[0].end) == "Good,"
    assert all(0 <= q.start <= q.end <= len(art.text) for q in art.quotes)


def test_html_is_plain_text():
    text = "<script>alert('x')</script>\n<b>Kerry</b> said: “<i>We are ready</i>.”"
    art = kit.parse(text)
    assert art.text == text
    # the straight single quotes around 'x' pair like any others; nothing is stripped or interpreted
    assert [art.span(q.start, q.end) for q in art.quotes] == ["x", "<i>We are ready</i>."]
    q = art.quotes[1]
    assert art.span(q.speaker_start, q.speaker_end) == "<b>Kerry</b>" and q.cue == "said" and not q.partial


def test_line_and_blank_line_input_give_the_same_quotes():
    lines = bundled_article_text()
    blank = "\n\n".join(line for line in lines.splitlines() if line.strip())
    a, b = kit.parse(lines), kit.parse(blank)
    assert len(a.paragraphs) == len(b.paragraphs)
    assert _rows(a) == _rows(b)
    assert [a.span(q.start, q.end) for q in a.quotes] == [b.span(q.start, q.end) for q in b.quotes]
    assert _reported_rows(a) == _reported_rows(b)


def test_reported_speech_has_its_own_module_and_cues_are_data():
    import json
    from importlib import resources

    from kit.parse import quotes, reported

    cues = json.loads((resources.files("kit.data") / "cues.json").read_text(encoding="utf-8"))
    assert quotes.SAYING_CUES == tuple(cues["saying"]) and "said" in quotes.SAYING_CUES
    assert quotes.THINKING_CUES == tuple(cues["thinking"]) and quotes.OBJECT_CUES == tuple(cues["object"])
    assert set(quotes.OBJECT_CUES) <= set(quotes.SAYING_CUES)
    art = kit.load_article()
    assert art.reported and callable(reported.find_reported)


def test_pronoun_resolution_looks_at_each_mention_once(monkeypatch):
    """Many "he said" quotes after many mentions: each mention is judged a subject at most once."""
    from kit.parse import speakers

    calls: list[int] = []
    judge = speakers._is_subject
    monkeypatch.setattr(speakers, "_is_subject", lambda ctx, k: calls.append(k) or judge(ctx, k))
    block = "Britain, France and Germany met in Paris with NATO and the EU. “We agree,” he said.\n"
    art = kit.parse("Foreign Secretary Philip Hammond arrived.\n" + block * 300)
    assert sum(1 for q in art.quotes if q.speaker == "philip_hammond") == 300  # he -> the last person subject
    assert len(calls) == len(set(calls)) <= len(art.mentions)


def test_multi_paragraph_quote_attributed_at_its_end_by_name():
    text = "“We will fight them in the air.\n“And we will win,” Kerry said."
    art = kit.parse(text)
    assert [art.span(q.start, q.end) for q in art.quotes] == ["We will fight them in the air.", "And we will win,"]
    assert [(art.span(q.speaker_start, q.speaker_end), q.cue) for q in art.quotes] == [("Kerry", "said")] * 2


def test_a_quote_resumes_after_the_attribution_that_interrupts_it():
    """ "“A,” said X, “B.”": B is X's too; a clause of its own between the two quotes is not an interruption."""
    art = kit.parse("“The risk,” said Ivo Marsk, an economist in Zentrix, “is that we lose the port.”")
    assert [(q.rule, art.span(q.speaker_start, q.speaker_end)) for q in art.quotes] == [
        ("after_said_x", "Ivo Marsk"),
        ("interrupted_quote", "Ivo Marsk"),
    ]
    art = kit.parse("“We are ready,” said Ivo Marsk, and Tom Moss called the plan “a joke.”")
    assert [art.span(q.speaker_start, q.speaker_end) for q in art.quotes] == ["Ivo Marsk", "Tom Moss"]


def test_a_quote_after_a_sentence_adverb_carries_on_the_speaker_before():
    """ "“A,” X said. Instead, “B.”": "Instead", "Indeed", "However" lead on from the last speaker."""
    for adverb in ("Instead,", "Indeed,", "However,"):
        art = kit.parse(f"“The port is not for sale,” Ivo Marsk said. {adverb} “Zentrix wants a lease.”")
        assert [art.span(q.speaker_start, q.speaker_end) for q in art.quotes] == ["Ivo Marsk"] * 2, adverb


def test_an_inverted_colon_introduction_names_the_next_paragraphs_speaker():
    """ "Stated Ann Lee:" ending a paragraph introduces the quotes of the next ones."""
    art = kit.parse("Stated Ivo Marsk:\n\n“The port is not for sale.”\n\n“Zentrix wants a lease.”")
    assert [(q.rule, art.span(q.speaker_start, q.speaker_end)) for q in art.quotes] == [
        ("colon_introduction", "Ivo Marsk"),
        ("continued_paragraph", "Ivo Marsk"),
    ]


def test_a_name_after_the_quote_whose_aside_lacks_its_closing_comma():
    """ "“…,” Ivo Marsk, the pollster who runs Norhaven Daily tweeted": the aside ends at the cue verb."""
    art = kit.parse("“Zentrix needs a plan,” Ivo Marsk, the pollster who runs Norhaven Daily tweeted on Monday.")
    assert [(q.rule, art.span(q.speaker_start, q.speaker_end), q.cue) for q in art.quotes] == [
        ("after_x_said", "Ivo Marsk", "tweeted")
    ]
    # a quote that ends mid-sentence with no comma is not attributed to a name after it
    art = kit.parse("Tom Moss called the plan “a mess” Monday, who knows why.")
    assert [art.span(q.speaker_start, q.speaker_end) for q in art.quotes] == ["Tom Moss"]


def test_who_right_after_a_name_opens_a_relative_clause_that_names_the_speaker():
    """ "a post from Ivo Marsk who tweeted, “…”": the relative pronoun (resolved to the name) speaks,
    with or without a comma before it."""
    art = kit.parse("Among the replies was a post from Ivo Marsk who tweeted, “Norhaven never keeps its rules.”")
    assert [(art.span(q.speaker_start, q.speaker_end), q.speaker) for q in art.quotes] == [("who", "ivo_marsk")]


def test_and_later_goes_on_with_the_same_subject():
    """ "when he brought up the port and later said, “…”": "later" after "and" keeps the subject before it."""
    art = kit.parse("Tom Moss opened the debate when he brought up the port and later said, “Zentrix is not alone.”")
    assert [(art.span(q.speaker_start, q.speaker_end), q.speaker) for q in art.quotes] == [("he", "tom_moss")]


def test_a_time_phrase_before_the_subject_is_skipped():
    """ "Six years earlier, she had …, calling it “…”": "N years earlier," is a lead phrase, not the subject."""
    art = kit.parse(
        "Ivo Marsk ran the port. Six years earlier, she had backed the Zentrix deal as “a gift to Norhaven.”"
    )
    assert [art.span(q.speaker_start, q.speaker_end) for q in art.quotes] == ["she"]


def test_a_subject_never_opens_with_a_preposition():
    """ "After months of … slammed as “…”, the council …": a lead phrase whose comma falls inside the quote
    leaves the main clause's subject unknown; "After" is not a speaker."""
    art = kit.parse("After months of delay in a way Norhaven residents slammed as “a scandal,” the council has acted.")
    assert [q.speaker_start for q in art.quotes] == [None]


def test_a_name_before_an_unclosed_role_of_an_organisation_is_the_speaker():
    """ "Ivo Marsk, president and CEO of Zentrix stated, “…”": the role's closing comma is missing, so
    the name before the comma is the subject, not the organisation at the end of the role."""
    art = kit.parse("Ivo Marsk, president and CEO of the Norhaven Harbor Fund stated, “It is not a political problem.”")
    assert [art.span(q.speaker_start, q.speaker_end) for q in art.quotes] == ["Ivo Marsk"]


def test_but_said_goes_on_with_the_same_subject():
    """ "The spokesman refused to answer but said …, adding that …": "but" before an irregular past ("said",
    "told") joins a second verb of the same subject, so the main clause's subject speaks."""
    art = kit.parse(
        "The spokesman for Zentrix refused to answer but said there was no meeting, adding that it was “not planned.”"
    )
    assert [art.span(q.speaker_start, q.speaker_end) for q in art.quotes] == ["The spokesman for Zentrix"]


def test_two_names_and_their_institute_after_the_quote_name_the_speakers():
    """ "“…,” harbor experts Ivo Marsk and Tom Moss of Norhaven's Institute for … wrote": a long speaker
    (13 words from the first name, over 120 characters with its role) is still one speaker span."""
    art = kit.parse(
        "“Zentrix could build a bigger dock,” harbor experts Ivo Marsk and Tom Moss of Norhaven's Institute"
        " for Port and Harbor Security wrote in May. “Whether it can is unknown.”"
    )
    spans = [art.span(q.speaker_start, q.speaker_end) for q in art.quotes]
    assert spans == ["Ivo Marsk and Tom Moss of Norhaven's Institute for Port and Harbor Security"] * 2


def test_a_description_with_a_comma_between_its_adjectives_after_the_quote():
    """ "“…,” the soft-spoken, 64-year-old diplomat said": the comma joins two adjectives, it does not open
    an aside, so the whole description is the speaker."""
    art = kit.parse(
        "Ivo Marsk led Norhaven for years. “From day one, I made the port my priority,” the soft-spoken,"
        " 64-year-old diplomat said in a long interview."
    )
    assert [art.span(q.speaker_start, q.speaker_end) for q in art.quotes] == ["the soft-spoken, 64-year-old diplomat"]


def test_role_words_ending_in_ed_after_an_inverted_cue():
    """ "“…,” said undecided voter Ivo Marsk of Norhaven, …": after "said" no verb can stand, so lower-case
    role words (even "undecided") lead to the name; "said in a statement that …" names no one."""
    art = kit.parse(
        "“I do not know where he stands,” said undecided voter Ivo Marsk of Norhaven, before the port event."
    )
    assert [art.span(q.speaker_start, q.speaker_end) for q in art.quotes] == ["Ivo Marsk of Norhaven"]


def test_an_unclosed_aside_may_hold_a_web_address():
    """ "“…,” Ivo Marsk, the harbor guru who founded norhaven.com tweeted": a dot inside a word does not end
    the aside."""
    art = kit.parse("“Zentrix needs a plan for the port,” Ivo Marsk, the harbor guru who founded norhaven.com tweeted.")
    assert [art.span(q.speaker_start, q.speaker_end) for q in art.quotes] == ["Ivo Marsk"]


def test_a_dateline_is_not_the_subject():
    """ "NORHAVEN, Maine — Ivo Marsk went after …, calling it “…”": the capitalised place and the dash that
    open a story are a dateline, skipped before the main clause's subject."""
    art = kit.parse(
        "NORHAVEN, Maine — When the port opened, Sen. Ivo Marsk went after Tom Moss, calling the Zentrix deal"
        " “a scandal.”"
    )
    assert [art.span(q.speaker_start, q.speaker_end) for q in art.quotes] == ["Sen. Ivo Marsk"]


def test_a_sentence_opening_with_a_possessive_after_a_quote_names_no_speaker():
    """ "“…,” she writes. “So, who?” Her ideas are …": "Her ideas" (nor "On its face", "Several leaders")
    is not a name and a verb after the quote; the quote carries on the earlier speaker."""
    art = kit.parse("“We need a new port,” Ivo Marsk writes. “So, who pays?” Her suggestions are redacted.")
    assert [art.span(q.speaker_start, q.speaker_end) for q in art.quotes] == ["Ivo Marsk", "Ivo Marsk"]


def test_a_speaker_may_open_with_this():
    """ "“…,” this source told the Norhaven Post": "this" opens a noun phrase like "the" does."""
    art = kit.parse("Ivo Marsk left Zentrix. “The staff never liked him,” this source told the Norhaven Post.")
    assert [art.span(q.speaker_start, q.speaker_end) for q in art.quotes] == ["this source"]


def test_a_quotation_that_closes_in_the_next_paragraph_without_reopening_is_one_speakers() -> None:
    # the usual style reopens each paragraph of a long quotation; some texts do not
    text = "Ann Lee said: “We will go on.\n\nAnd we will win the vote.” Tom Ray left.\n\nHe did not return."
    art = kit.parse(text)
    assert [(text[q.start : q.end], q.speaker) for q in art.quotes] == [
        ("We will go on.", "ann_lee"),
        ("And we will win the vote.", "ann_lee"),
    ]


def test_a_caption_between_two_parts_of_a_quotation_is_skipped() -> None:
    text = "“We will go on,” Ann Lee said. “And we will\n\nPhoto: The square at night.\n\nwin the vote.” Tom Ray left."
    art = kit.parse(text)
    assert [(text[q.start : q.end], q.speaker) for q in art.quotes] == [
        ("We will go on,", "ann_lee"),
        ("And we will", "ann_lee"),
        ("win the vote.", "ann_lee"),
    ]


def test_a_stray_opening_mark_does_not_reach_a_paragraph_that_opens_its_own_quotation() -> None:
    # the next paragraph opens a quotation of its own before its closing mark: the stray mark stays stray
    text = "Ann Lee said “no.\n\nTom Ray said “yes” and left."
    assert [(text[q.start : q.end], q.speaker) for q in kit.parse(text).quotes] == [("yes", "tom_ray")]


@pytest.mark.parametrize(
    "text",
    [
        "The ship “Hope” left port, Ann Lee said.",
        "The film “Harbour Lights” opens on Friday, Ann Lee said.",
        "Ann Lee's new album, “Tarvo Nights”, is out, she said.",
        # a modifier joined by a hyphen, also with blanks around it (text split into words)
        "Ann Lee played a pilot in a “Tarvo Nights”-inspired show.",
        "Ann Lee played a pilot in a “Tarvo Nights” - inspired show.",
        # after a verb of appearing and "in", or a name ending with an event's or a prize's last word
        "Her first paper appeared in “Kestrel” in 1988, Ann Lee said.",
        "Ann Lee won the 1999 “Norvo Harbour Cup” and moved to Norhaven.",
    ],
)
def test_a_works_title_in_quotation_marks_has_no_speaker(text: str) -> None:
    # a title after a word for a work or a vessel is no one's words (the issue's "names and titles in
    # quotation marks are given a speaker")
    assert [q.speaker for q in kit.parse(text).quotes] == [None]


@pytest.mark.parametrize(
    "text",
    [
        # a nickname inside a person's name
        "Ivo Marsk met Tomas “Tarvo” Vell, his old coach, at the harbour.",
        # a label given in the passive, by no one the sentence names
        "Ada Vell moved to a bay on the coast of Norhaven, known locally as “the Kettle”, in spring.",
        "Tom Moss often uses an old word, translated here as “harbour”, in his songs.",
        "Norhaven is sometimes referred to as the “Kestrel Coast” of the north.",
        # a title or a word mentioned after a word for one
        "In 1840 Ivo Marsk moved to Norhaven and took the title of “Grand Warden”.",
        "Later Ada Vell wrote about what the word “harbour” means to sailors.",
        "Tom Moss split each word into parts (e.g. “boatman” = boat + man) to teach it.",
        "Ivo Marsk says the plain meaning of “harbour” covers the whole bay.",
        "The council may define the term “harbour” to mean the inner bay only.",
        # a term defined in brackets
        "Zentrix Ltd (the “Seller”) agrees to deliver the goods to Norvo Inc (“Buyer” or “you”).",
    ],
)
def test_a_nickname_a_passive_label_or_a_defined_term_has_no_speaker(text: str) -> None:
    # none of these are words anyone said: the subject of the sentence does not speak them
    assert {q.speaker for q in kit.parse(text).quotes} == {None}


def test_a_dash_between_blanks_after_a_quotation_still_lets_its_subject_speak() -> None:
    # "“…” - noted that …": a dash before a verb (no article opens the quotation), not a modifier
    art = kit.parse("Ann Lee called it “Tarvo Nights” - a show she noted would last.")
    assert [q.speaker for q in art.quotes] == ["ann_lee"]


def test_a_label_the_subject_gives_actively_keeps_the_subject() -> None:
    # "referred to the bay as": the subject gives the name (not the passive "is referred to as")
    art = kit.parse("Ivo Marsk referred to the bay as “the Kettle” in his book.")
    assert [q.speaker for q in art.quotes] == ["ivo_marsk"]


def test_a_vocative_opening_the_sentence_is_not_its_subject() -> None:
    # "Madam Chair, <aside>, Ivo Marsk …": the one addressed is not the speaker; the name after the aside is
    text = "Madam Chair, two winters ago, Ivo Marsk spoke his last words to us, “Keep the boats,” and left the room."
    assert [q.speaker for q in kit.parse(text).quotes] == ["ivo_marsk"]


@pytest.mark.parametrize(
    "text",
    ["Tom Ray, the governor of Norvo, called the plan “a mess”.", "Tom Ray, 45, of Norvo, called the plan “a mess”."],
)
def test_an_apposition_after_the_subject_keeps_the_subject(text: str) -> None:
    assert [q.speaker for q in kit.parse(text).quotes] == ["tom_ray"]


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # a title made of capitalised words and "in" before a company's name is not the company
        ("Dawn in the Zentrix Corp shows a pilot at work, calling her job “a long night”.", None),
        # a role "of" the company speaks for it
        ("The Director of Zentrix Corp called the plan “a mess”.", "zentrix_corp"),
    ],
)
def test_a_name_that_only_places_a_company_is_not_the_company(second: str, expected: str | None) -> None:
    text = "Zentrix Corp makes robots for factories in Norhaven.\n\n" + second
    assert [q.speaker for q in kit.parse(text).quotes] == [expected]


def test_an_infinitive_opening_the_sentence_is_not_its_subject() -> None:
    # "To sell boats in Norway a maker needs …": no subject the words could belong to (not the state the infinitive names)
    text = "Norway has cold winters. To sell boats in Norway a maker needs a “local face” and some patience."
    assert [q.speaker for q in kit.parse(text).quotes] == [None]


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # a possessive before the company's name and a word for people: one who works there, not the company
        ("recalls their Zentrix trainer.", None),
        ("said a Zentrix spokesman.", "anon_zentrix_spokesman"),
    ],
)
def test_their_company_trainer_is_not_the_company(after: str, expected: str | None) -> None:
    text = "Zentrix Corp opened a plant in Norhaven. “It was new to us,” " + after
    assert [q.speaker for q in kit.parse(text).quotes] == [expected]


def test_he_never_stands_for_the_writer_named_in_a_byline() -> None:
    # "by Ivo Marsk" under a title: the writer, not a man of the story a later "he" could be
    text = "The Long Winter\n\nby Ivo Marsk\n\nThe wind blew all night. The old bear came in at last.\n\n“It is cold,” he said."
    assert [q.speaker for q in kit.parse(text).quotes] == [None]


def test_a_word_in_quotation_marks_a_speaker_uses_keeps_the_speaker() -> None:
    assert [q.speaker for q in kit.parse("Tom Ray called the mood “electric”.").quotes] == ["tom_ray"]


def test_a_quotation_joined_to_a_word_by_a_hyphen_is_a_modifier_with_no_speaker() -> None:
    q = kit.parse("Ada Vell sang in a “Tarvo Nights”-themed show.").quotes[0]
    assert (q.speaker, q.speaker_start) == (None, None)


def test_a_clause_joined_by_and_with_a_name_and_said_owns_the_partial_quote() -> None:
    # "…, and Ada Vell said this “…”": the clause after "and" has its own subject; the main clause's does not speak
    art = kit.parse("President Tom Moss issued a decree on trade, and Ada Vell said this “could help a lot”.")
    assert (art.quotes[0].speaker, art.quotes[0].rule) == ("ada_vell", "governing_clause")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # someone else reported with a cue after the last quote: the next paragraph's quote is theirs ...
        (
            "“The roof leaks,” Ada Vell said. Tom Moss called her the finest mason in town.\n\n"
            "“She laid every stone by hand.”",
            ("tom_moss", "previous_sentence"),
        ),
        # ... but a pronoun there is most likely the same speaker, who carries on
        (
            "“The roof leaks,” Ada Vell said. She called the repair overdue.\n\n“We need new slate.”",
            ("ada_vell", "continued_paragraph"),
        ),
    ],
)
def test_a_quote_after_another_speakers_report_is_theirs(text: str, expected: tuple[str, str]) -> None:
    q = kit.parse(text).quotes[-1]
    assert (q.speaker, q.rule) == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # the outlet reports; the one it quotes said the words
        ("“We will postpone it,” the Ledger quoted Ivo Marsk as telling Tom Moss.", "Ivo Marsk"),
        ("The Ledger quoted Ivo Marsk as saying the plan was “a trap”.", "Ivo Marsk"),
        # in the passive the one quoted is the subject, not the agent
        ("“It is a trap,” Ivo Marsk was quoted by the Ledger as saying.", "Ivo Marsk"),
        # the one quoted may have an apposition before "as saying"
        ("“It is a trap,” the Ledger quoted Ivo Marsk, the mayor of Tarvo, as saying.", "Ivo Marsk"),
    ],
)
def test_the_one_an_outlet_quotes_is_the_speaker(text: str, span: str) -> None:
    art = kit.parse(text)
    q = art.quotes[0]
    assert art.text[q.speaker_start : q.speaker_end].startswith(span) and q.speaker == "ivo_marsk"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name after a quotation and its cue is the subject a later "he" goes back to
        (
            "Ivo Marsk of Zentrix said the sale would be hard.\n\n“It is a good move,” said Tom Moss of Norvo.\n\n"
            "“The harbour trade pays little,” he said.",
            "tom_moss",
        ),
        # a name after "but" and a few words describing it is the subject of its clause
        (
            "Ivo Marsk lost a wheel on the coast road. He and co-driver Tom Moss walked away but crew chief Vesko Dorn "
            "was angry with them.\n\n“That was a careless mistake,” he declared.",
            "vesko_dorn",
        ),
        # a sentence opening with a few words describing the name, and an aside before its verb
        (
            "Tom Moss lost to Vesko Dorn. “He was sharper,” said Moss.\n\nThe 19-year-old Ivo Marsk, who had beaten Dorn "
            "at the spring meet, waited for the final set.\n\n“I stayed patient,” he said.",
            "ivo_marsk",
        ),
    ],
)
def test_he_after_an_inverted_or_described_subject_is_that_subject(text: str, expected: str) -> None:
    assert kit.parse(text).quotes[-1].speaker == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Marsk used a quote from Tom Moss, “Every bridge needs two banks”, to describe the town.",
        "Ivo Marsk cited a line from Tom Moss, “Every bridge needs two banks.”",
    ],
)
def test_words_the_subject_quotes_from_someone_else_are_theirs(text: str) -> None:
    assert kit.parse(text).quotes[0].speaker == "tom_moss"


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Marsk used the phrase “every bridge needs two banks”.",
        # the one who quotes speaks the words
        "Ivo Marsk ended his speech by quoting Tom Moss: “Every bridge needs two banks.”",
    ],
)
def test_a_phrase_the_subject_uses_or_quotes_keeps_the_subject(text: str) -> None:
    assert kit.parse(text).quotes[0].speaker == "ivo_marsk"


def test_official_before_a_noun_is_an_adjective_not_a_source() -> None:
    art = kit.parse(
        "The official state news agency Norvo said Ivo Marsk would discuss “the next round of harbour fees”."
    )
    assert art.quotes[0].speaker == "norvo"
    assert not [a for a in art.actors if a.kind == "anonymous"]


def test_a_free_relative_with_its_own_subject_does_not_give_the_quote_to_the_main_clause() -> None:
    # "in what police described as": police (no actor) described it, not the main clause's subject
    text = "The crew began to clear the square in small groups, in what police described as a “gentle sweep”."
    assert kit.parse(text).quotes[0].speaker is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised name placed by a state is not the state (a newspaper, after a capital "The" inside a
        # sentence: the outlet that described her)
        ("Vell Dorna was described by The Ledger of Norway as the “best cook in the valley”.", "ledger"),
        # a role or a body of the state speaks for it
        ("The Foreign Minister of Norway said the plan was “a trap”.", "norway"),
        ("The King of Norway said the plan was “a trap”.", "norway"),
    ],
)
def test_a_name_of_a_state_is_not_the_state(text: str, expected: str | None) -> None:
    assert kit.parse(text).quotes[0].speaker == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Nobody is above the law,” said its director, Ada Vell.", "ada_vell"),
        ("“Nobody is above the law,” said the group’s director, Ada Vell.", "ada_vell"),
        ("“It is bad,” Zentrix’s spokeswoman, Lena Dorn, told the Norvo Gazette.", "lena_dorn"),
        ("“It is bad,” said its director, Tom Moss Jr.", "tom_moss_jr"),
    ],
)
def test_the_name_in_apposition_after_a_role_speaks(text: str, speaker: str) -> None:
    [q] = kit.parse(text).quotes
    assert q.speaker == speaker


def test_a_day_after_a_role_is_no_speakers_name() -> None:
    [q] = kit.parse("“It is bad,” said the minister, Monday.").quotes
    assert q.speaker == "anon_minister"


def test_he_after_a_sentence_opened_by_a_body_and_a_role_is_that_person() -> None:
    text = (
        "Kestrel Rovers beat Norvo United 3-1.\n\n“The boys were brilliant,” said coach Ada Vell.\n\n"
        "United manager Orvel Dastrop was less happy. “We gave away two soft goals,” he told the website."
    )
    assert [q.speaker for q in kit.parse(text).quotes] == ["ada_vell", "orvel_dastrop"]


def test_the_name_after_a_role_that_opens_the_sentence_speaks() -> None:
    text = "Intro.\n\nTarvo's president, Zelko Tarvas, welcomed the deal in a post: “Peace is the only road.”"
    assert [q.speaker for q in kit.parse(text).quotes] == ["zelko_tarvas"]


def test_an_object_pronoun_in_her_sentence_does_not_make_a_woman_a_man() -> None:
    # "Lena Dorn jailed him": "him" is the man jailed, so "She" after it can still be Lena Dorn
    text = "Intro.\n\nLena Dorn jailed him on Monday. She said his remorse came too late."
    assert [r.speaker for r in kit.parse(text).reported] == ["lena_dorn"]
