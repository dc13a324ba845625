"""Tiny and unusual corpora: every helper returns its documented columns instead of failing.

A reader trying the toolkit on two short articles of their own, with no quotation and no word
used twice, must get empty tables and figures that say why, not a pandas traceback. The
columns are compared with those the same helper returns on the seeds, so an empty result is
held to the same contract as a full one.
"""

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from conftest import SEEDS

from analysis import CorpusError, framing, hygiene, load_corpus, plots, quotes, terms

MEASURES = {
    "actor_mentions": lambda c, a, act: framing.actor_mentions(c, act),
    "voice_share": lambda c, a, act: framing.voice_share(c, a, act),
    "cue_stance": lambda c, a, act: framing.cue_stance(a, act, c),
    "headline_lede": lambda c, a, act: framing.headline_lede(c, a, act),
    "first_position": lambda c, a, act: framing.first_position(c, a, act),
    "cumulative_voice": lambda c, a, act: framing.cumulative_voice(c, a, act),
    "frame_hits": lambda c, a, act: framing.frame_hits(c),
    "frame_rate": lambda c, a, act: framing.frame_rate(c),
    "label_count": lambda c, a, act: framing.label_count(c),
    "hedge_rate": lambda c, a, act: framing.hedge_rate(c, a),
    "tone": lambda c, a, act: framing.tone(c, a, act),
    "artifact_count": lambda c, a, act: framing.artifact_count(c),
    "all_measures": lambda c, a, act: framing.all_measures(c, a, act),
    "voices": lambda c, a, act: quotes.voices(a, c),
    "kind_shares": lambda c, a, act: quotes.kind_shares(a),
    "cue_use": lambda c, a, act: quotes.cue_use(a),
    "unquoted": lambda c, a, act: quotes.unquoted(c, a),
    "hygiene_report": lambda c, a, act: hygiene.report(c),
    "distinctive": lambda c, a, act: terms.distinctive(terms.count_table(c.tokens)),
    "against_background": lambda c, a, act: terms.against_background(terms.count_table(c.tokens)),
    "kwic": lambda c, a, act: terms.kwic(c, "river"),
    "bootstrap_stability": lambda c, a, act: terms.bootstrap_stability(c.tokens, n_boot=20),
}


@pytest.fixture(scope="module")
def seeds_full():
    c = load_corpus(SEEDS)
    return c, quotes.extract(c), framing.load_actors(SEEDS / "actors.csv")


@pytest.fixture(scope="module")
def no_quotes(tmp_path_factory):
    d = tmp_path_factory.mktemp("noquotes")
    (d / "x.txt").write_text("The river rose. Farmers moved their cattle to higher ground.\n", encoding="utf-8")
    (d / "y.txt").write_text("Rain fell for days. The bridge closed on Tuesday.\n", encoding="utf-8")
    c = load_corpus(d)
    atts = quotes.extract(c)
    assert atts.empty  # the premise: nobody is quoted
    return c, atts, framing.actors_from_speakers(atts)


@pytest.mark.parametrize("name", sorted(MEASURES))
def test_empty_selection_keeps_the_columns(name, seeds_full):
    c, a, act = seeds_full
    expected = list(MEASURES[name](c, a, act).columns)
    got = MEASURES[name](c.select([]), a.iloc[:0], act)
    assert got.empty and list(got.columns) == expected


@pytest.mark.parametrize("name", sorted(MEASURES))
def test_articles_without_quotes_keep_the_columns(name, seeds_full, no_quotes):
    expected = list(MEASURES[name](*seeds_full).columns)
    got = MEASURES[name](*no_quotes)
    assert list(got.columns) == expected


def test_no_quotes_gives_measured_zeros_not_missing_rows(no_quotes):
    c, a, act = no_quotes
    rates = framing.frame_rate(c)
    assert len(rates) == 2 * rates["frame"].nunique() and (rates["hits"] == 0).all()  # every frame, counted as 0
    tone = framing.tone(c, a, act)
    assert set(tone["voice"]) == {"narrator"} and (tone["n"] == 2).all()  # all body text is the narrator's


def test_permutation_with_no_repeated_word_says_there_is_nothing_to_test(no_quotes):
    p = terms.permutation_null(no_quotes[0].tokens, n_perm=50).iloc[0]
    assert p["n_terms"] == 0 and np.isnan(p["p_value"]) and np.isnan(p["observed_max_abs_z"])
    assert terms.bootstrap_stability(no_quotes[0].tokens, n_boot=10).empty  # no eligible term, no made-up ranks


