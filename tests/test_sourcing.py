"""Sourced versus narrated evaluation and right of reply, on sentences written to check them."""

import pandas as pd
import pytest
from conftest import FIXTURES, SEEDS

from analysis import findings, framing, load_corpus, quotes, sourcing

STORY = FIXTURES / "story"


def corpus_of(tmp_path, texts):
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    c = load_corpus(tmp_path)
    return c, quotes.extract(c)


def test_evaluation_is_split_by_voice(tmp_path):
    c, atts = corpus_of(tmp_path, {
        "a.txt": "Surprisingly, the council acted. \u201cThis is hypocrisy,\u201d said Jane Roe. The vote was 5 to 2.\n",
        "b.txt": "The council voted on Tuesday.\n",
    })
    hits = sourcing.evaluation_hits(c, atts)
    assert sorted(zip(hits["match"], hits["voice"], strict=True)) == [("Surprisingly", "narrator"), ("hypocrisy", "attributed")]
    r = sourcing.evaluation_rate(c, atts).set_index(["article_id", "class", "voice"])
    assert r.at[("a", "all", "narrator"), "hits"] == 1 and r.at[("a", "all", "attributed"), "hits"] == 1
    assert r.at[("b", "all", "narrator"), "hits"] == 0
    assert sourcing.narrated_share(sourcing.evaluation_rate(c, atts)).to_dict()["a"] == 0.5


def test_reply_sentences_and_their_outcomes(tmp_path):
    c, _ = corpus_of(tmp_path, {"a.txt": (
        "Acme declined to comment. Beta Corp did not immediately respond to a request for comment. "
        "Gamma could not be reached. Delta was contacted for comment. The weather was fine.\n")})
    r = sourcing.reply_sentences(c)
    assert r["outcome"].tolist() == ["declined", "no_response", "unreachable", "sought"]
    assert r["match"].tolist()[0] == "declined to comment"


def test_right_of_reply_on_the_story_finds_what_was_written_in_and_nothing_else():
    c = load_corpus(STORY)
    atts = quotes.extract(c)
    actors = framing.load_actors(STORY / "actors.csv")
    r = sourcing.right_of_reply(c, atts, actors).set_index(["article_id", "actor"])
    assert r.at[("a_gazette", "Halvorsen & Sons"), "outcome"] == "declined"
    assert r.at[("b_courier", "Halvorsen & Sons"), "outcome"] == "no_response"
    assert not r.at[("a_gazette", "Halvorsen & Sons"), "heard"]
    assert r["sought"].sum() == 2  # only the two sentences that say so
    assert r.at[("a_gazette", "Harbor council"), "heard"] and not r.at[("a_gazette", "Harbor council"), "sought"]
    t = findings.reply_findings(c, sourcing.right_of_reply(c, atts, actors))
    said = dict(zip(t["article_id"], t["statement"], strict=True))
    assert said["a_gazette"] == "Gazette says that Halvorsen & Sons declined to comment."
    assert said["b_courier"] == "Courier says that Halvorsen & Sons did not respond when asked for comment."


def test_a_reply_sentence_without_a_name_goes_to_the_actor_named_before(tmp_path):
    (tmp_path / "actors.csv").write_text("actor,side,patterns\nAcme,accused,Acme\nBeta,accuser,Beta\n", encoding="utf-8")
    c, atts = corpus_of(tmp_path, {"a.txt": "Beta said Acme copied its work. Acme sells tools. It declined to comment.\n"})
    r = sourcing.right_of_reply(c, atts, framing.load_actors(tmp_path / "actors.csv")).set_index("actor")
    assert r.at["Acme", "outcome"] == "declined" and r.at["Beta", "outcome"] == ""


def test_seeds_narrate_more_in_the_feature_and_ask_nobody(seeds):
    atts = quotes.extract(seeds)
    actors = framing.load_actors(SEEDS / "actors.csv")
    hits = sourcing.evaluation_hits(seeds, atts)
    nar = hits[hits["voice"] == "narrator"].groupby("article_id").size()
    assert nar.get("001_923bd7c0f2416d6f", 0) > nar.get("000_114e8d6102804466", 0)
    assert {"notably", "skeptical", "uncomfortable"} <= set(hits["match"].str.lower())
    r = sourcing.right_of_reply(seeds, atts, actors)
    assert not r["sought"].any()  # neither article says the accused labs were asked
    assert not r[r["actor"].isin(["DeepSeek", "Moonshot", "MiniMax"])]["heard"].any()


@pytest.mark.parametrize("text", ["It is what it is.\n", "# Only a heading\n\nAnd a line.\n"])
def test_no_words_no_claims(tmp_path, text):
    c, atts = corpus_of(tmp_path, {"a.txt": text, "b.txt": "The bridge closed.\n"})
    assert list(sourcing.evaluation_hits(c, atts).columns) == ["article_id", "class", "voice", "start", "match", "context"]
    r = sourcing.right_of_reply(c, atts, framing.actors_from_speakers(atts))
    assert list(r.columns) == sourcing.REPLY_COLUMNS
    assert isinstance(findings.reply_findings(c, r), pd.DataFrame)


