"""Vocabulary and term statistics over the ``tokens`` table.

All functions take the tokens DataFrame of :mod:`analysis.corpus` (or a filtered copy) and
return tidy DataFrames keyed by article_id.
"""

from __future__ import annotations

import itertools
import math
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd
from wordfreq import word_frequency

from . import nlp
from .corpus import PAIR_LIMIT

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


def body_word_counts(corpus) -> pd.Series:
    """Body words per article (article_id -> float), NaN for an article with none, so that a rate
    over it is undefined (NaN) instead of an error or a division warning."""
    n = words(corpus.tokens).groupby("article_id").size().reindex(corpus.articles["article_id"])
    return n.astype(float).where(n > 0)


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


def vocabulary_overlap(tokens: pd.DataFrame, stopwords: bool = False, max_articles: int | None = PAIR_LIMIT) -> pd.DataFrame:
    """For each pair of articles: word types in each, shared, Jaccard and the share of each's types shared.

    Types are lower-cased body words; stopwords are left out by default because every English
    text shares them. A share over no types is NaN. With more than ``max_articles`` articles,
    each article is compared with all the others together instead (one row per article,
    article_b = "": the rest), so the cost stays linear in the corpus.
    """
    vocab = {aid: set() for aid in dict.fromkeys(tokens["article_id"])}  # an article without words: empty set
    for aid, g in words(tokens, stopwords=stopwords).groupby("article_id", sort=False):
        vocab[aid] = set(g["norm"])
    rows = []

    def share(k: int, n: int) -> float:
        return k / n if n else float("nan")

    if max_articles is not None and len(vocab) > max_articles:
        df: dict[str, int] = {}
        for v in vocab.values():
            for t in v:
                df[t] = df.get(t, 0) + 1
        n_types = len(df)
        for a, va in vocab.items():
            shared = sum(df[t] > 1 for t in va)  # a's types that some other article uses
            rest = n_types - (len(va) - shared)  # the other articles' types
            rows.append((a, "", len(va), rest, shared, share(shared, n_types), share(shared, len(va)), share(shared, rest)))
    else:
        for a, b in itertools.combinations(vocab, 2):
            va, vb = vocab[a], vocab[b]
            shared = len(va & vb)
            rows.append((a, b, len(va), len(vb), shared, share(shared, len(va | vb)), share(shared, len(va)),
                         share(shared, len(vb))))
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


# ---------------------------------------------------------------------------------------------
# Counts, rates, n-grams, collocations

UNITS = ("norm", "stem")


def _term_units(w: pd.DataFrame, unit: str) -> pd.Series:
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, not {unit!r}")
    return w[unit]


def ngrams(tokens: pd.DataFrame, n: int = 2, unit: str = "norm", stopwords: bool = True, kinds=BODY_KINDS) -> pd.DataFrame:
    """Word n-grams within sentences, one row per occurrence: article_id, sentence, start, end, term.

    Punctuation breaks nothing (n-grams run over word tokens of one sentence). Without
    stopwords, n-grams that begin or end with a stopword are dropped ("terms of service" stays,
    "of the" goes).
    """
    w = words(tokens, kinds=kinds)
    rows = []
    for (aid, sid), g in w.groupby(["article_id", "sentence"], sort=False):
        terms_, stops, starts, ends = g[unit].tolist(), g["is_stop"].tolist(), g["start"].tolist(), g["end"].tolist()
        for i in range(len(terms_) - n + 1):
            if not stopwords and (stops[i] or stops[i + n - 1]):
                continue
            rows.append((aid, sid, starts[i], ends[i + n - 1], " ".join(terms_[i : i + n])))
    return pd.DataFrame(rows, columns=["article_id", "sentence", "start", "end", "term"])


def frequencies(
    tokens: pd.DataFrame, unit: str = "norm", stopwords: bool = False, n: int = 1, kinds=BODY_KINDS
) -> pd.DataFrame:
    """Term counts and rates per 1,000 words, one row per article x term.

    Columns: article_id, term, count, n_words (all body words of the article, stopwords
    included, so rates with and without stopwords share a denominator), per_1000, and for
    ``unit="stem"`` a ``label``: the stem's most frequent surface form across the whole corpus,
    for display ("accus" -> "accusations").
    Sorted by article (corpus order), count descending, term.
    """
    w = words(tokens, kinds=kinds)
    n_words = w.groupby("article_id", sort=False).size()
    if n == 1:
        occ = words(tokens, kinds=kinds, stopwords=stopwords)
        occ = pd.DataFrame({"article_id": occ["article_id"], "term": _term_units(occ, unit), "surface": occ["norm"]})
    else:
        occ = ngrams(tokens, n=n, unit=unit, stopwords=stopwords, kinds=kinds).assign(surface=lambda d: d["term"])
    counts = occ.groupby(["article_id", "term"], sort=False).size().rename("count").reset_index()
    counts["n_words"] = counts["article_id"].map(n_words)
    counts["per_1000"] = 1000 * counts["count"] / counts["n_words"]
    if unit == "stem" and n == 1:
        forms = occ.groupby(["term", "surface"]).size().rename("c").reset_index()
        forms = forms.sort_values(["term", "c", "surface"], ascending=[True, False, True]).drop_duplicates("term")
        counts["label"] = counts["term"].map(forms.set_index("term")["surface"])
    order = {a: i for i, a in enumerate(dict.fromkeys(tokens["article_id"]))}
    counts = counts.assign(_o=counts["article_id"].map(order))
    counts = counts.sort_values(["_o", "count", "term"], ascending=[True, False, True]).drop(columns="_o")
    return counts.reset_index(drop=True)


