"""Add international given names to kit/data/given_names.txt from Faker's person providers.

Faker (MIT licence; the notice is kit/data/given_names_LICENSE-faker.txt) ships given-name
lists for about 80 locales. This script adds the Latin-script ones of every locale except
the English-speaking ones (``en``, ``en_US``, ``en_GB``, ``en_IE``, ``en_NZ``, ``en_TH``: their
modern baby-name lists are full of places and brands — "Dayton", "Kingston", "Ford" — and the
1990 US Census list already covers English names), leaving out:

* any word of a place name in Faker's address providers (cities, states, countries: "Victoria");
* words the kit already reads as something else (kit/data/entities.json places, place and
  organisation head words, first words that never open a person's name, role words; every word
  of kit/data/gazetteer.json; months and days);
* with ``--vocabulary FILE ...``, any name written in lower case in those texts (an ordinary
  English word: "will", "grace"). The texts are read, never copied.

Names are only ever added (the file's own list and header stay). Run once, by hand, when the
list should grow; Faker is not a dependency of the kit:

    pip download faker --no-deps -d /tmp/fk && unzip -q /tmp/fk/faker-*.whl -d /tmp/fk/x
    python scripts/build_given_names.py --faker /tmp/fk/x [--vocabulary texts/*.txt]
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "kit" / "data"
ENGLISH = {"en", "en_US", "en_GB", "en_IE", "en_NZ", "en_TH"}
LATIN = re.compile(r"[A-Z][a-zà-öø-ÿāăąćčďđēėęěğīįıķĺľłńňōőœŕřśşšţťūůűųźżžș'’-]+")
FIRST = ("first_names", "first_names_male", "first_names_female", "first_romanized_names")
WHERE = ("cit", "countr", "state", "province", "region", "town", "municipal", "district", "county", "villag")
DAYS = "January February March April May June July August September October November December".split()
DAYS += "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


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


def faker_names() -> set[str]:
    """Latin-script given names of the non-English locales, minus every word of a place name."""
    import faker.providers.address as address
    import faker.providers.person as person

    names: set[str] = set()
    for locale, provider in providers(person):
        if locale in ENGLISH:
            continue
        for attr in FIRST:
            value = getattr(provider, attr, None)
            if isinstance(value, (list, tuple, dict, set, frozenset)):
                names.update(n for n in _strings(value) if LATIN.fullmatch(n))
    places: set[str] = set()
    for _, provider in providers(address):
        for attr in dir(provider):
            if any(k in attr for k in WHERE):
                value = getattr(provider, attr, None)
                if isinstance(value, (list, tuple, dict, set, frozenset)):
                    places.update(w for s in _strings(value) for w in s.split())
    return names - places


def kit_words() -> set[str]:
    """Words the kit already reads as places, organisations, roles or gazetteer entities."""
    ew = json.loads((DATA / "entities.json").read_text(encoding="utf-8"))
    out = set(DAYS)
    for key in ("places", "place_heads", "place_heads_or_surnames", "not_person_first", "org_heads", "not_acronyms"):
        out.update(ew[key])
    out.update(w.capitalize() for w in ew["role_words"])
    gaz = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))
    out.update(w for s in _strings(gaz) for w in s.split())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faker", required=True, help="a folder holding the 'faker' package (an unpacked wheel)")
    parser.add_argument("--vocabulary", nargs="*", default=[], help="texts whose lower-case words are not names")
    args = parser.parse_args(argv)
    sys.path.insert(0, args.faker)
    target = DATA / "given_names.txt"
    lines = target.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    have = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    lower: set[str] = set()
    for path in args.vocabulary:
        lower.update(re.findall(r"(?<![\w'-])[a-z][a-z'-]*", Path(path).read_text(encoding="utf-8", errors="replace")))
    blocked = kit_words()
    added = {n for n in faker_names() - have if len(n) >= 3 and n.lower() not in lower and n not in blocked}
    target.write_text("\n".join(header + sorted(have | added)) + "\n", encoding="utf-8")
    print(f"{len(added)} names added; {len(have | added)} in all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
