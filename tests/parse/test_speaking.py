"""Speakers the actor step did not know (kit.parse.speaking): one text of our own per shape."""

from __future__ import annotations

import pytest

import kit


def speaker(text: str, n: int = 0) -> tuple[str | None, str | None]:
    """The n-th quote's speaker id and that actor's kind."""
    art = kit.parse(text)
    q = art.quotes[n]
    return q.speaker, (art.actor(q.speaker).kind if q.speaker else None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed speaker described by a noun phrase is an anonymous actor
        ("“It is a scandal,” one commenter wrote.", ("anon_commenter", "anonymous")),
        ("“Too late,” Analysts said.", ("anon_analysts", "anonymous")),
        ("“We saw smoke,” two witnesses told the court.", ("anon_witnesses", "anonymous")),
        ("“It is done,” the old man said.", ("anon_old_man", "anonymous")),
        ("“Vote no,” a New Hampshire Republican said.", ("anon_new_hampshire_republican", "anonymous")),
        # a document speaks
        ("A memo seen by the Ledger reads: “Do not sign.”", ("anon_memo", "anonymous")),
        ("“Nothing is decided,” the statement said.", ("anon_statement", "anonymous")),
        # an outlet or an organisation speaks
        ("“The plan is dead,” according to the Herald.", ("herald", "organization")),
        ("“The film will open in May,” Radio Kestrel reported.", ("radio_kestrel", "organization")),
        ("“Trading stopped,” NYFEX said.", ("nyfex", "organization")),
        ("“We will appeal,” Microsoft says. It filed the papers on Monday.", ("microsoft", "organization")),
        # a person known only by a surname, shown to be a person by the next sentence
        ("“We won,” Moss says. He thanked the volunteers.", ("moss", "person")),
        ("The crowd cheered. But Ferrera said: “Not yet.” She left early.", ("ferrera", "person")),
    ],
)
def test_a_speaker_the_actor_step_did_not_know(text, expected):
    assert speaker(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“We won,” Zed said.",  # a surname or a company: the text does not say
        "“We won,” Texas said.",  # a state as metonym: left alone
        "“We won,” Zed said. Tom Ray left. He was tired.",  # "He" is Tom Ray, not evidence for Zed
        "“It is an example,” An example said.",  # a noun that never speaks
        "“Go,” one of the braver said.",  # a part of a group the span does not name
    ],
)
def test_no_actor_without_evidence(text):
    art = kit.parse(text)
    assert art.quotes[0].speaker is None
    assert not [a for a in art.actors if a.id in ("zed", "texas", "anon_example", "anon_braver")]


def test_a_definite_description_refers_back():
    art = kit.parse("Zentrix Holdings bought the site. “We are pleased,” the company said in a statement.")
    assert art.quotes[0].speaker == "zentrix_holdings"
    art = kit.parse("Senator Ann Lee spoke first. Tom Ray, a lawyer, replied. “No,” the senator said.")
    assert art.quotes[0].speaker == "ann_lee"


def test_a_new_actor_is_mentioned_wherever_its_name_is_written():
    art = kit.parse("Moss met donors. “We won,” Moss says. He smiled. Moss left later.")
    spans = [art.span(m.start, m.end) for m in art.mentions if m.actor == "moss"]
    assert spans == ["Moss"] * 3
    assert [a.id for a in art.actors] == ["moss"]  # in order of first mention


def test_a_pronoun_after_a_new_actor_reaches_it():
    art = kit.parse("“We won,” Moss says. He smiled. “We will win again,” he added.")
    assert [q.speaker for q in art.quotes] == ["moss", "moss"]


def test_the_rule_that_found_the_span_is_kept():
    art = kit.parse("“It is a scandal,” one commenter wrote.")
    assert art.quotes[0].rule == "after_x_said"