def _defined(measure):
    """``measure``, or None (NLTK then drops the n-gram) where its contingency table is impossible: in "said said
    said …" the word counts make a negative cell, and the likelihood ratio takes the log of it."""
    def score(*args):
        try:
            return measure(*args)
        except (ValueError, ZeroDivisionError):
            return None
    return score


def collocations(
    tokens: pd.DataFrame, min_freq: int = 2, n: int = 2, top: int = 20, kinds=BODY_KINDS, stopwords: bool = False
) -> pd.DataFrame:
    """Collocations per article with NLTK's finders, scored by the likelihood ratio.

    Sentences are the documents (no collocation spans a sentence break); n-grams seen fewer
    than ``min_freq`` times are filtered out, and without stopwords so are n-grams that start
    or end with one. Columns: article_id, collocation, count, likelihood_ratio.
    """
    from nltk.collocations import (
        BigramAssocMeasures,
        BigramCollocationFinder,
        TrigramAssocMeasures,
        TrigramCollocationFinder,
    )

    if n not in (2, 3):
        raise ValueError("collocations are bigrams (n=2) or trigrams (n=3)")
    finder_cls, measure = (
        (BigramCollocationFinder, BigramAssocMeasures.likelihood_ratio)
        if n == 2
        else (TrigramCollocationFinder, TrigramAssocMeasures.likelihood_ratio)
    )
    stops = nlp.stopwords()
    rows = []
    w = words(tokens, kinds=kinds)
    for aid, g in w.groupby("article_id", sort=False):
        docs = g.groupby("sentence", sort=True)["norm"].agg(list).tolist()
        finder = finder_cls.from_documents(docs)
        finder.apply_freq_filter(min_freq)
        if not stopwords:
            finder.apply_ngram_filter(lambda *ws: ws[0] in stops or ws[-1] in stops)
        scored = sorted(finder.score_ngrams(_defined(measure)), key=lambda x: (-x[1], x[0]))[:top]
        rows += [(aid, " ".join(ng), int(finder.ngram_fd[ng]), float(score)) for ng, score in scored]
    return pd.DataFrame(rows, columns=["article_id", "collocation", "count", "likelihood_ratio"])


# ---------------------------------------------------------------------------------------------
# Distinctive terms

def _erfc(x: np.ndarray) -> np.ndarray:
    """math.erfc of every element, computed once per distinct value: numpy has no erfc, and a test
    over a large vocabulary has far fewer distinct statistics than terms (counts repeat)."""
    x = np.asarray(x, dtype=float)
    values, inverse = np.unique(x.ravel(), return_inverse=True)
    return np.array([math.erfc(v) for v in values])[inverse].reshape(x.shape) if x.size else x.copy()


def p_from_z(z: np.ndarray) -> np.ndarray:
    """Two-sided normal p-value."""
    return _erfc(np.abs(z) / math.sqrt(2))


def p_from_g2(g2: np.ndarray) -> np.ndarray:
    """Chi-squared (1 df) upper tail: P(X > g2) = erfc(sqrt(g2 / 2))."""
    return _erfc(np.sqrt(np.maximum(g2, 0) / 2))


