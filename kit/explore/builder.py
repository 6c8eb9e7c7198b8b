"""CaseBuilder: from an article to a complete case file without writing YAML.

One widget in six parts (actors, speakers, positions, stances, groups, save)
around :class:`kit.learner.casebuilder.BuilderState`, which checks every edit
with the case-file loader and autosaves. Each part shows the case as it is
now (pure renderers: :func:`render_part`); the stances part is the learners'
own :class:`~kit.explore.coder.StanceCoder` on the case's positions.

>>> import kit
>>> builder = CaseBuilder(kit.load_article())
>>> builder.part.value
'Actors'
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import KitError
from ..learner.casebuilder import BuilderState
from ..learner.codingfile import case_identity, file_slug
from ..learner.storage import learner_dir
from ..records import ACTOR_KINDS, Article, Case
from ..util import esc
from .base import STYLE, Explorer
from .coderview import render_coding, render_positions
from .render import render_article

__all__ = ["CaseBuilder", "render_part", "PARTS"]

PARTS = ("Actors", "Speakers", "Positions", "Stances", "Groups", "Save")
_NEW = "(new)"
_UNKNOWN = "(unknown: the text does not say)"


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def statement_label(state: BuilderState, index: int) -> str:
    kind, start, end, speaker = state.statements()[index]
    para = state.case.article.paragraph_of(start)
    where = f"¶{para.index + 1} " if para is not None else ""
    who = state.case.name_of(speaker) if speaker else "unknown"
    return f"{where}{'quote' if kind == 'quote' else 'reported'}: “{_short(state.case.article.text[start:end], 50)}” — {who}"


def render_part(state: BuilderState, part: str, *, actor: str | None = None) -> str:
    """The case as it is now, for one part of the builder (escaped HTML)."""
    case = state.case
    if part == "Actors":
        counts = Counter(m.actor for m in case.mentions)
        rows = "".join(
            f"<tr><td>{esc(a.name)}</td><td>{esc(a.kind)}</td><td>{esc(a.role or '')}</td>"
            f"<td>{esc(case.name_of(a.country) if a.country else '')}</td><td>{counts[a.id]}</td></tr>"
            for a in case.actors
        )
        table = (
            "<table class='kit-table'><caption>The actors now (mentions: how often the text names them)</caption>"
            "<tr><th scope='col'>Name</th><th scope='col'>Kind</th><th scope='col'>Role</th>"
            f"<th scope='col'>Speaks for</th><th scope='col'>Mentions</th></tr>{rows}</table>"
        )
        chosen = case.get_actor(actor)
        head = f"<p><strong>{esc(chosen.name)}</strong> is marked in the text:</p>" if chosen else ""
        return table + head + render_article(case, actors=[chosen.id] if chosen else [], numbers=True)
    if part == "Speakers":
        changed = {(c.start, c.end): c for c in case.speaker_changes}
        items = []
        for i, (_kind, start, end, _speaker) in enumerate(state.statements()):
            mark = ""
            if (start, end) in changed:
                was = changed[(start, end)].parser
                mark = f" <em>(your coding; the parser said {esc(case.name_of(was) if was else 'unknown')})</em>"
            items.append(f"<li>{esc(statement_label(state, i))}{mark}</li>")
        body = "".join(items) or "<li>The parser found no quotes or reported statements.</li>"
        return f"<p>Every quote and reported statement, with its speaker:</p><ol>{body}</ol>"
    if part == "Positions":
        if not case.positions:
            return "<p>No positions yet: add the policy options the article discusses (3 to 9 work well).</p>"
        return render_positions(case)
    if part == "Stances":
        if not case.stances:
            return "<p>The case has no stances yet: code them above, then take them into the case.</p>"
        return "<p>The case's stances (the reference learners compare with):</p>" + render_coding(case, case.stances)
    if part == "Groups":
        if not case.groups:
            return "<p>No groups yet: a coalition the article names, with its members and the words that say so.</p>"
        rows = "".join(
            f"<li><strong>{esc(g.name)}</strong>: {esc(', '.join(case.name_of(m) for m in g.members))} "
            f"<em>({esc('the article: “' + g.evidence + '”' if g.basis == 'article' else 'background: ' + g.source)})</em></li>"
            for g in case.groups
        )
        return f"<ul>{rows}</ul>"
    if part == "Save":
        where = esc(str(state.path)) if state.path else "not saved yet"
        return (
            f"<p>The case file: <code>{where}</code>. {esc(state.saved_message)}</p>"
            "<details><summary>The case file as YAML (optional: nobody has to read it)</summary>"
            f"<pre style='white-space:pre-wrap'>{esc(state.yaml())}</pre></details>"
        )
    raise ValueError(f"unknown part {part!r}; choose one of {', '.join(PARTS)}")


class CaseBuilder(Explorer):
    """Build a case (actors, speakers, positions, stances, groups) for any article, without YAML.

    Args:
        source: an :class:`~kit.records.Article`, a :class:`~kit.records.Case`, or a path
            (a ``.yaml`` case file, else an article file).
        path: where to save (default: the case file opened, else ``case-<title>.yaml`` in the learner folder).
    """

    title = "Case builder"

    def __init__(self, source: Article | Case | str | Path, *, path: str | Path | None = None) -> None:
        import ipywidgets as w

        try:
            self.state = BuilderState(source, path=path)
        except KitError as exc:  # a broken case file: list its problems, change nothing
            self._refuse(exc)
            return
        self.problems: tuple[str, ...] = ()
        if self.state.path is None:
            ident = case_identity(self.state.case)
            self.state.path = (
                learner_dir() / f"case-{file_slug(self.state.case.title)}-{ident['article_sha256'][:8]}.yaml"
            )
            self.state.saved_message = ""
        self.message = "Every change is checked and saved at once."
        self._syncing = False
        self._coder: Any = None
        text = lambda d, **k: w.Text(  # noqa: E731
            description=d, style=STYLE, continuous_update=False, layout=w.Layout(width="32em"), **k
        )
        check = lambda d: w.Checkbox(description=d, indent=False, layout=w.Layout(width="auto"))  # noqa: E731
        button = lambda d, tip: w.Button(description=d, tooltip=tip)  # noqa: E731
        self.part = w.ToggleButtons(options=list(PARTS), value="Actors", description="Part:", style=STYLE)
        self.undo_button = button("Undo", "Undo the last change")
        # actors
        self.actor = w.Dropdown(description="Actor:", style=STYLE)
        self.name = text("Name:")
        self.kind = w.Dropdown(options=list(ACTOR_KINDS), description="Kind:", style=STYLE)
        self.role = text("Role:", placeholder="e.g. Defense Minister")
        self.country = w.Dropdown(description="Speaks for:", style=STYLE)
        self.apply_actor = button("Apply changes", "Save the name, kind, role and 'speaks for' above")
        self.merge_into = w.Dropdown(description="Same actor as:", style=STYLE)
        self.merge_button = button("Merge into this actor", "The chosen actor becomes another name of this one")
        self.alias = w.Dropdown(description="Other name:", style=STYLE)
        self.split_button = button("Make it an actor of its own", "This name is someone else")
        self.fix_refs = check("also remove what names it (stances, groups)")
        self.remove_button = button("Not an actor", "Take this actor away")
        self.words = text("Words from the text:", placeholder="copy them from the article")
        self.new_kind = w.Dropdown(options=list(ACTOR_KINDS), description="Kind:", style=STYLE)
        self.add_button = button("Add as a new actor", "An actor the parser missed")
        self.add_alias_button = button("Add as another name of the actor", "e.g. “the Sunni militant group”")
        # speakers
        self.statement = w.Dropdown(description="Statement:", style=STYLE, layout=w.Layout(width="95%"))
        self.speaker = w.Dropdown(description="Spoken by:", style=STYLE)
        self.speaker_button = button("Set the speaker", "Your coding of who speaks")
        # positions
        self.position = w.Dropdown(description="Position:", style=STYLE)
        self.plabel = text("Label:", placeholder="e.g. Air strikes against IS")
        self.pdesc = w.Textarea(description="Description:", style=STYLE, layout=w.Layout(width="95%"))
        self.padd = button("Add as a new position", "A policy option the article discusses")
        self.papply = button("Apply changes", "Save the label and description")
        self.pup, self.pdown = button("Move up", "Earlier in the list"), button("Move down", "Later in the list")
        self.pwith = check("also remove its stances")
        self.premove = button("Remove", "Take this position away")
        # stances
        self.take_button = button("Use my coding as the case's stances", "Your coding becomes the reference")
        self.coder_area = w.VBox()
        # groups
        self.group = w.Dropdown(description="Group:", style=STYLE)
        self.gname = text("Name:", placeholder="e.g. The core group")
        self.gmembers = w.SelectMultiple(description="Members:", style=STYLE, rows=6)
        self.gbasis = w.ToggleButtons(
            options=[("the article says so", "article"), ("background knowledge", "background")],
            description="Basis:",
            style=STYLE,
        )
        self.gevidence = text("Evidence:", placeholder="words of the article that name the group")
        self.gsource = text("Source:", placeholder="for background: where the membership comes from")
        self.gsave = button("Save the group", "Add or change this group")
        self.gremove = button("Remove the group", "Take this group away")
        # save
        self.save_path = text("Save as:", value=str(self.state.path))
        self.save_path.layout.width = "95%"
        self.drop_comments = check("drop comments written by hand in that file")
        self.save_button = button("Save now", "Save the case file (it is also saved after every change)")
        self.pack_path = text("Case pack:", value=str(self.state.path.with_name(self.state.path.stem + "-pack.yaml")))
        self.pack_stances = check("with my stances (an answer key)")
        self.pack_button = button("Write the case pack", "One file for learners: the article and its positions")
        self.status = w.HTML()
        self._sections = {
            "Actors": w.VBox(
                [
                    self.actor,
                    w.HBox([self.name, self.kind]),
                    w.HBox([self.role, self.country]),
                    w.HBox([self.apply_actor]),
                    w.HBox([self.merge_into, self.merge_button]),
                    w.HBox([self.alias, self.split_button]),
                    w.HBox([self.remove_button, self.fix_refs]),
                    w.HBox([self.words, self.new_kind]),
                    w.HBox([self.add_button, self.add_alias_button]),
                ]
            ),
            "Speakers": w.VBox([self.statement, w.HBox([self.speaker, self.speaker_button])]),
            "Positions": w.VBox(
                [
                    self.position,
                    self.plabel,
                    self.pdesc,
                    w.HBox([self.padd, self.papply, self.pup, self.pdown]),
                    w.HBox([self.premove, self.pwith]),
                ]
            ),
            "Stances": w.VBox([self.coder_area, self.take_button]),
            "Groups": w.VBox(
                [
                    self.group,
                    self.gname,
                    self.gmembers,
                    self.gbasis,
                    self.gevidence,
                    self.gsource,
                    w.HBox([self.gsave, self.gremove]),
                ]
            ),
            "Save": w.VBox(
                [
                    self.save_path,
                    w.HBox([self.save_button, self.drop_comments]),
                    self.pack_path,
                    w.HBox([self.pack_button, self.pack_stances]),
                ]
            ),
        }
        self._wire()
        self._sync()
        intro = (
            "Fix who is in the story and who speaks, write the positions, code the stances and the groups. "
            "Every change is checked and saved at once; Undo takes the last one back."
        )
        self._finish([w.HBox([self.part, self.undo_button]), *self._sections.values(), self.status], intro=intro)
        self._show_part()

    def _refuse(self, exc: KitError) -> None:
        import ipywidgets as w

        self.problems = tuple(getattr(exc, "problems", ()) or (str(exc),))
        self.message = str(exc).splitlines()[0]
        items = "".join(f"<li>{esc(p)}</li>" for p in self.problems[:50])
        more = f"<p>… and {len(self.problems) - 50} more.</p>" if len(self.problems) > 50 else ""
        self.html = (
            f"<div role='alert'><p><strong>The builder cannot open this case</strong>: {esc(self.message)}</p>"
            f"<ul>{items}</ul>{more}<p>Nothing was changed. Fix these lines in the file (each names its line), "
            "or open the article itself: <code>kit.CaseBuilder('article.txt')</code>.</p></div>"
        )
        self._default = self.html
        self.out = w.Output()
        self._box = w.VBox([w.HTML(f"<h3 style='margin:.2em 0'>{esc(self.title)}</h3>"), w.HTML(self.html)])

    # -- wiring ----------------------------------------------------------------
    def _wire(self) -> None:
        s = self.state
        acts = {
            self.apply_actor: lambda: s.edit_actor(
                self.actor.value,
                name=self.name.value,
                kind=self.kind.value,
                role=self.role.value,
                country=self.country.value,
            ),
            self.merge_button: lambda: s.merge(self.merge_into.value, self.actor.value),
            self.split_button: lambda: s.split_alias(self.actor.value, self.alias.value),
            self.remove_button: lambda: s.remove_actor(self.actor.value, fix_references=self.fix_refs.value),
            self.add_button: lambda: s.add_actor(self.words.value, self.new_kind.value),
            self.add_alias_button: lambda: s.add_alias(self.actor.value, self.words.value),
            self.speaker_button: lambda: s.set_speaker(self.statement.value, self.speaker.value or None),
            self.padd: lambda: s.add_position(self.plabel.value, self.pdesc.value),
            self.papply: lambda: s.edit_position(
                self.position.value, label=self.plabel.value, description=self.pdesc.value
            ),
            self.pup: lambda: s.move_position(self.position.value, -1),
            self.pdown: lambda: s.move_position(self.position.value, 1),
            self.premove: lambda: s.remove_position(self.position.value, with_stances=self.pwith.value),
            self.take_button: lambda: s.take_stances(self._coder.stances() if self._coder else ()),
            self.gsave: lambda: s.set_group(
                self.gname.value,
                list(self.gmembers.value),
                basis=self.gbasis.value,
                evidence=self.gevidence.value,
                source=self.gsource.value,
                gid=self.group.value if self.group.value != _NEW else None,
            ),
            self.gremove: lambda: s.remove_group(self.group.value),
            self.save_button: lambda: s.save(
                self.save_path.value.strip() or None, drop_comments=self.drop_comments.value
            ),
            self.pack_button: lambda: s.pack(self.pack_path.value.strip(), stances=self.pack_stances.value),
            self.undo_button: s.undo,
        }
        for control, action in acts.items():
            control.on_click(lambda _b, action=action: self.do(action))
        self.part.observe(lambda _c: self._show_part(), names="value")
        for control, sync in (
            (self.actor, self._sync_actor),
            (self.position, self._sync_position),
            (self.group, self._sync_group),
        ):
            control.observe(lambda _c, sync=sync: None if self._syncing else sync(), names="value")

    def do(self, action: Any) -> str:
        """Run one edit; its message (or the refusal) goes to the status line. Returns the message."""
        try:
            self.message = action()
        except KitError as exc:
            self.message = str(exc)
        else:
            if self.state.saved_message and self.state.saved_message.startswith("not saved"):
                self.message += f" — {self.state.saved_message}"
            self._sync()
        self._show_status()
        self.redraw()
        return self.message

    # -- keeping the controls in step with the case ----------------------------
    def _sync(self) -> None:
        case = self.state.case
        self._syncing = True
        try:
            actors = sorted(((f"{a.name} ({a.kind})", a.id) for a in case.actors), key=lambda r: r[0].lower())
            _set(self.actor, actors)
            _set(self.merge_into, actors)
            _set(self.country, [("(no one)", "")] + actors)
            _set(self.speaker, [(_UNKNOWN, "")] + actors)
            _set(self.gmembers, actors, multiple=True)
            _set(self.statement, [(statement_label(self.state, i), i) for i in range(len(self.state.statements()))])
            _set(self.position, [(p.label, p.id) for p in case.positions])
            _set(self.group, [("(a new group)", _NEW)] + [(g.name, g.id) for g in case.groups])
        finally:
            self._syncing = False
        self._sync_actor()
        self._sync_position()
        self._sync_group()
        self._coder = None  # positions or actors may have changed: the coder is made again when shown
        if self.part.value == "Stances":
            self._show_coder()

    def _sync_actor(self) -> None:
        actor = self.state.case.get_actor(self.actor.value)
        if actor is None:
            return
        self.name.value, self.kind.value, self.role.value = actor.name, actor.kind, actor.role or ""
        self.country.value = actor.country if actor.country in {a.id for a in self.state.case.actors} else ""
        _set(self.alias, [(a, a) for a in actor.aliases if a != actor.name])
        others = [(label, aid) for label, aid in self.actor.options if aid != actor.id]
        _set(self.merge_into, others)  # "Same actor as": never the actor itself
        if not self._syncing and hasattr(self, "out"):
            self.redraw()

    def _sync_position(self) -> None:
        pos = next((p for p in self.state.case.positions if p.id == self.position.value), None)
        if pos is not None:
            self.plabel.value, self.pdesc.value = pos.label, pos.description

    def _sync_group(self) -> None:
        group = next((g for g in self.state.case.groups if g.id == self.group.value), None)
        if group is None:
            return
        self.gname.value, self.gmembers.value = group.name, tuple(group.members)
        self.gbasis.value, self.gevidence.value, self.gsource.value = group.basis, group.evidence, group.source

    def _show_part(self) -> None:
        for name, box in self._sections.items():
            box.layout.display = "" if name == self.part.value else "none"
        if self.part.value == "Stances":
            self._show_coder()
        if hasattr(self, "out"):
            self.redraw()

    def _show_coder(self) -> None:
        from .coder import StanceCoder

        if self._coder is None and self.state.case.positions:
            ident = case_identity(self.state.case)
            path = (
                learner_dir() / f"builder-coding-{file_slug(self.state.case.title)}-{ident['article_sha256'][:8]}.json"
            )
            self._coder = StanceCoder(self.state.case, path=path)
        self.coder_area.children = (self._coder.box,) if self._coder is not None else ()
        self.take_button.disabled = self._coder is None

    def _show_status(self) -> None:
        self.status.value = f"<p role='status' style='margin:.2em 0'>{esc(self.message)}</p>"

    def render(self) -> str:
        if self.problems:
            return self.html
        return render_part(self.state, self.part.value, actor=self.actor.value)

    @property
    def case(self) -> Case:
        """The case as it is now."""
        return self.state.case


def _set(control: Any, options: list[tuple[str, Any]], *, multiple: bool = False) -> None:
    """New options, keeping the chosen value(s) when they still exist."""
    values = {v for _, v in options}
    if multiple:
        kept = tuple(v for v in control.value if v in values)
        control.options = options
        control.value = kept
        return
    old = control.value
    control.options = options
    if old in values:
        control.value = old
    elif options:  # ipywidgets 8 leaves a drop-down empty when its value is gone: show the first
        control.value = options[0][1]
