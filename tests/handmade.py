"""A tiny hand-made case whose analysis can be worked out by hand.

Used by test_analysis.py, test_plots.py and test_formats.py. The answers are
derived in test_analysis.py's comments.

Actors (case order): united_states, united_kingdom, germany, france, canada,
john_kerry (-> united_states), philip_hammond (-> united_kingdom),
anon_british_official (-> united_kingdom), frank_walter_steinmeier (-> germany),
islamic_state.

Stances (position: value):

==========================  ===========  ============  ===========
actor                       air_strikes  ground_troops strategy
==========================  ===========  ============  ===========
united_states                            oppose
france                      support      oppose
canada                                                 support
john_kerry                  support      oppose        support
philip_hammond              undecided
anon_british_official       support                    conditional
frank_walter_steinmeier     conditional                support
islamic_state               oppose
==========================  ===========  ============  ===========
"""

from __future__ import annotations

from dataclasses import replace

import kit
from kit.records import Actor, Case, Group, Mention, Position, Quote, Reported, Stance

TEXT = (
    'Kerry said: "We will strike them from the air, but no boots on the ground."\n'
    "France backed air strikes and ruled out troops. Hammond said London had not yet decided.\n"
    '"We need a strategy first," a British official said. Canada wants a strategy.\n'
    'Steinmeier said: "Military action must be embedded in a political setting." '
    'Kerry said the plan was ready. "It will take time," Kerry added. "Nobody knows," someone said.\n'
    "The United States will not send troops. Islamic State rejects the strikes. Germany & <b>friends</b>.\n"
)


#: needle -> actor id; every occurrence is a mention (Kerry 3, Britain 2 via London and "British"...)
NAMES = {
    "Kerry": "john_kerry",
    "France": "france",
    "Hammond": "philip_hammond",
    "London": "united_kingdom",
    "a British official": "anon_british_official",
    "Canada": "canada",
    "Steinmeier": "frank_walter_steinmeier",
    "United States": "united_states",
    "Islamic State": "islamic_state",
    "Germany": "germany",
}


def _mentions(text: str) -> tuple[Mention, ...]:
    found = []
    for needle, actor in NAMES.items():
        start = text.find(needle)
        while start >= 0:
            found.append(Mention(actor, start, start + len(needle)))
            start = text.find(needle, start + 1)
    return tuple(sorted(found, key=lambda m: (m.start, m.end)))


