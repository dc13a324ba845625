"""The corpus model on the real seed articles: structure, offsets, gold sentences, tokens."""

import pandas as pd
import pytest
from conftest import FIXTURES, LONG, SEEDS, SHORT

from analysis import load_corpus
from analysis.corpus import classify_paragraphs, paragraph_spans


def test_articles_table(seeds):
    a = seeds.articles.set_index("article_id")
    assert list(a.index) == [SHORT, LONG]
    assert a.at[SHORT, "label"] == "Short wire piece (000)"  # from seeds/metadata.csv
    assert a.at[SHORT, "headline"] == ""
    assert a.at[LONG, "headline"].startswith("Anthropic asserts three Chinese firms")
    for aid in a.index:
        assert a.at[aid, "text"] == (SEEDS / f"{aid}.txt").read_text(encoding="utf-8")
        assert a.at[aid, "n_chars"] == len(a.at[aid, "text"])
    assert 290 <= a.at[SHORT, "n_words"] <= 310 and 670 <= a.at[LONG, "n_words"] <= 700


def test_paragraph_kinds(seeds):
    p = seeds.paragraphs
    assert p[p.article_id == SHORT]["kind"].tolist() == ["body"] * 5
    kinds = p[p.article_id == LONG].set_index("paragraph")["kind"]
    assert kinds[0] == "headline"
    assert kinds[kinds == "heading"].index.tolist() == [6, 10]
    assert kinds[kinds == "boilerplate"].index.tolist() == [14]
    assert (kinds == "body").sum() == 11


@pytest.mark.parametrize("table", ["paragraphs", "sentences", "tokens"])
def test_every_offset_slices_back_to_the_row(seeds, table):
    texts = seeds.articles.set_index("article_id")["text"]
    df = getattr(seeds, table)
    for aid, start, end, text in df[["article_id", "start", "end", "text"]].itertuples(index=False):
        assert texts[aid][start:end] == text


@pytest.mark.parametrize("aid", [SHORT, LONG])
def test_sentences_match_hand_gold(seeds, aid):
    gold = (FIXTURES / f"sentences_{aid}.txt").read_text(encoding="utf-8").splitlines()
    got = seeds.sentences.loc[seeds.sentences.article_id == aid, "text"].tolist()
    assert got == gold


def test_sentence_total_is_forty(seeds):
    assert len(seeds.sentences) == 40


def _tokens_of(seeds, aid, start_text):
    s = seeds.sentences[(seeds.sentences.article_id == aid) & seeds.sentences.text.str.startswith(start_text)]
    sid = int(s["sentence"].iloc[0])
    return seeds.tokens.loc[(seeds.tokens.article_id == aid) & (seeds.tokens.sentence == sid), "text"].tolist()


def test_hard_tokens_on_real_sentences(seeds):
    t = _tokens_of(seeds, LONG, "In September 2025")
    assert "$" in t and "1.5" in t and "3,000" in t and "500,000" in t
    t = _tokens_of(seeds, SHORT, "The company claims the activity")
    assert "24,000" in t and "U.S." in t
    t = _tokens_of(seeds, SHORT, "“You trained")
    assert "IO.Net" in t and "co-founder" in t and "‘" in t and "’" in t
    t = _tokens_of(seeds, SHORT, "Anthropic’s announcement")
    assert t[:2] == ["Anthropic", "’s"]
    t = _tokens_of(seeds, SHORT, "Anthropic has accused three Chinese AI labs—DeepSeek")
    assert t[6:9] == ["labs", "—", "DeepSeek"]
    t = _tokens_of(seeds, LONG, "Once those accounts")
    assert "high-token" in t and "step-by-step" in t


def test_token_columns(seeds):
    tok = seeds.tokens
    row = tok[(tok.text == "’s")].iloc[0]
    assert row["norm"] == "'s" and bool(row["is_stop"]) and bool(row["is_word"])
    us = tok[tok.text == "U.S."]
    assert len(us) >= 3 and set(us["norm"]) == {"u.s."} and not us["is_stop"].any()
    accus = tok[tok.norm.isin(["accused", "accusing", "accusations", "accuse"])]
    assert set(accus["stem"]) == {"accus"}
    for word in ("ai", "x", "system", "used", "said"):
        assert not tok.loc[tok.norm == word, "is_stop"].any()
    assert not tok.loc[tok.text.isin(["—", ",", "“", "”", "$"]), "is_word"].any()