def test_credentials_and_unnamed_sources_on_the_story():
    c = load_corpus(STORY)
    creds = sourcing.credentials(c, quotes.extract(c)).set_index(["article_id", "speaker"])
    assert creds.at[("a_gazette", "Sam Patel"), "credential"] == "president of the Millbrook Dockworkers Union"
    assert creds.at[("a_gazette", "Maria Ortiz"), "credential"] == "the council's chair"
    assert creds.at[("b_courier", "Maria Ortiz"), "credential"] == "Council chair"
    assert creds.at[("b_courier", "Sam Patel"), "credential"] == "who leads the dockworkers' union"
    assert creds.at[("c_bulletin", "Ana Ruiz"), "credential"] == "a fisher who has worked at the pier for 20 years"
    assert (creds["source"] == "named").sum() >= 5
    # "Critics questioned whether the inspection was thorough enough": a reported voice with no name
    assert list(creds.index[creds["source"] == "unnamed"]) == [("b_courier", "Critics")]


def test_credentials_on_the_seeds(seeds):
    creds = sourcing.credentials(seeds, quotes.extract(seeds))
    green = creds[creds["speaker"] == "Tory Green"].iloc[0]
    assert green["credential"] == "co-founder of AI infrastructure firm IO.Net" and green["position"] == "after"
    assert set(creds.loc[creds["source"] == "unnamed", "mention"]) == {"critics", "Commentators", "a commenter"}
    # "According to Anthropic, the Chinese companies relied on ...": a clause, not a credential
    assert (creds.loc[creds["speaker"] == "Anthropic", "credential"] == "").all()


@pytest.mark.parametrize("mention, kind", [("Sam Patel", "named"), ("Reddit", "named"), ("a commenter", "unnamed"),
                                           ("critics", "unnamed"), ("Officials", "unnamed"), ("the company", "reference"),
                                           ("they", "reference"), ("That lawsuit", "reference")])
def test_source_kind(mention, kind):
    assert sourcing.source_kind(mention) == kind


def test_name_occurrences_in_one_walk_equal_finditer_of_each_name():
    """sourcing._occurrences finds what finditer of each whole-word name finds: on the seeds with
    their speakers, and on names that repeat, nest, follow a hyphen or differ in case."""
    seeds = load_corpus()
    atts = quotes.extract(seeds)
    texts = [(seeds.text(a), list(dict.fromkeys(atts.loc[atts["doc_id"] == a, "speaker"]))) for a in seeds.labels()]
    texts.append(("Ann Lee met Lee. Lee-Smith and ann Lee; Lee Lee Lee, Ann Lee Jr. (Lee)", ["Lee", "Ann Lee", "Lee Lee", "Jr"]))
    seen = 0
    for text, names in texts:
        names = [n for n in names if n]
        got = sourcing._occurrences(text, names)
        for n in names:
            want = [m.span() for m in sourcing._name_re(n).finditer(text)]
            assert [m.span() for m in got.get(n, [])] == want, n
            seen += len(want)
    assert seen > 20


def test_a_speakerless_attribution_is_no_voice_and_who_is_shown_by_its_antecedent(tmp_path):
    c, atts = corpus_of(tmp_path, {
        "a.txt": ("\u201cWe will act,\u201d said Ana Ruiz, who was asked about the need for a new pier and not the budget.\n\n"
                  "The closure drew complaints from residents across the town - including some who warned it could "
                  "hurt trade.\n"),
        "b.txt": "The council voted on Tuesday. Ana Ruiz said the pier was safe.\n",
    })
    assert "" in set(atts["speaker"])  # the asked clause has no asker
    v = quotes.voices(atts, c)
    assert "" not in set(v["speaker"]) and "some" in set(v["speaker"])
    stance = framing.cue_stance(atts, framing.actors_from_speakers(atts), c)
    assert "" not in set(stance["actor"])
    creds = sourcing.credentials(c, atts)
    assert "who" not in set(creds["mention"]) and "some" in set(creds["mention"])


@pytest.mark.parametrize("text, credential", [
    pytest.param("“The pier must close,” said Mick Ruiz, who served as the chief U.S. harbor inspector in Maine.",
                 "who served as the chief U.S. harbor inspector in Maine", id="over an abbreviation's periods"),
    pytest.param("Senator Mick Ruiz, a Maine Republican who has met privately with Mr. Baker and Ms. Green, said the pier "
                 "must close.", "a Maine Republican who has met privately with Mr. Baker and Ms. Green",
                 id="over a title before a name, a noun phrase with its relative clause of 13 words"),
])
def test_a_credential_runs_over_abbreviations(tmp_path, text, credential):
    c, atts = corpus_of(tmp_path, {"a.txt": text + " The council agreed.\n", "b.txt": "The council voted on Tuesday.\n"})
    creds = sourcing.credentials(c, atts)
    assert creds.loc[creds["speaker"] == "Mick Ruiz", "credential"].item() == credential


def test_a_credential_inside_someone_elses_quotation_is_not_the_reporters(tmp_path):
    text = ("“Mick Ruiz, a crook who sold the pier, cannot be trusted,” Tory Green said. Mick Ruiz, the harbor master, "
            "said the pier must close.")
    c, atts = corpus_of(tmp_path, {"a.txt": text + " The council agreed.\n", "b.txt": "The council voted on Tuesday.\n"})
    creds = sourcing.credentials(c, atts)
    assert creds.loc[creds["speaker"] == "Mick Ruiz", "credential"].item() == "the harbor master"
