"""Quote extraction and speaker attribution with rules and a cue lexicon (no parser, no model).

One row per attribution, offsets into the article text as read from disk. Kinds:

- ``direct``: the content is inside quotation marks ("…," said X / X said: "…").
- ``mixed``: reported speech that contains quoted fragments (X said the plan was "a disaster").
- ``indirect``: reported speech without marks (X said that …; …, according to X).
- ``partial``: each quoted fragment inside a mixed attribution (a scare quote such as "hydra
  cluster" in "Anthropic stated that one such “hydra cluster” …"), with that attribution's
  speaker and cue, so that every word in quotation marks has a speaker. Its words are also part
  of the mixed row: count one or the other, not both.
- ``mention``: a quoted term nobody is reported to say (a name, a term merely mentioned).

How it works, per paragraph: quotation marks are paired by shape (curly and straight, nested
single quotes inside double ones, a quote that runs on into the next paragraph when that one
opens with a quotation mark; an unpaired mark never raises and closes at the paragraph end).
Sentences are split with :func:`analysis.nlp.fast_sentence_spans` and merged where a quote
spans a break. In each sentence, cues from ``data/cue_verbs.csv`` (all inflected forms) are
searched in the text outside quotation marks; the speaker is the noun phrase next to the cue
(before it, or after it when inverted: "…," wrote Tory Green), cut at an appositive comma.
A quote with no cue in its sentence continues the speaker of the previous direct quote in the
same or the previous paragraph, or of a colon lead-in ("Stated Stone:"), or is claimed by a
frame opening the next sentence or a dash line after it; a headline quote repeated in the body
takes the body's speaker. Negated cues ("has not announced") and nouns that look like cues
("a blog post") are skipped. Pronouns, "the company"-style nominals and bare surnames are
resolved to earlier names by recency and salience (see :func:`resolve_speakers`).

The rules are named functions, each with a docstring and an example it handles, tried in a
stated order: SENTENCE_RULES per sentence (the first that fires ends the sentence; the reported
speech rule tries CUE_RULES at each cue in turn), then ARTICLE_RULES across sentences. ``RULES``
lists them all; ``benchmarks/eval_quotes.py`` prints each rule's count and precision.

Columns of :func:`extract` (and of ``python -m analysis quotes``): doc_id, kind, quote,
quote_start, quote_end (first to last span), quote_spans, speaker (resolved), speaker_mention
(as written), speaker_start, speaker_end, cue, cue_start, cue_end, cue_lemma, stance,
sentence_start, sentence_end, rule (the name of the rule that made the row, see ``RULES``).
"""

from __future__ import annotations

import bisect
import csv
import io
import itertools
import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from . import nlp

if TYPE_CHECKING:  # pandas is imported by the table functions below, so the extractor alone starts fast
    import pandas as pd

COLUMNS = [
    "doc_id", "kind", "quote", "quote_start", "quote_end", "quote_spans", "speaker", "speaker_mention",
    "speaker_start", "speaker_end", "cue", "cue_start", "cue_end", "cue_lemma", "stance",
    "sentence_start", "sentence_end", "rule",
]

PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "i": "self", "we": "group",
            "they": "group", "it": "org", "you": "other", "his": "person", "their": "group", "its": "org"}
NOMINAL_HEADS = {
    "company": "org", "firm": "org", "startup": "org", "lab": "org", "group": "org", "organization": "org",
    "agency": "org", "department": "org", "campaign": "org", "committee": "org", "government": "org",
    "administration": "org", "party": "org", "court": "org",
    "spokesman": "person", "spokeswoman": "person",
    "spokesperson": "person", "official": "person", "senator": "person", "president": "person",
    "candidate": "person", "executive": "person", "founder": "person", "ceo": "person",
    "secretary": "person", "governor": "person", "congressman": "person", "congresswoman": "person",
    "lawmaker": "person", "businessman": "person", "businesswoman": "person", "billionaire": "person",
    "mogul": "person", "nominee": "person", "front-runner": "person", "frontrunner": "person",
    "socialist": "person", "chairman": "person", "chairwoman": "person", "mayor": "person", "ambassador": "person",
    "minister": "person", "director": "person", "senior": "person", "lawyer": "person", "attorney": "person",
}
TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "senator", "secretary", "judge",
          "prof", "professor", "rev", "sheriff", "mayor", "chairman", "governor", "representative", "justice"}
# Words that start a sentence or clause and are not part of a speaker's name.
_CLAUSE_WORDS = {"but", "and", "or", "so", "yet", "then", "still", "meanwhile", "however", "instead", "also",
                 "now", "later", "earlier", "when", "while", "as", "because", "although", "though", "if",
                 "since", "after", "before", "where", "which", "who", "that", "this", "in", "on", "at", "for",
                 "to", "of", "with", "by", "from", "last", "during", "once", "even", "here", "whenever", "wherever",
                 "unless", "until"}
_SUBORDINATORS = {"when", "as", "after", "before", "while", "if", "because", "since", "though", "although",
                  "whereas", "once", "until", "where"}
_AUX_WORDS = set("""has have had was were is are would will could did does do not never yet also later previously
still even now again
then once again further repeatedly reportedly recently publicly privately separately quickly simply first last
just already often frequently flatly openly angrily bluntly explicitly""".split())
# Lower-case particles inside a surname ("Bill de Blasio", "Ursula von der Leyen"): part of the name. "bin" is left
# out: as a person, "Osama bin Laden" became the antecedent of five develop pronouns that meant someone else.
NAME_PARTICLES = ("de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "dos", "das")
_FOREIGN_ARTICLES = {"los", "las", "el", "la", "le", "les", "il", "die", "het"}  # "Los Hijos de Trump" is no person
_PARTICLE = "(?:" + "|".join(NAME_PARTICLES) + ")"
_NAME_TOKEN = rf"(?:(?<![\w'’-]){_PARTICLE}\s+(?:{_PARTICLE}\s+)?(?=[A-Z]))?(?:[A-Z][\w'’.-]*|[A-Z]\.)"
_DET_NP = r"(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|" \
          r"[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther|[Mm]ost)\s+)"
_MARKS_OPEN = "“‘\"'"


@dataclass
class Attribution:
    kind: str
    spans: list[tuple[int, int]]
    cue: tuple[int, int] | None = None
    cue_lemma: str = ""
    stance: str = ""
    speaker: tuple[int, int] | None = None
    sentence: tuple[int, int] = (0, 0)
    resolved: str = ""
    fragments: list[tuple[int, int]] = field(default_factory=list)
    rule: str = ""  # the rule that made it (see RULES)


# ---------------------------------------------------------------------------------------------
# Cue lexicon


@lru_cache(maxsize=1)
def cue_lexicon() -> pd.DataFrame:
    """The shipped cue lexicon: one row per form with its lemma, stance class (the reporter's),
    speech flag and act (what the source does: statement, accusation, denial, ...)."""
    import pandas as pd

    return pd.DataFrame(_cue_rows(), columns=["form", "lemma", "stance", "speech", "act"])


@lru_cache(maxsize=1)
def _cue_rows() -> tuple[tuple[str, str, str, bool, str], ...]:
    raw = resources.files("analysis").joinpath("data/cue_verbs.csv").read_text(encoding="utf-8")
    rows = []
    for r in csv.DictReader(raw.splitlines()):
        forms = [r["forms"]] if " " in r["lemma"] and r["lemma"] == r["forms"] else _split_forms(r["forms"], r["lemma"])
        rows += [(f, r["lemma"], r["stance"], r["speech"] == "yes", r["act"]) for f in forms]
    return tuple(rows)


def _split_forms(forms: str, lemma: str) -> list[str]:
    """Forms are space-separated; multiword lemmas ("point out") keep their particle on each form."""
    words = forms.split()
    if " " not in lemma:
        return words
    particle = lemma.split()[-1]
    return [f"{w} {particle}" for w in words if w != particle]


@lru_cache(maxsize=1)
def _cue_tables() -> tuple[dict[str, list[str]], dict[str, tuple[str, str]]]:
    """(first word -> possible continuations ("" for one-word cues), form -> (lemma, stance))."""
    info = {f: (lemma, stance) for f, lemma, stance, _speech, _act in _cue_rows()}
    first: dict[str, list[str]] = {}
    for f in info:
        head, _, rest = f.partition(" ")
        first.setdefault(head, []).append(rest)
    for k in first:
        first[k].sort(key=len, reverse=True)  # longest continuation first ("pointed out" before "pointed")
    return first, info


_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@cache
def _continuation_re(rest: str) -> re.Pattern:
    return re.compile(r"\s+" + re.escape(rest) + r"\b", re.IGNORECASE)


_CUE_PREPOSITIONS = {"about", "of", "on", "for", "out", "to", "against"}
_INNER_CUE_ADVERBS = ("instead", "again", "also", "often")  # besides -ly adverbs, inside "spoke instead about"


@cache
def _cue_word_re(word: str) -> re.Pattern:
    """A cue opening with ``word`` in lower-case text: ``word`` as a whole word of ``_WORD_RE`` (no letter, and no
    hyphen joined to a letter, on either side: "said", not "well-said"), then the longest continuation that follows
    ("pointed out" before "pointed"); without a one-word form, a continuation is required. The word comes first,
    so ``re`` skips to it fast."""
    w = re.escape(word)
    rests = [r for r in _cue_tables()[0][word] if r]  # longest first
    # an adverb may stand inside a verb with its preposition: "spoke briefly about", "spoke instead about"
    tail = "|".join(rf"(?:\s+(?:[a-z]{{3,}}ly|{'|'.join(_INNER_CUE_ADVERBS)}))?\s+" + re.escape(r) + r"\b"
                    if " " not in r and r in _CUE_PREPOSITIONS else r"\s+" + re.escape(r) + r"\b" for r in rests)
    optional = "?" if "" in _cue_tables()[0][word] else ""
    return re.compile(rf"{w}(?<![A-Za-z]{w})(?<![A-Za-z]-{w})(?!-?[A-Za-z])" + (f"(?:{tail}){optional}" if tail else ""))


def find_cues(masked: str, words: frozenset[str] | set[str] | None = None) -> list[tuple[int, int]]:
    """(start, end) of every cue form in ``masked`` (a sentence with its quotes blanked out).

    ``words``: the lower-case words of ``_WORD_RE`` in ``masked``, or of a text that holds it (a superset does),
    when the caller has them already.
    """
    first, _ = _cue_tables()
    low = masked.lower()
    if words is None:
        words = set(_WORD_RE.findall(low))
    if first.keys().isdisjoint(words):
        return []  # no cue word at all: the common case, decided in C
    if len(low) == len(masked):  # the usual case: offsets in ``low`` are offsets in ``masked``
        # each cue word the sentence has, with its continuation, found by its own pattern: no Python loop over words
        return sorted(m.span() for w in words if w in first for m in _cue_word_re(w).finditer(low)
                      if masked[m.start() : m.start() + len(w)].isascii())
    out = []  # a character whose lower case is longer ("İ"): walk the words of ``masked`` itself
    for m in _WORD_RE.finditer(masked):
        for rest in first.get(m.group(0).lower(), ()):
            if not rest:
                out.append(m.span())
                break
            nxt = _continuation_re(rest).match(masked, m.end())
            if nxt:
                out.append((m.start(), nxt.end()))
                break
    return out


# Reporting verbs that introduce reported speech on their own. The other cues (call, describe,
# attack, post, continue, praise ...) name or evaluate more often than they report, so in reported
# speech they count only when "that" or a colon follows them; next to a quotation they always count.
REPORTING_LEMMAS = {
    "say", "tell", "write", "add", "claim", "allege", "argue", "insist", "contend", "maintain", "note",
    "point out", "acknowledge", "admit", "concede", "confirm", "explain", "announce", "report", "suggest",
    "warn", "caution", "predict", "promise", "vow", "deny", "assert", "reveal", "declare", "testify", "observe",
    "emphasize", "stress", "accuse", "charge", "blame", "urge", "ask", "according to", "complain", "recall",
    "reply", "respond", "tweet", "disclose", "criticize", "point to", "call for", "call on", "cite", "describe",
    "praise", "dismiss", "question", "pledge", "threaten", "denounce", "decry", "lament", "blast", "speak about",
    "talk about", "mention", "comment", "chide", "scold", "rebuke", "retort", "proclaim", "reiterate", "affirm",
    "deplore", "speak of", "boast of", "boast about", "brag about", "joke about", "warn about", "warn of", "comment on",
    "complain about", "write about", "tweet about", "mock", "slam", "condemn", "indicate", "state",
}


# A cue form preceded by one of these is a noun or adjective ("a blog post", "the alleged campaigns",
# "his claims") or an infinitive ("a chance to note"), not a reporting verb.
_NOT_VERB_BEFORE = {
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "separate", "blog", "new", "recent", "earlier", "latest", "same", "first", "such", "no", "any", "some",
    "to", "of", "whose", "facebook", "x", "twitter", "instagram", "media", "news", "public", "official",
    "written", "press", "phone", "conference", "another", "each", "every", "many", "several", "final",
    "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "swing", "battleground",
    "than",  # "Rather than questions about …, Clinton faced …"
    "worth",  # "It's worth noting that …": the reporter's own aside
    "investigative", "accountability",  # "expensive accountability reporting is being funded": journalism, a noun
}
# "a third", "a quarter": a share of those asked, when a clause follows the verb ("… say they …", "… said that …")
_ORDINAL_FRACTIONS = {"third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "quarter"}
_FRACTION_CLAUSE_RE = re.compile(r"\s+(?:they|that|the|it|he|she|there|this|[A-Z])")
# Words of _NOT_VERB_BEFORE that are nouns in front of a past tense ("The official said"), but modifiers of a
# noun-like cue ("an official statement", "a press release").
_NOUN_MODIFIERS_BEFORE = {"blog", "facebook", "x", "twitter", "instagram", "media", "news", "public", "official",
                          "press", "phone", "conference"}


# Verbs and adjectives whose infinitive complement is the subject's own act of saying.
# A medium taken up to speak, before a purpose infinitive: "took to Twitter to say", "went on CNN to declare",
# "used his acceptance speech to call for"
_PURPOSE_BEFORE_TO = (r"(?:took|takes|taking|take)\s+to\s+(?:Twitter|Facebook|Instagram|X|social\s+media|the\s+(?:airwaves|"
                      r"stage|podium|floor|microphone|mic|pages?\s+of\s+[^,;:.]{1,40}?))\s+|"
                      r"(?:went|goes|going|go|came|comes|coming|appeared|appearing)\s+on\s+(?:[A-Z][\w’'.-]*\s+){1,4}|"
                      r"(?:used|uses|using|use)\s+(?:his|her|their|its|the|a|an)\s+(?:[\w’'-]+\s+){0,3}?(?:speech|address|"
                      r"remarks|appearance|interview|statement|platform|column|post|op-ed|show|debut|moment|turn|time|"
                      r"keynote|testimony|letter|tweet|video)\s+")
_CONTROL_WORDS = (r"had|has|have|having|refused|refuses|declined|declines|decline|wanted|wants|want|tried|tries|try|"
                  r"sought|seeks|struggled|struggles|continued|continues|began|begins|started|starts|decided|decides|"
                  r"chose|used|appeared|appears|seemed|seems|quick|agreed|agrees|planned|plans|expected|expects|"
                  r"likely|unlikely|willing|able|going|got|needed|needs|hoped|hopes|went\s+on|goes\s+on|only|"
                  r"moved|rushed|hastened|took\s+care|proceeded|ought|wished|intends|intended|dared|opportunity|occasion|"
                  r"(?:went|goes|go|going)\s+out\s+of\s+(?:his|her|their|its|my|our|your)\s+way|"
                  r"refusing|declining|wanting|seeking|struggling|continuing|beginning|starting|deciding|"
                  r"choosing|agreeing|planning|hoping|needing|wishing|intending|failed|fails|failing|eager|ready|"
                  r"hesitated|hesitates|hesitate|hesitating|pains")
_CONTROL_TO_RE = re.compile(rf"(?<![\w'’])(?:(?:{_CONTROL_WORDS})\s+(?:not\s+)?|{_PURPOSE_BEFORE_TO})to\s*$")
_PRONOUN_OPENERS = {"and", "but", "or", "what", "that", "which", "as", "than", "because", "when", "if", "where", "while"}
_QUANTIFIERS = {"some", "many", "several", "each", "both", "all", "most", "others", "few", "any"}
_IRREGULAR_PAST = {"said", "told", "wrote", "spoke", "thought", "put", "made"}
_PREV_WORD_RE = re.compile(r"([\w'’.-]+)\s*$")


def _prev_word(text: str, lo: int, hi: int) -> re.Match | None:
    """``_PREV_WORD_RE.search(text, lo, hi)``: the word (letters, digits, ' ’ . -) that ends ``text[lo:hi]``
    but for spaces, found by walking back from ``hi`` instead of trying the pattern at every place of the window."""
    j = hi
    while j > lo and text[j - 1].isspace():
        j -= 1
    i = j
    while i > lo and (text[i - 1].isalnum() or text[i - 1] in "_'’.-"):
        i -= 1
    return _PREV_WORD_RE.match(text, i, hi) if i < j else None


# Patterns used in the hot paths, compiled once (a string pattern costs a cache lookup on every call)
_TO_VERB_END_RE = re.compile(r"\bto\s+[a-z]+$")
_COMMA_GAP_RE = re.compile(r"\s*,\s*")
_WORDS_RE = re.compile(r"\w+")
_RELATIVE_SPLIT_RE = re.compile(r"\s+(?:who|which|whose|whom)\s")
_WORD_CHAR_RE = re.compile(r"\w")
_COLON_LEAD_RE = re.compile(r"[^.;!?]{0,60}[:,]\s*")
_QUOTE_CLOSE_PUNCT_RE = re.compile(r"[,?!—–-]\s*['’\"”“]{1,2}$")
_STRETCH_BREAK_RE = re.compile(r"[;:!?]|\.(?=\s+[a-z])")
_BARE_BRIDGE_RE = re.compile(r"\s*[,:]?\s*")
_THAT_OR_COLON_RE = re.compile(r"\s*(?:that\b|:)")
_LOWER_WORD_FULL_RE = re.compile(r"[a-z][a-z’'-]*")


_NOUNLIKE_FORMS = {"report", "reports", "claim", "claims", "charge", "charges", "note", "notes", "call", "calls",
                   "post", "posts", "tweet", "tweets", "comment", "comments", "attack", "attacks", "promise",
                   "promises", "praise", "mention", "mentions", "reply", "replies", "remark", "remarks", "vow",
                   "vows", "warning", "warnings", "statement", "demand", "demands", "pledge", "pledges", "threat",
                   "blast", "blasts", "lament", "laments", "rebuke", "rebukes", "retort", "retorts", "talk", "talks"}
# One capitalised word opening the sentence, then a present-tense form whose next words only a verb takes (an
# infinitive, a reflexive, a subject pronoun): "Rabbis vow to boycott …", "Trump claims he's worth …" (not "Jobs
# report gives …", "Criminal charges against …")
_OPENING_NAME_RE = re.compile(r"\s*[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+")
_VERB_OBJECT_NEXT_RE = re.compile(r"\s+(?:to\s+[a-z]+|himself|herself|themselves|itself|he|she|they|it|we|I)\b")
_NOUNLIKE_NEXT_RE = re.compile(
    r"[A-Za-z]+\s*(?:that\b|:|,|\.|$|“|\"|(?:the|a|an|his|her|its|their|this|these|those|he|she|it|they|we|I|there|whether|why|how|if)\s|[A-Z])"
)


# "he claims", "the company claims": a subject right before a noun-like form makes it the verb.
_AUX_BEFORE_RE = re.compile(r"(?<![\w'’])(?:did|does|do|will|would|could|should|might|must|can|may)"
                            r"(?:\s+(?:not|also|then|later|again|quickly))?\s+$", re.IGNORECASE)
_SUBJECT_BEFORE_RE = re.compile(r"(?:(?<![\w'’])(?:he|she|it|they|we|I|He|She|It|They|We)|"
                                r"(?<![\w'’])(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?!new\b|recent\b|same\b|latest\b)[a-z]+(?<!['’]s)(?<!ing)(?<!ed)|"
                                r"(?<=[a-z,]\s)[A-Z][a-z]+(?:-[A-Z][a-z]+)?|"  # "…, Lopez-Cantera promises to …": a name
                                r"(?<![\w'’])(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z]+\s+)?(?:plan|campaign|platform|"
                                r"agenda|proposal|bill|ad|website|statement|letter|report|memo|budget)(?<!['’]s))\s+$")


# Cue forms that are nouns after a determiner and a modifier, though a verb after a plain subject ("Smith questions
# whether …"): "the opening question", "the mental stress", "an implicit caution"
_NOUN_HEAD_FORMS = {"question", "questions", "stress", "stresses", "caution", "cautions"}
_THE_MODIFIER_RE = re.compile(r"(?<![\w'’])(?:[Tt]he|[Tt]his|[Tt]hat|[Aa]n?)\s+(?:[a-z][\w-]*\s+(?:and\s+)?){1,2}$")
_CLAUSE_NEXT_RE = re.compile(r"\s+(?:that|whether|how|why|what|when|if|to\s+have)\b|\s*[:“\"]")  # "is reported to have said"
_IT_BEFORE_RE = re.compile(r"(?<![\w'’])[Ii]t\s+(?:\w+\s+)?$")
_ADJECTIVE_PAIR_RE = re.compile(r"(?<![\w'’])(?:an?|the)\s+(?:[a-z]+ly\s+)?[a-z][\w-]*\s+(?:but|and)\s+$")
_ING_BEFORE_NOUN_RE = re.compile(r"[a-z]+ing\s+(?!(?:that|to|the|an?|his|her|their|its|of|about|on|for|with|he|she|they|it|we|"
                                 r"how|what|why|whether|if)\b)[a-z][\w-]*\b")  # "promising transition", not "warning that"
_NOUN_BEFORE_RE = re.compile(r"(?:\w['’]s|(?<![\w'’])[Aa]n?\s+(?:[a-z]+ly\s+)?[a-z][\w-]*|"
                             r"(?<![\w'’])(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y)\s+(?:[a-z][\w-]*-[a-z]+\s+)?[a-z][\w-]*|"
                             r"(?<![\w'’])(?:[Tt]he|[Aa]n?)\s+[A-Z][a-z]+|"
                             r"(?:\w['’]s|(?<![\w'’])(?:[Tt]he|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts))\s+(?:last|first|latest|"
                             r"next|previous|final|recent|earlier|new|false|repeated|baseless|unfounded|own)(?:\s+[a-z][\w-]*)?)"
                             r"\s+$")  # 'a personally signed tweet', 'the Benghazi attack', "Trump's false claims", 'the last fundraising report'


_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)\b")


@lru_cache(maxsize=1)
def _finite_cue_forms() -> frozenset[str]:
    """One-word cue forms that can be a finite verb ("said", "says", "wrote"): not "-ing" forms, not the base form."""
    return frozenset(f for f, lemma, *_ in _cue_rows() if " " not in f and f != lemma and not f.endswith("ing"))


_MADE_BEFORE_RE = re.compile(r"(?<![\w'’])(?:made|make|makes|making|issued|offered|repeated|echoed)\s+(?:[a-z]+\s+)?$")
_PERFECT_BEFORE_RE = re.compile(r"(?:(?<![\w'’])(?:has|have|had|having)\s+|[’']ve\s+|[’']d\s+)(?:\w+\s+)?$")
_LEAD_BEFORE_RE = re.compile(r"(?<![\w'’])(?:by|after|before|while|when|upon)\s+$")
_LETTERS_RE = re.compile(r"[A-Za-z]+")
_PASSIVE_BEFORE = {"been", "being"}
# Documents that speak for their authors, before a relative "that" ("an ad that urges …")
_DOCUMENT_NOUNS = {"ad", "ads", "advertisement", "message", "messages", "statement", "statements", "report", "reports",
                   "piece", "article", "letter", "letters", "memo", "video", "email", "e-mail", "tweet", "tweets", "post",
                   "posts", "plank", "planks", "platform", "poll", "survey", "study", "op-ed", "editorial", "column",
                   "release", "filing", "complaint", "lawsuit", "suit", "bill", "resolution", "petition", "document",
                   "documents", "note", "sign", "signs", "banner", "show", "commercial", "website", "page", "book"}
# After "was", "is": a passive, whose subject said nothing (passive_cue reads it)
_PASSIVE_SAYING = ("criticized", "criticised", "accused", "asked", "urged", "blamed", "condemned", "praised", "quoted",
                   "declared", "announced", "described", "said")
# Of these, the ones that say something of the subject only with a complement ("was declared the winner", "is
# described as a riveting book"); "was announced on a police scanner" says nothing of it
_NAMING_PASSIVES = {"declared", "announced", "described"}
_COMPLEMENT_RE = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:the|a|an|as)\s|\s+(?:[\w'’-]+\s+){1,3}?as\s")  # "described on Amazon as"
_PASSIVE_CUE_WORDS = {"called", *_PASSIVE_SAYING}  # "was called" names; the others report (passive_cue)


_CLAUSE_OPENERS_AFTER = {"that", "to", "the", "a", "an", "his", "her", "their", "its", "it", "he", "she", "they", "we",
                         "this", "in", "on", "for", "about", "with", "him", "them", "us", "me", "i", "you", "as"}
_CONTRACTED_S_WORDS = {"he", "she", "it", "that", "who", "there", "what", "where", "here", "this", "everyone", "nobody",
                       "someone", "everybody", "somebody", "one"}  # "he’s said": "has", not a possessive
_RELATIVE_OBJECT_BEFORE_RE = re.compile(r"\b(?:which|that|whom|who|what)\s+(?:[\w’'-]+\s+){0,3}$")
_DELEGATES_NEXT_RE = re.compile(r"\s+(?:and\s+\w+\s+)?delegates?\b")  # "pledged (and unpledged) delegates"


_SUBJECT_PRONOUN_BEFORE_RE = re.compile(r"(?<![\w’'-])(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|I)\s+$")


_OWNER_ADJECTIVE_BEFORE_RE = re.compile(r"(?<![\w'’])(?:my|his|her|their|our|its|your)\s+[a-z]+(?:al|ous|ic|ive|ful|less|ible|able)\s+$")


def _is_verbal(masked: str, start: int) -> bool:
    """False when the word before a cue marks it as a noun, adjective or infinitive.

    Present-tense forms that are also nouns ("reports", "claims") count only before "that", a
    colon, a comma or a quotation mark.
    """
    word = _LETTERS_RE.match(masked, start)
    if word is not None and word.group(0).endswith("ing") and _OWNER_ADJECTIVE_BEFORE_RE.search(masked, max(0, start - 30), start):
        return False  # "from my normal reporting post in Cairo": a modifier of a noun, nobody's act of reporting
    nounlike = word is not None and word.group(0).lower() in _NOUNLIKE_FORMS
    if nounlike and _AUX_BEFORE_RE.search(masked, max(0, start - 30), start):
        return True  # "Trump did post on Twitter that …", "will tweet": after an auxiliary it is a verb
    if word and word.group(0) in ("written", "spoken") and not _PERFECT_BEFORE_RE.search(masked, max(0, start - 30), start):
        return False  # "the Fourteenth Amendment written in the margins": a participle, not someone's act of writing
    if nounlike and _MADE_BEFORE_RE.search(masked, max(0, start - 30), start):
        return False  # "Trump made similar comments Thursday": the object of "made", a noun
    if nounlike and word.group(0).endswith("ing") and _LEAD_BEFORE_RE.search(masked, max(0, start - 12), start):
        return True  # "rallied supporters by warning darkly that …": after "by", an -ing form is a verb
    if nounlike and _OPENING_NAME_RE.fullmatch(masked, 0, start) and _VERB_OBJECT_NEXT_RE.match(masked, word.end()):
        return True  # "Germany pledges to expand its military", "Sanders calls himself …": a name opens the sentence
    if nounlike and not _NOUNLIKE_NEXT_RE.match(masked, start) \
            and not _SUBJECT_BEFORE_RE.search(masked, max(0, start - 40), start):
        return False
    if nounlike and _NOUN_BEFORE_RE.search(masked, max(0, start - 40), start):
        return False  # "Editor’s note:", "a congressional report that …": a noun after a possessive or "a" + adjective
    if word and word.group(0).lower() in _NOUN_HEAD_FORMS and (_NOUN_BEFORE_RE.search(masked, max(0, start - 40), start)
                                                             or _THE_MODIFIER_RE.search(masked, max(0, start - 40), start)):
        return False  # "The opening question of the debate", "a biting follow-up question came": the noun of a phrase
    if nounlike and (nxt := _NEXT_WORD_RE.match(masked, word.end())) and nxt.group(1) in _finite_cue_forms():
        return False  # "The congressional report said that …": the next word is the verb, so this one is its subject
    if word and word.group(0) in ("States", "State", "Post", "Report", "Calls", "Call", "Notes"):
        return False  # United States, The Washington Post, a title
    if word and word.group(0).lower() in ("state", "states") and _SUBJECT_PRONOUN_BEFORE_RE.search(masked, max(0, start - 8), start):
        return True  # "They state their goal is …", "it states": after a subject pronoun, a verb
    if word and word.group(0).lower() in ("state", "states") and (
            not re.match(r"[A-Za-z]+\s+(?:that|:)", masked[start:]) or re.search(r"[A-Z][\w.]*\s+$", masked[max(0, start - 30) : start])
            or re.search(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|both|all|other|several|many))\s+$",
                         masked[max(0, start - 12) : start])):
        return False  # "home state", "Rust Belt states that …", "the four states that …": "states that" after a noun
    if word and word.group(0).endswith("ed") and _DELEGATES_NEXT_RE.match(masked, word.end()):
        return False  # "regular, pledged delegates": a participle before its noun
    if word and word.group(0).endswith("ed") and masked.startswith(" as ", word.end()) \
            and not masked.startswith((" as much", " as well", " as such"), word.end()) \
            and (before := _prev_word(masked, max(0, start - 30), start)) is not None and before.group(1).islower() \
            and before.group(1) not in PRONOUNS and before.group(1) not in _AUX_WORDS and not before.group(1).endswith("ly") \
            and before.group(1) not in ("who", "that", "which") \
            and not _RELATIVE_OBJECT_BEFORE_RE.search(masked, max(0, before.start(1) - 30), before.start(1)):
        return False  # "Missouri Senate passes bill criticized as anti-gay": a participle after its noun, no one speaks
        # (but "the bill, which critics described as anti-gay": the critics did)
    m = _prev_word(masked, max(0, start - 60), start)
    if not m:
        return True
    if start - m.end(1) > 3:
        return True  # a blanked quotation stands between: '“This is a raw time,” said X' — the cue follows the quote
    prev = m.group(1).lower()
    if prev in ("--", "—", "–") and word and word.group(0).endswith("ed") and masked[start - 2 : start - 1] != "," \
            and re.match(r"[A-Za-z]+\s+(?:so|often|by|as|repeatedly|widely)\b", masked[start:]):
        return False  # "the working class -- dismissed so often as myopic": a passive participle in an aside
    if prev[:1].isdigit() and word and word.group(0).endswith("ed"):
        return False  # "4,051 pledged delegates": a participle before a noun, after a number
    if word and word.group(0).endswith("ed") and m.group(1).endswith(("’s", "'s", "s’", "s'")) \
            and prev[:-2] not in _CONTRACTED_S_WORDS and (nxt := _NEXT_WORD_RE.match(masked, word.end())) is not None \
            and nxt.group(1).islower() and nxt.group(1) not in _CLAUSE_OPENERS_AFTER:
        return False  # "the convention’s pledged delegates", "Sanders’ stated plans": a participle before its noun
        # (not "he’s predicted": "has")
    if prev in ("but", "and") and word and word.group(0).endswith("ing") \
            and _ADJECTIVE_PAIR_RE.search(masked, max(0, start - 40), start) and _ING_BEFORE_NOUN_RE.match(masked, start):
        return False  # "an awkward but promising transition": an adjective of a noun phrase, no act of saying
    if nounlike and len(prev) == 4 and prev.isdigit():
        return False  # "One of the authors of that 2013 report, Ari Fleischer, said": a year before a noun
    if prev == "to" and _CONTROL_TO_RE.search(masked, max(0, start - 60), start):
        return True  # "had to explain", "refused to say": the infinitive reports the subject's words
    if prev in _QUANTIFIERS and word and (word.group(0).endswith("ed") or word.group(0).lower() in _IRREGULAR_PAST
                                          or not word.group(0).lower().endswith("s")):
        return True  # "Some said …", "Many warned …", "Some say …": the quantifier is the subject
    if prev == "another" and word and word.group(0).endswith("s"):
        return True  # "one says …, another says …"
    if prev in _ORDINAL_FRACTIONS and word and _FRACTION_CLAUSE_RE.match(masked, word.end()):
        before = _prev_word(masked, max(0, m.start(1) - 30), m.start(1))
        if before and before.group(1).lower() in ("a", "one"):
            return True  # "Nearly a third say they don't know": a share of those asked, and a clause after the verb
    if prev == "first" and word and (word.group(0).lower().endswith("ed") or word.group(0).lower() in _IRREGULAR_PAST):
        before = _prev_word(masked, max(0, m.start(1) - 30), m.start(1))
        if not (before and before.group(1).lower() in _NOT_VERB_BEFORE):
            return True  # "The employee first said": an adverb, not "the first reported case"
    if (prev in _PASSIVE_BEFORE and word and (word.group(0).endswith("ed") or word.group(0) in ("said", "told", "written"))) \
            or (prev in ("was", "were", "is", "are") and word and word.group(0) in _PASSIVE_CUE_WORDS):
        return False  # "has met with him and been mentioned as a choice", "was told": a passive, the subject said nothing
    if prev in ("was", "were", "is", "are", "be") and word and (word.group(0).endswith("ed") or word.group(0) == "said") \
            and not _CLAUSE_NEXT_RE.match(masked, word.end()) and not _IT_BEFORE_RE.search(masked, max(0, start - 20), m.start(1)):
        return False  # "Farook's name was announced on a police scanner", "might be added": a passive; but
        # "it was revealed that …" and "was announced that …" report (with no speaker)
    if prev in _NOUN_MODIFIERS_BEFORE and word and (word.group(0).lower().endswith("ed")
                                                    or word.group(0).lower() in _IRREGULAR_PAST):
        return True  # "The official said", "media reported": a noun subject, and a past tense is a verb
    if prev == "that":
        before = _prev_word(masked, max(0, m.start(1) - 30), m.start(1))
        if before and before.group(1).lower() in _DOCUMENT_NOUNS and m.start(1) - before.end(1) <= 2:
            return True  # "an ad that urges voters …", "a memo that said …": a relative clause of a document
    if prev in ("press", "news", "media") and m.group(1)[0].isupper():
        before = _prev_word(masked, max(0, m.start(1) - 30), m.start(1))
        if before and before.group(1)[:1].isupper() and m.start(1) - before.end(1) <= 2:
            return True  # "The Associated Press warns", "Bloomberg News reports": the last word of a name
    return prev not in _NOT_VERB_BEFORE


def _cue_info(text: str) -> tuple[str, str]:
    """(lemma, stance) of a cue form; an adverb inside it ("spoke briefly about") is not part of the form."""
    _, info = _cue_tables()
    words = text.lower().split()
    found = info.get(" ".join(words))
    if found is None and len(words) == 3 and (words[1].endswith("ly") or words[1] in _INNER_CUE_ADVERBS):
        found = info.get(f"{words[0]} {words[2]}")
    return found or ("", "")


# ---------------------------------------------------------------------------------------------
# Quotation marks


_SPEAKER_START_RE = re.compile(r"(?:[A-Z]|(?:he|she|they|it|we|I|the|a|an)\b)")
_QUOTE_CHAR_RE = re.compile("[“”\"‘’']")


def pair_quotes(text: str, start: int, end: int, carry: bool = False) -> tuple[list[tuple[int, int, int]], bool]:
    """Pair quotation marks in text[start:end] (one paragraph) by shape.

    Returns ([(open, close, depth)], open_at_end): ``open`` is the index of the opening mark (or
    ``start`` when the paragraph continues a quote from the previous one, ``carry``), ``close``
    the index just after the closing mark (or the paragraph end when unclosed); depth 0 for
    outer quotes, 1 for quotes nested inside them. ’ after a letter followed by a letter is an
    apostrophe, never a quotation mark.
    """
    out: list[tuple[int, int, int]] = []
    stack: list[tuple[str, int]] = [("d", start)] if carry else []
    n_open = {"d": len(stack), "s": 0}  # marks of each shape on the stack: "any open?" in O(1), not O(depth)
    skip = -1
    for mark in _QUOTE_CHAR_RE.finditer(text, start, end):
        i = mark.start()
        ch = text[i]
        if i == skip:
            continue
        if ch == "'" and i + 1 < end and text[i + 1] == "'" \
                and not (n_open["s"] and i + 2 < end and text[i + 2] == "'"):  # ''newspaper style'' double quotes
            ch, skip = '"', i + 1  # but of three marks closing "'old-school,'" inside '', the first closes the single
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if ch in "“”\"":
            shape = "d"
            if ch == "“":  # a “ glued to the end of a word with a double quote open is a typo for ”
                opening = not (stack and stack[-1][0] == "d" and not prev.isspace() and (nxt.isspace() or nxt in ",.;:!?"))
            elif ch == "”":  # a ” after a space and before a word, with nothing open, is a typo for “
                opening = not n_open["d"] and prev.isspace() and not nxt.isspace()
            else:  # straight: opening after space or opening punctuation, closing otherwise
                nxt = text[i + 2] if skip == i + 1 and i + 2 < end else nxt
                opening = prev.isspace() or prev in "([{—–-/" or i == start
                if n_open["d"] and not (prev.isspace() and not nxt.isspace()):
                    opening = False
        else:
            shape = "s"
            if (prev.isalnum() and nxt.isalnum()) or (ch in "’'" and prev.isalpha() and nxt in "sS" and
                                                      (i + 2 >= end or not text[i + 2].isalnum())):
                continue  # apostrophe: We’ve, Anthropic’s
            if ch == "‘":
                opening = not (stack and stack[-1][0] == "s" and not prev.isspace())
            elif ch == "’":
                if not n_open["s"]:
                    continue  # a closing single mark with nothing open: apostrophe (authors’)
                opening = False
            else:
                opening = prev.isspace() or prev in "([{—–-\"“" or i == start
                if not opening and not n_open["s"]:
                    continue
        if opening:
            stack.append((shape, i))
            n_open[shape] += 1
        else:
            while stack and stack[-1][0] != shape:
                n_open[stack.pop()[0]] -= 1  # an inner mark that never closed
            if stack:
                _, o = stack.pop()
                n_open[shape] -= 1
                out.append((o, (skip + 1 if skip == i + 1 else i + 1), n_open["d"] + (1 if shape == "s" and stack else 0)))
    open_at_end = bool(stack and stack[0][0] == "d")
    for shape, o in stack:
        if shape == "d":
            out.append((o, end, 0))
            break
    # depth 1 for a quote inside another (one that opens before it and closes at or after its end):
    # one sweep in order of opening, keeping the furthest close seen so far (not every pair against every pair)
    depth_fixed = []
    furthest, group_o, group_max = -1, None, -1
    for o, c, _d in sorted(out):
        if o != group_o:  # quotes opening at the same mark do not contain each other
            furthest, group_o, group_max = max(furthest, group_max), o, -1
        depth_fixed.append((o, c, 1 if furthest >= c else 0))
        group_max = max(group_max, c)
    return depth_fixed, open_at_end


def _content(text: str, o: int, c: int) -> tuple[int, int]:
    """Inside of a quote (without its marks and outer spaces)."""
    if o < len(text) and text[o] in _MARKS_OPEN + "”’":
        o += 2 if text[o : o + 2] == "''" else 1
    if c > o and text[c - 1] in "”’\"'“":
        c -= 2 if text[c - 2 : c] == "''" else 1
    while o < c and text[o].isspace():
        o += 1
    while c > o and text[c - 1].isspace():
        c -= 1
    return o, c


# ---------------------------------------------------------------------------------------------
# Speakers


def _mask(text: str, start: int, end: int, quotes: list[tuple[int, int, int]]) -> str:
    """text[start:end] with every quoted stretch (marks included) replaced by spaces (built in one pass: a sentence
    of thousands of quotations costs linear time)."""
    if not quotes:
        return text[start:end]
    spans = sorted((max(o, start), min(c, end)) for o, c, _ in quotes if max(o, start) < min(c, end))
    if not spans:
        return text[start:end]
    if len(spans) == 1:
        a, b = spans[0]
        return text[start:a] + " " * (b - a) + text[b:end]
    parts, pos = [], start
    for a, b in spans:
        if b <= pos:
            continue
        a = max(a, pos)
        parts += [text[pos:a], " " * (b - a)]
        pos = b
    parts.append(text[pos:end])
    return "".join(parts)


_ROLE_NOUNS = (r"spokesman|spokeswoman|spokesperson|manager|adviser|advisor|aide|director|chairman|chairwoman|strategist|"
               r"pollster|secretary|chief|deputy|communications|policy|economist|analyst|attorney|lawyer|official|"
               r"leader|candidate|nominee|professor|researcher|founder|co-founder|executive|ceo|correspondent|"
               r"reporter|host|editor|campaign|press|senior|national|political|legal|general|counsel|whip|senator|governor|"
               r"congressman|congresswoman|mayor|president|lawmaker|businessman|billionaire|front-runner|judge|minister|"
               r"ambassador|commissioner|sheriff|mogul|tycoon|member")
# Group nouns that speak with a place or organisation after them ("Officials in Washington"), capitalised or not
_GROUP_NOUNS = """people officials sources aides advisers advisors allies associates friends critics analysts experts
    economists lawyers democrats republicans voters residents officers researchers scientists investigators prosecutors
    authorities observers supporters opponents activists leaders lawmakers members""".split()
_GROUP_HEADS = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in _GROUP_NOUNS)
# An unnamed source described by what they know: "people familiar with the matter", "a source close to the campaign"
_FAMILIAR_SOURCE_RE = re.compile(
    r"(?<![\w’'-])(?:(?:[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ne|[Oo]ther|[Mm]ultiple)\s+)?"
    r"(?:[\w’'-]+\s+){0,2}(?i:person|people|source|sources|official|officials|aide|aides|adviser|advisers|advisor|advisors|"
    r"ally|allies|insider|insiders|individual|individuals|staffer|staffers|operative|operatives|friend|friends|"
    r"Republicans|Democrats|associate|associates)"
    r"\s+(?:familiar\s+with|close\s+to|with\s+(?:direct\s+|firsthand\s+|detailed\s+)?knowledge\s+of|briefed\s+on)"
    r"\s+(?:[\w’'.-]+\s+){0,7}[\w’'.-]+$")
_SUBJECT_NP_RE = re.compile(
    rf"(?<![\w'’-])(?:(?:{_NAME_TOKEN}\s+){{0,3}}(?:(?:{_ROLE_NOUNS})\s+){{1,3}}(?:{_NAME_TOKEN}\s+)*{_NAME_TOKEN}|{_DET_NP}?(?:{_NAME_TOKEN}\s+)*{_NAME_TOKEN}(?:\s+of\s+(?:{_NAME_TOKEN}\s+)*{_NAME_TOKEN})?(?:['’]s)?(?:\s+(?:[a-z]+\s+){{0,2}}[a-z]+)?"
    rf"|{_DET_NP}(?:[\w'’-]+\s+){{0,3}}[\w'’-]+(?:\s+(?:of|for|at|from)\s+(?:the\s+)?(?:{_NAME_TOKEN}\s*)+)?"
    rf"|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I|[Yy]ou|[A-Z][\w'’.-]+"
    rf"|(?:[a-z][\w’'-]*\s+){{0,2}}(?:{_GROUP_HEADS})\s+"
    rf"(?:close\s+to|familiar\s+with|with\s+knowledge\s+of|in|at|from|for|of|to|around|inside)\s+(?:the\s+)?(?:{_NAME_TOKEN}\s*)+"
    rf"(?:(?:,\s+|\s*,?\s+and\s+)(?:{_NAME_TOKEN}\s*)+)*"  # "Aides to Cruz", "voters in Ohio, Florida and Iowa"
    rf"|(?:[a-z][\w’'-]*\s+){{0,2}}(?:{'|'.join(_GROUP_NOUNS)}|police|users|commentators|others|another|many|some|"
    rf"both|most|all|few)|\d[\d,.]*\s*(?:percent|%)"
    rf"|(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+(?:\d+|ten)(?:\s+[a-z]+)?"
    rf"|(?:(?:at\s+least|more\s+than|about|nearly|almost|some|over)\s+)?\d[\d,]*(?:\s+(?!(?:he|she|they|it|we|you)\b)[a-z]+){{0,2}}"
    rf"|(?:(?:former|top|senior|key|lead|chief|ex|one|another|new)\s+)?(?:[a-z]+\s+)?(?:rival|candidate|analyst|official|expert|"
    rf"aide|adviser|advisor|source|lawmaker|senator|spokesman|spokeswoman|lawyer|study|poll|survey|governor|"
    rf"historian|economist|activist|critic|insider|strategist|pollster|ally|donor)"  # headline style: "former rival says"
    rf"|(?:[Aa]\s+)?(?:majorities|majority|minority|most|half|third|quarter|voters|respondents|percent|%)\s+"
    rf"(?:in|of|among)\s+(?:the\s+)?(?:[\w%'’-]+\s+){{0,3}}[\w%'’-]+)$"
)


_TRAILING_PAREN_RE = re.compile(r"\s*\([^()]{1,40}\)$")
_COORD_VERB_RE = re.compile(r"\s+[a-z]+ed\s+and$")
_COORD_END_RE = re.compile(r"\S\s*,?\s+(?:and|but)$")
# A time between the subject and its cue: "X last week said", "X on Monday told"
_TRAILING_WHEN_RE = re.compile(r"(?<=[\w),])\s+(?:(?:last|this|this\s+past|earlier\s+this|late\s+last)\s+(?:week|month|year|night|weekend)|"
                               r"(?:(?:less|more)\s+than\s+|about\s+|nearly\s+|just\s+)?(?:a|an|one|two|three|four|five|six|"
                               r"several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?|hours?)\s+ago|"
                               r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                               r"(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|at\s+the\s+time|"
                               r"(?:later|earlier|again|once)|in\s+(?:19|20)\d\d|"
                               r"for\s+the\s+(?:first|second|third|last|only)\s+time)$")  # "the report for the first time cited"


_NOT_PLURAL = {"this", "his", "its", "hers", "ours", "theirs", "yours", "always", "perhaps", "thus", "whereas",
               "sometimes", "afterwards", "towards", "besides", "unless", "less", "was", "has", "does", "is", "as",
               "us", "yes", "news", "series", "means", "gas", "bus", "plus", "bonus", "status", "virus"}


def _plural_subject(words: list[str]) -> str | None:
    """One to three lower-case words ending in a plural noun, with no function word ("security specialists")."""
    out = []
    for w in reversed(words[-3:]):
        low = w.lower()
        if not _LOWER_WORD_FULL_RE.fullmatch(w) or low in _CLAUSE_WORDS or low in _AUX_WORDS or low in _NOT_PLURAL \
                or low in _PREPOSITIONS or low in _NOT_VERB_BEFORE:
            break
        out.append(w)
    if not out:
        return None
    head = out[0]
    if not head.endswith("s") or head.endswith(("ss", "us", "is", "'s", "’s")) or head.lower() in _NOT_PLURAL:
        return None
    return " ".join(reversed(out))




_INNER_DETERMINERS = {"the", "a", "an", "this", "these", "those", "his", "her", "its", "their"}
_DETERMINERS_OPENING = _INNER_DETERMINERS | {"that", "our"}
_NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a", "several", "dozens", "hundreds"}


def _determiner_subject(words: list[str]) -> str | None:
    """A whole clause of up to 12 words that opens with a determiner, a quantifier or a plural noun and holds no
    verb-like word: a long noun phrase ("The Democratic presidential front-runner and former secretary of state",
    "Some advocates for stem cell research", "proponents of more controls on hate speech here")."""
    if words and words[-1] in ("here", "there"):
        words = words[:-1]  # "proponents of more controls here say": a place, not part of the name
    head = words[0].lower() if words else ""
    plural = words and words[0].islower() and head.endswith("s") and not head.endswith(("ss", "us", "is")) \
        and head not in _NOT_PLURAL and head not in _CLAUSE_WORDS and head not in _AUX_WORDS
    if not 2 <= len(words) <= 12 or not (head in _DETERMINERS_OPENING or head in _QUANTIFIERS or plural):
        return None
    for i, w in enumerate(words[1:], 1):
        low = w.lower()
        if low in ("and", "of", "for", "at", "from", "in", "on", "with", "about"):
            continue  # inside a noun phrase: "X and former Y of Z", "advocates for stem cell research"
        if low in ("nearly", "roughly", "only", "almost", "some") and i + 1 < len(words) \
                and (words[i + 1][:1].isdigit() or words[i + 1].lower() in _NUMBER_WORDS):
            continue  # "The employee of nearly four years"
        if low in _AUX_WORDS or low in _CLAUSE_WORDS or low in _NP_STOP or not re.fullmatch(r"[\w’'.-]+", w) \
                or (w.islower() and low.endswith(("ed", "ly"))):
            return None
    return " ".join(words)


_LY_NOUNS = {"family", "rally", "ally", "supply", "assembly", "monopoly", "anomaly", "homily", "bully", "folly",
             "melancholy", "italy", "jelly", "belly"}  # nouns ending in -ly, never adverbs before a cue


_SPEAKER_END_WORDS = {"and", "or", "but", "of", "for", "to", "the", "a", "an", "most", "more", "very", "so", "as",
                      "with", "from", "by", "in", "on", "at", "not", "who", "which", "that"}


_TIME_HEADS = {"week", "weeks", "month", "months", "year", "morning", "afternoon", "evening", "night", "day", "today",
               "yesterday", "tonight", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
               "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october",
               "november", "december"}


_TIME_DETERMINERS = {"this", "that", "the", "a", "an", "one", "last", "next", "each", "every", "earlier", "later", "early"}


def _is_time_phrase(words: list[str]) -> bool:
    """A short phrase that names a time ("This week", "A month", "One Sunday", "Wednesday"), not a speaker; a time
    word as a surname ("Judge Day") is not one."""
    if len(words) > 1 and words[-1].lower().strip(",") in ("ago", "later", "earlier"):
        words = words[:-1]  # "A month ago", "Two days later"
    last = words[-1].lower().strip(",") if words else ""
    if len(words) == 3 and words[0].lower() == "a" and words[1].lower() == "few" and last.rstrip("s") in _TIME_HEADS:
        return True  # "a few days (later)"
    if len(words) == 2 and last.rstrip("s") in _TIME_HEADS and re.fullmatch(r"\d+|two|three|four|five|six|several|a few",
                                                                             words[0].lower()):
        return True  # "two days", "several weeks"
    return last in _TIME_HEADS and ((len(words) <= 3 and words[0].lower() in _TIME_DETERMINERS)
                                    or (len(words) == 1 and last in _TIME_HEADS - {"day", "week", "year", "month", "night"}))


def _is_noun_like(word: str) -> bool:
    """A lower-case word that may end a noun phrase: no verb form ("said", "asked", "claims"), auxiliary or cue word."""
    w = word.lower().strip(",")
    return not (_verb_form(w) == "past" or w in _AUX_WORDS or w in _cue_tables()[0])


_CONTRACTED_AUX_RE = re.compile(r"[’'](?:ve|d|ll|re|s)$")
# Verbs of going on or starting before an -ing cue ("he keeps talking", "Trump kept saying"): the verb, not the noun
_ASPECT_VERBS = {"keep", "keeps", "kept", "begin", "begins", "began", "start", "starts", "stop", "stops", "spent", "spends"}


def _speaker_phrase(np_text: str) -> str | None:
    """The noun phrase as a speaker, or None: it names or describes someone, so it does not end in a
    function word or an adverb ("one of Trump's most", "Cruz to formally") and does not open with "that"."""
    words = np_text.split()
    if len(words) == 1 and words[0].lower() in _QUANTIFIERS:
        return words[0]  # "…; most said": the quantifier is the subject
    caps = next((i for i, w in enumerate(words) if not (w.isupper() and len(w) > 1)), 0)
    if caps >= 2 and words[caps] in ("The", "A", "An"):  # "AUSTRALIAN OLYMPIC TEAM REFUSES … VILLAGE The team cited":
        words = words[caps:]  # an all-capitals heading run on into the sentence, whose subject starts after it
    if words and words[0].lower() in ("there", "here") and (len(words) == 1 or words[1].lower() in _AUX_WORDS | {"be", "been"}):
        return None  # "There have already been telling responses that …": an expletive, no one
    if len(words) == 2 and words[0].lower() in ("would", "could", "will", "do", "does", "did", "can", "should") \
            and words[1].lower() in ("you", "he", "she", "they", "we", "i", "it"):
        return None  # "Would you say, …?", "Can he maintain the enthusiasm …?": a question, no speaker
    if len(words) == 2 and words[1] in ("been", "be") and _CONTRACTED_AUX_RE.search(words[0]):
        words = [_CONTRACTED_AUX_RE.sub("", words[0])]  # "I’ve been saying for six years …": I
    if len(words) > 1 and words[0] in ("that", "which"):  # "that homeland security experts say" (not "That lawsuit")
        words = words[1:]
    if len(words) > 2 and words[0].lower() in ("looks", "seems", "sounds") and words[1] == "like":
        words = words[2:]  # "Looks like someone told Trump that …": someone
    if len(words) > 1 and words[-1].lower() in ("who", "that", "which"):
        return words[-1]  # "Manafort who argued": the relative pronoun speaks for the phrase before it
    if len(words) > 1 and (words[0] in ("after", "before") or (words[0] in _PREPOSITIONS and words[1] == "what")):
        words = words[1:]  # "after the police had announced", "with what others are saying": a clause's subject follows
    elif len(words) > 1 and words[0] in _PREPOSITIONS - {"about", "over", "under"}:  # (not "about half said")
        return None  # "at one point calling", "Contrast that with Trump, who …": a preposition's object is no subject
    if len(words) > 1 and words[-1] in ("many", "some", "most", "others") and words[-2].islower() \
            and words[-2] not in _INNER_DETERMINERS | _SPEAKER_END_WORDS | _CLAUSE_WORDS and _is_noun_like(words[-2]):
        return words[-1]  # "a title game many are calling …": the quantifier opens a clause of its own
    for i in range(len(words) - 1, 0, -1):  # "a move the company claims …": the subject is "the company"
        if words[i].lower() in _INNER_DETERMINERS and words[i - 1].islower() and words[i - 1] not in _PREPOSITIONS \
                and words[i - 1] not in _SPEAKER_END_WORDS:
            words = words[i:]
            break
    while len(words) > 1 and (words[-1].lower() in ("and", "but", "or") or words[-1] in _ASPECT_VERBS
                              or (words[-1].islower() and words[-1].endswith("ly") and words[-1] not in _LY_NOUNS)):
        words = words[:-1]  # "Trump vigorously denied", "Obama and" (of "Obama and said"), "he keeps talking about"
    if len(words) > 1 and words[-1].lower() in ("he", "she", "they", "we", "i") and (
            words[-2].lower() in _PRONOUN_OPENERS or words[-2].lower().strip(",") in _TIME_HEADS
            or (words[-2].islower() and words[-2] not in _PREPOSITIONS and _is_noun_like(words[-2]))):
        # "the contest and she has had to respond", "would end what she said were", "another study they wrote",
        # "… said Monday he would run": the pronoun is the clause's subject
        return words[-1]
    last = words[-1] if words else ""
    if _is_time_phrase(words):
        return None  # "This week", "that morning", "One Sunday", "Wednesday": a time, no one who speaks
    if len(words) == 1 and re.fullmatch(r"(?:1[89]|20)\d\d", last):
        return None  # "comments Trump made in 2006 saying …": a year says nothing
    if any(w.lower() in _PREPOSITIONS and n.islower() and n.endswith("ing") for w, n in itertools.pairwise(words)):
        return None  # "her silence by asking": a preposition and a gerund make a verb phrase, not a speaker
    if not words or last.lower() in _SPEAKER_END_WORDS or (last.islower() and last.endswith("ly") and last not in _LY_NOUNS) \
            or (_TO_VERB_END_RE.search(" ".join(words))
                and not re.search(r"\b(?:close|loyal|next|near|closest|adviser|advisor|aide|aides|advisers|advisors)\s+to\s+"
                                  r"(?:him|her|them|us|me)$", " ".join(words))):
        return None
    return " ".join(words)


_CONTRACTED_AUX_RE = re.compile(r"(?<=\w)['’](?:ve|d|ll)$|(?:(?<=\bhe)|(?<=\bshe)|(?<=\bit))['’]s$", re.IGNORECASE)  # "he’s predicting"


# Where the clause holding a subject starts: a blanked quotation ends it, and a period unless it closes a
# title or an initial ("Mr. Autor").
_CLAUSE_SPLIT_RE = re.compile(
    r"[;:—()\[\]]|,\s|\s[-–]\s|\s{3,}|\.(?<!Mr\.)(?<!Mrs\.)(?<!Ms\.)(?<!Dr\.)(?<!Sen\.)(?<!Rep\.)(?<!Gov\.)(?<!Gen\.)"
    r"(?<!St\.)(?<!Jr\.)(?<!Sr\.)(?<!Lt\.)(?<!Col\.)(?<!Rev\.)(?<!Prof\.)(?<!Sgt\.)(?<!Adm\.)(?<!Capt\.)(?<![\s.][A-Z]\.)\s")
_HEAD_START_RE = re.compile(r"(?:^|\s)(?:[A-Z]|he|she|they|it)")


_STATE_ABBREVIATION_RE = re.compile(r"(?:[A-Z][a-z]{1,4}\.|[A-Z]\.[A-Z]\.)")  # "Mo.", "Calif.", "N.H."


def _last_comma(t: str, end: int) -> int:
    """The last comma before ``end`` that is no thousands separator ("$300,000"), or -1."""
    j = t.rfind(",", 0, end)
    while j > 0 and t[j - 1 : j].isdigit() and t[j + 1 : j + 2].isdigit():
        j = t.rfind(",", 0, j)
    return j


def _appositive_cut(left: str) -> int | None:
    """Where the subject ends when ``left`` closes with one appositive: "X, a spokesman for Y," or
    "X — a teacher from Z —" (string search from the right: a regex anchored at the end rescans every start)."""
    t = left.rstrip()
    if t.endswith(","):
        inner_end = len(t) - 1
        j = _last_comma(t, inner_end)
        if j < 0:
            return None
        app = t[j + 1 : inner_end]
        k = _last_comma(t, j)
        if k > 0 and place_kinds().get(app.strip()) in ("state", "country", "city", "capital"):
            j, app = k, t[k + 1 : inner_end]  # "Clinton, during a meeting in Columbus, Ohio, said": the town's state
        if not (2 <= len(app.strip()) <= 160) or any(ch in app for ch in ";:") or not app[:1].isspace():
            return None
    elif t.endswith(("—", "–", "--")):
        mark = "--" if t.endswith("--") else t[-1]
        inner_end = len(t) - len(mark)
        j = max(t.rfind("—", 0, inner_end), t.rfind("–", 0, inner_end), t.rfind("--", 0, inner_end - 1))
        if j < 0 or not (2 <= inner_end - j <= 162) or not t[j - 1 : j].isspace():
            return None
    else:
        return None
    head_start = max(t.rfind(ch, 0, j) for ch in ",;:—–()") + 1
    head = t[head_start:j]
    while (head.strip().lower() in _ASIDE_ADVERBS or head.strip().isdigit()) and t[head_start - 1 : head_start] == ",":
        j = head_start - 1  # "Sanders, meanwhile, who …, said", "Woodrow Benford, 58, who …": an aside too
        head_start = max(t.rfind(ch, 0, j) for ch in ",;:—–()") + 1
        head = t[head_start:j]
    if t[head_start - 1 : head_start] == "," and (place_kinds().get(head.strip()) in ("state", "country")
                                                  or _STATE_ABBREVIATION_RE.fullmatch(head.strip())):
        # "Paul Porter, a truck driver from Ava, Mo., who …, said", "Biden, who was to travel to Columbus, Ohio, on
        # Wednesday …, said": the state closes a town inside the appositive, which began at the comma before
        j = _last_comma(t, head_start - 1)
        if j < 0:
            return None
        head_start = max(t.rfind(ch, 0, j) for ch in ",;:—–()") + 1
        head = t[head_start:j]
    if not head.strip() or not _HEAD_START_RE.search(head):
        return None
    return j if t[j] == "," else len(t[:j].rstrip())


# An organisation whose name lists its fields with commas ("Bureau of Alcohol, Tobacco, Firearms and Explosives")
_LISTED_NAME_RE = re.compile(r"(?:^|\s)(?:[Tt]he\s+)?(?:[A-Z][\w'’.&-]*\s+){1,4}of\s+[A-Z][\w'’&-]*"
                             r"(?:,\s+[A-Z][\w'’&-]*){1,4},?\s+(?:and|&)\s+[A-Z][\w'’&-]*$")
_LOWER_LETTERS = tuple("abcdefghijklmnopqrstuvwxyz")  # a name's last letter: the cheap test before the pattern
# A lower-case word and "and" opening a subject right after a clause break: "…, current and former officials said"
_LOWER_PAIR_RE = re.compile(r"(?:^|[,;:—]\s+)([a-z][\w-]*)\s+and\s+$")
_SUBJECT_PRONOUN_ENDS = (" he", " she", " they", " we", " I", " it")
_INVERTED_SUBJECT_RE = re.compile(r"(?:^|\s)(?:had|has|have|did|does|do|would|will|could|should|is|was|were|are)\s+"
                                  r"(he|she|they|we|I|it)$")
_WHO_AFTER_COMMA_RE = re.compile(r",\s+(?:who|which)\s[^,;:]*$")
# A person's age or home town after the name, between commas: ", 22", ", of Flint", ", of the Bronx"
_AGE_PLACE_END_RE = re.compile(r",\s+(?:\d{1,3}|of\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$")
_ASIDE_ADVERBS = {"meanwhile", "however", "too", "also", "though", "moreover", "meantime", "instead", "in turn"}
_FLOATING = {"both", "all", "each"}  # "X and Y have both urged", "The senators all said": the subject is before it
_PLAIN_ADVERBS = {"first", "then", "once", "just", "only", "even", "further", "finally", "initially", "privately", "publicly"}  # "X first said"
def _after_blanked_quote(left: str) -> bool:
    """Whether ``left`` ends in a blanked quotation: a non-space, four or more spaces, closing marks and
    commas, perhaps one space (``\\S\\s{4,}[,”’"']*\\s?$``, tested from the end instead of at every start)."""
    ends = [left, left[:-1]] if left.endswith("\n") else [left]  # "$" also matches before a final newline
    for t in [*ends, *(e[:-1] for e in ends if e[-1:].isspace())]:  # "\s?"
        t = t.rstrip(",”’\"'")
        n = len(t) - len(t.rstrip())
        if n >= 4 and len(t) > n:
            return True
    return False


# A name followed by its party and state in parentheses ("Gov. John Kasich (R-OH)", "Sen. Ted Cruz (R-Texas),") ends the text.
_NAME_PARTY_END_RE = re.compile(r"((?:(?:Gov|Sen|Rep|Sens|Reps|Mr|Ms|Mrs|Dr)\.\s+)?(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]+)"
                                r"\s*\([RDI]-[A-Za-z. ]{2,15}\)\s*,?\s*$")


# A share before "percent of X" ("only 49 percent of Republicans", "Some 49% of Republicans"): part of the subject
_SHARE_BEFORE_RE = re.compile(r"(?:(?:[Oo]nly|[Aa]bout|[Nn]early|[Aa]lmost|[Jj]ust|[Ss]ome|[Rr]oughly|[Aa]\s+full|"
                              r"[Mm]ore\s+than|[Ff]ewer\s+than|[Ll]ess\s+than)\s+)?\d[\d.,]*"
                              r"(?:\s*%\s+of|\s+percent\s+of)?\s+$")


# A restrictive relative clause that ends right before the cue ("Many residents who came to protest the pier say"):
# the phrase at its end is the clause's object, and the subject is the phrase before "who".
_ALIAS_END_RE = re.compile(r",\s+or\s+[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2},?$")  # ", or DFA," ending a lead
_NAME_THEN_PP_RE = re.compile(r"(?:^|[,;:—–]\s*|\b(?:when|as|while|after|before|and|but|because|since|if)\s+)"
                              r"((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*)\s+(?:in|during|at)\s+$")  # a clause's named subject
_GERUND_BEFORE_RE = re.compile(r"(?<![\w’'-])((?:[\w’'-]+\s+){0,3}[\w’'-]+)\s+(?:of|for|in|by)\s+[a-z]{2,}ing\s+$")
_PP_DETERMINERS = {"his", "her", "their", "its", "a", "an", "the"}
# "Stacy Baker of Columbia, South Carolina", "J. Bradford DeLong of the University of California, Berkeley"
_NAME_AND_BEFORE_RE = re.compile(r"(?<![\w’'.-])((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'.-]*)\s+and\s+$")
_HOME_BEFORE_RE = re.compile(r"((?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'.-]*)\s+of\s+(?:the\s+)?[A-Z][\w’'.-]*"
                             r"(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3},\s+$")
_PLACE_BEFORE_RE = re.compile(r"(?<![\w’'.-])((?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'.-]*)(?:,\s+(?:and\s+)?|\s+and\s+)$")
_NAME_IN_BEFORE_RE = re.compile(r"(?<![\w’'.-])((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s+(?:in|from|at)\s+$")
# People where they are, before "the …": "Some delegates at the convention", "Protesters outside the hall"
_PEOPLE_AT_BEFORE_RE = re.compile(r"(?<![\w’'-])(?:(?:[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Ff]ew|[Oo]ther|[Tt]he|[Tt]wo|"
                                  r"[Tt]hree|[Dd]ozens\s+of|[Hh]undreds\s+of|\d[\d,]*)\s+)?([A-Za-z][a-z]+s)\s+"
                                  r"(?:at|outside|inside|in|from)\s+$")
# A group named by its examples, before them: "Consulting firms like McKinsey", "critics such as Huffman", "companies
# including Coca-Cola" (the group speaks, not the example; "looks like" and "sounds like" are no group)
_EXAMPLES = r"(?:like|such\s+as|including)"  # the words that introduce a group's examples
_EXAMPLES_BEFORE_RE = re.compile(r"(?<![\w’'-])((?:(?:[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|[Oo]ther|[Tt]he|[Aa]ll|[Bb]oth)\s+)?"
                                 rf"(?:[A-Za-z][\w’'-]*\s+){{0,2}}[A-Za-z][a-z’'-]*[a-z]s)\s+{_EXAMPLES}\s+$")
_GROUP_OF_EXAMPLES_RE = re.compile(rf"[^,]{{0,60}}?[a-z]s\s+{_EXAMPLES}\s+\S")  # a speaker phrase that is one
_EXAMPLE_NAME_RE = re.compile(rf"\s{_EXAMPLES}\s+((?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'.-]*)$")
_NOT_EXAMPLE_HEADS = {"looks", "sounds", "feels", "seems", "is", "was", "has", "does", "says", "thinks"}
_PEOPLE_METONYMS = {"voices", "names", "figures"}  # words for people ("names from the GOP’s past", "voices from the left")
# Many of a kind spread over a place: "Editorial pages across the country", "police unions around the nation"
_SPREAD_BEFORE_RE = re.compile(r"(?<![\w’'-])((?:[A-Za-z][\w’'-]*\s+){0,2}[A-Za-z][a-z]+s)\s+(?:across|around|throughout)\s+$")
_GROUP_IN_BEFORE_RE = re.compile(rf"(?:(?<![\w’'-])(?:[a-z][\w’'-]*\s+){{0,2}}[a-z][\w’'-]*s|^(?:{_GROUP_HEADS}))\s+(?:in|from)\s+$")
_PRONOUN_HEADS = {"those", "anyone", "everyone", "someone", "others", "all"}  # heads a relative clause defines
_RESTRICTIVE_WHO_RE = re.compile(r"(?<=[a-z])\s+who\s+(?:[\w'’-]+\s+){1,10}?[\w'’-]+$")
# "progressive organizations that have endorsed him say": a plural noun's relative "that" with a verb of its own
_RESTRICTIVE_THAT_RE = re.compile(r"(?<=[a-z]s)\s+that\s+(?:have|had|were|are|[a-z]+ed)\s+(?:[\w'’-]+\s+){0,8}?[\w'’-]+$")


_LIGHT_VERBS = {"make", "makes", "made", "making"}  # before a noun of saying ("make jokes about", "made comments")
_TOOK_TURNS_RE = re.compile(r"\s+(?:took|take|takes|taking|have\s+taken|had\s+taken)\s+turns$")
_DASH_ASIDE_END_RE = re.compile(r"(?:\s[—–]|[—–]\s|\s--?\s)[^—–“”\"]{2,190}?(?:[—–]|\s--?)$")  # "— an aside —" at the end


def _subject_lead(masked: str, base: int, cue_start: int) -> tuple[str, int] | None:
    """The text before a cue where its subject should end, and that text's offset: the last 240 characters with a
    control verb, adverbs, auxiliaries, a time and a party label taken off ("Priebus on Monday had to explain").
    None when a quotation closes right before the cue (the speaker follows it)."""
    cut = max(0, cue_start - base - 240)
    left = masked[cut : cue_start - base]
    if (left[-1:].isspace() or left[-1:] in ",”’\"'") and _after_blanked_quote(left):
        return None  # '… and “that group is leaving,” said X': the speaker follows the cue
    base += cut
    words = left.rstrip().rsplit(None, 1)
    if left.rstrip().endswith("turns"):
        left = _TOOK_TURNS_RE.sub("", left.rstrip())  # "speakers took turns urging the crowd": the speakers urged
    control = _CONTROL_TO_RE.search(left.rstrip()) if left.rstrip().endswith("to") else None
    if control:  # "Sullivan had to explain": the subject is before the control verb
        left = left.rstrip()[: control.start()]
        words = left.rstrip().rsplit(None, 1)
    while len(words) == 2 and (words[1].lower() in _AUX_WORDS or words[1] in _PLAIN_ADVERBS or words[1] in _FLOATING
                               or words[1] in _LIGHT_VERBS  # "his friends make jokes about": the friends joke
                               or (words[1].islower() and words[1].endswith("ly")
                                                                    and len(words[1]) > 4 and words[1] not in _LY_NOUNS)):
        left = words[0]  # "Priebus fairly scolded": an adverb between subject and cue
        words = left.rstrip().rsplit(None, 1)
    # each pattern below ends the text ($); a test of the last letters first spares scanning 240 characters for it
    left = left.rstrip()
    if "'" in left[-4:] or "’" in left[-4:]:
        left = _CONTRACTED_AUX_RE.sub("", left)  # "they’ve suggested"
    for _ in range(2):  # "the report on Wednesday for the first time cited": both times
        if left[-1:] in "khrtdygnoe0123456789":
            left = _TRAILING_WHEN_RE.sub("", left)  # "Feinstein (D-Calif.) last week said"
    if left.endswith(")"):
        left = _TRAILING_PAREN_RE.sub("", left)  # "Rep. Paul Ryan (R-WI) said"
    if left.endswith("and"):
        left = _COORD_VERB_RE.sub("", left)  # "he laughed and said"
    if left.endswith(("—", "–", " -", "--")):
        aside = _DASH_ASIDE_END_RE.search(left, max(0, len(left) - 200))
        if aside:  # "insiders in the next two states — Nevada and South Carolina — said": the subject is before the aside
            left = left[: aside.start()].rstrip()
    return left, base


def _second_predicate(masked: str, base: int, cue_start: int) -> bool:
    """Whether the cue is a second verb after "and" or "but" with no subject of its own ("furrowed his brow and
    said", "praised those who left but did note"): the phrase before "and" is the first verb's object."""
    lead = _subject_lead(masked, base, cue_start)
    return lead is not None and lead[0].endswith(("and", "but")) and \
        _COORD_END_RE.search(lead[0], max(0, len(lead[0]) - 8)) is not None


# Heads of phrases that name an event, which says nothing ("the primary threatens to knock one of them out")
_EVENT_HEADS = {"primary", "primaries", "caucus", "caucuses", "election", "elections"}  # (not "rally": the gold counts
# "a pro-Trump rally" that condemned something as its people's voice)


_EVENT_DETERMINERS = {"the", "this", "that", "his", "her", "their", "its", "a", "an", "each", "every"}


def _is_event_phrase(phrase: str) -> bool:
    """Whether a subject phrase is a description of an event: lower-case head in :data:`_EVENT_HEADS`, after
    "the", "this", "that" or a possessive ("Tuesday's primary")."""
    words = phrase.split()
    if len(words) < 2 or words[-1] not in _EVENT_HEADS:
        return False
    return words[0].lower() in _EVENT_DETERMINERS or words[0].endswith(("’s", "'s"))


_IS_CONTRACTION_END_RE = re.compile(r"(?i)\b(?:what|that|it|there|here|who|which)['’]s$")  # "what’s" = "what is"
_NUMBERED_HEAD_RE = re.compile(r"([A-Z][a-z]+)\s+(\d+)\s*$")  # "Article 33", "Section 230", "Proposition 8"
_WH_WORDS = {"why", "how", "what", "where", "when", "whether"}  # (not "which": ", which says" speaks for the phrase)


def _group_before(left: str, start: int) -> int | None:
    """Where the group starts whose examples begin at ``start`` ("Consulting firms like McKinsey", "critics such as
    …", "companies including …"), or None."""
    found = _EXAMPLES_BEFORE_RE.search(left, max(0, start - 60), start) if left[max(0, start - 12) : start].endswith(
        (" like ", " as ", " including ")) else None
    if found is None:
        return None
    words = list(re.finditer(r"\S+", found.group(1)))
    while len(words) > 1 and (words[0].group(0).lower() in _CLAUSE_WORDS | _PREPOSITIONS
                              or words[0].group(0).lower() in _cue_tables()[0]):
        words = words[1:]  # "He said candidates like Rubio …": the group opens after the verb
    head = words[-1].group(0).lower()
    if head in _NOT_EXAMPLE_HEADS or head in _cue_tables()[0]:
        return None
    return found.start(1) + words[0].start()


def _speaker_before(masked: str, base: int, cue_start: int, after_and: bool = False) -> tuple[int, int] | None:
    """The subject noun phrase that ends right before a cue ("Tory Green said", "The company, which …, said").

    ``after_and``: also the phrase before an "and" or "but" right before the cue, which is no subject ("furrowed his
    brow and said": the first verb's object) but marks where a clause ends (for :func:`_trim_clause`)."""
    lead = _subject_lead(masked, base, cue_start)
    if lead is None:
        return None
    sentence_base = base
    left, base = lead
    if not after_and and left.endswith(("and", "but")) and _COORD_END_RE.search(left, max(0, len(left) - 8)):
        return None  # "furrowed his brow and said", "praised those who left but said": an object, not the subject
    if not left.strip():
        return None
    exception = _EXCEPT_SUBJECT_RE.search(left, max(0, len(left) - 60)) if " but " in left[-60:] else None
    if exception:  # "All but two said …", "Everyone but Hewlett said …": the "but" makes an exception, no new clause
        return base + exception.start(1), base + exception.end(1)
    party = _NAME_PARTY_END_RE.search(left) if left.rstrip(", \t\n").endswith(")") else None
    if party:  # "…, after winning the primary, Gov. John Kasich (R-OH), said": a name with its party label is the subject
        return base + party.start(1), base + party.end(1)
    alias = _ALIAS_END_RE.search(left, max(0, len(left) - 60)) if ", or " in left[-60:] else None
    if alias:  # "…, communications director of Democracy for America, or DFA, said": the group's short name
        left = left[: alias.start() + 1]
    # "X, a spokesman for Y, said": jump back over one appositive between commas.
    cut_at = _appositive_cut(left)
    adverb_only = False  # "The judges who ruled …, however, said": an adverb between commas names no one
    if cut_at is not None:
        adverb_only = left[cut_at:].strip(" ,").lower() in _ASIDE_ADVERBS | {"for instance", "for example"}
        left = left[:cut_at]
        k = left.rfind(", ")
        if k > 0 and _WHO_AFTER_COMMA_RE.match(left, k):  # "Swanson, who is a pastor at the Church of Elizabeth,
            left = left[:k]  # Colorado, slammed": the relative clause held a comma of its own
    elif left.endswith(","):  # "Sen. Roy Blunt (R-Mo.), facing a stiff challenge from …, noted": the named subject
        k = left.rfind(",", 0, len(left) - 1)
        party = _NAME_PARTY_END_RE.search(left, 0, k + 1) if k > 0 and left[:k].endswith(")") else None
        if party:
            return base + party.start(1), base + party.end(1)
    closed = cut_at is not None or left.rstrip().endswith(",")  # "…, 43 said" is a subject, "…, 43, said" an age
    left = left.rstrip(" ,")
    for _ in range(3 if closed else 0):  # "Cory James, 22, of Flint, Mich., said": the age and the home town are asides
        detail = _AGE_PLACE_END_RE.search(left, max(0, len(left) - 80)) if left[-1:].isalnum() or left[-1:] == "." else None
        if detail is None or not _HEAD_START_RE.search(left[: detail.start()]):
            break
        left = left[: detail.start()]
    listed = _LISTED_NAME_RE.search(left, max(0, len(left) - 160)) \
        if left.endswith(_LOWER_LETTERS) and " of " in left[-160:] and "," in left[-120:] else None
    if listed:  # "the National Academies of Sciences, Engineering and Medicine said": one name, commas and all
        start = listed.start() + (len(listed.group(0)) - len(listed.group(0).lstrip()))
        doc = _DOCUMENT_HEAD_BEFORE_RE.search(left, max(0, start - 80), start)
        return base + (doc.start() if doc else start), base + len(left)
    familiar = _FAMILIAR_SOURCE_RE.search(left, max(0, len(left) - 160)) if "familiar" in left[-160:] \
        or " close to " in left[-160:] or "knowledge of" in left[-160:] else None
    if familiar:  # "A person familiar with the planning for Thursday's meeting says": the person, not the planning
        return base + familiar.start(), base + len(left)
    clause = _CLAUSE_SPLIT_RE.split(left)[-1]
    rel = None if cut_at is not None and not adverb_only else _RESTRICTIVE_WHO_RE.search(clause) if " who " in clause \
        else _RESTRICTIVE_THAT_RE.search(clause) if " that " in clause else None  # (not when an appositive
    # after it names the subject)
    if rel:  # "executives who have worked with Lachlan Murdoch say": the executives, not Murdoch
        head = clause[: rel.start()].split()[-1:]
        if head and head[0].lower() in _PRONOUN_HEADS:  # "those who back her opponents say": the clause names them
            start = len(left) - len(clause) + rel.start() - len(head[0])
            return base + start, base + len(left.rstrip())
        left = left[: len(left) - len(clause) + rel.start()]
        clause = clause[: rel.start()]
    words = clause.split()
    # Trim leading clause words ("But", "On Monday", "In a statement") and keep the last NP.
    while words and words[0].lower().strip(",") in _CLAUSE_WORDS - {"this", "that"} and len(words) > 1 \
            and not (words[0].lower() == "as" and words[1].lower() in ("many", "much", "few")):
        words = words[1:]  # (not the "as" of "as many as three-fourths of them", a quantity)
    if not words:
        return None
    # A lowercase verb-like word before the NP ends it: keep the maximal NP at the end.
    tail = " ".join(words[-8:])
    inverted = _INVERTED_SUBJECT_RE.search(tail) if tail.endswith(_SUBJECT_PRONOUN_ENDS) else None  # "Why had he
    # asserted …", "Never has she said …": he, she
    m = _SUBJECT_NP_RE.search(tail, inverted.start(1)) if inverted else _SUBJECT_NP_RE.search(tail)
    if m:
        np_text = m.group(0)
    elif len(words) == 1 and words[0].lower() in _QUANTIFIERS:
        np_text = words[0]  # "…; most said they were “very worried.”"
    else:
        np_text = _determiner_subject(words) or _plural_subject(words)
        if np_text is None:
            return None
    if np_text.lower().startswith(("many as ", "much as ", "few as ")) and tail.lower().endswith("as " + np_text.lower()):
        np_text = tail[len(tail) - len(np_text) - 3 :]  # "as many as three-fourths of them": the whole quantity
    if np_text.lower() in _CLAUSE_WORDS and np_text.lower() not in _QUANTIFIERS:
        return None
    np_text = _speaker_phrase(np_text)
    if np_text is None or _IS_CONTRACTION_END_RE.search(np_text):
        return None  # (nor "the power for what’s called “regenerative medicine”": "what is called", said by no one)
    if np_text.lower() in _WH_WORDS:
        return None  # "Why not just say: “…”": a question word, no one who speaks
    if np_text.isdigit() and (numbered := _NUMBERED_HEAD_RE.search(left)) is not None and numbered.group(2) == np_text:
        np_text = numbered.group(0)  # "Article 33 affirms", "Section 230 says": the article, not "33"
    idx = left.rfind(np_text)  # ``left`` is a prefix of masked[cut:], so this is an offset from ``base``
    length = len(np_text)
    if idx < 0:  # the phrase's words were joined by one space: "Sen. Ted  Cruz said" has two
        found = list(re.finditer(r"\s+".join(map(re.escape, np_text.split())), left))
        if not found:
            return None
        idx, length = found[-1].start(), found[-1].end() - found[-1].start()
    before = _prev_word(left, max(0, idx - 20), idx)
    if before is not None and before.group(1).lower() in _PREPOSITIONS | {"of"} and (k := left.rfind(", ", 0, idx)) > 0 \
            and idx - k <= 120 and _UNCLOSED_APPOSITIVE_RE.match(left, k) and "," not in left[k + 2 : idx] \
            and (person := _NAME_BEFORE_COMMA_RE.search(left, max(0, k - 80), k)) is not None \
            and not _APPOSITIVE_VERB_RE.search(left, k, idx) \
            and ((pw := _prev_word(left, max(0, person.start(1) - 20), person.start(1))) is None
                 or pw.group(1).lower() not in _PREPOSITIONS | _SUBORDINATORS):
        # "Sen. Kristen Gillibrand (D-NY), a supporter of Clinton’s bid for the presidency told …": an appositive whose
        # closing comma is missing; the phrase after its preposition is no subject, the name before it is
        named = _speaker_before(masked, sentence_base, base + k)
        if named is not None:
            return named
    gerund = _GERUND_BEFORE_RE.search(left, max(0, idx - 80), idx) if left[max(0, idx - 6) : idx].endswith("ing ") else None
    if gerund:  # "Kaine's record of serving the power of wealth indicates": the record, not what it served
        head = gerund.group(1).split()
        clause = max((i + 1 for i, w in enumerate(head) if w.lower() in _CLAUSE_WORDS | _PREPOSITIONS), default=0)
        keep = min((i for i, w in enumerate(head) if i >= clause and (w.lower() in _INNER_DETERMINERS
                                                                      or _POSSESSIVE_RE.search(w))),
                   default=len(head) - 1)
        start = gerund.start(1) + gerund.group(1).index(head[keep]) if keep else gerund.start(1)
        return base + start, base + idx + length
    named = _NAME_THEN_PP_RE.search(left, max(0, idx - 60), idx) if np_text.split()[0] in _PP_DETERMINERS else None
    if named:  # "when Trump in his announcement speech called …": the name, not the phrase of where he said it
        return base + named.start(1), base + named.end(1)
    group = _group_before(left, idx)
    if group is not None:  # "Consulting firms like McKinsey said": the firms
        return base + group, base + idx + length
    spread = _SPREAD_BEFORE_RE.search(left, max(0, idx - 60), idx) if np_text.split()[0] == "the" else None
    if spread and spread.group(1).split()[0].lower() not in _CLAUSE_WORDS | _PREPOSITIONS:
        return base + spread.start(1), base + idx + length  # "Editorial pages across the country warned": the pages
    people = _PEOPLE_AT_BEFORE_RE.search(left, max(0, idx - 60), idx) if np_text.split()[0] in ("the", "a") else None
    if people and (people.group(1).lower().rstrip("s") in _person_nouns() or people.group(1).lower() in _PEOPLE_METONYMS
                   or people.group(1).lower().endswith(("ers", "ors", "ists", "ants", "ents", "ates"))):
        return base + people.start(), base + idx + length  # "Some delegates at the convention said": the delegates
        # (and "officials from the State Department", "high-profile names from the GOP’s past")
    if place_kinds().get(np_text) in ("state", "city"):  # a state or city is where the speaker is from or in
        home = _HOME_BEFORE_RE.search(left, max(0, idx - 80), idx)
        if home:  # "Stacy Baker of Columbia, South Carolina says": the person before "of"
            pair = _NAME_AND_BEFORE_RE.search(left, max(0, home.start(1) - 40), home.start(1))
            start = pair.start(1) if pair and pair.group(1).split()[0].lower() not in _NOT_NAMES | _BOTH \
                else home.start(1)  # "Stephen S. Cohen and J. Bradford DeLong of the University of …": both
            return base + start, base + home.end(1)
        first = idx  # "exit polls in New Hampshire and Iowa indicated": the places of a list, back to its first
        while (prev := _PLACE_BEFORE_RE.search(left, max(0, first - 60), first)) is not None \
                and place_kinds().get(prev.group(1)) in ("state", "city"):
            first = prev.start(1)
        group = _GROUP_IN_BEFORE_RE.search(left, max(0, first - 60), first)
        named = _NAME_IN_BEFORE_RE.search(left, max(0, first - 60), first) if group is None else None
        if named and named.group(1).split()[0].lower() not in _NOT_NAME_STARTS \
                and place_kinds().get(named.group(1)) is None:
            return base + named.start(1), base + named.end(1)  # "Sanders in Iowa said": Sanders, not Iowa
        if group:  # "protest organizers in Cleveland say": the people, with their place
            return base + group.start(), base + idx + length
    probe = idx + 4 if np_text.startswith("and ") else idx  # the phrase found may hold the "and" itself
    if left[max(0, probe - 5) : probe] == " and " and np_text[:1].islower():
        pair = _LOWER_PAIR_RE.search(left, max(0, probe - 40), probe)
        if pair:  # "…, current and former officials said", "teachers and union officials told": one subject
            return base + pair.start(1), base + idx + length
    if np_text.startswith(("percent", "per cent")) or left[max(0, idx - 12) : idx].endswith(("percent of ", "% of ")):
        share = _SHARE_BEFORE_RE.search(left, max(0, idx - 50), idx)  # "only 49 percent of Republicans say"
        if share:
            return base + share.start(), base + idx + length
    coord = _COORDINATED_BEFORE_RE.search(left, max(0, idx - 120), idx) if left[max(0, idx - 5) : idx].endswith(
        "and ") and _is_name_run(_OF_PLACE_RE.sub("", np_text)) else None
    if coord is not None:  # "Donald Trump and Ted Cruz said": both names are the subject
        first = coord.start(1)
        while True:  # not a sentence opener or a title-less function word ("But Trump and Cruz", "Both Cruz and …")
            word = re.match(r"[\w'’.-]+\s*", left[first:idx])
            if word is None or word.group(0).strip().lower().strip(".") not in _NOT_NAMES | _BOTH:
                break
            first += word.end()
        before = _prev_word(left, max(0, first - 20), first)
        if before and before.group(1).lower() == "the" and " of " not in left[first:idx]:
            # "what the New York Times and …": the word before "the" decides ("of the Seventh Circuit and …")
            before = _prev_word(left, max(0, before.start(1) - 20), before.start(1))
        if first < idx and coordinated_names(left[first : idx + length]) \
                and not (before and before.group(1).lower() in ("of", "for", "on", "the")):  # "Organization for
            group = _group_before(left, first)  # "candidates like Donald Trump and Bernie Sanders are vowing": the group
            return base + (first if group is None else group), base + idx + length  # ("Organization for
            # Economic Cooperation and Development" is one name)
    doc = _DOCUMENT_HEAD_BEFORE_RE.search(left, max(0, idx - 80), idx) if left[max(0, idx - 6) : idx].rstrip().endswith(
        ("of", "by", "in", "from", "for", "at")) else None
    if doc:  # "The new poll of voters in all 50 states found": the poll, not the voters
        return base + doc.start(), base + idx + length
    if _is_event_phrase(np_text):
        return None  # "the New Hampshire primary threatens to …", "his most recent rally is revealing …": an event
    return base + idx, base + idx + length


# A document or survey and the preposition that joins its source or subject, right before a speaker phrase
_DOCUMENT_HEAD_BEFORE_RE = re.compile(
    r"(?<![\w'’-])(?:(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+)(?:[\w'’.-]+\s+){0,3}?"
    r"(?:poll|polls|study|studies|survey|surveys|report|reports|paper|analysis|memo|letter|statement|review|audit|"
    r"article|editorial|column|ruling|filing|lawsuit|complaint|document|documents|book)\s+"
    r"(?:(?:[\w'’.-]+\s+){0,3}?(?:in|from)\s+)?(?:of|by|in|from|for|at)\s+$")


_EXCEPT_SUBJECT_RE = re.compile(r"(?<![\w’'])((?:[Aa]ll|[Ee]veryone|[Ee]verybody|[Nn]one|[Nn]obody)\s+but\s+"
                                r"(?![a-z]+(?:ed|ing)\b)(?:[\w’'.-]+\s+){0,3}?[\w’'.-]+)\s*$")  # (not "all but stopped")
_UNCLOSED_APPOSITIVE_RE = re.compile(r",\s+(?:a|an|the)\s+[a-z]+")  # ", a supporter of …" (a role, then its object)
# A person's name (two to four capitalised words, a party label after it) right before a comma
_CAPITALISED_RUN = r"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){1,3}"  # two to four capitalised words, one space apart
_NAME_BEFORE_COMMA_RE = re.compile(rf"(?<![\w’'.-])({_CAPITALISED_RUN})(?: ?\([^()]{{1,12}}\))?$")
_APPOSITIVE_VERB_RE = re.compile(r"\s(?:is|are|was|were|has|have|had|will|would|[a-z]{3,}ed)\s")  # a clause, not an appositive
_BOTH = {"both", "either", "neither"}
_COORD_NAME = (r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
               r"(?:\s+of\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)?")  # "Ted Cruz of Texas"
_OF_PLACE_RE = re.compile(r"\s+of\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?$")  # the place after a name
# Names joined by commas and "and" right before the last one: "Trump and Cruz", "Trump, Cruz and Rubio"
_COORDINATED_BEFORE_RE = re.compile(rf"(?<![\w'’.-])((?:{_COORD_NAME},\s+)*{_COORD_NAME},?\s+and\s+)$")
_COORD_SPLIT_RE = re.compile(r",\s+and\s+|,\s+|\s+and\s+")


def coordinated_names(speaker: str) -> list[str]:
    """The names of a speaker that is two or more person-like names joined by commas and "and" ("Donald Trump and
    Ted Cruz", "Trump, Cruz and Rubio"), else []: each of them is heard, so each is a voice."""
    if " and " not in speaker:
        return []
    parts = [_OF_PLACE_RE.sub("", p) for p in _COORD_SPLIT_RE.split(" ".join(speaker.split()))]  # not "of Texas"
    return parts if len(parts) > 1 and all(_is_name_run(p) for p in parts) else []


def _is_name_run(phrase: str) -> bool:
    """Whether a phrase is one person-like name: capitalised words or initials after an optional title ("Sen. Ted
    Cruz", "Trump", "Mr. Effron"), no function word ("The Times", "But Trump")."""
    words = phrase.split()
    if words and words[0].lower().strip(".") in TITLES:
        words = words[1:]
    return 0 < len(words) <= 3 and words[0].lower().strip(".") not in _NOT_NAMES | _BOTH \
        and all(_PERSON_WORD_RE.fullmatch(w) for w in words)




# Words up to the first comma or sentence punctuation; periods of initials and listed
# abbreviations ("Jason C. Ervin", "Sen. Ted Cruz") do not end it.
_AFTER_SPEAKER_RE = re.compile(
    r"\s*((?:\b[A-Z]\.|\b(?:Mr|Ms|Mrs|Dr|Sen|Rep|Gov|Gen|St|Jr|Sr|Lt|Col|Rev|Capt|Cmdr|Adm|Sgt|Maj|Prof|Supt|Atty|Ret)\.|"
    r"[^,;:.!?—()“”\"\s]+(?:\.[^,;:.!?—()“”\"\s]+)*|[ \t\u00a0]+){1,40})"
)


_SPACED_DASH_RE = re.compile(r"\s[-–—]{1,2}\s")


# Where a speaker named after the cue ends: an adverbial of the saying ("in a statement", "on Twitter", "during the
# debate"), not an affiliation ("of the ACLU")
_IN_PUBLICATION_RE = re.compile(r"\s+(?=in\s+The\s+[A-Z])")
_ADVERBIAL_AFTER_NAME_RE = re.compile(r"\s+(?=(?:in|on|during|via|through)\s+(?:an?|the|his|her|their|its|Twitter|Facebook|"
                                      r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)")


def _speaker_after(masked: str, base: int, cue_end: int, max_words: int = 8) -> tuple[int, int] | None:
    """The noun phrase right after a cue ("…," wrote Tory Green, co-founder of IO.Net): cut at the comma
    or a spaced dash, and at most ``max_words`` long (longer for "according to the officer in charge of …")."""
    right = masked[cue_end - base :]
    dash = _SPACED_DASH_RE.search(right, 0, 400)
    if dash:
        right = right[: dash.start()]
    m = _AFTER_SPEAKER_RE.match(right)
    if not m:
        return None
    np_text = _RELATIVE_SPLIT_RE.split(m.group(1).rstrip(), maxsplit=1)[0]
    paper = _IN_PUBLICATION_RE.split(np_text, maxsplit=1)[0]
    if paper != np_text and all(w[:1].isupper() for w in paper.split()):
        np_text = paper  # "wrote Ben Jacobs in The Guardian": the writer (not "a Wednesday editorial in The …")
    head = _ADVERBIAL_AFTER_NAME_RE.split(np_text, maxsplit=1)[0]  # "said Sean Spicer in a Friday tweet", but not
    if any(w[:1].isupper() for w in head.split()) and not any(  # "said the candidate could be in a …"
            w.lower() in _AUX_WORDS or w.lower() in ("be", "can", "may", "might", "must", "should") for w in head.split()):
        np_text = head
    words = np_text.split()
    while len(words) > 1 and words[-1].lower() in {"on", "at", "of", "for", "in", "to", "from", "by", "with", "and"}:
        words = words[:-1]  # "a commenter on [stripped link]"
    np_text = " ".join(words)
    if not words or (words[0].lower() in {"that", "the", "in", "on", "to", "it", "this", "at", "by", "with", "for"} \
            and not (words[0].lower() == "the" and len(words) >= 2 and len(words) <= (6 if max_words <= 8 else max_words))):
        return None
    if len(words) > max_words:
        return None
    s = base + (cue_end - base) + m.start(1)
    return s, s + len(np_text)


# ---------------------------------------------------------------------------------------------
# Sentence analysis

_ACCORDING_RE = re.compile(r"(?i)(?<![\w])(according\s+to)\s+")
# "that" opening the reported clause; not a demonstrative subject right before its verb ("say that won't be true")
_THAT_RE = re.compile(r"\s*(?:,\s*)?(?:that(?!\s+(?:is|was|isn[’']t|wasn[’']t|will|won[’']t|would|wouldn[’']t|can|can[’']t|"
                      r"could|couldn[’']t|should|has|hasn[’']t|had|does|doesn[’']t|did|didn[’']t|may|might|must|"
                      r"makes|made|means|meant)\b)(?:\s+|,\s*(?=(?:if|when|once|after|as|while|unless|because|although|thanks\s+to|"
                      r"despite|given|in|with|without|under|since|before|until)\b)))?")
_ADVERBIAL_RE = re.compile(
    r"\s*(?:(?:in|on|at|during|via|through|after|before|with)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+|its\s+)?"
    r"(?:[\w'’-]+\s+){0,4}?(?:statement|interview|post|tweet|blog|email|e-mail|letter|speech|release|"
    r"conference|call|remarks|report|filing|message|video|op-ed|appearance|hearing|briefing|debate|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|night|morning|week|year|time|month|day|"
    r"X|Twitter|Facebook|television|TV|radio|CNN|MSNBC|Fox(?:\s+News)?|NBC|ABC|CBS)[\w'’]*"
    r"(?:\s+(?:message|statement|interview|post|address|conference|appearance|call|release)s?\b)?"  # "a video message"
    r"(?:\s+to\s+(?:the\s+[\w'’-]+|[A-Z][\w'’-]*|reporters|supporters|journalists|students|voters|donors|members|followers)(?:\s+[A-Z][\w'’-]*)*)?,?\s*|"  # "… to the convention", "… to supporters"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|recently|last\s+\w+|"
    r"(?:earlier\s+|later\s+)?this\s+(?:week|month|year|morning|afternoon|evening|weekend))(?![\w'’])[,]?\s*)*"
)  # (a time word with a possessive is content: "cited last week’s attack")
_TOLD_OBJ_PRONOUN_RE = re.compile(r"\s*(?:a|an|the|his|her|their|its|our)\s+"
                                  r"(?:(?!(?:of|about|how|what|why|whether|when|where|that|if)\s)[\w'’.-]+\s+){1,4}?"
                                  r"(?=(?:they|he|she|we|I|it)\s+[a-z’']+)")
_TOLD_OBJ_RE = re.compile(rf"\s*(?:{_DET_NP}?(?:[\w'’.-]+\s+){{0,3}}?[\w'’.-]+?)(?=\s+(?:that\s|on\s|in\s|,)|\s*,|\s+[a-z])")


def _clean_end(text: str, s: int, e: int) -> tuple[int, int]:
    """``text[s:e]`` without surrounding spaces and trailing punctuation; never inverted (s <= e)."""
    e = max(s, e)
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:"):
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return s, e


_SUBJECT_START_RE = re.compile(
    r"(?:(?:One|Two|Three|Four|Five|Some|Many|Most|Several|Each|Both|All|Few|Half|None)\s+of\s+"  # "One of the men"
    r"(?:the|his|her|their|its|these|those)\s+(?:[A-Z][\w'’-]*\s+)?[a-z][\w'’-]*(?=[\s,])"
    r"|(?:Both|Many|Several|Some|Most|All|Few)\s+(?:[A-Z][\w'’-]*\s+)?[a-z][\w'’-]*s(?=[\s,]))"  # "Both parents"
    rf"|(?:(?:\d{{1,3}}-year-old\s+)?{_DET_NP}?(?!{_DET_NP}[a-z])(?:{_NAME_TOKEN}\s+)*{_NAME_TOKEN}(?:\s+(?:of|for)\s+(?:the\s+)?(?:{_NAME_TOKEN}\s*)+)?"
    rf"|{_DET_NP}[\w'’-]+(?:\s+[\w'’-]+)?|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)(?=[\s,])"
)
_INTRO_RE = re.compile(r"(?:(?:[A-Z][a-z]*|[a-z]+)(?:\s+[\w'’.-]+){0,10}?\s*,\s+|"
                       r"(?:In\s+response\s+to|In\s+reaction\s+to|In\s+addition\s+to|Following|Despite|Amid)"
                       r"(?:\s+[\w'’.-]+){1,16}?\s*,\s+)")  # "In response to Donald Trump’s proposal to bar …, X"


_ING_PREPOSITIONS = {"during", "including", "regarding", "concerning", "following", "according", "pending",
                     "excluding", "notwithstanding", "barring", "considering"}
_PLACE_COMMA_RE = re.compile(r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?),\s+")
_WHEN_COMMA_RE = re.compile(r"(?:on|in|at|during|last|this|early|late)\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,3}?,\s+")
_PRONOUN_SUBJECTS = {"he", "she", "they", "we", "i", "it", "you"}
_OPENER_RE = re.compile(r"(?:And|But|Still|Then|So|Yet|Now|Also)\s+(?:(?:even|also|then|now)\s+)?")


_POSSESSED_RE = re.compile(r"(?<=['’]s)(?:\s+(?!(?:has|have|had|was|were|is|are|will|would|said|says)\b)"
                           r"[a-z][a-z-]*(?<!ed)(?<!ly)){1,3}(?=\s+(?:has|have|had|was|were|is|are|will|would|who|[a-z]+ed|[a-z]+s)\b)")


_CONTRACTED_SUBJECT_RE = re.compile(r"([Tt]hat|[Tt]here|[Hh]ere|[Ww]hat|[Tt]his|[Ii]t|[Hh]e|[Ss]he|[Ww]ho)['’]s\b")


_ROLE_AFTER_RE = re.compile(rf"(?:\s+(?:{_ROLE_NOUNS}))+(?=[\s,])")


# A role in lower case and the name it titles, after a capitalised adjective: "(Republican) presidential candidate Ted Cruz"
_ROLE_THEN_NAME_RE = re.compile(rf"(?:\s+[a-z][a-z-]+)?(?:\s+(?:{_ROLE_NOUNS}))+\s+(?:{_NAME_TOKEN}\s+)*{_NAME_TOKEN}(?=[\s,])")


# "DECATUR, Ill. —", "WASHINGTON, Dec. 8 (UPI) —", "Washington (AFP) –": a place (in capitals, or any place before a
# news agency's name), perhaps its state and a date, then a dash
_AGENCY = r"\((?:AP|AFP|UPI|Reuters|CNN|Bloomberg|dpa|Xinhua|IANS|PTI)\)"
_DATELINE_RE = re.compile(rf"\s*(?:[A-Z]{{3,}}(?:[ -][A-Z]{{2,}})*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}(?=(?:,[^—–()]{{1,30}})?\s*{_AGENCY}))"
                          rf"(?:,\s+(?:[A-Z][\w.]*\s*){{1,3}}(?:\d{{1,2}}\s*)?)?\s*(?:{_AGENCY}\s*)?(?:—|–|--?)\s+")


_OF_PHRASE_RE = re.compile(r"\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w'’-]+\s+){0,4}?[a-z][\w'’-]*(?=\s+(?:has|have|had|"
                           r"was|were|is|are|will|would|could|[a-z]+ed|said|says|told)\b)")


_NAME_AFTER_PREP_RE = re.compile(rf"\s+(?:the\s+)?(?:{_NAME_TOKEN}\s+)*{_NAME_TOKEN}(?:\s+of\s+(?:{_NAME_TOKEN}\s*)+)?(?=[\s,])")
_PARTICIPLE_OBJECT_STARTS = {"to", "at", "in", "on", "about", "with", "for", "from", "into", "out", "up", "back",
                             "the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "through", "after"}
_TITLE_ADJECTIVES_RE = re.compile(r"(?:(?:former|then|longtime|top|senior|retired|outgoing|incoming|acting)\s+)+(?=[A-Z])")
_OPENER_END_RE = re.compile(r"(?:,|\s[―—–])\s+")  # where an opening adverbial may end
_TIME_OPENERS = {"hours", "days", "weeks", "months", "years", "minutes", "moments", "just", "ever", "shortly", "soon",
                 "whenever", "wherever", "having", "decades", "seconds"}


# Spelled-out numbers: a count that opens a sentence ("Six thousand people …", "Eight years ago, …"), never a name
_SPELLED_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                    "twenty", "thirty", "forty", "fifty")
_COUNT_WORDS = {"a", "an", "several", "few", "many", *_SPELLED_NUMBERS}


def _opens_with_adverbial(words: list[str]) -> bool:
    """Whether a sentence opens with an adverbial rather than its subject: a time phrase ("Hours later,", "Just
    before …,", "Ever since …,") or a capitalised -ing or -ly word before a lower-case one ("Walking to …,",
    "Hastily politicizing …,")."""
    first = words[0]
    if first.lower().strip(",") in _TIME_OPENERS:
        return True
    nxt = words[1].split(None, 1)[0] if len(words) > 1 and words[1].strip() else ""
    if (first.isdigit() or first.lower() in _COUNT_WORDS) and nxt.lower().strip(",") in _TIME_OPENERS:
        return True  # "Eight years ago, he supported …", "Two days later, …"
    if len(first) <= 5 or not first[:1].isupper() or not first[1:].islower():
        return False
    if first.endswith("ly"):  # "Hastily politicizing …" (not "Schlafly then discussed …")
        return nxt.endswith("ing") and nxt.islower()
    return first.endswith("ing") and nxt in _PARTICIPLE_OBJECT_STARTS  # "Walking to …" (not "Manning said …")


_OPENING_PARTICIPLES = {"Asked", "Pressed", "Questioned", "Told", "Speaking", "Responding", "Talking", "Writing",
                        "Appearing", "Addressing", "Reacting", "Commenting", "Testifying", "Interviewed"}


def _sentence_subject(masked: str, base: int) -> tuple[int, int] | None:
    """The subject at the start of a sentence, after a dateline ("DECATUR, Ill. — Sen. Ted Cruz …") or an
    introductory phrase ("In June, Reddit …"); never a question word ("Why not just say: …")."""
    found = _subject_at_start(masked, base)
    if found is not None and found[1] - found[0] <= 7 and masked[found[0] - base : found[1] - base].lower() in _WH_WORDS:
        return None
    if found is not None and _is_event_phrase(masked[found[0] - base : found[1] - base]):
        return None  # "the New Hampshire primary threatens to knock …": an event, no one who speaks
    return found


def _subject_at_start(masked: str, base: int) -> tuple[int, int] | None:
    """:func:`_sentence_subject`, question words included."""
    dateline = _DATELINE_RE.match(masked)
    if dateline:
        masked = " " * dateline.end() + masked[dateline.end() :]
    lead = len(masked) - len(masked.lstrip())
    text = masked[lead:]
    intro = _INTRO_RE.match(text)
    intro_end = intro.end() if intro else 0
    state = _PLACE_COMMA_RE.match(text, intro_end) if intro else None
    if state and place_kinds().get(state.group(1)) in ("state", "country"):
        intro_end = state.end()  # "At an event in St. Clairsville, Ohio, 62-year-old Brenda Johnson …": the town's state
        more = _WHEN_COMMA_RE.match(text, intro_end)
        intro_end = more.end() if more else intro_end  # "… in Ames, Iowa, on Sunday, Mrs. Clinton …"
    for candidate in (text, text[intro_end:] if intro else None):
        if candidate is None:
            continue
        opener = _OPENER_RE.match(candidate)  # "And even Obama tried …": the subject follows the conjunction
        if opener:
            candidate = candidate[opener.end():]
        off = len(masked) - len(candidate)
        words = candidate.split(None, 1)
        if candidate is text and words and (words[0] in _OPENING_PARTICIPLES or _opens_with_adverbial(words)
                                            or (words[0].endswith("ing") and words[0][:1].isupper()
                                                and words[0].lower() not in _ING_PREPOSITIONS and "," in candidate[:120])):
            # (a participle opening the sentence: "Recognizing this, Mr. Rubio joined …")
            # "Asked about a potential Clinton White House, Bush thought …", "Hours later, Trump …": the subject
            # follows a comma, the first one after which a name or pronoun and a lower-case verb come
            after = None
            for comma in _OPENER_END_RE.finditer(text):
                adj = _TITLE_ADJECTIVES_RE.match(text, comma.end())  # ", former Arkansas Gov. Mike Huckabee agreed"
                m = _SUBJECT_START_RE.match(text, adj.end() if adj else comma.end())
                if m and (any(w[:1].isupper() for w in m.group(0).split()) or m.group(0) in ("he", "she", "they", "we")
                          or m.group(0).split()[0] in ("the", "a", "an", "his", "her", "their", "its")) \
                        and re.match(r"\s+[a-z]", text[m.end() :]):
                    after = m.start()
                    break
            if after is None:
                return None
            candidate = text[after:]  # the subject is read there as at a sentence start
            off = len(masked) - len(candidate)
            words = candidate.split(None, 1)
        if len(words) > 1 and re.match(r"[a-z]+ly,", words[1]) and words[0].lower() in ("most", "more", "less", "least", "very"):
            continue  # "Most recently, Rubio saw …": an adverbial, whose comma the subject follows
        if words and (words[0].lower().strip(",") in _CLAUSE_WORDS - {"this", "that"}
                      or (words[0].endswith(",") and (words[0].lower().rstrip(",") in _NOT_NAMES
                                                      or words[0].lower().rstrip(",").endswith("ly")))):
            continue  # "Likewise, Trump …", "Meanwhile, …": a sentence adverb, not the subject
        contracted = _CONTRACTED_SUBJECT_RE.match(candidate)
        if contracted:  # "That’s the consensus of …", "It’s a long shot": "’s" is "is", no one is named
            if contracted.group(1).lower() in ("that", "there", "here", "what", "this"):
                return None
            return base + off, base + off + contracted.end(1)
        m = _SUBJECT_START_RE.match(candidate)
        if m and _is_time_phrase(m.group(0).split()):
            continue  # "A month ago, Trump explained …": the subject follows the time phrase's comma
        if m:
            end = m.end()
            poss = _POSSESSED_RE.match(candidate, end)  # "Millbrook's harbor council has shut …": the council
            if poss:
                end = poss.end()
            elif (titled := _ROLE_THEN_NAME_RE.match(candidate, end)) and m.group(0).split()[0][:1].isupper():
                end = titled.end()  # "Republican presidential candidate Ted Cruz", not "Republican"
            elif _ROLE_AFTER_RE.match(candidate, end):  # "The Republican candidate", "The Democratic nominee"
                end = _ROLE_AFTER_RE.match(candidate, end).end()
            elif " " not in m.group(0) and candidate[end : end + 1] == " " and candidate[end + 1 : end + 2].islower() \
                    and m.group(0).lower() not in _PRONOUN_SUBJECTS:
                # "Former prosecutor and New York City Mayor Rudy Giuliani, who …, trashed …": the phrase to the comma
                phrase = candidate[: candidate.find(",")] if "," in candidate else ""
                if _determiner_subject(["the", *phrase.split()]) and any(w[:1].isupper() for w in phrase.split()[1:]):
                    end = len(phrase)
            if candidate.startswith(" of ", end):  # "an angry army of HP workers and retirees had amassed"
                of = _OF_PHRASE_RE.match(candidate, end + 3)
                if of and not any(w in _AUX_WORDS or _verb_form(w) == "past" for w in of.group(0).split()):
                    end = of.end()
            if candidate[m.start() : end].split()[-1] in ("for", "of", "to", "at", "with", "from"):
                named = None
                if candidate[m.start() : end].split()[-1] == "of":
                    named = _OF_PHRASE_RE.match(candidate, end)  # "the families of the company's founders had …"
                    if named and any(w in _AUX_WORDS or _verb_form(w) == "past" for w in named.group(0).split()):
                        named = None
                named = named or _NAME_AFTER_PREP_RE.match(candidate, end)  # "A spokesman for Mayor Frank G. Jackson …"
                end = named.end() if named else m.start() + len(candidate[m.start() : end].rsplit(None, 1)[0])
            words = candidate[m.start() : end].split()
            if len(words) > 1 and words[-1].islower() and (words[-1] in _IRREGULAR_PAST or words[-1] in ("spoke", "wrote", "told")
                                                          or (words[-1].endswith("ed") and len(words[-1]) > 4)):
                end = m.start() + len(candidate[m.start() : end].rstrip()[: -len(words[-1])].rstrip())  # "The senator spoke"
            return base + off + m.start(), base + off + end
    return None


def _span_kind(span: tuple[int, int], outer: list[tuple[int, int]]) -> str:
    return "mixed" if any(o >= span[0] - 1 and c <= span[1] + 2 for o, c in outer) else "indirect"


_CLAUSE_BREAK_RE = re.compile(
    r";\s|\s(?:[—–]|--?)\s|—(?=(?:a|an|the|and|but|while|which|even)\s)|"
    r",[”’\"']*\s+but\s(?!\s|[“\"‘']|that\s|(?!(?:he|she|it|they|we|I|the|a|an|this|that|there|his|her|their|its|some|many)\b)[a-z])|"
    r",[”’\"']*\s+(?:while|whereas|even\s+as)\s|(?<=[”\"]),?\s+\(?(?:al)?though\s+(?=[a-z])|"
    r",[”’\"']*\s+and\s+(?:he|she|they|it|we|I|then|when|while|if|after|as\s+soon\s+as)\s|"
    r",\s+as\s+(?:has|have|had|was|were|is|are|did|does|do)\s|"  # "…, as has Carlos Gimenez": a comparison of the reporter's
    r",\s+and\s+(?:has|have|had)\s+(?:also\s+|long\s+|since\s+)?[a-z]+(?:ed|en|wn|ne)\s|"  # "…, and has championed": the speaker's next predicate
    r",\s+(?:an?) (?!(?:lot|bit|few|little|number|couple)\b)[a-z]"  # "…, an ambitious goal that …": the reporter's appositive
)


# Where reported content ends, besides _CLAUSE_BREAK_RE: a comma before a non-restrictive relative
# clause or a participle (", which …", ", creating …"), and "and"/"but" before another cue verb
# ("said A and criticized him for B": the second cue is its own attribution).
_RELATIVE_BREAK_RE = re.compile(r",[”’\"']?\s+(?:which|who|whom|whose)\s|,[”’\"']?\s+(?!(?:according|including|excluding|"
                                r"regarding|concerning|following|notwithstanding|beginning|starting|during|bring|sing|ring|spring|"
                                r"string|swing|thing|things|king|nothing|something|anything|everything|morning|evening)\b)"
                                r"[a-z]+ing[\s,]")  # (not a bare verb or noun in -ing: "to bomb X, bring back Y")
# A parenthetical that the clause resumes after (", involving 16 million exchanges, violates …"): not a break.
_RESUMES_RE = re.compile(r"(?:[^,;]|,(?=\d)){0,200},\s+(?!(?:which|who|whom|whose|where|when|and|but|or|while|as|the|a|an|"
                         r"with|in|on|at|to|for|from|by|of|including|according)\b)[a-z]+(?<!ing)\s")
# A boundary, then a short subject phrase, then the cue: where a second speaker's clause starts.
_NEW_SPEAKER_RE = re.compile(r"(?:[,;][”’\"']*\s+(?:and\s+|but\s+|while\s+)?|\s(?:[—–]|--?)\s+|\s(?:while|whereas|and|but|after|before|when|as|because|since|until)\s+)"
                             r"(?=(?:[\w’'.%-]+\s+){0,7}?[\w’'.-]+\s*$)")
# A clause of time after a quotation: when the words were said ("he’s “excited where we stand” as he faces a test")
_CIRCUMSTANCE_AFTER_QUOTE_RE = re.compile(r"\b(?:as|while|when|after|before)\s+(?:he|she|they|we|I)\s+[a-z]+")
# "and" and a verb in -ed or -ing after a quotation: the subject's next act ("writing a book called “Women Who Work” and
# leading the charge"), unless a word of the same form before it makes a pair inside the content ("“lied” and cheated")
_PREDICATE_AFTER_QUOTE_RE = re.compile(r"\band\s+(?:then\s+|later\s+|also\s+)?[a-z]{3,}(ed|ing)\s")
# A series of past predicates after the content: ", declined at first to criticize X, and most recently defended Y",
# ", called her “third-rate” and boycotted one of the debates": the subject's other acts
_PAST = (r"(?:[a-z]{3,}ed|went|made|took|gave|said|told|wrote|sent|left|won|lost|met|ran|came|brought|held|kept|began|"
         r"spoke|sought|thought|drew|threw|stood|fought|called|put|cut|set)")
_PREDICATE_SERIES_RE = re.compile(rf",\s+(?:[a-z]+ly\s+)?{_PAST}(?:\s+at\s+first)?\s+(?!(?:by|in|on|at|for|to|from|with|as|into|"
                                  rf"over|under|after|before|during|and|or|that)\b)[^;]*?(?:,\s+|\s+)and\s+"
                                  rf"(?:[a-z]+ly\s+|most\s+recently\s+|then\s+|later\s+)?{_PAST}\s")
_LATER_ACT_RE = re.compile(r"\s(?:before|after|while|then)\s+([a-z]+ing)\b")
_COORD_CUE_RE = re.compile(r"\s(?:and|but)\s+(?:also\s+|then\s+|later\s+|did\s+not\s+|didn[’']t\s+)?([a-z]+)\b")


# A parenthetical between two spaced dashes after which the clause resumes with a verb or an auxiliary.
_DASH_RESUMES_RE = re.compile(r"(?:[^—–;-]|-(?!-|\s)){2,160}?\s(?:[—–]|--?)\s+(?=[a-z]+\s)(?!(?:and|but|or|which|who|while|a|an|the)\s)")


def _blank_quote(m: re.Match) -> str:
    """A quotation as spaces, but a comma just inside its closing mark stays (“… by Cleveland,” referring to …)."""
    q = m.group(0)
    body = q.rstrip("”\"'")  # the closing mark: ” " or ''
    keep = len(q) - len(body) + 1 if len(body) >= 2 and body[-1] == "," else 0
    return " " * (len(q) - keep) + q[len(q) - keep :]


# A comma, then a new clause with its own pronoun subject ("the government monitors 20,000 mosques, it lists
# steps …"); not when the content opens with a subordinate clause that the comma closes.
_NEW_CLAUSE_RE = re.compile(r",[”’\"']?\s+(?:and\s+|but\s+)?(?:(?:he|she|it|they|we|I)\s+(?!(?:said|says|say|added|noted|told|argued)\b)[a-z’']+|"
                            r"(?:[A-Z][\w’'.-]+\s+){1,3}(?!(?:said|says|say|added|noted|told|argued)\b)"
                            r"(?:[a-z]+ed|won|lost|has|had|is|was|will|would|can|could)\b|"
                            r"(?:and\s+|but\s+)(?:the|a|an|his|her|its|their|this)\s+(?:[a-z-]+\s+){1,2}"
                            r"(?:was|were|is|are|has|have|had|will|would|could)\s)")
_SUBORDINATE_OPEN_RE = re.compile(r"\s*(?:that\s*,?\s*)?(?:even\s+)?(?:if|when|whenever|although|though|because|as|while|after|before|unless|since|once|"
                                  r"until|whether|even\s+if|even\s+though|given|despite|in\s+order|to|for|with|without|"
                                  r"by|in|on|at|during|under|over|from|thanks\s+to)\b", re.IGNORECASE)
_QUOTED_RE = re.compile(r"“[^“”]*”|\"[^\"]*\"|''(?:(?!'').)*''")


_CLOSE_AFTER_COMMA_RE = re.compile(r",[”’\"']+")
# A second clause of the same verb: "said he understands … – and that he will back …" goes on.
_SECOND_THAT_RE = re.compile(r"[,;]?[”’\"']*\s*(?:(?:[—–]|--?)\s*)?(?:and|but)\s+that\s")


_QUOTE_OPEN_RE = re.compile(r"[“\"]")


def _trim_clause(text: str, s: int, e: int) -> tuple[int, int]:
    """Cut reported content at the first break into a new clause (; — ", but" ", and he" ", which" "and criticized").

    Breaks inside quotation marks do not count: a quotation is one piece of the content.
    """
    masked = _QUOTED_RE.sub(_blank_quote, text[s:e])
    rel = _RELATIVE_BREAK_RE.search(masked)
    if rel and _RESUMES_RE.match(masked, rel.end()):
        rel = None
    if rel and rel.group(0).lstrip(",”’\"' ").startswith("which") and _QUOTE_OPEN_RE.search(text, s + rel.end(), e):
        rel = None  # "a large turnout, which “will help elect Kloppenburg”": the quoted words are the speaker's too
    brk = _CLAUSE_BREAK_RE.search(masked)
    while brk and brk.group(0).strip() in ("—", "–", "-", "--"):
        pair = _DASH_RESUMES_RE.match(masked, brk.end())
        if not pair:
            break
        brk = _CLAUSE_BREAK_RE.search(masked, pair.end())  # "X — itself a rebuttal — was …": the clause resumes
    cuts = [m.start() for m in (brk, rel) if m]
    if not _SUBORDINATE_OPEN_RE.match(masked):  # "if elected, he would …": the content's own main clause
        for splice in _NEW_CLAUSE_RE.finditer(masked):
            before = _prev_word(masked, max(0, splice.start() - 40), splice.start())
            if re.match(r",\S*\s+(?:and|but)\s+[A-Z]", splice.group(0)) and before and before.group(1)[:1].isupper():
                continue  # "DeepSeek, Moonshot AI, and MiniMax breached …": the last of a list of names
            cuts.append(splice.start())
            break
    cuts = [c for c in cuts if c >= 12 and not _SECOND_THAT_RE.match(masked, c)]
    first, _ = _cue_tables()
    for cs, ce in find_cues(masked):  # ", another says …", "while Collins suggested …": a new speaker's clause
        lemma = _cue_info(masked[cs:ce])[0]
        if cs < 12 or lemma not in REPORTING_LEMMAS or not _is_verbal(masked, cs) \
                or masked[:cs].rstrip().endswith(("—", "–", " -", "--")):
            continue  # (after a dash aside the cue is the content's own verb: "closed primaries -- those … -- deny")
        b = _NEW_SPEAKER_RE.search(masked, max(0, cs - 80), cs)
        if b and b.start() >= 12 and _speaker_before(masked, 0, cs, after_and=True) is not None:
            cuts.append(b.start())
            break
    for m in _LATER_ACT_RE.finditer(masked):  # "said A on Twitter before claiming B": a second act of saying
        if m.start() >= 12 and m.group(1) in first:
            cuts.append(m.start())
            break
    for m in _CIRCUMSTANCE_AFTER_QUOTE_RE.finditer(masked):
        lead = text[s : s + m.start()].rstrip(" ,")
        if len(lead) >= 3 and lead[-1] in "”\"'":
            cuts.append(len(lead))
            break
    for m in _PREDICATE_AFTER_QUOTE_RE.finditer(masked):
        lead = text[s : s + m.start()].rstrip(" ,")
        ending = m.group(1)
        if len(lead) >= 3 and lead[-1] in "”\"'" \
                and not any(w.endswith(ending) and len(w) > 3 for w in _LOWER_WORD_RE.findall(lead)):
            cuts.append(len(lead))
            break
    m = _PREDICATE_SERIES_RE.search(masked)
    if m is not None and m.start() >= 12:
        cuts.append(m.start())
    for m in _COORD_CUE_RE.finditer(masked):
        word = m.group(1)
        if m.start() >= 3 and word in first and (word.endswith(("ed", "s", "ing")) or word in _IRREGULAR_PAST) \
                and _is_verbal(masked, m.start(1)):
            cuts.append(m.start())
            break
    if cuts:
        cut = min(cuts)
        while cut < len(masked) and masked[cut] == " " and not text[s + cut].isspace():
            cut += 1  # a break found in the blanks of a quotation ("“Q” before claiming"): after the quotation
        close = _CLOSE_AFTER_COMMA_RE.match(masked, cut)
        return _clean_end(text, s, s + (close.end() if close else cut))  # '“… the pier,” while': the quote stays whole
    return s, e


_INLINE_DASH_RE = re.compile(r"\s*([—–]|--?)\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})[\s.,]*$")
_NAME_COLON_RE = re.compile(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*:\s*$")
_AND_THAT_RE = re.compile(r",?\s*and\s+that\s")  # '“Q” and that he …': a second that-clause of the same content
_AFTER_QUOTE_RE = re.compile(r",?\s*(?:and|but|or|in|when|as|before|after|while|moments|—|–|-|on|at|to)\b")
_NEGATED_RE = re.compile(r"(?:\bnot|\bnever|n[’']t|\b(?:failed|fails|fail)\s+to)\s+(?:\w+\s+){0,2}$")  # "failed to mention"
_PREPOSITIONS = {"in", "on", "at", "to", "for", "from", "with", "by", "during", "after", "before", "about", "into",
                 "via", "over", "under", "through"}


_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TRAILING_TIME_RE = re.compile(
    rf",?\s+(?:(?:late|early)\s+)?(?:on\s+)?(?:{_DAY}(?:\s+(?:night|morning|afternoon|evening))?|"
    r"(?:last|this)\s+(?:night|weekend)|yesterday|today|tonight|"
    r"(?:in|during)\s+an?\s+(?:interview|statement|speech|press\s+conference|phone\s+call)|"
    r"at\s+(?:an?\s+|the\s+)?(?:news|press)\s+conference)$")


# The quoted title of a programme or paper after a cue ("on NBC's ''Meet the Press''", "in The Times' “Daily”"),
# followed by "that" or a time: where the words were said, not what.
_SHOW_TITLE_RE = re.compile(r"\s*(?:on|in)\s+(?:[A-Z][\w.&-]*(?:['’]s?)?\s+){0,3}(?:“[^”]{1,60}”|''[^']{1,60}''|\"[^\"]{1,60}\")"
                            r"(?=\s*(?:,\s*)?(?:that\b|on\s|last\s|this\s|in\s|earlier\s))")
_TIME_END_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "night", "morning",
                   "afternoon", "evening", "weekend", "yesterday", "today", "tonight", "interview", "statement", "speech",
                   "conference", "call"}


# Cues whose object is a noun phrase, never a clause ("praised his candidacy", "criticized the plan"): a verb of
# saying after that object belongs to another clause.
_NEXT_PREDICATE_RE = re.compile(r"(?:,[”’\"']*\s+(?:and\s+|but\s+)?|\s+(?:and|but)\s+)(?:then\s+|also\s+|later\s+)?[a-z]{3,}ed\s")
_WH_OPEN_RE = re.compile(r"(?:how|what|why|whether|when|where|who|which|if)\s", re.IGNORECASE)
_OBJECT_ACT_LEMMAS = {"call for", "announce", "mention", "confirm", "charge", "tweet", "pledge", "declare", "release"}
_OBJECT_END_RE = re.compile(r"(?:,\s+(?:just\s+)?(?:(?:a|one|two|three)\s+(?:day|days|week|weeks)\s+)?|\s+)"
                            r"(?:after|following|on\s+the\s+condition|as\s+(?:it|he|she|they)\b)\s")
_NP_OBJECT_LEMMAS = {"praise", "criticize", "blame", "attack", "denounce", "dismiss", "decry", "blast", "rebuke", "mock", "slam",
                     "scold", "chide", "deplore", "lament", "thank", "condemn", "cite", "describe"}


_APPOSITIVE_AFTER_COMMA_RE = re.compile(r"\s+(?:a|an|another)\s")  # 'called him a “moderate,” a subtle dig'
_AFTER_QUOTED_NAME_RE = re.compile(r"\s*,?\s+and\s+(?:he|she|they|it|we|I|his|her|their|[A-Z][\w’'.-]*|powerful|[a-z]{3,}(?:ed|ing))\s"
                            r"|\s*,\s+(?:a|an|another)\s|\s*\(")


# A noun right before an -ing cue (no comma, no auxiliary): the cue modifies it ("voices … denouncing")
_NOUN_END_RE = re.compile(r"(?<![\w'’])(?!(?:is|are|was|were|be|been|being|am|not|and|or|but|by|of|for|while|when|after|before|"
                          r"in|on|without|from|about|kept|keep|keeps|started|start|starts|began|begin|continued|continue|"
                          r"continues|stop|stopped|spent|spend|went|go|goes)\s)[a-z]{3,}[’']?\s+\w+ing$")
# The verb of the sentence after a participle's object: a past or finite form after a word that is no auxiliary
_MAIN_VERB_RE = re.compile(r"(?<=[\w’'”\"])(?<!\bwho)(?<!\bthat)(?<!\bwhich)(?<!\bwhom)\s+(?:grew|became|was|were|is|are|has|have|had|will|would|came|went|remained|"
                           r"seemed|appeared|continued|increased|mounted|intensified|reached|drew|helped|made)\b")


def _verb_form(word: str) -> str:
    """"ing", "past" or "present" for a verb form ("arguing", "said", "argues"), else "" (a base form, "say")."""
    word = word.lower()
    if word.endswith("ing"):
        return "ing"
    if word.endswith("ed") or word in _IRREGULAR_PAST:
        return "past"
    return "present" if word.endswith("s") else ""


def _reported_content(text: str, ce: int, s1: int, lemma: str) -> tuple[int, int]:
    """The reported clause after a cue: skip adverbials ("in a statement"), a told-object, "that"."""
    pos = ce
    show = _SHOW_TITLE_RE.match(text, pos, s1)  # "said on NBC's ''Meet the Press'' on Sunday that …": a title
    pos = show.end() if show else pos
    m = _ADVERBIAL_RE.match(text, pos, s1)
    pos = m.end() if m else pos
    if lemma in {"tell", "remind", "warn", "assure", "inform"} and not re.match(r"\s*that\b", text[pos:s1]):
        far = re.match(r"[^,;:.!?“”\"]{3,100}?\sthat\s", text[pos:s1])  # "told the Post and Courier on Saturday that"
        m = _TOLD_OBJ_RE.match(text, pos, s1)
        pronoun = _TOLD_OBJ_PRONOUN_RE.match(text, pos, s1) if not far else None
        if far and len(far.group(0).split()) <= 14:
            pos += far.end() - 5
        elif pronoun:  # "told a news conference they are …": the object runs to the clause's subject pronoun
            pos = pronoun.end()
        elif m:
            pos = m.end()
            m = _ADVERBIAL_RE.match(text, pos, s1)
            pos = m.end() if m else pos
    m = _THAT_RE.match(text, pos, s1)
    pos = m.end() if m else pos
    if text[pos : pos + 1] == ":":
        pos += 1
    a, b = _trim_clause(text, *_clean_end(text, pos, s1))
    if lemma in _NP_OBJECT_LEMMAS:  # "Republicans who have praised his candidacy warned that …": its object ends
        masked = _QUOTED_RE.sub(_blank_quote, text[a:b])  # at the next verb of saying, the main clause's
        nxt = next((cs for cs, ce in find_cues(masked) if cs > 0 and _cue_info(masked[cs:ce])[0] in REPORTING_LEMMAS
                    and _verb_form(masked[cs:ce].split()[0]) in ("past", "present") and _is_verbal(masked, cs)), None)
        if nxt is not None:
            a, b = _clean_end(text, a, a + nxt)
    if lemma in _NP_OBJECT_LEMMAS and text[ce - 3 : ce] == "ing" and _NOUN_END_RE.search(text, max(0, ce - 60), ce):
        # "The chorus of voices from the GOP’s past denouncing Donald Trump grew louder": a participle that modifies
        # the subject; its object ends at the sentence's own verb
        comma = text.find(",", a, b)
        main = _MAIN_VERB_RE.search(text, a, comma if comma > 0 else b)  # (not a clause after a comma: ", and none has")
        if main is not None and main.start() - a >= 3:
            a, b = _clean_end(text, a, main.start())
    if lemma in ("call", "describe"):
        # "calling him a “nice guy” and he didn't …", "called her “the champion” and Weingarten hugging her", "called
        # it “a rough week,” another moment …": a name given in quotation marks ends where a new clause, a second
        # predicate, an appositive or a bracket follows it (not "a “hater of Trump” who had …": that is the name's)
        for q in _QUOTED_RE.finditer(text, a, b):
            after = _AFTER_QUOTED_NAME_RE.match(text, q.end(), b) or (
                _APPOSITIVE_AFTER_COMMA_RE.match(text, q.end(), b) if text[q.end() - 2 : q.end() - 1] == "," else None)
            if after is not None:
                a, b = _clean_end(text, a, q.end())
                break
    if (lemma in _NP_OBJECT_LEMMAS or lemma in _OBJECT_ACT_LEMMAS or lemma == "call" or lemma.endswith((" about", " of", " on"))
            or text[a : a + 6].lower().startswith(("about ", "of "))) \
            and not _WH_OPEN_RE.match(text, a):  # "described how Trump … zipped their lips": a clause after all
        # "called the merger “a terrible deal” and ranked Fiorina …": a noun-phrase object ends at the
        # speaker's next predicate
        masked = _QUOTED_RE.sub(lambda m: "x" * len(m.group(0)), text[a:b])  # a quotation is one word here
        nxt_verb = _NEXT_PREDICATE_RE.search(masked, 3)
        if nxt_verb is not None:
            a, b = _clean_end(text, a, a + nxt_verb.start())
    if (lemma in _NP_OBJECT_LEMMAS or lemma in _OBJECT_ACT_LEMMAS) and not _WH_OPEN_RE.match(text, a) \
            and not text[a : a + 3] == "to ":
        # "called for a ban on Muslims following the mass shooting", "announced his candidacy with a speech that …":
        # a noun-phrase object ends where a when, why or how of the act begins
        masked = _QUOTED_RE.sub(lambda m: "x" * len(m.group(0)), text[a:b])
        when = _OBJECT_END_RE.search(masked, 8)
        head = masked[: when.start()].split() if when is not None else []
        if when is not None and _CLAUSE_SIGNS.isdisjoint(w.lower().strip(",") for w in head) \
                and not head[-1].endswith("ed") and not _is_time_phrase(head):
            a, b = _clean_end(text, a, a + when.start())  # (not after a clause, a participle or a time: "announced
            # she will resign after the convention", "the accord adopted after two weeks", "two days after")
    last = _prev_word(text, max(a, b - 20), b)  # the pattern ends with one of _TIME_END_WORDS: test that first
    when = _TRAILING_TIME_RE.search(text, a, b) if last and last.group(1).lower() in _TIME_END_WORDS else None
    # "police reported no arrests late Monday": the time is the cue's
    return (a, when.start()) if when and when.start() - a >= 8 else (a, b)


_PARTICIPLE_RE = re.compile(
    r",\s+(?:and\s+)?(adding|noting|saying|arguing|explaining|insisting|claiming|warning|suggesting|stressing|"
    r"pointing\s+out|acknowledging|asserting|contending|alleging|writing|telling\s+[\w'’. -]{1,40}?)\s+(?:that\s+)?"
)


def _split_participles(text: str, atts: list[Attribution]) -> list[Attribution]:
    """"X said A, adding that B": two attributions of X, the second with the participle as cue."""
    out = []
    for a in atts:
        if a.kind == "mention" or a.speaker is None or len(a.spans) != 1:
            out.append(a)
            continue
        s, e = a.spans[0]
        m = _PARTICIPLE_RE.search(text, s, e)
        if m and m.start() - s >= 8 and e - m.end() >= 8 and not any(
            text[i] in "“”\"" for i in range(m.start(), m.end())
        ):
            first = _clean_end(text, s, m.start())
            second = _clean_end(text, m.end(), e)
            cue = (m.start(1), m.start(1) + len(m.group(1).split()[0]))
            lemma, stance = _cue_info(text[cue[0] : cue[1]])
            out.append(Attribution(a.kind, [first], a.cue, a.cue_lemma, a.stance, a.speaker, a.sentence, rule=a.rule))
            out.append(Attribution(a.kind, [second], cue, lemma, stance, a.speaker, a.sentence,
                                   rule="adding_participle"))
        else:
            out.append(a)
    return out


@lru_cache(maxsize=1)
def _cue_noun_words() -> frozenset[str]:
    """The nouns of saying of ``_CUE_NOUNS`` as words, singular and plural ("claim", "claims")."""
    return frozenset(w for alt in _CUE_NOUNS.split("|") for w in (alt.rstrip("?").rstrip("s"), alt.rstrip("?")))


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """Words without which no rule can fire: the cue forms' first words, the nouns of saying, "according",
    "reportedly"."""
    return frozenset(_cue_tables()[0]) | _cue_noun_words() | {"according", "reportedly"}


def _analyse_sentence(text: str, s0: int, s1: int, quotes: list[tuple[int, int, int]]) -> list[Attribution]:
    """Attributions in one sentence (or quote-merged group of sentences)."""
    words = set(_WORD_RE.findall(text[s0:s1].lower()))  # found once, for this test and the cue finder
    if _trigger_words().isdisjoint(words) and ":" not in text[s0:s1] and not any(o < s1 and c > s0 for o, c, _ in quotes):
        return []  # no quotation, no colon and no trigger word: no rule can fire (most sentences)
    return _split_participles(text, _analyse_one(text, s0, s1, quotes, words=words))


_ACCUSED_OF_RE = re.compile(r"(?i:accused|charged|blamed)\s+(?i:of|with|for)\s")
_PASSIVE_GAP_RE = re.compile(r"\s+(?:was|were|is|are|am|been|being|(?:has|have|had)\s+been)"
                             r"(?:\s+(?:also|once|later|often|widely|repeatedly|never|first|then|[a-z]+ly))*\s+")
_RAISING_RE = re.compile(r"\s+to\s+(?:have|be)\b")  # "Obama is reported to have called …": Obama called
_PARTICIPLE_FORM_RE = re.compile(r"(?:[a-z]+ed|said|told|written|asked)(?:\s+\w+)*")


# "Norvell Rose, reporting for Western Journalism from Cleveland, …", "writing from Kabul": a reporter's job, no cue
# "add back the Golden Week", "adding to his wins", "a media empire that asserted itself into politics": no speech
# "admit 250,000 Syrians", "by admitting more out-of-state and international students", "refugees admitted to the
# United States": letting people in, no admission of anything
_NO_SPEECH_CUE_RE = re.compile(r"(?i:add|adds|added|adding)\s+(?:back|up|to\s+(?:his|her|their|its)\s)\b|"
                              r"(?i:add|adds|added|adding)\s+(?:another|more|a|an|some|new|fuel)\s+(?:[\w-]+\s+){0,3}?"
                              r"to\s+(?:the|his|her|its|their|this|that)\b|"  # "adds another magic number to the mix"
                              r"(?i:assert|asserts|asserted|asserting)\s+(?:itself|himself|herself|themselves)\b|"
                              r"(?i:admit|admits|admitted|admitting)\s+(?:to\s+(?:the\s+)?(?:United\s+States|U\.S\.|country|"
                              r"America|Europe|Canada|Germany|Britain)\b|(?:more|fewer|additional|\d[\d,]*|thousands|hundreds|"
                              r"millions|tens\s+of\s+thousands)\s+(?:of\s+)?(?:[\w-]+\s+){0,3}?(?:refugees|students|immigrants|"
                              r"migrants|Syrians|patients|applicants|people|women|members|Muslims)\b)|"
                              r"(?<=[Pp]olice\s)reports\b|"  # "four police reports she filed": documents ("police say" speaks)
                              r"(?i:cited|quoted|mentioned)\s+in\s+(?:the|a|an|his|her|their|its|[A-Z])")  # "The Crime Statistics
# Bureau cited in Trump's tweet does not exist": a participle, where something was cited, not someone citing it
# "maintain" says something only with a clause after it ("has long maintained they were not marked", "maintained
# that …"); with a noun phrase it keeps ("Clinton maintains a commanding lock", "maintained an energetic pace")
_CLAUSE_AFTER_RE = re.compile(r"[a-z]*\s*(?:[,:—–-]|(?:that|he|she|they|it|we|I|there|this|these)\b)")
_BYLINE_CUE_RE = re.compile(r"(?:reporting|writing)\s+(?:for|from)\s")


def _past_closers(text: str, a: int, b: int) -> int:
    """``a`` moved past closing quotation marks, commas and spaces that cannot open a content span."""
    while a < b and text[a] in "”,; \t\n\xa0":
        a += 1
    return a


class _Sentence:
    """One sentence under analysis: its quotes, its text with the quotes blanked, its cues, and what was found."""

    def __init__(self, text: str, s0: int, s1: int, quotes: list[tuple[int, int, int]],
                 prev_speaker: tuple[int, int] | None = None, words: set[str] | None = None):
        self.text, self.s0, self.s1, self.quotes = text, s0, s1, quotes
        self.prev_speaker = prev_speaker  # the speaker of an attribution earlier in the same sentence
        self.outer = [(o, c) for o, c, d in quotes if d == 0 and o < s1 and c > s0]
        self.masked = _mask(text, s0, s1, [(o, c, 0) for o, c in self.outer])
        self.low = self.masked.lower()
        self.words = words if words is not None else set(_WORD_RE.findall(self.low))  # a superset will do
        self.cues = [(a + s0, b + s0) for a, b in find_cues(self.masked, self.words)
                     if (self.masked[a:b].lower().startswith("according") or _is_verbal(self.masked, a))
                     and not _BYLINE_CUE_RE.match(self.masked, a) and not _NO_SPEECH_CUE_RE.match(self.masked, a)
                     and not (self.masked[a : a + 8].lower() == "maintain" and not _CLAUSE_AFTER_RE.match(self.masked, b))]
        self.quoted_chars = sum(min(c, s1) - max(o, s0) for o, c in self.outer)
        self.sent_len = max(1, len(text[s0:s1].strip()))
        self.quote_spans = [sp for sp in (_content(text, o, c) for o, c in self.outer) if sp[1] > sp[0]]
        self.out: list[Attribution] = []

    def rel(self, i: int) -> int:
        return i - self.s0

    def add(self, rule: str, kind: str, spans, cue=None, speaker=None) -> None:
        """Record one attribution made by ``rule`` (and the partial quotes inside a mixed one)."""
        text, outer, s0, s1, out = self.text, self.outer, self.s0, self.s1, self.out
        spans = [(_past_closers(text, a, b), b) for a, b in spans]  # not '” referring to …' after a quotation's end
        spans = [(a, b) for a, b in spans if b > a]  # a quote is never empty or inverted
        if not spans:
            return
        lemma, stance = _cue_info(text[cue[0] : cue[1]]) if cue else ("", "")
        if kind in ("mixed", "indirect") and len(spans) == 1:
            # a quotation after a colon at the end of the content is a separate quote ("…: ‘How the turn tables’")
            for o, c in outer:
                colon = text.rfind(":", spans[0][0], o)
                if colon > spans[0][0] and not text[colon + 1 : o].strip() and c >= spans[0][1]:
                    spans = [_clean_end(text, spans[0][0], colon)]
                    kind = "indirect"
                    a, b = _content(text, o, c)
                    out.append(Attribution("direct", [(a, b)], sentence=(s0, s1), rule=rule))
        if kind == "mixed" and len(spans) == 1:
            a0, b0 = spans[0]
            inside = [(o, c) for o, c in outer if a0 - 1 <= o and c <= b0 + 2]
            if inside and inside[0][0] <= a0 + 1:
                # content opens with a quotation: "added, “Q”" / "“Q” and vowing to …": the quote alone
                o, c = inside[0]
                after = text[c:b0].strip()
                if not after or (_AFTER_QUOTE_RE.match(after) and len(inside) == 1 and not _AND_THAT_RE.match(after)
                                 and not (cue is not None and cue[0] >= b0)):
                    # (but content before its cue is all content: '“Q,” and donations began to pick up, Gilbert said')
                    spans, kind = [_content(text, o, c)], "direct"  # not '“A” and “B”': both are the content
        speaker = _issuer(self, speaker) if speaker is not None and s0 <= speaker[0] < s1 else speaker
        if speaker is not None and cue is not None and speaker[1] <= cue[0] and _PASSIVE_GAP_RE.fullmatch(text, speaker[1], cue[0]) \
                and _PARTICIPLE_FORM_RE.fullmatch(text, cue[0], cue[1]) and not _RAISING_RE.match(text, cue[1]):
            speaker = None  # "It was revealed that …", "I was told that …": the subject heard it, someone unnamed said it
        elif speaker is not None and cue is not None and speaker[1] <= cue[0] and _ACCUSED_OF_RE.fullmatch(text, cue[0], cue[1] + 4) \
                and not _RELATIVE_OBJECT_BEFORE_RE.search(text, max(s0, speaker[0] - 12), speaker[0]) \
                and text[speaker[0] : speaker[1]].lower() not in PRONOUNS \
                and not _PERFECT_BEFORE_RE.search(text, max(s0, cue[0] - 30), cue[0]):
            speaker = None  # "FDIC Accused Of Covering Up …": accused with no one accused after it is passive (not
            # "Republicans, whom he accused of preying …", "the senator she has accused of …": the one accused comes first)
        out.append(Attribution(kind, spans, cue, lemma, stance, speaker, (s0, s1), rule=rule))
        if kind == "mixed":  # each quoted fragment of reported speech is also a partial quote of the speaker
            for o, c in outer:
                a, b = _content(text, o, c)
                if any(x <= a and b <= y + 1 for x, y in spans) and b > a:
                    out.append(Attribution("partial", [(a, b)], cue, lemma, stance, speaker, (s0, s1), rule=rule))


# --- Sentence rules, tried in the order of SENTENCE_RULES; the first that returns True ends the sentence.


# A main clause after the content: a comma, its own subject and a verb of one or two words ("…, it declined")
# The subject opening a clause of its own: a subject pronoun, or one to three capitalised words ("Mr. Hurt")
_OWN_SUBJECT_PATTERN = r"(?:he|she|it|they|we|I)\b|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2}"
_OWN_CLAUSE_RE = re.compile(rf"\s*,\s+({_OWN_SUBJECT_PATTERN})\s+[a-z]+(?:\s+[a-z]+)?\s*$")


def participle_continues_cue(s: _Sentence) -> bool:
    """A participle after a cue's clause speaks for that cue's speaker.

    "The tax would hurt families, Smith noted, calling for “a fair deal”": two attributions of Smith.
    """
    text, masked, outer = s.text, s.masked, s.outer
    for k, (cs, ce) in enumerate(s.cues):
        if k and text[cs:ce].lower().split()[0].endswith("ing") and masked[: s.rel(cs)].rstrip().endswith(",") \
                and not text[cs:ce].lower().startswith("according"):  # "…, according to X" is according_to's
            comma = s.s0 + len(masked[: s.rel(cs)].rstrip()) - 1
            first = _analyse_one(text, s.s0, comma, s.quotes)
            spk = next((a.speaker for a in first if a.speaker), None)
            ends = [a.spans[-1][1] for a in first if a.spans]
            own = _OWN_CLAUSE_RE.match(masked, s.rel(max(ends)), s.rel(comma)) if spk is not None and ends else None
            if own:  # "But when Mr. Hurt asked Norton to republish the book, it declined, citing legal risks": it cited
                spk = (s.s0 + own.start(1), s.s0 + own.end(1))
            last = k == len(s.cues) - 1  # not '…, calling Trump “a buffoon,” Susan said': that frame is the sentence's
            if spk is None and (_cue_info(text[cs:ce])[0] in REPORTING_LEMMAS or (last and any(o >= ce for o, _ in outer))):
                # "She went on to attack Trump, saying …", "Bush attacked Trump, calling him a “loser.”": the clause
                # before reports nothing, its subject speaks
                subject = _sentence_subject(masked[: s.rel(comma)], s.s0)
                spk = subject
            if spk is not None:
                s.out.extend(first)
                rest = [sp for sp in (_content(text, o, c) for o, c in outer if o >= ce) if sp[1] > sp[0]]
                first_open = min((o for o, _ in outer if o >= ce), default=None)
                if rest and not _WORD_CHAR_RE.search(masked[s.rel(ce) : s.rel(first_open)]):
                    s.add("participle_continues_cue", "direct", rest, (cs, ce), spk)
                else:
                    span = _reported_content(text, ce, s.s1, _cue_info(text[cs:ce])[0])
                    if span[1] - span[0] >= 8:
                        s.add("participle_continues_cue", _span_kind(span, outer), [span], (cs, ce), spk)
                return True
    return False


_MAX_WORDS_BEFORE_DIRECT = 4


def _lead_before_quotes(s: _Sentence, close: int) -> str:
    """The text outside quotation marks between the sentence start (or a dash, colon or semicolon) and the quote
    run ending at ``close``."""
    opens = [o for o, c in s.outer if c <= close]
    # the run of quotes before the frame: walk back while only punctuation separates them
    start = max(opens) if opens else s.s0
    for o, c in sorted(s.outer, reverse=True):
        if c <= start and not _WORD_CHAR_RE.search(s.masked[s.rel(c) : s.rel(start)]):
            start = o
    before = s.masked[: s.rel(start)]
    brk = max(before.rfind(" — "), before.rfind(" – "), before.rfind(" -- "), before.rfind(": "), before.rfind("; "))
    return before[brk + 1 :]  # '… but Moscow denies — “Q?” asked Dunn': the dash separates


def _lead_start(text: str, lead: str, quote_open: int) -> int:
    """Where the words before a quotation (``lead``, from :func:`_lead_before_quotes`) start in ``text``: past spaces,
    commas and dashes, but with a quoted title in them kept ("“Glitters” was to be a “cautionary tale”")."""
    a = quote_open - len(lead)
    return a + len(text[a:quote_open]) - len(text[a:quote_open].lstrip(" ,—–-"))


def _words_before_quotes(s: _Sentence, close: int) -> int:
    """Words outside quotation marks between the sentence start and the quote run ending at ``close``."""
    return len(_WORDS_RE.findall(_lead_before_quotes(s, close)))


# A finite auxiliary or modal in the few words before a quotation: they open a clause that the quotation completes
# ("This is a “raw time,” said Axelrod", "Comey cannot say that “from his perspective,” Lewandowski added")
_FINITE = r"(?:is|was|are|were|has|had|have|will|would|could|can|should|must|may|might|does|did)"  # finite verbs
_FINITE_AUX_RE = re.compile(rf"(?<![\w'’-])(?:{_FINITE}|am|cannot|shall|do)(?![\w'’-])|[\w’'-]n[’']t\b", re.IGNORECASE)


# "that" opening the reported clause, perhaps after the person told ("told the President that if …, “Q”")
_THAT_OPENS_RE = re.compile(r"\s*(?:(?!(?:of|about|on|with|for|at|in|to|by|from)\s)[\w'’.-]+\s+){0,5}?that\s+\S")
# A subordinate clause with a verb between cue and quotation: the content's own, so the quotation is reported
_CLAUSE_BRIDGE_RE = re.compile(r"\s*(?:because|although|though|unless|whereas|even\s+if|even\s+though|if|when|since|while|"
                               r"once|as)\s+(?:[\w'’.-]+\s+){0,6}?(?:is|was|are|were|has|have|had|will|would|can|could|"
                               r"did|does|do|[a-z]{3,}ed)\b")
_LEAD_TAIL_RE = re.compile(r"[\s,;:—–-]*(?:\b(?:which|who|whom|whose|that|what|as|and|but|where|when)\s*)?$")


# After a frame that follows its quotation, a comma and at least four more words to the sentence's end that go on with
# the statement: a verb ("would use …") or a subject and a finite verb ("Lazar is actually …")
_RESUMED_CONTENT_RE = re.compile(rf"\s*,\s+((?:{_FINITE}|(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[Ww]e|[Tt]here|[A-Z][\w’'-]*)\s+{_FINITE}|"
                                 rf"(?:[Ii]t|[Tt]here|[Tt]hat)[’']s)\s(?:\s*[^\s]+){{3,}}\s*$)")


def quote_beside_frame(s: _Sentence) -> bool:
    """A quotation next to a frame of only cue and speaker.

    "“We will appeal,” said Tory Green." / "“We will appeal,” Green said." / "Green said: “We will appeal.”"
    Quotes chained to it by punctuation alone are its too; a later quote in the sentence gets its own analysis.
    A few words with a finite verb before the quotation make a clause it completes: "This is a “raw time,” said
    Axelrod" is reported speech with a quotation (mixed), the clause included; so is a statement that goes on after
    its frame ("“Only you, Dinesh,” she said, would use the occasion …": two spans).
    """
    text, masked, outer, s0, s1 = s.text, s.masked, s.outer, s.s0, s.s1
    rel = s.rel
    for cs, ce in s.cues:
        if not outer:
            break
        if text[cs:ce].lower().startswith("according"):
            continue
        prev_close = max((c for _, c in outer if c <= cs), default=None)
        next_open = min((o for o, _ in outer if o >= ce), default=None)
        spk = None
        bridge_end = None  # where a frame before its quotation ends: "adding on climate change, “Q”"
        participle = False
        if prev_close is not None and _words_before_quotes(s, prev_close) > _MAX_WORDS_BEFORE_DIRECT:
            prev_close = None  # "Given his success, his words carry “weight,” X said": reported speech, mixed
        if prev_close is not None:
            gap = masked[rel(prev_close) : rel(cs)]
            if not gap.strip(" ,—–-"):  # "Q," said X
                spk = _speaker_after(masked, s0, ce)
            elif (_QUOTE_CLOSE_PUNCT_RE.search(text[max(s0, prev_close - 4) : prev_close])
                  or gap.lstrip().startswith(",") or _SPEAKER_START_RE.match(gap.strip())):
                # "Q," X said  (X: the whole stretch between quote and cue, if it reads as a name)
                stretch = gap.strip(" ,—–-")
                control = _CONTROL_TO_RE.search(stretch) if stretch.endswith("to") else None
                if control:  # "“Q.” She went on to say": she
                    stretch = stretch[: control.start()].rstrip()
                if len(stretch.split()) > 9 and "," in stretch:  # "Harry Bond, 30, of Raleigh, N.C., who …, said"
                    stretch = stretch.split(",", 1)[0]
                words = stretch.split()
                while words and words[-1].lower() in _AUX_WORDS:
                    words = words[:-1]
                limit = 14 if words and words[0][:1].isupper() else 9
                if words and (words[0].lower() in ("and", "but", "or", "then") or words[0].lower() in _SUBORDINATORS
                              or words[0].lower() in _PREPOSITIONS or words[0].lower() in _WH_WORDS):
                    words = []  # "“…,” and said …", "“…,” before optimistically predicting", "“…” Why not just say":
                    # no speaker there
                pron = re.search(r"(?<![\w'’])(?:he|she|they|we|I)\s*$", gap.rstrip(" ,—–-")) if len(words) > 1 else None
                if pron:  # "“…,” a while back when she said" / "After all, he says": the pronoun is the speaker
                    a = s0 + rel(prev_close) + pron.start()
                    spk = (a, a + len(pron.group(0).rstrip()))
                elif words and len(words) <= limit and not _STRETCH_BREAK_RE.search(stretch):
                    a = s0 + rel(prev_close) + gap.index(words[0])
                    spk = (a, a + len(" ".join(words))) if text[a : a + len(" ".join(words))] == " ".join(words) else None
        if spk is None and next_open is not None:  # X said: "Q"  /  X said, "Q"
            bridge = masked[rel(ce) : rel(next_open)]
            m = _ADVERBIAL_RE.match(bridge)
            rest = bridge[m.end():] if m else bridge
            close = next(c for o, c in outer if o == next_open)
            runs_to_end = not masked[rel(close) :].strip(" .,;!?”’\"'")
            colon_lead = _COLON_LEAD_RE.fullmatch(bridge) is not None and len(bridge.split()) <= 8 \
                and not _THAT_OPENS_RE.match(rest) and not _CLAUSE_BRIDGE_RE.match(rest)
            # "said that if he wants our guns, “Q”", "said because Obama is popular, “Q”": reported, with a quote
            later_cue = any(ce <= c0 < next_open for c0, _ in s.cues)  # "assert his plans by saying, “Q”": saying's
            participle = _is_participle(s, cs, ce, after_quote=False)
            if runs_to_end and not later_cue and (colon_lead or _BARE_BRIDGE_RE.fullmatch(rest)):
                cand = _speaker_before(masked, s0, cs) if not participle else _sentence_subject(masked, s0)
                if participle and cand is not None and cand[1] > cs:
                    cand = None  # "Trump went on the attack, saying, “Q”": the sentence's subject, not "the attack"
                if cand is None and _COORD_PREDICATE_RE.search(masked, max(0, rel(cs) - 60), rel(cs)):
                    cand = _sentence_subject(masked, s0)  # "He furrowed his brow and said, “Q”": the subject's
                    cand = cand if cand is not None and cand[1] < cs - 5 else None
                if cand is None and not masked[: rel(cs)].strip():  # Said Comey, “…”
                    cand = _speaker_after(masked, s0, ce)
                    if cand and not text[cand[0]].isupper():
                        cand = None
                if cand and (prev_close is None or cand[0] >= prev_close):
                    spk = cand
                    bridge_end = next_open
        if spk is not None:
            frame_end = max(ce, spk[1], bridge_end or 0)
            frame_start = cs if participle and bridge_end is not None else min(cs, spk[0])  # the subject is far back
            mine, rest_start, prev_c = [], None, 0
            # '“Q?” He answered, “A.”': a question before a frame whose own quotation follows it is someone else's
            follows = any(o >= frame_end and not _WORD_CHAR_RE.search(masked[rel(frame_end) : rel(o)]) for o, _c in outer)
            for o, c in outer:
                question = follows and text[max(o, c - 3) : c].rstrip("”’\"' ").endswith("?")
                before_frame = c <= frame_start and not _WORD_CHAR_RE.search(masked[rel(c) : rel(frame_start)]) \
                    and not question and (bridge_end is None or not any(c0 < o for c0, _ in s.cues)
                                          or _words_before_quotes(s, c) <= _MAX_WORDS_BEFORE_DIRECT)
                # (not '“After Scalia said that … “less advanced schools,” Trump said: “Q”': reported, and Scalia's)
                if question and c <= frame_start and _content(text, o, c)[1] > _content(text, o, c)[0]:
                    s.out.append(Attribution("mention", [_content(text, o, c)], sentence=(s0, s1), rule="quoted_mention"))
                after_frame = o >= frame_end and not _WORD_CHAR_RE.search(masked[rel(frame_end) : rel(o)])
                chained = mine and o >= frame_end and not _WORD_CHAR_RE.search(masked[rel(prev_c) : rel(o)])
                if c <= frame_start and _TITLE_BEFORE_RE.search(text, max(s0, o - 60), o):
                    continue  # 'Friday on CNN’s “New Day,” Sen. Gillibrand … told …': a programme's title, no one's words
                if before_frame or after_frame or chained or (c <= frame_start and len(outer) == 1):
                    mine.append((o, c))
                    prev_c = c
                elif o >= frame_end and rest_start is None:
                    rest_start = frame_end
            spans = [sp for sp in (_content(text, o, c) for o, c in mine) if sp[1] > sp[0]]
            if not spans:
                continue  # no quotation sits against this frame: it is not the frame of any of them
            kind = "direct"
            lead = _lead_before_quotes(s, mine[0][1]) if mine[0][1] <= frame_start else ""
            if _FINITE_AUX_RE.search(lead) and len(_WORDS_RE.findall(lead)) <= _MAX_WORDS_BEFORE_DIRECT \
                    and not any(c0 < mine[0][0] for c0, _ in s.cues):
                # "This is a “raw time,” said Axelrod": the few words before the quotation open a clause that it
                # completes, so they are the content too (reported speech with a quotation: mixed)
                a = _lead_start(text, lead, mine[0][0])
                b = max(c for _o, c in mine if c <= frame_start)  # (the closing mark too, as in every mixed content)
                spans = [(a, b), *[sp for sp in (_content(text, o, c) for o, c in mine if c > frame_start) if sp[1] > sp[0]]]
                kind = "mixed"
            tail = _RESUMED_CONTENT_RE.match(masked, rel(frame_end)) if all(c <= frame_start for _o, c in mine) \
                and spk[1] <= cs and not any(o >= frame_end for o, _c in outer) else None  # ("said X, director of …":
            # after a speaker that follows the cue, the words are an appositive)
            if tail is not None:
                # "“Only you, Dinesh,” she said, would use the occasion …": the frame sits inside the statement, whose
                # words go on after it (reported speech with a quotation: mixed, two spans)
                first = (_lead_start(text, lead, mine[0][0]), max(c for _o, c in mine))  # the words before the
                # quotation belong to the statement too ("Despite his")
                spans, kind = [first, _clean_end(text, s0 + tail.start(1), s1)], "mixed"
            by_saying = participle and masked[: rel(cs)].rstrip().endswith(" by")  # "assert X by saying": one act
            if mine and all(o >= frame_end for o, _ in mine) and any(c0 < frame_start for c0, _ in s.cues) \
                    and not by_saying:
                # "DeSantis said he backs a bill that would curb them, which he called “a cartel.”": the clause
                # before the frame has a cue of its own
                lead_end = s0 + _LEAD_TAIL_RE.search(text[s0:frame_start]).start()  # without ", which"
                s.out.extend(a for a in _analyse_one(text, s0, lead_end, s.quotes) if a.speaker is not None)
            s.add("quote_beside_frame", kind, spans, (cs, ce), spk)
            if rest_start is not None:
                s.out.extend(_analyse_one(text, rest_start, s1, s.quotes, spk))  # "…, before insisting …": his
            elif frame_end == ce and all(c <= frame_start for _o, c in mine) and _OWN_THAT_CLAUSE_RE.match(text, ce, s1):
                # "Citing “obligations in Tennessee,” the spokeswoman told POLITICO that Gore plans to skip …": the cue
                # reports a clause of its own after the quotation's frame
                lemma = _cue_info(text[cs:ce])[0]
                a, b = _reported_content(text, ce, s1, lemma)
                if b - a >= 8:
                    s.add("quote_beside_frame", "indirect", [(a, b)], (cs, ce), spk)
            return True
    return False


# "on CNN’s", "in The Times'": before a quotation, the programme or paper it names
_TITLE_BEFORE_RE = re.compile(r"(?<![\w’'])(?:on|in)\s+(?:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})['’]s?\s*$")
# After a frame's cue: an object of at most five words, then "that" and a clause ("told POLITICO that Gore plans …");
# not after "a"/"an", whose "that" opens a relative clause ("told a crowd that the campaign estimated at 3,000")
_OWN_THAT_CLAUSE_RE = re.compile(r"(?!\s+(?:a|an)\s)(?:\s+(?!(?:that|and|but|or)\b)[\w’'.]+){0,5}?\s+that\s+"
                                 r"(?:he|she|it|they|we|I|there|the|a|an|his|her|its|their|this|[A-Z][\w’'.-]*)\s+"
                                 r"(?:[\w’'.-]+\s+){0,5}?(?:is|are|was|were|has|have|had|will|would|could|can|should|must|"
                                 r"may|might|[a-z]+s|[a-z]+ed)\b")


def according_to(s: _Sentence) -> bool:
    """"According to X" before or after the content.

    "The plan failed, according to two officials." / "According to the report, the plan failed."
    """
    return _source_frame(s, _ACCORDING_RE, "according_to", ("according",))


def _source_frame(s: _Sentence, rx: re.Pattern, rule: str, needles: tuple[str, ...]) -> bool:
    """A frame that names its source after it ("according to X", "as reported by X") and the content around it.

    The cue is ``rx``'s group 1 ("according to"; the verb of "as reported by"); every match contains one of the
    lower-case ``needles``, checked first because most sentences have none.
    """
    if not any(n in s.low for n in needles):
        return False
    m = rx.search(s.masked)
    if not m:
        return False
    spk = _speaker_after(s.masked, s.s0, m.end() + s.s0, max_words=16)
    if not spk:
        return False
    when = _TRAILING_TIME_RE.search(s.text, spk[0], spk[1])  # "according to a poll last week"
    if when:
        spk = (spk[0], when.start())
    span, spans = _around_frame(s, m.start() + s.s0, spk)
    cue = (m.start(1) + s.s0, m.end(1) + s.s0)
    s.add(rule, _span_kind(span, s.outer), spans, cue, spk)
    return True


def _around_frame(s: _Sentence, frame_start: int, spk: tuple[int, int]) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """(main span, spans) of what a source frame ("according to X", "as reported by X") reports: the content
    before it ("CONTENT, according to X") when long enough, else after it ("According to X, CONTENT"); a
    sentence cut in two by the frame ("A, according to X, B") carries both halves."""
    text, s0, s1 = s.text, s.s0, s.s1
    before = _clean_end(text, s0, frame_start)
    after = _clean_end(text, spk[1] + 1, s1)
    long_before = len(text[before[0] : before[1]].strip(" ,")) > 15
    has_after = _WORD_CHAR_RE.search(text[after[0] : after[1]]) is not None
    span = before if long_before or not has_after else after
    if text[before[1] : frame_start].strip() == "," and text[spk[1] : spk[1] + 1] == "," and has_after \
            and before[1] > before[0] and not re.match(r"\s*(?:and|but|while|though|although)\b", text[spk[1] + 1 : s1]):
        return span, [before, after]
    return span, [span]


_AS_REPORTED_RE = re.compile(r"(?i)(?<![\w])as\s+(?:first\s+|previously\s+|originally\s+|also\s+)?"
                             r"(reported|noted|stated|written|revealed|detailed|described|told)\s+(?:by|to|in)\s+")


_PASSIVE_BY_RE = re.compile(r"(?i)(?<![\w])(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
                            r"(?:first\s+|previously\s+|originally\s+|also\s+|initially\s+)?"
                            r"(reported|revealed|disclosed|announced|confirmed)\s+by\s+")


def passive_by(s: _Sentence) -> bool:
    """A passive report names its source after "by": the subject before it is the content.

    "Tinder's ban of the user was first reported by BuzzFeed."
    """
    return _source_frame(s, _PASSIVE_BY_RE, "passive_by", ("reported", "revealed", "disclosed", "announced", "confirmed"))


# A passive verb of saying: "was asked", "has been criticized", "is accused"; the adverb before it is optional.
_PASSIVE_CUE_RE = re.compile(r"(?<![\w'’])(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+"
                             r"(?:(?:also|even|already|again|often|repeatedly|widely|publicly|[a-z]+ly)\s+)?"
                             rf"({'|'.join(_PASSIVE_SAYING)})\b(?!\s+to\s+leave)")
_BY_AGENT_RE = re.compile(r"\s+by\s+((?:[\w'’.&-]+\s+){0,6}?[\w'’.&-]+?)(?=,|\s+(?:for|to|as|about|whether|if|over|at|in|on)\s|\s+of\s+(?!(?:his|her|their|its|the|them|us)\b)|\s*$)")


def passive_cue(s: _Sentence) -> bool:
    """A passive verb of saying reports what was said of or to its subject; its speaker is the agent after "by",
    if any. The subject and the complement after the verb are the content's two spans.

    "Mr. Sanders has been criticized by rivals for offering vague answers."
    """
    if s.words.isdisjoint(_PASSIVE_SAYING):
        return False  # no passive verb of saying at all (most sentences): decided without a scan
    m = _PASSIVE_CUE_RE.search(s.masked)
    if m is None or _NEGATED_RE.search(s.masked, max(0, m.start() - 40), m.start()):
        return False
    cs, ce = s.s0 + m.start(1), s.s0 + m.end(1)
    subject = _speaker_before(s.masked, s.s0, s.s0 + m.start())
    if subject is None:
        return False
    speaker = None
    by = _BY_AGENT_RE.match(s.masked, m.end())
    after = ce
    if by:
        speaker = (s.s0 + by.start(1), s.s0 + by.end(1))
        after = s.s0 + by.end()
    if s.text[cs:ce].lower() in _NAMING_PASSIVES and not _COMPLEMENT_RE.match(s.masked, after - s.s0):
        return False  # "Farook's name was announced on a police scanner": no complement, nothing said of the subject
    content = _reported_content(s.text, after, s.s1, _cue_info(s.text[cs:ce])[0])
    if content[1] - content[0] < 8:
        return False
    s.add("passive_cue", _span_kind(content, s.outer), [subject, content], (cs, ce), speaker)
    return True


_REPORTEDLY_RE = re.compile(r"(?<![\w'’-])([Rr]eportedly)(?![\w'’-]),?")


def reportedly(s: _Sentence) -> bool:
    """"Reportedly" marks its clause as reported by sources the article does not name: the subject before it and the
    predicate after it, to its first comma, are the content, with no speaker.

    "The FBI is reportedly making arrangements to interview the mayor."
    """
    if "reportedly" not in s.words:
        return False
    m = _REPORTEDLY_RE.search(s.masked)
    if m is None:
        return False
    cs, ce = s.s0 + m.start(1), s.s0 + m.end(1)
    content = _reported_content(s.text, s.s0 + m.end(), s.s1, "")
    comma = s.masked.find(", ", content[0] - s.s0, content[1] - s.s0)
    if comma > 0:  # "… to interview Clinton, as it nears the end of …": the clause ends at its comma
        content = _clean_end(s.text, content[0], s.s0 + comma)
    if content[1] - content[0] < 8:
        return False
    spans = [content]
    if s.masked[: m.start()].strip():
        subject = _speaker_before(s.masked, s.s0, cs)
        if subject is None:
            return False
        spans.insert(0, _clean_end(s.text, subject[0], cs))
    s.add("reportedly", _span_kind(content, s.outer), spans, (cs, ce), None)
    return True


def as_reported_by(s: _Sentence) -> bool:
    """"As reported by X" before or after the content, read like "according to".

    "As reported by the Times, the talks collapsed." / "The talks collapsed, as first reported by the Times."
    """
    return _source_frame(s, _AS_REPORTED_RE, "as_reported_by",
                         ("reported", "noted", "stated", "written", "revealed", "detailed", "described", "told"))


# --- Reported speech: for each cue in turn, the first of CUE_RULES that fires ends the sentence.


_ADVERB_AFTER_COMMA_RE = re.compile(r",\s+(?:[a-z]+ly|also|again|then|later|instead|even|still|meanwhile|"
                                    r"at\s+(?:one|some|another|that|this|one\s+other)\s+point|at\s+times|in\s+turn|"
                                    r"at\s+the\s+same\s+time|in\s+the\s+process)$")  # "…, forcefully denouncing", ", also calling on", ", at one point calling"
_PARTICIPLE_LEADS = ("by", "after", "while", "before", "when", "since", "in", "upon")  # "by saying", "upon saying"
_PARTICIPLE_PREPOSITIONS = {*_PARTICIPLE_LEADS, "without"}  # ending an opening adverbial: "One month after"
_PARTICIPLE_LEAD_RE = re.compile(rf"(?:^\s*|\S\s+)(?:{'|'.join(_PARTICIPLE_LEADS)})(?:\s+(?:also|first|repeatedly|[a-z]+ly))?$")


_FINITE_VERB_RE = re.compile(r"(?<![\w'’-])(?:[a-z]{3,}ed|went|said|told|wrote|made|took|gave|came|was|were|is|are|has|had|"
                             r"thought|spoke|met|sat|stood|held|kept|felt|knew|saw|got|began|became|brought|sent|spent|"
                             r"won|lost|heard|found|paid|sold|struck|drew|threw|grew|fell|rose|broke|chose|drove)"
                             r"(?![\w'’-])")


_DOCUMENT_SUBJECT_RE = re.compile(r"(?:(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+){0,2}|(?=\w+s$))"
                                  r"(?:statement|letter|tweet|memo|release|video|ad|email|e-mail|post|message|op-ed|report|"
                                  r"announcement|response|article|commercial|spot|petition)s?")
_ISSUED_RE = re.compile(r"(?<![\w'’])(?:issued|released|posted|sent|sent\s+out|published|put\s+out|tweeted|wrote|penned|"
                        r"emailed|fired\s+back|aired|ran|unveiled|launched|circulated|issues|releases|posts|sends|"
                        r"publishes)\s+(?:(?:a|an|the)\s+)?$")


def _sentence_start_of(s: _Sentence, pos: int) -> int:
    """The start of the clause holding ``pos``: after the last ; or : before it, else the sentence start."""
    cut = max(s.masked.rfind(";", 0, s.rel(pos)), s.masked.rfind(":", 0, s.rel(pos)))
    return s.s0 + cut + 1 if cut >= 0 else s.s0


_HAVING_LEAD_RE = re.compile(r"(?:^|[,;—–]\s*|\b(?:And|But)\s+)[Hh]aving(?:\s+[a-z]+ly)?$")


# Before a participle that opens its sentence: nothing, or a conjunction and a preposition ("And in explaining why …")
_OPENING_PARTICIPLE_LEAD_RE = re.compile(r"\s*(?:(?:And|But|Yet|So)\s+)?(?:(?:[Ii]n|[Bb]y|[Aa]fter|[Ww]hile|[Bb]efore|[Ww]hen|"
                                         r"[Uu]pon|[Ww]ithout|[Ii]nstead\s+of)\s+)?")


_SENTENCE_BREAK_BEFORE_RE = re.compile(r"(?:[.!?:][”’\"')]*|\n)[ \t]*$")


def _opens_sentence(s: _Sentence, cs: int) -> bool:
    """Whether an -ing cue opens its sentence, after at most a conjunction and a preposition: "Noting that …, Tester
    added", "And in explaining why …, Clinton described". (Not a clause read on its own after a comma: "…, adding".)"""
    return _OPENING_PARTICIPLE_LEAD_RE.fullmatch(s.masked, 0, s.rel(cs)) is not None \
        and (s.s0 == 0 or _SENTENCE_BREAK_BEFORE_RE.search(s.text, max(0, s.s0 - 8), s.s0) is not None)


def _is_participle(s: _Sentence, cs: int, ce: int, after_quote: bool = True) -> bool:
    """Whether the cue at cs:ce is an -ing participle of a clause ("…, saying", "by saying", "Noting that …, X
    added"), not a verb with a subject before it. ``after_quote``: a comma inside a closing mark counts too ('… of
    “New York values,” saying'); a quote frame leaves it out, since there '“A,” adding, “B”' is the frame of the
    quotation before it."""
    lead = s.masked[: s.rel(cs)].rstrip()
    if not s.text[cs:ce].split()[0].lower().endswith("ing"):  # "pointing to", "calling for": the first word
        return lead.endswith("aving") and _HAVING_LEAD_RE.search(lead, max(0, len(lead) - 40)) is not None
        # ("Having announced that …, Judge Berman …": a perfect participle)
    tail = max(0, len(lead) - _LEAD_TAIL)  # the patterns end at the lead's end: look only at its tail (linear cost)
    return lead.endswith(",") or _PARTICIPLE_LEAD_RE.search(lead, tail) is not None or _opens_sentence(s, cs) \
        or _ADVERB_AFTER_COMMA_RE.search(lead, tail) \
        or (after_quote and _COMMA_END_RE.search(s.text[max(s.s0, cs - _LEAD_TAIL) : cs].rstrip()) is not None)


def _issuer(s: _Sentence, speaker: tuple[int, int] | None) -> tuple[int, int] | None:
    """A document as speaker ("a statement") issued by someone just before: the issuer, who speaks through it.

    "She issued a statement calling on …", "Mr. Trump, who …, issued a statement Tuesday saying, “…”": she, Mr. Trump.
    """
    if speaker is None or not _DOCUMENT_SUBJECT_RE.fullmatch(s.text, *speaker):
        return speaker
    issued = _ISSUED_RE.search(s.masked, max(0, s.rel(speaker[0]) - 40), s.rel(speaker[0]))
    return (_speaker_before(s.masked, s.s0, s.s0 + issued.start()) or speaker) if issued else speaker


# How far back from a cue the patterns anchored at the end of its lead look ("… and said", ", who said"): a bounded
# tail, so a sentence of many cues costs linear time, not the square of its length (a lead searched whole for each cue)
_LEAD_TAIL = 200


_INVERTED_SPEAKER_END_RE = re.compile(r"\s*(?:[,.;!?]|\(|$)")


def _is_bare_noun_phrase(phrase: str) -> bool:
    """A short phrase with no verb-like word and no subject pronoun: "former governor Ed Rendell", not "Libya is the
    biggest trouble spot" or "he was confident"."""
    words = [w.lower() for w in phrase.split()]
    return 0 < len(words) <= 8 and words[0] not in _PRONOUN_SUBJECTS and _VERBISH.isdisjoint(words) \
        and any(w[:1].isupper() for w in phrase.split())


class _Cue:
    """One cue of a sentence, with what the cue rules ask of it."""

    def __init__(self, s: _Sentence, cs: int, ce: int):
        self.cs, self.ce = cs, ce
        self.lemma = _cue_info(s.text[cs:ce])[0]
        self.lead = s.masked[: s.rel(cs)].rstrip()
        self.tail = max(0, len(self.lead) - _LEAD_TAIL)  # where patterns anchored at the lead's end start looking
        self.participle = _is_participle(s, cs, ce)

        self.subject = None if self.participle else _speaker_before(s.masked, s.s0, cs)
        self.subject = _issuer(s, self.subject)
        if self.subject is not None and self.lead.endswith(("—", "–", " -", "--")) \
                and any(c0 < self.subject[1] for c0, _ in s.cues):
            # "Sanders said closed primaries — which … — deny …": after an aside, a cue inside an earlier cue's content
            self.subject = None
        if self.subject is not None and self.lead.endswith(",") and self.lemma in _INVERTING_LEMMAS \
                and len(s.masked[: s.rel(self.subject[0])].split()) >= 3 \
                and (after := _speaker_after(s.masked, s.s0, ce)) is not None \
                and _INVERTED_SPEAKER_END_RE.match(s.masked, s.rel(after[1])) \
                and _is_bare_noun_phrase(s.text[after[0] : after[1]]):
            # "The group is $10 million short, said former governor Ed Rendell, who …": a speaker after the cue that
            # ends the sentence or meets a comma, so the words before the cue's comma are the content (in "X, a
            # spokesman, said the deal was off" the phrase after the cue has a verb of its own)
            self.subject = None
        if self.subject is not None and _COORD_PREDICATE_RE.search(self.lead, self.tail) and (
                s.prev_speaker is not None  # the rest of a sentence whose speaker is known: "…, favors X and has promised"
                or _FINITE_VERB_RE.search(s.masked, s.rel(_sentence_start_of(s, self.subject[0])), s.rel(self.subject[0]))):
            # "Trump went after Clinton for refusing to use the term as well and called for …": the clause before
            # "and" already has its verb, so "called" is its subject's second verb, not "the term as well"'s
            self.subject = None


_CLEFT_RE = re.compile(r"\s*(?:was|is|[’']s)\s+(?:(?:at|in|on|during|after|then|there|here|only)\b[^,;:]{0,60}?\s)?that\s+")


def participle_of_subject(s: _Sentence, c: _Cue) -> bool:
    """A participle clause speaks for the sentence's subject.

    "Reddit sued Anthropic, accusing it of scraping the site." An opening "Two days after saying that A, Smith …",
    "Noting that A, Tester added …" or "And in explaining why A, Clinton described …" speaks for the main clause's
    subject after the comma, and its content ends there.
    """
    if not c.participle:
        return False
    opening = _opens_sentence(s, c.cs)  # "Noting that A, Tester added": the subject follows the clause's comma
    spk = None if opening else _sentence_subject(s.masked, s.s0)
    if spk is None and s.prev_speaker is not None and _PARTICIPLE_LEAD_RE.search(s.masked[: s.rel(c.cs)].rstrip()):
        spk = s.prev_speaker  # "Kasich cautioned “…,” before optimistically predicting that …": the same speaker
    end = s.s1
    if opening:
        found = _subject_after_opening(s, c)
        if found is None:
            return False
        end, spk = found
    elif spk and s.text[spk[0] : spk[1]].split()[-1].lower() in _PARTICIPLE_PREPOSITIONS:
        # the "subject" found opens an adverbial ("One month after …", "Two weeks after Scalia died, …"): the
        # clause's subject follows the adverbial's comma, before the participle or after its clause
        commas = [m.start() for m in re.finditer(", ", s.masked[: s.rel(c.cs)])]
        commas = [k for k in commas if k >= s.rel(spk[1])] or [s.masked.find(", ", s.rel(c.ce))]
        found = None
        for comma in commas:
            if comma < 0:
                break
            cand = _sentence_subject(s.masked[comma + 2 :], s.s0 + comma + 2)
            words = s.text[cand[0] : cand[1]].split() if cand else []
            if words and words[-1].lower() not in _PARTICIPLE_PREPOSITIONS and words[0].lower() not in _PREPOSITIONS \
                    and re.match(r" [a-z]", s.masked[s.rel(cand[1]) :]) and (cand[1] <= c.cs) == (comma < s.rel(c.cs)):
                found = comma, cand  # "…, Mr. Trump was just as blunt": a subject with its verb, not "Tex.,"
                break
        if found is None:
            return False
        comma, spk = found
        end = s.s1 if comma < s.rel(c.cs) else s.s0 + comma
    if spk and (s.text[spk[0] : spk[1]] in ("There", "Here")
                or (" " not in s.text[spk[0] : spk[1]] and s.text[spk[0] : spk[1]].endswith("ing"))):
        return False  # "There is a lot of chatter about Perez, …, saying": an expletive, no one who speaks; "Using
        # ''illegal alien'' when talking about immigration … became": a gerund
    cleft = _CLEFT_RE.match(s.masked, s.rel(spk[1])) if spk and s.text[spk[0] : spk[1]] == "It" else None
    if cleft and s.s0 + cleft.end() < c.cs:  # "It was at the conference that Swanson delivered a tirade, pointing to …"
        spk = _sentence_subject(s.masked[cleft.end() :], s.s0 + cleft.end())
    if spk and spk[0] >= c.ce and end == s.s1 and (comma := s.masked.rfind(",", s.rel(c.ce), s.rel(spk[0]))) > 0:
        end = s.s0 + comma  # "Having announced that A, Judge Berman proceeded": the opening clause ends at its comma
    if spk and spk[1] <= c.cs and s.masked[: s.rel(c.cs)].rstrip().endswith(" by"):
        # "…, although Bill Clinton won the spin by declaring …": Clinton declared
        spk = _clause_subject(s, _BY_CLAUSE_SUBJECT_RE, spk, c.cs) or spk
    if spk and (spk[1] <= c.cs or end < s.s1):
        span = _reported_content(s.text, c.ce, end, c.lemma)
        if span[1] - span[0] >= 8:
            s.add("participle_of_subject", _span_kind(span, s.outer), [span], (c.cs, c.ce), spk)
            return True
    return False


# A participle clause that is the subject of a copula, not an adverbial: "Adding to X is …", "Calling it a win was …"
_INVERTED_COPULA_RE = re.compile(r"(?!\s*(?:that|why|how|what|whether|if|when|he|she|they|it|we|I|you)\b)[^,;:]*?\s(?:is|was|are|were)\s")
_FRAME_END_WORDS = {"on", "in", "at", "during", "after", "before", "last", "this", "yesterday", "today", "tonight",
                    "recently", "later", "earlier", "afterward", "afterwards"}  # "…, Smith said on Tuesday."


def _subject_after_opening(s: _Sentence, c: _Cue) -> tuple[int, tuple[int, int]] | None:
    """(where an opening participle clause ends, the main clause's subject): the first comma after the cue, or comma
    inside a closing quotation mark, that a subject and a lower-case word (its verb) follow.

    "Noting that only Sen. Mark Kirk voted with Democrats, Tester added: …" (Tester), "Remarking upon Clinton's
    “genuine empathy,” Starr said" (Starr); not "Noting that Obama, who …" (no subject after that comma), and not
    when the main clause is only a frame ("Calling him a liar was a mistake, Smith said.": the whole opening is what
    Smith said).
    """
    if _INVERTED_COPULA_RE.match(s.masked, s.rel(c.ce)):
        return None  # "Adding to the wariness is an understanding that …": the clause is the subject of "is"
    stops = [(m.start(), m.start() + 2) for m in re.finditer(", ", s.masked) if m.start() >= s.rel(c.ce)]
    stops += [(q - s.s0, q - s.s0) for _, q in s.outer if c.ce < q < s.s1 and s.text[q - 2] == ","]
    for end, start in sorted(stops):
        cand = _sentence_subject(s.masked[start:], s.s0 + start)
        words = s.text[cand[0] : cand[1]].split() if cand else []
        if words and words[-1].lower() not in _PARTICIPLE_PREPOSITIONS and words[0].lower() not in _PREPOSITIONS \
                and re.match(r" [a-z]", s.masked[s.rel(cand[1]) :]):
            frame = next((b for a, b in s.cues if cand[1] < a <= cand[1] + 2), None)
            rest = s.text[frame : s.s1].strip(" .,;!?”’\"'").split() if frame is not None else None
            if rest is not None and (not rest or (len(rest) <= 3 and rest[0].lower() in _FRAME_END_WORDS)):
                return None  # "…, Smith said." / "…, Smith said on Tuesday."
            return s.s0 + end, cand
    return None


def _clause_subject(s: _Sentence, opener: re.Pattern, spk: tuple[int, int], cue_start: int) -> tuple[int, int] | None:
    """The named subject of the last clause that ``opener`` opens between the sentence subject ``spk`` (after its own
    verb) and a cue, when no comma comes between that subject and the cue: the cue is that clause's verb."""
    sub = None
    for m in opener.finditer(s.masked, s.rel(spk[1]), s.rel(cue_start)):
        if re.search(r"[a-z]{2,}", s.masked[s.rel(spk[1]) : m.start()]):  # not "Lane and Smith won": the subject's verb first
            sub = m
    inner = _sentence_subject(s.masked[sub.end() :], s.s0 + sub.end()) if sub else None
    if inner is not None and inner[1] < cue_start - 5 and "," not in s.masked[sub.end() : s.rel(cue_start)]:
        return inner
    return None


_BY_CLAUSE_SUBJECT_RE = re.compile(r"\b(?:although|though|when|while|because|as|after|before|since|but|and)\s+(?=[A-Z][a-z])")
_COMMA_END_RE = re.compile(r",[”’\"']*$")  # a comma, perhaps inside the closing quotation mark ("cool off,”)


def _tail_after_cue(s: _Sentence, c: _Cue) -> str:
    """The text after a cue and its adverbials ("in a statement"), quotations included."""
    tail = s.text[c.ce : s.s1]
    m = _ADVERBIAL_RE.match(tail)
    return tail[m.end():] if m else tail


def content_speaker_content(s: _Sentence, c: _Cue) -> bool:
    """Content on both sides of a parenthetical frame: one attribution, two spans.

    "The deal, Smith said, was never on the table."
    """
    if c.subject is None or _ASKED_RE.match(s.text, s.s0, c.subject[0]):
        return False  # "When asked if …, Smith said, “…”": the opening is the question put to Smith (asked_opening)
    pre = s.text[s.s0 : c.subject[0]].rstrip()
    tail = _tail_after_cue(s, c)
    if len(tail.strip(" .,;!?").split()) <= 3:
        return False
    after_comma = _COMMA_GAP_RE.match(tail)
    if _COMMA_END_RE.search(pre) and len(pre.strip()) > 3 and after_comma:
        colon = s.masked.rfind(":", 0, len(pre))  # "They hoped for luck: With the game on, they argued, …"
        first = _clean_end(s.text, s.s0 + colon + 1, s.s0 + len(pre))
        second = _clean_end(s.text, s.s1 - len(tail) + after_comma.end(), s.s1)
        if second[1] - second[0] >= 8:
            s.add("content_speaker_content", _span_kind(first, s.outer), [first, second], (c.cs, c.ce), c.subject)
            return True
    return False


_WHERE_WHEN_OPENERS = {"during", "in", "at", "on", "after", "before", "while", "when", "from", "via", "outside", "inside"}


# One opening subordinate clause and nothing else before the subject: "As supporters waited in the ballroom, Clinton
# took to Twitter to say thanks." sets the scene; it holds no main clause to be reported
_SUBORDINATE_ONLY_RE = re.compile(r"\s*(?:As|When|While|After|Before|Since|Until|Once)\s[^,;:“”\"]*,")


_ROLE_BEFORE_SUBJECT_RE = re.compile(r",[”’\"']*\s+((?:[\w’'.-]+\s+){0,3}[\w’'.-]+)$")


_WHERE_WHEN_WORDS = {"last", "this", "early", "late", "earlier", "later"}
_PREPOSITION_OPENING_RE = re.compile(r"\s*(?:At|In|On|During|After|Before|Outside|Inside)\s")


def _setting_only(pre: str) -> bool:
    """Whether the words before a subject are only where and when ("At a campaign event in Ames, Iowa, on Sunday,"):
    an opening preposition, each comma's piece a phrase of place or time or a name, and no pronoun or auxiliary
    that a clause of content would hold ("In Iowa, voters are angry, Smith said" is content)."""
    if _PREPOSITION_OPENING_RE.match(pre) is None:
        return False
    chunks = [c.split() for c in pre.split(",") if c.strip()]
    return all(c[0].lower() in _PREPOSITIONS | _WHERE_WHEN_WORDS or all(w[:1].isupper() for w in c) for c in chunks) \
        and _CLAUSE_SIGNS.isdisjoint(w.lower().strip(",.") for w in pre.split())


def content_then_speaker(s: _Sentence, c: _Cue) -> bool:
    """Content first, then subject and cue at the end.

    "The deal was never on the table, Smith said."
    """
    if c.subject is None:
        return False
    pre = s.text[s.s0 : c.subject[0]].rstrip()
    role = _ROLE_BEFORE_SUBJECT_RE.search(pre) if not _COMMA_END_RE.search(pre) else None
    if role and not _FUNCTION_WORDS.intersection(w.lower() for w in role.group(1).split()) \
            and role.group(1).split()[-1].lower().strip(".") in _ROLE_WORDS | _PERSON_DESCRIPTION_HEADS:
        pre = pre[: role.start() + 1]  # "…, journalist Martha Raddatz said": the role before the name is the subject's
    tail = _tail_after_cue(s, c).strip(" .,;!?").split()
    # after "told", its object and when or where: "…, Carter told a Senate panel Wednesday."
    most = 8 if c.lemma == "tell" and not any(w.lower() in ("that", "about", "to") or w[:1] in "“\"‘'" for w in tail) else 3
    where_when = tail and tail[0].lower() in _WHERE_WHEN_OPENERS and tail[1:2] not in (["least"], ["most"])
    if where_when and not any(w.lower() in ("that", "about") or w[:1] in "“\"‘'" for w in tail):
        most = 12  # "…, Wilkin said during his campaign stop in Iowa on Tuesday": where and when it was said
    low = s.text[c.subject[0] : c.subject[1]].lower().split()
    if any(w in _TIME_SUBORDINATORS and v in _TIME_UNITS for v, w in itertools.pairwise(low)):
        return False  # "A, two hours after outlets declared B": a subordinate clause reports nothing of the main one
    if _COMMA_END_RE.search(pre) and len(pre.strip()) > 20 and len(tail) <= most \
            and not _SUBORDINATE_ONLY_RE.fullmatch(pre) and not _setting_only(pre):
        span = _clean_end(s.text, s.s0, s.s0 + len(pre))
        s.add("content_then_speaker", _span_kind(span, s.outer), [span], (c.cs, c.ce), c.subject)
        return True
    return False


_AS_ADVERBIAL_RE = re.compile(r"\s+(?:in|on|at|during|before|after|last|this|earlier|later)\s")
_LEAD_AS_RE = re.compile(r"\s*(?:(?:And|But|Yet)\s+)?(?:[Jj]ust\s+)?[Aa]s\s+")
_REMIND_OF_RE = re.compile(r"\s+(?:[\w’']+\s+){0,2}of\s")  # "reminds me of", "reminded many voters of": a likeness
_ADVERB_NOT_SUBJECT = {"just", "only", "simply", "please", "now", "then", "so", "even", "also", "still"}


_PROGRESSIVE_AUX_RE = re.compile(r"(?:\bis|\bare|\bwas|\bwere|\bbeen|\bbe|[’']s|[’']re)\s+$")  # "is saying": the cue is the verb
_MAIN_VERB_AFTER_QUOTE_RE = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:increased|decreased|rose|fell|grew|dropped|"
                                       r"doubled|tripled|jumped|climbed|declined|is|are|was|were)\s")


def speaker_cue_content(s: _Sentence, c: _Cue) -> bool:
    """Subject, cue, then the reported clause (with or without "that").

    "Smith said the deal was never on the table." / "Smith wrote in a memo to staff that the deal was off."
    """
    if c.subject is None or s.text[c.subject[0] : c.subject[1]].lower() in _ADVERB_NOT_SUBJECT:
        return False  # ("Just ask former NFL star Herschel Walker.": an imperative, no one named speaks)
    text = s.text
    if text[c.cs : c.ce].endswith("ing") and text[c.ce : c.ce + 1] == ",":
        return False  # "with all precincts reporting, the race remained close": the cue has no content
    if text[c.ce : c.ce + 4].lstrip().startswith(("—", "–", "--")):
        return False  # "— as Democrats allege, but Moscow denies — “Q?” asked Dunn": a dash closes the aside
    span = _reported_content(text, c.ce, s.s1, c.lemma)
    if text[c.cs : c.ce].split()[0].endswith("ing") and not _PROGRESSIVE_AUX_RE.search(text, max(0, c.cs - 12), c.cs):
        # "the share of Republicans saying “it is more important …” increased by 28 points": a participle inside its
        # subject's phrase; the sentence's own verb after the quotation is no part of what was said
        verb = next((q for o, q in s.outer if span[0] <= o and q < span[1]
                     and _MAIN_VERB_AFTER_QUOTE_RE.match(text, q)), None)
        if verb is not None:
            span = (span[0], verb)
    if c.lemma == "remind" and _REMIND_OF_RE.match(text, c.ce):
        return False  # "Trump reminds me of Abraham Lincoln saying …": a likeness, nothing said
    content_words = text[span[0] : span[1]].split()
    if content_words and content_words[0].lower() in _PREPOSITIONS and not _infinitive_content(content_words, c.lemma):
        that = re.search(r"\sthat\s", text[span[0] : min(span[1], span[0] + 90)])
        if that:
            span = (span[0] + that.end(), span[1])
        elif content_words[0].lower() in ("by", "with", "from") and not re.match(r"\s*that\b", text[c.ce : span[0]]):
            return False  # "accused by a reporter", "responded with ads", "reported from Los Angeles": nothing reported
        elif content_words[0].lower() in _WHERE_WHEN_PREPOSITIONS and not _THAT_END_RE.search(text, c.ce, span[0]) \
                and content_words[1:2] not in (["least"], ["most"], ["favor"], ["support"]) \
                and not any(o < span[1] and q > span[0] for o, q in s.outer):
            if not any(w.lower().strip(",") in _CLAUSE_SIGNS for w in content_words):
                return False  # "said in posing the question", "wrote in September": where or when, nothing reported
    subordinate = _LEAD_SUBORDINATOR_RE.fullmatch(text, s.s0, c.subject[0]) is not None
    scene = subordinate or (c.lemma not in REPORTING_LEMMAS | _AS_LEMMAS | {"put it"}
                            and _LEAD_AS_RE.fullmatch(text, s.s0, c.subject[0]) is not None)
    if scene and _COMMA_NEXT_RE.match(text, c.ce):
        return False  # "When Clinton testified, Gowdy …", "As the crowd began to chant, Silverman …": the verb has no
        # object; what follows is the main clause (not "As Smith noted, …", whose main clause is its content)
    inner = not subordinate and _INNER_SUBORDINATE_RE.search(text, max(s.s0, c.subject[0] - 40), c.subject[0]) is not None
    # "As Trump pledged to confront …, many in the audience appeared to warm": an opening "as" clause with content
    # of its own is a subordinate clause too (not "As Smith noted, the pier is old", whose main clause is the content)
    as_clause = _LEAD_AS_RE.fullmatch(text, s.s0, c.subject[0]) is not None and not _COMMA_NEXT_RE.match(text, c.ce) \
        and c.lemma != "put it" and not _AS_ADVERBIAL_RE.match(text, c.ce)  # ("As Ruiz put it in a memo, …": the main clause)
    if subordinate or inner or as_clause:
        # "Although Comey said that A, experts understood B": the subordinate clause, and its content, end at a comma
        masked = _QUOTED_RE.sub(_blank_quote, text[span[0] : span[1]])
        comma = _CLAUSE_COMMA_RE.search(masked, 12)
        while comma and (aside := _SHORT_ASIDE_RE.match(masked, comma.end())):
            comma = _CLAUSE_COMMA_RE.search(masked, aside.end() - 1)  # "that the Islamic State, or ISIS, has used …"
        if comma:
            span = _clean_end(text, span[0], span[0] + comma.end(1))
    if span[1] - span[0] >= 8:
        s.add("speaker_cue_content", _span_kind(span, s.outer), [span], (c.cs, c.ce), c.subject)
        return True
    return False


# Cues whose content may be an infinitive of the speaker's own act: "vowed to take the fight to the states that …"
_INFINITIVE_LEMMAS = {"vow", "pledge", "promise", "threaten", "claim", "swear", "offer", "agree", "refuse", "ask", "demand",
                      "propose", "volunteer", "guarantee", "decline"}
_NOT_INFINITIVE = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "that",
                   "him", "them", "me", "us", "you", "it", "reporters", "supporters", "voters"}


def _infinitive_content(words: list[str], lemma: str) -> bool:
    """Whether content opening with "to" is an infinitive ("vowed to take the fight to the 35 states that …"), not a
    preposition before the real content ("wrote to the committee that …"): a cue of promising or claiming and a
    lower-case word after "to" that no noun phrase opens."""
    if lemma not in _INFINITIVE_LEMMAS or len(words) < 2 or words[0].lower() != "to":
        return False
    verb = words[1].lstrip("“\"‘'")  # 'vowed to “take our fight” to …'
    return verb.isalpha() and verb.islower() and verb not in _NOT_INFINITIVE


_THAT_END_RE = re.compile(r"\bthat\s*$")
_WHERE_WHEN_PREPOSITIONS = {"in", "at", "during", "after", "before"}
_COMMA_NEXT_RE = re.compile(r"(?:\s+(?:on|in|at|last|this|earlier|later)\s+[\w’'-]+(?:\s+[\w’'-]+)?)?\s*,")
_CLAUSE_COMMA_RE = re.compile(r",([”’\"']*)\s")  # a comma, perhaps inside a closing quotation mark (its end: group 1's)
# A sentence opening with a subordinator right before the cue's subject: "Although Comey said …", "But while he said …"
# ("As X noted, …" is not one: its main clause is the content).
# ", or ISIS, ", ", for example, ", ", Acme Corp., ": an aside, not the clause's end
_SHORT_ASIDE_RE = re.compile(r"(?:or\s+(?:[\w’'.-]+\s+){0,2}[\w’'.-]+|for\s+(?:example|instance)|however|in\s+fact|of\s+course|"
                             r"in\s+turn|too|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}),\s")
# A subordinate or relative clause opening right before the cue's subject inside the sentence: "…, and while he said
# he'd hold a hearing, it's unlikely …", "His popularity, even after he criticized Bush, shows …", "The changes, which
# officials said will go into effect soon, will not apply …": its content ends at a comma too.
_INNER_SUBORDINATE_RE = re.compile(r"(?:[,;]\s+|\b(?:and|but|yet)\s+)(?:even\s+)?(?:although|though|while|whereas|when|"
                                   r"after|before|because|since|once|until|which|whom)\s+$")
_LEAD_SUBORDINATOR_RE = re.compile(r"\s*(?:(?:And|But|Yet)\s+)?(?:[Aa]lthough|[Tt]hough|[Ww]hile|[Ww]hereas|[Ww]hen|[Ii]f|"
                                   r"[Aa]fter|[Bb]efore|[Bb]ecause|[Ss]ince|[Oo]nce|[Uu]ntil|[Ee]ven\s+though|[Ee]ven\s+as|"
                                   r"[Ee]ven\s+if)\s+")


def _short_clause(lead: str) -> bool:
    """Whether a short lead before an inverted cue is a clause of its own, at least three words with a verb ("We will
    win, said Green", "It was a raw time, said Axelrod"), so content however short; not "In a memo, said …"."""
    words = [w.lower() for w in _WORDS_RE.findall(lead)]
    return len(words) >= 3 and (any(w in _VERBISH for w in words) or _FINITE_VERB_RE.search(lead.lower()) is not None)


def content_cue_speaker(s: _Sentence, c: _Cue) -> bool:
    """Content first, then an inverted cue and speaker.

    "The deal was never on the table, said Smith."
    """
    if c.subject is not None or c.participle:
        return False
    inv = _speaker_after(s.masked, s.s0, c.ce)
    lead_end = s.s0 + len(c.lead)
    quote_comma = c.cs - lead_end > 3 and re.search(r",[”’\"']+\s*$", s.text[lead_end : c.cs]) is not None
    if inv and (c.lead.endswith(",") or quote_comma) and len(c.lead) > 20:
        # '… and “that group is leaving,” said X': the content runs to the end of the quotation
        span = _clean_end(s.text, s.s0, c.cs if quote_comma else lead_end)
        s.add("content_cue_speaker", _span_kind(span, s.outer), [span], (c.cs, c.ce), inv)
        return True
    return False


# Verbs that put the speaker after them in "CONTENT, said X" (not "told", whose object follows it).
_INVERTING_LEMMAS = {"say", "add", "write", "explain", "note", "argue", "ask", "reply", "respond", "insist", "warn",
                     "recall", "claim", "declare", "observe", "tweet", "report", "concede", "acknowledge", "admit",
                     "contend", "predict", "suggest", "continue", "state", "remark", "conclude", "counter", "joke"}
_VERBISH = _AUX_WORDS | {"be", "been", "being", "can", "should", "may", "might", "must", "that", "if", "whether"}
_CLAUSE_SIGNS = _PRONOUN_SUBJECTS | _VERBISH  # a phrase holding one of these may hold a clause after its preposition
_INVERTED_NP_RE = re.compile(rf"(?:{_DET_NP}|{_NAME_TOKEN})")


# A name and a relative clause between commas: the subject of the cue that follows, not content ("Ruiz, who …, said")
_SUBJECT_WITH_RELATIVE_RE = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*,\s+(?:(?:meanwhile|however|too|also),\s+)?"
                                       r"(?:who|which)\s[^,]*,$")


# "…, as Cruz said on Monday": the "as" and the subject right before the cue (not "such as", "as well as", "as soon as")
_AS_SPEAKER_LEAD_RE = re.compile(r"(?:,[”’\"']*|\s[—–]|\s--)\s*(?:just\s+)?as\s+$")  # the comma may close a quote
_AS_LEMMAS = {"say", "note", "write", "report", "observe", "point out", "explain", "predict", "warn", "suggest", "argue"}
_AS_FRAME_END_RE = re.compile(rf"(?:\s+it)?(?:\s+(?:on|in|at|during|last|this|earlier|yesterday|today|{_DAY})\b"
                              r"[^,.;:!?“”\"]{0,60})?\s*(?=[,.;:!?—–]|$)")


def content_as_speaker_said(s: _Sentence, c: _Cue) -> bool:
    """Content, then a comma and "as" with the speaker and a verb of saying: the content before is the speaker's;
    when the frame opens a clause after it, that clause is ("Weeks ago, as the Journal reported, the two met").

    "The race is a dead heat right now, as Cruz said on Monday." (not "as soon as Cruz said", "such as …")
    """
    if c.subject is None or c.participle or c.lemma not in _AS_LEMMAS:
        return False
    lead = s.text[s.s0 : c.subject[0]]
    m = _AS_SPEAKER_LEAD_RE.search(lead, max(0, len(lead) - 40))
    if m is None or s.masked[s.rel(c.subject[1]) : s.rel(c.cs)].strip():
        return False
    end = _AS_FRAME_END_RE.match(s.masked, s.rel(c.ce))
    if end is None:
        return False  # "as Cruz said he would": the cue has its own content, another rule's
    after = end.end()  # (a position in masked: the match started at the cue's end)
    clause = re.match(r",\s*(\S.*)$", s.masked[after:], re.S)
    if clause and len(clause.group(1).split()) >= 3 and not any(q in lead[: m.start()] for q in "“\"”"):
        span = _clean_end(s.text, s.s0 + after + clause.start(1), s.s1)  # "…, as X reported, the two met"
    else:
        close = re.match(r",[”’\"']*", lead[m.start() :])  # '“is a dead heat,” as': the quotation stays whole
        span = _clean_end(s.text, s.s0, s.s0 + m.start() + (close.end() if close else 0))
        if len(lead[: m.start()].split()) < 3:
            return False
    s.add("content_as_speaker_said", _span_kind(span, s.outer), [span], (c.cs, c.ce), c.subject)
    return True


_OBJECT_TAKING_LEMMAS = {"tweet", "write", "post", "report"}  # "…, tweeted a warning": what follows may be the object


def comma_cue_speaker(s: _Sentence, c: _Cue) -> bool:
    """Content, a comma, then an inverting cue and a speaker phrase that ends the sentence or meets a comma.

    "The race will be tight, said Dan Gerstein, an analyst in New York." (not "The firm, which …, said the deal is off"
    or "Ruiz, who chairs the board, said the vote speaks volumes")
    """
    if c.participle or c.lemma not in _INVERTING_LEMMAS or not c.lead.endswith(",") \
            or (len(c.lead) < 20 and not _short_clause(c.lead)) or _SUBJECT_WITH_RELATIVE_RE.match(c.lead):
        return False
    inv = _speaker_after(s.masked, s.s0, c.ce)
    if inv is None:
        return False
    words = s.text[inv[0] : inv[1]].split()
    after = s.text[inv[1] : s.s1].lstrip()  # the text itself: 'said Obama “understood …”' is content, not a speaker
    if (not _INVERTED_NP_RE.match(s.text[inv[0] : inv[1]]) or any(w.lower() in _VERBISH for w in words)
            or any(w in _finite_cue_forms() for w in words[1:])  # "…, said the report claims …": a clause
            or any(w.islower() and w.endswith("ed") and p.lower() not in _DETERMINERS_OPENING  # "…, said the delegates
                   for p, w in itertools.pairwise(words))  # walked out": a clause (not "said the retired senator")
            or not (not after.strip(" .!?”’\"'") or after[:1] in ",.(")
            or (c.lemma in _OBJECT_TAKING_LEMMAS and words[0].lower() in ("their", "its", "our", "my", "a", "an")
                and not any(w[:1].isupper() for w in words))):
        return False  # (the last: "…, tweeted their approval of the filibuster", "tweeted a warning": an object)
    end = s.s0 + len(c.lead)
    # 'But with voters split, "Trump's loyal 22% goes a long way," says X': the quotation before the cue is content too
    end = max([end, *(close for o, close in s.outer if end - 2 <= o and close <= c.cs)])
    span = _clean_end(s.text, s.s0, end)
    s.add("comma_cue_speaker", _span_kind(span, s.outer), [span], (c.cs, c.ce), inv)
    return True


_CONNECTOR_RE = re.compile(r"[\s,;—–-]*(?:(?:and|but|or|then|also|later|and\s+then|and\s+also|but\s+also)\s*)?"
                           r"(?:[a-z]+ly\s+)?$")


def coordinated_cue(s: _Sentence, c: _Cue) -> bool:
    """A second cue joined by "and" or "but" to an earlier attribution shares its speaker.

    "Clinton said the plan was unserious and charged that it would hurt families."
    """
    if c.subject is not None or c.participle or s.prev_speaker is None \
            or not (_CONNECTOR_RE.fullmatch(c.lead) or _COORD_PREDICATE_RE.search(c.lead, c.tail)):
        return False  # "…, favors a proposal and has promised to …": still the earlier speaker's verb
    spk = s.prev_speaker
    # "when I asked Sanders if …, he looked into my camera and said": the subject of a new clause in between said it
    new = next(reversed(list(_NEW_CLAUSE_RE.finditer(s.masked, s.rel(s.prev_speaker[1]), s.rel(c.cs)))), None)
    if new is not None:
        sub = _NEW_SUBJECT_RE.match(s.masked, new.start())
        if sub is None:
            return False
        spk = (s.s0 + sub.start(1), s.s0 + sub.end(1))
    span = _reported_content(s.text, c.ce, s.s1, c.lemma)
    if span[1] - span[0] >= 8:
        s.add("coordinated_cue", _span_kind(span, s.outer), [span], (c.cs, c.ce), spk)
        return True
    return False


_NEW_SUBJECT_RE = re.compile(rf",[”’\"']?\s+(?:and\s+|but\s+)?({_OWN_SUBJECT_PATTERN})")
_COORD_PREDICATE_RE = re.compile(r"\S\s*,?\s+(?:and|but)(?:\s+(?:also|then|later|now|still|again|instead|has|have|had|"
                                 r"did|does|do|would|will|could|[a-z]+ly|(?:on|last|this|earlier|late)\s+[A-Za-z]+))*$")


_SUBORDINATE_OPENER_RE = re.compile(r"\s*(?:When|As|After|Before|While|If|Because|Since|Although|Though|Once|Until)\s+")


def _not_a_subject(phrase: str) -> bool:
    """A one-word "subject" that only opens the sentence: a listed adverb or participle ("Usually", "Given"), "There",
    a clause word, or an adjective whose noun the subject pattern left behind ("Local" of "Local authorities")."""
    if " " in phrase.strip():
        return False
    low = phrase.strip().lower()
    return low not in PRONOUNS and (low in _CLAUSE_WORDS or low in _NOT_NAMES or low in _OPENING_NOT_SUBJECTS)


# Sentence openers that the subject pattern can take for a subject (not names ending in -ly: "Schlafly")
_OPENING_NOT_SUBJECTS = {"given", "there", "here", "local", "national", "federal", "state", "usually", "typically",
                         "generally", "currently", "recently", "eventually", "increasingly", "often"}


# "when" or "while" and a name ("… cheered when Trump spotted a sign and asked"; not "went after Clinton", nor "after he
# clinched the nomination and said", which may be the main subject's second verb)
_MID_SUBORDINATE_RE = re.compile(r"\s(?:when|while)\s+(?=[A-Z][a-z])")


def coordinated_predicate(s: _Sentence, c: _Cue) -> bool:
    """A cue that is the second verb of the sentence's subject ("and", "but" before it) has that subject as speaker.

    "Mr. Trump was forced into damage control and said that his words had been misconstrued."
    """
    if c.subject is not None or c.participle or s.prev_speaker is not None \
            or not (_COORD_PREDICATE_RE.search(c.lead, c.tail) or _second_predicate(s.masked, s.s0, c.cs)):
        return False  # (the second test sees past a control verb: "… and moved to emphasize")
    if c.cs - (s.s0 + len(c.lead)) > 3:
        return False  # a quotation between "and" and the cue: '… and “that is over,” said X' is inverted
    spk = _sentence_subject(s.masked, s.s0)
    opener = _SUBORDINATE_OPENER_RE.match(s.masked)
    end = s.s1
    if spk is None and opener is not None:
        # "When Trump referred to X and said he would …, the crowd cheered": the clause's own subject, and its
        # content ends where the clause does
        spk = _sentence_subject(s.masked[opener.end() :], s.s0 + opener.end())
        comma = next((m for m in _CLAUSE_COMMA_RE.finditer(s.text, c.ce, s.s1)  # outside quotation marks, or
                      if m.group(1) or s.masked[s.rel(m.start())] == ","), None)  # the one closing a quotation
        end = comma.end(1) if comma else s.s1
    if spk is not None and spk[1] < c.cs:
        # "The crowd cheered when Trump spotted a sign and asked …": the clause's subject asked
        spk = _clause_subject(s, _MID_SUBORDINATE_RE, spk, c.cs) or spk
    if spk is None or spk[1] > c.cs - 5 or _not_a_subject(s.text[spk[0] : spk[1]]):
        return False
    span = _reported_content(s.text, c.ce, end, c.lemma)
    if span[1] - span[0] >= 8:
        s.add("coordinated_predicate", _span_kind(span, s.outer), [span], (c.cs, c.ce), spk)
        return True
    return False


_DASH_TAIL_RE = re.compile(r"(?:[ ,—–\xa0]|(?<=\s)--?(?=\s))*$")  # commas, spaces and dashes (a spaced "-" or "--")
_DOCUMENT_THAT_RE = re.compile(rf"(?<![\w'’-])(?:{'|'.join(sorted(_DOCUMENT_NOUNS, key=len, reverse=True))})\s+(that)\s*$")
_RELATIVE_RE = re.compile(r"(?:^|[,—–]|\s--?(?=\s)|(?<=[a-z])\s)\s*(who|(?<=,\s)which)(?:\s+(?:also|has|have|had|later|previously|once|[a-z]+ly))*\s*$")


def relative_clause_speaker(s: _Sentence, c: _Cue) -> bool:
    """A relative clause reports its antecedent's words; "who" (or ", which") is the speaker, resolved to the phrase before it.

    "Juanita Broaddrick, who said Clinton raped her in 1978, recounted the incident." (content ends at the comma)
    """
    if c.participle:
        return False
    doc = _DOCUMENT_THAT_RE.search(c.lead, c.tail) if c.lead.rstrip().endswith("that") else None
    if doc:  # "Sanders is releasing an ad that urges voters to …": the ad (its issuer) speaks
        who = _issuer(s, _speaker_before(s.masked, s.s0, s.s0 + doc.start(1)))
        span = _reported_content(s.text, c.ce, s.s1, c.lemma)
        if who is not None and span[1] - span[0] >= 8:
            s.add("relative_clause_speaker", _span_kind(span, s.outer), [span], (c.cs, c.ce), who)
            return True
        return False
    if c.subject is not None:
        return False
    m = _RELATIVE_RE.search(c.lead, c.tail)
    if not m:
        return False
    who = (s.s0 + m.start(1), s.s0 + m.end(1))
    span = _reported_content(s.text, c.ce, s.s1, c.lemma)
    if "," not in c.lead[: m.start()].strip(" ,"):  # "Subject, who said A, verb …": the clause closes at its comma
        comma = s.text.find(", ", span[0], span[1])
        if comma > span[0]:
            span = _clean_end(s.text, span[0], comma)
    if span[1] - span[0] >= 8:
        s.add("relative_clause_speaker", _span_kind(span, s.outer), [span], (c.cs, c.ce), who)
        return True
    return False


# "called him a political opportunist", "calls himself a democratic socialist", "calling Trump a fascist": a name
# given to someone in so many words (object, then a determiner or an adjective)
_CALL_NAMING_RE = re.compile(r"\s+(?:him|her|them|it|himself|herself|themselves|itself|this|that|"
                             r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+"
                             r"(?:a|an|the|his|her|their|its|[a-z-]+(?:ic|ous|ive|ent|ant|able|ible|less|ful|ist)\b(?!\s+(?:to|for|on|in)\b))\s")
_WHAT_CALLED_LEAD_RE = re.compile(r"(?<![\w'’])([Ww]hat)(?!\s+(?:do|does|did|would|will|can|could|should)\s)"  # not a question
                                  r"((?:\s+(?!(?:is|was|are|were|has|have|had|been)\b)[\w'’.-]+){0,5}?)"
                                  r"(?:\s+(?:has|have|had|is|was|are|were|been|once|often|widely|erroneously|[a-z]+ly))*\s*$")
_QUOTE_OPEN_NEAR_RE = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?[“\"]|\s+(?:[\w'’-]+\s+){0,3}?''")
_NOUN_AFTER_NAME_RE = re.compile(r"\s+(?!(?:the|a|an|and|but|or|as|to|that|which|who|in|on|at|for|with|from|is|are|was|were|has|have|had|"
                                 r"will|would|could|can|may|took|made|came|went)\b)[a-z][a-z-]*(?<!ed)\b")
_NAME_NP_END_RE = re.compile(r"[,;:.!?]|\s(?:and|but|as|to|that|which|who|in|on|at|for|with|from)\s|\s[a-z]+ed\s")


def what_called(s: _Sentence, c: _Cue) -> bool:
    """"What X calls Y": the name X gives to a thing, "what" and the name as the content's two spans, X as speaker
    (none in "what is called"). The name ends with its quotation, or else at the first break.

    "Cruz railed against what he calls the “Washington cartel” and cast himself as an outsider."
    """
    if c.lemma not in ("call", "describe") or (c.lemma == "describe" and not s.text[c.ce : c.ce + 4] == " as "):
        return False
    lead = _WHAT_CALLED_LEAD_RE.search(s.masked, max(0, s.rel(c.cs) - 80), s.rel(c.cs))
    if lead is None:
        return False
    start = c.ce + (4 if c.lemma == "describe" else 0)
    opening = _QUOTE_OPEN_NEAR_RE.match(s.text, start, s.s1)
    close = next((cl for o, cl in s.outer if opening and o == opening.end() - (2 if opening.group(0).endswith("''") else 1)), None)
    if close is not None:
        end = close
        inside = s.text[max(s.s0, close - 3) : close].rstrip("”\"'")
        noun = _NOUN_AFTER_NAME_RE.match(s.text, close, s.s1) if not inside.endswith((",", ".")) else None
        if noun:  # "what it calls “psychographic” profiles of voters": the quoted word modifies a noun
            brk = _NAME_NP_END_RE.search(s.text, noun.end(), s.s1)
            end = brk.start() if brk else s.s1
    else:
        brk = _NAME_NP_END_RE.search(s.text, start + 1, s.s1)
        end = brk.start() if brk else s.s1
    name = _clean_end(s.text, start, end)
    if len(s.text[name[0] : name[1]].split()) > 10 or name[1] - name[0] < 3:
        return False
    who = lead.group(2).strip()
    speaker = None
    if who:
        a = s.s0 + lead.start(2) + (len(lead.group(2)) - len(lead.group(2).lstrip()))
        speaker = (a, a + len(who))
    what = (s.s0 + lead.start(1), s.s0 + lead.end(1))
    s.add("what_called", _span_kind(name, s.outer), [what, name], (c.cs, c.ce), speaker)
    return True


CUE_RULES = (what_called, content_as_speaker_said, comma_cue_speaker, coordinated_cue, coordinated_predicate, relative_clause_speaker, participle_of_subject, content_speaker_content, content_then_speaker, speaker_cue_content,
             content_cue_speaker)


def reported_speech(s: _Sentence) -> bool:
    """Reported speech around a cue, by CUE_RULES; negated cues and non-reporting cues without "that" are skipped.

    "Smith has not announced a decision" reports nothing; "Smith described the plan" needs "that" or a colon.
    """
    for cs, ce in s.cues:
        lemma, _ = _cue_info(s.text[cs:ce])
        if s.text[cs:ce].lower().startswith("according"):
            continue  # "according to" names its source after it (according_to), never a subject before it
        if _NEGATED_RE.search(s.masked, max(0, s.rel(cs) - 40), s.rel(cs)):
            continue  # "has not yet announced": nothing was said
        quote_follows = any(o >= ce for o, _ in s.outer)
        if lemma not in REPORTING_LEMMAS and not quote_follows and not _THAT_OR_COLON_RE.match(s.masked[s.rel(ce) :]) \
                and not (lemma == "call" and (_WHAT_CALLED_LEAD_RE.search(s.masked, max(0, s.rel(cs) - 80), s.rel(cs))
                                              or _CALL_NAMING_RE.match(s.masked, s.rel(ce)))):
            continue  # (but "what he calls corruption in politics" names a thing in his words: what_called)
        c = _Cue(s, cs, ce)
        for rule in CUE_RULES:
            if rule(s, c):
                return True
    return False


_COLON_SPEAKER_RE = re.compile(
    r"\s*((?:[A-Z][\w’'.-]*|[A-Z]\.)(?:\s+(?:(?:[A-Z][\w’'.-]*|[A-Z]\.)|to|at|of|on|in|and|the)){0,6}?)\s*:\s+(?=\S)")
_NOT_COLON_SPEAKERS = {"transcript", "update", "note", "editor's note", "editor’s note", "correction", "photo", "photos", "video",
                       "source", "sources", "related", "read more", "watch", "breaking", "exclusive", "warning",
                       "advertisement", "disclaimer", "see also", "also", "pictured", "listen", "full text", "live",
                       "opinion", "analysis", "read", "click here", "more", "sign up", "subscribe", "caption",
                       "credit", "image", "getty images", "ap photo", "reuters", "here", "this", "that", "the",
                       "fact", "bottom line", "the bottom line", "why", "what", "how", "when", "where", "who", "but",
                       "and", "so", "now", "then", "first", "second", "third", "finally", "answer", "question",
                       # an imperative or an interjection opening the writer's own aside ("Wait, it gets better:")
                       "wait", "look", "consider", "remember", "imagine", "plus", "worse", "yes", "no", "well", "oh"}


def _is_person_name(text: str, name: str) -> bool:
    """A name of one to three capitalised words that the article also uses after a title or as a full name."""
    words = name.split()
    if not 1 <= len(words) <= 3 or words[0] in ("The", "A", "An") or not all(_PERSON_WORD_RE.fullmatch(w) for w in words):
        return False
    return words[-1] in _names_after_a_name(text)


_AFTER_NAME_RE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|President|Senator)\.?|[A-Z][a-z]+)\s+(?=([A-Z][\w'’-]*)\b[^:])")


@lru_cache(maxsize=8)
def _names_after_a_name(text: str) -> frozenset[str]:
    """Capitalised words that follow a title or another capitalised word (and no colon), found in one pass:
    asking the text once per "Name:" line made a 5 MB article's colon lines quadratic."""
    out = set()
    for m in _AFTER_NAME_RE.finditer(text):
        word = m.group(1)
        out.add(word)
        out.update(word[:i] for i, ch in enumerate(word) if ch in "'’-" and i)  # "Trump’s": Trump, at a boundary
    return frozenset(out)


# The source opening an article's headline ("Poll: Trump a big turnoff …", "Clinton to Planned Parenthood: …"): one
# to five capitalised words, "to" and a name allowed
# A headline's label, not its source ("Latest: …", "Revealed: …", "Monday’s Morning Email: …", "Delegate Update: …")
_HEADLINE_LABELS = {"latest", "revealed", "wow", "update", "email", "notice", "guide", "circle", "alert", "recap",
                    "roundup", "explainer", "factcheck", "timeline"}
_HEADLINE_SOURCE_RE = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|to|at|on|of)){0,4}")


def name_colon_content(s: _Sentence) -> bool:
    """A name and a colon open the sentence: a transcript line or a headline reporting the speaker's words.

    "FALLIN: Well, I think the whole nation needs to work together." / "Rubio: Trump Can’t Be Trusted"
    """
    if s.prev_speaker is not None or ":" not in s.masked:
        return False
    m = _COLON_SPEAKER_RE.match(s.masked)
    if not m or m.group(1).lower().rstrip(".") in _NOT_COLON_SPEAKERS or any(ch.isdigit() for ch in m.group(1)):
        return False
    name = m.group(1)
    headline = not s.text[: s.s0].strip() and "\n" in s.text[s.s1 : s.s1 + 3] and _HEADLINE_SOURCE_RE.fullmatch(name) \
        and name.split()[-1].lower() not in _HEADLINE_LABELS \
        and not any(w[:1].isupper() and w.lower() in _FUNCTION_WORDS - {"of"} for w in name.split()[1:])
    # (not "Big Win For Bernie: AFL-CIO Holds Off": a capitalised "For" makes a title, not a source)
    if not (re.fullmatch(r"[A-Z][A-Z’'.-]+(?:\s+[A-Z][A-Z’'.-]+){0,2}", name) or _is_person_name(s.text, name) or headline):
        return False  # a transcript's "TAPPER:", a person named in the article, or a headline's source ("Poll: …",
        # "Insiders: …"), not "The Latest:" or "Q:"
    content = _clean_end(s.text, s.s0 + m.end(), s.s1)
    if len(s.text[content[0] : content[1]].split()) < 3:
        return False
    kind = "direct" if _mostly_quoted(s) else _span_kind(content, s.outer)
    spans = s.quote_spans if kind == "direct" else [content]
    colon = s.s0 + m.end(1) + s.masked[m.end(1) : m.end()].index(":")
    s.add("name_colon_content", kind, spans, (colon, colon + 1), (s.s0 + m.start(1), s.s0 + m.end(1)))
    return True


_CUE_NOUNS = ("claims?|accusations?|allegations?|arguments?|assertions?|suggestions?|pledges?|promises?|warnings?|"
              "charges?|statements?|insistence|contention|denials?|announcements?|admissions?|predictions?|"
              "complaints?|threats?|calls?|demands?|vows?|questions?|reports?")
CUE_NOUNS = _CUE_NOUNS  # nouns of saying, as a regex alternation (analysis.framing: whose claims an article reports)
_TO_NOUNS = {"pledge", "pledges", "promise", "promises", "vow", "vows", "call", "calls", "demand", "demands", "threat",
             "threats", "warning", "warnings"}
_CUE_NOUN_WORD_RE = re.compile(rf"\b(?:{_CUE_NOUNS})\s+(?:by|that|to|whether|for)\b")
_NOUN_CUE_RE = re.compile(
    rf"(?:(?P<poss>(?:{_NAME_TOKEN}\s+){{0,3}}{_NAME_TOKEN}['’]s?|\b[Hh]is|\b[Hh]er|\b[Tt]heir|\b[Ii]ts)\s+"
    rf"|\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s+)(?:(?!that\b)[a-z]+(?:-[a-z]+)?\s+)?(?P<noun>{_CUE_NOUNS})"
    rf"(?:\s+by\s+(?P<by>[^,;:.]{{2,60}}?))?\s+(?P<link>that|to|whether|for)\s+(?=[\w“\"‘'])")


def noun_cue(s: _Sentence) -> bool:
    """A noun of saying with its owner and its content: "Trump's claim that …", "his pledge to …", "claims by X that …";
    an ownerless "a call for …" is the sentence subject's ("Trump opened with a call for …").

    "Berlin's pledge last month to add 7,000 soldiers" is missed (the content must follow the noun); a noun
    with no owner otherwise ("the claim that …") reports nobody and is left alone.
    """
    if _cue_noun_words().isdisjoint(s.words) and "-" not in s.low:
        return False  # no noun of saying among the words (a hyphen may join one to a word: "counter-claims")
    if not _CUE_NOUN_WORD_RE.search(s.masked):
        return False  # most sentences have no noun of saying: skip the long pattern
    for m in _NOUN_CUE_RE.finditer(s.masked):
        noun, link = m.group("noun").lower(), m.group("link")
        if (link == "to" and noun not in _TO_NOUNS) or (link == "for" and not noun.startswith(("call", "demand"))):
            continue
        if m.group("by"):
            sp = _speaker_phrase(m.group("by"))
            if sp is None:
                continue
            a = m.start("by") + m.group("by").find(sp)
            spk = (s.s0 + a, s.s0 + a + len(sp))
        elif m.group("poss"):
            poss = re.sub(r"['’]s?$", "", m.group("poss"))
            words = poss.split()
            while len(words) > 1 and words[0].lower() in _NOT_NAME_STARTS:
                words = words[1:]  # "While Sanders's call …"
            if words[0].lower() in _NOT_NAME_STARTS and words[0].lower() not in ("his", "her", "its", "their"):
                continue
            a = m.start("poss") + m.group("poss").find(words[0])
            spk = (s.s0 + a, s.s0 + a + len(" ".join(words)))
        elif link == "for" and re.match(r"[Aa]n?\s", s.masked[m.start():]) and m.start() > 0:
            # "Trump opened with a call for the party to …": an ownerless call or demand is the subject's
            spk = _sentence_subject(s.masked, s.s0)
            if spk is None or spk[1] > s.s0 + m.start() or not names_someone(s.text[spk[0] : spk[1]]):
                continue
        else:
            continue
        start = s.s0 + (m.end("link") + 1 if link == "that" else m.start("link") if link == "to" else m.end("link") + 1)
        span = _trim_clause(s.text, *_clean_end(s.text, start, s.s1))
        comma = re.search(r",(?!\d)", s.text[span[0] : span[1]])  # a noun's complement ends at its comma
        if comma:
            span = _clean_end(s.text, span[0], span[0] + comma.start())
        if span[1] - span[0] >= 8:
            s.add("noun_cue", _span_kind(span, s.outer), [span], (s.s0 + m.start("noun"), s.s0 + m.end("noun")), spk)
            return True
    return False


def _mostly_quoted(s: _Sentence) -> bool:
    return bool(s.outer) and s.quoted_chars >= 0.5 * s.sent_len


def name_colon_quote(s: _Sentence) -> bool:
    """A name and a colon before a mostly quoted sentence.

    "Green: “We will appeal.”"
    """
    if not _mostly_quoted(s):
        return False
    colon = _NAME_COLON_RE.search(s.masked, max(0, s.rel(s.outer[0][0]) - 80), s.rel(s.outer[0][0]))
    if not colon:
        return False
    s0 = s.s0
    s.add("name_colon_quote", "direct", s.quote_spans, (s0 + colon.end(1), s0 + colon.end(1) + 1),
          (s0 + colon.start(1), s0 + colon.end(1)))
    return True


def quote_dash_name(s: _Sentence) -> bool:
    """A quotation signed by a dash and a name.

    "“We will appeal.” — Tory Green"
    """
    if not _mostly_quoted(s):
        return False
    dash = _INLINE_DASH_RE.match(s.masked, s.rel(s.outer[-1][1]))
    if not dash:
        return False
    s0 = s.s0
    s.add("quote_dash_name", "direct", s.quote_spans, (s0 + dash.start(1), s0 + dash.end(1)),
          (s0 + dash.start(2), s0 + dash.end(2)))
    return True


def quote_without_frame(s: _Sentence) -> bool:
    """A mostly quoted sentence with no frame: a direct quote whose speaker the article rules find.

    "“We will appeal.”" after "“This is wrong,” Green said." (see ARTICLE_RULES)
    """
    if not _mostly_quoted(s):
        return False
    s.add("quote_without_frame", "direct", s.quote_spans)
    return True


def quoted_mention(s: _Sentence) -> bool:
    """Quoted words with no reporting frame: a term merely mentioned, with no speaker.

    "The group calls itself a “think tank.”"
    """
    for a, b in s.quote_spans:
        s.out.append(Attribution("mention", [(a, b)], sentence=(s.s0, s.s1), rule="quoted_mention"))
    return True


SENTENCE_RULES = (name_colon_content, participle_continues_cue, quote_beside_frame, according_to, as_reported_by, passive_by, reported_speech, passive_cue, noun_cue, reportedly, name_colon_quote,
                  quote_dash_name, quote_without_frame, quoted_mention)


_ASKED_RE = re.compile(
    r"\s*(?:When\s+|Whenever\s+|Once\s+|After\s+being\s+|Later\s+|Also\s+)?([Aa]sked)\s+(?:by\s+([^,]{2,60}?)\s+)?"
    r"(?:(?:on|in|at|during|later|again)\s+[^,]{1,40}?\s+)?((?:if|whether|about|what|why|how|when|where|who|to|for)\s[^,]{3,200}),\s")


def asked_opening(text: str, s0: int, s1: int) -> Attribution | None:
    """An opening "Asked whether …," reports the question put to the subject (by the asker named after "by", if any).

    "Asked whether he would run, Smith said, “Not this year.”" (the rest of the sentence is analysed as usual)
    """
    m = _ASKED_RE.match(text, s0, s1)
    if not m:
        return None
    speaker = m.span(2) if m.group(2) else None
    return Attribution("indirect", [m.span(3)], m.span(1), *_cue_info("asked"), speaker, (s0, s1), rule="asked_opening")


_ASKED_CLAUSE_RE = re.compile(
    r"(?<![\w'’])(?:(?:when|after|before|while|as|once|if)\s+(?:first\s+|later\s+|again\s+|repeatedly\s+)?(?:being\s+)?|"
    r"(?:was|were|been|is|are|being)\s+(?:first\s+|later\s+|again\s+|also\s+|repeatedly\s+)?)(asked)\s+"
    r"(?:by\s+([^,;:“”\"]{2,60}?)\s+)?(?:(?:on|in|at|during)\s+[^,;“”\"]{1,40}?\s+)?"
    r"((?:if|whether|about|what|why|how|where|who|which)\s[^,;:.?!“”\"]{3,200})")


def asked_clause(text: str, s0: int, s1: int) -> Attribution | None:
    """A question put to someone inside a sentence: "when asked whether …", "was asked by X if …"; the asker,
    named after "by", is the speaker, else there is none.

    "“Absolutely,” he said when asked by a reporter if that remains his view."
    """
    if "asked" not in text[s0:s1]:
        return None
    m = _ASKED_CLAUSE_RE.search(text, s0, s1)
    if not m:
        return None
    speaker = m.span(2) if m.group(2) else None
    return Attribution("indirect", [_clean_end(text, *m.span(3))], m.span(1), *_cue_info("asked"), speaker, (s0, s1),
                       rule="asked_clause")


# Rules applied across sentences, after the sentence rules, in this order (see extract_text).
ARTICLE_RULES = {
    "adding_participle": "A participle inside reported content starts a second attribution of the same speaker: "
                         "\"Smith said the plan failed, adding that it cost too much.\"",
    "next_sentence_frame": "An unattributed quote is claimed by a frame opening the next sentence: "
                           "\"“Why now?” Smith told reporters that …\"",
    "colon_lead_in": "A sentence ending in a colon introduces the next quote: \"Stated Smith:\" + \"“…”\"",
    "previous_speaker": "A quote without a frame continues the speaker of the previous quote in the same or the "
                        "previous paragraph: \"“We will appeal,” Green said. “This is wrong.”\"; after reported speech, "
                        "only a quote that opens its sentence (or follows a colon or comma) and ends with a stop: "
                        "\"Green said they would appeal. “This is wrong.”\"",
    "dash_line": "A paragraph of a dash and a name signs the quotes before it: \"— Tory Green\"",
    "repeated_quote": "A quote repeating an attributed one takes its speaker: a headline \"‘How the turn "
                      "tables’\" quoting the body's \"“How the turn tables,” wrote a commenter\"",
}


def _rule_doc(fn) -> str:
    return " ".join(fn.__doc__.split())


# Every rule by name, in the order it is tried, with what it handles: the ``rule`` column says which made a row.
RULES = ({r.__name__: _rule_doc(r) for r in SENTENCE_RULES if r is not reported_speech}
         | {"asked_opening": _rule_doc(asked_opening), "asked_clause": _rule_doc(asked_clause)}
         | {r.__name__: _rule_doc(r) for r in CUE_RULES} | ARTICLE_RULES)


def _analyse_one(text: str, s0: int, s1: int, quotes: list[tuple[int, int, int]],
                 prev_speaker: tuple[int, int] | None = None, words: set[str] | None = None) -> list[Attribution]:
    """The attribution frames of a sentence, or its quoted mentions: SENTENCE_RULES in order.

    When the first frame found leaves a cue after everything it covered ("X said A, but he
    said B"; "“Q,” said X, who added that B"), the rest of the sentence is analysed the same way,
    with X as the speaker a coordinated cue shares.
    """
    out: list[Attribution] = []
    for _ in range(_MAX_FRAMES):  # a loop, not recursion: a hostile "X said, X said, …" sentence stays bounded
        s = _Sentence(text, s0, s1, quotes, prev_speaker, words)  # ``words``: the sentence's, for the cue finder
        for rule in SENTENCE_RULES:
            if rule(s):
                break
        asked = (asked_opening(text, s0, s1) or asked_clause(text, s0, s1)) if prev_speaker is None else None
        if asked is not None and not any(a < asked.spans[0][1] and asked.spans[0][0] < b for x in s.out
                                         for a, b in x.spans):
            s.out.insert(0, asked)
        out += s.out
        said = [a for a in s.out if a.kind not in ("mention", "partial") and a.speaker is not None]
        if not said:
            break
        end = max(max(b for a in s.out for _, b in a.spans),
                  max(a.cue[1] for a in said if a.cue), max(a.speaker[1] for a in said))
        if not (end < s1 and any(cs >= end for cs, _ in s.cues)):
            break
        s0, prev_speaker = end, said[-1].speaker
    return out


# Frames read in one sentence at most: each pass reads the rest of the sentence, so a bound keeps the cost linear
# (no real sentence has more: the most in PolNeAR train, 838 articles, is 3)
_MAX_FRAMES = 40


# ---------------------------------------------------------------------------------------------
# Coreference by salience

# Capitalised words in a row; a line break may fall inside a name ("Breitbart\nNews"), a blank line may not
_NAME_RE = re.compile(r"[A-Z](?<![\w’'][A-Z])(?:[\w’'.-]*[\w])?(?:(?:[^\S\n]+\n?|\n)[^\S\n]*"
                      rf"(?:{_PARTICLE}[^\S\n]+(?:{_PARTICLE}[^\S\n]+)?(?=[A-Z]))?"
                      r"(?:(?:Rep|Sen|Gov|Gen|Lt|Col|Sgt|Rev|Dr)\.(?=[^\S\n]+[A-Z])|[A-Z][\w’'.-]*[\w]|[A-Z]\.))*")
_ORG_WORDS = {"inc", "corp", "co", "ltd", "llc", "group", "party", "university", "department", "committee",
              "post", "times", "news", "institute", "association", "foundation", "agency", "council",
              "bank", "network", "house", "senate", "congress", "court", "ai", "labs", "lab", "company",
              "convention", "center", "fund", "commission", "administration", "campaign", "club", "union",
              "office", "bureau", "board", "service", "authority", "organization", "coalition", "alliance", "society",
              "corporation", "project", "program", "forum", "voters", "republic", "states", "technologies", "church",
              "chamber", "college", "school", "academy", "journal", "gazette", "tribune", "herald", "chronicle",
              "inquirer", "state", "enforcement", "security", "services", "affairs", "international", "holdings",
              "partners", "industries", "systems", "media", "matter", "command"}  # "Customs Enforcement", "Black Lives Matter"
# Party adjectives: "a Democratic presidential candidate" names no one (analysis.align's names leave them out too)
PARTY_ADJECTIVES = frozenset({"democratic", "republican"})
_NOT_NAMES = {"the", "a", "an", "in", "on", "but", "and", "it", "he", "she", "they", "we", "i", "this", "that",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
              "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "if", "when", "as", "for", "with", "what", "how", "why", "though",
              "while", "according", "once", "using", "beneath", "chinese", "american", "u.s.", "western",
              *PARTY_ADJECTIVES,
              # sentence adverbs and discourse words that open sentences and headings ("Meanwhile, …", "Q&A: Answer")
              "meanwhile", "however", "moreover", "furthermore", "nevertheless", "nonetheless", "instead", "indeed",
              "likewise", "similarly", "additionally", "separately", "ultimately", "specifically", "notably",
              "still", "yet", "now", "then", "yes", "no", "also", "perhaps", "maybe", "finally", "first", "second",
              "third", "last", "next", "today", "tonight", "yesterday", "tomorrow", "here", "there", "thus", "hence",
              "therefore", "besides", "otherwise", "overall", "again", "already", "even", "only", "just", "so",
              "well", "after", "before", "earlier", "later", "although", "because", "since", "unless", "until",
              "whether", "where", "both",
              # determiners that open a sentence ("Other Netizens enjoyed …")
              "other", "another",
              "who", "which", "said", "says", "asked", "ask", "answer", "question", "update", "updated", "note",
              "read", "watch", "click", "photo", "video", "dec", "jan", "feb", "aug", "sept", "oct", "nov",
              # prepositions and conjunctions that open a sentence ("Despite Santilli's …", "Neither Alan Grayson nor …")
              "despite", "neither", "either", "nor", "unlike", "like", "amid", "among", "upon", "toward", "towards",
              "via", "per", "see", "from", "at", "by", "of", "to", "into", "without", "within", "during", "under",
              "over", "against", "about", "behind", "beyond", "except", "plus", "whereas", "given",
              # number words that open a sentence ("Six thousand people packed the hall"): a count, not a name
              *_SPELLED_NUMBERS, "hundred", "hundreds", "thousand", "thousands", "million", "millions", "dozen", "dozens"}


_MONTH_ABBREVIATIONS = {"jan", "feb", "aug", "sept", "oct", "nov", "dec"}  # a month with a period, a given name without
_NOT_NAME_STARTS = _NOT_NAMES | TITLES | {"pastor", "reverend", "bishop", "rabbi", "imam", "father", "sister", "brother", "team"}
# Capitalised role words that precede a person's name in one run of capitals ("House Speaker Paul Ryan").
_ROLE_WORDS = TITLES | {"speaker", "leader", "general", "attorney", "state", "chief", "minister", "ambassador",
                        "commissioner", "director", "chair", "chairwoman", "spokesman", "spokeswoman", "candidate",
                        "nominee", "ceo", "founder", "adviser", "advisor", "aide", "lawyer", "analyst", "coach",
                        "lt", "col", "capt", "sgt", "adm", "cmdr", "supt", "atty", "sens", "reps", "govs",
                        "congressman", "congresswoman", "senators", "representatives", "governors", "congressmen", "treasurer", "comptroller", "vice", "deputy", "whip",
                        "actor", "actress", "singer", "comedian", "author", "columnist", "pastor", "reverend",
                        "journalist", "reporter", "pollster", "strategist", "consultant", "activist", "economist",
                        "historian", "professor", "commentator", "anchor", "blogger", "filmmaker", "rapper", "novelist",
                        "businessman", "businesswoman", "entrepreneur", "billionaire", "lawmaker", "organizer"}  # "Actor
# Clint Howard", "Comedian Sarah Silverman": the occupation is no part of the name
# "Francisco-headquartered", "Obama-era": a lower-case part after a hyphen (not the syllables of "Ban Ki-moon", "Kim
# Jong-un": two to four letters each side, the first no prefix such as "Anti-", "Pro-", "Non-")
_HYPHEN_LOWER_RE = re.compile(r"-[a-z]")
_SYLLABLE_NAME_RE = re.compile(r"(?!(?:Anti|Pro|Non|Co|Ex|Post|Pre|Mid|Self|Neo|Semi|Vice|Ultra)-)[A-Z][a-z]{1,3}-[a-z]{2,4}[,.’'s]*")
_POSSESSIVE_RE = re.compile(r"['’]s?$")
_PERSON_WORD_RE = re.compile(r"(?:Mc|Mac|De|La|Le|Di|Du|O['’])?[A-Z][a-z’'-]+|[A-Z]\.|" + _PARTICLE)  # "McCarthy", "DeSantis",
# "O’Malley", and the "de" of "Bill de Blasio"


# What may stand before a sentence-initial word: the spaces and quotation marks _at_sentence_start skips, and
# what ends a sentence. After one space and anything else, a word is not sentence-initial (the common case).
_SENTENCE_START_CHARS = frozenset(" \t“‘\"'”’.!?:\n")


def _at_sentence_start(text: str, i: int) -> bool:
    """Whether only spaces and opening quotes stand between ``i`` and a sentence end, colon, newline or the text start."""
    j = i - 1
    opened = False
    while j >= 0 and j >= i - 4 and text[j] in " \t“‘\"'”’":
        opened = opened or (text[j] in "“‘\"" and j == i - 1)  # a quotation opens right before: its first word
        j -= 1
    return j < 0 or text[j] in ".!?:\n" or opened


# Beyond this many characters, the lower-case words of a text are collected once instead of found one by one, and an
# earlier appositive is looked for only this far back: an ordinary article is unaffected, a 5 MB one stays linear
_LONG_TEXT = 100_000
_LOWER_WORD_RE = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")  # as _has_lower_word tests one word


def _has_lower_word(text: str, word: str) -> bool:
    """Whether ``word`` (ASCII lower-case letters only, else False) stands in ``text`` as a whole word, not
    joined to letters, digits, apostrophes or hyphens ("meanwhile" for "Meanwhile", not "meanwhile-ish").
    str.find walks the text in C: faster than collecting the article's lower-case words first."""
    if not (word.isascii() and word.isalpha() and word.islower()):
        return False
    i, n = text.find(word), len(word)
    while i >= 0:
        before, after = text[i - 1 : i] if i else "", text[i + n : i + n + 1]
        if not (before and (before.isalnum() or before in "_'’-")) and not (after and (after.isalnum() or after in "_'’-")):
            return True
        i = text.find(word, i + 1)
    return False


_OFFICE_OF_RE = re.compile(r"\b(?:[Ss]upervisor|[Dd]irector|[Ss]ecretary|[Cc]ommissioner|[Cc]hair(?:man|woman)?|[Hh]ead|"
                           r"[Cc]hief|[Mm]inister|[Cc]lerk|[Pp]resident|[Dd]ean|[Ss]uperintendent|[Ii]nspector)\s+of\s+$")


def _person_after_office(name: str) -> str | None:
    """The person that ends a name run after "<role> of" ("Elections Susan Bucher" of "Supervisor of Elections Susan
    Bucher"): a given name at the second word or later and one or two name words after it; else None."""
    words = name.split()
    given = next((j for j in range(1, len(words) - 1) if words[j] in given_name_sex() and len(words) - j <= 3
                  and all(_PERSON_WORD_RE.fullmatch(w) for w in words[j:])), None)
    return " ".join(words[given:]) if given is not None else None


_NOUN_AFTER_RE = re.compile(r" ([a-z]+)\b(?<!ed)(?<!s)")  # a lower-case word after a name, no -ed or -s verb form
_VERB_AFTER_NAME = {"did", "said", "told", "wrote", "is", "was", "has", "had", "will", "would", "can", "could", "who",
                    "and", "or", "but", "of", "in", "on", "at", "for", "to", "from", "with", "by", "also", "then", "now",
                    "should", "may", "might", "must", "be", "do"}


def _entity_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """Capitalised name mentions in order: (start, end, name, type) with type person|org|unknown.

    A person is two or three capitalised words ("Tory Green") or a name after a title; an
    organisation has an organisation word ("Inc", "Party", "AI", "Labs"); a single word is
    unknown until a surname match or the context decides. Possessive ’s is dropped.
    """
    out = []
    lower_seen: dict[str, bool] = {}  # whether a word also appears in lower case, asked once per word
    lower_words: set[str] | None = None  # a long text's lower-case words, collected when first needed
    for m in _NAME_RE.finditer(text):
        raw = m.group(0)
        if " " not in raw and raw.lower().rstrip(".") in _NOT_NAME_STARTS:
            continue  # a capitalised function word ("The", "But"): no name, whatever the sentence start says
        if len(raw.rstrip(".")) == 1:
            continue  # a lone letter: the "D" of "Terry McAuliffe (D)" names no one (and hid the "his" after it)
        ms = m.start()
        if (ms < 2 or text[ms - 1] != " " or text[ms - 2] in _SENTENCE_START_CHARS) and _at_sentence_start(text, ms):
            # a capital that only the sentence start explains: "Meanwhile", "Although Weiner", "Said Comey"
            first = raw.split(None, 1)
            low = first[0].lower()
            if low not in lower_seen:
                if lower_words is None and len(text) > _LONG_TEXT:  # one pass, not one scan of the text per word
                    lower_words = set(_LOWER_WORD_RE.findall(text))
                lower_seen[low] = low in lower_words if lower_words is not None else _has_lower_word(text, low)
            if lower_seen[low]:
                if len(first) == 1:
                    continue
                m_start = m.start() + raw.index(first[1])
                raw = first[1]
            else:
                m_start = m.start()
        else:
            m_start = m.start()
        parts = _name_parts(raw)
        if parts is None:
            continue
        name, offset, length, kind = parts
        start = m_start + offset
        if name.count(" ") >= 2 and _OFFICE_OF_RE.search(text, max(0, start - 40), start):
            person = _person_after_office(name)  # "Supervisor of Elections Susan Bucher": the office, then the person
            if person is not None:
                cut = raw.find(person.split()[0], offset)
                name, offset, length, kind = person, cut, length - (cut - offset), "person"
                start = m_start + offset
        if start >= 2 and text[start - 1] == "-" and text[start - 2].islower():
            # "an anti-Trump PAC", "pro-Clinton": the prefix belongs to the phrase, which names neither Trump nor
            # Clinton (an actor "Trump PAC" would be the PAC against him); a lone "pro-Clinton" is no name at all
            if " " not in name:
                continue
            k = start - 1
            while k > 0 and text[k - 1].isalpha():
                k -= 1
            name, length, start = text[k : start - 1] + "-" + name, length + (start - k), k
        if kind == "unknown":
            before = text[max(0, start - 12) : start].lower().split()
            if before and before[-1].strip(".") in TITLES:
                kind = "person"
        elif kind == "person" and name.rsplit(None, 1)[-1].lower() in _DEMONYMS \
                and (nxt := _NOUN_AFTER_RE.match(text, start + length)) is not None and nxt.group(1) not in _VERB_AFTER_NAME:
            kind = "unknown"  # "Presumptive Democratic presidential nominee …": an adjective before its noun names no
            # one (but "The Wisconsin Republican did give …" describes a person)
        out.append((start, start + length, name, kind))
    return out


# Closed-class words that a title-case line capitalises ("A Message About Latinos") but no person's name holds.
# Initials ("William A. Ackman") and "From" (Al From) are left out.
_FUNCTION_WORDS = frozenset("""about of the in on for with to at by and or but an is are was were has have had not
that this what how why after before over into as its his her their our your my we they he she it you""".split())


_THING_HEADS = {"bowl", "series", "cup", "games", "olympics", "festival", "prize", "award", "awards", "summit", "act",
                "amendment", "doctrine", "treaty", "accord", "accords", "index", "poll", "survey", "magazine", "airport",
                "stadium", "arena", "hall", "street", "avenue", "square", "park", "river", "lake", "island", "islands",
                "county", "city", "valley", "beach", "bay", "road", "bridge", "tower", "towers", "hotel", "resort",
                "year", "eve", "tuesday", "east", "sea", "ocean", "gulf", "strait", "canal", "desert", "peninsula",
                "mountains", "mountain", "coast"}  # "New Year", "Christmas Eve", "Super Tuesday", "Middle East"
# Capitalised plurals of people: the last word of a group ("Latino Republicans", "Cuban Americans"), never of a name
_PEOPLE_PLURALS = {"republicans", "democrats", "americans", "latinos", "latinas", "hispanics", "conservatives",
                   "liberals", "progressives", "evangelicals", "catholics", "christians", "muslims", "mexicans",
                   "europeans", "africans", "asians", "independents", "libertarians", "moderates", "veterans"}
_DEMONYMS = {"american", "chinese", "western", *PARTY_ADJECTIVES}  # in _NOT_NAMES: "American officials" names
# nobody, but "American Legion", "Democratic National Committee" and "Republican Party" are names


def _demonym_opens_name(rest: list[str]) -> bool:
    """Whether the capitalised words after "American" make an organisation's name with it: an organisation
    word among them ("American Civil Liberties Union"), or one word that is no role and no acronym ("American
    Legion", not "American President" or the "Chinese AI" of "Chinese AI labs")."""
    low = [w.lower().strip(".,") for w in rest]
    if any(w in _ROLE_WORDS for w in low):
        return False
    if len(rest) == 1:
        return not rest[0].strip(".,").isupper()
    return any(w in _ORG_WORDS for w in low)


_TIME_WORDS = {"year", "day", "week", "month", "weekend", "eve"}  # no given name; a title may end with one
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}  # lower-cased, without the period


def _family_name(name: str) -> str:
    """The last word of a name with the particles before it: "de Vos" of "Pierre de Vos", "Trump" of "Donald Trump",
    "Harris" of "Harry B. Harris Jr." (no generational suffix)."""
    words = _without_suffix(name.split())  # "Harris" of "Harry B. Harris Jr."
    k = len(words) - 1
    while k > 1 and words[k - 1] in NAME_PARTICLES:
        k -= 1
    return " ".join(words[k:])


def _without_suffix(words: list[str]) -> list[str]:
    """A name's words without a generational suffix after at least two others ("Harry Hurt III": Harry Hurt)."""
    return words[:-1] if len(words) > 2 and words[-1].lower().strip(".,") in _NAME_SUFFIXES else words


def surname(name: str) -> str:
    """The last word of a person's name that is no generational suffix: "Hurt" of "Harry Hurt III"."""
    return _without_suffix(name.split())[-1]


@lru_cache(maxsize=65536)
def _name_parts(raw: str) -> tuple[str, int, int, str] | None:
    """(name, its offset and length in ``raw``, person|org|unknown before the title check) for one capitalised
    run, or None. The name's words are joined by one space; offset and length are those of the run in the text
    (a name broken across a line, "Breitbart\nNews", keeps its real span).

    Cached: an article repeats its names, and the same run always gives the same parts.
    """
    if " " not in raw and raw.lower().rstrip(".") in _NOT_NAME_STARTS:
        return None  # a capitalised function word opening a sentence: the common case
    words = raw.split()
    if len(words) >= 3 and words[0].lower() in _TIME_WORDS:
        words = words[1:]  # "Liar-of the Year Barack Obama": the title's last word, then the name
    while words and words[0].lower().strip(".") in _NOT_NAME_STARTS \
            and not (words[0].lower() in _MONTH_ABBREVIATIONS and len(words) > 1):  # "Jan Brewer", not "Jan. 5"
        if words[0].lower() in _DEMONYMS and len(words) > 1 and _demonym_opens_name(words[1:]):
            break  # "The American Legion", "American Airlines": the adjective is part of an organisation's name
        if len(words) == 2 and words[0].lower().strip(".") in TITLES and words[1].lower().strip(".,") in _ORG_WORDS:
            break  # "Justice Department": a title word that names the organisation with the word after it
        words = words[1:]
    # a hyphenated lower-case word ("Francisco-headquartered") ends a name
    for i, w in enumerate(words):
        if "-" in w and _HYPHEN_LOWER_RE.search(w) and not (i > 0 and _SYLLABLE_NAME_RE.fullmatch(w)):
            words = words[i + 1 :] if i + 1 < len(words) else []
            break
    if not words:
        return None
    for i, w in enumerate(words[:2]):  # "Florida’s Rick Wilson", "North Carolina’s Ada Fisher": the person is after the place
        if _POSSESSIVE_RE.search(w) and 2 <= len(words) - i - 1 <= 3 \
                and " ".join([*words[:i], _POSSESSIVE_RE.sub("", w)]) in place_kinds() \
                and all(_PERSON_WORD_RE.fullmatch(x) for x in words[i + 1 :]):
            words = words[i + 1 :]
            break
    for i, w in enumerate(words[1:3], start=1):  # "Barack Obama's America": the person, the rest is what they own
        owner = [*words[:i], _POSSESSIVE_RE.sub("", w)]
        if i + 1 < len(words) and _POSSESSIVE_RE.search(w) and all(_PERSON_WORD_RE.fullmatch(x) for x in owner) \
                and not any(x.lower() in _FUNCTION_WORDS or x.lower() in _ORG_WORDS or x.lower() in _DEMONYMS
                            for x in owner):
            words = words[: i + 1]
            break
    words[-1] = _POSSESSIVE_RE.sub("", words[-1])
    if len(words) >= 3:  # "House Speaker Paul Ryan", "Ohio Gov. John Kasich", "Attorney General Loretta E. Lynch"
        role = max((j for j, w in enumerate(words[:-2]) if w.lower().strip(".") in _ROLE_WORDS), default=None)
        suffix = words[-1].lower().strip(".,") in _NAME_SUFFIXES  # "Vice President Joseph R. Biden Jr."
        if role is not None and all(_PERSON_WORD_RE.fullmatch(w) for w in words[role + 1 : len(words) - suffix]) \
                and 2 <= len(words) - role - 1 - suffix <= 3:
            words = words[role + 1 :]
    name = " ".join(w for w in words if w)
    if not name:
        return None
    offset = raw.find(words[0])
    last = raw.rfind(words[-1])
    length = last + len(words[-1]) - offset
    low = [w.lower().strip(".") for w in words]
    if any(w in _ORG_WORDS and (w != "ai" or o == "AI") for w, o in zip(low, words, strict=True)) or low[0] in _DEMONYMS:
        kind = "org"  # ("Moonshot AI", but not the given name of "Ai Jun")
    elif len(words) > 1 and (low[-1] in _THING_HEADS or low[-1] in _PEOPLE_PLURALS):
        kind = "unknown"  # "Super Bowl", "Patriot Act", "Orange County": no person a pronoun could mean; nor are
        # "Latino Republicans" or "Cuban Americans" (a group)
    elif (len([w for w in low if w not in NAME_PARTICLES]) - (low[-1] in _NAME_SUFFIXES) in (2, 3)
          or (len(words) == 4 and words[0] in given_name_sex() and words[0] not in place_kinds()
              and not any(_POSSESSIVE_RE.search(w) or w in _PARTY_WORDS or w in _ROLE_WORDS or w in TITLES for w in low))) \
            and all(_PERSON_WORD_RE.fullmatch(w) for w in (words[:-1] if low[-1] in _NAME_SUFFIXES else words)) \
            and _FUNCTION_WORDS.isdisjoint(low) and not (low[0] in _FOREIGN_ARTICLES and any(w in NAME_PARTICLES for w in low)):
        kind = "person"  # ("Harry Hurt III", "Robert P. Casey Jr.": a generational suffix after the surname; four
        # words after a given name: "Jorge Antonio Villasenor Llamas")
    else:
        kind = "unknown"
    return name, offset, length, kind


_WHO_CLAUSE_RE = re.compile(r"\s+who\s+[^,;:“”\"]{1,80}?(?=,)")  # a restrictive clause before an appositive name
_COPULA_RE = re.compile(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+(?:[a-z]+\s+){0,12}?(?:and\s+)?"
                        r"(?:is|was|has\s+been|had\s+been|remains|became)\s+(?:a|an|the)\s+[^.;:!?“”\"]{0,160}$")


def _copula_subject(text: str, end: int) -> tuple[int, int] | None:
    """The named subject of "X is a …" when a restrictive relative clause hangs on the predicate noun: in "Donald
    Trump … is a serial liar … and bully who has pledged …", the one who pledged is Donald Trump."""
    m = _COPULA_RE.search(text, max(0, end - 220), end)
    if m is None or m.group(1).split()[0].lower() in _NOT_NAME_STARTS:
        return None
    return m.span(1)


_ROLE_OF_BEFORE_RE = re.compile(r"((?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+){0,2}(?:member|staffer|aide|adviser|advisor|spokesman|"
                                r"spokeswoman|spokesperson|official|director|volunteer|organizer|employee|lawyer|"
                                r"attorney|leader|chairman|chairwoman|president|founder|executive|professor|fellow|"
                                r"analyst|strategist|manager))\s+(?:for|of|at|with|on)\s+$")
_NAME_BEFORE_ROLE_RE = re.compile(rf"(?<![\w’'.-])({_CAPITALISED_RUN})(?:,\s+\d{{1,3}})?,\s+$")
_CONTENT_PRONOUN_RE = re.compile(r"(?:that\s+)?([Hh]e|[Ss]he)\s+(?!said|says|told)")  # content opening with he/she
_INCLUDING_RE = re.compile(r"(?:including|among|especially|notably|particularly|such\s+as)\s+", re.IGNORECASE)
DOCUMENT_HEADS = {"lawsuit", "suit", "complaint", "filing", "petition", "motion"}
_UNINFORMATIVE_MODIFIERS = {"a", "an", "the", "this", "that", "new", "recent", "latest", "same", "another", "its", "their"}
_REPORT_HEADS = {"report", "study", "survey", "poll", "memo", "analysis", "audit", "review", "investigation", "probe"}
# What someone says or writes: after "his"/"her" the person is the speaker ("his remarks calling …", "her vow to …")
_SAYING_HEADS = _cue_noun_words() | {"remark", "remarks", "comment", "comments", "words", "speech", "speeches", "tweet",
                                     "tweets", "post", "posts", "letter", "op-ed", "memo", "email", "emails", "message",
                                     "messages", "answer", "answers", "response", "reply", "interview", "testimony", "book",
                                     "column", "essay", "ad", "ads", "video"}
_QUANTITY_OF_RE = re.compile(r"(?:thousands|hundreds|millions|dozens|scores|a\s+group|a\s+number|a\s+handful|groups|"
                             r"a\s+coalition|a\s+majority|some|many|most)\s+of\s+$", re.IGNORECASE)
_FILED_RE = re.compile(r"((?:[A-Z][\w.&’'-]*\s+){0,3}[A-Z][\w.&’'-]*)\s+(?:has\s+|had\s+|also\s+)?(?:sued|sues|filed|brought)\b")
_NP_STOP = {"have", "has", "had", "are", "were", "is", "was", "will", "would", "can", "could", "said", "say", "says",
            "do", "did", "does", "may", "might", "must", "should", "who", "which", "that"}


def _filer_before(text: str, pos: int) -> str | None:
    """The name before "sued"/"filed" nearest before ``pos`` (within 600 characters): who brought a lawsuit."""
    found = None
    for m in _FILED_RE.finditer(text, max(0, pos - 600), pos):
        found = m.group(1)
    if found is None:
        return None
    words = found.split()
    while words and words[0].lower() in _NOT_NAME_STARTS:
        words = words[1:]
    return " ".join(words) or None


def _plural_subject_of(text: str, s0: int, pos: int) -> str | None:
    """The plural noun phrase opening the sentence, when a later "they" refers back to it ("U.S. firms such as
    Anthropic and OpenAI have … rivals they accuse"); None when the sentence opens otherwise."""
    words = []
    for m in re.finditer(r"\S+", text[s0:pos]):
        w = m.group(0)
        if w.lower() in _NP_STOP or w.endswith((",", ";", ":")) or (w.islower() and w.endswith("ed")):
            break
        words.append(w)
    if not words or len(words) > 10 or not (words[0][0].isupper()) or words[0].lower() in PRONOUNS \
            or words[0].lower() in _CLAUSE_WORDS:
        return None
    np_text = " ".join(words)
    if len(np_text) >= pos - s0 or not (words[-1].endswith("s") or " and " in np_text):
        return None
    return np_text


# Heads of noun phrases that "it" can stand for: organisations, filings and texts that speak ("the congressional
# report", "Trump's campaign", "the paper"); a person is never "it".
_TEXT_HEADS = {"report", "statement", "email", "e-mail", "post", "paper", "newspaper", "memo", "memorandum", "constitution",
               "ad", "advertisement", "letter", "study", "survey", "poll", "website", "site", "release", "document",
               "bill", "message", "tweet", "video", "book", "article", "editorial", "analysis", "review", "audit",
               "ruling", "decision", "order", "policy", "plan", "platform", "proposal", "law", "resolution", "page",
               "network", "association", "union", "council", "board", "commission", "magazine", "station", "office"}
_IT_HEADS = frozenset({k for k, v in NOMINAL_HEADS.items() if v == "org"} | DOCUMENT_HEADS | _TEXT_HEADS)
_BE_AFTER_IT_RE = re.compile(r"(?:\s+|['’])(?:is|was|s|has\s+been|had\s+been|(?:should|must|can|could|would|will|may|might)"
                             r"\s+be)\b", re.IGNORECASE)
_IT_NP_RE = re.compile(r"(?<![\w'’])(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[A-Z][\w.&-]*['’]s)\s+(?:[\w-]+\s+){0,3}?"
                       r"([a-z-]+)\b")
_OPENING_ADVERBIAL = _PREPOSITIONS | _SUBORDINATORS


def _opening_subject(text: str, a: int, b: int, is_person, names, any_head: bool = False) -> str | None:
    """The subject that opens ``text[a:b]``, after an opening adverbial ("In cases of abortion, …"), when "it" can
    stand for it: a phrase whose head is in ``_IT_HEADS`` ("Trump’s campaign" -> "Trump campaign", "The congressional
    report") or a name among ``names`` that is no person by ``is_person`` ("Cleveland", "The Washington Post"); with
    ``any_head``, also any singular phrase after "the"/"a"/"this" ("The harbor fund has raised … the $6 million it
    pledged"). None otherwise."""
    seg = text[a:b]
    first = seg.split(None, 1)
    if first and first[0].lower().strip(",") in _OPENING_ADVERBIAL:
        comma = seg.find(",")
        if comma < 0 or len(seg[:comma].split()) > 12:
            return None
        seg = seg[comma + 1 :]
    words = []
    for w in seg.split()[:8]:
        core = w.rstrip(",;:”’\"'")
        low = core.lower()
        if not core or not (core[0].isalnum()) or any(q in core for q in "“”\"") or low in _NP_STOP or low in _AUX_WORDS or low in _finite_cue_forms() \
                or (low in _PREPOSITIONS and low != "of") or (core.islower() and (low.endswith(("ed", "ly"))
                                                                               or low in _PLAIN_ADVERBS)):
            break  # "A letter this month to the bank board": the subject ends before the preposition
        words.append(core)
        if core != w:
            break
    first = re.split(r"['’]", words[0].lower())[0] if words else ""
    if not words or first in PRONOUNS or first in _CLAUSE_WORDS - {"this", "that"} or first.strip(".") in TITLES:
        return None
    heads = [j for j, w in enumerate(words) if w.lower() in _IT_HEADS]
    if heads:
        words = words[: heads[0] + 1]  # "A letter this month": the letter
        if len(words) >= 2 and _POSSESSIVE_RE.search(words[-2]) and words[-2][:1].isupper():
            return " ".join([*words[:-2], _POSSESSIVE_RE.sub("", words[-2]), words[-1]])  # "Trump’s campaign"
        return " ".join(words)
    if any_head and len(words) > 1 and words[0].lower() in ("the", "a", "an", "this") and words[-1].islower() \
            and not (words[-1].endswith("s") and not words[-1].endswith("ss")):
        return " ".join(words)
    if all(w[:1].isupper() or w == "of" for w in words[1:]) and words[-1][:1].isupper():
        name = " ".join(words[1:] if words[0].lower() == "the" else words)
        plural = len(name.split()) == 1 and name.endswith("s") and not name.endswith("ss")
        if name in names and not is_person(name) and not plural:
            return name  # "Cleveland has raised …", not "The Russians", "Documents from …" or "People briefed on …"
    return None


def _it_antecedent(ctx, pos: int, persons, speakers) -> str | None:
    """What an "it" that speaks stands for, or None to leave it as written (an expletive "it was said", "It should
    be noted", or nothing fit): the subject opening its own sentence when "it" is in a later clause ("Cleveland has
    raised $57 million of the $64 million it pledged"); else the latest speaker that is no person in this or the
    previous sentence ("the company wrote in its statement. It added"); else the subject opening the previous
    sentence ("Trump’s campaign backtracked. In cases of abortion, it said"); else the first phrase there whose
    head can speak ("Salceda cited a 2001 memorandum … It says")."""
    text = ctx.text
    if _BE_AFTER_IT_RE.match(text, pos + 2):
        return None
    names = ctx.names()

    def person(name: str) -> bool:  # a person by the article's names, a title, or a he/she that follows the name
        return ctx.canonical(name) in persons or name in ctx.full_by_surname or name.split()[0].lower().strip(".") \
            in TITLES or ctx.sex_evidence(ctx.canonical(name)) != 0

    i = ctx.sentence_of(pos)
    s0 = ctx.sentences[i][0] if ctx.sentences else 0
    if text[s0:pos].strip(" “\"‘'("):
        found = _opening_subject(text, s0, pos, person, names, any_head=True)
        if found:
            return found
    p0 = ctx.sentences[i - 1][0] if i > 0 else s0
    for start, name in reversed(speakers):
        if start < p0:
            break
        if start < pos and (name[:1].isupper() or name.split()[-1].lower() in _IT_HEADS) \
                and name.lower() not in PRONOUNS and not person(name):  # "the email read. It stated": the email
            return name
    if i == 0:
        return None
    found = _opening_subject(text, p0, s0, person, names)
    if found:
        return found
    for m in _IT_NP_RE.finditer(text, p0, s0):
        if m.group(1) in _IT_HEADS and not ctx.in_quote(m.start()):
            return _opening_subject(text, m.start(), m.end(), person, names) or m.group(0)
    return None


_PRONOUN_SEX = {"he": 1, "him": 1, "his": 1, "she": -1, "her": -1, "hers": -1}
_NEXT_PRONOUN_RE = re.compile(r"(?<![\w'’])(he|him|his|himself|she|her|hers|herself)(?![\w'’])", re.IGNORECASE)
_SEX_TITLES = {"mr": 1, "mrs": -1, "ms": -1}
_SENTENCE_END_RE = re.compile(r"[.!?][”’\"']?\s")


def _title_sex(text: str, s: int) -> int:
    """+1 for "Mr." just before ``s``, -1 for "Mrs."/"Ms.", else 0."""
    before = text[max(0, s - 5) : s].lower().split()
    return _SEX_TITLES.get(before[-1].strip("."), 0) if before else 0


def _gender_evidence(text: str, ents, indices) -> int:
    """The article's own evidence that the person of the mentions ``ents[i]`` (i in ``indices``, one name's
    mentions) is "he" (positive) or "she" (negative): a title (Mr., Mrs., Ms.) before a mention, and the first
    third-person pronoun after a mention in its sentence, before any other name.
    No name list: "Ann Ruiz arrived; her speech ran long" is the evidence."""
    total = 0
    for i in indices:
        s, e = ents[i][0], ents[i][1]
        score = 2 * _title_sex(text, s)
        limit = ents[i + 1][0] if i + 1 < len(ents) else len(text)
        m = _NEXT_PRONOUN_RE.search(text, e, min(limit, e + 150))
        if m and not _SENTENCE_END_RE.search(text, e, m.start()):  # in the same sentence only
            score += 1 if m.group(1).lower() in ("he", "him", "his", "himself") else -1
        total += score
    return total


# How many of the most recently mentioned names compete for "it" and "the company": every name of an ordinary
# article, but a bounded number in a 5 MB one (a contest over all names made it quadratic).
_SALIENT_NAMES = 200
_MODIFIER_NAME_RE = re.compile(rf"\s+(?:(?:{_ROLE_NOUNS})\s+)+[A-Z]")
_OBLIQUE_BEFORE = _PREPOSITIONS | _SUBORDINATORS | {"than", "like", "against", "about", "under", "including",
                                                     "involving", "and", "or", "a", "an", "of"}
# (a name after "a" or "of" is no subject either: "build a Great Wall", "the final of the Copa Americana")
_MAX_SENTENCES_BACK = 6  # how far back a pronoun's antecedent is looked for, in sentences


_SPELLED_TITLES = {"president", "senator", "governor", "secretary", "representative", "judge", "justice", "mayor"}


_TITLE_ARTICLE_RE = re.compile(r"\s((?:A|An|The)\s)")  # an article inside a title-case run opens its last noun phrase


def _is_title_line(text: str, a: int, b: int) -> bool:
    """Whether the line ``text[a:b]`` is a title-case line of at most 250 characters (a headline is short)."""
    return b - a <= 250 and nlp.is_title_case(text[a:b])


class _Context:
    """What the resolver knows of an article: sentences, quoted stretches, name mentions, gender evidence."""

    def __init__(self, text: str, ents, canonical, sentences=None, quoted=None, full_by_surname=None, persons=(),
                 paragraphs=None):
        self.text, self.ents, self.canonical = text, ents, canonical
        self.persons = set(persons)
        self.full_by_surname = full_by_surname or {}
        self.starts = [e[0] for e in ents]
        if sentences is None:
            sentences = [(p0 + a, p0 + b) for p0, p1 in _paragraphs(text)
                         for a, b in nlp.fast_sentence_spans(text[p0:p1])]
        self.sentences = sorted(sentences)
        self.sent_starts = [a for a, _ in self.sentences]
        self.quoted = sorted(quoted or [])
        self.quote_starts = [o for o, _ in self.quoted]
        self._mentions_of: dict[str, list[int]] | None = None  # name -> indices of its mentions in ``ents``
        self._sex: dict[str, int] = {}  # name -> its gender evidence, summed when first asked
        self._full_at: dict[str, list[int]] | None = None  # each full name's mention starts, built when needed
        self._paragraphs = paragraphs  # the article's lines, when the caller has them
        self._titles: list[tuple[int, int]] | None = None  # title-case lines, found when first asked
        self._title_starts: list[int] = []
        self._single_counts: dict[str, int] | None = None  # one-word name -> its mentions, counted when first asked
        self._names: set[str] | None = None  # every name mentioned, built when first asked

    def sex_evidence(self, name: str) -> int:
        """The article's evidence of "he" (positive) or "she" (negative) for one person (``_gender_evidence``),
        summed over the mentions of that name only when asked: most names are never asked about."""
        if self._mentions_of is None:
            ambiguous = {k for k, v in self.full_by_surname.items() if len(v) > 1}  # surnames stay as written
            self._mentions_of = {}
            for i, (_s, _e, raw, kind) in enumerate(self.ents):
                if kind == "person" or " " not in raw:
                    self._mentions_of.setdefault(raw if raw in ambiguous else self.canonical(raw), []).append(i)
        if name not in self._sex:
            self._sex[name] = _gender_evidence(self.text, self.ents, self._mentions_of.get(name, ()))
        return self._sex[name]

    def sex_of(self, name: str) -> int:
        """The given name's sign (+1, -1 or 0) unless a title outweighs it, else the article's evidence for a full name
        (:meth:`sex_evidence`): one pronoun after a mention is weak ("Ben Jealous said, suggesting that a platform could
        help her …": Clinton's "her"); "Ben" is a man's name in 97% or more of the births that had it."""
        evidence, given = self.sex_evidence(name), _given_name_sign(name)
        return given if given and abs(evidence) < 2 else (evidence or given)

    def names(self) -> set[str]:
        """Every name the article mentions, as written and as its full form."""
        if self._names is None:
            self._names = {n for _s, _e, n, _k in self.ents} | {self.canonical(n) for _s, _e, n, _k in self.ents}
        return self._names

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def in_title(self, pos: int) -> bool:
        """Whether ``pos`` lies in a title-case line (a headline: "Pier Vote Delayed"), whose capitals do not
        show which words are names: no pronoun or description refers back to a "name" there."""
        if self._titles is None:
            paras = self._paragraphs if self._paragraphs is not None else _paragraphs(self.text)
            self._titles = sorted((a, b) for a, b in paras if _is_title_line(self.text, a, b))
            self._title_starts = [a for a, _ in self._titles]
        i = bisect.bisect_right(self._title_starts, pos) - 1  # lines do not overlap: the last one starting before
        return i >= 0 and pos < self._titles[i][1]

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def mention_sex(self, s: int, name: str) -> int:
        """+1 he, -1 she, 0 unknown: a title on this mention ("Mrs. Clinton"), else the article's evidence for the name."""
        title = _title_sex(self.text, s)
        if title:
            return title
        evidence = self.sex_of(name)  # the article's own evidence first, else the given name's
        return 1 if evidence > 0 else -1 if evidence < 0 else 0

    def oblique(self, s: int, e: int, of_too: bool = True) -> bool:
        """A mention that is not a clause's subject: after a preposition or subordinator, or a possessive
        (unless the possessive opens the sentence: "Trump's attempt … failed. Within minutes, he …"). With
        ``of_too`` False, a name after "of" may still be the one meant ("the defense of Sanders … the Vermont
        senator": a description looks back to it)."""
        prev = _prev_word(self.text, max(0, s - 30), s)
        while prev and prev.group(1)[:1].isupper() and prev.group(1).lower() in _SPELLED_TITLES:  # "under President X"
            prev = _prev_word(self.text, max(0, prev.start(1) - 30), prev.start(1))
        if prev and prev.group(1).lower() == "the":  # "the final of the Copa Americana": the word before the article
            prev = _prev_word(self.text, max(0, prev.start(1) - 30), prev.start(1))
        if prev and prev.group(1).lower() in _OBLIQUE_BEFORE and (of_too or prev.group(1).lower() != "of"):
            return True
        if _KIN_BEFORE_RE.search(self.text, max(0, s - 50), s):
            return True  # "his wife, Jane Sanders,": a relative named beside someone; a bare "Sanders" is the other
        if _MODIFIER_NAME_RE.match(self.text, e):  # "McConnell spokesman Don Stewart": the spokesman is the subject
            return True
        if self.text[e : e + 2] in ("'s", "’s") or self.text[e : e + 1] in ("'", "’"):
            if _KIN_AFTER_RE.match(self.text, e):
                return True  # "Donald Trump's eldest daughter, 34, …": the daughter is the subject
            s0 = self.sentences[self.sentence_of(s)][0] if self.sentences else 0
            return bool(self.text[s0:s].strip(" \"“‘'"))
        return False

    def full_name(self, raw: str, s: int) -> str:
        """The full name a mention stands for. A surname shared by several full names in the article
        ("Bill Clinton", "Hillary Clinton") goes to the one whose sex matches this mention's title
        ("Mrs. Clinton"), or without a title to the one written last before it; a title that no full name's
        sex confirms leaves the surname as it is. A surname with one full name gets that name."""
        full = self.full_by_surname.get(raw, [])
        if len(full) <= 1 or " " in raw:
            return self.canonical(raw)
        title = _title_sex(self.text, s)
        fits = [f for f in full if title and self.sex_of(f) * title > 0]
        if len(fits) == 1 and not self.written_before(fits[0], s):
            # "Mrs. Clinton" before "Chelsea Clinton" is first named: the one full name written before it that the
            # title does not contradict ("Hillary Clinton", whose sex the article may not show)
            earlier = [f for f in full if self.written_before(f, s) and self.sex_of(f) * title >= 0]
            if len(earlier) == 1:
                return earlier[0]
        if len(fits) == 1:
            return fits[0]
        if len(fits) > 1:  # "Mr. Bush" of Jeb, George W. and Barbara Bush: of the men, the one last written as subject
            return self.latest_full(fits, s) or raw
        if title and not fits:  # "Mrs. Clinton" when only Bill's sex is shown: the one full name not against it
            fits = [f for f in full if self.sex_of(f) * title >= 0]
            if len(fits) == 1:
                return fits[0]
        return raw if title else (self.latest_full(full, s) or raw)  # a title nobody's sex confirms: the surname

    def written_before(self, full: str, s: int) -> bool:
        """Whether the full name is written before ``s``."""
        self._index_full_names()
        return any(es < s for es, _obl in self._full_at.get(full, ()))

    def _index_full_names(self) -> None:
        if self._full_at is None:
            self._full_at = {}
            for es, ee, n, _k in self.ents:
                if " " in n:
                    self._full_at.setdefault(n, []).append((es, self.oblique(es, ee)))

    def latest_full(self, full: list[str], s: int) -> str | None:
        """Of several full names sharing a surname, the one a bare surname at ``s`` stands for, or None when none
        is written before ``s``: the one last written before it as a subject ("Liz Cheney won … Cheney said": Liz
        Cheney, though Dick Cheney appears elsewhere); when none is a subject before it (only "his memory of Bill
        Clinton's years", "the Hillary Clinton campaign"), of those written before it the one the article names
        most, by full name or first name alone; on a tie, the one written last before it."""
        self._index_full_names()
        before = {f: [(es, obl) for es, obl in self._full_at.get(f, []) if es < s] for f in full}
        subjects = {f: max((es for es, obl in v if not obl), default=-1) for f, v in before.items()}
        if max(subjects.values()) >= 0:
            return max(full, key=lambda f: subjects[f])
        if not any(before.values()):
            return None
        if self._single_counts is None:  # one-word mentions ("Hillary"), counted once per article
            self._single_counts = {}
            for _es, _ee, n, _k in self.ents:
                if " " not in n:
                    self._single_counts[n] = self._single_counts.get(n, 0) + 1
        written = [f for f in full if before[f]]  # ("Ivanka Trump", first written after it, is not who "Trump" was)
        named = {f: len(self._full_at.get(f, [])) + self._single_counts.get(f.split()[0], 0) for f in written}
        top = max(named.values())
        if sum(1 for v in named.values() if v == top) == 1:
            return next(f for f in written if named[f] == top)
        return max(written, key=lambda f: before[f][-1][0])


_KIN_WORDS = ("wife", "husband", "son", "daughter", "brother", "sister", "father", "mother", "widow", "stepson",
              "stepdaughter", "nephew", "niece", "cousin", "grandson", "granddaughter")
# A possessive before a relative or someone speaking for the owner: "Donald Trump's eldest daughter, 34, …"
_KIN_AFTER_RE = re.compile(rf"['’]s?\s+(?:[a-z]+\s+)?(?:{'|'.join(_KIN_WORDS)}|children|child|parents|family|spokesman|"
                           r"spokeswoman|aide|aides|lawyer|lawyers)\b")
_KIN_BEFORE_RE = re.compile(rf"(?<![\w'’-])(?:{'|'.join(_KIN_WORDS)})s?"
                            r"(?:,?\s+|\s+of\s+(?:[\w'’-]+\s+){0,3})$")  # "Patricia Smith, mother of Benghazi victim Sean Smith"


def _written_sex(text: str, pos: int) -> int:
    """+1 or -1 when the speaker mention at ``pos`` is itself a he/she pronoun ("he said" is a man's), else 0."""
    m = _LETTERS_RE.match(text, pos)
    return _PRONOUN_SEX.get(m.group(0).lower(), 0) if m else 0


_FEMALE_HEADS = {"woman", "congresswoman", "actress", "mother", "wife", "daughter", "sister", "spokeswoman",
                 "businesswoman", "chairwoman", "grandmother", "widow", "heiress", "girl", "lady"}
_MALE_HEADS = {"man", "congressman", "actor", "father", "husband", "son", "brother", "spokesman", "businessman",
               "chairman", "grandfather", "boy", "widower"}
_APPOSITIVE_OPEN_RE = re.compile(r"[,(—–-]\s*$")  # "Willie Minor, an actor in Dallas, …": the description is his
_ASKER_HEADS = {"reporter", "journalist", "correspondent", "questioner", "moderator", "interviewer", "anchor", "host"}
_ONE_PERSON_HEADS = {"delegate", "attendee", "voter", "resident", "member", "participant", "supporter", "worker"}


def _someone_described(phrase: str, sex: int | None) -> bool:
    """Whether a speaker is one person described, not named ("One California delegate", "a Trump supporter"), whose
    sex, where the noun says it, is not against ``sex``: a he/she in the next sentences may be that person."""
    words = phrase.split()
    if not 2 <= len(words) <= 6 or words[0].lower() not in ("a", "an", "one", "another") or "as" in words:
        return False
    head = _head_word(words)
    if head in _ASKER_HEADS or (head not in _ONE_PERSON_HEADS and (head not in _person_nouns() or head.endswith("s"))):
        return False  # (a reporter asks, and the he/she who answers is someone else)
    return not (sex is not None and ((sex > 0 and head in _FEMALE_HEADS) or (sex < 0 and head in _MALE_HEADS)))


_DESCRIPTION_OPENS_RE = re.compile(r"\s*(?:The|This|That)\s+[a-z]")  # a sentence opening with a description


def _person_antecedent(ctx: _Context, pos: int, sex: int | None, persons: set[str],
                       speakers: list[tuple[int, str]], spk_pos: list[int], description: bool = False) -> str | None:
    """The person a he/she (or a definite description such as "the Vermont senator") at ``pos`` refers to.

    Walks back sentence by sentence from the mention (at most ``_MAX_SENTENCES_BACK``): in each, the
    nearest earlier speaker of an attribution who fits, else the first name that fits and reads as a
    subject (not after a preposition or "when", not a possessive); a sentence whose first fitting word
    is itself a pronoun of that sex continues the chain backwards. Names inside quotation marks do not
    count. "Fits": a person whose sex, where the article shows it, is the pronoun's. A ``description`` may also
    look back to a name after "of" ("the defense of Sanders … the Vermont senator said": Sanders).
    Example: "Mr. Kasich predicted ... if Sanders wins. “That's not an issue,” he said." -> Kasich.
    """
    text = ctx.text
    k = ctx.sentence_of(pos)
    fallback = None

    def full(name: str | None) -> str | None:  # "she" and the surname "Clinton" of Bill and Hillary: Hillary Clinton
        if name is None or sex is None or len(ctx.full_by_surname.get(name, ())) < 2:
            return name
        fulls = [f for f in ctx.full_by_surname[name] if ctx.written_before(f, pos)] or ctx.full_by_surname[name]
        # (a "she" refers back: not to "Chelsea Clinton", first named later in the article)
        fit = [f for f in fulls if ctx.sex_of(f) * sex > 0]
        if len(fit) == 1:
            return fit[0]
        if len(fit) > 1:  # several men (or women) of the surname: the one last written as subject
            return ctx.latest_full(fit, pos) or name
        fit = [f for f in fulls if ctx.sex_of(f) * sex >= 0]  # none against the pronoun
        if 0 < len(fit) < len(fulls):
            return fit[0] if len(fit) == 1 else (ctx.latest_full(fit, pos) or name)
        return name

    def fits(name: str, s: int) -> bool:
        if name not in persons and ctx.canonical(name) not in persons:
            return False
        if sex is None:
            return True
        ms = ctx.mention_sex(s, name)
        return ms == 0 or ms == sex

    for kk in range(k, max(-1, k - _MAX_SENTENCES_BACK - 1), -1):
        s0, s1 = ctx.sentences[kk] if ctx.sentences else (0, len(text))
        hi = min(s1, pos) if kk == k else s1
        lo_i = bisect.bisect_left(spk_pos, s0)
        hi_i = bisect.bisect_left(spk_pos, hi)
        said = [(p, n) for p, n in speakers[lo_i:hi_i] if (n in persons or (
            not description and kk >= k - 1 and _someone_described(n, sex) and not _APPOSITIVE_OPEN_RE.search(text, max(0, p - 3), p)))
            and (sex is None or (
            ctx.mention_sex(p, n) in (0, sex) and _written_sex(text, p) in (0, sex)))]  # not a "he" for a "she"
        if said:
            return full(said[-1][1])
        first_pron = None
        if sex is not None:
            rx = _HE_RE if sex > 0 else _SHE_RE
            for m in rx.finditer(text, s0, hi):
                if not ctx.in_quote(m.start()):
                    first_pron = m.start()
                    break
        if not description and kk < k and _DESCRIPTION_OPENS_RE.match(text, s0):
            # "The former ambassador also discussed … Donald Trump. He stated …": a sentence whose subject describes
            # a person continues that person, whom the description names (not a name later in its sentence)
            sub = _sentence_subject(text[s0:hi], s0)
            words = text[sub[0] : sub[1]].split() if sub else []
            if words and _is_description(words, _head_word(words)) and (first_pron is None or sub[0] < first_pron):
                who = _described_before(ctx, words, sub[0], persons) \
                    or _person_antecedent(ctx, sub[0], None, persons, speakers, spk_pos, True)
                if who is not None and fits(who, sub[0]):
                    return full(who)
        i = bisect.bisect_left(ctx.starts, s0)
        subject = None
        while i < len(ctx.ents) and ctx.ents[i][0] < hi:
            es, ee, raw, _kind = ctx.ents[i]
            i += 1
            name = ctx.full_name(raw, es)
            if ctx.in_quote(es) or ctx.in_title(es) or not fits(name, es):
                continue
            if ctx.oblique(es, ee, of_too=not description):
                if fallback is None:
                    fallback = name
                continue
            subject = (es, name)
            break
        if subject is not None and (first_pron is None or subject[0] < first_pron):
            return full(subject[1])
        if subject is not None and fallback is None:
            fallback = subject[1]
    return full(fallback)


_KIN_NOUNS = {*_KIN_WORDS, "family", "children", "child", "parent", "parents", "friend", "fiance", "fiancee", "partner",
              "boss", "team", "campaign", "staff", "office", "camp"}  # (the people around someone)


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns that name people or their own groups, singular: before "of Trump, who …" they are who speaks."""
    return frozenset(_PERSON_DESCRIPTION_HEADS | set(_GROUP_NOUNS) | {w.rstrip("s") for w in _GROUP_NOUNS}
                     | _ROLE_WORDS | _KIN_NOUNS)


# A thing's noun, a preposition and a name ending a relative clause's antecedent: "an anomaly for Kaine"
_NAME_AFTER_THING_RE = re.compile(r"(?<![\w'’-])([a-z]+)\s+(?:for|of|to|by)\s+((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*)$")
_HE_RE = re.compile(r"(?<![\w'’])(?:he|him|his)(?![\w'’])", re.IGNORECASE)
_SHE_RE = re.compile(r"(?<![\w'’])(?:she|her|hers)(?![\w'’])", re.IGNORECASE)
_PERSON_DESCRIPTION_HEADS = {h for h, t in NOMINAL_HEADS.items() if t == "person"} | {
    "republican", "democrat", "conservative", "liberal", "progressive", "congressman", "congresswoman",
    "woman", "man", "speaker", "leader", "justice", "judge", "prosecutor", "commissioner", "general",
    "star", "host", "owner", "developer", "tycoon", "politician", "incumbent", "challenger",
    # occupations a story names a person by after naming them ("the retired neurosurgeon", "the actress")
    "neurosurgeon", "surgeon", "doctor", "physician", "actor", "actress", "singer", "rapper", "comedian", "novelist", "journalist", "anchor", "columnist", "commentator", "pundit", "strategist", "pollster", "economist",
    "professor", "historian", "scientist", "activist", "pastor", "preacher", "bishop", "rabbi", "imam", "coach",
    "quarterback", "entrepreneur", "investor", "banker", "magnate", "heiress", "sheriff"}


_HEAD_ENDING_PREPOSITIONS = {"of", "for", "from", "at", "in", "on", "with"}


def _head_word(words: list[str]) -> str:
    """The head noun of a phrase: the word before its first preposition ("The former secretary of State", "The
    Brennan Center for Justice", "the senator from Vermont"), else the last."""
    of = next((i for i, w in enumerate(words) if w.lower() in _HEAD_ENDING_PREPOSITIONS and i > 1), None)
    return words[(of if of else len(words)) - 1].lower().strip(".,’'") if words else ""


_ROLE_BEFORE_NAME_RE = re.compile(r"(?:former|then|now|retired|longtime|(?:[A-Z][\w.-]*\s+)?(?:Rep|Sen|Gov|Mayor|Judge)\.?)"
                                  r"(?:\s+(?:[A-Z][\w.-]*\s+)?(?:Rep|Sen|Gov|Mayor|Judge)\.?)?\s+")


def _appositive_name(ctx: _Context, end: int) -> str | None:
    """The person named in an appositive right after a description ("the American ambassador at the time,
    John E. Herbst"; "Trump's attorney, Alan Garten, said"), or None."""
    m = _COMMA_GAP_RE.match(ctx.text[end : end + 4])
    if not m:
        return None
    at = end + m.end()
    i = bisect.bisect_left(ctx.starts, at)
    if i < len(ctx.ents) and ctx.ents[i][0] != at:  # the name may follow its role: ", former Colorado Rep. Pat Schroeder,"
        i = next((j for j in range(i, min(i + 3, len(ctx.ents)))
                  if _ROLE_BEFORE_NAME_RE.fullmatch(ctx.text, at, ctx.ents[j][0]) and ctx.ents[j][3] == "person"), len(ctx.ents))
    if i >= len(ctx.ents):
        return None
    _es, ee, name, kind = ctx.ents[i]
    after = ctx.text[ee : ee + 12]
    full = ctx.canonical(name)
    if (kind == "person" or full in ctx.persons) and re.match(r"\s*(?:[,.;—–)]|\s+(?:said|says|told|added|wrote)\b|$)", after):
        return full
    return None


def _described_before(ctx: _Context, words: list[str], pos: int, persons: set[str]) -> str | None:
    """The person an earlier appositive described with the same last two words as a description: "Bernie Sanders, a
    self-described democratic socialist, …" or "democratic socialist Bernie Sanders" makes "the self-described
    democratic socialist" Sanders (the latest such person before the mention)."""
    tail = [w.strip(".,’'").lower() for w in (words[-2:] if len(words) >= 3 else words[-1:])]  # "the columnist":
    if len(words) < 2 or not all(w.isalpha() for w in tail) or tail == ["president"]:  # "columnist Ai Jun wrote"
        return None  # ("the president" after "World Bank President Jim Yong Kim" is still the country's)
    phrase = r"(?i:" + r"\s+".join(map(re.escape, tail)) + ")"
    rx = re.compile(rf",\s+(?:an?|the)\s+(?:[\w'’-]+\s+){{0,3}}?{phrase}[,;.]|(?<![\w'’]){phrase}\s+(?=[A-Z])")
    found = None
    for m in rx.finditer(ctx.text, max(0, pos - _LONG_TEXT), pos):
        if m.end() > pos - 2:
            break
        if m.group(0).startswith(","):  # "Name, a … democratic socialist,": the name ends right before the comma
            named = [n for s0, e0, n in _names_in(ctx, max(0, m.start() - 60), m.start()) if e0 == m.start()]
        else:  # "democratic socialist Bernie Sanders": the name starts right after
            named = [n for s0, e0, n in _names_in(ctx, m.end(), m.end() + 60) if s0 == m.end()]
        full = [ctx.full_name(n, m.start()) for n in named]
        if full and " " in full[0] and full[0] in persons:
            found = full[0]
    return found


# An office with its place after it ("The attorney general of the state of New York", "the governor of Ohio")
_OF_PLACE = r"(?:of|for)\s+(?:the\s+(?:state|city|county|commonwealth)\s+of\s+)?((?:[A-Z][\w.’'-]*)(?:\s+[A-Z][\w.’'-]*){0,2})"
_OF_PLACE_NEXT_RE = re.compile(rf"\s+{_OF_PLACE}")  # after the description
_OF_PLACE_AFTER_HEAD_RE = re.compile(rf"\s{_OF_PLACE}$")  # inside it, at its end


def _is_description(words: list[str], head: str) -> bool:
    """A definite description of one person ("the Vermont senator", "The former secretary of State"): the/this/that,
    a person's role as head, no comma, and no name after the head ("the senator Bernie Sanders" names him)."""
    if len(words) < 2 or words[0].lower() not in {"the", "this", "that"} or head not in _PERSON_DESCRIPTION_HEADS:
        return False
    if any("," in w for w in words):
        return False
    if len(words) > 2 and all(w[:1].isupper() for w in words[1:]) and head not in _PARTY_WORDS:
        return False  # "The New Hampshire Union Leader": a proper name (a newspaper), not "the union leader" (but "The
        # Wisconsin Republican" is one of the party's people)
    at = next(i for i in range(len(words) - 1, 0, -1) if words[i].lower().strip(".,’'") == head)
    return not any(w[:1].isupper() and words[i - 1].lower() != "of" for i, w in enumerate(words[at + 1 :], at + 1))


def _names_in(ctx: _Context, s: int, e: int) -> list[tuple[int, int, str]]:
    i = bisect.bisect_left(ctx.starts, s)
    out = []
    while i < len(ctx.ents) and ctx.ents[i][0] < e:
        es, ee, n, _k = ctx.ents[i]
        if ee <= e:
            out.append((es, ee, n))
        i += 1
    return out


# After a person's name, "of the …", "at …", "from …", "of digital consulting firm …": an affiliation, not an
# organisation's own name ("American Federation of Teachers", "Secretary of State")
_FOR_BEFORE_NAME_RE = re.compile(r"(?<![\w'’])(?:for|to|with)\s+(?:[A-Z][\w.]*\.?\s+){0,2}$")  # "a spokesman for Mayor X of …"
_PERSON_OF_RE = re.compile(r"\s+(?:of\s+(?:the\s+|[a-z])|at\s|from\s|with\s)")


def _list_after_preposition(ctx: _Context, s: int, comma: int, e: int) -> bool:
    """Whether the comma at ``comma`` continues a list of names that a preposition opens ("Voters in Ohio, Florida
    and Iowa"): a name right before the comma after "in", "of", "from", … and only names, "and" and commas after it."""
    text = ctx.text
    before = [x for x in _names_in(ctx, s, comma) if not text[x[1] : comma].strip()]
    if not before:
        return False
    prev = _prev_word(text, max(0, before[-1][0] - 20), before[-1][0])
    if not prev or prev.group(1).lower() not in ("in", "of", "from", "for", "at", "across"):
        return False
    rest = text[comma:e]
    if " and " not in rest:
        return False  # "a spokesman for Ohio, Jim Smith": an appositive
    for _ns, _ne, n in _names_in(ctx, comma, e):
        rest = rest.replace(n, " ")
    return not rest.replace(",", " ").replace(" and ", " ").strip()


_OBJECT_PARTICIPLES = {"supporting", "backing", "endorsing", "opposing", "representing", "advising", "criticizing",
                       "attacking", "praising", "defending", "challenging", "covering", "interviewing", "following",
                       "quoting", "citing", "targeting", "serving"}  # ("ranking", "leading": adjectives)


def _named_head(ctx: _Context, s: int, e: int) -> str | None:
    """The name a speaker phrase names, if any: a name that ends the phrase ("Sen. Ted Cruz", "Intel's CEO Pat
    Gelsinger"), not one after "of"/"for" ("a spokesman for Bernie Sanders": the spokesman speaks). An
    appositive after a comma counts when it is names only ("the two leading Republicans, Donald Trump and Ted
    Cruz,"); otherwise the phrase ends at its first comma ("the Human Rights Campaign, an advocacy group")."""
    text = ctx.text
    if " but " in text[s:e]:
        return None  # "Everyone but Hewlett": the name is the one who did not speak
    if _GROUP_OF_EXAMPLES_RE.match(text, s, e):
        return None  # "Consulting firms like McKinsey", "populists like Mr. Trump and Ms. Le Pen": the group speaks
    comma = text.find(",", s, e)
    if comma > s and _list_after_preposition(ctx, s, comma, e):
        comma = -1  # "Voters in Ohio, Florida and Iowa": a list of places, no appositive
    if comma > s:
        app = text[comma + 1 : e].strip(" ,")
        names = _names_in(ctx, comma + 1, e)
        rest = app
        for _ns, _ne, n in names:
            rest = rest.replace(n, " ")
        rest_words = [w for w in re.findall(r"[\w.’']+", rest) if w.lower().strip(".") not in TITLES | {"and", "the"}
                      and not re.fullmatch(r"[A-Z]\.", w)]
        if names and not rest_words and app[:1].isupper():
            return app
        e = comma
    inner = _names_in(ctx, s, e)
    if inner and _PERSON_OF_RE.match(text, inner[0][1]) \
            and not text[s : inner[0][0]].strip() and _name_parts(inner[0][2]) is not None \
            and _name_parts(inner[0][2])[3] == "person":
        return ctx.full_name(inner[0][2], inner[0][0])  # "Stephen Vladeck of the University of Texas": Vladeck
    names = [(ns, ne, n) for ns, ne, n in inner if not text[ne:e].strip(" ,.’'s")]
    if not names:
        return None
    ns, _ne, n = names[-1]
    prev = _prev_word(text, max(0, ns - 20), ns)
    for ls, le, _m in reversed([x for x in inner if x[1] <= ns]):  # "exit polls in New Hampshire and Iowa": back
        between = text[le:ns].strip()  # to the list's first name, whose preposition tells
        if between not in (",", "and", ", and") or ls < s:
            break
        ns = ls
        prev = _prev_word(text, max(0, ns - 20), ns)
    if prev and prev.group(1).lower() in ("the", "a", "an") and prev.start(1) > s:
        prev = _prev_word(text, max(0, prev.start(1) - 20), prev.start(1)) or prev  # "Heiserman of the CORE Teachers"
    if prev and ns > s and prev.group(1) in _OBJECT_PARTICIPLES:
        return None  # "a superdelegate supporting Clinton": the name is what the participle acts on, not who speaks
    if prev and prev.group(1).lower() in ("of", "for", "to", "with", "from", "at", "by", "on", "in", "about") and ns > s:
        # "a spokesman for Bernie Sanders": the spokesman speaks; "Representative Mike Coffman of Colorado": Coffman
        head = [(a, b, m) for a, b, m in _names_in(ctx, s, prev.start(1)) if not text[b : prev.start(1)].strip(" ,.’'s")]
        person = prev.group(1).lower() == "of" and head and _name_parts(head[-1][2]) is not None \
            and not text[s : head[-1][0]].rstrip().lower().endswith("the") \
            and not _FOR_BEFORE_NAME_RE.search(text, s, head[-1][0]) \
            and (_name_parts(head[-1][2])[3] == "person"  # "Mike Coffman", not "RNC Chief" or "Reformation Church"
                 or (" " not in head[-1][2] and " " in ctx.full_name(head[-1][2], head[-1][0])))  # "Heiserman"
        return ctx.full_name(head[-1][2], head[-1][0]) if person else None
    return ctx.full_name(n, ns)


# A description's head and the last words of the names it can stand for ("the school": "Baylor University").
_NEWSPAPER_NAMES = {"newspaper", "times", "post", "journal", "herald", "tribune", "globe", "gazette", "chronicle",
                    "inquirer", "observer", "guardian", "telegraph", "register", "star", "examiner", "courier"}
_HEAD_NAMES = {"school": {"school", "university", "college", "academy"}, "university": {"university", "college"},
               "paper": _NEWSPAPER_NAMES | {"paper"}, "newspaper": _NEWSPAPER_NAMES,
               "network": {"network", "news"}, "agency": {"agency", "administration", "bureau", "service"},
               "department": {"department", "ministry"}, "company": {"company", "corporation", "inc", "corp", "co"}}
_ORG_HEAD_WINDOW = 40  # name mentions looked at, most recent first


def _org_by_head(ents, before: int, head: str, canonical) -> str | None:
    """The name, among the latest mentions before index ``before`` of ``ents``, that a description with this head
    stands for: one whose last word is the head or a word of its kind ("the school" after "Baylor University", "the
    committee" after "the House Oversight Committee"); persons never. None when no such name is near."""
    ends = _HEAD_NAMES.get(head, {head})
    for i in range(before - 1, max(-1, before - 1 - _ORG_HEAD_WINDOW), -1):
        _s, _e, name, kind = ents[i]
        if kind != "person" and " " in name and name.split()[-1].lower().strip(".") in ends \
                and "'" not in name and "’" not in name:  # not "Obama’s DOJ"
            return canonical(name)
    return None


_PARTY_WORDS = {"democrat", "democrats", "republican", "republicans", "democratic", "independent", "gop", "libertarian"}


def _first_names(words: list[str], text: str) -> bool:
    """Whether the words before a partial name are given names ("Lily" of "Lily Eskelsen García"): capitalised, no
    possessive, party label, role or title, and not a word the article also writes in lower case ("Imagine")."""
    return bool(words) and all(
        _PERSON_WORD_RE.fullmatch(w) and not _POSSESSIVE_RE.search(w) and w.lower() not in _PARTY_WORDS
        and w.lower().strip(".") not in _ROLE_WORDS and w.lower().strip(".") not in TITLES
        and w.lower() not in _NOT_NAMES and not _has_lower_word(text, w.lower()) for w in words)


@lru_cache(maxsize=1)
def given_name_sex() -> dict[str, int]:
    """Given names that nearly always are one sex's (``data/given_names_en.csv``, from U.S. Social Security
    births): +1 male, -1 female, the sign :func:`_gender_evidence` uses."""
    raw = resources.files("analysis").joinpath("data/given_names_en.csv").read_text(encoding="utf-8")
    rows = (line.split(",") for line in raw.splitlines() if line and not line.startswith("#") and line != "name,sex")
    return {name: 1 if sex == "M" else -1 for name, sex in rows}


def _given_name_sign(name: str) -> int:
    """+1 or -1 when a full name's given name (the word before the surname: "Chancellor Angela Merkel", "Donald J.
    Trump") nearly always is a man's
    or a woman's ("Barbara Poma", "Carly Fiorina"), else 0."""
    given = [w for w in name.split()[:-1] if not re.fullmatch(r"[A-Z]\.?", w)]  # not the surname, not an initial
    return given_name_sex().get(given[-1], 0) if given else 0  # the word before the surname: not a title ("Chancellor")


_GOVERNMENT_HEADS = {"government", "administration", "regime", "country", "nation"}


@lru_cache(maxsize=1)
def place_kinds() -> dict[str, str]:
    """Countries, U.S. states and large cities (``data/places_en.csv``, from GeoNames), each with its kind (country,
    state or city): names with a person's shape ("San Francisco") or an organisation's place in a sentence
    ("Chicago") that name neither."""
    raw = resources.files("analysis").joinpath("data/places_en.csv").read_text(encoding="utf-8")
    rows = (line.rsplit(",", 1) for line in raw.splitlines() if line and not line.startswith("#") and line != "name,kind")
    return {name: kind for name, kind in rows}


_NAMES_AFTER_RE = re.compile(r",\s+([^,]+?\sand\s[^,]+?),")  # the names in an appositive after a plural description


def _is_plural_group(name: str) -> bool:
    """Whether a resolved speaker is a plural description a "they" can refer to ("Military analysts", "executives
    who have worked with Lachlan Murdoch", "many World Bank watchers"), not a name or a pronoun."""
    head = re.split(r"\s+(?:who|that|which|with|at|of|in|from|for)\s", name, maxsplit=1)[0].split()
    last = head[-1] if head else ""
    return len(head) >= 1 and last.islower() and last.endswith("s") and not last.endswith("ss") \
        and last not in PRONOUNS and name.lower() not in PRONOUNS


_DOUBLED_DET_RE = re.compile(r"(?<![\w'’-])(the|a|an|The|A|An) (?:the|a|an)(?= )")


def resolve_speakers(text: str, attributions: list[Attribution], sentences=None, quoted=None, paragraphs=None) -> None:
    """Fill ``resolved`` for each attribution: the entity its speaker mention refers to.

    Names stand for themselves, except a bare surname, which becomes the earlier full name ending in it.
    He/she and definite descriptions of a person ("the Vermont senator") go to an earlier person by
    :func:`_person_antecedent` (recency, subjects and speakers first, sex where the article shows it);
    "her campaign" becomes "Clinton campaign" that way. It and "the company"-style nominals go to the
    most salient organisation (mentions so far + 3 if it has spoken + 2 if in the last 300 characters).
    They, and anything unresolved, keep the mention as written. ``sentences``, ``quoted`` and ``paragraphs``
    (character spans) come from :func:`extract_text`; without them they are worked out here.
    """
    places = place_kinds()  # "San Francisco", "New Hampshire": no one a "he" refers to, nor "the company"
    ents = [(s, e, n, "place" if n in places else k) for s, e, n, k in _entity_mentions(text)]
    persons_full: dict[str, str] = {}
    full_by_surname: dict[str, list[str]] = {}
    # A full name written mid-sentence is the surname's full form before one that opens a line, whose first word
    # may be a title-case headline's ("Understated Perez raises …" beside "Thomas Perez").
    full = [e for e in ents if e[3] == "person" and " " in e[2]]
    opening = {e[0]: _at_sentence_start(text, e[0]) for e in full}
    mid_sentence = {e[2] for e in full if not opening[e[0]]}  # full names written mid-sentence at least once
    for _, _, name, _ in sorted(full, key=lambda e: opening[e[0]]):  # stable: mid-sentence first
        persons_full.setdefault(surname(name), name)
        group = full_by_surname.setdefault(surname(name), [])
        if name not in group and not any(g.split()[0] == name.split()[0] and surname(g) == g.split()[-1]
                                         and surname(name) == name.split()[-1] for g in group):
            group.append(name)  # one person's variants ("Donald J. Trump", "Donald Trump"): the first written stands
            # (but "Donald Trump Jr." is his son)

    full_names = set(persons_full.values())

    canonical_of: dict[str, str] = {}  # asked about each name many times: answered once

    def canonical(name: str) -> str:
        """A bare surname's full name; a partial name's one longer form ("Eskelsen García": "Lily Eskelsen García")."""
        found = canonical_of.get(name)
        if found is None:
            found = canonical_of[name] = _canonical(name)
        return found

    def _canonical(name: str) -> str:
        if " " not in name:
            name = persons_full.get(name, name)
            if " " not in name:
                return name
        longer = [f for f in full_by_surname.get(surname(name), ()) if f.endswith(" " + name) and f in mid_sentence
                  and _first_names(f[: len(f) - len(name)].split(), text)]  # not "Imagine Brad Thor" opening a line
        return longer[0] if len(longer) == 1 else name

    ctx: _Context | None = None  # built at the first pronoun or description, which many articles never need
    persons = {canonical(n) for _, _, n, k in ents if k == "person"} | full_names
    spoken: set[str] = set()
    speakers: list[tuple[int, str]] = []  # (speaker start, resolved) of the attributions resolved so far
    spk_pos: list[int] = []  # their starts, kept beside them (in order) for bisection
    counts: dict[str, int] = {}
    last_seen: dict[str, int] = {}
    recent: dict[str, None] = {}  # names in the order last seen: the salience contest looks at the latest ones
    kinds: dict[str, set[str]] = {}
    nxt = 0  # entities before the current attribution's speaker have been counted

    def context() -> _Context:
        nonlocal ctx
        if ctx is None:
            ctx = _Context(text, ents, canonical, sentences, quoted, full_by_surname, persons, paragraphs)
        return ctx

    def done(att: Attribution, name: str) -> None:
        name = _DOUBLED_DET_RE.sub(r"\1", " ".join(name.split()))  # "The  campaign manager" (two spaces in the text) is
        # one speaker with one space; "the the congressional report" (a typo in the text) has one "the"
        att.resolved = name
        spoken.add(name)
        example = _EXAMPLE_NAME_RE.search(name) if " " in name else None
        if example is not None and canonical(example.group(1)) in persons:
            speakers.append((att.speaker[0], canonical(example.group(1))))  # "experts like Paul Bauman say …" and
            spk_pos.append(att.speaker[0])  # then "he said": Bauman, the one person the group's phrase names
        speakers.append((att.speaker[0], name))
        spk_pos.append(att.speaker[0])

    for att in sorted(attributions, key=lambda a: a.speaker[0] if a.speaker else 0):
        if att.speaker is None:
            continue
        while nxt < len(ents) and ents[nxt][0] < att.speaker[0]:
            s, _e, name, kind = ents[nxt]
            name = canonical(name)
            counts[name] = counts.get(name, 0) + 1
            last_seen[name] = s
            kinds.setdefault(name, set()).add(kind)
            recent.pop(name, None)
            recent[name] = None  # most recently seen last
            nxt += 1
        span = att.speaker
        mention = text[span[0] : span[1]]
        if mention.lower() == "who" or mention in ("that", "which"):  # a relative clause speaks for the phrase
            end = len(_DASH_TAIL_RE.sub("", text[max(0, span[0] - 200) : span[0]])) + max(0, span[0] - 200)  # before it
            # ("Jo Ames, who said …", "Donald Trump - who said …")
            restrictive = text[end : span[0]].strip(" \xa0") == "" and text[end - 1 : end].islower()
            ante = (_copula_subject(text, end) if restrictive else None) or _speaker_before(text, 0, end)
            if ante is not None and mention.lower() == "who" and text[end : end + 1] == "," and (
                    place_kinds().get(text[ante[0] : ante[1]]) is not None
                    or _STATE_ABBREVIATION_RE.fullmatch(text, ante[0], ante[1])):
                # "Alan Berger, a gynecologist from Englewood, New Jersey, who said …": the town and state close the
                # appositive, and "who" is its person (read as the subject of an appositive that ends at the comma)
                ante = _speaker_before(text[:end] + ",", 0, end + 1) or ante
            if ante is not None and not any(ch.isalpha() for ch in text[ante[0] : ante[1]]):
                ante = None  # "an email in 2014 that would have …": a year is no antecedent of a speaker
            if ante is None:
                last = _PREV_WORD_RE.search(text, max(0, end - 40), end)  # "For someone who conceded": someone
                ante = last.span(1) if last and last.group(1).isalpha() and last.group(1).lower() not in _NOT_NAMES \
                    else None
            art = max((m for m in _TITLE_ARTICLE_RE.finditer(text, ante[0] + 1, ante[1])
                       if not text[max(0, m.start() - 3) : m.start()].lower().endswith("of")),  # "The Mayor Of A Town"
                      key=lambda m: m.start(), default=None) if ante is not None else None
            if art is not None:
                line0, line1 = text.rfind("\n", 0, ante[0]) + 1, text.find("\n", span[1])
                if _is_title_line(text, line0, line1 if line1 >= 0 else len(text)):
                    ante = (art.start(1), ante[1])  # "Wisconsin Elects A Supreme Court Justice Who …": the justice
            role = _ROLE_OF_BEFORE_RE.search(text, max(0, ante[0] - 60), ante[0]) \
                if ante is not None and mention.lower() == "who" else None
            if role is not None:  # "a former staff member for the Sanders campaign in Philadelphia who said": the staff
                ante = role.span(1)  # member, not the campaign ("who" is a person), and the name the role describes
                named = _NAME_BEFORE_ROLE_RE.search(text, max(0, ante[0] - 80), ante[0])  # ("Elizabeth Arnold, 32, a …")
                ante = named.span(1) if named else ante
            if ante is not None:
                inc = _INCLUDING_RE.match(text, ante[0], ante[1])  # "— including some who warned": some
                ante = (inc.end(), ante[1]) if inc and inc.end() < ante[1] else ante
                q = _QUANTITY_OF_RE.search(text, max(0, ante[0] - 40), ante[0])
                span = (q.start(), ante[1]) if q else ante  # "thousands of authors, who alleged …"
                named = _NAME_AFTER_THING_RE.search(text, span[0], span[1])
                if named and not {named.group(1).lower(), named.group(1).lower().rstrip("s")} & _person_nouns():
                    span = named.span(2)  # "hardly an anomaly for Kaine, who criticized …": Kaine, not the anomaly
                example = _EXAMPLE_NAME_RE.search(text, span[0], span[1]) if not restrictive else None
                if example is not None:  # "groups like ISIS, which claimed …": ISIS (but "groups like ISIS that …")
                    span = example.span(1)
                mention = text[span[0] : span[1]]
        words = mention.split()
        head = _head_word(words)
        first = words[0].lower() if words else ""
        listed = _LISTED_NAME_RE.search(mention) if " of " in mention and "," in mention else None
        if listed:  # "The Bureau of Alcohol, Tobacco, Firearms and Explosives": one name ("A report by" it: its)
            org = listed.group(0).strip()
            done(att, org[4:] if org.startswith(("The ", "the ")) else org)
            continue
        parts = coordinated_names(mention)
        appos = _NAMES_AFTER_RE.match(text, span[1], min(len(text), span[1] + 120)) \
            if not parts and len(words) > 1 and words[-1].islower() and words[-1].endswith("s") else None
        if appos:  # "the two leading Republicans, Donald J. Trump and Senator Ted Cruz, said": the names
            parts = coordinated_names(appos.group(1))
        if parts and len(parts[0].split()) > 1 and _at_sentence_start(text, span[0]) \
                and _has_lower_word(text, parts[0].split()[0].lower()):
            parts[0] = parts[0].split(None, 1)[1]  # "Rivals Ted Cruz and …": a capital only the sentence start explains
        if parts:  # "Donald Trump and Ted Cruz": each name as the article names it in full
            full = [canonical(" ".join(p.split()[1:]) if p.split()[0].lower().strip(".") in TITLES else p) for p in parts]
            done(att, ", ".join(full[:-1]) + " and " + full[-1])
            continue
        if len(words) > 1 and first not in PRONOUNS and att.cue_lemma != "according to":
            # (not after "according to": in "According to an FBI summary, Cheryl Mills, an aide, sent …" the name
            # after the comma is the content's subject, no appositive of the summary)
            ctx = context()
            named = _appositive_name(ctx, span[1])  # "Trump's attorney, Alan Garten, said": Alan Garten
            rel = _WHO_CLAUSE_RE.match(text, span[1]) if named is None else None
            if rel:  # "One of his former supporters who still backs Randolph, former Rep. Pat Schroeder, wrote"
                named = _appositive_name(ctx, rel.end())
            if named is not None:
                done(att, named)
                continue
        if head in DOCUMENT_HEADS and first in {"the", "this", "that", "its", "their"}:
            filer = _filer_before(text, span[0])  # "Reddit sued Anthropic. That lawsuit said …": Reddit
            if filer is not None:
                done(att, canonical(filer))
                continue
        if len(words) == 2 and first in {"the", "this", "that"} and head in _REPORT_HEADS:
            same = next((n for _, n in itertools.islice(reversed(speakers), _SALIENT_NAMES)
                         if n.lower().endswith(" " + head) and n.lower() != mention.lower()
                         and set(n.lower().split()[:-1]) - _UNINFORMATIVE_MODIFIERS), None)  # not "a new poll"
            if same is not None:  # "according to the congressional report … the report said": that report
                done(att, same)
                continue
        if first == "they" and len(words) == 1:
            # the sentence's plural subject, but not when the sentence's opening is the content ("The United States
            # might have …, they argue, …")
            group = _plural_subject_of(text, att.sentence[0], span[0]) \
                if not any(a < span[0] for a, _b in att.spans) else None  # "U.S. firms … rivals they accuse of …"
            if group is None:  # "Military analysts say …. …, they said": the group heard just before
                group = next((n for p, n in reversed(speakers[-3:]) if span[0] - p < 400 and _is_plural_group(n)), None)
            if group is not None:
                done(att, group)
                continue
        sex = _PRONOUN_SEX.get(first)
        person_pronoun = len(words) == 1 and PRONOUNS.get(first) == "person"
        description = _is_description(words, head)
        possessive = len(words) > 1 and first in ("his", "her") and not any(w[:1].isupper() for w in words[1:])
        if person_pronoun or description or possessive:
            ctx = context()
            who = _described_before(ctx, words, span[0], persons) if description else None
            if description:  # a description has no sex of its own, but "the secretary of state said she was …" speaks
                # of herself, most likely: a woman
                own = _CONTENT_PRONOUN_RE.match(text, att.spans[0][0]) if att.spans and span[1] <= att.spans[0][0] else None
                sex = _PRONOUN_SEX.get(own.group(1).lower()) if own else None
            place = description and (_OF_PLACE_AFTER_HEAD_RE.search(mention) or _OF_PLACE_NEXT_RE.match(text, span[1]))
            specified = bool(place) and place_kinds().get(place.group(1).rstrip(" .,’'s")) is not None
            # ("The attorney general of the state of New York is suing Trump": an office with its place is someone
            # new, unless an earlier appositive gave that office to a name)
            who = who or (None if specified else _person_antecedent(ctx, span[0], sex, persons, speakers, spk_pos, description))
            if who is not None:
                # "his campaign": Trump campaign; "his remarks calling …", "her vow to …": the person speaks
                done(att, f"{_family_name(who)} {' '.join(words[1:])}" if possessive and head not in _SAYING_HEADS else who)
                continue
            if possessive or description:
                done(att, mention)
                continue
        target = None
        if first in PRONOUNS and len(words) == 1:
            target = PRONOUNS[first]
        elif head in NOMINAL_HEADS and first in {"the", "this", "that"} and NOMINAL_HEADS[head] == "org" \
                and not any(w[:1].isupper() for w in words[1:]):
            target = "org"
        if first in ("the", "this", "that") and len(words) == 2 and head.isalpha() and head not in _PERSON_DESCRIPTION_HEADS:
            named = _org_by_head(ents, nxt, head, canonical)  # "Baylor University … The school said": Baylor University
            if named is not None:
                done(att, named)
                continue
        if target == "org":  # "the campaign" after "the Sanders campaign said": the latest speaker of that kind
            same = next((n for _, n in itertools.islice(reversed(speakers), _SALIENT_NAMES)  # the latest ones only
                         if n[:1].isupper() and n.lower().endswith(" " + head)), None)
            if same is not None:
                done(att, same)
                continue
        if first == "it" and len(words) == 1:
            done(att, _it_antecedent(context(), span[0], persons, speakers) or mention)
            continue
        if target in ("person", "org"):
            best, best_score = None, None
            # "Black Lives Matter issued a statement saying … “…,” the group said": the organisation that just spoke
            just_spoken = {n for p, n in itertools.islice(reversed(speakers), 3) if att.speaker[0] - p < 600}
            for name in itertools.islice(reversed(recent), _SALIENT_NAMES):
                n, k = counts[name], kinds[name]
                is_person = "person" in k or name in full_names
                if target == "person" and (not is_person or (sex and context().sex_of(name) != sex)):
                    continue  # (nor a man for "she": "Terry McAuliffe … his comments", then "Clinton … when she said")
                if target == "org" and (is_person or not ({"org", "unknown"} & k)) \
                        and not ("place" in k and head in _GOVERNMENT_HEADS):  # "the government": of a country
                    continue
                score = (n + 3 * (name in spoken) + 2 * (att.speaker[0] - last_seen[name] < 300)
                         + 4 * (target == "org" and name in just_spoken), last_seen[name])
                if best_score is None or score > best_score:
                    best, best_score = name, score
            done(att, best or mention)
        else:
            ctx = context()
            named = _named_head(ctx, span[0], span[1])
            if named is None and words and first in {"the", "this", "that"} and len(words) > 1:
                named = " ".join(words[1:]) if words[1][:1].isupper() else None  # "the Washington Post", not "the share of …"
            done(att, named or mention)


# ---------------------------------------------------------------------------------------------
# Whole articles


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, trimmed (the quote extractor treats every line as a paragraph)."""
    spans = (nlp.strip_span(text, *m.span()) for m in re.finditer(r"[^\r\n]+", text))
    return [(s, e) for s, e in spans if e > s]


_DASH_ATTRIBUTION_RE = re.compile(r"[-—–]+\s*((?:[A-Z][\w'’.-]*\s*){1,5})")


def _framed_before_quote(text: str, sent: tuple[int, int], outer: list[tuple[int, int]]) -> bool:
    """Whether a sentence has its own cue before its first quotation ("Clinton called Trump “unhinged.”"), so
    the next sentence's frame is not its speaker."""
    first = min((o for o, _ in outer if sent[0] <= o < sent[1]), default=sent[1])
    lead = text[sent[0] : first]
    return any(_is_verbal(lead, c[0]) for c in find_cues(lead))


def _merge_sentences(text: str, sents: list[tuple[int, int]], quotes) -> list[tuple[int, int]]:
    """Join sentences that one quote spans, and a short "X said." that follows a closing quote."""
    merged: list[tuple[int, int]] = []
    outer = sorted((o, c) for o, c, d in quotes if d == 0)
    opens = [o for o, _ in outer]
    reach = list(itertools.accumulate((c for _, c in outer), max))  # furthest close of the quotes opened so far

    def spanned(s: int, before: int) -> bool:  # an outer quote opened before both s and ``before`` runs past s
        k = bisect.bisect_left(opens, min(s, before))
        return k > 0 and reach[k - 1] > s

    for s, e in sents:
        if merged and spanned(s, merged[-1][1]):
            merged[-1] = (merged[-1][0], e)
            continue
        if merged and text[merged[-1][1] - 1] in "”\"’'" and len(text[s:e].split()) <= 14 \
                and not _framed_before_quote(text, merged[-1], outer):
            head = text[s:e]
            cues = [c for c in find_cues(head) if _is_verbal(head, c[0])]
            first_quote = min((o - s for o, c, d in quotes if d == 0 and s <= o < e), default=len(head))
            if cues and cues[0][0] < first_quote and len(head[: cues[0][0]].split()) <= 8 \
                    and len(head[cues[0][1] : first_quote].split()) <= 4:  # "He said." not "He noted that …"
                merged[-1] = (merged[-1][0], e)
                continue
        merged.append((s, e))
    return merged


def _lead_in(text: str, s: int, e: int, quotes) -> Attribution | None:
    """A sentence that ends in a colon and introduces the next paragraph's quote ("Stated Stone:")."""
    if not text[s:e].rstrip().endswith(":") or any(s <= o < e for o, c, d in quotes if d == 0):
        return None
    masked = _mask(text, s, e, quotes)
    cues = [(a + s, b + s) for a, b in find_cues(masked) if _is_verbal(masked, a)]
    if not cues:  # "17-year-old Jared Potts echoed:" — the colon itself is the cue, the subject the speaker
        spk = _sentence_subject(masked, s)
        colon = s + len(masked.rstrip()) - 1
        if spk is None or len(masked.split()) > 12 or text[spk[0] : spk[1]].lower().rstrip(".") in _NOT_COLON_SPEAKERS:
            return None  # "Transcript as follows:", "Update:": a heading, no speaker
        return Attribution("leadin", [], (colon, colon + 1), "", "", spk, (s, e))
    cs, ce = cues[-1]
    spk = _speaker_before(masked, s, cs) or _speaker_after(masked, s, ce)
    if spk is None:
        return None
    lemma, stance = _cue_info(text[cs:ce])
    return Attribution("leadin", [], (cs, ce), lemma, stance, spk, (s, e))


_THAT_BEFORE_RE = re.compile(r"\bthat\b", re.IGNORECASE)
def _bare_frame(text: str, s: int, e: int, quotes) -> Attribution | None:
    """A sentence that only frames the quotation before it, with no content of its own: "“Pat Kennedy is the
    greatest!!!” McDonough wrote in a September 16, 2012 email to top State officials." (the quotation ends its own
    sentence). Its subject and cue, when the cue comes within its first four words."""
    masked = _mask(text, s, e, quotes)
    cues = [(a + s, b + s) for a, b in find_cues(masked) if _is_verbal(masked, a)]
    if not cues or len(text[s : cues[0][0]].split()) > 3:
        return None
    spk = _speaker_before(masked, s, cues[0][0])
    if spk is None:
        return None
    lemma, stance = _cue_info(text[cues[0][0] : cues[0][1]])
    return Attribution("frame", [], cues[0], lemma, stance, spk, (s, e))


_LEAD_IN_FILLER_RE = re.compile(r"(?:the\s+following|as\s+follows|this|these|that|so)\W*$", re.IGNORECASE)


def _lead_in_content(text: str, s: int, e: int, quotes) -> list[Attribution]:
    """What a lead-in sentence reports in a that-clause before its colon, besides introducing the next quote:
    "Sanders pointed out that veterans’ issues were largely ignored:" is Sanders's indirect speech as well. A bare
    "said the following:" or "said this:" reports nothing of its own; without "that", the words before the colon
    are most often a setting ("wrote about the event", "told the audience, to rowdy applause"), not content."""
    return [a for a in _analyse_sentence(text, s, e, quotes) if a.kind == "indirect" and a.speaker is not None
            and a.cue is not None and _THAT_BEFORE_RE.search(text, a.cue[1], a.spans[0][0] + 5)
            and len(_WORDS_RE.findall(text, a.spans[0][0], a.spans[-1][1])) >= 3
            and not _LEAD_IN_FILLER_RE.match(text, a.spans[0][0], a.spans[-1][1])]


_TIME_SUBORDINATORS = {"after", "before", "since", "until", "when", "once"}
_TIME_UNITS = {"minutes", "minute", "hours", "hour", "days", "day", "weeks", "week", "months", "month", "years", "year",
               "moments", "shortly", "soon", "just", "long", "later", "earlier"}
_LEADING_JUNK = {"and", "or", "but", "nor", "of", "with", "to", "for", "from", "by", "so", "yet"}
_TRAILING_ADVERBS = {"here", "there", "today", "too", "alone", "himself", "herself", "themselves", "itself", "soon"}
_ADJ_ENDINGS = ("ic", "can", "ese", "ish", "ian")  # "Democratic registered voters", "American", "Chinese"
_PRE_ADJECTIVE = _INNER_DETERMINERS | {"newly", "recently", "once", "long", "self"}


_NON_SPACE_RE = re.compile(r"\S+")


def tidy_speaker(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A speaker span trimmed to its noun phrase, whichever rule found it: a subordinate clause's
    opening ("a while back when she" -> "she"), and trailing auxiliaries, adverbs and a finite
    verb ("The U.S. media has always", "Her campaign workers here", "The Vermont senator emailed
    supporters") come off. Pronouns and one-word speakers are left alone.
    """
    s, e = span
    words = [(m.start(), m.end(), m.group(0)) for m in _NON_SPACE_RE.finditer(text, s, e)]
    if len(words) < 2:
        return span
    low = [w.lower().strip(",") for _, _, w in words]
    if low[0] in _PRONOUN_HEADS and low[1] == "who":
        return span  # "Everyone who was there": the relative clause is all that says who
    for i in range(len(words) - 2, -1, -1):  # "a while back when she", "Even as he": the subordinate clause's subject
        if low[i] in _SUBORDINATORS and low[i + 1] in PRONOUNS:
            if i + 2 < len(words) and i > 0:  # "Sanders as he closed out": the speaker, then a clause about him
                return tidy_speaker(text, (s, words[i - 1][1]))
            return words[i + 1][0], words[-1][1]
        if low[i] in _TIME_SUBORDINATORS and i > 0 and low[i - 1] in _TIME_UNITS:
            return tidy_speaker(text, (words[i + 1][0], words[-1][1]))  # "two hours after news outlets"
    if low[0] in _AUX_WORDS:  # "have endorsed him": not a noun phrase to trim
        return span
    lead = 0
    while lead < len(words) - 1 and low[lead] in _LEADING_JUNK:  # "and party sources", "of registered voters"
        lead += 1
    if lead:
        return tidy_speaker(text, (words[lead][0], e))
    keep = len(words)
    for i in range(1, len(words)):
        w, lw = words[i][2], low[i]
        prev = low[i - 1]
        if prev in _INNER_DETERMINERS:  # "the first time": an adjective, not an adverb
            continue
        nxt_cap = i + 1 < len(words) and words[i + 1][2][:1].isupper()  # "one unaligned Florida strategist": an adjective
        finite = (w.islower() and lw in _IRREGULAR_PAST and lw != "put") or (
            w.islower() and lw.endswith("ed") and prev not in _PRE_ADJECTIVE and not prev.endswith("ly") and not nxt_cap
            and prev not in _SPEAKER_END_WORDS and not (words[i - 1][2][:1].isupper() and prev.endswith(_ADJ_ENDINGS)))
        if (lw in _AUX_WORDS or lw in _TRAILING_ADVERBS or lw in ("can", "may", "might", "must", "should", "shall")
                or _CONTRACTED_AUX_RE.search(w) or finite or (i >= 2 and i == len(words) - 1 and low[0] in ("a", "an", "the")
                                                               and lw.endswith("s") and lw in _finite_cue_forms()
                                                               and lw not in _NOUNLIKE_FORMS and lw != "states")) \
                and w.islower():  # (the last: "a narrator reminds", a present-tense cue after a noun phrase)
            keep = i
            break
    if keep > 1 and low[keep - 1] in ("he", "she", "they", "we", "i") \
            and low[keep - 2] not in ("and", "or", "but", "as", "that", "when", "if", "while", "because", "since") \
            and low[keep - 2] not in _AUX_WORDS and low[keep - 2] not in ("how", "why", "what", "where", "can", "may"):
        keep -= 1  # "new financial documents he submitted": the pronoun opens a relative clause of its own
    if keep < len(words):
        return s, words[keep - 1][1]
    return span


# What the rules read: no-break, thin and other fixed-width spaces as spaces, and an accented Latin letter as its
# plain letter ("Álvarez" as "Alvarez", so that the rules' [A-Z] and [a-z] see a name). One character for one,
# so every offset stays the caller's; resolved names are written back with the article's own letters.
_ODD_SPACES = "\xa0\u2002\u2003\u2007\u2009\u200a\u202f"
_ODD_SPACE_TABLE = dict.fromkeys(map(ord, _ODD_SPACES), " ")
_ODD_SPACE_RE = re.compile("[" + _ODD_SPACES + "]")  # anything to translate? (a C scan)
_WORD_CHARS_RE = re.compile(r"\w+")


def _analysis_text(text: str) -> str:
    """The text the rules read: accented and garbled letters as plain ones (``nlp.fold_letters``: "José Álvarez",
    "PeÃ±a Nieto") and fixed-width spaces as spaces ("James\xa0Comey"), same length."""
    if text.isascii():
        return text
    text = nlp.fold_letters(text)
    return text.translate(_ODD_SPACE_TABLE) if _ODD_SPACE_RE.search(text) else text


def _letter_map(original: str, analysed: str) -> dict[str, str]:
    """Each word the folding changed ("Alvarez", "Pennna") -> the word the article has at that place ("Álvarez",
    "PeÃ±a"). Only words holding such a letter are looked at; word bounds are read in the analysed text."""
    words: dict[str, str] = {}
    end = 0
    changed = [m.start() for m in nlp.FOLDABLE_RE.finditer(original)]
    if nlp.has_mojibake(original):
        changed = sorted(changed + [m.start() for m in nlp.MOJIBAKE_RE.finditer(original)])
    for pos in changed:  # each folded letter, then the word around it
        if pos < end:
            continue  # a second folded letter of a word already taken ("Núñez")
        a = end = pos
        while a > 0 and (analysed[a - 1].isalnum() or analysed[a - 1] == "_"):
            a -= 1
        while end < len(analysed) and (analysed[end].isalnum() or analysed[end] == "_"):
            end += 1
        words.setdefault(analysed[a:end], original[a:end])
    return words


def _written_back(name: str, words: dict[str, str]) -> str:
    return _WORD_CHARS_RE.sub(lambda m: words.get(m.group(0), m.group(0)), name) if words else name


def _own_letters(original: str, analysed: str, atts: list[Attribution]) -> None:
    """Write resolved speakers back in the article's own letters (``_letter_map``)."""
    words = _letter_map(original, analysed)
    if words:
        for a in atts:
            if a.resolved:
                a.resolved = _written_back(a.resolved, words)


def extract_text(text: str) -> list[Attribution]:
    """All attributions in one article's text (offsets into ``text``).

    A sentence that only quotes, right after a reported statement with a quotation that its frame ends
    ("… “not that cynical,” he said. “If children are hungry …”"), is that statement's second span.
    Other direct quotes with no attribution in their own sentence take the speaker of the previous
    direct quote in the same or the previous paragraph, or of a colon lead-in ("Stated Stone:")
    just before, or of a dash line just after ("— Hillary Clinton").
    """
    original = text
    text = _analysis_text(text)
    norm = nlp.normalise(text)
    atts: list[Attribution] = []
    carry = False
    last: Attribution | None = None  # the latest direct quote, reported speech or lead-in with a speaker
    last_para = -2
    keyed: list = [0, set()]  # how many of ``atts`` are in the set of their attributed quotes' keys, and the set

    def said_before(span: tuple[int, int]) -> bool:
        """Whether a quote repeats, word for word, one already attributed (a pull quote, not more speech)."""
        for a in atts[keyed[0] :]:
            if a.kind in ("direct", "partial") and a.speaker:
                keyed[1].update(_quote_key(text, sp) for sp in a.spans)
        keyed[0] = len(atts)
        return _quote_key(text, span) in keyed[1]
    waiting: list[Attribution] = []  # unattributed direct quotes of the previous paragraph
    unattributed: list[Attribution] = []
    all_sents: list[tuple[int, int]] = []  # for the speaker resolver: sentences, and quoted stretches to skip
    all_quoted: list[tuple[int, int]] = []
    paras = _paragraphs(norm)  # kept for the resolver, which looks for title-case lines among them when it must
    for p_idx, (p0, p1) in enumerate(paras):
        dash = _DASH_ATTRIBUTION_RE.fullmatch(text, p0, p1) if waiting else None
        if dash:
            for att in waiting:
                att.speaker, att.cue, att.rule = dash.span(1), (p0, p0 + 1), "dash_line"
                att.speaker = (att.speaker[0], att.speaker[0] + len(dash.group(1).rstrip(" .")))
                atts.append(att)
            waiting = []
            continue
        unattributed += waiting
        waiting = []
        starts_with_quote = text[p0] in "“\""
        continues = carry and starts_with_quote  # a quote running on from the previous paragraph
        quotes, open_end = pair_quotes(text, p0, p1)
        carry = open_end
        sents = [(p0 + a, p0 + b) for a, b in nlp.fast_sentence_spans(text[p0:p1])]
        all_sents += sents
        all_quoted += [(o, c) for o, c, d in quotes if d == 0]
        pending: Attribution | None = None  # an unattributed quote that the next sentence may attribute
        framed: Attribution | None = None  # the attribution that ended the previous sentence with its frame
        for s, e in _merge_sentences(text, sents, quotes):
            lead = _lead_in(text, s, e, quotes)
            found = _analyse_sentence(text, s, e, quotes) if lead is None else []
            if framed is not None and len(found) == 1 and found[0].kind == "direct" and found[0].speaker is None \
                    and _QUOTE_OPENS_RE.match(text, s) and found[0].spans[0][0] <= s + 2:
                # "“A,” he said. “B.”": the quote that follows its frame's sentence is the same statement's
                framed.spans.append(found[0].spans[0])
                last, last_para, framed = framed, p_idx, None
                continue
            framed = next((a for a in found if a.speaker is not None and a.kind == "mixed"
                           and a.spans[0][0] < a.speaker[0] and _FRAME_ENDS_RE.match(text, a.speaker[1], e)), None)
            if lead is not None:
                atts += _lead_in_content(text, s, e, quotes)
                last, last_para = lead, p_idx
                continue
            if pending is not None:
                # "“…?” Trump told Britain’s ITV that …": a frame opening the next sentence claims the quote
                frame = next((a for a in found if a.speaker is not None and a.cue is not None), None) \
                    or (_bare_frame(text, s, e, quotes) if not found else None)
                if frame is not None and len(text[s : frame.cue[0]].split()) <= 3:
                    pending.speaker, pending.cue = frame.speaker, frame.cue
                    pending.cue_lemma, pending.stance = frame.cue_lemma, frame.stance
                    pending.rule = "next_sentence_frame"
                    waiting.remove(pending)
                    atts.append(pending)
                    last, last_para = pending, p_idx
                pending = None
            for att in found:
                if att.kind == "direct" and att.speaker is None:
                    if last is not None and (p_idx - last_para <= 1 or continues) \
                            and (last.kind in ("direct", "leadin") or (_lead_in_only(text[s : att.spans[0][0]])
                                 and _ENDS_AS_SPEECH_RE.search(text, s, e) is not None and not said_before(att.spans[0]))):
                        # (after reported speech, a quotation that opens its sentence or follows a colon or comma goes on
                        # with the same voice: 'She said they had made progress. “I really believe …”', 'and added: “…”';
                        # not 'He is now host of “The Show.”', nor a heading "‘How the turn tables’" without a stop,
                        # nor a quote repeating one attributed before: repeated_quote gives it that speaker)
                        att.speaker = last.speaker
                        att.cue = last.cue if last.kind == "leadin" else None
                        att.cue_lemma, att.stance = (last.cue_lemma, last.stance) if last.kind == "leadin" else ("", "")
                        att.rule = "colon_lead_in" if last.kind == "leadin" else "previous_speaker"
                    else:
                        waiting.append(att)
                        pending = att
                        continue
                if att.kind == "direct" or (att.kind in ("mixed", "indirect") and att.speaker is not None):
                    last, last_para = att, p_idx
                atts.append(att)
    atts += _attribute_repeats(text, unattributed + waiting, atts)
    for a in atts:  # every rule's output, whichever made it: no empty or inverted quote span
        a.spans = [(s, e) for s, e in a.spans if e > s and text[s:e].strip()]
    atts = [a for a in atts if a.spans]
    for a in atts:
        if a.speaker is not None:
            a.speaker = tidy_speaker(text, a.speaker)
    resolve_speakers(text, [a for a in atts if a.speaker is not None], all_sents, all_quoted, paras)
    if text is not original:
        _own_letters(original, text, atts)
    return sorted(atts, key=lambda a: (a.spans[0][0], a.kind))


REPEAT_CUE = "(repeats a quote attributed elsewhere)"
_QUOTE_OPENS_RE = re.compile(r"\s*[“\"‘']")

_ENDS_AS_SPEECH_RE = re.compile(r"[.?!,;:…—–-]\s*[”’\"']*\s*[”’\"']?\s*[.?!]?\s*$")  # a stop, in or after the closing mark


def _lead_in_only(before: str) -> bool:
    """Whether the text of a sentence before its quotation is nothing, or ends in a colon or comma (a lead-in)."""
    before = before.rstrip(" “\"‘'\n\xa0")
    return not before.strip() or before.endswith((":", ","))
_FRAME_ENDS_RE = re.compile(r"[^“”\"]{0,60}$")  # nothing quoted after the speaker: the frame ends the sentence


def _quote_key(text: str, span: tuple[int, int]) -> str:
    return " ".join(_WORDS_RE.findall(nlp.normalise(text[span[0] : span[1]]).lower()))


def _attribute_repeats(text: str, orphans: list[Attribution], atts: list[Attribution]) -> list[Attribution]:
    """Unattributed quotes: a quote that repeats an attributed one (a headline or heading quoting the
    body) takes its speaker; the rest are mentions."""
    if not orphans:
        return []
    known = [(_quote_key(text, s), a) for a in atts if a.kind in ("direct", "partial") and a.speaker for s in a.spans]
    out = []
    for o in orphans:
        key = _quote_key(text, o.spans[0])
        src = next((a for k, a in known if key and (key in k or k in key) and len(key.split()) >= 2), None)
        if src is not None:
            out.append(Attribution("direct", o.spans, None, REPEAT_CUE, "", src.speaker, o.sentence,
                                   rule="repeated_quote"))
        else:
            out.append(Attribution("mention", o.spans, sentence=o.sentence, rule="quoted_mention"))
    return out


def to_records(doc_id: str, text: str, atts: list[Attribution]) -> list[dict]:
    """Attributions as plain records with the CLI's fields."""
    rows = []
    for a in atts:
        q0, q1 = a.spans[0][0], a.spans[-1][1]
        rows.append({
            "doc_id": doc_id, "kind": a.kind,
            "quote": " … ".join(text[s:e] for s, e in a.spans),
            "quote_start": q0, "quote_end": q1, "quote_spans": [list(s) for s in a.spans],
            "speaker": a.resolved if a.speaker else "",
            "speaker_mention": text[a.speaker[0] : a.speaker[1]] if a.speaker else "",
            "speaker_start": a.speaker[0] if a.speaker else None, "speaker_end": a.speaker[1] if a.speaker else None,
            "cue": text[a.cue[0] : a.cue[1]] if a.cue else "", "cue_start": a.cue[0] if a.cue else None,
            "cue_end": a.cue[1] if a.cue else None, "cue_lemma": a.cue_lemma, "stance": a.stance,
            "sentence_start": a.sentence[0], "sentence_end": a.sentence[1], "rule": a.rule,
        })
    return rows


def article_records(article_id: str, text: str) -> list[dict]:
    """The attribution records of one article (``to_records`` of ``extract_text``): the per-article
    step that :mod:`analysis.engine` can run anywhere."""
    return to_records(article_id, text, extract_text(text))


_JSON_LINE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def records_text(rows: list[dict], fmt: str) -> str:
    """Records as CSV rows (no header) or JSON lines, the bytes pandas writes, without pandas.

    The records have no floats, so no rounding is needed; a test checks the bytes against pandas.
    """
    if fmt == "jsonl":  # pandas' JSON escapes "/" as "\/"; keep that so outputs never change with the writer
        encode = _JSON_LINE.encode  # one encoder for every row (json.dumps with options builds one per call)
        return "".join([encode(r if list(r) == COLUMNS else {c: r[c] for c in COLUMNS}) + "\n" for r in rows]) \
            .replace("/", "\\/")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for r in rows:
        w.writerow([";".join(f"{a}-{b}" for a, b in r[c]) if c == "quote_spans" else "" if r[c] is None else r[c]
                    for c in COLUMNS])
    return buf.getvalue()


def article_text(article_id: str, text: str, fmt: str) -> str:
    """One article's records already written out (CSV rows or JSON lines): the quotes command's per-article step,
    so worker processes also do the writing."""
    return records_text(article_records(article_id, text), fmt)


def extract(corpus, engine: str | None = None) -> pd.DataFrame:
    """Attributions of every article of a :class:`analysis.corpus.Corpus` (columns in the module doc),
    extracted on ``engine`` (:mod:`analysis.engine`), in article order."""
    import pandas as pd

    from .engine import map_articles

    items = list(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    rows = [r for recs in map_articles(article_records, items, engine, desc="quotes") for r in recs]
    return pd.DataFrame(rows, columns=COLUMNS)


# ---------------------------------------------------------------------------------------------
# Who speaks, and how much: tables for the notebooks

QUOTED_KINDS = ("direct", "partial")  # words inside quotation marks
REPORTED_KINDS = ("indirect", "mixed")  # reported speech (mixed includes its quoted fragments)


def _n_words(text: str) -> int:
    return len(nlp.word_norms(text))


def names_someone(speaker: str) -> bool:
    """Whether a speaker phrase holds a name: a capitalised word that is no pronoun, function word or sentence
    opener ("Chicago Tribune", "the Millbrook mayor", "Trump's rivals"), not a description alone ("A student",
    "a man", "The senators", "We"), whose words any article may hold without meaning anyone in particular."""
    return any(w[:1].isupper() and w.lower().strip(".,’'\"“”") not in _NOT_NAME_STARTS
               and w.lower() not in PRONOUNS and w.lower() not in _QUANTIFIERS for w in speaker.split())


def heard(atts: pd.DataFrame) -> pd.DataFrame:
    """The attributions in which someone is heard: not quoted mentions, and a speaker was found. A question put
    by nobody named ("when asked whether …", speaker "") is speech of no one: no voice, actor, verb or
    credential is counted for it. The one selector of every voice measure."""
    return atts[(atts["kind"] != "mention") & (atts["speaker"] != "")]


def body_attributions(corpus, atts: pd.DataFrame) -> pd.DataFrame:
    """The attributions whose sentence lies in a body paragraph (not headline, heading or boilerplate):
    the one unit of every voice share, so that the same quantity prints the same number everywhere."""
    body = corpus.sentences[corpus.sentences["kind"] == "body"]
    return atts[in_sentences(atts, corpus.sentences, zip(body["article_id"], body["sentence"], strict=True))]


def voices(atts: pd.DataFrame, corpus) -> pd.DataFrame:
    """Per article and speaker: attributions, words in quotation marks, words of reported speech.

    Columns: article_id, speaker, n_attributions, words (all the speaker's words, each counted
    once), quoted_words (inside quotation marks: direct +
    partial), reported_words (indirect + mixed, quoted fragments included), share (all the
    speaker's words, each counted once, over the article's body words), first (relative
    position 0..1 of the speaker's first attribution). Mentions and attributions whose speaker was not
    found ("when asked whether …", speaker "") are left out: nobody is heard there. Sorted by article, then
    all words descending.
    """
    import pandas as pd

    from . import terms

    a = body_attributions(corpus, heard(atts)).copy()
    a["words"] = [_n_words(q) for q in a["quote"]]
    body = terms.body_word_counts(corpus)
    a["position"] = corpus.position(a["doc_id"], a["quote_start"])
    rows = []
    for (aid, spk), g in a.groupby(["doc_id", "speaker"], sort=False):
        quoted = int(g.loc[g["kind"].isin(QUOTED_KINDS), "words"].sum())
        reported = int(g.loc[g["kind"].isin(REPORTED_KINDS), "words"].sum())
        main = g["kind"] != "partial"  # a partial fragment is already inside its mixed attribution
        n, spoken = int(main.sum()), int(g.loc[main, "words"].sum())
        rows.append((aid, spk, n, spoken, quoted, reported, spoken / body[aid], float(g["position"].min())))
    cols = ["article_id", "speaker", "n_attributions", "words", "quoted_words", "reported_words", "share", "first"]
    out = pd.DataFrame(rows, columns=cols)
    order = {x: i for i, x in enumerate(corpus.articles["article_id"])}
    out = out.assign(_o=out["article_id"].map(order), _w=out["words"])
    return out.sort_values(["_o", "_w", "speaker"], ascending=[True, False, True]).drop(columns=["_o", "_w"]).reset_index(drop=True)


def kind_shares(atts: pd.DataFrame) -> pd.DataFrame:
    """Per article: attributions and words by kind (direct, mixed, indirect, partial), with shares."""
    a = atts[atts["kind"] != "mention"].assign(words=lambda d: [_n_words(q) for q in d["quote"]])
    main = a[a["kind"] != "partial"]
    g = main.groupby(["doc_id", "kind"], sort=False).agg(n=("kind", "size"), words=("words", "sum")).reset_index()
    g["share_of_attributions"] = g["n"] / g.groupby("doc_id")["n"].transform("sum")
    g["share_of_words"] = g["words"] / g.groupby("doc_id")["words"].transform("sum")
    return g.rename(columns={"doc_id": "article_id"})


def cue_use(atts: pd.DataFrame) -> pd.DataFrame:
    """Per article, speaker and cue lemma: how often, the lemma's stance class (the reporter's) and
    its act (what the speaker does). Columns: article_id, speaker, cue_lemma, stance, act, n."""
    a = atts[(atts["kind"] != "mention") & (atts["kind"] != "partial")]
    a = a.assign(cue_lemma=a["cue_lemma"].where(a["cue_lemma"] != "", "(none: continues a quote)"))
    order = {d: i for i, d in enumerate(dict.fromkeys(atts["doc_id"]))}
    a = a.assign(_o=a["doc_id"].map(order)).sort_values(["_o", "speaker", "stance", "cue_lemma"]).drop(columns="_o")
    g = a.groupby(["doc_id", "speaker", "cue_lemma", "stance"], sort=False).size().rename("n").reset_index()
    acts = cue_lexicon().drop_duplicates("lemma").set_index("lemma")["act"]
    g.insert(4, "act", g["cue_lemma"].map(acts).fillna(""))
    return g.rename(columns={"doc_id": "article_id"})


_NUMBER_AFTER_RE = re.compile(r"[ \u00a0]\d")


def _name_keys(names) -> list[str]:
    """A key per name that matches names across articles: a name of several words is its own key ("New Hampshire
    Institute" is not "New York"); a single word takes the one longer name that begins or ends with it
    ("Moonshot" -> "moonshot ai"), else itself. Linear: longer names are looked up by first and last word."""
    by_edge: dict[str, set[str]] = {}
    for n in names:
        low = n.lower()
        if " " in low:
            words = low.split()
            by_edge.setdefault(words[0], set()).add(low)
            by_edge.setdefault(words[-1], set()).add(low)
    keys = []
    for n in names:
        low = n.lower()
        longer = by_edge.get(low, set()) if " " not in low else set()
        keys.append(next(iter(longer)) if len(longer) == 1 else low)
    return keys


def unquoted(corpus, atts: pd.DataFrame, min_mentions: int = 1) -> pd.DataFrame:
    """Names each article mentions but never gives a voice: article_id, name, mentions, first (0..1).

    Names are capitalised mentions (the same finder the coreference uses) with at least one
    lower-case letter (so acronyms such as AI or U.S. are left out), not a U.S. state or a city of
    ``data/places_en.csv`` (countries and capitals stay: "Washington" can be heard), a single word folded into a
    longer name that begins or ends with it ("Moonshot" into "Moonshot AI"); a name counts as voiced when any attribution's resolved speaker or speaker
    mention contains it. Headline and body text are both searched; in a headline or heading, a
    capitalised word the article also writes in lower case is title case, not a name.
    """
    import pandas as pd

    rows = []
    spoken: dict[str, list[str]] = {}  # per article, its speakers and mentions: one pass, not a filter per article
    for d, spk, men in zip(atts["doc_id"], atts["speaker"], atts["speaker_mention"], strict=True):
        spoken.setdefault(d, []).extend((spk, men))
    stops = nlp.stopwords()
    places = place_kinds()
    titles: dict[str, list[tuple[int, int]]] = {}  # headline and heading spans: their capitals may be title case
    par = corpus.paragraphs
    for aid, kind, a, b in zip(par["article_id"], par["kind"], par["start"], par["end"], strict=True):
        if kind in ("headline", "heading"):
            titles.setdefault(aid, []).append((a, b))
    for aid, text in zip(corpus.articles["article_id"], corpus.articles["text"], strict=True):
        voiced = " ".join(x for x in spoken.get(aid, []) if isinstance(x, str))
        in_title = titles.get(aid, [])
        analysed = _analysis_text(text)
        words = _letter_map(text, analysed) if analysed is not text else {}
        ents = [(s, e, _written_back(n, words), k) for s, e, n, k in _entity_mentions(analysed)]
        ents = [e for e in ents
                if any(ch.islower() for ch in e[2])  # acronyms (AI, TV, U.S.) are not actors here
                and nlp.normalise(e[2]).lower().split("'")[0] not in stops  # "These", "We’ve"
                and not _NUMBER_AFTER_RE.match(text, e[1])  # "Pier 9", "Route 66", "Section 230": a place or a thing
                and places.get(e[2]) not in ("state", "city")  # "Iowa", "New Hampshire": no one to hear (a country may be)
                # a title-case headline word the article also writes in lower case ("Pier Repairs Approved")
                and not (any(a <= e[0] < b for a, b in in_title) and all(_has_lower_word(text, w.lower()) for w in e[2].split()))]
        multi = [n for _, _, n, _ in ents if " " in n]
        counts: dict[str, list[int]] = {}
        for s, _e, name, _k in ents:
            if " " not in name:  # "Moonshot" -> "Moonshot AI", "Green" -> "Tory Green"
                name = next((m for m in multi if name in (m.split()[0], m.split()[-1])), name)
            counts.setdefault(name, []).append(s)
        for name, starts in counts.items():
            if len(starts) >= min_mentions and name not in voiced:
                rows.append((aid, name, len(starts), starts[0] / len(text)))
    out = pd.DataFrame(rows, columns=["article_id", "name", "mentions", "first"])
    out["key"] = _name_keys(out["name"])  # "Moonshot" and "Moonshot AI" are one name across articles
    return out.sort_values(["article_id", "mentions", "name"], ascending=[True, False, True]).reset_index(drop=True)


def in_sentences(atts: pd.DataFrame, sentences: pd.DataFrame, keys) -> pd.Series:
    """True for attributions whose sentence is one of ``keys`` ((article_id, sentence) pairs)."""
    import bisect

    import pandas as pd

    keys = set(keys)
    spans: dict[str, list[tuple[int, int]]] = {}  # article -> its selected sentences' spans
    for a, i, s, e in sentences[["article_id", "sentence", "start", "end"]].itertuples(index=False):
        if (a, i) in keys:
            spans.setdefault(a, []).append((s, e))
    # sentences do not overlap: sorted by start, the one that can hold q is the last starting at or before it
    starts = {a: sorted(v) for a, v in spans.items()}
    firsts = {a: [s for s, _ in v] for a, v in starts.items()}

    def inside(d: str, q: int) -> bool:
        k = bisect.bisect_right(firsts.get(d, ()), q) - 1
        return k >= 0 and q < starts[d][k][1]

    return pd.Series([inside(d, q) for d, q in zip(atts["doc_id"], atts["quote_start"], strict=True)],
                     index=atts.index, dtype=bool)