def test_selections_with_an_empty_list_are_row_filters(seeds_full):
    # pandas reads df[[]] as "no columns"; these helpers must read it as "no rows".
    c, a, _ = seeds_full
    assert list(framing.body_attributions(c.select([]), a.iloc[:0]).columns) == list(a.columns)
    assert list(quotes.in_sentences(a.iloc[:0], c.sentences, []).index) == [] and quotes.in_sentences(
        a.iloc[:0], c.sentences, []).dtype == bool
    assert c.select([]).drop_sentences([]).sentences.columns.tolist() == c.sentences.columns.tolist()


def test_figures_say_why_they_are_empty(no_quotes):
    c, a, act = no_quotes
    labels = c.labels()
    d = terms.distinctive(terms.count_table(c.tokens))
    first = next(iter(labels))
    pair = {first: labels[first], "rest": "the other"}
    dist = d[d["article_id"] == first]
    eligible = dist[(dist["count"] + dist["count_rest"]) >= 2]
    plots.setup()
    figures = {
        "No term is used twice": plots.diverging_bars(eligible, pair, {"permutation": float("nan")}),
        "No attributed speech": plots.first_voice(quotes.voices(a, c), labels),
        "No attributed speech found": plots.cumulative_voice(framing.cumulative_voice(c, a, act), labels),
        "No frame keyword": plots.frame_bars(framing.frame_rate(c), labels),
        "No terms to place": plots.dispersion(terms.dispersion(c, []), [], labels),
    }
    for why, fig in figures.items():
        assert any(why in t.get_text() for ax in fig.axes for t in ax.texts), why
        fig.savefig(io.BytesIO(), format="png")  # and it renders
        plt.close(fig)
    fig = plots.funnel(dist, pair, {"one test": 1.96, "permutation": float("nan")})  # NaN line left out
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["one test"]
    plt.close(fig)


# Articles with nothing to count in their body: headings only, symbols only, stopwords only,
# markup only. The helpers handle them (NaN where a rate has no words to divide by, no row
# where there is nothing to compare) without an exception or a warning.
NO_CONTENT = {
    "headings.md": "# Budget day\n\n## What happened\n",
    "emoji.txt": "😀 😀 😀\n",
    "guillemet.txt": "«\n",
    "stopwords.txt": "It is what it is.\n",
    "markup.txt": "<div><p>It is.</p></div>\n",
    "normal.txt": "The council approved the budget on Monday, the mayor said.\n",
}


@pytest.fixture(scope="module")
def no_content(tmp_path_factory):
    d = tmp_path_factory.mktemp("nocontent")
    for name, text in NO_CONTENT.items():
        (d / name).write_text(text, encoding="utf-8")
    c = load_corpus(d)
    atts = quotes.extract(c)
    return c, atts, framing.actors_from_speakers(atts)


@pytest.mark.parametrize("name", sorted(MEASURES))
def test_articles_without_body_words_keep_the_columns_and_raise_no_warning(name, seeds_full, no_content):
    import warnings

    expected = list(MEASURES[name](*seeds_full).columns)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = MEASURES[name](*no_content)
    assert list(got.columns) == expected
    num = got.select_dtypes("number")
    assert not np.isinf(num.to_numpy(dtype=float)).any()  # undefined is NaN, never -inf


def test_rates_over_no_body_words_are_undefined_not_zero(no_content):
    c = no_content[0]
    rates = framing.frame_rate(c).groupby("article_id")["per_1000"].first()
    assert np.isnan(rates["headings"]) and np.isnan(rates["emoji"]) and rates["normal"] == 0
    d = terms.distinctive(terms.count_table(c.tokens))  # stopword-free: only some articles have words
    assert set(d["article_id"]) <= {"markup", "normal"} and np.isfinite(d["z"]).all()
    assert terms.vocabulary_overlap(c.tokens).query("article_a == 'emoji'")["share_of_a"].isna().all()


def test_an_article_of_markup_tags_only_is_refused_by_name(tmp_path):
    from analysis.run import run_all

    (tmp_path / "x.txt").write_text('<div class="story"><p></p><tweet id="1"/></div>\n', encoding="utf-8")
    (tmp_path / "y.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"x\.txt: has no body text to analyse .*markup tags"):
        run_all(articles=tmp_path, out=tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_two_articles_with_only_a_guillemet_are_refused_by_name(tmp_path):
    from analysis.run import run_all

    for n in ("x", "y"):
        (tmp_path / f"{n}.txt").write_text("«\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"x\.txt: has no body text to analyse"):
        run_all(articles=tmp_path, out=tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_cli_tables_on_articles_without_content_words(tmp_path, capsys):
    from analysis.__main__ import main

    for name in ("stopwords.txt", "headings.md", "normal.txt"):
        (tmp_path / name).write_text(NO_CONTENT[name], encoding="utf-8")
    assert main(["frames", str(tmp_path)]) == 0
    assert main(["terms", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "-inf" not in out and "Traceback" not in err
    assert "note: stopwords: no body words other than stopwords" in err
    assert "note: headings: no body words" in err
