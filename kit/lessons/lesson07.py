"""Helpers and checks for notebook 07 · Your own article: load, parse, code it yourself (transfer), draft, check.

The notebook works on a short sample article shipped next to it
(``kit/data/sample_article.txt``, fictional) or on a file the learner
uploads. Every expected value is computed by parsing the sample; files the
notebook writes go to the learner folder (:func:`kit.learner.storage.learner_dir`),
never into the repository.

>>> check.q1(SOLUTIONS["q1"]).outcome
'correct'
>>> check.q3(None).outcome
'not attempted'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..case.load import draft_case, load_case
from ..data import data_file
from ..errors import ArticleError, CaseError
from ..exercises import Exercise, ExerciseSet, ExitTicket, MultipleChoice, Reading, about, actor_forms, judgement
from ..exercises.checks import type_name
from ..exercises.names import find_actor, normal
from ..fileio import check_upload
from ..learner.storage import learner_dir
from ..parse.article import MAX_BYTES, decode, load_article
from ..records import Actor, Article

__all__ = [
    "check",
    "sample_path",
    "uploaded_text",
    "save_article",
    "save_upload",
    "copy_sample",
    "start_case",
    "broken_case_file",
    "unattributed_speaker",
    "unattributed_clause",
    "exit_ticket",
    "SOLUTIONS",
    "ALTERNATIVES",
    "WRONG",
    "JUDGEMENT",
    "JUDGEMENT_ARTICLE",
]

SAMPLE_ARTICLE = "sample_article.txt"
SAMPLE_CASE = "sample_case.yaml"


def sample_path(name: str = SAMPLE_ARTICLE) -> Path:
    """Where a sample file of notebook 06 is: package data of the kit (``kit/data/``).

    Found through ``importlib.resources``, so it works from any folder.

    Raises:
        ArticleError: the kit was installed without its data files.
    """
    path = Path(str(data_file(name)))
    if not path.is_file():
        raise ArticleError(f"{name}: sample file missing from the kit's data; reinstall the kit (make lab)")
    return path


def uploaded_text(upload: Any) -> str | None:
    """The text of the first file in an ``ipywidgets.FileUpload`` (``None`` while nothing is uploaded).

    Raises:
        ArticleError: the file is not plain text (see :func:`kit.parse.article.decode`).
    """
    files = upload.value if upload is not None else ()
    if not files:
        return None
    name, raw = check_upload(
        files[0].get("name") or "upload", files[0].get("content"), limit=MAX_BYTES, what="article", error=ArticleError
    )
    return decode(raw, name=name)


def _my_folder() -> Path:
    folder = learner_dir() / "my-case"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_article(text: str, *, name: str = "my_article.txt") -> Path:
    """Save an article's text in the learner folder (``my-case/``) and return its path."""
    target = _my_folder() / (Path(name).name or "my_article.txt")
    target.write_text(text, encoding="utf-8")
    return target


def save_upload(upload: Any) -> Path | None:
    """Save the first uploaded file in the learner folder under its own name (``None``: nothing uploaded)."""
    text = uploaded_text(upload)
    if text is None:
        return None
    name = Path(str(upload.value[0].get("name") or "my_article.txt")).name
    return save_article(text, name=name if name.lower().endswith(".txt") else name + ".txt")


def copy_sample() -> Path:
    """Copy the sample article into the learner folder (``my-case/sample_article.txt``) and return its path."""
    return save_article(sample_path().read_text(encoding="utf-8"), name=SAMPLE_ARTICLE)


def start_case(article_path: Path) -> Path:
    """The case file ``<article>_case.yaml`` next to the article, drafted with :func:`kit.draft_case` if missing.

    An existing file is never overwritten: re-running the notebook keeps your edits.
    """

    target = Path(article_path).with_name(Path(article_path).stem + "_case.yaml")
    if not target.exists():
        target.write_text(
            draft_case(load_article(article_path), article_path=Path(article_path).name), encoding="utf-8"
        )
    return target


def _broken_text() -> tuple[str, int]:
    """The sample case file with its last ``support`` value misspelled, and the line number of that value."""
    lines = sample_path(SAMPLE_CASE).read_text(encoding="utf-8").splitlines()
    for i in reversed(range(len(lines))):
        line = lines[i]
        if line.strip() == "value: support":
            lines[i] = line.replace("support", "suport")
            return "\n".join(lines) + "\n", i + 1
    raise CaseError(f"{SAMPLE_CASE}: no 'value: support' line to misspell; restore the sample case file")


def broken_case_file() -> Path:
    """Write the sample article and a case file with one mistake to the learner folder; return the case file's path."""
    folder = learner_dir() / "lesson07"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SAMPLE_ARTICLE).write_text(sample_path().read_text(encoding="utf-8"), encoding="utf-8")
    target = folder / "broken_case.yaml"
    target.write_text(_broken_text()[0], encoding="utf-8")
    return target


