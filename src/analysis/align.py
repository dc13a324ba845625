"""Align articles fact by fact: which body sentence of one article says what a sentence of another says.

The similarity of two sentences is a logistic model over twelve lexical features (word, 4-gram,
character-trigram and longest-common-subsequence overlap, edit distance, content words left
unmatched weighted by general-English rarity, names and numbers carried by one sentence only).
Words match by Snowball stem or by a group of interchangeable news words
(``data/equivalents_en.txt``: "rose", "climbed", "gained"); rarity is ``-ln`` of the word's
frequency in general English (``wordfreq``), so nothing depends on the articles compared. The
twelve weights, the bias and the two thresholds are in ``data/align_weights.csv``; they were
fitted once on 80% of the MSRP training file (pairs chosen by a hash of their ids) by
``benchmarks/fit_align.py``, and ``benchmarks/eval_align.py`` scores both parts.

Matching (:func:`align`), for every pair of articles: candidate sentence pairs are those that
share a content word (an inverted index, so the cost follows the number of candidates, not the
product of the articles' lengths); each candidate is scored; *competitive linking* (Melamed
2000) takes pairs best first, each sentence at most once, while the score is at least the
``shared`` threshold; a sentence left over whose best candidate still reaches the ``partial``
threshold is ``partial`` (it overlaps a fact told elsewhere, or one of several sentences that
tell one fact). Every other sentence is ``only_here`` for that article.

Columns of :func:`align`: article_id, sentence, status (shared | partial | only_here),
match_article, match_sentence (-1 when none), score (similarity, 0-1, NaN when none), overlap
(:func:`containment`, 0-1), text, match_text.
One row per sentence and other article it matches; a sentence that matches in no other article
has one ``only_here`` row. With two articles that is exactly one row per body sentence.
"""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise

import numpy as np
import pandas as pd
from wordfreq import get_frequency_dict, word_frequency

from . import nlp
from .corpus import PAIR_LIMIT, blank_markup

FEATURES = ["ng1", "ng4_max", "tri_j", "lcs_max_sq", "tok_edit", "lcs_min", "unmatched_max", "name_unmatched",
            "idf_min", "num_sub", "num_mismatch", "idf_min_sq"]
STATUSES = ("shared", "partial", "only_here")
COLUMNS = ["article_id", "sentence", "status", "match_article", "match_sentence", "score", "overlap", "text", "match_text"]

_NUMBER_RE = re.compile(r"^\d[\d,.]*$")
_WORD_NUMBERS = dict(zip("one two three four five six seven eight nine ten eleven twelve".split(),
                         map(str, range(1, 13)), strict=True))
_PERCENT = {"percent": "%", "pct": "%", "per cent": "%"}
_NAME_RE = re.compile(r"[A-Z](?<![\w'’].)[a-zA-Z]+")  # the capital first: a lookbehind at every position is slow
_FIRST_WORD_RE = re.compile(r"\W*\w+")
_MIN_IDF = -math.log(1e-8)  # a word wordfreq has never seen is as rare as the rarest it knows


@lru_cache(maxsize=1)
def equivalents() -> dict[str, str]:
    """Word or its stem -> the name of its group in ``data/equivalents_en.txt`` (the group's first word)."""
    raw = resources.files("analysis").joinpath("data/equivalents_en.txt").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in raw.splitlines():
        words = line.split("#", 1)[0].split()
        for w in words:
            out.setdefault(w, "=" + words[0])
            out.setdefault(nlp.stem(w), "=" + words[0])  # "accusations" finds the group of "accusation"
    return out


@lru_cache(maxsize=1)
def _reporting_words() -> frozenset[str]:
    """Stopwords plus one-word reporting verbs: "said" versus "told" is attribution, not a fact."""
    from .quotes import cue_lexicon

    cues = {f for f in cue_lexicon()["form"] if " " not in f}
    return nlp.stopwords() | cues | {"according", "spokesman", "spokeswoman", "spokesperson"}


_PLAIN_WORD_RE = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    return get_frequency_dict("en", "best")


@lru_cache(maxsize=200_000)
def rarity(word: str) -> float:
    """-ln of the word's frequency in general English (wordfreq); unseen words count as very rare.

    A plain lower-case word is looked up in wordfreq's table directly, rounded as ``word_frequency``
    rounds (to 3 significant digits): the same value (checked on 324,393 words), without its
    tokenizer, which took most of the time of a first comparison."""
    if _PLAIN_WORD_RE.fullmatch(word):
        f = _frequencies().get(word, 0.0)
        f = round(f, math.floor(-math.log10(f)) + 3) if f > 0 else 0.0
    else:
        f = word_frequency(word, "en")
    return -math.log(f) if f > 0 else _MIN_IDF


@dataclass(frozen=True, slots=True)
class Profile:
    """What the similarity needs of one sentence, computed once per sentence."""

    keys: tuple[str, ...]  # every word: its equivalence group or its stem
    content: dict  # content key -> rarity of its word (stopwords and reporting verbs left out)
    numbers: frozenset  # numerals, commas removed, number words 1-12 as digits
    names: frozenset  # capitalised words not opening the sentence, lower-cased
    trigrams: frozenset  # character trigrams of the content words
    grams4: frozenset  # word 4-grams of keys
    name_keys: frozenset = frozenset()  # the content keys that are names (of words in ``names``)
    key_set: frozenset = frozenset()  # set(keys)
    masks: dict = field(default_factory=dict)  # key -> bit mask of its positions in keys (for LCS and edit distance)
    total: float = 0.0  # sum of content's rarities


