"""Text hygiene: find what a capture left behind before anything is counted.

Web captures strip hyperlinked words ("engaging with Claude, its ."), leave no-break spaces
where an outlet's name was, and wire copy often opens with a summary that repeats the body.
Each would distort later counts, so the notebooks report them first and can count without them.

``report()`` columns: article_id, kind, paragraph, sentence (-1 when not sentence-level),
start, end, text (``article_text[start:end]``), detail. Kinds:

- ``link_gap``: a word followed by a space and punctuation (", its ." / "on ,"): a hyperlinked
  word was probably stripped.
- ``space_run``: two or more spaces inside a line that include a no-break space, or that do not
  follow sentence punctuation: a word (often the outlet's name) was probably stripped.
- ``headline`` / ``heading`` / ``boilerplate``: structure found by the loader; they are kept out
  of body counts.
- ``near_duplicate``: a sentence that repeats another sentence of the same article.
- ``repeated_paragraph``: a paragraph every sentence of which repeats a sentence elsewhere in
  the article (a summary lede); ``repeated_sentences()`` gives its sentences for dropping.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from . import nlp
from .corpus import Corpus

REPORT_COLUMNS = ["article_id", "kind", "paragraph", "sentence", "start", "end", "text", "detail"]

# A word, spaces, then punctuation that is followed by a space, a quote or the end of the line.
_LINK_GAP_RE = re.compile(r"\b\w+( +)[.,;:!?](?=[\s\"')\]]|$)")
_SPACE_RUN_RE = re.compile(r"(?<=\S)[ \u00a0\u2007\u202f]{2,}(?=\S)")

# Near-duplicate thresholds (see near_duplicates): shares of the shorter sentence's content.
MIN_SHARED_WORDS = 5
WORD_CONTAINMENT = 0.5
# A content stem found in more sentences of one article than this is not used to find candidate
# pairs: on its own it says little about repetition ("said"), and probing it would compare most
# sentences of a very long article with each other (a 5 MB article: 17 million candidate pairs).
# A pair is then missed only when all but four of the shorter sentence's content stems are this
# common in the article and the rarest is not shared, so an article of up to this many sentences
# is searched exactly, and a sentence repeated word for word is always found.
MAX_POSTING = 50
BIGRAM_CONTAINMENT = 0.25


def _locate(corpus: Corpus, article_id: str, pos: int) -> tuple[int, int]:
    """(paragraph, sentence) containing character ``pos`` of an article, -1 where none."""
    sents = corpus.sentences[corpus.sentences["article_id"] == article_id]
    hit = sents[(sents["start"] <= pos) & (sents["end"] > pos)]
    if len(hit):
        return int(hit["paragraph"].iloc[0]), int(hit["sentence"].iloc[0])
    paras = corpus.paragraphs[corpus.paragraphs["article_id"] == article_id]
    hit = paras[(paras["start"] <= pos) & (paras["end"] > pos)]
    return (int(hit["paragraph"].iloc[0]) if len(hit) else -1), -1


def capture_artifacts(corpus: Corpus) -> pd.DataFrame:
    """Stripped-link gaps and suspicious space runs, one row each (columns as in ``report``)."""
    rows = []
    for aid, text in zip(corpus.articles["article_id"], corpus.articles["text"], strict=True):
        for m in _LINK_GAP_RE.finditer(text):
            p, s = _locate(corpus, aid, m.start())
            rows.append((aid, "link_gap", p, s, m.start(), m.end(), m.group(0),
                         "space before punctuation: a hyperlinked word was probably stripped here"))
        for m in _SPACE_RUN_RE.finditer(text):
            run = m.group(0)
            before = text[m.start() - 1]
            if run.strip(" ") == "" and nlp.normalise(before) in ".!?:\"')":
                continue  # typewriter double space after a sentence: harmless
            p, s = _locate(corpus, aid, m.start())
            nbsp = sum(ch != " " for ch in run)
            rows.append((aid, "space_run", p, s, m.start(), m.end(), run,
                         f"{len(run)} spaces ({nbsp} no-break) between words: a word was probably stripped here"))
    return pd.DataFrame(rows, columns=REPORT_COLUMNS).sort_values(["article_id", "start"], ignore_index=True)


def _shingles(tokens: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    words = tokens[tokens["is_word"]]
    content = words[~words["is_stop"]].groupby(["article_id", "sentence"])["stem"].agg(frozenset)
    bigrams = words.groupby(["article_id", "sentence"])["stem"].agg(lambda s: frozenset(zip(s, s.iloc[1:], strict=False)))
    return content, bigrams


def _prefix_probe(sets: dict, need, max_posting: int = MAX_POSTING) -> set[tuple]:
    """Pairs (i, j), i < j, that can share at least ``need(smaller set)`` items, by prefix filtering
    (Chaudhuri, Ganti & Kaushik 2006): with items ordered rarest first, two sets sharing at least t
    items share one among the first len(x) - t + 1 items of the smaller set x. Each set's prefix is
    probed against every set's items, so common items at the end of every order are never probed.
    Items in more than ``max_posting`` sets are not probed (see MAX_POSTING), except each set's
    rarest item, so that a repeated set is always found."""
    df: dict = {}
    for items in sets.values():
        for t in items:
            df[t] = df.get(t, 0) + 1
    index: dict = {}
    for k, items in sets.items():
        for t in items:
            index.setdefault(t, []).append(k)
    out = set()
    for k, items in sets.items():
        t = need(len(items))
        if t > len(items) or t < 1:
            continue
        prefix = sorted(items, key=lambda x: (df[x], repr(x)))[: len(items) - t + 1]
        for n, item in enumerate(prefix):
            if n and df[item] > max_posting:  # the rarest item is always probed: a repeated sentence is found
                continue
            for other in index[item]:
                if other != k and len(sets[other]) >= len(items):
                    out.add((k, other) if k < other else (other, k))
    return out


def _candidates(content: dict) -> list[tuple]:
    """Sentence pairs of one article that could pass :func:`near_duplicates`' test. Both of its
    branches require MIN_SHARED_WORDS shared content stems, so the pairs that can share that many
    are all the candidates (by prefix filtering); the test itself is applied afterwards. The same
    pairs as comparing every pair, without comparing every pair (up to MAX_POSTING)."""
    return sorted(_prefix_probe(content, lambda n: MIN_SHARED_WORDS))


def near_duplicates(corpus: Corpus) -> pd.DataFrame:
    """Pairs of body sentences in the same article that say nearly the same thing.

    Two sentences are near-duplicates when they share at least MIN_SHARED_WORDS content-word
    stems and either half the shorter sentence's content stems (WORD_CONTAINMENT) or a quarter
    of its word-stem bigrams (BIGRAM_CONTAINMENT). Containment, not Jaccard, because a summary
    sentence often compresses a longer body sentence. Columns: article_id, sentence,
    other_sentence (later one), shared_words, word_containment, bigram_containment, text,
    other_text.
    """
    body = corpus.tokens[corpus.tokens["kind"] == "body"]
    content, bigrams = _shingles(body)
    rows = []
    with_words = set(content.index.get_level_values(0))
    for aid in corpus.articles["article_id"]:
        if aid not in with_words:
            continue
        c, b = content.loc[aid].to_dict(), bigrams.loc[aid].to_dict()
        for i, j in _candidates(c):
            ci, cj = c[i], c[j]
            shared = len(ci & cj)
            if shared < MIN_SHARED_WORDS:
                continue
            wc = shared / min(len(ci), len(cj))
            bi, bj = b.get(i, frozenset()), b.get(j, frozenset())
            bc = len(bi & bj) / max(1, min(len(bi), len(bj)))
            if wc >= WORD_CONTAINMENT or bc >= BIGRAM_CONTAINMENT:
                rows.append((aid, int(i), int(j), shared, round(wc, 3), round(bc, 3)))
    cols = ["article_id", "sentence", "other_sentence", "shared_words", "word_containment", "bigram_containment"]
    out = pd.DataFrame(rows, columns=cols)
    text = corpus.sentences.set_index(["article_id", "sentence"])["text"]
    return out.assign(
        text=[text[k] for k in zip(out["article_id"], out["sentence"], strict=True)],
        other_text=[text[k] for k in zip(out["article_id"], out["other_sentence"], strict=True)],
    )


def repeated_paragraphs(corpus: Corpus, pairs: pd.DataFrame | None = None) -> pd.DataFrame:
    """An opening summary (a dek): the first body paragraph, when it has at least two sentences and
    every one of them repeats a sentence of a later paragraph.

    Only the opening paragraph qualifies: two similar quotes by one person later in an article are
    a repetition, not a summary, and dropping them would silence that person. Columns:
    article_id, paragraph, n_sentences, repeats_paragraphs (sorted, comma-separated).
    """
    pairs = near_duplicates(corpus) if pairs is None else pairs
    s = corpus.sentences.set_index(["article_id", "sentence"])["paragraph"]
    links: dict[tuple[str, int], set[int]] = {}
    for aid, i, j in zip(pairs["article_id"], pairs["sentence"], pairs["other_sentence"], strict=True):
        pi, pj = s[(aid, i)], s[(aid, j)]
        if pi != pj:
            links.setdefault((aid, i), set()).add(int(pj))
            links.setdefault((aid, j), set()).add(int(pi))
    rows = []
    body = corpus.sentences[corpus.sentences["kind"] == "body"]
    for aid, sents in body.groupby("article_id", sort=False):
        p = int(sents["paragraph"].min())  # the opening body paragraph
        keys = [(aid, int(x)) for x in sents.loc[sents["paragraph"] == p, "sentence"]]
        if len(keys) >= 2 and all(k in links for k in keys):
            others = sorted(x for x in set().union(*(links[k] for k in keys)) if x > p)
            if others:
                rows.append((aid, p, len(keys), ", ".join(map(str, others))))
    return pd.DataFrame(rows, columns=["article_id", "paragraph", "n_sentences", "repeats_paragraphs"])


def repeated_sentences(corpus: Corpus) -> list[tuple[str, int]]:
    """(article_id, sentence) keys of the sentences in repeated paragraphs, for ``drop_sentences``.

    When two paragraphs repeat each other entirely, the earlier one (the summary) is dropped.
    """
    rep = repeated_paragraphs(corpus)
    rep = rep.drop_duplicates("article_id") if len(rep) else rep
    keys = set(zip(rep["article_id"], rep["paragraph"], strict=True))
    s = corpus.sentences
    mask = np.array([(a, p) in keys for a, p in zip(s["article_id"], s["paragraph"], strict=True)], dtype=bool)
    return list(zip(s["article_id"][mask], s["sentence"][mask].astype(int), strict=True))


def report(corpus: Corpus) -> pd.DataFrame:
    """Every hygiene finding in one table (columns and kinds in the module docstring)."""
    rows = [capture_artifacts(corpus)]
    para = corpus.paragraphs[corpus.paragraphs["kind"] != "body"]
    rows.append(pd.DataFrame({
        "article_id": para["article_id"], "kind": para["kind"], "paragraph": para["paragraph"],
        "sentence": -1, "start": para["start"], "end": para["end"], "text": para["text"],
        "detail": "kept out of body counts",
    }))
    pairs = near_duplicates(corpus)
    sents = corpus.sentences.set_index(["article_id", "sentence"])
    dup_rows = []
    for aid, i, j, wc, bc in pairs[["article_id", "sentence", "other_sentence", "word_containment",
                                    "bigram_containment"]].itertuples(index=False):
        si = sents.loc[(aid, i)]
        dup_rows.append((aid, "near_duplicate", int(si["paragraph"]), int(i), int(si["start"]), int(si["end"]),
                         si["text"], f"repeats sentence {j} (shared content words {wc:.0%}, bigrams {bc:.0%})"))
    rows.append(pd.DataFrame(dup_rows, columns=REPORT_COLUMNS))
    rep = repeated_paragraphs(corpus, pairs)
    paras = corpus.paragraphs.set_index(["article_id", "paragraph"])
    rep_rows = []
    for aid, p, n, others in rep.itertuples(index=False):
        row = paras.loc[(aid, p)]
        rep_rows.append((aid, "repeated_paragraph", int(p), -1, int(row["start"]), int(row["end"]), row["text"],
                         f"all {n} sentences repeat sentences of paragraph(s) {others}"))
    rows.append(pd.DataFrame(rep_rows, columns=REPORT_COLUMNS))
    out = pd.concat([r for r in rows if len(r)], ignore_index=True) if any(len(r) for r in rows) else rows[0]
    out = out.astype({"paragraph": int, "sentence": int, "start": int, "end": int})
    return out.sort_values(["article_id", "start", "kind"], ignore_index=True)[REPORT_COLUMNS]


def in_context(findings: pd.DataFrame, corpus: Corpus, width: int = 40) -> pd.DataFrame:
    """``findings`` with a ``context`` column: ``width`` characters either side, the hit in [brackets].

    Whitespace is shown as typed except that no-break spaces appear as ``⍽`` so they can be seen.
    """
    texts = corpus.articles.set_index("article_id")["text"]

    def show(s: str) -> str:
        return s.replace("\u00a0", "⍽").replace("\n", " ")

    ctx = [
        "…" + show(texts[a][max(0, s - width) : s]) + "[" + show(texts[a][s:e]) + "]" + show(texts[a][e : e + width]) + "…"
        for a, s, e in zip(findings["article_id"], findings["start"], findings["end"], strict=True)
    ]
    return findings.assign(context=ctx)
