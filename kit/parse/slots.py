"""Where a quotation's speaker is named after it: "…,” X said", "said X, who …", "— X",
"…, the union says." later in its sentence, "X said." as a sentence of its own, and a
sign-off paragraph ("- Ann Lee.").

The speaker-span grammar (:data:`SPEAKER_CHAR`, :data:`NAMEISH`) is shared with
:mod:`kit.parse.governor`, which reads what comes before a quotation; :mod:`kit.parse.quotes`
decides which reading wins. Every pattern reads a bounded window after the quotation.

>>> t = "“We are ready,” said Ann Lee, who leads the union."
>>> span, _, cue = after_quote(t, 15, len(t), ",")
>>> t[slice(*span)], cue
('Ann Lee', 'said')
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .attribution import (
    AUX,
    MAX_AUX,
    NOT_GENERIC_SPEAKERS,
    NOT_ROLE_WORDS,
    from_the_name,
    pronoun_pattern,
    quote_cue_pattern,
    say_pattern,
    span_ok,
    strip_span,
)
from .patterns import DAYS_AND_MONTHS, lazy_compile

__all__ = [
    "SPEAKER_CHAR",
    "NAMEISH",
    "MARKS",
    "BARE_ATTRIBUTION",
    "SIGN_OFF",
    "after_quote",
    "after_quote_shape",
    "later_in_sentence",
    "end_mark",
    "name_after_role",
]

_ABBR = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Rev|Lt|Col|Sgt|Capt|Maj|Adm|St|Jr|Sr|Hon|Pres|Sens|Reps|Ft|Mt|[A-Z]"
    # US states as the wire services shorten them ("Tom Ray, R-Ky.,")
    r"|(?<=[-\s])(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|"
    r"Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wisc|Wyo))\."
)


# One character (or abbreviation) of a speaker span: an abbreviation, a bracketed tag, or any character but
# these marks. Every abbreviation starts with a capital, so any other character is tried first, as a class
# of its own: the same choices in the same order at each character (the same matches), without the engine
# trying each abbreviation at every lower-case letter of a long span.
SPEAKER_CHAR = rf"(?:[^A-Z,.;:!?“”\"()\[\]—–\n]|{_ABBR}|\([A-Z][\w.-]{{0,12}}\)|[A-Z])"


_SPK = rf"(?:{_ABBR}|[^\s,.;:!?“”\"‘’'()\[\]—–-]){SPEAKER_CHAR}{{0,160}}?"


# ", a spokesman for the union," / ", 41, of Keene, N.H., who runs the bakery," (at most three)
_APPOS = rf"(?:(?:,(?:{_ABBR}|[^,.;:!?“”\"()\n]){{1,90}}?){{1,4}},)?"


# ", Ada Vell." / ", Ada Vell, told": a name in apposition right after a role ("said its director, Ada Vell.")
_APPOSED_NAME = lazy_compile(lambda: rf",[ \t]+(?P<n>[A-Z][\w’'.-]*(?:[ \t]+{NAMEISH}){{0,3}})(?=[ \t]*(?:[.,;:!?]|$))")
_ROLE_WORD = re.compile(r"[a-z][a-z-]*")
_ABBREVIATION = re.compile(_ABBR)


def name_after_role(text: str, a: int, b: int) -> tuple[int, int]:
    """The name in apposition after a role, when ``text[a:b]`` is one ("its director, Ada Vell", "the group's
    spokeswoman, Lena Dorn, said": the person who holds the role speaks); else ``(a, b)``.

    A role is words in lower case, the last a noun of one or more letters, after at most one possessive owner
    ("Zentrix's chief executive"); a name is up to four capitalised words that end the sentence or the aside.

    >>> t, u = "said its director, Ada Vell.", "said Ann Lee, Ada Vell."
    >>> t[slice(*name_after_role(t, 5, 17))], u[slice(*name_after_role(u, 5, 12))]
    ('Ada Vell', 'Ann Lee')
    """
    words = text[a:b].split()
    if not words or not _ROLE_WORD.fullmatch(words[-1]):
        return a, b
    owners = [w for w in words if not _ROLE_WORD.fullmatch(w)]
    if len(owners) > 1 or (owners and not owners[0].endswith(("’s", "'s"))):
        return a, b
    m = _APPOSED_NAME.match(text, b)
    if m is None or m.group("n").split()[0].rstrip(".,") in DAYS_AND_MONTHS:
        return a, b  # "said the minister, Monday."
    n, e = m.start("n"), m.end("n")
    if text[e - 1] == "." and text[e - 2].islower() and not _ABBREVIATION.fullmatch(text[n:e].split()[-1]):
        e -= 1  # "…, Ada Vell." (not "Jr.")
    return n, e


_POST_NORMAL = lazy_compile(
    lambda: rf"[\s,]*(?P<spk>{_SPK}){_APPOS}\s+(?:{AUX}\s+){{0,{MAX_AUX}}}(?P<cue>{quote_cue_pattern()})\b"
)


# "“…,” Ann Lee, the pollster who runs the survey tweeted": a name whose aside lacks its closing comma
_POST_UNCLOSED = lazy_compile(
    lambda: (
        rf"[\s,]*(?P<spk>[A-Z][\w’'.-]*(?:\s+{NAMEISH}){{0,4}}),\s+(?:who|the|a|an)\s"
        rf"(?:{_ABBR}|\.(?=[a-z])|[^,.;:!?“”\"()\n]){{1,90}}?\s+(?:{AUX}\s+){{0,{MAX_AUX}}}(?P<cue>{quote_cue_pattern()})\b"
    )
)


# "“…,” the tall, soft-spoken envoy said": a description whose adjectives are split by a comma
_POST_ADJECTIVES = lazy_compile(
    lambda: (
        r"[\s,]*(?P<spk>(?:the|a|an|his|her|their|its)\s+[a-z][\w-]*,\s+(?!(?:the|a|an|his|her|their|its|and)\b)"
        rf"(?:[\w-]+\s+){{0,3}}[a-z][\w-]*)\s+(?:{AUX}\s+){{0,{MAX_AUX}}}(?P<cue>{quote_cue_pattern()})\b"
    )
)


# "said retired teacher Ann Lee of Norhaven": role words (even ones ending in "-ed") before a name, after an
# inverted cue (where no verb can stand); not "said in a statement that Ann Lee …"
_INVERTED_ROLE = lazy_compile(
    lambda: rf"(?:(?!(?:{'|'.join(map(re.escape, NOT_ROLE_WORDS))})\b)[a-z][a-z-]*\s+){{1,3}}(?=[A-Z])"
)


_POST_INVERTED = lazy_compile(
    lambda: rf"[\s,]*(?P<cue>(?![a-z]+ing\b(?<!according)){quote_cue_pattern()})\s+(?P<spk>{SPEAKER_CHAR}{{1,160}})"
)


_LATER_INVERTED = lazy_compile(
    lambda: (
        rf",[”’\"]?\s*(?P<cue>(?![a-z]+ing\b(?<!according)){quote_cue_pattern()})\s+(?P<spk>{SPEAKER_CHAR}{{1,160}})"
    )
)


NAMEISH = r"(?:[A-Z][\w’'.-]*|(?:de|van|von|al|bin|la|le|du|of|the)(?=\s+[A-Z]))"


# "“…” are too high, Lee said Tuesday": a plain attribution later in the quote's sentence
_LATER_NORMAL = lazy_compile(
    lambda: (
        rf",[”’\"]?\s*(?P<spk>{pronoun_pattern(it=False)}|(?:[A-Z][\w’'-]*\s+[a-z]+\s+)?{NAMEISH}(?:\s+{NAMEISH}){{0,4}}"
        rf"|(?:the|a|an|his|her|their|its)\s+(?:[\w’'-]+\s+){{0,4}}?[\w’'-]+)\s+(?:{AUX}\s+){{0,3}}"
        rf"(?P<cue>{say_pattern()})\b"
    )
)


# after a later attribution: the end of the sentence ("…, the rights group says." / "…, Lee said on Monday.")
_CLOSING = lazy_compile(
    r"(?:,[^,.;!?“”\"]{1,120})?(?:\s+(?:on|last|this|late|early|in|at)?\s*[\w’'-]+){0,4}?\s*[.!?]?[”’\"]?\s*$"
)


# (not a sentence opening with a preposition, a possessive or a quantifier: "On its face", "Her ideas were",
# "Several leaders")
_NOT_GENERIC_SPEAKER = rf"(?!(?:{'|'.join(map(re.escape, NOT_GENERIC_SPEAKERS))})\b)"


_POST_GENERIC = lazy_compile(
    rf"[\s,]*{_NOT_GENERIC_SPEAKER}(?P<spk>{pronoun_pattern(capitals=True)}|{NAMEISH}(?:\s+{NAMEISH}){{0,4}})"
    rf"\s+(?P<cue>(?!(?:is|was|has|does|says|its|his|this|thus|yes)\b)[a-z]{{2,20}}(?:ed|es|s))\b(?=[\s,.;:!?]|$)"
)


_POST_INVERTED_GENERIC = lazy_compile(
    rf"\s*(?P<cue>(?!(?:and|but|as|in|on)\b)[a-z]{{3,20}}ed)\s+(?P<spk>{NAMEISH}(?:\s+{NAMEISH}){{0,4}})(?=[\s,.;]|$)"
)


_RELATIVE = lazy_compile(r"\s(?:who|whose|which|but|because|after|when|while)\s")


BARE_ATTRIBUTION = lazy_compile(
    lambda: (
        rf"\s*(?:{pronoun_pattern(it=False, capitals=True)}|{NAMEISH}(?:\s+{NAMEISH}){{0,4}})\s+(?:{AUX}\s+){{0,3}}"
        rf"(?:{quote_cue_pattern()})(?:\s+[\w’'-]+){{0,4}}\s*[.!?]?\s*"
    )
)


_CONJ_START = lazy_compile(r"(?:and|but|or|while)\s")  # "“…” and Tom Ray says": a clause of its own


SIGN_OFF = lazy_compile(rf"\s*[-—–―]\s*(?P<spk>{NAMEISH}(?:\s+{NAMEISH}){{0,4}})(?:,[^\n“”\"]{{0,120}})?\.?\s*")


# "federal prosecutors", "local officials": a plural group in lower case
_LOWER_NP = lazy_compile(
    r"(?!(?:and|but|or|that|which|who|it|this|there|while|when|before|after|including)\b)"
    r"(?:[a-z][a-z-]+(?<!ing)\s+){0,2}[a-z][a-z-]+[^s\W]s"
)


# (a hyphen between blanks stands for the dash: "“We will win.” - Sam Ortiz")
_POST_DASH = lazy_compile(
    rf"(?:\s*[—―–]|[ \t]+-(?=[ \t]))\s*(?P<spk>[A-Z@]{SPEAKER_CHAR}{{0,100}}?)(?:,|\s*$|\s*[.;(])"
)


MARKS = frozenset('“”"«»')


def end_mark(text: str, cs: int, ce: int) -> str:
    """The last character of a quotation before any closing marks ("…?’”" -> "?")."""
    k = ce
    while k > cs and text[k - 1] in "’'\"”":
        k -= 1
    return text[k - 1] if k > cs else ""


def later_in_sentence(
    text: str,
    lo: int,
    hi: int,
    span: tuple[int, int] | None,
    cue_at: int,
    cue: str | None,
    *,
    closing: bool = False,
) -> tuple[tuple[int, int] | None, int, str | None]:
    """ ", said X" / ", X said" later in the quote's sentence (no other quotation in between),
    else the inputs. With ``closing``, only an attribution that ends the sentence counts."""
    m = _LATER_INVERTED.search(text, lo, hi)
    if m and not any(c in MARKS for c in text[lo : m.start()]):
        sp = strip_span(text, m.start("spk"), m.end("spk"))
        if span_ok(text, *sp, max_words=16) and (not closing or _CLOSING.fullmatch(text, m.end("spk"), hi)):
            return sp, m.start("cue"), m.group("cue")
    m = _LATER_NORMAL.search(text, lo, hi)
    if m and (closing or not any(c in MARKS for c in text[lo : m.start()])):
        if not closing or _CLOSING.fullmatch(text, m.end("cue"), hi):
            return (m.start("spk"), m.end("spk")), m.start("cue"), m.group("cue")
    return span, cue_at, cue


def after_quote_shape(
    text: str, lo: int, hi: int, last: str, generic: bool | Callable[[], bool] = True
) -> tuple[tuple[int, int] | None, int, str | None, str | None]:
    """An attribution right after a quotation: (speaker span, cue offset, cue, the shape's rule name).

    The names are those of :data:`kit.parse.rules.RULES`: ``after_said_x`` ("…,” said Kerry"),
    ``after_x_said`` ("…,” Kerry said"), ``after_verb_x``/``after_x_verb`` (any verb after a comma,
    "“Great!” beamed Ann Lee") and ``after_dash`` ("… — Tom Becker"). ``generic``: may any verb
    follow a name (``after_x_verb``)? A callable is asked only when that shape is tried (its
    answer may cost a search before the quotation, which most quotations never need).
    """
    m = _POST_INVERTED.match(text, lo, hi)
    if m:
        sp = strip_span(text, m.start("spk"), m.end("spk"))
        cut = _RELATIVE.search(text, *sp)  # "said one source who spoke on condition of anonymity"
        sp = strip_span(text, sp[0], cut.start()) if cut else sp
        ok = span_ok(text, *sp, max_words=16)
        if not ok:  # "said local activist Ann Lee": from the name on
            sp = from_the_name(text, *sp)
            ok = span_ok(text, *sp, max_words=16)
        role = _INVERTED_ROLE.match(text, *sp) if not ok else None
        if role:
            sp = (role.end(), sp[1])
            ok = span_ok(text, *sp, max_words=16)
        if ok:
            return name_after_role(text, *sp), m.start("cue"), m.group("cue"), "after_said_x"
    if last in ",?!":
        m = _POST_INVERTED_GENERIC.match(text, lo, hi)
        if m:  # "“This is great!” beamed Ann Lee"
            a, b = m.start("spk"), m.end("spk")
            if text[b - 1] == "." and b - a > 4 and text[b - 3 : b - 1].isalpha() and text[b - 3].islower():
                b -= 1  # "… beamed Ann Lee." (not "Jr.")
            return (a, b), m.start("cue"), m.group("cue"), "after_verb_x"
    m = _POST_NORMAL.match(text, lo, hi)
    if m:
        sp = strip_span(text, m.start("spk"), m.end("spk"))
        comma = last in ",?!" or text[lo:hi].lstrip()[:1] == ","
        longest = 12
        if not span_ok(text, *sp, max_words=12) and not _CONJ_START.match(text, sp[0]) and comma:
            cap = re.search(r"\b[A-Z]", text[sp[0] : sp[1]])  # "press secretary Dana Cole said": from the name on
            sp = (sp[0] + cap.start(), sp[1]) if cap else sp
            longest = 16 if cap else 12  # two names and their institute run longer ("A and B of the … Institute")
            if _RELATIVE.search(text, *sp):
                sp = (sp[1], sp[1])  # "… about her bank ties while Tom Ray suggests": not one speaker
        if span_ok(text, *sp, max_words=longest) or _LOWER_NP.fullmatch(text, *sp) and last in ",?!":
            sp = name_after_role(text, *sp) if text.startswith(",", sp[1]) else sp  # "its spokeswoman, Lena Dorn,"
            return sp, m.start("cue"), m.group("cue"), "after_x_said"  # "“…,” federal prosecutors wrote"
    m = _POST_UNCLOSED.match(text, lo, hi) if last in ",?!" else None
    if m and span_ok(text, m.start("spk"), m.end("spk")):
        return (m.start("spk"), m.end("spk")), m.start("cue"), m.group("cue"), "after_x_said"
    m = _POST_ADJECTIVES.match(text, lo, hi) if last in ",?!" else None
    if m:
        return (m.start("spk"), m.end("spk")), m.start("cue"), m.group("cue"), "after_x_said"
    if last in ",?!—–-" and (generic() if callable(generic) else generic):
        m = _POST_GENERIC.match(text, lo, hi)
        if m:
            return (m.start("spk"), m.end("spk")), m.start("cue"), m.group("cue"), "after_x_verb"
    m = _POST_DASH.match(text, lo, hi)
    if m:
        sp = strip_span(text, m.start("spk"), m.end("spk"))
        if span_ok(text, *sp, max_words=10):
            return sp, -1, None, "after_dash"
    return None, -1, None, None


def after_quote(
    text: str, lo: int, hi: int, last: str, generic: bool | Callable[[], bool] = True
) -> tuple[tuple[int, int] | None, int, str | None]:
    """An attribution right after a quotation: (speaker span, cue offset, cue); see :func:`after_quote_shape`."""
    return after_quote_shape(text, lo, hi, last, generic)[:3]
