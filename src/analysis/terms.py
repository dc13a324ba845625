"""Vocabulary and term statistics over the ``tokens`` table.

All functions take the tokens DataFrame of :mod:`analysis.corpus` (or a filtered copy) and
return tidy DataFrames keyed by article_id.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd

BODY_KINDS = ("body",)


def words(tokens: pd.DataFrame, kinds=BODY_KINDS, stopwords: bool = True) -> pd.DataFrame:
    """Word tokens (letters or digits) of the given paragraph kinds, optionally without stopwords.

    By default only body text counts: headlines, headings and boilerplate repeat or frame the
    body and would be double-counted.
    """
    mask = tokens["is_word"] & tokens["kind"].isin(kinds)
    if not stopwords:
        mask &= ~tokens["is_stop"]
    return tokens[mask]


def mattr(seq: list[str] | np.ndarray, window: int = 50) -> float:
    """Moving-average type-token ratio (Covington & McFall 2010) of a token sequence.

    Plain TTR falls as a text gets longer, so it cannot compare a 300- and a 700-word article;
    MATTR averages TTR over every window of ``window`` consecutive tokens and does not depend on
    length. With fewer tokens than ``window`` it is the plain TTR; with none it is NaN.
    """
    seq = list(seq)
    n = len(seq)
    if n == 0:
        return float("nan")
    if n <= window:
        return len(set(seq)) / n
    counts: dict[str, int] = {}
    for w in seq[:window]:
        counts[w] = counts.get(w, 0) + 1
    total = len(counts)
    for i in range(window, n):
        new, old = seq[i], seq[i - window]
        counts[new] = counts.get(new, 0) + 1
        counts[old] -= 1
        if counts[old] == 0:
            del counts[old]
        total += len(counts)
    return total / ((n - window + 1) * window)


def lexical_diversity(tokens: pd.DataFrame, window: int = 50) -> pd.DataFrame:
    """Per article: n_words, n_types, plain TTR (length-biased) and MATTR (length-fair).

    Computed on lower-cased body words, stopwords included (diversity is about all word use).
    """
    rows = []
    for aid, g in words(tokens).groupby("article_id", sort=False):
        seq = g["norm"].tolist()
        rows.append((aid, len(seq), len(set(seq)), len(set(seq)) / len(seq), mattr(seq, window)))
    return pd.DataFrame(rows, columns=["article_id", "n_words", "n_types", "ttr", f"mattr_{window}"])


def vocabulary_overlap(tokens: pd.DataFrame, stopwords: bool = False) -> pd.DataFrame:
    """For each pair of articles: word types in each, shared, Jaccard and the share of each's types shared.

    Types are lower-cased body words; stopwords are left out by default because every English
    text shares them.
    """
    vocab = {aid: set(g["norm"]) for aid, g in words(tokens, stopwords=stopwords).groupby("article_id", sort=False)}
    rows = []
    for a, b in itertools.combinations(vocab, 2):
        va, vb = vocab[a], vocab[b]
        shared = len(va & vb)
        rows.append((a, b, len(va), len(vb), shared, shared / len(va | vb), shared / len(va), shared / len(vb)))
    cols = ["article_a", "article_b", "types_a", "types_b", "shared", "jaccard", "share_of_a", "share_of_b"]
    return pd.DataFrame(rows, columns=cols)


def exclusive_terms(tokens: pd.DataFrame, min_count: int = 2, stopwords: bool = False) -> pd.DataFrame:
    """Content words used at least ``min_count`` times in one article and never in any other.

    Columns: article_id, term, count; sorted by article, then count (descending), then term.
    """
    w = words(tokens, stopwords=stopwords)
    counts = w.groupby(["article_id", "norm"], sort=False).size().rename("count").reset_index()
    n_articles = counts.groupby("norm")["article_id"].transform("nunique")
    out = counts[(n_articles == 1) & (counts["count"] >= min_count)].rename(columns={"norm": "term"})
    order = {aid: i for i, aid in enumerate(dict.fromkeys(tokens["article_id"]))}
    out = out.assign(_o=out["article_id"].map(order)).sort_values(["_o", "count", "term"], ascending=[True, False, True])
    return out.drop(columns="_o").reset_index(drop=True)
