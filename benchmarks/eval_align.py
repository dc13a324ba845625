"""Score analysis.align's sentence similarity on the MSRP training file, beside a TF-IDF baseline.

Prints, for the fit part (80% of pairs by hash, where the weights and threshold were fitted), the
check part (20%, never used for fitting or for reading errors) and all pairs, one line each for
the project (at the threshold the module ships) and for a plain TF-IDF cosine baseline
(lower-cased \\w+ tokens, idf over the file's sentences, threshold chosen on the fit part), with
accuracy, precision, recall and F1 of the positive class, and microseconds per pair (from raw
strings, tokenising included, both in this process; the project's also a second time, its word cache
warm, as the baseline's idf table is built before its timing). Targets: accuracy >= 0.76 and F1 >= 0.83.

    .venv/bin/python benchmarks/eval_align.py MSRP_FILE
"""

import argparse
import math
import re
import time
from collections import Counter

from msrp import load, scores

from analysis import align

_TOKEN = re.compile(r"\w+")


def tfidf_scorer(sentences):
    """A plain TF-IDF cosine, idf = ln(N / df) over ``sentences``."""
    df = Counter()
    for s in sentences:
        df.update(set(_TOKEN.findall(s.lower())))
    n = len(sentences)
    idf = {w: math.log(n / c) for w, c in df.items()}

    def vec(s):
        tf = Counter(_TOKEN.findall(s.lower()))
        return {w: c * idf.get(w, math.log(n)) for w, c in tf.items()}

    def cosine(a, b):
        va, vb = vec(a), vec(b)
        dot = sum(x * vb.get(w, 0.0) for w, x in va.items())
        na, nb = math.sqrt(sum(x * x for x in va.values())), math.sqrt(sum(x * x for x in vb.values()))
        return dot / (na * nb) if na and nb else 0.0

    return cosine


def best_threshold(s, y):
    cands = sorted({round(x, 4) for x in s})
    return max(cands, key=lambda c: (scores([x >= c for x in s], y)[0], -c))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("msrp", help="msr_paraphrase_train.txt")
    args = parser.parse_args()
    rows = load(args.msrp)
    cosine = tfidf_scorer(sorted({r[3] for r in rows} | {r[4] for r in rows}))
    align.similarity(rows[0][3], rows[0][4])  # load the model and word lists before timing
    t = time.perf_counter()
    project = [align.similarity(r[3], r[4]) for r in rows]
    t_project = (time.perf_counter() - t) / len(rows) * 1e6
    t = time.perf_counter()  # again, every word seen before (as the baseline's idf table was built before its timing)
    again = [align.similarity(r[3], r[4]) for r in rows]
    t_warm = (time.perf_counter() - t) / len(rows) * 1e6
    assert again == project
    t = time.perf_counter()
    base = [cosine(r[3], r[4]) for r in rows]
    t_base = (time.perf_counter() - t) / len(rows) * 1e6
    fit = [i for i, r in enumerate(rows) if r[5] == "fit"]
    base_t = best_threshold([base[i] for i in fit], [rows[i][0] == 1 for i in fit])
    shared, _ = align.thresholds()
    print(f"{len(rows)} pairs: {len(fit)} fit, {len(rows) - len(fit)} check; "
          f"{sum(r[0] for r in rows) / len(rows):.3f} positive; project {t_project:.0f} us/pair on first sight of its "
          f"words, {t_warm:.0f} us/pair with every word seen before; baseline {t_base:.0f} us/pair")
    for name, part in (("fit", "fit"), ("check", "check"), ("all", None)):
        idx = [i for i, r in enumerate(rows) if part is None or r[5] == part]
        gold = [rows[i][0] == 1 for i in idx]
        for who, s, thr, us in (("project", project, shared, t_project), ("baseline", base, base_t, t_base)):
            acc, p, r, f1 = scores([s[i] >= thr for i in idx], gold)
            print(f"{who}: accuracy {acc:.3f} F1 {f1:.3f} precision {p:.3f} recall {r:.3f} "
                  f"({name}, {len(idx)} pairs, threshold {thr:.4f}, {us:.0f} us/pair)")


if __name__ == "__main__":
    main()
