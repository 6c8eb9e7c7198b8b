"""Add international given names to kit/data/given_names.txt from Faker's person providers.

Faker (MIT licence; the notice is kit/data/given_names_LICENSE-faker.txt) ships given-name
lists for about 80 locales. This script adds, by default (``--sources`` picks among them):

* ``latin``: the Latin-script names of every locale but the English-speaking ones whose lists are
  modern baby names full of places and brands (``en``, ``en_US``, ``en_GB``, ``en_IE``, ``en_NZ``:
  "Dayton", "Kingston", "Ford"; the 1990 US Census list already covers English names);
* ``romanized``: the names of the Cyrillic (ru_RU, uk_UA, bg_BG, mk_MK), Greek (el_GR), Georgian
  (ka_GE) and Armenian (hy_AM) locales, romanized as English-language news writes them, a few common
  variants each (``romanize_cyrillic``, ``romanize_greek``, ``romanize_georgian_armenian``: "Dmitry",
  "Dmitri"; "Giorgos", "Yiorgos"; "Levan"). bg_BG's list is full of rare and
  made-up names: one of its names is taken only when another locale gives it too (SHARED_ONLY);
* ``english``: the older British and Irish lists (en_GB, en_IE), less any name an English list gives
  as a family name ("Alastair", "Iain"; not "Kane");
* ``unaccented``: each of those names with an accent, written without it ("Soren", "Francois"),

leaving out:

* a one-word place name of Faker's address providers, and a word of a longer one unless two or more
  locales give it as a given name ("Victoria"; but "Domenico" of "San Domenico" stays), in its own
  script, romanized and without accents; every word of a language's name ("Turkmen");
* words the kit already reads as something else (kit/data/entities.json places, place and
  organisation head words, first words that never open a person's name, role words, demonym nouns;
  every word of kit/data/gazetteer.json; months and days);
* with ``--vocabulary FILE ...``, any name written in lower case in those texts (an ordinary
  English word: "will", "grace"; e-mail addresses and links aside). The texts are read, never copied.

Names are only ever added (the file's own list and header stay). Run once, by hand, when the
list should grow; Faker is not a dependency of the kit:

    pip download faker --no-deps -d /tmp/fk && unzip -q /tmp/fk/faker-*.whl -d /tmp/fk/x
    python scripts/build_given_names.py --faker /tmp/fk/x [--vocabulary texts/*.txt] [--sources latin,...]

The development texts given as vocabulary for the list in the repository: CoNLL-2003 eng.train,
all of GUM, PolNeAR train, and an English dictionary's word list (Debian's ``wamerican``,
``/usr/share/dict/words``: its lower-case words are read the same way) (built with Faker 40.63.0).
The names that start with an accented capital ("Élise", "Šimon", "Çağlar") were added later, with
``--sources latin,romanized,english`` and GUM's documents other than the news ones: not the
``unaccented`` source, whose plain forms of them are often English words or places ("Islam", "Isar").
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "kit" / "data"
#: Faker's English-speaking locales whose lists are English baby names (full of places and brands:
#: "Dayton", "Kingston", "Ford"); en_IN, en_KE, en_NG, en_PK and en_TH list local names in Latin letters.
ENGLISH = {"en", "en_US", "en_GB", "en_IE", "en_NZ"}
#: The English lists read by the ``english`` source: the British and Irish ones, of older given names
#: ("Alastair", "Iain", "Saoirse"); the US, NZ and generic lists are modern baby names, and even their
#: names that two lists share were no help on the development texts ("Devon", "Campbell" read as people).
ENGLISH_OLDER = ("en_GB", "en_IE")
#: Locales whose list holds many rare and made-up names (bg_BG's: words for objects, book characters):
#: a name of theirs is taken only when another locale gives it too.
SHARED_ONLY = {"bg_BG"}
#: The sources main() reads (``--sources``): Latin-script lists of the other locales, romanized Cyrillic
#: and Greek lists, the older English lists, Latin names written without their accents.
SOURCES = ("latin", "romanized", "english", "unaccented")
#: A Latin-script given name: a capital (A-Z or one with an accent: "Élise", "Šimon", "İsmail"; the kit's
#: kit.parse.patterns.UPPER_LETTERS) and small letters.
LATIN = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ŽȘȚ][a-zà-öø-ÿāăąćčďđēėęěğīįıķĺľłńňōőœŕřśşšţťūůűųźżžș'’-]+")
FIRST = ("first_names", "first_names_male", "first_names_female", "first_romanized_names")
WHERE = ("cit", "countr", "state", "province", "region", "town", "municipal", "district", "county", "villag")
DAYS = "January February March April May June July August September October November December".split()
DAYS += "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


#: At most this many romanized spellings of one name.
MAX_VARIANTS = 6
#: Cyrillic letters as English-language news writes them (BGN/PCGN-like, without diacritics); a tuple
#: holds the choices, the first the most usual. Per language: Russian, Ukrainian, Bulgarian, Macedonian.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ё": ("yo", "e"),
}  # fmt: skip
_CYRILLIC_BY_LANGUAGE: dict[str, dict[str, str | tuple[str, ...]]] = {
    "ru": {},
    # Ukrainian: г is h (or g, as Russian writes it: Serhiy, Sergiy), и is y, і i, ї yi, є ye
    "uk": {"г": ("h", "g"), "ґ": "g", "и": "y", "і": "i", "ї": "yi", "є": "ye", "ʼ": "", "'": "", "’": ""},
    # Bulgarian (the official Streamlined System): х h, щ sht, ъ a, ь y
    "bg": {"х": "h", "щ": "sht", "ъ": "a", "ь": "y"},
    # Macedonian (the official system without diacritics)
    "mk": {"ѓ": "gj", "ќ": "kj", "ѕ": "dz", "ј": "j", "љ": "lj", "њ": "nj", "џ": "dzh", "х": "h", "ц": "c"},
}
_CYRILLIC_VOWELS = set("аеёиоуыэюяіїєъь")
_LOCALE_LANGUAGE = {"ru_RU": "ru", "uk_UA": "uk", "bg_BG": "bg", "mk_MK": "mk", "el_GR": "el", "el_CY": "el"}
_LOCALE_LANGUAGE.update({"ka_GE": "ka", "hy_AM": "hy"})


def _spellings(parts: list[str | tuple[str, ...]]) -> list[str]:
    """Every spelling the parts' choices make, the usual ones first, at most ``MAX_VARIANTS``, capitalised."""
    out = [""]
    for part in parts:
        choices = (part,) if isinstance(part, str) else part
        out = [o + c for o in out for c in choices]
    seen: dict[str, None] = {}
    for o in out:
        if o:
            seen.setdefault(o[0].upper() + o[1:], None)
    return list(seen)[:MAX_VARIANTS]


