"""Fact-by-fact alignment: similarity parts, matching, figures, names, quotations, on text written to check them
and on the seeds against a hand alignment (tests/fixtures/seeds_alignment.csv)."""

import csv
import random

import pytest
from conftest import FIXTURES, LONG, SHORT, corpus_of

from analysis import align, findings, load_corpus, quotes
from analysis.__main__ import main


def _dp_edit(a, b):
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def _dp_lcs(a, b):
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[-1]))
        prev = cur
    return prev[-1]


def test_bit_parallel_edit_and_lcs_equal_the_textbook_tables():
    rng = random.Random(7)
    for _ in range(500):
        a = tuple(rng.choice("abcde") for _ in range(rng.randint(0, 70)))  # beyond 64 words: one machine word
        b = tuple(rng.choice("abcdef") for _ in range(rng.randint(0, 70)))
        assert align._edit(a, b) == _dp_edit(a, b)
        assert align._lcs(a, b) == _dp_lcs(a, b)
        assert align._edit(a, b, align._masks(a)) == _dp_edit(a, b)  # masks computed once per profile
        assert align._lcs(a, b, align._masks(a)) == _dp_lcs(a, b)


def test_rarity_reads_wordfreq_table_as_word_frequency_does():
    import math

    from wordfreq import word_frequency

    for word in ["the", "said", "distillation", "anthropic", "qzxvbn", "u.s.", "don't", "3,000", "24", "café", "a"]:
        f = word_frequency(word, "en")
        assert align.rarity(word) == (-math.log(f) if f > 0 else align._MIN_IDF), word


def test_profile_trigrams_and_word_cache_give_the_same_profile_twice():
    text = "Anthropic said DeepSeek, Moonshot and MiniMax ran 16 million exchanges; a hydra-cluster of 24,000 accounts."
    first = align.profile(text)
    words = "#" + "#".join(["anthropic", "deepseek", "moonshot", "minimax", "ran", "16", "million", "exchanges",
                            "hydra-cluster", "24,000", "accounts"]) + "#"
    assert first.trigrams == {words[i : i + 3] for i in range(len(words) - 2)}  # "#" joins the content words
    assert first.masks == align._masks(first.keys) and first.key_set == set(first.keys)
    assert first.total == pytest.approx(sum(first.content.values()))
    assert align.profile(text) == first  # from the word cache


def test_profile_matches_inflections_groups_and_numbers():
    p = align.profile("Acme faced accusations over three plants, its shares rose 12 percent.")
    q = align.profile("The firm was accused over 3 plants as shares climbed 12%.")
    assert "=charge" in p.keys and "=charge" in q.keys  # accusations / accused: one group, by stem
    assert "=charge" not in q.content  # "accused" is a reporting verb: attribution, not a fact
    assert "=rise" in p.content and "=rise" in q.content  # rose / climbed
    assert p.numbers == q.numbers == {"3", "12"}
    assert "acme" not in p.names  # the sentence's first word is not taken for a name


def test_similarity_orders_pairs_as_a_reader_would():
    same = align.similarity("Shares of Acme rose 5 percent on Monday after the merger was announced.",
                            "Acme shares climbed 5% on Monday after the merger announcement.")
    other_number = align.similarity("Shares of Acme rose 5 percent on Monday after the merger was announced.",
                                    "Acme shares climbed 9% on Monday after the merger announcement.")
    unrelated = align.similarity("Shares of Acme rose 5 percent on Monday after the merger was announced.",
                                 "The mayor opened a new library in the harbour district.")
    assert same >= align.thresholds()[0] > unrelated
    assert same > other_number > unrelated
    assert align.similarity("A cat sat.", "A cat sat.") == pytest.approx(align.similarity("A cat sat.", "A cat sat."))


STORY_A = ("The council voted on Tuesday to close Pier 9 to all traffic.\n"
           "Engineers found cracks in the pier's supports, the council said.\n"
           "The mayor will host a concert in the park next week.\n")
STORY_B = ("The council voted on Tuesday to close Pier 9 to all traffic.\n"
           "Repairs will cost about $4.2 million, and engineers found cracks in the supports of the old pier.\n"
           "Fishermen said they would lose income.\n")


