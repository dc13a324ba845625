"""Findings as data: wording that follows the numbers, true statements on any articles, and the
README's copy of the seeds' findings kept current."""

import json
import re

import pandas as pd
import pytest
from conftest import FIXTURES, ROOT, SEEDS, corpus_of

from analysis import findings, framing, load_corpus, quotes, terms
from analysis.corpus import PAIR_LIMIT
from analysis.findings import compare, join, pct, plural, times

STORY = FIXTURES / "story"


# --- wording ---------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b, expected", [
    (302, 302, "A and B are equally long (302 words each)"),
    (310, 302, "A and B are about equally long (310 vs 302 words)"),
    (362, 302, "A is about 20% longer than B (362 vs 302 words)"),
    (640, 302, "A is about twice as long as B (640 vs 302 words)"),
    (302, 640, "B is about twice as long as A (640 vs 302 words)"),
    (450, 302, "A is about one and a half times as long as B (450 vs 302 words)"),
    (760, 302, "A is about two and a half times as long as B (760 vs 302 words)"),
    (1200, 302, "A is about four times as long as B (1,200 vs 302 words)"),
    (3600, 302, "A is about 12 times as long as B (3,600 vs 302 words)"),
    (5, 0, "A is longer than B (5 vs 0 words)"),
])
def test_comparisons_follow_the_ratio(a, b, expected):
    assert compare("A", a, "B", b, "long", "longer", "words") == expected


def test_small_words():
    assert times(2.0) == "about twice" and times(3.4) == "about three times" and times(10.4) == "about ten times"
    assert [pct(0), pct(0.004), pct(0.43), pct(0.996), pct(1)] == ["0%", "under 1%", "43%", "over 99%", "100%"]
    assert [join([]), join(["a"]), join(["a", "b"]), join(["a", "b", "c"])] == ["", "a", "a and b", "a, b and c"]
    assert plural(1, "hit") == "1 hit" and plural(2, "hit") == "2 hits" and plural(1200, "word") == "1,200 words"


# --- findings on hand-checkable text ---------------------------------------------------------


