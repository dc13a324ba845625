"""Fit analysis.align's twelve feature weights, bias and two thresholds on the MSRP fit part.

How: the features of every fit-part pair (``analysis.align.features``), an L2-regularised
logistic regression (lambda 0.01, Newton's method, 50 steps, numpy only), then the shared
threshold that maximises accuracy on the fit part, and the partial threshold: the
``align.containment`` (rarity-weighted share of one sentence's content found in the other) that
95% of the fit part's positive pairs reach. Prints 5-fold cross-validated accuracy and F1
on the fit part; never looks at the check part. Writes the weights file only where told.

    .venv/bin/python benchmarks/fit_align.py MSRP_FILE --out src/analysis/data/align_weights.csv
"""

import argparse
import sys
from pathlib import Path

import numpy as np
from msrp import load, scores

from analysis import align


def fit_lr(X: np.ndarray, y: np.ndarray, l2: float = 1e-2, steps: int = 50) -> np.ndarray:
    """Weights (last one the bias) of an L2-regularised logistic regression, by Newton's method."""
    Xb = np.hstack([X, np.ones((len(X), 1))])
    w = np.zeros(Xb.shape[1])
    reg = l2 * np.r_[np.ones(len(w) - 1), 0.0]
    for _ in range(steps):
        p = 1 / (1 + np.exp(-Xb @ w))
        w -= np.linalg.solve((Xb * (p * (1 - p))[:, None]).T @ Xb + np.diag(reg), Xb.T @ (p - y) + reg * w)
    return w


def prob(w: np.ndarray, X: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(X @ w[:-1] + w[-1])))


def best_threshold(s: np.ndarray, y: np.ndarray) -> float:
    """The score threshold (rounded to 4 decimals) with the best accuracy; the lowest on ties."""
    cands = np.unique(np.round(s, 4))
    acc = [((s >= c) == y).mean() for c in cands]
    return float(cands[int(np.argmax(acc))])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("msrp", help="msr_paraphrase_train.txt")
    parser.add_argument("--out", help="write the weights CSV here (e.g. src/analysis/data/align_weights.csv)")
    args = parser.parse_args()
    rows = [r for r in load(args.msrp) if r[5] == "fit"]
    X = np.array([align.features(align.profile(r[3]), align.profile(r[4])) for r in rows])
    y = np.array([r[0] for r in rows], dtype=float)
    folds = np.arange(len(rows)) % 5
    cv = []
    for k in range(5):
        tr, te = folds != k, folds == k
        w = fit_lr(X[tr], y[tr])
        t = best_threshold(prob(w, X[tr]), y[tr])
        cv.append(scores(prob(w, X[te]) >= t, y[te] == 1))
    acc, _, _, f1 = np.mean(cv, axis=0)
    print(f"fit part: {len(rows)} pairs; 5-fold cross-validated accuracy {acc:.3f} F1 {f1:.3f}")
    w = fit_lr(X, y)
    s = prob(w, X)
    t_shared = best_threshold(s, y)
    contain = np.array([align.containment(align.profile(r[3]), align.profile(r[4]), {})[0] for r in rows])
    t_partial = float(np.round(np.quantile(contain[y == 1], 0.05), 4))
    print(f"thresholds: shared {t_shared:.4f}, partial {t_partial:.4f}")
    lines = ["# analysis.align model: logistic weights of the features, bias, and the two score thresholds.",
             "# Fitted by benchmarks/fit_align.py on the MSRP training file's fit part (80% of pairs, by hash).",
             "name,value"]
    lines += [f"{n},{v:.6g}" for n, v in zip([*align.FEATURES, "bias"], w, strict=True)]
    lines += [f"threshold_shared,{t_shared:.6g}", f"threshold_partial,{t_partial:.6g}"]
    if args.out:
        out = Path(args.out)
        if not out.parent.is_dir():
            sys.exit(f"error: {out.parent}: no such folder")
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    else:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