@pytest.mark.parametrize(
    ("text", "person", "short"),
    [
        ("Party leader Tom Moss III spoke. “We won,” Moss says.", "tom_moss_iii", "Moss"),
        ("Martin Luther King Jr. marched on Monday. King said it was time.", "martin_luther_king_jr", "King"),
    ],
)
def test_a_name_suffix_is_not_a_name_and_not_the_surname(text, person, short):
    art = kit.parse(text)
    assert [a.id for a in art.actors if a.kind == "person"] == [person]
    assert short in art.actor(person).aliases
    assert person in [q.speaker for q in art.quotes] + [r.speaker for r in art.reported]


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        # a name in apposition after the description that "in the words of" gives
        ("In the words of the trial judge, Rosa Diaz, “the law is clear”.", "rosa_diaz", "according_to"),
        ("In the words of Rosa Diaz, “the law is clear”.", "rosa_diaz", "according_to"),
        # a subordinate "as" clause with a role before the name
        ("As lead author Tom Reed told the Courier, “we were surprised”.", "tom_reed", "governing_clause"),
        # a pull quote signed with a hyphen between blanks
        ("“We will win.” - Sam Ortiz", "sam_ortiz", "after_dash"),
        # the speaker released a statement in the sentence before a quote with no cue of its own
        ("Senator Ray Hill released a statement. “We will not back down.”", "ray_hill", "previous_sentence"),
        # a body that speaks for itself, and the authors of a study
        ("The city reasoned that “the road is unsafe”.", "anon_city", "governing_clause"),
        ("The study’s authors call it “a turning point”.", "anon_studys_authors", "introduction"),
    ],
)
def test_a_speaker_named_in_the_issues_shapes(text: str, expected: str, rule: str) -> None:
    q = kit.parse(text).quotes[0]
    assert (q.speaker, q.rule) == (expected, rule)


def test_what_we_call_a_thing_has_no_speaker() -> None:
    # "call" alone is as often a noun ("his call for …") or a name for a thing: only "call it/him/her/them" cue
    assert kit.parse("It is what we call “infrastructure.”").quotes[0].speaker is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a given name shows the gender: "she" is the woman named, not the man named last
        ("Tom Ray met Ann Lee on Monday. “I am ready,” she said.", "ann_lee"),
        ("Ann Lee met Tom Ray on Monday. “I am ready,” he said.", "tom_ray"),
    ],
)
def test_a_pronoun_speaker_agrees_with_the_gender_a_given_name_shows(text: str, expected: str) -> None:
    assert kit.parse(text).quotes[0].speaker == expected


def test_a_name_shared_by_both_sexes_shows_no_gender() -> None:
    from kit.parse.entity_words import name_genders

    genders = name_genders()
    assert genders.get("Ann") == "f" and genders.get("Tom") == "m"
    assert "Jordan" not in genders and "Robin" not in genders  # shared: the text has to tell


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lee, who has led the Norvo group since its founding in 1990 and who was re-elected last year "
        "by a wide margin, said “we will win”.",
        "Ann Lee, the head of the Norvo group since its founding in 1990 and a member of its board, said “we will win”.",
    ],
)
def test_a_long_aside_between_the_name_and_the_cue_keeps_the_name_the_speaker(text: str) -> None:
    assert kit.parse(text).quotes[0].speaker == "ann_lee"


def test_he_replied_after_a_question_is_the_other_man_not_the_one_who_asked() -> None:
    text = "Prosecutor Tom Ray questioned the brother, Max Cole. “Where were you?” Ray asked. “At home,” he replied."
    assert [q.speaker for q in kit.parse(text).quotes] == ["tom_ray", "max_cole"]


def test_he_replied_with_no_one_else_named_stays_the_one_named() -> None:
    assert [q.speaker for q in kit.parse("“Ready?” Tom Ray asked. “Yes,” he replied.").quotes] == ["tom_ray", "tom_ray"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Prosecutor Tom Ray asked Max Cole about the loan. “I never saw it,” he replied.", "max_cole"),
        ("Judge Ann Vell pressed Eva Lind on the dates. “I was abroad,” she answered.", "eva_lind"),
        # the referent's latest mention asks nobody: the pronoun's referent replies
        ("Tom Ray asked Max Cole about the loan. Later Tom Ray spoke again. “No,” he replied.", "tom_ray"),
        # the one asked is a woman: "he" is not her
        ("Tom Ray asked Ann Vell about the loan. “No,” he replied.", "tom_ray"),
    ],
)
def test_he_replied_after_x_asked_y_is_y(text: str, speaker: str) -> None:
    assert [q.speaker for q in kit.parse(text).quotes] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Prices will rise,” the Norvo Agency said. “This is a concern for Norway,” it added.", "norvo_agency"),
        ("“Why now?” the Norvo Agency asked. “We were not told,” it added.", "norvo_agency"),
        (
            "Tom Moss spoke first. “We will not pay,” Ivo Marsk told reporters.\n\n“Not one cent,” he continued.",
            "ivo_marsk",
        ),
    ],
)
def test_a_pronoun_after_a_quote_is_the_speaker_named_after_the_quote_before(text: str, speaker: str) -> None:
    assert kit.parse(text).quotes[-1].speaker == speaker