_WORDS: dict[str, tuple[str, float, str] | None] = {}  # token -> (key, rarity or -1.0, word); None if no word
_WORDS_MAX = 500_000  # cleared when full, so memory stays bounded on any corpus
_TRIGRAMS: dict[str, frozenset] = {}  # content word -> the character trigrams of "#word#"


def _word(token: str) -> tuple[str, float, str] | None:
    """(key, rarity, word) of a normalised token: rarity -1.0 for stopwords and reporting verbs, word
    with "percent" as "%" and "two" as "2"; None for punctuation. Cached: sentences repeat their words."""
    if token != "%" and not nlp.is_word(token):
        info = None
    else:
        t = _PERCENT.get(token, _WORD_NUMBERS.get(token, token))
        st = nlp.stem(t)
        eq = equivalents()
        info = (eq.get(t) or eq.get(st) or st, -1.0 if t in _reporting_words() else rarity(t), t)
    if len(_WORDS) >= _WORDS_MAX:
        _WORDS.clear()
        _TRIGRAMS.clear()
    _WORDS[token] = info
    return info


def _trigrams(words: list[str]) -> frozenset:
    """The character trigrams of "#w1#w2#...#": each word's own, plus one across each "#" between two."""
    out: set = set()
    cache = _TRIGRAMS
    for w in words:
        g = cache.get(w)
        if g is None:
            padded = "#" + w + "#"
            g = cache[w] = frozenset([padded[i : i + 3] for i in range(len(padded) - 2)])
        out |= g
    out.update([a[-1] + "#" + b[0] for a, b in pairwise(words)])
    return frozenset(out)


def profile(text: str) -> Profile:
    """The :class:`Profile` of a sentence."""
    text = blank_markup(text)  # tag names and attributes are not words
    toks, keys, content, words = [], [], {}, []
    get = _WORDS.get
    for t in nlp.word_norms(text):
        info = get(t, False)
        if info is False:
            info = _word(t)
        if info is None:
            continue
        k, r, t = info
        toks.append(t)
        keys.append(k)
        if r >= 0:
            words.append(t)
            if k not in content:
                content[k] = r
    keys = tuple(keys)
    norm = nlp.normalise(text)
    first = _FIRST_WORD_RE.match(norm)
    skip = first.end() if first else 0
    folded = nlp.fold_letters(norm)  # "Álvarez" is a name too
    names = frozenset([norm[m.start() : m.end()].lower() for m in _NAME_RE.finditer(folded, skip)])
    numbers = frozenset([t.replace(",", "") for t in toks if t[0].isdigit() and _NUMBER_RE.match(t)])
    name_keys = frozenset([k for t, k in zip(toks, keys, strict=True) if t in names and k in content]) if names else frozenset()
    masks: dict = {}
    for i, k in enumerate(keys):
        masks[k] = masks.get(k, 0) | (1 << i)
    return Profile(keys, content, numbers, names, _trigrams(words),
                   frozenset(zip(keys, keys[1:], keys[2:], keys[3:])),  # noqa: B905 (shorter by design)
                   name_keys, frozenset(masks), masks, sum(content.values()))


def _masks(a: tuple) -> dict:
    """Item -> bit mask of its positions in ``a``."""
    masks: dict = {}
    for i, x in enumerate(a):
        masks[x] = masks.get(x, 0) | (1 << i)
    return masks


def _lcs(a: tuple, b: tuple, masks: dict | None = None) -> int:
    """Length of the longest common subsequence, bit-parallel (Hyyrö 2004): one pass over ``b``.
    ``masks``: ``_masks(a)``, when already known."""
    if not a or not b:
        return 0
    masks = _masks(a) if masks is None else masks
    full = (1 << len(a)) - 1
    v = full
    for y in b:
        u = v & masks.get(y, 0)
        v = ((v + u) | (v - u)) & full
    return len(a) - bin(v).count("1")


