"""StanceCoder: the learner's own stance coding, autosaved, restorable, comparable.

For each position and actor the learner picks a stance, "no stance" (the text
gives this actor no stance on this position: an answer, counted like a stance
when codings are compared) or leaves it "not coded" (not looked at yet: left
out of every comparison), and the sentence that justifies it. Every change is saved at once to a JSON file
in the learner folder; a new coder on the same case restores it. What is
saved, and how two coders on one file are merged, lives in
:mod:`kit.learner.coderstate` (this module is only the view). Comparing with the
reference, or with a peer's exported file (uploaded in the widget or named by
path), happens only when the learner asks;
:func:`kit.learner.codingfile.compare_files` compares any two exported codings (e.g. for a teacher).

>>> import kit
>>> coder = StanceCoder(kit.load_case())
>>> coder.stance.value
'not coded'
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from ..analysis import compare_codings
from ..errors import KitError, SaveError
from ..fileio import check_upload, show
from ..learner.coderstate import CodingState
from ..learner.codingfile import Coding, case_identity, coding_stances, file_slug, read_coding
from ..learner.identity import learner_identity, saved_answers, set_learner_name
from ..learner.storage import MAX_SAVE_BYTES, learner_dir
from ..records import NO_STANCE, NOT_CODED, STANCE_VALUES, Case, Stance
from ..util import esc
from ..writing import is_read_only
from .base import STYLE, Explorer
from .coderview import render_coding, render_comparison, render_positions

__all__ = ["StanceCoder", "NOT_CODED", "NO_STANCE", "TYPE_CHOICES"]

#: The evidence-type menu: label -> type ("" lets the kit read it from the sentence).
TYPE_CHOICES = (
    ("(as the kit reads it)", ""),
    ("direct quote", "direct"),
    ("reported speech", "reported"),
    ("the journalist's narration", "narration"),
    ("anonymous source", "anonymous"),
)

#: Said when the save file is read-only (at start) and after a save that failed.
READ_ONLY = (
    "{name} is read-only: you can code, but your changes are saved only once you make it writable "
    "(chmod u+w) or start the coder with another path=."
)
KEPT = "Nothing is lost: your coding stays here, and every change tries to save it again."


class StanceCoder(Explorer):
    """Code stances yourself: position x actor -> stance + evidence sentence, autosaved.

    Args:
        case: the case to code (its positions and actors; its stances are the reference).
        path: the save file (default: ``coding-<title>-<hash>.json`` in the learner folder).
    """

    title = "Your stance coding"

    def __init__(self, case: Case, *, path: str | Path | None = None) -> None:
        import ipywidgets as w

        self.case = case
        self.identity = case_identity(case)
        default = f"coding-{file_slug(case.title)}-{self.identity['article_sha256'][:8]}.json"
        self.path = Path(path) if path is not None else learner_dir() / default
        self.state = CodingState(case, self.path)  # the coding and its save file (restore, merge, save)
        self.message = ""
        self.mode = "coding"  # or "reference" / "peer" after a comparison the learner asked for
        self._comparison = ""
        body = {p.index for p in case.article.paragraphs if p.kind == "body"}
        self._sentences = [i for i, s in enumerate(case.article.sentences) if s.paragraph in body]
        self.position = w.Dropdown(
            options=[(p.label, p.id) for p in case.positions], description="Position:", style=STYLE
        )
        self.actor = w.Dropdown(
            options=sorted(((f"{a.name} ({a.kind})", a.id) for a in case.actors), key=lambda r: r[0].lower()),
            description="Actor:",
            style=STYLE,
        )
        self.stance = w.ToggleButtons(
            options=[NOT_CODED, *STANCE_VALUES, NO_STANCE],
            value=NOT_CODED,
            description="Stance:",
            tooltips=[
                "not looked at yet: left out when codings are compared",
                *(f"the actor's stance is {v}" for v in STANCE_VALUES),
                "the text gives this actor no stance on this position (an answer, unlike not coded)",
            ],
            style=STYLE,
        )
        self.evidence = w.Dropdown(
            options=[("(choose the sentence that shows it)", -1)] + [(self._label(i), i) for i in self._sentences],
            value=-1,
            description="Evidence:",
            style=STYLE,
            layout=w.Layout(width="95%"),
        )
        self.kind = w.Dropdown(options=list(TYPE_CHOICES), value="", description="Evidence type:", style=STYLE)
        self.why = w.Text(
            value="",
            placeholder="one line: why this value? (press Enter)",
            description="Why:",
            continuous_update=False,
            style=STYLE,
            layout=w.Layout(width="95%"),
        )
        self.compare_button = w.Button(
            description="Compare with the reference",
            icon="balance-scale",
            tooltip="Show how your coding agrees with the teacher's reference coding",
        )
        self.export_button = w.Button(
            description="Export for a peer",
            icon="download",
            tooltip="Save a copy of your coding to share with a classmate",
        )
        # FileUpload shows its description as the button's text (with a file count), so it names the action
        self.upload = w.FileUpload(
            description="Compare with a peer's file",
            accept=".json",
            multiple=False,
            tooltip="Choose the .json file a classmate exported, to compare it with your coding",
        )
        me = learner_identity(self.path.parent)
        self.learner_id = me.id
        self.learner = w.Text(
            value=me.name,
            placeholder="asked once; your exported file carries it for your teacher",
            description="Your name:",
            continuous_update=False,
            style=STYLE,
        )
        self.share_answers = w.Checkbox(
            value=False, indent=False, description="Send my exit-ticket and judgement answers with my exported coding"
        )
        self.learner.observe(self._on_name, names="value")
        self.status = w.HTML()
        self._syncing = False
        self.message = self.state.open()
        if is_read_only(self.path):  # say so now, not after the first change
            self.message = f"{self.message} {READ_ONLY.format(name=self.path.name)}".strip()
        self._load_cell()
        self.compare_button.on_click(lambda _b: self._safe(self.compare_reference))
        self.export_button.on_click(lambda _b: self._safe(self.export))
        self.upload.observe(self._on_upload, names="value")
        for control in (self.position, self.actor):
            control.observe(self._on_select, names="value")
        if not case.positions or not case.actors:
            for control in (
                self.position,
                self.actor,
                self.stance,
                self.evidence,
                self.kind,
                self.why,
                self.compare_button,
                self.upload,
            ):
                control.disabled = True
            self.message = (
                "This case has no positions or actors to code yet: add positions in the case builder "
                "(kit.CaseBuilder(article)) or load a case file with positions (kit.load_case(path))."
            )
        self._show_status()
        intro = (
            "Choose a position and an actor, then the stance, the sentence that shows it, its evidence type "
            "and one line on why. Every change is saved."
        )
        self._finish(
            [
                self.position,
                self.actor,
                self.stance,
                self.evidence,
                self.kind,
                self.why,
                w.HBox([self.compare_button, self.export_button, self.upload]),
                w.HBox([self.learner, self.share_answers]),
                self.status,
            ],
            intro=intro,
        )

    # --- state ---------------------------------------------------------------

    @property
    def coding(self) -> Coding:
        """The learner's coding: ``{(actor, position): {"value", "sentence"}}`` (kept by :attr:`state`)."""
        return self.state.coding

    def _label(self, i: int) -> str:
        s = self.case.article.sentences[i]
        text = " ".join(self.case.article.text[s.start : s.end].split())
        return f"¶ {s.paragraph + 1}: {text if len(text) <= 90 else text[:87] + '…'}"

    def _controls(self) -> list[Any]:
        return [self.stance, self.evidence, self.kind, self.why]

    def _key(self) -> tuple[str, str]:
        return (self.actor.value, self.position.value)

    def _load_cell(self) -> None:
        entry = self.coding.get(self._key(), {})
        self._syncing = True
        try:
            self.stance.value = entry.get("value") or NOT_CODED
            self.evidence.value = entry.get("sentence", -1) if entry.get("sentence", -1) in self._sentences else -1
            self.kind.value = entry.get("type") or ""
            self.why.value = entry.get("why") or ""
        finally:
            self._syncing = False

    def _on_select(self, _change: Any = None) -> None:
        self._load_cell()
        self.redraw()

    def _on_change(self, _change: Any = None) -> None:
        if self._syncing or self.actor.value is None or self.position.value is None:
            return
        value = None if self.stance.value == NOT_CODED else self.stance.value
        sentence = None if self.evidence.value == -1 else self.evidence.value
        why = " ".join(self.why.value.split())
        self.state.set(*self._key(), value=value, sentence=sentence, kind=self.kind.value or None, why=why)
        self.mode, self._comparison = "coding", ""
        self.save()
        self.redraw()

    def stances(self) -> tuple[Stance, ...]:
        """The learner's coding as :class:`~kit.records.Stance` records (entries with a stance only)."""
        return coding_stances(self.case, self.coding)

    # --- files ---------------------------------------------------------------

    def save(self) -> Path:
        """Save now (autosave calls this after every change); what happened shows in the status line.

        If another copy of this coding saved meanwhile (another tab, the notebook
        opened twice), its work is merged in first and the controls show the result.
        """
        try:
            self.message = self.state.save()
        except SaveError as exc:  # e.g. a read-only save file: the coding stays in self.state
            self.message = f"{str(exc).rstrip('.')}. {KEPT}"
        self._load_cell()  # a merge may have brought in other work
        self._show_status()
        return self.path

    def _on_name(self, _change: Any = None) -> None:
        try:
            self.learner_id = set_learner_name(self.learner.value, self.path.parent).id
            self.message = "Your name is kept in your learner folder; your exported files carry it."
        except SaveError as exc:
            self.message = str(exc)
        self._show_status()

    def export(self, path: str | Path | None = None) -> Path:
        """Write a copy of the coding to share with a peer or the teacher (default: next to the save file);
        returns its path. The copy carries the learner's name and id (so a class view counts the learner
        once) and, if ticked, the exit-ticket answers."""
        if path is None:
            path = self.path.with_name(f"{self.path.stem}-export-{_dt.datetime.now():%Y%m%d-%H%M%S}.json")
        if not self.learner_id:
            try:
                self.learner_id = learner_identity(self.path.parent, create=True).id
            except SaveError:
                pass
        extra: dict[str, Any] = {"learner_id": self.learner_id} if self.learner_id else {}
        name = " ".join(self.learner.value.split())
        if name:
            extra["learner"] = name
        if self.share_answers.value:
            extra["answers"] = saved_answers(self.path.parent)
        target = self.state.export(path, extra=extra)
        self.message = f"Exported your coding to {show(target)}. Send this file to your peer or your teacher."
        if not name:
            self.message += " Type your name above first if your teacher collects the files."
        self._show_status()
        return target

    # --- comparisons (only when asked) --------------------------------------------

    def compare_reference(self) -> Any:
        """Compare with the case's reference coding; shows agreement, kappa and the disagreements."""
        if not self.case.stances:
            raise KitError("this case has no reference coding to compare with; ask your teacher for the case file")
        return self._compare(self.case.stances, "the reference", "reference", only_mine=True)

    def compare_with(self, path: str | Path) -> Any:
        """Compare with a peer's exported coding file; returns the :class:`~kit.analysis.Agreement`."""
        return self._compare_peer(read_coding(self.case, path), show(Path(path).name))

    def _on_upload(self, change: Any) -> None:
        files = change["new"]
        if not files:
            return  # the reset below, or a cleared upload
        self.upload.value = ()  # forget it, so the same file can be chosen again after more coding
        self._safe(lambda: self._compare_upload(files[0]))

    def _compare_upload(self, item: dict[str, Any]) -> Any:
        name, raw = check_upload(
            " ".join(str(item.get("name") or "").split()),
            item.get("content") or b"",
            limit=MAX_SAVE_BYTES,
            what="coding file",
            error=SaveError,
        )
        return self._compare_peer(read_coding(self.case, raw, name=name), name)

    def _compare_peer(self, coding: Coding, name: str) -> Any:
        agreement = self._compare(coding_stances(self.case, coding), "your peer", "peer")
        self.message = f"Compared your coding with {name}."
        self._show_status()
        return agreement

    def _compare(self, other: Any, who: str, mode: str, *, only_mine: bool = False) -> Any:

        positions = [p.id for p in self.case.positions]
        mine = self.stances()
        if not mine:
            raise KitError("you have not coded any stance yet; choose a stance for an actor first")
        keys = {(s.actor, s.position) for s in mine}
        hidden = 0
        if only_mine:  # compare on the learner's pairs only: the rest of the reference stays unseen
            hidden = len({(s.actor, s.position) for s in other if s.position in positions} - keys)
            other = [s for s in other if (s.actor, s.position) in keys]
            # the reference is a complete coding: a pair it leaves out is one where the text gives no stance
            missing = sorted(keys - {(s.actor, s.position) for s in other})
            other += [
                Stance(a, p, NO_STANCE, "", "narration", note="the reference codes no stance here") for a, p in missing
            ]
        agreement = compare_codings(other, mine, positions=positions)
        self.mode = mode
        self._comparison = render_comparison(self.case, agreement, who=who, mine=mine, not_yet=hidden)
        self.redraw()
        return agreement

    def _safe(self, action: Any) -> None:
        try:
            action()
        except KitError as exc:
            self.message = str(exc)
            self._show_status()

    # --- view ------------------------------------------------------------------

    def _show_status(self) -> None:
        if hasattr(self, "status"):
            self.status.value = f"<p role='status' style='margin:.2em 0'>{esc(self.message)}</p>"

    def snapshot(self) -> str:
        """The positions to code and the learner's coding so far, as static HTML (for handouts)."""

        return render_positions(self.case) + self.render()

    def render(self) -> str:

        return render_coding(self.case, self.stances(), current=self._key()) + self._comparison
