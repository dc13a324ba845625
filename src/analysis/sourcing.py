"""Sourcing: whether criticism is sourced or narrated, and whether those named get a right of reply.

- :func:`evaluation_rate`: evaluative and opinion words (``data/evaluative_en.csv``: attitude
  markers such as "notably", "surprisingly", "uncomfortable", and judgements such as
  "hypocrisy", "skeptical") in the narrator's own sentences against inside attributed speech,
  per 1,000 words of each voice. A story whose evaluation sits in the narrator's voice
  *narrates* its criticism; one whose evaluation is inside quotes and paraphrase *sources* it.
- :func:`right_of_reply`: for every actor an article names, whether it is heard (quoted or
  paraphrased) and whether the article says it sought the actor's comment ("declined to
  comment", "did not respond to a request for comment", "could not be reached", ...:
  ``data/reply_en.csv``), with the sentences.

Nothing here is about one story: actors come from the actor table, words from the data files.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from . import framing, nlp

EVALUATION_CLASSES = ("attitude", "judgement")
REPLY_OUTCOMES = ("declined", "no_response", "unreachable", "sought")  # most specific first


@lru_cache(maxsize=1)
def evaluation_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(class, regex) pairs from ``data/evaluative_en.csv``, whole words, any case."""
    raw = resources.files("analysis").joinpath("data/evaluative_en.csv").read_text(encoding="utf-8")
    return tuple((r["class"], re.compile(rf"(?<![\w-])(?:{r['pattern']})(?![\w-])", re.IGNORECASE))
                 for r in csv.DictReader(raw.splitlines()))


def evaluation_hits(corpus, atts: pd.DataFrame) -> pd.DataFrame:
    """Every evaluative word in body text and whose voice it is in (narrator or attributed):
    article_id, class, voice, start, match, context."""
    return framing.voice_hits(corpus, atts, evaluation_patterns())


def evaluation_rate(corpus, atts: pd.DataFrame, hits: pd.DataFrame | None = None) -> pd.DataFrame:
    """Evaluative words per 1,000 words of each voice: article_id, class (attitude, judgement or
    all), voice, hits, words, per_1000."""
    hits = evaluation_hits(corpus, atts) if hits is None else hits
    both = pd.concat([hits, hits.assign(**{"class": "all"})], ignore_index=True)
    return framing.voice_rate(corpus, atts, both, (*EVALUATION_CLASSES, "all"))


@lru_cache(maxsize=1)
def reply_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(outcome, regex) pairs from ``data/reply_en.csv``, most specific outcome first."""
    raw = resources.files("analysis").joinpath("data/reply_en.csv").read_text(encoding="utf-8")
    rows = {r["outcome"]: r["pattern"] for r in csv.DictReader(raw.splitlines())}
    return tuple((o, re.compile(rf"(?<![\w-])(?:{rows[o]})(?![\w-])", re.IGNORECASE)) for o in REPLY_OUTCOMES if o in rows)


def reply_sentences(corpus) -> pd.DataFrame:
    """Body sentences that say comment was sought or refused: article_id, sentence, outcome, match, text."""
    rows = []
    body = corpus.sentences[corpus.sentences["kind"] == "body"]
    for aid, sid, text in body[["article_id", "sentence", "text"]].itertuples(index=False):
        norm = nlp.normalise(text)
        for outcome, rx in reply_patterns():
            m = rx.search(norm)
            if m:
                rows.append((aid, int(sid), outcome, text[m.start() : m.end()], text))
                break  # the most specific outcome of the sentence
    return pd.DataFrame(rows, columns=["article_id", "sentence", "outcome", "match", "text"])


REPLY_COLUMNS = ["article_id", "actor", "side", "mentions", "heard", "sought", "outcome", "sentence", "text"]


def right_of_reply(corpus, atts: pd.DataFrame, actors: pd.DataFrame, mentions: pd.DataFrame | None = None,
                   voice: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each article and each actor it names: is the actor heard, and does the article say it
    sought the actor's comment?

    A reply sentence counts for an actor named in that sentence, or, when it names no actor, for
    the actor named last in the sentence before ("The firm ... . It declined to comment.").
    Columns (:data:`REPLY_COLUMNS`): heard (the actor's speech has words in the body), sought
    (a reply sentence is about it), outcome (declined, no_response, unreachable, sought; "" if
    none), sentence and text of that sentence (-1 and "" if none).
    """
    mentions = framing.actor_mentions(corpus, actors) if mentions is None else mentions
    voice = framing.voice_share(corpus, atts, actors, mentions=mentions) if voice is None else voice
    replies = reply_sentences(corpus)
    rows = []
    for aid in corpus.articles["article_id"]:
        m = mentions[(mentions["article_id"] == aid) & (mentions["kind"] == "body")]
        r = replies[replies["article_id"] == aid]
        about: dict[str, tuple[str, int, str]] = {}
        for outcome, sid, text in r[["outcome", "sentence", "text"]].itertuples(index=False):
            named = m.loc[m["sentence"] == sid, "actor"].tolist()
            if not named:
                before = m[m["sentence"] < sid]
                named = before["actor"].tail(1).tolist()
            for actor in dict.fromkeys(named):
                about.setdefault(actor, (outcome, int(sid), text))
        v = voice[voice["article_id"] == aid].set_index("actor")
        counts = mentions[mentions["article_id"] == aid].groupby("actor").size()
        for actor in counts.index:
            side = v.at[actor, "side"] if actor in v.index else ""
            heard = bool(actor in v.index and v.at[actor, "voice_share"] > 0)
            outcome, sid, text = about.get(actor, ("", -1, ""))
            rows.append((aid, actor, side, int(counts[actor]), heard, bool(outcome), outcome, sid, text))
    out = pd.DataFrame(rows, columns=REPLY_COLUMNS)
    order = {a: i for i, a in enumerate(corpus.articles["article_id"])}
    out = out.assign(_o=out["article_id"].map(order), _m=-out["mentions"])
    return out.sort_values(["_o", "_m", "actor"]).drop(columns=["_o", "_m"]).reset_index(drop=True)


def narrated_share(rates: pd.DataFrame) -> pd.Series:
    """Per article: the share of all evaluative words that are in the narrator's own voice (NaN when none)."""
    a = rates[rates["class"] == "all"].pivot(index="article_id", columns="voice", values="hits")
    total = a.sum(axis=1)
    return (a.get("narrator", 0) / total.replace(0, np.nan)).rename("narrated_share")
