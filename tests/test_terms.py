"""Term statistics: hand-computed cases, properties, and real behaviour on the seeds."""

import math

import numpy as np
import pandas as pd
import pytest
from conftest import LONG, SHORT

from analysis import load_corpus, nlp, terms


def test_g2_matches_a_hand_computed_2x2_table():
    # 10 of 1,000 words vs 5 of 1,000: expected 7.5 each, 992.5 for the rest.
    by_hand = 2 * (10 * math.log(10 / 7.5) + 5 * math.log(5 / 7.5) + 990 * math.log(990 / 992.5)
                   + 995 * math.log(995 / 992.5))
    assert terms.g2_signed(10, 5, 1000, 1000) == pytest.approx(by_hand)
    assert terms.g2_signed(5, 10, 1000, 1000) == pytest.approx(-by_hand)
    assert by_hand == pytest.approx(1.7116, abs=1e-4)


def test_log_odds_matches_a_hand_computed_case():
    # y_i = [3, 1], y_j = [1, 3], flat prior, scale 1: alpha = 2 per term and group, alpha_0 = 4.
    delta, z = terms.log_odds_z([3, 1], [1, 3], [0.5, 0.5], scale=1.0)
    assert delta[0] == pytest.approx(math.log((5 / 3) / (3 / 5)))  # 2 ln(5/3)
    assert z[0] == pytest.approx(2 * math.log(5 / 3) / math.sqrt(1 / 5 + 1 / 3 + 1 / 3 + 1 / 5))
    assert z[1] == pytest.approx(-z[0])


def test_prior_is_scaled_to_each_group_size():
    # Same relative frequency (1%) in groups of 100 and 10,000 words: no difference, z = 0.
    _, z = terms.log_odds_z([1, 99], [100, 9900], [0.01, 0.99], scale=1.0)
    assert z == pytest.approx([0, 0], abs=1e-12)


def test_signs_follow_relative_frequency_and_swap_symmetrically():
    rng = np.random.default_rng(1)
    y_i, y_j = rng.integers(0, 20, 50), rng.integers(0, 20, 50) * 3
    prior = (y_i + y_j + 1) / (y_i + y_j + 1).sum()
    _, z = terms.log_odds_z(y_i, y_j, prior)
    _, z_swapped = terms.log_odds_z(y_j, y_i, prior)
    assert np.allclose(z, -z_swapped)
    g2 = terms.g2_signed(y_i, y_j, y_i.sum(), y_j.sum())
    rel = y_i / y_i.sum() - y_j / y_j.sum()
    assert (np.sign(g2[rel != 0]) == np.sign(rel[rel != 0])).all()
    assert np.allclose(terms.g2_signed(y_j, y_i, y_j.sum(), y_i.sum()), -g2)


def test_p_values_and_bh():
    assert terms.p_from_z(np.array([1.959964]))[0] == pytest.approx(0.05, abs=1e-6)
    assert terms.p_from_g2(np.array([3.841459]))[0] == pytest.approx(0.05, abs=1e-6)
    q = terms.bh_qvalues(np.array([0.01, 0.04, 0.03, 0.005]))
    assert q == pytest.approx([0.02, 0.04, 0.04, 0.02])


def test_log_ratio():
    assert terms.log_ratio(4, 2, 100, 100) == pytest.approx(1.0)
    assert terms.log_ratio(1, 0, 100, 100) == pytest.approx(1.0)  # zero smoothed to 0.5


def test_mattr_is_length_fair():
    seq = ["a", "b", "c", "d"] * 50
    assert terms.mattr(seq, window=4) == pytest.approx(1.0)
    assert terms.mattr(seq[:3], window=50) == pytest.approx(1.0)
    assert math.isnan(terms.mattr([], 50))


def test_nothing_is_significant_between_the_seeds(seeds):
    table = terms.count_table(seeds.tokens)
    for prior in ("pooled", "background"):
        s = terms.significance_summary(terms.distinctive(table, prior=prior))
        assert s["terms_abs_z_over_1.96"] == 0 and s["smallest_q_g2"] > 0.05
        assert 1.0 < s["largest_abs_z"] < 1.96
    perm = terms.permutation_null(seeds.tokens, n_perm=300, seed=0).iloc[0]
    assert perm["p_value"] > 0.05 and perm["null_q95"] > perm["observed_max_abs_z"]


