"""Generate the bundled example class: SYNTHETIC coding files, not real learners.

    .venv/bin/python scripts/make_example_class.py          # rewrites kit/data/example_class.zip

Each synthetic learner codes the reference coding's (actor, position) pairs of
the bundled case with controlled noise: a pair is coded with probability
``coverage``; with probability ``noise`` the stance (and often the sentence) is
replaced by a random one. Every file says ``"synthetic": true`` and names its
learner "Synthetic learner NN". The zip also holds one file of each bad-input
kind (damaged, another article, another scheme, a duplicate, an empty coding,
an older file from the same learner), so the teacher notebook shows how they
are reported. Output is deterministic (seeded; fixed zip timestamps).

The functions are reused by the tests and ``benchmarks/bench_class.py``.
"""

from __future__ import annotations

import io
import json
import random
import sys
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kit" / "data" / "example_class.zip"
STANCES = ("support", "oppose", "conditional", "undecided")
NOTES = {
    "support": "The sentence shows the actor backing it without conditions.",
    "oppose": "The actor speaks against it here.",
    "conditional": "Only under conditions: the sentence hedges ('if', 'only', 'potentially').",
    "undecided": "Not decided yet: 'may', 'considering'.",
    "no stance": "The text says nothing about this actor on this position.",
}
STAMP = (2024, 9, 12, 10, 0, 0)
#: pairs of the bundled case where the example class splits between two readings
AMBIGUOUS = {
    ("philip_hammond", "air_strikes"): "oppose",
    ("nato", "airlifts"): "support",
    ("france", "air_strikes"): "support",
    ("anon_british_official", "cautious_approach"): "undecided",
}

__all__ = ["reference_units", "synthetic_coding", "coding_file", "synthetic_class", "example_zip", "main"]


def reference_units(case: Any) -> dict[tuple[str, str], tuple[str, int | None]]:
    """``{(actor, position): (stance, sentence index)}`` of the case's reference coding."""
    out = {}
    for s in case.stances:
        index = next(
            (i for i, t in enumerate(case.article.sentences) if s.start is not None and t.start <= s.start < t.end),
            None,
        )
        out[(s.actor, s.position)] = (s.value, index)
    return out


def synthetic_coding(
    case: Any,
    rng: random.Random,
    *,
    noise: float,
    coverage: float = 0.85,
    extra: int = 1,
    ambiguous: dict[tuple[str, str], str] | None = None,
) -> dict[tuple[str, str], tuple[str, int | None]]:
    """One synthetic learner: the reference pairs with noise, plus ``extra`` random pairs.

    ``ambiguous`` maps pairs to a second defensible stance that a learner picks
    with probability 0.45 (a passage that honestly splits a class).
    """
    body = [i for i, s in enumerate(case.article.sentences) if case.article.paragraphs[s.paragraph].kind == "body"]
    coding = {}
    for unit, (value, sentence) in sorted(reference_units(case).items()):
        if rng.random() >= coverage:
            continue
        if ambiguous and unit in ambiguous and rng.random() < 0.45:
            value = ambiguous[unit]
        elif rng.random() < noise:
            value = rng.choice(STANCES)
            sentence = rng.choice(body) if rng.random() < 0.5 else sentence
        coding[unit] = (value, sentence)
    actors = sorted(a.id for a in case.actors)
    positions = [p.id for p in case.positions]
    for _ in range(extra):
        unit = (rng.choice(actors), rng.choice(positions))
        coding.setdefault(unit, (rng.choice(STANCES), rng.choice(body)))
    return coding


