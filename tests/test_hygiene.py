"""Hygiene on the seeds (exact findings) and on small constructed texts (no false alarms)."""

from conftest import LONG, SHORT

from analysis import hygiene, load_corpus


def test_seed_findings_are_exactly_the_known_ones(seeds):
    r = hygiene.report(seeds)
    gaps = r[r.kind.isin(["link_gap", "space_run"])]
    assert gaps["article_id"].eq(LONG).all()
    assert gaps["text"].tolist() == ["its .", "a .", "on ,", "\u00a0\u00a0"]
    text = seeds.text(LONG)
    assert text[gaps["start"].iloc[0] - 13 : gaps["end"].iloc[0]] == "with Claude, its ."
    assert text[gaps["start"].iloc[3] - 15 : gaps["end"].iloc[3] + 11] == "For this story,\u00a0\u00a0journalists"
    # The duplicate summary is found in 000 and nothing near-duplicate in 001.
    assert set(r.loc[r.kind == "near_duplicate", "article_id"]) == {SHORT}
    rep = r[r.kind == "repeated_paragraph"]
    assert rep[["article_id", "paragraph"]].values.tolist() == [[SHORT, 0]]
    assert set(r.loc[r.article_id == SHORT, "kind"]) == {"near_duplicate", "repeated_paragraph"}
    assert set(r.loc[r.article_id == LONG, "kind"]) == {"link_gap", "space_run", "headline", "heading", "boilerplate"}


def test_report_offsets_slice_back(seeds):
    r = hygiene.report(seeds)
    for aid, s, e, t in r[["article_id", "start", "end", "text"]].itertuples(index=False):
        assert seeds.text(aid)[s:e] == t


def test_every_summary_sentence_has_a_later_twin(seeds):
    pairs = hygiene.near_duplicates(seeds)
    assert set(pairs.loc[pairs.article_id == SHORT, "sentence"]) == {0, 1, 2}
    assert (pairs["other_sentence"] > pairs["sentence"]).all()
    assert hygiene.repeated_sentences(seeds) == [(SHORT, 0), (SHORT, 1), (SHORT, 2)]


def test_no_false_alarms_on_clean_prose(tmp_path):
    f = tmp_path / "clean.txt"
    f.write_text(
        "The minister spoke on Monday.  She said the plan... would work.\n"
        "Prices rose 5 % in May, officials said; the bank disagreed.\n"
        "Critics said the plan would fail. Supporters said the plan would work.\n",
        encoding="utf-8",
    )
    r = hygiene.report(load_corpus(f))
    # "5 %" is not a gap (% is not sentence punctuation); a double space after a period is a habit.
    assert r.empty, r


def test_constructed_gaps_are_found(tmp_path):
    f = tmp_path / "gappy.txt"
    f.write_text("He posted on , then wrote in his .\nRead it at\u00a0\u00a0today.\n", encoding="utf-8")
    r = hygiene.report(load_corpus(f))
    assert r["kind"].tolist() == ["link_gap", "link_gap", "space_run"]
    assert r["text"].tolist() == ["on ,", "his .", "\u00a0\u00a0"]


def test_in_context_marks_the_hit(seeds):
    r = hygiene.in_context(hygiene.capture_artifacts(seeds), seeds, width=10)
    assert r["context"].iloc[0] == "…h Claude, [its .] “We’ve un…"
    assert "[⍽⍽]" in r["context"].iloc[3]


def test_near_duplicates_by_prefix_filter_equal_every_pair_compared(tmp_path):
    """The candidate filter must not lose a pair: compare with the test applied to every pair."""
    import itertools
    import random

    from analysis import load_corpus

    rng = random.Random(3)
    vocab = "council budget mayor vote harbor pier repair cost million said the of a and to in on".split()
    for k in range(3):
        sents = [" ".join(rng.choice(vocab) for _ in range(rng.randint(3, 14))).capitalize() + "." for _ in range(60)]
        (tmp_path / f"a{k}.txt").write_text(" ".join(sents) + "\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    got = hygiene.near_duplicates(c)
    content, bigrams = hygiene._shingles(c.tokens[c.tokens["kind"] == "body"])
    want = []
    for aid in c.articles["article_id"]:
        cs, bs = content.loc[aid], bigrams.loc[aid]
        for (i, ci), (j, cj) in itertools.combinations(cs.items(), 2):
            shared = len(ci & cj)
            bi, bj = bs.get(i, frozenset()), bs.get(j, frozenset())
            if shared >= hygiene.MIN_SHARED_WORDS and (shared / min(len(ci), len(cj)) >= hygiene.WORD_CONTAINMENT or
                                                       len(bi & bj) / max(1, min(len(bi), len(bj))) >= hygiene.BIGRAM_CONTAINMENT):
                want.append((aid, int(i), int(j)))
    assert len(want) > 20  # the random text has near-duplicates to find
    assert list(zip(got["article_id"], got["sentence"], got["other_sentence"], strict=True)) == want