def bh_qvalues(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values), in the input order."""
    p = np.asarray(p, dtype=float)
    m = len(p)
    if m == 0:
        return p
    order = np.argsort(p, kind="mergesort")
    ranked = p[order] * m / np.arange(1, m + 1)
    q = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(q, 1.0)
    return out


def log_odds_z(y_i, y_j, prior, scale: float = 1.0):
    """Log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

    ``prior`` is a probability per term (summing to 1 over the vocabulary). It is scaled to each
    group's size, alpha_w^i = scale * n_i * prior_w, so that groups of very different length get
    the same relative shrinkage (an unscaled prior flips signs when sizes differ). Returns
    (delta, z) with the full variance 1/(y_i+a_i) + 1/(n_i+a0_i-y_i-a_i) + the same for j.
    """
    y_i, y_j, prior = (np.asarray(a, dtype=float) for a in (y_i, y_j, prior))
    n_i, n_j = y_i.sum(axis=-1, keepdims=True), y_j.sum(axis=-1, keepdims=True)
    a_i, a_j = scale * n_i * prior, scale * n_j * prior
    a0_i, a0_j = scale * n_i, scale * n_j
    with np.errstate(divide="ignore", invalid="ignore"):  # a term with zero prior and zero counts: NaN
        odds_i = (y_i + a_i) / (n_i + a0_i - y_i - a_i)
        odds_j = (y_j + a_j) / (n_j + a0_j - y_j - a_j)
        delta = np.log(odds_i) - np.log(odds_j)
        var = 1 / (y_i + a_i) + 1 / (n_i + a0_i - y_i - a_i) + 1 / (y_j + a_j) + 1 / (n_j + a0_j - y_j - a_j)
        return delta, delta / np.sqrt(var)


def g2_signed(a, b, n_i, n_j):
    """Dunning's log-likelihood G2 for a term seen a times in n_i words and b times in n_j.

    Signed: positive when the term is relatively more frequent in the first group.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    c, d = n_i - a, n_j - b
    total = n_i + n_j
    e_a, e_b = n_i * (a + b) / total, n_j * (a + b) / total
    e_c, e_d = n_i * (c + d) / total, n_j * (c + d) / total

    def part(o, e):
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(o > 0, o * np.log(o / e), 0.0)

    g2 = 2 * (part(a, e_a) + part(b, e_b) + part(c, e_c) + part(d, e_d))
    return np.sign(a / n_i - b / n_j) * g2


def log_ratio(a, b, n_i, n_j, smoothing: float = 0.5):
    """Hardie's Log Ratio effect size: log2 of the ratio of relative frequencies (0.5 added to zeros).

    1 means twice as frequent in the first group, -1 half as frequent.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    a = np.where(a == 0, smoothing, a)
    b = np.where(b == 0, smoothing, b)
    return np.log2((a / n_i) / (b / n_j))


def count_table(tokens: pd.DataFrame, unit: str = "norm", stopwords: bool = False, kinds=BODY_KINDS) -> pd.DataFrame:
    """Article x term count matrix (articles in corpus order, terms sorted)."""
    w = words(tokens, kinds=kinds, stopwords=stopwords)
    order = list(dict.fromkeys(tokens["article_id"]))
    present = set(w["article_id"])
    rows = [a for a in order if a in present]
    terms_ = np.sort(_term_units(w, unit).unique().astype(object)) if len(w) else np.array([], dtype=object)
    r = pd.Index(rows).get_indexer(w["article_id"])
    c = pd.Index(terms_).get_indexer(_term_units(w, unit))
    # counted straight into one array (pd.crosstab builds a pivot and used 1.2 GB at 200 articles)
    counts = np.bincount(r * len(terms_) + c, minlength=len(rows) * len(terms_)).reshape(len(rows), len(terms_))
    return pd.DataFrame(counts, index=pd.Index(rows, name="article_id"), columns=pd.Index(terms_, name="term"))


def background_prior(terms: list[str] | pd.Index, floor: float = 1e-8) -> np.ndarray:
    """Term probabilities from general English (the wordfreq package), renormalised over ``terms``.

    Words wordfreq does not know (names, "distillation"-like jargon it lists rarely) get ``floor``.
    """
    f = np.array([max(_english_frequency(str(t)), floor) for t in terms])
    return f / f.sum()


@lru_cache(maxsize=65536)
def _english_frequency(term: str) -> float:
    """wordfreq's English frequency of a term (cached: the same words are looked up many times)."""
    return word_frequency(term, "en")


def _prior(table: pd.DataFrame, prior: str | pd.Series) -> np.ndarray:
    if isinstance(prior, pd.Series):
        p = prior.reindex(table.columns).fillna(0).to_numpy(dtype=float) + 1e-12
        return p / p.sum()
    if prior == "pooled":
        p = table.sum(axis=0).to_numpy(dtype=float)
        return p / p.sum()
    if prior == "background":
        return background_prior(table.columns)
    raise ValueError("prior must be 'pooled', 'background' or a Series of term weights")


DISTINCTIVE_COLUMNS = [
    "article_id", "term", "count", "count_rest", "n_words", "n_rest", "per_1000", "per_1000_rest",
    "log_ratio", "delta", "z", "p_z", "g2", "p_g2", "q_g2",
]


def _each_article(table: pd.DataFrame, prior, scale: float, articles=None):
    """Per article against the rest: (k, article_id, y_i, y_j, delta, z, g2, p_g2, present, q_g2),
    one article at a time so that memory stays one vocabulary-long vector per statistic.
    Articles with nothing counted on one side are skipped, and so are those not in ``articles``."""
    p = _prior(table, prior)
    y = table.to_numpy(dtype=float)
    total = y.sum(axis=0)
    wanted = None if articles is None else set(articles)
    for k, aid in enumerate(table.index):
        if wanted is not None and aid not in wanted:
            continue
        y_i = y[k]
        y_j = total - y_i
        n_i, n_j = y_i.sum(), y_j.sum()
        if n_i == 0 or n_j == 0:  # nothing counted on one side: no comparison to make
            continue
        delta, z = log_odds_z(y_i, y_j, p, scale)
        g2 = g2_signed(y_i, y_j, n_i, n_j)
        p_g2 = p_from_g2(np.abs(g2))
        present = np.flatnonzero(y_i + y_j > 0)
        yield k, aid, y_i, y_j, delta, z, g2, p_g2, present, bh_qvalues(p_g2[present])