def test_paragraph_ids_and_kinds_carry_down(seeds):
    s = seeds.sentences.merge(seeds.paragraphs[["article_id", "paragraph", "kind"]], on=["article_id", "paragraph"])
    assert (s["kind_x"] == s["kind_y"]).all()
    assert seeds.tokens.groupby("article_id")["token"].apply(lambda x: list(x) == list(range(len(x)))).all()


def test_drop_sentences_recounts(seeds):
    dropped = seeds.drop_sentences([(SHORT, 0), (SHORT, 1), (SHORT, 2)])
    a = dropped.articles.set_index("article_id")
    assert a.at[SHORT, "n_sentences"] == 10
    assert a.at[LONG, "n_words"] == seeds.articles.set_index("article_id").at[LONG, "n_words"]
    assert not ((dropped.tokens.article_id == SHORT) & (dropped.tokens.sentence < 3)).any()


def test_label_keeps_corpus_order(seeds):
    cat = seeds.label(pd.Series([LONG, SHORT]))
    assert list(cat.categories) == ["Short wire piece (000)", "Long feature (001)"]


def test_list_of_files_and_single_file():
    one = load_corpus(SEEDS / f"{LONG}.txt")
    assert one.articles["article_id"].tolist() == [LONG]
    both = load_corpus([SEEDS / f"{LONG}.txt", SEEDS / f"{SHORT}.txt"])
    assert both.articles["article_id"].tolist() == [LONG, SHORT]  # order as given


def test_markdown_headings_and_hard_wrapped_paragraphs(tmp_path):
    text = (
        "# Ministers clash over budget\n\n"
        "The finance minister said on Tuesday that the budget would balance within\n"
        "three years, a claim the opposition called fantasy. It was the second\n"
        "such clash this month.\n\n"
        "## Reaction\n\n"
        "Critics were unmoved.\n"
    )
    f = tmp_path / "story.md"
    f.write_text(text, encoding="utf-8")
    c = load_corpus(f)
    assert c.paragraphs["kind"].tolist() == ["headline", "body", "heading", "body"]
    assert c.paragraphs["text"].tolist()[0] == "Ministers clash over budget"
    assert c.paragraphs["text"].tolist()[2] == "Reaction"
    assert len(c.sentences[c.sentences.paragraph == 1]) == 2


def test_classify_paragraphs_rules():
    kinds = classify_paragraphs([
        "Big news today",
        "A body paragraph that ends properly.",
        "- a bullet item",
        "Short heading",
        "“A quoted line ends in a period.”",
        "Reporting by Jane Doe; editing by John Roe",
    ])
    assert kinds == ["headline", "body", "body", "heading", "body", "boilerplate"]


def test_single_paragraph_file_is_body(tmp_path):
    f = tmp_path / "one.txt"
    f.write_text("Just a title-like line", encoding="utf-8")
    assert load_corpus(f).paragraphs["kind"].tolist() == ["body"]


def test_paragraph_spans_skip_blank_lines():
    spans = paragraph_spans("  \n\nFirst line.\n\n\nSecond line.\n  \n")
    assert [(s, e) for s, e, _ in spans] == [(4, 15), (18, 30)]


def test_select_keeps_only_the_given_articles(seeds):
    one = seeds.select([LONG])
    assert one.articles["article_id"].tolist() == [LONG]
    assert set(one.tokens["article_id"]) == {LONG} and len(one.sentences) == 27


