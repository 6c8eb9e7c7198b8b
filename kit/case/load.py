"""Case files: an article plus a teacher's coding (actors, positions, stances, groups).

A case file is YAML (read with ``yaml.SafeLoader`` only; schema in
docs/design.md). :func:`load_case` reads one and checks it against the article
it names: every problem is collected, then raised together as a
:class:`~kit.errors.CaseError` whose lines read
``case.yaml:12: stances[3].value: 'maybe' is not on the scale; use one of …``.

>>> import kit
>>> case = kit.load_case()            # the bundled, hand-coded reference case
>>> case.title.startswith("Reference coding")
True
>>> "barack_obama" in {a.id for a in case.actors}
True
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path
from typing import Any

from ..data import data_text
from ..errors import ArticleError, CaseError
from ..fileio import missing, read_regular, show, utf16_guess
from ..parse.article import bundled_article_text, load_article, normalize, parse, read_text
from ..parse.speakers import reresolve
from ..records import (
    EVIDENCE_TYPES,
    STANCE_VALUES,
    Article,
    Case,
    Group,
    Position,
    Quote,
    SpeakerChange,
    Stance,
)
from .draft import draft_case
from .fields import good, read_entries
from .merge import extra_mentions, kept_mentions, merge_actors
from .safeyaml import MAX_BYTES
from .yamlfile import Problems, TextIndex, read_yaml, suggest

__all__ = [
    "load_case",
    "case_from_text",
    "case_from_data",
    "case_from_article",
    "draft_case",
    "REFERENCE_CASE",
    "GROUP_BASES",
]

#: File name of the bundled reference coding, in ``kit/data``.
REFERENCE_CASE = "reference_case.yaml"
#: Where a group's membership comes from.
GROUP_BASES = ("article", "inferred", "background")

_TOP = ("title", "article", "article_text", "actors", "positions", "stances", "groups", "speakers")
_TOP_HINTS = tuple(k for k in _TOP if k != "article_text")  # the text inside the file is for saved cases and packs
_POSITION = {"id": "id", "label": "text", "description": "text"}
_STANCE = {"actor": "text", "position": "text", "value": "text", "evidence": "text", "type": "text", "note": "text"}
_GROUP = {"id": "id", "name": "text", "members": "list", "basis": "text", "evidence": "text", "source": "text"}
_SPEAKER = {"quote": "text", "speaker": "text"}
#: what ``speaker:`` says when the teacher codes that the text does not say who speaks
UNKNOWN_SPEAKER = "unknown"


def case_from_article(article: Article) -> Case:
    """A case with the parsed actors and no coding (no positions, stances or groups).

    >>> import kit
    >>> case = case_from_article(kit.load_article())
    >>> case.positions, case.stances, case.groups
    ((), (), ())
    """
    name = show(Path(article.source).name) if article.source else "the article"
    return Case(
        article=article, actors=article.actors, title=f"{name} (bare article, not yet coded)", path=article.source
    )


def load_case(path: str | Path | None = None, *, encoding: str | None = None) -> Case:
    """Load a case: the bundled reference (``None``), a case file (.yaml/.yml) or a bare article.

    Args:
        path: a ``.yaml``/``.yml`` case file, any other file as a bare article,
            or ``None`` for the bundled reference coding of the bundled article.
        encoding: the files' text encoding (default UTF-8).

    Raises:
        CaseError: the case file has problems (``err.problems`` lists them all).
        ArticleError: a bare article file that cannot be read.

    >>> len(load_case().stances) > 10
    True
    """
    if path is None:
        return _bundled()
    p = Path(path)
    if p.suffix.lower() not in (".yaml", ".yml"):
        return case_from_article(load_article(p, encoding=encoding))
    return _load_file(p, encoding=encoding)


@functools.lru_cache(maxsize=1)
def _bundled() -> Case:
    return load_reference_case(cached_article=True)


def load_reference_case(*, cached_article: bool = False) -> Case:
    """The bundled reference case, read and checked again (``load_case()`` keeps one copy).

    ``cached_article`` reuses :func:`kit.load_article`'s parse; the benchmarks time both.
    """
    text = data_text(REFERENCE_CASE)

    def article_for(rel: str, problems: Problems) -> Article | None:
        if rel != "article.txt":
            problems.add(("article",), f"the bundled reference case must name 'article.txt', not {rel!r}")
            return None
        if cached_article:
            return load_article()

        return parse(bundled_article_text(), source="kit/data/article.txt")

    return _build(text, REFERENCE_CASE, article_for, path=f"kit/data/{REFERENCE_CASE}")


def _load_file(p: Path, *, encoding: str | None) -> Case:
    name = show(p)
    data = read_regular(
        p, limit=MAX_BYTES, what="case file", error=CaseError, split_hint="split the coding into several case files"
    )
    wide = utf16_guess(data) if encoding is None else None
    if wide is not None:  # UTF-16 without a byte-order mark: every other byte is NUL
        message = (
            f"{name}: looks like UTF-16 text without a byte-order mark; re-save the case file as UTF-8, "
            f'or read it with encoding="{wide}" (command line: --encoding {wide})'
        )
        raise CaseError(message, (message,))
    try:
        text = data.decode(encoding or "utf-8-sig")
    except LookupError:
        raise CaseError(f"{name}: unknown encoding {encoding!r}; save the case file as UTF-8") from None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        message = (
            f"{name}:{line}: is not valid {encoding or 'UTF-8'} text (byte {exc.start}); save the case file as UTF-8"
        )
        raise CaseError(message, (message,)) from None

    return case_from_text(text, name=name, folder=p.parent, path=str(p), encoding=encoding)


def case_from_text(
    text: str,
    *,
    name: str = "case.yaml",
    folder: str | Path = ".",
    path: str | None = None,
    encoding: str | None = None,
    parsed: Article | None = None,
) -> Case:
    """A case from the text of a case file, as :func:`load_case` reads one in ``folder``.

    ``article:`` is looked up relative to ``folder``; ``name`` is how problems
    name the file. ``parsed``: the article already parsed, used instead of
    parsing again when the file (or ``article_text``) holds exactly its text
    (a writer checking what it is about to save). Raises
    :class:`~kit.errors.CaseError` with every problem.
    """
    base = Path(folder)

    def article_for(rel: str, problems: Problems) -> Article | None:
        target = Path(rel) if Path(rel).is_absolute() else base / rel
        if missing(target):
            problems.add(
                ("article",),
                f"article file {rel!r} not found (looked for {show(target)}); give the "
                "article's path relative to the case file",
            )
            return None
        try:
            return _parsed(read_text(target, encoding=encoding), str(target), parsed)
        except ArticleError as exc:
            problems.add(("article",), str(exc))
            return None

    return _build(text, name, article_for, path=path, parsed=parsed)


def _parsed(text: str, source: str, parsed: Article | None) -> Article:
    """``text`` parsed, or ``parsed`` when it is the parse of the same text."""
    if parsed is not None and parsed.text == normalize(text):
        return dataclasses.replace(parsed, source=source)
    return parse(text, source=source)


def case_from_data(data: dict[str, Any], article: Article, *, name: str = "the case") -> Case:
    """A case from case-file data already in memory (a builder's), on an article already parsed.

    ``data`` has the case file's fields (``article``/``article_text`` are
    ignored: ``article`` is used); checked like a file, so a problem raises
    :class:`~kit.errors.CaseError` whose lines name the field (no line numbers).
    """
    fields = {k: v for k, v in data.items() if k not in ("article", "article_text")}
    return _assemble({**fields, "article": "(in memory)"}, Problems(name), name, lambda _rel, _p: article, path=None)


def _build(text: str, name: str, article_for: Any, *, path: str | None, parsed: Article | None = None) -> Case:
    """Read, check and assemble a case; raise CaseError with every problem."""
    data, problems = read_yaml(text, name)
    return _assemble(data, problems, name, article_for, path=path, parsed=parsed)


def _assemble(
    data: Any, problems: Problems, name: str, article_for: Any, *, path: str | None, parsed: Article | None = None
) -> Case:
    """Check and assemble case-file data; raise CaseError with every problem."""
    if not isinstance(data, dict):
        got = "an empty file" if data is None else f"a {type(data).__name__}"
        message = (
            f"{name}:1: expected a mapping with fields {', '.join(_TOP_HINTS)}, got {got}; "
            "start from `python -m kit draft article.txt`"
        )
        raise CaseError(message, (message,))
    for key in data:
        if key not in _TOP:
            hint = suggest(str(key), _TOP_HINTS, what="field", fuzzy=problems.fuzzy)
            problems.add((key,), f"unknown field {key!r}; {hint}")
    title = data.get("title")
    if title is not None and not isinstance(title, (str, int, float)):
        problems.add(("title",), "expected text; put the title in quotes")
        title = None
    rel = data.get("article")
    article = None
    embedded = data.get("article_text")
    if embedded is not None:  # a case pack or a saved case: the article travels inside the file
        if rel not in (None, ""):
            problems.add(("article_text",), "give either 'article' (a file name) or 'article_text', not both")
        elif not isinstance(embedded, str) or not embedded.strip():
            problems.add(("article_text",), "expected the article's text (a block of text under article_text: |)")
        else:
            article = _parsed(embedded, path or name, parsed)
    elif rel is None or rel == "":
        problems.add(
            (),
            "missing required field 'article'; add a line like `article: article.txt` "
            "(the article's path, relative to the case file) or the text itself under `article_text: |`",
            line=1,
        )
    elif not isinstance(rel, str):
        problems.add(("article",), "expected the article's file name as text, e.g. article.txt")
    else:
        article = article_for(rel, problems)

    positions = _positions(data, problems)
    actor_entries = read_entries(
        data,
        "actors",
        {
            "id": "text",
            "name": "text",
            "kind": "text",
            "aliases": "list",
            "role": "text",
            "country": "text",
            "member_of": "list",
            "remove": "flag",
            "drop_aliases": "list",
        },
        ("id",),
        problems,
    )
    stance_entries = read_entries(
        data, "stances", _STANCE, ("actor", "position", "value", "evidence", "type"), problems
    )
    group_entries = read_entries(data, "groups", _GROUP, ("id", "name", "members"), problems)
    speaker_entries = read_entries(data, "speakers", _SPEAKER, ("quote", "speaker"), problems)
    if article is None:  # nothing to check ids and evidence against: report what we have
        problems.raise_if_any()
        raise CaseError(f"{name}: no article to check the coding against; fix the 'article' field")

    index = TextIndex(article.text, [(s.paragraph, s.start, s.end) for s in article.sentences])
    group_ids = [good(f, "id") for _, f in group_entries if good(f, "id")]
    merged = merge_actors(article, actor_entries, group_ids, problems)
    actors, aliases = merged.actors, merged.search
    actor_ids = [a.id for a in actors]
    stances = _stances(stance_entries, actor_ids, [p.id for p in positions], index, problems)
    groups = _groups(group_entries, actor_ids, index, problems)
    coded = _speakers(speaker_entries, article, actor_ids, index, problems)
    problems.raise_if_any()

    member_of: dict[str, list[str]] = {a.id: list(a.member_of) for a in actors}
    for group in groups:
        for member in group.members:
            if group.id not in member_of[member]:
                member_of[member].append(group.id)
    actors = tuple(dataclasses.replace(a, member_of=tuple(member_of[a.id])) for a in actors)
    if merged.removed or merged.dropped:  # mentions of what the teacher took away are no longer theirs
        article = dataclasses.replace(article, mentions=kept_mentions(article, merged))
    extra = extra_mentions(article, aliases)
    if extra or actors != article.actors:  # the teacher's actors and aliases name speakers too
        article = reresolve(article, actors, article.mentions + tuple(extra))
    if merged.removed:
        article = _forget_speakers(article, merged.removed)
    changes: tuple[SpeakerChange, ...] = ()
    if coded:
        article, changes = _apply_speakers(article, coded)
    return Case(
        article=article,
        actors=actors,
        positions=positions,
        stances=stances,
        groups=groups,
        title=str(title) if title not in (None, "") else Path(name).stem,
        path=path,
        extra_mentions=extra,
        speaker_changes=changes,
    )


def _speakers(
    entries: list[tuple[int, dict[str, Any]]],
    article: Article,
    actor_ids: list[str],
    index: TextIndex,
    problems: Problems,
) -> list[tuple[int, int, str, str | None]]:
    """The ``speakers:`` entries as (content start, content end, excerpt, speaker or None)."""
    spans = sorted(
        [(q.start, q.end) for q in article.quotes] + [(r.start, r.end) for r in article.reported],
        key=lambda s: s[1] - s[0],
    )
    out: list[tuple[int, int, str, str | None]] = []
    seen: dict[tuple[int, int], int] = {}
    known = set(actor_ids)
    for i, f in entries:
        path = ("speakers", i)
        excerpt, speaker = good(f, "quote"), good(f, "speaker")
        if excerpt is None or speaker is None:
            continue
        if speaker != UNKNOWN_SPEAKER and speaker not in known:
            hint = suggest(speaker, actor_ids, what="actor id", fuzzy=problems.fuzzy)
            problems.add(path + ("speaker",), f"{speaker!r} is not an actor; {hint} (or write {UNKNOWN_SPEAKER})")
            continue
        found = _evidence(excerpt, path + ("quote",), index, problems)
        if found is None:
            continue
        span = next(((a, b) for a, b in spans if a <= found[0] and found[1] <= b), None)
        if span is None:
            problems.add(
                path + ("quote",),
                f"{_short(excerpt)!r} is not inside a quote or reported statement the kit found; "
                "copy words from inside one (python -m kit export lists them)",
            )
            continue
        if span in seen:
            problems.add(path, f"this quote's speaker is already coded on line {seen[span]}; keep one entry")
            continue
        seen[span] = problems.line(path)
        out.append((span[0], span[1], excerpt.strip(), None if speaker == UNKNOWN_SPEAKER else speaker))
    return out


def _forget_speakers(article: Article, removed: frozenset[str]) -> Article:
    """Quotes and reported statements of a removed actor have no speaker (unless the text names another)."""
    quotes = tuple(
        dataclasses.replace(q, speaker=None, rule="case_file") if q.speaker in removed else q for q in article.quotes
    )
    reported = tuple(dataclasses.replace(r, speaker=None) if r.speaker in removed else r for r in article.reported)
    return dataclasses.replace(article, quotes=quotes, reported=reported)


def _apply_speakers(
    article: Article, coded: list[tuple[int, int, str, str | None]]
) -> tuple[Article, tuple[SpeakerChange, ...]]:
    by_span = {(a, b): (excerpt, who) for a, b, excerpt, who in coded}
    changes: list[SpeakerChange] = []

    def fix(item: Any) -> Any:
        found = by_span.get((item.start, item.end))
        if found is None:
            return item
        changes.append(SpeakerChange(item.start, item.end, found[0], found[1], item.speaker))
        if isinstance(item, Quote):  # "why the kit thinks so": the teacher said so
            return dataclasses.replace(item, speaker=found[1], rule="case_file")
        return dataclasses.replace(item, speaker=found[1])

    quotes = tuple(fix(q) for q in article.quotes)
    reported = tuple(fix(r) for r in article.reported)
    return dataclasses.replace(article, quotes=quotes, reported=reported), tuple(
        sorted(changes, key=lambda c: (c.start, c.end))
    )


def _positions(data: dict[str, Any], problems: Problems) -> tuple[Position, ...]:
    out: dict[str, Position] = {}
    lines: dict[str, int] = {}
    for i, f in read_entries(data, "positions", _POSITION, ("id", "label"), problems):
        pid = good(f, "id")
        if pid is None:
            continue
        if not problems.first_use(lines, "position", pid, ("positions", i, "id"), "give each position its own id"):
            continue
        out[pid] = Position(id=pid, label=good(f, "label", pid), description=good(f, "description", ""))
    return tuple(out.values())


def _evidence(excerpt: str, path: tuple[Any, ...], index: TextIndex, problems: Problems) -> tuple[int, int] | None:
    found = index.find(excerpt)
    if found is None:  # the closest passage is a costly hint: for the first problems only
        hint = index.closest(excerpt) if problems.fuzzy else "copy the words from the article exactly"
        problems.add(path, f"{_short(excerpt)!r} does not occur verbatim in the article; {hint}")
    return found


def _short(text: str, width: int = 200) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _stances(
    entries: list[tuple[int, dict[str, Any]]],
    actor_ids: list[str],
    position_ids: list[str],
    index: TextIndex,
    problems: Problems,
) -> tuple[Stance, ...]:
    out: list[Stance] = []
    seen: dict[tuple[str, str], int] = {}
    known_actors, known_positions = set(actor_ids), set(position_ids)
    for i, f in entries:
        path = ("stances", i)
        actor, position, value, kind = (good(f, k) for k in ("actor", "position", "value", "type"))
        evidence = good(f, "evidence")
        ok = all(x is not None for x in (actor, position, value, kind, evidence))
        if actor is not None and actor not in known_actors:
            hint = suggest(actor, actor_ids, what="actor id", fuzzy=problems.fuzzy)
            problems.add(path + ("actor",), f"unknown actor id {actor!r}; {hint}")
            ok = False
        if position is not None and position not in known_positions:
            hint = suggest(position, position_ids, what="position id", fuzzy=problems.fuzzy)
            problems.add(
                path + ("position",),
                f"unknown position id {position!r}; {hint} (positions are declared under 'positions:')",
            )
            ok = False
        if value is not None and value not in STANCE_VALUES:
            problems.add(path + ("value",), f"{value!r} is not on the scale; use one of {', '.join(STANCE_VALUES)}")
            ok = False
        if kind is not None and kind not in EVIDENCE_TYPES:
            problems.add(path + ("type",), f"{kind!r} is not an evidence type; use one of {', '.join(EVIDENCE_TYPES)}")
            ok = False
        span = _evidence(evidence, path + ("evidence",), index, problems) if evidence is not None else None
        if actor is not None and position is not None:
            key = (actor, position)
            if key in seen:
                problems.add(
                    path,
                    f"duplicate stance: {actor} on {position} is already coded on line {seen[key]}; "
                    "keep one stance per actor and position (merge the evidence)",
                )
                ok = False
            else:
                seen[key] = problems.line(path)
        if ok and span is not None:
            out.append(
                Stance(
                    actor=actor,
                    position=position,
                    value=value,
                    evidence=evidence.strip(),
                    evidence_type=kind,
                    start=span[0],
                    end=span[1],
                    note=good(f, "note", ""),
                )
            )
    return tuple(out)


def _groups(
    entries: list[tuple[int, dict[str, Any]]], actor_ids: list[str], index: TextIndex, problems: Problems
) -> tuple[Group, ...]:
    out: dict[str, Group] = {}
    lines: dict[str, int] = {}
    known = set(actor_ids)
    for i, f in entries:
        path = ("groups", i)
        gid, members = good(f, "id"), good(f, "members", ())
        basis, evidence, source = good(f, "basis", "article"), good(f, "evidence", ""), good(f, "source", "")
        listed: set[str] = set()
        for j, member in enumerate(members):
            if member not in known:
                hint = suggest(member, actor_ids, what="actor id", fuzzy=problems.fuzzy)
                problems.add(
                    path + ("members", j),
                    f"{member!r} is not an actor; {hint} (add new actors under 'actors:' with id, name and kind)",
                )
            elif member in listed:
                problems.add(path + ("members", j), f"{member!r} is listed twice; keep one")
            listed.add(member)
        if basis not in GROUP_BASES:
            problems.add(
                path + ("basis",),
                f"{basis!r} is not a basis; use article (the text says so), inferred (the coder joins "
                "passages of the text: give the evidence) or background (knowledge from outside the "
                "article, with a source)",
            )
        elif basis == "background" and not source:
            problems.add(
                path,
                "basis background needs a 'source': say where the membership comes from, "
                'e.g. source: "NATO members in 2014 (nato.int)"',
            )
        elif basis in ("article", "inferred") and not evidence:
            problems.add(
                path,
                f"basis {basis} needs 'evidence': the words of the article that show the group "
                "(or use basis: background with a source)",
            )
        if evidence:
            _evidence(evidence, path + ("evidence",), index, problems)
        if gid is None:
            continue
        if not problems.first_use(lines, "group", gid, path + ("id",), "give each group its own id"):
            continue
        out[gid] = Group(
            id=gid,
            name=good(f, "name", gid),
            members=tuple(dict.fromkeys(members)),
            basis=basis,
            source=source,
            evidence=evidence.strip(),
        )
    return tuple(out.values())
