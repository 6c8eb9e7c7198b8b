#!/usr/bin/env bash
# Rehearse a Binder (repo2docker) build without Docker:
#   1. copy the working tree (tracked + untracked, not ignored files) to a temp dir,
#   2. make a fresh venv there and install requirements.txt into it,
#   3. run postBuild from the copy's root with the venv first on PATH,
#   4. check the JupyterLab settings file, `import kit`, and execute one
#      notebook headless (notebooks/00_start_here.ipynb, else the first
#      notebooks/*.ipynb, else a generated smoke notebook).
# Usage: scripts/rehearse_binder.sh [WORKDIR]   (WORKDIR is kept; default: a temp dir, removed)
# Env:   PYTHON (default python3.11, else python3); PIP_CACHE_DIR is reused.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
if [ $# -ge 1 ]; then
  work="$1"; mkdir -p "$work"
else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fi
work="$(cd "$work" && pwd)"
python="${PYTHON:-$(command -v python3.11 || command -v python3)}"
start=$(date +%s)
step() { echo "[rehearse +$(( $(date +%s) - start ))s] $*"; }

# Keep the pip cache of the real user, then pretend to be a fresh user.
export PIP_CACHE_DIR="${PIP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pip}"
export HOME="$work/home"
mkdir -p "$HOME"
unset MPLBACKEND XDG_CACHE_HOME JUPYTER_CONFIG_DIR JUPYTER_DATA_DIR JUPYTER_RUNTIME_DIR \
      JUPYTERLAB_SETTINGS_DIR JUPYTERLAB_WORKSPACES_DIR PYTHONPATH VIRTUAL_ENV
export KIT_LEARNER_DIR="$work/learner"

step "copy the working tree to $work/repo"
mkdir -p "$work/repo"
"$python" - "$repo" "$work/repo" <<'PY'
import pathlib, shutil, subprocess, sys
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
try:  # what git would see: tracked + untracked files, minus .gitignore'd ones
    out = subprocess.run(["git", "-C", str(src), "ls-files", "-z", "--cached", "--others",
                          "--exclude-standard"], check=True, capture_output=True).stdout
    names = [n for n in out.decode().split("\0") if n]
except (OSError, subprocess.CalledProcessError):
    skip = {".venv", ".git", "build", "__pycache__"}
    names = [str(p.relative_to(src)) for p in src.rglob("*")
             if p.is_file() and not skip & set(p.relative_to(src).parts)]
for name in names:
    if (src / name).is_file():
        (dst / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src / name, dst / name)
print(f"copied {len(names)} files")
PY
test -f "$work/repo/runtime.txt" && step "runtime.txt asks for $(cat "$work/repo/runtime.txt"); using $("$python" --version)"

step "fresh venv + pip install -r requirements.txt (cache: $PIP_CACHE_DIR)"
"$python" -m venv "$work/venv"
export PATH="$work/venv/bin:$PATH"
python -m pip install -q --disable-pip-version-check -r "$work/repo/requirements.txt"

step "postBuild"
(cd "$work/repo" && ./postBuild)

step "check the settings file"
python - <<'PY'
import json, pathlib, sys
f = pathlib.Path(sys.prefix) / "share/jupyter/lab/settings/overrides.json"
data = json.loads(f.read_text())
assert data["@jupyterlab/notebook-extension:tracker"]["windowingMode"] == "none", data
assert data["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false", data
print(f"settings ok: {f}")
PY

step "import kit (from the installed copy, not the source tree)"
(cd "$work" && python -c "import kit, sys; assert 'site-packages' in kit.__file__, kit.__file__; \
art = kit.load_article(); assert 'matplotlib' not in sys.modules; \
print('kit', kit.__version__, 'from', kit.__file__, '-', len(art.paragraphs), 'paragraphs')")

step "execute one notebook headless"
nbdir="$work/repo/notebooks"
mkdir -p "$nbdir"
nb=""
if [ -f "$nbdir/00_start_here.ipynb" ]; then nb="$nbdir/00_start_here.ipynb"
else nb="$(ls "$nbdir"/*.ipynb 2>/dev/null | sort | head -n 1 || true)"; fi
if [ -z "$nb" ]; then
  nb="$nbdir/_rehearsal_smoke.ipynb"
  python - "$nb" <<'PY'
import sys, nbformat
from nbformat.v4 import new_code_cell, new_notebook
nb = new_notebook(cells=[
    new_code_cell("import kit\nart = kit.load_article()\nprint(len(art.paragraphs), 'paragraphs')"),
    new_code_cell("import ipywidgets as w\nw.Dropdown(options=['a', 'b'], description='pick')"),
    new_code_cell("import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.plot([1, 2, 3]);"),
])
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nbformat.write(nb, sys.argv[1])
PY
  echo "notebooks/ is empty: executing a generated smoke notebook"
fi
python - "$nb" "$work/executed.ipynb" <<'PY'
import sys, time, nbformat
from nbclient import NotebookClient
src, out = sys.argv[1], sys.argv[2]
nb = nbformat.read(src, as_version=4)
t = time.perf_counter()
NotebookClient(nb, timeout=300, kernel_name="python3",
               resources={"metadata": {"path": str(__import__("pathlib").Path(src).parent)}}).execute()
nbformat.write(nb, out)
errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
assert not errors, errors
print(f"executed {src} in {time.perf_counter() - t:.1f}s -> {out}")
PY

step "REHEARSAL OK"
