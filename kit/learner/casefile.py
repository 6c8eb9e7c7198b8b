"""Writing a case back to YAML: :func:`save_case` (the writer) and :func:`case_pack` (for the class).

A saved case file is the same YAML a teacher writes by hand (``docs/design.md``
has the schema): only what differs from the parse is written (a renamed
actor, a role, an added alias or actor), then positions, stances and groups.
The article is named by its file when that file still holds the same text,
else it travels inside the case file under ``article_text``.

Every file is checked before it replaces anything: the YAML is read back with
:func:`kit.load_case`'s own reader and must give the same case, so a saved file
always passes ``python -m kit check``; then it is written atomically
(:func:`~kit.learner.storage.save_bytes`).

>>> import kit, tempfile, os
>>> case = kit.load_case()
>>> path = save_case(case, os.path.join(tempfile.mkdtemp(), "copy.yaml"))
>>> kit.load_case(path) == case
True
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path
from typing import Any

import yaml

from ..case.load import UNKNOWN_SPEAKER, case_from_text
from ..case.safeyaml import MAX_BYTES
from ..errors import CaseError, SaveError
from ..fileio import missing, read_regular, show
from ..parse.article import parse, read_text
from ..records import Actor, Article, Case
from .storage import save_bytes

__all__ = ["save_case", "case_pack", "case_yaml", "SIGNATURE"]

#: First line of every file the writer makes: files without it are the teacher's own.
SIGNATURE = "# Case file saved by kit (kit.save_case)."

_HEADER = (
    SIGNATURE,
    "# Check it after editing by hand:  python -m kit check THIS_FILE.yaml",
    "# Comments you add are not kept when the kit saves this file again.",
)
_PACK_HEADER = (
    "# Case pack made by kit (python -m kit pack): an article and the positions to code.",
    "# Learners open it in lesson 07:  kit.StanceCoder(kit.load_case('THIS_FILE.yaml'))",
)


class _Block(str):
    """A string written as a YAML literal block (``|``) when YAML allows it."""


class _Flow(list):
    """A short list written on one line: ``[a, b]``."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _Flow, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)
)


_Dumper.add_representer(
    _Block, lambda dumper, data: dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style="|")
)


def case_yaml(
    case: Case,
    *,
    article: str | None = None,
    stances: bool = True,
    header: tuple[str, ...] = _HEADER,
    parsed: Article | None = None,
) -> str:
    """The YAML text of ``case``.

    Args:
        article: how the file names the article (a path relative to the case
            file); ``None`` puts the article's text in the file (``article_text``).
        stances: write the stances (a case pack leaves them out).
        header: comment lines at the top.
        parsed: the parse of the case's article, if the caller has it (saves parsing it again).

    Removed parsed actors are written as ``remove: true``, removed parsed
    aliases as ``drop_aliases``, the teacher's speakers under ``speakers:``.
    """
    data: dict[str, Any] = {"title": case.title}
    if article is not None:
        data["article"] = article
    actors = _actor_entries(case, parsed)
    if actors:
        data["actors"] = actors
    if case.positions:
        data["positions"] = [_compact(id=p.id, label=p.label, description=p.description) for p in case.positions]
    if stances and case.stances:
        data["stances"] = [
            _compact(
                actor=s.actor,
                position=s.position,
                value=s.value,
                evidence=s.evidence,
                type=s.evidence_type,
                note=s.note,
            )
            for s in case.stances
        ]
    if case.groups:
        data["groups"] = [
            _compact(
                id=g.id,
                name=g.name,
                members=_Flow(g.members),
                basis=g.basis,
                evidence=g.evidence,
                source=g.source,
            )
            for g in case.groups
        ]
    if case.speaker_changes:
        data["speakers"] = [
            {"quote": c.excerpt, "speaker": c.speaker if c.speaker is not None else UNKNOWN_SPEAKER}
            for c in case.speaker_changes
        ]
    if article is None:
        data["article_text"] = _Block(case.article.text)
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return "\n".join(header) + "\n" + body


def _compact(**fields: Any) -> dict[str, Any]:
    """The fields that say something (empty text and lists left out: the reader's defaults)."""
    return {k: v for k, v in fields.items() if v not in ("", None)}


