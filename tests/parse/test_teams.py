"""Teams in sports reports (kit.parse.org_clues): one invented sentence per rule, and what is not a team."""

from __future__ import annotations

import pytest

import kit


def orgs(text: str) -> list[str]:
    return [a.id for a in kit.parse(text).actors if a.kind == "organization"]


def kinds(text: str) -> dict[str, str]:
    return {a.id: a.kind for a in kit.parse(text).actors}


RESULT = "Kestrel beat Norvo 2-1 on Sunday. "


# ---- a team word that opens a sentence, and more team words ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "team"),
    [
        (RESULT + "Second-placed Tarvo were held at home.", "tarvo"),
        (RESULT + "Holders Tarvo were held at home.", "tarvo"),
        (RESULT + "Newcomers Dinvo lost 1-0 to newly-promoted Zentrix.", "dinvo"),
        (RESULT + "They lost 1-0 to newly-promoted Zentrix.", "zentrix"),
        (RESULT + "They went down to league pacesetters Metzberg.", "metzberg"),
        (RESULT + "Last year's beaten finalists Metzberg went out.", "metzberg"),
        (RESULT + "They were beaten by newly relegated Zentrix.", "zentrix"),
    ],
)
def test_team_words_in_results(text, team):
    assert team in orgs(text)


def test_a_team_word_that_opens_a_sentence_is_not_part_of_the_name():
    ids = orgs(RESULT + "Newcomers Dinvo lost 1-0.")
    assert "dinvo" in ids and "newcomers_dinvo" not in ids


def test_team_words_open_no_team_outside_a_results_report_nor_before_a_person():
    assert orgs("Second-placed Tarvo were held at home.") == []
    k = kinds(RESULT + "Holders Ivo Marsk and Ann Lee drew.")
    assert k.get("ann_lee") == "person" and "ivo_marsk" not in {i for i, v in k.items() if v == "organization"}


# ---- a city named as a team ---------------------------------------------------------------------------
def test_a_city_whose_name_holds_a_given_name_is_a_team_in_a_results_report():
    assert "san_jose" in orgs(RESULT + "First-place San Jose has won seven of its last eight games.")


def test_a_city_whose_name_holds_a_given_name_is_no_team_elsewhere():
    k = kinds("In San Jose, Ann Lee said the first-place team had won. Jose Ramos spoke.")
    assert "san_jose" not in k and k.get("jose_ramos") == "person"


def test_a_club_named_with_a_capital_city_last():
    assert orgs("Kestrel beat Dinvo Ottawa 2-0 on Sunday.") == ["dinvo_ottawa"]
    assert "dinvo_ottawa" not in orgs("Dinvo Ottawa said profits rose.")


# ---- names joined to a team ---------------------------------------------------------------------------
def test_names_joined_to_a_team_are_teams():
    ids = orgs(RESULT + "Title hopefuls Tarvo and Dinvo, Metzberg and Zentrix lost.")
    assert {"tarvo", "dinvo", "metzberg", "zentrix"} <= set(ids)
    assert "dinvo" in orgs(RESULT + "Ann Lee played for Dinvo and Tarvo.")


def test_names_joined_are_no_teams_outside_a_results_report_nor_people():
    assert orgs("Shares of Tarvo and Dinvo rose after Zentrix and Metzberg reported.") == []
    k = kinds(RESULT + "Holders Tarvo and Ivo Marsk drew. Striker Ivo and Tarvo's keeper scored.")
    assert k.get("ivo_marsk") != "organization" and k.get("ivo") != "organization"


# ---- a team that opens a sentence and acts as one -----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "team"),
    [
        (RESULT + "Tarvo are set to step up their challenge after Ann Lee joined Tarvo.", "tarvo"),
        (RESULT + "Tarvo rekindled their hopes. Ann Lee left Tarvo in May.", "tarvo"),
        (RESULT + "Winnipeg has won six of its last ten games.", "winnipeg"),
        (RESULT + "Winnipeg won its fifth straight game.", "winnipeg"),
        (RESULT + "Winnipeg were held to a draw.", "winnipeg"),
    ],
)
def test_a_team_that_opens_a_sentence_and_acts_as_one(text, team):
    assert team in orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Winnipeg has won praise for its parks. Tarvo are set to grow, Ann Lee said of Tarvo.",  # no results report
        RESULT + "Marsk has won six of his last ten matches.",  # a person: "has won" only makes a place a team
        RESULT + "Officials were glad. Norland are the favourites.",  # a common word, a country
        RESULT + "Tarvo are set to step up.",  # one word, capitalised only where it opens the sentence
    ],
)
def test_what_acts_but_is_no_team(text):
    assert set(orgs(text)) <= {"norvo"}


