"""Case files: the reference coding, validation messages (file:line: field: problem; hint), drafts."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit
from kit import CaseError
from kit.case.load import case_from_article, draft_case, load_case, load_reference_case
from kit.case.merge import alias_pattern, extra_mentions
from kit.case.yamlfile import fold
from kit.parse.article import bundled_article_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "cases"
REFERENCE = Path(kit.__file__).parent / "data" / "reference_case.yaml"

HEADER = """\
title: A test case
article: article.txt
actors:
  - id: jane_doe
    name: Jane Doe
    kind: person
  - id: freedonia
    name: Freedonia
    kind: state
positions:
  - id: no_troops
    label: No troops
"""


def write_case(tmp_path: Path, body: str, *, header: str = HEADER) -> Path:
    """A case file (header + body) next to a copy of the fixture article."""
    shutil.copy(FIXTURES / "article.txt", tmp_path / "article.txt")
    path = tmp_path / "case.yaml"
    path.write_text(header + textwrap.dedent(body), encoding="utf-8")
    return path


def problems_of(path: Path) -> tuple[str, ...]:
    with pytest.raises(CaseError) as info:
        load_case(path)
    assert info.value.problems, "a CaseError from a case file lists its problems"
    return info.value.problems


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line containing ``needle``."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {path}")


def only(problems: tuple[str, ...], field: str) -> str:
    hits = [p for p in problems if f": {field}: " in p]
    assert len(hits) == 1, f"expected one problem on {field}, got {problems}"
    return hits[0]


STANCE = """\
stances:
  - actor: jane_doe
    position: no_troops
    value: {value}
    evidence: "{evidence}"
    type: {type}
