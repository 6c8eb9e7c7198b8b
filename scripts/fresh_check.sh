#!/usr/bin/env bash
# `make fresh-check`: does the committed repository work on a fresh machine?
# Clones the current checkout into a temp dir (`git clone` copies COMMITTED work
# only: uncommitted or untracked changes are not included), then runs `make test`
# there with its own .venv and its own empty HOME. The pip cache is reused.
# The clone goes where a new contributor's might: inside a private folder
# (mode 700, as `mktemp -d` makes it, so the unprivileged user the permission
# tests run as cannot read it) and under a path with a space in it.
# Usage: scripts/fresh_check.sh [--keep]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
chmod 700 "$work"
if [ "${1:-}" = "--keep" ]; then echo "keeping $work"; else trap 'rm -rf "$work"' EXIT; fi

if [ -n "$(git -C "$repo" status --porcelain)" ]; then
  echo "fresh-check: NOTE: uncommitted changes in $repo are not part of this check (git clone takes commits only)"
fi
clone="$work/a folder/repo"
mkdir -p "$work/a folder"
git clone -q "$repo" "$clone"
echo "fresh-check: cloned $(git -C "$clone" rev-parse --short HEAD) into $clone"

export PIP_CACHE_DIR="${PIP_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pip}"
export HOME="$work/home"
mkdir -p "$HOME"
unset VIRTUAL_ENV PYTHONPATH MPLBACKEND KIT_LEARNER_DIR XDG_CACHE_HOME JUPYTER_CONFIG_DIR JUPYTER_DATA_DIR \
      JUPYTER_RUNTIME_DIR JUPYTERLAB_SETTINGS_DIR JUPYTERLAB_WORKSPACES_DIR
start=$(date +%s)
make -C "$clone" test
echo "fresh-check: OK in $(( $(date +%s) - start ))s"