def distinctive(
    table: pd.DataFrame, prior: str | pd.Series = "pooled", scale: float = 1.0, min_count: int = 1,
    n_words: pd.Series | None = None, top: int | None = None, articles=None,
) -> pd.DataFrame:
    """Distinctive terms of each article against all the others (for two articles: against each other).

    ``table``: an article x term count matrix (``count_table``). Each article i is compared
    with the rest j: log-odds ratio with informative Dirichlet prior (delta, z, p_z), Dunning's
    G2 with a p-value and Benjamini-Hochberg q-value across that article's terms (p_g2, q_g2),
    and the effect size log_ratio (log2 of relative frequencies) beside counts and rates per
    1,000 words. Terms seen fewer than ``min_count`` times in total are left out, and so is an
    article when it or the rest has no counted word (nothing to compare). One row per article x
    term, sorted by article then z descending; with ``top``, only each article's first ``top``
    rows (the same rows, computed without building the articles x vocabulary table); with
    ``articles``, only the rows of those articles (each still against all the others).

    The tests use the table's own totals (``n_words``/``n_rest`` columns). Rates per 1,000 words
    use ``n_words`` (article_id -> word count) if given, e.g. all body words including the
    stopwords the table leaves out, so that rates match ``frequencies``.
    """
    table = table.loc[:, table.sum(axis=0) >= min_count]
    names = table.columns.to_numpy(dtype=object)
    parts: dict[str, list] = {c: [] for c in DISTINCTIVE_COLUMNS}
    rate_base = (n_words if n_words is not None else table.sum(axis=1)).reindex(table.index).to_numpy(dtype=float)
    for k, aid, y_i, y_j, delta, z, g2, p_g2, present, q_g2 in _each_article(table, prior, scale, articles):
        n_i, n_j = y_i.sum(), y_j.sum()
        r_i, r_j = rate_base[k], rate_base.sum() - rate_base[k]
        order = np.lexsort((present, -z[present]))  # z descending, then term (columns are sorted)
        if top is not None:
            order = order[:top]
        sel, q_g2 = present[order], q_g2[order]
        a, b = y_i[sel], y_j[sel]
        parts["article_id"].append(np.full(len(sel), aid, dtype=object))
        parts["term"].append(names[sel])
        parts["count"].append(a.astype(int))
        parts["count_rest"].append(b.astype(int))
        parts["n_words"].append(np.full(len(sel), int(n_i)))
        parts["n_rest"].append(np.full(len(sel), int(n_j)))
        parts["per_1000"].append(1000 * a / r_i)
        parts["per_1000_rest"].append(1000 * b / r_j if r_j else np.full(len(sel), np.nan))
        parts["log_ratio"].append(log_ratio(a, b, n_i, n_j))
        parts["delta"].append(delta[sel])
        parts["z"].append(z[sel])
        parts["p_z"].append(p_from_z(z[sel]))
        parts["g2"].append(g2[sel])
        parts["p_g2"].append(p_g2[sel])
        parts["q_g2"].append(q_g2)
    if not parts["term"]:  # fewer than two articles with counted words: an empty table with the documented columns
        return pd.DataFrame({c: pd.Series(dtype=object if c in ("article_id", "term") else
                                          "int64" if c.startswith(("count", "n_")) else float) for c in DISTINCTIVE_COLUMNS})
    return pd.DataFrame({c: np.concatenate(v) for c, v in parts.items()})[DISTINCTIVE_COLUMNS]


def distinctive_summary(table: pd.DataFrame, prior: str | pd.Series = "pooled", scale: float = 1.0,
                        min_count: int = 1, threshold: float = 1.96) -> dict:
    """:func:`significance_summary` of :func:`distinctive` (same values), computed article by article
    without the articles x vocabulary table, which at 840 articles has 29 million rows."""
    table = table.loc[:, table.sum(axis=0) >= min_count]
    absz = np.full(table.shape[1], -np.inf)
    maxz = np.full(table.shape[1], -np.inf)
    q = np.full(table.shape[1], np.inf)
    seen = np.zeros(table.shape[1], dtype=bool)
    for _k, _aid, _yi, _yj, _d, z, _g, _p, present, q_g2 in _each_article(table, prior, scale):
        seen[present] = True
        absz[present] = np.fmax(absz[present], np.abs(z[present]))
        maxz[present] = np.fmax(maxz[present], z[present])
        q[present] = np.fmin(q[present], q_g2)
    absz, maxz, q = absz[seen], maxz[seen], q[seen]
    return {
        "terms_tested": int(seen.sum()),
        "largest_abs_z": round(float(absz.max()), 3) if len(absz) else float("nan"),
        f"terms_abs_z_over_{threshold}": int((absz > threshold).sum()),
        f"terms_z_over_{threshold}": int((maxz > threshold).sum()),
        "smallest_q_g2": round(float(q.min()), 3) if len(q) else float("nan"),
    }


def significance_summary(dist: pd.DataFrame, threshold: float = 1.96) -> dict:
    """One line on a ``distinctive`` table: terms tested, largest |z|, terms past ``threshold`` either
    way and over-used (z past it: used more by some article than by the rest), smallest q.

    With two articles each term appears once per direction with opposite signs, so terms are
    counted once.
    """
    by_term = dist.assign(absz=dist["z"].abs()).groupby("term")
    absz, maxz, q = by_term["absz"].max(), by_term["z"].max(), by_term["q_g2"].min()
    return {
        "terms_tested": len(absz),
        "largest_abs_z": round(float(absz.max()), 3),
        f"terms_abs_z_over_{threshold}": int((absz > threshold).sum()),
        f"terms_z_over_{threshold}": int((maxz > threshold).sum()),
        "smallest_q_g2": round(float(q.min()), 3),
    }


def against_background(table: pd.DataFrame, min_count: int = 2, floor: float = 1e-8) -> pd.DataFrame:
    """Each article against general English (wordfreq): which words it over-uses.

    A one-sample Dunning G2 per term (observed count vs n_words x the background probability,
    floored at ``floor`` for words wordfreq does not know), BH q-values per article, and the
    log2 ratio of the article's rate to the background rate. Here the test has power: topic
    words are used hundreds of times more often than in general English. Terms without a
    letter (numbers) are left out: wordfreq pools digits, so their background rate is not
    comparable. Rates here are per 1,000 words of the table. Columns: article_id,
    term, count, per_1000, background_per_1000, log_ratio, g2, p_g2, q_g2; sorted by G2.
    """
    has_letter = [any(ch.isalpha() for ch in str(t)) for t in table.columns]
    table = table.loc[:, (table.sum(axis=0) >= 1).to_numpy() & np.array(has_letter, dtype=bool)]
    bg = np.array([max(_english_frequency(str(t)), floor) for t in table.columns])
    frames = []
    for aid, row in table.iterrows():
        y = row.to_numpy(dtype=float)
        n = y.sum()
        keep = y >= min_count
        e = n * bg
        with np.errstate(divide="ignore", invalid="ignore"):
            g2 = 2 * (np.where(y > 0, y * np.log(y / e), 0) + np.where(n - y > 0, (n - y) * np.log((n - y) / (n - e)), 0))
        y, bg_k, g2 = y[keep], bg[keep], (np.sign(y / n - bg) * g2)[keep]
        p = p_from_g2(np.abs(g2))
        frames.append(pd.DataFrame({
            "article_id": aid, "term": table.columns[keep], "count": y.astype(int), "per_1000": 1000 * y / n,
            "background_per_1000": 1000 * bg_k, "log_ratio": np.log2((y / n) / bg_k), "g2": g2, "p_g2": p,
            "q_g2": bh_qvalues(p),
        }))
    if not frames:
        return pd.DataFrame(columns=["article_id", "term", "count", "per_1000", "background_per_1000", "log_ratio",
                                     "g2", "p_g2", "q_g2"])
    out = pd.concat(frames, ignore_index=True)
    order = {a: i for i, a in enumerate(table.index)}
    out = out.assign(_o=out["article_id"].map(order)).sort_values(["_o", "g2", "term"], ascending=[True, False, True])
    return out.drop(columns="_o").reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Robustness for tiny corpora: resample and permute sentences


class _SentenceCounts(NamedTuple):
    """A sentence x term count matrix kept as its nonzero cells (row-major order), so a 5 MB
    article's tens of thousands of sentences never become a dense sentences x vocabulary array."""

    rows: np.ndarray  # sentence (row) of each nonzero cell
    cols: np.ndarray  # term (column) of each nonzero cell
    vals: np.ndarray  # its count, as float
    sent_article: np.ndarray  # article index of each sentence
    articles: list
    terms: list

    def term_totals(self) -> np.ndarray:
        return np.bincount(self.cols, weights=self.vals, minlength=len(self.terms))

    def by_article(self) -> np.ndarray:
        """Article x term counts."""
        n_terms = len(self.terms)
        cell = self.sent_article[self.rows] * n_terms + self.cols
        return np.bincount(cell, weights=self.vals, minlength=len(self.articles) * n_terms).reshape(-1, n_terms)

    def prior_frame(self) -> pd.DataFrame:
        """An empty one-row table with the terms as columns, for :func:`_prior`'s fixed priors."""
        return pd.DataFrame(np.zeros((1, len(self.terms))), columns=self.terms)