def romanize_cyrillic(name: str, language: str = "ru") -> list[str]:
    """A Cyrillic given name as English-language news writes it, with the common variants.

    Russian (BGN/PCGN-like, without diacritics): a final -ий is -y, -iy or -i (Dmitry, Dmitriy, Dmitri),
    a final й after a vowel -y or -i (Sergey, Sergei), е opening a word or after a vowel ye or e
    (Yevgeny, Evgeny), ё yo or e (Pyotr, Petr), кс inside a word ks or x (Aleksey, Alexey), a final
    -ия/-ья -iya/-ya or -ia (Mariya, Maria; Natalya, Natalia); soft and hard signs are dropped.
    Ukrainian, Bulgarian and Macedonian letters follow their own official systems
    (``_CYRILLIC_BY_LANGUAGE``; Ukrainian г is h, or g all through the name as Russian writes it).
    Returns ``[]`` for a name with a letter outside the table.

    >>> romanize_cyrillic("Дмитрий")
    ['Dmitry', 'Dmitriy', 'Dmitri']
    >>> romanize_cyrillic("Сергій", "uk")
    ['Serhiy', 'Serhii', 'Sergiy', 'Sergii']
    """
    table = {**_CYRILLIC, **_CYRILLIC_BY_LANGUAGE[language]}
    tables = [table]
    if language == "uk":  # one choice for the whole name: Hryhoriy or Grygoriy, never Hrygoriy
        tables = [{**table, "г": "h"}, {**table, "г": "g"}]
    out: dict[str, None] = {}
    for t in tables:
        spelled: list[str] = []
        for word in name.split("-"):
            parts = _cyrillic_parts(word.lower(), t, language)
            if not parts:
                return []
            one = _spellings(parts)
            spelled = one if not spelled else [f"{a}-{b}" for a in spelled for b in one]
        out.update(dict.fromkeys(spelled))
    return list(out)[:MAX_VARIANTS]


