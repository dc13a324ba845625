"""Offline NLP primitives: normalisation, sentence spans, word-token spans, stopwords, stems.

Everything here works without nltk_data (nothing is downloaded, no pickles are loaded): Punkt is built
from explicit parameters, tokens come from NLTK's rule-based tokenizer, stems from Snowball.
Every function returns character offsets into the string it was given, so callers can map
results back to the article as read from disk.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # NLTK is imported where it is first used, so reading texts alone starts fast
    from nltk.stem.snowball import SnowballStemmer
    from nltk.tokenize import NLTKWordTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer

# Length-preserving character map: typographic quotes become ASCII quotes, exotic spaces become
# spaces. One character in, one character out, so offsets stay valid.
_CHAR_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ",
    "\u2008": " ", "\u205f": " ", "\u3000": " ", "\ufeff": " ", "\t": " ",
}

# Abbreviations (lower case, without the final period) after which a period does not end a
# sentence. Punkt cannot learn them offline, so they are listed here.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col capt sgt maj adm cmdr st sr jr rev hon pres supt
    insp det atty messrs mme mlle
    u.s u.k u.n e.u u.s.a n.y d.c l.a calif fla mass penn wash ariz colo conn ill mich minn
    inc corp co ltd llc plc bros dept univ assn est
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    e.g i.e etc vs cf al approx no nos fig vol pp p ed eds
    a.m p.m
    """.split()
)

# Abbreviations that also often end a sentence ("moved to the U.S. Its rivals"). A period
# after one of them is treated as a sentence end when the next word is a typical sentence
# opener (a capitalised function word), which a name or title would not be.
SENTENCE_FINAL_ABBREVIATIONS = frozenset("u.s u.k u.n e.u u.s.a d.c inc corp co ltd llc plc etc".split())
SENTENCE_OPENERS = frozenset(
    """
    The A An It Its This That These Those He She They We I You His Her Their Our But And Or So
    Yet However In On At For With After Before When While If As Some Many Most Other Others There
    Meanwhile Still Also Such Even Now Then Last Next Earlier Later
    """.split()
)

_TERMINAL_PUNCT_RE = re.compile(r"""[.!?…]['")\]]*\s*$""")
_WORD_RE = re.compile(r"\w", re.UNICODE)
_FALLBACK_TOKEN_RE = re.compile(r"\w+(?:[-'.,]\w+)*|[^\w\s]", re.UNICODE)
_LETTERS_PREFIX_RE = re.compile(r"[A-Za-z]*")


def _letter_fold_table() -> dict[int, str]:
    table = {}
    for code in range(0xC0, 0x180):  # Latin-1 Supplement and Latin Extended-A
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            table[code] = base
    return table


LETTER_FOLD = _letter_fold_table()  # "Á" -> "A", "ñ" -> "n": one letter for one, so offsets hold
FOLDABLE_RE = re.compile("[" + "".join(map(chr, LETTER_FOLD)) + "]")  # is there anything to fold? (a C scan)


# An accented letter whose UTF-8 bytes were read as Latin-1 ("PeÃ±a" for "Peña"): a lead character, precomposed
# or decomposed ("A" + a combining tilde), and a continuation (U+0080-U+00BF); and an accent written as a combining
# mark after its letter ("Jose\u0301"). Either cuts a name in two for rules that read [A-Za-z].
MOJIBAKE_RE = re.compile("(?:(?:[\u00c2-\u00c5]|A[\u0302\u0303\u0308\u030a])[\u0080-\u00bf]){1,2}|"
                         "(?<=[A-Za-z\u00c0-\u017f])[\u0300-\u036f]+")
# A character without which MOJIBAKE_RE cannot match (a continuation or a combining mark; not the no-break space,
# which many texts have): one C scan for it, instead of the pattern tried at every character.
_MOJIBAKE_HINT_RE = re.compile("[\u0080-\u009f\u00a1-\u00bf\u0300-\u036f]")


