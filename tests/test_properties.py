"""Property tests: loading never crashes on valid text, and every offset slices back."""

import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from analysis import CorpusError, load_corpus
from analysis.corpus import parse_article

# Arbitrary Unicode, plus text built from the characters that matter to the splitters.
tricky = st.text(
    alphabet=st.sampled_from(list(string.ascii_letters + string.digits + " .,;:!?'\"-$%\n\r\t")
                             + list("“”‘’—–…\u00a0\ufeff\u2009#*•")),
    max_size=400,
)
anything = st.text(max_size=300)


def check(text):
    paragraphs, sentences, tokens = parse_article("x", text)
    for rows, start_col in ((paragraphs, 3), (sentences, 4), (tokens, 5)):
        for row in rows:
            start, end, body = row[start_col], row[start_col + 1], row[start_col + 2]
            assert 0 <= start < end <= len(text)
            assert text[start:end] == body
    # Tokens lie inside their sentence, sentences inside their paragraph.
    sent = {s[1]: (s[4], s[5]) for s in sentences}
    para = {p[1]: (p[3], p[4]) for p in paragraphs}
    for t in tokens:
        s0, s1 = sent[t[2]]
        assert s0 <= t[5] and t[6] <= s1
    for s in sentences:
        p0, p1 = para[s[2]]
        assert p0 <= s[4] and s[5] <= p1


@settings(max_examples=300, deadline=None)
@given(tricky)
def test_offsets_on_tricky_text(text):
    check(text)


@settings(max_examples=300, deadline=None)
@given(anything)
def test_offsets_on_arbitrary_unicode(text):
    check(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=anything)
def test_load_corpus_from_disk_never_crashes(tmp_path_factory, text):
    f = tmp_path_factory.mktemp("prop") / "article.txt"
    f.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        c = load_corpus(f)
    except CorpusError as e:
        assert str(f) in str(e)  # only the documented refusals: empty / whitespace / binary / not UTF-8
        return
    full = c.text("article")
    for df in (c.paragraphs, c.sentences, c.tokens):
        for s, e, t in df[["start", "end", "text"]].itertuples(index=False):
            assert full[s:e] == t


# Sentences built from the pieces quote attribution reacts to: cues, speakers, marks, commas.
PIECES = ["said", "says", "according to", "told", "added", "claimed", "he", "she", "they", "two officials",
          "the company", "Acme", "Jane Roe", "that", "the plan failed", "“", "”", '"', "‘", "’", "'", ",", ".",
          ":", "—", "(", ")", "\n", "?", "not", "who", "saying", "It"]
speech = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join) | st.lists(
    st.sampled_from(PIECES), max_size=40).map("".join)


def check_attributions(text):
    from analysis import quotes

    for r in quotes.to_records("x", text, quotes.extract_text(text)):
        assert r["quote_spans"], r
        for a, b in r["quote_spans"]:
            assert 0 <= a < b <= len(text), r  # never empty, never inverted, never past the text
        assert [a for a, _ in r["quote_spans"]] == sorted(a for a, _ in r["quote_spans"])
        assert r["quote_start"] < r["quote_end"] and r["quote"].strip()
        assert 0 <= r["sentence_start"] < r["sentence_end"] <= len(text)
        for part in ("speaker", "cue"):
            s, e = r[f"{part}_start"], r[f"{part}_end"]
            if s is not None:
                assert 0 <= s < e <= len(text) and text[s:e] == (r["speaker_mention"] if part == "speaker" else r["cue"])


@settings(max_examples=400, deadline=None)
@given(speech)
@example("‘ ’ according to said")  # found by this test: an empty pair of quotation marks became a direct quote
def test_attribution_spans_are_never_empty_or_inverted(text):
    check_attributions(text)


@settings(max_examples=200, deadline=None)
@given(tricky)
def test_attribution_spans_on_tricky_text(text):
    check_attributions(text)


def test_trailing_according_to_attributes_the_words_before_it():
    from analysis import quotes

    for text in ("The plan failed, according to two officials.", "The plan failed, according to two officials"):
        (r,) = quotes.to_records("x", text, quotes.extract_text(text))
        assert (r["kind"], r["quote"], r["speaker"]) == ("indirect", "The plan failed", "two officials")
    assert quotes.extract_text("According to officials.") == []  # nothing was reported


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=["a", " ", ",", "”", "'", '"', "\n", "’", "\t"], max_size=16))
def test_blanked_quote_check_equals_the_regex_it_replaces(text):
    import re

    from analysis.quotes import _after_blanked_quote

    assert _after_blanked_quote(text) == bool(re.search(r"\S\s{4,}[,”’\"']*\s?$", text))
