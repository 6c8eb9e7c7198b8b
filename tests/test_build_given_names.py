"""scripts/build_given_names.py and build_name_genders.py: romanizing, accents, filters (Faker only where said).

The romanizers and filters need nothing but the standard library; the tests that read Faker's lists
skip unless Faker can be imported (installed, or an unpacked wheel named by ``KIT_FAKER_DIR``).
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script(name: str) -> ModuleType:
    if name not in sys.modules:
        sys.path.insert(0, str(ROOT / "scripts"))  # build_name_genders imports build_given_names
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return _script("build_given_names")


@pytest.fixture(scope="module")
def faker_on_path() -> None:
    if os.environ.get("KIT_FAKER_DIR"):
        sys.path.insert(0, os.environ["KIT_FAKER_DIR"])
    pytest.importorskip("faker")


@pytest.mark.parametrize(
    ("name", "language", "spellings"),
    [
        ("Дмитрий", "ru", ["Dmitry", "Dmitriy", "Dmitri"]),  # a final -ий: -y, -iy, -i
        ("Тарвей", "ru", ["Tarvey", "Tarvei"]),  # й after a vowel: y or i
        ("Етлана", "ru", ["Yetlana", "Etlana"]),  # е opening a word: ye or e
        ("Вёсна", "ru", ["Vyosna", "Vesna"]),  # ё: yo or e
        ("Токсан", "ru", ["Toksan", "Toxan"]),  # кс inside a word: ks or x
        ("Корвья", "ru", ["Korvya", "Korvia"]),  # a final -ья: -ya or -ia
        ("Шчуриж", "ru", ["Shchurizh"]),
        ("Гарвій", "uk", ["Harviy", "Harvii", "Garviy", "Garvii"]),  # г is h, or g all through
        ("Гоглан", "uk", ["Hohlan", "Goglan"]),  # never Hoglan
        ("Хрущо", "bg", ["Hrushto"]),  # Bulgarian х is h, щ sht
        ("Ѓорвe", "mk", []),  # a Latin letter: no spelling
        ("Ѓорве", "mk", ["Gjorve"]),
        ("Тарв-Вела", "ru", ["Tarv-Vela"]),
    ],
)
def test_romanize_cyrillic(build, name, language, spellings):
    assert build.romanize_cyrillic(name, language) == spellings


@pytest.mark.parametrize(
    ("name", "spellings"),
    [
        ("Γιώρβος", ["Giorvos", "Yiorvos"]),  # γι before a vowel: gi or yi; accents dropped
        ("Κώρβας", ["Korvas", "Corvas"]),  # κ opening the name before o: k or c
        ("Χαρμπέλης", ["Charmbelis", "Charmpelis", "Harmbelis", "Harmpelis"]),  # χ: ch or h, μπ inside: mb or mp
        ("Ευάρβος", ["Evarvos"]),  # ευ before a vowel: ev
        ("Ευθάρβος", ["Eftharvos"]),  # before a voiceless consonant: ef
        ("Ντόρβα", ["Dorva"]),  # ντ opening a word: d
        ("Ειρβάνη", ["Eirvani", "Irvani"]),  # ει: ei or i
        ("Αγγέλβα", ["Angelva"]),  # γγ: ng
        ("Tarvo", []),  # not Greek
    ],
)
def test_romanize_greek(build, name, spellings):
    assert build.romanize_greek(name) == spellings


@pytest.mark.parametrize(
    ("name", "locale", "spelling"),
    [
        ("ვარტან", "ka_GE", "Vartan"),  # Georgian
        ("ხარბიძე", "ka_GE", "Kharbidze"),
        ("Թարվեն", "hy_AM", "Tarven"),  # Armenian
        ("Երվոշ", "hy_AM", "Yervosh"),  # ե opening the name: ye
        ("Ոսկան", "hy_AM", "Voskan"),  # ո opening the name: vo
        ("Լևուր", "hy_AM", "Levur"),  # և: ev; ու: u
    ],
)
def test_romanize_georgian_armenian(build, name, locale, spelling):
    assert build.romanize_georgian_armenian(name) == [spelling]
    assert build.romanized(name, locale) == [spelling]


def test_a_few_spellings_per_name(build):
    # five choices (е, ё, кс, й, and a final -ий) would make 48; at most MAX_VARIANTS are kept, the usual first
    many = build.romanize_cyrillic("Ексёксей-Дарвий")
    assert len(many) == build.MAX_VARIANTS and many[0] == "Yeksyoksey-Darvy"


def test_romanized_only_for_cyrillic_and_greek_locales(build):
    assert build.romanized("Дмитрий", "ru_RU") == ["Dmitry", "Dmitriy", "Dmitri"]
    assert build.romanized("Γιώρβος", "el_GR") == ["Giorvos", "Yiorvos"]
    assert build.romanized("Дмитрий", "de_DE") == [] and build.romanized("Tarvo", "ru_RU") == []


def test_unaccented(build):
    assert build.unaccented("Tarvé") == "Tarve" and build.unaccented("Élvo") == "Elvo"
    assert build.unaccented("Tarvo") is None  # nothing to drop
    assert build.unaccented("Tarvə") is None  # a letter that is no accented Latin one


def test_kit_words_hold_demonym_nouns(build):
    words = build.kit_words()
    assert "Brit" in words and "Dane" in words  # "a Brit" is never a given name
    assert "Ivo" not in words


def test_faker_lists_romanized_and_filtered(build, faker_on_path):
    names = build.faker_names()
    assert {"Dmitry", "Dmitri", "Yevgeny", "Giorgos", "Yiorgos"} <= names  # ru_RU and el_GR, romanized
    assert "Turkmen" not in names  # a language's name (from tr_TR's "Türkmen")
    assert "Dmitry" not in build.faker_names(("latin",))
    assert "Alastair" in names and "Kane" not in names  # en_IE: a family name in an English list stays out


def test_genders_of_romanized_names(faker_on_path):
    genders = _script("build_name_genders")
    lists = genders.faker(Path(os.environ.get("KIT_FAKER_DIR", ".")))
    assert lists["Dmitry"] == {"m"} and lists["Natalya"] == {"f"}
