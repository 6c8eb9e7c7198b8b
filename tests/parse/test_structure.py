"""Paragraphs, sentences and credits: facts about the parser's output."""

from __future__ import annotations

from pathlib import Path

import pytest

import kit
from kit.parse import structure

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def _sentences(text: str) -> list[str]:
    paras = structure.split_paragraphs(text)
    return [text[s.start : s.end] for s in structure.split_sentences(text, paras)]


def test_bundled_paragraph_kinds():
    art = kit.load_article()
    kinds = [p.kind for p in art.paragraphs]
    assert len(kinds) == 24
    assert kinds[11] == "heading" and art.span(art.paragraphs[11].start, art.paragraphs[11].end) == "STRATEGY SOUGHT"
    assert kinds[22] == "rule"
    assert kinds[23] == "credits"
    assert [i for i, k in enumerate(kinds) if k != "body"] == [11, 22, 23]


def test_bundled_credits():
    c = kit.load_article().credits
    assert c.by == ("Phil Stewart", "Julien Ponthus")
    assert c.additional_reporting == ("Kylie MacLellan", "Sabine Siebold", "Guy Faulconbridge")
    assert c.writing == ("Phil Stewart",)
    assert c.editing == ("Paul Taylor", "Mike Peacock")
    assert c.paragraph == 23


def test_bundled_sentences():
    art = kit.load_article()
    per_para = [sum(1 for s in art.sentences if s.paragraph == p.index) for p in art.paragraphs]
    assert per_para[2] == 2 and per_para[10] == 2 and per_para[14] == 2
    assert per_para[21] == 3  # a three-sentence quote
    assert per_para[22] == 0  # the rule has no sentences
    texts = [art.span(s.start, s.end) for s in art.sentences]
    assert "“Obviously I think that’s a red line for everybody here: no boots on the ground.”" in texts
    # "U.S." and "U.N." inside a sentence do not split it
    assert any(t.startswith("NATO announced") and t.endswith("when they return home.") for t in texts)
    assert any(t.startswith("Kerry said he hoped") and t.endswith("in New York.") for t in texts)
    # the ellipsis followed by "but" does not end the sentence
    assert any("doing… but it needs" in t for t in texts)


def test_paragraph_spans_exclude_whitespace():
    text = "  First para.  \n\n\n   Second\n  wrapped line.  \n"
    paras = structure.split_paragraphs(text)
    assert [text[p.start : p.end] for p in paras] == ["First para.", "Second\n  wrapped line."]


def test_line_mode_vs_blank_line_mode():
    assert len(structure.split_paragraphs("A one.\nB two.\nC three.")) == 3
    assert len(structure.split_paragraphs("A one.\nB two.\n\nC three.")) == 2


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("STRATEGY SOUGHT", "heading"),
        ("U.S. ROLE", "heading"),
        ("NATO SAID NO.", "body"),
        ("___________", "rule"),
        ("-----", "rule"),
        ("— — —", "rule"),
        ("By Jane Doe", "credits"),
        ("By Jane Doe and Li Wei in Beijing", "body"),
        ("(Reporting by Jane Doe; Editing by Tom Ray)", "credits"),
        ("Compiled by Ann Lee. Edited by Bob Stone", "credits"),
        ("By Friday, the ministers had agreed on a plan.", "body"),
        ("By the end of the week the talks had failed.", "body"),
        ("Kerry spoke.", "body"),
    ],
)
def test_paragraph_kind(line, kind):
    text = "Kerry said the talks went well.\n" + line
    assert structure.split_paragraphs(text)[1].kind == kind


def test_credits_variants():
    text = "Body text here.\nReporting by Ann Lee and Bo Chan in Paris; Compiled by Di Fox; Edited by Tom Ray, Jo Fox & Al Kay"
    c = structure.parse_credits(text, structure.split_paragraphs(text))
    assert c.by == ("Ann Lee", "Bo Chan")
    assert c.writing == ("Di Fox",)
    assert c.editing == ("Tom Ray", "Jo Fox", "Al Kay")
    assert c.paragraph == 1


