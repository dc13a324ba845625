"""Readability: syllable rules, the two Flesch formulas and their intervals, on text counted by hand."""

import math

import pytest
from conftest import LONG, SHORT, corpus_of

from analysis import findings, load_corpus, readability


@pytest.mark.parametrize(("word", "n"), [
    ("the", 1), ("a", 1), ("system", 2), ("service", 2), ("people", 2), ("agree", 2), ("accused", 2),
    ("extracted", 3), ("claims", 1), ("boxes", 2), ("distillation", 4), ("Anthropic", 3), ("DeepSeek", 2),
    ("likely", 2), ("completely", 3), ("hopeful", 2), ("awareness", 3), ("lonely", 2),
    ("24,000", 0), ("", 0), ("Zürich", 2), ("北京", 1),
])
def test_syllables(word, n):
    assert readability.syllables(word) == n


def test_formulas_on_counts_done_by_hand(tmp_path):
    # 2 sentences, 6 words, 6 syllables: grade 0.39*3 + 11.8*1 - 15.59 = -2.62, ease 206.835 - 3.045 - 84.6 = 119.19
    c = corpus_of(tmp_path, {"a.txt": "The cat sat. The dog ran.\n",
                             "b.txt": "Authorities deliberated extensively. Committees continued indefinitely.\n"})
    r = readability.readability(c).set_index("article_id")
    assert (r.at["a", "sentences"], r.at["a", "words"], r.at["a", "syllables"]) == (2, 6, 6)
    assert r.at["a", "grade"] == pytest.approx(-2.62)
    assert r.at["a", "reading_ease"] == pytest.approx(119.19)
    # 2 sentences, 6 words, au-thor-i-ties de-lib-er-at-ed ex-ten-sive-ly com-mit-tees con-tin-ued in-def-i-nite-ly
    assert r.at["b", "syllables"] == 4 + 5 + 4 + 3 + 3 + 5
    assert r.at["b", "grade"] == pytest.approx(0.39 * 3 + 11.8 * 24 / 6 - 15.59)
    assert r.at["a", "grade_low"] <= r.at["a", "grade"] <= r.at["a", "grade_high"]


def test_numerals_and_non_body_text_are_left_out(tmp_path):
    c = corpus_of(tmp_path, {"a.md": "# A headline of many long syllables\n\nThe vote was 5 to 2 in 2024.\n"})
    r = readability.readability(c).iloc[0]
    assert (r["sentences"], r["words"]) == (1, 5)  # The vote was to in
    assert math.isnan(r["grade_low"])  # one sentence: nothing to resample


def test_article_without_words_gets_nan(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": "The cat sat.\n", "b.txt": "2024 - 2025.\n"})
    r = readability.readability(c).set_index("article_id")
    assert r.at["b", "words"] == 0 and math.isnan(r.at["b", "grade"])
    assert len(findings.readability_findings(c, readability.readability(c))) == 1  # a single article left to report


def test_interval_does_not_depend_on_article_order(tmp_path):
    texts = {"a.txt": "The cat sat down. It was a good day for it. Then the dog came in and lay down.\n",
             "b.txt": "Deliberations continued. Negotiators reconvened subsequently.\n"}
    first = readability.readability(corpus_of(tmp_path, texts)).set_index("article_id")
    again = readability.readability(load_corpus([tmp_path / "b.txt", tmp_path / "a.txt"])).set_index("article_id")
    assert first.loc["a"].equals(again.loc["a"])


def test_difference_clear_only_when_the_interval_leaves_out_zero(tmp_path):
    easy = " ".join(["The cat sat on the mat."] * 6)
    hard = " ".join(["Institutional investors systematically reevaluated international diversification opportunities."] * 6)
    c = corpus_of(tmp_path, {"a.txt": easy + "\n", "b.txt": hard + "\n", "c.txt": easy + "\n"})
    d = readability.grade_difference(c, "b", "a")
    assert d["clear"] and d["low"] > 0
    same = readability.grade_difference(c, "a", "c")
    assert same["difference"] == 0 and not same["clear"]
    f = findings.readability_findings(c, readability.readability(c))
    assert f["statement"].iloc[0].startswith("Flesch-Kincaid grade (US school years; higher is harder): from a")
    assert "so by this formula b is harder to read" in f["statement"].iloc[0]


def test_seeds_long_feature_reads_harder(seeds):
    r = readability.readability(seeds).set_index("article_id")
    assert r.at[LONG, "grade"] > r.at[SHORT, "grade"]
    f = findings.readability_findings(seeds, readability.readability(seeds)).iloc[0]
    assert f["article_id"] == f"{LONG};{SHORT}"
    # the evidence is the longest body sentence of each article
    counts = readability.sentence_counts(seeds)
    longest = counts.loc[counts[counts["article_id"] == LONG]["words"].idxmax(), "sentence"]
    assert f'"sentence": {longest}' in f["evidence"]


def test_bootstrap_in_blocks_draws_what_one_draw_would(seeds, monkeypatch):
    # A long article's resamples are drawn a block at a time to bound memory; the grades must be
    # those of the textbook single draw of n_boot x n indices from the same generator.
    import numpy as np

    c = readability.sentence_counts(seeds)
    c = c[c["article_id"] == LONG]
    w, s = c["words"].to_numpy(), c["syllables"].to_numpy()
    n = len(w)
    idx = np.random.default_rng(3).integers(0, n, size=(2000, n))
    words, syls = w[idx].sum(axis=1), s[idx].sum(axis=1)
    expected = 0.39 * words / n + 11.8 * syls / words - 15.59
    monkeypatch.setattr(readability, "BOOT_BLOCK", 7 * n)  # blocks of 7 resamples, the last one short
    got = readability._boot_grades(w, s, np.random.default_rng(3), 2000)
    assert np.array_equal(got, expected)