def _edit(a: tuple, b: tuple, masks: dict | None = None) -> int:
    """Word-level Levenshtein distance, bit-parallel (Myers 1999, Hyyrö's formulation): one pass over ``b``.
    ``masks``: ``_masks(a)``, when already known."""
    m = len(a)
    if not m or not b:
        return m or len(b)
    peq = _masks(a) if masks is None else masks
    full, high = (1 << m) - 1, 1 << (m - 1)
    pv, mv, dist = full, 0, m
    for y in b:
        eq = peq.get(y, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & full
        mh = pv & xh
        if ph & high:
            dist += 1
        elif mh & high:
            dist -= 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = (mh | ~(xv | ph)) & full
        mv = ph & xv
    return dist


def features(p1: Profile, p2: Profile) -> list[float]:
    """The :data:`FEATURES` of a sentence pair, in that order (symmetric in p1, p2)."""
    k1, k2 = p1.keys, p2.keys
    s1, s2 = p1.key_set, p2.key_set
    ng1 = len(s1 & s2) / max(1, min(len(s1), len(s2))) if s1 and s2 else 0.0
    g1, g2 = p1.grams4, p2.grams4
    ng4 = len(g1 & g2) / max(len(g1), len(g2)) if g1 and g2 else 0.0
    t1, t2 = p1.trigrams, p2.trigrams
    both = len(t1 & t2)
    tri = both / max(1, len(t1) + len(t2) - both)
    lcs = _lcs(k1, k2, p1.masks)
    longest, shortest = max(len(k1), len(k2), 1), max(1, min(len(k1), len(k2)))
    c1, c2 = p1.content, p2.content
    shared = c1.keys() & c2.keys()
    un1 = sum([w for k, w in c1.items() if k not in shared])
    un2 = sum([w for k, w in c2.items() if k not in shared])
    m1, m2 = p1.total or 1.0, p2.total or 1.0
    idf_min = min(sum([c1[k] for k in shared]) / m1, sum([c2[k] for k in shared]) / m2)
    n1, n2 = p1.numbers, p2.numbers
    return [ng1, ng4, tri, (lcs / longest) ** 2, _edit(k1, k2, p1.masks) / longest, lcs / shortest, max(un1, un2) / 10,
            sum([rarity(n) for n in p1.names ^ p2.names]) / 10, idf_min,
            float(bool(n1 or n2) and (n1 <= n2 or n2 <= n1)), float(bool(n1 ^ n2)), idf_min**2]


@lru_cache(maxsize=1)
def model() -> dict:
    """Weights, bias and thresholds from ``data/align_weights.csv`` (name -> value)."""
    raw = resources.files("analysis").joinpath("data/align_weights.csv").read_text(encoding="utf-8")
    rows = [line for line in raw.splitlines() if line and not line.startswith("#")]
    return {r["name"]: float(r["value"]) for r in csv.DictReader(rows)}


def score(feats: list[float]) -> float:
    """Probability (0-1) that two sentences state the same fact, from their :func:`features`."""
    m = model()
    z = m["bias"] + sum(m[name] * x for name, x in zip(FEATURES, feats, strict=True))
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def similarity(a: str, b: str) -> float:
    """Probability that sentences ``a`` and ``b`` state the same fact (0-1)."""
    return score(features(profile(a), profile(b)))


def thresholds() -> tuple[float, float]:
    """(shared, partial): the :func:`score` at or above which a pair states the same fact, and the
    :func:`containment` at or above which two sentences overlap."""
    m = model()
    return m["threshold_shared"], m["threshold_partial"]


MIN_SHARED_WORDS = 2  # and they share at least two content words
MIN_FACT_WORDS = 3  # a partial match shares at least three content words that are not names (a predicate and more)
# ... each rarer in general English than this (-ln of the word's frequency: 9 leaves out about the 1,500 most common
# words, such as "go", "want", "thing", "support", "week"; the seed articles' partial matches share words of 11.5 and up)
FACT_RARITY = 9.0
SHORT_CONTENT = 4  # a sentence of at most four content words ("The third is health care.") needs a rarer word to share a fact
INDEX_MAX_SENTENCES = 100  # words in more body sentences than this do not make candidates


def body_profiles(corpus) -> pd.DataFrame:
    """Body sentences with their profiles: article_id, sentence, text, profile, clauses."""
    body = corpus.sentences.loc[corpus.sentences["kind"] == "body", ["article_id", "sentence", "text"]].copy()
    body["profile"] = [profile(t) for t in body["text"]]
    body["clauses"] = [clauses(t) for t in body["text"]]
    return body.reset_index(drop=True)


def story_weights(body: pd.DataFrame, df: dict[str, int] | None = None) -> dict[str, float]:
    """Content key -> how much it tells within these articles: ln((N+1)/(df+1)) / ln(N+1) over the N
    body sentences, so that the story's own names (in most sentences) weigh little."""
    df = document_frequency(body) if df is None else df
    n = len(body)
    return {k: math.log((n + 1) / (c + 1)) / math.log(n + 1) for k, c in df.items()} if n else {}


_CLAUSE_RE = re.compile(r"[,;:()\u2014\u2013\"\u201c\u201d]+|\s-+\s")
MIN_CLAUSE_WORDS = 3  # a clause of fewer content words is not a fact of its own


def clauses(text: str) -> list[frozenset]:
    """Content keys of each clause of a sentence (split at commas, semicolons, colons, dashes,
    brackets and quotation marks) that has at least :data:`MIN_CLAUSE_WORDS` content words."""
    out = []
    for part in _CLAUSE_RE.split(text):
        keys = frozenset(profile(part).content) if part.strip() else frozenset()
        if len(keys) >= MIN_CLAUSE_WORDS:
            out.append(keys)
    return out


def containment(p1: Profile, p2: Profile, weights: dict[str, float], clauses1=(), clauses2=()) -> tuple[float, int]:
    """(share, words): the largest share of weighted content (general-English rarity x
    :func:`story_weights`) of one sentence, or of one of its ``clauses``, that is found in the other
    sentence; and how many content words other than names the two sentences share. The share is 0
    unless the sentences share at least :data:`MIN_FACT_WORDS` content words other than names and the
    sentence or clause measured has at least two of them: two sentences that only name the same people
    ("Trump met Peña Nieto", "Peña Nieto contradicted Trump") share no fact, nor does a short clause
    whose one word other than names recurs ("Trump almost seemed to agree", "… all agree that …")."""
    shared = p1.content.keys() & p2.content.keys()
    if not shared:
        return 0.0, 0
    names = p1.name_keys | p2.name_keys
    n_facts = len(shared - names)
    if n_facts < MIN_FACT_WORDS or _rare_fact_words(p1, p2) < MIN_FACT_WORDS:
        return 0.0, n_facts  # (common words alone, "want", "go", "thing", "know", tell no fact in common)
    best = 0.0
    for p, other, parts in ((p1, p2, clauses1), (p2, p1, clauses2)):
        for keys in (p.content.keys(), *parts):
            found_keys = [k for k in keys if k in other.content]
            if sum(1 for k in found_keys if k not in names) < 2:
                continue
            total = sum(p.content.get(k, 0.0) * weights.get(k, 1.0) for k in keys)
            if total:
                best = max(best, sum(p.content.get(k, 0.0) * weights.get(k, 1.0) for k in found_keys) / total)
    return best, n_facts


def _rare_fact_words(p1: Profile, p2: Profile) -> int:
    """How many content words other than names two sentences share that are rarer than :data:`FACT_RARITY`."""
    names = p1.name_keys | p2.name_keys
    return sum(1 for k in p1.content.keys() & p2.content.keys() if k not in names and p1.content[k] >= FACT_RARITY)


def _has_fact_word(p1: Profile, p2: Profile) -> bool:
    """Whether two sentences share a content word other than a name that is rarer than :data:`FACT_RARITY`, or are
    the same words (a quotation or a line repeated word for word), or are not both short (more than
    :data:`SHORT_CONTENT` content words in each)."""
    if p1.keys == p2.keys or min(len(p1.content), len(p2.content)) > SHORT_CONTENT:
        return True  # (in longer sentences common words carry facts: on the MSRP fit part the gate cost more than it gave)
    return _rare_fact_words(p1, p2) > 0


def document_frequency(body: pd.DataFrame) -> dict[str, int]:
    """Content key -> the number of body sentences that use it."""
    df: dict[str, int] = defaultdict(int)
    for p in body["profile"]:
        for k in p.content:
            df[k] += 1
    return df


def candidate_pairs(body: pd.DataFrame, df: dict[str, int] | None = None) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """Row pairs of ``body`` from different articles that share at least :data:`MIN_SHARED_WORDS`
    content keys used in at most :data:`INDEX_MAX_SENTENCES` body sentences, grouped by article pair (first article first, in
    the order of ``body``). One inverted index over all articles: the work is the sum over keys of
    their postings squared, at most :data:`INDEX_MAX_SENTENCES` times the number of postings, so it
    grows with the corpus, not with the number of article pairs."""
    df = document_frequency(body) if df is None else df
    index: dict[str, list[int]] = defaultdict(list)
    for i, p in zip(body.index, body["profile"], strict=True):
        for k in p.content:
            if df.get(k, 0) <= INDEX_MAX_SENTENCES:
                index[k].append(i)
    art = body["article_id"].to_numpy()
    rank = {a: n for n, a in enumerate(dict.fromkeys(art.tolist()))}
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for rows in index.values():
        for x, i in enumerate(rows):
            for j in rows[x + 1 :]:
                if art[i] != art[j]:
                    shared[(i, j) if rank[art[i]] < rank[art[j]] else (j, i)] += 1
    out: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for i, j in sorted(k for k, n in shared.items() if n >= MIN_SHARED_WORDS):
        out[(art[i], art[j])].append((i, j))
    return dict(sorted(out.items(), key=lambda kv: (rank[kv[0][0]], rank[kv[0][1]])))


def match_pair(prof: list, cls: list, candidates: list[tuple[int, int]], weights: dict[str, float]) \
        -> list[tuple[int, int, str, float, float]]:
    """(row, matched row, status, score, overlap) for one pair of articles, from its candidate row
    pairs; one entry per sentence that has a counterpart. Shared: competitive linking (best score
    first, each sentence once) of pairs whose score reaches the shared threshold and that share a content word
    other than a name ("Kasich was second, with Cruz, Bush and Rubio behind" does not say "Bush fired at Trump,
    Cruz, Kasich and Rubio"), an entry for each side. Partial: each remaining sentence's candidate with the
    largest :func:`containment`, when it reaches the partial threshold with at least :data:`MIN_FACT_WORDS`
    content words other than names in common.

    ``prof``, ``cls``: the profile and clauses columns of :func:`body_profiles` as lists (rows
    0..n-1), made once for all pairs of articles."""
    t_shared, t_partial = thresholds()
    scored = []
    for i, j in candidates:
        share, n_words = containment(prof[i], prof[j], weights, cls[i], cls[j])
        # names alone state no fact in common, nor common words alone unless the sentences are the same words
        # ("The third is health care." / "Is health care still too expensive?")
        sim = score(features(prof[i], prof[j])) if n_words and _has_fact_word(prof[i], prof[j]) else 0.0
        scored.append((sim, share if n_words >= MIN_FACT_WORDS else 0.0, i, j))
    scored.sort(key=lambda x: (-x[0], x[2], x[3]))
    used: set[int] = set()
    out = []
    for s, share, i, j in scored:
        if s >= t_shared and i not in used and j not in used:
            used.update((i, j))
            out += [(i, j, "shared", s, share), (j, i, "shared", s, share)]
    scored.sort(key=lambda x: (-x[1], -x[0], x[2], x[3]))
    for s, share, i, j in scored:  # largest overlap first: a sentence's first entry is its best
        if share < t_partial:
            break
        for here, there in ((i, j), (j, i)):
            if here not in used:
                used.add(here)
                out.append((here, there, "partial", s, share))
    return out


def align(corpus) -> pd.DataFrame:
    """Every body sentence of every article with its counterparts in each other article (see the
    module docstring for the columns and the matching)."""
    body = body_profiles(corpus)
    ids = list(dict.fromkeys(corpus.articles["article_id"]))
    df = document_frequency(body)
    weights = story_weights(body, df)
    entries = []
    prof, cls = body["profile"].tolist(), body["clauses"].tolist()  # once: per pair it costs pairs x sentences
    for cands in candidate_pairs(body, df).values():
        entries += match_pair(prof, cls, cands, weights)
    matched = {here for here, *_ in entries}
    entries += [(i, -1, "only_here", float("nan"), float("nan")) for i in body.index if i not in matched]
    aid, sid, text = body["article_id"].to_numpy(), body["sentence"].to_numpy(), body["text"].to_numpy()
    records = [(aid[h], int(sid[h]), st, aid[t] if t >= 0 else "", int(sid[t]) if t >= 0 else -1, sc, ov, text[h],
                text[t] if t >= 0 else "") for h, t, st, sc, ov in entries]
    order = {a: n for n, a in enumerate(ids)}
    df_out = pd.DataFrame(records, columns=COLUMNS)
    df_out["_a"], df_out["_b"] = df_out["article_id"].map(order), df_out["match_article"].map(order).fillna(-1)
    return df_out.sort_values(["_a", "sentence", "_b"], kind="stable").drop(columns=["_a", "_b"]).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Figures and names each article carries

_MAGNITUDES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "k": 10**3, "m": 10**6,
               "bn": 10**9, "b": 10**9}