def _actor_entries(case: Case, article: Article | None = None) -> list[dict[str, Any]]:
    """The ``actors:`` entries that turn the parsed actors into the case's."""
    if article is None or article.text != case.article.text:
        article = parse(case.article.text)
    parsed = {a.id: a for a in article.actors}
    ids = [a.id for a in case.actors]
    removed = {a for a in parsed if a not in set(ids)}
    entries: list[dict[str, Any]] = [{"id": a, "remove": True} for a in parsed if a in removed]
    from_groups = {a: [g.id for g in case.groups if a in g.members] for a in ids}
    for actor in case.actors:
        old = parsed.get(actor.id)
        entry = _added(actor) if old is None else _refined(old, actor, removed)
        member_of = _declared_groups(old, actor, from_groups[actor.id])
        if member_of:
            entry["member_of"] = _Flow(member_of)
        if len(entry) > 1:
            entries.append(entry)
    return entries


def _added(actor: Actor) -> dict[str, Any]:
    return _compact(
        id=actor.id,
        name=actor.name,
        kind=actor.kind,
        aliases=_Flow(actor.aliases) or None,
        role=actor.role,
        country=actor.country,
    )


def _refined(old: Actor, actor: Actor, removed: set[str]) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": actor.id}
    for key in ("name", "kind", "role", "country"):
        if key == "country" and actor.country is None and old.country in removed:
            continue  # the loader forgets a removed actor's place as anyone's country
        if getattr(actor, key) != getattr(old, key):
            if getattr(actor, key) is None:
                raise CaseError(
                    f"{actor.id}: the parser's {key} {getattr(old, key)!r} was removed; a case file can change it "
                    "but not remove it yet"
                )
            entry[key] = getattr(actor, key)
    dropped = [a for a in old.aliases if a not in actor.aliases]
    if dropped:
        entry["drop_aliases"] = _Flow(dropped)
    kept = [a for a in old.aliases if a in actor.aliases]
    fresh = [a for a in actor.aliases if a not in kept]
    if fresh:
        entry["aliases"] = _Flow(fresh)
    return entry


def _declared_groups(old: Actor | None, actor: Actor, from_groups: list[str]) -> list[str]:
    """``member_of`` to write: the actor's groups beyond the parser's, unless the groups' members say it."""
    base = old.member_of if old is not None else ()
    if actor.member_of[: len(base)] != base:
        raise CaseError(f"{actor.id}: the parser's groups {list(base)} were changed; a case file can only add groups")
    extra = list(actor.member_of[len(base) :])
    declared = [g for g in extra if g not in from_groups]
    implied = list(dict.fromkeys(list(base) + declared + from_groups))
    return declared if implied == list(actor.member_of) else extra


_COMMENT = re.compile(r"""^\s*#|\s#""")


def _own_comments(text: str) -> list[str]:
    """Comment lines in ``text`` that the writer did not write (outside quoted text, roughly)."""
    ours = set(_HEADER) | set(_PACK_HEADER)
    found = []
    for line in text.splitlines():
        if line in ours or not _COMMENT.search(line):
            continue
        stripped = line.lstrip()
        if stripped.startswith("#") or not _in_quotes(line, line.index(" #")):
            found.append(line)
    return found


def _in_quotes(line: str, at: int) -> bool:
    quote = None
    for ch in line[:at]:
        if quote is None and ch in "\"'":
            quote = ch
        elif ch == quote:
            quote = None
    return quote is not None


def _article_ref(case: Case, target: Path) -> str | None:
    """The article's path relative to ``target``'s folder, if that file holds the case's text; else None."""
    source = case.article.source
    if not source or source.startswith("kit/data/"):
        return None
    path = Path(source)
    if missing(path):
        return None
    try:
        same = read_text(path) == case.article.text
    except Exception:  # unreadable now: the text travels in the file instead
        return None
    if not same:
        return None
    return os.path.relpath(path.resolve(), target.resolve().parent).replace(os.sep, "/")


