"""The teacher guide's case-builder runbook names the controls and commands that exist."""

from __future__ import annotations

import re
from pathlib import Path

from kit.explore.builder import PARTS, CaseBuilder

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "teacher-guide.md"


def test_runbook_names_real_buttons_and_parts(tmp_path: Path) -> None:
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("## This week's article in 20 minutes, with the case builder", 1)[1].split("\n## ", 1)[0]
    (tmp_path / "a.txt").write_text("“We go,” Ann Lee said.\n", encoding="utf-8")
    builder = CaseBuilder(tmp_path / "a.txt", path=tmp_path / "a.yaml")
    labels = {getattr(c, "description", "") for c in vars(builder).values()}
    for bold in re.findall(r"\*\*([^*]+)\*\*", section):
        if bold.endswith((")", ".", ":")):
            continue  # step headings: "Actors (5 min).", "Case pack.", "After class:"
        assert bold in labels or bold in PARTS, f"the guide names **{bold}**, which the builder does not have"
    for quoted in ("also remove what names it", "drop comments written by hand"):
        assert quoted in section and any(quoted in str(label) for label in labels)
