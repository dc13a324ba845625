"""Findings as data: every interpretive sentence is generated from the numbers beside it.

Each ``*_findings`` function takes tables the other modules compute and returns rows of one
tidy table (:data:`COLUMNS`):

- ``finding``: a short id (``length``, ``lead_voice``, ...), the same on any articles;
- ``section``: the notebook section with the evidence (``02_term_frequency.ipynb#...``);
- ``article_id``: the article the row is about, or ``a;b`` for a comparison of two;
- ``statement``: one sentence, produced only from ``values`` with wording that follows them
  (no "more" when equal, "significant" only when a test says so, "about twice" from the ratio);
- ``value``: the headline number of the statement (NaN when there is none);
- ``values``: every number the statement uses, as JSON;
- ``evidence``: the sentences behind it, as JSON (article_id, sentence number, text).

:func:`compute` runs them all on a corpus; notebooks show rows with :func:`markdown`, and
``python -m analysis findings`` prints the table. Nothing about any particular story is
written here: names, counts and verbs all come from the articles and the actor file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from . import quotes
from .corpus import by_article
from .tables import markdown_literal

COLUMNS = ["finding", "section", "article_id", "statement", "value", "values", "evidence"]
MAX_EVIDENCE = 5  # sentences kept per finding: enough to check it, few enough to read

# ---------------------------------------------------------------------------------------------
# Wording that follows the numbers

_SMALL = {2: "twice", 3: "three times", 4: "four times", 5: "five times", 6: "six times", 7: "seven times",
          8: "eight times", 9: "nine times", 10: "ten times"}


def times(ratio: float) -> str:
    """How many times larger, in words, for a ratio >= 1.4: "about one and a half times",
    "about twice", "about two and a half times", "about three times", ... "about 12 times"."""
    if ratio < 1.75:
        return "about one and a half times"
    if ratio < 2.25:
        return "about twice"
    if ratio < 2.75:
        return "about two and a half times"
    n = math.floor(ratio + 0.5)
    return f"about {_SMALL.get(n, f'{n} times')}"


def compare(a_name: str, a: float, b_name: str, b: float, adjective: str, comparative: str,
            unit: str = "") -> str:
    """One comparison in words chosen from the ratio: "A is about twice as long as B (640 vs 302
    body words)", "A is about 20% longer than B", "A and B are about equally long", "... equally long".

    ``adjective``/``comparative``: "long"/"longer", "frequent"/"more frequent".
    """
    unit = f" {unit}" if unit else ""
    if a == b:
        return f"{a_name} and {b_name} are equally {adjective} ({number(a)}{unit} each)"
    if a < b:
        a_name, a, b_name, b = b_name, b, a_name, a
    both = f"({number(a)} vs {number(b)}{unit})"
    if b == 0:
        return f"{a_name} is {comparative} than {b_name} {both}"
    r = a / b
    if r < 1.05:
        return f"{a_name} and {b_name} are about equally {adjective} {both}"
    if r < 1.4:
        return f"{a_name} is about {round((r - 1) * 100 / 5) * 5:.0f}% {comparative} than {b_name} {both}"
    return f"{a_name} is {times(r)} as {adjective} as {b_name} {both}"


def number(x: float) -> str:
    """A count as an integer with thousands separators, other numbers with three significant digits; from 999.5 up,
    where those would turn to an exponent, with thousands separators and one decimal (a median of word counts,
    1,265.5, not "1.27e+03")."""
    if isinstance(x, (int, np.integer)) or float(x).is_integer():
        return f"{int(x):,}"
    if abs(x) >= 999.5:
        return f"{x:,.1f}"
    return f"{x:.3g}"


def pct(x: float) -> str:
    """A share as a whole percentage; shares that round to 0% or 100% but are not say so."""
    if x != x:  # NaN
        return "no"
    if 0 < x < 0.005:
        return "under 1%"
    if 0.995 < x < 1:
        return "over 99%"
    return f"{x:.0%}"


def join(items: Sequence[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def possessive(name: str) -> str:
    """"Acme's", "Critics'"."""
    return name + ("'" if name.endswith("s") else "'s")


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 sentence", "3 sentences" (``many`` for irregular plurals)."""
    return f"{number(n)} {word if n == 1 else (many or word + 's')}"


# ---------------------------------------------------------------------------------------------
# Rows


def row(finding: str, section: str, article_ids: str | Iterable[str], statement: str, value: float = float("nan"),
        values: dict | None = None, evidence: Iterable[tuple[str, int, str]] = ()) -> dict:
    """One finding row. ``evidence``: (article_id, sentence, text) triples; at most MAX_EVIDENCE kept."""
    aid = article_ids if isinstance(article_ids, str) else ";".join(article_ids)
    ev = [{"article_id": a, "sentence": int(s), "text": t} for a, s, t in list(evidence)[:MAX_EVIDENCE]]
    vals = {k: _plain(v) for k, v in (values or {}).items()}
    statement = statement.strip()
    return {"finding": finding, "section": section, "article_id": aid,
            "statement": statement if statement.endswith(".") else statement + ".",
            "value": float(value), "values": json.dumps(vals, ensure_ascii=False, sort_keys=True),
            "evidence": json.dumps(ev, ensure_ascii=False)}


def _plain(v):
    """JSON-ready numbers: ints stay ints, floats keep six significant digits (stable across CPUs)."""
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return None if v != v else float(f"{float(v):.6g}")
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


def frame(rows: Iterable[dict]) -> pd.DataFrame:
    """Rows as the findings table (always the documented columns)."""
    return pd.DataFrame(list(rows), columns=COLUMNS)


MARKDOWN_LIMIT = 8  # statements shown per finding; a corpus of many articles has one per article


def markdown(table: pd.DataFrame, links: bool = False, base: str = "", limit: int | None = MARKDOWN_LIMIT) -> str:
    """Findings as a Markdown bullet list for ``IPython.display.Markdown``: each statement escaped
    (labels and names are text, not markup), optionally with a link to its evidence (``base``
    is put before the notebook name, e.g. "notebooks/" for the README). At most ``limit``
    statements of each finding are listed, then a line saying how many more the table holds."""
    if table.empty:
        return "_No finding of this kind for these articles._"
    lines = []
    shown: dict[str, int] = {}
    total = table["finding"].value_counts().to_dict()
    for f in table.itertuples(index=False):
        k = shown[f.finding] = shown.get(f.finding, 0) + 1
        if limit is not None and k > limit:
            if k == limit + 1:
                more = total[f.finding] - limit
                lines.append(f"- _… and {plural(more, 'more statement')} of the finding "
                             f"{markdown_literal(f.finding)}, in the findings table (`findings.csv`)._")
            continue
        link = f" ([evidence]({base}{f.section}))" if links and f.section else ""
        lines.append(f"- {markdown_literal(f.statement)}{link}")
    return "\n".join(lines)


# The headline differences, in reading order: the ids a reader of two articles asks about first.
# For two articles, a ``<id>_pair`` row (one sentence for both) stands in for the per-article rows.
HEADLINE = ["length", "opening_summary", "vocabulary_overlap", "coverage", "figures", "quote_reworded", "distinctive_terms", "lead_voice", "voiceless",
            "direct_quotation", "neutral_said", "narrated_evaluation", "right_of_reply", "placement", "counter_frame",
            "closing_voice", "top_frame"]


