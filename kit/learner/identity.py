"""Who the learner is, asked once: a name and a stable id kept in the learner folder.

Exported coding files carry both (``learner`` and ``learner_id``), so a
teacher's class view counts each learner once however many files they send
(:mod:`kit.learner.class_files` keeps the newest). The id is random
(``uuid4``), made the first time and never changed; the name is whatever the
learner types, and can be changed without changing the id. Exit-ticket answers
(:func:`record_answer`) are kept beside it, so the learner can choose to send
them with the coding file.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> learner_identity(folder)  # nothing stored yet: nothing written either
Identity(name='', id='')
>>> me = learner_identity(folder, create=True)
>>> me.name, len(me.id)
('', 32)
>>> set_learner_name("Ada", folder).id == me.id
True
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import SaveError
from .storage import learner_dir, load_json, save_json

__all__ = [
    "IDENTITY_FILE",
    "ANSWERS_FILE",
    "Identity",
    "learner_identity",
    "set_learner_name",
    "record_answer",
    "saved_answers",
]

IDENTITY_FILE = "learner.json"
ANSWERS_FILE = "exit-tickets.json"


@dataclass(frozen=True)
class Identity:
    """The learner's name (may be empty until asked) and stable random id."""

    name: str
    id: str


def _folder(folder: str | Path | None) -> Path:
    return Path(folder) if folder is not None else learner_dir()


def _read(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = load_json(path)
    except SaveError:
        return {}
    return data if isinstance(data, dict) else {}


def learner_identity(folder: str | Path | None = None, *, create: bool = False) -> Identity:
    """The learner's identity as stored (``id`` "" if none yet); ``create=True`` makes and saves an id
    (with an empty name) the first time, as an export does."""
    path = _folder(folder) / IDENTITY_FILE
    data = _read(path)
    name = data.get("name") if isinstance(data.get("name"), str) else ""
    ident = data.get("id")
    if not (isinstance(ident, str) and len(ident) == 32 and all(c in "0123456789abcdef" for c in ident)):
        if not create:
            return Identity(" ".join(str(name).split())[:80], "")
        ident = uuid.uuid4().hex
        try:
            save_json(path, {"name": name, "id": ident})
        except SaveError:
            pass  # a read-only folder: the id lives for this session only
    return Identity(" ".join(str(name).split())[:80], ident)


def set_learner_name(name: str, folder: str | Path | None = None) -> Identity:
    """Store the learner's name (the id stays); returns the identity."""
    me = learner_identity(folder, create=True)
    clean = " ".join(str(name).split())[:80]
    save_json(_folder(folder) / IDENTITY_FILE, {"name": clean, "id": me.id})
    return Identity(clean, me.id)


def record_answer(
    lesson: str,
    question: str,
    choice: str,
    *,
    correct: bool,
    feedback: str = "",
    folder: str | Path | None = None,
) -> None:
    """Keep the learner's latest answer to one exit-ticket question (nothing is sent anywhere)."""
    path = _folder(folder) / ANSWERS_FILE
    data = _read(path)
    rows = [r for r in data.get("answers", []) if isinstance(r, dict)]
    rows = [r for r in rows if (r.get("lesson"), r.get("question")) != (lesson, question)]
    rows.append({"lesson": lesson, "question": question, "choice": choice, "correct": correct, "feedback": feedback})
    try:
        save_json(path, {"answers": rows})
    except SaveError:
        pass  # answers are a courtesy to the teacher: never stop a lesson over them


def saved_answers(folder: str | Path | None = None) -> list[dict[str, Any]]:
    """The exit-ticket answers kept so far (what an export with answers carries)."""
    rows = _read(_folder(folder) / ANSWERS_FILE).get("answers", [])
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []
