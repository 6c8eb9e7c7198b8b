"""Every notebooks/*.ipynb headless (nbclient): execution time beyond kernel start, and kernel memory.

Per notebook: a fresh kernel, then the time to run all its cells (kernel start
excluded). Then all notebooks one after another in ONE kernel, and that
kernel's peak resident memory (VmHWM from /proc; psutil's current RSS where
/proc is missing). Notebooks run in a temp copy with a temp learner folder;
nothing is written into the repository. ``KIT_BENCH_NOTEBOOKS=dir`` measures
another folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

__all__ = ["run", "run_notebook", "kernel_peak_mb"]

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 3.0  # issue 5: each notebook under 3 s beyond kernel start on a 2-core machine
TARGET_MB = 200.0
PID_CODE = "import os as _os; print(_os.getpid())"


def kernel_peak_mb(pid: int) -> tuple[float, str]:
    """Peak resident memory of a process in MB, and how it was read."""
    status = Path(f"/proc/{pid}/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024, "peak (VmHWM)"
    import psutil  # comes with the Jupyter stack

    return psutil.Process(pid).memory_info().rss / 2**20, "current RSS (psutil)"


@contextmanager
def _kernel_env(learner: Path) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.pop("MPLBACKEND", None)  # the kernel's inline backend, as in JupyterLab
    os.environ["KIT_LEARNER_DIR"] = str(learner)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _client(nb: Any, cwd: Path) -> Any:
    from nbclient import NotebookClient

    return NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=False,
                          resources={"metadata": {"path": str(cwd)}})


def _run_cells(client: Any, nb: Any) -> None:
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            client.execute_cell(cell, index)


def run_notebook(path: Path, cwd: Path) -> float:
    """Seconds to run every cell of ``path`` in a fresh kernel, kernel start excluded."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    client = _client(nb, cwd)
    with client.setup_kernel():
        start = time.perf_counter()
        _run_cells(client, nb)
        return time.perf_counter() - start


def _all_in_one_kernel(paths: list[Path], cwd: Path) -> tuple[float, str]:
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    probe = new_notebook(cells=[new_code_cell(PID_CODE)])
    client = _client(probe, cwd)
    with client.setup_kernel():
        client.execute_cell(probe.cells[0], 0)
        pid = int(probe.cells[0].outputs[0]["text"].strip())
        for path in paths:
            nb = nbformat.read(path, as_version=4)
            client.nb = nb
            _run_cells(client, nb)
        return kernel_peak_mb(pid)


def run() -> list[dict[str, Any]]:
    """Rows for benchmarks/run.py."""
    source = Path(os.environ.get("KIT_BENCH_NOTEBOOKS", ROOT / "notebooks"))
    if not sorted(source.glob("*.ipynb")):
        return [{"name": f"notebooks: none in {source}", "value": None, "unit": "", "target": "", "ok": None}]
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="kit-bench-") as tmp:
        work = Path(tmp) / "notebooks"
        shutil.copytree(source, work, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        paths = sorted(work.glob("*.ipynb"))
        with _kernel_env(Path(tmp) / "learner"):
            for path in paths:
                seconds = run_notebook(path, work)
                rows.append({"name": f"run {path.name} (beyond kernel start)", "value": seconds, "unit": "s",
                             "target": f"< {TARGET_S:g} s", "ok": seconds < TARGET_S})
            mb, how = _all_in_one_kernel(paths, work)
        rows.append({"name": f"kernel memory after all {len(paths)} notebooks, {how}", "value": mb, "unit": "MB",
                     "target": f"< {TARGET_MB:g} MB", "ok": mb < TARGET_MB})
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
