"""Offline NLP primitives on hand-checkable sentences."""

from analysis import nlp


def toks(s):
    return [s[a:b] for a, b in nlp.token_spans(s)]


def sents(s):
    return [s[a:b] for a, b in nlp.sentence_spans(s)]


def test_normalise_keeps_length_and_maps_quotes():
    s = "“We’ve” ‘done’\u00a0it\ufeff"
    n = nlp.normalise(s)
    assert len(n) == len(s) and n == "\"We've\" 'done' it "


def test_sentence_split_abbreviations():
    assert sents("Mr. Smith met Dr. Jones at 5 p.m. on Jan. 5. They talked.") == [
        "Mr. Smith met Dr. Jones at 5 p.m. on Jan. 5.",
        "They talked.",
    ]


def test_sentence_split_after_us_before_sentence_opener():
    assert sents("Its rivals moved to the U.S. Its investors followed. U.S. firms agreed.") == [
        "Its rivals moved to the U.S.",
        "Its investors followed.",
        "U.S. firms agreed.",
    ]
    # A name after U.S. is not a sentence start.
    assert len(sents("The U.S. Senate voted.")) == 1


# Abbreviations that are also words: the period ends a sentence unless a number, a month or (for a
# state) the city before it says it is the abbreviation. Each case is checked by both splitters.
WORD_ABBREVIATION_CASES = [
    ("The cat sat. The dog ran.", 2),
    ("He fell ill. Doctors said so.", 2),
    ("The Republican candidate said no. But he said bullying happens.", 2),  # PolNeAR train, 2 of 5 changed
    ("It is mainly wind and sun. But even the Chancellor agreed.", 2),
    ("It reached critical mass. Investors fled.", 2),
    ("He lives in Springfield, Ill. The mayor disagreed.", 2),
    ("He lives in Springfield, Ill. Mayor Smith disagreed.", 1),
    ("The vote is on Sat. Jan. 4 at noon.", 1),
    ("Meet on Wed. Oct. 3 at the hall.", 1),
    ("See Fig. 3 and No. 5 for details.", 1),
    ("John P. Smith spoke.", 1),
    ("Boston, Mass. Gov. Healey said.", 1),
    ("The gap between Clinton and then-Sen. Barack Obama was narrower.", 1),  # the part after a hyphen, as Punkt
    ("The mood was anti-U.S. The crowd left.", 2),
    ("The mood was anti-U.S. in tone.", 1),
]


def test_word_abbreviations_end_sentences_unless_context_says_otherwise():
    for text, n in WORD_ABBREVIATION_CASES:
        assert len(sents(text)) == n, text
        assert nlp.fast_sentence_spans(text) == nlp.sentence_spans(text), text


def test_sentence_split_quotes():
    s = "“We did it,” the company stated. “These labs cheated.” Critics disagreed."
    assert sents(s) == ["“We did it,” the company stated.", "“These labs cheated.”", "Critics disagreed."]


def test_tokens_hard_cases():
    assert toks("Anthropic’s U.S. rival IO.Net paid $1.5 billion for 24,000 high-token chats—really.") == [
        "Anthropic", "’s", "U.S.", "rival", "IO.Net", "paid", "$", "1.5", "billion", "for", "24,000",
        "high-token", "chats", "—", "really", ".",
    ]


def test_sentence_final_abbreviation_keeps_its_period():
    assert toks("They moved to the U.S.")[-1] == "U.S."
    assert toks("They left.")[-2:] == ["left", "."]


def test_tokenizer_never_fails_on_odd_quotes():
    for s in ["''", "`` ''", "\"'\"'\"", "a '' b `` c", "\u201c\u201d\u2018\u2019"]:
        spans = nlp.token_spans(s)
        assert all(0 <= a < b <= len(s) for a, b in spans)


def test_stopwords_are_function_words_only():
    sw = nlp.stopwords()
    assert {"the", "of", "and", "'s", "n't", "us"} <= sw
    assert not {"ai", "x", "system", "used", "said", "u.s.", "new"} & sw
    assert all(w == w.lower() and " " not in w for w in sw)


def test_stems_pool_inflections():
    assert {nlp.stem(w) for w in ["accuse", "accused", "accusing", "accusations"]} == {"accus"}
    assert nlp.stem("distillation") == nlp.stem("distillations")


def test_ends_like_sentence():
    assert nlp.ends_like_sentence("It ended.”")
    assert nlp.ends_like_sentence("Really?")
    assert not nlp.ends_like_sentence("‘How the turn tables’")
    assert not nlp.ends_like_sentence("What the Chinese firms are accused of")


def test_a_sentence_may_open_with_an_accented_capital():
    text = "The levy would pass. Álvarez said it was late. Then Dr. Ñoño spoke."
    expected = ["The levy would pass.", "Álvarez said it was late.", "Then Dr. Ñoño spoke."]
    assert [text[a:b] for a, b in nlp.fast_sentence_spans(text)] == expected
    assert [text[a:b] for a, b in nlp.sentence_spans(text)] == expected
    assert nlp.fold_letters("José Ñoño") == "Jose Nono" and len(nlp.fold_letters("Ærø")) == 3
