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
        "Put the bread in the slot. Some toaster will “sing” when it is done.",  # a machine, named like an agent
    ],
)
def test_no_actor_without_evidence(text):
    art = kit.parse(text)
    assert art.quotes[0].speaker is None
    assert not [a for a in art.actors if a.id in ("zed", "texas", "anon_example", "anon_braver", "anon_toaster")]


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


@pytest.mark.parametrize(
    "text",
    [
        # "he" is one person: never a plural source nor a company named in between
        "Ivo Marsk, the mayor, opened the bridge on Monday. Officials said it would carry 5,000 cars a day. "
        "“We are ready,” he said.",
        "Ivo Marsk spoke at the plant. The steel giant said profits rose. “We are ready,” he said.",
    ],
)
def test_he_is_never_a_plural_source_or_a_company(text: str) -> None:
    assert kit.parse(text).quotes[0].speaker == "ivo_marsk"


def test_they_is_never_a_state() -> None:
    # "they" stands for people the text names by their country, or for a source it does not name: never the
    # state ("France said … They said"), which would be "it"
    art = kit.parse("British grain merchants said barley was dear. “Stocks are low,” they said.")
    assert art.quotes[0].speaker is None
    assert kit.parse("France said it would act. “We are ready,” they said.").quotes[0].speaker is None


@pytest.mark.parametrize(
    "text",
    [
        # a name right before its cue verb is a subject, whatever describes it before ("publicist", "the head of …")
        "Tom Moss said the clinic was full. “We have no beds,” the head of the clinic Ivo Marsk told reporters. "
        "“We are waiting for help,” he said.",
        "Tom Moss opened the show on Monday. “It went well,” publicist Ivo Marsk said. “He is happy,” he said.",
    ],
)
def test_he_is_the_speaker_named_last_with_a_description_before_his_name(text: str) -> None:
    assert [q.speaker for q in kit.parse(text).quotes] == ["ivo_marsk", "ivo_marsk"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's adjective before a word for people names people, not the state ...
        ("“Oil is cheap,” said one Dutch oil trader.", "anon_dutch_oil_trader"),
        # ... but its government, its newspapers and its officials speak for it as ever
        ("“We are ready,” the French government said.", "france"),
        ("“We are ready,” French newspapers said.", "france"),
        ("“We are ready,” a British official said.", "anon_british_official"),
        ("The plan is, as German officials described it, “sensible”.", "anon_german_officials"),
    ],
)
def test_people_of_a_state_are_not_the_state(text: str, expected: str) -> None:
    assert kit.parse(text).quotes[0].speaker == expected


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # a cue in the passive: the agent said it, not the subject described
        ("Ivo Marsk was described by the Ledger as “a born tinkerer”.", "the Ledger"),
        ("The plan has been called “a trap” by Tom Moss, who runs the Norvo dairy, and it stalled.", "Tom Moss"),
        # no agent: no one the sentence names said it
        ("These tiers were called “rungs” in his first draft.", None),
        # a passive cue right before the quotation, after the main clause's verb: not the subject's words
        ("Tom Ray had a gift that was said to be “rare for its speed”, and used it well.", None),
        ("Ann Lee praised Zentrix, which is often called “the Kestrel of Norhaven”, on Monday.", None),
        # not a passive: the subject speaks
        ("Ivo Marsk was quoted as saying: “We are ready.”", "Ivo Marsk"),
        ("Ivo Marsk is telling voters that “we will win”.", "Ivo Marsk"),
        ("Ivo Marsk was said to have called the plan “a mess”.", "Ivo Marsk"),
    ],
)
def test_a_passive_cue_gives_the_quote_to_its_agent(text: str, span: str | None) -> None:
    art = kit.parse(text)
    q = art.quotes[0]
    assert (art.text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None) == span


def test_a_name_spoken_to_shows_no_gender_and_a_given_name_alone_does() -> None:
    # "“Tom, …”" names the one spoken to: "She" after it is not Tom, and "Tom" alone shows a man
    art = kit.parse("Ada Vell came home late. “Tom, the door is open.” She smiled. “We are ready,” she said.")
    assert art.quotes[-1].speaker == "ada_vell"


