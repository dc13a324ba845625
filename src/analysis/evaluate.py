"""Score quote attributions against a PolNeAR-format folder (any path; nothing is shipped).

A PolNeAR-format folder holds ``<doc_id>.txt`` articles and ``gold.jsonl`` with one record per
attribution (doc_id, type direct|mixed|indirect, quote_spans, speaker, speaker_spans,
speaker_kind, cue, cue_spans, speech_cue). PolNeAR itself (Newell, Margolin & Ruths 2018) has no
data license, so the project never commits it: users point this module at their own copy.

Matching follows the PolNeAR sample's reference scorer: spans are trimmed of outer whitespace,
quotation marks, trailing , . ; : and a leading "that "; a prediction matches a gold quote at
level ``j50`` when the character Jaccard is at least 0.5 (``exact``: 1.0; ``cov30``: 30% of
the gold characters covered); matching is one-to-one and greedy by overlap, and the fragments
of a quote split by its attribution may match one gold quote together. A matched quote's speaker
is right when the spans overlap, or the names share a content word, or the strings are equal
(gold without a source is right when the prediction has none either). End-to-end = quote
matched and speaker right. ``speech_only`` keeps gold whose cue is a verb of saying or writing
and drops predictions that only hit the gold left out.
"""

from __future__ import annotations

import json
import re
import zlib
from collections import Counter, defaultdict
from pathlib import Path

from .corpus import CorpusError

QUOTE_MARKS = "\"“”‘’'"
_STOP = {"the", "a", "an", "of", "and", "mr", "mrs", "ms", "dr", "said", "says", "that", "to", "in", "on", "for",
         "at", "by", "with", "from", "as"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its", "their", "one"}
LEVELS = ("exact", "j50", "cov30")


def load_gold(folder: str | Path) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """(gold records by doc_id, article texts by doc_id) from a PolNeAR-format folder."""
    folder = Path(folder)
    gold_path = folder / "gold.jsonl"
    if not gold_path.is_file():
        raise CorpusError(f"{folder}: no gold.jsonl here (expected a PolNeAR-format folder)")
    gold: dict[str, list[dict]] = defaultdict(list)
    with gold_path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    g = json.loads(line)
                except json.JSONDecodeError as e:
                    raise CorpusError(f"{gold_path}: line {n} is not JSON ({e.msg})") from None
                gold[g["doc_id"]].append(g)
    texts = {}
    for doc in gold:
        f = folder / f"{doc}.txt"
        if not f.is_file():
            raise CorpusError(f"{f}: article named in gold.jsonl is missing")
        texts[doc] = f.read_text(encoding="utf-8")
    return dict(gold), texts


# The develop/check split of a PolNeAR-format folder, fixed once (2026-12-01) before any rule was
# tuned against it: within each publisher (the doc_id before its first "_"), articles are ordered
# by the CRC-32 of their doc_id and the first 20% (rounded) are the check part. Errors are read on
# the develop part only; the check part is scored, never read.
CHECK_SHARE = 0.2
PARTS = ("develop", "check")


def split_part(doc_ids) -> dict[str, str]:
    """``{doc_id: "develop" | "check"}``: 20% of each publisher's articles, chosen by CRC-32, are check."""
    by_pub: dict[str, list[str]] = defaultdict(list)
    for d in doc_ids:
        by_pub[d.split("_", 1)[0]].append(d)
    out = {}
    for docs in by_pub.values():
        docs = sorted(docs, key=lambda d: (zlib.crc32(d.encode("utf-8")), d))
        n_check = round(CHECK_SHARE * len(docs))
        for i, d in enumerate(docs):
            out[d] = "check" if i < n_check else "develop"
    return out


def select_part(gold: dict, texts: dict, part: str) -> tuple[dict, dict]:
    """The gold and texts of one part of :func:`split_part` ("all" keeps everything)."""
    if part == "all":
        return gold, texts
    if part not in PARTS:
        raise ValueError(f"part must be one of {PARTS} or 'all', not {part!r}")
    parts = split_part(texts)
    keep = {d for d, p in parts.items() if p == part}
    return {d: g for d, g in gold.items() if d in keep}, {d: t for d, t in texts.items() if d in keep}


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in QUOTE_MARKS):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in QUOTE_MARKS + ",.;:"):
        b -= 1
    if b - a > 5 and text[a : a + 5].lower() == "that ":
        a += 5
    return a, b