def save_case(case: Case, path: str | Path, *, drop_comments: bool = False, parsed: Article | None = None) -> Path:
    """Write ``case`` as a case file at ``path`` (atomically); returns the path.

    ``kit.load_case(save_case(case, path)) == case`` for every case the kit
    loaded or built: the file is read back and compared before it replaces
    anything. (A :class:`~kit.records.Case` put together by hand reads back
    with what follows from it filled in: the mentions of a new actor's
    aliases, the groups in each member's ``member_of``.)

    Args:
        drop_comments: replace a file that has comments written by hand (they
            would be lost); without it such a file is refused.
        parsed: the parse of the case's article, if the caller has it (a builder
            saving after every edit): saves parsing it twice more.

    Raises:
        CaseError: the path is not a ``.yaml`` file, a hand-written file would
            lose its comments, or the case cannot be said in a case file.
        SaveError: the file cannot be written (the old one is unchanged).
    """
    target = Path(path)
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise CaseError(
            f"{show(target)}: a case file must end in .yaml; save it as {show(target.with_suffix('.yaml'))}"
        )
    if not drop_comments and not missing(target):
        old = read_regular(target, limit=MAX_BYTES, what="case file", error=CaseError).decode("utf-8", "replace")
        comments = _own_comments(old)
        if comments:
            raise CaseError(
                f"{show(target)} has {len(comments)} comment line(s) written by hand (first: {comments[0].strip()[:60]!r}); "
                "saving would drop them: save under another name, or pass drop_comments=True"
            )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)  # the article is named relative to it
    except OSError as exc:
        raise SaveError(
            f"{show(target.parent)}: cannot make this folder ({exc.strerror or exc}); choose another place"
        ) from None
    text = case_yaml(case, article=_article_ref(case, target), parsed=parsed)
    _verify(text, case, target, parsed)
    return save_bytes(target, text.encode("utf-8"))


def case_pack(case: Case, path: str | Path, *, stances: bool = False) -> Path:
    """One file for the class: the article's text, the actors and positions (and groups), no stances unless asked.

    Learners open it with ``kit.load_case(path)`` and code it with the StanceCoder;
    their coding files carry the same article, so the class view matches them.
    """
    target = Path(path)
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise CaseError(f"{show(target)}: a case pack is a .yaml file; use {show(target.with_suffix('.yaml'))}")
    pack = case if stances else _without_stances(case)
    text = case_yaml(pack, article=None, stances=stances, header=_PACK_HEADER)
    _verify(text, pack, target)
    return save_bytes(target, text.encode("utf-8"))


def _without_stances(case: Case) -> Case:
    return dataclasses.replace(case, stances=())


def _coding(case: Case) -> dict[str, Any]:
    """What a case file says: the text, the actors (with the groups' members in their member_of), the coding.

    Mentions and speakers follow from these when the file is read, so a case
    built by hand (a new actor without its mentions yet) is saved as it will read.
    """
    groups = {a.id: [g.id for g in case.groups if a.id in g.members] for a in case.actors}
    actors = tuple(
        dataclasses.replace(a, member_of=tuple(dict.fromkeys(a.member_of + tuple(groups[a.id])))) for a in case.actors
    )
    return {
        "title": case.title,
        "article": case.article.text,
        "actors": actors,
        "positions": case.positions,
        "stances": case.stances,
        "groups": case.groups,
        "speakers": tuple((c.start, c.end, c.speaker) for c in case.speaker_changes),
    }


def _verify(text: str, case: Case, target: Path, parsed: Article | None = None) -> None:
    """Read ``text`` back as the file at ``target`` would be read; refuse to save a file that differs."""
    try:
        again = case_from_text(text, name=show(target), folder=target.parent, path=str(target), parsed=parsed)
    except CaseError as exc:
        first = exc.problems[0].split(": ", 2)[-1] if exc.problems else str(exc)
        raise CaseError(
            f"{show(target)}: not saved: the case would not pass the check ({first}); fix that and save again"
        ) from None
    if _coding(again) != _coding(case):
        what = next((k for k, v in _coding(again).items() if v != _coding(case)[k]), "case")
        raise CaseError(
            f"{show(target)}: not saved: read back, its {what} would differ from the case being saved "
            "(a bug in kit, or an edit the case-file format cannot say); your previous file is unchanged"
        )