# ---- more words around a team -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "team"),
    [
        (RESULT + "The Comets have beaten the Rovers twice this year.", "rovers"),
        (RESULT + "Tarvo upstaged Dinvo 1-0.", "dinvo"),
        (RESULT + "Their 4-0 demolition of Zentrix was a record.", "zentrix"),
        (RESULT + "He is a bright spot for the last-place Comets.", "comets"),
        (RESULT + "The Comets took the lead in the second inning.", "comets"),
        (RESULT + "A single gave the Comets their third straight win.", "comets"),
        (RESULT + "A homer lifted the Comets to a 9-5 win.", "comets"),
        (RESULT + "Ann Lee joined the Winnipeg Comets, and Winnipeg Comets fans cheered Lee.", "winnipeg_comets"),
    ],
)
def test_more_words_around_a_team(text, team):
    assert team in orgs(text)


def test_the_plural_is_no_team_outside_a_results_report():
    assert orgs("The Comets took the lead in the poll. A single gave the Rovers their hope.") == []


# ---- a team before a word of the team ("the Kestrel pair of", "his Kestrel debut") ---------------------
@pytest.mark.parametrize(
    ("text", "team"),
    [
        (RESULT + "The Tarvo pair of Ivo Marsk and Ann Lee will miss the game.", "tarvo"),
        (RESULT + "He will do without the Tarvo trio of Ivo Marsk, Ann Lee and Bo Ray.", "tarvo"),
        (RESULT + "Ivo Marsk earned the win in his Tarvo debut.", "tarvo"),
        (RESULT + "Ivo Marsk ended his Tarvo career on Sunday.", "tarvo"),
        (RESULT + "Ivo Marsk scored three points for the Winnipeg side.", "winnipeg"),
        (RESULT + "Australian Dinvo rider Bo Ray won the race.", "dinvo"),
    ],
)
def test_a_team_before_a_word_of_the_team(text, team):
    assert team in orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Tarvo pair of Ivo Marsk and Ann Lee will sing. Ivo Marsk ended his Tarvo career.",  # no results report
        RESULT + "Ivo Marsk joined the Olympic team and the National squad.",  # adjectives
        RESULT + "The Norway captain and the Ann Lee fans cheered.",  # a country, a person
    ],
)
def test_what_comes_before_a_word_of_the_team_and_is_no_team(text):
    assert set(orgs(text)) <= {"norvo"}


# ---- a results line ------------------------------------------------------------------------------------
def test_a_results_line_names_two_teams():
    art = kit.parse(
        "Results of matches on Friday.\n\nTarvo 0 Dinvo City 3\n\nKestrel 2 Norvo 1\n\nAnn Lee 68 Bo Ray 70"
    )
    assert [a.id for a in art.actors if a.kind == "organization"] == ["tarvo", "dinvo_city", "kestrel", "norvo"]
    assert {"ann_lee", "bo_ray"} <= {a.id for a in art.actors if a.kind == "person"}


# ---- a plural team word before a name of any words; a team's player at a sentence's start -------------
def test_a_name_of_any_words_after_a_plural_team_word():
    assert "tarvo_zentrix" in orgs(RESULT + "League leaders Tarvo Zentrix said they would appeal.")
    assert "ivo_marsk" not in orgs(RESULT + "Champions Ivo Marsk and Ann Lee said they would appeal.")


def test_a_possessive_before_a_player_at_a_sentence_start():
    assert "tarvo" in orgs(RESULT + "\n\nTarvo's Ann Lee, who scored twice, returns.")
    assert "tarvo" not in orgs("Talks resumed.\n\nTarvo's Ann Lee, who spoke twice, returns.")


# ---- what makes a text a sports report ------------------------------------------------------------------
def test_sport_words_make_a_sports_report_without_a_score():
    text = "SOCCER - MARSK SIGNS.\n\nTarvo's Ann Lee joined the squad before the match. The soccer season opens soon."
    assert "tarvo" in orgs(text)
    assert "tarvo" not in orgs("Tarvo's Ann Lee joined the board before the vote. The arms race goes on.")


# ---- a team's player named by surname; a driver's make; a win given to a team -------------------------
def test_a_possessive_before_a_player_named_by_surname():
    text = RESULT + "Rider Ivo Marsk led early.\n\nTarvo's Marsk was caught on the last lap."
    assert "tarvo" in orgs(text)
    assert "tarvo" not in orgs("Rider Ivo Marsk led early.\n\nTarvo's Marsk was caught by the police.")