def headline(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of the headline findings (:data:`HEADLINE`), in that order, pair rows where they exist."""
    present = set(table["finding"])
    ids = []
    for f in HEADLINE:
        if f + "_pair" in present:
            ids.append(f + "_pair")
        elif not (f in ("counter_frame", "closing_voice") and "placement_pair" in present):
            ids.append(f)
    order = {f: i for i, f in enumerate(ids)}
    h = table[table["finding"].isin(order)]
    return h.assign(_o=h["finding"].map(order)).sort_values("_o", kind="stable").drop(columns="_o").reset_index(drop=True)


def write(table: pd.DataFrame, folder) -> tuple:
    """Write ``findings.csv`` (every row) and ``findings.md`` (the headline list, links relative to
    the notebooks folder) into ``folder``; return both paths. The README's "What we found" is a
    copy of findings.md (``analysis.run`` keeps it current; a test fails when it is stale)."""
    from pathlib import Path

    from .tables import write_csv

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, md_path = folder / "findings.csv", folder / "findings.md"
    write_csv(table, csv_path)
    md_path.write_text(markdown(headline(table), links=True) + "\n", encoding="utf-8")
    return csv_path, md_path


def _labels(corpus) -> dict[str, str]:
    return corpus.labels()


# ---------------------------------------------------------------------------------------------
# Notebook 1: the corpus

S_SIZE = "01_corpus.ipynb#The-articles-side-by-side"
S_STRUCTURE = "01_corpus.ipynb#How-each-article-is-built"
S_CAPTURE = "01_corpus.ipynb#What-the-web-capture-broke"
S_SUMMARY = "01_corpus.ipynb#An-opening-summary"
S_VOCAB = "01_corpus.ipynb#Do-the-articles-share-a-vocabulary?"
S_DIVERSITY = "01_corpus.ipynb#Lexical-diversity,-measured-fairly"


def length_findings(corpus, body_words: pd.Series) -> pd.DataFrame:
    """How long each article's body is, and how the lengths compare (two articles: A against B;
    more: the longest against the shortest)."""
    lab = _labels(corpus)
    n = body_words.reindex(list(lab)).fillna(0).astype(int)
    rows = []
    if len(n) == 2:
        (a, na), (b, nb) = n.items()
        rows.append(row("length", S_SIZE, [a, b], compare(lab[a], na, lab[b], nb, "long", "longer", "body words"),
                        value=na / nb if nb else float("nan"), values={"body_words_a": na, "body_words_b": nb}))
    elif len(n) > 2:
        hi, lo = n.idxmax(), n.idxmin()
        rows.append(row("length", S_SIZE, [hi, lo],
                        f"Body lengths range from {number(n[lo])} words ({lab[lo]}) to {number(n[hi])} ({lab[hi]}); "
                        f"the median is {number(float(n.median()))}",
                        value=float(n[hi] / n[lo]) if n[lo] else float("nan"),
                        values={"min": n[lo], "max": n[hi], "median": float(n.median())}))
    elif len(n) == 1:
        (a, na), = n.items()
        rows.append(row("length", S_SIZE, a, f"{lab[a]} has {plural(na, 'body word')}", value=na,
                        values={"body_words": na}))
    return frame(rows)


def structure_findings(corpus) -> pd.DataFrame:
    """What each article has besides body text (headline, headings, boilerplate), kept out of counts."""
    lab = _labels(corpus)
    kinds = corpus.paragraphs.groupby(["article_id", "kind"]).size()
    rows = []
    for aid in lab:
        parts = []
        for kind, word in (("headline", "headline"), ("heading", "section heading"), ("boilerplate", "closing boilerplate paragraph")):
            k = int(kinds.get((aid, kind), 0))
            if k:
                parts.append("a headline" if kind == "headline" and k == 1 else plural(k, word))
        text = (f"{lab[aid]} has {join(parts)}, kept out of the word counts" if parts
                else f"{lab[aid]} has no headline, heading or boilerplate in the capture: only body paragraphs")
        rows.append(row("structure", S_STRUCTURE, aid, text, value=float(sum(int(kinds.get((aid, k), 0)) for k in
                                                                              ("headline", "heading", "boilerplate"))),
                        values={k: int(kinds.get((aid, k), 0)) for k in ("headline", "heading", "boilerplate", "body")}))
    return frame(rows)


def capture_findings(corpus, report: pd.DataFrame) -> pd.DataFrame:
    """Places where the web capture lost words (stripped links, removed names), per article."""
    lab = _labels(corpus)
    gaps = report[report["kind"].isin(["link_gap", "space_run"])]
    rows = []
    gaps_by = by_article(gaps)
    for aid in lab:
        g = gaps_by[aid]
        if len(g):
            ev = [(aid, int(s), t) for s, t in zip(g["sentence"], g["text"], strict=True)]
            rows.append(row("capture_gaps", S_CAPTURE, aid,
                            f"{lab[aid]} has {plural(len(g), 'place')} where the capture lost a word "
                            f"({plural(int((g['kind'] == 'link_gap').sum()), 'stripped link')}, "
                            f"{plural(int((g['kind'] == 'space_run').sum()), 'removed name')}); those words cannot be counted",
                            value=len(g), values={"gaps": len(g)}, evidence=ev))
    if not rows and lab:
        rows.append(row("capture_gaps", S_CAPTURE, list(lab), "No article shows signs of words lost at capture",
                        value=0, values={"gaps": 0}))
    return frame(rows)


def summary_findings(corpus, summary: pd.DataFrame, body_words: pd.Series) -> pd.DataFrame:
    """An opening summary (dek) that repeats the body: its weight, and the words it adds that the
    rest of the body never uses (a summary is not always a word-for-word repeat)."""
    lab = _labels(corpus)
    rows = []
    tok = corpus.tokens
    tok_by = by_article(tok[(tok["kind"] == "body") & tok["is_word"]])
    for r in summary.itertuples(index=False):
        aid, p = r.article_id, int(r.paragraph)
        t = tok_by[aid]
        inside = t[t["paragraph"] == p]
        rest = set(t.loc[(t["paragraph"] != p) & ~t["is_stop"], "norm"])
        adds = sorted(set(inside.loc[~inside["is_stop"], "norm"]) - rest)
        share = len(inside) / body_words[aid] if body_words.get(aid) else float("nan")
        sents = corpus.sentences_by_article[aid]
        sents = sents[sents["paragraph"] == p]
        ev = [(aid, int(s), x) for s, x in zip(sents["sentence"], sents["text"], strict=True)]
        listed = ", ".join(adds[:8]) + ", ..." if len(adds) > 8 else join(adds)
        added = (f"; it adds {plural(len(adds), 'content word')} the rest of the body never uses ({listed})" if adds
                 else "; every content word in it recurs later")
        repeats = join(r.repeats_paragraphs.split(", "))
        rows.append(row("opening_summary", S_SUMMARY, aid,
                        f"{lab[aid]} opens with a {int(r.n_sentences)}-sentence summary that repeats "
                        f"{'paragraphs' if ',' in r.repeats_paragraphs else 'paragraph'} {repeats} of its body, "
                        f"{pct(share)} of its body words{added}",
                        value=share, values={"summary_words": len(inside), "body_words": body_words[aid],
                                             "words_added": len(adds)}, evidence=ev))
    return frame(rows)


def vocabulary_findings(corpus, overlap: pd.DataFrame) -> pd.DataFrame:
    """How much vocabulary (content-word types) two articles share, from each side; with many
    articles (:func:`analysis.terms.vocabulary_overlap` rows without article_b), each article's
    share found in the others."""
    lab = _labels(corpus)
    rows = []
    for o in overlap.itertuples(index=False):
        if o.types_a == 0 or o.types_b == 0:
            continue
        if not o.article_b:  # one article against all the others together (many articles)
            rows.append(row("vocabulary_overlap", S_VOCAB, o.article_a,
                            f"{pct(o.share_of_a)} of {possessive(lab[o.article_a])} content-word types also occur in the other "
                            f"{number(len(lab) - 1)} articles; {plural(o.types_a - o.shared, 'type')} "
                            f"{'occurs' if o.types_a - o.shared == 1 else 'occur'} in it alone",
                            value=o.share_of_a, values={"share_of_a": o.share_of_a, "shared": o.shared,
                                                        "own": o.types_a - o.shared}))
            continue
        most = "most of each article's vocabulary is its own" if o.share_of_a < 0.5 and o.share_of_b < 0.5 else \
            "most of the smaller vocabulary is shared" if max(o.share_of_a, o.share_of_b) >= 0.5 else ""
        rows.append(row("vocabulary_overlap", S_VOCAB, [o.article_a, o.article_b],
                        f"{pct(o.share_of_a)} of {possessive(lab[o.article_a])} content-word types also occur in {lab[o.article_b]}, "
                        f"and {pct(o.share_of_b)} of {possessive(lab[o.article_b])} in {lab[o.article_a]} "
                        f"(Jaccard {o.jaccard:.2f}){': ' + most if most else ''}",
                        value=o.jaccard, values={"jaccard": o.jaccard, "share_of_a": o.share_of_a,
                                                 "share_of_b": o.share_of_b, "shared": o.shared}))
    return frame(rows)


def diversity_findings(corpus, diversity: pd.DataFrame, window: int = 50) -> pd.DataFrame:
    """Lexical diversity (MATTR, length-fair) of each article, and the gap between the extremes."""
    lab = _labels(corpus)
    col = f"mattr_{window}"
    long_enough = diversity[diversity["n_words"] >= window]  # MATTR needs at least one full window
    d = long_enough.set_index("article_id")[col].dropna()
    short = [lab[a] for a in diversity.loc[diversity["n_words"] < window, "article_id"]]
    if len(d) < 2:
        if short:
            return frame([row("lexical_diversity", S_DIVERSITY, list(lab),
                              f"Lexical diversity is not compared: {join(short)} {'has' if len(short) == 1 else 'have'} "
                              f"fewer body words than one {window}-word window")])
        return frame([])
    hi, lo = d.idxmax(), d.idxmin()
    gap = float(d[hi] - d[lo])
    size = "nearly equal" if gap < 0.03 else f"{gap:.3f} apart"
    who = f"{lab[hi]} {d[hi]:.3f}, {lab[lo]} {d[lo]:.3f}" if len(d) == 2 else \
        f"from {d[lo]:.3f} ({lab[lo]}) to {d[hi]:.3f} ({lab[hi]})"
    left_out = f" ({join(short)} left out: shorter than one window)" if short else ""
    return frame([row("lexical_diversity", S_DIVERSITY, [hi, lo],
                      f"Lexical diversity (MATTR over {window}-word windows, which does not depend on length) is {size}: {who}{left_out}",
                      value=gap, values={"max": d[hi], "min": d[lo], "gap": gap})])


S_READABILITY = "01_corpus.ipynb#Readability:-how-hard-is-each-article-to-read?"


def _longest_sentence(corpus, counts: pd.DataFrame, aid: str):
    """(article_id, sentence, text) of the article's body sentence with the most words, or None."""
    c = counts[aid]
    if c.empty or not c["words"].max():
        return None
    sid = int(c.loc[c["words"].idxmax(), "sentence"])
    return aid, sid, corpus.sentence_text(aid, sid)