def has_mojibake(text: str) -> bool:
    """Whether ``text`` has a garbled or decomposed letter for :data:`MOJIBAKE_RE` (fast for the usual text)."""
    return _MOJIBAKE_HINT_RE.search(text) is not None and MOJIBAKE_RE.search(text) is not None


def _mojibake_letters(m: re.Match) -> str:
    """Plain letters for a garbled or decomposed accent, as many as it has characters ("Ã±" -> "nn", "e\u0301" ->
    "e" + "e"), so the word stays one word of letters; unchanged when it decodes to no Latin letter ("Â " is a garbled
    no-break space)."""
    seq = m.group(0)
    if "\u0300" <= seq[0] <= "\u036f":  # combining marks: the letter before them, again, in lower case
        return m.string[m.start() - 1].translate(LETTER_FOLD).lower() * len(seq)
    letter = unicodedata.normalize("NFC", seq)
    for _ in range(2):  # garbled once ("Ã±") or twice ("Ã\x83Â±")
        try:
            letter = letter.encode("latin-1").decode("utf-8")
        except UnicodeError:
            return seq
        if len(letter) == 1:
            break
    base = unicodedata.normalize("NFD", letter)[0] if len(letter) == 1 else ""
    return base + base.lower() * (len(seq) - 1) if base.isascii() and base.isalpha() else seq


def fold_letters(text: str) -> str:
    """``text`` with accented Latin letters as their plain letters ("José Álvarez" -> "Jose Alvarez"), same length:
    for rules written with [A-Z] and [a-z], which would not see "Álvarez" as a name otherwise. A garbled or
    decomposed letter ("PeÃ±a Nieto") becomes plain letters ("Pennna"), so the name is not cut in two."""
    if text.isascii():
        return text
    if has_mojibake(text):
        text = MOJIBAKE_RE.sub(_mojibake_letters, text)
    return text.translate(LETTER_FOLD) if FOLDABLE_RE.search(text) else text


def normalise(text: str) -> str:
    """Map curly quotes to straight ones and exotic spaces to spaces, keeping the length."""
    if text.isascii():
        return text.replace("\t", " ")
    for ch, repl in _CHAR_MAP.items():  # str.replace per character is ~10x faster than translate here
        if ch in text:
            text = text.replace(ch, repl)
    return text


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) moved inwards past whitespace at both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def ends_like_sentence(text: str) -> bool:
    """True if ``text`` ends with sentence-final punctuation (optionally inside closing quotes)."""
    return bool(_TERMINAL_PUNCT_RE.search(normalise(text)))


@lru_cache(maxsize=1)
def _punkt() -> PunktSentenceTokenizer:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


# Abbreviations that are also common English words ("The cat sat.", "He fell ill.", "She said
# no."). As abbreviations they come before a number ("No. 5", "Mar. 3"), a month ("Sat. Jan. 4")
# or, for a state, after a city ("Springfield, Ill."); before any other capitalised word their
# period ends the sentence.
WORD_ABBREVIATIONS = frozenset("sat sun wed mar ill wash mass no fig vol".split())
_DAYS = frozenset("sat sun wed".split())
_STATES = frozenset("ill wash mass".split())
MONTHS = frozenset("January February March April May June July August September October November December".split())
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_MONTHS = MONTHS | frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
_CITY_BEFORE_RE = re.compile(r"[A-Z][\w.'-]*,\s*$")


def abbreviation_ends_sentence(text: str, word: str, word_start: int, following: str) -> bool:
    """True when the period after the listed abbreviation ``word`` (at ``word_start`` in ``text``)
    ends a sentence, given the ``following`` word (see the lists above)."""
    abbrev = word.lower()
    if abbrev in SENTENCE_FINAL_ABBREVIATIONS:
        return following in SENTENCE_OPENERS
    if abbrev not in WORD_ABBREVIATIONS or not following[:1].isupper():
        return False
    if word[0].isupper() and abbrev not in _DAYS | _STATES:
        return False  # a capitalised "No.", "Mar.", "Fig.", "Vol." is the abbreviation
    if abbrev in _DAYS and following in _MONTHS:
        return False
    return not (abbrev in _STATES and _CITY_BEFORE_RE.search(text, 0, word_start) and following not in SENTENCE_OPENERS)