def coding_file(
    case: Any,
    coding: dict[tuple[str, str], tuple[str | None, int | None]],
    *,
    learner: str | None,
    saved: str = "2024-09-12T10:00:00",
    notes: bool = True,
    identity: dict[str, str] | None = None,
    learner_id: str | None = None,
    answers: list[dict[str, Any]] | None = None,
) -> bytes:
    """The bytes of a coding file as the StanceCoder exports it, marked synthetic (with the learner's id
    and exit-ticket answers when given)."""
    from kit.learner.codingfile import FORMAT, VERSION, case_identity

    art = case.article
    rows = []
    for (actor, position), (value, i) in sorted(coding.items()):
        text = "" if i is None else art.text[art.sentences[i].start : art.sentences[i].end]
        row = {"actor": actor, "position": position, "value": value, "sentence": i, "evidence": text}
        if notes and value:
            row["why"] = NOTES[value]  # the StanceCoder's one-line reason
        rows.append(row)
    data: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "case": identity or case_identity(case),
        "saved": saved,
        "stances": rows,
        "synthetic": True,
    }
    if learner is not None:
        data["learner"] = learner
    if learner_id is not None:
        data["learner_id"] = learner_id
    if answers is not None:
        data["answers"] = answers
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def synthetic_class(
    case: Any, n: int, *, noise: float, seed: int = 0, coverage: float = 0.85, extra: int = 1
) -> list[tuple[str, bytes]]:
    """``n`` synthetic learners' files as ``(file name, bytes)``, all with the same noise level."""
    rng = random.Random(seed)
    return [
        (
            f"synthetic-learner-{i:03d}.json",
            coding_file(
                case,
                synthetic_coding(case, rng, noise=noise, coverage=coverage, extra=extra),
                learner=f"Synthetic learner {i:02d}",
            ),
        )
        for i in range(1, n + 1)
    ]


def _member(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def synthetic_id(i: int) -> str:
    """A fixed learner id for synthetic learner ``i`` (real ids are random: kit.learner.identity)."""
    return f"{i:032x}"


def synthetic_answers(i: int) -> list[dict[str, Any]] | None:
    """Lesson 05's exit-ticket answers of synthetic learner ``i`` (two in three send them), or None."""
    from kit.lessons.lesson05 import exit_ticket

    rng = random.Random(1000 + i)  # its own stream: the codings stay as they were
    if rng.random() < 1 / 3:
        return None
    out = []
    for q in exit_ticket.questions:
        wrong = [o for o in q.options if o != q.correct]
        choice = q.correct if rng.random() < 0.6 else rng.choice(wrong)
        feedback = "" if choice == q.correct else q.options[choice]
        out.append(
            {
                "lesson": "Lesson 05",
                "question": q.question,
                "choice": choice,
                "correct": choice == q.correct,
                "feedback": feedback,
            }
        )
    return out


def example_zip(case: Any) -> bytes:
    """The bundled example: 24 synthetic learners (two of them careless) plus one file per bad-input kind."""
    rng = random.Random(2024)
    files: list[tuple[str, bytes]] = []
    for i in range(1, 25):
        noise = 0.7 if i in (7, 19) else 0.1
        coding = synthetic_coding(case, rng, noise=noise, coverage=0.8, ambiguous=AMBIGUOUS)
        files.append(
            (
                f"synthetic-learner-{i:02d}.json",
                coding_file(
                    case,
                    coding,
                    learner=f"Synthetic learner {i:02d}",
                    learner_id=synthetic_id(i),
                    answers=synthetic_answers(i),
                ),
            )
        )
    old = synthetic_coding(case, rng, noise=0.5, coverage=0.5)
    files.append(
        (
            "synthetic-learner-05-first-try.json",
            coding_file(
                case, old, learner="Synthetic learner 05", saved="2024-09-11T09:00:00", learner_id=synthetic_id(5)
            ),
        )
    )
    files.append(("synthetic-second-upload-of-learner-03.json", files[2][1]))
    files.append(("synthetic-damaged.json", files[3][1][:200]))
    other = {"title": "Another article", "article_sha256": "0" * 64}
    files.append(
        (
            "synthetic-other-article.json",
            coding_file(
                case, {("john_kerry", "air_strikes"): ("support", None)}, learner="Synthetic learner 25", identity=other
            ),
        )
    )
    files.append(
        (
            "synthetic-other-scheme.json",
            coding_file(case, {("john_kerry", "sanctions"): ("support", None)}, learner="Synthetic learner 26"),
        )
    )
    files.append(("synthetic-empty.json", coding_file(case, {}, learner="Synthetic learner 27")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.comment = b"SYNTHETIC example class files for kit (scripts/make_example_class.py); not real learners."
        for name, data in sorted(files):
            _member(archive, f"example_class/{name}", data)
    return buffer.getvalue()


def main() -> int:
    sys.path.insert(0, str(ROOT))
    import kit

    data = example_zip(kit.load_case())
    OUT.write_bytes(data)
    print(f"wrote {OUT.relative_to(ROOT)} ({len(data) // 1000} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