def test_markup_tags_are_not_words(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Police named a suspect.\n\n<tweet id=\"672138506081275904\" author=\"@MissDBunker\">Scanner: Farook was "
        "nervous</tweet>.\n\n<div><p>It is.</p></div>\n\nHe said 2 < 3 and 5 > 4.\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    words = c.tokens.loc[c.tokens["is_word"], "text"].tolist()
    assert words == ["Police", "named", "a", "suspect", "Scanner", "Farook", "was", "nervous", "It", "is", "He", "said",
                     "2", "3", "and", "5", "4"]
    assert c.articles["n_words"].iloc[0] == len(words)
    text = c.text("a")  # the markup stays in the text and the sentences; it only yields no token
    assert all(text[a:b] == t for a, b, t in zip(c.tokens["start"], c.tokens["end"], c.tokens["text"], strict=True))
    assert all(text[a:b] == t for a, b, t in zip(c.sentences["start"], c.sentences["end"], c.sentences["text"], strict=True))
    assert "</tweet>" in " ".join(c.sentences["text"]) and not c.tokens["text"].str.contains("tweet").any()


@pytest.mark.parametrize("first, kind", [
    ("Trump Says He Is Unlikely To Have A Good Relationship With David Cameron.", "headline"),  # title case
    ("Super PAC blasts Trump for skipping debate.", "body"),  # sentence case: cannot be told from a lede
    ("The council met on Monday to discuss the plan.", "body"),  # a one-sentence lede
    ("Sanders advances agenda via side doors;\nThe senator finds ways around a stalled Senate to move his plans ahead.", "headline"),  # title; dek
    ("Kasich: ‘We Are Going To Go All The Way To Cleveland.’", "headline"),  # ends inside a quotation
    ("The council met on Tuesday. It voted twice.", "body"),  # two sentences: a lede
    ("The plan is bad, he said.", "body"),  # attribution: a lede
])
def test_a_short_first_line_with_a_stop_is_a_headline(tmp_path, first, kind):
    body = ("The city council voted on Tuesday to approve the budget after a long debate about the cost "
            "of repairs to the harbor and the pier, which officials said would take two years.")
    (tmp_path / "a.txt").write_text(f"{first}\n\n{body}\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    assert c.paragraphs["kind"].iloc[0] == kind


def _folder(tmp_path, firsts):
    body = ("The city council voted on Tuesday to approve the budget after a long debate about the cost "
            "of repairs to the harbor and the pier, which officials said would take two years.")
    for i, first in enumerate(firsts):
        (tmp_path / f"a{i}.txt").write_text(f"{first}\n\n{body}\n\nA second paragraph follows here.\n", encoding="utf-8")
    return load_corpus(tmp_path)


def test_a_folder_that_writes_titles_first_keeps_its_sentence_case_titles(tmp_path):
    # Four unmistakable titles and three sentence-case ones with a period: the folder writes a title line first, so
    # "Super PAC blasts Trump for skipping debate." is a headline here, though alone it reads like a lede.
    firsts = ["Trump Wins In Nevada", "Clinton Campaign Shifts Staff To Iowa", "Sanders advances agenda;",
              "Rubio Says He Will Stay In The Race", "Super PAC blasts Trump for skipping debate.",
              "Carson slips in a new poll.", "Cruz courts evangelical voters in Iowa."]
    c = _folder(tmp_path, firsts)
    assert (c.paragraphs.groupby("article_id")["kind"].first() == "headline").all()
    assert c.articles.set_index("article_id").loc["a4", "headline"] == "Super PAC blasts Trump for skipping debate."


def test_one_sentence_ledes_without_titles_stay_body(tmp_path):
    # A folder with no title lines, each article opening with a one-sentence lede: nothing to infer a convention from.
    firsts = ["The council met on Monday.", "Police named a suspect on Friday.", "The storm hit the coast overnight.",
              "Voters went to the polls in record numbers.", "The company cut 200 jobs.", "A fire closed the school."]
    c = _folder(tmp_path, firsts)
    assert (c.paragraphs.groupby("article_id")["kind"].first() == "body").all()


def test_label_lines_of_converted_texts_are_headings():
    # a live blog's time stamps, a rule and capitalised section labels carry a full stop in converted texts
    # ("8:00 p.m.", "___.", "FULL TEXT."): headings, so no two articles "share a fact" for both having one
    kinds = classify_paragraphs(["Pier Vote", "The council voted on Tuesday.", "8:00 p.m.", "Ruiz won the vote.",
                                 "___.", "FULL TEXT.", "NO.", "She said yes."])
    assert kinds == ["headline", "body", "heading", "body", "heading", "heading", "body", "body"]
