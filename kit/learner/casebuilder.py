"""The case builder's state: a case edited step by step, valid after every step, saved safely.

:class:`BuilderState` holds the case file's fields in memory (what a teacher
would write in YAML) and the parsed article. Every operation changes those
fields and builds the case again with the loader's own checks
(:func:`kit.case.load.case_from_data`): an edit that would make the case
invalid is refused with one line and changes nothing, so the case is valid
by construction. Mentions and speakers are found again after every change.
:mod:`kit.explore.builder` is the widget around it; tests drive this class.

>>> import kit
>>> state = BuilderState(kit.load_case("kit/data/sample_case.yaml"))
>>> state.add_position("Ban trawling near cables")
'added the position “Ban trawling near cables”'
>>> state.case.positions[-1].id
'ban_trawling_near_cables'
>>> state.undo()
'undone: added the position “Ban trawling near cables”'
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

import yaml

from ..case.load import UNKNOWN_SPEAKER, case_from_article, case_from_data, load_case
from ..case.safeyaml import MAX_BYTES
from ..errors import CaseError, KitError
from ..fileio import missing, read_regular, show
from ..parse.article import load_article, parse
from ..records import ACTOR_KINDS, EVIDENCE_TYPES, STANCE_VALUES, Article, Case, Stance
from ..util import snake_id
from .casefile import case_pack, case_yaml, save_case
from .storage import locked

__all__ = ["BuilderState", "BuildError", "open_case"]

_UNDO_DEPTH = 50
_BARE = "(bare article, not yet coded)"  # the title case_from_article gives


class BuildError(KitError):
    """An edit the builder refuses (one line saying what to do); nothing was changed."""


def open_case(source: Article | Case | str | Path) -> Case:
    """The case to build on: a parsed article, a case, or a path (``.yaml`` case file, else an article)."""
    if isinstance(source, Case):
        return source
    if isinstance(source, Article):
        return case_from_article(source)
    path = Path(source)
    if path.suffix.lower() in (".yaml", ".yml"):
        return load_case(path)
    return case_from_article(load_article(path))


def _quoted(text: str) -> str:
    return f"“{text}”"


class BuilderState:
    """A case being built. Every public method either changes the case and returns a message, or raises
    :class:`BuildError` and changes nothing.

    Args:
        source: an :class:`~kit.records.Article`, a :class:`~kit.records.Case`, or a path.
        path: where :meth:`save` writes (a ``.yaml`` file); ``None`` until :meth:`save` is given one.
        autosave: save after every change once a path is known.
    """

    def __init__(self, source: Article | Case | str | Path, *, path: str | Path | None = None, autosave: bool = True):
        case = open_case(source)
        self.article = parse(case.article.text, source=case.article.source)  # the parse, done once
        self.path: Path | None = Path(path) if path is not None else None
        if self.path is None and isinstance(source, (str, Path)) and Path(source).suffix.lower() in (".yaml", ".yml"):
            self.path = Path(source)
        self.autosave = autosave
        self.doc: dict[str, Any] = _doc_of(case, self.article)
        if not (case.positions or case.stances or case.groups) and case.title.endswith(_BARE):
            self.doc["title"] = f"Coding of {case.title[: -len(_BARE)].strip()}"
        self.case = case_from_data(self.doc, self.article, name="the case")
        self._undo: list[tuple[dict[str, Any], str]] = []
        self._saved_hash: str | None = _hash_of(self.path)
        self.saved_message = ""

    # -- the engine ------------------------------------------------------
    def _change(self, doc: dict[str, Any], message: str) -> str:
        """Build the case from ``doc``; keep it only if the loader accepts it."""
        try:
            case = case_from_data(doc, self.article, name="the case")
        except CaseError as exc:
            raise BuildError(f"not changed: {_first_problem(exc)}") from None
        self._undo.append((self.doc, message))
        del self._undo[:-_UNDO_DEPTH]
        self.doc, self.case = doc, case
        if self.autosave and self.path is not None:
            self.saved_message = self._try_save()
        return message

    def undo(self) -> str:
        """Go back one change."""
        if not self._undo:
            raise BuildError("nothing to undo")
        doc, message = self._undo.pop()
        self.doc, self.case = doc, case_from_data(doc, self.article, name="the case")
        if self.autosave and self.path is not None:
            self.saved_message = self._try_save()
        return f"undone: {message}"

    def _new(self) -> dict[str, Any]:
        return copy.deepcopy(self.doc)

    def _actor_entry(self, doc: dict[str, Any], aid: str) -> dict[str, Any]:
        for entry in doc.setdefault("actors", []):
            if entry.get("id") == aid:
                return entry
        entry = {"id": aid}
        doc["actors"].append(entry)
        return entry

    def _need_actor(self, aid: str) -> Any:
        actor = self.case.get_actor(aid)
        if actor is None:
            raise BuildError(f"there is no actor {aid!r}; choose one from the list")
        return actor

    def _in_text(self, words: str, what: str) -> str:
        words = " ".join(words.split())
        if not words:
            raise BuildError(f"type the {what} as the article writes it")
        if words.lower() not in " ".join(self.article.text.split()).lower():
            raise BuildError(f"{_quoted(words)} is not in the article; copy the {what} from the text")
        return words

    def _unique_id(self, text: str, taken: set[str]) -> str:
        base = snake_id(text) or "item"
        if base[0].isdigit():
            base = "n_" + base
        out, n = base, 2
        while out in taken:
            out, n = f"{base}_{n}", n + 1
        return out

    # -- actors ------------------------------------------------------------
    def edit_actor(
        self,
        aid: str,
        *,
        name: str | None = None,
        kind: str | None = None,
        role: str | None = None,
        country: str | None = None,
    ) -> str:
        """Rename an actor or change its kind, role or country (the id of the state or body it speaks for)."""
        actor = self._need_actor(aid)
        doc = self._new()
        entry = self._actor_entry(doc, aid)
        if name is not None:
            name = " ".join(name.split())
            if not name:
                raise BuildError("a name cannot be empty; to take the actor away use “Not an actor”")
            if any(a.name.lower() == name.lower() and a.id != aid for a in self.case.actors):
                raise BuildError(f"another actor is already called {_quoted(name)}; merge the two instead")
            entry["name"] = name
        if kind is not None:
            if kind not in ACTOR_KINDS:
                raise BuildError(f"{kind!r} is not a kind; choose one of {', '.join(ACTOR_KINDS)}")
            entry["kind"] = kind
        if role is not None:
            if role.strip():
                entry["role"] = " ".join(role.split())
            elif "role" in entry:
                del entry["role"]
        if country is not None:
            if country and country == aid:
                raise BuildError("an actor cannot speak for itself; choose another state or body")
            if country:
                self._need_actor(country)
                entry["country"] = country
            elif "country" in entry:
                del entry["country"]
        return self._change(doc, f"changed {actor.name}")

    def add_actor(self, words: str, kind: str, *, name: str | None = None) -> str:
        """A missed actor: ``words`` as the article writes them (its other mentions are found too)."""
        words = self._in_text(words, "actor's words")
        if kind not in ACTOR_KINDS:
            raise BuildError(f"{kind!r} is not a kind; choose one of {', '.join(ACTOR_KINDS)}")
        label = " ".join((name or words).split())
        if any(label.lower() in {a.name.lower(), *(x.lower() for x in a.aliases)} for a in self.case.actors):
            raise BuildError(f"{_quoted(label)} already names an actor; pick it in the list instead")
        doc = self._new()
        aid = self._unique_id(label, {a.id for a in self.case.actors} | set(_removed(doc)))
        entry: dict[str, Any] = {"id": aid, "name": label, "kind": kind}
        if name and words != label:
            entry["aliases"] = [words]
        doc.setdefault("actors", []).append(entry)
        return self._change(doc, f"added the actor {label}")

    def add_alias(self, aid: str, words: str) -> str:
        """Another name for an actor, as the article writes it (``the Sunni militant group``)."""
        actor = self._need_actor(aid)
        words = self._in_text(words, "other name")
        if words in actor.aliases or words == actor.name:
            raise BuildError(f"{_quoted(words)} is already one of {actor.name}'s names")
        doc = self._new()
        _add_aliases(self._actor_entry(doc, aid), [words])
        return self._change(doc, f"{_quoted(words)} now names {actor.name}")

    def references(self, aid: str) -> list[str]:
        """What names ``aid`` besides its mentions: stances, groups, speakers, other actors' country."""
        out = [f"the stance on {s.position}" for s in self.case.stances if s.actor == aid]
        out += [f"the group {g.name}" for g in self.case.groups if aid in g.members]
        out += [f"the speaker of “{c.excerpt}”" for c in self.case.speaker_changes if c.speaker == aid]
        out += [f"{a.name}'s country" for a in self.case.actors if a.country == aid]
        return out

    def remove_actor(self, aid: str, *, fix_references: bool = False) -> str:
        """Not an actor: take it away. What names it (stances, groups…) is removed too when asked."""
        actor = self._need_actor(aid)
        refs = self.references(aid)
        if refs and not fix_references:
            raise BuildError(
                f"{actor.name} is used by {len(refs)} other part(s) of the case ({'; '.join(refs[:3])}"
                f"{'…' if len(refs) > 3 else ''}); tick “also remove what names it” and try again"
            )
        doc = self._new()
        _drop_references(doc, aid, None)
        self._retire(doc, aid)
        return self._change(doc, f"{actor.name} is no longer an actor")

    def merge(self, aid: str, into: str) -> str:
        """Two actors are one: ``aid`` becomes another name of ``into`` (its stances, groups, speakers move)."""
        if aid == into:
            raise BuildError("choose two different actors to merge")
        gone, keep = self._need_actor(aid), self._need_actor(into)
        doc = self._new()
        clash = {s.position for s in self.case.stances if s.actor == into}
        dropped = [s.position for s in self.case.stances if s.actor == aid and s.position in clash]
        _drop_references(doc, aid, into, keep_positions=clash)
        self._retire(doc, aid)
        entry = self._actor_entry(doc, into)
        names = [n for n in (gone.name, *gone.aliases) if n not in (keep.name, *keep.aliases)]
        _add_aliases(entry, names)
        note = f" ({len(dropped)} of its stances clashed with {keep.name}'s and were dropped)" if dropped else ""
        return self._change(doc, f"merged {gone.name} into {keep.name}{note}")

    def split_alias(self, aid: str, alias: str, *, kind: str | None = None) -> str:
        """An alias that names someone else becomes an actor of its own."""
        actor = self._need_actor(aid)
        if alias not in actor.aliases:
            raise BuildError(f"{_quoted(alias)} is not one of {actor.name}'s other names")
        if alias == actor.name:
            raise BuildError("that is the actor's own name; rename the actor instead")
        doc = self._new()
        entry = self._actor_entry(doc, aid)
        if alias in entry.get("aliases", []):
            entry["aliases"].remove(alias)
        else:
            entry["drop_aliases"] = [*entry.get("drop_aliases", []), alias]
        new_id = self._unique_id(alias, {a.id for a in self.case.actors} | set(_removed(doc)))
        doc["actors"].append({"id": new_id, "name": alias, "kind": kind or actor.kind})
        return self._change(doc, f"{_quoted(alias)} is now an actor of its own")

    def _retire(self, doc: dict[str, Any], aid: str) -> None:
        parsed = {a.id for a in self.article.actors}
        doc["actors"] = [e for e in doc.get("actors", []) if e.get("id") != aid]
        if aid in parsed:
            doc["actors"].append({"id": aid, "remove": True})

    # -- speakers ----------------------------------------------------------
    def statements(self) -> list[tuple[str, int, int, str | None]]:
        """Every quote and reported statement: (kind, start, end, speaker id or None), in text order."""
        art = self.case.article
        items = [("quote", q.start, q.end, q.speaker) for q in art.quotes]
        items += [("reported", r.start, r.end, r.speaker) for r in art.reported]
        return sorted(items, key=lambda t: (t[1], t[2]))

    def set_speaker(self, index: int, speaker: str | None) -> str:
        """The teacher's speaker for statement ``index`` of :meth:`statements` (``None``: unknown)."""
        items = self.statements()
        if not 0 <= index < len(items):
            raise BuildError("choose a quote or reported statement from the list")
        _, start, end, _now = items[index]
        if speaker is not None:
            self._need_actor(speaker)
        excerpt = _unique_excerpt(self.article.text, start, end)
        if excerpt is None:
            raise BuildError("these words occur twice in the article, so the case file cannot point at this one")
        doc = self._new()
        entries = [e for e in doc.get("speakers", []) if _span_of(self.case, e) != (start, end)]
        parser = next((c.parser for c in self.case.speaker_changes if (c.start, c.end) == (start, end)), _now)
        if speaker != parser:
            entries.append({"quote": excerpt, "speaker": speaker or UNKNOWN_SPEAKER})
        doc["speakers"] = entries
        who = self.case.name_of(speaker) if speaker else "unknown"
        return self._change(doc, f"{_quoted(_short(excerpt))} is now spoken by {who}")

    # -- positions -----------------------------------------------------------
    def add_position(self, label: str, description: str = "") -> str:
        label = " ".join(label.split())
        if not label:
            raise BuildError("give the position a short label, e.g. “Air strikes against IS”")
        if any(p.label.lower() == label.lower() for p in self.case.positions):
            raise BuildError(f"there is already a position {_quoted(label)}")
        doc = self._new()
        pid = self._unique_id(label, {p.id for p in self.case.positions})
        entry = {"id": pid, "label": label}
        if description.strip():
            entry["description"] = description.strip()
        doc.setdefault("positions", []).append(entry)
        return self._change(doc, f"added the position {_quoted(label)}")

    def edit_position(self, pid: str, *, label: str | None = None, description: str | None = None) -> str:
        doc = self._new()
        entry = next((e for e in doc.get("positions", []) if e.get("id") == pid), None)
        if entry is None:
            raise BuildError(f"there is no position {pid!r}; choose one from the list")
        if label is not None:
            label = " ".join(label.split())
            if not label:
                raise BuildError("a position needs a label")
            if any(p.label.lower() == label.lower() and p.id != pid for p in self.case.positions):
                raise BuildError(f"there is already a position {_quoted(label)}")
            entry["label"] = label
        if description is not None:
            if description.strip():
                entry["description"] = description.strip()
            else:
                entry.pop("description", None)
        return self._change(doc, f"changed the position {_quoted(entry['label'])}")

    def move_position(self, pid: str, step: int) -> str:
        doc = self._new()
        items = doc.get("positions", [])
        at = next((i for i, e in enumerate(items) if e.get("id") == pid), None)
        if at is None:
            raise BuildError(f"there is no position {pid!r}")
        to = max(0, min(len(items) - 1, at + step))
        items.insert(to, items.pop(at))
        return self._change(doc, f"moved the position {_quoted(items[to]['label'])}")

    def remove_position(self, pid: str, *, with_stances: bool = False) -> str:
        used = [s for s in self.case.stances if s.position == pid]
        if used and not with_stances:
            raise BuildError(
                f"{len(used)} stance(s) are coded on this position; tick “also remove its stances” and try again"
            )
        doc = self._new()
        before = len(doc.get("positions", []))
        doc["positions"] = [e for e in doc.get("positions", []) if e.get("id") != pid]
        if len(doc["positions"]) == before:
            raise BuildError(f"there is no position {pid!r}")
        doc["stances"] = [e for e in doc.get("stances", []) if e.get("position") != pid]
        return self._change(doc, "removed the position" + (f" and its {len(used)} stance(s)" if used else ""))

    # -- stances -------------------------------------------------------------
    def set_stance(
        self, actor: str, position: str, value: str, evidence: str, evidence_type: str, note: str = ""
    ) -> str:
        """Code one stance (replacing the one on the same actor and position)."""
        if value not in STANCE_VALUES:
            raise BuildError(f"choose a stance: {', '.join(STANCE_VALUES)}")
        if evidence_type not in EVIDENCE_TYPES:
            raise BuildError(f"choose an evidence type: {', '.join(EVIDENCE_TYPES)}")
        if not evidence.strip():
            raise BuildError("pick the words of the article that show this stance")
        doc = self._new()
        stances = [e for e in doc.get("stances", []) if (e.get("actor"), e.get("position")) != (actor, position)]
        entry = {"actor": actor, "position": position, "value": value, "evidence": evidence.strip()}
        entry["type"] = evidence_type
        if note.strip():
            entry["note"] = " ".join(note.split())
        stances.append(entry)
        doc["stances"] = stances
        return self._change(doc, f"{self.case.name_of(actor)}: {value}")

    def remove_stance(self, actor: str, position: str) -> str:
        doc = self._new()
        before = len(doc.get("stances", []))
        doc["stances"] = [e for e in doc.get("stances", []) if (e.get("actor"), e.get("position")) != (actor, position)]
        if len(doc["stances"]) == before:
            raise BuildError("that stance is not coded")
        return self._change(doc, "removed the stance")

    def take_stances(self, stances: tuple[Stance, ...]) -> str:
        """Take stances coded elsewhere (the StanceCoder) as the case's, replacing those on the same pairs."""
        # "no stance" is a learner's answer, not a stance: the case simply has none on that pair
        usable = [s for s in stances if s.evidence.strip() and s.value in STANCE_VALUES]
        if not usable:
            raise BuildError("no stance with evidence to take: code some in the stance coder first")
        doc = self._new()
        pairs = {(s.actor, s.position) for s in usable}
        kept = [e for e in doc.get("stances", []) if (e.get("actor"), e.get("position")) not in pairs]
        for s in usable:
            entry = {"actor": s.actor, "position": s.position, "value": s.value, "evidence": s.evidence.strip()}
            entry["type"] = s.evidence_type
            if s.note.strip():
                entry["note"] = " ".join(s.note.split())
            kept.append(entry)
        doc["stances"] = kept
        return self._change(doc, f"took {len(usable)} stance(s) from your coding")

    # -- groups --------------------------------------------------------------
    def set_group(
        self,
        name: str,
        members: list[str],
        *,
        basis: str = "article",
        evidence: str = "",
        source: str = "",
        gid: str | None = None,
    ) -> str:
        """Declare a coalition (or change the one with id ``gid``): members and where membership comes from."""
        name = " ".join(name.split())
        if not name:
            raise BuildError("give the group a name, e.g. “The core group”")
        if len(set(members)) < 2:
            raise BuildError("a group needs at least two members")
        for m in members:
            self._need_actor(m)
        doc = self._new()
        groups = doc.setdefault("groups", [])
        if gid is None:
            gid = self._unique_id(name, {g.id for g in self.case.groups} | {a.id for a in self.case.actors})
        entry = next((e for e in groups if e.get("id") == gid), None)
        if entry is None:
            entry = {"id": gid}
            groups.append(entry)
        entry.clear()
        entry.update({"id": gid, "name": name, "members": list(dict.fromkeys(members)), "basis": basis})
        if evidence.strip():
            entry["evidence"] = evidence.strip()
        if source.strip():
            entry["source"] = source.strip()
        return self._change(doc, f"the group {_quoted(name)} has {len(set(members))} members")

    def remove_group(self, gid: str) -> str:
        doc = self._new()
        before = len(doc.get("groups", []))
        doc["groups"] = [e for e in doc.get("groups", []) if e.get("id") != gid]
        if len(doc["groups"]) == before:
            raise BuildError(f"there is no group {gid!r}")
        for entry in doc.get("actors", []):
            if gid in entry.get("member_of", []):
                entry["member_of"] = [g for g in entry["member_of"] if g != gid]
        return self._change(doc, "removed the group")

    def set_title(self, title: str) -> str:
        title = " ".join(title.split())
        if not title:
            raise BuildError("give the case a title (it names the learners' coding files)")
        doc = self._new()
        doc["title"] = title
        return self._change(doc, f"the title is now {_quoted(title)}")

    # -- saving --------------------------------------------------------------
    def save(self, path: str | Path | None = None, *, drop_comments: bool = False) -> str:
        """Save the case (atomically, checked by reading it back); a new ``path`` becomes the autosave file.

        A file changed by someone else since it was opened or last saved here
        (another tab, an editor) is not overwritten: the work stays here and the
        message says to save under another name.
        """
        if path is not None:
            target = Path(path)
            if target != self.path:
                self.path, self._saved_hash = target, _hash_of(target)
        if self.path is None:
            raise BuildError("give a file name to save to, e.g. my_case.yaml")
        return self._save(drop_comments=drop_comments)

    def _save(self, *, drop_comments: bool = False) -> str:
        assert self.path is not None
        with locked(self.path.parent if self.path.parent.exists() else Path(".")):
            now = _hash_of(self.path)
            if now is not None and now != self._saved_hash:
                raise BuildError(
                    f"{show(self.path)} was changed elsewhere (another tab or an editor) since it was opened here; "
                    "your work is kept here: save it under another name"
                )
            saved = save_case(self.case, self.path, drop_comments=drop_comments, parsed=self.article)
            self._saved_hash = _hash_of(saved)
        return f"saved {show(saved)}"

    def _try_save(self) -> str:
        try:
            return self._save()
        except KitError as exc:  # CaseError, SaveError, BuildError: the work stays in memory
            return f"not saved: {exc}"

    def pack(self, path: str | Path, *, stances: bool = False) -> str:
        """Write the case pack learners open in lesson 07 (no stances unless asked)."""
        saved = case_pack(self.case, path, stances=stances)
        return f"wrote the case pack {show(saved)} ({'with' if stances else 'without'} your stances)"

    def yaml(self) -> str:
        """The case file as it would be saved (for the curious; nobody has to read it)."""
        return case_yaml(self.case, article=None, parsed=self.article)