def _split_sentence_final_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split spans at 'U.S. Its'- and 'the cat sat. The'-style boundaries that Punkt keeps together
    (see the lists above)."""
    out: list[tuple[int, int]] = []
    pattern = re.compile(r"(?<![\w.])([A-Za-z](?:\.[A-Za-z])*|[A-Za-z]+)\.(\s+)([A-Z][a-z]*)\b")
    for start, end in spans:
        cut = start
        for m in pattern.finditer(text, start, end):
            if abbreviation_ends_sentence(text, m.group(1), m.start(1), m.group(3)):
                boundary = m.end(1) + 1
                out.append((cut, boundary))
                cut = m.end(2)
        out.append((cut, end))
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets within one paragraph of text.

    Punkt with the abbreviation list above; curly quotes are normalised first so that a period
    inside a closing quote ends the sentence. Leading and trailing whitespace is excluded.
    """
    norm = normalise(text)
    if not norm.strip():
        return []
    spans = list(_punkt().span_tokenize(norm))
    spans = _split_sentence_final_abbreviations(norm, spans)
    return [sp for sp in (strip_span(norm, a, b) for a, b in spans) if sp[0] < sp[1]]


@lru_cache(maxsize=1)
def _word_tokenizer() -> NLTKWordTokenizer:
    from nltk.tokenize import NLTKWordTokenizer

    return NLTKWordTokenizer()


def token_spans(sentence: str) -> list[tuple[int, int]]:
    """Word-token (start, end) offsets within one sentence.

    NLTK's Treebank-style tokenizer on the normalised sentence, so ``Anthropic’s`` gives
    ``Anthropic`` + ``’s`` and U.S., IO.Net, high-token, $1.5 and 24,000 stay whole. A final
    period split off a listed abbreviation ("the U.S.") is joined back. If NLTK cannot align its
    tokens to the text (it rewrites some quote sequences), a simple regex tokenizer is used for
    that sentence instead, so arbitrary input never fails.
    """
    norm = normalise(sentence)
    try:
        spans = list(_word_tokenizer().span_tokenize(norm))
    except (ValueError, IndexError):  # NLTK's align_tokens gives up on some quote sequences
        spans = [m.span() for m in _FALLBACK_TOKEN_RE.finditer(norm)]
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if (
            merged
            and norm[start:end] == "."
            and merged[-1][1] == start
            and norm[merged[-1][0]:start].lower() in ABBREVIATIONS
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def is_word(token: str) -> bool:
    """True for tokens with at least one letter or digit (not punctuation or symbols)."""
    return bool(_WORD_RE.search(token))


def token_norm(token: str) -> str:
    """The form used for counting: normalised quotes, lower case ("Anthropic’s" -> "anthropic's")."""
    return normalise(token).lower()


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The project's short English stopword list (``analysis/data/stopwords_en.txt``)."""
    raw = resources.files("analysis").joinpath("data/stopwords_en.txt").read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return frozenset(w for w in words if w)


@lru_cache(maxsize=1)
def _stemmer() -> SnowballStemmer:
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=65536)
def stem(norm: str) -> str:
    """Snowball (Porter2) stem of a normalised token: accused, accusing, accusations -> accus."""
    return _stemmer().stem(norm)


# A one-pass equivalent of sentence splitting + token_spans + token_norm for counting word
# types over large corpora (tests check it against the full pipeline). Order matters:
# dotted abbreviations (u.s.), numbers with separators (24,000 / 1.5), then words with inner
# hyphens, periods or apostrophes (high-token, io.net, o'clock), optionally followed by a period
# that belongs to them when they are listed abbreviations (mr.).
_FAST_RE = re.compile(r"(?:[^\W\d_]\.){2,}(?![^\W_])|\d+(?:[.,:]\d+)+(?![\w/])|\w+(?:[-'./]\w+)*(?:-(?![-\w])|\.(?=\s|$))?")
# Treebank's fixed splits of run-together words.
_SPLIT_WORDS = {"cannot": ("can", "not"), "gonna": ("gon", "na"), "gotta": ("got", "ta"), "gimme": ("gim", "me"),
                "lemme": ("lem", "me"), "wanna": ("wan", "na")}
