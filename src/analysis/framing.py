"""Framing measures: how each article frames the story, computed with the evidence behind each number.

The analyst names the story's actors in a small CSV (``seeds/actors.csv`` for the seed story):
``actor, side, patterns, note``, where ``patterns`` are |-separated phrases (matched as whole
words, case-sensitively for names so that "the company" and "The company" both need listing
only once in lower case) and ``side`` is free text such as accuser, accused, critic, other.
Nothing about any particular story is written in this module.

Every measure returns a tidy DataFrame; :func:`all_measures` stacks them into the long table
of ``python -m analysis frames`` with columns article_id, measure, group, value.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import nltk
import numpy as np
import pandas as pd
import vaderSentiment
from nltk.sentiment.vader import SentimentIntensityAnalyzer

from . import hygiene, nlp, quotes, terms
from .corpus import CorpusError, by_article, check_label, read_csv_rows

ACTOR_COLUMNS = ["actor", "side", "patterns", "note"]
VOICES = ("narrator", "attributed")


# ---------------------------------------------------------------------------------------------
# Actors


def load_actors(path: str | Path) -> pd.DataFrame:
    """The actor file as one row per pattern: actor, side, pattern (longest patterns first).

    Checked before anything runs, with the file and line in every message: the columns actor,
    side and patterns; no row without an actor name or without a pattern; one side per actor
    (an actor may span several rows); no pattern claimed by two actors. A UTF-8 byte-order mark
    is accepted.
    """
    p = Path(path)
    if not p.is_file():
        raise CorpusError(f"{p}: no such actor file")
    rows = read_csv_rows(p, ["actor", "side", "patterns"])
    side_of: dict[str, str] = {}
    owner: dict[str, str] = {}
    out = []
    for i, r in enumerate(rows):
        where = f"{p}: row {i + 1} ({r['actor'] or 'no actor'})"
        if not r["actor"]:
            raise CorpusError(f"{where}: the actor column is empty; every row names the actor its patterns refer to")
        check_label(p, "actor", r["actor"])
        check_label(p, "side", r["side"])
        if side_of.setdefault(r["actor"], r["side"]) != r["side"]:
            raise CorpusError(f"{where}: {r['actor']!r} is on side {side_of[r['actor']]!r} in an earlier row "
                              f"and on {r['side']!r} here; an actor has one side")
        pats = [x.strip() for x in r["patterns"].split("|") if x.strip()]
        if not pats:
            raise CorpusError(f"{where}: no patterns (|-separated phrases that refer to {r['actor']!r})")
        for pat in pats:
            key = pat.lower()  # "the company" matches any case, so it clashes with "The company"
            if owner.setdefault(key, r["actor"]) != r["actor"]:
                raise CorpusError(f"{where}: the pattern {pat!r} is also listed for {owner[key]!r}; "
                                  "a phrase can refer to one actor only")
            out.append((r["actor"], r["side"], pat))
    if not out:
        raise CorpusError(f"{p}: no actor has a pattern")
    df = pd.DataFrame(out, columns=["actor", "side", "pattern"]).drop_duplicates()
    return df.assign(_n=df["pattern"].str.len()).sort_values(["_n", "pattern"], ascending=[False, True]).drop(columns="_n")


def actors_or_speakers(folder: str | Path, atts: pd.DataFrame, corpus=None) -> tuple[pd.DataFrame, str]:
    """The folder's ``actors.csv`` if it has one, else each speaker heard in a body paragraph of ``corpus`` as an
    actor (:func:`actors_from_speakers`), with a note saying so (empty when the file was used). A bad actor file
    raises CorpusError: it is never skipped silently."""
    f = Path(folder) / "actors.csv"
    if f.is_file():
        return load_actors(f), ""
    return actors_from_speakers(atts, corpus), (f"{f.parent.name or f.parent}: no actors.csv beside the articles, so each "
                                        "speaker is treated as an actor (write one to name actors and sides)")


def _person_key(name: str) -> str:
    """A name without its middle initials, lower-cased: "Mark S. Kirk" and "Mark Kirk" are one person."""
    return " ".join(nlp.without_initials(name.split())).lower()


def actors_from_speakers(atts: pd.DataFrame, corpus=None) -> pd.DataFrame:
    """A stand-in actor table when no actor file exists: each person heard is an actor of side "speaker". Good
    enough to run the measures; write an actor file to group and name sides.

    One actor per person across the articles: names that differ only by middle initials ("Mark S. Kirk", "Mark
    Kirk") are one actor, and a one-word name joins the one longer person's name that ends with it ("Trump" -> "Donald
    Trump"; "Democrats" does not join "36 percent of Democrats"), so an article that quotes "Trump" and one that quotes "Donald Trump" hear the same actor, and neither
    says he was never heard. The actor is called by the group's name of most words (then the most quoted); every
    name of the group is a pattern. A speaker left as a pronoun ("He", "They") or a description with no name in it
    ("A student", "a man") is no actor: every article may have the words, and none names anyone by them. With ``corpus``, only speakers heard in body paragraphs count: a title-case
    headline ("Wisconsin Elects A Supreme Court Justice Who Once Mocked …") makes no actor.
    """
    from collections import Counter

    if corpus is not None:
        atts = quotes.body_attributions(corpus, atts)

    # an unresolved pronoun ("He", "They"), a relative ("who") or a description with no name in it ("A student", "a
    # man") names nobody: it is no actor that others could "name" (every article may say "a man")
    speakers = [part for s in atts["speaker"] for part in (quotes.coordinated_names(s) or [s])]  # "A and B": A, B
    counts = Counter(s for s in speakers if s and s.lower() not in quotes.PRONOUNS
                     and s.lower() not in ("who", "which", "that") and quotes.names_someone(s))
    names = list(counts)
    key = {n: _person_key(n) for n in names}
    by_last: dict[str, set[str]] = {}
    for n in names:
        if " " in key[n] and quotes._is_name_run(n):  # a person's name, not "36 percent of Democrats"
            by_last.setdefault(quotes.surname(key[n]), set()).add(key[n])  # "Hurt" of "Harry Hurt III"
    for n in names:
        if " " not in key[n] and len(by_last.get(key[n], ())) == 1:
            key[n] = next(iter(by_last[key[n]]))
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(key[n], []).append(n)
    rows = []
    for members in groups.values():
        actor = min(members, key=lambda n: (-len(n.split()), -counts[n], n))
        rows += [(actor, "speaker", n) for n in members]
    return pd.DataFrame(rows, columns=["actor", "side", "pattern"])


@lru_cache(maxsize=65536)  # the same actor table is indexed by several measures: compile each pattern once
def _pattern_re(pattern: str) -> re.Pattern:
    """A phrase as a whole-word pattern: spaces match any run of whitespace, lower case means any case.

    The boundary before the phrase is checked after its first character (a lookbehind over two
    characters), so the regex starts with a literal that re can search for: about 10x faster than
    a leading lookbehind, which re tries at every position. Same matches.
    """
    flags = re.IGNORECASE if pattern[:1].islower() else 0  # "the company" matches "The company"
    if not pattern or pattern[0].isspace():
        body = re.escape(pattern).replace(r"\ ", r"\s+")
        return re.compile(rf"(?<![\w’'-]){body}(?![\w-])", flags)
    body = re.escape(pattern[1:]).replace(r"\ ", r"\s+")
    return re.compile(rf"{re.escape(pattern[0])}(?<![\w’'-][\s\S]){body}(?![\w-])", flags)


_WORD_RE = re.compile(r"\w+")


class _PatternIndex:
    """Actor patterns compiled once and keyed by one of their words, so a text is only searched with
    the patterns whose key word it contains: cost grows with the text and its candidate patterns,
    not with texts x actors (an actor table made from every speaker of 840 articles has thousands).

    Every maximal run of word characters in a pattern is a whole word of any text it matches (the
    pattern's other characters and its boundaries are not word characters), so a text without the
    key word cannot match. The key is the pattern's word shared by the fewest patterns, compared
    case-folded (the case-sensitive pattern is still what decides a match).
    """

    def __init__(self, actors: pd.DataFrame):
        rows = list(actors[["actor", "side", "pattern"]].itertuples(index=False))
        self.compiled = [(a, sd, _pattern_re(nlp.normalise(p))) for a, sd, p in rows]
        self.exact = {nlp.normalise(p): (a, sd) for a, sd, p in rows}
        words = [{w.casefold() for w in _WORD_RE.findall(nlp.normalise(p))} for _, _, p in rows]
        df: dict[str, int] = {}
        for ws in words:
            for w in ws:
                df[w] = df.get(w, 0) + 1
        self.by_key: dict[str, list[int]] = {}
        self.always: list[int] = []  # a pattern with no word character at all is tried on every text
        for i, ws in enumerate(words):
            if ws:
                self.by_key.setdefault(min(ws, key=lambda w: (df[w], -len(w), w)), []).append(i)
            else:
                self.always.append(i)

        # every match of every pattern in one walk over a text's words (speakers of 840 articles as
        # actors: 4,200 patterns, 300 of them candidates in every article)
        self.phrases = nlp.PhraseIndex([(nlp.normalise(p), rx) for (_, _, p), (_, _, rx) in zip(rows, self.compiled, strict=True)])

    def candidates(self, norm: str) -> list[int]:
        """Indexes (in table order) of the patterns that can match in the normalised text ``norm``."""
        found = set(self.always)
        for w in set(_WORD_RE.findall(norm.casefold())):
            found.update(self.by_key.get(w, ()))
        return sorted(found)

    def matches(self, norm: str) -> list[tuple[int, int, int]]:
        """(pattern index, start, end) of every match in ``norm``, in pattern order and, per pattern,
        as ``finditer`` finds them (:class:`analysis.nlp.PhraseIndex`)."""
        return [(i, m.start(), m.end()) for i, m in self.phrases.matches(norm)]


def actor_mentions(corpus, actors: pd.DataFrame) -> pd.DataFrame:
    """Every actor mention: article_id, actor, side, start, end, text, sentence, kind (paragraph kind).

    Patterns are matched longest first and a character is claimed by one mention only, so
    "Moonshot AI" is one mention, not also "Moonshot". Only text inside the corpus's sentences
    counts, so a corpus with sentences dropped loses their mentions too.
    """
    rows = []
    index = _PatternIndex(actors)
    sents = corpus.sentences_by_article
    for aid, text in zip(corpus.articles["article_id"], corpus.articles["text"], strict=True):
        norm = nlp.normalise(text)
        taken = np.zeros(len(text), dtype=bool)
        s = sents[aid].sort_values("start")
        starts, ends = s["start"].to_numpy(), s["end"].to_numpy()
        ids, kinds = s["sentence"].to_numpy(), s["kind"].to_numpy()
        for i, a, b in index.matches(norm):
            if taken[a:b].any():
                continue
            taken[a:b] = True
            k = int(np.searchsorted(starts, a, side="right")) - 1
            if k < 0 or ends[k] < b:  # outside every sentence (e.g. a dropped summary)
                continue
            actor, side, _ = index.compiled[i]
            rows.append((aid, actor, side, a, b, text[a:b], int(ids[k]), kinds[k]))
    cols = ["article_id", "actor", "side", "start", "end", "text", "sentence", "kind"]
    return pd.DataFrame(rows, columns=cols).sort_values(["article_id", "start"], ignore_index=True)


def speaker_actors(atts: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """``atts`` with actor and side for each attribution: the actor whose pattern is the resolved speaker,
    else the first pattern found in it, else in the speaker mention; unmatched speakers keep their own
    name and side "other". A speaker of several names joined by "and" (:func:`analysis.quotes.coordinated_names`)
    gives the attribution one row per name, each with its actor. Only attributions in which someone is heard (:func:`analysis.quotes.heard`): one
    with no speaker found is nobody's voice, so it gets no actor."""
    atts = quotes.heard(atts)
    index = _PatternIndex(actors)
    cache: dict[str, tuple[str, str] | None] = {}

    def find_one(norm: str):
        if norm not in cache:
            if norm in index.exact:  # the speaker is an actor's own pattern ("U.S. firms such as X and Y", not X)
                cache[norm] = index.exact[norm]
            else:
                cache[norm] = next(((a, s) for a, s, rx in (index.compiled[i] for i in index.candidates(norm))
                                    if rx.search(norm)), None)
        return cache[norm]

    def find(*names):
        for name in names:
            if name:
                hit = find_one(nlp.normalise(name))
                if hit:
                    return hit
        return None

    rows, actor, side = [], [], []
    for i, (sp, mention) in enumerate(zip(atts["speaker"], atts["speaker_mention"], strict=True)):
        parts = quotes.coordinated_names(sp)
        if parts:  # "Donald Trump and Ted Cruz said": one row for each of them, so neither is "never heard"
            for part in parts:
                hit = find(part)
                rows.append(i)
                actor.append(hit[0] if hit else part)
                side.append(hit[1] if hit else "other")
            continue
        hit = find(sp, mention)
        rows.append(i)
        actor.append(hit[0] if hit else sp)
        side.append(hit[1] if hit else "other")
    out = atts.iloc[rows] if len(rows) != len(atts) else atts
    return out.assign(actor=actor, side=side)


def uncovered_names(corpus, actors: pd.DataFrame) -> pd.DataFrame:
    """Capitalised names in the articles that no actor pattern covers (to help write a new actor file).

    Columns: name, mentions, articles (comma-separated ids). Acronyms and sentence-opening
    function words are left out, as in :func:`analysis.quotes.unquoted`.
    """
    mentions = by_article(actor_mentions(corpus, actors))
    rows: dict[str, list] = {}
    stops = nlp.stopwords()
    for aid, text in zip(corpus.articles["article_id"], corpus.articles["text"], strict=True):
        m = mentions[aid].sort_values("start")  # mentions never overlap: sorted by start, ends are sorted too
        starts, ends = m["start"].to_numpy(), m["end"].to_numpy()
        for s, e, name, _k in quotes._entity_mentions(text):
            if not any(ch.islower() for ch in name) or nlp.normalise(name).lower().split("'")[0] in stops:
                continue
            k = int(np.searchsorted(starts, s, side="right")) - 1  # the last mention starting at or before s
            if k >= 0 and e <= ends[k]:
                continue
            r = rows.setdefault(name, [0, []])
            r[0] += 1
            if aid not in r[1]:
                r[1].append(aid)
    out = pd.DataFrame([(n, c, ", ".join(a)) for n, (c, a) in rows.items()], columns=["name", "mentions", "articles"])
    return out.sort_values(["mentions", "name"], ascending=[False, True], ignore_index=True)


# ---------------------------------------------------------------------------------------------
# Who speaks


def _body_words(corpus) -> pd.Series:
    return terms.body_word_counts(corpus)


body_attributions = quotes.body_attributions  # one definition of "in the body", shared with quotes.voices


_OWNED_SAYING_RE = re.compile(rf"['’]s?\s+(?:[a-z]+\s+)?(?:{quotes.CUE_NOUNS})\b")  # "Sanders’ accusations", "Trump's repeated claims"


def _saying_owners(corpus, mentions: pd.DataFrame) -> set[tuple[str, str]]:
    """(article_id, actor) for each actor named as the owner of a noun of saying ("Bernie Sanders’ accusations that
    …", "Trump's repeated claims"): the article reports what the actor said, though no attribution has them speak."""
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    return {(aid, actor) for aid, actor, end in zip(mentions["article_id"], mentions["actor"], mentions["end"], strict=True)
            if _OWNED_SAYING_RE.match(texts[aid], int(end))}


def voice_share(corpus, atts: pd.DataFrame, actors: pd.DataFrame, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article and actor: share of body words in the actor's quoted and reported speech.

    Columns: article_id, actor, side, quoted_words (inside quotation marks: direct and partial),
    reported_words (indirect and mixed, quoted fragments included), voice_share (words of all the
    actor's direct, mixed and indirect speech / body words; a partial fragment is not counted
    twice),
    mentions (how often the actor is named, headline included), voiceless (named but never given
    a voice; not a bare surname whose full name is heard in the article, nor an actor named as the owner of a noun of
    saying, "Sanders’ accusations that …"). Body text only: the headline is measured by :func:`headline_lede`.
    """
    a = speaker_actors(body_attributions(corpus, atts[atts["kind"] != "mention"]), actors)
    a = a.assign(words=[len(nlp.word_norms(q)) for q in a["quote"]])
    body = _body_words(corpus)
    mentions = actor_mentions(corpus, actors) if mentions is None else mentions
    ment = mentions.groupby(["article_id", "actor", "side"]).size().rename("mentions")
    named: dict[str, list[tuple[str, str]]] = {}  # article -> (actor, side) of its mentions, in index order
    for art, act, sd in ment.index:
        named.setdefault(art, []).append((act, sd))
    ment_n = ment.to_dict()
    w = a["words"].to_numpy()
    # per article and actor, in order of first attribution: side of the first one, quoted, reported and
    # spoken words (partials lie inside mixed speech, so they are not spoken twice)
    sums = a.assign(q=np.where(a["kind"].isin(quotes.QUOTED_KINDS), w, 0),
                    r=np.where(a["kind"].isin(quotes.REPORTED_KINDS), w, 0),
                    sp=np.where(a["kind"] != "partial", w, 0))
    sums = sums.groupby(["doc_id", "actor"], sort=False).agg(side=("side", "first"), q=("q", "sum"), r=("r", "sum"),
                                                              sp=("sp", "sum"))
    voiced: dict[str, dict[str, tuple]] = {}
    for (doc, actor), side, q, r, sp in zip(sums.index, sums["side"], sums["q"], sums["r"], sums["sp"], strict=True):
        voiced.setdefault(doc, {})[actor] = (side, int(q), int(r), int(sp))
    owners = _saying_owners(corpus, mentions)
    rows = []
    for aid in corpus.articles["article_id"]:
        mine = voiced.get(aid, {})
        heard_surnames = {a.rsplit(None, 1)[-1] for a, v in mine.items() if v[3] > 0 and " " in a}
        names = dict.fromkeys(list(mine) + [act for act, _s in named.get(aid, [])])
        for actor in names:
            if actor in mine:
                side, q, r, spoken = mine[actor]
            else:
                side, q, r, spoken = next(sd for act, sd in named[aid] if act == actor), 0, 0, 0
            m = int(ment_n.get((aid, actor, side), 0))
            # a bare surname that is also the surname of someone heard in the article ("Trump" where Donald Trump
            # speaks, kept apart only because other articles quote Ivanka Trump too) is not said to be unheard
            namesake = " " not in actor and actor in heard_surnames
            paraphrased = (aid, actor) in owners  # "Bernie Sanders’ accusations that …": what he said is reported
            rows.append((aid, actor, side, q, r, spoken / body[aid], m,
                         spoken == 0 and m > 0 and not namesake and not paraphrased))
    cols = ["article_id", "actor", "side", "quoted_words", "reported_words", "voice_share", "mentions", "voiceless"]
    return pd.DataFrame(rows, columns=cols)


def cue_stance(atts: pd.DataFrame, actors: pd.DataFrame, corpus=None) -> pd.DataFrame:
    """Attribution verbs per actor by stance class: article_id, actor, stance, cues (lemmas), n.

    With ``corpus``, body attributions only (the headline's verb is in :func:`headline_lede`). Attributions
    with no speaker found ("when asked whether …") have no actor to introduce and are left out.
    """
    atts = body_attributions(corpus, atts) if corpus is not None else atts
    a = speaker_actors(atts[(atts["kind"] != "partial") & (atts["stance"] != "")], actors)
    g = a.groupby(["doc_id", "actor", "stance"], sort=False).agg(
        n=("cue_lemma", "size"), cues=("cue_lemma", lambda s: ", ".join(sorted(set(s))))).reset_index()
    return g.rename(columns={"doc_id": "article_id"})[["article_id", "actor", "stance", "cues", "n"]]


# ---------------------------------------------------------------------------------------------
# Placement


def counter_frame_sentences(corpus, actors: pd.DataFrame, counter_sides=("critic",), mentions=None,
                             hits=None) -> pd.DataFrame:
    """Sentences that carry a counter-frame: a counter-side actor is named, or a morality or
    fairness frame word is used (hypocrisy, "turn tables", double standard)."""
    m = actor_mentions(corpus, actors) if mentions is None else mentions
    m = m[m["side"].isin(counter_sides)][["article_id", "sentence"]]
    hits = frame_hits(corpus, kinds=("headline", "heading", "body")) if hits is None else hits
    f = hits[hits["frame"].isin(["morality", "fairness_and_equality"])][["article_id", "sentence"]]
    return pd.concat([m, f]).drop_duplicates().reset_index(drop=True)


def headline_lede(corpus, atts: pd.DataFrame, actors: pd.DataFrame, counter: pd.DataFrame | None = None,
                  mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Headline and lede (first body sentence) of each article: subject, verb class, counter-frame.

    subject: the first actor named in the sentence; verb_class: stance of the first attribution
    cue in it ("none" without one); counter_frame: whether a counter-frame appears in it.
    Columns: article_id, part (headline | lede), subject, verb, verb_class, counter_frame, text.
    """
    ment = actor_mentions(corpus, actors) if mentions is None else mentions
    counter = counter_frame_sentences(corpus, actors, mentions=ment) if counter is None else counter
    rows = []
    ment_by, atts_by, counter_by = by_article(ment), by_article(atts, "doc_id"), by_article(counter)
    for aid in corpus.articles["article_id"]:
        s = corpus.sentences_by_article[aid]
        parts = [("headline", s[s["kind"] == "headline"].head(1)), ("lede", s[s["kind"] == "body"].head(1))]
        for part, row in parts:
            if row.empty:
                rows.append((aid, part, "", "", "", False, ""))
                continue
            sid, start, end, text = int(row["sentence"].iloc[0]), int(row["start"].iloc[0]), int(row["end"].iloc[0]), row["text"].iloc[0]
            m = ment_by[aid][ment_by[aid]["sentence"] == sid]
            a = atts_by[aid]
            a = a[(a["cue_start"].notna()) & (a["cue_start"] >= start) & (a["cue_start"] < end)]
            a = a[a["stance"] != ""].sort_values("cue_start")
            verb = a["cue"].iloc[0] if len(a) else ""
            vclass = a["stance"].iloc[0] if len(a) else "none"
            has_counter = bool((counter_by[aid]["sentence"] == sid).any())
            rows.append((aid, part, m["actor"].iloc[0] if len(m) else "", verb, vclass, has_counter, text))
    return pd.DataFrame(rows, columns=["article_id", "part", "subject", "verb", "verb_class", "counter_frame", "text"])


def first_position(corpus, atts: pd.DataFrame, actors: pd.DataFrame, counter: pd.DataFrame | None = None) -> pd.DataFrame:
    """Where things first happen, as a share of the article (0 = start, 1 = end).

    One row per article and item: each actor's first voice (``voice: <actor>``), the first
    counter-frame sentence (``counter_frame``), and the closing body sentence's voice
    (``closing: <actor or narrator>``, position of that sentence). Positions are measured on the
    corpus's sentences (:meth:`analysis.corpus.Corpus.position`), so without a dropped summary
    they are shares of the shortened article. Columns: article_id, item,
    position, text (the sentence, for evidence).
    """
    a = speaker_actors(atts[~atts["kind"].isin(["mention"])], actors)
    a = a[quotes.in_sentences(a, corpus.sentences, zip(corpus.sentences["article_id"], corpus.sentences["sentence"], strict=True))]
    counter = counter_frame_sentences(corpus, actors) if counter is None else counter
    sents = corpus.sentences.set_index(["article_id", "sentence"])
    a_by, counter_by = by_article(a, "doc_id"), by_article(counter)
    rows = []
    for aid in corpus.articles["article_id"]:
        g = a_by[aid].sort_values("quote_start")
        firsts = g.groupby("actor", sort=False)["quote_start"].min().sort_values()
        if len(firsts):
            text = corpus.text(aid)
            at = g.drop_duplicates("quote_start").set_index("quote_start")  # the first attribution at each offset
            pos = corpus.position([aid] * len(firsts), firsts.to_numpy())
            for (actor, first), p in zip(firsts.items(), pos, strict=True):
                sent, end = at.at[first, "sentence_start"], at.at[first, "sentence_end"]
                rows.append((aid, f"voice: {actor}", float(p), text[int(sent) : int(end)]))
        c = counter_by[aid]
        if len(c):
            first = sents.loc[[(aid, int(x)) for x in c["sentence"]]].sort_values("start").iloc[0]
            rows.append((aid, "counter_frame", float(corpus.position([aid], [first["start"]])[0]), first["text"]))
        s = corpus.sentences_by_article[aid]
        body = s[s["kind"] == "body"]
        if len(body):
            last = body.iloc[-1]
            inside = g[(g["quote_start"] >= last["start"]) & (g["quote_start"] < last["end"])]
            voice = inside["actor"].iloc[0] if len(inside) else "narrator"
            rows.append((aid, f"closing: {voice}", float(corpus.position([aid], [last["start"]])[0]), last["text"]))
    return pd.DataFrame(rows, columns=["article_id", "item", "position", "text"])


def paragraph_voices(corpus, atts: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Who speaks in each body paragraph, in order: one row per article, paragraph and voice.

    Columns: article_id, paragraph (the corpus's paragraph number), order (0-based among the
    article's body paragraphs), voice (an actor, or "narrator" for the words no attribution
    covers), side ("narrator" for the narrator), words, share (of the paragraph's words), lead
    (True for the voice with the most words in the paragraph). Body attributions only; partial
    fragments are inside their mixed attribution.
    """
    a = speaker_actors(body_attributions(corpus, atts[~atts["kind"].isin(["mention", "partial"])]), actors)
    rows = []
    t = corpus.tokens[corpus.tokens["is_word"] & (corpus.tokens["kind"] == "body")]
    a_by = by_article(a, "doc_id")
    for aid, g in t.groupby("article_id", sort=False):
        text_len = len(corpus.text(aid))
        owner = np.full(text_len, -1)
        ga = a_by[aid].reset_index(drop=True)
        for i, spans in enumerate(ga["quote_spans"]):
            for s0, e0 in spans:
                owner[s0:e0] = i
        for order, (p, gp) in enumerate(g.groupby("paragraph", sort=True)):
            who = owner[gp["start"].to_numpy()]
            counts: dict[tuple[str, str], int] = {}
            for w in who:
                key = ("narrator", "narrator") if w < 0 else (ga.at[int(w), "actor"], ga.at[int(w), "side"] or "other")
                counts[key] = counts.get(key, 0) + 1
            top = max(counts.values())
            lead = min(k for k, v in counts.items() if v == top)  # ties: alphabetical, so stable
            for (voice, side), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                rows.append((aid, int(p), order, voice, side, n, n / len(gp), (voice, side) == lead))
    return pd.DataFrame(rows, columns=["article_id", "paragraph", "order", "voice", "side", "words", "share", "lead"])


def cumulative_voice(corpus, atts: pd.DataFrame, actors: pd.DataFrame, step: float = 0.01) -> pd.DataFrame:
    """Cumulative share of each side's attributed words through each article (for a figure).

    Columns: article_id, side, position (0..1 of the article's sentence text, see
    :meth:`analysis.corpus.Corpus.position`), cumulative_share
    (attributed words of that side so far / all body words). Body attributions only, as in
    :func:`voice_share`, so the last value of each line is that side's voice share.
    """
    a = speaker_actors(body_attributions(corpus, atts[atts["kind"] != "mention"]), actors)
    a = a[a["side"] != ""]  # a speaker nobody resolved has no side (and no line)
    a = a.assign(words=[len(nlp.word_norms(q)) for q in a["quote"]])
    a = a[a["kind"] != "partial"]  # partial fragments are inside their mixed attribution
    body = _body_words(corpus)
    grid = np.round(np.arange(0, 1 + step / 2, step), 4)
    rows = []
    a_by, sides = by_article(a, "doc_id"), sorted(set(a["side"]))
    for aid in corpus.articles["article_id"]:
        g = a_by[aid]
        for side in sides:
            gs = g[g["side"] == side]
            pos = corpus.position(gs["doc_id"], gs["quote_end"])
            w = gs["words"].to_numpy()
            rows += [(aid, side, float(x), float(w[pos <= x].sum() / body[aid])) for x in grid]
    return pd.DataFrame(rows, columns=["article_id", "side", "position", "cumulative_share"])


# ---------------------------------------------------------------------------------------------
# Words: frames, labels, hedges, tone


@lru_cache(maxsize=1)
def frame_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(frame, compiled pattern) from ``data/frames_en.csv``."""
    raw = resources.files("analysis").joinpath("data/frames_en.csv").read_text(encoding="utf-8")
    return tuple((r["frame"], re.compile(rf"(?<![\w-])(?:{r['pattern']})(?![\w-])", re.IGNORECASE))
                 for r in csv.DictReader(raw.splitlines()))


def frame_hits(corpus, kinds=("body",)) -> pd.DataFrame:
    """Every frame keyword hit: article_id, frame, start, end, match, sentence, context."""
    rows = []
    sents = corpus.sentences[corpus.sentences["kind"].isin(kinds)]
    for aid, g in sents.groupby("article_id", sort=False):
        text = corpus.text(aid)
        norm = nlp.normalise(text)
        for sid, s, e in g[["sentence", "start", "end"]].itertuples(index=False):
            for frame, rx in frame_patterns():
                for m in rx.finditer(norm, s, e):
                    a, b = m.span()
                    ctx = " ".join(text[max(s, a - 50) : a].split()) + " [" + text[a:b] + "] " + " ".join(text[b : min(e, b + 50)].split())
                    rows.append((aid, frame, a, b, text[a:b], int(sid), ctx))
    cols = ["article_id", "frame", "start", "end", "match", "sentence", "context"]
    return pd.DataFrame(rows, columns=cols).sort_values(["article_id", "start", "frame"], ignore_index=True)


def frame_rate(corpus, kinds=("body",), hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Frame dimensions per 1,000 body words: article_id, frame, hits, per_1000 (all frames listed).

    ``hits``: a :func:`frame_hits` table already restricted to ``kinds``, to avoid recomputing it.
    """
    hits = frame_hits(corpus, kinds) if hits is None else hits
    body = _body_words(corpus)
    frames = list(dict.fromkeys(f for f, _ in frame_patterns()))
    counts = hits.groupby(["article_id", "frame"]).size()
    rows = [(aid, f, int(counts.get((aid, f), 0)), 1000 * counts.get((aid, f), 0) / body[aid])
            for aid in corpus.articles["article_id"] for f in frames]
    return pd.DataFrame(rows, columns=["article_id", "frame", "hits", "per_1000"])


@lru_cache(maxsize=1)
def _label_re() -> re.Pattern:
    """Label nouns for organisations, optionally after a marker of origin, from ``data/labels_en.csv``."""
    raw = resources.files("analysis").joinpath("data/labels_en.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(raw.splitlines()))
    alts = [a for r in rows if r["kind"] == "marker" for a in r["pattern"].split("|")]
    markers = "|".join(f"[{a[0]}{a[0].upper()}]{a[1:]}" if a[:1].islower() else a for a in alts)  # "Foreign" opens a sentence
    nouns = "|".join(r["pattern"] for r in rows if r["kind"] == "noun")
    return re.compile(
        rf"(?<![\w-])(?:(?P<nat>{markers})\s+)?"
        r"(?:(?:AI|artificial\s+intelligence|well-known|leading|major|rival|tech|technology|several|two|three|four|"
        r"these|those|the|other)\s+)*"
        rf"(?P<label>{nouns})(?![\w-])"
    )


_SINGULAR = {"lab": "labs", "firm": "firms", "startup": "startups", "company": "companies", "corporation": "corporations",
             "maker": "makers", "group": "groups", "organisation": "organisations", "organization": "organizations",
             "agency": "agencies", "government": "governments", "party": "parties", "union": "unions",
             "institute": "institutes", "university": "universities"}


def label_count(corpus, kinds=("headline", "body")) -> pd.DataFrame:
    """How organisations are named: counts of each label noun (labs, firms, companies, groups,
    officials, …) and how often it is marked by origin ("Chinese labs", "foreign competitors",
    "U.S. firms"). Nouns and markers come from ``data/labels_en.csv``; singular and plural count
    as one label.

    Columns: article_id, label, n, nationality_marked, nationality (most frequent marker).
    """
    rows = []
    sents = corpus.sentences[corpus.sentences["kind"].isin(kinds)]
    for aid, g in sents.groupby("article_id", sort=False):
        found = []
        for t in g["text"]:
            for m in _label_re().finditer(nlp.normalise(t)):
                lab = m.group("label").lower()
                lab = _SINGULAR.get(lab, lab)
                found.append((lab, m.group("nat") or ""))
        df = pd.DataFrame(found, columns=["label", "nat"])
        for lab, d in df.groupby("label"):
            nat = d.loc[d["nat"] != "", "nat"]
            rows.append((aid, lab, len(d), len(nat), nat.mode().iloc[0] if len(nat) else ""))
    out = pd.DataFrame(rows, columns=["article_id", "label", "n", "nationality_marked", "nationality"])
    order = {a: i for i, a in enumerate(corpus.articles["article_id"])}
    return out.assign(_o=out["article_id"].map(order)).sort_values(["_o", "n", "label"], ascending=[True, False, True]).drop(columns="_o").reset_index(drop=True)


# Words that may stand between a label and the name it introduces ("U.S. firms such as Anthropic",
# "AI labs, including DeepSeek"); any other word ("other labs and authorities", "rivals of Acme")
# means the name after the label is another entity, not the one the label describes.
_APPOSITION_WORDS = frozenset("such as including like namely notably especially particularly called named".split())


def actor_labels(corpus, actors: pd.DataFrame, mentions: pd.DataFrame | None = None, kinds=("headline", "body"),
                 reach: int = 3) -> pd.DataFrame:
    """How each actor is labelled: every organisation label (``labels_en.csv``) assigned to the actor
    it names, so that a label of one organisation is never counted for another.

    A label belongs to the actor whose mention overlaps it ("three Chinese artificial intelligence
    firms" as an actor pattern), else to the actor named within ``reach`` words after it ("Chinese
    labs DeepSeek, Moonshot AI and MiniMax" -> DeepSeek) with nothing between them but punctuation
    or "such as", "including", ... ("other labs and authorities": not the authorities), else to none
    ("AI infrastructure firm IO.Net" when IO.Net is no actor: actor ""). Columns: article_id, actor, side, label, marker,
    start, text (the label as written), sentence.
    """
    ment = actor_mentions(corpus, actors) if mentions is None else mentions
    rows = []
    sents = corpus.sentences[corpus.sentences["kind"].isin(kinds)]
    ment_by = by_article(ment)
    for aid, g in sents.groupby("article_id", sort=False):
        text = corpus.text(aid)
        norm = nlp.normalise(text)
        by_sentence = by_article(ment_by[aid], "sentence")  # one split per article, not a filter per sentence
        for sid, s0, s1 in g[["sentence", "start", "end"]].itertuples(index=False):
            ms = by_sentence[sid]
            for hit in _label_re().finditer(norm, s0, s1):
                a, b = hit.span()
                over = ms[(ms["start"] < b) & (ms["end"] > a)]
                if over.empty:
                    after = ms[(ms["start"] >= b)].sort_values("start")
                    gap = norm[b : int(after["start"].iloc[0])] if len(after) else ""
                    words = re.findall(r"[\w'’-]+", gap)
                    near = (len(after) and len(words) <= reach and not re.search(r"[.;:]", gap)
                            and all(w.lower() in _APPOSITION_WORDS for w in words))
                    over = after.head(1) if near else over
                actor, side = (over["actor"].iloc[0], over["side"].iloc[0]) if len(over) else ("", "")
                label = _SINGULAR.get(hit.group("label").lower(), hit.group("label").lower())
                rows.append((aid, actor, side, label, hit.group("nat") or "", a, text[a:b], int(sid)))
    return pd.DataFrame(rows, columns=["article_id", "actor", "side", "label", "marker", "start", "text", "sentence"])


@lru_cache(maxsize=1)
def hedge_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    raw = resources.files("analysis").joinpath("data/hedges_en.csv").read_text(encoding="utf-8")
    return tuple((r["class"], re.compile(rf"(?<![\w-])(?:{r['pattern']})(?![\w-])", re.IGNORECASE))
                 for r in csv.DictReader(raw.splitlines()))


def _attributed_mask(corpus, atts: pd.DataFrame, aid: str) -> np.ndarray:
    """Characters of an article inside attributed content (any attribution with a speaker).

    ``atts`` may be all attributions or, in a loop over articles, that article's own (cheaper).
    """
    mask = np.zeros(len(corpus.text(aid)), dtype=bool)
    own = atts[atts["doc_id"] == aid]
    for spans, spk in zip(own["quote_spans"], own["speaker"], strict=True):
        if spk:
            for s, e in spans:
                mask[s:e] = True
    return mask


def voice_hits(corpus, atts: pd.DataFrame, patterns) -> pd.DataFrame:
    """Every match of ``patterns`` ((class, compiled regex) pairs) in body text, with whose voice it
    is in: article_id, class, voice (narrator or attributed), start, match, context.

    A word that is an attribution's cue ("suggested", "indicated", "alleged" as the reporting verb)
    is counted as that verb, by the quote measures, and not again here.
    """
    rows = []
    body = corpus.sentences[corpus.sentences["kind"] == "body"]
    cues = atts.dropna(subset=["cue_start"]) if "cue_start" in atts.columns else atts.iloc[:0]
    atts_by, cues_by = by_article(atts, "doc_id"), by_article(cues, "doc_id")
    for aid, g in body.groupby("article_id", sort=False):
        text = corpus.text(aid)
        norm = nlp.normalise(text)
        mask = _attributed_mask(corpus, atts_by[aid], aid)
        cue_mask = np.zeros(len(text) + 1, dtype=bool)
        for cs, ce in cues_by[aid][["cue_start", "cue_end"]].itertuples(index=False):
            cue_mask[int(cs) : int(ce)] = True
        for s, e in g[["start", "end"]].itertuples(index=False):
            for cls, rx in patterns:
                for m in rx.finditer(norm, s, e):
                    if cue_mask[m.start()]:
                        continue
                    voice = "attributed" if mask[m.start()] else "narrator"
                    ctx = " ".join(text[max(s, m.start() - 50) : m.start()].split()) + " [" + m.group(0) + "] " \
                        + " ".join(text[m.end() : min(e, m.end() + 50)].split())
                    rows.append((aid, cls, voice, m.start(), m.group(0), ctx))
    return pd.DataFrame(rows, columns=["article_id", "class", "voice", "start", "match", "context"])


def voice_rate(corpus, atts: pd.DataFrame, hits: pd.DataFrame, classes: Sequence[str]) -> pd.DataFrame:
    """``hits`` (from :func:`voice_hits`) per 1,000 words of each voice: article_id, class, voice,
    hits, words (body words in that voice), per_1000 (NaN when the voice has no words)."""
    t = corpus.tokens[corpus.tokens["is_word"] & (corpus.tokens["kind"] == "body")]
    rows = []
    atts_by = by_article(atts, "doc_id")
    n_hits = hits.groupby(["article_id", "class", "voice"]).size().to_dict() if len(hits) else {}
    for aid, g in t.groupby("article_id", sort=False):
        mask = _attributed_mask(corpus, atts_by[aid], aid)
        attributed = int(mask[g["start"].to_numpy()].sum())
        words = {"attributed": attributed, "narrator": len(g) - attributed}
        for cls in classes:
            for voice in VOICES:
                n = int(n_hits.get((aid, cls, voice), 0))
                rows.append((aid, cls, voice, n, words[voice], 1000 * n / words[voice] if words[voice] else np.nan))
    return pd.DataFrame(rows, columns=["article_id", "class", "voice", "hits", "words", "per_1000"])


def hedge_hits(corpus, atts: pd.DataFrame) -> pd.DataFrame:
    """Every hedge, booster and approximator in body text (:func:`voice_hits` with ``hedges_en.csv``)."""
    return voice_hits(corpus, atts, hedge_patterns())


def hedge_rate(corpus, atts: pd.DataFrame) -> pd.DataFrame:
    """Hedges, boosters and approximators per 1,000 words, separately in the narrator's voice and
    in attributed speech. Columns: article_id, class, voice, hits, words (in that voice), per_1000."""
    return voice_rate(corpus, atts, hedge_hits(corpus, atts), ("hedge", "booster", "approximator"))


_QUOTES_RE = re.compile(r"\"|(?<!\w)'|'(?!\w)")


@lru_cache(maxsize=1)
def _vader():
    """NLTK's VADER with the lexicon shipped in the vaderSentiment package (no download)."""
    folder = str(Path(vaderSentiment.__file__).parent)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    return SentimentIntensityAnalyzer(lexicon_file="vader_lexicon.txt")


def compound(text: str) -> float:
    """VADER compound score (-1 .. 1) of a text, with curly quotes straightened first."""
    # Quotation marks glued to a word ('"great"') hide it from the lexicon, so they become spaces;
    # apostrophes inside words (don't) stay.
    return float(_vader().polarity_scores(_QUOTES_RE.sub(" ", nlp.normalise(text)))["compound"])


def tone(corpus, atts: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Mean VADER compound per article for each actor's attributed content and for the narrator
    (body sentences with no attribution). Columns: article_id, voice, n, mean_compound."""
    a = speaker_actors(atts[atts["kind"] != "partial"], actors)
    rows = []
    a_by, atts_by = by_article(a, "doc_id"), by_article(atts, "doc_id")
    for aid in corpus.articles["article_id"]:
        g = a_by[aid]
        for actor, ga in g.groupby("actor", sort=False):
            scores = [compound(q) for q in ga["quote"]]
            rows.append((aid, actor, len(scores), float(np.mean(scores))))
        s = corpus.sentences_by_article[aid]
        body = s[s["kind"] == "body"]
        mask = _attributed_mask(corpus, atts_by[aid], aid)
        narr = [t for s, e, t in body[["start", "end", "text"]].itertuples(index=False) if not mask[s:e].any()]
        scores = [compound(t) for t in narr]
        rows.append((aid, "narrator", len(scores), float(np.mean(scores)) if scores else np.nan))
    return pd.DataFrame(rows, columns=["article_id", "voice", "n", "mean_compound"])


def artifact_count(corpus) -> pd.DataFrame:
    """Capture artifacts and structure found by the hygiene report: article_id, kind, n."""
    r = hygiene.report(corpus)
    return r.groupby(["article_id", "kind"]).size().rename("n").reset_index()


# ---------------------------------------------------------------------------------------------
# The long table


def all_measures(corpus, atts: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Every measure in one long table: article_id, measure, group, value.

    voice_share and quoted_words (group: actor), voiceless (actor; value: mentions), cue_stance
    (actor|stance), headline and lede (subject | verb_class | counter_frame), first_position
    (voice: actor | counter_frame | closing: voice), frame_rate (frame), label_count (label and
    label|nationality_marked), hedge_rate (class|voice), tone (actor or narrator),
    artifact_count (artifact kind).
    """
    parts = []
    all_hits = frame_hits(corpus, kinds=("headline", "heading", "body"))  # computed once, used three times
    mentions = actor_mentions(corpus, actors)
    counter = counter_frame_sentences(corpus, actors, mentions=mentions, hits=all_hits)
    v = voice_share(corpus, atts, actors, mentions)
    parts.append(v.assign(measure="voice_share", group=v["actor"], value=v["voice_share"].round(4)))
    parts.append(v.assign(measure="quoted_words", group=v["actor"], value=v["quoted_words"]))
    vl = v[v["voiceless"].astype(bool)]  # an empty object column would select columns, not rows
    parts.append(vl.assign(measure="voiceless", group=vl["actor"], value=vl["mentions"]))
    c = cue_stance(atts, actors, corpus)
    parts.append(c.assign(measure="cue_stance", group=c["actor"].astype(str) + "|" + c["stance"].astype(str), value=c["n"]))
    h = headline_lede(corpus, atts, actors, counter, mentions)
    for col in ("subject", "verb_class", "counter_frame"):
        parts.append(h.assign(measure=h["part"], group=col, value=h[col].astype(str)))
    f = first_position(corpus, atts, actors, counter)
    parts.append(f.assign(measure="first_position", group=f["item"], value=f["position"].round(4)))
    body_ids = set(zip(corpus.sentences["article_id"], corpus.sentences["sentence"], corpus.sentences["kind"], strict=True))
    body_hits = all_hits[np.array([(a, s, "body") in body_ids for a, s in zip(all_hits["article_id"], all_hits["sentence"], strict=True)], dtype=bool)]
    fr = frame_rate(corpus, hits=body_hits)
    parts.append(fr.assign(measure="frame_rate", group=fr["frame"], value=fr["per_1000"].round(3)))
    lc = label_count(corpus)
    parts.append(lc.assign(measure="label_count", group=lc["label"], value=lc["n"]))
    parts.append(lc.assign(measure="label_count", group=lc["label"].astype(str) + "|nationality_marked", value=lc["nationality_marked"]))
    hr = hedge_rate(corpus, atts)
    parts.append(hr.assign(measure="hedge_rate", group=hr["class"].astype(str) + "|" + hr["voice"].astype(str), value=hr["per_1000"].round(3)))
    t = tone(corpus, atts, actors)
    parts.append(t.assign(measure="tone", group=t["voice"], value=t["mean_compound"].round(4)))
    ac = artifact_count(corpus)
    parts.append(ac.assign(measure="artifact_count", group=ac["kind"], value=ac["n"]))
    out = pd.concat([p[["article_id", "measure", "group", "value"]] for p in parts], ignore_index=True)
    return out.astype({"value": object})
