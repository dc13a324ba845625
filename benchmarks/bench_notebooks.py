"""How long does strict nbval take on the project's notebooks, against the floor?

The floor is the same nbval command over the same number of trivial notebooks: each is one
cell with the import statements of the corresponding real notebook (pytest start-up, kernel
start-up and imports are most of the cost), so the ratio measures what the notebooks' own work
adds. Both are measured in this run, ``--repeat`` times each, as back-to-back pairs that
alternate which goes first.

The headline is the median of the per-pair ratios. On a shared 2-core virtual machine the
speed drifts by a quarter over minutes (CPU time drifts with it, so it is not load from other
processes), and the best-run ratio divides minima taken at different moments; it swung from
1.16x to 1.66x between runs of the same code. A pair measured back to back shares its
conditions. The best-run ratio, CPU time and each notebook's share (from pytest's
``--durations``, so that a regression points at its notebook) are printed beside it.
Target: at most 1.5x.

    .venv/bin/python benchmarks/bench_notebooks.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
DURATION = re.compile(r"^([\d.]+)s\s+(?:setup|call|teardown)\s+(\S+?\.ipynb)::", re.MULTILINE)


def import_lines(nb_path: Path) -> str:
    """The import statements of a notebook's code cells (what its trivial twin runs)."""
    nb = nbformat.read(nb_path, as_version=4)
    lines = [ln for c in nb.cells if c.cell_type == "code" for ln in c.source.splitlines()
             if ln.startswith(("import ", "from "))]
    return "\n".join(dict.fromkeys(lines))


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def nbval(folder: Path) -> tuple[float, float, dict[str, float]]:
    """(wall s, CPU s, seconds per notebook) of strict nbval over the notebooks in ``folder``."""
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder),
           "--nbval", "--nbval-current-env", "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"),
           "--durations=0", "--durations-min=0"]
    cpu, t = children_cpu(), time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - t, children_cpu() - cpu
    per_nb: dict[str, float] = defaultdict(float)
    for seconds, path in DURATION.findall(done.stdout):
        per_nb[Path(path).stem] += float(seconds)
    return wall, cpu, dict(per_nb)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    real = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        real_dir, floor_dir = Path(tmp) / "real", Path(tmp) / "floor"
        real_dir.mkdir()
        floor_dir.mkdir()
        for nb in real:
            shutil.copy(nb, real_dir / nb.name)
            twin = new_notebook(cells=[new_code_cell(import_lines(nb))],
                                metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
            nbformat.write(twin, floor_dir / nb.name)
        runs: dict[str, list] = {"real": [], "floor": []}
        for i in range(args.repeat):
            for name in (("floor", "real") if i % 2 == 0 else ("real", "floor")):
                runs[name].append(nbval(real_dir if name == "real" else floor_dir))
    best = {k: min(v, key=lambda r: r[0]) for k, v in runs.items()}
    pair_ratios = [r[0] / f[0] for r, f in zip(runs["real"], runs["floor"], strict=True)]
    cpu_ratios = [r[1] / f[1] for r, f in zip(runs["real"], runs["floor"], strict=True)]
    fastest = {k: {nb.stem: min(r[2].get(nb.stem, 0.0) for r in v) for nb in real} for k, v in runs.items()}
    print(f"notebooks: {len(real)}; runs: {args.repeat} of each, alternating")
    print(f"nbval on the project's notebooks: {best['real'][0]:.2f} s wall (best run)")
    print(f"nbval on {len(real)} trivial twins (each one cell: its notebook's imports): {best['floor'][0]:.2f} s wall (best run)")
    print(f"ratio: {statistics.median(pair_ratios):.2f}x the floor, median of {args.repeat} back-to-back pairs "
          f"(target <= 1.5x; pairs ranged {min(pair_ratios):.2f}-{max(pair_ratios):.2f}x)")
    print(f"best run against best run: {best['real'][0] / best['floor'][0]:.2f}x")
    print(f"CPU time of pytest and its kernels: {statistics.median(cpu_ratios):.2f}x (median of pairs)")
    print("per notebook, fastest of the runs (pytest --durations: kernel start, cells, comparison):")
    for nb in real:
        r, f = fastest["real"][nb.stem], fastest["floor"][nb.stem]
        print(f"  {nb.stem:<24} {r:5.2f} s vs twin {f:5.2f} s  (+{r - f:.2f} s)")

if __name__ == "__main__":
    main()