def _sentence_matrix(tokens: pd.DataFrame, unit: str, stopwords: bool, kinds) -> _SentenceCounts:
    """Sentence x term counts of the articles with words: sentences sorted by (article_id, sentence),
    terms sorted, as ``pd.crosstab`` orders them."""
    w = words(tokens, kinds=kinds, stopwords=stopwords)
    with_words = set(w["article_id"])
    articles = [a for a in dict.fromkeys(tokens["article_id"]) if a in with_words]
    cells = pd.DataFrame({"a": w["article_id"].to_numpy(), "s": w["sentence"].to_numpy(),
                          "t": _term_units(w, unit).to_numpy()}).groupby(["a", "s", "t"], sort=True).size()
    rows, sentences = cells.index.droplevel(2).factorize()  # already sorted: codes follow row order
    cols, terms_ = pd.factorize(cells.index.get_level_values(2), sort=True)
    number = {a: i for i, a in enumerate(articles)}
    sent_article = np.array([number[a] for a in sentences.get_level_values(0)], dtype=int)
    return _SentenceCounts(np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64),
                           cells.to_numpy(dtype=float), sent_article, articles, list(terms_))


def _z_all(counts: np.ndarray, prior: np.ndarray | None, scale: float) -> np.ndarray:
    """z of each article (row) against the rest, for an article x term count matrix.

    ``counts`` may carry leading batch axes (resample x article x term): every resample is
    scored in one vectorised call instead of a Python loop.
    """
    total = counts.sum(axis=-2, keepdims=True)
    p = total / total.sum(axis=-1, keepdims=True) if prior is None else prior
    return np.nan_to_num(log_odds_z(counts, total - counts, p, scale)[1], nan=-np.inf)


# The resampling checks cost resamples x articles x vocabulary (the vocabulary grows with the
# articles too), so beyond this many articles they run on a random sample of this many, drawn
# once with the check's seed; their results say how many articles they used (n_articles of
# of_articles). At 840 articles, the full permutation null would need 18 GB per batch.
MAX_RESAMPLED_ARTICLES = 20


def _sample_articles(tokens: pd.DataFrame, max_articles: int | None, seed: int, kinds) -> tuple[pd.DataFrame, int, int]:
    """(tokens of at most ``max_articles`` articles with words, drawn at random, articles used, articles with words)."""
    ids = list(dict.fromkeys(words(tokens, kinds=kinds)["article_id"]))
    if max_articles is None or len(ids) <= max_articles:
        return tokens, len(ids), len(ids)
    rng = np.random.default_rng([seed, len(ids)])  # its own stream: the resamples' draws are unchanged
    keep = {ids[i] for i in np.sort(rng.choice(len(ids), size=max_articles, replace=False))}
    return tokens[tokens["article_id"].isin(keep)], max_articles, len(ids)


def _resampled_counts(article: np.ndarray, weight: np.ndarray, term: np.ndarray, n_art: int, n_terms: int) -> np.ndarray:
    """Resample x article x term counts from a sentence matrix's nonzero cells: cell k of resample b
    adds ``weight[b, k]`` to article ``article[b, k]`` and term ``term[k]``. A sentence uses few of the
    terms, so this is far cheaper than a dense matrix product, and gives the same integer sums."""
    nb = len(article)
    cell = (np.arange(nb)[:, None] * n_art + article) * n_terms + term
    return np.bincount(cell.ravel(), weights=np.asarray(weight, dtype=float).ravel(),
                       minlength=nb * n_art * n_terms).reshape(nb, n_art, n_terms)


# Cells (nonzero sentence-term counts, or article-term counts) one batch of resamples may hold:
# a few arrays of this many 8-byte numbers stay under about 100 MB each.
BATCH_CELLS = 10_000_000