_DOTTED_RE = re.compile(r"(?:[^\W\d_]\.){2,}$")
_CLITIC_RE = re.compile(r"^(.+?)(n't|'s|'re|'ve|'ll|'d|'m)$")


def word_norms(text: str) -> list[str]:
    """Lower-cased word tokens of a whole text, as the corpus pipeline's ``norm`` would give them.

    For counting over large corpora where the DataFrame pipeline would be too slow: one regex
    pass instead of Punkt + Treebank per sentence. Clitics are split as Treebank does
    (``anthropic's`` -> ``anthropic``, ``'s``; ``don't`` -> ``do``, ``n't``) and a final
    period is kept only on listed abbreviations (``u.s.``, ``mr.``).
    """
    out: list[str] = []
    append = out.append
    for chunk in normalise(text).lower().split():
        if chunk.isalpha():  # fast path: most chunks are plain words
            if chunk in _SPLIT_WORDS:
                out.extend(_SPLIT_WORDS[chunk])
            else:
                append(chunk)
            continue
        _chunk_norms(chunk, out)
    return out


def _chunk_norms(chunk: str, out: list[str]) -> None:
    """word_norms for one whitespace-free, normalised, lower-cased chunk, appended to ``out``."""
    append = out.append
    for tok in _FAST_RE.findall(chunk):
        if tok[-1] == "." and tok[:-1] not in ABBREVIATIONS and not _DOTTED_RE.match(tok):
            tok = tok[:-1]  # a sentence-final period, split off as the pipeline does
        if tok in _SPLIT_WORDS:
            out.extend(_SPLIT_WORDS[tok])
            continue
        if "'" in tok:
            m = _CLITIC_RE.match(tok)
            if m and m.group(1) not in ("o", "y"):
                append(m.group(1))
                append(m.group(2))
                continue
            tok = tok.strip("'")
            if not tok:
                continue
        append(tok)


# A regex sentence splitter with Punkt's decisions for this abbreviation list, for speed on
# large corpora (the quote extractor). A break is a run of . ! ? … (and closing quotes or
# brackets) followed by space and an upper-case letter, digit or opening quote, unless the
# word before the period is a listed abbreviation or a single capital initial ("John J. Smith").
_FAST_BREAK_RE = re.compile(r"""([.!?…]+)(['")\]]*)\s+(?=['"(\[]*[A-Z0-9])""")
_LAST_WORD_RE = re.compile(r"""([\w.'-]+)$""")
_NEXT_WORD_RE = re.compile(r"""['"(\[]*([^\s'"(\[]*)""")


_TITLE_WORD_RE = re.compile(r"[A-Za-z][\w'-]*")
_INITIALS_RE = re.compile(r"[A-Z]\.")


def is_title_case(line: str) -> bool:
    """A line in title case: at least three words of four letters or more, 80% of them capitalised
    ("Trump Says He's Unlikely To Have A Good Relationship": a headline's capitals, not names)."""
    long_words = [w for w in _TITLE_WORD_RE.findall(normalise(line)) if len(w) >= 4]
    return len(long_words) >= 3 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def without_initials(words: list[str]) -> list[str]:
    """``words`` without middle initials ("Mark S. Kirk" -> Mark, Kirk): the same person written two ways."""
    return [w for w in words if not _INITIALS_RE.fullmatch(w)]


def _last_word(text: str, lo: int, hi: int) -> re.Match | None:
    """``_LAST_WORD_RE.search(text, lo, hi)`` (the word that ends ``text[lo:hi]``), found by walking back from
    ``hi`` rather than trying the pattern at every place of the window."""
    end = hi - 1 if hi > lo and text[hi - 1] == "\n" else hi  # "$" also matches before a final newline
    i = end
    while i > lo and (text[i - 1].isalnum() or text[i - 1] in "_.'-"):
        i -= 1
    return _LAST_WORD_RE.match(text, i, hi) if i < end else None