_HEDGES = ("more than", "less than", "fewer than", "at least", "up to", "as many as", "as much as", "nearly", "almost",
           "roughly", "about", "around", "approximately", "some", "over", "under", "just over", "just under")
_FIGURE_RE = re.compile(
    r"(?P<hedge>\b(?:" + "|".join(re.escape(h) for h in sorted(_HEDGES, key=len, reverse=True)) + r")\s+)?"
    r"(?P<cur>[$€£¥])?\s?(?P<num>(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\w.,])\d+(?:\.\d+)?)"
    r"(?:\s?(?P<mag>thousand|million|billion|trillion|bn|k|m|b)\b)?(?:\s?(?P<pct>%|percent\b|per cent\b))?",
    re.IGNORECASE)
_LABEL_BEFORE_RE = re.compile(r"\b[A-Z][a-z]+\.?\s$")
FIGURE_COLUMNS = ["article_id", "sentence", "figure", "written", "kind", "value", "hedge", "start", "end"]


def _canonical(value: float) -> str:
    """A figure's value as a plain number string: 16000000, 1.5, 24000."""
    return f"{value:.0f}" if value == int(value) else f"{value:.6g}"


def figures(corpus) -> pd.DataFrame:
    """Every figure written in digits in body sentences, normalised so that "16 million" and
    "16,000,000" are one value: article_id, sentence, figure (as written), kind (money, percent,
    year or number), value (canonical: "16000000", "$1500000000", "12%"), hedge ("roughly",
    "more than", ... or ""), start, end (character offsets in the article). A bare number right after
    a capitalised word ("Pier 9", "Route 66") names something and is left out, and so are numbers of
    ten digits or more (ids) and the parts of a time ("11:00")."""
    rows = []
    body = corpus.sentences[corpus.sentences["kind"] == "body"]
    for aid, sid, s0, text in body[["article_id", "sentence", "start", "text"]].itertuples(index=False):
        norm = blank_markup(nlp.normalise(text))
        first = _FIRST_WORD_RE.match(norm)
        first_end = first.end() if first else 0
        for m in _FIGURE_RE.finditer(norm):
            digits = m.group("num")
            if len(digits.replace(",", "").replace(".", "")) >= 10 or norm[m.end("num") : m.end("num") + 1] == ":" \
                    or norm[max(0, m.start("num") - 1) : m.start("num")] == ":":
                continue  # an id ("672138506081275904") or a time ("11:00"), not a figure
            num = float(digits.replace(",", ""))
            mag = (m.group("mag") or "").lower()
            if mag in ("k", "m", "b") and not m.group("cur"):
                mag = ""  # "5 m" is five metres, "24 k" is rare: a magnitude letter needs a currency
            value = num * _MAGNITUDES.get(mag, 1)
            cur, pct = m.group("cur") or "", m.group("pct")
            if pct:
                kind, key = "percent", _canonical(value) + "%"
            elif cur:
                kind, key = "money", cur + _canonical(value)
            elif not mag and num == int(num) and 1900 <= num <= 2100 and "," not in m.group("num"):
                kind, key = "year", _canonical(value)
            else:
                kind, key = "number", _canonical(value)
            before = norm[:m.start("num")]
            if kind == "number" and not m.group("hedge") and _LABEL_BEFORE_RE.search(before) and len(before) > first_end:
                continue  # "Pier 9", "Route 66", "No. 5": a number that names something, not a figure
            start = m.start("cur") if cur else m.start("num")
            figure = text[start : m.end()].strip()
            hedge = (m.group("hedge") or "").strip()
            rows.append((aid, int(sid), figure, f"{hedge} {figure}".strip(), kind, key, hedge.lower(),
                         int(s0) + start, int(s0) + m.end()))
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def carried(items: pd.DataFrame, key: str, article_ids) -> pd.DataFrame:
    """Which articles carry each ``key`` value of ``items`` (figures or names): one row per value
    with ``n_articles``, ``articles`` (ids joined by ";", in corpus order), ``as_written`` (the forms
    used, "; "-joined) and ``first`` (article_id, sentence of the first mention), most widely
    carried first."""
    order = {a: n for n, a in enumerate(article_ids)}
    rows = []
    for value, g in items.groupby(key, sort=False):
        arts = sorted(set(g["article_id"]), key=order.get)
        written = list(dict.fromkeys(g["written" if "written" in g.columns else "name"]))
        first = g.iloc[0]
        rows.append((value, len(arts), ";".join(arts), "; ".join(written), first["article_id"], int(first["sentence"])))
    out = pd.DataFrame(rows, columns=[key, "n_articles", "articles", "as_written", "first_article", "first_sentence"])
    out["_o"] = out["first_article"].map(order)
    return out.sort_values(["n_articles", "_o", "first_sentence"], ascending=[False, True, True], kind="stable") \
        .drop(columns="_o").reset_index(drop=True)


