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
from .corpus import by_article

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
    Columns (:data:`REPLY_COLUMNS`): heard (the actor's speech has words in the body, or framing.voice_share does not
    count the actor unheard: a bare surname whose full name speaks there, the owner of a noun of saying), sought
    (a reply sentence is about it), outcome (declined, no_response, unreachable, sought; "" if
    none), sentence and text of that sentence (-1 and "" if none).
    """
    mentions = framing.actor_mentions(corpus, actors) if mentions is None else mentions
    voice = framing.voice_share(corpus, atts, actors, mentions=mentions) if voice is None else voice
    replies = reply_sentences(corpus)
    rows = []
    body_mentions, all_mentions = by_article(mentions[mentions["kind"] == "body"]), by_article(mentions)
    reply_rows, voices = by_article(replies), by_article(voice)
    for aid in corpus.articles["article_id"]:
        m, r = body_mentions[aid], reply_rows[aid]
        about: dict[str, tuple[str, int, str]] = {}
        for outcome, sid, text in r[["outcome", "sentence", "text"]].itertuples(index=False):
            named = m.loc[m["sentence"] == sid, "actor"].tolist()
            if not named:
                before = m[m["sentence"] < sid]
                named = before["actor"].tail(1).tolist()
            for actor in dict.fromkeys(named):
                about.setdefault(actor, (outcome, int(sid), text))
        v = voices[aid].set_index("actor")
        counts = all_mentions[aid].groupby("actor").size()
        for actor in counts.index:
            side = v.at[actor, "side"] if actor in v.index else ""
            heard = bool(actor in v.index and (v.at[actor, "voice_share"] > 0 or not v.at[actor, "voiceless"]))
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


# ---------------------------------------------------------------------------------------------
# Source credentials: how each quoted source is introduced, and who is not named at all

_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them"}
_UNNAMED_HEADS = {"a", "an", "some", "several", "many", "one", "two", "three", "few", "other", "others", "critics",
                  "commentators", "observers", "officials", "experts", "analysts", "sources", "people", "users",
                  "residents", "commenters", "critic", "commenter", "observer", "official", "expert", "analyst", "source"}
# ", co-founder of X," / ", a fisher who ..." / ", who leads X,": an appositive right after the name.
_ABBREV_DOT = (r"(?:(?<=\b[A-Z])|(?<=\bSen)|(?<=\bRep)|(?<=\bGov)|(?<=\bGen)|(?<=\bSt)|(?<=\bDr)|(?<=\bJr)|(?<=\bMr)|(?<=\bMrs)"
               r"|(?<=\bMs))\.")  # "U.S.", "Gov.", "met privately with Mr. Trump"
_AFTER_RE = re.compile(r",\s+((?:(?:a|an|the|who|which|its|his|her|their)\b|[a-z][\w-]*\s+(?:of|at|for)\b)"
                       rf"(?:[^,.;:\n]|\.(?=\S)|{_ABBREV_DOT}(?=\s)){{2,120}}?)(?=[,;:\n]|(?!{_ABBREV_DOT})\.(?:\s|$)|$)")
_ACCORDING_BEFORE = re.compile(r"according\s+to\s+$", re.IGNORECASE)
# "Council chair Maria Ortiz" / "the council's chair, Maria Ortiz,": a title right before the name.
_BEFORE_RE = re.compile(r"(?:(?<=[,;:]\s)|(?<=^))((?:the|its|his|her|their)\s+[^,.;:\n]{2,60}?),\s+$|"
                        r"((?:[A-Z][\w-]*\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+$")
_TITLE_WORDS = {"chair", "chairman", "chairwoman", "president", "director", "spokesperson", "spokesman", "spokeswoman",
                "minister", "secretary", "senator", "governor", "mayor", "councillor", "councilor", "ceo", "founder",
                "co-founder", "head", "leader", "chief", "professor", "analyst", "researcher", "engineer", "lawyer",
                "attorney", "judge", "officer", "manager", "editor", "reporter", "representative", "commissioner",
                "member", "economist", "scientist", "executive", "owner", "adviser", "advisor", "general", "coach"}

CREDENTIAL_COLUMNS = ["article_id", "speaker", "mention", "source", "credential", "position", "sentence", "text"]


def source_kind(mention: str) -> str:
    """"named" ("Sam Patel", "Reddit"), "unnamed" ("a commenter", "critics", "officials") or
    "reference" (a pronoun or a nominal such as "the company", which refers to someone else)."""
    if is_named(mention):
        return "named"
    first = mention.split()[0].lower() if mention.split() else ""
    return "unnamed" if first in _UNNAMED_HEADS else "reference"


def is_named(mention: str) -> bool:
    """A speaker mention that names someone ("Sam Patel", "Reddit"), not a description ("a commenter",
    "critics"), a pronoun or a nominal ("the company")."""
    words = mention.split()
    if not words or words[0].lower() in _PRONOUNS or words[0].lower() in ("the", "this", "that", "these", "those"):
        return False
    return words[0][:1].isupper() and words[0].lower() not in _UNNAMED_HEADS


def _name_re(name: str) -> re.Pattern:
    """A name as a whole word: not inside a longer word or hyphenated compound."""
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


def _occurrences(text: str, names: list[str]) -> dict[str, list[re.Match]]:
    """Every whole-word occurrence of each name (:func:`_name_re`), as ``finditer`` finds them, in
    one walk over the text's words (:class:`analysis.nlp.PhraseIndex`): a regex scan of the whole
    text per speaker is quadratic in a long article."""
    names = list(dict.fromkeys(names))
    out: dict[str, list[re.Match]] = {n: [] for n in names}
    for i, m in nlp.PhraseIndex([(n, _name_re(n)) for n in names]).matches(text):
        out[names[i]].append(m)
    return out


_RELATIVE_MENTIONS = {"who", "which", "that", "whom"}  # a relative pronoun stands for its antecedent, the speaker


def _quoted_stretches(atts: pd.DataFrame) -> list[tuple[int, int]]:
    """Character spans inside quotation marks in one article: its direct and partial quotes and quoted mentions."""
    rows = atts[atts["kind"].isin(["direct", "partial", "mention"])]
    return [(int(a), int(b)) for spans in rows["quote_spans"] for a, b in spans]


def credentials(corpus, atts: pd.DataFrame) -> pd.DataFrame:
    """How each source is introduced: one row per article and speaker heard in the body.

    ``source``: "named" when the speaker is named (in its resolved name or a mention), "unnamed"
    for a description ("a commenter", "critics"), "reference" when only a pronoun or nominal refers
    to it (see :func:`source_kind`). ``credential``: the appositive right after
    the speaker's name ("Sam Patel, president of the Millbrook Dockworkers Union") or the title
    right before it ("Council chair Maria Ortiz", "the council's chair, Maria Ortiz"), at the
    first mention that has one; ``position`` says which ("after", "before" or "").
    Columns: :data:`CREDENTIAL_COLUMNS`.
    """
    from .quotes import body_attributions, heard

    a = body_attributions(corpus, heard(atts[atts["kind"] != "partial"]))
    rows = []
    for aid, g in a.groupby("doc_id", sort=False):
        text = corpus.text(aid)
        speakers = list(dict.fromkeys(g["speaker"]))
        found = _occurrences(text, speakers)
        quoted = _quoted_stretches(atts[atts["doc_id"] == aid])
        for speaker, gs in g.groupby("speaker", sort=False):
            mentions = [m for m in dict.fromkeys(gs["speaker_mention"]) if m]
            kinds = [source_kind(x) for x in [speaker, *mentions]]
            kind = "named" if "named" in kinds else "unnamed" if "unnamed" in kinds else "reference"
            cred, where, at = "", "", None
            if kind == "named":
                for m in found[speaker]:
                    if any(a <= m.start() < b for a, b in quoted):
                        continue  # a name inside someone's quotation: the quoted speaker's words, not the reporter's
                    after = _AFTER_RE.match(text, m.end())
                    if after and len(after.group(1).split()) > (20 if after.group(1).startswith(("a ", "an ", "the ")) else 12):
                        after = None  # a clause, not an appositive (a noun phrase with its relative clause may be longer)
                    if after and not _ACCORDING_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                        cred, where, at = after.group(1).strip(), "after", m.start()
                        break
                    before = _BEFORE_RE.search(text[max(0, m.start() - 80) : m.start()])
                    if before:
                        got = (before.group(1) or before.group(2) or "").strip()
                        if before.group(1) or (got and got.split()[-1].lower() in _TITLE_WORDS):
                            cred, where, at = got, "before", m.start()
                            break
            at = int(gs["sentence_start"].min()) if at is None else at
            _, sid, stext = corpus.sentence_at(aid, at)
            shown = next((m for m in mentions if m.lower() not in _RELATIVE_MENTIONS), speaker)  # not "who"
            rows.append((aid, speaker, shown, kind, cred, where, sid, stext))
    out = pd.DataFrame(rows, columns=CREDENTIAL_COLUMNS)
    order = {x: i for i, x in enumerate(corpus.articles["article_id"])}
    return out.assign(_o=out["article_id"].map(order)).sort_values(["_o", "sentence"], kind="stable").drop(
        columns="_o").reset_index(drop=True)
