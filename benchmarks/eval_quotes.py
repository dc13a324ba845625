"""Quote attribution quality on a PolNeAR-format folder (gold.jsonl + <doc_id>.txt).

PolNeAR is not shipped with this project (no data license): pass the path of your copy, e.g.
the train split. Prints precision, recall and F1 at the j50 level on speech cues only,
end-to-end F1 (quote and speaker both right), recall by kind, speaker accuracy by speaker kind,
and the same at the exact and cov30 levels for reference.
Targets on PolNeAR train: F1 >= 0.75, end-to-end F1 >= 0.65, direct recall >= 0.95,
speaker accuracy >= 0.90 (a 140-line regex floor scores F1 0.551, end-to-end 0.468).

    .venv/bin/python benchmarks/eval_quotes.py PATH [--pred predictions.jsonl] [--all-cues]
"""

import argparse
import json
import sys
import time

from analysis import CorpusError, evaluate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", help="a PolNeAR-format folder")
    parser.add_argument("--pred", help="score this JSONL (python -m analysis quotes --format jsonl) instead")
    parser.add_argument("--all-cues", action="store_true", help="score all attributions, not only speech cues")
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
    main_result = evaluate.score(gold, texts, preds, speech_only=not args.all_cues, level="j50")
    for line in evaluate.report_lines(main_result):
        print("  " + line)
    for level in ("exact", "cov30"):
        r = evaluate.score(gold, texts, preds, speech_only=not args.all_cues, level=level)
        print(f"  at {level}: P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}, end-to-end F1 {r['e2e_f1']:.3f}")


if __name__ == "__main__":
    main()