def test_equal_lengths_say_equally(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": "One two three four.\n", "b.txt": "Five six seven eight.\n"})
    (s,) = findings.length_findings(c, c.articles.set_index("article_id")["n_words"])["statement"]
    assert s == "a and b are equally long (4 body words each)."


def test_one_article_and_many_articles(tmp_path):
    one = corpus_of(tmp_path / "1" if (tmp_path / "1").mkdir() is None else None, {"a.txt": "The river rose today.\n"})
    t = findings.compute(one, n_perm=20)
    assert "a has 4 body words." in t["statement"].tolist()
    assert "With one article there is nothing to compare its words with." in t["statement"].tolist()
    (tmp_path / "3").mkdir()
    three = corpus_of(tmp_path / "3", {"a.txt": "The river rose. " * 3, "b.txt": "Rain fell. " * 5, "c.txt": "Sun. " * 2})
    (s,) = findings.length_findings(three, three.articles.set_index("article_id")["n_words"])["statement"]
    assert s == "Body lengths range from 2 words (c) to 10 (b); the median is 9."


def test_no_quotes_says_nobody_is_heard_and_makes_no_quotation_claim(tmp_path):
    c = corpus_of(tmp_path, {"x.txt": "The river rose. Farmers moved cattle.\n", "y.txt": "Rain fell. The bridge closed.\n"})
    t = findings.compute(c, n_perm=20)
    assert "Nobody is quoted or paraphrased in the body of x." in t["statement"].tolist()
    assert not t["finding"].isin(["direct_quotation", "neutral_said", "verb_stance"]).any()


def test_significance_is_claimed_only_when_the_permutation_says_so(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": "A b.\n", "b.txt": "C d.\n"})
    summary = {"terms_tested": 300, "largest_abs_z": 3.9, "terms_abs_z_over_1.96": 4, "smallest_q_g2": 0.01}
    strong = findings.distinctive_findings(c, summary, pd.Series({"n_terms": 300, "p_value": 0.004, "null_q95": 2.1}))
    weak = findings.distinctive_findings(c, summary, pd.Series({"n_terms": 300, "p_value": 0.2, "null_q95": 4.2}))
    assert "larger than chance" in strong["statement"][0] and "p = 0.004" in strong["statement"][0]
    assert weak["statement"][0].startswith("No single word distinguishes") and "4 terms pass |z| = 1.96" in weak["statement"][0]


def test_quotation_wording_at_the_extremes(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": "A b.\n", "b.txt": "C d.\n"})
    shares = pd.DataFrame({"article_id": ["a", "b"], "kind": ["direct", "indirect"], "share_of_words": [1.0, 1.0]})
    assert findings.quotation_findings(c, shares)["statement"].tolist() == [
        "All the attributed words in a are in quotation marks: it paraphrases nobody.",
        "b quotes nobody directly: all its attributed speech is the reporter's paraphrase."]


def test_every_row_has_the_columns_and_parseable_values(tmp_path):
    t = findings.compute(load_corpus(STORY), actors=framing.load_actors(STORY / "actors.csv"), n_perm=50)
    assert list(t.columns) == findings.COLUMNS and len(t) > 15
    for r in t.itertuples():
        assert r.statement.endswith(".") and isinstance(json.loads(r.values), dict)
        for e in json.loads(r.evidence):
            assert set(e) == {"article_id", "sentence", "text"}


# --- true of these articles, and only of them -------------------------------------------------

SEED_WORDS = ["Anthropic", "DeepSeek", "Moonshot", "MiniMax", "Claude", "distillation", "Chinese", "Reddit",
              "Tory Green", "16 million", "24,000", "authors"]


def test_findings_on_another_story_name_only_what_is_in_it():
    corpus = load_corpus(STORY)
    t = findings.compute(corpus, actors=framing.load_actors(STORY / "actors.csv"), n_perm=50)
    text = " ".join(t["statement"])
    assert not [w for w in SEED_WORDS if w.lower() in text.lower()]
    story = " ".join(corpus.articles["text"]) + " " + " ".join(corpus.articles["label"])
    story += " " + (STORY / "actors.csv").read_text(encoding="utf-8")
    method = {"Body", "Lexical", "MATTR", "No", "Against", "English", "In", "Quotation", "All", "The", "Nobody",
              "With", "Jaccard", "Both", "Only", "G2", "Direct", "Problem", "Causal", "Moral", "Remedy", "Flesch", "Kincaid", "US", "Of", "Names"}  # the measures' own words
    names = set(re.findall(r"\b[A-Z][\w&]*", text)) - method
    assert names and not [n for n in names if n not in story], names
    for number in re.findall(r"\$[\d.,]+ (?:million|billion)", text):
        assert number in story


def test_seed_findings_state_what_the_notebooks_discuss(seeds):
    t = findings.compute(seeds, actors=framing.load_actors(SEEDS / "actors.csv"), n_perm=200)
    h = findings.headline(t)
    assert 8 <= len(h) <= 15
    assert {"length", "distinctive_terms", "lead_voice_pair", "voiceless_pair", "placement_pair"} <= set(h["finding"])
    statements = dict(zip(h["finding"], h["statement"], strict=True))
    assert "about twice as long" in statements["length"] and "640 vs 302" in statements["length"]
    assert statements["distinctive_terms"].startswith("No single word distinguishes the articles beyond chance")
    assert "DeepSeek, MiniMax, Moonshot" in statements["voiceless_pair"]
    assert "headline" in statements["placement_pair"]


# --- links and the README's copy ------------------------------------------------------------

def notebook_anchors(path) -> set[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    heads = [line.lstrip("#").strip() for c in nb["cells"] if c["cell_type"] == "markdown"
             for line in "".join(c["source"]).splitlines() if line.startswith("#")]
    return {h.replace(" ", "-") for h in heads}


def test_every_evidence_link_points_at_a_notebook_heading():
    sections = {v for k, v in vars(findings).items() if k.startswith("S_") and isinstance(v, str)}
    missing = []
    for s in sorted(sections):
        name, anchor = s.split("#")
        if anchor not in notebook_anchors(ROOT / "notebooks" / name):
            missing.append(s)
    assert not missing, missing


def test_readme_what_we_found_is_current(seeds):
    from analysis.run import README_END, README_START, readme_findings

    actors = framing.load_actors(SEEDS / "actors.csv")
    now = findings.markdown(findings.headline(findings.compute(seeds, quotes.extract(seeds), actors)), links=True)
    committed = (ROOT / "results" / "00_findings" / "findings.md").read_text(encoding="utf-8")
    assert committed == now + "\n", "results/00_findings/findings.md is stale: run make"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(README_START): readme.index(README_END) + len(README_END)]
    assert block == readme_findings(committed), "README's What we found is stale: run make"


def test_the_same_quantity_prints_the_same_number_in_every_notebook(seeds):
    # Notebook 3's words per speaker and notebook 4's voice share are one definition (body attributions).
    atts = quotes.extract(seeds)
    v = quotes.voices(atts, seeds)
    vs = framing.voice_share(seeds, atts, framing.actors_from_speakers(atts))
    both = v.merge(vs, left_on=["article_id", "speaker"], right_on=["article_id", "actor"])
    assert len(both) == len(v) > 5 and (both["share"] == both["voice_share"]).all()
    t = findings.compute(seeds, atts, framing.actors_from_speakers(atts), n_perm=50)
    lead = json.loads(t[(t["finding"] == "lead_voice") & (t["article_id"] == v["article_id"].iloc[0])]["values"].iloc[0])
    assert lead["share"] == pytest.approx(v["share"].iloc[0], rel=1e-5)


def test_notebooks_on_another_story_say_nothing_about_the_seeds(tmp_path):
    from analysis.run import run_all

    done = run_all(articles=STORY, out=tmp_path / "out", log=lambda *_: None)
    screen = []
    for path in done:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for c in nb["cells"]:
            if c["cell_type"] == "markdown":
                screen.append("".join(c["source"]))
            for o in c.get("outputs", []):
                assert o["output_type"] != "error" and o.get("name") != "stderr", (path.name, o)
                screen.append("".join(o.get("text", "")) + "".join(o.get("data", {}).get("text/markdown", "")))
    text = "\n".join(screen)
    assert "Gazette" in text and "Maria Ortiz" in text  # the story's own names are there
    found = [w for w in SEED_WORDS if re.search(rf"\b{re.escape(w)}\b", text)]
    assert not found, found


def test_headline_verb_against_the_body(seeds):
    t = findings.compute(seeds, actors=framing.load_actors(SEEDS / "actors.csv"), n_perm=50)
    (s,) = t.loc[t["finding"] == "headline_verb", "statement"]
    assert s.startswith('Long feature (001)\'s headline has Anthropic "asserts" (distancing); in the body, Anthropic\'s verbs are')
    stance = t[t["finding"] == "verb_stance"]["statement"].tolist()
    assert any(x.startswith("In Long feature (001), Critics' 2 attribution verbs") and "endorsing 1 time (point out)" in x for x in stance)
    assert not any("they's" in x or "they'" in x for x in stance)


def test_entman_reading_uses_voices_reply_and_evaluation():
    t = findings.compute(load_corpus(STORY), actors=framing.load_actors(STORY / "actors.csv"), n_perm=50)
    said = dict(zip(t["finding"] + ":" + t["article_id"], t["statement"], strict=True))
    assert said["entman_problem:a_gazette"].endswith("Halvorsen & Sons is named but not heard (Halvorsen & Sons declined to comment).")
    assert said["entman_problem:c_bulletin"].endswith("Harbor council is named but neither heard nor said to have been asked for comment.")
    assert said["entman_moral:b_courier"].endswith("2 evaluative words in the narrator's own voice (surprisingly and swift) and 0 inside attributed speech.")
    assert said["entman_moral:c_bulletin"].endswith("there is no counter-frame.")


def test_vocabulary_against_the_rest_counts_own_types_in_words(tmp_path):
    """Beyond PAIR_LIMIT articles each article is compared with all the others together, and the
    sentence agrees in number with the count of types it alone uses."""
    shared = "The council approved the harbour budget after a long debate."
    own = {1: " Penguins swam.", 2: " Zebras."}
    for k in range(PAIR_LIMIT + 1):
        (tmp_path / f"a{k:02d}.txt").write_text(shared + own.get(k, "") + "\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    found = findings.vocabulary_findings(corpus, terms.vocabulary_overlap(corpus.tokens)).set_index("article_id")
    assert found.at["a00", "statement"].endswith("; 0 types occur in it alone.")
    assert found.at["a01", "statement"].endswith("; 2 types occur in it alone.")
    assert found.at["a02", "statement"].endswith("; 1 type occurs in it alone.")


def test_a_repeated_quote_is_no_verb_of_the_article(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Pier Vote\n\n“The pier must close,” Ruiz said on Monday.\n\nThe council met for three hours.\n\n"
        "The vote was delayed until spring.\n\nMaria Ortiz argued that the levy would pass.\n\n"
        "“The pier must close.”\n", encoding="utf-8")
    corpus = load_corpus([tmp_path / "a.txt"])
    atts = quotes.extract(corpus)
    assert (atts["cue_lemma"] == quotes.REPEAT_CUE).any()
    said = findings.said_findings(corpus, quotes.body_attributions(corpus, atts))
    assert json.loads(said["values"].iloc[0])["with_verb"] == 2 and "repeats" not in said["statement"].iloc[0]


@pytest.mark.parametrize("p, q, start", [
    (0.01, 0.01, "The largest difference between the articles' word use is larger than chance"),
    (0.76, 0.42, "No single word distinguishes the articles beyond chance"),
    (0.09, 0.001, "No single word distinguishes the articles beyond chance"),  # the permutation decides, not G2
])
def test_the_distinctive_terms_verdict_follows_both_tests(seeds, p, q, start):
    summary = {"terms_tested": 377, "largest_abs_z": 126.22, "terms_abs_z_over_1.96": 376, "smallest_q_g2": q}
    perm = pd.Series({"p_value": p, "null_q95": 126.22, "n_terms": 377})
    text = findings.distinctive_findings(seeds, summary, perm)["statement"].iloc[0]
    assert text.startswith(start)
    assert "is below" not in text  # 126.22 against a 95th percentile of 126.22: equal, not below


def test_a_description_that_speaks_is_written_in_lower_case_inside_a_sentence(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": "Pier Vote\n\nA student wrote the Millbrook Gazette that the pier was unsafe. "
                                      "The council met on Monday.\n",
                             "b.txt": "Pier Repairs\n\nThe Millbrook Gazette reported that repairs would wait.\n"})
    t = findings.compute(c, n_perm=20)
    (lead,) = t.loc[(t["finding"] == "lead_voice") & (t["article_id"] == "a"), "statement"]
    assert "goes to a student:" in lead
    (lead_b,) = t.loc[(t["finding"] == "lead_voice") & (t["article_id"] == "b"), "statement"]
    assert "goes to The Millbrook Gazette" in lead_b or "goes to Millbrook Gazette" in lead_b


def test_an_unresolved_pronoun_that_speaks_is_said_to_be_one(tmp_path):
    c = corpus_of(tmp_path, {"a.txt": "Pier Vote\n\nWe asked our readers what they thought of the pier vote.\n",
                             "b.txt": "Pier Repairs\n\nThe Millbrook Gazette reported that repairs would wait.\n"})
    t = findings.compute(c, n_perm=20)
    (lead,) = t.loc[(t["finding"] == "lead_voice") & (t["article_id"] == "a"), "statement"]
    assert "goes to “We” (unresolved):" in lead


def test_figures_carried_alone_keep_their_hedge_in_lower_case(tmp_path):
    from analysis import align

    corpus = corpus_of(tmp_path, {
        "a.txt": "More than 500 people came to the pier on Sunday.\n\nThe mayor spoke for an hour.",
        "b.txt": "The pier opened on Sunday.\n\nAbout 3,000 tickets were sold before noon.",
    })
    text = findings.figure_findings(corpus, align.figures(corpus))["statement"].iloc[0]
    assert "gives more than 500" in text and "gives about 3,000" in text, text
    assert text[0].isupper()


@pytest.mark.parametrize("actor, written", [
    ("A spokesman for Platte River", "a spokesman for Platte River"),  # a description, though it names a firm
    ("The senators", "the senators"),
    ("The Washington Post", "The Washington Post"),  # a name keeps its capital
    ("We", "“We” (unresolved)"),
])
def test_an_actor_inside_a_sentence(actor, written):
    assert findings._in_sentence(actor) == written


def test_one_evaluative_word_is_one_word(tmp_path):
    c = corpus_of(tmp_path, {"x.txt": "Pier Vote\n\nRuiz said the plan was “outrageous.” The council met on Tuesday.\n",
                             "y.txt": "Pier Repairs\n\nThe storm damaged the seawall. Engineers inspected it.\n"})
    t = findings.compute(c, n_perm=20)
    said = t.loc[t["finding"] == "narrated_evaluation", "statement"].tolist()
    assert "The one evaluative word in x is inside attributed speech (outrageous): it sources its evaluation." in said


def test_numbers_read_as_numbers():
    # a median of four word counts had printed as "1.27e+03"
    assert findings.number(1265.5) == "1,265.5"
    assert findings.number(1266) == "1,266"
    assert findings.number(12.345) == "12.3"
    assert all("e" not in findings.number(x + 0.5) for x in (999, 1_000, 25_000, 1_234_567))