"""


def stance(value: str = "support", evidence: str = "We will not send troops", type: str = "direct") -> str:
    return STANCE.format(value=value, evidence=evidence, type=type)


# --- the reference case -----------------------------------------------------


def test_reference_case_validates_and_is_labelled_hand_coded():
    case = load_case()
    assert "hand-coded" in case.title.lower()
    assert REFERENCE.read_text(encoding="utf-8").startswith("# HAND-CODED")
    assert len(case.positions) >= 9 and len(case.stances) >= 15
    assert load_case() is case  # cached: records are frozen


def test_reference_case_file_checks_through_the_public_path():
    case = load_case(REFERENCE)
    assert len(case.stances) == len(load_case().stances)


def test_every_reference_evidence_is_verbatim_in_the_article():
    text = kit.load_article().text
    data = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    excerpts = [s["evidence"] for s in data["stances"]] + [g["evidence"] for g in data["groups"] if g.get("evidence")]
    missing = [e for e in excerpts if e not in text]  # exact: curly quotes as in the article
    assert not missing
    for s in load_case().stances:
        assert text[s.start : s.end] == s.evidence


def test_reference_positions_cover_the_brief():
    ids = {p.id for p in load_case().positions}
    assert ids >= {
        "air_strikes",
        "no_ground_troops",
        "train_equip",
        "foreign_fighters",
        "airlifts",
        "finances",
        "ideology",
        "political_strategy",
        "cautious_approach",
    }


def test_reference_judgement_calls():
    case = load_case()
    coded = {(s.actor, s.position): s for s in case.stances}
    assert coded["john_kerry", "no_ground_troops"].evidence_type == "direct"
    assert coded["frank_walter_steinmeier", "air_strikes"].value == "conditional"
    assert coded["frank_walter_steinmeier", "political_strategy"].value == "support"
    assert coded["philip_hammond", "air_strikes"].value == "undecided"
    assert coded["anon_british_official", "cautious_approach"].evidence_type == "anonymous"
    assert coded["nato", "airlifts"].note  # "may": a judgement call, explained


def test_core_group_members_are_actors_and_nato_excludes_australia():
    case = load_case()
    groups = {g.id: g for g in case.groups}
    actor_ids = {a.id for a in case.actors}
    core = groups["core_group"]
    assert len(core.members) == 10 and set(core.members) <= actor_ids
    assert "australia" in core.members and "australia" not in groups["nato"].members
    assert set(groups["nato"].members) == set(core.members) - {"australia"}
    assert groups["nato"].basis == "background" and groups["nato"].source
    assert set(groups["extended_coalition"].members) > set(core.members)
    assert case.actor("australia").member_of[0] == "core_group"
    assert "nato" not in case.actor("australia").member_of
    assert "nato" in case.actor("canada").member_of


def test_reference_case_adds_obama_and_refines_countries():
    case = load_case()
    obama = case.actor("barack_obama")
    assert (obama.kind, obama.role, obama.country) == ("person", "President", "united_states")
    assert case.actor("john_kerry").country == "united_states"
    assert case.actor("chuck_hagel").country == "united_states"


def test_extra_aliases_become_mentions():
    case = load_case()
    text = case.article.text
    found = {(m.actor, text[m.start : m.end]) for m in case.extra_mentions}
    assert ("islamic_state", "Sunni militants") in found
    assert ("islamic_state", "the Sunni militant group") in found
    assert ("barack_obama", "Obama") in found
    assert ("iraqi_government", "a new iraqi government") in {(a, t.lower()) for a, t in found}
    assert ("iraqs_neighbors", "Iraq’s neighbors") in found
    parsed = [(m.start, m.end) for m in case.article.mentions]
    for m in case.extra_mentions:  # never crossing, inside or equal to a parsed mention; may contain one
        for s, e in parsed:
            if s < m.end and m.start < e:
                assert m.start <= s and e <= m.end and (s, e) != (m.start, m.end)
    # the contained state mention stays: "Iraqi" in "a new Iraqi government" still names Iraq
    gov = next(m for m in case.extra_mentions if m.actor == "iraqi_government")
    assert any(m.actor == "iraq" and gov.start <= m.start < gov.end for m in case.article.mentions)
    assert len(case.mentions) == len(case.article.mentions) + len(case.extra_mentions)


def test_uncached_loader_builds_an_equal_case():
    assert load_reference_case().stances == load_case().stances


# --- small cases --------------------------------------------------------------


def test_good_fixture_loads_with_offsets_groups_and_aliases():
    case = load_case(FIXTURES / "good.yaml")
    assert case.title == "The alliance against the Red Hand"
    s = {(s.actor, s.position): s for s in case.stances}["jane_doe", "no_troops"]
    # a straight apostrophe in the case file matches the article's curly one
    assert case.article.text[s.start : s.end] == "We will not send troops, but we\u2019ll help"
    assert case.actor("freedonia").member_of == ("alliance", "neighbours")
    texts = {(m.actor, case.article.text[m.start : m.end]) for m in case.extra_mentions}
    assert ("red_hand", "The militants") in texts


def test_bare_article_case():
    case = load_case(FIXTURES / "bare.txt")
    assert case.positions == () and case.stances == () and case.groups == ()
    assert case.actors == case.article.actors
    assert case.article.text.startswith("Prime Minister Jane Doe")
    assert case_from_article(case.article).actors == case.actors


def test_missing_case_file_names_it():
    with pytest.raises(CaseError, match=r"nope/case\.yaml: no such file"):
        load_case("nope/case.yaml")


def test_all_problems_are_reported_at_once():
    problems = problems_of(FIXTURES / "broken_many.yaml")
    assert len(problems) == 6
    assert all(p.startswith(str(FIXTURES / "broken_many.yaml") + ":") for p in problems)
    assert "did you mean jane_doe?" in only(problems, "stances[0].actor")


# --- one test per kind of problem --------------------------------------------


def test_value_off_the_scale(tmp_path):
    path = write_case(tmp_path, stance(value="maybe"))
    msg = only(problems_of(path), "stances[0].value")
    assert msg == (
        f"{path}:{line_of(path, 'maybe')}: stances[0].value: 'maybe' is not on the scale; "
        "use one of support, oppose, conditional, undecided"
    )


def test_evidence_type_off_the_list(tmp_path):
    path = write_case(tmp_path, stance(type="quoted"))
    msg = only(problems_of(path), "stances[0].type")
    assert msg.startswith(f"{path}:{line_of(path, 'type: quoted')}:")
    assert "direct, reported, narration, anonymous" in msg


def test_unknown_actor_in_a_stance_suggests_the_closest(tmp_path):
    path = write_case(tmp_path, stance().replace("actor: jane_doe", "actor: jane_dough"))
    msg = only(problems_of(path), "stances[0].actor")
    assert msg.startswith(f"{path}:{line_of(path, 'jane_dough')}:") and "did you mean jane_doe?" in msg


def test_unknown_actor_entry_needs_name_and_kind(tmp_path):
    path = write_case(tmp_path, "", header=HEADER.replace("positions:", "  - id: freedonian_army\npositions:"))
    msg = only(problems_of(path), "actors[2].id")
    assert msg.startswith(f"{path}:{line_of(path, 'freedonian_army')}:")
    assert "give it a name and a kind" in msg


def test_unknown_position_id(tmp_path):
    path = write_case(tmp_path, stance().replace("position: no_troops", "position: no_troop"))
    msg = only(problems_of(path), "stances[0].position")
    assert msg.startswith(f"{path}:{line_of(path, 'position: no_troop')}:")
    assert "did you mean no_troops?" in msg


def test_duplicate_ids(tmp_path):
    body = HEADER.replace("positions:", "  - id: jane_doe\n    role: Premier\npositions:") + textwrap.dedent("""\
      - id: no_troops
        label: Again
    groups:
      - id: g
        name: G
        members: [freedonia]
        basis: background
        source: atlas
      - id: g
        name: G again
        members: [jane_doe]
        basis: background
        source: atlas
    """)
    path = write_case(tmp_path, "", header=body)
    problems = problems_of(path)
    assert "duplicate actor id 'jane_doe' (first on line 4)" in only(problems, "actors[2].id")
    assert "duplicate position id 'no_troops'" in only(problems, "positions[1].id")
    assert "duplicate group id 'g'" in only(problems, "groups[1].id")


def test_duplicate_stance(tmp_path):
    twice = stance() + stance().replace("stances:\n", "")
    path = write_case(tmp_path, twice)
    msg = only(problems_of(path), "stances[1]")
    assert "duplicate stance: jane_doe on no_troops is already coded on line" in msg
    assert msg.startswith(f"{path}:{line_of(path, 'stances:') + 4 + 1 + 1}:")  # second "- actor:" line


def test_evidence_not_verbatim_shows_the_closest_passage(tmp_path):
    path = write_case(tmp_path, stance(evidence="We will never send troops"))
    msg = only(problems_of(path), "stances[0].evidence")
    assert msg.startswith(f"{path}:{line_of(path, 'never send')}:")
    assert "does not occur verbatim" in msg
    assert "closest passage (¶2)" in msg and "We will not send troops" in msg


def test_group_member_not_an_actor_and_background_without_source(tmp_path):
    path = write_case(
        tmp_path,
        """\
    groups:
      - id: alliance
        name: The alliance
        members: [freedonia, sylvnia]
        basis: background
    """,
    )
    problems = problems_of(path)
    member = only(problems, "groups[0].members[1]")
    assert "'sylvnia' is not an actor" in member
    assert "needs a 'source'" in only(problems, "groups[0]")


def test_article_group_needs_verbatim_evidence(tmp_path):
    path = write_case(
        tmp_path,
        """\
    groups:
      - id: alliance
        name: The alliance
        members: [freedonia]
        basis: article
        evidence: "The alliance is Freedonia"
    """,
    )
    msg = only(problems_of(path), "groups[0].evidence")
    assert "closest passage" in msg and "The alliance includes Freedonia" in msg


def test_missing_required_fields(tmp_path):
    path = write_case(
        tmp_path,
        """\
    stances:
      - actor: jane_doe
        position: no_troops
        value: support
    """,
    )
    problems = problems_of(path)
    missing = [p for p in problems if ": stances[0]: missing required field" in p]
    assert {p.split("'")[1] for p in missing} == {"evidence", "type"}
    assert all(p.startswith(f"{path}:{line_of(path, 'actor: jane_doe')}:") for p in missing)


def test_wrong_type_string_where_a_list_is_expected(tmp_path):
    path = write_case(
        tmp_path,
        """\
    groups:
      - id: alliance
        name: The alliance
        members: freedonia
        basis: background
        source: atlas
    """,
    )
    msg = only(problems_of(path), "groups[0].members")
    assert msg.startswith(f"{path}:{line_of(path, 'members: freedonia')}:")
    assert "expected a list" in msg and "[freedonia]" in msg


def test_yes_is_not_text(tmp_path):
    path = write_case(tmp_path, stance(value="yes").replace('"We will', '"We will'))
    msg = only(problems_of(path), "stances[0].value")
    assert "expected text, got true" in msg and "quotes" in msg


def test_unknown_field_suggests_the_right_name(tmp_path):
    path = write_case(tmp_path, stance().replace("    type: direct", "    tpye: direct"))
    problems = problems_of(path)
    assert "did you mean type?" in only(problems, "stances[0].tpye")
    assert any("missing required field 'type'" in p for p in problems)


def test_bad_actor_kind_and_country(tmp_path):
    body = HEADER.replace("    kind: state\n", "    kind: country\n    country: narnia\n")
    path = write_case(tmp_path, "", header=body)
    problems = problems_of(path)
    assert "use one of person, state" in only(problems, "actors[1].kind")
    assert "'narnia' is not an actor id" in only(problems, "actors[1].country")


def test_duplicate_yaml_key(tmp_path):
    path = write_case(tmp_path, "title: Twice\n")
    msg = only(problems_of(path), "title")
    assert f"appears twice (lines 1 and {line_of(path, 'Twice')})" in msg


def test_missing_article_file(tmp_path):
    problems = problems_of(FIXTURES / "missing_article.yaml")
    msg = only(problems, "article")
    assert msg.startswith(f"{FIXTURES / 'missing_article.yaml'}:2:")
    assert "'no_such_article.txt' not found" in msg and "relative to the case file" in msg


def test_yaml_syntax_error_gives_line_and_column(tmp_path):
    problems = problems_of(FIXTURES / "syntax_error.yaml")
    assert len(problems) == 1
    assert problems[0].startswith(f"{FIXTURES / 'syntax_error.yaml'}:6:1: YAML syntax error")
    assert "starts on line 5" in problems[0]


def test_yaml_mapping_error_points_at_the_colon(tmp_path):
    path = write_case(tmp_path, "title: Note: colons need quotes\n")
    (problem,) = problems_of(path)
    assert f":{line_of(path, 'Note: colons')}:" in problem and "in quotes" in problem


def test_unsafe_yaml_tags_are_refused(tmp_path):
    path = write_case(tmp_path, "note: !!python/object/apply:os.system ['echo unsafe']\n")
    (problem,) = problems_of(path)
    assert "YAML syntax error" in problem and "python/object" in problem


def test_not_a_mapping(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(CaseError, match=r"case\.yaml:1: expected a mapping"):
        load_case(path)


# --- aliases and mentions -------------------------------------------------------


def test_alias_pattern_word_boundaries_case_and_possessives():
    text = "This is IS. Obama\u2019s plan; Obamacare; the Sunni group. The Sunni group"
    assert [m.group() for m in alias_pattern("IS").finditer(text)] == ["IS"]
    assert [m.group() for m in alias_pattern("Obama").finditer(text)] == ["Obama"]
    assert len(alias_pattern("the Sunni group").findall(text)) == 2
    assert alias_pattern("Obama's plan").search(text)


def test_extra_mentions_skip_parsed_mentions_and_prefer_longer_aliases():
    art = kit.parse("The Sunni militants attacked. Sunni militants fled.")
    taken = kit.Mention("x", 15, 25)  # pretend the parser found "tants atta", crossing every alias in sentence 1
    art = art.__class__(**{**art.__dict__, "mentions": (taken,)})
    found = extra_mentions(art, {"islamic_state": ("Sunni militants", "militants", "the Sunni militants")})
    # first sentence: every alias crosses the parsed mention; second: the longest alias wins, once
    assert [(art.text[m.start : m.end], m.start) for m in found] == [("Sunni militants", 30)]
    # an alias may contain a parsed mention whole (the parsed one stays)
    inner = kit.Mention("x", 4, 9)  # "Sunni"
    art = art.__class__(**{**art.__dict__, "mentions": (inner,)})
    found = extra_mentions(art, {"islamic_state": ("Sunni militants",)})
    assert [(m.start, m.end) for m in found] == [(4, 19), (30, 45)]
    # but never repeat a parsed mention exactly
    same = kit.Mention("x", 4, 19)
    art = art.__class__(**{**art.__dict__, "mentions": (same,)})
    assert [(m.start, m.end) for m in extra_mentions(art, {"islamic_state": ("Sunni militants",)})] == [(30, 45)]


def test_fold_maps_back_to_the_original_offsets():
    folded, where = fold("a \u201cb\u201d\u2026  c")
    assert folded == 'a "b"... c'
    assert len(where) == len(folded) and where[-1] == 8


# --- drafts ---------------------------------------------------------------------


def test_untouched_draft_of_the_fixture_passes_the_check(tmp_path):
    article = kit.load_article(FIXTURES / "article.txt")
    text = draft_case(article)
    shutil.copy(FIXTURES / "article.txt", tmp_path / "article.txt")
    (tmp_path / "draft.yaml").write_text(text, encoding="utf-8")
    case = load_case(tmp_path / "draft.yaml")
    assert [p.id for p in case.positions] == ["example_position"]
    assert {a.id for a in case.actors} == {a.id for a in article.actors}


def test_untouched_draft_of_the_bundled_article_passes_the_check(tmp_path):
    article = kit.load_article()
    text = draft_case(article, article_path="news/article.txt")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "article.txt").write_text(bundled_article_text(), encoding="utf-8")
    (tmp_path / "draft.yaml").write_text(text, encoding="utf-8")
    case = load_case(tmp_path / "draft.yaml")
    assert len(case.stances) == 1 and case.stances[0].position == "example_position"
    assert "# ¶4 john_kerry: \u201cWe need to attack" in text
    assert {a.id for a in article.actors} <= {a.id for a in case.actors}


def test_draft_of_a_text_without_actors_is_valid(tmp_path):
    (tmp_path / "article.txt").write_text("nothing here happens at all.\n", encoding="utf-8")
    text = draft_case(kit.load_article(tmp_path / "article.txt"))
    (tmp_path / "draft.yaml").write_text(text, encoding="utf-8")
    case = load_case(tmp_path / "draft.yaml")
    assert case.stances == ()


def test_new_actor_needs_a_snake_case_id_and_a_kind(tmp_path):
    body = HEADER.replace(
        "positions:",
        "  - id: Red Hand\n    name: The Red Hand\n    kind: group\n  - id: roe\n    name: John Roe\npositions:",
    )
    path = write_case(tmp_path, "", header=body)
    problems = problems_of(path)
    assert "write it like 'red_hand'" in only(problems, "actors[2].id")
    assert "a new actor needs kind" in only(problems, "actors[3]")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "Prime Minister Jane Doe said",
                "“We will act: now # or never,”",
                "Doe told reporters.",
                "NATO",
                "yes",
                "no",
                "Foreign Minister John Roe",
                "\n",
                "\n\n",
                " ",
                "'",
                '"',
                "said: “",
                "”",
                "a British official said",
                "Britain",
                "IS",
                ":",
                "- ",
                "{",
                "}",
                "[",
                "&x",
                "*y",
                "!!python/object",
                "…",
                "é",
            ]
        ),
        min_size=1,
        max_size=30,
    )
)
def test_any_draft_passes_its_own_check(tmp_path, parts):
    text = "".join(parts)
    if not text.strip():
        return
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    draft = draft_case(kit.load_article(tmp_path / "article.txt"))
    (tmp_path / "draft.yaml").write_text(draft, encoding="utf-8")
    load_case(tmp_path / "draft.yaml")


def test_missing_article_field_and_unknown_top_level_field(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text("title: No article\narticel: article.txt\n", encoding="utf-8")
    problems = problems_of(path)
    assert any(p.startswith(f"{path}:1:") and "missing required field 'article'" in p for p in problems)
    assert "did you mean article?" in only(problems, "articel")


def test_error_message_is_one_summary_line_then_the_problems():
    with pytest.raises(CaseError) as info:
        load_case(FIXTURES / "broken_many.yaml")
    first, *rest = str(info.value).splitlines()
    assert first.endswith("6 problems in the case file; fix them and check again")
    assert rest == [f"  - {p}" for p in info.value.problems]


def test_draft_example_evidence_is_not_cut_at_an_abbreviation() -> None:
    """Issue 19: the draft's example stance stopped at "St." ("If St."); invented text."""
    text = '"If St. Anne\'s closes, we lose everything," said Mary Cole, a nurse.\n'
    draft = kit.draft_case(kit.parse(text))
    assert 'evidence: "If St. Anne\'s closes"' in draft