# A capitalised word: a title with its period ("Sen.", "Mr.") and an initial ("D.") are words of the run, so that
# "Sen. Lindsey Graham" and "Paul D. Ryan" stay whole; _name_runs then drops the titles.
_TITLE_ABBREVIATIONS = frozenset("Mr. Mrs. Ms. Dr. Sen. Sens. Rep. Reps. Gov. Gen. Lt. Col. Sgt. Capt. Adm. Prof. Rev.".split())
_NAME_WORD = r"(?:(?:Mr|Mrs|Ms|Dr|Sens?|Reps?|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Prof|Rev)\.|[A-Z]\.(?!\w)|[A-Z][\w.&-]*[a-zA-Z0-9])"
_NAME_SEQ_RE = re.compile(rf"(?<![\w'’.@/#]){_NAME_WORD}(?:\s+(?:of\s+|the\s+|de\s+)?{_NAME_WORD})*")  # not @handles or URLs
_PARTY_STATE_RE = re.compile(r"[RDI]-[A-Z]")  # "R-S.C", "D-Calif": a party and a state, not a name
_NOT_NAMES = nlp.SENTENCE_OPENERS | nlp.MONTHS | nlp.WEEKDAYS | frozenset("I According Though Although Once".split())
NAME_COLUMNS = ["article_id", "sentence", "name", "key", "start"]
# AP style's abbreviations of U.S. states, as they follow a city ("Springfield, Ill.,"), without their last period
_STATES = frozenset("Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb "
                    "Nev N.H N.J N.M N.Y N.C N.D Okla Ore Pa R.I S.C S.D Tenn Tex Vt Va Wash W.Va Wis Wyo".split())