def test_the_head_of_an_organisation_is_not_the_organisation() -> None:
    # "the leader of the council": its head noun is "leader", a person; only "the council" would refer back to a body
    art = kit.parse("Zentrix Corp said sales fell. “Nobody listens to us,” the leader of the council admits.")
    assert art.quotes[0].speaker == "anon_leader"


def test_he_is_the_one_who_said_not_the_one_in_what_he_said() -> None:
    text = (
        "Harbour master Ivo Marsk said divers believed that Tom Moss had sailed north before the storm. "
        "“We will search again at dawn,” he said."
    )
    assert [q.speaker for q in kit.parse(text).quotes] == ["ivo_marsk"]


def test_they_after_people_who_said_is_not_the_company_named_before() -> None:
    # "brokers said" in between: "they" are the brokers (an anonymous source), not the company
    text = "Zentrix Corp reported a loss on Monday. Its bonds slipped, brokers said. “Buyers stayed away,” they said."
    assert kit.parse(text).quotes[0].speaker == "anon_brokers"
    assert kit.parse("Zentrix Corp reported a loss on Monday. “Buyers stayed away,” they said.").quotes[0].speaker == (
        "zentrix_corp"
    )


def test_a_person_named_in_a_caption_line_is_no_antecedent_of_he() -> None:
    # a short line with no stop at its end ("Tom Moss, Earl of Norvo" under a picture) has no verb: its name is
    # no subject that a later "he" goes back to
    text = (
        "Ivo Marsk came home to Norhaven in 1804.\n\nTom Moss, Earl of Norvo\n\n"
        "The next year, he went to the coast. “We are ready,” he said."
    )
    assert kit.parse(text).quotes[0].speaker == "ivo_marsk"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Ivo Marsk, a chemist at Kestrel University, said the amounts were tiny.",
            "ivo_marsk",
            "the amounts were tiny",
        ),
        ("The lawyer, Ada Vell, said the appeal would fail.", "ada_vell", "the appeal would fail"),
        ("The appeal would fail, said Ada Vell.", "ada_vell", "The appeal would fail"),
    ],
)
def test_a_speaker_with_an_apposition_reports_the_clause_after_the_cue(text: str, speaker: str, content: str) -> None:
    # ", said the appeal would fail": words with a modal or a linking verb are what was said, not a speaker
    [r] = kit.parse(text).reported
    assert (r.speaker, text[r.start : r.end]) == (speaker, content)


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Intro.\n\nA quake killed at least 40 people in Varsk, officials said.", "officials"),
        ("Intro.\n\nPrices of Norvo homes fell on Monday, local residents said.", "local residents"),
    ],
)
def test_a_group_in_lower_case_after_a_comma_reports_what_went_before(text: str, group: str) -> None:
    [r] = kit.parse(text).reported
    assert text[r.speaker_start : r.speaker_end] == group and text[r.start : r.end].startswith(("A quake", "Prices"))


def test_a_relative_clause_with_a_people_noun_reports_nothing() -> None:
    text = "Intro.\n\nThe council passed the plan, which critics said was too costly."
    assert [text[r.speaker_start : r.speaker_end] for r in kit.parse(text).reported] != ["which critics"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Intro.\n\nThe man was held in Varsk on Monday, police said.", "anon_police"),
        ("Intro.\n\nNorvo bonds fell sharply, the analysts said.", "anon_analysts"),
    ],
)
def test_a_group_in_lower_case_that_speaks_after_a_comma_is_an_anonymous_source(text: str, actor: str) -> None:
    art = kit.parse(text)
    assert [a.id for a in art.actors if a.kind == "anonymous"] == [actor]
    assert [r.speaker for r in art.reported] == [actor]


def test_a_group_in_a_relative_clause_is_no_anonymous_source() -> None:
    assert kit.parse("Intro.\n\nThe plan, which critics said was costly, passed.").actors == ()


def test_a_relative_that_inside_what_was_said_does_not_cut_it() -> None:
    text = "Intro.\n\nIvo Marsk said he would not join any coalition that included the Norvo Front."
    [r] = kit.parse(text).reported
    assert text[r.start : r.end] == "he would not join any coalition that included the Norvo Front"
