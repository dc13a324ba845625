"""Load articles from disk into tidy DataFrames: articles, paragraphs, sentences, tokens.

Offsets: every row has ``start``/``end`` such that ``text[start:end]`` is the row's text, where
``text`` is the file's bytes decoded as UTF-8 with nothing else changed (a BOM stays as U+FEFF,
CRLF stays CRLF). Normalisation for NLP (curly to straight quotes, no-break space to space) is
length-preserving, so offsets found on the normalised text are offsets into the original.

Columns (one row each; ``article_id`` is the file name without its suffix):

- ``articles``: article_id, label, group (``metadata.csv``'s group column, else ""), source
  (file name), headline (text or ""), n_chars,
  n_paragraphs, n_body_paragraphs, n_sentences, n_tokens, n_words, text.
- ``paragraphs``: article_id, paragraph (0-based), kind (headline | heading | body |
  boilerplate), start, end, text.
- ``sentences``: article_id, sentence (0-based in the article), paragraph, kind (the
  paragraph's kind), start, end, text, n_words.
- ``tokens``: article_id, token (0-based in the article), sentence, paragraph, kind, start,
  end, text, norm (lower case, straight quotes), is_word (has a letter or digit), is_stop
  (in the shipped stopword list), stem (Snowball).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from . import nlp, paths
from .files import (  # noqa: F401  (re-exported: the public names of file reading live in corpus)
    TEXT_SUFFIXES,
    CorpusError,
    control_character,
    find_articles,
    read_article,
    scan_articles,
)

METADATA_FILE = "metadata.csv"
# Beyond this many articles, comparisons of every pair of articles (n(n-1)/2 of them: 352,380 at
# 840) give way to each article against all the others together, so costs and tables stay linear.
PAIR_LIMIT = 12


class Groups(dict):
    """Rows of a table by key (``by_article``); a key with no rows gives the table's empty frame."""

    def __init__(self, df: pd.DataFrame, col: str = "article_id"):
        super().__init__(iter(df.groupby(col, sort=False, observed=True)) if len(df) else ())
        self.empty = df.iloc[:0]

    def __missing__(self, key):
        return self.empty


def by_article(df: pd.DataFrame, col: str = "article_id") -> Groups:
    """``df`` split by article once (rows keep their order), so per-article loops cost O(rows), not
    O(articles x rows) as a boolean filter per article does."""
    return Groups(df, col)

PARAGRAPH_KINDS = ("headline", "heading", "body", "boilerplate")

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_MD_HEADING_RE = re.compile(r"#{1,6}[ \t]+")
_BULLET_RE = re.compile(r"([-*+•]|\d+[.)])\s")
# A markup tag as news captures keep them (<tweet id="..." author="@x">, </tweet>, <br/>): markup,
# not words. Sentences and tokens are found as if its characters were spaces.
_TAG_RE = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>\"']+))?)*\s*/?>")