def _chars(text: str, spans) -> set[int]:
    out: set[int] = set()
    for a, b in spans:
        a, b = _trim(text, a, b)
        out.update(range(a, b))
    return out


def _content_words(s: str) -> set[str]:
    return {t.lower() for t in re.findall(r"[A-Za-z][\w'-]*", s or "")
            if t.lower() not in _STOP and t.lower() not in _PRONOUNS}


def _overlap(a_spans, b_spans) -> bool:
    return any(a < d and c < b for a, b in a_spans for c, d in b_spans)


def _pred_spans(p: dict) -> tuple[list, list]:
    q = p.get("quote_spans") or ([[p["quote_start"], p["quote_end"]]] if p.get("quote_start") is not None else [])
    s = [[p["speaker_start"], p["speaker_end"]]] if p.get("speaker_start") is not None else []
    return [list(x) for x in q], s


def _speaker_right(g: dict, p: dict, p_speaker_spans) -> bool:
    if not g["speaker"]:
        return not (p.get("speaker") or "").strip()
    return (
        _overlap(g["speaker_spans"], p_speaker_spans)
        or bool(_content_words(g["speaker"]) & _content_words(p.get("speaker_mention") or ""))
        or bool(_content_words(g["speaker"]) & _content_words(p.get("speaker") or ""))
        or g["speaker"].lower().strip() == (p.get("speaker") or "").lower().strip()
    )


def score(gold: dict[str, list[dict]], texts: dict[str, str], predictions: list[dict],
          speech_only: bool = True, types: set[str] | None = None, level: str = "j50",
          detail: bool = False) -> dict:
    """Precision, recall, F1 (quotes), speaker accuracy, end-to-end P/R/F1, per-type recall, per-kind speaker accuracy.

    With ``detail``, also ``missed`` (gold records not matched), ``spurious`` (predictions not
    matched) and ``matched`` ((gold, [predictions], speaker right) triples), for reading errors.
    """
    preds: dict[str, list[dict]] = defaultdict(list)
    for p in predictions:
        if p["doc_id"] in texts:
            preds[p["doc_id"]].append(p)
    tot = Counter()
    by_type: dict[str, Counter] = defaultdict(Counter)
    by_kind: dict[str, Counter] = defaultdict(Counter)
    missed, spurious, matched_all = [], [], []

    def keep(g):
        return (not types or g["type"] in types) and (not speech_only or g.get("speech_cue", True))

    for doc, golds in gold.items():
        text = texts[doc]
        gs = [g for g in golds if keep(g)]
        gch = [_chars(text, g["quote_spans"]) for g in gs]
        ps = preds.get(doc, [])
        pspans = [_pred_spans(p) for p in ps]
        pch = [_chars(text, q) for q, _ in pspans]
        if speech_only or types:  # drop predictions that only hit gold we left out
            xch = [_chars(text, g["quote_spans"]) for g in golds if not keep(g)]
            kept = [j for j, P in enumerate(pch)
                    if any(P & G for G in gch) or not any(X and len(P & X) >= 0.3 * len(X) for X in xch)]
            ps, pspans, pch = [ps[j] for j in kept], [pspans[j] for j in kept], [pch[j] for j in kept]

        def good(G, P):
            inter = len(G & P)
            if not inter or not G:
                return None
            jac = inter / len(G | P)
            ok = jac == 1.0 if level == "exact" else jac >= 0.5 if level == "j50" else inter / len(G) >= 0.3
            return jac if ok else None

        cands = []
        for i, G in enumerate(gch):
            for j, P in enumerate(pch):
                jac = good(G, P)
                if jac is not None:
                    cands.append((jac, i, (j,)))
            frag = tuple(j for j, P in enumerate(pch) if P and len(P & G) >= 0.8 * len(P))
            if len(frag) > 1:
                jac = good(G, set().union(*(pch[j] for j in frag)))
                if jac is not None:
                    cands.append((jac, i, frag))
        cands.sort(key=lambda c: (-c[0], len(c[2])))
        used_g, used_p, matched = set(), set(), []
        for _, i, js in cands:
            if i in used_g or any(j in used_p for j in js):
                continue
            used_g.add(i)
            used_p.update(js)
            matched.append((i, js))
        tot["gold"] += len(gs)
        tot["pred"] += len(ps) - sum(len(js) - 1 for _, js in matched)
        tot["tp"] += len(matched)
        for g in gs:
            by_type[g["type"]]["gold"] += 1
            by_kind[g["speaker_kind"]]["gold"] += 1
        for i, js in matched:
            g = gs[i]
            right = any(_speaker_right(g, ps[j], pspans[j][1]) for j in js)
            tot["speaker_ok"] += right
            by_type[g["type"]]["tp"] += 1
            by_kind[g["speaker_kind"]]["tp"] += 1
            by_kind[g["speaker_kind"]]["speaker_ok"] += right
            if detail:
                matched_all.append((g, [ps[j] for j in js], right))
        if detail:
            missed += [g for i, g in enumerate(gs) if i not in used_g]
            spurious += [p for j, p in enumerate(ps) if j not in used_p]

    def prf(tp, p, g):
        prec = tp / p if p else 0.0
        rec = tp / g if g else 0.0
        return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)

    P, R, F = prf(tot["tp"], tot["pred"], tot["gold"])
    eP, eR, eF = prf(tot["speaker_ok"], tot["pred"], tot["gold"])
    extra = {"missed": missed, "spurious": spurious, "matched": matched_all} if detail else {}
    return extra | {
        "level": level, "gold": tot["gold"], "pred": tot["pred"], "tp": tot["tp"],
        "precision": P, "recall": R, "f1": F,
        "speaker_accuracy": tot["speaker_ok"] / tot["tp"] if tot["tp"] else 0.0,
        "e2e_precision": eP, "e2e_recall": eR, "e2e_f1": eF,
        "recall_by_type": {t: c["tp"] / c["gold"] for t, c in sorted(by_type.items()) if c["gold"]},
        "speaker_accuracy_by_kind": {k: c["speaker_ok"] / c["tp"] for k, c in sorted(by_kind.items()) if c["tp"]},
        "counts_by_type": {t: dict(c) for t, c in sorted(by_type.items())},
        "counts_by_kind": {k: dict(c) for k, c in sorted(by_kind.items())},
    }


