"""Readability of each article's body: Flesch Reading Ease and Flesch-Kincaid grade, with intervals.

The formulas (Flesch 1948; Kincaid et al. 1975) need three counts: sentences, words and
syllables. Sentences are the body sentences of :mod:`analysis.corpus` (headline, headings and
boilerplate left out); words are body word tokens that contain a letter (a numeral such as
"24,000" is left out: how many syllables it has depends on how it is read aloud); syllables are
counted by :func:`syllables`, a short list of spelling rules.

Why not a package: ``textstat`` (MIT) downloads NLTK's CMU dictionary at run time, which this
project never does, and ``pyphen`` (hyphenation patterns) counts hyphenation points, not
syllables. Measured against the CMU Pronouncing Dictionary on the word tokens of the seeds and
PolNeAR (``benchmarks/eval_syllables.py``), :func:`syllables` agrees on about 95% of tokens,
pyphen on about 84%.

With a few dozen sentences a grade moves by a year or more if a handful of long sentences are
swapped for short ones, so :func:`readability` gives a bootstrap interval over sentences, and
:func:`grade_difference` says whether two articles' grades differ by more than that.

Columns of :func:`readability`: article_id, sentences, words, syllables, words_per_sentence,
syllables_per_word, reading_ease, grade, grade_low, grade_high (95% bootstrap interval).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
import pandas as pd

from .corpus import by_article

COLUMNS = ["article_id", "sentences", "words", "syllables", "words_per_sentence", "syllables_per_word",
           "reading_ease", "grade", "grade_low", "grade_high"]
N_BOOT = 2000  # bootstrap resamples of sentences: enough for a stable 95% interval at two decimals

_VOWELS = re.compile(r"[aeiouy]+")
_LETTERS = re.compile(r"[^a-z]")


@lru_cache(maxsize=100_000)  # a corpus repeats its words: count each spelling once
def syllables(word: str) -> int:
    """Syllables of one English word, from its spelling; at least 1 for a word with a letter.

    Rules, in order: count groups of vowels (y included: "system" 2); a final silent "e" is not one
    ("service" 2, but "people" 2 and "agree" 2 keep theirs); "-ed" after a consonant other than
    t or d is not one ("accused" 2, "extracted" 3); "-es" after a consonant is not one unless the
    stem ends in a hissing sound ("claims" 1, "boxes" 2); a silent "e" before -ly, -ful, -ness or
    -less is not one ("likely" 2, "hopeful" 2). Vowels in hiatus are one group, a known miss
    ("negotiations" 4 for 5). Written without looking at the
    evaluation data; its agreement with the CMU dictionary is measured, not tuned.
    """
    w = _LETTERS.sub("", unicodedata.normalize("NFKD", word.lower()))  # "Zürich" -> "zurich"
    if not w:
        return 1 if any(ch.isalpha() for ch in word) else 0
    n = len(_VOWELS.findall(w))
    if n > 1 and w.endswith("e") and not w.endswith(("le", "ee")):
        n -= 1
    if n > 1 and re.search(r"[^aeiou]ed$", w) and not re.search(r"[td]ed$", w):
        n -= 1
    if n > 1 and re.search(r"[^aeiouy]es$", w) and not re.search(r"(s|x|z|ch|sh|ce|ge)es$", w):
        n -= 1
    if n > 1 and re.search(r"[^aeiou]e(ly|ful|ness|less)$", w):
        n -= 1
    return max(n, 1)


def reading_ease(words: float, sentences: float, syls: float) -> float:
    """Flesch Reading Ease: 206.835 - 1.015 words/sentence - 84.6 syllables/word (higher is easier)."""
    if not words or not sentences:
        return float("nan")
    return 206.835 - 1.015 * words / sentences - 84.6 * syls / words


def grade(words: float, sentences: float, syls: float) -> float:
    """Flesch-Kincaid grade level: 0.39 words/sentence + 11.8 syllables/word - 15.59 (US school years)."""
    if not words or not sentences:
        return float("nan")
    return 0.39 * words / sentences + 11.8 * syls / words - 15.59


def sentence_counts(corpus) -> pd.DataFrame:
    """Per body sentence with at least one word: article_id, sentence, words, syllables (the inputs
    of the formulas; a sentence of numerals or markup only is not a sentence to read)."""
    t = corpus.tokens
    w = t[t["is_word"] & (t["kind"] == "body") & t["text"].str.contains(r"[^\W\d_]", regex=True)]
    per = pd.DataFrame({"article_id": w["article_id"], "sentence": w["sentence"],
                        "syllables": [syllables(x) for x in w["norm"]]})
    counts = per.groupby(["article_id", "sentence"], sort=False).agg(words=("syllables", "size"),
                                                                    syllables=("syllables", "sum"))
    body = corpus.sentences.loc[corpus.sentences["kind"] == "body", ["article_id", "sentence"]]
    out = body.merge(counts.reset_index(), on=["article_id", "sentence"], how="inner")  # a sentence needs a word
    return out.astype({"words": int, "syllables": int}).reset_index(drop=True)


BOOT_BLOCK = 2_000_000  # indices drawn at once by the bootstrap (16 MB)


def _boot_grades(w: np.ndarray, s: np.ndarray, rng: np.random.Generator, n_boot: int) -> np.ndarray:
    """Grades of ``n_boot`` resamples (with replacement) of the sentences whose counts are w, s.

    Drawn a block of resamples at a time (the same numbers as one ``n_boot x n`` draw), so an
    article of 40,000 sentences never holds 2,000 x 40,000 indices at once."""
    n = len(w)
    words, syls = np.empty(n_boot), np.empty(n_boot)
    step = max(1, BOOT_BLOCK // max(n, 1))
    for start in range(0, n_boot, step):
        idx = rng.integers(0, n, size=(min(step, n_boot - start), n))
        words[start : start + len(idx)] = w[idx].sum(axis=1)
        syls[start : start + len(idx)] = s[idx].sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(words > 0, 0.39 * words / n + 11.8 * syls / words - 15.59, np.nan)


def _seed(article_id: str, seed: int) -> np.random.Generator:
    """A generator that depends only on the article and the seed, not on the order articles come in."""
    return np.random.default_rng([seed, *article_id.encode("utf-8")])


def readability(corpus, n_boot: int = N_BOOT, seed: int = 0) -> pd.DataFrame:
    """Per article: counts, Flesch Reading Ease, Flesch-Kincaid grade and its 95% bootstrap interval
    over sentences. An article without body sentences (or words) gets NaN measures."""
    counts = by_article(sentence_counts(corpus))
    rows = []
    for aid in corpus.articles["article_id"]:
        c = counts[aid]
        n, w, s = len(c), int(c["words"].sum()), int(c["syllables"].sum())
        lo = hi = float("nan")
        if n >= 2 and w:
            g = _boot_grades(c["words"].to_numpy(), c["syllables"].to_numpy(), _seed(aid, seed), n_boot)
            lo, hi = (float(x) for x in np.nanpercentile(g, [2.5, 97.5]))
        rows.append((aid, n, w, s, w / n if n else float("nan"), s / w if w else float("nan"),
                     reading_ease(w, n, s), grade(w, n, s), lo, hi))
    return pd.DataFrame(rows, columns=COLUMNS)


def grade_difference(corpus, a: str, b: str, n_boot: int = N_BOOT, seed: int = 0) -> dict:
    """Grade of article ``a`` minus grade of ``b`` with a 95% bootstrap interval (sentences of each
    resampled independently); ``clear`` is True when the interval leaves out zero."""
    counts = sentence_counts(corpus)
    ca, cb = counts[counts["article_id"] == a], counts[counts["article_id"] == b]
    diff = grade(ca["words"].sum(), len(ca), ca["syllables"].sum()) - grade(cb["words"].sum(), len(cb), cb["syllables"].sum())
    if len(ca) < 2 or len(cb) < 2 or not ca["words"].sum() or not cb["words"].sum():
        return {"difference": float(diff), "low": float("nan"), "high": float("nan"), "clear": False}
    ga = _boot_grades(ca["words"].to_numpy(), ca["syllables"].to_numpy(), _seed(a, seed), n_boot)
    gb = _boot_grades(cb["words"].to_numpy(), cb["syllables"].to_numpy(), _seed(b, seed + 1), n_boot)
    lo, hi = (float(x) for x in np.nanpercentile(ga - gb, [2.5, 97.5]))
    return {"difference": float(diff), "low": lo, "high": hi, "clear": bool(lo > 0 or hi < 0)}