def unattributed_speaker(article: Article) -> str:
    """The actor named in the same paragraph as the first quote the parser could not attribute.

    >>> unattributed_speaker(_SAMPLE) in {a.id for a in _SAMPLE.actors}
    True
    """
    quote = next(q for q in article.quotes if q.speaker is None)
    para = article.paragraphs[quote.paragraph]
    named = [m.actor for m in article.mentions if para.start <= m.start < para.end]
    if not named:
        raise LookupError("no actor is named in that paragraph")
    return named[0]


def unattributed_clause(article: Article) -> tuple[str, str]:
    """``(subject, verb)`` of the sentence that introduces the first quote without a speaker.

    The verb is the first past-tense word of that sentence before the quote, the
    subject the words before it (the parser's cue list may not know the verb).

    >>> unattributed_clause(_SAMPLE)
    ('Its embassy in Helsinki', 'called')
    """
    quote = next(q for q in article.quotes if q.speaker is None)
    sentence = next(s for s in article.sentences if s.start <= quote.start < s.end)
    before = article.text[sentence.start : quote.start]
    found = re.search(r"\b([a-z]{2,20}ed)\b", before)
    if not found:
        raise LookupError("no past-tense verb before the quote")
    return before[: found.start()].strip(), found.group(1)


def _speaker_check(article: Article, actor: Actor) -> Callable[[Any], tuple[bool, str]]:
    """The speaker of the unattributed quote, named as the article names it: the actor, or its subject phrase.

    Accepts the actor's id and the names the article uses for it, and the subject that does the
    saying ("Its embassy", "the Russian embassy in Helsinki"); names the article never uses
    ("Moscow", "the Kremlin") are refused with a message that says why.
    """
    subject, verb = unattributed_clause(article)
    in_text = normal(article.text)
    head = normal(subject).split()[1] if len(normal(subject).split()) > 1 else normal(subject)
    subject_words = set(normal(subject).split()) | {"the", "a", "an"}
    adjectives = {w for f in actor_forms(actor) for w in f.split() if f != normal(actor.id)}
    adjectives |= {normal(actor.name) + "'s", normal(actor.name) + "s"}

    def check(answer: Any) -> tuple[bool, str]:
        if not isinstance(answer, str):
            return (
                False,
                f'This answer should be a name, as text in quotes (like "Someone"); you gave {type_name(answer)}.',
            )
        said = normal(answer).strip()
        if not said:
            return False, "Your answer is empty text: write the name between the quotes."
        words = said.split()
        if head in words and set(words) <= subject_words | adjectives:
            return True, ""  # "Its embassy", "the Russian embassy": who does the saying, as the text says it
        if find_actor((actor,), answer) is actor:
            plain = said[4:] if said.startswith("the ") else said
            if said == normal(actor.id) or plain in in_text:
                return True, ""
            return False, (
                f"The article never uses {answer!r}. Answer with words the article uses: who {verb} the "
                "accusations, or whom “its” points back to."
            )
        return False, (
            f"That is not who said it. Find the verb that introduces the quote (“{verb}”): who {verb} it? "
            "If the text says “its”, read the sentence before."
        )

    return check


def _line_check(expected: int, stance_index: int) -> Callable[[Any], tuple[bool, str]]:
    plain = about(expected, what="line number", advice="Read the number right after the file name in the message.")

    def check(answer: Any) -> tuple[bool, str]:
        if answer == stance_index and stance_index != expected and not isinstance(answer, bool):
            return False, (
                "That is the stance's place in the list (stances[…], counted from 0). "
                "The message starts with file:line: give that line number."
            )
        return plain(answer)

    return check


_SAMPLE = load_article(sample_path())
_N_QUOTES = len(_SAMPLE.quotes)
_N_ATTRIBUTED = sum(1 for q in _SAMPLE.quotes if q.speaker)
_SPEAKER = next(a for a in _SAMPLE.actors if a.id == unattributed_speaker(_SAMPLE))
_LINE = _broken_text()[1]
_SUBJECT, _VERB = unattributed_clause(_SAMPLE)


def _stance_index() -> int:
    """Which stance (from 0) holds the misspelled value."""
    lines = _broken_text()[0].splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip().startswith("- actor:")]
    return sum(1 for i in starts if i < _LINE - 1) - 1


_STANCE_INDEX = _stance_index()


def _sample_stance(actor: str, position: str) -> Any:

    case = load_case(sample_path(SAMPLE_CASE))
    return next(st for st in case.stances if (st.actor, st.position) == (actor, position))


_LINDQVIST = _sample_stance("erik_lindqvist", "joint_patrols")

