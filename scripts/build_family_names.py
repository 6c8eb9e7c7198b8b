"""Write kit/data/family_names.txt from the 1990 US Census surname list.

The list (``dist.all.last``: 88,799 surnames, public domain, ranked by frequency) ships in the
MIT-licensed ``names`` package 0.3.0, the same package the given names came from. This script keeps
the ``--top`` most frequent surnames (title-cased; "MCDONALD" as "McDonald", "MACDONALD" as "Macdonald"
and "MacDonald"), leaving out:

* words the kit already reads as something else (``kit_words`` of ``build_given_names.py``: places,
  place and organisation heads, first words that never open a person's name, role words, demonym
  nouns, every word of the gazetteer; months and days);
* with ``--vocabulary FILE ...``, any surname written in lower case in those texts (an ordinary English
  word: "Brown", "Young", "King", "Hall"). The texts are read, never copied;
* names of two letters or fewer.

Run once, by hand; the ``names`` package is not a dependency of the kit:

    pip download names==0.3.0 --no-deps -d /tmp/nm && tar xzf /tmp/nm/names-0.3.0.tar.gz -C /tmp/nm
    python scripts/build_family_names.py --census /tmp/nm/names-0.3.0/names/dist.all.last \\
        --vocabulary /usr/share/dict/words

The list in the repository: ``--top 10000`` with Debian's ``wamerican`` word list as vocabulary.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_given_names import DATA, kit_words  # noqa: E402

HEADER = """\
# Family names: one a line, as written in English-language news ("Garcia", "McDonald").
# Source: the 1990 US Census surname list (dist.all.last), public domain, as shipped in the MIT-licensed
# `names` package 0.3.0 (PyPI): its {top} most frequent surnames, title-cased, less words the kit reads
# as places, bodies, roles or nationalities, months and days, and surnames that an English dictionary
# writes in lower case ("Brown", "King", "Hall"): scripts/build_family_names.py says how.
# Read only to tell whether a capitalised name of two or three words whose first word is unlisted ends
# with a family name (kit/parse/names.py); a surname alone is never a person by this list."""


def spellings(upper: str) -> list[str]:
    """How news writes a census surname ("SMITH" -> "Smith"; "MCRAE" -> "McRae"; "MACRAE" -> both
    "Macrae" and "MacRae")."""
    plain = upper.capitalize()
    if upper.startswith("MC") and len(upper) > 4:
        return ["Mc" + upper[2:].capitalize()]
    if upper.startswith("MAC") and len(upper) > 5:
        return [plain, "Mac" + upper[3:].capitalize()]
    return [plain]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--census", required=True, help="the path of dist.all.last")
    parser.add_argument("--top", type=int, default=10000, help="how many of the most frequent surnames to read")
    parser.add_argument("--vocabulary", nargs="*", default=[], help="texts whose lower-case words are not names")
    args = parser.parse_args(argv)
    lower: set[str] = set()
    for path in args.vocabulary:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        lower.update(re.findall(r"(?<![\w'-])[a-z][a-z'-]*", text))
    blocked = kit_words()
    out: set[str] = set()
    with open(args.census, encoding="utf-8") as f:
        for line in list(f)[: args.top]:
            upper = line.split()[0]
            if len(upper) <= 2 or upper.lower() in lower:
                continue
            out.update(s for s in spellings(upper) if s not in blocked)
    target = DATA / "family_names.txt"
    target.write_text(HEADER.format(top=args.top) + "\n" + "\n".join(sorted(out)) + "\n", encoding="utf-8")
    print(f"{len(out)} family names written to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