def _cyrillic_parts(w: str, table: dict[str, str | tuple[str, ...]], language: str) -> list[str | tuple[str, ...]]:
    """The romanized parts of one lower-case Cyrillic word (``[]`` if a letter is outside ``table``)."""
    east = language in ("ru", "uk")
    parts: list[str | tuple[str, ...]] = []
    i = 0
    while i < len(w):
        c, prev, end = w[i], w[i - 1] if i else "", i + 2 == len(w)
        two = w[i : i + 2]
        if end and language == "ru" and two in ("ий", "ый"):
            parts.append(("y", "iy", "i") if c == "и" else "y")
        elif end and language == "uk" and two == "ій":
            parts.append(("iy", "ii"))
        elif end and east and two in ("ия", "ія", "ья"):
            parts.append(("ya", "ia") if c == "ь" else ("iya", "ia"))
        elif c == "к" and w[i + 1 : i + 2] == "с" and language == "ru" and i > 0:
            parts.append(("ks", "x"))
        else:
            if c == "й" and i + 1 == len(w) and prev in _CYRILLIC_VOWELS:
                parts.append(("y", "i"))
            elif c == "е" and language == "ru" and (not prev or prev in _CYRILLIC_VOWELS):
                parts.append(("ye", "e") if not prev else "ye")
            elif c == "ё" and prev in ("", *"жчшщ"):
                parts.append(("yo", "e") if not prev else ("o", "e"))
            elif c in table:
                parts.append(table[c])
            else:
                return []
            i += 1
            continue
        i += 2
    return parts


_GREEK = {
    "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
    "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
    "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
}  # fmt: skip
_GREEK_VOWELS = set("αεηιουω")
_GREEK_VOICELESS = set("θκξπστφχψ")


def romanize_greek(name: str) -> list[str]:
    """A Greek given name as English-language news writes it (ELOT 743-like), with the common variants.

    Accents are dropped; ου is ou; αυ/ευ are av/ev before a vowel or voiced consonant, af/ef otherwise;
    αι, ει, οι are ai/e, ei/i, oi/i (Aikaterini, Ekaterini); μπ and ντ opening a word are b and d;
    γγ, γκ, γχ, γξ are ng, ng, nch, nx; γι before a vowel is gi or yi (Giorgos, Yiorgos); χ is ch or h
    (Christos, Hristos); a κ opening the name before a, o or r may be c (Kostas, Costas). Returns ``[]``
    for a name with a letter outside the table.

    >>> romanize_greek("Γιώργος")
    ['Giorgos', 'Yiorgos']
    """
    w = "".join(c for c in unicodedata.normalize("NFD", name.lower()) if c != "\u0301")
    w = unicodedata.normalize("NFC", w)
    out: dict[str, None] = {}
    for chi in ("ch", "h") if "χ" in w else ("ch",):  # one choice for the whole name
        parts = _greek_parts(w, {**_GREEK, "χ": chi})
        if not parts:
            return []
        out.update(dict.fromkeys(_spellings(parts)))
    return list(out)[:MAX_VARIANTS]


def _greek_parts(w: str, table: dict[str, str]) -> list[str | tuple[str, ...]]:
    """The romanized parts of a lower-case Greek word without accents (``[]`` if a letter is outside ``table``)."""
    parts: list[str | tuple[str, ...]] = []
    i = 0
    while i < len(w):
        two, nxt = w[i : i + 2], w[i + 2 : i + 3]
        if two == "ου":
            parts.append("ou")
        elif two in ("αυ", "ευ", "ηυ"):
            parts.append(table[w[i]] + ("f" if not nxt or nxt in _GREEK_VOICELESS else "v"))
        elif two in ("αι", "ει", "οι"):
            parts.append({"αι": ("ai", "e"), "ει": ("ei", "i"), "οι": ("oi", "i")}[two])
        elif two in ("μπ", "ντ"):
            parts.append(("b" if two == "μπ" else "d") if i == 0 else ("mb", "mp") if two == "μπ" else "nt")
        elif two in ("γγ", "γκ", "γχ", "γξ"):
            parts.append("g" if i == 0 and two == "γκ" else {"γγ": "ng", "γκ": "ng", "γχ": "nch", "γξ": "nx"}[two])
        elif two == "γι" and nxt in _GREEK_VOWELS:
            parts.append(("gi", "yi"))
        elif i == 0 and w[0] == "κ" and w[1:2] in ("α", "ο", "ω", "ρ", "λ"):
            parts.append(("k", "c"))
            i += 1
            continue
        elif w[i] in table:
            parts.append(table[w[i]])
            i += 1
            continue
        elif w[i] in "\u0308ϊϋΐΰ":  # a diaeresis: the vowel is read apart (already so)
            base = {"ϊ": "i", "ΐ": "i", "ϋ": "y", "ΰ": "y"}.get(w[i], "")
            parts.append(base)
            i += 1
            continue
        else:
            return []
        i += 2
    return parts