def test_topic_words_beat_general_english(seeds):
    bg = terms.against_background(terms.count_table(seeds.tokens))
    for aid in (SHORT, LONG):
        top = bg[bg.article_id == aid].head(5)
        assert {"anthropic", "ai", "claude"} <= set(top["term"])
        assert (top["q_g2"] < 1e-6).all() and (top["log_ratio"] > 5).all()
    assert not bg["term"].str.fullmatch(r"[\d,.]+").any()


def test_distinctive_columns_and_counts(seeds):
    n = terms.words(seeds.tokens).groupby("article_id").size()
    d = terms.distinctive(terms.count_table(seeds.tokens), n_words=n)
    assert list(d.columns) == terms.DISTINCTIVE_COLUMNS
    row = d[(d.article_id == LONG) & (d.term == "industry")].iloc[0]
    assert (row["count"], row["count_rest"]) == (5, 0)
    assert row["per_1000"] == pytest.approx(5 / n[LONG] * 1000)
    assert d[d.article_id == SHORT]["z"].is_monotonic_decreasing


def test_one_against_the_rest_with_three_articles(tmp_path):
    for name, text in {"a": "Cats purr. Cats nap.", "b": "Dogs bark. Dogs run.", "c": "Cats and dogs meet."}.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    c = load_corpus(tmp_path)
    d = terms.distinctive(terms.count_table(c.tokens))
    cats = d[(d.article_id == "a") & (d.term == "cats")].iloc[0]
    assert (cats["count"], cats["count_rest"]) == (2, 1)
    a = d[d.article_id == "a"].set_index("term")["z"]
    assert a["cats"] > 0 > a["dogs"]


def test_permutation_detects_a_real_difference(tmp_path):
    (tmp_path / "a.txt").write_text(" ".join(["The alpha rose."] * 20), encoding="utf-8")
    (tmp_path / "b.txt").write_text(" ".join(["The beta fell."] * 20), encoding="utf-8")
    c = load_corpus(tmp_path)
    perm = terms.permutation_null(c.tokens, n_perm=200, seed=0).iloc[0]
    assert perm["p_value"] < 0.01
    stab = terms.bootstrap_stability(c.tokens, k=2, n_boot=50, seed=0)
    assert set(stab.loc[stab.article_id == "a", "term"]) == {"alpha", "rose"}
    assert (stab["top_k_share"] == 1.0).all()


def test_bootstrap_is_seeded_and_bounded(seeds):
    a = terms.bootstrap_stability(seeds.tokens, k=5, n_boot=40, seed=3)
    b = terms.bootstrap_stability(seeds.tokens, k=5, n_boot=40, seed=3)
    pd.testing.assert_frame_equal(a, b)
    assert a["top_k_share"].between(0, 1).all() and len(a) == 10


def test_sentence_counts_are_the_crosstab_as_nonzero_cells(seeds):
    # The sparse sentence x term counts hold exactly the dense crosstab's nonzero cells, in its order.
    sm = terms._sentence_matrix(seeds.tokens, "stem", True, terms.BODY_KINDS)
    w = terms.words(seeds.tokens, kinds=terms.BODY_KINDS, stopwords=True)
    dense = pd.crosstab([w["article_id"], w["sentence"]], w["stem"])
    assert sm.terms == list(dense.columns)
    rows, cols = np.nonzero(dense.to_numpy())
    assert (sm.rows == rows).all() and (sm.cols == cols).all()
    assert (sm.vals == dense.to_numpy()[rows, cols]).all()
    assert [sm.articles[i] for i in sm.sent_article] == list(dense.index.get_level_values(0))
    assert (sm.by_article() == dense.groupby(level=0).sum().loc[sm.articles].to_numpy()).all()


def _dense(sm):
    m = np.zeros((len(sm.sent_article), len(sm.terms)))
    m[sm.rows, sm.cols] = sm.vals
    return m, sm.sent_article, sm.articles, sm.terms


