"""Group against group: counts summed per group, quoting per group, measures per group."""

import shutil

import pandas as pd
import pytest
from conftest import SEEDS

from analysis import CorpusError, findings, framing, groups, load_corpus, quotes, terms
from analysis.__main__ import main

STORY = SEEDS.parent / "tests" / "fixtures" / "story"


@pytest.fixture
def grouped(tmp_path):
    """The story fixture and the seeds in one folder, grouped: the seeds' two articles against the story's three."""
    for f in [*STORY.glob("*.txt"), *STORY.glob("*.md"), *SEEDS.glob("*.txt")]:
        shutil.copyfile(f, tmp_path / f.name)
    rows = ["article_id,group"] + [f"{f.stem},{'seed' if f.parent == SEEDS else 'story'}"
                                   for f in [*STORY.glob("*.txt"), *STORY.glob("*.md"), *SEEDS.glob("*.txt")]]
    (tmp_path / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path, load_corpus(tmp_path)


def test_group_terms_are_the_tests_on_counts_summed_per_group(grouped):
    _, corpus = grouped
    got = groups.group_terms(corpus, top=5)
    table = terms.count_table(corpus.tokens)
    g = corpus.articles.set_index("article_id")["group"]
    summed = table.groupby(g[table.index].to_numpy()).sum()
    story = got[got["group"] == "story"]
    top_term = story["term"].iloc[0]
    assert story["count"].iloc[0] == summed.at["story", top_term]
    assert story["count_rest"].iloc[0] == summed.at["seed", top_term]
    assert set(got["n_articles"]) == {2, 3} and got.groupby("group").size().tolist() == [5, 5]
    assert (story["z"].diff().dropna() <= 0).all()  # most distinctive first


def test_group_quotes_count_each_groups_body_attributions(grouped):
    _, corpus = grouped
    atts = quotes.extract(corpus)
    q = groups.group_quotes(corpus, atts).set_index("group")
    body = quotes.body_attributions(corpus, atts)
    body = body[body["kind"].isin(groups.KINDS)]
    seeds = body[body["doc_id"].isin([f.stem for f in SEEDS.glob("*.txt")])]
    assert q.at["seed", "attributions"] == len(seeds) > 10
    assert q.at["seed", "direct"] == pytest.approx((seeds["kind"] == "direct").mean())
    assert q.loc["seed", list(groups.KINDS)].sum() == pytest.approx(1)


def test_group_measures_average_the_articles_of_each_group(grouped):
    _, corpus = grouped
    atts = quotes.extract(corpus)
    long = framing.all_measures(corpus, atts, framing.actors_from_speakers(atts))
    m = groups.group_measures(corpus, long)
    fr = m[(m["measure"] == "frame_rate") & (m["group"] == "story")].set_index("item")
    rates = long[(long["measure"] == "frame_rate")]
    story_ids = corpus.articles.loc[corpus.articles["group"] == "story", "article_id"]
    item = fr.index[0]
    want = pd.to_numeric(rates[(rates["group"] == item) & rates["article_id"].isin(story_ids)]["value"])
    assert fr.at[item, "mean"] == pytest.approx(want.mean()) and fr.at[item, "n_articles"] == len(want) == 3


def test_without_groups_the_command_says_what_is_missing(capsys):
    with pytest.raises(CorpusError, match="group"):
        groups.groups_of(load_corpus(STORY))
    assert main(["groups", str(STORY)]) == 2
    assert "needs a 'group' column" in capsys.readouterr().err


def test_cli_groups(grouped, capsys):
    folder, _ = grouped
    assert main(["groups", str(folder), "--what", "quotes"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("group,n_articles,body_words,attributions") and len(out) == 3


def test_without_groups_each_article_is_its_own_group():
    corpus = load_corpus(STORY)
    by, from_metadata = groups.article_groups(corpus)
    assert not from_metadata
    assert by.to_dict() == corpus.labels()
    q = groups.group_quotes(corpus, quotes.extract(corpus), by=by)
    assert list(q["group"]) == list(corpus.labels().values()) and set(q["n_articles"]) == {1}


def test_group_findings_name_the_groups_the_tables_single_out(grouped):
    _, corpus = grouped
    by, from_metadata = groups.article_groups(corpus)
    assert from_metadata and set(by) == {"seed", "story"}
    q = groups.group_quotes(corpus, quotes.extract(corpus), by=by)
    words = groups.group_terms(corpus, top=10, by=by)
    found = findings.group_findings(q, words)
    quoting = found[found["finding"] == "group_quoting"].iloc[0]
    most = q.loc[q["per_1000"].idxmax()]
    assert quoting["statement"].startswith(f"{most['group']} attributes most densely ({most['per_1000']:.1f} attributions")
    story = found[(found["finding"] == "group_terms") & (found["article_id"] == "story")].iloc[0]
    over = words[(words["group"] == "story") & (words["z"] > 1.96)]["term"].head(5).tolist()
    assert over and all(w in story["statement"] for w in over)