def fast_sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets within one paragraph, without Punkt (about 10x faster).

    Agrees with :func:`sentence_spans` on the seed articles; used where speed matters.
    """
    norm = fold_letters(normalise(text))  # "… would pass. Álvarez said …": a capital, accented or not
    spans = []
    start = 0
    for m in _FAST_BREAK_RE.finditer(norm):
        if m.group(1) == ".":
            word = _last_word(norm, max(0, m.start(1) - 40), m.start(1))
            w = word.group(1).lower().lstrip("'\"(") if word else ""
            raw = word.group(1).lstrip("'\"(") if word else ""
            if "-" in w and w.rsplit("-", 1)[1] in ABBREVIATIONS:
                w, raw = w.rsplit("-", 1)[1], raw.rsplit("-", 1)[1]  # "then-Sen. Barack Obama", as Punkt reads it
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or _DOTTED_RE.match(w + "."):
                nxt_m = _NEXT_WORD_RE.match(norm, m.end())
                nxt = _LETTERS_PREFIX_RE.match(nxt_m.group(1)).group(0) if nxt_m else ""
                if not (w in ABBREVIATIONS and abbreviation_ends_sentence(norm, raw, word.start(1), nxt)):
                    continue
        end = m.end(2)
        if norm[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if norm[start:].strip():
        spans.append((start, len(norm)))
    return [strip_span(norm, a, b) for a, b in spans]


_RUN_RE = re.compile(r"\w+")


class PhraseIndex:
    """Whole-word phrase regexes found by walking a text's words instead of searching the text once
    per phrase, so the cost grows with the text, not with text x phrases (thousands of speaker
    names or actor patterns over a long article).

    ``phrases`` are (phrase, compiled regex) pairs. A regex that matches its phrase as a whole word
    (nothing word-like right before it) and opens with a word character can only start where a run
    of word characters starts, and covers the phrase's own runs of word characters; so only the
    places where the text's runs, case-folded, equal the phrase's are tried, with ``regex.match``.
    A phrase that opens with another character is searched with ``finditer`` as usual.
    """

    def __init__(self, phrases):
        self.regexes = [rx for _, rx in phrases]
        self.by_words: dict[tuple[str, ...], list[int]] = {}
        self.longest: dict[str, int] = {}  # first word -> most words of a phrase opening with it
        self.scanned: list[int] = []
        for i, (phrase, _) in enumerate(phrases):
            seq = tuple(w.casefold() for w in _RUN_RE.findall(phrase))
            if seq and _RUN_RE.match(phrase):
                self.by_words.setdefault(seq, []).append(i)
                self.longest[seq[0]] = max(self.longest.get(seq[0], 0), len(seq))
            else:
                self.scanned.append(i)

    def matches(self, text: str) -> list[tuple[int, re.Match]]:
        """(phrase index, match) of every match in ``text``, in phrase order and, per phrase, as
        ``finditer`` finds them (left to right, not overlapping)."""
        words = [(m.start(), m.group().casefold()) for m in _RUN_RE.finditer(text)]
        keys = [w for _, w in words]
        at: dict[int, list[int]] = {}  # phrase -> starts where its words are the text's words
        for k, (start, w) in enumerate(words):
            for n in range(1, min(self.longest.get(w, 0), len(keys) - k) + 1):
                for i in self.by_words.get(tuple(keys[k : k + n]), ()):
                    at.setdefault(i, []).append(start)
        out = [(i, m) for i in self.scanned for m in self.regexes[i].finditer(text)]
        for i, starts in at.items():
            end = -1
            for start in starts:
                if start >= end:  # finditer goes on from the end of its last match
                    m = self.regexes[i].match(text, start)
                    if m:
                        out.append((i, m))
                        end = m.end()
        out.sort(key=lambda x: (x[0], x[1].start()))
        return out
