"""Reading article files: every kind of bad input gets a clear KitError, nothing crashes."""

from __future__ import annotations

import pytest

import kit
from kit.parse.article import bundled_article_text, normalize, read_text

SEED = "../shared/seed/article.txt"


def test_bundled_article_is_an_exact_copy_of_the_seed():
    from pathlib import Path

    seed = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "article.txt"
    if not seed.exists():
        pytest.skip(f"no seed beside the checkout ({seed})")
    assert bundled_article_text() == seed.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "data",
    [
        "café “au lait” said Kerry".encode("cp1252"),
        "café au lait said Kerry".encode("latin-1"),
        "café au lait said Kerry".encode("utf-16"),  # with its BOM
        "\ufeffcafé au lait said Kerry".encode("utf-8"),
    ],
)
def test_other_encodings_are_decoded(tmp_path, data, capsys):
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert read_text(path).startswith("café")
    err = capsys.readouterr().err
    assert err.count("\n") <= 1 and "--encoding" not in err  # at most a one-line note, no command-line flag


def test_a_wrong_given_encoding_says_what_to_do_in_the_notebook(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("caf\u00e9".encode("cp1252"))
    with pytest.raises(kit.ArticleError) as info:
        read_text(path, encoding="utf-8")
    assert 'encoding="cp1252"' in str(info.value) and "--encoding" not in str(info.value)


def test_normalize_drops_bom_and_crlf():
    assert normalize("\ufeffa\r\nb\rc") == "a\nb\nc"


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "empty"),
        (b"  \n\t\n ", "empty"),
        (b"\x00\x01\x02PNG\x00\x00", "binary"),
    ],
)
def test_bad_files_raise_one_clear_error(tmp_path, content, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(kit.ArticleError) as info:
        read_text(path)
    message = str(info.value)
    assert words in message
    assert str(path) in message
    assert "\n" not in message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(kit.KitError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(kit.KitError, match="folder"):
        read_text(tmp_path)


def test_encoding_option_reads_legacy_text(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Caf\u00e9 owner said: \u201cWe are open.\u201d".encode("cp1252"))
    art = kit.load_article(path, encoding="cp1252")
    assert art.text.startswith("Café")
    with pytest.raises(kit.ArticleError, match="unknown encoding"):
        read_text(path, encoding="klingon")


def test_crlf_and_bom_file_parses_like_plain(tmp_path):
    text = bundled_article_text()
    path = tmp_path / "windows.txt"
    path.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    art = kit.load_article(path)
    plain = kit.load_article()
    assert art.text == plain.text
    assert [(p.kind, p.start, p.end) for p in art.paragraphs] == [(p.kind, p.start, p.end) for p in plain.paragraphs]


def test_html_is_kept_as_plain_text():
    art = kit.parse('<script>alert("x")</script>\nKerry said: "We are <b>ready</b>."')
    assert "<script>" in art.text
    assert any("<b>ready</b>" in art.span(q.start, q.end) for q in art.quotes)


def test_large_article_parses(tmp_path):
    text = (bundled_article_text() + "\n") * 20  # ~100 kB; the 10 MB case is in benchmarks/bench_parse.py
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    art = kit.load_article(path)
    assert len(art.paragraphs) == 20 * len(kit.load_article().paragraphs)