def predict_folder(texts: dict[str, str]) -> list[dict]:
    """Run the extractor over every article.

    Left out: ``mention`` rows (no speaker) and ``partial`` rows (fragments already inside a
    mixed attribution's content), which PolNeAR does not annotate separately.
    """
    from .quotes import extract_text, to_records

    out = []
    for doc, text in texts.items():
        out += [r for r in to_records(doc, text, extract_text(text)) if r["kind"] not in ("mention", "partial")]
    return out


_NAME_DROP = {"the", "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gov", "governor", "president", "former", "secretary"}


def _name_words(name: str) -> list[str]:
    words = [w.strip(".,’'").lower() for w in re.sub(r"['’]s\b", "", name or "").split()]
    return [w for w in words if len(w) > 1 and w not in _NAME_DROP]  # initials ("Donald J. Trump") dropped too


def names_agree(resolved: str, entity: str, strict: bool = True) -> bool:
    """Whether a resolved speaker names the annotated entity: the same words once case, "the", titles, initials
    and a possessive are dropped ("Mrs. Clinton's" = "Clinton"); not strict also accepts one as the other's last
    words ("Clinton" for "Hillary Clinton")."""
    a, b = _name_words(resolved), _name_words(entity)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return not strict and long_[-len(short):] == short


def score_resolved(annotation: list[dict], texts: dict[str, str], predictions: list[dict]) -> dict:
    """Resolved-speaker accuracy on a hand annotation of speaker mentions (doc_id, speaker_start, speaker_end,
    entity; entity None when the mention itself names it, e.g. "many economists").

    Each annotated mention is matched to the prediction whose speaker span overlaps it; ``found`` counts
    those, ``strict`` and ``lenient`` the found ones whose resolved speaker names the entity (see
    :func:`names_agree`). Accuracies are over the found mentions; by kind (pronoun, nominal) as well.
    """
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for p in predictions:
        if p.get("speaker_start") is not None:
            by_doc[p["doc_id"]].append(p)
    tot: dict[str, Counter] = defaultdict(Counter)
    errors = []
    for a in annotation:
        text = texts.get(a["doc_id"])
        if text is None:
            continue
        s, e = a["speaker_start"], a["speaker_end"]
        entity = a["entity"] if a["entity"] is not None else text[s:e]
        hit = next((p for p in by_doc[a["doc_id"]] if p["speaker_start"] < e and s < p["speaker_end"]), None)
        for key in ("all", a.get("kind", "")):
            c = tot[key]
            c["annotated"] += 1
            if hit is None:
                continue
            c["found"] += 1
            c["strict"] += names_agree(hit["speaker"], entity, strict=True)
            c["lenient"] += names_agree(hit["speaker"], entity, strict=False)
        if hit is not None and not names_agree(hit["speaker"], entity, strict=False):
            errors.append({**a, "resolved": hit["speaker"]})
    out = {k: dict(c) | {"strict_accuracy": c["strict"] / c["found"] if c["found"] else 0.0,
                         "lenient_accuracy": c["lenient"] / c["found"] if c["found"] else 0.0}
           for k, c in tot.items()}
    out["errors"] = errors
    return out


