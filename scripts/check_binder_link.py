"""Keep every Binder badge and GitHub link naming the real repository, from one place.

The repository and the tag classes use live in ONE place, ``pyproject.toml``::

    [project.urls]
    Repository = "https://github.com/OWNER/NAME"

    [tool.kit]
    binder-ref = "v1.0"

Usage (from the repository root)::

    python scripts/check_binder_link.py                    # check; exit 1 with what to fix
    python scripts/check_binder_link.py --set OWNER/NAME   # after publishing: rewrite pyproject and every link
    python scripts/check_binder_link.py --set OWNER/NAME --ref v1.1

The check fails if a placeholder (``OWNER/REPO``) is left, if a link names
another repository or tag than the configured ones, if a Binder link opens a
notebook that does not exist, or if ``git remote get-url origin`` is a GitHub
repository other than the configured one.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import tomllib

__all__ = ["FILES", "configured", "problems", "set_repository", "main"]

ROOT = Path(__file__).resolve().parents[1]
#: The files that carry launch links (relative to the repository root).
FILES = ("README.md", "docs/teacher-guide.md")
PLACEHOLDERS = ("OWNER/REPO", "OWNER/NAME", "<owner>/<repo>")
BADGE = "https://mybinder.org/badge_logo.svg"
_REPO = r"[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}"
_BINDER = re.compile(
    r"https://mybinder\.org/v2/gh/(?P<repo>[^/\s)]+/[^/\s)]+)/(?P<ref>[^?\s)>]+)(?P<query>\?[^\s)`>]*)?"
)
_GITHUB = re.compile(
    r"git\+https://github\.com/(?P<repo>[^/\s)@`]+/[^/\s)@`]+?)(?:\.git)?(?:@(?P<ref>[^\s)`]+))?(?=[\s)`]|$)"
)


def configured(root: Path = ROOT) -> tuple[str, str]:
    """(owner/name, tag) from pyproject.toml."""
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    url = data.get("project", {}).get("urls", {}).get("Repository", "")
    m = re.fullmatch(r"https://github\.com/(" + _REPO + r")/?", url)
    ref = data.get("tool", {}).get("kit", {}).get("binder-ref", "")
    return (m.group(1) if m else url), ref


def _origin(root: Path) -> str | None:
    """The GitHub owner/name of ``git remote get-url origin``, if there is one."""
    try:
        url = subprocess.run(
            ["git", "-C", str(root), "remote", "get-url", "origin"], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        return None
    m = re.search(r"github\.com[:/](" + _REPO + r")$", url.removesuffix(".git"))
    return m.group(1) if m else None


def problems(root: Path = ROOT) -> list[str]:
    """Every problem with the launch links, one line each (empty: all good)."""
    repo, ref = configured(root)
    out: list[str] = []
    if any(p in repo for p in PLACEHOLDERS) or not re.fullmatch(_REPO, repo):
        out.append(
            f"pyproject.toml: [project.urls] Repository is {repo!r}, not a GitHub repository: "
            "run `python scripts/check_binder_link.py --set OWNER/NAME` with the published repository"
        )
    if not ref:
        out.append("pyproject.toml: [tool.kit] binder-ref is missing: the tag classes open, e.g. v1.0")
    origin = _origin(root)
    if origin and origin.lower() != repo.lower():
        out.append(
            f"git remote origin is github.com/{origin} but pyproject.toml names {repo}: "
            f"run `python scripts/check_binder_link.py --set {origin}`"
        )
    for name in FILES:
        path = root / name
        if not path.is_file():
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{name}:{lineno}"
            for placeholder in PLACEHOLDERS:
                if placeholder in line:
                    out.append(
                        f"{where}: placeholder {placeholder} left: run `python scripts/check_binder_link.py --set OWNER/NAME`"
                    )
            for m in _BINDER.finditer(line):
                if m.group("repo") != repo and not any(p in m.group("repo") for p in PLACEHOLDERS):
                    out.append(f"{where}: Binder link names {m.group('repo')}, not {repo}")
                if m.group("ref") not in (ref, "REF"):
                    out.append(f"{where}: Binder link opens {m.group('ref')}, not the tag {ref}")
                target = re.search(r"urlpath=lab/tree/([^&\s)`]+)", m.group("query") or "")
                if m.group("ref") != "REF" and not target:
                    out.append(f"{where}: Binder link does not open a lesson (add ?urlpath=lab/tree/notebooks/...)")
                if target and not (root / target.group(1)).is_file():
                    out.append(f"{where}: Binder link opens {target.group(1)}, which does not exist")
            for m in _GITHUB.finditer(line):  # pip install git+https://github.com/OWNER/NAME@TAG
                if m.group("repo") != repo and not any(p in m.group("repo") for p in PLACEHOLDERS):
                    out.append(f"{where}: pip link names {m.group('repo')}, not {repo}")
                if m.group("ref") and m.group("ref") != ref:
                    out.append(f"{where}: pip link installs {m.group('ref')}, not the tag {ref}")
    readme = (root / "README.md").read_text(encoding="utf-8") if (root / "README.md").is_file() else ""
    if f"[![Launch on Binder]({BADGE})](https://mybinder.org/v2/gh/{repo}/{ref}?" not in readme:
        out.append("README.md: no Launch on Binder badge for the configured repository and tag")
    return out


def set_repository(repo: str, ref: str | None = None, root: Path = ROOT) -> None:
    """Write ``repo`` (and ``ref``) into pyproject.toml and every launch link."""
    if not re.fullmatch(_REPO, repo) or any(p in repo for p in PLACEHOLDERS):
        raise SystemExit(f"{repo!r} is not OWNER/NAME of a GitHub repository")
    old_repo, old_ref = configured(root)
    ref = ref or old_ref or "v1.0"
    py = root / "pyproject.toml"
    text = py.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^Repository = ".*"$', f'Repository = "https://github.com/{repo}"', text)
    text = re.sub(r'(?m)^binder-ref = ".*"$', f'binder-ref = "{ref}"', text)
    py.write_text(text, encoding="utf-8")
    olds = [o for o in (old_repo, *PLACEHOLDERS) if o]
    for name in FILES:
        path = root / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        for old in olds:
            text = text.replace(f"mybinder.org/v2/gh/{old}/", f"mybinder.org/v2/gh/{repo}/")
            text = text.replace(f"github.com/{old}", f"github.com/{repo}")
        if old_ref and old_ref != ref:
            text = text.replace(f"/{repo}/{old_ref}?", f"/{repo}/{ref}?").replace(f"{repo}@{old_ref}", f"{repo}@{ref}")
        path.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", metavar="OWNER/NAME", help="the published GitHub repository")
    parser.add_argument("--ref", help="the tag classes open (with --set)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.set:
        set_repository(args.set, args.ref, args.root)
    found = problems(args.root)
    for line in found:
        print(line, file=sys.stderr)
    if found:
        return 1
    repo, ref = configured(args.root)
    print(f"launch links OK: https://mybinder.org/v2/gh/{repo}/{ref}?urlpath=lab/tree/notebooks/00_start_here.ipynb")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