check = ExerciseSet(
    Exercise(
        "q1",
        check=about(_N_QUOTES, what="count"),
        hints=[
            "In the explorer above, quotes are marked: count the marks (a quote can fill a whole paragraph).",
            "The table of quotes below the exercise has one row per quote; with code (optional): len(sample.quotes).",
        ],
        solution=f"answer = {_N_QUOTES}   # the quotes marked in the explorer\n# with code (optional): len(sample.quotes)",
        expects="a whole number",
        success="The same parser, a new text: now look at who speaks in each quote.",
    ),
    Exercise(
        "q2",
        check=_speaker_check(_SAMPLE, _SPEAKER),
        hints=[
            "In the table of quotes, find the one whose speaker is (unknown), and read its whole paragraph.",
            f"The verb that introduces the quote is “{_VERB}”: who {_VERB} it? In “{_SUBJECT}”, “its” points "
            "back to the actor named in the sentence before.",
        ],
        solution=f"answer = {_SPEAKER.name!r}   # “Its embassy”: the embassy of the country named just before",
        expects="an actor id or name, as text",
        success="The parser does not follow “its” or “the ministry”: a human coder fixes that in the case file.",
    ),
    Exercise(
        "q3",
        check=judgement(
            _SAMPLE,
            [
                Reading(
                    "conditional",
                    ("warned that patrols alone would not be enough",),
                    "He backs the patrols, but says they are not enough on their own: a yes with a condition.",
                ),
                Reading(
                    "support",
                    ("Stockholm would send two corvettes and a surveillance aircraft",),
                    "Ships and an aircraft are a commitment: the main claim is a yes.",
                ),
            ],
            field="stance",
            choices=("support", "oppose", "conditional", "undecided"),
            wrong={
                "oppose": "Sweden sends ships and an aircraft: that is not a rejection. Read the whole paragraph.",
                "undecided": "He has decided: two corvettes and a surveillance aircraft. Is it a plain yes, or a yes with a condition?",
            },
            reference=_LINDQVIST.note,
            where="¶ 5 of the sample",
        ),
        hints=[
            "Read ¶ 5 of the sample: what does Lindqvist commit, and what does he warn?",
            'Which words weigh more for you? Code what you weigh: {"stance": "…", "evidence": "…"}.',
        ],
        solution='answer = {"stance": "conditional", "evidence": "warned that patrols alone would not be enough"}',
        expects='a dictionary like {"stance": "…", "evidence": "…"}',
        success="The same judgement as in lesson 04, on a text you had never seen: that is the skill.",
    ),
    Exercise(
        "q4",
        check=_line_check(_LINE, _STANCE_INDEX),
        hints=[
            "Run kit.load_case(broken) inside try/except kit.CaseError and print the error.",
            "Each problem reads file:line: field: what is wrong; the number after the file name is the line.",
        ],
        solution="try:\n    kit.load_case(broken)\nexcept kit.CaseError as err:\n    print(err)\n"
        f"answer = {_LINE}   # the number after the file name",
        expects="a whole number",
        success="Fix the line in a text editor and check again: the draft is never broken for long.",
    ),
)

#: The stored solution values (what the solution() code computes).
SOLUTIONS: dict[str, Any] = {
    "q1": _N_QUOTES,
    "q2": _SPEAKER.name,
    "q3": {"stance": "conditional", "evidence": "warned that patrols alone would not be enough"},
    "q4": _LINE,
}
#: Other answers a learner may defensibly give: all pass.
ALTERNATIVES: dict[str, list[Any]] = {
    "q1": [float(_N_QUOTES)],
    "q2": [_SPEAKER.id, "Its embassy", "the Russian embassy", "the embassy in Helsinki", _SPEAKER.name.upper()],
    "q3": [
        {"stance": "support", "evidence": "Stockholm would send two corvettes and a surveillance aircraft"},
        {"stance": "Conditional", "evidence": "“patrols alone would not be enough”"},
    ],
    "q4": [float(_LINE)],
}
#: Known-wrong answers and a piece of the teaching message each one gets.
WRONG: dict[str, tuple[Any, str]] = {
    "q1": (_N_ATTRIBUTED, "too low"),
    "q2": ("Moscow", "never uses"),
    "q3": ({"stance": "undecided", "evidence": "patrols alone would not be enough"}, "He has decided"),
    "q4": (_STANCE_INDEX, "place in the list"),
}
#: The exercises that ask for a judgement with evidence.
JUDGEMENT = ("q3",)
#: The article a judgement's evidence comes from, where it is not the bundled one.
JUDGEMENT_ARTICLE: dict[str, Article] = {"q3": _SAMPLE}

exit_ticket = ExitTicket(
    MultipleChoice(
        "The parser found a quote with no speaker: “baseless speculation”, after “Its embassy”. What do you do?",
        {
            "Leave it out: a quote without a speaker cannot be coded.": "Then the only Russian voice in the article disappears. The text says whose embassy: read the sentence before.",
            "Fix it in the case file: you, the coder, decide who “its” refers to, and note the evidence.": "Yes. The parser is a first draft; the coder reads, decides and writes down why.",
            "Code it as an anonymous source.": "The source is named, just not in the same sentence: “Russia denied any involvement … Its embassy…”.",
        },
        correct="Fix it in the case file: you, the coder, decide who “its” refers to, and note the evidence.",
    ),
    MultipleChoice(
        "Which article would work best for this kind of analysis?",
        {
            "A long feature article about one politician.": "One voice gives no coalitions: you need several actors taking positions on the same options.",
            "A report in which several named speakers take positions on competing options.": "Yes: named speakers, competing options (and ideally a declared group) give stances to compare.",
            "An editorial that argues for one policy.": "An editorial is the author's own argument: mostly one voice, with no reported stances to code.",
        },
        correct="A report in which several named speakers take positions on competing options.",
    ),
)