def _batch_size(nonzero: int, article_terms: int, most: int = 100) -> int:
    """Resamples per batch: at most ``most``, fewer when one resample's arrays are large (a 5 MB
    article has about a million nonzero cells). Batching never changes the draws, only memory."""
    return max(1, min(most, BATCH_CELLS // max(1, nonzero, article_terms)))


def _batched(n: int, size: int = 100):
    """Ranges of at most ``size`` resamples, so a large corpus never builds one huge 3-D array."""
    for start in range(0, n, size):
        yield start, min(start + size, n)


def bootstrap_stability(
    tokens: pd.DataFrame, k: int = 10, n_boot: int = 500, seed: int = 0, prior: str = "pooled",
    scale: float = 1.0, unit: str = "norm", stopwords: bool = False, min_count: int = 2, kinds=BODY_KINDS,
    max_articles: int | None = MAX_RESAMPLED_ARTICLES,
) -> pd.DataFrame:
    """How stable is each article's top-k list? Resample sentences within each article.

    For each of ``n_boot`` resamples (sentences drawn with replacement, article sizes in
    sentences kept), recompute z and each article's top k; report for every term in an
    observed top k the share of resamples in which it stays in the top k. Terms seen fewer
    than ``min_count`` times are not eligible. With more than ``max_articles`` articles, a random
    sample of that many is resampled, each against the rest of the sample (``MAX_RESAMPLED_ARTICLES``).
    Columns: article_id, term, count, z, rank, top_k_share, n_articles (articles resampled),
    of_articles (articles with words).
    """
    tokens, n_used, n_all = _sample_articles(tokens, max_articles, seed, kinds)
    sm = _sentence_matrix(tokens, unit, stopwords, kinds)
    sent_article, articles, terms_ = sm.sent_article, sm.articles, sm.terms
    cols = ["article_id", "term", "count", "z", "rank", "top_k_share", "n_articles", "of_articles"]
    if len(articles) < 2:  # one article against nothing: no ranking to resample
        return pd.DataFrame(columns=cols)
    eligible = sm.term_totals() >= min_count
    fixed_prior = None if prior == "pooled" else _prior(sm.prior_frame(), prior)
    counts = sm.by_article()
    observed = _z_all(counts, fixed_prior, scale)
    observed[:, ~eligible] = -np.inf
    top = np.argsort(-observed, axis=1, kind="stable")[:, :k]
    hits = np.zeros_like(top, dtype=float)
    rng = np.random.default_rng(seed)
    idx_by_article = [np.flatnonzero(sent_article == a) for a in range(len(articles))]
    n_sent = len(sent_article)
    nz_rows, nz_cols, vals = sm.rows, sm.cols, sm.vals  # each drawn sentence's nonzero counts (_resampled_counts)
    n_art, n_terms, owner = len(articles), len(terms_), sent_article[nz_rows]
    for start, stop in _batched(n_boot, _batch_size(len(vals), n_art * n_terms)):
        nb = stop - start
        weights = np.zeros((nb, n_sent))  # times each sentence is drawn (from its own article)
        for b in range(nb):  # the draws, in the same order as one resample at a time
            for idx in idx_by_article:
                weights[b] += np.bincount(rng.choice(idx, size=len(idx)), minlength=n_sent)
        counts_b = _resampled_counts(np.broadcast_to(owner, (nb, len(owner))), weights[:, nz_rows] * vals, nz_cols,
                                     n_art, n_terms)
        z = _z_all(counts_b, fixed_prior, scale)
        z[..., ~eligible] = -np.inf
        top_b = np.argsort(-z, axis=-1, kind="stable")[..., :k]
        hits += (top[None, :, :, None] == top_b[:, :, None, :]).any(axis=-1).sum(axis=0)
    rows = [
        (articles[a], terms_[t], int(counts[a, t]), float(observed[a, t]), r + 1, hits[a, r] / n_boot, n_used, n_all)
        for a in range(len(articles)) for r, t in enumerate(top[a]) if np.isfinite(observed[a, t])  # eligible only
    ]
    return pd.DataFrame(rows, columns=cols)


def permutation_null(
    tokens: pd.DataFrame, n_perm: int = 1000, seed: int = 0, prior: str = "pooled", scale: float = 1.0,
    unit: str = "norm", stopwords: bool = False, min_count: int = 2, kinds=BODY_KINDS,
    max_articles: int | None = MAX_RESAMPLED_ARTICLES,
) -> pd.DataFrame:
    """Is the largest |z| larger than chance? Shuffle which article each sentence belongs to.

    Under the null that the articles draw sentences from one pool, the largest |z| over all
    eligible terms is recomputed ``n_perm`` times with sentence labels permuted (article sizes
    in sentences kept). One row: observed_max_abs_z, null_q95, null_q99, p_value (share of
    permutations at least as extreme, with the +1 correction), n_perm, n_terms. With no eligible
    term, or fewer than two articles with counted words, the statistics are NaN and n_terms is 0.
    With more than ``max_articles`` articles the test runs on a random sample of that many
    (``MAX_RESAMPLED_ARTICLES``); n_articles and of_articles say how many it used of how many.
    """
    tokens, n_used, n_all = _sample_articles(tokens, max_articles, seed, kinds)
    sm = _sentence_matrix(tokens, unit, stopwords, kinds)
    sent_article, articles = sm.sent_article, sm.articles
    eligible = sm.term_totals() >= min_count
    fixed_prior = None if prior == "pooled" else _prior(sm.prior_frame(), prior)
    if not eligible.any() or len(articles) < 2:  # no term used min_count times, or one article has words: nothing to test
        return pd.DataFrame([{"observed_max_abs_z": np.nan, "null_q95": np.nan, "null_q99": np.nan, "p_value": np.nan,
                              "n_perm": n_perm, "n_terms": 0, "n_articles": n_used, "of_articles": n_all}])
    observed = float(np.abs(_z_all(sm.by_article(), fixed_prior, scale)[:, eligible]).max())
    rng = np.random.default_rng(seed)
    null = np.empty(n_perm)
    nz_rows, nz_cols, vals = sm.rows, sm.cols, sm.vals  # each sentence's nonzero counts (_resampled_counts)
    n_art, n_terms = len(articles), len(sm.terms)
    for start, stop in _batched(n_perm, _batch_size(len(vals), n_art * n_terms)):
        labels = np.stack([rng.permutation(sent_article) for _ in range(start, stop)])
        counts = _resampled_counts(labels[:, nz_rows], np.broadcast_to(vals, (stop - start, len(vals))), nz_cols,
                                   n_art, n_terms)
        z = _z_all(counts, fixed_prior, scale)
        null[start:stop] = np.abs(z[..., eligible]).max(axis=(1, 2))
    return pd.DataFrame([{
        "observed_max_abs_z": observed, "null_q95": float(np.quantile(null, 0.95)),
        "null_q99": float(np.quantile(null, 0.99)), "p_value": float((1 + (null >= observed).sum()) / (1 + n_perm)),
        "n_perm": n_perm, "n_terms": int(eligible.sum()), "n_articles": n_used, "of_articles": n_all,
    }])


# ---------------------------------------------------------------------------------------------
# Terms in use: keyword in context and dispersion


def kwic(corpus, term: str | list[str], unit: str = "norm", width: int = 45, kinds=None) -> pd.DataFrame:
    """Every occurrence of ``term`` (one word, or several separated by spaces; or a list of such
    terms) in context.

    Matches the token column ``unit`` (norm: lower-cased word; stem: Snowball stem), so
    ``kwic(c, "accus", unit="stem")`` finds accused, accusing and accusations. Columns:
    article_id, sentence, start, end (offsets of the match in the article), left, match, right,
    term.
    """
    wanted = [term] if isinstance(term, str) else list(term)
    parts = {t: t.lower().split() for t in wanted}
    w = corpus.tokens[corpus.tokens["is_word"]]
    if kinds is not None:
        w = w[w["kind"].isin(kinds)]
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    aids, sids, vals = w["article_id"].tolist(), w["sentence"].tolist(), w[unit].tolist()
    starts, ends = w["start"].tolist(), w["end"].tolist()
    at = {}  # word -> its positions, so each term only visits the places where its first word occurs
    for i, v in enumerate(vals):
        at.setdefault(v, []).append(i)
    rows = []
    for t in wanted:
        p = parts[t]
        for i in at.get(p[0], []) if p else []:
            j = i + len(p) - 1  # the last word of the match, which must be in the same sentence
            if j < len(vals) and vals[i : j + 1] == p and (aids[j], sids[j]) == (aids[i], sids[i]):
                aid, s, e = aids[i], starts[i], ends[j]
                text = texts[aid]
                left = " ".join(text[max(0, s - width) : s].split())
                right = " ".join(text[e : e + width].split())
                rows.append((aid, sids[i], s, e, left, text[s:e], right, t))
    out = pd.DataFrame(rows, columns=["article_id", "sentence", "start", "end", "left", "match", "right", "term"])
    order = {t: i for i, t in enumerate(wanted)}
    return out.assign(_o=out["term"].map(order)).sort_values(["_o", "article_id", "start"], kind="stable").drop(
        columns="_o").reset_index(drop=True)


def dispersion(corpus, terms_: list[str], unit: str = "norm", kinds=None) -> pd.DataFrame:
    """Where each term occurs: article_id, term, start, position (0..1 of the article's sentence
    text, :meth:`analysis.corpus.Corpus.position`)."""
    out = kwic(corpus, terms_, unit=unit, kinds=kinds)
    out["position"] = corpus.position(out["article_id"], out["start"])
    return out[["article_id", "term", "start", "position"]]


def count_texts(texts, groups, stopwords: bool = True) -> pd.DataFrame:
    """Group x term count matrix straight from raw texts, for corpora too big for the token table.

    Uses :func:`analysis.nlp.word_norms` (the corpus pipeline's word tokens in one regex pass)
    and plain counters; feed the result to :func:`distinctive`. Groups are rows in order of
    first appearance, terms are columns sorted.
    """
    from collections import Counter

    counters: dict[str, Counter] = {}
    stops = nlp.stopwords()
    for text, group in zip(texts, groups, strict=True):
        toks = nlp.word_norms(text)
        if not stopwords:
            toks = [t for t in toks if t not in stops]
        counters.setdefault(group, Counter()).update(toks)
    vocab = sorted(set().union(*counters.values())) if counters else []
    index = {t: i for i, t in enumerate(vocab)}
    m = np.zeros((len(counters), len(vocab)), dtype=np.int64)
    for r, c in enumerate(counters.values()):
        m[r, [index[t] for t in c]] = list(c.values())
    return pd.DataFrame(m, index=pd.Index(list(counters), name="article_id"), columns=pd.Index(vocab, name="term"))