def test_two_articles_one_row_per_body_sentence(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": STORY_A, "b.txt": STORY_B})
    al = align.align(c)
    assert list(al.columns) == align.COLUMNS
    assert len(al) == len(c.sentences[c.sentences["kind"] == "body"])
    got = {(r.article_id, r.sentence): (r.status, r.match_sentence) for r in al.itertuples()}
    assert got[("a", 0)] == ("shared", 0) and got[("b", 0)] == ("shared", 0)
    assert got[("a", 1)] == ("partial", 1)  # cracks in the supports: one clause of b's sentence 1
    assert got[("a", 2)][0] == "only_here" and got[("b", 2)][0] == "only_here"
    cov = align.coverage(c, al).set_index("article_id")
    assert cov.at["a", "matched_sentences"] == 2 and cov.at["a", "sentences"] == 3


def test_each_pair_of_articles_gets_its_own_matching(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": STORY_A, "b.txt": STORY_B, "c.txt": "The council voted on Tuesday to close Pier 9 to all traffic.\n"})
    al = align.align(c)
    first = al[(al["article_id"] == "a") & (al["sentence"] == 0)]
    assert sorted(zip(first["match_article"], first["status"], strict=True)) == [("b", "shared"), ("c", "shared")]
    assert (al[al["article_id"] == "c"]["status"] == "shared").all()
    cov = align.coverage(c, al)
    assert set(cov["other"]) == {"a", "b", "c", "any"}


def test_no_counterpart_anywhere(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": "The council met on Tuesday.\n", "b.txt": "Volcanoes erupt in Iceland.\n"})
    al = align.align(c)
    assert (al["status"] == "only_here").all() and (al["match_sentence"] == -1).all()
    assert align.order(c, al).empty and align.quote_fidelity(c, al, quotes.extract(c)).empty


@pytest.mark.parametrize(("text", "expected"), [
    ("It had 16 million users.", [("16 million", "number", "16000000", "")]),
    ("It had 16,000,000 users.", [("16,000,000", "number", "16000000", "")]),
    ("They paid roughly $1.5 billion.", [("roughly $1.5 billion", "money", "$1500000000", "roughly")]),
    ("Sales fell 12 percent in 2024.", [("12 percent", "percent", "12%", ""), ("2024", "year", "2024", "")]),
    ("The council closed Pier 9 after more than 300 complaints.", [("more than 300", "number", "300", "more than")]),
])
def test_figures_are_normalised_with_their_hedges(tmp_path, text, expected):
    c = corpus_of(tmp_path, {"a.txt": text + "\n"})
    f = align.figures(c)
    assert list(zip(f["written"], f["kind"], f["value"], f["hedge"], strict=True)) == expected


def test_figures_carried_by_one_article_or_both(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": "It had 16 million users and 300 staff.\n", "b.txt": "It had 16,000,000 users.\n"})
    t = align.carried(align.figures(c), "value", ["a", "b"]).set_index("value")
    assert t.at["16000000", "articles"] == "a;b" and t.at["300", "articles"] == "a"
    f = findings.figure_findings(c, align.figures(c))
    assert f["statement"].iloc[0] == "16 million appears in both articles; only a gives 300."


def test_names_leave_out_markers_and_split_compounds(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": "Officials said Chinese AI labs and San Francisco-headquartered Acme met Tory Green.\n"})
    assert align.names(c)["name"].tolist() == ["AI", "San Francisco", "Acme", "Tory Green"]


def test_quotes_reworded_and_paraphrased(tmp_path):
    c = corpus_of(tmp_path, {
        "a.txt": "Acme said it found \u201cindustrial-scale campaigns\u201d by three rival labs to copy its model.\n"
                 "Acme said the rival labs made 16 million requests through 24,000 fake accounts.\n",
        "b.txt": "Acme said it found \u201clarge-scale campaigns\u201d by three rival labs to copy its model.\n"
                 "\u201cThe rival labs made 16 million requests through 24,000 fake accounts,\u201d Acme said.\n"})
    al = align.align(c)
    fid = align.quote_fidelity(c, al, quotes.extract(c))
    reworded = fid[fid["kind"] == "reworded"].iloc[0]
    assert reworded["diff"] == "[-industrial-scale-] {+large-scale+} campaigns"
    para = fid[fid["kind"] == "paraphrased"].iloc[0]
    assert (para["article_id"], para["quote"], para["match_article"]) == ("a", "", "b")
    assert para["match_quote"].startswith("The rival labs made 16 million")


def test_seeds_against_the_hand_alignment(seeds):
    """Measured when the aligner was written: link precision 0.78, recall 0.44, sentence status
    agreement 0.71, and every hand "shared" pair found. Since partial matches need three shared words other
    than names (on five stories of PolNeAR articles, partial matches that only shared names fell from 47, 47,
    13 … to 0-2 per story): precision 0.86, recall 0.38, agreement 0.71. The floors below guard those figures."""
    with open(FIXTURES / "seeds_alignment.csv", encoding="utf-8") as fh:
        gold = {(int(r["short"]), int(r["long"])): r["relation"] for r in csv.DictReader(fh)}
    al = align.align(seeds)
    m = al[al["status"] != "only_here"]
    pred = {(r.sentence, r.match_sentence) if r.article_id == SHORT else (r.match_sentence, r.sentence)
            for r in m.itertuples()}
    hits = pred & gold.keys()
    assert len(hits) / len(pred) >= 0.85 and len(hits) / len(gold) >= 0.375
    assert {k for k, v in gold.items() if v == "shared"} <= pred
    body = seeds.sentences[seeds.sentences["kind"] == "body"]
    gold_matched = {(SHORT, i) for i, _ in gold} | {(LONG, j) for _, j in gold}
    pred_matched = set(zip(m["article_id"], m["sentence"], strict=True))
    agree = sum(((a, s) in gold_matched) == ((a, s) in pred_matched) for a, s in zip(body["article_id"], body["sentence"],
                                                                                   strict=True))
    assert agree / len(body) >= 0.7


def test_seeds_figures_as_the_articles_give_them(seeds):
    t = align.carried(align.figures(seeds), "value", [SHORT, LONG]).set_index("value")
    assert t.at["16000000", "n_articles"] == 2 and t.at["24000", "n_articles"] == 2
    assert t.at["100000", "articles"] == SHORT
    assert {v for v in ("$1500000000", "$3000", "500000") if t.at[v, "articles"] == LONG} == {"$1500000000", "$3000", "500000"}
    assert "roughly 24,000" in t.at["24000", "as_written"]


def test_cli(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(STORY_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY_B, encoding="utf-8")
    assert main(["align", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ",".join(align.COLUMNS) and len(lines) == 7
    assert main(["align", str(tmp_path / "a.txt")]) == 2
    assert "alignment compares articles, so give at least two" in capsys.readouterr().err
    assert main(["align", str(tmp_path), "--what", "figures", "--format", "jsonl"]) == 0
    assert '"value":"$4200000"' in capsys.readouterr().out


def test_markup_is_neither_a_figure_a_name_nor_a_word(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": '<tweet id="672138506081275904" author="@Ed" datetime="2015-12-02">Police '
                                      "named Syed Farook, 28.</tweet>\n"})
    assert align.figures(c)["written"].tolist() == ["28"]
    assert align.names(c)["name"].tolist() == ["Syed Farook"]
    assert "tweet" not in align.profile(c.sentences["text"].iloc[0]).keys


def keys_of(n, *written):
    """The keys that ``align.names`` gave the names written as ``written``."""
    return set(n.loc[n["name"].isin(written), "key"])


def articles_carrying(n, key):
    """How many of the articles a and b carry the name keyed ``key``."""
    return align.carried(n, "key", ["a", "b"]).set_index("key").at[key, "n_articles"]


def test_a_lone_surname_is_the_full_name_it_ends(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": "The council heard Maria Ortiz of Acme AI. Later, Ortiz left.\n",
                             "b.txt": "Speaking for the union, Maria Ortiz objected to AI.\n"})
    n = align.names(c)
    assert keys_of(n, "Ortiz") == {"maria ortiz"}
    assert keys_of(n, "AI") == {"ai"}
    assert articles_carrying(n, "maria ortiz") == 2


def test_titles_initials_and_party_labels_are_no_part_of_a_name(tmp_path):
    c = corpus_of(tmp_path, {
        "a.txt": "“It is a drag,” said Senator Mark S. Kirk of the panel. Later, Mr. Kirk left the Justice Department.\n",
        "b.txt": "Mark Kirk and Sen. Lindsey Graham, R-S.C., met Paul D. Ryan on Monday.\n"})
    n = align.names(c)
    assert set(n["name"]) >= {"Lindsey Graham", "Paul D. Ryan"} and not set(n["name"]) & {"Sen", "R-S.C", "Paul"}
    assert keys_of(n, "Mark Kirk", "Kirk", "Senator Mark S. Kirk") == {"mark kirk"}
    assert keys_of(n, "Justice Department") == {"justice department"}
    assert articles_carrying(n, "mark kirk") == 2


def test_offices_and_state_abbreviations_are_not_people(tmp_path):
    c = corpus_of(tmp_path, {
        "a.txt": "MILLBROOK, Ill. — The Secretary of State would visit, Mayor Tory Green said on Monday.\n",
        "b.txt": "Tory Green met Secretary of State Maria Ortiz in Springfield, Ill., on Tuesday.\n"})
    n = align.names(c)
    assert "Ill" not in set(n["name"])
    assert keys_of(n, "Secretary of State") == {"secretary of state"}
    assert keys_of(n, "Secretary of State Maria Ortiz") == {"maria ortiz"}


def test_names_lose_their_role_and_handles_and_party_adjectives_are_no_names(tmp_path):
    c = corpus_of(tmp_path, {
        "a.txt": "On Tuesday, Harbor Director Maria Ortiz spoke to Democratic voters. Later, Ortiz left.\n",
        "b.txt": "The council met Maria Ortiz, @SpeakerGreen wrote in a post at pic.twitter.com/OqctxglquI today.\n"})
    n = align.names(c)
    assert keys_of(n, "Harbor Director Maria Ortiz", "Ortiz", "Maria Ortiz") == {"maria ortiz"}
    assert not set(n["name"]) & {"Democratic", "SpeakerGreen", "OqctxglquI"}
    assert articles_carrying(n, "maria ortiz") == 2


def test_a_marker_of_origin_after_of_stays_in_the_name(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": "A report by the Federation of American Scientists said so.\n",
                             "b.txt": "The council met the Chinese AI labs on Tuesday.\n"})
    assert {"Federation of American Scientists", "AI"} <= set(align.names(c)["name"])


def test_sentences_that_only_name_the_same_people_share_no_fact(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Pier Vote\n\nThe harbor council voted to close the pier. Repairs would cost four million dollars. Fishermen "
        "protested at the gates. On Wednesday, Tory Ruiz flew to Millbrook for a hastily arranged visit with Maria "
        "Ortiz.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Pier Repairs\n\nThe storm damaged the old seawall. Engineers inspected the pilings for a week. Boats stayed "
        "in the marina. The bickering began before Tory Ruiz left, as Maria Ortiz, contradicting him, said Millbrook "
        "would never pay.\n", encoding="utf-8")
    al = align.align(load_corpus(tmp_path))
    assert set(al["status"]) == {"only_here"}


def test_sentences_that_share_only_common_words_share_no_fact(tmp_path):
    # "want", "know", "go" and "thing" are among the most common words of English: sharing them states nothing
    (tmp_path / "a.txt").write_text(
        "Pier Vote\n\nThe harbor council voted to close the pier. What I want you all to know is that we will go on "
        "with the one thing we promised.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Pier Repairs\n\nThe storm damaged the old seawall. Fishermen want to know whether the boats can go out, "
        "and that is the thing they ask about.\n", encoding="utf-8")
    al = align.align(load_corpus(tmp_path))
    assert set(al["status"]) == {"only_here"}
    # three rarer words in common do make a partial match
    (tmp_path / "b.txt").write_text(
        "Pier Repairs\n\nThe storm damaged the old seawall. Angry fishermen said the council had voted to close the "
        "pier after a long night of bickering over repairs and insurance.\n", encoding="utf-8")
    al = align.align(load_corpus(tmp_path))
    assert "only_here" in set(al["status"]) and {"shared", "partial"} & set(al["status"])
    # nor are two short sentences the same fact for sharing two common words, unless they are the same words
    (tmp_path / "a.txt").write_text("Pier Vote\n\nThe third is health care. The pier will close.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Pier Repairs\n\nIs health care still too expensive? The pier will close.\n",
                                    encoding="utf-8")
    al = align.align(load_corpus(tmp_path))
    assert al.set_index(["article_id", "sentence"])["status"].to_dict() == {
        ("a", 1): "only_here", ("a", 2): "shared", ("b", 1): "only_here", ("b", 2): "shared"}


def test_accented_names_are_names_with_one_key(tmp_path):
    (tmp_path / "a.txt").write_text("Pier Vote\n\nJosé Álvarez said the levy would pass. Ángela Núñez met Álvarez "
                                    "in Millbrook.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Pier Repairs\n\nÁlvarez spoke on Monday. Núñez stayed home.\n", encoding="utf-8")
    n = align.names(load_corpus(tmp_path))
    assert dict(zip(n["name"], n["key"], strict=False)) == {"José Álvarez": "josé álvarez", "Ángela Núñez": "ángela núñez",
                                                            "Álvarez": "josé álvarez", "Millbrook": "millbrook",
                                                            "Núñez": "ángela núñez"}
    assert align.profile("On Monday José Álvarez said it.").names == {"monday", "josé", "álvarez"}


def test_a_list_of_the_same_names_is_no_shared_fact(tmp_path):
    (tmp_path / "a.txt").write_text("Pier Vote\n\nThe harbor council voted to close the pier. Repairs would cost four "
                                    "million dollars. Tory Green was second with 16 percent, with Ruiz, Maria Ortiz and "
                                    "Sam Patel behind him.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Pier Repairs\n\nThe storm damaged the old seawall. Engineers inspected the "
                                    "pilings for a week. Maria Ortiz fired at Ruiz, Tory Green and Sam Patel.\n",
                                    encoding="utf-8")
    al = align.align(load_corpus(tmp_path))
    assert set(al["status"]) == {"only_here"}