#: Georgian letters by the national system (2002) without its apostrophes (Levan, Mikheil, Zurab).
_GEORGIAN = dict(zip("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ", [
    "a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p", "zh", "r", "s", "t", "u", "p",
    "k", "gh", "q", "sh", "ch", "ts", "dz", "ts", "ch", "kh", "j", "h",
]))  # fmt: skip
#: Eastern Armenian letters, BGN/PCGN-like without diacritics (Tigran, Hovhannes, Levon).
_ARMENIAN = dict(zip("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ", [
    "a", "b", "g", "d", "e", "z", "e", "y", "t", "zh", "i", "l", "kh", "ts", "k", "h", "dz", "gh", "ch", "m",
    "y", "n", "sh", "o", "ch", "p", "j", "r", "s", "v", "t", "r", "ts", "v", "p", "k", "o", "f",
]))  # fmt: skip


def romanize_georgian_armenian(name: str) -> list[str]:
    """A Georgian or Armenian given name in Latin letters (one spelling; ``[]`` for a letter outside the tables).

    Georgian by the national system without apostrophes; Armenian BGN/PCGN-like: ու is u, և ev, and ե, ո
    opening the name ye, vo ("Yervand", "Vostan").

    >>> romanize_georgian_armenian("ლევან"), romanize_georgian_armenian("Տիգրան")
    (['Levan'], ['Tigran'])
    """
    w = name.lower()
    out = ""
    i = 0
    while i < len(w):
        c = w[i]
        if w[i : i + 2] == "ու":
            out += "u"
            i += 2
            continue
        if c == "և":
            out += "ev"
        elif i == 0 and c in "եո":
            out += "ye" if c == "ե" else "vo"
        elif c in _GEORGIAN:
            out += _GEORGIAN[c]
        elif c in _ARMENIAN:
            out += _ARMENIAN[c]
        else:
            return []
        i += 1
    return [out[0].upper() + out[1:]] if out else []


def romanized(name: str, locale: str) -> list[str]:
    """The Latin spellings of a given name of a Cyrillic-, Greek-, Georgian- or Armenian-script locale (or ``[]``)."""
    language = _LOCALE_LANGUAGE.get(locale)
    if language is None or LATIN.fullmatch(name):
        return []
    if language in ("ka", "hy"):
        return romanize_georgian_armenian(name)
    return romanize_greek(name) if language == "el" else romanize_cyrillic(name, language)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from _strings(v)


def providers(package: Any) -> Iterator[tuple[str, Any]]:
    """``(locale, Provider)`` for each locale module of a Faker providers package that imports here."""
    for m in pkgutil.iter_modules(package.__path__):
        try:
            module = importlib.import_module(f"{package.__name__}.{m.name}")
        except Exception:  # a locale that needs something we do not have: skip it
            continue
        provider = getattr(module, "Provider", None)
        if provider is not None:
            yield m.name, provider


