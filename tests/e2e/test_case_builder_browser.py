"""The teacher's path through the case builder, in Chromium, on a fresh learner folder (issue 19).

An article is put where an upload puts it; in the builder the teacher fixes one
actor and one speaker, adds two positions, codes three stances in the stance
coder and takes them into the case, declares a group and saves; a second
notebook reopens the saved case and shows its coalition figure. Every step is
done with the controls (select, type + Enter, click), as a teacher would.
Pictures go to the artifacts folder and, with ``KIT_SCREENSHOTS_DIR`` set
(``make screenshots``), to ``docs/screenshots/builder-*.png``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import nbformat
import pytest

from ..pier import ARTICLE
from .conftest import Lab
from .test_browser import Page
from .test_what_learners_see import keep_small_copy

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _notebook(path: Path, cells: list[str]) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


def _shot(page: Any, name: str, artifacts: Path) -> None:
    path = artifacts / f"builder-{name}.png"
    page.screenshot(path)
    docs = os.environ.get("KIT_SCREENSHOTS_DIR")
    if docs:  # for the teacher guide: 64 colours, as the lesson pictures
        keep_small_copy(path, Path(docs))


class _Builder:
    """The visible controls of the builder on a page, found by their labels."""

    def __init__(self, page: Any) -> None:
        self.page = page

    def _box(self, kind: str, label: str) -> Any:
        return self.page.locator(f".{kind}:visible", has=self.page.locator("label", has_text=label)).first

    def choose(self, label: str, option: str) -> None:
        self._box("widget-dropdown", label).locator("select").select_option(label=option)
        self.settle()

    def choose_many(self, label: str, options: list[str]) -> None:
        self._box("widget-select-multiple", label).locator("select").select_option(label=options)
        self.settle()

    def type(self, label: str, text: str) -> None:
        field = self._box("widget-text", label).locator("input")
        field.fill(text)
        field.press("Enter")
        self.settle()

    def click(self, text: str) -> None:
        self.page.locator("button:visible", has_text=text).first.click()
        self.settle()

    def status(self) -> str:
        return " ".join(self.page.locator("[role=status]").all_inner_texts())

    def settle(self) -> None:
        self.page.wait_for_timeout(400)


def test_teacher_builds_a_case_in_the_browser(lab: Lab, browser: Any, artifacts_dir: Path) -> None:
    folder = lab.root / "generated"
    (folder / "pier.txt").write_text(ARTICLE, encoding="utf-8")
    _notebook(
        folder / "builder.ipynb",
        ["import kit", "builder = kit.CaseBuilder('pier.txt', path='pier.yaml')\nbuilder"],
    )
    _notebook(
        folder / "reopen.ipynb",
        ["import kit", "case = kit.load_case('pier.yaml')\nkit.CoalitionExplorer(case)"],
    )
    page = Page(browser, lab, "generated/builder.ipynb")
    try:
        assert page.run_all(), page.problems()
        b = _Builder(page.page)
        _shot(page, "actors", artifacts_dir)
        # one actor: Tom Wade's role
        b.choose("Actor:", "Tom Wade (person)")
        b.type("Role:", "Fishermen's leader")
        b.click("Apply changes")
        assert "changed Tom Wade" in b.status(), b.status()
        # one speaker: the "disgrace" quote, coded as unknown
        b.click("Speakers")
        select = page.page.locator(".widget-dropdown:visible select").first
        label = next(t for t in select.locator("option").all_text_contents() if "disgrace" in t)
        b.choose("Statement:", label)
        b.choose("Spoken by:", "(unknown: the text does not say)")
        b.click("Set the speaker")
        assert "spoken by unknown" in b.status(), b.status()
        _shot(page, "speakers", artifacts_dir)
        # two positions
        b.click("Positions")
        for text in ("Build the pier", "Move the slipway"):
            b.type("Label:", text)
            b.click("Add as a new position")
        assert "added the position “Move the slipway”" in b.status(), b.status()
        # three stances in the stance coder, taken into the case
        b.click("Stances")
        page.wait_widgets()
        for actor, position, value, words in (
            ("Maria Kent (person)", "Build the pier", "support", "waited long enough"),
            ("Tom Wade (person)", "Build the pier", "oppose", "would block the old slipway"),
            ("Harbour Trust (organization)", "Move the slipway", "undecided", "slipway would be moved"),
        ):
            b.choose("Position:", position)
            b.choose("Actor:", actor)
            page.page.locator(f".widget-toggle-button:visible:text-is('{value}')").first.click()
            b.settle()
            evidence = b._box("widget-dropdown", "Evidence:").locator("select")
            options = evidence.locator("option").all_text_contents()
            option = next((t for t in options if words in t.replace("\xa0", " ")), None)
            assert option, options
            evidence.select_option(label=option)
            b.settle()
        b.click("Use my coding as the case's stances")
        assert "took 3 stance(s)" in b.status(), b.status()
        _shot(page, "stances", artifacts_dir)
        # a group
        b.click("Groups")
        b.type("Name:", "Pier backers")
        b.choose_many("Members:", ["Maria Kent (person)", "Harbour Trust (organization)"])
        page.page.locator(".widget-toggle-button:visible:text-is('background knowledge')").first.click()
        b.settle()
        b.type("Source:", "the council's minutes (invented)")
        b.click("Save the group")
        assert "has 2 members" in b.status(), b.status()
        b.click("Save")
        b.click("Save now")
        assert "saved" in b.status(), b.status()
        _shot(page, "save", artifacts_dir)
        assert not page.problems(), page.problems()
    finally:
        page.close()
    saved = folder / "pier.yaml"
    assert saved.is_file()
    again = Page(browser, lab, "generated/reopen.ipynb")
    try:
        assert again.run_all(), again.problems()
        img = again.page.locator(".widget-output img").first
        img.wait_for(timeout=60_000)
        assert img.get_attribute("alt"), "the coalition figure has alt text"
        _shot(again, "coalitions", artifacts_dir)
        assert not again.problems(), again.problems()
    finally:
        again.close()