def readability_findings(corpus, table: pd.DataFrame, n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Flesch-Kincaid grade of each article, and whether the hardest and easiest differ by more than
    the sentence bootstrap allows (``table``: :func:`analysis.readability.readability`)."""
    from . import readability

    lab = _labels(corpus)
    d = table.dropna(subset=["grade"]).set_index("article_id")
    if d.empty:
        return frame([])
    counts = by_article(readability.sentence_counts(corpus))

    def one(aid):
        r = d.loc[aid]
        interval = "" if r["grade_low"] != r["grade_low"] else f", 95% interval {r['grade_low']:.1f} to {r['grade_high']:.1f}"
        return f"{lab[aid]} {r['grade']:.1f} ({r['words_per_sentence']:.1f} words a sentence{interval})"

    if len(d) == 1:
        aid = d.index[0]
        ev = [e for e in [_longest_sentence(corpus, counts, aid)] if e]
        return frame([row("readability", S_READABILITY, aid, f"Flesch-Kincaid grade: {one(aid)}", value=d.at[aid, "grade"],
                          values={"grade": d.at[aid, "grade"]}, evidence=ev)])
    hi, lo = d["grade"].idxmax(), d["grade"].idxmin()
    diff = readability.grade_difference(corpus, hi, lo, n_boot=n_boot, seed=seed)
    if diff["low"] != diff["low"]:
        verdict = "too few sentences to say whether the gap is more than chance"
    elif diff["clear"]:
        verdict = (f"the sentence bootstrap puts the gap between {diff['low']:.1f} and {diff['high']:.1f} grades, "
                   f"so by this formula {lab[hi]} is harder to read")
    else:
        verdict = (f"the sentence bootstrap puts the gap between {diff['low']:.1f} and {diff['high']:.1f} grades, "
                   f"which includes zero: the gap may be chance")
    who = f"{one(hi)} against {one(lo)}" if len(d) == 2 else f"from {one(lo)} to {one(hi)}"
    ev = [e for e in (_longest_sentence(corpus, counts, hi), _longest_sentence(corpus, counts, lo)) if e]
    return frame([row("readability", S_READABILITY, [hi, lo],
                      f"Flesch-Kincaid grade (US school years; higher is harder): {who}; {verdict}",
                      value=diff["difference"],
                      values={"grade_max": d.at[hi, "grade"], "grade_min": d.at[lo, "grade"], **diff}, evidence=ev)])


# ---------------------------------------------------------------------------------------------
# Notebook 2: terms

S_TESTS = "02_term_frequency.ipynb#Distinctive-terms:-three-tests"
S_BACKGROUND = "02_term_frequency.ipynb#Each-article-against-general-English"


def distinctive_findings(corpus, summary: dict, perm: pd.Series) -> pd.DataFrame:
    """Whether any single term distinguishes the articles beyond chance (log-odds z, FDR on G2, and
    the permutation null for the largest |z|), stated only as strongly as the tests allow."""
    ids = list(_labels(corpus))
    n_terms = int(summary.get("terms_tested", 0))
    if len(ids) < 2:
        return frame([row("distinctive_terms", S_TESTS, ids, "With one article there is nothing to compare its words with")])
    if n_terms == 0 or perm.get("n_terms", 0) == 0 or perm.get("p_value") != perm.get("p_value"):
        return frame([row("distinctive_terms", S_TESTS, ids,
                          "No term is used often enough in these articles to test whether it distinguishes them",
                          values={"terms_tested": n_terms})])
    z, over, q = summary["largest_abs_z"], int(summary["terms_abs_z_over_1.96"]), summary["smallest_q_g2"]
    p, q95 = float(perm["p_value"]), float(perm["null_q95"])
    vals = {"terms_tested": n_terms, "largest_abs_z": z, "over_1.96": over, "smallest_q": q, "perm_p": p, "perm_q95": q95}
    used, of = int(perm.get("n_articles", len(ids))), int(perm.get("of_articles", len(ids)))
    if used < of:  # the permutation test ran on a sample of articles: state it on the sample's own largest |z|
        z = round(float(perm["observed_max_abs_z"]), 3)
        over_use = int(summary.get("terms_z_over_1.96", over))  # an article's own words, not those it lacks
        vals.update(perm_articles=used, of_articles=of, sample_largest_abs_z=z, over_used=over_use)
        verdict = "is larger than chance" if p < 0.05 else "is not larger than chance"
        text = (f"On a random sample of {used} of the {of} articles (the permutation test's cost grows with articles "
                f"times vocabulary), the largest difference in word use {verdict}: its |z| of {z:.2f} against a "
                f"permutation 95th percentile of {q95:.2f} (p = {p:.3f}); over all {of} articles, "
                f"{plural(over_use, 'term')} of {number(n_terms)} {'is' if over_use == 1 else 'are'} used more by some "
                f"article than by the rest at z > 1.96, one test at a time")
        return frame([row("distinctive_terms", S_TESTS, ids, text, value=p, values=vals)])
    if p < 0.05:
        text = (f"The largest difference between the articles' word use is larger than chance: its |z| of {z:.2f} "
                f"exceeds the permutation 95th percentile of {q95:.2f} (p = {p:.3f}, {plural(n_terms, 'term')} tested)")
    else:  # the sentence-label permutation decides: G2's q assumes independent tokens, and words come in bursts
        single = "no term reaches" if over == 0 else f"{plural(over, 'term')} pass"
        text = (f"No single word distinguishes the articles beyond chance: {single} |z| = 1.96, the largest |z| "
                f"({z:.2f}) does not exceed the permutation 95th percentile of {q95:.2f} (p = {p:.2f}), and the "
                f"smallest false-discovery q on G2 is {q:.2f} ({plural(n_terms, 'term')} tested)")
    return frame([row("distinctive_terms", S_TESTS, ids, text, value=p, values=vals)])


def background_findings(corpus, bg: pd.DataFrame, q: float = 0.05, top: int = 5) -> pd.DataFrame:
    """Each article against general English: the most over-represented words that pass an FDR of ``q``."""
    lab = _labels(corpus)
    rows = []
    bg_by = by_article(bg[(bg["q_g2"] < q) & (bg["log_ratio"] > 0)])
    for aid in lab:
        g = bg_by[aid]
        if g.empty:
            continue
        words = g.sort_values(["g2", "term"], ascending=[False, True])["term"].head(top).tolist()
        rows.append(row("against_english", S_BACKGROUND, aid,
                        f"Against general English, {plural(len(g), 'word')} of {lab[aid]} {'is' if len(g) == 1 else 'are'} over-represented at a "
                        f"false-discovery rate of {q:.0%}{', led by ' if len(words) > 1 else ': '}{join(words)}: what the article is about",
                        value=len(g), values={"terms": len(g)}))
    return frame(rows)


def term_findings(corpus, table: pd.DataFrame, perm: pd.DataFrame, bg: pd.DataFrame) -> pd.DataFrame:
    """Notebook 2's findings from its three tests' inputs, so the notebook need not compute every
    finding: ``table`` (:func:`analysis.terms.count_table`), ``perm``
    (:func:`analysis.terms.permutation_null`), ``bg`` (:func:`analysis.terms.against_background`)."""
    from . import terms

    parts = [distinctive_findings(corpus, terms.distinctive_summary(table), perm.iloc[0]), background_findings(corpus, bg)]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else frame([])


# ---------------------------------------------------------------------------------------------
# Notebooks 3 and 4: voices, verbs, placement, frames

S_VOICE = "04_framing.ipynb#Who-is-given-a-voice,-who-is-only-talked-about"
S_KINDS = "03_quote_attribution.ipynb#Their-own-words,-or-the-reporter's-paraphrase?"
S_VERBS = "03_quote_attribution.ipynb#Which-verbs-introduce-whom?"
S_STANCE = "04_framing.ipynb#With-which-verbs-is-each-side-introduced?"
S_PLACEMENT = "04_framing.ipynb#Placement:-when-does-the-counter-frame-arrive,-and-who-has-the-last-word?"
S_FRAMES = "04_framing.ipynb#Frame-dimensions"
S_HEDGES = "04_framing.ipynb#Hedging:-who-sounds-certain?"


def _first_sentences(corpus, atts: pd.DataFrame, aid: str, speakers: Iterable[str] | None = None):
    """The sentences where ``speakers`` (all, if None) first speak in article ``aid``; ``atts`` may be
    all attributions or that article's own (cheaper in a loop)."""
    a = atts[atts["doc_id"] == aid]
    if speakers is not None:
        a = a[a["actor"].isin(list(speakers))] if "actor" in a.columns else a[a["speaker"].isin(list(speakers))]
    return [corpus.sentence_at(aid, int(s)) for s in a.sort_values("quote_start")["sentence_start"].drop_duplicates()]


_DESCRIPTION_OPENERS = {"a", "an", "the", "some", "many", "most", "several", "other", "others", "one", "two", "three",
                        "both", "all", "another", "their", "his", "her", "its", "our"}


def _in_sentence(actor: str) -> str:
    """An actor as written inside a sentence: a description that opened its own ("A student", "The senators") in
    lower case; a pronoun the resolver could not tie to anyone in quotation marks, said so ("“We” (unresolved)");
    a name as it is ("The Washington Post")."""
    if actor.lower() in quotes.PRONOUNS:
        return f"“{actor}” (unresolved)"
    words = actor.split(" ")
    first = words[0]
    if first.lower() in _DESCRIPTION_OPENERS and first[:1].isupper() \
            and (not quotes.names_someone(actor) or (len(words) > 1 and words[1][:1].islower())):
        return first.lower() + actor[len(first):]  # "a spokesman for Platte River", but "The Washington Post"
    return actor


def voice_findings(corpus, voice: pd.DataFrame, atts_actors: pd.DataFrame) -> pd.DataFrame:
    """Who is heard most in each article (share of body words in the actor's speech), and who next.

    ``voice``: :func:`analysis.framing.voice_share`; ``atts_actors``: body attributions with their
    actor (:func:`analysis.framing.speaker_actors`), for the evidence sentences.
    """
    lab = _labels(corpus)
    rows = []
    voiced, atts_by = by_article(voice[voice["voice_share"] > 0]), by_article(atts_actors, "doc_id")
    for aid in lab:
        v = voiced[aid].sort_values(
            ["voice_share", "actor"], ascending=[False, True])
        if v.empty:
            rows.append(row("lead_voice", S_VOICE, aid, f"Nobody is quoted or paraphrased in the body of {lab[aid]}",
                            value=0, values={"voices": 0}))
            continue
        top = v.iloc[0]
        tie = v[v["voice_share"] == top["voice_share"]]
        if len(tie) > 1:
            text = (f"In {lab[aid]}, {join([_in_sentence(a) for a in tie['actor']])} are heard equally most, each in "
                    f"{pct(top['voice_share'])} of the body words")
        else:
            who = _in_sentence(top["actor"])
            text = (f"In {lab[aid]}, the largest share of speech goes to {who}: {pct(top['voice_share'])} of "
                    f"the body words are speech attributed to {who}")  # no verb to agree with "Residents"
        rest = v.iloc[len(tie):]
        if len(rest):
            nxt = rest.iloc[0]
            text += f"; next is {_in_sentence(nxt['actor'])} with {pct(nxt['voice_share'])}"
        rows.append(row("lead_voice", S_VOICE, aid, text, value=top["voice_share"],
                        values={"actor": top["actor"], "share": top["voice_share"], "voices": len(v)},
                        evidence=_first_sentences(corpus, atts_by[aid], aid, [top["actor"]])))
    return frame(rows)


def voiceless_findings(corpus, voice: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Actors an article names but never quotes or paraphrases (talked about, not heard)."""
    lab = _labels(corpus)
    rows = []
    voiceless, mentions_by = by_article(voice[voice["voiceless"].astype(bool)]), by_article(mentions)
    for aid in lab:
        v = voiceless[aid].sort_values(["mentions", "actor"], ascending=[False, True])
        if v.empty:
            continue
        m = mentions_by[aid]
        m = m[m["actor"].isin(v["actor"])].sort_values("start")
        ev = [corpus.sentence_at(aid, int(s)) for s in m.drop_duplicates("actor")["start"]]
        rows.append(row("voiceless", S_VOICE, aid,
                        f"{lab[aid]} names {join(list(v['actor']))} ({plural(int(v['mentions'].sum()), 'mention')}) "
                        "without quoting or paraphrasing them",
                        value=len(v), values={"actors": list(v["actor"]), "mentions": int(v["mentions"].sum())},
                        evidence=ev))
    return frame(rows)


def quotation_findings(corpus, shares: pd.DataFrame) -> pd.DataFrame:
    """How much of each article's attributed speech is in the speakers' own (quoted) words."""
    lab = _labels(corpus)
    direct = shares[shares["kind"] == "direct"].set_index("article_id")["share_of_words"]
    mixed = shares[shares["kind"] == "mixed"].set_index("article_id")["share_of_words"]
    heard = set(shares["article_id"])
    vals = {aid: float(direct.get(aid, 0.0)) for aid in lab if aid in heard}
    rows = []

    def one(x, name, aid):
        if x == 0:
            m = float(mixed.get(aid, 0.0))  # paraphrase that keeps quoted fragments is not all paraphrase
            if m:
                return (f"{name} quotes nobody in a direct quotation: its attributed speech is reported, "
                        f"{pct(m)} of it in sentences with quoted fragments")
            return f"{name} quotes nobody directly: all its attributed speech is the reporter's paraphrase"
        if x == 1:
            return f"All the attributed words in {name} are in quotation marks: it paraphrases nobody"
        return f"Direct quotations carry {pct(x)} of the attributed words in {name}; the rest is reported speech"

    if len(vals) == 2 and all(0 < x < 1 for x in vals.values()):
        (a, x), (b, y) = vals.items()
        text = (f"Direct quotations carry {pct(x)} of the attributed words in {lab[a]} and {pct(y)} in {lab[b]}; "
                "the rest is reported speech")
        rows.append(row("direct_quotation", S_KINDS, [a, b], text, value=x - y, values={"share_a": x, "share_b": y}))
    else:
        for aid, x in vals.items():
            rows.append(row("direct_quotation", S_KINDS, aid, one(x, lab[aid], aid), value=x, values={"share": x}))
    return frame(rows)


def said_findings(corpus, body_atts: pd.DataFrame) -> pd.DataFrame:
    """How often each article uses the neutral "say" for attribution, against its other verbs."""
    lab = _labels(corpus)
    a = body_atts[~body_atts["kind"].isin(["mention", "partial"]) & (body_atts["cue_lemma"] != "")
                  & (body_atts["cue_lemma"] != quotes.REPEAT_CUE)]  # a repeated quote has no verb of its own
    rows = []
    a_by = by_article(a, "doc_id")
    for aid in lab:
        g = a_by[aid]
        if g.empty:
            continue
        n_say = int((g["cue_lemma"] == "say").sum())
        others = g.loc[g["cue_lemma"] != "say", "cue_lemma"].value_counts()
        top = [f"{lemma} ({n})" for lemma, n in sorted(others.items(), key=lambda kv: (-kv[1], kv[0]))[:4]]
        use = ("never uses the neutral \"say\"" if n_say == 0 else
               "uses the neutral \"say\" for its only attribution with a verb" if len(g) == 1 else
               f"uses the neutral \"say\" for all {len(g)} of its attributions with a verb" if n_say == len(g) else
               f"uses the neutral \"say\" for {n_say} of its {plural(len(g), 'attribution')} with a verb")
        text = f"{lab[aid]} {use}" + (f" ({len(g)} with a verb); its verbs are led by {join(top)}" if n_say == 0 and top
                                      else f"; the others are led by {join(top)}" if top else "")
        ev = [corpus.sentence_at(aid, int(s)) for s in g.loc[g["cue_lemma"] == "say", "sentence_start"]]
        rows.append(row("neutral_said", S_VERBS, aid, text, value=n_say / len(g),
                        values={"say": n_say, "with_verb": len(g)}, evidence=ev))
    return frame(rows)


def stance_findings(corpus, stance: pd.DataFrame, min_cues: int = 1) -> pd.DataFrame:
    """The stance of the verbs that introduce each much-quoted actor (neutral, distancing, endorsing,
    loaded), for actors with at least ``min_cues`` attribution verbs in an article."""
    lab = _labels(corpus)
    rows = []
    groups: dict[tuple, list] = {}  # (article, actor) in order of first appearance -> its (stance, n, cues) rows
    for aid, actor, st, n, cues in stance[["article_id", "actor", "stance", "n", "cues"]].itertuples(index=False):
        groups.setdefault((aid, actor), []).append((str(st), int(n), cues))
    for (aid, actor), g in groups.items():
        total = sum(n for _, n, _ in g)
        if total < min_cues or actor.lower() in ("he", "she", "it", "they", "we", "i", "you"):
            continue  # an unresolved pronoun is not an actor to report on
        g = sorted(g, key=lambda r: (-r[1], r[0]))  # most used stance first
        parts = [f"{st} {plural(n, 'time')} ({c})" for st, n, c in g]
        rows.append(row("verb_stance", S_STANCE, aid,
                        f"In {lab[aid]}, {possessive(actor)} {plural(total, 'attribution verb')}: {'; '.join(parts)}",
                        value=float(sum(n for st, n, _ in g if st == "distancing")) / total,
                        values={st: n for st, n, _ in g}))
    return frame(rows)


def placement_findings(corpus, positions: pd.DataFrame) -> pd.DataFrame:
    """Where each article first brings in the counter-frame, and whose voice closes it."""
    lab = _labels(corpus)
    rows = []
    counter = positions[positions["item"] == "counter_frame"].set_index("article_id")
    # the first sentence with this text (an article may repeat a sentence word for word)
    sents = corpus.sentences.drop_duplicates(["article_id", "text"]).set_index(["article_id", "text"])["sentence"]
    headline = dict(zip(corpus.articles["article_id"], corpus.articles["headline"], strict=True))
    closing = by_article(positions[positions["item"].str.startswith("closing: ")])
    for aid in lab:
        if aid in counter.index:
            c = counter.loc[aid]
            where = "in its headline" if c["position"] == 0 and headline[aid] \
                else f"{pct(c['position'])} of the way through"
            rows.append(row("counter_frame", S_PLACEMENT, aid,
                            f"{lab[aid]} first brings in the counter-frame (a critic, or a morality or fairness word) {where}",
                            value=c["position"], values={"position": c["position"]},
                            evidence=[(aid, int(sents.get((aid, c["text"]), -1)), c["text"])]))
        else:
            rows.append(row("counter_frame", S_PLACEMENT, aid,
                            f"{lab[aid]} has no counter-frame sentence (no critic-side actor, no morality or fairness word)",
                            values={"position": None}))
        close = closing[aid]
        if len(close):
            voice = close.iloc[0]["item"].removeprefix("closing: ")
            who = "in the narrator's own voice" if voice == "narrator" else f"on {possessive(_in_sentence(voice))} voice"
            rows.append(row("closing_voice", S_PLACEMENT, aid, f"{lab[aid]} ends {who}",
                            values={"voice": voice},
                            evidence=[(aid, int(sents.get((aid, close.iloc[0]["text"]), -1)), close.iloc[0]["text"])]))
    return frame(rows)


def frame_name(frame_id: str) -> str:
    """A frame id of ``frames_en.csv`` as words: "crime_and_punishment" -> "crime and punishment"."""
    return frame_id.replace("legality_constitutionality", "legality and constitutionality").replace("_", " ")


def frame_findings(corpus, rates: pd.DataFrame, hits: pd.DataFrame) -> pd.DataFrame:
    """Each article's densest frame dimension (keyword hits per 1,000 body words), ties named together."""
    lab = _labels(corpus)
    rows = []
    rates_by, hits_by = by_article(rates[rates["hits"] > 0]), by_article(hits)
    for aid in lab:
        r = rates_by[aid]
        if r.empty:
            rows.append(row("top_frame", S_FRAMES, aid, f"{lab[aid]} uses no frame keyword", value=0))
            continue
        best = r[r["per_1000"] == r["per_1000"].max()]
        names = [frame_name(f) for f in best["frame"]]
        n = int(best["hits"].iloc[0])
        verb = "is" if len(names) == 1 else "are"
        ev_hits = hits_by[aid]
        ev_hits = ev_hits[ev_hits["frame"].isin(best["frame"])].drop_duplicates("sentence")
        text = (f"{possessive(lab[aid])} densest frame {'dimension' if len(names) == 1 else 'dimensions'} {verb} {join(names)} "
                f"({best['per_1000'].iloc[0]:.1f} keyword hits per 1,000 body words, {plural(n, 'hit')}"
                f"{' each' if len(names) > 1 else ''})")
        rows.append(row("top_frame", S_FRAMES, aid, text, value=best["per_1000"].iloc[0],
                        values={"frames": list(best["frame"]), "hits": n},
                        evidence=[corpus.sentence_at(aid, int(s)) for s in ev_hits["start"]]))
    return frame(rows)


def hedge_findings(corpus, hedges: pd.DataFrame) -> pd.DataFrame:
    """How much the narrator hedges in each article (hedges per 1,000 of the narrator's own words)."""
    lab = _labels(corpus)
    h = hedges[(hedges["class"] == "hedge") & (hedges["voice"] == "narrator")].set_index("article_id")
    vals = {aid: (float(h.at[aid, "per_1000"]), int(h.at[aid, "hits"]), int(h.at[aid, "words"]))
            for aid in lab if aid in h.index and h.at[aid, "words"] > 0}
    rows = []
    if len(vals) == 2:
        (a, (x, hx, _)), (b, (y, hy, _)) = vals.items()
        text = compare(lab[a], x, lab[b], y, "hedged", "more hedged", "hedges per 1,000 narrator words")
        rows.append(row("narrator_hedging", S_HEDGES, [a, b],
                        f"In the narrator's own sentences, {text}; {plural(hx, 'hedge')} in {lab[a]}, {hy} in {lab[b]}", value=x - y, values={"rate_a": x, "rate_b": y, "hits_a": hx, "hits_b": hy}))
    else:
        for aid, (x, hx, wx) in vals.items():
            rows.append(row("narrator_hedging", S_HEDGES, aid,
                            f"The narrator of {lab[aid]} never hedges ({number(wx)} words of its own)" if hx == 0 else
                            f"The narrator of {lab[aid]} hedges {plural(hx, 'time')} in {number(wx)} words ({x:.1f} per 1,000)",
                            value=x, values={"rate": x, "hits": hx}))
    return frame(rows)


S_EVALUATION = "04_framing.ipynb#Sourced-or-narrated:-whose-evaluation-is-it?"
S_REPLY = "04_framing.ipynb#Right-of-reply:-are-those-named-heard,-or-asked?"

_OUTCOME = {"declined": "declined to comment", "no_response": "did not respond when asked for comment", "unreachable": "could not be reached",
            "sought": "was asked for comment"}


def evaluation_findings(corpus, hits: pd.DataFrame, rates: pd.DataFrame) -> pd.DataFrame:
    """Whose voice carries the evaluative words (attitude markers and judgements): the narrator's own
    sentences or attributed speech. ``hits``/``rates``: :mod:`analysis.sourcing` tables."""
    lab = _labels(corpus)
    r = rates[rates["class"] == "all"].set_index(["article_id", "voice"])
    rows = []
    hits_by = by_article(hits)
    for aid in lab:
        if (aid, "narrator") not in r.index:
            continue
        h = hits_by[aid]
        nar, att = h[h["voice"] == "narrator"], h[h["voice"] == "attributed"]
        n, m = len(nar), len(att)
        words = lambda d: join(list(dict.fromkeys(d["match"].str.lower())))  # noqa: E731
        rate = r.at[(aid, "narrator"), "per_1000"]
        if n == 0 and m == 0:
            text = f"{lab[aid]} uses no word from the evaluative list, in the narrator's voice or in attributed speech"
        elif n == 0 and m == 1:
            text = f"The one evaluative word in {lab[aid]} is inside attributed speech ({words(att)}): it sources its evaluation"
        elif n == 0:
            text = f"All {plural(m, 'evaluative word')} in {lab[aid]} are inside attributed speech ({words(att)}): it sources its evaluation"
        else:
            text = (f"{possessive(lab[aid])} narrator uses {plural(n, 'evaluative word')} of its own ({words(nar)}; "
                    f"{rate:.1f} per 1,000 narrator words); attributed speech carries {m}"
                    + (f" ({words(att)})" if m else ""))
        ev = [corpus.sentence_at(aid, int(x)) for x in h["start"]]
        rows.append(row("narrated_evaluation", S_EVALUATION, aid, text, value=n / (n + m) if n + m else float("nan"),
                        values={"narrator": n, "attributed": m, "narrator_per_1000": rate,
                                "narrator_words": list(dict.fromkeys(nar["match"].str.lower())),
                                "attributed_words": list(dict.fromkeys(att["match"].str.lower()))}, evidence=ev))
    return frame(rows)


def reply_findings(corpus, reply: pd.DataFrame) -> pd.DataFrame:
    """For the actors an article names but does not hear: does it say it sought their comment?"""
    lab = _labels(corpus)
    rows = []
    unheard = by_article(reply[~reply["heard"].astype(bool)])
    for aid in lab:
        g = unheard[aid]
        if g.empty:
            continue
        asked = g[g["sought"]]
        silent = g[~g["sought"]]
        parts = [f"{a} {_OUTCOME[o]}" for a, o in zip(asked["actor"], asked["outcome"], strict=True)]
        text = f"{lab[aid]} says that {join(parts)}" if parts else ""
        if len(silent):
            unasked = (f"names {join(list(silent['actor']))} without hearing from them "
                       "and does not say whether comment was sought")
            text = f"{text}, and {unasked}" if text else f"{lab[aid]} {unasked}"
        ev = [(aid, int(sid), t) for sid, t in zip(asked["sentence"], asked["text"], strict=True)]
        rows.append(row("right_of_reply", S_REPLY, aid, text, value=len(asked),
                        values={"asked": list(asked["actor"]), "outcomes": list(asked["outcome"]),
                                "not_asked": list(silent["actor"])}, evidence=ev))
    return frame(rows)


S_HEADLINE = "04_framing.ipynb#Headline-and-lede"


def headline_findings(corpus, hl: pd.DataFrame, stance: pd.DataFrame) -> pd.DataFrame:
    """The headline's attribution verb and its stance next to the verbs the body gives the same
    actor (e.g. a headline verb that asserts what the body calls alleged).
    ``hl``: :func:`analysis.framing.headline_lede`; ``stance``: :func:`analysis.framing.cue_stance`."""
    lab = _labels(corpus)
    rows = []
    by_actor = by_article(stance, ["article_id", "actor"])
    for r in hl[(hl["part"] == "headline") & ~hl["verb_class"].isin(["", "none"])].itertuples(index=False):
        body = by_actor[(r.article_id, r.subject)] if r.subject else stance.iloc[:0]
        who = r.subject or "its subject"
        text = f"{possessive(lab[r.article_id])} headline has {who} \"{r.verb}\" ({r.verb_class})"
        if len(body):
            body = body.sort_values(["n", "stance"], ascending=[False, True])
            text += f"; in the body, {possessive(who)} verbs are " + join(
                [f"{plural(int(n), st + ' verb')} ({c})" for st, n, c in body[["stance", "n", "cues"]].itertuples(index=False)])
        rows.append(row("headline_verb", S_HEADLINE, r.article_id, text,
                        values={"verb": r.verb, "stance": r.verb_class,
                                "body": {str(k): int(v) for k, v in zip(body["stance"], body["n"], strict=True)} if len(body) else {}},
                        evidence=[(r.article_id, 0, r.text)]))
    return frame(rows)


S_LABELS = "04_framing.ipynb#How-each-side-is-named"


def _marker_form(marker: str) -> str:
    """One spelling per marker of origin: "Foreign" at a sentence start is "foreign"; demonyms keep their capital."""
    return marker.lower() if marker.lower() in {"foreign", "overseas", "domestic", "state-run", "state-owned", "state-backed"} else marker


def label_findings(corpus, labels_: pd.DataFrame) -> pd.DataFrame:
    """How each article labels each actor (labels assigned per actor, never pooled across actors), and
    how often a marker of origin ("Chinese", "foreign", "U.S.") goes with them.
    ``labels_``: :func:`analysis.framing.actor_labels`."""
    lab = _labels(corpus)
    rows = []
    for (aid, actor), g in labels_[labels_["actor"] != ""].groupby(["article_id", "actor"], sort=False):
        counts = g["label"].value_counts()
        parts = [f"{name} ×{n}" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
        marked = g[g["marker"] != ""]
        markers = marked["marker"].map(_marker_form).value_counts()
        text = f"In {lab[aid]}, {actor} {'is' if not actor.endswith('s') else 'are'} labelled {join(parts)}"
        if len(marked):
            text += f", {len(marked)} of {len(g)} times with a marker of origin ({join([f'{k} ×{v}' for k, v in markers.items()])})"
        rows.append(row("actor_labels", S_LABELS, aid, text, value=len(marked) / len(g),
                        values={"labels": {str(k): int(v) for k, v in counts.items()}, "marked": len(marked), "n": len(g)},
                        evidence=[corpus.sentence_at(aid, int(x)) for x in g["start"]]))
    return frame(rows)


S_CREDENTIALS = "03_quote_attribution.ipynb#How-is-each-source-introduced?"


def credential_findings(corpus, creds: pd.DataFrame) -> pd.DataFrame:
    """How each article introduces its named sources (the credential beside the name) and how many
    of its sources it leaves unnamed. ``creds``: :func:`analysis.sourcing.credentials`."""
    lab = _labels(corpus)
    rows = []
    creds_by = by_article(creds)
    for aid in lab:
        g = creds_by[aid]
        if g.empty:
            continue
        named = g[g["source"] == "named"]
        with_cred = named[named["credential"] != ""]
        unnamed = g[g["source"] == "unnamed"]
        parts = []
        if len(with_cred):
            parts.append(f"introduces {join([f'{r.speaker} ({r.credential})' for r in with_cred.itertuples()])}")
        if len(unnamed):
            parts.append(f"hears {plural(len(unnamed), 'unnamed source')} ({join(list(unnamed['mention']))})")
        if not parts:
            continue
        text = f"{lab[aid]} " + "; ".join(parts)
        rows.append(row("source_credentials", S_CREDENTIALS, aid, text, value=len(unnamed),
                        values={"named": len(named), "with_credential": len(with_cred), "unnamed": len(unnamed)},
                        evidence=[(aid, int(r.sentence), r.text) for r in with_cred.itertuples()]))
    return frame(rows)


S_ENTMAN = "04_framing.ipynb#Reading-the-measures-with-Entman's-four-framing-functions"


def entman_findings(corpus, rates: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Entman's four framing functions, one computed sentence each per article, frames compared one
    by one (per 1,000 body words, with their hits), from the frame rates and the other findings.

    Problem definition: the densest frame dimension and who is named but not heard. Causal
    interpretation: whose speech dominates. Moral judgement: the morality and fairness rates and
    where the counter-frame arrives. Remedy: the policy-prescription rate.
    """
    lab = _labels(corpus)
    # one lookup each, built once: filtering the tables per article would grow with articles squared
    wanted = table[table["finding"].isin(["top_frame", "voiceless", "lead_voice", "counter_frame", "right_of_reply",
                                           "narrated_evaluation"])].drop_duplicates(["finding", "article_id"])
    found = dict(zip(zip(wanted["finding"], wanted["article_id"], strict=True), wanted["values"], strict=True))
    per_frame = rates.drop_duplicates(["article_id", "frame"])
    rate_of = dict(zip(zip(per_frame["article_id"], per_frame["frame"], strict=True),
                       zip(per_frame["per_1000"], per_frame["hits"], strict=True), strict=True))

    def values(finding, aid):
        v = found.get((finding, aid))
        return json.loads(v) if v is not None else None

    def rate(aid, frame_id):
        r = rate_of.get((aid, frame_id))
        return (float(r[0]), int(r[1])) if r is not None else (float("nan"), 0)

    def fmt(aid, frame_id):
        x, n = rate(aid, frame_id)
        return f"{frame_name(frame_id)} {x:.1f} per 1,000 body words ({plural(n, 'hit')})"

    rows = []
    for aid in lab:
        top, silent, voice, counter = (values(f, aid) for f in ("top_frame", "voiceless", "lead_voice", "counter_frame"))
        problem = (f"its densest frame {'dimension is' if len(top['frames']) == 1 else 'dimensions are'} "
                   f"{join([fmt(aid, f) for f in top['frames']])}" if top and top.get("frames") else "no frame keyword")
        if silent:
            reply = values("right_of_reply", aid) or {}
            unasked = [x for x in silent["actors"] if x in reply.get("not_asked", [])]
            asked = dict(zip(reply.get("asked", []), reply.get("outcomes", []), strict=True))
            verb = "is" if len(silent["actors"]) == 1 else "are"
            if unasked and len(unasked) == len(silent["actors"]):
                problem += f"; {join(silent['actors'])} {verb} named but neither heard nor said to have been asked for comment"
            else:
                problem += f"; {join(silent['actors'])} {verb} named but not heard"
                notes = [f"{a} {_OUTCOME[o]}" for a, o in asked.items() if a in silent["actors"]]
                if unasked:
                    notes.append(f"the article does not say whether {join(unasked)} {'was' if len(unasked) == 1 else 'were'} asked")
                if notes:
                    problem += f" ({'; '.join(notes)})"
        rows.append(row("entman_problem", S_ENTMAN, aid, f"Problem definition in {lab[aid]}: {problem}",
                        values={"frames": (top or {}).get("frames", []), "voiceless": (silent or {}).get("actors", [])}))
        if voice and voice.get("actor"):
            cause = f"the dominant voice is {voice['actor']}, whose speech fills {pct(voice['share'])} of the body words"
        else:
            cause = "nobody is quoted or paraphrased, so the narrator alone assigns causes"
        rows.append(row("entman_cause", S_ENTMAN, aid, f"Causal interpretation in {lab[aid]}: {cause}",
                        value=(voice or {}).get("share", float("nan")), values={"actor": (voice or {}).get("actor")}))
        where = ("never" if not counter or counter.get("position") is None else
                 f"{pct(counter['position'])} of the way through" if counter["position"] > 0 else "at the very start")
        ev = values("narrated_evaluation", aid)
        judged = ""
        if ev and (ev["narrator"] or ev["attributed"]):
            judged = (f"; {plural(ev['narrator'], 'evaluative word')} in the narrator's own voice"
                      f"{' (' + join(ev.get('narrator_words', [])[:4]) + ')' if ev['narrator'] else ''} "
                      f"and {ev['attributed']} inside attributed speech")
        arrives = "there is no counter-frame" if where == "never" else f"the counter-frame arrives {where}"
        rows.append(row("entman_moral", S_ENTMAN, aid,
                        f"Moral judgement in {lab[aid]}: {fmt(aid, 'morality')} and {fmt(aid, 'fairness_and_equality')}; "
                        f"{arrives}{judged}",
                        value=rate(aid, "morality")[0] + rate(aid, "fairness_and_equality")[0],
                        values={"morality": rate(aid, "morality")[0], "fairness": rate(aid, "fairness_and_equality")[0]}))
        rows.append(row("entman_remedy", S_ENTMAN, aid,
                        f"Remedy in {lab[aid]}: {fmt(aid, 'policy_prescription_and_evaluation')}",
                        value=rate(aid, "policy_prescription_and_evaluation")[0],
                        values={"policy": rate(aid, "policy_prescription_and_evaluation")[0]}))
    return frame(rows)


# ---------------------------------------------------------------------------------------------
# Two articles side by side: one sentence from the two per-article rows of a finding


def pair_findings(corpus, table: pd.DataFrame) -> pd.DataFrame:
    """For exactly two articles, one comparison sentence per per-article finding (ids ending in
    ``_pair``), built only from the ``values`` of the two rows it compares."""
    lab = _labels(corpus)
    if len(lab) != 2:
        return frame([])
    a, b = lab
    A, B = lab[a], lab[b]

    def vals(finding, aid):
        r = table[(table["finding"] == finding) & (table["article_id"] == aid)]
        return (json.loads(r["values"].iloc[0]), r) if len(r) else (None, r)

    def evidence(*frames):
        return [(e["article_id"], e["sentence"], e["text"]) for f in frames for ev in f["evidence"] for e in json.loads(ev)]

    rows = []
    (va, ra), (vb, rb) = vals("lead_voice", a), vals("lead_voice", b)
    if va and vb and va.get("actor") and vb.get("actor"):
        if va["actor"] == vb["actor"]:
            text = (f"The largest share of speech goes to {va['actor']} in both articles: speech attributed to "
                    f"{va['actor']} fills {pct(va['share'])} of {possessive(A)} body words "
                    f"and {pct(vb['share'])} of {possessive(B)}")
        else:
            text = (f"{A} gives most voice to {va['actor']} ({pct(va['share'])} of its body words), "
                    f"{B} to {vb['actor']} ({pct(vb['share'])})")
        rows.append(row("lead_voice_pair", S_VOICE, [a, b], text, value=va["share"] - vb["share"],
                        values={"actor_a": va["actor"], "actor_b": vb["actor"], "share_a": va["share"], "share_b": vb["share"]},
                        evidence=evidence(ra, rb)))
    (va, ra), (vb, rb) = vals("voiceless", a), vals("voiceless", b)
    if va or vb:
        sa, sb = (va or {}).get("actors", []), (vb or {}).get("actors", [])
        both = [x for x in sa if x in sb]
        parts = [f"Both articles name {join(both)} without quoting or paraphrasing them"] if both else []
        for name, only in ((A, [x for x in sa if x not in sb]), (B, [x for x in sb if x not in sa])):
            if only:
                parts.append(f"only {name} also leaves {join(only)} unheard" if both else
                             f"{name} names {join(only)} without quoting or paraphrasing them")
        text = "; ".join(parts)
        rows.append(row("voiceless_pair", S_VOICE, [a, b], text[0].upper() + text[1:], value=len(both),
                        values={"both": both, "only_a": [x for x in sa if x not in sb], "only_b": [x for x in sb if x not in sa]},
                        evidence=evidence(ra, rb)))
    (va, ra), (vb, rb) = vals("neutral_said", a), vals("neutral_said", b)
    if va and vb:
        def said(v):
            return "none" if v["say"] == 0 else str(v["say"])
        text = (f"The neutral \"say\" introduces {said(va)} of {possessive(A)} {plural(va['with_verb'], 'attribution')} with a verb "
                f"and {said(vb)} of {possessive(B)} {vb['with_verb']}")
        rows.append(row("neutral_said_pair", S_VERBS, [a, b], text,
                        value=va["say"] / va["with_verb"] - vb["say"] / vb["with_verb"],
                        values={"say_a": va["say"], "say_b": vb["say"], "with_verb_a": va["with_verb"],
                                "with_verb_b": vb["with_verb"]}, evidence=evidence(ra, rb)))
    (va, ra), (vb, rb) = vals("counter_frame", a), vals("counter_frame", b)
    (wa, xa), (wb, xb) = vals("closing_voice", a), vals("closing_voice", b)
    if va and vb and wa and wb:
        def where(v, aid):
            if v["position"] is None:
                return f"never in {lab[aid]}"
            if v["position"] == 0 and corpus.articles.set_index("article_id").at[aid, "headline"]:
                return f"in {possessive(lab[aid])} headline"
            return f"{pct(v['position'])} of the way through {lab[aid]}"

        def ends(w):
            return "in the narrator's own voice" if w["voice"] == "narrator" else f"on {possessive(w['voice'])} voice"
        text = (f"The counter-frame (a critic, or a morality or fairness word) arrives {where(va, a)} and {where(vb, b)}; "
                f"{A} ends {ends(wa)}, {B} {ends(wb)}")
        rows.append(row("placement_pair", S_PLACEMENT, [a, b], text,
                        value=float("nan") if va["position"] is None or vb["position"] is None else va["position"] - vb["position"],
                        values={"position_a": va["position"], "position_b": vb["position"], "closing_a": wa["voice"],
                                "closing_b": wb["voice"]}, evidence=evidence(ra, rb, xa, xb)))
    (va, ra), (vb, rb) = vals("narrated_evaluation", a), vals("narrated_evaluation", b)
    if va and vb and (va["narrator"] or vb["narrator"]):
        def own(v, name):
            if not v["narrator"]:
                return f"none in {name}"
            return f"{v['narrator']} in {name} ({join(v['narrator_words'][:6])}; {v['narrator_per_1000']:.1f} per 1,000 narrator words)"
        first, second = ((va, A), (vb, B)) if va["narrator"] >= vb["narrator"] else ((vb, B), (va, A))
        text = (f"The narrator's own evaluative words: {own(*first)}, against {own(*second)}; attributed speech "
                f"carries {va['attributed']} in {A} and {vb['attributed']} in {B}")
        rows.append(row("narrated_evaluation_pair", S_EVALUATION, [a, b], text, value=va["narrator"] - vb["narrator"],
                        values={"narrator_a": va["narrator"], "narrator_b": vb["narrator"]}, evidence=evidence(ra, rb)))
    (va, ra), (vb, rb) = vals("right_of_reply", a), vals("right_of_reply", b)
    if va or vb:
        na, nb = (va or {}).get("not_asked", []), (vb or {}).get("not_asked", [])
        both = [x for x in na if x in nb]
        parts = [f"Neither article says whether {join(both)} {'was' if len(both) == 1 else 'were'} asked for comment"] if both else []
        for name, v, only in ((A, va, [x for x in na if x not in nb]), (B, vb, [x for x in nb if x not in na])):
            for actor, outcome in zip((v or {}).get("asked", []), (v or {}).get("outcomes", []), strict=True):
                parts.append(f"{name} says that {actor} {_OUTCOME[outcome]}")
            if only:
                parts.append(f"{name} also names {join(only)} without saying whether comment was sought")
        if parts:
            rows.append(row("right_of_reply_pair", S_REPLY, [a, b], "; ".join(parts), value=len(both),
                            values={"neither": both}, evidence=evidence(ra, rb)))
    (va, ra), (vb, rb) = vals("top_frame", a), vals("top_frame", b)
    if va and vb and va.get("frames") and vb.get("frames"):
        ta, tb = ra["value"].iloc[0], rb["value"].iloc[0]
        shared = [f for f in va["frames"] if f in vb["frames"]]
        text = (f"{possessive(A)} densest frame {'dimension is' if len(va['frames']) == 1 else 'dimensions are'} "
                f"{join([frame_name(f) for f in va['frames']])} ({ta:.1f} keyword hits per 1,000 body words), "
                f"{possessive(B)} {join([frame_name(f) for f in vb['frames']])} ({tb:.1f})")
        if shared:
            text += f"; {join([frame_name(f) for f in shared])} {'is' if len(shared) == 1 else 'are'} at the top in both"
        rows.append(row("top_frame_pair", S_FRAMES, [a, b], text, value=ta - tb,
                        values={"frames_a": va["frames"], "frames_b": vb["frames"], "rate_a": ta, "rate_b": tb},
                        evidence=evidence(ra, rb)))
    return frame(rows)


# ---------------------------------------------------------------------------------------------
# Notebook 5: what each article carries

S_COVERAGE = "05_coverage.ipynb#How-much-of-each-article-has-a-counterpart?"
S_ONLY = "05_coverage.ipynb#What-each-article-carries-alone"
S_FIGURES = "05_coverage.ipynb#Figures-and-names"
S_FIDELITY = "05_coverage.ipynb#The-same-source,-in-other-words"
S_ORDER = "05_coverage.ipynb#Information-order:-promoted-or-buried?"
MAX_PAIR_ROWS = 10  # beyond this many articles (or pairs), a summary or the top rows instead of one row each


def coverage_findings(corpus, cov: pd.DataFrame) -> pd.DataFrame:
    """The share of each article's body words with a counterpart in the other (two articles: one
    sentence for both), or in any other article."""
    lab = _labels(corpus)
    if len(lab) == 2:
        (a, b) = lab
        ra = cov[(cov["article_id"] == a) & (cov["other"] == b)]
        rb = cov[(cov["article_id"] == b) & (cov["other"] == a)]
        if ra.empty or rb.empty or ra["words"].iloc[0] == 0 or rb["words"].iloc[0] == 0:
            return frame([])
        ra, rb = ra.iloc[0], rb.iloc[0]
        text = (f"{pct(ra['share_words'])} of {possessive(lab[a])} body words are in sentences that share a fact with "
                f"{lab[b]} ({ra['matched_sentences']} of {plural(int(ra['sentences']), 'sentence')}), and "
                f"{pct(rb['share_words'])} of {possessive(lab[b])} with {lab[a]} ({rb['matched_sentences']} of "
                f"{int(rb['sentences'])}); the rest of each is told by that article alone")
        return frame([row("coverage", S_COVERAGE, [a, b], text, value=ra["share_words"] - rb["share_words"],
                          values={"share_words_a": ra["share_words"], "share_words_b": rb["share_words"],
                                  "matched_a": ra["matched_sentences"], "matched_b": rb["matched_sentences"]})])
    anyc = cov[(cov["other"] == "any") & (cov["words"] > 0)]
    if len(anyc) > MAX_PAIR_ROWS:  # many articles: the spread, with the two ends
        d = anyc.set_index("article_id")["share_words"]
        hi, lo = d.idxmax(), d.idxmin()
        return frame([row("coverage", S_COVERAGE, [hi, lo],
                          f"Across {number(len(d))} articles, the share of body words that share a fact with at least one "
                          f"other article runs from {pct(d[lo])} ({lab[lo]}) to {pct(d[hi])} ({lab[hi]}); the median is "
                          f"{pct(float(d.median()))}", value=float(d.median()),
                          values={"min": d[lo], "max": d[hi], "median": float(d.median())})])
    rows = []
    for r in cov[cov["other"] == "any"].itertuples(index=False):
        if r.words:
            rows.append(row("coverage", S_COVERAGE, r.article_id,
                            f"{pct(r.share_words)} of {possessive(lab[r.article_id])} body words share a fact with at least "
                            f"one other article ({r.matched_sentences} of {plural(int(r.sentences), 'sentence')})",
                            value=r.share_words, values={"share_words": r.share_words}))
    return frame(rows)


def only_here_findings(corpus, alignment: pd.DataFrame) -> pd.DataFrame:
    """Per article, how many body sentences have no counterpart in any other article, with them."""
    lab = _labels(corpus)
    if len(lab) < 2:
        return frame([])
    rows = []
    alignment_by = by_article(alignment)
    for aid in lab:
        mine = alignment_by[aid]
        alone = mine[mine["status"] == "only_here"]
        n = mine["sentence"].nunique()
        if not n:
            continue
        others = "the other article" if len(lab) == 2 else "any other article"
        text = (f"{plural(len(alone), 'body sentence')} of {n} in {lab[aid]} "
                f"{'has' if len(alone) == 1 else 'have'} no counterpart in {others}")
        rows.append(row("only_here", S_ONLY, aid, text, value=len(alone) / n, values={"only_here": len(alone), "sentences": n},
                        evidence=[(aid, x.sentence, x.text) for x in alone.itertuples(index=False)]))
    if len(rows) > MAX_PAIR_ROWS:  # many articles: the spread, with the article most on its own
        shares = pd.Series({r["article_id"]: r["value"] for r in rows})
        hi = shares.idxmax()
        top = next(r for r in rows if r["article_id"] == hi)
        return frame([row("only_here", S_ONLY, hi,
                          f"Across {number(len(shares))} articles, the median share of body sentences with no counterpart in "
                          f"any other article is {pct(float(shares.median()))}; the highest, {pct(shares[hi])}, is {possessive(lab[hi])}",
                          value=float(shares.median()), values={"median": float(shares.median()), "max": shares[hi]},
                          evidence=[(e["article_id"], e["sentence"], e["text"]) for e in json.loads(top["evidence"])])])
    return frame(rows)


def _hedge_in_line(written: str) -> str:
    """A figure as written, its hedge in lower case inside a sentence ("More than 500" -> "more than 500")."""
    from .align import _HEDGES

    low = written.lower()
    return written[0].lower() + written[1:] if any(low.startswith(h + " ") for h in _HEDGES) else written


def figure_findings(corpus, figs: pd.DataFrame) -> pd.DataFrame:
    """Which figures (dates left out) every article carries, and which only one article carries."""
    from .align import carried

    lab = _labels(corpus)
    f = figs[figs["kind"] != "year"]
    if len(lab) < 2 or f.empty:
        return frame([])
    table = carried(f, "value", list(lab))
    first = {v: _hedge_in_line(w.split("; ")[0]) for v, w in zip(table["value"], table["as_written"], strict=True)}
    every = table.loc[table["n_articles"] == len(lab), "value"].tolist()
    parts = [f"{join([first[v] for v in every])} {'appears' if len(every) == 1 else 'appear'} in "
             f"{'both articles' if len(lab) == 2 else 'every article'}"] if every else []
    alone = {}
    for v, arts in zip(table["value"], table["articles"], strict=True):
        if ";" not in arts:
            alone.setdefault(arts, []).append(v)
    shown = [a for a in lab if a in alone]
    if len(lab) > 2:  # many articles: the five with the most figures of their own, six figures each
        shown = sorted(shown, key=lambda a: -len(alone[a]))[:5]
    for aid in shown:
        vals = alone[aid] if len(lab) == 2 else alone[aid][:6]
        items = [first[v] for v in vals] + ([f"{len(alone[aid]) - len(vals)} more"] if len(vals) < len(alone[aid]) else [])
        parts.append(f"only {lab[aid]} gives {join(items)}")
    rest = len(alone) - len(shown)
    if rest:
        parts.append(f"{plural(rest, 'other article')} also {'gives figures of its' if rest == 1 else 'give figures of their'} own")
    if not parts:
        return frame([])
    text = "; ".join(parts)
    ev = f.drop_duplicates(["article_id", "sentence"])
    ev = [(r.article_id, r.sentence, corpus.sentence_text(r.article_id, r.sentence))
          for r in ev.itertuples(index=False) if r.value in set(alone.get(r.article_id, []))]
    return frame([row("figures", S_FIGURES, list(lab), text[0].upper() + text[1:], value=len(every),
                      values={"in_every": every, **{f"only_{k}": v for k, v in alone.items()}}, evidence=ev)])


def name_findings(corpus, names_: pd.DataFrame, top: int = 6) -> pd.DataFrame:
    """The names each article mentions that no other article does (most mentioned first)."""
    from .align import carried

    lab = _labels(corpus)
    if len(lab) < 2 or names_.empty:
        return frame([])
    table = carried(names_, "key", list(lab))
    counts = names_.groupby("key").size()
    rows = []
    table_by = by_article(table, "articles")
    for aid in lab:
        mine = table_by[aid]
        if mine.empty:
            continue
        mine = mine.assign(n=mine["key"].map(counts)).sort_values("n", ascending=False, kind="stable")
        shown = [w.split("; ")[0] for w in mine["as_written"].head(top)] + ([f"{len(mine) - top} more"] if len(mine) > top else [])
        rows.append(row("names_alone", S_FIGURES, aid,
                        f"Names only {lab[aid]} mentions: {join(shown)}", value=len(mine),
                        values={"names": mine["key"].tolist()}))
    if len(rows) > MAX_PAIR_ROWS:  # many articles: those with the most names of their own
        rows = sorted(rows, key=lambda r: -r["value"])[:MAX_PAIR_ROWS]
    return frame(rows)


def fidelity_findings(corpus, fid: pd.DataFrame) -> pd.DataFrame:
    """Statements quoted in different words in two articles, and quotations the other paraphrases."""
    lab = _labels(corpus)
    rows = []
    for r in fid[fid["kind"] == "reworded"].head(MAX_PAIR_ROWS).itertuples(index=False):
        rows.append(row("quote_reworded", S_FIDELITY, [r.article_id, r.match_article],
                        f"{lab[r.article_id]} quotes {r.speaker or 'its source'} as \"{r.quote.strip(' ,.')}\", "
                        f"{lab[r.match_article]} as \"{r.match_quote.strip(' ,.')}\" in the matching sentence",
                        value=float("nan"), values={"diff": r.diff},
                        evidence=[(r.article_id, r.sentence, corpus.sentence_text(r.article_id, r.sentence)),
                                  (r.match_article, r.match_sentence, corpus.sentence_text(r.match_article, r.match_sentence))]))
    para = fid[fid["kind"] == "paraphrased"]
    para = para.assign(_q=para["quote"] + "\x00" + para["match_quote"], _s=[
        (x.article_id, x.sentence) if x.quote else (x.match_article, x.match_sentence) for x in para.itertuples(index=False)])
    para = para.drop_duplicates(["_q", "_s"]).drop(columns=["_q", "_s"])  # one quotation told twice counts once
    for (a, b), g in sorted(para.groupby(["article_id", "match_article"], sort=False), key=lambda kv: -len(kv[1]))[:MAX_PAIR_ROWS]:
        quoting_a = int((g["quote"] != "").sum())
        quoting_b = len(g) - quoting_a
        parts = []
        if quoting_a:
            parts.append(f"{plural(quoting_a, 'quotation')} in {lab[a]} {'is' if quoting_a == 1 else 'are'} told in "
                         f"{possessive(lab[b])} own words")
        if quoting_b:
            parts.append(f"{plural(quoting_b, 'quotation')} in {lab[b]} {'is' if quoting_b == 1 else 'are'} told in "
                         f"{possessive(lab[a])} own words")
        ev = [(x.article_id, x.sentence, corpus.sentence_text(x.article_id, x.sentence)) if x.quote else
              (x.match_article, x.match_sentence, corpus.sentence_text(x.match_article, x.match_sentence))
              for x in g.itertuples(index=False)]
        text = "; ".join(parts)
        rows.append(row("quote_paraphrased", S_FIDELITY, [a, b], text[0].upper() + text[1:] + " in the matching sentence",
                        value=len(g), values={"in_a": quoting_a, "in_b": quoting_b}, evidence=ev))
    return frame(rows)


def order_findings(corpus, order_: pd.DataFrame, shift: float = 0.25) -> pd.DataFrame:
    """For each pair of articles (the :data:`MAX_PAIR_ROWS` with the most matched facts), how many
    matched facts sit at least ``shift`` of the article later (buried) or earlier (promoted) in the
    second article than in the first."""
    lab = _labels(corpus)
    rows = []
    groups = sorted(order_.groupby(["article_id", "match_article"], sort=False), key=lambda kv: -kv[1]["sentence"].nunique())
    for (a, b), g in groups[:MAX_PAIR_ROWS]:
        g = g.drop_duplicates("sentence")
        later, earlier = g[g["shift"] >= shift], g[g["shift"] <= -shift]
        def n(k):
            return "none" if k == 0 else number(k)
        text = (f"Of {plural(len(g), 'fact')} of {lab[a]} matched in {lab[b]}, {n(len(later))} "
                f"{'comes' if len(later) <= 1 else 'come'} at least {pct(shift)} of the article later in {lab[b]} and "
                f"{n(len(earlier))} at least {pct(shift)} earlier")
        ev = [(a, x.sentence, corpus.sentence_text(a, x.sentence)) for x in pd.concat([later, earlier]).itertuples(index=False)]
        rows.append(row("order", S_ORDER, [a, b], text, value=float(g["shift"].median()),
                        values={"matched": len(g), "later": len(later), "earlier": len(earlier),
                                "median_shift": float(g["shift"].median())}, evidence=ev))
    return frame(rows)


def align_findings(corpus, atts: pd.DataFrame | None = None, alignment: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every finding of notebook 5, from one alignment (:func:`analysis.align.align`, computed if None)."""
    from . import align, quotes

    if len(corpus.articles) < 2:
        return frame([])
    atts = quotes.extract(corpus) if atts is None else atts
    al = align.align(corpus) if alignment is None else alignment
    parts = [coverage_findings(corpus, align.coverage(corpus, al)), only_here_findings(corpus, al),
             figure_findings(corpus, align.figures(corpus)), name_findings(corpus, align.names(corpus)),
             fidelity_findings(corpus, align.quote_fidelity(corpus, al, atts)), order_findings(corpus, align.order(corpus, al))]
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else frame([])


# ---------------------------------------------------------------------------------------------
# Notebook 6: group against group

S_GROUP_QUOTES = "06_groups.ipynb#How-each-group-quotes"
S_GROUP_TERMS = "06_groups.ipynb#Words-each-group-uses-more-than-the-others"


def group_findings(quoting: pd.DataFrame, gterms: pd.DataFrame, top: int = 5, threshold: float = 1.96) -> pd.DataFrame:
    """How the groups differ, from :func:`analysis.groups.group_quotes` (``quoting``) and
    :func:`analysis.groups.group_terms` (``gterms``): which group attributes most and least densely
    and quotes most directly (a description of these articles, not a test), and each group's words
    used more than by the other groups at z > ``threshold`` (one test at a time). ``article_id`` of
    each row holds the group names."""
    rows = []
    q = quoting.dropna(subset=["per_1000"])
    if len(q) >= 2:
        hi, lo = q.loc[q["per_1000"].idxmax()], q.loc[q["per_1000"].idxmin()]
        text = (f"{hi['group']} attributes most densely ({hi['per_1000']:.1f} attributions per 1,000 body words, "
                f"{plural(int(hi['n_articles']), 'article')}) and {lo['group']} least ({lo['per_1000']:.1f}, "
                f"{plural(int(lo['n_articles']), 'article')})")
        d = q.dropna(subset=["direct"])
        if len(d) >= 2:
            dh, dl = d.loc[d["direct"].idxmax()], d.loc[d["direct"].idxmin()]
            text += (f"; direct quotation is {pct(dh['direct'])} of {possessive(str(dh['group']))} attributions "
                     f"against {pct(dl['direct'])} of {possessive(str(dl['group']))}")
        text += " (a description of these articles, not a test)"
        rows.append(row("group_quoting", S_GROUP_QUOTES, [str(hi["group"]), str(lo["group"])], text,
                        value=float(hi["per_1000"] - lo["per_1000"]),
                        values={"most": hi["group"], "most_per_1000": hi["per_1000"], "least": lo["group"],
                                "least_per_1000": lo["per_1000"]}))
    for name, g in gterms.groupby("group", sort=False):
        over = g[g["z"] > threshold].sort_values(["z", "term"], ascending=[False, True])
        if over.empty:
            text = f"No word is used more by {name} than by the other groups at z > {threshold}"
        else:
            words = over["term"].head(top).tolist()
            text = (f"Against the other groups, {name} uses {join(words)} more (z {over['z'].iloc[:top].min():.1f} "
                    f"to {over['z'].iloc[0]:.1f}, one test at a time)")
        rows.append(row("group_terms", S_GROUP_TERMS, str(name), text, value=len(over),
                        values={"terms": over["term"].head(top).tolist()}))
    return frame(rows)


# ---------------------------------------------------------------------------------------------
# All of them

def compute(corpus, atts: pd.DataFrame | None = None, actors: pd.DataFrame | None = None,
            n_perm: int = 1000, seed: int = 0) -> pd.DataFrame:
    """Every finding on ``corpus``, in reading order (corpus, terms, voices, verbs, placement, frames).

    ``atts``: :func:`analysis.quotes.extract` (computed if None). ``actors``: an actor table
    (:func:`analysis.framing.load_actors`); None makes each speaker an actor, as notebook 4 does.
    """
    from . import framing, hygiene, quotes, readability, sourcing, terms

    atts = quotes.extract(corpus) if atts is None else atts
    actors = framing.actors_from_speakers(atts, corpus) if actors is None else actors
    body_words = terms.body_word_counts(corpus)
    report = hygiene.report(corpus)
    summary = hygiene.repeated_paragraphs(corpus)
    table = terms.count_table(corpus.tokens)
    perm = terms.permutation_null(corpus.tokens, n_perm=n_perm, seed=seed)
    mentions = framing.actor_mentions(corpus, actors)
    voice = framing.voice_share(corpus, atts, actors, mentions=mentions)
    body_atts = quotes.body_attributions(corpus, atts)
    with_actor = framing.speaker_actors(body_atts[body_atts["kind"] != "mention"], actors)
    hits = framing.frame_hits(corpus)
    eval_hits = sourcing.evaluation_hits(corpus, atts)
    stance = framing.cue_stance(atts, actors, corpus)
    counter = framing.counter_frame_sentences(corpus, actors, mentions=mentions)  # for headline and placement both
    parts = [
        length_findings(corpus, body_words.fillna(0)),
        structure_findings(corpus),
        capture_findings(corpus, report),
        summary_findings(corpus, summary, body_words),
        vocabulary_findings(corpus, terms.vocabulary_overlap(corpus.tokens)),
        diversity_findings(corpus, terms.lexical_diversity(corpus.tokens)),
        readability_findings(corpus, readability.readability(corpus)),
        term_findings(corpus, table, perm, terms.against_background(table, min_count=2)),
        voice_findings(corpus, voice, with_actor),
        voiceless_findings(corpus, voice, mentions),
        quotation_findings(corpus, quotes.kind_shares(body_atts)),
        said_findings(corpus, body_atts),
        stance_findings(corpus, stance),
        headline_findings(corpus, framing.headline_lede(corpus, atts, actors, counter=counter, mentions=mentions), stance),
        placement_findings(corpus, framing.first_position(corpus, atts, actors, counter=counter)),
        frame_findings(corpus, framing.frame_rate(corpus, hits=hits), hits),
        hedge_findings(corpus, framing.hedge_rate(corpus, atts)),
        evaluation_findings(corpus, eval_hits, sourcing.evaluation_rate(corpus, atts, eval_hits)),
        reply_findings(corpus, sourcing.right_of_reply(corpus, atts, actors, mentions=mentions, voice=voice)),
        credential_findings(corpus, sourcing.credentials(corpus, atts)),
        label_findings(corpus, framing.actor_labels(corpus, actors, mentions=mentions)),
        align_findings(corpus, atts),
    ]
    table = pd.concat([p for p in parts if len(p)], ignore_index=True) if any(len(p) for p in parts) else frame([])
    entman = entman_findings(corpus, framing.frame_rate(corpus, hits=hits), table)
    table = pd.concat([table, entman], ignore_index=True) if len(entman) else table
    pairs = pair_findings(corpus, table)
    return pd.concat([table, pairs], ignore_index=True) if len(pairs) else table
