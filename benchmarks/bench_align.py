"""Cost of analysis.align on 10, 50 and 200 (or --sizes) articles of a folder, against its candidate pairs.

Takes the first N article files of the folder in name order (e.g. the PolNeAR train text, passed
as a path: it is never shipped) and, for each N, loads them, aligns them and prints seconds, peak
resident memory of the process so far, body sentences, candidate sentence pairs (sentences of two
articles sharing an indexed word), microseconds per candidate pair and per sentence. Then the
growth exponents fitted over the sizes: time against N, time against candidate pairs, and
candidate pairs against N. "Grows no faster than the candidate pairs" means the time-vs-candidates
exponent is about 1 or less; all-pairs alignment would have a time-vs-N exponent near 2.

    .venv/bin/python benchmarks/bench_align.py PATH [--sizes 10 50 200]
"""

import argparse
import math
import resource
import sys
import time
from pathlib import Path

from analysis import CorpusError, align, load_corpus


def slope(xs, ys) -> float:
    """Least-squares slope of log y on log x."""
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum((a - mx) ** 2 for a in lx)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="a folder of .txt articles")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 200])
    args = parser.parse_args()
    files = sorted(p for p in Path(args.path).glob("*.txt") if p.is_file())
    if len(files) < max(args.sizes):
        sys.exit(f"error: {args.path}: {len(files)} .txt articles, fewer than the largest size {max(args.sizes)}")
    rows = []
    for n in args.sizes:
        try:
            corpus = load_corpus(files[:n])
        except CorpusError as e:
            sys.exit(f"error: {e}")
        t = time.perf_counter()
        al = align.align(corpus)
        seconds = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux; the peak so far
        body = align.body_profiles(corpus)
        cands = sum(len(v) for v in align.candidate_pairs(body).values())
        sents = len(body)
        matched = int((al["status"] != "only_here").sum())
        rows.append((n, seconds, cands, sents))
        print(f"{n} articles: {seconds:.2f} s, peak RSS so far {peak:.0f} MiB, {sents} body sentences, {cands} candidate pairs, "
              f"{seconds / max(1, cands) * 1e6:.0f} us per candidate, {seconds / sents * 1e3:.2f} ms per sentence, "
              f"{matched} sentence rows matched", flush=True)
    ns, ts, cs = [r[0] for r in rows], [r[1] for r in rows], [max(1, r[2]) for r in rows]
    print(f"exponents: time ~ N^{slope(ns, ts):.2f}, time ~ candidates^{slope(cs, ts):.2f}, "
          f"candidates ~ N^{slope(ns, cs):.2f}")


if __name__ == "__main__":
    main()