@dataclass(frozen=True)
class Corpus:
    """The four tables of a loaded corpus (see the module docstring for their columns)."""

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame

    def text(self, article_id: str) -> str:
        """The article's text exactly as decoded from disk (all offsets point into it)."""
        return self._texts[article_id]

    @cached_property
    def _texts(self) -> dict[str, str]:
        return dict(zip(self.articles["article_id"], self.articles["text"], strict=True))

    @cached_property
    def sentences_by_article(self) -> Groups:
        """The sentences of each article (``by_article``), computed once per corpus."""
        return by_article(self.sentences)

    @cached_property
    def _sentence_rows(self) -> dict[str, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
        """(start, end, sentence, text) arrays of each article's sentences, in table order."""
        return {aid: (g["start"].to_numpy(), g["end"].to_numpy(), g["sentence"].to_numpy(), g["text"].to_numpy(dtype=object))
                for aid, g in self.sentences_by_article.items()}

    def position(self, article_ids, offsets) -> np.ndarray:
        """Where character ``offsets`` fall in their articles, 0 (first sentence) to 1 (end).

        The share of the article's *sentence* text (headline included) before each offset, so
        that a corpus with sentences dropped (``drop_sentences``, e.g. without a repeated
        summary) measures positions on the shortened text, not on the full article's length.
        An offset between sentences counts as the start of the next one.
        """
        aids, offs = np.asarray(article_ids, dtype=object), np.asarray(offsets, dtype=float)
        out = np.full(len(offs), np.nan)
        rows = self._sentence_rows
        where: dict[str, list[int]] = {}
        for k, aid in enumerate(aids.tolist()):
            where.setdefault(aid, []).append(k)
        for aid, mask in where.items():
            if aid not in rows:
                continue
            order = np.argsort(rows[aid][0], kind="stable")
            starts, ends = rows[aid][0][order].astype(float), rows[aid][1][order].astype(float)
            lengths = ends - starts
            total = lengths.sum()
            if not total:
                continue
            before = np.concatenate([[0.0], np.cumsum(lengths)])
            o = offs[mask]
            i = np.searchsorted(starts, o, side="right") - 1  # the sentence starting at or before o
            inside = np.clip(o - starts[np.clip(i, 0, None)], 0, lengths[np.clip(i, 0, None)])
            out[mask] = np.where(i < 0, 0.0, (before[np.clip(i, 0, None)] + inside) / total)
        return out

    def sentence_at(self, article_id: str, offset: int) -> tuple[str, int, str]:
        """(article_id, sentence number, text) of the sentence containing character ``offset``, else
        of the last sentence that starts before it; (article_id, -1, "") when there is none."""
        rows = self._sentence_rows.get(article_id)
        if rows is None:
            return article_id, -1, ""
        starts, ends, ids, texts = rows
        inside = np.flatnonzero((starts <= offset) & (offset < ends))  # in table order, as a filter would give
        if len(inside):
            k = inside[0]
        else:
            before = np.flatnonzero(starts <= offset)
            if not len(before):
                return article_id, -1, ""
            k = before[-1]
        return article_id, int(ids[k]), texts[k]

    def sentence_text(self, article_id: str, sentence: int) -> str:
        """The text of sentence number ``sentence`` of an article ("" when there is no such sentence)."""
        return self._sentence_texts.get((article_id, int(sentence)), "")

    @cached_property
    def _sentence_texts(self) -> dict[tuple[str, int], str]:
        """(article_id, sentence) -> text, the first row of each (a lookup, not a filter per call)."""
        out: dict[tuple[str, int], str] = {}
        for aid, sid, text in zip(self.sentences["article_id"], self.sentences["sentence"], self.sentences["text"], strict=True):
            out.setdefault((aid, int(sid)), text)
        return out

    def labels(self) -> dict[str, str]:
        """article_id -> human label, in corpus order."""
        return dict(zip(self.articles["article_id"], self.articles["label"], strict=True))

    def label(self, article_ids: pd.Series) -> pd.Categorical:
        """Article ids mapped to their labels, as a categorical in corpus order (tables sort by it)."""
        labels = self.labels()
        return pd.Categorical(article_ids.map(labels), categories=list(labels.values()), ordered=True)

    def select(self, article_ids: Iterable[str]) -> Corpus:
        """A copy with only the given articles (in corpus order)."""
        ids = set(article_ids)

        def keep(df: pd.DataFrame) -> pd.DataFrame:
            return df[df["article_id"].isin(ids)].reset_index(drop=True)

        return Corpus(keep(self.articles), keep(self.paragraphs), keep(self.sentences), keep(self.tokens))

    def drop_sentences(self, keys: Iterable[tuple[str, int]]) -> Corpus:
        """A copy without the given (article_id, sentence) rows and their tokens.

        Used to recount without, e.g., a summary paragraph that repeats the body. Article and
        paragraph rows are kept; article counts are recomputed.
        """
        keys = set(keys)

        def keep(df: pd.DataFrame) -> pd.DataFrame:
            mask = np.array([k not in keys for k in zip(df["article_id"], df["sentence"], strict=True)], dtype=bool)
            return df[mask].reset_index(drop=True)

        sentences, tokens = keep(self.sentences), keep(self.tokens)
        articles = _article_counts(self.articles.drop(columns=_COUNT_COLUMNS), self.paragraphs, sentences, tokens)
        return Corpus(articles, self.paragraphs, sentences, tokens)


# ---------------------------------------------------------------------------------------------
# Reading files


def read_csv_rows(f: Path, required: Sequence[str]) -> list[dict[str, str]]:
    """The rows of a small user-written CSV as dicts of stripped strings, or CorpusError.

    Accepts a UTF-8 byte-order mark (Excel's "CSV UTF-8" writes one) and CRLF line ends. Refuses,
    naming the file and line: bad encoding, a missing required column, and rows with fewer or
    more fields than the header (a missing field would otherwise become NaN silently).
    """
    try:
        with f.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = [h.strip() for h in next(reader, [])]
            rows = [(reader.line_num, r) for r in reader]
    except UnicodeDecodeError as e:
        raise CorpusError(f"{f}: not valid UTF-8 at byte offset {e.start}; re-save it as UTF-8") from None
    except (OSError, csv.Error) as e:
        raise CorpusError(f"{f}: cannot be read as a CSV ({e})") from None
    missing = [c for c in required if c not in header]
    if missing:
        raise CorpusError(
            f"{f}: needs the column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
            f"(found: {', '.join(header) or 'none'})"
        )
    out = []
    for line, r in rows:
        if not any(x.strip() for x in r):
            continue  # blank lines are fine
        if len(r) != len(header):
            raise CorpusError(
                f"{f}: line {line} has {len(r)} field{'s' if len(r) != 1 else ''}, the header has {len(header)} "
                f"({', '.join(header)}); add the missing commas (empty fields are fine) or quote a field that holds a comma"
            )
        out.append({h: x.strip() for h, x in zip(header, r, strict=True)})
    return out


def check_label(f: Path, what: str, value: str) -> None:
    """Labels appear in tables, figures and reports: one line of plain text."""
    bad = control_character(value)
    if bad is not None:
        raise CorpusError(f"{f}: {what} {value!r} contains the control character {bad!r}; use plain text on one line")


def read_metadata(folder: str | Path) -> pd.DataFrame | None:
    """The folder's ``metadata.csv`` (one row per article_id) if there is one, else None.

    Checked before anything runs: ids must be non-empty and unique, and labels (used as table
    keys and figure legends) unique and printable; an empty label falls back to the article id.
    """
    f = Path(folder) / METADATA_FILE
    if not f.is_file():
        return None
    rows = read_csv_rows(f, ["article_id"])
    meta = pd.DataFrame(rows, columns=list(rows[0]) if rows else ["article_id"])
    if (meta["article_id"] == "").any():
        raise CorpusError(f"{f}: a row has an empty article_id (the file name without .txt or .md)")
    dup = meta["article_id"][meta["article_id"].duplicated()].tolist()
    if dup:
        raise CorpusError(f"{f}: article_id listed more than once: {', '.join(sorted(set(dup)))}")
    if "label" in meta.columns:
        meta["label"] = meta["label"].where(meta["label"] != "", meta["article_id"])
        for value in meta["label"]:
            check_label(f, "label", value)
        dup = meta["label"][meta["label"].duplicated()].tolist()
        if dup:
            ids = meta.loc[meta["label"].isin(dup), "article_id"].tolist()
            raise CorpusError(
                f"{f}: label {dup[0]!r} is given to more than one article ({', '.join(ids)}); "
                "labels name the articles in tables and figures, so make each one unique"
            )
    return meta


# ---------------------------------------------------------------------------------------------
# Structure


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> tuple[re.Pattern, ...]:
    raw = resources.files("analysis").joinpath("data/boilerplate_en.txt").read_text(encoding="utf-8")
    lines = [ln.strip() for ln in raw.splitlines()]
    return tuple(re.compile(ln, re.IGNORECASE) for ln in lines if ln and not ln.startswith("#"))


def is_boilerplate(text: str) -> bool:
    """True if a paragraph matches one of the shipped boilerplate patterns."""
    norm = nlp.normalise(text).strip()
    return any(p.search(norm) for p in _boilerplate_patterns())


def _looks_hard_wrapped(lines: list[tuple[int, int]], norm: str) -> bool:
    """A block whose lines are all of typical wrap width and break mid-sentence is one paragraph."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    widths = [e - s for s, e in body]
    mid_sentence = [not nlp.ends_like_sentence(norm[s:e]) for s, e in body]
    return all(40 <= w <= 100 for w in widths) and sum(mid_sentence) >= len(body) / 2


def paragraph_spans(text: str, markdown: bool = False) -> list[tuple[int, int, bool]]:
    """(start, end, is_markdown_heading) for each paragraph of ``text``.

    Paragraphs are separated by line breaks; a blank-line-separated block whose lines look
    hard-wrapped is one paragraph. In Markdown, ``#`` heading markers are excluded from the span.
    """
    norm = nlp.normalise(text)
    lines = [m.span() for m in _LINE_RE.finditer(norm) if m.end() > m.start()]
    blocks: list[list[tuple[int, int]]] = [[]]
    for s, e in lines:
        s2, e2 = nlp.strip_span(norm, s, e)
        if s2 == e2:
            if blocks[-1]:
                blocks.append([])
        else:
            blocks[-1].append((s2, e2))
    spans: list[tuple[int, int, bool]] = []
    for block in blocks:
        if not block:
            continue
        if markdown:
            heads = [i for i, (s, e) in enumerate(block) if _MD_HEADING_RE.match(norm, s)]
            if heads:
                for s, e in block:
                    m = _MD_HEADING_RE.match(norm, s)
                    if m:
                        s2, e2 = nlp.strip_span(norm, m.end(), len(norm[:e].rstrip("#")))
                        if s2 < e2:
                            spans.append((s2, e2, True))
                    else:
                        spans.append((s, e, False))
                continue
        if _looks_hard_wrapped(block, norm):
            spans.append((block[0][0], block[-1][1], False))
        else:
            spans.extend((s, e, False) for s, e in block)
    return spans


_TITLE_WORDS = 25


def _title_with_stop(first: str, second: str) -> bool:
    """A first paragraph that is a title although it ends with a stop, as captures of news sites
    often write one: one or two lines of at most 25 words each, one sentence per line, a longer
    paragraph after it, and a mark of a headline that a lede sentence does not have: the first
    line ends with a semicolon ("Sanders advances agenda via side doors;" over a dek), is in title
    case ("Trump Says He's Unlikely To Have A Good Relationship With David Cameron."), or opens
    with a speaker and a colon ("Kasich: 'We Are Going To Go All The Way.'"). A title in sentence
    case with a period ("Super PAC blasts Trump for skipping debate.") reads like a one-sentence
    lede ("The council met on Monday.") and stays body text."""
    lines = [x.strip() for x in first.strip().splitlines() if x.strip()]
    if not 1 <= len(lines) <= 2 or len(second.split()) <= len(first.split()):
        return False
    if any(len(x.split()) > _TITLE_WORDS or len(nlp.sentence_spans(x)) > 1 for x in lines):
        return False
    head = nlp.normalise(lines[0]).rstrip()
    bare = head.rstrip("\"'")  # a title may end inside a quotation: 'Very Good Reporter.'
    if not bare.endswith((".", ";", "!", "?")) or bare.endswith(".."):
        return False
    if bare.endswith(";"):
        return True
    title_case = nlp.is_title_case(head)
    colon_open = bool(re.match(r"(?:\S+\s+){0,4}?\S+:\s", head)) and len(lines) == 1
    return title_case or colon_open


# A label line with a full stop that a converted text added: a live blog's time stamp ("8:00 p.m."), a rule ("___."),
# a section label in capitals ("FULL TEXT.", "ABSTRACT."). A heading, no sentence of the story.
_LABEL_LINE_RE = re.compile(r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)|_{2,}|[A-Z][A-Z0-9 &'’-]{2,40})\.?")


def classify_paragraphs(texts: list[str], md_heading: list[bool] | None = None, title_first: bool = False) -> list[str]:
    """A kind for each paragraph of one article: headline, heading, body or boilerplate.

    headline: the first paragraph when it reads as a title (no sentence-final punctuation, at
    most 40 words, or a title line ending in a stop with a headline's marks: :func:`_title_with_stop`)
    and more follows; with ``title_first`` (a folder's convention, :func:`title_line_convention`), any
    first single line of at most 25 words. heading: a later short line (at most 15 words) without
    sentence-final punctuation, or a Markdown heading. boilerplate: trailing paragraphs that
    match ``data/boilerplate_en.txt``.
    """
    md_heading = md_heading or [False] * len(texts)
    kinds = []
    for i, (t, is_md) in enumerate(zip(texts, md_heading, strict=True)):
        n_words = len(t.split())
        title_like = not nlp.ends_like_sentence(t) and not t.rstrip().endswith((":", ",", ";"))
        title_like = title_like and not _BULLET_RE.match(t)
        title_line = title_first and len([x for x in t.strip().splitlines() if x.strip()]) == 1 and n_words <= _TITLE_WORDS
        if i == 0 and len(texts) > 1 and (is_md or (title_like and n_words <= 40) or _title_with_stop(t, texts[1])
                                          or title_line):
            kinds.append("headline")
        elif is_md or (i > 0 and title_like and n_words <= 15) or (i > 0 and n_words <= 4 and _LABEL_LINE_RE.fullmatch(t.strip())):
            kinds.append("heading")
        else:
            kinds.append("body")
    for i in range(len(texts) - 1, 0, -1):
        if kinds[i] in ("body", "heading") and is_boilerplate(texts[i]):
            kinds[i] = "boilerplate"
        else:
            break
    return kinds


def blank_markup(text: str) -> str:
    """``text`` with every markup tag (``<tweet author="@x">``, ``</p>``) replaced by as many spaces:
    the same length, so offsets into it are offsets into ``text``."""
    return _TAG_RE.sub(lambda m: " " * len(m.group()), text) if "<" in text else text


def body_has_words(text: str, markdown: bool = False) -> bool:
    """True if some body paragraph of ``text`` has a word (a letter or digit outside markup tags):
    the cheap check, before any tokenising, that an article has something to compare."""
    spans = paragraph_spans(text, markdown=markdown)
    norm = nlp.normalise(text)
    kinds = classify_paragraphs([norm[s:e] for s, e, _ in spans], [h for _, _, h in spans])
    return any(k == "body" and nlp.is_word(blank_markup(norm[s:e])) for (s, e, _), k in zip(spans, kinds, strict=True))


# ---------------------------------------------------------------------------------------------
# Loading

_COUNT_COLUMNS = ["n_paragraphs", "n_body_paragraphs", "n_sentences", "n_tokens", "n_words"]


def _article_counts(articles: pd.DataFrame, paragraphs, sentences, tokens) -> pd.DataFrame:
    ids = articles["article_id"]
    counts = pd.DataFrame(
        {
            "n_paragraphs": paragraphs.groupby("article_id").size(),
            "n_body_paragraphs": paragraphs[paragraphs["kind"] == "body"].groupby("article_id").size(),
            "n_sentences": sentences.groupby("article_id").size(),
            "n_tokens": tokens.groupby("article_id").size(),
            "n_words": tokens[tokens["is_word"]].groupby("article_id").size(),
        }
    ).reindex(ids).fillna(0).astype(int)
    out = articles.merge(counts, left_on="article_id", right_index=True, how="left")
    cols = ["article_id", "label", "source", "headline", "n_chars", *_COUNT_COLUMNS, "text"]
    return out[cols + [c for c in out.columns if c not in cols]]


def _first_paragraphs(text: str, markdown: bool = False) -> tuple[list[str], list[bool]]:
    """The first two paragraphs of a text (normalised) and whether each is a Markdown heading."""
    head = text[: _opening_end(text)]  # the opening only: a 5 MB article is not normalised twice
    norm = nlp.normalise(head)
    pspans = paragraph_spans(head, markdown=markdown)[:2]
    return [norm[s:e] for s, e, _ in pspans], [h for _, _, h in pspans]


def _opening_end(text: str) -> int:
    """Where the third paragraph at the latest starts (enough text to see the first two paragraphs)."""
    end = 0
    for _ in range(3):
        nxt = text.find("\n\n", end)
        if nxt < 0:
            return len(text)
        end = nxt + 2
        while end < len(text) and text[end] == "\n":
            end += 1
    return end


TITLE_CONVENTION_MIN_ARTICLES = 5


def title_line_convention(texts: Sequence[str], markdown: Sequence[bool] | None = None) -> bool:
    """Whether a folder writes a title line first: at least ``TITLE_CONVENTION_MIN_ARTICLES`` articles
    of two or more paragraphs, nearly all (90%) opening with a title or one line of at most 25 words, and at
    least 30% of them with an unmistakable title (no final stop, or a title's marks). Then a first line in
    sentence case with a period ("Super PAC blasts Trump for skipping debate.") is that article's title
    too, where one article alone could not tell it from a one-sentence lede."""
    markdown = markdown or [False] * len(texts)
    opened = one_line = titled = 0
    for text, md in zip(texts, markdown, strict=True):
        paras, heads = _first_paragraphs(text, md)
        if len(paras) < 2:
            continue
        opened += 1
        lines = [x for x in paras[0].strip().splitlines() if x.strip()]
        title = classify_paragraphs(paras, heads)[0] == "headline"
        titled += title
        one_line += title or (len(lines) == 1 and len(paras[0].split()) <= _TITLE_WORDS)
    return opened >= TITLE_CONVENTION_MIN_ARTICLES and one_line >= 0.9 * opened and titled >= 0.3 * opened


def parse_article(article_id: str, text: str, markdown: bool = False,
                  title_first: bool = False) -> tuple[list, list, list]:
    """Paragraph, sentence and token rows (as tuples) for one article's text. ``title_first``: the
    folder writes a title line first (:func:`title_line_convention`)."""
    norm = nlp.normalise(text)
    pspans = paragraph_spans(text, markdown=markdown)
    kinds = classify_paragraphs([norm[s:e] for s, e, _ in pspans], [h for _, _, h in pspans], title_first)
    stops = nlp.stopwords()
    prow, srow, trow = [], [], []
    # Sentences and tokens are found on the text with its markup tags blanked (same length, so
    # offsets hold): a tag yields no token, and "is.</p>" ends a sentence as "is." would.
    plain = blank_markup(text)
    for p, ((ps, pe, _), kind) in enumerate(zip(pspans, kinds, strict=True)):
        prow.append((article_id, p, kind, ps, pe, text[ps:pe]))
        if kind in ("headline", "heading"):
            sspans = [(ps, pe)]
        else:
            sspans = [(ps + a, ps + b) for a, b in nlp.sentence_spans(plain[ps:pe])]
        for ss, se in sspans:
            s_id = len(srow)
            n_words = 0
            for a, b in nlp.token_spans(plain[ss:se]):
                ts, te = ss + a, ss + b
                tok = text[ts:te]
                norm_tok = nlp.token_norm(tok)
                word = nlp.is_word(tok)
                n_words += word
                trow.append(
                    (article_id, len(trow), s_id, p, kind, ts, te, tok, norm_tok, word, norm_tok in stops, nlp.stem(norm_tok))
                )
            srow.append((article_id, s_id, p, kind, ss, se, text[ss:se], n_words))
    return prow, srow, trow


def _metadata_column(files: Sequence[Path], column: str, metas: dict | None = None) -> dict[str, str]:
    """article_id -> the value of ``column`` in the ``metadata.csv`` of each file's folder (articles
    without one are left out). ``metas``: folder -> read_metadata result, to read each file once."""
    given: dict[str, str] = {}
    for folder in dict.fromkeys(f.parent for f in files):
        meta = read_metadata(folder) if metas is None else metas[folder]
        if meta is not None and column in meta.columns:
            given.update(zip(meta["article_id"], meta[column], strict=True))
    return given


def article_labels(files: Sequence[Path], metas: dict | None = None) -> dict[str, str]:
    """article_id -> label for ``files``: from each folder's ``metadata.csv``, else the id itself.

    Labels name the articles in tables and figures, so two articles may not share one (across
    folders too, and counting an id used as its own label); CorpusError says which.
    """
    given = _metadata_column(files, "label", metas)
    labels: dict[str, str] = {}
    owner: dict[str, str] = {}
    for f in files:
        label = given.get(f.stem) or f.stem
        if label in owner:
            raise CorpusError(
                f"{f.parent / METADATA_FILE}: articles {owner[label]}, {f.stem} would share the label {label!r} "
                "(a label in metadata.csv, or an article id used as its own label); give each a unique label"
            )
        owner[label] = f.stem
        labels[f.stem] = label
    return labels


def article_groups(files: Sequence[Path], metas: dict | None = None) -> dict[str, str]:
    """article_id -> group (an outlet, a date, a side) from a ``group`` column of each folder's
    ``metadata.csv``; "" for an article without one. Groups are compared by :mod:`analysis.groups`."""
    for folder in dict.fromkeys(f.parent for f in files):
        meta = read_metadata(folder) if metas is None else metas[folder]
        for value in meta["group"] if meta is not None and "group" in meta.columns else ():
            if value:
                check_label(folder / METADATA_FILE, "group", value)
    given = _metadata_column(files, "group", metas)
    return {f.stem: given.get(f.stem, "") for f in files}


def load_corpus(path: str | Path | Sequence[str | Path] | None = None, engine: str | None = None) -> Corpus:
    """Load articles into a :class:`Corpus`.

    ``path``: a folder (every .txt/.md file in it, sorted by name), one file, or a list of
    files and folders; default ``analysis.paths.articles_dir()`` (the seeds). A folder's
    ``metadata.csv``, if present, supplies the ``label`` column. Bad input raises
    :class:`CorpusError` naming the file and the problem. Files are read here; parsing runs
    on ``engine`` (:mod:`analysis.engine`: local, or a Dask cluster), with the same result.
    """
    from .engine import map_articles

    path = paths.articles_dir() if path is None else path
    files = find_articles(path)
    metas = {folder: read_metadata(folder) for folder in dict.fromkeys(f.parent for f in files)}
    labels, groups = article_labels(files, metas), article_groups(files, metas)
    texts = [read_article(f) for f in files]
    markdown = [f.suffix.lower() == ".md" for f in files]
    title_first = title_line_convention(texts, markdown)
    parsed = map_articles(parse_article, [(f.stem, text, md, title_first) for f, text, md in zip(files, texts, markdown, strict=True)],
                          engine, desc="parsing")
    arows, prows, srows, trows = [], [], [], []
    for f, text, (p, s, t) in zip(files, texts, parsed, strict=True):
        aid = f.stem
        prows += p
        srows += s
        trows += t
        headline = next((row[5] for row in p if row[2] == "headline"), "")
        arows.append((aid, labels[aid], groups[aid], f.name, headline, len(text), text))
    articles = pd.DataFrame(arows, columns=["article_id", "label", "group", "source", "headline", "n_chars", "text"])
    paragraphs = pd.DataFrame(prows, columns=["article_id", "paragraph", "kind", "start", "end", "text"])
    sentences = pd.DataFrame(
        srows, columns=["article_id", "sentence", "paragraph", "kind", "start", "end", "text", "n_words"]
    )
    tokens = pd.DataFrame(
        trows,
        columns=[
            "article_id", "token", "sentence", "paragraph", "kind", "start", "end",
            "text", "norm", "is_word", "is_stop", "stem",
        ],
    )
    tokens = tokens.astype({"is_word": bool, "is_stop": bool})
    return Corpus(_article_counts(articles, paragraphs, sentences, tokens), paragraphs, sentences, tokens)