def unaccented(name: str) -> str | None:
    """A Latin name without its accents, as English-language news often writes it ("José" -> "Jose"), or None."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain if plain != name and re.fullmatch(r"[A-Z][a-z'-]+", plain) else None


def faker_names(sources: tuple[str, ...] = SOURCES) -> set[str]:
    """Given names of Faker's person providers from ``sources``, minus every word of a place name.

    ``latin``: the Latin-script names of every locale but the ENGLISH ones; ``romanized``: the names of
    the Cyrillic and Greek locales, romanized (``romanized()``); ``english``: the names of the ENGLISH_OLDER lists
    that no English list gives as a family name; ``unaccented``: the names of those sources with an
    accent, written without it. Place words of the address providers are left out in their own script
    and romanized.
    """
    import faker.providers.address as address
    import faker.providers.person as person

    names: set[str] = set()
    english: set[str] = set()
    surnames: set[str] = set()  # the English lists' family names ("Kane", "Pearce")
    widely: dict[str, int] = {}  # how many locales list each name
    given_by: dict[str, set[str]] = {}  # the locales giving each name, in Latin letters
    languages: set[str] = set()
    for locale, provider in providers(person):
        listed: set[str] = set()
        for attr in FIRST:
            value = getattr(provider, attr, None)
            if isinstance(value, (list, tuple, dict, set, frozenset)):
                listed.update(n.strip() for n in _strings(value))
        for n in listed:
            widely[n] = widely.get(n, 0) + 1
        languages.update(w for s in _strings(getattr(provider, "language_names", ())) for w in s.split())
        if locale in ENGLISH:
            if locale in ENGLISH_OLDER:
                english.update(n for n in listed if LATIN.fullmatch(n))
            surnames.update(_strings(getattr(provider, "last_names", ())))
            continue
        latin = {n for n in listed if LATIN.fullmatch(n)} if "latin" in sources else set()
        if "romanized" in sources:
            latin.update(r for n in listed for r in romanized(n, locale))
        for n in latin:
            given_by.setdefault(n, set()).add(locale)
    names.update(n for n, where in given_by.items() if where - SHARED_ONLY or len(where) > 1)
    if "english" in sources:
        names.update(english - surnames)
    if "unaccented" in sources:
        names.update(u for n in list(names) if (u := unaccented(n)))
    places = set(languages)  # "Turkmen", "Zulu": a language's or people's name
    for locale, provider in providers(address):
        for attr in dir(provider):
            if any(k in attr for k in WHERE):
                value = getattr(provider, attr, None)
                if isinstance(value, (list, tuple, dict, set, frozenset)):
                    for place in _strings(value):
                        words = place.split()
                        for w in words:
                            # a word of a longer place name ("San Domenico") only if few locales give it
                            if len(words) == 1 or widely.get(w, 0) < 2:
                                places.add(w)
                                places.update(romanized(w, locale))
                                places.add(unaccented(w) or w)
    return names - places


def kit_words() -> set[str]:
    """Words the kit already reads as places, organisations, roles, nationalities or gazetteer entities."""
    ew = json.loads((DATA / "entities.json").read_text(encoding="utf-8"))
    out = set(DAYS)
    keys = ("places", "place_heads", "place_heads_or_surnames", "not_person_first", "org_heads", "not_acronyms")
    for key in (*keys, "demonym_nouns"):
        out.update(ew[key])
    out.update(w.capitalize() for w in ew["role_words"])
    gaz = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))
    out.update(w for s in _strings(gaz) for w in s.split())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faker", required=True, help="a folder holding the 'faker' package (an unpacked wheel)")
    parser.add_argument("--vocabulary", nargs="*", default=[], help="texts whose lower-case words are not names")
    parser.add_argument("--sources", default=",".join(SOURCES), help=f"comma-separated, of {', '.join(SOURCES)}")
    args = parser.parse_args(argv)
    sys.path.insert(0, args.faker)
    target = DATA / "given_names.txt"
    lines = target.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    have = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    lower: set[str] = set()
    for path in args.vocabulary:
        text = re.sub(r"\S+@\S+|\w+://\S+|www\.\S+", " ", Path(path).read_text(encoding="utf-8", errors="replace"))
        lower.update(re.findall(r"(?<![\w'-])[a-z][a-z'-]*", text))  # e-mail addresses and links left out
    blocked = kit_words()
    added = {
        n
        for n in faker_names(tuple(args.sources.split(","))) - have
        if len(n) >= 3 and n.lower() not in lower and n not in blocked
    }
    target.write_text("\n".join(header + sorted(have | added)) + "\n", encoding="utf-8")
    print(f"{len(added)} names added; {len(have | added)} in all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