_STATE_AFTER_COMMA_RE = re.compile(r", [A-Z][\w.]*\.")


@lru_cache(maxsize=1)
def _markers() -> frozenset[str]:
    """Markers of origin ("Chinese", "Western", "U.S.") from ``data/labels_en.csv``: adjectives, not names."""
    raw = resources.files("analysis").joinpath("data/labels_en.csv").read_text(encoding="utf-8")
    alts = [a for r in csv.DictReader(raw.splitlines()) if r["kind"] == "marker" for a in r["pattern"].split("|")]
    return frozenset(a.replace("\\", "") for a in alts)


def _name_runs(words: list[str]) -> list[list[str]]:
    """A run of capitalised words cut where a word is a marker of origin or function word ("Chinese
    AI" -> "AI") or ends in a lower-case compound ("San Francisco-based Acme" -> "San Francisco",
    "Acme")."""
    runs, cur = [], []
    for w in words:
        if cur and cur[-1] == "of" and (w in _markers() or w.rstrip(".") + "." in _markers()):
            cur.append(w)  # "Federation of American Scientists": a marker inside a name after "of" is the name's
            continue
        if w in _NOT_NAMES or w in _TITLE_ABBREVIATIONS or _PARTY_STATE_RE.match(w) or w in _markers() \
                or w.rstrip(".") + "." in _markers():
            runs.append(cur)
            cur = []
            continue
        head, _, tail = w.partition("-")
        if tail and tail[:1].islower():
            cur.append(head)
            runs.append(cur)
            cur = []
            continue
        cur.append(w)
    runs.append(cur)
    out = []
    for r in runs:
        while r and r[-1].lower() in ("of", "the", "de", "and"):
            r = r[:-1]
        if r:
            out.append(r)
    return out


def _name_key(name: str) -> str:
    """A name's key: lower case, without middle initials and without a leading title ("Senator Mark S. Kirk" and
    "Mark Kirk" are "mark kirk"), unless what is left is one organisation word ("Justice Department")."""
    from .quotes import _ORG_WORDS, _ROLE_WORDS, TITLES

    words = nlp.without_initials(name.split()) or name.split()  # "Mark S. Kirk" and "Mark Kirk": one key
    role = max((j for j, w in enumerate(words[:-2]) if w.lower().strip(".") in _ROLE_WORDS), default=None)
    if role is not None and 2 <= len(words) - role - 1 <= 3 and all(w[:1].isupper() for w in words[role + 1 :]):
        words = words[role + 1 :]  # "FBI Director James Comey", "House Speaker Paul Ryan": the person
    if len(words) > 2 and words[0].lower().rstrip(".") in TITLES and words[1].lower() in ("of", "for"):
        # "Secretary of State" is an office; "Secretary of Homeland Security Jeh Johnson" is the person it names last
        return " ".join(words[-2:] if len(words) >= 5 else words).lower()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES \
            and not (len(words) == 2 and words[1].lower() in _ORG_WORDS | {"department"}):
        words = words[1:]
    return " ".join(words).lower()