def test_no_credits():
    text = "Kerry said the talks went well."
    c = structure.parse_credits(text, structure.split_paragraphs(text))
    assert c == kit.Credits()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Gen. Jones. They talked.", ["Mr. Smith met Gen. Jones.", "They talked."]),
        ("Sen. Lee and Dr. Ray met J. Smith. He left.", ["Sen. Lee and Dr. Ray met J. Smith.", "He left."]),
        ("The U.S. Army left. The U.N. stayed.", ["The U.S. Army left.", "The U.N. stayed."]),
        ("He flew to the U.S. The talks began.", ["He flew to the U.S.", "The talks began."]),
        ("Talks end Sept. 30. Then a vote.", ["Talks end Sept. 30.", "Then a vote."]),
        ("He said “no.” Then he left.", ["He said “no.”", "Then he left."]),
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        ("“Will you?” she asked.", ["“Will you?” she asked."]),
        ("We waited... and waited. Nothing.", ["We waited... and waited.", "Nothing."]),
        ("We waited… Then it came.", ["We waited…", "Then it came."]),
        ("Prices rose 2.5 percent. Markets fell!", ["Prices rose 2.5 percent.", "Markets fell!"]),
        ("no terminal punctuation", ["no terminal punctuation"]),
    ],
)
def test_sentence_splitting(text, expected):
    assert _sentences(text) == expected


def test_sentences_linear_on_long_paragraph():
    import time

    text = "Mr. Smith met U.S. envoys… and talked. " * 20000
    t0 = time.perf_counter()
    assert len(_sentences(text)) == 20000
    assert time.perf_counter() - t0 < 2.0


def test_fixture_paragraph_kinds():
    art = kit.load_article(FIXTURES / "crlf_bom.txt")
    assert not art.text.startswith("\ufeff") and "\r" not in art.text
    assert [p.kind for p in art.paragraphs] == ["body", "body", "body", "credits"]
    assert art.credits.by == ("Anne Roux",) and art.credits.editing == ("Mark Heinrich",)
    assert art.span(art.paragraphs[1].start, art.paragraphs[1].end).startswith(
        '"We will not stand by while civilians\nare'
    )
    art = kit.load_article(FIXTURES / "pronoun_it.txt")
    assert art.credits.by == ("John Miller", "Sara Lee") and art.credits.paragraph == 4


def test_paused_gc_restores_the_collector():
    import gc

    assert gc.isenabled()
    with pytest.raises(ValueError):
        with structure.paused_gc():
            assert not gc.isenabled()
            raise ValueError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with structure.paused_gc():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()
    kit.parse("Kerry said so.")
    assert gc.isenabled()


def test_a_credits_line_without_a_blank_line_before_it_is_its_own_paragraph() -> None:
    # blank lines split this text, so single line ends are wraps; the credits, on the block's last line,
    # are still credits, and their journalists no actors
    text = (
        "HEADLINE HERE\n\nLONDON - Ivo Marsk said no.\nHe left early.\n"
        "(Additional reporting by Kylie Vell; Editing by Tom Korr and Ada Sen.)"
    )
    art = kit.parse(text)
    assert [p.kind for p in art.paragraphs] == ["heading", "body", "credits"]
    assert art.credits.additional_reporting == ("Kylie Vell",) and art.credits.editing == ("Tom Korr", "Ada Sen")
    assert [a.name for a in art.actors] == ["Ivo Marsk"]
    body = art.paragraphs[1]
    assert text[body.start : body.end] == "LONDON - Ivo Marsk said no.\nHe left early."


SOURCES = (
    "Zentrix cuts jobs\n\nZentrix said on Monday it would cut 300 jobs. “It is a hard day,” said Ivo Marsk.\n\n"
    "Sources\n\n“Zentrix to cut 300 jobs” — Norhaven Herald, May 2, 2014\n\n“Jobs go at Zentrix” — Radio Kestrel"
)


def test_a_sources_list_that_ends_the_text_is_credits_with_no_quotes_or_outlets() -> None:
    # the headlines of the reports a story draws on are no quotations, and their outlets no actors
    art = kit.parse(SOURCES)
    assert [p.kind for p in art.paragraphs] == ["body", "body", "credits", "credits", "credits"]
    assert [q.speaker for q in art.quotes] == ["ivo_marsk"]
    assert {a.name for a in art.actors} == {"Zentrix", "Ivo Marsk"}


def test_a_sources_heading_before_story_paragraphs_is_no_sources_list() -> None:
    story = "Long paragraph of the story, which goes on and on about what happened and why. " * 5
    text = f"Sources\n\n{story}\n\nAnother line."
    assert all(p.kind == "body" for p in kit.parse(text).paragraphs)


def test_a_sources_list_gives_no_journalists() -> None:
    # "by" in a headline of the sources list is no credit: the credits stay those of the credits line
    text = (
        "Zentrix said on Monday it would cut 300 jobs.\n(Reporting by Ann Lee; Editing by Tom Ray)\n\n"
        "Sources\n\n“Job cuts backed by Zentrix” — Norhaven Herald, May 2, 2014"
    )
    credits = kit.parse(text).credits
    assert (credits.by, credits.editing) == (("Ann Lee",), ("Tom Ray",))
