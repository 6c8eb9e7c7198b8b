"""People named without a title, a given name or a speaker's cue, found by the words around the name.

:mod:`kit.parse.names` and :mod:`kit.parse.single_names` read names that a
given name, a title or a speaker's slot shows to be people. Outside news (a
biography, a letter, a textbook) a person is often named otherwise; these
cues (word lists in ``kit/data/entities.json``) make a capitalised name of one
to four words a person:

* **kin and roles**: after "my", "his", "her", "their", "our" or "your" and a kin noun
  ("her sister Ada Vell", "their second son, Tarvo"), before "of" ("a close
  friend of Ivo Marsk"), or a role word and a comma ("his lawyer, Tarsk,"; not "head" or "member"),
  or after the name and 's ("Marsk's widow", and then a name between commas: "Marsk's widow, Ada,"; not
  "Norvo's sister company"), as a person's possession is ("Vell's memoir", "Marsk's funeral";
  not "Norvo's novel approach");
* **a work's maker**: after a creator word and "by" ("a novel by Ada Vell",
  "painted by Tom Moss");
* **a life**: before a life verb ("Marsk was born", "Vell died", "Moss
  wondered") or life dates in brackets ("Ivo Marsk (1850–1921)", "Vell (born 1950)");
* **a greeting**: "Dear Ada:", "Hi Tom!" (not "Dear Sir");
* **a name given**: "my name is Jorna", "her name was Ada Vell";
* **an age before the name**: "the 17-year-old Tom Moss", "nine-year-old Ivo" (not "a 17-year-old Dutch student"),
  or in an apposition after it: "Zelko Tarvas, a 31-year-old nurse";
* **a family**: "Ivo Marsk and his wife", "Ada Vell and her two sons";
* **whom an outlet quotes**: "the Norvo Sun quoted Marsk as saying";
* **a player scored set by set**: "Ada Vell beat Yone Tarvo 6-2 6-3" (a team's result is one score);
* **one word that speaks right after a quotation**: "“…,” Varsk said", "“…?” said Varsk." (news names a person
  by surname alone; an organisation that speaks is written "Zentrix said in a statement", not so); not a given
  name (:mod:`kit.parse.single_names` reads those);
* **a reference list's author**: a line that opens with a surname, a comma and a given name (or two), then a full
  stop and more ("Marsk, Ivo. A History of Norvo"; "Vell, Ada Lin. Letters"): the person is "Ivo Marsk";
* **one word that speaks and is then "he" or "she"**: "Varsk said on Monday he would resign", "Tarvo told
  reporters she had no plans" (the word opens its sentence or follows a comma; an organisation is "it", read
  by :mod:`kit.parse.org_clues`); not a given name either.

A name is never a person when it is a place, an organisation's (or has an
organisation word), a gazetteer entity, a word of a known person's name, a
stop word, follows "the", or continues a capitalised title ("A Grammar on
Norvic Word Roots (1902–1931)"). A one-word name is never one of
``not_names_alone`` ("Everyone smiled") and, opening a sentence, is a given name
or a word the text never writes in lower case nearby.

Scans are forward-only; a name before a cue is read in a window of bounded width.

>>> import kit
>>> art = kit.parse("He was a close friend of Orvel Dastrop. Later, Varnik hesitated.")
>>> [a.name for a in art.actors if a.kind == "person"]
['Orvel Dastrop', 'Varnik']
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable

from ..util import snake_id
from .attribution import AUX, MAX_AUX, QUOTING_CUES, SAYING_CUES, SAYING_FIRST_WORDS, THIRD_PERSON, alternation
from .entity_words import entity_words
from .gazetteer import Gazetteer
from .names import NAME_WORD, NOT_FIRST_WORDS, OPENS_SENTENCE, name_word_sets
from .patterns import DAYS_AND_MONTHS, WordSites, lazy_compile, trie_pattern, written_lower_near
from .people import Person, one_slip

__all__ = ["SET_SCORES", "cue_first_words", "find_cued_people", "find_reference_authors", "scored_by_sets"]

_PARTICLE = r"(?:de|van|von|al|bin|da|del|der|la|le|du)"
_NAME = rf"(?P<n>{NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{NAME_WORD}){{0,3}})"
# the name ends at a word's end and takes no 's (after a cue: "friend of Norvo's mayor" names no one)
_NAME_END = r"(?![\w’'-])"


def _words(key: str) -> str:
    return trie_pattern(sorted(getattr(entity_words(), key)))


_OWNERS = ("my", "his", "her", "their", "our", "your")


def _roles() -> list[str]:
    """The role words that name one person (not "officials", nor "head" or "member": too general)."""
    w = entity_words()
    roles = set(w.role_words) - set(w.roles_not_before_name)
    return sorted(r for r in roles if not (r.endswith("s") and r[:-1] in roles))


def _singular_kin() -> list[str]:
    return sorted(w for w in entity_words().kin_nouns if not w.endswith("s") and w != "children")


# a cue, then the name: "her sister Ada", "my name is Ada", "a friend of Ada", "a novel by Ada", "Dear Ada:"
# (matched at a word site)
_AFTER = lazy_compile(
    lambda: (
        rf"(?:(?:{trie_pattern(_OWNERS + tuple(o.capitalize() for o in _OWNERS))})[ \t]+"
        rf"(?:(?:[a-z]+[ \t]+)?(?P<kin>{_words('kin_nouns')})[ \t]*,?|(?:[a-z]+[ \t]+)?(?P<role>{trie_pattern(_roles())})"
        rf"[ \t]*,|(?P<named>name(?:[ \t]+(?:is|was)|[’']s)))"
        rf"|(?P<of>{trie_pattern(_singular_kin())})[ \t]+of"
        rf"|(?P<by>{_words('creator_words')})[ \t]+by|(?P<greet>{_words('greetings')}))[ \t]+{_NAME}{_NAME_END}"
    )
)
# a cue after the name, matched at a word site: "'s widow" (the kin noun), " was born", " died", ", born in"
_KIN_AFTER_NAME = lazy_compile(
    lambda: (
        rf"(?:{_words('kin_nouns')})\b(?![ \t]+(?:{_words('kin_modified_nouns')})\b)"
        rf"|(?:{_words('person_possessions')})\b(?![ \t]+(?:approach|idea|way|feature|method|design|technique)\b)"
    )
)
# a kin noun after a name and 's, then a name between commas: that name is a person too ("Marsk's widow, Ada,")
_KIN_NAMED = lazy_compile(lambda: rf"(?:{_words('kin_nouns')})[ \t]*,[ \t]+{_NAME}{_NAME_END}(?=[ \t]*,)")
_LIFE = lazy_compile(lambda: rf"(?:{trie_pattern(entity_words().life_verbs)})\b")
_BORN_BEFORE = re.compile(r"(?:[ \t]+(?:was|were)|,)[ \t]+$")
_BORN_AFTER = re.compile(r"born[ \t]+(?:in|on|at)\b")
_DATE = r"(?:(?:c\.|ca\.)[ \t]*)?(?:\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+|[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+)?\d{3,4}"
# life dates after the name: " (1850–1921)", " (born 1950" (a literal "(" first: a fast scan)
_LIFE_DATES = re.compile(rf"\((?:{_DATE}[ \t]*[-–—][ \t]*{_DATE}\)|(?:born|b\.)[ \t]+[^()\n]{{0,40}}?\d{{4}})")
# an age written before a name: "17-year-old", "nine-year-old", "12-year old" (the number checked before "year")
_AGE_BEFORE = re.compile(r"(?<![\w-])(?:\d{1,3}|[a-z]+)-$")
_AGED = lazy_compile(rf"year[- ]old[ \t]+{_NAME}{_NAME_END}(?![ \t]+\d)")  # not "a 19-year-old Vesko 750": a model
# two sets or more of a match, scored one by one ("6-2 6-3", "7-6 (7-5) 6-4"): the name before them is a player's
# (a team's result is one score: "Norvo beat Kestrel 2-1")
_SET = r"[0-7]-[0-7](?:[ \t]+\(\d{1,2}-\d{1,2}\))?"
# (the first digit first, the blank before it checked after it: the regex engine skips to digits)
SET_SCORES = re.compile(rf"[0-7](?<=[ \t][0-7]){_SET[len('[0-7]') :]}(?:[ \t]+{_SET})+(?![\w-])")
_BLANKS = re.compile(r"[ \t]*")
# two scores in a row anywhere in the text ("6-2 6-3"), found from each hyphen (a fast scan): without one, no
# paragraph is read for set scores
_SET_HINT = re.compile(r"-(?<=[0-7]-)[0-7][ \t]+(?:\(\d{1,2}-\d{1,2}\)[ \t]+)?[0-7]-[0-7]")


def scored_by_sets(text: str, end: int) -> bool:
    """Do set scores ("6-2 6-3") follow the name that ends at ``end``: a player's match, not a team's?

    >>> scored_by_sets("beat Yone Tarvo 6-2 6-3 on Monday", 15), scored_by_sets("beat Norvo 2-1 at home", 10)
    (True, False)
    """
    blanks = _BLANKS.match(text, end)
    return blanks is not None and SET_SCORES.match(text, blanks.end()) is not None


# an age in an apposition after the name: "Zelko Tarvas, a 31-year-old nurse" (read back from "year")
_AGED_APPOSITION = re.compile(r",[ \t]+an?[ \t]+\d{1,3}-$")
# "and his wife", "and her two sons": the name before is one of a couple or a family
# ("and" first, the blank before it checked after it: the regex engine skips to the literal)
_AND_KIN = lazy_compile(lambda: rf"and(?<=[ \t]and)[ \t]+(?:his|her)[ \t]+(?:[a-z]+[ \t]+)?(?:{_words('kin_nouns')})\b")
_QUOTED_AS = lazy_compile(rf"{_NAME}[ \t]+as[ \t]+(?:saying|telling)\b")
_NAME_BEFORE = lazy_compile(rf"(?<![\w’'.-]){_NAME}$")
# one word right after a quotation closes, before a cue ("“…,” Varsk said") or after "said" ("“…,” said Varsk.")
_ORG_STATEMENTS = (" in a statement", " in a press release", " in a news release", " in a release", " in a filing")
_SPEAKER_AFTER_QUOTE = lazy_compile(
    lambda: (
        rf"[”\"](?<=[,!?][”\"])[ \t]+(?:(?P<one>{NAME_WORD}){_NAME_END}[ \t]+(?:{AUX}[ \t]+){{0,{MAX_AUX}}}"
        rf"(?:{alternation(SAYING_CUES + QUOTING_CUES)})\b|said[ \t]+(?P<two>{NAME_WORD})[.,])"
    )
)
# a cue of saying, then at most four words in lower case or days and months (not "it", "its", "they": another
# sayer; no name: "asked Tarvo whether he", whom "he" names) and "he" or "she"
_DAYS = trie_pattern(DAYS_AND_MONTHS)
_PERSONS = tuple(p for p in THIRD_PERSON if p not in ("it", "they"))  # "he", "she": said of a person only
_SAYS_HE_OR_SHE = lazy_compile(
    lambda: (
        rf"(?:{alternation(SAYING_CUES)})\b(?:[ \t]+(?!(?:it|its|they|their)\b)(?:[a-z][\w’'-]*|{_DAYS}\b)){{0,4}}?[ \t]+"
        rf"(?:{alternation(_PERSONS)})\b(?![’'-])"
    )
)
# the one word before such a cue (after at most two auxiliaries: "Varsk has said he")
_SAYER_BEFORE = lazy_compile(rf"(?<![\w’'.-])(?P<n>{NAME_WORD}){_NAME_END}[ \t]+(?:{AUX}[ \t]+){{0,2}}$")
# a line that opens "Surname, Given Names." and goes on: an author in a reference list (not after an initial:
# "Similarly, Ivo K. Marsk said" opens a sentence)
_REFERENCE = lazy_compile(
    rf"(?P<s>{NAME_WORD}),[ \t]+(?P<g>{NAME_WORD}(?:[ \t]+{NAME_WORD})?)(?<![A-Z]\.)\.[ \t]+[A-Z\d“\"‘']"
)
# a greeting's name ends its line or is followed by a comma, colon or exclamation mark
_GREETING_END = re.compile(r"[ \t]*(?:[,:;!\n]|$)")
_REACH = 80  # characters before a cue where its name is read
# a lower-case word after a one-word name, not a verb or a linking word: the name qualifies it
_MODIFIER_NEXT = re.compile(
    r"[ \t]+(?!(?:who|whom|whose|was|is|had|has|and|or|but|when|while|since|until|after|before|because|as|in|on|at|"
    r"for|to|from|with|by|of|that|which|would|could|will|did)\b)[a-z]"
)
_TITLE_LINK = frozenset("of on and the in for to from a an at with".split())


@functools.cache
def cue_first_words() -> frozenset[str]:
    """The words a cue starts with (:class:`~kit.parse.patterns.WordSites` finds them in one shared scan)."""
    w = entity_words()
    life = {v.split()[0] for v in w.life_verbs if not v.startswith(("was ", "were "))} | {"born"}
    owners = {*_OWNERS, *(o.capitalize() for o in _OWNERS)}
    return frozenset(owners | w.kin_nouns | w.person_possessions | w.creator_words | set(w.greetings) | life)


def find_cued_people(
    text: str,
    spans: Iterable[tuple[int, int]],
    gaz: Gazetteer,
    *,
    known: Iterable[Person] = (),
    not_people: frozenset[str] = frozenset(),
    lower_near: Callable[[str, int, str], bool] | None = None,
    sites: WordSites | None = None,
) -> tuple[Person, ...]:
    """People found by a cue (see the module doc), in order of first mention.

    ``known``: people found already; ``not_people``: names and words that are never a person's
    (organisations' names and forms); ``lower_near(text, at, word)``: is the word also written
    in lower case near ``at``? ``sites``: word sites of ``text`` that include :func:`cue_first_words`
    (optional: the same people, found faster).
    """
    known = list(known)
    taken = {w for p in known for w in p.name.split()}
    known_ids = {p.id for p in known}
    found: dict[str, Person] = {}

    def add(name: str, a: int, *, greeting: bool = False) -> None:
        got = _read(text, name, a, gaz, not_people, taken, lower_near)
        if got is None:
            return
        name, a = got
        if greeting and name in entity_words().greeting_not_names:
            return
        pid = snake_id(name)
        if pid not in found and pid not in known_ids:
            found[pid] = Person(pid, name, "", None, a, a + len(name))

    def name_before(start: int, b: int) -> None:
        """The name that ends at ``b`` (blanks before ``b`` skipped), if any."""
        while b > start and text[b - 1] in " \t":
            b -= 1
        n = before.search(text, max(start, b - _REACH), b)
        if n is not None:
            add(n.group("n"), n.start("n"))

    words = cue_first_words()
    at_sites = (sites.of(words) if sites is not None else None) or []
    if sites is None or sites.of(words) is None:
        at_sites = WordSites(text, (words,)).of(words) or []
    at_sites = [-1, *at_sites]  # the text's first word has no site (no character before it)
    after, kin, life, before = _AFTER.compiled, _KIN_AFTER_NAME.compiled, _LIFE.compiled, _NAME_BEFORE.compiled
    kin_named = _KIN_NAMED.compiled
    # what the three rules after the cues need somewhere in the text (one search each, not one per paragraph)
    parens, years, quoted = "(" in text, "year" in text, " quoted " in text
    families = " and his " in text or " and her " in text
    sets = _SET_HINT.search(text) is not None
    closes = "”" in text or '"' in text
    found_words: set[str] = set()  # the words read after a quotation so far (each once)
    pronouns = "he" in text  # (also "she")
    say_sites = sites.of(SAYING_FIRST_WORDS) if sites is not None and pronouns else None
    sayings = _sayings(text, spans, say_sites) if pronouns else []  # (one pass: each span reads its own)
    sayer = _SAYER_BEFORE.compiled
    i = 0
    for start, end in spans:
        i = bisect.bisect_left(at_sites, start - 1, i)
        while i < len(at_sites) and at_sites[i] < end:
            q = at_sites[i] + 1
            i += 1
            if q < start or (q > 0 and (text[q - 1].isalnum() or text[q - 1] in "’'-")):
                continue
            m = after.match(text, q, end)
            if m is not None:
                greeting = m.group("greet") is not None
                if greeting and not _GREETING_END.match(text, m.end(), end):
                    continue
                if m.group("of") and " " not in m.group("n") and _MODIFIER_NEXT.match(text, m.end()):
                    continue  # "the mother of Norvo cultures": the name qualifies a noun
                add(m.group("n"), m.start("n"), greeting=greeting)
            elif text[q - 3 : q] in ("’s ", "'s ") and kin.match(text, q, end):
                name_before(start, q - 3)  # "Marsk's widow"
                if (k := kin_named.match(text, q, end)) is not None:
                    add(k.group("n"), k.start("n"))  # "Marsk's widow, Ada," names her too
            elif text.startswith("born", q):
                k = _BORN_BEFORE.search(text, max(start, q - 8), q)
                if k is not None and (k.group().strip() != "," or _BORN_AFTER.match(text, q, end)):
                    name_before(start, k.start())  # "Marsk was born", "Marsk, born in 1850"
            elif life.match(text, q, end) and q - 1 >= start and text[q - 1] in " \t":
                name_before(start, q)  # "Vell died"
        if parens and text.find("(", start, end) >= 0:
            for m in _LIFE_DATES.finditer(text, start, end):
                name_before(start, m.start())  # "Ivo Marsk (1850–1921)"
        at = text.find("year", start, end) if years else -1
        while at >= 0:  # "the 17-year-old Tom Moss", "12-year old Ivo": an age before a name (str.find: a fast scan)
            if (
                (m := _AGED.match(text, at, end)) is not None
                and _AGE_BEFORE.search(text, max(start, at - 12), at)
                and not _MODIFIER_NEXT.match(text, m.end())  # "a 17-year-old Dutch student": an adjective
            ):
                add(m.group("n"), m.start("n"))
            elif (a := _AGED_APPOSITION.search(text, max(start, at - 16), at)) is not None:
                name_before(start, a.start())  # "Zelko Tarvas, a 31-year-old nurse": an age in an apposition
            at = text.find("year", at + 4, end)
        for m in _AND_KIN.compiled.finditer(text, start, end) if families else ():
            name_before(start, m.start())  # "Ivo Marsk and his wife": one of a couple or a family
        at = text.find(" quoted ", start, end) if quoted else -1
        while at >= 0:  # "the Norvo Sun quoted Marsk as saying": whom an outlet quotes is a person
            if (m := _QUOTED_AS.match(text, at + 8, end)) is not None:
                add(m.group("n"), m.start("n"))
            at = text.find(" quoted ", at + 8, end)
        for m in SET_SCORES.finditer(text, start, end) if sets else ():
            name_before(start, m.start())  # "beat Yone Tarvo 6-2 6-3": a player, scored set by set
        quoted_here = closes and (text.find("”", start, end) >= 0 or text.find('"', start, end) >= 0)
        for m in _SPEAKER_AFTER_QUOTE.compiled.finditer(text, start, end) if quoted_here else ():
            g = "one" if m.group("one") else "two"
            word = m.group(g)
            if word in taken or word in found_words or word in entity_words().given_names:
                continue  # a known person's word; a given name named once by a cue is kit.parse.single_names' to read
            if "." in word or text.startswith(_ORG_STATEMENTS, m.end()):
                continue  # "“…,” J. said"; "Zentrix said in a statement": an organisation
            if g == "two" and word in _abbreviated_titles(gaz):
                continue  # "“…,” said Rev. Ivo Marsk": a title's abbreviation, the name follows
            if any(one_slip(word, w) for w in taken if len(w) >= 6):
                continue  # "Marskovc said" after Ivo Marskovic: his surname mistyped (kit.parse.people reads it)
            found_words.add(word)
            add(word, m.start(g))  # "“…,” Varsk said": one word that speaks is a surname
        j = bisect.bisect_left(sayings, start)
        while j < len(sayings) and sayings[j] < end:
            b = sayings[j]
            j += 1
            n = sayer.search(text, max(start, b - 40), b)
            if n is None:
                continue
            word, w_at = n.group("n"), n.start("n")
            if word in taken or word in found_words or word in entity_words().given_names or "." in word:
                continue  # as after a quotation (above)
            if word.lower() in entity_words().people_nouns:
                continue  # "Critics said he": a common noun that opens the sentence
            if (
                text[max(start, w_at - 2) : w_at] != ", "
                and OPENS_SENTENCE.search(text, max(0, w_at - 4), w_at) is None
            ):
                continue  # "the Norvo Tarvo said he": a name's last word; only a sentence's or a clause's opener
            if any(one_slip(word, w) for w in taken if len(w) >= 6):
                continue
            found_words.add(word)
            add(word, w_at)  # "Varsk said on Monday he would resign": "he" after a cue of saying, a person
    return tuple(sorted(found.values(), key=lambda p: p.start))


def find_reference_authors(
    text: str, spans: Iterable[tuple[int, int]], gaz: Gazetteer, *, known: Iterable[Person] = ()
) -> tuple[Person, ...]:
    """The authors of a reference list: a paragraph that opens "Surname, Given Names." and goes on ("Marsk, Ivo. A
    History of Norvo", "Vell, Ada Lin. Letters") names "Ivo Marsk", when the first given name is a listed one,
    the surname is none, no word is a state's, an organisation's or a stop word, and the surname is not written
    in lower case nearby. ``known``: people found already (skipped). A person's ``start``/``end`` cover
    "Marsk, Ivo"."""
    words = entity_words()
    stop, org_words, _ = name_word_sets(gaz)
    taken = {p.id for p in known}
    found: dict[str, Person] = {}
    for start, end in spans:
        if not "A" <= text[start : start + 1] <= "Z" or text.find(", ", start, start + 40) < 0:
            continue  # (a quick test first: a surname and its comma open the line)
        if (m := _REFERENCE.match(text, start, end)) is None:
            continue
        surname, given = m.group("s"), m.group("g")
        if given.split()[0] not in words.given_names or surname in words.given_names:
            continue  # "Norvo, Ivo": two given names, an address or a greeting
        if any(t in stop or t in org_words or gaz.entity_of(t) is not None for t in (surname, *given.split())):
            continue
        if surname in words.sentence_openers or written_lower_near(text, start, surname):
            continue  # "Still, Ivo.": a word that opens a sentence
        pid = snake_id(f"{given} {surname}")
        if pid not in found and pid not in taken:
            found[pid] = Person(pid, f"{given} {surname}", "", None, m.start("s"), m.end("g"))
    return tuple(found.values())


def _sayings(text: str, spans: Iterable[tuple[int, int]], sites: list[int] | None) -> list[int]:
    """Where each cue of saying followed by "he" or "she" (``_SAYS_HE_OR_SHE``) starts, in text order. With the
    ``sites`` of a shared scan: read back from the pronouns, far fewer than the cues (a match ends with "he" or
    "she" on its cue's line, so only the cues before a pronoun on its line are tried, each once: in text order,
    so the work stays linear). Else by a scan of each span that holds "he" or "she"."""
    pattern = _SAYS_HE_OR_SHE.compiled
    if sites is not None:
        out = []
        done = 0  # the sites before this one have been tried
        for p in sorted(_pronouns(text)):
            # the line's start, looked for only back to the last site tried (a long line is not read again)
            nl = text.rfind("\n", sites[done - 1] if done else 0, p)
            first = max(done, bisect.bisect_left(sites, nl)) if nl >= 0 else done
            done = max(done, bisect.bisect_left(sites, p))
            out += [sites[i] + 1 for i in range(first, done) if pattern.match(text, sites[i] + 1) is not None]
        return out
    out = []
    for start, end in spans:
        if text.find("he", start, end) < 0:
            continue  # (no "he" and no "she")
        for m in pattern.finditer(text, start, end):
            if not (m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "’'-")):
                out.append(m.start())
    return out


def _pronouns(text: str) -> list[int]:
    """Where "he" or "she" is a whole word after a blank (not "he’d", "he-goat"), found by ``str.find``."""
    out = []
    for lead in (" he", "\the", " she", "\tshe"):
        at = text.find(lead)
        while at >= 0:
            after = text[at + len(lead) : at + len(lead) + 1]
            if not (after.isalnum() or after in "_’'-") or not after:
                out.append(at + 1)
            at = text.find(lead, at + 1)
    return out


@functools.lru_cache(maxsize=4)
def _abbreviated_titles(gaz: Gazetteer) -> frozenset[str]:
    """Honorifics and titles written short with a full stop ("Rev.", "Gen."), without it."""
    short = {a.rstrip(".") for a in gaz.data.get("titles", {}).get("abbreviations", {}) if " " not in a}
    return frozenset(short | {h for h, _ in entity_words().honorifics})


def _read(
    text: str,
    name: str,
    a: int,
    gaz: Gazetteer,
    not_people: frozenset[str],
    taken: set[str],
    lower_near: Callable[[str, int, str], bool] | None,
) -> tuple[str, int] | None:
    """``(name, start)`` once leading non-name words are dropped, or ``None`` when it names no one."""
    stop, org_words, title_words = name_word_sets(gaz)
    words = entity_words()
    tokens = name.split()
    opens = OPENS_SENTENCE.search(text, max(0, a - 4), a) is not None
    while tokens and (
        tokens[0] in stop
        or tokens[0] in NOT_FIRST_WORDS
        or tokens[0] in title_words
        or tokens[0].rstrip(".") in stop
        or (len(tokens) > 1 and opens and lower_near is not None and lower_near(text, a, tokens[0]))
    ):
        if len(tokens) == 1:
            return None
        a = text.index(tokens[1], a + len(tokens[0]))
        tokens.pop(0)
        opens = False
    if not tokens or any(t in stop or t in org_words or t.rstrip(".") in org_words for t in tokens):
        return None
    name = " ".join(tokens)
    if name in not_people or name in taken or name in words.places or name in words.agencies:
        return None
    if any(gaz.entity_of(t) is not None for t in tokens) or gaz.entity_of(name) is not None:
        return None
    if words.looks_like_place(tokens) or any(t in words.not_person_first for t in tokens):
        return None
    if all(len(t) <= 2 for t in tokens):
        return None  # initials alone ("J. K."), a stray capital
    if len(tokens) == 1:
        t = tokens[0]
        if t in words.org_heads or t in words.demonym_nouns or t in words.not_names_alone or t.isupper():
            return None  # "Everyone smiled", "Thousands died"
        if t.endswith(words.adjective_endings) and t not in words.given_names:
            return None  # "the mother of Norvic cultures": an adjective
        if opens and t not in words.given_names and lower_near is not None and lower_near(text, a, t):
            return None  # "Later smiled": capitalised only because it opens the sentence
    if text[max(0, a - 4) : a] in ("the ", "The ") or _continues_title(text, a):
        return None
    return name, a


_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))(?P<w>[\w’'-]+)[ \t]+$")


def _continues_title(text: str, a: int) -> bool:
    """Does the name at ``a`` continue a capitalised title ("A Grammar of Norvic Word Roots")?

    It does when the word before is a small linking word written after a capitalised word.
    """
    m = _WORD_BEFORE.search(text, max(0, a - 20), a)
    if m is None or m.group("w") not in _TITLE_LINK:
        return False
    k = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
    return k is not None and k.group("w")[:1].isupper()
