"""scripts/check_binder_link.py: the Binder badge and links name the configured repository, no placeholder left."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("check_binder_link", ROOT / "scripts" / "check_binder_link.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


cbl = _script()


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The files the script reads, copied (never edit the repository)."""
    for name in ("pyproject.toml", "README.md", "docs/teacher-guide.md", "notebooks/00_start_here.ipynb"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def test_the_repository_links_are_consistent_and_name_a_real_repository() -> None:
    assert cbl.problems(ROOT) == []
    repo, ref = cbl.configured(ROOT)
    assert "OWNER" not in repo and "REPO" not in repo
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"https://mybinder.org/v2/gh/{repo}/{ref}?urlpath=lab/tree/notebooks/00_start_here.ipynb" in readme
    assert "OWNER/REPO" not in readme.replace("OWNER/REPO/REF", "")  # only the documented link shape


def test_the_readme_says_how_a_teacher_sets_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python scripts/check_binder_link.py --set" in readme
    assert "pyproject.toml" in readme


def test_a_placeholder_fails_with_what_to_do(copy: Path) -> None:
    readme = copy / "README.md"
    repo, _ = cbl.configured(copy)
    readme.write_text(readme.read_text(encoding="utf-8").replace(repo, "OWNER/REPO", 1), encoding="utf-8")
    found = cbl.problems(copy)
    assert any("placeholder OWNER/REPO" in p and "--set" in p for p in found), found
    assert cbl.main(["--root", str(copy)]) == 1


def test_a_placeholder_in_the_config_fails(copy: Path) -> None:
    py = copy / "pyproject.toml"
    repo, _ = cbl.configured(copy)
    py.write_text(py.read_text(encoding="utf-8").replace(repo, "OWNER/REPO"), encoding="utf-8")
    assert any("not a GitHub repository" in p for p in cbl.problems(copy))


def test_a_link_to_another_repository_tag_or_missing_notebook_fails(copy: Path) -> None:
    readme = copy / "README.md"
    repo, ref = cbl.configured(copy)
    text = readme.read_text(encoding="utf-8")
    text += f"\n[x](https://mybinder.org/v2/gh/someone/else/{ref}?urlpath=lab/tree/notebooks/00_start_here.ipynb)"
    text += f"\n[y](https://mybinder.org/v2/gh/{repo}/v0.9?urlpath=lab/tree/notebooks/00_start_here.ipynb)"
    text += f"\n[z](https://mybinder.org/v2/gh/{repo}/{ref}?urlpath=lab/tree/notebooks/99_gone.ipynb)"
    readme.write_text(text, encoding="utf-8")
    found = "\n".join(cbl.problems(copy))
    assert "names someone/else" in found
    assert "opens v0.9" in found
    assert "99_gone.ipynb, which does not exist" in found


def test_set_rewrites_the_config_and_every_link(copy: Path) -> None:
    assert cbl.main(["--root", str(copy), "--set", "a-school/lessons", "--ref", "v2.0"]) == 0
    assert cbl.configured(copy) == ("a-school/lessons", "v2.0")
    readme = (copy / "README.md").read_text(encoding="utf-8")
    assert "https://mybinder.org/v2/gh/a-school/lessons/v2.0?urlpath=lab/tree/notebooks/00_start_here.ipynb" in readme
    assert "git+https://github.com/a-school/lessons@v2.0" in readme
    assert cbl.problems(copy) == []
