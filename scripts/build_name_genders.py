"""Write kit/data/given_name_genders.txt: the gender a given name of kit/data/given_names.txt shows.

Sources, the same as the given-name list's (nothing else is read):

* the 1990 US Census lists ``dist.male.first`` and ``dist.female.first`` (public domain), as shipped
  in the MIT-licensed ``names`` package 0.3.0 (its source archive), with each name's share of men
  or women;
* Faker's person providers (MIT; the notice is kit/data/given_names_LICENSE-faker.txt):
  ``first_names_male`` and ``first_names_female`` of every locale; a name no list writes in Latin
  letters takes the sex of the names it romanizes (the Cyrillic and Greek ones, as
  ``build_given_names.romanized`` writes them) or writes without accents.

A name gets ``m`` or ``f`` only when the sources agree and it is clear: in the Census lists its share
among one sex is at least ten times its share among the other, and no Faker locale lists it for the
other sex only. Names shared by both ("Jordan", "Robin", "Jean") are left out: the kit then reads
the gender from the text ("Ms.", "she said"), as before. Run once, by hand:

    pip download names==0.3.0 --no-deps --no-binary :all: -d /tmp/nm && tar xzf /tmp/nm/names-0.3.0.tar.gz -C /tmp/nm
    pip download faker --no-deps -d /tmp/fk && unzip -q /tmp/fk/faker-*.whl -d /tmp/fk/x
    python scripts/build_name_genders.py --census /tmp/nm/names-0.3.0/names --faker /tmp/fk/x
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from build_given_names import providers, romanized, unaccented  # (scripts/ is on the path when a script runs)

DATA = Path(__file__).resolve().parent.parent / "kit" / "data"
#: A name's share among one sex must be at least this many times its share among the other.
RATIO = 10.0


def census(folder: Path) -> dict[str, dict[str, float]]:
    """``{Name: {"m": share, "f": share}}`` from the Census lists (per cent of men, of women)."""
    out: dict[str, dict[str, float]] = {}
    for sex, file in (("m", "dist.male.first"), ("f", "dist.female.first")):
        for line in (folder / file).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                out.setdefault(parts[0].title(), {"m": 0.0, "f": 0.0})[sex] = float(parts[1])
    return out


def faker(root: Path) -> dict[str, set[str]]:
    """``{Name: {"m", "f"}}``: the sexes Faker's locales list each name for."""
    sys.path.insert(0, str(root))
    package = importlib.import_module("faker.providers.person")
    out: dict[str, set[str]] = {}
    derived: dict[str, set[str]] = {}
    for locale, provider in providers(package):  # the given-name list's own reading of Faker's locales
        for sex, attr in (("m", "first_names_male"), ("f", "first_names_female")):
            names = getattr(provider, attr, None) or ()
            for name in names if not isinstance(names, dict) else names.keys():
                if isinstance(name, str):
                    out.setdefault(name, set()).add(sex)
                    # romanized (Cyrillic, Greek) and without accents: only for a name no list writes so
                    forms = set(romanized(name.strip(), locale))
                    forms.update(u for f in (name.strip(), *forms) if (u := unaccented(f)))
                    for form in forms:
                        derived.setdefault(form, set()).add(sex)
    return {**derived, **out}


def genders(names: list[str], shares: dict[str, dict[str, float]], lists: dict[str, set[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in names:
        votes: set[str] = set()
        if name in shares:
            m, f = shares[name]["m"], shares[name]["f"]
            if m >= RATIO * f:
                votes.add("m")
            elif f >= RATIO * m:
                votes.add("f")
            else:
                continue  # shared: "Jordan", "Robin"
        votes |= lists.get(name, set())
        if len(votes) == 1:
            out[name] = votes.pop()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--census", type=Path, required=True, help="the folder with dist.male.first, dist.female.first")
    ap.add_argument("--faker", type=Path, required=True, help="the unpacked Faker wheel")
    args = ap.parse_args(argv)
    names = [
        line.strip()
        for line in (DATA / "given_names.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    found = genders(names, census(args.census), faker(args.faker))
    header = [
        "# The gender a given name shows (m or f), one name a line: built by scripts/build_name_genders.py",
        "# from the 1990 US Census lists (public domain; via the MIT-licensed `names` package 0.3.0) and",
        "# Faker's male and female given-name lists (MIT; see given_names_LICENSE-faker.txt). Only names the",
        "# sources agree on and that one sex holds at least ten times as often as the other; shared names",
        '# ("Jordan", "Robin") are left out, and the text then tells ("Ms. Lee", "she said").',
    ]
    body = [f"{n} {g}" for n, g in sorted(found.items())]
    (DATA / "given_name_genders.txt").write_text("\n".join(header + body) + "\n", encoding="utf-8")
    print(f"{len(found)} of {len(names)} given names have a clear gender")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
