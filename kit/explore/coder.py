"""StanceCoder: the learner's own stance coding, autosaved, restorable, comparable.

For each position and actor the learner picks a stance (or "not coded") and
the sentence that justifies it. Every change is saved at once to a JSON file
in the learner folder (see :mod:`kit.learner.storage`); a new coder on the same case
restores it. Comparing with the reference, or with a peer's exported file
(uploaded in the widget or named by path), happens only when the learner asks;
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

from ..errors import KitError, SaveError
from ..learner.codingfile import (
    FORMAT,
    OWN_KEYS,
    VERSION,
    Coding,
    case_identity,
    coding_stances,
    file_slug,
    parse_rows,
    read_coding,
)
from ..learner.storage import backup, learner_dir, load_record, save_record
from ..records import NOT_CODED, STANCE_VALUES, Case, Stance
from ..util import esc
from .base import STYLE, Explorer

__all__ = ["StanceCoder", "NOT_CODED"]



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
        self.coding: Coding = {}
        self._kept: list[Any] = []  # saved entries this case does not know: written back, never dropped
        self._extra: dict[str, Any] = {}  # saved top-level keys the coder does not know: written back too
        self._backup_first = False  # the save file could not be read in full: back it up before overwriting
        self._note = ""  # where that backup went, repeated after every save so the learner sees it
        self.message = ""
        self.mode = "coding"  # or "reference" / "peer" after a comparison the learner asked for
        self._comparison = ""
        body = {p.index for p in case.article.paragraphs if p.kind == "body"}
        self._sentences = [i for i, s in enumerate(case.article.sentences) if s.paragraph in body]
        self.position = w.Dropdown(options=[(p.label, p.id) for p in case.positions], description="Position:", style=STYLE)
        self.actor = w.Dropdown(options=sorted(((f"{a.name} ({a.kind})", a.id) for a in case.actors), key=lambda r: r[0].lower()),
                                description="Actor:", style=STYLE)
        self.stance = w.ToggleButtons(options=[NOT_CODED, *STANCE_VALUES], value=NOT_CODED, description="Stance:", style=STYLE)
        self.evidence = w.Dropdown(options=[("(choose the sentence that shows it)", -1)] + [(self._label(i), i) for i in self._sentences],
                                   value=-1, description="Evidence:", style=STYLE, layout=w.Layout(width="95%"))
        self.compare_button = w.Button(description="Compare with the reference", icon="balance-scale",
                                       tooltip="Show how your coding agrees with the teacher's reference coding")
        self.export_button = w.Button(description="Export for a peer", icon="download",
                                      tooltip="Save a copy of your coding to share with a classmate")
        # FileUpload shows its description as the button's text (with a file count), so it names the action
        self.upload = w.FileUpload(description="Compare with a peer's file", accept=".json", multiple=False,
                                   tooltip="Choose the .json file a classmate exported, to compare it with your coding")
        self.status = w.HTML()
        self._syncing = False
        self._restore()
        self._load_cell()
        self.compare_button.on_click(lambda _b: self._safe(self.compare_reference))
        self.export_button.on_click(lambda _b: self._safe(self.export))
        self.upload.observe(self._on_upload, names="value")
        for control in (self.position, self.actor):
            control.observe(self._on_select, names="value")
        if not case.positions or not case.actors:
            for control in (self.position, self.actor, self.stance, self.evidence, self.compare_button, self.upload):
                control.disabled = True
            self.message = "This case has no positions or actors to code: load a case file with positions (kit.load_case(path))."
        self._show_status()
        intro = "Choose a position and an actor, then the stance and the sentence that shows it. Every change is saved."
        self._finish([self.position, self.actor, self.stance, self.evidence,
                      w.HBox([self.compare_button, self.export_button, self.upload]), self.status], intro=intro)

    # --- state ---------------------------------------------------------------

    def _label(self, i: int) -> str:
        s = self.case.article.sentences[i]
        text = " ".join(self.case.article.text[s.start:s.end].split())
        return f"¶ {s.paragraph + 1}: {text if len(text) <= 90 else text[:87] + '…'}"

    def _controls(self) -> list[Any]:
        return [self.stance, self.evidence]

    def _key(self) -> tuple[str, str]:
        return (self.actor.value, self.position.value)

    def _load_cell(self) -> None:
        entry = self.coding.get(self._key(), {})
        self._syncing = True
        try:
            self.stance.value = entry.get("value") or NOT_CODED
            self.evidence.value = entry.get("sentence", -1) if entry.get("sentence", -1) in self._sentences else -1
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
        if value is None and sentence is None:
            self.coding.pop(self._key(), None)
        else:
            self.coding[self._key()] = {"value": value, "sentence": sentence}
        self.mode, self._comparison = "coding", ""
        self.save()
        self.redraw()

    def stances(self) -> tuple[Stance, ...]:
        """The learner's coding as :class:`~kit.records.Stance` records (entries with a stance only)."""
        return coding_stances(self.case, self.coding)

    # --- files ---------------------------------------------------------------

    def _body(self) -> dict[str, Any]:
        art = self.case.article
        rows: list[Any] = []
        for (actor, position), entry in sorted(self.coding.items()):
            i = entry.get("sentence")
            text = "" if i is None else art.text[art.sentences[i].start:art.sentences[i].end]
            rows.append({"actor": actor, "position": position, "value": entry.get("value"), "sentence": i, "evidence": text})
        return {"saved": _dt.datetime.now().isoformat(timespec="seconds"), "stances": rows + self._kept, **self._extra}

    def save(self) -> Path:
        """Save now (autosave calls this after every change); errors show in the status line."""
        try:
            self._backup_before_save()
            save_record(self.path, kind=FORMAT, version=VERSION, case_id=self.identity, body=self._body())
        except SaveError as exc:
            self.message = str(exc)
        else:
            n = sum(1 for e in self.coding.values() if e.get("value"))
            self.message = f"Saved {n} stance{'s' if n != 1 else ''} to {self.path.name} at {_dt.datetime.now():%H:%M:%S}.{self._note}"
        self._show_status()
        return self.path

    def _backup_before_save(self) -> None:
        """Move a save file the coder could not read in full aside, once, before it is overwritten."""
        if self._backup_first and self.path.exists():
            kept = backup(self.path, reason="unreadable")
            self._note = f" Your earlier file was kept as {kept.name}."
        self._backup_first = False

    def _restore(self) -> None:
        if not self.path.exists():
            return
        try:
            data = load_record(self.path, kind=FORMAT, version=VERSION, case_id=self.identity)
        except SaveError as exc:
            self.message = str(exc)
            return
        self._extra = {k: v for k, v in data.items() if k not in OWN_KEYS}
        rows = data.get("stances")
        if rows is not None and not isinstance(rows, list):
            self._backup_first = True
            self.message = (f"{self.path.name}: its stances are not a list, so none could be restored; "
                            "it will be kept as a backup before your first change is saved.")
            return
        self.coding, self._kept = parse_rows(self.case, rows)
        n = sum(1 for e in self.coding.values() if e.get("value"))
        self.message = f"Restored {n} stance{'s' if n != 1 else ''} from {self.path.name}."

    def export(self, path: str | Path | None = None) -> Path:
        """Write a copy of the coding to share with a peer (default: next to the save file); returns its path."""
        if path is None:
            path = self.path.with_name(f"{self.path.stem}-export-{_dt.datetime.now():%Y%m%d-%H%M%S}.json")
        target = save_record(path, kind=FORMAT, version=VERSION, case_id=self.identity, body=self._body())
        self.message = f"Exported your coding to {target}. Send this file to your peer."
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
        return self._compare_peer(read_coding(self.case, path), Path(path).name)

    def _on_upload(self, change: Any) -> None:
        files = change["new"]
        if not files:
            return  # the reset below, or a cleared upload
        self.upload.value = ()  # forget it, so the same file can be chosen again after more coding
        self._safe(lambda: self._compare_upload(files[0]))

    def _compare_upload(self, item: dict[str, Any]) -> Any:
        name = " ".join(str(item.get("name") or "").split()) or "the uploaded file"
        try:
            raw = bytes(item.get("content") or b"")
        except (TypeError, ValueError):
            raise SaveError(f"{name}: could not be read; choose the file again") from None
        return self._compare_peer(read_coding(self.case, raw, name=name), name)

    def _compare_peer(self, coding: Coding, name: str) -> Any:
        agreement = self._compare(coding_stances(self.case, coding), "your peer", "peer")
        self.message = f"Compared your coding with {name}."
        self._show_status()
        return agreement

    def _compare(self, other: Any, who: str, mode: str, *, only_mine: bool = False) -> Any:
        from ..analysis import compare_codings
        from .coderview import render_comparison

        positions = [p.id for p in self.case.positions]
        mine = self.stances()
        if not mine:
            raise KitError("you have not coded any stance yet; choose a stance for an actor first")
        keys = {(s.actor, s.position) for s in mine}
        hidden = 0
        if only_mine:  # compare on the learner's pairs only: the rest of the reference stays unseen
            hidden = len({(s.actor, s.position) for s in other if s.position in positions} - keys)
            other = [s for s in other if (s.actor, s.position) in keys]
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
        from .coderview import render_positions

        return render_positions(self.case) + self.render()

    def render(self) -> str:
        from .coderview import render_coding

        return render_coding(self.case, self.stances(), current=self._key()) + self._comparison