@pytest.mark.parametrize("batch_cells", [terms.BATCH_CELLS, 3000])
def test_batched_resampling_equals_one_resample_at_a_time(seeds, monkeypatch, batch_cells):
    # Reference: the textbook loop, one permutation and one bootstrap resample per iteration,
    # drawing from the same generator in the same order. 250 and 130 cross the batch size (100);
    # with few cells per batch (as on a 5 MB article) the batches hold one resample each.
    monkeypatch.setattr(terms, "BATCH_CELLS", batch_cells)
    m, sent_article, articles, _ = _dense(terms._sentence_matrix(seeds.tokens, "norm", False, terms.BODY_KINDS))
    eligible = m.sum(axis=0) >= 2
    eye = np.eye(len(articles))

    def max_abs_z(labels):
        counts = eye[labels].T @ m
        rest = counts.sum(axis=0) - counts
        _, z = terms.log_odds_z(counts, rest, counts.sum(axis=0) / counts.sum())
        return np.abs(np.nan_to_num(z, nan=0)[:, eligible]).max()

    rng = np.random.default_rng(5)
    null = np.array([max_abs_z(rng.permutation(sent_article)) for _ in range(250)])
    perm = terms.permutation_null(seeds.tokens, n_perm=250, seed=5).iloc[0]
    assert perm["null_q95"] == pytest.approx(np.quantile(null, 0.95), abs=1e-12)
    assert perm["p_value"] == pytest.approx((1 + (null >= perm["observed_max_abs_z"]).sum()) / 251)

    k, n_boot = 5, 130
    stab = terms.bootstrap_stability(seeds.tokens, k=k, n_boot=n_boot, seed=9)
    rng = np.random.default_rng(9)
    idx = [np.flatnonzero(sent_article == a) for a in range(len(articles))]
    hits = {a: {} for a in articles}
    for _ in range(n_boot):
        w = np.stack([np.bincount(rng.choice(i, size=len(i)), minlength=len(sent_article)) for i in idx])
        counts = w @ m
        _, z = terms.log_odds_z(counts, counts.sum(axis=0) - counts, counts.sum(axis=0) / counts.sum())
        z = np.nan_to_num(z, nan=-np.inf)
        z[:, ~eligible] = -np.inf
        for a, aid in enumerate(articles):
            for t in np.argsort(-z[a], kind="stable")[:k]:
                hits[aid][t] = hits[aid].get(t, 0) + 1
    terms_ = terms._sentence_matrix(seeds.tokens, "norm", False, terms.BODY_KINDS).terms
    for aid, term, share in stab[["article_id", "term", "top_k_share"]].itertuples(index=False):
        assert share == pytest.approx(hits[aid].get(terms_.index(term), 0) / n_boot)


def test_frequencies_stems_and_rates(seeds):
    f = terms.frequencies(seeds.tokens, unit="stem")
    accus = f[(f.article_id == SHORT) & (f.term == "accus")].iloc[0]
    assert accus["count"] == 4  # accused x2 + accusing x2
    assert accus["per_1000"] == pytest.approx(4 / accus["n_words"] * 1000)
    assert accus["label"] == "accusations"  # the most frequent spelling across the corpus
    raw = terms.frequencies(seeds.tokens, stopwords=True)
    assert set(raw.groupby("article_id").head(1)["term"]) <= nlp.stopwords()  # with stopwords kept, one leads
    assert not set(terms.frequencies(seeds.tokens)["term"]) & nlp.stopwords()


def test_ngrams_and_collocations(seeds):
    bi = terms.frequencies(seeds.tokens, n=2)
    assert "export controls" in set(bi[bi.article_id == LONG]["term"])
    assert not bi["term"].str.match(r"(the|of|and) ").any()
    col = terms.collocations(seeds.tokens, min_freq=2)
    assert "export controls" in set(col[col.article_id == SHORT]["collocation"])
    assert (col["count"] >= 2).all()


def test_kwic_offsets_and_stems(seeds):
    k = terms.kwic(seeds, "accus", unit="stem")
    assert len(k) == 9  # 4 in the short piece; 5 in the feature, one of them in a heading
    assert len(terms.kwic(seeds, "accus", unit="stem", kinds=["body"])) == 8
    for aid, s, e, m in k[["article_id", "start", "end", "match"]].itertuples(index=False):
        assert seeds.text(aid)[s:e] == m
    two = terms.kwic(seeds, "export controls")
    assert set(two["match"]) == {"export controls"} and len(two) == 4
    several = terms.kwic(seeds, ["export controls", "anthropic"])
    assert list(dict.fromkeys(several["term"])) == ["export controls", "anthropic"]  # in the order asked


def test_kwic_does_not_match_across_sentences(tmp_path):
    (tmp_path / "a.txt").write_text("They met the export. Controls came later. Export controls stayed.", encoding="utf-8")
    k = terms.kwic(load_corpus(tmp_path), "export controls")
    assert k["match"].tolist() == ["Export controls"]