def _doc_of(case: Case, parsed: Article) -> dict[str, Any]:
    data = yaml.safe_load(case_yaml(case, article=None, parsed=parsed))
    data.pop("article_text", None)
    return data


def _add_aliases(entry: dict[str, Any], names: list[str]) -> None:
    """Names for an actor: a parsed alias dropped earlier comes back (in its place), others are added."""
    dropped = entry.get("drop_aliases", [])
    for name in names:
        if name in dropped:
            dropped.remove(name)
        elif name not in entry.get("aliases", []):
            entry["aliases"] = [*entry.get("aliases", []), name]
    if "drop_aliases" in entry and not dropped:
        del entry["drop_aliases"]


def _removed(doc: dict[str, Any]) -> list[str]:
    return [e["id"] for e in doc.get("actors", []) if e.get("remove")]


def _drop_references(
    doc: dict[str, Any], aid: str, into: str | None, *, keep_positions: set[str] | frozenset[str] = frozenset()
) -> None:
    """Point what names ``aid`` at ``into``, or take it away (``into`` None)."""
    stances = []
    for e in doc.get("stances", []):
        if e.get("actor") != aid:
            stances.append(e)
        elif into is not None and e.get("position") not in keep_positions:
            stances.append({**e, "actor": into})
    doc["stances"] = stances
    for g in doc.get("groups", []):
        members = [into if m == aid else m for m in g.get("members", []) if m != aid or into is not None]
        g["members"] = list(dict.fromkeys(members))
    doc["groups"] = [g for g in doc.get("groups", []) if len(g.get("members", [])) >= 1]
    for s in doc.get("speakers", []):
        if s.get("speaker") == aid:
            s["speaker"] = into or UNKNOWN_SPEAKER
    for e in doc.get("actors", []):
        if e.get("country") == aid:
            if into is not None:
                e["country"] = into
            else:
                del e["country"]


def _span_of(case: Case, entry: dict[str, Any]) -> tuple[int, int] | None:
    excerpt = " ".join(str(entry.get("quote", "")).split())
    for c in case.speaker_changes:
        if " ".join(c.excerpt.split()) == excerpt:
            return c.start, c.end
    return None


def _unique_excerpt(text: str, start: int, end: int) -> str | None:
    """The shortest start of text[start:end] (whole words, at least 3) found only once in the text."""
    words = text[start:end].split()
    for n in range(min(3, len(words)), len(words) + 1):
        excerpt = " ".join(words[:n])
        at = text.find(excerpt)
        if at >= 0 and text.find(excerpt, at + 1) < 0:
            return excerpt
    return None


def _short(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _first_problem(exc: CaseError) -> str:
    first = exc.problems[0] if exc.problems else str(exc)
    return first.split(": ", 1)[1] if first.startswith("the case:") else first


def _hash_of(path: Path | None) -> str | None:
    """The SHA-256 of a regular file's bytes (``None``: no such file, or not one that can be read)."""
    if path is None or missing(path):
        return None
    try:
        return hashlib.sha256(read_regular(path, limit=MAX_BYTES, what="case file", error=KitError)).hexdigest()
    except KitError:
        return "(unreadable)"
