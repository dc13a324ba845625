"""Cost of every command and of the main job as the corpus grows: seconds, peak memory, growth exponent.

Builds corpora of 10, 50, 200 and 840 articles from a folder of .txt articles (e.g. the PolNeAR
train text, as a path), taking the publishers in turn (file names ``publisher_date_slug.txt``) so
every size mixes the outlets, plus one article of about 5 MB made by joining articles' paragraphs.
Each command runs in a fresh process on each corpus (``python -m analysis CMD DIR``, output
discarded; ``metadata.csv`` gives each article its publisher as group, for ``groups`` and notebook
6); the main job is ``python -m analysis run --articles DIR --out TMP``. Prints, per size, wall
seconds, peak resident memory of the largest process (the command itself, or the largest notebook
kernel for the main job, from ``wait4``), and cost per article; then the growth exponent ``b`` of
``seconds ~ N^b`` fitted by least squares on log-log over the sizes, and between the two largest sizes (where a process's fixed start-up cost weighs least; target <= 1.1 for both), and
peak memory at the largest size (target under 2 GB). For the main job it also prints the size of
the largest executed notebook (target under 1 MB).

    .venv/bin/python benchmarks/bench_scale.py ../shared/polnear/train
    .venv/bin/python benchmarks/bench_scale.py PATH --sizes 10,50,200 --commands terms,frames --no-run

Nothing is written outside a temporary folder, which is removed at the end.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

COMMANDS = ("hygiene", "terms", "quotes", "frames", "align", "findings", "groups")
BIG_BYTES = 5_000_000


def balanced(files: list[Path], n: int) -> list[Path]:
    """The first ``n`` files taking publishers in turn (the part of the name before the first '_')."""
    by_pub: dict[str, list[Path]] = defaultdict(list)
    for f in sorted(files):
        by_pub[f.name.split("_", 1)[0]].append(f)
    queues = [by_pub[k] for k in sorted(by_pub)]
    out: list[Path] = []
    i = 0
    while len(out) < n and any(queues):
        q = queues[i % len(queues)]
        if q:
            out.append(q.pop(0))
        i += 1
    return out


def big_article(files: list[Path], target: int = BIG_BYTES) -> str:
    """One long article: a title line, then the articles' texts joined as paragraphs until ``target`` bytes."""
    parts, size = ["A very long article made of many articles\n"], 0
    while size < target:
        for f in files:
            t = f.read_text(encoding="utf-8").strip() + "\n\n"
            parts.append(t)
            size += len(t.encode("utf-8"))
            if size >= target:
                break
    return "\n".join(parts)


