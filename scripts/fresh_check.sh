#!/usr/bin/env bash
# `make fresh-check`: does the committed repository work on a fresh machine?
# Clones the current checkout into a temp dir (`git clone` copies COMMITTED work
# only: uncommitted or untracked changes are not included), then runs `make test`
# there with its own .venv and its own empty HOME. The pip cache is reused.
# Usage: scripts/fresh_check.sh [--keep]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
if [ "${1:-}" = "--keep" ]; then echo "keeping $work"; else trap 'rm -rf "$work"' EXIT; fi

if [ -n "$(git -C "$repo" status --porcelain)" ]; then
  echo "fresh-check: NOTE: uncommitted changes in $repo are not part of this check (git clone takes commits only)"
fi
git clone -q "$repo" "$work/repo"
echo "fresh-check: cloned $(git -C "$work/repo" rev-parse --short HEAD) into $work/repo"

export PIP_CACHE_DIR="${PIP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pip}"
export HOME="$work/home"
mkdir -p "$HOME"
unset VIRTUAL_ENV PYTHONPATH MPLBACKEND KIT_LEARNER_DIR XDG_CACHE_HOME JUPYTER_CONFIG_DIR JUPYTER_DATA_DIR \
      JUPYTER_RUNTIME_DIR JUPYTERLAB_SETTINGS_DIR JUPYTERLAB_WORKSPACES_DIR
start=$(date +%s)
make -C "$work/repo" test
echo "fresh-check: OK in $(( $(date +%s) - start ))s"
