"""Framing measures on hand-checkable sentences, pinned false positives, and the seeds."""

import pandas as pd
import pytest
from conftest import LONG, SEEDS, SHORT, corpus_of

from analysis import CorpusError, framing, load_corpus, nlp, quotes, sourcing
from analysis.__main__ import main

ACTORS = """actor,side,patterns,note
Acme,accuser,Acme|the company,
Beta Labs,accused,Beta Labs|Beta,
Critics,critic,critics|Jane Roe,
"""


@pytest.fixture
def small(tmp_path):
    (tmp_path / "a.md").write_text(
        "# Acme accuses Beta Labs of theft\n\n"
        "Acme said that Beta Labs copied its files last year. "
        "The company claimed the copying was deliberate.\n\n"
        "Critics called the claim hypocritical. "
        "“It is a double standard,” said Jane Roe.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Beta Labs was accused of copying files. Acme noted that the files were secret.\n", encoding="utf-8")
    (tmp_path / "actors.csv").write_text(ACTORS, encoding="utf-8")
    corpus = load_corpus([tmp_path / "a.md", tmp_path / "b.txt"])
    return corpus, quotes.extract(corpus), framing.load_actors(tmp_path / "actors.csv")


def test_load_actors_validates(tmp_path):
    with pytest.raises(CorpusError, match="no such actor file"):
        framing.load_actors(tmp_path / "missing.csv")
    (tmp_path / "bad.csv").write_text("name,team\nx,y\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="needs the columns actor, side, patterns"):
        framing.load_actors(tmp_path / "bad.csv")
    act = framing.load_actors(SEEDS / "actors.csv")
    assert act["pattern"].str.len().is_monotonic_decreasing


def test_actor_mentions_longest_first(small):
    corpus, _, actors = small
    m = framing.actor_mentions(corpus, actors)
    a = m[m.article_id == "a"]
    assert a["text"].tolist() == ["Acme", "Beta Labs", "Acme", "Beta Labs", "The company", "Critics", "Jane Roe"]
    seeds = load_corpus(SEEDS)
    ms = framing.actor_mentions(seeds, framing.load_actors(SEEDS / "actors.csv"))
    moon = ms[(ms.article_id == LONG) & (ms.actor == "Moonshot")]
    assert set(moon["text"]) == {"Moonshot AI", "Moonshot"} and len(moon) == 2  # never both for one name


def test_voice_share_counts_words(small):
    corpus, atts, actors = small
    v = framing.voice_share(corpus, atts, actors).set_index(["article_id", "actor"])
    # "Beta Labs copied its files last year" (7) + "the copying was deliberate" (4)
    assert v.loc[("a", "Acme"), "reported_words"] == 11
    assert v.loc[("a", "Critics"), "quoted_words"] == 5  # "It is a double standard"
    assert bool(v.loc[("a", "Beta Labs"), "voiceless"]) and v.loc[("a", "Beta Labs"), "mentions"] == 2
    body = corpus.tokens[(corpus.tokens.article_id == "a") & corpus.tokens.is_word & (corpus.tokens.kind == "body")]
    assert v.loc[("a", "Acme"), "voice_share"] == pytest.approx(11 / len(body))


def test_cue_stance_classes(small):
    corpus, atts, actors = small
    c = framing.cue_stance(atts, actors, corpus)
    acme = c[(c.article_id == "a") & (c.actor == "Acme")].set_index("stance")["n"].to_dict()
    assert acme == {"neutral": 1, "distancing": 1}
    assert c[(c.article_id == "b") & (c.actor == "Acme")]["stance"].tolist() == ["endorsing"]


def test_headline_lede_and_positions(small):
    corpus, atts, actors = small
    h = framing.headline_lede(corpus, atts, actors).set_index(["article_id", "part"])
    assert (h.loc[("a", "headline"), "subject"], h.loc[("a", "headline"), "verb_class"]) == ("Acme", "neutral")
    assert h.loc[("a", "lede"), "verb"] == "said" and not h.loc[("a", "lede"), "counter_frame"]
    assert h.loc[("b", "headline"), "subject"] == ""  # no headline
    f = framing.first_position(corpus, atts, actors)
    a = f[f.article_id == "a"].set_index("item")
    assert a.loc["voice: Acme", "position"] < a.loc["counter_frame", "position"] < a.loc["voice: Critics", "position"] + 0.01
    assert "closing: Critics" in a.index  # the last body sentence is Jane Roe's quote


def test_frame_keywords_and_pinned_false_positives(tmp_path):
    f = tmp_path / "f.txt"
    f.write_text(
        "The authors sued under fair use. He settled in Boston after a heart attack. "
        "They made 16 million exchanges and paid $1.5 billion. The firm's capabilities grew. "
        "Critics saw a double standard.\n", encoding="utf-8")
    hits = framing.frame_hits(load_corpus(f))
    got = set(zip(hits["frame"], hits["match"], strict=True))
    assert ("legality_constitutionality", "fair use") in got and ("legality_constitutionality", "sued") in got
    assert not any(m == "fair" for _, m in got)  # "fair use" is legal, not fairness
    assert not any(m.startswith("settled") for _, m in got)  # "settled in Boston" is a move
    assert not any(fr == "security_and_defense" for fr, _ in got)  # "heart attack"
    assert ("economic", "$1.5 billion") in got and not any(m == "million" for _, m in got)
    assert not any(fr == "capacity_and_resources" for fr, _ in got)  # model capabilities
    assert ("fairness_and_equality", "double standard") in got and ("public_opinion", "Critics") in got
    rate = framing.frame_rate(load_corpus(f)).set_index("frame")
    assert rate.loc["economic", "hits"] == 1 and rate.loc["quality_of_life", "hits"] == 0


def test_label_count_and_nationality(tmp_path):
    f = tmp_path / "l.txt"
    f.write_text("Three Chinese AI labs were accused. The labs denied it. Foreign competitors and U.S. firms "
                 "disagreed, and Western rivals laughed.\n", encoding="utf-8")
    lc = framing.label_count(load_corpus(f)).set_index("label")
    assert (lc.loc["labs", "n"], lc.loc["labs", "nationality_marked"], lc.loc["labs", "nationality"]) == (2, 1, "Chinese")
    assert lc.loc["competitors", "nationality"] == "Foreign" and lc.loc["firms", "nationality"] == "U.S."


def test_hedges_split_by_voice(tmp_path):
    f = tmp_path / "h.txt"
    f.write_text("The labs allegedly copied roughly 100 files. Acme said the labs may have copied about 200 files.\n",
                 encoding="utf-8")
    c = load_corpus(f)
    hits = framing.hedge_hits(c, quotes.extract(c))
    got = set(zip(hits["class"], hits["voice"], hits["match"], strict=True))
    assert got == {("hedge", "narrator", "allegedly"), ("approximator", "narrator", "roughly"),
                   ("hedge", "attributed", "may"), ("approximator", "attributed", "about")}
    rate = framing.hedge_rate(c, quotes.extract(c)).set_index(["class", "voice"])
    # narrator: the 7 words of the first sentence and "Acme said"
    assert rate.loc[("hedge", "narrator"), "hits"] == 1 and rate.loc[("hedge", "narrator"), "words"] == 9


def test_tone_uses_the_shipped_lexicon():
    assert framing.compound("This is a wonderful, excellent result.") > 0.5
    assert framing.compound("A terrible, disgusting failure.") < -0.5
    assert framing.compound("“great”") == framing.compound('"great"') == framing.compound("great") > 0


def test_seed_measures(seeds):
    atts = quotes.extract(seeds)
    actors = framing.load_actors(SEEDS / "actors.csv")
    m = framing.all_measures(seeds, atts, actors)
    assert list(m.columns) == ["article_id", "measure", "group", "value"]
    assert set(m["measure"]) == {"voice_share", "quoted_words", "voiceless", "cue_stance", "headline", "lede",
                                 "first_position", "frame_rate", "label_count", "hedge_rate", "tone", "artifact_count"}
    voiceless = set(m[(m.measure == "voiceless")]["group"])
    assert {"DeepSeek", "Moonshot", "MiniMax", "Chinese labs"} <= voiceless
    art = m[(m.measure == "artifact_count") & (m.article_id == LONG)].set_index("group")["value"]
    assert (art["link_gap"], art["space_run"]) == (3, 1)
    head = m[(m.measure == "headline") & (m.article_id == LONG)].set_index("group")["value"]
    assert (head["subject"], head["verb_class"], head["counter_frame"]) == ("Anthropic", "distancing", "True")
    closing = m[(m.measure == "first_position") & (m.article_id == SHORT) & m.group.str.startswith("closing")]
    assert closing["group"].tolist() == ["closing: Reddit"]
    assert set(framing.uncovered_names(seeds, actors)["name"]) >= {"Claude"}


def test_cli_frames(tmp_path, capsys):
    assert main(["frames", str(SEEDS), "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "article_id,measure,group,value" and len(out) > 100
    (tmp_path / "x.txt").write_text("Acme said the plan failed. Critics agreed.", encoding="utf-8")
    (tmp_path / "y.txt").write_text("The plan failed, Acme said.", encoding="utf-8")
    assert main(["frames", str(tmp_path), "--format", "csv"]) == 0  # no actor file: speakers become actors
    got = capsys.readouterr()
    assert "no actors.csv" in got.err and "using each speaker as an actor" in got.err
    assert "x,voice_share,Acme," in got.out and "y,voice_share,Acme," in got.out
    assert main(["frames", str(tmp_path), "--actors", str(tmp_path / "missing.csv")]) == 2  # a named file must exist
    assert "missing.csv" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["frames_en.csv", "hedges_en.csv", "cue_verbs.csv"])
def test_data_files_parse_cleanly(name):
    import csv
    from importlib import resources

    raw = resources.files("analysis").joinpath(f"data/{name}").read_text(encoding="utf-8")
    rows = list(csv.reader(raw.splitlines()))
    assert len({len(r) for r in rows}) == 1, "a pattern with a comma must be quoted"


def test_cumulative_voice_rises_where_a_side_speaks(small):
    corpus, atts, actors = small
    cum = framing.cumulative_voice(corpus, atts, actors, step=0.1)
    a = cum[(cum.article_id == "a") & (cum.side == "accuser")].set_index("position")["cumulative_share"]
    assert a.is_monotonic_increasing and a.iloc[0] == 0
    v = framing.voice_share(corpus, atts, actors).set_index(["article_id", "actor"])
    assert a.iloc[-1] == pytest.approx(v.loc[("a", "Acme"), "voice_share"])
    critic = cum[(cum.article_id == "a") & (cum.side == "critic")].set_index("position")["cumulative_share"]
    assert critic[0.5] == 0 and critic.iloc[-1] > 0  # the critics speak only in the second half
    # a quote nobody is resolved to speak (no side) draws no line and breaks nothing (it did on PolNeAR)
    unresolved = atts.iloc[:1].assign(speaker="", speaker_mention="")
    with_it = framing.cumulative_voice(corpus, pd.concat([unresolved, atts], ignore_index=True), actors, step=0.1)
    pd.testing.assert_frame_equal(with_it, cum)


def test_a_reporting_verb_is_not_counted_again_as_a_hedge(tmp_path):
    (tmp_path / "a.txt").write_text("The mayor suggested that the plan may fail. Officials indicated support.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The plan may fail, it seems.\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    atts = quotes.extract(c)
    assert "suggest" in set(atts["cue_lemma"])  # the premise: "suggested" is an attribution's cue
    hits = framing.hedge_hits(c, atts)
    assert "suggested" not in set(hits["match"]) and "may" in set(hits[hits["article_id"] == "a"]["match"])
    assert set(hits[hits["article_id"] == "b"]["match"]) == {"may", "seems"}


def test_paragraph_voices_follow_the_text(tmp_path):
    (tmp_path / "actors.csv").write_text("actor,side,patterns\nAcme,accused,Acme\nJane Roe,critic,Jane Roe\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "The council met on Monday to discuss the plan.\n"
        "\u201cThis plan will fail and everyone knows it,\u201d said Jane Roe.\n"
        "Acme said the plan would work because it had been tested for years.\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    pv = framing.paragraph_voices(c, quotes.extract(c), framing.load_actors(tmp_path / "actors.csv"))
    lead = pv[pv["lead"]].sort_values("order")
    assert lead["voice"].tolist() == ["narrator", "Jane Roe", "Acme"]
    assert lead["side"].tolist() == ["narrator", "critic", "accused"]
    assert (pv.groupby(["article_id", "paragraph"])["share"].sum().round(6) == 1).all()


def test_labels_are_assigned_to_the_actor_they_name(tmp_path):
    (tmp_path / "actors.csv").write_text("actor,side,patterns\nAcme,accused,Acme\nBeta,accuser,Beta\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "Beta accused Chinese firm Acme of copying. A spokesman for infrastructure firm Gamma disagreed.\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    lab = framing.actor_labels(c, framing.load_actors(tmp_path / "actors.csv"))
    assert list(zip(lab["actor"], lab["label"], lab["marker"], strict=True)) == [("Acme", "firms", "Chinese"), ("", "firms", "")]


def test_a_label_coordinated_with_an_actor_is_not_that_actor(tmp_path):
    (tmp_path / "actors.csv").write_text("actor,side,patterns\nAcme,accused,Acme\nBeta,accuser,Beta\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "Beta shared data with other labs and Acme. Western firms such as Beta agreed. Rival firms of Acme did not.\n",
        encoding="utf-8")
    c = load_corpus(tmp_path)
    lab = framing.actor_labels(c, framing.load_actors(tmp_path / "actors.csv"))
    assert list(zip(lab["text"], lab["actor"], strict=True)) == [("other labs", ""), ("Western firms", "Beta"), ("firms", "")]


def test_pattern_index_never_drops_a_pattern_that_matches(seeds):
    """The word index only skips patterns that cannot match: checked against every pattern on every
    seed paragraph, with the speakers of both articles as extra actors (names, "the company", "U.S.")."""
    atts = quotes.extract(seeds)
    actors = pd.concat([framing.load_actors(SEEDS / "actors.csv"), framing.actors_from_speakers(atts)])
    index = framing._PatternIndex(actors)
    tried = 0
    for text in seeds.paragraphs["text"]:
        norm = nlp.normalise(text)
        matching = {i for i, (_a, _s, rx) in enumerate(index.compiled) if rx.search(norm)}
        assert matching <= set(index.candidates(norm)), text
        tried += len(matching)
    assert tried > 50  # the check saw many real matches


def test_pattern_boundary_after_the_first_character():
    """The boundary check placed after the first character keeps whole-word matching."""
    rx = framing._pattern_re("Meta")
    assert [m.span() for m in rx.finditer("Meta, Metadata, xMeta, Meta-AI, 'Meta, (Meta)")] == [(0, 4), (40, 44)]
    assert framing._pattern_re("the company").search("The  company said") is not None
    assert framing._pattern_re("U.S.").search("U.S. firms") is not None
    assert framing._pattern_re("U.S.").search("the U.S.A") is None


def test_pattern_index_matches_equal_searching_with_every_pattern(seeds):
    """The word walk finds the same matches as ``finditer`` of every pattern, in pattern order: on
    every seed paragraph with the seed actors and speakers, and on made-up texts with patterns that
    repeat, overlap, open with punctuation or differ only in case."""
    atts = quotes.extract(seeds)
    actors = pd.concat([framing.load_actors(SEEDS / "actors.csv"), framing.actors_from_speakers(atts)])
    extra = pd.DataFrame({"actor": list("abcdefgh"), "side": "x",
                          "pattern": ["New York", "New York Times", "York", "the times", "(AP)", "A A", "ß", "U.S."]})
    texts = [*seeds.paragraphs["text"], "The New York Times, not the Times (AP): A A A, New  York. STRASSE ß U.S.A U.S."]
    for table in (actors, extra):
        index = framing._PatternIndex(table)
        found = 0
        for text in texts:
            norm = nlp.normalise(text)
            expected = sorted((i, m.start(), m.end()) for i, (_a, _s, rx) in enumerate(index.compiled)
                              for m in rx.finditer(norm))
            assert index.matches(norm) == expected, text
            found += len(expected)
        assert found > 10


def test_speech_with_no_speaker_found_is_nobody_s_voice(tmp_path):
    # the question of "when asked if …" is put by nobody named: no actor "" may lead or follow in the voice tables
    (tmp_path / "a.txt").write_text(
        "Pier Vote Delayed\n\n“I stand by everything I said,” the Millbrook mayor told reporters on Thursday when asked "
        "if she still believes the pier cannot be saved from the storms that hit the coast every winter.\n",
        encoding="utf-8")
    corpus = load_corpus([tmp_path / "a.txt"])
    atts = quotes.extract(corpus)
    assert (atts["speaker"] == "").any() and (atts["kind"] != "mention").all()  # the asked clause: no asker named
    actors = framing.actors_from_speakers(atts)
    assert set(framing.voice_share(corpus, atts, actors)["actor"]) == {"the Millbrook mayor"}
    assert "" not in set(framing.speaker_actors(atts, actors)["actor"])


def test_stand_in_actors_are_one_per_person_across_articles(tmp_path):
    # one article quotes "Ruiz" (its full name only in a title), another "Ana Ruiz": one actor, so the first is
    # never said to name Ana Ruiz without hearing her; a middle initial and two Bakers are told apart correctly
    speakers = pd.DataFrame({"speaker": ["Ruiz", "Ana Ruiz", "Tory B. Green", "Tory Green", "Baker", "Tom Baker",
                                         "Jo Baker", "", "He", "they"]})
    actors = framing.actors_from_speakers(speakers)
    actor_of = dict(zip(actors["pattern"], actors["actor"], strict=True))
    assert actor_of["Ruiz"] == actor_of["Ana Ruiz"] == "Ana Ruiz"
    assert actor_of["Tory Green"] == actor_of["Tory B. Green"] == "Tory B. Green"
    assert actor_of["Baker"] == "Baker" and actor_of["Tom Baker"] != actor_of["Jo Baker"]
    assert not {"", "He", "they"} & set(actor_of)
    (tmp_path / "a.txt").write_text("Pier Repairs\n\nRuiz said the pier must close. Ruiz spoke on Monday.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Pier Vote\n\nAna Ruiz said the vote would wait until spring.\n", encoding="utf-8")
    corpus = load_corpus([tmp_path / "a.txt", tmp_path / "b.txt"])
    atts = quotes.extract(corpus)
    v = framing.voice_share(corpus, atts, framing.actors_from_speakers(atts))
    assert not v["voiceless"].any() and set(v["actor"]) == {"Ana Ruiz"}


def test_speakers_of_a_headline_make_no_actor(tmp_path):
    (tmp_path / "a.txt").write_text("Millbrook Elects A Harbor Judge Who Once Mocked ‘Sailors’ Who Drink.\n\n"
                                    "Voters elected Tory Green on Tuesday. Green said the pier would reopen.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("The council met on Tuesday.\n\nMaria Ortiz said the levy would pass.\n",
                                    encoding="utf-8")
    c = load_corpus(tmp_path)
    atts = quotes.extract(c)
    headline = [s for s in atts["speaker"] if s == "A Harbor Judge"]  # "Who" of the headline: the noun phrase before it
    assert headline, "the headline's relative clause is a speaker in the raw attributions"
    actors = set(framing.actors_from_speakers(atts, c)["actor"])
    assert actors == {"Tory Green", "Maria Ortiz"}


def test_a_description_with_no_name_makes_no_stand_in_actor(tmp_path):
    # "a man" would otherwise be "named but never heard" in every article that says "a man"
    c = corpus_of(tmp_path, {"a.txt": "Pier Vote\n\nWhen Ruiz spoke, a man yelled “Stay there!” A student wrote the "
                                      "Millbrook Gazette that the pier was unsafe.\n",
                             "b.txt": "Pier Repairs\n\nA man walked along the pier. Tory Green said the repairs would "
                                      "wait.\n"})
    atts = quotes.extract(c)
    assert {"a man", "A student"} <= set(atts["speaker"])
    assert set(framing.actors_from_speakers(atts, c)["actor"]) == {"Tory Green"}
    v = framing.voice_share(c, atts, framing.actors_from_speakers(atts, c))
    assert not v["voiceless"].any()


def test_two_names_that_speak_together_are_both_heard(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": "Pier Vote\n\nTory Green and Maria Ortiz said the pier must close. Sam Patel "
                                      "disagreed.\n",
                             "b.txt": "Pier Repairs\n\nOrtiz said the repairs would wait. Green and Patel met on "
                                      "Monday.\n"})
    atts = quotes.extract(c)
    assert "Tory Green and Maria Ortiz" in set(atts["speaker"])
    actors = framing.actors_from_speakers(atts, c)
    assert {"Tory Green", "Maria Ortiz"} <= set(actors["actor"])
    v = framing.voice_share(c, atts, actors)
    heard_in_a = set(v.loc[(v["article_id"] == "a") & (v["voice_share"] > 0), "actor"])
    assert heard_in_a == {"Tory Green", "Maria Ortiz"}


def test_a_one_word_group_does_not_join_a_share_of_it(tmp_path):
    # "Democrats" (heard in b) is no part of the actor "36 percent of Democrats" (heard in a): c names Democrats, not
    # the 36 percent, and b's speech goes to Democrats
    c = corpus_of(tmp_path, {"a.txt": "Pier Poll\n\nAfter the vote, 36 percent of Democrats said they would switch.\n",
                             "b.txt": "Pier Race\n\nOn Monday, Democrats said the race was close.\n",
                             "c.txt": "Pier Talks\n\nThe mayor met Democrats on Friday and spoke for an hour.\n"})
    actors = framing.actors_from_speakers(quotes.extract(c), c)
    assert set(actors["actor"]) == {"36 percent of Democrats", "Democrats"}


def voices_of(tmp_path, texts: dict[str, str]):
    """(corpus, attributions, stand-in actors, voice_share) of the articles ``texts``."""
    c = corpus_of(tmp_path, texts)
    atts = quotes.extract(c)
    actors = framing.actors_from_speakers(atts, c)
    return c, atts, actors, framing.voice_share(c, atts, actors)


def test_a_bare_surname_is_not_unheard_where_its_full_name_speaks(tmp_path):
    # Two Greens are heard across the articles, so "Green" (quoted alone in c) stays an actor of its own; in a, where
    # Tory Green speaks, "Green" is him, and a is not said to name Green without hearing him
    c, atts, actors, v = voices_of(tmp_path, {
        "a.txt": "Pier Vote\n\nTory Green said the pier must close. Later, Green met the mayor and the council on "
                 "Friday.\n",
        "b.txt": "Pier Repairs\n\nAnna Green said the repairs would wait until the spring.\n",
        "c.txt": "Pier Talks\n\nGreen said the talks went well on Friday.\n"})
    assert "Green" in set(actors["actor"])
    a = v[v["article_id"] == "a"].set_index("actor")
    assert a.loc["Tory Green", "voice_share"] > 0
    assert not a["voiceless"].any(), a
    reply = sourcing.right_of_reply(c, atts, actors, voice=v)  # nor that a names him without hearing from him
    assert reply[reply["article_id"] == "a"]["heard"].all()


def test_an_actor_whose_claims_are_reported_is_not_unheard(tmp_path):
    # politico 2016-04-20: "… dismissed Bernie Sanders’ accusations that …" reports what Sanders said
    *_, v = voices_of(tmp_path, {
        "a.txt": "Pier Fight\n\nMayor Tory Green on Wednesday dismissed Anna Reyes’ accusations that the council broke "
                 "the law. Green said the vote was fair.\n",
        "b.txt": "Pier Race\n\nAnna Reyes said the race was close. Tory Green spoke on Monday.\n"})
    v = v.set_index(["article_id", "actor"])
    assert v.loc[("a", "Anna Reyes"), "voice_share"] == 0  # no attribution has her speak in a
    assert not v.loc[("a", "Anna Reyes"), "voiceless"]
    assert v.loc[("b", "Tory Green"), "voiceless"]  # b names Green and does not report what he said
