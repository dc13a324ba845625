"""Group against group: how outlet A covers a story compared with outlet B, over many articles.

The groups come from a ``group`` column in ``metadata.csv`` (an outlet, a date, a side; the
``group`` column of ``corpus.articles``). Articles without a group are left out. Every table is
linear in the corpus: counts are summed per group before any test, and per-article measures are
summarised per group.

- :func:`group_terms`: distinctive terms of each group against the other groups (the tests of
  :func:`analysis.terms.distinctive` on counts summed per group). Columns: group, n_articles,
  then those of ``distinctive`` with article_id renamed group.
- :func:`group_quotes`: how each group's articles quote: attributions per 1,000 body words and
  the share of each kind (direct, mixed, indirect) of its body attributions. Columns: group,
  n_articles, body_words, attributions, per_1000, direct, mixed, indirect (shares).
- :func:`article_groups`: the groups, or each article as its own group when there are none.
- :func:`group_measures`: every numeric per-article framing measure (the long table of
  :func:`analysis.framing.all_measures`) summarised per group: group, measure, item (the
  measure's own key, e.g. an actor or a frame), n_articles (articles with a value), mean, median.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .files import CorpusError

KINDS = ("direct", "mixed", "indirect")


def groups_of(corpus) -> pd.Series:
    """article_id -> group for the articles that have one; CorpusError when fewer than two groups."""
    g = corpus.articles.set_index("article_id")["group"]
    g = g[g != ""]
    if g.nunique() < 2:
        raise CorpusError("metadata.csv: a group comparison needs a 'group' column naming at least two groups "
                          f"(found {g.nunique()}): e.g. the outlet of each article")
    return g


def article_groups(corpus) -> tuple[pd.Series, bool]:
    """(article_id -> group, True) from metadata.csv's group column when it names at least two
    groups; else (article_id -> the article's label, False): each article is its own group, so the
    group tables run on any folder and say the same as the article-by-article notebooks."""
    try:
        return groups_of(corpus), True
    except CorpusError:
        return corpus.articles.set_index("article_id")["label"].rename("group"), False


def group_terms(corpus, top: int = 20, unit: str = "norm", prior: str = "pooled", by: pd.Series | None = None) -> pd.DataFrame:
    """Distinctive terms of each group against all the other groups (counts summed per group).
    ``by``: article_id -> group (:func:`article_groups`); the metadata's groups if None."""
    from . import terms

    g = groups_of(corpus) if by is None else by
    table = terms.count_table(corpus.tokens, unit=unit)
    table = table[table.index.isin(g.index)]
    order = list(dict.fromkeys(g[table.index]))
    summed = table.groupby(g[table.index].to_numpy(), sort=False).sum().reindex(order).rename_axis("article_id")
    words = terms.words(corpus.tokens)
    n_words = words[words["article_id"].isin(g.index)].groupby(words["article_id"].map(g)).size()
    out = terms.distinctive(summed, prior=prior, n_words=n_words, top=top).rename(columns={"article_id": "group"})
    out.insert(1, "n_articles", out["group"].map(g.value_counts()).astype(int))
    return out


def group_quotes(corpus, atts: pd.DataFrame, by: pd.Series | None = None) -> pd.DataFrame:
    """Per group: attributions in the body per 1,000 body words, and the share of each kind."""
    from . import quotes, terms

    g = groups_of(corpus) if by is None else by
    body = quotes.body_attributions(corpus, atts)
    body = body[body["kind"].isin(KINDS) & body["doc_id"].isin(g.index)]
    words = terms.body_word_counts(corpus).reindex(g.index).fillna(0).groupby(g).sum()
    kinds = body.groupby([body["doc_id"].map(g), "kind"]).size()
    sizes = g.value_counts()
    rows = []
    for name in dict.fromkeys(g):
        counts = [int(kinds.get((name, k), 0)) for k in KINDS]
        n, w = sum(counts), float(words[name])
        shares = [c / n if n else float("nan") for c in counts]
        rows.append((name, int(sizes[name]), int(w), n, 1000 * n / w if w else float("nan"), *shares))
    return pd.DataFrame(rows, columns=["group", "n_articles", "body_words", "attributions", "per_1000", *KINDS])


def group_measures(corpus, measures: pd.DataFrame, by: pd.Series | None = None) -> pd.DataFrame:
    """The numeric rows of a framing long table (article_id, measure, group, value) summarised per
    article group: mean and median over the group's articles that have the measure."""
    g = groups_of(corpus) if by is None else by
    m = measures.rename(columns={"group": "item"})
    m = m[m["article_id"].isin(g.index)]
    value = pd.to_numeric(m["value"], errors="coerce")
    m = m.assign(value=value, group=m["article_id"].map(g))[np.isfinite(value.to_numpy(dtype=float))]
    out = m.groupby(["group", "measure", "item"], sort=False)["value"].agg(n_articles="size", mean="mean", median="median")
    return out.reset_index()[["group", "measure", "item", "n_articles", "mean", "median"]]