def test_dispersion_positions(seeds):
    d = terms.dispersion(seeds, ["anthropic"])
    assert d["position"].between(0, 1).all() and len(d) == 8 + 15 + 1  # +1: the feature's headline


def test_fast_tokens_equal_the_pipeline_on_the_seeds(seeds):
    for aid in (SHORT, LONG):
        ref = seeds.tokens[(seeds.tokens.article_id == aid) & seeds.tokens.is_word]["norm"].tolist()
        assert nlp.word_norms(seeds.text(aid)) == ref


def test_count_texts_equals_count_table_on_an_all_body_article(seeds):
    fast = terms.count_texts([seeds.text(SHORT)], [SHORT])
    slow = terms.count_table(seeds.tokens[seeds.tokens.article_id == SHORT], stopwords=True)
    pd.testing.assert_frame_equal(fast, slow, check_names=False, check_dtype=False)


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """24 short articles cut from the seeds' body sentences (more than MAX_RESAMPLED_ARTICLES)."""
    seeds = load_corpus()
    sents = seeds.sentences[seeds.sentences["kind"] == "body"]["text"].tolist()
    folder = tmp_path_factory.mktemp("many")
    for k in range(24):
        (folder / f"a{k:02d}.txt").write_text("\n\n".join(sents[k::24]) + "\n", encoding="utf-8")
    return load_corpus(folder)


def test_counts_and_tests_without_the_long_table_equal_the_full_ones(many):
    """count_table equals pandas' crosstab; distinctive(top=k) equals the full table's first k rows per
    article; distinctive_summary equals significance_summary of the full table."""
    w = terms.words(many.tokens, stopwords=False)
    ref = pd.crosstab(w["article_id"], w["norm"]).rename_axis(index="article_id", columns="term")
    table = terms.count_table(many.tokens)
    pd.testing.assert_frame_equal(table, ref.reindex(index=table.index))
    full = terms.distinctive(table)
    assert len(full) == len(table) * table.shape[1]  # every term of the corpus, for every article
    top = terms.distinctive(table, top=5)
    pd.testing.assert_frame_equal(top, full.groupby("article_id", sort=False).head(5).reset_index(drop=True))
    summary = terms.distinctive_summary(table)
    assert summary == terms.significance_summary(full)
    # over-use counts a term once when some article uses it more than the rest; a term an article
    # merely lacks does not count
    over = full[full["count"] > 0].groupby("term")["z"].max()
    assert summary["terms_z_over_1.96"] == int((over > 1.96).sum()) <= summary["terms_abs_z_over_1.96"]


def test_resampling_checks_use_a_stated_sample_of_articles_beyond_the_limit(many):
    perm = terms.permutation_null(many.tokens, n_perm=50, seed=0).iloc[0]
    assert (perm["n_articles"], perm["of_articles"]) == (terms.MAX_RESAMPLED_ARTICLES, 24)
    again = terms.permutation_null(many.tokens, n_perm=50, seed=0).iloc[0]
    assert perm.equals(again)  # the same sample and the same permutations
    everything = terms.permutation_null(many.tokens, n_perm=50, seed=0, max_articles=None).iloc[0]
    assert (everything["n_articles"], everything["of_articles"]) == (24, 24)
    stab = terms.bootstrap_stability(many.tokens, k=3, n_boot=20, seed=0)
    assert stab["article_id"].nunique() == terms.MAX_RESAMPLED_ARTICLES
    assert set(stab["n_articles"]) == {terms.MAX_RESAMPLED_ARTICLES} and set(stab["of_articles"]) == {24}


def test_erfc_by_distinct_value_equals_math_erfc():
    x = np.array([[0.0, 0.5, 3.0], [0.5, 40.0, 0.0]])
    assert terms._erfc(x).tolist() == [[math.erfc(v) for v in r] for r in x.tolist()]
    assert terms._erfc(np.array([])).shape == (0,)


def test_collocations_of_a_text_that_repeats_one_word(tmp_path):
    # NLTK's likelihood ratio takes the log of a negative cell here ("said said …"): that n-gram is left out
    (tmp_path / "a.txt").write_text("Title\n\n" + "said " * 50 + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\n\nThe pier council met. The pier council voted.\n", encoding="utf-8")
    col = terms.collocations(load_corpus(tmp_path).tokens, min_freq=2, top=8)
    assert list(col["collocation"]) == ["pier council"]
