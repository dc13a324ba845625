"""Speed of the whole quotes command against a process that only runs NLTK's word tokenizer, same text, same run.

Runs, alternately and ``--repeat`` times each, two fresh Python processes over every .txt file of a
folder (e.g. PolNeAR train, ~3.9 MB):

- ``python -m analysis quotes PATH --format jsonl`` (imports, reading, extraction, writing), output discarded,
  as a user runs it (worker processes, one per CPU this process may use: the ``processes`` engine);
- the same command with ``--engine local`` (one process), for the speed of the code itself;
- a process that reads the same files and runs ``NLTKWordTokenizer().tokenize`` on each (imports included).

Prints the best wall time of each, MB/s, and the ratio (target: the quotes command at least 2x the
tokenizer's speed; both quotes runs are given, so the parallel figure is never read as single-core
speed). ``--profile`` also prints where the extractor's time goes (cProfile, in-process).

    .venv/bin/python benchmarks/bench_quotes.py PATH [--repeat 3] [--profile]
"""

import argparse
import cProfile
import io
import pstats
import subprocess
import sys
import time
from pathlib import Path

TOKENIZER_ONLY = """
import sys
from pathlib import Path
from nltk.tokenize import NLTKWordTokenizer
tok = NLTKWordTokenizer()
n = 0
for f in sorted(Path(sys.argv[1]).glob("*.txt")):
    n += len(tok.tokenize(f.read_text(encoding="utf-8")))
"""


def run(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def profile(files: list[Path], top: int = 12) -> str:
    from analysis.quotes import extract_text, to_records

    texts = [f.read_text(encoding="utf-8") for f in files]
    prof = cProfile.Profile()
    prof.enable()
    for i, t in enumerate(texts):
        to_records(str(i), t, extract_text(t))
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="a folder of .txt articles")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="also print the extractor's own profile")
    args = parser.parse_args()
    files = sorted(Path(args.path).glob("*.txt"))
    if not files:
        sys.exit(f"error: {args.path}: no .txt files")
    mb = sum(f.stat().st_size for f in files) / 1e6
    quotes_cmd = [sys.executable, "-m", "analysis", "quotes", args.path, "--format", "jsonl"]
    tok_cmd = [sys.executable, "-c", TOKENIZER_ONLY, args.path]
    local_cmd = [*quotes_cmd, "--engine", "local"]
    tok_times, q_times, l_times = [], [], []
    for _ in range(args.repeat):  # interleaved, so a slow phase of the machine hits all three
        tok_times.append(run(tok_cmd))
        q_times.append(run(quotes_cmd))
        l_times.append(run(local_cmd))
    tok, q, loc = min(tok_times), min(q_times), min(l_times)
    from analysis.engine import workers

    print(f"{len(files)} articles, {mb:.2f} MB; best of {args.repeat} fresh processes each")
    print(f"NLTKWordTokenizer process: {tok:.2f} s ({mb / tok:.2f} MB/s)")
    print(f"python -m analysis quotes --format jsonl ({workers()} worker processes): {q:.2f} s ({mb / q:.2f} MB/s)")
    print(f"python -m analysis quotes --format jsonl --engine local (one process): {loc:.2f} s ({mb / loc:.2f} MB/s)")
    print(f"ratio: the quotes command runs at {tok / q:.2f}x the tokenizer's speed (target >= 2.0); "
          f"in one process {tok / loc:.2f}x")
    if args.profile:
        print(profile(files))


if __name__ == "__main__":
    main()
