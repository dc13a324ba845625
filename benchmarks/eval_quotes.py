"""Quote attribution quality on a PolNeAR-format folder (gold.jsonl + <doc_id>.txt), develop and check side by side.

PolNeAR is not shipped with this project (no data license): pass the path of your copy, e.g.
the train split. The folder is split once into a develop part and a check part
(``analysis.evaluate.split_part``: 20% of each publisher's articles by CRC-32 of the doc_id);
rules are tuned by reading errors on the develop part only, and both parts are reported. Prints,
per part, precision, recall and F1 at the j50 level on speech cues only, end-to-end F1 (quote and
speaker both right), recall by kind, speaker accuracy by speaker kind, the exact and cov30 levels,
and, per rule of ``analysis.quotes.RULES``, how many attributions it produced and their precision.

    .venv/bin/python benchmarks/eval_quotes.py PATH [--pred predictions.jsonl] [--all-cues]
        [--errors FILE.jsonl]   # develop-part misses and spurious predictions, one JSON line each
"""

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from analysis import CorpusError, evaluate

# Resolved speakers, annotated by hand for 153 pronoun and nominal speech attributions of the develop part
# (see benchmarks/data/README.md): ids, offsets and entity names only, no article text.
ANNOTATION = Path(__file__).parent / "data" / "speaker_annotation.jsonl"


def rule_lines(result: dict) -> list[str]:
    """Per rule: attributions produced (after the speech-cue filter) and the share that match a gold quote."""
    made, right = Counter(), Counter()
    for _g, ps, _ok in result["matched"]:
        for p in ps:
            right[p.get("rule", "")] += 1
            made[p.get("rule", "")] += 1
    for p in result["spurious"]:
        made[p.get("rule", "")] += 1
    width = max((len(r) for r in made), default=4)
    return [f"{rule or '(none)':<{width}}  {made[rule]:>5}  precision {right[rule] / made[rule]:.3f}"
            for rule in sorted(made, key=lambda r: (-made[r], r))]


def lexicon_gaps(gold: dict, top: int = 15) -> str:
    """The cue words of speech attributions in ``gold`` that no cue form of the lexicon contains, most frequent first."""
    from analysis.quotes import _cue_tables

    first = _cue_tables()[0]
    gaps = Counter()
    for records in gold.values():
        for g in records:
            words = re.findall(r"[a-z]+", g["cue"].lower())
            if g.get("speech_cue", True) and words and not any(w in first for w in words):
                gaps[" ".join(words)] += 1
    return ", ".join(f"{w} {n}" for w, n in gaps.most_common(top))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="a PolNeAR-format folder")
    parser.add_argument("--pred", help="score this JSONL (python -m analysis quotes --format jsonl) instead")
    parser.add_argument("--all-cues", action="store_true", help="score all attributions, not only speech cues")
    parser.add_argument("--errors", help="write the develop part's misses and spurious predictions here (JSONL)")
    args = parser.parse_args()
    try:
        gold, texts = evaluate.load_gold(args.path)
    except CorpusError as e:
        sys.exit(f"error: {e}")
    t = time.perf_counter()
    if args.pred:
        with open(args.pred, encoding="utf-8") as fh:
            preds = [json.loads(line) for line in fh if line.strip()]
    else:
        preds = evaluate.predict_folder(texts)
    elapsed = time.perf_counter() - t
    n_gold = sum(len(g) for g in gold.values())
    print(f"{len(texts)} articles, {n_gold} gold attributions; {len(preds)} predictions"
          + ("" if args.pred else f" in {elapsed:.1f} s"))
    print("speech cues only" if not args.all_cues else "all cues")
    for part in (*evaluate.PARTS, "all"):
        g, tx = evaluate.select_part(gold, texts, part)
        r = evaluate.score(g, tx, preds, speech_only=not args.all_cues, level="j50", detail=True)
        print(f"\n== {part}: {len(tx)} articles")
        for line in evaluate.report_lines(r):
            print("  " + line)
        for level in ("exact", "cov30"):
            r2 = evaluate.score(g, tx, preds, speech_only=not args.all_cues, level=level)
            print(f"  at {level}: P {r2['precision']:.3f} R {r2['recall']:.3f} F1 {r2['f1']:.3f}, "
                  f"end-to-end F1 {r2['e2e_f1']:.3f}")
        if part == "develop":
            ann = evaluate.load_speaker_annotation(ANNOTATION)
            res = evaluate.score_resolved(ann, tx, preds)
            a = res["all"]
            print(f"  resolved speakers on the hand annotation ({ANNOTATION.name}, {a['annotated']} pronoun and nominal "
                  f"mentions): speaker mention found {a.get('found', 0)}; resolved to the annotated entity "
                  f"{a['strict_accuracy']:.3f} strict, {a['lenient_accuracy']:.3f} lenient; "
                  + ", ".join(f"{k} {res[k]['lenient_accuracy']:.3f} ({res[k].get('found', 0)})"
                              for k in ("pronoun", "nominal") if k in res))
            print("  cue words of the develop gold outside the lexicon: " + lexicon_gaps(g))
            print("  per rule (develop): attributions, precision at j50")
            for line in rule_lines(r):
                print("    " + line)
            if args.errors:
                with open(args.errors, "w", encoding="utf-8") as fh:
                    for rec in r["missed"]:
                        fh.write(json.dumps({"error": "missed", **rec}, ensure_ascii=False) + "\n")
                    for rec in r["spurious"]:
                        fh.write(json.dumps({"error": "spurious", **rec}, ensure_ascii=False) + "\n")
                    for rec, ps, ok in r["matched"]:
                        if not ok:
                            fh.write(json.dumps({"error": "speaker", **rec, "pred": ps}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