@pytest.mark.parametrize(
    ("text", "team"),
    [
        (RESULT + "Ivo Marsk finished third in his Tarvo.", "tarvo"),
        (RESULT + "Ivo Marsk was runner-up in his Tarvo as rain fell.", "tarvo"),
        (RESULT + "Ann Lee rolled her Dinvo into a ditch.", "dinvo"),
        (RESULT + "A late goal gave Zentrix a 2-1 victory.", "zentrix"),
        (RESULT + "The win gave Zentrix 10 points from four games.", "zentrix"),
        (RESULT + "A single lifted Winnipeg into a 1-1 tie.", "winnipeg"),
        (RESULT + "Ivo Marsk gave Zentrix the lead after ten minutes.", "zentrix"),
        (RESULT + "A late goal was enough to hand Zentrix their third successive defeat.", "zentrix"),
        (RESULT + "Their 3-0 weekend defeat of Zentrix was overturned.", "zentrix"),
        (RESULT + "In-form Ottawa St Tarvo, who beat Dinvo 1-0, are second.", "ottawa_st_tarvo"),
    ],
)
def test_a_drivers_make_and_a_win_given_to_a_team(text, team):
    assert team in orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        RESULT + "He was resting in his Winnipeg apartment. She spoke in her Olympic blazer.",
        RESULT + "The coach gave Ivo Marsk a new contract. It gave Marsk hope.",
        "Ivo Marsk finished third in his Tarvo. A late vote gave Zentrix a narrow victory.",  # no results report
    ],
)
def test_what_follows_his_or_a_given_win_and_is_no_team(text):
    assert set(orgs(text)) <= {"norvo"}


# ---- what a team has; a team of two words acting; a results headline -----------------------------------
@pytest.mark.parametrize(
    ("text", "team"),
    [
        (RESULT + "A double extended Zentrix's lead to 9-7.", "zentrix"),
        (RESULT + "Tarvo brought Zentrix's 100 percent record to an end.", "zentrix"),
        (RESULT + "The win ended Zentrix's seven-year reign.", "zentrix"),
    ],
)
def test_what_a_team_has(text, team):
    assert team in orgs(text)


def test_what_a_player_the_text_names_has_is_no_team():
    text = RESULT + "Ivo Marsk won in straight sets.\n\nIt was Marsk's sixth victory in a row, a record."
    assert "marsk" not in orgs(text) and kinds(text).get("ivo_marsk") == "person"


def test_a_team_of_two_words_that_opens_a_sentence_and_acts_as_one():
    assert "tarvo_zentrix" in orgs(RESULT + "Tarvo Zentrix completed their first double.")
    assert "ivo_marsk" not in orgs(RESULT + "Ivo Marsk completed their first double.")


def test_a_results_headline_in_capitals_names_two_teams():
    text = "BASKETBALL - TARVO BEAT RED KESTREL 71-57.\n\nRed Kestrel lost for the first time this season."
    assert orgs(text) == ["tarvo", "red_kestrel"]
    assert orgs("POLITICS - TARVO BEAT RED KESTREL.\n\nThe vote was close.") == []  # no results report


def test_words_of_other_news_do_not_make_a_sports_report_but_a_sport_named_in_the_lead_does():
    from kit.parse.org_clues import sports_report

    politics = (
        "The final vote of the season came as the party tried to match its rivals. "
        "The campaign captain said the champion of reform would finally win the match."
    )
    assert not sports_report(politics)
    assert sports_report("TENNIS - MARSK WINS IN NORHAVEN.\n\nIvo Marsk won on Sunday.")


# ---- a club before its country in brackets; a club opening a sentence before a role and a player ------------
def test_one_word_names_before_their_country_in_brackets_are_clubs():
    text = RESULT + "Zentrix (Portugal), Dinvo (Romania) and Vesko (Greece) also play. Ivo Marsk (Norway) won."
    assert {"zentrix", "dinvo", "vesko"} <= set(orgs(text))
    assert kinds(text)["ivo_marsk"] == "person"


def test_a_club_opening_a_sentence_before_a_role_and_a_players_name():
    text = RESULT + "Zentrix defender John Vole is hurt. Veteran striker Ann Lee is fit. Two-try winger Bo Ray is out."
    assert set(orgs(text)) == {"norvo", "zentrix"}
    assert kinds(text)["john_vole"] == "person"


def test_a_team_after_a_title_is_still_a_team():
    text = RESULT + "The reigning champion Winnipeg Kestrels signed a new pitcher on Friday."
    assert kinds(text)["winnipeg_kestrels"] == "organization"


