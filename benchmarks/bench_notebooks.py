"""How long does strict nbval take on the project's notebooks, against the floor?

The floor is the same nbval command over the same number of trivial notebooks: each is one
cell with the import statements of the corresponding real notebook (kernel start-up and
imports are most of the cost), so the ratio measures what the notebooks' own work adds.
Both are measured in this run, alternately, and the best of ``--repeat`` runs is kept.
Target: ratio at most 1.5.

    .venv/bin/python benchmarks/bench_notebooks.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]


def import_lines(nb_path: Path) -> str:
    """The import statements of a notebook's code cells (what its trivial twin runs)."""
    nb = nbformat.read(nb_path, as_version=4)
    lines = [ln for c in nb.cells if c.cell_type == "code" for ln in c.source.splitlines()
             if ln.startswith(("import ", "from "))]
    return "\n".join(dict.fromkeys(lines))


def nbval(folder: Path) -> float:
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder),
           "--nbval", "--nbval-current-env", "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg")]
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    real = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        real_dir, floor_dir = Path(tmp) / "real", Path(tmp) / "floor"
        real_dir.mkdir()
        floor_dir.mkdir()
        for nb in real:
            shutil.copy(nb, real_dir / nb.name)
        for i, nb in enumerate(real):
            trivial = new_notebook(cells=[new_code_cell(import_lines(nb))], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
            nbformat.write(trivial, floor_dir / f"{i:02d}_trivial.ipynb")
        real_t, floor_t = [], []
        for _ in range(args.repeat):
            floor_t.append(nbval(floor_dir))
            real_t.append(nbval(real_dir))
    r, f = min(real_t), min(floor_t)
    print(f"notebooks: {len(real)}")
    print(f"nbval on the project's notebooks: {r:.2f} s (best of {args.repeat})")
    print(f"nbval on {len(real)} trivial notebooks, each with one real notebook's imports: {f:.2f} s")
    print(f"ratio: {r / f:.2f}x the floor (target <= 1.5x)")


if __name__ == "__main__":
    main()