def names(corpus) -> pd.DataFrame:
    """Names in body sentences: runs of capitalised words ("Tory Green", "San Francisco", "IO.Net"),
    with a possessive 's removed and function words, days, months and markers of origin ("Chinese",
    "Western": see ``data/labels_en.csv``) left out; a run opening a sentence counts only if the same
    words appear capitalised mid-sentence somewhere in the corpus; a lone surname takes the key of
    the one full name in the corpus that ends with it. Titles ("Sen.", "Mr.") and party-state labels ("R-S.C.")
    are no part of a name, and a key leaves out middle initials. Columns: article_id, sentence, name (as
    written), key (lower case), start."""
    from .quotes import PARTY_ADJECTIVES

    body = corpus.sentences[corpus.sentences["kind"] == "body"]
    found = []
    for aid, sid, s0, text in body[["article_id", "sentence", "start", "text"]].itertuples(index=False):
        norm = blank_markup(nlp.normalise(text))
        folded = nlp.fold_letters(norm)  # matched on plain letters ("Álvarez"), written as the article has them
        first = _FIRST_WORD_RE.match(folded)
        for m in _NAME_SEQ_RE.finditer(folded):
            opens = bool(first) and m.start() < first.end()
            if _STATE_AFTER_COMMA_RE.match(folded, m.start() - 2 if m.start() >= 2 else 0) and m.group(0) in _STATES:
                continue  # "CHICAGO, Ill. —": a state in a dateline or address, no one named
            for run in _name_runs(norm[m.start() : m.end()].split()):
                name = re.sub(r"'s$", "", " ".join(run))
                if not name or not name[0].isalpha() or (name.lower() in PARTY_ADJECTIVES and name == name.capitalize()):
                    continue  # "Democratic" alone is an adjective ("Democratic voters"), no one named
                key = _name_key(name)
                found.append((aid, int(sid), name, key, int(s0) + m.start(), opens and run[0] == m.group(0).split()[0]))
    mid = {k for *_, k, _, opens in found if not opens}
    rows = [(a, s, n, k, st) for a, s, n, k, st, opens in found if not opens or k in mid]
    # A lone surname is the full name it ends, when the corpus has exactly one ("Ortiz" after "Maria Ortiz").
    full: dict[str, set] = defaultdict(set)
    for *_, k, _ in rows:
        if " " in k:
            full[k.rsplit(" ", 1)[1]].add(k)
    rows = [(a, s, n, next(iter(full[k])) if " " not in k and not n.isupper() and len(full.get(k, ())) == 1 else k, st)
            for a, s, n, k, st in rows]  # an acronym ("AI" of "Moonshot AI") is not a surname
    return pd.DataFrame(rows, columns=NAME_COLUMNS)


# ---------------------------------------------------------------------------------------------
# Quotations, order and coverage of the matched sentences

FIDELITY_COLUMNS = ["article_id", "sentence", "quote", "speaker", "match_article", "match_sentence", "match_quote",
                    "match_speaker", "kind", "diff"]


def _quotes_in(atts: pd.DataFrame, corpus) -> dict[tuple[str, int], list[tuple[str, str]]]:
    """(article_id, sentence) -> [(words in quotation marks, resolved speaker)]: direct quotes and
    the quoted fragments of mixed ones ("described “record-breaking sales”")."""
    out: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    direct = atts[atts["kind"].isin(["direct", "partial"])]
    for aid, spans, spk in zip(direct["doc_id"], direct["quote_spans"], direct["speaker"], strict=True):
        text = corpus.text(aid)
        for a, b in spans:
            _, sid, _ = corpus.sentence_at(aid, a)
            out[(aid, sid)].append((text[a:b], spk or ""))
    return out


def word_diff(a: str, b: str, context: int = 4) -> str:
    """Word-by-word difference of two quotations: ``[-removed-]`` and ``{+added+}``, with words
    both share left plain; long runs at either end that only one side has are cut to "…"."""
    import difflib

    wa, wb = nlp.normalise(a).split(), nlp.normalise(b).split()
    key_a = [re.sub(r"\W+", "", w.lower()) for w in wa]
    key_b = [re.sub(r"\W+", "", w.lower()) for w in wb]
    ops = difflib.SequenceMatcher(None, key_a, key_b, autojunk=False).get_opcodes()
    while ops and ops[0][0] != "equal" and len(ops) > 1 and ops[1][0] == "equal" and ops[0][0] == "insert" \
            and ops[0][4] - ops[0][3] > context:
        ops = [("trim", *ops[0][1:]), *ops[1:]]
        break
    parts = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            parts.append(" ".join(wa[i1:i2]))
        elif tag == "trim":
            parts.append("{+…+}")
        elif tag == "insert" and n == len(ops) - 1 and j2 - j1 > context:
            parts.append("{+" + " ".join(wb[j1 : j1 + context]) + " …+}")
        elif tag == "delete" and n == len(ops) - 1 and i2 - i1 > context:
            parts.append("[-" + " ".join(wa[i1 : i1 + context]) + " …-]")
        else:
            if i2 > i1:
                parts.append("[-" + " ".join(wa[i1:i2]) + "-]")
            if j2 > j1:
                parts.append("{+" + " ".join(wb[j1:j2]) + "+}")
    return " ".join(parts)


def _told_in(quote: Profile, other: Profile) -> bool:
    """True when at least :data:`MIN_SHARED_WORDS` of a quotation's content words, and at least the
    partial threshold of its rarity-weighted content, are in the other sentence."""
    shared = quote.content.keys() & other.content.keys()
    total = sum(quote.content.values())
    return len(shared) >= MIN_SHARED_WORDS and bool(total) and sum(quote.content[k] for k in shared) / total >= thresholds()[1]


def quote_fidelity(corpus, alignment: pd.DataFrame, atts: pd.DataFrame) -> pd.DataFrame:
    """For matched sentences (shared or partial) where at least one side quotes directly: the two
    quotations, when they share a content word and no two different speakers are named for them,
    and a :func:`word_diff` of them
    (kind ``reworded`` or ``identical``), or, when only
    one side quotes and the other sentence tells the quotation's own content (:func:`_told_in`),
    kind ``paraphrased`` (the other article tells it in the reporter's words).
    One row per matched pair, in the direction of the first article in corpus order. Columns:
    article_id, sentence, quote, speaker, match_article, match_sentence, match_quote, match_speaker,
    kind, diff."""
    q = _quotes_in(atts, corpus)
    order = {a: n for n, a in enumerate(corpus.articles["article_id"])}
    rows, seen = [], set()
    m = alignment[alignment["status"].isin(["shared", "partial"])]
    for r in m.itertuples(index=False):
        a, sa, b, sb = r.article_id, r.sentence, r.match_article, r.match_sentence
        if order[a] > order[b]:
            a, sa, b, sb = b, sb, a, sa
        if (a, sa, b, sb) in seen:
            continue
        seen.add((a, sa, b, sb))
        qa, qb = q.get((a, sa), []), q.get((b, sb), [])
        if not qa and not qb:
            continue
        if qa and qb:  # two quotations of one statement: a word in common, and no two different speakers
            same = [(x, y) for x in qa for y in qb if profile(x[0]).content.keys() & profile(y[0]).content.keys()
                    and (not x[1] or not y[1] or x[1] == y[1])]
            if not same:
                continue
            (ta, pa), (tb, pb) = same[0]
            kind = "identical" if nlp.word_norms(ta) == nlp.word_norms(tb) else "reworded"
            rows.append((a, sa, ta, pa, b, sb, tb, pb, kind, word_diff(ta, tb)))
        else:  # the quotation must itself be told in the other sentence, not only its neighbours
            other = profile(corpus.sentence_text(b if qa else a, sb if qa else sa))
            told = [(t, p) for t, p in (qa or qb) if _told_in(profile(t), other)]
            if not told:
                continue
            t, p = told[0]
            if qa:
                rows.append((a, sa, t, p, b, sb, "", "", "paraphrased", ""))
            else:
                rows.append((a, sa, "", "", b, sb, t, p, "paraphrased", ""))
    return pd.DataFrame(rows, columns=FIDELITY_COLUMNS)