@pytest.mark.parametrize(
    ("text", "team"),
    [
        (RESULT + "They called up Ron Vole, a first baseman at Double-A Greenville.", "greenville"),
        (RESULT + "Ivo Marsk, promoted from Triple-A Columbus on Wednesday, pitched well.", "columbus"),
        (RESULT + "Ann Lee hit his 21st homer for Zentrix.", "zentrix"),
    ],
)
def test_a_minor_league_club_and_the_club_a_homer_is_hit_for(text, team):
    assert team in orgs(text)


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("The Night Owls played in front of a small crowd.", "Night Owls"),
        ("Last week the Kestrels beat the Norvo Tigers.", "Kestrels"),
        ("Hartfield drew with Rovers on Saturday.", "Rovers"),
    ],
)
def test_a_team_in_a_text_that_reports_no_score(text: str, team: str) -> None:
    assert (team, "organization") in [(a.name, a.kind) for a in kit.parse(text).actors]


@pytest.mark.parametrize(
    "text",
    [
        "The Marsks won the lottery.",
        "Tom Moss spoke. The Mosses played golf.",
        "The Americans played well.",
        "The Tarsks played cards until midnight.",
        "The Dorns played golf on Sunday.",  # ("golf" makes the text a sports report)
        "The Vellanders played host to the Dorns.",
    ],
)
def test_a_family_or_a_people_that_wins_or_plays_is_no_team(text: str) -> None:
    assert "organization" not in [a.kind for a in kit.parse(text).actors]


def test_organisation_clues_are_the_same_whether_paragraphs_end_lines_or_not():
    # paragraphs that start and end lines are read from one scan of the whole text; others one by one
    from kit.parse.gazetteer import gazetteer
    from kit.parse.org_clues import find_org_clues

    lines = [
        "Zentrix shares fell 2 percent, the Norvo Ledger newspaper reported.",
        "The Kestrels beat the Norhaven Comets 3-1, and Ivo Marsk's NYFEX said on Monday it would cut jobs.",
        "Tom Moss (Vesko) said the piston maker Tarvo Cables lost 22.7 to 597.",
    ]
    lined = "\n".join(lines)
    spans, at = [], 0
    for line in lines:
        spans.append((at, at + len(line)))
        at += len(line) + 1
    padded = "\n".join(line + " " for line in lines)  # each paragraph ends before a blank, not a line end
    padded_spans = [(s + i, e + i) for i, (s, e) in enumerate(spans)]
    found = find_org_clues(lined, spans, gazetteer())
    found_padded = find_org_clues(padded, padded_spans, gazetteer())
    assert found
    assert [(name, padded[at : at + len(name)], forms) for name, at, forms in found_padded] == [
        (name, lined[at : at + len(name)], forms) for name, at, forms in found
    ]


def test_a_two_word_name_after_a_score_and_a_team_word_is_a_team():
    art = kit.parse("Kestrel opened the season with a 1-0 win over Tarvo Dornik on Sunday. The league was tight.")
    assert {a.id: a.kind for a in art.actors}.get("tarvo_dornik") == "organization"


def test_a_player_beaten_after_a_score_stays_a_person():
    art = kit.parse("Ann Vell reached the final with a 6-3 6-4 win over Ivo Marsk on Sunday.")
    assert {a.id: a.kind for a in art.actors}.get("ivo_marsk") == "person"


def test_a_two_word_name_after_a_sets_scores_is_no_team():
    art = kit.parse("Ann Vell reached the final with a 6-3 6-4 win over Yone Tarvo on Sunday.")
    assert "yone_tarvo" not in {a.id for a in art.actors if a.kind == "organization"}


@pytest.mark.parametrize(
    "text",
    [
        RESULT + "Holders Vesko St Ivo were held at home.",
        "Result of a first division match on Friday.\n\nTarvo 0 Vesko St Ivo 0",
    ],
)
def test_a_team_name_may_hold_a_given_name_after_its_first_word(text):
    assert "vesko_st_ivo" in orgs(text)


def test_a_name_a_given_name_opens_is_no_team_by_a_result_alone():
    assert kinds(RESULT + "Kestrel beat Ivo Marsk 1-0 in the final.").get("ivo_marsk") == "person"


def test_a_signing_is_a_teams():
    assert "tarvo" in orgs(RESULT + "The striker is Tarvo's sixth new signing this year.")


@pytest.mark.parametrize(
    "text",
    [
        "Ada Vell needed two hours to get past Yone Tarvo 6-2 6-3 on Tuesday.",
        "Ada Vell lost to Yone Tarvo 7-6 (7-5) 6-4 in the final of the Norvo Open.",
        "Ada Vell beat Yone Tarvo 6-1 3-6 6-4 to reach the final.",
    ],
)
def test_a_name_scored_set_by_set_is_a_player(text):
    actors = {a.name: a.kind for a in kit.parse(text).actors}
    assert actors["Yone Tarvo"] == "person"


def test_one_score_after_a_name_still_makes_a_team():
    actors = {a.name: a.kind for a in kit.parse("Norvo beat Kestrel Rovers 2-1 on Sunday.").actors}
    assert actors["Kestrel Rovers"] == "organization"
