"""Benchmark kit.parse: the bundled article, and throughput on ~1 MB and ~10 MB corpora.

Run it as ``python benchmarks/bench_parse.py``; a runner can import it and
call :func:`run`, which returns ``(name, value, unit)`` rows.

Targets: bundled article < 5 ms (median); >= 2 MB/s; 10 MB / 1 MB time ratio ~10
(linear time).

The 1 MB and 10 MB corpora repeat the bundled article, which has fewer names per line than most
news. When ``KIT_CONLL_DIR`` names the folder of CoNLL-2003 ``eng.train`` (read from outside the
repository, as by ``bench_entities.py``), a further row parses each of its prose articles on its
own, as a teacher's article is parsed: the rate on real news, with a name in almost every line.
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

import kit
from kit.parse.article import bundled_article_text

__all__ = ["run", "corpus", "main"]


def corpus(size_bytes: int) -> str:
    """About ``size_bytes`` of article-like text: the bundled article repeated with variations.

    Each copy rotates its paragraphs and swaps a few names, so the parser
    cannot benefit from identical neighbours (credits and rule lines stay put).
    """
    paras = [p for p in bundled_article_text().splitlines() if p.strip()]
    body, tail = paras[:-2], paras[-2:]
    swaps = [("Kerry", "Lopez"), ("Hagel", "Baker"), ("Britain", "Norway"), ("France", "Spain")]
    out: list[str] = []
    size, i = 0, 0
    while size < size_bytes:
        k = i % len(body)
        copy = "\n".join(body[k:] + body[:k] + tail)
        if i % 2:
            for a, b in swaps:
                copy = copy.replace(a, b)
        out.append(copy)
        size += len(copy.encode("utf-8")) + 1
        i += 1
    return "\n".join(out)


def _time(text: str, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        kit.parse(text)
        times.append(time.perf_counter() - t0)
    return times


def run(*, repeat: int = 50) -> list[tuple]:
    """Time the parser; returns rows ``(name, value, unit, target, ok)`` (issue 2's targets)."""
    text = bundled_article_text()
    _time(text, 3)  # warm up (gazetteer loading, regex compilation)
    ms = statistics.median(_time(text, repeat)) * 1000
    rows = [("parse bundled article (median)", ms, "ms", "< 5 ms", ms < 5)]
    seconds = {}
    for label, size in (("1 MB", 1_000_000), ("10 MB", 10_000_000)):
        big = corpus(size)
        seconds[label] = min(_time(big, 2))  # best of two: a hiccup of the shared machine is not the parser
        rate = len(big.encode("utf-8")) / 1e6 / seconds[label]
        rows.append((f"throughput {label}", rate, "MB/s", ">= 2 MB/s", rate >= 2))
    ratio = seconds["10 MB"] / seconds["1 MB"]
    rows.append(("time ratio 10 MB / 1 MB", ratio, "x", "about 10 (linear): 8-12", 8 <= ratio <= 12))
    news = real_news()
    if news:
        rate = _per_article_rate(news)
        rows.append((f"throughput news, {len(news)} articles", rate, "MB/s", ">= 2 MB/s", rate >= 2))
    return rows


def _entity_corpora() -> ModuleType:
    """benchmarks/entity_corpora.py, loaded by path (benchmarks/ is not a package)."""
    key = "_bench_entity_corpora"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, Path(__file__).resolve().parent / "entity_corpora.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


def real_news() -> list[str]:
    """The prose articles of CoNLL-2003 ``eng.train`` (``KIT_CONLL_DIR``), or ``[]`` when it is not there."""
    corpora = _entity_corpora()
    path, _why = corpora.conll_path()
    return [doc.text for doc in corpora.read_conll(path)] if path is not None else []


def _forget_names() -> None:
    """Empty the parser's memos of names and words read in earlier texts (``functools.lru_cache`` of 1,024
    entries or more), so that a round does not gain from having read the same articles before; the word
    lists and patterns built once per process stay."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("kit.parse"):
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if callable(info) and (info().maxsize or 0) >= 1024:
                value.cache_clear()


def _per_article_rate(texts: list[str]) -> float:
    """MB/s parsing each text on its own (best of three rounds; each text made new, so no cached parse, and
    the memos of names emptied before each round, as in a fresh session that has loaded its word lists)."""
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = float("inf")
    for round_ in range(3):
        fresh = [t + "\n" * (round_ + 1) for t in texts]
        _forget_names()
        t0 = time.perf_counter()
        for t in fresh:
            kit.parse(t)
        best = min(best, time.perf_counter() - t0)
    return size / best


def main() -> None:
    """Print the rows as a small table."""
    for name, value, unit, target, ok in run():
        print(f"{name:<34} {value:10.2f} {unit:<5} target {target:<24} {'ok' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