def small_case() -> Case:
    article = kit.parse(TEXT, source="handmade")
    text = article.text
    q1 = span(text, "We will strike them from the air, but no boots on the ground.")
    q2 = span(text, "We need a strategy first,")
    q3 = span(text, "Military action must be embedded in a political setting.")
    q4 = span(text, "It will take time,")
    q5 = span(text, "Nobody knows,")
    quotes = (
        Quote(*q1, speaker="john_kerry", speaker_start=0, speaker_end=5, cue="said", paragraph=0),
        Quote(*q2, speaker="anon_british_official", speaker_start=None, speaker_end=None, cue="said", paragraph=2),
        Quote(*q3, speaker="frank_walter_steinmeier", speaker_start=None, speaker_end=None, cue="said", paragraph=3),
        Quote(*q4, speaker="john_kerry", speaker_start=None, speaker_end=None, cue="added", paragraph=3),
        Quote(*q5, speaker=None, speaker_start=None, speaker_end=None, cue="said", paragraph=3),
    )
    r1 = span(text, "London had not yet decided")
    r2 = span(text, "the plan was ready")
    reported = (
        Reported("philip_hammond", None, None, "said", *r1, paragraph=1),
        Reported("john_kerry", None, None, "said", *r2, paragraph=3),
    )
    article = replace(article, quotes=quotes, reported=reported, mentions=_mentions(text))
    actors = (
        Actor("united_states", "United States", "state", member_of=("core_group", "nato")),
        Actor("united_kingdom", "Britain", "state", member_of=("core_group", "nato")),
        Actor("germany", "Germany", "state", member_of=("core_group",)),
        Actor("france", "France", "state", member_of=("core_group",)),
        Actor("canada", "Canada", "state", member_of=("nato",)),
        Actor("john_kerry", "John Kerry", "person", role="Secretary of State", country="united_states"),
        Actor("philip_hammond", "Philip Hammond", "person", country="united_kingdom"),
        Actor("anon_british_official", "a British official", "anonymous", country="united_kingdom"),
        Actor("frank_walter_steinmeier", "Frank-Walter Steinmeier", "person", country="germany"),
        Actor("islamic_state", "Islamic State", "group"),
    )
    positions = (
        Position("air_strikes", "Air strikes against IS"),
        Position("ground_troops", "Ground troops", "Sending combat troops"),
        Position("strategy", "A political strategy <first>"),
    )

    def st(actor: str, pos: str, value: str, etype: str, evidence: str = "x") -> Stance:
        return Stance(actor, pos, value, evidence, etype)

    stances = (
        st("john_kerry", "air_strikes", "support", "direct", "We will strike them from the air"),
        st("john_kerry", "ground_troops", "oppose", "direct", "no boots on the ground"),
        st("john_kerry", "strategy", "support", "narration", "the plan was ready"),
        st("philip_hammond", "air_strikes", "undecided", "reported", "London had not yet decided"),
        st("anon_british_official", "air_strikes", "support", "anonymous", "We need a strategy first"),
        st("anon_british_official", "strategy", "conditional", "anonymous", "We need a strategy first"),
        st("frank_walter_steinmeier", "air_strikes", "conditional", "direct", "Military action must be embedded"),
        st("frank_walter_steinmeier", "strategy", "support", "direct", "in a political setting"),
        st("france", "air_strikes", "support", "reported", "France backed air strikes"),
        st("france", "ground_troops", "oppose", "narration", "ruled out troops"),
        st("united_states", "ground_troops", "oppose", "narration", "will not send troops"),
        st("canada", "strategy", "support", "narration", 'Canada wants a "strategy"'),
        st("islamic_state", "air_strikes", "oppose", "narration", "rejects the strikes"),
    )
    groups = (
        Group(
            "core_group",
            "The core group",
            ("united_states", "united_kingdom", "germany", "france"),
            evidence="formed the core group",
        ),
        Group(
            "nato", "NATO", ("united_states", "united_kingdom", "canada"), basis="background", source="NATO member list"
        ),
    )
    return Case(
        article=article, actors=actors, positions=positions, stances=stances, groups=groups, title="Hand-made case"
    )


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def toy_case() -> kit.Case:
    """The hand-made analysis case plus mentions (with aliases) and actor aliases."""
    case = small_case()
    text = case.article.text
    mentions = [
        Mention("john_kerry", *span(text, "Kerry", 0)),
        Mention("john_kerry", *span(text, "Kerry", 1)),
        Mention("united_kingdom", *span(text, "London")),
        Mention("united_states", *span(text, "The United States")),
        Mention("france", *span(text, "France")),
    ]
    article = replace(case.article, mentions=tuple(sorted(mentions, key=lambda m: m.start)))
    actors = tuple(replace(a, aliases=("London",)) if a.id == "united_kingdom" else a for a in case.actors)
    return replace(case, article=article, actors=actors)


def structured_case() -> kit.Case:
    """A heading, a body paragraph, a rule and a credits line."""
    text = "STRATEGY SOUGHT\nWashington said the U.S. would act.\n_____\nBy Jane Writer. Editing by Sam Editor."
    art = kit.parse(text)
    kinds = ("heading", "body", "rule", "credits")
    paragraphs = tuple(replace(p, kind=k) for p, k in zip(art.paragraphs, kinds))
    mentions = (Mention("united_states", *span(text, "Washington")), Mention("united_states", *span(text, "U.S.")))
    art = replace(
        art,
        paragraphs=paragraphs,
        mentions=mentions,
        actors=(),
        credits=kit.Credits(by=("Jane Writer",), editing=("Sam Editor",), paragraph=3),
    )
    return kit.Case(
        article=art, actors=(Actor("united_states", "United States", "state", aliases=("Washington", "U.S.")),)
    )
