"""Actors and their mentions: gazetteer entities, people, anonymous sources.

:func:`find_actors` reads every paragraph except the credits (and rules) and
returns the actors in order of first mention plus every mention in text
order. Three finders feed it, all data-driven (``kit/data/gazetteer.json``):

1. the gazetteer (:mod:`kit.parse.gazetteer`): states by name, demonym or metonym
   ("Washington" -> ``united_states``, "the Iraqis" -> ``iraq``),
   organizations (``nato``, ``un``, ``eu``), armed groups ("IS", "ISIL" ->
   ``islamic_state``) and collectives (``europeans``, ``the_west``);
2. people (:mod:`kit.parse.people`), introduced by a title, then named by surname;
3. anonymous sources, ``[determiner] [qualifiers] <head> [trailing modifier]``:
   "a British official" -> ``anon_british_official`` (country
   ``united_kingdom``), "one Western defense official familiar with the talks"
   -> ``anon_western_defense_official``. The determiner and trailing modifier
   are part of the mention but not of the id, so "the British official" later
   is the same actor. Role heads ("ministers") count only with a qualifier
   naming an entity: "British and German ministers" is one actor,
   ``anon_british_and_german_ministers``. The country is the one entity the
   qualifiers name, or ``None`` when they name several ("U.S. and European
   security officials").

Mentions never overlap, longest match first, with one exception: an
anonymous source's mention spans its whole description, and the gazetteer
and people mentions inside it ("Western", "British") are kept as well. So
the widest mention covering a speaker span is the speaker.

>>> import kit
>>> art = kit.load_article()
>>> art.actor("islamic_state").aliases
('Islamic State', 'IS', 'ISIL')
>>> art.actor("anon_western_defense_official").country
'the_west'
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable
from operator import itemgetter

from ..records import Actor, Credits, Mention, Paragraph, Sentence
from ..util import paused_gc
from .anonymous import find_anonymous, head_first_words
from .country_names import find_country_names
from .entity_words import entity_words
from .gazetteer import Gazetteer, GazetteerMatch, gazetteer
from .headlines import without_headline_fragments
from .name_lists import find_listed_orgs, find_listed_people, find_lists
from .names import find_named_people, name_stop_words, written_lower_near
from .org_clues import find_org_clues, in_capitals, keyword_first_words, sport_words
from .organizations import Organization, find_organizations, org_head_words, whole_name_heads, with_short_forms
from .patterns import COMPILE_FORMS_ABOVE, Forms, WordSites, finditer_not_after, trie_pattern, written_lower
from .people import Person, find_people, person_mentions, title_first_words
from .person_cues import cue_first_words, find_cued_people, find_reference_authors
from .place_clues import placed_people
from .single_names import find_single_names

__all__ = ["find_actors", "scanned_spans", "word_sites"]

_SKIPPED_KINDS = ("credits", "rule")


def _outlets_in_short(orgs: tuple[Organization, ...]) -> tuple[Organization, ...]:
    """An outlet named in short by its head word ("told the Ledger") where the text names it in full too ("the
    Kestrel Ledger"; "the Times-Ledger" of "the Norvo Times-Ledger"): a short form of the first full name, not an
    organisation of its own."""
    heads = entity_words().outlet_heads
    kept: list[Organization] = []
    for o in orgs:
        if o.name.rsplit("-", 1)[-1] in heads and " " not in o.name:
            owners = [f for f in orgs if f.name.endswith(" " + o.name)]
            if owners:
                owner = min(owners, key=lambda f: f.start)
                owner.forms = (*owner.forms, o.name)
                continue
        kept.append(o)
    return tuple(kept)


def scanned_spans(
    paragraphs: tuple[Paragraph, ...], credits: Credits, text: str | None = None
) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every paragraph that can mention actors (not credits, rules or
    a wire sign-off such as "-- Ann Lee, Norhaven Newsroom +44 20 7000 0000", when ``text`` is given)."""
    return [
        (p.start, p.end)
        for p in paragraphs
        if p.kind not in _SKIPPED_KINDS
        and p.index != credits.paragraph
        and not (text is not None and _SIGN_OFF.match(text, p.start, p.end))
    ]


# a wire story's sign-off: "-- " then who wrote it, with a newsroom or a telephone number
_SIGN_OFF = re.compile(r"--[^\n]{0,80}?(?:Newsroom|Desk|\+?\d[\d ()/-]{6,})")


def word_sites(text: str, *also: frozenset[str]) -> WordSites:
    """One scan of ``text`` for the words that titles, organisation clues, anonymous sources, the sport words
    of a sports report, organisations' head words and places (a team's) start with (and the lists ``also`` given): each finder then
    reads its own sites, instead of scanning the text again (a scan stops at every character that ends a word,
    whatever its words)."""
    gaz = gazetteer()
    lists = (title_first_words(gaz), keyword_first_words(), head_first_words(gaz), cue_first_words())
    return WordSites(text, (*lists, sport_words(), org_head_words(gaz), entity_words().places, *also))


@paused_gc()  # many small records, no cycles: see kit.util.paused_gc
def find_actors(
    text: str,
    paragraphs: tuple[Paragraph, ...],
    sentences: tuple[Sentence, ...],
    credits: Credits,
    *,
    sites: WordSites | None = None,
) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    """Every actor the text names, in order of first mention, and every mention.

    Args:
        text: the normalised article text.
        paragraphs, sentences, credits: from :mod:`kit.parse.structure`.
        sites: :func:`word_sites` of ``text`` (optional: the same actors, found faster).

    Returns:
        ``(actors, mentions)``; mentions sorted by ``(start, end)``.

    >>> from kit.parse import structure as st
    >>> text = "Iranian Foreign Minister Mohammad Javad Zarif met Hamas. Zarif said Tehran was ready."
    >>> paras = st.split_paragraphs(text)
    >>> actors, mentions = find_actors(text, paras, st.split_sentences(text, paras), st.parse_credits(text, paras))
    >>> [(a.id, a.kind) for a in actors]
    [('iran', 'state'), ('mohammad_javad_zarif', 'person'), ('hamas', 'group')]
    >>> [text[m.start:m.end] for m in mentions if m.actor == "iran"]
    ['Iranian', 'Tehran']
    """
    gaz = gazetteer()
    spans = scanned_spans(paragraphs, credits, text)
    matches = gaz.find_in(text, spans)
    titled = find_people(text, spans, matches, gaz, exclude=credits.names(), sites=sites)
    by_surname = {p.name: p for p in titled if " " not in p.name}  # "Justice Marsk": a title and a surname
    untitled = find_named_people(
        text, spans, gaz, exclude=credits.names(), known={p.id for p in titled if p.name not in by_surname}
    )
    if by_surname:
        titled, untitled = _full_names_for_surnames(titled, untitled, by_surname)
    orgs = find_organizations(text, spans, gaz, sites=sites)
    stop = name_stop_words(gaz)
    person_words = frozenset(w for p in titled + untitled for w in p.name.split())
    known_orgs = {o.id for o in orgs}
    for name, at, forms in find_org_clues(
        text,
        spans,
        gaz,
        not_orgs=person_words | stop,
        people=person_words,
        weak_people=_weak_words(untitled, titled),
        lower_near=written_lower_near,
        sites=sites,
    ):
        org = Organization(name, at, forms)
        if org.id not in known_orgs:
            known_orgs.add(org.id)
            orgs += (org,)
    orgs = _outlets_in_short(orgs)
    for name, at in find_country_names(text, matches, gaz, not_words=person_words | stop):
        org = Organization(name, at, ())
        if org.id not in known_orgs:
            known_orgs.add(org.id)
            orgs += (org,)
    lists = find_lists(text, spans)
    # the organisations the gazetteer names count as known ones too ("charities such as Oxfam and Vesko Aid")
    known_names = [(o.name, *o.forms) for o in orgs] + [
        (text[m.start : m.end],) for m in matches if m.entity is not None and m.entity.kind == "organization"
    ]
    for name, at in find_listed_orgs(text, spans, gaz, known=known_names, not_orgs=person_words | stop, lists=lists):
        org = Organization(name, at, ())
        if org.id not in known_orgs:
            known_orgs.add(org.id)
            orgs += (org,)
    orgs = _without_possessive_s(text, orgs, person_words)
    orgs = _two_joined_by_and(text, orgs, gaz)
    org_names = {f for o in orgs for f in (o.name, *o.forms)}
    short = [p for p in untitled if p.name not in org_names and _an_orgs_name(p, org_names)]
    for p in short:  # "Vesko Chips" in a headline over "Vesko Chips Trading Co": that organisation's short form
        first = p.name.split()[0] + " "
        owners = [o for o in orgs if o.name.startswith(first)]
        if owners:  # the first named ("Vesko Chips Bank Plc", later "Vesko Chips Bank")
            owner = min(owners, key=lambda o: o.start)
            owner.forms = (*owner.forms, p.name)
            org_names.add(p.name)
    # a name an organisation clue took whole is the organisation's, even after a title ("the defending champion
    # Norhaven Kestrels": a place and a plural, a team)
    people = tuple(p for p in titled + untitled if p.name not in org_names and p not in short)
    orgs = with_short_forms(text, orgs, gaz, not_forms=stop | {w for p in people for w in p.name.split()})
    org_names.update(f for o in orgs for f in o.forms)
    org_words = {w for o in orgs for w in (o.name, *o.forms)}
    authors = find_reference_authors(text, spans, gaz, known=people)
    if authors:  # "Marsk, Ivo. A History ...": not "Ivo" alone, nor a name read on into the title after it
        people = tuple(p for p in people if not any(a.start <= p.start <= a.end for a in authors)) + authors
    single = find_single_names(text, spans, gaz, known=people, stop=stop | org_words, lower_near=written_lower_near)
    people += single
    cued = find_cued_people(
        text, spans, gaz, known=people, not_people=stop | org_names, lower_near=written_lower_near, sites=sites
    )
    # a one-word name read by a cue ("her professor, Marsk") may be the surname of a full name in a list
    # ("with Ivo Marsk, Ada Vell and ..."): the list is read as if it were not known, and the full name kept
    alone = [p for p in cued if " " not in p.name]
    listed = find_listed_people(
        text,
        spans,
        gaz,
        known=people + tuple(p for p in cued if p not in alone),
        not_people=stop | org_words,
        lists=lists,
        lower_near=written_lower_near,
    )
    surnames = {p.name.split()[-1] for p in listed if " " in p.name}
    people += tuple(p for p in cued if p not in alone or p.name not in surnames)
    people += tuple(p for p in listed if p.id not in {q.id for q in people})
    people = _without_middle_names_dropped(people)
    candidates = [(m.entity.id, m.start, m.end) for m in matches if not _a_product(text, m)]
    candidates += _org_mentions(text, spans, orgs)
    org_ids = {o.id for o in orgs} | {m.entity.id for m in matches if m.entity.kind == "organization"}
    candidates = [c for c in candidates if c[0] not in org_ids or not _INDEX_AFTER.match(text, c[2])]
    found = person_mentions(text, spans, people, written_lower_near)
    placed = placed_people(text, found)  # "the village of Karo Tarn", "Ben Arvo airport": places, not people
    placed |= _things(text, found, untitled)
    if placed:
        people = tuple(p for p in people if p.id not in placed)
        found = [c for c in found if c[0] not in placed]
    candidates += found
    candidates += _headline_mentions(text, spans, people, orgs)
    chosen = _non_overlapping(candidates)
    person_ids = {p.id for p in people}
    person_starts = {s for a, s, _ in chosen if a in person_ids}
    anonymous = find_anonymous(text, spans, chosen, gaz, person_starts, person_ids, sites)
    # the mentions without repeats, in the order found: the chosen ones and the anonymous ones are each in text
    # order (two runs, which the sort merges; a set's order would be sorted anew, ten times the comparisons)
    unique = dict.fromkeys(chosen)
    unique.update(dict.fromkeys((x[0], x[1], x[2]) for x in anonymous))
    mentions = [Mention(a, s, e) for a, s, e in sorted(unique, key=itemgetter(1, 2, 0))]
    actors = _actors(text, mentions, gaz, people, anonymous, orgs)
    # "Ivo Marsk Says ..." in a title-case headline: the fragment is no actor when the body names Ivo Marsk
    return without_headline_fragments(text, spans, actors, tuple(mentions), keep=gaz.entities)


# a model number after a maker's name: "a Zentrix 707", "the Zentrix Z90" (a product, not the company)
_MODEL = re.compile(r"[ \t-](?:[A-Z]{1,2}-?)?\d{2,4}(?![\w.,%-]|[ \t]+(?:percent|per cent|pct))")


# a market index named after an exchange or a paper ("the Zentrix 100 index", "the Norvo industrial average"):
# the index, not the organisation (a person is never named so)
_INDEX_AFTER = re.compile(r"(?:[ \t]+(?:\d+|[a-z]+)){0,2}[ \t]+(?:index|indices|average|averages)\b")


def _without_possessive_s(
    text: str, orgs: tuple[Organization, ...], person_words: frozenset[str]
) -> tuple[Organization, ...]:
    """``orgs`` with each name a possessive's 's ends read without it ("the Bank of Norvo's survey": Bank of
    Norvo; "AP’s report": AP), one of them when the text names that organisation too. A name with no
    organisation head word that ends with a person's surname or opens with a given name is no organisation
    ("Ivo Marsk's campaign"). One word that the text never writes without its 's keeps it: the 's is the
    name's own ("Tarvo's", a chain of shops)."""
    if not any(o.name.endswith(("’s", "'s")) for o in orgs):
        return orgs
    names = {f for o in orgs for f in (o.name, *o.forms)}
    words = entity_words()
    out: list[Organization] = []
    for o in orgs:
        if not o.name.endswith(("’s", "'s")):
            out.append(o)
            continue
        bare = o.name[:-2]
        tokens = bare.split()
        if words.org_heads.isdisjoint(tokens) and (
            tokens[-1] in person_words or (len(tokens) > 1 and tokens[0] in words.given_names)
        ):
            continue  # "Marsk's adviser", "Ivo Marsk's campaign": a person's (a surname the text gives a person)
        if bare in names:
            continue  # the organisation the text names without 's
        if " " in bare or bare.isupper() or _written_bare(text, bare):
            out.append(Organization(bare, o.start, o.forms))
            names.add(bare)
        else:
            out.append(o)
    return tuple(out)


def _two_joined_by_and(text: str, orgs: tuple[Organization, ...], gaz: Gazetteer) -> tuple[Organization, ...]:
    """``orgs`` with each name that is two whole names joined by "and" read as the two ("the Norvo Bank and
    Kestrel College", "House and Senate", "ZTX and Norvo Ministry"): each side ends with a head word (and has
    two words or more, or is an institution: "Senate"), is an acronym or a name the gazetteer knows, and
    the second is named apart (:func:`_named_apart`). Not when the first side holds "of" ("Department of
    Norvo Trade and Kestrel Affairs": the "and" is the tail's), nor a name that is only one side so ("Tarvo Ways and
    Means Committee", "the Ivo and Ada Marsk Foundation", "the Norvo Securities and Investments Board")."""
    if not any(" and " in o.name for o in orgs):
        return orgs
    heads = whole_name_heads(gaz)
    institutions = entity_words().institution_words | {"House"}

    def whole(name: str) -> bool:
        tokens = name.split()
        return (
            (tokens[-1] in heads and (len(tokens) > 1 or tokens[-1] in institutions))
            or (name.isupper() and 2 <= len(name) <= 6)
            or gaz.entity_of(name) is not None
        )

    ids = {o.id for o in orgs}
    out: list[Organization] = []
    for o in orgs:
        parts = o.name.split(" and ")
        if (
            len(parts) != 2
            or " of " in parts[0]
            or not all(whole(p) for p in parts)
            or not _named_apart(text, parts[1], gaz)
        ):
            out.append(o)
            continue
        for name, at in ((parts[0], o.start), (parts[1], o.start + len(parts[0]) + 5)):
            org = Organization(name, at, ())
            if org.id not in ids and gaz.entity_of(name) is None:
                ids.add(org.id)
                out.append(org)
    return tuple(out)


def _named_apart(text: str, name: str, gaz: Gazetteer) -> bool:
    """Is ``name`` (the second of two joined by "and") an organisation of its own: an acronym, a name the
    gazetteer knows, an institution alone ("Senate"); or, when its first word is no head word (not
    "Investments Board"), a name the text also writes elsewhere or one whose first word the text never writes
    in lower case ("Kestrel University"; not "Education Council": "education")?"""
    first = name.split()[0]
    if name.isupper() or gaz.entity_of(name) is not None or " " not in name:
        return True
    return first not in whole_name_heads(gaz) and (
        text.count(name) > 1 or re.search(rf"(?<![\w’'-]){re.escape(first.lower())}(?![\w’'-])", text) is None
    )


def _written_bare(text: str, word: str) -> bool:
    """Does the text write ``word`` on its own somewhere, not followed by 's or another word character?"""
    return re.search(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", text) is not None


def _without_middle_names_dropped(people: tuple[Person, ...]) -> tuple[Person, ...]:
    """``people`` less each untitled two-word name that is a longer one's first and last word ("Tom Moss" when
    "Tom Ivo Moss" is named too): one person, whose full name it is a short form of (see person_mentions).
    Not when two longer names share those words ("Tom A. Moss", "Tom B. Moss": the short one may be either)."""
    long_names = [w for p in people if len(w := p.name.split()) > 2]
    if not long_names:
        return people  # (the usual text: no Counter to build)
    long_ends = Counter((w[0], w[-1]) for w in long_names)
    return tuple(p for p in people if p.role or len(w := p.name.split()) != 2 or long_ends[w[0], w[1]] != 1)


def _a_product(text: str, m: GazetteerMatch) -> bool:
    """Is the gazetteer's organisation at ``m`` a maker named before a model number ("the Zentrix Z90")?"""
    return m.entity.kind == "organization" and _MODEL.match(text, m.end) is not None


def _full_names_for_surnames(
    titled: tuple[Person, ...], untitled: tuple[Person, ...], by_surname: dict[str, Person]
) -> tuple[tuple[Person, ...], tuple[Person, ...]]:
    """A person named by a title and a surname ("Justice Marsk") whom the text names in full without a title
    before ("Ivo A. Marsk"), and no one else with that surname, is one person: the full name, with the
    title's role. Other untitled names that end with a titled surname ("Quietly Backs Marsk", a headline)
    are no new people, as before."""
    full: dict[str, Person] = {}
    kept: list[Person] = []
    # two full names with the surname ("Bill Clinton", "Hillary Clinton"): the titled one may be either
    shared = Counter(p.name.split()[-1] for p in untitled if " " in p.name)
    for p in untitled:
        tokens = p.name.split()
        last = tokens[-1] if len(tokens) > 1 else None
        if last in by_surname:
            if (
                shared[last] == 1
                and tokens[0] in entity_words().given_names
                and p.start < by_surname[last].start  # named in full first, then by title ("Justice Marsk")
            ):
                full[last] = p
                kept.append(dataclasses.replace(p, role=p.role or by_surname[last].role))
            continue
        kept.append(p)
    return tuple(p for p in titled if p.name not in full), tuple(kept)


def _things(text: str, found: list[tuple[str, int, int]], untitled: Iterable[Person]) -> set[str]:
    """The ids of people read without a title or a given name that a mention shows to be a thing or a place:
    "which" or "where" after the name and a comma ("Vesko Chips, which opened ...": a person takes "who")."""
    given = entity_words().given_names
    weak = {p.id for p in untitled if p.name.split()[0] not in given}
    return {pid for pid, _, end in found if pid in weak and text.startswith((", which ", ", where "), end)}


def _an_orgs_name(person: Person, org_names: set[str]) -> bool:
    """Is a name of two or more words read without a title or a given name the short or headline form of an
    organisation the text names: does its first word open an organisation's longer name ("Vesko Chips" beside "Vesko Chips Trading
    Co", "Vesko Tech" beside "Vesko Technologies Inc")?"""
    first = person.name.split()[0]
    if person.role or first == person.name or first in entity_words().given_names:
        return False  # "the Vell Government": one word that opens an organisation's name may be a person's
    first += " "
    return any(o.startswith(first) for o in org_names)


def _weak_words(untitled: Iterable[Person], titled: Iterable[Person]) -> frozenset[str]:
    """The words of people read without a title or a given name ("Dinvo Tarvok"): a strong organisation clue
    outweighs them ("beat Dinvo Tarvok 1-0"), never a titled name or one with a given name ("Amanda Coetzo")."""
    given = entity_words().given_names
    strong = {w for p in titled for w in p.name.split()}
    strong |= {w for p in untitled if p.name.split()[0] in given for w in p.name.split()}
    return frozenset(w for p in untitled for w in p.name.split()) - strong


def _headline_mentions(
    text: str, spans: Iterable[tuple[int, int]], people: Iterable[Person], orgs: Iterable[Organization]
) -> list[tuple[str, int, int]]:
    """Mentions in a paragraph written all in capitals (a wire headline: "MARSK OUT FOR SIX WEEKS") of the
    people and organisations the rest of the text names: full names, surnames, short forms. A form
    that is also an ordinary word of the text ("Young", "Rice" written "young", "rice") is left out:
    in capitals the two cannot be told apart."""
    caps = [(s, e) for s, e in spans if in_capitals(text, s, e)]
    if not caps:
        return []
    suffixes = entity_words().name_suffixes
    forms: dict[str, str] = {}
    for p in people:
        tokens = [t for t in p.name.split() if t not in suffixes]
        for form in (p.name, tokens[-1] if len(tokens) > 1 else None):
            if form:
                forms.setdefault(form.upper(), p.id)
    for o in orgs:
        for form in (o.name, *o.forms):
            forms.setdefault(form.upper(), o.id)
    short = sum(e - s for s, e in caps) <= _HEADLINE_FIND_MAX
    if short:  # only the forms whose first word a headline holds can be found (the others are not read below)
        forms = _opened_by(forms, _headline_words(text, caps))
    lower = written_lower(text, {f.lower() for f in forms if len(f) > 2})
    forms = {f: a for f, a in forms.items() if len(f) > 2 and f.lower() not in lower}
    if not forms:
        return []
    if not short:
        pattern = re.compile(r"(?<![\w’'-])(?:" + trie_pattern(forms) + r")(?=[’']S(?![\w’'-])|(?![\w’'-]))")
        return [(forms[m.group()], m.start(), m.end()) for s, e in caps for m in pattern.finditer(text, s, e)]
    # A headline is short: look each of its words up among the forms' first words (the same finds as the
    # trie pattern above, which costs more to build than a headline takes to read).
    by_first: dict[str, list[str]] = {}
    for f in sorted(forms, key=len, reverse=True):
        first = _HEADLINE_WORD.match(f)
        if first is not None:
            by_first.setdefault(first.group(), []).append(f)
    out: list[tuple[str, int, int]] = []
    for s, e in caps:
        after = s  # where the next find may start (finds do not overlap)
        for w in _HEADLINE_WORD.finditer(text, s, e):
            q = w.start()
            if q < after or (q > 0 and _HEADLINE_WORD_CHAR.match(text, q - 1)):
                continue
            word = w.group()
            if word.endswith(("'S", "’S")) and word not in by_first:
                word = word[:-2]  # "MARSK'S WIN": the name without its 's
            for f in by_first.get(word, ()):
                end = q + len(f)
                if end <= e and text.startswith(f, q) and not _after_headline_name(text, end):
                    out.append((forms[f], q, end))
                    after = end
                    break
    return out


_HEADLINE_WORD = re.compile(r"[\w’'-]+")


def _headline_words(text: str, caps: list[tuple[int, int]]) -> set[str]:
    """The words of the stretches ``caps`` (as :func:`_headline_mentions` reads them), each also without an 's."""
    found = {w.group() for s, e in caps for w in _HEADLINE_WORD.finditer(text, s, e)}
    return found | {w[:-2] for w in found if w.endswith(("'S", "’S"))}


def _opened_by(forms: dict[str, str], words: set[str]) -> dict[str, str]:
    """Those of ``forms`` whose first word (a :data:`_HEADLINE_WORD`) is one of ``words``.

    >>> _opened_by({"ANN LEE": "ann_lee", "ZENTRIX": "zentrix", "O'NEIL": "o_neil"}, {"ANN", "O'NEIL"})
    {'ANN LEE': 'ann_lee', "O'NEIL": 'o_neil'}
    """
    out = {}
    for f, a in forms.items():
        first = _HEADLINE_WORD.match(f)
        if first is not None and first.group() in words:
            out[f] = a
    return out


_HEADLINE_WORD_CHAR = re.compile(r"[\w’'-]")
_HEADLINE_POSSESSIVE = re.compile(r"[’']S(?![\w’'-])")


def _after_headline_name(text: str, end: int) -> bool:
    """Does the word go on at ``end`` (past a name found in a headline), other than by its 's?"""
    return _HEADLINE_WORD_CHAR.match(text, end) is not None and _HEADLINE_POSSESSIVE.match(text, end) is None


#: Above this many characters in capitals, one compiled pattern of the forms reads them faster.
_HEADLINE_FIND_MAX = 2000


# "the union": found with finditer_not_after(..., "-") (a look-behind at the start slows the scan).
_GENERIC_ORG = re.compile(r"[Tt]he (?P<head>[a-z]+)(?![\w-])")


def _org_mentions(
    text: str, spans: list[tuple[int, int]], orgs: tuple[Organization, ...]
) -> list[tuple[str, int, int]]:
    """Every name or acronym of the organisations, and "the union" / "the company" for the latest one named.

    A name is found in the other case too: one found in capitals ("ZENTRIX" in a headline, five letters or more:
    not an acronym that spells a word) is the same organisation written "Zentrix" below, and one found as
    "Vesko" is the same written "VESKO" in a sentence (a wire's style for an agency); in a line all in capitals
    only forms the text gave so are read (:func:`_headline_mentions` reads the rest)."""
    if not orgs:
        return []
    forms: dict[str, str] = {}
    for o in orgs:
        for f in (o.name, *o.forms):
            forms.setdefault(f, o.id)
    capitals: set[str] = set()  # forms only in the other case, written in capitals
    # (only those the text holds: most texts hold none, and then nothing is added to look for)
    for f, oid in list(forms.items()):
        if len(f) < 4 or not f[:1].isupper():
            continue
        if f.isupper():
            if len(f) >= 5 and (title := f.title()) not in forms and title in text:
                forms[title] = oid
        elif (upper := f.upper()) not in forms and upper in text:
            forms[upper] = oid
            capitals.add(upper)
    finder = Forms(forms, compiled=len(text) > COMPILE_FORMS_ABOVE)
    heads = {o.head for o in orgs}
    by_id = {o.id: o for o in orgs}
    # a "the <head>" needs "he <head>" in the text: when no head is there, no paragraph is scanned for one
    # (str "in" is much faster than the regex)
    any_generic = any("he " + h in text for h in heads)
    out: list[tuple[str, int, int]] = []
    for (start, end), found in zip(spans, finder.find_spans(text, spans, "’'-")):
        if capitals and in_capitals(text, start, end):
            found = [x for x in found if x[2] not in capitals]
        named = [(a, b, forms[f]) for a, b, f in found]
        out += [(oid, a, b) for a, b, oid in named]
        if not any_generic:
            continue
        generic = [
            (m.start(), m.end(), m.group("head"))
            for m in finditer_not_after(_GENERIC_ORG, text, start, end, "-")
            if m.group("head") in heads
        ]
        out += _generic(named, generic, by_id)
    return out


def _generic(
    named: list[tuple[int, int, str]], generic: list[tuple[int, int, str]], by_id: dict[str, Organization]
) -> list[tuple[str, int, int]]:
    """Merge two sorted lists: each "the <head>" goes to the latest organisation named with that head."""
    latest: dict[str, str] = {}
    out, i = [], 0
    for a, b, head in generic:
        while i < len(named) and named[i][0] < a:
            latest[by_id[named[i][2]].head] = named[i][2]
            i += 1
        if head in latest:
            out.append((latest[head], a, b))
    return out


def _non_overlapping(candidates: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Longest first (then leftmost); drop every candidate overlapping a kept one.

    Candidates are grouped into clusters of overlapping spans, so the greedy
    choice runs on a handful of spans at a time (linear in the text).
    """
    # dict.fromkeys: drop duplicates but keep the input order, so equal spans
    # (a gazetteer alias that is also a surname) resolve the same way every run.
    # by start, then longest first (two stable sorts by one field each: quicker than a tuple key per candidate)
    ordered = sorted(sorted(dict.fromkeys(candidates), key=itemgetter(2), reverse=True), key=itemgetter(1))
    kept: list[tuple[str, int, int]] = []
    i, n = 0, len(ordered)
    while i < n:
        j, cluster_end = i + 1, ordered[i][2]
        while j < n and ordered[j][1] < cluster_end:
            cluster_end = max(cluster_end, ordered[j][2])
            j += 1
        if j == i + 1:  # the usual case: a span overlapping nothing
            kept.append(ordered[i])
        else:
            base = ordered[i][1]
            taken = bytearray(cluster_end - base)  # 1 where a kept span lies (no pairwise checks)
            for actor, s, e in sorted(ordered[i:j], key=lambda c: (c[1] - c[2], c[1])):
                if taken.find(1, s - base, e - base) < 0:
                    taken[s - base : e - base] = b"\x01" * (e - s)
                    kept.append((actor, s, e))
        i = j
    return kept


def _actors(
    text: str,
    mentions: list[Mention],
    gaz: Gazetteer,
    people: Iterable[Person],
    anonymous: list[tuple[str, int, int, str, str | None, str]],
    orgs: tuple[Organization, ...] = (),
) -> tuple[Actor, ...]:
    persons = {p.id: p for p in people}
    named_orgs = {o.id: o for o in orgs}
    anon = {a[0]: a for a in anonymous}
    seen: dict[str, dict[str, None]] = {}  # actor -> its surface forms (a dict: ordered, no list search)
    for m in mentions:
        forms = seen.get(m.actor)
        if forms is None:  # (not setdefault(m.actor, {}): a new dict per mention)
            forms = seen[m.actor] = {}
        forms[text[m.start : m.end]] = None
    out = []
    for actor_id, forms in seen.items():
        if actor_id in persons:
            p = persons[actor_id]
            name, kind, role, country = p.name, "person", p.role or None, p.country
        elif actor_id in anon:
            _, _, _, name, country, head = anon[actor_id]
            kind, role = "anonymous", head.lower()
        elif actor_id in named_orgs:
            name, kind, role, country = named_orgs[actor_id].name, "organization", None, None
        else:
            entity = gaz.entities[actor_id]
            name, kind, role, country = entity.name, entity.kind, None, None
        aliases = tuple(dict.fromkeys([name, *forms]))
        out.append(Actor(id=actor_id, name=name, kind=kind, aliases=aliases, role=role, country=country))
    return tuple(out)