ORDER_COLUMNS = ["article_id", "sentence", "position", "match_article", "match_sentence", "match_position", "status",
                 "shift"]


def order(corpus, alignment: pd.DataFrame) -> pd.DataFrame:
    """Where each matched fact sits in each article: position (0 = first sentence, 1 = end, as
    :meth:`Corpus.position`) of the sentence and of its match, one row per matched pair in the
    direction of the first article in corpus order; ``shift`` = match_position - position (positive:
    the other article tells it later, i.e. buries it; negative: promotes it)."""
    ids = list(corpus.articles["article_id"])
    rank = {a: n for n, a in enumerate(ids)}
    m = alignment[alignment["status"].isin(["shared", "partial"])]
    flip = (m["article_id"].map(rank) > m["match_article"].map(rank)).to_numpy()
    cols = ["article_id", "sentence", "match_article", "match_sentence", "status"]
    m = pd.DataFrame({"article_id": np.where(flip, m["match_article"], m["article_id"]),
                      "sentence": np.where(flip, m["match_sentence"], m["sentence"]),
                      "match_article": np.where(flip, m["article_id"], m["match_article"]),
                      "match_sentence": np.where(flip, m["sentence"], m["match_sentence"]),
                      "status": m["status"].to_numpy()}, columns=cols)
    m = m.sort_values(["status"], key=lambda x: x.map({"shared": 0, "partial": 1}), kind="stable") \
        .drop_duplicates(["article_id", "sentence", "match_article", "match_sentence"])
    m = m.assign(_a=m["article_id"].map(rank)).sort_values(["_a", "sentence", "match_article", "match_sentence"],
                                                           kind="stable").drop(columns="_a")
    s = corpus.sentences.set_index(["article_id", "sentence"])["start"]
    starts = [int(s.loc[(a, n)]) for a, n in zip(m["article_id"], m["sentence"], strict=True)]
    mstarts = [int(s.loc[(a, n)]) for a, n in zip(m["match_article"], m["match_sentence"], strict=True)]
    pos = corpus.position(m["article_id"].tolist(), starts)
    mpos = corpus.position(m["match_article"].tolist(), mstarts)
    return pd.DataFrame({"article_id": m["article_id"].to_numpy(), "sentence": m["sentence"].to_numpy(), "position": pos,
                         "match_article": m["match_article"].to_numpy(), "match_sentence": m["match_sentence"].to_numpy(),
                         "match_position": mpos, "status": m["status"].to_numpy(), "shift": mpos - pos}, columns=ORDER_COLUMNS)


COVERAGE_COLUMNS = ["article_id", "other", "sentences", "matched_sentences", "share_sentences", "words", "matched_words",
                    "share_words"]


def coverage(corpus, alignment: pd.DataFrame, max_articles: int = PAIR_LIMIT) -> pd.DataFrame:
    """How much of each article's body has a counterpart (shared or partial) in each other article,
    and in any other (``other`` = "any", when there are more than two articles): sentences and
    words (body word tokens), with shares (NaN for an article without body sentences). With more
    than ``max_articles`` articles only the "any" rows are given (one per article, not one per
    pair: 705,000 rows at 840 articles)."""
    body = corpus.sentences[corpus.sentences["kind"] == "body"]
    words = dict(zip(zip(body["article_id"], body["sentence"], strict=True), body["n_words"], strict=True))
    ids = list(corpus.articles["article_id"])
    m = alignment[alignment["status"].isin(["shared", "partial"])]
    by_pair: dict[tuple, set] = {}
    by_article: dict[str, set] = {}
    for a, b, x in zip(m["article_id"], m["match_article"], m["sentence"], strict=True):
        by_pair.setdefault((a, b), set()).add(x)
        by_article.setdefault(a, set()).add(x)
    n_sent = body.groupby("article_id").size().to_dict()
    n_words = body.groupby("article_id")["n_words"].sum().to_dict()
    rows = []
    for a in ids:
        n, w = int(n_sent.get(a, 0)), int(n_words.get(a, 0))
        others = ([b for b in ids if b != a] if len(ids) <= max_articles else []) + (["any"] if len(ids) > 2 else [])
        for b in others:
            sents = sorted(by_article.get(a, set()) if b == "any" else by_pair.get((a, b), set()))
            mw = int(sum(words[(a, x)] for x in sents))
            rows.append((a, b, n, len(sents), len(sents) / n if n else float("nan"), w, mw, mw / w if w else float("nan")))
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)
