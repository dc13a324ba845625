"""Cost of the quote extractor on hostile texts: does it stay linear when one sentence repeats a cue pattern?

A folder of articles may hold anything: a scraped page of one unpunctuated run, a list of thousands of
quotations, a sentence of "X said, X said, …". For each pattern below this script builds one text of n
and of 4n repetitions (n = 1,000 by default: 5 to 20 KB, then four times that), times
``analysis.quotes.extract_text`` on both (best of ``--repeat``), and prints the seconds, the growth
exponent ``b`` of ``seconds ~ length^b`` between the two (target <= 1.2: linear, with some noise), and,
as a floor measured in the same run, NLTK's NLTKWordTokenizer on the larger text.

    .venv/bin/python benchmarks/bench_hostile.py [--n 1000] [--repeat 3]

Nothing is read or written; the texts are made here.
"""

import argparse
import math
import time

from nltk.tokenize import NLTKWordTokenizer

from analysis import quotes

PATTERNS = ["said ", "saying ", "and said ", "who said ", "Mr. Green said, ", ", said Tory Green, ",
            "he said he said ", "the company, which said ", "according to the report ", "“a” “b” ", "“said” ",
            "said “", "Asked if ", "— "]


def best(func, text: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        func(text)
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="repetitions of the smaller text (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="timings per text, the best kept (default 3)")
    args = parser.parse_args()
    tok = NLTKWordTokenizer()
    quotes.extract_text("Ruiz said the pier was safe.")  # load the lexicon and compile the rules before timing
    worst = 0.0
    print(f"{'pattern':30} {'chars':>8} {'seconds':>8} {'x4 chars':>9} {'seconds':>8} {'b':>5} {'tokenizer':>9}")
    for p in PATTERNS:
        small, large = p * args.n, p * (4 * args.n)
        t1, t4 = best(quotes.extract_text, small, args.repeat), best(quotes.extract_text, large, args.repeat)
        floor = best(tok.tokenize, large, args.repeat)
        b = math.log(max(t4, 1e-6) / max(t1, 1e-6)) / math.log(4)
        worst = max(worst, b)
        print(f"{p!r:30} {len(small):8,} {t1:8.3f} {len(large):9,} {t4:8.3f} {b:5.2f} {floor:9.3f}")
    print(f"largest growth exponent: {worst:.2f} (target <= 1.2)")


if __name__ == "__main__":
    main()