def load_speaker_annotation(path: str | Path) -> list[dict]:
    """The records of a resolved-speaker annotation file (JSON lines), or CorpusError naming the bad line."""
    path = Path(path)
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            out.append({"doc_id": r["doc_id"], "speaker_start": int(r["speaker_start"]),
                        "speaker_end": int(r["speaker_end"]), "kind": r.get("kind", ""), "entity": r.get("entity")})
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
            raise CorpusError(f"{path}: line {n} is not an annotation record ({e})") from None
    return out


SEED_GOLD_FILE = "quotes_annotation.jsonl"


def load_seed_gold(folder: str | Path) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """The hand-made gold of a folder's ``quotes_annotation.jsonl`` as PolNeAR-format records.

    Each line names its sentence by a unique opening (``sentence``); the quote, speaker mention
    and cue are located from there, so the file needs no offsets and stays readable. Kind
    ``partial`` is kept as type ``partial``; the speaker kind is derived from the mention.
    """
    folder = Path(folder)
    path = folder / SEED_GOLD_FILE
    texts: dict[str, str] = {}
    gold: dict[str, list[dict]] = defaultdict(list)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        r = json.loads(line)
        text = texts.setdefault(r["doc_id"], (folder / f"{r['doc_id']}.txt").read_text(encoding="utf-8"))
        s = text.find(r["sentence"])
        q = text.find(r["quote"], s)
        if s < 0 or q < 0:
            raise CorpusError(f"{path}: line {n}: sentence or quote not found in {r['doc_id']}")
        spk = text.find(r["speaker_mention"], max(0, s - 1)) if r["speaker_mention"] else -1
        cue = text.find(r["cue"], max(0, s - 1)) if r["cue"] else -1
        mention = r["speaker_mention"]
        kind = ("none" if not mention else "pronoun" if mention.lower() in _PRONOUNS
                else "name" if mention[:1].isupper() and mention.split()[0] not in ("The", "That", "A", "An")
                else "nominal")
        gold[r["doc_id"]].append({
            "doc_id": r["doc_id"], "type": r["kind"], "quote": r["quote"],
            "quote_spans": [[q, q + len(r["quote"])]], "speaker": r["speaker"],
            "speaker_spans": [[spk, spk + len(r["speaker_mention"])]] if spk >= 0 else [],
            "speaker_kind": kind, "cue": r["cue"], "cue_spans": [[cue, cue + len(r["cue"])]] if cue >= 0 else [],
            "speech_cue": True,
        })
    return dict(gold), texts


def report_lines(result: dict) -> list[str]:
    """A printable summary of :func:`score`."""
    lines = [
        f"gold {result['gold']}  predicted {result['pred']}  matched {result['tp']}  (level {result['level']})",
        f"quotes      P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}",
        f"end-to-end  P {result['e2e_precision']:.3f}  R {result['e2e_recall']:.3f}  F1 {result['e2e_f1']:.3f}"
        "  (quote matched and speaker right)",
        f"speaker accuracy on matched quotes: {result['speaker_accuracy']:.3f}",
        "recall by kind: " + ", ".join(
            f"{t} {c.get('tp', 0)}/{c['gold']} = {c.get('tp', 0) / c['gold']:.3f}"
            for t, c in result["counts_by_type"].items() if c["gold"]),
        "speaker accuracy by speaker kind: " + ", ".join(
            f"{k} {c.get('speaker_ok', 0)}/{c['tp']} = {c.get('speaker_ok', 0) / c['tp']:.3f}"
            for k, c in result["counts_by_kind"].items() if c.get("tp")),
    ]
    return lines
