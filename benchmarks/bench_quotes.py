"""Speed of quote attribution against NLTK's word tokenizer alone, on the same text, in the same run.

Runs the extractor over every article of a folder (e.g. PolNeAR train, ~3.9 MB) and, in the
same process, NLTKWordTokenizer over the same texts, alternating; prints MB/s of each (best of
--repeat)
and the ratio. Target: attribution at least as fast as the tokenizer alone (ratio >= 1).

    .venv/bin/python benchmarks/bench_quotes.py PATH [--repeat 3]
"""

import argparse
import sys
import time
from pathlib import Path

from nltk.tokenize import NLTKWordTokenizer

from analysis.quotes import extract_text


def run_once(fn, texts) -> float:
    t = time.perf_counter()
    for text in texts:
        fn(text)
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="a folder of .txt articles")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted(Path(args.path).glob("*.txt"))
    if not files:
        sys.exit(f"error: {args.path}: no .txt files")
    texts = [f.read_text(encoding="utf-8") for f in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    tokenizer = NLTKWordTokenizer()
    tok_times, ext_times = [], []
    for _ in range(args.repeat):  # interleaved, so a slow phase of the machine hits both
        tok_times.append(run_once(tokenizer.tokenize, texts))
        ext_times.append(run_once(extract_text, texts))
    tok, ext = min(tok_times), min(ext_times)
    print(f"{len(texts)} articles, {mb:.2f} MB")
    print(f"NLTKWordTokenizer alone: {mb / tok:.2f} MB/s")
    print(f"quote attribution (analysis.quotes): {mb / ext:.2f} MB/s")
    print(f"ratio: attribution runs at {tok / ext:.2f}x the tokenizer's speed (target >= 1.0)")


if __name__ == "__main__":
    main()