def write_groups(folder: Path, rows: list[tuple[str, str]]) -> None:
    """metadata.csv with each article's publisher as its group, for ``groups`` and notebook 6."""
    lines = ["article_id,group", *(f"{a},{g}" for a, g in rows)]
    (folder / "metadata.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def measure(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB of the largest process in the tree, and exit status."""
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: a chatty stderr cannot block the child
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        # wait4 gives this child's rusage, whose ru_maxrss covers the children it waited for (kernels)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t
        proc.returncode = rc = os.waitstatus_to_exitcode(status)
        if rc != 0:
            err.seek(0)
            last = err.read().decode("utf-8", "replace").strip().splitlines()[-1:]
            print(f"  ! {' '.join(cmd[2:4])} exited {rc}: {last}", file=sys.stderr)
    return seconds, usage.ru_maxrss / 1024, rc


def exponent(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(seconds) on log(N)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(s, 1e-9)) for _, s in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="a folder of .txt articles named publisher_date_slug.txt (e.g. PolNeAR train)")
    parser.add_argument("--sizes", default="10,50,200,840", help="corpus sizes, comma-separated")
    parser.add_argument("--commands", default=",".join(COMMANDS), help="commands to time, comma-separated")
    parser.add_argument("--no-run", action="store_true", help="leave out the main job (notebooks)")
    parser.add_argument("--no-big", action="store_true", help="leave out the 5 MB article")
    args = parser.parse_args()
    files = sorted(Path(args.path).glob("*.txt"))
    if not files:
        sys.exit(f"error: {args.path}: no .txt articles")
    sizes = [int(s) for s in args.sizes.split(",")]
    commands = [c for c in args.commands.split(",") if c]
    if not args.no_run:
        commands.append("run")
    py = sys.executable
    results: dict[str, list[tuple[int, float, float, int]]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        corpora = []
        for n in sizes:
            d = Path(tmp) / f"n{n}"
            d.mkdir()
            chosen = balanced(files, n)
            for f in chosen:
                shutil.copyfile(f, d / f.name)
            write_groups(d, [(f.stem, f.name.split("_", 1)[0]) for f in chosen])
            corpora.append((len(chosen), d))
        mb = {n: sum(f.stat().st_size for f in d.glob("*.txt")) / 1e6 for n, d in corpora}
        print(f"corpora from {len(files)} articles: " + ", ".join(f"{n} articles ({mb[n]:.2f} MB)" for n, _ in corpora))
        for cmd in commands:
            for n, d in corpora:
                if cmd == "run":
                    argv = [py, "-m", "analysis", "run", "--articles", str(d), "--out", str(Path(tmp) / f"out{n}")]
                else:
                    argv = [py, "-m", "analysis", cmd, str(d)]
                s, rss, rc = measure(argv)
                results[cmd].append((n, s, rss, rc))
                sizes_note = ""
                if cmd == "run":  # the notebooks must stay under 1 MB at any size
                    nbs = sorted((Path(tmp) / f"out{n}" / "notebooks").glob("*.ipynb"))
                    if nbs:
                        big = max(nbs, key=lambda f: f.stat().st_size)
                        sizes_note = f"  largest notebook {big.name} {big.stat().st_size / 1e6:.2f} MB"
                print(f"{cmd:9s} {n:5d} articles: {s:8.2f} s  {rss:8.0f} MB  {1000 * s / n:8.1f} ms/article"
                      + ("" if rc == 0 else f"  (exit {rc})") + sizes_note, flush=True)
        print()
        # The balanced samples do not grow exactly with N in bytes (longer articles join at larger
        # sizes), so the exponent against the corpus's megabytes is printed beside the one against N.
        print(f"{'command':9s} exponent (seconds ~ N^b, target <= 1.1)   against MB (two largest)   peak MB at "
              f"{corpora[-1][0]} (target < 2048)")
        for cmd in commands:
            pts = [(n, s) for n, s, _, rc in results[cmd] if rc == 0]
            b = exponent(pts) if len(pts) >= 2 else float("nan")
            b2 = exponent(pts[-2:]) if len(pts) >= 2 else float("nan")  # start-up costs weigh least here
            bmb = exponent([(mb[n], s) for n, s in pts[-2:]]) if len(pts) >= 2 else float("nan")
            peak = results[cmd][-1][2]
            print(f"{cmd:9s} b = {b:5.2f} (two largest sizes: {b2:5.2f})  {'ok' if max(b, b2) <= 1.1 else 'ABOVE TARGET':12s}"
                  f"  {bmb:5.2f}                     {peak:8.0f} MB  {'ok' if peak < 2048 else 'ABOVE TARGET'}")
        if not args.no_big:
            d = Path(tmp) / "big"
            d.mkdir()
            (d / "big.txt").write_text(big_article(files), encoding="utf-8")
            shutil.copyfile(files[0], d / files[0].name)  # terms and align need a second article
            write_groups(d, [("big", "big"), (files[0].stem, "other")])
            size = (d / "big.txt").stat().st_size / 1e6
            print(f"\none article of {size:.1f} MB (+ one ordinary article):")
            for cmd in commands:
                argv = ([py, "-m", "analysis", "run", "--articles", str(d), "--out", str(Path(tmp) / "outbig")]
                        if cmd == "run" else [py, "-m", "analysis", cmd, str(d)])
                s, rss, rc = measure(argv)
                print(f"{cmd:9s} {s:8.2f} s  {rss:8.0f} MB  {size / s:6.2f} MB/s" + ("" if rc == 0 else f"  (exit {rc})"),
                      flush=True)


if __name__ == "__main__":
    main()
