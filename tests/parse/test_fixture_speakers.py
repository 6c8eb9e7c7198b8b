"""Every quote's speaker pinned on fixture articles written for the kit, one per house style."""

from __future__ import annotations

from pathlib import Path

import pytest

import kit

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"

# (file, [(speaker span, actor id), ... one per quote in text order])
EXPECTED = {
    "us_wire.txt": [
        ("Maria Lopez", "maria_lopez"),
        ("Maria Lopez", "maria_lopez"),
        ("Becker", "tom_becker"),
        ("Becker", "tom_becker"),
        ("Dr. Alan Park", "alan_park"),
    ],
    "british_broadsheet.txt": [
        ("Margaret Hale", "margaret_hale"),
        ("Margaret Hale", "margaret_hale"),
        ("who", "peter_quinn"),  # "Peter Quinn, who said the plan was 'rushed and reckless'" (was pinned to Ms Hale)
        ("A Downing Street spokesman", "anon_downing_street_spokesman"),
    ],
    "magazine_longform.txt": [
        ("she", "ruth_calder"),
        ("she", "ruth_calder"),
        ("He", "daniel_calder"),
        ("he", "daniel_calder"),
        ("he", "daniel_calder"),
    ],
    "local_news.txt": [("Jenna Morales", "jenna_morales"), ("Dunn", "carl_dunn"), ("Shah", "rita_shah")],
    "press_release.txt": [
        ("Priya Nair", "priya_nair"),
        ("Priya Nair", "priya_nair"),
        ("Mayor Tom Fields", "tom_fields"),
    ],
    "live_blog.txt": [("Marsh", "ted_marsh"), ("Dana Cole", "dana_cole"), ("Rep. Ana Ortiz", "ana_ortiz")],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_quote_has_its_speaker(name):
    art = kit.load_article(FIXTURES / name)
    got = [
        (art.span(q.speaker_start, q.speaker_end) if q.speaker_start is not None else None, q.speaker)
        for q in art.quotes
    ]
    assert got == EXPECTED[name]


def test_us_wire_people_organisations_and_credits():
    art = kit.load_article(FIXTURES / "us_wire.txt")
    by_id = {a.id: a for a in art.actors}
    assert by_id["tom_becker"].kind == "person" and by_id["tom_becker"].role == "spokesman"
    assert by_id["illinois_nurses_association"].kind == "organization"
    assert "anon_spokesman" not in by_id  # an apposition is never an anonymous source
    assert art.credits.by == ("Ann Lee", "Tom Ray") and art.credits.additional_reporting == ("Sam Hill",)
    assert not {"ann_lee", "tom_ray", "sam_hill"} & set(by_id)  # journalists are not actors


def test_press_release_company_and_the_company():
    art = kit.load_article(FIXTURES / "press_release.txt")
    spans = [art.span(m.start, m.end) for m in art.mentions if m.actor == "acme_robotics_inc"]
    assert spans[0] == "Acme Robotics Inc." or spans[0].startswith("Acme Robotics")
